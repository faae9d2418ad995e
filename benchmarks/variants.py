"""The same question typed another way gets the same answer.

    python -m benchmarks.variants benchmarks/team_v5.jsonl ... [--kinds lower,nomark,traditional,slip]

Each answerable question the engine answers right as written is asked again
as a user might type it, and the questions whose answer is then no longer
right are counted and listed:

- lower: an English question in lower case without its question mark;
- nomark: any question without its final question mark;
- traditional: a Chinese question in Traditional script with Taiwan's wording
  (OpenCC s2twp: 项目 -> 專案, 哈萨克斯坦 -> 哈薩克);
- slip: the first capitalised word of seven letters or more in an English
  question with its fourth letter left out ("Kazakhstan" -> "Kazkhstan").

A measurement of robustness, not of accuracy: a question answered wrong as
written is not asked again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from qa.engine import Engine
from qa.evaluate import read_questions
from qa.settings import Settings

KINDS = ("lower", "nomark", "traditional", "slip")


def variant(kind: str, item: dict) -> str | None:
    """The question typed another way, or None where the kind does not apply."""
    q = item["question"]
    if kind == "lower":
        v = q.lower().rstrip("?").strip() if item.get("lang") == "en" else None
    elif kind == "nomark":
        v = q.rstrip("?？").strip()
    elif kind == "traditional":
        if item.get("lang") != "zh":
            return None
        import opencc

        v = opencc.OpenCC("s2twp").convert(q)
    else:
        m = re.search(r"\b[A-Z][a-z]{6,}\b", q) if item.get("lang") == "en" else None
        v = q.replace(m.group(), m.group()[:3] + m.group()[4:], 1) if m else None
    return v if v and v != q else None


def right(answer, golds: list[str]) -> bool:
    return bool(answer.answer) and not answer.abstained and any(g in answer.answer for g in golds)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--index", type=Path, default=Path("index"))
    a = ap.parse_args(argv)
    kinds = [k for k in a.kinds.split(",") if k in KINDS]
    engine = Engine.open(Settings(corpus_dir=a.corpus, index_dir=a.index), build_if_missing=False)
    engine.warm(wait=True)
    items = [i for s in a.sets for i in read_questions(s) if i["answerable"]]
    base = [i for i in items if right(engine.ask(i["question"]), i["answers"])]
    out = {"answerable": len(items), "right_as_written": len(base)}
    for kind in kinds:
        asked = [(i, v) for i in base if (v := variant(kind, i))]
        lost = [{"id": i.get("id"), "asked": v} for i, v in asked if not right(engine.ask(v), i["answers"])]
        out[kind] = {"asked": len(asked), "no_longer_right": len(lost), "questions": lost}
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
