"""The corpus folder and the library's journal: which files make up the library now.

A change to the library (qa.library) is staged here first; the index build
(qa.index.build) reads the staged view and settles the journal after its swap.
"""

from __future__ import annotations

import os
from pathlib import Path

from qa.errors import CorpusError
from qa.ingest.formats import SUPPORTED


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


