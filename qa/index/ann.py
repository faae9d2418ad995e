"""Which FAISS index for how many vectors: exact while small, approximate past a threshold.

- `flat`: exact inner product (IndexFlatIP). Search cost grows with n·d:
  on this shared 2-core machine one single-query search over 20,000 vectors
  of 384 dimensions takes ~1.5 ms, over 200,000 ~30 ms, and a question runs
  four searches (paragraphs and sentences, two encoders). Memory n·d·4 bytes.
- `ivf` (the approximate default): an inverted file (nlist ≈ √n lists,
  `n_probe(nlist)` of them searched) over 4-bit scalar-quantised vectors (d/2
  bytes each, 8x smaller than float32). Its candidates are re-scored
  exactly (`Refined`) from the memory-mapped float16 copy, so the scores the
  retriever sees are exact and only the candidate set is approximate.
  Training is a k-means over a sample: seconds, where product-quantiser
  codebooks took minutes per index on two cores.
- `ivfpq`: the same with product-quantised codes (d/4 bytes): half the
  memory of `ivf`, slower to build.
- `hnsw`: a graph over float32 vectors; as large as flat plus the graph and
  slow to build on two cores (kept for those who want it).

`auto` picks flat up to EXACT_MAX_VECTORS vectors and ivf above; the
threshold and the recall against exact search are measured in benchmarks/.
"""

from __future__ import annotations

import numpy as np

EXACT_MAX_VECTORS = 20_000
KINDS = ("auto", "flat", "ivf", "ivfpq", "hnsw")
REFINE_MIN = 400  # re-score at least this many candidates exactly (2·k when larger): at 1M, 100 gave recall@10 0.93, 400 gave 0.965
# Lists searched per query: a quarter of them, at least NPROBE_MIN and at most
# NPROBE_MAX. Measured recall@10 against exact (benchmarks/results): with 128
# lists, 16 probed gave 0.94 and 32 gave 0.97; with 512 lists, 64 gave 0.94
# and 128 gave 0.95-0.98; with 1,024 and 2,048 lists (1M passages, 2.4M
# sentences), 128 gave 0.966-0.98 and probing more bought at most 0.02 for
# 2-4x the time, so the count stops growing there: search time then grows
# with the lists' length only.
NPROBE_SHARE = 1 / 4
NPROBE_MIN = 32
NPROBE_MAX = 128
CHUNK = 65_536  # vectors converted to float32 and added at a time


def choose_kind(n: int, kind: str = "auto") -> str:
    if kind not in KINDS:
        from qa.errors import InputError

        raise InputError(f"unknown index kind {kind!r}; use one of {', '.join(KINDS)}")
    if kind != "auto":
        return kind
    return "flat" if n <= EXACT_MAX_VECTORS else "ivf"


def n_lists(n: int) -> int:
    """≈ √n lists (a power of two), ~39 training points per list, at most 2048
    (the k-means and the assignment of every vector grow with nlist)."""
    nlist = int(2 ** round(np.log2(max(1.0, np.sqrt(n)))))
    return max(1, min(nlist, 2048, n // 39 or 1))


def n_probe(nlist: int) -> int:
    return min(nlist, max(NPROBE_MIN, min(NPROBE_MAX, int(nlist * NPROBE_SHARE))))


def make_faiss(vectors: np.ndarray, kind: str = "auto"):
    """A FAISS inner-product index over L2-normalised vectors (array or memmap)."""
    import faiss

    n, d = vectors.shape
    kind = choose_kind(n, kind)
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    else:
        nlist = n_lists(n)
        if kind == "ivf":
            index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(d), d, nlist, faiss.ScalarQuantizer.QT_4bit, faiss.METRIC_INNER_PRODUCT)
        else:
            m = next(m for m in (d // 4, d // 8, d // 2, d, 1) if m and d % m == 0)
            bits = 8 if n >= 256 * 39 else max(4, min(8, int(np.log2(max(16, n // 39)))))
            index = faiss.IndexIVFPQ(faiss.IndexFlatIP(d), d, nlist, m, bits, faiss.METRIC_INNER_PRODUCT)
            index.pq.cp.min_points_per_centroid, index.pq.cp.max_points_per_centroid, index.pq.cp.niter = 1, 64, 10
        index.cp.min_points_per_centroid, index.cp.niter = 1, 10  # small corpora: no warnings
        # Evenly spaced rows: deterministic, and spread over the whole corpus.
        sample = np.linspace(0, n - 1, num=min(n, max(256 * 39, 20 * nlist)), dtype=np.int64)
        index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        index.nprobe = n_probe(nlist)
    for i in range(0, n, CHUNK):
        index.add(np.ascontiguousarray(vectors[i : i + CHUNK], dtype=np.float32))
    return index


def is_exact(index) -> bool:
    import faiss

    return isinstance(index, faiss.IndexFlat)


def vector_dtype(index):
    """The dtype of the stored copy that re-scores candidates: float16 beside
    an approximate index (half the disk and page cache, cosine error ~1e-3)."""
    return np.float32 if is_exact(index) else np.float16


# The first four bytes FAISS writes for each kind we build.
FOURCC = {b"IxFI": "flat", b"IwSq": "ivf", b"IwPQ": "ivfpq", b"IHNf": "hnsw"}


def kind_on_disk(path) -> str:
    with open(path, "rb") as f:
        return FOURCC.get(f.read(4), "other")


def change_kind(index_dir, kind: str) -> list[str]:
    """Rebuild only the FAISS indexes of the current index version as `kind`,
    from the vectors stored beside them (nothing is re-embedded). Writes a new
    version folder whose other files are hard links to the current ones
    (version folders are never modified), then swaps `current` as a build
    does, so readers never see a half-written index. Returns the names of
    the indexes rebuilt ([] when all already are of that kind)."""
    import os
    import time
    from pathlib import Path

    import faiss

    from qa.index.store import publish, writer_lock

    index_dir = Path(index_dir)
    with writer_lock(index_dir):
        cur = (index_dir / "current").resolve()
        todo = []
        for f in sorted(cur.glob("*.faiss")):
            n = np.load(f.with_suffix(".npy"), mmap_mode="r").shape[0]
            if kind_on_disk(f) != choose_kind(n, kind):
                todo.append(f.name[: -len(".faiss")])
        if not todo:
            return []
        version = index_dir / f"v-{time.time_ns()}"
        tmp = index_dir / f".building-{version.name}"
        skip = {f"{name}{ext}" for name in todo for ext in (".faiss", ".npy")}
        for src in cur.rglob("*"):
            dst = tmp / src.relative_to(cur)
            if src.is_dir():
                dst.mkdir(parents=True, exist_ok=True)
            elif src.name not in skip or src.parent != cur:
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.link(src, dst)
        for name in todo:
            vecs = np.load(cur / f"{name}.npy", mmap_mode="r")
            index = make_faiss(vecs, kind)
            out = np.lib.format.open_memmap(tmp / f"{name}.npy", mode="w+", dtype=vector_dtype(index), shape=vecs.shape)
            for i in range(0, len(vecs), CHUNK):  # chunked: a million rows need not fit twice in memory
                out[i : i + CHUNK] = vecs[i : i + CHUNK]
            out.flush()
            del out
            faiss.write_index(index, str(tmp / f"{name}.faiss"))
        publish(index_dir, tmp, version)
    return todo


def advise_random(vectors) -> None:
    """Tell the kernel that rows of this memory-mapped array are read scattered
    (a question's candidates), so a fault on a file not yet in the page cache
    reads what the row needs, not the disk's read-ahead window (8 MB on this
    machine's disk, against a 1 KB row)."""
    import mmap

    mm = getattr(vectors, "_mmap", None)
    if mm is not None and hasattr(mm, "madvise"):
        mm.madvise(mmap.MADV_RANDOM)


class Refined:
    """An approximate index whose top candidates are re-scored exactly.

    Same `search(x, k) -> (scores, ids)` as a FAISS index, so retrievers do
    not care which kind they were given.
    """

    def __init__(self, index, vectors: np.ndarray, min_candidates: int = REFINE_MIN):
        self.index, self.vectors, self.min_candidates = index, vectors, min_candidates
        advise_random(vectors)  # the same mapping serves the retriever's exact features
        if hasattr(index, "nlist"):  # set at load, so tuning it needs no rebuild
            index.nprobe = n_probe(index.nlist)

    @property
    def ntotal(self) -> int:
        return self.index.ntotal

    def search(self, x: np.ndarray, k: int):
        x = np.ascontiguousarray(x, dtype=np.float32)
        _, cand = self.index.search(x, min(self.ntotal, max(2 * k, self.min_candidates)))
        scores = np.full((len(x), k), -np.inf, np.float32)
        ids = np.full((len(x), k), -1, np.int64)
        for i, row in enumerate(cand):
            row = np.sort(row[row >= 0])  # ascending rows: sequential reads of the memmap
            sims = np.asarray(self.vectors[row], dtype=np.float32) @ x[i]
            top = np.argsort(-sims, kind="stable")[:k]
            scores[i, : len(top)], ids[i, : len(top)] = sims[top], row[top]
        return scores, ids
