"""Stage 0: turn an article file of any supported format into plain text.

The output follows the corpus convention (qa.ingest.corpus): one paragraph per
line, an optional `date YYYY-MM-DD` line, headings as short lines.

- .txt / .md: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK,
  Big5. Legacy Chinese encodings overlap (Big5 bytes often decode "validly"
  as GB18030 into rare characters), so every strict decode is scored by the
  share of its non-ASCII characters that are common Chinese characters or
  punctuation, and the most plausible wins.
- .html / .htm (qa.ingest.markup): text by block element, no markup, nothing from script,
  style or navigation; `<title>` and the publication date are kept.
- .pdf (qa.ingest.markup): the text layer (pypdf); wrapped lines are joined back into paragraphs.

Every refusal is an `InputError` naming the file, the problem and what to do.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from qa.errors import InputError
from qa.ingest.markup import html_text, markdown_text, meta_charset, pdf_text

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES = 20 * 1024 * 1024
LEGACY_CODECS = ("gb18030", "cp950", "big5hkscs")
MIN_PLAUSIBLE = 0.6  # share of common characters a legacy decode needs
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
    return read_bytes(read_capped(path, name, max_bytes), name, max_bytes)


def read_capped(path: Path, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing an oversize file before reading it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_big(name, size, max_bytes)
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror}); check that the file exists and is readable") from e


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
        text = decode_text(data, name, meta_charset(data) if ext in (".html", ".htm") else None)
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
