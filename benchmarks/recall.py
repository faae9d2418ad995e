"""Recall@10 of each approximate FAISS index against exact search, and the
single-question search time of both (which justifies the size threshold).

Exact search is brute force over the stored vectors, read in chunks, so it
also works where a flat index would not fit in memory. A returned passage
counts as correct when its exact score reaches the 10th best exact score
(assembled corpora can hold equal vectors; any of them is a right answer).
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.index.ann import Refined, is_exact

K = 10
CHUNK = 200_000


@lru_cache(maxsize=4)
def _queries(enc_id: str, qfile: Path, n: int) -> np.ndarray:
    from qa.models.encoders import get_encoder

    qs = [q for q in qfile.read_text(encoding="utf-8").splitlines() if q.strip()][:n]
    return get_encoder(enc_id).encode_queries(qs)


def exact_topk(vecs: np.ndarray, q: np.ndarray, k: int = K) -> np.ndarray:
    """(nq, k) exact top-k scores, descending."""
    best = np.full((len(q), 0), -np.inf, np.float32)
    for a in range(0, len(vecs), CHUNK):
        s = np.asarray(vecs[a : a + CHUNK], dtype=np.float32) @ q.T  # (chunk, nq)
        part = -np.partition(-s, min(k, len(s) - 1), axis=0)[:k].T if len(s) > k else s.T
        best = -np.sort(-np.concatenate([best, part], axis=1), axis=1)[:, :k]
    return best


def _timed(index, q: np.ndarray, k: int) -> float:
    times = []
    for row in q[:30]:
        t = time.perf_counter()
        index.search(row[None, :], k)
        times.append(time.perf_counter() - t)
    return float(np.median(times) * 1000)


def recall_report(index_dir: Path, qfile: Path, n_queries: int = 100) -> dict:
    import faiss

    faiss.omp_set_num_threads(1)
    folder = (index_dir / "current").resolve()
    out = {}
    for path in sorted(folder.glob("*.faiss")):
        name = path.name[: -len(".faiss")]
        enc_id, level = name.rsplit(".", 1)
        index = faiss.read_index(str(path))
        vecs = np.load(folder / f"{name}.npy", mmap_mode="r")
        q = _queries(enc_id, qfile, n_queries)
        k_retr = 100 if level == "para" else 200  # what the retriever asks for
        row = {"vectors": int(index.ntotal), "kind": type(index).__name__}
        if is_exact(index):
            row.update(recall_at_10=1.0, exact=True, search_ms=_timed(index, q, k_retr))
            out[name] = row
            continue
        approx = Refined(index, vecs)  # sets the default nprobe
        truth = exact_topk(vecs, q)

        def recall() -> float:
            _, ids = approx.search(q, K)
            hits = [(np.asarray(vecs[i[i >= 0]], np.float32) @ qv >= t[-1] - 1e-4).sum() for i, qv, t in zip(ids, q, truth)]
            return float(np.mean(hits) / K)

        row.update(recall_at_10=recall(), exact=False, search_ms=_timed(approx, q, k_retr))
        if hasattr(index, "nlist"):  # the trade-off: more lists searched, more recall, more time
            default = index.nprobe
            row["nprobe"], row["nlist"], row["sweep"] = int(default), int(index.nlist), []
            for npb in sorted({max(1, default // 2), default * 2, default * 4} - {default}):
                index.nprobe = min(npb, index.nlist)
                row["sweep"].append({"nprobe": int(index.nprobe), "recall_at_10": recall(), "search_ms": _timed(approx, q, k_retr)})
            index.nprobe = default
        if len(vecs) * vecs.shape[1] * 4 <= 1.5 * 2**30:  # a flat index for comparison, where it fits
            flat = faiss.IndexFlatIP(vecs.shape[1])
            for a in range(0, len(vecs), CHUNK):
                flat.add(np.ascontiguousarray(vecs[a : a + CHUNK], dtype=np.float32))
            row["flat_search_ms"] = _timed(flat, q, k_retr)
            del flat
        out[name] = row
    return out
