"""Grow the library: add, update, remove and list articles, safely.

Every change goes through the journal of qa.engine (files staged in
`<corpus>/.incoming`, removals marked in `<corpus>/.removed`) and one index
refresh under the writer lock, so the corpus and the index a reader sees
always agree, even if the process is killed midway; the next `qa index`
completes an interrupted change. Only changed articles are embedded.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from qa.ingest.corpus import parse_article
from qa.index.build import BuildReport, build_locked, current_files
from qa.ingest.journal import INCOMING, REMOVED, corpus_view
from qa.errors import InputError, QAError
from qa.ingest.formats import MAX_BYTES, check_extension, read_bytes, read_capped
from qa.index.backends import open_backend
from qa.index.store import read_manifest, writer_lock
from qa.settings import Settings

MAX_NAME_BYTES = 200
STATUSES = ("added", "updated", "skipped", "rejected")


@dataclass(frozen=True)
class FileResult:
    name: str  # the article's name in the library (or the name as given, if rejected)
    status: str  # one of STATUSES
    reason: str  # why, in words a user can act on ("" when added)


@dataclass(frozen=True)
class AddReport:
    results: tuple[FileResult, ...]
    build: BuildReport | None  # None when nothing new had to be indexed

    def by_status(self, status: str) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.status == status)

    def lines(self) -> list[str]:
        """One line per file, for the CLI and the chat."""
        return [f"{r.status} {r.name}" + (f": {r.reason}" if r.reason else "") for r in self.results]


@dataclass(frozen=True)
class DocInfo:
    doc: str
    title: str
    date: str | None
    paragraphs: int
    indexed_at: float | None  # seconds since the epoch; None if not in the index
    status: str  # "indexed", "duplicate of X", "rejected: why", "not indexed yet: run `qa index`"


def check_name(name: str) -> str:
    """The name an uploaded file will have in the corpus folder. Refused, never
    repaired: a name with a path in it is a mistake or an attack."""
    if not isinstance(name, str) or not name.strip():
        raise InputError("a file has no name; give every article a file name such as article.txt")
    if "/" in name or "\\" in name or ".." in name or "\x00" in name or name != name.strip():
        raise InputError(f"{name!r}: file names may not contain path separators, '..' or surrounding spaces; rename the file")
    if name.startswith(".") or any(ord(c) < 32 for c in name):
        raise InputError(f"{name!r}: hidden names and control characters are not allowed; rename the file")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise InputError(f"{name[:40]}…: the file name is over {MAX_NAME_BYTES} bytes; shorten it")
    check_extension(name)
    return name


def _expand(paths, names) -> list[tuple[Path, str]]:
    """(source file, name in the library) for every file given or inside a folder given."""
    paths = [Path(p) for p in paths]
    if names is not None:
        names = list(names)
        if len(names) != len(paths):
            raise InputError(f"got {len(paths)} files but {len(names)} names; pass one name per file")
        return list(zip(paths, names))
    out = []
    for p in paths:
        if p.is_dir():
            out += [(f, f.name) for f in sorted(p.rglob("*")) if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        else:
            out.append((p, p.name))
    return out


def _read_one(src: Path, name: str, max_bytes: int) -> tuple[bytes, str]:
    """Validate one file completely before anything is written: (bytes, sha256)."""
    check_name(name)
    if not src.is_file():
        raise InputError(f"{name}: no such file ({src}); check the path")
    data = read_capped(src, name, max_bytes)
    parse_article(name, read_bytes(data, name, max_bytes))  # no paragraphs -> CorpusError
    return data, hashlib.sha256(data).hexdigest()


def add_paths(settings: Settings, paths, names=None, progress=None, max_bytes: int = MAX_BYTES) -> AddReport:
    """Add articles to the library and refresh the index incrementally.

    `paths`: files and/or folders (folders are read recursively, hidden
    entries skipped). `names`: optional, one per path, the name each file
    gets in the library; pass it for uploads, where `paths` are temporary
    files and `names` the user's original file names. Names are never
    trusted: one with a path separator, '..', a leading dot or an unknown
    extension is rejected, not repaired.

    Returns one `FileResult` per file, in order:
      added     new article, now indexed;
      updated   replaces the article of the same name (old passages go);
      skipped   same bytes as an article already in the library (or earlier
                in this batch): indexed once, reason names the other file;
      rejected  not added, reason says why and what to do (bad name, unknown
                extension, over `max_bytes`, binary, undecodable, empty).
    Bad files never stop the others. Nothing already indexed is lost: the
    files are staged, the index is swapped atomically, and only then do
    they move into the corpus folder. Raises `IndexBusyError` if another
    process is writing the index (nothing is changed then).
    """
    results: list[FileResult | None] = []
    accepted: list[tuple[int, str, bytes, str]] = []  # (slot, name, data, sha)
    for src, name in _expand(paths, names):
        try:
            data, sha = _read_one(src, name, max_bytes)
        except QAError as e:
            results.append(FileResult(str(name), "rejected", _strip_name(str(e), str(name))))
            continue
        results.append(None)
        accepted.append((len(results) - 1, name, data, sha))
    build = None
    with writer_lock(settings.index_dir):
        settings.corpus_dir.mkdir(parents=True, exist_ok=True)
        have = current_files(settings.corpus_dir, settings.index_dir, staged=True)
        by_sha = {sha: doc for doc, sha in sorted(have.items())}
        staged: list[Path] = []
        batch: set[str] = set()
        for slot, name, data, sha in accepted:
            if name in batch:
                results[slot] = FileResult(name, "rejected", "another file in this batch has the same name; rename one of them")
            elif have.get(name) == sha:
                results[slot] = FileResult(name, "skipped", "already in the library, unchanged")
            elif sha in by_sha and by_sha[sha] != name:
                results[slot] = FileResult(name, "skipped", f"same content as {by_sha[sha]}")
            else:
                results[slot] = FileResult(name, "updated" if name in have else "added", "replaces the earlier version" if name in have else "")
                staged.append(_stage(settings.corpus_dir, name, data))
                have[name], by_sha[sha] = sha, name
            batch.add(name)
        if staged:
            try:
                build = build_locked(settings, progress)
            except BaseException:
                for path in staged:  # an error (not a kill): leave the library as it was
                    path.unlink(missing_ok=True)
                raise
    return AddReport(tuple(results), build)


def _strip_name(message: str, name: str) -> str:
    return message[len(name) + 2:] if message.startswith(name + ": ") else message


def _stage(corpus_dir: Path, name: str, data: bytes) -> Path:
    """Write to a hidden temp file, fsync, rename: a kill leaves no torn article."""
    folder = corpus_dir / INCOMING
    folder.mkdir(exist_ok=True)
    tmp, final = folder / f".tmp-{name}", folder / name
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, final)
    return final


def remove_doc(settings: Settings, doc: str, progress=None) -> BuildReport:
    """Take one article out of the library (its file and its passages)."""
    check_name(doc)
    with writer_lock(settings.index_dir):
        view = corpus_view(settings.corpus_dir)
        if doc not in view:
            raise InputError(f"no article named {doc} in {settings.corpus_dir}; `qa list` shows the names")
        if len(view) == 1:
            raise InputError(f"{doc} is the only article; add another before removing it")
        marker_dir = settings.corpus_dir / REMOVED
        marker_dir.mkdir(exist_ok=True)
        (marker_dir / doc).touch()
        (settings.corpus_dir / INCOMING / doc).unlink(missing_ok=True)
        return build_locked(settings, progress)


def list_docs(settings: Settings) -> list[DocInfo]:
    """Every article in the library with what the index knows about it."""
    import json

    try:
        if settings.backend == "faiss":  # the table as JSON: no need to load FAISS to list articles
            manifest = read_manifest(settings.index_dir)
            folder = (settings.index_dir / "current").resolve()
            passages = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
        else:
            store = open_backend(settings).load()
            manifest, passages = store.manifest, [{"doc": p.doc, "title": p.title, "date": p.date} for p in store.passages]
    except (QAError, OSError):
        manifest, passages = None, []
    info: dict[str, dict] = {}
    for p in passages:
        d = info.setdefault(p["doc"], {"title": p["title"], "date": p["date"], "n": 0})
        d["n"] += 1
    files = current_files(settings.corpus_dir, settings.index_dir, staged=True)
    out = []
    for doc in sorted(set(files) | set(manifest.files if manifest else ())):
        known = manifest.files.get(doc) if manifest else None
        d = info.get(doc, {})
        if known is None or files.get(doc) != known["sha256"]:
            status = "removed, index not refreshed: run `qa index`" if doc not in files else "not indexed yet: run `qa index`"
        elif doc in manifest.duplicates:
            status = f"duplicate of {manifest.duplicates[doc]}"
        elif doc in manifest.rejected:
            status = f"rejected: {_strip_name(manifest.rejected[doc], doc)}"
        else:
            status = "indexed"
        at = known.get("indexed_at") if known else None
        out.append(DocInfo(doc, d.get("title", ""), d.get("date"), d.get("n", 0), at, status))
    return out
