"""The running text around a plan's tables, in any year's wording: section titles printed without
their letter, the years a section title names, and the introduction between title and section A.

Why a module of its own: plans from 2018 print 「A. 在2019年發放的部門數據集」, later ones "Datasets to
be released in 2022" with no letter, 「於2023至2024年發放的數據集」, and an introduction of numbered
paragraphs before section A. The wordings are data (``section_A`` … ``section_D`` and ``intro``
lines of ``vocab/headings.tsv``); this module turns them into patterns and years.
"""

from __future__ import annotations

from functools import cache

import regex

from .normalise.numerals import chinese_digits_to_int
from .normalise.text import match_key
from .vocab import load_table

# {year} and {years} in a section_X line: one year, or two or more joined by "and", 及, a dash, 至.
_YEAR = r"\d{4}(?:\s*年度?)?"
_YEARS = rf"{_YEAR}(?:\s*(?:,|、|-|至|到|及|和|與|and|to|&)\s*{_YEAR})+"
_YEAR_RANGE = regex.compile(r"(?<!\d)(\d{4})\s*年?\s*(?:-|至|到|to)\s*(\d{4}|\d{2})(?!\d)")
_CHINESE_YEAR = regex.compile(r"[〇○零o一二三四五六七八九]{4}(?=\s*年)")


@cache
def _untitled_sections() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """(letter, pattern) of the section titles printed without a letter."""
    return tuple(
        (
            row["kind"].removeprefix("section_"),
            regex.compile(
                row["pattern"].replace("{years}", _YEARS).replace("{year}", _YEAR), regex.IGNORECASE
            ),
        )
        for row in load_table("headings")
        if row["kind"].startswith("section_")
    )


@cache
def _intro_patterns() -> tuple[regex.Pattern[str], ...]:
    return tuple(
        regex.compile(row["pattern"], regex.IGNORECASE)
        for row in load_table("headings")
        if row["kind"] == "intro"
    )


def heading_key(text: str) -> str:
    """A heading in the matching form, years as digits, dashes as "-", no spaces next to Chinese
    characters and no trailing colon, so one vocabulary line covers its spacings and scripts."""
    key = regex.sub(r"[\u2010-\u2015\u2212]", "-", match_key(text.lstrip("#")))
    key = _CHINESE_YEAR.sub(lambda m: str(chinese_digits_to_int(m.group())), key)
    key = regex.sub(r"\s*([^\x00-\x7f])\s*", r"\1", key)
    return key.rstrip(" :")


def untitled_section_letter(text: str) -> str | None:
    """The letter of a section title printed without one ("Datasets already released" → D), or
    ``None``. The whole line must be the title, so a sentence that mentions it is not a heading."""
    key = heading_key(text)
    return next((letter for letter, p in _untitled_sections() if p.fullmatch(key)), None)


def section_years(title: str) -> tuple[int, ...]:
    """The years a section title names, in order: 2023 and 2024, 2023–2024, 2023-2024, 2023至2024年
    → (2023, 2024); a range names every year in it (2023–2025 → 2023, 2024, 2025; 2022-23 → 2022,
    2023)."""
    key = heading_key(title)
    years = {int(y) for y in regex.findall(r"(?<!\d)(\d{4})(?!\d)", key)}
    for start_text, end_text in _YEAR_RANGE.findall(key):
        start = int(start_text)
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        if 0 < end - start <= 10:
            years.update(range(start, end + 1))
    return tuple(sorted(y for y in years if 1990 < y < 2100))


def is_intro(text: str) -> bool:
    """A line of the introduction (numbered paragraph, sentence, "Introduction"): never the
    department line."""
    key = match_key(text)
    return any(p.search(key) for p in _intro_patterns())
