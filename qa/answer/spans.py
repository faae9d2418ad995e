"""Answer spans inside one clause: amounts, percentages, dates, counts,
places and names, and which of several the question points at.

Among several spans of the expected type, the one the question's words sit
closest to wins (nearness weighted 1/(1 + distance/3)); the counted noun
right after a count weighs double ("19 份合作协议" for "how many agreements");
spans the question itself states, or tied to another year than the one
asked, are not answers.

Traditional Chinese is matched folded to Simplified (OpenCC, as retrieval
does): 億/萬, 個/項/噸, 歐元 and every other Traditional form of a unit,
measure word, currency or place suffix meets the Simplified patterns here,
and the span returned is the clause's own text ("86億美元" stays Traditional).
"""

from __future__ import annotations

import re

from qa.text.lexical import chinese_for, fold
from qa.answer.render import MONEY, NUM, YEAR_WORD
from qa.question import MEASURE_ALTERNATION, as_how_many, number_words

CN_DIGITS = "〇零一二两三四五六七八九十百千"
# Qualifiers belong to the answer: 约6000家, 超过400家, 逾170个, about 6,000.
QUALIFIER = r"(?:约|近|将近|大约|超过|超|逾|多于|不少于|至少|(?:about|around|approximately|nearly|almost|over|more than|at least|some)\s+)?"
PERCENT = re.compile(rf"{QUALIFIER}\s*(?:(?:{NUM}\s*[%％]?\s*(?:-|–|—|~|～|至|到|to)\s*)?{NUM}\s*(?:[%％]|\s?percent\b|\s?per cent\b)|百分之[{CN_DIGITS}]+)", re.I)
DATE = re.compile(
    rf"\d{{2,4}}\s*年代|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}\s*年\s*\d{{1,2}}\s*月|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}\s*年|\d{{1,2}}\s*月"
    # A bare year is four digits on their own: "2060万美元" is an amount, "12024" no year.
    r"|\d{4}-\d{2}-\d{2}"
    # Centuries and decades: 19世纪, 公元前3世纪, 十八世纪, 1990年代.
    rf"|(?:公元前)?(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*世纪(?:初|末|中叶|[一二三四五六七八九]十年代)?"
    # English dates: "3 September 2025", "September 3, 2025", "September 2025".
    r"|(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2},?)?\s+\d{4}"
    r"|(?<![\d.])(?:19|20)\d{2}(?!\d|\.\d|\s*[万亿千百]|\s*(?:billion|million|thousand))"
)
# A count: a number, an optional 万/千 scale, and a measure word ("约 4 万名",
# "19 份", "500余名"); a four-digit number before 年 is a year, not a count.
COUNT = re.compile(
    # A range counts as one ("五到十年", "3-5 个"): its first number, then the count.
    # A number written in characters never opens with 零 (零部件 is parts, not zero of them).
    rf"{QUALIFIER}\s*(?:(?:(?<!\d)(?:{NUM}|[{CN_DIGITS}]+)\s*(?:到|至|-|–|~)\s*(?=[\d{CN_DIGITS}]))?(?:(?<!\d){NUM}(?!\d*\s*年)|(?<!\d)\d{{1,3}}(?=\s*(?:年|周年))|(?![零〇])[{CN_DIGITS}]+)\s*(?:万|千|百)?\s*(?:余|多)?\s*"
    rf"(?:{MEASURE_ALTERNATION}|万(?!\s*(?:美元|元|欧元|卢布|坚戈|人民币|美金|英镑|日元))))"
    # A multiple said as doubling ("需要翻一番", 翻两番, 翻倍) answers "几倍 / how many times".
    r"|翻了?[一两二三四]?番|翻倍"
    # English: a number and the noun it counts ("12 agreements", "about 6,000 companies").
    rf"|{QUALIFIER}(?<![\d.,$€£]){NUM}(?:\s+(?:thousand|million))?\s+(?!percent|per\b|billion|million|thousand|years?\b)[a-z][a-z\-]+",
    re.I,
)
# Places: a known city, or a name ending in a place suffix (乔尔蓬阿塔市, 阿伊鲁姆站).
HELD_AT = re.compile(r"在([\u4e00-\u9fff·]{2,8}?)(?:举行|召开|举办|开幕|闭幕|会晤|会见|签署|签订)")
PLACE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:市|州|省|港|站|县|镇|村|岛|口岸)(?![\u4e00-\u9fff]{0,1}(?:长|政府|委员))")
WINDOW = 14  # characters around a span in which the question's words count as evidence
QUOTED = re.compile(r"《[^》]{1,60}》|“[^”]{1,40}”|\"[^\"]{1,40}\"")
# In Chinese text a capitalised Latin word is nearly always a name (QazaqGaz, AIFC).
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9\-]{2,}(?![A-Za-z0-9])")
ROMAN = re.compile(r"[IVXLCDM]+")
CLAUSE_SPLIT = re.compile(r"(?<=[，；：,;:])")
TITLE_QUESTION = re.compile(r"\btitle|\bcalled\b|\bname of|\bnamed\b|标题|题为|名为|名称|叫什么|称为", re.I)
MIN_CLAUSE = 12  # shorter pieces ("2020年，", "2025年前九个月，") belong to the clause that follows
ORDINAL_QUESTION = re.compile(r"第\s*(?:几|多少|幾)")
PATTERNS = {"money": MONEY, "percent": PERCENT, "date": DATE, "count": COUNT}


# "Which day / what date" asks a day: "2026年" or "8月" does not give one.
DAY_ASKED = re.compile(r"哪(?:一)?(?:天|日)|几号|几月几日|\b(?:which|what) (?:(?:exact|calendar|precise|specific) )?(?:day|date)\b|\bon what day\b"
                       r"|\b(?:exact|calendar|precise) (?:day|date)\b", re.I)
DAY_GIVEN = re.compile(r"\d\s*[日号]|[一二三四五六七八九十廿卅]\s*[日号]|\d{4}-\d{2}-\d{2}|[A-Za-z]+\.?\s+\d{1,2}\b|\b\d{1,2}\s+[A-Z][a-z]+")


def too_coarse(question: str, span: str) -> bool:
    """A day asked and the span gives only a year or a month."""
    return bool(DAY_ASKED.search(fold(question))) and not DAY_GIVEN.search(span)


def clauses(sentence: str) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in CLAUSE_SPLIT.split(sentence):
        piece = carry + piece.strip()
        carry = piece if len(piece) < MIN_CLAUSE else ""
        if not carry and piece:
            out.append(piece)
    if carry:
        # A short last piece that states its own figure ("目标直指300亿美元。")
        # is a clause of its own: joined to the one before, that clause's
        # indicator (贸易额) would pass for it. Other short ends join it.
        out.append(carry) if not out or re.search(r"\d", carry) else out.__setitem__(-1, out[-1] + carry)
    return out


def _nearest(matches: list[re.Match], clause: str, question: str) -> re.Match:
    """Of several spans in one clause, the one closest to a word of the
    question: "1997年…《永久友好条约》以及2003年…《同盟关系条约》" asked about 同盟关系条约."""
    from qa.text.lexical import tokenize

    anchors = [i for t in set(tokenize(question)) if len(t) > 1 for i in [clause.find(t)] if i >= 0]
    if len(matches) == 1 or not anchors:
        return matches[0]
    return min(matches, key=lambda m: min(abs(m.start() - a) for a in anchors))


def _entity_list(clause: str) -> str | None:
    from qa.text.entities import find_entities

    ents = [e for e in find_entities(clause) if e.kind == "country"]
    if len(ents) < 2:
        return None
    first, last = clause.find(ents[0].surface), clause.rfind(ents[-1].surface)
    return clause[first : last + len(ents[-1].surface)]


COUNTED = re.compile(r"how many ((?:[a-z\-]+ ){0,2}?[a-z\-]+) (?:did|do|does|were|are|was|is|have|has|had|will|would|can|could|make|made|live|work|take)\b|(?:多少|几)[^\u4e00-\u9fff]*[份家个项次天人名座所条国种位节批]?([\u4e00-\u9fff]{2,4})", re.I)


def _distance(clause: str, forms, start: int, end: int) -> int | None:
    """Characters between the span [start, end) and the nearest occurrence of any form."""
    best = None
    for f in forms:
        i = clause.find(f) if f else -1
        while i >= 0:
            d = max(0, start - (i + len(f)), i - end)
            best = d if best is None else min(best, d)
            i = clause.find(f, i + 1)
    return best


def _best_match(matches: list[re.Match], clause: str, question: str, anchors) -> re.Match | None:
    """The span the question's words sit closest to ("哈萨克斯坦的出口额为2.217亿美元，
    而从土库曼斯坦的进口额为1.419亿美元" asked about imports: 进口 is next to 1.419).

    Each anchor adds 1/(1 + distance/3). A count is followed by what it
    counts ("19 份合作协议"), so the question's counted noun weighs double
    right after it. Spans the question already states ("in 2019", "past 15
    years") are not answers, nor is a span tied to another year than the one asked.
    """
    asked = set(re.findall(r"\d+(?:\.\d+)?", question)) | {str(n) for n in number_words(question)}  # "thirty percent" is 30
    years = {y for y in asked if re.fullmatch(r"(?:19|20)\d\d", y)}
    # Where a day is asked, a date that states more than the question's numbers
    # is no echo of them: "1997年4月8日" answers "which day in 1997" ("2019年"
    # does not answer "in 2019", nor "1951年6月15日" "1951年至哪一年").
    day = bool(DAY_ASKED.search(question))
    matches = [m for m in matches if not ((nums := set(re.findall(r"\d+(?:\.\d+)?", m.group()))) & asked)
               or (day and nums - asked and DAY_GIVEN.search(m.group()))]
    if not matches:
        return None
    counted = next((g for m in COUNTED.finditer(as_how_many(question)) for g in m.groups() if g), "")
    counted_forms = [f for w in counted.split() for f in (chinese_for(w) or (w,))] if counted.isascii() else [counted]

    def score(m: re.Match) -> float:
        total = sum(1 / (1 + d / 3) for forms in anchors if (d := _distance(clause, forms, m.start(), m.end())) is not None)
        after = clause[m.end() : m.end() + 8]
        total += 2 * any(f in after for f in counted_forms if f)
        total += 1.0 * bool(re.search(r"\d", m.group())) - 1.0 * bool(re.fullmatch(r"[一两]\s*\S", m.group()))
        before_years = set(re.findall(r"(?:19|20)\d\d", clause[max(0, m.start() - 12) : m.start()]))
        total -= 1.0 * bool(years and before_years and not before_years & years)
        return total

    return max(matches, key=score)


def _place(clause: str, question: str) -> str | None:
    """A city we know, else a name ending in a place suffix, cut after the
    country or function word before it ("将吉尔吉斯斯坦乔尔蓬阿塔市" -> "乔尔蓬阿塔市")."""
    from qa.text.entities import find_entities

    asked = {e.key for e in find_entities(question)}
    ents = find_entities(clause)
    for e in ents:
        if e.kind == "city" and e.key not in asked:
            return e.surface
    for m in PLACE_SUFFIX.finditer(clause):
        start = m.start()
        for e in ents:
            i = clause.rfind(e.surface, 0, m.end())
            if i >= 0 and start <= i + len(e.surface) < m.end() - 1:
                start = i + len(e.surface)
        cut = max((clause.rfind(w, start, m.end() - 1) for w in "将在于的和与及从到"), default=-1)
        name = clause[max(start, cut + 1) : m.end()]
        if len(name) > 2 and name not in question:
            return name
    # "在阿斯塔纳举行": where an event took place, for places no list knows.
    for m in HELD_AT.finditer(clause):
        if m.group(1) not in question and not any(e.surface == m.group(1) and e.key in asked for e in ents):
            return m.group(1)
    return None


def find_span(clause: str, qtype: str, question: str, anchors=()) -> str | None:
    """The answer span of type `qtype` in `clause`, as written there, or None."""
    folded = fold(clause)
    if len(folded) != len(clause):  # OpenCC t2s keeps positions; were it ever not to, match the text as written
        folded = clause
    span = _find_span(folded, qtype, fold(question), [tuple(fold(f) for f in forms) for forms in anchors])
    if span is None:
        return None
    at = folded.find(span)
    if at < 0:
        return span
    # "第几张单曲？" asks an ordinal: the text's 第 belongs to the answer (第15张).
    if qtype == "count" and ORDINAL_QUESTION.search(question) and at > 0 and clause[at - 1] == "第":
        at -= 1
        span = "第" + span
    return clause[at : at + len(span)]


def _find_span(clause: str, qtype: str, question: str, anchors) -> str | None:
    if qtype in PATTERNS:
        m = _best_match(list(PATTERNS[qtype].finditer(clause)), clause, question, anchors)
        return m.group().strip() if m else None
    if qtype == "countries":
        return _entity_list(clause)
    if qtype in ("name", "place"):
        asked = set(re.findall(r"[A-Za-z]+", question.lower()))
        # Roman numerals ("第XII峰会") number things; they name nothing.
        latin = [m for m in LATIN_NAME.finditer(clause) if m.group().lower() not in asked and not ROMAN.fullmatch(m.group())]
        best = _best_match(latin, clause, question, anchors) if latin else None
        if best:
            return best.group()
        if qtype == "place" and (place := _place(clause, question)):
            return place
        # A title sits in 《》 after the outlet's name: "在《俄罗斯报》署名文章《永恒友谊》".
        quoted = QUOTED.findall(clause)
        if quoted and TITLE_QUESTION.search(question):
            return quoted[-1]
    return None


# A month or day given without its year but after a year word (今年4月,
# 去年10月15日): the year word is part of the date as written; "4月" alone
# would leave the reader to guess which April.
YEAR_WORD_BEFORE = re.compile(YEAR_WORD + r"\s*$")
NO_YEAR_DATE = re.compile(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?")


def with_year_word(clause: str, span: str) -> str:
    at = clause.find(span)
    if at <= 0 or not NO_YEAR_DATE.fullmatch(span.strip()):
        return span
    m = YEAR_WORD_BEFORE.search(clause, 0, at)
    return clause[m.start():at] + span if m else span


def closed(text: str, span: str) -> str:
    """A span that opens a 《title》 but stops inside it ("《永恒友谊" of
    《永恒友谊——指引两国人民的北极星》, or "永恒友谊" right after its 《) runs on
    to the title's end in `text`."""
    at = text.find(span)
    if span.count("《") > span.count("》") and at >= 0:
        end = text.find("》", at + len(span))
        if 0 <= end - at <= 80:
            return text[at : end + 1]
    if at > 0 and text[at - 1] == "《" and "》" not in span:
        # The title's first words only ("永恒友谊" of 《永恒友谊——指引…北极星》): the whole title.
        end = text.find("》", at + len(span))
        if 0 <= end - at <= 80 and "《" not in text[at:end]:
            return text[at:end]
    if span.count("》") > span.count("《") and at >= 0:
        # The title's last words only ("北极星》" of 《永恒友谊——指引…北极星》): from its 《.
        start = text.rfind("《", 0, at)
        if 0 <= at - start <= 80 and "》" not in text[start:at]:
            return text[start + 1 : at + span.rfind("》")]
    return span


def clean_clause(c: str) -> str:
    return c.strip("，；：,;: 。")




# An enumeration: items joined by 、, the last after 和/及/与/以及/或
# ("考古、珠宝、武器、民族乐器和民族志"). An item between two separators is
# all its words ("高度酒类" of 高度/酒类, "矿泉及碳酸饮料"). The first item runs
# back to the word that introduces the list (包括, 以, 在 …), the last item
# forward to a following 等 (at most ENUM_TAIL words) or a word that closes
# it (为主); beyond its first word, neither is longer than the longest item
# between separators, since what stands around a list is usually the
# verb or noun it belongs to ("…和南亚地区输送天然气", "哈萨克斯坦领导人").
ENUM_JOIN = ("和", "及", "与", "以及", "或", "或者")
ENUM_SEP = ("、",)  # not commas: items of several words would run on into the prose around them
ENUM_TAIL = 3
ENUM_OPENERS = frozenset("包括 包含 涵盖 横跨 涉及 覆盖 以 在 是 为 有 如 即 向 对 从 同 分别 分别是 主要是 例如 比如 诸如 其中 了 着 过 的 将 把 与 和".split())
OPENER_ENDS = frozenset("有在是为括含于")
ENUM_CLOSERS = frozenset("等 等等 为主 为首 在内 的".split())
ITEM_SLACK = 0  # characters an end item may exceed the longest known one by: none (会晤意大利、匈牙利…)
OPENED_SLACK = 2
MAX_ITEM = 14  # characters; a longer run between separators is prose, not an item


def enumeration(clause: str) -> str | None:
    """The longest enumeration of three or more items in a Chinese clause, as
    written; None without one."""
    from qa.text.lexical import words

    ws = words(fold(clause)) if len(fold(clause)) == len(clause) else []
    if not ws:
        return None
    pos = [0]
    for w in ws:
        pos.append(pos[-1] + len(w))
    seps = [i for i, w in enumerate(ws) if w in ENUM_SEP]
    best = None
    k = 0
    while k < len(seps):
        chain = [seps[k]]  # separators of one list: every item between them is a short run of words
        while k + 1 < len(seps) and _run(ws, seps[k] + 1, seps[k + 1]):
            k += 1
            chain.append(seps[k])
        k += 1
        middle = [pos[b] - pos[a + 1] for a, b in zip(chain, chain[1:])]
        # With one separator, the item before 和/及 is the one whose length is known.
        join = _joined_at(ws, pos, chain[-1])
        limit = max([*middle, pos[join] - pos[chain[-1] + 1] if join else 0]) + ITEM_SLACK
        first = _first_item(ws, pos, chain[0], max(limit, 3))
        last, items = _last_items(ws, pos, chain[-1], max(limit, 3))
        if first is None or last is None or len(chain) + items < 3:
            continue
        text = clause[pos[first] : pos[last]]
        if best is None or len(text) > len(best):
            best = text
    return best


def _opens(word: str) -> bool:
    """A word before a list that is not part of its first item: 包括, 以, or a
    verb of having or being ending like one (设有, 拥有, 位于)."""
    return word in ENUM_OPENERS or word[-1] in OPENER_ENDS


def _closes(word: str) -> bool:
    """A word after a list that is not part of its last item: 等, 为主, or the
    count of its items ("…塔吉克斯坦三国", "…民族志五个展区")."""
    return word in ENUM_CLOSERS or bool(re.match(r"[一二三四五六七八九十两几0-9]", word))


def _run(ws: list[str], a: int, b: int) -> bool:
    """Words a..b-1 form one item: some words, no punctuation, not too long."""
    return 0 < b - a and sum(map(len, ws[a:b])) <= MAX_ITEM and all(_item(w) or w in ENUM_JOIN for w in ws[a:b])


def _joined_at(ws: list[str], pos: list[int], sep: int) -> int | None:
    """The index of the 和/及… that joins the last item, when the words after
    separator `sep` run straight into one; else None."""
    t = sep + 1
    while t < len(ws) and _item(ws[t]) and pos[t + 1] - pos[sep + 1] <= MAX_ITEM:
        t += 1
    return t if t > sep + 1 and t < len(ws) and ws[t] in ENUM_JOIN else None


def _first_item(ws: list[str], pos: list[int], sep: int, limit: int) -> int | None:
    """The word index where the list's first item starts, before separator
    `sep`: right after the word that opens the list when that is near
    ("包括烟草制品、…": OPENED_SLACK characters past the longest item), else
    as long as the longest item."""
    o = sep
    while o > 0 and _item(ws[o - 1]) and not _opens(ws[o - 1]) and pos[sep] - pos[o - 1] <= MAX_ITEM:
        o -= 1
    if o < sep and o > 0 and _opens(ws[o - 1]) and pos[sep] - pos[o] <= limit + OPENED_SLACK:
        return o
    i = sep
    while i > 0 and _item(ws[i - 1]) and not _opens(ws[i - 1]) and (i == sep or pos[sep] - pos[i - 1] <= limit):
        i -= 1
    return i if i < sep else None


def _last_items(ws: list[str], pos: list[int], sep: int, limit: int) -> tuple[int | None, int]:
    """(the word index where the list ends, how many items follow separator
    `sep`: one, or two when 和/及… joins the last)."""
    j, items = sep + 1, 1
    if join := _joined_at(ws, pos, sep):
        j = join  # the item before 和/及 is all its words ("天然气计量设备和电力")
    while j < len(ws) and _item(ws[j]) and not _closes(ws[j]) and (j == sep + 1 or pos[j + 1] - pos[sep + 1] <= limit):
        j += 1
    if j == sep + 1:
        return None, 0
    if j < len(ws) and ws[j] in ENUM_JOIN and j + 1 < len(ws) and _item(ws[j + 1]):
        start, j, items = j + 1, j + 2, 2
        while j < len(ws) and _item(ws[j]) and not _closes(ws[j]) and pos[j + 1] - pos[start] <= limit:
            j += 1
    tail = next((t for t in range(j, min(len(ws), j + ENUM_TAIL)) if ws[t] == "等"), None)
    if tail is not None and all(_item(w) for w in ws[j:tail]):
        j = tail
    return j, items


def _item(word: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9·\-]+", word)) and word.strip("·-") != "" and word not in ("等", *ENUM_JOIN)
