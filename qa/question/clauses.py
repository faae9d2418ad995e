"""The clause of a question that asks (as opposed to what it sets out from),
and what is written in it: ordinals of a series, numbers spelt out, the
literals (numbers, Latin words) and foreign names a passage must repeat."""

from __future__ import annotations

import re

from qa.text.entities import Entity
from qa.text.lexical import LATIN_OR_NUMBER, ORDINALS, QUESTION_LATIN, STOP_LATIN, chinese_for
from qa.text.transliterate import MIN_LETTERS


EN_NUM = "one two three four five six seven eight nine ten eleven twelve".split()
CN_NUM = {c: i for i, c in enumerate("零一二三四五六七八九十")}


# A clause that asks: the question's clause, as opposed to what it sets out
# from ("Tokayev's op-ed cited 2024 trade; what was it in 2023?").
ASKING = re.compile(r"多少|几|幾|哪|什么|什麼|吗|嗎|谁|誰|何|怎么|是否|有没有|\b(?:what|how|which|when|who|whom|whose|where|whether|"
                    r"do|does|did|is|are|was|were|can|could|has|have|had)\b", re.I)
_CLAUSES = re.compile(r"[;；—–。？?!！，,]")


def _asking_split(text: str) -> tuple[list[str], int | None]:
    """The question's clauses and the index of the last one with a question word (None if none)."""
    clauses = _CLAUSES.split(text)
    return clauses, max((i for i, c in enumerate(clauses) if ASKING.search(c)), default=None)


def _the_asking_clause(text: str) -> str:
    """The one clause with the question word ("俄资企业已经超过多少家，可惜加工制造业占比偏低？"
    -> "俄资企业已经超过多少家"), without the remarks after it; the whole text if none."""
    clauses, last = _asking_split(text)
    return clauses[last] if last is not None else text


def asking_clause(text: str) -> str:
    """The question's asking clause to its end: the last clause with a
    question word ("哈对俄出口整体下降，但哪些商品反而涨了" -> "但哪些商品反而涨了"),
    else the clause a question mark closes; else the whole text."""
    clauses, last = _asking_split(text)
    if last is None:
        # No question word: the clause the question mark closes ("…two years
        # before 2024, i.e. the 2022 figure?").
        # (A clause of words, not a bare year: "kz ru trade 2024, 2023?" asks both.)
        marked = [i for i, c in enumerate(clauses) if c.strip()]
        tail = " ".join(clauses[marked[-1]:]) if marked else ""
        worded = re.search(r"[A-Za-z]{3,}|[\u4e00-\u9fff]{2,}", re.sub(r"(?:19|20)\d\d\s*年?", "", tail))
        return tail if worded and re.search(r"[?？]\s*$", text) else text
    return " ".join(clauses[last:])


# One of a series of meetings, sessions or rounds: 第十三次会议, 第13届, 第二峰会,
# the 13th session, the thirteenth meeting. (第三大 ranks, and is no such ordinal.)
# 首届 / 首次 is the first of a series as 第一届 is.
SERIES_ZH = re.compile(r"(?:第\s*([0-9]+|[一二三四五六七八九十两]+)|(首))\s*(?:次|届|轮|期|峰会|会议|论坛|大会)")
SERIES_EN = re.compile(r"\b(?:([0-9]+)(?:st|nd|rd|th)|(first|" + "|".join(ORDINALS) + r"))\s+(?:\w+\s+){0,3}?"
                       r"(?:meeting|session|summit|round|forum|conference|congress|plenary|sitting)s?\b", re.I)


def ordinals_in(text: str) -> list[int]:
    """The ordinals of a series a text states, in order (the question's first
    is the one asked; qa.answer.constraints checks that a clause about
    another one of the series does not answer)."""
    out = [_chinese_int(m.group(1)) if m.group(1) else 1 for m in SERIES_ZH.finditer(text)]
    for m in SERIES_EN.finditer(text):
        out.append(int(m.group(1)) if m.group(1) else 1 if m.group(2).lower() == "first" else ORDINALS.index(m.group(2).lower()) + 2)
    return [n for n in out if n]


def _chinese_int(s: str) -> int:
    """"13", "十三", "二十一", "十" -> int (up to 99); 0 if unreadable."""
    if s.isdigit():
        return int(s)
    digits = {**CN_NUM, "两": 2}
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(s, 0) if len(s) == 1 else 0


def _foreign_names(question: str, known: set[str]) -> tuple[str, ...]:
    """Latin words of MIN_LETTERS or more that are no entity we know, no
    function or question word and no word the dictionary translates: names a
    Chinese article writes in transliteration. Typed in any case ("japarov")."""
    out = []
    for m in re.finditer(r"[A-Za-z]+", question):
        w = m.group().lower()
        if len(w) < MIN_LETTERS or w in known or w in STOP_LATIN or w in QUESTION_LATIN or chinese_for(w):
            continue
        out.append(w)
    return tuple(dict.fromkeys(out))


NAME_PREFIXES = frozenset("trans inter intra cross pan sino euro afro anglo post pre anti non neo pro north south east west "
                          "central upper lower greater new old".split())


def _literals(question: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Numbers and Latin names the passage should contain verbatim ("2024", "AIFC")."""
    names = {w.lower() for e in entities for w in e.name_en.split()} | {e.surface.lower() for e in entities}
    out = []
    for m in LATIN_OR_NUMBER.finditer(question):
        tok = m.group().lower()
        # Capitalised common words ("What") are not literals; acronyms and numbers are.
        is_name = m.group()[0].isupper() and len(tok) > 1 and not m.group().istitle()
        if tok in STOP_LATIN or tok in names:
            continue
        if tok[0].isdigit() or is_name or (m.group().istitle() and m.start() > 0):
            out.append(tok)
            # A hyphenated name is also looked for by its parts: "Trans-Altai"
            # is written 跨阿尔泰, found through Altai's transliteration;
            # "Issyk-Kul" through Issyk. A prefix (trans-, inter-) is no name.
            out += [p for p in tok.split("-") if len(p) >= 3 and p.isalpha() and p not in STOP_LATIN and p not in names
                    and p not in NAME_PREFIXES] if "-" in tok and not tok[0].isdigit() else []
    out += [str(n) for n in number_words(question)]
    return tuple(dict.fromkeys(out))


TEENS = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(TEENS)})|({'|'.join(TENS)})(?:[-\s]({'|'.join(EN_NUM[:9])}))?)\b", re.I)


def number_words(text: str) -> list[int]:
    """Numbers from 11 to 99 spelt out ("over fifteen years", "twenty-five
    firms"): a passage writes them in digits (过去15年间). Smaller ones are
    left out: Chinese text writes them as characters as often (十余次, 五国)."""
    out = []
    for m in NUMBER_WORD.finditer(text):
        if m.group(1):
            out.append(11 + TEENS.index(m.group(1).lower()))
        else:
            out.append(20 + 10 * TENS.index(m.group(2).lower()) + (EN_NUM.index(m.group(3).lower()) + 1 if m.group(3) else 0))
    return out
