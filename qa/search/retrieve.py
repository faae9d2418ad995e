"""Stage 4: hybrid retrieval, every retriever's candidates fused into one ranking.

The rule (tested in tests/test_retrieve.py):

1. Candidates: the union of each retriever's top `candidates` passages
   (FAISS over paragraphs and over sentences for every encoder, and BM25).
2. Exact features for every candidate: per encoder the cosine of the
   paragraph and the best cosine of its sentences; the BM25 score.
3. Each feature is z-scored over the candidates (so a retriever's scale does
   not matter, only how far a passage stands out) and summed with the
   weights in `Settings.weights`.
4. Two boosts: question entities the passage (or its article's subject) is
   about, weighted by how specific the entity is in this corpus (named by
   every article: ~0); and the share of the question's numbers and Latin
   words that the passage contains literally.
5. A question and a passage in different languages share no words, so the
   lexical query also gets the entities' names in both languages and the
   other language's dictionary (CC-CEDICT) forms of the topic words (words
   with at most MAX_FORMS senses; more would be noise), and BM25 weighs less
   there (`bm25_across_scripts`), blended by the gap in script between the
   question and each passage. What the question asks comes from the question
   stage (qa.question.Question).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from qa.ingest.corpus import Passage
from qa.index.contract import Store
from qa.question import Question, Term, analyze
from qa.settings import Settings
from qa.text.entities import Entity, pair_entities
from qa.text.vocab import INDICATORS, indicator_words
from qa.text.lexical import fold, latin_share, mainland, phrase_forms, tokenize
from qa.text.transliterate import MIN_LETTERS, NameIndex


MAX_FORMS = 6  # translations per English word that may join the lexical query
# Of a word with more, the senses the library uses that may join it
# (Retriever.other_forms). Measured on the team's own five-article sets
# (1,031 answerable English questions, first passage right): 0.891 with none
# of them, 0.901 / 0.903 / 0.904 / 0.904 with up to 4 / 8 / 12 / 20; 8 is the
# middle of that plateau. XQuAD English over Chinese (measured, not fitted):
# 1,031 -> 1,044 of 1,190 first passages right.
MAX_HELD_FORMS = 8
# A candidate whose share of Latin letters differs from the question's by more
# than this is in the other script (a mixed passage sits between).
ACROSS = 0.5


def held_forms(forms: tuple[str, ...], words: frozenset[str]) -> tuple[str, ...]:
    """The forms whose every token the library holds (`words`), or none when
    even those are more than MAX_HELD_FORMS."""
    held = tuple(f for f in forms if (toks := tokenize(f)) and all(w in words for w in toks))
    return held if len(held) <= MAX_HELD_FORMS else ()


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    sentence: str
    sentence_sim: float  # mean best-sentence cosine over encoders, for calibration
    why: dict = field(default_factory=dict)  # signal -> weighted contribution
    sentence_sims: tuple[float, ...] = ()  # every sentence's mean cosine, in order
    # The paragraph before it in its article: an undated paragraph continues
    # its time frame (qa.answer.constraints dates a clause by it).
    before: str = ""


QUERY_CACHE = 256  # query vectors kept per Retriever (~1.5 KB each for e5 and USE)
# Libraries up to this many passages are scanned once for transliterated
# names (qa.text.transliterate.NameIndex: a place per character of a name-like
# run, ~40 MB at this size); a larger one is not, and a Latin name is then
# found only by the encoders.
NAME_SCAN_MAX = 20_000
PARALLEL_MIN = 20_000  # passages; below, one search takes ~0.1 ms and a thread hand-off costs more


@lru_cache(maxsize=1)
def _search_pool():
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="qa-search")


@lru_cache(maxsize=1)
def _encode_pool():
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="qa-encode")


def _search(job) -> np.ndarray:
    """Rows of one dense index's top k (sentence hits mapped to their passages)."""
    store, level, eid, qv, k = job
    return store.dense_top(level, eid, qv, k)


def _member(rows: np.ndarray, post: np.ndarray) -> np.ndarray:
    """rows that occur in `post`, an ascending posting list (both index
    writers append passage rows in order). A binary search per candidate:
    np.isin sorted the whole list per question, ~30 ms for a country named by
    a third of a million passages."""
    if len(post) == 0:
        return np.zeros(len(rows), bool)
    pos = np.minimum(np.searchsorted(post, rows), len(post) - 1)
    return post[pos] == rows


def _zscore(x: np.ndarray) -> np.ndarray:
    if len(x) < 2:
        return np.zeros_like(x)
    sd = float(x.std())
    return (x - float(x.mean())) / sd if sd > 1e-6 else np.zeros_like(x)


class Retriever:
    def __init__(self, index: Store, encoders: dict, settings: Settings):
        self.ix = index
        self.encoders = encoders  # id -> Encoder
        self.s = settings
        counts = np.bincount(index.sent_owner, minlength=len(index.passages))
        self.sent_start = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self.sent_count = counts.astype(np.int64)
        self._latin = np.full(len(index.passages), np.nan, np.float32)
        self._qvecs: OrderedDict = OrderedDict()  # (encoder, text) -> vector, the latest QUERY_CACHE
        self._names: NameIndex | None = None  # the library's transliterated names, read on first use
        self._words: frozenset[str] | None = None  # the library's lexical tokens, read on first use
        self._held: dict[tuple[str, ...], tuple[str, ...]] = {}  # a word's dictionary forms -> those the library holds
        self._forms: dict[str, tuple[str, ...]] = {}  # Latin name -> its transliterations in the library
        self._pairs: dict[str, bool] = {}  # country key -> named in some passage's pair form (missing())
        self._qlock = threading.Lock()

    def missing(self, question: Question) -> tuple[Entity, ...]:
        """Countries the question names that no passage of the library names.
        Only countries decide this: city names from time-zone data include
        ordinary words ("Regina", "Phoenix") that must not veto an answer."""
        return tuple(e for e in question.countries if len(self.ix.entity_postings.get(e.key, ())) == 0 and not self._paired(e.key))

    def _paired(self, key: str) -> bool:
        """Whether some passage names the country only in a pair form (美乌谈判:
        the US and Ukraine). Pair forms stay out of the entity postings (a
        passage on 哈俄 trade is found by its article's subject); here they only
        keep a country from being called absent. Read once per country, for a
        library small enough to scan (NAME_SCAN_MAX)."""
        if key not in self._pairs:
            passages = self.ix.passages
            self._pairs[key] = len(passages) <= NAME_SCAN_MAX and any(
                e.key == key for p in passages for e in pair_entities(fold(p.text)))
        return self._pairs[key]

    def search(self, question: Question | str, k: int | None = None, exclude: frozenset[str] = frozenset()) -> list[Hit]:
        """The top k passages. `exclude`: docs, or (doc, paragraph) pairs, left out
        as if removed from the library (the answerability fit and the removal
        benchmark ask questions whose paragraph is gone)."""
        q = analyze(question) if isinstance(question, str) else question
        k = k or self.s.k
        # Passages are embedded folded to Simplified (qa.index.loaded); so is the query.
        qvecs = self._query_vectors(fold(q.model_text))
        lits = self._literal_forms(q)  # read by the lexical query and the literal feature
        bm25_tokens = self._query_tokens(q, lits)  # scored by the store (qa.index.contract)
        cand = self._candidates(qvecs, bm25_tokens)
        gvecs, cand = self._gloss_vectors(q, cand)
        if exclude:
            kept = [r for r in cand if (p := self.ix.passages[int(r)]).doc not in exclude and (p.doc, p.para_no) not in exclude]
            cand = np.array(kept, dtype=cand.dtype)
        feats, best_row, sent_sim, (mean_sim, seg, counts) = self._features(cand, qvecs, bm25_tokens, q, gvecs, lits)
        total = sum(feats.values())
        order = np.argsort(-total, kind="stable")[:k]
        hits = []
        for j in order:  # texts are read for the k hits only, not for every candidate
            p = self.ix.passages[cand[j]]
            why = {name: round(float(v[j]), 3) for name, v in feats.items()}
            per_sent = tuple(float(x) for x in mean_sim[seg[j] : seg[j] + counts[j]])
            hits.append(Hit(p, float(total[j]), self.ix.sent_text[best_row[j]], float(sent_sim[j]), why, per_sent,
                            self._before(int(cand[j]))))
        return hits

    def _query_vectors(self, text: str) -> dict:
        """Every encoder's vector of the query. The encoders run side by side:
        each releases the GIL in its products (PyTorch, NumPy) and a query
        keeps one core busy, so on two cores the second one (USE, ~3 ms) costs
        no time beside e5 (~10 ms)."""
        ids = list(self.encoders)
        if len(ids) < 2 or (os.cpu_count() or 1) < 2:
            return {eid: self._query_vector(eid, text) for eid in ids}
        later = {eid: _encode_pool().submit(self._query_vector, eid, text) for eid in ids[1:]}
        first = self._query_vector(ids[0], text)
        return {ids[0]: first, **{eid: f.result() for eid, f in later.items()}}

    def _query_vector(self, eid: str, text: str) -> np.ndarray:
        """The encoder's vector of a query, kept for the latest QUERY_CACHE: the
        sides of a comparison search with the question's own text, and a chat
        is often asked the same thing again. Encoding is deterministic, so a
        kept vector is the one encoding would give."""
        key = (eid, text)
        with self._qlock:
            vec = self._qvecs.get(key)
        if vec is None:
            vec = self.encoders[eid].encode_queries([text])[0]
            with self._qlock:  # encoders fill it from two threads (_query_vectors)
                self._qvecs[key] = vec
                while len(self._qvecs) > QUERY_CACHE:
                    self._qvecs.popitem(last=False)
        return vec

    def _gloss_vectors(self, q: Question, cand: np.ndarray) -> tuple[dict, np.ndarray]:
        """The encoders' vectors of the question's English gloss (Question.gloss),
        when some candidates are in the other script than the question: a
        Chinese question over English paragraphs. Its own dense neighbours in
        the other script join the candidates. Nothing (and no time: the gloss
        itself is not written) for a library in the question's script."""
        if q.lang != "zh" or len(cand) == 0 or not (self._script_gap(cand, q) > ACROSS).any():
            return {}, cand
        gloss = q.gloss
        if not gloss:
            return {}, cand
        gvecs = self._query_vectors(gloss)
        extra = self._candidates(gvecs, None)
        return gvecs, np.union1d(cand, extra[self._script_gap(extra, q) > ACROSS])

    def _script_gap(self, cand: np.ndarray, q: Question) -> np.ndarray:
        """How far each candidate's script is from the question's (0 same, 1 other)."""
        return np.abs(self._latin_share(cand) - latin_share(q.text))

    def _query_tokens(self, q: Question, lits: list[tuple[str, ...]] | None = None) -> list[str]:
        # A question and a passage in different languages share no words; the
        # entities' names in both languages do, so they join the lexical query.
        extra = " ".join(n for e in q.entities for n in (*e.names_zh[:1], e.name_en))
        # So do a Latin name's transliterations the library holds (Japarov: 扎帕罗夫).
        lits = self._literal_forms(q) if lits is None else lits
        extra += " " + " ".join(f for forms in lits for f in forms if not f.isascii())
        # And the indicator's own words in both languages (qa.text.vocab, a
        # curated table where the dictionary gives many loose senses): "卖给"
        # (sells to) is found in a passage that says 出口 (exports), "target"
        # in one that says 目标.
        if q.indicator in INDICATORS:
            extra += " " + " ".join(indicator_words(q.indicator))
        # Likewise the other language's forms of its topic words (other_forms),
        # and of its English phrases that name one thing ("foreign minister":
        # 外长; qa.text.lexical.phrase_forms), those the library holds.
        forms = " ".join(f for t in q.terms for f in self.other_forms(t))
        forms += " " + " ".join(self._phrase_forms(q))
        # A question in Traditional script also in mainland wording: 專案 finds 项目 (qa.text.lexical.mainland).
        return tokenize(f"{q.text} {mainland(q.text)} {extra} {forms}")

    def _phrase_forms(self, q: Question) -> tuple[str, ...]:
        return self._library_forms(phrase_forms(q.text) if q.lang == "en" else ())

    def other_forms(self, t: Term) -> tuple[str, ...]:
        """A topic word's forms in the other language for the lexical query.
        A word with few dictionary senses adds them all. One with many ("trade":
        76, "run": 130) would add mostly noise, so it adds only the senses the
        library's passages use (贸易, 经贸 of "trade"), and none when even those
        are many ("capital": every capital city the articles name). The
        library is read once, when it is small enough to scan (NAME_SCAN_MAX);
        a larger one gets the few-senses rule alone."""
        return self._library_forms(t.chinese if t.word.isascii() else t.english)

    def _library_forms(self, fs: tuple[str, ...]) -> tuple[str, ...]:
        """All of a few forms; of many, those the library holds (held_forms)."""
        if len(fs) <= MAX_FORMS:
            return fs
        if fs not in self._held:  # ~1 ms of tokenizing a question's forms, the same for every question
            self._held[fs] = held_forms(fs, self._library_words())
        return self._held[fs]

    def _library_words(self) -> frozenset[str]:
        if self._words is None:
            passages = self.ix.passages
            self._words = frozenset(w for p in passages for w in tokenize(p.text)) if len(passages) <= NAME_SCAN_MAX else frozenset()
        return self._words

    def name_forms(self, name: str) -> tuple[str, ...]:
        """The transliterations of a Latin name (lower case) that the library's
        passages hold, () where none does or the library is too large to scan."""
        if name not in self._forms:
            if self._names is None:
                passages = self.ix.passages
                self._names = NameIndex(p.text for p in passages) if len(passages) <= NAME_SCAN_MAX else NameIndex(())
            self._forms[name] = self._names.forms(name)
        return self._forms[name]

    def _literal_forms(self, q: Question) -> list[tuple[str, ...]]:
        """Each literal with the forms that show a sentence holds it: itself,
        the dictionary's few Chinese forms of an acronym (_translations), and
        for a Latin name its transliterations (a capitalised word inside
        the question is a name even where the dictionary knows it: Boric is
        no boric acid); a word no dictionary knows that is no literal (typed
        in lower case: Question.foreign_names) joins with its transliterations alone."""
        out = [(lit, *self._translations(q, lit), *(self.name_forms(lit) if lit.isalpha() and len(lit) >= MIN_LETTERS else ()))
               for lit in q.literals]
        out += [forms for n in q.foreign_names if n not in q.literals and (forms := self.name_forms(n))]
        return out

    @staticmethod
    def _translations(q: Question, literal: str) -> tuple[str, ...]:
        """The dictionary's Chinese forms of a Latin literal that is also a topic
        word, when they are few: an acronym (SCO: 上合, NATO: 北约)."""
        forms = next((t.chinese for t in q.terms if t.word == literal), ())
        return forms if len(forms) <= MAX_FORMS else ()

    def _candidates(self, qvecs: dict, bm25_tokens: list[str] | None) -> np.ndarray:
        """Each retriever's top passages; BM25 only with tokens."""
        n, m = len(self.ix.passages), self.s.candidates
        if n <= m:
            return np.arange(n)
        jobs = []
        for eid, qv in qvecs.items():
            jobs += [(self.ix, "para", eid, qv, m), (self.ix, "sent", eid, qv, 2 * m)]
        # FAISS releases the GIL: past a few ten thousand passages (each search
        # then takes milliseconds) the searches run side by side on the cores.
        found = _search_pool().map(_search, jobs) if n > PARALLEL_MIN else map(_search, jobs)
        pool = [*([self.ix.bm25_top(bm25_tokens, m)] if bm25_tokens is not None else []), *found]
        return np.unique(np.concatenate(pool))

    def _features(self, cand: np.ndarray, qvecs: dict, bm25_tokens: list[str], q: Question, gvecs: dict | None = None,
                  lits: list[tuple[str, ...]] | None = None):
        """Each feature per candidate. `lits`: _literal_forms(q), when the caller has them already."""
        w = self.s.weights
        starts, counts = self.sent_start[cand], self.sent_count[cand]
        seg = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        sent_rows = np.repeat(starts - seg, counts) + np.arange(int(counts.sum()))  # every candidate's sentence rows, in order
        feats: dict[str, np.ndarray] = {}
        sent_sum = np.zeros(len(sent_rows), np.float32)
        gap = self._script_gap(cand, q)
        # Beside a passage in the other script, the cosine is partly the gloss's
        # (Settings.weights.gloss, scaled by how far the script is); a passage
        # in the question's script, even one with some Latin words, keeps its own.
        mix = np.where(gap > ACROSS, w.gloss * gap, 0.0).astype(np.float32) if gvecs else None
        for eid, qv in qvecs.items():
            name = eid if eid in ("e5", "use") else "other"
            para = self.ix.vectors("para", eid, cand) @ qv
            sims = self.ix.vectors("sent", eid, sent_rows) @ qv
            if mix is not None:
                gv = gvecs[eid]
                para = (1 - mix) * para + mix * (self.ix.vectors("para", eid, cand) @ gv)
                smix = np.repeat(mix, counts)
                sims = (1 - smix) * sims + smix * (self.ix.vectors("sent", eid, sent_rows) @ gv)
            sent_sum += sims
            feats[f"{eid}_sent"] = getattr(w, f"{name}_sent") * _zscore(np.maximum.reduceat(sims, seg))
            feats[f"{eid}_para"] = getattr(w, f"{name}_para") * _zscore(para)
        bm25_w = w.bm25 + (w.bm25_across_scripts - w.bm25) * gap
        feats["bm25"] = bm25_w * _zscore(self.ix.bm25_scores(bm25_tokens, cand))
        feats["entity"] = w.entity * self._entity_boost(cand, q)
        # Literals are Latin words and numbers, which folding to Simplified leaves
        # alone: lower-casing is enough, and nothing is read without literals.
        # A Latin name is found as written or in a transliteration (name_forms).
        lits = self._literal_forms(q) if lits is None else lits
        lit_sent = np.zeros(len(sent_rows), np.float32)
        lit_pass = np.zeros(len(cand), np.float32)
        if lits:
            texts = [self.ix.sent_text[r].lower() for r in sent_rows]
            lit_sent = np.array([sum(lit in t for lit in q.literals) for t in texts], np.float32)
            in_sent = np.array([sum(any(f in t for f in forms) for forms in lits) for t in texts], np.float32)
            lit_pass = np.maximum.reduceat(in_sent, seg)
        feats["literal"] = w.literal * lit_pass / max(1, len(lits))
        # Best sentence: the encoders agree most, literal matches break ties;
        # not a transliterated name, which often names who said it in the
        # sentence before the answer ("According to X, ...": X表示… then the answer).
        mean_sim = sent_sum / max(1, len(qvecs))
        sent_score = mean_sim + 0.05 * lit_sent
        # Each candidate's first sentence reaching its best score (argmax per segment).
        owner = np.repeat(np.arange(len(cand)), counts)
        tops = np.flatnonzero(sent_score == np.repeat(np.maximum.reduceat(sent_score, seg), counts))
        first = tops[np.unique(owner[tops], return_index=True)[1]]
        return feats, sent_rows[first], mean_sim[first].astype(np.float64), (mean_sim, seg, counts)

    def _before(self, row: int) -> str:
        """The text of the paragraph before this one in its article ("" for a first one)."""
        if row == 0:
            return ""
        p, prev = self.ix.passages[row], self.ix.passages[row - 1]
        return prev.text if prev.doc == p.doc and prev.para_no == p.para_no - 1 else ""

    def _latin_share(self, cand: np.ndarray) -> np.ndarray:
        """How English each candidate passage is (qa.text.lexical.latin_share),
        computed on first use and kept (a Retriever serves one index): a
        library of a million passages would take seconds to scan up front."""
        rows = cand[np.isnan(self._latin[cand])]
        for r in rows:
            self._latin[r] = latin_share(self.ix.passages[int(r)].text)
        return self._latin[cand]

    def _entity_boost(self, cand: np.ndarray, q: Question) -> np.ndarray:
        n = len(self.ix.passages)
        boost = np.zeros(len(cand), np.float32)
        for e in q.entities:
            post = self.ix.entity_postings.get(e.key)
            if post is None or len(post) == 0:
                continue
            specificity = max(0.0, 1.0 - len(post) / n)  # named everywhere: no signal
            # Half for a passage that names the entity, the other half when its
            # article is about it: "…继中国和俄罗斯之后…" in an article about
            # Kyrgyzstan is weaker evidence than any paragraph of an article about China.
            about = np.array([self._about(int(r), e) for r in cand], np.float32)
            boost += specificity * 0.5 * (_member(cand, post) + about)
        return boost

    def _about(self, row: int, e: Entity) -> bool:
        """The passage's article is about the entity: among the entities its
        paragraphs name most, or, for a country, named in its title
        ("蒙古国与哈萨克斯坦打通跨境物流新通道" is about Mongolia even where
        its paragraphs name cities and Kazakhstan more often)."""
        p = self.ix.passages[row]
        names = (*e.names_zh, e.name_en)
        return any(name in p.subject for name in names) or (
            e.kind == "country" and any(name in fold(p.title) for name in names))
