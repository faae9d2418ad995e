"""The chat server's life (`python app.py`, `qa serve`): opening the engine
(building or refreshing the index, saying so), warming it up in the
background, a free port on 127.0.0.1, and a stop that cannot hang.
Nothing here imports Gradio: app.py owns the page."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, grace: float = 30) -> None:
    """SIGTERM (the server shuts down cleanly), then SIGKILL if it has not
    ended within `grace` seconds; each wait is bounded."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


def open_chat(settings, say=print):
    """Load the engine (building the index on first start, saying so)."""
    from qa.web.chat import Chat
    from qa.ingest.corpus import corpus_files
    from qa.engine import Engine
    from qa.index.build import build_index
    from qa.errors import IndexMissingError, StaleIndexError
    from qa.index.backends import open_backend

    note = ""
    try:
        open_backend(settings).read_manifest()
    except IndexMissingError:
        n = len(corpus_files(settings.corpus_dir))
        say(f"First start: no index in {settings.index_dir}; building it from {n} articles in {settings.corpus_dir} "
            f"(a few seconds per article: 14 s for the five on 2 cores)…")
        note = f"The index was built at this first start from {n} articles."
    t = time.perf_counter()
    progress = lambda enc, doc: say(f"  embedding {doc} with {enc}")  # noqa: E731
    try:
        engine = Engine.open(settings, progress=progress)
    except StaleIndexError as why:
        # `qa ask` reports this and stops; a chat being started is expected to
        # come up with the articles in its folder, so it refreshes (only what
        # changed is embedded) and says so.
        say(f"{why}. Refreshing it now…")
        build_index(settings, progress)
        engine = Engine.open(settings, progress=progress)
    if note:
        say(f"Index built in {time.perf_counter() - t:.0f} s.")
    return Chat(engine), note


def warm_up(chat) -> threading.Thread:
    """Load the models in the background so the page serves at once; the
    first question waits on the engine lock until this is done."""
    def run():
        try:
            chat.ask("warm-up")
            # Then the engines that start slowly but answer faster (PyTorch for
            # e5, see qa.models.encoders); questions are answered meanwhile.
            chat.engine.warm(wait=False)
        except Exception as e:  # a failed warm-up only costs the first user time
            print(f"warm-up failed: {e}", file=sys.stderr)

    th = threading.Thread(target=run, name="qa-warm-up", daemon=True)
    th.start()
    return th
