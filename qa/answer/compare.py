"""A comparison answered side by side: each partner's figure, each cited, and
which is larger when both are amounts in the same currency.

`sides(q)` splits the question into one question per partner (the engine asks
each); `combine` makes one answer of theirs."""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answer.decide import Answer
from qa.answer.render import money_value
from qa.question import AnswerType, Question, analyze
from qa.text.lexical import fold


def combine(q: Question, sides: tuple[Question, ...], answers: list[Answer]) -> Answer:
    """One answer from the sides' answers (same order as `sides`)."""
    names = [s.countries[-1] for s in sides]
    shown = [(n, a) for n, a in zip(names, answers) if not a.abstained]
    hits = tuple(a.hits[0] for _, a in shown if a.hits) + tuple(h for a in answers for h in a.hits[1:2])
    if not shown:
        return Answer(q.text, None, None, True, tuple(h for a in answers for h in a.hits[:1]), 0.0, "comparison",
                      "; ".join(f"{n.name_en}: {a.reason}" for n, a in zip(names, answers)), kind="comparison")
    label = (lambda e: e.names_zh[0]) if q.lang == "zh" else (lambda e: e.name_en)
    text = " · ".join(f"{label(n)}: {a.answer}" for n, a in shown)
    en = " vs ".join(f"{n.name_en} {a.answer_en or a.answer}" for n, a in shown)
    reason = ""
    values = [money_value(fold(a.answer or "")) for _, a in shown]
    if len(shown) == 2 and all(values) and values[0][1] == values[1][1]:
        (n1, _), (n2, _) = shown
        bigger = n1 if values[0][0] >= values[1][0] else n2
        en += f": more with {bigger.name_en}"
        text += f"（{label(bigger)}更多）" if q.lang == "zh" else f" — more with {bigger.name_en}"
    missing = [n for n, a in zip(names, answers) if a.abstained]
    if missing:
        reason = f"the articles do not give it for {', '.join(n.name_en for n in missing)}"
    conf = min(a.confidence for _, a in shown)
    return Answer(q.text, text, en, False, hits, conf, "comparison", reason, kind="comparison",
                  parts=tuple(a for _, a in shown))


# Figures that are amounts of money: a comparison of them compares amounts.
MONEY_INDICATORS = ("trade", "export", "import", "investment", "balance")


def sides(q: Question) -> tuple[Question, ...]:
    """A comparison between two partners ("invested more in Kyrgyzstan or in
    Armenia?", "对吉尔吉斯斯坦还是亚美尼亚…") as one question per partner: the
    last two countries named are the alternatives, the others are shared."""
    countries = q.countries
    if not q.comparison or len(countries) < 3:
        return ()
    a, b = countries[-2:]
    kind = q.answer_type
    if kind in (AnswerType.SENTENCE, AnswerType.NAME):
        kind = AnswerType.MONEY if q.indicator in MONEY_INDICATORS else AnswerType.COUNT
    out = []
    for drop in (b, a):
        joiner = r"(?:\s*(?:\bor\b|\band\b|\bthan\b|,)\s*|还是|和|与|或|比)?"
        prep = r"(?:\s*(?:\bin\b|\bwith\b|\bto\b|\bfrom\b)\s*|对|向|在|从)?"
        text = re.sub(joiner + prep + r"\s*" + re.escape(drop.surface), "", q.text, count=1, flags=re.I)
        side = analyze(text)
        out.append(replace(side, answer_type=kind, comparison=False))
    return tuple(out)
