import json
import sys
from pathlib import Path

import pytest

from qa.errors import InputError
from qa.evaluate import Outcome, evaluate, read_questions, summarise

KEYS = {"recall_at_1", "recall_at_5", "mrr", "answer_accuracy", "exact_match", "f1", "refused", "answer_chars_median",
        "abstain_precision", "abstain_recall", "latency_ms_p50", "latency_ms_p95", "n"}


def _o(answerable, rank, right, abstained, lang="en", ms=10.0):
    return Outcome({"question": "q", "answerable": answerable, "lang": lang}, rank, right, abstained, ms)


def test_summary_keys_and_figures():
    outs = [_o(True, 1, True, False), _o(True, 3, False, False), _o(True, None, False, True), _o(False, None, False, True), _o(False, None, False, False)]
    rep = summarise(outs)
    assert set(rep) == KEYS
    assert rep["recall_at_1"] == pytest.approx(1 / 3, abs=1e-3)
    assert rep["recall_at_5"] == pytest.approx(2 / 3, abs=1e-3)
    assert rep["mrr"] == pytest.approx((1 + 1 / 3) / 3, abs=1e-3)
    assert rep["answer_accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert rep["abstain_precision"] == 0.5 and rep["abstain_recall"] == 0.5
    assert rep["n"] == 5


def test_bad_question_files_are_reported_not_crashed(tmp_path):
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"question": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="answerable"):
        read_questions(bad)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=":1"):
        read_questions(bad)
    with pytest.raises(InputError):
        read_questions(tmp_path / "missing.jsonl")
    bad.write_text('{"question": " ", "answerable": true}\n', encoding="utf-8")
    with pytest.raises(InputError, match="empty question"):
        read_questions(bad)


class _Engine:
    """Stands in for the engine only to check the bookkeeping of per-language figures."""

    def warm(self, wait=True):
        pass

    def ask(self, question, k):
        from qa.answer.decide import Answer

        return Answer(question, None, None, True, (), 0.0, "name", "none")


def test_figures_per_language():
    items = [{"question": "a", "answerable": False, "lang": "en"}, {"question": "b", "answerable": False, "lang": "zh"}]
    rep = evaluate(_Engine(), items)
    assert set(rep["by_lang"]) == {"en", "zh"}
    assert all(KEYS <= set(r) for r in rep["by_lang"].values())
    assert rep["by_lang"]["zh"]["n"] == 1 and rep["abstain_recall"] == 1.0


def test_cmrc_converter_writes_a_corpus_and_unique_gold_substrings(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.cmrc2018 import convert

    src = tmp_path / "squad.json"
    ctx1 = "甲城位于河边。甲城人口为5万，以渔业闻名。"
    ctx2 = "乙城位于山中。乙城人口为5万，以茶叶闻名。"
    data = {"data": [{"title": "甲城", "paragraphs": [{"id": "P1", "context": ctx1, "qas": [{"id": "Q1", "question": "甲城以什么闻名？", "answers": [{"text": "渔业", "answer_start": ctx1.index("渔业")}]}, {"id": "Q2", "question": "甲城人口多少？", "answers": [{"text": "5万", "answer_start": 0}]}]}]},
                     {"title": "乙城", "paragraphs": [{"id": "P2", "context": ctx2, "qas": []}]}]}
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    n_p, n_q, skipped = convert(src, tmp_path / "out")
    assert (n_p, n_q, skipped) == (2, 2, 0)
    files = sorted((tmp_path / "out" / "corpus").iterdir())
    texts = [f.read_text(encoding="utf-8") for f in files]
    items = [json.loads(x) for x in (tmp_path / "out" / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    for it in items:
        assert sum(it["gold_substring"] in t for t in texts) == 1
        assert it["doc"] == files[0].name
    # "5万" is in both paragraphs; the gold window grew until it was unique.
    assert "5万" in items[1]["gold_substring"] and items[1]["gold_substring"] not in ctx2


def test_exact_match_and_f1_count_characters_for_chinese_and_words_for_english():
    from qa.evaluate import exact_match, f1_score

    assert exact_match("440 亿美元", "440亿美元") == 1.0
    assert exact_match("440億美元", "440亿美元") == 1.0  # Traditional folds to Simplified
    assert exact_match("2024年双边贸易额达440亿美元", "440亿美元") == 0.0  # containing is not exact
    assert f1_score("2024年双边贸易额达440亿美元", "440亿美元") == pytest.approx(2 * (6 / 17) / (6 / 17 + 1))  # 17 characters, 6 shared
    assert exact_match("The Treaty of Friendship", "treaty of friendship") == 1.0
    assert f1_score("Treaty of Friendship and Cooperation", "Treaty of Friendship") == pytest.approx(2 * 0.6 / 1.6)
    assert f1_score("abc", "xyz") == 0.0


def test_refused_counts_answerable_questions_abstained_on():
    outs = [_o(True, 1, True, False), _o(True, None, False, True), _o(True, None, False, True), _o(False, None, False, True)]
    assert summarise(outs)["refused"] == 2
