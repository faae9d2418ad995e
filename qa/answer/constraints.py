"""Constraint checks: does this clause say what the question asks, for whom and when?

An answer is shown only if its clause, read with its sentence, paragraph and
article, satisfies each constraint the question states (qa.question):

- year: the years asked ("2024", "last year" resolved against the article's
  date) must be the years the sentence gives for the clause; a sentence that
  gives another year fails ("for 2024 they give …"). A sentence with no year
  takes its paragraph's years; with none there either, it passes (undated).
- entities: every country asked is named in the sentence (any language, or a
  pair form such as 中哈) or is what the article is about; a sentence about a
  third country that the question does not name fails.
- indicator: a question about the trade volume is not answered by an export
  figure: the clause (or, if the clause names no indicator, its sentence)
  must state the indicator asked.
- sector: an indicator narrowed to a sector ("agricultural trade") is
  answered only by a clause (or its sentence) on that sector; one asked
  whole is not answered by a clause whose indicator a sector narrows
  ("农产品贸易额" for "trade volume").
- event: a date asked of one kind of event (a treaty signed, relations
  established, a visit) is not answered by a clause dating another kind: the
  clause, or if it names none its sentence, must name the kind asked.
- direction: a flow between two countries must give them the roles asked
  ("X invested in Y" is not "Y invested in X").
- ordinal: one of a series asked (the 13th meeting) is not answered by a
  clause (or, if the clause states none, its sentence) about another one of
  it (第十二次会议).
- period: a part of a year asked (January-August, the first half) is not
  answered by a clause that states another part (1-9月); a single year asked
  is not answered by a total since an earlier year ("自2005年以来…累计"),
  unless the question asks for the total.
- office: "who is the foreign minister" is not answered by a clause that
  names a holder of another office (总理) and not the one asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer import periods
from qa.ingest.corpus import Passage
from qa.text.capitals import capitals_of
from qa.question import ASKS_PERSON, FLOW, FLOW_ZH, AnswerType, Question, flow_roles, form_at, ordinals_in, states
from qa.text.aliases import PAIR_CHARS
from qa.text.entities import Entity, find_entities, pair_entities, side_entities
from qa.text.lexical import HAN, english_for, fold, is_proper_name, is_verb, words
from qa.text.transliterate import runs
from qa.text.vocab import INDICATORS, SECTORED, SECTORS, SIZES, events_in, sector_of

FIGURES = frozenset({"money", "count", "percent"})  # answer types the period check applies to
# Indicators that are figures by nature (a target to reach, the size of an
# economy or a people): they constrain a figure asked, not a name or a sentence.
FIGURE_ONLY = frozenset({"target", "gdp", "population"})


@dataclass(frozen=True)
class Check:
    failed: tuple[str, ...] = ()  # "year", "period", "entity", "indicator", "sector", "event", "direction", "ordinal", "office"
    said_years: tuple[int, ...] = ()  # the years the sentence gives, when not the ones asked
    said_period: str = ""  # what the clause covers instead, in words, when "period" failed
    total_since: int | None = None  # the first year of a total over years, when that is what failed
    said_sector: str = ""  # the sector the clause's figure is for ("" = the total), when "sector" failed


    @property
    def ok(self) -> bool:
        return not self.failed


def check(q: Question, passage: Passage, sentence: str, clause: str, before: str = "") -> Check:
    """`before`: the paragraph before the passage in its article, which dates
    a passage that gives no year itself."""
    failed = []
    in_year, said = periods.years_ok(q, passage, sentence, clause, before)
    # A total since an earlier year is a period fault even where the year check
    # also fails on that earlier year ("since 2005" is no 2005 figure). Only
    # figures are totals or parts of a year: a name or a date is not.
    figure = q.answer_type.value in FIGURES
    since = periods.since(q, passage, sentence, clause) if figure else None
    said_period = f"the total since {since}" if since is not None else (
        periods.part_said(q, sentence, clause, passage.text, before) if figure and in_year else "")
    if not said_period and figure and (part := periods.part_for_total(q, sentence, clause)):
        said_period = part  # a total over years asked; the clause gives some months of one year
    if said_period:
        failed.append("period")
    elif not in_year:
        failed.append("year")
    if not _entities_ok(q, passage, sentence, clause, None if figure else f"{passage.text} {before}") \
            or not _counted_of_ok(q, clause) or located_elsewhere(q, clause):
        failed.append("entity")
    if not _indicator_ok(q, sentence, clause, passage.text):
        failed.append("indicator")
    sector = _sector_said(q, sentence, clause)
    if sector is not None:
        failed.append("sector")
    if not _event_ok(q, sentence, clause):
        failed.append("event")
    if _direction(q, sentence, clause) < 0:
        failed.append("direction")
    if not _ordinal_ok(q, sentence, clause):
        failed.append("ordinal")
    if ASKS_PERSON.search(q.text) and other_office(q.text, clause, clause):
        failed.append("office")
    return Check(tuple(failed), said, said_period, since, sector or "")


# Where counted things are ("joint ventures registered on the Kazakh side",
# "in Kazakhstan", "在哈注册的合资企业"): a count the clause places in another
# country ("亚美尼亚境内亦有逾100家…企业") counts other things.
WHERE_ASKED_EN = re.compile(r"\b(?:on the ([A-Za-z]+) side|(?:registered|operating|based|located|exist\w*|exsit\w*|active|work\w*)\s+(?:in|inside|within)\s+(?:the\s+)?([A-Za-z]+)"
                            r"|in\s+(?:the\s+)?([A-Za-z]+)\s+(?:right now|today|now|currently|at present))\b", re.I)
# (在哈萨克那边, "over on the Kazakh side", as people say it.)
WHERE_ASKED_ZH = re.compile(r"(?:在|于)([\u4e00-\u9fff]{1,6}?)(?:境内|国内|注册|运营|设立|开办|那边|那儿|那里|这边|一侧)|([\u4e00-\u9fff]{1,6}?)境内")
WHERE_SAID = re.compile(r"([\u4e00-\u9fff]{1,8}?)境内|在([\u4e00-\u9fff]{1,6}?)(?:注册|运营|设立)")


def _places(pattern: re.Pattern, text: str, any_case: bool = False) -> set[str]:
    out = set()
    for m in pattern.finditer(text):
        words = next((g for g in m.groups() if g), "")
        out |= {e.key for e in (*find_entities(words, any_case=any_case), *side_entities(words), *pair_entities(words)) if e.kind == "country"}
        if words in PAIR_CHARS:
            out.add(PAIR_CHARS[words])  # 在哈注册: the one-character form
    return out


def located_elsewhere(q: Question, clause: str) -> bool:
    """A count asked of things in one country, and the clause counts them in another."""
    if q.answer_type is not AnswerType.COUNT:
        return False
    folded = fold(q.text)
    asked = _places(WHERE_ASKED_EN, folded, any_case=True) | _places(WHERE_ASKED_ZH, folded)
    said = _places(WHERE_SAID, fold(clause))
    return bool(asked and said) and not asked & said


def _direction(q: Question, sentence: str, clause: str) -> int:
    """The clause's flow direction, or, where it states none ("…，涵盖石油产品、
    钢材等"), that of the nearest clause before it in its sentence that does
    ("吉尔吉斯斯坦对哈出口额则为4.56亿美元，涵盖…"): what a list names is the flow it follows."""
    own = flow_direction(q, clause)
    if own or not q.flow:
        return own
    at = sentence.find(clause)
    for before in reversed(clauses_of(sentence[:at]) if at > 0 else []):
        if (d := flow_direction(q, before)) != 0:
            return d
    return 0


def clauses_of(text: str) -> list[str]:
    return [c for c in re.split(r"[，,；;]", text) if c.strip()]


# Offices a question may ask by title, with the Chinese titles that name them
# (longest English first: "foreign minister" before "minister").
OFFICES = {
    "foreign minister": ("外长", "外交部长"), "prime minister": ("总理",), "president": ("总统", "主席"),
    "ambassador": ("大使",), "mayor": ("市长",), "governor": ("州长", "省长"), "chairman": ("主席",),
}
OFFICE_ASKED = re.compile(r"\b(foreign minister|prime minister|president|ambassador|mayor|governor|chairman)\b", re.I)


def other_office(question: str, sentence: str, span: str) -> bool:
    """The question asks a holder of one office and the span (with a title
    written right after it) names a holder of another: 帕希尼扬总理 for
    "Armenia's foreign minister". A span with no title, or with the one asked
    (or any title of a Chinese question's own words), passes."""
    folded = fold(question)
    m = OFFICE_ASKED.search(folded)
    asked = OFFICES[m.group(1).lower()] if m else tuple(t for ts in OFFICES.values() for t in ts if t in folded)
    if not asked:
        return False
    at = sentence.find(span)
    titled = span + (sentence[at + len(span): at + len(span) + 4] if at >= 0 else "")
    titles = [t for ts in OFFICES.values() for t in ts if t in titled]
    return bool(titles) and not any(t in titled for t in asked) and not any(t in "".join(asked) for t in titles)


def offices_asked(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The office a "who" question asks a holder of, in English, with its
    Chinese titles ("Who is Brazil's prime minister?": prime minister, (总理,));
    None when it asks none."""
    folded = fold(question)
    if not ASKS_PERSON.search(folded):
        return None
    m = OFFICE_ASKED.search(folded)
    if m:
        return m.group(1).lower(), OFFICES[m.group(1).lower()]
    # In Chinese the title must be what 谁 asks ("哈萨克斯坦总理是谁", "谁是总理"),
    # not a word of the rest ("称哈总统…的政治学家是谁" asks the political scientist).
    return next(((office, ts) for office, ts in OFFICES.items() for t in ts
                 if re.search(rf"{t}[^，。？?、]{{0,4}}(?:是谁|是哪位|叫什么)|(?:谁|哪位)(?:是|担任|任)?[^，。？?、]{{0,6}}?{t}", folded)), None)


def names_office_holder(q: Question, sentence: str, titles: tuple[str, ...]) -> bool:
    """The sentence names someone holding one of the titles: the words right
    after the title or right before it are a name (帕希尼扬总理, 总统普京,
    俄外长拉夫罗夫): two or more characters that CC-CEDICT lists as a proper
    name or not at all (most transliterated names are not in it), no verb and
    no country or place we know. "由政府总理主持" (chaired by the head of
    government) and "总理级访问" (a visit at prime-minister level) name
    nobody; "中国国家主席习近平" names China's, not the one of another country asked."""
    text = fold(sentence)
    asked = {e.key for e in q.countries}
    for title in titles:
        for m in re.finditer(re.escape(title), text):
            whose = {e.key for e in find_entities(text[max(0, m.start() - HOLDER_REACH):m.start()]) if e.kind == "country"}
            if asked and whose and not whose & asked:
                continue
            after = words(text[m.end():m.end() + HOLDER_REACH])
            before = words(text[max(0, m.start() - HOLDER_REACH):m.start()])
            if _name_at(after) or _name_at(before[::-1], backwards=True):
                return True
    return False


HOLDER_REACH = 8  # characters either side of a title looked at for the name (hand-set: 托卡耶夫 is 4, 瓦阿格尼·哈恰图良 8)


def _name_at(ws: list[str], backwards: bool = False) -> bool:
    """The first word of `ws` is a name; a single character joins the next
    one when together they read as a transliteration (瓦 + 阿格尼)."""
    if not ws:
        return False
    if len(ws[0]) >= 2:
        return _a_name(ws[0])
    if len(ws) < 2:
        return False
    joined = ws[1] + ws[0] if backwards else ws[0] + ws[1]
    return _a_name(joined) and any(joined.startswith(r) or r.startswith(joined[:2]) for r in runs(joined))


def _a_name(word: str) -> bool:
    return (len(word) >= 2 and bool(HAN.fullmatch(word[0])) and (is_proper_name(word) or not english_for(word))
            and not is_verb(word) and not find_entities(word))


def _ordinal_ok(q: Question, sentence: str, clause: str) -> bool:
    if q.ordinal is None:
        return True
    said = _other_ordinals(q, clause) or _other_ordinals(q, sentence)
    return not said or q.ordinal in said


def states_ordinal(q: Question, sentence: str, passage: str = "") -> bool:
    """A sentence shown as the answer is about the one of a series asked (the
    13th meeting): it states it, or states none and its passage does (a
    paragraph on 第7届…选举 goes on "选举的焦点是…"). "两国定期举行…委员会会议"
    in a passage that names no 14th does not say where the 14th was held."""
    if q.ordinal is None:
        return True
    said = _other_ordinals(q, sentence)
    if said:
        return q.ordinal in said
    # A sentence in Latin script that states none passes: English writes the
    # one of a series in ways the series patterns do not read ("Super Bowl 50",
    # "the second master plan"; XQuAD's Chinese questions over English lost
    # two right answers to requiring it).
    return not HAN.search(sentence) or q.ordinal in ordinals_in(fold(passage))


def _other_ordinals(q: Question, text: str) -> list[int]:
    """The ordinals of a series a text states; 第一次 only where the first is
    asked: it mostly says "for the first time" (这次选举是…面临的第一次政治选举)."""
    return [n for n in ordinals_in(fold(text)) if n != 1 or q.ordinal == 1]


def names_in(text: str) -> set[str]:
    """Country keys a text names, in any language or as a pair form."""
    ents = find_entities(text) + pair_entities(fold(text))
    return {e.key for e in ents if e.kind == "country"}


def mentions(e: Entity, text: str) -> bool:
    """The text names the entity: any of its names, a pair form (哈、吉、俄),
    or its capital ("在华盛顿畅谈" for a question about talks in the US)."""
    folded = fold(text)
    low = folded.lower()
    return any(n in low for n in e.names_zh) or bool(re.search(rf"(?<![a-z]){re.escape(e.name_en.lower())}", low)) \
        or e.surface.lower() in low or any(p.key == e.key for p in (*pair_entities(folded), *side_entities(folded))) \
        or any(n in low if not n.isascii() else re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", low) for n in capitals_of(e.key))


def _entities_ok(q: Question, passage: Passage, sentence: str, clause: str = "", context: str | None = None) -> bool:
    """`context`: for questions that ask no figure, the paragraph and the one
    before it, which may name the countries a sentence that names none refers
    back to ("托卡耶夫曾将该协议称为…" after a paragraph on the Armenia–Azerbaijan
    agreement). A figure keeps the strict reading: another partner's figure
    is the fault this check exists for."""
    countries = q.countries
    if not countries:
        return True
    asked = {e.key for e in countries}
    # "Where could the gas go? Which destinations?": the countries the clause
    # names may be the answer itself (中国、伊朗和南亚地区), not another partner;
    # the countries asked must still be named nearby.
    may_be_answer = _answer_may_be_countries(q)
    # What the article is about: its two most named entities ("两国" in a
    # sentence means them) and its title; a third, less named one is not.
    about = " ".join(passage.subject[:2]) + " " + passage.title
    # A clause that names its own partner ("而哈吉贸易额今年达到14亿美元" in an
    # article about Armenia) states that partner's figure: the countries asked
    # must then be named in it, whatever the article is about. Where no figure
    # is asked (context given), a country the article is about is no partner
    # of the clause's own: "中石化将投资阿特劳州…中国华电…" answers "which
    # oblast will Sinopec invest in in Kazakhstan" in an article on China and
    # Kazakhstan (a figure keeps the strict reading: China's growth rate is no
    # answer for Kazakhstan's in that article).
    own = names_in(clause) - asked - (names_in(about) if context is not None else set())
    if not may_be_answer and clause and own and not all(mentions(e, clause) for e in countries):
        return False
    # The context counts only for a sentence that names no country itself: one
    # that names some but not those asked is about them.
    named = names_in(sentence)
    refers_back = context is not None and not named
    if not all(mentions(e, sentence) or mentions(e, about) or (refers_back and mentions(e, context)) for e in countries):
        return False
    if may_be_answer:
        return True
    # The sentence's own partner: a country it names, up to the clause's end,
    # that the question does not and the article is not about ("吉尔吉斯斯坦…
    # 贸易额" asked about Russia). Countries named only after the clause
    # ("会晤超过六次，在…中亚-俄罗斯…机制期间") describe something else.
    others = (names_in(periods.through(sentence, clause, sentence)) if clause else named) - asked - names_in(about)
    return not others or all(mentions(e, sentence) for e in countries)


def _answer_may_be_countries(q: Question) -> bool:
    return q.answer_type.value in ("place", "countries") or (q.asks_many and q.answer_type.value in ("name", "place"))


# A count of people followed by their country: "2766名哈萨克斯坦学生",
# "2,766 Kazakh students" (the country right after the number and its measure).
PEOPLE_COUNTED = re.compile(r"\d[\d,.]*\s*(?:万|千|百)?\s*(?:余|多)?\s*[名位]\s*(?:的\s*)?(?=(\S{2,12}))"
                            r"|\b\d[\d,.]*\s+(?=([A-Za-z][\w\-]+))")


def _counted_of_ok(q: Question, clause: str) -> bool:
    """"How many Kyrgyz students…" is not answered by a count of Kazakh
    students: where the clause counts people of some country, one of them
    must be the country asked."""
    if q.counted_of is None:
        return True
    said = set()
    for m in PEOPLE_COUNTED.finditer(fold(clause)):
        after = m.group(1) or m.group(2)
        head = find_entities(after, any_case=True)
        if head and after.lower().startswith(fold(head[0].surface).lower()) and head[0].kind == "country":
            said.add(head[0].key)
    return not said or q.counted_of in said


def _indicator_ok(q: Question, sentence: str, clause: str, paragraph: str = "") -> bool:
    if q.indicator is None or (q.indicator in FIGURE_ONLY and q.answer_type.value not in FIGURES):
        return True  # "which port is planned as a hub", "which city has the biggest population" ask names

    def says(text: str, key: str) -> bool:
        low = fold(text).lower()
        return any(states(low, f) for f in {**INDICATORS, **SIZES}[key])

    # The clause, else its sentence, else the sentence before it in the
    # paragraph: a sentence that names no indicator goes on about the one the
    # sentence before named ("2020年，两国贸易额为…。今年前五个月已达8.218亿美元").
    # One flow, told from either side: Kazakhstan's imports from Kyrgyzstan
    # are Kyrgyzstan's exports to Kazakhstan ("吉尔吉斯斯坦对哈出口额为…"), where
    # the clause itself gives the two countries the roles asked.
    mirror = MIRRORED.get(q.indicator)
    if mirror and says(clause, mirror) and len(dict(q.flow)) == 2 and flow_direction(q, clause) == 1:
        return True
    for text in (clause, sentence, _sentence_before(paragraph, sentence)):
        if says(text, q.indicator):
            return True
        if any(says(text, k) for k in (*INDICATORS, *SIZES)):
            # another indicator (an export figure for "trade volume"), or a size
            # (经济规模超过250亿美元 is no trade figure, whatever the sentence goes on to say)
            return False
    return False


MIRRORED = {"import": "export", "export": "import"}


def _sentence_before(paragraph: str, sentence: str) -> str:
    at = paragraph.find(sentence)
    if at <= 0:
        return ""
    pieces = periods.SENTENCE_END.split(paragraph[:at].rstrip())
    return next((p for p in reversed(pieces) if p.strip()), "")


def _event_ok(q: Question, sentence: str, clause: str) -> bool:
    """The clause dates a kind of event asked: it names one, or names none and
    its sentence names one, or neither names any kind (nothing contradicts)."""
    if not q.events:
        return True
    for text in (clause, sentence):
        said = events_in(fold(text).lower())
        if said:
            return bool(said & q.events)
    return True


# How close a sector word must come before the indicator's word to narrow it
# ("农产品贸易额", "能源领域投资", "agricultural trade", "energy sector
# investment"); further away it is about something else in the clause.
# Hand-set, not fitted: room for a two-character word between them in Chinese
# (领域, 产品 + 的) and for two short English words ("sector", "products");
# the clause boundary bounds it too (no punctuation in between).
SECTOR_REACH_ZH, SECTOR_REACH_EN = 4, 20  # characters between them


def narrowed(text: str, indicator: str) -> str | None:
    """The sector that narrows the indicator in a text, or None: a sector word
    just before one of the indicator's words, or "trade in <sector>"."""
    low = fold(text).lower()
    for key, rx in SECTORS.items():
        for m in rx.finditer(low):
            reach = SECTOR_REACH_EN if m.group().isascii() else SECTOR_REACH_ZH
            after = re.split(r"[，。；：！？,.;:!?]", low[m.end() : m.end() + reach + 12])[0]  # not across a clause
            if any(0 <= form_at(after, f) <= reach for f in INDICATORS[indicator]):
                return key
            words = "|".join(re.escape(f) for f in INDICATORS[indicator] if f.isascii())
            if words and re.search(rf"\b(?:{words})\w* in (?:\w+ ){{0,2}}$", low[max(0, m.start() - 30) : m.start()]):
                return key
    return None


def _sector_said(q: Question, sentence: str, clause: str) -> str | None:
    """None when the clause's figure is for the sector asked (or the whole
    indicator, when none is asked); else the sector it is for ("" = the whole)."""
    if q.indicator not in SECTORED:
        return None
    said = narrowed(clause, q.indicator)
    if q.sector is None:
        return said  # a sector's figure for the whole indicator asked
    if said == q.sector:
        return None
    if said is None:
        low = fold(clause).lower()
        if any(states(low, f) for f in INDICATORS[q.indicator]) and sector_of(low) != q.sector:
            return ""  # the clause states the indicator whole ("双边贸易额达90亿美元")
        # A clause that does not name the indicator is read with its sentence ("其中粮食为…").
        if sector_of(low) == q.sector or sector_of(fold(sentence).lower()) == q.sector:
            return None
    return said or ""


# One-character country forms (aliases.PAIR_CHARS) name a side of a flow in
# news Chinese as "X方" (哈方投资额为…, 中方, 俄方) or right after a direction
# word before the flow ("吉方向哈投资", "对华出口"'s pattern): only there, since
# the same characters make up other words (哈尔滨, 吉林).
_SIDE = "(?={ch}方)|(?<=[向对从自到]){ch}(?=" + FLOW_ZH + ")"


def short_mentions(e: Entity, clause: str):
    chars = [ch for ch, key in PAIR_CHARS.items() if key == e.key]
    for ch in chars:
        yield from re.finditer(_SIDE.format(ch=re.escape(ch)), clause)


def flow_direction(q: Question | None, clause: str) -> int:
    """+1 when the clause gives the question's countries the same roles in the
    flow, -1 when it reverses one, 0 when there is nothing to compare.
    Read folded to Simplified: 從/對/投資 are 从/对/投资."""
    if q is None or not q.flow:
        return 0
    clause = fold(clause)
    if not FLOW.search(clause):
        return 0
    asked = dict(q.flow)
    ents = [e for e in q.countries if e.key in asked]
    low = clause.lower()
    found = [(i, e.key) for e in ents for n in (*e.names_zh, e.name_en.lower()) if (i := low.find(n)) >= 0]
    found += [(m.start(), e.key) for e in ents for m in short_mentions(e, clause)]
    said = flow_roles(clause, found)
    common = [k for k in said if k in asked]
    return 0 if not common else (1 if all(said[k] == asked[k] for k in common) else -1)
