"""`qa index --index-kind`: the automatic choice of FAISS index can be overridden
from the command line, and an up-to-date index is converted without re-embedding."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from qa.index.ann import Refined, kind_on_disk

REPO = Path(__file__).resolve().parent.parent
QUESTION = "巴西向智利出口什么？"


def _index(settings, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "qa.cli", "index", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir), "--encoders", "use", *extra]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)


def _kinds(index_dir: Path) -> set[str]:
    return {kind_on_disk(f) for f in (index_dir / "current").resolve().glob("*.faiss")}


def test_index_kind_override_builds_converts_and_back(use_settings):
    from qa.engine import Engine

    first = _index(use_settings)
    assert first.returncode == 0, first.stderr
    assert _kinds(use_settings.index_dir) == {"flat"}  # a tiny corpus: exact
    cache = sorted(p.name for p in (use_settings.index_dir / "cache").iterdir())

    conv = _index(use_settings, "--index-kind", "ivf")
    assert conv.returncode == 0, conv.stderr
    assert "rebuilt 2 FAISS indexes as ivf" in conv.stdout
    assert _kinds(use_settings.index_dir) == {"ivf"}
    assert sorted(p.name for p in (use_settings.index_dir / "cache").iterdir()) == cache  # nothing re-embedded
    engine = Engine.open(use_settings)
    ix = engine.index
    assert isinstance(ix.para_faiss["use"], Refined) and ix.para_vecs["use"].dtype == np.float16
    q = engine.encoders["use"].encode_queries([QUESTION])
    scores, ids = ix.sent_faiss["use"].search(q, 3)
    np.testing.assert_allclose(scores[0], np.asarray(ix.sent_vecs["use"][ids[0]], np.float32) @ q[0], atol=1e-5)
    assert engine.ask(QUESTION).hits

    again = _index(use_settings, "--index-kind", "ivf")  # already that kind: nothing to do
    assert again.returncode == 0 and "rebuilt" not in again.stdout

    back = _index(use_settings, "--index-kind", "auto")
    assert back.returncode == 0 and "rebuilt 2 FAISS indexes as auto" in back.stdout
    assert _kinds(use_settings.index_dir) == {"flat"}
    assert Engine.open(use_settings).index.para_vecs["use"].dtype == np.float32
    versions = sorted(p.name for p in use_settings.index_dir.glob("v-*"))
    assert len(versions) == 2  # the current version and the one before it, as after a build


def test_unknown_index_kind_on_the_command_line_names_the_choices(use_settings):
    bad = _index(use_settings, "--index-kind", "annoy")
    assert bad.returncode == 2
    assert "invalid choice: 'annoy'" in bad.stderr and "flat" in bad.stderr and "ivf" in bad.stderr
