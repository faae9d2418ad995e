"""`qa eval`: score a question set against the engine.

A hit counts when a cited paragraph contains the question's `gold_substring`;
an answer counts (`answer_accuracy`) when it contains one of `answers`: a
clause that contains the answer is not the exact answer, so exact match and
F1 are reported beside it, as SQuAD and CMRC 2018 define them (best over the
reference answers; characters for Chinese, words for English; punctuation,
spaces and English articles ignored; Traditional folded to Simplified).
`refused` counts answerable questions abstained on. Abstention precision is
the share of abstentions that were right (the question was unanswerable);
recall is the share of unanswerable questions that were abstained on.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.errors import InputError
from qa.text.lexical import fold

REQUIRED = ("question", "answerable")


@dataclass(frozen=True)
class Outcome:
    item: dict
    rank: int | None  # 1-based rank of the gold paragraph among citations/related
    answered_right: bool
    abstained: bool
    ms: float
    em: float = 0.0
    f1: float = 0.0
    answer_chars: int | None = None  # length of the answer shown, None when abstained


def read_questions(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read question set {path} ({e}); pass a UTF-8 JSONL file") from e
    items = []
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as e:
            raise InputError(f"{path}:{no} is not valid JSON ({e.msg}); one JSON object per line") from e
        if not isinstance(item, dict) or any(k not in item for k in REQUIRED):
            raise InputError(f"{path}:{no} needs the keys {', '.join(REQUIRED)}")
        if not isinstance(item["question"], str) or not item["question"].strip():
            raise InputError(f"{path}:{no} has an empty question; remove the line or write the question")
        items.append(item)
    if not items:
        raise InputError(f"{path} holds no questions")
    return items


def run_one(engine, item: dict, k: int) -> Outcome:
    t0 = time.perf_counter()
    a = engine.ask(item["question"], k)
    ms = (time.perf_counter() - t0) * 1000
    gold = item.get("gold_substring")
    rank = next((i for i, h in enumerate(a.hits, 1) if gold and gold in h.passage.text), None)
    golds = item.get("answers", [])
    right = bool(a.answer) and any(ans in a.answer for ans in golds)
    em = max((exact_match(a.answer, g) for g in golds), default=0.0) if a.answer else 0.0
    f1 = max((f1_score(a.answer, g) for g in golds), default=0.0) if a.answer else 0.0
    return Outcome(item, rank, right, a.abstained, ms, em, f1, None if a.abstained or not a.answer else len(a.answer))


def _units(text: str) -> list[str]:
    """Characters for Chinese, words for English, after normalising."""
    text = fold(unicodedata.normalize("NFKC", text)).lower()
    text = "".join(" " if unicodedata.category(ch).startswith(("P", "S")) and ch not in "$%" else ch for ch in text)
    if re.search(r"[\u3400-\u9fff]", text):
        return [ch for ch in text if not ch.isspace()]
    return [w for w in text.split() if w not in ("a", "an", "the")]


def exact_match(pred: str, gold: str) -> float:
    return float(_units(pred) == _units(gold))


def f1_score(pred: str, gold: str) -> float:
    p, g = _units(pred), _units(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not p or not g or not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def summarise(outs: list[Outcome]) -> dict:
    ans = [o for o in outs if o.item["answerable"]]
    una = [o for o in outs if not o.item["answerable"]]
    abst = [o for o in outs if o.abstained]
    ms = np.array([o.ms for o in outs]) if outs else np.zeros(1)

    def share(xs, pred):
        return round(sum(1 for x in xs if pred(x)) / len(xs), 4) if xs else None

    return {
        "recall_at_1": share(ans, lambda o: o.rank == 1 and not o.abstained),
        "recall_at_5": share(ans, lambda o: o.rank is not None and o.rank <= 5 and not o.abstained),
        "mrr": round(float(np.mean([0 if o.abstained or not o.rank else 1 / o.rank for o in ans])), 4) if ans else None,
        "answer_accuracy": share(ans, lambda o: o.answered_right and not o.abstained),
        "exact_match": round(float(np.mean([o.em for o in ans])), 4) if ans else None,
        "f1": round(float(np.mean([o.f1 for o in ans])), 4) if ans else None,
        "refused": sum(1 for o in ans if o.abstained),
        "answer_chars_median": float(np.median(lens)) if (lens := [o.answer_chars for o in outs if o.answer_chars is not None]) else None,
        "abstain_precision": share(abst, lambda o: not o.item["answerable"]) if abst else (1.0 if not una else 0.0),
        "abstain_recall": share(una, lambda o: o.abstained) if una else None,
        "latency_ms_p50": round(float(np.percentile(ms, 50)), 1),
        "latency_ms_p95": round(float(np.percentile(ms, 95)), 1),
        "n": len(outs),
    }


def evaluate(engine, items: list[dict], k: int = 5, warmup: bool = True) -> dict:
    """Figures overall, plus the same figures per question language."""
    if warmup:  # load every model (the fast engines too); latency is measured warm
        engine.warm(wait=True)
        engine.ask(items[0]["question"], k)
    outs = [run_one(engine, it, k) for it in items]
    report = summarise(outs)
    langs = sorted({o.item.get("lang", "?") for o in outs})
    report["by_lang"] = {lang: summarise([o for o in outs if o.item.get("lang", "?") == lang]) for lang in langs}
    report["misses"] = [
        {"id": o.item.get("id"), "question": o.item["question"], "rank": o.rank, "abstained": o.abstained}
        for o in outs
        if o.item["answerable"] and (o.rank != 1 or not o.answered_right) or (not o.item["answerable"] and not o.abstained)
    ]
    return report
