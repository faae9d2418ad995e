"""The conversation logic: `Chat.respond(message, history)` on the real engine
(e5 + USE, the five articles), follow-up resolution, and safe rendering."""

from __future__ import annotations

import re
import threading

import pytest

from qa.web.chat import Chat, resolve, user_messages
from qa.web.views import md_text, md_unescape, reader_html

CHINA = "What was the 2024 Kazakhstan–China trade volume?"
JAPAN = "What was the trade volume between Kazakhstan and Japan?"


@pytest.fixture(scope="module")
def chat(engine):
    return Chat(engine)


def user(text):
    return {"role": "user", "content": md_text(text)}


def converse(chat, messages):
    """Send messages in turn as the UI does; returns the replies."""
    history, replies = [], []
    for m in messages:
        r = chat.reply(m, history)
        replies.append(r)
        history += [user(m)] + list(r.messages)
    return replies


# ---------- follow-ups (pure) ----------

def test_elliptical_entity_replaces_the_least_mentioned_entity():
    counts = {"KZ": 100, "CN": 5}
    q, rebuilt = resolve("And with Russia?", CHINA, lambda k: counts.get(k, 0))
    assert rebuilt and "Russia" in q and "China" not in q and "Kazakhstan" in q and "2024" in q
    # The rule is about the counts, not about which country: flip them and Kazakhstan goes.
    counts = {"KZ": 5, "CN": 100}
    q, _ = resolve("And with Russia?", CHINA, lambda k: counts.get(k, 0))
    assert "China" in q and "Kazakhstan" not in q and "Russia" in q


def test_chinese_follow_up_uses_chinese_names_in_a_chinese_question():
    q, rebuilt = resolve("那俄罗斯呢？", "2024年哈萨克斯坦与中国的贸易额是多少？", {"KZ": 9, "CN": 1}.get)
    assert rebuilt and q == "2024年哈萨克斯坦与俄罗斯的贸易额是多少？"


def test_bare_number_replaces_the_number_of_the_same_shape():
    q, rebuilt = resolve("And in 2023?", CHINA)
    assert rebuilt and q == CHINA.replace("2024", "2023")


def test_referring_question_gets_the_previous_entities_as_context():
    q, rebuilt = resolve("When was it signed?", "What treaty did Kazakhstan and Turkmenistan sign?")
    assert rebuilt and "Kazakhstan" in q and "Turkmenistan" in q and q.startswith("When was it signed?")


def test_a_question_of_its_own_is_left_alone():
    other = "When did Kazakhstan and Kyrgyzstan establish diplomatic relations?"
    assert resolve(other, CHINA) == (other, False)
    assert resolve(CHINA, None) == (CHINA, False)


def test_history_in_gradio_content_parts_and_escaped_text():
    history = [{"role": "user", "content": [{"type": "text", "text": md_text("a (b) <c>")}]},
               {"role": "assistant", "content": "x"}]
    assert user_messages(history) == ["a (b) <c>"]
    assert md_unescape(md_text("1.5-2 *x* [y] &amp;")) == "1.5-2 *x* [y] &amp;"


# ---------- respond on the real engine ----------

def test_china_question_bold_answer_with_english_amount_and_markers(chat):
    msgs = chat.respond(CHINA, [])
    lead = msgs[0]["content"]
    assert lead.startswith("**440亿美元**") and "US$44 billion" in md_unescape(lead) and "\\[1\\]" in lead
    sources = msgs[1:]
    assert len(sources) >= 2 and all("metadata" in m for m in sources)
    assert sources[0]["metadata"]["title"].startswith("\\[1\\]") and "status" not in sources[0]["metadata"]  # open
    assert all(m["metadata"].get("status") == "done" for m in sources[1:])  # collapsed
    first = sources[0]["content"]
    marked = re.search(r"<mark>(.*?)</mark>", first).group(1)
    assert "440亿美元" in marked and "paragraph" in sources[0]["metadata"]["title"]
    assert len(first) > len(marked) + 20  # the whole paragraph, not only the sentence


def test_follow_up_answers_the_russia_figure(chat):
    first, second = converse(chat, [CHINA, "And with Russia?"])
    assert first.answer.answer == "440亿美元"
    assert second.followup and "Russia" in second.question
    assert second.answer.answer == "280亿美元"
    assert "280亿美元" in second.messages[0]["content"] and "Understood as" in second.messages[0]["content"]


def test_chinese_follow_up_after_an_english_question(chat):
    _, second = converse(chat, [CHINA, "那俄罗斯呢？"])
    assert second.answer.answer == "280亿美元"
    # Restated in the language of the message, not in the English it was resolved in.
    assert "_理解为: 2024年哈萨克斯坦与俄罗斯的贸易额是多少？_" in md_unescape(second.messages[0]["content"])


def test_restatement_in_chinese_only_when_the_template_can_say_it():
    from qa.web.restate import restate

    assert restate("What was the trade volume between Kazakhstan and Japan?", "zh") == "哈萨克斯坦与日本的贸易额是多少？"
    assert restate("When did Kazakhstan and Kyrgyzstan establish diplomatic relations?", "zh").startswith("When did")
    assert restate("How much has China invested in Kazakhstan since 2005?", "zh").startswith("How much")  # "since" has no slot
    assert restate("What was the 2024 Kazakhstan–Russia trade volume?", "en") == "What was the 2024 Kazakhstan–Russia trade volume?"
    # ... and the other way, for an English follow-up to a Chinese question.
    assert restate("2024年哈萨克斯坦与俄罗斯的贸易额是多少？", "en") == "What was the 2024 Kazakhstan–Russia trade volume?"
    assert restate("自2005年以来中国对哈萨克斯坦的累计投资是多少？", "en").startswith("自2005年以来")


def test_english_follow_up_after_a_chinese_question_is_restated_in_english(chat):
    _, second = converse(chat, ["2024年哈萨克斯坦与中国的贸易额是多少？", "And with Russia?"])
    assert second.answer.answer == "280亿美元"
    assert "_Understood as: What was the 2024 Kazakhstan–Russia trade volume?_" in md_unescape(second.messages[0]["content"])


def test_the_count_line_names_the_sources_that_support_the_answer(chat):
    r = chat.reply(CHINA, [])
    note = md_unescape(r.messages[0]["content"].split("\n")[-1])
    assert note.startswith("_[1] supports the answer") and f"{len(r.answer.hits)} sources below" in note


def test_abstention_offers_possibly_related_passages_marked_not_an_answer(chat):
    r = chat.reply(JAPAN, [])
    assert r.answer.abstained
    lead = r.messages[0]["content"]
    assert "Not found in these articles" in lead and "not an answer" in lead
    assert lead.startswith("**Not found in these articles") and r.answer.answer is None  # no answer shown
    # One plain message of collapsed boxes styled apart from the citations' source panels.
    assert len(r.messages) == 2 and "metadata" not in r.messages[1]
    related = r.messages[1]["content"]
    assert related.count("<details class='qa-related'><summary>Possibly related, not an answer — ") == 3
    assert "<mark>" not in related and " open" not in related  # nothing presented as support, all collapsed


def test_chinese_question_gets_chinese_chrome_and_no_english_amount(chat):
    msgs = chat.respond("2024年哈萨克斯坦与俄罗斯的贸易额是多少？", [])
    assert msgs[0]["content"].startswith("**280亿美元**") and "US$" not in msgs[0]["content"]
    assert "第" in msgs[1]["metadata"]["title"] and "段" in msgs[1]["metadata"]["title"]


@pytest.mark.parametrize("message", ["", "   \n\t ", "x" * 10_000, None])
def test_empty_blank_and_huge_messages_get_a_polite_message(chat, message):
    msgs = chat.respond(message, [])
    assert len(msgs) == 1 and "metadata" not in msgs[0]
    text = msgs[0]["content"]
    assert "Please" in text and "Error" not in text and "Traceback" not in text
    if message and len(message) > 100:
        assert "10,000" in text


def test_concurrent_questions_get_the_same_answers_as_one_at_a_time(chat):
    questions = [CHINA, JAPAN, "2024年哈萨克斯坦与俄罗斯的贸易额是多少？"] * 3
    expected = {q: chat.reply(q).answer.answer for q in set(questions)}
    got, errors = {}, []

    def run(i, q):
        try:
            got[i] = chat.reply(q).answer.answer
        except Exception as e:  # collected, asserted below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i, q)) for i, q in enumerate(questions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and all(got[i] == expected[q] for i, q in enumerate(questions))


def test_articles_list_titles_dates_and_paragraph_counts(chat, engine):
    arts = chat.articles()
    assert len(arts) == 5
    for a in arts:
        passages = [p for p in engine.index.passages if p.doc == a["doc"]]
        assert a["paragraphs"] == len(passages) and a["title"] == passages[0].title


def test_reader_anchors_and_marks_the_cited_paragraph(chat):
    a = chat.reply(CHINA).answer
    h = a.hits[0]
    page = reader_html(chat.article(h.passage.doc), {h.passage.para_no: h.sentence})
    cited = re.search(rf"<p id='qa-p-{h.passage.para_no}' class='qa-para qa-cited qa-focus'>.*?</p>", page)
    assert cited and "<mark>" in cited.group() and page.count("qa-cited") == 1


# ---------- escaping ----------

EVIL = 'Tom & Jerry <script>alert("x")</script> <img src=x onerror="alert(1)"> [link](javascript:alert(2)) **bold**'


def test_markdown_text_is_literal():
    out = md_text(EVIL)
    assert "<script" not in out and "<img" not in out and "&lt;script&gt;" in out
    assert "](" not in out and "**" not in out  # no link, no bold survives


def test_reader_escapes_article_text():
    from qa.ingest.corpus import parse_article

    art = parse_article("evil.txt", f" date 2024-01-02 Title <b>x</b>\n\n{EVIL}。这是一段测试文字，用来检查转义。\n")
    page = reader_html(list(art.passages), {1: art.passages[0].sentences[0]})
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img" in page


def test_confidence_in_words_with_the_number_on_hover(chat):
    from qa.answer.answerability import default_model
    from qa.web.confidence import level

    assert [level(c) for c in (0.5, 0.699, 0.7, 0.899, 0.9, 0.99)] == ["low", "low", "medium", "medium", "high", "high"]
    r = chat.reply(CHINA, [])
    lead = r.messages[0]["content"].split("\n")[0]
    want = level(r.answer.confidence)
    assert f"<span class='qa-conf qa-conf-{want}' title='confidence {r.answer.confidence:.2f}: " in lead
    assert f">{want} confidence</span>" in lead and f"no answer below {default_model().threshold:.2f}" in lead
    zh = chat.reply("2024年哈萨克斯坦与俄罗斯的贸易额是多少？", []).messages[0]["content"]
    assert "置信度：" in zh
    assert "qa-conf" not in chat.reply(JAPAN, []).messages[0]["content"]  # no answer, no confidence shown


def test_english_readers_get_a_word_by_word_gloss_of_the_supporting_sentence(chat):
    from qa.web.gloss import gloss

    words = dict(gloss("文章指出，2024年双边贸易额达440亿美元，自2005年以来中国对哈投资累计270亿美元。"))
    assert words["双边"] == "bilateral" and words["440亿美元"] == "US$44 billion" and words["2024年"] == "2024"
    assert words["贸易额"] == "volume of trade" and words["投资"] == "investment"
    assert dict(gloss("投资总额为8500万欧元。"))["投资总额"] == "investment + total"  # a compound by its parts
    first = chat.reply(CHINA, []).messages[1]["content"]
    assert "<details class='qa-gloss'><summary>Word by word (CC-CEDICT)</summary>" in first
    assert "<b>双边</b><i>bilateral</i>" in first and "<b>440亿美元</b><i>US$44 billion</i>" in first
    assert "qa-gloss" not in "".join(m["content"] for m in chat.respond("2024年哈萨克斯坦与俄罗斯的贸易额是多少？", []))
