"""The chat server's life (`python app.py`, `qa serve`): opening the engine
(building or refreshing the index, saying so), warming it up in the
background, who may connect (credentials for any address but loopback),
a free port on 127.0.0.1, and a stop that cannot hang.
Nothing here imports Gradio: app.py owns the page."""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
import threading
import time


USERS_ENV = "QA_USERS"  # "name:password" entries separated by commas or new lines
HOW_TO_ADD_USERS = (f"add credentials with --users FILE (one name:password per line) "
                    f"or the environment variable {USERS_ENV}='name:password'")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def _parse_users(text: str, where: str) -> tuple[tuple[str, str], ...]:
    from qa.errors import InputError

    users = []
    for n, entry in enumerate((e.strip() for e in text.replace(",", "\n").splitlines()), start=1):
        if not entry or entry.startswith("#"):
            continue
        name, sep, password = entry.partition(":")
        if not sep or not name.strip() or not password:
            raise InputError(f"{where}, entry {n}: expected name:password; fix it, e.g. alice:long-secret")
        users.append((name.strip(), password))
    return tuple(users)


def load_users(path: str | None = None, environ=None) -> tuple[tuple[str, str], ...]:
    """(name, password) pairs from `path` (one name:password per line, # for
    comments) and the QA_USERS environment variable; empty when neither says."""
    from qa.errors import InputError

    environ = os.environ if environ is None else environ
    users = _parse_users(environ.get(USERS_ENV, ""), USERS_ENV)
    if path:
        try:
            text = open(path, encoding="utf-8").read()
        except OSError as e:
            raise InputError(f"users file {path}: cannot be read ({e.strerror}); {HOW_TO_ADD_USERS}") from None
        users += _parse_users(text, f"users file {path}")
        if not users:
            raise InputError(f"users file {path} has no name:password lines; {HOW_TO_ADD_USERS}")
    return users


def check_access(host: str, users) -> None:
    """Only this machine may connect without credentials: a chat bound to
    another address is reachable by anyone on that network."""
    from qa.errors import InputError

    if not is_loopback(host) and not users:
        raise InputError(f"--host {host} makes the chat reachable from other machines, so it needs credentials; "
                         f"{HOW_TO_ADD_USERS}, or serve on 127.0.0.1")


class RateLimiter:
    """Per client address, a token bucket: `burst` questions at once, then
    `rate` a second. A client over it is told to wait instead of being queued:
    its excess requests return at once and hold neither a queue worker nor
    the engine lock, so a flood slows only the flooder.

    Defaults: one question a second sustained. The chat answered 8.2
    questions/s for 32 clients on 2 cores (README, load test), so a client
    asking faster than a person types would take a large share from the rest.
    Loopback clients (scripts and tests on this machine) are not limited."""

    def __init__(self, rate: float = 1.0, burst: int = 10, exempt=is_loopback, clock=time.monotonic):
        self.rate, self.burst, self.exempt, self.clock = rate, burst, exempt, clock
        self.buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)
        self.lock = threading.Lock()

    def wait(self, client: str | None) -> float:
        """0.0 when `client` may ask now (a token is taken); else the seconds until it may."""
        if not client or self.exempt(client):
            return 0.0
        now = self.clock()
        with self.lock:
            if len(self.buckets) > 10_000:  # forget clients whose bucket has refilled
                self.buckets = {c: b for c, b in self.buckets.items() if b[0] + (now - b[1]) * self.rate < self.burst}
            tokens, when = self.buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            if tokens >= 1.0:
                self.buckets[client] = (tokens - 1.0, now)
                return 0.0
            self.buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate


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
            from qa.text.glossary import english_for

            english_for("贸易")  # CC-CEDICT for the glosses under English answers (~1.4 s to load)
            # Then the engines that start slowly but answer faster (PyTorch for
            # e5, see qa.models.encoders); questions are answered meanwhile.
            chat.engine.warm(wait=False)
        except Exception as e:  # a failed warm-up only costs the first user time
            print(f"warm-up failed: {e}", file=sys.stderr)

    th = threading.Thread(target=run, name="qa-warm-up", daemon=True)
    th.start()
    return th
