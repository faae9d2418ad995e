"""Flows of money and goods (exports, imports, investment) and their
direction, and the comparisons a question asks (more or less, earlier or
later, rise or fall, the gap to a target)."""

from __future__ import annotations

import re

from qa.question.kinds import ENDINGS
from qa.text.entities import Entity
from qa.text.lexical import fold


# Up or down on a period before: a comparison of the two periods' figures.
_UP = r"(?:rise|rose|risen|grow|grew|grown|go up|gone up|went up|up|increased?|expand(?:ed)?)"
_DOWN = r"(?:fall|fell|fallen|shrink|shrunk|shrank|go down|gone down|went down|down|decreased?|drop|dropped|decline|declined|contract(?:ed)?)"
# Either way round: "rise or fall", "shrink or grow", "涨了还是跌了", "降了还是升了".
RISE_OR_FALL = re.compile(rf"\b{_UP}\s+or\s+{_DOWN}\b|\b{_DOWN}\s+or\s+{_UP}\b"
                          r"|(?:涨|增|升|增加|增长|上升|提高)了?还是(?:跌|降|减|减少|下降|下滑|降低)了?"
                          r"|(?:跌|降|减|减少|下降|下滑|降低)了?还是(?:涨|增|升|增加|增长|上升|提高)了?", re.I)

# A flow between countries has a source and a destination. "X invested in Y",
# "X imported from Y", "A对B的投资", "从B的进口额": a country after from/从 is
# the source, after to/in/对/向 the destination, and the one with no such word
# is the actor: the destination of imports, the source of anything else.
FLOW_ZH = "投资|出口|进口|供应|出售|卖给|销往|售往|卖|买进|买入|购入|贷款|援助"  # Chinese words of a flow (also read by qa.answer.constraints)
# Money "poured", "pumped" or "sunk into" a country flows there as investment does (vocab.INDICATORS).
FLOW = re.compile(rf"\b(?:invest|export|import){ENDINGS}|\b(?:poured|pumped|sunk|injected|put|money) into\b|\bsuppl(?:y|ies|ied|ier|iers)\b|\bsold\b|\bsell|\bship(?:s|ped|ping|ments?)?\s+(?:(?:south|north|east|west|abroad|out|over|across)\s+)?(?=to\b)|\blen[dt]\b|\bloan|\bdonat|" + FLOW_ZH, re.I)
IMPORT = re.compile(rf"\bimport{ENDINGS}|进口", re.I)
# The one that buys is where the goods go ("Armenia buys what Kazakh goods?").
BUYS = re.compile(r"\b(?:buy|buys|bought|buying|purchas\w*)\b|买进|买入|购买|购入", re.I)
# A country's goods come from it: "Kazakh goods", "哈萨克斯坦的商品" (read at the country's name).
GOODS_OF = re.compile(r"[A-Za-z\-]+\s+(?:goods|products|exports|commodities|produce|wares|merchandise)\b|[\u4e00-\u9fff]{1,6}?的?(?:商品|产品|货物)", re.I)
TO_SOURCE = re.compile(r"(?:\bfrom\s+(?:the\s+)?|[从自])$", re.I)
TO_DEST = re.compile(r"(?:\b(?:to|into|in)\s+(?:the\s+)?|[对向到至给往])$", re.I)
# A comparison, or a request for two figures side by side ("分别", "respectively").
COMPARATIVES_EN = "more|less|higher|lower|larger|bigger|smaller|greater|fewer"
COMPARATIVE = re.compile(COMPARATIVES_EN + "|更多|更大|更高|更少|较多|较大|较高|更快|最多|最大", re.I)
# "more … or …", "more … than …" (not "more than 400") and "… or … larger?"
# (the comparative after both sides).
# Which of two things came first: "which came first, A or B", "哪个先签".
# ("the first eight months … this year or last" is no such question.)
EARLIER = re.compile(r"\b(?:came|come|happened|was|were|took place|signed|held|opened|founded|established)\s+(?:first|earlier|sooner)\b"
                     r"|\b(?:earlier|sooner|older)\b.*\bor\b|\bor\b.*\b(?:first|earlier|sooner)\W*$"
                     r"|哪(?:个|一个|项|份)?(?:先|更早|早)|谁先|孰先|先后", re.I)
COMPARE = re.compile(rf"\b(?:{COMPARATIVES_EN})\b.*\bor\b|\b(?:{COMPARATIVES_EN})\b.*\bthan\b(?!\s*(?:about\s+|around\s+)?[\d$€£¥])|\bor\b.*\b(?:higher|lower|larger|bigger|smaller|greater)\W*$|\bcompared?\b|\bversus\b|\bvs\b"
                     r"|\bstacks? up\b|\brespectively\b|\b(?:put|set|place|lay)\b.{0,80}\b(?:side by side|next to|beside|alongside)\b|\b(?:set|put|hold|measure|weigh|stack)\b.{0,80}\bagainst\b|还是|相比|比较|哪个更|谁更|哪(?:一)?(?:边|方)[^，,。？?]{0,10}更|哪(?:个|一个|边|方)(?:的)?(?:金额|数额|数字|数量|规模|额|数|钱|投资|贸易额|出口额|进口额)?(?:更)?(?:大|多|高|少|小|低)|分别|各(?:是|为|有|自)?(?:多少|几)|各是|"
                     # "A和B差了多少倍": a multiple of two figures, each asked (qa.answer.compare)
                     r"(?:和|与|跟|同).{2,40}?(?:相)?差(?:了)?(?:多少|几|大概)?(?:十)?倍|"
                     + RISE_OR_FALL.pattern, re.I)
# How far a figure is from its target: both figures are asked (qa.answer.compare).
GAP_TO_TARGET = re.compile(r"\bhow (?:far|close|much)\b.*\b(?:from|to|short of|below|under)\b.*\b(?:target|goal|aim)s?\b"
                           r"|\b(?:gap|distance|shortfall)\b.*\b(?:target|goal)s?\b"
                           r"|(?:离|距离?|与|和|跟)(?:[^，。？?]{0,6})?目标[^，。？?]{0,6}(?:还)?(?:差|有多远|相差|距离)", re.I)


# The gap between a country's exports and imports asked as such: that is its
# trade balance ("imported more than it exported — by how much?", "进出口差了多少"),
# one figure the text may state (赤字65亿美元), not two to compare. Not where
# each figure is asked too (分别, 各, respectively) or a multiple (几倍).
GAP_ASKED = re.compile(r"\bby how much\b|\bhow much (?:more|less|bigger|larger|smaller)\b|\b(?:gap|difference)\b|"
                       r"(?:相)?差(?:了|额|距)?(?:是)?多少(?!倍)|多(?:了)?多少(?!倍)", re.I)
EACH_ASKED = re.compile(r"分别|各(?:是|为|有)?多少|各自|\brespectively\b|\beach\b|倍|\btimes\b", re.I)


def _gap_of_flows(folded: str) -> bool:
    return bool(EXPORTED.search(folded) and (IMPORT.search(folded) or BOUGHT.search(folded)) and GAP_ASKED.search(folded)
                and not EACH_ASKED.search(folded))


BOUGHT = re.compile(r"\bbought\b|\bbuys?\b|\bbuying\b|\bpurchas\w*|买进|买入|购入", re.I)  # "bought more than it sold"


EXPORTED = re.compile(rf"\bexport{ENDINGS}|出口|\bsold\b|\bsell", re.I)


# The level a figure is to be raised to, asked: a target ("to what figure did
# they want to raise turnover", "提升到多少").
RAISED_TO = re.compile(r"\bto what (?:figure|amount|level|sum|goal|target)\b.*\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b"
                       r"|\bwhat (?:figure|amount|level|sum)\b.*\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b.*\bto\W*$"
                       r"|\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b.*\bto what (?:figure|amount|level|sum)\b"
                       r"|(?:提升|提高|增加|扩大)(?:到|至)多少", re.I)
# A cost or a saving asked: exporters are whom it concerns, not the figure asked.
COST_ASKED = re.compile(r"\bsav(?:e|es|ed|ing|ings)\b|\bcheaper\b|\bcosts?\b|\bexpenses?\b|节省|节约|省(?:多少|几成|下)|便宜|成本|费用|运费|物流费", re.I)


def flow_roles(text: str, found: list[tuple[int, str]], actor_default: bool = True) -> dict[str, str]:
    """Country key -> "src" or "dst", from the words before each (position, key).
    A country with no from/to word before it is the actor, unless not
    `actor_default`: it then gets no role."""
    actor = ("dst" if IMPORT.search(text) or BUYS.search(text) else "src") if actor_default else None
    roles = {}
    for pos, key in sorted(found):
        before = text[max(0, pos - 12) : pos]
        role = "src" if TO_SOURCE.search(before) else "dst" if TO_DEST.search(before) else "src" if GOODS_OF.match(text, pos) else actor
        if role:
            roles.setdefault(key, role)
    return roles


def _flow(folded: str, entities: tuple[Entity, ...]) -> tuple[tuple[str, str], ...]:
    countries = [e for e in entities if e.kind == "country"]
    if not (FLOW.search(folded) or BUYS.search(folded)) or len(countries) < 2:
        return ()
    low = folded.lower()
    roles = flow_roles(folded, [(low.find(fold(e.surface).lower()), e.key) for e in countries])
    # A flow has a source and a destination: roles all alike ("According to the
    # China expert, … investment in Kazakhstan" reads both as destinations) say nothing.
    return tuple(roles.items()) if len(set(roles.values())) > 1 else ()
