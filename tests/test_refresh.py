"""The incremental refresh beyond the everyday case: an edit that keeps the
file's size and mtime, the hashing a refresh may skip, and the per-article
vector cache shrinking with the corpus. Real USE encoder and a real index
under tmp_path."""

from __future__ import annotations

import os

import pytest

import qa.index.build
from docmaker import SIMPLIFIED
from qa.models.encoders import get_encoder
from qa.engine import Engine
from qa.index.build import build_index, scan_corpus
from qa.index.cache import cache_path
from qa.library import add_paths, remove_doc
from qa.index.store import read_manifest


@pytest.fixture
def lib(use_settings):
    build_index(use_settings)
    return use_settings


@pytest.fixture
def hashed(monkeypatch) -> list:
    """The names of the files the engine reads to hash (the real hash still runs)."""
    seen = []
    real = qa.index.build.file_sha256

    def counting(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(qa.index.build, "file_sha256", counting)
    return seen


def test_a_same_size_edit_with_its_mtime_put_back_is_noticed(lib):
    path = lib.corpus_dir / "c_kenya.txt"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "55兆瓦" in text
    path.write_text(text.replace("55兆瓦", "56兆瓦"), encoding="utf-8")  # same length in bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    rep = build_index(lib)

    assert rep.rebuilt and rep.embedded == ("c_kenya.txt",)
    texts = [p.text for p in Engine.open(lib).index.passages if p.doc == "c_kenya.txt"]
    assert any("56兆瓦" in t for t in texts) and not any("55兆瓦" in t for t in texts)


def test_an_unchanged_refresh_hashes_nothing_even_right_after_an_add(lib, tmp_path, hashed):
    assert not build_index(lib).rebuilt and hashed == []
    (tmp_path / "up").write_text(SIMPLIFIED, encoding="utf-8")
    add_paths(lib, [tmp_path / "up"], ["copper.txt"])  # staged in the journal, then moved in: a new ctime
    hashed.clear()
    rep = build_index(lib)
    assert not rep.rebuilt and rep.embedded == () and hashed == []
    (lib.corpus_dir / "a_brazil.txt").touch()  # a new mtime, same bytes: hashed, not embedded
    rep = build_index(lib)
    assert not rep.rebuilt and set(hashed) == {"a_brazil.txt"}
    hashed.clear()
    assert not build_index(lib).rebuilt and hashed == []
    assert {d: f["sha256"] for d, f in read_manifest(lib.index_dir).files.items()} == {
        a.doc: a.sha256 for a in scan_corpus(lib.corpus_dir)[0]}


def test_an_edit_made_while_the_index_is_built_is_picked_up_next_time(lib):
    brazil, kenya = lib.corpus_dir / "a_brazil.txt", lib.corpus_dir / "c_kenya.txt"
    brazil.write_text(brazil.read_text(encoding="utf-8").replace("12.5亿美元", "13.5亿美元"), encoding="utf-8")
    edited = []

    def edit_kenya_once(enc_id, doc):  # called as each article is embedded: the build is under way
        if not edited:
            kenya.write_text(kenya.read_text(encoding="utf-8").replace("55兆瓦", "65兆瓦"), encoding="utf-8")
            edited.append(doc)

    assert build_index(lib, progress=edit_kenya_once).embedded == ("a_brazil.txt",) and edited
    rep = build_index(lib)  # the index holds Kenya as it was read before the edit: not up to date
    assert rep.rebuilt and rep.embedded == ("c_kenya.txt",)
    assert any("65兆瓦" in p.text for p in Engine.open(lib).index.passages)


def _cache_files(settings) -> dict:
    """doc -> its cache file, for every article of the corpus as it is now."""
    enc = get_encoder("use")
    return {a.doc: cache_path(settings.index_dir / "cache", a, enc) for a in scan_corpus(settings.corpus_dir)[0]}


def test_the_vector_cache_drops_what_no_article_uses(lib):
    cache = lib.index_dir / "cache"
    first = _cache_files(lib)
    assert all(p.exists() for p in first.values()) and len(list(cache.iterdir())) == 3
    kept = first["a_brazil.txt"].stat().st_mtime_ns
    torn = cache / (first["a_brazil.txt"].name + ".tmp999999")  # what a writer killed mid-save leaves
    torn.write_bytes(b"half a file")

    remove_doc(lib, "b_norway.txt")

    assert not first["b_norway.txt"].exists() and not torn.exists()
    assert first["a_brazil.txt"].stat().st_mtime_ns == kept  # an unchanged article keeps its vectors untouched
    # A changed article: its old vectors go, its new ones stay.
    kenya = lib.corpus_dir / "c_kenya.txt"
    kenya.write_text(kenya.read_text(encoding="utf-8").replace("55兆瓦", "155兆瓦"), encoding="utf-8")
    assert build_index(lib).embedded == ("c_kenya.txt",)
    now = _cache_files(lib)
    assert not first["c_kenya.txt"].exists() and now["c_kenya.txt"].exists()
    assert sorted(cache.iterdir()) == sorted(now.values())
    assert Engine.open(lib).ask("挪威卑尔根港扩建投资多少？").hits[0].passage.doc != "b_norway.txt"
