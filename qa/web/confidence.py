"""Confidence in words beside an answer: high / medium / low, the number on hover.

`Answer.confidence` is the supporting sentence's cosine to the question (mean
over the encoders); below the encoder set's floor (Settings.confidence_floor,
0.45 for e5 + USE) the engine does not answer. The bands sit above that floor:

    low     floor        .. floor + 0.10
    medium  floor + 0.10 .. floor + 0.20
    high    floor + 0.20 ..

The steps come from the answered questions of tests/data/dev.jsonl and
benchmarks/heldout_kz.jsonl (72 of 93, e5 + USE, 2026-11-27): below 0.55 9 of
10 answers were right, 0.55-0.65 26 of 30, from 0.65 31 of 32. Those sets are
in-sample and the score separates right from wrong only weakly, so the words
say how closely the sentence matches the question, not a probability.
"""

from __future__ import annotations

import html

MEDIUM_ABOVE_FLOOR = 0.10
HIGH_ABOVE_FLOOR = 0.20
WORDS = {"en": {"high": "high confidence", "medium": "medium confidence", "low": "low confidence"},
         "zh": {"high": "置信度：高", "medium": "置信度：中", "low": "置信度：低"}}
HOVER = {"en": "confidence {c:.2f}: how closely the supporting sentence matches the question (no answer below {floor:.2f}; "
               "medium from {m:.2f}, high from {h:.2f})",
         "zh": "置信度 {c:.2f}：依据句与问题的相似度（低于 {floor:.2f} 不作答；{m:.2f} 起为中，{h:.2f} 起为高）"}


def level(confidence: float, floor: float) -> str:
    if confidence >= floor + HIGH_ABOVE_FLOOR:
        return "high"
    return "medium" if confidence >= floor + MEDIUM_ABOVE_FLOOR else "low"


def badge(answer, floor: float | None, lang: str) -> str:
    """Inline HTML for the reply's lead line; '' when there is no number to show."""
    c = getattr(answer, "confidence", None)
    if floor is None or not isinstance(c, (int, float)):
        return ""
    lev = level(float(c), floor)
    hover = HOVER[lang].format(c=c, floor=floor, m=floor + MEDIUM_ABOVE_FLOOR, h=floor + HIGH_ABOVE_FLOOR)
    return f"<span class='qa-conf qa-conf-{lev}' title='{html.escape(hover, quote=True)}'>{WORDS[lang][lev]}</span>"
