"""The default PDF reader: PDFium (the engine in Chrome) through pypdfium2's raw bindings.

PDFium parses a page in C++; this reader asks it for each character's advance, baseline, size and
Unicode value (its text page) and for the segments of each path object (descending into form
XObjects), turns them into :class:`~.page.Char` and :class:`~.tables.Edge` values, and leaves the
rest to :mod:`.page`, exactly as for the pdfplumber reader.

What PDFium does differently, and how the two are kept equal (tests/test_readers.py checks it):

- it inserts characters of its own (spaces between words, line breaks): they are skipped
  (``FPDFText_IsGenerated``);
- a hyphen it judges to end a line is returned as U+0002: it is a "-" again here;
- a glyph without a Unicode mapping is returned as its char code with an error flag: it becomes
  U+FFFD, as pdfminer's ``(cid:N)`` does in the other reader;
- it drops fake-bold copies of whole text objects itself; :func:`~.page.dedupe_chars` removes the
  rest, as in the other reader;
- ligatures (U+FB00–FB06) come out as their letters (the pdfplumber reader splits them likewise);
- its font size is the ``Tf`` operand: it is scaled here by the char's matrix, as pdfminer does;
- its coordinates are PDF user space: they are turned by the page's /Rotate and put relative to
  the MediaBox's top-left, as pdfminer places them.

The whole list, with the one difference left (text rise), is in tests/fixtures/README.md.

Each page and its text page are closed as soon as they are read, so memory does not grow with the
page count.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from math import hypot
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from ..errors import DocumentError
from ..model import Document
from . import page as _limits
from .page import (
    EM_ASCENT,
    EM_DESCENT,
    UNMAPPED,
    UNPARSABLE,
    Char,
    PageContent,
    pdf_document,
    too_many,
)
from .tables import Edge, Point, polyline_edges

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # an object without a matrix
_MAY_BE_GENERATED = frozenset((0x20, 0x0D, 0x0A, 0x02))  # PDFium inserts only these
_HYPHEN_MARK = 0x02  # PDFium's code for a hyphen that ends a line
MAX_FORM_DEPTH = 16  # form XObjects nested deeper are not read (a loop guard)


class _Buffers:
    """ctypes out-parameters, allocated once and reused for every call."""

    def __init__(self) -> None:
        self.rect = c.FS_RECTF()
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.fx, self.fy = ctypes.c_float(), ctypes.c_float()
        self.matrix = c.FS_MATRIX()


# FPDFText_GetTextObject as a function returning the object's address (an int, hashable), not a
# ctypes pointer object: the reader asks once per character which text object it belongs to.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)
_HYPHEN_IN_TEXT = 0xFFFE  # how FPDFText_GetText writes the hyphen mark


def _page_text(textpage: Any, count: int) -> str | None:
    """The Unicode value of every char of the text page, in one call (one call per char costs
    0.7 µs each); None where the text does not map one UTF-16 unit to one char (a char beyond the
    Basic Multilingual Plane), so the caller asks char by char."""
    if count <= 0:
        return ""
    out = ctypes.create_string_buffer(2 * (count + 1))
    written = c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(out, ctypes.POINTER(ctypes.c_ushort))
    )
    if written != count + 1:
        return None
    try:
        text = out.raw[: 2 * count].decode("utf-16-le")
    except UnicodeDecodeError:  # a lone surrogate
        return None
    return text if len(text) == count else None


def _font(textpage: Any, index: int, m: Any) -> tuple[float, float, float, float]:
    """(size, b, c, f) of a char: its font size on the page and its matrix's b, c and f, which
    every char of its text object shares (the caller keeps them per object).

    PDFium's font size is the Tf operand; pdfminer's (and ours) is what it is on the page, scaled
    by the text matrix and the CTM (``1 Tf`` with ``12 0 0 12 … Tm`` is 12 pt)."""
    c.FPDFText_GetMatrix(textpage, index, m)
    return c.FPDFText_GetFontSize(textpage, index) * hypot(m.c, m.d), m.b, m.c, m.f


def _chars(textpage: Any, view: Matrix, height: float, buf: _Buffers) -> list[Char]:
    """Every character of the page that is in its content stream, in drawing order."""
    rect, x, y = buf.rect, buf.x, buf.y
    rect_ref = ctypes.byref(rect)  # made once: ctypes would make one per call
    a, b, cc, d, e, f = view
    upright_page = b == 0 and cc == 0
    # Bound once: this loop makes three calls into PDFium per character (the text comes in one).
    unicode_of, is_generated = c.FPDFText_GetUnicode, c.FPDFText_IsGenerated
    map_error, loose_box = c.FPDFText_HasUnicodeMapError, c.FPDFText_GetLooseCharBox
    origin, object_of = c.FPDFText_GetCharOrigin, _text_object_address
    fonts: dict[int | None, tuple[float, float, float, float]] = {}
    ascent, descent = EM_ASCENT, EM_DESCENT
    count = c.FPDFText_CountChars(textpage)
    text_of_page = _page_text(textpage, count)
    chars = []
    for index in range(count):
        if text_of_page is None:
            code = unicode_of(textpage, index)
        else:
            code = ord(text_of_page[index])
            if code == _HYPHEN_IN_TEXT:
                code = unicode_of(textpage, index)
        if code in _MAY_BE_GENERATED and is_generated(textpage, index) == 1:
            continue
        if map_error(textpage, index) == 1:
            text = UNMAPPED
        elif code == _HYPHEN_MARK and c.FPDFText_IsHyphen(textpage, index) == 1:
            text = "-"
        else:
            text = chr(code)
        loose_box(textpage, index, rect_ref)
        address = object_of(textpage, index)  # None for a char of no object: asked each time
        font = fonts.get(address)
        if font is None:
            font = _font(textpage, index, buf.matrix)
            if address:
                fonts[address] = font
        size, mb, mc, mf = font
        # The baseline: in horizontal text the char's origin is on its text object's baseline,
        # the matrix's f; asking PDFium for the origin only where that may not hold (turned text,
        # vertical writing, a glyph box that does not straddle f) saves a call for most chars.
        if upright_page and mb == 0 and mc == 0 and rect.bottom <= mf <= rect.top:
            y.value = mf
        else:
            origin(textpage, index, x, y)
        left = a * rect.left + cc * rect.bottom + e
        right = a * rect.right + cc * rect.top + e
        if right < left:
            left, right = right, left
        baseline = (
            height - (d * y.value + f) if upright_page else height - (b * x.value + d * y.value + f)
        )
        # em_char inlined: this is the hottest line of the reader
        chars.append(
            Char(text, left, baseline - ascent * size, right, baseline + descent * size, size)
        )
    return chars


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies ``m`` then ``n``."""
    a, b, cc, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        cc * a2 + d * c2,
        cc * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _object_matrix(obj: Any, buf: _Buffers) -> Matrix:
    m = buf.matrix
    if not c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _subpaths(obj: Any, buf: _Buffers) -> Iterator[tuple[list[tuple[float, float]], bool]]:
    """(end points, closed) of each subpath of a path object, in the object's own space."""
    points: list[tuple[float, float]] = []
    closed = False
    bezier_points = 0
    for index in range(c.FPDFPath_CountSegments(obj)):
        segment = c.FPDFPath_GetPathSegment(obj, index)
        kind = c.FPDFPathSegment_GetType(segment)
        c.FPDFPathSegment_GetPoint(segment, buf.fx, buf.fy)
        point = (buf.fx.value, buf.fy.value)
        if kind == c.FPDF_SEGMENT_MOVETO:
            if points:
                yield points, closed
            points, closed, bezier_points = [point], False, 0
            continue
        if kind == c.FPDF_SEGMENT_BEZIERTO:
            bezier_points += 1
            if bezier_points % 3:  # control points are not on the outline (as in pdfminer)
                continue
        points.append(point)
        closed = closed or bool(c.FPDFPathSegment_GetClose(segment))
    if points:
        yield points, closed


def _path_edges(obj: Any, matrix: Matrix, height: float, buf: _Buffers) -> list[Edge]:
    a, b, cc, d, e, f = _multiply(_object_matrix(obj, buf), matrix)
    edges: list[Edge] = []
    for points, closed in _subpaths(obj, buf):
        if closed and points[-1] != points[0]:
            points.append(points[0])
        if closed and len(points) == 3:  # "m l h": one line, as pdfminer reads it
            points = points[:2]
        page_points: list[Point] = [
            (a * x + cc * y + e, height - (b * x + d * y + f)) for x, y in points
        ]
        edges += polyline_edges(page_points)
    return edges


class _TooComplexError(Exception):
    """A page has more objects than any plan page."""


def _edges(page: Any, view: Matrix, height: float, buf: _Buffers) -> list[Edge]:
    """Ruling edges of every path object on the page, form XObjects included."""
    edges: list[Edge] = []
    count = 0

    def walk(parent: Any, count_of: Any, get: Any, matrix: Matrix, depth: int) -> None:
        nonlocal count
        total = count_of(parent)
        count += max(total, 0)
        if count > _limits.MAX_PAGE_PATHS:
            raise _TooComplexError(count)
        for index in range(total):
            obj = get(parent, index)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_PATH:
                edges.extend(_path_edges(obj, matrix, height, buf))
            elif kind == c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                inner = _multiply(_object_matrix(obj, buf), matrix)
                walk(obj, c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, inner, depth + 1)

    walk(page, c.FPDFPage_CountObjects, c.FPDFPage_GetObject, view, 0)
    return edges


def _mediabox(page: Any) -> tuple[float, float, float, float]:
    box = page.get_mediabox(fallback_ok=False)
    if box is None:  # inherited from the page tree: PDFium reads only the page's own
        box = page.get_bbox()
    x0, y0, x1, y1 = (float(v) for v in box)
    return x0, y0, x1, y1


def _view(page: Any) -> tuple[Matrix, float]:
    """The matrix from PDF user space to pdfminer's device space (the MediaBox's bottom-left at
    the origin, the page's /Rotate applied, as it is displayed), and the page's height there."""
    x0, y0, x1, y1 = _mediabox(page)
    turns = c.FPDFPage_GetRotation(page) % 4
    if turns == 1:  # 90 degrees clockwise
        return (0.0, -1.0, 1.0, 0.0, -y0, x1), x1 - x0
    if turns == 2:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), y1 - y0
    if turns == 3:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0), x1 - x0
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0), y1 - y0


def page_content(page: Any, number: int, buf: _Buffers) -> PageContent:
    """Chars and ruling edges of a PDFium page, in points from the top-left of the page as it
    is displayed (its MediaBox turned by its /Rotate), as pdfminer places them."""
    view, height = _view(page)
    try:
        edges = _edges(page, view, height, buf)
    except _TooComplexError as error:
        return too_many(number, error.args[0], "objects", _limits.MAX_PAGE_PATHS)
    textpage = c.FPDFText_LoadPage(page)
    try:
        count = c.FPDFText_CountChars(textpage)
        if count > _limits.MAX_PAGE_CHARS:
            return too_many(number, count, "glyphs", _limits.MAX_PAGE_CHARS)
        return PageContent(number, _chars(textpage, view, height, buf), edges)
    finally:
        c.FPDFText_ClosePage(textpage)


def _open(data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == c.FPDF_ERR_PASSWORD:
            raise DocumentError("pdf_encrypted") from error
        raise DocumentError("pdf_corrupt", UNPARSABLE) from error


def _notes(pdf: Any) -> list[tuple[str, str]]:
    """Problems about the whole file: PDFium rebuilt a broken cross-reference table."""
    if not c.FPDF_DocumentHasValidCrossReferenceTable(pdf):
        return [("pdf_repaired", "its cross-reference table is broken")]
    return []


def _pages(pdf: Any) -> Iterator[PageContent]:
    buf = _Buffers()
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            yield PageContent(
                index + 1, skipped=("pdf_corrupt", f"page {index + 1} cannot be read")
            )
            continue
        try:
            yield page_content(page, index + 1, buf)
        finally:
            page.close()


def read_pdf(path: Path, data: bytes, digest: str) -> Document:
    """Blocks of every page of a plan PDF (``data`` is the file, already read for its digest);
    DocumentError if the file cannot be read at all."""
    pdf = _open(data)
    try:
        return pdf_document(path, digest, len(pdf), _pages(pdf), _notes(pdf))
    except DocumentError:
        raise
    except pdfium.PdfiumError as error:
        raise DocumentError("pdf_corrupt", "its content cannot be parsed (PDFium)") from error
    finally:
        pdf.close()
