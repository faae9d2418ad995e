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
    def build(cls, docs_tokens) -> "BM25":
        """From token lists, or from a (token ids per passage, vocabulary) pair."""
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        if is_ids(docs_tokens):
            model.index((list(docs_tokens[0]), docs_tokens[1]), show_progress=False)
        else:
            model.index([list(t) or [""] for t in docs_tokens], show_progress=False)
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


# ---------- the same scores as sparse vectors (for a store without bm25s: qa.index.milvus) ----------
#
# BM25 is a sum over the query's tokens of a per-(token, passage) weight, so
# it is an inner product of the query's token counts with a passage vector of
# weights. The weights below are bm25s's default ("lucene") variant, with its
# float32 arithmetic: idf = ln(1 + (N - df + 0.5) / (df + 0.5)) and
# tf / (tf + k1 (1 - b + b dl / avgdl)) (Kamphuis et al., "Which BM25 do you
# mean?", ECIR 2020). Tokens become sparse dimensions by a 32-bit hash, so the
# query side needs no vocabulary; two tokens sharing a hash share a weight
# (expected pairs V^2 / 2^33 for a vocabulary of V: ~1 at 100,000 tokens).

K1, B = 1.2, 0.75


def token_dim(token: str) -> int:
    import hashlib

    # Milvus sparse dimensions are below 2**32 - 1.
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "little") % (2**32 - 1)


def is_ids(docs_tokens) -> bool:
    return isinstance(docs_tokens, tuple) and len(docs_tokens) == 2 and isinstance(docs_tokens[1], dict)


def doc_weights(docs_tokens) -> list[dict[int, float]]:
    """Each passage's {token dim: BM25 weight}, as BM25.build scores them."""
    from collections import Counter

    if is_ids(docs_tokens):
        words = {i: t for t, i in docs_tokens[1].items()}
        docs_tokens = [[words[i] for i in d] for d in docs_tokens[0]]
    docs = [list(t) or [""] for t in docs_tokens]  # BM25.build's placeholder for an empty passage
    n = len(docs)
    avgdl = float(np.mean([len(d) for d in docs])) if docs else 1.0
    df = Counter(t for d in docs for t in set(d))
    idf = {t: np.float32(np.log(1 + (n - c + 0.5) / (c + 0.5))) for t, c in df.items()}
    out = []
    for d in docs:
        tf = Counter(d)
        toks = list(tf)
        tfa = np.array([tf[t] for t in toks], np.float32)
        w = np.array([idf[t] for t in toks], np.float32) * (tfa / (K1 * ((1 - B) + B * len(d) / avgdl) + tfa))
        vec: dict[int, float] = {}
        for t, x in zip(toks, w):
            vec[token_dim(t)] = vec.get(token_dim(t), 0.0) + float(x)
        out.append(vec)
    return out


def query_weights(query_tokens: list[str]) -> dict[int, float]:
    """{token dim: count}: a repeated query token counts again, as in BM25.scores."""
    out: dict[int, float] = {}
    for t in query_tokens:
        out[token_dim(t)] = out.get(token_dim(t), 0.0) + 1.0
    return out
