"""`qa serve` as a user starts it: from an installed package (no repository
root on the path), and shared with credentials. Every server listens on
127.0.0.1 and starts and stops inside its test; every wait is bounded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from qa.web.serving import USERS_ENV

REPO = Path(__file__).resolve().parent.parent
QUESTION = "巴西与智利的农产品贸易额是多少？"  # answered by tests/fixtures/mini (it gives agricultural trade only)


def _wait_for(pred, proc, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if pred():
            return True
        time.sleep(0.5)
    return False


def test_qa_serve_from_an_installed_package_answers_through_gradio_client(mini_corpus, tmp_path):
    """The package alone, as pip installs it: no app.py and no repository on
    sys.path (the old `No module named 'app'` crash), started as the `qa`
    console script starts it."""
    from gradio_client import Client

    from qa.web.serving import free_port, stop_process

    site = tmp_path / "site"
    shutil.copytree(REPO / "qa", site / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop(USERS_ENV, None)
    script = "import sys, qa; from qa.cli import main; print('qa from', qa.__file__, flush=True); sys.exit(main())"
    cmd = [sys.executable, "-c", script, "serve", "--corpus", str(mini_corpus), "--index", str(tmp_path / "index"),
           "--encoders", "use", "--port", str(port)]
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            up = lambda: f"Serving on http://127.0.0.1:{port}/" in log.read_text()  # noqa: E731
            assert _wait_for(up, proc, 240), f"not serving within 240 s: {log.read_text()[-800:]}"
            assert f"qa from {site / 'qa'}" in log.read_text()
            got = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(QUESTION, 3, api_name="/ask")
            assert got["abstained"] is False and "12.5亿美元" in got["answer"]
        finally:
            stop_process(proc)


def test_serve_on_another_address_without_credentials_refuses_to_start(mini_corpus, tmp_path, capsys, monkeypatch):
    from qa.cli import main

    monkeypatch.delenv(USERS_ENV, raising=False)
    t = time.perf_counter()
    code = main(["serve", "--host", "0.0.0.0", "--corpus", str(mini_corpus), "--index", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "needs credentials" in err and "--users FILE" in err and USERS_ENV in err
    assert time.perf_counter() - t < 5  # refused before any model or index is loaded
    assert not (tmp_path / "index").exists()


def test_users_from_a_file_and_the_environment(tmp_path):
    from qa.errors import InputError
    from qa.web.serving import check_access, load_users

    f = tmp_path / "users.txt"
    f.write_text("# the team\nalice: pw with spaces\n\nbob:b:colon\n", encoding="utf-8")
    assert load_users(str(f), environ={}) == (("alice", " pw with spaces"), ("bob", "b:colon"))
    assert load_users(None, environ={USERS_ENV: "carol:x, dave:y"}) == (("carol", "x"), ("dave", "y"))
    assert load_users(None, environ={}) == ()
    with pytest.raises(InputError, match="entry 1: expected name:password"):
        load_users(None, environ={USERS_ENV: "nopassword"})
    with pytest.raises(InputError, match="cannot be read"):
        load_users(str(tmp_path / "missing.txt"), environ={})
    check_access("127.0.0.1", ())
    check_access("::1", ())
    check_access("localhost", ())
    with pytest.raises(InputError, match="needs credentials"):
        check_access("192.168.1.5", ())
    check_access("0.0.0.0", (("alice", "pw"),))


def _status(url: str, data: dict | None = None) -> int:
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_a_server_with_credentials_refuses_requests_without_them(use_settings, capfd):
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    from qa.engine import Engine
    from qa.web.server import serve_in_background
    from qa.web.chat import Chat

    demo, url = serve_in_background(Chat(Engine.open(use_settings)), users=(("alice", "s3cret"),))
    try:
        with pytest.raises(AuthenticationError):
            Client(url, verbose=False)
        assert _status(url + "config") == 401
        assert _status(url + "gradio_api/call/ask", {"data": [QUESTION, 3]}) == 401
        with pytest.raises(ValueError, match="Could not login"):
            Client(url, auth=("alice", "wrong"), verbose=False)
        client = Client(url, auth=("alice", "s3cret"), verbose=False)
        got = client.predict(QUESTION, 3, api_name="/ask")
        assert got["abstained"] is False and "12.5亿美元" in got["answer"]
        # Ordinary bad input: the client is told why, the server log has one line, no traceback.
        capfd.readouterr()
        with pytest.raises(Exception, match="the question is empty"):
            client.predict("   ", 3, api_name="/ask")
        err = capfd.readouterr().err
        assert "qa: /ask: refused: the question is empty" in err and "Traceback" not in err
    finally:
        demo.close()


def test_rate_limiter_slows_only_the_client_over_its_rate():
    from qa.web.serving import RateLimiter

    now = [0.0]
    lim = RateLimiter(rate=1.0, burst=3, clock=lambda: now[0])
    assert [lim.wait("10.0.0.7") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert lim.wait("10.0.0.7") == pytest.approx(1.0)  # the burst is spent: one more a second
    assert lim.wait("10.0.0.8") == 0.0  # another client is not held back
    now[0] = 1.5
    assert lim.wait("10.0.0.7") == 0.0 and lim.wait("10.0.0.7") == pytest.approx(0.5)
    assert all(lim.wait("127.0.0.1") == 0.0 for _ in range(50))  # this machine's scripts and tests


def test_a_flooding_client_is_told_to_wait_and_others_are_served(use_settings, capfd):
    from gradio_client import Client

    from qa.engine import Engine
    from qa.web.chat import Chat
    from qa.web.server import serve_in_background
    from qa.web.serving import RateLimiter

    limiter = RateLimiter(rate=0.01, burst=2, exempt=lambda host: False)  # loopback counts here
    demo, url = serve_in_background(Chat(Engine.open(use_settings)), limiter=limiter)
    try:
        client = Client(url, verbose=False)
        for _ in range(2):
            assert client.predict(QUESTION, 3, api_name="/ask")["abstained"] is False
        capfd.readouterr()
        with pytest.raises(Exception, match="too many questions from this address; ask again in"):
            client.predict(QUESTION, 3, api_name="/ask")
        err = capfd.readouterr().err
        assert "qa: /ask: refused: too many questions" in err and "Traceback" not in err
        assert limiter.wait("192.0.2.1") == 0.0  # someone else still gets through
    finally:
        demo.close()
