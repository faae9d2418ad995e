"""What a question asks, read by the question stage and the answer stage's
small checks: periods, sizes, worths, multiples, lists, figures, places, the
thing ranked first. No models: the fast tier."""

import pytest

from qa.answer.within import FIRST_ASKED, FIRST_STATED
from qa.answer.places import place_of_event, reads_as_clause
from qa.answer.quotes import quote_of
from qa.answer.units import measure_clash
from qa.question import AnswerType, analyze

pytestmark = pytest.mark.fast


@pytest.mark.parametrize("text, part", [
    ("哈萨克对吉尔吉斯投资，2024年12个月合计多少", "M1-12"),
    ("What was the trade over all 12 months of 2024?", "M1-12"),
    ("2024年12月的贸易额是多少", None),  # December, not the year
    ("trade in the last 12 months", None),  # no calendar year
])
def test_a_years_twelve_months_are_the_whole_year(text, part):
    assert analyze(text).period.part == part


def test_a_communitys_population_is_a_count_of_its_people():
    q = analyze("亚美尼亚侨民在哈萨克斯坦的社区规模有多大，人口约数是？")
    assert q.indicator is None and q.answer_type is AnswerType.COUNT
    country = analyze("What is the population of Kazakhstan?")
    assert country.indicator == "population" and country.answer_type is AnswerType.COUNT


def test_a_price_tag_is_a_worth_not_a_price():
    q = analyze("Over 170 joint projects — total price tag?")
    assert q.indicator != "price" and q.answer_type is AnswerType.MONEY
    assert analyze("What is the price of the gas?").indicator == "price"


def test_how_many_times_of_a_capacity_asks_a_multiple():
    assert not measure_clash("dostyk moyinty 2nd line how many times capacity", "五倍")
    assert not measure_clash("How many times will the corridor's capacity grow?", "五倍")
    assert measure_clash("How many times did the two leaders meet?", "五倍")


@pytest.mark.parametrize("text, many", [
    ("Despite the dip, which Kazakh export goods to Russia actually grew?", True),
    ("Which city hosted the summit?", False),
])
def test_a_plural_noun_of_things_asks_many(text, many):
    assert analyze(text).asks_many is many


def test_what_figure_of_a_flow_asks_an_amount():
    q = analyze("Kazakhstan-Russia turnover for 2024 — what figure is cited ahead of the visit?")
    assert q.answer_type is AnswerType.MONEY


@pytest.mark.parametrize("span, clause", [
    ("华开设了第二和第三鲁班工坊", True),  # a verb and 了: read for 在哪里, it is no place
    ("制药、塑料及汽车零部件领域", False),  # 制药 reads as a verb, but no 了 follows
    ("乔尔蓬阿塔市", False),
])
def test_a_place_is_a_name_not_a_clause(span, clause):
    assert reads_as_clause(span) is clause


def test_the_thing_ranked_first():
    assert FIRST_ASKED.search("which environmental problem tops the agenda?")
    assert not FIRST_ASKED.search("what are the main exports?")
    m = FIRST_STATED.search("这些问题涉及水资源和气候变化。其中最重要的是里海海平面下降。")
    assert m and m.group(1) == "里海海平面下降"
    m = FIRST_STATED.search("Several issues were raised; the most pressing of them is the falling sea level.")
    assert m and m.group(2) == "the falling sea level"


def test_the_words_of_the_person_asked():
    # An invented paragraph that quotes two people.
    para = "专家波列塔耶夫称此访为“历史性的一步”。外长拉夫罗夫则称其为“重要的国际活动”。"
    assert quote_of(analyze("What did Lavrov call the visit?"), para) == "重要的国际活动"
    assert quote_of(analyze("How did Poletayev describe the visit?"), para) == "历史性的一步"
    assert quote_of(analyze("波列塔耶夫怎么形容这次访问？"), para) == "历史性的一步"
    # The speaker named after the words.
    after = "“合作正稳步向前。”托卡耶夫表示。“前景广阔。”另一位专家说。"
    assert quote_of(analyze("What did Tokayev say about the cooperation?"), after) == "合作正稳步向前。"
    # Not a question about words: which region, asked of a moment someone spoke.
    assert quote_of(analyze("Which region's leader did Lavrov meet when he called the trip historic?"), para) is None


def test_shrink_or_grow_compares_two_amounts():
    q = analyze("Did the turnover for the first eight months shrink or grow versus the same months of 2024? Give both numbers.")
    assert q.comparison and q.answer_type is AnswerType.MONEY


def test_this_month_is_in_this_year():
    assert analyze("What turnover goal did the ministers endorse at the start of this month?").period.relative == (0,)
    assert analyze("本月初两国外长同意的贸易目标是多少？").period.relative == (0,)


def test_the_people_counted_by_where_they_come_from():
    assert analyze("By 2024, how many young people from Kyrgyzstan studied in Kazakhstan?").counted_of == "KG"


def test_a_keyword_query_ending_in_total_asks_a_count():
    assert analyze("joint venture firms registered inside kazakhstan total").answer_type is AnswerType.COUNT


def test_the_place_of_an_event_named_before_the_question_word():
    q = analyze("三国签水电站建设协议的地点在哪")
    clause = "2024年6月，三国在维也纳签署了在纳伦州建设水电站的协议"
    assert place_of_event(q, clause) == "维也纳"


def test_what_a_flow_consists_of_is_the_list_after_it():
    from qa.answer.readings import _as_list

    assert analyze("What did the 2024 exports to Kyrgyzstan consist of?").asks_many
    sentence = "2024年，甲国对乙出口额达12.6亿美元，主要包括黄金、煤炭及水泥；乙国对甲出口额则为4.56亿美元。"
    assert _as_list("2024年，甲国对乙出口额达12.6亿美元", "对乙出口额", sentence=sentence) == "黄金、煤炭及水泥"


def test_people_are_not_counted_by_a_count_of_halls():
    from qa.answer.units import unit_clash

    assert unit_clash("How many people visited the centre?", "五个", "涵盖民族志五个展区，为年轻人")
    assert not unit_clash("How many students came?", "五个", "有五个学生来")


def test_the_base_of_a_change_is_not_the_period_asked():
    q = analyze("哈俄1-8月货物贸易170亿美元，比去年同期少了百分之几")
    assert q.period.relative == () and q.period.part == "M1-8"
    assert analyze("去年同期的贸易额是多少？").period.relative == (-1,)


def test_by_what_factor_asks_a_multiple_not_a_rate():
    assert analyze("By what factor does the corridor's capacity grow?").answer_type is AnswerType.COUNT


@pytest.mark.parametrize("text, indicator", [
    ("was Kazakhstan shipping out more than it brought in?", "export"),
    ("how much farm produce changed hands in 2024?", "trade"),
    ("which states would it bring into one dialogue?", None),  # "bring into" is not "bring in"
])
def test_indicators_said_in_other_words(text, indicator):
    assert analyze(text).indicator == indicator


def test_a_count_asked_over_on_one_side():
    from qa.answer.constraints import located_elsewhere

    q = analyze("两国资本共同组建的公司，在哈萨克那边已经有多少家了？")
    assert located_elsewhere(q, "亚美尼亚境内亦有逾 100 家带哈方资本的企业")
    assert not located_elsewhere(q, "哈萨克斯坦境内注册运营的合资企业超过 400 家")


def test_capitals_that_sign_with_each_other_are_countries():
    from qa.text.capitals import capital_countries

    assert capital_countries("how many accords has astana inked with yerevan?") == [("astana", "KZ"), ("yerevan", "AM")]
    assert capital_countries("what was signed in astana") == []


def test_the_buyer_is_where_a_countrys_goods_go():
    assert analyze("Armenia buys what kinds of Kazakh goods?").flow == (("AM", "dst"), ("KZ", "src"))
    assert analyze("哈萨克斯坦向中国出口的商品有哪些？").flow == (("KZ", "src"), ("CN", "dst"))


def test_the_place_written_before_a_things_name():
    from qa.answer.places import place_of_name

    q = analyze("The Kyrgyz centre called Manas-Ata sits in which city?")
    assert place_of_name(q, "包括阿斯塔纳的民族文化协会、塔拉兹的“玛纳斯-阿塔”中心等。") == "塔拉兹"


@pytest.mark.parametrize("question, clause, place", [
    ("第十二屆委員會會議辦在哪裡？", "该委员会第十二次会议于2023年在阿斯塔纳举行", "阿斯塔纳"),
    ("第一届论坛办在哪座城市？", "这一议题将在11月阿克套举办的第一届论坛上讨论", "阿克套"),
])
def test_the_place_of_an_event_held(question, clause, place):
    assert place_of_event(analyze(question), clause) == place


@pytest.mark.parametrize("text, part", [
    ("kazakh turkmen turnover 9 months yoy increase", "M1-9"),
    ("turnover over the last 9 months", None),
])
def test_bare_months_of_a_statistic_count_from_january(text, part):
    assert analyze(text).period.part == part


def test_set_one_flow_against_the_other_compares_them():
    q = analyze("Set Kazakhstan's 2024 exports to Kyrgyzstan against Kyrgyzstan's exports to Kazakhstan — what are the two figures?")
    assert q.comparison and q.answer_type is AnswerType.MONEY


def test_how_fast_between_two_periods_asks_one_rate():
    q = analyze("If I compare Jan–Sep 2025 with Jan–Sep 2024, how fast did commerce between Astana and Ashgabat expand?")
    assert q.answer_type is AnswerType.PERCENT and not q.comparison


def test_a_size_asked_with_over():
    assert analyze("亞美尼亞的經濟體量超過多少美元？").indicator == "gdp"


def test_a_province_of_kazakhstan_is_written_with_zhou():
    from qa.answer.places import names_a_place

    assert names_a_place("哈方在夏季从吉尔吉斯斯坦引进电力以灌溉突厥斯坦州农田", "province")


def test_keyword_venue_asks_a_place_and_name_the_asks_many_only_of_plurals():
    assert analyze("venue twelfth session commission").answer_type is AnswerType.PLACE
    assert not analyze("Name the rail stop where the train pulled in.").asks_many
    assert analyze("Name the countries in the dialogue").asks_many


def test_where_something_arrived():
    from qa.answer.places import arrival_place

    q = analyze("Name the Armenian rail stop where the first trainload pulled in.")
    assert arrival_place(q, "首批货物——来自甲国的小麦——已抵达亚美尼亚阿伊鲁姆站。") == "阿伊鲁姆站"


def test_a_port_named_after_a_country_is_not_the_country():
    assert analyze("土库曼巴什港那边的物流费用能降低几成").countries == ()
    assert [e.key for e in analyze("住在哈萨克斯坦的吉尔吉斯族大概有多少人？").countries] == ["KZ", "KG"]


def test_a_name_with_its_gloss_that_the_question_names_is_an_echo():
    from qa.answer.readings import echoes

    assert echoes(analyze("特朗普那条和平繁荣之路上跑的第一批货是啥"), "繁荣之路（TRIPP）")


def test_a_surplus_asked_with_both_flows_values_compares_them():
    q = analyze("Over the first nine months of 2025, was Kazakhstan running a surplus with Turkmenistan? Give the export and import values.")
    assert q.comparison


def test_a_counted_noun_typed_with_one_slip_keeps_the_text_noun():
    from qa.answer.choose import with_counted_noun

    q = analyze("试运行那趟火车一共有几节车箱")
    assert with_counted_noun(q, "试运行的 15 节车厢不仅标志着新物流路径的开启", "15 节") == "15 节车厢"


def test_round_five_readings():
    # A year-on-year dip is a rate; buying back is importing; an ethnic group's
    # population is a count of its people; "which export lines" asks several things.
    assert analyze("Turnover hit 17 billion dollars in eight months; what was the year-on-year dip?").answer_type is AnswerType.PERCENT
    assert analyze("Is Kazakhstan selling more to its neighbour than it buys back?").comparison
    q = analyze("哈薩克境內的亞美尼亞裔人口約多少？")
    assert q.indicator is None and q.answer_type is AnswerType.COUNT
    assert analyze("which Kazakh export lines bucked that trend?").asks_many


def test_an_export_total_is_an_amount_and_a_bare_total_a_count():
    assert analyze("January through August 2025 with Russia: Kazakh export total versus Kazakh import total?").answer_type is AnswerType.MONEY
    assert analyze("joint venture firms registered inside kazakhstan total").answer_type is AnswerType.COUNT
