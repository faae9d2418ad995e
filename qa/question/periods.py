"""The years and parts of a year a question asks or a passage states: 2024,
last year, the first half, January to August, the whole year, the same
period; the period phrases that are no topic words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.question.clauses import EN_NUM, _chinese_int, asking_clause
from qa.text.lexical import fold


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
RELATIVE_YEARS = [
    # This month is in this year ("earlier this month", "本月初"): a figure of another year does not answer.
    (re.compile(r"\bthis year\b|\bcurrent year\b|今年|本年|\bthis month\b|本月|这个月"
                r"|\bthis (?:january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I), 0),
    (re.compile(r"\b(?:last|previous|past|prior) (?:full |calendar |whole )?year\b|去年|上年", re.I), -1),
    (re.compile(r"\bnext year\b|明年", re.I), 1),
]
PARTS = [
    (re.compile(r"first half|\bH1\b|上半年", re.I), "H1"),
    (re.compile(r"second half|\bH2\b|下半年", re.I), "H2"),
    (re.compile(r"first three quarters|前三季度|前3季度", re.I), "M1-9"),
    (re.compile(r"first quarter|\bQ1\b|一季度|第一季度", re.I), "Q1"),
    (re.compile(r"same period|同期", re.I), "same-period"),
    # The whole year asked outright: a figure for part of it does not answer.
    (re.compile(r"全年|整年|\bfull[- ]year\b|\bwhole year\b|\bentire year\b|\bcalendar year\b"
                r"|\b(?:all|the whole|whole) of (?:19|20)\d\d\b|\b(?:entire|full) (?:19|20)\d\d\b"
                # A year's twelve months ("2024年12个月合计", "all 12 months of 2024"); not
                # 2024年12月 (December) and not "the last 12 months" (no calendar year).
                r"|(?:19|20)\d\d\s*年(?:的)?(?:全部|整整|全)?\s*(?:12|十二)\s*个月|\b(?:all\s+|the\s+)?(?:12|twelve)\s+months\s+of\s+(?:19|20)\d\d\b", re.I), "M1-12"),
]
# A period the text says it does not mean ("全年多少？不是前八个月的", "the whole
# year, not just January-August") is no period asked: the words after a
# negation, to the end of their clause, are not read for a period.
NEGATED_PERIOD = re.compile(r"(?:而不是|不是|并非|而非|\bnot\b(?! only)(?: just| merely)?|\brather than\b|\binstead of\b|\bother than\b|\bexcluding\b)"
                            r"[^，。？?；;,.!！]*", re.I)
MONTHS = "january february march april may june july august september october november december".split()
# A month named in full or by its usual short form ("Jan", "Sept").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
# "2025 eight months" (a year, then its months, as typed in a search box) reads as the first eight.
MONTH_RANGE = re.compile(rf"\b({_MONTH})\s*(?:-|–|—|to|through|until)\s*({_MONTH})(?![a-z])|(\d{{1,2}})\s*(?:-|–|—|至|到)\s*(\d{{1,2}})\s*月"
                         rf"|(?:前|头)\s*([一二三四五六七八九十\d]+)\s*个?月|\b(?:first\s+|(?<=\d{{4}} ))(\d{{1,2}}|{'|'.join(EN_NUM)})\s+months\b", re.I)
# "Between January and May": the range, in MONTH_RANGE's first two groups.
BETWEEN_MONTHS = re.compile(rf"\bbetween\s+({_MONTH})\s+and\s+({_MONTH})(?![a-z])", re.I)
# The months of a year up to one named: "through August", "by the end of
# September", "截至8月", "到9月底" are January to that month.
THROUGH_MONTH = re.compile(rf"\b(?:through|thru|until|till|up to|by the end of|to the end of|as of the end of)\s+({_MONTH})(?![a-z])"
                           r"|(?:截至|截止到?)\s*(\d{1,2})\s*月(?:底|末)?", re.I)


@dataclass(frozen=True)
class Period:
    years: tuple[int, ...] = ()  # years named: 2024
    relative: tuple[int, ...] = ()  # 0 this year, -1 last year, +1 next year
    part: str | None = None  # "H1", "Q1", "M1-8" (January to August), "same-period"

    def resolved(self, reference_year: int | None) -> tuple[int, ...]:
        """Years asked, "last year" resolved against the article's year."""
        rel = tuple(reference_year + r for r in self.relative) if reference_year else ()
        return tuple(dict.fromkeys(self.years + rel))


def _period_phrases(folded: str) -> list[str]:
    """The question's period phrases ("2025年前九个月", "the first nine months
    of 2025"), lower case: pieces of them ("nine", "months", "年前", "九个")
    are no topic words a passage must repeat. Matches that touch (one
    character apart) join: 2025 + 年 + 前九个月."""
    spans = sorted(m.span() for rx in (YEAR, MONTH_RANGE, *(r for r, _ in (*RELATIVE_YEARS, *PARTS))) for m in rx.finditer(folded))
    joined: list[list[int]] = []
    for a, b in spans:
        if joined and a <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], b)
        else:
            joined.append([a, b])
    return [folded[a:b].lower() for a, b in joined]


def _in_phrases(word: str, phrases: list[str]) -> bool:
    w = word.lower()
    if w.isascii():
        return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", p) for p in phrases)
    return any(w in p for p in phrases)


def _is_period_word(word: str) -> bool:
    """Months, "last year", 上半年…: the period's business, not topic words."""
    return word.lower() in MONTHS or bool(re.fullmatch(_MONTH, word, re.I)) or bool(re.fullmatch(r"[\d一二三四五六七八九十]+月(?:份)?|前?[\d一二三四五六七八九十]+个月", word)) \
        or any(rx.search(word) for rx, _ in (*RELATIVE_YEARS, *PARTS))


def period_of(text: str) -> Period:
    """The years and part of a year a text states (a question's or a passage's)."""
    return _period(fold(text))


# Years that name a plan rather than a period asked: a span of years before a
# plan's noun ("the 2024-2026 cooperation plan", 《2024-2026年合作计划》), or any
# year inside a title's brackets. "When was the 2024-2026 plan signed?" asks
# when it was signed, not about those years.
PLAN_NAME = re.compile(r"《[^》]*》|(?<!\d)(?:19|20)\d\d\s*(?:-|–|—|至|到|to)\s*(?:19|20)?\d\d\s*年?(?:度)?\s*"
                       r"(?:[\w\u4e00-\u9fff-]+\s*){0,3}?(?:plan|programme|program|strategy|roadmap|agenda|计划|规划|纲要|战略|路线图|议程)", re.I)


# A decade ("the 1990s", "1990年代") is no year asked: "in the 1990s" holds 1997.
DECADE = re.compile(r"(?<!\d)(?:19|20)\d0(?:\s*年代|['’]?s\b)", re.I)


# The year a change is measured against ("比去年同期少了百分之几", "up how much on
# last year"): the base of the change, not the period asked (a question that
# compares the two periods is a comparison, and asks both).
BASE_OF_CHANGE = re.compile(r"(?:比|较|相比|相较|与|同|跟|对比)(?:于)?\s*(?:去年|上年)(?:同期)?"
                            r"|\b(?:than|over|versus|vs\.?|compared (?:with|to)|on) (?:the )?(?:same (?:period|months?) (?:of |in )?)?"
                            r"(?:last|previous|prior) year\b", re.I)


def _asked_period(folded: str, comparison: bool) -> Period:
    """The period of the question's asking clause, when the question names
    several years and sets out from the others: "I keep seeing the 2024
    figure — do we have the 2023 one?", "2020年的数字有了，那2019年做了多少？"
    ask about 2023 and 2019 alone. The asking clause is the last one with a
    question word, read to the end of the question; a comparison asks all
    its years."""
    if not comparison:
        folded = BASE_OF_CHANGE.sub(lambda m: " " * len(m.group()), folded)
    whole = _period(folded)
    if whole.part is None and (n := _bare_months(folded)):
        whole = Period(whole.years, whole.relative, f"M1-{n}")
    if comparison:
        return whole
    clause = _period(asking_clause(folded))
    asked = set(clause.years)
    if asked and whole.relative and not clause.relative:
        # "Tokayev quoted last year's figure; what was it for 2023?": the
        # year said relatively is what the question sets out from.
        whole = Period(whole.years, (), whole.part)
    if len(set(whole.years)) < 2 or not asked or asked == set(whole.years):
        return whole
    return Period(tuple(y for y in whole.years if y in asked), whole.relative, whole.part)


# "turnover 9 months yoy" as typed in a search box: a statistic's months counted
# from January, as statistics offices count them (not "the last 9 months",
# "over 9 months", "9 months later").
BARE_MONTHS = re.compile(rf"\b(\d{{1,2}}|{'|'.join(EN_NUM)})[- ]months?\b(?!\s+(?:ago|later|earlier|before|after|long))", re.I)
NOT_FROM_JANUARY = re.compile(r"\b(?:last|past|next|previous|recent|within|over|in|for|during|after|about|some|every)\s*$", re.I)


def _bare_months(folded: str) -> int | None:
    m = BARE_MONTHS.search(folded)
    if not m or NOT_FROM_JANUARY.search(folded[: m.start()]):
        return None
    n = m.group(1).lower()
    n = int(n) if n.isdigit() else EN_NUM.index(n) + 1
    return n if 1 < n < 12 else None


def _month_number(name: str) -> int:
    """1-12 for a month named in full or by its short form ("Aug", "Sept")."""
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(name.lower()[:3]))


def _period(folded: str) -> Period:
    folded = NEGATED_PERIOD.sub(lambda m: " " * len(m.group()), folded)
    named = [m.span() for m in PLAN_NAME.finditer(folded)] + [m.span() for m in DECADE.finditer(folded)]
    years = tuple(int(m.group()) for m in YEAR.finditer(folded) if not any(a <= m.start() < b for a, b in named))
    relative = tuple(r for rx, r in RELATIVE_YEARS if rx.search(folded))
    part = next((p for rx, p in PARTS if rx.search(folded)), None)
    m = MONTH_RANGE.search(folded) or BETWEEN_MONTHS.search(folded)
    if m:
        if m.group(1):
            a, b = (_month_number(g) for g in m.group(1, 2))
        elif m.group(3):
            a, b = int(m.group(3)), int(m.group(4))
        elif m.group(6):
            n = m.group(6).lower()
            a, b = 1, int(n) if n.isdigit() else EN_NUM.index(n) + 1
        else:
            n = m.group(5)
            a, b = 1, _chinese_int(n)
        part = f"M{a}-{b}"
    elif part is None and (t := THROUGH_MONTH.search(folded)):
        end = _month_number(t.group(1)) if t.group(1) else int(t.group(2))
        part = f"M1-{end}" if 1 < end <= 12 else None
    return Period(years, relative, part)
