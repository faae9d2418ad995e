"""Search mode: ranked paragraphs for a keyword or phrase, no answer and no abstention.

`find(retriever, articles, query, k, article, since, until)` asks the same
retriever that answers questions (qa.search.retrieve) for its whole fused
ranking of candidates, keeps those that pass the filters, and puts
paragraphs that contain a query word before those that are only close in
meaning (a reader searching "TRIPP" wants every paragraph naming it first).
Filters apply to the retriever's candidate pool (Settings.candidates per
retriever: every passage of a small library). A date filter leaves out
undated articles: nothing says they fall inside the range.

Matched words: the query's own words (jieba words for Chinese, Latin words,
numbers), the Chinese names of the entities it names, and for English words
their CC-CEDICT Chinese forms, found in the paragraph (folded to Simplified).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.errors import InputError
from qa.ingest.dates import parse_date
from qa.search.retrieve import MAX_FORMS, Hit
from qa.text.entities import find_entities
from qa.text.lexical import CJK_RUN, LATIN_OR_NUMBER, STOP_CJK, STOP_LATIN, fold, key_terms

MAX_K = 200
POOL = 2000  # the most ranked candidates read before filtering; the union of every retriever's top 100 stays far below
MAX_QUERY_CHARS = 500


@dataclass(frozen=True)
class Found:
    """One search result: the retriever's hit and the query words in its paragraph."""

    hit: Hit
    matched: tuple[str, ...]  # as written in the paragraph, longest first


@dataclass(frozen=True)
class Filters:
    article: str | None = None
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None

    def keeps(self, passage) -> bool:
        if self.article and passage.doc != self.article:
            return False
        if (self.since or self.until) and not passage.date:
            return False
        return not ((self.since and passage.date < self.since) or (self.until and passage.date > self.until))


def filters(articles, article: str | None = None, since: str | None = None, until: str | None = None) -> Filters:
    """Checked filters: the article must be in the library, dates in a form we read."""
    if article and article not in articles:
        raise InputError(f"no article {article!r} in the library; `qa list` shows each article's file name")
    iso = []
    for flag, value in (("--since", since), ("--until", until)):
        d = parse_date(value) if value else None
        if value and not d:
            raise InputError(f"{flag} {value!r} is not a date; write it as 2025-09-03")
        iso.append(d)
    if iso[0] and iso[1] and iso[0] > iso[1]:
        raise InputError(f"--since {iso[0]} is after --until {iso[1]}; swap them")
    return Filters(article or None, iso[0], iso[1])


def query_groups(query: str) -> tuple[tuple[str, ...], ...]:
    """The query's terms, each as the strings (folded) whose presence in a
    paragraph shows it: a word as written; an entity by any of its names; an
    English word also by its CC-CEDICT Chinese forms."""
    import rjieba  # the word cutter of qa.text.lexical

    text = fold(query)
    groups: list[tuple[str, ...]] = []
    ents = find_entities(query)
    for e in ents:
        groups.append(tuple(dict.fromkeys(fold(n) for n in (e.surface, *e.names_zh) if n)))
    taken = {w.lower() for g in groups for w in g}
    names_lower = {w.lower() for e in ents for n in (e.name_en, e.surface) for w in (n, *n.split())}
    forms = dict(key_terms(query, names_lower))
    for m in LATIN_OR_NUMBER.finditer(text):
        w = m.group().lower()
        if w not in STOP_LATIN and len(w) > 1 and w not in names_lower:
            alt = forms.get(w, ())
            alt = alt if len(alt) <= MAX_FORMS else core_forms(alt)
            groups.append((w, *dict.fromkeys(fold(f) for f in alt)))
    for run in CJK_RUN.findall(text):
        cut = [w for w in rjieba.cut(run) if w not in STOP_CJK and len(w) > 1] or [run]
        groups += [(w,) for w in cut if w not in taken]
    return tuple(dict.fromkeys(g for g in groups if g))


def core_forms(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Of a word's many dictionary forms (CC-CEDICT gives "investment" 12,
    "trade" 80, most of them phrases that merely mention it), the core: the
    form that most of the others contain (投资, 贸易, 路线); none when no form
    is part of another ("grain": 55 unrelated words), since noise is worse than nothing."""
    count = {f: sum(f in g for g in forms) for f in forms}
    top = max(count.values(), default=0)
    return tuple(f for f in forms if count[f] == top) if top >= 2 else ()


def matched_in(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words found in `text`, as the text writes them (Traditional stays Traditional)."""
    folded = fold(text).lower()
    same_length = len(folded) == len(text)  # folding is one character for one, almost always
    out = []
    for w in sorted(words, key=len, reverse=True):
        i = folded.find(w.lower())
        if i < 0:
            continue
        found = text[i:i + len(w)] if same_length else w
        if not any(found in longer for longer in out):  # "投资" inside an already found "直接投资"
            out.append(found)
    return tuple(out)


def spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every occurrence of `words` in `text`, for highlighting."""
    if not words:
        return []
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    return [m.span() for m in rx.finditer(text)]


def find(retriever, articles, query: str, k: int = 20, article: str | None = None, since: str | None = None,
         until: str | None = None) -> list[Found]:
    """Up to `k` paragraphs for `query`, best first; never empty for lack of confidence."""
    if not isinstance(query, str) or not query.strip():
        raise InputError("the search is empty; type a word or a phrase, e.g. 投资 or \"Chinese investment\"")
    query = " ".join(query.split())
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the search is {len(query)} characters long; keep it under {MAX_QUERY_CHARS}")
    if not 1 <= k <= MAX_K:
        raise InputError(f"k is {k}; ask for between 1 and {MAX_K} results")
    f = filters(articles, article, since, until)
    hits = retriever.search(query, POOL)
    groups = query_groups(query)
    words = tuple(w for g in groups for w in g)
    found = []
    for h in hits:
        if f.keeps(h.passage):
            h = replace(h, sentence=_best_sentence(h, groups))
            found.append((-_groups_in(h.passage.text, groups), len(found), Found(h, matched_in(h.passage.text, words))))
    # Paragraphs with more of the query's terms first; the fused order within each.
    return [r for _, _, r in sorted(found, key=lambda t: t[:2])[:k]]


def _groups_in(text: str, groups) -> int:
    folded = fold(text).lower()
    return sum(any(w.lower() in folded for w in g) for g in groups)


def _best_sentence(hit: Hit, groups) -> str:
    """The sentence that holds most of the query's terms; the retriever's
    closeness (or its own choice) breaks ties."""
    sentences = hit.passage.sentences
    sims = getattr(hit, "sentence_sims", ()) or ()
    if len(sims) != len(sentences):
        sims = tuple(1.0 if s == hit.sentence else 0.0 for s in sentences)
    best = max(range(len(sentences)), key=lambda i: (_groups_in(sentences[i], groups), sims[i]), default=None)
    return sentences[best] if best is not None and _groups_in(sentences[best], groups) else hit.sentence


def citation(rank: int, hit: Hit) -> dict:
    """The citation object of `qa ask --json` (qa.answer.report), for one hit."""
    p = hit.passage
    return {"rank": rank, "doc": p.doc, "title": p.title, "date": p.date, "paragraph": p.para_no, "text": p.text,
            "sentence": hit.sentence, "score": round(hit.score, 4)}


def search_json(query: str, results: list[Found]) -> dict:
    return {"query": query, "results": [citation(i, r.hit) for i, r in enumerate(results, start=1)]}
