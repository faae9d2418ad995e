"""A resolved follow-up, restated in the language the user wrote it in
(either way: Chinese after an English question, English after a Chinese one).

"那俄罗斯呢？" after "What was the 2024 Kazakhstan–China trade volume?" is
answered as the English question with Russia in China's place; a Chinese
reader is shown "理解为：2024年哈萨克斯坦与俄罗斯的贸易额是多少？". Without a language
model this is a template: years, the entities' Chinese names in the order the
question names them, the indicator, and a question word from the expected
answer type (qa.question.answer_type). The indicators are the ones
news questions about countries ask for (the dev and held-out sets'
English questions); a question outside them is shown as it was asked, since
a wrong restatement would misinform the reader about what was answered.
"""

from __future__ import annotations

import re

from qa.text.entities import find_entities

HAN = re.compile(r"[\u3400-\u9fff]")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# English indicator -> Chinese, longest first where one contains another.
INDICATORS = (
    ("trade turnover", "贸易额"), ("trade volume", "贸易额"), ("volume of trade", "贸易额"), ("bilateral trade", "双边贸易额"),
    ("trade", "贸易额"), ("direct investment", "直接投资"), ("investment", "投资"), ("invested", "投资"), ("invest", "投资"),
    ("exports", "出口额"), ("export", "出口额"), ("imports", "进口额"), ("import", "进口额"),
    ("population", "人口"), ("gdp", "国内生产总值"), ("growth", "增长率"), ("inflation", "通货膨胀率"),
    ("agreements", "协议数量"), ("documents", "文件数量"), ("tourists", "游客人数"), ("visa-free stay", "免签停留天数"),
)
QWORDS = {"money": "是多少", "count": "是多少", "percent": "是多少", "date": "是什么时候", "place": "在哪里"}


def in_chinese(question: str) -> str | None:
    """The English `question` as a Chinese question, or None when the template
    cannot say it (no indicator it knows)."""
    from qa.question import answer_type

    low = question.lower()
    indicator = next((zh for en, zh in INDICATORS if re.search(rf"\b{re.escape(en)}\b", low)), None)
    if indicator is None or re.search(r"\b(?:since|before|after|until|by|from)\s+(?:19|20)\d{2}", low):
        return None  # "since 2005" is not "2005年": the template has no word for the relation
    ents = sorted(find_entities(question), key=lambda e: low.find(e.surface.lower()))
    names = list(dict.fromkeys(e.names_zh[0] for e in ents if e.names_zh))
    years = "、".join(f"{y}年" for y in dict.fromkeys(YEAR.findall(question)))
    return f"{years}{'与'.join(names)}{'的' if names else ''}{indicator}{QWORDS.get(answer_type(question).value, '是什么')}？"


# The same indicators the other way, for an English follow-up to a Chinese question.
INDICATORS_ZH = (("双边贸易额", "bilateral trade volume"), ("贸易额", "trade volume"), ("贸易", "trade"), ("直接投资", "direct investment"),
                 ("投资", "investment"), ("出口额", "exports"), ("出口", "exports"), ("进口额", "imports"), ("进口", "imports"),
                 ("人口", "population"), ("国内生产总值", "GDP"), ("增长率", "growth rate"), ("通货膨胀率", "inflation"))


def in_english(question: str) -> str | None:
    """A Chinese question asking for an amount, count or share, as an English
    question ("What was the 2024 Kazakhstan–Russia trade volume?"); None otherwise."""
    from qa.question import answer_type
    from qa.text.lexical import fold

    text = fold(question)
    indicator = next((en for zh, en in INDICATORS_ZH if zh in text), None)
    if indicator is None or answer_type(question).value not in ("money", "count", "percent") or re.search(r"以来|之前|以前|之后|以后|期间", text):
        return None
    ents = sorted(find_entities(question), key=lambda e: question.find(e.surface))
    names = "–".join(dict.fromkeys(e.name_en for e in ents))
    years = ", ".join(dict.fromkeys(YEAR.findall(question)))
    words = " ".join(w for w in (years, names, indicator) if w)
    return f"What was the {words}?"


def restate(question: str, lang: str) -> str:
    """`question` for a reader of `lang` ('zh' or 'en'): in the reader's
    language when the template can say it, else as it is."""
    if lang == "zh" and not HAN.search(question):
        return in_chinese(question) or question
    if lang == "en" and HAN.search(question):
        return in_english(question) or question
    return question
