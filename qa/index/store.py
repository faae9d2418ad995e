"""The index folder on disk: versions, the manifest, the writer lock.

Layout under the index folder:

    current -> v-<stamp>/        symlink; swapped atomically (os.replace)
    v-<stamp>/manifest.json      format version, encoders, corpus file hashes
    v-<stamp>/passages.json      the passage table (what we cite)
    v-<stamp>/<enc>.{para,sent}.npy / .faiss   dense vectors and FAISS indexes
    v-<stamp>/bm25/              lexical index
    cache/<sha256>.<enc>.npz     per-article vectors, keyed by content hash (qa.index.loaded)
    .lock                        held by the one process that writes

A reader only ever follows `current`, so the index on disk is always either
the old version or the new one, even if the writer is killed midway.
What goes into a version (vectors, FAISS, BM25) is qa.index.loaded's business.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from qa.errors import IndexBusyError, IndexMissingError, StaleIndexError

FORMAT_VERSION = 1
# Bump when the text we embed, or the code that embeds it, changes: cached
# vectors from another recipe are wrong. (e5t: e5 run by qa.models.e5torch; spm: USE
# tokenized by sentencepiece; ctx-v3: titles and dates read from datelines and
# HTML/PDF metadata, so an index built before must re-read its articles.)
# ctx-v4: a paragraph's unnamed speaker joins its context and its sentences' inputs.
EMBED_RECIPE = "ctx-v4-t2s-e5t-spm"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    encoders: tuple[str, ...]
    files: dict  # doc -> {"sha256", "indexed_at", and the stat fingerprint of `file_stats`}
    n_passages: int
    n_sentences: int
    built_at: float
    duplicates: dict  # doc -> doc with the same content that was indexed
    rejected: dict  # doc -> why it could not be read
    recipe: str = ""  # EMBED_RECIPE of the program that embedded it ("" before it was recorded)


# ---------- the writer lock ----------

@contextmanager
def writer_lock(index_dir: Path):
    """One writer at a time; readers never wait (they follow `current`)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    # "a+" does not truncate: the holder's pid stays readable for the message.
    with open(index_dir / ".lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise IndexBusyError(
                f"another process (pid {holder}) is updating the index in {index_dir}; wait for it to finish and try again "
                "(questions can still be asked meanwhile)"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield


# ---------- file fingerprints: when a file's hash can be trusted without reading it ----------

def file_stats(st: os.stat_result, sha: str) -> dict:
    """The hash plus a stat fingerprint. ctime moves on every write, even one
    whose mtime is put back with os.utime, and the inode on a replace-by-rename;
    nanoseconds, because two saves within a second keep a float mtime on some file systems.
    Take `st` before reading the bytes: a write while hashing then shows as a moved fingerprint."""
    return {"sha256": sha, "size": st.st_size, "mtime": st.st_mtime, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns, "ino": st.st_ino}


def same_file(known: dict | None, st: os.stat_result) -> bool:
    """The file is byte for byte what `known` hashed (an old manifest without the fields: unknown)."""
    return bool(known) and (known.get("size"), known.get("mtime_ns"), known.get("ctime_ns"), known.get("ino")) == (
        st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def refresh_fingerprints(index_dir: Path, view: dict[str, Path], hash_file) -> None:
    """Writer only: re-record the fingerprint of files whose stat moved but
    whose bytes are what the index holds (moved in from the journal, touched,
    chmod-ed), so the next refresh costs one stat per file and no hashing.
    They are hashed again here (stat first): an edit made while the index was
    being built must still show as a change."""
    m = read_manifest(index_dir)
    files = dict(m.files)
    for doc, known in m.files.items():
        path = view.get(doc)
        st = path.stat() if path is not None else None
        if st is not None and not same_file(known, st) and hash_file(path) == known["sha256"]:
            files[doc] = {**known, **file_stats(st, known["sha256"])}
    if files != m.files:  # an atomic rewrite: readers see the old or the new fingerprints, same hashes
        write_manifest((index_dir / "current").resolve(), replace(m, files=files))


# ---------- versions ----------

def write_manifest(folder: Path, manifest: Manifest) -> None:
    tmp = folder / f".manifest.json.tmp{os.getpid()}"
    tmp.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1), encoding="utf-8")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, folder / "manifest.json")


def fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as f:
                os.fsync(f.fileno())


def swap_current(index_dir: Path, version: Path) -> None:
    link = index_dir / f".current-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(version.name, link)
    os.replace(link, index_dir / "current")  # atomic on POSIX


def remove_old_versions(index_dir: Path, keep: tuple) -> None:
    """The previous version stays one round: a reader may have resolved
    `current` just before the swap and still be loading its files."""
    names = {k.name for k in keep if k is not None}
    for old in index_dir.glob("v-*"):
        if old.name not in names:
            shutil.rmtree(old, ignore_errors=True)
    for torn in index_dir.glob(".building-*"):
        shutil.rmtree(torn, ignore_errors=True)


def publish(index_dir: Path, tmp: Path, version: Path) -> None:
    """Make the fully written folder `tmp` the current version; the swap is the commit point."""
    fsync_tree(tmp)
    os.rename(tmp, version)
    previous = (index_dir / "current").resolve() if (index_dir / "current").is_symlink() else None
    swap_current(index_dir, version)
    remove_old_versions(index_dir, keep=(version, previous))


# ---------- reading ----------

def read_manifest(index_dir: Path, folder: Path | None = None) -> Manifest:
    path = (folder or index_dir / "current") / "manifest.json"
    if not path.exists():
        raise IndexMissingError(f"no index in {index_dir}; run `qa index` to build it")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["encoders"] = tuple(data["encoders"])
        return Manifest(**data)
    except (ValueError, TypeError, KeyError) as e:
        raise StaleIndexError(f"the index in {index_dir} is unreadable ({e}); run `qa index` to rebuild it") from e


def check_manifest(m: Manifest, encoders: tuple[str, ...], current_files: dict, index_dir: Path) -> None:
    """Refuse an index that would answer from other vectors or other text."""
    if m.format_version != FORMAT_VERSION:
        raise StaleIndexError(f"the index in {index_dir} has format {m.format_version}, this program reads {FORMAT_VERSION}; run `qa index` to rebuild it")

    if m.recipe != EMBED_RECIPE:
        raise StaleIndexError(f"the index in {index_dir} was embedded by an older version of this program; run `qa index` to re-embed it")
    if tuple(m.encoders) != tuple(encoders):
        raise StaleIndexError(
            f"the index in {index_dir} was built with encoders {', '.join(m.encoders)}, not {', '.join(encoders)}; "
            f"run `qa index --encoders {','.join(encoders)}` to rebuild it, or ask with --encoders {','.join(m.encoders)}"
        )
    indexed = {d: f["sha256"] for d, f in m.files.items()}
    if indexed != current_files:
        changed = sorted(set(indexed.items()) ^ set(current_files.items()))
        names = sorted({d for d, _ in changed})
        raise StaleIndexError(f"the corpus changed since the index was built ({', '.join(names[:5])}); run `qa index` to refresh it")
