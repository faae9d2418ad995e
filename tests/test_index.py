"""The index on disk: FAISS agrees with brute force, a save/load round trip
keeps everything, and a missing, stale or foreign index is a clear error."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from qa.engine import Engine
from qa.index.build import build_index
from qa.errors import IndexMissingError, StaleIndexError
from qa.index.ann import make_faiss
from qa.index.loaded import load_index
from qa.index.store import FORMAT_VERSION, read_manifest


@pytest.fixture
def built(use_settings):
    build_index(use_settings)
    return use_settings


def test_flat_faiss_equals_numpy_brute_force(built):
    """The stored FAISS index returns exactly the ranking of a numpy dot product."""
    ix = load_index(built.index_dir)
    from qa.models.encoders import get_encoder

    vecs = np.asarray(ix.sent_vecs["use"])
    queries = get_encoder("use").encode_queries(["巴西向智利出口什么？", "How large is the new solar plant?", "挪威港口"])
    k = min(5, len(vecs))
    scores, ids = ix.sent_faiss["use"].search(queries, k)
    brute = queries @ vecs.T
    for q in range(len(queries)):
        expected = np.argsort(-brute[q], kind="stable")[:k]
        np.testing.assert_allclose(scores[q], brute[q][expected], rtol=1e-5, atol=1e-5)
        # The rows FAISS returns really have those scores (ties may swap rows).
        np.testing.assert_allclose(brute[q][ids[q]], scores[q], rtol=1e-5, atol=1e-5)


def test_flat_faiss_on_random_unit_vectors_matches_numpy():
    rng = np.random.default_rng(7)
    base = rng.normal(size=(500, 64)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    queries = base[:10] + 0.1 * rng.normal(size=(10, 64)).astype(np.float32)
    index = make_faiss(base, "flat")
    _, ids = index.search(queries, 10)
    expected = np.argsort(-(queries @ base.T), axis=1)[:, :10]
    np.testing.assert_array_equal(ids, expected)


def test_save_load_round_trip(built):
    from qa.ingest.corpus import load_corpus

    ix = load_index(built.index_dir)
    articles = load_corpus(built.corpus_dir).articles
    expected = [p for a in articles for p in a.passages]
    assert ix.passages == expected  # every field, context included
    assert ix.manifest.n_passages == len(expected)
    assert ix.manifest.encoders == ("use",)
    assert len(ix.sent_owner) == sum(len(p.sentences) for p in expected) == ix.manifest.n_sentences
    for level, vecs in (("para", ix.para_vecs["use"]), ("sent", ix.sent_vecs["use"])):
        faiss_index = (ix.para_faiss if level == "para" else ix.sent_faiss)["use"]
        assert faiss_index.ntotal == len(vecs)
        np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    # Loading twice gives the same thing: nothing depends on process state.
    again = load_index(built.index_dir)
    np.testing.assert_array_equal(np.asarray(again.para_vecs["use"]), np.asarray(ix.para_vecs["use"]))


def test_rebuild_of_unchanged_corpus_embeds_nothing(built):
    report = build_index(built)
    assert report.embedded == ()
    assert len(report.indexed) == 3


def test_missing_index_says_how_to_build(use_settings):
    with pytest.raises(IndexMissingError, match="qa index"):
        Engine.open(use_settings, build_if_missing=False)


def test_changed_corpus_is_stale_and_names_the_file(built):
    Engine.open(built)  # fresh: opens
    (built.corpus_dir / "c_kenya.txt").write_text("肯尼亚的新文章。内容完全不同了，有新的段落。", encoding="utf-8")
    with pytest.raises(StaleIndexError, match=r"c_kenya\.txt.*qa index"):
        Engine.open(built)


def test_new_file_makes_index_stale(built):
    (built.corpus_dir / "d_new.txt").write_text("一篇新加入的文章，讲述新的内容。", encoding="utf-8")
    with pytest.raises(StaleIndexError, match="d_new.txt"):
        Engine.open(built)


def test_other_encoders_are_refused_with_the_fix(built):
    with pytest.raises(StaleIndexError, match=r"encoders use.*qa index --encoders e5"):
        Engine.open(replace(built, encoders=("e5",)))


def test_other_format_version_is_refused(built):
    manifest = built.index_dir / "current" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["format_version"] = FORMAT_VERSION + 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StaleIndexError, match="format"):
        Engine.open(built)


def test_index_embedded_by_an_older_program_is_stale_and_rebuilt(built):
    """Vectors from another embedding recipe must not be mixed with this
    program's query vectors: the index is refused, and `qa index` re-embeds."""
    manifest = built.index_dir / "current" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data.pop("recipe")  # as written before the recipe was recorded
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StaleIndexError, match="older version.*qa index"):
        Engine.open(built)
    assert build_index(built).rebuilt
    Engine.open(built)


def test_chat_start_refreshes_a_stale_index(built):
    """`qa ask` stops at a stale index; starting the chat refreshes it instead."""
    from qa.web.serving import open_chat

    (built.corpus_dir / "d_new.txt").write_text("冰岛的地热发电占全国电力的三成。", encoding="utf-8")
    said = []
    chat, _ = open_chat(built, say=said.append)
    assert any("d_new.txt" in line and "Refreshing" in line for line in said)
    assert "d_new.txt" in chat.engine.docs


def test_corrupt_manifest_is_an_error_not_a_crash(built):
    (built.index_dir / "current" / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StaleIndexError, match="qa index"):
        read_manifest(built.index_dir)


def test_cli_on_stale_index_is_one_line_exit_2(built):
    (built.corpus_dir / "b_norway.txt").write_text("挪威的文章被改写了。新的内容在这里。", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", "挪威港口", "--corpus", str(built.corpus_dir), "--index", str(built.index_dir), "--encoders", "use"],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith("qa: error:") and "qa index" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
