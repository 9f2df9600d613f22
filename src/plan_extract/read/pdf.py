"""Word-made plan PDFs → blocks, with pdfplumber.

Per page, in reading order (top to bottom):

- ruled tables (``find_tables`` on ruling lines; fewer than 3 columns is a box, not a table) give a
  :class:`TableRow` per table row, each cell as its text lines (pieces), with the row's box;
- text outside ruled tables is split into lines and each line into segments at wide gaps. Runs of
  lines whose segments line up in 3+ columns are an unruled table: each line becomes a row (a
  wrapped cell's later lines become rows without an item number, which structure merges);
- every other line is a :class:`TextLine` (headings, title, organisation lines, page numbers).

Duplicated fake-bold characters are removed (``dedupe_chars``); characters without a Unicode map
(``(cid:N)``, U+FFFD) are reported per page and kept out of the data. Each page's cache is released
once read, so memory does not grow with the page count.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from ..errors import DocumentError
from ..model import Block, Box, Document, SourceFile, TableRow, TextLine, Where
from ..problems import ProblemLog
from .layout import AlignmentSettings, Line, Segment, aligned_blocks

# Named defaults (pdfplumber's TableSettings style): one place to tune the reader.
TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "intersection_tolerance": 3,
}
MIN_TABLE_COLUMNS = 3
LINE_TOLERANCE = 3.0  # points: chars whose tops differ by less are on one line
SEGMENT_GAP = 7.0  # points: a wider gap between chars separates two cells of an unruled table
ALIGNMENT = AlignmentSettings(column_tolerance=4.0, max_row_gap=1.5)  # points, line heights
_BAD_TEXT = regex.compile(r"\(cid:\d+\)|\ufffd")


def _lines(chars: Iterable[dict[str, Any]], page: int = 0) -> list[Line]:
    """Chars → lines (by top) → segments (by gaps), in reading order."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - char["top"]) <= LINE_TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        segments: list[Segment] = []
        for char in row:
            if segments and char["x0"] - segments[-1].x1 <= SEGMENT_GAP:
                gap = char["x0"] - segments[-1].x1
                space = " " if gap > char["size"] * 0.2 and not char["text"].isspace() else ""
                segments[-1].text += space + char["text"]
                segments[-1].x1 = max(segments[-1].x1, char["x1"])
            elif not char["text"].isspace():
                segments.append(Segment(char["x0"], char["x1"], char["text"]))
        segments = [Segment(s.x0, s.x1, s.text.strip()) for s in segments if s.text.strip()]
        if segments:
            top, bottom = min(c["top"] for c in row), max(c["bottom"] for c in row)
            box = Box(page, segments[0].x0, top, segments[-1].x1, bottom)
            lines.append(Line(top, bottom, segments, Where(page=page, boxes=(box,))))
    return lines


BBox = tuple[float, float, float, float]


def _cell_pieces(chars: list[dict[str, Any]], bbox: BBox | None) -> tuple[str, ...]:
    """The text lines of one cell: the chars whose centre lies in it (no derived page per cell)."""
    if bbox is None:
        return ()
    inside = [c for c in chars if _inside(c, [bbox])]
    return tuple(line.text for line in _lines(inside))


def _ruled_tables(page: Any) -> list[Any]:
    tables = page.find_tables(TABLE_SETTINGS)
    return [t for t in tables if t.rows and max(len(r.cells) for r in t.rows) >= MIN_TABLE_COLUMNS]


def _inside(obj: dict[str, Any], boxes: list[BBox]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page: Any, number: int, table_base: int) -> tuple[list[tuple[float, Block]], int]:
    placed: list[tuple[float, Block]] = []
    tables = _ruled_tables(page)
    boxes = [t.bbox for t in tables]
    for index, table in enumerate(tables, start=table_base + 1):
        for row in table.rows:
            row_chars = [c for c in page.chars if _inside(c, [row.bbox])]
            cells = tuple(_cell_pieces(row_chars, bbox) for bbox in row.cells)
            x0, top, x1, bottom = row.bbox
            where = Where(page=number, boxes=(Box(number, x0, top, x1, bottom),))
            placed.append((top, TableRow(cells=cells, where=where, table=index)))
    table_count = table_base + len(tables)
    outside = [c for c in page.chars if not _inside(c, boxes)]
    unruled, table_count = aligned_blocks(_lines(outside, number), ALIGNMENT, table_count)
    placed.extend(unruled)
    placed.sort(key=lambda item: item[0])
    return placed, table_count


def _strip_bad_text(blocks: list[Block]) -> tuple[list[Block], int]:
    bad = 0
    clean: list[Block] = []
    for block in blocks:
        if isinstance(block, TextLine):
            bad += len(_BAD_TEXT.findall(block.text))
            text = _BAD_TEXT.sub("", block.text).strip()
            if text:  # a line of nothing but unmapped glyphs is reported once, as pdf_bad_text
                clean.append(TextLine(text, block.where))
        else:
            bad += sum(len(_BAD_TEXT.findall(p)) for cell in block.cells for p in cell)
            cells = tuple(tuple(_BAD_TEXT.sub("", p) for p in cell) for cell in block.cells)
            clean.append(TableRow(cells, block.where, block.table))
    return clean, bad


def _open(data: bytes) -> Any:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: truncation shows here
        return pdf
    except PDFPasswordIncorrect as error:
        raise DocumentError("pdf_encrypted") from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise DocumentError("pdf_corrupt", str(error) or type(error).__name__) from error
    except Exception as error:  # pdfplumber wraps pdfminer's errors in PdfminerException
        causes = [error, *error.args, error.__cause__, error.__context__]
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            raise DocumentError("pdf_encrypted") from error
        detail = "; ".join(str(c) for c in error.args if str(c)) or type(error).__name__
        raise DocumentError("pdf_corrupt", detail) from error


def iter_page_blocks(pdf: Any) -> Iterator[tuple[int, list[Block], bool]]:
    """(page number, blocks, has_text) per page; each page is released after it is read."""
    tables = 0
    for number, page in enumerate(pdf.pages, start=1):
        try:
            deduped = page.dedupe_chars()
            placed, tables = _page_blocks(deduped, number, tables)
            yield number, [block for _, block in placed], bool(page.chars)
        finally:
            page.close()
            # pdfplumber's derived pages (dedupe_chars, crop) form reference cycles: without a
            # collection per page, a 160-page plan peaks at ~3x the memory of a 4-page one.
            gc.collect()


def read_pdf(path: Path, data: bytes, digest: str) -> Document:
    """Blocks of every page of a plan PDF (``data`` is the file, already read for its digest);
    DocumentError if the file cannot be read at all."""
    pdf = _open(data)
    blocks: list[Block] = []
    log = ProblemLog(path.stem, str(path))
    empty_pages: list[int] = []
    try:
        page_count = len(pdf.pages)
        for number, page_blocks, has_text in iter_page_blocks(pdf):
            if not has_text:
                empty_pages.append(number)
            page_blocks, bad = _strip_bad_text(page_blocks)
            if bad:
                detail = f"page {number} has {bad} characters with no Unicode mapping"
                log.add("pdf_bad_text", detail, Where(page=number))
            blocks.extend(page_blocks)
    except DocumentError:
        raise
    except Exception as error:
        raise DocumentError("pdf_corrupt", f"{type(error).__name__}: {error}") from error
    finally:
        pdf.close()
    if len(empty_pages) == page_count:
        raise DocumentError("pdf_scanned", "every page")
    for number in empty_pages:
        log.add("pdf_scanned", f"page {number}", Where(page=number))
    source = SourceFile(path=str(path), sha256=digest, kind="pdf", pages=page_count)
    return Document(source=source, blocks=blocks, problems=log.problems)
