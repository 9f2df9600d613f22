"""The reference PDF reader (``--reader pdfplumber``): pdfplumber's chars and path objects.

pdfplumber (over pdfminer.six) parses each page in Python; this reader only turns its chars,
lines, rects and curves into :class:`~.page.Char` and :class:`~.tables.Edge` values, and
:mod:`.page` does the rest exactly as for the PDFium reader. It is the slower reader, kept as the
reference the default one is tested against.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException

from ..errors import DocumentError
from ..model import Document
from . import page as _limits
from .guard import reference_loop
from .page import UNMAPPED, UNPARSABLE, Char, PageContent, em_char, pdf_document, too_many
from .tables import Edge, polyline_edges

_CID = regex.compile(r"\(cid:\d+\)")
MAX_DECLARED_PAGES = 100_000  # a larger /Count is nonsense, not pages to report missing
_LIGATURES = frozenset("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")


def chars_of(obj: dict[str, Any], height: float, dx: float = 0, dy: float = 0) -> list[Char]:
    """Our chars for one pdfplumber char: "(cid:N)" is an unmapped glyph, and a ligature glyph
    (U+FB00–FB06) is its letters, each with the ligature's box, as PDFium gives them."""
    text = obj["text"]
    if _CID.fullmatch(text):
        text = UNMAPPED
    baseline = height - obj["matrix"][5] - dy  # the text matrix's origin is on the baseline
    letters = unicodedata.normalize("NFKC", text) if text in _LIGATURES else text
    x0, x1, size = obj["x0"] - dx, obj["x1"] - dx, obj["size"]
    return [em_char(letter, x0, x1, baseline, size) for letter in letters] if letters else []


def page_content(page: Any, number: int) -> PageContent:
    """Chars and ruling edges of a pdfplumber page, in points from the MediaBox's top-left."""
    objects = page.objects
    chars, paths = objects.get("char", []), sum(len(objects.get(k, [])) for k in ("line", "rect"))
    paths += len(objects.get("curve", []))
    if len(chars) > _limits.MAX_PAGE_CHARS:
        return too_many(number, len(chars), "glyphs", _limits.MAX_PAGE_CHARS)
    if paths > _limits.MAX_PAGE_PATHS:
        return too_many(number, paths, "objects", _limits.MAX_PAGE_PATHS)
    dx, dy = page.mediabox[0], page.mediabox[1]

    def shift(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x - dx, y - dy) for x, y in points]

    edges: list[Edge] = []
    for line in objects.get("line", []):
        edges += polyline_edges(shift(line["pts"]))
    for curve in objects.get("curve", []):
        edges += polyline_edges(shift(curve["pts"]))
    for r in objects.get("rect", []):
        corners = [(r["x0"], r["top"]), (r["x1"], r["top"]), (r["x1"], r["bottom"])]
        edges += polyline_edges(shift([*corners, (r["x0"], r["bottom"]), (r["x0"], r["top"])]))
    ours = [char for obj in chars for char in chars_of(obj, page.height, dx, dy)]
    return PageContent(number, ours, edges)


def _open(data: bytes) -> Any:
    try:
        loop = reference_loop(data)
        if loop is not None:
            raise DocumentError("pdf_corrupt", f"object {loop} refers to itself in a loop")
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: truncation shows here
        return pdf
    except DocumentError:
        raise
    except PDFPasswordIncorrect as error:
        raise DocumentError("pdf_encrypted") from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise DocumentError("pdf_corrupt", UNPARSABLE) from error
    except RecursionError as error:
        raise DocumentError("pdf_corrupt", "an object refers to itself") from error
    except Exception as error:  # pdfplumber wraps pdfminer's errors in PdfminerException
        causes = [error, *error.args, error.__cause__, error.__context__]
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            raise DocumentError("pdf_encrypted") from error
        raise DocumentError("pdf_corrupt", UNPARSABLE) from error


def _notes(pdf: Any) -> list[tuple[str, str]]:
    """Problems about the whole file: pdfminer fell back to scanning for objects."""
    xrefs = getattr(pdf.doc, "xrefs", [])
    if any(type(x).__name__ == "PDFXRefFallback" for x in xrefs):
        return [("pdf_repaired", "its cross-reference table is broken")]
    return []


def _declared_pages(pdf: Any) -> int:
    """The page count the page tree's root declares (/Count), 0 if it declares none.

    PDFium believes /Count and cannot load the pages missing from the tree, so that each such
    page is a pdf_corrupt problem; pdfminer walks the tree and says nothing. This reader reports
    the missing pages the same way."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # no /Count, or damaged: nothing declared
        return 0
    return count if isinstance(count, int) and 0 <= count <= MAX_DECLARED_PAGES else 0


def _pages(pdf: Any, total: int) -> Iterator[PageContent]:
    for number, page in enumerate(pdf.pages, start=1):
        try:
            yield page_content(page, number)
        finally:
            page.close()
    for number in range(len(pdf.pages) + 1, total + 1):
        yield PageContent(number, skipped=("pdf_corrupt", f"page {number} cannot be read"))


def read_pdf(path: Path, data: bytes, digest: str) -> Document:
    """Blocks of every page of a plan PDF (``data`` is the file, already read for its digest);
    DocumentError if the file cannot be read at all."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # what matters becomes problems
    pdf = _open(data)
    try:
        total = max(len(pdf.pages), _declared_pages(pdf))
        return pdf_document(path, digest, total, _pages(pdf, total), _notes(pdf))
    except DocumentError:
        raise
    except RecursionError as error:
        raise DocumentError("pdf_corrupt", "an object refers to itself") from error
    except Exception as error:
        # pdfminer's messages can dump whole dictionaries: the error's kind is enough
        detail = f"its content cannot be parsed ({type(error).__name__})"
        raise DocumentError("pdf_corrupt", detail) from error
    finally:
        pdf.close()
