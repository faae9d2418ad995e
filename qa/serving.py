"""The chat server as a process of its own (`python app.py`, `qa serve`):
a free port on 127.0.0.1, and a stop that cannot hang."""

from __future__ import annotations

import socket
import subprocess


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
