"""Constraint checks: does this clause say what the question asks, for whom and when?

An answer is shown only if its clause, read with its sentence, paragraph and
article, satisfies each constraint the question states (qa.question):

- year: the years asked ("2024", "last year" resolved against the article's
  date) must be the years the sentence gives for the clause; a sentence that
  gives another year fails ("for 2024 they give …"). A sentence with no year
  takes its paragraph's years; with none there either, it passes (undated).
- entities: every country asked is named in the sentence (any language, or a
  pair form such as 中哈) or is what the article is about; a sentence about a
  third country that the question does not name fails.
- indicator: a question about the trade volume is not answered by an export
  figure: the clause (or, if the clause names no indicator, its sentence)
  must state the indicator asked.
- direction: a flow between two countries must give them the roles asked
  ("X invested in Y" is not "Y invested in X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.ingest.corpus import Passage
from qa.question import FLOW, INDICATORS, Question, flow_roles
from qa.text.entities import Entity, find_entities, pair_entities
from qa.text.lexical import fold

# A year as a date, not the number in "2060万美元" or "2024.5".
YEAR_SAID = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.]|\s*[万亿千百])")


@dataclass(frozen=True)
class Check:
    failed: tuple[str, ...] = ()  # "year", "entity", "indicator", "direction"
    said_years: tuple[int, ...] = ()  # the years the sentence gives, when not the ones asked

    @property
    def ok(self) -> bool:
        return not self.failed


def check(q: Question, passage: Passage, sentence: str, clause: str) -> Check:
    failed = []
    years_ok, said = _years(q, passage, sentence, clause)
    if not years_ok:
        failed.append("year")
    if not _entities_ok(q, passage, sentence):
        failed.append("entity")
    if not _indicator_ok(q, sentence, clause):
        failed.append("indicator")
    if flow_direction(q, clause) < 0:
        failed.append("direction")
    return Check(tuple(failed), said)


def article_year(passage: Passage) -> int | None:
    m = re.match(r"(\d{4})", passage.date or "")
    return int(m.group(1)) if m else None


def _years(q: Question, passage: Passage, sentence: str, clause: str) -> tuple[bool, tuple[int, ...]]:
    asked = set(q.period.resolved(article_year(passage)))
    if not asked:
        return True, ()
    # The years that date a clause are those written before its end in the same
    # sentence ("2024年，双边贸易额达…，其中…"), else the paragraph's.
    end = sentence.find(clause)
    scope = sentence[: end + len(clause)] if end >= 0 else sentence
    said = [int(y) for y in YEAR_SAID.findall(scope)] or [int(y) for y in YEAR_SAID.findall(sentence)]
    if not said:
        said = [int(y) for y in YEAR_SAID.findall(passage.text)]
        if not said:
            return True, ()  # undated: nothing contradicts the question
    return bool(asked & set(said)), tuple(dict.fromkeys(y for y in said if y not in asked))


def names_in(text: str) -> set[str]:
    """Country keys a text names, in any language or as a pair form."""
    ents = find_entities(text) + pair_entities(fold(text))
    return {e.key for e in ents if e.kind == "country"}


def mentions(e: Entity, text: str) -> bool:
    """The text names the entity: any of its names, or a pair form (哈、吉、俄)."""
    folded = fold(text)
    low = folded.lower()
    return any(n in low for n in e.names_zh) or bool(re.search(rf"(?<![a-z]){re.escape(e.name_en.lower())}", low)) \
        or e.surface.lower() in low or any(p.key == e.key for p in pair_entities(folded))


def _entities_ok(q: Question, passage: Passage, sentence: str) -> bool:
    countries = q.countries
    if not countries:
        return True
    # What the article is about: its two most named entities ("两国" in a
    # sentence means them) and its title; a third, less named one is not.
    about = " ".join(passage.subject[:2]) + " " + passage.title
    if not all(mentions(e, sentence) or mentions(e, about) for e in countries):
        return False
    # The sentence's own partner: a country it names that the question does not
    # and the article is not about ("吉尔吉斯斯坦…贸易额" asked about Russia).
    asked = {e.key for e in countries}
    others = names_in(sentence) - asked - names_in(about)
    return not others or all(mentions(e, sentence) for e in countries)


def _indicator_ok(q: Question, sentence: str, clause: str) -> bool:
    if q.indicator is None:
        return True

    def says(text: str, key: str) -> bool:
        low = fold(text).lower()
        return any(f in low for f in INDICATORS[key])

    if says(clause, q.indicator):
        return True
    named = [k for k in INDICATORS if says(clause, k)]
    # A clause that names another indicator (an export figure for "trade
    # volume") fails; one that names none is read with its sentence.
    return not named and says(sentence, q.indicator)


def flow_direction(q: Question | None, clause: str) -> int:
    """+1 when the clause gives the question's countries the same roles in the
    flow, -1 when it reverses one, 0 when there is nothing to compare.
    Read folded to Simplified: 從/對/投資 are 从/对/投资."""
    if q is None or not q.flow:
        return 0
    clause = fold(clause)
    if not FLOW.search(clause):
        return 0
    asked = dict(q.flow)
    ents = [e for e in q.countries if e.key in asked]
    low = clause.lower()
    said = flow_roles(clause, [(i, e.key) for e in ents for n in (*e.names_zh, e.name_en.lower()) if (i := low.find(n)) >= 0])
    common = [k for k in said if k in asked]
    return 0 if not common else (1 if all(said[k] == asked[k] for k in common) else -1)
