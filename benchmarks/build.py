"""Write an engine index for an assembled corpus, in the engine's own layout.

The engine's `write_index` embeds every paragraph and sentence; at 100k and
1M passages that would take days here. This writer takes vectors instead:
sentence vectors are looked up in the pool (each real sentence embedded
once), and paragraph vectors are either embedded for real (measured, up to
`--embed-max` passages) or derived as the normalised mean of the passage's
sentence vectors. BM25 tokens (qa.text.lexical.tokenize, as ids) and entity
postings are computed here, per real sentence once; everything is then
written by the engine's own writer (`Backend.publish`, qa.index.contract), so
FAISS, BM25, the passage table and the manifest have one writer.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np

from benchmarks.corpus import Assembled, SentencePool
from qa.index.ann import choose_kind
from qa.index.cache import LEXICON_KEY, passage_input
from qa.index.store import EMBED_RECIPE, FORMAT_VERSION, Manifest
from qa.text.entities import LEXICON_VERSION
from qa.text.lexical import tokenize

CHUNK = 50_000


def _stored(folder: Path, name: str, n: int, d: int, kind: str):
    dtype = np.float32 if choose_kind(n, kind) == "flat" else np.float16
    return np.lib.format.open_memmap(folder / name, mode="w+", dtype=dtype, shape=(n, d))


def derived_para(out: np.ndarray, pool_vecs: np.ndarray, asm: Assembled) -> None:
    """Passage vector = normalised mean of its sentence vectors, chunk by chunk."""
    counts = np.bincount(asm.sent_owner, minlength=len(asm.passages))
    starts = np.concatenate([[0], np.cumsum(counts)])
    for a in range(0, len(asm.passages), CHUNK):
        b = min(a + CHUNK, len(asm.passages))
        rows = asm.sent_rows[starts[a] : starts[b]]
        sums = np.add.reduceat(pool_vecs[rows].astype(np.float32), starts[a:b] - starts[a], axis=0)
        out[a:b] = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)


def embed_para(out: np.ndarray, enc, asm: Assembled) -> dict:
    texts = [passage_input(p) for p in asm.passages]
    enc.encode_passages(texts[:2])  # model load is not throughput
    t = time.perf_counter()
    for a in range(0, len(texts), 256):
        out[a : a + 256] = enc.encode_passages(texts[a : a + 256])
    return {"texts": len(texts), "chars": sum(map(len, texts)), "seconds": time.perf_counter() - t}


def bm25_ids(pool: SentencePool, asm: Assembled) -> tuple[list[list[int]], dict]:
    """Each passage's tokens = its context's + its sentences' (each tokenised once)."""
    vocab: dict[str, int] = {}

    def ids(text: str) -> list[int]:
        return [vocab.setdefault(t, len(vocab)) for t in tokenize(text)]

    sent_ids = [ids(s) for s in pool.sent_texts]
    ctx_ids = [ids(p.context) for p in pool.passages]
    counts = np.bincount(asm.sent_owner, minlength=len(asm.passages))
    starts = np.concatenate([[0], np.cumsum(counts)])
    docs = []
    for i in range(len(asm.passages)):
        doc = list(ctx_ids[asm.anchor[i]])
        for r in asm.sent_rows[starts[i] : starts[i + 1]]:
            doc.extend(sent_ids[r])
        docs.append(doc or [vocab.setdefault("", len(vocab))])
    return docs, vocab


def entity_postings(pool: SentencePool, asm: Assembled) -> dict[str, np.ndarray]:
    from qa.text.entities import find_entities

    sent_keys = [sorted({e.key for e in find_entities(s)}) for s in pool.sent_texts]
    subj_keys = [sorted({e.key for e in find_entities(" ".join(p.subject))}) for p in pool.passages]
    rows: dict[str, list[np.ndarray]] = {}
    by_key: dict[str, list[int]] = {}
    for r, keys in enumerate(sent_keys):
        for k in keys:
            by_key.setdefault(k, []).append(r)
    for k, prs in by_key.items():
        rows.setdefault(k, []).append(asm.sent_owner[np.isin(asm.sent_rows, prs)])
    by_key = {}
    for a, keys in enumerate(subj_keys):
        for k in keys:
            by_key.setdefault(k, []).append(a)
    for k, anchors in by_key.items():
        rows.setdefault(k, []).append(np.flatnonzero(np.isin(asm.anchor, anchors)))
    return {k: np.unique(np.concatenate(v)).astype(np.int64) for k, v in rows.items()}


def write_assembled(index_dir: Path, pool: SentencePool, pool_vecs: dict, asm: Assembled, kind: str = "auto", embed: dict | None = None,
                    log=print, backend=None) -> dict:
    """Build the index through the engine's writer (a qa.index.contract.Version
    handed to a Backend: the FAISS folder unless `backend` says otherwise);
    returns timings (seconds per stage) and what was measured. Vectors are
    staged in memory-mapped files beside the index (removed afterwards), so a
    million passages need no more memory than the FAISS build itself."""
    from qa.index.contract import Version
    from qa.index.loaded import FaissBackend

    index_dir.mkdir(parents=True, exist_ok=True)
    staging = index_dir / ".bench-vectors"
    staging.mkdir(exist_ok=True)
    n, ns = len(asm.passages), len(asm.sent_rows)
    t, info = {}, {"para_vectors": {}}
    para, sent = {}, {}
    for eid, pv in pool_vecs.items():
        safe = eid.replace("/", "_").replace(":", "_")
        t0 = time.perf_counter()
        para[eid] = _stored(staging, f"{safe}.para.npy", n, pv.shape[1], kind)
        if embed and eid in embed:
            info["para_vectors"][eid] = {"measured": embed_para(para[eid], embed[eid], asm)}
        else:
            derived_para(para[eid], pv, asm)
            info["para_vectors"][eid] = "derived: normalised mean of sentence vectors"
        sent[eid] = _stored(staging, f"{safe}.sent.npy", ns, pv.shape[1], kind)
        for a in range(0, ns, CHUNK):
            sent[eid][a : a + CHUNK] = pv[asm.sent_rows[a : a + CHUNK]]
        para[eid].flush(), sent[eid].flush()
        t[f"vectors_{eid}"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs, vocab = bm25_ids(pool, asm)
    info["tokens"] = int(sum(map(len, docs)))
    postings = {**entity_postings(pool, asm), LEXICON_KEY: np.array([LEXICON_VERSION])}  # stamped: no recompute on load
    t["tokens_entities"] = time.perf_counter() - t0
    m = Manifest(FORMAT_VERSION, tuple(pool_vecs), {}, n, ns, time.time(), {}, {}, EMBED_RECIPE)
    t0 = time.perf_counter()
    (backend or FaissBackend(index_dir)).publish(Version(tuple(asm.passages), asm.sent_owner, para, sent, (docs, vocab), postings, m), kind)
    t["publish"] = time.perf_counter() - t0
    log(f"  published {n} passages, {ns} sentences: {t['publish']:.1f}s")
    del para, sent
    shutil.rmtree(staging, ignore_errors=True)
    info["seconds"] = t
    info["para_chars"] = sum(len(passage_input(p)) for p in asm.passages)
    lens = np.array([len(x) for x in pool.embed_texts], np.int64)
    info["sent_chars"] = int(lens[asm.sent_rows].sum())
    return info
