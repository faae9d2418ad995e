"""FAISS against numpy: exact search is brute force, approximate search keeps recall.

Vectors are real: USE embeddings of the bundled articles' sentences, and
(for a corpus large enough to need an approximate index) normalised means of
sentence pairs and triples, as the benchmark assembles passages.
"""

from pathlib import Path

import numpy as np
import pytest

from qa.index.ann import EXACT_MAX_VECTORS, Refined, choose_kind, is_exact, make_faiss, vector_dtype
from qa.ingest.corpus import corpus_files, load_article
from qa.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real_vectors():
    from qa.models.encoders import get_encoder

    sents = [s for f in corpus_files(ROOT / "corpus") for p in load_article(f).passages for s in p.sentences]
    enc = get_encoder("use")
    # Queries: the opening words of some sentences, as a reader half-remembers them.
    queries = enc.encode_queries([s[: max(6, len(s) // 3)] for s in sents[::7]])
    return enc.encode_passages(sents), queries


def assembled(sent_vecs: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Passages of 2-3 sentences from one stretch of an article (one topic)."""
    rng = np.random.default_rng(seed)
    picks = np.minimum(rng.integers(len(sent_vecs), size=(n, 1)) + rng.integers(0, 6, size=(n, 3)), len(sent_vecs) - 1)
    width = rng.integers(2, 4, size=n)
    mask = np.arange(3)[None, :] < width[:, None]
    sums = (sent_vecs[picks] * mask[..., None]).sum(axis=1)
    return (sums / np.linalg.norm(sums, axis=1, keepdims=True)).astype(np.float32)


def brute_force(vecs: np.ndarray, q: np.ndarray, k: int):
    scores = q @ vecs.T
    ids = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(scores, ids, axis=1), ids


def test_flat_equals_numpy_brute_force(real_vectors):
    vecs, q = real_vectors
    index = make_faiss(vecs, "flat")
    assert is_exact(index) and vector_dtype(index) == np.float32
    d_faiss, i_faiss = index.search(q, 10)
    d_np, i_np = brute_force(vecs, q, 10)
    np.testing.assert_allclose(d_faiss, d_np, atol=1e-5)
    # same ids, except where two passages tie exactly
    same = (i_faiss == i_np) | np.isclose(d_faiss, d_np, atol=1e-6)
    assert same.all()


def test_auto_is_exact_up_to_threshold_then_approximate():
    assert choose_kind(EXACT_MAX_VECTORS) == "flat"
    assert choose_kind(EXACT_MAX_VECTORS + 1) == "ivf"
    assert choose_kind(10, "hnsw") == "hnsw"  # explicit choice wins
    with pytest.raises(InputError, match="unknown index kind"):
        choose_kind(10, "annoy")


def test_ivfpq_recall_at_10_against_exact(real_vectors):
    sents, q = real_vectors
    vecs = assembled(sents, EXACT_MAX_VECTORS + 5_000)
    index = make_faiss(vecs, "auto")
    assert not is_exact(index) and index.ntotal == len(vecs)
    stored = vecs.astype(vector_dtype(index))  # what load_index re-scores from
    scores, ids = Refined(index, stored).search(q, 10)
    truth, _ = brute_force(stored.astype(np.float32), q, 10)
    # re-scored exactly: the scores are true cosines of the returned rows
    np.testing.assert_allclose(scores, np.einsum("qkd,qd->qk", stored[ids].astype(np.float32), q), atol=1e-5)
    hits = (scores >= truth[:, -1:] - 1e-5).sum(axis=1)
    assert hits.mean() / 10 >= 0.95


def test_refined_handles_tiny_indexes_and_k_beyond_size(real_vectors):
    sents, q = real_vectors
    vecs = sents[:50]
    scores, ids = Refined(make_faiss(vecs, "ivfpq"), vecs).search(q[:3], 80)
    assert (ids[:, :50] >= 0).all() and (ids[:, 50:] == -1).all()
    np.testing.assert_allclose(scores[:, :50], brute_force(vecs, q[:3], 50)[0], atol=1e-5)


def test_approximate_index_round_trip_through_the_engine(use_settings):
    """Forced approximate: built, saved, loaded lazily, and searched with exact scores."""
    from dataclasses import replace

    from qa.ingest.corpus import load_corpus
    from qa.engine import Engine
    from qa.index.table import PassageTable

    settings = replace(use_settings, index_kind="ivf")
    engine = Engine.open(settings)
    ix = engine.index
    expected = [p for a in load_corpus(settings.corpus_dir).articles for p in a.passages]
    assert isinstance(ix.passages, PassageTable) and ix.passages == expected
    assert list(ix.sent_text) == [s for p in expected for s in p.sentences]
    assert isinstance(ix.sent_faiss["use"], Refined) and ix.sent_vecs["use"].dtype == np.float16
    assert sorted(ix.articles) == sorted({p.doc for p in expected})
    q = engine.encoders["use"].encode_queries(["巴西向智利出口什么？"])
    scores, ids = ix.sent_faiss["use"].search(q, 3)
    np.testing.assert_allclose(scores[0], np.asarray(ix.sent_vecs["use"][ids[0]], np.float32) @ q[0], atol=1e-5)
    assert engine.ask("巴西向智利出口什么？").hits  # the whole pipeline runs on it


def test_unknown_index_kind_is_an_error_naming_the_choices(use_settings):
    from dataclasses import replace

    from qa.index.build import build_index

    with pytest.raises(InputError, match="unknown index kind"):
        build_index(replace(use_settings, index_kind="annoy"))
