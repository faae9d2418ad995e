"""The trained span reader: its saved outputs (an oracle), no answer where the
passage lacks one, and its spans inside the sentence the reply highlights."""

import json
from pathlib import Path

import pytest

from qa.models.reader import Reader, shared

ORACLE = Path(__file__).parent / "data" / "reader_oracle.json"

# A window of text with no trade figure in it: nothing there answers a trade question.
WEATHER = "周二白天多云转晴，最高气温二十三摄氏度，傍晚有零星小雨，夜间风力减弱。"


def test_oracle():
    """Same spans as when the oracle was saved (margins to 0.5: the products
    run in bfloat16 where the CPU has it natively and in float32 elsewhere,
    which moves the scores a little but not the spans)."""
    saved = json.loads(ORACLE.read_text(encoding="utf-8"))
    reader = shared()
    for case in saved["cases"]:
        spans = reader.read(case["question"], [case["passage"]])
        got = spans[0] if spans else None
        assert got is not None, case["question"]
        assert got.text == case["span"], case["question"]
        assert abs(got.margin - case["margin"]) < 0.5, case["question"]


def test_no_answer_without_the_fact():
    reader = shared()
    for question in ("2024年哈中双边贸易额是多少？", "What was the trade volume between Kazakhstan and China in 2024?"):
        spans = reader.read(question, [WEATHER])
        assert not spans or spans[0].margin <= 0, (question, spans)


def test_reads_the_answer_it_was_given():
    saved = json.loads(ORACLE.read_text(encoding="utf-8"))
    for case in saved["cases"]:
        assert case["span"] in case["passage"]  # spans are passage text, never made up


@pytest.mark.parametrize("question", [
    "2024年哈中双边贸易额是多少？",
    "托卡耶夫在哪份报纸上发表了署名文章？",
    "How many companies with Chinese capital operate in Kazakhstan?",
    "Which leaders did Xi Jinping meet one on one at the SCO summit in Tianjin?",
])
def test_span_inside_the_highlighted_sentence(engine, question):
    a = engine.ask(question)
    if not a.abstained and a.kind == "span":
        assert a.answer in a.hits[0].sentence, (a.answer, a.hits[0].sentence)


def test_dev_spans_inside_their_sentence(engine):
    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        a = engine.ask(row["question"])
        if not a.abstained and a.kind == "span":
            assert a.answer in a.hits[0].sentence, (row["question"], a.answer)


def test_reader_loads_from_the_package():
    assert isinstance(shared(), Reader)


class CountingReader:
    """The real reader, counting the passages it is given (a spy, not a stand-in)."""

    def __init__(self, reader):
        self.reader, self.read_passages = reader, []

    def read(self, question, passages, max_len=None):
        self.read_passages.append(len(passages))
        return self.reader.read(question, passages, max_len)


def test_the_next_hit_is_read_only_when_the_top_gives_no_answer_and_ranks_close(engine):
    from dataclasses import replace

    from qa.answer.read import SECOND_READ_GAP, read
    from qa.question import analyze

    q = analyze("2024年哈中双边贸易额是多少？")
    hits = engine.retriever.search(q, 5)
    spy = CountingReader(shared())
    found = read(spy, q, hits)
    assert spy.read_passages == [1] and found[0].answers and found[0].rank == 0
    assert "440亿美元" in found[0].span
    # A top hit that cannot answer (weather, not trade), ranked barely above
    # the next: the next hit is read, and answers.
    blank = replace(hits[0], passage=replace(hits[0].passage, text=WEATHER, sentences=(WEATHER,)), sentence=WEATHER,
                    score=hits[0].score + SECOND_READ_GAP / 2)
    close = replace(hits[0], score=hits[0].score)
    spy = CountingReader(shared())
    found = read(spy, q, [blank, close])
    assert spy.read_passages == [1, 1]
    assert found[0].rank == 0 and not found[0].answers
    assert any(r.rank == 1 and r.answers and "440亿美元" in r.span for r in found)
    # Ranked far above the next: retrieval is sure of the top passage, and a
    # confident span elsewhere would be about something else. Not read.
    far = replace(blank, score=hits[0].score + 2 * SECOND_READ_GAP)
    spy = CountingReader(shared())
    found = read(spy, q, [far, close])
    assert spy.read_passages == [1] and [r.rank for r in found] == [0]


def test_a_reading_asked_again_is_the_one_kept():
    # The sides of a comparison read the same windows with the same question.
    reader = shared()
    question, passages = "智利的首都是哪里？", ["智利的首都是圣地亚哥，人口约七百万。"]
    first = reader.read(question, passages)
    assert reader.read(question, passages) is first
    assert reader.read(question, passages + ["秘鲁的首都是利马。"]) is not first
