"""Lists, ranges and units in answer spans (qa.answer.spans, qa.answer.units, qa.answer.readings): no model."""

import pytest

from qa.answer.readings import _as_list, listed, narrowed
from qa.answer.spans import PERCENT, closed, enumeration
from qa.answer.units import unit_clash
from qa.question import analyze

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)


@pytest.mark.parametrize("clause, listed", [
    ("博物馆设有陶瓷、书画、钱币和玉器四个展厅", "陶瓷、书画、钱币和玉器"),
    ("两国在联合国、东盟、亚太经合组织等多边机制内合作", "联合国、东盟、亚太经合组织"),
    ("计划向日本、韩国和东南亚地区出口电力", "日本、韩国和东南亚地区"),
    ("双边贸易额为5.5亿美元", None),
    ("第二和第三工坊", None),  # two items are a pair, not a list
    # Items of several words, the first after the word that opens the list, the
    # last before what closes it or the noun the list belongs to.
    ("该国主要进口机械设备、高档服装、葡萄酒和家用电器", "机械设备、高档服装、葡萄酒和家用电器"),
    ("对方出口则以羊毛、高档皮革制品、乳品和电力为主", "羊毛、高档皮革制品、乳品和电力"),
    ("代表团会见了法国、德国和西班牙代表", "法国、德国和西班牙"),
    ("阿拉木图、奇姆肯特、卡拉干达三市签署协议", "阿拉木图、奇姆肯特、卡拉干达"),
])
def test_enumerations_are_found_as_written(clause, listed):
    assert enumeration(clause) == listed


def test_a_count_or_an_echo_gives_way_to_the_list_it_counts():
    clause = "博物馆设有陶瓷、书画、钱币和玉器四个展厅"
    assert _as_list(clause, "四个") == "陶瓷、书画、钱币和玉器"
    assert _as_list(clause, "展厅", echo=True) == "陶瓷、书画、钱币和玉器"
    assert _as_list(clause, "书画、钱币") == "陶瓷、书画、钱币和玉器"  # part of it: the whole list
    assert _as_list("双边贸易额为5.5亿美元", "5.5亿美元") == "5.5亿美元"


def test_a_question_asking_several_things_gets_the_list_its_sentence_gives():
    sentence = "据统计，该国主要进口机械设备、高档服装、葡萄酒和家用电器。"
    assert listed(analyze("该国主要进口哪些商品？"), sentence) == "机械设备、高档服装、葡萄酒和家用电器"
    assert listed(analyze("Which goods does the country mainly import?"), sentence) == "机械设备、高档服装、葡萄酒和家用电器"
    assert listed(analyze("该国进口额是多少？"), sentence) is None  # one figure asked: no list


def test_a_sentence_given_as_the_answer_is_narrowed_to_the_title_or_city_asked():
    titled = "部长在《环球时报》署名文章《合作共赢的新时代》中阐述了立场。"
    assert narrowed(analyze("部长在《环球时报》发表的文章标题是什么？"), titled) == "《合作共赢的新时代》"
    assert narrowed(analyze("部长发表的文章标题是啥"), titled) == "《合作共赢的新时代》"  # the outlet is named before the piece
    assert narrowed(analyze("What is the name of the minister's wife?"), titled) is None  # a name, not a title
    met = "第五次会议去年于塔什干举行，双方签署了多项协议。"
    assert narrowed(analyze("第五次会议在哪座城市举行？"), met) == "塔什干"
    assert narrowed(analyze("第五次会议在哪座城市举行？"), "会议先后在塔什干和阿拉木图举行。") is None  # two cities: the sentence stays
    # A capital the time-zone city table lacks is a city too (CC-CEDICT's capitals).
    assert narrowed(analyze("第五次会议放在哪个城市办的？"), "该委员会第五次会议于2023年在利马举行。") == "利马"
    stay = "根据新协定，双方公民可在对方国家免签停留 90 天。"
    assert narrowed(analyze("智利公民去秘鲁免签能待多久？"), stay) == "90 天"  # the one span of time
    assert narrowed(analyze("议会选举多久举行一次？"), "议会每 4 年改选一次，上次在 3 月。") is None  # how often, not how long


def test_a_range_of_percentages_is_one_span():
    assert [m.group() for m in PERCENT.finditer("成本可降低10-15%，效率提高8%至12%")] == ["10-15%", "8%至12%"]


@pytest.mark.parametrize("question, span, clash", [
    ("how long is the new line in km", "2000万吨", True),  # a weight for a length
    ("how long is the new line in km", "五倍", True),  # no length at all
    ("How long is the new line?", "836公里", False),
    ("How long did the visit last?", "3天", False),
    ("年运量是多少万吨？", "500万吨", False),
    ("How much did they invest over the past 15 years?", "17亿美元", False),  # "years" is when, not a unit asked
    ("哈中贸易额是多少？", "440亿美元", False),
    ("车重量都在三十磅以下，是在哪个年代？", "八零年代", False),  # 重量 as context, not the thing asked
    ("How long did the theatre run?", "from 1870 to 1939", False),  # a duration needs no unit
    ("How long is the new Chile–Peru pipeline?", "五倍", True),  # a multiple is no length, nor a duration
    ("How long did the strike last?", "almost half a century", False),
    ("How long would the coalition last?", "until the parliament's term ends", False),  # a duration needs no unit
    ("雷达的距离精度是多少？", "±10m", False),  # a bare m after a number is metres
    ("多少公尺為山道的長度?", "二千九百公尺", False),  # Taiwan's metre
    ("新图书馆占地多大？", "图书馆已于去年正式启用。", True),  # an area asked, none stated
    ("新图书馆占地多大？", "占地约1.2万平方米", False),
    ("校园总占地面积有多大？", "总占地面积812亩", False),  # 亩, the Chinese land measure
    ("校園面積是多少？", "約3000平方公尺", False),
    ("What is the planned capacity of the new hydro plant?", "1200 MW", False),
    ("What is the planned capacity of the new hydro plant?", "The plant is being built with Norwegian help.", True),
    ("What is the seating capacity of the stadium?", "45,000", False),  # a bare count may answer it
])
def test_a_span_in_another_unit_than_the_one_asked_is_no_answer(question, span, clash):
    assert unit_clash(question, span) is clash


def test_a_cause_asked_is_answered_by_the_sentence_that_gives_one():
    from qa.answer.choose import gives_cause
    from qa.question import analyze

    assert analyze("Why did exports to Peru drop?").asks_why and analyze("贸易逆差的根源是什么？").asks_why
    assert not analyze("How much did exports to Peru drop?").asks_why
    assert gives_cause("出口降至5亿美元，主要因铜矿石量减。") and gives_cause("Exports fell due to lower copper prices.")
    assert not gives_cause("2025年1—8月，双边贸易额为17亿美元。")


def test_a_range_of_a_count_is_one_span_and_a_span_of_years_is_none():
    from qa.answer.spans import COUNT

    found = [m.group().strip() for m in COUNT.finditer("通常需要五到十年才能量产，约3-5个油田，从1870年到1939年")]
    assert found == ["五到十年", "约3-5个"]


def test_a_count_in_another_measure_word_is_no_answer():
    from qa.answer.units import measure_clash

    assert measure_clash("境内有多少家外资企业？", "70余份")  # documents for firms
    assert not measure_clash("境内有多少家外资企业？", "约6000家")
    assert not measure_clash("有多少家企业？", "5000个")  # 个 fits any
    assert not measure_clash("培养了多少位冠军？", "73人")  # people: 位, 名, 人 stand for each other
    assert not measure_clash("有几首歌进入榜单前十？", "5张")  # words in no group never clash
    # A head noun of people counts with 人 ("多少秘鲁侨民" is not answered by 70余份).
    assert measure_clash("智利境内有多少秘鲁侨民？", "70余份")
    assert not measure_clash("智利境内有多少秘鲁侨民？", "约3万人")
    # "两国" names the pair, it counts nothing but countries.
    assert measure_clash("两国签了多少份协议？", "两国") and measure_clash("签署了多少协议？", "两国")
    assert not measure_clash("有几个国家参加了峰会？", "两国")
    # English questions count with the noun after "how many".
    assert measure_clash("How many times per term may a president pay a state visit?", "一国")
    assert not measure_clash("How many times per term may a president pay a state visit?", "一次")
    assert not measure_clash("How many times larger is the port?", "三倍")  # a multiple, not a number of times
    assert measure_clash("How many Chilean companies work in Peru?", "70余份")
    # A count of people or of times is not a physical quantity or a duration.
    assert measure_clash("How many passengers a year will use the new line?", "1000万吨")
    assert measure_clash("两国总统一年里见了几次面？", "两年") and not measure_clash("两国总统一年里见了几次面？", "超过六次")
    assert not measure_clash("每年有多少游客？", "约50万人次")
    assert not measure_clash("How many Chilean companies work in Peru?", "约600家")


def test_the_unit_may_follow_the_span():
    from qa.answer.units import unit_clash

    assert not unit_clash("这个盆地覆盖了多少平方公里的雨林？", "5,500,000", "it covers 5,500,000 square kilometres of rainforest")
    assert unit_clash("这个盆地覆盖了多少平方公里的雨林？", "5,500,000", "it absorbs 5,500,000 tonnes of carbon")


def test_the_count_next_to_the_thing_counted_is_chosen():
    from qa.answer.spans import find_span

    clause = "开办第一年的学院仅有90位教职员、四所学系、400余位学生。"
    assert find_span(clause, "count", "学院开办第一年有多少学生？", [("学生",)]) == "400余位"
    assert find_span(clause, "count", "学院开办第一年有多少教职员？", [("教职员",)]) == "90位"


def test_a_counted_noun_after_its_adjectives_still_sets_the_measure():
    from qa.answer.units import unit_clash

    assert unit_clash("How many Brazil–Norway joint ventures are registered?", "约 4 万名", "约 4 万名居住在挪威")
    assert unit_clash("how many brazilian students study in norway", "16 所", "16 所学校")
    assert not unit_clash("How many Brazilian students study in Norway?", "800名", "800名学生")


def test_things_counted_by_name_are_not_a_length_of_time():
    from qa.answer.units import measure_clash

    assert measure_clash("how many wagons were in the first train", "两个月")
    assert measure_clash("首列火车有多少节车厢？", "两个月")
    assert not measure_clash("How many years did it take?", "两年") and not measure_clash("几个月后签署？", "两个月")


def test_minutes_asked_are_time():
    from qa.answer.units import measure_clash

    assert not measure_clash("若游戏中离，则多少分钟内不得进行配对？", "10分钟")


def test_almost_is_no_question_word():
    from qa.answer.units import measure_clash

    # 几乎 (almost) before the question's 几年: the year asked is time, not things counted.
    assert not measure_clash("科学家在5个实验室几乎同时发现一种酶是在西元几年?", "1967年")


def test_a_title_cut_inside_its_brackets_runs_to_their_end():
    text = "部长在《环球时报》署名文章《合作共赢——新时代的伙伴》中阐述了立场"
    assert closed(text, "《合作共赢") == "《合作共赢——新时代的伙伴》"
    assert closed(text, "《环球时报》") == "《环球时报》"


def test_a_count_keeps_the_noun_it_counts_but_not_a_verb():
    from qa.answer.choose import with_counted_noun

    q = analyze("How many cars did the trial train have?")
    assert with_counted_noun(q, "试运行的 12 节车厢不仅标志着新线路开通", "12 节") == "12 节车厢"
    assert with_counted_noun(analyze("How many Chileans live in Peru?"), "约 3 万名居住在秘鲁的智利人", "约 3 万名") == "约 3 万名"


def test_a_month_keeps_the_year_word_before_it():
    from qa.answer.render import date_en
    from qa.answer.spans import with_year_word

    clause = "今年4月，两国总统在卑尔根非正式会晤"
    assert with_year_word(clause, "4月") == "今年4月"
    assert with_year_word("去年10月15日签署协定", "10月15日") == "去年10月15日"
    assert with_year_word("2024年4月，两国签署协定", "2024年4月") == "2024年4月"  # a year already
    assert with_year_word("4月，两国签署协定", "4月") == "4月"
    assert date_en("今年4月") == "April this year"
    assert date_en("去年10月15日") == "15 October last year"
    assert date_en("7月21日") == "21 July"


def test_an_acronym_read_alone_is_the_name_it_glosses():
    from qa.answer.readings import glossed_name

    sentence = "总统提议在卑尔根国际航运中心（BISC）设立联合办公室。"
    assert glossed_name(sentence, "（BISC）") == "卑尔根国际航运中心"
    assert glossed_name(sentence, "BISC") == "卑尔根国际航运中心"
    # A Latin name that is a word of its own is the name: it stays.
    assert glossed_name("挪威出口信贷机构（NorExport）为企业提供担保。", "NorExport") == "NorExport"


def test_tonnage_asks_a_weight():
    assert unit_clash("What tonnage did the first grain train to Bergen carry?", "15 节车厢")


def test_a_list_asked_of_what_rose_is_the_list_that_rose():
    from qa.answer.choose import listing_first, moved

    fell = "巴西出口降至5亿美元，主要因咖啡豆、大豆和铁矿石量减。"
    rose = "但牛肉、木材及纸浆出口逆势上扬。"
    said = "2025年1—8月，巴挪贸易额12亿美元。"
    assert moved(rose) == 1 and moved(fell) == -1 and moved(said) == 0
    assert listing_first(analyze("巴西对挪威出口整体下降，但哪些商品反而涨了"), [said, fell, rose])[0] == rose
    # The list that moved the other way comes after every other sentence.
    assert listing_first(analyze("Which Brazilian exports to Norway rose?"), [fell, said])[-1] == fell


def test_a_port_asked_is_answered_by_a_ports_name():
    from qa.answer.places import admin_place_ok

    q = analyze("Which Caspian harbour in Norway is floated as a transhipment hub?")
    assert not admin_place_ok(q, "“南-北”") and admin_place_ok(q, "奥斯陆港")
    assert admin_place_ok(analyze("Where did they meet?"), "“南-北”")  # no port asked: not judged this way


def test_a_speed_asked_is_not_answered_by_a_tonnage():
    from qa.answer.units import asked_units, unit_clash

    assert asked_units("What top speed will trains reach on the new line?") == {"speed"}
    assert unit_clash("What top speed will trains reach?", "1000万吨", "货运量达1000万吨")
    assert not unit_clash("列车时速能达到多少？", "时速120公里", "列车时速120公里")


def test_a_count_of_a_community_does_not_answer_a_count_of_students():
    from qa.answer.units import unit_clash

    clause = "约 4 万名居住在挪威、主要分布于奥斯陆的巴西社区亦为深化文化联系发挥着积极作用。"
    assert unit_clash("现在有多少挪威学生在巴西留学？", "约 4 万名", clause)
    assert not unit_clash("有多少巴西侨民住在挪威？", "约 4 万名", clause)


def test_did_not_fall_but_rose_is_a_rise_and_a_headcount_is_of_people():
    from qa.answer.choose import moved, persons_named
    from qa.answer.units import measure_clash

    assert moved("哪些商品不降反升") == 1 and moved("哪些商品不升反降") == -1
    assert measure_clash("Business council with Brazilian firms: headcount of participants?", "70多家")
    assert not measure_clash("Business council with Brazilian firms: headcount of participants?", "500余名")
    assert "拉夫罗夫" in "".join(persons_named(analyze("俄国外长拉夫罗夫之前是怎么形容这次访问的？")))
