"""Countries, major cities and international organisations named in a text.

Questions come in English or Chinese, the articles in Chinese, so each entity
carries its Chinese names: "Kazakhstan–China" must find "哈萨克斯坦", "中国".
Names come only from maintained data packages (never a table written here), so
any country works, not just the ones in our articles:

- babel (Unicode CLDR): territory names in en / zh / zh_Hant; its non-ISO
  groupings (EU, UN, Eurozone) are the organisations; time-zone exemplar
  cities are the cities; language names + likely subtags give "Kazakh" etc.
- pycountry (ISO 3166-1, iso-codes zh_CN/zh_TW/zh_HK): official names.
- countrystatecity-translations: one more English and zh-CN name per country.

One regex built from a trie of all names scans a question in microseconds,
prefers the longest name at each position, and makes Latin names stand alone
as words ("Oman" not in "Romania").
"""
from __future__ import annotations

import functools
import gettext
import re
from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from qa.text.aliases import ASIA, PAIR_CHARS, PAIR_CONTEXT, SHORT_FORMS
from qa.text.derived import derived

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = "A-Za-z\u00c0-\u024f"
# Time-zone areas whose exemplar cities are real cities; Pacific/, Indian/,
# Atlantic/ and Antarctica/ are islands and bases ("Easter", "Christmas", "Casey").
_CITY_AREAS = ("Africa", "America", "Asia", "Australia", "Europe")


@dataclass(frozen=True)
class Entity:
    key: str  # stable id: ISO alpha-2 ("CN"), CLDR code ("EU"), or tz id for cities
    kind: str  # "country" | "city" | "org"
    name_en: str
    names_zh: tuple[str, ...]  # Simplified first, then Traditional
    surface: str  # the text that matched in the input


@dataclass(frozen=True)
class _Record:
    """One known entity and every alias that should find it."""

    key: str
    kind: str
    name_en: str
    names_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    by_alias: Mapping[str, _Record]  # alias.lower() -> record
    by_key: Mapping[str, _Record]


def find_entities(text: str, any_case: bool = False) -> list[Entity]:
    """Entities named in `text`, in order of first appearance, one per key.

    English names must be capitalised ("China", not the tableware "china"),
    unless `any_case`: a question typed all in lower case still names countries.
    """
    lexicon = _lexicon()
    seen: set[str] = set()
    found: list[Entity] = []
    for match in lexicon.pattern.finditer(text):
        surface = match.group()
        if surface[0].isascii() and not surface[0].isupper() and not any_case:
            continue
        record = lexicon.by_alias.get(surface.lower())
        if record is None or record.key in seen:
            continue
        seen.add(record.key)
        found.append(Entity(record.key, record.kind, record.name_en, record.names_zh, surface))
    return found


def entity_for(key: str, surface: str) -> Entity | None:
    """The entity of a key (a country's ISO code), as the text wrote it."""
    record = _lexicon().by_key.get(key)
    return Entity(record.key, record.kind, record.name_en, record.names_zh, surface) if record else None


def near_countries(text: str, taken: Iterable[str] = ()) -> list[Entity]:
    """Countries whose English name a word of `text` misspells by one edit (two
    for names of nine letters or more): "kazakstan", "Turkmenstan". Words of
    under five letters are left alone (too many real words lie one edit from
    a short name), a five-letter one is read only as a six-letter name with a
    letter left out ("Rusia"), and words that are themselves a known name stay."""
    from qa.text.lexical import chinese_for

    lex = _lexicon()
    by_len = _country_aliases_by_length()
    found, seen = [], set(taken)
    for m in re.finditer(rf"[{_LATIN}]{{5,}}", text):
        word = m.group().lower()
        # A real English word is no slip ("finish" is not "Finnish", "Romans"
        # not "Romania"): the dictionary (CC-CEDICT's glosses) knows it.
        if word in lex.by_alias or chinese_for(word):
            continue
        limit = 2 if len(word) >= 9 else 1
        # A five-letter word is a slip only by a letter left out of a six-letter
        # name ("Rusia"): other edits of short words make ordinary words.
        lengths = (6,) if len(word) == 5 else range(len(word) - limit, len(word) + limit + 1)
        for n in lengths:
            hit = next((r for alias, r in by_len.get(n, ()) if alias[0] == word[0]
                        and _edits(word, alias, limit) <= limit), None)
            if hit and hit.key not in seen:
                seen.add(hit.key)
                found.append(Entity(hit.key, hit.kind, hit.name_en, hit.names_zh, m.group()))
                break
    return found + [e for e in _near_chinese(text) if e.key not in seen and not seen.add(e.key)]


def _fold(text: str) -> str:
    from qa.text.lexical import fold  # the text layer's folding to Simplified (no import cycle: lexical imports no entities)

    return fold(text)


def _near_chinese(text: str) -> list[Entity]:
    """Countries whose Chinese name of four characters or more the text writes
    with one character wrong and its first two right: 土库曼斯担, 哈萨克斯担.
    A shorter name is left alone (one character from it lie real words)."""
    folded = _fold(text)
    by_len = _chinese_names_by_length()
    # Characters of names the text writes right are no slip ("以色列发动" is 以色列 and a verb).
    exact = [m.span() for m in _lexicon().pattern.finditer(folded) if len(m.group()) > 1]
    found = []
    for run in re.finditer(r"[\u4e00-\u9fff]{4,}", folded):
        word = run.group()
        for n, names in sorted(by_len.items(), reverse=True):  # the longest name first (吉尔吉斯斯担, not 吉尔吉斯斯)
            for i in range(len(word) - n + 1):
                w = word[i : i + n]
                at = run.start() + i
                if any(a < at + n and at < b for a, b in exact):
                    continue
                hit = next((r for name, r in names if name[:2] == w[:2] and sum(a != b for a, b in zip(name, w)) == 1), None)
                if hit and all(e.key != hit.key for e in found):
                    found.append(Entity(hit.key, hit.kind, hit.name_en, hit.names_zh, w))
                    exact.append((at, at + n))
    return found


@functools.lru_cache(maxsize=1)
def _chinese_names_by_length() -> dict[int, tuple[tuple[str, _Record], ...]]:
    out: dict[int, list] = {}
    for record in _lexicon().by_key.values():
        if record.kind == "country":
            for name in dict.fromkeys(_fold(n) for n in record.names_zh):
                if len(name) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name):
                    out.setdefault(len(name), []).append((name, record))
    return {n: tuple(v) for n, v in out.items()}


@functools.lru_cache(maxsize=1)
def _country_aliases_by_length() -> dict[int, tuple[tuple[str, _Record], ...]]:
    out: dict[int, list] = {}
    # Country names, and demonyms of seven letters or more ("Russian",
    # "Chinese": "Rusian", "Chiese"). Shorter demonyms and language names
    # ("Finnish", "Kazakh") lie one edit from too many ordinary words.
    for record in _lexicon().by_key.values():
        if record.kind != "country":
            continue
        name = record.name_en.lower()
        demonyms = [a.lower() for a in record.aliases_en if a.lower() != name and not a.lower().endswith("s") and len(a) >= 7]
        for alias in (name, *demonyms):
            if alias.isascii() and alias.isalpha() and len(alias) >= 6:
                out.setdefault(len(alias), []).append((alias, record))
    return {n: tuple(v) for n, v in out.items()}


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, substitute, swap neighbours), stopping past `limit`."""
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def entity_terms(entities: Iterable[Entity]) -> list[str]:
    """All Chinese and English names of `entities`, deduplicated, for literal matching."""
    records = _lexicon().by_key
    terms: list[str] = []
    for entity in entities:
        record = records.get(entity.key)
        terms += (*entity.names_zh, entity.name_en, *(record.aliases_en if record else ()))
    return _unique(terms)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Build the alias table and its regex once; every later call reuses it."""
    by_alias: dict[str, _Record] = {}
    by_key: dict[str, _Record] = {}
    # Countries first, so a city or adjective never takes a country's name
    # (the city "Bahrain" stays the country Bahrain).
    for record in _records():
        by_key[record.key] = record
    # Everyday short forms come first: "US" is the United States, not the
    # "US Virgin Islands" some data packages abbreviate to it.
    for alias, key in SHORT_FORMS.items():
        if key in by_key:
            by_alias[alias.lower()] = by_key[key]
    for record in by_key.values():
        for alias in (*record.aliases_en, *record.names_zh):
            by_alias.setdefault(alias.lower(), record)
    # A country's Taiwan name written in Simplified characters is its name too
    # (哈薩克 -> 哈萨克, 吉爾吉斯 -> 吉尔吉斯: mainland writers shorten the same way).
    for record in by_key.values():
        if record.kind == "country":
            for alias in record.names_zh:
                by_alias.setdefault(_fold(alias).lower(), record)
    latin = [a for a in by_alias if not _HAN.search(a)]
    han = [a for a in by_alias if _HAN.search(a)]
    pattern = (
        f"(?<![{_LATIN}])(?:{_trie_regex(latin)})(?![{_LATIN}])"
        f"|{_trie_regex(han)}"
    )
    return _Lexicon(re.compile(pattern, re.IGNORECASE), MappingProxyType(by_alias), MappingProxyType(by_key))


def _records() -> list[_Record]:
    """Countries and organisations, then cities (built once, then from qa.text.derived)."""
    packages = ("babel", "pycountry", "countrystatecity-translations")
    return derived("places", LEXICON_VERSION, packages, lambda: [*_countries_and_orgs(), *_cities()])


def _countries_and_orgs() -> list[_Record]:
    from babel import Locale
    from babel.core import get_global

    en = Locale("en").territories
    zh, zh_hant = Locale("zh").territories, Locale("zh_Hant").territories
    spoken = get_global("territory_languages")
    csc_en, csc_zh = _countrystatecity_names()
    adjectives = _adjectives()
    # A regular adjective two countries would share (Niger and Nigeria: "Nigerian") names neither.
    formed = Counter(d for n in en.values() if re.fullmatch(r"[A-Z][a-z]{3,}", n) for d in _demonyms(n))
    records = []
    for code, name in en.items():
        kind = _territory_kind(code, spoken)
        if kind is None:
            continue
        iso = _pycountry_names(code)
        english = [name, *iso["en"], *csc_en.get(code, ())]
        chinese = [zh.get(code, ""), *csc_zh.get(code, ()), *iso["zh_CN"],
                   zh_hant.get(code, ""), *iso["zh_TW"], *iso["zh_HK"]]
        aliases = _unique(v for n in english for v in _english_variants(n))
        aliases += _unique(adjectives.get(code, ()))
        if kind == "country" and re.fullmatch(r"[A-Z][a-z]{3,}", name):
            aliases += [d for d in _demonyms(name) if d not in aliases and formed[d] == 1 and d not in NOT_DEMONYMS]
        records.append(_Record(code, kind, name, _chinese(chinese), tuple(aliases)))
    return records


# Regular forms that mostly name something else in English text: "Indian"
# is as often the peoples of the Americas or the Indian Ocean ("a famous
# Indian", XQuAD showed, is a person, not a reference to India's passages).
NOT_DEMONYMS = frozenset({"Indian", "Indians"})


def _demonyms(name: str) -> list[str]:
    """The regular English adjective of a one-word country name, with its
    plural, by English word formation (CLDR's language names give only the
    countries a language is named after: no "Chilean", "Peruvian",
    "Brazilian", "Mexican"): -ia/-a + n (Armenian, Cuban), -e + an (Chilean),
    -o -> -an (Mexican), -u + vian (Peruvian), -y -> -ian (Italian), a
    consonant + ian (Brazilian, Egyptian). An irregular country gets a form
    nobody writes ("Germanian"), which matches nothing."""
    if name.endswith("a"):
        adj = name + "n"
    elif name.endswith("e"):
        adj = name + "an"
    elif name.endswith("o"):
        adj = name[:-1] + "an"
    elif name.endswith("u"):
        adj = name + "vian"
    elif name.endswith("y"):
        adj = name[:-1] + "ian"
    elif name[-1] in "aeiou":
        return []
    else:
        adj = name + "ian"
    return [adj, adj + "s"]


def _territory_kind(code: str, spoken: Mapping[str, object]) -> str | None:
    """CLDR codes: numeric ones are world regions, Q?/X?/ZZ are private use or
    unknown; an alphabetic code with population data is a country, one
    without (EU, UN, EZ) is a grouping of countries, i.e. an organisation."""
    if code.isdigit() or code == "ZZ":
        return None
    if code in spoken:
        return "country"
    return None if code[0] in "QX" else "org"


def _pycountry_names(code: str) -> dict[str, list[str]]:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    fields = ("name", "official_name", "common_name")
    english = [n for n in (getattr(country, f, None) for f in fields) if n]
    names = {lang: [_iso_catalog(lang).gettext(n) for n in english]
             for lang in ("zh_CN", "zh_TW", "zh_HK")}
    return {"en": english, **names}


@functools.lru_cache(maxsize=None)
def _iso_catalog(lang: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _countrystatecity_names() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    from countrystatecity_translations import get_translations_by_language

    english: dict[str, list[str]] = {}
    chinese: dict[str, list[str]] = {}
    for t in get_translations_by_language("zh-CN"):
        english.setdefault(t.countryCode, []).append(t.countryName)
        chinese.setdefault(t.countryCode, []).append(t.translation)
    return english, chinese


def _adjectives() -> dict[str, list[str]]:
    """English adjectives/demonyms from CLDR language names: a language whose
    likely territory is T and whose name shares its first three letters with a
    word of T's name ("Kazakh"/Kazakhstan, "Chinese"/China, "Korean"/South
    Korea). The prefix test drops "English" -> US or "Portuguese" -> Brazil;
    it also misses "French", "Dutch", "Turkish" (no shared prefix)."""
    from babel import Locale
    from babel.core import get_global

    likely = get_global("likely_subtags")
    territories = Locale("en").territories
    adjectives: dict[str, list[str]] = {}
    for code, name in Locale("en").languages.items():
        territory = likely.get(code, "").split("_")[-1]
        if "_" in code or " " in name or territory not in territories:
            continue
        words = re.findall(rf"[{_LATIN}]+", territories[territory])
        if any(len(w) >= 3 and w[:3].lower() == name[:3].lower() for w in words):
            plural = name if re.search(r"(s|sh|ch|ese|[xz])$", name) else name + "s"
            adjectives.setdefault(territory, []).extend(_unique((name, plural)))
    return adjectives


def _cities() -> list[_Record]:
    """Major cities from CLDR time-zone exemplar cities (Almaty, Tashkent,
    Moscow, Tokyo...). CLDR has no zone for many capitals (Astana, Beijing)."""
    from babel import Locale
    from babel.core import get_global

    en, zh = Locale("en").time_zones, Locale("zh").time_zones
    zh_hant = Locale("zh_Hant").time_zones
    records = []
    for zone, territory in get_global("zone_territories").items():
        area, _, place = zone.partition("/")
        if area not in _CITY_AREAS or "/" in place:
            continue  # sub-zones like America/Indiana/Knox are small towns
        name = (en.get(zone) or {}).get("city") or place.replace("_", " ")
        chinese = [(zones.get(zone) or {}).get("city", "") for zones in (zh, zh_hant)]
        names_zh = _chinese(chinese)
        if names_zh:
            records.append(_Record(zone, "city", name, names_zh, (name,)))
    return records


# The entity table's version: raise it when the table's rules change, so the
# derived cache is rebuilt and indexes recompute their entity postings
# (qa.index.cache.current_postings).
LEXICON_VERSION = 16
QUALIFIER = re.compile(r"[A-Z.]{2,5}|\w+(?:ish|ch|ese)|.* part|.* of")


def _english_variants(name: str) -> Iterator[str]:
    """Spellings of one English name: "Korea, Republic of" -> "Republic of
    Korea"; "Myanmar (Burma)" -> "Myanmar", "Burma"; "&" -> "and"."""
    head, comma, tail = name.partition(", ")
    if comma:
        name = f"{tail} {head}"
    name = re.sub(r"^(?:the|The) ", "", name)
    yield name
    yield name.replace("&", "and")
    outer = re.sub(r"\s*\(.*?\)", "", name)
    if outer != name:
        yield outer.strip()
        # "(Burma)", "(Holy See)" name the country; "(British)", "(US)",
        # "(French part)" only say whose it is: "British" alone is the UK's word.
        yield from (p for p in re.findall(r"\((.*?)\)", name) if not QUALIFIER.fullmatch(p))


def _chinese(names: Iterable[str]) -> tuple[str, ...]:
    """Keep strings that are really Chinese (gettext returns English when a
    translation is missing) and longer than one character, which is too
    ambiguous to search for."""
    return tuple(_unique(n.strip() for n in names if _HAN.search(n or "") and len(n.strip()) > 1))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _trie_regex(words: Iterable[str]) -> str:
    """One regex for many words: a trie turned into nested groups, so matching
    costs one pass over the text instead of one try per word, and greedy
    optional groups make the longest word win."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def pair_entities(text: str) -> list[Entity]:
    """Countries named by pair abbreviations such as 中哈, 哈俄, 中美 (see PAIR_CHARS).

    A run inside a longer known name (加德满都, 哈萨克斯坦) is not a pair:
    the full names found by `find_entities` claim their characters first.
    """
    lexicon = _lexicon()
    out: list[Entity] = []
    for run in _pair_runs(text):
        for ch in run:
            record = lexicon.by_key.get(pair_key(ch, run))
            if record and all(e.key != record.key for e in out):
                out.append(Entity(record.key, record.kind, record.name_en, record.names_zh, ch))
    return out


def _pair_runs(text: str) -> Iterator[str]:
    """Each pair run with its characters, in text order: two or three such
    characters, or a list of them with 、 ("哈、吉、俄三国"), only before the
    words such pairs qualify (中哈贸易, 哈俄关系): transliterated names are made
    of the same characters (泰德 = Ted, 蒙泰罗 = Monteiro)."""
    lexicon = _lexicon()
    taken = [(m.start(), m.end()) for m in lexicon.pattern.finditer(text) if len(m.group()) > 1]
    chars = "".join(PAIR_CHARS) + "".join(SHARED_FORMS)
    for m in re.finditer(f"(?:[{chars}]{{2,3}}|[{chars}](?:、[{chars}])+)(?={PAIR_CONTEXT})", text):
        if not (any(a < m.end() and m.start() < b for a, b in taken) or _in_asia(text, m.start(), m.end())):
            run = m.group().replace("、", "")
            if m.start() > 0 and len(run) == 3 and _ends_a_word(text[m.start() - 1 : m.start() + 1]):
                run = run[1:]  # "参加哈中企业家委员会": 加 ends 参加 (to attend), no Canada
            elif m.start() > 0 and _ends_a_word(text[m.start() - 1 : m.start() + 1]):
                continue
            yield run


def _ends_a_word(pair: str) -> bool:
    """Two characters that are a word of the dictionary (参加, 增加, 更加): the
    second belongs to it, not to a run of country forms after it."""
    from qa.text.lexical import english_for  # the dictionary, read once it is needed

    return bool(english_for(pair))


# A form two countries share, read by the forms beside it: 土 is Turkmenistan
# beside a Central Asian state (哈土, 吉土, 塔土: Central Asian news writes the
# Turkmen pair so) and Turkey elsewhere (中土关系, 俄土). Only in pair runs and
# flows: alone, 土 is earth (土方, 土地).
# So is 乌: Uzbekistan beside a Central Asian state (哈乌, 吉乌), Ukraine
# elsewhere (俄乌, 美乌谈判: the usage of Chinese news on the war and its talks).
# 阿 is Azerbaijan only beside 亚 (亚阿, 阿亚: the Armenia–Azerbaijan pair of
# Chinese news on the Karabakh conflict and its peace); elsewhere it may be
# Afghanistan, the UAE or the Arab states (中阿合作论坛), so it names none.
SHARED_FORMS = {"土": ("TM", "哈吉塔", "TR"), "乌": ("UZ", "哈吉塔土", "UA"), "阿": ("AZ", "亚", None)}


def pair_key(ch: str, run: str) -> str | None:
    """The country a one-character form names within its pair run."""
    if ch in SHARED_FORMS:
        near, neighbours, otherwise = SHARED_FORMS[ch]
        return near if any(c in neighbours for c in run) else otherwise
    return PAIR_CHARS[ch]


def _in_asia(text: str, start: int, end: int) -> bool:
    """A 亚 between start and end is part of a word for Asia (aliases.ASIA): 中亚峰会 is no China–Armenia pair."""
    return any(m.start() < end and start < m.end() and "亚" in text[max(start, m.start()):min(end, m.end())]
               for m in re.finditer(ASIA, text))


# "哈方向吉尔吉斯斯坦出口", "中方投资": a one-character form with 方 is that
# country's side. Only where it starts a word (after a year, 与, 、 …): inside
# words the same characters mean other things (增加方式, 算法方面, 同意方案).
SIDE_FORM = re.compile(rf"(?:^|(?<=[\s\d年与和及、，,；;：:“（(带含]))([{''.join(PAIR_CHARS)}])方(?!面|法|案|式|针|便|位|言|块|程|正)")


# "访美" (visited the US), "赴俄", "中资企业" (Chinese-funded), "俄资": a
# one-character form after a visit verb or before 资 (capital) names the country
# wherever it stands; 华 is China there too (访华, 华资).
VISIT_OR_CAPITAL = re.compile(rf"(?<=[访赴])([{''.join(PAIR_CHARS)}华])|([{''.join(PAIR_CHARS)}华])(?=资(?!料|格|讯|质|源|金))")


# "哈对吉出口", "吉向哈投资": one-character forms on both sides of 对/向 before
# a flow word are the flow's two countries (where a word starts, as SIDE_FORM).
FLOW_FORM = re.compile(rf"(?:^|(?<=[\s\d年月与和及、，,；;：:“（(]))([{''.join(PAIR_CHARS)}土])[对向]([{''.join(PAIR_CHARS)}土])"
                       r"(?=的?(?:出口|进口|投资|贸易|供应|出售|运输|输送))")


# "哈萨克斯坦对俄出口", "从中进口": a one-character form right after 对/向/从
# and before a flow word is the flow's other country (the first one named in
# full). 土 is read against the whole question (SHARED_FORMS): 哈萨克斯坦对土出口.
DIRECTED_FORM = re.compile(rf"(?<=[对向从])([{''.join(PAIR_CHARS)}土])(?=的?(?:出口|进口|投资|贸易|供应|出售|运输|输送))")


# "哈国境内", "跟吉国做生意": a one-character form with 国 is that country,
# where a word starts (as SIDE_FORM), or anywhere for the forms that end no
# common word (GUO_ANYWHERE: not 参加国, 所以国家, 今日国…); not 国 starting another word (外国,
# 参加国, 以国家名义: 国家, 国际, 国内 …; 对俄国事访问 is a state visit to Russia).
GUO_ANYWHERE = "哈吉塔俄蒙韩泰缅柬菲荷葡澳"
COUNTRY_FORM = re.compile(rf"(?:(?:^|(?<=[\s\d年月与和及、，,；;：:“（(在从向对往赴跟同的]))([{''.join(PAIR_CHARS)}土])|([{GUO_ANYWHERE}]))国"
                          r"(?!家|际|内|外|王|有|土|民|债|库|会|企|务|籍|旗|歌|情|力|界|营|防|度|产|学|庆|策|宝|画|语|粹|运|门|道|手|君|事|宾|礼|是|格|色|父|母)")


# "在哈运营", "在华开设", "在哈境内": a one-character form after 在/来/驻 as the
# place where something is run, set up or done (not elsewhere: "增加境外投资"
# holds 加 before 境, and 加 is Canada only as a word of its own).
IN_COUNTRY_FORM = re.compile(rf"(?<=[在来驻])([{''.join(PAIR_CHARS)}华])(?=运营|经营|落地|设厂|设立|开设|开办|投资|工作|学习|留学|生活|举办|举行|境)")


def side_entities(text: str) -> list[Entity]:
    """Countries named as a side ("哈方", "中方"), a visit's destination
    ("访美"), a source of capital ("中资"), the place where something is done
    ("在哈运营", "在哈境内") or by their form with 国 ("哈国")."""
    lexicon = _lexicon()
    out: list[Entity] = []
    for m in (*VISIT_OR_CAPITAL.finditer(text), *IN_COUNTRY_FORM.finditer(text)):
        ch = next(g for g in m.groups() if g)
        record = lexicon.by_key.get("CN" if ch == "华" else PAIR_CHARS[ch])
        if record and all(e.key != record.key for e in out):
            out.append(Entity(record.key, record.kind, record.name_en, record.names_zh, ch))
    found = [(m.group(1), m.group(1)) for m in SIDE_FORM.finditer(text)]
    found += [(ch, "".join(m.groups())) for m in FLOW_FORM.finditer(text) for ch in m.groups()]
    found += [(m.group(1) or m.group(2), m.group()) for m in COUNTRY_FORM.finditer(text)]
    found += [(m.group(1), text) for m in DIRECTED_FORM.finditer(text)]
    for ch, run in found:
        record = lexicon.by_key.get(pair_key(ch, run))
        if record and all(e.key != record.key for e in out):
            out.append(Entity(record.key, record.kind, record.name_en, record.names_zh, ch))
    return out
