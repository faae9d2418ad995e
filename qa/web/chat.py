"""The conversation: replies built from the engine's `Answer`, follow-ups
resolved from the history (qa.web.followup). No language model, no Gradio
here: `Chat(engine).respond(message, history)` returns plain message dicts
that the UI (qa/web/app.py) shows as they are.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass

from qa.web.restate import restate
from qa.web.views import LABELS, language, render_answer, render_notice
from qa.engine import MAX_QUESTION_CHARS
from qa.web.followup import message_text, resolve, user_messages  # noqa: F401 (part of the chat's interface)
from qa.errors import QAError

@dataclass(frozen=True)
class Reply:
    question: str  # what the engine was asked (after follow-up resolution)
    followup: bool  # True when `question` was rebuilt from the conversation
    messages: tuple[dict, ...]  # assistant messages, Gradio "messages" format
    answer: object = None  # the engine's Answer, None for a notice


class Chat:
    """One engine shared by every conversation; the engine is read-only after
    loading, but its encoders (OpenMP / BLAS thread pools, lazily built models)
    are not safe to run concurrently, so each question holds a lock. With
    every core busy during one encoding, running two at once would not be faster."""

    def __init__(self, engine):
        self.engine = engine
        self.lock = threading.Lock()

    def mentions(self, key: str) -> int:
        # Read through self.engine: an upload swaps in a new engine.
        return len(self.engine.index.entity_postings.get(key, ()))

    def _index_moved(self) -> bool:
        """True when another writer (`qa add` in another process, another
        chat) has published a newer index version than the one loaded. One
        readlink: cheap enough for every question and page load."""
        folder = getattr(self.engine.index, "folder", None)
        link = self.engine.settings.index_dir / "current"
        if folder is None or not link.is_symlink():  # a store without versions on disk (e.g. Milvus)
            return False
        try:
            target = os.readlink(link)
        except OSError:
            return False
        return target != os.path.basename(str(folder)) and target != getattr(self, "_unloadable", None)

    def refresh(self, wait: bool = True) -> bool:
        """Load the index as it is now if a writer has swapped in a new one;
        True when it did. `wait=False` skips it while an upload holds the lock
        (a page load should not queue behind an embedding run)."""
        if not self._index_moved():
            return False
        if not self.lock.acquire(blocking=wait):
            return False
        try:
            return self._reopen()
        finally:
            self.lock.release()

    def _reopen(self) -> bool:
        from qa.engine import Engine

        if not self._index_moved():  # another thread reloaded it while we waited
            return False
        target = os.readlink(self.engine.settings.index_dir / "current")
        try:
            self.engine = Engine.open(self.engine.settings, build_if_missing=False)
            return True
        except (QAError, OSError) as e:  # keep answering from the loaded version; say so once per version
            self._unloadable = target
            print(f"qa: the index changed on disk but could not be reloaded: {e}", file=sys.stderr)
            return False

    def add_files(self, paths, names):
        """Add uploaded files to the library (qa.library.add_paths: names are
        checked there, never trusted) and answer from the new index at once.

        Holds the question lock throughout: the encoders that embed the new
        articles are the ones that answer questions, and they must not run
        concurrently. Questions asked meanwhile wait, then see the new articles."""
        from qa.engine import Engine
        from qa.library import add_paths

        with self.lock:
            report = add_paths(self.engine.settings, paths, names)
            if report.build is not None:
                self.engine = Engine.open(self.engine.settings)
            return report

    def ask(self, question: str, k: int | None = None):
        with self.lock:
            if self._index_moved():  # an article added by `qa add` is answerable without a restart
                self._reopen()
            return self.engine.ask(question, k)

    def search(self, query: str, k: int = 20, article: str | None = None, since: str | None = None, until: str | None = None):
        """Search mode (qa.search.find) on the library as it is now; same lock as questions."""
        from qa.search.find import find

        with self.lock:
            if self._index_moved():
                self._reopen()
            return find(self.engine.retriever, self.engine.index.articles, query, k, article, since, until)

    def resolve_history(self, message: str, history) -> tuple[str, bool]:
        """Resolve every earlier user message in turn, then this one."""
        previous = None
        for m in user_messages(history):
            if m.strip() and len(m) <= MAX_QUESTION_CHARS:
                previous, _ = resolve(m, previous, self.mentions)
        return resolve(message, previous, self.mentions)

    def reply(self, message, history=None) -> Reply:
        text = message_text(message)
        lang = language(text)
        if not text.strip():
            return Reply("", False, (render_notice(LABELS[lang]["empty"]),))
        if len(text) > MAX_QUESTION_CHARS:
            note = LABELS[lang]["too_long"].format(n=len(text), max=MAX_QUESTION_CHARS)
            return Reply("", False, (render_notice(note),))
        question, followup = self.resolve_history(text, history)
        try:
            answer = self.ask(question)
        except QAError as e:
            return Reply(question, followup, (render_notice(LABELS[lang]["error"].format(error=e)),))
        # A follow-up is restated in the language it was written in (the engine is asked the resolved question).
        shown = restate(question, lang) if followup else None
        from qa.answer.answerability import default_model

        floor = default_model().threshold
        return Reply(question, followup, tuple(render_answer(answer, lang, shown, floor)), answer)

    def respond(self, message, history=None) -> list[dict]:
        """The chat function: assistant messages for `message` given `history`."""
        return list(self.reply(message, history).messages)

    def articles(self) -> list[dict]:
        """Every indexed article as the index is now: doc, title, date and
        paragraph count, by file name."""
        self.refresh(wait=False)
        out = []
        for doc, passages in sorted(self.engine.index.articles.items()):
            p = passages[0]
            out.append({"doc": doc, "title": p.title, "date": p.date or "", "paragraphs": len(passages)})
        return out

    def article(self, doc: str):
        self.refresh(wait=False)
        return self.engine.index.articles.get(doc, [])
