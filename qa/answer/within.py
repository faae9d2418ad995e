"""Where in the cited paragraph the answer lies, once the evidence is chosen:
the things a sentence only announces are in the next paragraph (continued);
the one thing asked as first of its kind is the one the text ranks first
(ranked_first); the words of the person asked are that person's quotation
(quoted, qa.answer.quotes)."""

from __future__ import annotations

import re

from qa.answer.choose import best_sentence
from qa.answer.constraints import check
from qa.answer.evidence import Evidence, cite_first
from qa.answer.quotes import quote_of
from qa.question import ASKS_PERSON, AnswerType, Question
from qa.text.lexical import fold


# A sentence that only announces what follows ("两国议程上存在几个紧迫问题。",
# "有以下几点：", "raised several pressing issues:"): the things are in the next paragraph.
ANNOUNCES = re.compile(r"(?:几个|几点|几项|以下|如下|下列|若干)[\u4e00-\u9fff]{0,6}?(?:问题|挑战|方面|原因|因素|领域|措施|步骤|建议|任务|方向|议题)[。：:]?\s*$"
                       r"|[：:]\s*$|\b(?:several|a few|some|the following|a number of) (?:[\w-]+ )?(?:issues|problems|challenges|points|questions|areas|steps|reasons)[.:]?\s*$", re.I)


SUPERLATIVE = re.compile(r"最|\b(?:most|biggest|greatest|main|top|chief|key|foremost)\b", re.I)


def continued(q: Question, ev: Evidence) -> Evidence:
    """Where the cited sentence only announces things and the next paragraph
    of its article is among the hits, that paragraph's best sentence answers
    (the things announced are there: "其中最重要的是里海海平面下降")."""
    if ev.answer is None or q.answer_type not in (AnswerType.NAME, AnswerType.SENTENCE) or not ev.hits or ASKS_PERSON.search(q.text):
        return ev  # (who announced them is in the announcing sentence itself)
    top = ev.hits[0]
    if not ANNOUNCES.search(top.sentence.strip()):
        return ev
    nxt = next((i for i, h in enumerate(ev.hits) if h.passage.doc == top.passage.doc and h.passage.para_no == top.passage.para_no + 1), None)
    found = best_sentence(q, [ev.hits[nxt]]) if nxt is not None else None
    if found is None:
        return ev
    _, sentence, c = found
    if SUPERLATIVE.search(fold(q.text)):
        # "最要紧的问题是啥": of the things announced, the one the text ranks first (其中最重要的是…).
        sentence = next((s for s in ev.hits[nxt].passage.sentences if SUPERLATIVE.search(s)), sentence)
    return Evidence(sentence, "sentence", tuple(cite_first(list(ev.hits), nxt, sentence)), c.ok)


# The one thing a question asks the text to rank first ("which problem tops
# the agenda", "the single most pressing issue", "最要紧的是哪个"); not "main"
# or "key", which people use for several things ("the main exports").
FIRST_ASKED = re.compile(r"最|首要|头号|\b(?:most|biggest|greatest|largest|top|tops|topped|foremost|chief|paramount|number one|no\. ?1|single[ds]? out)\b", re.I)
# Where the text ranks one thing first: "其中最重要的是里海海平面下降", "最大的贸易伙伴是中国",
# "the most pressing of them is X". Group 1: the thing.
FIRST_STATED = re.compile(r"最(?:为)?[\u4e00-\u9fff]{1,4}?的[\u4e00-\u9fff]{0,6}?(?:是|为|当属|要数|莫过于)([^，,。；;！!？?]{2,30})"
                          r"|\b(?:the )?(?:most (?:important|pressing|urgent|serious|significant)|biggest|greatest|foremost|chief|top)"
                          r"(?: of (?:these|them|which|all))?(?: [a-z]+){0,2}? (?:is|was) ([^,.;!?]{3,60})", re.I)


def ranked_first(q: Question, ev: Evidence) -> Evidence:
    """For the one thing asked as the first of its kind ("which environmental
    problem tops the agenda?"), a sentence of the cited paragraph that ranks one
    thing first answers with that thing ("其中最重要的是里海海平面下降"), not
    the sentence that lists them all (这些问题涉及共享水资源、环境威胁和气候变化)."""
    if ev.answer is None or q.answer_type not in (AnswerType.NAME, AnswerType.SENTENCE) or not ev.hits or q.asks_many \
            or ASKS_PERSON.search(q.text) or not FIRST_ASKED.search(fold(q.text)):
        return ev
    top = ev.hits[0]
    # The cited sentence, or the one right after it ("…涉及共享水资源、环境威胁和气候变化。其中最重要的是…"):
    # a superlative elsewhere in the paragraph is about something else.
    sentences = list(top.passage.sentences)
    at = sentences.index(top.sentence) if top.sentence in sentences else -1
    for sentence in [top.sentence] + (sentences[at + 1 : at + 2] if at >= 0 else []):
        if (m := FIRST_STATED.search(sentence)) is None:
            continue
        c = check(q, top.passage, sentence, sentence, top.before)
        if not c.ok:
            return ev
        thing = (m.group(1) or m.group(2)).strip()
        answer, kind = (thing, "span") if q.answer_type is AnswerType.NAME else (sentence, "sentence")
        return Evidence(answer, kind, tuple(cite_first(list(ev.hits), 0, sentence)), True)
    return ev


def quoted(q: Question, ev: Evidence) -> Evidence:
    """For the words someone used ("What did Lavrov call the visit?"), the
    quotation the cited paragraph gives that person (qa.answer.quotes), where
    it quotes more than one speaker."""
    if ev.answer is None or q.answer_type not in (AnswerType.NAME, AnswerType.SENTENCE) or not ev.hits:
        return ev
    top = ev.hits[0]
    quote = quote_of(q, top.passage.text)
    if quote is None or quote in ev.answer and len(ev.answer) <= len(quote) + 2:
        return ev  # (already that quotation)
    sentence = next((s for s in top.passage.sentences if quote in s), top.sentence)
    c = check(q, top.passage, sentence, sentence, top.before)
    return Evidence(quote, "span", tuple(cite_first(list(ev.hits), 0, sentence)), c.ok) if c.ok else ev
