"""Whose words: for "what did X call the visit?", the quotation the paragraph
gives X, not another speaker's in the same paragraph.

News paragraphs often quote two people side by side ("波列塔耶夫提到，托卡耶夫…
将此访形容为“具有边境意义的历史阶段”…俄外长拉夫罗夫早前亦称其为“国际级重要
活动”"). The reader picks a quotation; this picks the one of the person asked:
the first quotation after that person is named, or the one just before the
name where the text names the speaker after the words (“……”托连季诺娃表示).
"""

from __future__ import annotations

import re

from qa.answer.choose import persons_named
from qa.question import Question
from qa.text.lexical import fold
from qa.text.transliterate import NameIndex

# A question that asks for the words someone used, in either language: "what
# did X call…", "how did X describe…", "described it as what", "what phrase",
# "怎么形容", "称其为什么". Not a question that asks something else of a
# moment someone spoke ("Which region's leader did he meet when he called…").
WORDS_ASKED = re.compile(r"\bwhat (?:did|does|do|has|have|had)\b[^?？]*\b(?:call|describe|say|term|label|dub)\b"
                         r"|\bhow (?:did|does|do|has|have|had|was|were|is)\b[^?？]*\b(?:describ\w*|call\w*|characteri[sz]\w*|view\w*|see|saw)\b"
                         r"|\b(?:call\w*|describ\w*|term\w*|label\w*|dubb?\w*)\b[^?？]*\bas what\b|\bwhat (?:phrase|words?|term|label|expression)\b|['’]s (?:phrase|words|term|label|expression|description)\b"
                         r"|(?:怎么|如何|怎样)(?:来)?(?:形容|称呼?|说|评价|描述|看待|定性)|(?:称|形容|描述|定性)(?:其|之|它|此访|这次访问)?为(?:什么|啥|何)"
                         r"|用(?:了)?(?:什么|哪个|哪些)(?:词|话|说法|字眼|表述)", re.I)
QUOTE = re.compile(r"“([^”]{2,60})”|「([^」]{2,60})」|\"([^\"]{2,60})\"")
SPEAKER_THEN_WORDS = 40  # characters from a name to the quotation it introduces (hand-set: one clause)
WORDS_THEN_SPEAKER = 6  # characters from a quotation's end to the name after it ("”托连季诺娃表示": 0)


def quote_of(q: Question, paragraph: str) -> str | None:
    """The quotation the paragraph attributes to the person the question asks
    about, when the paragraph quotes more than once; None otherwise."""
    if not WORDS_ASKED.search(q.text):
        return None
    quotes = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in QUOTE.finditer(paragraph)]
    if len(quotes) < 2:
        return None
    at = _speaker_at(q, paragraph)
    if at is None:
        return None
    # Words right before the name are that speaker's (“……”托连季诺娃表示); else the first after the name.
    before = [x for x in quotes if x[1] <= at and at - x[1] <= WORDS_THEN_SPEAKER and not re.search(r"[。！？!?；;]", paragraph[x[1] : at])]
    if before:
        return before[-1][2]
    after = [x for x in quotes if x[0] > at and x[0] - at <= SPEAKER_THEN_WORDS]
    return after[0][2] if after else None


def _speaker_at(q: Question, paragraph: str) -> int | None:
    """Where the paragraph names the person whose words are asked: the one
    after "by" ("how was it described by Lavrov?"), else the first the
    question names. Latin names are read as the paragraph transliterates them."""
    # Latin names in the order the question gives them: those no dictionary
    # knows (foreign_names) and the literals a dictionary does know (Lavrov).
    low = q.text.lower()
    found = {w for w in (*q.foreign_names, *q.literals) if w.isalpha() and low.find(w) >= 0}
    names = sorted(found, key=low.find)
    by = re.search(r"\bby\s+(?:[\w.'’-]+\s+){0,3}?([A-Za-z][\w'’-]+)", q.text)
    if by and by.group(1).lower() in names:
        names.remove(by.group(1).lower())
        names.insert(0, by.group(1).lower())
    folded = fold(paragraph)
    if names:
        return next((i for form in NameIndex([paragraph]).forms(names[0]) if (i := folded.find(form)) >= 0), None)
    # A Chinese question names the person in the characters that transliterate names.
    for run in persons_named(q)[:1]:
        if (i := folded.find(run)) >= 0:
            return i
    return None
