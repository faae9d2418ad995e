"""What kind of answer a question asks: the answer types, the words that ask
for amounts, counts, people, things, sizes and lists, and the tables the
answer type is read with (qa.question.typed)."""

from __future__ import annotations

import re
from enum import Enum

from qa.text.entities import find_entities
from qa.text.vocab import PEOPLE_EN, PEOPLE_ZH, SIZES


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
    # A multiple ("by what factor does capacity grow", "增长了几倍"): a count of times
    # (五倍), whatever growth word is beside it.
    (AnswerType.COUNT, re.compile(r"\bby what (?:factor|multiple)\b|\bhow many[- ]fold\b|几倍|多少倍|翻了?几番", re.I)),
    (AnswerType.PERCENT, re.compile(SHARE_OF + r"|\bas an? (?:share|percentage|proportion|fraction|percent)\b|(?:几|多少)成(?![员立功本熟])|\bhow (?:big|large|much) (?:of )?an? (?:chunk|portion|slice|fraction)\b|\b(?:chunk|portion|slice|fraction)\b.*\bhow (?:big|large|much)\b|(?:几|多少)个?(?:百分)?点(?=$|[？?，,。的吗呢])|\bpercentage points?\b|\bpercent|\b(?:what|which) (?:portion|fraction)\b|\bshare of\b|\bhow much of (?:it|this|that|them|the)\b|\bof all\b.*\bhow much\b|(?:market|what|which|its|their)\s+share\b|\bproportion|\brate\b|\byear[- ]on[- ]year\b|\by-?o-?y\b|\bhow (?:fast|quickly)\b(?=[^?？]*\b(?:grow|grew|grown|expand\w*|increas\w*|shr[ai]nk\w*|declin\w*)\b)|\b(?:grow|grew|increas|decreas|ris[ei]|rose|fell|fall)|%|百分|比例|占比|比重|增长|下降|增幅|降幅|" + RATE, re.I)),
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
    r"|(?P<zh>人口|国内生产总值|经济规模|经济总量|经济体量|gdp)\s*(?:是|有|为|达到?|约|超过|超|逾|接近|近|大约|大概)?\s*(?:多少|几)"
    # Its growth: "GDP增长率", "GDP growth" (a rate of the size, still the size's figure; not
    # "economic growth" in general, which XQuAD asks about as a topic).
    r"|(?P<zh2>gdp|国内生产总值)\s*(?:的)?\s*(?:增长率|增速|增幅)|\b(?P<en3>gdp) growth\b", re.I)


PRICE_TAG = re.compile(r"\bprice[\s-]?tags?\b", re.I)
# A group within a country ("the Armenian community in Kazakhstan", "亚美尼亚侨民
# 社区的人口"): its population is a count of its people, stated as such ("约4万名
# …亚美尼亚社区"), not the size of a country's people.
GROUP_OF_PEOPLE = re.compile(r"\bcommunit(?:y|ies)\b|\bdiaspora\b|\bexpat(?:riate)?s?\b|\bminorit(?:y|ies)\b|\bethnic\b"
                             r"|社区|社群|侨民|侨胞|华侨|侨界|族群|少数民族|群体|[\u4e00-\u9fff]裔", re.I)


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


# The people's country after them: "how many young people from Kyrgyzstan",
# "the number of students from China" (read before COUNTED_PEOPLE, whose
# first form would stop at "young").
PEOPLE_FROM = re.compile(rf"\b(?:how many|(?:the )?(?:number|count|total) of) (?:[\w\-–]+\s+){{0,2}}?(?:{PEOPLE_EN}) (?:from|of) (?:the )?((?:[\w\-–]+\s*){{1,2}})", re.I)


def counted_of(folded: str) -> str | None:
    """The one country whose people a count question asks about, or None."""
    m = PEOPLE_FROM.search(folded) or COUNTED_PEOPLE.search(folded)
    if not m:
        return None
    phrase = next((g for g in m.groups() if g), "").strip()
    found = {e.key for e in find_entities(phrase, any_case=True) if e.kind == "country"}
    if not found and phrase and not phrase.isascii():
        found = {e.key for e in find_entities(phrase + "斯坦") if e.kind == "country"}  # 吉尔吉斯族 -> 吉尔吉斯斯坦
    return found.pop() if len(found) == 1 else None


# English word endings an indicator or flow word takes ("imports", "invested",
# "exporter"), and no others: "important" is not "import".
ENDINGS = r"(?:s|es|ed|d|er|ers|or|ors|ing|ment|ments)?\b"
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
                  r"|\bwhat\s+(?:[\w-]+\s+)?\w+(?<!s)s\s+(?:are|were|did|do|does|have|has|had)\b|\bname (?:all|some|a few)\b|\bsome of the\b"
                  # "name the …" asks many only of a plural noun ("name the countries"; not "name the station")
                  r"|\bname the (?:[\w-]+\s+){0,3}?[a-z]+(?<![su])s\b"
                  # the mix of goods a flow is made of ("what was in that shipment mix", "export basket")
                  # (not 组成 / 构成: "白光是由…组成的，这是谁发现的" asks a person, DRCD showed)
                  r"|\b(?:mix|basket|make-?up|composition)\b|\bconsist(?:s|ed|ing)? of\b|\bmade up of\b|\bcompris(?:e|es|ed|ing)\b"
                  # a plural noun of things further on ("which Kazakh export goods to Russia grew")
                  r"|\bwhich\s+(?:[\w-]+\s+){0,3}?(?:goods|products|items|commodities|lines|categories|kinds|types|sectors|industries|countries|cities|regions|companies|firms)\b"
                  r"|\b(?:give|tell|show) me (?:some|a few|several|the main|the)\s+(?:\w+\s+)?(?:items|goods|products|things|categories|examples)\b", re.I)


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
    m = re.search(rf"(?<![a-z]){pattern}(?![a-z])", low)  # whole words: "bring in" is not "bring into"
    return m.start() if m else -1


def states(text: str, form: str) -> bool:
    return form_at(text, form) >= 0


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
# How fast something changed: a rate, one figure, even where two periods are
# named ("compare Jan–Sep 2025 with 2024: how fast did it grow?" -> 5.4%).
# (Not "how much did it grow from 2020 to 2024": the two amounts answer that.)
RATE_OF_CHANGE = re.compile(r"\bhow (?:fast|quickly)\b[^?？]*\b(?:grow|grew|grown|expand\w*|ris[ei]n?|rose|increas\w*|shr[ai]nk\w*|fall|fell|declin\w*)\b"
                            r"|\bby what (?:percent|percentage|rate)\b|\bgrowth rate\b|增速|增幅|降幅", re.I)
# A keyword query that asks where ("venue twelfth session", "论坛举办地").
KEYWORD_PLACE = re.compile(r"\b(?:venue|location|host city|whereabouts)\b|举办地|举行地|所在地|地点", re.I)
WHAT_FIGURE = re.compile(r"\b(?:what|which) (?:\w+ ){0,3}?(?:figures?|numbers?|sums?|amounts?|values?)\b|(?:什么|哪个)(?:数字|数额|金额)", re.I)
AMOUNT_INDICATORS = ("trade", "export", "import", "investment", "balance")  # figures stated as amounts of money
WHAT_WAS = re.compile(r"^\W*(?:in [^,]+,\s*)?what (?:was|were|is|are)\b(?!.*\b(?:main|chief|key|major|top|principal)\b)", re.I)
