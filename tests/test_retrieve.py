"""The fusion rule, and that fusing beats every single retriever.

Real encoders and a real index over the five real articles (conftest's
`engine`); the questions are our own held-out set (benchmarks/heldout_kz.jsonl),
not the dev set, so this does not grade the weights on the data they were chosen with.
"""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from qa.question import analyze

from qa.search.retrieve import Retriever, _zscore
from qa.settings import FusionWeights, Settings

HELDOUT = Path(__file__).resolve().parent.parent / "benchmarks" / "heldout_kz.jsonl"
ZERO = FusionWeights(**{k: 0.0 for k in FusionWeights.__dataclass_fields__})


def test_zscore_centres_and_scales():
    z = _zscore(np.array([1.0, 2.0, 3.0, 10.0], np.float32))
    assert abs(float(z.mean())) < 1e-6 and abs(float(z.std()) - 1) < 1e-5
    assert np.argmax(z) == 3


def test_zscore_of_a_flat_or_single_signal_is_zero():
    # A retriever that cannot tell passages apart must add nothing to the ranking.
    assert not _zscore(np.array([0.7, 0.7, 0.7], np.float32)).any()
    assert not _zscore(np.array([5.0], np.float32)).any()


def test_zscore_ignores_the_scale_of_a_retriever():
    x = np.array([0.1, 0.4, 0.2, 0.9], np.float32)
    assert np.allclose(_zscore(x), _zscore(100 * x + 7), atol=1e-5)


def _recall_at_1(engine, weights, items) -> float:
    r = Retriever(engine.index, engine.encoders, Settings(weights=weights))
    return float(np.mean([it["gold_substring"] in r.search(it["question"], 5)[0].passage.text for it in items]))


@pytest.fixture(scope="module")
def heldout():
    items = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [it for it in items if it["answerable"]]


def test_fusion_beats_each_single_retriever(engine, heldout):
    fused = _recall_at_1(engine, FusionWeights(), heldout)
    singles = {
        "e5": _recall_at_1(engine, replace(ZERO, e5_sent=1, e5_para=0.5), heldout),
        "use": _recall_at_1(engine, replace(ZERO, use_sent=1, use_para=0.5), heldout),
        "bm25": _recall_at_1(engine, replace(ZERO, bm25=1), heldout),
    }
    assert fused > max(singles.values()), (fused, singles)
    assert fused >= 0.9


def test_every_hit_explains_its_score(engine):
    hits = engine.retriever.search("What was the 2024 Kazakhstan–China trade volume?", 5)
    assert len(hits) == 5
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    for h in hits:
        assert abs(sum(h.why.values()) - h.score) < 0.01
        assert h.sentence in h.passage.sentences
        assert {"e5_sent", "use_sent", "bm25", "entity", "literal"} <= set(h.why)


def test_latin_words_and_numbers_match_literally(engine):
    q = analyze("Which agency is KazakhExport?")
    hits = engine.retriever.search(q, 5)
    assert q.literals == ("kazakhexport",)
    assert "KazakhExport" in hits[0].passage.text and hits[0].why["literal"] > 0


def test_countries_absent_from_the_corpus_are_reported(engine):
    missing = engine.retriever.missing(analyze("What was the trade volume between Kazakhstan and Japan?"))
    assert [e.key for e in missing] == ["JP"]
    assert not engine.retriever.missing(analyze("What was the trade volume between Kazakhstan and China?"))


def test_question_entities_prefer_passages_about_them(engine):
    hits = engine.retriever.search("What was the bilateral trade volume with Kyrgyzstan in 2024?", 3)
    assert "吉尔吉斯斯坦" in hits[0].passage.subject
    assert hits[0].why["entity"] > 0


def test_bm25_weighs_less_across_scripts(engine):
    """An English question over the Chinese articles: BM25 scores the
    dictionary's translations, so it counts with bm25_across_scripts; a Chinese
    question over them keeps (nearly) the full weight."""
    base = FusionWeights(bm25_across_scripts=FusionWeights().bm25)
    halved = replace(base, bm25_across_scripts=base.bm25 / 2)

    def bm25_part(weights, question):
        r = Retriever(engine.index, engine.encoders, Settings(weights=weights))
        top = r.search(question, 1)[0]
        again = [h for h in Retriever(engine.index, engine.encoders, Settings(weights=base)).search(question, 20)
                 if (h.passage.doc, h.passage.para_no) == (top.passage.doc, top.passage.para_no)][0]
        return top.why["bm25"], again.why["bm25"]

    got, full = bm25_part(halved, "What was the trade volume between Kazakhstan and China in 2024?")
    assert full != 0 and abs(got - full / 2) < 0.05 * abs(full)  # Chinese passages: nearly all the gap
    got, full = bm25_part(halved, "2024年哈萨克斯坦与中国的贸易额是多少？")
    assert full != 0 and abs(got - full) < 0.1 * abs(full)  # a few Latin names in the passage: a small gap


@pytest.mark.fast  # no models
def test_a_word_of_many_senses_adds_only_those_the_library_uses():
    from qa.search.retrieve import MAX_HELD_FORMS, held_forms

    library = frozenset({"贸易", "经贸", "小麦", "出口"})
    senses = ("贸易", "经贸", "一手", "三百六十行", "专卖", "世贸", "买卖", "交易会")
    assert held_forms(senses, library) == ("贸易", "经贸")
    # Senses the library uses, but too many of them: none (each capital city for "capital").
    many = tuple(f"城{i}" for i in range(MAX_HELD_FORMS + 1))
    assert held_forms(many, frozenset(many)) == ()
    assert held_forms(senses, frozenset()) == ()
