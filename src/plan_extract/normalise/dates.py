"""Release dates → ``YYYY-MM``.

Accepted: ``04/2019``, ``4/2019``, ``2019/04``, ``2019-04``, ``2019年4月``, ``二〇一九年四月`` (also
with a full-width Ｏ), ``April 2019``, ``Apr. 2019``, with a date inside a longer phrase accepted when
exactly one is found ("By April 2019", "2019年4月或之前").
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..vocab import load_table
from .numerals import chinese_digits_to_int, chinese_to_int
from .text import match_key


@cache
def _months() -> dict[str, int]:
    return {row["name"]: int(row["month"]) for row in load_table("months")}


def _month_name_pattern() -> str:
    names = sorted(_months(), key=len, reverse=True)
    return "|".join(regex.escape(n) for n in names)


@cache
def _patterns() -> tuple[regex.Pattern[str], ...]:
    return (
        regex.compile(r"(?<!\d)(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})(?!\d)"),
        regex.compile(r"(?<!\d)(?P<year>\d{4})\s*[/-]\s*(?P<month>\d{1,2})(?!\d)"),
        regex.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月"),
        regex.compile(
            r"(?P<zhyear>[〇○零oO一二三四五六七八九]{4})\s*年\s*(?P<zhmonth>[一二三四五六七八九十]{1,3})\s*月"
        ),
        regex.compile(rf"\b(?P<name>{_month_name_pattern()})\.?,?\s+(?P<year>\d{{4}})\b"),
    )


@lru_cache(maxsize=4096)
def parse_release_month(raw: str | None) -> str | None:
    """``YYYY-MM`` for a release date as published, or ``None`` when it names no single month."""
    if not raw:
        return None
    text = match_key(raw)
    found: set[str] = set()
    for pattern in _patterns():
        for m in pattern.finditer(text):
            year, month = _year_month(m)
            if year is not None and month is not None and 1 <= month <= 12 and 1990 < year < 2100:
                found.add(f"{year:04d}-{month:02d}")
    return found.pop() if len(found) == 1 else None


def _year_month(m: regex.Match[str]) -> tuple[int | None, int | None]:
    groups = m.groupdict()
    if groups.get("zhyear"):
        return chinese_digits_to_int(groups["zhyear"]), chinese_to_int(groups["zhmonth"])
    if groups.get("name"):
        return int(groups["year"]), _months()[groups["name"].casefold()]
    return int(groups["year"]), int(groups["month"])
