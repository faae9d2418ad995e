"""A comparison answered side by side: each partner's figure, each cited, and
which is larger when both are amounts in the same currency.

`sides(q)` splits the question into one question per partner (the engine asks
each); `combine` makes one answer of theirs."""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answer.constraints import short_mentions
from qa.answer.decide import Answer
from qa.answer.periods import TOTAL_SPAN
from qa.answer.render import money_value
from qa.ingest.dates import find_date
from qa.question import AMOUNT_INDICATORS, EARLIER, GAP_TO_TARGET, RELATIVE_YEARS, AnswerType, Period, Question, analyze, flow_roles, form_at, period_of
from qa.text.vocab import INDICATORS, events_in
from qa.text.entities import Entity, entity_terms
from qa.text.lexical import fold


def combine(q: Question, sides: tuple[Question, ...], answers: list[Answer]) -> Answer:
    """One answer from the sides' answers (same order as `sides`)."""
    names = [side_label(s, sides) for s in sides]  # (Chinese, English)
    if _two_asks(sides):  # "when and where": each side must answer its own ask
        answers = [a if _answers_its_ask(s, a) else replace(a, answer=None, abstained=True) for s, a in zip(sides, answers)]
    shown = [(n, a) for n, a in zip(names, answers) if not a.abstained]
    hits = tuple(a.hits[0] for _, a in shown if a.hits) + tuple(h for a in answers for h in a.hits[1:2])
    if not shown:
        return Answer(q.text, None, None, True, tuple(h for a in answers for h in a.hits[:1]), 0.0, "comparison",
                      "; ".join(f"{n[1]}: {a.reason}" for n, a in zip(names, answers)), kind="comparison")
    label = (lambda n: n[0]) if q.lang == "zh" else (lambda n: n[1])
    alts = alternatives(q)
    if alts and [s.text for s in sides] == [_when_question(q, a) for a in alts]:  # the sides of _alternative_sides
        names = [(a, a) for a in alts]
        shown = [(n, a) for n, a in zip(names, answers) if not a.abstained]
    text = " · ".join(f"{label(n)}: {a.answer}" for n, a in shown)
    en = " vs ".join(f"{n[1]} {a.answer_en or a.answer}" for n, a in shown)
    reason = ""
    values = [money_value(fold(a.answer or "")) for _, a in shown]
    if len(shown) == 2 and all(values) and values[0][1] == values[1][1]:
        (n1, _), (n2, _) = shown
        bigger = n1 if values[0][0] >= values[1][0] else n2
        en += f": more for {bigger[1]}"
        text += f"（{label(bigger)}更多）" if q.lang == "zh" else f" — more for {bigger[1]}"
    dates = [date_key(a.answer or "") for _, a in shown]
    if len(shown) == 2 and all(dates) and _comparable(*dates):
        (n1, _), (n2, _) = shown
        first = n1 if dates[0] <= dates[1] else n2
        en += f": {first[1]} came first"
        text += f"（{label(first)}在先）" if q.lang == "zh" else f" — {first[1]} came first"
    missing = [n for n, a in zip(names, answers) if a.abstained]
    if any(a.given_elsewhere for a in answers if a.abstained) and not _two_asks(sides):
        # A comparison with a side whose year or partner the articles do not
        # give is not answered by the other side alone (a 2024 figure for
        # "2023 vs 2024"): it abstains and says what they do give, cited, as a
        # single question does. A side only too unsure to show leaves the other shown.
        given = "; ".join(f"for {n[1]} they give {a.answer}" for n, a in shown)
        return Answer(q.text, None, None, True, hits, 0.0, "comparison",
                      f"the articles do not give it for {', '.join(n[1] for n in missing)}; {given}", kind="comparison")
    if missing:
        reason = f"the articles do not give it for {', '.join(n[1] for n in missing)}"
    conf = min(a.confidence for _, a in shown)
    return Answer(q.text, text, en, False, hits, conf, "comparison", reason, kind="comparison",
                  parts=tuple(a for _, a in shown))


# Figures that are amounts of money: a comparison of them compares amounts.
MONEY_INDICATORS = ("trade", "export", "import", "investment", "balance")


def sides(q: Question) -> tuple[Question, ...]:
    """A comparison as one question per side, each answered and cited apart:
    two partners ("invested more in Kyrgyzstan or in Armenia?"), two
    indicators of one pair ("exports to Russia vs imports from Russia"), or
    the two directions of one flow ("Kazakhstan to Kyrgyzstan or Kyrgyzstan
    to Kazakhstan?"), or one figure in two periods ("2020 vs 2024", "今年前八个月
    和去年同期"). () when the question compares nothing."""
    if not q.comparison:
        return _ask_sides(q)
    found = (_target_sides(q) or _partner_sides(q) or _indicator_sides(q) or _direction_sides(q) or _period_sides(q)
             or _alternative_sides(q) or _ask_sides(q))  # "数量和总金额分别是多少": two asks, "respectively"
    return tuple(_amount_side(s) for s in found)


def _amount_side(side: Question) -> Question:
    """A side that is a flow of money is asked as an amount, also where the
    question asks a multiple of the two ("出口和进口分别多少，差了多少倍":
    each side is 53亿美元 or 118亿美元, the multiple follows from them)."""
    if side.indicator in AMOUNT_INDICATORS and side.answer_type is AnswerType.COUNT and MULTIPLE.search(fold(side.text)):
        return replace(side, answer_type=AnswerType.MONEY)
    return side


MULTIPLE = re.compile(r"几倍|多少倍|\bhow many times\b|\bby what (?:factor|multiple)\b", re.I)


def side_label(side: Question, all_sides: tuple[Question, ...]) -> tuple[str, str]:
    """What tells this side from the others, in Chinese and English: its
    indicator, its direction, its period, or its partner."""
    if len({s.countries[-1].key for s in all_sides if s.countries}) > 1:
        e = side.countries[-1]
        return e.names_zh[0], e.name_en
    if len({s.indicator for s in all_sides}) > 1 and side.indicator:
        return INDICATOR_WORDS.get(side.indicator, (side.indicator, side.indicator))
    if len({s.flow for s in all_sides}) > 1 and side.flow:
        by_key = {e.key: e for e in side.countries}
        roles = dict(side.flow)
        src = next((by_key[k] for k, r in roles.items() if r == "src" and k in by_key), None)
        dst = next((by_key[k] for k, r in roles.items() if r == "dst" and k in by_key), None)
        if src and dst:
            return f"{src.names_zh[0]}→{dst.names_zh[0]}", f"{src.name_en} → {dst.name_en}"
    if len({s.period for s in all_sides}) > 1:
        return _period_label(side.period)
    if _two_asks(all_sides):
        return ASKED_WORDS.get(side.answer_type, (side.answer_type.value, side.answer_type.value))
    e = side.countries[-1] if side.countries else None
    return (e.names_zh[0], e.name_en) if e else (side.text, side.text)


ASKED_WORDS = {AnswerType.DATE: ("时间", "when"), AnswerType.PLACE: ("地点", "where")}


# How an indicator is named in a comparison's answer.
INDICATOR_WORDS = {"export": ("出口", "exports"), "import": ("进口", "imports"), "investment": ("投资", "investment"),
                   "trade": ("贸易额", "trade"), "balance": ("差额", "balance"), "target": ("目标", "target")}


def _side(q: Question, **changes) -> Question:
    """One side: the question's text and constraints with one indicator or
    direction; a figure is asked (each side's figure is what is compared)."""
    kind = q.answer_type
    indicator = changes.get("indicator", q.indicator)
    if kind in (AnswerType.SENTENCE, AnswerType.NAME):
        kind = AnswerType.MONEY if indicator in MONEY_INDICATORS else AnswerType.COUNT
    return replace(q, answer_type=kind, comparison=False, **changes)


def _target_sides(q: Question) -> tuple[Question, ...]:
    """How far a figure is from its target ("How far was 2024 trade from the
    goal?", "离目标还差多少"): the figure reached and the target, side by side.
    The target keeps the partners but not the period: it is set for later."""
    if not GAP_TO_TARGET.search(fold(q.text)):
        return ()
    reached = q.indicator if q.indicator in MONEY_INDICATORS else "trade"
    # "How far" asks no distance here: each side asks its amount.
    text = re.sub(r"\bhow (?:far|close|much)\b", "what", q.text, flags=re.I)
    return (replace(q, text=text, indicator=reached, answer_type=AnswerType.MONEY, comparison=False),
            replace(q, text=text, indicator="target", answer_type=AnswerType.MONEY, comparison=False, period=Period()))


def _partner_sides(q: Question) -> tuple[Question, ...]:
    """The last two countries named are the alternatives, the others are shared."""
    countries = q.countries
    if len(countries) < 3:
        return ()
    a, b = countries[-2:]
    out = []
    for drop in (b, a):
        joiner = r"(?:\s*(?:\bor\b|\band\b|\bthan\b|,)\s*|还是|和|与|或|比)?"
        prep = r"(?:\s*(?:\bin\b|\bwith\b|\bto\b|\bfrom\b)\s*|对|向|在|从)?"
        text = re.sub(joiner + prep + r"\s*" + re.escape(drop.surface), "", q.text, count=1, flags=re.I)
        out.append(_side(analyze(text)))
    return tuple(out)


# Two things asked at once: "when and where", "在什么时候、什么地方".
ASKS_WHEN = re.compile(r"\bwhen\b|\bwhat (?:date|year|month)\b|\bwhich (?:year|month)\b|\bin what month\b|何时|什么时候|啥时候|哪一?年|哪个月|几月", re.I)
ASKS_WHERE = re.compile(r"\bwhere\b|\b(?:which|what) (?:city|capital|town|place|venue)\b|哪里|哪儿|在哪(?![一个些几年])|什么地方|啥地方|哪个城市|哪座城市|何地|何处", re.I)


# How many things and how much money at once ("项目数量和总金额分别是多少",
# "how many projects, and what are they worth in total?").
ASKS_COUNT = re.compile(r"数量|多少个|几个|多少项|多少家|多少[^，。？?钱]{0,8}?(?:项目|企业|公司|协议|文件)|\bhow many\b", re.I)
ASKS_AMOUNT = re.compile(r"总金额|总值|总额|金额|多少钱|\bworth\b|\b(?:total |combined )?value\b|\bprice tag\b|\bhow much\b", re.I)
TWO_ASKS = ((ASKS_WHEN, AnswerType.DATE, ASKS_WHERE, AnswerType.PLACE),
            (ASKS_COUNT, AnswerType.COUNT, ASKS_AMOUNT, AnswerType.MONEY))


def _ask_sides(q: Question) -> tuple[Question, ...]:
    """A question that asks two things at once, when and where, or how many and
    how much: one side each, each found and cited on its own (a span reader
    answers one thing a reading)."""
    low = fold(q.text)
    for first, first_type, second, second_type in TWO_ASKS:
        if first.search(low) and second.search(low) and q.answer_type in (first_type, second_type):
            # Each side reads without the other's question word: the reader answers
            # "when did they sign" with the date, not "when and where" with either.
            # Each side's indicator is its own text's; a price asked beside a count is
            # the amount side's ("how many projects, and their price tag": the count is no price).
            one, two = _without_ask(q.text, second), _without_ask(q.text, first)
            count_indicator = None if first_type is AnswerType.COUNT and q.indicator == "price" else _own_indicator(q, one)
            return (replace(q, answer_type=first_type, text=one, indicator=count_indicator),
                    replace(q, answer_type=second_type, text=two, indicator=_own_indicator(q, two)))
    return ()


def _own_indicator(q: Question, text: str) -> str | None:
    """The indicator a side's own words name, where they differ from the question's."""
    return analyze(text).indicator if text != q.text else q.indicator


def _without_ask(text: str, ask: re.Pattern[str]) -> str:
    joiner = r"(?:\s*,?\s*(?:\band\b|\bor\b|,|、|和|与|及|以及|跟)\s*)"
    out = re.sub(rf"{joiner}(?:\bin\s+|在)?(?:{ask.pattern})|(?:{ask.pattern}){joiner}", "", text, count=1, flags=re.I)
    return " ".join(out.split()) if out != text else text


def _two_asks(sides: tuple[Question, ...]) -> bool:
    """The sides are two asks of one question (_ask_sides), not two figures compared."""
    return len({s.answer_type for s in sides}) > 1


def _answers_its_ask(side: Question, a: Answer) -> bool:
    """A "when" side's answer is a date; a "where" side's a place: a short
    span with no figure in it (not the date the other side found, not a sentence)."""
    if a.abstained or not a.answer:
        return False
    if side.answer_type is AnswerType.DATE:
        return bool(find_date(a.answer) or re.search(r"(?:19|20)\d\d|\d+\s*月", a.answer))
    if side.answer_type is AnswerType.MONEY:
        return a.kind == "span" and bool(re.search(r"元|\$|dollar|euro", a.answer, re.I))
    if side.answer_type is AnswerType.COUNT:
        return a.kind == "span" and bool(re.search(r"\d|[一二三四五六七八九十百千万两]", a.answer)) and not re.search(r"元|\$", a.answer)
    return a.kind != "sentence" and not re.search(r"\d", a.answer)


def _period_sides(q: Question) -> tuple[Question, ...]:
    """One figure in two periods: two years named ("trade in 2020 compared
    with 2024") or this year against last ("今年前八个月…和去年同期相比"). Each
    side asks one of them, the part of the year kept for both; the period
    check (qa.answer.constraints) then holds each side to its own year, so the
    sentence that gives both figures answers each with its own."""
    p = q.period
    times = [("year", y) for y in p.years] + [("relative", r) for r in p.relative]
    # "… versus the same period last year" with no time for the other side
    # sets an earlier period against the current one.
    if len(times) == 1 and times[0] != ("relative", 0) and SAME_PERIOD.search(fold(q.text)):
        times = [("relative", 0), *times]
    # A rate asked ("同比涨了多少", "how fast did it grow on a year earlier")
    # is one figure, the change itself: no sides.
    # Nor a total over a span of years ("2005—2024年间", "since 2005"): one period.
    if len(times) != 2 or q.answer_type is AnswerType.PERCENT or not (q.indicator or q.answer_type in _FIGURE_TYPES) \
            or TOTAL_SPAN.search(fold(q.text)):
        return ()
    out = []
    for n, (kind, value) in enumerate(times):
        part = _own_part(q.text, kind, value) or p.part
        period = Period(years=(value,), part=part) if kind == "year" else Period(relative=(value,), part=part)
        # The reader reads the side without the other period's words: with
        # both years in it, it reads either figure of the sentence that gives both.
        other_kind, other = times[1 - n]
        out.append(_side(q, period=period, text=_without_time(q.text, other_kind, other)))
    return tuple(out)


def _own_part(text: str, kind: str, value: int) -> str | None:
    """The part of the year written with one side's time, up to the word that
    joins the other side: "去年全年和今年前九个月" gives 去年 the full year and
    今年 its first nine months. None where that side writes none."""
    folded = fold(text)
    if kind == "year":
        m = re.search(rf"(?<!\d){value}(?!\d)", folded)
    else:
        m = next((m for rx, rel in RELATIVE_YEARS if rel == value and (m := rx.search(folded))), None)
    if m is None:
        return None
    segment = re.split(r"和|与|跟|同|、|，|,|;|；|\band\b|\bvs\.?|\bversus\b|\bcompared\b|\bagainst\b", folded[m.start():], maxsplit=1)[0]
    return period_of(segment).part


SAME_PERIOD = re.compile(r"\bsame (?:period|months?|time)\b|\ba year (?:earlier|before|ago)\b|同期", re.I)


def _without_time(text: str, kind: str, value: int) -> str:
    if kind == "year":
        pattern = rf"(?:\s*(?:\band\b|\bwith\b|\bversus\b|\bvs\.?|\bor\b|\bto\b|和|与|跟|同|比)\s*)?(?:\bin\s+)?(?<!\d){value}(?!\d)\s*年?(?:全年)?"
        return re.sub(pattern, "", text, count=1, flags=re.I).strip() or text
    for regex, rel in RELATIVE_YEARS:
        if rel == value:
            # "去年同期", "the same period last year", "a year earlier" go whole.
            text = re.sub(rf"(?:the\s+same\s+(?:period|months?)\s+(?:of\s+)?)?(?:{regex.pattern})(?:同期|全年)?|a year (?:earlier|before|ago)",
                          "", text, flags=re.I)
    return " ".join(text.split())


_FIGURE_TYPES = (AnswerType.MONEY, AnswerType.COUNT)


def _period_label(p: Period) -> tuple[str, str]:
    if p.years:
        return f"{p.years[0]}年", str(p.years[0])
    return {0: ("今年", "this year"), -1: ("去年", "last year"), 1: ("明年", "next year")}.get(p.relative[0], ("", ""))


SIDE_JOINER = re.compile(r"和|与|及|跟|同|、|,|，|\band\b|\bvs\.?|\bversus\b|\bor\b|还是|against|\bwith\b")


# Flow indicators a pair's comparison may set against each other.
FLOW_INDICATORS = ("export", "import", "investment")


def _indicator_sides(q: Question) -> tuple[Question, ...]:
    """Two flow indicators of one pair: each side takes one, with the
    direction its own words give ("exports to Russia" / "imports from Russia")."""
    low = fold(q.text).lower()
    found = sorted((at, k) for k in FLOW_INDICATORS for f in INDICATORS[k] if (at := form_at(low, f)) >= 0)
    if len({k for _, k in found}) == 1:
        # One flow set against the trade itself ("2024年的贸易额和2005年起的累计投资比，哪个大"):
        # the trade is the other side. (With two flows named, "trade" only says what they are of.)
        found = sorted([*found, *((at, "trade") for f in INDICATORS["trade"] if (at := form_at(low, f)) >= 0)])
    kinds = list(dict.fromkeys(k for _, k in found))
    if len(kinds) != 2 or not 1 <= len(q.countries) <= 2:
        return ()
    starts = [min(i for i, k in found if k == kind) for kind in kinds]
    out = []
    for n, kind in enumerate(kinds):
        # A side's own words run from the joiner before its indicator to the
        # joiner before the next one: in "哈对土出口和从土进口" 哈对土 gives the
        # exports' direction and 从土 the imports' source.
        before = list(SIDE_JOINER.finditer(low, starts[n - 1] if n else 0, starts[n]))
        start = before[-1].end() if before else (0 if n == 0 else starts[n])
        end = starts[n + 1] if n + 1 < len(kinds) else len(low)
        joins = list(SIDE_JOINER.finditer(low, starts[n], end))
        segment = low[start : joins[-1].start() if n + 1 < len(kinds) and joins else end]
        # The other indicator's word is not this side's topic: a sentence that
        # gives only the exports should not look less on topic for lacking "imports".
        other = [f for k in kinds if k != kind for f in INDICATORS[k]]
        terms = tuple(t for t in q.terms if not any(f in fold(t.word).lower() for f in other))
        # A side that states its own time keeps it ("2024年一年的贸易额" / "2005年起的累计投资").
        own = period_of(segment)
        period = own if len(q.period.years) + len(q.period.relative) > 1 and (own.years or own.relative) else q.period
        out.append(_side(q, indicator=kind, flow=_roles_in(segment, q.countries), terms=terms, period=period))
    return tuple(out)


def _direction_sides(q: Question) -> tuple[Question, ...]:
    """One flow both ways ("Kazakhstan to Kyrgyzstan or Kyrgyzstan to
    Kazakhstan", "哈对吉还是吉对哈"): each side takes one order of the pair."""
    low = fold(q.text).lower()
    mutual = bool(MUTUAL.search(low))
    if len(q.countries) != 2 or not (q.flow or (q.indicator in FLOW_INDICATORS and mutual)):
        return ()
    a, b = q.countries
    # Every name, demonyms too: "Kazakh exports to Kyrgyzstan or Kyrgyz exports to Kazakhstan".
    names = lambda e: [n.lower() for n in (e.surface, *entity_terms([e])) if n]
    pos = lambda e: sorted({i for n in names(e) for i in _all(low, n)})
    pa, pb = pos(a), pos(b)
    if (len(pa) < 2 or len(pb) < 2) and not mutual:
        return ()  # each named once: one direction asked, unless both ways are ("哈亚相互投资", "each other")
    first = [(pa[0], a), (pb[0], b)]
    src = min(first, key=lambda t: t[0])[1]
    dst = b if src is a else a
    importing = q.indicator == "import"
    one = ((src.key, "dst" if importing else "src"), (dst.key, "src" if importing else "dst"))
    two = tuple((k, "src" if r == "dst" else "dst") for k, r in one)
    return (_side(q, flow=one), _side(q, flow=two))


# "which side exported more to the other", "向对方出口": the flow both ways.
# "Kazakhstan to Kyrgyzstan or the reverse", "or vice versa", "反过来呢".
MUTUAL = re.compile(r"相互|互相|彼此|对方|反过来|反之|\beach other\b|\bone another\b|\bmutual(?:ly)?\b|\bboth ways\b|\b(?:to|from) the other\b"
                    r"|\bor the (?:reverse|other way round|other way around|opposite)\b|\bvice versa\b|\bwho sold more to whom\b"
                    r"|\b(?:both|the two|each|either) directions?\b|两个方向|双向", re.I)


def _roles_in(segment: str, countries: tuple[Entity, ...]) -> tuple[tuple[str, str], ...]:
    """Roles the segment's own prepositions give ("to Russia", "from there"
    gives none); the other country takes the other role. () when the segment
    does not say: no direction is then checked."""
    low = segment.lower()
    found = [(at, e.key) for e in countries
             if (at := next((i for n in (e.surface, e.name_en, *e.names_zh) if n for i in _all(low, n.lower())), None)) is not None]
    # A one-character side ("从吉买进", "哈方出口") where the full name is not in the segment.
    found += [(m.start(), e.key) for e in countries if e.key not in {k for _, k in found} for m in list(short_mentions(e, segment))[:1]]
    said = flow_roles(low, found, actor_default=False)
    roles = {e.key: said[e.key] for e in countries if e.key in said}
    if len(roles) == 1 and len(countries) == 2:
        (k, r), = roles.items()
        roles[next(e.key for e in countries if e.key != k)] = "src" if r == "dst" else "dst"
    return tuple(roles.items()) if len(roles) == 2 else ()


def _all(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)] if needle else []


# Two named things asked which came first: "…, the Treaty of X or the Treaty
# of Y?" (the two alternatives after the last comma or "between"), or two
# titles in 《》.
ALTERNATIVES_EN = re.compile(r"(?:^|[,:;]|\bbetween\b)\s*(?P<a>[^,:;?]+?)\s+or\s+(?P<b>[^,:;?]+?)\s*[?？]?\s*$", re.I)
TITLE_ZH = re.compile(r"《[^》]+》")
# How each kind of event (qa.text.vocab.EVENTS) is said to happen, to ask its date.
EVENT_VERBS = {"document": ("signed", "签署"), "meeting": ("held", "举行"), "opening": ("opened", "启用"),
               "diplomatic relations": ("established", "建立"), "visit": ("made", "进行"), "election": ("held", "举行")}


def alternatives(q: Question) -> tuple[str, ...]:
    """The two things a "which came first" question sets against each other, () if none."""
    if not EARLIER.search(fold(q.text)):
        return ()
    titles = TITLE_ZH.findall(q.text)
    if len(titles) == 2:
        return tuple(titles)
    m = ALTERNATIVES_EN.search(q.text)
    if not m:
        return ()
    # "the Treaty of X" asked as "the Treaty of X"; a bare word ("first") is no alternative.
    alts = tuple(re.sub(r"^(?:which came first|which was first|what came first)\s*", "", g, flags=re.I).strip()
                 for g in (m.group("a"), m.group("b")))
    return alts if all(len(a) >= 3 for a in alts) else ()


def _alternative_sides(q: Question) -> tuple[Question, ...]:
    """One "when was it" question per alternative, with the question's
    countries as context; the answers' dates say which came first."""
    out = []
    for alt in alternatives(q):
        side = analyze(_when_question(q, alt))
        out.append(replace(side, entities=tuple(dict.fromkeys((*side.entities, *q.entities))), comparison=False))
    return tuple(out)


def _when_question(q: Question, alt: str) -> str:
    """"When was <alt> signed?" in the question's language, with the verb of
    the kind of event it names (EVENT_VERBS; none when it names none)."""
    kinds = [k for k in EVENT_VERBS if k in events_in(fold(q.text).lower())]
    en, zh = EVENT_VERBS[kinds[0]] if kinds else ("", "")
    return f"{alt}是什么时候{zh}的？" if q.lang == "zh" else f"When was {alt} {en}?".replace("  ", " ")


def date_key(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the date a text gives, 0 where it does not say."""
    found = find_date(text)
    if found:
        y, m, d = map(int, found[0].split("-"))
        return y, m, d
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)\s*年?\s*(?:(\d{1,2})\s*月)?", text)
    return (int(m.group(1)), int(m.group(2) or 0), 0) if m else None


def _comparable(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Two dates tell which is earlier unless one is only a part of the other (1997 and 1997年4月)."""
    for x, y in zip(a, b):
        if x != y:
            return x != 0 and y != 0
    return False
