"""How a reply looks: Markdown for the chat bubbles, HTML for the article reader.

Every piece of article or question text goes through `md_text` / `html_text`
first, so a paragraph that contains `<script>` or `<img onerror=...>` is shown
as those characters, never run; the only markup is what we add (bold, <mark>).
"""

from __future__ import annotations

import html
import re

from qa.answer.decide import Answer

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
# Characters Markdown would read as syntax; a backslash makes them literal.
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$=:])")
RELATED_SHOWN = 3

LABELS = {
    "en": {
        "empty": "Please type a question about the articles, for example “What was the 2024 Kazakhstan–China trade volume?”.",
        "too_long": "That message is {n:,} characters long. Please ask one question at a time, in fewer than {max:,} characters.",
        "error": "Sorry, that question could not be answered: {error}",
        "understood": "Understood as",
        "sources": "Sources",
        "sources_note": "{support} {verb} the answer (highlighted sentence); {n} sources below, \\[1\\] open.",
        "paragraph": "paragraph",
        "undated": "undated",
        "not_found": "Not found in these articles.",
        "related_note": "The closest passages are below. They are possibly related, **not an answer**.",
        "related": "Possibly related, not an answer",
        "placeholder": "Ask a question about the articles (English or 中文)…",
        "send": "Ask",
        "articles": "Articles",
        "reader_hint": "Choose an article, or ask a question: the cited paragraph is shown here.",
    },
    "zh": {
        "empty": "请输入一个关于这些文章的问题，例如“2024年哈萨克斯坦与中国的贸易额是多少？”。",
        "too_long": "这条消息有 {n:,} 个字符。请一次只问一个问题，不超过 {max:,} 个字符。",
        "error": "抱歉，无法回答这个问题：{error}",
        "understood": "理解为",
        "sources": "来源",
        "sources_note": "{support} 是答案的依据（高亮句子）；下方共 {n} 个来源，\\[1\\] 已展开。",
        "paragraph": "第{n}段",
        "undated": "无日期",
        "not_found": "这些文章中没有找到答案。",
        "related_note": "下面是最接近的段落，可能相关，**但不是答案**。",
        "related": "可能相关（不是答案）",
        "placeholder": "输入关于这些文章的问题（中文或 English）…",
        "send": "提问",
        "articles": "文章",
        "reader_hint": "选择一篇文章，或提出问题：被引用的段落会显示在这里。",
    },
}


def language(text: str) -> str:
    """'zh' when the text is mostly Chinese characters, else 'en'."""
    return "zh" if len(HAN.findall(text)) > len(LATIN.findall(text)) else "en"


def md_text(s: str) -> str:
    """Literal text inside Markdown: HTML escaped, Markdown syntax backslashed,
    line breaks kept as spaces (a paragraph is one line)."""
    s = html.escape(" ".join(str(s).split()), quote=False)
    return MD_SPECIAL.sub(r"\\\1", s)


def md_unescape(s: str) -> str:
    """The text `md_text` was given (up to whitespace): user messages are
    stored escaped in the chat history and read back as questions."""
    return html.unescape(re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~>$=:])", r"\1", s))


def html_text(s: str) -> str:
    return html.escape(str(s), quote=True)


def split_on(text: str, sentence: str) -> tuple[str, str, str] | None:
    """(before, sentence, after) when the sentence occurs in the text."""
    i = text.find(sentence) if sentence else -1
    return (text[:i], sentence, text[i + len(sentence):]) if i >= 0 else None


def highlight_md(text: str, sentence: str) -> str:
    parts = split_on(text, sentence)
    if not parts:
        return md_text(text)
    before, mid, after = parts
    return f"{md_text(before)}<mark>{md_text(mid)}</mark>{md_text(after)}"


def para_label(p, lang: str) -> str:
    lab = LABELS[lang]
    para = lab["paragraph"].format(n=p.para_no) if lang == "zh" else f"{lab['paragraph']} {p.para_no}"
    return f"{p.title} · {p.date or lab['undated']} · {para}"


def render_notice(text: str) -> dict:
    return {"role": "assistant", "content": md_text(text)}


def render_answer(a: Answer, lang: str, understood_as: str | None = None, floor: float | None = None) -> list[dict]:
    """The reply to one question: a lead message, then one collapsible source
    per citation (the first open) or, on abstention, the possibly related passages.
    With the engine's confidence `floor`, the answer's confidence is shown in words."""
    from qa.web.confidence import badge

    lab = LABELS[lang]
    lines = [f"_{lab['understood']}: {md_text(understood_as)}_", ""] if understood_as else []
    if a.abstained:
        reason = f" ({md_text(a.reason)})" if a.reason else ""
        lines += [f"**{md_text(lab['not_found'])}**{reason}"]
        related = a.hits[:RELATED_SHOWN]
        if related:
            lines += ["", lab["related_note"]]
        msgs = [{"role": "assistant", "content": "\n".join(lines)}]
        if related:
            # One plain message of collapsed grey boxes, unlike the citations'
            # open/closable source panels: nothing here supports an answer.
            boxes = "".join(f"<details class='qa-related'><summary>{html_text(lab['related'])} — {html_text(para_label(h.passage, lang))}"
                            f"</summary><div>{html_text(h.passage.text)}</div></details>" for h in related)
            msgs.append({"role": "assistant", "content": f"<div class='qa-related-list'>{boxes}</div>"})
        return msgs
    head = f"**{md_text(a.answer or '')}**"
    if a.answer_en and lang == "en":
        head += f" (≈ {md_text(a.answer_en)})"
    support = supporting(a)
    refs = ", ".join(f"\\[{i}\\]" for i in support)
    verb = "supports" if len(support) == 1 else "support"
    conf = badge(a, floor, lang)
    lines += [f"{head} {refs}" + (f" · {conf}" if conf else ""), "", "_" + lab["sources_note"].format(support=refs, verb=verb, n=len(a.hits)) + "_"]
    msgs = [{"role": "assistant", "content": "\n".join(lines)}]
    for i, h in enumerate(a.hits, start=1):
        meta = {"title": f"\\[{i}\\] {md_text(para_label(h.passage, lang))}"}
        if i > 1:
            meta["status"] = "done"  # collapsed; the first source stays open
        content = highlight_md(h.passage.text, h.sentence)
        if lang == "en" and i in support:  # an English reader can check the Chinese sentence word by word
            from qa.web.gloss import gloss_html

            box = gloss_html(h.sentence)
            content += f"\n\n{box}" if box else ""
        msgs.append({"role": "assistant", "content": content, "metadata": meta})
    return msgs


def supporting(a: Answer) -> list[int]:
    """Ranks (from 1) of the sources whose paragraph states the answer as
    given; the first source at least, since the answer was read from it."""
    found = [i for i, h in enumerate(a.hits, start=1) if a.answer and a.answer in h.passage.text]
    return found or [1]


def citations(a: Answer | None) -> list[tuple[str, str, int]]:
    """(label, doc, paragraph) of each cited (or possibly related) passage."""
    if a is None:
        return []
    return [(f"[{i}] {h.passage.title} ¶{h.passage.para_no}", h.passage.doc, h.passage.para_no)
            for i, h in enumerate(a.hits, start=1)]


def reader_html(passages, cited: dict[int, str] | None = None, lang: str = "en") -> str:
    """One article as HTML; cited paragraphs (para_no -> supporting sentence,
    best first) are marked, the first carries the class the page scrolls to."""
    if not passages:
        return f"<div class='qa-reader'><p class='qa-hint'>{html_text(LABELS[lang]['reader_hint'])}</p></div>"
    cited = cited or {}
    focus = next(iter(cited), None)
    p0 = passages[0]
    out = [f"<div class='qa-reader'><h3>{html_text(p0.title)}</h3>",
           f"<p class='qa-meta'>{html_text(p0.date or LABELS[lang]['undated'])} · {html_text(p0.doc)}</p>"]
    section = None
    for p in passages:
        if p.section and p.section != section and p.section != p.title:
            out.append(f"<h4>{html_text(p.section)}</h4>")
        section = p.section
        body = html_text(p.text)
        parts = split_on(p.text, cited.get(p.para_no, ""))
        if parts:
            body = f"{html_text(parts[0])}<mark>{html_text(parts[1])}</mark>{html_text(parts[2])}"
        cls = "qa-para" + (" qa-cited" if p.para_no in cited else "") + (" qa-focus" if p.para_no == focus else "")
        out.append(f"<p id='qa-p-{p.para_no}' class='{cls}'><span class='qa-no'>¶{p.para_no}</span> {body}</p>")
    out.append("</div>")
    return "\n".join(out)


def _mark_words(text: str, words) -> str:
    """`text` escaped, each occurrence of a matched word in <mark>."""
    from qa.search.find import spans

    out, at = [], 0
    for a, b in spans(text, tuple(words)):
        out += [html_text(text[at:a]), f"<mark>{html_text(text[a:b])}</mark>"]
        at = b
    return "".join(out) + html_text(text[at:])


def search_html(results, query: str = "") -> str:
    """Search results (qa.search.find.Found) as HTML: title, date, paragraph
    number, the paragraph with the best sentence set off and the matched
    words marked. Everything from the articles is escaped."""
    if not query:
        return "<div class='qa-results'><p class='qa-hint'>Type words or a phrase in either language, e.g. TRIPP, 哈萨克斯坦 小麦, Chinese investment.</p></div>"
    if not results:
        return "<div class='qa-results'><p class='qa-hint'>No paragraphs pass these filters; widen the dates or choose all articles.</p></div>"
    out = [f"<div class='qa-results'><p class='qa-meta'>{len(results)} paragraphs for “{html_text(query)}”, best first</p>"]
    for i, r in enumerate(results, start=1):
        p, words = r.hit.passage, r.matched
        parts = split_on(p.text, r.hit.sentence) or (p.text, "", "")
        body = (_mark_words(parts[0], words) + (f"<span class='qa-best'>{_mark_words(parts[1], words)}</span>" if parts[1] else "")
                + _mark_words(parts[2], words))
        matched = f" · matched: {html_text(', '.join(words))}" if words else " · close in meaning, no word matched"
        out.append(f"<div class='qa-result' id='qa-r-{i}'><p class='qa-meta'>[{i}] <b>{html_text(p.title)}</b> · "
                   f"{html_text(p.date or LABELS['en']['undated'])} · ¶{p.para_no} · {html_text(p.doc)}{matched}</p>"
                   f"<p class='qa-para'>{body}</p></div>")
    out.append("</div>")
    return "\n".join(out)
