"""The two PDF readers (PDFium, the default, and pdfplumber, the reference) agree on every PDF
fixture; the shared table finder agrees with pdfplumber's own; merged cells; the readers' guards."""

from __future__ import annotations

from dataclasses import asdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pdf_builders import flate_stream, minimal_pdf, page_pdf
from plan_extract.model import TableRow, TextLine
from plan_extract.pipeline import extract_document
from plan_extract.read import read_document
from plan_extract.read.page import Carried, Char, PageContent
from plan_extract.read.pdf import page_content
from plan_extract.read.tables import Edge, find_tables, polyline_edges
from plan_extract.settings import READERS

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = sorted(FIXTURES.glob("**/*.pdf"))
BOX_TOLERANCE = 1.0  # points


def _box(x0: float, top: float, x1: float, bottom: float) -> list[Edge]:
    """The four rules of a rectangle (a cell)."""
    return polyline_edges([(x0, top), (x1, top), (x1, bottom), (x0, bottom), (x0, top)])


def _word(text: str, x: float, top: float) -> list[Char]:
    """``text`` as chars 6 pt wide, 10 pt high, from ``x``."""
    return [Char(ch, x + 6 * i, top, x + 6 * (i + 1), top + 10, 10) for i, ch in enumerate(text)]


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


# Chars on a 0.25 pt grid, so that runs chain within the 1 pt tolerance down and across; no
# letters, which join_ligatures would join where two share a box.
_grid = st.integers(0, 12).map(lambda n: n * 0.25)
_raw_chars = st.lists(
    st.tuples(st.sampled_from("1-。"), _grid, _grid, st.sampled_from([9.0, 10.0])), max_size=40
)


@given(_raw_chars)
def test_dedupe_keeps_what_pdfplumber_keeps(raw: list[tuple[str, float, float, float]]) -> None:
    """On chars that chain every way (copies of copies, one char twice on a line, sizes apart),
    ours keeps what pdfplumber's ``dedupe_chars`` keeps, in drawing order."""
    from pdfplumber.utils import dedupe_chars as theirs

    from plan_extract.read.page import Char, dedupe_chars

    chars = [Char(text, x0, top, x0 + size, top + size, size) for text, x0, top, size in raw]
    dicts = [
        {"text": text, "x0": x0, "top": top, "doctop": top, "size": size, "upright": True}
        for text, x0, top, size in raw
    ]
    kept = theirs(dicts, extra_attrs=("size",))
    assert [(c.text, c.x0, c.top, c.size) for c in dedupe_chars(chars)] == [
        (c["text"], c["x0"], c["top"], c["size"]) for c in kept
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


def _first_page(path: Path) -> PageContent:
    """The PDFium reader's content of a PDF file's first page."""
    from plan_extract.read import pdfium as pdfium_reader
    from plan_extract.read import pdfium_lib

    data = path.read_bytes()
    pdf = pdfium_reader._open(data)
    page = pdfium_lib.FPDF_LoadPage(pdf, 0)
    try:
        return pdfium_reader.page_content(page, 1, pdfium_reader._Buffers())
    finally:
        pdfium_lib.FPDF_ClosePage(page)
        pdfium_lib.FPDF_CloseDocument(pdf)


def test_scaled_text_has_its_size_on_the_page(tmp_path: Path) -> None:
    """``1 Tf`` scaled 12 times by the text matrix, or 6 pt text under a 2x CTM, is 12 pt text in
    both readers (PDFium's own font size is the ``Tf`` operand)."""
    from plan_extract.read import pdf as plumber_reader

    content = (
        b"BT /F1 1 Tf 12 0 0 12 72 720 Tm (Scaled) Tj ET\n"
        b"q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 300 Td (Doubled) Tj ET Q\n"
        b"BT /F1 10 Tf 150 Tz 72 500 Td (Wide) Tj ET"
    )
    path = tmp_path / "scaled.pdf"
    path.write_bytes(page_pdf(content))
    ours = _first_page(path).chars
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

    grid = b"".join(b"%d %d 100 30 re S\n" % (x, y) for x in (0, 100, 200) for y in (0, 30, 60))
    grid += b"10 10 m 290 10 l S 0 0 m 50 45 100 45 150 0 c S\n"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 200] /Matrix [1 0 0 1 10 20] "
    form += b"/Length %d >>\nstream\n" % len(grid) + grid + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 5 0 R >> >> >>",
        flate_stream(b"q 1.5 0 0 1.5 50 400 cm /X1 Do Q q 0 1 -1 0 500 100 cm /X1 Do Q"),
        form,
    ]
    path = tmp_path / "form.pdf"
    path.write_bytes(minimal_pdf(objects))

    def long_enough(edges: list[Edge]) -> list[Edge]:
        return sorted(e for e in edges if e.length >= 1)

    ours = long_enough(_first_page(path).edges)
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
    path.write_bytes(page_pdf(content))
    pdfium, plumber = (read_document(path, reader).blocks for reader in READERS)
    assert pdfium == plumber and len(pdfium) == 5


def test_rotated_pages_read_alike(tmp_path: Path) -> None:
    """/Rotate: pdfminer reads a page as it is displayed; the PDFium reader turns its
    coordinates the same way."""
    pdf = _rotated_pages_pdf(tmp_path / "rotated.pdf")
    pdfium, plumber = (read_document(pdf, reader).blocks for reader in READERS)
    assert pdfium == plumber
    assert len([b for b in pdfium if isinstance(b, TableRow)]) == 12


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


def test_rules_drawn_in_dots_are_rules() -> None:
    """HTML exploration, seed 5008: Chromium draws a dotted border as a square path per dot,
    0.8 pt a side, 2 pt apart, which the prefilter (pdfplumber's: pieces under 1 pt) dropped, so
    a table in dotted rules had no cells. Dots in line within the join tolerance make one rule; a
    lone bullet and a dot's sides across its rule are no rule."""
    from plan_extract.read.tables import dotted_rules, find_tables, merge_edges

    def dots(x0: float, y0: float, x1: float, y1: float) -> list[Edge]:
        steps = int(max(x1 - x0, y1 - y0) / 2)
        return [
            edge
            for n in range(steps + 1)
            for x, y in [(x0 + (x1 - x0) * n / steps, y0 + (y1 - y0) * n / steps)]
            for edge in _box(x, y, x + 0.8, y + 0.8)
        ]

    edges = [e for y in (0, 30, 60) for e in dots(0, y, 300, y)]
    edges += [e for x in (0, 100, 200, 300) for e in dots(x, 0, x, 60)]
    edges += _box(400, 10, 400.8, 10.8)  # a bullet
    assert find_tables(edges, min_columns=3) == []
    (table,) = find_tables(dotted_rules(edges), min_columns=3)
    assert len(table.rows) == 2 and table.columns == pytest.approx([0.4, 100.4, 200.4])
    assert all(e.length > 3 for e in merge_edges(dotted_rules(edges)))
    plain = _box(0, 0, 100, 30)
    assert dotted_rules(plain) == plain


def test_cell_locator_groups_points_by_cell() -> None:
    """A char whose centre is on a cell's left or top edge is in it, on the table's right or
    bottom edge in the last cell; in a table's hole, in the next table with a cell there, or in
    none; each table keeps its own cells, and each cell its chars in the order given."""
    from plan_extract.read.locate import CellLocator
    from plan_extract.read.page import Char
    from plan_extract.read.tables import Table

    a, b, c = (0.0, 0.0, 10.0, 10.0), (10.0, 0.0, 20.0, 10.0), (0.0, 10.0, 10.0, 20.0)
    left = Table((a, b, c))  # the square 10..20 x 10..20 is a hole
    d, e = (30.0, 0.0, 40.0, 10.0), (40.0, 0.0, 50.0, 10.0)
    right = Table((d, e))
    f, g = (12.0, 12.0, 15.0, 18.0), (15.0, 12.0, 18.0, 18.0)
    inner = Table((f, g))  # in the hole of the first
    centres = [(5, 5), (20, 5), (11, 11), (5, 20), (50, 10), (25, 5), (35, 5), (10, 5), (16, 13)]
    p, q, r, s, t, u, v, w, x = (
        Char(n, x - 1, y - 2, x + 1, y + 2, 4)
        for n, (x, y) in zip("pqrstuvwx", centres, strict=True)
    )
    tables, outside = CellLocator([left, right, inner]).group([p, q, r, s, t, u, v, w, x])
    assert tables == [{a: [p], b: [q, w], c: [s]}, {d: [v], e: [t]}, {g: [x]}]
    assert outside == [r, u]


def _kind(ctype: Any) -> object:
    """What a ctypes type passes: a pointer (typed or not, pypdfium2's opaque handle types and
    ours are different classes), or the simple type itself."""
    import ctypes

    if ctype is None:
        return None
    if issubclass(ctype, ctypes._Pointer):
        target = ctype._type_
        if issubclass(target, ctypes.Structure):  # an opaque handle has no fields
            return ("pointer to", [(n, _kind(t)) for n, t in getattr(target, "_fields_", ())])
        return ("pointer to", _kind(target))
    if issubclass(ctype, ctypes.Structure):
        return [(n, _kind(t)) for n, t in ctype._fields_]
    return ctype


def test_pdfium_declarations_are_pypdfium2s() -> None:
    """The reader's own declarations of the PDFium functions it calls (read/pdfium_lib.py, not
    pypdfium2's bindings: ~35 ms less in every worker) give each the argument and result types
    pypdfium2's bindings do, on the same library file: a pypdfium2 release that changes one fails
    here."""
    import pypdfium2_raw as raw

    from plan_extract.read import pdfium_lib

    assert len(pdfium_lib.DECLARED) == 35
    for name in pdfium_lib.DECLARED:
        ours, theirs = getattr(pdfium_lib, name), getattr(raw, name)
        assert _kind(ours.restype) == _kind(theirs.restype), name
        assert [_kind(t) for t in ours.argtypes] == [_kind(t) for t in theirs.argtypes], name
    for struct in ("FS_RECTF", "FS_MATRIX", "FPDF_LIBRARY_CONFIG"):
        assert _kind(getattr(pdfium_lib, struct)) == _kind(getattr(raw, struct)), struct
    for constant in ("FPDF_ERR_PASSWORD", "FPDF_PAGEOBJ_PATH", "FPDF_PAGEOBJ_FORM"):
        assert getattr(pdfium_lib, constant) == getattr(raw, constant)
    assert (pdfium_lib.FPDF_SEGMENT_MOVETO, pdfium_lib.FPDF_SEGMENT_BEZIERTO) == (
        raw.FPDF_SEGMENT_MOVETO,
        raw.FPDF_SEGMENT_BEZIERTO,
    )
    assert pdfium_lib.library_path().parent.samefile(Path(raw.__file__).parent)


def test_the_reader_does_not_import_pypdfium2() -> None:
    """Reading a PDF loads PDFium without pypdfium2's Python bindings (in a fresh process)."""
    import subprocess
    import sys

    pdf = FIXTURES / "pdf-wraps" / "input" / "ogcio-2018-wraps.zh-hant.pdf"
    code = (
        "import sys; from pathlib import Path; from plan_extract.read import read_document; "
        f"assert read_document(Path({str(pdf)!r})).blocks; "
        "print(any(m.startswith('pypdfium2') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_only_int_and_pointer_arguments_are_passed_unchecked() -> None:
    """The PDFium reader calls its per-char functions without ctypes' argument checks, which
    passes a Python int as a C int: a function taking anything else is refused at import."""
    import pypdfium2.raw as raw

    from plan_extract.read import pdfium as pdfium_reader

    with pytest.raises(TypeError, match="FPDFFormObj_GetObject takes a c_ulong"):
        pdfium_reader._unchecked(raw.FPDFFormObj_GetObject)
    assert pdfium_reader._font_size.restype is raw.FPDFText_GetFontSize.restype


def _line_chars(text: str, top: float, x0: float = 5.4, width: float = 6.0) -> list[Char]:
    """A line of ``text`` in a cell, each char ``width`` points wide (a space too)."""
    return [
        Char(ch, x0 + i * width, top, x0 + (i + 1) * width, top + 10, 10)
        for i, ch in enumerate(text)
    ]


@pytest.mark.parametrize(
    ("lines", "pieces"),
    [
        # a word wider than the column, broken where the next char would pass the padding
        (["Informatio", "n Unit"], ("Information Unit",)),
        (["Informatio", "n", "Technolog", "y"], ("Information", "Technology")),
        (["KM", "L、KMZ"], ("KML、KMZ",)),  # a format name in a list
        (["Informati", "on"], ("Information",)),  # "on" is a word: joined where the line is full
        # a whole word that happens to fill its line: the next line starts a word of its own
        (["Technology", "Management"], ("Technology", "Management")),
        (["Commerce", "and Industry"], ("Commerce", "and Industry")),
        (["Technology", "(note)"], ("Technology", "(note)")),
        (["Data", "set"], ("Data", "set")),  # two words, and one: left as printed
        # a line of two words is never half of one; nor is a line of Chinese
        (["Land Sale", "records"], ("Land Sale", "records")),
        (["數據集名稱", "n"], ("數據集名稱", "n")),
        # a date wider than the column (random Word layouts, seeds 83 and 113: '30.04.202 2')
        (["30.04.202", "2"], ("30.04.2022",)),
        (["29/02/202", "0"], ("29/02/2020",)),
    ],
)
def test_a_word_broken_by_a_narrow_column_is_joined(
    lines: list[str], pieces: tuple[str, ...]
) -> None:
    """Word breaks a word wider than its column mid-word (issue 7: "Informatio n Technolog y
    Manageme nt Unit" in a narrow Contact Unit column). The cell's box and left padding say where
    a line is full (here the first line fills it: 5.4 pt padding on each side, 6 pt a char), and
    the catalogue's words whether the pieces make one word."""
    from plan_extract.read.page import cell_pieces

    chars = [c for n, line in enumerate(lines) for c in _line_chars(line, 12.0 * n)]
    height = 12.0 * len(lines)
    assert cell_pieces(chars, (0.0, 0.0, 10.8 + 6 * len(lines[0]), height)) == pieces
    assert cell_pieces(chars) == tuple(lines)  # no box: nothing joined


def test_a_broken_word_whose_last_piece_is_a_word_must_fill_its_line() -> None:
    """ "Informati" / "on" is one word only where "Informati" filled its line: in a wider cell
    "on" was a word of its own; "Informatio" / "n" is one word in any cell ("n" is no word)."""
    from plan_extract.read.page import cell_pieces

    cases = ((["Informati", "on"], False), (["Informatio", "n"], True), (["2019", "2020"], False))
    for lines, joined in cases:
        chars = [c for n, line in enumerate(lines) for c in _line_chars(line, 12.0 * n)]
        wide = cell_pieces(chars, (0.0, 0.0, 140.0, 24.0))
        assert wide == (("Information",) if joined else tuple(lines))


def test_rows_a_table_style_leaves_unruled_are_read_by_column() -> None:
    """A table ruled only in part (Word's "Light List": a ruled header, then rows with no inner
    lines) gives one cell across the table for its unruled rows: each line whose text starts in
    two columns or more is a row of those columns; a line of one run (a grouping row) stays whole.
    And a cell over two columns whose rule is missing ("Medium Shading 1") gives each its text."""
    from plan_extract.read.page import page_blocks

    # header cells at x 0-100-200-300, then one cell 0-300 for the rest of the table
    edges = (
        _box(0, 0, 100, 20) + _box(100, 0, 200, 20) + _box(200, 0, 300, 20) + _box(0, 20, 300, 80)
    )
    chars = _word("Item", 5, 5) + _word("Name", 105, 5) + _word("Date", 205, 5)
    chars += _word("1.", 5, 25) + _word("Alpha", 105, 25) + _word("04/2019", 205, 25)
    chars += _word("Environment and Conservation", 5, 45)  # one run over two columns
    chars += _word("2.", 5, 62) + _word("Beta", 105, 62) + _word("05/2019", 205, 62)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows == [
        (("Item",), ("Name",), ("Date",)),
        (("1.",), ("Alpha",), ("04/2019",)),
        (("Environment and Conservation",), (), ()),
        (("2.",), ("Beta",), ("05/2019",)),
    ]
    # one cell over the item and name columns, the date cell ruled
    edges = _box(0, 0, 100, 20) + _box(100, 0, 200, 20) + _box(200, 0, 300, 20)
    edges += _box(0, 20, 200, 40) + _box(200, 20, 300, 40)
    chars = _word("Item", 5, 5) + _word("Name", 105, 5) + _word("Date", 205, 5)
    chars += _word("1.", 5, 25) + _word("Alpha", 105, 25) + _word("04/2019", 205, 25)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    body = [b for b in blocks if isinstance(b, TableRow)][1]
    assert body.cells == (("1.",), ("Alpha",), ("04/2019",)) and not body.covered


def _light_list_with_a_merged_category(category_top: float) -> tuple[list[Char], list[Edge]]:
    """A header and a first row ruled in four columns whose third cell, the category, is merged
    with the row below (no rule under it there); the second row unruled down to the table's
    foot at y=70; the category's text at ``category_top``."""
    edges = []
    for x0, x1 in ((0, 60), (60, 120), (120, 180), (180, 300)):
        edges += _box(x0, 0, x1, 20) + polyline_edges([(x0, 20), (x0, 50)])
    edges += polyline_edges([(0, 50), (120, 50)]) + polyline_edges([(180, 50), (300, 50)])
    edges += polyline_edges([(300, 20), (300, 70)]) + polyline_edges([(0, 50), (0, 70)])
    edges += polyline_edges([(0, 70), (300, 70)])
    chars = (
        _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Cat", 125, 5) + _word("Date", 185, 5)
    )
    chars += _word("1.", 5, 30) + _word("Alpha", 65, 30) + _word("04/2019", 185, 30)
    chars += _word("2.", 5, 55) + _word("Beta", 65, 55) + _word("05/2019", 185, 55)
    return chars + _word("Food", 125, category_top), edges


def test_a_merged_cell_without_its_rules_keeps_its_rows_in_the_table() -> None:
    """Word's "Light List": a merged category cell interrupts the rules between rows, so no cell
    is found where it is nor below the row it starts at, though the table's outer rules go on.
    Its text, in a hole between two cells, is that row's; the rows the outer rules enclose below
    the last cells are read by the table's columns."""
    from plan_extract.read.page import page_blocks

    # the category's text at the top of the merged cell, beside the first row
    blocks, _ = page_blocks(*_light_list_with_a_merged_category(30), 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Item",), ("Name",), ("Cat",), ("Date",)),
        (("1.",), ("Alpha",), ("Food",), ("04/2019",)),
        (("2.",), ("Beta",), (), ("05/2019",)),
    ]
    assert not [b for b in blocks if not isinstance(b, TableRow)]


def test_a_row_framed_at_the_top_of_a_page_without_its_top_rule_is_a_row_of_the_table() -> None:
    """Word's "Light List" with the header printed once, a table without item numbers going on
    from the page before (the LandsD bilingual fixture laid out so): the page's first row is
    framed by the table's outer rules and ruled under, but has no rule above it, so no cell was
    found there; its lines were read one at a time and the last line of a note in its first
    column ("month") became the next rows' category. The row the outer rules enclose above the
    first cells is a row of the table's columns."""
    from plan_extract.read.page import page_blocks

    edges = polyline_edges([(0, 0), (0, 90)]) + polyline_edges([(300, 0), (300, 90)])
    for x0, x1 in ((0, 100), (100, 200), (200, 300)):
        edges += _box(x0, 50, x1, 90)
    chars = _word("31.01.2023", 5, 5) + _word("Street", 105, 5) + _word("Yearly", 205, 5)
    chars += _word("Note:", 5, 18) + _word("Name", 105, 18) + _word("month", 5, 31)
    chars += _word("05/2023", 5, 55) + _word("Facilities", 105, 55) + _word("Monthly", 205, 55)
    blocks, _ = page_blocks(chars, edges, 2, 0)
    assert [b.cells for b in blocks] == [
        (("31.01.2023", "Note:", "month"), ("Street", "Name"), ("Yearly",)),
        (("05/2023",), ("Facilities",), ("Monthly",)),
    ]
    # outer rules that stop at the first cells' top enclose nothing above them
    blocks, _ = page_blocks(chars, edges[2:] + polyline_edges([(0, 50), (0, 90)]), 2, 0)
    assert not isinstance(blocks[0], TableRow)


def test_a_first_column_merged_beside_a_ruled_row_and_an_unruled_one_keeps_both_rows() -> None:
    """Random Word layouts with looks, seed 1567 ("Light List", no item column, the category
    merged over a table's two rows): the first row is ruled in every column but the category's,
    the second not at all; the corners of the table's outer rules made one cell of the category
    and the second row, as wide as the table, over the first row's cells, and the first row's
    text was lost (nothing said so). A cell with a cell's bottom part way down it holds that
    cell: it is left out as a container, and both rows are read."""
    from plan_extract.read.page import page_blocks

    edges = []
    for x0, x1 in ((0, 60), (60, 120), (120, 180), (180, 300)):
        edges += _box(x0, 0, x1, 20)
    for x0, x1 in ((60, 120), (120, 180), (180, 300)):
        edges += _box(x0, 20, x1, 50)
    edges += polyline_edges([(0, 20), (0, 80), (300, 80), (300, 20)])
    chars = _word("Cat", 5, 5) + _word("Name", 65, 5) + _word("Unit", 125, 5)
    chars += _word("Date", 185, 5) + _word("Food", 5, 30)
    chars += _word("Alpha", 65, 30) + _word("Stats", 125, 30) + _word("04/2019", 185, 30)
    chars += _word("Beta", 65, 58) + _word("IT", 125, 58) + _word("05/2019", 185, 58)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Cat",), ("Name",), ("Unit",), ("Date",)),
        (("Food",), ("Alpha",), ("Stats",), ("04/2019",)),
        ((), ("Beta",), ("IT",), ("05/2019",)),
    ]
    assert not [b for b in blocks if not isinstance(b, TableRow)]


@pytest.mark.parametrize("reader", READERS)
def test_text_the_reader_lost_is_a_problem_record(monkeypatch: Any, reader: str) -> None:
    """Nothing is lost silently, the reader's own slips included: a page whose characters are
    not all in its rows and lines (seed 1567 lost a row so) gets a ``pdf_text_lost`` error
    naming the page and how many; the fixtures have none (every page reads whole)."""
    import plan_extract.read.page as page_module

    pdf = FIXTURES / "pdf-wraps" / "input" / "ogcio-2018-wraps.zh-hant.pdf"
    assert not [p for p in read_document(pdf, reader).problems if p.code == "pdf_text_lost"]
    real = page_module.page_blocks

    def dropping_a_row(*args: Any, **kwargs: Any) -> tuple[list[Any], int]:
        blocks, count = real(*args, **kwargs)
        rows = [i for i, block in enumerate(blocks) if isinstance(block, TableRow)]
        return [b for i, b in enumerate(blocks) if i != rows[-1]], count

    monkeypatch.setattr(page_module, "page_blocks", dropping_a_row)
    lost = [p for p in read_document(pdf, reader).problems if p.code == "pdf_text_lost"]
    assert lost and lost[0].severity == "error" and lost[0].page == 1
    assert "of its characters are in no row or line" in lost[0].message


def test_a_merged_cell_centred_top_to_bottom_is_the_text_of_the_row_it_starts_at() -> None:
    """Random Word layouts with looks, seed 1052 ("Light List", cells centred top to bottom): a
    category merged over two rows prints its text in the middle of both, beside the taller second
    row, and the first row, where the merged cell starts (no cell there: no rule closes it), had
    none. The text below a hole that no rule closes is the merged cell's: the row where it starts
    takes it, and the row below is covered by it, as under a ruled merged cell."""
    from plan_extract.read.page import page_blocks

    blocks, _ = page_blocks(*_light_list_with_a_merged_category(52), 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [b.cells for b in rows] == [
        (("Item",), ("Name",), ("Cat",), ("Date",)),
        (("1.",), ("Alpha",), ("Food",), ("04/2019",)),
        (("2.",), ("Beta",), (), ("05/2019",)),
    ]
    assert rows[2].covered == {2}


def test_a_table_under_a_merged_cells_unruled_row_is_not_read_into_it() -> None:
    """Random Word layouts with looks, seed 1057 ("Light List", a category merged over the first
    two rows, centred): the first rows' table has no cell where the merged category starts, so
    its last row's columns were not known and the rows below were not joined to it; its outer
    rules, going on down past the unruled second row and the ruled third, made one cell of both,
    read a line at a time, and the third row's table read its text again. The merged cell's
    columns are the row's; the unruled row is a row of them, the third row its own."""
    from plan_extract.read.page import page_blocks

    chars, edges = _light_list_with_a_merged_category(52)
    for x0, x1 in ((0, 60), (60, 120), (120, 180), (180, 300)):  # the third row, ruled
        edges += _box(x0, 70, x1, 90)
    chars += _word("3.", 5, 75) + _word("Gamma", 65, 75) + _word("Fish", 125, 75)
    chars += _word("06/2019", 185, 75)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1:] == [
        (("1.",), ("Alpha",), ("Food",), ("04/2019",)),
        (("2.",), ("Beta",), (), ("05/2019",)),
        (("3.",), ("Gamma",), ("Fish",), ("06/2019",)),
    ]
    assert not [b for b in blocks if isinstance(b, TextLine)]


@pytest.mark.parametrize(
    ("first_rows", "lines", "category"),
    [
        (20.0, ("Commerce and", "Industry"), ("Commerce and", "Industry")),
        (30.0, ("Commerce and", "Industry"), ("Commerce and", "Industry")),
        # random Word layouts with looks, seed 1309: a word the narrow column broke between
        # the squares of two rows is one word again, as in one square
        (20.0, ("Developme", "nt"), ("Development",)),
    ],
)  # the header and the first row's height; the category's lines, and what is read
def test_a_category_merged_over_rows_ruled_one_in_two_is_the_first_rows(
    first_rows: float, lines: tuple[str, str], category: tuple[str, ...]
) -> None:
    """Word's "Light List" rules every other row and cuts the rules between the rows a merged
    category spans ("Light List" with cells centred top to bottom, the EMSD fixtures): the
    outer rules joined around the unruled rows made one cell over rows 2 to 5 and the ruled
    rows' cells inside it, and the category, printed across rows 3 and 4, was read with those
    two ("Commerce and" / "Industry"), row 2 taking the category above. A cell holding others
    is no cell: the rows are ruled ones and the rows between them; the merged cell starts at row
    2 (no rule under its square) and goes on down to the rule closing it, its text the first
    row's, the rows under it covered. ("Medium Shading 1": the first rows twice the others'
    height, the cell over rows 2 to 5 no taller than twice theirs.)"""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 100), (100, 200), (200, 300), (300, 360))
    shift = 2 * first_rows - 40  # everything under the first rows moves down by this
    edges = [
        e
        for x0, x1 in columns
        for e in _box(x0, 0, x1, first_rows) + _box(x0, first_rows, x1, 2 * first_rows)
    ]
    below: list[Edge] = []
    for y in (55, 70, 85):  # the rules between rows 2 to 5, cut by the merged category
        below += [_rule(0, 100, y), _rule(200, 360, y)]
    below += [_rule(0, 360, 100), *polyline_edges([(0, 40), (0, 100)])]
    below += polyline_edges([(360, 40), (360, 100)])
    for top, bottom in ((55, 70), (85, 100)):  # rows 3 and 5 ruled between their columns
        for x in (40, 100, 200, 300):
            below += polyline_edges([(x, top), (x, bottom)])
    edges += [e._replace(top=e.top + shift, bottom=e.bottom + shift) for e in below]
    chars = _word("Item", 5, 5) + _word("Date", 45, 5) + _word("Category", 105, 5)
    chars += _word("Name", 205, 5) + _word("Frequency", 305, 5) + _word("1.", 5, 25)
    chars += _word("03/2023", 45, 25) + _word("Environment", 105, 25) + _word("Energy", 205, 25)
    chars += _word("Yearly", 305, 25)
    for n, name in enumerate(("Gas", "Lifts", "Escalators", "Assessors")):
        top = 42.5 + 15 * n + shift
        chars += _word(f"{n + 2}.", 5, top) + _word("05/2023", 45, top) + _word(name, 205, top)
        chars += _word("Weekly", 305, top)
    chars += _word(lines[0], 105, 58 + shift) + _word(lines[1], 105, 73 + shift)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells[2] for r in rows] == [("Category",), ("Environment",), category, (), (), ()]
    assert [r.cells[3] for r in rows][2:] == [("Gas",), ("Lifts",), ("Escalators",), ("Assessors",)]
    assert [2 in r.covered for r in rows] == [False, False, False, True, True, True]
    assert len({r.table for r in rows}) == 1


def test_a_filled_row_short_of_a_merged_cell_at_the_tables_side_goes_on_the_stack() -> None:
    """Random Word layouts with looks, seed 1121 ("Light Shading", a category merged over an
    unfilled row and the filled one under it, in the last column): the filled row's fill stops
    short of the merged cell, left unfilled, so its first row lacked a column and it was no part
    of the stack above; the unfilled row above took both rows' text, two datasets in one. A table
    whose first row has all the columns but those on one side goes on the stack, a square over
    them in its place; the merged cell's text is the first row's, the row under it covered."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 240), (240, 320))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    edges += [e for x0, x1 in columns[:3] for e in _box(x0, 60, x1, 80)]  # row 3, short
    edges += [_rule(0, 320, 80)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Category", 245.4, 5)
    for label, name, top in (("(1)", "Alpha", 25), ("(2)", "Beta", 45), ("(3)", "Gamma", 65)):
        chars += _word(label, 5.4, top) + _word(name, 45.4, top) + _word("2024", 165.4, top)
    chars += _word("Population", 245.4, 25) + _word("Commerce and", 245.4, 51)
    chars += _word("Industry", 245.4, 62)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells[0] for r in rows] == [("Item",), ("(1)",), ("(2)",), ("(3)",)]
    assert [r.cells[3] for r in rows][1:] == [("Population",), ("Commerce and", "Industry"), ()]
    assert 3 in rows[3].covered and len({r.table for r in rows}) == 1


def test_a_page_s_first_row_short_of_a_merged_cell_from_the_page_before_has_its_columns() -> None:
    """Random Word layouts with looks, seed 1403 ("Light Shading", cells centred top to bottom):
    a category merged down across the page break leaves its square on the next page unfilled, so
    the page's first filled row lacks the table's last column; the header repeated above it took
    that row's columns, and its last label ("Category") was read as a line of text, then as the
    row's category. The columns of the page before's table are the row's, where the rules above
    it span them all."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 240.0), (240.0, 320.0)]
    edges = [_rule(0, 320, 0), _rule(0, 320, 20)]  # the repeated header, ruled above and below
    edges += [e for x0, x1 in columns[:3] for e in _box(x0, 20, x1, 40)]  # row 3, short
    edges += [_rule(0, 320, 40)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Category", 245.4, 5)
    chars += _word("(3)", 5.4, 25) + _word("Gamma", 45.4, 25) + _word("2024", 165.4, 25)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b for b in blocks if isinstance(b, TextLine)] == []
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Item",), ("Name",), ("Date",), ("Category",)),
        (("(3)",), ("Gamma",), ("2024",), ()),
    ]


def test_a_row_found_as_two_tables_left_and_right_of_an_unfilled_cell_is_one_row() -> None:
    """Word's "Light Shading" draws a row as fills; the rest of a merged category cell from the
    page before is left unfilled, so the row is found as two tables, left and right of it (random
    Word layouts, seed 108: the right part's date and contact became a row of their own). Side
    by side with the same rows, they are one table, the gap a column of its own."""
    from plan_extract.read.page import page_blocks

    edges = []
    for x0, x1 in ((0, 40), (40, 120), (120, 200), (260, 330), (330, 400)):  # no cell 200-260
        edges += _box(x0, 0, x1, 30)
    chars = _word("3.", 5, 5) + _word("API", 45, 5) + _word("Minibuses", 125, 5)
    chars += _word("Q3 2019", 265, 5) + _word("Unit", 335, 5)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [(b.table, b.cells) for b in blocks if isinstance(b, TableRow)] == [
        (1, (("3.",), ("API",), ("Minibuses",), (), ("Q3 2019",), ("Unit",)))
    ]
    # tables side by side whose rows differ stay apart
    edges = _box(0, 0, 60, 30) + _box(60, 0, 120, 30) + _box(120, 0, 180, 30)
    edges += _box(260, 0, 330, 20) + _box(330, 0, 400, 20) + _box(400, 0, 460, 20)
    chars = _word("A", 5, 5) + _word("B", 65, 5) + _word("C", 125, 5)
    chars += _word("D", 265, 5) + _word("E", 335, 5) + _word("F", 405, 5)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.table for b in blocks if isinstance(b, TableRow)] == [1, 2]


def test_a_rows_first_cell_alone_left_of_an_unfilled_cell_is_the_rows() -> None:
    """The same with the left part one cell, the item's (random Word layouts, seed 505, "Light
    Shading"): a cell touching no other is no table, so the item label "A-3" was a line of text
    and the row a table two columns short. Left of a one-row table with the same top and bottom,
    it is that row's first cell, the gap a column of its own; a lone box elsewhere stays none."""
    from plan_extract.read.page import page_blocks

    edges = _box(0, 0, 40, 30)  # the item cell; no cell 40-120 (the merged category's rest)
    for x0, x1 in ((120, 200), (200, 280), (280, 360)):
        edges += _box(x0, 0, x1, 30)
    chars = _word("A-3", 5, 5) + _word("2021", 125, 5) + _word("Daily", 205, 5)
    chars += _word("Minibuses", 285, 5)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [(b.table, b.cells) for b in blocks if isinstance(b, TableRow)] == [
        (1, (("A-3",), (), ("2021",), ("Daily",), ("Minibuses",)))
    ]
    blocks, _ = page_blocks(chars, _box(0, 40, 40, 70) + edges[4:], 1, 0)  # the box lower down
    assert [len(b.cells) for b in blocks if isinstance(b, TableRow)] == [3]


def test_a_rows_last_cell_alone_right_of_an_unruled_cell_is_the_rows() -> None:
    """The same on the right (random Word layouts with looks, seed 1966, "Light List": the rest
    of a category merged across a page break left unruled at the next page's top, between the
    row's cells and its last, the description): the description was read as lines of text and
    lost to the row."""
    from plan_extract.read.page import page_blocks

    edges = [e for x0, x1 in ((0, 40), (40, 120), (120, 200)) for e in _box(x0, 0, x1, 30)]
    edges += _box(280, 0, 400, 30)  # the description; no cell 200-280 (the category's rest)
    chars = _word("iii", 5, 5) + _word("Daily", 45, 5) + _word("2021", 125, 5)
    chars += _word("Supply", 285, 5) + _word("of food", 285, 17)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [(b.table, b.cells) for b in blocks] == [
        (1, (("iii",), ("Daily",), ("2021",), (), ("Supply", "of food")))
    ]


def test_the_rest_of_one_cell_across_an_unruled_table_goes_to_its_column() -> None:
    """A page break cuts a row of a table without inner rules ("Medium Shading 1"): under the
    repeated header, the rest of the one cell the break cut ("2010年以來" / "的歷史數據" of a note)
    is one cell across the table. Its text, set left in a later column, is that column's (random
    Word layouts, seed 123: it was the item column's, a grouping row no row took); a grouping
    row's text, in the first column or centred across the table, stays whole."""
    from plan_extract.read.page import page_blocks

    header = _box(0, 0, 60, 20) + _box(60, 0, 180, 20) + _box(180, 0, 300, 20)
    labels = _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Frequency", 185, 5)

    def body(*text: tuple[str, float]) -> list[tuple[str, ...]]:
        chars = labels + [c for n, (t, x) in enumerate(text) for c in _word(t, x, 25 + 12 * n)]
        blocks, _ = page_blocks(chars, header + _box(0, 20, 300, 60), 1, 0)
        return [b.cells for b in blocks if isinstance(b, TableRow)][1:]

    assert body(("2010 onwards", 185), ("also released", 185)) == [
        ((), (), ("2010 onwards", "also released"))
    ]
    assert body(("Environment", 5)) == [(("Environment",), (), ())]  # a grouping row
    centred = 150 - 6 * len("Environment") / 2
    assert body(("Environment", centred)) == [(("Environment",), (), ())]
    # set left in its column, though its middle is the cell's (random Word layouts, seed 614)
    rest = "Drinking water quality part C"
    assert body((rest, 65)) == [((), (rest,), ())]


def test_text_in_a_last_column_without_a_cell_is_the_rows_where_the_outer_rule_encloses_it() -> (
    None
):
    """Word's "Light List": a merged category cell in a table's last column interrupts the rules
    between rows, so no cell is found where it is; the table's right rule goes on beside it. Its
    text is that row's (random Word layouts, seed 109: 「社會福利」 was a line of its own and the
    row lost its category). Where no rule encloses it (an L-shaped table), it stays outside."""
    from plan_extract.read.page import page_blocks

    header = _box(0, 0, 60, 20) + _box(60, 0, 180, 20) + _box(180, 0, 300, 20)
    row = _box(0, 20, 60, 50) + _box(60, 20, 180, 50)  # no cell 180-300 in the row
    chars = _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Category", 185, 5)
    chars += _word("1.", 5, 25) + _word("Alpha", 65, 25) + _word("Food", 185, 25)
    for outer, expected in (
        (polyline_edges([(300, 20), (300, 50)]), (("1.",), ("Alpha",), ("Food",))),
        ([], (("1.",), ("Alpha",), ())),
    ):
        blocks, _ = page_blocks(chars, header + row + outer, 1, 0)
        assert [b.cells for b in blocks if isinstance(b, TableRow)][1] == expected
        assert any(getattr(b, "text", None) == "Food" for b in blocks) is not bool(outer)


def test_a_text_line_right_under_a_tables_rows_does_not_end_the_table() -> None:
    """Random Word layouts, seed 172 ("Light Shading"): under the header repeated on a new page,
    "Date" (the last line of the first label, alone in the first column: a text line) and then
    "Manageme" / "nt Unit", the rest of a cell a page break cut, in the Contact column: those are
    still the table's rows (before: text lines, the contact left "Information Technology")."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment, aligned_blocks
    from plan_extract.read.page import ALIGNMENT

    def line(top: float, *segments: tuple[float, str]) -> Line:
        parts = [Segment(x, x + 6 * len(text), text) for x, text in segments]
        return Line(top, top + 10, parts, Where(page=2))

    columns = (10, 100, 200, 300)
    lines = [
        line(0, *zip(columns, ("Target", "Dataset Name", "Update", "Contact"), strict=True)),
        line(12, *zip(columns, ("Release", "", "Frequency", "Unit"), strict=True)),
        line(24, (10, "Date")),
        line(36, (300, "Manageme")),
        line(48, (300, "nt Unit")),
    ]
    lines[1].segments = [s for s in lines[1].segments if s.text]
    blocks, _ = aligned_blocks(lines, ALIGNMENT, 0)
    kinds = [type(block).__name__ for _, block in blocks]
    assert kinds == ["TableRow", "TableRow", "TextLine", "TableRow", "TableRow"]
    assert blocks[3][1].cells[3] == ("Manageme",)  # type: ignore[union-attr]


def test_a_value_centred_in_its_column_wider_than_the_one_that_started_it_is_that_columns() -> None:
    """Random HTML layouts, seed 4527 (cells centred, a monospaced font, a row read by its
    text's alignment under a header repeated atop a page): "Quarterly", centred under 「每季」,
    begins left of where 「每季」 begins, the column's start, and it was read as the name's
    beside "Wage and Payroll", the frequency unknown. A segment after one of the same column
    that runs across the next column's start, no segment of the line in that column, is that
    column's; a text running across the start of a column its line fills stays where it is."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment, aligned_blocks
    from plan_extract.read.page import ALIGNMENT

    def line(top: float, *segments: tuple[float, str]) -> Line:
        parts = [Segment(x, x + 6 * len(text), text) for x, text in segments]
        return Line(top, top + 10, parts, Where(page=2))

    lines = [
        line(0, (10, "(1)"), (60, "05/2022"), (160, "工資指數"), (300, "工資統計"), (466, "每季")),
        line(12, (160, "薪金總額"), (300, "Wage and Payroll"), (452, "Quarterly")),
        line(24, (10, "(2)"), (60, "06/2022"), (160, "工資"), (300, "勞工"), (466, "每月")),
        line(36, (160, "Wages"), (300, "Labour"), (440, "statistics"), (520, "Monthly")),
    ]
    blocks, _ = aligned_blocks(lines, ALIGNMENT, 0)
    rows = [block.cells for _, block in blocks if isinstance(block, TableRow)]
    assert rows[1] == ((), (), ("薪金總額",), ("Wage and Payroll",), ("Quarterly",))
    # the frequency's column has a segment of its own on the line: "statistics" stays
    assert rows[3] == ((), (), ("Wages",), ("Labour", "statistics"), ("Monthly",))


def test_a_merged_category_beside_a_row_its_rules_lump_into_one_cell_is_kept() -> None:
    """Random Word layouts with looks, seed 2639 ("Light List", the category merged down the
    last column): LibreOffice drew no inner vertical rules in the second row, so the rules made
    it one cell across the other columns, read as a row from its lines; the category's text,
    beside it in the merged cell no rule closes, was passed over and lost (``pdf_text_lost``),
    every row's category empty. The row's squares beside that cell are read as any row's: the
    category's text goes up to the row where its cell starts, the rows under it covered."""
    from plan_extract.read.page import page_blocks

    edges = [_rule(0, 220, 0), _rule(0, 220, 20), _rule(0, 160, 40), _rule(0, 160, 60)]
    edges += [_rule(0, 220, 80), Edge("v", 0, 0, 0, 80), Edge("v", 220, 0, 220, 80)]
    edges += [Edge("v", 160, 0, 160, 60)]  # the category's left side, open beside the last row
    # inner vertical rules in the header, the first row and the last, none in the second
    edges += [
        Edge("v", x, top, x, bottom) for x in (40, 100) for top, bottom in ((0, 40), (60, 80))
    ]
    chars = _word("No.", 3, 5) + _word("Name", 43, 5) + _word("Date", 103, 5)
    chars += _word("Class", 163, 5) + _word("Leisure", 163, 47)
    for top, item, name, date in ((25, "1", "Parks", "2023"), (45, "2", "Pools", "2024")):
        chars += _word(item, 3, top) + _word(name, 43, top) + _word(date, 103, top)
    chars += _word("3", 3, 65) + _word("Sites", 43, 65) + _word("2025", 103, 65)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells for r in rows][1:] == [
        (("1",), ("Parks",), ("2023",), ("Leisure",)),
        (("2",), ("Pools",), ("2024",), ()),
        (("3",), ("Sites",), ("2025",), ()),
    ]
    assert [r.covered for r in rows][2:] == [{3}, {3}]


def test_a_category_beside_the_row_under_a_pages_first_filled_row_is_in_its_column() -> None:
    """Random Word layouts with looks, seed 2673 ("Light Shading": no rule above the page's first
    row nor between rows, a category merged down the last column): atop the page a filled row
    whose category, merged down from the page before, leaves its square unfilled, then an
    unfilled row beside the next category's text, then the table's foot. The table had a column
    too few; the category was read as lines under it, and the row took the category above. The
    page's first table gets the page before's columns it lacks on one side where the rule at
    its foot spans them all and text lies in them above it."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 240.0), (240.0, 300.0)]
    edges = [e for x0, x1 in columns[:3] for e in _box(x0, 10, x1, 40)]  # the first row's fills
    edges.append(_rule(0, 300, 70))  # the table's foot
    chars = _word("3", 3, 20) + _word("Licensees", 43, 20) + _word("Monthly", 163, 20)
    chars += _word("4", 3, 50) + _word("Red tides", 43, 50) + _word("Weekly", 163, 50)
    chars += _word("Nature", 243, 50) + _word("B. Later datasets", 3, 90)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns, nothing_cut=False)])
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        (("3",), ("Licensees",), ("Monthly",), ()),
        (("4",), ("Red tides",), ("Weekly",), ("Nature",)),
        "B. Later datasets",
    ]


def test_a_rows_two_parts_atop_a_page_beside_a_merged_category_keep_their_columns() -> None:
    """Random Word layouts with looks, seed 2101 ("Medium Shading 2", a category merged down from
    the page before, unruled atop this page): the page's first rows in two parts, item and
    frequency left of the category's column and name right of it. The left part was filled
    out with the page before's columns, one of whose edges lay a hair (0.001 pt) from this
    page's: a column of no width, the rows read a column out. And the rule atop the next
    section's table, under them, was taken for their table's foot, text in the columns the left
    part lacks (the right part's) for a category's beside it: the left part was padded over
    both rows, its squares over the right part's, and the two names were one row's. New cells
    take this page's edges; a table there already holds that text."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 100.0), (100.0, 160.0), (160.0, 220.0)]
    e = 40.001  # this page's edge, a hair from the page before's
    edges = [*_box(0, 10, e, 30), *_box(0, 30, e, 50), *_box(e, 10, 100, 30)]
    edges += [*_box(160, 10, 220, 30), _rule(0, 100, 50), _rule(160, 220, 50)]
    edges += [_rule(0, 220, 80), _rule(0, 220, 100)]  # the next section's table
    chars = _word("3", 3, 15) + _word("Daily", 43, 15) + _word("Quakes", 163, 15)
    chars += _word("4", 3, 35) + _word("Weekly", 43, 35) + _word("Tremors", 163, 35)
    chars += _word("No.", 3, 85) + _word("Freq", 43, 85) + _word("Class", 103, 85)
    chars += _word("Name", 163, 85)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns, nothing_cut=False)])
    assert [b.cells for b in blocks if isinstance(b, TableRow)][:2] == [
        (("3",), ("Daily",), (), ("Quakes",)),
        (("4",), ("Weekly",), (), ("Tremors",)),
    ]


def test_a_word_broken_in_a_column_of_a_cell_over_two_columns_is_joined() -> None:
    """Word's "Medium Shading 1" leaves out the rule between two columns, so one cell holds the
    name and a narrow contact column's "Informatio" / "n" (random Word layouts, seed 179): the
    contact's part, read with its column's box, is one word again."""
    from plan_extract.read.page import page_blocks

    right = 200 + 5.4 * 2 + 6 * len("Informatio")  # the first line fills the contact column
    edges = _box(0, 0, 60, 20) + _box(60, 0, 200, 20) + _box(200, 0, right, 20)
    edges += _box(0, 20, 60, 50) + _box(60, 20, right, 50)  # no rule between name and contact
    chars = _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Unit", 205.4, 5)
    chars += _word("1.", 5, 25) + _word("Alpha", 65, 25)
    chars += _word("Informatio", 205.4, 25) + _word("n", 205.4, 37)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1] == (
        ("1.",),
        ("Alpha",),
        ("Information",),
    )


def test_a_row_whose_style_fills_only_its_first_cell_keeps_its_text_in_the_table() -> None:
    """Word's "Medium Shading 2" fills every other row's first cell only: the rest of the row has
    no cell, and its text was read as another table by alignment, a column short (every layout
    fixture in that style failed, scripts/word_styles.py). With the column's cells above it and
    below it (or a rule across the column below the last row), a square without a cell is the
    row's; below the table's last rule it is not."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    edges += _box(0, 40, 40, 60)  # row 3: the first cell only
    edges += [e for x0, x1 in columns for e in _box(x0, 60, x1, 80)]
    edges += _box(0, 80, 40, 100) + polyline_edges([(0, 100), (260, 100)])  # the last rule
    chars = _word("Item", 2, 5) + _word("Name", 45, 5) + _word("Date", 165, 5)
    for n, top in enumerate((25, 45, 65, 85)):
        chars += _word(f"{n + 1}.", 2, top) + _word(f"Name {n + 1}", 45, top)
        chars += _word(f"0{n + 1}/2020", 165, top)
    chars += _word("Note below", 45, 105)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Item",), ("Name",), ("Date",)),
        *[((f"{n}.",), (f"Name {n}",), (f"0{n}/2020",)) for n in range(1, 5)],
    ]
    assert any(getattr(b, "text", None) == "Note below" for b in blocks)


def test_a_category_merged_down_from_a_row_filled_only_in_its_first_cell_is_that_rows() -> None:
    """Random Word layouts with looks, seed 2798 ("Medium Shading 2"): a category merged over an
    unfilled row (only its item cell filled) and the filled row under it, the table's last on
    the page. The merged cell is not drawn: under the category's square the next row has no cell
    in that column either, only cells on both sides of it. The category was read as a line
    between the rows and the row took the category above: that square is inside the table."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 100), (100, 200), (200, 280))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    edges += _box(0, 40, 40, 60)  # the unfilled row: its first cell only
    edges += [e for x0, x1 in columns if x0 != 40 for e in _box(x0, 60, x1, 80)]
    chars = _word("No", 2, 5) + _word("Cat", 45, 5) + _word("Name", 105, 5)
    chars += _word("Date", 205, 5)
    chars += _word("i", 2, 25) + _word("Food", 45, 25) + _word("Alpha", 105, 25)
    chars += _word("01/2020", 205, 25)
    chars += _word("ii", 2, 45) + _word("Pop", 45, 45) + _word("Beta", 105, 45)
    chars += _word("02/2020", 205, 45)
    chars += _word("iii", 2, 65) + _word("Gamma", 105, 65) + _word("03/2020", 205, 65)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Cat",), ("Name",), ("Date",)),
        (("i",), ("Food",), ("Alpha",), ("01/2020",)),
        (("ii",), ("Pop",), ("Beta",), ("02/2020",)),
        (("iii",), (), ("Gamma",), ("03/2020",)),
    ]


def test_rows_ruled_apart_under_a_filled_header_without_column_rules_keep_its_columns() -> None:
    """HTML exploration, seed 5002: a table ruled under every row, no rule between its columns,
    its header filled. Only the band under the header was a row of the header's columns; the
    rows further down were read by their text's alignment, and a date centred in the last
    column and wrapped, "By" over "30.11.2023", whose second line starts left of the first,
    went partly to the column before. Each band between the next two rules across the table
    that holds one row is a row of those columns."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 220), (220, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]  # the header, filled
    edges += [e for y in (35, 70, 85) for e in polyline_edges([(0, y), (300, y)])]
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Format", 162, 5)
    chars += _word("Date", 225, 5)
    chars += _word("1", 2, 22) + _word("Alpha", 45, 22) + _word("CSV", 165, 22)
    chars += _word("05/2021", 225, 22)
    chars += _word("2", 2, 40) + _word("Beta", 45, 40) + _word("XML", 165, 40)
    chars += _word("By", 254, 40) + _word("30.11.2023", 230, 54)
    chars += _word("3", 2, 72) + _word("Gamma", 45, 72) + _word("CSV", 165, 72)
    chars += _word("Q3 2024", 225, 72)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Format",), ("Date",)),
        (("1",), ("Alpha",), ("CSV",), ("05/2021",)),
        (("2",), ("Beta",), ("XML",), ("By", "30.11.2023")),
        (("3",), ("Gamma",), ("CSV",), ("Q3 2024",)),
    ]
    assert len({b.table for b in blocks if isinstance(b, TableRow)}) == 1


def test_rules_between_rows_broken_by_a_merged_category_still_part_the_rows() -> None:
    """Random Word layouts with borders, seed 3006: only the rules between rows drawn, none
    between columns, and a category merged over the rows, so each rule between them stops at
    the category's column. No rule ran across the table and the rows under the header were one
    row. A rule in pieces across every column but one parts two rows; the category is the first
    row's (a blank category under it is the one above, as a merged cell's)."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 220), (220, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]  # the header, filled
    for y in (40, 60):  # the rules between the rows: not over the category's column
        edges += polyline_edges([(0, y), (160, y)]) + polyline_edges([(220, y), (300, y)])
    edges += polyline_edges([(0, 80), (300, 80)])
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Cat", 162, 5)
    chars += _word("Date", 225, 5)
    chars += _word("1", 2, 24) + _word("Alpha", 45, 24) + _word("Food", 165, 24)
    chars += _word("05/2021", 225, 24)
    chars += _word("2", 2, 44) + _word("Beta", 45, 44) + _word("06/2021", 225, 44)
    chars += _word("3", 2, 64) + _word("Gamma", 45, 64) + _word("Q3 2024", 225, 64)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Cat",), ("Date",)),
        (("1",), ("Alpha",), ("Food",), ("05/2021",)),
        (("2",), ("Beta",), (), ("06/2021",)),
        (("3",), ("Gamma",), (), ("Q3 2024",)),
    ]
    assert len({b.table for b in blocks if isinstance(b, TableRow)}) == 1


def test_a_grouping_row_ruled_apart_under_the_header_goes_on_with_the_rows_under_it() -> None:
    """HTML exploration with borders, seed 5004: rows ruled apart, no rule between columns, and
    a category across the table right under its filled header. The band under the header held
    one line across the columns, no row, so no band under it was taken for a row, and the
    rows were read by alignment, their cells centred top to bottom parted line by line. A
    grouping row ruled apart is one cell across, and the rows under it go on."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]  # the header, filled
    edges += [e for y in (35, 70, 105) for e in polyline_edges([(0, y), (300, y)])]
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Frequency", 162, 5)
    chars += _word("Food", 2, 22)
    for n, top in ((1, 37), (2, 72)):  # the name over two lines, the rest centred by them
        chars += _word(f"{n}", 2, top + 11) + _word(f"Name {n}", 45, top + 5)
        chars += _word("prices", 45, top + 17) + _word("Daily", 165, top + 11)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Frequency",)),
        (("Food",), (), ()),
        (("1",), ("Name 1", "prices"), ("Daily",)),
        (("2",), ("Name 2", "prices"), ("Daily",)),
    ]
    # a grouping row between two rows, ruled apart: one cell across, the rows under it go on
    header = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    rules = [e for y in (55, 70, 105) for e in polyline_edges([(0, y), (300, y)])]
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Frequency", 162, 5)
    for n, top in ((1, 20), (2, 72)):
        chars += _word(f"{n}", 2, top + 11) + _word(f"Name {n}", 45, top + 5)
        chars += _word("prices", 45, top + 17) + _word("Daily", 165, top + 11)
    chars += _word("Environment", 2, 58)
    blocks, _ = page_blocks(chars, header + rules, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Frequency",)),
        (("1",), ("Name 1", "prices"), ("Daily",)),
        (("Environment",), (), ()),
        (("2",), ("Name 2", "prices"), ("Daily",)),
    ]


def test_a_ruled_row_holding_numbered_rows_is_parted_between_them() -> None:
    """HTML exploration with borders, seed 5004 ("columns"): rules between the columns and under
    the header, none between rows, so each column is one cell from the header down, all the
    rows in it: read as one row, the datasets' names run together. A ruled row whose first
    cell's lines are item labels numbered one after another is parted between them, in the
    widest band no text crosses (cells centred top to bottom put a row's first lines above its
    label)."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 100)]
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Frequency", 162, 5)
    chars += _word("(1)", 2, 30) + _word("Alpha", 45, 24) + _word("prices", 45, 36)
    chars += _word("Daily", 165, 30)
    chars += _word("(2)", 2, 70) + _word("Beta", 45, 58) + _word("supply", 45, 70)
    chars += _word("figures", 45, 82) + _word("Monthly", 165, 70)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Frequency",)),
        (("(1)",), ("Alpha", "prices"), ("Daily",)),
        (("(2)",), ("Beta", "supply", "figures"), ("Monthly",)),
    ]
    lone = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 60)]
    one = _word("(1)", 2, 24) + _word("(3)", 2, 36) + _word("Alpha", 45, 24)  # not in turn
    blocks, _ = page_blocks(one, lone, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][-1][0] == ("(1)", "(3)")


def test_lines_of_an_unruled_row_above_its_item_label_are_its_rows() -> None:
    """HTML exploration with borders, seed 5001: an unruled table whose cells are centred top
    to bottom puts a row's first lines above its item label's line; read a line at a time, they
    were the rest of the row above (the structure stage merges an unlabelled line upwards). The
    lines after the widest gap between two labels, wider than every other by a point, go down
    to the label's row; where no gap stands out, nothing moves."""
    from plan_extract.read.page import page_blocks

    def row(label: str, top: float, names: tuple[str, str, str], *values: str) -> list[Char]:
        chars = _word(names[0], 45, top) + _word(names[2], 45, top + 24)
        chars += _word(label, 2, top + 12) + _word(names[1], 45, top + 12)
        return chars + _word(values[0], 160, top + 12) + _word(values[1], 240, top + 12)

    header = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Frequency", 160, 5)
    header += _word("Format", 240, 5)
    padded = header + row("1.", 30, ("Alpha", "beta", "gamma"), "Weekly", "CSV")
    padded += row("2.", 74, ("Delta", "eps", "zeta"), "Daily", "XML")
    blocks, _ = page_blocks(padded, [], 1, 0)
    assert [b.cells for b in blocks] == [
        (("No",), ("Name",), ("Frequency",), ("Format",)),
        (("1.",), ("Alpha", "beta"), ("Weekly",), ("CSV",)),
        ((), ("gamma",), (), ()),
        (("2.",), ("Delta", "eps"), ("Daily",), ("XML",)),
        ((), ("zeta",), (), ()),
    ]
    even = header + row("1.", 17, ("Alpha", "beta", "gamma"), "Weekly", "CSV")
    even += row("2.", 53, ("Delta", "eps", "zeta"), "Daily", "XML")  # every gap 2 pt
    blocks, _ = page_blocks(even, [], 1, 0)
    assert [b.cells[1] for b in blocks] == [("Name",), ("Alpha",), ("beta",), ("gamma",),
                                             ("Delta",), ("eps",), ("zeta",)]  # fmt: skip


def test_an_unfilled_last_row_ends_with_its_text_where_the_next_rule_is_another_tables() -> None:
    """Random Word layouts with borders, seed 3015: rows shaded one in two and no rule at all
    (Word's "Light Shading" with its borders taken off). Under the last filled row, the next
    rule across the table was the next table's top, a footnote and a heading between: the band
    down to it held no row, and the unfilled last row was read by its text's alignment, its
    format taken for the empty remarks column's. The row ends where its lines end."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 220), (220, 260), (260, 320))
    filled = [e for y in (0, 20) for x0, x1 in columns for e in _box(x0, y, x1, y + 20)]
    edges = filled + [e for y in (120, 140) for x0, x1 in columns for e in _box(x0, y, x1, y + 20)]
    chars = _word("No", 2, 5) + _word("Name", 45, 5) + _word("Remarks", 162, 5)
    chars += _word("Fmt", 222, 5) + _word("Freq", 262, 5)
    chars += _word("1", 2, 25) + _word("Alpha", 45, 25) + _word("CSV", 222, 25)
    chars += _word("Daily", 262, 25)
    chars += _word("2", 2, 42) + _word("Beta^", 45, 42) + _word("CSV", 222, 42)
    chars += _word("Weekly", 262, 42) + _word("list", 45, 52)
    chars += _word("^ Figures are provisional", 2, 66) + _word("B. Later datasets", 2, 95)
    for n, top in ((0, 125), (1, 145)):
        chars += _word(("No", "1")[n], 2, top) + _word(("Name", "Gamma")[n], 45, top)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow) and b.table == 1] == [
        (("No",), ("Name",), ("Remarks",), ("Fmt",), ("Freq",)),
        (("1",), ("Alpha",), (), ("CSV",), ("Daily",)),
        (("2",), ("Beta^", "list"), (), ("CSV",), ("Weekly",)),
    ]
    assert [b.text for b in blocks if isinstance(b, TextLine)] == [
        "^ Figures are provisional",
        "B. Later datasets",
    ]


def test_a_header_labels_first_line_above_the_header_is_the_headers() -> None:
    """HTML exploration with borders, seed 5027: an unruled table whose header cells are centred
    top to bottom prints its tallest label's first line, 「目標發放日」, above the other labels and
    its last, 「期」, under them. The line above was a text line before the table, taken for the
    first row's category. A line right above a table's first line, its pieces in the table's
    columns but the first, is the start of that line's labels; a heading at the margin is not."""
    from plan_extract.read.page import page_blocks

    chars = _word("Heading", 2, 0) + _word("Target", 240, 18)
    chars += _word("No", 2, 30) + _word("Name", 45, 30) + _word("Format", 160, 30)
    chars += _word("Release", 240, 30) + _word("Date", 240, 42)
    chars += _word("1", 2, 62) + _word("Alpha", 45, 62) + _word("CSV", 160, 62)
    chars += _word("05/2021", 240, 62)
    chars += _word("2", 2, 80) + _word("Beta", 45, 80) + _word("XML", 160, 80)
    chars += _word("06/2021", 240, 80)
    blocks, _ = page_blocks(chars, [], 1, 0)
    assert [getattr(b, "text", None) or b.cells for b in blocks] == [  # type: ignore[attr-defined]
        "Heading",
        (("No",), ("Name",), ("Format",), ("Target", "Release", "Date")),
        (("1",), ("Alpha",), ("CSV",), ("05/2021",)),
        (("2",), ("Beta",), ("XML",), ("06/2021",)),
    ]


def test_a_header_centred_top_to_bottom_is_one_row() -> None:
    """HTML exploration with borders, seed 5042: an unruled bilingual table whose cells are
    centred top to bottom, its rows padded. A label of two lines puts its lines half a line above
    and under those of one line ("Update" / "Frequency" beside "Item"), so the header was read as
    lines of their own; in the English half "Target Release" went to a line that was no header
    and "Date" was taken for a label of its own, the release dates for an unknown column. Above
    a table's first item label, the lines before the gap that stands out (the padding under the
    header) are one row."""
    from plan_extract.read.page import page_blocks

    chars = _word("Update", 45, 24) + _word("Target Release", 220, 24)
    chars += _word("Item", 2, 30) + _word("Name", 110, 30) + _word("Format", 160, 30)
    chars += _word("Frequency", 45, 36) + _word("Date", 220, 36)
    chars += _word("1", 2, 56) + _word("Weekly", 45, 56) + _word("Alpha", 110, 56)
    chars += _word("CSV", 160, 56) + _word("05/2021", 220, 56)
    chars += _word("2", 2, 74) + _word("Daily", 45, 74) + _word("Beta", 110, 74)
    chars += _word("XML", 160, 74) + _word("06/2021", 220, 74)
    blocks, _ = page_blocks(chars, [], 1, 0)
    assert [getattr(b, "text", None) or b.cells for b in blocks] == [  # type: ignore[attr-defined]
        (
            ("Item",),
            ("Update", "Frequency"),
            ("Name",),
            ("Format",),
            ("Target Release", "Date"),
        ),
        (("1",), ("Weekly",), ("Alpha",), ("CSV",), ("05/2021",)),
        (("2",), ("Daily",), ("Beta",), ("XML",), ("06/2021",)),
    ]


def test_padded_rows_in_a_framed_table_are_read_a_band_each() -> None:
    """HTML exploration with borders, seed 5042: a table framed but not ruled inside, no item
    numbers, its cells centred top to bottom and its rows padded. The frame makes its body one
    cell across the columns, read a line at a time: a name's two lines and the date and
    frequency half a line lower were five rows, and the grouping row's category a dataset.
    Where the gaps between lines fall into two kinds, each band between the wide ones is a row,
    and a band of one line of one text is a grouping row across the table."""
    from plan_extract.read.page import _line_order, _lines_as_rows
    from plan_extract.read.tables import Table

    body = (0.0, 14.0, 300.0, 120.0)
    header = ((0.0, 0.0, 105.0, 14.0), (105.0, 0.0, 195.0, 14.0), (195.0, 0.0, 300.0, 14.0))
    chars = _word("Food", 2, 20)
    chars += _word("Alpha", 2, 36) + _word("Data", 2, 48)
    chars += _word("05/2021", 110, 42) + _word("Weekly", 200, 42)
    chars += _word("Beta", 2, 68) + _word("Set", 2, 80)
    chars += _word("06/2021", 110, 74) + _word("Daily", 200, 74)
    chars += _word("Monthly", 200, 96)  # a value alone in a later column: no grouping row
    rows = _lines_as_rows(body, sorted(chars, key=_line_order), Table((*header, body)), 1, 1)
    assert rows is not None
    assert [(row.cells, row.covered) for _, row in rows] == [  # type: ignore[attr-defined]
        ((("Food",), (), ()), frozenset({1, 2})),
        ((("Alpha", "Data"), ("05/2021",), ("Weekly",)), frozenset()),
        ((("Beta", "Set"), ("06/2021",), ("Daily",)), frozenset()),
        (((), (), ("Monthly",)), frozenset()),
    ]


def test_unpadded_rows_in_a_framed_table_are_not_banded_by_leading() -> None:
    """The guard of the band rule: rows without padding whose cells are set at their top, a
    line's leading wider under a CJK line than under a Latin one, give two kinds of gap too; a
    band there holds a row's last line and the next row's first, its cells not centred on one
    middle, and the lines are read a line at a time as before."""
    from plan_extract.read.page import _line_order, _lines_as_rows
    from plan_extract.read.tables import Table

    body = (0.0, 14.0, 300.0, 100.0)
    header = ((0.0, 0.0, 105.0, 14.0), (105.0, 0.0, 195.0, 14.0), (195.0, 0.0, 300.0, 14.0))
    chars = _word("Alpha", 2, 20) + _word("05/2021", 110, 20) + _word("Weekly", 200, 20)
    chars += _word("Data", 2, 34.5)
    chars += _word("Beta", 2, 46) + _word("06/2021", 110, 46) + _word("Daily", 200, 46)
    chars += _word("Set", 2, 60.5)
    rows = _lines_as_rows(body, sorted(chars, key=_line_order), Table((*header, body)), 1, 1)
    assert rows is not None
    assert [row.cells for _, row in rows] == [  # type: ignore[attr-defined]
        (("Alpha",), ("05/2021",), ("Weekly",)),
        (("Data",), (), ()),
        (("Beta",), ("06/2021",), ("Daily",)),
        (("Set",), (), ()),
    ]


@pytest.mark.parametrize(
    ("spans", "bands"),
    [
        # padded rows, cells centred top to bottom (their lines overlap): a band a row
        ([(0, 10), (16, 26), (22, 32), (28, 38), (48, 58), (54, 64)], [0, 1, 4]),
        # rows without padding (Word's): every gap a line's leading, no two kinds
        ([(0, 10), (12, 22), (24, 34), (36, 46), (48, 58)], None),
        # a CJK line's leading (4.5) beside a Latin one's (1.5): two kinds of gap, which
        # _lines_as_rows takes for rows only where each band's cells are centred on one middle
        ([(0, 10), (12, 22), (26.5, 36.5), (38, 48), (52.5, 62.5)], [0, 2, 4]),
        # rows a line each, all padded alike
        ([(0, 10), (18, 28), (36, 46)], None),
        # too few lines to tell
        ([(0, 10), (30, 40)], None),
    ],
)
def test_padded_bands(spans: list[tuple[float, float]], bands: list[int] | None) -> None:
    from plan_extract.read.layout import padded_bands

    assert padded_bands(spans) == bands


def test_a_row_without_cells_beside_a_merged_cell_is_a_row() -> None:
    """ "Medium Shading 2" with a merged category cell: the row below the one the merge starts at
    has no cell at all (the category cell covers its first column, the style fills none of the
    others), so no row of the grid started there and its text was read by alignment as another
    table. A band where cells end and none starts is a row of its own, the merged column
    covered."""
    from plan_extract.read.page import page_blocks

    edges = _box(0, 0, 60, 20) + _box(60, 0, 180, 20) + _box(180, 0, 280, 20)
    edges += _box(0, 20, 60, 60) + _box(60, 20, 180, 40) + _box(180, 20, 280, 40)  # merged 20-60
    edges += polyline_edges([(0, 60), (280, 60)])  # the table's last rule
    chars = _word("Cat", 2, 5) + _word("Name", 65, 5) + _word("Date", 185, 5)
    chars += _word("Food", 2, 25) + _word("Alpha", 65, 25) + _word("01/2020", 185, 25)
    chars += _word("Beta", 65, 45) + _word("02/2020", 185, 45)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [(r.table, r.cells, r.covered) for r in rows] == [
        (1, (("Cat",), ("Name",), ("Date",)), frozenset()),
        (1, (("Food",), ("Alpha",), ("01/2020",)), frozenset()),
        (1, ((), ("Beta",), ("02/2020",)), frozenset({0})),
    ]


def test_a_row_left_unruled_beside_a_merged_cell_at_the_tables_foot_is_a_row() -> None:
    """Random Word layouts, seeds 614 and 620 ("Medium Shading 1" rules only its shaded rows): a
    merged category cell in a middle column goes on below the last ruled row, and beside it the
    next row has no cell and no rule under it. Its text in two columns or more is that band's
    row, the merged column covered (it was read by alignment as a row a column short, every cell
    after the category one column to the left); one text alone there stays outside."""
    from plan_extract.read.page import page_blocks

    edges = _box(0, 0, 40, 20) + _box(40, 0, 140, 20) + _box(140, 0, 200, 20)
    edges += _box(200, 0, 280, 20)
    edges += _box(0, 20, 40, 40) + _box(40, 20, 140, 40) + _box(140, 20, 200, 60)  # merged
    edges += _box(200, 20, 280, 40)
    chars = _word("No", 2, 5) + _word("Name", 42, 5) + _word("Cat", 142, 5)
    chars += _word("Freq", 202, 5)
    chars += _word("1", 2, 25) + _word("Alpha", 42, 25) + _word("Food", 142, 25)
    chars += _word("Daily", 202, 25)
    band = _word("2", 2, 45) + _word("Beta", 42, 45) + _word("Weekly", 202, 45)
    blocks, _ = page_blocks(chars + band, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [(r.table, r.cells, r.covered) for r in rows][-1] == (
        1,
        (("2",), ("Beta",), (), ("Weekly",)),
        frozenset({2}),
    )
    blocks, _ = page_blocks(chars + _word("Beta", 42, 45), edges, 1, 0)  # one text alone
    assert [r.cells for r in blocks if isinstance(r, TableRow)][-1][1] == ("Alpha",)
    assert any(getattr(b, "text", None) == "Beta" for b in blocks)


def test_a_word_broken_in_a_square_without_a_cell_is_joined() -> None:
    """The text of a grid square without a cell (Medium Shading 2) is read with the square's
    box, so "Informatio" / "n" in a narrow column is one word again (scripts/word_styles.py,
    LandsD's narrow columns)."""
    from plan_extract.read.page import page_blocks

    right = 200 + 5.4 * 2 + 6 * len("Informatio")
    edges = _box(0, 0, 100, 20) + _box(100, 0, 200, 20) + _box(200, 0, right, 20)
    edges += _box(0, 20, 100, 50) + polyline_edges([(0, 50), (right, 50)])  # row 2: one cell
    chars = _word("Name", 5, 5) + _word("Date", 105, 5) + _word("Unit", 205.4, 5)
    chars += _word("Alpha", 5, 25) + _word("2020", 105, 25)
    chars += _word("Informatio", 205.4, 25) + _word("n", 205.4, 37)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1] == (
        ("Alpha",),
        ("2020",),
        ("Information",),
    )


def test_a_last_row_filled_only_in_its_first_cell_keeps_its_text() -> None:
    """ "Medium Shading 2" at a page's foot (random Word layouts, seed 313): the last row on the
    page has its first cell only and no rule below; its text in two columns or more is still the
    row's (it was read as another table, a column short). One text beside a table narrower in its
    last row stays outside (the L-shaped table of the hand-made edges test)."""
    from plan_extract.read.page import page_blocks

    edges = _box(0, 0, 60, 20) + _box(60, 0, 180, 20) + _box(180, 0, 280, 20)
    edges += _box(0, 20, 60, 40) + _box(60, 20, 180, 40) + _box(180, 20, 280, 40)
    edges += _box(0, 40, 60, 60)  # the page's last row: its first cell only
    chars = _word("Item", 2, 5) + _word("Name", 65, 5) + _word("Date", 185, 5)
    chars += _word("1.", 2, 25) + _word("Alpha", 65, 25) + _word("01/2020", 185, 25)
    last = _word("2.", 2, 45) + _word("Beta", 65, 45) + _word("02/2020", 185, 45)
    blocks, _ = page_blocks(chars + last, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][-1] == (
        ("2.",),
        ("Beta",),
        ("02/2020",),
    )
    blocks, _ = page_blocks(chars + last[:-7], edges, 1, 0)  # "Beta" alone beside the row
    assert [b.cells for b in blocks if isinstance(b, TableRow)][-1] == (("2.",), (), ())
    assert any(getattr(b, "text", None) == "Beta" for b in blocks)


def test_the_cells_right_of_an_unfilled_merged_cell_inside_the_table_are_its_row() -> None:
    """Random Word layouts, seed 410 ("Medium Shading 2"): a row whose merged category cell is
    left unfilled, the row above filled in its first cell only; the row's cells right of the
    category touch no other cell, so they were a table of their own (the row's date, description
    and name read as another row). Inside the table's bounds, with its rows among the table's,
    they are part of it."""
    from plan_extract.read.page import page_blocks

    xs = (0, 40, 100, 160, 220, 280, 340)
    edges = [e for x0, x1 in pairwise(xs) for e in _box(x0, 0, x1, 20)]  # the header
    edges += _box(0, 20, 40, 40)  # a row filled in its first cell only
    edges += _box(0, 40, 40, 60) + _box(40, 40, 100, 60)  # then: no cell 100-160 (merged)
    edges += _box(160, 40, 220, 60) + _box(220, 40, 280, 60) + _box(280, 40, 340, 60)
    chars = [c for n, x in enumerate(xs[:-1]) for c in _word(f"H{n}", x + 2, 5)]
    chars += _word("2.", 2, 25) + _word("B", 42, 25) + _word("Food", 102, 25)
    chars += _word("01/2020", 162, 25) + _word("Alpha", 222, 25) + _word("X", 282, 25)
    chars += _word("3.", 2, 45) + _word("C", 42, 45) + _word("02/2020", 162, 45)
    chars += _word("Beta", 222, 45) + _word("Y", 282, 45)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert {r.table for r in rows} == {1}
    assert rows[-1].cells == (("3.",), ("C",), (), ("02/2020",), ("Beta",), ("Y",))


def test_the_rest_of_a_cut_cell_across_an_unruled_table_joins_a_broken_date() -> None:
    """The rest of one cell a page break cut, given as one cell across an unruled table, is read
    with its column's box, not the table's: "30/09/201" / "9" filling a narrow date column is one
    date (digits on both sides are one word only where the line was full)."""
    from plan_extract.read.page import page_blocks

    right = 180 + 5.4 * 2 + 6 * len("30/09/201")
    edges = _box(0, 0, 60, 20) + _box(60, 0, 180, 20) + _box(180, 0, right, 20)
    edges += _box(0, 20, right, 60)  # the rest of the row: one cell across the table
    chars = _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Date", 185.4, 5)
    chars += _word("30/09/201", 185.4, 25) + _word("9", 185.4, 37)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1] == ((), (), ("30/09/2019",))


def test_lines_alone_in_the_first_column_of_text_framed_as_a_later_one_wrap_a_cell() -> None:
    """Word's "Light Shading" rules only a table's top, its header's foot and its bottom. The rest
    of a row a page break cut sits under the repeated header with its item column empty, so the
    first column of text found is the second of the table; a cell of it wrapped over several
    lines gave one row and then lines of text (random Word layouts, seed 437: "Subject to the" /
    "completion" / "of the" / … under "Update Frequency"). The rules start well left of that
    column: it is the table's first column, empty on this page, and the lines alone in the next
    are the row's. Parted from the row by a rule, or in a table without rules, a line alone in
    the first column stays a line of text."""
    from plan_extract.read.page import page_blocks

    def rule(x0: float, y: float, x1: float = 400) -> list[Edge]:
        return polyline_edges([(x0, y), (x1, y)])

    header = _word("Frequency", 45, 5) + _word("Format", 125, 5) + _word("Date", 205, 5)
    header += _word("Unit", 285, 5)
    rest = _word("the", 45, 25) + _word("nt Unit", 285, 25)
    rest += _word("completion", 45, 39) + _word("of the", 45, 53)
    after = _word("upgrade", 45, 67)
    chars = header + rest + after
    blocks, _ = page_blocks(chars, rule(0, 0) + rule(0, 20) + rule(0, 80), 1, 0)
    # (the framed column is the table's first, empty here, as wide as on the page before)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1:] == [
        ((), ("the",), (), (), ("nt Unit",)),
        ((), ("completion",), (), (), ()),
        ((), ("of the",), (), (), ()),
        ((), ("upgrade",), (), (), ()),
    ]
    # rules that start at the first column's cell: it is the table's first column, and its
    # lines alone still wrap the row's first cell where no rule parts them from the row's line
    # (a style that rules or shades its rows: "Light Shading", random Word layouts, seed 732)
    blocks, _ = page_blocks(chars, rule(40, 0) + rule(40, 20) + rule(40, 80), 1, 0)
    assert not [b for b in blocks if isinstance(b, TextLine)]
    # no rules at all: nothing tells a wrap from a category printed alone, a line of text
    blocks, _ = page_blocks(chars, [], 1, 0)
    assert [b.text for b in blocks if isinstance(b, TextLine)] == [
        "completion",
        "of the",
        "upgrade",
    ]
    # a rule between the row's line and the next: a line of its own (a category, a note)
    blocks, _ = page_blocks(chars, rule(40, 0) + rule(40, 20) + rule(40, 37) + rule(40, 80), 1, 0)
    assert [b.text for b in blocks if isinstance(b, TextLine)] == [
        "completion",
        "of the",
        "upgrade",
    ]


def test_a_word_broken_in_a_cell_read_a_line_at_a_time_is_joined() -> None:
    """A cell across a table whose style leaves rows unruled ("Medium Shading 1" between its
    shaded rows) is read a line at a time, each line a row (:func:`_lines_as_rows`): a word its
    narrow column broke ("Informati" / "on Technology", "completi" / "on of the") was two pieces
    of two rows, which only the page can tell apart from two words (random Word layouts, seed
    728). The line's text in that column goes to the line above, as within a cell; a whole word
    that fills its line stays apart."""
    from plan_extract.read.page import page_blocks

    # the second column is 70-134.8: 5.4 pt padding each side, so 9 chars of 6 pt fill a line
    edges = _box(0, 0, 70, 20) + _box(70, 0, 134.8, 20) + _box(134.8, 0, 200, 20)
    edges += _box(0, 20, 200, 75)
    chars = _word("Freq", 5, 5) + _word("Unit", 75.4, 5) + _word("Date", 140.2, 5)
    chars += _word("Monthly", 5.4, 25) + _line_chars("Informati", 25, 75.4)
    chars += _word("2024", 140.2, 25) + _line_chars("on Tech", 37, 75.4)
    chars += _word("Weekly", 5.4, 50) + _line_chars("Technolog", 50, 75.4)
    chars += _word("2025", 140.2, 50) + _line_chars("Unit", 62, 75.4)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1:] == [
        (("Monthly",), ("Information Tech",), ("2024",)),
        (("Weekly",), ("Technolog",), ("2025",)),
        ((), ("Unit",), ()),
    ]


def test_a_page_of_three_labels_over_an_unlabelled_framed_column_and_a_rows_rest() -> None:
    """A page holding only a repeated header of three labels, its item column unlabelled, and
    the rest of a row a page break cut under the first label (random Word layouts, seed 209:
    「以来的历史数据」 under 「更新频率」, "Light Shading"): three labels alone are too few to
    tell a header from a line of text, but the rules frame a fourth column left of them. The rest
    of the row is the table's; without that column it stays a line of text."""
    from plan_extract.read.page import page_blocks

    def rule(x0: float, y: float) -> list[Edge]:
        return polyline_edges([(x0, y), (300, y)])

    chars = _word("Freq", 45, 5) + _word("Date", 125, 5) + _word("Name", 205, 5)
    chars += _word("since 2010", 45, 25)
    framed = rule(0, 0) + rule(0, 20) + rule(0, 40)
    blocks, _ = page_blocks(chars, framed, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        ((), ("Freq",), ("Date",), ("Name",)),
        ((), ("since 2010",), (), ()),
    ]
    blocks, _ = page_blocks(chars, rule(40, 0) + rule(40, 20) + rule(40, 40), 1, 0)
    assert not [b for b in blocks if isinstance(b, TableRow)]


def _rule(x0: float, x1: float, y: float) -> Edge:
    return Edge("h", x0, y, x1, y)


def test_rows_a_style_fills_one_in_two_are_read_with_the_rows_between_them() -> None:
    """Word's "Light Shading" fills every other row and rules only the table's top, the header's
    foot and the table's foot. With cells centred top to bottom, a row's item label and date sit
    on the middle line of its two-line name: read a line at a time, the unfilled rows' lines and
    the header's ("Update" / "Frequency" above and below "Item Name Date") were rows and text of
    their own (every layout fixture in that style failed, ``--look middle``). The filled rows
    give the columns; the header above, the row between and the row below are rows of them."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [_rule(0, 340, 0), _rule(0, 340, 40)]  # the table's top, the header's foot
    for top in (40, 80):  # rows 1 and 3, filled: a box per cell
        edges += [e for x0, x1 in columns for e in _box(x0, top, x1, top + 20)]
    edges += [_rule(0, 340, 140)]  # the table's foot, under row 4
    chars = _word("Update", 265.4, 3) + _word("Item", 5.4, 15) + _word("Name", 45.4, 15)
    chars += _word("Date", 165.4, 15) + _word("Frequency", 265.4, 27)
    for label, top in (("1.", 45), ("2.", 65), ("3.", 85), ("4.", 115)):
        chars += _word(label, 5.4, top) + _word("03/2020", 165.4, top) + _word("Daily", 265.4, top)
    chars += _word("Beta", 45.4, 65) + _word("Gamma", 45.4, 85)  # one-line names
    chars += _word("Alpha", 45.4, 45)
    chars += _word("Delta", 45.4, 109) + _word("Stations", 45.4, 121)  # a two-line name, centred
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[0] == (("Item",), ("Name",), ("Date",), ("Update", "Frequency"))
    assert [row[0] for row in rows[1:]] == [("1.",), ("2.",), ("3.",), ("4.",)]
    assert rows[4][1] == ("Delta", "Stations")
    assert not [b for b in blocks if isinstance(b, TextLine)]


def test_a_band_between_rules_holding_one_row_is_one_row() -> None:
    """On a page where "Light Shading" fills no row (a header repeated and one row), a band of
    lines between two rules across the table with text in the first column on one line only is
    one row, its pieces in reading order: cells centred top to bottom put "Update" and
    "Frequency" above and below the header's other labels, and a name's lines above and below
    the row's item label. Two item labels in a band are two rows, read as before."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment, aligned_blocks
    from plan_extract.read.page import ALIGNMENT, _Rules

    def line(top: float, *segments: tuple[float, str]) -> Line:
        parts = [Segment(x, x + 6 * len(text), text) for x, text in segments]
        return Line(top, top + 10, parts, Where(page=2))

    def read(lines: list[Line], rules: list[float]) -> list[tuple[tuple[str, ...], ...]]:
        page_rules = _Rules([_rule(0, 400, y) for y in rules])
        blocks, _ = aligned_blocks(lines, ALIGNMENT, 0, page_rules)
        return [b.cells for _, b in blocks if isinstance(b, TableRow)]

    header = [
        line(3, (300, "Update")),
        line(15, (10, "Item"), (100, "Name"), (200, "Date")),
        line(27, (300, "Frequency")),
    ]
    row = [
        line(43, (100, "Weather")),
        line(55, (10, "2."), (200, "07/2019"), (300, "Twice daily")),
        line(67, (100, "forecast")),
    ]
    assert read(header + row, [0, 40, 80]) == [
        (("Item",), ("Name",), ("Date",), ("Update", "Frequency")),
        (("2.",), ("Weather", "forecast"), ("07/2019",), ("Twice daily",)),
    ]
    two_rows = [line(43, (10, "1."), (100, "A"), (200, "07/2019"), (300, "Daily")),
                line(55, (10, "2."), (100, "B"), (200, "08/2019"), (300, "Daily"))]  # fmt: skip
    assert [r[0] for r in read(header + two_rows, [0, 40, 80])[1:]] == [("1.",), ("2.",)]


def test_centred_values_of_a_band_wider_and_narrower_than_each_other_are_one_column() -> None:
    """Random HTML layouts, seed 4741 (cells centred both ways, a row alone between rules under
    a ruled header): the frequency's 「每日」 above the row's middle line and "Everyday" under
    it, centred, begin 11 pt apart, and each began a column of its own (the frequency parted in
    two). A band's piece that overlaps the last new column's pieces goes on that column."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment, aligned_blocks
    from plan_extract.read.page import ALIGNMENT, _Rules

    def line(top: float, *segments: tuple[float, str]) -> Line:
        parts = [Segment(x, x + 6 * len(text), text) for x, text in segments]
        return Line(top, top + 10, parts, Where(page=2))

    lines = [
        line(3, (100, "Supply of major")),
        line(9, (320, "每日")),
        line(15, (10, "A1"), (60, "2024"), (100, "fresh food")),
        line(21, (308, "Everyday")),
        line(27, (100, "(figures)")),
    ]
    blocks, _ = aligned_blocks(lines, ALIGNMENT, 0, _Rules([_rule(0, 400, y) for y in (0, 40)]))
    assert [b.cells for _, b in blocks if isinstance(b, TableRow)] == [
        (("A1",), ("2024",), ("Supply of major", "fresh food", "(figures)"), ("每日", "Everyday"))
    ]


def test_an_empty_first_column_is_framed_only_where_the_table_has_more_columns() -> None:
    """Random HTML layouts, seed 4741: a row's item label "A1", centred in its wide column,
    lies 22 pt right of the table's side, and the rules framing a column left of it were taken
    for an empty item column's (seed 810: a header repeated without its item label over the
    rest of a cut row): a column too many, the label read as the date. That column is added
    only where the table the page before ended with has more columns than were found."""
    from plan_extract.model import Where
    from plan_extract.read.layout import Line, Segment, aligned_blocks
    from plan_extract.read.page import ALIGNMENT, _Rules

    def line(top: float, *segments: tuple[float, str]) -> Line:
        parts = [Segment(x, x + 6 * len(text), text) for x, text in segments]
        return Line(top, top + 10, parts, Where(page=2))

    def read(lines: list[Line], carried: int) -> list[tuple[tuple[str, ...], ...]]:
        rules = _Rules([_rule(0, 340, y) for y in (0, 20, 60)])
        blocks, _ = aligned_blocks(lines, ALIGNMENT, 0, rules, carried)
        return [b.cells for _, b in blocks if isinstance(b, TableRow)]

    header = line(5, (45, "Date"), (160, "Name"), (260, "Freq"))
    row = line(25, (22, "A1"), (60, "2024"), (160, "Survey"), (260, "Daily"))
    assert read([header, row], 3) == [
        ((), ("Date",), ("Name",), ("Freq",)),
        (("A1",), ("2024",), ("Survey",), ("Daily",)),
    ]
    rest = [line(25, (160, "Survey"), (260, "Daily")), line(37, (45, "2024"), (160, "(rest)"))]
    assert read([header, *rest], 4)[0] == ((), ("Date",), ("Name",), ("Freq",))


def test_the_row_under_a_table_of_filled_rows_is_one_row_of_its_columns() -> None:
    """Random Word layouts, seed 972 ("Light Shading", a shaded header): the header and the first
    row are filled, one table of two rows; the second row, unfilled, lies between the table and
    the rule at the table's foot. Its cells centred top to bottom, it was read a line at a time
    in columns of its own (nine cells for seven). With one item label, it is a row of the table's
    columns; two item labels under a table are not one row."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Frequency", 265.4, 5) + _word("1.", 5.4, 25) + _word("Alpha", 45.4, 25)
    chars += _word("03/2020", 165.4, 25) + _word("Daily", 265.4, 25)
    below = chars + _word("Statistics on", 45.4, 43) + _word("2.", 5.4, 49)
    below += _word("Dengue fever", 45.4, 55) + _word("04/2021", 165.4, 49)
    below += _word("Monthly", 265.4, 49)
    blocks, _ = page_blocks(below, [*edges, _rule(0, 340, 70)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("2.",), ("Statistics on", "Dengue fever"), ("04/2021",), ("Monthly",))
    two = list(chars)
    for label, name, top in (("2.", "Beta", 45), ("3.", "Gamma", 57)):
        two += _word(label, 5.4, top) + _word(name, 45.4, top) + _word("05/2021", 165.4, top)
    blocks, _ = page_blocks(two, [*edges, _rule(0, 340, 70)], 1, 0)
    assert [b.cells[0] for b in blocks if isinstance(b, TableRow)][-2:] == [("2.",), ("3.",)]
    # a tall row, a bilingual cell of nine lines (random Word layouts, seed 905 drawn again)
    tall = chars + _word("2.", 5.4, 43) + _word("Gamma", 45.4, 43) + _word("07/2020", 165.4, 43)
    for n in range(9):
        tall += _word(f"line {n}", 265.4, 43 + 14 * n)
    blocks, _ = page_blocks(tall, [*edges, _rule(0, 340, 175)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1][3] == tuple(f"line {n}" for n in range(9))
    # its first cell wrapped, the row's other cells on its first line only (seed 1019)
    wrapped = chars + _word("Car", 5.4, 43) + _word("Vacancies", 45.4, 43)
    wrapped += _word("04/2021", 165.4, 43) + _word("Monthly", 265.4, 43) + _word("park", 5.4, 55)
    blocks, _ = page_blocks(wrapped, [*edges, _rule(0, 340, 70)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("Car", "park"), ("Vacancies",), ("04/2021",), ("Monthly",))


def test_a_cell_across_the_table_holding_one_centred_row_is_that_row() -> None:
    """Word's "Medium Shading 1" rules its rows but not the columns of its unfilled rows: such a
    row is one cell across the table. With cells centred top to bottom, its date's first line
    came above the line of its item label, and read a line at a time the date was a row of its
    own above the row (random Word layouts, seed 975: "2019 年第四" / "季" / "A1 …"). A cell whose
    lines have text in the first column on one line at most is one row, each column's lines in
    order; a cell of several rows (Word's "Light List") is still read a line at a time."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    header = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Frequency", 265.4, 5)
    one = chars + _word("Q4", 165.4, 23) + _word("A1", 5.4, 29) + _word("Alpha", 45.4, 29)
    one += _word("Daily", 265.4, 29) + _word("2019", 165.4, 35)
    blocks, _ = page_blocks(one, [*header, *_box(0, 20, 340, 50)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1:] == [(("A1",), ("Alpha",), ("Q4", "2019"), ("Daily",))]
    two = list(chars)
    for label, top in (("A1", 23), ("A2", 35)):
        two += _word(label, 5.4, top) + _word("Beta", 45.4, top) + _word("2019", 165.4, top)
    blocks, _ = page_blocks(two, [*header, *_box(0, 20, 340, 50)], 1, 0)
    assert [b.cells[0] for b in blocks if isinstance(b, TableRow)][1:] == [("A1",), ("A2",)]
    # an item label a narrow column cut, 「一」 over 「、」 around the middle line (seed 978)
    cut = chars + _word("一", 5.4, 23) + _word("Alpha", 45.4, 29) + _word("、", 5.4, 35)
    cut += _word("2019", 165.4, 29)
    blocks, _ = page_blocks(cut, [*header, *_box(0, 20, 340, 50)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1:] == [(("一", "、"), ("Alpha",), ("2019",), ())]


def test_a_cell_across_holding_one_rows_centred_cells_is_one_row_whatever_its_first_cell() -> None:
    """Random Word layouts with looks, seed 1051 ("Medium Shading 1", no item numbers, cells
    centred top to bottom): the row's first cell, its description, wraps over four lines, so
    text in the first column on one line at most did not hold and the row was read a line at a
    time (its name's lines and the next row's mixed). Each column's text one block of lines,
    the blocks centred on one middle, is one row; rows one under another, each column with a
    value per row, still are several."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 100), (100, 200), (200, 300))
    header = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    chars = _word("Description", 5.4, 5) + _word("Name", 105.4, 5) + _word("Date", 205.4, 5)
    one = list(chars)
    for n, line in enumerate(("Information of", "red tide", "in Hong Kong", "waters")):
        one += _word(line, 5.4, 24 + 12 * n)
    one += _word("Red Tide", 105.4, 36) + _word("Situation", 105.4, 48)
    one += _word("June 2021", 205.4, 42)
    blocks, _ = page_blocks(one, [*header, *_box(0, 20, 300, 74)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1:] == [
        (("Information of", "red tide", "in Hong Kong", "waters"), ("Red Tide", "Situation"),
         ("June 2021",))
    ]  # fmt: skip
    two = list(chars)
    for n, (text, name, date) in enumerate((("Alpha", "A", "2019"), ("Beta", "B", "2020"))):
        two += _word(text, 5.4, 24 + 24 * n) + _word(f"{text} more", 5.4, 36 + 24 * n)
        two += _word(name, 105.4, 24 + 24 * n) + _word(date, 205.4, 24 + 24 * n)
    blocks, _ = page_blocks(two, [*header, *_box(0, 20, 300, 74)], 1, 0)
    dates = [b.cells[2] for b in blocks if isinstance(b, TableRow)][1:]
    assert [date for date in dates if date] == [("2019",), ("2020",)]  # a row per line, as before


def test_text_set_left_in_a_later_column_of_a_cell_over_two_is_that_columns() -> None:
    """Random Word layouts seed 953 ("Medium Shading 1", default look): an unfilled row beside a
    merged category is two cells, one over the columns left of the category, one over the empty
    remarks column and the name column; the name, set left in its column, was read as the whole
    cell's text, in its first column (the remarks). Text in one column right of a cell's first,
    set left in it, is that column's; text in the first, or centred across, stays the cell's."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += _box(0, 20, 160, 40) + _box(160, 20, 340, 40)
    chars = _word("Item", 5.4, 5) + _word("Date", 45.4, 5) + _word("Remarks", 165.4, 5)
    chars += _word("Name", 265.4, 5) + _word("2", 5.4, 25) + _word("2024", 45.4, 25)
    blocks, _ = page_blocks([*chars, *_word("Earthquakes", 265.4, 25)], edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1] == (("2",), ("2024",), (), ("Earthquakes",))
    blocks, _ = page_blocks([*chars, *_word("Note: none", 165.4, 25)], edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1] == (("2",), ("2024",), ("Note: none",), ())


def test_the_row_under_a_grouping_row_takes_the_columns_of_the_row_above_it() -> None:
    """Random Word layouts with looks, seed 972 ("Light Shading", a shaded header, grouping rows):
    the header and the first row, a category across the table, are filled; the dataset row under
    them, unfilled and centred, was read in columns of its own (the plan gave no dataset). The
    grouping row has one cell: the row under it takes the columns of the header above it."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)] + _box(0, 20, 340, 40)
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Frequency", 265.4, 5) + _word("Welfare", 5.4, 25)
    chars += _word("Statistics on", 60, 43) + _word("1)", 14, 49) + _word("Dengue fever", 62, 55)
    chars += _word("04/2021", 190, 49) + _word("Monthly", 280, 49)  # centred across too
    blocks, _ = page_blocks(chars, [*edges, _rule(0, 340, 70)], 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("1)",), ("Statistics on", "Dengue fever"), ("04/2021",), ("Monthly",))


def test_the_header_above_a_grouping_row_above_the_first_filled_row_is_the_tables() -> None:
    """Random Word layouts with looks, seed 963 ("Light Shading", a grouping row under the header,
    cells centred both ways): the first filled row is the second dataset row; above it, between
    rules across the table, lie the first row, the grouping row and the header. The header, read
    by alignment, had its centred two-line label "目標發放" / "日期" in two columns of its own.
    Every band above the filled row that holds a row is a row of its columns, past the grouping
    row (one line across the table, left to the structure)."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [_rule(0, 340, y) for y in (0, 30, 43)]  # the top, the header's foot, the grouping's
    edges += [e for x0, x1 in columns for e in _box(x0, 63, x1, 83)] + [_rule(0, 340, 103)]
    chars = _word("Item", 5.4, 10) + _word("Name", 45.4, 10) + _word("Target", 185, 4)
    chars += _word("Date", 194, 16) + _word("Frequency", 265.4, 10)
    chars += _word("Community Welfare Services", 92, 32)  # the grouping row, across the table
    for label, name, top in (("1.", "Alpha", 48), ("2.", "Beta", 68), ("3.", "Gamma", 88)):
        chars += _word(label, 14, top) + _word(name, 85, top) + _word("05/2021", 190, top)
        chars += _word("Daily", 285, top)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[0] == (("Item",), ("Name",), ("Target", "Date"), ("Frequency",))
    assert [row[0] for row in rows if row[0] != ("Community Welfare Services",)][1:] == [
        ("1.",),
        ("2.",),
        ("3.",),
    ]


def test_a_table_going_on_at_a_pages_top_without_a_filled_row_keeps_its_columns() -> None:
    """Random Word layouts with looks, seed 985 ("Light Shading", cells centred both ways): the
    next page holds only the repeated header and the rest of a row ("t Unit" of "Information
    Technology Managemen" / "t Unit"), neither filled: with no cell and centred labels, the
    header was read as lines of text and the rest of the row lost. The columns of the last row
    of the page before carry over: each band between the rules across them at the page's top
    holding a header or a row's rest is a row of them. Text above those rules (a heading) is a
    new table's page, and the columns do not carry."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    filled = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    first = _word("Item", 5.4, 5) + _word("1.", 5.4, 25) + _word("Managemen", 265.4, 25)
    carry: list[Carried] = []
    page_blocks(first, filled, 1, 0, carry)
    assert carry == [Carried.of(list(columns))]  # its last row's columns, all its columns
    rules = [_rule(0, 340, y) for y in (0, 30, 50)]
    second = _word("Item", 14, 10) + _word("Name", 85, 10) + _word("Target", 185, 4)
    second += _word("Date", 194, 16) + _word("Contact", 280, 10) + _word("t Unit", 280, 35)
    blocks, _ = page_blocks(second, rules, 2, 1, carry)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows == [
        (("Item",), ("Name",), ("Target", "Date"), ("Contact",)),
        ((), (), (), ("t Unit",)),
    ]
    # the repeated header filled (a shaded header, seed 994): the rest under it joins it
    carry = [Carried.of(list(columns))]
    shaded = [e for x0, x1 in columns for e in _box(x0, 0, x1, 30)] + [_rule(0, 340, 50)]
    blocks, _ = page_blocks(second, shaded, 2, 1, carry)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells[3] for r in rows] == [("Contact",), ("t Unit",)]
    assert rows[0].table == rows[1].table
    # a whole table at the top (header and rows, Table Grid), a short heading under it that fits
    # the first column, then the next table: the heading is no row of the first (seed 1042)
    carry = [Carried.of(list(columns))]
    grid = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    grid += [e for x0, x1 in columns for e in _box(x0, 70, x1, 90)]
    text = _word("Item", 5.4, 5) + _word("1.", 5.4, 25) + _word("Beta", 45.4, 25)
    text += _word("D. Done", 5.4, 52) + _word("Item", 5.4, 75)
    blocks, _ = page_blocks(text, grid, 2, 1, carry)
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["D. Done"]
    carry = [Carried.of(list(columns))]
    heading = _word("D. Datasets already released", 0, -20) + second
    blocks, _ = page_blocks(heading, rules, 2, 1, carry)
    # read by their text's alignment (the labels centred over two lines one column, seed 4741),
    # each row's box its text's, not a row of the carried columns, from their first edge
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells[3] for r in rows] == [("Contact",), ("t Unit",)]
    assert all(min(box.x0 for box in r.where.boxes) > 0 for r in rows)


def test_a_heading_between_two_tables_does_not_join_the_row_above_it_to_the_table_below() -> None:
    """Random Word layouts with looks, seed 972: the walk up from a table's first filled row took
    the footnote and heading between two tables for a grouping row and the first table's last,
    unfilled row for the second table's. A band passed over holds one line only, and the walk
    stops at the band right under another table."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    upper = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]  # table C: its filled header
    lower = [e for x0, x1 in columns for e in _box(x0, 80, x1, 100)]  # table D: its filled header
    rules = [_rule(0, 340, 45), _rule(0, 340, 80)]  # C's foot (under its unfilled row), D's top
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("1.", 5.4, 28) + _word("Alpha", 45.4, 28) + _word("05/2021", 165.4, 28)
    chars += _word("D. Datasets already released", 0, 60)
    chars += _word("Item", 5.4, 85) + _word("Name", 45.4, 85) + _word("Date", 165.4, 85)
    blocks, _ = page_blocks(chars, upper + lower + rules, 1, 0)
    kinds = [(type(b).__name__, b.table if isinstance(b, TableRow) else None) for b in blocks]
    texts = [b.text for b in blocks if isinstance(b, TextLine)]
    assert texts == ["D. Datasets already released"]
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells[0] for r in rows] == [("Item",), ("1.",), ("Item",)]
    assert rows[1].table == rows[0].table != rows[2].table, kinds


def test_the_unfilled_row_below_a_filled_one_under_an_unfilled_header_may_wrap_its_first_cell() -> (
    None
):
    """Random Word layouts with looks, seed 991 ("Light Shading", no item column, cells centred
    top to bottom): header unfilled, row 1 filled, row 2 unfilled above the table's foot, its first
    cell (the contact unit) over two lines around the middle one. Under one filled row alone a
    band is one row only with text in its first column on one line; with the unfilled header above
    it, the style fills rows one in two, and the band is the row whatever its first cell."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 80), (80, 200), (200, 300))
    edges = [_rule(0, 300, 0), *[e for x0, x1 in columns for e in _box(x0, 30, x1, 50)]]
    edges.append(_rule(0, 300, 90))
    chars = _word("Contact", 5.4, 10) + _word("Name", 85.4, 10) + _word("Date", 205.4, 10)
    chars += _word("Stats", 5.4, 35) + _word("Alpha", 85.4, 35) + _word("2021", 205.4, 35)
    chars += _word("IT", 5.4, 55) + _word("Beta", 85.4, 62) + _word("2022", 205.4, 62)
    chars += _word("Unit", 5.4, 69)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("IT", "Unit"), ("Beta",), ("2022",))


def test_grouping_rows_a_style_filled_alone_go_on_the_stack_of_filled_rows() -> None:
    """Random Word layouts with looks, seed 997 ("Light Shading", grouping rows, values centred
    across): the header and the first grouping row are one filled table; each later grouping row,
    filled, is one cell across the table touching no other (no table of its own), and the dataset
    rows between, unfilled, were read by alignment in columns of their own. A cell alone across a
    stack's columns goes on the stack, and the rows between take the columns above it."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)] + _box(0, 20, 340, 32)
    edges += _box(0, 60, 340, 72) + _box(0, 100, 340, 112) + [_rule(0, 340, 140)]
    chars = _word("Item", 14, 5) + _word("Name", 88, 5) + _word("Date", 198, 5)
    chars += _word("Frequency", 273, 5) + _word("Commerce", 146, 22) + _word("Environment", 137, 62)
    chars += _word("Food", 158, 102)
    for label, name, top in (("(1)", "Lifts", 40), ("(2)", "Energy", 80), ("(3)", "Prices", 120)):
        chars += _word(label, 11, top) + _word(name, 85, top) + _word("2019", 198, top)
        chars += _word("Weekly", 279, top)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert [row[0] for row in rows] == [
        ("Item",), ("Commerce",), ("(1)",), ("Environment",), ("(2)",), ("Food",), ("(3)",),
    ]  # fmt: skip
    assert rows[4] == (("(2)",), ("Energy",), ("2019",), ("Weekly",))
    assert not [b for b in blocks if isinstance(b, TextLine)]


def test_a_section_whose_only_filled_row_is_its_grouping_row_has_the_tables_columns() -> None:
    """Random Word layouts with looks, seeds 1060 and 1063 ("Light Shading", grouping rows,
    values centred): a section of one dataset fills only its grouping row, one cell across the
    table (no table: no columns), so its header and its row, centred top to bottom, were read a
    line at a time by alignment ("社會福利" a line, the row's label and the wrapped cell's lines
    rows of their own). The table above on the page, as wide, is the same table: its columns are
    the section's. So are the page before's last table's, for a section at a page's top."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))

    def header(top: float) -> list[Char]:
        labels = (("Item", 5.4), ("Name", 45.4), ("Date", 165.4), ("Frequency", 265.4))
        return [char for label, x in labels for char in _word(label, x, top)]

    above = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    above_chars = header(5) + _word("(1)", 5.4, 25) + _word("Lifts", 45.4, 25)
    above_chars += _word("2019", 165.4, 25) + _word("Weekly", 265.4, 25)
    # the section: its header ruled above and below, its grouping row filled, its row unfilled
    section = [_rule(0, 340, 100), _rule(0, 340, 120), *_box(0, 120, 340, 132)]
    section += [_rule(0, 340, 170)]
    chars = (
        header(105)
        + _word("Commerce", 5.4, 121)
        + _word("(2)", 11, 146)
        + _word("Energy use of", 45.4, 136)
    )
    chars += _word("buildings", 45.4, 156) + _word("2020", 190, 146) + _word("Monthly", 279, 146)
    row = (("(2)",), ("Energy use of", "buildings"), ("2020",), ("Monthly",))
    blocks, _ = page_blocks(above_chars + chars, above + section, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[2:] == [rows[0], (("Commerce",), (), (), ()), row]
    assert not [b for b in blocks if isinstance(b, TextLine)]
    # at the top of the next page, under the columns the page before ended with
    carry = [Carried.of(list(columns))]
    blocks, _ = page_blocks(above_chars, above, 1, 0, carry)
    blocks, _ = page_blocks(chars, section, 2, 1, carry)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1:] == [(("Commerce",), (), (), ()), row]
    # the document's first section, the same table below it on the page (seed 1050)
    below = [e._replace(top=e.top + 200, bottom=e.bottom + 200) for e in above]
    below_chars = [c._replace(top=c.top + 200, bottom=c.bottom + 200) for c in above_chars]
    blocks, _ = page_blocks(chars + below_chars, section + below, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1:3] == [(("Commerce",), (), (), ()), row]


def test_a_tables_header_not_ruled_above_its_first_grouping_row_is_its_header() -> None:
    """Word's "Medium List 1" (scripts/word_styles.py, the AFCD fixtures): no rule above the
    header, the header's foot ruled, and the first row a grouping row filled alone. The grouping
    row begins the table (the table below it gives its columns); the header above it, not ruled
    apart from the text above, was read by alignment: without the grouping row's line beside it,
    its empty item column was no column (four labels for five columns). The lines right above
    the grouping row, each inside the columns, are the table's header."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 240), (240, 320))
    edges = [_rule(0, 320, 20), *_box(0, 20, 320, 32)]
    edges += [e for x0, x1 in columns for e in _box(x0, 52, x1, 72)]
    chars = _word("A. Datasets to be released", 0, -30) + _word("Name", 45.4, -8)
    chars += _word("Target", 165.4, -8) + _word("Release Date", 165.4, 5)
    chars += _word("Remarks", 245.4, -8) + _word("Food", 5.4, 21)
    for label, name, top in (("A1", "Alpha", 37), ("A2", "Beta", 57)):
        chars += _word(label, 5.4, top) + _word(name, 45.4, top) + _word("2021", 165.4, top)
        chars += _word("CSV", 245.4, top)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells for r in rows][:2] == [
        ((), ("Name",), ("Target", "Release Date"), ("Remarks",)),
        (("Food",), (), (), ()),
    ]
    assert [r.cells[0] for r in rows][2:] == [("A1",), ("A2",)]
    assert len({r.table for r in rows}) == 1
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["A. Datasets to be released"]


def test_a_grouping_row_no_table_gives_columns_to_takes_them_from_its_header_and_row() -> None:
    """Random Word layouts with looks, seed 1094 ("Light Shading", grouping rows, cells centred,
    no shaded header): every section fills only its grouping row (one or two rows each), so no
    page has a table with columns; the header and the rows were read by alignment, labels and
    values in columns of their own. The header's labels (between the rule above the grouping row
    and it) and the row's values below it are centred in their columns: the columns part where no
    text crosses, halfway between blocks side by side."""
    from plan_extract.read.page import page_blocks

    edges = [_rule(0, 340, 0), _rule(0, 340, 26), *_box(0, 26, 340, 38), _rule(0, 340, 66)]
    chars = _word("Item", 8, 8) + _word("Dataset", 60, 2) + _word("Name", 66, 14)
    chars += _word("Release", 180, 8) + _word("Update", 270, 2) + _word("Frequency", 261, 14)
    chars += _word("Commerce", 5.4, 27) + _word("1)", 14, 47) + _word("Lifts and", 56, 41)
    chars += _word("escalators", 53, 53) + _word("Q3 2020", 180, 47) + _word("Weekly", 270, 47)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows == [
        (("Item",), ("Dataset", "Name"), ("Release",), ("Update", "Frequency")),
        (("Commerce",), (), (), ()),
        (("1)",), ("Lifts and", "escalators"), ("Q3 2020",), ("Weekly",)),
    ]
    assert not [b for b in blocks if isinstance(b, TextLine)]
    # no rule above the grouping row: no header to part columns by, its rows as before
    blocks, _ = page_blocks(chars, edges[1:], 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] != rows


def test_a_row_beside_a_merged_cell_at_a_pages_foot_goes_on_under_the_next_pages_header() -> None:
    """Random Word layouts with looks, seed 1065 ("Light Shading", a category merged down to the
    page's foot): the last row on the page has no cells of its own beside the merged one, so the
    table's last row had no columns to carry to the next page, and the rest of its date cell
    there, under the repeated header, was a line of text ("released", lost from the note). The
    row's columns are the table's either side of the merged cell; and the rows under the next
    page's header take that header's columns, drawn a hair apart from the carried ones (a
    merged cell's edges)."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260.003), (260.003, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += [e for x0, x1 in columns if x0 != 160 for e in _box(x0, 20, x1, 40)]
    edges += _box(160, 20, 260.003, 80)  # the category, merged down to the page's foot
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Cat", 165.4, 5)
    chars += _word("Note", 265.4, 5) + _word("B-1", 5.4, 25) + _word("Lifts", 45.4, 25)
    chars += _word("Energy", 165.4, 25) + _word("B-2", 5.4, 45) + _word("Gas", 45.4, 45)
    chars += _word("Data will be", 265.4, 45)
    carry: list[Carried] = []
    page_blocks(chars, edges, 1, 0, carry)
    assert carry[0].last_row == list(columns)
    page2 = [
        e for x0, x1 in ((0, 40), (40, 160), (160, 260), (260, 340)) for e in _box(x0, 0, x1, 20)
    ]
    page2 += [_rule(0, 340, 34)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Cat", 165.4, 5)
    chars += _word("Note", 265.4, 5) + _word("released", 265.4, 22)
    blocks, _ = page_blocks(chars, page2, 2, 1, carry)
    assert [b.cells for b in blocks if isinstance(b, TableRow)][1:] == [((), (), (), ("released",))]
    assert not [b for b in blocks if isinstance(b, TextLine)]


@pytest.mark.parametrize("filled_header", [False, True])
def test_a_rows_rest_at_a_pages_top_above_a_row_filled_short_of_a_merged_cell(
    filled_header: bool,
) -> None:
    """Random Word layouts with looks, seed 1201 ("Light Shading", a category merged down the
    page's rows, its column left unfilled in the filled rows): at the next page's top, the
    repeated header (unfilled, ruled), the rest of a row a page break cut, and a filled row. No
    rule runs across the columns at the filled row's top, so the rest's band ran on to the
    table's foot and was not taken (lines of text); then, taken, the table of the page's top
    reached down over the filled row and read its text as its own. The first table below ends
    the bands; a table's outer rules do not take it into another table. (Seed 1235, "Medium
    Shading 1": the header filled, a table of its own, whose band below ran down over the
    filled row the same way.)"""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [_rule(0, 340, 0), _rule(0, 340, 20)]
    if filled_header:
        edges += [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    # the filled row, its fill (and so the table's foot) short of the merged category's column
    edges += [e for x0, x1 in columns if x0 != 40 for e in _box(x0, 60, x1, 80)]
    chars = _word("Item", 5.4, 5) + _word("Category", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Name", 265.4, 5) + _word("Note: Data", 165.4, 23)
    chars += _word("since 2010", 165.4, 35) + _word("released", 165.4, 47)
    chars += _word("(3)", 5.4, 65) + _word("2023", 165.4, 65) + _word("Centres", 265.4, 65)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried.of(list(columns))])
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows == [
        (("Item",), ("Category",), ("Date",), ("Name",)),
        ((), (), ("Note: Data", "since 2010", "released"), ()),
        (("(3)",), (), ("2023",), ("Centres",)),
    ]
    assert not [b for b in blocks if isinstance(b, TextLine)]


def test_a_row_a_page_break_cut_under_a_filled_one_keeps_its_columns() -> None:
    """Random Word layouts with looks, seed 1030 ("Light Shading", values centred across): the
    last row on the page, unfilled, is cut by the page break, so no rule closes it; it was read by
    alignment in columns of its own (an empty column dropped, the date moved into the remarks).
    Its lines, each inside the columns and a line apart, end the row; the page number further
    down is no part of it."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    chars = _word("Item", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    chars += _word("Remarks", 265.4, 5) + _word("1.", 5.4, 25) + _word("Alpha", 45.4, 25)
    chars += _word("2.", 14, 44) + _word("Barbecue", 76, 44) + _word("10/2023", 190, 44)
    chars += _word("Sites", 85, 56) + _word("1", 170, 300)  # the page number
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("2.",), ("Barbecue", "Sites"), ("10/2023",), ())
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["1"]


def test_a_band_another_table_took_is_not_taken_again_and_a_wrapped_first_cell_is_one_row() -> None:
    """Random Word layouts with looks, seeds 1026 and 1037 ("Light Shading", shaded headers):
    table A ends with an unfilled row under its filled ones, then a heading, then table B's
    filled header. The walk up from B passed over the heading and took A's last row, which A had
    taken already (the heading became a row of B, A's row read twice, empty). Bands the tables
    above took are theirs. And A's last row, top-aligned, wraps its first cell over three lines,
    two of them with text in other columns: one line only has text in every column, so it is one
    row (before: read by alignment, its lines text)."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 100), (100, 220), (220, 320))
    a = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    b = [e for x0, x1 in columns for e in _box(x0, 110, x1, 130)]
    edges = [*a, _rule(0, 320, 80), *b]
    chars = _word("Frequency", 5.4, 5) + _word("Name", 105.4, 5) + _word("Date", 225.4, 5)
    chars += _word("Weekly", 5.4, 25) + _word("Alpha", 105.4, 25) + _word("2019", 225.4, 25)
    chars += _word("Every 3 months", 5.4, 43) + _word("Food /", 105.4, 43)
    chars += _word("30.04.2021", 225.4, 43) + _word("Note: Data of", 5.4, 55)
    chars += _word("Licensees", 105.4, 55) + _word("the month", 5.4, 67)
    chars += _word("B. Datasets to be released", 0, 92)
    chars += _word("Frequency", 5.4, 115) + _word("Name", 105.4, 115) + _word("Date", 225.4, 115)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [r.cells for r in rows][2] == (
        ("Every 3 months", "Note: Data of", "the month"),
        ("Food /", "Licensees"),
        ("30.04.2021",),
    )
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["B. Datasets to be released"]
    assert len(rows) == 4 and rows[3].table != rows[2].table


def test_words_a_browser_sets_without_space_glyphs_are_apart() -> None:
    """Random layouts as HTML pages printed by Chromium, seed 4004: a browser's PDF has no space
    glyphs, and sets "of" and "major" in Liberation Sans at 10 pt 1.93 pt apart, under a fifth
    of the size (the rule then): "ofmajor". A gap over 0.15 of the size is a space; letters of a
    word abut or overlap (kerning: "a" and "j")."""
    from plan_extract.read.page import text_lines

    boxes = [("o", 194.65, 200.71), ("f", 200.71, 204.27), ("m", 206.2, 215.46)]
    boxes += [("a", 215.46, 221.09), ("j", 220.64, 223.83)]  # as Chromium's PDF gives them
    chars = [Char(text, x0, 178, x1, 188, 10) for text, x0, x1 in boxes]
    assert [segment.text for line in text_lines(chars) for segment in line.segments] == ["of maj"]
    # Chinese set with a little tracking (1.8 pt at 10 pt) is not words apart: a fifth there
    tracked = [
        Char(ch, 100 + 11.8 * i, 178, 110 + 11.8 * i, 188, 10) for i, ch in enumerate("數據集")
    ]
    assert [segment.text for line in text_lines(tracked) for segment in line.segments] == ["數據集"]


def test_a_rule_drawn_a_piece_per_cell_is_one_rule_under_each_column() -> None:
    """A browser draws each cell's border on its own (random HTML layouts, seed 4038): a row's
    rule is a piece per cell, each a hair right of the column's vertical rule. No piece ran across
    the column, the rows' squares had no rule under them, and the column's text was taken for a
    merged cell's, moved up into the header. Pieces end to end are one rule."""
    from plan_extract.read.page import page_blocks

    xs = (0.0, 60.0, 180.0, 280.0)
    starts = (0.0, 63.5, 183.5, 280.0)  # where each cell's pieces begin
    edges = [Edge("v", x, 0.0, x, 60.0) for x in xs]
    edges += [Edge("h", a, y, b, y) for y in (0.0, 20.0, 40.0, 60.0) for a, b in pairwise(starts)]
    chars = _word("Item", 2, 5) + _word("Name", 65, 5) + _word("Date", 185, 5)
    chars += _word("1.", 2, 25) + _word("Alpha", 65, 25) + _word("01/2020", 185, 25)
    chars += _word("2.", 2, 45) + _word("Beta", 65, 45) + _word("02/2020", 185, 45)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Item",), ("Name",), ("Date",)),
        (("1.",), ("Alpha",), ("01/2020",)),
        (("2.",), ("Beta",), ("02/2020",)),
    ]


def test_columns_parted_by_text_end_right_before_a_column_set_left() -> None:
    """Columns a table without vertical rules gets from its header's and first row's text
    (Bands.columns_parted) part halfway between blocks of text, or right before a block whose
    pieces all start where it starts: a longer value further down may reach past halfway (random
    HTML layouts, seed 4035: "每年一月及七" under 「更新频率」 was read as no row). A block set
    otherwise (centred) keeps the halfway line."""
    from plan_extract.read.page import BAND_FIT, _Bands

    chars = _word("Name", 10, 5) + _word("Freq", 100, 5) + _word("Unit", 200, 5)
    chars += _word("Alpha", 10, 25) + _word("Weekly", 100, 25) + _word("Stats", 200, 25)
    chars += _word("End", 310, 5) + _word("Ending", 301, 25)  # centred: starts apart
    columns = _Bands(chars).columns_parted(0.0, 400.0, [(0.0, 20.0), (20.0, 40.0)])
    assert columns is not None
    assert [round(x1, 1) for _, x1 in columns] == [
        100 - BAND_FIT,  # "Freq" and "Weekly" both start at 100
        200 - BAND_FIT,
        round((230 + 301) / 2, 1),
        400.0,
    ]


def test_a_whole_row_under_a_repeated_header_at_a_pages_top_goes_on_with_the_table() -> None:
    """A table without vertical rules that goes on from the page before (random HTML layouts,
    seed 4100): the repeated header, then a whole row whose first cell wraps over three lines.
    The band under the header was taken only as the rest of a row the page break cut (its first
    column on one line), and the row was read a line at a time, "Monthly" on the category's
    second line."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 60.0), (60.0, 180.0), (180.0, 280.0)]
    edges = [Edge("h", 0.0, y, 280.0, y) for y in (0.0, 20.0, 80.0)]
    chars = _word("Cat", 2, 5) + _word("Freq", 65, 5) + _word("Date", 185, 5)
    chars += _word("Commerce", 2, 25) + _word("Monthly", 65, 25) + _word("01/2020", 185, 25)
    chars += _word("and", 2, 37) + _word("Industry", 2, 49)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("Cat",), ("Freq",), ("Date",)),
        (("Commerce", "and", "Industry"), ("Monthly",), ("01/2020",)),
    ]


def test_a_value_a_little_past_a_column_parted_by_text_is_still_that_columns() -> None:
    """Columns no rule draws part where a header's and first row's text part them; a longer value
    further down may cross that line by a few points (random HTML layouts, seeds 4072, 4078: the
    row was read as a table of its own). A run that starts in a column and ends within a quarter
    of the next column is the first's; one reaching further (a line across the table) is no row
    of these columns."""
    from plan_extract.read.page import _Bands

    columns = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)]
    near = _word("Alpha", 10, 5) + _word("A" * 17, 110, 5)  # to 212: 12 points on
    far = _word("Alpha", 10, 25) + _word("A" * 22, 110, 25)  # to 242: 42 points on
    bands = _Bands(near + far)
    assert bands.holds(columns, 0.0, 20.0, "row")
    assert not bands.holds(columns, 20.0, 40.0, "row")


def test_pieces_of_a_rule_a_hair_apart_in_height_are_joined_left_to_right() -> None:
    """Word draws a row's rule in pieces whose heights differ by hundredths of a point (random
    Word layouts, seed 1528): joined in the order of their heights, the middle piece came first
    and the rule lost its left part, the rows above were taken for a merged cell's."""
    from plan_extract.read.page import _HRules

    pieces = [(540.95, 224.8, 296.35), (541.0, 51.3, 87.05), (541.0, 87.1, 224.75)]
    pieces += [(541.0, 296.4, 533.15), (568.55, 51.3, 533.15)]
    rules = _HRules(Edge("h", x0, y, x1, y) for y, x0, x1 in pieces)
    assert [(round(y), x0, x1) for y, x0, x1 in rules.rules] == [
        (541, 51.3, 533.15),
        (569, 51.3, 533.15),
    ]
    assert rules.across(51.3, 533.15, 541.0)
    apart = _HRules([Edge("h", 0.0, 10.0, 50.0, 10.0), Edge("h", 80.0, 10.0, 120.0, 10.0)])
    assert [(x0, x1) for _, x0, x1 in apart.rules] == [(0.0, 50.0), (80.0, 120.0)]  # a gap stays
    assert not apart.across(0.0, 120.0, 10.0)


def test_rows_under_a_header_that_ended_the_page_before_are_rows_of_its_columns() -> None:
    """Random Word layouts with the header printed once, seed 1946: a table's header alone at
    a page's foot (a page number under it), its rows on the next page with no rule or fill around
    them, a grouping row's text across the table first. Read by alignment, the grouping row made
    a column of its own and the rows had a cell too many (an `unexpected_columns` error); they are
    rows of the header's columns, a row a line, the structure stage joining a row's lines."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 260), (260, 340))
    header = [e for x0, x1 in columns for e in _box(x0, 600, x1, 620)]
    first = _word("Item", 5.4, 605) + _word("Name", 45.4, 605) + _word("Date", 165.4, 605)
    first += _word("Note", 265.4, 605) + _word("1", 170, 760)  # the page number
    carry: list[Carried] = []
    page_blocks(first, header, 1, 0, carry)
    assert carry == [Carried(list(columns), list(columns), nothing_cut=True)]
    second = _word("Climate and Weather", 5.4, 40)  # wider than the first column
    second += _word("1", 5.4, 54) + _word("Quick earthquake", 45.4, 54) + _word("2019", 165.4, 54)
    second += _word("messages", 45.4, 66)
    second += _word("D. Datasets already released", 5.4, 100)  # a heading, a gap above it
    blocks, _ = page_blocks(second, [], 2, 1, carry)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows == [
        (("Climate and Weather",), (), (), ()),
        (("1",), ("Quick earthquake",), ("2019",), ()),
        ((), ("messages",), (), ()),
    ]
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["D. Datasets already released"]
    # a header with a row under it on its page has its row cut or not: the next page's lines
    # may be its rest (a row drawn in one cell across the table, its values in their columns)
    row = _word("1", 5.4, 625) + _word("Alpha", 45.4, 625)
    page_blocks(first + row, [*header, *_box(0, 620, 340, 640)], 1, 0, carry)
    assert not carry[0].nothing_cut
    # a grouping row under it, one line of one run from the first column, is no row a page
    # break cuts (random Word layouts with looks, seed 2214)
    grouping = _word("Social Welfare", 5.4, 625)
    page_blocks(first + grouping, [*header, *_box(0, 620, 340, 640)], 1, 0, carry)
    assert carry[0].nothing_cut
    # nor is a header with text under it (a footnote and a paragraph) but a page number
    below = _word("* Provisional", 5.4, 630) + _word("The department reviews it", 5.4, 650)
    page_blocks(first + below, header, 1, 0, carry)
    assert not carry[0].nothing_cut


def _filled_rows(
    columns: tuple[tuple[float, float], ...], bands: list[tuple[float, float]]
) -> list[Edge]:
    """The edges of rows a table style fills (each a box per column, as Word's fills are drawn)."""
    return [e for top, bottom in bands for x0, x1 in columns for e in _box(x0, top, x1, bottom)]


def test_an_unframed_row_atop_a_page_over_the_table_going_on_is_a_row_of_it() -> None:
    """Word's "Light Shading" with the header printed once, a table without item numbers going
    on from the page before (the LandsD bilingual fixture laid out so): the page's first row is
    unfilled and unruled, the next one filled. Its lines were read one at a time, and the last
    line of a note in its first column ("month") became the next rows' category. The lines over
    the page's first table, in that table's columns, the first with text in the first column,
    nothing above them, are a row of it where the page before ended with a table of the same
    columns; not where it did not, nor under a heading."""
    from plan_extract.read.page import page_blocks

    columns = ((0.0, 100.0), (100.0, 200.0), (200.0, 300.0))
    edges = _filled_rows(columns, [(78, 98)])
    chars = _word("31.01.2023", 5.4, 40) + _word("Street", 105.4, 40) + _word("Yearly", 205.4, 40)
    chars += _word("Note:", 5.4, 52) + _word("Name", 105.4, 52) + _word("month", 5.4, 64)
    chars += _word("2023-09", 5.4, 83) + _word("Land sales", 105.4, 83) + _word("Daily", 205.4, 83)
    carry = [Carried.of(list(columns))]
    blocks, _ = page_blocks(chars, edges, 2, 1, carry)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[0] == (("31.01.2023", "Note:", "month"), ("Street", "Name"), ("Yearly",))
    assert rows[-1] == (("2023-09",), ("Land sales",), ("Daily",))
    assert not [b for b in blocks if isinstance(b, TextLine)]
    # without the table going on from the page before, the lines are not the table's
    blocks, _ = page_blocks(chars, edges, 2, 1, [])
    assert [b.cells for b in blocks if isinstance(b, TableRow)][-1] == rows[-1]
    assert all(b.cells != rows[0] for b in blocks if isinstance(b, TableRow))
    # under a heading, nor are they (a new table's first rows)
    heading = _word("D. Progress: datasets uploaded onto DATA.GOV.HK", 5.4, 16)
    blocks, _ = page_blocks(heading + chars, edges, 2, 1, [Carried.of(list(columns))])
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [rows[-1]]
    # the rest of a row the page break cut (no text in the first column) is the cut row's
    rest = [c for c in chars if c.x0 > 100 and c.top < 70] + _word("Unit", 105.4, 64)
    table = [c for c in chars if c.top > 80]
    blocks, _ = page_blocks(rest + table, edges, 2, 1, [Carried.of(list(columns))])
    assert next((b.cells, b.table) for b in blocks if isinstance(b, TableRow)) == (
        ((), ("Street", "Name", "Unit"), ("Yearly",)),
        1,
    )


def test_the_rest_of_a_page_first_row_whose_first_cell_alone_is_framed_is_that_row() -> None:
    """Word's "Medium List 2" and "Medium Shading 2" with the header printed once: the page's
    first row has a cell in the first column only (filled, or ruled apart), the rest of the row
    no rule above it, framed by the table's outer rule ("Medium List 2") or by nothing but the
    column's cells below ("Medium Shading 2"). Its text was read as a table of its own and the
    row lost its values. It is the first row's."""
    from plan_extract.read.page import page_blocks

    columns = ((0.0, 40.0), (40.0, 160.0), (160.0, 300.0))
    below = [e for x0, x1 in columns for e in _box(x0, 40, x1, 60)]
    chars = _word("2.", 5.4, 5) + _word("Weather", 45.4, 5) + _word("06/2020", 165.4, 5)
    chars += _word("summary", 45.4, 17)
    chars += _word("3.", 5.4, 45) + _word("Tremors", 45.4, 45) + _word("09/2020", 165.4, 45)
    first_row = (("2.",), ("Weather", "summary"), ("06/2020",))
    for outer in (polyline_edges([(300, 0), (300, 60)]), []):
        blocks, _ = page_blocks(chars, [*_box(0, 0, 40, 40), *below, *outer], 2, 0)
        assert [b.cells for b in blocks] == [first_row, (("3.",), ("Tremors",), ("09/2020",))]


def test_a_cell_across_the_table_holding_one_row_whose_first_cell_wraps_is_that_row() -> None:
    """Random Word layouts with looks, seed 1928 ("Medium Shading 1", no item numbers): a row
    ruled apart from the next but not into columns is one cell across the table; its name wraps
    in the first column, so its lines were read as rows, one a line, and the row split into
    datasets. A cell's lines are one row where the second line fills fewer columns than the
    first, each later line's text lies under text of its column, and the first column's under a
    line that left no room for its first word; rows a line each are still rows."""
    from plan_extract.read.page import page_blocks

    edges = [e for x0, x1 in ((0, 100), (100, 200), (200, 300)) for e in _box(x0, 0, x1, 20)]
    edges += _box(0, 20, 300, 60)
    header = _word("Name", 5.4, 5) + _word("Date", 105.4, 5) + _word("Update", 205.4, 5)
    wrapped = _word("Earnings and", 5.4, 25) + _word("Oct 2022", 105.4, 25)
    wrapped += _word("Yearly", 205.4, 25) + _word("hours", 5.4, 37) + _word("or before", 105.4, 37)
    blocks, _ = page_blocks(header + wrapped, edges, 1, 0)
    assert [b.cells for b in blocks][1:] == [
        (("Earnings and", "hours"), ("Oct 2022", "or before"), ("Yearly",))
    ]
    # a short first cell: the name under it is a new row's, had it fitted on its line
    rows = _word("Alpha", 5.4, 25) + _word("04/2019", 105.4, 25) + _word("Monthly", 205.4, 25)
    rows += _word("Beta", 5.4, 37) + _word("05/2019", 105.4, 37)
    blocks, _ = page_blocks(header + rows, edges, 1, 0)
    assert [b.cells for b in blocks][1:] == [
        (("Alpha",), ("04/2019",), ("Monthly",)),
        (("Beta",), ("05/2019",), ()),
    ]


def test_a_page_s_first_row_ruled_in_wide_cells_is_read_in_the_columns_of_the_page_before() -> None:
    """Random Word layouts with looks, seed 1978 ("Medium Shading 1", header printed once, a
    merged category): the page's first row is ruled into a few wide cells, each over columns
    the table's header on the page before parts, and was read one cell each (its values joined
    to the row above as the rest of a cut row). With nothing above it on the page, a cell whose
    text lies in two columns or more of the page before's table is parted into them; a cell
    whose text is one run across (a grouping row) is not."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 100.0), (100.0, 160.0), (160.0, 220.0), (220.0, 300.0), (300.0, 360.0)]
    # three wide cells over five columns, the middle one empty (a merged category's square)
    edges = _box(0, 50, 160, 70) + _box(160, 50, 220, 70) + _box(220, 50, 360, 70)
    edges += _box(0, 70, 360, 90)  # a grouping row's cell across the table
    chars = _word("Aerial", 5.4, 55) + _word("KML", 105.4, 55)
    chars += _word("Survey", 225.4, 55) + _word("Yearly", 305.4, 55)
    chars += _word("Lands and maps", 5.4, 75)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks] == [
        (("Aerial",), ("KML",), (), ("Survey",), ("Yearly",)),
        (("Lands and maps",), (), (), (), ()),
    ]
    # text above the table: a table of the page's own, not the page before's going on
    heading = _word("B. Datasets", 5.4, 20)
    blocks, _ = page_blocks(heading + chars, edges, 2, 0, [Carried.of(columns)])
    assert len(next(b for b in blocks if isinstance(b, TableRow)).cells) == 3


def test_a_merged_cell_s_text_in_its_third_row_and_the_next_row_s_own_are_two_cells() -> None:
    """Random Word layouts with looks, seed 1966 ("Light List", cells centred top to bottom): a
    category merged over three rows, the third the tallest, prints its text in the third; the
    style leaves the rules under the merged cell out, and under the next row's category too.
    The first two rows' squares were empty, so the second row took the text, and the next row's
    category was joined to it ("FoodLand"), the first row left without one. The merged cell is
    the first row's, down through the empty squares to its text; text more than a line below
    that is the next row's own."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 60), (60, 120), (120, 180), (180, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    for y in (35, 50, 80):  # the rules under each row, but in the category's column
        edges += polyline_edges([(0, y), (120, y)]) + polyline_edges([(180, y), (300, y)])
    # as LibreOffice draws it: the outer rules, the merged cell's sides, the other columns'
    # sides in the first and third rows only
    edges += [e for x in (0, 300) for e in polyline_edges([(x, 20), (x, 100)])]
    edges += [e for x in (120, 180) for e in polyline_edges([(x, 20), (x, 80)])]
    for top, bottom in ((20, 35), (50, 80)):
        edges += [e for x in (60, 180) for e in polyline_edges([(x, top), (x, bottom)])]
    edges += polyline_edges([(0, 100), (300, 100)])
    chars = _word("Item", 5, 5) + _word("Name", 65, 5) + _word("Cat", 125, 5)
    chars += _word("Date", 185, 5)
    for n, (name, y) in enumerate((("Alpha", 22), ("Beta", 37), ("Gamma", 52), ("Delta", 85))):
        chars += _word(f"{n + 1}.", 5, y) + _word(name, 65, y) + _word("2024", 185, y)
    chars += _word("Gamma", 65, 66)  # the third row's name wraps: the tallest row
    chars += _word("Food", 125, 58) + _word("Land", 125, 85)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [b.cells[2] for b in rows] == [("Cat",), ("Food",), (), (), ("Land",)]
    assert [b.covered for b in rows] == [set(), set(), {2}, {2}, set()]


@pytest.mark.parametrize(
    ("category_top", "categories", "covered"),
    [
        (63.0, [(), ("Finance",)], [set(), set()]),  # centred in the second row: its own
        (51.0, [("Finance",), ()], [set(), {2}]),  # centred across both: the merged cell's
    ],
)
def test_a_row_s_own_category_under_an_open_square_is_not_the_square_s(
    category_top: float, categories: list[tuple[str, ...]], covered: list[set[int]]
) -> None:
    """Random Word layouts with looks, seed 2005 ("Medium Shading 1", cells centred top to
    bottom): under the rest of a category merged across a page break (its square in the page's
    first row unfilled, no rule under it), the next row's own category, centred in that row as
    its other texts are, was taken for the merged cell's text and moved up a row, and the cut
    category's rows lost theirs. A text set in its row as the row's others are is that row's; a
    text centred across the open squares is still the first's."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 140), (140, 220), (220, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += [e for x0, x1 in (columns[0], columns[1], columns[3]) for e in _box(x0, 20, x1, 44)]
    edges += polyline_edges([(0, 44), (0, 92), (300, 92), (300, 44)])
    chars = _word("Item", 5, 5) + _word("Name", 45, 5) + _word("Cat", 145, 5)
    chars += _word("Date", 225, 5)
    chars += _word("3.", 5, 27) + _word("Trade", 45, 27) + _word("10.2023", 225, 27)
    chars += _word("4.", 5, 63) + _word("Rates", 45, 53) + _word("for HK", 45, 63)
    chars += _word("Dollar", 45, 73) + _word("Mid 2023", 225, 63)
    chars += _word("Finance", 145, category_top)
    blocks, _ = page_blocks(chars, edges, 2, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)][1:]
    assert [row.cells[2] for row in rows] == categories
    assert [row.covered for row in rows] == covered


def test_a_header_row_at_a_page_s_foot_ruled_above_and_below_is_read_in_its_columns() -> None:
    """Random Word layouts with looks, seeds 1926 and 2014 ("Light Shading", the header printed
    once, cells centred): a table's header row a page break cut leaves its first lines at the
    page's foot between two rules across the table, no other rule; read by its text's
    alignment, a label centred in the first column was taken for the second of a table with an
    empty first column, and the rows on the next page had a column too few for that header.
    Rules across a table of the page as wide, round text that repeats part of that table's
    header row in its columns, are a row of those columns; an unruled table's rows under its
    top rule (no header's text) are not."""
    from plan_extract.read.page import page_blocks

    columns = ((0.0, 60.0), (60.0, 180.0), (180.0, 300.0))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20) + _box(x0, 20, x1, 40)]
    header = _word("Item", 18, 5) + _word("Frequency", 93, 5) + _word("Dataset Name", 204, 5)
    rows = _word("1.", 24, 25) + _word("Monthly", 99, 25) + _word("Rainfall", 216, 25)
    edges += [_rule(0, 300, 100), _rule(0, 300, 115)]  # the next table's header, cut
    cut = _word("Item", 18, 103) + _word("Frequency", 93, 103) + _word("Dataset", 216, 103)
    blocks, _ = page_blocks(header + rows + cut, edges, 1, 0)
    assert [b.cells for b in blocks][2:] == [(("Item",), ("Frequency",), ("Dataset",))]
    # rows under a rule, no header's text: read by their alignment, as before
    rows_below = _word("2.", 24, 103) + _word("Yearly", 99, 103) + _word("Tides", 216, 103)
    rows_below += _word("3.", 24, 116) + _word("Daily", 99, 116) + _word("Winds", 216, 116)
    edges[-1] = _rule(0, 300, 130)
    blocks, _ = page_blocks(header + rows + rows_below, edges, 1, 0)
    below = [b.cells for b in blocks if isinstance(b, TableRow)][2:]
    assert [[text for cell in cells for text in cell] for cells in below] == [
        ["2.", "Yearly", "Tides"],
        ["3.", "Daily", "Winds"],
    ]


def test_a_grouping_row_atop_a_page_going_on_from_the_page_before_keeps_the_rows_under_it() -> None:
    """Random Word layouts with looks, seed 1937 ("Medium Shading 2", the header printed once,
    no item numbers): the page's first band between rules across the table's columns is a
    grouping row, one line across them; the bands were read as rows only while each held a
    row, so none was, and the rows under it were read a line at a time (a bilingual description
    over five lines made five datasets). A band holding one line the rules hold tight is a
    grouping row, one cell across the table, and the bands under it go on; a heading between
    the table and the next, with room round it, is no row."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)]
    edges = [_rule(0, 300, y) for y in (0, 14, 50, 64, 100, 150)]
    chars = _word("Finance", 5, 2)
    chars += _word("Trade-weighted", 5, 17) + _word("Monthly", 105, 17) + _word("HK$", 205, 17)
    chars += _word("indices", 5, 29) + _word("Index", 205, 29)
    chars += _word("Trade", 5, 52)
    chars += _word("Imports", 5, 67) + _word("Monthly", 105, 67) + _word("Trade", 205, 67)
    chars += _word("B. Datasets to be released in 2022", 5, 120)
    # the page before ended with the table's header alone: no row was cut, the first band is no
    # row's rest
    nothing_cut = Carried(columns, columns, nothing_cut=True)
    blocks, _ = page_blocks(chars, edges, 2, 0, [nothing_cut])
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert [b.cells for b in rows] == [
        (("Finance",), (), ()),
        (("Trade-weighted", "indices"), ("Monthly",), ("HK$", "Index")),
        (("Trade",), (), ()),
        (("Imports",), ("Monthly",), ("Trade",)),
    ]
    assert rows[0].covered == {1, 2}  # one cell across the table: a grouping row
    assert [b.text for b in blocks if isinstance(b, TextLine)] == [
        "B. Datasets to be released in 2022"
    ]


def test_a_wrapped_row_whose_columns_lines_interleave_is_one_row() -> None:
    """Random Word layouts with looks, seed 1944 ("Medium Shading 1", no item numbers, a Latin
    and a CJK font): a row's cell across the table held formats on four Latin lines beside a
    note on CJK lines, the two fonts' lines at different heights, so a line held text in a
    column the line right above had none in, and the row was read a line at a time (a dataset
    lost, a note cut). Each line's text in a column right under the column's text above is the
    same row's; a value a line or more below its column's text above is a new row's."""
    from plan_extract.read.page import page_blocks

    columns = ((0, 40), (40, 160), (160, 300))
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)] + _box(0, 20, 300, 70)
    header = _word("Fmt", 5.4, 5) + _word("Name", 45.4, 5) + _word("Date", 165.4, 5)
    row = _word("GML /", 5.4, 25) + _word("Survey", 45.4, 25) + _word("9/2022", 165.4, 25)
    row += _word("MDB /", 5.4, 37) + _word("Note:", 165.4, 41) + _word("ZIP", 5.4, 49)
    blocks, _ = page_blocks(header + row, edges, 1, 0)
    assert [b.cells for b in blocks][1:] == [
        (("GML /", "MDB /", "ZIP"), ("Survey",), ("9/2022", "Note:"))
    ]


def test_a_short_heading_after_a_table_going_on_atop_a_page_is_no_row_of_it() -> None:
    """The rows atop a page that go on with the table the page before ended with are read band
    by band between rules across its columns, and a band holding text in one column is the
    rest of a row or a sparse row; a heading short enough to fit the first column, between
    the table's last rule and the next table's first, was read as a row of it (section B's
    heading a dataset of section A). A band whose text starts more than a line and a half under
    its top rule, room above it as above a heading, ends the table."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)]
    edges = [_rule(0, 300, y) for y in (0, 36, 72, 120)]
    chars = _word("Trade", 5, 3) + _word("Monthly", 105, 3) + _word("HK$", 205, 3)
    chars += _word("Imports", 5, 39) + _word("Monthly", 105, 39) + _word("Trade", 205, 39)
    chars += _word("B. Nil", 5, 92)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["B. Nil"]
    assert len([b for b in blocks if isinstance(b, TableRow)]) == 2


def test_the_rest_of_a_cut_row_alone_atop_a_page_between_rules_is_a_row() -> None:
    """Random Word layouts with looks, seed 1493 ("Light Shading", the header printed once): the
    rest of a row a page break cut, a note's last lines in one column, is ruled above and below
    across the table atop the next page; the first band there was read as a row only where it
    held text in two columns, so these lines were text, and the note lost to its row. The first
    band may be the rest of a row too."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)]
    edges = [_rule(0, 300, 0), _rule(0, 300, 24)]
    # its first line 2.5 pt past its column's end (its last char's middle inside), as a CJK
    # line set to the cell's width may be
    chars = _word("Note: on systems", 106.5, 2) + _word("upgrade", 106.5, 12)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks] == [((), ("Note: on systems", "upgrade"), ())]


def test_the_rest_of_a_cut_row_beside_its_framed_first_cell_atop_a_page_is_that_row() -> None:
    """Random Word layouts with looks, seed 2112: atop the next page, the rest of a row a page
    break cut has its first cell (empty) framed and the rest of the row no rule at all, its
    text, a note's last line, in one column. Text in one square of such a row was left out as
    text beside a narrower table, and became the next row's category. In the first row of the
    table going on from the page before it is the row's."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 60.0), (60.0, 180.0), (180.0, 300.0)]
    edges = _box(0, 0, 60, 17) + [e for x0, x1 in columns for e in _box(x0, 17, x1, 34)]
    chars = _word("upgrade", 185, 3)
    chars += _word("C-2", 5, 20) + _word("Water", 65, 20) + _word("Yearly", 185, 20)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks] == [
        ((), (), ("upgrade",)),
        (("C-2",), ("Water",), ("Yearly",)),
    ]
    # on a page of its own, no table going on: text beside the table's narrower first row
    blocks, _ = page_blocks(chars, edges, 2, 0)
    assert [b.text for b in blocks if isinstance(b, TextLine)] == ["upgrade"]


def test_rows_atop_a_page_whose_rules_leave_out_a_merged_cells_column_are_rows() -> None:
    """Random Word layouts with looks, seed 2101 ("Medium Shading 2", cells centred): a category
    merged down from the page before goes on at the next page's top, and the style rules and
    fills every column of the rows there but that one, so no rule ran across the table; the
    rows were read by their text's alignment, the first line of a row whose item number is
    centred a line lower taken for the rest of the row before, and the rest a column short.
    Rules in pieces with whole columns between them run across the table."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 220.0), (220.0, 320.0)]
    edges = _box(0, 0, 40, 36) + _box(40, 0, 140, 36) + _box(220, 0, 320, 36)
    edges += [*_box(0, 36, 40, 72), _rule(0, 140, 72), _rule(220, 320, 72)]
    chars = _word("Yearly", 45, 3) + _word("Tides", 225, 3)
    chars += _word("3.", 5, 14) + _word("updated", 45, 14) + _word("tables", 225, 14)
    chars += _word("4.", 5, 44) + _word("Daily", 45, 44) + _word("Winds", 225, 44)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks] == [
        (("3.",), ("Yearly", "updated"), (), ("Tides", "tables")),
        (("4.",), ("Daily",), (), ("Winds",)),
    ]
    # pieces: across where a gap runs between columns' edges, not where it ends inside one,
    # nor where a piece runs past the table
    from plan_extract.read.tables import rules_spanning

    def across(*pieces: tuple[float, float]) -> bool:
        return rules_spanning([_rule(x0, x1, 9) for x0, x1 in pieces], columns) == [9]

    assert across((0, 140), (220, 320)) and across((0, 40), (140, 320))
    assert not across((0, 130), (220, 320)) and not across((0, 140), (220, 330))
    assert not across((40, 140), (220, 320))


def test_the_rest_of_a_cut_row_under_a_repeated_header_ruled_apart_is_not_the_headers() -> None:
    """Random Word layouts with looks, seed 2129 ("Light Shading", the header repeated, grouping
    rows): atop the next page, the repeated header is ruled above and below, the rest of a row
    the page break cut under it (a note's last lines in one column), then a grouping row filled
    alone. The lines above such a grouping row were taken for its table's header, as in "Medium
    List 1", whose header no rule parts from the grouping row: header and rest became one row,
    the note's last lines lost to the header. With a rule between, they are rows of their own."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 300.0)]
    edges = [_rule(0, 300, 0), _rule(0, 300, 20), *_box(0, 60, 300, 72), _rule(0, 300, 92)]
    chars = _word("Item", 5, 5) + _word("Date", 45, 5) + _word("Name", 145, 5)
    chars += _word("05.2020", 45, 23) + _word("Note:", 45, 35) + _word("since 2010", 45, 47)
    chars += _word("Finance", 5, 62)
    chars += _word("2.", 5, 76) + _word("2021-01", 45, 76) + _word("Survey", 145, 76)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells for b in blocks] == [
        (("Item",), ("Date",), ("Name",)),
        ((), ("05.2020", "Note:", "since 2010"), ()),
        (("Finance",), (), ()),
        (("2.",), ("2021-01",), ("Survey",)),
    ]


def test_rows_atop_a_page_framed_in_their_first_cell_alone_have_the_tables_columns() -> None:
    """Random Word layouts with looks, seed 2097 ("Medium Shading 2", cells centred, grouping
    rows): the style fills a row's item cell black and leaves the rest of an odd row unruled; at
    the last page's top the rest of a cut row, a grouping row filled across and a row made a
    table of one column and a grouping row, too few columns to be a table, and the row was read
    by its text's alignment (a dataset too many, its item number lost). Such a table going on
    from the page before, as wide as it, has its columns where its rows have no cell."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 220.0), (220.0, 300.0)]
    edges = _box(0, 0, 40, 30) + _box(0, 30, 300, 44) + _box(0, 44, 40, 80)
    edges += [_rule(0, 300, 80)]
    chars = _word("use Data", 45, 10) + _word("2023", 145, 10)
    chars += _word("Commerce and Industry", 5, 33)
    chars += _word("Registered", 45, 50) + _word("Weekly*", 145, 47) + _word("(iii)", 5, 58)
    chars += _word("Assessors", 45, 62) + _word("Note:", 145, 59) + _word("XLSX", 225, 58)
    blocks, _ = page_blocks(chars, edges, 2, 0, [Carried.of(columns)])
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        ((), ("use Data",), ("2023",), ()),
        (("Commerce and Industry",), (), (), ()),
        (("(iii)",), ("Registered", "Assessors"), ("Weekly*", "Note:"), ("XLSX",)),
    ]
    # on a page of its own, no table going on: no columns to add
    blocks, _ = page_blocks(chars, edges, 2, 0)
    assert (("(iii)",), ("Registered", "Assessors"), ("Weekly*", "Note:"), ("XLSX",)) not in [
        b.cells for b in blocks if isinstance(b, TableRow)
    ]


def test_a_row_atop_a_page_framed_by_rules_across_its_fills_short_has_the_tables_columns() -> None:
    """Random Word layouts with looks, seed 2408 ("Medium Shading 2", a merged category): at the
    last page's top the rest of the table, one row, ruled above and below across the table, its
    item cell filled black and the category merged down from the page before filled grey, no
    other cell framed; the cells the fills and rules made ended at the category's right side,
    the row's description and date were one cell and its frequency and name read as lines (a
    dataset with no name, no date, no frequency). A table going on from the page before whose
    top and foot are rules across that table's width is as wide as it."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 200.0), (200.0, 250.0), (250.0, 320.0)]
    columns += [(320.0, 400.0)]
    edges = [_rule(0, 400, 0), _rule(0, 400, 50), *_box(0, 0, 40, 50), *_box(200, 0, 250, 50)]
    chars = _word("二、", 5, 5) + _word("Escalator list", 45, 5) + _word("02/2021", 145, 5)
    chars += _word("As needed", 255, 5) + _word("Workers", 325, 5)
    blocks, _ = page_blocks(chars, edges, 4, 0, [Carried.of(columns)])
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        (("二、",), ("Escalator list",), ("02/2021",), (), ("As needed",), ("Workers",)),
    ]


def test_a_header_a_page_break_cuts_before_its_tables_rules_is_the_next_pages_first_row() -> None:
    """Random Word layouts with looks, seed 2445 ("Medium Shading 1", the header printed once):
    a section's table began two lines above the page's foot, its header's first lines there
    between the table's top rule and the border the break drew, no other rule, and the rest of
    the header ("Format", "Frequency") and the row on the next page. The lines were read as
    text and the table had no labels (a dataset with no name, no date). Lines under a rule across
    at a page's foot, nothing under them but furniture, are a row of the next page's first table,
    as wide as the rule and going on at its top, before its first row; the page before keeps no
    block of them."""
    from plan_extract.read.page import PageContent, pdf_document

    columns = [(0.0, 40.0), (40.0, 120.0), (120.0, 200.0), (200.0, 300.0)]
    first = _word("D. Datasets already released", 5, 60)
    first += _word("No.", 5, 105) + _word("Data", 45, 105) + _word("Update", 125, 105)
    first += _word("Dataset", 205, 105) + _word("1", 150, 380)  # the page number
    second = _word("Format", 45, 5) + _word("Frequency", 125, 5) + _word("Name", 205, 5)
    second += _word("1", 5, 25) + _word("CSV", 45, 25) + _word("Monthly", 125, 25)
    second += _word("Parking", 205, 25) + _word("2", 150, 380)
    page_two = [_rule(0, 300, 0), _rule(0, 300, 20)]
    page_two += [e for x0, x1 in columns for e in _box(x0, 20, x1, 50)]
    document = pdf_document(
        Path("plan.pdf"),
        "0" * 64,
        2,
        [
            PageContent(1, first, [_rule(0, 300, 100), _rule(0, 300, 118)]),
            PageContent(2, second, page_two),
        ],
    )
    blocks = [b.cells if isinstance(b, TableRow) else b.text for b in document.blocks]
    assert blocks == [
        "D. Datasets already released",
        "1",
        (("No.",), ("Data",), ("Update",), ("Dataset",)),  # the structure stage joins the two
        ((), ("Format",), ("Frequency",), ("Name",)),
        (("1",), ("CSV",), ("Monthly",), ("Parking",)),
        "2",
    ]
    rows = [b for b in document.blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert rows[0].where.boxes[0].page == 1  # the header's first lines: page 1's
    from plan_extract.problems import ProblemLog
    from plan_extract.structure import structure

    plan = structure(document, ProblemLog("plan", "plan.pdf"))
    assert [(r.item_cell, r.cells) for r in plan.rows] == [
        (
            "1",
            {
                "item_no": ["1"],
                "formats": ["CSV"],
                "update_frequency": ["Monthly"],
                "dataset_name": ["Parking"],
            },
        )
    ]


def test_rows_atop_a_page_under_a_rest_its_frame_runs_up_beside_have_the_tables_columns() -> None:
    """Random Word layouts with looks, seed 2461 (a style that draws the table's outer frame and
    fills its grouping rows, cells centred top to bottom): atop the page the rest of a cut row,
    no rule across over it, then a grouping row filled across and a row under it, framed as one
    cell across the table; the text above stopped the table from going on in the page before's
    columns, the one-column table was none, and the row was read by its text's alignment, a row
    a line (a dataset too many, one with no name). Text above a table that its side rules run up
    beside is the rest of a row: the table goes on, its cells parted in the columns."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 220.0), (220.0, 300.0)]
    edges = [Edge("v", 0, 0, 0, 130), Edge("v", 300, 0, 300, 130), *_box(0, 20, 300, 34)]
    edges += [_rule(0, 300, 130)]
    chars = _word("coordinate systems", 45, 5) + _word("Housing", 5, 22)
    chars += _word("Land exchange", 45, 40) + _word("transactions", 45, 55)
    chars += _word("executed", 45, 70) + _word("(ii)", 5, 55) + _word("09/2022", 145, 55)
    chars += _word("Land", 225, 48) + _word("Exchange", 225, 62)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried.of(columns)])
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert [r.cells for r in rows] == [
        ((), ("coordinate systems",), (), ()),
        (("Housing",), (), (), ()),
        (
            ("(ii)",),
            ("Land exchange", "transactions", "executed"),
            ("09/2022",),
            ("Land", "Exchange"),
        ),
    ]


def test_a_row_atop_a_page_beside_a_merged_cell_alone_framed_has_the_tables_columns() -> None:
    """Random Word layouts with looks, seed 2517 ("Medium Shading 1", a merged category, the
    header printed once): atop the page an unfilled row beside the category merged down from
    the page before (filled, and ruled above), under it a filled row; the table had all its
    columns, from the filled row, so the unframed row was not filled out, and it was read as
    lines beside the category's cell: a dataset lost. A table going on at a page's top gets a
    cell per column where its rows have none, whatever columns it has already."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 120.0), (120.0, 200.0), (200.0, 260.0), (260.0, 320.0)]
    edges = [*_box(200, 0, 260, 60), _rule(0, 320, 60)]
    edges += [e for x0, x1 in columns if x0 != 200 for e in _box(x0, 30, x1, 60)]
    chars = _word("(2)", 5, 8) + _word("Hourly", 45, 8) + _word("Forecast", 125, 8)
    chars += _word("RSS", 265, 8)
    chars += _word("(3)", 5, 38) + _word("Daily", 45, 38) + _word("Warnings", 125, 38)
    chars += _word("RSS", 265, 38)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried.of(columns)])
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        (("(2)",), ("Hourly",), ("Forecast",), (), ("RSS",)),
        (("(3)",), ("Daily",), ("Warnings",), (), ("RSS",)),
    ]


def test_a_whole_header_at_a_pages_foot_stays_a_header_over_the_next_pages_rows() -> None:
    """The header row whole at a page's foot between its rules, printed once, and the rows on
    the next page: its lines are a row of the next page's table before its first, and the
    structure stage reads them as its header, the row as a row (not the two one row)."""
    from plan_extract.problems import ProblemLog
    from plan_extract.read.page import PageContent, pdf_document
    from plan_extract.structure import structure

    columns = [(0.0, 40.0), (40.0, 120.0), (120.0, 200.0), (200.0, 300.0)]
    first = _word("A. Datasets to be released in 2024", 5, 60) + _word("No.", 5, 105)
    first += _word("Format", 45, 105) + _word("Frequency", 125, 105) + _word("Name", 205, 105)
    second = _word("1", 5, 5) + _word("CSV", 45, 5) + _word("Monthly", 125, 5)
    second += _word("Parking", 205, 5)
    page_two = [e for x0, x1 in columns for e in _box(x0, 0, x1, 30)]
    document = pdf_document(
        Path("plan.pdf"),
        "0" * 64,
        2,
        [
            PageContent(1, first, [_rule(0, 300, 100), _rule(0, 300, 118)]),
            PageContent(2, second, page_two),
        ],
    )
    plan = structure(document, ProblemLog("plan", "plan.pdf"))
    assert [r.cells for r in plan.rows] == [
        {
            "item_no": ["1"],
            "formats": ["CSV"],
            "update_frequency": ["Monthly"],
            "dataset_name": ["Parking"],
        }
    ]


def test_a_word_parted_by_a_columns_edge_goes_whole_to_the_cell_holding_most_of_it() -> None:
    """Random Word layouts with looks, seed 2103 ("Light Shading", no rules between columns): a
    section's columns were those of the section above, whose names were shorter, and the edge
    between the name and the description fell inside "Rate": its last letter, its centre past
    the edge, was read as the description's first (HTML layouts, seed 4072, the same). A word
    parted between two cells side by side goes to the cell holding more of it, a CJK line that
    abuts its neighbours too (HTML seed 4289: 「－第」 of a name read as the date's); words
    apart (a space's gap) stay where their centres are."""
    from plan_extract.read.page import page_blocks

    edges = _box(0, 0, 40, 40) + _box(40, 0, 140, 40) + _box(140, 0, 260, 40)
    chars = _word("(i)", 5, 3) + _word("Exchange Rate", 67, 3) + _word("Trade", 152, 3)
    chars += _word("Indices", 45, 15) + _word("Terms", 136, 15)  # its "T" left of the edge
    chars += _word("指數", 131, 27) + _word("價格", 143, 27)  # 數's centre past the edge
    blocks, _ = page_blocks(chars, edges, 1, 0)
    assert [b.cells for b in blocks] == [
        (("(i)",), ("Exchange Rate", "Indices"), ("Trade", "Terms", "指數價格")),
    ]


def test_the_rest_of_a_cut_row_is_read_in_its_rows_columns_as_its_text_parts_them() -> None:
    """Random Word layouts with looks, seed 2171 ("Medium Shading 2"): the style rules only the
    cells it fills, so a row it does not fill had one cell over its frequency and date columns
    (their values read apart by their text) and none over its name; the rest of that row on the
    next page, its name's last line, was read in the row's columns, a column short, and the
    name's end became its category. The last row's columns the next page is told of are parted
    as its text parts them."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 140.0), (140.0, 220.0), (220.0, 300.0), (300.0, 420.0)]
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += _box(0, 20, 40, 40) + _box(40, 20, 220, 40) + _box(220, 20, 300, 40)
    edges += [_rule(300, 420, 40)]
    header = _word("Item", 5, 5) + _word("Frequency", 45, 5) + _word("Date", 145, 5)
    header += _word("Category", 225, 5) + _word("Name", 305, 5)
    row = _word("2", 5, 25) + _word("Monthly", 45, 25) + _word("By 2020", 145, 25)
    row += _word("Number of", 305, 25)
    carry: list[Carried] = []
    page_blocks(header + row, edges, 1, 0, carry)
    assert carry[0].last_row == columns
    rest = _word("diseases", 305, 3)
    blocks, _ = page_blocks(
        rest, [*_box(0, 0, 40, 16), _rule(0, 420, 0), _rule(0, 420, 16)], 2, 1, carry
    )
    assert [b.cells for b in blocks] == [((), (), (), (), ("diseases",))]
    # one cell over two columns whose text crosses their edge stays one (a merged note)
    crossing = _word("2", 5, 25) + _word("Within the year", 100, 25) + _word("Number of", 305, 25)
    carry = []
    page_blocks(header + crossing, edges, 1, 0, carry)
    assert carry[0].last_row[1] == (40.0, 220.0)


def test_a_merged_cells_text_centred_in_a_middle_row_it_goes_on_under_is_the_first_rows() -> None:
    """Random HTML layouts, seed 4227 ("Light Shading", cells centred top to bottom): a category
    merged over three rows, its text printed in the middle one, which the style fills but for
    that cell, at the same height as the middle row's own values; the text was taken for the
    middle row's own (set in its row as its other texts are), the first row's category lost
    (it took the one above's). Where the cell goes on under that row too, no rule between, the
    text is the merged cell's, from the first of its squares."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 100.0), (100.0, 180.0), (180.0, 260.0), (260.0, 340.0)]
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += [e for x0, x1 in columns if x0 != 100 for e in _box(x0, 60, x1, 90)]
    edges += [_rule(0, 340, 130)]
    header = _word("No.", 5, 5) + _word("Freq", 45, 5) + _word("Class", 105, 5)
    header += _word("Name", 185, 5) + _word("About", 265, 5)
    rows = _word("2.", 5, 35) + _word("Daily", 45, 35) + _word("Alpha", 185, 35)
    rows += _word("3.", 5, 70) + _word("Food", 105, 70) + _word("Beta", 185, 70)
    rows += _word("4.", 5, 105) + _word("Daily", 45, 105) + _word("Gamma", 185, 105)
    blocks, _ = page_blocks(header + rows, edges, 1, 0)
    found = [(b.cells, b.covered) for b in blocks if isinstance(b, TableRow)][1:]
    assert found == [
        ((("2.",), ("Daily",), ("Food",), ("Alpha",), ()), frozenset()),
        ((("3.",), (), (), ("Beta",), ()), {2}),
        ((("4.",), ("Daily",), (), ("Gamma",), ()), {2}),
    ]
    # a rule under the middle row closes the cell there: the text is that row's own
    blocks, _ = page_blocks(header + rows, [*edges, _rule(100, 180, 90)], 1, 0)
    found = [(b.cells, b.covered) for b in blocks if isinstance(b, TableRow)][1:]
    assert [cells[2] for cells, _ in found] == [(), ("Food",), ()]


def test_a_short_value_set_left_under_a_wide_centred_label_is_in_the_labels_column() -> None:
    """Random HTML layouts, seed 4231 (no vertical rules, centred labels, values set left): the
    columns a grouping row's table takes from its header's and first row's text part where no
    text crosses, so a short name, 「汇率」, left of its wide centred label, made a column of its
    own, and the row's values were read a column off. A block of the row with no label over it
    belongs to the labelled block right of it where that label, centred, leaves its column room
    to reach it; the first block (an item column, often unlabelled) stays a column."""
    from plan_extract.read.page import _Bands

    chars = _word("Freq", 60, 5) + _word("Dataset Name", 160, 5) + _word("Date", 300, 5)
    chars += _word("A-1", 5, 25) + _word("Monthly", 55, 25) + _word("FX", 130, 25)
    chars += _word("10/2022", 290, 25)
    columns = _Bands(chars).columns_parted(0.0, 400.0, [(0.0, 20.0), (20.0, 40.0)])
    assert columns is not None
    assert len(columns) == 4 and columns[2][0] < 130 < columns[2][1]
    # a label too near the next column to reach so far: the value is a column of its own
    chars = _word("Freq", 60, 5) + _word("Name", 190, 5) + _word("Date", 240, 5)
    chars += _word("A-1", 5, 25) + _word("Monthly", 55, 25) + _word("FX", 130, 25)
    chars += _word("10/2022", 240, 25)
    columns = _Bands(chars).columns_parted(0.0, 400.0, [(0.0, 20.0), (20.0, 40.0)])
    assert columns is not None and len(columns) == 5


def test_a_whole_row_atop_a_page_after_a_grouping_row_is_read_with_its_item_centred_lower() -> None:
    """Random Word layouts with looks, seed 2214 ("Light Shading", the header printed once,
    cells centred top to bottom): the page before ended with the header and a grouping row,
    and the page's first row, unfilled above a filled one, wraps its description and name over
    two lines, its item number and short values centred on neither. The row above the page's
    first table was read as one only where its first line had text in the first column (else
    it was the rest of a row the page break cut); no row was cut, and the lines were read as
    the rest of one and as rows by alignment. Where the page before ended with a grouping row,
    any of the lines may hold the first column's text."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 240.0), (240.0, 360.0)]
    carry = [Carried(columns, columns, nothing_cut=True)]
    chars = _word("Basic data of", 45, 2) + _word("Homes for the", 245, 2)
    chars += _word("1", 5, 8) + _word("XML", 165, 8)
    chars += _word("each home", 45, 14) + _word("elderly", 245, 14)
    edges = [e for x0, x1 in columns for e in _box(x0, 28, x1, 44)] + [_rule(0, 360, 62)]
    below = _word("2", 5, 31) + _word("Schools", 45, 31) + _word("CSV", 165, 31)
    below += _word("Social work", 245, 31)
    below += _word("3", 5, 48) + _word("Centres", 45, 48) + _word("CSV", 165, 48)
    below += _word("Drug centres", 245, 48)
    chars += below
    blocks, _ = page_blocks(chars, edges, 2, 1, carry)
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        (("1",), ("Basic data of", "each home"), ("XML",), ("Homes for the", "elderly")),
        (("2",), ("Schools",), ("CSV",), ("Social work",)),
        (("3",), ("Centres",), ("CSV",), ("Drug centres",)),
    ]
    # where a row may have been cut, too: the item's line lies between two of the others, less
    # than a line's height under the one above it (seed 2712), so they are one row's
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns)])
    assert isinstance(blocks[0], TableRow) and blocks[0].cells[0] == ("1",)
    # lines with no item a line's spacing above the item's are the rest of the cut row
    rest = _word("Basic data of", 45, 2) + _word("Homes for the", 245, 2)
    rest += _word("1", 5, 14) + _word("XML", 165, 14) + _word("Survey", 45, 14)
    blocks, _ = page_blocks(rest + below, edges, 2, 1, [Carried(columns, columns)])
    assert isinstance(blocks[0], TableRow) and blocks[0].cells[0] == ()


def test_filled_rows_beside_a_merged_cell_inside_the_table_are_rows_of_it() -> None:
    """Random HTML layouts, seed 4004 ("Medium Shading 1", a category merged down four rows):
    the header, the first row and the merged cell, filled, made a table down to the merged
    cell's foot, and the third row, filled too, a table inside it whose rows were none of its
    own; the two were read apart, the third and fourth rows a column short (their name read as
    the category). A table inside another, as far right, its columns the other's, beside a
    merged cell of it that spans it, is part of it."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 60.0), (60.0, 120.0), (120.0, 180.0), (180.0, 300.0)]
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += [e for x0, x1 in columns[1:] for e in _box(x0, 20, x1, 40)] + _box(0, 20, 60, 100)
    edges += [e for x0, x1 in columns[1:] for e in _box(x0, 60, x1, 80)] + [_rule(0, 300, 100)]
    chars = _word("Class", 5, 5) + _word("Unit", 65, 5) + _word("Freq", 125, 5)
    chars += _word("Name", 185, 5)
    for top, unit, freq, name in (
        (23, "Stats", "Daily", "Fund"),
        (43, "IT", "Weekly", "Schools"),
        (63, "Stats", "Monthly", "Centres"),
        (83, "IT", "Yearly", "Homes"),
    ):
        chars += _word(unit, 65, top) + _word(freq, 125, top) + _word(name, 185, top)
    chars += _word("Welfare", 5, 23)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert [r.cells for r in rows][1:] == [
        (("Welfare",), ("Stats",), ("Daily",), ("Fund",)),
        ((), ("IT",), ("Weekly",), ("Schools",)),
        ((), ("Stats",), ("Monthly",), ("Centres",)),
        ((), ("IT",), ("Yearly",), ("Homes",)),
    ]
    assert [r.covered for r in rows][2:] == [{0}, {0}, {0}]


def test_a_row_too_wide_for_the_columns_of_the_table_above_gets_its_own() -> None:
    """Random HTML layouts, seed 4274 (no vertical rules, each section's table a header ruled
    above and below, a grouping row filled alone, rows unruled): a grouping row takes the
    columns of the table above it on the page, which that table's short values parted; a note
    centred under the next table's frequency, wider than them, crossed into the column before,
    and the row was read by its text's alignment, a column a piece. Where the row under a
    grouping row does not fit those columns and fits those its own header and row part, it
    gets its own."""
    from plan_extract.read.page import page_blocks

    def section(top: float, category: str, row: list[Char]) -> tuple[list[Edge], list[Char]]:
        edges = [_rule(0, 330, top), _rule(0, 330, top + 20), *_box(0, top + 20, 330, top + 34)]
        edges.append(_rule(0, 330, top + 66))
        chars = _word("Name", 80, top + 5) + _word("Target", 160, top + 5)
        chars += _word("Freq", 250, top + 5) + _word(category, 5, top + 22)
        return edges, chars + row

    first, text = section(0, "Trade", _word("1)", 5, 37) + _word("Survey", 45, 37))
    text += _word("2022", 160, 37) + _word("Yearly", 244, 37)
    row = _word("1)", 5, 137) + _word("Census", 45, 137) + _word("TBC", 160, 137)
    row += _word("Yearly", 244, 137) + _word("Note: 2010 on it", 214, 149)
    second, more = section(100, "People", row)
    blocks, _ = page_blocks(text + more, first + second, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (("1)",), ("Census",), ("TBC",), ("Yearly", "Note: 2010 on it"))
    assert rows[2] == (("1)",), ("Survey",), ("2022",), ("Yearly",))


def test_filled_rows_left_and_right_of_a_merged_cell_inside_the_table_are_rows_of_it() -> None:
    """Random Word layouts with looks, seed 2254 ("Light Shading", a category merged down four
    rows between the description and the name, filled): the third row's fill left of the merged
    cell was a table of its own inside the table of the header, the first row and the merged
    cell, and the rows under the second were read a column short, their names a row early."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 100.0), (100.0, 140.0), (140.0, 200.0), (200.0, 300.0)]
    edges = [e for x0, x1 in columns for e in _box(x0, 0, x1, 20)]
    edges += [e for x0, x1 in columns if x0 != 140 for e in _box(x0, 20, x1, 40)]
    edges += _box(140, 20, 200, 100)  # the category, merged down four rows
    edges += [e for x0, x1 in columns if x0 != 140 for e in _box(x0, 60, x1, 80)]
    edges += [_rule(0, 300, 100)]
    chars = _word("No.", 5, 5) + _word("Freq", 45, 5) + _word("Date", 105, 5)
    chars += _word("Class", 145, 5) + _word("Name", 205, 5) + _word("Land", 145, 53)
    for top, item, freq, name in (
        (23, "1", "Daily", "Survey"),
        (43, "2", "Weekly", "Leases"),
        (63, "3", "Monthly", "Facilities"),
        (83, "4", "Yearly", "Streets"),
    ):
        chars += _word(item, 5, top) + _word(freq, 45, top) + _word("2024", 105, top)
        chars += _word(name, 205, top)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert [r.cells for r in rows][1:] == [
        (("1",), ("Daily",), ("2024",), ("Land",), ("Survey",)),
        (("2",), ("Weekly",), ("2024",), (), ("Leases",)),
        (("3",), ("Monthly",), ("2024",), (), ("Facilities",)),
        (("4",), ("Yearly",), ("2024",), (), ("Streets",)),
    ]


def test_a_footnote_under_the_foot_of_rows_under_a_header_alone_is_no_grouping_row() -> None:
    """Random Word layouts with looks, seed 2256 ("Medium Shading 1", grouping rows filled
    across, the table ruled below): the page before ended with the header and a grouping row,
    and this page's rows, no rule or fill around them but the grouping rows', were read a line
    at a time, a line of one run from the first column a grouping row's: so were the footnotes
    under the table's last rule, their notes lost to the rows. A line under a rule across the
    table that no rule closes right under it is no grouping row, and the rows end there."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 300.0)]
    carry = [Carried(columns, columns, nothing_cut=True)]
    # the grouping row's fill, the table's last rule and its sides, from the page's top
    edges = [*_box(0, 20, 300, 34), _rule(0, 300, 52), Edge("v", 0, 0, 0, 52)]
    edges.append(Edge("v", 300, 0, 300, 52))
    chars = _word("1", 5, 5) + _word("Survey", 45, 5) + _word("Yearly", 165, 5)
    chars += _word("Housing", 5, 22)
    chars += _word("2", 5, 37) + _word("Land sales", 45, 37) + _word("Monthly", 165, 37)
    chars += _word("^ Provisional figures", 5, 55)
    blocks, _ = page_blocks(chars, edges, 2, 1, carry)
    assert [b.cells if isinstance(b, TableRow) else b.text for b in blocks] == [
        (("1",), ("Survey",), ("Yearly",)),
        (("Housing",), (), ()),
        (("2",), ("Land sales",), ("Monthly",)),
        "^ Provisional figures",
    ]


def test_a_row_over_a_grouping_row_too_wide_for_the_page_befores_columns_gets_its_own() -> None:
    """Random HTML layouts, seed 4289 (no vertical rules, the header repeated): the page before
    ended with the header and a grouping row, whose columns its labels alone parted; on this
    page a name's lines ran past the name's column into the date's, a little, which reading
    allows (:meth:`_Bands.column_of`), and their last word and 「－第」 were read as the date's.
    Where the bands over and under a grouping row do not fit the columns it would take, and fit
    those their own text parts, it takes those."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 130.0), (130.0, 200.0), (200.0, 300.0)]
    edges = [_rule(0, 300, 0), _rule(0, 300, 20), *_box(0, 50, 300, 64), _rule(0, 300, 90)]
    chars = _word("Item", 5, 5) + _word("Name", 45, 5) + _word("Date", 150, 5)
    chars += _word("Format", 205, 5)
    chars += _word("(1)", 5, 30) + _word("Licensee List -", 45, 30) + _word("11.2024", 150, 30)
    chars += _word("CSV", 205, 30) + _word("Environment", 5, 52)
    chars += _word("(2)", 5, 70) + _word("Red Tide", 45, 70) + _word("2024", 150, 70)
    chars += _word("CSV", 205, 70)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns, nothing_cut=True)])
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[1] == (("(1)",), ("Licensee List -",), ("11.2024",), ("CSV",))
    assert rows[3] == (("(2)",), ("Red Tide",), ("2024",), ("CSV",))


def test_a_filled_row_under_a_grouping_row_gives_the_rows_around_it_its_own_edges() -> None:
    """Random HTML layouts, seed 4598 ("Light Shading", a grouping row filled alone): a grouping
    row took the columns of the table above it on the page (the page before's, parted by its
    text), the row under it unfilled, then a filled row whose cells' edges lay 0.8 pt right of
    those columns: same columns within the tolerance, so it went on the stack, but the unfilled
    row took the grouping row's columns and the filled one its own, and the table had a thin
    empty column beside each edge (eight for six): its rows were read a column out. Once a
    stack has a row with cells of its own, its rows take that row's edges."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 240.0), (240.0, 300.0)]
    filled = [(0.0, 40.8), (40.8, 160.8), (160.8, 240.8), (240.8, 300.0)]
    edges = [_rule(0, 300, 0), _rule(0, 300, 20), *_box(0, 20, 300, 34)]
    edges += [e for x0, x1 in filled for e in _box(x0, 54, x1, 74)]
    chars = _word("No.", 3, 5) + _word("Name", 43, 5) + _word("Unit", 163, 5)
    chars += _word("Date", 243, 5) + _word("Housing", 3, 22)
    for top, item, name, unit, date in (
        (39, "1", "Survey", "Stats", "2024"),
        (59, "2", "Leases", "IT", "2025"),
    ):
        chars += _word(item, 3, top) + _word(name, 43, top) + _word(unit, 163, top)
        chars += _word(date, 243, top)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns, nothing_cut=True)])
    assert [b.cells for b in blocks if isinstance(b, TableRow)] == [
        (("No.",), ("Name",), ("Unit",), ("Date",)),
        (("Housing",), (), (), ()),
        (("1",), ("Survey",), ("Stats",), ("2024",)),
        (("2",), ("Leases",), ("IT",), ("2025",)),
    ]


def test_two_cells_texts_a_narrow_padding_parts_are_two_runs_of_a_row() -> None:
    """Random HTML layouts, seed 4314 ("Light Shading", cells padded narrowly): a name filling its
    column lay 3 pt from the contact unit beside it, one run of text across two columns, so the
    last row, unfilled under a filled one, held no row in the table's columns and was read by
    its text's alignment, name and unit one cell. A gap between two CJK characters at a
    column's edge parts a run there (Chinese text has no spaces; between Latin words, a gap
    is a space)."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 260.0), (260.0, 340.0)]
    edges = [_rule(0, 340, 0), _rule(0, 340, 20), _rule(0, 340, 62)]
    edges += [e for x0, x1 in columns for e in _box(x0, 20, x1, 40)]
    chars = _word("No.", 5, 5) + _word("Name", 45, 5) + _word("Unit", 165, 5)
    chars += _word("Date", 265, 5)
    chars += _word("C1", 5, 25) + _word("Wholesale prices", 45, 25) + _word("Stats", 165, 25)
    chars += _word("12/2020", 265, 25)
    chars += _word("C2", 5, 45) + _word("主要新鮮糧食供應量（參考數字）", 69, 45)  # to 159
    chars += _word("資訊科技管理組", 162, 45) + _word("11/2020", 265, 45)
    blocks, _ = page_blocks(chars, edges, 1, 0)
    rows = [b.cells for b in blocks if isinstance(b, TableRow)]
    assert rows[-1] == (
        ("C2",),
        ("主要新鮮糧食供應量（參考數字）",),
        ("資訊科技管理組",),
        ("11/2020",),
    )


def test_a_cjk_value_a_narrow_padding_parts_from_latin_text_is_a_run_of_its_own() -> None:
    """Random HTML layouts, seed 4380 ("Medium Shading 2", cells padded narrowly): a name's
    closing 「）」 ran 0.4 pt past its column's edge, 4 pt from the format 「CSV」 beside it, one run
    across two columns; the row under a grouping row filled alone did not fit the columns it
    would take, the columns its text parts were taken instead, name and format one column, and
    the next row, filled cell by cell, was a table of its own. A gap at a column's edge after
    or before a CJK character parts a run there, as between two (Chinese text has no spaces)."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 160.0), (160.0, 220.0), (220.0, 300.0)]
    edges = [_rule(0, 300, 0), _rule(0, 300, 20), *_box(0, 20, 300, 40), _rule(0, 300, 60)]
    edges += [e for x0, x1 in columns for e in _box(x0, 60, x1, 80)]
    chars = _word("No.", 5, 5) + _word("名稱", 45, 5) + _word("Format", 165, 5)
    chars += _word("Note", 225, 5) + _word("城市管理", 5, 25)
    chars += _word("B1", 5, 45) + _word("食水水質（A部：微生物質素）", 76.4, 45)  # to 160.4
    chars += _word("CSV", 164.4, 45)
    chars += _word("B2", 5, 65) + _word("食水水質", 45, 65) + _word("CSV", 165, 65)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried(columns, columns, nothing_cut=True)])
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert [r.cells for r in rows[2:]] == [
        (("B1",), ("食水水質（A部：微生物質素）",), ("CSV",), ()),
        (("B2",), ("食水水質",), ("CSV",), ()),
    ]


@pytest.mark.parametrize(
    ("left", "right", "gap", "space", "parted"),
    [
        ("質素）", "CSV", 4.0, False, True),  # two cells' texts a narrow padding parts (4380)
        ("運輸署", "Transport", 2.7, False, False),  # a space's width, no glyph drawn (Chromium)
        ("運輸署", "Transport", 5.0, True, False),  # a wide space's glyph (PMingLiU: 0.5 em)
        ("衞生署", "Department", 5.9, False, False),  # a monospaced font's space (seed 4553)
        ("質素）", "CSV", 4.0, True, False),  # a space's glyph
        ("Quality", "CSV", 4.0, False, False),  # between Latin words a gap is a space's
        ("參考數字）", "資訊科技", 2.5, False, True),  # two CJK texts (seed 4314)
        ("參考數字）", "資訊科技", 1.5, False, False),  # CJK set with a little tracking
    ],
)
def test_a_gap_at_a_columns_edge_parts_a_run_where_no_space_is(
    left: str, right: str, gap: float, space: bool, parted: bool
) -> None:
    """A run of a line's text crossing a column's edge is parted at a gap there between two CJK
    characters, or between a CJK character and Latin text where the gap is wider than a space
    (a letter's width in a monospaced font: the test's letters are all 6 pt wide) and holds no
    space's glyph (:func:`_runs_in`)."""
    from plan_extract.read.page import _runs_in

    chars = [Char(ch, 10 * i, 0, 10 * (i + 1), 10, 10) for i, ch in enumerate(left)]
    end = 10 * len(left)
    if space:
        chars.append(Char(" ", end, 0, end + gap, 10, 10))
    chars += [
        Char(ch, end + gap + 6 * i, 0, end + gap + 6 * (i + 1), 10, 10)
        for i, ch in enumerate(right)
    ]
    runs = _runs_in(chars, [(0.0, end + 0.5), (end + 0.5, 300.0)])
    assert ["".join(c.text for c in run) for run in runs] == (
        [left, right] if parted else [left + right]
    )


def test_rows_right_of_a_merged_cell_a_style_leaves_unruled_are_the_tables_rows() -> None:
    """Random Word layouts with looks, seed 2375 ("Medium Shading 2", the header printed once):
    atop a page, a category merged down from the page before; left of its right edge the rows'
    cells are framed, right of it only the row the style fills, so that row was a table of its
    own, and the rows above and below it, framed left of the category only, were read by their
    text's alignment, a column a piece. A table touching another side by side whose row edges
    are some of the other's, one after another, gets its columns in the other's rows."""
    from plan_extract.read.page import page_blocks

    columns = [(0.0, 40.0), (40.0, 100.0), (100.0, 160.0), (160.0, 220.0), (220.0, 320.0)]
    edges = [e for top, bottom in ((0, 30), (30, 60), (60, 100)) for e in _box(0, top, 40, bottom)]
    edges += [
        e for top, bottom in ((0, 30), (30, 60), (60, 100)) for e in _box(40, top, 100, bottom)
    ]
    edges += _box(100, 0, 160, 100) + _box(160, 30, 220, 60) + _box(220, 30, 320, 60)
    edges += [_rule(0, 320, 100)]
    chars: list[Char] = []
    for top, item, freq, name in (
        (5, "2)", "Hourly", "Report"),
        (35, "3)", "Hourly", "Forecast"),
        (65, "4)", "Daily", "Quakes"),
    ):
        chars += _word(item, 5, top) + _word(freq, 45, top) + _word("RSS", 165, top)
        chars += _word(name, 225, top)
    blocks, _ = page_blocks(chars, edges, 2, 1, [Carried.of(columns)])
    rows = [b for b in blocks if isinstance(b, TableRow)]
    assert len({r.table for r in rows}) == 1
    assert [r.cells for r in rows] == [
        (("2)",), ("Hourly",), (), ("RSS",), ("Report",)),
        (("3)",), ("Hourly",), (), ("RSS",), ("Forecast",)),
        (("4)",), ("Daily",), (), ("RSS",), ("Quakes",)),
    ]
