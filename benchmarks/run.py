"""Benchmark the engine from five articles to a million passages.

    python -m benchmarks.run --sizes 200,10000,100000,1000000 --out benchmarks/results

Per size: indexing throughput, on-disk size, resident memory of the loaded
index, warm latency (retrieval alone, retrieve+answer), cold start to first
answer (each in a fresh process), and recall@10 of every approximate FAISS
index against exact search. Writes results.json, report.md and plot.svg;
see benchmarks/report.py for what is measured and what is derived.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import corpus as bc
from benchmarks.build import write_assembled
from benchmarks.recall import recall_report
from benchmarks.report import write_report
from benchmarks.vectors import ENCODERS, pool_key, pool_vectors
from qa.ingest.corpus import is_heading
from qa.text.lexical import tokenize

ROOT = Path(__file__).resolve().parent.parent


def questions_file(work: Path, cmrc: Path) -> Path:
    """Real questions: the dev set and CMRC, interleaved, fixed order."""
    dev = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev.jsonl"
    qs_dev = [json.loads(l)["question"] for l in dev.read_text(encoding="utf-8").splitlines() if l.strip()] if dev.exists() else []
    qs_cmrc = [qa["question"] for item in json.loads(cmrc.read_text(encoding="utf-8"))["data"] for p in item["paragraphs"] for qa in p["qas"]]
    mixed = [q for pair in zip(qs_cmrc[::2], qs_dev + qs_cmrc[1::2]) for q in pair]
    path = work / "questions.txt"
    path.write_text("\n".join(" ".join(q.split()) for q in mixed) + "\n", encoding="utf-8")
    return path


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_real(n: int, work: Path, articles, kind: str, encoders) -> tuple[Path, dict]:
    """The smallest size goes through the engine's own `build_index`: all measured."""
    from qa.index.build import build_index
    from qa.settings import Settings

    folder = work / f"size-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "corpus").mkdir(parents=True)
    left = n
    for art in articles:
        if left <= 0:
            break
        take = art.passages[:left]
        body = "\n\n".join(p.text for p in take)
        head = f"{art.title}\n\n" if is_heading(art.title) else ""  # a title cut from the first sentence is not a line
        (folder / "corpus" / art.doc).write_text((f" date {art.date}\n" if art.date else "") + head + body + "\n", encoding="utf-8")
        left -= len(take)
    s = Settings(corpus_dir=folder / "corpus", index_dir=folder / "index", index_kind=kind, encoders=tuple(encoders))
    t = time.perf_counter()
    rep = build_index(s)
    secs = time.perf_counter() - t
    from qa.index.loaded import load_index

    ix = load_index(s.index_dir)
    tokens = sum(len(tokenize(p.text)) for p in ix.passages)
    return s.index_dir, {"passages": rep.n_passages, "sentences": int(len(ix.sent_owner)), "tokens": tokens, "seconds": {"total": secs},
                         "measured": "everything: engine build_index with both encoders on real paragraphs and sentences"}


def build_size(n: int, a, pool, pool_vecs, articles) -> tuple[Path, dict]:
    if n <= a.real_max:
        return build_real(n, a.work, articles, a.kind, a.encoders)
    from qa.models.encoders import get_encoder

    asm = bc.assemble(n, pool, seed=a.seed)
    embed = {e: get_encoder(e) for e in a.embed_encoders} if n <= a.embed_max else None
    index_dir = a.work / f"size-{n}" / "index"
    shutil.rmtree(index_dir.parent, ignore_errors=True)
    t = time.perf_counter()
    info = write_assembled(index_dir, pool, pool_vecs, asm, a.kind, embed, log=lambda m: print(m, flush=True))
    info["seconds"]["total"] = time.perf_counter() - t
    info.update(passages=n, sentences=int(len(asm.sent_rows)))
    info["measured"] = ("paragraph vectors embedded for real (measured); sentence vectors from the pool" if embed
                        else "paragraph vectors derived (mean of real sentence vectors); build of FAISS, BM25, table measured")
    return index_dir, info


def reused_info(index_dir: Path) -> dict:
    """Build figures of an index built elsewhere: its size, and the build time
    if a `build_seconds.json` beside it recorded one."""
    from qa.index.loaded import load_index

    ix = load_index(index_dir)
    rec = index_dir.parent / "build_seconds.json"
    secs = json.loads(rec.read_text()) if rec.exists() else {}
    return {"passages": len(ix.passages), "sentences": int(len(ix.sent_owner)), "tokens": sum(len(tokenize(p.text)) for p in ix.passages),
            "seconds": secs, "measured": "index built by `qa index` (engine build_index), all measured" if secs else "index reused; build time not recorded"}


def throughput(info: dict, pool_timing: dict) -> dict:
    """passages/s and tokens/s of a full indexing run. Where vectors were not
    all embedded here, embedding time is estimated from measured chars/s
    (paragraphs embedded at this size, else the real sentence pool)."""
    s, n = info["seconds"], info["passages"]
    if "total" not in s:
        return {}
    if "vectors_" + next(iter(pool_timing)) not in s:  # the engine's own build: all measured
        return {"passages_per_s": n / s["total"], "tokens_per_s": info["tokens"] / s["total"], "derived": False}
    measured = {e: v["measured"] for e, v in info["para_vectors"].items() if isinstance(v, dict)}
    build = s["total"] - sum(m["seconds"] for m in measured.values())
    embed = 0.0
    for e, t in pool_timing.items():
        pool_rate = t["chars"] / t["seconds"]
        para_rate = measured[e]["chars"] / measured[e]["seconds"] if e in measured else pool_rate
        embed += info["para_chars"] / para_rate + info["sent_chars"] / pool_rate
    total = build + embed
    return {"passages_per_s": n / total, "tokens_per_s": info["tokens"] / total, "build_only_passages_per_s": n / build,
            "embed_seconds_estimated": embed, "embedded_here": sorted(measured), "derived": True}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200,10000,100000,1000000")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/qa-bench"), help="scratch folder for corpora and indexes (large)")
    ap.add_argument("--kind", default="auto", help="FAISS index kind: auto, flat, ivfpq, hnsw")
    ap.add_argument("--embed-max", type=int, default=10_000, help="embed paragraphs for real up to this size")
    ap.add_argument("--real-max", type=int, default=400, help="sizes up to this use real paragraphs via the engine's build")
    ap.add_argument("--queries", type=int, default=100, help="warm questions per size")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep each size's index in --work")
    ap.add_argument("--reuse", action="store_true", help="re-measure an index kept by --keep instead of rebuilding it")
    ap.add_argument("--encoders", default=",".join(ENCODERS))
    ap.add_argument("--embed-encoders", default=None, help="which encoders embed paragraphs for real up to --embed-max (default: all)")
    ap.add_argument("--measure-nice", type=int, default=0, help="niceness of the latency-measuring process (root only)")
    ap.add_argument("--pool-passages", type=int, default=None, help="build sentences from the first N real paragraphs only (smoke runs)")
    a = ap.parse_args()
    a.encoders = tuple(a.encoders.split(","))
    a.embed_encoders = tuple(a.embed_encoders.split(",")) if a.embed_encoders else a.encoders
    a.work.mkdir(parents=True, exist_ok=True)
    a.out.mkdir(parents=True, exist_ok=True)
    import faiss

    # On a shared CPU, OpenMP teams spin-wait on busy cores: one thread built
    # the IVF-PQ indexes many times faster here than two.
    faiss.omp_set_num_threads(1)
    articles = bc.real_articles()
    pool = bc.sentence_pool(articles, a.pool_passages)
    pool_vecs = pool_vectors(a.work, pool.embed_texts, a.encoders)
    timing = json.loads((a.work / f"pool.{pool_key(pool.embed_texts)}.timing.json").read_text())
    qfile = questions_file(a.work, bc.CMRC)
    results_path = a.out / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    results.setdefault("sizes", {})
    results["pool"] = {"sentences": len(pool.sent_texts), "embedding": timing}
    for n in [int(x) for x in a.sizes.split(",")]:
        print(f"== {n} passages", flush=True)
        kept = a.work / f"size-{n}" / "index"
        if a.reuse and (kept / "current").exists():  # measure again, build kept
            index_dir = kept
            info = results["sizes"][str(n)]["build"] if str(n) in results["sizes"] else reused_info(kept)
        else:
            index_dir, info = build_size(n, a, pool, pool_vecs, articles)
        row = {"build": info, "disk_mb": du(index_dir / "current") / 2**20, "indexing": throughput(info, timing)}
        row["recall"] = recall_report(index_dir, qfile, n_queries=100)
        print("  recall", json.dumps(row["recall"]), flush=True)
        cmd = [sys.executable, "-m", "benchmarks.measure", "--index", str(index_dir), "--questions", str(qfile), "--n", str(a.queries), "--start", str(time.time())]
        # Latency is measured at normal priority even when the build runs niced:
        # the measuring process is short, and a niced one measures the neighbours.
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, cwd=ROOT, env={**{k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}, "PYTHONPATH": str(ROOT)},
                             preexec_fn=(lambda: os.setpriority(os.PRIO_PROCESS, 0, a.measure_nice)) if os.geteuid() == 0 else None)
        if out.returncode != 0:
            print(out.stderr[-3000:], flush=True)
            row["measure_error"] = out.stderr[-500:]
        else:
            row.update(json.loads(out.stdout.strip().splitlines()[-1]))
        results["sizes"][str(n)] = row
        results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        write_report(results, a.out)
        print(json.dumps({k: row.get(k) for k in ("cold_start_s", "index_rss_mb", "latency_ms", "disk_mb")}), flush=True)
        if not (a.keep or a.reuse):
            shutil.rmtree(a.work / f"size-{n}", ignore_errors=True)


if __name__ == "__main__":
    main()
