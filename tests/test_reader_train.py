"""The reader's training command on a tiny invented set: it trains, logs,
checkpoints, resumes from its checkpoint, and writes an adapter the reader loads.

In the fast tier: a handful of steps at 64 tokens with one adapted layer
(~10 s, most of it loading the base weights once); no index, no retrieval.
"""

import json

import pytest

from qa.models.reader import Reader, span_f1
import numpy as np

from qa.models.reader_train import _held, code_switch, load_items, main

pytestmark = pytest.mark.fast

PARAS = [
    ("青河市位于北部山区，2019年人口为48万人。该市以茶叶和竹器闻名。",
     [("青河市2019年人口是多少？", "48万人"), ("青河市以什么闻名？", "茶叶和竹器")]),
    ("白石港于1987年开港，是西岸最大的渔港。港口每年举办一次灯会。",
     [("白石港哪一年开港？", "1987年"), ("白石港每年举办什么？", "灯会")]),
    ("林湾大学创立于1956年，首任校长是周远山。大学有十二个学院。",
     [("林湾大学首任校长是谁？", "周远山"), ("林湾大学有几个学院？", "十二个学院")]),
]


def _squad(path):
    data = [{"title": f"t{i}", "paragraphs": [{"context": ctx, "qas": [
        {"id": f"{i}-{j}", "question": q, "answers": [{"text": a, "answer_start": ctx.index(a)}]}
        for j, (q, a) in enumerate(qas)]}]} for i, (ctx, qas) in enumerate(PARAS)]
    path.write_text(json.dumps({"data": data}, ensure_ascii=False), encoding="utf-8")


def _run(tmp_path, epochs):
    main(["--data", str(tmp_path), "--files", "tiny.json", "--out", str(tmp_path / "run"), "--held", "0.4",
          "--epochs", str(epochs), "--batch", "2", "--max-len", "64", "--layers", "1", "--rank", "2",
          "--every", "1", "--eval-every", "2", "--eval-n", "2", "--threads", "1", "--warmup", "1"])


def test_train_resume_and_load(tmp_path, capsys):
    _squad(tmp_path / "tiny.json")
    _run(tmp_path, 1)
    first = [json.loads(line) for line in (tmp_path / "run" / "log.jsonl").read_text().splitlines()]
    assert first and all(r["loss"] > 0 for r in first)
    assert any("held" in r for r in first), "the held-back questions are scored"
    done = first[-1]["step"]
    capsys.readouterr()
    _run(tmp_path, 2)  # more epochs, same --out: resumes from the checkpoint, not from step 0
    head = json.loads(capsys.readouterr().out.splitlines()[0])
    assert head["from"] == done
    log = [json.loads(line) for line in (tmp_path / "run" / "log.jsonl").read_text().splitlines()]
    assert log[-1]["step"] > done
    reader = Reader.load(tmp_path / "run" / "reader.npz")
    spans = reader.read("白石港哪一年开港？", [PARAS[1][0]])
    assert spans and spans[0].text in PARAS[1][0]  # a span of the passage, whatever its quality


def test_held_back_by_paragraph(tmp_path):
    _squad(tmp_path / "tiny.json")
    items = load_items([tmp_path / "tiny.json"], 0.5)
    for ctx, _ in PARAS:  # all questions of a paragraph on one side of the split
        assert len({it.held for it in items if it.context == ctx}) == 1


def test_code_switch_keeps_unknown_words():
    import random

    q = code_switch("林湾大学首任校长是谁？", random.Random(0), 1.0)
    assert "who" in q and "林" in q  # a question word translated, a name kept


def test_span_f1():
    assert span_f1("1987年", "1987年") == 1.0
    assert 0 < span_f1("于1987年", "1987年") < 1
    assert span_f1("", "x") == 0.0


def test_continue_from_an_adapter_with_cross_language_pairs(tmp_path, capsys):
    """--init starts from an exported adapter (its held-back figures are logged
    as step 0), --pairs adds English questions over the Chinese paragraphs,
    and an unanswerable item trains "no answer"."""
    _squad(tmp_path / "tiny.json")
    _run(tmp_path, 1)
    english = ["What was Qinghe's population in 2019?", "What is Qinghe known for?", "When did Baishi Port open?",
               "What does Baishi Port hold every year?", "Who was Linwan University's first president?",
               "How many colleges does Linwan University have?"]
    lines = []
    for (ctx, qas), k in zip(PARAS, range(3)):
        for (_, a), q in zip(qas, english[2 * k: 2 * k + 2]):
            lines.append({"qid": q, "question": q, "context": ctx, "answers": [a], "start": ctx.index(a),
                          "article": f"a{k}", "held_key": ctx, "combo": "en>zh"})
        lines.append({"qid": f"u{k}", "question": "When did it close?", "context": ctx, "answers": [], "start": -1,
                      "article": f"a{k}", "held_key": ctx, "combo": "en>zh"})
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    capsys.readouterr()
    main(["--data", str(tmp_path), "--files", "tiny.json", "--out", str(tmp_path / "run2"), "--held", "0.4",
          "--epochs", "1", "--batch", "2", "--max-len", "64", "--layers", "1", "--rank", "2", "--every", "1",
          "--eval-every", "1", "--eval-n", "6", "--threads", "1", "--warmup", "1", "--lr", "0",
          "--init", str(tmp_path / "run" / "reader.npz"), "--pairs", str(pairs), "--unanswerable", "1.0"])
    log = [json.loads(line) for line in (tmp_path / "run2" / "log.jsonl").read_text().splitlines()]
    assert log[0]["step"] == 0 and log[0]["held en>zh"]["n"] > 0  # the held-back pairs are scored apart
    assert log[-1]["step"] > 0 and all(r["loss"] > 0 for r in log[1:])
    head = json.loads(capsys.readouterr().out.splitlines()[0])
    trained_pairs = [r for r in lines if not _held(r["held_key"], 0.4)]
    assert head["rows"] >= len(trained_pairs)  # answerable pairs and one no-answer row per unanswerable one
    # at learning rate 0 the continued adapter is the one it started from
    before, after = np.load(tmp_path / "run" / "reader.npz"), np.load(tmp_path / "run2" / "reader.npz")
    assert all(np.array_equal(before[k], after[k]) for k in before.files if k != "meta")
