"""Time in passages: which years and months a clause is about, read with
its sentence, its paragraph and the paragraph before, against the article's
date ("去年" in a 2025 article is 2024; "目前" is 2025). The constraint checks
(qa.answer.constraints) compare them with the period a question asks.
"""

from __future__ import annotations

import re

from qa.answer.spans import DAY_ASKED
from qa.ingest.corpus import Passage
from qa.question import AnswerType, Question, period_of
from qa.text.lexical import HAN, fold

# A year as a date, not the number in "2060万美元", "2024.5" or a count ("约2000名学生", "1992家").
YEAR_SAID = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.]|\s*[万亿千百名人家个份所项次位座条种架辆艘台吨])")


TITLE = re.compile(r"《[^》]*》")

# "Now" in a passage: the time of writing (the article's year).
CURRENT = re.compile(r"目前|当前|现在|如今|眼下|现阶段|\bcurrently\b|\bat present\b|\bnow\b|\btoday\b", re.I)
# A total over years: since a year ("自2005年以来", "since 2005") or across a
# range ("2005—2024 年间", "between 2005 and 2024", "from 2005 to 2024").
TOTAL_SPAN = re.compile(
    r"(?:自|从)?\s*((?:19|20)\d\d)\s*年\s*(?:以来|起至今|至今)|\bsince\s+((?:19|20)\d\d)\b"
    r"|((?:19|20)\d\d)\s*(?:年\s*)?[—–\-~至到]\s*(?:19|20)\d\d(?:\s*年\s*(?:间|期间|以来)?)?(?!\d)"
    r"|\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|through)\s+(?:19|20)\d\d\b", re.I)
# A question that asks for such a total.
ASKS_TOTAL = re.compile(r"累计|以来|总共|一共|迄今|至今|\btotal\b|\bsince\b|so far|to date|cumulative|altogether|in all\b", re.I)
# Parts of a year as month ranges, so "the first half" meets "1-6月".
PART_MONTHS = {"H1": (1, 6), "H2": (7, 12), "Q1": (1, 3)}


def article_year(passage: Passage) -> int | None:
    m = re.match(r"(\d{4})", passage.date or "")
    return int(m.group(1)) if m else None


def reference_year(passage: Passage) -> int | None:
    """The year "last year" / "去年" counts from: the article's date; for an
    undated article, the latest year its paragraph names (a news paragraph that
    says "2025年前九个月" and "去年" was written in 2025)."""
    return article_year(passage) or max((int(y) for y in YEAR_SAID.findall(passage.text)), default=None)


# A year the article names by its distance from its own date (去年 in 2025 for 2024).
RELATIVE_WORDS = {-1: ("去年", "last year"), 0: ("今年", "this year"), 1: ("明年", "next year")}
SAME_PERIOD_AFTER = r"(?!同期|同月|同季|同一时期)"
QUESTION_YEAR = re.compile(r"(?:\bin\s+)?(?<!\d)((?:19|20)\d\d)(?!\d|s\b|\s*年代)(?:\s*年(?!代))?")


def said_relatively(year: int, passage: Passage, text: str) -> tuple[str, str] | None:
    """The word `text` (a passage, or a window of it) uses for `year` when it
    names that word and not the year, with its English: (去年, last year) for
    2024 in an article of 2025."""
    ref = reference_year(passage)
    word = RELATIVE_WORDS.get(year - ref) if ref is not None else None
    # Not "去年同期" (the same months of last year): that is a part of the year, not the year.
    return word if word and str(year) not in text and re.search(word[0] + SAME_PERIOD_AFTER, fold(text)) else None


def years_as_said(question: str, passage: Passage, window: str) -> str:
    """The question as the reader reads it beside `window`: a year the window
    says only as 去年 / 今年 / 明年 is written so ("Kazakh-Turkmen trade in
    2024?" beside "去年两国贸易额达…" in an article of 2025: "…trade last
    year?"). The reader matches words; it cannot count years from a date it
    does not see. Where the year stands in the window, the question stays."""
    chinese = bool(HAN.search(question))

    def written(m: re.Match) -> str:
        word = said_relatively(int(m.group(1)), passage, window)
        if word is None:
            return m.group()
        return word[0] if chinese else (" " if m.group().startswith(" ") else "") + word[1]
    return QUESTION_YEAR.sub(written, question)


# Where a sentence ends, for walking a paragraph back from its end.
SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+")


def through(sentence: str, clause: str, otherwise: str) -> str:
    """The sentence up to the clause's end: what dates or bounds the clause
    ("2024年，双边贸易额达…，其中…"); `otherwise` when the clause is not in it."""
    end = sentence.find(clause)
    return sentence[: end + len(clause)] if end >= 0 else otherwise


def years_ok(q: Question, passage: Passage, sentence: str, clause: str, before: str = "") -> tuple[bool, tuple[int, ...]]:
    ref = reference_year(passage)
    asked = set(q.period.resolved(ref))
    if not asked:
        return True, ()
    # The years that date a clause are those written before its end in the same
    # sentence, else the paragraph's, else those of the last dated sentence of
    # the paragraph before: a news paragraph that gives no date goes on in the
    # time frame the one before ended with ("2025年前九个月，贸易额…" then
    # "哈萨克斯坦的出口额为…" is the same nine months, not "last year").
    scope = through(sentence, clause, sentence)
    # A figure's own clause that dates it wins over the sentence before it:
    # "今年前八个月…略超3500万美元，较去年同期的5700万美元" gives 5700万 for
    # last year. Not for a rate: "比2023年增长12%" names the base, and the
    # rate belongs to the year the sentence opened with.
    # (Years inside a title name the work, not the clause's time: 《2024-2026年合作计划》.)
    own = _said_years(TITLE.sub("", clause), ref) if AnswerType.PERCENT.value not in q.span_types and clause in sentence else []
    said = own or _said_years(scope, ref) or _said_years(sentence, ref) or _said_years(passage.text, ref) \
        or _last_said_years(before, ref)
    if not said:
        return True, ()  # undated: nothing contradicts the question
    return bool(asked & set(said)), tuple(dict.fromkeys(y for y in said if y not in asked))


def _said_years(text: str, reference_year: int | None) -> list[int]:
    """Years a text gives: written out, or relative ("去年", "last year")
    resolved against the article's year."""
    said = [int(y) for y in YEAR_SAID.findall(text)]
    if reference_year:
        said += [reference_year + r for r in period_of(text).relative]
        if CURRENT.search(text):
            said.append(reference_year)  # "目前共有2766名…" is the article's year, not 2024
    return said


def _last_said_years(text: str, reference_year: int | None) -> list[int]:
    """The years of the last sentence of `text` that gives any."""
    for sentence in reversed(SENTENCE_END.split(text)):
        said = _said_years(sentence, reference_year)
        if said:
            return said
    return []


def _last_said_part(text: str) -> tuple[int, int] | None:
    """The months the last dated sentence of `text` covers (the paragraph
    before, whose time frame an undated paragraph goes on in: see _years)."""
    for sentence in reversed(SENTENCE_END.split(text)):
        period = period_of(sentence)
        if period.years or period.relative or period.part:
            return part_months(period.part)
    return None


LAST_YEAR = re.compile(r"去年|上年|\blast year\b|\bprevious year\b", re.I)


def part_said(q: Question, sentence: str, clause: str, paragraph: str = "", before: str = "") -> str:
    """The months the clause covers, in words, when the question asks other
    months. A clause that names no months takes its paragraph's; where neither
    does, a figure for "this year" or "2024" is the year's, or the year's so
    far: it answers a question about the full year, not one about some months
    ("哈吉贸易额今年达到14亿美元" is no answer for 头五个月)."""
    asked = part_months(q.period.part)
    if not asked:
        return ""
    # The clause's own months first ("今年前五个月已达…，预计全年可突破20亿美元":
    # the second clause is the full year), then the sentence up to it, then
    # the paragraph and the one before.
    said = part_months(period_of(clause).part) or part_months(period_of(through(sentence, clause, sentence)).part)
    if said is None and (YEAR_SAID.search(clause) or LAST_YEAR.search(clause)):
        # "2020年，两国贸易额为7.962亿美元", "去年两国贸易额达5.557亿美元": a year
        # named without months, or last year (a year that is over), is the whole year.
        said = (1, 12)
    said = said or part_months(period_of(paragraph).part) or _last_said_part(before)
    if said is None:
        return "" if asked == (1, 12) else "the year (months not stated)"
    return months_in_words(said) if said != asked else ""


# A total over several years asked: "过去15年…投资总额", "over the past 15
# years", "since 2005", "累计". A figure for a part of one year is no answer.
TOTAL_ASKED = re.compile(r"(?:过去|近|最近)\s*(?:\d+|[一二三四五六七八九十两几]+)\s*年|累计|历年|迄今|\bover the (?:past|last) \w+ years\b"
                         r"|\b(?:over|across|during|in|within) (?:the )?(?:past |last )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|several|a few) years\b"
                         r"|\b(?:over|across|during) (?:a|the past|the last) (?:decade|decade and a half)\b"
                         r"|\bsince (?:19|20)\d\d\b|自\s*(?:19|20)\d\d\s*年|\bcumulative\b|\bto date\b", re.I)


def part_for_total(q: Question, sentence: str, clause: str) -> str:
    """The months the clause covers, in words, when the question asks a total
    over years and the clause gives a part of one year ("2024年前9个月…480万美元"
    for "过去15年…投资总额")."""
    if not TOTAL_ASKED.search(fold(q.text)) or q.period.part:
        return ""
    said = part_months(period_of(clause).part) or part_months(period_of(through(sentence, clause, sentence)).part)
    return months_in_words(said) if said and said != (1, 12) else ""


def since(q: Question, passage: Passage, sentence: str, clause: str) -> int | None:
    """The first year (2005) when the clause gives a total over years that
    start before the one asked and the question does not ask for a total.
    The clause is dated by the last time expression up to its end in its
    sentence ("2005—2024 年间，A…，而B累计5650万美元": B's figure too)."""
    years = q.period.resolved(reference_year(passage))
    if not years or ASKS_TOTAL.search(fold(q.text)):
        return None
    scope = fold(through(sentence, clause, clause))
    totals = list(TOTAL_SPAN.finditer(scope))
    if not totals:
        return None
    last = totals[-1]
    if any(m.start() >= last.end() for m in YEAR_SAID.finditer(scope)):
        return None  # a plain year after the total dates the clause
    start = int(next(g for g in last.groups() if g))
    return start if start < min(years) else None


def part_months(part: str | None) -> tuple[int, int] | None:
    if part in PART_MONTHS:
        return PART_MONTHS[part]
    m = re.fullmatch(r"M(\d+)-(\d+)", part or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


MONTH_NAMES = "January February March April May June July August September October November December".split()


def months_in_words(months: tuple[int, int]) -> str:
    a, b = months
    if (a, b) == (1, 12):
        return "the full year"
    return f"{MONTH_NAMES[a - 1]}–{MONTH_NAMES[b - 1]}"


# A year written as part of a date: "2003年12月25日", "2003-12-25", "2003".
YEAR_IN_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年|\s*[-/.]\d|\s*$)")


def date_of_another_year(q: Question, span: str) -> bool:
    """A day asked within a year the question types ("which day in 1997")
    and a span dated in another year: the clause may name both years (two
    treaties in one sentence), the span is the other one's."""
    # Only where a day is asked: "1951年至哪一年" types the start of a span, and its answer is another year.
    if q.answer_type is not AnswerType.DATE or not q.period.years or not DAY_ASKED.search(fold(q.text)):
        return False
    said = {int(y) for y in YEAR_IN_DATE.findall(span)}
    return bool(said) and not said & set(q.period.years)
