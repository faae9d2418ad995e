"""The store contract: what the search stage reads and what a writer hands over.

Two implementations: the in-process FAISS store (qa.index.loaded.LoadedIndex,
the default) and Milvus (qa.index.milvus, a Milvus Lite file or a server).
Fusion, the question stage and the answer stage see only `Store`, so they
cannot tell which one they read. Rows are positions in the passage table
(paragraph level) or in the sentence table (sentence level), in corpus order,
identical in both stores.

Writing is whole-version: a writer receives every passage of the new
library (vectors of unchanged articles come from the per-article cache, so
only new or changed articles are embedded) and publishes it in one atomic
step. Writing, replacing or removing an article is a new version with, or
without, that article's rows; a reader sees the old version or the new one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from qa.index.store import Manifest
from qa.ingest.corpus import Passage

LEVELS = ("para", "sent")
BACKENDS = ("faiss", "milvus")


@runtime_checkable
class Store(Protocol):
    """One published version, read side."""

    manifest: Manifest
    passages: Sequence[Passage]  # row -> Passage
    sent_owner: np.ndarray  # sentence row -> passage row
    sent_text: Sequence[str]  # sentence row -> text
    entity_postings: Mapping[str, np.ndarray]  # entity key -> ascending passage rows about it

    @property
    def articles(self) -> dict[str, list[Passage]]: ...

    def dense_top(self, level: str, enc_id: str, qv: np.ndarray, k: int) -> np.ndarray:
        """Passage rows of the top k at `level` for one query vector (a
        sentence hit is mapped to its passage; duplicates allowed)."""

    def vectors(self, level: str, enc_id: str, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of `rows`, in that order (exact re-scoring)."""

    def bm25_top(self, tokens: list[str], k: int) -> np.ndarray:
        """Passage rows of the k best BM25 scores (any order)."""

    def bm25_scores(self, tokens: list[str], rows: np.ndarray) -> np.ndarray:
        """BM25 score of each of `rows` (0 where no token occurs)."""


@dataclass(frozen=True)
class Version:
    """Everything a new version holds, computed once by qa.index.loaded for
    either store: the passages, their sentence owners, dense vectors per
    encoder, BM25 tokens per passage and the entity postings."""

    passages: tuple[Passage, ...]
    sent_owner: np.ndarray
    para: Mapping[str, np.ndarray]  # encoder id -> (passages, dim)
    sent: Mapping[str, np.ndarray]  # encoder id -> (sentences, dim)
    # BM25 tokens per passage, or (token ids per passage, token -> id) as
    # bm25s also takes them (the benchmark's million passages, without a string per token).
    tokens: tuple
    postings: Mapping[str, np.ndarray]
    manifest: Manifest


class Backend(Protocol):
    """Where versions live: opened from Settings by `open_backend`."""

    index_dir: Path  # local folder: the per-article vector cache and the writer lock

    def read_manifest(self) -> Manifest:
        """The current version's manifest; IndexMissingError if none."""

    def load(self) -> Store:
        """The current version, for reading."""

    def publish(self, version: Version, index_kind: str = "auto") -> None:
        """Write `version` beside the current one and switch to it atomically."""

    def refresh_fingerprints(self, view: dict[str, Path], hash_file) -> None:
        """Re-record file stat fingerprints whose bytes did not change."""


def group_articles(passages) -> dict[str, list[Passage]]:
    """doc -> its passages, in order (one pass over the table)."""
    out: dict[str, list[Passage]] = {}
    for p in passages:
        out.setdefault(p.doc, []).append(p)
    return out
