"""results.json -> report.md (one table) and plot.svg (latency and memory vs size).

Measured vs derived: the smallest size is built by the engine itself from
real paragraphs (all measured). Up to `--embed-max` passages, paragraphs are
assembled from real sentences and embedded for real (throughput measured).
Beyond, paragraph vectors are the normalised mean of real sentence vectors
and full-indexing throughput adds an embedding time estimated from the
measured rates; all other figures (build time, disk, memory, latency,
recall) are measured on the index actually built.
"""

from __future__ import annotations

import math
from pathlib import Path


KIND_NAMES = {"IndexFlatIP": "flat", "IndexIVFScalarQuantizer": "ivf-sq4", "IndexIVFPQ": "ivfpq", "IndexHNSWFlat": "hnsw"}


def _f(x, fmt="{:.0f}"):
    return "–" if x is None else fmt.format(x)


def _anon_after_warm(r: dict):
    """Anonymous memory of the index after the warm questions (models' own
    memory, what the first answer added, left out): the part that is not
    page cache of memory-mapped files."""
    m = r.get("rss_mb")
    if not m:
        return None
    models = m.get("models_loaded", m["after_first_answer"])  # runs before engine.warm() had no separate snapshot
    return m["after_warm"]["RssAnon"] - m["imports"]["RssAnon"] - (models["RssAnon"] - m["index_loaded"]["RssAnon"])


def rows(results: dict) -> list[dict]:
    out = []
    for n, r in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        lat = r.get("latency_ms", {})
        rec = [v for v in r.get("recall", {}).values() if not v.get("exact")]
        idx = r.get("indexing", {})
        out.append({
            "n": int(n), "sentences": r["build"].get("sentences"),
            "pps": idx.get("passages_per_s"), "tps": idx.get("tokens_per_s"), "derived": idx.get("derived"),
            "build_pps": idx.get("build_only_passages_per_s"),
            "disk": r.get("disk_mb"), "rss": r.get("index_rss_mb"), "rss_warm": r.get("index_rss_after_warm_mb"), "anon": _anon_after_warm(r),
            "r50": lat.get("retrieve", {}).get("p50"), "r95": lat.get("retrieve", {}).get("p95"), "r99": lat.get("retrieve", {}).get("p99"),
            "a50": lat.get("retrieve_answer", {}).get("p50"), "a95": lat.get("retrieve_answer", {}).get("p95"), "a99": lat.get("retrieve_answer", {}).get("p99"),
            "cold": r.get("cold_start_s"),
            "enc50": lat.get("query_encoding", {}).get("p50"),
            "w50": (r.get("index_work_ms") or {}).get("p50"), "w95": (r.get("index_work_ms") or {}).get("p95"),
            "load": (r.get("load_average") or [None])[0],
            "recall": min((v["recall_at_10"] for v in rec), default=None),
            "kinds": ", ".join(sorted({f"{KIND_NAMES.get(v['kind'], v['kind'])} {k.split('.')[-1]}" for k, v in r.get("recall", {}).items()})),
        })
    return out


def table(results: dict) -> str:
    head = ("| passages | sentences | indexing passages/s | tokens/s | on disk MB | index RSS MB (loaded / after warm / of it anonymous) | "
            "retrieve p50/p95/p99 ms | retrieve+answer p50/p95/p99 ms | of which query encoding p50 ms | index work p50/p95 ms | cold start s | "
            "min recall@10 approx vs exact | index kinds | load avg |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows(results):
        star = "*" if r["derived"] else ""
        lines.append(
            f"| {r['n']:,} | {_f(r['sentences'], '{:,}')} | {_f(r['pps'], '{:.1f}')}{star} | {_f(r['tps'], '{:.0f}')}{star} | {_f(r['disk'])} | "
            f"{_f(r['rss'])} / {_f(r['rss_warm'])} / {_f(r['anon'])} | {_f(r['r50'])}/{_f(r['r95'])}/{_f(r['r99'])} | {_f(r['a50'])}/{_f(r['a95'])}/{_f(r['a99'])} | "
            f"{_f(r['enc50'])} | {_f(r['w50'], '{:.1f}')}/{_f(r['w95'], '{:.1f}')} | {_f(r['cold'], '{:.1f}')} | {_f(r['recall'], '{:.3f}')} | {r['kinds']} | {_f(r['load'], '{:.1f}')} |"
        )
    return "\n".join(lines)


def svg(results: dict) -> str:
    """Two panels, log-scaled size axis: latency (ms) and index memory (MB)."""
    rs = [r for r in rows(results) if r["a95"] is not None]
    W, H, P = 420, 300, 50
    panels = [("warm latency, ms", [("retrieve p50", "r50", "#1f77b4"), ("retrieve+answer p50", "a50", "#2ca02c"), ("retrieve+answer p95", "a95", "#d62728")]),
              ("index memory, MB", [("RSS loaded", "rss", "#9467bd"), ("RSS after warm", "rss_warm", "#8c564b"), ("on disk", "disk", "#7f7f7f")])]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H}" font-family="sans-serif" font-size="11">',
             f'<rect width="{2 * W}" height="{H}" fill="white"/>']
    if not rs:
        return "\n".join(parts + ["</svg>"])
    xs = [math.log10(r["n"]) for r in rs]
    x0, x1 = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    for pi, (title, series) in enumerate(panels):
        ox = pi * W
        vals = [max(1e-3, r[k]) for _, k, _ in series for r in rs if r[k] is not None]
        y0, y1 = math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)) + 1e-9)
        y1 = y1 if y1 > y0 else y0 + 1
        X = lambda v: ox + P + (math.log10(v) - x0) / (x1 - x0) * (W - 2 * P)
        Y = lambda v: H - P - (math.log10(max(1e-3, v)) - y0) / (y1 - y0) * (H - 2 * P)
        parts.append(f'<text x="{ox + W / 2}" y="18" text-anchor="middle" font-size="13">{title} (log scales)</text>')
        parts.append(f'<line x1="{ox + P}" y1="{H - P}" x2="{ox + W - P}" y2="{H - P}" stroke="black"/><line x1="{ox + P}" y1="{P}" x2="{ox + P}" y2="{H - P}" stroke="black"/>')
        for e in range(y0, y1 + 1):
            parts.append(f'<text x="{ox + P - 4}" y="{Y(10 ** e) + 4}" text-anchor="end">{10 ** e:g}</text>')
        for r in rs:
            parts.append(f'<text x="{X(r["n"])}" y="{H - P + 14}" text-anchor="middle">{r["n"]:,}</text>')
        parts.append(f'<text x="{ox + W / 2}" y="{H - 12}" text-anchor="middle">passages</text>')
        for si, (label, key, color) in enumerate(series):
            pts = [(X(r["n"]), Y(r[key])) for r in rs if r[key] is not None]
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}"/>')
            parts += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{color}"/>' for a, b in pts]
            parts.append(f'<text x="{ox + P + 8}" y="{P + 12 + 13 * si}" fill="{color}">{label}</text>')
    return "\n".join(parts + ["</svg>"])


def write_report(results: dict, out: Path) -> None:
    pool = results.get("pool", {})
    emb = pool.get("embedding", {})
    rates = ", ".join(f"{e}: {v['texts'] / v['seconds']:.1f} sentences/s" for e, v in emb.items())
    text = [
        "# Benchmark: from five articles to a million passages",
        "",
        "Produced by `python -m benchmarks.run` (see `benchmarks/run.py --help`). Machine: 2 shared CPU cores, 24 GB.",
        "",
        table(results),
        "",
        "`*` = derived: embedding time estimated from measured rates (paragraphs at the largest measured size, "
        f"sentences of the real pool: {rates}); the rest of the build is measured. "
        "Index RSS = resident memory after loading the index minus the process before it (models excluded); "
        "'after warm' adds the memory-mapped vector and table pages mapped while answering the warm questions; these are page cache "
        "(shared, dropped under memory pressure, and mapped a whole large folio at a time, so far more than the rows read), "
        "while 'anonymous' is the process's own memory after the warm questions, models left out: the index (FAISS codes, BM25, postings) "
        "plus ~70-110 MB that answering adds at any size (parsed passages cache, allocator pools). "
        "Latency: one question at a time, warm, over real questions (dev set and CMRC 2018). "
        "Index work = retrieval with the query vectors given (BM25, FAISS, exact re-scoring, features): what grows with the corpus. "
        "Cold start = new process to first answer, models included. Query encoding (e5 + USE) does not depend on the corpus; "
        "'load avg' is the machine's 1-minute load average when latency was measured (2 cores shared with other work: "
        "latencies above ~2 mean queueing for a core, not work).",
        "",
        __doc__.split("\n\n", 1)[1].strip(),
        "",
        "![latency and memory](plot.svg)",
    ]
    if results.get("notes"):
        text += ["", "## Notes on this run", ""] + [f"- {n}" for n in results["notes"]]
    part = results.get("partial_1000000")
    if part:
        e = part["e5.para"]
        text += ["", "## 1,000,000 passages: incomplete", "", part["note"] + ".", "",
                 f"e5 paragraph index: {e['vectors']:,} vectors, IVF-SQ4 with {e['nlist']} lists, {e['faiss_file_mb']:.0f} MB (in RAM when loaded).", "",
                 "| nprobe | recall@10 vs exact | search ms (k=100, exact re-scoring included) |", "|---|---|---|"]
        text += [f"| {w['nprobe']} | {w['recall_at_10']:.3f} | {w['search_ms_k100']:.1f} |" for w in e["sweep"]]
        if e.get("refine"):
            text += ["", "Re-scoring more candidates exactly (the sweep above re-scored 100):", "",
                     "| nprobe | candidates re-scored | recall@10 vs exact | search ms |", "|---|---|---|---|"]
            text += [f"| {w['nprobe']} | {w['min_candidates']} | {w['recall_at_10']:.3f} | {w['search_ms_k100']:.1f} |" for w in e["refine"]]
    sweeps = [(n, name, v) for n, r in results["sizes"].items() for name, v in r.get("recall", {}).items() if v.get("sweep")]
    if sweeps:
        text += ["", "## Approximate search: lists searched vs recall and time", "",
                 "| passages | index | nlist | nprobe | recall@10 vs exact | search ms (retriever's k) | flat search ms |", "|---|---|---|---|---|---|---|"]
        for n, name, v in sweeps:
            pts = sorted([{"nprobe": v["nprobe"], "recall_at_10": v["recall_at_10"], "search_ms": v["search_ms"]}] + v["sweep"], key=lambda w: w["nprobe"])
            text += [f"| {int(n):,} | {name} | {v['nlist']} | {w['nprobe']}{' (default)' if w['nprobe'] == v['nprobe'] else ''} | {w['recall_at_10']:.3f} | "
                     f"{w['search_ms']:.1f} | {_f(v.get('flat_search_ms'), '{:.1f}')} |" for w in pts]
    lt = out / "loadtest.json"
    if lt.exists():
        import json

        r = json.loads(lt.read_text())
        text += [
            "",
            "## Many users at once (`python -m benchmarks.loadtest`)",
            "",
            "| clients | seconds | requests | throughput q/s | p50 ms | p95 ms | errors | wrong replies |",
            "|---|---|---|---|---|---|---|---|",
            f"| {r['clients']} | {r['elapsed_s']:.0f} | {r['requests']} | {r['throughput_qps']:.1f} | {r['latency_ms']['p50']:.0f} | "
            f"{r['latency_ms']['p95']:.0f} | {r['errors']} | {r['wrong']} |",
            "",
            f"The chat server (`app.py`, five articles) answered {r['questions']} questions of the dev set through its `/ask` API; "
            "a reply counts as correct when it equals the reply the server gave to that question alone (same answer, same "
            f"citations). Latency includes queueing behind the other clients. Gold answer accuracy of those replies: {r['gold_accuracy_single']:.2f}.",
        ]
    (out / "report.md").write_text("\n".join(text) + "\n", encoding="utf-8")
    (out / "plot.svg").write_text(svg(results), encoding="utf-8")


def merge(paths: list[Path]) -> dict:
    """Several runs' results.json (sizes run in parallel write apart) -> one.
    Later files win for a size; notes are kept from every file, once."""
    import json

    out: dict = {"sizes": {}}
    for p in paths:
        r = json.loads(Path(p).read_text())
        out["sizes"].update(r.get("sizes", {}))
        out["pool"] = r.get("pool", out.get("pool"))
        out["notes"] = list(dict.fromkeys(out.get("notes", []) + r.get("notes", [])))
    return out


def main() -> None:
    import argparse
    import json

    ap = argparse.ArgumentParser(description="Merge results.json files of several runs and write report.md and plot.svg.")
    ap.add_argument("results", nargs="+", type=Path, help="results.json files, later ones win for a size")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    ap.add_argument("--note", action="append", default=[], help="a line for 'Notes on this run'")
    a = ap.parse_args()
    res = merge(a.results)
    res["notes"] = list(dict.fromkeys(res.get("notes", []) + a.note))
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False))
    write_report(res, a.out)


if __name__ == "__main__":
    main()
