"""The trained span reader (qa.models.reader) in the answer stage.

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
sentence always contains the span. from_reading() and reading_sentence() turn
readings into answers: the typed extent, the constraint checks, the gloss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.choose import SENTENCE_FAILS, Choice, gives_cause, informative, topic_anchors
from qa.answer.constraints import check
from qa.answer.spans import PATTERNS, clauses, enumeration, find_span, unit_clash
from qa.question import Question
from qa.search.retrieve import Hit
from qa.text.aliases import PAIR_CHARS
from qa.text.entities import find_entities
from qa.text.lexical import HAN, fold, words

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
    wins = [window(h, TOP_WINDOW if i == 0 else 1.0) for i, h in enumerate(hits[:READ_WINDOWS])]
    top = _readings(reader, q, wins[:1], 0)
    if any(r.answers for r in top) or len(wins) == 1 or hits[1].score < hits[0].score - SECOND_READ_GAP:
        return top
    return top + sorted(_readings(reader, q, wins[1:], 1), key=lambda r: -r.margin)


def _readings(reader, q: Question, wins: list[tuple[str, list[tuple[int, str]]]], first_rank: int) -> list[Reading]:
    out = []
    # Inputs of the reader's training length (192 tokens): the top window read
    # whole as one 256-token input instead was measured worse (held-back CMRC
    # answer accuracy 0.728 -> 0.708).
    for span in reader.read(q.text, [text for text, _ in wins]):
        starts = wins[span.passage][1]
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
ORDINAL_HEADS = "大小名位届次期批"
PAIRS = ("「」", "『』", "“”", "《》", "（）", "()")
MAX_WIDEN = 12  # characters looked at for the other mark of a pair (hand-set: a quoted name is rarely longer)


# ---------- readings as answers (used by qa.answer.decide) ----------


def from_reading(q: Question, hits: list[Hit], readings: list[Reading]) -> Choice | None:
    """The most confident reading that passes the constraint checks. For an
    amount, date, count or percentage, the reader picks *which* figure and the
    typed pattern gives its extent (约6000家 keeps its qualifier and unit);
    where no pattern covers the reader's span (第22代, 三千余人) the span stands
    if it states a number; a reading with none does not answer such a question,
    except "when" asked of a clause that states no date: an era or an occasion
    (清朝末年, 四国征伐后) is the answer. Measured 2026-11-28 on the date
    questions of CMRC 2018 held-back and DRCD test whose top-hit reading has no
    number: 4 of 5 such readings hold the reference answer or part of it, and
    none of the 5 was answered right before."""
    typed = [t for t in q.span_types if t in PATTERNS]
    anchors = topic_anchors(q)
    for r in (r for r in readings if r.answers):
        clause = next((c for c in clauses(r.sentence) if r.span in c), r.sentence)
        span = r.span if typed else with_quoted_name(r.sentence, r.span)
        if q.asks_many and not typed:
            # The kind of thing asked ("哪些国际组织" -> 国际组织) is answered by the clause's list of them.
            span = _as_list(clause, span, echoes(q, with_gloss(r.sentence, span)))
        if echoes(q, with_gloss(r.sentence, span)):
            continue
        if CITY_ASKED.search(q.text) and is_country(span):
            continue  # "哈国" for "in which city…": a country is no city
        if typed:
            found = next((s for t in typed if (s := find_span(clause, t, q.text, anchors))), None)
            if found and _overlap(clause, found, r.span):
                span = found
            elif "date" in typed and not found and not NUMERAL.search(r.span):
                pass  # an era or an occasion answers "when" (清朝末年, 四国征伐后) where the clause states no date
            elif not NUMERAL.search(r.span) or any(find_span(r.span, t, q.text) for t in PATTERNS if t not in typed and not (
                    t == "count" and "date" in typed)):  # "577年" reads as a count of years too
                continue  # the reader's span states no number, or one of another type (an amount for a percentage)
        if unit_clash(q.text, span, clause):
            continue  # "1000万吨" for "how long … in km"
        c = check(q, hits[r.rank].passage, r.sentence, clause, hits[r.rank].before)
        if c.ok:
            return Choice(with_gloss(r.sentence, span), r.rank, r.sentence, clause, c, r.margin)
    return None


def _as_list(clause: str, span: str, echo: bool = False) -> str:
    """For a question that asks for several things: the clause's enumeration
    when the reader's span is part of it, only counts its items ("五个" of
    "考古、珠宝…和民族志五个展区") or only repeats the question (`echo`);
    otherwise the span."""
    found = enumeration(clause)
    if not found:
        return span
    at, end = clause.find(found), clause.find(found) + len(found)
    sp = clause.find(span)
    inside = sp >= 0 and sp < end and at < sp + len(span)
    bare_count = bool(re.fullmatch(r"[0-9一二三四五六七八九十两几]+\s*[个项种类家所名位座批]?", span.strip()))
    if inside:  # the union: the reader often has the list's start right where the words split oddly (发/用品)
        a, b = min(at, sp), max(end, sp + len(span))
        return clause[a:b]
    return found if bare_count or echo else span


def echoes(q: Question, span: str) -> bool:
    """The span only repeats what the question names ("Which route links
    Kazakhstan and Iran through Turkmenistan?" -> 土库曼斯坦): not an answer."""
    f = fold(span).lower().strip()
    names = {fold(n).lower() for e in q.entities for n in (*e.names_zh, e.name_en, e.surface)}
    asked = fold(q.text).lower()
    bare = f.strip("“”\"「」『』‘’'")
    # A name followed by the short form the text gives it in brackets is the
    # thing the question names when the question uses that short form
    # ("…over the TRIPP route?" -> 特朗普国际和平与繁荣之路（TRIPP）).
    m = GLOSS.search(bare)
    if m and m.end() == len(bare) and len(m.group(1).strip()) > 1 and re.search(
            rf"(?<![a-z0-9]){re.escape(m.group(1).strip())}(?![a-z0-9])", asked):
        return True
    return f in names or (len(f) > 1 and f in asked)


GLOSS = re.compile(r"\s?[（(]([^（）()]{1,40})[）)]")
CITY_ASKED = re.compile(r"\b(?:which|what) (?:city|town)\b|哪(?:一)?(?:个|座|個)城市|哪(?:个|座|個)城", re.I)


def is_country(span: str) -> bool:
    """The span is a country's name and nothing more (哈萨克斯坦, or a
    one-character form with 国: 哈国, 俄国)."""
    s = fold(span).strip(" “”\"「」『』")
    if len(s) == 2 and s[1] == "国" and s[0] in PAIR_CHARS:
        return True
    return any(e.kind == "country" and fold(e.surface) == s for e in find_entities(s))


QUOTED_BEFORE = re.compile(r"[“「『《\"]([^“”「」『』《》\"]{1,30})[”」』》\"]$")


def with_quoted_name(sentence: str, span: str) -> str:
    """A span right after a quoted name is the kind of thing the name names
    ("“萨姆鲁克-卡泽纳”国家福祉基金": the reader read 国家福祉基金): the
    name joins it."""
    at = sentence.find(span)
    m = QUOTED_BEFORE.search(sentence, 0, at) if at > 0 else None
    return sentence[m.start() : at] + span if m else span


def with_gloss(sentence: str, span: str) -> str:
    """A name with the original or short form the text gives right after it in
    brackets keeps it: 哈萨克斯坦天然气公司（QazaqGaz）, 上海合作组织（上合组织）.
    Readers of either language recognise one of the two."""
    at = sentence.find(span)
    m = GLOSS.match(sentence, at + len(span)) if at >= 0 else None
    return span + m.group(0).strip() if m and not span.endswith(("）", ")")) else span


NUMERAL = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两〇零][^\s]{0,3}[个年月日代届次名位种项家人元吨里米岁倍%％]")


def _overlap(clause: str, a: str, b: str) -> bool:
    i, j = clause.find(a), clause.find(b)
    return i >= 0 and j >= 0 and i < j + len(b) and j < i + len(a)


def reading_sentence(q: Question, hits: list[Hit], readings: list[Reading]):
    """For a question answered by a sentence: the sentence holding the reader's
    most confident span, when it says something on its own and passes the checks."""
    for r in [r for r in readings if r.answers][:1]:
        if unit_clash(q.text, r.sentence):
            return None  # a measure asked that the sentence does not state
        c = check(q, hits[r.rank].passage, r.sentence, r.sentence, hits[r.rank].before)
        if informative(r.sentence) and not (SENTENCE_FAILS & set(c.failed)):
            return r, c
    return None
