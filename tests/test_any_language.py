"""Libraries in any language: an invented English article beside the Chinese
mini corpus (a mixed library), asked in English and in Chinese."""

import pytest


ENGLISH = """Chile and Peru deepen trade ties
2025-04-10

Santiago, 10 April 2025. Trade between Chile and Peru reached $4.2 billion in 2024, up 8 percent on the year before, the Chilean trade ministry said.

Chilean companies have invested about $1.5 billion in Peru since 2010, mostly in retail and energy. Peru's investment in Chile was far smaller.

The two countries signed 14 agreements during the visit, including a pact on lithium processing and a customs accord.

The next meeting of the joint commission will be held in Arequipa in October.
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    from conftest import mini_library_with

    return mini_library_with(tmp_path_factory.mktemp("mixed"), "d_chile_peru.txt", ENGLISH)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("What was the Chile–Peru trade volume in 2024?", "$4.2 billion"),
        ("how much was trade between chile and peru in 2024?", "$4.2 billion"),
        ("2024年智利与秘鲁的贸易额是多少？", "$4.2 billion"),
        ("How many agreements did Chile and Peru sign?", "14 agreements"),
        ("How much will Norway invest in the port of Bergen?", "3000万欧元"),
    ],
)
def test_questions_in_either_language_over_either_language(mixed, question, expected):
    a = mixed.ask(question)
    assert not a.abstained, a.reason
    assert expected in a.answer and a.answer in a.hits[0].sentence


def test_another_year_is_not_answered_from_an_english_article(mixed):
    a = mixed.ask("What was the Chile–Peru trade volume in 2019?")
    assert a.abstained and a.answer is None
    assert "2024" in a.reason and "$4.2 billion" in a.reason


def test_a_chinese_question_reads_its_english_gloss_beside_english_passages_only(mixed):
    """Retrieval reads the question's English gloss (Question.gloss) when some
    candidates are English, and spends nothing on it otherwise."""
    import numpy as np

    from qa.question import analyze
    from qa.text.lexical import latin_share

    r = mixed.retriever
    every = np.arange(len(r.ix.passages))
    chinese = np.array([i for i, p in enumerate(r.ix.passages) if latin_share(p.text) < 0.2])
    zh = analyze("2024年智利与秘鲁的贸易额是多少？")
    gvecs, _ = r._gloss_vectors(zh, every)
    assert set(gvecs) == set(r.encoders)
    assert r._gloss_vectors(zh, chinese)[0] == {}
    assert r._gloss_vectors(analyze("What was the Chile–Peru trade volume in 2024?"), every)[0] == {}
