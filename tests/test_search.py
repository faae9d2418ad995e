"""Search mode (`qa search`, qa.search.find): ranked paragraphs for keywords in
either language, filters by article and date, no abstention, the citation
objects of `qa ask --json`."""

from __future__ import annotations

import json

import pytest

from qa.answer.report import answer_json
from qa.errors import InputError
from qa.search.find import citation, find, matched_in, query_groups, search_json, spans

CHINA_DOC = "004_86a8fb1eaa77d1c9.txt"
ARMENIA_DOC = "000_e0ab1a4eb7a6c371.txt"
UNDATED_DOC = "001_0a1fae7e788682f7.txt"


def _find(engine, query, **kw):
    return find(engine.retriever, engine.index.articles, query, **kw)


def test_a_keyword_no_question_could_ask_finds_every_paragraph_naming_it(engine):
    results = _find(engine, "TRIPP", k=20)
    assert len(results) == 20  # no abstention: the rest follow, ranked
    naming = [r for r in results if "TRIPP" in r.hit.passage.text]
    assert naming and results[: len(naming)] == naming  # paragraphs that name it come first
    assert all(r.hit.passage.doc == ARMENIA_DOC and r.matched == ("TRIPP",) and "TRIPP" in r.hit.sentence for r in naming)


def test_chinese_keywords_rank_paragraphs_with_both_first(engine):
    top = _find(engine, "哈萨克斯坦 小麦", k=5)[0]
    assert set(top.matched) == {"哈萨克斯坦", "小麦"} and "小麦" in top.hit.sentence


def test_english_words_find_chinese_paragraphs(engine):
    results = _find(engine, "Chinese investment", k=5)
    assert results[0].hit.passage.doc == CHINA_DOC and {"中国", "投资"} <= set(results[0].matched)
    wheat = _find(engine, "wheat", k=5)
    assert "小麦" in wheat[0].matched


def test_filters_by_article_and_date(engine):
    only = _find(engine, "贸易额", k=50, article=CHINA_DOC)
    assert only and {r.hit.passage.doc for r in only} == {CHINA_DOC}
    sept = _find(engine, "贸易额", k=50, since="2025-09-01", until="2025/9/30")
    assert sept and {r.hit.passage.date for r in sept} == {"2025-09-03"}
    later = _find(engine, "贸易额", k=50, since="2025-11-01")
    assert later and all(r.hit.passage.date >= "2025-11-01" for r in later)
    assert UNDATED_DOC not in {r.hit.passage.doc for r in later}  # nothing says when it was written


@pytest.mark.parametrize("kw, message", [
    ({"article": "nope.txt"}, "no article 'nope.txt'"),
    ({"since": "next week"}, "is not a date"),
    ({"since": "2025-10-01", "until": "2025-09-01"}, "swap them"),
    ({"k": 0}, "between 1 and"),
])
def test_bad_filters_say_what_to_do(engine, kw, message):
    with pytest.raises(InputError, match=message):
        _find(engine, "贸易额", **kw)
    with pytest.raises(InputError, match="the search is empty"):
        _find(engine, "  ")


def test_citations_are_exactly_those_of_qa_ask(engine):
    a = engine.ask("What was the 2024 Kazakhstan–China trade volume?")
    assert [citation(i, h) for i, h in enumerate(a.hits, start=1)] == answer_json(a)["citations"]
    out = search_json("TRIPP", _find(engine, "TRIPP", k=3))
    assert list(out) == ["query", "results"] and [r["rank"] for r in out["results"]] == [1, 2, 3]
    assert all(set(r) == set(answer_json(a)["citations"][0]) for r in out["results"])


def test_qa_search_command(engine, capsys):
    from qa.cli import main

    s = engine.settings
    common = ["--corpus", str(s.corpus_dir), "--index", str(s.index_dir)]
    assert main(["search", "TRIPP", "--k", "3", "--json", *common]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["query"] == "TRIPP" and len(got["results"]) == 3 and got["results"][0]["doc"] == ARMENIA_DOC
    assert main(["search", "投资", "--article", CHINA_DOC, "--k", "2", *common]) == 0
    text = capsys.readouterr().out
    assert text.count(f"— {CHINA_DOC}, 2025-09-03, paragraph") == 2 and "matched: 投资" in text
    assert main(["search", "投资", "--until", "soon", *common]) == 2
    assert capsys.readouterr().err.startswith("qa: error: --until 'soon' is not a date")


def test_matching_without_models():
    assert matched_in("中國對哈投資累計270億美元", tuple(w for g in query_groups("中国 投资") for w in g)) == ("中國", "投資")
    assert spans("TRIPP and tripp", ("tripp",)) == [(0, 5), (10, 15)]
    groups = query_groups("the TRIPP route for grain")
    assert groups == (("tripp",), ("route", "路线"), ("grain", "谷物"))  # CC-CEDICT's core forms only
