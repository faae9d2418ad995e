"""The reader on its own held-back part, and the held-back questions for `qa eval`.

    python -m benchmarks.reader_eval --data ../shared/train
    python -m benchmarks.reader_eval --subset /tmp/cal/drcd/questions.jsonl ../shared/train/DRCD_test.json \
        --out /tmp/cal/drcd/heldback.jsonl

The first form reads every held-back question (paragraphs never trained on,
chosen by qa.models.reader_train's hash split) with its own paragraph and
reports exact match and character F1 per set, and how often the reader says
"no answer" for the question put to another paragraph of the same article.
The second writes the questions of a converted set (benchmarks/cmrc2018.py)
whose paragraphs were held back, so the whole pipeline can be measured on them.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from qa.models.reader import Reader, span_f1
from qa.models.reader_train import load_items, paragraphs_by_article


def own_part(data: Path, files: list[str], held: float, adapter: Path) -> dict:
    reader = Reader.load(adapter)
    out = {}
    for name in files:
        items = [it for it in load_items([data / name], held) if it.held]
        em = f1 = 0.0
        nulls = negs = 0
        t = time.perf_counter()
        by_article = paragraphs_by_article(items)
        for it in items:
            spans = reader.read(it.question, [it.context])
            text = spans[0].text if spans and spans[0].margin > 0 else ""
            em += max(float(text == a) for a in it.answers)
            f1 += max(span_f1(text, a) for a in it.answers)
            other = next((c for c in by_article[it.article] if c != it.context and not any(a in c for a in it.answers)), None)
            if other is not None:
                negs += 1
                s = reader.read(it.question, [other])
                nulls += not s or s[0].margin <= 0
        n = max(len(items), 1)
        out[name] = {"questions": len(items), "exact_match": round(em / n, 4), "f1": round(f1 / n, 4),
                     "no_answer_on_other_paragraph": round(nulls / max(negs, 1), 4), "negatives": negs,
                     "ms_per_question": round(1000 * (time.perf_counter() - t) / n / (1 + negs / n), 1)}
    return out


def subset(questions: Path, source: Path, held: float, out: Path) -> int:
    """Keep the converted set's questions whose paragraph the reader never trained on."""
    held_ids = {it.qid for it in load_items([source], held) if it.held}
    rows = [line for line in questions.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line)["id"] in held_ids]
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


# The oracle test's fixed cases (tests/test_reader.py): questions in both
# languages over passages of the shipped articles and an invented English one.
ORACLE_CASES = [
    ("2024年哈中双边贸易额是多少？", "004", "440亿美元"),
    ("What was the bilateral trade volume in 2024?", "004", "440亿美元"),
    ("托卡耶夫在哪份报纸上发表了署名文章？", "004", "China Daily"),
    ("约有多少家含中国资本的企业在哈萨克斯坦运营？", "004", "6000家"),
    ("习近平在天津上合组织峰会期间与哪些国家的领导人单独会晤？", "004", "俄罗斯、印度和哈萨克斯坦"),
    ("When did the Harbor Bridge open?", "The Harbor Bridge opened to traffic in 1932 and carries eight lanes. "
     "It was designed by the engineer Mara Quill.", None),
    ("Who designed the Harbor Bridge?", "The Harbor Bridge opened to traffic in 1932 and carries eight lanes. "
     "It was designed by the engineer Mara Quill.", None),
]


def oracle(out: Path, corpus: Path = Path("corpus")) -> list[dict]:
    """Save the reader's span and margin for ORACLE_CASES. A corpus case reads
    the paragraph of that article that holds the expected answer."""
    reader = Reader.load()
    cases = []
    for question, source, expect in ORACLE_CASES:
        passage = source
        if expect is not None:
            text = next(corpus.glob(f"{source}_*.txt")).read_text(encoding="utf-8")
            passage = next(p.strip() for p in text.split("\n") if expect in p)
        span = reader.read(question, [passage])[0]
        cases.append({"question": question, "passage": passage, "span": span.text, "margin": round(span.margin, 3)})
    out.write_text(json.dumps({"made_by": "python -m benchmarks.reader_eval --oracle " + str(out), "cases": cases},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/train"))
    ap.add_argument("--files", nargs="+", default=["cmrc2018_dev.json", "DRCD_test.json"])
    ap.add_argument("--held", type=float, default=0.1, help="as in training")
    ap.add_argument("--adapter", type=Path, default=Path("qa/models/reader.npz"))
    ap.add_argument("--subset", nargs=2, type=Path, metavar=("QUESTIONS", "SOURCE"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--oracle", type=Path, help="write the oracle test's saved outputs here")
    args = ap.parse_args()
    if args.oracle:
        print(json.dumps(oracle(args.oracle), ensure_ascii=False, indent=1))
    elif args.subset:
        print(json.dumps({"written": subset(*args.subset, args.held, args.out), "out": str(args.out)}))
    else:
        print(json.dumps(own_part(args.data, args.files, args.held, args.adapter), indent=1))


if __name__ == "__main__":
    main()
