"""Starting the chat: `python app.py [--corpus DIR] [--index DIR] [--port P] [--host ADDR] [--users FILE]`
and `qa serve` (same flags), or `serve_in_background` for tests and scripts.

Serves on 127.0.0.1 unless --host names another address, which needs
credentials (--users FILE or QA_USERS; see qa.web.serving). With the index
built it serves in about 6 s on two cores (mostly importing Gradio; the
models load in the background and the first question waits for them); on
first start it builds the index and says so. The page is qa.web.app's.
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no telemetry calls


def launch(demo, port: int, block: bool = True, host: str = "127.0.0.1", users=()):
    """Serve offline (system fonts, no analytics, no share link); with `users`,
    every page and API call needs one of those name/password pairs."""
    import gradio as gr

    from qa.ingest.formats import MAX_BYTES
    from qa.web.app import CSS
    from qa.web.serving import check_access

    check_access(host, users)
    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    return demo.launch(server_name=host, server_port=port, share=False, prevent_thread_lock=not block,
                       theme=theme, css=CSS, show_error=True, quiet=not block, footer_links=["api"],
                       auth=list(users) or None, auth_message="Sign in to ask the articles." if users else None,
                       max_file_size=MAX_BYTES)  # the library's own per-file limit, refused before it is stored


def serve_in_background(chat, port: int | None = None, note: str = "", users=(), limiter=None):
    """(demo, url): the chat served from this process, for tests and scripts; stop with demo.close()."""
    from qa.web.app import build_ui
    from qa.web.serving import free_port

    demo = build_ui(chat, note, limiter)
    port = port or free_port()
    launch(demo, port, block=False, users=users)
    return demo, f"http://127.0.0.1:{port}/"


def main(settings, port: int = 7860, host: str = "127.0.0.1", users=()) -> int:
    from qa.errors import QAError
    from qa.web.app import build_ui
    from qa.web.serving import check_access, open_chat, warm_up

    t = time.perf_counter()
    try:
        check_access(host, users)  # before minutes of loading, not after
        chat, note = open_chat(settings)
    except QAError as e:
        print(f"qa: error: {e}", file=sys.stderr)
        return 2
    demo = build_ui(chat, note)
    launch(demo, port, block=False, host=host, users=users)
    warm_up(chat)  # after the server is up: loading models competes for the CPU
    shown = "127.0.0.1" if host in ("127.0.0.1", "localhost") else host
    login = f", sign-in required ({len(users)} users)" if users else ""
    print(f"Serving on http://{shown}:{port}/ ({time.perf_counter() - t:.1f} s after start{login}; Ctrl+C stops)", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    finally:
        demo.close()
    return 0


def cli(argv: list[str] | None = None) -> int:
    """`python app.py [--corpus DIR] [--index DIR] [--port P] [--host ADDR] [--users FILE]` at the repository root."""
    from qa.errors import QAError
    from qa.settings import Settings
    from qa.web.serving import load_users

    ap = argparse.ArgumentParser(description="Web chat over a folder of articles.")
    ap.add_argument("--corpus", default="corpus", help="folder of articles (default ./corpus)")
    ap.add_argument("--index", default="index", help="index folder (default ./index)")
    ap.add_argument("--backend", choices=("faiss", "milvus"), default=None, help="where the index lives (default faiss)")
    ap.add_argument("--milvus-uri", default="", help="Milvus Lite file (.db) or server URI; implies --backend milvus")
    add_serve_args(ap)
    a = ap.parse_args(argv)
    try:
        users = load_users(a.users)
    except QAError as e:
        print(f"qa: error: {e}", file=sys.stderr)
        return 2
    backend = a.backend or ("milvus" if a.milvus_uri else "faiss")
    settings = Settings(corpus_dir=Path(a.corpus), index_dir=Path(a.index), backend=backend, milvus_uri=a.milvus_uri)
    return main(settings, port=a.port, host=a.host, users=users)


def add_serve_args(ap) -> None:
    """--port, --host, --users: shared by `qa serve` and `python app.py`."""
    ap.add_argument("--port", type=int, default=7860)
    ap.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1, this machine only); any other needs --users or QA_USERS")
    ap.add_argument("--users", metavar="FILE",
                    help="sign-in required: one name:password per line (also read from the QA_USERS environment variable)")
