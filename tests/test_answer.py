import pytest

from qa.answer import clauses, date_en, find_span, money_en, question_type


@pytest.mark.parametrize(
    "span,expected",
    [
        ("440亿美元", "US$44 billion"),
        ("5.557亿美元", "US$555.7 million"),
        ("2060 万美元", "US$20.6 million"),
        ("约 4 万美元", "about US$40,000"),
        ("超150亿美元", "over US$15 billion"),
        ("3000万欧元", "€30 million"),
    ],
)
def test_chinese_amounts_rendered_for_english_readers(span, expected):
    assert money_en(span) == expected


def test_dates_rendered():
    assert date_en("1992年10月15日") == "15 October 1992"
    assert date_en("4月") == "April"
    assert date_en("1999 年") == "1999"


@pytest.mark.parametrize(
    "q,t",
    [
        ("What was the 2024 Kazakhstan–China trade volume?", "money"),
        ("How much did Armenia invest directly in Kazakhstan?", "money"),
        ("When did Kazakhstan and Kyrgyzstan establish diplomatic relations?", "date"),
        ("How many documents make up the legal basis?", "count"),
        ("What share of trade comes from the border regions?", "percent"),
        ("2025年前九个月贸易额增长了多少？", "percent"),
        ("哈萨克斯坦对土库曼斯坦的出口额是多少？", "money"),
        ("In which city did the centre open?", "place"),
        ("What does Armenia export to Kazakhstan?", "name"),
    ],
)
def test_question_types(q, t):
    assert question_type(q) == t


def test_spans_of_each_type():
    assert find_span("2024年双边贸易额达440亿美元，", "money", "") == "440亿美元"
    assert find_span("同比增长5.4%，", "percent", "") == "5.4%"
    assert find_span("于1992年10月15日正式建立外交关系", "date", "") == "1992年10月15日"
    assert find_span("约70份文件为两国关系奠定了基础", "count", "") == "70份"
    assert find_span("当地企业NordHavn负责建设工程", "name", "Who builds it?") == "NordHavn"
    # A Latin word the question already contains is not the answer.
    assert find_span("首批通过TRIPP运输的货物是小麦", "name", "What went over TRIPP first?") is None
    assert find_span("在《俄罗斯报》署名文章《永恒友谊》中", "name", "What is the title of the article?") == "《永恒友谊》"


def test_short_clauses_join_the_next():
    assert clauses("2020年，两国贸易额为7.962亿美元，而到2024年已超过17亿美元。") == [
        "2020年，两国贸易额为7.962亿美元，",
        "而到2024年已超过17亿美元。",
    ]
