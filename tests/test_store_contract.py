"""The store contract (qa.index.contract), the same tests on both stores:
the in-process FAISS folder and Milvus (a Milvus Lite file under tmp_path).

No models: a deterministic fake encoder goes through the real writer
(`write_index`), so the tests take seconds. Oracles: numpy for dense top-k,
bm25s (qa.index.bm25.BM25) for BM25 scores.
"""

from __future__ import annotations

import hashlib
import time

import numpy as np
import pytest

from qa.errors import IndexMissingError, StaleIndexError, StoreUnavailableError
from qa.index.backends import open_backend
from qa.index.bm25 import BM25
from qa.index.cache import LEXICON_KEY, current_postings, entity_postings
from qa.index.contract import Store
from qa.ingest.corpus import Passage
from qa.index.loaded import write_index
from qa.index.store import check_manifest
from qa.ingest.corpus import parse_article
from qa.settings import Settings
from qa.text.lexical import tokenize
from tests.conftest import MINI

STORES = ("faiss", "milvus")


class FakeEncoder:
    """Vectors from a hash of the text: deterministic, normalised, no model."""

    def __init__(self, id: str = "fake", dim: int = 16):
        self.id, self.dim, self.calls = id, dim, 0

    def encode_passages(self, texts):
        self.calls += len(texts)
        out = np.array([np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)).normal(size=self.dim) for t in texts], np.float32).reshape(len(texts), self.dim)
        return out / np.linalg.norm(out, axis=1, keepdims=True).clip(1e-9)

    encode_queries = encode_passages


def articles(names=None):
    out = []
    for path in sorted(MINI.iterdir()):
        if names is None or path.name in names:
            out.append(parse_article(path.name, path.read_text(encoding="utf-8"), hashlib.sha256(path.read_bytes()).hexdigest()))
    return out


def settings(tmp_path, backend):
    return Settings(corpus_dir=MINI, index_dir=tmp_path / "index", encoders=("fake",), backend=backend,
                    milvus_uri=str(tmp_path / "m.db") if backend == "milvus" else "")


def write(s, arts, enc):
    files = {a.doc: {"sha256": a.sha256} for a in arts}
    return write_index(s.index_dir, arts, files, [enc], {}, {}, backend=open_backend(s))


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    s = settings(tmp_path, request.param)
    enc = FakeEncoder()
    rep = write(s, articles(), enc)
    st = open_backend(s).load()
    yield st, s, enc, rep


def test_implements_the_protocol_and_round_trips_the_table(store):
    st, s, enc, rep = store
    assert isinstance(st, Store)
    arts = articles()
    passages = [p for a in arts for p in a.passages]
    assert list(st.passages) == passages
    assert st.manifest.n_passages == len(passages) and st.manifest.encoders == ("fake",)
    owner = [i for i, p in enumerate(passages) for _ in p.sentences]
    assert st.sent_owner.tolist() == owner
    assert [st.sent_text[r] for r in range(len(owner))] == [x for p in passages for x in p.sentences]
    expected = {k: v for k, v in entity_postings(passages).items() if k != LEXICON_KEY}
    assert set(st.entity_postings) == set(expected)
    for k, rows in expected.items():
        assert st.entity_postings[k].tolist() == rows.tolist()
    assert list(st.articles) == [a.doc for a in arts]
    assert rep.embedded == tuple(a.doc for a in arts)


def test_dense_top_and_vectors_equal_numpy(store):
    st, s, enc, _ = store
    passages = list(st.passages)
    para = enc.encode_passages([p for p in _inputs(passages, "para")])
    sent = enc.encode_passages([p for p in _inputs(passages, "sent")])
    np.testing.assert_allclose(st.vectors("para", "fake", np.array([2, 0, 1])), para[[2, 0, 1]], atol=1e-6)
    np.testing.assert_allclose(st.vectors("sent", "fake", np.arange(len(sent))[::-1]), sent[::-1], atol=1e-6)
    q = enc.encode_queries(["巴西出口"])[0]
    for level, vecs in (("para", para), ("sent", sent)):
        k = 3
        expected = np.argsort(-(vecs @ q), kind="stable")[:k]
        if level == "sent":
            expected = st.sent_owner[expected]
        assert st.dense_top(level, "fake", q, k).tolist() == expected.tolist()


def test_bm25_equals_bm25s(store):
    st, *_ = store
    passages = list(st.passages)
    oracle = BM25.build([tokenize(f"{p.context} {p.text}") for p in passages])
    rows = np.arange(len(passages))
    for question in ("巴西 智利 出口 出口", "挪威港口扩建", "solar 1.2亿美元", "没有的词"):
        toks = tokenize(question)
        expected = oracle.scores(toks)
        np.testing.assert_allclose(st.bm25_scores(toks, rows), expected, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(st.bm25_scores(toks, rows[::-1]), expected[::-1], rtol=1e-5, atol=1e-6)
        top = st.bm25_top(toks, 2)
        if np.count_nonzero(expected) >= 2:
            assert sorted(expected[top].tolist()) == sorted(np.sort(expected)[-2:].tolist())


def test_refresh_embeds_only_changed_articles_and_publishes_atomically(store, tmp_path):
    st, s, enc, _ = store
    before = enc.calls
    kept = articles({"a_brazil.txt", "c_kenya.txt"})  # b removed
    rep = write(s, kept, enc)
    assert rep.embedded == () and enc.calls == before  # every vector came from the cache
    new = open_backend(s).load()
    assert list(new.articles) == ["a_brazil.txt", "c_kenya.txt"]
    # A reader that opened the previous version still reads it whole.
    assert "b_norway.txt" in st.articles and len(st.vectors("para", "fake", np.arange(len(st.passages)))) == len(st.passages)
    assert st.bm25_scores(tokenize("挪威"), np.arange(len(st.passages))).max() > 0
    # A changed article is embedded again, and only it.
    changed = [a if a.doc != "c_kenya.txt" else parse_article(a.doc, "肯尼亚新闻\n\n肯尼亚修建了新的铁路。", "x" * 64) for a in kept]
    assert write(s, changed, enc).embedded == ("c_kenya.txt",)


def test_foreign_encoders_and_missing_index_are_clear_errors(tmp_path):
    for backend in STORES:
        s = settings(tmp_path / backend, backend)
        with pytest.raises(IndexMissingError):
            open_backend(s).read_manifest()
        write(s, articles(), FakeEncoder())
        m = open_backend(s).read_manifest()
        with pytest.raises(StaleIndexError, match="encoders fake, not e5"):
            check_manifest(m, ("e5",), {d: f["sha256"] for d, f in m.files.items()}, s.index_dir)


def test_unreachable_milvus_server_is_one_clear_error(tmp_path):
    s = Settings(index_dir=tmp_path / "index", backend="milvus", milvus_uri="http://127.0.0.1:9")  # discard port: nothing listens
    t = time.perf_counter()
    with pytest.raises(StoreUnavailableError, match="cannot reach Milvus at http://127.0.0.1:9"):
        open_backend(s).read_manifest()
    assert time.perf_counter() - t < 30


def _inputs(passages, level):
    from qa.index.cache import passage_input, sentence_input

    if level == "para":
        return [passage_input(p) for p in passages]
    return [sentence_input(p, x) for p in passages for x in p.sentences]


def test_milvus_lite_file_and_folder_need_no_server(tmp_path):
    """A URI without `://` must be a .db file (Milvus Lite)."""
    from qa.errors import InputError

    with pytest.raises(InputError, match="ending in .db"):
        open_backend(Settings(index_dir=tmp_path, backend="milvus", milvus_uri=str(tmp_path / "x.sqlite")))


def test_milvus_lite_file_held_by_another_process_is_one_clear_error(tmp_path):
    """Milvus Lite serves one process; a second one is told so (and to use a server)."""
    import subprocess
    import sys

    from tests.conftest import REPO

    db = tmp_path / "held.db"
    holder = subprocess.Popen([sys.executable, "-c", f"from qa.index.milvus import connect; c = connect({str(db)!r}); c.list_collections(); print('ok', flush=True); input()"],
                              cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreUnavailableError, match="open in another process"):
            open_backend(Settings(index_dir=tmp_path, backend="milvus", milvus_uri=str(db))).read_manifest()
    finally:
        holder.communicate("\n", timeout=30)


def test_postings_made_with_an_older_entity_table_are_made_again():
    """An index built before an alias was added ("Swiss") must not say that
    country is in no article: stale postings are recomputed on load."""
    from qa.text.entities import LEXICON_VERSION

    passages = [Passage("a.txt", 1, "Swiss banks lend to Brazil.", ("Swiss banks lend to Brazil.",), "T", None, None, ())]
    fresh = current_postings(entity_postings(passages), passages)
    assert set(fresh) == {"CH", "BR"}
    stale = {"BR": np.array([0]), LEXICON_KEY: np.array([LEXICON_VERSION - 1])}
    assert current_postings(stale, passages).keys() == fresh.keys()
    assert current_postings({"BR": np.array([0])}, passages).keys() == fresh.keys()  # unstamped: made before stamps
