"""Fit an encoder's abstention floor (Settings.min_confidence) on labelled data.

    python benchmarks/calibrate.py --index /tmp/q/dev_index --corpus corpus \
        --answerable tests/data/dev.jsonl benchmarks/heldout_kz.jsonl \
        --foreign /tmp/cmrc/questions.jsonl --encoders use

Run it once per encoder (the index must hold that encoder's vectors); the
printed threshold is that encoder's floor in Settings.min_confidence.

Confidence is the top hit's best-sentence cosine (mean over encoders). The
answerable questions give its distribution when the corpus does answer;
questions written for another corpus (`--foreign`, e.g. CMRC over our
articles) and the unanswerable questions of the sets give it when it does not.
The threshold is the highest value that keeps `--keep` of the answerable
questions answered (a wrong abstention costs the user more than a weak
citation of a related paragraph, which the answer text still shows).
Questions that the entity or topic rules already abstain on are left out:
the threshold only has to catch what those rules miss.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def confidences(engine, questions: list[str]) -> list[float]:
    from qa.answer.decide import uncovered_terms

    out = []
    for q in questions:
        query, hits = engine.retriever.search(q, 5)
        ruled = bool(query.missing) or (query.terms and len(uncovered_terms(query, hits[0])) == len(query.terms))
        if not ruled:
            out.append(hits[0].sentence_sim)
    return out


def main(argv=None) -> int:
    from qa.engine import Engine
    from qa.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--answerable", nargs="+", type=Path, required=True)
    ap.add_argument("--foreign", nargs="*", type=Path, default=[])
    ap.add_argument("--n-foreign", type=int, default=150)
    ap.add_argument("--keep", type=float, default=1.0)
    ap.add_argument("--encoders", default="e5,use", help="comma-separated subset of the index's encoders")
    args = ap.parse_args(argv)
    engine = Engine.open(Settings(corpus_dir=args.corpus, index_dir=args.index))
    from qa.search.retrieve import Retriever

    keep = [e.strip() for e in args.encoders.split(",") if e.strip()]
    engine.retriever = Retriever(engine.index, {e: engine.encoders[e] for e in keep}, engine.settings)
    items = [json.loads(x) for f in args.answerable for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    pos = confidences(engine, [i["question"] for i in items if i["answerable"]])
    neg_q = [i["question"] for i in items if not i["answerable"]]
    foreign = [json.loads(x)["question"] for f in args.foreign for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    neg_q += random.Random(0).sample(foreign, min(args.n_foreign, len(foreign)))
    neg = confidences(engine, neg_q)
    t = float(np.quantile(pos, 1 - args.keep))
    caught = float(np.mean([c < t for c in neg])) if neg else float("nan")
    print(json.dumps({"threshold": round(t, 3), "answerable": len(pos), "answerable_kept": round(float(np.mean([c >= t for c in pos])), 3),
                      "unanswerable_left_to_threshold": len(neg), "unanswerable_caught": round(caught, 3),
                      "pos_quantiles": [round(float(x), 3) for x in np.quantile(pos, [0, 0.02, 0.1, 0.5])],
                      "neg_quantiles": [round(float(x), 3) for x in np.quantile(neg, [0.5, 0.9, 0.98, 1])] if neg else []}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
