"""The text form of a plan → blocks.

Two forms are read:

- **tab-separated** (what most PDF-to-text tools and Word's "save as text" give): a line with tabs
  is a table row, one cell per field; every other non-blank line is a text line;
- **space-aligned** (``pdftotext -layout``; no tab anywhere in the file): columns are found by
  alignment, as for unruled PDF tables (:mod:`.layout`). Positions are counted in characters or in
  display columns (a CJK character is two), whichever lines the columns up better.

The reader keeps each cell's text as published: joining wrapped pieces, dropping header rows and
merging continuation rows are later stages, shared with the PDF reader. Line numbers count line
breaks only, so they match an editor's (a form feed, pdftotext's page break, is dropped).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace

import regex

from ..headings import is_furniture
from ..model import Block, Cell, TableRow, TextLine, Where
from .furniture import running_text, without_running_text
from .layout import AlignmentSettings, Line, Segment, aligned_blocks, aligned_count

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_SEGMENT = regex.compile(r"\S+(?: \S+)*")  # cells are separated by two or more spaces
ALIGNMENT = AlignmentSettings(column_tolerance=3, max_row_gap=1)  # columns, lines


class CellPool:
    """One object for every equal cell of a document: months, frequencies, categories, 「/」 and
    empty cells repeat on every row, and a tuple and its string cost ~130 bytes each time. Lives
    while one document is read."""

    def __init__(self) -> None:
        self.cells: dict[Cell, Cell] = {}

    def __call__(self, cell: Cell) -> Cell:
        return self.cells.setdefault(cell, cell)

    def row(self, row: TableRow) -> TableRow:
        return TableRow(tuple(map(self, row.cells)), row.where, row.table, row.covered)


def _raw_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line (form feeds kept) with its 1-based number, one at a time: a long document's lines
    are never all held in a list."""
    start = 0
    number = 1
    for match in _NEWLINE.finditer(text):
        yield number, text[start : match.start()]
        start = match.end()
        number += 1
    yield number, text[start:]


def text_blocks(text: str) -> list[Block]:
    """Blocks of a decoded text plan, each with its 1-based line number."""
    if "\t" in text:
        return _tab_blocks(text)
    return _aligned_blocks(text)


def _tab_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    shared = CellPool()
    table = 0
    previous_was_row = False
    for number, raw in _raw_lines(text):
        line = raw.replace("\f", "")
        if not line.strip():
            continue
        if "\t" in line:
            if not previous_was_row:
                table += 1
            cells = tuple(shared((cell.strip(),)) for cell in line.split("\t"))
            blocks.append(TableRow(cells=cells, where=Where(line=number), table=table))
            previous_was_row = True
        else:
            blocks.append(TextLine(text=line.strip(), where=Where(line=number)))
            previous_was_row = False
    return blocks


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _layout_lines(lines: list[tuple[int, str]], display_width: bool) -> list[Line]:
    out = []
    for number, line in lines:
        segments = []
        x, end = 0, 0  # display width of line[:end], advanced segment by segment (linear time)
        for m in _SEGMENT.finditer(line):
            if display_width:
                x += _width(line[end : m.start()])
                x0, x1 = x, x + _width(m.group())
                x, end = x1, m.end()
            else:
                x0, x1 = m.start(), m.end()
            segments.append(Segment(float(x0), float(x1), m.group()))
        if segments:
            out.append(Line(float(number), float(number + 1), segments, Where(line=number)))
    return out


def _pages(text: str) -> Iterator[list[tuple[int, str]]]:
    """Lines grouped by page, form feeds removed: pdftotext starts each page after the first with
    a form feed."""
    page: list[tuple[int, str]] = []
    for number, raw in _raw_lines(text):
        if "\f" in raw and page:
            yield page
            page = []
        page.append((number, raw.replace("\f", "")))
    yield page


def _aligned_blocks(text: str) -> list[Block]:
    """Columns are found page by page: pdftotext's character grid differs between pages."""
    blocks: list[Block] = []
    shared = CellPool()
    tables = 0
    header = running_text(_pages(text))  # a first pass over the pages: their first lines only
    for page in _pages(text):
        page = without_running_text(page, header)
        by_chars = _layout_lines(page, display_width=False)
        if all(line.isascii() for _, line in page):
            best = by_chars  # display width is the character count
        else:
            by_width = _layout_lines(page, display_width=True)
            best = max((by_chars, by_width), key=lambda lines: aligned_count(lines, ALIGNMENT))
        exact = replace(ALIGNMENT, measure=len if best is by_chars else _width)
        footer = best.pop() if best and is_furniture(best[-1].text) else None
        placed, tables = aligned_blocks(best, exact, tables)
        blocks.extend(shared.row(b) if isinstance(b, TableRow) else b for _, b in placed)
        if footer is not None:
            # a page's number (pdftotext prints it last, centred): under a column of a table
            # that ends the page it would be read as the rest of the last row's cell
            blocks.append(TextLine(text=footer.text, where=footer.where))
    return blocks
