"""Names of countries that the data packages of qa.text.entities do not carry:
everyday English short forms (US, UK, UAE) and the one-character
abbreviations of Chinese news writing that pair up (中哈, 哈俄, 中美)."""


# Everyday English short forms that CLDR and ISO 3166 do not list as names
# (ISO has "GB", not "UK"; CLDR's "US"/"UK" are alt forms babel does not expose).
# One general table for every country with a common short form, by ISO code;
# it names no country because our articles are about it.
SHORT_FORMS = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
    "Holland": "NL", "the Netherlands": "NL", "Czechia": "CZ", "Czech Republic": "CZ",
    # Adjectives that share no first letters with the country's name, which
    # qa.text.entities._adjectives therefore cannot derive from CLDR ("American"
    # is left out: "Latin American", "South American" are not the US; "Scottish"
    # and "Welsh" name parts of the UK that passages name as such, 苏格兰).
    "British": "GB", "French": "FR", "Dutch": "NL", "Turkish": "TR",
    "Swiss": "CH", "Danish": "DK", "Filipino": "PH", "Canadian": "CA", "Canadians": "CA",
    "South Korea": "KR", "North Korea": "KP", "Taiwan": "TW", "Vatican": "VA",
    "Ivory Coast": "CI", "East Timor": "TL", "Burma": "MM", "Swaziland": "SZ", "Macedonia": "MK",
    "DRC": "CD", "DR Congo": "CD", "PRC": "CN", "KSA": "SA", "Russian Federation": "RU",
    # Groupings by their everyday initials ("trade with the EU").
    "EU": "EU", "E.U.": "EU", "UN": "UN", "U.N.": "UN",
}

# One-character country abbreviations of Chinese news usage, which pair up
# as "中哈" (China–Kazakhstan), "哈俄", "中美", "美日": the standard forms of
# Xinhua-style writing. Characters that stand for several countries (乌:
# Ukraine or Uzbekistan, 土: Turkey or Turkmenistan, 阿, 巴, 新) are left
# out: a wrong country is worse than none. 亚 is Armenia (亚美尼亚; no other
# country's Simplified name starts with it: 哈亚, 俄亚, 亚方) except where it
# is Asia (中亚, 东亚, 亚洲, 亚太…: ASIA, which qa.text.entities skips).
PAIR_CHARS = {
    "中": "CN", "美": "US", "俄": "RU", "日": "JP", "韩": "KR", "朝": "KP", "英": "GB", "法": "FR",
    "德": "DE", "意": "IT", "加": "CA", "澳": "AU", "印": "IN", "越": "VN", "泰": "TH", "老": "LA",
    "柬": "KH", "缅": "MM", "蒙": "MN", "哈": "KZ", "吉": "KG", "塔": "TJ", "菲": "PH", "荷": "NL",
    "葡": "PT", "瑞": "SE", "希": "GR", "埃": "EG", "伊": "IR", "以": "IL", "沙": "SA", "亚": "AM",
}
# Where 亚 is Asia, not Armenia: a region (中亚 Central Asia, 东亚, 西亚, 南亚,
# 北亚, 欧亚) or a compound of Asia (亚洲, 亚太, 亚欧, 亚非, 亚运, 亚裔).
ASIA = r"[中东西南北欧]亚|亚(?:洲|太|欧|非|运|裔|细亚)"


PAIR_CONTEXT = ("(?:两国|三国|四国|五国|各国|双方|雙方|双边|经济|政府|免签|互免|签证|之间|间的|相互|互相|关系|贸易|经贸|合作|边境|峰会|会谈|会晤|战略|友好|建交|元首|"
                "谈判|和谈|冲突|战争|停火|买卖|生意|商贸|往来|年度|目标|"
                "外长|总理|联合|伙伴|投资|共同|协议|协定|条约|论坛|商务|企业|合资|铁路|管道|口岸|人文|友谊|交流|农产品|货物|进出口|"
                "去年|今年|明年|近年|[\\s（(])")
