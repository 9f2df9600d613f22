"""What both PDF readers share: a page's characters and ruling edges → blocks, and pages → a
:class:`~plan_extract.model.Document`.

A reader (pdfplumber or PDFium) only turns its library's objects into :class:`Char` and
:class:`~.tables.Edge` values; everything after that is here, so the two readers agree by
construction. Per page, in reading order (top to bottom):

- ruled tables (:func:`.tables.find_tables`; fewer than 3 columns is a box, not a table) give a
  :class:`TableRow` per table row: per column, the text lines (pieces) of the cell starting there,
  every char whose centre lies in the cell — the whole cell, however many rows a merged cell spans
  — and ``covered`` for the columns where a merged cell from above or the left covers the row;
- text outside ruled cells is split into lines and each line into segments at wide gaps. Runs of
  lines whose segments line up in 3+ columns are an unruled table (:mod:`.layout`);
- every other line is a :class:`TextLine` (headings, title, organisation lines, page numbers).

Duplicated fake-bold characters are removed (:func:`dedupe_chars`); characters without a Unicode
map (U+FFFD here, whatever the library's marker) are reported per page and kept out of the data.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain, pairwise, repeat, takewhile
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import regex

from ..errors import DocumentError
from ..footnotes import printed_marker
from ..headings import is_furniture
from ..model import Block, Box, Document, SourceFile, TableRow, TextLine, Where, blocks_text
from ..normalise.numerals import parse_item_no
from ..normalise.text import is_cjk
from ..problems import ProblemLog
from ..words import Pieces, broken_word, carried_on
from .furniture import DEPTH, EdgeLine, RunningLines
from .layout import AlignmentSettings, Line, Segment, aligned_blocks, padded_bands
from .locate import CellLocator
from .tables import (
    BAND_MAX,
    BAND_MIN,
    COLUMN_EDGE_TOLERANCE,
    ROW_EDGE_TOLERANCE,
    BandKind,
    BBox,
    Columns,
    Edge,
    GridRow,
    Table,
    TooManyLinesError,
    continued_rows,
    dotted_rules,
    grid_columns,
    join_side_by_side,
    join_stacked,
    merge_edges,
    rules_spanning,
    same_columns,
    tables_in,
)

MIN_TABLE_COLUMNS = 3
LINE_TOLERANCE = 3.0  # points: chars whose tops differ by less are on one line
SEGMENT_GAP = 7.0  # points: a wider gap between chars separates two cells of an unruled table
DEDUPE_TOLERANCE = 1.0  # points: identical chars closer than this are one (fake bold)
ALIGNMENT = AlignmentSettings(column_tolerance=4.0, max_row_gap=1.5)  # points, line heights
# A char's box is its advance across and the em square up and down, ascent and descent as in the
# CJK fonts plans use: the same for every font, so that boxes do not depend on the font metrics
# each library reads (pdfminer uses a descriptor's /Descent, PDFium the font program's).
EM_ASCENT, EM_DESCENT = 0.88, 0.12
BOX_DIGITS = 1  # boxes in the output are rounded to 0.1 pt
MAX_PAGE_CHARS = 100_000  # more glyphs than any plan page: a hostile or broken file
MAX_PAGE_PATHS = 100_000  # more path (or other) objects than any plan page
# Our words for a file the PDF library cannot open, the same whichever reader: the libraries'
# own messages ("Unexpected EOF", "Data format error") differ and say little to a user.
UNPARSABLE = "its structure cannot be parsed: a truncated download, or not a PDF"
UNMAPPED = "\ufffd"  # a glyph without a Unicode mapping (pdfminer's "(cid:N)")
_BAD_TEXT = regex.compile(r"\(cid:\d+\)|\ufffd")


class Char(NamedTuple):
    """A character on a page, in points from the page's top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


def too_many(number: int, count: int, what: str, limit: int) -> PageContent:
    """A page not read because it has more glyphs or objects than any plan page."""
    detail = f"page {number} has {count} {what}, over the limit of {limit}"
    return PageContent(number, skipped=("pdf_too_complex", detail))


def rounded_box(page: int, bbox: BBox) -> Box:
    """A box to 0.1 pt: finer digits are float noise that differs between the readers (PDFium
    computes in single precision), and would make the output differ for no visible reason."""
    x0, top, x1, bottom = (round(v, BOX_DIGITS) for v in bbox)
    return Box(page, x0, top, x1, bottom)


def em_char(text: str, x0: float, x1: float, baseline: float, size: float) -> Char:
    """A char from its advance (x0 to x1), its baseline (from the page top) and its font size."""
    return Char(text, x0, baseline - EM_ASCENT * size, x1, baseline + EM_DESCENT * size, size)


@dataclass
class PageContent:
    """What a reader got from one page; ``skipped`` is the (problem code, detail) saying why the
    page was not read (``pdf_too_complex``, or ``pdf_corrupt`` for a page that cannot be loaded):
    the other pages are still read."""

    number: int
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    skipped: tuple[str, str] | None = None


def join_ligatures(chars: list[Char]) -> list[Char]:
    """One char for the letters of a ligature glyph ("ﬀ" in "traffic", "ﬁ" in "Office"): the
    libraries give each letter the glyph's box, one after the other in drawing order, which
    fake-bold removal would take for a copy and drop."""
    out: list[Char] = []
    last: Char | None = None
    for char in chars:
        # the same box (to 0.01 pt), tested inline: this runs for every char of every page
        if (
            last is not None
            and abs(last.x0 - char.x0) < 0.01
            and abs(last.x1 - char.x1) < 0.01
            and abs(last.top - char.top) < 0.01
            and last.text.isalpha()
            and char.text.isalpha()
        ):
            last = out[-1] = last._replace(text=last.text + char.text)
        else:
            out.append(char)
            last = char
    return out


def dedupe_chars(chars: list[Char], tolerance: float = DEDUPE_TOLERANCE) -> list[Char]:
    """Chars without the copies fake bold draws: of identical chars (text and size) within
    ``tolerance`` of each other down and across (chained, as pdfplumber clusters), the top-left
    one, in drawing order. pdfplumber's ``dedupe_chars`` without its quadratic
    ``sorted(key=chars.index)``, and without sorting the page: the chars are grouped by text and
    size first, and only a group of two or more is sorted (by top), as its own."""
    chars = join_ligatures(chars)
    groups: defaultdict[object, list[int]] = defaultdict(list)
    if len({char.size for char in chars}) <= 1:
        # one size on the page (most pages): grouped by text alone, faster than by (text, size)
        # tuples, whose hash is computed again at every look-up
        for index, char in enumerate(chars):
            groups[char.text].append(index)
    else:
        for index, char in enumerate(chars):
            groups[char.text, char.size].append(index)
    if len(groups) == len(chars):
        return chars  # no two chars alike: nothing can be a copy
    tops = [char.top for char in chars]
    keep: list[int] = []
    for group in groups.values():
        if len(group) == 1:
            keep.append(group[0])
            continue
        group.sort(key=tops.__getitem__)  # stable: drawing order among equal tops
        run = group[:1]
        before = tops[group[0]]
        for index in group[1:]:
            top = tops[index]
            if top <= before + tolerance:
                run.append(index)
            else:
                keep.extend(run if len(run) == 1 else _dedupe_across(chars, run, tolerance))
                run = [index]
            before = top
        keep.extend(run if len(run) == 1 else _dedupe_across(chars, run, tolerance))
    if len(keep) == len(chars):
        return chars  # nothing was a copy (most pages): no second list
    keep.sort()
    return [chars[i] for i in keep]


def _dedupe_across(chars: list[Char], indexes: list[int], tolerance: float) -> list[int]:
    """Of identical chars on one line (by top), the top-left one of each run of x positions."""
    if len(indexes) == 2:  # most often: one char twice on a line, far apart
        x0, x1 = chars[indexes[0]].x0, chars[indexes[1]].x0
        if max(x0, x1) > min(x0, x1) + tolerance:
            return indexes
    indexes = sorted(indexes, key=lambda i: chars[i].x0)
    runs: list[list[int]] = [[indexes[0]]]
    for previous, index in pairwise(indexes):
        if chars[index].x0 > chars[previous].x0 + tolerance:
            runs.append([])
        runs[-1].append(index)
    return [
        run[0] if len(run) == 1 else min(run, key=lambda i: (chars[i].top, chars[i].x0, i))
        for run in runs
    ]


def _line_order(char: Char) -> tuple[int, float]:
    return (round(char.top), char.x0)


_x0 = attrgetter("x0")


def _rows(chars: Iterable[Char]) -> list[list[Char]]:
    """Chars in line order (:func:`_line_order`, as :func:`page_blocks` sorts a page's chars
    once) grouped into lines: a char within LINE_TOLERANCE of a line's first char's top."""
    rows: list[list[Char]] = []
    current: list[Char] = []
    current_top = 0.0
    for char in chars:
        top = char.top
        if current and -LINE_TOLERANCE <= current_top - top <= LINE_TOLERANCE:
            current.append(char)
        else:
            current, current_top = [char], top
            rows.append(current)
    return rows


def _first_rows(chars: Iterable[Char], count: int) -> list[list[Char]]:
    """The first ``count`` lines of chars in line order (as :func:`_rows` groups them), read no
    further than they are; blank chars left out."""
    rows: list[list[Char]] = []
    current_top = 0.0
    for char in chars:
        if char.text.isspace():
            continue
        if rows and -LINE_TOLERANCE <= current_top - char.top <= LINE_TOLERANCE:
            rows[-1].append(char)
            continue
        if len(rows) == count:
            break
        rows.append([char])
        current_top = char.top
    return rows


def _edge_lines(rows: list[list[Char]], top: bool, chars: list[Char]) -> list[EdgeLine]:
    """A page's first (last) lines, outermost first, each with its gap to the next one inwards
    (the last of ``rows`` is there for that gap only) and whether it is a footnote the page
    refers to: it starts with a marker (:func:`~..footnotes.printed_marker`) that the page's
    ``chars`` print elsewhere too."""
    lines = []
    page_text: str | None = None
    for row, inner in pairwise(rows):
        row_top, row_bottom = min(c.top for c in row), max(c.bottom for c in row)
        if top:
            gap = min(c.top for c in inner) - row_bottom
        else:
            gap = row_top - max(c.bottom for c in inner)
        text = "".join(c.text for c in sorted(row, key=_x0))
        footnote = False
        if (marker := printed_marker(text)) is not None:
            core = marker.strip("(（[)）] ")
            page_text = "".join(c.text for c in chars) if page_text is None else page_text
            footnote = page_text.count(core) > text.count(core)
        lines.append(EdgeLine(text, row_top, row_bottom, gap, footnote))
    return lines


def without_running(chars: list[Char], running: RunningLines) -> list[Char]:
    """A page's chars (in line order) without those of its running header and footer lines
    (:class:`~.furniture.RunningLines`, which learns the page's first and last lines)."""
    head = _first_rows(chars, DEPTH + 1)
    if len(head) < 2:
        return chars  # a page of one line: nothing for a running line to stand apart from
    # (a page of two, its running header and its page number, has no body: the header's gap to
    # the number tells it apart, and the page before tells what it is; random Word layouts with
    # looks, seed 2072: atop a page the table's last row left empty, it was read as the rest of
    # that row, its name "換地交易地政總署")
    tail = _first_rows(reversed(chars), DEPTH + 1)
    tops = running.running(_edge_lines(head, True, chars), top=True)
    bottoms = running.running(_edge_lines(tail, False, chars), top=False)
    if not tops and not bottoms:
        return chars
    # the lines' chars, their spaces too (within LINE_TOLERANCE of a line's first char's top):
    # in line order, a run at the start and one at the end, the body a line and more away
    heads = [row[0].top for row in head[:tops]]
    tails = [row[0].top for row in tail[:bottoms]]
    start, stop = 0, len(chars)
    while start < stop and any(abs(chars[start].top - t) <= LINE_TOLERANCE for t in heads):
        start += 1
    while stop > start and any(abs(chars[stop - 1].top - t) <= LINE_TOLERANCE for t in tails):
        stop -= 1
    return chars[start:stop]


# of the font size: a gap this wide between two chars is a space where the PDF has no space glyph.
# A browser's PDF (Chromium, Skia) draws none, and sets "of major" in Liberation Sans 10 pt 1.9 pt
# apart (a fifth, once the rule, joined them: HTML layouts as PDF, seed 4004); letters of a word
# abut or overlap (kerning), and Word's PDFs draw their spaces. Between two CJK characters the
# rule stays a fifth (CJK_GAP): Chinese text set with a little tracking is no words apart.
WORD_GAP = 0.15
CJK_GAP = 0.2
# of the font size: wider than a space (Arial's and Liberation Sans's 0.28, Times's 0.25, the
# CJK fonts' 0.22), a gap between a CJK character and Latin text that parts two cells' texts
# where a column's edge lies in it (:func:`_runs_in`)
MIXED_GAP = 0.3


def _split(row: list[Char]) -> list[tuple[float, float, str]]:
    """A line's chars → (x0, x1, text) of its segments, split at gaps wider than SEGMENT_GAP;
    a space where a gap is wider than WORD_GAP of the font size (CJK_GAP between two CJK
    characters)."""
    row.sort(key=_x0)
    found: list[tuple[float, float, list[str]]] = []
    parts: list[str] = []
    start = end = 0.0
    for text, x0, _, x1, _, size in row:
        if parts and x0 - end <= SEGMENT_GAP:
            gap = x0 - end
            if (
                gap > size * WORD_GAP
                and not text.isspace()
                and (gap > size * CJK_GAP or not (is_cjk(text[:1]) and is_cjk(parts[-1][-1:])))
            ):
                parts.append(" ")
            parts.append(text)
            if x1 > end:
                end = x1
        elif not text.isspace():
            if parts:
                found.append((start, end, parts))
            start, end, parts = x0, x1, [text]
    if parts:
        found.append((start, end, parts))
    segments = []
    for x0, x1, pieces in found:
        joined = "".join(pieces).strip()
        if joined:
            segments.append((x0, x1, joined))
    return segments


def text_lines(chars: Iterable[Char], page: int = 0) -> list[Line]:
    """Chars in line order → lines (by top) → segments (by gaps), in reading order."""
    lines = []
    for row in _rows(chars):
        segments = [Segment(*segment) for segment in _split(row)]
        if segments:
            top, bottom = min(c.top for c in row), max(c.bottom for c in row)
            box = rounded_box(page, (segments[0].x0, top, segments[-1].x1, bottom))
            lines.append(Line(top, bottom, segments, Where(page=page, boxes=(box,))))
    return lines


def cell_pieces(chars: Iterable[Char], box: BBox | None = None) -> tuple[str, ...]:
    """The text lines of a cell's chars in line order (what :func:`text_lines` gives, without
    boxes). Given the cell's ``box``, a word a narrow column broke across two lines is one piece
    again (:func:`_broken_word`)."""
    pieces: list[str] = []
    rows = _rows(chars)
    end = 0.0  # where the last piece's line ends, when that line is one word
    for row in rows:
        segments = _split(row)  # sorts the row by x0
        if not segments:
            continue
        text = " ".join(segment[2] for segment in segments)
        if (
            pieces
            and end
            and box is not None
            and _broken_word(pieces[-1], end, text, row, box, rows)
        ):
            pieces[-1] += text
        else:
            pieces.append(text)
        single = len(segments) == 1 and " " not in text
        end = segments[-1][1] if single else 0.0
    return tuple(pieces)


def _left_margin(rows: list[list[Char]], box: BBox) -> float:
    """The cell's padding: how far its text starts from its left edge (Word pads both sides
    alike)."""
    return max(0.0, min(char.x0 for row in rows for char in row) - box[0])


BROKEN_WORD_SLACK = 1.0  # points: rounding between where a line ends and the cell's padding


def _broken_word(
    before: str, end: float, text: str, row: list[Char], box: BBox, rows: list[list[Char]]
) -> bool:
    """Whether the line ``row`` (sorted by x0; ``text`` as read) carries on a word the line
    before broke (:func:`~plan_extract.words.broken_word`); where only the page can tell, whether
    that line filled its cell: its next char would not have fit before the cell's right padding."""
    pieces = broken_word(before, text)
    if pieces is not Pieces.ONE_WORD_IF_FULL:
        return pieces is Pieces.ONE_WORD
    first = next(char for char in row if not char.text.isspace())  # the row has a segment
    room = box[2] - _left_margin(rows, box) - end  # what was left on the line before
    return -BROKEN_WORD_SLACK <= room < (first.x1 - first.x0) + BROKEN_WORD_SLACK


def _runs_in(line: list[Char], columns: Columns) -> list[list[Char]]:
    """A line's runs (:func:`_runs`, its spaces dropped), each parted too where a gap between two
    CJK characters (:data:`CJK_GAP`: Chinese text has no spaces) holds a column's edge: two
    cells' texts a narrow padding parts (random HTML layouts, seed 4314: a name filling its
    column, 3 pt from the contact unit beside it, one run across two columns, and the row read
    by its text's alignment, the two one cell). So too a gap between a CJK character and Latin
    text wider than a space (:data:`MIXED_GAP`) and holding no space's glyph (4380: a name's
    「）」 0.4 pt past its column's edge, 4 pt from the format 「CSV」 beside it; 「運輸署 Transport」,
    a heading a column's edge crosses, is 0.27 of its size apart). Between Latin words such a
    gap is a space's. ``line``: its chars, its spaces' too (:meth:`_Bands.chars_between`)."""
    edges = [x1 for _, x1 in columns[:-1]]
    parted: list[list[Char]] = []
    for run in _runs(line):
        parted.append([run[0]])
        spaced = False  # a space's glyph since the last char
        for index in range(1, len(run)):
            char = run[index]
            if char.text.isspace():
                spaced = True
                continue
            before = parted[-1][-1]
            if _cells_apart(before, char, spaced, parted[-1], run[index:]) and any(
                before.x1 - BAND_FIT <= edge <= char.x0 + BAND_FIT for edge in edges
            ):
                parted.append([char])
            else:
                parted[-1].append(char)
            spaced = False
    return parted


def _cells_apart(
    before: Char, char: Char, spaced: bool, left: list[Char], right: list[Char]
) -> bool:
    """Whether the gap between two chars of a run, at a column's edge, parts two cells' texts
    (:func:`_runs_in`; ``left``, ``right``: the run's chars up to ``before``, from ``char``)."""
    gap = char.x0 - before.x1
    if is_cjk(before.text) and is_cjk(char.text):
        return gap > CJK_GAP * before.size
    if spaced or not (is_cjk(before.text) or is_cjk(char.text)):
        return False
    word = (
        list(takewhile(lambda c: not is_cjk(c.text), right))
        if is_cjk(before.text)
        else list(takewhile(lambda c: not is_cjk(c.text), reversed(left)))
    )
    return gap > _space_width(word, max(before.size, char.size))


_NARROW = frozenset("ijlrtf.,;:!|'()[]1")  # letters a proportional font sets narrow


def _space_width(word: list[Char], size: float) -> float:
    """The widest a space beside Latin ``word`` may be: :data:`MIXED_GAP` of the font size, or
    in a monospaced font (three letters or more, a narrow one as wide as the rest) a letter's
    width and a little more (random HTML layouts, seed 4553: 「(3) 衞生署 Department of Health」,
    a heading in a monospaced Latin font, 0.54 of its size apart, was parted at a column's edge
    and read as a row)."""
    widths = [c.x1 - c.x0 for c in word]
    if (
        len(word) >= 3
        and any(c.text in _NARROW for c in word)
        and max(widths) - min(widths) <= 0.05 * size
    ):
        return max(MIXED_GAP * size, 1.15 * max(widths))
    return MIXED_GAP * size


def _runs(line: list[Char]) -> list[list[Char]]:
    """A line's chars (sorted by x0 here) in runs split at gaps wider than SEGMENT_GAP, as
    :func:`_split` splits its segments."""
    runs: list[list[Char]] = []
    end = 0.0
    for char in sorted(line, key=_x0):
        if runs and char.x0 - end <= SEGMENT_GAP:
            runs[-1].append(char)
            end = max(end, char.x1)
        elif not char.text.isspace():
            runs.append([char])
            end = char.x1
    return runs


def _spanned(cell: BBox, columns: list[float]) -> list[float]:
    """Where the table's columns that a cell spans start."""
    return [x for x in columns if cell[0] <= x < cell[2]]


def _column_end(starts: list[float], column: int, right: float) -> float:
    """Where a column ends: the next column's start, or ``right`` (the table's or the cell's
    right side) for the last."""
    return starts[column + 1] if column + 1 < len(starts) else right


def _column_of(starts: list[float], run: list[Char]) -> int:
    """Which of the columns starting at ``starts`` a run of text starts in (within 1 pt: a run at
    its column's very edge)."""
    return max(0, bisect_right(starts, run[0].x0 + 1.0) - 1)


def _lines_as_rows(
    cell: BBox, chars: list[Char], table: Table, number: int, index: int
) -> list[tuple[float, Block]] | None:
    """The lines of a cell spanning several columns, as rows of those columns, where they are
    rows: a table whose style rules only some of its rows (Word's "Light List": no inner vertical
    lines, and a merged cell interrupting the horizontal ones) leaves rows without ruling lines,
    which the ruling lines' cells lump into one cell across the table. Its lines are rows when one
    of them has runs of text starting in two columns or more; each run goes to the column it
    starts in (a grouping row's text, one run, stays whole)."""
    x0, _, x1, _ = cell
    starts = _spanned(cell, table.columns)
    if len(starts) < 2 or not chars:
        return None
    lines = [_runs(line) for line in _rows(chars)]
    first = table.columns.index(starts[0])
    several = [runs for runs in lines if len({_column_of(starts, run) for run in runs}) > 1]
    texts: list[tuple[str, ...]] = [()] * len(table.columns)
    if (
        several
        and (_one_row_of_lines(starts, lines) or _wrapped_row(starts, lines, x1))
        and (spread := _spread(cell, chars, starts))
    ):
        # one row's lines (cells centred top to bottom put its short values on a middle line):
        # read as one row, each column's lines in order
        texts[first : first + len(spread)] = spread
    elif not several:
        column = _one_later_column(cell, starts, lines)
        if column is None:
            return None
        # read with its column's box, so a word a narrow column broke is one again
        end = _column_end(starts, column, x1)
        texts[first + column] = cell_pieces(chars, (starts[column], cell[1], end, cell[3]))
    if not several or any(texts):
        top, bottom = min(c.top for c in chars), max(c.bottom for c in chars)
        where = Where(page=number, boxes=(rounded_box(number, (x0, top, x1, bottom)),))
        return [(top, TableRow(tuple(texts), where, index))]
    if banded := _padded_lines(cell, lines, starts, table, number, index):
        return banded
    placed: list[tuple[float, list[tuple[str, ...]], Where]] = []
    last: dict[int, tuple[list[tuple[str, ...]], list[Char]]] = {}  # column: its line above
    for runs in lines:
        if not runs:
            continue
        by_column: list[list[Char]] = [[] for _ in starts]
        for run in runs:
            by_column[_column_of(starts, run)].extend(run)
        cells: list[tuple[str, ...]] = [()] * len(table.columns)
        for column, chars_of in enumerate(by_column):
            if not chars_of:
                continue
            at = first + column
            cells[at] = cell_pieces(chars_of)
            box = (starts[column], cell[1], _column_end(starts, column, x1), cell[3])
            above = last.get(column)
            if above is not None and _ends_broken_word(above[0][at][-1], above[1], chars_of, box):
                # the line above broke a word this one ends ("Informati" / "on Technology"):
                # its text goes to that line's cell, as cell_pieces joins it within a cell
                above[0][at] = (*above[0][at][:-1], above[0][at][-1] + cells[at][0])
                cells[at] = ()
                continue
            last[column] = (cells, chars_of)
        line = [char for run in runs for char in run]
        top, bottom = min(c.top for c in line), max(c.bottom for c in line)
        where = Where(page=number, boxes=(rounded_box(number, (x0, top, x1, bottom)),))
        placed.append((top, cells, where))
    return [
        (top, TableRow(tuple(cells), where, index)) for top, cells, where in placed if any(cells)
    ]


def _padded_lines(
    cell: BBox,
    lines: list[list[list[Char]]],
    starts: list[float],
    table: Table,
    number: int,
    index: int,
) -> list[tuple[float, Block]] | None:
    """The lines of a cell spanning several columns as rows a band each, where padding sets
    rows apart (:func:`~.layout.padded_bands`) and each band of several lines holds one item
    label at most and cells centred on one middle (:func:`_centred_blocks`): a table
    framed but not ruled inside, its cells centred top to bottom (HTML exploration with
    borders, seed 5042: a framed table without item numbers, its name beside the date and
    frequency half a line lower, read a line at a time)."""
    lines = [runs for runs in lines if runs]
    spans = [
        (min(c.top for r in runs for c in r), max(c.bottom for r in runs for c in r))
        for runs in lines
    ]
    bands = padded_bands(spans)
    if bands is None:
        return None
    parts = [lines[a:b] for a, b in pairwise([*bands, len(lines)])]
    if any(
        len(part) > 1
        and (sum(_labelled(starts, runs) for runs in part) > 1 or not _centred_blocks(starts, part))
        for part in parts
    ):
        # gaps alone do not tell padding from a CJK line's leading beside a Latin one's (wider
        # by a quarter of a line): only bands whose cells are centred on one middle are rows
        return None
    x0, _, x1, _ = cell
    first = table.columns.index(starts[0])
    rows: list[tuple[float, Block]] = []
    for part in parts:
        chars = sorted((c for runs in part for run in runs for c in run), key=_line_order)
        top, bottom = min(c.top for c in chars), max(c.bottom for c in chars)
        texts: list[tuple[str, ...]] = [()] * len(table.columns)
        covered: frozenset[int] = frozenset()
        spread = _spread((x0, top, x1, bottom), chars, starts)
        if spread:
            texts[first : first + len(spread)] = spread
        else:  # one text: the column it starts in
            at = first + _column_of(starts, part[0][0])
            texts[at] = cell_pieces(chars)
            if len(part) == 1 and len(part[0]) == 1:
                # one line of one run, a band of its own: a grouping row's category, across
                # the table as a merged cell is
                covered = frozenset(range(first, first + len(starts))) - {at}
        where = Where(page=number, boxes=(rounded_box(number, (x0, top, x1, bottom)),))
        rows.append((top, TableRow(tuple(texts), where, index, covered)))
    return rows


def _labelled(starts: list[float], runs: list[list[Char]]) -> bool:
    """Whether a line's text in the first column is an item label."""
    return any(
        _column_of(starts, run) == 0 and parse_item_no("".join(c.text for c in run)) is not None
        for run in runs
    )


_LABEL_END = regex.compile(r"[\p{P}\s]")  # a char of the punctuation that ends an item label


def _label_end_only(run: list[Char]) -> bool:
    """Whether a run is only the punctuation that ends an item label a narrow column cut (the
    「、」 of 「一」 / 「、」, the ")" of "(1" / ")"): no line of the first column of its own."""
    return all(_LABEL_END.fullmatch(c.text) for c in run)


def _one_row_of_lines(starts: list[float], lines: list[list[list[Char]]]) -> bool:
    """Whether a cell's lines across several columns are one row's: two lines or more, and text
    in the first column on one of them at most (an item label, a one-line name), or each
    column's text one block centred on the same middle (:func:`_centred_blocks`). A row per
    line puts each row's first cell on its own line, and a table read so (Word's "Light List")
    has several; a row whose style rules it apart from the next (Word's "Medium Shading 1": no
    rules between its columns) is one cell holding one row."""
    return len(lines) > 1 and (
        sum(map(_starts_first_column, repeat(starts), lines)) <= 1 or _centred_blocks(starts, lines)
    )


def _wrapped_row(starts: list[float], lines: list[list[list[Char]]], right: float) -> bool:
    """Whether a cell's lines across several columns are one row whose values wrap, though its
    first cell takes more than a line (a table without item numbers, its first column a name:
    random Word layouts, seed 1928, "Medium Shading 1" ruling each row apart but not its
    columns): text in the first column on the first line, fewer columns on the second, each
    later line's text in a column right under its text above (:func:`_right_under`; not only
    under the line right above: a Latin and a CJK font set their lines at different heights,
    seed 1944, and the columns' lines interleave), and the first column's text under a line of
    it that left no room for its first word (:func:`_no_room`). Rows a line each
    (Word's "Light List") fill their columns alike line after line, and a row's first cell
    starts on a line whose cell above ended short of its column's end."""
    if len(lines) < 2:
        return False
    by_line = [_runs_by_column(starts, line) for line in lines]
    end = _column_end(starts, 0, right)
    if 0 not in by_line[0] or not by_line[1].keys() < by_line[0].keys():
        return False
    last = dict(by_line[0])  # each column's runs on the last line with text in it
    for below in by_line[1:]:
        if not all(
            column in last and _right_under(last[column], below[column]) for column in below
        ):
            return False
        if 0 in below and not _no_room(last[0][-1], below[0][0], starts[0], end):
            return False
        last.update(below)
    return True


def _right_under(above: list[list[Char]], below: list[list[Char]]) -> bool:
    """Whether the runs ``below`` start no more than a line's height under the runs ``above``
    (the next line of one cell's text, not a value of the next row)."""
    first = below[0][0]
    bottom = max(char.bottom for run in above for char in run)
    return min(char.top for run in below for char in run) - bottom <= first.bottom - first.top


def _runs_by_column(starts: list[float], runs: list[list[Char]]) -> dict[int, list[list[Char]]]:
    """A line's runs by the column each starts in."""
    columns: dict[int, list[list[Char]]] = defaultdict(list)
    for run in runs:
        columns[_column_of(starts, run)].append(run)
    return columns


def _no_room(above: list[Char], below: list[Char], x0: float, x1: float) -> bool:
    """Whether the run ``above``, in the column from ``x0`` to ``x1``, left no room for the first
    word of the run ``below`` it (one character where it is CJK), less the padding its text
    starts after: the column wrapped there (a Latin word after a Latin word needs a space
    too)."""
    padding = min(max(0.0, above[0].x0 - x0), SET_LEFT)
    room = x1 - padding - above[-1].x1
    first = below[0]
    if is_cjk(first.text):
        width = first.x1 - first.x0
    else:
        word = takewhile(lambda char: not char.text.isspace() and not is_cjk(char.text), below)
        width = sum(char.x1 - char.x0 for char in word)
        if not is_cjk(above[-1].text):
            width += WORD_GAP * first.size  # the narrowest space that parts two words
    return room < width - BROKEN_WORD_SLACK


def _centred_blocks(starts: list[float], lines: list[list[list[Char]]]) -> bool:
    """Whether each column's text in a cell is one block of lines (no blank line inside it) and
    the blocks are centred on one middle, one of them shorter than the tallest: the cells of one
    row centred top to bottom (a name wrapped over four lines beside a frequency on two, random
    Word layouts seed 1051). Rows one under another give a column two blocks (a value per row)
    or a block at the top (a value in the first row only); rows whose every cell fills the same
    lines show no centring, and are left to the first-column test."""
    blocks: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for line in lines:
        for run in line:
            blocks[_column_of(starts, run)].append(
                (min(c.top for c in run), max(c.bottom for c in run))
            )
    if len(blocks) < 2:
        return False
    extents = []
    for spans in blocks.values():
        spans.sort()
        height = min(bottom - top for top, bottom in spans)
        end = spans[0][1]
        for top, bottom in spans[1:]:
            if top - end > height / 2:
                return False  # a blank line inside the column: two blocks
            end = max(end, bottom)
        extents.append((spans[0][0], end, height))
    tallest = max(bottom - top for top, bottom, _ in extents)
    middle = (min(top for top, _, _ in extents) + max(bottom for _, bottom, _ in extents)) / 2
    return any(bottom - top < tallest - height for top, bottom, height in extents) and all(
        abs((top + bottom) / 2 - middle) <= height / 2 for top, bottom, height in extents
    )


def _starts_first_column(starts: list[float], runs: list[list[Char]]) -> bool:
    """Whether a line has text in the first column, more than the punctuation that ends an item
    label a narrow column cut (「一」 / 「、」, "(1" / ")")."""
    return any(_column_of(starts, run) == 0 and not _label_end_only(run) for run in runs)


def _ends_broken_word(before: str, chars_above: list[Char], chars: list[Char], box: BBox) -> bool:
    """Whether a column's ``chars`` on a line of a cell read a line at a time
    (:func:`_lines_as_rows`) end a word its text on the line above (``before``, of
    ``chars_above``) broke, as :func:`cell_pieces` tells within a cell."""
    segments_above, segments = _split(list(chars_above)), _split(list(chars))
    if len(segments_above) != 1 or " " in before or not segments:
        return False
    rows = [sorted(chars_above, key=_x0), sorted(chars, key=_x0)]
    text = " ".join(segment[2] for segment in segments)
    return _broken_word(before, segments_above[0][1], text, rows[1], box, rows)


CENTRED = 3.0  # points: text whose middle is this near its cell's is centred in it
# points: text starting this near its column's start is set left in it (Word pads a cell 5.4 pt),
# even where its middle falls near the cell's (random Word layouts, seed 614)
SET_LEFT = 8.0


def _one_later_column(cell: BBox, starts: list[float], lines: list[list[list[Char]]]) -> int | None:
    """The column right of the first whose start every run of the cell's lines starts in, the
    text set left in it (not centred in the cell): the rest of one cell of a row a page break
    cut, which a table style without inner rules gives as one cell across the table, under the
    repeated header (「2010年以來」 / 「的歷史數據」 under 「更新頻率」); None for a grouping row's
    text, which starts in the first column or is centred across the table."""
    runs = [run for line in lines for run in line]
    columns = {_column_of(starts, run) for run in runs}
    if len(columns) != 1 or 0 in columns:
        return None
    column = columns.pop()
    left = min(run[0].x0 for run in runs)
    right = max(char.x1 for run in runs for char in run)
    set_left = left - starts[column] <= SET_LEFT  # at its column's padding: not centred there
    if not set_left and abs((left + right) / 2 - (cell[0] + cell[2]) / 2) <= CENTRED:
        return None
    return column


# points: a table's outer rules reaching this far below its last cells enclose rows
EXTEND_MIN = 3.0
ROW_PAD = 1.0  # points: a row found by its text (:func:`_row_above`) starts this far above it
_EDGE_TOLERANCE = 3.0  # points: an outer rule this near the table's side is that side (as snapped)


def _outer_reach(table: Table, edges: list[Edge], others: Sequence[Table], down: bool) -> float:
    """How far both of the table's side rules go on from its bottom (``down``) or its top, each
    one's pieces chained, and not into another of the page's tables there. Heights are mirrored
    going up, so that one walk serves both ways."""
    x0, top, x1, bottom = table.bbox
    sign = 1.0 if down else -1.0
    start = sign * (bottom if down else top)

    def span(top: float, bottom: float) -> tuple[float, float]:
        return (top, bottom) if down else (-bottom, -top)

    def reach(x: float) -> float:
        pieces = sorted(
            span(e.top, e.bottom)
            for e in edges
            if e.orientation == "v" and abs(e.x0 - x) <= _EDGE_TOLERANCE
        )
        end = start
        for low, high in pieces:
            if high <= start:
                continue
            if low > end + _EDGE_TOLERANCE:
                break
            end = max(end, high)
        return end

    beyond = (
        span(*o.bbox[1::2])[0]
        for o in others
        if o is not table and o.bbox[0] < x1 and o.bbox[2] > x0
    )
    return sign * min(
        reach(x0), reach(x1), *(low for low in beyond if low >= start - _EDGE_TOLERANCE)
    )


def _extended(table: Table, edges: list[Edge], others: Sequence[Table] = ()) -> Table:
    """The table with the rows its outer rules enclose below its last cells, as one cell across
    the table (read by :func:`_lines_as_rows`): in Word's "Light List" style a merged cell cuts the
    rules between rows, and no cell is found below the row it starts at, though the table's left
    and right rules go on down to its end. Not into the ``others`` below it: a table there is
    its own (random Word layouts with looks, seed 1201: the rows a page's top continued, over a
    filled row, had taken that row's text). And the row its outer rules enclose above its first
    cells, in the table's columns: a table going on from the page before in a style that rules
    its rows but draws no top rule at a page break (Word's "Light List" with the header printed
    once, the page's first row framed left and right and ruled under only)."""
    x0, top, x1, bottom = table.bbox
    cells = table.cells
    end = _outer_reach(table, edges, others, down=True)
    if end > bottom + EXTEND_MIN:
        cells = (*cells, (x0, bottom, x1, end))
    start = _outer_reach(table, edges, others, down=False)
    if start < top - EXTEND_MIN:
        cells = (*cells, *((a, start, b, top) for a, b in grid_columns(table)))
    return table if cells is table.cells else Table(cells)


_Holes = dict[tuple[int, int], list[Char]]  # (row, column) of a table → its chars


def _hole_chars(
    tables: list[Table], chars: list[Char], edges: list[Edge], going_on: int | None = None
) -> tuple[list[_Holes], list[Char]]:
    """Of the chars in no cell, those inside a table where a cell is missing (:func:`_a_hole`: a
    merged cell whose closing rules a table style left out: its text, 「城市管理」, at the row
    where it starts; :func:`_rest_of_edge_row` and :func:`_in_band`), per table by (row,
    column); and the others, in the order given. ``going_on``: the index of the table that goes
    on from the page before, if any."""
    holes: list[_Holes] = [{} for _ in tables]
    boxes = [table.bbox for table in tables]
    grids: dict[int, tuple[list[float], list[float], list[GridRow]]] = {}  # made when needed
    found: dict[tuple[int, int, int], bool] = {}  # (table, row, column): a hole?
    last_rows: dict[tuple[int, int], _Holes] = {}  # (table, row): chars by (row, column)
    placed: set[int] = set()
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        for number, bbox in enumerate(boxes):
            if bbox[0] <= x < bbox[2] and bbox[1] <= y < bbox[3]:
                if number not in grids:
                    rows = tables[number].rows
                    grids[number] = ([r.bbox[1] for r in rows], tables[number].columns, rows)
                tops, columns, rows = grids[number]
                row, column = bisect_right(tops, y) - 1, bisect_right(columns, x) - 1
                if row < 0 or column < 0:
                    continue
                key = (number, row, column)
                if key not in found:
                    found[key] = _a_hole(rows, row, column, (tops, columns, bbox), y, edges)
                if found[key]:
                    holes[number].setdefault((row, column), []).append(char)
                    placed.add(id(char))
                    break
                if _rest_of_edge_row(rows, row, column) or _in_band(rows, row, column):
                    last_rows.setdefault((number, row), {}).setdefault(key[1:], []).append(char)
                    break
    for (number, row), squares in last_rows.items():
        # text in two columns or more: the row's; else text beside it, but in the first row of
        # a table going on from the page before (``going_on``, its index), the rest of the row
        # a page break cut, in one column (random Word layouts with looks, seed 2112: a note's
        # last line beside the framed item cell)
        if len(squares) >= 2 or (number == going_on and row == 0):
            holes[number].update(squares)
            placed.update(id(char) for square in squares.values() for char in square)
    return holes, [char for char in chars if id(char) not in placed]


def _rest_of_edge_row(rows: list[GridRow], row: int, column: int) -> bool:
    """Whether a square of a table's last row (on its page), or of its first, without a cell may
    hold the rest of that row: a cell left of it in the row, the column's cells above (below, in
    the first row). Word's "Medium Shading 2" fills only the first cell of every other row, and
    at a page's foot no rule closes the row; with the header printed once, none opens the next
    page's first row. Taken where the row has such text in two columns or more
    (:func:`_hole_chars`), not a lone text beside a table narrower in that row."""
    cells = rows[row].cells
    if cells[column] is None and any(cell is not None for cell in cells[:column]):
        if row == len(rows) - 1:
            return any(r.cells[column] is not None for r in rows[:row])
        if row == 0:
            return any(r.cells[column] is not None for r in rows[1:])
    return False


def _in_band(rows: list[GridRow], row: int, column: int) -> bool:
    """Whether a square lies in a band (:attr:`GridRow.band`: a row where cells end and none
    starts, beside a merged cell that goes on down): a row the table style left unruled, Word's
    "Medium Shading 1" ruling only its shaded rows, with the rest of a merged category beside
    it. Taken, as the rest of a last row is, where the band has text in two columns or more."""
    return rows[row].band is not None and rows[row].cells[column] is None


_Grid = tuple[list[float], list[float], BBox]  # a table's row tops, column starts and bounds


def _a_hole(
    rows: list[GridRow], row: int, column: int, grid: _Grid, y: float, edges: list[Edge]
) -> bool:
    """Whether a row has no cell at ``column`` where the table goes on around it: cells on both
    sides of it; or a cell on one side and the table's outer rule on the other at that height (a
    merged category cell in the last column, Word's "Light List"; the rest of a page's first row,
    whose first cell alone is framed, Word's "Medium List 2" with the header printed once); or
    the column's cells or rules above it and below it (Word's "Medium Shading 2" fills every
    other row's first cell only: the rest of the row has no cell at all).
    A cell whose rules are missing, not the outside of a table narrower in that row (an L-shaped
    table)."""
    cells = rows[row].cells
    if cells[column] is not None:
        return False
    before = any(cell is not None for cell in cells[:column])
    after = any(cell is not None for cell in cells[column + 1 :])
    if before and after:
        return True
    if before and _outer_rule(edges, grid[2][2], y):
        return True
    if after and _outer_rule(edges, grid[2][0], y):
        return True
    return _enclosed(rows, row, column, grid, edges)


def _enclosed(rows: list[GridRow], row: int, column: int, grid: _Grid, edges: list[Edge]) -> bool:
    """Whether a grid square has the column's cells, or rules across the column, above it and
    below it within the table."""
    tops, columns, (_, table_top, x_end, table_bottom) = grid
    x0 = columns[column]
    x1 = _column_end(columns, column, x_end)
    top = tops[row]
    bottom = tops[row + 1] if row + 1 < len(tops) else table_bottom

    def rule(low: float, high: float) -> bool:
        return any(
            edge.orientation == "h"
            and low - _EDGE_TOLERANCE <= edge.top <= high + _EDGE_TOLERANCE
            and edge.x0 <= x0 + _EDGE_TOLERANCE
            and edge.x1 >= x1 - _EDGE_TOLERANCE
            for edge in edges
        )

    above = any(_closes(r, column) for r in rows[:row]) or rule(table_top, top)
    below = any(_closes(r, column) for r in rows[row + 1 :]) or rule(bottom, table_bottom)
    return above and below


def _closes(row: GridRow, column: int) -> bool:
    """Whether a row above or below a square without a cell closes the column there: a cell in
    the column, or no cell but cells on both sides of it (the square is inside the table: a
    merged cell the table style left unruled goes on down into it; Word's "Medium Shading 2"
    with a category merged over an unfilled row and the filled one under it)."""
    cells = row.cells
    if cells[column] is not None:
        return True
    return any(c is not None for c in cells[:column]) and any(
        c is not None for c in cells[column + 1 :]
    )


def _holds_hole(holes: _Holes | None, row: int) -> bool:
    """Whether a table's row has text in a square without a cell (:func:`_hole_chars`)."""
    return any(hole_row == row for hole_row, _ in holes or {})


def _outer_rule(edges: list[Edge], x: float, y: float) -> bool:
    """Whether a vertical rule at ``x`` (as snapped) passes height ``y``."""
    return any(
        edge.orientation == "v"
        and abs(edge.x0 - x) <= _EDGE_TOLERANCE
        and edge.top <= y <= edge.bottom
        for edge in edges
    )


def _table_rows(
    table: Table,
    chars_in: dict[BBox, list[Char]],
    number: int,
    index: int,
    holes: _Holes | None = None,
    rules: _HRules | None = None,
) -> list[tuple[float, Block]]:
    placed: list[tuple[float, Block]] = []
    columns = table.columns
    x_end = table.bbox[2]
    # column → where a merged cell no rule closes goes on from the row above (_Open)
    open_below: dict[int, _Open] = {}
    for row_number, row in enumerate(table.rows):
        bbox = row.bbox
        top = bbox[1]
        present = [cell for cell in row.cells if cell is not None]
        if len(present) > 1 and (parts := _numbered_rows(row, chars_in)):
            placed.extend(_parted_row(row, chars_in, parts, number, index))
            open_below = {}
            continue
        one_row: tuple[tuple[str, ...], ...] | None = None  # the one cell's lines as one row
        if len(present) == 1 and (
            lines := _lines_as_rows(present[0], chars_in.get(present[0], []), table, number, index)
        ):
            if len(lines) > 1 or not (open_below or _holds_hole(holes, row_number)):
                placed.extend(lines)
                open_below = {}
                continue
            block = lines[0][1]
            assert isinstance(block, TableRow)
            one_row = block.cells  # read on with the squares beside it (see below)
        cells = [cell_pieces(chars_in.get(cell, ()), cell) if cell else () for cell in row.cells]
        covered = {
            i for i, cell in enumerate(row.cells) if cell is None and table.covers(columns[i], top)
        }
        if one_row is not None:
            spanned = _spanned(present[0], columns)
            cells = [*one_row]
            covered -= set(range(columns.index(spanned[0]), columns.index(spanned[-1]) + 1))
        texts = False
        for (hole_row, column), hole in (holes or {}).items():
            if hole_row == row_number and column not in covered:
                # read with the grid square's box, so a word a narrow column broke is one again
                right = _column_end(columns, column, table.bbox[2])
                cells[column] = cell_pieces(hole, (columns[column], top, right, bbox[3]))
                texts = True
        if not present and not texts:
            continue  # a band without cells (see Table.rows) holding no text
        for i, cell in enumerate(row.cells if one_row is None else ()):
            if cell is not None and (spread := _spread(cell, chars_in.get(cell, []), columns)):
                cells[i : i + len(spread)] = spread  # a cell over columns whose rule is missing
                covered -= set(range(i, i + len(spread)))
        open_now = (
            []
            if rules is None or rules.across(columns[0], x_end, bbox[3])  # a rule under all
            else [c for c in range(len(columns)) if not rules.under(columns, c, x_end, bbox[3])]
        )
        squares = (
            {
                column: _text_span(
                    (holes or {}).get((row_number, column))
                    or (chars_in.get(square, []) if (square := row.cells[column]) else []),
                    columns[column],
                    _column_end(columns, column, x_end),
                )
                for column in range(len(columns))
            }
            if open_below or open_now
            else {}
        )
        goes_on = _merged_up(placed, cells, covered, row, open_below, squares) if open_below else {}
        above, open_below = open_below, {}
        for column in open_now:
            if row.cells[column] is None and column in covered and column not in goes_on:
                continue
            holder, start = goes_on.get(column, (len(placed), len(placed)))
            span = squares[column]
            text_bottom = (
                span[1] if span else above[column].text_bottom if column in goes_on else None
            )
            open_below[column] = _Open(holder, bbox[3], text_bottom, start)
        where = Where(page=number, boxes=(rounded_box(number, bbox),))
        placed.append((top, TableRow(tuple(cells), where, index, frozenset(covered))))
    return placed


def _numbered_rows(row: GridRow, chars_in: dict[BBox, list[Char]]) -> list[float] | None:
    """Where a ruled row holding several numbered rows parts them (the heights between them),
    or None: its first cell's lines are each an item label, two or more, numbered one after
    another (a table ruled between its columns but not between its rows: every column one cell
    from the header down; HTML exploration with borders, seed 5004). Between two labels the row is
    parted in the widest band no text crosses, the nearest to the lower label where two are as
    wide (cells set at their top put the next row's text at its label's height)."""
    first = row.cells[0]
    if first is None or not (chars := chars_in.get(first)):
        return None
    lines = _rows(chars)
    if len(lines) < 2:
        return None
    numbers = [parse_item_no("".join(c.text for c in line)) for line in lines]
    known = [n for n in numbers if n is not None]
    if len(known) < len(numbers) or any(b != a + 1 for a, b in pairwise(known)):
        return None
    inked = _inked(
        (char.top, char.bottom)
        for cell in row.cells
        if cell is not None
        for char in chars_in.get(cell, ())
        if not char.text.isspace()
    )
    starts = [top for top, _ in inked]
    cuts = []
    for upper, lower in pairwise(lines):
        low, high = max(c.bottom for c in upper), min(c.top for c in lower)
        gaps, end = [], low
        # the inked heights that reach into (low, high): from the last one starting at or
        # above low (a row's text running past its label's line) to the last starting above high
        begin = max(0, bisect_right(starts, low) - 1)
        for top, bottom in inked[begin : bisect_left(starts, high)]:
            if bottom <= low:
                continue
            if top > end:
                gaps.append((top - end, top, end))
            end = max(end, bottom)
        if high > end:
            gaps.append((high - end, high, end))
        if not gaps:
            return None  # text runs from one label's line to the next: no row parts there
        _, below, above = max(gaps)
        cuts.append((above + below) / 2)
    return cuts


def _inked(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The heights text covers: the spans (top, bottom) merged where they overlap, in order (so
    that a row of thousands of labels is parted in a look-up per label, not a scan)."""
    merged: list[tuple[float, float]] = []
    for top, bottom in sorted(spans):
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _parted_row(
    row: GridRow,
    chars_in: dict[BBox, list[Char]],
    cuts: list[float],
    number: int,
    index: int,
) -> list[tuple[float, Block]]:
    """The rows of a ruled row parted at ``cuts`` (:func:`_numbered_rows`), each cell's text
    by the part its lines lie in, read with the cell's box cut to the part."""
    x0, top, x1, bottom = row.bbox
    edges = [top, *cuts, bottom]
    # each cell's chars in the part their middle lies in (the chars keep their order)
    parts: list[list[list[Char]]] = [[[] for _ in row.cells] for _ in pairwise(edges)]
    for column, cell in enumerate(row.cells):
        for char in chars_in.get(cell, ()) if cell is not None else ():
            part = bisect_right(cuts, (char.top + char.bottom) / 2)
            parts[part][column].append(char)
    placed: list[tuple[float, Block]] = []
    for (upper, lower), inside in zip(pairwise(edges), parts, strict=True):
        cells = tuple(
            cell_pieces(chars, (cell[0], upper, cell[2], lower)) if cell is not None else ()
            for cell, chars in zip(row.cells, inside, strict=True)
        )
        where = Where(page=number, boxes=(rounded_box(number, (x0, upper, x1, lower)),))
        placed.append((upper, TableRow(cells, where, index)))
    return placed


class _Open(NamedTuple):
    """A square of a table's column that no rule closes below: the row holding the merged
    cell's text (its index among the rows placed), the square's bottom, the bottom of the
    cell's text so far (None: none yet), and the row the open squares start at."""

    holder: int
    bottom: float
    text_bottom: float | None
    start: int  # the first row of the open squares (the holder, unless its text is its own)


ALIGNED = 1.5  # points: texts whose middles (tops) lie this near their cells' are set alike


def _set_in_own_row(
    row: GridRow, column: int, squares: dict[int, tuple[float, float, float] | None]
) -> bool:
    """Whether the text of a row's square is set in the row as its other texts are in their
    cells: centred top to bottom where they all are, else at their tops (within the spread of
    their tops: a Latin and a CJK font set a line's top apart). A merged cell's text printed
    in a lower row, where its middle falls, is set neither way."""
    span = squares.get(column)
    others = [
        (cell, other)
        for i, cell in enumerate(row.cells)
        if i != column and cell is not None and (other := squares.get(i)) is not None
    ]
    if span is None or not others:
        return False
    present = [cell for cell in row.cells if cell is not None]
    top, bottom = row.bbox[1], min(cell[3] for cell in present)  # the row's own height
    if (square := row.cells[column]) is not None:
        top, bottom = square[1], square[3]
    if all(abs((a + b) / 2 - (c[1] + c[3]) / 2) <= ALIGNED for c, (a, b, _) in others):
        return abs((span[0] + span[1]) / 2 - (top + bottom) / 2) <= ALIGNED
    tops = [a - c[1] for c, (a, _, _) in others]
    return min(tops) - ALIGNED <= span[0] - top <= max(tops) + ALIGNED


def _text_span(chars: Iterable[Char], x0: float, x1: float) -> tuple[float, float, float] | None:
    """The top and bottom of the text of ``chars`` in a column from ``x0`` to ``x1``, and its
    first char's height; None where there is none."""
    inside = [c for c in chars if x0 <= (c.x0 + c.x1) / 2 < x1 and not c.text.isspace()]
    if not inside:
        return None
    first = min(inside, key=_line_order)
    return first.top, max(c.bottom for c in inside), first.bottom - first.top


class _HRules:
    """A page's horizontal rules by height, for the question every row of every table asks of
    each of its squares: is there a rule under it (:meth:`under`)."""

    def __init__(self, edges: Iterable[Edge]) -> None:
        # merged (snapped and joined, as the table finder takes them): a rule drawn in pieces is
        # one rule (a browser draws each cell's border on its own, random HTML layouts, seed
        # 4038: no piece ran across a column a hair wider than its cell, whose rows were taken
        # for a merged cell's; Word's pieces lie hundredths of a point apart in height, 1528)
        horizontal = merge_edges(e for e in edges if e.orientation == "h")
        self.rules = sorted((e.top, e.x0, e.x1) for e in horizontal)
        self.tops = [top for top, _, _ in self.rules]

    def under(self, columns: list[float], column: int, x_end: float, y: float) -> bool:
        """Whether a horizontal rule at height ``y`` runs across the column."""
        return self.across(columns[column], _column_end(columns, column, x_end), y)

    def across(self, x0: float, x1: float, y: float) -> bool:
        """Whether a horizontal rule at height ``y`` runs from ``x0`` to ``x1``."""
        start = bisect_left(self.tops, y - _EDGE_TOLERANCE)
        end = bisect_right(self.tops, y + _EDGE_TOLERANCE)
        return any(
            left <= x0 + _EDGE_TOLERANCE and right >= x1 - _EDGE_TOLERANCE
            for _, left, right in self.rules[start:end]
        )


def _merged_up(
    placed: list[tuple[float, Block]],
    cells: list[tuple[str, ...]],
    covered: set[int],
    row: GridRow,
    open_below: dict[int, _Open],
    squares: dict[int, tuple[float, float, float] | None],
) -> dict[int, tuple[int, int]]:
    """A merged cell whose rules a table style cut (Word's "Light List": no rule between the
    rows it spans, in its column) starts at a row whose square in the column has no rule under
    it, and goes on down through the squares right under it: its text, printed where the cell's
    middle is (cells centred top to bottom put a category merged over two rows beside the
    taller, or across the rows in the middle, or in the last of three where that one is the
    tallest: random Word layouts, seed 1966), is the first row's, joined from the parts each
    row holds (a word the column broke between two rows' parts one again: "Developme" / "nt"),
    and the rows under it are covered by it, as a ruled merged cell's are.

    A text is a cell of its own where it lies more than a line below the cell's text so far
    (1966: the next row's category, which the style leaves open under the merged cell), or,
    the cell empty so far, where it is set in its row as the row's other texts are, and does not
    go on into the row below (:func:`_set_in_own_row`; seed 2005: "Medium Shading 1", cells
    centred, a row's category under the rest of a merged one from the page before, no rule
    between). ``squares`` has the text's top, bottom and line height of each of this row's
    squares (:func:`_text_span`). Returns, for each column whose open square this row's goes
    on, the row holding the text and the row the open squares start at (indexes in ``placed``;
    the holder is this row, ``len(placed)``, where the text is its own)."""
    goes_on: dict[int, tuple[int, int]] = {}
    here = len(placed)
    for column, (holder, bottom, text_bottom, start) in open_below.items():
        square = row.cells[column]
        square_top = square[1] if square is not None else row.bbox[1]
        if (square is None and column in covered) or abs(square_top - bottom) > ROW_EDGE_TOLERANCE:
            continue
        span = squares.get(column)
        if cells[column]:
            if span is not None and text_bottom is not None and span[0] - text_bottom > span[2]:
                continue  # more than a line below the text above: a cell of its own
            if text_bottom is None and _set_in_own_row(row, column, squares):
                goes_on[column] = (here, start)  # this row's own, unless it goes on below
                continue
            if text_bottom is not None and holder != start:
                # the text above, taken for its row's own, goes on into this row: a merged
                # cell's, held by the first of the open squares
                holder = _move_text(placed, column, holder, start)
            _merge_into(placed, column, holder, cells[column])
        elif text_bottom is not None and holder != start:
            # the text above, taken for its row's own, has the cell go on under it: a merged
            # cell's, from the first of the open squares, printed where its middle falls
            # (random HTML layouts, seed 4227: "Light Shading", cells centred, a category
            # merged over three rows beside the filled middle one, the first row's lost)
            holder = _move_text(placed, column, holder, start)
        _, above = placed[holder]
        assert isinstance(above, TableRow)
        if above.cells[column]:
            cells[column] = ()
            covered.add(column)
        goes_on[column] = (holder, start)  # an empty square under an empty one: it goes on
    return goes_on


def _merge_into(
    placed: list[tuple[float, Block]], column: int, holder: int, text: tuple[str, ...]
) -> None:
    """Add ``text`` to the holder's square in the column, the rows placed under it covered."""
    top, above = placed[holder]
    assert isinstance(above, TableRow)
    merged = list(above.cells)
    merged[column] = tuple(carried_on(merged[column], text))
    placed[holder] = (top, replace(above, cells=tuple(merged)))
    for between in range(holder + 1, len(placed)):  # the cell's rows under its first
        at, under = placed[between]
        assert isinstance(under, TableRow)
        placed[between] = (at, replace(under, covered=under.covered | {column}))


def _move_text(placed: list[tuple[float, Block]], column: int, holder: int, start: int) -> int:
    """Move the text of the holder's square in the column to the start row's; returns it."""
    at, row = placed[holder]
    assert isinstance(row, TableRow)
    text = row.cells[column]
    emptied = list(row.cells)
    emptied[column] = ()
    placed[holder] = (at, replace(row, cells=tuple(emptied)))
    _merge_into(placed, column, start, text)
    return start


def _spread(cell: BBox, chars: list[Char], columns: list[float]) -> list[tuple[str, ...]] | None:
    """A cell's text per column it spans, where its runs of text start in two columns or more
    (Word's "Medium Shading 1" fills rows without the rule between two columns: "2. 01/2021" in
    one cell over the item and date columns); None where it is one text (a label, a grouping row's
    category spanning the table). Each column's part has the column's box, so a word a narrow
    column broke is one again ("Informatio" / "n"). Text in one column right of the first, set
    left in it, is that column's too (random Word layouts seed 953, "Medium Shading 1": a name
    in a cell over the empty remarks and the name columns, beside a merged category)."""
    starts = _spanned(cell, columns)
    if len(starts) < 2 or not chars:
        return None
    by_column: list[list[Char]] = [[] for _ in starts]
    found = set()
    lines = [_runs(line) for line in _rows(chars)]
    for runs in lines:
        for run in runs:
            column = _column_of(starts, run)
            found.add(column)
            by_column[column].extend(run)
    if len(found) < 2 and _one_later_column(cell, starts, lines) is None:
        return None
    _, top, x1, bottom = cell
    ends = [*starts[1:], x1]
    return [
        cell_pieces(sorted(chars_of, key=_line_order), (start, top, end, bottom))
        if chars_of
        else ()
        for chars_of, start, end in zip(by_column, starts, ends, strict=True)
    ]


BAND_FIT = 2.0  # points: text this far past a column's edge is still inside it
OVERRUN = 0.25  # of the next column's width: a run starting in a column may end this far into it


MAX_CHAR_HEIGHT = 60.0  # points: no glyph of a plan is taller (a band's chars are looked up
# from this far above it)


def _join_unlabelled(
    blocks: list[list[float]], set_left: list[bool], labels: list[tuple[float, float] | None]
) -> None:
    """Join each block of a row's text with no header text over it, but the first (the item
    column's, whose label a plan may leave out), to the block right of it where that one's
    label, centred in its column, has room for the column to reach the value: the next block
    starts past the value's start mirrored about the label's middle (random HTML layouts, seed
    4231: a short name set left, 「汇率」, under a wide centred label, 「数据集名称 Dataset Name」,
    was a column of its own, and the row's values one column off)."""
    n = 1
    while n < len(blocks) - 1:
        label = labels[n + 1]
        value = blocks[n][0]
        if labels[n] is not None or label is None or value >= label[0]:
            n += 1
            continue
        reach = label[0] + label[1] - value  # the value's start mirrored about the label's middle
        if n + 2 < len(blocks) and blocks[n + 2][0] <= reach:
            n += 1
            continue
        blocks[n + 1][0] = value
        set_left[n + 1] = set_left[n]
        del blocks[n], set_left[n], labels[n]


class _Bands:
    """What the bands of a page's tables hold, from the page's chars (in line order, as
    :func:`page_blocks` sorts them, or sorted so on the first question: most pages ask none)."""

    def __init__(self, chars: list[Char], in_line_order: bool = False) -> None:
        self.chars = chars
        self.sorted = in_line_order
        self.tops: list[int] = []  # each char's rounded top, the line order's first key

    def chars_between(
        self, columns: Columns, top: float, bottom: float, spaces: bool = False
    ) -> list[Char]:
        """The chars whose middle lies between ``top`` and ``bottom`` over ``columns``, in line
        order; their spaces' glyphs too with ``spaces``."""
        return list(self._between(columns, top, bottom, spaces))

    def any_between(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether any char lies between ``top`` and ``bottom`` over ``columns`` (as
        :meth:`chars_between` finds them, stopping at the first)."""
        return any(True for _ in self._between(columns, top, bottom))

    def _between(
        self, columns: Columns, top: float, bottom: float, spaces: bool = False
    ) -> Iterator[Char]:
        if not self.sorted:
            self.chars, self.sorted = sorted(self.chars, key=_line_order), True
        if not self.tops:
            self.tops = [round(c.top) for c in self.chars]
        left, right = columns[0][0] - BAND_FIT, columns[-1][1] + BAND_FIT
        start = bisect_left(self.tops, math.floor(top - MAX_CHAR_HEIGHT))
        end = bisect_right(self.tops, math.ceil(bottom))
        return (
            char
            for char in self.chars[start:end]
            if top <= (char.top + char.bottom) / 2 <= bottom
            and char.x1 > left
            and char.x0 < right
            and (spaces or not char.text.isspace())
        )

    @staticmethod
    def column_of(columns: Columns, run: list[Char]) -> int | None:
        """The column a run of text lies inside, if any; or starts in and runs on past by a
        little (:data:`OVERRUN` of the next column's width): columns no rule draws are where
        a header's and a first row's text part them (:meth:`columns_parted`), and a longer value
        further down may cross that line (random HTML layouts, seeds 4072 and 4078: a name and
        a description a few points past it, their rows read as tables of their own)."""
        start, end = run[0].x0, run[-1].x1
        for n, (x0, x1) in enumerate(columns):
            if x0 - BAND_FIT <= start and end <= x1 + BAND_FIT:
                return n
        for n, ((x0, x1), (next_x0, next_x1)) in enumerate(pairwise(columns)):
            if x0 <= start < x1:
                return n if end <= next_x0 + OVERRUN * (next_x1 - next_x0) else None
        return None

    def fits(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether every run of the text between two heights lies inside one of ``columns``
        (within :data:`BAND_FIT`; :meth:`column_of` lets a run cross into the next a little)."""
        return all(
            any(
                x0 - BAND_FIT <= run[0].x0 and max(c.x1 for c in run) <= x1 + BAND_FIT
                for x0, x1 in columns
            )
            for line in _rows(self.chars_between(columns, top, bottom, spaces=True))
            for run in _runs_in(line, columns)
        )

    def holds(self, columns: Columns, top: float, bottom: float, kind: BandKind) -> bool:
        """Whether a band of a table's columns holds what ``kind`` asks
        (:data:`~.tables.BandKind`): every run of its text inside one column (a heading or a
        line across the table is no row), in two columns or more, and for "one row" in the
        first column on one line at most or with one line at most holding text in all its
        columns (a wrapped first cell); for "rest", in one column or more, the first on one line
        at most; for "line", one line of any text; for "grouping", that line no less than
        half the band's height."""
        inside = self.chars_between(columns, top, bottom, spaces=kind not in ("line", "grouping"))
        if kind == "line":
            return len(_rows(inside)) == 1
        if kind == "grouping":
            lines = _rows(inside)
            if len(lines) != 1:
                return False
            height = max(c.bottom for c in lines[0]) - min(c.top for c in lines[0])
            return bottom - top <= 2 * height
        found: set[int] = set()
        first_column = 0  # lines with text in the first column
        per_line: list[set[int]] = []  # the columns each line has text in
        for line in _rows(inside):
            runs = _runs_in(line, columns)
            first_column += any(
                run[0].x0 <= columns[0][1] and not _label_end_only(run) for run in runs
            )
            per_line.append(set())
            for run in runs:
                column = self.column_of(columns, run)
                if column is None:
                    return False
                found.add(column)
                per_line[-1].add(column)
        if kind == "rest":
            return bool(found) and first_column <= 1
        if len(found) < 2:
            return False
        # one row: its first cell on one line, or else one line at most with text in every
        # column the band has text in (a row's first line; a row under it would have one too)
        full = sum(line == found for line in per_line)
        return kind != "one row" or first_column <= 1 or full <= 1

    def columns_parted(
        self, x0: float, x1: float, parts: Sequence[tuple[float, float]]
    ) -> Columns | None:
        """Columns from ``x0`` to ``x1`` for a grouping row filled alone that no table gives
        (:func:`~.tables._seed`): its header's band and its row's (``parts``, each a top and a
        bottom) hold the header's labels and the row's values, each centred or set in its
        column; the columns part where no text of either crosses, halfway between the blocks of
        text side by side, or, before a block whose pieces all start where it starts (set left
        in their column), right before it: the column before may hold longer values further on
        (a wrapped frequency under its short label, random HTML layouts, seed 4035, crossed the
        halfway line). None where fewer than :data:`MIN_TABLE_COLUMNS` blocks are found."""
        whole = [(x0, x1)]
        spans = sorted(
            (run[0].x0, max(c.x1 for c in run), n == 0)
            for n, (low, high) in enumerate(parts)
            for line in _rows(self.chars_between(whole, low, high))
            for run in _runs(line)
        )
        blocks: list[list[float]] = []  # start, stop
        set_left: list[bool] = []  # each block's: every piece starts where the block starts
        labels: list[tuple[float, float] | None] = []  # each block's header text's extent
        for start, stop, label in spans:
            if blocks and start <= blocks[-1][1]:
                blocks[-1][1] = max(blocks[-1][1], stop)
                set_left[-1] = set_left[-1] and start - blocks[-1][0] <= BAND_FIT
                if label:
                    seen = labels[-1]
                    labels[-1] = (
                        (min(seen[0], start), max(seen[1], stop)) if seen else (start, stop)
                    )
            else:
                blocks.append([start, stop])
                set_left.append(True)
                labels.append((start, stop) if label else None)
        _join_unlabelled(blocks, set_left, labels)
        if len(blocks) < MIN_TABLE_COLUMNS:
            return None
        inner = [
            max((a[1] + b[0]) / 2, b[0] - BAND_FIT) if left else (a[1] + b[0]) / 2
            for (a, b), left in zip(pairwise(blocks), set_left[1:], strict=True)
        ]
        return list(pairwise([x0, *inner, x1]))

    def spaced(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether the text between ``top`` and ``bottom`` over ``columns`` starts more than a
        line and a half under ``top`` (a row's text starts right under its rule; a heading's has
        room above it)."""
        lines = _rows(self.chars_between(columns, top, bottom))
        if not lines:
            return False
        first = min(lines[0], key=attrgetter("top"))
        return first.top - top > 1.5 * (first.bottom - first.top)

    def text_start(self, columns: Columns, bottom: float) -> float | None:
        """Where the lines right above ``bottom`` over ``columns`` begin, each inside the columns
        and at most a line's height above the one below it (a header above a table's first row,
        no rule above it); None where there is none."""
        return self._text_reach(columns, bottom, down=False)

    def text_end(self, columns: Columns, top: float) -> float | None:
        """Where the lines right under ``top`` over ``columns`` end, each inside the columns and
        at most a line's height below the one before (a row a page break cut, the page's foot
        under it); None where there is none."""
        return self._text_reach(columns, top, down=True)

    def _text_reach(self, columns: Columns, edge: float, down: bool) -> float | None:
        """How far the lines from ``edge`` go on, down or up, each inside the columns and at
        most a line's height from the one before."""
        low, high = (edge, edge + BAND_MAX) if down else (edge - BAND_MAX, edge)
        lines = _rows(self.chars_between(columns, low, high))
        reached: float | None = None
        for line in lines if down else reversed(lines):
            line_top = min(c.top for c in line)
            line_bottom = max(c.bottom for c in line)
            before = reached if reached is not None else edge
            gap = line_top - before if down else before - line_bottom
            if gap > line_bottom - line_top:
                break
            if any(self.column_of(columns, run) is None for run in _runs(line)):
                break
            reached = line_bottom if down else line_top
        return reached


def page_tables(
    edges: list[Edge],
    chars: list[Char] | None = None,
    carried: Columns | None = None,
    in_line_order: bool = False,
    grid: Columns | None = None,
    nothing_cut: bool = False,
    bands: _Bands | None = None,
) -> list[Table]:
    """The ruled tables of a page as the reader takes them: parts of one table side by side
    joined (:func:`~.tables.join_side_by_side`), rows filled one in two joined with the rows
    between them (:func:`~.tables.join_stacked`), no table of fewer than MIN_TABLE_COLUMNS
    columns, each extended down to outer rules below its last cells (:func:`_extended`).
    ``chars``: the page's, which tell the rows between filled ones (none: no such rows);
    ``carried``: the columns of the last row of the table the page before ended with, which the
    rows at this page's top may go on (:func:`~.tables.continued_rows`); ``in_line_order``: the
    chars are sorted as :func:`page_blocks` sorts them (else they are sorted where needed);
    ``grid``: all the columns of that table, whose row at this page's top no rule or fill may
    frame (:func:`_row_above`); ``nothing_cut``: that table ended with no row cut (its header
    alone, or a grouping row; :class:`Carried`); ``bands``: the page's, where the caller has
    them (else made of ``chars``)."""
    merged = merge_edges(edges)
    found, lone = tables_in(merged, containers=False)
    if bands is None:
        bands = _Bands(chars or [], in_line_order)
    joined = join_stacked(join_side_by_side(found, lone), merged, bands, lone, carried)
    if grid:
        joined = _in_grid(_filled_out(joined, grid, bands, merged), grid, bands, merged)
    tables = [table for table in joined if len(table.columns) >= MIN_TABLE_COLUMNS]
    if carried is not None and chars and not _text_above(chars, carried, merged):
        tables = continued_rows(carried, merged, bands, tables, rest_first=not nothing_cut)
    if chars:
        tables = _ruled_bands(tables, merged, bands)
    if grid:
        tables = _in_grid(tables, grid, bands, merged)
    tables = [_extended(table, edges, tables) for table in tables]
    return _row_above(tables, grid, bands, nothing_cut) if grid else tables


def _ruled_bands(tables: list[Table], rules: list[Edge], bands: _Bands) -> list[Table]:
    """The page's tables with the rows between two rules across a table's width, clear of
    every table, that repeat part of that table's header row: each run of their text inside
    one of its columns, in two or more, and a part of its header's text in that column (a
    header printed again for the next table of the page). A table of one row each. A header
    row a page break cut in a style that rules it above and below only (Word's "Light Shading"
    with the header printed once: its first lines at the page's foot, the rest atop the next
    page) was read by its text's alignment: a label centred in the first column taken for the
    second of a table with an empty first column (random Word layouts with looks, seed 1926),
    a bilingual header a row a line, parted where no column is (2014); the next page's rows
    then had a column too few for it. Rows between two rules that are no header (an unruled
    table's rows under its top rule) stay the alignment's to read."""
    added: list[Table] = []
    for table in tables:
        grid = grid_columns(table)
        header: list[str] | None = None  # the table's first row's text, per column
        for top, bottom in pairwise(rules_spanning(rules, grid)):
            if not BAND_MIN <= bottom - top <= BAND_MAX or any(
                other.bbox[1] < bottom + ROW_EDGE_TOLERANCE
                and top - ROW_EDGE_TOLERANCE < other.bbox[3]
                and other.bbox[0] < grid[-1][1]
                and grid[0][0] < other.bbox[2]
                for other in (*tables, *added)
            ):
                continue
            texts = _column_texts(bands, grid, top, bottom)
            if texts is None or sum(map(bool, texts)) < 2:
                continue
            if header is None:
                first = min(cell[3] for cell in table.cells if cell[1] == table.bbox[1])
                header = _column_texts(bands, grid, table.bbox[1], first) or []
            if len(header) == len(texts) and all(
                text in label for text, label in zip(texts, header, strict=True)
            ):
                added.append(Table(tuple((a, top, b, bottom) for a, b in grid)))
    return [*tables, *added] if added else tables


def _column_texts(bands: _Bands, columns: Columns, top: float, bottom: float) -> list[str] | None:
    """The text between ``top`` and ``bottom`` in each of ``columns``, without spaces; None
    where a run of it lies in none of them."""
    texts = [""] * len(columns)
    for line in _rows(bands.chars_between(columns, top, bottom)):
        for run in _runs(line):
            column = _Bands.column_of(columns, run)
            if column is None:
                return None
            texts[column] += "".join(char.text for char in run if not char.text.isspace())
    return texts


def _first_table(tables: Sequence[Table]) -> Table | None:
    """The page's top-most table, if any."""
    return min(tables, key=lambda table: table.bbox[1], default=None)


def _going_on(
    tables: Sequence[Table], grid: Columns, bands: _Bands, edges: Sequence[Edge] = ()
) -> Table | None:
    """The page's first table where no text lies above it across ``grid`` (the columns of the
    table the page before ended with), or only text its side rules (of ``edges``, the page's)
    run up beside, from the page's top (the rest of a row the break cut, above the table's
    first rule across): that table going on, if any."""
    first = _first_table(tables)
    if first is None:
        return None
    if not bands.any_between(grid, 0.0, first.bbox[1] - ROW_PAD):
        return first  # nearly always: no text above it
    above = bands.chars_between(grid, 0.0, first.bbox[1] - ROW_PAD)
    return first if _framed_above(first, min(c.top for c in above), edges) else None


def _framed_above(table: Table, top: float, edges: Sequence[Edge]) -> bool:
    """Whether vertical rules on both sides of ``table`` run from ``top`` or above down to it
    (random Word layouts with looks, seed 2461: a style that draws a table's outer frame and
    fills its grouping rows, no rule across at a page's top; the rest of a row there, its
    rows below framed as one cell across, were read by their text's alignment, a row a line)."""
    x0, first, x1, _ = table.bbox
    sides = merge_edges(e for e in edges if e.orientation == "v")
    return all(
        any(
            abs(e.x0 - x) <= COLUMN_EDGE_TOLERANCE
            and e.top <= top + ROW_EDGE_TOLERANCE
            and e.bottom >= first - ROW_EDGE_TOLERANCE
            for e in sides
        )
        for x in (x0, x1)
    )


def _in_grid(
    tables: list[Table], grid: Columns, bands: _Bands, edges: Sequence[Edge] = ()
) -> list[Table]:
    """The page's first table with its cells parted in the columns of the table the page before
    ended with (``grid``), where it has only some of them: a table going on at the page's top,
    with nothing above it, whose style rules a row in a few wide cells at a page break (random
    Word layouts, seed 1978: "Medium Shading 1" with the header printed once and a merged
    category, the page's first row three cells over seven columns). A cell is parted where its
    text does as :func:`_spread` parts a cell's text, so a grouping row's text across the table
    stays one cell. Before tables of too few columns are dropped too: a style that frames the
    table's outside alone leaves its rows one cell across (seed 2461). ``edges``: the page's
    (:func:`_going_on`)."""
    first = _going_on(tables, grid, bands, edges)
    if first is None:
        return tables
    starts = [a for a, _ in grid]
    x0, _, x1, _ = first.bbox
    t = COLUMN_EDGE_TOLERANCE
    if (
        len(first.columns) >= len(starts)
        or abs(x0 - starts[0]) > t
        or abs(x1 - grid[-1][1]) > t
        or not all(any(abs(x - s) <= t for s in starts) for x in first.columns)
    ):
        return tables
    cells = [
        (a, cell[1], b, cell[3]) for cell in first.cells for a, b in _spans(cell, starts, bands)
    ]
    if len(cells) == len(first.cells):
        return tables
    return [Table(tuple(cells)) if table is first else table for table in tables]


def _filled_out(
    tables: list[Table], grid: Columns, bands: _Bands, rules: Sequence[Edge]
) -> list[Table]:
    """The page's first table with the columns of the table the page before ended with
    (``grid``) added where its rows have no cell: a table going on at the page's top, nothing
    above it, as wide as that table and its cells' sides on its columns' edges, whose style
    frames a row in its first cell alone (random Word layouts with looks, seed 2097: "Medium
    Shading 2" fills the item cell black and leaves the rest of an odd row unruled; at the last
    page's top a row's rest, a grouping row filled across and a row were one column and a
    grouping row, fewer columns than a table has, and read by their text's alignment: a
    dataset too many, its item number lost). Each row's uncovered part is a cell per column.
    The table is as wide as that table too where rules across its top and its foot are
    (:func:`_framed_across`), its cells short of a side: a style that fills the first column
    and a merged category's cell, and frames no other, leaves the columns right of them no
    cell (seed 2408: "Medium Shading 2", a row's description and date one cell, its
    frequency and name read as lines). A table with those columns already gets cells where its
    first row has none (seed 2517: an unfilled row atop the page beside a merged category, the
    one cell of the row the style framed, was read as lines). ``rules``: the page's, merged."""
    first = _going_on(tables, grid, bands, rules)
    complete = first is not None and len(first.columns) >= len(grid)
    if first is None or (complete and not same_columns(grid_columns(first), grid)):
        return tables
    edges = [x for column in grid for x in column]
    t = COLUMN_EDGE_TOLERANCE
    x0, top, x1, bottom = first.bbox
    if _framed_across(rules, grid, top, bottom):
        x0, x1 = min(x0, grid[0][0]), max(x1, grid[-1][1])
    if (
        abs(x0 - grid[0][0]) > t
        or abs(x1 - grid[-1][1]) > t
        or not all(any(abs(x - e) <= t for e in edges) for c in first.cells for x in (c[0], c[2]))
    ):
        return tables
    added: list[BBox] = []
    bands_of = list(pairwise(sorted({y for c in first.cells for y in (c[1], c[3])})))
    if complete:  # its own columns (the page before's within a tolerance): no new edge
        grid, bands_of = grid_columns(first), bands_of[:1]
    else:  # the page before's, on this page's edges where it has them (a hair apart)
        grid = [(_snapped(a, first), _snapped(b, first)) for a, b in grid]
    for top, bottom in bands_of:
        spans = sorted((c[0], c[2]) for c in first.cells if c[1] < bottom and c[3] > top)
        reach = x0
        for a, b in [*spans, (x1, x1)]:
            if a > reach + t:
                added.extend((c0, top, c1, bottom) for c0, c1 in grid if reach - t <= c0 < a - t)
            reach = max(reach, b)
    if not added:
        return tables
    return [Table((*first.cells, *added)) if table is first else table for table in tables]


def _snapped(x: float, table: Table) -> float:
    """A cell's side of ``table`` within :data:`COLUMN_EDGE_TOLERANCE` of ``x``, else ``x``: new
    cells beside a table's own share its edges, not ones a hair apart (random Word layouts with
    looks, seed 2101: the page before's 99.08 beside this page's 99.13, a column of no width
    between them, and the rows were read a column out)."""
    t = COLUMN_EDGE_TOLERANCE
    return next((e for c in table.cells for e in (c[0], c[2]) if abs(e - x) <= t), x)


def _framed_across(rules: Sequence[Edge], grid: Columns, top: float, bottom: float) -> bool:
    """Whether rules across ``grid``'s width (:func:`~.tables.rules_spanning`) lie at ``top``
    and at ``bottom``."""
    heights = rules_spanning(rules, grid)
    return all(any(abs(h - y) <= ROW_EDGE_TOLERANCE for h in heights) for y in (top, bottom))


def _last_row_parted(table: Table, columns: Columns, bands: _Bands) -> Columns:
    """A table's last row's ``columns``, a cell over several of the table's columns parted in
    them where its text lies in parts of them (:func:`_parted`): a style that rules only the
    cells it fills ("Medium Shading 2") leaves one cell over two columns in a row it does not
    fill, and the rest of that row on the next page was read in the row's columns, a column
    short, its name taken for its category (random Word layouts with looks, seed 2171)."""
    bottom = table.bbox[3]
    t = COLUMN_EDGE_TOLERANCE
    parted: Columns = []
    for a, b in columns:
        cell = next(
            (c for c in table.cells if abs(c[0] - a) <= t and abs(c[3] - bottom) <= t), None
        )
        parted += (
            [(a, b)] if cell is None else _spans((a, cell[1], b, cell[3]), table.columns, bands)
        )
    return parted


def _spans(cell: BBox, starts: list[float], bands: _Bands) -> Columns:
    """The spans of the columns starting at ``starts`` that a cell's text parts it into (see
    :func:`_parted`), from its left edge to its right; the cell's own span where it does not."""
    t = COLUMN_EDGE_TOLERANCE
    inside = [s for s in starts if cell[0] - t <= s < cell[2] - t]
    if len(inside) < 2 or not _parted(cell, inside, bands):
        return [(cell[0], cell[2])]
    return list(zip([cell[0], *inside[1:]], [*inside[1:], cell[2]], strict=True))


def _parted(cell: BBox, starts: list[float], bands: _Bands) -> bool:
    """Whether a cell's text lies in parts of the columns starting at ``starts`` (see
    :func:`_spread`)."""
    x0, top, x1, bottom = cell
    lines = [_runs(line) for line in _rows(bands.chars_between([(x0, x1)], top, bottom))]
    found = {_column_of(starts, run) for runs in lines for run in runs}
    return len(found) > 1 or (bool(found) and _one_later_column(cell, starts, lines) is not None)


def _row_above(
    tables: list[Table], grid: Columns, bands: _Bands, nothing_cut: bool = False
) -> list[Table]:
    """The page's tables with the row right above the first, where nothing frames it: the top of
    a page holding a table that goes on from the page before (its columns, ``grid``), in a style
    that fills its rows one in two and draws no rule at a page break (Word's "Light Shading" with
    the header printed once: the page's first row unfilled, the next one filled). The lines over
    the first table, each a line's height at most above the next, every run inside one of its
    columns, in two columns or more, the first with text in the first column (a new row: the
    rest of a row the page break cut is :func:`_rest_of_cut_row`'s; where the page before cut
    no row, ``nothing_cut``, any line of them: a value centred top to bottom in its cell starts
    lower than a wrapped one, random Word layouts with looks, seed 2214), and nothing above them
    across the table: one row of its columns. Where the style rules or fills every row, no
    lines are there; where it fills one in two, one row at most is."""
    first = _first_table(tables)
    if first is None or not same_columns(columns := grid_columns(first), grid):
        return tables
    top = first.bbox[1]
    start = bands.text_start(columns, top)
    if start is None or bands.any_between(columns, 0.0, start - ROW_PAD):
        return tables
    lines = _rows(bands.chars_between(columns, start, top))
    found = {_Bands.column_of(columns, run) for line in lines for run in _runs(line)}
    starts = [a for a, _ in columns]
    if len(found) < 2 or not any(
        _starts_first_column(starts, _runs(line)) for line in (lines if nothing_cut else lines[:1])
    ):
        return tables
    row = [(a, start - ROW_PAD, b, top) for a, b in columns]
    return [Table((*row, *first.cells)) if t is first else t for t in tables]


def _text_above(chars: list[Char], columns: Columns, rules: list[Edge]) -> bool:
    """Whether the page has text above its top-most rule across ``columns``' width, over them:
    a heading, a paragraph; a table going on from the page before starts at the page's top."""
    x0, x1 = columns[0][0], columns[-1][1]
    tops = rules_spanning(rules, columns)
    if not tops:
        return True
    first = tops[0]
    return any(
        c.bottom <= first and c.x1 > x0 and c.x0 < x1 and not c.text.isspace() for c in chars
    )


# points: a rule starting this far left of a table's first column of text frames a column
# there (Word sets text 5.4 pt right of its cell's edge; an item column is wider than 20 pt)
EMPTY_COLUMN = 15.0
FRAME_ABOVE = 12.0  # points: a table's top rule lies this near above its first line of text


class _Rules:
    """The page's horizontal rules as :class:`~.layout.PageRules` (joined on the first question
    only: most pages ask none)."""

    def __init__(self, edges: list[Edge]) -> None:
        self.edges = edges

    @cached_property
    def rules(self) -> list[Edge]:
        return merge_edges(e for e in self.edges if e.orientation == "h")

    def frame_left_of(self, x: float, table_top: float, top: float, bottom: float) -> bool:
        """A rule from a little above the table's first line down to the line, and one below
        the line, each crossing ``x`` and starting :data:`EMPTY_COLUMN` left of it."""
        framing = [rule for rule in self.rules if rule.x0 <= x - EMPTY_COLUMN < x <= rule.x1]
        return any(table_top - FRAME_ABOVE <= rule.top <= top for rule in framing) and any(
            rule.top >= bottom for rule in framing
        )

    def apart(self, x0: float, x1: float, above: float, below: float) -> bool:
        """A rule across ``x0``–``x1`` between the two lines (within a line's tolerance)."""
        return any(
            above - LINE_TOLERANCE <= rule.top <= below + LINE_TOLERANCE
            and rule.x0 < x1
            and rule.x1 > x0
            for rule in self.rules
        )


@dataclass(frozen=True)
class Carried:
    """What a page tells the next of the table it ended with."""

    last_row: Columns  # its last row's columns, which the next page's top rows may go on
    grid: Columns  # all its columns: a cut row's rest, or its rows, are read in them
    # it ended with no row a page break could cut: its header alone, or its header or rows and
    # a grouping row of one line under them (random Word layouts with looks, seed 2214), its
    # rows (or that grouping row's) all on the next page
    nothing_cut: bool = False

    @classmethod
    def of(cls, columns: Columns) -> Carried:
        """A table whose last row has ``columns``, as all its columns."""
        return cls(columns, columns)


@dataclass
class CutHead:
    """A page's last lines under a rule across, nothing under them but page furniture: a table's
    first row, cut by the page break before any other rule of the table (random Word layouts
    with looks, seed 2445: a section's table begun two lines above the page's foot, its
    header's first lines there and the rest on the next page atop the row). The next page's
    first table, as wide as the rule and going on at its top, takes them as a row before its
    first (:func:`_head_joined`), and ``taken`` says so: the page's blocks of them are dropped."""

    lines: tuple[Line, ...]
    x0: float
    x1: float
    taken: bool = False

    def wheres(self) -> set[Where]:
        return {line.where for line in self.lines}


def _cut_head(lines: list[Line], edges: list[Edge], tables: list[Table]) -> CutHead | None:
    """The lines under the page's lowest rule across, below its tables, or, with none under it,
    between it and the rule above it (a style draws the cut row's border at the break): one
    line right under the rule and the lines right under it (a row's spacing apart), inside the
    rule's width, one of them of :data:`MIN_TABLE_COLUMNS` segments or more (a header's labels,
    a row's values), and under them nothing but page furniture (:class:`CutHead`); None where
    there are none."""
    below = max((t.bbox[3] for t in tables), default=-math.inf) + COLUMN_EDGE_TOLERANCE
    if not any(line.top > below and not is_furniture(line.text) for line in lines):
        return None  # most pages: nothing but furniture under their last table
    rules = sorted(
        (e for e in merge_edges(edges) if e.orientation == "h" and e.top > below),
        key=attrgetter("top"),
    )
    if not rules or not lines:
        return None
    t = COLUMN_EDGE_TOLERANCE
    rule = rules[-1]
    if len(rules) > 1 and not any(
        line.top >= rule.top for line in lines if not is_furniture(line.text)
    ):
        above = rules[-2]
        if abs(above.x0 - rule.x0) > t or abs(above.x1 - rule.x1) > t:
            return None
        rule = above
    head: list[Line] = []
    bottom = rule.top
    for line in lines:
        if line.top < rule.top:
            continue
        height = line.bottom - line.top
        if line.top - bottom > ROWS_GAP * height or is_furniture(line.text):
            break
        if any(s.x0 < rule.x0 - t or s.x1 > rule.x1 + t for s in line.segments):
            return None
        head.append(line)
        bottom = line.bottom
    if not head or max(len(line.segments) for line in head) < MIN_TABLE_COLUMNS:
        return None
    if any(other.top >= bottom and not is_furniture(other.text) for other in lines):
        return None  # text under the lines: they are no table's start
    return CutHead(tuple(head), rule.x0, rule.x1)


def _head_joined(
    head: CutHead,
    placed: list[tuple[float, Block]],
    tables: list[Table],
    table_base: int,
    bands: _Bands,
) -> None:
    """The head's lines as a row of the page's first table, going on at its top and as wide as
    the rule over ``head`` on the page before, put before its first row (each segment in one of
    its columns; whether the two are one row cut by the break, a header's lines, or a whole
    header over a row, the structure stage tells, as for any row going on); ``head.taken``
    then. Nothing where there is no such table or row."""
    first = _going_on(tables, [(head.x0, head.x1)], bands)
    t = COLUMN_EDGE_TOLERANCE
    if first is None or abs(first.bbox[0] - head.x0) > t or abs(first.bbox[2] - head.x1) > t:
        return
    table = table_base + tables.index(first) + 1
    mine = [
        (n, row)
        for n, (_, row) in enumerate(placed)
        if isinstance(row, TableRow) and row.table == table
    ]
    if not mine:
        return
    n, row = mine[0]  # ``placed`` is in reading order
    columns = grid_columns(first)
    if len(columns) != len(row.cells):
        return
    taken: list[tuple[Line, list[tuple[int, Segment]]]] = []
    for line in head.lines:
        parts = _placed(columns, line)
        if parts is None:
            return
        taken.append((line, parts))
    placed.insert(n, (placed[n][0], _one_row(taken, columns, table)[1]))
    head.taken = True


def page_blocks(
    chars: list[Char],
    edges: list[Edge],
    number: int,
    table_base: int,
    carry: list[Carried | CutHead] | None = None,
    in_line_order: bool = False,
) -> tuple[list[Block], int]:
    """The blocks of one page in reading order, and the document's table count after it.
    ``carry``: what the page before told of the table it ended with (:class:`Carried`; none:
    it ended with none), or of the table its foot cut before any row (:class:`CutHead`), which
    this page replaces with its own;
    ``in_line_order``: the chars are sorted as :func:`_line_order` sorts (else they are sorted)."""
    if not in_line_order:  # once: every cell's chars and the rest keep it
        chars = sorted(chars, key=_line_order)
    carried = carry[0] if carry and isinstance(carry[0], Carried) else None
    head = carry[0] if carry and isinstance(carry[0], CutHead) else None
    bands = _Bands(chars, True)  # what the page's bands hold, asked on demand
    tables = page_tables(
        edges,
        chars,
        carried.last_row if carried else None,
        in_line_order=True,
        grid=carried.grid if carried else None,
        nothing_cut=carried.nothing_cut if carried else False,
        bands=bands,
    )
    if carry is not None:
        last = max(tables, key=lambda t: t.bbox[3], default=None)
        columns = last.last_columns if last is not None else None
        carry[:] = []
        if last is not None and columns is not None:
            uncut = _ends_uncut(last, bands) and _ends_page(last, chars)
            columns = _last_row_parted(last, columns, bands)
            carry.append(Carried(columns, grid_columns(last), uncut))
    in_cells, outside = CellLocator(tables).group(chars)
    in_cells = [_whole_words(cells) for cells in in_cells]
    first = _going_on(tables, carried.grid, bands, edges) if carried else None
    going_on = tables.index(first) if first is not None else None
    holes, outside = _hole_chars(tables, outside, edges, going_on)
    placed: list[tuple[float, Block]] = []
    rules = _HRules(edges) if tables else None
    for index, table in enumerate(tables):
        table_rows = _table_rows(
            table, in_cells[index], number, table_base + index + 1, holes[index], rules
        )
        placed.extend(table_rows)
    lines = text_lines(outside, number)
    if carried is not None:
        if carried.nothing_cut:
            across = rules_spanning(merge_edges(edges), carried.grid)
            rest, lines = _rows_under_header(lines, carried.grid, tables, table_base, across)
        else:
            rest, lines = _rest_of_cut_row(lines, carried.grid, tables, table_base)
        placed.extend(rest)
    if carry is not None and (cut := _cut_head(lines, edges, tables)) is not None:
        carry[:] = [cut]
    width = len(carried.grid) if carried is not None else None
    unruled, table_count = aligned_blocks(
        lines, ALIGNMENT, table_base + len(tables), _Rules(edges), width
    )
    placed.extend(unruled)
    placed.sort(key=lambda item: item[0])
    if head is not None:
        _head_joined(head, placed, tables, table_base, bands)
    return [block for _, block in placed], table_count


def _whole_words(cells: dict[BBox, list[Char]]) -> dict[BBox, list[Char]]:
    """A table's chars by cell, no word parted between two cells side by side: a word whose
    chars are in both goes whole to the one holding more of them (the first, on a tie). No cell
    of a page prints a word past its edge, but a column's edge that the text's alignment gives
    (no rule there) may fall inside the longest line (random Word layouts with looks, seed 2103:
    "Light Shading", a section's columns those of the one above, whose names were shorter; the
    last letter of "Rate" was read as the first of the description; HTML seed 4289: 「－第」 of
    a name's first line, set with no gap, as the date's). Two chars of a line are of one word
    where less than :data:`WORD_GAP` of their size parts them, as :func:`_split` reads words:
    CJK text has no spaces, so a CJK line that abuts its neighbours is one word; two cells' texts
    are parted by the cells' padding."""
    by_left: dict[float, list[BBox]] = defaultdict(list)
    for cell in cells:
        by_left[cell[0]].append(cell)
    changed: set[BBox] = set()
    for left in list(cells):
        edge = left[2]
        for right in by_left.get(edge, ()):
            if right[1] < left[3] and left[1] < right[3]:
                _join_parted_words(cells, left, right, changed)
    for cell in changed:
        cells[cell].sort(key=_line_order)
    return cells


def _join_parted_words(
    cells: dict[BBox, list[Char]], left: BBox, right: BBox, changed: set[BBox]
) -> None:
    """Move the smaller part of each word parted between ``left`` and ``right`` (side by side)
    to the other cell (see :func:`_whole_words`)."""
    edge = left[2]
    ends = [c for c in cells[left] if c.x1 > edge - c.size and _in_word(c)]
    if not ends:
        return
    starts = [c for c in cells[right] if c.x0 < edge + c.size and _in_word(c)]
    pairs = [
        (end, start)
        for end in ends
        for start in starts
        if abs(start.top - end.top) <= LINE_TOLERANCE and _abut(end, start)
    ]
    for end, start in pairs:
        before = _word_part(cells[left], end, -1)
        after = _word_part(cells[right], start, 1)
        if not before or not after:
            continue  # moved already
        source, target, part = (
            (right, left, after) if len(before) >= len(after) else (left, right, before)
        )
        moved = set(map(id, part))
        cells[source] = [c for c in cells[source] if id(c) not in moved]
        cells[target].extend(part)
        changed.add(target)


def _abut(first: Char, second: Char) -> bool:
    """Whether ``second`` follows ``first`` in a word: no wider gap than a space's between."""
    return abs(second.x0 - first.x1) <= WORD_GAP * first.size


def _in_word(char: Char) -> bool:
    return not char.text.isspace()


def _word_part(chars: list[Char], char: Char, step: int) -> list[Char]:
    """``char`` and the chars of its word next to it on its line in ``chars``, going left
    (``step`` -1) or right (1); none if ``char`` is not in ``chars`` (moved)."""
    if not any(c is char for c in chars):
        return []
    line = sorted(
        (c for c in chars if abs(c.top - char.top) <= LINE_TOLERANCE), key=_x0, reverse=step < 0
    )
    part = [char]
    for c in line[next(i for i, c in enumerate(line) if c is char) + 1 :]:
        if not _in_word(c) or not (_abut(part[-1], c) if step > 0 else _abut(c, part[-1])):
            break
        part.append(c)
    return part


def _add_piece(
    pieces: list[str], end: float, segment: Segment, column: tuple[float, float]
) -> float:
    """Add a line of a column's text (``segment``) to the lines above it (``pieces``, the last
    ending at ``end`` if it is one word, else 0): one word with the last where it carries on a word
    the column broke (as :func:`cell_pieces` reads a cell: the line above filled the column, less
    the padding its text starts after, to within a character's width). Where the line ends, if it
    is one word."""
    text = segment.text
    one = False
    if pieces and end:
        pieces_are = broken_word(pieces[-1], text)
        if pieces_are is Pieces.ONE_WORD_IF_FULL:
            room = column[1] - max(0.0, segment.x0 - column[0]) - end
            width = (segment.x1 - segment.x0) / max(len(text), 1)
            one = -BROKEN_WORD_SLACK <= room < width + BROKEN_WORD_SLACK
        else:
            one = pieces_are is Pieces.ONE_WORD
    if one:
        pieces[-1] += text
    else:
        pieces.append(text)
    return segment.x1 if " " not in text else 0.0


def _segment_column(columns: Columns, segment: Segment) -> int | None:
    """The column a segment lies in (within :data:`~.tables.COLUMN_EDGE_TOLERANCE`); None."""
    t = COLUMN_EDGE_TOLERANCE
    return next(
        (i for i, (x0, x1) in enumerate(columns) if x0 - t <= segment.x0 and segment.x1 <= x1 + t),
        None,
    )


_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")
CUT_ROW_GAP = 1.0  # line heights between two lines of a cut row's rest, at most
ROWS_GAP = 1.5  # line heights between two lines of a table's rows, at most


def _lines_atop(lines: list[Line], tables: list[Table], gap: float) -> Iterator[Line]:
    """The page's first lines of text, above its tables, each ``gap`` line heights at most below
    the one before, none of them a page number or other page furniture."""
    first_table = min((table.bbox[1] for table in tables), default=math.inf)
    last: Line | None = None
    for line in lines:
        if line.bottom > first_table + COLUMN_EDGE_TOLERANCE or is_furniture(line.text):
            return
        if last is not None and line.top - last.bottom > gap * (line.bottom - line.top):
            return
        yield line
        last = line


def _row_of(
    cells: list[list[str]],
    columns: Columns,
    top: float,
    bottom: float,
    page: int | None,
    table: int,
) -> tuple[float, Block]:
    """A row of ``columns`` from ``top`` to ``bottom``, in table ``table``, as (top, row)."""
    box = rounded_box(page or 0, (columns[0][0], top, columns[-1][1], bottom))
    return top, TableRow(tuple(tuple(c) for c in cells), Where(page=box.page, boxes=(box,)), table)


def _rest_of_cut_row(
    lines: list[Line], columns: Columns | None, tables: list[Table], table: int
) -> tuple[list[tuple[float, Block]], list[Line]]:
    """The rest of the row a page break cut, where the table's header is not printed again and
    no rule or fill frames it (random Word layouts, "Medium Shading 1" with the header printed
    once): the page's first lines of text (:func:`_lines_atop`, a line's spacing apart at most),
    each of whose segments lies in one of the columns of the table the page before ended with
    (``columns``), with no letter or digit in the first: a cut row's first cell, its item
    number's, is on the page before but for a closing bracket (「（二」 / 「）」), and a line with words
    there is a new row (a table without item numbers, whose line-at-a-time reading sees to it), a
    footnote, a heading or a paragraph. They are one row of those columns in table ``table`` (the
    page before's last), given as (top, row); the other lines are left.

    Where the line with words in the first column lies less than a line's height under the last
    of them (:func:`_interleaved`: cells centred top to bottom, a tall cell's lines beside a
    short one's), they are the top of that line's row, no cut row's: that row, all its lines
    down to the page's first table, is one new row of those columns, where it is the only one
    there (:func:`_centred_row`)."""
    if not columns or not lines:
        return [], lines
    taken: list[tuple[Line, list[tuple[int, Segment]]]] = []
    for line in _lines_atop(lines, tables, CUT_ROW_GAP):
        placed = _placed(columns, line)
        if placed is None or any(i == 0 and _WORDLIKE.search(s.text) for i, s in placed):
            break  # words in the first column: a new row, a footnote, a heading, a paragraph
        taken.append((line, placed))
    if taken and _interleaved(taken[-1][0], lines[len(taken) : len(taken) + 1]):
        return _centred_row(lines, columns, tables, table)
    if not taken:
        return [], lines
    return [_one_row(taken, columns, table)], lines[len(taken) :]


def _one_row(
    taken: list[tuple[Line, list[tuple[int, Segment]]]], columns: Columns, table: int
) -> tuple[float, Block]:
    """Lines, their segments placed in ``columns``, as one row of table ``table``: each column's
    lines its cell's pieces (:func:`_add_piece`)."""
    cells: list[list[str]] = [[] for _ in columns]
    ends = [0.0 for _ in columns]  # where each column's last piece ends, if it is one word
    for _, placed in taken:
        for index, segment in placed:
            ends[index] = _add_piece(cells[index], ends[index], segment, columns[index])
    first, last = taken[0][0], taken[-1][0]
    return _row_of(cells, columns, first.top, last.bottom, first.where.page, table)


def _placed(columns: Columns, line: Line) -> list[tuple[int, Segment]] | None:
    """A line's segments with their columns; None where one lies in none of them."""
    where = [_segment_column(columns, segment) for segment in line.segments]
    placed = [(i, s) for i, s in zip(where, line.segments, strict=True) if i is not None]
    return placed if len(placed) == len(where) else None


def _interleaved(last: Line, after: list[Line]) -> bool:
    """Whether the line after ``last`` (if any) lies less than a line's height below its top:
    set between two lines of another column, as a cell's text is centred top to bottom beside
    a taller cell, so the two are lines of one row (random Word layouts with looks, seed 2712:
    「GM」 / 「L、MDB」 of a formats cell atop a page, above the line of the row's item label
    「(2)」, were taken for the rest of the row the page before ended with)."""
    return bool(after) and after[0].top - last.top < last.bottom - last.top


def _centred_row(
    lines: list[Line], columns: Columns, tables: list[Table], table: int
) -> tuple[list[tuple[float, Block]], list[Line]]:
    """The page's first lines down to its first table (:func:`_lines_atop`, a line's spacing
    apart at most, each segment in one of ``columns``) as one row of ``columns``, where one of
    them alone has words in the first column (the row's item label, on its middle line) and a
    table lies under them (the next row, which the style fills); else nothing (the lines are
    left to be read by their alignment)."""
    if not tables:
        return [], lines
    taken: list[tuple[Line, list[tuple[int, Segment]]]] = []
    for line in _lines_atop(lines, tables, CUT_ROW_GAP):
        placed = _placed(columns, line)
        if placed is None:
            return [], lines
        taken.append((line, placed))
    labelled = sum(any(i == 0 and _WORDLIKE.search(s.text) for i, s in p) for _, p in taken)
    rest = lines[len(taken) :]
    if labelled != 1 or (rest and rest[0].top < min(t.bbox[1] for t in tables)):
        return [], lines  # not one row, or text between it and the table
    return [_one_row(taken, columns, table)], rest


def _ends_uncut(table: Table, bands: _Bands) -> bool:
    """Whether a table ends with no row a page break could cut: it is one row (its header), or
    its last row is a grouping row: one cell across it holding one line of one run of text,
    from its first column (a row's values part into runs in their columns)."""
    top = table.bbox[1]  # one row: every cell starts at its top
    if all(cell[1] == top for cell in table.cells):
        return True
    x0, _, x1, bottom = table.bbox
    t = COLUMN_EDGE_TOLERANCE
    last = [cell for cell in table.cells if abs(cell[3] - bottom) <= t]
    if len(last) != 1 or abs(last[0][0] - x0) > t or abs(last[0][2] - x1) > t:
        return False
    lines = _rows(bands.chars_between([(x0, x1)], last[0][1], bottom))
    if len(lines) != 1 or len(runs := _runs(lines[0])) != 1:
        return False
    starts = table.columns
    return len(starts) > 1 and runs[0][0].x0 < starts[1]


def _ends_page(table: Table, chars: list[Char]) -> bool:
    """Whether no text is under the table on its page but one line (a page number, a footer):
    the text below spans twice its size at most."""
    below = [c for c in chars if c.top >= table.bbox[3] and not c.text.isspace()]
    if not below:
        return True
    return max(c.bottom for c in below) - min(c.top for c in below) <= 2 * max(
        c.size for c in below
    )


def _rows_under_header(
    lines: list[Line],
    columns: Columns | None,
    tables: list[Table],
    table: int,
    rules: Sequence[float] = (),
) -> tuple[list[tuple[float, Block]], list[Line]]:
    """The rows of a table whose header alone (or with a grouping row) ended the page before,
    where no rule or fill frames them on this page (random Word layouts with the header printed
    once, seed 1946): the page's first lines (:func:`_lines_atop`, a line and a half apart at
    most), each segment in one of the header's columns (a line of one segment starting in the
    first column, the text of a grouping row across the table), a row a line (the structure
    stage joins a row's lines, as in a table read a line at a time); the other lines are left.
    Such a line under a rule across the table (``rules``: their heights) that no rule closes
    right under it is under the table's foot, a footnote (random Word layouts with looks, seed
    2256: "Medium Shading 1", grouping rows filled across, the table ruled below: the
    footnotes under it were read as grouping rows, their notes lost to the rows)."""
    if not columns or not lines:
        return [], lines
    rows: list[tuple[float, Block]] = []
    above = -math.inf  # the bottom of the line before
    for line in _lines_atop(lines, tables, ROWS_GAP):
        segments = line.segments
        where = [_segment_column(columns, segment) for segment in segments]
        if (
            where == [None]
            and columns[0][0] - COLUMN_EDGE_TOLERANCE <= segments[0].x0 < columns[0][1]
        ):
            if _under_foot(line, above, rules):
                break
            where = [0]  # a grouping row's text, across the table
        cells: list[list[str]] = [[] for _ in columns]
        for index, segment in zip(where, segments, strict=True):
            if index is None:
                return rows, lines[len(rows) :]
            cells[index].append(segment.text)
        rows.append(_row_of(cells, columns, line.top, line.bottom, line.where.page, table))
        above = line.bottom
    return rows, lines[len(rows) :]


def _under_foot(line: Line, above: float, rules: Sequence[float]) -> bool:
    """Whether a rule across the table lies between ``line`` and the line before (whose bottom
    is ``above``) and none closes it right under it (a grouping row's fill frames its line)."""
    t = COLUMN_EDGE_TOLERANCE
    height = line.bottom - line.top
    return any(above - t <= y <= line.top + t for y in rules) and not any(
        line.bottom - t <= y <= line.bottom + height for y in rules
    )


def _may_be_bad(text: str) -> bool:
    """Whether :data:`_BAD_TEXT` may match: two substring scans, not a regex per text."""
    return "\ufffd" in text or "(cid:" in text


def strip_bad_text(blocks: list[Block]) -> tuple[list[Block], int]:
    """Blocks without unmapped glyphs, and how many there were. A block without any (nearly
    every one) is kept as it is (blocks are frozen), a row's texts scanned at once."""
    bad = 0
    clean: list[Block] = []
    for block in blocks:
        if isinstance(block, TextLine):
            text = block.text
            if _may_be_bad(text):
                bad += len(_BAD_TEXT.findall(text))
                text = _BAD_TEXT.sub("", text)
            text = text.strip()
            if text:  # a line of nothing but unmapped glyphs is reported once, as pdf_bad_text
                clean.append(block if text == block.text else TextLine(text, block.where))
        elif not _may_be_bad("\n".join(chain.from_iterable(block.cells))):
            clean.append(block)
        else:
            bad += sum(len(_BAD_TEXT.findall(p)) for cell in block.cells for p in cell)
            cells = tuple(tuple(_BAD_TEXT.sub("", p) for p in cell) for cell in block.cells)
            clean.append(TableRow(cells, block.where, block.table, block.covered))
    return clean, bad


def _unread_count(chars: list[Char], blocks: list[Block]) -> int:
    """How many of a page's characters (not spaces; fake bold's copies once) are in none of
    its blocks: the reader's own check that it lost nothing (a layout it does not follow, such
    as a merged cell that once hid the row beside it: seed 1567), made a problem record instead
    of rows silently missing. Counted, not matched: a few joins of the page's text at C speed."""
    given = "".join([char.text for char in chars])
    return max(0, _letters(given) - _letters(blocks_text(blocks)))


def _letters(text: str) -> int:
    return len("".join(text.split()))


def pdf_document(
    path: Path,
    digest: str,
    page_count: int,
    pages: Iterable[PageContent],
    notes: Iterable[tuple[str, str]] = (),
) -> Document:
    """The document of a PDF's pages; ``notes`` are (code, detail) problems about the whole file
    (a repaired cross-reference table). DocumentError when no page has any text."""
    log = ProblemLog(path.stem, str(path))
    for code, detail in notes:
        log.add(code, detail)
    pages_blocks: list[list[Block]] = []
    running = RunningLines()
    empty: list[int] = []
    tables = 0
    carry: list[Carried | CutHead] = []  # the last table so far
    for page in pages:
        if page.skipped is not None:
            log.add(*page.skipped, Where(page=page.number))
            continue
        if not page.chars:
            empty.append(page.number)
        chars = without_running(sorted(dedupe_chars(page.chars), key=_line_order), running)
        head = carry[0] if carry and isinstance(carry[0], CutHead) else None
        try:
            edges = dotted_rules(page.edges)
            found, tables = page_blocks(chars, edges, page.number, tables, carry, True)
        except TooManyLinesError as error:
            log.add("pdf_too_complex", f"page {page.number} has {error}", Where(page=page.number))
            continue
        if head is not None and head.taken and pages_blocks:
            # the page before's last lines are this page's first row's (see CutHead)
            wheres = head.wheres()
            pages_blocks[-1] = [b for b in pages_blocks[-1] if b.where not in wheres]
        lost = _unread_count(chars, found)
        if lost:
            detail = f"page {page.number}: {lost} of its characters are in no row or line"
            log.add("pdf_text_lost", detail, Where(page=page.number))
        clean, bad = strip_bad_text(found)
        if bad:
            detail = f"page {page.number} has {bad} characters with no Unicode mapping"
            log.add("pdf_bad_text", detail, Where(page=page.number))
        pages_blocks.append(clean)
    if page_count == 0:
        raise DocumentError("pdf_corrupt", "the PDF has no pages")
    if len(empty) == page_count:
        raise DocumentError("pdf_scanned", "every page")
    for number in empty:
        log.add("pdf_scanned", f"page {number}", Where(page=number))
    source = SourceFile(path=str(path), sha256=digest, kind="pdf", pages=page_count)
    blocks = running.without_earlier(pages_blocks)
    return Document(source=source, blocks=blocks, problems=log.problems)
