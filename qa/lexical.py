"""Stage 2b: lexical retrieval, BM25 over Chinese-aware tokens.

Chinese has no spaces, so a CJK run is cut into words by jieba (search mode,
which also emits the shorter words inside long ones) and, as a safety net for
words jieba does not know, into character bigrams. Latin words and numbers
are kept whole and lower-cased: "KazakhExport", "AIFC", "2024", "5.557".
Traditional characters are folded to Simplified first, so either script finds
the other.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LATIN_OR_NUMBER = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]|\d+(?:[.,]\d+)*%?")
STOP_CJK = frozenset("的 了 和 与 及 在 是 为 对 将 也 等 并 中 有 以 于 其 这 该 之 年 月 日 多少 什么 哪 哪些 哪个 是否 吗 呢".split())
STOP_LATIN = frozenset(
    "a an the of and or to in on at for by with from as is are was were be been what which who whom whose when where why how "
    "did does do much many that this these those it its into between than since over under about".split()
)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """Normalise for matching only (the original text is what users see)."""
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it prints a banner on first use
    jieba.initialize()
    return jieba


def _cjk_tokens(run: str) -> list[str]:
    words = [w for w in _jieba().cut_for_search(run) if w not in STOP_CJK]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 2 else []
    return words + [b for b in bigrams if b not in words]


def tokenize(text: str) -> list[str]:
    text = fold(text)
    tokens = []
    for m in LATIN_OR_NUMBER.finditer(text):
        tok = m.group().lower().replace(",", "")
        if tok not in STOP_LATIN:
            tokens.append(tok)
    for run in CJK_RUN.findall(text):
        tokens.extend(_cjk_tokens(run))
    return tokens


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
