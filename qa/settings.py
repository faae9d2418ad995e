"""One place for every tunable default; CLI flags and the UI override them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FusionWeights:
    """Weights of each z-scored signal in the fused ranking (see qa.retrieve).

    Sentence-level scores get more weight than paragraph-level ones: a
    paragraph of eight sentences dilutes the one sentence that answers.
    """

    e5_sent: float = 1.0
    e5_para: float = 0.5
    use_sent: float = 1.0
    use_para: float = 0.5
    bm25: float = 0.7
    other_sent: float = 1.0  # any further encoder (e.g. st:...)
    other_para: float = 0.5
    entity: float = 1.5  # per question entity, scaled by how specific it is
    literal: float = 1.0  # share of the question's numbers / Latin words found


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    encoders: tuple[str, ...] = ("e5", "use")
    k: int = 5
    candidates: int = 100  # per retriever, before exact re-scoring and fusion
    # FAISS index kind (qa.ann): "auto" = exact up to qa.ann.EXACT_MAX_VECTORS
    # vectors, IVF-PQ with exact re-scoring above; or "flat", "ivfpq", "hnsw".
    index_kind: str = "auto"
    weights: FusionWeights = field(default_factory=FusionWeights)
    # Abstain when the best hit's calibrated confidence is below this (qa.answer).
    min_confidence: float = 0.45
