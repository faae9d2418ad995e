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
import time
from dataclasses import asdict
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.errors import IndexMissingError, InputError, QAError, StoreUnavailableError
from qa.index.ann import EXACT_MAX_VECTORS
from qa.index.bm25 import doc_weights
from qa.index.contract import Version
from qa.index.milvus_store import BATCH, QUERY_MAX, MilvusStore, dense_field
from qa.index.store import Manifest

PREFIX = "qa"
CHUNK = 60_000  # characters of ASCII JSON per meta row: under Milvus's 65,535-byte VARCHAR limit
PASSAGE_BYTES = 65_535  # Milvus's VARCHAR limit, for a passage's JSON


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

        # 10 s: a server across a network answers in far less; a wrong URI should fail while the user waits.
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
            name = self.name(stamp, part)
            if self.client.get_load_state(name).get("state") != LoadState.Loaded:
                self.client.load_collection(name)

    def name(self, stamp: str, part: str) -> str:
        return f"{self.prefix}_{stamp}_{part}"

    def meta(self, stamp: str, key: str):
        """A JSON object stored in the version's meta collection ("manifest", "postings")."""
        rows = self.client.query(self.name(stamp, "meta"), filter=f'name == "{key}"', output_fields=["part", "text"], limit=QUERY_MAX)
        return json.loads("".join(r["text"] for r in sorted(rows, key=lambda r: r["part"])))

    def read_manifest(self) -> Manifest:
        data = self.meta(self._current(), "manifest")
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
                    schema.add_field(dense_field(i), DataType.FLOAT_VECTOR, dim=int(v.para[e].shape[1]))
                    idx.add_index(dense_field(i), index_type=kind, metric_type="IP")
            if part == "para":
                schema.add_field("passage", DataType.VARCHAR, max_length=PASSAGE_BYTES)
                schema.add_field("n_sent", DataType.INT64)
                schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
                idx.add_index("bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
            c.create_collection(self.name(stamp, part), schema=schema, index_params=idx, consistency_level="Strong")
        try:
            self._insert(stamp, v)
        except Exception:
            self._drop(stamp)  # nothing points at it yet
            raise
        meta = self.name(stamp, "meta")
        previous = self._current_or_none()
        if previous is None:
            c.create_alias(meta, self.alias)
        else:
            c.alter_alias(meta, self.alias)  # the commit point
        for old in self._stamps() - {stamp, previous}:
            self._drop(old)

    def _insert(self, stamp: str, v: Version) -> None:
        encs, c = v.manifest.encoders, self.client
        weights = doc_weights(v.tokens)
        n_sent = np.bincount(v.sent_owner, minlength=len(v.passages))
        rows = []
        for i, p in enumerate(v.passages):
            text = json.dumps(asdict(p), ensure_ascii=False)
            if len(text.encode("utf-8")) > PASSAGE_BYTES:
                raise InputError(f"a paragraph of {p.doc} (#{p.para_no}) is too long for Milvus ({len(text)} characters); split it")
            row = {"row": i, "passage": text, "n_sent": int(n_sent[i]), "bm25": weights[i] or {0: 0.0}}
            rows.append(row | {dense_field(j): v.para[e][i].tolist() for j, e in enumerate(encs)})
            if len(rows) == BATCH:
                c.insert(self.name(stamp, "para"), rows)
                rows = []
        if rows:
            c.insert(self.name(stamp, "para"), rows)
        for a in range(0, len(v.sent_owner), BATCH):
            rows = [{"row": r} | {dense_field(j): v.sent[e][r].tolist() for j, e in enumerate(encs)} for r in range(a, min(a + BATCH, len(v.sent_owner)))]
            c.insert(self.name(stamp, "sent"), rows)
        rows, row = [], 0
        for name, obj in (("manifest", asdict(v.manifest)), ("postings", {k: p.tolist() for k, p in v.postings.items()})):
            text = json.dumps(obj, ensure_ascii=True)  # ASCII: characters are bytes, so a chunk fits the VARCHAR
            for part, a in enumerate(range(0, max(1, len(text)), CHUNK)):
                rows.append({"row": row, "name": name, "part": part, "text": text[a : a + CHUNK], "dummy": [0.0, 0.0]})
                row += 1
        c.insert(self.name(stamp, "meta"), rows)
        for part in ("para", "sent", "meta"):
            c.flush(self.name(stamp, part))

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
            if self.client.has_collection(self.name(stamp, part)):
                self.client.drop_collection(self.name(stamp, part))
