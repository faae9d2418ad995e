"""The pipeline in one object: corpus -> index -> retrieve -> answer.

`Engine.open(settings)` loads (or, on first use, builds) the index;
`engine.ask(question)` returns an `Answer`. The CLI, the chat and the
evaluation all go through here, so they cannot disagree.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa import answer as ans
from qa.corpus import Article, file_sha256, parse_article
from qa.encoders import get_encoder
from qa.errors import CorpusError, IndexMissingError, InputError, QAError, StaleIndexError
from qa.formats import SUPPORTED, read_document
from qa.index import LoadedIndex, load_index, write_index
from qa.retrieve import Hit, Retriever
from qa.settings import Settings
from qa.store import check_manifest, file_stats, read_manifest, refresh_fingerprints, same_file, writer_lock

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class BuildReport:
    indexed: tuple[str, ...]  # docs whose passages are in the index
    embedded: tuple[str, ...]  # docs whose vectors were computed this time
    duplicates: dict  # doc -> the doc with identical content that was indexed
    rejected: tuple[tuple[str, str], ...]  # (doc, reason) for files refused
    n_passages: int
    rebuilt: bool = True  # False: the index was already up to date, nothing written


# ---------- the library's journal ----------
# Adding and removing go through two hidden folders inside the corpus folder:
#   .incoming/<doc>  a new or replacing file, staged until the index has it;
#   .removed/<doc>   an empty marker: this doc leaves the library.
# The index swap is the commit point. Before it, readers see the old corpus
# and the old index (they agree); after it, the staged view agrees with the
# new index until the journal is settled (files moved, markers deleted).
# A killed writer therefore never leaves a corpus/index pair that readers
# refuse, and the next writer rolls the journal forward.
INCOMING, REMOVED = ".incoming", ".removed"


def _articles_in(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")}


def corpus_view(corpus_dir: Path, staged: bool = True) -> dict[str, Path]:
    """doc -> file: the corpus folder, or (staged) the corpus with the journal applied."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist; create it and put articles (.txt, .md, .html, .pdf) in it, or pass --corpus DIR")
    view = _articles_in(corpus_dir)
    if staged:
        view.update(_articles_in(corpus_dir / INCOMING))
        for marker in (corpus_dir / REMOVED).glob("*") if (corpus_dir / REMOVED).is_dir() else ():
            view.pop(marker.name, None)
    return view


def journal_pending(corpus_dir: Path) -> bool:
    return any((corpus_dir / d).is_dir() and any((corpus_dir / d).iterdir()) for d in (INCOMING, REMOVED))


def settle_journal(corpus_dir: Path) -> None:
    """After the swap: move staged files into the corpus, delete removed docs."""
    for name, path in _articles_in(corpus_dir / INCOMING).items():
        os.replace(path, corpus_dir / name)
    if (corpus_dir / REMOVED).is_dir():
        for marker in list((corpus_dir / REMOVED).iterdir()):
            (corpus_dir / marker.name).unlink(missing_ok=True)
            marker.unlink()
    for leftover in (corpus_dir / INCOMING).glob(".tmp-*") if (corpus_dir / INCOMING).is_dir() else ():
        leftover.unlink(missing_ok=True)  # a copy torn by a killed writer


def scan_corpus(view: dict[str, Path] | Path) -> tuple[list[Article], dict, dict, list[tuple[str, str]]]:
    """Read every file (of a `corpus_view`, or of a folder); identical
    content under two names is indexed once."""
    view = corpus_view(view) if isinstance(view, Path) else view
    articles, files, dups, rejected, seen = [], {}, {}, [], {}
    for name, path in sorted(view.items()):
        st = path.stat()  # before reading: an edit while hashing then shows as a change next time
        sha = file_sha256(path)
        files[name] = file_stats(st, sha)  # bad files too: an unchanged one must not look stale
        try:
            art = parse_article(name, read_document(path), sha)
        except InputError as e:
            rejected.append((name, str(e)))
            continue
        if art.sha256 in seen:
            dups[art.doc] = seen[art.sha256]
        else:
            seen[art.sha256] = art.doc
            articles.append(art)
    return articles, files, dups, rejected


def build_index(settings: Settings, progress=None) -> BuildReport:
    """Bring the index up to date with the corpus (and a pending journal)."""
    with writer_lock(settings.index_dir):
        return build_locked(settings, progress)


def build_locked(settings: Settings, progress=None) -> BuildReport:
    """`build_index` for a caller that already holds the writer lock."""
    from qa.index import _cache_path

    corpus = settings.corpus_dir
    up = _up_to_date(settings)
    if up is not None:
        settle_journal(corpus)  # a writer killed after its swap left only this to do
        refresh_fingerprints(settings.index_dir, corpus_view(corpus), file_sha256)
        return up
    articles, files, dups, rejected = scan_corpus(corpus_view(corpus))
    if not articles:
        why = "; ".join(m for _, m in rejected) or f"add articles ({', '.join(SUPPORTED)})"
        raise InputError(f"no readable articles in {corpus}: {why}")
    try:
        old = read_manifest(settings.index_dir).files
    except QAError:
        old = {}
    now = time.time()
    for doc, f in files.items():  # "when indexed" survives refreshes that leave the file alone
        f["indexed_at"] = old[doc].get("indexed_at", now) if doc in old and old[doc]["sha256"] == f["sha256"] else now
    encs = [get_encoder(n) for n in settings.encoders]
    cache = settings.index_dir / "cache"
    todo = tuple(a.doc for a in articles if any(not _cache_path(cache, a, e).exists() for e in encs))
    m = write_index(settings.index_dir, articles, files, encs, dups, dict(rejected), progress, settings.index_kind)
    settle_journal(corpus)
    # Files moved in from the journal have a new ctime (same bytes): recorded now, the next refresh need not hash them.
    refresh_fingerprints(settings.index_dir, corpus_view(corpus), file_sha256)
    return BuildReport(tuple(a.doc for a in articles), todo, dups, tuple(rejected), m.n_passages)


def _up_to_date(settings: Settings) -> BuildReport | None:
    """The report of the current index if it already matches the corpus, else None.
    Costs a stat per file (hashes only for files whose stat fingerprint moved)."""
    try:
        m = read_manifest(settings.index_dir)
        check_manifest(m, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=True), settings.index_dir)
    except QAError:
        return None
    indexed = tuple(d for d in m.files if d not in m.duplicates and d not in m.rejected)
    return BuildReport(indexed, (), dict(m.duplicates), tuple(m.rejected.items()), m.n_passages, rebuilt=False)


def current_files(corpus_dir: Path, index_dir: Path, staged: bool = False) -> dict:
    """doc -> sha256 of what the corpus folder holds now (bad files included, as
    in the manifest). Hashing is skipped for files whose stat fingerprint (size,
    mtime and ctime in ns, inode) matches the manifest's: see qa.store.file_stats."""
    try:
        known = read_manifest(index_dir).files
    except QAError:
        known = {}
    out = {}
    for name, path in corpus_view(corpus_dir, staged).items():
        k = known.get(name)
        out[name] = k["sha256"] if same_file(k, path.stat()) else file_sha256(path)
    return out


class Engine:
    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self.encoders = {n: get_encoder(n) for n in settings.encoders}
        self.retriever = Retriever(index, self.encoders, settings)

    @classmethod
    def open(cls, settings: Settings, build_if_missing: bool = True, check_corpus: bool = True, progress=None) -> "Engine":
        try:
            read_manifest(settings.index_dir)
        except IndexMissingError:
            if not build_if_missing:
                raise
            build_index(settings, progress)
        index = load_index(settings.index_dir)
        _check_loaded(index.manifest, settings, check_corpus)
        return cls(index, settings)

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(self.index.articles)

    def similarity(self, question: str, texts: list[str]) -> np.ndarray:
        """Cheap question-to-clause closeness: USE if loaded (2 ms), else the first encoder."""
        enc = self.encoders.get("use") or next(iter(self.encoders.values()))
        vecs = enc.encode_passages([question] + texts)
        return vecs[1:] @ vecs[0]

    def warm(self, wait: bool = True) -> None:
        """Load every model's fastest engine now rather than at the first
        question (see E5Encoder): for processes that answer many questions."""
        for enc in self.encoders.values():
            if hasattr(enc, "warm"):
                enc.warm(wait)

    def ask(self, question: str, k: int | None = None) -> ans.Answer:
        question = validate_question(question)
        query, hits = self.retriever.search(question, k or self.settings.k)
        return ans.decide(query, hits, self.similarity, self.settings)


def _check_loaded(manifest, settings: Settings, check_corpus: bool) -> None:
    """The loaded version must match the encoders and either the corpus or
    the corpus with the journal applied (an add in flight, or one whose
    writer was killed after its swap)."""
    if not check_corpus:
        check_manifest(manifest, settings.encoders, {d: f["sha256"] for d, f in manifest.files.items()}, settings.index_dir)
        return
    try:
        check_manifest(manifest, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=False), settings.index_dir)
    except StaleIndexError:
        if not journal_pending(settings.corpus_dir):
            raise
        check_manifest(manifest, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=True), settings.index_dir)


def validate_question(question) -> str:
    if not isinstance(question, str) or not question.strip():
        raise InputError("the question is empty; type a question about the articles")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS} (one question at a time)")
    return question
