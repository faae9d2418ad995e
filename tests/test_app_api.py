"""The chat server: Gradio's named /ask endpoint through gradio_client, the
`python app.py` entry point, and the first-start index build. Every server
listens on 127.0.0.1, starts and stops inside the test."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from qa.answer.report import answer_json

REPO = Path(__file__).resolve().parent.parent
CHINA = "What was the 2024 Kazakhstan–China trade volume?"
CONTRACT_KEYS = {"question", "answer", "answer_en", "abstained", "citations"}
CITATION_KEYS = {"rank", "doc", "title", "date", "paragraph", "text", "sentence", "score"}


@pytest.fixture(scope="module")
def server(chat_url):
    return chat_url


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server, verbose=False)


def test_ask_endpoint_returns_the_cli_json(client, engine):
    got = client.predict(CHINA, 5, api_name="/ask")
    want = answer_json(engine.ask(CHINA, 5))
    assert CONTRACT_KEYS <= set(got)
    assert got["answer"] == want["answer"] == "440亿美元" and got["answer_en"] == "US$44 billion"
    assert got["abstained"] is False and len(got["citations"]) == 5
    assert all(CITATION_KEYS <= set(c) for c in got["citations"])
    assert [(c["doc"], c["paragraph"]) for c in got["citations"]] == [(c["doc"], c["paragraph"]) for c in want["citations"]]
    assert got == want  # the very same object as `qa ask --json`


def test_ask_endpoint_abstains_with_null_answer(client):
    got = client.predict("What was the trade volume between Kazakhstan and Japan?", 3, api_name="/ask")
    assert got["abstained"] is True and got["answer"] is None and got["citations"] == []


def test_ask_endpoint_reports_a_bad_question_as_an_error_message(client):
    with pytest.raises(Exception) as e:
        client.predict("   ", 5, api_name="/ask")
    assert "empty" in str(e.value)


def test_ask_endpoint_rejects_a_bad_k(client):
    with pytest.raises(Exception) as e:
        client.predict("What was the 2024 Kazakhstan–China trade volume?", 0, api_name="/ask")
    assert "between 1 and" in str(e.value)


def test_only_the_ask_endpoint_is_public(client):
    api = client.view_api(print_info=False, return_format="dict")
    assert list(api["named_endpoints"]) == ["/ask"]


def _wait_for(pred, proc, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if pred():
            return True
        time.sleep(0.3)
    return False


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def test_python_app_py_serves_on_localhost(engine, tmp_path):
    """`python app.py` with a built index: serves, says where, stops on terminate."""
    from qa.web.serving import free_port, stop_process

    port = free_port()
    s = engine.settings
    log = tmp_path / "serve.log"
    cmd = [sys.executable, "app.py", "--corpus", str(s.corpus_dir), "--index", str(s.index_dir), "--port", str(port)]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            said = lambda: f"Serving on http://127.0.0.1:{port}/" in log.read_text()
            assert _wait_for(said, proc, 120), f"no 'Serving on' within 120 s: {log.read_text()[-500:]}"
            assert _http_ok(f"http://127.0.0.1:{port}/")
        finally:
            stop_process(proc)
    assert "First start" not in log.read_text()


def test_first_start_builds_the_index_and_says_so(use_settings):
    from qa.web.serving import open_chat

    said = []
    chat, note = open_chat(use_settings, say=said.append)
    assert said[0].startswith("First start") and str(use_settings.index_dir) in said[0]
    assert any("Index built" in s for s in said) and "first start" in note
    assert len(chat.articles()) == 3
    said.clear()
    _, note = open_chat(use_settings, say=said.append)  # second start: nothing to build
    assert not said and note == ""
