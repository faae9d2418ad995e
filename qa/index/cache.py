"""What goes into a version, for either store: the texts we embed, the
per-article vector cache, BM25 tokens and entity postings.

The cache (index_dir/cache/<key>.<enc>.npz) is keyed by the exact texts we
embed, so a refresh embeds only articles whose text changed, and identical
content under two names once. It lives beside the index whichever store
holds the published vectors (a FAISS folder or Milvus collections).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import numpy as np

from qa.index.contract import Version
from qa.index.store import EMBED_RECIPE, FORMAT_VERSION, Manifest
from qa.ingest.corpus import Article, Passage
from qa.ingest.speakers import name_of
from qa.models.encoders import Encoder
from qa.text.lexical import fold, tokenize

# Dense inputs are folded to Simplified Chinese (as BM25 tokens are, and as
# queries are in qa.search.retrieve): a Traditional article and a Simplified question
# then meet in one script. Passages keep their original text for display.


def passage_input(p: Passage) -> str:
    return fold(f"{p.context}\n{p.text}")


def sentence_input(p: Passage, sentence: str) -> str:
    # The article's subject names the partner country that the sentence omits,
    # and the speaker's name a quoted paragraph omits ("-他说": who said it).
    # Only the name, and only where the paragraph does not name them at all:
    # the whole attribution (role, institution) before every sentence of the
    # paragraph drew questions on those sentences' facts away from them.
    name = name_of(p.speaker) if p.speaker else ""
    about = " ".join((*p.subject, name if name and name not in p.text else "")).strip()
    return fold(f"{about}：{sentence}" if about else sentence)


def embed_inputs(article: Article) -> tuple[list[str], list[str]]:
    paras = [passage_input(p) for p in article.passages]
    sents = [sentence_input(p, s) for p in article.passages for s in p.sentences]
    return paras, sents


def cache_path(cache: Path, article: Article, enc: Encoder) -> Path:
    """Keyed by the exact texts we embed, so a change in parsing or context
    (not only in the file's bytes) can never reuse stale vectors."""
    paras, sents = embed_inputs(article)
    key = hashlib.sha256("\x00".join([EMBED_RECIPE, *paras, "\x01", *sents]).encode("utf-8")).hexdigest()
    safe = enc.id.replace("/", "_").replace(":", "_")
    return cache / f"{key[:32]}.{safe}.npz"


def _atomic_save_npz(path: Path, **arrays) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        np.savez(f, **arrays)
    os.replace(tmp, path)


def embed_article(article: Article, enc: Encoder, cache: Path) -> tuple[np.ndarray, np.ndarray, bool]:
    """(paragraph vectors, sentence vectors, computed?) for one article."""
    path = cache_path(cache, article, enc)
    if path.exists():
        try:
            with np.load(path) as z:
                return z["para"], z["sent"], False
        except (OSError, ValueError, KeyError):
            pass  # a torn cache file is simply recomputed
    para_texts, sent_texts = embed_inputs(article)
    paras, sents = enc.encode_passages(para_texts), enc.encode_passages(sent_texts)
    _atomic_save_npz(path, para=paras, sent=sents)
    return paras, sents, True


def prune_cache(cache: Path, articles: list[Article], enc: Encoder) -> None:
    """Drop cached vectors that no article of the corpus uses any more
    (removed or changed articles, an older EMBED_RECIPE) and temp files torn by
    a killed writer. Called by the writer (under the lock) only once the new
    version is live: a kill before that leaves every vector the old index or a
    retry could want. A current article keeps its vectors for every encoder,
    so switching encoders back does not embed it again."""
    keep = {cache_path(cache, a, enc).name.split(".", 1)[0] for a in articles}
    for path in cache.iterdir():
        if path.name.split(".", 1)[0] not in keep or not path.name.endswith(".npz"):
            path.unlink(missing_ok=True)


LEXICON_KEY = "__lexicon__"  # the entity table's version the postings were made with, stored beside them


def entity_postings(passages: list[Passage]) -> dict[str, np.ndarray]:
    """Which passages are about which entity: named in the paragraph, or in
    its article's subject (paragraphs often leave the partner unnamed)."""
    from qa.text.entities import LEXICON_VERSION, find_entities, side_entities

    rows: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        text = fold(" ".join(p.subject) + " " + p.text)
        for key in dict.fromkeys(e.key for e in (*find_entities(text), *side_entities(text))):
            rows.setdefault(key, []).append(i)
    return {**{k: np.array(v, dtype=np.int64) for k, v in rows.items()}, LEXICON_KEY: np.array([LEXICON_VERSION])}


def current_postings(stored: dict[str, np.ndarray], passages) -> dict[str, np.ndarray]:
    """The stored postings, or new ones when the entity table has changed since
    they were made: an index built before "Swiss" named Switzerland would
    otherwise say Switzerland is in no article. Recomputing reads every
    passage once (milliseconds for hundreds of passages)."""
    from qa.text.entities import LEXICON_VERSION

    stamp = stored.get(LEXICON_KEY)
    if stamp is None or int(np.asarray(stamp).ravel()[0]) != LEXICON_VERSION:
        stored = entity_postings(list(passages))
    return {k: np.asarray(v, dtype=np.int64) for k, v in stored.items() if k != LEXICON_KEY}


def prepare_version(cache: Path, articles: list[Article], files: dict, encoders: list[Encoder], duplicates: dict,
                    rejected: dict, progress=None) -> tuple[Version, tuple[str, ...]]:
    """The new version's contents, and the docs whose vectors were computed
    now (for any encoder) rather than read from the cache."""
    cache.mkdir(parents=True, exist_ok=True)
    passages = tuple(p for a in articles for p in a.passages)
    sent_owner = np.array([i for i, p in enumerate(passages) for _ in p.sentences], dtype=np.int64)
    para, sent, embedded = {}, {}, {}
    for enc in encoders:
        paras, sents = [], []
        for a in articles:
            pv, sv, computed = embed_article(a, enc, cache)
            paras.append(pv)
            sents.append(sv)
            if computed:
                embedded[a.doc] = True
            if progress:
                progress(enc.id, a.doc)
        para[enc.id] = np.vstack(paras) if paras else np.zeros((0, enc.dim), np.float32)
        sent[enc.id] = np.vstack(sents) if sents else np.zeros((0, enc.dim), np.float32)
    tokens = tuple(tuple(tokenize(f"{p.context} {p.text}")) for p in passages)
    manifest = Manifest(FORMAT_VERSION, tuple(e.id for e in encoders), files, len(passages), int(len(sent_owner)),
                        time.time(), duplicates, rejected, EMBED_RECIPE)
    version = Version(passages, sent_owner, para, sent, tokens, entity_postings(list(passages)), manifest)
    return version, tuple(a.doc for a in articles if a.doc in embedded)
