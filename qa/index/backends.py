"""Settings -> the Backend that holds the published versions (qa.index.contract).

"faiss" (default): version folders in the index folder (qa.index.loaded).
"milvus": collections in Milvus (qa.index.milvus); its client library is
imported only when this backend is chosen.
"""

from __future__ import annotations

from pathlib import Path

from qa.errors import InputError
from qa.index.contract import BACKENDS, Backend
from qa.settings import Settings


def milvus_uri(settings: Settings) -> str:
    """A path ending in .db is a Milvus Lite file (made absolute: Milvus Lite
    resolves it in its own process); anything else (http://host:19530) a server."""
    uri = settings.milvus_uri or str(settings.index_dir / "milvus.db")
    if "://" not in uri:
        if not uri.endswith(".db"):
            raise InputError(f"--milvus-uri {uri}: give a Milvus Lite file ending in .db or a server URI such as http://localhost:19530")
        uri = str(Path(uri).resolve())
    return uri


def open_backend(settings: Settings) -> Backend:
    if settings.backend == "faiss":
        from qa.index.loaded import FaissBackend

        return FaissBackend(settings.index_dir)
    if settings.backend == "milvus":
        from qa.index.milvus import MilvusBackend

        return MilvusBackend(settings.index_dir, milvus_uri(settings))
    raise InputError(f"unknown backend {settings.backend!r}; choose one of {', '.join(BACKENDS)}")
