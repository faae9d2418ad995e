"""Latin names found in their Chinese transliteration (qa.text.transliterate).
Names and texts are invented or of people and places outside the five articles."""

import pytest

from qa.question import analyze
from qa.text.transliterate import NameIndex, latin_tokens, sounds_like

pytestmark = pytest.mark.fast


@pytest.mark.parametrize("latin, chinese", [
    ("Boric", "博里奇"), ("Albanese", "阿尔巴尼斯"), ("Priestley", "普利斯特里"), ("Anaheim", "阿纳海姆"),
    ("Yosemite", "约塞米蒂"), ("Fresno", "弗雷斯诺"), ("Tesla", "特斯拉"), ("Gonzalez", "冈萨雷斯"), ("Milei", "米莱"),
])
def test_a_name_reads_as_its_transliteration(latin, chinese):
    assert sounds_like(latin, chinese)


@pytest.mark.parametrize("latin, chinese", [("Boric", "阿尔巴尼斯"), ("Fresno", "特斯拉"), ("Albanese", "博里奇")])
def test_a_name_does_not_read_as_another_name(latin, chinese):
    assert not sounds_like(latin, chinese)


def test_a_glide_y_opens_a_syllable_and_a_final_nasal_closes_one():
    assert ("G", "e") in latin_tokens("Sergeyev") and latin_tokens("Sergeyev")[-1] == ("C", "F")
    assert sounds_like("Yerlan", "叶尔兰")  # a made-up Kazakh-style first name: y opens, n closes 兰


def test_the_index_finds_a_name_where_its_run_starts_or_inside_a_long_one():
    ix = NameIndex(["据报道，智利总统博里奇与澳大利亚总理阿尔巴尼斯会谈。", "秘鲁外长冈萨雷斯表示欢迎。"])
    assert ix.forms("Boric") == ("博里奇",)
    assert ix.forms("albanese") == ("阿尔巴尼斯",)  # typed in lower case; not also 尔巴尼斯
    assert ix.forms("Gonzalez") == ("冈萨雷斯",)


def test_a_name_absent_or_too_short_finds_nothing():
    ix = NameIndex(["据报道，智利总统博里奇与澳大利亚总理阿尔巴尼斯会谈。"])
    assert ix.forms("Lavrov") == ()
    assert ix.forms("Bo") == ()  # two sounds match too many short runs


def test_the_question_stage_lists_names_no_dictionary_knows():
    q = analyze("When did Kowalczyk meet Albanese about copper exports?")
    assert "kowalczyk" in q.foreign_names and "albanese" in q.foreign_names
    assert "copper" not in q.foreign_names and "exports" not in q.foreign_names  # the dictionary translates these
    assert analyze("Chile copper exports in 2024?").foreign_names == ()  # a country is an entity, not a foreign name


def test_the_reader_reads_a_name_as_the_chinese_window_writes_it():
    q = analyze("When did Boric make a state visit to Peru?")
    window = "2023年9月，智利总统博里奇对秘鲁进行国事访问。"
    assert q.text_for(window) == "When did 博里奇 make a state visit to Peru?"  # the country stays as typed
    assert q.text_for("Boric visited Lima in 2023.") == q.model_text  # an English window: as typed
