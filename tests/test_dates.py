"""Dates and titles of ordinary articles: each format a user brings, made
here in tmp_path. "undated" only when nothing in or about the file says."""

from __future__ import annotations

import io

import pytest

from docmaker import make_pdf
from qa.ingest.corpus import load_article
from qa.ingest.dates import dateline, find_date, parse_date

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)

BODY_ZH = "哈萨克斯坦与乌兹别克斯坦签署了新的铁路过境协议，年运量预计达到500万吨。\n\n协议自签署之日起生效，有效期十年。\n"
BODY_EN = "Kazakhstan and Uzbekistan signed a new rail transit agreement on Tuesday.\n\nThe deal runs for ten years.\n"


@pytest.mark.parametrize("written", ["2025年9月3日", "2025-09-03", "2025/9/3", "3 September 2025", "September 3, 2025",
                                     "Sept. 3, 2025", "2025年09月03日", "3 Sep 2025"])
def test_every_form_reads_as_iso(written):
    assert find_date(written)[0] == "2025-09-03"
    assert parse_date(written) == "2025-09-03"


def test_not_dates_and_not_datelines():
    assert find_date("2025-02-30") is None and find_date("on 40 September 2025") is None
    assert dateline("2025年9月3日，托卡耶夫总统抵达北京。") is None  # the sentence's event
    assert dateline("The deal was signed on 3 September 2025.") is None
    assert dateline("1992年10月15日正式建立外交关系") is None
    assert dateline("By Jane Doe | September 3, 2025") == ("2025-09-03", "By Jane Doe", False)
    assert dateline("2025-09-03 Rail deal signed") == ("2025-09-03", "Rail deal signed", True)


@pytest.mark.parametrize("header, body", [
    ("铁路协议签署\n\n2025年9月3日 来源：哈通社\n\n", BODY_ZH),
    ("铁路协议签署\n\n发布时间：2025-09-03 10:22\n\n", BODY_ZH),
    ("2025/9/3\n\n铁路协议签署\n\n", BODY_ZH),
    ("Rail deal signed\n\nBy Jane Doe | 3 September 2025\n\n", BODY_EN),
    ("Rail deal signed\n\nSeptember 3, 2025\n\n", BODY_EN),
])
def test_txt_dateline_near_the_top(tmp_path, header, body):
    path = tmp_path / "a.txt"
    path.write_text(header + body, encoding="utf-8")
    art = load_article(path)
    assert art.date == "2025-09-03"
    assert art.title in ("铁路协议签署", "Rail deal signed")
    assert len(art.passages) == 2 and all("2025" not in p.text for p in art.passages)  # the dateline is no paragraph


def test_dateline_opening_a_title_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("2025年9月3日 铁路协议签署\n\n" + BODY_ZH, encoding="utf-8")
    art = load_article(path)
    assert (art.date, art.title) == ("2025-09-03", "铁路协议签署")


def test_a_date_inside_the_article_is_not_its_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("铁路协议签署\n\n两国于1992年10月15日建交，2025年9月3日签署了新的铁路过境协议。\n\n"
                    "2024-12-01 新规定\n\n规定自2025年1月1日起生效。\n", encoding="utf-8")
    assert load_article(path).date is None  # undated: nothing marks a publication date


def test_markdown_dateline(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Rail deal signed\n\n*September 3, 2025*\n\n" + BODY_EN, encoding="utf-8")
    art = load_article(path)
    assert (art.date, art.title) == ("2025-09-03", "Rail deal signed")


@pytest.mark.parametrize("head, extra", [
    ('<meta property="article:published_time" content="2025-09-03T08:00:00+05:00">', ""),
    ('<meta name="date" content="2025-09-03">', ""),
    ("", '<time datetime="2025-09-03T10:00">3 Sep</time>'),
    ("", "<p>2025年9月3日 来源：哈通社</p>"),
])
def test_html_date_and_headline(tmp_path, head, extra):
    html = (f"<html><head><title>Rail deal | Example News</title>{head}</head><body>"
            f"<h1>Kazakhstan and Uzbekistan sign a ten-year rail transit agreement in Tashkent</h1>{extra}"
            "<p>Kazakhstan and Uzbekistan signed a new rail transit agreement on Tuesday.</p><p>The deal runs for ten years.</p></body></html>")
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    art = load_article(path)
    assert art.date == "2025-09-03"
    assert art.title == "Kazakhstan and Uzbekistan sign a ten-year rail transit agreement in Tashkent"  # whole, though long
    assert [p.text for p in art.passages] == ["Kazakhstan and Uzbekistan signed a new rail transit agreement on Tuesday.",
                                              "The deal runs for ten years."]


def test_html_title_tag_when_there_is_no_headline(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><head><title>铁路协议签署</title></head><body><p>哈萨克斯坦与乌兹别克斯坦签署了新的铁路过境协议。</p></body></html>",
                    encoding="utf-8")
    art = load_article(path)
    assert art.title == "铁路协议签署" and art.date is None and len(art.passages) == 1


def _pdf_with_info(lines, info) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(lines))))
    w.add_metadata(info)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BODY_PDF = ["哈萨克斯坦与乌兹别克斯坦签署了新的铁路过境协议，年运量预计达到500万吨。", "协议自签署之日起生效，有效期十年。"]


def test_pdf_title_and_date_from_metadata(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf_with_info(["铁路协议签署"] + BODY_PDF, {"/Title": "哈乌铁路过境协议", "/CreationDate": "D:20250903120000+00'00'"}))
    art = load_article(path)
    assert (art.date, art.title) == ("2025-09-03", "哈乌铁路过境协议")


def test_pdf_printed_dateline_beats_creation_date_and_is_not_glued_to_the_title(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf_with_info(["铁路协议签署", "2025年9月3日"] + BODY_PDF,
                                    {"/Title": "Microsoft Word - draft7.docx", "/CreationDate": "D:20251120093000Z"}))
    art = load_article(path)
    assert (art.date, art.title) == ("2025-09-03", "铁路协议签署")  # the tool's title is ignored
    assert len(art.passages) == 2


def test_undated_only_when_nothing_says(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf(["铁路协议签署"] + BODY_PDF))
    assert load_article(path).date is None


def test_a_year_the_window_says_as_last_year_is_read_so():
    from qa.answer.periods import years_as_said
    from qa.ingest.corpus import Passage

    text = "去年两国贸易额达5亿美元。"
    p = Passage("t.txt", 1, text, (text,), "t", "2025-03-01", None, ())
    assert years_as_said("Brazil-Norway trade in 2024?", p, text) == "Brazil-Norway trade last year?"
    assert years_as_said("2024年巴挪贸易额是多少？", p, text) == "去年巴挪贸易额是多少？"
    assert years_as_said("2023年巴挪贸易额是多少？", p, text) == "2023年巴挪贸易额是多少？"
    # "去年同期" is some months of last year, not the year.
    same = "前八个月贸易额较去年同期的5亿美元下降。"
    q = Passage("t.txt", 1, same, (same,), "t", "2025-09-01", None, ())
    assert years_as_said("Brazil-Norway trade for the whole of 2024?", q, same) == "Brazil-Norway trade for the whole of 2024?"
