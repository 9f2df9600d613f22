"""Plan titles and section headings of every year: wordings of the title, section titles with and
without their letter and the years they name, introductions between the title and section A."""

from __future__ import annotations

import pytest

from plan_extract.headings import section_years
from plan_extract.model import Block, Document, SourceFile, TableRow, TextLine, Where
from plan_extract.problems import ProblemLog
from plan_extract.structure import StructuredPlan, parse_plan_year, structure


@pytest.mark.parametrize(
    "title",
    [
        "Annual Open Data Plan (2021)",
        "Annual Open Data Plan 2021",
        "Annual Open Data Plan for 2021",
        "Annual Open Data Plan – 2021",
        "2021 Annual Open Data Plan",
        "ANNUAL OPEN DATA PLAN (2021)",
        "2021年年度開放數據計劃",
        "年度開放數據計劃（2021年）",
        "二〇二一年年度開放數據計劃",
        "2021年年度开放数据计划",
        "年度开放数据计划（2021年）",
        "２０２１年年度開放數據計劃",
    ],
)
def test_plan_title_wordings_give_the_plan_year(title: str) -> None:
    assert parse_plan_year(title) == 2021


@pytest.mark.parametrize("text", ["Annual Open Data Plan", "開放數據", "Plan 2021"])
def test_text_without_a_titled_year_is_not_a_title(text: str) -> None:
    assert parse_plan_year(text) is None


# What a title, heading or introduction read wrongly would give (the plans here are partial on
# purpose, so other problems, such as sections that are absent, are not looked at).
HEADING_PROBLEMS = {
    "plan_year_missing",
    "department_missing",
    "unparsed_line",
    "not_a_plan",
    "no_tables",
    "row_outside_section",
}


def _structure(*blocks: Block) -> tuple[StructuredPlan, list[str]]:
    """The plan and the heading problems its blocks give."""
    log = ProblemLog("t", "t.txt")
    plan = structure(Document(SourceFile("t.txt", "0", "text"), list(blocks)), log)
    return plan, [p.code for p in log.problems if p.code in HEADING_PROBLEMS]


def _line(text: str) -> TextLine:
    return TextLine(text, Where(line=1))


def _table(*dates: str) -> list[Block]:
    header = (
        "",
        "Data Category / Dataset Name",
        "Target Release Date",
        "Update Frequency",
        "Remarks",
    )
    rows: list[Block] = [TableRow(tuple((c,) for c in header), Where(line=2), 1)]
    for number, date in enumerate(dates, start=1):
        cells = (f"{number}.", f"Transport / Data {number}", date, "Monthly", "(CSV)")
        rows.append(TableRow(tuple((c,) for c in cells), Where(line=2 + number), 1))
    return rows


SECTIONS = [
    ("A. Datasets to be released in 2022", "A", "Datasets to be released in 2022", (2022,)),
    (
        "B. Datasets to be released in 2023 and 2024",
        "B",
        "Datasets to be released in 2023 and 2024",
        (2023, 2024),
    ),
    ("D. Datasets already released", "D", "Datasets already released", ()),
    ("A. 在2022年發放的數據集", "A", "在2022年發放的數據集", (2022,)),
    ("B. 於2023及2024年發放的數據集", "B", "於2023及2024年發放的數據集", (2023, 2024)),
    ("B. 于2023及2024年发放的数据集", "B", "于2023及2024年发放的数据集", (2023, 2024)),
    ("Datasets to be released in 2022", "A", None, (2022,)),
    ("Datasets to be released in 2023 and 2024", "B", None, (2023, 2024)),
    ("Datasets to be released in 2023–2024", "B", None, (2023, 2024)),
    ("Datasets to be released in 2023-2024:", "B", None, (2023, 2024)),
    ("Departmental datasets to be released in 2019", "A", None, (2019,)),
    ("Datasets planned by other organisations", "C", None, ()),
    ("Datasets planned to be opened up by other organisations", "C", None, ()),
    ("Datasets to be released in the year 2022", "A", None, (2022,)),
    (
        "Progress: datasets uploaded onto DATA.GOV.HK by departments and other organisations",
        "D",
        None,
        (),
    ),
    ("Datasets already released", "D", None, ()),
    ("在2022年發放的數據集", "A", None, (2022,)),
    ("在二〇二二年發放的數據集", "A", None, (2022,)),
    ("於2023至2024年發放的數據集", "B", None, (2023, 2024)),
    ("在 2023 年及 2024 年發放的部門數據集", "B", "在2023年及2024年發放的部門數據集", (2023, 2024)),
    ("其他機構計劃開放的數據集", "C", None, ()),
    ("已發放的數據集", "D", None, ()),
    ("已发放的数据集", "D", None, ()),
    ("進度：已上載「資料一線通」網站的數據集", "D", None, ()),
]


@pytest.mark.parametrize(("heading", "letter", "title", "years"), SECTIONS)
def test_section_headings_of_every_year(
    heading: str, letter: str, title: str | None, years: tuple[int, ...]
) -> None:
    plan, _ = _structure(_line("Annual Open Data Plan (2021)"), _line(heading), *_table("2022"))
    (section,) = plan.sections
    assert (section.letter, section.years) == (letter, years)
    assert section.title == (title or heading)
    assert plan.rows[0].section == section


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Datasets to be released in 2023 and 2024", (2023, 2024)),
        ("Datasets to be released in 2023–2024", (2023, 2024)),
        ("Datasets to be released in 2023-2024", (2023, 2024)),
        ("於2023至2024年發放的數據集", (2023, 2024)),
        ("在2023年至2025年發放的數據集", (2023, 2024, 2025)),
        ("Datasets to be released in 2022-23", (2022, 2023)),
        ("在二〇二二年發放的數據集", (2022,)),
        ("Datasets already released", ()),
    ],
)
def test_section_years(title: str, years: tuple[int, ...]) -> None:
    assert section_years(title) == years


@pytest.mark.parametrize(
    "line",
    [
        "Datasets to be released in 2022 are listed in section A.",
        "The department released these datasets already",
        "a. datasets of this plan",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    plan, codes = _structure(
        _line("Annual Open Data Plan (2021)"),
        _line("A. Datasets to be released in 2022"),
        _line(line),
    )
    assert [s.letter for s in plan.sections] == ["A"]
    assert "unparsed_line" in codes


INTRO = [
    "Introduction",
    "1. The Government promulgated the open data policy in 2018 and every department",
    "publishes its annual open data plan on its website",
    "2. This plan sets out the datasets to be released in 2022 and the following years.",
    "Datasets to be released in 2022 are listed in section A.",
]


def test_introduction_between_title_and_section_a_is_not_department_or_section() -> None:
    plan, codes = _structure(
        _line("Transport Department (TD)"),
        _line("Annual Open Data Plan (2021)"),
        *map(_line, INTRO),
        _line("A. Datasets to be released in 2022"),
        *_table("Q3 2022"),
    )
    assert (plan.header.department, plan.header.department_abbr) == ("Transport Department", "TD")
    assert plan.header.plan_year == 2021
    assert [s.letter for s in plan.sections] == ["A"]
    assert codes == []


def test_department_line_after_the_title_and_introduction() -> None:
    plan, codes = _structure(
        _line("年度開放數據計劃（2021年）"),
        _line("引言"),
        _line("1. 政府於2018年公布開放數據政策，各部門每年公布年度開放數據計劃。"),
        _line("運輸署"),
        _line("A. 在2022年發放的數據集"),
        *_table("2022年第三季"),
    )
    assert plan.header.department == "運輸署" and plan.header.plan_year == 2021
    assert codes == []


def test_unknown_department_before_the_title_is_still_the_department() -> None:
    plan, _ = _structure(
        _line("Office of Open Data Studies"),
        _line("2021 Annual Open Data Plan"),
        *map(_line, INTRO),
        _line("Datasets to be released in 2022"),
        *_table("2022"),
    )
    assert plan.header.department == "Office of Open Data Studies"


def test_title_printed_on_two_lines() -> None:
    plan, codes = _structure(
        _line("Transport Department"),
        _line("Annual Open Data Plan"),
        _line("(2021)"),
        _line("Datasets to be released in 2022"),
        *_table("2022"),
    )
    assert plan.header.plan_year == 2021 and plan.header.title == "Annual Open Data Plan (2021)"
    assert plan.header.department == "Transport Department"
    assert codes == []


def test_later_years_sections_without_letters_in_sequence() -> None:
    plan, codes = _structure(
        _line("Transport Department"),
        _line("Annual Open Data Plan 2021"),
        _line("Datasets to be released in 2022"),
        *_table("Mid-year"),
        _line("Datasets to be released in 2023 and 2024"),
        *_table("2023"),
        _line("Datasets already released"),
        *_table("12/2020"),
    )
    assert [(s.letter, s.years) for s in plan.sections] == [
        ("A", (2022,)),
        ("B", (2023, 2024)),
        ("D", ()),
    ]
    assert [r.section.letter if r.section else None for r in plan.rows] == ["A", "B", "D"]
    assert codes == []


@pytest.mark.parametrize(
    "running_header",
    [
        "Annual Open Data Plan 2021 – Transport Department",
        "運輸署 2021年年度開放數據計劃",
        "年度开放数据计划（2021年）",
    ],
)
def test_a_running_header_repeating_the_title_is_page_furniture(running_header: str) -> None:
    plan, codes = _structure(
        _line("Transport Department"),
        _line("Annual Open Data Plan 2021"),
        _line("Datasets to be released in 2022"),
        *_table("2022"),
        _line(running_header),
        *_table("2022")[1:],
    )
    assert codes == [] and plan.header.plan_year == 2021
