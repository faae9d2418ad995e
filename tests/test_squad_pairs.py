"""Pairing a translated SQuAD with its English original (benchmarks.squad_pairs),
on invented articles: articles matched by paragraphs and numbers, dropped
questions placed by the gaps in their ids, excluded paragraphs left out."""

import pytest

from benchmarks.squad_pairs import held_sets, items, match_articles, place

pytestmark = pytest.mark.fast


def _zh():
    return [
        {"title": "港口", "paragraphs": [
            {"context": "白石港于1987年开港，是西岸最大的渔港。", "qas": [
                {"id": "aaaa0001", "question": "白石港哪一年开港？", "answers": [{"text": "1987年", "answer_start": 4}],
                 "is_impossible": False},
                # aaaa0002 was dropped by the translation
                {"id": "aaaa0003", "question": "白石港是哪里最大的渔港？", "answers": [{"text": "西岸", "answer_start": 13}],
                 "is_impossible": False},
                {"id": "bbbb0001", "question": "白石港哪一年关闭？", "answers": [], "is_impossible": True},
            ]},
        ]},
        {"title": "大学", "paragraphs": [
            {"context": "林湾大学创立于1956年。", "qas": [
                {"id": "cccc0001", "question": "林湾大学创立于哪一年？", "answers": [{"text": "1956年", "answer_start": 7}],
                 "is_impossible": False}]},
            {"context": "大学有十二个学院。", "qas": []},
        ]},
    ]


def _en():
    return [
        {"title": "University", "labelled": True, "paragraphs": [
            {"context": "Linwan University was founded in 1956.", "qas": [
                {"id": "x1", "question": "When was Linwan University founded?", "answers": [{"text": "1956", "answer_start": 33}]}]},
            {"context": "The university has twelve colleges.", "qas": []},
        ]},
        {"title": "Port", "paragraphs": [
            {"context": "Baishi Port opened in 1987 and is the largest fishing port on the west coast.", "qas": [
                {"id": "y1", "question": "When did Baishi Port open?", "answers": []},
                {"id": "y2", "question": "Who runs Baishi Port?", "answers": []},
                {"id": "y3", "question": "Baishi Port is the largest fishing port where?", "answers": []},
                {"id": "y4", "question": "When did Baishi Port close?", "answers": []},
            ]},
        ]},
    ]


def test_place_fills_gaps_within_a_batch():
    assert place(["aaaa0001", "aaaa0003", "bbbb0001"], 1) == ["aaaa0001", None, "aaaa0003", "bbbb0001"]
    # a gap larger than what is missing is two batches, not a drop
    assert place(["aaaa0001", "aaaa0009"], 1) == ["aaaa0001", "aaaa0009"]


def test_articles_match_by_paragraphs_and_numbers():
    assert match_articles(_zh(), _en()) == {0: 1, 1: 0}


def test_items_pair_questions_and_label_languages():
    rows = items(_zh(), _en(), excluded=set())
    en_zh = {r["question"]: r for r in rows if r["combo"] == "en>zh"}
    assert en_zh["When did Baishi Port open?"]["answers"] == ["1987年"]
    assert en_zh["Baishi Port is the largest fishing port where?"]["answers"] == ["西岸"]
    assert "Who runs Baishi Port?" not in en_zh  # its Chinese twin was dropped
    assert en_zh["When did Baishi Port close?"]["answers"] == []  # unanswerable stays unanswerable
    # English passages only where the English answers are known (the labelled half)
    en_en = [r for r in rows if r["combo"] == "en>en"]
    assert [r["answers"] for r in en_en] == [["1956"]]
    assert {r["combo"] for r in rows} == {"en>zh", "zh>zh", "en>en", "zh>en"}
    for r in rows:
        if r["answers"]:
            assert r["context"][r["start"]:].startswith(r["answers"][0])


def test_excluded_paragraphs_are_left_out():
    rows = items(_zh(), _en(), excluded={"Baishi Port opened in 1987 and is the largest fishing port on the west coast."[:120]})
    assert rows and not any("Baishi" in r["question"] or "白石港" in r["question"] for r in rows)


def test_held_sets_keep_every_paragraph_and_only_held_questions():
    rows = items(_zh(), _en(), excluded=set())
    everything = held_sets(rows, 1.0)
    assert len(everything["zh"]["data"][0]["paragraphs"]) == 2  # paragraphs with pairs; the library
    qids = [q["id"] for p in everything["zh"]["data"][0]["paragraphs"] for q in p["qas"]]
    assert "aaaa0001_en" in qids and "aaaa0001_zh" in qids and not any(q.startswith("bbbb") for q in qids)
    nothing = held_sets(rows, 0.0)
    assert not any(p["qas"] for s in nothing.values() for p in s["data"][0]["paragraphs"])
