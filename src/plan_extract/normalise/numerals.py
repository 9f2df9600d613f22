"""Numbers as plans write them: Arabic (also full-width, folded earlier by NFKC), Chinese and English.

Why: frequencies and dates appear as 每6個月, 每六個月, 每兩星期, 二〇一九年四月 and "every six months".
"""

from __future__ import annotations

import regex

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


_ITEM_NUMBER = regex.compile(r"\s*(\d{1,3})\s*[.．、)]?\s*")


def parse_item_no(text: str) -> int | None:
    """The number of an item cell as plans write it (「1.」, "12", 「3、」), else ``None``."""
    m = _ITEM_NUMBER.fullmatch(text)
    return int(m.group(1)) if m else None


def english_to_int(word: str) -> int | None:
    """``six`` → 6, ``twice`` → 2; ``None`` for anything else."""
    return _ENGLISH.get(word.casefold())


def replace_chinese_numerals(text: str) -> str:
    """Rewrite each Chinese numeral in ``text`` as Arabic digits (每六個月 → 每6個月, 每日兩次 → 每日2次)."""

    def arabic(match: regex.Match[str]) -> str:
        value = chinese_to_int(match.group())
        return str(value) if value is not None else match.group()

    return CHINESE_NUMERAL.sub(arabic, text)
