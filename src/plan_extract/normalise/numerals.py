"""Numbers as plans write them: Arabic (also full-width, folded earlier by NFKC), Chinese and English.

Why: frequencies and dates appear as 每6個月, 每六個月, 每兩星期, 二〇一九年四月 and "every six months".
"""

from __future__ import annotations

import unicodedata

import regex

from .memo import text_cache

_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "o": 0, "一": 1, "壹": 1, "二": 2, "兩": 2, "两": 2, "貳": 2,
    "三": 3, "參": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100}
_ENGLISH = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1,
}  # fmt: skip
CHINESE_NUMERAL = regex.compile(r"[〇○零一壹二兩两貳三參四五六七八九十拾百佰]+")


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral: 六 → 6, 十二 → 12, 二十四 → 24, 兩 → 2; ``None`` if not one."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = current * 10 + _DIGITS[ch] if current else _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


def chinese_digits_to_int(text: str) -> int | None:
    """Digit-by-digit reading used for years: 二〇一九 → 2019, 二O一八 → 2018."""
    digits = [_DIGITS.get(ch.lower()) for ch in text]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


# Item labels as departments print them. Each pattern captures the number in one group: arabic
# (1, 1., 1), (1), １, and 4+ digits), a letter prefix (A1, A-1, A.1), Chinese numerals ((三), 三、)
# or roman numerals (i, (iv), IV.). Full-width forms are folded (NFKC) before matching.
_OPEN, _CLOSE = r"[(（\[]?", r"[)）\]]?"
_ITEM_PATTERNS = (
    regex.compile(rf"{_OPEN}\s*(?P<arabic>\d{{1,6}})\s*{_CLOSE}\s*[.．、:：]?"),
    regex.compile(
        rf"{_OPEN}\s*[A-Za-z]{{1,2}}\s*[-–.．]?\s*(?P<arabic>\d{{1,6}})\s*{_CLOSE}\s*[.．、]?"
    ),
    regex.compile(rf"{_OPEN}\s*(?P<chinese>[一二三四五六七八九十百]{{1,4}})\s*{_CLOSE}\s*[.．、]?"),
    regex.compile(rf"{_OPEN}\s*(?P<roman>[ivxl]{{1,7}})\s*{_CLOSE}\s*[.．、]?", regex.IGNORECASE),
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_to_int(text: str) -> int | None:
    """``iv`` → 4, ``XII`` → 12; ``None`` unless the numeral is written canonically."""
    values = [_ROMAN[ch] for ch in text.casefold()]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if total > 0 and _to_roman(total) == text.casefold() else None


def _to_roman(number: int) -> str:
    out = ""
    for value, numeral in (
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _balanced(text: str) -> bool:
    opened = sum(text.count(ch) for ch in "(（[")
    closed = sum(text.count(ch) for ch in ")）]")
    return opened <= closed and opened <= 1


@text_cache(maxsize=8192)
def parse_item_no(text: str, *, roman: bool = True) -> int | None:
    """The number an item label stands for, in every common style, else ``None``.

    ``roman=False`` refuses roman numerals: in a table numbered 1, 2, 3 a stray "X." is a bad label,
    not item 10 (callers allow roman where a section's numbering starts with one). Cached: structure
    asks of most cells whether they are a label, and labels repeat.

    >>> [parse_item_no(t) for t in ("1.", "(1)", "1)", "（三）", "三、", "A1", "A-1", "(iv)", "１２")]
    [1, 1, 1, 3, 3, 1, 1, 4, 12]
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded or not _balanced(folded):
        return None
    for pattern in _ITEM_PATTERNS:
        m = pattern.fullmatch(folded)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("arabic"):
            return int(groups["arabic"])
        if groups.get("chinese"):
            return chinese_to_int(groups["chinese"])
        if groups.get("roman") and roman:
            return roman_to_int(groups["roman"])
    return None


def english_to_int(word: str) -> int | None:
    """``six`` → 6, ``twice`` → 2; ``None`` for anything else."""
    return _ENGLISH.get(word.casefold())


def replace_chinese_numerals(text: str) -> str:
    """Rewrite each Chinese numeral in ``text`` as Arabic digits (每六個月 → 每6個月, 每日兩次 → 每日2次)."""

    def arabic(match: regex.Match[str]) -> str:
        value = chinese_to_int(match.group())
        return str(value) if value is not None else match.group()

    return CHINESE_NUMERAL.sub(arabic, text)


def is_roman_label(text: str) -> bool:
    """Whether an item label is written as a roman numeral (i, (iv), IV.)."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return parse_item_no(folded) is not None and parse_item_no(folded, roman=False) is None
