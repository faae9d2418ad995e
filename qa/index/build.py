"""Build or refresh the index from the corpus folder (with its journal applied).

Only articles whose vectors are not cached are embedded; the result says
which. Callers: the CLI (`qa index`), the library (add / remove) and
`Engine.open` on first use.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError, QAError
from qa.ingest.corpus import Article, file_sha256, parse_article
from qa.ingest.formats import SUPPORTED, read_document
from qa.ingest.journal import corpus_view, settle_journal
from qa.index.backends import open_backend
from qa.index.loaded import write_index
from qa.index.store import check_manifest, file_stats, read_manifest, same_file, writer_lock
from qa.models.encoders import get_encoder
from qa.settings import Settings


@dataclass(frozen=True)
class BuildReport:
    indexed: tuple[str, ...]  # docs whose passages are in the index
    embedded: tuple[str, ...]  # docs whose vectors were computed this time
    duplicates: dict  # doc -> the doc with identical content that was indexed
    rejected: tuple[tuple[str, str], ...]  # (doc, reason) for files refused
    n_passages: int
    rebuilt: bool = True  # False: the index was already up to date, nothing written


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
    corpus = settings.corpus_dir
    backend = open_backend(settings)
    up = _up_to_date(settings, backend)
    if up is not None:
        settle_journal(corpus)  # a writer killed after its swap left only this to do
        backend.refresh_fingerprints(corpus_view(corpus), file_sha256)
        return up
    articles, files, dups, rejected = scan_corpus(corpus_view(corpus))
    if not articles:
        why = "; ".join(m for _, m in rejected) or f"add articles ({', '.join(SUPPORTED)})"
        raise InputError(f"no readable articles in {corpus}: {why}")
    try:
        old = backend.read_manifest().files
    except QAError:
        old = {}
    now = time.time()
    for doc, f in files.items():  # "when indexed" survives refreshes that leave the file alone
        f["indexed_at"] = old[doc].get("indexed_at", now) if doc in old and old[doc]["sha256"] == f["sha256"] else now
    encs = [get_encoder(n) for n in settings.encoders]
    w = write_index(settings.index_dir, articles, files, encs, dups, dict(rejected), progress, settings.index_kind, backend)
    settle_journal(corpus)
    # Files moved in from the journal have a new ctime (same bytes): recorded now, the next refresh need not hash them.
    backend.refresh_fingerprints(corpus_view(corpus), file_sha256)
    return BuildReport(tuple(a.doc for a in articles), w.embedded, dups, tuple(rejected), w.manifest.n_passages)


def _up_to_date(settings: Settings, backend) -> BuildReport | None:
    """The report of the current index if it already matches the corpus, else None.
    Costs a stat per file (hashes only for files whose stat fingerprint moved)."""
    try:
        m = backend.read_manifest()
        check_manifest(m, settings.encoders, current_files(settings.corpus_dir, settings.index_dir, staged=True, known=m.files), settings.index_dir)
    except QAError:
        return None
    indexed = tuple(d for d in m.files if d not in m.duplicates and d not in m.rejected)
    return BuildReport(indexed, (), dict(m.duplicates), tuple(m.rejected.items()), m.n_passages, rebuilt=False)


def current_files(corpus_dir: Path, index_dir: Path, staged: bool = False, known: dict | None = None) -> dict:
    """doc -> sha256 of what the corpus folder holds now (bad files included, as
    in the manifest). Hashing is skipped for files whose stat fingerprint (size,
    mtime and ctime in ns, inode) matches the manifest's (`known`, else the FAISS
    manifest in index_dir): see qa.index.store.file_stats."""
    if known is None:
        try:
            known = read_manifest(index_dir).files
        except QAError:
            known = {}
    out = {}
    for name, path in corpus_view(corpus_dir, staged).items():
        k = known.get(name)
        out[name] = k["sha256"] if same_file(k, path.stat()) else file_sha256(path)
    return out


