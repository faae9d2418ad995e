"""Provenance export: `qa ask --format markdown` and qa.answer.provenance give
the article, date, paragraph and character offsets that find the quoted
sentence and the answer again in the article file."""

from __future__ import annotations

import pytest

from qa.answer.provenance import provenance, provenance_markdown

CHINA = "What was the 2024 Kazakhstan–China trade volume?"


def test_offsets_find_the_sentence_and_the_answer_in_the_file(engine):
    a = engine.ask(CHINA)
    pv = provenance(a, engine.settings.corpus_dir)
    text = (engine.settings.corpus_dir / pv.doc).read_text(encoding="utf-8")
    assert (pv.doc, pv.date, pv.paragraph) == ("004_86a8fb1eaa77d1c9.txt", "2025-09-03", 1)
    assert text[pv.sentence_start:pv.sentence_end] == pv.sentence and "440亿美元" in pv.sentence
    assert text[pv.span_start:pv.span_end] == "440亿美元" == a.answer
    assert text.splitlines()[pv.line - 1].find(pv.sentence) >= 0 and pv.offsets_in == "file text"


def test_markdown_export_and_the_command(engine, capsys):
    from qa.cli import main

    md = provenance_markdown(engine.ask(CHINA), engine.settings.corpus_dir)
    assert "**A:** **440亿美元** (≈ US$44 billion)" in md and "> 文章指出，2024年双边贸易额达**440亿美元**" in md
    assert "paragraph 1 (`004_86a8fb1eaa77d1c9.txt`)" in md and "- answer: characters " in md
    s = engine.settings
    assert main(["ask", CHINA, "--format", "markdown", "--corpus", str(s.corpus_dir), "--index", str(s.index_dir)]) == 0
    assert capsys.readouterr().out == md
    no = provenance_markdown(engine.ask("What was the trade volume between Kazakhstan and Japan?"), s.corpus_dir)
    assert "**Not found in these articles:**" in no and provenance(engine.ask("What was the trade volume between Kazakhstan and Japan?"), s.corpus_dir) is None


@pytest.fixture
def own_engine(tmp_path):
    """A UTF-8-with-BOM text and an HTML article, USE only (a second to build)."""
    from qa.engine import Engine
    from qa.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "iceland.txt").write_bytes("\ufeff冰岛地热供暖项目\n\n冰岛雷克雅未克市的地热网络已覆盖全市约九成家庭。\n\n该网络2023年新增管道120公里，投资总额为8500万欧元。\n".encode("utf-8"))
    (corpus / "chile.html").write_text("<html><body><h1>智利铜矿扩建</h1><p>智利国家铜业公司宣布，<b>丘基卡马塔</b>铜矿扩建投资为"
                                       "<i>55亿美元</i>。</p><p>扩建工程将于2027年完工。</p></body></html>", encoding="utf-8")
    return Engine.open(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", encoders=("use",)))


def test_offsets_in_a_file_with_a_bom_and_in_extracted_html(own_engine):
    from qa.ingest.formats import read_document

    corpus = own_engine.settings.corpus_dir
    a = own_engine.ask("冰岛地热网络2023年新增了多少公里管道？")
    pv = provenance(a, corpus)
    text = (corpus / "iceland.txt").read_text(encoding="utf-8-sig")  # characters after the BOM
    assert pv.doc == "iceland.txt" and text[pv.span_start:pv.span_end] == a.answer == "120公里" and pv.line == 5
    b = own_engine.ask("丘基卡马塔铜矿扩建投资是多少？")
    pv = provenance(b, corpus)
    extracted = read_document(corpus / "chile.html")
    assert pv.offsets_in == "extracted text" and extracted[pv.span_start:pv.span_end] == b.answer == "55亿美元"
