"""A comparison's sides put together (qa.answer.compare.combine): no models."""

import pytest

from qa.answer.compare import combine, sides
from qa.answer.decide import Answer
from qa.question import analyze

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


def answer(q, text, reason="", kind="span", given_elsewhere=False):
    return Answer(q.text, text, None, text is None, (), 0.9 if text else 0.0, "money", reason, kind=kind,
                  given_elsewhere=given_elsewhere)


def test_a_side_whose_year_the_articles_do_not_give_makes_the_comparison_abstain():
    q = analyze("Was Brazil–Norway trade in 2023 bigger than in 2024?")
    two = sides(q)
    got = combine(q, two, [answer(two[0], None, "the articles do not give 2023 for this; for 2024 they give 12亿美元", given_elsewhere=True),
                           answer(two[1], "12亿美元")])
    assert got.abstained and got.answer is None
    assert "2023" in got.reason and "12亿美元" in got.reason  # says what they do give


def test_a_side_only_too_unsure_to_show_leaves_the_other_shown():
    q = analyze("Was Brazil–Norway trade in 2023 bigger than in 2024?")
    two = sides(q)
    got = combine(q, two, [answer(two[0], None, "no passage in these articles answers this closely enough"), answer(two[1], "12亿美元")])
    assert not got.abstained and "12亿美元" in got.answer


def test_when_and_where_each_answer_their_own_ask():
    q = analyze("When and where did the Brazilian and Norwegian ministers sign the plan?")
    two = sides(q)
    got = combine(q, two, [answer(two[0], "2023年"), answer(two[1], "2023年")])  # a date is no place
    assert got.answer == "when: 2023年"
    got = combine(q, two, [answer(two[0], "2023年"), answer(two[1], "奥斯陆")])
    assert got.answer == "when: 2023年 · where: 奥斯陆"


def test_an_abstention_for_another_year_says_the_figure_is_given_elsewhere():
    from qa.answer.decide import decide
    from tests.test_constraints import hit_on

    hits = [hit_on("2024年，两国贸易额达12亿美元。")]
    other_year = decide(analyze("What was the Brazil–Norway trade volume in 2023?"), hits)
    assert other_year.abstained and other_year.given_elsewhere and "2024" in other_year.reason
    assert not decide(analyze("What was the Brazil–Norway trade volume in 2024?"), hits).abstained


def test_each_side_keeps_the_part_of_the_year_written_with_it():
    from qa.answer.compare import sides
    from qa.question import analyze

    got = {s.period.relative: s.period.part for s in sides(analyze("巴挪贸易去年全年和今年前九个月分别是多少？"))}
    assert got == {(0,): "M1-9", (-1,): "M1-12"}
