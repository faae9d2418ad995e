"""The conversation: follow-up questions resolved from the chat history, and
replies built from the engine's `Answer`. No language model, no Gradio here:
`Chat(engine).respond(message, history)` returns plain message dicts that the
UI (app.py) shows as they are.

Follow-ups use the recognised entities (qa.text.entities) and the previous
question, resolved in turn from the one before it:

- "And with Russia?" after "What was the 2024 Kazakhstan–China trade volume?":
  the message says nothing but an entity, so it replaces the entity of the
  previous question that carries the information (the least common one in the
  corpus: China, not Kazakhstan which every article names).
- "And in 2023?": a bare number replaces the number of the same shape.
- "When was it signed?": no entity but a referring word ("it", "两国"), so the
  previous question's entities are added as context.
Anything else is a question of its own.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from dataclasses import dataclass

from qa.web.restate import restate
from qa.web.views import LABELS, language, md_unescape, render_answer, render_notice
from qa.engine import MAX_QUESTION_CHARS
from qa.text.entities import Entity, find_entities
from qa.errors import QAError

# Words that carry no content of their own in a follow-up ("and what about X?").
FILLER_EN = set(
    "and what about how with for in of the then also same between vs versus or to regarding "
    "on at is was were did does do as well please tell me".split()
)
FILLER_ZH = re.compile(r"那么|那|呢|和|与|跟|同|对于|对|的|又|还有|如何|怎么样|怎样|也|吗|情况|方面|关于|以及|及|呀|啊|在|年|是")
REFERRING = re.compile(r"\b(?:it|its|they|them|their|there|this|that|these|those|both|the two)\b|两国|双方|该国|它|他们|其|此", re.I)
# A message that opens like a continuation ("And the investment?", "那投资呢？").
CUE = re.compile(r"^(?:and|also|what about|how about|then)\b|^(?:那么|那|还有|另外)|呢[？?]?$", re.I)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Reply:
    question: str  # what the engine was asked (after follow-up resolution)
    followup: bool  # True when `question` was rebuilt from the conversation
    messages: tuple[dict, ...]  # assistant messages, Gradio "messages" format
    answer: object = None  # the engine's Answer, None for a notice


def message_text(content) -> str:
    """Text of a history entry's content: a string, or Gradio's list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(message_text(c) for c in content)
    return ""


def user_messages(history) -> list[str]:
    out = []
    for m in history or []:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", None)
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", None)
        if role == "user":  # the UI stores what the user typed escaped, as Markdown text
            out.append(md_unescape(message_text(content)))
    return out


def _leftover(message: str, ents: list[Entity]) -> str:
    """The message without entity names, numbers, filler words and punctuation."""
    rest = message
    for e in ents:
        rest = rest.replace(e.surface, " ")
    rest = NUMBER.sub(" ", rest)
    rest = FILLER_ZH.sub(" ", rest)
    words = re.findall(r"[A-Za-z]+|[\u3400-\u9fff]+", rest)
    return " ".join(w for w in words if w.lower() not in FILLER_EN)


def _name(e: Entity, chinese: bool) -> str:
    return e.names_zh[0] if chinese and e.names_zh else e.name_en


def _replace_entities(prev: str, new: list[Entity], mentions) -> str:
    chinese = bool(HAN.search(prev))
    joiner = "和" if chinese else " and "
    names = joiner.join(_name(e, chinese) for e in new)
    keys = {e.key for e in new}
    kinds = {e.kind for e in new}
    old = [e for e in find_entities(prev) if e.kind in kinds and e.key not in keys]
    if not old:  # nothing to replace: the new entity becomes context
        return f"{prev.rstrip('?？。. ')}（{names}）？" if chinese else f"{prev.rstrip('?？. ')} ({names})?"
    # Replace the entity that carries the information: the one the corpus names least.
    target = min(reversed(old), key=lambda e: mentions(e.key))
    names = joiner.join(_name(e, not target.surface.isascii()) for e in new)
    i = prev.rfind(target.surface)
    return prev[:i] + names + prev[i + len(target.surface):]


def _replace_numbers(prev: str, numbers: list[str]) -> str:
    for n in numbers:
        same = [m for m in NUMBER.finditer(prev) if len(m.group()) == len(n)]
        if same:
            m = same[0]
            prev = prev[: m.start()] + n + prev[m.end():]
    return prev


def resolve(message: str, previous: str | None, mentions=lambda key: 0) -> tuple[str, bool]:
    """(standalone question, whether it was rebuilt from `previous`).

    `mentions(entity_key)` counts the passages naming an entity (fewer means
    more specific); the engine's entity postings provide it."""
    message = " ".join(message.split())
    if not previous:
        return message, False
    ents = find_entities(message)
    if not _leftover(message, ents):  # elliptical: only entities and/or numbers
        numbers = NUMBER.findall(message)
        prev_keys = {e.key for e in find_entities(previous)}
        new = [e for e in ents if e.key not in prev_keys]
        q = _replace_entities(previous, new, mentions) if new else previous
        q = _replace_numbers(q, numbers)
        return q, q != message
    if not ents and (REFERRING.search(message) or CUE.search(message)):
        context = find_entities(previous)
        if context:
            chinese = bool(HAN.search(message))
            names = ("、" if chinese else ", ").join(_name(e, chinese) for e in context)
            return (f"{message}（{names}）" if chinese else f"{message} ({names})"), True
    return message, False


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
