"""Questions as people wrap them: the conversation set aside, spoken question
words written (qa.text.framing). Invented wording, no models."""

import pytest

from qa.question import AnswerType, analyze
from qa.text.framing import asked_part, written_register

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


@pytest.mark.parametrize(
    "typed, asked",
    [
        ("巴西跟挪威哪一年建交的，有人知道吗", "巴西跟挪威哪一年建交的"),
        ("请问巴西对挪威出口额是多少？", "巴西对挪威出口额是多少？"),
        ("你知道巴西对挪威出口额是多少吗？", "巴西对挪威出口额是多少？"),  # the 吗 closed the wrapper
        ("你知道巴西和挪威建交了吗", "巴西和挪威建交了吗"),  # no other question word: a yes/no question stays one
        ("我想知道2024年巴西的出口额", "2024年巴西的出口额"),
        ("挪威首都是哪座城市？谢谢", "挪威首都是哪座城市"),
        ("Can you tell me when the Brazil–Norway treaty was signed?", "When the Brazil–Norway treaty was signed?"),
        ("Do you know what Mercosur is?", "What is Mercosur?"),  # the embedded order undone
        ("Hi, quick question: which port handles the most grain?", "Which port handles the most grain?"),
        ("what was norway's oil output, thanks", "what was norway's oil output"),
    ],
)
def test_the_wrapper_is_set_aside(typed, asked):
    assert asked_part(typed) == asked


@pytest.mark.parametrize(
    "text",
    [
        "什么情况下算紧急",  # 急 inside a word is no "urgent!" tail
        "双方的立场是否清楚",  # 清楚 asked about, not "does anyone know"
        "Tell me about Mercosur",  # a request for a summary keeps its words
        "Do you know the trade volume?",  # no question inside: left as typed
        "知道吗",  # nothing would be left
    ],
)
def test_no_wrapper_no_change(text):
    assert asked_part(text) == text


def test_the_wrapped_question_is_typed_as_the_bare_one():
    wrapped = analyze("巴西和挪威的外交关系建立于哪一年，有人知道吗")
    assert wrapped.answer_type is AnswerType.DATE  # not a yes/no question for ending in 吗
    assert {t.word for t in wrapped.terms}.isdisjoint({"有人", "知道"})
    assert analyze("Do you know when Brazil and Norway established diplomatic relations?").answer_type is AnswerType.DATE


def test_spoken_question_words_are_written_for_the_reader():
    assert written_register("巴西和挪威建交是几月几号") == "巴西和挪威建交是哪一天"
    assert written_register("出口啥产品？啥时候开始的？") == "出口什么产品？什么时候开始的？"
    assert "哪一天" in analyze("巴西和挪威建交是几月几号").text_for("巴西与挪威于1975年3月1日建交。")


def test_a_number_asked_with_its_measure_word_is_no_topic():
    words = {t.word for t in analyze("巴西和挪威建交的日期是几月几号").terms}
    assert "几月" not in words and "几号" not in words


def test_a_closing_particle_of_speech_is_set_aside_where_a_question_word_asks():
    assert asked_part("巴西和挪威的外交关系是从哪一年开始的啊") == "巴西和挪威的外交关系是从哪一年开始的"
    assert asked_part("贸易额是多少呢？") == "贸易额是多少？"
    assert asked_part("他们谈了吧") == "他们谈了吧"  # no question word: the particle may be the question


def test_spoken_visa_free_and_stay_are_written_for_the_reader():
    from qa.text.framing import written_register

    assert written_register("去挪威不用签证能待几天？") == "去挪威免签能停留几天？"
    assert written_register("不办签证最长能呆多久") == "免签最长能停留多久"
    assert written_register("签证要多久才能办好") == "签证要多久才能办好"


def test_a_question_is_read_in_the_abbreviations_its_window_uses():
    from qa.text.vocab import in_window_words

    window = "巴西与挪威于1975年6月1日正式建立外交关系。"
    assert in_window_words("巴挪两国哪天建交的？", window) == "巴挪两国哪天建立外交关系的？"
    assert in_window_words("巴挪两国哪天建交的？", "自1975年建交以来") == "巴挪两国哪天建交的？"
    assert in_window_words("两国外交部长何时会面？", "两国外长于3月会面。") == "两国外长何时会面？"


def test_what_the_asker_half_remembers_is_set_aside():
    assert asked_part("巴西和挪威建交的确切日期是哪天？我只记得是九十年代初") == "巴西和挪威建交的确切日期是哪天"
    assert asked_part("两国哪年建交的？好像是九十年代初") == "两国哪年建交的"
    assert asked_part("巴资企业在挪威超过多少家了？听说制造业的占比还很低") == "巴资企业在挪威超过多少家了"
    assert asked_part("两国贸易额大概是多少？") == "两国贸易额大概是多少？"
    assert written_register("不办签证最长可以呆多久") == "免签最长可以停留多久"
    # A clause with a question word is the question, not an aside.
    assert asked_part("2019年那时候，大概有多少挪威学生在巴西读书？") == "2019年那时候，大概有多少挪威学生在巴西读书？"
    assert asked_part("2019年那时候，好像是有多少挪威学生在巴西读书？").endswith("读书？")


def test_the_thing_needed_then_a_question_pointing_back_at_it():
    assert asked_part("I need last year's total Brazil–Norway trade figure for a report, what was it?") == \
        "What was last year's total Brazil–Norway trade figure?"
    assert asked_part("I need last year's Brazil–Norway turnover for a report, what number does the article give?") == \
        "What is last year's Brazil–Norway turnover?"
    assert asked_part("I need help") == "I need help"


def test_years_said_in_decades_are_written_in_years():
    from qa.text.framing import written_years

    assert written_years("invested over a decade and a half") == "invested over 15 years"
    assert written_years("over the past two decades") == "over the past 20 years"
    assert written_years("a decade-long effort") == "a decade-long effort"


def test_news_shorthand_is_written_out():
    from qa.text.framing import written_out

    assert written_out("What did the two top diplomats agree?") == "What did the two foreign ministers agree?"
    assert written_out("Who builds the NPP?") == "Who builds the nuclear power plant?"
    assert written_out("npp") == "npp"  # an acronym in capitals only
