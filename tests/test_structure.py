"""Structure rules on small hand-made block lists: headers, continuations, headings, no tables."""

from __future__ import annotations

from dataclasses import replace

from plan_extract.model import Block, Document, SourceFile, TableRow, TextLine, Where
from plan_extract.problems import ProblemLog
from plan_extract.structure import StructuredPlan, row_kinds, structure

TITLE = TextLine("2018年年度開放數據計劃", Where(line=1))
SECTION_A = TextLine("A. 在2019年發放的部門數據集", Where(line=2))


def _row(*cells: str | tuple[str, ...], line: int = 0, table: int = 1) -> TableRow:
    return TableRow(
        tuple(c if isinstance(c, tuple) else (c,) for c in cells), Where(line=line), table
    )


def _structure(*blocks: Block) -> tuple[StructuredPlan, list[str]]:
    log = ProblemLog("t", "t.txt")
    plan = structure(Document(SourceFile("t.txt", "0", "text"), list(blocks)), log)
    # These fragments have section A only: the sections_missing warning is tested on its own.
    return plan, [p.code for p in log.problems if p.code != "sections_missing"]


DATA = _row("1.", "資訊科技／名單", "04/2019", "每季", "名單(JSON)", line=5)


def test_header_label_wrapped_onto_a_second_line_extends_the_header() -> None:
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Data Category / Dataset Name", "Target Release", "Update Frequency", "Remarks"),
        _row("", "", "Date", "", ""),
        DATA,
    )
    assert len(plan.rows) == 1
    assert plan.rows[0].cells["release_date"] == ["04/2019"]
    assert codes == ["department_missing"]


def test_a_header_row_a_page_break_cut_goes_on_past_the_page_number() -> None:
    """A header row split by a page break (random Word layouts, seed 163: "Update" / "Data" on one
    page, "Frequency" / "Format" on the next, the page number between)."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Data Category / Dataset Name", "Target Release", "Update", "Data", "Remarks"),
        TextLine("2", Where(line=4)),
        _row("", "", "Date", "Frequency", "Format", ""),
        _row("1.", "資訊科技／名單", "04/2019", "每季", "JSON", "", line=5),
    )
    assert len(plan.rows) == 1
    assert plan.rows[0].cells["update_frequency"] == ["每季"]
    assert plan.rows[0].cells["formats"] == ["JSON"]
    assert codes == ["department_missing"]


def test_a_header_rows_last_line_alone_on_the_next_page_ends_its_label() -> None:
    """A header row a page break cut whose last line is one label's end alone, a line of text
    above the rows on the next page (random Word layouts, seed 838: "Update" / page break /
    "Frequency"; the frequencies were read as part of the release dates). It ends the one label
    it makes known, or those its words make known in order."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("Item", "Update", "Release Date", "Dataset Name"),
        TextLine("2", Where(line=4)),
        TextLine("Frequency", Where(line=5)),
        _row("1.", "Monthly", "04/2019", "Lists of licensed traders", line=6),
    )
    assert [(r.cells["update_frequency"], r.cells["release_date"]) for r in plan.rows] == [
        (["Monthly"], ["04/2019"])
    ]
    assert codes == ["department_missing"]
    # the ends of two labels in one line (seed 906): each word to the label it makes known
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("Item", "Update", "Release Date", "Data Category / Dataset"),
        TextLine("Frequency Name", Where(line=5)),
        _row("1)", "Weekly", "10/2018", "Health / Flu Express", line=6),
    )
    assert [(r.cells["update_frequency"], r.cells["category_name"]) for r in plan.rows] == [
        (["Weekly"], ["Health / Flu Express"])
    ]


def test_chinese_header_wrapped_inside_a_known_label() -> None:
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集", "目標發放日期", "更新頻率", "備註"),
        _row("", "名稱", "", "", ""),
        DATA,
    )
    assert [r.cells["category_name"] for r in plan.rows] == [["資訊科技／名單"]]
    assert "orphan_continuation" not in codes


def test_continuation_after_a_repeated_header_is_not_a_header() -> None:
    header = _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("1.", ("資訊科技／",), "04/2019", "每季", "名"),
        header,
        _row("", "開放數據名單", "", "", "單(JSON)"),
    )
    assert len(plan.rows) == 1
    assert plan.rows[0].cells["category_name"] == ["資訊科技／", "開放數據名單"]
    assert plan.rows[0].cells["remarks"] == ["名", "單(JSON)"]
    assert codes == ["department_missing"]


def test_a_rows_rest_in_a_label_column_under_the_whole_header_repeated_is_the_rows() -> None:
    """Random Word layouts with looks, seed 2288: a formats cell a narrow column and a page break
    cut mid-word (「KML、KMZ、XL」 / 「S」), its rest alone under the header repeated whole atop
    the next page, in the formats column: it ended no label (「數據格式 Data Format S」 left
    the label known) and was taken for the header's, the format lost. Under the last complete
    header repeated whole, a line is no label's end."""
    header = _row(
        ("項目", "Item"),
        ("數據格式", "Data", "Format"),
        ("目標發放日期", "Target", "Release Date"),
        ("更新頻率", "Update", "Frequency"),
        ("數據種類／數據集名稱", "Data Category / Dataset", "Name"),
    )
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("1.", "KML、KMZ、XL", "2020年底", "每年", "發展／航空照片航線索引"),
        header,
        _row("", "S", "", "", ""),
    )
    assert len(plan.rows) == 1
    assert plan.rows[0].cells["formats"] == ["KML、KMZ、XLS"]
    assert codes == ["department_missing"]


def test_an_item_labels_rest_one_cell_across_under_the_repeated_header_is_no_category() -> None:
    """Random Word layouts with looks, seed 2466: 「（二」 at a page's foot, and its 「）」 atop the
    next, under the header repeated, in the rest of the cut row that the style left one cell
    across the table: a category row of 「）」, the item label left open and no number. A lone
    text that ends the open row's item label is that label's rest, one cell across or not."""
    header = _row("", "更新頻率", "數據集描述", "目標發放日期", "數據種類／數據集名稱")
    rest = TableRow((("）",), (), (), (), ()), Where(line=0), 2, frozenset({1, 2, 3, 4}))
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("（一）", "每日", "天氣預報", "12/2024", "氣候及天氣／天氣預報"),
        _row("（二", "每日兩次", "九天天氣預報", "12/2024", "氣候及天氣／九天天氣預報"),
        _row(*header.cells, table=2),
        rest,
        _row("（三）", "每小時", "天氣報告", "05/2024", "氣候及天氣／天氣報告", table=2),
    )
    assert [r.item_cell for r in plan.rows] == ["（一）", "（二）", "（三）"]
    assert [r.category for r in plan.rows] == [None, None, None]
    assert codes == ["department_missing"]


def test_a_footnote_taken_for_a_grouping_row_is_a_footnote() -> None:
    """Random HTML layouts, seed 4685: the table's foot on one page, a footnote atop the next
    and the next section's table under it; the reader took the footnote for a grouping row of
    the table going on, one cell across, so it was a category and the row marked "#" lost its
    note. A row of one cell from the table's left that is a footnote marked by a symbol is that
    footnote; one led by a plain number stays a row (an item's row run together)."""
    covered = frozenset({1, 2, 3, 4})
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("1.", "資訊科技名單#", "04/2019", "每季", ""),
        TableRow((("# 只有英文版",), (), (), (), ()), Where(line=7), 1, covered),
        TableRow((("2 Works",), (), (), (), ()), Where(line=8), 1, covered),
        _row("3.", "工程名單", "04/2019", "每年", "", line=9),
    )
    assert [(r.item_cell, r.category) for r in plan.rows] == [("1.", None), ("3.", "2 Works")]
    assert plan.rows[0].notes == ["只有英文版"]
    assert codes == ["department_missing"]


def test_an_unknown_columns_label_a_wrap_parted_mid_word_is_one_word() -> None:
    """Random HTML layouts, seed 4702: a narrow unknown column's label wrapped mid-word,
    「負責組」 / 「別」 / "Contact" / "Unit", was kept as "負責組 別 Contact Unit". A label's lines
    are joined with no space between two CJK characters, with one between words else."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據集名稱", "目標發放日期", "更新頻率", ("負責組", "別", "Contact", "Unit")),
        _row("1.", "資訊科技名單", "04/2019", "每季", "統計組"),
    )
    assert plan.rows[0].other_columns == [("負責組別 Contact Unit", ["統計組"])]
    assert sorted(codes) == ["department_missing", "unknown_column"]


def test_an_item_label_a_page_break_cut_in_the_header_ends_it() -> None:
    """Random Word layouts with looks, seed 2464: a header row a page break cut, 「項」 of 「項目」
    at the page's foot and 「目」 atop the next page over 「/ / /」; the line under the header
    ended no label but the item's, which a line under a header could not end (a first cell
    filled is a row's), and 「目」 was a dataset. A line under a header whose first label is
    unknown ends it where the two make a known label, the item's too."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("項", "更新頻率", "備註", "目標發放日期", "數據集描述", "數據集名稱"),
        _row("目", "", "", "", "", "", table=2),
        _row("/", "/", "/", "/", "/", "/", table=2),
    )
    assert plan.rows == []
    assert codes == ["department_missing"]


def test_an_item_label_a_page_break_cut_is_joined_with_its_row() -> None:
    """「（一）」 wrapped in a narrow item column, 「（一」 at a page's foot and 「）」 on the next
    (random Word layouts, seed 47: two rows, neither numbered)."""
    header = _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("（一", "資訊科技／", "04/2019", "每季", "名"),
        header,
        _row("）", "開放數據名單", "", "", "單(JSON)"),
        _row("（二）", "資訊科技／目錄", "05/2019", "每月", ""),
    )
    assert [r.item_cell for r in plan.rows] == ["（一）", "（二）"]
    assert plan.rows[0].cells["category_name"] == ["資訊科技／", "開放數據名單"]
    assert codes == ["department_missing"]
    # a table giving a row per line ("Light List"): 「）」 alone on the row below is the label's
    # end, not a grouping row (random Word layouts, seed 102)
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("（三", "資訊科技／名單", "04/2019", "每季", ""),
        _row("）", "", "", "", ""),
        _row("（四）", "資訊科技／目錄", "05/2019", "每月", ""),
    )
    assert [r.item_cell for r in plan.rows] == ["（三）", "（四）"]
    assert codes == ["department_missing"]
    # cut after its opening bracket, the rest a label of its own (「（」 / page break / 「二）」:
    # random Word layouts with looks, seed 1503, "Medium Shading 2"): still the open row's
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("（一）", "資訊科技／目錄", "05/2019", "每月", ""),
        _row("（", "資訊科技／名", "04/2019", "每季", ""),
        header,
        _row(("二", "）"), "單", "", "", ""),
    )
    assert [(r.item_cell, r.cells["category_name"]) for r in plan.rows] == [
        ("（一）", ["資訊科技／目錄"]),
        ("（二）", ["資訊科技／名", "單"]),
    ]


def test_an_item_labels_last_mark_alone_after_a_page_break_ends_the_label() -> None:
    """Random Word layouts with looks, seed 1455 ("Light List"): a narrow item column wrapped
    「一、」 as 「一」 / 「、」 and the page broke between them; 「一」 alone reads as a label
    too, so 「、」 under the repeated header began a dataset of its own. A label's last mark
    alone ends the open row's label where the two number it the same."""
    header = _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("一", "氣候及天氣／", "2021年底", "每日兩次"),
        header,
        _row("、", "九天天氣預報", "", "註：亦會發放"),
        _row("二、", "氣候及天氣／天氣警告摘要", "2022", "有需要時"),
    )
    assert [(r.item_cell, r.cells["category_name"]) for r in plan.rows] == [
        ("一、", ["氣候及天氣／", "九天天氣預報"]),
        ("二、", ["氣候及天氣／天氣警告摘要"]),
    ]
    assert codes == ["department_missing"]


def test_an_item_label_a_narrow_column_wrapped_is_one_label_without_a_space() -> None:
    """Random Word layouts with looks, seed 1333: "(iii" / ")" in a narrow item column is the
    label "(iii)", as printed, not "(iii )"."""
    header = _row("Item", "Dataset Name", "Target Release Date", "Update Frequency")
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        header,
        _row(("(iii", ")"), "Aerial Photo", "04/2019", "Yearly"),
        _row(("（十", "二）"), "Street Names", "05/2019", "Monthly"),
        _row(("A-", "4"), "Lamp Posts", "06/2019", "Monthly"),
    )
    assert [r.item_cell for r in plan.rows] == ["(iii)", "（十二）", "A-4"]


def test_a_rows_rest_in_the_cells_of_the_header_repeated_over_it() -> None:
    """Random Word layouts, seed 981 ("Light Shading", a bilingual plan): no rule under the
    header, so the header repeated at the next page's top and the rest of the row the page break
    cut ("necessary Note:" / "Data of the" / "previous month") came as one row; the frequency
    label became unknown and the rest was lost. The lines of a repeated header's cells after its
    labels are the row's."""
    header = _row("", "Dataset Name", "Target Release Date", ("Update", "Frequency"))
    repeated = _row(
        "",
        "Dataset Name",
        ("Target Release", "Date"),
        ("Update", "Frequency", "necessary Note:", "Data of the", "previous month"),
    )
    # where pages are known, only a header on a later page than the row is a repeat over its rest
    first = replace(_row("i", "A", "1/2020", "Yearly"), where=Where(page=1))
    for page, frequency in (
        (2, "Yearly necessary Note: Data of the previous month"),
        (1, "Yearly"),
    ):
        again = replace(repeated, where=Where(page=page))
        rows = _structure(TITLE, SECTION_A, header, first, again)[0].rows
        assert rows[0].cells["update_frequency"] == [frequency]
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("i", "Lease Extension", "31.12.2026", "As and when"),
        repeated,
        _row("ii", "Land Exchange", "3/2026", ("As and when", "necessary")),
    )
    assert [r.cells["update_frequency"] for r in plan.rows] == [
        ["As and when necessary Note: Data of the previous month"],
        ["As and when", "necessary"],
    ]
    assert codes == ["department_missing"]
    kinds = [
        kind
        for _, kind in row_kinds(
            Document(
                SourceFile("t", "0", "text"),
                [TITLE, SECTION_A, header, _row("i", "A", "04/2019", "Monthly"), repeated],
            )
        )
    ]
    assert kinds == ["header", "dataset", "header"]


def test_unknown_header_labels_are_reported_once_complete_and_their_text_kept() -> None:
    plan, codes = _structure(
        TITLE, SECTION_A, _row("", "數據種類／數據集名稱", "目標發放日期", "負責人員", "備註"), DATA
    )
    assert codes.count("unknown_column") == 1
    assert plan.rows[0].other_columns == [("負責人員", ["每季"])]
    assert "update_frequency" not in plan.rows[0].cells


def test_a_header_without_any_name_column_is_an_error() -> None:
    _, codes = _structure(
        TITLE, SECTION_A, _row("", "負責人員", "目標發放日期", "更新頻率", "備註"), DATA
    )
    assert "unexpected_columns" in codes


def test_plans_cut_short_say_rows_may_be_missing() -> None:
    log = ProblemLog("t", "t.txt")
    blocks: list[Block] = [
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        DATA,
    ]
    structure(Document(SourceFile("t.txt", "0", "text"), blocks), log)
    missing = [p for p in log.problems if p.code == "sections_missing"]
    assert len(missing) == 1 and "B, D" in missing[0].message


def test_heading_that_looks_like_cells_is_a_heading() -> None:
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        DATA,
        _row("B.", "在 2020 年及", "2021 年發放的部門數據集", "", ""),
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("1.", "資訊科技／另一名單", "04/2020", "每年", "(CSV)", line=9),
    )
    assert [s.letter for s in plan.sections] == ["A", "B"]
    assert [r.section.letter if r.section else None for r in plan.rows] == ["A", "B"]


def test_an_item_and_a_value_alone_in_a_row_are_a_row_not_an_organisation() -> None:
    """ "(1)" and "XLSX", the rest of a bilingual row on the next page (random Word layouts, seed
    146): a row whose other cells are empty, not the heading of an organisation named XLSX; a
    label and a name still are one."""
    header = _row("Item", "Data Format", "Update Frequency", "Dataset Name", "Target Release Date")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("(1)", "XLSX", "", "", ""),
        header,
        _row("", "", "Weekly", "Flu Express", "2024/11", line=6),
        _row("(2)", "Department of Health", "", "", "", line=7),
        _row("(1)", "CSV", "Monthly", "Clinics", "2025", line=8),
    )
    assert [(r.item_cell, r.cells["formats"], r.cells["dataset_name"]) for r in plan.rows] == [
        ("(1)", ["XLSX"], ["Flu Express"]),
        ("(1)", ["CSV"], ["Clinics"]),
    ]
    assert plan.rows[1].organisation.name == "Department of Health"
    assert codes == ["department_missing"]


def test_sections_without_any_table_are_an_error() -> None:
    _, codes = _structure(
        TITLE, SECTION_A, TextLine("1. 資訊科技／名單 04/2019 每季", Where(line=3))
    )
    assert "no_tables" in codes


def test_sections_whose_tables_say_none_are_fine() -> None:
    _, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("", "/", "/", "/", "/"),
    )
    assert codes == ["department_missing"]
    # a cell holding a marker per column it spans ("Nil" / "Nil" under "Data Format Remarks",
    # two labels one space apart read as one: random layouts as pdftotext text, seeds 2009, 2040)
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("Nil", "Nil", "Nil", ("Nil", "Nil"), "Nil"),
        _row("", ("不適", "用"), "/", "/", "/"),  # a marker a narrow column wrapped
    )
    assert (plan.rows, codes) == ([], ["department_missing"])


def test_row_before_any_section_is_kept_and_reported() -> None:
    plan, codes = _structure(TITLE, DATA)
    assert len(plan.rows) == 1 and plan.rows[0].section is None
    assert "row_outside_section" in codes


def test_extra_cells_go_to_the_remarks() -> None:
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("1.", "資訊科技／名單", "04/2019", "每季", "名單", "(JSON)", line=5),
    )
    assert plan.rows[0].cells["remarks"] == ["名單", "(JSON)"]
    assert "row_too_many_cells" in codes


def test_missing_plan_year_and_release_date_are_warnings() -> None:
    from plan_extract.normalise.rows import normalise_plan

    log = ProblemLog("t", "t.txt")
    blocks: list[Block] = [
        TextLine("政府統計處", Where(line=1)),
        SECTION_A,
        _row("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
        _row("1.", "人口／人口估計", "", "每年", "(CSV)", line=5),
    ]
    plan = structure(Document(SourceFile("t.txt", "0", "text"), blocks), log)
    record, datasets = normalise_plan(plan, "t", log)
    assert record.plan_year is None and datasets[0].release_month is None
    codes = {p.code: p.severity for p in log.problems if p.code != "sections_missing"}
    assert codes == {"plan_year_missing": "warning", "date_missing": "warning"}


# --- a merged category cell whose text a page break moved -------------------------------------

MERGED_HEADER = ("數據種類", "數據集名稱", "目標發放日期", "更新頻率", "備註")


def _page_row(page: int, category: str | None, name: str) -> TableRow:
    """A body row of a table with merged category cells; ``None``: the category cell is covered
    by the merged cell above."""
    cells = (() if category is None else (category,) if category else (), (name,), ("04/2019",))
    return TableRow(
        (*cells, ("每季",), ("(CSV)",)),
        Where(page=page),
        1,
        frozenset({0}) if category is None else frozenset(),
    )


def _categories(*rows: TableRow) -> list[str | None]:
    header = TableRow(tuple((label,) for label in MERGED_HEADER), Where(page=1), 1)
    plan, _ = _structure(TITLE, SECTION_A, header, *rows)
    return [row.category if not row.cells.get("category") else row.cells["category"][0]
            for row in plan.rows]  # fmt: skip


def test_rows_above_a_break_take_the_merged_category_printed_after_it() -> None:
    """Word moves a two- or three-line paragraph whole: the merged cell starting at the page's
    last rows is empty there, its text is in its part on the next page."""
    assert _categories(
        _page_row(1, "人口", "甲"),
        _page_row(1, None, "乙"),
        _page_row(1, "", "丙"),  # the merged cell starts here, its text moved to page 2
        _page_row(1, None, "丁"),
        _page_row(2, "工商業", "戊"),
        _page_row(2, None, "己"),
    ) == ["人口", "人口", "工商業", "工商業", "工商業", "工商業"]


def test_an_empty_part_at_a_page_top_keeps_the_category_from_the_page_before() -> None:
    """A merged cell's part on the next page is empty when its text fit above the break; when it
    runs to that page's foot, the next page's new category is not its own."""
    assert _categories(
        _page_row(1, "人口", "甲"),
        _page_row(2, "", "乙"),  # the same merged cell, its text on page 1
        _page_row(2, None, "丙"),
        _page_row(3, "工商業", "丁"),
    ) == ["人口", "人口", "人口", "工商業"]


def test_an_empty_category_cell_not_at_a_page_foot_is_not_given_the_next_one() -> None:
    assert _categories(
        _page_row(1, "人口", "甲"),
        _page_row(1, None, "乙"),
        _page_row(1, "", "丙"),
        _page_row(1, "財經", "丁"),
        _page_row(2, "工商業", "戊"),
    ) == ["人口", "人口", "人口", "財經", "工商業"]


def test_without_merged_cells_an_empty_category_keeps_the_one_above() -> None:
    """A table printing a category on every row: an empty cell is not a merged cell's part."""
    assert _categories(
        _page_row(1, "人口", "甲"),
        _page_row(1, "", "乙"),
        _page_row(2, "工商業", "丙"),
    ) == ["人口", "人口", "工商業"]


def test_a_merged_category_a_page_break_cut_is_joined() -> None:
    """ "Commerce and" at a page's foot, "Industry" in the cell's part on the next page (random
    Word layouts, seed 317: the rows got "Commerce and" and "Industry")."""
    assert _categories(
        _page_row(1, "人口", "甲"),
        _page_row(1, "Commerce and", "乙"),
        _page_row(1, None, "丙"),
        _page_row(2, "Industry", "丁"),
        _page_row(2, None, "戊"),
        _page_row(2, "財經", "己"),
    ) == ["人口", *["Commerce and Industry"] * 4, "財經"]
    # a category of the catalogue whose first part is not one; a Chinese one cut after 及
    assert (
        _categories(_page_row(1, "City", "甲"), _page_row(2, "Management", "乙"))
        == ["City Management"] * 2
    )
    assert (
        _categories(_page_row(1, "就業及", "甲"), _page_row(2, "勞工", "乙")) == ["就業及勞工"] * 2
    )


def test_a_category_at_a_page_foot_and_a_new_one_on_the_next_page_stay_apart() -> None:
    assert _categories(_page_row(1, "Finance", "甲"), _page_row(2, "Food", "乙")) == [
        "Finance",
        "Food",
    ]
    assert _categories(_page_row(1, "人口", "甲"), _page_row(2, "工商業", "乙")) == [
        "人口",
        "工商業",
    ]


def test_continues_category() -> None:
    from plan_extract.structure import continues_category

    assert continues_category("Climate and", "Weather")
    assert continues_category("Development,", "Geography and Land Information")
    assert continues_category("Community and Social", "Welfare")  # a catalogue category
    assert not continues_category("Health", "Housing")
    assert not continues_category("Environment", "Protection")  # "Environment" is one already


def test_a_merged_categorys_lines_read_with_the_rows_beside_them_are_one_category() -> None:
    """A table without ruling lines: each line of a merged category cell is read with the row it
    is printed beside, "Commerce and" with one, "Industry" with the next, none with the rest (a
    Word table in a style without inner borders)."""
    assert _categories(
        _page_row(1, "Environment", "甲"),
        _page_row(1, "Commerce and", "乙"),
        _page_row(1, "Industry", "丙"),
        _page_row(1, "", "丁"),
        _page_row(1, "Development,", "戊"),
        _page_row(1, "Geography and", "己"),
        _page_row(1, "Land Information", "庚"),
        _page_row(1, "Finance", "辛"),
        _page_row(1, "Food", "壬"),
    ) == [
        "Environment",
        *["Commerce and Industry"] * 3,
        *["Development, Geography and Land Information"] * 3,
        "Finance",
        "Food",
    ]


def test_a_repeated_header_without_its_item_column_wrapped_over_two_lines() -> None:
    """A table without ruling lines repeats its header on a new page without the empty item
    label, wrapped: "Data Category / Dataset" / "Name", "Update" / "Frequency"; the row under it
    has the item number in one cell more (a Word table style without inner borders)."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Data Category / Dataset", "Release Date", "Update", "Remarks"),
        _row("", "Name", "", "Frequency", ""),
        _row("1", "Transport / Traffic Digest", "02/2021", "Monthly", "(XLS)"),
        TextLine("1", Where(line=6)),
        _row("Data Category / Dataset", "Release Date", "Update", "Remarks"),
        _row("Name", "", "Frequency", ""),
        _row("2", "Transport / Headways", "11/2020", "Monthly", "(CSV)"),
    )
    assert [(r.item_cell, r.cells["category_name"]) for r in plan.rows] == [
        ("1", ["Transport / Traffic Digest"]),
        ("2", ["Transport / Headways"]),
    ]
    assert codes == ["department_missing"]
    # a first cell filled under a header that repeats nothing is a row, not a label
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Data Category / Dataset Name", "Release Date", "Update Frequency", "Remarks"),
        _row("Transport / Headways", "11/2020", "Monthly", "(CSV)"),
    )
    assert [r.cells["category_name"] for r in plan.rows] == [["Transport / Headways"]]


def test_a_repeated_header_whose_first_label_lies_over_the_item_numbers() -> None:
    """``pdftotext -layout`` of a plan whose repeated header leaves the item label empty, on a
    page where the column right of the item column is empty too (random layouts seed 2006,
    「备注」): the page's text has one column for both, its label over the item numbers, so the
    rows had as many cells as the header and their item labels read as remarks (the rows joined
    to the one above: one dataset for three). Under a repeated header, a row whose first cell is an
    item label has the item column there; a row going on below it keeps the header's."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("", "Remarks", "Data Format", "Dataset Name", "Release Date"),
        _row("1", "", "CSV", "Street names", "2/2018"),
        TextLine("1", Where(line=6)),
        _row("Remarks", "Data Format", "Dataset Name", "Release Date", table=2),
        _row("2", "JSON", "Coordinates", "01/2019", table=2),
        _row("", "", "conversion", "", table=2),
        _row("3", "XLSX", "Land sales", "09/2019", table=2),
    )
    assert [(r.item_cell, r.cells["dataset_name"], r.cells["formats"]) for r in plan.rows] == [
        ("1", ["Street names"], ["CSV"]),
        ("2", ["Coordinates", "conversion"], ["JSON"]),
        ("3", ["Land sales"], ["XLSX"]),
    ]


def test_a_header_read_without_its_empty_item_label_takes_the_item_column_of_its_rows() -> None:
    """A table style without vertical rules ("Light Shading"): the header's empty cell over the
    item numbers leaves nothing to read, so the header has one column fewer than its rows, whose
    first cell is an item label (random Word layouts, seed 105). The rows' cells go to their own
    columns, also the continuation below."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("更新頻率", "數據種類", "目標發放日期", "數據集名稱"),
        _row("", "", "", ""),
        _row("(1)", "每年", "工商業", "30.09.2024", "收入及工時按年統計調查"),
        _row("", "", "", "註：上月數據", ""),
        _row("(2)", "每月", "工商業", "30/06/2026", "零售業銷貨"),
    )
    found = [(r.item_cell, r.cells["update_frequency"], r.cells["release_date"]) for r in plan.rows]
    assert found == [
        ("(1)", ["每年"], ["30.09.2024 註：上月數據"]),
        ("(2)", ["每月"], ["30/06/2026"]),
    ]
    assert codes == ["department_missing"]
    # under a header that has an item column, a row with a cell more is still reported
    _, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "更新頻率", "數據種類", "目標發放日期", "數據集名稱"),
        _row("(1)", "每年", "工商業", "30.09.2024", "收入及工時按年統計調查", "統計組"),
    )
    assert "row_too_many_cells" in codes


def test_a_first_label_wrapped_onto_a_line_of_its_own_ends_that_label() -> None:
    """The label "Update" / "Frequency" in the first column of a header without an item column: the
    second line's first cell is filled, yet it is the label's end, not a row; where the other
    labels fit on one line the reader gives it as a text line of its own."""
    for second_line in (_row("Frequency", "", "Date", ""), TextLine("Frequency", Where(line=4))):
        plan, codes = _structure(
            TITLE,
            SECTION_A,
            _row("Update", "Data Category", "Target Release", "Dataset Name"),
            second_line,
            _row("Monthly", "Commerce and Industry", "06/2026", "Retail Sales", line=5),
        )
        assert [(r.cells["update_frequency"], r.cells["dataset_name"]) for r in plan.rows] == [
            (["Monthly"], ["Retail Sales"])
        ]
        assert codes == ["department_missing"]


def test_a_bilingual_label_wrapped_keeps_the_space_between_its_languages() -> None:
    """「負責組別」 over "Contact" / "Unit": the label is 「負責組別 Contact Unit」, as printed, not
    「負責組別Contact Unit」 (only the wrap is joined by script)."""
    log = ProblemLog("t", "t.txt")
    blocks = [
        TITLE,
        SECTION_A,
        _row("項目", "數據集名稱", "目標發放日期", "負責組別"),
        _row("Item", "Dataset Name", "Target", "Contact"),
        _row("", "", "Release Date", "Unit"),
        _row("1", "商品貿易統計數字", "04/2019", "統計組", line=5),
    ]
    plan = structure(Document(SourceFile("t.txt", "0", "text"), blocks), log)
    assert plan.rows[0].other_columns == [("負責組別 Contact Unit", ["統計組"])]
    assert [p.text for p in log.problems if p.code == "unknown_column"] == [
        "項目 Item | 數據集名稱 Dataset Name | 目標發放日期 Target Release Date | 負責組別 Contact Unit"
    ]


def test_a_label_wrapped_over_more_lines_than_the_others_with_its_chinese_wrap() -> None:
    """A narrow date column in a Chinese-over-English header without rules (random Word layouts,
    seed 117): 「目標發放日」 / 「期」 (the Chinese label's wrap, on the line of the other columns'
    English labels) / "Target" / "Release" / "Date". "Release" ends no label yet but starts one:
    still the header, not an orphan row."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "備註", "更新頻率", "目標發放日", "數據集名稱"),
        _row("", "Remarks", "Update", "期", "Dataset Name"),
        _row("", "", "Frequency", "Target", ""),
        _row("", "", "", "Release", ""),
        _row("", "", "", "Date", ""),
        _row("一、", "今明兩天的本港天氣預報", "每小時", "2022年5月", "本港天氣預報", line=5),
    )
    assert [(r.item_cell, r.cells["release_date"]) for r in plan.rows] == [("一、", ["2022年5月"])]
    assert codes == ["department_missing"]


def test_without_item_numbers_a_frequency_cut_mid_phrase_carries_on_the_row() -> None:
    """A table without item numbers nor rules inside (Word's "Light Shading") gives a row per
    line: "As and" / "when" / "necessary" in a narrow frequency column are one row's, while a
    new value under a whole one starts a row (scripts/word_styles.py, landsd narrow columns:
    nine datasets for five)."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Target Release Date", "Dataset Name", "Update Frequency", "Dataset Description"),
        _row("08/2021", "Land Sale Records", "As and", "Sites sold by the"),
        _row("", "", "when", "Government with their"),
        _row("", "", "necessary", "prices"),
        _row("11/2020", "Digital Terrain Model", "Monthly", "A digital terrain model"),
        _row("", "", "Monthly", "of Hong Kong"),  # a whole value again: a row (here, reported)
    )
    found = [(r.cells["update_frequency"], r.cells["description"]) for r in plan.rows]
    assert len(found) == 3 and found[:2] == [
        (["As and", "when", "necessary"], ["Sites sold by the", "Government with their", "prices"]),
        (["Monthly"], ["A digital terrain model"]),
    ]
    assert len(plan.rows) == 3


def test_without_item_numbers_a_date_cut_by_its_column_carries_on_the_row() -> None:
    """Random Word layouts, seed 728 ("Medium Shading 1", a row per line): "By" / "31.01.202" /
    "3" in a narrow date column are one row's date with its name's next line beside them, as
    "End of" / "2022" is; a date whole on its line under a whole one still starts a row."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Update Frequency", "Target Release Date", "Dataset Name"),
        _row("As", "By", "Registered"),
        _row("necessary", "31.01.202", "Escalator Workers"),
        _row("", "3", ""),
        _row("Yearly", "End of", "Energy Data"),
        _row("", "2022", ""),
        _row("Monthly", "31.10.2023", "Lift Contractors"),
        _row("", "31.10.2023", "Lift Contractors"),  # a whole value again: a row (here, reported)
    )
    found = [(r.cells["release_date"], r.cells["dataset_name"]) for r in plan.rows]
    assert found[:3] == [
        (["By", "31.01.202", "3"], ["Registered", "Escalator Workers"]),
        (["End of", "2022"], ["Energy Data"]),
        (["31.10.2023"], ["Lift Contractors"]),
    ]
    assert len(plan.rows) == 4


def test_without_item_numbers_the_rest_of_a_whole_but_rough_date_carries_on_the_row() -> None:
    """Random Word layouts, seed 1313 ("Medium Shading 1", a row per line): a year whole on its
    line made more precise by the next ("二〇二〇年" / "一月", "二〇二一年" / "第二季", "2021" /
    "Q1"), beside the rest of the name: the line's date alone states none, the two lines one;
    a line that states a frequency of its own still starts a row."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("數據集描述", "更新頻率", "數據集名稱", "目標發放日期"),
        _row("按界別劃分的香港能源", "每年", "香港能源最終用途數", "二〇二〇年"),
        _row("最終用途數據", "", "據", "一月"),
        _row("註冊能源效益評核人的", "每星期", "註冊能源效益評核人", "二〇二一年"),
        _row("名單", "", "名單", "第二季"),
        _row("住戶統計", "每年", "住戶統計數字", "2021"),
        _row("數字", "每季", "（季度）", "Q1"),  # a frequency of its own: a row
    )
    assert [(r.cells["dataset_name"], r.cells["release_date"]) for r in plan.rows] == [
        (["香港能源最終用途數", "據"], ["二〇二〇年", "一月"]),
        (["註冊能源效益評核人", "名單"], ["二〇二一年", "第二季"]),
        (["住戶統計數字"], ["2021"]),
        (["（季度）"], ["Q1"]),
    ]


def test_without_item_numbers_a_footnote_marker_alone_on_a_line_carries_on_the_row() -> None:
    """Random Word layouts, seed 855 ("Light List", a row per line): the date's footnote marker
    wrapped onto a line of its own ("By" / "31.10.2019" / "†") beside the name's last line; the
    marker states no date, so the line is the row's, not a dataset of its own."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Dataset Name", "Target Release Date", "Update Frequency"),
        _row("Number of notifiable", "By", "Monthly"),
        _row("infectious diseases by", "31.10.2019", ""),
        _row("month", "†", ""),
        _row("Flu Express's figures", "Before 08/2019", "Weekly"),
    )
    assert [r.cells["dataset_name"] for r in plan.rows] == [
        ["Number of notifiable", "infectious diseases by", "month"],
        ["Flu Express's figures"],
    ]


def test_without_item_numbers_a_value_cut_before_its_footnote_marker_carries_on() -> None:
    """Random Word layouts, seed 901 ("Light Shading", a row per line): "Every 6" / "months^",
    the frequency's footnote marker after its end; the marker aside, the two lines make a value,
    so the second is the row's, not a dataset of its own."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Target Release Date", "Dataset Name", "Update Frequency"),
        _row("4th quarter", "Drinking Water Quality", "Every 6"),
        _row("2023", "(Part C. Radiological", "months^"),
        _row("", "quality)", "Note: Data of"),
        _row("Late 2025", "Sea Water", "Yearly"),
    )
    assert [r.cells["dataset_name"] for r in plan.rows] == [
        ["Drinking Water Quality", "(Part C. Radiological", "quality)"],
        ["Sea Water"],
    ]


def test_without_item_numbers_a_whole_row_of_another_table_is_a_row_of_its_own() -> None:
    """Random Word layouts, seed 851 ("Light Shading", no item numbers): the shaded rows are
    tables of their own, the rows between them come a line at a time. A shaded row's "2022"
    under the line-read row's "Mid-year" looked like one date a wrap cut, and the two datasets
    were one; a whole row of another table on the same page is a row of its own."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Target Release Date", "Dataset Name", "Update Frequency", table=4),
        _row("Mid-year", "Water Dispensers", "Yearly Note:", table=4),
        _row("", "in LCSD venues", "Historical data", table=4),
        _row("2022", ("Barbecue", "Sites"), ("As and when", "necessary Note: Data"), table=2),
        _row("", "in parks", "", table=4),
    )
    found = [(r.cells["release_date"], r.cells["dataset_name"]) for r in plan.rows]
    assert found == [
        (["Mid-year"], ["Water Dispensers", "in LCSD venues"]),
        (["2022"], ["Barbecue", "Sites", "in parks"]),
    ]


def test_a_first_label_over_five_lines_and_the_rest_of_a_cut_row_under_its_repeat() -> None:
    """Random Word layouts, seed 137 ("Light Shading", no item label over the item column): the
    first label 「目标发放日」 / 「期」 / "Target" / "Release" / "Date", its last two lines text lines
    of their own (one segment each); on the next page, under the header repeated, the rest of
    the row a page break cut, one cell more than the header (the empty item cell)."""
    header = [
        _row("目标发放日", "更新频率", "数据种类／数据集名称", "备注"),
        _row("期", "Update", "Data Category /", "Remarks"),
        _row("Target", "Frequency", "Dataset Name", ""),
        TextLine("Release", Where(line=4)),
        TextLine("Date", Where(line=5)),
    ]
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        *header,
        _row(
            "i", "2021年第3季度", "每日", "食物／主要新鲜粮食批发价（平", "本港主要新鲜粮食", line=6
        ),
        *header[:3],
        _row("", "", "", "均参考数字）", "注：上月数据", line=7),
    )
    assert [(r.item_cell, r.cells["category_name"], r.cells["remarks"]) for r in plan.rows] == [
        (
            "i",
            ["食物／主要新鲜粮食批发价（平", "均参考数字）"],
            ["本港主要新鲜粮食", "注：上月数据"],
        )
    ]
    assert codes == ["department_missing"]


def test_an_english_header_line_of_label_starts_under_the_chinese_one() -> None:
    """Random Word layouts, seed 142: Chinese labels, then their English ones over two lines,
    "Target" / "Release Date", "Update" / "Frequency", "Data" / "Category"; the first English
    line names only one label whole, yet it is the header's second language (before: a row,
    and the second line a header of its own)."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("目標發放日期", "更新頻率", "負責組別", "數據種類", "數據集名稱"),
        _row("Target", "Update", "Contact Unit", "Data", "Dataset Name"),
        _row("Release Date", "Frequency", "", "Category", ""),
        _row("A1", "2021年初", "有需要時", "統計組", "運輸", "的士電召站", line=5),
    )
    assert [(r.item_cell, r.cells["category"], r.other_columns) for r in plan.rows] == [
        ("A1", ["運輸"], [("負責組別 Contact Unit", ["統計組"])])
    ]
    assert sorted(codes) == ["department_missing", "unknown_column"]


def test_a_header_whose_first_line_names_only_one_label_whole() -> None:
    """Random Word layouts, seeds 150 and 152 ("Light Shading"): "Dataset Name", "Target" /
    "Release Date", "Update" / "Frequency", "Data" / "Category" and an unknown "Contact Unit":
    the first line knows one label, yet with the starts of the others it begins the header
    (before: a row, and the second line a header with the name column unknown)."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Dataset Name", "Target", "Update", "Data", "Contact Unit"),
        _row("", "", "Release Date", "Frequency", "Category", ""),
        _row(
            "A1", "Aerial Photo Flight Index", "2021-05", "Yearly", "Development", "Stats", line=5
        ),
    )
    assert [(r.cells["dataset_name"], r.cells["category"]) for r in plan.rows] == [
        (["Aerial Photo Flight Index"], ["Development"])
    ]
    assert sorted(codes) == ["department_missing", "unknown_column"]
    # a row's line inside the table is no header, whatever its words (seed 155: "Note:", "Data")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Dataset Name", "Update Frequency", "Release Date", "Contact Unit"),
        _row("1.", "Hong Kong Energy End-use", "Yearly", "Year-end 2020", "Information"),
        _row("", "Data", "", "Note:", "Managemen"),
        _row("", "", "", "Historical data", "t Unit"),
    )
    assert [r.cells["dataset_name"] for r in plan.rows] == [["Hong Kong Energy End-use", "Data"]]
    assert "unexpected_columns" not in codes


def test_a_header_repeated_as_one_line_of_text_is_no_grouping_line() -> None:
    """Random Word layouts, seed 302 (a narrow "Light Shading" table): on a new page holding only
    the header and a row's remainder, the header's labels are too close together to be split and
    come as one line of text; it is the header repeated, not a category line (which ended the
    row above, so its remainder was a table of its own with unknown columns)."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Update Frequency", "Data Category / Dataset Name", "Release Date"),
        _row("3", "Hourly", "Climate and Weather /", "10/2022", line=4),
        TextLine("Update Frequency Data Category / Dataset Name Release Date", Where(line=5)),
        _row("", "", "Current weather report", "", line=6, table=2),
    )
    assert [r.cells["category_name"] for r in plan.rows] == [
        ["Climate and Weather /", "Current weather report"]
    ]
    assert codes == ["department_missing"]


def test_without_item_numbers_a_note_in_a_frequency_cell_carries_on_the_row() -> None:
    """A row per line, no item numbers (random Word layouts, seed 404, "Medium Shading 1"): the
    lines of a note in the frequency cell ("每小時 註：亦會發放" / "2010年以來的歷史數據") are the
    row's until a line states a frequency."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("更新頻率", "數據集名稱", "目標發放日期"),
        _row("每小時 註：亦會發放", "本港天氣預報", "2022年5月"),
        _row("2010年以來的歷史數據", "", ""),
        _row("每日", "九天天氣預報", "2022年6月"),
    )
    assert [r.cells["update_frequency"] for r in plan.rows] == [
        ["每小時 註：亦會發放 2010年以來的歷史數據"],
        ["每日"],
    ]


def test_without_item_numbers_a_line_that_only_goes_on_with_a_note_carries_on_the_row() -> None:
    """A row per line, no item numbers (random Word layouts, seeds 404 and 430, "Medium Shading
    1", "Light Shading"): a line whose date or frequency cell begins a note (「注：亦会发放2010年以」
    under "2022-05", 「註：上月數據」 under 「有需要時」) is the row's next line, as is a line with no
    name whose cells state no value (the note's last line); a line with a name and a date of its
    own is a row."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("更新頻率", "數據集名稱", "目標發放日期"),
        _row("有需要時", "本地有感地震報告", "2022-05"),
        _row("", "", "註：亦會發放2010 年以"),
        _row("", "", "來的歷史數據"),
        _row("有需要時", "香港生物多樣性資訊站", "2023年中"),
        _row("註：上月數據", "", ""),
        _row("每星期", "紅潮最新情況", "2019-07"),
    )
    assert [(r.cells["dataset_name"], r.cells["release_date"]) for r in plan.rows] == [
        (["本地有感地震報告"], ["2022-05 註：亦會發放2010 年以 來的歷史數據"]),
        (["香港生物多樣性資訊站"], ["2023年中"]),
        (["紅潮最新情況"], ["2019-07"]),
    ]
    assert plan.rows[1].cells["update_frequency"] == ["有需要時 註：上月數據"]


def test_without_item_numbers_a_line_without_a_name_or_a_value_carries_on_the_row() -> None:
    """Random Word layouts, seeds 417 and 423 (no item numbers, "Light Shading"): a line with
    no name whose date states none ("19" under "30/04/20", a date a narrow column cut) is the
    row's; so is a line whose date begins a note, with the rest of a category and name cell
    ("Employment and Labour /" / "Employment and Vacancies"). A line without a name whose date
    is whole stays a row of its own (reported: it has no name)."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Release Date", "Data Category / Dataset Name", "Update Frequency"),
        _row("30/04/20", "Water / Water Consumption", "Annual"),
        _row("19", "", ""),
        _row("August 31,", "Employment and", "Quarterly"),
        _row("2019", "Labour /", ""),
        _row("Note: subject to the", "Employment and Vacancies", ""),
        _row("2019-08", "Environment / Red tides", "Weekly"),
        _row("2020-01", "", "Weekly"),
    )
    assert [(r.cells["category_name"], r.cells["release_date"]) for r in plan.rows] == [
        (["Water / Water Consumption"], ["30/04/20", "19"]),
        (
            ["Employment and", "Labour /", "Employment and Vacancies"],
            ["August 31, 2019 Note: subject to the"],
        ),
        (["Environment / Red tides"], ["2019-08"]),
        ([], ["2020-01"]),
    ]


def test_without_item_numbers_a_name_under_its_category_carries_on_the_row() -> None:
    """Random Word layouts, seed 443 (no item numbers, "Light List"): a category and name cell
    whose first line is the category and its separator (「社會福利／」) has the name on the
    next line, whatever that line's other cells hold (the rest of a date, 「季」, and a note in
    the frequency cell, 「註：視乎系統提」, both carrying on their cells)."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("目標發放日期", "更新頻率", "數據種類／數據集名稱"),
        _row("二〇二二年第四", "有需要時", "社會福利／"),
        _row("季", "註：視乎系統提", "學校社會工作服務機構名單"),
        _row("", "升工程的完成日", ""),
        _row("30/11/2021", "每6 個月", "城市管理／食水水質"),
    )
    assert [(r.cells["category_name"], r.cells["release_date"]) for r in plan.rows] == [
        (["社會福利／", "學校社會工作服務機構名單"], ["二〇二二年第四", "季"]),
        (["城市管理／食水水質"], ["30/11/2021"]),
    ]


def test_without_item_numbers_a_first_line_of_shared_values_is_completed_below() -> None:
    """Random Word layouts, seeds 449 and 450 (a bilingual plan without item numbers, "Light
    Shading"): the English version of a row read a line at a time starts with the values both
    languages share ("XLS / XML", "05.2019", printed on the Chinese line) and no name; the line
    below, with the name and the cells that line left empty, is the same row."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Update Frequency", "Dataset Name", "Data Format", "Target Release Date", "Category"),
        _row("Annual", "Annual Earnings and Hours Survey", "XLS", "02.2019", "Commerce"),
        _row("", "", "XLS / XML", "05.2019", ""),
        _row("Quarterly", "Gross Domestic Product", "", "", "Finance"),
        _row("", "", "", "", "Industry"),
        _row("Monthly", "Exchange Rates", "XLS", "06.2019", "Finance"),
    )
    found = [
        (r.cells["dataset_name"], r.cells["update_frequency"], r.cells["release_date"])
        for r in plan.rows
    ]
    assert found == [
        (["Annual Earnings and Hours Survey"], ["Annual"], ["02.2019"]),
        (["Gross Domestic Product"], ["Quarterly"], ["05.2019"]),
        (["Exchange Rates"], ["Monthly"], ["06.2019"]),
    ]


def test_without_item_numbers_a_value_a_wrap_cut_before_a_note_carries_on_the_row() -> None:
    """Random Word layouts, seed 608 (bilingual, no item numbers, "Light List"): "Every 3" /
    "months Note:" / "Data of the" in a narrow frequency column is one row's: the value the
    wrap cut ends where the note begins."""
    plan, _ = _structure(
        TITLE,
        SECTION_A,
        _row("Update Frequency", "Dataset Name", "Target Release Date"),
        _row("Every 3", "Pesticides Licensee List", "3/2020"),
        _row("months Note:", "- Part II", ""),
        _row("Data of the", "", ""),
        _row("Weekly", "Red Tides", "4/2020"),
    )
    assert [r.cells["dataset_name"] for r in plan.rows] == [
        ["Pesticides Licensee List", "- Part II"],
        ["Red Tides"],
    ]


def test_without_item_numbers_the_name_awaited_as_a_line_of_text_is_the_rows() -> None:
    """Random Word layouts, seed 613 (no item numbers, "Light Shading", the category and name
    in the first column): the name under 「Recreation and Culture /」 comes as a line of text
    (a line alone in the first column), right above the next row; it is the row's name, not a
    category for the rows below."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("Data Category / Dataset Name", "Target Release Date", "Update Frequency"),
        _row("Recreation and Culture / Skateparks", "31/05/2019", "As and when necessary"),
        _row("Recreation and Culture /", "31/03/2019", "Yearly"),
        TextLine("Water Dispensers in LCSD venues", Where(line=6)),
        _row("Recreation and Culture / Sports Grounds", "Before 12/2019", "Daily", line=7),
    )
    assert [(r.cells["category_name"], r.category) for r in plan.rows] == [
        (["Recreation and Culture / Skateparks"], None),
        (["Recreation and Culture /", "Water Dispensers in LCSD venues"], None),
        (["Recreation and Culture / Sports Grounds"], None),
    ]
    assert "unparsed_line" not in codes


def test_a_header_printed_as_one_line_with_its_labels_worded_otherwise_is_a_header() -> None:
    """Random Word layouts, seed 101 ("Light Shading"): section D's header, at the top of a new
    page, comes as one line of text (its labels too close together to split), and says "Release
    Date" where the header before said "Target Release Date": the same columns, so the same
    header; not a category line over the row below."""
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        _row("", "Dataset Name", "Target Release Date", "Update Frequency"),
        _row("i", "Flu Express's figures data", "4Q 2022", "Weekly", line=4),
        TextLine("D. Datasets already released", Where(line=5)),
        TextLine("Dataset Name Release Date Update Frequency", Where(line=6)),
        _row("i", "Gross Domestic Product", "12/2020", "Quarterly", line=7),
    )
    assert [(r.section.letter if r.section else None, r.category) for r in plan.rows] == [
        ("A", None),
        ("D", None),
    ]
    assert "unparsed_line" not in codes


def test_a_header_repeated_twice_without_its_item_label_keeps_the_item_column() -> None:
    """Random Word layouts, seed 418 ("Light Shading"): section B's header has its item column,
    section D's repeats it without the empty item label, and D's header repeated on the next page
    repeats that repeat; the rest of the row the page break cut still has its (empty) item cell
    in front (before: every cell one column to the left)."""
    numbered = _row("", "Release Date", "Dataset Name", "Update Frequency", "Data Category")
    repeat = _row("Release Date", "Dataset Name", "Update Frequency", "Data Category")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        numbered,
        _row("1.", "2022", "Flu Express", "Weekly", "Health", line=4),
        repeat,
        _row("2.", "2021", "Locally felt earth tremor", "As and when", "Climate and", line=6),
        repeat,
        _row("", "", "report", "necessary", "Weather", line=8, table=2),
    )
    assert [(r.cells["dataset_name"], r.cells["category"]) for r in plan.rows][1] == (
        ["Locally felt earth tremor", "report"],
        ["Climate and Weather"],
    )
    assert codes == ["department_missing"]


def test_a_footnote_marker_a_page_break_left_under_the_repeated_header_is_the_rows() -> None:
    """Random Word layouts, seed 527: 「2021年8月」 / 「31日或之前」 at a page's foot and its "*" at
    the top of the next, under the repeated header: the row's marker, not the end of the date
    column's label (the row lost its footnote)."""
    header = _row("", "目標發放日期", "數據集名稱", "更新頻率")
    plan, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("1)", "2021年8月 31日或之前", "康文署場地的飲水機", "每年", line=4),
        header,
        _row("", "*", "", "", line=6),
        TextLine("* 由衞生防護中心提供", Where(line=7)),
    )
    assert [(r.cells["release_date"], r.notes) for r in plan.rows] == [
        (["2021年8月 31日或之前"], ["由衞生防護中心提供"])
    ]
    assert "unparsed_line" not in codes


def test_a_grouping_row_no_row_takes_is_reported() -> None:
    """One cell across the table with no dataset under it before the next section ("t Unit", the
    rest of a cell a page break cut, which a table ruled only in part leaves across the table) is
    a problem, not a category no one sees."""
    header = TableRow((("",), ("數據種類／數據集名稱",), ("目標發放日期",)), Where(page=1), 1)
    spanning = TableRow((("t Unit",), (), ()), Where(page=2), 1, frozenset({1, 2}))
    _, codes = _structure(
        TITLE,
        SECTION_A,
        header,
        _row("1.", "資訊科技／名單", "04/2019"),
        spanning,
        TextLine("B. 在2020年及2021年發放的部門數據集", Where(line=9)),
    )
    assert "unparsed_line" in codes
