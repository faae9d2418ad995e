"""The answer stage: the exact answer with the sentence that says it, or an
honest abstention that says what the articles do give.

1. A country the question names that no article names: abstain.
2. Questions no span answers (why, how, what is, who is, yes/no, a bare
   topic) are answered by the best supporting sentence, presented as such.
3. Otherwise the first clause that holds a span of the expected type and
   passes the constraint checks (qa.answer.constraints: year, partner,
   indicator, direction) answers (qa.answer.choose). When only clauses that
   fail a check hold a span, abstain and say what they give instead:
   "The articles do not give 2023; for 2024 they give 440亿美元."
4. A comparison between two partners is answered side by side (qa.answer.compare).
5. The answerability score (qa.answer.answerability: a logistic model fitted
   on public reading-comprehension data with constructed negatives) is the
   reported `confidence`; below its threshold the reply abstains.
Amounts and counts are rendered in English for English readers (qa.answer.render).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from qa.answer import answerability
from qa.answer.choose import Choice, best_sentence, choose
from qa.answer.render import render_en
from qa.answer.spans import PATTERNS
from qa.question import AnswerType, Question
from qa.search.retrieve import Hit
from qa.text.entities import Entity


TYPE_WORDS = {"money": "amount", "percent": "percentage", "date": "date", "count": "number"}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str | None
    answer_en: str | None
    abstained: bool
    hits: tuple[Hit, ...]
    confidence: float
    qtype: str
    reason: str = ""  # why we abstained, in words a reader understands
    kind: str = "span"  # "span", "sentence" (the supporting sentence is the answer) or "comparison"
    parts: tuple["Answer", ...] = ()  # a comparison's sides


def decide(q: Question, hits: list[Hit], missing: tuple[Entity, ...] = (), model: answerability.Model | None = None) -> Answer:
    model = model or answerability.default_model()
    if missing:
        names = ", ".join(e.name_en for e in missing)
        return _abstain(q, hits, 0.0, f"{names} is not mentioned in these articles")
    ev = evidence(q, hits)
    if ev.answer is None:
        return _abstain(q, ev.hits, 0.0, ev.reason)
    conf = model.probability(q, list(ev.hits), ev.checks_ok, ev.kind == "span")
    if conf < model.threshold:
        return _abstain(q, ev.hits, conf, "no passage in these articles answers this closely enough")
    answer_en = render_en(ev.answer, q.answer_type.value) if ev.kind == "span" else None
    return Answer(q.text, ev.answer, answer_en, False, ev.hits, conf, q.answer_type.value, kind=ev.kind)


@dataclass(frozen=True)
class Evidence:
    """What the passages give before the answerability score is applied."""

    answer: str | None  # the span or the supporting sentence; None: a constraint ruled everything out
    kind: str  # "span" or "sentence"
    hits: tuple[Hit, ...]  # reordered: the passage that says it first, its sentence highlighted
    checks_ok: bool
    reason: str = ""


def evidence(q: Question, hits: list[Hit]) -> Evidence:
    """The span (or, for questions no span answers, the sentence) that passes
    the constraint checks; also used to fit the answerability model."""
    if not hits:
        return Evidence(None, "span", (), False, "the library has no passages")
    if q.answer_type is not AnswerType.SENTENCE:
        chosen, failed = choose(q, hits)
        if chosen is not None:
            return Evidence(chosen.span, "span", tuple(_first(hits, chosen.rank, chosen.sentence)), True)
        if failed is not None:
            return Evidence(None, "span", tuple(_first(hits, failed.rank, failed.sentence)), False, _what_they_give(q, failed))
        if q.answer_type.value in PATTERNS:
            # An amount, date, count or percentage asked, and none in the best
            # passages: they do not state it (a sentence would only look like an answer).
            return Evidence(None, "span", tuple(hits), False, f"the best passages state no {TYPE_WORDS[q.answer_type.value]} for this")
    # No span of the expected type, or none asked: lead with the best sentence, presented as such.
    found = best_sentence(q, hits)
    if found is None:
        return Evidence(None, "sentence", tuple(hits), False, "the best passages are about another year or partner than the one asked")
    rank, sentence, c = found
    return Evidence(sentence, "sentence", tuple(_first(hits, rank, sentence)), c.ok)


def _first(hits: list[Hit], rank: int, sentence: str) -> list[Hit]:
    """The passage that says it is cited first, with that sentence highlighted."""
    hits = [hits[rank]] + list(hits[:rank]) + list(hits[rank + 1 :])
    if sentence and sentence != hits[0].sentence:
        hits[0] = replace(hits[0], sentence=sentence)
    return hits


def _what_they_give(q: Question, failed: Choice) -> str:
    """Why a figure was not shown, and what the articles give instead."""
    c, span = failed.check, failed.span
    if "year" in c.failed:
        asked = ", ".join(str(y) for y in q.period.years) or "the year asked"
        said = ", ".join(str(y) for y in c.said_years) or "another year"
        return f"the articles do not give {asked} for this; for {said} they give {span}"
    if "entity" in c.failed:
        return f"the articles do not give this for {', '.join(e.name_en for e in q.countries)}; the closest figure ({span}) is about another partner"
    if "indicator" in c.failed:
        return f"the articles do not give the {q.indicator} figure asked; the closest ({span}) is another measure"
    return f"the articles give {span} for the opposite direction, not the one asked"


def _abstain(q: Question, hits: list[Hit], conf: float, reason: str) -> Answer:
    return Answer(q.text, None, None, True, tuple(hits), conf, q.answer_type.value, reason)
