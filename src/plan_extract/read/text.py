"""The text form of a plan (what PDF-to-text gives) → blocks.

Table rows are lines with tabs, one cell per tab-separated field; every other non-blank line is a
text line. The reader keeps each cell's text as published: joining wrapped pieces, dropping header
rows and merging continuation rows are later stages, shared with the PDF reader.
"""

from __future__ import annotations

from ..model import Block, TableRow, TextLine, Where


def text_blocks(text: str) -> list[Block]:
    """Blocks of a decoded text plan, each with its 1-based line number."""
    blocks: list[Block] = []
    table = 0
    previous_was_row = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" in line:
            if not previous_was_row:
                table += 1
            cells = tuple((cell.strip(),) for cell in line.split("\t"))
            blocks.append(TableRow(cells=cells, where=Where(line=number), table=table))
            previous_was_row = True
        else:
            blocks.append(TextLine(text=line.strip(), where=Where(line=number)))
            previous_was_row = False
    return blocks
