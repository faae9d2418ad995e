"""The on-disk cache of derived tables (qa.text.derived) and the fast exit of read-only commands."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa.text import derived

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_from_disk(cache):
    build, calls = counting({"trade": ("贸易",)})
    assert derived.derived("t", 1, ("numpy",), build) == {"trade": ("贸易",)}
    assert derived.derived("t", 1, ("numpy",), build) == {"trade": ("贸易",)}
    assert len(calls) == 1
    assert len(list(cache.glob("t-*.pickle"))) == 1


def test_a_new_code_version_rebuilds(cache):
    build, calls = counting([1])
    derived.derived("t", 1, (), build)
    derived.derived("t", 2, (), build)
    assert len(calls) == 2


def test_a_damaged_file_is_rebuilt_not_trusted(cache):
    build, calls = counting("fresh")
    derived.derived("t", 1, (), build)
    (path,) = cache.glob("t-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert derived.derived("t", 1, (), build) == "fresh"
    assert len(calls) == 2


def test_a_cache_that_cannot_be_written_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("QA_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting(42)
    assert derived.derived("t", 1, (), build) == 42
    assert derived.derived_file("f", 1, (), ".bin", lambda p: p.write_bytes(b"x")) is None


def test_derived_file_is_written_once_and_atomically(cache):
    writes = []

    def write(path):
        writes.append(path)
        path.write_bytes(b"weights")

    first = derived.derived_file("w", 1, ("numpy",), ".bin", write)
    second = derived.derived_file("w", 1, ("numpy",), ".bin", write)
    assert first == second and first.read_bytes() == b"weights"
    assert len(writes) == 1
    assert not list(cache.glob("*.tmp*")), "no temporary file is left behind"


def test_a_failed_write_leaves_nothing_behind(cache):
    def write(path):
        path.write_bytes(b"half")
        raise OSError("disk full")

    assert derived.derived_file("w", 1, (), ".bin", write) is None
    assert not list(cache.glob("*"))


def test_the_word_tables_come_back_equal_from_the_cache(cache):
    from qa.text import lexical

    built = lexical._build_cedict_zh()
    lexical._cedict.cache_clear()
    lexical._cedict_zh.cache_clear()
    try:
        first = lexical._cedict_zh()  # builds and stores
        lexical._cedict.cache_clear()
        lexical._cedict_zh.cache_clear()
        again = lexical._cedict_zh()  # from disk
    finally:
        lexical._cedict.cache_clear()
        lexical._cedict_zh.cache_clear()
    assert first == built == again
    assert "trade" in again["贸易"]


def test_a_read_only_command_prints_everything_before_its_fast_exit(tmp_path):
    # `qa search` over an empty library: the error message must still arrive
    # (stderr flushed before os._exit) and the exit code must be kept.
    env = {**os.environ, "QA_CACHE_DIR": str(tmp_path / "cache")}
    r = subprocess.run(
        [sys.executable, "-m", "qa.cli", "search", "trade", "--corpus", str(tmp_path / "none"), "--index", str(tmp_path / "ix")],
        capture_output=True, text=True, timeout=120, cwd=REPO, env=env,
    )
    assert r.returncode == 2, r.stderr
    assert "qa: error:" in r.stderr
