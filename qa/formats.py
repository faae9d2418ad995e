"""Stage 0: turn an article file of any supported format into plain text.

The output follows the corpus convention (qa.corpus): one paragraph per
line, an optional `date YYYY-MM-DD` line, headings as short lines.

- .txt / .md: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK,
  Big5. Legacy Chinese encodings overlap (Big5 bytes often decode "validly"
  as GB18030 into rare characters), so every strict decode is scored by the
  share of its non-ASCII characters that are common Chinese characters or
  punctuation, and the most plausible wins.
- .html / .htm: text by block element, no markup, nothing from script,
  style or navigation; `<title>` and the publication date are kept.
- .pdf: the text layer (pypdf); wrapped lines are joined back into paragraphs.

Every refusal is an `InputError` naming the file, the problem and what to do.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from qa.errors import InputError

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES = 20 * 1024 * 1024
LEGACY_CODECS = ("gb18030", "cp950", "big5hkscs")
MIN_PLAUSIBLE = 0.6  # share of common characters a legacy decode needs
FINAL = tuple("。！？!?.…；;：:”」』\"’）)")
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
MAGIC = {  # signatures of files people drop by mistake
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx, .xlsx)", b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7z archive", b"Rar!": "a RAR archive", b"%PDF-": "a PDF",
}


def read_document(path: Path | str, name: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """Text of one article file. `name` (default: the file's own name) decides
    the format by its extension and names the file in error messages."""
    path = Path(path)
    name = name or path.name
    check_extension(name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_big(name, size, max_bytes)
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror}); check that the file exists and is readable") from e
    return read_bytes(data, name, max_bytes)


def too_big(name: str, size: int, max_bytes: int) -> InputError:
    mb = 1024 * 1024
    return InputError(f"{name}: {size / mb:.1f} MB is over the {max_bytes / mb:g} MB limit; split the article or save only its text")


def check_extension(name: str) -> str:
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED:
        raise InputError(f"{name}: unknown file type {ext or '(no extension)'}; articles must be {', '.join(SUPPORTED)}")
    return ext


def read_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> str:
    """Pure version of `read_document`, for bytes already in memory."""
    ext = check_extension(name)
    if len(data) > max_bytes:
        raise too_big(name, len(data), max_bytes)
    if not data.strip():
        raise InputError(f"{name}: the file is empty; add the article text or leave the file out")
    if ext == ".pdf":
        text = pdf_text(data, name)
    else:
        _refuse_binary(data, name)
        text = decode_text(data, name, _meta_charset(data) if ext in (".html", ".htm") else None)
        text = html_text(text) if ext in (".html", ".htm") else markdown_text(text) if ext == ".md" else text
    if not text.strip():
        raise InputError(f"{name}: no text found in the file; add the article text or leave the file out")
    return text


# ---------- plain text: encodings ----------

def _refuse_binary(data: bytes, name: str) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text legitimately contains NUL bytes
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text; save the article as .txt, .md, .html or .pdf")
    head = data[:65536]
    controls = sum(b < 32 and b not in (9, 10, 12, 13, 27) for b in head)
    if b"\x00" in head or controls > 0.01 * len(head):
        raise InputError(f"{name}: looks like a binary file, not text; save the article as plain text (UTF-8)")


def decode_text(data: bytes, name: str, hint: str | None = None) -> str:
    """Strict decodes only: a wrong guess must fail or score low, never mangle."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    for codec in ([hint] if hint else []) + ["utf-8"]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
    best, best_score = None, 0.0
    for codec in LEGACY_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if score > best_score + 1e-9:
            best, best_score = text, score
    if (best is None or best_score < MIN_PLAUSIBLE) and sum(b >= 128 for b in data) < 0.05 * len(data):
        try:  # Western text with a few accented letters (Windows-1252 / Latin-1)
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if best is None or best_score < MIN_PLAUSIBLE:
        raise InputError(f"{name}: cannot tell the text encoding (tried UTF-8, GB18030, Big5); save the file as UTF-8 and add it again")
    return best


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: starts like {codec} but byte {e.start} is not valid {codec}; save the file as UTF-8 and add it again") from None


def plausibility(text: str) -> float:
    """Share of non-ASCII characters that real Chinese text is made of."""
    rest = [c for c in text if ord(c) >= 128]
    return sum(_common(c) for c in rest) / len(rest) if rest else 1.0


@lru_cache(maxsize=65536)
def _common(ch: str) -> bool:
    o = ord(ch)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in "—–…“”‘’·•":
        return True
    for codec, lo, hi in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E)):  # level-1 (frequent) characters
        try:
            b = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lo <= (b[0] << 8 | b[1]) <= hi:
            return True
    return False


# ---------- paragraphs ----------

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
    DATE_META = {"article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.date", "og:published_time"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""
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

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self._flush()
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.buf.append(data)

    def _date(self, value: str) -> None:
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if m and self.date is None:
            self.date = m.group(1)

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
    title = " ".join(p.title.split())
    paras = p.paras if not title or title in p.paras[:3] else [title] + p.paras
    return "\n\n".join(([f"date {p.date}"] if p.date else []) + paras)


def _meta_charset(data: bytes) -> str | None:
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
    except InputError:
        raise
    except Exception as e:  # pypdf raises many types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(e).__name__}: {e}); re-export it or save the text as .txt") from None
    paras = []
    for page in pages:
        lines = page.split("\n")
        lengths = sorted(width(ln.strip()) for ln in lines if ln.strip())
        full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
        paras += join_wrapped(lines, full)
    if not paras:
        raise InputError(f"{name}: the PDF has no text layer (scanned pages?); run OCR on it or add the text as .txt")
    return "\n\n".join(_CJK_GAP.sub("", p) for p in paras)
