"""What a question asks, without the conversation around it.

People wrap a question in talk: "请问…", "…，有人知道吗", "我想知道…",
"Can you tell me when…", "Do you know what…", "…, thanks". The wrapper is no
topic a passage repeats, and it misleads every stage that reads the words:
"…是哪一年，有人知道吗" ends in 吗 and reads as a yes/no question, 有人 and
知道 count as topic words no passage has, and the reader, trained on written
questions (CMRC 2018, DRCD, SQuAD), says "no answer" to the wrapped form
where it answers the bare one. `asked_part` keeps the question inside.

`written_register` rewrites spoken Chinese question words into the written
ones the reader learnt from (几月几号 -> 哪一天, 啥 -> 什么); only the text the
models read gets it (qa.question.Question.model_text).

Both are one general table of how Chinese and English speakers frame and
word questions, not of any article's wording.
"""

from __future__ import annotations

import re

# A word that asks something: the wrapped remainder must still hold one before
# a trailing 吗 is dropped as the wrapper's ("你知道…是多少吗").
_ASKS_ZH = r"(?:哪|什么|甚麼|啥|多少|多久|多长|多大|多远|几|幾|谁|誰|何|怎|如何|为什么|為什麼|是否)"
_ASKS_EN = r"(?:what|which|who|whom|whose|when|where|why|how)\b"

_ZH_LEAD = re.compile(
    r"^(?:"
    r"请问(?:一下)?(?:你|您)?|請問(?:一下)?|"
    r"(?:我|我们)?(?:想|很想|想要)(?:问|請問|问问|请教|了解|知道|打听|确认)(?:一下)?|"
    r"(?:我|我们)?(?:很)?好奇|"
    r"(?:谁|有谁|有人|你|您|哪位)?(?:能|可以|能不能|可不可以|能否)?(?:告诉|告訴|帮|幫)(?:我|我们)(?:一下)?(?:查一下|查查|看看|说说)?|"
    r"(?:麻烦|劳驾|麻煩)(?:你|您)?(?:告诉我|查一下|问一下)?|"
    r"(?:问|打听|請教|请教)一下|求问|求助|"
    r"(?:你|您|谁|有谁|有人)(?:知道|晓得|清楚|曉得)"
    r")[\s，,：:。]*"
)
_ZH_TAIL = re.compile(
    r"(?:"
    # who is asked, then the verb: "…，有人知道吗", "…是多少你知道吗"
    r"[\s，,。]*(?:有人|有谁|谁|你|您|大家)(?:知道|晓得|清楚|曉得)(?:吗|嗎|么|麼|嘛|不)?|"
    # after a break only: "…？知道吗", "…。谢谢", "…，急" (inside a clause 清楚, 紧急 are words)
    r"[\s，,。？?]+(?:(?:知道|晓得|清楚|曉得)(?:吗|嗎|么|麼|嘛)|(?:谢谢|謝謝|多谢|多謝|感谢|感謝|谢啦|谢了)(?:你|您|大家)?|"
    r"(?:求|请|請)(?:解答|告知|回答|赐教)|在线等|急|"
    # what the asker half remembers, after the question: "…是哪天？我只记得是九十年代初", "…？好像是…"
    # (no question word in it: "…，大概有多少学生" is the question itself).
    # Or heard: "…超过多少家了？听说制造业的占比还很低".
    r"(?:我)?(?:只|就|也|还)?(?:记得|記得|印象中|印象里|好像是|似乎是|听说|聽說|听人说|聽人說|据说|據說)(?:(?!多少|几|幾|哪|什么|什麼|谁|誰|吗|嗎)[^？?。]){0,20})"
    r")[\s？?！!。.～~]*$"
)
_TRAILING_MA = re.compile(r"[吗嗎][\s？?]*$")
_FINAL_PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff])[啊呀呢吧哦嘛啦]+([\s？?！!。]*)$")

_EN_GREETING = re.compile(r"^(?:(?:hi|hey|hello)\b[\s,!.]*)?(?:(?:quick |a |one )?question\s*[:,\-–]\s*)?(?:please[,\s]+)?(?=\w)", re.I)
_EN_LEAD = re.compile(
    r"^(?:"
    r"(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)\s+(?:please\s+)?(?:tell|remind|show)\s+(?:me|us)\s+|"
    r"(?:do|does)\s+(?:you|u|anyone|anybody|someone|somebody)\s+(?:happen\s+to\s+)?know\s+|"
    r"(?:anyone|anybody)\s+knows?\s+|"
    r"i(?:'d| would)\s+like\s+to\s+know\s+|i\s+(?:want|wanted|need)\s+to\s+know\s+|"
    r"i\s+wonder(?:ed)?\s+|i'?m\s+(?:curious|wondering)(?:\s+about)?\s+|just\s+curious[,:\s]+|"
    r"(?:please\s+)?tell\s+(?:me|us)\s+"
    r")(?=" + _ASKS_EN + r")",
    re.I,
)
_EN_TAIL = re.compile(
    r"[\s,;.]*(?:please|thanks|thank\s+you|thx|anyone|any\s+idea|(?:do\s+)?you\s+know)[\s?!.]*$",
    re.I,
)


def asked_part(text: str) -> str:
    """The question without its conversational wrapper; the text as typed when
    nothing would be left or no wrapper is there. Spans of years said in
    decades are written in years (written_years)."""
    s = written_years(text.strip())
    out = _strip_zh(_strip_en(s))
    return out if len(out.strip("？?!！。. ")) >= 2 else s


# Years said in decades: articles write the number ("15年来", "over 15 years"),
# and so do the year patterns (qa.answer.periods.TOTAL_ASKED).
_DECADES = [
    (re.compile(r"\b(?:a|one) decade and a half\b", re.I), "15 years"),
    (re.compile(r"\bhalf a decade\b", re.I), "5 years"),
    (re.compile(r"\bhalf a century\b", re.I), "50 years"),
    (re.compile(r"\b(two|three|four|five) decades\b", re.I), None),
    (re.compile(r"\b(?:a|one) decade\b(?!-)", re.I), "10 years"),
]
_DECADE_COUNT = {"two": 20, "three": 30, "four": 40, "five": 50}


def written_years(text: str) -> str:
    for rx, years in _DECADES:
        text = rx.sub(lambda m: years or f"{_DECADE_COUNT[m.group(1).lower()]} years", text)
    return written_out(text)


# English news shorthand written out as the dictionary words it stands for
# (one general table, not keyed to any article): "top diplomat" is a foreign
# minister in news English, an NPP a nuclear power plant.
_SHORTHAND = [
    (re.compile(r"\b(?:top|chief|senior) diplomats\b", re.I), "foreign ministers"),
    (re.compile(r"\b(?:top|chief) diplomat\b", re.I), "foreign minister"),
    (re.compile(r"\bNPPs\b"), "nuclear power plants"),
    (re.compile(r"\bNPP\b"), "nuclear power plant"),
]


def written_out(text: str) -> str:
    return rewritten(text, _SHORTHAND)


def rewritten(text: str, table) -> str:
    """`text` with each (pattern, replacement) of `table` applied in order."""
    for rx, words in table:
        text = rx.sub(words, text)
    return text


# "what TRIPP is" (the order of a question inside "do you know …"): "what is TRIPP".
_EMBEDDED_BE = re.compile(r"^((?:what|who)\s+)(.+?)\s+(is|are|was|were)([\s?.!]*)$", re.I)


# "I need last year's trade figure for a report, what was it?": the thing
# needed, then a question that only points back at it: "What was last year's
# trade figure?" (what it is for is no topic either).
_NEED_THEN_ASK = re.compile(
    r"^(?:i\s+(?:need|want|'m\s+looking\s+for|am\s+looking\s+for|'m\s+after)|looking\s+for|need)\s+(.+?)"
    r"(?:\s+for\s+(?:a|an|my|our|the)\s+[\w\s-]{1,30}?)?\s*[,;:\u2014\u2013-]+\s*"
    r"(?:so\s+)?(what|how\s+much|how\s+many|when|where|who)\s+(?:(was|is|were|are|did)\s+(?:it|that|they|this)"
    # "…, what number does the article give?"
    r"|(?:number|figure|amount|value|date)\s+(?:does|do)\s+(?:the\s+|this\s+)?(?:article|text|report|piece|it)s?\s+(?:give|say|state|report|have|cite))"
    r"\s*\??\s*$",
    re.I,
)


def _strip_en(s: str) -> str:
    need = _NEED_THEN_ASK.match(s.strip())
    if need:
        s = f"{need.group(2).capitalize()} {(need.group(3) or 'is').lower()} {need.group(1)}?"
    greeted = _EN_GREETING.sub("", s)
    lead = _EN_LEAD.match(greeted)
    out = _EN_TAIL.sub("", greeted[lead.end():] if lead else greeted)
    if lead:
        out = _EMBEDDED_BE.sub(lambda m: f"{m.group(1)}{m.group(3)} {m.group(2)}{m.group(4)}", out)
    if out != s and out[:1].islower() and s[:1].isupper():
        out = out[0].upper() + out[1:]  # the question starts here now, as it would be written
    if out != s and s.rstrip().endswith("?") and not out.rstrip().endswith("?"):
        out = out.rstrip(" ,.") + "?"
    return out


def _strip_zh(s: str) -> str:
    lead = _ZH_LEAD.match(s)
    out = s[lead.end():] if lead else s
    tail = _ZH_TAIL.search(out)
    if tail and tail.start() > 0:
        out = out[:tail.start()]
    # "你知道…是多少吗": the 吗 closed the wrapper, not the question asked.
    if lead and re.search("知道|晓得|曉得|清楚", lead.group()) and re.search(_ASKS_ZH, _TRAILING_MA.sub("", out)):
        out = _TRAILING_MA.sub("", out)
    # A closing particle of speech (…开始的啊, …多少呢) where a question word asks already.
    if re.search(_ASKS_ZH, out):
        out = _FINAL_PARTICLE.sub(lambda m: m.group(1), out)
    if out != s and s.rstrip()[-1:] in "？?" and out.rstrip()[-1:] not in "？?":
        out = out.rstrip("，,。 ") + "？"
    return out


# Spoken question words -> the written ones of reading-comprehension questions.
_WRITTEN = (
    (re.compile(r"几月几[号日]|幾月幾[號日]|哪天(?!气)"), "哪一天"),
    (re.compile(r"啥时候|啥時候|多会儿|多會兒"), "什么时候"),
    (re.compile(r"啥"), "什么"),
    (re.compile(r"咋(?=样|樣)"), "怎"),
    (re.compile(r"咋"), "怎么"),
    # Spoken ways to say visa-free and to stay: 不用签证 / 不办签证 -> 免签, 能呆 -> 能停留
    # (the reader finds "免签停留 90 天" for the written words, not for the spoken ones).
    (re.compile(r"(?:不用|不办|不需要|无需|无须|免办|不必办)签证|(?:不用|不需要|无需)办签证"), "免签"),
    (re.compile(r"(?<=[能可以])[呆待](?=[几多])"), "停留"),
)


def written_register(text: str) -> str:
    return rewritten(text, _WRITTEN)
