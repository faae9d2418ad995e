"""Who is speaking in a paragraph that does not name them.

News reports quote people over several paragraphs but name them once:

    哈萨克斯坦国际关系学院…首席专家波拉特·奥埃斯巴耶夫表示，两国议程上存在几个紧迫问题。
    - 这些问题涉及共享水资源……其中最重要的是里海海平面下降。-他说。

A question asks "which issue did Oesbayev rank as the most important?", and
the paragraph that answers it never says "Oesbayev". So each paragraph whose
statement is attributed only by a pronoun (他说, 她指出, "he said"), by the
speaker's role alone (政治学家指出, after 政治学家爱德华·波列塔耶夫认为), or
that is an interview reply opened by a dash ("- …"), carries the attribution
of the last person named as a speaker (their role and name as the text gives
them) as `Passage.speaker`: retrieval and the answerability score read it with
the paragraph's other context.

A named attribution is a clause ending in a speech verb whose subject holds a
name: a transliterated name (qa.text.transliterate: 三 or more characters of
the kind that render foreign names), a name with an interpunct
(艾巴尔·奥尔扎耶夫), or a CC-CEDICT proper name; "文章指出" or "双方认为"
attribute to nobody. The speaker carries over at most MAX_GAP paragraphs:
further on, a pronoun may well be someone else.
"""

from __future__ import annotations

import re

from qa.text.lexical import fold, is_proper_name
from qa.text.transliterate import runs

# Speech verbs of news attribution; 如是说 first (it ends in 说).
VERBS_ZH = ("如是说", "表示", "指出", "认为", "强调", "补充", "提到", "介绍", "透露", "称", "说")
# What may open the clause whose subject attributes: the start, sentence and
# clause punctuation, a closing quotation mark, a dash.
_CLAUSE = re.compile(r"[^。！？!?；;，,：:“”「」『』\"]*?(?:" + "|".join(VERBS_ZH) + r")(?![为明服])")
# Words a subject may end in after the name: adverbs (托卡耶夫总统早前亦表示)
# and titles (帕希尼扬总理); an adverbial "在…时" clause goes first.
ADVERBS = ("特别", "进一步", "同时", "随后", "最后", "早前", "此前", "再次", "曾", "亦", "也", "还", "则", "又", "更", "均", "都")
TITLES = ("总统", "总理", "外长", "部长", "主席", "大使", "议长", "先生", "女士", "博士", "教授")
PRONOUN_ZH = re.compile(r"^[他她](?:" + "|".join(ADVERBS) + r")*$")
_WHEN = re.compile(r"在[^在]{1,24}时$")
DASH_OPENING = ("-", "—", "–")
SUBJECT_MAX = 40  # characters of an attribution kept as the speaker
ROLE_MAX = 8  # a role alone (政治学家, 该专家) is short
MAX_GAP = 3  # paragraphs a speaker carries over

_NAMED_EN = re.compile(r"\b((?:[A-Z][\w'.-]+\s+){0,3}[A-Z][\w'.-]+)\s+(?:said|says|told|added|noted|stressed|believes)\b")
_SAID_NAMED_EN = re.compile(r"\b(?:said|says|added|noted)\s+((?:[A-Z][\w'.-]+\s+){0,3}[A-Z][\w'.-]+)")
_PRONOUN_EN = re.compile(r"\b(?:(?:he|she)\s+(?:said|says|told|added|noted|stressed|believes)|(?:said|added)\s+(?:he|she))\b", re.I)
_NOT_NAMES_EN = frozenset({"The", "This", "That", "It", "They", "We", "I", "He", "She", "Officials", "Experts", "Analysts"})


# Role nouns an attribution gives before the name (金融分析师艾巴尔·奥尔扎耶夫).
ROLE_END = re.compile(r"^.*(?:专家|分析师|学家|学者|记者|负责人|主任|研究员|总统|总理|部长|外长|大使|主席|官员|教授|博士|代表|发言人|顾问|经理|院长|所长)、?")


def name_of(attribution: str) -> str:
    """The name an attribution ends with, without the role before it."""
    name = ROLE_END.sub("", attribution)
    return name if len(name) >= 2 else attribution


def subjects_zh(text: str) -> list[str]:
    """The subjects of the text's speech verbs, as written (dashes and spaces trimmed)."""
    out = []
    for m in _CLAUSE.finditer(fold(text)):
        verb = next(v for v in VERBS_ZH if m.group(0).endswith(v))
        subject = m.group(0)[: -len(verb)].strip(" -—–\u3000")
        if subject:
            out.append(subject)
    return out


def trimmed(subject: str) -> str:
    """The subject without what may follow the name: an adverbial 在…时, adverbs, titles."""
    s, before = _WHEN.sub("", subject), None
    while s != before:
        before = s
        for w in (*ADVERBS, *TITLES):
            s = s.removesuffix(w) if len(s) > len(w) else s
    return s


def has_name(subject: str) -> bool:
    """Whether the subject ends in a person's name (after trimmed())."""
    s = trimmed(subject)
    if len(s) > SUBJECT_MAX or PRONOUN_ZH.match(s) or s.startswith(("他", "她")):
        return False
    if re.search(r"[^\s·，、]+·[^\s·，、]+$", s):
        return True
    tail = runs(s)
    if tail and len(tail[-1]) >= 3 and s.endswith(tail[-1]):
        return True
    return any(is_proper_name(s[-k:]) for k in (2, 3, 4) if len(s) > k)


def named_speaker(text: str) -> str | None:
    """The last person the paragraph names as a speaker (role and name), or None."""
    for subject in reversed(subjects_zh(text)):
        if has_name(subject):
            return trimmed(subject)
    found = [m.group(1) for pat in (_NAMED_EN, _SAID_NAMED_EN) for m in pat.finditer(text)]
    found = [f for f in found if f.split()[0] not in _NOT_NAMES_EN]
    return found[-1] if found else None


def unnamed_attribution(text: str, speaker: str) -> bool:
    """Whether the paragraph's statement is attributed to someone it does not name
    who can be `speaker`: a pronoun, the speaker's role alone, or a dash reply."""
    if text.lstrip().startswith(DASH_OPENING) or _PRONOUN_EN.search(text):
        return True
    for subject in subjects_zh(text):
        if PRONOUN_ZH.match(subject):
            return True
        role = subject.removeprefix("该").removeprefix("这位")
        if 2 <= len(role) <= ROLE_MAX and not has_name(role) and role in speaker:
            return True
    return False


def speakers(paragraphs: list[str]) -> list[str]:
    """For each paragraph, the speaker it does not name ("" when it names its
    own speaker, attributes nothing, or none is in reach)."""
    out, last, since = [], None, MAX_GAP + 1
    introduced: list[str] = []  # the attributions so far, as first given
    for text in paragraphs:
        named = named_speaker(text)
        if named:
            out.append("")
            # A name given again alone (波列塔耶夫) is the person introduced
            # with role and full name before (政治学家爱德华·波列塔耶夫).
            last = max((full for full in introduced if named in full), key=len, default=named)
            introduced.append(named)
            since = 0
            continue
        since += 1
        if last and since <= MAX_GAP and unnamed_attribution(text, last):
            out.append(last)
            since = 0  # an attributed paragraph keeps the speaker in reach
        else:
            out.append("")
    return out
