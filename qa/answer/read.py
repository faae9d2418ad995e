"""The trained span reader (qa.models.reader) in the answer stage.

It reads a short window of each of the top hits: the hit's best sentence with
the sentences either side (the answer is often one sentence away from the
words the question repeats), all windows in one batch. Each window gives its
best span and that span's margin over "no answer"; a span answers only when
the reader prefers it to no answer (margin > 0, the decision the reader was
trained to make with constructed no-answer examples). The best margin, even
a negative one, is evidence for the answerability score.

A reading is cut to the sentence that holds its start, so the highlighted
sentence always contains the span.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.question import Question
from qa.search.retrieve import Hit
from qa.text.lexical import HAN

# Hits read. Measured on the reader's held-back CMRC 2018 dev / DRCD questions
# (301 / 99, never trained on): reading 2 or 3 hits gives the same answer
# accuracy (0.731 / 0.626), 2 costs a third less.
READ_WINDOWS = 2
# A window holds about 100 tokens (e5's tokenizer gives ~1.6 Chinese characters
# or ~4.4 Latin characters a token, measured on the five articles and an
# English paragraph). Reading the two windows costs ~45-60 ms a question on one
# core here, most of an answer's time (README, "Measured quality and speed").
# The top hit is read at twice the budget: it is the passage most likely to
# hold the answer, and the answer often sits a few sentences from the words the
# question repeats. Same held-back questions, answer accuracy at 1x / 1.5x / 2x:
# CMRC 0.665 / 0.684 / 0.731, DRCD 0.616 / 0.626 / 0.626.
WINDOW_CHARS = {"cjk": 160, "latin": 440}
TOP_WINDOW = 2.0


@dataclass(frozen=True)
class Reading:
    rank: int  # the hit it came from
    sentence: str  # the passage sentence that holds the span
    span: str
    margin: float  # span score minus no-answer score (> 0: the reader answers)

    @property
    def answers(self) -> bool:
        return self.margin > 0


def window(hit: Hit, scale: float = 1.0) -> tuple[str, list[tuple[int, str]]]:
    """The text read for a hit and where each of its sentences starts in it:
    the best sentence, then the next and the previous ones in turn while
    they fit the budget (a long best sentence is read whole)."""
    sents = list(hit.passage.sentences) or [hit.passage.text]
    at = sents.index(hit.sentence) if hit.sentence in sents else 0
    cjk = HAN.search(hit.passage.text[:50])
    budget, joiner = (WINDOW_CHARS["cjk"], "") if cjk else (WINDOW_CHARS["latin"], " ")
    budget = int(budget * scale)
    lo, hi, size = at, at + 1, len(sents[at])
    grew = True
    while grew:  # a side stops at the first sentence that does not fit
        grew = False
        if hi < len(sents) and size + len(sents[hi]) <= budget:
            size, hi, grew = size + len(sents[hi]), hi + 1, True
        if lo > 0 and size + len(sents[lo - 1]) <= budget:
            size, lo, grew = size + len(sents[lo - 1]), lo - 1, True
    chosen = sents[lo:hi]
    text, starts = "", []
    for s in chosen:
        if text:
            text += joiner
        starts.append((len(text), s))
        text += s
    return text, starts


def read(reader, q: Question, hits: list[Hit]) -> list[Reading]:
    """One reading per hit read, the reader's most confident first, those it
    prefers "no answer" to included (margin <= 0); [] without a reader."""
    if reader is None or not hits:
        return []
    wins = [window(h, TOP_WINDOW if i == 0 else 1.0) for i, h in enumerate(hits[:READ_WINDOWS])]
    out = []
    for span in reader.read(q.text, [text for text, _ in wins]):
        starts = wins[span.passage][1]
        base, sentence = max((st for st in starts if st[0] <= span.start), key=lambda st: st[0])
        a = span.start - base
        b = min(span.end - base, len(sentence))
        text = sentence[a:b].strip()
        if text:
            out.append(Reading(span.passage, sentence, text, span.margin))
    return out
