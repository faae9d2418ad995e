"""The web chat's page: Gradio on top of `qa.web.chat.Chat` (the Ask tab,
the article list and reader, uploads, the Search tab of qa.web.search_tab).

Starting it (`python app.py`, `qa serve`, tests) is qa.web.server's business.
The named endpoint `/ask` returns the
same JSON object as `qa ask --json`:

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("What was ...?", 5, api_name="/ask")
"""

import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no telemetry calls

# Several sessions may run at once; each question holds the engine lock for
# ~0.1-0.5 s, so a few workers keep the queue moving without oversubscribing
# the CPU (the encoders use every core themselves).
CONCURRENCY = 4
QUEUE_MAX = 256
MAX_K = 50
SHOWN_MAX = 2000  # a 10,000-character paste is echoed cut short
# Per upload request: a shared server should not embed a whole archive for one
# visitor while everyone else's questions wait on the engine lock (~1 s per article).
MAX_UPLOAD_FILES = 20

CSS = """
.qa-reader { max-height: 560px; overflow-y: auto; padding: 0 .5em; }
.qa-reader .qa-para { margin: .5em 0; line-height: 1.6; }
.qa-reader .qa-cited { border-left: 4px solid #f59e0b; padding-left: .5em; background: #fffbeb; }
.qa-reader .qa-no { color: #6b7280; font-size: .85em; margin-right: .3em; }
.qa-reader .qa-meta { color: #6b7280; }
mark { background: #fde68a; color: inherit; padding: 0 .1em; }
#qa-chat .qa-related { border: 1px dashed #9ca3af; border-radius: 4px; padding: .2em .5em; margin: .3em 0; color: #4b5563; background: #f9fafb; }
#qa-chat .qa-related summary { cursor: pointer; font-style: italic; }
#qa-chat .qa-conf { font-size: .85em; padding: 0 .4em; border-radius: 3px; cursor: help; }
#qa-chat .qa-conf-high { background: #dcfce7; } #qa-chat .qa-conf-medium { background: #fef9c3; } #qa-chat .qa-conf-low { background: #fee2e2; }
#qa-chat .qa-gloss summary { cursor: pointer; color: #6b7280; font-size: .85em; }
#qa-chat .qa-gloss .qa-g { display: inline-flex; flex-direction: column; margin: .15em .5em .15em 0; vertical-align: top; }
#qa-chat .qa-gloss .qa-g i { font-size: .8em; color: #4b5563; }
.qa-results .qa-result { border-bottom: 1px solid #e5e7eb; padding: .3em 0; }
.qa-results .qa-meta { color: #6b7280; margin: .2em 0; }
.qa-results .qa-best { text-decoration: underline; text-decoration-color: #f59e0b; text-underline-offset: 3px; }
"""
# Runs in the browser after an answer: bring the cited paragraph into view inside the reader.
SCROLL_JS = "() => { setTimeout(() => { const el = document.querySelector('.qa-reader .qa-focus'); if (el) el.scrollIntoView({block: 'center'}); }, 150); }"

EXAMPLES = [
    "What was the 2024 Kazakhstan–China trade volume?",
    "And with Russia?",
    "What was the trade volume between Kazakhstan and Japan?",
    "When did Kazakhstan and Kyrgyzstan establish diplomatic relations?",
    "中国对哈萨克斯坦的累计投资是多少？",
    "哈萨克斯坦与土库曼斯坦签署了多少份文件？",
]


def build_ui(chat, note: str = "", limiter=None):
    """The Blocks app for a `qa.web.chat.Chat`; `note` is shown under the title;
    `limiter` (qa.web.serving.RateLimiter, the default) slows a flooding client."""
    import gradio as gr

    from qa.web.serving import RateLimiter

    limiter = limiter or RateLimiter()

    from qa.errors import QAError
    from qa.web.chat import Reply
    from qa.web.search_tab import article_filter_choices, build_search_tab
    from qa.web.views import LABELS, citations, md_text, reader_html, render_notice
    from qa.answer.report import answer_json

    def table_rows(articles):
        return [[a["title"], a["date"] or "—", a["paragraphs"]] for a in articles]

    def doc_choices(articles):
        return [(f"{a['title']} ({a['date'] or 'undated'})", a["doc"]) for a in articles]

    articles = chat.articles()

    def cited_map(answer, doc):
        return {h.passage.para_no: ("" if answer.abstained else h.sentence) for h in answer.hits if h.passage.doc == doc}

    def submit(message, history, request: gr.Request):
        history = list(history or [])
        lang = _lang(message)
        wait = limiter.wait(_client(request))
        try:
            if wait:
                print(f"qa: chat: slowed {_client(request)}: {TOO_MANY.format(s=wait)}", file=sys.stderr, flush=True)
                reply = Reply("", False, (render_notice(TOO_MANY.format(s=wait)),))
            else:
                reply = chat.reply(message, history)
        except Exception as e:  # a bug must not lose the conversation: say so, keep going
            traceback.print_exc()
            reply = Reply("", False, (render_notice(LABELS[lang]["error"].format(error=type(e).__name__)),))
        lab = LABELS[lang]
        shown = message if isinstance(message, str) else ""
        shown = shown if len(shown) <= SHOWN_MAX else shown[:SHOWN_MAX] + "…"
        # What the user typed is shown as text, never as Markdown or HTML.
        # A blank message leaves no empty bubble: only the notice that asks for a question.
        history += ([{"role": "user", "content": md_text(shown)}] if shown.strip() else []) + list(reply.messages)
        cites = citations(reply.answer)
        if cites:
            doc = cites[0][1]
            reader = reader_html(chat.article(doc), cited_map(reply.answer, doc), lang)
            pick = gr.update(choices=[(c[0], f"{c[1]}#{c[2]}") for c in cites], value=f"{cites[0][1]}#{cites[0][2]}", label=lab["sources"])
            article = gr.update(value=doc, label=lab["articles"])
        else:
            reader, pick, article = gr.update(), gr.update(), gr.update(label=lab["articles"])
        box = gr.update(value="", placeholder=lab["placeholder"])
        export = export_markdown(reply.answer) if reply.answer is not None else gr.update()
        return history, box, gr.update(value=lab["send"]), reader, pick, article, reply.answer, export

    def export_markdown(answer) -> str:
        from qa.answer.provenance import provenance_markdown

        try:
            return provenance_markdown(answer, chat.engine.settings.corpus_dir)
        except QAError as e:  # the article file went away: the answer stands, its offsets cannot be given
            return f"(no export: {e})"

    def show_cited(choice, answer):
        """The reader on one cited paragraph, chosen from the answer's sources."""
        if not choice or "#" not in choice:
            return gr.update()
        doc, para = choice.rsplit("#", 1)
        sentence = cited_map(answer, doc).get(int(para), "") if answer is not None else ""
        return reader_html(chat.article(doc), {int(para): sentence})

    def select_row(evt: gr.SelectData):
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        current = chat.articles()  # read now: an upload may have added rows
        return gr.update(value=current[row]["doc"]) if isinstance(row, int) and 0 <= row < len(current) else gr.update()

    def upload(files):
        """Add the picked files; report each as added, updated, skipped or rejected."""
        from qa.errors import QAError

        files = [f for f in (files or []) if f]
        if not files:
            return gr.update(), gr.update(), gr.update(), None
        if len(files) > MAX_UPLOAD_FILES:
            why = f"{len(files)} files in one upload; add at most {MAX_UPLOAD_FILES} at a time"
            print(f"qa: upload refused: {why}", file=sys.stderr)
            return md_text(f"Nothing was added: {why}."), gr.update(), gr.update(), None
        paths = [getattr(f, "name", f) for f in files]
        # Gradio keeps the user's file name as the temporary file's name; it is checked in qa.library.
        names = [Path(str(p)).name for p in paths]
        try:
            report = chat.add_files(paths, names)
        except QAError as e:
            return md_text(f"Nothing was added: {e}"), gr.update(), gr.update(), None
        current = chat.articles()
        lines = "\n".join(f"- **{r.status}** {md_text(r.name)}" + (f": {md_text(r.reason)}" if r.reason else "") for r in report.results)
        table_update = gr.update(value=table_rows(current), label=f"{len(current)} articles (click one to read it)")
        return lines, table_update, gr.update(choices=doc_choices(current)), None

    def on_load():
        """Every page load (a reload, a second visitor) shows the library as it
        is now, including articles uploaded since or added by `qa add`."""
        current = chat.articles()
        return (gr.update(value=table_rows(current), label=f"{len(current)} articles (click one to read it)"),
                gr.update(choices=doc_choices(current)), gr.update(choices=article_filter_choices(current)))

    def show_article(doc):
        return reader_html(chat.article(doc)) if doc else reader_html([])

    def ask(question: str, k: int = 5, request: gr.Request = None) -> dict:
        """The same JSON object as `qa ask QUESTION --k K --json`."""
        wait = limiter.wait(_client(request))
        if wait:
            raise refuse("/ask", TOO_MANY.format(s=wait))
        if not isinstance(k, (int, float)) or not 1 <= int(k) <= MAX_K:
            raise refuse("/ask", f"k is {k!r}; ask for between 1 and {MAX_K} citations")
        try:
            return answer_json(chat.ask(question, int(k)))
        except QAError as e:
            raise refuse("/ask", str(e)) from None

    lab = LABELS["en"]
    with gr.Blocks(title="Ask the articles") as demo:
        gr.Markdown("## Ask the articles\nAnswers come only from the articles, with the paragraphs that say so." + (f"\n\n_{note}_" if note else ""))
        answer_state = gr.State(None)
        with gr.Tab("Ask / 提问", elem_id="qa-ask-tab"), gr.Row():
            with gr.Column(scale=3):
                bot = gr.Chatbot(label="Chat", height=640, latex_delimiters=[], elem_id="qa-chat", buttons=["copy"],
                                 feedback_options=None)
                with gr.Row():
                    box = gr.Textbox(placeholder=lab["placeholder"], show_label=False, scale=5, elem_id="qa-input", max_lines=4)
                    send = gr.Button(lab["send"], variant="primary", scale=1, elem_id="qa-send")
                gr.Examples(EXAMPLES, inputs=[box], label="Examples / 示例")
                with gr.Accordion("Export the answer with its citation / 导出答案与出处", open=False, elem_id="qa-export-box"):
                    export = gr.Textbox(label="Markdown: article, date, paragraph, character offsets of sentence and answer in the file",
                                        lines=8, interactive=False, buttons=["copy"], elem_id="qa-export")
            with gr.Column(scale=2, elem_id="qa-side"):
                table = gr.Dataframe(table_rows(articles),
                                     headers=["Title", "Date", "¶"], interactive=False, column_widths=["62%", "26%", "12%"],
                                     label=f"{len(articles)} articles (click one to read it)", max_height=240, wrap=True,
                                     elem_id="qa-articles")
                article = gr.Dropdown(doc_choices(articles), label=lab["articles"], value=None, elem_id="qa-article")
                pick = gr.Dropdown([], label=lab["sources"], value=None, elem_id="qa-pick")
                reader = gr.HTML(reader_html([]), elem_id="qa-reader")
                with gr.Column(elem_id="qa-upload-slot"):
                    files = gr.File(label="Add articles (.txt .md .html .pdf) / 添加文章", file_count="multiple",
                                    type="filepath", elem_id="qa-upload")
                    upload_report = gr.Markdown(elem_id="qa-upload-report")
        with gr.Tab("Search / 搜索", elem_id="qa-search-tab"):
            search_article = build_search_tab(gr, chat, refuse)

        outs = [bot, box, send, reader, pick, article, answer_state, export]
        for ev in (box.submit, send.click):
            ev(submit, [box, bot], outs, api_visibility="private").then(None, js=SCROLL_JS)
        pick.input(show_cited, [pick, answer_state], [reader], api_visibility="private").then(None, js=SCROLL_JS)
        article.input(show_article, [article], [reader], api_visibility="private")
        table.select(select_row, None, [article], api_visibility="private").then(show_article, [article], [reader], api_visibility="private")
        files.upload(upload, [files], [upload_report, table, article, files], api_visibility="private")
        demo.load(on_load, None, [table, article, search_article], api_visibility="private")
        gr.api(ask, api_name="ask")
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_MAX)
    return demo


def refuse(endpoint: str, why: str):
    """The error a client sees for ordinary bad input, logged as one line:
    Gradio would print a traceback for every empty question otherwise."""
    import gradio as gr

    print(f"qa: {endpoint}: refused: {why}", file=sys.stderr, flush=True)
    return gr.Error(why, print_exception=False)


TOO_MANY = "too many questions from this address; ask again in {s:.0f} s"


def _client(request) -> str | None:
    client = getattr(request, "client", None)
    return getattr(client, "host", None)


def _lang(message) -> str:
    from qa.web.views import language

    return language(message if isinstance(message, str) else "")

