"""The in-process store (the default): FAISS + passage table + BM25 in a version folder.

`FaissBackend.publish` writes a Version (qa.index.cache) into a new folder
that qa.index.store switches to atomically; `load_index` reads one version
whole into a `LoadedIndex`, which implements qa.index.contract.Store.
`write_index` is the one writer for both stores: it embeds what the cache
lacks, hands the version to a backend, and says which articles it embedded.
The folder layout, the manifest and the writer lock live in qa.index.store.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from qa.errors import IndexMissingError
from qa.index.ann import Refined, is_exact, make_faiss, vector_dtype
from qa.index.bm25 import BM25
from qa.index.cache import current_postings, prepare_version, prune_cache
from qa.index.contract import Version, group_articles
from qa.index.store import Manifest, publish, read_manifest, refresh_fingerprints, write_manifest
from qa.index.table import PassageTable, SentenceTexts, write_passage_table
from qa.ingest.corpus import Article, Passage
from qa.models.encoders import Encoder


@dataclass
class LoadedIndex:
    """Everything a retriever needs, in memory (the FAISS Store)."""

    folder: Path
    manifest: Manifest
    passages: PassageTable  # a sequence of Passage, read lazily from disk
    sent_owner: np.ndarray  # sentence row -> passage row
    sent_text: SentenceTexts  # sentence row -> text, without a list of millions of strings
    para_vecs: dict[str, np.ndarray]
    sent_vecs: dict[str, np.ndarray]
    para_faiss: dict
    sent_faiss: dict
    bm25: BM25
    entity_postings: dict[str, np.ndarray]  # entity key -> passage rows about it
    _scores: object = field(default=None, repr=False)

    def __post_init__(self):
        # One question asks bm25_top and bm25_scores with the same tokens: score
        # the corpus once (a few questions in flight at a time: 8 is plenty).
        self._scores = lru_cache(maxsize=8)(lambda toks: self.bm25.scores(list(toks)))

    @cached_property
    def articles(self) -> dict[str, list[Passage]]:
        """doc -> its passages; built once (one pass over the table), not per call."""
        return group_articles(self.passages)

    def dense_top(self, level: str, enc_id: str, qv: np.ndarray, k: int) -> np.ndarray:
        index = (self.para_faiss if level == "para" else self.sent_faiss)[enc_id]
        _, ids = index.search(qv[None, :], k)
        ids = ids[0][ids[0] >= 0]
        return ids if level == "para" else self.sent_owner[ids]

    def vectors(self, level: str, enc_id: str, rows: np.ndarray) -> np.ndarray:
        return np.asarray((self.para_vecs if level == "para" else self.sent_vecs)[enc_id][rows])

    def bm25_top(self, tokens: list[str], k: int) -> np.ndarray:
        scores = self._scores(tuple(tokens))
        return np.arange(len(scores)) if k >= len(scores) else np.argpartition(-scores, k)[:k]

    def bm25_scores(self, tokens: list[str], rows: np.ndarray) -> np.ndarray:
        return self._scores(tuple(tokens))[rows]


# ---------- writing ----------

@dataclass(frozen=True)
class WriteReport:
    manifest: Manifest
    embedded: tuple[str, ...]  # docs whose vectors were computed this time (not read from the cache)


def write_index(index_dir: Path, articles: list[Article], files: dict, encoders: list[Encoder], duplicates: dict,
                rejected: dict, progress=None, index_kind: str = "auto", backend=None) -> WriteReport:
    """Embed (reusing the cache under index_dir), publish a new version
    through `backend` (default: the FAISS folder in index_dir), prune the cache."""
    backend = backend or FaissBackend(index_dir)
    cache = index_dir / "cache"
    version, embedded = prepare_version(cache, articles, files, encoders, duplicates, rejected, progress)
    backend.publish(version, index_kind)
    if encoders:
        prune_cache(cache, articles, encoders[0])
    return WriteReport(version.manifest, embedded)


COPY_CHUNK = 50_000  # vectors per copy: ~100 MB at 512 float32 dimensions


class FaissBackend:
    """Versions as folders under index_dir, behind the atomic `current` link."""

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir

    def read_manifest(self) -> Manifest:
        return read_manifest(self.index_dir)

    def load(self) -> "LoadedIndex":
        return load_index(self.index_dir)

    def refresh_fingerprints(self, view: dict[str, Path], hash_file) -> None:
        refresh_fingerprints(self.index_dir, view, hash_file)

    def publish(self, v: Version, index_kind: str = "auto") -> None:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        version = self.index_dir / f"v-{time.time_ns()}"
        tmp = self.index_dir / f".building-{version.name}"
        tmp.mkdir()
        for enc_id in v.manifest.encoders:
            _save_dense(tmp, enc_id, v.para[enc_id], v.sent[enc_id], index_kind)
        BM25.build(v.tokens).save(tmp / "bm25")
        np.savez(tmp / "entities.npz", **v.postings)
        write_passage_table(tmp, list(v.passages))
        np.save(tmp / "sent_owner.npy", v.sent_owner)
        write_manifest(tmp, v.manifest)
        publish(self.index_dir, tmp, version)


def _save_dense(folder: Path, enc_id: str, para: np.ndarray, sent: np.ndarray, index_kind: str = "auto") -> None:
    import faiss

    safe = enc_id.replace("/", "_").replace(":", "_")
    for level, vecs in (("para", para), ("sent", sent)):
        index = make_faiss(vecs, index_kind)
        # The .npy copy serves exact re-scoring (memory-mapped); float16 halves
        # it where an approximate index says the corpus is large. Copied in
        # chunks: the benchmark hands over memory-mapped millions of vectors.
        path = folder / f"{safe}.{level}.npy"
        if len(vecs) == 0:  # nothing to map
            np.save(path, np.asarray(vecs, dtype=vector_dtype(index)))
        else:
            out = np.lib.format.open_memmap(path, mode="w+", dtype=vector_dtype(index), shape=vecs.shape)
            for a in range(0, len(vecs), COPY_CHUNK):
                out[a : a + COPY_CHUNK] = vecs[a : a + COPY_CHUNK]
            out.flush()
            del out
        faiss.write_index(index, str(folder / f"{safe}.{level}.faiss"))


# ---------- reading ----------

def load_index(index_dir: Path, attempts: int = 3) -> LoadedIndex:
    """Resolve `current` once and read everything from that version folder, so
    a concurrent swap can never mix two versions. If a writer removed the
    folder while we read it (two swaps in a row), resolve again."""
    for attempt in range(attempts):
        folder = (index_dir / "current").resolve()
        try:
            return _load_version(index_dir, folder)
        except (FileNotFoundError, IndexMissingError):
            if not (index_dir / "current").is_symlink():
                raise IndexMissingError(f"no index in {index_dir}; run `qa index` to build it") from None
            if attempt == attempts - 1:
                raise IndexMissingError(f"the index in {index_dir} changed while loading; try again, or run `qa index`") from None
            time.sleep(0.2)


def _load_version(index_dir: Path, folder: Path) -> LoadedIndex:
    import faiss

    # One question at a time per thread: OpenMP teams on a shared CPU made
    # single-query search up to 10x slower than one thread (benchmarks/).
    faiss.omp_set_num_threads(1)
    manifest = read_manifest(index_dir, folder)
    passages = PassageTable.open(folder)
    sent_owner = np.load(folder / "sent_owner.npy")
    para_vecs, sent_vecs, para_faiss, sent_faiss = {}, {}, {}, {}
    for enc_id in manifest.encoders:
        safe = enc_id.replace("/", "_").replace(":", "_")
        para_vecs[enc_id] = np.load(folder / f"{safe}.para.npy", mmap_mode="r")
        sent_vecs[enc_id] = np.load(folder / f"{safe}.sent.npy", mmap_mode="r")
        para_faiss[enc_id] = _searchable(faiss.read_index(str(folder / f"{safe}.para.faiss")), para_vecs[enc_id])
        sent_faiss[enc_id] = _searchable(faiss.read_index(str(folder / f"{safe}.sent.faiss")), sent_vecs[enc_id])
    sent_text = SentenceTexts(passages, sent_owner)
    with np.load(folder / "entities.npz") as z:
        postings = current_postings({k: z[k] for k in z.files}, passages)
    return LoadedIndex(folder, manifest, passages, sent_owner, sent_text, para_vecs, sent_vecs, para_faiss, sent_faiss, BM25.load(folder / "bm25"), postings)


def _searchable(index, vecs: np.ndarray):
    """Approximate indexes return their candidates re-scored exactly."""
    return index if is_exact(index) else Refined(index, vecs)
