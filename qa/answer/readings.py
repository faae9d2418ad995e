"""Readings as answers: the reader's spans (qa.answer.read) turned into what
the answer stage shows, with the same checks a pattern's span gets.

from_reading() takes the most confident reading that passes: not an echo of
the question, of the type asked (the typed pattern gives a figure's extent),
in the unit asked, and through the constraint checks; it widens a span to the
list it belongs to, the gloss after it and the quoted name before it.
reading_sentence() gives the sentence holding the reader's span, for
questions a sentence answers.
"""

from __future__ import annotations

import re

from qa.answer.choose import READ_HITS, SENTENCE_FAILS, Choice, informative, moves_against, token_overlap, topic_anchors
from qa.answer import periods
from qa.answer.constraints import check, other_office, states_ordinal
from qa.answer.read import Reading
from qa.answer.places import ADMIN_ASKED, admin_place_ok, place_of_event, reads_as_clause, with_place_suffix
from qa.answer.spans import ORDINAL_QUESTION, PATTERNS, QUALIFIER, clauses, enumeration, find_span, too_coarse
from qa.answer.units import unit_clash
from qa.question import AMOUNT_INDICATORS, CITY_ASKED, RANK_ASKED, TITLE_ASKED, AnswerType, Question
from qa.search.retrieve import Hit
from qa.text.aliases import PAIR_CHARS
from qa.text.capitals import capitals_in
from qa.text.entities import find_entities
from qa.text.lexical import HAN, fold


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
        # A figure is checked in its own clause, across clauses the clause with
        # more of the question's words first (as find_span prefers the figure
        # near them): "…100-150种被确认，可能还有另外25种没有被完全描述" for "how
        # many … not fully described"; a name in the clause that holds it, as read.
        parts = (sorted(reading_clauses(r), key=lambda c: -token_overlap(anchors, c)) if typed
                 else [next((c for c in clauses(r.sentence) if r.span in c), r.sentence)])
        for clause in parts:
            choice = _from_clause(q, hits, r, clause, typed, anchors)
            if choice is not None:
                return choice
    return None


def reading_clauses(r: Reading) -> list[str]:
    """The clause that holds the reader's span; a span across clauses ("2020年，
    两国贸易额为7.962亿美元，而到2024年…") is read clause by clause, so that
    each figure is checked with its own clause's year and partner, never with
    the whole sentence's (which names every year in it)."""
    parts = clauses(r.sentence)
    inside = [c for c in parts if r.span in c]
    if inside:
        return inside[:1]
    if not CLAUSE_BREAK.search(r.span):
        return [r.sentence]  # cut only inside a figure ("5,500,000"): the span is one clause's
    at = r.sentence.find(r.span)
    if at < 0:
        return [r.sentence]
    out, pos = [], 0
    for c in parts:
        start = r.sentence.find(c, pos)
        if start >= 0:
            pos = start + len(c)
            if start < at + len(r.span) and at < pos:
                out.append(c)
    return out or [r.sentence]


# A break between clauses inside a span: Chinese clause marks, or a comma or
# semicolon before a space and no digit ("June 5, 2010" and "5,500,000" read as one span).
CLAUSE_BREAK = re.compile(r"[，；。！？]|[,;]\s(?!\d)")


def _from_clause(q: Question, hits: list[Hit], r: Reading, clause: str, typed: list[str], anchors) -> Choice | None:
    """The reading as an answer from one clause, or None where it does not pass."""
    span = r.span if typed else with_quoted_name(r.sentence, r.span)
    if ORDINAL_QUESTION.search(fold(q.text)) and "第" in span and (at := clause.find(span)) >= 0 \
            and (o := next((m for m in ORDINAL_SPAN.finditer(clause) if m.group().startswith("第") and m.start() <= at < m.end()
                            and len(m.group()) > len(span.strip())), None)):
        span = o.group()  # "第几个和第几个": the ordinals the clause gives (第二和第三), not the reader's cut (第三鲁班工)
    if "count" in typed and ORDINAL_QUESTION.search(fold(q.text)) and "第" in span and ORDINAL_SPAN.fullmatch(span.strip()):
        # "第几座鲁班工坊" read as "第二和第三": an ordinal answers 第几 whatever
        # measure follows it in the text, with the noun the question names.
        span, typed = span.strip(), []
    if q.asks_many and not typed and moves_against(q, clause):
        return None  # "which items bucked the trend": not the list that fell with it
    if q.asks_many and not typed:
        # The kind of thing asked ("哪些国际组织" -> 国际组织) is answered by the clause's list of them.
        span = _as_list(clause, span, echoes(q, with_gloss(r.sentence, span)), r.sentence)
        if not enumeration(span) and COUNTED_THINGS.search(fold(q.text)) and (other := listed(q, r.sentence)):
            # several things asked with their count ("它的五个展区分别是哪些"), and the reader's clause
            # lists none: the sentence's list of them (涵盖考古、珠宝…五个展区)
            span = other
        if is_figure(span):
            # "哪几家企业" asks which ones: a count of them (约6000家) names none. A count
            # read where the clause lists them (三位: 俄罗斯、印度和哈萨克斯坦) became the list above.
            return None
    if echoes(q, with_gloss(r.sentence, span)):
        return None
    if CITY_ASKED.search(q.text) and (is_country(span) or VISIT.fullmatch(span.strip())):
        return None  # "哈国" for "in which city…": a country is no city, nor a visit to one (访华)
    if other_office(q.text, r.sentence, span):
        return None  # "帕希尼扬总理" for "Armenia's foreign minister": another office
    if typed:
        if typed[0] == "percent" and len(typed) > 1 and not find_span(r.span, "percent", q.text):
            return None  # a rate asked first ("同比涨了多少"): an amount read is no answer; the patterns look for the rate
        found = next((s for t in typed if (s := find_span(clause, t, q.text, anchors))), None)
        if found and unit_clash(q.text, found, clause):
            # Another figure of the type inside the reading may be in the measure asked
            # ("仅对一国进行一次" asked how often: 一次, not 一国), the clause's own
            # figure at the reader's span first, as written with its qualifier
            # (会晤超过六次 asked 见了几次: 超过六次, where 一年 was nearer the question's words).
            fits = [m.group().strip() for t in typed for m in PATTERNS[t].finditer(clause)]
            fits = [f for f in fits if _overlap(clause, f, r.span, r.sentence)]
            fits += [m.group().strip() for t in typed for m in PATTERNS[t].finditer(r.span)]
            found = next((f for f in fits if not unit_clash(q.text, f, clause)), found)
        if found and _overlap(clause, found, r.span, r.sentence):
            span = with_frequency(q, clause, found)
        elif "date" in typed and DURATION.fullmatch(r.span.strip()):
            return None  # "两个月" (two months after…) says how long, not when
        elif ("date" in typed and not found and not NUMERAL.search(r.span) and not EXACT_DATE_ASKED.search(fold(q.text))
              and (TIME_WORD.search(fold(r.span)) or q.lang != "zh" or not HAN.search(r.span))):
            # An era or an occasion answers "when" (清朝末年, 四国征伐后) where the
            # clause states no date; a Chinese name (罗斯原子) does not answer
            # 什么时候. An English question is left to the reader ("When X
            # happens, what…" asks no time: XQuAD lost right answers such as
            # "solidarity", 团结, when the rule applied to it), and so is an
            # English span (XQuAD's 什么时候 over English paragraphs: "March").
            pass
        elif typed[0] == "money" and q.indicator in AMOUNT_INDICATORS:
            return None  # a trade or investment figure asked: a reading no amount pattern covers ("近五年") is none
        elif not NUMERAL.search(r.span) or any(find_span(r.span, t, q.text) for t in PATTERNS if t not in typed and not (
                t == "count" and "date" in typed)):  # "577年" reads as a count of years too
            return None  # the reader's span states no number, or one of another type (an amount for a percentage)
    if periods.date_of_another_year(q, span):
        return None  # "which day in 1997": a date in 2003 is another event's, whatever its clause also names
    if q.answer_type is AnswerType.PLACE and re.search(r"[“「\"]" + re.escape(span.strip()) + r"[”」\"]", clause):
        return None  # a quoted name (“罗斯原子”) is a company or a project, not where something is
    if q.answer_type is AnswerType.PLACE:
        span = place_of_event(q, clause) or with_place_suffix(r.sentence, span)
        if not admin_place_ok(q, span, clause) or reads_as_clause(span):
            return None  # "哪个州" is answered by a state, not by "罗斯原子"; "在哪里" not by a clause
    if ADMIN_ASKED.search(fold(q.text)) and (is_country(span) or is_side(span)):
        return None  # nor "which Kazakh region" by a country or its side (哈方)
    if not typed:
        if RANK_WORDS.search(fold(q.text)) and (o := RANKED.search(clause)) and ("第" not in span or o.group().startswith(span)):
            # "where does X rank": the ordinal the clause gives with what it ranks
            # (第三大贸易伙伴), not the reader's names nor a cut of it (第三大贸易).
            span = o.group()
        span = of_country_asked(q, clause, with_qualifier(clause, with_named_noun(q, clause, span)))
    if unit_clash(q.text, span, clause) or too_coarse(q.text, span):
        return None  # "1000万吨" for "how long … in km"; "2026年" for "which day"
    c = check(q, hits[r.rank].passage, r.sentence, clause, hits[r.rank].before)
    answer = with_gloss(r.sentence, glossed_name(r.sentence, span))
    if c.ok and (typed or not echoes(q, answer)):  # (the name its gloss belongs to may be the question's own: 繁荣之路（TRIPP）)
        return Choice(answer, r.rank, r.sentence, clause, c, r.margin)
    return None


# 访华, 赴俄: a visit to a country, written with its one-character form.
VISIT = re.compile(r"[访赴][\u4e00-\u9fff]")


def is_figure(span: str) -> bool:
    """A span that is a count, amount or percentage and at most one character
    more (the reader's 6000家含 cuts 含中国资本 after its first character)."""
    text = span.strip()
    return any(len(text) - len(m.group().strip()) <= 1
               for t in ("count", "money", "percent") for m in PATTERNS[t].finditer(text))


# The words that qualify a figure (qa.answer.spans.QUALIFIER, without its
# optional mark): 超过六次, more than 400, about 6,000.
QUALIFIER_BEFORE = re.compile(QUALIFIER.removesuffix("?") + r"\s*$", re.I)


def with_qualifier(clause: str, span: str) -> str:
    """A span that opens with a number keeps the qualifier the clause puts
    before it: the typed patterns keep theirs (约6000家), and a span read as
    a name ("六次" for "how often did they meet") keeps its 超过 too."""
    at = clause.find(span)
    if at <= 0 or not NUMERAL.match(span):
        return span
    m = QUALIFIER_BEFORE.search(clause[:at])
    return clause[m.start() : at] + span if m else span


HOW_OFTEN = re.compile(r"\bhow often\b|\bhow many times (?:a|per|each|in each|in a)\b|每.{0,6}几次|多久一次|每隔多久|频率", re.I)


def with_frequency(q: Question, clause: str, span: str) -> str:
    """"How often" is answered by the count with what it is per: "每届总统任期内
    仅对一国进行一次", not "一次" alone."""
    m = re.search(r"每[^，。；,;]{0,16}?" + re.escape(span), clause) if HOW_OFTEN.search(q.text) else None
    return m.group() if m else span


# A rank asked of a name-type question ("where does X rank", "第几大贸易伙伴"):
# the clause's ordinal answers. (第几名 alone asks a count: qa.question.)
RANK_WORDS = re.compile(RANK_ASKED.pattern + r"|第几|排名|排第", re.I)
ORDINAL_IN = re.compile(r"第[\d一二三四五六七八九十两]+大?")
# An ordinal with the noun it ranks, to the end of its phrase (第三大贸易伙伴, 第二大城市).
RANKED = re.compile(r"第[\d一二三四五六七八九十两]+大?(?:[\u4e00-\u9fff]{0,6}?(?=[，。；、：！？）」”,.;]|的|$))?")
ORDINAL_SPAN = re.compile(r"第?[\d一二三四五六七八九十两]+(?:[和、及至到]第?[\d一二三四五六七八九十两]+)*[大个位名届次]?")


def with_named_noun(q: Question, clause: str, span: str) -> str:
    """An ordinal or number read alone ("第二和第三", "第三大") keeps the noun
    right after it when the question names that noun ("哪几个鲁班工坊" ->
    第二和第三鲁班工坊, "贸易伙伴里排第几" -> 第三大贸易伙伴)."""
    at = clause.find(span)
    if at < 0 or not ORDINAL_SPAN.fullmatch(span.strip()):
        return span
    asked, after = fold(q.text), clause[at + len(span) : at + len(span) + 8]
    noun = next((after[:n] for n in range(len(after), 1, -1) if fold(after[:n]) in asked), "")
    return span + noun


LEADING_PREPOSITION = re.compile(r"^[向对在从于经往](?=\S{2})")


def _as_list(clause: str, span: str, echo: bool = False, sentence: str = "") -> str:
    """For a question that asks for several things: the clause's enumeration
    when the reader's span is part of it, only counts its items ("五个" of
    "考古、珠宝…和民族志五个展区") or only repeats the question (`echo`);
    otherwise the span."""
    found = enumeration(clause)
    bare_count = bool(re.fullmatch(r"[0-9一二三四五六七八九十两几]+\s*[个项种类家所名位座批]?", span.strip()))
    if not found and sentence.find(clause) >= 0 and (nxt := _items_after(sentence, clause)):
        return nxt  # "哈萨克斯坦对吉出口额达12.6亿美元，主要包括黄金、…": what it consists of, in the next clause
    if not found and bare_count and sentence.find(clause) >= 0:
        # "习近平仅与三位领导人单独会晤，分别是俄罗斯、印度和哈萨克斯坦领导人": the
        # count's items follow in the next clause.
        rest = sentence[sentence.find(clause) + len(clause):]
        found = next((e for c in clauses(rest)[:1] if (e := enumeration(c))), None)
        return found or span
    if not found:
        return span
    at, end = clause.find(found), clause.find(found) + len(found)
    sp = clause.find(span)
    inside = sp >= 0 and sp < end and at < sp + len(span)
    if inside:  # the union: the reader often has the list's start right where the words split oddly (发/用品)
        a, b = min(at, sp), max(end, sp + len(span))
        return LEADING_PREPOSITION.sub("", clause[a:b])  # "向中国、伊朗…": the list, not its preposition
    return found if bare_count or echo else span


# A clause that gives the items of what the clause before it names ("主要包括…", "涵盖…", "分别是…").
ITEMS_FOLLOW = re.compile(r"^\s*(?:主要|其中)?(?:包括|涵盖|包含|涉及|分别是|分别为|例如|比如|如)")


def _items_after(sentence: str, clause: str) -> str | None:
    """The list the next clause of the sentence gives, when that clause opens by
    saying it gives the items (ITEMS_FOLLOW)."""
    rest = sentence[sentence.find(clause) + len(clause):].lstrip("，,、；; ")
    nxt = next(iter(clauses(rest)), "")
    return enumeration(nxt) if ITEMS_FOLLOW.match(nxt) else None


def narrowed(q: Question, sentence: str) -> str | None:
    """A sentence chosen as the answer, narrowed to what the question asks
    where the sentence plainly holds it: the list it gives (several things
    asked), the one title in 《》 the question does not name (a title asked:
    "在《俄罗斯报》署名文章《永恒友谊》中"), the one city it names that the
    question does not (a place asked). None: the sentence stays the answer."""
    if (items := listed(q, sentence)) is not None:
        return items
    asked = fold(q.text)
    if TITLE_ASKED.search(asked):
        titles = [t for t in BOOK_TITLE.findall(sentence) if fold(t[1:-1]) not in asked]
        return titles[-1] if titles else None  # the outlet is named before the piece: "在《俄罗斯报》署名文章《…》"
    if DURATION_ASKED.search(asked):
        # "免签能待多久" over a Chinese sentence that states one span of time
        # (停留 90 天): that span. Durations are not a typed question (an
        # English passage's "for nine years" is matched by no pattern here).
        spans = [m.group() for m in DURATION.finditer(sentence)]
        return spans[0] if len(spans) == 1 else None
    if q.answer_type is AnswerType.PLACE and not ADMIN_ASKED.search(asked) or CITY_ASKED.search(asked):
        named = {e.key for e in q.entities}
        cities = [e.surface for e in find_entities(sentence) if e.kind == "city" and e.key not in named and fold(e.surface) not in asked]
        # Capitals too (CC-CEDICT's "Astana, capital of Kazakhstan"): few are
        # among the time-zone cities the entity table holds.
        cities += [c for c in capitals_in(sentence) if fold(c) not in asked and c not in cities]
        return cities[0] if len(cities) == 1 else None
    return None


BOOK_TITLE = re.compile(r"《[^》]{1,60}》")
# "有什么危害 / 功效有哪些" asks what something does, which a list in its
# sentence (of the kinds it harms) need not answer; "出口清单里都有啥" asks the items.
WHAT_KIND = re.compile(r"(?:有什么|有啥|都有|有哪些)\s*(?:危害|害处|作用|影响|意义|好处|用处|用途|功效|功能|特点|特征|区别|不同|变化|问题|风险|优势|困难|挑战)"
                       r"|(?:危害|害处|作用|影响|意义|好处|用处|用途|功效|功能|特点|特征|区别|变化|风险|优势|困难|挑战)(?:都)?(?:有哪些|有什么|有啥|是什么)")


def listed(q: Question, sentence: str) -> str | None:
    """For a question that asks for several things and is answered by a
    sentence ("哈萨克斯坦出口的主要产品包括通讯设备、面粉、葵花籽油和金属制品。"):
    the list the sentence gives, not the whole sentence. Of several lists, the
    one in the clause closest to the question's words; None without one."""
    if not q.asks_many or WHAT_KIND.search(fold(q.text)):
        return None
    anchors = topic_anchors(q)
    # The things the question counts ("它的五个展区分别是哪些": 展区) name the list first.
    counted = [w for w in COUNTED_THINGS.findall(fold(q.text))]
    found = [(any(w in c for w in counted), token_overlap(anchors, c), -i, e) for i, c in enumerate(clauses(sentence)) if (e := enumeration(c))]
    return LEADING_PREPOSITION.sub("", max(found)[3]) if found else None


# A count the question gives of the things it asks ("五个展区", "three countries" is left to the words).
COUNTED_THINGS = re.compile(r"[一二三四五六七八九十两\d]+\s*[个项种类家所座批]([\u4e00-\u9fff]{2})")


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
    # A name with its gloss, the name as the question writes it ("繁荣之路（TRIPP）" for "…和平繁荣之路上…").
    unglossed = bare[: m.start()].strip() if m and m.end() == len(bare) else bare
    return f in names or (len(f) > 1 and f in asked) or (len(unglossed) > 1 and unglossed in asked) \
        or _names_and_terms_only(q, f) or _typed_with_a_slip(bare, asked)


def _typed_with_a_slip(span: str, asked: str) -> bool:
    """The span is in the question but for one character typed wrong, its
    bracketed short form aside ("哈萨克斯坦天燃气公司" asked of
    哈萨克斯坦天然气公司（QazaqGaz）): the thing the question names. Only
    Chinese spans of six characters or more: a shorter one differing by one
    character is as often another name (哈方 / 中方)."""
    head = re.sub(r"[（(][^）)]*[）)]$", "", span).strip()
    n = len(head)
    if n < 6 or not HAN.search(head):
        return False
    return any(sum(a != b for a, b in zip(head, asked[i : i + n])) <= 1 for i in range(len(asked) - n + 1))


def _names_and_terms_only(q: Question, span: str) -> bool:
    """"哈出口" for "Which Kazakh exports…": a country the question names (a
    name or its one-character form) and the question's own words translated,
    nothing else. Spans naming no asked country are not judged this way: a
    translation of "organisation" (上合组织) may well be the answer."""
    rest = bare = re.sub(r"[《》“”「」]", "", span)
    # A country, or a city or organisation the question names ("the Ashgabat
    # Agreement" -> 《阿什哈巴德协定》 is the question's own words).
    for e in q.entities:
        for n in sorted({fold(x).lower() for x in (*e.names_zh, e.name_en, e.surface)} | {c for c, k in PAIR_CHARS.items() if k == e.key}, key=len, reverse=True):
            rest = rest.replace(n, " ")
    if rest == bare:
        return False
    for form in sorted({fold(f).lower() for t in q.terms for f in t.forms if len(f) > 1}, key=len, reverse=True):
        rest = rest.replace(form, " ")
    return not re.sub(r"[\s的之和与、及]", "", rest)


# "X的英文名称 / 简称是什么", "the abbreviation of X": the gloss the text gives
# X in brackets ("土库曼斯坦天然气公司（Turkmengaz）").
GLOSS_ASKED = re.compile(r"^(?:请问)?(.{2,40}?)的(?:英文名称|英文名|英文缩写|简称|缩写|外文名)|"
                         r"\b(?:english name|abbreviation|acronym|short name) (?:of|for) (?:the )?(.{2,60}?)\W*$", re.I)


def gloss_asked(q: Question, hits: list[Hit]) -> tuple[str, int, str] | None:
    """(gloss, hit rank, sentence) where the question asks the bracketed name
    of a thing it names, and a passage writes that thing with one."""
    m = GLOSS_ASKED.search(fold(q.text).strip())
    if not m:
        return None
    thing = (m.group(1) or m.group(2)).strip().lower()
    for rank, h in enumerate(hits[:READ_HITS]):
        for sentence in h.passage.sentences:
            low = fold(sentence).lower()
            at = low.find(thing)
            g = GLOSS.match(sentence, at + len(thing)) if at >= 0 else None
            if g:
                return g.group(1).strip(), rank, sentence
    return None


GLOSS = re.compile(r"\s?[（(]([^（）()]{1,40})[）)]")


def is_side(span: str) -> bool:
    """The span is a country's side and nothing more: 哈方 (read as 哈国, a
    one-character form with 国, which is_country knows)."""
    return is_country(span.removesuffix("方") + "国")


def is_country(span: str) -> bool:
    """The span is a country's name and nothing more (哈萨克斯坦, or a
    one-character form with 国: 哈国, 俄国)."""
    s = fold(span).strip(" “”\"「」『』")
    if len(s) == 2 and s[1] == "国" and s[0] in PAIR_CHARS:
        return True
    parts = [p for p in COUNTRY_JOIN.split(s) if p]
    if len(parts) > 1:  # "哈萨克斯坦与土库曼斯坦" names two countries and no city
        return all(is_country(p) for p in parts)
    return any(e.kind == "country" and fold(e.surface) == s for e in find_entities(s))


# Words that join countries in a span: 哈萨克斯坦与土库曼斯坦, 中国和俄罗斯, 智利、秘鲁.
COUNTRY_JOIN = re.compile(r"[与和及同、,，]|\s+(?:and|&)\s+|\s*/\s*")


QUOTED_BEFORE = re.compile(r"[“「『《\"]([^“”「」『』《》\"]{1,30})[”」』》\"]$")


# Items of a parallel pair or list in a clause: "A国X公司（Xx）和B国Y公司（Yy）".
PARALLEL = re.compile(r"以及|和|与|及|、")
BRACKETED = re.compile(r"[（(]([^（）()]{1,40})[）)]")


def of_country_asked(q: Question, clause: str, span: str) -> str:
    """A name asked of one country, read from the item of a parallel pair that
    belongs to another ("土库曼斯坦的国家天然气公司叫什么" and the reader's
    哈萨克斯坦天然气公司 of "哈萨克斯坦天然气公司（QazaqGaz）和土库曼斯坦天然气公司
    （Turkmengaz）"): the item of the country asked, in the same shape (the
    name after that country's name, or its bracketed form)."""
    if len(q.countries) != 1:
        return span
    asked = q.countries[0]
    items = PARALLEL.split(clause)
    own = next((it for it in items if span in it), None)
    if own is None or _names(own, asked):
        return span
    others = [e for e in find_entities(own) if e.kind == "country" and e.key != asked.key]
    sibling = next((it for it in items if it is not own and _names(it, asked)), None)
    if not others or sibling is None:
        return span
    bracket = BRACKETED.search(own)
    if bracket and span == bracket.group(1):  # the bracketed form was read: the sibling's bracketed form
        theirs = BRACKETED.search(sibling)
        return theirs.group(1) if theirs and not _asked_by_name(q, theirs.group(1)) else span
    other = others[0].surface
    if span.startswith(other):  # the name after the other country's: the same name after the country asked
        tail = span[len(other):]
        parallel = next((n + tail for n in (*asked.names_zh, asked.surface) if n and n + tail in sibling), span)
        return span if _asked_by_name(q, parallel) else parallel
    return span


def _asked_by_name(q: Question, name: str) -> bool:
    """The question itself names it ("跟哈萨克斯坦天然气公司开展合作的土方企业"):
    the country it names is the partner's, not the one asked of."""
    return fold(name).lower() in fold(q.text).lower()


def _names(text: str, e) -> bool:
    return any(n and n in text for n in (e.surface, *e.names_zh))


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


def glossed_name(sentence: str, span: str) -> str:
    """A span that is only an acronym in brackets after a Chinese name
    (（AIFC） of 阿斯塔纳国际金融中心（AIFC）) is that name: the Chinese words
    before the bracket, back to the word that introduces them (在, 的, a
    comma). with_gloss then adds the bracket back. A Latin name that is a
    word (KazakhExport, QazaqGaz) is the name itself, and stays."""
    inner = span.strip().strip("（）()")
    at = sentence.find(inner)
    if not LATIN_GLOSS.fullmatch(inner) or at < 1 or sentence[at - 1] not in "（(":
        return span
    start = at - 1
    while start > 0 and start > at - 1 - MAX_GLOSSED and HAN.match(sentence[start - 1]) and sentence[start - 1] not in NAME_STOPS:
        start -= 1
    name = sentence[start:at - 1]
    return name if len(name) >= 2 else span


LATIN_GLOSS = re.compile(r"[A-Z][A-Z0-9&.\-]{1,7}")  # an acronym: AIFC, SCO, CNPC
MAX_GLOSSED = 16  # characters of a Chinese name before its gloss (hand-set: 阿斯塔纳国际金融中心 is 10)
# Characters that end a name looking back from its bracket: prepositions,
# conjunctions and verbs of placing that introduce it.
NAME_STOPS = set("在于的和与及同向对把从是为由将即")


# "Which year / which day" asks a date itself: an era ("后苏联时代") or an
# occasion ("首日") does not answer it, as it may answer a plain "when".
# What an era or an occasion says when it answers "when" without a date: a
# time word (末年, 时期, 之际, 以来, 战后, 冬季).
TIME_WORD = re.compile(r"[年月日时期代朝纪季节春夏秋冬前后初末间晚早届际来夕旬]")
EXACT_DATE_ASKED = re.compile(r"哪(?:一)?(?:年|天|日|月)|几月|几号|何年|\b(?:which|what) (?:year|day|date|month)\b|\bin what year\b", re.I)
# A length of time: no answer to "when" ("在协议签署两个月后"). "N年" is left
# out: 577年 is a year as often as three years are 三年.
DURATION_ASKED = re.compile(r"多久(?!.{0,4}一次)|多长时间")  # how long, not how often (多久举行一次)
# Years as a span: in Chinese numerals (有效期二十年) or one or two digits
# (15年); a four-digit year before 年 is a date, and 年代/年级 are no spans.
DURATION = re.compile(r"(?:约|近|逾|超过|大约)?(?:[\d一二三四五六七八九十两几半]+\s*多?\s*(?:个月|个多月|个星期|星期|周|天|日内|小时|分钟|年间|年来|年多)"
                      r"|(?:[一二三四五六七八九十两几半]+|(?<!\d)\d{1,2})\s*多?\s*年(?![代级度初底中末前后]))")
NUMERAL = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两〇零][^\s]{0,3}[个年月日代届次名位种项家人元吨里米岁倍%％]")


def _overlap(clause: str, a: str, b: str, sentence: str = "") -> bool:
    """The clause's figure `a` and the reader's span `b` overlap in the clause;
    for a span reaching over several clauses (reading_clauses), where they lie
    in the sentence."""
    if b not in clause:
        c, j = sentence.find(clause), sentence.find(b)
        i = c + clause.find(a) if c >= 0 and a in clause else -1
        return i >= 0 and j >= 0 and i < j + len(b) and j < i + len(a)
    i, j = clause.find(a), clause.find(b)
    return i >= 0 and j >= 0 and i < j + len(b) and j < i + len(a)


def reading_sentence(q: Question, hits: list[Hit], readings: list[Reading]):
    """For a question answered by a sentence: the sentence holding the reader's
    most confident span, when it says something on its own and passes the checks."""
    for r in [r for r in readings if r.answers][:1]:
        if unit_clash(q.text, r.sentence):
            return None  # a measure asked that the sentence does not state
        c = check(q, hits[r.rank].passage, r.sentence, r.sentence, hits[r.rank].before)
        if informative(r.sentence) and not (SENTENCE_FAILS & set(c.failed)) and states_ordinal(q, r.sentence, hits[r.rank].passage.text):
            return r, c
    return None
