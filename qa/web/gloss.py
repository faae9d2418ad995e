"""A word-by-word English gloss of a Chinese sentence, so an English reader can
check a citation: 2024年 2024 | 双边 bilateral | 贸易额 volume of trade | 达 attain |
440亿美元 US$44 billion.

Amounts and dates are rendered as `answer_en` renders them (qa.answer.render);
the rest is cut into jieba words (as retrieval cuts them) and each word is
looked up in CC-CEDICT (qa.text.glossary). A word the dictionary lacks is
shown without a gloss rather than guessed.
"""

from __future__ import annotations

import html
import re

from qa.answer.render import MONEY, date_en, money_en
from qa.text.glossary import english_for
from qa.text.lexical import fold

DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
HAN = re.compile(r"[\u3400-\u9fff]")
PUNCT = re.compile(r"^[\s\W_]+$")


def gloss(sentence: str) -> list[tuple[str, str]]:
    """(word as written, English or '') for every word of `sentence`, punctuation left out."""
    import rjieba  # the word cutter of qa.text.lexical

    out: list[tuple[str, str]] = []
    at = 0
    special = sorted([(m.start(), m.end(), "money") for m in MONEY.finditer(sentence)]
                     + [(m.start(), m.end(), "date") for m in DATE.finditer(sentence)])
    for start, end, kind in special + [(len(sentence), len(sentence), "")]:
        if start < at:
            continue  # a date inside an amount already taken
        for word in rjieba.cut(sentence[at:start]):
            if word.strip() and not PUNCT.match(word):
                out.append((word, _word_en(word, rjieba) if HAN.search(word) else ""))
        span = sentence[start:end].strip()
        if span:
            out.append((span, (money_en(fold(span)) if kind == "money" else date_en(span)) or ""))
        at = max(at, end)
    return out


def _word_en(word: str, rjieba) -> str:
    """The dictionary's gloss; for a compound it lacks (投资总额), its parts'
    (investment + total); single characters alone are too ambiguous to gloss a compound."""
    found = english_for(fold(word))
    if found or len(word) < 3:
        return found or ""
    parts = [p for p in rjieba.cut_for_search(word) if len(p) >= 2 and p != word]
    glossed = [english_for(fold(p)) for p in parts]
    return " + ".join(glossed) if parts and all(glossed) else ""


def gloss_html(sentence: str) -> str:
    """The gloss as a collapsed box under a cited paragraph; '' for a sentence without Chinese."""
    if not HAN.search(sentence or ""):
        return ""
    cells = "".join(f"<span class='qa-g'><b>{html.escape(w)}</b><i>{html.escape(e)}</i></span>" for w, e in gloss(sentence))
    return f"<details class='qa-gloss'><summary>Word by word (CC-CEDICT)</summary><div>{cells}</div></details>"
