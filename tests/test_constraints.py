"""Constraint checks on invented passages: no models, milliseconds."""

from qa.answer.constraints import check
from qa.ingest.corpus import Passage, split_sentences
from qa.question import analyze
import pytest

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


def passage(text, subject=("巴西", "挪威"), date="2025-03-01", title="巴西与挪威经贸往来"):
    return Passage("t.txt", 1, text, split_sentences(text) or (text,), title, date, None, subject)


TEXT = "2024年，两国贸易额达12亿美元，其中巴西对挪威出口额为5亿美元。2020年，巴西与智利的贸易额为3亿美元。"


def test_the_year_asked_must_be_the_year_given():
    p = passage(TEXT)
    s1, s2 = p.sentences
    assert check(analyze("What was the Brazil–Norway trade volume in 2024?"), p, s1, "2024年，两国贸易额达12亿美元，").ok
    c = check(analyze("What was the Brazil–Norway trade volume in 2023?"), p, s1, "2024年，两国贸易额达12亿美元，")
    assert c.failed == ("year",) and c.said_years == (2024,)


def test_last_year_resolves_against_the_article_date():
    p = passage(TEXT, date="2025-03-01")
    s1 = p.sentences[0]
    assert check(analyze("What was last year's Brazil–Norway trade volume?"), p, s1, s1).ok
    assert not check(analyze("What was last year's Brazil–Norway trade volume?"), passage(TEXT, date="2027-01-01"), s1, s1).ok


def test_a_sentence_about_a_partner_not_asked_fails():
    p = passage(TEXT)
    s2 = p.sentences[1]
    c = check(analyze("What was the Brazil–Norway trade volume in 2020?"), p, s2, s2)
    assert "entity" in c.failed  # the sentence is about Chile
    assert check(analyze("What was the Brazil–Chile trade volume in 2020?"), p, s2, s2).ok


def test_an_export_figure_does_not_answer_a_trade_volume_question():
    p = passage(TEXT)
    s1 = p.sentences[0]
    exports = "其中巴西对挪威出口额为5亿美元。"
    assert "indicator" in check(analyze("What was the Brazil–Norway trade volume in 2024?"), p, s1, exports).failed
    assert check(analyze("How much did Brazil export to Norway in 2024?"), p, s1, exports).ok


def test_the_reverse_direction_fails():
    p = passage(TEXT)
    s1 = p.sentences[0]
    exports = "其中巴西对挪威出口额为5亿美元。"
    assert "direction" in check(analyze("How much did Norway export to Brazil in 2024?"), p, s1, exports).failed


def test_english_passages_are_checked_the_same_way():
    text = "In 2024 trade between Brazil and Norway reached $1.2 billion. Exports to Chile were $300 million in 2020."
    p = passage(text, subject=("巴西", "挪威"), title="Brazil and Norway")
    s1, s2 = p.sentences
    assert check(analyze("What was the Brazil–Norway trade volume in 2024?"), p, s1, s1).ok
    assert check(analyze("What was the Brazil–Norway trade volume in 2023?"), p, s1, s1).failed == ("year",)
    assert "entity" in check(analyze("How much did Brazil export to Norway in 2020?"), p, s2, s2).failed
