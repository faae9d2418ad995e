"""Traditional-Chinese amounts and counts: the span patterns and the English
rendering read 億/萬, 個/項/噸 and the other Traditional forms as their
Simplified ones, and the answer shows the article's own text. End to end: a
Traditional article in a small corpus (USE, real index under tmp_path),
asked in Simplified Chinese, Traditional Chinese and English."""

from __future__ import annotations

import opencc
import pytest

from qa.engine import Engine
from qa.index.build import build_index
from qa.answer.render import render_en
from qa.answer.spans import find_span
from qa.question import MEASURE_WORDS

# Invented for this test (realistic, not a real report): two real countries, made-up figures.
MALAYSIA_COLOMBIA = """date 2025-06-18 馬來西亞與哥倫比亞經貿合作邁上新台階

馬來西亞與哥倫比亞兩國貿易部長在吉隆坡舉行第三屆經貿聯委會會議。據馬方統計，2024年兩國雙邊貿易額達到86億美元，同比增長14%，其中哥倫比亞對馬來西亞出口咖啡、花卉和煤炭約34億美元，馬來西亞對哥倫比亞出口棕櫚油及電子零件約52億美元。

會議期間，雙方簽署了12項合作文件，涉及農業、物流和數字經濟等領域。哥倫比亞國家物流公司宣布，將投資2060萬美元在巴蘭基亞港建設一座冷鏈倉庫，預計2026年9月投入使用。

咖啡與棕櫚油

哥倫比亞是馬來西亞最大的咖啡供應國之一。去年哥倫比亞向馬來西亞出口咖啡約3.5萬噸，雙方計劃到2027年把這一數字提高到5萬噸。馬方還將在波哥大設立3個貿易服務中心，為兩國中小企業提供諮詢。
"""


def _traditional_forms(word: str) -> set[str]:
    """The word as Traditional Chinese writes it in Taiwan, Hong Kong and generally."""
    return {opencc.OpenCC(c).convert(word) for c in ("s2t", "s2tw", "s2hk")}


@pytest.mark.parametrize("word", MEASURE_WORDS)
def test_every_measure_word_counts_in_either_script(word):
    for form in _traditional_forms(word) | {word}:
        clause = f"報道稱，雙方此次共涉及17{form}，創下新高"
        assert find_span(clause, "count", "") == f"17{form}", form
        assert find_span(f"報道稱，雙方此次共涉及2.5萬{form}，創下新高", "count", "") == f"2.5萬{form}", form


@pytest.mark.parametrize("span, english", [
    ("440億美元", "US$44 billion"), ("2060萬美元", "US$20.6 million"), ("約3.5億歐元", "about €350 million"),
    ("超過1.2萬億日元", "over ¥1.2 trillion (JPY)"), ("8000萬英鎊", "£80 million"), ("15億人民幣", "CN¥1.5 billion"),
])
def test_traditional_amounts_are_found_as_written_and_rendered_in_english(span, english):
    clause = f"據統計，去年該項目的總額達到{span}，同比增長5%"
    assert find_span(clause, "money", "") == span
    assert render_en(span, "money") == english
    simplified = opencc.OpenCC("t2s").convert(span)
    assert render_en(simplified, "money") == english  # one rendering for both scripts


def test_a_bare_year_is_not_read_inside_an_amount():
    assert find_span("將投資2060萬美元建設冷鏈倉庫，預計2026年9月投入使用", "date", "") == "2026年9月"
    assert find_span("该项目2060万美元的投资", "date", "") is None


@pytest.fixture(scope="module")
def engine_with_traditional(tmp_path_factory):
    import shutil

    from conftest import MINI
    from qa.settings import Settings

    root = tmp_path_factory.mktemp("trad")
    shutil.copytree(MINI, root / "corpus")
    (root / "corpus" / "malaysia_colombia.txt").write_bytes(MALAYSIA_COLOMBIA.encode("big5"))
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", encoders=("use",))
    build_index(settings)
    return Engine.open(settings)


@pytest.mark.parametrize("question, answer, english", [
    ("马来西亚与哥伦比亚2024年的双边贸易额是多少？", "86億美元", "US$8.6 billion"),
    ("What was the bilateral trade volume between Malaysia and Colombia in 2024?", "86億美元", "US$8.6 billion"),
    ("哥伦比亚国家物流公司将投资多少钱建设冷链仓库？", "2060萬美元", "US$20.6 million"),
    ("How much will Colombia's national logistics company invest in the cold-chain warehouse?", "2060萬美元", "US$20.6 million"),
    ("馬來西亞與哥倫比亞2024年的雙邊貿易額是多少？", "86億美元", "US$8.6 billion"),
    ("双方在会议期间签署了多少项合作文件？", "12項", None),
    ("How many cooperation documents did Malaysia and Colombia sign?", "12項", None),
    ("馬方將在波哥大設立多少個貿易服務中心？", "3個", None),
    # Two flows in one sentence: the direction asked picks the amount (從/對 read as 从/对).
    ("2024年马来西亚对哥伦比亚出口了多少美元的商品？", "約52億美元", "about US$5.2 billion"),
    ("2024年哥倫比亞對馬來西亞出口了多少美元的商品？", "約34億美元", "about US$3.4 billion"),
    ("How much did Colombia export to Malaysia in 2024?", "約34億美元", "about US$3.4 billion"),
    ("How much did Malaysia export to Colombia in 2024?", "約52億美元", "about US$5.2 billion"),
])
def test_a_traditional_article_answers_with_its_own_text(engine_with_traditional, question, answer, english):
    a = engine_with_traditional.ask(question)
    assert not a.abstained, a.reason
    assert a.hits[0].passage.doc == "malaysia_colombia.txt"
    assert a.answer == answer and a.answer in a.hits[0].sentence and a.answer in a.hits[0].passage.text
    assert a.answer_en == english
