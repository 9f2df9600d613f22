"""PDF plans: the same rows as the text form, page provenance, and PDFs that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
import regex

from goldens import extract_case, read_expected
from pdf_builders import flate_stream, minimal_pdf, page_pdf
from plan_extract.model import TableRow
from plan_extract.pipeline import extract, extract_document
from plan_extract.read import read_document
from plan_extract.settings import READERS

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
        TextLine(" \ufffd(cid:7) ", Where(page=2)),  # nothing left: no line
        TextLine(" 政府 ", Where(page=2)),  # clean lines and rows are kept (stripped)
        TextLine("", Where(page=2)),
        TableRow((("2.",), ("cid",)), Where(page=2)),
    ]
    clean, bad = strip_bad_text(blocks)
    assert bad == 4
    assert clean[0] == TextLine("政府資訊", Where(page=2))
    assert isinstance(clean[1], TableRow) and clean[1].cells[1] == ("資訊科技／", "名單")
    assert clean[2:] == [TextLine("政府", Where(page=2)), blocks[-1]]


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


# Guards against hostile and damaged PDFs, in both readers.


@pytest.mark.parametrize("reader", READERS)
def test_page_with_too_many_glyphs_is_too_complex_not_scanned(
    tmp_path: Path, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plan_extract.read import page

    monkeypatch.setattr(page, "MAX_PAGE_CHARS", 500)
    lines = b"".join(
        b"BT /F1 8 Tf 20 %d Td (%s) Tj ET\n" % (30 + 9 * i, b"x" * 60) for i in range(20)
    )
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(page_pdf(lines))
    problems = extract_document(path, reader=reader).problems
    errors = [p.code for p in problems if p.severity == "error"]
    assert errors in (["pdf_too_complex"], ["pdf_too_complex", "not_a_plan"])
    # PDFium counts the line breaks it adds to its text as characters too
    assert regex.search(r"page 1 has 12\d\d glyphs, over the limit of 500", problems[0].message)
    assert not any(p.code == "pdf_scanned" for p in problems)


@pytest.mark.parametrize("reader", READERS)
def test_page_with_too_many_ruling_lines_is_too_complex(
    tmp_path: Path, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A grid of 30 x 30 lines (a hostile page may hold thousands): finding cells among all their
    crossings would take hours, so the page is not read; the other pages are."""
    from plan_extract.read import tables

    monkeypatch.setattr(tables, "MAX_CROSSINGS", 500)
    lines = b"".join(b"50 %d m 500 %d l S " % (100 + 10 * i, 100 + 10 * i) for i in range(30))
    lines += b"".join(b"%d 100 m %d 400 l S " % (60 + 10 * i, 60 + 10 * i) for i in range(30))
    path = tmp_path / "grid.pdf"
    path.write_bytes(page_pdf(lines + b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET"))
    problems = extract_document(path, reader=reader).problems
    assert problems[0].code == "pdf_too_complex" and problems[0].page == 1
    assert "page 1 has 900 crossings of ruling lines, over the limit of 500" in problems[0].message


@pytest.mark.parametrize("reader", READERS)
def test_flate_bomb_is_too_complex_not_scanned(
    tmp_path: Path, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A content stream compressed twice that inflates far beyond any page: refused before the
    library inflates it, in bounded memory, and never called a scanned page."""
    from plan_extract.read import guard

    monkeypatch.setattr(guard, "MAX_CONTENT_BYTES", 1 << 20)
    twice = zlib.compress(zlib.compress(b" " * (3 << 20)))
    stream = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream + twice + b"\nendstream",
    ]
    path = tmp_path / "bomb.pdf"
    path.write_bytes(minimal_pdf(objects))
    (problem,) = extract_document(path, reader=reader).problems
    assert problem.code == "pdf_too_complex"
    assert "a content stream (4 0 obj) inflates to more than 1 MiB" in problem.message
    assert "OCR" not in problem.message


def test_the_guard_skips_only_streams_too_small_to_pass_their_limit() -> None:
    """The guard does not inflate a stream whose size times deflate's bound is within its
    limit: zlib at its best (zeros, every level, raw and wrapped) stays within that bound."""
    from plan_extract.read import guard

    for size in (1 << 10, 1 << 16, 1 << 23):
        for level in (1, 6, 9):
            squeezed = zlib.compress(b"\0" * size, level)
            assert size <= len(squeezed) * guard.MAX_INFLATION
            raw = zlib.compressobj(level, wbits=-15)
            assert size <= len(raw.compress(b"\0" * size) + raw.flush()) * guard.MAX_INFLATION


@pytest.mark.parametrize("reader", READERS)
def test_a_repaired_cross_reference_table_is_a_warning(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "bad-xref.pdf"
    path.write_bytes(page_pdf(b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET", xref=False))
    problems = extract_document(path, reader=reader).problems
    repaired = [p for p in problems if p.code == "pdf_repaired"]
    assert len(repaired) == 1 and repaired[0].severity == "warning"
    assert "rows may be missing" in repaired[0].message


def test_pages_missing_from_the_page_tree_are_reported_alike(tmp_path: Path) -> None:
    """/Count says 3 pages, the tree holds 1: PDFium cannot load pages 2 and 3; the pdfplumber
    reader, whose pdfminer walks the tree silently, reports them the same way."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        flate_stream(b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path = tmp_path / "count.pdf"
    path.write_bytes(minimal_pdf(objects))
    pdfium, plumber = (extract_document(path, reader=reader) for reader in READERS)
    assert pdfium.problems == plumber.problems and pdfium.plan == plumber.plan
    missing = [p.page for p in pdfium.problems if p.code == "pdf_corrupt"]
    assert missing == [2, 3] and pdfium.plan.pages == 3


# Where a reference loop (4 0 R -> 5 0 R -> 4 0 R) is used: a page key, the page tree, the trailer.
LOOPS = {
    "mediabox": b"/MediaBox 4 0 R /Contents 6 0 R",
    "resources": b"/MediaBox [0 0 595 842] /Resources 4 0 R /Contents 6 0 R",
    "contents": b"/MediaBox [0 0 595 842] /Contents 4 0 R",
    "rotate": b"/MediaBox [0 0 595 842] /Rotate 4 0 R /Contents 6 0 R",
    "font": b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R",
    "info": b"/MediaBox [0 0 595 842] /Contents 6 0 R",
    "self": b"/MediaBox 7 0 R /Contents 6 0 R",
}


def _loop_pdf(name: str) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R " + LOOPS[name] + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"5 0 R",
        b"4 0 R",
        flate_stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"),
        b"7 0 R",
    ]
    data = minimal_pdf(objects)
    return data.replace(b"/Root 1 0 R", b"/Root 1 0 R /Info 4 0 R") if name == "info" else data


@pytest.mark.parametrize("reader", READERS)
def test_reference_loops_do_not_hang_either_reader(tmp_path: Path, reader: str) -> None:
    """pdfminer would loop forever in resolve1: the pdfplumber reader refuses such a file before
    pdfminer sees it; PDFium resolves the loop to nothing and reads on. Run in a subprocess, so
    that a regression fails the test instead of hanging the suite."""
    paths = []
    for name in sorted(LOOPS):
        paths.append(tmp_path / f"{name}.pdf")
        paths[-1].write_bytes(_loop_pdf(name))
    code = (
        "import sys; from pathlib import Path; from plan_extract.pipeline import extract_document\n"
        "for p in sys.argv[2:]:\n"
        "    print([x.code for x in extract_document(Path(p), reader=sys.argv[1]).problems])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, reader, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    results = done.stdout.splitlines()
    assert len(results) == len(LOOPS)
    if reader == "pdfplumber":
        assert set(results) == {"['pdf_corrupt']"}


def test_library_messages_do_not_reach_the_user(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"<< /Type /Catalog " * 500)
    for reader in READERS:
        (problem,) = extract_document(path, reader=reader).problems
        assert problem.code == "pdf_corrupt" and len(problem.message) < 300
        assert "<<" not in problem.message
