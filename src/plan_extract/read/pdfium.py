"""The default PDF reader: PDFium (the engine in Chrome), the library pypdfium2 ships, called
through the few declarations of :mod:`.pdfium_lib`.

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
page count. Pages are read by a thread of their own, a page or two ahead of the page being turned
into rows (:mod:`.prefetch`): PDFium's parse of one overlaps the Python work on the other.
"""

from __future__ import annotations

import ctypes
from collections.abc import Generator, Iterator, Sequence
from math import hypot
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..model import Document
from . import page as _limits
from . import pdfium_lib as c
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
from .prefetch import has_spare_core, read_ahead
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
        self.box = memoryview(self.rect).cast("B").cast("f")  # left, top, right, bottom at once
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.fx, self.fy = ctypes.c_float(), ctypes.c_float()
        self.matrix = c.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.matrix_values = memoryview(self.matrix).cast("B").cast("f")  # a, b, c, d, e, f


def _unchecked(function: Any, restype: Any = None) -> Any:
    """A PDFium function (as :mod:`.pdfium_lib` declares it) as a bare function pointer, without its declared argument types:
    ctypes then passes each argument as its own type (a Python int as a C int, a ctypes pointer
    or ``byref`` as a pointer) instead of checking it against the declaration, which halves the
    cost of a call (0.2 µs, not 0.4-0.6). The call keeps Python's lock (``PYFUNCTYPE``): these
    calls take a microsecond, and one that let the lock go would hand it to the thread turning
    the page before into rows (:mod:`.prefetch`), to wait for it back a switch interval (5 ms);
    the page loads (``FPDF_LoadPage``, ``FPDFText_LoadPage``), a millisecond each, let it go.
    For the calls made per char, object and segment only;
    their callers pass exactly those types (``byref`` for every out-parameter: a bare ctypes
    value would be passed by value). A binding declaring any other argument type (an unsigned
    long, a double) is refused here, when the module is imported."""
    for declared in function.argtypes:
        if declared is not ctypes.c_int and not issubclass(declared, ctypes._Pointer):
            name = getattr(function, "__name__", "a PDFium function")
            raise TypeError(f"{name} takes a {declared.__name__}: it cannot be called unchecked")
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    bare: Any = ctypes.PYFUNCTYPE(restype or function.restype)(address)
    bare.argtypes = None
    return bare


# FPDFText_GetTextObject returns the object's address (an int, hashable), not a ctypes pointer.
_text_object_address = _unchecked(c.FPDFText_GetTextObject, ctypes.c_void_p)
_has_map_error = _unchecked(c.FPDFText_HasUnicodeMapError)
_is_generated = _unchecked(c.FPDFText_IsGenerated)
_unicode = _unchecked(c.FPDFText_GetUnicode)
_loose_box = _unchecked(c.FPDFText_GetLooseCharBox)
_text_matrix = _unchecked(c.FPDFText_GetMatrix)
_font_size = _unchecked(c.FPDFText_GetFontSize)
# and per page object and path segment (pointers come back typed, to be passed on as they are;
# FPDFFormObj_GetObject takes an unsigned long, which a bare Python int is not: it stays checked)
_page_object = _unchecked(c.FPDFPage_GetObject)
_object_type = _unchecked(c.FPDFPageObj_GetType)
_segment_count = _unchecked(c.FPDFPath_CountSegments)
_segment = _unchecked(c.FPDFPath_GetPathSegment)
_segment_type = _unchecked(c.FPDFPathSegment_GetType)
_segment_point = _unchecked(c.FPDFPathSegment_GetPoint)
_segment_closes = _unchecked(c.FPDFPathSegment_GetClose)
_MOVETO, _BEZIERTO = c.FPDF_SEGMENT_MOVETO, c.FPDF_SEGMENT_BEZIERTO
_ASK_AGAIN_CODE = 0xFFFE  # how FPDFText_GetText writes the hyphen mark (and a code 0)
_ASK_AGAIN = chr(_ASK_AGAIN_CODE)
_LAST_CODE_POINT = 0x10FFFF  # PDFium returns an unmapped glyph's code, which may be larger
# The chars whose text needs more than the page's text: PDFium may have made them, or the text
# could not say what they are.
_SPECIAL = frozenset(map(chr, _MAY_BE_GENERATED | {_ASK_AGAIN_CODE}))
# size, ascent, descent, baseline y, level, and the top and bottom of a char on a level baseline
_Font = tuple[float, float, float, float, bool, float, float]


def _page_text(textpage: Any, count: int) -> Sequence[str]:
    """The Unicode value of every char of the text page as one string, got in one call (a call
    per char costs 0.4 µs); char by char where the text does not map one UTF-16 unit to one char
    (a char beyond the Basic Multilingual Plane), a code that is no character being U+FFFE, which
    the caller asks about again."""
    if count <= 0:
        return ""
    out = ctypes.create_string_buffer(2 * (count + 1))
    written = c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(out, ctypes.POINTER(ctypes.c_ushort))
    )
    if written == count + 1:
        try:
            text = out.raw[: 2 * count].decode("utf-16-le")
        except UnicodeDecodeError:  # a lone surrogate
            text = ""
        if len(text) == count:
            return text
    codes = (c.FPDFText_GetUnicode(textpage, index) for index in range(count))
    return [chr(code) if code <= _LAST_CODE_POINT else _ASK_AGAIN for code in codes]


def _font(textpage: Any, index: int, buf: _Buffers, view: Matrix, height: float) -> _Font:
    """What every char of a text object shares (the caller keeps it per object): its font size
    on the page, the em box's ascent and descent at that size, its baseline's height in PDF
    space (the matrix's f), whether that baseline is level on the page, and then where the
    chars' tops and bottoms are on the page.

    PDFium's font size is the Tf operand; pdfminer's (and ours) is what it is on the page, scaled
    by the text matrix and the CTM (``1 Tf`` with ``12 0 0 12 … Tm`` is 12 pt)."""
    _text_matrix(textpage, index, buf.matrix_ref)
    _, mb, mc, md, _, mf = buf.matrix_values
    size = _font_size(textpage, index) * hypot(mc, md)
    ascent, descent = EM_ASCENT * size, EM_DESCENT * size
    _, b, cc, d, _, f = view
    level = b == 0 and cc == 0 and mb == 0 and mc == 0
    baseline = height - (d * mf + f)
    return size, ascent, descent, mf, level, baseline - ascent, baseline + descent


def _special(textpage: Any, index: int, char: str) -> str | None:
    """The text of a char that may be one PDFium made (a space, a line break, the mark of a
    hyphen ending a line; None: skip it) or that :func:`_page_text` could not give."""
    code = ord(char)
    if code == _ASK_AGAIN_CODE:
        code = _unicode(textpage, index)
    if code in _MAY_BE_GENERATED and _is_generated(textpage, index) == 1:
        return None
    if _has_map_error(textpage, index) == 1:
        return UNMAPPED
    if code == _HYPHEN_MARK and c.FPDFText_IsHyphen(textpage, index) == 1:
        return "-"
    return chr(code)


def _chars(textpage: Any, view: Matrix, height: float, buf: _Buffers) -> list[Char]:
    """Every character of the page that is in its content stream, in drawing order.

    This loop runs for every char of every page: it makes three calls into PDFium per char (the
    text comes in one call), keeps what a text object's chars share per object, reads the box in
    one step and builds each :class:`Char` without its Python ``__new__``."""
    rect_ref, box, y = ctypes.byref(buf.rect), buf.box, buf.y
    a, b, cc, d, e, f = view
    upright_page = b == 0 and cc == 0
    map_error, loose_box = _has_map_error, _loose_box
    origin, object_of, new = c.FPDFText_GetCharOrigin, _text_object_address, tuple.__new__
    fonts: dict[int | None, _Font] = {}
    text = _page_text(textpage, c.FPDFText_CountChars(textpage))
    chars: list[Char] = []
    for index, char in enumerate(text):
        if char in _SPECIAL:
            special = _special(textpage, index, char)
            if special is None:
                continue
            char = special
        elif map_error(textpage, index) == 1:
            char = UNMAPPED
        loose_box(textpage, index, rect_ref)
        left, top, right, bottom = box
        address = object_of(textpage, index)  # None for a char of no object: asked each time
        font = fonts.get(address)
        if font is None:
            font = _font(textpage, index, buf, view, height)
            if address:
                fonts[address] = font
        size, ascent, descent, baseline_y, level, level_top, level_bottom = font
        x0 = a * left + cc * bottom + e
        x1 = a * right + cc * top + e
        if x1 < x0:
            x0, x1 = x1, x0
        # In level text the char's origin is on its text object's baseline (the matrix's f):
        # PDFium is asked for the origin only where that may not hold (turned text, vertical
        # writing, a glyph box that does not straddle f).
        if level and bottom <= baseline_y <= top:
            chars.append(new(Char, (char, x0, level_top, x1, level_bottom, size)))
            continue
        origin(textpage, index, buf.x, y)
        if upright_page:
            baseline = height - (d * y.value + f)
        else:
            baseline = height - (b * buf.x.value + d * y.value + f)
        chars.append(new(Char, (char, x0, baseline - ascent, x1, baseline + descent, size)))
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
    fx, fy = buf.fx, buf.fy
    fx_ref, fy_ref = ctypes.byref(fx), ctypes.byref(fy)
    for index in range(_segment_count(obj)):
        segment = _segment(obj, index)
        kind = _segment_type(segment)
        _segment_point(segment, fx_ref, fy_ref)
        point = (fx.value, fy.value)
        if kind == _MOVETO:
            if points:
                yield points, closed
            points, closed, bezier_points = [point], False, 0
            continue
        if kind == _BEZIERTO:
            bezier_points += 1
            if bezier_points % 3:  # control points are not on the outline (as in pdfminer)
                continue
        points.append(point)
        closed = closed or bool(_segment_closes(segment))
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
            kind = _object_type(obj)
            if kind == c.FPDF_PAGEOBJ_PATH:
                edges.extend(_path_edges(obj, matrix, height, buf))
            elif kind == c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                inner = _multiply(_object_matrix(obj, buf), matrix)
                walk(obj, c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, inner, depth + 1)

    walk(page, c.FPDFPage_CountObjects, _page_object, view, 0)
    return edges


def _mediabox(page: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if c.FPDFPage_GetMediaBox(page, x0, y0, x1, y1):
        return x0.value, y0.value, x1.value, y1.value
    # inherited from the page tree: PDFium reads only the page's own; its bounding box is
    # the intersection of the (inherited) MediaBox and CropBox
    box = c.FS_RECTF()
    if not c.FPDF_GetPageBoundingBox(page, box):
        raise DocumentError("pdf_corrupt", "its content cannot be parsed (PDFium)")
    return box.left, box.bottom, box.right, box.top


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
    """The PDFium document of ``data`` (which must outlive it); DocumentError if PDFium cannot
    open it or finds no page in it (as pypdfium2's ``PdfDocument`` decides)."""
    pdf = c.FPDF_LoadMemDocument64(data, len(data), None)
    if pdf and c.FPDF_GetPageCount(pdf) >= 1:
        return pdf
    code = c.FPDF_GetLastError()
    if pdf:
        c.FPDF_CloseDocument(pdf)
    if code == c.FPDF_ERR_PASSWORD:
        raise DocumentError("pdf_encrypted")
    raise DocumentError("pdf_corrupt", UNPARSABLE)


def _notes(pdf: Any) -> list[tuple[str, str]]:
    """Problems about the whole file: PDFium rebuilt a broken cross-reference table."""
    if not c.FPDF_DocumentHasValidCrossReferenceTable(pdf):
        return [("pdf_repaired", "its cross-reference table is broken")]
    return []


def _pages(pdf: Any, count: int) -> Generator[PageContent, None, None]:
    buf = _Buffers()
    for index in range(count):
        page = c.FPDF_LoadPage(pdf, index)
        if not page:
            yield PageContent(
                index + 1, skipped=("pdf_corrupt", f"page {index + 1} cannot be read")
            )
            continue
        try:
            yield page_content(page, index + 1, buf)
        finally:
            c.FPDF_ClosePage(page)


def read_pdf(path: Path, data: bytes, digest: str) -> Document:
    """Blocks of every page of a plan PDF (``data`` is the file, already read for its digest);
    DocumentError if the file cannot be read at all."""
    pdf = _open(data)
    count = c.FPDF_GetPageCount(pdf)
    pages = read_ahead(lambda: _pages(pdf, count)) if has_spare_core() else _pages(pdf, count)
    try:
        return pdf_document(path, digest, count, pages, _notes(pdf))
    finally:
        pages.close()  # a page left open by an error is closed before its document
        c.FPDF_CloseDocument(pdf)
