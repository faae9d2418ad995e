"""Format readers: every encoding and format from files the tests write, and
every kind of bad input refused with a message naming the file and the fix."""

from __future__ import annotations

import os

import pytest

from docmaker import SIMPLIFIED, TRADITIONAL, make_empty_pdf, make_pdf
from qa.ingest.corpus import load_article, parse_article
from qa.errors import InputError
from qa.ingest.formats import MAX_BYTES, decode_text, plausibility, read_bytes, read_document


@pytest.mark.parametrize(
    "text, encode",
    [
        (SIMPLIFIED, lambda t: t.encode("utf-8")),
        (SIMPLIFIED, lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        (SIMPLIFIED, lambda t: t.encode("utf-16")),  # with BOM
        (SIMPLIFIED, lambda t: t.encode("gb18030")),
        (SIMPLIFIED, lambda t: t.encode("gbk")),
        (TRADITIONAL, lambda t: t.encode("big5")),
        (TRADITIONAL, lambda t: t.encode("cp950")),
        (TRADITIONAL, lambda t: t.encode("utf-8")),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gb18030", "gbk", "big5", "cp950", "trad-utf8"],
)
def test_text_encodings_decode_to_the_original(tmp_path, text, encode):
    for ext in (".txt", ".md"):
        path = tmp_path / f"article{ext}"
        path.write_bytes(encode(text))
        out = read_document(path)
        assert [ln for ln in out.splitlines() if ln.strip()] == [ln for ln in text.splitlines() if ln.strip()]


def test_big5_misread_as_gb18030_is_implausible():
    # Big5 bytes are often "valid" GB18030; the plausibility score tells them apart.
    wrong = TRADITIONAL.encode("big5").decode("gb18030")
    assert plausibility(wrong) < 0.6 < plausibility(TRADITIONAL)
    assert decode_text(TRADITIONAL.encode("big5"), "a.txt") == TRADITIONAL


def test_western_legacy_text_is_read():
    assert read_bytes("Le café est ouvert. Prices rose 5%.".encode("cp1252"), "a.txt") == "Le café est ouvert. Prices rose 5%."


def test_undecodable_bytes_are_refused_with_advice():
    data = bytes((37 * i + 11) % 96 + 160 for i in range(400))  # high bytes, no valid CJK pattern
    with pytest.raises(InputError, match=r"r\.txt: cannot tell the text encoding.*UTF-8"):
        read_bytes(data, "r.txt")


def test_html_keeps_paragraphs_title_and_date_and_drops_markup_and_scripts():
    html = """<!doctype html><html><head><meta charset="utf-8"><title>智利铜矿新闻</title>
    <meta property="article:published_time" content="2025-04-10T08:00:00Z">
    <style>p { color: red }</style><script>var secret = "脚本内容";</script></head>
    <body><nav>首页 | 国际</nav><h1>蒙古国与智利签署铜矿技术协议</h1>
    <p>蒙古国矿业部与智利国家铜业公司签署协议，
       总投资约6.5亿美元&amp;更多。</p>
    <div>选矿厂计划于<b>2027年</b>投产。<br>年处理矿石1200万吨。</div>
    <noscript>请启用脚本</noscript></body></html>"""
    out = read_bytes(html.encode("utf-8"), "news.html")
    lines = out.split("\n\n")
    assert lines[0] == "date 2025-04-10"
    assert lines[1] == "title 蒙古国与智利签署铜矿技术协议"  # the headline, not <title> (智利铜矿新闻)
    assert "蒙古国矿业部与智利国家铜业公司签署协议，总投资约6.5亿美元&更多。" in lines  # wrapped source line, no gap
    assert "选矿厂计划于2027年投产。" in lines and "年处理矿石1200万吨。" in lines
    for junk in ("脚本内容", "color", "首页", "请启用脚本", "<", "&amp;"):
        assert junk not in out
    art = parse_article("news.html", out)
    assert art.date == "2025-04-10" and len(art.passages) == 3 and art.title == "蒙古国与智利签署铜矿技术协议"


def test_html_in_legacy_encoding_declared_by_meta():
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>挪威港口扩建计划完成。</p></body></html>'
    assert read_bytes(html.encode("gbk"), "a.htm") == "挪威港口扩建计划完成。"


def test_markdown_front_matter_headings_links_and_wrapped_lines():
    md = (
        "---\ntitle: x\ndate: 2024-05-06\n---\n# 肯尼亚太阳能项目\n\n"
        "肯尼亚北部的太阳能电站已于2022年并网发电，\n装机容量为**55兆瓦**。\n\n"
        "- 资金来自[国际银行](https://example.org)。\n![图](a.png)\n"
    )
    out = read_bytes(md.encode("utf-8"), "a.md")
    assert out.split("\n\n") == ["date 2024-05-06", "肯尼亚太阳能项目", "肯尼亚北部的太阳能电站已于2022年并网发电，装机容量为55兆瓦。", "资金来自国际银行。"]


def test_pdf_text_layer_with_wrapped_lines_joined():
    pdf = make_pdf([
        "date 2025-04-10 蒙古国铁路",
        "蒙古国政府宣布，新铁路将连接乌兰巴托与",  # wrapped: long, no final punctuation
        "边境口岸，全长约600公里，预计2027年完工。",
        "该项目总投资为15亿美元。",
        "The line was designed by a consortium of",
        "three engineering firms.",
    ])
    out = read_bytes(pdf, "rail.pdf")
    paras = out.split("\n\n")
    assert "蒙古国政府宣布，新铁路将连接乌兰巴托与边境口岸，全长约600公里，预计2027年完工。" in paras
    assert "The line was designed by a consortium of three engineering firms." in paras
    art = parse_article("rail.pdf", out)
    assert art.date == "2025-04-10" and art.title == "蒙古国铁路"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("scan.pdf", make_empty_pdf(), "no text layer"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "not a readable PDF"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b" \n\r\n\t ", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("doc.txt", b"PK\x03\x04" + b"\x00" * 100, "ZIP archive"),
        ("prog.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "a program"),
        ("nul.txt", "正文".encode() + b"\x00\x00\x01\x02" * 50, "binary"),
        ("tags.html", b"<html><script>only()</script></html>", "no text"),
        ("notes.docx", b"hello", "unknown file type .docx"),
        ("README", b"hello", "unknown file type"),
    ],
)
def test_bad_files_are_refused_with_a_message_naming_them(name, data, message):
    with pytest.raises(InputError, match=message) as err:
        read_bytes(data, name)
    assert str(err.value).startswith(name + ":")


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: costs no disk
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match=r"huge\.txt: 20\.0 MB is over the 20 MB limit"):
        read_document(big)
    small = tmp_path / "a.txt"
    small.write_text(SIMPLIFIED, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        read_document(small, max_bytes=100)


def test_unreadable_file_gives_advice(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        read_document(tmp_path / "missing.txt")


def test_corpus_loader_keeps_the_original_traditional_text(tmp_path):
    path = tmp_path / "trad.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    art = load_article(path)
    assert art.date == "2025-02-01"
    assert art.passages[1].text == "協議規定，研究中心將於2028年投入使用，每年可培訓約500名農業技術人員。"
    assert os.path.getsize(path) == len(TRADITIONAL.encode("big5"))
