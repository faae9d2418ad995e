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
