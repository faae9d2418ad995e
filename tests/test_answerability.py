"""The answerability model: committed weights, and the fit on synthetic data (fast, no models)."""

import json

import numpy as np

from benchmarks.answerability import fit, prior_weights, threshold_for
from qa.answer.answerability import FEATURES, WEIGHTS_FILE, Model
import pytest

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


def test_committed_weights_match_the_features_and_say_where_they_come_from():
    d = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert tuple(d["features"]) == FEATURES
    assert "benchmarks.answerability fit" in d["command"] and "CMRC" in d["fitted_on"]
    m = Model.load()
    assert 0.0 < m.threshold < 1.0


def test_more_evidence_scores_higher():
    m = Model.load()
    base = [0.65, 0.05, 1.0, 1.0, 1.0, 1.0, 1.0]
    no_terms = base.copy()
    no_terms[FEATURES.index("terms")] = 0.0
    assert m.score(base) > m.score(no_terms)


def test_fit_recovers_a_separating_feature_and_the_threshold_meets_its_target():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 3))
    y = (X[:, 1] + 0.3 * rng.normal(size=600) > 0).astype(float)
    cond = ["present"] * 450 + ["removed"] * 150
    w, b, mean, scale = fit(X, y, prior_weights(cond))
    assert abs(w[1]) > 5 * max(abs(w[0]), abs(w[2]))
    p = 1 / (1 + np.exp(-(b + ((X - mean) / scale) @ w)))
    t = threshold_for(p, y, cond, 0.05)
    keep = (y == 1) & (np.array(cond) == "present")
    assert (p[keep] < t).mean() <= 0.05 and y[p >= t].mean() > 0.8


def test_prior_weights_make_removed_rows_the_stated_share():
    w = prior_weights(["present"] * 30 + ["removed"] * 70)
    assert abs(w[30:].sum() / w.sum() - 0.25) < 1e-9


def test_the_threshold_across_scripts_follows_the_fit():
    """Fitted with the margin imputed across scripts, a question in the other
    script gets the margin-withheld threshold; fitted with it measured (the
    reader and the fit set hold real cross-language questions), one threshold."""
    m = Model.load()
    zh = "哈萨克斯坦与中国的贸易额是多少"
    assert m.threshold_for("贸易额是多少？", zh) == m.threshold
    if m.impute_across_scripts:
        assert abs(m.threshold_for("What was the trade volume?", zh) - m.threshold_other_script) < 1e-9
    else:
        assert m.threshold_other_script is None and m.threshold_for("What was the trade volume?", zh) == m.threshold


def test_more_reader_margin_scores_higher_unless_the_reader_is_read_across_scripts():
    from qa.answer.answerability import script_gap

    m = Model.load()
    base = [0.65, 0.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0]
    high, low = base.copy(), base.copy()
    r = FEATURES.index("reader")
    high[r], low[r] = 6.0, -6.0
    assert m.score(high) > m.score(low)
    assert script_gap("What was the trade volume?", "贸易额达440亿美元") > 0.9


def test_numbers_count_a_year_said_as_last_year_and_any_number_reads():
    from qa.answer.answerability import features
    from qa.ingest.corpus import Passage
    from qa.question import analyze
    from qa.search.retrieve import Hit

    text = "去年两国贸易额达5.05亿美元。"
    hit = Hit(Passage("t.txt", 1, text, (text,), "巴西与挪威", "2025-03-01", None, ("巴西", "挪威")), 1.0, text, 0.9, {}, (0.9,))
    numbers = FEATURES.index("numbers")
    assert features(analyze("Brazil–Norway trade in 2024?"), [hit], True, True)[numbers] == 1.0
    assert features(analyze("Brazil–Norway trade in 2021?"), [hit], True, True)[numbers] == 0.0
    # A number of four characters that is no year ("5.05") is only looked for.
    assert features(analyze("Was it 5.05 or 6.05 billion?"), [hit], True, True)[numbers] == 0.5
