"""Cross-language training items for the reader from SQuAD 2.0 dev (CC BY-SA 4.0).

    python -m benchmarks.squad_pairs --zh ZH.json --en DEV.json --en-unlabelled TEST.json \
        --exclude xquad.en.json --out runs/squad_pairs.jsonl

Why: the public sets in ../shared/train hold Chinese questions over Chinese
paragraphs only, and the reader's cross-language readings were its weakest
(English questions over Chinese text, and any question over English text).
SQuAD 2.0 dev exists in a Chinese translation with the original question ids
(github.com/junzeng-pluto/ChineseSquad, squad_2.0/dev-v2.0-zh.json: machine
translation with manual correction; questions whose answer could not be found
in the translation were dropped) and in English as the two halves of CS224N's
re-split (github.com/chrischute/squad, data/dev-v2.0.json with answers and
data/test-v2.0.json without; new ids, same order as the original). Fetch both
repositories with the tool library's `fetch`; nothing of them is committed.

Pairing, with no lookup of question text:
- articles: the same number of paragraphs, then the most shared numbers
  (3+ digits) between the two languages' paragraphs;
- questions, paragraph by paragraph: both files keep the original order; where
  the translation dropped questions, the original ids are consecutive hex
  within a batch, so a gap in the Chinese ids says which are missing. A
  paragraph whose drops cannot be placed that way is skipped.
Checked on a sample: the English and Chinese questions say the same, and the
years in 361 of 366 English questions appear in their Chinese twin.

XQuAD (github.com/google-deepmind/xquad) was drawn from the same SQuAD dev
articles: its 240 paragraphs (matched by their English text) and their
questions are excluded with `--exclude`, so XQuAD stays a measurement. Its
articles that SQuAD 2.0 dev does not contain (13 of 48) are never seen in
training at all; `benchmarks.xquad` reports them apart.

Each output line is one training item:
  {"qid", "question", "context", "answers", "start", "article", "held_key", "combo"}
combo is "en>zh", "zh>zh", "en>en" or "zh>en" (question > passage); an
unanswerable question (SQuAD 2.0's written-to-mislead ones) has answers [] and
start -1.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

NUMBER = re.compile(r"\d{3,}")


def _articles(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["data"]


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def match_articles(zh: list[dict], en: list[dict]) -> dict[int, int]:
    """Chinese article index -> English article index."""
    used: set[int] = set()
    out = {}
    for i, za in enumerate(zh):
        best = None
        for j, ea in enumerate(en):
            if j in used or len(ea["paragraphs"]) != len(za["paragraphs"]):
                continue
            shared = sum(len(_numbers(e["context"]) & _numbers(z["context"]))
                         for e, z in zip(ea["paragraphs"], za["paragraphs"]))
            if best is None or shared > best[0]:
                best = (shared, j)
        if best is not None:
            used.add(best[1])
            out[i] = best[1]
    return out


def place(ids: list[str], missing: int) -> list[str | None]:
    """The Chinese ids in original order with None where a dropped question
    was: a gap in a batch of consecutive ids (same prefix, hex suffix)."""
    out: list[str | None] = []
    for k, qid in enumerate(ids):
        if k and qid[:-4] == ids[k - 1][:-4]:
            gap = int(qid[-4:], 16) - int(ids[k - 1][-4:], 16) - 1
            if 0 < gap <= missing:
                out += [None] * gap
        out.append(qid)
    return out


def _answers(qa: dict) -> tuple[list[str], int]:
    answers = list(dict.fromkeys(a["text"].strip() for a in qa.get("answers", []) if a["text"].strip()))
    return answers, (qa["answers"][0]["answer_start"] if answers else -1)


def items(zh: list[dict], en: list[dict], excluded: set[str]) -> list[dict]:
    out = []
    for i, j in match_articles(zh, en).items():
        za, ea = zh[i], en[j]
        for pz, pe in zip(za["paragraphs"], ea["paragraphs"]):
            if pe["context"].strip()[:120] in excluded:
                continue
            qe, qz = pe["qas"], pz["qas"]
            order = [q["id"] for q in qz]
            if len(qe) != len(qz):
                order = place(order, len(qe) - len(qz))
                if len(order) != len(qe):
                    continue
            by_id = {q["id"]: q for q in qz}
            for q_en, qid in zip(qe, order):
                if qid is None:
                    continue
                q_zh = by_id[qid]
                impossible = bool(q_zh.get("is_impossible"))
                ans_zh, start_zh = _answers(q_zh)
                if not impossible and not ans_zh:
                    continue
                # held_key: one paragraph in both languages is held back (or not) as a whole
                base = {"qid": qid, "article": f"squad:{ea['title']}", "held_key": pz["context"]}
                for combo, question in (("en>zh", q_en["question"]), ("zh>zh", q_zh["question"])):
                    out.append({**base, "combo": combo, "question": question.strip(), "context": pz["context"],
                                "answers": ans_zh, "start": start_zh})
                # English answers exist for CS224N's dev half only (its test half has none);
                # an unanswerable question is unanswerable in both languages.
                ans_en, start_en = ([], -1) if impossible else _answers(q_en)
                if ea.get("labelled") and (ans_en or impossible):
                    for combo, question in (("en>en", q_en["question"]), ("zh>en", q_zh["question"])):
                        out.append({**base, "combo": combo, "question": question.strip(), "context": pe["context"],
                                    "answers": ans_en, "start": start_en})
    return out


def held_sets(rows: list[dict], held_share: float) -> dict[str, dict]:
    """SQuAD-format sets for calibration and measurement, one per passage
    language: every paragraph (a library of realistic size) with only the
    questions the reader held back (the same hash as qa.models.reader_train),
    answerable ones, their id suffixed with the question language."""
    from qa.models.reader_train import _held

    out: dict[str, dict] = {}
    for r in rows:
        lang = r["combo"][-2:]
        paras = out.setdefault(lang, {})
        para = paras.setdefault(r["context"], {"context": r["context"], "qas": []})
        if r["answers"] and _held(r["held_key"], held_share):
            para["qas"].append({"id": f"{r['qid']}_{r['combo'][:2]}", "question": r["question"],
                                "answers": [{"text": r["answers"][0], "answer_start": r["start"]}]})
    return {lang: {"data": [{"title": "", "paragraphs": list(paras.values())}]} for lang, paras in out.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zh", type=Path, required=True, help="ChineseSquad squad_2.0/dev-v2.0-zh.json")
    ap.add_argument("--en", type=Path, required=True, help="CS224N data/dev-v2.0.json (with answers)")
    ap.add_argument("--en-unlabelled", dest="en_unlabelled", type=Path, help="CS224N data/test-v2.0.json (questions only)")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="XQuAD files whose paragraphs are left out")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--held-sets", dest="held_sets", type=Path, default=None,
                    help="also write held_zh.json and held_en.json (SQuAD format) here, for benchmarks.cmrc2018")
    ap.add_argument("--held", type=float, default=0.1, help="the reader's held-back share (reader_train --held)")
    args = ap.parse_args(argv)
    zh = _articles(args.zh)
    en = [{**a, "labelled": True} for a in _articles(args.en)]
    if args.en_unlabelled:
        en += _articles(args.en_unlabelled)
    excluded = {p["context"].strip()[:120] for x in args.exclude for a in _articles(x) for p in a["paragraphs"]}
    rows = items(zh, en, excluded)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.held_sets:
        args.held_sets.mkdir(parents=True, exist_ok=True)
        for lang, squad in held_sets(rows, args.held).items():
            (args.held_sets / f"held_{lang}.json").write_text(json.dumps(squad, ensure_ascii=False), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in rows:
        key = r["combo"] + (" unanswerable" if not r["answers"] else "")
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({"items": len(rows), **dict(sorted(counts.items()))}))


if __name__ == "__main__":
    main()
