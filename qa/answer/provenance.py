"""Provenance export: an answer with where exactly it stands, so a quote can be
checked later (`qa ask --format markdown`, the chat's export box).

For the cited paragraph that states the answer (else the first), it gives
the article, date and paragraph number, and the character offsets (Python
string indices, end exclusive) of the supporting sentence and of the answer
span. For .txt and .md they index the file's text as decoded (UTF-8, GB18030,
Big5; a BOM is not counted), with the line number; for .html and .pdf, whose
characters are markup or layout, they index the text qa extracted from the
file (what `qa.ingest.formats.read_document` returns).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Provenance:
    doc: str
    title: str
    date: str | None
    paragraph: int
    sentence: str
    sentence_start: int | None  # None: the sentence could not be found again (the file changed since indexing)
    sentence_end: int | None
    span: str | None
    span_start: int | None
    span_end: int | None
    line: int | None  # 1-based line of the sentence's start
    offsets_in: str  # "file text" or "extracted text"


def _source_text(path: Path) -> tuple[str, str]:
    from qa.ingest.formats import decode_text, read_capped, read_document

    if path.suffix.lower() in (".txt", ".md"):
        return decode_text(read_capped(path, path.name), path.name).removeprefix("\ufeff"), "file text"
    return read_document(path), "extracted text"


def _supporting_hit(answer):
    hits = list(getattr(answer, "hits", ()) or ())
    text = getattr(answer, "answer", None)
    return next((h for h in hits if text and text in h.passage.text), hits[0] if hits else None)


def provenance(answer, corpus_dir: Path) -> Provenance | None:
    """None when there is nothing to cite (an abstention, no hits)."""
    from qa.ingest.journal import corpus_view

    if getattr(answer, "abstained", True):
        return None
    hit = _supporting_hit(answer)
    if hit is None:
        return None
    p, span = hit.passage, getattr(answer, "answer", None)
    path = corpus_view(Path(corpus_dir)).get(p.doc)
    text, basis = _source_text(path) if path is not None else ("", "file text")
    # The paragraph first, then the sentence inside it: the same sentence may recur elsewhere.
    para_at = text.find(p.text)
    s_at = text.find(hit.sentence, max(para_at, 0)) if para_at >= 0 else text.find(hit.sentence)
    sp_at = -1
    if s_at >= 0 and span:
        inside = hit.sentence.find(span)
        sp_at = s_at + inside if inside >= 0 else text.find(span, max(para_at, 0))
    found = s_at >= 0
    return Provenance(p.doc, p.title, p.date, p.para_no, hit.sentence,
                      s_at if found else None, s_at + len(hit.sentence) if found else None,
                      span, sp_at if sp_at >= 0 else None, sp_at + len(span) if sp_at >= 0 and span else None,
                      text.count("\n", 0, s_at) + 1 if found else None, basis)


def provenance_markdown(answer, corpus_dir: Path) -> str:
    """The answer and its citation as Markdown, ready to paste into notes."""
    question = getattr(answer, "question", "")
    if getattr(answer, "abstained", True):
        reason = getattr(answer, "reason", "") or "the articles do not say"
        return f"**Q:** {question}\n\n**Not found in these articles:** {reason}.\n"
    head = f"**{answer.answer}**" + (f" (≈ {answer.answer_en})" if getattr(answer, "answer_en", None) else "")
    pv = provenance(answer, corpus_dir)
    lines = [f"**Q:** {question}", "", f"**A:** {head}"]
    if pv is None:
        return "\n".join(lines) + "\n"
    quote = pv.sentence
    if pv.span and pv.span in quote:
        quote = quote.replace(pv.span, f"**{pv.span}**", 1)
    lines += ["", f"> {quote}", "",
              f"— {pv.title}, {pv.date or 'undated'}, paragraph {pv.paragraph} (`{pv.doc}`)"]
    if pv.sentence_start is not None:
        where = f"- sentence: characters {pv.sentence_start}–{pv.sentence_end} of the {pv.offsets_in} of `{pv.doc}` (line {pv.line})"
        lines += ["", where]
        if pv.span_start is not None:
            lines.append(f"- answer: characters {pv.span_start}–{pv.span_end}")
    else:
        lines += ["", f"- `{pv.doc}` no longer contains this sentence: it changed after it was indexed"]
    return "\n".join(lines) + "\n"
