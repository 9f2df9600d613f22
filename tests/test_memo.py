"""The caches of functions of a cell's text: same answers as uncached, short texts only kept, and
no cache keyed on (or returning) something a caller could change afterwards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plan_extract.columns import header_columns
from plan_extract.footnotes import strip_markers
from plan_extract.normalise import memo
from plan_extract.normalise.memo import SHORT_TEXT, text_cache
from plan_extract.normalise.numerals import parse_item_no
from plan_extract.normalise.text import join_pieces


def test_short_texts_are_computed_once_long_ones_every_time() -> None:
    calls: list[str] = []

    @text_cache(maxsize=8)
    def upper(text: str, *, twice: bool = False) -> str:
        calls.append(text)
        return text.upper() * (2 if twice else 1)

    short, long = "a" * SHORT_TEXT, "b" * (SHORT_TEXT + 1)
    answers = [upper(short), upper(short), upper(long), upper(long)]
    assert answers == [short.upper(), short.upper(), long.upper(), long.upper()]
    assert calls == [short, long, long]  # the long text is never kept
    assert upper(short, twice=True) == short.upper() * 2  # arguments are part of the key
    memo.clear()
    upper(short)
    assert calls[-1] == short  # computed again once the caches are emptied


def test_a_header_row_list_changed_after_the_call_changes_nothing() -> None:
    row = ["", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"]
    columns = header_columns(row)
    assert columns is not None
    row[1] = "Something else"
    assert columns.labels[1] == "數據種類／數據集名稱"
    assert header_columns(row) != columns
    assert (
        header_columns(["", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"]) == columns
    )


def test_cached_results_are_immutable() -> None:
    text, keys = strip_markers("每月*#")
    assert (text, keys) == ("每月", ("*", "#"))
    assert isinstance(keys, tuple)  # shared by every caller: not a list one could append to


pieces = st.lists(st.text(alphabet="資訊 ab-/\t(1)．", max_size=12), max_size=4)


@given(pieces)
def test_cached_join_is_the_join(cell: list[str]) -> None:
    memo.clear()
    first = join_pieces(cell)
    assert join_pieces(list(cell)) == first  # a hit gives what the computation gave
    memo.clear()
    assert join_pieces(cell) == first


@given(st.text(alphabet="(（)）一三ivxA-1234567890. ", max_size=8), st.booleans())
def test_cached_item_numbers_are_the_uncached_ones(label: str, roman: bool) -> None:
    uncached = parse_item_no.__wrapped__(label, roman=roman)  # type: ignore[attr-defined]
    assert parse_item_no(label, roman=roman) == uncached
    assert parse_item_no(label, roman=roman) == uncached


def test_a_function_of_the_text_alone_keeps_at_most_maxsize_texts() -> None:
    calls: list[str] = []

    @text_cache(maxsize=2)
    def twice(text: str) -> str:
        calls.append(text)
        return text * 2

    assert [twice(t) for t in ("a", "a", "b", "c", "a")] == ["aa", "aa", "bb", "cc", "aa"]
    assert calls == ["a", "b", "c", "a"]  # full at two texts: emptied, "a" computed again
    assert twice.__wrapped__("z") == "zz"  # type: ignore[attr-defined]
