"""Running headers and footers: a line of text printed at the same place atop (or at the foot of)
two or more pages, whatever it says — the department's name, the plan's title, a date, "Page 2 of
5" — is page furniture, not part of the plan.

Why by place and not by wording: the wordings of ``vocab/headings.tsv`` (``page_furniture``) catch
page numbers and a running title, but a running header may say anything; the department's name
alone atop each page was read as a section C organisation or a grouping row, and, being text above
a table that goes on from the page before, it stopped the page's first rows from being read as the
rest of the row a page break cut. So a PDF's running lines are found page by page, before the
page's tables are (:class:`RunningLines`): a page's first (last) line is a running line when

- the page before's first (last) lines have one that says the same (digits set aside, so page
  numbers and dates meet; spaces ignored) at the same height, within :data:`SAME_PLACE`: Word
  prints headers and footers at one place on every page (the page before, not any earlier page: a
  plan whose pages are printed twice has its title's lines at one place on two pages);
- on the page it stands apart from the body: the gap from it (from the innermost of two running
  lines) to the next (previous) line is at least :data:`APART` times its height (a header or footer
  is in the page's margin; a table's header repeated atop each page, or the same last line of a row
  ending two pages, is a line's spacing from the rest);
- it has a letter: a line of digits and signs alone ("2021", "- 3 -") is never taken for one (a
  date cut onto a line of its own may end two pages; page numbers are the vocabulary's);
- it is not a footnote the page refers to (:attr:`EdgeLine.footnote`): two pages may end with the
  same footnote under their tables, at one height by chance (HTML layouts as PDF, seed 4897).

The earlier pages' copies, read before the second one told what they were, are left out of the
document at its end (:meth:`RunningLines.without_earlier`). Up to :data:`DEPTH` lines at each end
(a header of two lines, a footer under a page number).

Text (``pdftotext -layout``'s pages, parted by form feeds) has no place to go by: there a running
header is the first line of every page, the first page's too, the same on all (a table's header
repeated atop the pages after the first is not on the first); the last lines are left alone (two
pages may end with the same last line of a row).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..model import Block, TextLine

SAME_PLACE = 2.0  # points between where a running line is printed on two pages, at most
APART = 1.2  # a running line's gap to the body, at least, in its own height
DEPTH = 2  # lines at each end of a page that may be running lines
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class EdgeLine:
    """A line at a page's top or foot, as the page's reader sees it: its text, where it is, and
    the gap to the page's next line inwards (None: no other line)."""

    text: str
    top: float
    bottom: float
    gap: float | None
    footnote: bool = False  # a footnote whose marker the page prints elsewhere: never running


@dataclass
class RunningLines:
    """The running lines of a document's pages, found as the pages go by."""

    # at the top or not → the first (last) lines of the page before: key → where (a page's title
    # line may say what its running header says)
    _before: dict[bool, dict[str, list[float]]] = field(default_factory=dict)
    # (at the top, key, where) of the running lines found
    _found: set[tuple[bool, str, float]] = field(default_factory=set)

    def running(self, lines: Sequence[EdgeLine], top: bool) -> int:
        """How many of a page's first (``top``) or last lines (``lines``, outermost first) are
        running lines: the most, up to :data:`DEPTH`, that the page before has at their places,
        the innermost of them apart from the body. The lines are remembered for the next page."""
        lines = list(lines[:DEPTH])
        before = self._before.get(top, {})
        self._before[top] = {}
        for line in lines:
            if not line.footnote:
                self._before[top].setdefault(_key(line.text), []).append(_place(line, top))
        matched = [[] if line.footnote else _places(line, top, before) for line in lines]
        count = 0
        for n in range(1, len(lines) + 1):
            if not all(matched[:n]):
                break
            inner = lines[n - 1]
            if inner.gap is None or inner.gap >= APART * max(inner.bottom - inner.top, 1.0):
                count = n
        for line, places in zip(lines[:count], matched, strict=False):
            key = (top, _key(line.text))
            self._found.update((*key, place) for place in places)
        return count

    def without_earlier(self, pages: Sequence[list[Block]]) -> list[Block]:
        """The pages' blocks in order, without the copies of running lines read before a later
        page told what they were (a page's first or last text lines at their place)."""
        if not self._found:
            return [block for blocks in pages for block in blocks]
        out: list[Block] = []
        for blocks in pages:
            first, last = 0, len(blocks)
            while first < min(DEPTH, last) and self._known(blocks[first], top=True):
                first += 1
            while last > max(first, len(blocks) - DEPTH) and self._known(blocks[last - 1], False):
                last -= 1
            out.extend(blocks[first:last])
        return out

    def _known(self, block: Block, top: bool) -> bool:
        if not isinstance(block, TextLine) or not block.where.boxes:
            return False
        boxes = block.where.boxes
        place = min(b.top for b in boxes) if top else max(b.bottom for b in boxes)
        key = _key(block.text)
        return any((top, key) == (t, k) and abs(p - place) <= SAME_PLACE for t, k, p in self._found)


def _place(line: EdgeLine, top: bool) -> float:
    return line.top if top else line.bottom


def _places(line: EdgeLine, top: bool, before: dict[str, list[float]]) -> list[float]:
    """Where the page before had this line, at its place (none: it had not, or the line has no
    letter)."""
    if not _LETTER.search(line.text):
        return []
    place = _place(line, top)
    return [p for p in before.get(_key(line.text), []) if abs(p - place) <= SAME_PLACE]


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
