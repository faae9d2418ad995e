"""The whole pipeline on Milvus (a Milvus Lite file), with the real models:
`qa index --milvus-uri FILE` then `qa ask`, and the dev set answered as from
the default FAISS store (the session `engine` fixture).

The vectors the FAISS build embedded are copied into the Milvus run's cache,
so nothing is embedded twice (which also checks that a cached article is
not embedded again).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace

import numpy as np

from tests.conftest import CORPUS, REPO

QUESTION = "What was the 2024 Kazakhstan–China trade volume?"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], capture_output=True, text=True, timeout=400, cwd=REPO)


def test_index_then_ask_on_milvus_lite(engine, tmp_path):
    ix, db = tmp_path / "index", tmp_path / "kz.db"
    shutil.copytree(engine.settings.index_dir / "cache", ix / "cache")
    where = ["--corpus", str(CORPUS), "--index", str(ix), "--backend", "milvus", "--milvus-uri", str(db)]
    r = _cli("index", *where)
    assert r.returncode == 0, r.stderr
    assert "indexed 5 articles" in r.stdout and "embedded 0" in r.stdout and str(db) in r.stdout
    assert not list(ix.glob("v-*"))  # nothing went into a FAISS folder
    r = _cli("ask", "--json", QUESTION, *where)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "440亿美元" in out["answer"] and not out["abstained"]
    assert out["citations"][0]["doc"].startswith("004_")
    r = _cli("list", "--json", *where)
    assert [d["status"] for d in json.loads(r.stdout)] == ["indexed"] * 5
    # Other encoders than the index holds: one line, exit 2.
    r = _cli("ask", QUESTION, *where, "--encoders", "use")
    assert r.returncode == 2 and "built with encoders e5, use, not use" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_dev_set_same_first_citations_and_answers_on_both_stores(engine, tmp_path):
    from qa.engine import Engine
    from qa.index.build import build_index

    s = replace(engine.settings, index_dir=tmp_path / "index", backend="milvus", milvus_uri=str(tmp_path / "dev.db"))
    shutil.copytree(engine.settings.index_dir / "cache", s.index_dir / "cache")
    assert build_index(s).embedded == ()
    milvus = Engine.open(s, build_if_missing=False)
    items = [json.loads(line) for line in (REPO / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for it in items:
        a, b = engine.ask(it["question"]), milvus.ask(it["question"])
        assert (a.answer, a.abstained) == (b.answer, b.abstained), it["id"]
        assert [(h.passage.doc, h.passage.para_no) for h in a.hits] == [(h.passage.doc, h.passage.para_no) for h in b.hits], it["id"]
        np.testing.assert_allclose([h.score for h in a.hits], [h.score for h in b.hits], atol=1e-3, err_msg=it["id"])


def test_add_and_remove_on_milvus_embed_only_the_change(use_settings, tmp_path):
    """The library's add / remove go through the same writer on Milvus: only
    the new article is embedded, a removed one is no longer cited."""
    from qa.engine import Engine
    from qa.index.build import build_index
    from qa.library import add_paths, list_docs, remove_doc

    s = replace(use_settings, backend="milvus", milvus_uri=str(tmp_path / "lib.db"))
    assert set(build_index(s).embedded) == {"a_brazil.txt", "b_norway.txt", "c_kenya.txt"}
    new = tmp_path / "peru.txt"
    new.write_text("秘鲁铜矿出口\n\n秘鲁2024年铜矿出口额达到210亿美元。\n", encoding="utf-8")
    rep = add_paths(s, [new])
    assert rep.build.embedded == ("peru.txt",) and len(rep.build.indexed) == 4
    assert Engine.open(s).ask("秘鲁2024年铜矿出口额是多少？").hits[0].passage.doc == "peru.txt"
    remove_doc(s, "b_norway.txt")
    assert {d.doc for d in list_docs(s)} == {"a_brazil.txt", "c_kenya.txt", "peru.txt"}
    assert all(h.passage.doc != "b_norway.txt" for h in Engine.open(s).ask("挪威港口扩建投资多少？").hits)
