"""An English question naming a person over a Chinese article that writes the
name in transliteration (qa.text.transliterate): the paragraph that names
them is cited first. The article is invented; the names are of people outside
the five articles."""

import pytest

CHINESE = """智利与秘鲁深化合作
2025-05-20

新华社圣地亚哥5月20日电 智利与秘鲁近年来政治往来密切。

2023年9月，智利总统博里奇对秘鲁进行国事访问，双方签署了多项合作文件。

2024年11月，秘鲁外长冈萨雷斯访问智利，与智方就锂矿加工和海关合作交换意见。

两国贸易额在2024年达到42亿美元，同比增长8%。

2024年7月，智利外长出席了在华盛顿举行的北约伙伴国会议。
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from conftest import mini_library_with

    return mini_library_with(tmp_path_factory.mktemp("names"), "e_chile_peru_zh.txt", CHINESE)


@pytest.mark.parametrize("question, said", [
    ("When did Boric make a state visit to Peru?", "博里奇"),
    ("when did gonzalez visit chile", "冈萨雷斯"),
])
def test_a_person_named_in_latin_letters_finds_the_paragraph_that_names_them(library, question, said):
    hits = library.retriever.search(question, 3)
    assert said in hits[0].passage.text
    assert hits[0].why["literal"] > 0


def test_the_name_forms_are_the_library_s_own(library):
    assert library.retriever.name_forms("boric") == ("博里奇",)
    assert library.retriever.name_forms("lavrov") == ()  # named nowhere in this library


def test_an_acronym_is_found_in_its_chinese_form(library):
    """NATO is a literal the passage never spells; the dictionary's 北约 is."""
    hits = library.retriever.search("Which Chilean minister attended the NATO partners meeting?", 3)
    assert "北约" in hits[0].passage.text and hits[0].why["literal"] > 0
