"""Remove the paragraph that answers, ask again: is the question abstained on?

    python -m benchmarks.removal tests/data/dev.jsonl benchmarks/heldout_kz.jsonl

For every answerable question whose reference answer occurs in exactly one
paragraph (its gold paragraph), the question is asked twice on the five
articles: as is (is it refused?) and with that paragraph left out of retrieval
(`Retriever.search(exclude=...)`: is it abstained on?). Comparisons are asked
whole, as the engine asks them, only in the first condition. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa.answer.decide import decide
from qa.models.reader import shared as shared_reader
from qa.engine import Engine
from qa.evaluate import read_questions
from qa.question import analyze
from qa.settings import Settings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--index", type=Path, default=Path("index"))
    ap.add_argument("--list", action="store_true", help="also list the removed-paragraph questions still answered")
    a = ap.parse_args(argv)
    engine = Engine.open(Settings(corpus_dir=a.corpus, index_dir=a.index))
    engine.warm()
    passages = engine.index.passages
    texts = [p.text for p in passages]
    n = refused = removed_n = removed_abstained = 0
    answered = []  # removed-paragraph questions still answered, for --list
    by_lang: dict[str, list[int]] = {}  # language -> [answerable, refused, removed, removed abstained]
    for path in a.sets:
        for item in read_questions(path):
            if not item["answerable"]:
                continue
            holders = [i for i, t in enumerate(texts) if any(ans in t for ans in item["answers"])]
            n += 1
            lang = item.get("lang", "?")
            was_refused = engine.ask(item["question"]).abstained
            refused += was_refused
            counts = by_lang.setdefault(lang, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += was_refused
            if len(holders) != 1:
                continue  # the answer is in several paragraphs: removing one does not remove it
            gold = passages[holders[0]]
            q = analyze(item["question"])
            hits = engine.retriever.search(q, engine.settings.k, exclude=frozenset({(gold.doc, gold.para_no)}))
            removed_n += 1
            # The reader too, as Engine.ask answers (its margin is the strongest evidence).
            reply = decide(q, hits, engine.retriever.missing(q), reader=shared_reader())
            abstained = reply.abstained
            removed_abstained += abstained
            if not abstained:
                answered.append({"id": item.get("id"), "question": item["question"], "answer": reply.answer,
                                 "confidence": round(reply.confidence, 3)})
            counts[2] += 1
            counts[3] += abstained
    print(json.dumps({"answerable": n, "refused": refused, "refused_share": round(refused / max(1, n), 4),
                      "removed": removed_n, "removed_abstained": removed_abstained,
                      "removed_abstained_share": round(removed_abstained / max(1, removed_n), 4),
                      "by_lang": {lang: {"answerable": a, "refused": r, "removed": m, "removed_abstained": ab}
                                  for lang, (a, r, m, ab) in sorted(by_lang.items())},
                      **({"answered_removed": answered} if a.list else {})}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
