"""Flows between countries keep their direction, and a figure about other
countries is not an answer. Articles invented for the test."""

import pytest

from qa.answer.constraints import flow_direction
from qa.question import analyze, flow_roles
from qa.engine import Engine
from qa.index.build import build_index

TRADE = """巴西与挪威经贸往来
2024-06-01

据巴西中央银行统计，2010—2024年间，挪威对巴西的直接投资达3.2亿美元，而巴西向挪威的投资累计1.1亿美元。

2024年，巴西的出口额为4.5亿美元，而从挪威的进口额为2.7亿美元。

会后，挪威代表团前往瑞典出席北欧能源论坛。
"""


def query(text):
    return analyze(text)


@pytest.mark.parametrize(
    "question, roles",
    [
        ("How much has Brazil invested in Norway?", {"BR": "src", "NO": "dst"}),
        ("How much did Brazil import from Norway?", {"BR": "dst", "NO": "src"}),
        ("How much did Norway export to Brazil?", {"NO": "src", "BR": "dst"}),
        ("巴西从挪威进口了多少？", {"BR": "dst", "NO": "src"}),
        ("挪威对巴西的投资是多少？", {"NO": "src", "BR": "dst"}),
    ],
)
def test_roles_in_questions(question, roles):
    q = query(question)
    found = [(question.find(e.surface), e.key) for e in q.entities if e.kind == "country"]
    assert flow_roles(question, found) == roles


def test_direction_of_clauses():
    invest = query("How much has Brazil invested in Norway?")
    assert flow_direction(invest, "而巴西向挪威的投资累计1.1亿美元") == 1
    assert flow_direction(invest, "挪威对巴西的直接投资达3.2亿美元") == -1
    imports = query("How much did Brazil import from Norway?")
    assert flow_direction(imports, "而从挪威的进口额为2.7亿美元") == 1
    # No flow in the question, or one country only: nothing to compare.
    assert flow_direction(query("What was the Brazil–Norway trade volume?"), "挪威对巴西的直接投资达3.2亿美元") == 0
    assert flow_direction(query("How much did Brazil invest?"), "挪威对巴西的直接投资达3.2亿美元") == 0


@pytest.fixture
def trade_engine(use_settings):
    (use_settings.corpus_dir / "d_trade.txt").write_text(TRADE, encoding="utf-8")
    build_index(use_settings)
    return Engine.open(use_settings)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How much has Brazil invested in Norway?", "1.1亿美元"),
        ("How much has Norway invested in Brazil?", "3.2亿美元"),
        ("How much did Brazil import from Norway in 2024?", "2.7亿美元"),
        ("2024年巴西从挪威的进口额是多少？", "2.7亿美元"),
    ],
)
def test_flow_answers_follow_the_direction(trade_engine, question, expected):
    a = trade_engine.ask(question)
    assert not a.abstained and a.answer == expected


def test_figure_about_other_countries_is_not_an_answer(trade_engine):
    """Sweden is in the corpus, in passing, but in no paragraph on Chile's trade."""
    a = trade_engine.ask("What was the trade volume between Chile and Sweden in 2023?")
    assert a.abstained and "Sweden" in a.reason
    b = trade_engine.ask("What was the agricultural trade volume between Brazil and Chile in 2023?")
    assert not b.abstained and b.answer == "12.5亿美元"
    # The paragraph gives agricultural trade only: no answer for the total, and the reply says so.
    c = trade_engine.ask("What was the trade volume between Brazil and Chile in 2023?")
    assert c.abstained and "agricultural trade" in c.reason and "12.5亿美元" in c.reason


@pytest.mark.fast
def test_one_character_sides_give_the_direction():
    """News Chinese names the sides of a flow 中方 / 俄方 and 向俄投资; other
    words made of the same characters (哈尔滨, 吉林) are not sides."""
    invest = query("How much did China invest in Russia?")
    assert flow_direction(invest, "俄方向中方投资20亿美元") == -1
    assert flow_direction(invest, "中方向俄投资30亿美元") == 1
    assert flow_direction(invest, "中方投资额为30亿美元") == 1
    assert flow_direction(query("2024年哈萨克斯坦对吉尔吉斯斯坦投资了多少？"), "哈尔滨向吉林投资5亿元") == 0
