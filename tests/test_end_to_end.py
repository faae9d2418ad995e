"""The product end to end on the five real articles, through Python and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from qa.answer.report import answer_json
from qa.question import analyze

REPO = Path(__file__).resolve().parent.parent
CHINA_DOC = "004_86a8fb1eaa77d1c9.txt"
CITATION_KEYS = {"rank", "doc", "title", "date", "paragraph", "text", "sentence", "score"}
EVAL_KEYS = {"recall_at_1", "recall_at_5", "mrr", "answer_accuracy", "abstain_precision", "abstain_recall", "latency_ms_p50", "latency_ms_p95", "n"}


def test_china_trade_volume_is_answered_and_cited(engine):
    a = engine.ask("What was the 2024 Kazakhstan–China trade volume?")
    assert not a.abstained
    assert "440亿美元" in a.answer
    assert a.answer_en == "US$44 billion"
    top = a.hits[0]
    assert top.passage.doc == CHINA_DOC
    assert "2024年双边贸易额达440亿美元" in top.passage.text
    assert "440亿美元" in top.sentence and top.sentence in top.passage.text


def test_same_question_in_chinese(engine):
    a = engine.ask("2024年哈萨克斯坦与中国的贸易额是多少？")
    assert "440亿美元" in a.answer and a.hits[0].passage.doc == CHINA_DOC


def test_json_contract(engine):
    out = answer_json(engine.ask("What was the 2024 Kazakhstan–China trade volume?", k=3))
    assert {"question", "answer", "answer_en", "abstained", "citations"} <= set(out)
    assert [c["rank"] for c in out["citations"]] == [1, 2, 3]
    first = out["citations"][0]
    assert CITATION_KEYS <= set(first)
    assert first["doc"] == CHINA_DOC and first["date"] == "2025-09-03" and first["paragraph"] >= 1
    json.dumps(out, ensure_ascii=False)  # serialisable as it is


def test_corpus_does_not_say_japan(engine):
    a = engine.ask("What was the 2024 Kazakhstan–Japan trade volume?")
    assert a.abstained and a.answer is None
    assert answer_json(a)["citations"] == []


def test_a_country_named_only_in_a_pair_form_is_not_called_absent(engine):
    # Article 002 names Ukraine only in 美乌谈判 (US–Ukraine talks).
    assert [e.key for e in engine.retriever.missing(analyze("What role does Kazakhstan play in talks with Ukraine?"))] == []
    assert [e.key for e in engine.retriever.missing(analyze("What was Kazakhstan's trade with Japan?"))] == ["JP"]


def _cli(*args: str, timeout: int = 400) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)


def test_cli_ask_json_builds_on_first_use(tmp_path):
    ix = tmp_path / "index"
    r = _cli("ask", "--json", "What was the 2024 Kazakhstan–China trade volume?", "--index", str(ix), "--corpus", str(REPO / "corpus"))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "440亿美元" in out["answer"] and out["abstained"] is False
    assert out["citations"][0]["doc"] == CHINA_DOC
    assert (ix / "current" / "manifest.json").exists()  # built on first use, outside the repo
    # Second call reuses the index; eval runs end to end on the dev set.
    r = _cli("eval", str(REPO / "tests" / "data" / "dev.jsonl"), "--json", "--index", str(ix), "--corpus", str(REPO / "corpus"))
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert EVAL_KEYS <= set(rep) and rep["n"] >= 30
    assert rep["recall_at_5"] >= 0.85
