"""The chat in a real browser: headless Debian Chromium driven by Playwright,
against servers started on 127.0.0.1 by these tests. Every wait is bounded
(see screenshot.TIMEOUT_MS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from screenshot import CHINA_QUESTION, CHROMIUM, ask, browser_page, open_chat_page

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing: apt-get install chromium")

LAST_BOT = "#qa-chat .message-row.bot-row"


@pytest.fixture(scope="module")
def url(chat_url):
    return chat_url


@pytest.fixture
def page(url):
    with browser_page() as p:
        open_chat_page(p, url)
        yield p


def reply_text(page, n_last: int = 1) -> str:
    """Text of the last `n_last` assistant bubbles."""
    rows = page.locator(LAST_BOT)
    return "\n".join(rows.nth(i).inner_text() for i in range(max(0, rows.count() - n_last), rows.count()))


def test_china_question_shows_answer_sources_and_highlight(page, tmp_path):
    ask(page, CHINA_QUESTION)
    lead = page.locator(f"{LAST_BOT} strong", has_text="440亿美元")
    assert lead.count() >= 1 and "US$44 billion" in reply_text(page)
    conf = page.locator("#qa-chat .qa-conf").last  # confidence in words, the number on hover
    assert conf.inner_text() in ("high confidence", "medium confidence", "low confidence")
    assert conf.get_attribute("title").startswith("confidence 0.")
    # An English reader can check the Chinese sentence word by word, on demand.
    gloss = page.locator("#qa-chat details.qa-gloss").first
    assert not gloss.evaluate("el => el.open")
    gloss.locator("summary").click()
    assert gloss.locator(".qa-g").count() > 5 and "US$44 billion" in gloss.inner_text()
    # The export: the answer with its citation and offsets, in a box with a copy button.
    page.locator("#qa-export-box").get_by_text("Export the answer").click()
    exported = page.locator("#qa-export textarea")
    exported.wait_for(state="visible")
    assert "**440亿美元**" in exported.input_value() and "- answer: characters " in exported.input_value()
    assert page.locator("#qa-export button[aria-label*='Copy' i], #qa-export button[title*='Copy' i]").count() >= 1
    # First source open, with the supporting sentence highlighted inside the whole paragraph.
    mark = page.locator("#qa-chat .thought-group mark").first
    assert "440亿美元" in mark.inner_text()
    groups = page.locator("#qa-chat .thought-group")
    assert groups.count() == 5
    # A collapsed source expands on click and shows its paragraph.
    second = groups.nth(1)
    assert second.locator(".content").count() == 0
    second.locator(".title").click()
    second.locator(".content").wait_for(state="visible")
    assert len(second.locator(".content").inner_text()) > 10
    # The reader shows the cited article with the cited paragraph marked and in view.
    cited = page.locator("#qa-reader .qa-focus")
    cited.wait_for(state="visible")
    assert "440亿美元" in cited.locator("mark").inner_text()
    page.wait_for_function(
        "() => { const r = document.querySelector('.qa-reader'), c = document.querySelector('.qa-reader .qa-focus');"
        " if (!r || !c) return false; const a = r.getBoundingClientRect(), b = c.getBoundingClientRect();"
        " return b.top >= a.top - 1 && b.top < a.bottom; }")
    shot = tmp_path / "china.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_follow_up_in_the_browser(page):
    ask(page, CHINA_QUESTION)
    ask(page, "And with Russia?")
    text = reply_text(page)
    assert "280亿美元" in page.locator(f"{LAST_BOT} strong").last.inner_text()
    assert "Understood as" in text and "Russia" in text


def test_abstention_in_the_browser(page):
    ask(page, "What was the trade volume between Kazakhstan and Japan?")
    text = reply_text(page)
    assert "Not found in these articles" in text and "not an answer" in text
    assert "Possibly related, not an answer" in text
    assert page.locator("#qa-chat .thought-group .content").count() == 0  # related passages start collapsed
    # ... and look unlike citations: dashed grey boxes, not source panels.
    boxes = page.locator("#qa-chat details.qa-related")
    assert boxes.count() == 3 and page.locator("#qa-chat .thought-group").count() == 0
    assert boxes.first.evaluate("el => getComputedStyle(el).borderTopStyle") == "dashed"
    assert not boxes.first.evaluate("el => el.open")
    boxes.first.locator("summary").click()
    assert boxes.first.evaluate("el => el.open") and len(boxes.first.inner_text()) > 40


def test_chinese_question_switches_the_chrome(page):
    ask(page, "2024年哈萨克斯坦与俄罗斯的贸易额是多少？")
    assert "280亿美元" in reply_text(page)
    assert page.locator("#qa-send").inner_text().strip() == "提问"


def test_blank_and_huge_questions_get_a_polite_message(page):
    ask(page, "   ")
    assert "Please type a question" in reply_text(page)
    assert page.locator("#qa-chat .message-row.user-row").count() == 0  # no empty bubble for the blank message
    ask(page, "x" * 10_000)
    assert "10,000 characters" in reply_text(page)
    assert page.locator(".toast-body, .error").count() == 0


def test_article_list_opens_an_article(page):
    page.locator("#qa-articles").get_by_text("2025-09-03").first.click()
    page.locator("#qa-reader h3").wait_for(state="visible")
    assert page.locator("#qa-reader .qa-para").count() > 5


# ---------- escaping, on a fixture corpus with hostile text ----------

HOSTILE = ('挪威与巴西的贸易额为5亿美元。<script>window.__pwned = 1; alert("x")</script> '
           '<img src=x onerror="window.__pwned = 2"> 这一段用来检查文本是否按原样显示。')


@pytest.fixture
def hostile_url(tmp_path):
    from qa.web.server import serve_in_background
    from qa.web.chat import Chat
    from qa.engine import Engine
    from qa.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(f" date 2024-01-02 挪威与巴西<b>贸易</b>\n\n{HOSTILE}\n\n两国还计划扩大农业合作与投资往来。\n", encoding="utf-8")
    engine = Engine.open(Settings(corpus_dir=corpus, index_dir=tmp_path / "index", encoders=("use",)))
    demo, url = serve_in_background(Chat(engine))
    try:
        yield url
    finally:
        demo.close()


def test_hostile_article_and_question_show_as_text(hostile_url):
    with browser_page() as page:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_chat_page(page, hostile_url)
        ask(page, "挪威与巴西的贸易额是多少？ <img src=y onerror=\"window.__pwned = 3\">")
        chat = page.locator("#qa-chat").inner_text()
        assert '<script>window.__pwned = 1; alert("x")</script>' in chat  # shown literally
        assert '<img src=x onerror="window.__pwned = 2">' in chat
        assert '<img src=y onerror="window.__pwned = 3">' in chat  # the question too
        reader = page.locator("#qa-reader").inner_text()
        assert "<script>" in reader and "<b>贸易</b>" in reader
        # The same text inside "possibly related" boxes and in search results stays text.
        ask(page, "挪威与日本的贸易额是多少？")
        related = page.locator("#qa-chat details.qa-related").first
        related.locator("summary").click()
        assert '<img src=x onerror="window.__pwned = 2">' in related.inner_text()
        page.get_by_role("tab", name="Search / 搜索").click()
        page.locator("#qa-search-input input, #qa-search-input textarea").first.fill("script alert")
        page.locator("#qa-search-go").click()
        page.locator("#qa-search-results .qa-result").first.wait_for()
        assert "<script>" in page.locator("#qa-search-results").inner_text()
        assert page.evaluate("() => window.__pwned === undefined")
        assert page.locator("#qa-chat img, #qa-reader img, #qa-chat script, #qa-reader script").count() == 0
        assert not dialogs


# ---------- the Search tab ----------

def _search(page, query: str, since: str = "", until: str = "") -> None:
    page.get_by_role("tab", name="Search / 搜索").click()
    box = page.locator("#qa-search-input input, #qa-search-input textarea").first
    box.fill(query)
    page.locator("#qa-search-since input, #qa-search-since textarea").first.fill(since)
    page.locator("#qa-search-until input, #qa-search-until textarea").first.fill(until)
    page.locator("#qa-search-go").click()
    page.wait_for_function("(q) => { const m = document.querySelector('#qa-search-results .qa-results .qa-meta');"
                           " return m && m.textContent.includes(q); }", arg=query)


def test_search_tab_lists_highlighted_paragraphs_and_opens_one(page):
    _search(page, "TRIPP")
    results = page.locator("#qa-search-results .qa-result")
    assert results.count() == 20
    first = results.first
    assert "战略规划层面的新接触" in first.inner_text() and "2025-11-20" in first.inner_text()
    assert first.locator(".qa-best mark").first.inner_text() == "TRIPP"  # the matched word inside the best sentence
    page.locator("#qa-search-pick input").click()
    page.locator("#qa-search-pick [role=option]").first.click()
    focus = page.locator("#qa-search-reader .qa-focus")
    focus.wait_for(state="visible")
    assert "TRIPP" in focus.inner_text()


def test_search_tab_filters_by_date_in_either_language(page):
    _search(page, "贸易额", since="2025-09-01", until="2025-09-30")
    metas = page.locator("#qa-search-results .qa-result .qa-meta").all_inner_texts()
    assert metas and all("2025-09-03" in m for m in metas)
    _search(page, "Chinese investment")
    assert {"中国", "投资"} <= set(page.locator("#qa-search-results .qa-result").first.locator("mark").all_inner_texts())
