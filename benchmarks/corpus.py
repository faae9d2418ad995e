"""Deterministic benchmark corpora built from real text only.

Sources: the articles in `corpus/` and the CMRC 2018 paragraphs
(`../shared/bench/cmrc2018_trial.json`, CC BY-SA 4.0), each CMRC paragraph
read as a one-paragraph article under its title.

- `real_passages(n)`: the first n real paragraphs (articles first), as the
  engine's own parser cuts them. Used for the smallest size.
- `assemble(n, pool, seed)`: n passages made of real sentences: a window of
  1-2 consecutive sentences of one real paragraph (whose article gives the
  passage its title, date and subject) plus one more sentence of the same
  paragraph, so a passage stays on one topic as a real one does. That gives
  ~140,000 distinct passages; larger corpora repeat some (as wire copies
  repeat in a news archive). Generation depends only on (n, seed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.ingest.corpus import Article, Passage, corpus_files, load_article, parse_article
from qa.index.cache import sentence_input

ROOT = Path(__file__).resolve().parent.parent
CMRC = ROOT / "benchmarks" / "data" / "cmrc2018_trial.json"  # copy of ../shared/bench (CC BY-SA 4.0)


def real_articles(corpus_dir: Path = ROOT / "corpus", cmrc: Path = CMRC) -> list[Article]:
    arts = [load_article(p) for p in corpus_files(corpus_dir)]
    data = json.loads(cmrc.read_text(encoding="utf-8"))["data"]
    for item in data:
        for j, para in enumerate(item["paragraphs"]):
            doc = f"cmrc_{item.get('id', len(arts))}_{j}.txt"
            arts.append(parse_article(doc, f"{item['title'].strip()}\n\n{para['context'].strip()}\n"))
    return arts


@dataclass(frozen=True)
class SentencePool:
    """Every real sentence once, with the text the dense encoders embed."""

    passages: list[Passage]  # the real paragraphs
    sent_texts: list[str]  # pool row -> sentence
    embed_texts: list[str]  # pool row -> encoder input (subject prefix)
    para_start: np.ndarray  # real paragraph -> first pool row
    para_count: np.ndarray  # real paragraph -> number of sentences


def sentence_pool(articles: list[Article], max_passages: int | None = None) -> SentencePool:
    passages = [p for a in articles for p in a.passages][:max_passages]
    texts, embeds, starts, counts = [], [], [], []
    for p in passages:
        starts.append(len(texts))
        counts.append(len(p.sentences))
        texts.extend(p.sentences)
        embeds.extend(sentence_input(p, s) for s in p.sentences)
    return SentencePool(passages, texts, embeds, np.array(starts, np.int64), np.array(counts, np.int64))


def real_passages(n: int, articles: list[Article]) -> list[Passage]:
    out = [p for a in articles for p in a.passages][:n]
    if len(out) < n:
        raise ValueError(f"only {len(out)} real paragraphs, asked for {n}")
    return out


@dataclass(frozen=True)
class Assembled:
    passages: list[Passage]
    sent_rows: np.ndarray  # flattened pool rows of every passage's sentences
    sent_owner: np.ndarray  # position in sent_rows -> passage row
    anchor: np.ndarray  # passage row -> the real paragraph it was cut from


def assemble(n: int, pool: SentencePool, seed: int = 0, per_doc: int = 10) -> Assembled:
    rng = np.random.default_rng(seed)
    anchor = rng.integers(len(pool.passages), size=n)
    width = np.minimum(rng.integers(1, 3, size=n), pool.para_count[anchor])
    offset = (rng.random(n) * (pool.para_count[anchor] - width + 1)).astype(np.int64)
    extra = pool.para_start[anchor] + (rng.random(n) * pool.para_count[anchor]).astype(np.int64)
    passages, rows, owner = [], [], []
    for i in range(n):
        a = pool.passages[anchor[i]]
        start = pool.para_start[anchor[i]] + offset[i]
        r = list(range(start, start + width[i])) + [int(extra[i])]
        sents = tuple(pool.sent_texts[x] for x in r)
        passages.append(Passage(f"bench{i // per_doc:06d}.txt", i % per_doc + 1, "".join(sents), sents, a.title, a.date, a.section, a.subject))
        rows.extend(r)
        owner.extend([i] * len(r))
    return Assembled(passages, np.array(rows, np.int64), np.array(owner, np.int64), anchor)
