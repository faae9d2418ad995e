"""Stage 3: what goes into an index version, and reading it back.

Dense vectors (with a per-article cache, so a refresh embeds only articles
whose text changed, and identical content under two names once), FAISS
indexes, BM25 and entity postings, written into a new version folder that
qa.index.store publishes atomically; `load_index` reads one version whole.
The folder layout, the manifest and the writer lock live in qa.store.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.ingest.corpus import Article, Passage
from qa.models.encoders import Encoder
from qa.errors import IndexMissingError
from qa.index.ann import Refined, is_exact, make_faiss, vector_dtype
from qa.index.bm25 import BM25
from qa.text.lexical import fold, tokenize
from qa.index.store import EMBED_RECIPE, FORMAT_VERSION, Manifest, publish, read_manifest, write_manifest
from qa.index.table import PassageTable, SentenceTexts, write_passage_table



# Dense inputs are folded to Simplified Chinese (as BM25 tokens are, and as
# queries are in qa.search.retrieve): a Traditional article and a Simplified question
# then meet in one script. Passages keep their original text for display.

def passage_input(p: Passage) -> str:
    return fold(f"{p.context}\n{p.text}")


def sentence_input(p: Passage, sentence: str) -> str:
    # The article's subject names the partner country that the sentence omits.
    return fold(f"{' '.join(p.subject)}：{sentence}" if p.subject else sentence)


@dataclass
class LoadedIndex:
    """Everything a retriever needs, in memory."""

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

    @cached_property
    def articles(self) -> dict[str, list[Passage]]:
        """doc -> its passages; built once (one pass over the table), not per call."""
        out: dict[str, list[Passage]] = {}
        for p in self.passages:
            out.setdefault(p.doc, []).append(p)
        return out


# ---------- FAISS: see qa/ann.py ----------

# ---------- embedding with a per-article cache ----------

def embed_inputs(article: Article) -> tuple[list[str], list[str]]:
    paras = [passage_input(p) for p in article.passages]
    sents = [sentence_input(p, s) for p in article.passages for s in p.sentences]
    return paras, sents


def _cache_path(cache: Path, article: Article, enc: Encoder) -> Path:
    """Keyed by the exact texts we embed, so a change in parsing or context
    (not only in the file's bytes) can never reuse stale vectors."""
    import hashlib

    paras, sents = embed_inputs(article)
    key = hashlib.sha256("\x00".join([EMBED_RECIPE, *paras, "\x01", *sents]).encode("utf-8")).hexdigest()
    safe = enc.id.replace("/", "_").replace(":", "_")
    return cache / f"{key[:32]}.{safe}.npz"


def _atomic_save_npz(path: Path, **arrays) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        np.savez(f, **arrays)
    os.replace(tmp, path)


def embed_article(article: Article, enc: Encoder, cache: Path) -> tuple[np.ndarray, np.ndarray, bool]:
    """(paragraph vectors, sentence vectors, computed?) for one article."""
    path = _cache_path(cache, article, enc)
    if path.exists():
        try:
            with np.load(path) as z:
                return z["para"], z["sent"], False
        except (OSError, ValueError, KeyError):
            pass  # a torn cache file is simply recomputed
    para_texts, sent_texts = embed_inputs(article)
    paras, sents = enc.encode_passages(para_texts), enc.encode_passages(sent_texts)
    _atomic_save_npz(path, para=paras, sent=sents)
    return paras, sents, True


def prune_cache(cache: Path, articles: list[Article], enc: Encoder) -> None:
    """Drop cached vectors that no article of the corpus uses any more
    (removed or changed articles, an older EMBED_RECIPE) and temp files torn by
    a killed writer. Called by the writer (under the lock) only once the new
    version is live: a kill before that leaves every vector the old index or a
    retry could want. A current article keeps its vectors for every encoder,
    so switching encoders back does not embed it again."""
    keep = {_cache_path(cache, a, enc).name.split(".", 1)[0] for a in articles}
    for path in cache.iterdir():
        if path.name.split(".", 1)[0] not in keep or not path.name.endswith(".npz"):
            path.unlink(missing_ok=True)


def entity_postings(passages: list[Passage]) -> dict[str, np.ndarray]:
    """Which passages are about which entity: named in the paragraph, or in
    its article's subject (paragraphs often leave the partner unnamed)."""
    from qa.text.entities import find_entities

    rows: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        for e in find_entities(fold(" ".join(p.subject) + " " + p.text)):
            rows.setdefault(e.key, []).append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in rows.items()}


# ---------- writing ----------

def write_index(index_dir: Path, articles: list[Article], files: dict, encoders: list[Encoder], duplicates: dict, rejected: dict, progress=None, index_kind: str = "auto") -> Manifest:
    """Embed (reusing the cache), write a new version folder, swap `current`."""
    cache = index_dir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    passages = [p for a in articles for p in a.passages]
    sent_owner = np.array([i for i, p in enumerate(passages) for _ in p.sentences], dtype=np.int64)
    version = index_dir / f"v-{time.time_ns()}"
    tmp = index_dir / f".building-{version.name}"
    tmp.mkdir()
    embedded = 0
    for enc in encoders:
        paras, sents = [], []
        for a in articles:
            pv, sv, computed = embed_article(a, enc, cache)
            paras.append(pv)
            sents.append(sv)
            embedded += int(computed) * len(a.passages)
            if progress:
                progress(enc.id, a.doc)
        para = np.vstack(paras) if paras else np.zeros((0, enc.dim), np.float32)
        sent = np.vstack(sents) if sents else np.zeros((0, enc.dim), np.float32)
        _save_dense(tmp, enc.id, para, sent, index_kind)
    BM25.build([tokenize(f"{p.context} {p.text}") for p in passages]).save(tmp / "bm25")
    np.savez(tmp / "entities.npz", **entity_postings(passages))
    write_passage_table(tmp, passages)
    manifest = Manifest(FORMAT_VERSION, tuple(e.id for e in encoders), files, len(passages), int(len(sent_owner)), time.time(), duplicates, rejected, EMBED_RECIPE)
    np.save(tmp / "sent_owner.npy", sent_owner)
    write_manifest(tmp, manifest)
    publish(index_dir, tmp, version)
    if encoders:
        prune_cache(cache, articles, encoders[0])
    return manifest


def _save_dense(folder: Path, enc_id: str, para: np.ndarray, sent: np.ndarray, index_kind: str = "auto") -> None:
    import faiss

    safe = enc_id.replace("/", "_").replace(":", "_")
    for level, vecs in (("para", para), ("sent", sent)):
        index = make_faiss(vecs, index_kind)
        # The .npy copy serves exact re-scoring (memory-mapped); float16 halves
        # it where an approximate index says the corpus is large.
        np.save(folder / f"{safe}.{level}.npy", np.asarray(vecs, dtype=vector_dtype(index)))
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
        postings = {k: z[k] for k in z.files}
    return LoadedIndex(folder, manifest, passages, sent_owner, sent_text, para_vecs, sent_vecs, para_faiss, sent_faiss, BM25.load(folder / "bm25"), postings)


def _searchable(index, vecs: np.ndarray):
    """Approximate indexes return their candidates re-scored exactly."""
    return index if is_exact(index) else Refined(index, vecs)
