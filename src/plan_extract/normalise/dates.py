"""Release dates → the month a promise falls due, and how exact the plan was about it.

The rule (also the description of ``datasets.release_precision``): ``month`` is the LAST month of
the period the plan names, because that is when the promise falls due — Q2 2020 → 2020-06, 年底 →
2020-12, mid-2020 → 2020-06, 2020 → 2020-12; ``precision`` says which period it was (day, month,
quarter, half, year; ``unknown`` for "To be confirmed" / 「待定」, which has no month).

Why a small grammar plus vocabularies: departments write the same promise many ways (04/2019,
Dec-20, 31.12.2020, 二〇二〇年第三季, First half of 2020, 2020年底, "By …", 「…或之前」). The grammar
here is the orders in which a year, a month, a day and a period word appear; the words are data
(``vocab/months.tsv``, ``vocab/date_words.tsv``), so a department's new wording is one line.

Never guess: two different dates, an impossible month or day, a year-less period ("年底") in a
section whose title does not name exactly one year, or any word left over that is not a qualifier
gives ``None`` (the caller records ``date_unparsed`` and keeps the raw text).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

from ..vocab import load_table
from .memo import text_cache
from .numerals import chinese_digits_to_int, replace_chinese_numerals
from .text import match_key

Precision = Literal["day", "month", "quarter", "half", "year", "unknown"]
# Most exact first: when every date found names the same month, the most exact one is kept.
PRECISIONS: tuple[Precision, ...] = ("day", "month", "quarter", "half", "year", "unknown")


@dataclass(frozen=True)
class ReleaseDate:
    """The month a promise falls due (``YYYY-MM``; ``None`` when unknown) and its precision."""

    month: str | None
    precision: Precision


@dataclass(frozen=True)
class _Word:
    meaning: str  # a precision (quarter, half, year), "unknown" or "qualifier"
    month: int | None  # last month of the period
    alone: bool  # names a period without a year (年底, Mid-year)


_DASHES = regex.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63]")
_CHINESE_YEAR = regex.compile(r"[〇○零o一二三四五六七八九]{4}(?=\s*年)")
_LEFTOVER_OK = regex.compile(r"[\p{P}\p{S}\s]*")
_ASIDE = regex.compile(r"\([^()]*\)")


def fold(text: str) -> str:
    """The form dates are matched in: :func:`.text.match_key` (width, script, case), dashes as
    ``-``, Chinese numerals as digits (二〇二〇年第三季 → 2020年第3季)."""
    key = _DASHES.sub("-", match_key(text))
    key = _CHINESE_YEAR.sub(lambda m: str(chinese_digits_to_int(m.group())), key)
    return replace_chinese_numerals(key)


@cache
def _months() -> dict[str, int]:
    return {row["name"]: int(row["month"]) for row in load_table("months")}


@cache
def _words() -> dict[str, _Word]:
    return {
        fold(row["phrase"]): _Word(
            row["meaning"],
            int(row["month"]) if row["month"].isdigit() else None,
            row["alone"] == "yes",
        )
        for row in load_table("date_words")
    }


def _alternation(phrases: list[str]) -> str:
    """Longest first (a regex alternation takes the first that matches); a space or hyphen inside
    a phrase matches any spacing or hyphen (mid-year, mid year, midyear); a Latin letter (digit) at
    either end must not continue a word (number): "dec" is not in "decide", "q1" not in "q12"; a
    Chinese phrase may touch anything (2020年底, 於Q3)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(_bounded(p) for p in ordered)


def _bounded(phrase: str) -> str:
    body = regex.sub(r"(?:\\ |\\-|-)+", r"[\\s-]*", regex.escape(phrase))
    before = {"letter": r"(?<![a-z])", "digit": r"(?<!\d)"}.get(_edge(phrase[0]), "")
    after = {"letter": r"(?![a-z])", "digit": r"(?!\d)"}.get(_edge(phrase[-1]), "")
    return before + body + after


def _edge(char: str) -> str:
    return "letter" if "a" <= char <= "z" else "digit" if "0" <= char <= "9" else "other"


def _phrases(*meanings: str, alone_only: bool = False) -> str:
    return _alternation(
        [p for p, w in _words().items() if w.meaning in meanings and (w.alone or not alone_only)]
    )


_Y = r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"
_M = r"(?<!\d)(?P<month>\d{1,2})(?!\d)"
_D = r"(?<!\d)(?P<day>\d{1,2})(?!\d)"
_TH = r"(?:st|nd|rd|th)?"


@cache
def _grammar() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) for every order plans write a date in; kind is a precision, "period" (the
    period word says) or "alone" (a period without a year).

    Compiled by the standard library's ``re``, not ``regex``: they need nothing ``re`` lacks, and
    ``re`` compiles them in a third of the time (~25 ms less in every worker process)."""
    name = rf"(?P<name>{_alternation(list(_months()))})\.?"
    period = rf"(?P<period>{_phrases('quarter', 'half', 'year')})"
    alone = rf"(?P<period>{_phrases('quarter', 'half', 'year', alone_only=True)})"
    sep = r"\s*[./-]\s*"
    rules = (
        ("day", rf"{_D}{sep}{_M}{sep}{_Y}"),  # 31.12.2020, 31/12/2020
        ("day", rf"{_Y}{sep}{_M}{sep}{_D}"),  # 2020-12-31
        ("day", rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日"),  # 2020年12月31日
        ("day", rf"{_D}{_TH}[\s-]*{name}[\s,-]*{_Y}"),  # 31 December 2020, 31-Dec-2020
        ("day", rf"{name}[\s-]*{_D}{_TH}\s*,?\s*{_Y}"),  # December 31, 2020
        ("month", rf"{_M}{sep}{_Y}"),  # 04/2019, 12.2020
        ("month", rf"{_Y}{sep}{_M}"),  # 2019/04, 2019-04
        ("month", rf"{_Y}\s*年\s*{_M}\s*月"),  # 2019年4月, 二〇一九年四月
        ("month", rf"{name}[\s,-]*{_Y}"),  # April 2019, Apr. 2019
        ("month", rf"{name}\s*[-'’]\s*(?P<yy>\d{{2}})(?!\d)"),  # Dec-20
        (
            "period",
            rf"{period}[\s,/(-]*(?:of\s*)?(?:the\s*)?(?:year\s*)?{_Y}(?:\s*年)?",
        ),  # End of 2020
        ("period", rf"{_Y}\s*(?:年\s*)?[\s,/-]*{period}"),  # 2020 Q1, 2020年第3季, 2020年底
        ("year", rf"{_Y}(?:\s*年)?"),  # 2020, 2020年
        ("alone", alone),  # 年底, Mid-year, Third quarter
    )
    return tuple((kind, re.compile(pattern)) for kind, pattern in rules)


@cache
def _leftover_words() -> re.Pattern[str]:
    """Qualifiers ("By", 「或之前」) and "to be confirmed" wordings, removed from what is left."""
    return re.compile(_phrases("qualifier", "unknown"))


@cache
def _unknown_words() -> re.Pattern[str]:
    return re.compile(_phrases("unknown"))


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: ReleaseDate | None  # None: impossible (month 13, 31 February) or year-less in doubt


_CUT_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")


def parse_release_date(raw: str | None, section_years: tuple[int, ...] = ()) -> ReleaseDate | None:
    """The release date a cell states, or ``None`` when it states no single date (see the module
    docstring). ``section_years`` are the years the section's title names; a year-less period
    (年底, Mid-year) takes the year when there is exactly one."""
    if not raw or not raw.strip():
        return None
    found = _parse_release_date(raw, section_years)
    if found is None and _CUT_DIGITS.search(raw):
        # a date a wrap cut between two digits where no line's fullness could tell (at a page's
        # foot: "30/09/201" / "9"), the pieces joined with a space
        found = _parse_release_date(_CUT_DIGITS.sub("", raw), section_years)
    return found


@text_cache(maxsize=8192)
def _parse_release_date(raw: str, section_years: tuple[int, ...]) -> ReleaseDate | None:
    """Cached: a plan repeats its few dates over all its rows."""
    text = fold(raw)
    found = _scan(text, section_years)
    if any(f.date is None for f in found):
        return None
    leftover = text
    for f in reversed(found):
        leftover = leftover[: f.start] + " " + leftover[f.end :]
    if not _LEFTOVER_OK.fullmatch(_ASIDE.sub(" ", _leftover_words().sub(" ", leftover))):
        return None
    dates = {f.date for f in found if f.date is not None}
    if not dates:
        return ReleaseDate(None, "unknown") if _unknown_words().search(text) else None
    if len({d.month for d in dates}) != 1:
        return None
    return min(dates, key=lambda d: PRECISIONS.index(d.precision))


def parse_release_month(raw: str | None) -> str | None:
    """``YYYY-MM`` of a release date (see :func:`parse_release_date`), or ``None``."""
    date = parse_release_date(raw)
    return date.month if date else None


def _scan(text: str, section_years: tuple[int, ...]) -> list[_Found]:
    """Every date in ``text``, left to right, without overlaps: where matches overlap, the one that
    starts first wins, then the longest (31.12.2020 is one day, not a day and a month 12.2020)."""
    candidates = []
    for order, (kind, pattern) in enumerate(_grammar()):
        for m in _overlapped(pattern, text):
            candidates.append((m.start(), -(m.end() - m.start()), order, kind, m))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[_Found] = []
    end = 0
    for start, _, _, kind, m in candidates:
        if start >= end:
            chosen.append(_Found(start, m.end(), _date(kind, m, section_years)))
            end = m.end()
    return chosen


def _overlapped(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, each searched from one character after the start of the one
    before (``regex``'s ``overlapped=True``): "12.2020" inside "31.12.2020" is found too."""
    start = 0
    while (m := pattern.search(text, start)) is not None:
        yield m
        start = m.start() + 1


def _date(kind: str, m: re.Match[str], section_years: tuple[int, ...]) -> ReleaseDate | None:
    """The date one match names, or ``None`` when it is impossible or its year unknown."""
    groups = m.groupdict()
    if kind == "alone" and len(section_years) != 1:
        return None
    year = section_years[0] if kind == "alone" else _year(groups)
    if kind in ("period", "alone"):
        word = _words_squeezed()[_squeeze(groups["period"] or "")]
        return _release(year, word.month, word.meaning)
    if kind == "year":
        return _release(year, 12, "year")
    month = _months()[groups["name"]] if groups.get("name") else int(groups["month"])
    if kind == "day" and not 1 <= month <= 12:
        return None
    if kind == "day" and not 1 <= int(groups["day"]) <= calendar.monthrange(year, month)[1]:
        return None
    return _release(year, month, kind)


def _year(groups: dict[str, str | None]) -> int:
    yy = groups.get("yy")
    return 2000 + int(yy) if yy else int(groups["year"] or 0)


def _squeeze(phrase: str) -> str:
    return regex.sub(r"[\s-]+", "", phrase)


@cache
def _words_squeezed() -> dict[str, _Word]:
    """Period words by their letters only: a match may space or hyphenate them differently."""
    return {_squeeze(phrase): word for phrase, word in _words().items()}


def _release(year: int, month: int | None, precision: str) -> ReleaseDate | None:
    if month is None or not 1 <= month <= 12 or precision not in PRECISIONS:
        return None
    return ReleaseDate(f"{year:04d}-{month:02d}", precision)
