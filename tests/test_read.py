"""Reading files: encodings, line endings, content sniffing, and input that cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from plan_extract.pipeline import extract, extract_document

SEED = Path(__file__).parent / "fixtures" / "seed-zh-hant" / "input"
SEED_TEXT = next(SEED.iterdir()).read_text("utf-8")


@pytest.mark.parametrize(
    ("encoding", "newline", "prefix"),
    [
        ("utf-8", "\n", b""),
        ("utf-8", "\r\n", codecs.BOM_UTF8),
        ("utf-16", "\r\n", b""),  # Python's utf-16 codec writes a BOM
        ("utf-16-le", "\n", codecs.BOM_UTF16_LE),
        ("big5hkscs", "\r\n", b""),
        ("big5hkscs", "\r", b""),
    ],
)
def test_encodings_and_line_endings_give_the_same_rows(
    tmp_path: Path, encoding: str, newline: str, prefix: bytes
) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + SEED_TEXT.replace("\n", newline).encode(encoding))
    result = extract_document(path)
    assert result.problems == []
    assert len(result.datasets) == 32
    names = [d.dataset_name for d in result.datasets]
    assert "通用「Wi-Fi.HK」品牌" in names
    assert "為政府員工提供電腦及互聯網接達的統計數字" in names


def test_big5_hkscs_characters_survive(tmp_path: Path) -> None:
    # 綫 and 衞 are Hong Kong forms; 𨋢 (lift) is an HKSCS character outside plain Big5.
    text = SEED_TEXT.replace("地址搜尋服務", "升降機𨋢綫衞生資料")
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("big5hkscs"))
    result = extract_document(path)
    assert result.plan.encoding == "big5hkscs"
    assert "升降機𨋢綫衞生資料" in [d.dataset_name for d in result.datasets]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "file_empty"),
        (b"   \n\n", "file_empty"),
        (b"\xff\xfe\x00\xd8", "undecodable_text"),  # UTF-16 BOM, then a lone surrogate
        (b"\x81\x39\xee" * 3 + b"\xff\xff\xff", "undecodable_text"),
        (b"PK\x03\x04" + b"\x00" * 40, "unsupported_format"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 40, "unsupported_format"),
        ("這是一封信，不是開放數據計劃。\n祝好\n".encode(), "not_a_plan"),
    ],
)
def test_bad_input_is_a_problem_not_a_crash(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = extract_document(path)
    assert [p.code for p in result.problems] == [code]
    problem = result.problems[0]
    assert problem.severity == "error"
    assert str(path) in problem.message
    assert "\n" not in problem.message
    assert result.plan.plan_id == "bad"


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    result = extract_document(tmp_path / "nowhere.txt")
    assert [p.code for p in result.problems] == ["file_unreadable"]


def test_kind_is_recognised_by_content_not_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"  # a text plan with the wrong suffix
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = extract_document(path)
    assert result.plan.file_kind == "text"
    assert len(result.datasets) == 32


def test_bad_documents_do_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-plan.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "c-word.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (tmp_path / ".hidden").write_text("ignored", encoding="utf-8")
    extraction = extract([tmp_path])
    assert [p.plan_id for p in extraction.plans] == ["a-empty", "b-plan", "c-word"]
    assert len(extraction.datasets) == 32
    assert sorted(p.code for p in extraction.problems) == ["file_empty", "unsupported_format"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder, ending in (("x", ""), ("y", "\n")):  # different bytes: identical ones are one
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_text(SEED_TEXT + ending, encoding="utf-8")
    extraction = extract([tmp_path])
    assert [p.plan_id for p in extraction.plans] == ["plan", "plan-2"]


@pytest.mark.parametrize(
    ("layout_case", "text_case"),
    [("seed-layout-zh-hant", "seed-zh-hant"), ("seed-layout-en", "seed-en")],
)
def test_space_aligned_text_gives_the_tab_text_rows(layout_case: str, text_case: str) -> None:
    from goldens import extract_case, read_expected

    provenance = {"source_file", "source_line", "plan_id"}
    layout = extract_case(Path(__file__).parent / "fixtures" / layout_case)
    expected = read_expected(Path(__file__).parent / "fixtures" / text_case, "datasets")
    assert layout["problems"] == []
    strip = [{k: v for k, v in r.items() if k not in provenance} for r in layout["datasets"]]
    assert strip == [{k: v for k, v in r.items() if k not in provenance} for r in expected]


def test_text_aligned_by_display_width_is_read(tmp_path: Path) -> None:
    """A table aligned in an editor, where a CJK character is two columns wide."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    widths = (6, 60, 14, 60, 0)
    lines = []
    for line in SEED_TEXT.splitlines():
        if "\t" not in line:
            lines.append(line)
            continue
        cells = [c.strip() for c in line.split("\t")]
        padded = [c + " " * max(2, w - width(c)) for c, w in zip(cells, widths, strict=False)]
        lines.append("".join(padded).rstrip())
    path = tmp_path / "aligned.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = extract_document(path)
    assert result.problems == []
    tab = extract_document(next(SEED.iterdir()))
    fields = ("section", "item_no", "dataset_name", "release_month", "update_frequency", "formats")
    assert [[getattr(d, f) for f in fields] for d in result.datasets] == [
        [getattr(d, f) for f in fields] for d in tab.datasets
    ]


def test_a_page_number_under_a_column_is_not_a_row(tmp_path: Path) -> None:
    """``pdftotext -layout`` prints a page's number last, centred: under a column of a table
    that ends the page, after its footnote (random layouts as layout text, seed 7): furniture,
    not the rest of the last row's cell."""
    lines = [
        "D. 進度：部門已上載「資料一線通」網站的數據集",
        "項目    更新頻率          負責組別      數據集名稱             備註           發放日期",
        "D-1   有需要時          統計組       攜手扶弱基金                          2017/06*",
        "D-2   每月            統計組       兒童及青年中心名單                       2018/06",
        "* 由衞生防護中心提供",
        "                                                  - 1 -",
        "\f項目    更新頻率          負責組別      數據集名稱             備註           發放日期",
        "D-3   每年            統計組       學校名單                            2019/06",
        "                                                  - 2 -",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = extract_document(path)
    assert [(d.item_no, d.note) for d in result.datasets] == [
        (1, "由衞生防護中心提供"),
        (2, None),
        (3, None),
    ]
    assert "- 1 -" not in repr(result.datasets) and "- 2 -" not in repr(result.datasets)


def test_the_rest_of_a_cut_row_under_no_repeated_header() -> None:
    """A page whose table's header is not printed again starts with the rest of the row the page
    before cut: its first lines, each segment in one of that table's columns, are one row of them;
    a heading across the columns, text in the first column alone or a page number is not."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment
    from plan_extract.read.page import _rest_of_cut_row

    columns = [(50.0, 80.0), (80.0, 250.0), (250.0, 400.0)]

    def line(top: float, *segments: tuple[float, float, str]) -> Line:
        return Line(top, top + 10, [Segment(*s) for s in segments], Where(page=2))

    rest = [
        line(60, (85, 160, "Kong Special"), (255, 330, "Management")),
        line(72, (85, 200, "Region")),
    ]
    rows, left = _rest_of_cut_row([*rest, line(300, (60, 70, "3"))], columns, [], 5)
    assert [row.cells for _, row in rows] == [((), ("Kong Special", "Region"), ("Management",))]
    assert rows[0][1].table == 5 and len(left) == 1
    for first in (line(60, (50, 380, "B. Datasets to be released in 2025")),
                  line(60, (55, 75, "(2)")), line(60, (200, 205, "2"))):  # fmt: skip
        assert _rest_of_cut_row([first], columns, [], 5) == ([], [first])
    assert _rest_of_cut_row(rest, None, [], 5) == ([], rest)
    # the end of an item label the break cut (「（二」 / 「）」), and a word the column broke
    # ("Managemen" filling the column, less its padding, / "t Unit")
    cut = [
        line(60, (52, 60, "）"), (255, 394.6, "Managemen")),
        line(72, (255, 280, "t Unit")),
    ]
    rows, _ = _rest_of_cut_row(cut, columns, [], 5)
    assert [row.cells for _, row in rows] == [(("）",), (), ("Management Unit",))]
    # a line further down than a line's spacing, or in the page's first table, is no rest
    from plan_extract.read.tables import Table

    apart = [rest[0], line(90, (85, 200, "Region"))]
    rows, left = _rest_of_cut_row(apart, columns, [], 5)
    assert [row.cells for _, row in rows] == [((), ("Kong Special",), ("Management",))]
    assert left == apart[1:]
    table = Table(((50.0, 70.0, 400.0, 120.0),))  # a table from below the first line
    rows, left = _rest_of_cut_row(rest, columns, [table], 5)
    assert [row.cells for _, row in rows] == [((), ("Kong Special",), ("Management",))]
    assert left == rest[1:]
