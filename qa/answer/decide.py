"""Stage 5: the exact answer from the best sentences, or an honest abstention.

1. Abstain when a country the question names is absent from the corpus or
   from the best passage (its text and its article's subject), when
   the best passage mentions none of the question's topic words (English
   words through CC-CEDICT: "population" -> 人口...), or when the best
   sentence's cosine is below the per-encoder floor fitted on data (settings).
2. The question's expected answer type (amount, percentage, date, count,
   place or name) is read from its wording, in English or Chinese.
3. The top passage's sentences are cut into clauses (at ，；：); clauses are
   ranked by their sentence's retrieval score plus the share of the
   question's topic words and numbers they contain (and, for a flow between
   two countries, whether the clause names its source first); the first clause holding
   a span of the expected type gives the answer (qa.answer.spans picks the span).
4. Amounts in Chinese units are rendered for English readers (qa.answer.render).
Traditional Chinese (question or passage) is matched folded to Simplified;
the answer is shown as the passage writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.text.lexical import fold
from qa.answer.render import date_en, money_en, render_en  # noqa: F401 (re-exported)
from qa.answer.spans import LIST_QUESTION, MEASURE_WORDS, PATTERNS, clauses, clean_clause, find_span  # noqa: F401 (re-exported)
from qa.search.retrieve import Hit


# Expected answer type from the question's wording; first match wins.
QTYPES = [
    ("countries", LIST_QUESTION),
    ("percent", re.compile(r"\bpercent|\bshare\b|\bproportion|\brate\b|grow|increase|decrease|rise|fell|%|百分|比例|占比|比重|增长|下降|增幅|降幅", re.I)),
    ("date", re.compile(r"\bwhen\b|what year|which year|what date|which day|since when|哪一?年|何时|什么时候|哪一天|哪天|几月|日期", re.I)),
    ("count", re.compile(rf"how many|(?:多少|几)\s*(?:{'|'.join(sorted(MEASURE_WORDS, key=len, reverse=True))})|how much .*(?:raise|increase|grow|capacity)", re.I)),
    ("money", re.compile(r"how much|how large|\btrade\b|how big|trade volume|\bvalue\b|worth|\bcost|revenue|budget|\bdeficit|\bsurplus|贸易额|金额|投资额|出口额|进口额|逆差|顺差|赤字|价值|多少钱|总额|多少", re.I)),
    ("place", re.compile(r"\bwhere\b|which city|what city|in which|哪里|哪个城市|哪座城市|在哪", re.I)),
]


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
    question = fold(question)  # "多少個" asks a count as "多少个" does
    for name, rx in QTYPES:
        if rx.search(question):
            if name == "percent" and re.search(r"how much|多少", question, re.I) and not re.search(r"grow|increase|decrease|rise|增长|下降|增幅|%|share|比例|占比", question, re.I):
                continue
            return name
    return "name"


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
    low = fold(clause).lower()
    return sum(any(f in low for f in forms) for forms in anchors) / len(anchors) if anchors else 0.0


def _other_year(question: str, clause: str) -> bool:
    """The clause is dated by another year than the one asked ("in 2024?" vs "2020年，…")."""
    asked = set(re.findall(r"(?:19|20)\d\d", question))
    said = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?=\s*(?:年|[—–-]))", clause))
    return bool(asked and said and not asked & said)


# A flow between countries has a source and a destination. "X invested in
# Y", "X imported from Y", "A对B的投资", "从B的进口额": a country after from/从
# is the source, after to/in/对/向 the destination, and the one with no such
# word is the actor: the destination of imports, the source of anything else.
FLOW = re.compile(r"\binvest|\bexport|\bimport|\bsuppl[yi]|\bsold\b|\bsell|\blen[dt]\b|\bloan|\bdonat|投资|出口|进口|供应|出售|贷款|援助", re.I)
IMPORT = re.compile(r"\bimport|进口", re.I)
TO_SOURCE = re.compile(r"(?:\bfrom\s+(?:the\s+)?|[从自])$", re.I)
TO_DEST = re.compile(r"(?:\b(?:to|into|in)\s+(?:the\s+)?|[对向到至])$", re.I)


def flow_roles(text: str, found: list[tuple[int, str]]) -> dict[str, str]:
    """Country key -> "src" or "dst", from the words before each (position, key)."""
    actor = "dst" if IMPORT.search(text) else "src"
    roles = {}
    for pos, key in sorted(found):
        before = text[max(0, pos - 12) : pos]
        roles.setdefault(key, "src" if TO_SOURCE.search(before) else "dst" if TO_DEST.search(before) else actor)
    return roles


def flow_direction(query, clause: str) -> int:
    """+1 when the clause gives the question's countries the same roles in the
    flow, -1 when it reverses one, 0 when there is nothing to compare.
    Both are read folded to Simplified: 從/對/投資 are 从/对/投资."""
    if query is None:
        return 0
    question, clause = fold(query.text), fold(clause)
    if not FLOW.search(question) or not FLOW.search(clause):
        return 0
    ents = [e for e in query.entities if e.kind == "country"]
    if len(ents) < 2:
        return 0
    asked = flow_roles(question, [(question.find(fold(e.surface)), e.key) for e in ents])
    said = flow_roles(clause, [(i, e.key) for e in ents for n in e.names_zh if (i := clause.find(n)) >= 0])
    common = [k for k in said if k in asked]
    return 0 if not common else (1 if all(said[k] == asked[k] for k in common) else -1)


def choose_answer(question: str, qtype: str, hits: list[Hit], similarity=None, query=None) -> tuple[str | None, int, str]:
    """(answer span, rank of the hit it came from, supporting sentence)."""
    cands = candidate_clauses(hits, qtype)
    if not cands:
        return None, 0, ""
    topic = [tuple(fold(f) for f in forms) for forms in topic_anchors(query)] if query is not None else []
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
    direction = [0.5 * flow_direction(query, c) for _, _, c in cands]
    order = sorted(range(len(cands)), key=lambda i: (cands[i][0] > 0, -(sims[i] + prior[i] + 0.6 * overlap[i] + direction[i])))
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


def _passage_text(hit: Hit) -> str:
    """What the abstention rules search: the passage with its article context, folded."""
    return fold(f"{hit.passage.context} {hit.passage.text}")


def uncovered_terms(query, hit: Hit) -> list[str]:
    """The question's topic words that the passage never mentions, in any of
    their Chinese forms ("population": 人口, 人口数, ...)."""
    text = _passage_text(hit)
    return [t for t, forms in getattr(query, "terms", ()) if not any(f in text for f in forms)]


def unsupported_countries(query, hit: Hit) -> list[str]:
    """Countries the question names that the passage neither names nor is
    about: "Kazakhstan–Mongolia trade" answered from a paragraph on trade
    with Russia would be another country's figure."""
    text = _passage_text(hit)
    return [e.name_en for e in query.entities if e.kind == "country" and not any(n in text for n in e.names_zh)]


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
    absent = unsupported_countries(query, hits[0]) if hits else []
    if absent:
        return Answer(query.text, None, None, True, tuple(hits), 0.0, qtype, f"the best passage is not about {', '.join(absent)}")
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
