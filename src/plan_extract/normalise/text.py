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

# Characters after or before which a wrap adds no space: Han ideographs, CJK punctuation (「」、。),
# full-width forms (（）／：), kana and hangul.
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u2E80-\u2FDF\u3000-\u303F\uFF00-\uFFEF"
_CJK_CHAR = regex.compile(f"[{_CJK}]")
_WORD_HYPHEN_END = regex.compile(r"\p{L}-$")
_WHITESPACE = regex.compile(r"\s+")
# Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs look like ideographs but are not
# the unified ones; PDFs made with some fonts emit them, and they break search and matching.
_LOOKALIKE = regex.compile(r"[\u2F00-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F]")
_PUNCT_OR_SPACE = regex.compile(r"[\p{P}\p{S}\s]+")


def is_cjk(char: str) -> bool:
    return bool(_CJK_CHAR.match(char))


def repair_chars(text: str) -> str:
    """Map Kangxi radicals and compatibility ideographs to unified ideographs; nothing else changes."""
    return _LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _separator(left: str, right: str) -> str:
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return ""
    if _WORD_HYPHEN_END.search(left[-2:]):
        return ""
    return " "


def join_pieces(pieces: Iterable[str]) -> str:
    """Join the pieces of a wrapped cell (and collapse the spaces inside each piece) by script.

    >>> join_pieces(["政府公共雲端服務供應商", "列表"])
    '政府公共雲端服務供應商列表'
    >>> join_pieces(["Computerisation in the", "Government"])
    'Computerisation in the Government'
    >>> join_pieces(["通用「Wi-", "Fi.HK」品牌"])
    '通用「Wi-Fi.HK」品牌'
    """
    tokens = [tok for piece in pieces for tok in _WHITESPACE.split(repair_chars(piece)) if tok]
    if not tokens:
        return ""
    # The separator depends only on the last two characters joined so far: keeping just those
    # (not searching the growing string for every token) keeps the join linear.
    parts = [tokens[0]]
    tail = tokens[0][-2:]
    for token in tokens[1:]:
        separator = _separator(tail, token)
        parts += (separator, token)
        tail = (tail + separator + token)[-2:]
    return "".join(parts)


def clean(text: str | None) -> str:
    """One cell's text, joined and collapsed; ``None`` becomes the empty string."""
    return join_pieces([text]) if text else ""


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified → Traditional, for matching only (values keep the script they were published in)."""
    return str(_converter("s2t").convert(text))


@lru_cache(maxsize=16384)
def match_key(text: str) -> str:
    """The form phrases are compared in: width-folded (NFKC), Traditional, lower case, single spaces.

    Used for every vocabulary lookup so that 每６個月, 每6个月 and 每6個月 meet.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = to_traditional(folded).casefold()
    return _WHITESPACE.sub(" ", folded).strip()


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A key under which the same dataset name matches across scripts and Hong Kong variants.

    NFKC, then Simplified → Traditional, then OpenCC's tw2t and hk2t (so 綫/線, 衞/衛, 裏/裡 and 温/溫
    meet), whitespace and punctuation dropped, Latin lower-cased.
    """
    folded = unicodedata.normalize("NFKC", repair_chars(text))
    for config in ("s2t", "tw2t", "hk2t"):
        folded = str(_converter(config).convert(folded))
    return _PUNCT_OR_SPACE.sub("", folded).casefold()


_LETTER = regex.compile(r"\p{L}")
_HAN = regex.compile(r"\p{Han}")


def han_ratio(text: str) -> float:
    """Share of letters that are Han ideographs (0 for text without letters)."""
    letters = len(_LETTER.findall(text))
    return len(_HAN.findall(text)) / letters if letters else 0.0


def detect_language(text: str) -> str:
    """BCP 47 tag of a plan's text: ``en``, ``zh-Hant`` or ``zh-Hans``.

    Han text is Simplified when converting it to Traditional changes more characters than converting
    it to Simplified does.
    """
    if han_ratio(text) < 0.3:
        return "en"
    han = "".join(_HAN.findall(text))
    to_simplified = sum(
        a != b for a, b in zip(han, str(_converter("t2s").convert(han)), strict=False)
    )
    to_trad = sum(a != b for a, b in zip(han, str(_converter("s2t").convert(han)), strict=False))
    return "zh-Hans" if to_trad > to_simplified else "zh-Hant"
