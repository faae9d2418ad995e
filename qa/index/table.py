"""The passage table on disk, read one passage at a time.

`passages.json` stays a plain JSON array (any tool can read it), written one
passage per line; `passages.offsets.npy` holds where each line starts. A
reader memory-maps the file and parses only the passages a question touches,
so opening a million-passage index neither parses ~1 GB of JSON nor keeps a
million Python objects alive.
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.ingest.corpus import Passage

TABLE = "passages.json"
OFFSETS = "passages.offsets.npy"


def write_passage_table(folder: Path, passages) -> None:
    offsets = []
    with open(folder / TABLE, "wb") as f:
        f.write(b"[\n")
        for i, p in enumerate(passages):
            offsets.append(f.tell())
            f.write(json.dumps(asdict(p), ensure_ascii=False).encode("utf-8"))
            f.write(b",\n" if i < len(passages) - 1 else b"\n")
        offsets.append(f.tell())
        f.write(b"]\n")
    np.save(folder / OFFSETS, np.array(offsets, dtype=np.int64))


def _passage(d: dict) -> Passage:
    d["sentences"] = tuple(d["sentences"])
    d["subject"] = tuple(d["subject"])
    return Passage(**d)


class PassageTable(Sequence):
    """row -> Passage, parsed on demand (recently used rows are cached)."""

    def __init__(self, buf, offsets: np.ndarray):
        self._buf, self._off = buf, offsets
        self._get = lru_cache(maxsize=65_536)(self._parse)

    @classmethod
    def open(cls, folder: Path) -> "PassageTable | list[Passage]":
        if not (folder / OFFSETS).exists():  # a table written before offsets existed
            with open(folder / TABLE, encoding="utf-8") as f:
                return [_passage(d) for d in json.load(f)]
        offsets = np.load(folder / OFFSETS)
        with open(folder / TABLE, "rb") as f:
            buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if offsets[-1] > 0 else b""
        if buf:  # a question reads scattered rows: no read-ahead (see qa.index.ann.advise_random)
            buf.madvise(mmap.MADV_RANDOM)
        return cls(buf, offsets)

    def __len__(self) -> int:
        return len(self._off) - 1

    def _parse(self, i: int) -> Passage:
        line = self._buf[int(self._off[i]) : int(self._off[i + 1])].rstrip(b",\n")
        return _passage(json.loads(line))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"passage row {i} out of range")
        return self._get(i)

    def __iter__(self):
        for i in range(len(self)):
            yield self._parse(i)  # a full scan must not flush the cache

    def __eq__(self, other) -> bool:  # compares like the list it replaces
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other))

    __hash__ = None


class SentenceTexts(Sequence):
    """sentence row -> sentence text, via the passage that owns it."""

    def __init__(self, passages, sent_owner: np.ndarray):
        self._p, self._owner = passages, sent_owner
        counts = np.bincount(sent_owner, minlength=len(passages)) if len(sent_owner) else np.zeros(len(passages), np.int64)
        self._start = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)

    def __len__(self) -> int:
        return len(self._owner)

    def __getitem__(self, r):
        if isinstance(r, slice):
            return [self[j] for j in range(*r.indices(len(self)))]
        r = int(r)
        owner = int(self._owner[r])
        return self._p[owner].sentences[r - int(self._start[owner])]
