"""Running headers and footers: a line of text printed at the same place atop (or at the foot of)
two or more pages, whatever it says — the department's name, the plan's title, a date, "Page 2 of
5" — is page furniture, not part of the plan.

Why by place and not by wording: the wordings of ``vocab/headings.tsv`` (``page_furniture``) catch
page numbers and a running title, but a running header may say anything; the department's name
alone atop each page was read as a section C organisation or a grouping row, and between a row
and its remainder on the next page it split the row in two. What a running line is:

- the first (last) line of text of each of two or more pages, with the same text once digits are
  set aside (so page numbers and dates meet) and spaces ignored;
- at the same height on each of them (within :data:`SAME_PLACE`): Word prints headers and footers
  in the page's margin, at one place;
- clear of the body on every page: above (below) the first (last) block of every page that does not
  have it, and of the block after (before) it on those that do. A table's header repeated atop each
  page is not clear of the body: on the page where the table starts something else is there
  (ruled headers are table rows anyway; this guards a header read as a line of text).

Up to :data:`DEPTH` lines at each end (a header of two lines, a footer under a page number).

A line of digits and signs alone ("2021", "- 3 -") is never taken for one: a date cut onto a line of
its own may end two pages at one height; page numbers are the vocabulary's.

Text (``pdftotext -layout``'s pages, parted by form feeds) has no place to go by: there a running
header is the first line of every page, the first page's too, the same on all (a table's header
repeated atop the pages after the first is not on the first); the last lines are left alone (two
pages may end with the same last line of a row).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from ..model import Block, TextLine

SAME_PLACE = 2.0  # points between where a running line is printed on two pages, at most
DEPTH = 2  # lines at each end of a page that may be running lines
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")


def without_running_lines(pages: Sequence[list[Block]]) -> list[Block]:
    """The pages' blocks in order, running headers and footers left out."""
    pages = [list(blocks) for blocks in pages]
    for _ in range(DEPTH):
        if not (_drop_edge(pages, top=True) | _drop_edge(pages, top=False)):
            break
    return [block for blocks in pages for block in blocks]


def running_text(pages: Iterable[list[tuple[int, str]]]) -> list[str]:
    """The running header of text pages of (line number, line), as the keys of its lines (none:
    no running header; see the module's doc). Only each page's first lines are kept while the
    pages go by."""
    firsts = [_firsts(lines) for lines in pages]
    firsts = [keys for keys in firsts if keys]  # pdftotext ends the last page with a form feed
    header: list[str] = []
    if len(firsts) < 2:
        return header
    for depth in range(DEPTH):
        keys = {page[depth] if depth < len(page) else "" for page in firsts}
        key = keys.pop()
        if keys or not _LETTER.search(key):
            break
        header.append(key)
    return header


def without_running_text(lines: list[tuple[int, str]], header: list[str]) -> list[tuple[int, str]]:
    """A text page without the running header :func:`running_text` found."""
    if not header:
        return lines
    drop = {i for i, _ in zip(_first_indices(lines), header, strict=False)}
    return [line for i, line in enumerate(lines) if i not in drop]


def _first_indices(lines: list[tuple[int, str]]) -> Iterator[int]:
    return (i for i, (_, text) in enumerate(lines) if text.strip())


def _firsts(lines: list[tuple[int, str]]) -> list[str]:
    return [_key(lines[i][1]) for i, _ in zip(_first_indices(lines), range(DEPTH), strict=False)]


def _key(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split())).casefold()


def _span(block: Block) -> tuple[float, float] | None:
    """The block's top and bottom on its page; None without boxes (text files)."""
    boxes = block.where.boxes
    if not boxes:
        return None
    return min(box.top for box in boxes), max(box.bottom for box in boxes)


def _drop_edge(pages: list[list[Block]], top: bool) -> bool:
    """Drop the running lines at the top (``top``) or foot of the pages; whether any was."""
    end, inner = (0, 1) if top else (-1, -2)
    found: dict[str, list[int]] = defaultdict(list)
    for index, blocks in enumerate(pages):
        block = blocks[end] if blocks else None
        if isinstance(block, TextLine) and _span(block) is not None and _LETTER.search(block.text):
            found[_key(block.text)].append(index)
    dropped = False
    for indices in found.values():
        if len(indices) < 2:
            continue
        spans = [_span(pages[i][end]) or (0.0, 0.0) for i in indices]
        edge = 0 if top else 1
        if max(s[edge] for s in spans) - min(s[edge] for s in spans) > SAME_PLACE:
            continue
        # The body, which must begin below where the line ends (end above where it begins):
        # the block after (before) it on its pages, the first (last) block on the others.
        having = set(indices)
        body = [
            _span(blocks[inner] if index in having else blocks[end])
            for index, blocks in enumerate(pages)
            if len(blocks) > (1 if index in having else 0)
        ]
        line_bottom = max(s[1] for s in spans)
        line_top = min(s[0] for s in spans)
        if all(
            span is not None and (span[0] >= line_bottom if top else span[1] <= line_top)
            for span in body
        ):
            for index in indices:
                del pages[index][end]
            dropped = True
    return dropped
