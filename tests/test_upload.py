"""Adding articles from the chat: per-file report, the next answer cites the
new article, bad files are refused by name and nothing indexed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from screenshot import CHROMIUM, ask, browser_page, open_chat_page

NEW_ARTICLE = """ date 2024-06-01 冰岛地热供暖项目

冰岛雷克雅未克市的地热供暖网络已覆盖全市约九成家庭。

该网络由市政公司Veitur运营，2023年新增管道120公里，投资总额为8500万欧元。
"""
QUESTION = "冰岛地热网络2023年新增了多少公里管道？"


@pytest.fixture
def chat(mini_corpus, tmp_path):
    from qa.web.chat import Chat
    from qa.engine import Engine
    from qa.settings import Settings

    return Chat(Engine.open(Settings(corpus_dir=mini_corpus, index_dir=tmp_path / "index")))


def _files(tmp_path: Path) -> tuple[list[Path], list[str]]:
    up = tmp_path / "uploads"
    up.mkdir()
    (up / "tmp1").write_text(NEW_ARTICLE, encoding="utf-8")
    (up / "tmp2").write_bytes(b"")
    (up / "tmp3").write_text("正常的内容。", encoding="utf-8")
    return [up / "tmp1", up / "tmp2", up / "tmp3"], ["iceland.txt", "empty.txt", "../escape.txt"]


def test_chat_add_files_reports_each_and_answers_from_the_new_article(chat, tmp_path):
    before = {a["doc"] for a in chat.articles()}
    paths, names = _files(tmp_path)
    report = chat.add_files(paths, names)
    status = {r.name: r.status for r in report.results}
    assert status["iceland.txt"] == "added"
    assert status["empty.txt"] == "rejected"
    assert [r.status for r in report.results].count("rejected") == 2  # the "../" name too
    assert not (tmp_path / "escape.txt").exists() and not (chat.engine.settings.corpus_dir.parent / "escape.txt").exists()
    after = {a["doc"] for a in chat.articles()}
    assert after == before | {"iceland.txt"}  # nothing indexed before was lost
    answer = chat.ask(QUESTION)
    assert answer.hits[0].passage.doc == "iceland.txt"
    assert not answer.abstained and "120公里" in answer.answer


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing: apt-get install chromium")
def test_upload_in_the_browser(chat, tmp_path):
    from qa.web.server import serve_in_background

    article = tmp_path / "pick" / "iceland.txt"
    article.parent.mkdir()
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    empty = tmp_path / "pick" / "empty.txt"
    empty.write_bytes(b"")
    demo, url = serve_in_background(chat)
    try:
        with browser_page() as page:
            open_chat_page(page, url)
            page.locator("#qa-upload input[type=file]").set_input_files([str(article), str(empty)])
            report = page.locator("#qa-upload-report")
            report.get_by_text("iceland.txt").wait_for(timeout=180_000)
            text = report.inner_text()
            assert "added iceland.txt" in text and "rejected empty.txt" in text
            page.locator("#qa-articles").get_by_text("冰岛地热供暖项目").first.wait_for(timeout=30_000)
            ask(page, QUESTION)
            assert "120公里" in page.locator("#qa-chat .message-row.bot-row strong").last.inner_text()
            assert "冰岛地热供暖项目" in page.locator("#qa-chat .thought-group").first.inner_text()
            # A reload shows the library as it is now, in the list and in the picker.
            page.reload(wait_until="domcontentloaded")
            page.locator("#qa-articles").get_by_text("冰岛地热供暖项目").first.wait_for(timeout=30_000)
            page.locator("#qa-article input").click()
            page.locator("#qa-article [role=option]", has_text="冰岛地热供暖项目 (2024-06-01)").first.wait_for(timeout=30_000)
        with browser_page() as second:  # another visitor
            open_chat_page(second, url)
            second.locator("#qa-articles").get_by_text("冰岛地热供暖项目").first.wait_for(timeout=30_000)
            # At most MAX_UPLOAD_FILES per upload: more is refused whole, with the limit.
            many = []
            for i in range(21):
                many.append(tmp_path / "pick" / f"n{i}.txt")
                many[-1].write_text(f"第{i}篇文章的正文。", encoding="utf-8")
            second.locator("#qa-upload input[type=file]").set_input_files([str(p) for p in many])
            second.locator("#qa-upload-report").get_by_text("21 files in one upload").wait_for(timeout=60_000)
            assert "add at most 20 at a time" in second.locator("#qa-upload-report").inner_text()
        assert not any(a["doc"].startswith("n") for a in chat.articles())
    finally:
        demo.close()


def test_article_added_by_qa_add_shows_up_in_a_running_chat(chat, tmp_path):
    """`qa add` from another process publishes a new index version; the chat
    lists it and answers from it at the next page load or question, without a restart."""
    from qa.library import add_paths

    article = tmp_path / "iceland.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    before = chat.engine
    report = add_paths(chat.engine.settings, [article])  # what `qa add` runs, beside the chat's own engine
    assert [r.status for r in report.results] == ["added"]
    assert "iceland.txt" in {a["doc"] for a in chat.articles()}
    assert chat.engine is not before
    answer = chat.ask(QUESTION)
    assert answer.hits[0].passage.doc == "iceland.txt" and "120公里" in answer.answer
    assert chat.refresh() is False  # nothing new: no reload
