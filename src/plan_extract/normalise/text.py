"""Text clean-up: joining wrapped pieces, character repairs, and matching keys.

Why the joining rule looks at scripts: a line break inside Chinese text is not a space, a line break
between English words is one, and Word never hyphenates on its own, so a hyphen at a line end belongs
to the word (``Wi-`` + ``Fi.HK`` is ``Wi-Fi.HK``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import opencc
import regex

from ..vocab import load_table
from .memo import text_cache

# Characters after or before which a wrap adds no space: Han ideographs, CJK punctuation (「」、。),
# full-width forms (（）／：), kana and hangul.
CJK_CHARACTERS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u2E80-\u2FDF\u3000-\u303F\uFF00-\uFFEF"
_CJK_CHAR = regex.compile(f"[{CJK_CHARACTERS}]")
_WORD_HYPHEN_END = regex.compile(r"\p{L}-$")
_WHITESPACE = regex.compile(r"\s+")
# Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs look like ideographs but are not
# the unified ones; PDFs made with some fonts emit them, and they break search and matching.
_LOOKALIKE = regex.compile(r"[\u2F00-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F]")
_PUNCT_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")


@lru_cache(maxsize=8192)
def is_cjk(char: str) -> bool:
    """Whether a character joins its neighbours without a space (cached: a plan uses a few
    thousand distinct characters, and every wrap asks about two of them)."""
    return bool(_CJK_CHAR.match(char))


def repair_chars(text: str) -> str:
    """Map Kangxi radicals and compatibility ideographs to unified ideographs; nothing else changes."""
    if not _LOOKALIKE.search(text):
        return text  # nearly always: the substitution's callback is the slow part
    return _LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


# A note label after a space and a Chinese word ("… 坐標 註：…"): the space is kept, or the label
# would be glued to a word that ends in 註 (「標註」, annotation) and no longer read as a label.
_NOTE_LABEL_START = regex.compile(r"(?:備註|附註|註|注)\s*\d*\s*[:：]")
_HAN_CHAR = regex.compile(r"\p{Han}")


def _separator(left: str, right: str) -> str:
    if _HAN_CHAR.match(left[-1]) and _NOTE_LABEL_START.match(right):
        return " "
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return ""
    if left[-1] == "-" and _WORD_HYPHEN_END.search(left[-2:]):
        return ""
    return " "


# White space to ``str.split`` but not to the pattern ``\s`` (the information separators).
_NOT_WHITESPACE = regex.compile("[\x1c-\x1f]")


def _tokens(text: str) -> list[str]:
    r"""``text`` split on white space (``\s``). ``str.split`` does it at a third of the cost, but
    also splits on U+001C–U+001F, which are not white space to the pattern: text holding one of
    them takes the pattern."""
    if _NOT_WHITESPACE.search(text):
        return [token for token in _WHITESPACE.split(text) if token]
    return text.split()


def join_pieces(pieces: Iterable[str]) -> str:
    """Join the pieces of a wrapped cell (and collapse the spaces inside each piece) by script.

    >>> join_pieces(["政府公共雲端服務供應商", "列表"])
    '政府公共雲端服務供應商列表'
    >>> join_pieces(["Computerisation in the", "Government"])
    'Computerisation in the Government'
    >>> join_pieces(["通用「Wi-", "Fi.HK」品牌"])
    '通用「Wi-Fi.HK」品牌'
    """
    # Pieces joined with a space first: the space is a break like any other (the rule below
    # decides it), and the repair and the split run once per cell, not once per piece.
    return _join(" ".join(pieces))


@text_cache(maxsize=8192)
def _join(text: str) -> str:
    """The joined text (cached: structure joins every cell to read its row, normalise joins it
    again for the fields, and a plan repeats its frequencies, dates and formats)."""
    tokens = _tokens(repair_chars(text))
    if len(tokens) < 2:
        return tokens[0] if tokens else ""
    # The separator depends only on the last two characters joined so far: keeping just those
    # (not searching the growing string for every token) keeps the join linear.
    parts = [tokens[0]]
    tail = tokens[0][-2:]
    for token in tokens[1:]:
        separator = _separator(tail, token)
        parts += (separator, token)
        tail = (tail + separator + token)[-2:]
    return "".join(parts)


def append_piece(text: str, piece: str) -> str:
    """``text`` with a wrapped line's ``piece`` added as :func:`join_pieces` joins it, the spaces
    inside ``text`` kept (a bilingual header label, 「負責組別 Contact」, gets its "Unit").

    >>> append_piece("負責組別 Contact", "Unit")
    '負責組別 Contact Unit'
    >>> append_piece("數據種類／數據集", "名稱")
    '數據種類／數據集名稱'
    """
    left, right = text.rstrip(), join_pieces([piece])
    if not left or not right:
        return left or right
    return left + _separator(left[-2:], right) + right


def clean(text: str | None) -> str:
    """One cell's text, joined and collapsed; ``None`` becomes the empty string."""
    return join_pieces([text]) if text else ""


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified → Traditional, for matching only (values keep the script they were published in).

    ASCII text is returned as it is (OpenCC changes no ASCII character): an English plan never
    loads the Simplified → Traditional dictionaries (~45 ms in each worker)."""
    return text if text.isascii() else str(_converter("s2t").convert(text))


@text_cache(maxsize=16384)
def match_key(text: str) -> str:
    """The form phrases are compared in: width-folded (NFKC), Traditional, lower case, single spaces.

    Used for every vocabulary lookup so that 每６個月, 每6个月 and 每6個月 meet.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = to_traditional(folded).casefold()
    return _WHITESPACE.sub(" ", folded).strip()


@text_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A key under which the same dataset name matches across scripts and Hong Kong variants.

    NFKC, then Simplified → Traditional, then OpenCC's tw2t and hk2t (so 綫/線, 衞/衛, 裏/裡 and 温/溫
    meet), whitespace and punctuation dropped, Latin lower-cased.
    """
    folded = unicodedata.normalize("NFKC", repair_chars(text))
    if not folded.isascii():  # OpenCC changes no ASCII character
        for config in ("s2t", "tw2t", "hk2t"):
            folded = str(_converter(config).convert(folded))
    return _PUNCT_OR_SPACE.sub("", folded).casefold()


# Runs, not single characters: counting the characters of a few hundred runs is several times
# faster than finding thousands of one-character matches.
_NOT_LETTERS = regex.compile(r"\P{L}+")
_NOT_HAN = regex.compile(r"\P{Han}+")
_NOT_LATIN = regex.compile(r"\P{Latin}+")
HAN_SAMPLE = 400  # Han characters whose script decides zh-Hant or zh-Hans: half a page


def _only(others: regex.Pattern[str], text: str) -> str:
    """``text`` without what ``others`` matches: one string, at most the text's size (a list of
    every match would be many times larger on a big plan)."""
    return str(others.sub("", text))


def han_and_latin(text: str) -> tuple[int, int]:
    """How many Han characters and how many Latin letters ``text`` has."""
    return len(_only(_NOT_HAN, text)), len(_only(_NOT_LATIN, text))


@cache
def _script_characters() -> dict[str, frozenset[str]]:
    """The Han characters only Simplified (``zh-Hans``) or only Traditional (``zh-Hant``) text
    uses: ``vocab/script_characters.tsv``, made from OpenCC's single-character tables."""
    return {row["script"]: frozenset(row["characters"]) for row in load_table("script_characters")}


def detect_language(text: str) -> str:
    """BCP 47 tag of a plan's text: ``en``, ``zh-Hant`` or ``zh-Hans``.

    Han text is Simplified when it has more characters only Simplified text uses (发, 数) than
    characters only Traditional text uses (發, 數): the sets come from OpenCC's tables, so no
    dictionary is loaded (``t2s`` cost each worker ~50 ms). The script is decided on the first
    :data:`HAN_SAMPLE` Han characters: a plan is printed in one script (a test checks the sample
    decides as the whole text does on every fixture).
    """
    han, letters = _only(_NOT_HAN, text), len(_only(_NOT_LETTERS, text))
    if not letters or len(han) / letters < 0.3:  # under 30 % of the letters Han: English
        return "en"
    sample = han[:HAN_SAMPLE]
    scripts = _script_characters()
    simplified = sum(map(scripts["zh-Hans"].__contains__, sample))
    traditional = sum(map(scripts["zh-Hant"].__contains__, sample))
    return "zh-Hans" if simplified > traditional else "zh-Hant"
