"""One fresh process per corpus size: cold start, memory, warm latency.

Usage: python -m benchmarks.measure --index DIR --questions FILE --n 100
Prints one JSON object. Resident memory is read from /proc/self/status:
`index_rss_mb` = after loading the index minus after the imports, before any
model is loaded (anonymous memory, plus file pages of memory-mapped files
actually touched).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

T0 = time.time()


def rss() -> dict:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, val = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            out[key] = int(val.split()[0]) / 1024  # MB
    return out


def pct(xs: list[float]) -> dict:
    import numpy as np

    a = np.array(xs) * 1000
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)), "p99": float(np.percentile(a, 99)), "n": len(xs)}


def index_work(engine, questions: list[str]) -> list[float]:
    """Retrieval with the query vectors already computed: the part that grows
    with the corpus (BM25, FAISS, exact re-scoring, features). Uses the
    retriever's internals; skipped if they change."""
    from qa.question import analyze

    r, out = engine.retriever, []
    try:
        for q in questions:
            qv = {eid: enc.encode_queries([q])[0] for eid, enc in engine.encoders.items()}
            t = time.perf_counter()
            query = analyze(q)
            toks = r._query_tokens(query)  # the store scores them
            r._features(r._candidates(qv, toks), qv, toks, query)
            out.append(time.perf_counter() - t)
    except (AttributeError, TypeError):
        return []
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--questions", type=Path, required=True, help="one question per line")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--start", type=float, default=None, help="wall time the parent launched us")
    a = ap.parse_args()
    start = a.start or T0
    from qa.engine import Engine
    from qa.settings import Settings

    base = rss()
    from qa.index.store import read_manifest

    s = Settings(index_dir=a.index, corpus_dir=a.index, encoders=tuple(read_manifest(a.index).encoders))
    t = time.perf_counter()
    engine = Engine.open(s, build_if_missing=False, check_corpus=False)
    load_s = time.perf_counter() - t
    loaded = rss()
    questions = [q for q in a.questions.read_text(encoding="utf-8").splitlines() if q.strip()]
    first = engine.ask(questions[0])
    cold = time.time() - start
    after_first = rss()
    warm = questions[1 : 1 + a.n]
    engine.warm(wait=True)  # a server loads its fast engines after the first answer
    models = rss()  # after the first answer and the warm-up: every model loaded
    for q in warm[:5]:  # page in what every question touches
        engine.ask(q)
    retr, full, enc = [], [], []
    for q in warm:  # query encoding alone: the part that does not depend on the corpus
        t = time.perf_counter()
        for e in engine.encoders.values():
            e.encode_queries([q])
        enc.append(time.perf_counter() - t)
    work = index_work(engine, warm)
    for q in warm:
        t = time.perf_counter()
        engine.retriever.search(q, s.k)
        retr.append(time.perf_counter() - t)
    for q in warm:
        t = time.perf_counter()
        engine.ask(q)
        full.append(time.perf_counter() - t)
    end = rss()
    print(json.dumps({
        "cold_start_s": cold, "index_load_s": load_s, "first_answer": first.answer,
        "rss_mb": {"imports": base, "index_loaded": loaded, "after_first_answer": after_first, "models_loaded": models, "after_warm": end},
        "index_rss_mb": loaded["VmRSS"] - base["VmRSS"],
        "index_rss_after_warm_mb": end["VmRSS"] - base["VmRSS"] - (models["VmRSS"] - loaded["VmRSS"]),
        "latency_ms": {"retrieve": pct(retr), "retrieve_answer": pct(full), "query_encoding": pct(enc)},
        "load_average": os.getloadavg(),
        "index_work_ms": pct(work) if work else None,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
