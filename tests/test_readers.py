"""The two PDF readers (PDFium, the default, and pdfplumber, the reference) agree on every PDF
fixture; the shared table finder agrees with pdfplumber's own; merged cells; the readers' guards."""

from __future__ import annotations

import subprocess
import sys
import zlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pytest
import regex

from plan_extract.model import TableRow
from plan_extract.pipeline import extract_document
from plan_extract.read import READERS, read_document
from plan_extract.read.pdf import page_content
from plan_extract.read.tables import find_tables

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = sorted(FIXTURES.glob("**/*.pdf"))
BOX_TOLERANCE = 1.0  # points


def _tables(path: Path, reader: str) -> dict[str, Any]:
    result = extract_document(path, reader=reader)
    return {
        "datasets": [asdict(r) for r in result.datasets],
        "plans": [asdict(result.plan)],
        "problems": [asdict(p) for p in result.problems],
    }


def _boxes_close(a: list[dict[str, float]] | None, b: list[dict[str, float]] | None) -> bool:
    if a is None or b is None:
        return a == b
    return len(a) == len(b) and all(
        x["page"] == y["page"]
        and all(abs(x[k] - y[k]) <= BOX_TOLERANCE for k in ("x0", "top", "x1", "bottom"))
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_both_readers_give_the_same_tables(pdf: Path) -> None:
    pdfium, plumber = _tables(pdf, "pdfium"), _tables(pdf, "pdfplumber")
    assert pdfium["plans"] == plumber["plans"]
    assert pdfium["problems"] == plumber["problems"]
    assert len(pdfium["datasets"]) == len(plumber["datasets"])
    for ours, theirs in zip(pdfium["datasets"], plumber["datasets"], strict=True):
        assert _boxes_close(ours.pop("source_bbox"), theirs.pop("source_bbox"))
        assert ours == theirs


def _close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(abs(x - y) < 0.01 for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("pdf", [p for p in PDFS if p.parent.name == "input"], ids=lambda p: p.name)
def test_table_finder_finds_pdfplumbers_cells(pdf: Path) -> None:
    """Our table finder is pdfplumber's "lines" strategy: the same cells on every fixture page."""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            theirs = page.find_tables({"vertical_strategy": "lines"})
            ours = find_tables(page_content(page, number).edges)
            assert len(ours) == len(theirs), f"page {number}"
            for mine, table in zip(ours, theirs, strict=True):
                expected = sorted(table.cells)
                assert len(mine.cells) == len(expected)
                assert all(_close(a, b) for a, b in zip(sorted(mine.cells), expected, strict=True))


def test_dedupe_is_pdfplumbers() -> None:
    """Our fake-bold removal keeps the chars pdfplumber's ``dedupe_chars`` keeps (keyed on text
    and size, as ours is)."""
    from pdfplumber.utils import dedupe_chars as theirs

    from plan_extract.read.page import Char, dedupe_chars

    with pdfplumber.open(FIXTURES / "pdf-fake-bold" / "input" / "fake-bold.zh-hant.pdf") as pdf:
        for page in pdf.pages:
            raw = page.chars
            ours = dedupe_chars(
                [Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"]) for c in raw]
            )
            kept = theirs(raw, extra_attrs=("size",))
            assert len(kept) < len(raw)
            assert [(c.text, c.x0, c.top) for c in ours] == [
                (c["text"], c["x0"], c["top"]) for c in kept
            ]


def _merged_cells_pdf(path: Path) -> Path:
    """A ruled table with a full-width category row and a remark merged over two rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    data = [
        ["No.", "Name", "Date", "Frequency", "Remarks"],
        ["Category: Transport", "", "", "", ""],
        ["1.", "Bus stops", "04/2019", "Monthly", "Shared remark"],
        ["2.", "Ferry piers", "05/2019", "Yearly", ""],
    ]
    table = Table(data, colWidths=[40, 120, 70, 80, 150], rowHeights=[20, 20, 20, 20])
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (0, 1), (4, 1)),
        ("SPAN", (4, 2), (4, 3)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=True).build([table])
    return path


@pytest.mark.parametrize("reader", READERS)
def test_merged_cells_are_covered_and_their_text_kept_whole(tmp_path: Path, reader: str) -> None:
    pdf = _merged_cells_pdf(tmp_path / "merged.pdf")
    rows = [b for b in read_document(pdf, reader).blocks if isinstance(b, TableRow)]
    assert [len(r.cells) for r in rows] == [5, 5, 5, 5]  # one entry per column in every row
    header, category, first, second = rows
    assert header.covered == frozenset() and header.cells[4] == ("Remarks",)
    assert category.cells[0] == ("Category: Transport",)
    assert category.covered == frozenset({1, 2, 3, 4})
    # centred over two rows, the remark straddles their border: it belongs to the row it starts in
    assert first.cells[4] == ("Shared remark",) and first.covered == frozenset()
    assert second.cells[:4] == (("2.",), ("Ferry piers",), ("05/2019",), ("Yearly",))
    assert second.cells[4] == () and second.covered == frozenset({4})


def _rotated_pages_pdf(path: Path) -> Path:
    """Four pages with /Rotate 90, 180, 270 and 0, each with a heading and a ruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    width, height = A4
    turns = {90: ((0, height), -90), 180: ((width, height), 180), 270: ((width, 0), 90)}
    for rotation in (90, 180, 270, 0):
        pdf.setPageRotation(rotation)
        (dx, dy), angle = turns.get(rotation, ((0, 0), 0))
        pdf.translate(dx, dy)
        pdf.rotate(angle)
        top = (width if rotation in (90, 270) else height) - 72
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, top, f"A. Page turned by {rotation} degrees")
        for row in range(3):
            for column, x in enumerate((72, 172, 272)):
                pdf.rect(x, top - 60 - 30 * row, 100, 30)
                pdf.drawString(x + 5, top - 50 - 30 * row, f"r{row}c{column}")
        pdf.showPage()
    pdf.save()
    return path


def test_scaled_text_has_its_size_on_the_page(tmp_path: Path) -> None:
    """``1 Tf`` scaled 12 times by the text matrix, or 6 pt text under a 2x CTM, is 12 pt text in
    both readers (PDFium's own font size is the ``Tf`` operand)."""
    from plan_extract.read import pdf as plumber_reader
    from plan_extract.read import pdfium as pdfium_reader

    content = (
        b"BT /F1 1 Tf 12 0 0 12 72 720 Tm (Scaled) Tj ET\n"
        b"q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 300 Td (Doubled) Tj ET Q\n"
        b"BT /F1 10 Tf 150 Tz 72 500 Td (Wide) Tj ET"
    )
    path = tmp_path / "scaled.pdf"
    path.write_bytes(_page_pdf(content))
    document = pypdfium2.PdfDocument(path)
    ours = pdfium_reader.page_content(document[0], 1, pdfium_reader._Buffers()).chars
    document.close()
    with pdfplumber.open(path) as pdf:
        theirs = plumber_reader.page_content(pdf.pages[0], 1).chars
    assert [c.text for c in ours] == [c.text for c in theirs]
    assert [round(c.size, 2) for c in ours] == [12.0] * 13 + [10.0] * 4
    for mine, reference in zip(ours, theirs, strict=True):
        assert all(abs(a - b) < 0.05 for a, b in zip(mine[1:], reference[1:], strict=True))


def test_ruling_lines_inside_form_xobjects_are_found_alike(tmp_path: Path) -> None:
    """A table grid drawn by a form XObject (with its own /Matrix), placed twice: scaled, and
    turned by a 90-degree CTM. Both readers see the same edges and tables."""
    from plan_extract.read import pdf as plumber_reader
    from plan_extract.read import pdfium as pdfium_reader
    from plan_extract.read.tables import Edge

    grid = b"".join(b"%d %d 100 30 re S\n" % (x, y) for x in (0, 100, 200) for y in (0, 30, 60))
    grid += b"10 10 m 290 10 l S 0 0 m 50 45 100 45 150 0 c S\n"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 200] /Matrix [1 0 0 1 10 20] "
    form += b"/Length %d >>\nstream\n" % len(grid) + grid + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 5 0 R >> >> >>",
        _stream(b"q 1.5 0 0 1.5 50 400 cm /X1 Do Q q 0 1 -1 0 500 100 cm /X1 Do Q"),
        form,
    ]
    path = tmp_path / "form.pdf"
    path.write_bytes(_minimal_pdf(objects))

    def long_enough(edges: list[Edge]) -> list[Edge]:
        return sorted(e for e in edges if e.length >= 1)

    document = pypdfium2.PdfDocument(path)
    ours = long_enough(pdfium_reader.page_content(document[0], 1, pdfium_reader._Buffers()).edges)
    document.close()
    with pdfplumber.open(path) as pdf:
        theirs = long_enough(plumber_reader.page_content(pdf.pages[0], 1).edges)
    assert len(ours) == len(theirs) == 76
    assert all(a[0] == b[0] and _close(a[1:], b[1:]) for a, b in zip(ours, theirs, strict=True))
    assert [t.cells for t in find_tables(ours)] == [t.cells for t in find_tables(theirs)]
    assert len(find_tables(ours)) == 2


def test_hidden_and_off_page_text_is_read_alike(tmp_path: Path) -> None:
    """Invisible (3 Tr, as in OCR layers), white, and off-page text: both libraries keep it."""
    content = (
        b"BT /F1 12 Tf 72 720 Td (On page) Tj ET\n"
        b"BT /F1 12 Tf 72 -100 Td (Below page) Tj ET\n"
        b"BT /F1 12 Tf 700 400 Td (Right of page) Tj ET\n"
        b"BT 3 Tr /F1 12 Tf 72 600 Td (Invisible text) Tj ET\n"
        b"1 1 1 rg BT /F1 12 Tf 72 500 Td (White text) Tj ET"
    )
    path = tmp_path / "hidden.pdf"
    path.write_bytes(_page_pdf(content))
    pdfium, plumber = (read_document(path, reader).blocks for reader in READERS)
    assert pdfium == plumber and len(pdfium) == 5


def test_rotated_pages_read_alike(tmp_path: Path) -> None:
    """/Rotate: pdfminer reads a page as it is displayed; the PDFium reader turns its
    coordinates the same way."""
    pdf = _rotated_pages_pdf(tmp_path / "rotated.pdf")
    pdfium, plumber = (read_document(pdf, reader).blocks for reader in READERS)
    assert pdfium == plumber
    assert len([b for b in pdfium if isinstance(b, TableRow)]) == 12


def _minimal_pdf(objects: list[bytes], xref: bool = True) -> bytes:
    """A PDF of the given objects (1 0 obj is the catalog); ``xref=False`` points startxref into
    the middle of the file, as a damaged download might."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % (start if xref else start // 2)
    return bytes(out)


def _stream(content: bytes) -> bytes:
    data = zlib.compress(content)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def _page_pdf(content: bytes, xref: bool = True) -> bytes:
    return _minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        xref,
    )


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
    path.write_bytes(_page_pdf(lines))
    problems = extract_document(path, reader=reader).problems
    errors = [p.code for p in problems if p.severity == "error"]
    assert errors in (["pdf_too_complex"], ["pdf_too_complex", "not_a_plan"])
    # PDFium counts the line breaks it adds to its text as characters too
    assert regex.search(r"page 1 has 12\d\d glyphs, over the limit of 500", problems[0].message)
    assert not any(p.code == "pdf_scanned" for p in problems)


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
    path.write_bytes(_minimal_pdf(objects))
    (problem,) = extract_document(path, reader=reader).problems
    assert problem.code == "pdf_too_complex"
    assert "a content stream (4 0 obj) inflates to more than 1 MiB" in problem.message
    assert "OCR" not in problem.message


@pytest.mark.parametrize("reader", READERS)
def test_a_repaired_cross_reference_table_is_a_warning(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "bad-xref.pdf"
    path.write_bytes(_page_pdf(b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET", xref=False))
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
        _stream(b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path = tmp_path / "count.pdf"
    path.write_bytes(_minimal_pdf(objects))
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
        _stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"),
        b"7 0 R",
    ]
    data = _minimal_pdf(objects)
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


def test_pdfplumber_chars_are_split_as_pdfium_splits_them() -> None:
    """pdfminer gives a ligature glyph, or a glyph mapped to several letters, as one char with
    one box; PDFium gives one char per letter, each with that box. The pdfplumber reader splits
    them the same way, and "(cid:N)" is an unmapped glyph (U+FFFD) in both."""
    from plan_extract.read.page import UNMAPPED
    from plan_extract.read.pdf import chars_of

    def char(text: str) -> dict[str, Any]:
        return {"text": text, "x0": 10.0, "x1": 16.0, "size": 10.0, "matrix": (1, 0, 0, 1, 10, 700)}

    assert [c.text for c in chars_of(char("\ufb01"), 792)] == ["f", "i"]
    assert [c.text for c in chars_of(char("ff"), 792)] == ["f", "f"]
    assert [c.text for c in chars_of(char("(cid:12)"), 792)] == [UNMAPPED]
    (a,) = chars_of(char("A"), 792)
    assert (a.x0, a.x1) == (10.0, 16.0) and a.top == pytest.approx(92 - 8.8)


def test_reader_name_is_checked() -> None:
    from plan_extract.errors import UsageError

    with pytest.raises(UsageError, match="unknown PDF reader"):
        read_document(PDFS[0], "poppler")


def test_cli_reader_flag(tmp_path: Path) -> None:
    from plan_extract.cli import main

    pdf = FIXTURES / "pdf-wraps" / "input" / "ogcio-2018-wraps.zh-hant.pdf"
    for reader in READERS:
        assert main(["extract", str(pdf), "--out", str(tmp_path / reader), "--reader", reader]) == 0
    assert (tmp_path / "pdfium" / "datasets.csv").read_bytes() == (
        tmp_path / "pdfplumber" / "datasets.csv"
    ).read_bytes()
    with pytest.raises(SystemExit):
        main(["extract", str(pdf), "--out", str(tmp_path), "--reader", "x"])


def test_table_finder_stages_on_hand_made_edges() -> None:
    """Each stage alone: edges within 3 pt snap together and collinear pieces join; crossings;
    cells (a merged cell is one cell); rows with None where no cell starts; covered positions."""
    from plan_extract.read.page import Char, page_blocks
    from plan_extract.read.tables import Edge, cells, intersections, merge_edges, polyline_edges

    # A 3x3 grid 0..300 x 0..90; the middle column's rows 2-3 are one merged cell (no line at
    # y=60 between x=100 and x=200); the bottom-right cell is missing (an L-shaped table).
    edges = polyline_edges([(0, 0), (300, 0)]) + polyline_edges([(0, 30), (300, 30)])
    edges += polyline_edges([(0, 60), (100, 60)]) + polyline_edges([(200, 60), (301.5, 60)])
    edges += polyline_edges([(0, 90), (200, 90)])
    edges += polyline_edges([(0, 0), (0, 90)]) + polyline_edges([(100, 0), (100, 90)])
    edges += polyline_edges([(200, 0), (200, 45)]) + polyline_edges([(200, 46), (200, 90)])
    edges += polyline_edges([(299, 0), (299, 60)]) + polyline_edges([(10, 10), (20, 25)])
    merged = merge_edges(edges)
    assert Edge("v", 200, 0, 200, 90) in merged  # joined across the 1 pt gap
    assert Edge("v", 299, 0, 299, 60) in merged and Edge("h", 200, 60, 301.5, 60) in merged
    points = intersections(merged)
    assert (200, 90) in points and (299, 90) not in points
    found = cells(points)
    assert (100, 30, 200, 90) in found  # the merged cell, whole
    assert len(found) == 7
    (table,) = find_tables(edges, min_columns=3)
    assert [r.cells.count(None) for r in table.rows] == [0, 0, 2]  # merged above, missing

    def char(text: str, x: float, top: float) -> Char:
        return Char(text, x, top, x + 8, top + 10, 10)

    chars = [char("M", 140, 55), char("x", 240, 70), char("a", 40, 70)]
    blocks, count = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert count == 1 and [r.covered for r in rows] == [frozenset(), frozenset(), frozenset({1})]
    assert rows[1].cells[1] == ("M",)  # the merged cell's text, in the row where it starts
    assert rows[2].cells == (("a",), (), ())  # the missing cell is empty, not covered
    assert any(getattr(b, "text", None) == "x" for b in blocks)  # in no cell: a text line
