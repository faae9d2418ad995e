"""Follow-up questions resolved from the chat history, without a language model.

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

import re

from qa.text.entities import Entity, find_entities
from qa.web.views import md_unescape

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
