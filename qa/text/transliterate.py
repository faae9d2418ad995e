"""Latin-script names found in their Chinese transliteration: Japarov -> 扎帕罗夫,
Tokayev -> 托卡耶夫, Priestley -> 普利斯特里.

An English question names a person or place in Latin letters; a Chinese
article writes it in characters chosen for their sound, and no dictionary
lists most of them. A Latin name and a run of Chinese characters are taken to
be the same name when the characters' pinyin can be read as the name's sounds,
syllable by syllable:

- consonants by class (b/p, d/t, g/k, s/z/sh/ch/j, f/v/w, l/r, m, n, h), with
  the classes Chinese transliteration lets a pinyin initial stand for (j, q, x
  also render k and h: 基洛夫 Kirov, 希 hi);
- vowels by a lenient class (a, e, i, o, u), the glide y opening a syllable of
  its own (Tokayev: 托卡耶夫);
- a bare consonant of the name read as a syllable with a filler vowel (德 de,
  夫 fu, 斯 si, 克 ke), 尔 read as an r or l, a final -n/-ng as a nasal.

Which characters transliterate: those of at least MIN_SEEN CC-CEDICT proper
names whose English sense is a Latin word with the same consonants, class
by class (vowels are spelt too freely there: Sarah for 萨拉), and is not the
name's own pinyin (大同 Datong is romanised, not transliterated). Function characters (的, 和, 与...) are left out: they would
join a name to the words around it.

A name is looked for where a run of such characters starts (its first
character follows another kind), or inside a run when the match is long
(INSIDE_CHARS); a match is at least MIN_CHARS characters or a whole run.

Measured on XQuAD's English questions over its Chinese paragraphs
(2026-11-28; its 165 capitalised words of MIN_LETTERS or more that no
dictionary translates, each looked for in all 240 paragraphs): the question's
own paragraph gives a transliteration for 49, and 216 (word, other paragraph)
pairs give one too, mostly real namesakes or short sound-alikes (Peyton:
巴托尼). MIN_SEEN was chosen there on an earlier version of these rules: 2 /
3 / 4 gave 47 / 45 / 44 own paragraphs against 277 / 184 / 163 others.
Names Chinese renders irregularly (Putin 普京, Trump 特朗普) are not found.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text.derived import derived
from qa.text.lexical import CEDICT_PACKAGES, cedict_entries

MIN_SEEN = 4  # transliterations a character must appear in (see above)
MIN_CHARS = 3  # characters of a match, unless it is a whole run ("培顿" for Peyton)
INSIDE_CHARS = 4  # characters of a match that does not open its run
MIN_LETTERS = 5  # Latin names shorter than this match too many short runs (Gaga: 卡卡, 加哥, 杰克)
MAX_CHARS = 10  # no transliterated name is longer
FUNCTION_CHARS = frozenset("的了和与及在是为对将也等并中有以于其这该之年月日")

# Latin letters -> consonant classes; longest spellings first.
_LATIN = sorted([
    ("sch", "S"), ("dzh", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"), ("jh", "S"), ("kh", "H"), ("ts", "S"), ("tz", "S"),
    ("ph", "F"), ("th", "T"), ("ck", "K"), ("gh", "K"), ("dj", "S"), ("ng", "N"),
    ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"), ("q", "K"), ("c", "KS"), ("x", "K"),
    ("j", "S"), ("z", "S"), ("s", "S"), ("f", "F"), ("v", "F"), ("w", "FH"), ("l", "L"), ("r", "LR"), ("m", "M"),
    ("n", "N"), ("h", "H"),
], key=lambda x: -len(x[0]))
_VOWELS = {"a": "a", "e": "e", "i": "i", "y": "i", "o": "o", "u": "u"}
# Pinyin initials -> the classes they may stand for; "" for y (a glide).
_INITIALS = [("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"), ("g", "K"), ("k", "K"),
             ("j", "SK"), ("q", "SK"), ("x", "SH"), ("z", "S"), ("c", "S"), ("s", "S"), ("f", "F"), ("w", "FH"), ("l", "L"),
             ("r", "L"), ("m", "M"), ("n", "N"), ("h", "HK"), ("y", "")]
# A Chinese vowel class and the Latin vowels it renders (科 ke for "ko", 莱 lai
# for "li", 冈 gang for "gon").
_VOWEL_FITS = {"a": {"a", "e", "o"}, "e": {"e", "i", "a", "o"}, "i": {"i", "e"}, "o": {"o", "u", "a"}, "u": {"u", "o"}}
_FILLERS = {"e", "u", "i"}  # the vowels Chinese adds to a bare consonant

Token = tuple[str, str]  # ("C", classes) | ("V", vowel) | ("G", vowel after a glide y)
Syllable = tuple[str, str, bool, bool]  # (initial classes, vowel class, ends in a nasal, is 尔)


def latin_tokens(word: str) -> tuple[Token, ...]:
    """A Latin name as consonant classes and vowel groups: Tokayev -> T o K a G(e) F."""
    w, out, i = word.lower(), [], 0
    while i < len(w):
        if w[i] in _VOWELS:
            j = i + 1
            while j < len(w) and w[j] in _VOWELS and not (w[j] == "y" and j + 1 < len(w) and w[j + 1] in _VOWELS):
                j += 1
            group = w[i:j]
            out.append(("G", _VOWELS[group[1]]) if group[0] == "y" and len(group) > 1 else ("V", _VOWELS[group[0]]))
            i = j
            continue
        for spelling, cls in _LATIN:
            if spelling == "ng" and i + 2 < len(w) and w[i + 2] in _VOWELS:
                continue  # n then g before a vowel (Gurbanguly); a nasal otherwise (Washington)
            if w.startswith(spelling, i):
                if not out or out[-1] != ("C", cls):  # a doubled consonant is one sound
                    out.append(("C", cls))
                i += len(spelling)
                break
        else:
            i += 1  # a hyphen, an apostrophe
    return tuple(out)


def syllable(pinyin: str) -> Syllable:
    """One pinyin syllable ("luo2") as initial classes, vowel class and nasal ending."""
    s = re.sub(r"\d", "", pinyin.lower()).replace("u:", "v").replace("ü", "v")
    if s == "er":
        return ("L", "e", False, True)
    initial = ""
    for spelling, cls in _INITIALS:
        if s.startswith(spelling):
            initial, s = cls, s[len(spelling):]
            break
    nasal = s.endswith("n") or s.endswith("ng")
    core = re.sub(r"ng?$", "", s)
    if not core:
        vowel = "e"
    elif core in ("ao", "iao"):
        vowel = "o"  # 奥 for o, 乔 for cho
    elif core in ("ai", "uai"):
        vowel = "e"  # 莱 for le, li
    elif core[0] == "i" and len(core) > 1:
        vowel = {"a": "a", "e": "e", "o": "o", "u": "o"}.get(core[1], "i")
    elif core[0] == "u" and len(core) > 1:
        vowel = {"a": "a", "o": "o", "e": "e", "i": "e"}.get(core[1], "u")
    elif core[0] == "v":
        vowel = "u"
    else:
        vowel = core[0] if core[0] in "aeiou" else "e"
    return (initial, vowel, nasal, False)


def _step(name: tuple[Token, ...], at: int, syl: Syllable) -> list[int]:
    """Positions in the name's tokens after reading one Chinese syllable from `at`."""
    initial, vowel, nasal, is_er = syl
    ends: list[int] = []
    k = at
    if is_er:  # 尔: an r or l, with or without the vowel before it
        if k < len(name) and name[k][0] == "C" and "L" in name[k][1]:
            ends.append(k + 1)
        if k + 1 < len(name) and name[k][0] == "V" and name[k + 1][0] == "C" and "L" in name[k + 1][1]:
            ends.append(k + 2)
    else:
        if initial:
            if not (k < len(name) and name[k][0] == "C" and set(name[k][1]) & set(initial)):
                return []
            k += 1
        elif k < len(name) and name[k] == ("C", "H"):
            k += 1  # an h before a syllable with no initial (Shah)
        if k < len(name) and name[k][0] in "VG" and name[k][1] in _VOWEL_FITS[vowel]:
            ends.append(k + 1)
            if k + 2 < len(name) and name[k + 1] == ("C", "LR") and name[k + 2][0] == "C":
                ends.append(k + 2)  # an r after a vowel, before a consonant, often goes unwritten (berg: 贝格)
        if vowel == "i" and initial and k < len(name) and name[k][0] == "G":
            ends.append(k)  # 尼 before 扬 for "nya"
        if vowel in _FILLERS and initial and (k >= len(name) or name[k][0] == "C"):
            ends.append(k)  # a bare consonant read with a filler vowel
    out = []
    for e in ends:
        out.append(e)
        if nasal and e < len(name) and name[e][0] == "C" and set(name[e][1]) & {"N", "M"}:
            out.append(e + 1)
    return out


def sounds_like(word: str, chinese: str) -> bool:
    """Whether the Chinese characters can be read as the Latin name, whole."""
    table = _pinyin()
    name, at = latin_tokens(word), {0}
    for ch in chinese:
        if ch not in table:
            return False
        at = _advance(name, at, ch)
    return len(name) in at


def runs(text: str) -> list[str]:
    """The runs of transliterating characters in a text (two or more)."""
    return [m.group() for m in name_runs(text)]


def name_runs(text: str) -> list[re.Match]:
    """The runs of transliterating characters in a text, with where they stand."""
    return list(_run_pattern().finditer(text))


class NameIndex:
    """Where each transliterating character stands in a library's runs, so
    that a name is read only from the places whose first character can open it."""

    def __init__(self, texts):
        self.runs = sorted({r for t in texts for r in runs(t)})
        self.starts: dict[str, list[tuple[int, int]]] = {}
        for n, run in enumerate(self.runs):
            for i, ch in enumerate(run[:-1]):
                self.starts.setdefault(ch, []).append((n, i))

    def forms(self, word: str) -> tuple[str, ...]:
        """The transliterations of a Latin name in the runs: opening a run, or
        inside one when at least INSIDE_CHARS long (拉夫罗夫 in 外长拉夫罗夫)."""
        name = latin_tokens(word)
        if len(name) < 3:
            return ()
        found = []
        for ch, places in self.starts.items():
            first = _advance(name, {0}, ch, opening=True)
            for n, i in places if first else ():
                found += _read_from(name, self.runs[n], i, first)
        # The longest reading only: not 尔巴尼斯 beside 阿尔巴尼斯.
        return tuple(f for f in dict.fromkeys(found) if not any(f != g and f in g for g in found))


def _advance(name: tuple[Token, ...], at: set[int], ch: str, opening: bool = False) -> set[int]:
    """Positions in the name's tokens after reading one more character, by
    any of its readings (叶 ye, not only xie); no name opens with 尔."""
    return {e for a in at for syl in _syllables_of(ch) if not (opening and syl[3]) for e in _step(name, a, syl)}


def _read_from(name: tuple[Token, ...], run: str, i: int, first: set[int]) -> list[str]:
    """The matches of the name starting at run[i], whose first syllable left it at `first`."""
    out, at, j = [], first, i
    while at:
        if len(name) in at and j > i and _long_enough(j + 1 - i, i == 0, j + 1 == len(run)):
            out.append(run[i : j + 1])
        j += 1
        if j >= len(run) or j - i >= MAX_CHARS:
            break
        at = _advance(name, at, run[j])
    return out


@lru_cache(maxsize=4096)
def _syllables_of(ch: str) -> tuple[Syllable, ...]:
    return tuple(dict.fromkeys(syllable(p) for p in _pinyin()[ch]))


def _long_enough(size: int, opens_run: bool, closes_run: bool) -> bool:
    if not opens_run:
        return size >= INSIDE_CHARS
    return size >= MIN_CHARS or closes_run


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(_pinyin()))) + "]{2,}")


def prepare() -> None:
    """Build (or load) the character table now rather than at the first name
    asked: ~2.5 s the first time on a machine, then ~30 ms from the cache."""
    _pinyin()


@lru_cache(maxsize=1)
def _pinyin() -> dict[str, tuple[str, ...]]:
    """Transliterating character -> its pinyin readings (built once, then from qa.text.derived)."""
    return derived("transliteration", 2, CEDICT_PACKAGES, _build)


def _build() -> dict[str, tuple[str, ...]]:
    readings: dict[str, list[str]] = {}
    names = []
    for simp, pinyin, senses in cedict_entries():
        if len(simp) == 1:
            # Every reading of a character, its reading as a surname too (萨 Sa)
            readings.setdefault(simp, []).append(pinyin.lower())
        elif len(simp) >= 2 and pinyin[:1].isupper():
            names.append((simp, pinyin.split(), senses))
    seen: dict[str, int] = {}
    for simp, syllables, senses in names:
        if len(syllables) != len(simp):
            continue
        sylls = [syllable(s) for s in syllables]
        romanised = re.sub(r"[\d:]", "", "".join(syllables).lower())
        # The English sense names it: "Pavlov (name)", "George Byron (1788-1824)": a word, or two run together.
        latin = re.findall(r"[A-Z][a-z]+", senses[0].split("(")[0])
        spellings = {w.lower() for w in latin} | {(a + b).lower() for a, b in zip(latin, latin[1:])}
        if any(w != romanised and _consonants_fit(w, sylls) for w in spellings):  # not a romanised Chinese name (大同 Datong)
            for ch in set(simp):
                seen[ch] = seen.get(ch, 0) + 1
    return {ch: tuple(dict.fromkeys(readings[ch])) for ch, n in seen.items()
            if n >= MIN_SEEN and ch in readings and ch not in FUNCTION_CHARS}


def _consonants_fit(latin: str, syllables: list[Syllable]) -> bool:
    """The name's consonants, in order, are the syllables' initials, 尔 and
    nasal endings, class by class (vowels left out: the dictionary's English
    spellings are too free for the syllable reading, e.g. Sarah for 萨拉)."""
    ours = [cls for kind, cls in latin_tokens(latin) if kind == "C"]
    theirs: list[str] = []
    for initial, _, nasal, is_er in syllables:
        theirs += ["L"] if is_er else [initial] if initial else []
        theirs += ["N"] if nasal else []
    theirs = [c for i, c in enumerate(theirs) if i == 0 or c != theirs[i - 1]]
    return len(ours) >= 2 and len(ours) == len(theirs) and all(set(a) & set(b) for a, b in zip(ours, theirs))
