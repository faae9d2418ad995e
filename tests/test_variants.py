"""The ways benchmarks.variants retypes a question: no models."""

import pytest

from benchmarks.variants import variant

pytestmark = pytest.mark.fast


def test_each_kind_types_the_question_as_a_user_might():
    en = {"question": "What did Norway export to Brazil in 2024?", "lang": "en"}
    zh = {"question": "挪威与巴西之间有多少个项目？", "lang": "zh"}
    assert variant("lower", en) == "what did norway export to brazil in 2024"
    assert variant("nomark", zh) == "挪威与巴西之间有多少个项目"
    assert variant("traditional", zh) == "挪威與巴西之間有多少個專案？"  # Taiwan's wording, not only its characters
    assert variant("slip", {"question": "How much did Kazakhstan export?", "lang": "en"}) == "How much did Kazkhstan export?"
    assert variant("lower", zh) is None and variant("traditional", en) is None  # a kind that does not apply
