"""The two stores side by side on one corpus and one question set.

    python -m benchmarks.stores --corpus corpus --questions tests/data/dev.jsonl --out /tmp/stores
    python -m benchmarks.stores --size 100000 --questions WORK/questions.txt --out WORK

For each store (FAISS in OUT/faiss, Milvus Lite in OUT/milvus/milvus.db, or
--milvus-uri for a server): build time (vectors come from a shared cache, so
it measures the store, not the encoders: the per-article cache for the real
corpus, the benchmark's sentence pool for --size), the time to open the
index, memory after the questions and at its peak (the build runs in the
same process; Milvus Lite 3 runs inside it, so its memory is counted too), per-question latency p50/p95 after one warm-up
question, peak memory, and every question's first citation, answer and
top-k scores. Writes OUT/stores.json and prints a table; the
stores agree when first citations and answers are identical.

Each store runs in its own process (peak memory is per process).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def read_questions(path: Path) -> list[dict]:
    """A JSONL question set, or one question per line (benchmarks.run's questions.txt)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) if path.suffix == ".jsonl" else {"id": i, "question": line} for i, line in enumerate(lines)]


def build_assembled(s, n: int, work: Path) -> float:
    """The benchmark corpus of n passages (benchmarks.corpus: real sentences,
    paragraph vectors derived from theirs), written through the store's publish."""
    from benchmarks import corpus as bc
    from benchmarks.build import write_assembled
    from benchmarks.vectors import pool_vectors
    from qa.index.backends import open_backend

    pool = bc.sentence_pool(bc.real_articles())
    pool_vecs = pool_vectors(work, pool.embed_texts, s.encoders)  # cached in work: embedded once for both stores
    asm = bc.assemble(n, pool, seed=0)
    t = time.perf_counter()
    write_assembled(s.index_dir, pool, pool_vecs, asm, "auto", None, log=lambda m: None, backend=open_backend(s))
    return time.perf_counter() - t


def run_one(backend: str, corpus: Path, questions: Path, index_dir: Path, uri: str, encoders: tuple[str, ...], size: int, limit: int) -> dict:
    from qa.engine import Engine
    from qa.index.build import build_index
    from qa.settings import Settings

    s = Settings(corpus_dir=corpus, index_dir=index_dir, encoders=encoders, backend=backend, milvus_uri=uri)
    t = time.perf_counter()
    if size:
        build_s = build_assembled(s, size, index_dir.parent)
    else:
        build_index(s)
        build_s = time.perf_counter() - t
    t = time.perf_counter()
    engine = Engine.open(s, build_if_missing=False, check_corpus=not size)
    open_s = time.perf_counter() - t
    items = read_questions(questions)[:limit]
    engine.ask(items[-1]["question"])  # warm-up: models and caches
    lat, per = [], []
    for it in items:
        t = time.perf_counter()
        a = engine.ask(it["question"])
        lat.append((time.perf_counter() - t) * 1000)
        top = [(h.passage.doc, h.passage.para_no, round(h.score, 4)) for h in a.hits]
        per.append({"id": it.get("id"), "answer": a.answer, "abstained": a.abstained,
                    "first": list(top[0][:2]) if top else None, "top": top})
    lat.sort()
    pick = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 1)  # noqa: E731
    return {"backend": backend, "passages": len(engine.index.passages), "build_s": round(build_s, 2), "open_s": round(open_s, 2),
            "p50_ms": pick(0.5), "p95_ms": pick(0.95), "after_questions_rss_mb": round(rss_mb()),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "load_average": os.getloadavg()[0],
            "questions": per}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--questions", type=Path, default=Path("tests/data/dev.jsonl"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--encoders", default="e5,use")
    ap.add_argument("--milvus-uri", default="")
    ap.add_argument("--size", type=int, default=0, help="passages of the assembled benchmark corpus (0: the real --corpus)")
    ap.add_argument("--limit", type=int, default=100, help="questions asked at most")
    ap.add_argument("--one", choices=("faiss", "milvus"), help=argparse.SUPPRESS)  # the child process
    a = ap.parse_args(argv)
    encoders = tuple(a.encoders.split(","))
    if a.one:
        idx = a.out / a.one
        uri = a.milvus_uri or (str((idx / "milvus.db").resolve()) if a.one == "milvus" else "")
        print(json.dumps(run_one(a.one, a.corpus, a.questions, idx, uri, encoders, a.size, a.limit)))
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    results = []
    for backend in ("faiss", "milvus"):
        idx = a.out / backend
        shutil.rmtree(idx, ignore_errors=True)
        if (a.out / "cache").exists():  # vectors embedded once, shared: the build measures the store
            idx.mkdir(parents=True)
            shutil.copytree(a.out / "cache", idx / "cache")
        cmd = [sys.executable, "-m", "benchmarks.stores", "--one", backend, "--corpus", str(a.corpus), "--questions",
               str(a.questions), "--out", str(a.out), "--encoders", a.encoders, "--milvus-uri", a.milvus_uri,
               "--size", str(a.size), "--limit", str(a.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        if not (a.out / "cache").exists() and (idx / "cache").exists():
            shutil.copytree(idx / "cache", a.out / "cache")
    f, m = results
    same_first = sum(x["first"] == y["first"] for x, y in zip(f["questions"], m["questions"]))
    same_answer = sum((x["answer"], x["abstained"]) == (y["answer"], y["abstained"]) for x, y in zip(f["questions"], m["questions"]))
    same_top = sum(x["top"] == y["top"] for x, y in zip(f["questions"], m["questions"]))
    summary = {"n": len(f["questions"]), "same_first_citation": same_first, "same_answer": same_answer, "same_top_k_and_scores": same_top}
    (a.out / "stores.json").write_text(json.dumps({"runs": results, "agreement": summary}, ensure_ascii=False, indent=1))
    print("| store | passages | build s | open s | ask p50 ms | ask p95 ms | RSS after questions MB | peak RSS MB | load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['passages']:,} | {r['build_s']} | {r['open_s']} | {r['p50_ms']} | {r['p95_ms']} "
              f"| {r['after_questions_rss_mb']} | {r['peak_rss_mb']} | {r['load_average']:.1f} |")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
