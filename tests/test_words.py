"""Two lines of a cell that are one word a narrow column broke (words.py), and a row's remainder
after a page break carrying on such a word (structure)."""

from __future__ import annotations

import pytest

from plan_extract.structure import _carry_on
from plan_extract.words import Pieces, broken_word


@pytest.mark.parametrize(
    ("before", "after", "pieces"),
    [
        ("Informatio", "n Unit", Pieces.ONE_WORD),
        ("Manageme", "nt Unit", Pieces.ONE_WORD),  # the catalogue writes only "NT"
        ("KM", "L、KMZ", Pieces.ONE_WORD),  # "KM" is a word, "L" is none
        ("(Technolog", "y)", Pieces.ONE_WORD),
        ("Informati", "on", Pieces.ONE_WORD_IF_FULL),  # "on" is a word: only the page can tell
        ("Commerce", "and Industry", Pieces.TWO_WORDS),
        ("Technology", "Management", Pieces.TWO_WORDS),
        ("Data", "set", Pieces.TWO_WORDS),  # "dataset" too, but both are words
        ("Information Technolog", "y", Pieces.TWO_WORDS),  # a line of two words: its last fitted
        ("統計組", "n", Pieces.TWO_WORDS),
        ("XLS,", "XML", Pieces.TWO_WORDS),
        # digits on both sides: a date the column broke, or numbers on lines of their own
        ("30.04.202", "2", Pieces.ONE_WORD_IF_FULL),
        ("2019", "2020", Pieces.ONE_WORD_IF_FULL),
        ("Q1 202", "2", Pieces.TWO_WORDS),  # a line of two words: its last one fitted
        ("03/2022", "Note:", Pieces.TWO_WORDS),
    ],
)
def test_broken_word(before: str, after: str, pieces: Pieces) -> None:
    assert broken_word(before, after) is pieces


def test_a_rows_remainder_after_a_page_break_carries_on_a_broken_word() -> None:
    pieces = ["Information", "Technology", "Manageme"]
    _carry_on(pieces, ["nt Unit", "(HQ)"])
    assert pieces == ["Information", "Technology", "Management Unit", "(HQ)"]
    pieces = ["Commerce"]
    _carry_on(pieces, ["and Industry"])
    assert pieces == ["Commerce", "and Industry"]
    pieces = ["Informati"]
    _carry_on(pieces, ["on"])  # the page could tell, the rows cannot: as printed
    assert pieces == ["Informati", "on"]
