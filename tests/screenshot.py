"""Drive the chat in headless Debian Chromium (Playwright), and regenerate
docs/screenshot.png:

    python -m tests.screenshot [--index DIR] [--out docs/screenshot.png]

The index is built in a temporary folder unless --index names a built one.
test_browser.py uses the helpers below with its own server.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
TIMEOUT_MS = 60_000  # the longest any single wait may take (first answer loads the models)
CHINA_QUESTION = "What was the 2024 Kazakhstan–China trade volume?"


@contextmanager
def browser_page(width: int = 1400, height: int = 1000):
    """A fresh page in headless Chromium; every wait on it is bounded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=TIMEOUT_MS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_default_timeout(TIMEOUT_MS)
            yield page
        finally:
            browser.close()


def open_chat_page(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator("#qa-input textarea").wait_for(state="visible")


BOT_ROWS = "#qa-chat .message-row.bot-row"


def ask(page, question: str) -> None:
    """Type a question, send it, and wait until the reply has arrived: the
    same update that adds the reply clears the input box."""
    before = page.locator(BOT_ROWS).count()
    page.locator("#qa-input textarea").fill(question)
    page.locator("#qa-send").click()
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n && document.querySelector('#qa-input textarea').value === ''",
        arg=[BOT_ROWS, before],
        timeout=TIMEOUT_MS,
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", help="a built index folder (default: build one in a temporary folder)")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--out", default="docs/screenshot.png")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from qa.web.server import serve_in_background
    from qa.web.chat import Chat
    from qa.engine import Engine
    from qa.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        index = Path(a.index) if a.index else Path(tmp) / "index"
        chat = Chat(Engine.open(Settings(corpus_dir=Path(a.corpus), index_dir=index)))
        demo, url = serve_in_background(chat)
        try:
            with browser_page() as page:
                open_chat_page(page, url)
                ask(page, CHINA_QUESTION)
                page.get_by_text("440亿美元").first.wait_for()
                page.locator("#qa-reader .qa-focus").wait_for(state="visible")
                # Show the whole reply (question, answer, open first source), not the autoscrolled end.
                page.eval_on_selector("#qa-chat .bubble-wrap", "e => e.scrollTop = 0")
                page.wait_for_timeout(300)
                out = Path(a.out)
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out), full_page=True)
                # Checking a citation: the word-by-word gloss under the source, the
                # confidence in words, the export with offsets.
                page.locator("#qa-chat details.qa-gloss summary").first.click()
                page.locator("#qa-export-box").get_by_text("Export the answer").click()
                page.locator("#qa-export textarea").wait_for(state="visible")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out.with_name("check-a-citation.png")), full_page=True)
                # The Search tab.
                page.get_by_role("tab", name="Search / 搜索").click()
                page.locator("#qa-search-input input, #qa-search-input textarea").first.fill("Chinese investment")
                page.locator("#qa-search-go").click()
                page.locator("#qa-search-results .qa-result").first.wait_for()
                page.screenshot(path=str(out.with_name("search.png")), full_page=True)
        finally:
            demo.close()
    print(f"wrote {a.out} and, beside it, check-a-citation.png and search.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
