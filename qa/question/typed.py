"""The expected answer type of a question: an amount, a rate, a date, a
count, a place, a name, a list, or a sentence where no span answers."""

from __future__ import annotations

import re

from qa.question.clauses import _the_asking_clause
from qa.question.flows import COMPARE, RISE_OR_FALL
from qa.question.kinds import AMOUNT_INDICATORS, KEYWORD_PLACE, RATE_OF_CHANGE, ASKS_FOR, ASKS_PERSON, ASKS_THINGS, AnswerType, COUNTED_PEOPLE, COUNT_ASKED, GOAL_OF_A_FLOW, HAPPEN_ASKED, KEYWORD_DATE, KEYWORD_QUANTITY, MANY, MONEY_WORDS, NAME_ASKED, PEOPLE_SIZE, RATE, SECOND_ASK, SHARE_OF, SIZE_ASKED, STRONG_PERCENT, TARGET_OF_A_FIGURE, THINGS_LAST, TITLE_ASKED, UNIT_FIRST, WHAT_FIGURE, WHAT_WAS, WHICH, _ASKS, _ASKS_QUANTITY, _FIGURES, _TYPES, _WHO_WHAT_IS, _WHY_HOW, _YES_NO
from qa.question.periods import YEAR, _period
from qa.text.lexical import fold


def answer_type(text: str, indicator: str | None = None) -> AnswerType:
    folded = fold(text)  # "多少個" asks a count as "多少个" does
    second = SECOND_ASK.match(folded)
    if second and _YES_NO.search(second.group(1)) and (_ASKS.search(second.group(2)) or ASKS_FOR.search(second.group(2))):
        return answer_type(second.group(2), indicator)
    if _WHY_HOW.search(folded) or _YES_NO.search(folded) or HAPPEN_ASKED.search(folded):
        return AnswerType.SENTENCE
    if indicator == "target" and GOAL_OF_A_FLOW.search(folded):
        return AnswerType.MONEY  # "what annual turnover goal did they set": the figure aimed at
    if TITLE_ASKED.search(folded) and not _ASKS_QUANTITY.search(folded):  # "文章标题是啥": the sentence that gives it, narrowed to its 《title》 (qa.answer.readings.narrowed)
        return AnswerType.SENTENCE
    if NAME_ASKED.search(folded):  # "宣言全称是什么", "what is this set called?": the name, not a figure or a sentence
        return AnswerType.NAME
    for kind, rx in _TYPES:
        if rx.search(folded):
            # "谁获得…最有价值球员奖", "Who led the growth?" ask for a person: a
            # figure word in them names what the person did, not what is asked.
            if kind in _FIGURES and (ASKS_PERSON.search(folded) or ASKS_THINGS.search(folded)) and (
                    not _ASKS_QUANTITY.search(folded) or THINGS_LAST.search(folded)):
                continue
            # "How much did X grow" asks a percentage; "how much ... invest" money.
            if kind is AnswerType.PERCENT and re.search(r"how much|多少", folded, re.I) and not re.search(
                    r"grow|increase|decrease|rise|增长|下降|增幅|%|percent|百分|share|比例|占比|比重|\bof all\b|\bhow much of\b|" + SHARE_OF + "|" + RATE, folded, re.I):
                continue
            # "Despite the fall, how many students were still there?": a count
            # asked with its measure word outweighs a change word elsewhere;
            # a rate is asked only where a rate word is (%, 比例, share).
            if kind is AnswerType.PERCENT and COUNT_ASKED.search(folded) and not STRONG_PERCENT.search(folded):
                continue
            # "占比偏低的那些俄资公司，一共有多少家": a share describes the firms;
            # the asking clause counts them.
            if kind is AnswerType.PERCENT and (asking := _the_asking_clause(folded)) != folded and COUNT_ASKED.search(asking) \
                    and not STRONG_PERCENT.search(asking):
                continue
            # "Did trade rise or fall on a year earlier?" asks the figures
            # compared (qa.answer.compare), not a rate.
            if kind is AnswerType.PERCENT and RISE_OR_FALL.search(folded) and indicator in AMOUNT_INDICATORS:
                return AnswerType.MONEY
            # "Show the growth: 2020 figure vs 2024 figure": the two years' amounts,
            # compared (qa.answer.compare), where no rate is named.
            if (kind is AnswerType.PERCENT and indicator in AMOUNT_INDICATORS and COMPARE.search(folded)
                    and len(set(YEAR.findall(folded))) >= 2 and not STRONG_PERCENT.search(folded) and not RATE_OF_CHANGE.search(folded)):
                return AnswerType.MONEY
            if kind in (AnswerType.MONEY, AnswerType.COUNT) and indicator in SIZE_ASKED:
                return SIZE_ASKED[indicator]  # "华沙的人口是多少" asks a count of people, not an amount; a growth rate stays a rate
            if kind is AnswerType.MONEY and (COUNTED_PEOPLE.search(folded) or PEOPLE_SIZE.search(folded)) and not MONEY_WORDS.search(folded):
                return AnswerType.COUNT  # "有多少吉尔吉斯族人", "社区规模有多大，人口约数" count people
            return kind
    # "What is the population / GDP of X?" asks a figure, not a definition.
    if indicator in SIZE_ASKED and not WHICH.search(folded):
        return SIZE_ASKED[indicator]
    # "What were X's exports to Y in 2024?": a flow asked for a period is its
    # amount; without one ("what are X's main exports") the goods may be asked.
    if indicator in AMOUNT_INDICATORS and WHAT_WAS.search(folded) and (YEAR.search(folded) or _period(folded).part):
        return AnswerType.MONEY
    if indicator in AMOUNT_INDICATORS and WHAT_FIGURE.search(folded):
        return AnswerType.MONEY  # "2024 turnover — what figure is cited?": the flow's amount
    if _WHO_WHAT_IS.search(folded):  # "What is TRIPP?", "Who is Tokayev?": no typed span defines it
        return AnswerType.SENTENCE
    if not _ASKS.search(folded):  # a bare topic ("China trade", "Russia?")
        # "education agreement signing date", "friendship treaty year"; not where a
        # year is typed too ("kz kg 2006 education accord signing day"): the date
        # patterns take a date holding that year for an echo of it, and the
        # sentence that gives the date answers better.
        # (Not a period typed at the end: "goods turnover previous calendar year".)
        if KEYWORD_DATE.search(folded) and not YEAR.search(folded) and not (indicator and _period(folded).relative):
            return AnswerType.DATE
        if KEYWORD_QUANTITY.search(folded) or UNIT_FIRST.search(folded):  # "Uzen–Gorgan line: total length?", "Kilometres of track on…?"
            return AnswerType.COUNT
        if KEYWORD_PLACE.search(folded):  # "venue twelfth session … commission", "论坛举办地"
            return AnswerType.PLACE
        if not indicator and re.search(r"\btotal\W*$", folded, re.I):
            return AnswerType.COUNT  # "joint venture firms registered inside kazakhstan total"; an export total is an amount
        # "Name a Kazakh export that grew…": things, answered by the sentence that names them;
        # "port planned transit hub": a plan of something, no figure's target.
        if indicator == "target" and not TARGET_OF_A_FIGURE.search(folded):
            return AnswerType.SENTENCE
        return AnswerType.MONEY if indicator and not ASKS_THINGS.search(folded) and not MANY.search(folded) else AnswerType.SENTENCE
    return AnswerType.NAME
