"""Which clause answers: rank the clauses of the best passages, take the first
that holds a span of the expected type and passes the constraint checks.

Clauses are ranked by their sentence's retrieval score, the share of the
question's topic words and numbers they contain (either language), and, for
a flow between two countries, whether they give the countries the roles
asked. The first clause of the top passage that holds a span wins; lower hits
are read only when the top passage has none (the fused ranking weighed more
evidence than one clause). A span whose clause fails a constraint (another
year, another partner, another indicator, the reverse direction) is kept
aside as what the articles *do* say, for the reply's reason.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from qa.answer.constraints import Check, check, flow_direction, mentions, states_ordinal
from qa.answer.periods import date_of_another_year
from qa.answer.places import TIME_FIRST, admin_place_ok, arrival_place, place_of_event, place_of_name
from qa.answer.spans import PATTERNS, clauses, enumeration, find_span, too_coarse
from qa.answer.units import unit_clash
from qa.question import MEASURE_ALTERNATION, AnswerType, Question, as_how_many, asking_clause
from qa.search.retrieve import Hit
from qa.text.lexical import char_sounds, chinese_for, fold, is_verb, words
from qa.text.transliterate import runs
from qa.text.vocab import events_in

READ_HITS = 5  # passages whose clauses are read (the default k): the top one first, the rest only if it has no span


@dataclass(frozen=True)
class Choice:
    span: str
    rank: int  # the hit it came from
    sentence: str
    clause: str
    check: Check
    margin: float = 0.0  # the reader's margin, for a span the reader found


def candidate_clauses(hits: list[Hit], qtype: str) -> list[tuple[int, str, str]]:
    """(hit rank, sentence, clause): every clause of the top passage, then every
    clause of the next hits (ranked after it: read only if the top passage has no span).

    Only a number, date or amount justifies leaving the top passage: a loose
    "name" pattern (any Latin word) found lower down is weaker evidence than
    the fused ranking, and would put a wrong passage first."""
    if not hits:
        return []
    out = [(0, s, c) for s in hits[0].passage.sentences for c in clauses(s)]
    for rank, h in enumerate(hits[1:READ_HITS] if qtype in PATTERNS else [], start=1):
        out += [(rank, s, c) for s in h.passage.sentences for c in clauses(s)]
    return out


def topic_anchors(q: Question) -> list[tuple[str, ...]]:
    """What the question is about, as forms to look for in a clause: its topic
    words in both languages, and its numbers and Latin words (counted twice:
    the most specific evidence). Entity names are left out: retrieval used
    them, and here they would favour any clause that merely names the same countries."""
    terms = [tuple(fold(f).lower() for f in t.forms) for t in q.terms]
    return terms + [(lit,) for lit in q.literals] * 2


def token_overlap(anchors: list[tuple[str, ...]], clause: str) -> float:
    """Share of the question's anchors the clause contains: "2024" picks the
    2024 clause, "deficit" (赤字) the clause with the deficit."""
    low = fold(clause).lower()
    return sum(any(f in low for f in forms) for forms in anchors) / len(anchors) if anchors else 0.0


def ranked_clauses(q: Question, hits: list[Hit]) -> list[tuple[int, str, str]]:
    cands = candidate_clauses(hits, q.answer_type.value)
    anchors = topic_anchors(q)
    # The sentence's own score (both encoders, computed at retrieval).
    sent_sim = {s: v for h in hits[:READ_HITS] for s, v in zip(h.passage.sentences, h.sentence_sims)}
    overlap = [token_overlap(anchors, c) for _, _, c in cands]
    # A sentence's opening clauses ("2005—2024 年间，") qualify the clauses after them.
    for i in range(1, len(cands)):
        if cands[i][1] == cands[i - 1][1]:
            overlap[i] = max(overlap[i], 0.9 * overlap[i - 1])
    score = [0.5 * sent_sim.get(s, 0.0) + 0.05 * (s == hits[r].sentence) + 0.6 * overlap[i] + 0.5 * flow_direction(q, c)
             for i, (r, s, c) in enumerate(cands)]
    order = sorted(range(len(cands)), key=lambda i: (cands[i][0] > 0, -score[i]))
    return [cands[i] for i in order]


def choose(q: Question, hits: list[Hit], typed_only: bool = False) -> tuple[Choice | None, Choice | None]:
    """(the answer, or None; the best span that failed a constraint, or None).
    `typed_only`: the reader has read these hits, so the loose "name" pattern
    (any Latin word, a quoted term) is not used: its guesses ("Johann",
    "Windows") are what the reader replaces."""
    if typed_only and not any(t in PATTERNS for t in q.span_types) and q.answer_type.value != "countries":
        return None, None
    anchors = topic_anchors(q)
    names = [tuple(n for n in (*e.names_zh[:2], e.name_en, e.surface)) for e in q.entities]
    failed = None
    # A rate asked first ("同比涨了多少": Question.span_types) is looked for
    # before any amount: "贸易额达到3.636亿美元，较去年同期增长5.4%" answers 5.4%.
    rate_first = q.span_types[0] == AnswerType.PERCENT.value and len(q.span_types) > 1
    for types in ((q.span_types[:1], q.span_types) if rate_first else (q.span_types,)):
        for rank, sentence, clause in ranked_clauses(q, hits):
            span = next((s for t in types if (s := find_span(clause, t, q.text, anchors + names))), None)
            if span and unit_clash(q.text, span, clause):
                # Another figure of the clause may be in the measure asked ("16 所高校…签署19 份合作协议"
                # asked the count of deals: 19 份, not the universities nearer the question's words).
                span = next((m.group().strip() for t in types for m in PATTERNS[t].finditer(clause)
                             if re.search(r"\d", m.group()) and not unit_clash(q.text, m.group().strip(), clause)), None)
            if not span or too_coarse(q.text, span) or date_of_another_year(q, span):
                continue
            c = check(q, hits[rank].passage, sentence, clause, hits[rank].before)
            if c.ok:
                return Choice(span, rank, sentence, clause, c), failed
            # What the articles give instead: best a figure right in all but the year.
            if failed is None or (c.failed == ("year",) and failed.check.failed != ("year",)):
                failed = Choice(span, rank, sentence, clause, c)
    return None, failed


EVENT_HITS = 2  # passages searched for the asked event's own date: the hits the reader reads (qa.answer.read.READ_WINDOWS)


def dated_event(q: Question, hits: list[Hit]) -> Choice | None:
    """For "when" asked of a kind of event (建交, a treaty, a visit): the first
    clause of the best passages that names that kind and dates it ("自 1992 年
    建交以来"). It beats a date whose clause and sentence name no event at all
    ("2005—2024 年间…直接投资"), which the event check lets pass because
    nothing there contradicts the question."""
    if not q.events or q.answer_type is not AnswerType.DATE:
        return None
    anchors = topic_anchors(q)
    for rank, h in enumerate(hits[:EVENT_HITS]):
        for sentence in h.passage.sentences:
            if not events_in(fold(sentence).lower()) & q.events:
                continue
            for clause in clauses(sentence):
                span = find_span(clause, "date", q.text, anchors)
                if not span or too_coarse(q.text, span) or date_of_another_year(q, span):
                    continue
                c = check(q, h.passage, sentence, clause, h.before)
                if c.ok:
                    return Choice(span, rank, sentence, clause, c)
    return None


def placed_event(q: Question, hits: list[Hit]) -> Choice | None:
    """For "where" asked of an event (signed, held): the first clause of the
    best passages that places that event ("在华盛顿签署和平协议") and passes
    the checks. Read where neither the reader nor the patterns found a place:
    the verb right after the place is stronger evidence than the topic words
    that rank a passage (all five hits are searched: a paragraph that names
    the two sides only by their pair form, 亚阿两国, ranks low for English)."""
    if q.answer_type is not AnswerType.PLACE:
        return None
    for rank, h in enumerate(hits):
        for sentence in h.passage.sentences:
            for clause in clauses(sentence):
                place = place_of_event(q, clause)
                if place and admin_place_ok(q, place, clause) and _names_the_event(q, clause, place) \
                        and (c := check(q, h.passage, sentence, clause, h.before)).ok:
                    return Choice(place, rank, sentence, clause, c)
    return None


def arrived_at(q: Question, hits: list[Hit]) -> Choice | None:
    """For "where did it arrive": the place a sentence of the two best passages
    says it arrived at (places.arrival_place), from a sentence that passes the checks."""
    if q.answer_type is not AnswerType.PLACE:
        return None
    for rank, h in enumerate(hits[:2]):
        for sentence in h.passage.sentences:
            if (place := arrival_place(q, sentence)) and (c := check(q, h.passage, sentence, sentence, h.before)).ok:
                return Choice(place, rank, sentence, sentence, c)
    return None


def placed_name(q: Question, hits: list[Hit]) -> Choice | None:
    """For "where" asked of a thing the question names in Latin letters: the
    place the best passages write before its name (places.place_of_name), from
    a sentence that passes the checks."""
    if q.answer_type is not AnswerType.PLACE:
        return None
    for rank, h in enumerate(hits[:READ_HITS]):
        for sentence in h.passage.sentences:
            place = place_of_name(q, sentence)
            if place and admin_place_ok(q, place, sentence) and (c := check(q, h.passage, sentence, sentence, h.before)).ok:
                return Choice(place, rank, sentence, sentence, c)
    return None


def _names_the_event(q: Question, clause: str, place: str) -> bool:
    """The clause names the thing the question asks the place of (和平协议,
    论坛, 会议), not only some event held somewhere ("第十三次会议在哪里举办"
    is not answered by "在土库曼斯坦举行非正式会晤"): a Chinese form of one
    of the question's topic words stands next to it: in the EVENT_REACH
    characters before 在 (论坛在乌拉尔举行) or after the verb (在华盛顿签署和平协议)."""
    at = next((i for i in (clause.find("在" + place), _after_time(clause, place)) if i >= 0), -1)
    if at < 0:
        return False
    after = clause.find(place, at) + len(place) + 2  # past the two-character verb
    near = clause[max(0, at - EVENT_REACH) : at] + " " + clause[after : after + EVENT_REACH]
    # A document asked ("the deal", "the accord") is named by any document word beside it
    # (和平协议): people call a treaty by an agreement's name. (Meetings are not
    # pooled so: "第十三次会议" is no 非正式会晤.)
    documents = "document" in events_in(fold(q.text).lower()) and "document" in events_in(near)
    return documents or any(len(f) >= 2 and f in near for t in q.terms for f in t.forms if not f.isascii())


def _after_time(clause: str, place: str) -> int:
    """Where 在 stands before a time and then the place ("在11月阿克套举办"), or -1."""
    for at in (i for i, ch in enumerate(clause) if ch == "在"):
        if TIME_FIRST.sub("", clause[at + 1 :]).startswith(place):
            return at
    return -1


EVENT_REACH = 12  # characters: a noun phrase of news Chinese (哈俄传统地区间合作论坛 is 11)


# The thing a Chinese count asks ("有几个展区" -> 展区, "签了几份合作协议" -> 合作协议).
COUNTED_NOUN = re.compile(rf"(?:几|多少)\s*(?:{MEASURE_ALTERNATION})\s*([\u4e00-\u9fff]{{1,14}})")
# A count asked after its noun, at the question's end ("合作协议有几份？").
NOUN_BEFORE_COUNT = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(?:有|是|共|一共|总共|大概|大约|到底)*\s*(?:几|多少)\s*(?:{MEASURE_ALTERNATION})\W*$")
# The first plural after "how many" ("business" ends in -ss: no plural).
COUNTED_NOUN_EN = re.compile(r"\bhow many (?:[\w\-]+ ){0,2}?([a-z]+[a-rt-z]s)\b", re.I)
COUNTED_REACH = 14  # characters after a count in which the counted noun is looked for (四个应对安全挑战的中心)
COUNTERS = ("个", "次", "份", "家", "项", "座", "所", "条", "种", "架", "辆", "艘", "部", "批", "台", "张", "只", "位", "名", "节")


def _one_slip(typed: str, written: str) -> bool:
    """Two words of the same length that differ in one character read the same
    way (车箱 / 车厢, both xiang): a slip of a pinyin keyboard, not another noun
    (展厅 is no slip for 展区)."""
    if len(typed) != len(written):
        return False
    diff = [(a, b) for a, b in zip(typed, written) if a != b]
    return len(diff) == 1 and bool(char_sounds(diff[0][0]) & char_sounds(diff[0][1]))


def with_counted_noun(q: Question, clause: str, span: str) -> str:
    """A count written with a measure word keeps the thing counted where the
    clause names right after it what the question counts: "有几个展区" is
    answered "五个展区", not "五个" (which says nothing alone)."""
    at = clause.find(span)
    if at >= 0 and re.fullmatch(r"[\d.,]+", span.strip()) and (m := re.match(rf"\s*(?:{MEASURE_ALTERNATION})", clause[at + len(span):])):
        span = clause[at : at + len(span) + m.end()]  # a bare number keeps its measure word ("19" of 19 份合作协议)
    if at < 0 or not span.rstrip().endswith(COUNTERS):
        return span
    end = at + len(span)
    rest = re.split(r"[，,。；;：:！？!?、（(]", clause[end : end + COUNTED_REACH])[0]
    folded = fold(q.text)
    m = COUNTED_NOUN.search(folded)
    head = re.sub(r"[呀啊吗呢吧哦嘛啦]+$", "", m.group(1).split("的")[-1]) if m else ""
    named_after = bool(m) and len(head) >= 2
    if not named_after and (before := NOUN_BEFORE_COUNT.search(folded)):
        # The noun before the count ("签下的合作协议有几份？"): 合作协议.
        m, head = before, before.group(1).split("的")[-1]
    if m and len(head) >= 2:
        # The head noun: after the last 的 ("多少家含中国资本的企业" counts 企业),
        # without a closing particle (多少份签署的成果文件呀), or its last
        # characters where the clause names it shorter (成果文件 -> 文件).
        for tail in (head[i:] for i in range(max(0, len(head) - 1))):
            found = rest.find(tail) if len(tail) >= 2 else -1
            if found >= 0 and (named_after or found == 0):  # (a noun typed before the count: right after it only)
                # Through the noun where the clause names it soon after the count
                # (四个应对安全挑战的中心, 五个展区).
                return clause[at : end + found + len(tail)]
        # A word of the noun phrase right after the count ("多少份合作文件打底" and 约70份文件为…: 文件).
        if part := _word_of(head, rest):
            return clause[at : end + len(part)]
        if named_after and len(head) >= 2 and _one_slip(head, rest[: len(head)]):
            return clause[at : end + len(head)]  # the noun typed with one character wrong (车箱 for 车厢)
        if named_after:
            return span  # another noun than the one asked follows: left as it is
    if m := COUNTED_NOUN_EN.search(as_how_many(q.text)):
        # "how many universities": a Chinese form of the noun right after the count (16 所高校).
        heads = sorted((f for f in chinese_for(m.group(1)) if len(f) >= 2 and rest.startswith(f)
                        and _noun_ends(rest[len(f):])), key=len)
        if heads:
            return clause[at : end + len(heads[-1])]
    # Otherwise the one word right after the count when it is a whole noun, not
    # a verb ("试运行的 15 节车厢不仅…", "签署了20份文件。"; not 约 4 万名居住在…):
    # "15 节" says nothing alone.
    word = next(iter(words(rest)), "") if rest else ""
    if len(word) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", word) and not is_verb(word) and _noun_ends(rest[len(word):]):
        return clause[at : end + len(word)]
    return span


def _word_of(head: str, rest: str) -> str | None:
    """The longest piece (two characters or more) of the asked noun phrase
    that `rest` opens with as a whole word (文件, not 哈萨克 of 哈萨克斯坦)."""
    for n in range(len(head), 1, -1):
        for i in range(len(head) - n + 1):
            piece = head[i : i + n]
            if rest.startswith(piece) and _noun_ends(rest[n:]):
                return piece
    return None


def _noun_ends(after: str) -> bool:
    """The word before `after` is a whole noun: what follows is no Chinese
    character, or one that starts a function word or a common verb (16 所高校签署…,
    not 500余名商界|代表)."""
    return not after or not re.match(r"[\u4e00-\u9fff]", after) or after[0] in NOUN_FOLLOWERS


NOUN_FOLLOWERS = set("的在于与和及共将已均都也是有到达进举签参出来被不为")


TITLE = re.compile(r"《([^》]+)》")
# A date that qualifies the title after it ("1997年4月8日签署的《…》") or
# follows the title it dates ("《…》于2003年…", "《…》（2003年）").
DATE_OF_NEXT = re.compile(r"[^，,。；《》]{0,6}的")
DATE_OF_LAST = re.compile(r"\s*(?:于|在|是|为|签于|[（(])?\s*")


def date_of_title(q: Question, clause: str, span: str) -> str:
    """In a clause that dates several titled things ("1997年4月8日签署的《永久
    友好条约》以及2003年12月25日确立的《同盟关系条约》"), the date of the one
    the question names: the date that qualifies it (…签署的《X》) or follows
    it (《X》于…). The span as it was otherwise."""
    if q.period.years and {int(y) for y in re.findall(r"(\d{4})\s*年", span)} & set(q.period.years):
        return span  # "what day in April 1997…": the date in the year asked is that one's, whatever the titles' words
    titles = list(TITLE.finditer(clause))
    asked = _asked_title(q, titles) if len(titles) >= 2 else None
    if asked is None:
        return span
    for d in PATTERNS["date"].finditer(clause):
        lead = clause[d.end() : asked.start()] if d.end() <= asked.start() else None
        tail = clause[asked.end() : d.start()] if asked.end() <= d.start() else None
        if (lead is not None and DATE_OF_NEXT.fullmatch(lead)) or (tail is not None and DATE_OF_LAST.fullmatch(tail)):
            return d.group().strip()
    return span


def _asked_title(q: Question, titles: list[re.Match]) -> re.Match | None:
    """The title the question names: typed in it, else the one holding the
    most of its topic words' Chinese forms ("Treaty on Allied Relations":
    条约, 同盟, 关系), when one holds strictly more than the others."""
    folded = fold(q.text)
    typed = [t for t in titles if fold(t.group(1)) in folded]
    if len(typed) == 1:
        return typed[0]
    def score(t: re.Match) -> float:
        # A form written in the title counts 1; one that shares half its
        # characters with it counts a half ("eternal" 永恒 and 《永久友好条约》:
        # the dictionary's senses rarely are the title's very word).
        title = fold(t.group(1))
        return sum(max((1.0 if f in title else 0.5 if sum(c in title for c in f) * 2 >= len(f) else 0.0)
                       for f in term.chinese if len(f) >= 2) if term.chinese else 0.0 for term in q.terms)
    ranked = sorted(titles, key=score, reverse=True)
    return ranked[0] if score(ranked[0]) > score(ranked[1]) else None


def names_event(q: Question, sentence: str, clause: str) -> bool:
    """The clause or its sentence names a kind of event the question asks about."""
    return bool(q.events & (events_in(fold(clause).lower()) | events_in(fold(sentence).lower())))


def best_sentence(q: Question, hits: list[Hit]) -> tuple[int, str, Check] | None:
    """For questions no span answers: the best sentence of the best passages
    that passes the checks (entities, year), as the answer itself."""
    # The people a question about what someone said names (read once, not per hit).
    people = speakers_asked(q)
    for rank, h in enumerate(hits[:READ_HITS]):
        # The hit's best sentence, or its next best if that one is too short to
        # say anything on its own ("她说。", "XII").
        by_score = sorted(zip(h.sentence_sims or (0.0,) * len(h.passage.sentences), h.passage.sentences), key=lambda x: -x[0])
        order = [s for s in [h.sentence] + [s for _, s in by_score if s != h.sentence] if informative(s)]
        # A measure asked ("how long … in km"): a sentence that states none of it does not answer.
        order = [s for s in order if not unit_clash(q.text, s)]
        # "Why" is answered by a sentence that gives a cause, if the passage has
        # one; a question about a country ("Russia?") by one that names it.
        causes = [s for s in order if gives_cause(s)] if q.asks_why else []
        naming = [s for s in causes or order if any(mentions(e, s) for e in q.entities)]
        # Those that name a country asked first; then the rest (the one naming it
        # may state the flow the other way: "哈方向亚出口…" before "亚方对哈出口…").
        pool = naming + [s for s in (causes or order) if s not in naming]
        # Before them, the sentences that name the person the question asks
        # about ("拉夫罗夫之前是怎么形容…": his words, not the sentence before them),
        # in the order the question names them (speakers_asked).
        first = lambda s: next((i for i, p in enumerate(people) if names_person(p, s)), None)
        by_person = sorted((s for s in pool if first(s) is not None), key=first)
        pool = by_person + [s for s in pool if s not in by_person]
        if q.asks_many:
            # Several things asked: a sentence that lists some, whether or not
            # it names the countries ("但未加工黄金、香水及钢材出口逆势上扬。").
            pool = listing_first(q, pool)
        for sentence in pool[:SENTENCES_TRIED]:
            c = check(q, h.passage, sentence, sentence, h.before)
            if not (SENTENCE_FAILS & set(c.failed)):
                if states_ordinal(q, sentence, h.passage.text):
                    return rank, sentence, c
                continue  # says nothing of the one of a series asked; another sentence may
            if "direction" not in c.failed:
                break  # another year or partner: the passage is about something else
            # The flow reversed ("挪威向巴西供应…"): the passage's next sentence may give the one asked.
    return None


SENTENCES_TRIED = 3  # sentences of one passage tried when the best states the flow the other way (hand-set)


# A question about what someone said of something ("拉夫罗夫怎么形容…").
ASKS_WORDS = re.compile(r"说|称|形容|表示|认为|评价|看待|描述|\b(?:describe|call|say|said|characteri[sz]e|view)", re.I)


def persons_named(q: Question) -> list[str]:
    """Names of people a Chinese question about what someone said writes (runs
    of the characters that transliterate foreign names, three or more, that
    name no country, city or organisation it names: 拉夫罗夫, 托卡耶夫); []
    for any other question (江布尔 is a region, not a speaker)."""
    if q.lang != "zh" or not ASKS_WORDS.search(fold(q.text)):
        return []
    known = {fold(n) for e in q.entities for n in (*e.names_zh, e.surface)}
    return [r for r in runs(fold(q.text)) if len(r) >= 3 and not any(r in k or k in r for k in known)]


def speakers_asked(q: Question) -> list[str]:
    """The people a question about what someone said names, the first the one
    whose words are asked ("拉夫罗夫…怎么形容托卡耶夫…"); [] where it names
    fewer than two: with one, the sentence that answers often says 他
    ("他在访华期间…启动了…") rather than the name."""
    people = persons_named(q)
    return people if len(people) >= 2 else []


def names_person(name: str, sentence: str) -> bool:
    """The sentence names the person, by the run or a tail of it of three
    characters or more (长拉夫罗夫, read with the title's last character, is 拉夫罗夫)."""
    folded = fold(sentence)
    return any(name[k:] in folded for k in range(len(name) - 2))


def lists_something(sentence: str) -> bool:
    return any(enumeration(c) for c in clauses(sentence))


# Which way a figure or a list moved, in either language.
ROSE = re.compile(r"增长|增加|上升|上扬|上涨|攀升|走高|提高|量增|增至|涨|\b(?:rose|rise[sn]?|rising|grew|grow[sn]?|growing|increas\w*|went up|gone up|gained)\b"
                  r"|\b(?:sell|sold|sells|selling|export\w*|ship\w*|buy|bought|import\w*) more\b", re.I)
FELL = re.compile(r"下降|减少|下滑|下跌|萎缩|走低|降低|降至|量减|[降跌减]|\b(?:fell|fall[sn]?|falling|declin\w*|decreas\w*|dropp?\w*|dipp?\w*|slump\w*|slid|slides?|went down|shr[ai]nk\w*|lower)\b"
                  r"|\b(?:sell|sold|sells|selling|export\w*|ship\w*|buy|bought|import\w*) (?:less|fewer)\b", re.I)


def moved(text: str) -> int:
    """+1 where a text says something rose, -1 fell, 0 neither or both
    ("不降反升": it did not fall, it rose)."""
    text = re.sub(r"不(?:降|跌|减)反(?:升|涨|增)", "上升", re.sub(r"不(?:升|涨|增)反(?:降|跌|减)", "下降", text))
    up, down = bool(ROSE.search(text)), bool(FELL.search(text))
    return up - down


# Moving against what the question says moved ("bucked the trend", 逆势).
CONTRARY = re.compile(r"\bbuck(?:ed|s|ing)? the trend\b|\bdef(?:y|ied|ies|ying) the trend\b|\bagainst the trend\b|\bwent against\b|"
                      r"\bnonetheless\b|\banyway\b|逆势|反而|反倒|却", re.I)


def way_asked(q: Question) -> int:
    """Which way the things asked moved: +1 rose, -1 fell, 0 not said. "哪些商品
    反而涨了" rose; "Despite the drop in exports, which items bucked the
    trend?" the opposite of the way the rest of the question says things moved."""
    asking = asking_clause(q.text)
    way = moved(asking)
    if not way and (against := CONTRARY.search(q.text)):
        # (the contrary word may stand before the asking clause: "Exports dipped, yet some
        # goods bucked the trend. Which ones?" moved against what came before it)
        way = -moved(q.text[: against.start()])
    return way


def moves_against(q: Question, text: str) -> bool:
    """A list that moved the other way than the one asked (the exports that fell, asked the ones that rose)."""
    way = way_asked(q)
    return bool(way) and moved(text) == -way


def listing_first(q: Question, sentences: list[str]) -> list[str]:
    """For a question asking several things: the sentences that list some
    first, and of those, the ones that move the way the question's asking
    clause does ("出口整体下降，但哪些商品反而涨了": the list that rose, not the
    one that fell)."""
    lists = [s for s in sentences if lists_something(s)]
    way = way_asked(q)
    same = [s for s in lists if way and moved(s) == way]
    # A list that moved the other way is the answer to the opposite question: last.
    other = [s for s in lists if way and moved(s) == -way]
    rest = [s for s in lists if s not in same and s not in other]
    return same + rest + [s for s in sentences if s not in lists] + other


# Words that give a cause, in either language ("主要因铀…量减", "due to").
CAUSE = re.compile(r"因为|由于|因此|所以|源于|归因|原因|根源|缘于|导致|致使|使得|主要因|因[^此而为]|\bbecause\b|\bdue to\b|"
                   r"\bowing to\b|\bas a result\b|\bcaused\b|\breason\b|\bsince\b|\bthanks to\b", re.I)


def gives_cause(sentence: str) -> bool:
    return bool(CAUSE.search(fold(sentence)))


# Checks a sentence given as the answer must pass: the year and the countries
# asked, and a flow's direction ("土库曼斯坦向哈萨克斯坦供应…" does not answer
# what Kazakhstan exports to Turkmenistan). The indicator is not among them: a
# sentence answer is read for what it says, not for one figure. Nor is a
# sentence about another one of a series asked (the 12th meeting for the 13th).
# Nor is a sentence about a holder of another office than the one asked
# (帕希尼扬总理 for "Armenia's foreign minister").
SENTENCE_FAILS = frozenset({"year", "entity", "direction", "ordinal", "office"})

MIN_SENTENCE_CHARS = 12  # Chinese characters: "她说。" (3) is an attribution, not a statement
MIN_SENTENCE_WORDS = 5  # English words


def informative(sentence: str) -> bool:
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in sentence)
    return han >= MIN_SENTENCE_CHARS or len(sentence.split()) >= MIN_SENTENCE_WORDS
