from qa.index.bm25 import BM25
from qa.text.lexical import fold, tokenize
import pytest

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


def test_cjk_is_split_into_words_not_one_token():
    toks = tokenize("2024年双边贸易额达440亿美元")
    assert "贸易" in toks and "双边" in toks
    assert "2024年双边贸易额达440亿美元" not in toks
    assert "2024" in toks and "440" in toks


def test_latin_words_and_numbers_kept_whole_and_lowercased():
    toks = tokenize("KazakhExport 与 AIFC 的 5.557 亿")
    assert {"kazakhexport", "aifc", "5.557"} <= set(toks)


def test_traditional_and_simplified_fold_to_the_same_tokens():
    assert fold("哈薩克斯坦與中國") == "哈萨克斯坦与中国"
    assert set(tokenize("貿易額")) == set(tokenize("贸易额"))


def test_bm25_ranks_the_document_with_the_rare_term_first():
    docs = ["两国贸易额增长", "小麦出口到亚美尼亚", "贸易与投资合作"]
    bm = BM25.build([tokenize(d) for d in docs])
    scores = bm.scores(tokenize("小麦"))
    assert scores.argmax() == 1 and scores[0] == 0
    assert bm.scores(tokenize("完全无关的词汇xyz")).max() == 0


def test_english_words_map_to_chinese_through_the_dictionary():
    from qa.text.lexical import chinese_for

    assert "人口" in chinese_for("population")
    assert "进口" in chinese_for("imports")  # plural folded to the dictionary's form
    assert chinese_for("qwzxv") == ()


def test_key_terms_leave_out_names_and_question_words():
    from qa.text.lexical import key_terms

    terms = dict(key_terms("What is the unemployment rate in Kazakhstan?", {"kazakhstan"}))
    assert set(terms) == {"unemployment", "rate"}
    assert "失业" in terms["unemployment"]
    zh = dict(key_terms("哈萨克斯坦的失业率是多少？", {"哈萨克斯坦"}))
    assert set(zh) == {"失业率"}


def test_chinese_compound_topic_words_are_found_by_their_parts():
    """A passage that says 出口 answers a question about 出口额; the whole
    word stays first (it is the most specific form)."""
    from qa.text.lexical import key_terms

    terms = dict(key_terms("马来西亚对哥伦比亚的出口额是多少？", {"马来西亚", "哥伦比亚"}))
    assert terms["出口额"][0] == "出口额" and "出口" in terms["出口额"]
    assert "马来西亚" not in terms  # names are the entities' business, not topic words


def test_english_ordinals_find_chinese_ordinals():
    """The dictionary glosses "twelfth" as December (十二月); an ordinal is 第十二 / 第12."""
    from qa.text.lexical import chinese_number, key_terms, ordinal_forms

    assert [chinese_number(n) for n in (2, 10, 12, 20, 21)] == ["二", "十", "十二", "二十", "二十一"]
    assert ordinal_forms("twelfth") == ("第十二", "第12")
    assert dict(key_terms("Where was the third forum held?", set()))["third"] == ("第三", "第3")


def test_british_spellings_are_looked_up_in_american():
    from qa.text.lexical import chinese_for

    assert "组织" in chinese_for("organisation") and "中心" in chinese_for("centre")
    assert "分析" in chinese_for("analyse")


def test_english_gloss_renders_a_chinese_question_word_by_word():
    from qa.text.glossary import english_gloss

    g = english_gloss("2019年挪威渔业出口额是多少？")
    assert "2019" in g and "fishing" in g.lower() and "export" in g.lower()
    assert "多少" not in g and english_gloss("How large were exports?") == ""
    # A word the dictionary lacks is read in its known pieces.
    assert "leopard" in english_gloss("黑豹队赢了几场比赛？").lower()
