"""Structure rules for departments' own layouts, one small tab-separated plan per rule family:
columns found by label in any order, categories wherever printed, numbering styles, footnotes,
notes inside cells, unknown columns, bilingual cells. (Whole Word-made fixtures: test_layouts.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plan_extract.normalise.numerals import parse_item_no
from plan_extract.pipeline import extract

FEHD = """Food and Environmental Hygiene Department

Annual Open Data Plan 2021

This plan sets out the datasets the department will release.

A. Datasets to be released in 2022

Item\tDataset Name\tData Category\tDataset Description\tData Format\tTarget Release Date\tUpdate Frequency\tContact Unit
(1)\tProducts exempted from nutrition labelling*\tFood\tList of products that obtained exemptions\tXML, CSV\t03/2022\tEvery Friday\tCFS
(2)\tTrade licences for places of public\tCity Management\tList of trade licences / Mobile / Data\tJSON\t06/2022\tDaily Note: from 9:00am\tLicensing
\tentertainment\t\t\t\t\t\t
(3)\tPublic markets\t\tLocations of public markets\tCSV / JSON\t09/2022\tMonthly\t
* Provided by the Centre for Food Safety.

B. Datasets to be released in 2023 and 2024

Item\tDataset Name\tData Category\tDataset Description\tData Format\tTarget Release Date\tUpdate Frequency
\tNil\tNil\tNil\tNil\tNil\tNil

D. Datasets already released

No.\tData Category / Dataset Name\tRelease Date\tUpdate Frequency\tRemarks
i.\tFood / Food premises licences\t12/2015\tDaily\tLicence list (XML)
ii.\tFood / Restaurant licences\t12/2015\tDaily\tLicence list (XML)
"""

DH = """衞生署（下稱「衞生署」）

2020年年度開放數據計劃

A. 在2021年發放的數據集

數據種類\t數據集名稱\t目標發放日期\t更新頻率\t數據格式
衞生\t流感速遞數據1\t03/2021\t每星期\tCSV
\t持牌藥物商名單*\t06/2021\t每月 註：每月首個工作天\tXLSX及CSV
\t長者健康中心的服務統計\t09/2021\t每年\tJSON
\t數字\t\t\t
統計\t死亡統計#\t12/2021\t每年\tCSV
註1：數據由衞生防護中心提供。
* 只包括持牌藥物批發商。

B. 在2022及2023年發放的數據集

數據種類\t數據集名稱\t目標發放日期\t更新頻率\t數據格式
不適用\t不適用\t不適用\t不適用\t不適用

D. 已發放的數據集

編號\t數據集名稱\t發放日期\t更新頻率\t備註
食物\t\t\t\t
（一）\t食物中毒個案\t12/2016\t每月\t個案數目(CSV)
（二）\t食物回收\t12/2016\t有需要時\t回收資料(JSON)
空氣
（四）\t空氣污染指數\t12/2017\t每小時\t指數(XML)
"""

HKO = """香港天文台 Hong Kong Observatory

2021年年度開放數據計劃 Annual Open Data Plan 2021

A. 在2022年發放的數據集 Datasets to be released in 2022

編號 No.\t數據種類／數據集名稱 Data Category / Dataset Name\t目標發放日期 Target Release Date\t更新頻率 Update Frequency\t備註 Remarks
1.\t氣候及天氣／ 天氣預報 Climate and Weather / Weather forecast\t04/2022\t每日 Daily\t本地天氣預報 Local weather forecast (JSON)
2.\t氣候及天氣／ 雷暴警告 Climate and Weather / Thunderstorm warning\t06/2022\t有需要時 As and when necessary\t雷暴警告資料 Thunderstorm warning information (XML)
3.\t氣候及天氣／ 紫外線指數 Climate and Weather / UV index\t09/2022\t每小時 Hourly\t紫外線指數 UV index (CSV)

B. 在2023及2024年發放的數據集 Datasets to be released in 2023 and 2024

\t數據種類／數據集名稱 Data Category / Dataset Name\t目標發放日期 Target Release Date\t更新頻率 Update Frequency\t備註 Remarks
\t/\t/\t/\t/

D. 已發放的數據集 Datasets already released

\t數據種類／數據集名稱 Data Category / Dataset Name\t發放日期 Release Date\t更新頻率 Update Frequency\t備註 Remarks
1.\t氣候及天氣／ 潮汐 Climate and Weather / Tides\t12/2015\t每年 Yearly\t潮汐預測 Tide predictions (CSV)
"""


def _aligned_line(*cells: tuple[int, str]) -> str:
    """A line of space-aligned text (as ``pdftotext -layout`` writes): each (column, text) from
    that character column on."""
    text = ""
    for column, cell in cells:
        text = text.ljust(column) + cell
    return text + "\n"


def _extract(tmp_path: Path, name: str, text: str) -> tuple[list[Any], list[Any], list[Any]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = extract([path])
    return result.plans, result.datasets, result.problems


def test_columns_by_label_in_any_order_with_description_formats_and_unknown_column(
    tmp_path: Path,
) -> None:
    plans, rows, problems = _extract(tmp_path, "fehd.txt", FEHD)
    a1, a2, a3, d1, _ = rows
    assert (a1.item_label, a1.item_no, a1.category) == ("(1)", 1, "Food")
    assert a1.dataset_name == "Products exempted from nutrition labelling"  # marker removed
    assert a1.description == "List of products that obtained exemptions"
    assert a1.formats == ["XML", "CSV"] and a1.update_frequency == "weekly"
    assert a1.note == "Provided by the Centre for Food Safety."
    assert a1.other_columns == [{"label": "Contact Unit", "text": "CFS"}]
    # A separate name column is never split; a wrapped name continues on the next line.
    assert a2.dataset_name == "Trade licences for places of public entertainment"
    assert a2.description == "List of trade licences / Mobile / Data"
    assert (a2.update_frequency, a2.note) == ("daily", "from 9:00am")
    assert (a3.category, a3.formats, a3.other_columns) == ("City Management", ["CSV", "JSON"], [])
    assert (d1.item_label, d1.item_no, d1.category, d1.dataset_name) == (
        "i.",
        1,
        "Food",
        "Food premises licences",
    )
    assert [r.row_no for r in rows] == [1, 2, 3, 4, 5]
    codes = [p.code for p in problems]
    assert codes == ["unknown_column"]
    assert "'Contact Unit'" in problems[0].message
    assert plans[0].item_numbering == "printed"


def test_merged_category_cells_grouping_rows_footnotes_and_inferred_numbers(
    tmp_path: Path,
) -> None:
    plans, rows, problems = _extract(tmp_path, "dh.txt", DH)
    by_name = {r.dataset_name: r for r in rows}
    assert [r.dataset_name for r in rows] == [
        "流感速遞數據",
        "持牌藥物商名單",
        "長者健康中心的服務統計數字",
        "死亡統計",
        "食物中毒個案",
        "食物回收",
        "空氣污染指數",
    ]
    # No item column in section A: numbered by position, no label.
    assert [(r.item_no, r.item_label) for r in rows[:4]] == [
        (1, None),
        (2, None),
        (3, None),
        (4, None),
    ]
    # A category written once (a vertically merged cell) applies until the next one.
    assert [r.category for r in rows[:4]] == ["衞生", "衞生", "衞生", "統計"]
    # Grouping rows (a cell or a line spanning the table) give the category below them.
    assert [r.category for r in rows[4:]] == ["食物", "食物", "空氣"]
    assert [(r.item_label, r.item_no) for r in rows[4:]] == [
        ("（一）", 1),
        ("（二）", 2),
        ("（四）", 4),
    ]
    assert by_name["流感速遞數據"].note == "數據由衞生防護中心提供。"
    drugs = by_name["持牌藥物商名單"]
    assert (drugs.update_frequency, drugs.formats) == ("monthly", ["XLSX", "CSV"])
    assert drugs.note == "每月首個工作天; 只包括持牌藥物批發商。"  # the cell's note first
    assert by_name["死亡統計"].note is None
    codes = sorted(p.code for p in problems)
    assert codes == ["footnote_missing", "item_numbers_skip"]  # '#' has no footnote; D3 absent
    assert plans[0].item_numbering == "mixed"


def test_bilingual_cells_give_two_language_versions_paired_with_each_other(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hko.txt"
    path.write_text(HKO, encoding="utf-8")
    result = extract([path])
    assert [(p.plan_id, p.language, p.department) for p in result.plans] == [
        ("hko.zh-hant", "zh-Hant", "香港天文台"),
        ("hko.en", "en", "Hong Kong Observatory"),
    ]
    assert not result.problems
    pairs = [(r["name_zh"], r["name_en"], r["formats"]) for r in result.bilingual]
    assert pairs[0] == ("天氣預報", "Weather forecast", ["JSON"])
    assert len(pairs) == 4
    english = [d for d in result.datasets if d.language == "en"]
    assert english[1].update_frequency == "as_needed"
    assert english[0].category == "Climate and Weather"


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("1", 1), ("1.", 1), ("(1)", 1), ("1)", 1), ("（一）", 1), ("一、", 1), ("三、", 3),
        ("A1", 1), ("A-1", 1), ("A.12", 12), ("i", 1), ("(iv)", 4), ("IX.", 9), ("１２", 12),
        ("1024", 1024), ("12345", 12345), ("（十二）", 12),
    ],
)  # fmt: skip
def test_item_labels_in_every_common_style(label: str, number: int) -> None:
    assert parse_item_no(label) == number


@pytest.mark.parametrize("label", ["X.", "(1", "Food", "1.2.3", "", "A", "第一"])
def test_what_is_not_an_item_label(label: str) -> None:
    assert parse_item_no(label, roman=False) is None


def test_a_stray_roman_label_in_an_arabic_section_is_a_bad_item_number(tmp_path: Path) -> None:
    text = FEHD.replace("(3)\tPublic markets", "X.\tPublic markets")
    _, rows, problems = _extract(tmp_path, "fehd.txt", text)
    assert rows[2].item_no is None and rows[2].item_label == "X."
    assert "bad_item_no" in [p.code for p in problems]


def test_a_short_line_above_rows_that_print_their_own_category_is_not_lost(
    tmp_path: Path,
) -> None:
    text = FEHD.replace("i.\tFood / Food premises", "Stray words\ni.\tFood / Food premises")
    _, rows, problems = _extract(tmp_path, "fehd.txt", text)
    assert rows[3].category == "Food"
    assert [p.text for p in problems if p.code == "unparsed_line"] == ["Stray words"]


def test_chinese_header_line_then_english_line_is_one_header(tmp_path: Path) -> None:
    text = (
        "機電工程署\n\n2020年年度開放數據計劃\n\nA. 在2021年發放的部門數據集\n\n"
        "項目\t數據種類\t數據集名稱\t目標發放日期\t更新頻率\t負責組別\n"
        "Item\tData\tDataset\tTarget\tUpdate\tContact Unit\n"
        "\tCategory\tName\tRelease Date\tFrequency\t\n"
        "1\t工商業\t註冊氣體裝置技工名單\t02/2021\t每月\t氣體標準事務處\n"
    )
    _, rows, problems = _extract(tmp_path, "emsd.txt", text)
    assert [(r.category, r.dataset_name, r.update_frequency) for r in rows] == [
        ("工商業", "註冊氣體裝置技工名單", "monthly")
    ]
    assert rows[0].other_columns == [{"label": "負責組別 Contact Unit", "text": "氣體標準事務處"}]
    assert [p.code for p in problems if p.code != "sections_missing"] == ["unknown_column"]


def test_a_page_that_drops_the_empty_item_column_still_continues_rows(tmp_path: Path) -> None:
    text = (
        "Agriculture, Fisheries and Conservation Department\n\nAnnual Open Data Plan 2020\n\n"
        "D. Datasets already released\n\n"
        "\tDataset Name\tRelease Date\tUpdate Frequency\tRemarks\n"
        "D1\tHong Kong\t05/2020\tAs and when\tSpecies recorded\n"
        "Dataset Name\tRelease Date\tUpdate Frequency\tRemarks\n"
        "Biodiversity Information Hub\t\tnecessary\tin Hong Kong (CSV)\n"
    )
    _, rows, _ = _extract(tmp_path, "afcd.txt", text)
    assert [(r.dataset_name, r.update_frequency, r.formats) for r in rows] == [
        ("Hong Kong Biodiversity Information Hub", "as_needed", ["CSV"])
    ]


def test_a_section_title_wrapped_onto_a_second_line_is_one_title(tmp_path: Path) -> None:
    text = FEHD.replace(
        "D. Datasets already released\n",
        "D. Progress: datasets uploaded onto DATA.GOV.HK by departments and other\norganisations\n",
    )
    _, rows, problems = _extract(tmp_path, "fehd.txt", text)
    assert rows[-1].section_title == (
        "Progress: datasets uploaded onto DATA.GOV.HK by departments and other organisations"
    )
    assert "unparsed_line" not in [p.code for p in problems]


@pytest.mark.parametrize(
    ("labels", "roles"),
    [
        (
            [
                "S/N",
                "Name of Data Set",
                "Planned Date of Release",
                "Frequency of Updating",
                "Remark",
            ],
            ("item_no", "dataset_name", "release_date", "update_frequency", "remarks"),
        ),
        (
            ["序號", "資料種類／資料集名稱", "預計數據開放時間", "更新頻率", "備註"],
            ("item_no", "category_name", "release_date", "update_frequency", "remarks"),
        ),
        (
            ["", "Dataset Title", "Dataset Description", "Format of Data", "Contact Unit"],
            ("item_no", "dataset_name", "description", "formats", "other"),
        ),
        # a Latin key word where a word starts: "date" is not in "Update" nor "Updated"
        (
            ["#", "Dataset Title", "Theme", "Update Cycle", "Planned Release", "Data Format"],
            ("item_no", "dataset_name", "category", "update_frequency", "release_date", "formats"),
        ),
        (
            ["Serial No.", "Data Set", "How Often Updated", "Expected Release", "File Type"],
            ("item_no", "dataset_name", "update_frequency", "release_date", "formats"),
        ),
        # no label of the vocabulary at all: four columns named in other words, a name among them
        (
            ["S/N", "Title", "Timeline", "Refresh Rate", "File Type", "Details"],
            (
                "item_no",
                "dataset_name",
                "release_date",
                "update_frequency",
                "formats",
                "description",
            ),
        ),
        (
            ["序", "資料集標題", "預計推出", "更新次數", "檔案類型", "簡介"],
            ("other", "dataset_name", "release_date", "update_frequency", "formats", "description"),
        ),
    ],
)
def test_header_labels_in_other_words_are_found_by_their_key_words(
    labels: list[str], roles: tuple[str, ...]
) -> None:
    from plan_extract.columns import header_columns

    columns = header_columns(labels)
    assert columns is not None and columns.roles == roles


def test_a_data_row_full_of_label_words_is_not_a_header() -> None:
    from plan_extract.columns import header_columns

    row = [
        "1.",
        "資訊科技／開放數據的數據集名單",
        "04/2019",
        "每季",
        "數據集名稱、數據種類、數據格式(JSON)",
    ]
    assert header_columns(row) is None


@pytest.mark.parametrize(
    "row",
    [
        ["Title", "Timeline", "Refresh Rate"],  # three columns named in other words: too few
        ["Subject to review", "Data updated", "Target users", "Details later"],  # no name column
        ["Weather", "Forecast update", "Release 2020", "Data format", "Daily"],  # a value: a year
    ],
)
def test_a_row_of_other_words_without_enough_columns_is_not_a_header(row: list[str]) -> None:
    from plan_extract.columns import header_columns

    assert header_columns(row) is None


@pytest.mark.parametrize(
    ("heading", "letter"),
    [
        ("Section A: Datasets to be released in 2022", "A"),
        ("Part B – Datasets to be released in 2023 and 2024", "B"),
        ("(C) Datasets planned by other organisations", "C"),
        ("D – Datasets already released", "D"),
        ("第A部分 在2022年發放的數據集", "A"),
    ],
)
def test_section_headings_in_other_forms(heading: str, letter: str) -> None:
    from plan_extract.structure import _section

    section = _section(heading)
    assert section is not None and section.letter == letter


def test_a_row_of_more_cells_than_any_plan_has_columns_is_not_a_header() -> None:
    from plan_extract.columns import header_columns

    assert header_columns(["Dataset Name", "Update Frequency"] * 25) is None
    assert header_columns(["Dataset Name", "Update Frequency"]) is not None


def test_a_header_repeated_right_under_itself_adds_nothing_to_the_labels(tmp_path: Path) -> None:
    # The first header's label is wrapped (「數據種類／數據集」 / 「名稱」); the repeat, as the next
    # page prints it right under, spaces it otherwise: still the same header, not a second language.
    text = (
        "機電工程署\n\n2020年年度開放數據計劃\n\nA. 在2021年發放的部門數據集\n\n"
        "\t數據種類／數據集\t目標發放日期\t更新頻率\t負責組別\n"
        "\t名稱\t\t\t\n"
        "\t數據種類／ 數據集名稱\t目標發放日期\t更新頻率\t負責 組別\n"
        "1\t工商業／ 註冊氣體裝置技工名單\t02/2021\t每月\t氣體標準事務處\n"
    )
    _, rows, _ = _extract(tmp_path, "emsd.txt", text)
    assert rows[0].other_columns == [{"label": "負責組別", "text": "氣體標準事務處"}]


def test_in_a_bilingual_plan_english_words_alone_in_a_cell_are_the_english_half() -> None:
    from plan_extract.languages import _split_cell

    # a name whose English half went on to the next page, under the repeated header
    assert _split_cell(("Junction Blacksite List",)) == ((), ("Junction Blacksite List",))
    # a value both versions print
    assert _split_cell(("CSV",)) == (("CSV",), ("CSV",))
    assert _split_cell(("Q1 2022",)) == (("Q1 2022",), ("Q1 2022",))
    # the end of an English word a page break cut ("Developmen" / "t"), alone on the next page
    # (random Word layouts, seed 9: the Chinese category became 「發展t」)
    assert _split_cell(("t",)) == ((), ("t",))
    # a value above English words, no Han: the English half's copy, the Chinese one (with 註：) on
    # the page before (seed 71: the Chinese note ended 「…歷史數據30.09.2023」)
    assert _split_cell(("30.09.2023", "Note:", "Historical")) == (
        (),
        ("30.09.2023", "Note:", "Historical"),
    )
    assert _split_cell(("CSV", "XML")) == (("CSV", "XML"), ("CSV", "XML"))
    # an item label cut after its Chinese numeral, 「（二」 (its 「）」 on the next line, a table
    # giving a row per line): both versions number the row with it (random Word layouts, seed 102)
    assert _split_cell(("（二",)) == (("（二",), ("（二",))
    assert _split_cell(("（二十",)) == (("（二十",), ("（二十",))
    assert _split_cell(("（資料",)) == (("（資料",), ())
    # a Roman numeral alone on a line of a row that goes on, after an English half that has
    # begun ("Registered Pesticides List - Part" / "I"): the English name's end, not an item
    # label both versions print (random Word layouts, seed 632: 「…第一部I」)
    before_en = ("Registered Pesticides List - Part",)
    assert _split_cell(("I",), ("已註冊除害劑名單－第一部",), before_en) == ((), ("I",))
    assert _split_cell(("ii",)) == (("ii",), ("ii",))  # a row's item label, on its first line


def test_a_value_each_half_of_a_bilingual_cell_prints_goes_to_each_once() -> None:
    """Word wraps "03/2022 註：…" / "03/2022 Note: …" in a narrow column: the second date has a
    line of its own, which belongs to the English half only (found by Word-made random layouts:
    it was appended to the Chinese note)."""
    from plan_extract.languages import _split_cell

    cell = (
        "03/2022 註：",
        "亦會發放",
        "2010 年以來",
        "的歷史數據",
        "03/2022",
        "Note:",
        "Historical",
    )
    zh, en = _split_cell(cell)
    assert zh == ("03/2022 註：", "亦會發放", "2010 年以來", "的歷史數據")
    assert en == ("03/2022", "Note:", "Historical")
    # a Roman numeral wrapped onto a line of its own ends the English name; a cell's first
    # piece that is an item label numbers both versions
    name = ("已註冊除害劑名單－第一部", "Registered Pesticides List - Part", "I")
    assert _split_cell(name) == (name[:1], name[1:])
    assert _split_cell(("（一）",)) == (("（一）",), ("（一）",))
    assert _split_cell(("（一", "）")) == (("（一", "）"), ("（一", "）"))  # wrapped, narrow column
    # a value printed once, under both halves, is still both halves'
    assert _split_cell(("03/2022", "每月", "Monthly")) == (
        ("03/2022", "每月"),
        ("03/2022", "Monthly"),
    )


def test_a_value_copy_in_the_rest_of_a_cell_a_page_break_cut_is_the_english_halfs() -> None:
    """「07/2025 註：視乎系」 at a page's foot, 「統提升工程…而定」 / "07/2025" / "Note: …" on the
    next: the second date is the English half's copy, the Chinese one was on the page before
    (random Word layouts, seeds 9 and 251: the Chinese note ended 「…而定07/2025」)."""
    from plan_extract.languages import _split_block, _split_cell
    from plan_extract.model import TableRow, Where

    rest = ("統提升工程", "而定", "07/2025", "Note: Subject to")
    assert _split_cell(rest, ("07/2025 註：視乎系",)) == (
        ("統提升工程", "而定"),
        ("07/2025", "Note: Subject to"),
    )
    assert _split_cell(rest) == (("統提升工程", "而定", "07/2025"), ("07/2025", "Note: Subject to"))
    # only for the rest of the row above: its item cell empty, on the next page or in the same
    # table (a table giving a row per line)
    above = TableRow((("1.",), ("07/2025 註：視乎系",)), Where(page=1), 1)
    for item, page, table, zh in [
        ("", 2, 2, ("統提升工程", "而定")),  # the rest of row 1, under the repeated header
        ("", 1, 1, ("統提升工程", "而定")),  # the next line of row 1
        ("2.", 2, 2, ("統提升工程", "而定", "07/2025")),  # a row of its own
        ("", 1, 2, ("統提升工程", "而定", "07/2025")),  # another table on the same page
    ]:
        row = TableRow(((item,) if item else (), rest), Where(page=page), table)
        halves, _ = _split_block(row, (above, above.cells, ((), ())))
        assert isinstance(halves, TableRow) and halves.cells[1] == zh
    # the page break also cut the item label (「（一」 / 「）」: random Word layouts with looks,
    # seed 1047): the row under the repeated header holds the label's rest, and goes on
    above = TableRow((("（一",), ("07/2025 註：視乎系",)), Where(page=1), 1)
    for item, zh in [("）", ("統提升工程", "而定")), ("（二）", ("統提升工程", "而定", "07/2025"))]:
        row = TableRow(((item,), rest), Where(page=2), 2)
        halves, _ = _split_block(row, (above, above.cells, ((), ())))
        assert isinstance(halves, TableRow) and halves.cells[1] == zh


def test_a_digit_in_a_date_is_never_a_footnote_marker(tmp_path: Path) -> None:
    text = DH.replace("03/2021", "2021 Q1")
    _, rows, _ = _extract(tmp_path, "dh.txt", text)
    assert (rows[0].release_month, rows[0].release_precision) == ("2021-03", "quarter")
    assert rows[0].dataset_name == "流感速遞數據"  # the glued 1 of the name still is one


@pytest.mark.parametrize(
    ("pieces", "numbered", "expected"),
    [
        # a narrow date column wraps the marker's number onto a line of its own
        (["2021年第1季度註", "1"], frozenset(), (["2021年第1季度"], ("1",))),
        (["Q1 2021 (Note", "2)"], frozenset(), (["Q1 2021"], ("2",))),
        # a digit glued to a Chinese name, wrapped: a marker when footnote 1 exists
        (["流感速遞數據", "1"], frozenset({"1"}), (["流感速遞數據"], ("1",))),
        (["流感速遞數據", "1"], frozenset(), (["流感速遞數據", "1"], ())),
        # a Latin word and a number on the next line are "Route 1", never a marker
        (["Route", "1"], frozenset({"1"}), (["Route", "1"], ())),
        (["Air quality", "PM2.5*"], frozenset(), (["Air quality", "PM2.5"], ("*",))),
        # a symbol or superscript alone on the last line
        (["Registered Gas Installers", "¹"], frozenset(), (["Registered Gas Installers"], ("1",))),
        (["每月", "*"], frozenset(), (["每月"], ("*",))),
        # a numbered marker alone on the last line: never a name ending in 注 and a digit
        (
            ["食水水质（D部：其他参数）", "注1"],
            frozenset({"1"}),
            (["食水水质（D部：其他参数）"], ("1",)),
        ),
    ],
)
def test_a_marker_wrapped_onto_a_line_of_its_own_is_still_a_marker(
    pieces: list[str], numbered: frozenset[str], expected: tuple[list[str], tuple[str, ...]]
) -> None:
    from plan_extract.footnotes import _strip_last_markers

    assert _strip_last_markers(pieces, numbered) == expected


def test_a_category_cell_continued_after_a_page_break_is_whole_for_the_rows_below(
    tmp_path: Path,
) -> None:
    """A vertically merged category cell cut by a page break: its end comes as a continuation of
    the first row, and the rows below that print no category take the whole of it."""
    text = (
        "Electrical and Mechanical Services Department\n\n"
        "Annual Open Data Plan 2018\n\n"
        "D. Datasets already released\n\n"
        "Item\tDataset Name\tData Category\tUpdate Frequency\tRelease Date\n"
        "1\tRegistered Gas Installers\tCommerce and\tMonthly\t10.2017\n"
        "\t\tIndustry\t\t\n"
        "2\tPerformance Rating of Registered Lift Contractors\t\tQuarterly\t10.2017\n"
    )
    _, rows, _ = _extract(tmp_path, "emsd.txt", text)
    assert [row.category for row in rows] == ["Commerce and Industry"] * 2


def test_a_row_cut_by_a_page_break_after_its_number_and_date_is_not_a_heading(
    tmp_path: Path,
) -> None:
    """The first page holds the item number and the date (values both languages print), the next
    page the rest under the repeated header: one dataset, not an organisation "(1) 10.2018"."""
    header = "Item\tContact Unit\tRelease Date\tDataset Name\tUpdate Frequency\n"
    text = (
        "Census and Statistics Department\n\n"
        "Annual Open Data Plan 2019\n\n"
        "D. Datasets already released\n\n"
        f"{header}"
        "(1)\t\t10.2018\t\t\n"
        "- 1 -\n"
        f"{header}"
        "\tStatistics Section\t\tExchange Rates\tMonthly\n"
        "(2)\tStatistics Section\t9/2019\tStatistics on Domestic Households\tQuarterly\n"
    )
    _, rows, problems = _extract(tmp_path, "censtatd.txt", text)
    assert [(r.item_no, r.organisation_no, r.dataset_name, r.release_month) for r in rows] == [
        (1, 0, "Exchange Rates", "2018-10"),
        (2, 0, "Statistics on Domestic Households", "2019-09"),
    ]
    assert not [p for p in problems if p.code in ("orphan_continuation", "item_numbers_skip")]


def test_an_organisation_heading_is_a_number_and_a_name() -> None:
    from plan_extract.headings import _organisation

    assert _organisation("(1) Hong Kong Observatory") is not None
    assert _organisation("（2）香港天文台") is not None
    assert _organisation("(1) 10.2018") is None  # a row's number and date
    assert _organisation("1) 2019") is None


def test_a_category_printed_only_after_a_page_break_is_taken_by_the_rows_below(
    tmp_path: Path,
) -> None:
    """A bilingual plan's row split by a page break: its English category comes with the rest of
    the row on the next page, and the rows below (one merged category cell) take it."""
    text = (
        "Water Supplies Department\n\n"
        "Annual Open Data Plan 2020\n\n"
        "B. Datasets to be released in 2022 and 2023\n\n"
        "Item\tDataset Name\tData Category\tTarget Release Date\n"
        "1\t\t\t10.2022\n"
        "\tDrinking Water Quality\tCity Management\t\n"
        "2\tData on Water Consumption\t\t31.07.2023\n"
    )
    _, rows, _ = _extract(tmp_path, "wsd.txt", text)
    assert [row.category for row in rows] == ["City Management"] * 2


def test_a_first_header_without_an_item_column_numbers_rows_by_position(tmp_path: Path) -> None:
    """The columns of the seed plan minus its item column, as the plan's first header: no item
    column is assumed from the defaults, so each row is a dataset numbered by position."""
    text = (
        "衞生署\n\n年度開放數據計劃（2020年）\n\nA. 在2021年發放的部門數據集\n\n"
        "數據種類／數據集名稱\t目標發放日期\t更新頻率\t備註\n"
        "衞生／每月須呈報傳染病數目\t2021/08\t每月\t每種傳染病每月的呈報數目（XLSX）\n"
        "衞生／登革熱統計數字\t2021年\t每月\t登革熱輸入及本地個案數目（XLSX）\n"
    )
    plans, rows, _ = _extract(tmp_path, "dh.txt", text)
    assert [(r.item_no, r.dataset_name) for r in rows] == [
        (1, "每月須呈報傳染病數目"),
        (2, "登革熱統計數字"),
    ]
    assert plans[0].item_numbering == "inferred"


def test_a_category_line_at_the_foot_of_a_page_is_the_category_of_the_next(
    tmp_path: Path,
) -> None:
    """A grouping line printed last on a page: the page number and the repeated header stand
    between it and its rows."""
    header = "項目\t數據集名稱\t發放日期\t更新頻率\n"
    text = (
        "康樂及文化事務署\n\n年度開放數據計劃（2019年）\n\nD. 已發放的數據集\n\n"
        f"{header}"
        "康樂及文化\n"
        "- 1 -\n"
        f"{header}"
        "1\t香港公共圖書館新增館藏\t2018年底\t每星期\n"
        "2\t燒烤場\t2019年第1季度\t有需要時\n"
    )
    _, rows, problems = _extract(tmp_path, "lcsd.txt", text)
    assert [row.category for row in rows] == ["康樂及文化"] * 2
    assert not [p for p in problems if p.code == "unparsed_line"]


def test_labels_one_space_apart_in_a_text_export_are_two_columns(tmp_path: Path) -> None:
    """pdftotext -layout leaves one space between the labels of two narrow columns ("Data Format
    Release Date"), and between a long value and the next (shifted a character left): a word
    that starts at a column start is that column's, where the units are a character grid."""

    text = (
        "Department of Health\n\n2019 Annual Open Data Plan\n\nD. Datasets already released\n\n"
        + _aligned_line((0, "Item"), (7, "Dataset Name"), (32, "Update Frequency"))
        .rstrip("\n")
        .ljust(54)
        + "Data Format Release Date\n"
        + _aligned_line(
            (0, "1"), (7, "Flu Express"), (32, "Weekly"), (54, "XLSX"), (66, "Year-end 2018")
        )
        + _aligned_line(
            (0, "2"), (7, "Licensed Traders"), (32, "Monthly"), (54, "CSV"), (66, "03/2019")
        )
        + _aligned_line((0, "3"), (7, "Dengue Fever Statistics"), (31, "As and when necessary XLS"))
        + _aligned_line(
            (0, "4"), (7, "Barbecue Sites"), (32, "Weekly"), (54, "JSON"), (66, "Q1 2019")
        )
    )
    _, rows, _ = _extract(tmp_path, "dh.txt", text)
    assert [(r.dataset_name, r.update_frequency, r.formats, r.release_month) for r in rows] == [
        ("Flu Express", "weekly", ["XLSX"], "2018-12"),
        ("Licensed Traders", "monthly", ["CSV"], "2019-03"),
        ("Dengue Fever Statistics", "as_needed", ["XLS"], None),
        ("Barbecue Sites", "weekly", ["JSON"], "2019-03"),
    ]


def test_segments_split_only_where_a_word_starts_at_a_column() -> None:
    from plan_extract.read.layout import AlignmentSettings, Segment, split_at_columns

    exact = AlignmentSettings(column_tolerance=3, max_row_gap=1, measure=len)
    label = Segment(60, 84, "Data Format Release Date")
    assert [s.text for s in split_at_columns(label, [0, 60, 72], exact)] == [
        "Data Format",
        "Release Date",
    ]
    assert [s.x0 for s in split_at_columns(label, [0, 60, 72], exact)] == [60, 72]
    # no column inside, no word at the column, or units that are not a character grid: whole
    assert split_at_columns(label, [0, 60, 90], exact) == [label]
    assert split_at_columns(label, [0, 60, 67], exact) == [label]
    points = AlignmentSettings(column_tolerance=3, max_row_gap=1)
    assert split_at_columns(label, [0, 60, 72], points) == [label]


def test_a_lone_rows_value_under_a_label_one_space_from_the_one_before(tmp_path: Path) -> None:
    """Random layouts as pdftotext text, seed 2015: a table of one row, whose last two labels are
    one space apart ("Data Format Release Date"): the date's column is in no other line, so it was
    not a column and "2021-09" was read with the formats ("RSS 2021-09"). A value of one line that
    starts where a word of the header starts is that word's column."""
    header = (
        "     Contact Unit   Update          Dataset Name               Data Format Release Date\n"
        "                    Frequency\n\n"
    )
    text = (
        "Hong Kong Observatory (HKO)\n\nAnnual Open Data Plan 2022\n\n"
        "A. Datasets to be released in 2023\n\n"
        f"{header}"
        "1.   Statistics     Twice daily     9-day weather forecast     RSS         2023-09\n"
        "     Section\n"
    )
    _, rows, _ = _extract(tmp_path, "hko.txt", text)
    assert [(r.dataset_name, r.formats, r.release_month) for r in rows] == [
        ("9-day weather forecast", ["RSS"], "2023-09")
    ]


def test_a_label_near_a_column_that_has_its_own_label_is_a_column(tmp_path: Path) -> None:
    """Random layouts as pdftotext text, seed 2017: on a page where no row fills the remarks
    column, its label 「備註」 is five characters left of 「數據格式」, which is right at the formats.
    A label a little off a column is that column's (another character grid), but this column
    has its own label: 「備註」 is a column of its own, and the formats stay formats (they were
    read as remarks, the contact unit's label run into the remarks')."""

    text = (
        "地政總署（下稱「地政總署」）\n\n2020年年度開放數據計劃\n\n"
        "D. 進度：部門及其他機構已上載「資料一線通」網站的數據集\n\n"
        + _aligned_line(
            (0, "項目"),
            (6, "數據集名稱"),
            (17, "發放日期"),
            (34, "更新頻率"),
            (44, "負責組別"),
            (54, "備註"),
            (59, "數據格式"),
        )
        + _aligned_line(
            (0, "(1)"),
            (6, "延長租契"),
            (17, "2019年11月"),
            (34, "有需要時"),
            (44, "統計組"),
            (59, "XLSX"),
        )
        + _aligned_line(
            (0, "(2)"), (6, "賣地記錄"), (17, "2020年初"), (34, "每年"), (44, "統計組"), (59, "CSV")
        )
    )
    _, rows, _ = _extract(tmp_path, "landsd.zh-hant.txt", text)
    assert [(r.dataset_name, r.formats, r.note, r.other_columns) for r in rows] == [
        ("延長租契", ["XLSX"], None, [{"label": "負責組別", "text": "統計組"}]),
        ("賣地記錄", ["CSV"], None, [{"label": "負責組別", "text": "統計組"}]),
    ]


def test_a_value_pushed_left_of_its_column_is_its_columns(tmp_path: Path) -> None:
    """Random layouts as pdftotext text, seed 2025: after a date as wide as its column,
    pdftotext sets the formats five characters left of their column, nearer it than the date's:
    they are the formats (they were read into the date, which was then no date), where the
    formats column is empty on the line and filled on others. A wrapped line's piece pushed so
    goes to its column too; a piece nearer its own column (a centred value) stays."""

    text = (
        "衞生署（下稱「衞生署」）\n\n2020年年度開放數據計劃\n\n"
        "A. 在2021年發放的部門數據集\n\n"
        + _aligned_line(
            (0, "項目"), (5, "數據集名稱"), (25, "目標發放日期"), (38, "數據格式"), (49, "更新頻率")
        )
        + _aligned_line(
            (0, "１"),
            (5, "持牌中藥商名單"),
            (25, "年底^"),
            (33, "XLSX、XML"),
            (49, "有需要時"),
        )
        + _aligned_line(
            (0, "２"), (5, "每月須呈報傳染病數目"), (25, "2021年第四季"), (38, "XLSX"), (49, "每月")
        )
        + _aligned_line(
            (0, "３"), (5, "登革熱統計數字"), (25, "2021年9月"), (38, "CSV"), (49, "每年")
        )
        + _aligned_line(
            (0, "４"), (5, "結核病呈報個案"), (28, "2021年10月"), (38, "XML"), (49, "每年")
        )
    )
    _, rows, _ = _extract(tmp_path, "dh.zh-hant.txt", text)
    assert [(r.release_month, r.formats) for r in rows] == [
        ("2021-12", ["XLSX", "XML"]),
        ("2021-12", ["XLSX"]),
        ("2021-09", ["CSV"]),
        ("2021-10", ["XML"]),  # a date set right of its column's start (centred) stays
    ]


def test_a_value_run_on_past_the_next_columns_start_is_parted_at_its_word(
    tmp_path: Path,
) -> None:
    """Random layouts as pdftotext text, seeds 2032 and 2033: a value as wide as its column runs
    on, one space on, into the next column's value, set a few characters left of its column
    ("… Youth Centres Twice daily", "… rating of Statistics Section"). A piece running on past
    the next column's start is parted at a word from two tolerances left of that start, where
    the next column is empty on the line and filled on others."""
    text = (
        "Social Welfare Department (SWD)\n\n2023 Annual Open Data Plan\n\n"
        "A. Departmental datasets to be released in 2024\n\n"
        + _aligned_line(
            (0, "Item"), (11, "Dataset Name"), (50, "Update Frequency"), (69, "Contact Unit")
        )
        + _aligned_line(
            (0, "1."), (11, "List of Children and Youth Centres Twice daily"), (69, "Statistics")
        )
        + _aligned_line((0, "2."), (11, "Basic Information"), (50, "Daily"), (69, "IT Unit"))
        + _aligned_line((0, "3."), (11, "Community Centres"), (50, "Monthly"), (69, "IT Unit"))
    )
    _, rows, _ = _extract(tmp_path, "swd.txt", text)
    assert [(r.dataset_name, r.update_frequency_raw) for r in rows] == [
        ("List of Children and Youth Centres", "Twice daily"),
        ("Basic Information", "Daily"),
        ("Community Centres", "Monthly"),
    ]


def test_a_value_run_on_past_the_next_columns_start_is_parted_at_the_word_nearest_it(
    tmp_path: Path,
) -> None:
    """Random layouts as pdftotext text, seed 9018: "… List - Part II Every 3 months", the
    frequency 3 characters left of its column's start and the name's last word, "II", 6: both
    within the reach of a pushed value's first word, and the first was taken, "II" lost to the
    frequency (an unknown one). The last word there at or left of the next column's start is
    taken (the first right of it where none is: "… Centres Twice daily", seed 2032)."""
    text = (
        "Agriculture, Fisheries and Conservation Department (AFCD)\n\n"
        "2018 Annual Open Data Plan\n\n"
        "A. Departmental datasets to be released in 2019\n\n"
        + _aligned_line(
            (0, "Item"), (11, "Dataset Name"), (50, "Update Frequency"), (69, "Contact Unit")
        )
        + _aligned_line(
            (0, "B1"), (11, "Pesticides Licensees List - Part II Every 3 months"), (69, "IT Unit")
        )
        + _aligned_line((0, "B2"), (11, "Red Tide"), (50, "Every Week"), (69, "IT Unit"))
        + _aligned_line((0, "B3"), (11, "Sports Grounds"), (50, "Monthly"), (69, "IT Unit"))
    )
    _, rows, _ = _extract(tmp_path, "afcd.txt", text)
    assert [(r.dataset_name, r.update_frequency_raw) for r in rows] == [
        ("Pesticides Licensees List - Part II", "Every 3 months"),
        ("Red Tide", "Every Week"),
        ("Sports Grounds", "Monthly"),
    ]


def test_a_rows_columns_set_off_the_tables_are_its_columns_and_part_its_lines(
    tmp_path: Path,
) -> None:
    """Random layouts as pdftotext text, seeds 9040 and 9001: pdftotext set two rows'
    descriptions four characters left of their label (a frequency as wide as its column before
    them), and their starts were a column of their own, with no label; and the second line of
    one, 「Note: Data of the Hong Kong」, ran the frequency's note into the description's last
    words one space on. Two clusters of starts that no line fills both, two tolerances apart at
    most, are one column; a word of a row's line right where another of its lines starts a later
    column's text, that column empty on the line, begins that column's piece."""
    text = (
        "Hong Kong Observatory (HKO)\n\nAnnual Open Data Plan (2022)\n\n"
        "A. Departmental datasets to be released in 2023\n\n"
        + _aligned_line(
            (0, "Item"), (9, "Update Frequency"), (31, "Dataset Description"), (63, "Contact Unit")
        )
        + _aligned_line((0, "A1"), (9, "Twice daily"), (31, "Weather forecast"), (63, "Stats"))
        + _aligned_line((0, "A2"), (9, "Hourly"), (27, "Current weather report of"), (63, "IT"))
        + _aligned_line((9, "Note: Data of the Hong Kong"))
        + _aligned_line((9, "previous month"))
        + _aligned_line((0, "A3"), (9, "As and when"), (27, "A summary of warnings"), (63, "IT"))
        + _aligned_line((9, "necessary"))
    )
    _, rows, _ = _extract(tmp_path, "hko.en.txt", text)
    assert [(r.description, [c["text"] for c in r.other_columns]) for r in rows] == [
        ("Weather forecast", ["Stats"]),
        ("Current weather report of Hong Kong", ["IT"]),
        ("A summary of warnings", ["IT"]),
    ]
    assert rows[1].note == "Data of the previous month"


def test_an_item_column_beside_the_label_of_a_column_no_row_fills_stays_apart(
    tmp_path: Path,
) -> None:
    """Random layouts as pdftotext text, seed 9066: the item numbers, with no label, six
    characters left of the label of a remarks column no row fills; no line fills both, but
    nothing before the first column pushes its values: the two are not one column (the items
    were read as remarks, the numbering "inferred")."""
    header = _aligned_line((6, "Remarks"), (20, "Dataset Name"), (40, "Data Format"))
    text = (
        "Transport Department (TD)\n\n2021 Annual Open Data Plan\n\n"
        "A. Datasets to be released in 2022\n\n"
        + header
        + _aligned_line((0, "A-1"), (20, "Taxi stands"), (40, "CSV"))
        + _aligned_line((0, "A-2"), (20, "Traffic census"), (40, "CSV"))
        + "\nB. Datasets to be released in 2023 and 2024\n\n"
        + header
        + _aligned_line((0, "B-1"), (20, "Bus routes"), (40, "JSON"))
    )
    _, rows, _ = _extract(tmp_path, "td.en.txt", text)
    assert [(r.item_label, r.note) for r in rows] == [("A-1", None), ("A-2", None), ("B-1", None)]


def test_a_word_where_another_line_of_its_row_starts_a_later_column_begins_it(
    tmp_path: Path,
) -> None:
    """Random layouts as pdftotext text, seed 9008: a row's description set two characters off
    its column (within the column's tolerance, so no cut there), and its last word one space
    after the date's note on the row's second line (「注：视乎系统提 号码」): read as the note's.
    pdftotext keeps a row's columns at one place down its lines: a word of a line right where
    another line of the row starts a later column's text, that column empty on the line, begins
    that column's piece."""
    text = (
        "Social Welfare Department (SWD)\n\n2020 Annual Open Data Plan\n\n"
        "A. Departmental datasets to be released in 2021\n\n"
        + _aligned_line((0, "Item"), (5, "Target Date"), (20, "Description"), (45, "Format"))
        + _aligned_line((0, "1"), (5, "Sep 2021"), (20, "Community centres"), (45, "CSV"))
        + _aligned_line((0, "2"), (5, "Mid-2021"), (22, "Names, addresses and"), (45, "CSV"))
        + _aligned_line((5, "Note: upgrading, phone numbers"))
        + _aligned_line((5, "first"))
        + _aligned_line((0, "3"), (5, "2022"), (20, "Youth centres"), (45, "CSV"))
    )
    _, rows, _ = _extract(tmp_path, "swd.en.txt", text)
    assert [r.description for r in rows] == [
        "Community centres",
        "Names, addresses and phone numbers",
        "Youth centres",
    ]
    assert rows[1].note == "upgrading, first"


def test_a_label_with_an_empty_columns_label_run_into_it(tmp_path: Path) -> None:
    """Random layouts as pdftotext text, seeds 2059 and 2066: the remarks column is empty on the
    page, so pdftotext sets its label one space after the release date's first line ("Target
    Release Remarks" / "Date") and no row gives it a position. The cell is the release date's
    label with another column's label run into it (both known, of different columns): the
    dates are dates, not remarks. One label in two languages is no such pair."""
    from plan_extract.columns import role_of

    assert role_of("Target Release Remarks Date") == "release_date"
    assert role_of("Update Frequency Remarks") == "update_frequency"
    assert role_of("Target Release Remarks") is None  # the start of a label and another
    assert role_of("Dataset Name 數據集名稱") is None

    text = (
        "Hong Kong Observatory (HKO)\n\n2019 Annual Open Data Plan\n\n"
        "A. Datasets to be released in 2020\n\n"
        + _aligned_line(
            (0, "Item"), (8, "Dataset Name"), (34, "Target Release Remarks"), (60, "Data Format")
        )
        + _aligned_line((34, "Date"))
        + _aligned_line((0, "A1"), (8, "9-day weather forecast"), (34, "03.2020"), (60, "RSS"))
        + _aligned_line(
            (0, "A2"), (8, "Weather warning summary"), (34, "By 31.10.2020"), (60, "RSS")
        )
    )
    _, rows, _ = _extract(tmp_path, "hko.txt", text)
    assert [(r.dataset_name, r.release_month, r.note, r.formats) for r in rows] == [
        ("9-day weather forecast", "2020-03", None, ["RSS"]),
        ("Weather warning summary", "2020-10", None, ["RSS"]),
    ]


def test_cells_pdftotext_set_one_space_apart_in_chinese_are_parted(tmp_path: Path) -> None:
    """Random layouts as pdftotext text, seeds 2001, 2007, 2010: a Chinese value as wide as its
    column is followed, one space on, by the next column's value, both set where the first
    column starts ("資訊科技管理組 每年"). Chinese puts no space between words: a space between
    two CJK characters parts two cells where as many columns after it are empty on the line
    and filled by the header and another row; a column only the header fills (remarks no row
    has) takes none. A note parted so from its value is still the row's note."""

    text = (
        "衞生署（下稱「衞生署」）\n\n2021年年度開放數據計劃\n\n"
        "A. 在2022年發放的部門數據集\n\n"
        + _aligned_line(
            (0, "項目"),
            (5, "數據集名稱"),
            (20, "負責組別"),
            (30, "更新頻率"),
            (38, "備註"),
            (43, "目標發放日期"),
            (58, "數據集描述"),
        )
        + _aligned_line(
            (0, "一、"),
            (5, "持牌中藥商名單"),
            (20, "統計組"),
            (30, "每月"),
            (43, "2022年3月"),
            (58, "公司名稱"),
        )
        + _aligned_line(
            (0, "二、"),
            (5, "結核病呈報個案"),
            (20, "資訊科技管理組 每年"),
            (43, "2022年8月"),
            (58, "呈報率"),
        )
        + _aligned_line(
            (0, "三、"),
            (5, "社區中心名單"),
            (20, "統計組"),
            (30, "每星期"),
            (43, "二〇二二年一月 中心名稱、地址"),
        )
        + _aligned_line(
            (0, "四、"),
            (5, "醫療衞生人力"),
            (20, "統計組"),
            (30, "每三年"),
            (43, "二〇二二年十二月 註：上月數據"),
        )
    )
    _, rows, _ = _extract(tmp_path, "dh.zh-hant.txt", text)
    assert [(r.update_frequency, r.release_month, r.description, r.note) for r in rows] == [
        ("monthly", "2022-03", "公司名稱", None),
        ("annual", "2022-08", "呈報率", None),
        ("weekly", "2022-01", "中心名稱、地址", None),
        ("triennial", "2022-12", None, "上月數據"),
    ]
    assert rows[1].other_columns == [{"label": "負責組別", "text": "資訊科技管理組"}]


def test_a_rows_remainder_that_starts_like_a_section_heading_is_the_rows(tmp_path: Path) -> None:
    """A name cut by a page break goes on with "A. Microbiological quality)": a row whose text
    starts right of the first column is a remainder, never a heading."""
    header = "Item\tDataset Name\tTarget Release Date\tUpdate Frequency\n"
    text = (
        "Water Supplies Department\n\nAnnual Open Data Plan 2020\n\n"
        "A. Datasets to be released in 2021\n\n"
        f"{header}"
        "1)\tDrinking Water Quality (Part\tOn or before\tEvery 6 months\n"
        "- 1 -\n"
        f"{header}"
        "\tA. Microbiological quality)\t30/06/2021\t\n"
        "2)\tDrinking Water Quality (Part C. Radiological quality)\tWithin 2021\tYearly\n"
    )
    plans, rows, _ = _extract(tmp_path, "wsd.txt", text)
    assert [(r.section, r.dataset_name, r.release_month) for r in rows] == [
        ("A", "Drinking Water Quality (Part A. Microbiological quality)", "2021-06"),
        ("A", "Drinking Water Quality (Part C. Radiological quality)", "2021-12"),
    ]
    assert plans[0].rows_total == 2


def test_a_page_of_a_three_label_header_and_a_rows_remainder_is_a_table(tmp_path: Path) -> None:
    """pdftotext -layout lays each page out on its own grid: a page holding only the repeated
    header (three labels: the item column has none) and the last words of a row's note lines
    them up with that header alone (found by the random layouts)."""
    label_row = (
        "Data Category / Dataset Name" + " " * 48 + "Release Date" + " " * 25 + "Update Frequency"
    )
    text = (
        "Department of Health (DH)\n\nAnnual Open Data Plan 2021\n\n"
        "D. Progress: datasets uploaded onto DATA.GOV.HK by departments\n\n"
        + " " * 20
        + label_row
        + "\n\n"
        + "(1)"
        + " " * 17
        + "Health /"
        + " " * 68
        + "2nd quarter 2020"
        + " " * 21
        + "As and when necessary\n"
        + " " * 20
        + "Lists of licensed Chinese medicines traders"
        + " " * 33
        + "Note: Historical data since 2010\n\n\n"
        + " " * 82
        + "- 1 -\n"
        + "\fData Category / Dataset Name           Release Date            Update Frequency\n\n"
        + " " * 39
        + "will also be released\n\n\n"
        + " " * 31
        + "- 2 -\n"
    )
    _, rows, problems = _extract(tmp_path, "dh-2021-plan.en.txt", text)
    assert [(r.dataset_name, r.release_month, r.note) for r in rows] == [
        (
            "Lists of licensed Chinese medicines traders",
            "2020-06",
            "Historical data since 2010 will also be released",
        )
    ]
    assert "unparsed_line" not in [p.code for p in problems]


def test_a_bilingual_table_read_a_row_per_line_is_still_bilingual() -> None:
    """A table style without rules between a row's lines ("Medium Shading 1", "Light List"): each
    line is a row of its own, the Chinese line of a cell in one and its English line in the
    rows below (random Word layouts, seeds 103 and 112: the plan was read as one language, with
    no plan extracted). The rows that wrap a row are looked at with it."""
    from plan_extract.languages import split_languages
    from plan_extract.model import Document, SourceFile, TableRow, TextLine, Where

    def row(*cells: str, line: int) -> TableRow:
        return TableRow(tuple((c,) if c else () for c in cells), Where(line=line), 1)

    blocks = [
        TextLine(
            "漁農自然護理署 Agriculture, Fisheries and Conservation Department", Where(line=1)
        ),
        TextLine("A. 將於2020年發放的數據集 Datasets to be released in 2020", Where(line=2)),
        row("", "目標發放日期 Target Release Date", "數據集名稱 Dataset Name", "更新頻率", line=3),
    ]
    line = 4
    for item, name, english, frequency, every in (
        ("A-1", "主要新鮮糧食供應量", "Supply of major fresh food", "每日", "Everyday"),
        ("A-2", "除害劑持牌人名單", "Pesticides Licensee List", "每月", "Monthly"),
        ("A-3", "紅潮最新情況", "Update of Red Tide Situation", "每星期", "Every Week"),
        ("A-4", "運動場", "Sports Grounds", "每年", "Annual"),
    ):
        blocks += [
            row(item, "2020/09", name, frequency, line=line),
            row("", "", english, every, line=line + 1),
        ]
        line += 2
    document = Document(SourceFile("afcd.pdf", "0", "pdf"), blocks)
    versions = split_languages(document)
    assert [tag for tag, _ in versions] == ["zh-hant", "en"]
    english_rows = [b for b in versions[1][1].blocks if isinstance(b, TableRow)]
    assert english_rows[2].cells == ((), (), ("Supply of major fresh food",), ("Everyday",))


def test_the_start_of_a_label_wrapped_over_several_lines() -> None:
    from plan_extract.columns import starts_a_label

    assert starts_a_label("Target Release")
    assert starts_a_label("目標發放日期 Target Release")
    assert starts_a_label("數據種類／數據集")
    assert not starts_a_label("Monthly")
    assert not starts_a_label("Tar")  # too short to tell
    assert not starts_a_label("每月 Target Release")  # the Chinese half is no label


def test_a_bilingual_cell_read_a_row_per_line_gives_its_value_copy_to_english_once() -> None:
    """A table without rules between a row's lines ("Light List") gives a row per line: the
    English half's copy of a value ("2022-08" under 「…歷史數據」) is English, once (random Word
    layouts, seed 112: the Chinese note ended 「…歷史數據2022-08」, the English date was twice)."""
    from plan_extract.languages import split_languages
    from plan_extract.model import Document, SourceFile, TableRow, TextLine, Where

    def row(item: str, note: str, line: int) -> TableRow:
        return TableRow(((item,) if item else (), (note,)), Where(page=1, line=line), 1)

    blocks: list[TableRow | TextLine] = [
        TextLine("A. 在2022年發放的部門數據集 Datasets to be released in 2022", Where(line=1)),
        TableRow((("項目 Item",), ("目標發放日期 Target Release Date",)), Where(line=2), 1),
    ]
    for n in range(4):
        lines = ("2022-08", "註：亦會發放歷史數據", "2022-08", "Note: Historical data")
        blocks += [
            row(f"{n + 1}." if i == 0 else "", text, 3 + 4 * n + i) for i, text in enumerate(lines)
        ]
    versions = dict(split_languages(Document(SourceFile("a.pdf", "0", "pdf"), list(blocks))))
    zh = [b.cells[1] for b in versions["zh-hant"].blocks if isinstance(b, TableRow)][1:5]
    en = [b.cells[1] for b in versions["en"].blocks if isinstance(b, TableRow)][1:5]
    assert zh == [("2022-08",), ("註：亦會發放歷史數據",), (), ()]
    assert en == [("2022-08",), (), (), ("Note: Historical data",)]


def test_a_word_under_the_english_half_begun_above_is_english() -> None:
    """A table giving a row per line (random Word layouts, seed 155): "API" under "Coordinates
    Transformation" ends the English name, though alone it could be a format both halves print
    (the Chinese name ended 「…介面API」); "XML" under "CSV" still is such a value."""
    from plan_extract.languages import _split_cell

    assert _split_cell(("API",), ("坐標轉換應用程式介面",), ("Coordinates Transformation",)) == (
        (),
        ("API",),
    )
    assert _split_cell(("XML",), ("CSV",), ("CSV",)) == (("XML",), ("XML",))


def test_a_plan_in_one_language_with_two_line_labels_and_no_item_column_is_not_bilingual() -> None:
    """Random Word layouts, seeds 312 and 320: a Chinese plan whose header cells print each label
    in Chinese over English, its table without item numbers (the first cell, remarks, empty in
    most rows). Its rows must not be joined to the header as lines of one row (only a row whose
    first line has an item label takes the lines below it), or its English labels make the
    plan look bilingual (no plan was extracted)."""
    from plan_extract.languages import is_bilingual
    from plan_extract.model import Document, SourceFile, TableRow, TextLine, Where

    def row(*cells: str) -> TableRow:
        return TableRow(tuple(tuple(c.split("\n")) if c else () for c in cells), Where(page=1), 1)

    blocks: list[TableRow | TextLine] = [
        TextLine("A. 將於2019年發放的部門數據集", Where(line=1)),
        row(
            "備註\nRemarks",
            "數據集名稱\nDataset Name",
            "數據集描述\nDataset Description",
            "更新頻率\nUpdate Frequency",
            "數據種類\nData Category",
            "目標發放日期\nTarget Release Date",
        ),
    ]
    blocks += [
        row("", name, f"{name}的資料", "每月", "氣候及天氣", f"2019年{month}月")
        for month, name in enumerate(("本港天氣預報", "九天天氣預報", "天氣警告", "地震"), 3)
    ]
    assert not is_bilingual(Document(SourceFile("hko.pdf", "0", "pdf"), list(blocks)))


def _lines_of_a_bilingual_table_without_items() -> list[Any]:
    """A bilingual table without item numbers, read a line at a time (Word's "Light List": no
    rules between a row's lines): each row's Chinese lines, then its English lines, as rows of
    their own; the date's English copy after the Chinese note, a word the narrow column broke."""
    from plan_extract.model import TableRow, TextLine, Where

    def row(*cells: str) -> TableRow:
        return TableRow(tuple((c,) if c else () for c in cells), Where(page=1), 1)

    return [
        TextLine(
            "A. 在2024年發放的部門數據集 Departmental datasets to be released in 2024", Where()
        ),
        # a header over two lines, the second labelling no name column
        row("目標發放日期", "數據集名稱 Dataset Name", "數據格式"),
        row("Target Release Date", "", "Data Format"),
        row("發展 Development", "", ""),
        row("2/2024", "延長租契", "XLSX"),
        row("註：視乎系", "Lease Extension", ""),
        row("統提升工程", "", ""),
        row("2/2024", "", ""),
        row("Note: Subject", "", ""),
        row("to the", "", ""),
        row("completio", "", ""),
        row("n of the system", "", ""),
        row("09/2024", "香港特別行政區的數碼", "GML /"),
        row("", "地形模型", "KML"),
        row("", "Digital Terrain Model", ""),
        row("8/2025", "地理參考公共設施數據", "CSV"),
        row("", "Geo-referenced public", ""),
        row("", "facility data", ""),
    ]


def test_a_bilingual_table_without_items_read_a_line_at_a_time_is_bilingual() -> None:
    """Random Word layouts, seed 709: its Chinese and English lines are rows of their own, which
    nothing joins, so no Chinese cell held an English half and the plan was read as one language
    (no plan extracted). In a column, English cells pair with Chinese ones; an English plan's
    Chinese item numbers (「（一）」) are no Chinese text, though its grouping rows put English
    words in their column."""
    from plan_extract.languages import is_bilingual
    from plan_extract.model import Document, SourceFile, TableRow, Where

    blocks = _lines_of_a_bilingual_table_without_items()
    assert is_bilingual(Document(SourceFile("landsd.pdf", "0", "pdf"), blocks))

    def row(*cells: str) -> TableRow:
        return TableRow(tuple((c,) for c in cells), Where(page=1), 1)

    names = ("Rainfall", "Tides", "Lightning", "Radiation", "Ozone")
    english = [row("", "Dataset Name", "Update Frequency")]
    for n, name in zip("一二三四五", names, strict=True):
        # each under a grouping row: English words in the item labels' column (seeds 719, 728)
        english += [row("Climate and Weather", "", ""), row(f"（{n}）", name, "Every month")]
    assert not is_bilingual(Document(SourceFile("hko.pdf", "0", "pdf"), english))
    # the labels cut by a narrow column, read a line at a time: 「（一」 / 「）」 (seed 906)
    cut = [row("", "Dataset Name", "Update Frequency")]
    for n, name in zip("一二三四五", names, strict=True):
        cut += [row("Climate and Weather", "", ""), row(f"（{n}", name, "Every month")]
        cut += [row("）", "", "")]
    assert not is_bilingual(Document(SourceFile("hko.pdf", "0", "pdf"), cut))


def test_a_bilingual_row_read_a_line_at_a_time_is_joined_before_it_is_split() -> None:
    """Its lines are one row until a Chinese name follows an English one (or none): the English
    copy of the date goes to the English half only, a Chinese name wrapped over two lines and a
    list of formats stay one row's, a word the narrow column broke is whole again (random Word
    layouts, seed 709: the date's copy began a row of its own in both halves). The header's
    first line says where the names are, though its next line labels none ("Light Shading")."""
    from plan_extract.languages import split_languages
    from plan_extract.model import Document, SourceFile, TableRow

    blocks = _lines_of_a_bilingual_table_without_items()
    versions = dict(split_languages(Document(SourceFile("landsd.pdf", "0", "pdf"), blocks)))
    zh = [b.cells for b in versions["zh-hant"].blocks if isinstance(b, TableRow)][3:]
    en = [b.cells for b in versions["en"].blocks if isinstance(b, TableRow)][3:]
    assert zh == [
        (("2/2024", "註：視乎系", "統提升工程"), ("延長租契",), ("XLSX",)),
        (("09/2024",), ("香港特別行政區的數碼", "地形模型"), ("GML /", "KML")),
        (("8/2025",), ("地理參考公共設施數據",), ("CSV",)),
    ]
    assert en == [
        (
            ("2/2024", "Note: Subject", "to the", "completion of the system"),
            ("Lease Extension",),
            ("XLSX",),
        ),
        (("09/2024",), ("Digital Terrain Model",), ("GML /", "KML")),
        (("8/2025",), ("Geo-referenced public", "facility data"), ("CSV",)),
    ]


def test_a_section_title_cut_after_a_connecting_word_goes_on_on_the_next_line(
    tmp_path: Path,
) -> None:
    """Random Word layouts, seed 978 (English at 11 pt): "D. Progress: datasets uploaded onto" /
    "DATA.GOV.HK by departments and other organisations" right above the table. The second line
    begins with a capital, so it was taken for a grouping line: the section's rows got it as their
    category. A title cut after "onto" goes on, whatever the next line's case."""
    text = FEHD.replace(
        "D. Datasets already released\n",
        "D. Progress: datasets uploaded onto\nDATA.GOV.HK by departments and other organisations\n",
    )
    _, rows, problems = _extract(tmp_path, "fehd.txt", text)
    d_rows = [row for row in rows if row.section == "D"]
    assert d_rows and all(
        row.category != "DATA.GOV.HK by departments and other organisations" for row in d_rows
    )
    assert d_rows[0].section_title == (
        "Progress: datasets uploaded onto DATA.GOV.HK by departments and other organisations"
    )
    assert "unparsed_line" not in [p.code for p in problems]
