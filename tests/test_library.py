"""Growing the library: add / update / skip / reject / remove / list, the
incremental refresh, Traditional-Simplified matching, and one run on the
default encoders with a 5,000-character article. Real encoders and a real
FAISS index under tmp_path throughout."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import replace

import pytest

from conftest import CORPUS
from docmaker import SIMPLIFIED, TRADITIONAL, long_article, make_pdf
from qa.engine import Engine
from qa.index.build import build_index
from qa.errors import IndexBusyError, InputError
from qa.index.store import read_manifest, writer_lock
from qa.library import add_paths, list_docs, remove_doc
from qa.settings import FusionWeights, Settings


@pytest.fixture
def lib(use_settings) -> Settings:
    """The mini corpus, indexed with USE."""
    build_index(use_settings)
    return use_settings


def _statuses(report) -> dict:
    return {r.name: (r.status, r.reason) for r in report.results}


def _indexed_docs(settings) -> set:
    return set(Engine.open(settings).index.articles)


def test_add_every_format_and_refuse_bad_files_one_by_one(lib, tmp_path):
    up = tmp_path / "uploads"
    up.mkdir()
    (up / "mongolia.md").write_text("# 蒙古国与智利签署铜矿技术协议\n\n" + SIMPLIFIED.split("\n\n", 1)[1], encoding="utf-8")
    (up / "uzbek_big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (up / "port_gbk.txt").write_bytes("秘鲁港口升级\n\n秘鲁钱凯港二期工程开工，预计新增泊位4个，年吞吐能力提高到300万标准箱。\n".encode("gbk"))
    (up / "page.html").write_text("<html><head><script>alert(1)</script></head><body><h1>冰岛地热</h1><p>冰岛新建地热电站装机容量为90兆瓦。</p></body></html>", encoding="utf-8")
    (up / "rail.pdf").write_bytes(make_pdf(["阿根廷铁路", "阿根廷政府宣布修复北方货运铁路，全长约1200公里。"]))
    (up / "empty.txt").write_bytes(b"")
    (up / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (up / "garbage.txt").write_bytes(bytes((37 * i + 11) % 96 + 160 for i in range(400)))
    (up / "notes.docx").write_bytes(b"PK\x03\x04")
    (up / "headings.txt").write_text("标题一\n\n标题二\n", encoding="utf-8")
    with open(up / "huge.txt", "wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    shutil.copy(lib.corpus_dir / "b_norway.txt", up / "norway_copy.txt")
    before = {p.name: p.read_bytes() for p in lib.corpus_dir.iterdir() if p.is_file()}

    rep = add_paths(lib, [up])

    st = _statuses(rep)
    assert {n for n, (s, _) in st.items() if s == "added"} == {"mongolia.md", "uzbek_big5.txt", "port_gbk.txt", "page.html", "rail.pdf"}
    assert st["norway_copy.txt"] == ("skipped", "same content as b_norway.txt")
    for name, words in {"empty.txt": "empty", "photo.txt": "PNG image", "garbage.txt": "encoding", "notes.docx": "unknown file type",
                        "huge.txt": "over the 20 MB limit", "headings.txt": "no paragraphs"}.items():
        assert st[name][0] == "rejected" and words in st[name][1], (name, st[name])
    assert any(line.startswith("rejected huge.txt: ") for line in rep.lines())
    # Nothing already indexed is lost; accepted files are in the corpus as uploaded, bad ones are not.
    assert rep.build is not None and set(rep.build.embedded) == {"mongolia.md", "uzbek_big5.txt", "port_gbk.txt", "page.html", "rail.pdf"}
    for name, data in before.items():
        assert (lib.corpus_dir / name).read_bytes() == data
    assert (lib.corpus_dir / "uzbek_big5.txt").read_bytes() == TRADITIONAL.encode("big5")
    assert not (lib.corpus_dir / "empty.txt").exists() and not (lib.corpus_dir / "huge.txt").exists()
    docs = _indexed_docs(lib)
    assert docs == set(before) | {"mongolia.md", "uzbek_big5.txt", "port_gbk.txt", "page.html", "rail.pdf"}
    a = Engine.open(lib).ask("冰岛新建地热电站装机容量是多少？")
    assert a.hits[0].passage.doc == "page.html" and "alert" not in a.hits[0].passage.text


def test_upload_names_are_never_trusted(lib, tmp_path):
    outside = tmp_path / "evil.txt"
    tmp = tmp_path / "gradio-tmp"
    tmp.mkdir()
    names = ["../evil.txt", "sub/evil.txt", "..\\evil.txt", ".hidden.txt", "a..b.txt", "bad\x00.txt", " lead.txt", "x.exe", "ok.txt"]
    paths = []
    for i, _ in enumerate(names):
        p = tmp / f"upload{i}"  # temp names carry no extension: the given name decides
        p.write_text(f"报道{i}\n\n冰岛渔业出口额增长{i + 3}%，主要市场为欧洲。\n", encoding="utf-8")
        paths.append(p)
    rep = add_paths(lib, paths, names)
    st = _statuses(rep)
    assert st["ok.txt"] == ("added", "")
    assert [r.status for r in rep.results[:-1]] == ["rejected"] * (len(names) - 1)
    assert "path separators" in st["../evil.txt"][1] and "unknown file type .exe" in st["x.exe"][1]
    assert not outside.exists() and not (lib.corpus_dir / "sub").exists()
    assert sorted(p.name for p in lib.corpus_dir.iterdir() if p.is_file()) == ["a_brazil.txt", "b_norway.txt", "c_kenya.txt", "ok.txt"]
    with pytest.raises(InputError, match="one name per file"):
        add_paths(lib, paths, names[:2])


def test_update_replaces_old_passages_and_same_bytes_are_skipped(lib, tmp_path):
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    v1.write_text(SIMPLIFIED, encoding="utf-8")
    v2.write_text(SIMPLIFIED.replace("2027年投产", "2029年投产"), encoding="utf-8")
    assert _statuses(add_paths(lib, [v1], ["copper.txt"]))["copper.txt"][0] == "added"
    again = add_paths(lib, [v1], ["copper.txt"])
    assert _statuses(again)["copper.txt"] == ("skipped", "already in the library, unchanged") and again.build is None
    assert _statuses(add_paths(lib, [v1], ["copper2.txt"]))["copper2.txt"] == ("skipped", "same content as copper.txt")
    rep = add_paths(lib, [v2], ["copper.txt"])
    assert _statuses(rep)["copper.txt"][0] == "updated" and rep.build.embedded == ("copper.txt",)
    texts = [p.text for p in Engine.open(lib).index.passages if p.doc == "copper.txt"]
    assert any("2029年投产" in t for t in texts) and not any("2027年投产" in t for t in texts)


def test_list_and_remove(lib, tmp_path):
    docs = {d.doc: d for d in list_docs(lib)}
    assert docs["a_brazil.txt"].title == "巴西与智利深化农业合作" and docs["a_brazil.txt"].date == "2024-03-15"
    assert docs["a_brazil.txt"].paragraphs == 2 and docs["a_brazil.txt"].status == "indexed"
    assert abs(docs["a_brazil.txt"].indexed_at - time.time()) < 600
    (lib.corpus_dir / "dropped.txt").write_text(SIMPLIFIED, encoding="utf-8")  # copied in by hand, not indexed
    assert {d.doc: d.status for d in list_docs(lib)}["dropped.txt"].startswith("not indexed yet")
    (lib.corpus_dir / "dropped.txt").unlink()

    rep = remove_doc(lib, "b_norway.txt")
    assert "b_norway.txt" not in rep.indexed and rep.embedded == ()
    assert not (lib.corpus_dir / "b_norway.txt").exists()
    assert _indexed_docs(lib) == {"a_brazil.txt", "c_kenya.txt"}
    with pytest.raises(InputError, match="no article named nope.txt"):
        remove_doc(lib, "nope.txt")
    with pytest.raises(InputError, match="path separators"):
        remove_doc(lib, "../c_kenya.txt")
    remove_doc(lib, "c_kenya.txt")
    with pytest.raises(InputError, match="only article"):
        remove_doc(lib, "a_brazil.txt")
    assert _indexed_docs(lib) == {"a_brazil.txt"}


def test_refresh_embeds_only_what_changed(lib, capsys):
    t0 = time.perf_counter()
    rep = build_index(lib)
    elapsed = time.perf_counter() - t0
    assert rep.embedded == () and not rep.rebuilt and len(rep.indexed) == 3
    with capsys.disabled():
        print(f"\n[measure] unchanged refresh of the mini corpus: {elapsed * 1000:.0f} ms")
    path = lib.corpus_dir / "c_kenya.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("55兆瓦", "155兆瓦"), encoding="utf-8")
    shutil.copy(lib.corpus_dir / "a_brazil.txt", lib.corpus_dir / "z_same.txt")
    rep = build_index(lib)
    assert rep.embedded == ("c_kenya.txt",) and rep.duplicates == {"z_same.txt": "a_brazil.txt"}
    m = read_manifest(lib.index_dir)
    assert "z_same.txt" in m.files and m.duplicates == {"z_same.txt": "a_brazil.txt"}
    assert {d.doc: d.status for d in list_docs(lib)}["z_same.txt"] == "duplicate of a_brazil.txt"
    assert any("155兆瓦" in p.text for p in Engine.open(lib).index.passages)


def test_traditional_and_simplified_find_each_other(lib, tmp_path):
    (tmp_path / "t").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "s").write_text(SIMPLIFIED, encoding="utf-8")
    add_paths(lib, [tmp_path / "t", tmp_path / "s"], ["uzbek_trad.txt", "mongolia_simp.txt"])
    dense_only = replace(lib, weights=FusionWeights(bm25=0.0, entity=0.0, literal=0.0))
    for settings in (lib, dense_only):  # the dense side alone must bridge the scripts too
        eng = Engine.open(settings)
        a = eng.ask("乌兹别克斯坦与秘鲁的棉花研究中心哪一年投入使用？")  # Simplified question, Traditional article
        top = a.hits[0].passage
        assert top.doc == "uzbek_trad.txt"
        assert "研究中心將於2028年投入使用" in top.text  # the original text is what users see
        b = eng.ask("蒙古國與智利的選礦廠計劃哪一年投產？")  # Traditional question, Simplified article
        assert b.hits[0].passage.doc == "mongolia_simp.txt"


def test_a_second_writer_is_refused_and_changes_nothing(lib, tmp_path):
    (tmp_path / "new").write_text(SIMPLIFIED, encoding="utf-8")
    before = os.readlink(lib.index_dir / "current")
    with writer_lock(lib.index_dir):
        with pytest.raises(IndexBusyError, match=rf"another process \(pid {os.getpid()}\) is updating the index.*try again"):
            add_paths(lib, [tmp_path / "new"], ["new.txt"])
        with pytest.raises(IndexBusyError):
            remove_doc(lib, "a_brazil.txt")
        assert Engine.open(lib).ask("挪威卑尔根港扩建投资多少？").hits[0].passage.doc == "b_norway.txt"  # readers go on
    assert os.readlink(lib.index_dir / "current") == before
    assert not (lib.corpus_dir / "new.txt").exists() and not (lib.corpus_dir / ".incoming" / "new.txt").exists()


def test_five_articles_plus_a_long_one_on_default_encoders(engine, tmp_path, capsys):
    """The five real articles on e5 + USE (vectors reused from the session
    engine's cache, as they would be on a user's machine), then one new
    article of ~5,000 Chinese characters: timed, then asked about."""
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    shutil.copytree(CORPUS, settings.corpus_dir)
    shutil.copytree(engine.settings.index_dir / "cache", settings.index_dir / "cache")
    assert build_index(settings).embedded == ()
    article = tmp_path / "upload.tmp"
    article.write_text(long_article(), encoding="utf-8")
    t0 = time.perf_counter()
    rep = add_paths(settings, [article], ["mongolia_kazakhstan_logistics.txt"])
    elapsed = time.perf_counter() - t0
    assert _statuses(rep)["mongolia_kazakhstan_logistics.txt"][0] == "added"
    assert rep.build.embedded == ("mongolia_kazakhstan_logistics.txt",) and len(rep.build.indexed) == 6
    n_par = sum(1 for p in Engine.open(settings).index.passages if p.doc == "mongolia_kazakhstan_logistics.txt")
    with capsys.disabled():
        print(f"\n[measure] add one {len(long_article())}-char article ({n_par} paragraphs) to the five, e5+use: {elapsed:.1f} s")
    eng = Engine.open(settings)
    a = eng.ask("蒙古国与哈萨克斯坦之间的首趟跨境货运班列计划什么时候开通？")
    assert not a.abstained and "2027" in (a.answer or ""), a.answer
    assert a.hits[0].passage.doc == "mongolia_kazakhstan_logistics.txt" and "2027年3月" in a.hits[0].passage.text
    # In English the new article is cited too (the exact span in English is the answer stage's job).
    e = eng.ask("When will the first Mongolia-Kazakhstan cross-border freight train run?")
    assert not e.abstained and e.hits[0].passage.doc == "mongolia_kazakhstan_logistics.txt"
    assert any("2027年3月" in h.passage.text for h in e.hits)
    # Traditional article, Simplified question, on the default encoders: answered, shown as written.
    (tmp_path / "trad.tmp").write_bytes(TRADITIONAL.encode("big5"))
    add_paths(settings, [tmp_path / "trad.tmp"], ["uzbek_peru_trad.txt"])
    a = Engine.open(settings).ask("乌兹别克斯坦与秘鲁的棉花研究中心哪一年投入使用？")
    assert a.hits[0].passage.doc == "uzbek_peru_trad.txt" and "將於2028年" in a.hits[0].passage.text
    assert not a.abstained and "2028" in (a.answer or ""), a
    out = json.dumps([d.__dict__ for d in list_docs(settings)], ensure_ascii=False)
    assert "蒙古国与哈萨克斯坦打通跨境物流新通道" in out
