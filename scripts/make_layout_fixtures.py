"""Write the layout fixtures of issue 7: tests/fixtures/layout-<dept>-<class>/ (``make fixtures``).

One case per layout class, each a different real department with that department's real datasets
(tests/fixtures/reference/layout-rows.tsv). Each case holds ``input/`` (the Word-made PDF, and for
some the tab-separated text form of the same plan) and ``truth.json``: what every document must give,
derived from the plan and the layout by tests/layoutgen.py (never from the extractor). The tests
compare extraction with it (tests/test_layouts.py).

Needs LibreOffice and the Noto CJK fonts (scripts/install_fixture_tools.sh). LibreOffice stamps a
creation date in each PDF: a rerun changes the bytes, not the content.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from layoutgen import (  # noqa: E402
    Block,
    Footnote,
    Layout,
    Plan,
    PlanRow,
    PlanSection,
    expected,
    render_text,
    rows_of,
)
from layoutmodel import WordLook  # noqa: E402
from layoutpdf import render_word_pdf  # noqa: E402
from layoutstrategies import INTRO  # noqa: E402
from layoutwords import Due  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SUFFIX = {"zh-Hant": "zh-hant", "zh-Hans": "zh-hans", "en": "en", "bilingual": None}


@dataclass
class Case:
    folder: str
    exercises: str
    plan: Plan
    layout: Layout
    text_form: bool = True
    # The pdftotext -layout form too: not for a table without item numbers, whose wrapped lines
    # cannot be told from rows once the ruling lines are gone (README "Text plans")
    layout_text: bool = True
    break_inside_merged: bool = False  # add intro paragraphs until a merged run spans two pages
    push_merged_text: bool = False  # … until a merged cell's text is moved whole to the next page
    cut_merged_text: bool = False  # … until a page break cuts a merged cell's text in two


def _rows(dept: str, dues: list[Due], start: int = 0) -> tuple[PlanRow, ...]:
    data = rows_of(dept)[start : start + len(dues)]
    return tuple(PlanRow(row, due) for row, due in zip(data, dues, strict=True))


def _section(letter: str, years: tuple[int, ...], rows: tuple[PlanRow, ...]) -> PlanSection:
    return PlanSection(letter, years, (Block(0, rows),))


def _censtatd_plan(stem: str, wording: str) -> Plan:
    months = [Due(wording, 2020, m) for m in (3, 3, 6, 6, 9)]
    past = [Due(wording, 2019, m) for m in (1, 2, 4, 5, 7)]
    rows = _rows("censtatd", months + past)
    intro = (
        (
            "The Census and Statistics Department compiles and disseminates statistics on Hong "
            "Kong's economy and society. This plan lists the datasets it will release on the "
            "public sector information portal, and those already released.",
            "政府統計處負責編製及發布有關香港經濟及社會的統計數字。本計劃列出統計處將於公共資料入門網站"
            "發放的數據集，以及已發放的數據集。統計處會定期檢視其他可開放的數據集，並適時更新本計劃。",
        ),
    )  # repeated by write_case until a page break falls where the case needs it
    return Plan(
        stem,
        "censtatd",
        2019,
        (
            _section("A", (2020,), rows[:5]),
            _section("B", (2021, 2022), ()),
            _section("D", (), rows[5:]),
        ),
        intro,
    )


def hko_columns() -> Case:
    """English, separate columns in another order, no remarks column."""
    rows = _rows(
        "hko",
        [Due("Month YYYY", 2020, 3), Due("MM/YYYY", 2020, 6), Due("Mon YYYY", 2020, 9),
         Due("Mon-YY", 2020, 12), Due("MM/YYYY", 2019, 4), Due("YYYY-MM", 2019, 7)],
    )  # fmt: skip
    plan = Plan(
        "hko-2019-annual-open-data-plan.en",
        "hko",
        2019,
        (
            _section("A", (2020,), rows[:4]),
            _section("B", (2021, 2022), ()),
            _section("D", (), rows[4:]),
        ),
    )
    columns = (
        "item",
        "name",
        "category",
        "update_frequency",
        "release_date",
        "formats",
        "description",
    )
    layout = Layout(language="en", columns=columns, category="column", item_header=True, wraps=True)
    return Case("layout-hko-columns-en", "separate Item | Dataset Name | Data Category | Update "
                "Frequency | Target Release Date | Data Format | Dataset Description columns", plan, layout)  # fmt: skip


def censtatd_merged() -> Case:
    """Chinese, no item column, the category written once in a vertically merged cell."""
    plan = _censtatd_plan("censtatd-2019-annual-open-data-plan.zh-hant", "YYYY年M月")
    columns = ("category", "name", "release_date", "update_frequency", "remarks")
    layout = Layout(columns=columns, numbering="none", category="merged")
    return Case("layout-censtatd-merged-category-zh", "no item column; 數據種類 written once in a "
                "vertically merged cell spanning its rows, one of them across a page break", plan,
                layout, break_inside_merged=True)  # fmt: skip


def censtatd_pushed_category() -> Case:
    """English, no item column, a merged category cell whose text Word moved to the next page."""
    plan = _censtatd_plan("censtatd-2019-annual-open-data-plan.en", "MM/YYYY")
    columns = ("category", "name", "release_date", "update_frequency", "remarks", "description")
    layout = Layout(language="en", columns=columns, numbering="none", category="merged")
    return Case("layout-censtatd-pushed-category-en", "no item column; a category in a vertically "
                "merged cell starting at a page's last row, its three lines (\"Commerce and "
                "Industry\" in a narrow column) moved whole to the next page by widow and orphan "
                "control: the row above the break takes the category printed after it", plan,
                layout, layout_text=False, push_merged_text=True)  # fmt: skip


def afcd_grouping() -> Case:
    """English, grouping rows ("Food", "Environment") above their datasets, A1 numbering."""
    dues = [Due("MM/YYYY", 2021, m) for m in (3, 6, 9, 12)] + [Due("MM/YYYY", 2020, 5)] * 2
    data = rows_of("afcd")
    order = [data[0], data[1], data[3], data[4], data[2], data[5]]
    rows = tuple(PlanRow(r, d) for r, d in zip(order, dues, strict=True))
    plan = Plan(
        "afcd-2020-annual-open-data-plan.en",
        "afcd",
        2020,
        (
            _section("A", (2021,), rows[:4]),
            _section("B", (2022, 2023), ()),
            _section("D", (), rows[4:]),
        ),
    )
    columns = ("item", "name", "release_date", "update_frequency", "remarks")
    layout = Layout(language="en", columns=columns, numbering="A1", category="grouping", wraps=True)
    return Case("layout-afcd-grouping-en", "grouping rows spanning the table (Food, Environment) "
                "instead of a category column; items A1, A2… and D1, D2", plan, layout)  # fmt: skip


def swd_numbering() -> Case:
    """Chinese, （一） and 一、 numbering, quarter / half / 年底 / 年中 dates."""
    rows = _rows(
        "swd",
        [Due("年第n季", 2020, 1), Due("〇年第n季", 2020, 3), Due("年底 (yearless)", 2020),
         Due("下半年 (yearless)", 2020, 2), Due("年中 (yearless)", 2020), Due("年底", 2021),
         Due("待定", 2022)],
    )  # fmt: skip
    plan = Plan(
        "swd-2019-annual-open-data-plan.zh-hant",
        "swd",
        2019,
        (
            _section("A", (2020,), rows[:5]),
            _section("B", (2021, 2022), rows[5:]),
            _section("D", (), ()),
        ),
    )
    layout = Layout(numbering="（一）", numbering_by_section=(("B", "一、"),))
    return Case("layout-swd-numbering-zh", "items （一）（二）… in A and 一、二、 in B; dates "
                "2020年第一季, 二〇二〇年第三季, 年底, 下半年, 年中 (year from section A's title), "
                "2021年底, 待定", plan, layout)  # fmt: skip


def landsd_numbering() -> Case:
    """English, (1) / 1) / (iv) numbering, quarter, half, mid and end-of-year dates."""
    rows = _rows(
        "landsd",
        [Due("Qn YYYY", 2020, 1), Due("Nth quarter of YYYY", 2020, 3),
         Due("nth half of YYYY", 2020, 1), Due("End of YYYY", 2020), Due("Hn YYYY", 2021, 2),
         Due("Mon-YY", 2019, 12), Due("By DD.MM.YYYY", 2019, 6), Due("D Month YYYY", 2019, 3),
         Due("Early YYYY", 2019)],
    )  # fmt: skip
    plan = Plan(
        "landsd-2019-annual-open-data-plan.en",
        "landsd",
        2019,
        (
            _section("A", (2020,), rows[:4]),
            _section("B", (2021, 2022), rows[4:5]),
            _section("D", (), rows[5:]),
        ),
    )
    layout = Layout(
        language="en", numbering="(1)", numbering_by_section=(("B", "1)"), ("D", "(iv)"))
    )
    return Case("layout-landsd-numbering-en", "items (1) in A, 1) in B, (i)…(iv) in D; dates Q1 "
                "2020, Third quarter of 2020, First half of 2020, End of 2020, H2 2021, Dec-19, "
                "By 30.06.2019, 31 March 2019, Early 2019", plan, layout)  # fmt: skip


def dh_footnotes() -> Case:
    """Chinese, footnote markers with footnotes under the table and 註： in the frequency cell."""
    data = rows_of("dh")
    protection = ("Provided by the Centre for Health Protection", "由衞生防護中心提供")
    english = ("The list is available in English only", "名單只提供英文版")
    weekly = ("Figures of the week are released every Friday", "每星期五發放該星期的數字")
    rows = (
        PlanRow(data[0], Due("YYYY年M月", 2019, 3), footnote=Footnote("1", protection)),
        PlanRow(data[2], Due("YYYY年M月", 2019, 3), footnote=Footnote("*", english)),
        PlanRow(data[3], Due("YYYY年M月", 2019, 6), footnote=Footnote("1", protection)),
        PlanRow(data[4], Due("YYYY年M月", 2019, 6), note=("Data of the previous month", "上月數據")),
        PlanRow(data[7], Due("YYYY年M月", 2019, 9), footnote=Footnote("#", weekly, "update_frequency")),
        PlanRow(data[1], Due("YYYY年M月", 2018, 5)),
        PlanRow(data[5], Due("YYYY年M月", 2018, 7), footnote=Footnote("¹", protection)),
        PlanRow(data[6], Due("YYYY年M月", 2018, 9), note=("Survey conducted every three years", "每三年進行一次統計調查")),
    )  # fmt: skip
    plan = Plan(
        "dh-2018-annual-open-data-plan.zh-hant",
        "dh",
        2018,
        (
            _section("A", (2019,), rows[:5]),
            _section("B", (2020, 2021), ()),
            _section("D", (), rows[5:]),
        ),
    )
    layout = Layout(note_cell="update_frequency")
    return Case("layout-dh-footnotes-zh", "footnote markers (流感速遞數據1, 持牌藥物商名單*, 每星期#, "
                "¹) with 註1：/*/#/¹ footnotes under each table, and 註： written in the frequency "
                "cell", plan, layout)  # fmt: skip


def td_titles() -> Case:
    """English, "Annual Open Data Plan (2021)", intro paragraphs, later years' section titles."""
    rows = _rows(
        "td",
        [Due("MM/YYYY", 2022, 3), Due("MM/YYYY", 2022, 6), Due("MM/YYYY", 2022, 12),
         Due("MM/YYYY", 2023, 6), Due("MM/YYYY", 2024, 3), Due("MM/YYYY", 2021, 2),
         Due("MM/YYYY", 2021, 8), Due("MM/YYYY", 2020, 11)],
    )  # fmt: skip
    intro = (
        ("This is the Annual Open Data Plan of the Transport Department. It sets out the datasets "
         "the Department will release on DATA.GOV.HK in the coming three years.", ""),
        ("The Department will review the plan every year and consider suggestions from the public.", ""),
    )  # fmt: skip
    plan = Plan(
        "td-2021-annual-open-data-plan.en",
        "td",
        2021,
        (
            _section("A", (2022,), rows[:3]),
            _section("B", (2023, 2024), rows[3:5]),
            _section("D", (), rows[5:]),
        ),
        intro,
    )
    layout = Layout(language="en", numbering="1", title="parenthesised", section_titles="later")
    return Case("layout-td-titles-en", 'title "Annual Open Data Plan (2021)", two introductory '
                'paragraphs, sections "Datasets to be released in 2022", "… in 2023 and 2024", '
                '"Datasets already released"', plan, layout)  # fmt: skip


def emsd_two_line_header() -> Case:
    """Chinese, header labels printed Chinese over English, an unknown 負責組別 column."""
    units = [
        ("Gas Standards Office", "氣體標準事務處"),
        ("Lifts and Escalators Division", "升降機及自動梯部"),
        ("Lifts and Escalators Division", "升降機及自動梯部"),
        ("Energy Efficiency Office", "能源效益事務處"),
        ("Lifts and Escalators Division", "升降機及自動梯部"),
        ("Energy Efficiency Office", "能源效益事務處"),
        ("Gas Standards Office", "氣體標準事務處"),
    ]
    dues = [Due("YYYY年M月", 2021, m) for m in (2, 4, 6, 8, 10)] + [Due("YYYY年M月", 2020, 1)] * 2
    rows = tuple(
        PlanRow(data, due, extra=unit)
        for data, due, unit in zip(rows_of("emsd"), dues, units, strict=True)
    )
    plan = Plan(
        "emsd-2020-annual-open-data-plan.zh-hant",
        "emsd",
        2020,
        (
            _section("A", (2021,), rows[:5]),
            _section("B", (2022, 2023), ()),
            _section("D", (), rows[5:]),
        ),
    )
    columns = ("item", "category", "name", "formats", "release_date", "update_frequency", "extra")
    layout = Layout(columns=columns, numbering="1", category="column", two_line_header=True, item_header=True)  # fmt: skip
    return Case("layout-emsd-two-line-header-zh", "every header label printed Chinese over English "
                "in its cell (「數據集名稱」 / Dataset Name); an unknown column 「負責組別」 / Contact "
                "Unit kept in other_columns", plan, layout)  # fmt: skip


def wsd_bilingual() -> Case:
    """Chinese and English in every cell: two language versions of one plan."""
    rows = _rows(
        "wsd",
        [Due("MM/YYYY", 2021, 3), Due("YYYY-MM", 2021, 6), Due("DD.MM.YYYY", 2021, 9),
         Due("YYYY", 2021), Due("MM/YYYY", 2020, 1), Due("MM/YYYY", 2020, 7)],
    )  # fmt: skip
    plan = Plan(
        "wsd-2020-annual-open-data-plan",
        "wsd",
        2020,
        (
            _section("A", (2021,), rows[:4]),
            _section("B", (2022, 2023), ()),
            _section("D", (), rows[4:]),
        ),
    )
    columns = (
        "item",
        "category",
        "name",
        "description",
        "formats",
        "release_date",
        "update_frequency",
    )
    layout = Layout(language="bilingual", columns=columns, category="column")
    return Case("layout-wsd-bilingual", "every cell, heading and header label in Chinese and "
                "English (Chinese first, English on the next line): two language versions",
                plan, layout)  # fmt: skip


def lcsd_simplified() -> Case:
    """Simplified Chinese, separate columns."""
    rows = _rows(
        "lcsd",
        [Due("YYYY年M月", 2020, 3), Due("〇年月", 2020, 5), Due("YYYY年M月", 2020, 9),
         Due("年月日或之前", 2020, 12), Due("YYYY年M月", 2019, 2), Due("YYYY年M月", 2019, 6),
         Due("YYYY年M月", 2018, 12)],
    )  # fmt: skip
    venue = ("Subject to venue availability", "視乎場地供應而定")
    rows = (*rows[:3], PlanRow(rows[3].data, rows[3].due, note=venue), *rows[4:])
    plan = Plan(
        "lcsd-2019-annual-open-data-plan.zh-hans",
        "lcsd",
        2019,
        (
            _section("A", (2020,), rows[:4]),
            _section("B", (2021, 2022), ()),
            _section("D", (), rows[4:]),
        ),
    )
    columns = ("item", "category", "name", "description", "formats", "release_date", "update_frequency", "remarks")  # fmt: skip
    layout = Layout(language="zh-Hans", columns=columns, category="column")
    return Case("layout-lcsd-zh-hans", "Simplified Chinese (数据种类, 数据集名称, 数据集描述, 数据格式) in "
                "separate columns, 二〇二〇年五月 and 2020年12月31日或之前 dates, a 注： in the remarks",
                plan, layout)  # fmt: skip


def landsd_narrow_columns() -> Case:
    """English, six columns on a portrait page: words wider than their column, which Word breaks
    mid-word ("Informatio" / "n", "Manageme" / "nt"), in a Contact Unit column of its own."""
    units = (
        ("Information Technology Management Unit", "資訊科技管理組"),
        ("Statistics Section", "統計組"),
    )
    data = rows_of("landsd")
    dues = [Due("Qn YYYY", 2021, 3), Due("MM/YYYY", 2021, 8), Due("End of YYYY", 2022),
            Due("Month YYYY", 2020, 5), Due("MM/YYYY", 2020, 11)]  # fmt: skip
    rows = tuple(
        PlanRow(row, due, extra=units[n % 2])
        for n, (row, due) in enumerate(zip(data[1:6], dues, strict=True))
    )
    plan = Plan(
        "landsd-2020-annual-open-data-plan.en",
        "landsd",
        2020,
        (
            _section("A", (2021,), rows[:2]),
            _section("B", (2022, 2023), rows[2:3]),
            _section("D", (), rows[3:]),
        ),
    )
    columns = ("release_date", "extra", "name", "formats", "update_frequency", "description")
    layout = Layout(language="en", columns=columns, numbering="none", category="none", wraps=True)
    return Case("layout-landsd-narrow-columns-en", "six columns on a portrait page, no item "
                "column: Information, Technology and Management broken mid-word in the narrow "
                "Contact Unit column (an eleventh case, a department used before)", plan, layout,
                text_form=False, layout_text=False)  # fmt: skip


def emsd_cut_category() -> Case:
    """English, a merged category cell whose text a page break cuts in two."""
    pool = rows_of("emsd")
    dues = [Due("MM/YYYY", 2023, m) for m in (3, 5, 7, 9, 11)] + [Due("MM/YYYY", 2021, 1)] * 2
    data = [pool[5], *pool[:4], pool[4], pool[6]]  # Environment, then Commerce and Industry
    rows = tuple(PlanRow(row, due) for row, due in zip(data, dues, strict=True))
    plan = Plan(
        "emsd-2022-annual-open-data-plan.en",
        "emsd",
        2022,
        (
            _section("A", (2023,), rows[:5]),
            _section("B", (2024, 2025), ()),
            _section("D", (), rows[5:]),
        ),
        (("The department reviews its plan every year.", "部門每年檢視計劃。"),),
    )  # the one-line paragraph is repeated by write_case until the break cuts the category
    columns = ("item", "release_date", "category", "name", "update_frequency")
    layout = Layout(language="en", columns=columns, category="merged")
    return Case("layout-emsd-cut-category-en", "a category in a vertically merged cell starting at "
                "a page's last row, \"Commerce and\" there and \"Industry\" at the top of the "
                "next page: one category for all its rows", plan, layout, layout_text=False,
                cut_merged_text=True)  # fmt: skip


def _styled(make: Callable[[], Case], style: str, folder: str, exercises: str) -> Case:
    """A case's plan laid out in another Word table style; the PDF only (its text forms do not
    depend on the style)."""
    case = make()
    layout = replace(case.layout, word_style=style)
    return Case(folder, exercises, case.plan, layout, text_form=False, layout_text=False)


def td_unruled() -> Case:
    return _styled(td_titles, "Light Shading", "layout-td-unruled-en", "TD's titles plan in a "
                   "Word table style without inner borders (\"Light Shading\"): columns found by "
                   "alignment; on the next page the header repeats without its empty item label, "
                   "wrapped over two lines, above a row that has its item number; the PDF only")  # fmt: skip


def emsd_unruled() -> Case:
    return _styled(emsd_cut_category, "Light Shading", "layout-emsd-unruled-en", "a merged "
                   "category cell in a table without inner borders: its lines, \"Commerce and\" "
                   "/ \"Industry\", read with the rows beside them, one category for all its "
                   "rows; the PDF only")  # fmt: skip


def lcsd_light_list() -> Case:
    return _styled(lcsd_simplified, "Light List", "layout-lcsd-light-list-zh-hans", "LCSD's plan "
                   "in Word's \"Light List\" table style: a filled header, rules between rows, no "
                   "inner vertical lines, so the ruling lines' cells lump rows together across "
                   "the table; the PDF only")  # fmt: skip


def emsd_light_list() -> Case:
    return _styled(emsd_cut_category, "Light List", "layout-emsd-light-list-en", "EMSD's merged "
                   "categories in Word's \"Light List\" style: the merged cell interrupts the "
                   "rules between rows, so no cell is found beside it or below it: its text sits "
                   "in a hole of the ruled table, the rows below within the table's outer rules; "
                   "the PDF only")  # fmt: skip


def wsd_medium_shading() -> Case:
    return _styled(wsd_bilingual, "Medium Shading 1", "layout-wsd-medium-shading-bilingual",
                   "WSD's bilingual plan in Word's \"Medium Shading 1\" table style: banded rows "
                   "filled, rules missing between some columns, so one cell holds two columns' "
                   "text (\"2. 01/2021\"); the PDF only")  # fmt: skip


def landsd_narrow_unruled() -> Case:
    return _styled(landsd_narrow_columns, "Light Shading", "layout-landsd-narrow-unruled-en",
                   "LandsD's narrow columns, no item numbers, in a Word table style without "
                   "inner borders (\"Light Shading\"): each line is a row, and a frequency "
                   "cut mid-phrase (\"As and\" / \"when\" / \"necessary\") or a date "
                   "completed on the next line carries on its row; the PDF only")  # fmt: skip


# Two plans the random Word exploration drew (tests/test_layouts.py, LAYOUT_RANDOM=1), kept as
# fixtures: each was read wrong before (README "PDF plans"). Their rows are the pool's, by name.
STATS = ("Statistics Section", "統計組")
ITMU = ("Information Technology Management Unit", "資訊科技管理組")
UPGRADE = ("Subject to the completion of the system upgrade", "視乎系統提升工程的完成日期而定")


def _row(dept: str, name: str, due: Due, **more: object) -> PlanRow:
    (data,) = [row for row in rows_of(dept) if row.name[0] == name]
    return PlanRow(data, due, **more)  # type: ignore[arg-type]


def censtatd_unruled_bilingual() -> Case:
    """Random Word layouts, seed 105."""
    plan = Plan(
        "censtatd-2023-annual-open-data-plan",
        "censtatd",
        2023,
        (
            _section("A", (2024,), (_row("censtatd", "Annual Earnings and Hours Survey",
                Due("DD.MM.YYYY", 2024, 9), note=("Data of the previous month", "上月數據"),
                extra=STATS),)),
            _section("B", (2025, 2026), (_row("censtatd", "Retail Sales",
                Due("DD/MM/YYYY", 2026, 6), extra=STATS),)),
            PlanSection("C", (), (Block(1, (_row("swd", "List of Community Centres",
                Due("YYYY/MM", 2024, 3), note=UPGRADE, extra=STATS),), "swd"),)),
            _section("D", (), (_row("censtatd", "Gross Domestic Product",
                Due("DD/MM/YYYY", 2022, 3), extra=STATS),)),
        ),
        tuple(INTRO[i] for i in (0, 0, 1, 0, 1, 0)),
    )  # fmt: skip
    layout = Layout(language="bilingual", columns=("item", "update_frequency", "category",
        "release_date", "name"), numbering="(1)", category="merged", note_cell="release_date",
        wraps=True, title="parenthesised", item_header=False, formats_sep="slash",
        word_style="Light Shading")  # fmt: skip
    return Case("layout-censtatd-unruled-bilingual", "C&SD's bilingual plan in \"Light Shading\""
                " (random Word layouts, seed 105): the header's empty label over the item numbers "
                "leaves nothing to read, so the header has a column fewer than its rows; the first "
                "label \"Update\" / \"Frequency\" wrapped, its second line alone in the last "
                "table; the PDF only", plan, layout, text_form=False, layout_text=False)  # fmt: skip


def afcd_rows_per_line_bilingual() -> Case:
    """Random Word layouts, seed 103."""
    plan = Plan(
        "afcd-2019-annual-open-data-plan",
        "afcd",
        2019,
        (
            _section("A", (2020,), (
                _row("afcd", "Supply of major fresh food (reference figures)",
                     Due("YYYY/MM", 2020, 9), extra=STATS),
                _row("afcd", "Pesticides Licensee List - Part II", Due("DD.MM.YYYY", 2020, 2),
                     note=UPGRADE, extra=ITMU),
            )),
            _section("B", (2021, 2022), (
                _row("afcd", "Wholesale prices of major fresh food (average reference figures)",
                     Due("MM.YYYY", 2022, 4), extra=STATS),
                _row("afcd", "Update of Red Tide Situation", Due("DD/MM/YYYY", 2021, 9),
                     extra=ITMU),
            )),
            PlanSection("C", (), (Block(1, (_row("lcsd", "Sports Grounds",
                Due("DD.MM.YYYY", 2020, 11), note=("Historical data since 2010 will also be "
                "released", "亦會發放2010年以來的歷史數據"), extra=STATS),), "lcsd"),)),
        ),
    )  # fmt: skip
    layout = Layout(language="bilingual", columns=("item", "release_date", "name",
        "description", "update_frequency"), numbering="A-1", category="grouping",
        note_cell="update_frequency", wraps=True, title="prefix", section_titles="later",
        item_header=False, word_style="Medium Shading 1")  # fmt: skip
    return Case("layout-afcd-rows-per-line-bilingual", "AFCD's bilingual plan in \"Medium "
                "Shading 1\" (random Word layouts, seed 103): rows without rules between their "
                "lines read a row per line, a cell's Chinese lines in one row and its English "
                "lines below, yet the plan is bilingual; the PDF only", plan, layout,
                text_form=False, layout_text=False)  # fmt: skip


def afcd_no_items_light_shading() -> Case:
    """Random Word layouts, seed 430 (tables without item numbers in every style)."""
    plan = Plan(
        "afcd-2020-plan.zh-hant",
        "afcd",
        2020,
        (
            _section("A", (2021,), (
                _row("afcd", "Supply of major fresh food (reference figures)",
                     Due("〇年月", 2021, 4), note=UPGRADE, extra=STATS),
                _row("afcd", "Hong Kong Biodiversity Information Hub",
                     Due("年中 (yearless)", 2021, 3), note=("Data of the previous month", "上月數據"),
                     extra=ITMU),
                _row("afcd", "Wholesale prices of major fresh food (average reference figures)",
                     Due("DD.MM.YYYY", 2021, 4), extra=STATS),
            )),
            _section("B", (2022, 2023), (_row("afcd", "Registered Pesticides List - Part I",
                Due("年初", 2022, 1), note=UPGRADE, extra=STATS),)),
            _section("D", (), (
                _row("afcd", "Pesticides Licensee List - Part II", Due("YYYY/MM", 2019, 9),
                     note=("Historical data since 2010 will also be released",
                           "亦會發放2010年以來的歷史數據"), extra=STATS),
                _row("afcd", "Update of Red Tide Situation", Due("YYYY-MM", 2019, 7),
                     extra=ITMU),
            )),
        ),
    )  # fmt: skip
    layout = Layout(language="zh-Hant", columns=("release_date", "category_name",
        "update_frequency"), numbering="none", category="combined", note_cell="update_frequency",
        wraps=True, title="parenthesised", two_line_header=True, item_header=True,
        word_style="Light Shading")  # fmt: skip
    return Case("layout-afcd-no-items-light-shading", "AFCD's plan without item numbers in "
                "\"Light Shading\" (random Word layouts, seed 430): no rules inside the table, so "
                "a row is read a line at a time; a frequency's note on its own line (「註：上月數據」)"
                " and the name under its category (「環境／」 / 「香港生物多樣性資訊站」) carry on their "
                "row; the PDF only", plan, layout, text_form=False, layout_text=False)  # fmt: skip


def landsd_no_items_bilingual_light_list() -> Case:
    """Random Word layouts, seed 709 (a bilingual table without item numbers, read a line at a
    time)."""
    plan = Plan(
        "landsd-2023-plan",
        "landsd",
        2023,
        (
            _section("A", (2024,), (
                _row("landsd", "Lease Extension", Due("M/YYYY", 2024, 2), note=UPGRADE,
                     extra=STATS),
                _row("landsd", "Digital Terrain Model", Due("MM/YYYY", 2024, 9), extra=ITMU),
            )),
            _section("B", (2025, 2026), (_row("landsd",
                "Geodetic Survey Control Station Database", Due("M/YYYY", 2025, 8),
                extra=STATS),)),
            PlanSection("C", (), (Block(1, (_row("dh", "Flu Express's figures data",
                Due("DD/MM/YYYY", 2024, 10), note=UPGRADE, extra=STATS),), "dh"),)),
            _section("D", (), (
                _row("landsd", "Street Name", Due("DD.MM.YYYY", 2023, 1),
                     note=("Data of the previous month", "上月數據"), extra=STATS),
                _row("landsd", "Geo-referenced public facility data", Due("MM/YYYY", 2023, 5),
                     extra=ITMU),
                _row("landsd", "Land Sale Records", Due("YYYY-MM", 2023, 9), extra=STATS),
            )),
        ),
    )  # fmt: skip
    layout = Layout(language="bilingual", columns=("release_date", "formats", "name",
        "update_frequency", "extra", "description"), numbering="none", category="grouping",
        note_cell="release_date", wraps=True, title="plain", section_titles="classic",
        item_header=False, formats_sep="slash", word_style="Light List")  # fmt: skip
    return Case("layout-landsd-no-items-bilingual-light-list", "LandsD's bilingual plan without "
                "item numbers in \"Light List\" (random Word layouts, seed 709): a row is read a "
                "line at a time, its Chinese lines and then its English ones, which are joined "
                "into one row before the halves are split (the date's English copy after the "
                "Chinese note is English); a date and words a narrow column cut; the PDF only",
                plan, layout, text_form=False, layout_text=False)  # fmt: skip


def hko_centred_light_shading() -> Case:
    """The HKO plan in "Light Shading", its cells centred top to bottom."""
    case = hko_columns()
    layout = replace(case.layout, word_style="Light Shading", word_look=WordLook(middle=True))
    return Case("layout-hko-centred-light-shading-en", "\"Light Shading\" (every other row "
                "filled, no rules between rows) with cells centred top to bottom: a row's short "
                "values and its item label on the middle line of its tallest cell, a header's "
                "one-line labels between the lines of its two-line ones; the rows between filled "
                "ones, the header above and the last row below are rows of the filled ones' "
                "columns, and on a page with no filled row a band between rules holding one row "
                "is one row; the PDF only", case.plan, layout, text_form=False,
                layout_text=False)  # fmt: skip


def dh_centred_light_shading() -> Case:
    """The DH plan (footnotes) in "Light Shading", its cells centred both ways."""
    case = dh_footnotes()
    look = WordLook(middle=True, centred=True)
    layout = replace(case.layout, word_style="Light Shading", word_look=look)
    return Case("layout-dh-centred-light-shading-zh", "DH's plan in \"Light Shading\" with cells "
                "centred top to bottom and across (footnote markers, a remarks column, a name over "
                "three lines beside a one-line item label); the PDF only", case.plan, layout,
                text_form=False, layout_text=False)  # fmt: skip


def landsd_running_header() -> Case:
    """The LandsD numbering plan with the department's name atop every page."""
    case = landsd_numbering()
    layout = replace(case.layout, word_look=WordLook(running_header="department"))
    return Case("layout-landsd-running-header-en", "LandsD's plan with the department's name "
                "printed atop every page (a Word page header): it is page furniture, not a section "
                "C organisation nor a grouping row, and a row a page break cut is one row across "
                "it; the PDF and its pdftotext -layout form, where it is every page's first "
                "line", case.plan, layout, text_form=False)  # fmt: skip


def hko_header_once() -> Case:
    """The HKO plan in "Medium Shading 1" with its header row printed once, a row cut by a page
    break (the intro's length puts the break there)."""
    from layoutstrategies import INTRO

    case = hko_columns()
    plan = replace(case.plan, intro=tuple(INTRO[i % 2] for i in range(11)))
    layout = replace(case.layout, word_style="Medium Shading 1",
                     word_look=WordLook(repeat_header=False))  # fmt: skip
    return Case("layout-hko-header-once-en", "HKO's plan in \"Medium Shading 1\" with each "
                "table's header row printed once, not again atop the next page (Word's default): "
                "the rest of the row a page break cut, the next page's first lines, no rule or "
                "fill around them, is one row of the table's columns, merged back into the cut "
                "row; the PDF only", plan, layout, text_form=False, layout_text=False)  # fmt: skip


CASES = (
    hko_columns, censtatd_merged, afcd_grouping, swd_numbering, landsd_numbering, dh_footnotes,
    td_titles, emsd_two_line_header, wsd_bilingual, lcsd_simplified, landsd_narrow_columns,
    censtatd_pushed_category, emsd_cut_category, td_unruled, emsd_unruled, lcsd_light_list,
    emsd_light_list, wsd_medium_shading, landsd_narrow_unruled, censtatd_unruled_bilingual,
    afcd_rows_per_line_bilingual, afcd_no_items_light_shading,
    landsd_no_items_bilingual_light_list, hko_centred_light_shading, dh_centred_light_shading,
    landsd_running_header, hko_header_once,
)  # fmt: skip


def _page_starts_in_merged_run(pdf: Path) -> bool:
    """Some page's first body row has an empty category cell: its category is on the page before."""
    from plan_extract.model import TableRow
    from plan_extract.read import read_document

    rows = [b for b in read_document(pdf).blocks if isinstance(b, TableRow)]
    for before, row in itertools.pairwise(rows):
        if before.where.page == row.where.page or not row.cells:
            continue
        body = [r for r in rows if r.where.page == row.where.page and r.table == row.table]
        body = [r for r in body if "".join(r.cells[0]) not in ("數據種類", "/")]
        if body and not "".join(body[0].cells[0]) and "".join(body[0].cells[1]):
            return True
    return False


def _merged_text_pushed(pdf: Path) -> bool:
    """A page's last body row starts a merged category cell printed empty, and the next page's
    first row has the text in its category cell."""
    from plan_extract.model import TableRow
    from plan_extract.read import read_document

    rows = [b for b in read_document(pdf).blocks if isinstance(b, TableRow) and len(b.cells) > 1]
    body = [r for r in rows if "".join(r.cells[1]) not in ("Dataset Name", "Nil")]
    for before, row in itertools.pairwise(body):
        if before.where.page == row.where.page or 0 in before.covered:
            continue
        if not "".join(before.cells[0]) and "".join(row.cells[0]):
            return True
    return False


def _merged_text_cut(pdf: Path) -> bool:
    """A page's first body row is a new dataset (its item cell filled) and has in its category
    cell the rest of a category, not a whole one of the plan's (the text of a merged cell that
    began on the page before)."""
    from plan_extract.model import TableRow
    from plan_extract.read import read_document

    rows = [b for b in read_document(pdf).blocks if isinstance(b, TableRow) and len(b.cells) > 2]
    body = [r for r in rows if " ".join(r.cells[2]) not in ("Data Category", "Nil")]  # no header
    whole = {"Commerce and Industry", "Environment"}
    for before, row in itertools.pairwise(body):
        text = " ".join(row.cells[2]).strip()
        new_row = "".join(row.cells[0]).strip()
        if before.where.page != row.where.page and new_row and text and text not in whole:
            return True
    return False


def _render_until(case: Case, pdf: Path, font: str, found: Callable[[Path], bool]) -> None:
    """Render with 0, 1, 2… intro paragraphs until the page break falls where ``found`` says."""
    paragraph = case.plan.intro[:1]
    for count in range(48):
        case.plan = replace(case.plan, intro=paragraph * count)
        render_word_pdf(case.plan, case.layout, pdf, font)
        if found(pdf):
            return
    raise SystemExit(f"{pdf}: no page break falls as {case.folder} needs")


def _layout_text(case: Case, pdf: Path) -> dict[str, object]:
    """The PDF as ``pdftotext -layout`` writes it (columns aligned with spaces, the other text form
    users have), with the same truth. Not for bilingual cells: there a cell's English half is on
    its own line of the aligned text, and the versions are told apart per cell only (a known limit,
    README "Text plans")."""
    if case.layout.language == "bilingual" or not case.layout_text:
        return {}
    base, _, language = case.plan.stem.rpartition(".")
    stem = f"{base}-layout.{language}" if base else f"{case.plan.stem}-layout"
    out = pdf.with_name(f"{stem}.txt")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True)
    return {f"input/{out.name}": expected(case.plan, case.layout, stem)}


def write_case(case: Case) -> None:
    folder = FIXTURES / case.folder
    (folder / "input").mkdir(parents=True, exist_ok=True)
    stem = case.plan.stem
    font = "Noto Sans CJK SC" if case.layout.language == "zh-Hans" else "Noto Sans CJK TC"
    pdf = folder / "input" / f"{stem}.pdf"
    if case.break_inside_merged:
        _render_until(case, pdf, font, _page_starts_in_merged_run)
    elif case.push_merged_text:
        _render_until(case, pdf, font, _merged_text_pushed)
    elif case.cut_merged_text:
        _render_until(case, pdf, font, _merged_text_cut)
    else:
        render_word_pdf(case.plan, case.layout, pdf, font)
    documents = {f"input/{pdf.name}": expected(case.plan, case.layout, stem)}
    if case.text_form:
        base, _, language = stem.rpartition(".")
        text_stem = f"{base}-text.{language}" if base else f"{stem}-text"
        text = folder / "input" / f"{text_stem}.txt"
        text.write_text(render_text(case.plan, case.layout), encoding="utf-8")
        documents[f"input/{text.name}"] = expected(case.plan, case.layout, text_stem)
    documents.update(_layout_text(case, pdf))
    truth = {"case": case.folder, "exercises": case.exercises, "documents": documents}
    (folder / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{folder.relative_to(ROOT)}: {', '.join(documents)}")


def main(names: list[str]) -> None:
    for make in CASES:
        case = make()
        if not names or case.folder in names:
            write_case(case)


if __name__ == "__main__":
    main(sys.argv[1:])
