"""Checks that let the stages skip work must never skip a case the rule they guard would accept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plan_extract.columns import _HAN_THEN_LATIN, _latin_after_han, role_of

mixed = st.text(alphabet="數據集名稱 Dataset Name/：()（）\n1", max_size=24)


@given(mixed)
def test_the_bilingual_label_pattern_needs_latin_after_han(text: str) -> None:
    if _HAN_THEN_LATIN.match(text.strip()):
        assert _latin_after_han(text)


def test_a_chinese_over_english_label_is_still_found() -> None:
    assert role_of("數據集名稱 Dataset Name") == "dataset_name"
    assert role_of("Dataset Name 數據集名稱") is None  # English first is not that form
