"""The pipeline in one object: corpus -> index -> retrieve -> answer.

`Engine.open(settings)` loads (or, on first use, builds) the index;
`engine.ask(question)` returns an `Answer`. The CLI, the chat and the
evaluation all go through here, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa import answer as ans
from qa.corpus import Article, corpus_files, file_sha256, load_article
from qa.encoders import get_encoder
from qa.errors import IndexMissingError, InputError, QAError
from qa.index import LoadedIndex, check_manifest, file_stats, load_index, read_manifest, write_index, writer_lock
from qa.retrieve import Hit, Retriever
from qa.settings import Settings

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class BuildReport:
    indexed: tuple[str, ...]  # docs whose passages are in the index
    embedded: tuple[str, ...]  # docs whose vectors were computed this time
    duplicates: dict  # doc -> the doc with identical content that was indexed
    rejected: tuple[tuple[str, str], ...]  # (doc, reason) for files refused
    n_passages: int


def scan_corpus(corpus_dir: Path) -> tuple[list[Article], dict, dict, list[tuple[str, str]]]:
    """Read every file; identical content under two names is indexed once."""
    articles, files, dups, rejected, seen = [], {}, {}, [], {}
    for path in corpus_files(corpus_dir):
        try:
            art = load_article(path)
        except InputError as e:
            rejected.append((path.name, str(e)))
            try:  # remembered, so an unchanged bad file does not make the index look stale
                files[path.name] = file_stats(path, file_sha256(path))
            except InputError:
                pass
            continue
        if art.sha256 in seen:
            dups[art.doc] = seen[art.sha256]
        else:
            seen[art.sha256] = art.doc
            articles.append(art)
        files[art.doc] = file_stats(path, art.sha256)
    return articles, files, dups, rejected


def build_index(settings: Settings, progress=None) -> BuildReport:
    from qa.index import _cache_path

    with writer_lock(settings.index_dir):
        articles, files, dups, rejected = scan_corpus(settings.corpus_dir)
        if not articles:
            raise InputError(f"no readable articles in {settings.corpus_dir}: " + "; ".join(m for _, m in rejected))
        encs = [get_encoder(n) for n in settings.encoders]
        cache = settings.index_dir / "cache"
        todo = tuple(a.doc for a in articles if any(not _cache_path(cache, a, e).exists() for e in encs))
        m = write_index(settings.index_dir, articles, files, encs, dups, dict(rejected), progress, settings.index_kind)
        return BuildReport(tuple(a.doc for a in articles), todo, dups, tuple(rejected), m.n_passages)


def current_files(corpus_dir: Path, index_dir: Path) -> dict:
    """doc -> sha256 of what the corpus folder holds now (unreadable files excluded).

    Hashing is skipped for files whose size and mtime match the manifest."""
    try:
        known = read_manifest(index_dir).files
    except QAError:
        known = {}
    out = {}
    for path in corpus_files(corpus_dir):
        st, k = path.stat(), known.get(path.name)
        if k and k["size"] == st.st_size and k["mtime"] == st.st_mtime:
            out[path.name] = k["sha256"]
        else:
            out[path.name] = file_sha256(path)
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
            manifest = read_manifest(settings.index_dir)
        except IndexMissingError:
            if not build_if_missing:
                raise
            build_index(settings, progress)
            manifest = read_manifest(settings.index_dir)
        files = current_files(settings.corpus_dir, settings.index_dir) if check_corpus else {d: f["sha256"] for d, f in manifest.files.items()}
        check_manifest(manifest, settings.encoders, files, settings.index_dir)
        return cls(load_index(settings.index_dir), settings)

    def similarity(self, question: str, texts: list[str]) -> np.ndarray:
        """Cheap question-to-clause closeness: USE if loaded (2 ms), else the first encoder."""
        enc = self.encoders.get("use") or next(iter(self.encoders.values()))
        vecs = enc.encode_passages([question] + texts)
        return vecs[1:] @ vecs[0]

    def ask(self, question: str, k: int | None = None) -> ans.Answer:
        question = validate_question(question)
        query, hits = self.retriever.search(question, k or self.settings.k)
        return ans.decide(query, hits, self.similarity, self.settings)


def validate_question(question) -> str:
    if not isinstance(question, str) or not question.strip():
        raise InputError("the question is empty; type a question about the articles")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is {len(question)} characters long; keep it under {MAX_QUESTION_CHARS} (one question at a time)")
    return question
