"""The trained span reader (qa.models.reader) in the answer stage: what it reads and
the spans it finds (qa.answer.readings turns them into answers).

It reads a short window of the top hit, and of the next when the top gives
no answer and retrieval barely preferred it (READ_WINDOWS says why):
the hit's best sentence with the sentences either side (the answer is often
one sentence away from the words the question repeats). Each
window gives its best span and that span's margin over "no answer"; a span
answers only when the reader prefers it to no answer (margin > 0, the
decision the reader was trained to make with constructed no-answer
examples). The margin, even a negative one, is evidence for the
answerability score.

A reading is cut to the sentence that holds its start, so the highlighted
sentence always contains the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.ingest.speakers import name_of
from qa.answer.periods import years_as_said
from qa.question import Question
from qa.search.retrieve import Hit
from qa.text.lexical import HAN, fold, words
from qa.text.vocab import in_window_words

# Hits that may be read: the top one, and the next when the top one gives no
# answer and retrieval barely preferred the top (fused scores within
# SECOND_READ_GAP). Measured 2026-11-28 on every question whose top window
# gave no answer and whose next window did (76, over dev, held-out, team v5/v6,
# CMRC / DRCD held-back, CMRC trial and XQuAD English-over-Chinese): where the
# next passage held the answer, retrieval had ranked it within 3.1 of the top
# (24 of 26 within 1.6); where the top passage held it, the next one's
# confident span was about something else ("…现效力于中乙球队" for another
# player) and the gap was mostly far larger (35 of 44 above 2). Within 1.5:
# 23 readings of the right passage (17 right answers) against 6 of a wrong one.
# Reading only the top hit kept answer accuracy on the held-back sets but lost
# 3 right answers on the five articles, whose paragraphs share one topic.
READ_WINDOWS = 2
SECOND_READ_GAP = 1.5  # fused-score units (qa.search.retrieve: sums of weighted z-scores)
# A window holds about 100 tokens (e5's tokenizer gives ~1.6 Chinese characters
# or ~4.4 Latin characters a token, measured on the five articles and an
# English paragraph). A reading costs ~20-25 ms here, most of an answer's time
# (README, "Measured quality and speed").
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


def window(hit: Hit, scale: float = 1.0, q: Question | None = None) -> tuple[str, list[tuple[int, str]]]:
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
    # A paragraph that quotes someone it does not name ("-他说") is read with
    # their name first, as a reader of the article knows it: a question that
    # names them ("which issue did Oesbayev rank…") then matches its window.
    # Only for a question that names them: any other question is read as the
    # reader learnt, on the text alone (a name before every quoted window
    # moved readings away from the facts such questions ask).
    said_by = hit.passage.speaker if q is not None and names_speaker(q, hit.passage.speaker) else ""
    text, starts = speaker_prefix(said_by, bool(cjk)), []
    for s in chosen:
        if starts:
            text += joiner
        starts.append((len(text), s))
        text += s
    return text, starts


def names_speaker(q: Question, speaker: str) -> bool:
    """Whether the question names a person who may be the speaker: a part of
    their name in Chinese (奥埃斯巴耶夫), or any Latin name the question
    types that no dictionary knows (Oesbayev, Orazayev: transliterations are
    spelt too freely to require a match; a window quoting someone else is
    then read with that other name, which only lowers the reader's margin)."""
    if not speaker:
        return False
    parts = [p for p in re.split(r"[·\s]", name_of(speaker)) if len(p) >= 2]
    return bool(q.foreign_names) or any(p in fold(q.text) for p in parts)


def speaker_prefix(speaker: str, cjk: bool) -> str:
    if not speaker:
        return ""
    return f"{name_of(speaker)}说：" if cjk else f"{speaker} said: "


def read(reader, q: Question, hits: list[Hit]) -> list[Reading]:
    """Readings of the top hits, those the reader prefers "no answer" to
    included (margin <= 0); [] without a reader. The top hit's window is read
    first, and the next hits' windows only when the reader finds no answer
    there and retrieval ranked them within SECOND_READ_GAP of the top hit.
    Order: the top hit's reading first, then by margin.

    Why the top hit first, rather than the most confident reading of all:
    measured on the reader's held-back CMRC 2018 dev questions (301, with
    their paragraphs removed for 238 of them), answer accuracy is 0.728
    either way, while the first citation is right for 0.953 (was 0.944),
    9 answerable questions are refused (was 12), removed-paragraph questions
    are abstained on as often (0.773), and a question whose top hit answers
    costs one reading instead of two. Retrieval ranks the passage; the reader
    finds the words in it. (DRCD held-back, 99: 0.596 either way, first
    citation 0.848 -> 0.859.)"""
    if reader is None or not hits:
        return []
    wins = [window(h, TOP_WINDOW if i == 0 else 1.0, q) for i, h in enumerate(hits[:READ_WINDOWS])]
    top = _readings(reader, q, wins[:1], 0, hits[0])
    if any(r.answers for r in top) or len(wins) == 1 or hits[1].score < hits[0].score - SECOND_READ_GAP:
        return top
    return top + sorted(_readings(reader, q, wins[1:], 1, hits[1]), key=lambda r: -r.margin)


def _readings(reader, q: Question, wins: list[tuple[str, list[tuple[int, str]]]], first_rank: int, hit: Hit) -> list[Reading]:
    out = []
    # Inputs of the reader's training length (192 tokens): the top window read
    # whole as one 256-token input instead was measured worse (held-back CMRC
    # answer accuracy 0.728 -> 0.708).
    # 2024 read as the window's 去年, 建交 as its 建立外交关系 (qa.text.vocab.ABBREVIATIONS).
    asked = in_window_words(years_as_said(q.text_for(wins[0][0]), hit.passage, wins[0][0]), fold(wins[0][0]))
    for span in reader.read(asked, [text for text, _ in wins]):
        starts = wins[span.passage][1]
        if span.start < starts[0][0]:
            continue  # a span in the speaker's name read before the window: the text says no such thing there
        base, sentence = max((st for st in starts if st[0] <= span.start), key=lambda st: st[0])
        a = span.start - base
        b = min(span.end - base, len(sentence))
        a, b = whole_words(sentence, a, b)
        text = sentence[a:b].strip().strip(CLAUSE_MARKS)  # "承光元年（577年），": the comma is not part of the answer
        if text:
            out.append(Reading(first_rank + span.passage, sentence, text, span.margin))
    return out


def whole_words(sentence: str, a: int, b: int) -> tuple[int, int]:
    """The span [a, b) of a Chinese sentence widened to whole words (the
    reader's tokens can end mid-word: 金大 of 金大中, Johan of Johann) and to
    both marks of a quotation or bracket it cuts (歐」型 -> 「歐」型).
    Measured on the reader's held-back questions: DRCD answer accuracy 0.657 ->
    0.687 and exact match 0.455 -> 0.475; CMRC exact match 0.409 -> 0.402 (some
    of its references end mid-word), accuracy unchanged."""
    while 0 < a < len(sentence) and _latin(sentence[a - 1]) and _latin(sentence[a]):
        a -= 1
    while 0 < b < len(sentence) and _latin(sentence[b - 1]) and _latin(sentence[b]):
        b += 1
    folded = fold(sentence)
    if HAN.search(sentence[a:b]) and len(folded) == len(sentence):  # words from the Simplified form, when it aligns
        at = 0
        for w in words(folded):
            end = at + len(w)
            if at < a < end and HAN.match(sentence[a]) and HAN.match(sentence[a - 1]):
                a = at
            if at < b < end and HAN.match(sentence[b - 1]) and HAN.match(sentence[b]):
                b = end
            at = end
    # A number keeps its percent sign: "15-20" of 降低15-20% is not the answer.
    if 0 < b < len(sentence) and sentence[b - 1].isdigit() and sentence[b] in "%％":
        b += 1
    # An ordinal keeps its 第: "80届会议" of 第80届会议 is not the 80th session.
    if 0 < a < len(sentence) and sentence[a - 1] == "第" and ORDINAL_START.match(sentence[a:]):
        a -= 1
    # An ordinal keeps the word it ranks with: 第三大 (third largest), 第二位.
    if ORDINAL_END.search(sentence[a:b]) and b < len(sentence) and sentence[b] in ORDINAL_HEADS:
        b += 1
    for left, right in PAIRS:
        inside = sentence[a:b]
        if inside.count(right) > inside.count(left):
            opened = sentence.rfind(left, max(0, a - MAX_WIDEN), a)
            a = opened if opened >= 0 else a
        elif inside.count(left) > inside.count(right):
            closed = sentence.find(right, b, b + MAX_WIDEN)
            b = closed + 1 if closed >= 0 else b
    return a, b


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


CLAUSE_MARKS = "，,、；;：:。！？"  # not "." : "U.S.", "Inc."
ORDINAL_END = re.compile(r"第[0-9一二三四五六七八九十百]+$")
ORDINAL_START = re.compile(r"[0-9一二三四五六七八九十百]+[届次位名大个期轮批]")  # a number with the measure an ordinal takes
ORDINAL_HEADS = "大小名位届次期批"
PAIRS = ("「」", "『』", "“”", "《》", "（）", "()")
MAX_WIDEN = 12  # characters looked at for the other mark of a pair (hand-set: a quoted name is rarely longer)
