"""Write an engine index for an assembled corpus, in the engine's own layout.

The engine's `write_index` embeds every paragraph and sentence; at 100k and
1M passages that would take days here. This writer takes vectors instead:
sentence vectors are looked up in the pool (each real sentence embedded
once), and paragraph vectors are either embedded for real (measured, up to
`--embed-max` passages) or derived as the normalised mean of the passage's
sentence vectors. Everything else (FAISS via qa.index.ann.make_faiss, BM25 over
qa.text.lexical.tokenize tokens, entity postings, the passage table) is what the
engine builds, and `qa.index.loaded.load_index` reads the result.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from benchmarks.corpus import Assembled, SentencePool
from qa.index.ann import choose_kind, make_faiss
from qa.index.loaded import passage_input
from qa.index.store import EMBED_RECIPE
from qa.index.store import FORMAT_VERSION, Manifest, swap_current, write_manifest
from qa.index.bm25 import BM25
from qa.text.lexical import tokenize
from qa.index.table import write_passage_table

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


def write_assembled(index_dir: Path, pool: SentencePool, pool_vecs: dict, asm: Assembled, kind: str = "auto", embed: dict | None = None, log=print) -> dict:
    """Build the index; returns timings (seconds per stage) and what was measured."""
    import bm25s
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    version = index_dir / f"v-{time.time_ns()}"
    version.mkdir()
    n, ns = len(asm.passages), len(asm.sent_rows)
    t, info = {}, {"para_vectors": {}}
    for eid, pv in pool_vecs.items():
        safe = eid.replace("/", "_").replace(":", "_")
        t0 = time.perf_counter()
        para = _stored(version, f"{safe}.para.npy", n, pv.shape[1], kind)
        if embed and eid in embed:
            info["para_vectors"][eid] = {"measured": embed_para(para, embed[eid], asm)}
        else:
            derived_para(para, pv, asm)
            info["para_vectors"][eid] = "derived: normalised mean of sentence vectors"
        sent = _stored(version, f"{safe}.sent.npy", ns, pv.shape[1], kind)
        for a in range(0, ns, CHUNK):
            sent[a : a + CHUNK] = pv[asm.sent_rows[a : a + CHUNK]]
        para.flush(), sent.flush()
        t[f"vectors_{eid}"] = time.perf_counter() - t0
        for level, vecs in (("para", para), ("sent", sent)):
            t0 = time.perf_counter()
            faiss.write_index(make_faiss(vecs, kind), str(version / f"{safe}.{level}.faiss"))
            t[f"faiss_{eid}_{level}"] = time.perf_counter() - t0
            log(f"  faiss {eid}.{level}: {len(vecs)} vectors, {t[f'faiss_{eid}_{level}']:.1f}s")
        del para, sent
    t0 = time.perf_counter()
    docs, vocab = bm25_ids(pool, asm)
    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index((docs, vocab), show_progress=False)
    info["tokens"] = int(sum(map(len, docs)))
    del docs
    BM25(model).save(version / "bm25")
    t["bm25"] = time.perf_counter() - t0
    log(f"  bm25: {t['bm25']:.1f}s")
    t0 = time.perf_counter()
    np.savez(version / "entities.npz", **entity_postings(pool, asm))
    t["entities"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_passage_table(version, asm.passages)
    np.save(version / "sent_owner.npy", asm.sent_owner)
    t["table"] = time.perf_counter() - t0
    m = Manifest(FORMAT_VERSION, tuple(pool_vecs), {}, n, ns, time.time(), {}, {}, EMBED_RECIPE)
    write_manifest(version, m)
    swap_current(index_dir, version)
    info["seconds"] = t
    info["para_chars"] = sum(len(passage_input(p)) for p in asm.passages)
    lens = np.array([len(x) for x in pool.embed_texts], np.int64)
    info["sent_chars"] = int(lens[asm.sent_rows].sum())
    return info
