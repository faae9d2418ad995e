"""Turn CMRC 2018 (SQuAD-format JSON) into a corpus folder and a question set.

    python benchmarks/cmrc2018.py benchmarks/data/cmrc2018_trial.json /tmp/cmrc

writes /tmp/cmrc/corpus/<NNN>_<id>.txt (the article title as a heading line,
then the paragraph) and /tmp/cmrc/questions.jsonl in the question-set format
of DESIGN.md. Then:

    python -m qa.cli index --corpus /tmp/cmrc/corpus --index /tmp/cmrc/index
    python -m qa.cli eval /tmp/cmrc/questions.jsonl --corpus /tmp/cmrc/corpus --index /tmp/cmrc/index

Each question's `gold_substring` is the shortest window of its paragraph
around the answer (growing one character each side in turn, from the answer
itself) that no other paragraph contains, so a hit means exactly one paragraph.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

MIN_GOLD = 6  # a shorter window is too easily matched by chance


def clean(text: str) -> str:
    """One line per paragraph: the corpus reader splits paragraphs at newlines."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def gold_window(context: str, start: int, length: int, others: list[str]) -> str | None:
    """Shortest substring of `context` covering [start, start+length) found in no other paragraph."""
    lo, hi = start, start + max(length, 1)
    grow_left = True
    while True:
        window = context[lo:hi]
        if len(window) >= MIN_GOLD and not any(window in o for o in others):
            return window
        if lo == 0 and hi == len(context):
            return None
        if (grow_left and lo > 0) or hi == len(context):
            lo -= 1
        else:
            hi += 1
        grow_left = not grow_left


def answer_start(context: str, ans: dict) -> int:
    """The recorded offset when it points at the answer, else the first occurrence."""
    s = ans.get("answer_start", -1)
    if isinstance(s, int) and 0 <= s and context[s : s + len(ans["text"])] == ans["text"]:
        return s
    return context.find(ans["text"])


def convert(src: Path, out: Path) -> tuple[int, int, int]:
    data = json.loads(src.read_text(encoding="utf-8"))["data"]
    paras = [(art.get("title", ""), clean(p["context"]), p) for art in data for p in art["paragraphs"]]
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    contexts = [c for _, c, _ in paras]
    n_q = skipped = 0
    with open(out / "questions.jsonl", "w", encoding="utf-8") as qf:
        for i, (title, context, p) in enumerate(paras):
            doc = f"{i:03d}_{re.sub(r'[^A-Za-z0-9_-]', '_', str(p.get('id', i)))}.txt"
            head = clean(title)
            (corpus / doc).write_text((f"{head}\n\n" if head else "") + context + "\n", encoding="utf-8")
            others = contexts[:i] + contexts[i + 1 :]
            for qa in p["qas"]:
                answers = list(dict.fromkeys(a["text"].strip() for a in qa["answers"] if a["text"].strip()))
                first = next((a for a in qa["answers"] if a["text"].strip()), None)
                start = answer_start(context, first) if first else -1
                gold = gold_window(context, start, len(first["text"]), others) if start >= 0 else None
                if not answers or gold is None or not qa["question"].strip():
                    skipped += 1
                    continue
                item = {"id": qa["id"], "lang": "zh", "question": qa["question"].strip(), "answerable": True,
                        "answers": answers, "doc": doc, "gold_substring": gold}
                qf.write(json.dumps(item, ensure_ascii=False) + "\n")
                n_q += 1
    return len(paras), n_q, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="CMRC 2018 JSON file (SQuAD format)")
    ap.add_argument("out", type=Path, help="folder to write corpus/ and questions.jsonl into")
    args = ap.parse_args(argv)
    try:
        n_p, n_q, skipped = convert(args.source, args.out)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"error: cannot convert {args.source}: {e}; pass a CMRC/SQuAD-format JSON file", file=sys.stderr)
        return 2
    print(f"{n_p} paragraphs -> {args.out / 'corpus'}; {n_q} questions -> {args.out / 'questions.jsonl'} ({skipped} skipped: empty question or no locatable answer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
