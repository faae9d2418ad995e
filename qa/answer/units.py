"""Units and measure words: is a span in the measure the question asks?

A question that names a unit ("in km", "多少吨", "how long") is not answered
by a figure in another ("1000万吨" for a length); one that counts a kind of
thing ("多少家企业", "how many times") is not answered by a count of another
kind ("70余份" documents, "两年"). unit_clash() is the one check the answer
stage calls (qa.answer.choose, qa.answer.readings).
"""

from __future__ import annotations

import re

from qa.answer.spans import CN_DIGITS
from qa.question import CAPITAL_WORDS, HOW_LONG_LENGTH, HOW_MANY_ZH, MEASURE_ALTERNATION, MONEY_WORDS, AnswerType, answer_type, as_how_many
from qa.text.vocab import PEOPLE_EN, PEOPLE_GROUPS, PEOPLE_ZH
from qa.text.lexical import fold


# Units by what they measure: a question that names one ("in km", "多少吨",
# "how long") is not answered by a figure in another ("1000万吨" for a length).
UNIT_GROUPS = {
    "area": ("平方公里", "平方千米", "平方米", "平方公尺", "平方英里", "平方英尺", "公顷", "英亩", "亩", "hectare", "acre", "square",
             "km2", "km²"),
    "volume": ("立方米", "cubic", "bcm", "桶", "barrel"),
    "length": ("公里", "千米", "公尺", "公分", "厘米", "毫米", "英里", "英尺", "海里", "米", "km", "kilomet", "mile", "metre", "meter",
               "feet", "foot", "cm", "mm"),
    "weight": ("吨", "公斤", "千克", "磅", "tonne", "ton", "kg", "pound"),
    "power": ("兆瓦", "千瓦", "吉瓦", "megawatt", "gigawatt", "mw", "gw", "kw"),
    "time": ("小时", "分钟", "个月", "天", "周", "年", "世纪", "hour", "minute", "day", "week", "month", "year", "decade", "centur"),
    "speed": ("公里/小时", "公里每小时", "千米/小时", "时速", "km/h", "kmh", "kph", "mph"),
}
_UNIT = re.compile("|".join(sorted((re.escape(u) for us in UNIT_GROUPS.values() for u in us), key=len, reverse=True)), re.I)
_UNIT_GROUP = {u: g for g, us in UNIT_GROUPS.items() for u in us}
# Words that ask a measure without naming its unit.
# Only as the thing asked: "重量是多少" asks a weight, "重量都在三十磅以下，是在哪个年代" a date.
ASKS_MEASURE = [(re.compile(r"how long|how far|多长(?!时间)|多远|(?:长度|距离|里程)(?:是|为|有|约)?多少", re.I), "length"),
                (re.compile(r"how long|多长时间|多久", re.I), "time"),
                (re.compile(r"how heavy|\btonnage\b|多重|重量(?:是|为|有|约)?多少|吨位", re.I), "weight"),
                # ("How fast did trade grow" asks a rate, not a speed: only the word speed asks one.)
                (re.compile(r"\b(?:top |maximum |max |average |cruising )?speed\b|\bkm/h\b|\bmph\b|时速|速度(?:是|为|有|约|可达)?多少", re.I), "speed"),
                (re.compile(r"占地多大|占多大(?:地方|地盘|面积)|多大面积|面积(?:是|为|有|约)?多(?:少|大)|how (?:large|big) (?:an |the )?area|"
                            r"\b(?:land|floor|total|surface) area\b|\barea of\b", re.I), "area"),
                # A plant's or a pipeline's capacity is stated in one of three measures;
                # "seating capacity" (a bare count) is not asked this way.
                *((re.compile(r"\b(?:installed|generating|power|planned|design|annual) capacity\b|装机容量|发电能力|设计能力|年产能", re.I), g)
                  for g in ("power", "volume", "weight"))]


def units_in(text: str) -> set[str]:
    """What the units a text names measure ("1000万吨" -> {"weight"})."""
    low = fold(text).lower()
    out = {"length"} if re.search(r"\d\s*m(?![a-z])", low) else set()  # "±10m": a bare m after a number is metres
    for m in _UNIT.finditer(low):
        u = m.group().lower()
        latin = u.isascii()
        # A Latin unit is a word of its own: "km" in "12 km", not in "Bakmeyer".
        if latin and (m.start() > 0 and low[m.start() - 1].isalpha()):
            continue
        if latin and u in ("ton", "pound", "mile", "hour", "minute", "day", "week", "month", "year") and m.end() < len(low) and low[m.end()].isalpha() and low[m.end()] not in "sn":
            continue
        if latin and u in ("mw", "gw", "kw", "km", "kg", "bcm", "km2", "cm", "mm") and m.end() < len(low) and low[m.end()].isalpha():
            continue
        out.add(_UNIT_GROUP.get(u) or next(g for k, g in _UNIT_GROUP.items() if k.lower() == u))
    return out


# A unit the question asks in ("多少吨", "几公里", "how many tonnes", "in km"),
# not one it only mentions ("over the past 15 years", "前八个月").
ASKED_UNIT = re.compile(r"(?:多少|几|\bhow many|\bin|^\W*(?=\w+ of\b))\s*(?:万|亿|千|百)?\s*(" + _UNIT.pattern + ")", re.I)  # (also "Kilometres of track…?")


def asked_units(question: str) -> set[str]:
    """What the question asks to be measured: the unit it asks in, else what
    its wording asks ("how long": a length or a duration)."""
    folded = fold(question)
    named = {g for m in ASKED_UNIT.finditer(folded) for g in units_in(m.group(1) + " ")}
    return named or {g for rx, g in ASKS_MEASURE if rx.search(folded)}


# The measure word a Chinese question counts with ("多少家企业": 家).
ASKED_MEASURE = re.compile(rf"(?:多少|几)\s*({MEASURE_ALTERNATION})")


# Measure words by what they count. Words of one group stand for each other
# ("多少位冠军" is answered by "73人", "几首歌" by "5张"); words of two groups
# do not ("70余份" documents for "多少家企业" firms). Words in no group never clash.
MEASURE_GROUPS = ({"位", "名", "人"}, {"家", "所"}, {"份", "项", "件", "部", "篇"}, {"国"}, {"次", "回", "遍", "趟"}, {"册", "本", "卷"},
                  {"倍"})  # a multiple: "几倍" is not answered by "1000万吨"
# What an English question counts, as the measure word a Chinese text counts
# it with ("how many times" 次, "how many companies" 家); "how many times
# larger" asks a multiple (倍), not a number of times.
EN_MEASURES = [
    # A multiple: "how many times larger", "by how many times", and "how many
    # times" asked of something that grows or of a capacity ("how many times
    # will capacity multiply", "how many times capacity"); read first, so the
    # count of occurrences below ("how many times did they meet") does not take it.
    (re.compile(r"\bhow many times (?:more|less|larger|bigger|higher|greater|smaller|as|over)\b|\bby how many times\b|\bby what (?:factor|multiple)\b"
                r"|\bhow many times\b(?=.*\b(?:grow|grew|grown|increas\w*|rise|rose|risen|multipl\w*|expand\w*|boost\w*|rais\w*|capacity|output|throughput)\b)", re.I), "倍"),
    # "By how many times will it raise…" asks a multiple as "how many times larger" does.
    (re.compile(r"(?<!\bby )\bhow many (?:times|rounds|sessions|visits)\b(?!\s+(?:more|less|larger|bigger|higher|greater|smaller|as|over)\b)", re.I), "次"),
    # The counted noun may follow a word or two ("how many Kyrgyz students", "Kazakh–Armenian joint ventures").
    (re.compile(rf"\bhow many (?:[\w\-–]+\s+){{0,2}}?(?:{PEOPLE_EN})\b", re.I), "人"),
    # A headcount asked ("headcount of participants", "number of attendees"): people.
    (re.compile(r"\bhead ?count\b|\bnumber of (?:\w+\s+)?(?:participants|attendees|delegates|people|persons)\b", re.I), "人"),
    (re.compile(r"\bhow many (?:[\w\-–]+\s+){0,3}?(?:companies|firms|enterprises|businesses|banks|schools|universities|colleges|institutions|ventures|jvs)\b", re.I), "家"),
    (re.compile(r"\bhow many (?:\w+\s+)?(?:documents|agreements|deals|contracts|memoranda|treaties|projects)\b", re.I), "份"),
    (re.compile(r"\bhow many (?:countries|nations|states)\b", re.I), "国"),
    (re.compile(r"\bhow many (?:\w+\s+)?(?:books|volumes|copies|titles)\b", re.I), "册"),
]
# A question that counts people without a measure word right after 多少
# ("有多少吉尔吉斯族人", "多少中国游客"): the head noun names them.
OUTPUT_ASKED = re.compile(r"\b(?:output|capacity|throughput)\b|产量|产能|容量|发电量|吞吐量|运力", re.I)
# Books counted without a measure word ("有多少藏书", "多少图书"): counted in 册 or 本.
ASKED_BOOKS = re.compile(HOW_MANY_ZH + r"\s*[\u4e00-\u9fff]{0,4}?(?:藏书|图书|书籍|书)(?=\W|$)")
ASKED_PEOPLE = re.compile(HOW_MANY_ZH + r"\s*[\u4e00-\u9fff]{0,8}?(?:人|游客|学生|员工|居民|侨民)(?=\W|$)")
# "两国" (the two countries), "双方" (both sides) name the pair a news text is
# about, not a count of anything; they count only where countries are counted.
PAIR_WORDS = re.compile(r"两国|两岸|双方|两方")
COUNTS_COUNTRIES = re.compile(r"(?:多少|几)\s*个?\s*国|how many (?:countries|nations|states)", re.I)


def measure_clash(question: str, span: str) -> bool:
    """A count of another kind of thing than the one the question counts."""
    folded = fold(question)
    if PAIR_WORDS.fullmatch(fold(span).strip()) and not COUNTS_COUNTRIES.search(folded):
        return True
    if OUTPUT_ASKED.search(folded) and [w for w in _measures_in(span) if w != "倍" and any(w in g for g in MEASURE_GROUPS)]:
        # (a multiple, 五倍, may say how much it grows; 2025年 is a date)
        return True  # an output or a capacity is stated in units (兆瓦, 吨), not as a count of things (三国)
    kinds = [g for w in _measures_in(span) for g in MEASURE_GROUPS if w in g]
    units = units_in(span)
    counts_ge = not kinds and bool(GE_COUNT.search(span))
    if not kinds and not units and not counts_ge:
        return False  # most spans: nothing here can clash (and this runs per clause)
    word = _asked_word(folded)
    if word is None and answer_type(question) is AnswerType.MONEY and (MONEY_WORDS.search(folded) or CAPITAL_WORDS.search(folded)):
        # An amount asked: a count of things ("逾100家" firms) is none. (Only
        # for an amount: a sentence that answers "why" may well count firms.)
        return bool(kinds)
    asked = next((g for g in MEASURE_GROUPS if word and word in g), None)
    if asked is None and ASKED_PEOPLE.search(folded):
        asked = MEASURE_GROUPS[0]
    if asked is None and ASKED_BOOKS.search(folded):
        asked = next(g for g in MEASURE_GROUPS if "册" in g)
    if asked is None:
        # "How many wagons / 多少节车厢": things, whatever their measure, are
        # not a length of time ("两个月").
        return units == {"time"} and _counts_things(folded)
    return _clash(asked, kinds, units, counts_ge)


def _asked_word(folded: str) -> str | None:
    """The measure word the question counts with: the Chinese one after 多少 / 几,
    or the one an English "how many …" stands for (EN_MEASURES)."""
    m = ASKED_MEASURE.search(folded)
    return m.group(1) if m else next((w for rx, w in EN_MEASURES if rx.search(as_how_many(folded))), None)


def counts_other_than_people(question: str, text: str) -> bool:
    """People are counted and the text counts something else with 个
    ("五个展区" for "how many people visited": exhibition halls). `text`: the
    span with what follows it in its clause."""
    noun = GE_NOUN.match(fold(text).strip())
    if not noun or re.search(PEOPLE_ZH, noun.group(1)):
        return False
    folded = fold(question)
    word = _asked_word(folded)
    return word in MEASURE_GROUPS[0] or (word is None and bool(ASKED_PEOPLE.search(folded)))


def _counts_things(folded: str) -> bool:
    """The question counts things by name ("how many wagons", "多少节车厢"),
    and not units of time ("how many years", "多少天")."""
    m = COUNTED_NOUN.search(folded)
    return bool(m) and not TIME_NOUN.search(m.group(0))  # with the measure: 多少分钟 is time


# The noun after "how many" / 多少 (with its measure word) in a question.
COUNTED_NOUN = re.compile(r"\bhow many ((?:[\w\-–]+\s+){0,2}?[\w\-–]+)\b|" + HOW_MANY_ZH + r"\s*[\u4e00-\u9fff]?([\u4e00-\u9fff]{1,4})", re.I)
TIME_NOUN = re.compile(r"\b(?:years?|months?|days?|weeks?|hours?|minutes?|decades?|centur\w+|times?)\b|年|月|天|日|周|星期|小时|分钟|世纪|次", re.I)


def _clash(asked, kinds, units, counts_ge) -> bool:
    if units:
        return True  # a count of people, firms or times is not "1000万吨" or "两年"
    if counts_ge and asked & NEVER_GE:
        return True  # times and volumes are never counted with 个: "五个" is no answer to "多少册"
    return bool(kinds) and all(g is not asked for g in kinds)


NEVER_GE = frozenset("次遍回趟本册卷")  # measures no count with the general 个 stands for
GE_COUNT = re.compile(r"[\d一二三四五六七八九十两几]\s*个(?!月|多月|星期|小时)")
GE_NOUN = re.compile(r"(?:约|逾|超过|近)?\s*[\d一二三四五六七八九十两几]+\s*个([\u4e00-\u9fff]{1,4})")  # what a 个 count counts ("五个展区": 展区)


# A measure word right after a number ("约6000家", "三千余人"); longest first.
MEASURE_AFTER_NUMBER = re.compile(rf"[\d{CN_DIGITS}余多万千百]\s*({MEASURE_ALTERNATION})")


def _measures_in(span: str) -> list[str]:
    """The measure words a span counts with ("约6000家" -> 家)."""
    return MEASURE_AFTER_NUMBER.findall(fold(span))


def unit_clash(question: str, span: str, clause: str = "") -> bool:
    """The question asks a measure (a unit, or "how long") and the span does
    not state one of it: "1000万吨" or "五倍" for "how long … in km". The
    span's `clause` gives the text right after it, where an English passage
    writes the unit ("5,500,000" then "square kilometres"). A duration is
    often written without a unit ("from 1870 to 1939"): where one may be
    asked, a span with no unit at all passes."""
    asked = asked_units(question)
    at = clause.find(span) if span else -1
    after = clause[at + len(span) : at + len(span) + UNIT_AFTER] if at >= 0 else ""
    said = units_in(f"{span} {after}")
    # A duration may be stated without a unit ("from 1870 to 1939", "until the
    # parliament's term ends"); where "how long" may ask a length ("How long is
    # the track?"), only a span of years passes: "五倍" (five times) is no length.
    unitless = "time" in asked and not said and (YEARS_SPAN.search(span) or not HOW_LONG_LENGTH.search(fold(question)))
    if asked and not asked & said and not unitless:
        return True
    rest = clause[at + len(span) : at + len(span) + GROUP_PHRASE] if at >= 0 else ""
    return measure_clash(question, span) or group_clash(question, rest) or counts_other_than_people(question, span + rest)


# A count of a people as such: "how many ethnic Kyrgyz", "多少吉尔吉斯族人", "how many residents".
ASKS_A_PEOPLE = re.compile(r"\bhow many (?:ethnic|residents|citizens|nationals)\b|(?:多少|几)[^，。？?]{0,10}族人|族群", re.I)
GROUP_AFTER = 12  # characters after a count read for the group it counts ("1000名吉尔吉斯斯坦学生")
# Where a relative clause comes between the count and what it counts ("约4万名
# 居住在哈萨克斯坦、主要分布于曼格斯套州的亚美尼亚社区"), the group is the
# noun after its last 的, read up to the phrase's end (at most GROUP_PHRASE characters).
GROUP_PHRASE = 40


def group_clash(question: str, after: str) -> bool:
    """The figure counts a group of people (PEOPLE_GROUPS) and the question
    asks another: a count of students answers neither "how many migrants"
    nor how many of a people ("ethnic Kyrgyz", 族人), which any one group
    is only part of."""
    folded = fold(question)
    asked = {k for k, rx in PEOPLE_GROUPS.items() if rx.search(folded)}
    if not asked and not ASKS_A_PEOPLE.search(folded):
        return False
    phrase = fold(re.split(r"[，。；,;]", after, maxsplit=1)[0])
    near = phrase.rsplit("的", 1)[1][:GROUP_AFTER] if "的" in phrase else phrase[:GROUP_AFTER]
    named = {k for k, rx in PEOPLE_GROUPS.items() if rx.search(near)}
    if not asked and named == {"diaspora"}:
        return False  # a people's community abroad is that people there ("ethnic Armenians in Kazakhstan")
    return bool(named) and not named & asked


YEARS_SPAN = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)")  # a span naming a year
UNIT_AFTER = 20  # characters after a span read for its unit ("square kilometres")
