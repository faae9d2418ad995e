import pytest

from qa.answer.render import date_en, money_en
from qa.answer.spans import clauses, find_span
from qa.question import analyze, answer_type


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
    assert answer_type(q) == t


def test_spans_of_each_type():
    assert find_span("2024年双边贸易额达440亿美元，", "money", "") == "440亿美元"
    assert find_span("同比增长5.4%，", "percent", "") == "5.4%"
    assert find_span("于1992年10月15日正式建立外交关系", "date", "") == "1992年10月15日"
    assert find_span("约70份文件为两国关系奠定了基础", "count", "") == "约70份"  # the qualifier stays
    assert find_span("当地企业NordHavn负责建设工程", "name", "Who builds it?") == "NordHavn"
    # A Latin word the question already contains is not the answer.
    assert find_span("首批通过TRIPP运输的货物是小麦", "name", "What went over TRIPP first?") is None
    assert find_span("在《俄罗斯报》署名文章《永恒友谊》中", "name", "What is the title of the article?") == "《永恒友谊》"


def test_short_clauses_join_the_next():
    assert clauses("2020年，两国贸易额为7.962亿美元，而到2024年已超过17亿美元。") == [
        "2020年，两国贸易额为7.962亿美元，",
        "而到2024年已超过17亿美元。",
    ]


def test_counts_are_numbers_with_measure_words_not_years():
    assert find_span("2025 年，哈萨克斯坦 16 所高校与亚美尼亚 16 所大学签署 19 份合作协议", "count",
                     "How many cooperation agreements did universities sign?", [("合作",), ("协议",)]) == "19 份"
    assert find_span("约 4 万名居住在哈萨克斯坦的亚美尼亚社区", "count", "How many Armenians live there?") == "约 4 万名"
    # A number the question already states is not its answer.
    assert find_span("2019年，约有1000名学生在哈高校学习", "count", "How many students studied there in 2019?") == "1000名"


def test_the_span_next_to_the_question_words_wins():
    clause = "哈萨克斯坦的出口额为2.217亿美元，而从土库曼斯坦的进口额为1.419亿美元。"
    assert find_span(clause, "money", "How much did Kazakhstan import?", [("进口",)]) == "1.419亿美元"
    assert find_span(clause, "money", "How much did Kazakhstan export?", [("出口",)]) == "2.217亿美元"


def test_place_names_by_suffix_without_the_country_before_them():
    clause = "以及将吉尔吉斯斯坦乔尔蓬阿塔市指定为上合组织旅游与文化之都的决定"
    assert find_span(clause, "place", "Which city was chosen as the capital of culture?") == "乔尔蓬阿塔市"


@pytest.mark.parametrize(
    "question",
    [
        "What is the unemployment rate in Kazakhstan?",  # topic absent, country present
        "哈萨克斯坦的失业率是多少？",
        "What was the trade volume between Kazakhstan and Japan in 2024?",  # country absent
    ],
)
def test_questions_the_articles_do_not_answer_are_abstained(engine, question):
    a = engine.ask(question)
    assert a.abstained and a.answer is None and a.reason


@pytest.mark.parametrize(
    "question,expected,expected_en",
    [
        ("How much did Kazakhstan import from Turkmenistan?", "1.419亿美元", "US$141.9 million"),
        ("哈萨克斯坦对吉尔吉斯斯坦投资总额是多少？", "17亿美元", None),
    ],
)
def test_answers_cite_the_supporting_sentence(engine, question, expected, expected_en):
    a = engine.ask(question)
    assert not a.abstained and expected in a.answer
    if expected_en:
        assert a.answer_en == expected_en
    top = a.hits[0]
    assert top.sentence in top.passage.sentences and expected in top.sentence


def test_a_latin_name_made_only_of_what_the_question_says_is_no_answer():
    # "2V2" holds the number the question asks about: no span, and no crash.
    assert find_span("以2V2随机配对的方式", "name", "2人一组叫什么？", [("配对",)]) is None


def test_place_where_an_event_was_held_without_a_list_of_cities():
    from qa.answer.spans import find_span

    assert find_span("该论坛第三次会议于2024年在图尔克斯坦举行", "place", "Where was the third forum meeting held?") == "图尔克斯坦"
    # A country can be the place, unless the question already names it; nothing is
    # made up when the clause names no place.
    assert find_span("会议在哈萨克斯坦举行", "place", "Where was the meeting held?") == "哈萨克斯坦"
    assert find_span("会议在哈萨克斯坦举行", "place", "Where in Kazakhstan was the meeting held?") is None
    assert find_span("会议讨论了扩大合作的途径", "place", "Where was the meeting held?") is None


@pytest.mark.parametrize("clause, question, expected", [
    ("《real world》是EXILE的第15张单曲。", "《real world》是EXILE的第几张单曲？", "第15张"),  # an ordinal asked keeps 第
    ("图书馆藏书81.6万册。", "图书馆藏书量是多少？", "81.6万册"),  # the measure word stays
    ("全队防守只丢了308分。", "How many points did the defense surrender?", "308分"),
])
def test_counts_keep_their_ordinal_and_measure_word(clause, question, expected):
    q = analyze(question)
    assert expected in [find_span(clause, t, question) for t in q.span_types]
