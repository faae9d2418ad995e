"""Stage 5: the exact answer from the best sentences, or an honest abstention.

1. The question's expected answer type (amount, percentage, date, count,
   place or name) is read from its wording, in English or Chinese.
2. The best few sentences are cut into clauses (at ，；：); the clauses are
   ranked by closeness to the question (USE cosine, shared tokens) and the
   first clause that holds a span of the expected type gives the answer.
3. Amounts in Chinese units are rendered for English readers
   (亿 = 10^8, 万 = 10^4: 440亿美元 -> US$44 billion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.lexical import chinese_for
from qa.render import MONEY, NUM, date_en, money_en, render_en  # noqa: F401 (re-exported)
from qa.retrieve import Hit

CN_DIGITS = "〇零一二两三四五六七八九十百千"
PERCENT = re.compile(rf"{NUM}\s*[%％]|百分之[{CN_DIGITS}]+")
DATE = re.compile(
    rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}\s*年\s*\d{{1,2}}\s*月|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}\s*年|\d{{1,2}}\s*月"
    r"|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}"
)
# A count: a number, an optional 万/千 scale, and a measure word ("约 4 万名",
# "19 份", "500余名"); a four-digit number before 年 is a year, not a count.
COUNT = re.compile(
    rf"(?:(?<!\d){NUM}(?!\d*\s*年)|(?<!\d)\d{{1,3}}(?=\s*(?:年|周年))|[{CN_DIGITS}]+)\s*(?:万|千|百)?\s*(?:余|多)?\s*"
    r"(?:倍|份|家|个|项|次|天|人|名|座|所|条|国|种|公里|千米|吨|架|辆|届|周年|周|小时|年|节|位|艘|部|批|万)"
)
# Places: a known city, or a name ending in a place suffix (乔尔蓬阿塔市, 阿伊鲁姆站).
PLACE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:市|州|省|港|站|县|镇|村|岛|口岸)(?![\u4e00-\u9fff]{0,1}(?:长|政府|委员))")
WINDOW = 14  # characters around a span in which the question's words count as evidence
QUOTED = re.compile(r"《[^》]{1,60}》|“[^”]{1,40}”|\"[^\"]{1,40}\"")
# In Chinese text a capitalised Latin word is nearly always a name (QazaqGaz, AIFC).
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9\-]{2,}(?![A-Za-z0-9])")
LIST_QUESTION = re.compile(r"which (?:\w+ )?(?:countries|states|nations)|what (?:\w+ )?countries|哪些国家|哪几个国家|哪些国", re.I)
CLAUSE_SPLIT = re.compile(r"(?<=[，；：,;:])")
TITLE_QUESTION = re.compile(r"\btitle|\bcalled\b|\bname of|\bnamed\b|标题|题为|名为|名称|叫什么|称为", re.I)
MIN_CLAUSE = 12  # shorter pieces ("2020年，", "2025年前九个月，") belong to the clause that follows

# Expected answer type from the question's wording; first match wins.
QTYPES = [
    ("countries", LIST_QUESTION),
    ("percent", re.compile(r"\bpercent|\bshare\b|\bproportion|\brate\b|grow|increase|decrease|rise|fell|%|百分|比例|占比|比重|增长|下降|增幅|降幅", re.I)),
    ("date", re.compile(r"\bwhen\b|what year|which year|what date|which day|since when|哪一?年|何时|什么时候|哪一天|哪天|几月|日期", re.I)),
    ("count", re.compile(r"how many|多少(?:个|份|家|项|次|天|人|名|座|所|条|国|种)|几(?:个|份|家|项|次|天|人|名|座|所|条|国|种)|多少倍|几倍|how much .*(?:raise|increase|grow|capacity)", re.I)),
    ("money", re.compile(r"how much|how large|\btrade\b|how big|trade volume|\bvalue\b|worth|\bcost|revenue|budget|\bdeficit|\bsurplus|贸易额|金额|投资额|出口额|进口额|逆差|顺差|赤字|价值|多少钱|总额|多少", re.I)),
    ("place", re.compile(r"\bwhere\b|which city|what city|in which|哪里|哪个城市|哪座城市|在哪", re.I)),
]
PATTERNS = {"money": MONEY, "percent": PERCENT, "date": DATE, "count": COUNT}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str | None
    answer_en: str | None
    abstained: bool
    hits: tuple[Hit, ...]
    confidence: float
    qtype: str
    reason: str = ""  # why we abstained, in words a reader understands


def question_type(question: str) -> str:
    # "How much did X grow" asks a percentage; "how much ... invest" money.
    for name, rx in QTYPES:
        if rx.search(question):
            if name == "percent" and re.search(r"how much|多少", question, re.I) and not re.search(r"grow|increase|decrease|rise|增长|下降|增幅|%|share|比例|占比", question, re.I):
                continue
            return name
    return "name"


def clauses(sentence: str) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in CLAUSE_SPLIT.split(sentence):
        piece = carry + piece.strip()
        carry = piece if len(piece) < MIN_CLAUSE else ""
        if not carry and piece:
            out.append(piece)
    if carry:
        out.append(carry) if not out else out.__setitem__(-1, out[-1] + carry)
    return out


def _nearest(matches: list[re.Match], clause: str, question: str) -> re.Match:
    """Of several spans in one clause, the one closest to a word of the
    question: "1997年…《永久友好条约》以及2003年…《同盟关系条约》" asked about 同盟关系条约."""
    from qa.lexical import tokenize

    anchors = [i for t in set(tokenize(question)) if len(t) > 1 for i in [clause.find(t)] if i >= 0]
    if len(matches) == 1 or not anchors:
        return matches[0]
    return min(matches, key=lambda m: min(abs(m.start() - a) for a in anchors))


def _entity_list(clause: str) -> str | None:
    from qa.entities import find_entities

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
    asked = set(re.findall(r"\d+(?:\.\d+)?", question))
    years = {y for y in asked if re.fullmatch(r"(?:19|20)\d\d", y)}
    matches = [m for m in matches if not (set(re.findall(r"\d+(?:\.\d+)?", m.group())) & asked)]
    if not matches:
        return None
    counted = next((g for m in COUNTED.finditer(question) for g in m.groups() if g), "")
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
    from qa.entities import find_entities

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
    return None


def find_span(clause: str, qtype: str, question: str, anchors=()) -> str | None:
    if qtype in PATTERNS:
        m = _best_match(list(PATTERNS[qtype].finditer(clause)), clause, question, anchors)
        return m.group().strip() if m else None
    if qtype == "countries":
        return _entity_list(clause)
    if qtype in ("name", "place"):
        asked = set(re.findall(r"[A-Za-z]+", question.lower()))
        latin = [m for m in LATIN_NAME.finditer(clause) if m.group().lower() not in asked]
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


def clean_clause(c: str) -> str:
    return c.strip("，；：,;: 。")


# ---------- choosing the answer ----------

def candidate_clauses(hits: list[Hit], qtype: str = "money") -> list[tuple[int, str, str]]:
    """(hit rank, sentence, clause): every clause of the top passage, then the
    best sentences of the next two (used only if the top passage has no span).

    Only a number, date or amount justifies leaving the top passage: a loose
    "name" pattern (any Latin word) found lower down is weaker evidence than
    the fused ranking, and would put a wrong passage first."""
    if not hits:
        return []
    out = [(0, s, c) for s in hits[0].passage.sentences for c in clauses(s)]
    for rank, h in enumerate(hits[1:3] if qtype in PATTERNS else [], start=1):
        out += [(rank, h.sentence, c) for c in clauses(h.sentence)]
    return out


def topic_anchors(query) -> list[tuple[str, ...]]:
    """What the question is about, as Chinese forms to look for in a clause:
    its topic words (translated for English questions) and its numbers and Latin words.
    Entity names are left out: retrieval already used them, and here they
    would favour any clause that merely names the same countries."""
    # Numbers and Latin words are the most specific evidence: they count twice.
    return [forms for _, forms in query.terms] + [(lit,) for lit in query.literals] * 2


def token_overlap(anchors: list[tuple[str, ...]], clause: str) -> float:
    """Share of the question's topic anchors the clause contains: "2024"
    picks the 2024 clause, "deficit" (赤字) the clause with the deficit."""
    low = clause.lower()
    return sum(any(f in low for f in forms) for forms in anchors) / len(anchors) if anchors else 0.0


def _other_year(question: str, clause: str) -> bool:
    """The clause is dated by another year than the one asked ("in 2024?" vs "2020年，…")."""
    asked = set(re.findall(r"(?:19|20)\d\d", question))
    said = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?=\s*(?:年|[—–-]))", clause))
    return bool(asked and said and not asked & said)


def choose_answer(question: str, qtype: str, hits: list[Hit], similarity=None, query=None) -> tuple[str | None, int, str]:
    """(answer span, rank of the hit it came from, supporting sentence)."""
    cands = candidate_clauses(hits, qtype)
    if not cands:
        return None, 0, ""
    topic = topic_anchors(query) if query is not None else []
    names = [tuple(n for n in (*e.names_zh[:2], e.surface)) for e in query.entities] if query is not None else []
    sims = similarity(question, [c for _, _, c in cands]) if similarity else [0.0] * len(cands)
    # The sentence's own score (both encoders, computed at retrieval) steadies
    # the single-encoder clause cosine.
    sent_sim = {s: v for h in hits[:3] for s, v in zip(h.passage.sentences, h.sentence_sims)}
    sims = [sims[i] + 0.5 * sent_sim.get(s, 0.0) for i, (_, s, _) in enumerate(cands)]
    # Rank prior: the fused ranking already weighed much more evidence than
    # one clause's cosine, so lower hits and off-sentence clauses must beat it clearly.
    # The fused ranking weighed more evidence than one clause's cosine: a
    # lower hit is used only when the top passage holds no span of the type.
    prior = [0.05 * (s == hits[rank].sentence) for rank, s, _ in cands]
    overlap = [token_overlap(topic, c) - 0.3 * _other_year(question, c) for _, _, c in cands]
    # A sentence's opening clauses ("2005—2024 年间，") qualify the clauses after them.
    for i in range(1, len(cands)):
        if cands[i][1] == cands[i - 1][1]:
            overlap[i] = max(overlap[i], 0.9 * overlap[i - 1])
    order = sorted(range(len(cands)), key=lambda i: (cands[i][0] > 0, -(sims[i] + prior[i] + 0.6 * overlap[i])))
    for i in order:
        rank, sentence, clause = cands[i]
        span = find_span(clause, qtype, question, topic + names)
        if span:
            return span, rank, sentence
    rank, sentence, clause = cands[order[0]]
    return clean_clause(clause), rank, sentence


def confidence(hits: list[Hit]) -> float:
    """How sure we are that the top hit answers: its best sentence's cosine
    (mean over encoders). The threshold is calibrated on data (see README)."""
    return hits[0].sentence_sim if hits else 0.0


def uncovered_terms(query, hit: Hit) -> list[str]:
    """The question's topic words that the passage never mentions, in any of
    their Chinese forms ("population": 人口, 人口数, ...)."""
    from qa.lexical import fold

    text = fold(f"{hit.passage.context} {hit.passage.text}")
    return [t for t, forms in getattr(query, "terms", ()) if not any(f in text for f in forms)]


def decide(query, hits: list[Hit], similarity, settings) -> Answer:
    qtype = question_type(query.text)
    if query.missing:
        names = ", ".join(e.name_en for e in query.missing)
        return Answer(query.text, None, None, True, tuple(hits), 0.0, qtype, f"{names} is not mentioned in these articles")
    # A passage that shares none of the question's topic words answers another
    # question ("population of Kazakhstan" -> a paragraph about Kazakhstan's trade).
    missing_topic = uncovered_terms(query, hits[0]) if hits else []
    if missing_topic and len(missing_topic) == len(query.terms):
        return Answer(query.text, None, None, True, tuple(hits), 0.0, qtype, f"the best passage never mentions {', '.join(missing_topic)}")
    conf = confidence(hits)
    if not hits or conf < settings.confidence_floor():
        return Answer(query.text, None, None, True, tuple(hits), conf, qtype, "no passage in these articles answers this closely enough")
    use_sim = similarity if getattr(settings, "clause_similarity", False) else None
    span, rank, sentence = choose_answer(query.text, qtype, hits, use_sim, query)
    if rank:  # the passage that says it is cited first
        hits = [hits[rank]] + hits[:rank] + hits[rank + 1 :]
    if sentence and sentence != hits[0].sentence:
        hits[0] = replace(hits[0], sentence=sentence)
    return Answer(query.text, span, render_en(span, qtype) if span else None, False, tuple(hits), conf, qtype)
