"""The running text around a plan's tables, in any year's wording: the plan header (department,
abbreviation, title and plan year), section headings with or without their letter and the years
they name, section C organisations, page furniture, and the introduction between title and A.

Why a module of its own: plans from 2018 print 「A. 在2019年發放的部門數據集」, later ones "Datasets to
be released in 2022" with no letter, 「於2023至2024年發放的數據集」, and an introduction of numbered
paragraphs before section A. The wordings are data (``section_A`` … ``section_D`` and ``intro``
lines of ``vocab/headings.tsv``); this module turns them into patterns and years.
"""

from __future__ import annotations

from functools import cache
from typing import cast

import regex

from .departments import department_id
from .model import Organisation, PlanHeader, Section, SectionLetter, TextLine
from .normalise.memo import text_cache
from .normalise.numerals import chinese_digits_to_int
from .normalise.text import clean, join_pieces, match_key
from .problems import ProblemLog
from .vocab import load_table

# {year} and {years} in a section_X line: one year, or two or more joined by "and", 及, a dash, 至.
_YEAR = r"\d{4}(?:\s*年度?)?"
_YEARS = rf"{_YEAR}(?:\s*(?:,|、|-|至|到|及|和|與|and|to|&)\s*{_YEAR})+"
_YEAR_RANGE = regex.compile(r"(?<!\d)(\d{4})\s*年?\s*(?:-|至|到|to)\s*(\d{4}|\d{2})(?!\d)")
_CHINESE_YEAR = regex.compile(r"[〇○零o一二三四五六七八九]{4}(?=\s*年)")
_DASH = regex.compile(r"[\u2010-\u2015\u2212]")
_SPACE_BY_NON_ASCII = regex.compile(r"\s*([^\x00-\x7f])\s*")
_FOUR_DIGITS = regex.compile(r"(?<!\d)(\d{4})(?!\d)")


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
    key = _DASH.sub("-", match_key(text.lstrip("#")))
    key = _CHINESE_YEAR.sub(lambda m: str(chinese_digits_to_int(m.group())), key)
    key = _SPACE_BY_NON_ASCII.sub(r"\1", key)
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
    years = {int(y) for y in _FOUR_DIGITS.findall(key)}
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


# --- the plan header, section and organisation lines ----------------------------------------


@cache
def _patterns_by_kind() -> dict[str, tuple[regex.Pattern[str], ...]]:
    patterns: dict[str, list[regex.Pattern[str]]] = {}
    for row in load_table("headings"):
        patterns.setdefault(row["kind"], []).append(regex.compile(row["pattern"], regex.IGNORECASE))
    return {kind: tuple(found) for kind, found in patterns.items()}


def _patterns(kind: str) -> tuple[regex.Pattern[str], ...]:
    return _patterns_by_kind().get(kind, ())


def _first_match(kind: str, text: str) -> regex.Match[str] | None:
    for pattern in _patterns(kind):
        m = pattern.search(text)
        if m:
            return m
    return None


def split_abbreviation(text: str) -> tuple[str, str | None]:
    """「政府資訊科技總監辦公室（下稱「資科辦」）」 → (「政府資訊科技總監辦公室」, 「資科辦」)."""
    m = _first_match("abbreviation", text)
    if not m:
        return text, None
    return text[: m.start()].strip(), m.group("abbr").strip()


def parse_plan_year(text: str) -> int | None:
    """The year of a plan title in any wording of vocab/headings.tsv ("Annual Open Data Plan
    (2021)", "2021 Annual Open Data Plan", 「年度開放數據計劃（2021年）」, Simplified forms)."""
    m = _first_match("plan_title", match_key(text))
    if not m:
        return None
    year = m.group("year")
    return int(year) if year.isdigit() else chinese_digits_to_int(year)


def parse_header(lines: list[TextLine], log: ProblemLog) -> PlanHeader:
    """Department, abbreviation, plan year and title from the text before section A.

    The title may be printed on two lines ("Annual Open Data Plan" / "(2021)"). Introduction
    paragraphs between the title and section A are skipped: the department line is the first
    line naming a department of vocab/departments.tsv, else the first line that is neither the
    title nor an introduction (``intro`` in vocab/headings.tsv)."""
    texts = [clean(line.text) for line in lines]
    span = _title_span(texts)
    if span is None:
        log.add("plan_year_missing")
    title = join_pieces(texts[span[0] : span[1]]) if span else None
    others = [
        t
        for i, t in enumerate(texts)
        if not (span and span[0] <= i < span[1]) and not is_furniture(t) and not is_intro(t)
    ]
    known = [t for t in others if department_id(*split_abbreviation(t))]
    department, abbr = split_abbreviation((known or others)[0]) if others else (None, None)
    if department is None:
        log.add("department_missing")
    return PlanHeader(department, abbr, parse_plan_year(title) if title else None, title)


def _title_span(texts: list[str]) -> tuple[int, int] | None:
    """Where the title is: the first line with a plan year, else two lines that give one together."""
    for i, text in enumerate(texts):
        if parse_plan_year(text):
            return i, i + 1
    for i in range(len(texts) - 1):
        if parse_plan_year(join_pieces(texts[i : i + 2])):
            return i, i + 2
    return None


@text_cache(maxsize=4096)
def is_furniture(text: str) -> bool:
    """A page number, a running header or footer (asked of each text line twice: cached)."""
    return _first_match("page_furniture", text) is not None


@text_cache(maxsize=4096)
def _section(text: str) -> Section | None:
    """A section heading, with its letter ("A. 在2019年發放的部門數据集") or without one ("Datasets
    to be released in 2022", 「已發放的數據集」: the letter comes from vocab/headings.tsv), and the
    years its title names."""
    m = _first_match("section", text)
    if m:
        letter = m.group("letter").translate(str.maketrans("ＡＢＣＤ", "ABCD")).upper()
        title = clean(m.group("title"))
    else:
        found = untitled_section_letter(text)
        if found is None:
            return None
        letter, title = found, clean(text.lstrip("#"))
    return Section(cast(SectionLetter, letter), title, section_years(title))


@text_cache(maxsize=4096)
def _organisation(text: str) -> Organisation | None:
    m = _first_match("organisation", text)
    if not m:
        return None
    name, abbr = split_abbreviation(m.group("name"))
    return Organisation(int(m.group("number")), name, abbr)
