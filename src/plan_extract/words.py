"""Whether two lines of a cell are the pieces of one word that a narrow column broke.

Word breaks a word wider than its column mid-word, without a hyphen ("Informatio" / "n",
"Manageme" / "nt Unit", a date "30.04.202" / "2"; LibreOffice breaks "KM" / "L、KMZ" in a Chinese
cell even with room left), and nowhere else is a word broken so. Two lines are read as one word
when the first is one word ending in Latin letters, the second carries on in Latin letters, and the
pieces together are an English word of the DATA.GOV.HK catalogue (``vocab/words.tsv``, made by
``scripts/make_word_list.py``) that neither piece is alone: "Commerce" / "and Industry" and
"Data" / "set" stay as printed. Where the second piece is a word of its own too ("Informati" /
"on"), or both pieces are digits there ("30.04.202" / "2", but also "2019" / "2020"), only the
page can tell: the PDF reader joins them when the first line filled its cell (``read/page.py``);
elsewhere (a row's remainder after a page break) they stay as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import cache

import regex

from .vocab import load_table

_LAST_LETTERS = regex.compile(r"\p{Latin}+$")
_FIRST_LETTERS = regex.compile(r"^\s*(\p{Latin}+)")


class Pieces(Enum):
    """What two lines of a cell are."""

    TWO_WORDS = "two words"
    ONE_WORD = "one word"
    ONE_WORD_IF_FULL = "one word if the first line filled its cell"


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The catalogue's words (folded to lower case), and those it also writes in lower case."""
    rows = load_table("words")
    return (
        frozenset(row["word"] for row in rows),
        frozenset(row["word"] for row in rows if row["lower_case"] == "yes"),
    )


def _is_word(piece: str, words: frozenset[str], lower: frozenset[str]) -> bool:
    return piece in lower if piece.islower() else piece.casefold() in words


def broken_word(before: str, after: str) -> Pieces:
    """What the line ``before`` (one line of a cell) and the line ``after`` it are."""
    if " " in before.strip():
        return Pieces.TWO_WORDS  # a line of two words: its last one fitted
    if before.strip()[-1:].isdigit() and after.lstrip()[:1].isdigit():
        # A number or date broken by the column ("30.04.202" / "2"), or two numbers on their own
        # lines ("2019" / "2020"): only the page can tell.
        return Pieces.ONE_WORD_IF_FULL
    head, tail = _LAST_LETTERS.search(before), _FIRST_LETTERS.match(after)
    if head is None or tail is None:
        return Pieces.TWO_WORDS
    words, lower = _words()
    a, b = head[0], tail[1]
    if (a + b).casefold() not in words or (_is_word(a, words, lower) and _is_word(b, words, lower)):
        return Pieces.TWO_WORDS
    return Pieces.ONE_WORD_IF_FULL if _is_word(b, words, lower) else Pieces.ONE_WORD


def carried_on(pieces: Sequence[str], remainder: Sequence[str]) -> list[str]:
    """A cell's pieces with the pieces of its next line or next page after them: a word the
    column broke ("Manageme" / "nt Unit", "completio" / "n of the") is one piece again (where
    only the page could tell, :data:`Pieces.ONE_WORD_IF_FULL`, it stays as printed)."""
    if pieces and remainder and broken_word(pieces[-1], remainder[0]) is Pieces.ONE_WORD:
        return [*pieces[:-1], pieces[-1] + remainder[0], *remainder[1:]]
    return [*pieces, *remainder]
