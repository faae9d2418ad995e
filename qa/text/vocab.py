"""Words that state what a figure or an event is, in both languages: the
indicators (trade, exports, a target…), the sizes (population, GDP), the
sectors that narrow an indicator, the kinds of event a date belongs to, the
nouns that count people. General tables of news and statistics usage, not
keyed to any article. The question stage (qa.question) reads them in
questions; the constraint checks (qa.answer.constraints) in passages.
"""

from __future__ import annotations

import re

# Indicators: which figure the question asks for, with the forms that state it
# in either language. Narrow ones first: "exports to China" is not "trade".
INDICATORS: dict[str, tuple[str, ...]] = {
    # Selling to a country is exporting to it ("哈萨克斯坦卖给亚美尼亚的…").
    # Shipping goods to a country is too; "shipping to" is left out: a cost of transport ("cheaper shipping to…").
    "export": ("export", "出口", "sell to", "sells to", "sold to", "selling to", "ship to", "ships to", "shipped to", "ship south to", "ships south to", "ship north to", "ships north to",
               "shipments to", "outbound shipments", "ship out", "ships out", "shipped out", "shipping out", "卖给", "卖到", "卖出", "销往", "售往"),
    # Buying from a country is importing from it ("从俄罗斯买进的").
    "import": ("import", "进口", "buy from", "buys from", "bought from", "buying from", "purchased from", "purchases from",
               "inbound shipments", "bring in", "brings in", "brought in", "bringing in", "buy back", "buys back", "bought back", "买进", "买入", "购入"),
    # FDI: foreign direct investment; 投了 (多少钱) is how people say 投资 in speech, 注资 injecting capital.
    # Money "poured into" or "sunk into" a country is invested there.
    "investment": ("invest", "投资", "fdi", "投了", "投的钱", "注资", "money into", "poured into", "sunk into", "pumped into", "injected into"),
    # A trade "imbalance", being "in the red" (in deficit) or "in the black" name the balance.
    "balance": ("deficit", "surplus", "trade balance", "negative balance", "positive balance", "trade gap", "shortfall", "imbalance", "in the red", "in red", "in the black", "逆差", "顺差", "赤字", "差额"),
    # A figure to be reached: "aim for", "将贸易额提升至…" (raise to), "计划…实现" (planned) are targets, not results.
    "target": ("target", "goal", "aim to", "aim for", "aims for", "aiming for", "objective", "目标", "力争",
               "提升至", "提升到", "提高至", "提高到", "想冲", "冲刺", "hoping to", "hope to", "hopes to",
               "planned", "plans to", "plan to", "计划", "规划"),
    # A price is not the value traded: "the price of the gas" is not the trade figure.
    "price": ("price", "tariff", "价格", "售价", "单价", "价位"),
    # 做生意 (doing business) and 买卖 (buying and selling) are how people say trading in speech.
    # Goods "exchanged" between two countries are their trade ("goods exchanged
    # between Astana and Ashgabat", "agri products exchange"): the phrase, not
    # "exchange" alone (exchange rates, exchange visits).
    # Goods that "changed hands" between two countries were traded.
    "trade": ("trade", "turnover", "commerce", "贸易", "经贸", "生意", "买卖", "goods exchanged", "exchange of goods",
              "goods exchange", "products exchange", "products exchanged", "changed hands", "change hands", "changes hands", "changing hands"),
}


# Both flows at once: the trade ("2024全年进出口总共多少", "exports and imports combined").
TWO_WAY = re.compile(r"进出口|\b(?:exports?\s+(?:and|&|plus)\s+imports?|imports?\s+(?:and|&|plus)\s+exports?|two-way trade)\b", re.I)


def indicator_words(key: str) -> tuple[str, str]:
    """An indicator's first English and first Chinese form ("export", "出口"):
    its own words in both languages, where the dictionary gives many loose senses."""
    forms = INDICATORS[key]
    return next(f for f in forms if f.isascii()), next(f for f in forms if not f.isascii())


# The size of an economy or of a people, asked as such ("What is the
# population of X?", "哈萨克斯坦的国内生产总值是多少？"): the figure must be
# stated as that size, not as an export figure or a count of one community.
# Only a question that asks the size itself: "what percentage of the
# population…" or "what drove residents…" asks something else.
SIZES: dict[str, tuple[str, ...]] = {
    "gdp": ("gdp", "gross domestic product", "size of the economy", "economic growth", "国内生产总值", "经济规模", "经济总量", "经济体量", "经济增长"),
    "population": ("population", "inhabitants", "人口"),
}
# Sectors: the part of an indicator a question or a clause may narrow it to
# ("agricultural trade", "农产品贸易额", "能源领域投资"). A general table of
# the sectors trade and investment statistics are broken down by (as customs
# and statistics offices publish them), in both languages; not keyed to any
# article. A figure for one sector is no answer for the total, nor the total
# for a sector (qa.answer.constraints).
SECTORS: dict[str, re.Pattern] = {k: re.compile(v, re.I) for k, v in {
    "agriculture": r"\bagricultur\w*|\bagri(?:-?food)?\b|\bagro\w*|\bagrarian\b|\bfarm(?:s|ing)?\b|\bfood\b|农产品|农业|农副|粮食|食品",
    "energy": r"\benerg(?:y|ies)\b|\boil\b|\bpetroleum\b|\b(?:natural )?gas\b|\bcoal\b|能源|石油|原油|油气|天然气|煤炭",
    "services": r"\bservices?\b|服务",
    "non-resource": r"\bnon-?(?:resource|commodity|raw)|非资源|非原材料|非能源",
    "manufactured goods": r"\bmanufactur\w*|制成品|工业品|制造业",
    "e-commerce": r"\be-?commerce\b|电商|电子商务",
    "metals and mining": r"\bmining\b|\bmetals?\b|\bores?\b|矿产|矿业|金属",
    "machinery": r"\bmachinery\b|机械|机电",
}.items()}
SECTORED = ("trade", "export", "import", "investment")  # the indicators sectors narrow


def sector_of(text: str) -> str | None:
    """The first sector a text names (folded text; see SECTORS)."""
    return next((k for k, rx in SECTORS.items() if rx.search(text)), None)


# Kinds of event a "when" question may ask the date of, in both languages: a
# general table of what news reports date (relations established, documents
# signed, visits, meetings, elections, openings); not keyed to any article.
# A date stated for one kind is no answer for another ("1992年…建立外交关系"
# for "when was the treaty signed"). Treaties, agreements and memoranda are
# one kind: people call one by the other's name.
EVENTS: dict[str, re.Pattern] = {k: re.compile(v, re.I) for k, v in {
    "diplomatic relations": r"\bdiplomatic (?:relations|ties)\b|建交|外交关系",
    "document": r"\btreat(?:y|ies)\b|\bagreements?\b|\baccords?\b|\bpacts?\b|\bdeals?\b|\bmemorand\w+|\bdeclarations?\b"
                r"|\bcharter\b|\bconventions?\b|\bcontracts?\b|条约|协定|协议|备忘录|宣言|公约|合同|声明",
    "visit": r"\bvisit\w*|\btrip\b|访问|访华|出访|到访|来访|访哈",
    "meeting": r"\bsummit\w*|\bforums?\b|\bmeetings?\b|\bconferences?\b|\btalks\b|\bexpo\b|\bexhibition\b"
               r"|峰会|论坛|会议|会晤|会谈|大会|博览会|展会",
    "election": r"\belect(?:ed|ion|ions)\b|选举|当选|大选",
    "opening": r"\bfounded\b|\binaugurat\w*|\bopened\b|\blaunched\b|\bopening\b|成立|创立|创建|开通|开业|启用|开幕|揭牌|落成|投产|通车",
}.items()}


def events_in(text: str) -> frozenset[str]:
    """The kinds of event a text names (folded text; see EVENTS)."""
    return frozenset(k for k, rx in EVENTS.items() if rx.search(text))


# Nouns that count people ("how many Kyrgyz students", "多少名…学生").
PEOPLE_EN = (r"people|persons|residents|students|tourists|workers|employees|citizens|members|visitors|experts|specialists"
             r"|nationals|migrants|passengers|travell?ers|immigrants|emigrants|refugees|pupils|teachers|doctors|soldiers")
PEOPLE_ZH = r"学生|留学生|人|公民|游客|劳工|侨民|居民|移民|专家|员工|教师|医生|士兵"

# Kinds of people a count names, in both languages: "1000名…学生" counts
# students, no answer to "how many ethnic Kyrgyz live there" or "多少吉尔吉斯族人".
# A general table of the groups news and statistics count; not keyed to any
# article (read by qa.answer.units).
PEOPLE_GROUPS = {k: re.compile(v, re.I) for k, v in {
    "students": r"\bstudents?\b|\bpupils?\b|学生|留学生",
    "tourists": r"\btourists?\b|\bvisitors?\b|游客|旅客",
    "workers": r"\bworkers?\b|\bemployees?\b|\blabou?rers?\b|\bstaff\b|劳工|工人|员工|务工",
    "experts": r"\bexperts?\b|\bspecialists?\b|专家",
    "teachers": r"\bteachers?\b|教师|老师",
    "doctors": r"\bdoctors?\b|医生",
    "soldiers": r"\bsoldiers?\b|\btroops\b|士兵|军人",
    "migrants": r"\b(?:im|e)?migrants?\b|\brefugees?\b|移民|难民",
    # A people's community abroad: a diaspora is counted whole, not by students or workers.
    "diaspora": r"\bdiasporas?\b|\bcommunit(?:y|ies)\b|侨民|侨胞|华侨|社区|社群",
}.items()}


# Chinese news abbreviations and the full forms they stand for (a general
# table of the common ones, as style guides for Chinese news list them; not
# keyed to any article). A question and a passage may each use either form:
# the reader matches words, so a question is read in the form its window
# uses (qa.answer.read): "哪天建交" beside "于1992年10月15日正式建立外交关系".
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("建交", "建立外交关系"), ("断交", "断绝外交关系"), ("复交", "恢复外交关系"),
    ("外长", "外交部长"), ("防长", "国防部长"), ("经贸", "经济贸易"), ("科技", "科学技术"),
    ("联大", "联合国大会"), ("安理会", "联合国安全理事会"), ("上合组织", "上海合作组织"),
    ("世贸组织", "世界贸易组织"), ("峰会", "首脑会议"), ("免签", "免签证"),
)


def in_window_words(question: str, window: str) -> str:
    """The question with each abbreviation written as the window writes it:
    the full form where the window has it and not the short one, and the
    other way round."""
    for short, full in ABBREVIATIONS:
        if short in question and full not in question and short not in window and full in window:
            question = question.replace(short, full)
        elif full in question and full not in window and short in window:
            question = question.replace(full, short)
    return question
