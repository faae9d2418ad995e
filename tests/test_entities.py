"""Entity recognition: countries, cities, organisations in English and Chinese."""
from pathlib import Path

import pytest

from qa.text.entities import Entity, entity_terms, find_entities

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"  # the five articles, as in ../shared


def keys(text):
    return [e.key for e in find_entities(text)]


def by_key(text):
    return {e.key: e for e in find_entities(text)}


def test_english_question_maps_to_chinese_names():
    found = find_entities("What was the 2024 Kazakhstan–China trade volume?")
    assert [e.key for e in found] == ["KZ", "CN"]
    kz, cn = found
    assert kz.kind == cn.kind == "country"
    assert kz.names_zh[0] == "哈萨克斯坦" and kz.surface == "Kazakhstan"
    assert "中国" in cn.names_zh and cn.name_en == "China"


def test_chinese_question():
    assert keys("哈萨克斯坦与乌兹别克斯坦的贸易额是多少？") == ["KZ", "UZ"]


@pytest.mark.parametrize(
    "text, key, chinese",
    [
        ("Japan", "JP", "日本"),
        ("Brazil", "BR", "巴西"),
        ("Germany", "DE", "德国"),
        ("South Korea", "KR", "韩国"),
        ("the Republic of Korea", "KR", "韩国"),
        ("North Korea", "KP", "朝鲜"),
        ("Democratic Republic of the Congo", "CD", "刚果民主共和国"),
        ("Myanmar", "MM", "缅甸"),
        ("Burma", "MM", "缅甸"),
        ("Ivory Coast", "CI", "科特迪瓦"),
        ("Bosnia and Herzegovina", "BA", "波斯尼亚和黑塞哥维那"),
    ],
)
def test_countries_beyond_the_corpus(text, key, chinese):
    found = find_entities(f"What is the GDP of {text}?")
    assert [e.key for e in found] == [key]
    assert chinese in found[0].names_zh


def test_traditional_chinese_names_follow_simplified():
    cn = by_key("中國")["CN"]
    assert cn.names_zh.index("中国") < cn.names_zh.index("中國")


@pytest.mark.parametrize("text", ["Romania", "Chadwick", "Omani", "Nigerian", "Frankfurt"])
def test_no_match_inside_longer_words(text):
    assert not {"OM", "TD", "NE", "FR"} & set(keys(text))


def test_word_boundary_positive_cases():
    assert keys("Oman, Chad and Niger (not Nigeria).") == ["OM", "TD", "NE", "NG"]
    assert keys("China's exports") == ["CN"]
    assert keys("中国与Kazakhstan的关系") == ["CN", "KZ"]


def test_lowercase_english_is_not_a_name():
    assert keys("fine china and turkey for dinner") == []


def test_chinese_longest_match():
    assert keys("吉尔吉斯斯坦") == ["KG"]
    assert keys("刚果民主共和国和刚果") == ["CD", "CG"]
    assert keys("中华人民共和国") == ["CN"]
    assert keys("白俄罗斯") == ["BY"]  # not also Russia
    assert keys("印度尼西亚") == ["ID"]  # not also India


def test_single_character_abbreviations_are_skipped():
    assert keys("哈方") == []
    assert all(len(n) > 1 for e in find_entities("Kazakhstan China Russia") for n in e.names_zh)


def test_order_of_appearance_and_dedup():
    found = find_entities("俄罗斯、Kazakhstan、哈萨克斯坦、Russia、中国")
    assert [e.key for e in found] == ["RU", "KZ", "CN"]
    assert [e.surface for e in found] == ["俄罗斯", "Kazakhstan", "中国"]


def test_demonyms_from_language_names():
    assert keys("Kazakh companies") == ["KZ"]
    assert keys("Chinese and Russian investors") == ["CN", "RU"]
    assert keys("Uzbeks and Armenians") == ["UZ", "AM"]
    assert keys("English") == []  # a language, not the United States


def test_cities_and_organisations():
    found = by_key("Almaty, 阿拉木图 and Moscow; the United Nations and 欧盟")
    assert found["Asia/Almaty"].kind == "city" and "阿拉木图" in found["Asia/Almaty"].names_zh
    assert found["Europe/Moscow"].names_zh[0] == "莫斯科"
    assert found["UN"].kind == "org" and "联合国" in found["UN"].names_zh
    assert found["EU"].kind == "org" and found["EU"].name_en == "European Union"


def test_country_name_wins_over_city_of_same_name():
    assert [(e.key, e.kind) for e in find_entities("Bahrain")] == [("BH", "country")]


def test_entity_terms_has_both_languages():
    terms = entity_terms(find_entities("Kazakhstan and 中国"))
    assert {"哈萨克斯坦", "Kazakhstan", "中国", "China", "中華人民共和國"} <= set(terms)
    assert len(terms) == len(set(terms))
    assert entity_terms([]) == []


def test_entity_is_frozen():
    entity = find_entities("Japan")[0]
    assert isinstance(entity, Entity)
    with pytest.raises(AttributeError):
        entity.key = "XX"


def test_whole_article_counts():
    text = (CORPUS / "004_86a8fb1eaa77d1c9.txt").read_text(encoding="utf-8")
    found = by_key(text)
    for key in ("CN", "KZ", "RU", "IN", "KG", "BY", "PK", "IR", "AF", "MN"):
        assert found[key].kind == "country"
    assert "Asia/Almaty" in found and "UN" in found
    assert found["CN"].surface == "China"  # "《China Daily》" comes first
    assert text.count("哈萨克斯坦") > 1 and list(found).count("KZ") == 1


def test_every_corpus_article_names_kazakhstan():
    for path in sorted(CORPUS.glob("*.txt")):
        assert "KZ" in keys(path.read_text(encoding="utf-8")), path.name


def test_a_chinese_country_name_with_one_character_wrong_still_names_it():
    from qa.question import analyze

    assert [e.key for e in analyze("澳大利压的铁矿石出口是多少？").entities] == ["AU"]
    assert [e.key for e in analyze("乌兹别克斯担和中国的贸易额").entities] == ["UZ", "CN"]
    # A real name followed by a word is no slip: 以色列 and 发动, not "以色列X".
    assert [e.key for e in analyze("叙利亚和埃及何时对以色列发动袭击？").entities] == ["SY", "EG", "IL"]


def test_a_taiwan_short_name_typed_in_simplified_names_the_country():
    from qa.question import analyze

    assert [e.key for e in analyze("乌兹别克对塔吉克的出口有多少？").entities] == ["UZ", "TJ"]


def test_ya_is_armenia_in_a_pair_and_asia_in_a_region():
    from qa.question import analyze

    assert {e.key for e in analyze("俄亚关系如何？").entities} == {"RU", "AM"}
    assert {e.key for e in analyze("中亚峰会在哪里举行？").entities} == set()  # Central Asia, not China–Armenia
    assert {e.key for e in analyze("亚太经合组织的成员有哪些？").entities} == set()


def test_a_one_character_form_with_guo_names_its_country():
    from qa.text.entities import side_entities

    assert [e.key for e in side_entities("他说哈国境内有不少企业")] == ["KZ"]
    assert [e.key for e in side_entities("跟吉国做生意")] == ["KG"]
    assert side_entities("对俄国事访问意义重大") == []  # 国事: a state visit, not 俄国
    assert side_entities("以国家名义，各参加国代表出席") == []


def test_a_short_form_after_a_direction_word_names_the_flow_partner():
    from qa.question import analyze

    assert [e.key for e in analyze("哈萨克斯坦对俄出口多少？").entities] == ["KZ", "RU"]
    assert [e.key for e in analyze("巴西对中出口多少？").entities][-1] == "CN"
    assert [e.key for e in analyze("中国对外出口多少？").entities] == ["CN"]  # 外 is no country


def test_shuangfang_qualifies_a_pair():
    from qa.question import analyze

    assert [e.key for e in analyze("中俄双方合作的项目有多少？").entities] == ["CN", "RU"]


def test_a_one_character_form_where_something_is_done_names_the_country():
    from qa.text.entities import side_entities
    assert [e.key for e in side_entities("目前有多少家企业在荷运营？")] == ["NL"]
    assert [e.key for e in side_entities("俄资企业在哈境内超过多少家")][-1] == "KZ"
    assert [e.key for e in side_entities("在华开设了工坊")] == ["CN"]
    assert side_entities("会议在日内瓦举行") == [] and side_entities("在中亚运营") == []
    assert side_entities("增加境外投资") == []


def test_groupings_by_their_initials():
    assert [e.key for e in find_entities("trade with the EU in 2024")] == ["EU"]
    assert [e.key for e in find_entities("a U.N. report")] == ["UN"]


def test_wu_is_ukraine_in_talks_and_uzbekistan_beside_central_asia():
    from qa.text.entities import pair_entities
    assert [e.key for e in pair_entities("哈萨克斯坦是美乌谈判的最优平台")] == ["US", "UA"]
    assert [e.key for e in pair_entities("哈乌贸易额")] == ["KZ", "UZ"]
    assert pair_entities("乌拉尔地区合作论坛") == []


def test_a_shared_one_character_form_names_a_country_only_beside_its_partner():
    from qa.text.entities import pair_entities

    assert [e.key for e in pair_entities("随着亚阿两国今年8月签署和平协议")] == ["AM", "AZ"]
    assert [e.key for e in pair_entities("中阿合作论坛")] == ["CN"]  # the Arab states, not Azerbaijan
