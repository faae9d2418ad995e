"""Capitals that stand for their countries, as news writes them: "talks
between Yerevan and Baku", "比什凯克和阿斯塔纳建交", "Beijing invested".

The table comes from CC-CEDICT's glosses of the form "Astana, capital of
Kazakhstan" (both the Chinese headword and the English name map to the
country); a gloss whose country part is not one country's name (a province,
"Chechen Republic, Russia") is left out. A capital counts as its country only
where the question joins it with another capital (by "and", a dash, or side
by side: "astana ashgabat turnover") or country or makes it the
one that invests, exports or imports: "what was signed in Astana" keeps Astana
a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text.derived import derived
from qa.text.entities import Entity, entity_for, find_entities
from qa.text.lexical import CEDICT_PACKAGES, cedict_entries

# "Astana, capital of Kazakhstan", "Beijing, capital of People's Republic of China";
# trailing Chinese cross-references (亞美尼亞|亚美尼亚[...]) are cut first.
GLOSS = re.compile(r"^([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?), capital of (?:the )?([A-Z][A-Za-z'\- ]+?)$")
# The other form CC-CEDICT uses: "Washington, D.C. (US federal capital)".
GLOSS_BRACKETED = re.compile(r"^([A-Z][A-Za-z'\-]+)(?:,? [A-Z][A-Za-z.'\-]*)* \((?:the )?([A-Z][A-Za-z.'\- ]+?) (?:federal |national )?capital\)$")
STATE_PREFIX = re.compile(r"^(?:People's )?Republic of ", re.I)
TABLE_VERSION = 2  # raise when the table's rules change (qa.text.derived)


def _build() -> dict[str, str]:
    out: dict[str, str] = {}
    for head, _pinyin, senses in cedict_entries():
        for sense in senses:
            gloss = re.split(r"\s*[\u3400-\u9fff]", sense, maxsplit=1)[0].strip()
            m = GLOSS.match(gloss) or GLOSS_BRACKETED.match(gloss)
            if not m:
                continue
            country = STATE_PREFIX.sub("", m.group(2)).strip()
            found = [e for e in find_entities(country) if e.kind == "country"]
            if len(found) == 1 and found[0].surface.lower() == country.lower():
                out.setdefault(head, found[0].key)
                out.setdefault(m.group(1).lower(), found[0].key)
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital name (Chinese headword, or English in lower case) -> country key
    (read from the derived cache once a process: every question looks here)."""
    return derived("capitals", TABLE_VERSION, CEDICT_PACKAGES, _build)


@lru_cache(maxsize=256)
def capitals_of(key: str) -> tuple[str, ...]:
    """A country's capital as the table writes it (Chinese headwords, English in lower case)."""
    return tuple(name for name, k in capitals().items() if k == key)


def capitals_in(text: str) -> list[str]:
    """The capitals a Chinese text names, as written (the table's Chinese headwords)."""
    return [name for name in capitals() if not name.isascii() and name in text]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    names = sorted(capitals(), key=len, reverse=True)
    cap = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    edge = r"(?<![A-Za-z])"  # a whole English word; Chinese names stand anywhere
    # Two capitals joined by "and", or side by side as a search box or a
    # headline writes them ("astana ashgabat turnover", "Astana–Bishkek trade").
    joined = re.compile(rf"{edge}(?:between\s+)?({cap})(?![a-z])(?:['’]s)?\s*(?:and|&|和|与|同|及|跟|、|[-–—/]|(?<=[A-Za-z])\s)\s*({cap})(?![a-z])"
                        # one capital's act with another ("how many accords has Astana inked with Yerevan"):
                        # governments that sign, agree or talk, not cities
                        rf"|{edge}({cap})(?![a-z])\s+(?:(?:has|have|had|will|would)\s+)?(?:\w+\s+){{0,1}}?"
                        rf"(?:sign|ink|conclud|agree|seal|strik|struck|negotiat|talk)\w*\s+(?:[\w-]+\s+){{0,3}}?with\s+({cap})(?![a-z])", re.I)
    # The one that invests or trades, or the partner dealt with ("its dealings
    # with Moscow", "trade with Beijing"): a government, not a city.
    actor = re.compile(rf"{edge}({cap})(?![a-z])\s+(?:(?:has|have|had|will|would)\s+)?(?:\w+ly\s+)?"
                       rf"(?:invest|export|import|sold|sell|bought|buy|ship|pour|pump|inject|sunk|sink|plough|plow|channel)\w*|({cap})(?:对|向)\S{{1,12}}?(?:投资|出口|进口)"
                       # where imports come from ("从埃里温那边进口到哈萨克斯坦的货物")
                       rf"|(?:从|自)({cap})\S{{0,6}}?(?:进口|买进|购入|运来|输入)"
                       # a capital's flows or economy ("Bishkek's imports from Kazakhstan")
                       rf"|{edge}({cap})['’]s\s+(?:[a-z]+\s+)?(?:imports?|exports?|invest\w*|trade|economy|purchases|sales|deficit|surplus|partners?)\b"
                       rf"|\b(?:trade|trading|dealings|commerce|turnover|relations|ties)\s+with\s+({cap})(?![a-z])"
                       # a balance run with a capital ("the negative balance Kazakhstan ran with Moscow")
                       rf"|\b(?:balance|deficit|surplus|gap|imbalance)\b[^?]{{0,40}}?\bwith\s+({cap})(?![a-z])"
                       # a capital beside a country's side ("哈方和埃里温": Kazakhstan and Armenia)
                       rf"|[方国](?:和|与|同|跟|及)({cap})", re.I)
    return joined, actor


def capital_entities(text: str) -> list[Entity]:
    """Countries named by their capitals where the text makes a capital stand
    for its country: "between Yerevan and Baku" names Armenia and Azerbaijan."""
    return [e for name, key in capital_countries(text) if (e := entity_for(key, name))]


def capital_countries(text: str) -> list[tuple[str, str]]:
    """(capital as written, country key) for each capital standing for its country."""
    joined, actor = _patterns()
    table = capitals()
    out: list[tuple[str, str]] = []
    for m in (*joined.finditer(text), *actor.finditer(text)):
        for name in m.groups():
            if name and (key := table.get(name) or table.get(name.lower())) and (name, key) not in out:
                out.append((name, key))
    return out
