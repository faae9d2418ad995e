"""Tables derived from data packages, kept on disk after their first build.

The word tables read from CC-CEDICT (qa.text.lexical, qa.text.glossary) and
the country names read from CLDR (qa.text.entities) take ~3 s to build, most
of a one-shot `qa ask`; the same tables load from a pickle in ~0.1 s.

A table is stored under a key made of its name, the version of the code that
builds it (bump it when the builder changes) and the versions of the packages
it reads, so an upgraded dictionary is never answered from a stale table.
A missing, unreadable or foreign file is rebuilt; a cache that cannot be
written (read-only home, full disk) costs time, never an answer.

Where: $QA_CACHE_DIR, else $XDG_CACHE_HOME/qa-news, else ~/.cache/qa-news.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("QA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qa-news"


def _versions(packages: tuple[str, ...]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for p in packages:
        try:
            out.append(f"{p}={version(p)}")
        except PackageNotFoundError:
            out.append(f"{p}=?")
    return ";".join(out)


def derived(name: str, code_version: int, packages: tuple[str, ...], build: Callable[[], T]) -> T:
    """`build()`'s result, from the cache when it holds this very key."""
    key = f"{name}|{code_version}|{_versions(packages)}"
    path = cache_dir() / f"{name}-{hashlib.sha1(key.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as f:
            stored_key, value = pickle.load(f)
        if stored_key == key:
            return value
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: rebuild it
        pass
    value = build()
    _store(path, key, value)
    return value


def derived_file(name: str, code_version: int, packages: tuple[str, ...], suffix: str,
                 write: Callable[[Path], None]) -> Path | None:
    """A file made by `write(path)` once and kept (e.g. an uncompressed copy of
    a package's compressed weights); None when the cache cannot hold it."""
    key = f"{name}|{code_version}|{_versions(packages)}"
    path = cache_dir() / f"{name}-{hashlib.sha1(key.encode()).hexdigest()[:16]}{suffix}"
    if path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp" + suffix)
        os.close(fd)
        try:
            write(Path(tmp))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:  # noqa: BLE001 - no room or no permission: use the original
        return None
    return path


def _store(path: Path, key: str, value) -> None:
    """Write atomically (a reader never sees half a file); failure is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass
