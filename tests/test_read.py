"""Reader spans widened to whole words and whole quotations (qa.answer.read.whole_words): no model."""

import pytest

from qa.answer.read import whole_words

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


@pytest.mark.parametrize("sentence, span, widened", [
    ("俄羅斯總統普京訪問韓國的前兩年，金大中也去了俄羅斯。", "金大", "金大中"),  # Traditional: words from its Simplified form
    ("主序帶上的「歐」型恆星直徑約為太陽的八倍。", "歐」型", "「歐」型"),
    ("他的专著《草原之路》于2019年出版。", "《草原之路", "《草原之路》"),
    ("The first printing press was built by Johann Gutenberg in Mainz.", "Johann Gutenb", "Johann Gutenberg"),
    ("Trade reached 44 billion dollars in 2024.", "44 bil", "44 billion"),
    ("该方案将使智利货物运往秘鲁的成本降低15-20%。", "15-20", "15-20%"),  # a number keeps its percent sign
    ("Costs fell by 12% last year.", "12", "12%"),
])
def test_a_span_cut_mid_word_or_mid_quotation_is_widened(sentence, span, widened):
    a = sentence.index(span)
    x, y = whole_words(sentence, a, a + len(span))
    assert sentence[x:y] == widened


@pytest.mark.parametrize("sentence, span", [
    ("2024年双边贸易额达440亿美元。", "440亿美元"),
    ("哈萨克斯坦天然气公司（QazaqGaz）表示", "哈萨克斯坦天然气公司（QazaqGaz）"),
    ("Trade reached 44 billion dollars in 2024.", "44 billion dollars"),
])
def test_a_whole_span_is_left_as_it_is(sentence, span):
    a = sentence.index(span)
    assert whole_words(sentence, a, a + len(span)) == (a, a + len(span))


def test_a_name_whose_bracketed_short_form_the_question_uses_echoes_it():
    """The question names the thing by its short form; the text's full name
    with that form in brackets only repeats it, and is not the answer."""
    from qa.answer.readings import echoes
    from qa.question import analyze

    q = analyze("What was the first cargo shipped over the BRX route?")
    assert echoes(q, "“北方铁路快线（BRX）”")
    assert echoes(q, "北方铁路快线（BRX）")
    assert not echoes(q, "小麦")
    assert not echoes(analyze("What does the BR agency finance?"), "北方铁路快线（BRX）")  # a whole word only


@pytest.mark.parametrize("sentence, span, widened", [
    ("该国是其第三大贸易伙伴。", "第三", "第三大"),  # an ordinal keeps the word it ranks with
    ("该市是全国第二大港口。", "第二", "第二大"),
    ("总统出席了纽约联合国大会第80届会议。", "80届会议", "第80届会议"),  # and its 第
])
def test_an_ordinal_keeps_its_head(sentence, span, widened):
    a = sentence.index(span)
    x, y = whole_words(sentence, a, a + len(span))
    assert sentence[x:y] == widened


def test_a_span_opening_with_a_number_keeps_the_qualifier_before_it():
    from qa.answer.readings import with_qualifier

    assert with_qualifier("两国元首一年内会晤超过六次，在多个场合举行会谈", "六次") == "超过六次"
    assert with_qualifier("the two sides signed about 40 agreements", "40 agreements") == "about 40 agreements"
    assert with_qualifier("共有6000家企业", "6000家") == "6000家"  # nothing qualifies it
    assert with_qualifier("会晤超过六次", "元首") == "元首"  # not a number


def test_a_quoted_paragraph_is_read_with_its_unnamed_speakers_name_first():
    from qa.answer.read import window
    from qa.ingest.corpus import Passage, split_sentences
    from qa.search.retrieve import Hit

    text = "- 最大的问题是港口拥堵。其次是关税。-他说。"
    p = Passage("t.txt", 2, text, split_sentences(text), "t", "2025-01-01", None, ("巴西",), "智利大学教授卡洛斯·门多萨")
    from qa.question import analyze

    hit = Hit(p, 1.0, p.sentences[0], 0.9, {}, (0.9,))
    read_as, starts = window(hit, q=analyze("Which problem does Mendoza rank first?"))
    assert read_as.startswith("卡洛斯·门多萨说：- 最大的问题是港口拥堵。")
    # A question that names no one reads the text alone.
    assert window(hit, q=analyze("智利最大的问题是什么？"))[0].startswith("- 最大的问题")
    # Where each sentence starts in the text read (a span in the name maps to none).
    assert [read_as[a : a + len(s)] == s for a, s in starts] == [True] * len(starts)
    assert starts[0][0] == len("卡洛斯·门多萨说：")


def test_doubling_answers_how_many_times():
    from qa.answer.spans import PATTERNS

    assert PATTERNS["count"].search("贸易额仍然很低，需要翻一番。").group() == "翻一番"


def test_the_first_words_of_a_title_run_on_to_its_end():
    from qa.answer.spans import closed

    t = "部长在《环球时报》署名文章《合作共赢——新时代的桥梁》中阐述了立场。"
    assert closed(t, "合作共赢") == "合作共赢——新时代的桥梁"
    assert closed(t, "《合作共赢") == "《合作共赢——新时代的桥梁》"
    assert closed(t, "环球时报") == "环球时报"  # already whole


def test_a_title_made_of_a_city_the_question_names_and_its_words_echoes_it():
    from qa.answer.readings import echoes
    from qa.question import analyze

    q = analyze("Under the Lima Agreement corridors, which route ties Brazilian ports to Chilean ones?")
    assert echoes(q, "《利马协定》") and not echoes(q, "乌赞-别列克特路线")
