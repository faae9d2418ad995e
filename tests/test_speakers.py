"""The unnamed speaker of a quoted paragraph (qa.ingest.speakers). Invented
text: an interview over several paragraphs that names the expert once."""

import pytest

from qa.ingest.corpus import parse_article
from qa.ingest.speakers import has_name, named_speaker, speakers, unnamed_attribution

pytestmark = pytest.mark.fast

INTERVIEW = [
    "智利大学经济系教授卡洛斯·门多萨表示，两国贸易仍有潜力。",
    "- 最大的问题是港口拥堵，其次是关税。-他说。",
    "教授认为，铜矿出口将继续增长。",
    "会议讨论了农业合作。",
    "双方认为合作前景广阔。",
]


def test_a_dash_reply_a_pronoun_and_the_role_alone_carry_the_named_speaker():
    who = speakers(INTERVIEW)
    assert who[0] == ""  # the paragraph names its speaker itself
    assert who[1] == who[2] == "智利大学经济系教授卡洛斯·门多萨"
    # No attribution at all, and "双方" attributes to no one named.
    assert who[3] == who[4] == ""


def test_a_speaker_goes_out_of_reach():
    paras = [INTERVIEW[0], "会议讨论了农业。", "会议讨论了渔业。", "会议讨论了矿业。", "会议讨论了林业。", "他说，前景很好。"]
    assert speakers(paras)[-1] == ""


def test_names_are_told_from_other_subjects():
    assert has_name("政治学家爱德华·波列塔耶夫")
    assert has_name("托卡耶夫总统早前亦")  # adverbs and titles after the name
    assert not has_name("文章") and not has_name("双方") and not has_name("他特别")
    assert named_speaker("“此访规格非凡。”波列塔耶夫如是说。") == "波列塔耶夫"
    assert named_speaker("该项目被称为新的里程碑。") is None  # 称为 names, it does not attribute


def test_english_attributions():
    assert named_speaker("Trade will double, analyst Maria Lopez said.") == "Maria Lopez"
    assert unnamed_attribution("“It is a good sign,” she added.", "Maria Lopez")
    assert not unnamed_attribution("The ministers met in May.", "Maria Lopez")


def test_the_speaker_is_part_of_the_passage_context():
    art = parse_article("x.txt", " date 2024-03-15\n\n" + "\n\n".join(INTERVIEW))
    assert "卡洛斯·门多萨" in art.passages[1].context
    assert art.passages[1].speaker and not art.passages[0].speaker


def test_a_name_given_again_alone_keeps_the_role_it_was_introduced_with():
    paras = ["经济学家卡洛斯·门多萨认为，合作前景广阔。", "会议讨论了农业。", "门多萨称该论坛意义重大。", "“贸易额七成来自边境。”经济学家指出。"]
    assert speakers(paras)[-1] == "经济学家卡洛斯·门多萨"


def test_the_name_of_an_attribution_drops_its_role():
    from qa.ingest.speakers import name_of

    assert name_of("智利大学经济系教授卡洛斯·门多萨") == "卡洛斯·门多萨"
    assert name_of("政治学者、国际问题专家扎纳特·莫明库洛夫") == "扎纳特·莫明库洛夫"
    assert name_of("门多萨") == "门多萨"
