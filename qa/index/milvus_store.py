"""The Milvus store's read side: one published version (qa.index.contract.Store).

The passage table, sentence owners and entity postings are read into memory
when the version is opened (the FAISS store memory-maps them); vectors and
BM25 weights stay in Milvus and are fetched for each question's candidates.
Written by qa.index.milvus.
"""

from __future__ import annotations

import json
import threading
from functools import cached_property

import numpy as np

from qa.index.cache import current_postings
from qa.index.bm25 import query_weights
from qa.index.contract import group_articles
from qa.index.store import Manifest
from qa.index.table import SentenceTexts, _passage

BATCH = 1_000  # rows per insert / query call: well under Milvus's 64 MB gRPC message limit
QUERY_MAX = 16_384  # Milvus's limit on rows returned by one query or search


def dense_field(i: int) -> str:
    """The field of the i-th encoder of the manifest (ids such as st:/path are no field names)."""
    return f"v{i}"


class MilvusStore:
    """One published version, read side."""

    def __init__(self, backend, stamp: str):  # backend: qa.index.milvus.MilvusBackend, which imports this module
        self.backend, self.client = backend, backend.client
        self.para_name, self.sent_name = backend.name(stamp, "para"), backend.name(stamp, "sent")
        data = backend.meta(stamp, "manifest")
        data["encoders"] = tuple(data["encoders"])
        self.manifest = Manifest(**data)
        self._stored_postings = backend.meta(stamp, "postings")
        rows = []
        for a in range(0, self.manifest.n_passages, BATCH):  # by row range: one query returns at most QUERY_MAX rows
            rows += self.client.query(self.para_name, filter=f"row >= {a} and row < {a + BATCH}",
                                      output_fields=["row", "passage", "n_sent"], limit=BATCH)
        rows.sort(key=lambda r: r["row"])
        self.passages = [_passage(json.loads(r["passage"])) for r in rows]
        self.sent_owner = np.repeat(np.arange(len(rows), dtype=np.int64), [r["n_sent"] for r in rows])
        self.sent_text = SentenceTexts(self.passages, self.sent_owner)
        self.entity_postings = current_postings(self._stored_postings, self.passages)
        self._field = {e: dense_field(i) for i, e in enumerate(self.manifest.encoders)}
        self._lock, self._last = threading.Lock(), {}  # level -> (rows, fields) last fetched

    @cached_property
    def articles(self):
        return group_articles(self.passages)

    def dense_top(self, level: str, enc_id: str, qv: np.ndarray, k: int) -> np.ndarray:
        name = self.para_name if level == "para" else self.sent_name
        res = self.client.search(name, data=[np.asarray(qv, np.float32).tolist()], anns_field=self._field[enc_id],
                                 limit=min(k, QUERY_MAX), search_params={"metric_type": "IP"}, output_fields=["row"])
        ids = np.array([h["row"] for h in res[0]], dtype=np.int64)
        return ids if level == "para" else self.sent_owner[ids]

    def _fetch(self, name: str, rows: np.ndarray, fields: list[str]) -> dict:
        """row -> {field: value} for the given rows."""
        out = {}
        uniq = np.unique(rows)
        for a in range(0, len(uniq), QUERY_MAX // 2):
            part = uniq[a : a + QUERY_MAX // 2].tolist()
            for r in self.client.query(name, filter=f"row in {part}", output_fields=["row", *fields], limit=len(part)):
                out[r["row"]] = r
        return out

    def vectors(self, level: str, enc_id: str, rows: np.ndarray) -> np.ndarray:
        # The retriever asks for the same rows once per encoder (and, at
        # paragraph level, for their BM25 weights): one round trip brings
        # every field of those rows.
        got = self._rows(level, np.asarray(rows, np.int64).tobytes())
        field = self._field[enc_id]
        return np.array([got[int(r)][field] for r in rows], dtype=np.float32).reshape(len(rows), -1)

    def _rows(self, level: str, key: bytes) -> dict:
        with self._lock:
            if self._last.get(level, (None,))[0] == key:
                return self._last[level][1]
        name = self.para_name if level == "para" else self.sent_name
        fields = [*self._field.values(), *(["bm25"] if level == "para" else [])]
        got = self._fetch(name, np.frombuffer(key, np.int64), fields)
        with self._lock:
            self._last[level] = (key, got)
        return got

    def bm25_top(self, tokens: list[str], k: int) -> np.ndarray:
        n = len(self.passages)
        if k >= n:
            return np.arange(n)
        q = query_weights(tokens)
        res = self.client.search(self.para_name, data=[q or {0: 0.0}], anns_field="bm25", limit=min(k, QUERY_MAX),
                                 search_params={"metric_type": "IP"}, output_fields=["row"])
        rows = np.array([h["row"] for h in res[0]], dtype=np.int64)
        if len(rows) >= k:
            return rows
        # Fewer passages match than asked for. The FAISS store's top k (an
        # argpartition of every score) then includes zero-score passages, and
        # they join the candidates; which ones depends only on the score
        # array, so partition the same array to give both stores the same candidates.
        full = np.zeros(n, np.float32)
        full[rows] = [h["distance"] for h in res[0]]
        return np.argpartition(-full, k)[:k]

    def bm25_scores(self, tokens: list[str], rows: np.ndarray) -> np.ndarray:
        q = query_weights(tokens)
        if not q or len(rows) == 0:
            return np.zeros(len(rows), np.float32)
        got = self._rows("para", np.asarray(rows, np.int64).tobytes())
        return np.array([sum(q[t] * float(w) for t, w in _sparse(got[int(r)]["bm25"]).items() if t in q) for r in rows], np.float32)


def _sparse(value) -> dict:
    """A sparse vector as Milvus returns it (a dict, or a one-row scipy matrix)."""
    if isinstance(value, dict):
        return {int(k): v for k, v in value.items()}
    coo = value.tocoo()
    return dict(zip(coo.col.tolist(), coo.data.tolist()))
