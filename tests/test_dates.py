"""Release dates: every wording of the issue-7 contract with its (month, precision), negatives,
year-less wordings with and without a section year, and the wiring into dataset records."""

from __future__ import annotations

import calendar
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan_extract.model import Block, Document, SourceFile, TableRow, TextLine, Where
from plan_extract.normalise.dates import Precision, ReleaseDate, fold, parse_release_date
from plan_extract.normalise.rows import normalise_plan
from plan_extract.problems import ProblemLog
from plan_extract.structure import structure
from plan_extract.vocab import load_table

MONTH = [
    ("04/2019", "2019-04"),
    ("4/2019", "2019-04"),
    ("2019/04", "2019-04"),
    ("2019-04", "2019-04"),
    ("12.2020", "2020-12"),
    ("2019年4月", "2019-04"),
    ("2019 年 4 月", "2019-04"),
    ("２０１９年４月", "2019-04"),
    ("二〇一九年四月", "2019-04"),
    ("二Ｏ一九年十二月", "2019-12"),
    ("April 2019", "2019-04"),
    ("Apr 2019", "2019-04"),
    ("Apr. 2019", "2019-04"),
    ("Sept. 2019", "2019-09"),
    ("Dec-20", "2020-12"),
    ("Dec 2020", "2020-12"),
]
DAY = [
    ("31.12.2020", "2020-12"),
    ("31/12/2020", "2020-12"),
    ("31 December 2020", "2020-12"),
    ("December 31, 2020", "2020-12"),
    ("2020年12月31日", "2020-12"),
    ("二〇二〇年十二月三十一日", "2020-12"),
    ("2020-12-31", "2020-12"),
    ("30 Jun 2020", "2020-06"),
]
QUARTER = [
    ("Q1 2020", "2020-03"),
    ("2020 Q1", "2020-03"),
    ("1Q 2020", "2020-03"),
    ("Ｑ２ ２０２０", "2020-06"),
    ("First quarter of 2020", "2020-03"),
    ("1st quarter 2020", "2020-03"),
    ("Third quarter of 2020", "2020-09"),
    ("Fourth Quarter 2020", "2020-12"),
    ("2020年第一季", "2020-03"),
    ("二〇二〇年第三季", "2020-09"),
    ("2020年第1季度", "2020-03"),
    ("2020年第四季度", "2020-12"),
    ("Early 2020", "2020-03"),
    ("2020年初", "2020-03"),
    ("Mid 2020", "2020-06"),
    ("Mid-2020", "2020-06"),
    ("mid–2020", "2020-06"),  # en dash
    ("2020年年中", "2020-06"),
    ("End of 2020", "2020-12"),
    ("Late 2020", "2020-12"),
    ("Year-end 2020", "2020-12"),
    ("2020年底", "2020-12"),
    ("2020年年底", "2020-12"),
    ("二零二零年年底", "2020-12"),
]
HALF = [
    ("First half of 2020", "2020-06"),
    ("H1 2020", "2020-06"),
    ("1H 2020", "2020-06"),
    ("2020年上半年", "2020-06"),
    ("Second half of 2020", "2020-12"),
    ("H2 2020", "2020-12"),
    ("2020年下半年", "2020-12"),
    ("2020年下半年", "2020-12"),
]
YEAR = [
    ("2020", "2020-12"),
    ("Within 2020", "2020-12"),
    ("In 2020", "2020-12"),
    ("2020年內", "2020-12"),
    ("2020年内", "2020-12"),  # Simplified
    ("2020年", "2020-12"),
]
QUALIFIED = [
    ("By 31.12.2020", "2020-12", "day"),
    ("By April 2019", "2019-04", "month"),
    ("Before Q3 2020", "2020-09", "quarter"),
    ("On or before 31 December 2020", "2020-12", "day"),
    ("By the end of 2020", "2020-12", "quarter"),
    ("2020年12月31日或之前", "2020-12", "day"),
    ("2019年4月或之前", "2019-04", "month"),
    ("2020年底前", "2020-12", "quarter"),
    ("於2020年第三季", "2020-09", "quarter"),
    ("约2020年年中", "2020-06", "quarter"),  # Simplified 约
    ("Q3 2020 (tentative)", "2020-09", "quarter"),
    ("Third quarter (2020)", "2020-09", "quarter"),
    ("第三季（2020年）", "2020-09", "quarter"),
    ("Q3/2020", "2020-09", "quarter"),
    ("Q3 2020 (TBC)", "2020-09", "quarter"),  # a date given tentatively is still the date
    ("Q3 2020 (subject to funding)", "2020-09", "quarter"),  # an aside without a date
    ("04/2019 (04/2019)", "2019-04", "month"),  # the same date twice is one date
]
CASES = [
    *[(raw, month, "month") for raw, month in MONTH],
    *[(raw, month, "day") for raw, month in DAY],
    *[(raw, month, "quarter") for raw, month in QUARTER],
    *[(raw, month, "half") for raw, month in HALF],
    *[(raw, month, "year") for raw, month in YEAR],
    *QUALIFIED,
]


@pytest.mark.parametrize(("raw", "month", "precision"), CASES)
def test_every_wording_of_the_contract(raw: str, month: str, precision: Precision) -> None:
    assert parse_release_date(raw) == ReleaseDate(month, precision)


@pytest.mark.parametrize(
    "raw",
    ["To be confirmed", "TBC", "tbd", "To be determined", "待定", "有待確定", "有待确定", "(TBC)"],
)
def test_to_be_confirmed_has_no_month_and_precision_unknown(raw: str) -> None:
    assert parse_release_date(raw) == ReleaseDate(None, "unknown")


YEAR_LESS = [
    ("年底", "2021-12", "quarter"),
    ("年尾", "2021-12", "quarter"),
    ("年初", "2021-03", "quarter"),
    ("年中", "2021-06", "quarter"),
    ("Mid-year", "2021-06", "quarter"),
    ("By the end of the year", "2021-12", "quarter"),
    ("Third quarter", "2021-09", "quarter"),
    ("第二季", "2021-06", "quarter"),
    ("下半年", "2021-12", "half"),
    ("年內", "2021-12", "year"),
]


@pytest.mark.parametrize(("raw", "month", "precision"), YEAR_LESS)
def test_year_less_wording_takes_the_sections_one_year(
    raw: str, month: str, precision: Precision
) -> None:
    assert parse_release_date(raw, (2021,)) == ReleaseDate(month, precision)
    assert parse_release_date(raw) is None  # no section year: not guessed
    assert parse_release_date(raw, (2022, 2023)) is None  # two years: not guessed


def test_an_explicit_year_wins_over_the_section_year() -> None:
    assert parse_release_date("2022年底", (2021,)) == ReleaseDate("2022-12", "quarter")


def test_a_date_a_wrap_cut_between_two_digits_is_read() -> None:
    """ "On or" / "before" / "30/09/201" at a page's foot and "9" on the next page (random Word
    layouts, seed 506): no line's fullness says the pieces are one word there, so they come
    joined with a space; the digits are joined again where that makes a date."""
    assert parse_release_date("On or before 30/09/201 9") == ReleaseDate("2019-09", "day")
    assert parse_release_date("2019 2020") is None  # two years stay two
    assert parse_release_date("1 2020") is None  # "12020" is no date either


@pytest.mark.parametrize(
    "raw",
    [
        "13/2020",  # impossible month
        "2020年13月",
        "31.02.2020",  # impossible day
        "12/31/2020",  # month-first order is not Hong Kong's; never guessed
        "Q5 2020",
        "2020-2021",  # two years
        "04/2019 - 06/2019",  # two months
        "Q1 2020 or Q2 2020",
        "After April 2019",  # a word that changes the meaning
        "Phase 1: 2020",
        "視乎資源",
        "-",
        "",
        "   ",
        None,
    ],
)
def test_anything_else_is_not_a_date(raw: str | None) -> None:
    assert parse_release_date(raw) is None


@pytest.mark.parametrize(
    "row", load_table("date_words"), ids=lambda row: f"{row['meaning']}:{row['phrase']}"
)
def test_every_line_of_the_vocabulary_is_read(row: dict[str, str]) -> None:
    """Each phrase of vocab/date_words.tsv works in a date, so no line is dead or mistyped."""
    phrase, meaning = row["phrase"], row["meaning"]
    if meaning == "unknown":
        assert parse_release_date(phrase) == ReleaseDate(None, "unknown")
        return
    if meaning == "qualifier":  # before the date (By, 於) or after it (或之前, 前)
        texts = [f"{phrase} 2020", f"2020{phrase}", f"2020 {phrase}"]
        assert ReleaseDate("2020-12", "year") in [parse_release_date(t) for t in texts]
        return
    expected = ReleaseDate(f"2020-{int(row['month']):02d}", cast(Precision, meaning))
    with_year = [f"{phrase} 2020", f"2020年{phrase}"]
    assert expected in [parse_release_date(t) for t in with_year]
    alone = parse_release_date(phrase, (2020,))
    assert alone == (expected if row["alone"] == "yes" else None)


def test_no_phrase_has_two_meanings() -> None:
    meanings: dict[str, set[str]] = {}
    for row in load_table("date_words"):
        meanings.setdefault(fold(row["phrase"]), set()).add(f"{row['meaning']} {row['month']}")
    assert {p: m for p, m in meanings.items() if len(m) > 1} == {}


def _normalise(*dates: str) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    header = ("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註")
    blocks: list[Block] = [
        TextLine("政府統計處", Where(line=1)),
        TextLine("2020年年度開放數據計劃", Where(line=2)),
        TextLine("A. 在2021年發放的部門數據集", Where(line=3)),
        TableRow(tuple((c,) for c in header), Where(line=4), 1),
    ]
    for number, date in enumerate(dates, start=1):
        cells = (f"{number}.", f"人口／數據{number}", date, "每年", "(CSV)")
        blocks.append(TableRow(tuple((c,) for c in cells), Where(line=4 + number), 1))
    log = ProblemLog("t", "t.txt")
    plan = structure(Document(SourceFile("t.txt", "0", "text"), blocks), log)
    _, datasets = normalise_plan(plan, "t", log)
    dated = [p.code for p in log.problems if p.code.startswith("date_")]
    return [(d.release_month, d.release_precision) for d in datasets], dated


def test_records_carry_month_and_precision_and_tbc_is_no_problem() -> None:
    values, codes = _normalise("2021年第三季", "年底", "待定", "", "2021年13月")
    assert values == [
        ("2021-09", "quarter"),
        ("2021-12", "quarter"),  # year-less: the section names 2021 only
        (None, "unknown"),
        (None, None),
        (None, None),
    ]
    assert codes == ["date_missing", "date_unparsed"]


_ZH_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _month_zh(month: int) -> str:
    """一 … 九, 十, 十一, 十二."""
    return ("十" if month >= 10 else "") + (
        "" if month == 10 else "〇一二三四五六七八九"[month % 10]
    )


@st.composite
def _written_dates(draw: st.DrawFn) -> tuple[str, ReleaseDate]:
    """A date as some department might write it, and what it must be read as."""
    year = draw(st.integers(1991, 2099))
    kind = draw(st.sampled_from(["month", "day", "quarter", "half", "year"]))
    month = draw(st.integers(1, 12))
    quarter, half = (month + 2) // 3, 1 + (month > 6)
    texts = {
        "month": [
            f"{month:02d}/{year}",
            f"{year}年{month}月",
            f"{year}-{month:02d}",
            f"{year}年{_month_zh(month)}月".translate(_ZH_DIGITS),
            f"{calendar.month_name[month]} {year}",
            f"{calendar.month_abbr[month].upper()}. {year}",
            *([f"{calendar.month_abbr[month]}-{year % 100:02d}"] if year >= 2000 else []),
        ],
        "day": [
            f"1.{month}.{year}",
            f"{year}年{month}月1日",
            f"01/{month:02d}/{year}",
            f"1 {calendar.month_name[month]} {year}",
            f"{calendar.month_name[month]} 1, {year}",
        ],
        "quarter": [
            f"Q{quarter} {year}",
            f"{year}年第{quarter}季",
            f"{quarter}Q {year}",
            f"{year}年第{'一二三四'[quarter - 1]}季度",
        ],
        "half": [f"H{half} {year}", f"{year}年{'上下'[half - 1]}半年"],
        "year": [f"{year}", f"Within {year}", f"{year}年內"],
    }[kind]
    text = draw(st.sampled_from(texts))
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    prefix, suffix = draw(
        st.sampled_from([("", ""), ("By ", ""), ("", "或之前"), ("於", ""), (" ", " ")])
    )
    due = {"month": month, "day": month, "quarter": quarter * 3, "half": half * 6, "year": 12}[kind]
    return prefix + text + suffix, ReleaseDate(f"{year}-{due:02d}", cast(Precision, kind))


@given(_written_dates())
def test_generated_wordings_read_back(case: tuple[str, ReleaseDate]) -> None:
    text, expected = case
    assert parse_release_date(text) == expected
