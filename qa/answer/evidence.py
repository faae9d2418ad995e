"""The evidence the answer stage weighs before the answerability score: the
answer, its kind, the hits with the passage that says it first, whether the
checks passed and the reader's margin for the cited window."""

from __future__ import annotations

from dataclasses import dataclass, replace

from qa.search.retrieve import Hit


@dataclass(frozen=True)
class Evidence:
    """What the passages give before the answerability score is applied."""

    answer: str | None  # the span or the supporting sentence; None: a constraint ruled everything out
    kind: str  # "span" or "sentence"
    hits: tuple[Hit, ...]  # reordered: the passage that says it first, its sentence highlighted
    checks_ok: bool
    reason: str = ""
    # The reader's margin over "no answer" for the window of the cited sentence
    # (0 without a reader); `read`: the answer is the reader's own span or sentence.
    margin: float = 0.0
    read: bool = False
    given_elsewhere: bool = False  # see Answer.given_elsewhere


def cite_first(hits: list[Hit], rank: int, sentence: str) -> list[Hit]:
    """The passage that says it is cited first, with that sentence highlighted."""
    hits = [hits[rank]] + list(hits[:rank]) + list(hits[rank + 1 :])
    if sentence and sentence != hits[0].sentence:
        hits[0] = replace(hits[0], sentence=sentence)
    return hits
