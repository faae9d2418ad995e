"""Confidence in words beside an answer: high / medium / low, the number on hover.

`Answer.confidence` is the answerability model's probability that the cited
passage holds the answer (qa.answer.answerability, fitted on CMRC 2018 dev
with removed-paragraph negatives); below its threshold the engine does not
answer. The bands follow its reliability table on DRCD, which it was not
fitted on (README, "Measured quality"): of answers scored 0.9 or more, 98 %
came from a passage holding the answer; 0.6-0.9, 65-91 %; below, about half.

    low     threshold .. 0.7
    medium  0.7       .. 0.9
    high    0.9       ..
"""

from __future__ import annotations

import html

MEDIUM_FROM = 0.7
HIGH_FROM = 0.9
WORDS = {"en": {"high": "high confidence", "medium": "medium confidence", "low": "low confidence"},
         "zh": {"high": "置信度：高", "medium": "置信度：中", "low": "置信度：低"}}
HOVER = {"en": "confidence {c:.2f}: the estimated probability that the cited paragraph holds the answer (no answer below {floor:.2f}; "
               "medium from {m:.2f}, high from {h:.2f})",
         "zh": "置信度 {c:.2f}：所引段落包含答案的估计概率（低于 {floor:.2f} 不作答；{m:.2f} 起为中，{h:.2f} 起为高）"}


def level(confidence: float) -> str:
    if confidence >= HIGH_FROM:
        return "high"
    return "medium" if confidence >= MEDIUM_FROM else "low"


def badge(answer, floor: float | None, lang: str) -> str:
    """Inline HTML for the reply's lead line; '' when there is no number to show."""
    c = getattr(answer, "confidence", None)
    if floor is None or not isinstance(c, (int, float)):
        return ""
    lev = level(float(c))
    hover = HOVER[lang].format(c=c, floor=floor, m=MEDIUM_FROM, h=HIGH_FROM)
    return f"<span class='qa-conf qa-conf-{lev}' title='{html.escape(hover, quote=True)}'>{WORDS[lang][lev]}</span>"
