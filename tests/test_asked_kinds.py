"""What a question asks, read by the question stage and the answer stage's
small checks: periods, sizes, worths, multiples, lists, figures, places, the
thing ranked first. No models: the fast tier."""

import pytest

from qa.answer.decide import FIRST_ASKED, FIRST_STATED
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
