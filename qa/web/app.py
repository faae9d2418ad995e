"""The web chat: Gradio on top of `qa.web.chat.Chat.respond(message, history)`.

    python app.py [--corpus DIR] [--index DIR] [--port 7860]      (or: qa serve)

Serves on 127.0.0.1 only. With the index built it serves in about 6 s on two
cores (mostly importing Gradio; the models load in the background and the
first question waits for them); on first start it builds the index and says so.
Opening the engine and warming it up live in qa.serving. The named endpoint
`/ask` returns the same JSON object as `qa ask --json`:

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("What was ...?", 5, api_name="/ask")
"""

import argparse
import os
import sys
import time
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

CSS = """
.qa-reader { max-height: 560px; overflow-y: auto; padding: 0 .5em; }
.qa-reader .qa-para { margin: .5em 0; line-height: 1.6; }
.qa-reader .qa-cited { border-left: 4px solid #f59e0b; padding-left: .5em; background: #fffbeb; }
.qa-reader .qa-no { color: #6b7280; font-size: .85em; margin-right: .3em; }
.qa-reader .qa-meta { color: #6b7280; }
mark { background: #fde68a; color: inherit; padding: 0 .1em; }
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


def build_ui(chat, note: str = ""):
    """The Blocks app for a `qa.web.chat.Chat`; `note` is shown under the title."""
    import gradio as gr

    from qa.web.chat import Reply
    from qa.web.views import LABELS, citations, md_text, reader_html, render_notice
    from qa.answer.report import answer_json

    def table_rows(articles):
        return [[a["title"], a["date"] or "—", a["paragraphs"]] for a in articles]

    def doc_choices(articles):
        return [(f"{a['title']} ({a['date'] or 'undated'})", a["doc"]) for a in articles]

    articles = chat.articles()

    def cited_map(answer, doc):
        return {h.passage.para_no: ("" if answer.abstained else h.sentence) for h in answer.hits if h.passage.doc == doc}

    def submit(message, history):
        history = list(history or [])
        lang = _lang(message)
        try:
            reply = chat.reply(message, history)
        except Exception as e:  # a bug must not lose the conversation: say so, keep going
            traceback.print_exc()
            reply = Reply("", False, (render_notice(LABELS[lang]["error"].format(error=type(e).__name__)),))
        lab = LABELS[lang]
        shown = message if isinstance(message, str) else ""
        shown = shown if len(shown) <= SHOWN_MAX else shown[:SHOWN_MAX] + "…"
        # What the user typed is shown as text, never as Markdown or HTML.
        history += [{"role": "user", "content": md_text(shown) or " "}] + list(reply.messages)
        cites = citations(reply.answer)
        if cites:
            doc = cites[0][1]
            reader = reader_html(chat.article(doc), cited_map(reply.answer, doc), lang)
            pick = gr.update(choices=[(c[0], f"{c[1]}#{c[2]}") for c in cites], value=f"{cites[0][1]}#{cites[0][2]}", label=lab["sources"])
            article = gr.update(value=doc, label=lab["articles"])
        else:
            reader, pick, article = gr.update(), gr.update(), gr.update(label=lab["articles"])
        box = gr.update(value="", placeholder=lab["placeholder"])
        return history, box, gr.update(value=lab["send"]), reader, pick, article, reply.answer

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

    def show_article(doc):
        return reader_html(chat.article(doc)) if doc else reader_html([])

    def ask(question: str, k: int = 5) -> dict:
        """The same JSON object as `qa ask QUESTION --k K --json`."""
        from qa.errors import QAError

        if not isinstance(k, (int, float)) or not 1 <= int(k) <= MAX_K:
            raise gr.Error(f"k is {k!r}; ask for between 1 and {MAX_K} citations")
        try:
            return answer_json(chat.ask(question, int(k)))
        except QAError as e:
            raise gr.Error(str(e)) from e

    lab = LABELS["en"]
    with gr.Blocks(title="Ask the articles") as demo:
        gr.Markdown("## Ask the articles\nAnswers come only from the articles, with the paragraphs that say so." + (f"\n\n_{note}_" if note else ""))
        answer_state = gr.State(None)
        with gr.Row():
            with gr.Column(scale=3):
                bot = gr.Chatbot(label="Chat", height=640, latex_delimiters=[], elem_id="qa-chat", buttons=["copy"],
                                 feedback_options=None)
                with gr.Row():
                    box = gr.Textbox(placeholder=lab["placeholder"], show_label=False, scale=5, elem_id="qa-input", max_lines=4)
                    send = gr.Button(lab["send"], variant="primary", scale=1, elem_id="qa-send")
                gr.Examples(EXAMPLES, inputs=[box], label="Examples / 示例")
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

        outs = [bot, box, send, reader, pick, article, answer_state]
        for ev in (box.submit, send.click):
            ev(submit, [box, bot], outs, api_visibility="private").then(None, js=SCROLL_JS)
        pick.input(show_cited, [pick, answer_state], [reader], api_visibility="private").then(None, js=SCROLL_JS)
        article.input(show_article, [article], [reader], api_visibility="private")
        table.select(select_row, None, [article], api_visibility="private").then(show_article, [article], [reader], api_visibility="private")
        files.upload(upload, [files], [upload_report, table, article, files], api_visibility="private")
        gr.api(ask, api_name="ask")
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_MAX)
    return demo


def _lang(message) -> str:
    from qa.web.views import language

    return language(message if isinstance(message, str) else "")


def launch(demo, port: int, block: bool = True):
    """Serve on 127.0.0.1 only; offline (system fonts, no analytics, no share link)."""
    import gradio as gr

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    return demo.launch(server_name="127.0.0.1", server_port=port, share=False, prevent_thread_lock=not block,
                       theme=theme, css=CSS, show_error=True, quiet=not block, footer_links=["api"])


def serve_in_background(chat, port: int | None = None, note: str = ""):
    """(demo, url): the chat served from this process, for tests and scripts; stop with demo.close()."""
    from qa.web.serving import free_port

    demo = build_ui(chat, note)
    port = port or free_port()
    launch(demo, port, block=False)
    return demo, f"http://127.0.0.1:{port}/"


def main(settings, port: int = 7860) -> int:
    from qa.errors import QAError
    from qa.web.serving import open_chat, warm_up

    t = time.perf_counter()
    try:
        chat, note = open_chat(settings)
    except QAError as e:
        print(f"qa: error: {e}", file=sys.stderr)
        return 2
    demo = build_ui(chat, note)
    launch(demo, port, block=False)
    warm_up(chat)  # after the server is up: loading models competes for the CPU
    print(f"Serving on http://127.0.0.1:{port}/ ({time.perf_counter() - t:.1f} s after start; Ctrl+C stops)", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    finally:
        demo.close()
    return 0


def cli(argv: list[str] | None = None) -> int:
    """`python app.py [--corpus DIR] [--index DIR] [--port P]` at the repository root."""
    from qa.settings import Settings

    ap = argparse.ArgumentParser(description="Web chat over a folder of articles (127.0.0.1 only).")
    ap.add_argument("--corpus", default="corpus", help="folder of articles (default ./corpus)")
    ap.add_argument("--index", default="index", help="index folder (default ./index)")
    ap.add_argument("--port", type=int, default=7860)
    ap.add_argument("--backend", choices=("faiss", "milvus"), default=None, help="where the index lives (default faiss)")
    ap.add_argument("--milvus-uri", default="", help="Milvus Lite file (.db) or server URI; implies --backend milvus")
    a = ap.parse_args(argv)
    backend = a.backend or ("milvus" if a.milvus_uri else "faiss")
    return main(Settings(corpus_dir=Path(a.corpus), index_dir=Path(a.index), backend=backend, milvus_uri=a.milvus_uri), port=a.port)
