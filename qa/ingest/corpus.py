"""Stage 1: read articles into passages that carry their context.

An article file is plain text, one paragraph per line (blank lines between).
What is not body text is kept as metadata, never silently dropped:

- ` date 2025-09-03 <rest>`: the article date; `<rest>` is parsed as a line.
  Without one, a dateline among the header lines (qa.ingest.dates: 2025年9月3日,
  2025/9/3, 3 September 2025, ...) gives the date; none: the article is undated.
- ` title <text>` as one of the first two lines: the title (HTML and PDF
  metadata arrive this way, qa.ingest.markup); otherwise the first heading,
  or the first sentence clipped.
- `Фото: …`, `Инфографика: …`, `【编译：…】`: photo and translator credits.
- a short line without final punctuation: a section heading.

Paragraph numbers count body paragraphs only, from 1, so a citation
"paragraph 3" means the third paragraph a reader sees under the headings.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from qa.errors import CorpusError, InputError
from qa.ingest.dates import dateline
from qa.ingest.formats import SUPPORTED, read_document
from qa.ingest.speakers import speakers

DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
TITLE_LINE = re.compile(r"^\s*title\s+(\S.*)$")
HEADER_LINES = 5  # a dateline is looked for among at most this many lines before the first paragraph
CREDIT_LINE = re.compile(
    r"^\s*(?:(?:Фото|Инфографика|Видео|Photo|图片|图|摄影)\s*[:：].*|【\s*(?:编译|编辑|翻译|来源)\s*[:：].*】)\s*$"
)
FINAL_PUNCT = "。！？!?.…；;”」』\"’）)"
HEADING_MAX_CHARS = 40
# Sentence ends: Chinese terminal punctuation (plus closing quotes that follow
# it), or a Latin period/!/? followed by whitespace.
SENTENCE_END = re.compile(r"(?<=[。！？!?；])(?![”」』\"’）)。！？!?])|(?<=[。！？!?][”」』\"’）)])|(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass(frozen=True)
class Passage:
    """One body paragraph, the unit we retrieve and cite."""

    doc: str
    para_no: int
    text: str
    sentences: tuple[str, ...]
    title: str
    date: str | None
    section: str | None
    subject: tuple[str, ...]
    # Who speaks in a paragraph that quotes someone without naming them ("-他说"):
    # the role and name of the last person named as a speaker (qa.ingest.speakers).
    speaker: str = ""

    @property
    def context(self) -> str:
        """What a reader knows from around the paragraph: article, section, subject, speaker."""
        parts = [" ".join(self.subject), self.title, self.section or "", self.date or "", self.speaker]
        return " | ".join(p for p in parts if p)


@dataclass(frozen=True)
class Article:
    doc: str
    title: str
    date: str | None
    sha256: str
    passages: tuple[Passage, ...]
    headings: tuple[str, ...]
    credits: tuple[str, ...]


def split_sentences(text: str) -> tuple[str, ...]:
    parts = [p.strip() for p in SENTENCE_END.split(text)]
    return tuple(p for p in parts if p)


def is_heading(line: str) -> bool:
    if len(line) > HEADING_MAX_CHARS:
        return False
    if not line.endswith(tuple(FINAL_PUNCT)):
        return True
    # Short question-style headlines ("双边贸易情况如何？") have no inner clauses.
    return line.endswith(("？", "?")) and len(line) <= 20 and not re.search(r"[，。；,;]", line)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]


def _subject(lines: list[str], top: int = 3, share: float = 1 / 3) -> tuple[str, ...]:
    """The entities an article is about: those named in at least a third as
    many paragraphs as the most named one (at most three).

    Many paragraphs never name the partner country ("两国贸易额…"), so each
    passage inherits its article's subject.
    """
    from qa.text.entities import find_entities

    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for line in lines:
        for ent in find_entities(line):
            counts[ent.key] += 1
            names[ent.key] = ent.names_zh[0] if ent.names_zh else ent.name_en
    ranked = counts.most_common(top)
    return tuple(names[k] for k, c in ranked if c >= share * ranked[0][1])


def _title_line(lines: list[str]) -> tuple[str | None, list[str]]:
    for i, line in enumerate(lines[:2]):
        m = TITLE_LINE.match(line)
        if m:
            return " ".join(m.group(1).split()), lines[:i] + lines[i + 1:]
    return None, lines


def _header_date(lines: list[str], credits: list[str]) -> tuple[str | None, list[str]]:
    """The date of a dateline before the first paragraph; the dateline leaves
    the text (its title stays a line, its source or byline becomes a credit)."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        if DATE_LINE.match(line):
            continue  # the corpus convention's own date line: read by parse_article
        found = dateline(line)
        if found:
            iso, rest, is_text = found
            if not is_text and rest:
                credits.append(line)
            return iso, lines[:i] + ([rest] if is_text else []) + lines[i + 1:]
        if not (is_heading(line) or CREDIT_LINE.match(line)):
            break  # the first paragraph: what follows is the article, not its header
    return None, lines


def parse_article(doc: str, text: str, sha256: str | None = None) -> Article:
    """Turn one article's text into passages with context. Pure: no I/O."""
    date = None
    headings: list[str] = []
    credits: list[str] = []
    body: list[tuple[str, str | None]] = []  # (paragraph, section heading)
    section: str | None = None
    first_heading: str | None = None
    marked_title, lines = _title_line(_lines(text))
    # A dateline leaves the text even when a `date` line (from the publisher's
    # metadata) already says the date, which then wins.
    printed, lines = _header_date(lines, credits)
    for line in lines:
        m = DATE_LINE.match(line)
        if m and date is None:
            date, line = m.group(1), m.group(2).strip()
            if not line:
                continue
        if CREDIT_LINE.match(line):
            credits.append(line)
        elif is_heading(line):
            headings.append(line)
            section = line
            if first_heading is None and not body:
                first_heading = line
        else:
            body.append((line, section))
    date = date or printed
    if not body:
        raise CorpusError(f"{doc}: no paragraphs of text found; add the article text (one paragraph per line) or remove the file")
    title = marked_title or first_heading or _clip(split_sentences(body[0][0])[0])
    subject = _subject([p for p, _ in body])
    said_by = speakers([p for p, _ in body])
    passages = tuple(
        Passage(doc, i, para, split_sentences(para) or (para,), title, date, sec, subject, who)
        for i, ((para, sec), who) in enumerate(zip(body, said_by), start=1)
    )
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(doc, title, date, sha, passages, tuple(headings), tuple(credits))


def _clip(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def corpus_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist; create it and put articles (.txt, .md, .html, .pdf) in it, or pass --corpus DIR")
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith("."))
    if not files:
        raise CorpusError(f"corpus folder {corpus_dir} has no articles ({', '.join(SUPPORTED)}); add some, or pass --corpus DIR")
    return files


def file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise CorpusError(f"{path.name}: cannot be read ({e.strerror}); check the file's permissions") from e


def load_article(path: Path) -> Article:
    return parse_article(path.name, read_document(path), file_sha256(path))


@dataclass(frozen=True)
class CorpusLoad:
    """What a folder gave: the articles, and each file refused with the reason."""

    articles: tuple[Article, ...]
    rejected: tuple[tuple[str, str], ...]


def load_corpus(corpus_dir: Path) -> CorpusLoad:
    """Every readable article in the folder. A bad file is reported, not fatal:
    one broken upload must not take the rest of the library down with it."""
    articles, rejected = [], []
    for path in corpus_files(corpus_dir):
        try:
            articles.append(load_article(path))
        except InputError as e:
            rejected.append((path.name, str(e)))
    if not articles:
        reasons = "; ".join(msg for _, msg in rejected)
        raise CorpusError(f"no readable articles in {corpus_dir}: {reasons}")
    return CorpusLoad(tuple(articles), tuple(rejected))
