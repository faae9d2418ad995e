"""Cross-language sets from XQuAD (parallel SQuAD paragraphs and questions; CC BY-SA 4.0).

    python -m benchmarks.xquad /path/to/xquad /tmp/xq

XQuAD (github.com/google-deepmind/xquad) holds the same 240 paragraphs and
1,190 questions in several languages, with the same ids. From xquad.en.json
and xquad.zh.json this writes two libraries (each converted as by
benchmarks/cmrc2018.py) and, by swapping the question text between languages:

    /tmp/xq/en/corpus, /tmp/xq/en/questions.jsonl       English questions, English library
    /tmp/xq/en/questions_zh.jsonl                        Chinese questions, English library
    /tmp/xq/zh/corpus, /tmp/xq/zh/questions_en.jsonl     English questions, Chinese library

Used only to measure (README, "Measured quality"); nothing is fitted on it.

XQuAD's paragraphs come from SQuAD v1.1 dev articles, and the reader also
trains on other paragraphs of some of those articles (benchmarks.squad_pairs
leaves XQuAD's own paragraphs out). With `--unseen-from runs/squad_pairs.jsonl`
each question file also gets an `_unseen` twin holding only the questions of
articles the reader never saw (13 of XQuAD's 48): the clean measurement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.cmrc2018 import convert


def questions_by_id(src: Path) -> dict[str, str]:
    data = json.loads(src.read_text(encoding="utf-8"))["data"]
    return {qa["id"]: qa["question"].strip() for art in data for p in art["paragraphs"] for qa in p["qas"]}


def swap(questions: Path, texts: dict[str, str], lang: str, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for line in questions.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["id"] in texts:
                f.write(json.dumps({**item, "lang": lang, "question": texts[item["id"]]}, ensure_ascii=False) + "\n")
                n += 1
    return n


def unseen(questions: Path, titles: dict[str, str], trained: set[str]) -> int:
    """Write questions of articles not in `trained` next to `questions`, as NAME_unseen.jsonl."""
    keep = [line for line in questions.read_text(encoding="utf-8").splitlines()
            if titles.get(json.loads(line)["id"]) not in trained]
    out = questions.with_name(questions.stem + "_unseen.jsonl")
    out.write_text("".join(line + "\n" for line in keep), encoding="utf-8")
    return len(keep)


def article_titles(src: Path) -> dict[str, str]:
    data = json.loads(src.read_text(encoding="utf-8"))["data"]
    return {qa["id"]: art["title"] for art in data for p in art["paragraphs"] for qa in p["qas"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("xquad", type=Path, help="folder with xquad.en.json and xquad.zh.json")
    ap.add_argument("out", type=Path)
    ap.add_argument("--unseen-from", dest="unseen_from", type=Path, default=None,
                    help="benchmarks.squad_pairs output: write _unseen question files without its articles")
    a = ap.parse_args(argv)
    for lang in ("en", "zh"):
        convert(a.xquad / f"xquad.{lang}.json", a.out / lang)
    en_q, zh_q = questions_by_id(a.xquad / "xquad.en.json"), questions_by_id(a.xquad / "xquad.zh.json")
    # The converter labels every question "zh"; the English library's own questions are English.
    swap(a.out / "en" / "questions.jsonl", en_q, "en", a.out / "en" / "questions_en.jsonl")
    swap(a.out / "en" / "questions.jsonl", zh_q, "zh", a.out / "en" / "questions_zh.jsonl")
    n = swap(a.out / "zh" / "questions.jsonl", en_q, "en", a.out / "zh" / "questions_en.jsonl")
    print(f"wrote {a.out}: two libraries of 240 paragraphs; {n} English questions over the Chinese one")
    if a.unseen_from:
        trained = {json.loads(line)["article"].removeprefix("squad:")
                   for line in a.unseen_from.read_text(encoding="utf-8").splitlines()}
        titles = article_titles(a.xquad / "xquad.en.json")
        for f in (a.out / "en" / "questions_en.jsonl", a.out / "en" / "questions_zh.jsonl", a.out / "zh" / "questions_en.jsonl"):
            print(f"{f}: {unseen(f, titles, trained)} questions of articles never trained on")
    return 0


if __name__ == "__main__":
    sys.exit(main())
