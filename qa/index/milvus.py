"""The Milvus store: the same versions as the FAISS folder, in Milvus collections.

One client path for a Milvus Lite file (`x.db`, what tests use) and a Milvus
server (`http://host:19530`, Standalone or Distributed). A version is three
collections named `<prefix>_<stamp>_{para,sent,meta}`; the alias
`<prefix>_current` names the meta collection of the live one. Publishing
writes the new collections completely, then moves the alias (one atomic
call): a reader resolves the alias once and reads one version, never half of
an update. The previous version is kept one round, as in the FAISS store.

- para: row, passage (JSON), n_sent, one dense field per encoder (v0, v1, ...
  in manifest order), bm25 (sparse);
- sent: row, one dense field per encoder;
- meta: the manifest and the entity postings as JSON, in chunks.

BM25 is ours, stored in Milvus: each passage's sparse vector holds its BM25
term weights (qa.index.bm25.doc_weights, the formula bm25s scores with) over
hashed tokens, so an inner product with the query's token counts is its
BM25 score. Milvus's own full-text search was not used: Milvus Lite offers
only the `standard` and `jieba` tokenizers (no Traditional->Simplified
folding, no bigrams, no dictionary forms of English words), and its BM25
scores measured here were negative and changed under a filter, while fusion
needs the exact score of every candidate.
"""

from __future__ import annotations

import json
import threading
import time
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.errors import IndexMissingError, QAError, StoreUnavailableError
from qa.index.ann import EXACT_MAX_VECTORS
from qa.index.bm25 import doc_weights, query_weights
from qa.index.contract import Version, group_articles
from qa.index.store import Manifest
from qa.index.table import SentenceTexts, _passage

PREFIX = "qa"
CHUNK = 60_000  # characters of ASCII JSON per meta row: under Milvus's 65,535-byte VARCHAR limit
PASSAGE_BYTES = 65_535  # Milvus's VARCHAR limit, for a passage's JSON
BATCH = 1_000  # rows per insert / query call: well under Milvus's 64 MB gRPC message limit
QUERY_MAX = 16_384  # Milvus's limit on rows returned by one query or search


def _dense(i: int) -> str:
    return f"v{i}"


def connect(uri: str):
    """A client, or one line saying why not (server down, file locked)."""
    import logging

    # pymilvus and Milvus Lite log every failure with a traceback; ours are domain errors with one line.
    for name in ("pymilvus", "milvus_lite"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if "://" not in uri:  # a Milvus Lite file: it makes the file, not its folder
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    try:
        from pymilvus import MilvusClient

        return MilvusClient(uri=uri, timeout=10)
    except Exception as e:  # pymilvus raises MilvusException, grpc and OS errors alike
        if "://" not in uri and "Open local milvus failed" in str(e):
            raise StoreUnavailableError(
                f"the Milvus Lite file {uri} is open in another process (Milvus Lite serves one process at a time); "
                "close it, or use a Milvus server (--milvus-uri http://host:19530) for several processes") from None
        raise StoreUnavailableError(
            f"cannot reach Milvus at {uri} ({str(e).splitlines()[0][:200] or type(e).__name__}); "
            "start the server (or close the program holding the Milvus Lite file) or check --milvus-uri") from None


class MilvusBackend:
    def __init__(self, index_dir: Path, uri: str, prefix: str = PREFIX):
        self.index_dir, self.uri, self.prefix = index_dir, uri, prefix
        self.alias = f"{prefix}_current"

    @cached_property
    def client(self):
        return connect(self.uri)

    def _current(self) -> str:
        """The live version's stamp."""
        try:
            if self.alias not in self.client.list_aliases().get("aliases", []):
                raise IndexMissingError(f"no index in Milvus at {self.uri}; run `qa index --backend milvus --milvus-uri {self.uri}`")
            meta = self.client.describe_alias(self.alias)["collection_name"]
        except QAError:
            raise
        except Exception as e:
            raise StoreUnavailableError(f"cannot read from Milvus at {self.uri} ({str(e).splitlines()[0][:200]}); check the server and --milvus-uri") from None
        stamp = meta[len(self.prefix) + 1 : -len("_meta")]
        self._ensure_loaded(stamp)
        return stamp

    def _ensure_loaded(self, stamp: str) -> None:
        """Collections must be loaded to be read; Milvus Lite forgets that on
        restart, and a server may have released them."""
        from pymilvus.client.types import LoadState

        for part in ("meta", "para", "sent"):
            name = self._name(stamp, part)
            if self.client.get_load_state(name).get("state") != LoadState.Loaded:
                self.client.load_collection(name)

    def _name(self, stamp: str, part: str) -> str:
        return f"{self.prefix}_{stamp}_{part}"

    def _meta(self, stamp: str, name: str):
        rows = self.client.query(self._name(stamp, "meta"), filter=f'name == "{name}"', output_fields=["part", "text"], limit=QUERY_MAX)
        return json.loads("".join(r["text"] for r in sorted(rows, key=lambda r: r["part"])))

    def read_manifest(self) -> Manifest:
        data = self._meta(self._current(), "manifest")
        data["encoders"] = tuple(data["encoders"])
        return Manifest(**data)

    def load(self, attempts: int = 3) -> "MilvusStore":
        for attempt in range(attempts):
            stamp = self._current()
            try:
                return MilvusStore(self, stamp)
            except Exception:  # the version was dropped between resolving and reading: two publishes in a row
                if attempt == attempts - 1:
                    raise IndexMissingError(f"the index in Milvus at {self.uri} changed while loading; try again") from None
                time.sleep(0.2)

    def refresh_fingerprints(self, view, hash_file) -> None:
        """Not re-recorded in Milvus: the manifest is part of a published
        version. A refresh then hashes files whose stat moved (no re-embedding)."""

    # ---------- writing ----------

    def publish(self, v: Version, index_kind: str = "auto") -> None:
        from pymilvus import DataType

        c, stamp = self.client, str(time.time_ns())
        encs = v.manifest.encoders
        # Exact search while FLAT is cheap (qa.index.ann's threshold); above it
        # the server picks its default ANN index, and the retriever re-scores
        # every candidate exactly from the stored vectors anyway.
        kind = "FLAT" if len(v.sent_owner) <= EXACT_MAX_VECTORS and index_kind in ("auto", "flat") else "AUTOINDEX"
        for part in ("para", "sent", "meta"):
            schema = c.create_schema(auto_id=False)
            schema.add_field("row", DataType.INT64, is_primary=True)
            idx = c.prepare_index_params()
            if part == "meta":
                schema.add_field("name", DataType.VARCHAR, max_length=32)
                schema.add_field("part", DataType.INT64)
                schema.add_field("text", DataType.VARCHAR, max_length=65_535)
                schema.add_field("dummy", DataType.FLOAT_VECTOR, dim=2)  # Milvus requires a vector field
                idx.add_index("dummy", index_type="FLAT", metric_type="IP")
            else:
                for i, e in enumerate(encs):
                    schema.add_field(_dense(i), DataType.FLOAT_VECTOR, dim=int(v.para[e].shape[1]))
                    idx.add_index(_dense(i), index_type=kind, metric_type="IP")
            if part == "para":
                schema.add_field("passage", DataType.VARCHAR, max_length=PASSAGE_BYTES)
                schema.add_field("n_sent", DataType.INT64)
                schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
                idx.add_index("bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
            c.create_collection(self._name(stamp, part), schema=schema, index_params=idx, consistency_level="Strong")
        try:
            self._insert(stamp, v)
        except Exception:
            self._drop(stamp)  # nothing points at it yet
            raise
        meta = self._name(stamp, "meta")
        previous = self._current_or_none()
        if previous is None:
            c.create_alias(meta, self.alias)
        else:
            c.alter_alias(meta, self.alias)  # the commit point
        for old in self._stamps() - {stamp, previous}:
            self._drop(old)

    def _insert(self, stamp: str, v: Version) -> None:
        from dataclasses import asdict

        encs, c = v.manifest.encoders, self.client
        weights = doc_weights(v.tokens)
        n_sent = np.bincount(v.sent_owner, minlength=len(v.passages))
        rows = []
        for i, p in enumerate(v.passages):
            text = json.dumps(asdict(p), ensure_ascii=False)
            if len(text.encode("utf-8")) > PASSAGE_BYTES:
                from qa.errors import InputError

                raise InputError(f"a paragraph of {p.doc} (#{p.para_no}) is too long for Milvus ({len(text)} characters); split it")
            row = {"row": i, "passage": text, "n_sent": int(n_sent[i]), "bm25": weights[i] or {0: 0.0}}
            rows.append(row | {_dense(j): v.para[e][i].tolist() for j, e in enumerate(encs)})
            if len(rows) == BATCH:
                c.insert(self._name(stamp, "para"), rows)
                rows = []
        if rows:
            c.insert(self._name(stamp, "para"), rows)
        for a in range(0, len(v.sent_owner), BATCH):
            rows = [{"row": r} | {_dense(j): v.sent[e][r].tolist() for j, e in enumerate(encs)} for r in range(a, min(a + BATCH, len(v.sent_owner)))]
            c.insert(self._name(stamp, "sent"), rows)
        from dataclasses import asdict as _asdict

        rows, row = [], 0
        for name, obj in (("manifest", _asdict(v.manifest)), ("postings", {k: p.tolist() for k, p in v.postings.items()})):
            text = json.dumps(obj, ensure_ascii=True)  # ASCII: characters are bytes, so a chunk fits the VARCHAR
            for part, a in enumerate(range(0, max(1, len(text)), CHUNK)):
                rows.append({"row": row, "name": name, "part": part, "text": text[a : a + CHUNK], "dummy": [0.0, 0.0]})
                row += 1
        c.insert(self._name(stamp, "meta"), rows)
        for part in ("para", "sent", "meta"):
            c.flush(self._name(stamp, part))

    def _current_or_none(self) -> str | None:
        try:
            return self._current()
        except IndexMissingError:
            return None

    def _stamps(self) -> set[str]:
        out = set()
        for name in self.client.list_collections():
            head, _, rest = name.partition("_")
            stamp, _, part = rest.partition("_")
            if head == self.prefix and stamp.isdigit() and part in ("para", "sent", "meta"):
                out.add(stamp)
        return out

    def _drop(self, stamp: str) -> None:
        for part in ("para", "sent", "meta"):
            if self.client.has_collection(self._name(stamp, part)):
                self.client.drop_collection(self._name(stamp, part))


class MilvusStore:
    """One published version, read side (qa.index.contract.Store). The
    passage table, sentence owners and entity postings are read into memory
    at open (the FAISS store memory-maps them); vectors and BM25 weights stay
    in Milvus and are fetched for the candidates of each question."""

    def __init__(self, backend: MilvusBackend, stamp: str):
        self.backend, self.client = backend, backend.client
        self.para_name, self.sent_name = backend._name(stamp, "para"), backend._name(stamp, "sent")
        data = backend._meta(stamp, "manifest")
        data["encoders"] = tuple(data["encoders"])
        self.manifest = Manifest(**data)
        self.entity_postings = {k: np.asarray(v, dtype=np.int64) for k, v in backend._meta(stamp, "postings").items()}
        rows = []
        for a in range(0, self.manifest.n_passages, BATCH):  # by row range: one query returns at most QUERY_MAX rows
            rows += self.client.query(self.para_name, filter=f"row >= {a} and row < {a + BATCH}",
                                      output_fields=["row", "passage", "n_sent"], limit=BATCH)
        rows.sort(key=lambda r: r["row"])
        self.passages = [_passage(json.loads(r["passage"])) for r in rows]
        self.sent_owner = np.repeat(np.arange(len(rows), dtype=np.int64), [r["n_sent"] for r in rows])
        self.sent_text = SentenceTexts(self.passages, self.sent_owner)
        self._field = {e: _dense(i) for i, e in enumerate(self.manifest.encoders)}
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
