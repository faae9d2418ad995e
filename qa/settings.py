"""One place for every tunable default; CLI flags and the UI override them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FusionWeights:
    """Weights of each z-scored signal in the fused ranking (see qa.search.retrieve).

    Sentence-level scores get more weight than paragraph-level ones: a
    paragraph of eight sentences dilutes the one sentence that answers.
    """

    e5_sent: float = 1.0
    e5_para: float = 0.5
    use_sent: float = 1.0
    use_para: float = 0.5
    bm25: float = 0.7
    # BM25 for a question in the other script than the passage (English over
    # Chinese, Chinese over English), where it scores the dictionary's
    # translations of the question's words, many of them loose: half the
    # weight. Fitted by `python -m benchmarks.fusion` on SQuAD 2.0 dev paired
    # across languages (2,976 questions; first passage right 0.720 -> 0.743;
    # benchmarks/results/fusion_cross.json); blended by the script gap.
    bm25_across_scripts: float = 0.35
    # A Chinese question beside an English passage: the share of its cosines
    # taken from the question's English gloss (qa.text.glossary.english_gloss)
    # rather than from the question itself, times the script gap. Chosen on
    # SQuAD 2.0 dev's Chinese questions over English paragraphs (1,036;
    # first passage right 0.716 -> 0.754 at 0.5, see README); XQuAD measures it.
    gloss: float = 0.5
    other_sent: float = 1.0  # any further encoder (e.g. st:...)
    other_para: float = 0.5
    # Per question entity, scaled by how specific it is in the corpus; half for a
    # passage naming it, half for its article being about it. Large on purpose:
    # the four dense signals agree on *what kind* of fact a passage states
    # ("a trade volume"), so without a strong topic signal a question about
    # China is answered from a fluent trade paragraph about Kyrgyzstan that
    # merely names China. At 1.5 that happened ("2024年哈萨克斯坦与中国的贸易额");
    # 8 fixes it and changed nothing on dev or the held-out set (see README).
    entity: float = 8.0
    literal: float = 1.0  # share of the question's numbers / Latin words found


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    encoders: tuple[str, ...] = ("e5", "use")
    k: int = 5
    candidates: int = 100  # per retriever, before exact re-scoring and fusion
    # FAISS index kind (qa.index.ann): "auto" = exact up to qa.index.ann.EXACT_MAX_VECTORS
    # vectors, IVF over 4-bit codes with exact re-scoring above; or "flat",
    # "ivf", "ivfpq", "hnsw" (`qa index --index-kind`).
    index_kind: str = "auto"
    # Where versions are published (qa.index.contract): "faiss" in index_dir, or
    # "milvus" at milvus_uri: a path ending in .db is a Milvus Lite file, an
    # http(s):// URI a Milvus server; empty means index_dir/milvus.db. The
    # per-article vector cache and the writer lock stay in index_dir either way.
    backend: str = "faiss"
    milvus_uri: str = ""
    weights: FusionWeights = field(default_factory=FusionWeights)
