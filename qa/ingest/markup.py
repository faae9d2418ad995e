"""Markup and layout to paragraphs: HTML, Markdown and a PDF's text layer.

Each function returns text in the corpus convention (one paragraph per
line group, blank lines between, optional `date YYYY-MM-DD` and `title ...`
first lines, see qa.ingest.corpus). Titles and dates come from what the
publisher marked: HTML's <h1> (else <title>) and its publication-date meta
tags or <time datetime>; a PDF's Title and CreationDate, the latter only when
no dateline is printed near the top (a PDF is often made long after the
article). Byte-level checks and encodings live in qa.ingest.formats.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from qa.errors import InputError
from qa.ingest.dates import dateline, parse_date

FINAL = tuple("。！？!?.…；;：:”」』\"’）)")
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")


def join_wrapped(lines: list[str], full: int = 0) -> list[str]:
    """Rejoin lines that a layout wrapped: a line continues onto the next when it
    does not end a sentence and (if `full`) is about as long as a full line."""
    out: list[str] = []
    carry = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            if carry:
                out.append(carry)
            carry = ""
            continue
        carry = _glue(carry, line) if carry else line
        if carry.endswith(FINAL) or (full and width(line) < 0.8 * full):
            out.append(carry)
            carry = ""
    if carry:
        out.append(carry)
    return out


def width(line: str) -> int:
    """Printed width: a Chinese character takes two Latin ones' room."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in line)


def _glue(a: str, b: str) -> str:
    if re.search(f"[{_CJK}]$", a) or re.match(f"[{_CJK}]", b):
        return a + b
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def markdown_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    date = None
    front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if front:
        m = re.search(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", front.group(1), re.M)
        date = m.group(1) if m else None
        text = text[front.end():]
    lines = []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("```") or re.fullmatch(r"[-*_]{3,}", s) or re.fullmatch(r"\|?[\s:|-]+\|?", s or "x"):
            continue
        block = re.match(r"^(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", s)
        s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s[block.end():] if block else s)
        s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
        s = re.sub(r"(\*\*|__|`)", "", s).strip()
        # Headings and list items are paragraphs of their own.
        lines += ["", s, ""] if block and not block.group().startswith(">") else [s]
    body = join_wrapped(lines)
    return "\n\n".join(([f"date {date}"] if date else []) + body)


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav", "form", "button", "select"}
    BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
             "li", "ul", "ol", "table", "tr", "td", "th", "blockquote", "pre", "br", "hr", "figure", "figcaption", "dd", "dt", "title", "body"}
    DATE_META = {"article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.date", "og:published_time",
                 "datepublished", "dc.date.issued", "publication_date"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.h1: list[str] | None = None  # the first <h1>'s text while it is read
        self.headline = ""
        self.date: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta" and (a.get("property") or a.get("name") or a.get("itemprop", "")).lower() in self.DATE_META:
            self._date(a.get("content", ""))
        if tag == "time":
            self._date(a.get("datetime", ""))
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self._flush()
        self.in_title = self.in_title or tag == "title"
        if tag == "h1" and not self.headline and self.h1 is None and not self.skip:
            self.h1 = []

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self._flush()
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1 is not None:
            self.headline = _CJK_GAP.sub("", " ".join("".join(self.h1).split()))
            self.h1 = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.buf.append(data)
            if self.h1 is not None:
                self.h1.append(data)

    def _date(self, value: str) -> None:
        if self.date is None:
            self.date = parse_date(value)

    def _flush(self):
        text = _CJK_GAP.sub("", " ".join("".join(self.buf).split()))
        if text:
            self.paras.append(text)
        self.buf = []


def html_text(html: str) -> str:
    p = _HTMLText()
    p.feed(html)
    p.close()
    p._flush()
    # The headline is the article's own title; <title> often adds the site's name.
    title = p.headline or " ".join(p.title.split())
    paras = [q for q in p.paras if q != p.headline] if p.headline else p.paras
    header = ([f"date {p.date}"] if p.date else []) + ([f"title {title}"] if title else [])
    return "\n\n".join(header + paras)


def meta_charset(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if not m:
        return None
    codec = m.group(1).decode("ascii").lower()
    return {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950"}.get(codec, codec)


# ---------- PDF ----------

def pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is password-protected; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = _pdf_meta(reader)
    except InputError:
        raise
    except Exception as e:  # pypdf raises many types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(e).__name__}: {e}); re-export it or save the text as .txt") from None
    paras = []
    printed_date = False
    for n, page in enumerate(pages):
        lines = page.split("\n")
        if n == 0:  # a dateline stays a line of its own: glued to the title it hid the date in it
            lines, printed_date = _separate_dateline(lines)
        lengths = sorted(width(ln.strip()) for ln in lines if ln.strip())
        full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
        paras += join_wrapped(lines, full)
    if not paras:
        raise InputError(f"{name}: the PDF has no text layer (scanned pages?); run OCR on it or add the text as .txt")
    title, created = meta
    header = ([f"date {created}"] if created and not printed_date else []) + ([f"title {title}"] if title else [])
    return "\n\n".join(header + [_CJK_GAP.sub("", p) for p in paras])


# Titles that PDF writers fill in by themselves, not the article's.
_TOOL_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|odt|rtf|txt|pdf|pptx?))$", re.I)


def _pdf_meta(reader) -> tuple[str | None, str | None]:
    """(title, creation date) from the document information dictionary."""
    info = reader.metadata or {}
    title = " ".join(str(info.get("/Title") or "").split())
    created = parse_date(str(info.get("/CreationDate") or ""))
    return (title if title and not _TOOL_TITLE.match(title) else None), created


def _separate_dateline(lines: list[str]) -> tuple[list[str], bool]:
    """Blank lines around a dateline among the first lines, so that wrapped-line
    joining cannot glue it to the title; True when there is one."""
    for i, line in enumerate(lines[:6]):
        if line.strip() and dateline(line.strip()):
            return lines[:i] + ["", line, ""] + lines[i + 1:], True
    return lines, False
