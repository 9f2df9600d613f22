"""PDF plans: the same rows as the text form, page provenance, and PDFs that cannot be read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from goldens import extract_case, read_expected
from plan_extract.model import TableRow
from plan_extract.pipeline import extract, extract_document
from plan_extract.read import read_document

FIXTURES = Path(__file__).parent / "fixtures"
PDF_CASES = ["seed-pdf-word", "seed-pdf-reportlab", "seed-pdf-unruled"]
PROVENANCE = {"source_file", "source_page", "source_line", "source_bbox"}


def _without_provenance(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in PROVENANCE} for row in rows]


@pytest.mark.parametrize("case", PDF_CASES)
def test_pdf_gives_exactly_the_text_rows(case: str) -> None:
    text_rows = read_expected(FIXTURES / "seed-zh-hant", "datasets")
    pdf = extract_case(FIXTURES / case)
    assert pdf["problems"] == []
    assert _without_provenance(pdf["datasets"]) == _without_provenance(text_rows)


@pytest.mark.parametrize("case", PDF_CASES)
def test_pdf_provenance(case: str) -> None:
    tables = extract_case(FIXTURES / case)
    (plan,) = tables["plans"]
    assert plan["file_kind"] == "pdf" and plan["pages"] >= 3
    for row in tables["datasets"]:
        assert row["source_line"] is None
        assert 1 <= row["source_page"] <= plan["pages"]
        boxes = row["source_bbox"]
        assert boxes[0]["page"] == row["source_page"]
        assert all(b["x0"] < b["x1"] and b["top"] < b["bottom"] for b in boxes)


def test_word_pdf_row_split_by_the_page_break_has_a_box_on_each_page() -> None:
    rows = extract_case(FIXTURES / "seed-pdf-word")["datasets"]
    a9 = next(r for r in rows if r["section"] == "A" and r["item_no"] == 9)
    assert [b["page"] for b in a9["source_bbox"]] == [1, 2]
    assert a9["note"].startswith("由電腦化計劃整體撥款")


def test_reportlab_pdf_row_split_with_name_and_remarks_continuing() -> None:
    document = read_document(next((FIXTURES / "seed-pdf-reportlab" / "input").glob("*.pdf")))
    rows = [b for b in document.blocks if isinstance(b, TableRow)]
    continued = []
    last_item_page = 0
    for row in rows:
        if "數據集名稱" in "".join(row.cells[1]):
            continue  # a (repeated) header row
        if row.cells[0] not in ((), ("",)):
            last_item_page = row.where.page or 0
        elif row.cells[1] and row.cells[4] and (row.where.page or 0) > last_item_page:
            continued.append(row)
    assert continued, "the fixture must split a row's name and remarks across pages"
    tables = extract_case(FIXTURES / "seed-pdf-reportlab")
    d15 = next(r for r in tables["datasets"] if r["section"] == "D" and r["item_no"] == 15)
    assert d15["dataset_name"] == "無障礙網頁／流動應用程式服務商名單"
    assert (
        d15["description"] == "提供有關無障礙設計網頁／流動應用程式的資訊科技專業服務的服務商名單"
    )
    assert [b["page"] for b in d15["source_bbox"]] == [3, 4]


def test_repeated_header_rows_are_dropped() -> None:
    document = read_document(next((FIXTURES / "seed-pdf-word" / "input").glob("*.pdf")))
    headers = [
        b for b in document.blocks if isinstance(b, TableRow) and "目標發放日期" in str(b.cells)
    ]
    assert len({h.where.page for h in headers}) >= 2  # the header repeats on several pages
    rows = extract_case(FIXTURES / "seed-pdf-word")["datasets"]
    assert not any("發放日期" in (r["release_month_raw"] or "") for r in rows)


def test_unruled_table_is_read_by_alignment() -> None:
    document = read_document(next((FIXTURES / "seed-pdf-unruled" / "input").glob("*.pdf")))
    rows = extract_case(FIXTURES / "seed-pdf-unruled")["datasets"]
    assert {r["section"] for r in rows} == {"A", "C", "D"}
    assert any(isinstance(b, TableRow) and len(b.cells) == 5 for b in document.blocks)


def test_wraps_across_lines_in_pdf_cells() -> None:
    document = read_document(FIXTURES / "pdf-wraps" / "input" / "ogcio-2018-wraps.zh-hant.pdf")
    pieces = [p for b in document.blocks if isinstance(b, TableRow) for c in b.cells for p in c]
    assert "通用「Wi-" in pieces and any(p.startswith("Fi.HK」") for p in pieces)
    assert "(JSON and" in pieces and "XML)" in pieces
    rows = extract_case(FIXTURES / "pdf-wraps")["datasets"]
    assert [r["dataset_name"] for r in rows] == ["獲批准的籌款活動", "通用「Wi-Fi.HK」品牌"]
    assert rows[0]["formats"] == ["JSON", "XML"]
    assert rows[0]["remarks_raw"].endswith("(JSON and XML)")


BAD = {
    "empty.pdf": "file_empty",
    "encrypted.pdf": "pdf_encrypted",
    "not-a-plan.pdf": "not_a_plan",
    "scanned.pdf": "pdf_scanned",
    "truncated.pdf": "pdf_corrupt",
    "wrong-columns.pdf": "unexpected_columns",
}


@pytest.mark.parametrize(("name", "code"), sorted(BAD.items()))
def test_unreadable_pdf_gives_one_clear_problem(name: str, code: str) -> None:
    path = FIXTURES / "bad-pdf" / name
    result = extract_document(path)
    errors = [p for p in result.problems if p.severity == "error"]
    assert [p.code for p in errors] == [code]
    assert str(path) in errors[0].message and "\n" not in errors[0].message


def test_bad_pdfs_do_not_stop_good_documents(tmp_path: Path) -> None:
    extraction = extract([FIXTURES / "bad-pdf", FIXTURES / "seed-pdf-word" / "input"])
    assert len(extraction.plans) == len(BAD) + 2  # + no-unicode-map.pdf
    good = [d for d in extraction.datasets if d.source_file.endswith("zh-hant.pdf")]
    assert len(good) == 32


def test_goldens_are_json_files() -> None:
    for case in PDF_CASES:
        json.loads((FIXTURES / case / "expected" / "datasets.json").read_text("utf-8"))


def test_debug_picture_marks_the_page(tmp_path: Path) -> None:
    from PIL import Image

    from plan_extract.cli import main

    pdf = next((FIXTURES / "seed-pdf-reportlab" / "input").glob("*.pdf"))
    out = tmp_path / "page.png"
    assert main(["debug", str(pdf), "--page", "4", "--out", str(out)]) == 0
    picture = Image.open(out).convert("RGB")
    colours = {colour for _, colour in picture.getcolors(maxcolors=1 << 24) or []}
    assert (220, 0, 0) in colours  # the dropped header row
    assert (255, 140, 0) in colours  # the continuation merged into D15
    assert (0, 160, 0) in colours  # dataset rows


def test_debug_refuses_a_missing_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from plan_extract.cli import main

    pdf = next((FIXTURES / "seed-pdf-reportlab" / "input").glob("*.pdf"))
    assert main(["debug", str(pdf), "--page", "99", "--out", str(tmp_path / "x.png")]) == 2
    assert "has no page 99" in capsys.readouterr().err


def test_fake_bold_doubled_characters_are_removed() -> None:
    text_rows = read_expected(FIXTURES / "seed-zh-hant", "datasets")
    bold = extract_case(FIXTURES / "pdf-fake-bold")
    assert bold["problems"] == []
    (plan,) = bold["plans"]
    assert plan["department"] == "政府資訊科技總監辦公室" and plan["plan_year"] == 2018
    section_a = [r for r in text_rows if r["section"] == "A"]
    fields = ("item_no", "category", "dataset_name", "release_month", "update_frequency")
    assert [tuple(r[f] for f in fields) for r in bold["datasets"]] == [
        tuple(r[f] for f in fields) for r in section_a
    ]


def test_characters_without_unicode_map_are_reported_and_kept_out() -> None:
    from plan_extract.model import TextLine, Where
    from plan_extract.read.page import strip_bad_text

    blocks = [
        TextLine("政府(cid:123)資訊", Where(page=2)),
        TableRow((("1.",), ("資訊科技／", "名\ufffd單")), Where(page=2)),
    ]
    clean, bad = strip_bad_text(blocks)
    assert bad == 2
    assert clean[0] == TextLine("政府資訊", Where(page=2))
    assert isinstance(clean[1], TableRow) and clean[1].cells[1] == ("資訊科技／", "名單")


def test_glyphs_without_unicode_map_in_a_real_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from plan_extract.cli import main

    path = FIXTURES / "bad-pdf" / "no-unicode-map.pdf"
    result = extract_document(path)
    bad = [p for p in result.problems if p.code == "pdf_bad_text"]
    assert len(bad) == 1 and bad[0].page == 1 and "9 characters" in bad[0].message
    document = read_document(path)
    assert not any("(cid:" in str(b) for b in document.blocks)
    assert "unparsed_line" not in [p.code for p in result.problems]
    main(["extract", str(path), "--out", str(tmp_path)])  # pdfminer's own log lines stay quiet
    assert all(
        line.startswith(("error:", "warning:", str(path), "wrote"))
        for line in capsys.readouterr().err.splitlines()
    )
