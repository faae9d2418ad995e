"""English renderings of Chinese amounts and dates, for English questions.

亿 = 10^8 and 万 = 10^4, so 440亿美元 is US$44 billion, 5.557亿美元 is
US$555.7 million and 2060 万美元 is US$20.6 million. Qualifiers survive
(约 -> about, 超 -> over); a currency we do not know keeps no English rendering
rather than a wrong one. Traditional spans (440億美元, 2060萬美元, 3.5萬噸) are
read folded to Simplified.
"""

from __future__ import annotations

import re

from qa.text.lexical import fold

NUM = r"\d+(?:[.,]\d+)*"
SCALE = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千)"
CURRENCY = {
    "美元": ("US$", "{}"), "欧元": ("€", "{}"), "英镑": ("£", "{}"), "日元": ("¥", "{} (JPY)"),
    "人民币": ("CN¥", "{}"), "元": ("CN¥", "{}"), "卢布": ("", "{} roubles"), "坚戈": ("", "{} tenge"),
}
MONEY = re.compile(
    rf"(?:约|近|超过|超|逾)?\s*{NUM}\s*{SCALE}?\s*(?:{'|'.join(CURRENCY)})"
    # English text: "US$44 billion", "$1.7 billion", "€3 million", "44 billion dollars", "USD 5 million".
    rf"|(?:(?:about|around|nearly|over|more than|some)\s+)?(?:US\$|\$|€|£|USD\s?|EUR\s?)\s?{NUM}(?:\s?(?:trillion|billion|million|bn|m)\b)?"
    rf"|(?:(?:about|around|nearly|over|more than|some)\s+)?{NUM}\s?(?:trillion|billion|million)?\s(?:US\s)?(?:dollars|euros|tenge|roubles|rubles|yuan)\b",
    re.I,
)


SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}


def _human(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}"


def money_value(span: str) -> tuple[float, str] | None:
    """(value, currency) of a Chinese amount (Simplified): 17亿美元 -> (1.7e9, 美元)."""
    m = re.search(rf"({NUM})\s*({SCALE})?\s*({'|'.join(CURRENCY)})", span)
    if not m:
        return None
    return float(m.group(1).replace(",", "")) * SCALES.get(m.group(2) or "", 1), m.group(3)


def money_en(span: str) -> str | None:
    """440亿美元 -> US$44 billion; 2060 万美元 -> US$20.6 million."""
    found = money_value(span)
    if not found:
        return None
    value, currency = found
    prefix, fmt = CURRENCY[currency]
    qualifier = "about " if re.match(r"约|近", span) else "over " if re.match(r"超过|超|逾", span) else ""
    return qualifier + prefix + fmt.format(_human(value))


MONTHS = "January February March April May June July August September October November December".split()


# A year word before a month (今年4月): the year as the article counts it
# (qa.answer.spans.with_year_word keeps it with the date).
YEAR_WORDS_EN = {"今年": " this year", "本年": " this year", "去年": " last year", "明年": " next year",
                 "前年": " two years ago", "同年": " that year", "当年": " that year"}
YEAR_WORD = "(?:" + "|".join(YEAR_WORDS_EN) + ")"


def date_en(span: str) -> str | None:
    m = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", span)
    if m and 1 <= int(m.group(2)) <= 12:
        month = MONTHS[int(m.group(2)) - 1]
        return f"{int(m.group(3))} {month} {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"
    m = re.fullmatch(rf"({YEAR_WORD})?\s*(\d{{1,2}})\s*月(?:\s*(\d{{1,2}})\s*日)?", span)
    if m and 1 <= int(m.group(2)) <= 12:
        day = f"{int(m.group(3))} " if m.group(3) else ""
        return f"{day}{MONTHS[int(m.group(2)) - 1]}{YEAR_WORDS_EN.get(m.group(1) or '', '')}"
    m = re.fullmatch(r"(\d{4})\s*年", span)
    return m.group(1) if m else None


QUALIFIERS_EN = (("约", "about "), ("大约", "about "), ("近", "nearly "), ("将近", "nearly "), ("超过", "more than "),
                 ("超", "more than "), ("逾", "more than "), ("多于", "more than "), ("不少于", "at least "), ("至少", "at least "))


def count_en(span: str) -> str | None:
    """约6000家 -> about 6,000; 超过400家 -> more than 400; 4万名 -> 40,000; 500余名 -> more than 500."""
    m = re.search(rf"({NUM})\s*(万|千)?\s*(余|多)?", span)
    if not m or not re.search(r"[\u4e00-\u9fff]", span):
        return None
    value = float(m.group(1).replace(",", "")) * SCALES.get(m.group(2) or "", 1)
    qualifier = next((en for zh, en in sorted(QUALIFIERS_EN, key=lambda x: -len(x[0])) if span.startswith(zh)), "")
    if m.group(3):
        qualifier = "more than "
    if not qualifier and not m.group(2):
        return None  # "12項" needs no rendering: the number reads the same
    return qualifier + (f"{value:,.0f}" if value == int(value) else f"{value:,}")


def render_en(span: str, qtype: str) -> str | None:
    span = fold(span)
    if not re.search(r"[\u4e00-\u9fff]", span):
        return None  # already English (a span from an English article)
    if qtype == "money" or MONEY.fullmatch(span):
        return money_en(span)
    if qtype == "date":
        return date_en(span)
    if qtype == "count":
        return count_en(span)
    return None


