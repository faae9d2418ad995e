"""Places an answer names: where an event happened (the place between 在 and
its verb), whether a span or a sentence names a place of the kind asked
("哪个州", "which city"). Read by qa.answer.readings and qa.answer.decide.
"""

from __future__ import annotations

import re

from qa.answer.spans import PLACE_SUFFIX
from qa.question import Question
from qa.text.entities import find_entities
from qa.text.lexical import HAN, english_for, fold, is_proper_name, is_verb, words
from qa.text.transliterate import NameIndex

# "在维也纳签署了在纳伦州建设…的协议": the place of each event is the one
# right after 在 and right before its verb.
# Spoken "在哪签的" asks it with a bare 哪 after 在.
WHERE_ZH = re.compile(r"(?:哪里|哪儿|何处|何地|哪个(?:城市|地方|国家|地区)|哪座城市|什么地方|(?<=在)哪(?![里儿个些一年天种位家国座]))"
                      r"\s*(?:被|所|正式)?([\u4e00-\u9fff])")
CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")


# The verbs of the events a place is asked of, for English questions whose
# verb is a stop word or an idiom the dictionary does not gloss as news writes
# it ("where is it being held", "where did they put pen to paper").
# A Chinese question that names the event before asking its place ("三国签…协议的地点在哪",
# "会议举办地在哪") is read the same way: its verb, whatever follows it.
EVENT_VERBS_ASKED = [(re.compile(r"\b(?:held|hold|holds|holding|host\w*|convene\w*|take place|takes place|took place|taking place|venue)\b|举行|举办|召开|办在|在哪(?:里|儿)?办", re.I),
                      ("举行", "举办", "召开")),
                     (re.compile(r"\b(?:sign\w*|put pen to paper|ink\w*|conclud\w*)\b|签", re.I), ("签署", "签订", "签约"))]
# "在乌拉尔举行的论坛": a place before an event's verb, in a sentence (where an
# English "region" is asked: Urals, the Caucasus carry no suffix).
EVENT_AT = re.compile(r"在([\u4e00-\u9fff]{2,8}?)(?:举行|举办|召开|签署|签订)")


# A time written between 在 and the place ("将在11月阿克套举办", "在2023年7月阿斯塔纳举行").
TIME_FIRST = re.compile(r"^(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\d{1,2}\s*日)?(?:初|中旬|下旬|底|末)?|^(?:今年|去年|明年|本月|下月)")


def place_of_event(q: Question, clause: str) -> str | None:
    """For "where was it signed / 在哪里签订": the place the clause gives the
    asked event, "在<place><verb>". The verb: in a Chinese question the one
    right after 哪里 / 哪个城市 (its first character: 签订 meets 签署); in an
    English one any Chinese form of its words. None when the clause gives none."""
    m = WHERE_ZH.search(fold(q.text))
    firsts = {m.group(1)} if m else set()
    forms = set() if m else {f for t in q.terms for f in t.forms if CJK2.fullmatch(f)}
    forms |= {v for rx, verbs in EVENT_VERBS_ASKED for v in verbs if not m and rx.search(fold(q.text))}
    for at in (i for i, ch in enumerate(clause) if ch == "在"):
        for end in range(at + 3, min(len(clause) - 1, at + 12)):
            verb = clause[end : end + 2]
            place = TIME_FIRST.sub("", clause[at + 1 : end])  # "在11月阿克套举办": the month is when, not where
            if place and CJK2.fullmatch(verb) and (verb in forms or verb[0] in firsts) and (
                    is_place(place) or (verb in EVENT_VERBS and _reads_as_name(q, place))):
                return place
    return None


def _reads_as_name(q: Question, word: str) -> bool:
    """A name no table knows: the dictionary spells it as a proper name
    (华盛顿, 乌拉尔) or does not know it at all, and it is not a common word
    the dictionary glosses (在协议签署两个月后: 协议 is no place)."""
    return bool(PLAIN_NAME.fullmatch(word)) and not _asked_of(q, word) and (is_proper_name(word) or not english_for(word))


def _asked_of(q: Question, word: str) -> bool:
    """The question's own topic word ("在协议签署两个月后": 协议 is the
    agreement asked about, not where it was signed)."""
    return any(word == f or (len(f) >= 2 and f in word) for t in q.terms for f in t.forms if not f.isascii())


# Where 在X is followed by an event's own verb (在华盛顿签署, 在乌拉尔举行), X
# is where it happened even when no table knows the place (many cities are in
# none), so long as X reads as a name: not a time or an occasion (在会议期间,
# 在此次会上, 在8月, 在两国元首见证下), which 在 introduces too.
EVENT_VERBS = frozenset({"举行", "举办", "召开", "签署", "签订", "签约"})
PLAIN_NAME = re.compile(r"(?![\u4e00-\u9fff]*[年月日会届次时期间此该本这那其两双各])[\u4e00-\u9fff]{2,4}(?<![上下中前后内里边])")


# A division's suffix the reader left behind ("乔尔蓬阿塔" of 乔尔蓬阿塔市指定为…);
# not the first character of another word (市场, 州长, 省份, 区域, 县城).
SUFFIX_AFTER = re.compile(r"[市州省县区镇](?![场民长政委域内级值份城界])")


def with_place_suffix(sentence: str, span: str) -> str:
    """A place span with the division suffix that follows it in the sentence."""
    at = sentence.find(span)
    if span and at >= 0 and SUFFIX_AFTER.match(sentence, at + len(span)) and not PLACE_SUFFIX.fullmatch(span):
        return span + sentence[at + len(span)]
    return span


def is_place(text: str) -> bool:
    """A place we know (a country, a city) or a name with a place suffix (纳伦州);
    not "会议期间" (during the meeting), which 在 also introduces."""
    return any(fold(e.surface) == fold(text) for e in find_entities(text)) or bool(PLACE_SUFFIX.fullmatch(text))


# A place asked by its kind of division ("哪个州", "哪座城市", "which province").
# "which Kazakh region" asks a region too.
ADMIN_ASKED = re.compile(r"哪(?:个|座|一)?(州|省|市|县|区)(?!场|民|值|长|域|别|委|政|级|内)"
                         r"|\bwhich (?:[A-Za-z\-]+ ){0,2}?(province|state|region|oblast|city|county)\b"
                         # not a kind of organisation ("which Turkmen state company")
                         r"(?!\s+(?:compan|firm|enterprise|corporation|agenc|bank|media|official|council|government|"
                         r"budget|level|university|railway|owned|run\b|funded))", re.I)


def names_a_place(sentence: str, kind: str) -> bool:
    """The sentence names a place of the kind asked ("州", "city"): for a
    division, a name with its suffix (突厥斯坦州, Turkistan Region); for a
    city, a city we know or a name with a place suffix. A country is no
    answer to either."""
    kind = kind.lower()
    if kind == "region" and EVENT_AT.search(sentence):
        return True  # an English "region" is any named area (the Urals), read where an event is held
    if kind in ("市", "city"):
        return any(e.kind == "city" for e in find_entities(sentence)) or bool(PLACE_SUFFIX.search(sentence))
    # (An English "province" of Kazakhstan or Kyrgyzstan is an oblast, which Chinese writes 州.)
    suffix = {"province": "省|州|province|oblast|region", "state": "州|state", "region": "州|region|oblast", "oblast": "州|region|oblast",
              "county": "县|county"}.get(kind, kind)
    return bool(re.search(rf"[\u4e00-\u9fff]{{2,8}}(?:{suffix})|\b[A-Z][a-z]+ (?:{suffix})\b", sentence))


# A port asked ("which Caspian harbour", "哪个港口"): answered by a name of a port.
PORT_ASKED = re.compile(r"\b(?:which|what) (?:[A-Za-z\-]+ )?(?:port|harbou?r|seaport)s?\b|哪(?:个|座|一)?港", re.I)
PORT_NAMED = re.compile(r"港|\bport\b|\bharbou?r\b", re.I)


def admin_place_ok(q: Question, span: str, clause: str = "") -> bool:
    """A span answers "哪个州 / which province" when it is a place we know or
    a name with a place suffix; a company or a person read there does not.
    Cities are not judged this way. A port asked is answered by a port's name
    (土库曼巴什港), not by a corridor read beside it."""
    if PORT_ASKED.search(fold(q.text)) and not PORT_NAMED.search(span):
        return False
    m = ADMIN_ASKED.search(fold(q.text))
    if not m or (m.group(1) or m.group(2)).lower() in ("市", "city"):
        return True  # many cities are in no list we have (库斯科, 塔拉兹) and carry no suffix
    if (m.group(2) or "").lower() == "region" and span == place_of_event(q, clause):
        return True  # "which region is it held in": the place the clause holds the event in (乌拉尔)
    return is_place(span.strip("“”\"「」 ")) or bool(PLACE_SUFFIX.search(span))


def reads_as_clause(span: str) -> bool:
    """A place is a name: a Chinese span that holds the aspect particle 了
    after a verb ("华开设了第二和第三鲁班工坊", read for "在哪里") is a clause the
    reader read, not where something is. (Only 了 after a verb: a verb alone
    is no sign, since the dictionary reads nouns such as 制药 as verbs too.)"""
    if not HAN.search(span) or is_place(span):
        return False
    parts = words(fold(span))
    return any(w == "了" and i > 0 and is_verb(parts[i - 1]) for i, w in enumerate(parts))


# "塔拉兹的“玛纳斯-阿塔”中心": the place a named thing is in, written before its name with 的.
PLACE_BEFORE_NAME = re.compile(r"([\u4e00-\u9fff]{2,6}?)的[“「\"]?$")


def place_of_name(q: Question, text: str) -> str | None:
    """Where a thing the question names in Latin letters is ("the centre called
    Manas-Ata sits in which city?"): the place the text writes right before its
    name with 的 (塔拉兹的“玛纳斯-阿塔”中心), read as the text transliterates the
    name (a hyphenated name by its first part). A place a table knows, or a
    name the dictionary spells as a proper name or does not know."""
    names = [p for w in q.literals if w.replace("-", "").isalpha() for p in (w, w.split("-")[0]) if len(p) >= 3]
    if not names:
        return None
    index = NameIndex([text])
    for name in dict.fromkeys(names):
        for form in index.forms(name):
            for m in re.finditer(re.escape(form), text):
                before = PLACE_BEFORE_NAME.search(text[max(0, m.start() - 10) : m.start()])
                if before and (is_place(before.group(1)) or _reads_as_name(q, before.group(1))):
                    return before.group(1)
    return None


# Where goods or a train arrived ("where did the first trainload pull in?",
# "运到了哪个站"): the place after an arrival verb ("已抵达亚美尼亚阿伊鲁姆站").
ARRIVAL_ASKED = re.compile(r"\b(?:arriv\w*|reach\w*|pull(?:s|ed)? in|pulled into|land\w*|end(?:s|ed)? up|destination)\b|抵达|到达|运到|运抵|到了哪", re.I)
ARRIVED_AT = re.compile(r"(?:抵达|到达|运抵|驶抵|开抵)([\u4e00-\u9fff]{2,12}?(?:站|港|市|州|口岸))")


def arrival_place(q: Question, sentence: str) -> str | None:
    """The place a sentence says something arrived at, for a question that asks
    where it arrived; a country written before the place is left out
    (亚美尼亚阿伊鲁姆站 -> 阿伊鲁姆站)."""
    if not ARRIVAL_ASKED.search(fold(q.text)) or not (m := ARRIVED_AT.search(sentence)):
        return None
    place = m.group(1)
    for e in find_entities(place):
        if e.kind == "country" and place.startswith(e.surface) and len(place) > len(e.surface) + 1:
            place = place[len(e.surface):]
    return place
