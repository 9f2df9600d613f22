"""``plan-extract debug``: a picture of one PDF page showing what the reader and structure saw.

Modelled on pdfplumber's visual debugging (its page picture, its ``debug_tablefinder`` colours):
the ruling edges and cells of our own table finder (:mod:`.read.tables`, the one both readers
use) are drawn, and every table row the reader produced is outlined in the colour of what
structure made of it — a dataset row, a continuation merged into the row above, a dropped header
row, a grouping (category) row, a "no datasets" row, or a row recorded as a problem — and text lines
outside tables are underlined.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from .errors import UsageError
from .read import read_document
from .read.page import page_tables
from .read.pdf import page_content
from .read.tables import dotted_rules, merge_edges
from .structure import row_kinds

COLOURS = {
    "dataset": (0, 160, 0),
    "continuation": (255, 140, 0),
    "header": (220, 0, 0),
    "none": (128, 128, 128),
    "grouping": (0, 90, 220),
    "problem": (170, 0, 170),
}
EDGE_COLOUR = (255, 0, 0)  # pdfplumber's debug_tablefinder colours
CELL_FILL = (0, 0, 255, 50)
LEGEND = (
    "green: dataset row · orange: continuation merged into the row above · red: dropped header · "
    "blue: grouping (category) row · purple: row recorded as a problem"
)


def draw_page(pdf_path: Path, page_number: int, out: Path, resolution: int = 110) -> None:
    """Write a PNG of page ``page_number`` (1-based) with the detected structure marked."""
    document = read_document(pdf_path)
    if document.source.kind != "pdf":
        raise UsageError(f"{pdf_path} is not a PDF")
    if not 1 <= page_number <= (document.source.pages or 0):
        raise UsageError(f"{pdf_path} has no page {page_number} ({document.source.pages} pages)")
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_number - 1]
        image = page.to_image(resolution=resolution)
        content = page_content(page, page_number)
        edges = dotted_rules(content.edges)
        dx, dy = page.mediabox[0], page.mediabox[1]
        for edge in merge_edges(edges):
            image.draw_line(
                [(edge.x0 + dx, edge.top + dy), (edge.x1 + dx, edge.bottom + dy)],
                stroke=EDGE_COLOUR,
                stroke_width=1,
            )
        for table in page_tables(edges):
            for x0, top, x1, bottom in table.cells:
                image.draw_rect(
                    (x0 + dx, top + dy, x1 + dx, bottom + dy), fill=CELL_FILL, stroke=EDGE_COLOUR
                )
        for row, kind in row_kinds(document):
            for box in row.where.boxes:
                if box.page == page_number:
                    colour = COLOURS[kind]
                    image.draw_rect(
                        (box.x0, box.top, box.x1, box.bottom),
                        fill=(*colour, 40),
                        stroke=colour,
                        stroke_width=3,
                    )
        image.save(out, format="PNG")
