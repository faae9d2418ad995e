"""What a question asks, read by the question stage and the answer stage's
small checks: periods, sizes, worths, multiples, lists, figures, places, the
thing ranked first. No models: the fast tier."""

import pytest

from qa.answer.decide import FIRST_ASKED, FIRST_STATED
from qa.answer.places import reads_as_clause
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
