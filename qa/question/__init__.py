"""The question stage: what a question asks, decided once, as one typed value.

`analyze(text) -> Question` reads the language, the entities (any case, short
forms such as US/UK/UAE, Chinese pair forms such as 中哈), the years and
periods asked, the indicator (trade volume, exports, investment...) and its
direction, the expected answer type and the topic terms with their forms in
both languages. Retrieval reads the entities, terms and literals; the answer
stage reads the type, years, indicator and direction. No models: it runs in
milliseconds and is tested on its own (tests/test_question.py).

One module per part, lowest first: kinds (what kind of answer is asked),
clauses (the clause that asks, and what is written in it), periods, flows
(direction and comparisons), typed (the expected answer type), value (the
Question), analyze.
"""

from qa.question.analyze import analyze
from qa.question.clauses import asking_clause, number_words, ordinals_in
from qa.question.flows import EARLIER, FLOW, FLOW_ZH, GAP_TO_TARGET, flow_roles
from qa.question.kinds import (AMOUNT_INDICATORS, ASKS_PERSON, CAPITAL_WORDS, CITY_ASKED, HOW_LONG_LENGTH, HOW_MANY_ZH, MEASURE_ALTERNATION,
                               MEASURE_WORDS, MONEY_WORDS, RANK_ASKED, TITLE_ASKED, AnswerType, as_how_many, counted_of, form_at, states)
from qa.question.periods import RELATIVE_YEARS, Period, period_of
from qa.question.typed import answer_type
from qa.question.value import Question, Term

__all__ = ["AMOUNT_INDICATORS", "ASKS_PERSON", "CAPITAL_WORDS", "CITY_ASKED", "EARLIER", "FLOW", "FLOW_ZH", "GAP_TO_TARGET", "HOW_LONG_LENGTH",
           "HOW_MANY_ZH", "MEASURE_ALTERNATION", "MEASURE_WORDS", "MONEY_WORDS", "RANK_ASKED", "RELATIVE_YEARS", "TITLE_ASKED", "AnswerType",
           "Period", "Question", "Term", "analyze", "answer_type", "as_how_many", "asking_clause", "counted_of", "flow_roles", "form_at",
           "number_words", "ordinals_in", "period_of", "states"]
