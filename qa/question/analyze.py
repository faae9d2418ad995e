"""analyze(text) -> Question: everything later stages need to know about a
question, worked out once (entities, periods, the indicator and its
direction, the expected type, topic terms in both languages)."""

from __future__ import annotations

import re

from qa.question.clauses import _foreign_names, _literals, number_words, ordinals_in
from qa.question.flows import COMPARATIVE, COMPARE, COST_ASKED, EARLIER, GAP_TO_TARGET, RAISED_TO, RISE_OR_FALL, _flow, _gap_of_flows
from qa.question.kinds import RATE_OF_CHANGE, AnswerType, COUNT_ASKED, PRICE_TAG, TARGET_OF_A_FIGURE, THINGS_COUNTED, counted_of, size_asked, states
from qa.question.periods import YEAR, _asked_period, _in_phrases, _is_period_word, _period_phrases
from qa.question.typed import answer_type
from qa.question.value import Question, Term
from qa.text.capitals import capital_entities
from qa.text.entities import Entity, find_entities, near_countries, pair_entities, side_entities
from qa.text.framing import asked_part
from qa.text.lexical import english_for, english_lemmas, fold, key_terms
from qa.text.transliterate import name_runs
from qa.text.vocab import INDICATORS, SECTORED, SIZES, TWO_WAY, events_in, indicator_words, sector_of


# Chinese separable verbs (离合词) split by an aspect or focus mark in speech:
# "哪年建的交" is 建交, "签了约" 签约. A general table of the ones news
# questions use; joined again before the question is read.
SEPARABLE = ("建交 签约 签字 见面 会面 握手 结婚 离婚 开会 通车 通航 开业 上市 结盟 停火 出兵 撤军 退休 毕业 "
             "登基 即位 执政 上台 下台 成名 出名 改名 更名 移民 留学 投产 开工 竣工 完工").split()
_SPLIT_VERB = re.compile("|".join(f"{w[0]}(?:了|的|过){w[1]}" for w in SEPARABLE))


def join_separable(text: str) -> str:
    return _SPLIT_VERB.sub(lambda m: m.group()[0] + m.group()[-1], text)


def analyze(text: str) -> Question:
    """Everything later stages need to know about a question."""
    text = asked_part(" ".join(str(text).split()))  # "请问…，有人知道吗" -> what is asked
    spoken = join_separable(text)  # "建的交" read as 建交 (the text itself stays as typed)
    folded = join_separable(fold(text))
    lang = "zh" if re.search(r"[\u3400-\u9fff]", text) and len(re.findall(r"[\u3400-\u9fff]", text)) >= 0.3 * len(re.findall(r"[A-Za-z\u3400-\u9fff]", text)) else "en"
    entities = _entities(text)
    # Folded too: a name typed in Traditional script (亞塞拜然) is a name, not a topic word.
    names = {f for e in entities for n in (e.name_en, e.surface, *e.names_zh) for w in (n, *n.split()) for f in (w.lower(), fold(w).lower())}
    # Time words are the period's business, not topic words a passage must repeat.
    said = _period_phrases(folded)
    terms = tuple(_term(w, forms) for w, forms in key_terms(spoken, names) if not _is_period_word(w) and not _in_phrases(w, said))
    if COMPARE.search(folded):  # "larger", "更多": what a comparison asks, not a topic a passage repeats
        terms = tuple(t for t in terms if not COMPARATIVE.fullmatch(t.word))
    # Exports and imports together (进出口) are the trade, not the exports.
    # (Not where both are compared or asked side by side: each is its own figure there.)
    two_way = folded if COMPARE.search(folded) else TWO_WAY.sub(" trade ", folded)
    two_way = PRICE_TAG.sub(" worth ", two_way)  # "the projects' total price tag" is their worth, not a price
    indicator = size_asked(folded) or next((k for k, forms in INDICATORS.items() if any(states(two_way, f) for f in forms)), None)
    if indicator == "target" and COUNT_ASKED.search(folded) and not TARGET_OF_A_FIGURE.search(folded):
        indicator = None  # "展馆规划了几个展区": things counted that were planned, no figure's target
    if indicator == "investment" and THINGS_COUNTED.search(folded):
        indicator = None  # "投资开办的公司有多少家": the firms are counted; 投资 says what they are (俄资企业)
    if indicator in ("trade", None) and RAISED_TO.search(folded):
        indicator = "target"  # "to what figure did they want to raise turnover": the level aimed at
    if indicator in ("export", "import", "trade") and COST_ASKED.search(folded):
        indicator = None  # "what savings on logistics for Kazakh exporters": a cost asked, not an export figure
    balance = _gap_of_flows(folded)
    if balance:
        indicator = "balance"  # "imported more than it exported — by how much?": the deficit the text states
    kind = answer_type(spoken, indicator)
    terms = _indicator_forms(terms) + _indicator_term(folded, indicator, terms)
    comparing = not balance and bool(COMPARE.search(folded) or EARLIER.search(folded) or GAP_TO_TARGET.search(folded))
    if indicator == "balance" and BOTH_FLOWS_ASKED.search(folded):
        comparing = True  # "a surplus? Give the export and import values": the two flows, side by side
    if comparing and kind is AnswerType.PERCENT and RATE_OF_CHANGE.search(folded) and len(set(YEAR.findall(folded))) == 2 \
            and not RISE_OR_FALL.search(folded) and len([e for e in entities if e.kind == "country"]) <= 2:
        comparing = False  # "compare Jan–Sep 2025 with Jan–Sep 2024: how fast did it grow?": the year-on-year rate (5.4%)
    flow = _flow(folded, entities)
    terms = _mirrored(terms, indicator, flow)
    return Question(
        text=text, lang=lang, entities=entities, period=_asked_period(folded, comparing), indicator=indicator,
        flow=flow, answer_type=kind,
        terms=terms, literals=_literals(text, entities),
        comparison=comparing,
        sector=sector_of(folded) if indicator in SECTORED else None,
        events=events_in(folded) if kind is AnswerType.DATE else frozenset(),
        counted_of=counted_of(folded) if kind is AnswerType.COUNT or kind is AnswerType.MONEY else None,
        foreign_names=_foreign_names(text, names),
        ordinal=next(iter(ordinals_in(folded)), None),
    )


def _indicator_term(folded: str, indicator: str | None, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The indicator as a topic word when the question's word for it is none
    ("卖给" sells to: the passage must speak of exports, 出口, export)."""
    forms = INDICATORS.get(indicator or "", ())
    if not forms or any(_is_indicator_word(t, forms) for t in terms):
        return ()
    said = next((f for f in forms if states(folded, f)), forms[0])
    return (Term(said, tuple(dict.fromkeys((said, *indicator_words(indicator))))),)


MIRROR = {"import": "export", "export": "import"}


def _mirrored(terms: tuple[Term, ...], indicator: str | None, flow: tuple[tuple[str, str], ...]) -> tuple[Term, ...]:
    """With a source and a destination named, one side's imports are the
    other's exports ("Kyrgyzstan's imports from Kazakhstan" is written
    哈萨克斯坦对吉出口): the indicator's word is found by the mirror flow's
    words too. The flow check (qa.answer.constraints) still holds each figure
    to the direction asked."""
    if indicator not in MIRROR or len(flow) < 2:
        return terms
    own = INDICATORS[indicator]
    extra = indicator_words(MIRROR[indicator])
    return tuple(Term(t.word, tuple(dict.fromkeys((*t.forms, *extra))))
                 if _is_indicator_word(t, own) else t for t in terms)


def _is_indicator_word(t: Term, forms: tuple[str, ...]) -> bool:
    """The topic word is one of an indicator's forms, or part of one ("exports", "卖给")."""
    word = t.word.lower()
    return any(f in word or word in f for f in forms)


def _indicator_forms(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """A topic word that is one word of an indicator's phrase ("selling" of
    "selling to", "bought" of "bought from", "poured" of "poured into") is found by that indicator's
    words too (出口, 进口): the dictionary's senses of "sell" (出售, 销售…)
    are not how trade figures are written."""
    out = []
    for t in terms:
        low = t.word.lower()
        kinds = [k for k, forms in INDICATORS.items() for f in forms
                 if len(f.split()) == 2 and f.split()[1] in ("to", "from", "for", "into") and low == f.split()[0]]
        extra = tuple(w for k in dict.fromkeys(kinds) for w in indicator_words(k))
        extra += tuple(str(n) for n in number_words(low))  # "fifteen" is written 15 as often as 十五
        # An English word that is itself one of an indicator's or a size's forms
        # ("turnover", "gdp") is found by that key's Chinese forms (贸易, 经济规模):
        # the dictionary glosses "turnover" as 营业额, not as trade figures are written.
        extra += tuple(f for forms in (*INDICATORS.values(), *SIZES.values()) if low.isascii() and low in forms
                       for f in forms if not f.isascii())
        out.append(Term(t.word, tuple(dict.fromkeys((*t.forms, *extra)))) if extra else t)
    return tuple(out)


def _entities(text: str) -> tuple[Entity, ...]:
    """Named entities, then countries named by pair forms (中哈): one per key.
    A question typed without capitals ("kazakhstan–china") still names countries."""
    any_case = not re.search(r"[A-Z]", text)
    found = [e for e in find_entities(text, any_case=any_case) if not _inside_a_name(e, fold(text))]
    for e in pair_entities(fold(text)):
        if all(f.key != e.key for f in found):
            found.append(e)
    for e in side_entities(fold(text)):
        if all(f.key != e.key for f in found):
            found.append(e)
    # A capital standing for its country ("between Yerevan and Baku") names the
    # country, not the city: the passages name the country.
    for e in capital_entities(fold(text)):  # Traditional 阿斯塔納 read as 阿斯塔纳
        found = [f for f in found if not (f.kind == "city" and f.surface.lower() == e.surface.lower())]
        if all(f.key != e.key for f in found):
            found.append(e)
    # A country's name typed with a slip ("kazakstan") still names it.
    near = near_countries(text, {f.key for f in found})
    if near:  # in the order the question names them (a flow's roles and a comparison's sides read it)
        low = text.lower()
        found = sorted(found + near, key=lambda e: low.find(e.surface.lower()) % (len(low) + 1))
    return tuple(found)


# Both flows' figures asked outright ("give the export and import values", "进出口额分别是多少").
BOTH_FLOWS_ASKED = re.compile(r"\b(?:exports? and imports?|imports? and exports?)\s+(?:values?|figures?|numbers?|amounts?|totals?)\b"
                              r"|\b(?:values?|figures?|numbers?|amounts?) (?:of|for) (?:the )?(?:exports? and imports?|imports? and exports?)\b"
                              r"|(?:出口额?和进口额?|进口额?和出口额?)(?:分别|各)", re.I)
PLACE_AFTER = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?:港|市|州|站|湾|岛)")


def _inside_a_name(e: Entity, folded: str) -> bool:
    """A country's Chinese short form that only begins a longer transliterated
    name ("土库曼巴什港", the port of Turkmenbashi, begins with 土库曼) is that
    name, not the country: the rest of the run names nothing we know."""
    full_name = bool(e.names_zh) and fold(e.surface) == fold(e.names_zh[0])  # 哈萨克斯坦阿斯塔纳: the name, whatever follows it
    if e.kind != "country" or e.surface.isascii() or full_name or (at := folded.find(e.surface)) < 0:
        return False
    end = at + len(e.surface)
    # the transliterated run that goes on past the short form (库曼巴什港那 past 土库曼)
    # to a place's suffix (巴什港: a port; not 吉尔吉斯族, the Kyrgyz people)
    run = next((m for m in name_runs(folded) if m.start() < end < m.end() - 1), None)
    place = PLACE_AFTER.match(folded, end)
    return run is not None and place is not None and place.end(1) <= run.end() and not find_entities(place.group(1))


def _term(word: str, forms: tuple[str, ...]) -> Term:
    """Forms in both languages: an English word keeps itself and its base forms
    beside its Chinese translations; a Chinese word gains its English glosses."""
    if word.isascii():
        return Term(word, tuple(dict.fromkeys((*english_lemmas(word), *forms))))
    english = [e for f in forms for e in english_for(f)]
    return Term(word, tuple(dict.fromkeys((*forms, *english))))
