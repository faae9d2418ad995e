"""The question stage: what a question asks, decided once, as one typed value.

`analyze(text) -> Question` reads the language, the entities (any case, short
forms such as US/UK/UAE, Chinese pair forms such as 中哈), the years and
periods asked, the indicator (trade volume, exports, investment...) and its
direction, the expected answer type and the topic terms with their forms in
both languages. Retrieval reads the entities, terms and literals; the answer
stage reads the type, years, indicator and direction. No models: it runs in
milliseconds and is tested on its own (tests/test_question.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from qa.text.framing import asked_part, written_register
from qa.text.glossary import english_gloss
from qa.text.capitals import capital_entities
from qa.text.entities import Entity, find_entities, near_countries, pair_entities, side_entities
from qa.text.lexical import HAN, LATIN_OR_NUMBER, ORDINALS, QUESTION_LATIN, STOP_LATIN, chinese_for, english_for, english_lemmas, fold, key_terms, mainland
from qa.text.transliterate import MIN_LETTERS, NameIndex
from qa.text.vocab import TWO_WAY, INDICATORS, PEOPLE_EN, PEOPLE_ZH, SECTORED, SIZES, events_in, indicator_words, sector_of


class AnswerType(str, Enum):
    """What kind of answer the question expects. SENTENCE: why / how / what is /
    who is / yes-no / bare topic: no span answers it, the supporting sentence does."""

    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    COUNT = "count"
    PLACE = "place"
    NAME = "name"
    LIST = "countries"
    SENTENCE = "sentence"


# Measure words that make a number a count; questions use the same list ("多少公里").
MEASURE_WORDS = ("倍 份 家 个 项 次 天 人 名 座 所 条 国 种 公里 千米 吨 架 辆 届 周年 周 小时 年 节 位 艘 部 批 台 张 只 头 亩 公顷 平方公里 "
                 # units of quantities: 90兆瓦, 500万吨, 30亿立方米
                 "兆瓦 千瓦 吉瓦 千瓦时 立方米 平方米 公斤 千克 桶 升 米 "
                 # Taiwan's and imperial units (DRCD's 二千九百公尺)
                 "公尺 公分 平方公尺 英里 英尺 海里 "
                 # books, plants, floors, matches, episodes, generations, points, ages, durations
                 "册 本 卷 篇 首 件 株 棵 层 栋 间 户 套 枚 颗 匹 场 集 章 期 级 代 局 球 分 票 岁 个月 分钟 秒").split()
# The measure words as one alternation, longest first ("个月" before "个").
MEASURE_ALTERNATION = "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
LIST_QUESTION = re.compile(r"which (?:\w+ )?(?:countries|states|nations)|what (?:\w+ )?countries|(?:list|name) (?:the |all )?(?:\w+ )?countries|哪些国家|哪(?:几|[二三四五六七八九两])个国家|哪些国(?![际内])", re.I)

# A rate asked (失业率, 增长率, 自杀率) is a percentage; not an exchange rate,
# efficiency or frequency, nor 率 the verb "lead" (率队, 率领, 率团).
RATE = r"(?<![汇效频])率(?![队领团部军众先])"
# "占…的多少" asks a share; "占地多少" an area, "占领了多少" a count, and
# "多少" with a measure word after it counts that unit whatever stands before
# (a typed 抗占 for 抗战 in "纪念抗占胜利多少周年" asks years, not a share).
SHARE_OF = rf"(?<!地)占(?![地领据用有])[^，。？?]{{0,15}}?的?多少(?!\s*(?!份额)(?:{MEASURE_ALTERNATION}))"

# Expected answer type from the wording; first match wins (after SENTENCE, below).
# "How long is the railway?" asks a length (a quantity); "how long did it
# take / was it in operation?" a duration, often a span of years the reader finds.
HOW_LONG_LENGTH = re.compile(r"how long(?!.*\b(?:take|takes|took|last|lasts|lasted|operat\w*|serv\w*|stay\w*|remain\w*|wait\w*|liv\w*|"
                             r"run|ran|exist\w*|reign\w*|rul\w*|work\w*|spen[dt]\w*|held|hold\w*|in office|in power|since)\b)", re.I)
# English only: "第几名" keeps its count type (the ordinal pattern gives 第15张).
# "Which position does X occupy in Y's list of partners", "what place among …".
RANK_ASKED = re.compile(r"\brank(?:s|ed|ing)?\b|\b(?:what|which) position\b|\b(?:what|which) (?:place|spot)\b(?=.*\b(?:list|ranking|among|partners?|table)\b)", re.I)
# 多少 / 几 asking a number (not 哪几 "which", 说几个/举几个/列几个 "name a few").
HOW_MANY_ASKED = r"(?:多少|(?<![哪说举列])几)"
CURRENCY_WORDS = r"(?:dollars|euros|yuan|renminbi|rubles|roubles|tenge|pounds|francs|yen|usd|us\$|bucks)(?!\w)"
_TYPES = [
    (AnswerType.LIST, LIST_QUESTION),
    # A year asked outright is a date whatever else the question names
    # ("西元幾年後自殺率減少…", "which year did trade grow fastest").
    (AnswerType.DATE, re.compile(r"\bwhat year\b|\bwhich year\b|哪一?年|(?:公元|西元|民国)\s*(?:前\s*)?(?:几|多少)\s*年", re.I)),
    (AnswerType.PERCENT, re.compile(SHARE_OF + r"|\bas an? (?:share|percentage|proportion|fraction|percent)\b|(?:几|多少)成(?![员立功本熟])|\bhow (?:big|large|much) (?:of )?an? (?:chunk|portion|slice|fraction)\b|\b(?:chunk|portion|slice|fraction)\b.*\bhow (?:big|large|much)\b|(?:几|多少)个?(?:百分)?点(?=$|[？?，,。的吗呢])|\bpercentage points?\b|\bpercent|\b(?:what|which) (?:portion|fraction)\b|\bshare of\b|\bhow much of (?:it|this|that|them|the)\b|\bof all\b.*\bhow much\b|(?:market|what|which|its|their)\s+share\b|\bproportion|\brate\b|\b(?:grow|grew|increas|decreas|ris[ei]|rose|fell|fall)|%|百分|比例|占比|比重|增长|下降|增幅|降幅|" + RATE, re.I)),
    # "西元幾年" / "公元几年" ask which year (above), "几年" alone how many (a count).
    # "When" asks a date when it leads the question ("When did…", "So when was…"),
    # not as a conjunction later on ("How old was he when he played…").
    (AnswerType.DATE, re.compile(r"^\W*(?:[\w'’-]+[,:]?\s+){0,3}when\b|\b(?:what|which) (?:(?:exact|calendar|precise|specific) )?(?:date|day)\b|\bwhat(?:'s| is| was) the (?:[\w-]+ )?(?:day|date)\b|\b(?:in )?(?:what|which) month\b|since when|\bexact (?:date|day)\b|\bthe day,? month,? and year\b|\bthe (?:full|exact|precise) date\b|\bwhen (?:was |were |did )?(?:it |they )?(?:signed|held|founded|established|opened|launched|built|created|set up|inked|concluded)\W*$|\bon what day\b|何时|什么时候|啥时候?|哪一天|哪天|几月|(?<!第)几号|日期", re.I)),
    (AnswerType.COUNT, HOW_LONG_LENGTH),
    # A capacity or an output asked ("what's its planned power output"): a quantity with its unit.
    (AnswerType.COUNT, re.compile(r"\bwhat(?:'s| is| was| will be) (?:the |its |their )?(?:planned |installed |annual |design |expected )*(?:power |generating |production |throughput |transit )?(?:output|capacity)\b"
                                  r"|(?:装机|发电|设计|年|运输|吞吐)(?:容量|能力|量)是?多少", re.I)),
    # "Where does X rank / what position" asks an ordinal (第三大), as 第几 does.
    (AnswerType.NAME, RANK_ASKED),
    # "How many dollars" asks an amount of money, not a count.
    (AnswerType.COUNT, re.compile(rf"(?:什么|多大|哪个)数?量级|数量[^，。？?、]{{0,6}}?(?:多少|几)|how many(?!\s+(?:[\w.$]+\s+)?{CURRENCY_WORDS})|number of|\b(?:count|tally) of\b|\bhead ?count\b|how far|how old|how much (?:time|longer)|多大年纪|几岁|多远|多长(?!时间)|{HOW_MANY_ASKED}\s*[十百千万]?\s*(?:{MEASURE_ALTERNATION})|how much .*(?:raise|increase|grow|capacity)", re.I)),
    (AnswerType.MONEY, re.compile(r"how much|how many\s+(?:[\w.$]+\s+)?" + CURRENCY_WORDS + r"|\b(?:dollar|euro|money|cash) (?:amount|figure|sum|total)\b|\bwhat sum\b|\bwhat size (?:of )?(?:a )?(?:gap|deficit|surplus|shortfall|imbalance)\b|\bto what (?:figure|amount|sum|goal|target)\b|\badds? up to\b|\b(?:came|come|comes|amounted|amounts?) to what\b|\bwhat did\b.{0,80}\btotal\b|\bwhat (?:figure|amount|level|sum)\b.*\b(?:raise|boost|increase|lift|bring|push)\w*\b.*\bto\W*$|\b(?:raise|boost|increase|lift|bring|push)\w*\b.{0,60}\bto what (?:figure|amount|level|sum)\b|\b(?:cumulative|total|overall|combined|invested|investment) amount\b|\bwhat(?:'s| is| was| were) the amount\b|how large|\btrade\b|how big|trade volume|\b(?:trade|export|import|deal|contract|market|total|dollar)\w*\s+value\b|\bvalue of (?:the )?(?:[\w'’\-]+\s+){0,3}?(?:trade|exports?|imports?|deal|contract|investments?|goods|assets)\b|\bvalued\b|worth|\bprice[\s-]?tags?\b|\bcost|revenue|budget|\bdeficit|\bsurplus|贸易额|金额|投资额|出口额|进口额|逆差|顺差|赤字|多少钱|总额|多少|多大(?!程度|作用|影响|意义|关系|区别|差别|变化|帮助|贡献|压力|风险|可能|优势|潜力|年纪|岁)", re.I)),
    (AnswerType.PLACE, re.compile(r"\bwhere\b|which city|what city|\b(?:which|what) (?:capital|venue)\b(?!\s+(?:investment|flows?|inflows?|market))|in which|(?:城市|东道主?|举办地|地点)是哪|\b(?:which|what) (?:[a-z]+ )?(?:port|harbou?r|seaport|airport|railway station)\b"
                                  r"|哪里|哪个城市|哪座城市|哪个港口?|哪座港口?|在哪(?![些几])", re.I)),
]
# A city asked outright ("in which city", "哪座城市"): a country does not answer it (qa.answer.readings).
CITY_ASKED = re.compile(r"\b(?:which|what) (?:[A-Za-z]+ )?(?:city|town)\b|哪(?:一)?(?:个|座|個)城市|哪(?:个|座|個)城", re.I)
# Questions no span answers: reasons, manners, definitions, people, yes/no.
# 为什么 after 称/名/誉/改/成/作… is "as what" (被称为什么, 更名为什么), not "why".
_AS_WHAT_BEFORE = "称名誉改成作视编译选列"
AS_WHAT = rf"(?:[{_AS_WHAT_BEFORE}]|命名|更名)为什么"
WHY_ZH = rf"(?<![{_AS_WHAT_BEFORE}])为什么"
# A yes/no question that goes on to ask a quantity ("Did X invest in Y, and if
# so what's the dollar amount?", "有没有…？有的话是多少") asks the quantity.
FOLLOW_UP_QUANTITY = (r"(?:\bif so\b|\band\b|有的话|如果有)[^?？]*?(?:\bhow (?:much|many)\b|"
                      r"\bwhat(?:'s| is| was| were)? (?:the )?(?:\w+ )?(?:amount|figure|number|value|total|sum)\b|多少|"
                      # "…a trade goal in dollars, and if so what is it?": the figure asked about
                      r"\bif so,? what(?:'s| is| was| are| were) (?:it|they|that|those)\b|(?:有的话|如果有)[^?？]*?是(?:什么|啥|多少))")
_WHY_HOW = re.compile(r"(?:^\W*|[,，:：;]\s*)(?:why|how)\b(?!\s+(?:much|many|long|large|big|far|old|often|high|soon|fast))|"
                      + WHY_ZH + "|为何|为啥|干嘛|干吗|原因|根源|缘由|如何|怎样|怎么(?!样)", re.I)
# A question asking for a cause: answered by a sentence that gives one.
WHY = re.compile(r"\bwhy\b|\bhow come\b|\bwhat (?:caused|causes|led to)\b|\breasons?\b|" + WHY_ZH + "|为何|为啥|干嘛|干吗|原因|根源|缘由|缘何|何以", re.I)
_WHO_WHAT_IS = re.compile(r"^\W*(?:who|what)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?[\w\-.'’ ]{1,40}\W*$|^\W*tell me about\b|^\W*what does .* mean\b|是谁|什么是|是什么(?:意思|组织|机构)?[？?]?$", re.I)
# ("Can you tell me the figure…", "could you list…" is a request, not a yes/no question.)
_YES_NO = re.compile(r"^\W*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b"
                     r"(?!\s+you\s+(?:please\s+)?(?:tell|give|show|list|name|find|say|share|remind|confirm what)\b)(?!.*\bor\b)(?!.*" + FOLLOW_UP_QUANTITY + r")"
                     r"|吗[？?]?$|(?:是否|有没有)(?!.*" + FOLLOW_UP_QUANTITY + r")", re.I)
NAME_ASKED = re.compile(r"全称|全名|叫什么|名字(?:是|叫)(?:什么|啥)?\W*$|(?:英文|中文|外文)?名称是什么|英文名|简称|缩写|full name|official name|english name|"
                        r"abbreviation|acronym|short name|what is it called|called what|\bcalled\W*$|" + AS_WHAT, re.I)
# A title asked outright: not "the name of …", which may ask a person's name
# in a sentence that also titles the work she appears in.
# In English only a work's title ("the title of his op-ed", "the article's
# title"), not an honour ("got the culture capital title"); "a piece titled
# X" (题为) names the piece to ask something else of it.
WORKS = r"article|book|film|movie|op-ed|speech|piece|report|essay|editorial|column|novel|poem|song|paper|document|series|show|programme|program|interview"
TITLE_ASKED = re.compile(rf"\btitle of (?:the |his |her |its |their |an? |this |that )?(?:[\w'’-]+ ){{0,3}}?(?:{WORKS})\b"
                         rf"|\b(?:{WORKS})(?:'s|’s| is)? (?:title|headline)\b|\bheadline\b|标题|题目|篇名|书名|片名|剧名", re.I)
# "Name some of…", "list the…" ask as a question word does.
_ASKS = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how|wat|wht|whats|wut|wich|whch|wen|wher)\b|\bname (?:the|all|some|a few)\b|^\W*list\b|多少|几|什么|啥|哪|谁|何|吗|是否|如何|怎", re.I)

_FIGURES = (AnswerType.MONEY, AnswerType.PERCENT, AnswerType.COUNT)
# "Which political scientist argued…", "哪位专家": a person, whatever figure word follows.
ASKS_PERSON = re.compile(r"谁|哪位|\bwho(?:m|se)?\b|\bwhich (?:[\w-]+ )?(?:scientist|expert|analyst|economist|scholar|researcher|"
                         r"professor|official|minister|president|leader|diplomat|ambassador|politician|spokes(?:man|woman|person)|"
                         r"person|executive|chairman|director|head)s?\b", re.I)  # also read by the office check (qa.answer.constraints)
# "Which Kazakh exports to Russia grew…", "哪些商品增长": things, whatever figure word
# follows; the growth is what they did. A plural noun within three words of
# "which" (not a verb: "which is/was/has"), "name a …"; 哪些 but not 哪些年.
ASKS_THINGS = re.compile(r"\bwhich\s+(?:[A-Za-z-]+\s+){0,2}?(?!(?:is|was|has|does|this|its|his|us|as)\b)[a-z]{3,}s\b(?!['’])|^\W*name (?:a|an|one|some|the|all|a few|two|three)\b|哪些(?!年)|哪几(?![年天次月])|列(?:一下|出来|出|举|个|几)", re.I)
# The question closes by asking which things ("有几类商品逆势增长，是哪些？"):
# the 几类 before it only counts them on the way.
THINGS_LAST = re.compile(r"(?:是|有|为)?(?:哪些|哪几(?:样|类|种|个|项)?)(?:呢|啊)?[？?。\s]*$")
_ASKS_QUANTITY = re.compile(HOW_MANY_ASKED + r"|\bhow (?:much|many|large|big|far|old|long)\b|\bpercent|\bwhat (?:share|rate|amount)\b", re.I)

# Words that name money: without one, "多少" may ask any quantity (Question.span_types).
MONEY_WORDS = re.compile(r"money|price|cost|worth|value|dollar|revenue|budget|invest|trade|turnover|export|import|deficit|surplus|"
                         r"美元|欧元|金额|价值|钱|价格|成本|造价|费用|花费|投资|贸易|出口|进口|逆差|顺差|赤字|预算|收入", re.I)
# Money asked without a currency word: capital and funds are often stated as a
# bare number ("出资5000万"), so they keep a count's span type too; only a
# count of things (逾100家) is ruled out for them (qa.answer.units.measure_clash).
CAPITAL_WORDS = re.compile(r"capital|funding|fund\b|资本|资金|注资|出资", re.I)

# A question that asks a size itself (qa.text.vocab.SIZES): "What is the
# population of X?", "GDP是多少"; not "what percentage of the population…".
SIZE_QUESTION = re.compile(
    r"\bwhat(?:'s|\s+is|\s+was|\s+were)\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}?(?P<en>population|gdp|gross domestic product)\b"
    r"|\bhow (?:big|large) is (?:the\s+)?(?:[\w\-]+\s+)?(?P<en2>population|gdp)\b"
    r"|(?P<zh>人口|国内生产总值|经济规模|经济总量|经济体量|gdp)\s*(?:是|有|为|达到?|约)?\s*(?:多少|几)"
    # Its growth: "GDP增长率", "GDP growth" (a rate of the size, still the size's figure; not
    # "economic growth" in general, which XQuAD asks about as a topic).
    r"|(?P<zh2>gdp|国内生产总值)\s*(?:的)?\s*(?:增长率|增速|增幅)|\b(?P<en3>gdp) growth\b", re.I)


PRICE_TAG = re.compile(r"\bprice[\s-]?tags?\b", re.I)
# A group within a country ("the Armenian community in Kazakhstan", "亚美尼亚侨民
# 社区的人口"): its population is a count of its people, stated as such ("约4万名
# …亚美尼亚社区"), not the size of a country's people.
GROUP_OF_PEOPLE = re.compile(r"\bcommunit(?:y|ies)\b|\bdiaspora\b|\bexpat(?:riate)?s?\b|\bminorit(?:y|ies)\b"
                             r"|社区|社群|侨民|侨胞|华侨|侨界|族群|少数民族|群体", re.I)


def size_asked(folded: str) -> str | None:
    """"population" or "gdp" when the question asks that size itself."""
    m = SIZE_QUESTION.search(folded)
    if not m:
        # A bare topic ("亚美尼亚 经济规模", "Armenia GDP") asks the size it names.
        bare = not _ASKS.search(folded)
        key = next((k for k, forms in SIZES.items() if bare and any(states(folded, f) for f in forms)), None)
    else:
        word = (m.group("en") or m.group("en2") or m.group("zh") or m.group("zh2") or m.group("en3")).lower()
        key = next(k for k, forms in SIZES.items() if word in forms)
    return None if key == "population" and GROUP_OF_PEOPLE.search(folded) else key


# "多少 / 几" asking a number; not 几乎 (almost), 几经, 几近, 几何.
HOW_MANY_ZH = r"(?:多少|几(?!乎|经|近|何))"
# People counted by their country: "how many Kyrgyz students", "多少名哈萨克斯坦
# 学生", "多少吉尔吉斯族人" (a "-斯坦" country's people: its stem and 族).
COUNTED_PEOPLE = re.compile(rf"\b(?:how many|(?:the )?(?:number|count|total) of) ((?:[\w\-–]+\s+){{1,3}}?)(?:{PEOPLE_EN})\b"
                            # keyword order: "Kyrgyz nationals studying in Kazakhstan: how many?"
                            rf"|^\W*((?:[\w\-–]+\s+){{1,2}}?)(?:{PEOPLE_EN})\b(?=.*\bhow many\b)"
                            rf"|{HOW_MANY_ZH}\s*[名位个]?\s*([\u4e00-\u9fff]{{2,10}}?)族?(?:{PEOPLE_ZH})"
                            # the people first: "吉尔吉斯学生大概有几位"
                            rf"|([\u4e00-\u9fff]{{2,6}}?)族?(?:{PEOPLE_ZH})(?:大概|大约|一共|总共|共)?(?:有)?\s*{HOW_MANY_ZH}", re.I)


def counted_of(folded: str) -> str | None:
    """The one country whose people a count question asks about, or None."""
    m = COUNTED_PEOPLE.search(folded)
    if not m:
        return None
    phrase = next((g for g in m.groups() if g), "").strip()
    found = {e.key for e in find_entities(phrase, any_case=True) if e.kind == "country"}
    if not found and phrase and not phrase.isascii():
        found = {e.key for e in find_entities(phrase + "斯坦") if e.kind == "country"}  # 吉尔吉斯族 -> 吉尔吉斯斯坦
    return found.pop() if len(found) == 1 else None


# Up or down on a period before: a comparison of the two periods' figures.
RISE_OR_FALL = re.compile(r"\b(?:rise|rose|risen|grow|grew|grown|go up|gone up|went up|up|increased?)\s+or\s+(?:fall|fell|fallen|shrink|shrunk|shrank|"
                          r"go down|gone down|went down|down|decreased?|drop|dropped|decline|declined)\b"
                          r"|(?:涨|增|升|增加|增长|上升|提高)了?还是(?:跌|降|减|减少|下降|下滑|降低)了?", re.I)

# A flow between countries has a source and a destination. "X invested in Y",
# "X imported from Y", "A对B的投资", "从B的进口额": a country after from/从 is
# the source, after to/in/对/向 the destination, and the one with no such word
# is the actor: the destination of imports, the source of anything else.
FLOW_ZH = "投资|出口|进口|供应|出售|卖给|销往|售往|卖|买进|买入|购入|贷款|援助"  # Chinese words of a flow (also read by qa.answer.constraints)
# English word endings an indicator or flow word takes ("imports", "invested",
# "exporter"), and no others: "important" is not "import".
ENDINGS = r"(?:s|es|ed|d|er|ers|or|ors|ing|ment|ments)?\b"
# Money "poured", "pumped" or "sunk into" a country flows there as investment does (vocab.INDICATORS).
FLOW = re.compile(rf"\b(?:invest|export|import){ENDINGS}|\b(?:poured|pumped|sunk|injected|put|money) into\b|\bsuppl(?:y|ies|ied|ier|iers)\b|\bsold\b|\bsell|\bship(?:s|ped|ping|ments?)?\s+(?:(?:south|north|east|west|abroad|out|over|across)\s+)?(?=to\b)|\blen[dt]\b|\bloan|\bdonat|" + FLOW_ZH, re.I)
IMPORT = re.compile(rf"\bimport{ENDINGS}|进口", re.I)
TO_SOURCE = re.compile(r"(?:\bfrom\s+(?:the\s+)?|[从自])$", re.I)
TO_DEST = re.compile(r"(?:\b(?:to|into|in)\s+(?:the\s+)?|[对向到至给往])$", re.I)
YEAR_ON_YEAR = re.compile(r"同比|环比|\byear[- ]on[- ]year\b|\by-o-y\b|\byoy\b", re.I)
# A question asking by how much something changed, in either language.
# Saving is a change too: "成本能省多少", "how much would it save" (省下15-20%);
# so is a comparative of cost or speed ("how much cheaper", "便宜多少": 降低15-20%).
CHANGE = re.compile(r"(?:降低|下降|减少|增长|增加|提高|上升|下滑|缩减|节省|节约|降|增|涨|跌|减|省|便宜|贵|快|慢)了?(?:多少|几成|百分之几)|\bby how much\b"
                    r"|\bhow much\s+(?:cheaper|costlier|more expensive|faster|slower)\b"
                    r"|\bhow much\b.*\b(?:cut|reduce[sd]?|fall|fell|drop(?:ped)?|decline[sd]?|rise|rose|grow|grew|increase[sd]?|decrease[sd]?|save[sd]?)\b", re.I)
# A question asking for several things, in either language.
# 说几个 / 举几个 / 列举: "name a few".
MANY = re.compile(r"哪些|哪几|有什么|有啥|都有|包括哪|[说举列]几[个样项种]|列举|列(?:一下|出来|出|个)|\blist\b|\bwhich\s+(?:\w+\s+)?(?!(?:is|was|has|does|its|this|his)\b)\w+(?<!s)s\b|\bwhat\s+(?:are|were)\b"
                  r"|\bwhat\s+(?:[\w-]+\s+)?\w+(?<!s)s\s+(?:are|were|did|do|does|have|has|had)\b|\bname (?:the|all|some|a few)\b|\bsome of the\b"
                  # the mix of goods a flow is made of ("what was in that shipment mix", "export basket")
                  # (not 组成 / 构成: "白光是由…组成的，这是谁发现的" asks a person, DRCD showed)
                  r"|\b(?:mix|basket|make-?up|composition)\b"
                  # a plural noun of things further on ("which Kazakh export goods to Russia grew")
                  r"|\bwhich\s+(?:[\w-]+\s+){0,3}?(?:goods|products|items|commodities|sectors|industries|countries|cities|regions|companies|firms)\b"
                  r"|\b(?:give|tell|show) me (?:some|a few|several|the main|the)\s+(?:\w+\s+)?(?:items|goods|products|things|categories|examples)\b", re.I)
# A comparison, or a request for two figures side by side ("分别", "respectively").
COMPARATIVES_EN = "more|less|higher|lower|larger|bigger|smaller|greater|fewer"
COMPARATIVE = re.compile(COMPARATIVES_EN + "|更多|更大|更高|更少|较多|较大|较高|更快|最多|最大", re.I)
# "more … or …", "more … than …" (not "more than 400") and "… or … larger?"
# (the comparative after both sides).
# Which of two things came first: "which came first, A or B", "哪个先签".
# ("the first eight months … this year or last" is no such question.)
EARLIER = re.compile(r"\b(?:came|come|happened|was|were|took place|signed|held|opened|founded|established)\s+(?:first|earlier|sooner)\b"
                     r"|\b(?:earlier|sooner|older)\b.*\bor\b|\bor\b.*\b(?:first|earlier|sooner)\W*$"
                     r"|哪(?:个|一个|项|份)?(?:先|更早|早)|谁先|孰先|先后", re.I)
COMPARE = re.compile(rf"\b(?:{COMPARATIVES_EN})\b.*\bor\b|\b(?:{COMPARATIVES_EN})\b.*\bthan\b(?!\s*(?:about\s+|around\s+)?[\d$€£¥])|\bor\b.*\b(?:higher|lower|larger|bigger|smaller|greater)\W*$|\bcompared?\b|\bversus\b|\bvs\b"
                     r"|\bstacks? up\b|\brespectively\b|\b(?:put|set|place|lay)\b.{0,80}\b(?:side by side|next to|beside|alongside)\b|还是|相比|比较|哪个更|谁更|哪(?:一)?(?:边|方)[^，,。？?]{0,10}更|哪(?:个|一个|边|方)(?:的)?(?:金额|数额|数字|数量|规模|额|数|钱|投资|贸易额|出口额|进口额)?(?:更)?(?:大|多|高|少|小|低)|分别|各(?:是|为|有|自)?(?:多少|几)|各是|"
                     # "A和B差了多少倍": a multiple of two figures, each asked (qa.answer.compare)
                     r"(?:和|与|跟|同).{2,40}?(?:相)?差(?:了)?(?:多少|几|大概)?(?:十)?倍|"
                     + RISE_OR_FALL.pattern, re.I)
# How far a figure is from its target: both figures are asked (qa.answer.compare).
GAP_TO_TARGET = re.compile(r"\bhow (?:far|close|much)\b.*\b(?:from|to|short of|below|under)\b.*\b(?:target|goal|aim)s?\b"
                           r"|\b(?:gap|distance|shortfall)\b.*\b(?:target|goal)s?\b"
                           r"|(?:离|距离?|与|和|跟)(?:[^，。？?]{0,6})?目标[^，。？?]{0,6}(?:还)?(?:差|有多远|相差|距离)", re.I)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
RELATIVE_YEARS = [
    (re.compile(r"\bthis year\b|\bcurrent year\b|今年|本年", re.I), 0),
    (re.compile(r"\b(?:last|previous|past|prior) (?:full |calendar |whole )?year\b|去年|上年", re.I), -1),
    (re.compile(r"\bnext year\b|明年", re.I), 1),
]
PARTS = [
    (re.compile(r"first half|\bH1\b|上半年", re.I), "H1"),
    (re.compile(r"second half|\bH2\b|下半年", re.I), "H2"),
    (re.compile(r"first three quarters|前三季度|前3季度", re.I), "M1-9"),
    (re.compile(r"first quarter|\bQ1\b|一季度|第一季度", re.I), "Q1"),
    (re.compile(r"same period|同期", re.I), "same-period"),
    # The whole year asked outright: a figure for part of it does not answer.
    (re.compile(r"全年|整年|\bfull[- ]year\b|\bwhole year\b|\bentire year\b|\bcalendar year\b"
                r"|\b(?:all|the whole|whole) of (?:19|20)\d\d\b|\b(?:entire|full) (?:19|20)\d\d\b"
                # A year's twelve months ("2024年12个月合计", "all 12 months of 2024"); not
                # 2024年12月 (December) and not "the last 12 months" (no calendar year).
                r"|(?:19|20)\d\d\s*年(?:的)?(?:全部|整整|全)?\s*(?:12|十二)\s*个月|\b(?:all\s+|the\s+)?(?:12|twelve)\s+months\s+of\s+(?:19|20)\d\d\b", re.I), "M1-12"),
]
# A period the text says it does not mean ("全年多少？不是前八个月的", "the whole
# year, not just January-August") is no period asked: the words after a
# negation, to the end of their clause, are not read for a period.
NEGATED_PERIOD = re.compile(r"(?:而不是|不是|并非|而非|\bnot\b(?! only)(?: just| merely)?|\brather than\b|\binstead of\b|\bother than\b|\bexcluding\b)"
                            r"[^，。？?；;,.!！]*", re.I)
MONTHS = "january february march april may june july august september october november december".split()
# A month named in full or by its usual short form ("Jan", "Sept").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
EN_NUM = "one two three four five six seven eight nine ten eleven twelve".split()
# "2025 eight months" (a year, then its months, as typed in a search box) reads as the first eight.
MONTH_RANGE = re.compile(rf"\b({_MONTH})\s*(?:-|–|—|to|through|until)\s*({_MONTH})(?![a-z])|(\d{{1,2}})\s*(?:-|–|—|至|到)\s*(\d{{1,2}})\s*月"
                         rf"|(?:前|头)\s*([一二三四五六七八九十\d]+)\s*个?月|\b(?:first\s+|(?<=\d{{4}} ))(\d{{1,2}}|{'|'.join(EN_NUM)})\s+months\b", re.I)
# "Between January and May": the range, in MONTH_RANGE's first two groups.
BETWEEN_MONTHS = re.compile(rf"\bbetween\s+({_MONTH})\s+and\s+({_MONTH})(?![a-z])", re.I)
# The months of a year up to one named: "through August", "by the end of
# September", "截至8月", "到9月底" are January to that month.
THROUGH_MONTH = re.compile(rf"\b(?:through|thru|until|till|up to|by the end of|to the end of|as of the end of)\s+({_MONTH})(?![a-z])"
                           r"|(?:截至|截止到?)\s*(\d{1,2})\s*月(?:底|末)?", re.I)
CN_NUM = {c: i for i, c in enumerate("零一二三四五六七八九十")}


@dataclass(frozen=True)
class Term:
    """A topic word of the question with the forms that show a passage talks
    about it, in both languages: trade -> trade, 贸易, 贸易额...; 投资 -> 投资, invest."""

    word: str
    forms: tuple[str, ...]

    @property
    def chinese(self) -> tuple[str, ...]:
        return tuple(f for f in self.forms if not f.isascii())

    @property
    def english(self) -> tuple[str, ...]:
        return tuple(f for f in self.forms if f.isascii())

    def coverage(self, passage: str, sentence: str) -> float:
        """1 if the passage mentions the term; else the largest share of one
        Chinese form's characters that the sentence holds: 建交 is written out
        as 建立外交关系, 出口额 as 出口…金额 (texts folded and lower-cased)."""
        if self.found_in(passage):
            return 1.0
        shares = [sum(ch in sentence for ch in f) / len(f) for f in self.chinese if len(f) >= 2]
        return max(shares, default=0.0)

    def found_in(self, folded_lower: str) -> bool:
        """Whether a text (folded to Simplified, lower-cased) mentions the term.
        English forms must start a word: "trade" in "traders", not "gas" in "Vegas"."""
        return any(f in folded_lower for f in self.chinese) or any(
            re.search(rf"(?<![a-z]){re.escape(f)}", folded_lower) for f in self.english)


@dataclass(frozen=True)
class Period:
    years: tuple[int, ...] = ()  # years named: 2024
    relative: tuple[int, ...] = ()  # 0 this year, -1 last year, +1 next year
    part: str | None = None  # "H1", "Q1", "M1-8" (January to August), "same-period"

    def resolved(self, reference_year: int | None) -> tuple[int, ...]:
        """Years asked, "last year" resolved against the article's year."""
        rel = tuple(reference_year + r for r in self.relative) if reference_year else ()
        return tuple(dict.fromkeys(self.years + rel))


@dataclass(frozen=True)
class Question:
    text: str
    lang: str  # "zh" or "en"
    entities: tuple[Entity, ...]
    period: Period
    indicator: str | None  # a key of INDICATORS or SIZES
    flow: tuple[tuple[str, str], ...]  # (entity key, "src" | "dst") for a flow question
    answer_type: AnswerType
    terms: tuple[Term, ...]
    literals: tuple[str, ...]  # numbers and Latin words to find verbatim
    comparison: bool = False
    sector: str | None = None  # a key of SECTORS, for an indicator narrowed to one ("agricultural trade")
    events: frozenset[str] = frozenset()  # keys of EVENTS, for a date asked of an event ("when was the treaty signed")
    counted_of: str | None = None  # the country of the people counted ("how many Kyrgyz students": KG)
    # Latin words no dictionary knows, as a Chinese text would transliterate
    # them (qa.text.transliterate): "japarov" for 扎帕罗夫, "rossiyskaya".
    foreign_names: tuple[str, ...] = ()
    # Which one of a series is asked: 13 for "第13次会议", "the thirteenth session".
    ordinal: int | None = None

    @property
    def countries(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == "country")

    @property
    def model_text(self) -> str:
        """The text the encoders and the reader read: the question with each
        Latin-script name it typed in lower case or with a slip written as the
        name is ("kazakstan" -> "Kazakhstan", "rusia" -> "Russia"), opening
        with a capital and closing with a question mark as the questions the
        models learnt from do ("how did … compare with 2024" read without
        them gave the reader "no answer" where the written-out question got
        its span). The models are case-sensitive and saw names spelt right;
        the question stage already knows which country was meant."""
        return as_typed_by_the_book(canonical_names(self.text, self.entities), self.lang)

    def text_for(self, passage: str) -> str:
        """The question as the reader reads it beside this passage: a question
        typed in Traditional script in mainland wording where the passage is
        in Simplified script (專案 beside 项目, qa.text.lexical.mainland), as
        typed where the passage is Traditional too (DRCD's Taiwan wording:
        held-back answer accuracy 0.707 -> 0.687 when read in mainland wording).
        Spoken question words are written as the reader's training questions
        write them (几月几号 -> 哪一天, qa.text.framing.written_register).
        Tried and not kept (2026-11-28): Chinese short forms written out for
        the reader too (哈吉 -> 哈萨克斯坦和吉尔吉斯斯坦): on the team's
        five-article sets 3 answers gained, 6 lost (comparisons and rates
        read as other figures)."""
        alt = mainland(self.text)
        if alt and fold(passage) == passage:
            return as_typed_by_the_book(_written(alt), self.lang)
        # (Written again by the book: a spoken 咋 read as 怎么 may now ask.)
        return self._names_as_written(as_typed_by_the_book(_written(self.model_text), self.lang), passage)

    def _names_as_written(self, text: str, passage: str) -> str:
        """An English question beside a Chinese window names a person or place
        as the window writes it (Japarov -> 扎帕罗夫, qa.text.transliterate):
        the reader cannot match the Latin spelling to the characters. Measured
        on English questions over Chinese paragraphs: XQuAD's 353 questions of
        articles the reader never trained on 193 -> 196 right answers; SQuAD
        pairs' 99 the same answers, one refusal fewer; the five-article sets
        unchanged. Entities are left as typed: replacing them too cost the
        five-article sets 14 answers for 9."""
        names = set(self.foreign_names) | {w for w in self.literals if w.isalpha() and len(w) >= MIN_LETTERS}
        if self.lang != "en" or not names or not HAN.search(passage):
            return text
        index = NameIndex([passage])
        for word in dict.fromkeys(re.findall(r"[A-Za-z]+", text)):
            forms = index.forms(word) if word.lower() in names else ()
            if forms:
                text = re.sub(rf"\b{word}\b", forms[0], text)
        return text

    @property
    def gloss(self) -> str:
        """The question in English words, for the encoders to read beside
        English passages: its entities' English names and the dictionary's
        word-by-word gloss (qa.text.glossary.english_gloss). "" for a question
        in English, which needs none."""
        if self.lang != "zh":
            return ""
        text = self.text
        for e in self.entities:  # named in English instead: 哈中 is not "ha! within"
            text = text.replace(e.surface, " ") if e.surface else text
        words = english_gloss(text)
        return " ".join([*dict.fromkeys(e.name_en for e in self.entities), words]).strip() if words else ""

    @property
    def asks_why(self) -> bool:
        return bool(WHY.search(fold(self.text)))

    @property
    def asks_many(self) -> bool:
        """The question asks for several things ("哪些展区", "which destinations",
        "list the…"): a list answers it, a count of them does not."""
        return bool(MANY.search(fold(self.text)))

    @property
    def span_types(self) -> tuple[str, ...]:
        """The span types that answer it, in order: "多少" asks an amount of money
        only when money is named; else any quantity with its unit answers
        ("装机容量是多少？" -> 90兆瓦)."""
        types = (self.answer_type.value,)
        if self.answer_type is AnswerType.MONEY and not MONEY_WORDS.search(fold(self.text)):
            types = (AnswerType.MONEY.value, AnswerType.COUNT.value)
        # "同比降了多少", "by how much would it cut the cost": a change is
        # stated as an amount or as a share (同比微降5.7%, 降低15-20%).
        if self.answer_type is AnswerType.MONEY and CHANGE.search(fold(self.text)):
            # Year on year (同比, 环比) a change is a rate first: "同比涨了多少" -> 5.4%.
            types = (AnswerType.PERCENT.value, *types) if YEAR_ON_YEAR.search(fold(self.text)) else types + (AnswerType.PERCENT.value,)
        return types


# Chinese separable verbs (离合词) split by an aspect or focus mark in speech:
# "哪年建的交" is 建交, "签了约" 签约. A general table of the ones news
# questions use; joined again before the question is read.
SEPARABLE = ("建交 签约 签字 见面 会面 握手 结婚 离婚 开会 通车 通航 开业 上市 结盟 停火 出兵 撤军 退休 毕业 "
             "登基 即位 执政 上台 下台 成名 出名 改名 更名 移民 留学 投产 开工 竣工 完工").split()
_SPLIT_VERB = re.compile("|".join(f"{w[0]}(?:了|的|过){w[1]}" for w in SEPARABLE))


def join_separable(text: str) -> str:
    return _SPLIT_VERB.sub(lambda m: m.group()[0] + m.group()[-1], text)


def analyze(text: str) -> Question:
    """Everything later stages need to know about a question."""
    text = asked_part(" ".join(str(text).split()))  # "请问…，有人知道吗" -> what is asked
    spoken = join_separable(text)  # "建的交" read as 建交 (the text itself stays as typed)
    folded = join_separable(fold(text))
    lang = "zh" if re.search(r"[\u3400-\u9fff]", text) and len(re.findall(r"[\u3400-\u9fff]", text)) >= 0.3 * len(re.findall(r"[A-Za-z\u3400-\u9fff]", text)) else "en"
    entities = _entities(text)
    # Folded too: a name typed in Traditional script (亞塞拜然) is a name, not a topic word.
    names = {f for e in entities for n in (e.name_en, e.surface, *e.names_zh) for w in (n, *n.split()) for f in (w.lower(), fold(w).lower())}
    # Time words are the period's business, not topic words a passage must repeat.
    said = _period_phrases(folded)
    terms = tuple(_term(w, forms) for w, forms in key_terms(spoken, names) if not _is_period_word(w) and not _in_phrases(w, said))
    if COMPARE.search(folded):  # "larger", "更多": what a comparison asks, not a topic a passage repeats
        terms = tuple(t for t in terms if not COMPARATIVE.fullmatch(t.word))
    # Exports and imports together (进出口) are the trade, not the exports.
    # (Not where both are compared or asked side by side: each is its own figure there.)
    two_way = folded if COMPARE.search(folded) else TWO_WAY.sub(" trade ", folded)
    two_way = PRICE_TAG.sub(" worth ", two_way)  # "the projects' total price tag" is their worth, not a price
    indicator = size_asked(folded) or next((k for k, forms in INDICATORS.items() if any(states(two_way, f) for f in forms)), None)
    if indicator == "target" and COUNT_ASKED.search(folded) and not TARGET_OF_A_FIGURE.search(folded):
        indicator = None  # "展馆规划了几个展区": things counted that were planned, no figure's target
    if indicator == "investment" and THINGS_COUNTED.search(folded):
        indicator = None  # "投资开办的公司有多少家": the firms are counted; 投资 says what they are (俄资企业)
    if indicator in ("trade", None) and RAISED_TO.search(folded):
        indicator = "target"  # "to what figure did they want to raise turnover": the level aimed at
    if indicator in ("export", "import", "trade") and COST_ASKED.search(folded):
        indicator = None  # "what savings on logistics for Kazakh exporters": a cost asked, not an export figure
    balance = _gap_of_flows(folded)
    if balance:
        indicator = "balance"  # "imported more than it exported — by how much?": the deficit the text states
    kind = answer_type(spoken, indicator)
    terms = _indicator_forms(terms) + _indicator_term(folded, indicator, terms)
    comparing = not balance and bool(COMPARE.search(folded) or EARLIER.search(folded) or GAP_TO_TARGET.search(folded))
    flow = _flow(folded, entities)
    terms = _mirrored(terms, indicator, flow)
    return Question(
        text=text, lang=lang, entities=entities, period=_asked_period(folded, comparing), indicator=indicator,
        flow=flow, answer_type=kind,
        terms=terms, literals=_literals(text, entities),
        comparison=comparing,
        sector=sector_of(folded) if indicator in SECTORED else None,
        events=events_in(folded) if kind is AnswerType.DATE else frozenset(),
        counted_of=counted_of(folded) if kind is AnswerType.COUNT or kind is AnswerType.MONEY else None,
        foreign_names=_foreign_names(text, names),
        ordinal=next(iter(ordinals_in(folded)), None),
    )


# The gap between a country's exports and imports asked as such: that is its
# trade balance ("imported more than it exported — by how much?", "进出口差了多少"),
# one figure the text may state (赤字65亿美元), not two to compare. Not where
# each figure is asked too (分别, 各, respectively) or a multiple (几倍).
GAP_ASKED = re.compile(r"\bby how much\b|\bhow much (?:more|less|bigger|larger|smaller)\b|\b(?:gap|difference)\b|"
                       r"(?:相)?差(?:了|额|距)?(?:是)?多少(?!倍)|多(?:了)?多少(?!倍)", re.I)
EACH_ASKED = re.compile(r"分别|各(?:是|为|有)?多少|各自|\brespectively\b|\beach\b|倍|\btimes\b", re.I)


def _gap_of_flows(folded: str) -> bool:
    return bool(EXPORTED.search(folded) and (IMPORT.search(folded) or BOUGHT.search(folded)) and GAP_ASKED.search(folded)
                and not EACH_ASKED.search(folded))


BOUGHT = re.compile(r"\bbought\b|\bbuys?\b|\bbuying\b|\bpurchas\w*|买进|买入|购入", re.I)  # "bought more than it sold"


EXPORTED = re.compile(rf"\bexport{ENDINGS}|出口|\bsold\b|\bsell", re.I)


def _indicator_term(folded: str, indicator: str | None, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The indicator as a topic word when the question's word for it is none
    ("卖给" sells to: the passage must speak of exports, 出口, export)."""
    forms = INDICATORS.get(indicator or "", ())
    if not forms or any(_is_indicator_word(t, forms) for t in terms):
        return ()
    said = next((f for f in forms if states(folded, f)), forms[0])
    return (Term(said, tuple(dict.fromkeys((said, *indicator_words(indicator))))),)


MIRROR = {"import": "export", "export": "import"}


def _mirrored(terms: tuple[Term, ...], indicator: str | None, flow: tuple[tuple[str, str], ...]) -> tuple[Term, ...]:
    """With a source and a destination named, one side's imports are the
    other's exports ("Kyrgyzstan's imports from Kazakhstan" is written
    哈萨克斯坦对吉出口): the indicator's word is found by the mirror flow's
    words too. The flow check (qa.answer.constraints) still holds each figure
    to the direction asked."""
    if indicator not in MIRROR or len(flow) < 2:
        return terms
    own = INDICATORS[indicator]
    extra = indicator_words(MIRROR[indicator])
    return tuple(Term(t.word, tuple(dict.fromkeys((*t.forms, *extra))))
                 if _is_indicator_word(t, own) else t for t in terms)


def _is_indicator_word(t: Term, forms: tuple[str, ...]) -> bool:
    """The topic word is one of an indicator's forms, or part of one ("exports", "卖给")."""
    word = t.word.lower()
    return any(f in word or word in f for f in forms)


def _indicator_forms(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """A topic word that is one word of an indicator's phrase ("selling" of
    "selling to", "bought" of "bought from", "poured" of "poured into") is found by that indicator's
    words too (出口, 进口): the dictionary's senses of "sell" (出售, 销售…)
    are not how trade figures are written."""
    out = []
    for t in terms:
        low = t.word.lower()
        kinds = [k for k, forms in INDICATORS.items() for f in forms
                 if len(f.split()) == 2 and f.split()[1] in ("to", "from", "for", "into") and low == f.split()[0]]
        extra = tuple(w for k in dict.fromkeys(kinds) for w in indicator_words(k))
        extra += tuple(str(n) for n in number_words(low))  # "fifteen" is written 15 as often as 十五
        # An English word that is itself one of an indicator's or a size's forms
        # ("turnover", "gdp") is found by that key's Chinese forms (贸易, 经济规模):
        # the dictionary glosses "turnover" as 营业额, not as trade figures are written.
        extra += tuple(f for forms in (*INDICATORS.values(), *SIZES.values()) if low.isascii() and low in forms
                       for f in forms if not f.isascii())
        out.append(Term(t.word, tuple(dict.fromkeys((*t.forms, *extra)))) if extra else t)
    return tuple(out)


def _written(text: str) -> str:
    return written_register(text) if HAN.search(text) else text


def as_typed_by_the_book(text: str, lang: str) -> str:
    """A question typed in lower case without its mark, as written out."""
    if not text:
        return text
    if text[0].islower() and text[0].isascii():
        text = text[0].upper() + text[1:]
    if text[-1] not in "?？.。!！" and _ASKS.search(fold(text)):
        text += "？" if lang == "zh" else "?"
    return text


def canonical_names(text: str, entities: tuple[Entity, ...]) -> str:
    out = text
    for e in entities:
        surface = e.surface
        if not surface or not surface.isascii() or not re.search(rf"(?<![A-Za-z]){re.escape(surface)}(?![A-Za-z])", out):
            continue
        known = any(f.key == e.key for f in find_entities(surface, any_case=True))
        if surface.lower() == e.name_en.lower() or not known:
            name = e.name_en  # lower case, or a slip: the name as written
        elif surface.islower():
            # "kazakh" -> "Kazakh"; a short form is an acronym: "us" -> "US"
            name = surface.upper() if len(surface) <= 3 else surface[0].upper() + surface[1:]
        else:
            continue
        out = re.sub(rf"(?<![A-Za-z]){re.escape(surface)}(?![A-Za-z])", name, out)
    return out


def form_at(text: str, form: str) -> int:
    """Where the text first has the indicator's form, or -1: a Chinese form
    anywhere, an English one as a word with its endings ("imports",
    "exported"; not "important")."""
    low = text.lower()
    if not form.isascii():
        return low.find(form)
    # "sell to" is said "selling more to", "bought mostly from" too.
    words = [re.escape(w) for w in form.split()]
    pattern = r"\s+(?:(?:more|less|much|mostly|mainly|chiefly)\s+)?".join([words[0] + ENDINGS, *words[1:]]) if len(words) > 1 \
        else words[0] + ENDINGS
    m = re.search(rf"(?<![a-z]){pattern}", low)
    return m.start() if m else -1


def states(text: str, form: str) -> bool:
    return form_at(text, form) >= 0


def _entities(text: str) -> tuple[Entity, ...]:
    """Named entities, then countries named by pair forms (中哈): one per key.
    A question typed without capitals ("kazakhstan–china") still names countries."""
    any_case = not re.search(r"[A-Z]", text)
    found = list(find_entities(text, any_case=any_case))
    for e in pair_entities(fold(text)):
        if all(f.key != e.key for f in found):
            found.append(e)
    for e in side_entities(fold(text)):
        if all(f.key != e.key for f in found):
            found.append(e)
    # A capital standing for its country ("between Yerevan and Baku") names the
    # country, not the city: the passages name the country.
    for e in capital_entities(fold(text)):  # Traditional 阿斯塔納 read as 阿斯塔纳
        found = [f for f in found if not (f.kind == "city" and f.surface.lower() == e.surface.lower())]
        if all(f.key != e.key for f in found):
            found.append(e)
    # A country's name typed with a slip ("kazakstan") still names it.
    near = near_countries(text, {f.key for f in found})
    if near:  # in the order the question names them (a flow's roles and a comparison's sides read it)
        low = text.lower()
        found = sorted(found + near, key=lambda e: low.find(e.surface.lower()) % (len(low) + 1))
    return tuple(found)


def _period_phrases(folded: str) -> list[str]:
    """The question's period phrases ("2025年前九个月", "the first nine months
    of 2025"), lower case: pieces of them ("nine", "months", "年前", "九个")
    are no topic words a passage must repeat. Matches that touch (one
    character apart) join: 2025 + 年 + 前九个月."""
    spans = sorted(m.span() for rx in (YEAR, MONTH_RANGE, *(r for r, _ in (*RELATIVE_YEARS, *PARTS))) for m in rx.finditer(folded))
    joined: list[list[int]] = []
    for a, b in spans:
        if joined and a <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], b)
        else:
            joined.append([a, b])
    return [folded[a:b].lower() for a, b in joined]


def _in_phrases(word: str, phrases: list[str]) -> bool:
    w = word.lower()
    if w.isascii():
        return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", p) for p in phrases)
    return any(w in p for p in phrases)


def _is_period_word(word: str) -> bool:
    """Months, "last year", 上半年…: the period's business, not topic words."""
    return word.lower() in MONTHS or bool(re.fullmatch(_MONTH, word, re.I)) or bool(re.fullmatch(r"[\d一二三四五六七八九十]+月(?:份)?|前?[\d一二三四五六七八九十]+个月", word)) \
        or any(rx.search(word) for rx, _ in (*RELATIVE_YEARS, *PARTS))


def _term(word: str, forms: tuple[str, ...]) -> Term:
    """Forms in both languages: an English word keeps itself and its base forms
    beside its Chinese translations; a Chinese word gains its English glosses."""
    if word.isascii():
        return Term(word, tuple(dict.fromkeys((*english_lemmas(word), *forms))))
    english = [e for f in forms for e in english_for(f)]
    return Term(word, tuple(dict.fromkeys((*forms, *english))))


SIZE_ASKED = {"population": AnswerType.COUNT, "gdp": AnswerType.MONEY}
PEOPLE_SIZE = re.compile(r"\bpopulation\b|\bhow many people\b|人口|人数", re.I)  # a number of people, whoever they are
WHICH = re.compile(r"\bwhich\b|哪", re.I)  # "which city has the biggest population" asks a name


# A goal asked of a flow of money ("what annual turnover goal did they set?").
GOAL_OF_A_FLOW = re.compile(r"\bwhat (?:[\w-]+ ){0,3}?(?:goal|target)s?\b(?!\s+(?:year|date|day|month))(?=.*\b(?:trade|turnover|commerce|exports?|imports?|investments?)\b)"
                            r"|\bwhat (?:[\w-]+ ){0,2}?(?:trade|turnover|commerce|export|import|investment) (?:goal|target)s?\b", re.I)
# "What needs to happen to trade?": a change or an action, said by a sentence.
# "增长到什么程度" (to what extent), "to what degree": said in words (翻一番), not a rate.
HAPPEN_ASKED = re.compile(r"\bwhat (?:needs|has|have|ought|is going|are going|should|must|will|would) (?:to )?(?:happen|be done)\b"
                          r"|到什么(?:程度|地步)|到何种程度|\bto what (?:extent|degree)\b", re.I)
# A yes/no question with a second ask after it ("Has trade shrunk? Give me the
# Jan–Aug figure…", "是否下降了？分别是多少？"): the second ask says what to answer.
SECOND_ASK = re.compile(r"^(.*?[?？])\s*(\S.{2,})$")
ASKS_FOR = re.compile(r"\b(?:give|tell|show) me\b|^\W*(?:list|name|state)\b|请?(?:给出|告诉|列出)", re.I)


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
                    and len(set(YEAR.findall(folded))) >= 2 and not STRONG_PERCENT.search(folded)):
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
        # "Name a Kazakh export that grew…": things, answered by the sentence that names them;
        # "port planned transit hub": a plan of something, no figure's target.
        if indicator == "target" and not TARGET_OF_A_FIGURE.search(folded):
            return AnswerType.SENTENCE
        return AnswerType.MONEY if indicator and not ASKS_THINGS.search(folded) and not MANY.search(folded) else AnswerType.SENTENCE
    return AnswerType.NAME


COUNT_ASKED = re.compile(rf"\bhow many\b|\bnumber of\b|\bcount of\b|\bhead ?count\b|{HOW_MANY_ASKED}\s*[十百千万]?\s*(?:{MEASURE_ALTERNATION})", re.I)
STRONG_PERCENT = re.compile(r"(?:几|多少)个?(?:百分)?点|%|百分|percent|比例|占比|比重|增幅|降幅|\bshare\b|\brate\b|proportion|portion|fraction|几成|" + SHARE_OF + "|" + RATE, re.I)


# A target is a figure's: "planned" (计划, 规划) with a count of things asked
# ("规划了几个展区") names one only beside what is to be reached (trade,
# investment, an amount, 目标/goal itself); "how much freight is planned" does.
TARGET_OF_A_FIGURE = re.compile(r"目标|\btarget|\bgoal|\bobjective|\baim|力争|贸易|经贸|投资|出口|进口|金额|美元|"
                                r"\btrade|\bturnover|\binvest|\bexport|\bimport|\bdollar|\$|\bvalue\b|\bvolume\b", re.I)


# "What's the count of agreements", "the number of firms": a count asked as
# "how many" asks it, which the counted-noun readers look for (as_how_many).
COUNT_OF = re.compile(r"\b(?<!not )(?<!not the )(?:(?:what(?:'s| is| was| were) )?the |what )?(?:total |overall )?(?:count|number|tally) of (?:the )?", re.I)
# "partnership deals count", "grain wagons count": a keyword query ending in what it counts.
COUNT_LAST = re.compile(r"\b([a-z]+s) (?:count|number|tally)\W*$", re.I)


def as_how_many(text: str) -> str:
    """The question with "the count / number of X" written "how many X"
    (not "…, not the number of universities", nor where "how many" is typed)."""
    if re.search(r"\bhow many\s+[a-z]", text, re.I):
        return text  # (a trailing "— about how many?" counts the noun named before it)
    return COUNT_LAST.sub(r"how many \1", COUNT_OF.sub("how many ", text))


# Firms, projects or people counted: "多少家", "how many companies".
THINGS_COUNTED = re.compile(HOW_MANY_ASKED + r"\s*(?:家|个|所|项|名|位|座)|\bhow many (?:[\w\-–]+\s+){0,3}?(?:companies|firms|enterprises|businesses|ventures|projects)\b", re.I)


# Keywords typed for a date: the last word says what is wanted, or the first
# ("date kz kg education accord signed").
KEYWORD_DATE = re.compile(r"\b(?:date|year|day)\W*$|^\W*(?:dates?|year|day)\b(?!\s+(?:trip|after|before|of the week)\b)|(?:日期|年份|(?<!多长)(?<!多少)(?<!多久)时间)\W*$", re.I)
# A keyword query that opens with the unit it asks in ("Kilometres of track on the new line?").
UNIT_FIRST = re.compile(r"^\W*(?:kilomet(?:re|er)s|km|miles|tonnes|tons|megawatts|mw|hectares|square kilomet(?:re|er)s|cubic metres)\b", re.I)
KEYWORD_QUANTITY = re.compile(r"\b(?:length|distance|count|number|capacity|population|duration|limit)\W*$|(?:长度|距离|数量|人数|容量|运力)\W*$", re.I)
WHAT_FIGURE = re.compile(r"\b(?:what|which) (?:\w+ )?(?:figure|number|sum|amount|value)\b|(?:什么|哪个)(?:数字|数额|金额)", re.I)
AMOUNT_INDICATORS = ("trade", "export", "import", "investment", "balance")  # figures stated as amounts of money
WHAT_WAS = re.compile(r"^\W*(?:in [^,]+,\s*)?what (?:was|were|is|are)\b(?!.*\b(?:main|chief|key|major|top|principal)\b)", re.I)


def period_of(text: str) -> Period:
    """The years and part of a year a text states (a question's or a passage's)."""
    return _period(fold(text))


# Years that name a plan rather than a period asked: a span of years before a
# plan's noun ("the 2024-2026 cooperation plan", 《2024-2026年合作计划》), or any
# year inside a title's brackets. "When was the 2024-2026 plan signed?" asks
# when it was signed, not about those years.
PLAN_NAME = re.compile(r"《[^》]*》|(?<!\d)(?:19|20)\d\d\s*(?:-|–|—|至|到|to)\s*(?:19|20)?\d\d\s*年?(?:度)?\s*"
                       r"(?:[\w\u4e00-\u9fff-]+\s*){0,3}?(?:plan|programme|program|strategy|roadmap|agenda|计划|规划|纲要|战略|路线图|议程)", re.I)


# A decade ("the 1990s", "1990年代") is no year asked: "in the 1990s" holds 1997.
DECADE = re.compile(r"(?<!\d)(?:19|20)\d0(?:\s*年代|['’]?s\b)", re.I)


# A clause that asks: the question's clause, as opposed to what it sets out
# from ("Tokayev's op-ed cited 2024 trade; what was it in 2023?").
ASKING = re.compile(r"多少|几|幾|哪|什么|什麼|吗|嗎|谁|誰|何|怎么|是否|有没有|\b(?:what|how|which|when|who|whom|whose|where|whether|"
                    r"do|does|did|is|are|was|were|can|could|has|have|had)\b", re.I)
_CLAUSES = re.compile(r"[;；—–。？?!！，,]")


# The level a figure is to be raised to, asked: a target ("to what figure did
# they want to raise turnover", "提升到多少").
RAISED_TO = re.compile(r"\bto what (?:figure|amount|level|sum|goal|target)\b.*\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b"
                       r"|\bwhat (?:figure|amount|level|sum)\b.*\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b.*\bto\W*$"
                       r"|\b(?:raise|boost|increase|lift|grow|bring|push)\w*\b.*\bto what (?:figure|amount|level|sum)\b"
                       r"|(?:提升|提高|增加|扩大)(?:到|至)多少", re.I)
# A cost or a saving asked: exporters are whom it concerns, not the figure asked.
COST_ASKED = re.compile(r"\bsav(?:e|es|ed|ing|ings)\b|\bcheaper\b|\bcosts?\b|\bexpenses?\b|节省|节约|省(?:多少|几成|下)|便宜|成本|费用|运费|物流费", re.I)


def _asking_split(text: str) -> tuple[list[str], int | None]:
    """The question's clauses and the index of the last one with a question word (None if none)."""
    clauses = _CLAUSES.split(text)
    return clauses, max((i for i, c in enumerate(clauses) if ASKING.search(c)), default=None)


def _the_asking_clause(text: str) -> str:
    """The one clause with the question word ("俄资企业已经超过多少家，可惜加工制造业占比偏低？"
    -> "俄资企业已经超过多少家"), without the remarks after it; the whole text if none."""
    clauses, last = _asking_split(text)
    return clauses[last] if last is not None else text


def asking_clause(text: str) -> str:
    """The question's asking clause to its end: the last clause with a
    question word ("哈对俄出口整体下降，但哪些商品反而涨了" -> "但哪些商品反而涨了"),
    else the clause a question mark closes; else the whole text."""
    clauses, last = _asking_split(text)
    if last is None:
        # No question word: the clause the question mark closes ("…two years
        # before 2024, i.e. the 2022 figure?").
        # (A clause of words, not a bare year: "kz ru trade 2024, 2023?" asks both.)
        marked = [i for i, c in enumerate(clauses) if c.strip()]
        tail = " ".join(clauses[marked[-1]:]) if marked else ""
        worded = re.search(r"[A-Za-z]{3,}|[\u4e00-\u9fff]{2,}", re.sub(r"(?:19|20)\d\d\s*年?", "", tail))
        return tail if worded and re.search(r"[?？]\s*$", text) else text
    return " ".join(clauses[last:])


def _asked_period(folded: str, comparison: bool) -> Period:
    """The period of the question's asking clause, when the question names
    several years and sets out from the others: "I keep seeing the 2024
    figure — do we have the 2023 one?", "2020年的数字有了，那2019年做了多少？"
    ask about 2023 and 2019 alone. The asking clause is the last one with a
    question word, read to the end of the question; a comparison asks all
    its years."""
    whole = _period(folded)
    if comparison:
        return whole
    clause = _period(asking_clause(folded))
    asked = set(clause.years)
    if asked and whole.relative and not clause.relative:
        # "Tokayev quoted last year's figure; what was it for 2023?": the
        # year said relatively is what the question sets out from.
        whole = Period(whole.years, (), whole.part)
    if len(set(whole.years)) < 2 or not asked or asked == set(whole.years):
        return whole
    return Period(tuple(y for y in whole.years if y in asked), whole.relative, whole.part)


def _month_number(name: str) -> int:
    """1-12 for a month named in full or by its short form ("Aug", "Sept")."""
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(name.lower()[:3]))


def _period(folded: str) -> Period:
    folded = NEGATED_PERIOD.sub(lambda m: " " * len(m.group()), folded)
    named = [m.span() for m in PLAN_NAME.finditer(folded)] + [m.span() for m in DECADE.finditer(folded)]
    years = tuple(int(m.group()) for m in YEAR.finditer(folded) if not any(a <= m.start() < b for a, b in named))
    relative = tuple(r for rx, r in RELATIVE_YEARS if rx.search(folded))
    part = next((p for rx, p in PARTS if rx.search(folded)), None)
    m = MONTH_RANGE.search(folded) or BETWEEN_MONTHS.search(folded)
    if m:
        if m.group(1):
            a, b = (_month_number(g) for g in m.group(1, 2))
        elif m.group(3):
            a, b = int(m.group(3)), int(m.group(4))
        elif m.group(6):
            n = m.group(6).lower()
            a, b = 1, int(n) if n.isdigit() else EN_NUM.index(n) + 1
        else:
            n = m.group(5)
            a, b = 1, _chinese_int(n)
        part = f"M{a}-{b}"
    elif part is None and (t := THROUGH_MONTH.search(folded)):
        end = _month_number(t.group(1)) if t.group(1) else int(t.group(2))
        part = f"M1-{end}" if 1 < end <= 12 else None
    return Period(years, relative, part)


def flow_roles(text: str, found: list[tuple[int, str]], actor_default: bool = True) -> dict[str, str]:
    """Country key -> "src" or "dst", from the words before each (position, key).
    A country with no from/to word before it is the actor, unless not
    `actor_default`: it then gets no role."""
    actor = ("dst" if IMPORT.search(text) else "src") if actor_default else None
    roles = {}
    for pos, key in sorted(found):
        before = text[max(0, pos - 12) : pos]
        role = "src" if TO_SOURCE.search(before) else "dst" if TO_DEST.search(before) else actor
        if role:
            roles.setdefault(key, role)
    return roles


def _flow(folded: str, entities: tuple[Entity, ...]) -> tuple[tuple[str, str], ...]:
    countries = [e for e in entities if e.kind == "country"]
    if not FLOW.search(folded) or len(countries) < 2:
        return ()
    low = folded.lower()
    roles = flow_roles(folded, [(low.find(fold(e.surface).lower()), e.key) for e in countries])
    # A flow has a source and a destination: roles all alike ("According to the
    # China expert, … investment in Kazakhstan" reads both as destinations) say nothing.
    return tuple(roles.items()) if len(set(roles.values())) > 1 else ()


# One of a series of meetings, sessions or rounds: 第十三次会议, 第13届, 第二峰会,
# the 13th session, the thirteenth meeting. (第三大 ranks, and is no such ordinal.)
# 首届 / 首次 is the first of a series as 第一届 is.
SERIES_ZH = re.compile(r"(?:第\s*([0-9]+|[一二三四五六七八九十两]+)|(首))\s*(?:次|届|轮|期|峰会|会议|论坛|大会)")
SERIES_EN = re.compile(r"\b(?:([0-9]+)(?:st|nd|rd|th)|(first|" + "|".join(ORDINALS) + r"))\s+(?:\w+\s+){0,3}?"
                       r"(?:meeting|session|summit|round|forum|conference|congress|plenary|sitting)s?\b", re.I)


def ordinals_in(text: str) -> list[int]:
    """The ordinals of a series a text states, in order (the question's first
    is the one asked; qa.answer.constraints checks that a clause about
    another one of the series does not answer)."""
    out = [_chinese_int(m.group(1)) if m.group(1) else 1 for m in SERIES_ZH.finditer(text)]
    for m in SERIES_EN.finditer(text):
        out.append(int(m.group(1)) if m.group(1) else 1 if m.group(2).lower() == "first" else ORDINALS.index(m.group(2).lower()) + 2)
    return [n for n in out if n]


def _chinese_int(s: str) -> int:
    """"13", "十三", "二十一", "十" -> int (up to 99); 0 if unreadable."""
    if s.isdigit():
        return int(s)
    digits = {**CN_NUM, "两": 2}
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(s, 0) if len(s) == 1 else 0


def _foreign_names(question: str, known: set[str]) -> tuple[str, ...]:
    """Latin words of MIN_LETTERS or more that are no entity we know, no
    function or question word and no word the dictionary translates: names a
    Chinese article writes in transliteration. Typed in any case ("japarov")."""
    out = []
    for m in re.finditer(r"[A-Za-z]+", question):
        w = m.group().lower()
        if len(w) < MIN_LETTERS or w in known or w in STOP_LATIN or w in QUESTION_LATIN or chinese_for(w):
            continue
        out.append(w)
    return tuple(dict.fromkeys(out))


NAME_PREFIXES = frozenset("trans inter intra cross pan sino euro afro anglo post pre anti non neo pro north south east west "
                          "central upper lower greater new old".split())


def _literals(question: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Numbers and Latin names the passage should contain verbatim ("2024", "AIFC")."""
    names = {w.lower() for e in entities for w in e.name_en.split()} | {e.surface.lower() for e in entities}
    out = []
    for m in LATIN_OR_NUMBER.finditer(question):
        tok = m.group().lower()
        # Capitalised common words ("What") are not literals; acronyms and numbers are.
        is_name = m.group()[0].isupper() and len(tok) > 1 and not m.group().istitle()
        if tok in STOP_LATIN or tok in names:
            continue
        if tok[0].isdigit() or is_name or (m.group().istitle() and m.start() > 0):
            out.append(tok)
            # A hyphenated name is also looked for by its parts: "Trans-Altai"
            # is written 跨阿尔泰, found through Altai's transliteration;
            # "Issyk-Kul" through Issyk. A prefix (trans-, inter-) is no name.
            out += [p for p in tok.split("-") if len(p) >= 3 and p.isalpha() and p not in STOP_LATIN and p not in names
                    and p not in NAME_PREFIXES] if "-" in tok and not tok[0].isdigit() else []
    out += [str(n) for n in number_words(question)]
    return tuple(dict.fromkeys(out))


TEENS = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(TEENS)})|({'|'.join(TENS)})(?:[-\s]({'|'.join(EN_NUM[:9])}))?)\b", re.I)


def number_words(text: str) -> list[int]:
    """Numbers from 11 to 99 spelt out ("over fifteen years", "twenty-five
    firms"): a passage writes them in digits (过去15年间). Smaller ones are
    left out: Chinese text writes them as characters as often (十余次, 五国)."""
    out = []
    for m in NUMBER_WORD.finditer(text):
        if m.group(1):
            out.append(11 + TEENS.index(m.group(1).lower()))
        else:
            out.append(20 + 10 * TENS.index(m.group(2).lower()) + (EN_NUM.index(m.group(3).lower()) + 1 if m.group(3) else 0))
    return out
