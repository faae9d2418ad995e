"""Crash safety and concurrency with real processes: `qa add` of a large
folder is SIGKILLed midway, or runs while we ask questions and try to write.
Every wait is bounded in time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO
from docmaker import many_articles
from qa.engine import Engine
from qa.index.build import build_index
from qa.errors import IndexBusyError
from qa.index.store import read_manifest
from qa.library import list_docs

MINI_QUESTION = "挪威卑尔根港扩建投资多少？"


def _cli(settings, *args) -> list[str]:
    return [sys.executable, "-m", "qa.cli", *args, "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir), "--encoders", "use"]


def _bulk_folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "bulk"
    folder.mkdir()
    for name, text in many_articles(n):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _start_add(settings, folder: Path, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / "add.log"
    proc = subprocess.Popen(_cli(settings, "add", str(folder)), cwd=REPO, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    return proc, log


def _wait_mid_build(proc, log: Path, index_dir: Path, min_new_cache: int, timeout: float = 240) -> None:
    """Until the writer has a half-built version folder and has embedded a few articles."""
    cache = index_dir / "cache"
    baseline = len(list(cache.glob("*.npz")))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"qa add ended (code {proc.returncode}) before the marker: {log.read_text(errors='replace')[-2000:]}")
        if list(index_dir.glob(".building-*")) and len(list(cache.glob("*.npz"))) >= baseline + min_new_cache:
            return
        time.sleep(0.05)
    proc.kill()
    pytest.fail("qa add did not reach the middle of its build in time")


def _articles(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def test_sigkill_mid_add_leaves_the_previous_index_and_the_next_index_completes(use_settings, tmp_path):
    s = use_settings
    build_index(s)
    before_link = os.readlink(s.index_dir / "current")
    before_files = _articles(s.corpus_dir)
    n = 40
    proc, log = _start_add(s, _bulk_folder(tmp_path, n), tmp_path)
    _wait_mid_build(proc, log, s.index_dir, min_new_cache=3)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL

    # The previous index is intact and still answers, in-process and from the CLI.
    assert os.readlink(s.index_dir / "current") == before_link
    assert _articles(s.corpus_dir) == before_files  # new files wait in the journal, unseen by readers
    a = Engine.open(s).ask(MINI_QUESTION)
    assert a.hits[0].passage.doc == "b_norway.txt" and not a.abstained
    out = subprocess.run(_cli(s, "ask", MINI_QUESTION, "--json"), cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    cited = json.loads(out.stdout)["citations"]
    assert cited and cited[0]["doc"] == "b_norway.txt"
    listed = {d.doc: d.status for d in list_docs(s)}  # the interrupted add shows as pending
    assert {d for d, st in listed.items() if st == "indexed"} == before_files
    assert all(st.startswith("not indexed yet") for d, st in listed.items() if d not in before_files)

    # The next `qa index` completes the interrupted add, reusing what was embedded.
    t0 = time.perf_counter()
    done = subprocess.run(_cli(s, "index"), cwd=REPO, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - t0
    assert done.returncode == 0, done.stderr
    assert f"indexed {3 + n} articles" in done.stdout
    embedded = int(done.stdout.split("(embedded ")[1].split(",")[0])
    assert embedded <= n - 3  # at least the 3 articles embedded before the kill came from the cache
    print(f"\n[measure] qa index after the kill: {elapsed:.1f} s, {done.stdout.strip()}")
    m = read_manifest(s.index_dir)
    assert len(m.files) == 3 + n and not list(s.index_dir.glob(".building-*"))
    assert len(_articles(s.corpus_dir)) == 3 + n and not _articles(s.corpus_dir / ".incoming")
    b = Engine.open(s).ask("项目代号为QX-017的物流项目一期工程投资多少？")
    assert b.hits[0].passage.doc == "bulk_017.txt"


def test_questions_are_answered_while_an_add_runs_and_a_second_writer_is_refused(use_settings, tmp_path):
    s = use_settings
    build_index(s)
    proc, log = _start_add(s, _bulk_folder(tmp_path, 30), tmp_path)
    try:
        _wait_mid_build(proc, log, s.index_dir, min_new_cache=1)
        # The writer is paused mid-build (it keeps its lock): on a quiet machine it
        # would otherwise finish before the checks below start, and they would race it.
        os.kill(proc.pid, signal.SIGSTOP)
        a = Engine.open(s).ask(MINI_QUESTION)  # readers follow `current`, never wait for the writer
        assert a.hits[0].passage.doc == "b_norway.txt" and not a.abstained
        # ... and the writer was still at work afterwards: a second writer is refused.
        with pytest.raises(IndexBusyError, match=rf"another process \(pid {proc.pid}\) is updating the index"):
            build_index(s)
        busy = subprocess.run(_cli(s, "index"), cwd=REPO, capture_output=True, text=True, timeout=120)
        assert busy.returncode == 2 and "another process" in busy.stderr and "try again" in busy.stderr
        os.kill(proc.pid, signal.SIGCONT)
        assert proc.wait(timeout=600) == 0, log.read_text(errors="replace")[-2000:]
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
            proc.wait(timeout=30)
    assert "added bulk_029.txt" in log.read_text(errors="replace")
    assert len(Engine.open(s).index.articles) == 33
