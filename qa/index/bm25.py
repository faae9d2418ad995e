"""BM25 over the passage tokens of qa.text.lexical.tokenize, stored with the index.

Parameters k1=1.2, b=0.75 are the common defaults of Robertson & Zaragoza,
"The Probabilistic Relevance Framework: BM25 and Beyond" (2009).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


class BM25:
    """A thin owner of a bm25s index: build from token lists, score a query.

    Scoring reads only the posting lists of the query's tokens (a sparse
    column sum), so it stays fast as the corpus grows.
    """

    def __init__(self, model):
        self._m = model

    @classmethod
    def build(cls, docs_tokens: list[list[str]]) -> "BM25":
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index([t or [""] for t in docs_tokens], show_progress=False)
        return cls(model)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        ids = self._m.get_tokens_ids(query_tokens)
        if not ids:
            return np.zeros(self._m.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._m.get_scores_from_ids(ids), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._m.save(str(folder))

    @classmethod
    def load(cls, folder: Path) -> "BM25":
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=False))
