"""Shared fixtures. Every index is built under pytest's tmp folders; tests
never write into the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.settings import Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """The real engine (e5 + USE) over the five real articles, built once."""
    from qa.engine import Engine

    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"))
    return Engine.open(settings)


@pytest.fixture
def mini_corpus(tmp_path) -> Path:
    """A copy of the tiny fixture corpus that a test may change."""
    dst = tmp_path / "corpus"
    shutil.copytree(MINI, dst)
    return dst


def mini_library_with(root: Path, name: str, text: str):
    """An engine (USE only) over the fixture corpus plus one more article,
    built under `root`: a library in another language or script than ours."""
    from qa.engine import Engine
    from qa.index.build import build_index

    shutil.copytree(MINI, root / "corpus")
    (root / "corpus" / name).write_text(text, encoding="utf-8")
    s = Settings(corpus_dir=root / "corpus", index_dir=root / "index", encoders=("use",))
    build_index(s)
    return Engine.open(s)


@pytest.fixture
def use_settings(mini_corpus, tmp_path) -> Settings:
    """USE only: the fast encoder keeps index round trips to a second or two."""
    return Settings(corpus_dir=mini_corpus, index_dir=tmp_path / "index", encoders=("use",))


@pytest.fixture(scope="module")
def chat_url(engine):
    """The chat on the real engine, served on 127.0.0.1 for one test module."""
    from qa.web.server import serve_in_background
    from qa.web.chat import Chat

    demo, url = serve_in_background(Chat(engine))
    try:
        yield url
    finally:
        demo.close()
