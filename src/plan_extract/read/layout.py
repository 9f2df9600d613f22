"""Tables without ruling lines, found by alignment: shared by the PDF reader (positions in points)
and the text reader (positions in character columns, for ``pdftotext -layout`` style text).

A line is split into segments at wide gaps. Where segments of several lines start at the same x,
that x is a column. A line with 3+ segments in known columns is a table row; a line right under a
row whose segments all lie right of the first (item-number) column is the wrapped part of that row's
cells, and becomes a row without an item number that structure merges. Anything else, such as a
heading at the left margin or a page number further down, is a text line.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import regex

from ..errors import PlanExtractError
from ..model import Block, TableRow, TextLine, Where
from ..normalise.numerals import parse_item_no
from ..normalise.text import CJK_CHARACTERS

HEADER_CLEARANCE = 3  # column tolerances between a header-only column and the known ones


@dataclass(frozen=True)
class AlignmentSettings:
    """How close is "aligned" and how far is "further down", in the reader's units."""

    column_tolerance: float  # segment starts this close are one column
    max_row_gap: float  # in line heights: a wider gap above a wrapped line ends the table
    min_columns: int = 3  # fewer aligned segments are not a table row
    # How wide a text is in these units, where that is exact (a text export's character grid):
    # a segment then splits where one of its words starts right at a column (two labels of narrow
    # columns one space apart, "Data Format Release Date"). None: segments never split.
    measure: Callable[[str], float] | None = None

    def __post_init__(self) -> None:
        if self.column_tolerance < 0 or self.max_row_gap < 0 or self.min_columns < 2:
            raise PlanExtractError(f"invalid alignment settings: {self}")


@dataclass
class Segment:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    top: float
    bottom: float
    segments: list[Segment]
    where: Where

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


class PageRules(Protocol):
    """What the page's ruling lines say about lines of text read by alignment (the PDF reader
    knows its rules; the text reader has none)."""

    def frame_left_of(self, x: float, table_top: float, top: float, bottom: float) -> bool:
        """Whether the rules frame a column left of ``x`` around a line from ``top`` to
        ``bottom`` of a table whose first line's top is ``table_top``: the table's horizontal
        rules, above and below the line, start well left of its first column of text."""
        ...

    def apart(self, x0: float, x1: float, above: float, below: float) -> bool:
        """Whether a horizontal rule (or a fill's edge) across ``x0``–``x1`` lies between a
        line ending at ``above`` and one starting at ``below``: two rows of a table whose style
        rules or shades its rows, not two lines of one cell."""
        ...


def column_starts(
    lines: list[Line], settings: AlignmentSettings, rules: PageRules | None = None
) -> list[float]:
    """x positions where segments of 2+ lines of 3+ segments start (``rules``: see
    :func:`_lone_header`)."""
    xs = sorted(
        s.x0 for line in lines if len(line.segments) >= settings.min_columns for s in line.segments
    )
    groups: list[list[float]] = []
    for x in xs:
        if groups and x - groups[-1][-1] <= settings.column_tolerance:
            groups[-1].append(x)
        else:
            groups.append([x])
    full = [line for line in lines if len(line.segments) >= settings.min_columns]
    starts = _alternatives_joined(
        [group for group in groups if len(group) >= 2], full, settings.column_tolerance
    )
    if len(full) == 1 and _lone_header(full[0], lines, settings, rules):
        # A page holding only a repeated header and the remainder of a row split by the page
        # break: the header's labels are the columns.
        return [s.x0 for s in full[0].segments]
    lone = [group[0] for group in groups if len(group) == 1]
    return _leftmost_from_header(lines, starts, settings, lone)


def _alternatives_joined(
    groups: list[list[float]], full: list[Line], tolerance: float
) -> list[float]:
    """The starts of ``groups`` (ascending clusters of segment starts, each of two or more), two
    next to each other one column where they lie within two tolerances and no line of ``full``
    starts segments in both: pdftotext sets a row's columns a few characters off the others'
    where a value before them is as wide as its column, and that row's starts were a column of
    their own, with no label, between two of the table's (random layouts as pdftotext text,
    seeds 9001, 9040: a name and a description four characters left of their labels, the
    row's texts parted between the two). Not the first two: nothing before the first column
    pushes its values (an item column beside the label of a column no row fills, seed 9066)."""
    if len(groups) < 2:
        return [min(group) for group in groups]
    lows = [min(group) for group in groups]
    highs = [max(group) for group in groups]

    def group_of(x: float) -> int | None:
        index = bisect.bisect_right(lows, x) - 1
        return index if index >= 0 and x <= highs[index] else None

    together: set[int] = set()  # i: groups i and i + 1 both start segments of a line
    for line in full:
        found = sorted({g for s in line.segments if (g := group_of(s.x0)) is not None})
        together.update(a for a, b in itertools.pairwise(found) if b == a + 1)
    starts = [lows[0]]
    for index in range(1, len(groups)):
        if index == 1 or lows[index] - highs[index - 1] > 2 * tolerance or index - 1 in together:
            starts.append(lows[index])  # the first column's values no wide value pushed
    return starts


def _lone_header(
    header: Line, lines: list[Line], settings: AlignmentSettings, rules: PageRules | None
) -> bool:
    """Whether the one full line of a page is a header over a row's remainder: it has more than
    the fewest columns, counting an unlabelled one left of its labels that the page's ``rules``
    frame (the item column's: random Word layouts, seed 209, three labels over 「以来的历史数据」
    under the first); or another line lies in its columns right of the first (three labels over
    "will also be released" under the third)."""
    labels = [s.x0 for s in header.segments]
    if len(header.segments) > settings.min_columns or (
        rules is not None
        and rules.frame_left_of(labels[0], header.top, header.top, header.bottom)
        and len(header.segments) + 1 > settings.min_columns
    ):
        return True
    tolerance = settings.column_tolerance
    return any(
        line is not header
        and line.segments[0].x0 > labels[0] + tolerance
        and all(_near_a_start(s.x0, labels, tolerance) for s in line.segments)
        for line in lines
    )


def _leftmost_from_header(
    lines: list[Line],
    starts: list[float],
    settings: AlignmentSettings,
    lone: list[float] | None = None,
) -> list[float]:
    """Columns that are empty on this page but for one line start in that line only: an item or
    category column left of the others (numbers or a category written on an earlier page, or a
    single row's number), or a column only the repeated header fills (a page holding a row's
    remainder). Full lines with two or more segments in known columns add them: their first
    segment where it lies left of every column, and, in the first such line (the header),
    segments well clear of the known columns, and the ``lone`` segment starts (of one line
    each) where a word inside one of its segments starts: a label one space from the label
    before it ("Data Format Release Date") over a table of one row."""
    if not starts:
        return starts
    tolerance = settings.column_tolerance

    def near(x0: float, distance: float) -> bool:
        return _near_a_start(x0, starts, distance)  # bisection: a line of a million cells

    found: set[float] = set()
    header_seen = False
    for line in lines:
        if len(line.segments) < settings.min_columns:
            continue
        if sum(near(s.x0, tolerance) for s in line.segments) < 2:
            continue
        if line.segments[0].x0 < starts[0] - tolerance:
            found.add(line.segments[0].x0)
        if not header_seen:
            # A label printed a little off its column's values (another character grid) is
            # that column, not a new one: only segments well clear of every column count, or
            # clear of the columns near them whose own label is right at them.
            found.update(_labels_of_their_own(line.segments, starts, tolerance))
            found.update(_under_inner_words(line, lone or [], settings))
            header_seen = True
    return sorted({*starts, *found}) if found else starts


def _labels_of_their_own(
    labels: list[Segment], starts: list[float], tolerance: float
) -> list[float]:
    """Where the header's ``labels`` start columns of their own, beside the ``starts`` the rows
    give: a label well clear of every column, or one off a column (within HEADER_CLEARANCE
    tolerances, not one) whose own label is right at it. A label a little off its values is
    that column's (``pdftotext -layout`` sets labels on another character grid); but two labels
    near one column cannot both be its: a column the rows leave empty on the page, its label
    a few characters left of the next column's, right at its values ("負責組別 備註 數據格式",
    remarks empty: random layouts as text, seed 2017)."""
    clearance = HEADER_CLEARANCE * tolerance
    at_a_label = {x for label in labels for x in _starts_within(starts, label.x0, tolerance)}
    return [
        label.x0
        for label in labels
        if not _near_a_start(label.x0, starts, tolerance)
        and all(x in at_a_label for x in _starts_within(starts, label.x0, clearance))
    ]


def _starts_within(starts: list[float], x: float, distance: float) -> list[float]:
    """The ``starts`` (ascending) within ``distance`` of ``x``, by bisection."""
    return starts[
        bisect.bisect_left(starts, x - distance) : bisect.bisect_right(starts, x + distance)
    ]


def _under_inner_words(header: Line, lone: list[float], settings: AlignmentSettings) -> list[float]:
    """Of ``lone`` (ascending), those within SPLIT_TOLERANCE of where a word after a space inside
    one of the header's segments starts (only where the units are a character grid)."""
    measure = settings.measure
    if measure is None or not lone:
        return []
    found = []
    for segment in header.segments:
        for _, x in _inner_words(segment, measure):
            index = bisect.bisect_left(lone, x - SPLIT_TOLERANCE)
            if index < len(lone) and lone[index] <= x + SPLIT_TOLERANCE:
                found.append(lone[index])
    return found


def column_of(x0: float, starts: list[float], settings: AlignmentSettings) -> int | None:
    """The last column starting at or left of ``x0`` (within tolerance); ``starts`` ascend, so a
    bisection finds it: a line of a million cells stays linear."""
    index = bisect.bisect_right(starts, x0 + settings.column_tolerance) - 1
    return index if index >= 0 else None


def _near_a_start(x0: float, starts: list[float], tolerance: float) -> bool:
    index = bisect.bisect_left(starts, x0 - tolerance)
    return index < len(starts) and starts[index] <= x0 + tolerance


def aligned_count(lines: list[Line], settings: AlignmentSettings) -> int:
    """How many lines are full table rows under these settings (to compare two readings)."""
    starts = column_starts(lines, settings)
    return sum(
        1
        for line in lines
        if len(line.segments) >= settings.min_columns
        and all(_near_a_start(s.x0, starts, settings.column_tolerance) for s in line.segments)
    )


def _is_row_line(
    line: Line, starts: list[float], settings: AlignmentSettings, first_wraps: bool = False
) -> bool:
    """Whether ``line`` is a table row or a wrapped line of one. ``first_wraps``: a line in the
    first column alone wraps a row's cell too (see :func:`_wraps_first_column`)."""
    columns = [column_of(s.x0, starts, settings) for s in line.segments]
    if any(c is None for c in columns):
        return False
    if len(line.segments) >= settings.min_columns:
        return True
    # A wrapped line lies right of the first (item) column, unless it spans two columns: a
    # page without an item column wraps its first column too.
    return all(c is not None and (c > 0 or first_wraps) for c in columns) or len(set(columns)) >= 2


def _first_column_only(line: Line, starts: list[float], settings: AlignmentSettings) -> bool:
    return bool(starts) and all(column_of(s.x0, starts, settings) == 0 for s in line.segments)


EMPTY_START = 3  # column tolerances left of the first column found: an empty column's start


def _framed_empty_first(
    lines: list[Line], starts: list[float], settings: AlignmentSettings, rules: PageRules
) -> bool:
    """Whether the page's rules frame a column left of the first column found around its first
    full line (a header repeated on a new page without the label of its item column, and the
    rest of a row a page break cut: random Word layouts, seed 810, six cells under the repeated
    header where the table's rows have seven). Asked where the table the page before ended with
    (if any) has more columns than were found: a short item label centred in a wide column
    lies as far from the table's side as an empty column's edge (random HTML layouts, seed
    4741: "A1" 22 pt in, read as the column after an empty one, a column too many)."""
    if not starts:
        return False
    header = next((line for line in lines if len(line.segments) >= settings.min_columns), None)
    return header is not None and rules.frame_left_of(
        starts[0], header.top, header.top, header.bottom
    )


def _wraps_first_column(
    line: Line,
    starts: list[float],
    placed: list[tuple[float, Block]],
    table_top: float,
    above: float,
    rules: PageRules,
) -> bool:
    """Whether a line alone in the first column, right under a table's rows, wraps a row's cell:

    - the rules frame a column left of it, empty on this page (an item column whose label is on
      the page before, the rest of a row a page break cut: "Subject to the" / "completion" under
      "Update Frequency"); or
    - it goes on with the first cell of the row line above, which has text there, fitting in
      that column, and no rule or fill's edge parts the two lines, in a table whose rules part
      lines above (a style that shades or rules its rows: "有需要時 註：上月數" / "據" / "As and
      when" / "necessary Note:" in "Light Shading"). In a table without rules nothing tells such
      a line from a category printed alone, and it stays a text line."""
    x = starts[0]
    if rules.frame_left_of(x, table_top, line.top, line.bottom):
        return True
    last = placed[-1][1] if placed else None
    if not isinstance(last, TableRow) or not last.cells[0] or len(starts) < 2:
        return False
    fits = all(segment.x1 < starts[1] for segment in line.segments)
    return (
        fits
        and not rules.apart(x, starts[1], above, line.top)
        and rules.apart(x, starts[1], table_top, above)
    )


def _bounded(
    lines: list[Line], first: int, last: int, span: tuple[float, float], rules: PageRules
) -> bool:
    """Whether rules across ``span`` lie right above ``lines[first]`` and right below
    ``lines[last]`` (between them and the lines beside, or within a line's height)."""
    top, bottom = lines[first], lines[last]
    height = bottom.bottom - bottom.top
    above = lines[first - 1].bottom if first else top.top - height
    below = lines[last + 1].top if last + 1 < len(lines) else bottom.bottom + height
    return rules.apart(*span, above, top.top) and rules.apart(*span, bottom.bottom, below)


def _one_row(band: list[Line], starts: list[float], settings: AlignmentSettings) -> bool:
    """Whether a band's lines are one row's: nothing left of the first column, one full line (the
    row's short values), and text in the first column on one line at most (its item label, or
    the header's first label): cells centred top to bottom print them on the middle line. (The
    columns of pieces above and below that line may be known only once the band is one line.)"""
    first, tolerance = starts[0], settings.column_tolerance
    return (
        all(s.x0 >= first - tolerance for line in band for s in line.segments)
        and sum(line.segments[0].x0 <= first + tolerance for line in band) <= 1
        and sum(len(line.segments) >= settings.min_columns for line in band) == 1
    )


def _with_band_columns(
    starts: list[float], bands: list[Line], settings: AlignmentSettings
) -> list[float]:
    """``starts`` and where pieces of the ``bands`` (lines made of a band's) start clear of them
    and of the pieces of the last column so added: values centred in a column, one wider than
    the other, begin apart but overlap (「每日」 over "Everyday": random HTML layouts, seed
    4741, the frequency parted in two columns)."""
    tolerance = settings.column_tolerance
    new: list[float] = []
    reach = -math.inf  # where the last new column's pieces end
    for segment in sorted((s for line in bands for s in line.segments), key=lambda s: s.x0):
        x = segment.x0
        if not _near_a_start(x, starts, tolerance) and not (
            new and (x - new[-1] <= tolerance or x < reach)
        ):
            new.append(x)
            reach = segment.x1
        elif new and x < reach:
            reach = max(reach, segment.x1)
    return sorted([*starts, *new])


def banded_rows(
    lines: list[Line], starts: list[float], settings: AlignmentSettings, rules: PageRules
) -> tuple[list[Line], list[Line]]:
    """``lines`` with each band between two rules across the table that holds one row (see
    :func:`_one_row`) as one line, its pieces in reading order: a table style that rules its
    header and its ends but not its rows ("Light Shading" on a page where it fills no row), with
    cells centred top to bottom, prints a label or a value above or below the line of the row's
    first cell. Two rows or more in a band are left as lines (they may be read a line at a time:
    top-aligned cells). Also the lines made of bands (none: ``lines`` is returned as it is)."""
    if len(starts) < settings.min_columns or len(lines) < 2:
        return lines, []
    span = (starts[0], starts[-1] + settings.column_tolerance)
    out: list[Line] = []
    made: list[Line] = []  # the lines made of bands
    first = 0
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is not None and not rules.apart(*span, line.bottom, after.top):
            continue  # the band goes on
        band = lines[first : index + 1]
        if (
            len(band) > 1
            and _one_row(band, starts, settings)
            and _bounded(lines, first, index, span, rules)
        ):
            boxes = tuple(box for part in band for box in part.where.boxes)
            made.append(
                Line(
                    band[0].top,
                    band[-1].bottom,
                    [segment for part in band for segment in part.segments],
                    Where(band[0].where.page, band[0].where.line, boxes),
                )
            )
            out.append(made[-1])
        else:
            out.extend(band)
        first = index + 1
    return (out, made) if made else (lines, [])


_WORD = regex.compile(r"\S+")
SPLIT_TOLERANCE = 1.0  # a word starts "right at" a column: within one character (pdftotext
# shifts a line by one now and then)


def _inner_words(segment: Segment, measure: Callable[[str], float]) -> Iterator[tuple[int, float]]:
    """Where each word after the first of a segment starts: its index in the text and its x
    (the text measured from the segment's start). Linear in its length."""
    text, x, end = segment.text, segment.x0, 0
    for word in _WORD.finditer(text):
        x += measure(text[end : word.start()])
        if word.start():
            yield word.start(), x
        x += measure(word.group())
        end = word.end()


def split_at_columns(
    segment: Segment, starts: list[float], settings: AlignmentSettings
) -> list[Segment]:
    """``segment`` cut where a word after a space starts at a column start inside it; the segment
    itself where the units are not exact or no column starts inside it. Linear in its length."""
    measure = settings.measure
    first = bisect.bisect_right(starts, segment.x0 + settings.column_tolerance)
    if measure is None or first >= len(starts) or starts[first] >= segment.x1:
        return [segment]
    pieces: list[Segment] = []
    text, cut, cut_x, column = segment.text, 0, segment.x0, first
    for start, x in _inner_words(segment, measure):
        while column < len(starts) and starts[column] < x - SPLIT_TOLERANCE:
            column += 1
        if column < len(starts) and abs(starts[column] - x) <= SPLIT_TOLERANCE:
            pieces.append(Segment(cut_x, x, text[cut:start].rstrip()))
            cut, cut_x = start, x
    if not pieces:
        return [segment]
    pieces.append(Segment(cut_x, segment.x1, text[cut:]))
    return pieces


# A space between two CJK characters: Chinese text puts no space between its words, so in a line
# of a character grid it parts two cells pdftotext set one space apart ("二〇二二年第三 每季": a
# value as wide as its column, the next column's after it). (A note label parted so from its
# value, 「… 註：…」, is still the row's note: notes are taken from any cell.) Not a space
# beside a digit ("2020 年 12 月": Word sets spaces around numbers in Chinese text) or a Latin
# letter (a bilingual cell).
_CJK_SPACE = regex.compile(rf"(?<=[{CJK_CHARACTERS}]) (?=[{CJK_CHARACTERS}])")


def _filled_columns(
    lines: list[Line], starts: list[float], settings: AlignmentSettings
) -> list[int]:
    """For each column, how many of the page's full lines (table rows, the header) have a
    segment starting in it."""
    counts = [0] * len(starts)
    for line in lines:
        if len(line.segments) >= settings.min_columns:
            for column in {column_of(s.x0, starts, settings) for s in line.segments}:
                if column is not None:
                    counts[column] += 1
    return counts


_Piece = tuple[int | None, float, str]  # a row line's piece of text: its column, x and text


def _open_after(
    column: int | None, starts: list[float], filled: list[int], used: set[int | None]
) -> int | None:
    """The column after ``column`` where it is empty on the line (none of ``used``) and filled
    on others (by the header and a row at least): where pdftotext's pushed values belong."""
    after = column + 1 if column is not None else len(starts)
    return after if after < len(starts) and after not in used and filled[after] >= 2 else None


def _crossing_parted(
    pieces: list[_Piece], starts: list[float], filled: list[int], settings: AlignmentSettings
) -> list[_Piece]:
    """The pieces, one that runs on past the next column's start parted at a word from two
    tolerances left of that start to one right of it (the last at or left of the start, else the
    first), where the next column is open (:func:`_open_after`):
    pdftotext sets a value as wide as its column one space from the next column's, a few
    characters left of it ("List of Children and Youth Centres Twice daily", "… rating of
    Statistics Section": random layouts as text, seeds 2032, 2033)."""
    measure = settings.measure
    assert measure is not None
    tolerance = settings.column_tolerance
    used = {column for column, _, _ in pieces}
    out: list[_Piece] = []
    for column, x0, text in pieces:
        after = _open_after(column, starts, filled, used)
        end = x0 + measure(text)
        if after is None or end <= starts[after] + tolerance:
            out.append((column, x0, text))
            continue
        start = starts[after]
        words = _inner_words(Segment(x0, end, text), measure)
        near = [(i, x) for i, x in words if start - 2 * tolerance <= x <= start + tolerance]
        if not near:
            out.append((column, x0, text))
            continue
        # the next value's first word, pushed left: the last there at or left of the start
        # ("… Part II Every 3 months": "Every", not "II"), else the first
        left = [word for word in near if word[1] <= start + SPLIT_TOLERANCE]
        cut, x = left[-1] if left else near[0]
        out += [(column, x0, text[:cut].rstrip()), (after, x, text[cut:])]
        used.add(after)
    return out


def _nearer_next(
    pieces: list[_Piece], starts: list[float], filled: list[int], settings: AlignmentSettings
) -> list[_Piece]:
    """The pieces, one off its column's start and nearer the next column's that column's where
    it is open (:func:`_open_after`): a value after one as wide as its column pushed left of its
    own ("年底^  XLSX、XML" under 「目標發放日期」 and 「數據格式」; random layouts as text, seed
    2025). A centred value starts in its column's left half and stays."""
    used = {column for column, _, _ in pieces}
    out: list[_Piece] = []
    for column, x0, text in pieces:
        after = _open_after(column, starts, filled, used)
        if after is not None:
            own, next_start = starts[after - 1], starts[after]
            if x0 - own > settings.column_tolerance and next_start - x0 < x0 - own:
                used.add(after)
                column = after
        out.append((column, x0, text))
    return out


def _parted_at_cjk_spaces(
    pieces: list[_Piece], filled: list[int], measure: Callable[[str], float]
) -> list[_Piece]:
    """The pieces, one parted at its spaces between CJK characters (see
    _CJK_SPACE) where as many columns right of it, before the next piece's, are empty on the
    line and filled on others ("資訊科技管理組 每年" under 「負責組別」 and 「更新頻率」: seeds
    2001, 2007, 2010). A column only the header fills (remarks no row has) takes nothing."""
    # each piece's next piece's column (the table's end after the last): one pass from the right,
    # so that a line of a million pieces stays linear
    following: list[int] = []
    column_after = len(filled)
    for column, _, _ in reversed(pieces):
        following.append(column_after)
        if column is not None:
            column_after = column
    following.reverse()
    out: list[_Piece] = []
    for (column, x0, text), before in zip(pieces, following, strict=True):
        if column is None or not (spaces := [m.start() for m in _CJK_SPACE.finditer(text)]):
            out.append((column, x0, text))
            continue
        empty = [c for c in range(column + 1, before) if filled[c] >= 2]
        if len(empty) != len(spaces):
            out.append((column, x0, text))
            continue
        bounds = [0, *[space + 1 for space in spaces], len(text)]
        out.extend(
            (part_column, x0 + measure(text[:a]), text[a:b].strip())
            for part_column, (a, b) in zip(
                [column, *empty], itertools.pairwise(bounds), strict=True
            )
        )
    return out


def _on_the_grid(
    pieces: list[_Piece],
    starts: list[float],
    filled: list[int],
    settings: AlignmentSettings,
    full: bool,
) -> list[_Piece]:
    """A row line's pieces in their columns, where pdftotext set them off their columns' grid
    positions (a value as wide as its column pushes the next one left): parted where a value
    runs on past the next column's start, moved where one is nearer the next column's start,
    parted at spaces between CJK characters. The partings only in a ``full`` line (the row's
    first: under it, the columns a wrapped line leaves empty are most of them)."""
    if not full:
        return _nearer_next(pieces, starts, filled, settings)
    pieces = _nearer_next(
        _crossing_parted(pieces, starts, filled, settings), starts, filled, settings
    )
    assert settings.measure is not None
    return _parted_at_cjk_spaces(pieces, filled, settings.measure)


def _row_parted(lines: list[list[_Piece]], measure: Callable[[str], float]) -> list[list[_Piece]]:
    """A row's lines' pieces (as :func:`_on_the_grid` places them), a piece parted where a word
    of it starts right at (within :data:`SPLIT_TOLERANCE`) where another line of the row starts
    a later column's text, that column empty on the piece's line: pdftotext keeps a row's columns
    at one place down its lines, and sets a value one space from the next column's where it is
    as wide as its column (random layouts as pdftotext text, seeds 9001, 9040: "Management Unit
    C. Radiological quality)", "Note: Data of the Hong Kong", the name's and the description's
    last lines run into the contact unit and the note). A row of one line is as it is."""
    if len(lines) < 2:
        return lines
    # where pieces start: rounded x → column → (x, its line, or None for several), so that a
    # word finds them by a look-up, and a row of a million lines stays linear
    at: dict[int, dict[int, tuple[float, int | None]]] = {}
    for number, line in enumerate(lines):
        for column, x0, _ in line:
            if column is not None:
                here = at.setdefault(round(x0), {})
                seen = here.get(column)
                here[column] = (x0, number if seen is None or seen[1] == number else None)
    parted: list[list[_Piece]] = []
    for number, line in enumerate(lines):
        used = {column for column, _, _ in line}
        out: list[_Piece] = []
        for column, x0, text in line:
            if column is None:
                out.append((column, x0, text))
                continue
            cut, cut_x = 0, x0
            for index, x in _inner_words(Segment(x0, x0 + measure(text), text), measure):
                later = min(
                    (
                        c
                        for key in range(round(x) - 1, round(x) + 2)
                        for c, (start, n) in at.get(key, {}).items()
                        if c > column
                        and c not in used
                        and n != number
                        and abs(start - x) <= SPLIT_TOLERANCE
                    ),
                    default=None,
                )
                if later is None:
                    continue
                out.append((column, cut_x, text[cut:index].rstrip()))
                used.add(later)
                column, cut, cut_x = later, index, x
            out.append((column, cut_x, text[cut:]))
        parted.append(out)
    return parted


def aligned_blocks(
    lines: list[Line],
    settings: AlignmentSettings,
    table_base: int,
    rules: PageRules | None = None,
    carried: int | None = None,
) -> tuple[list[tuple[float, Block]], int]:
    """Blocks (with their top, for ordering) of lines outside ruled tables; the new table count.
    A line alone in the first column, right under the table's rows, is a text line (a category,
    a note) unless the page's ``rules`` say it wraps a row's cell (:func:`_wraps_first_column`).
    ``carried``: how many columns the table the page before ended with has, if it ended with
    one (see :func:`_framed_empty_first`)."""
    starts = column_starts(lines, settings, rules)
    if rules is not None:
        lines, made = banded_rows(lines, starts, settings, rules)
        # a band's lines as one: the labels and values above and below its middle line start
        # columns too ("Update" / "Frequency" over and under "Twice daily")
        starts = _with_band_columns(starts, made, settings) if made else starts
    if (
        rules is not None
        and (carried is None or len(starts) < carried)
        and _framed_empty_first(lines, starts, settings, rules)
    ):
        # a column of the table left of the first with text, empty on this page: its own
        # (empty) cells keep the rows as wide as the table's rows on other pages
        starts = [starts[0] - EMPTY_START * settings.column_tolerance, *starts]
    filled = _filled_columns(lines, starts, settings) if settings.measure is not None else []
    placed: list[tuple[float, Block]] = []
    group: list[tuple[int, list[_Piece]]] = []  # the row's lines so far: where placed, pieces

    def end_row() -> None:
        if settings.measure is not None and len(group) > 1:
            parted = _row_parted([pieces for _, pieces in group], settings.measure)
            for (index, _), pieces in zip(group, parted, strict=True):
                top, row = placed[index]
                assert isinstance(row, TableRow)
                placed[index] = (top, replace(row, cells=_cells(pieces, len(starts))))
        group.clear()

    tables = table_base
    in_table = False
    table_top = previous_bottom = float("-inf")
    before: Line | None = None  # the line before, where it was placed as a text line
    for line in lines:
        close = line.top - previous_bottom <= settings.max_row_gap * (line.bottom - line.top)
        first_wraps = (
            in_table
            and close
            and rules is not None
            and _first_column_only(line, starts, settings)
            and _wraps_first_column(line, starts, placed, table_top, previous_bottom, rules)
        )
        row_like = len(starts) >= settings.min_columns and _is_row_line(
            line, starts, settings, first_wraps
        )
        full = len(line.segments) >= settings.min_columns
        previous_bottom = line.bottom
        if row_like and (full or (in_table and close)):
            if not in_table:
                tables += 1
                table_top = line.top
            if full or not in_table:
                end_row()
            in_table = True
            segments = [
                segment
                for whole in line.segments
                for segment in split_at_columns(whole, starts, settings)
            ]
            columns = _centred_over_next(segments, starts, settings)
            pieces = [
                (column, segment.x0, segment.text)
                for column, segment in zip(columns, segments, strict=True)
            ]
            if settings.measure is not None:
                pieces = _on_the_grid(pieces, starts, filled, settings, full)
            where, top = line.where, line.top
            if table_top == line.top and before is not None and settings.measure is None:
                above = _label_above(before, line, starts, settings)
                if above:  # the header's first line: its tallest label's start
                    placed.pop()
                    pieces = [*above, *pieces]
                    where = replace(where, boxes=(*before.where.boxes, *where.boxes))
                    top = before.top
            group.append((len(placed), pieces))
            row = TableRow(cells=_cells(pieces, len(starts)), where=where, table=tables)
            placed.append((top, row))
            before = None
        else:
            # A line of text right under the table's rows (the last line of a header label in
            # the first column, "Target Release" / "Date") does not end the table: the rows' lines
            # below it are still its rows' ("Manageme" / "nt Unit" of a row a page break cut).
            in_table = in_table and close
            end_row()
            placed.append((line.top, TextLine(text=line.text, where=line.where)))
            before = line
    end_row()
    if settings.measure is None:  # a page's lines, where gaps between them are measured
        placed = _lines_above_labels(placed)
    return placed, tables


def _label_above(
    before: Line, first: Line, starts: list[float], settings: AlignmentSettings
) -> list[_Piece]:
    """The pieces of the line right above a table's first line (a line's height at most between
    them, no piece in the first column, each in a column) that are the start of its labels:
    a header whose cells are centred top to bottom prints its tallest label's first line above
    the others (「目標發放日」 over 「期」: HTML exploration with borders, seed 5024; read as a
    text line, it was taken for the first row's category); none where it is not so."""
    gap = first.top - before.bottom
    if not before.segments or gap > first.bottom - first.top:
        return []
    columns = [column_of(s.x0, starts, settings) for s in before.segments]
    if any(c is None or c == 0 for c in columns):
        return []
    return [(c, s.x0, s.text) for c, s in zip(columns, before.segments, strict=True) if c]


ROW_GAP_MARGIN = 1.0  # points: a gap wider than every other gap by this much parts two rows
PADDING_SHARE = 0.25  # of a line's height: how much wider the gaps under padded rows are
MIN_BANDED_LINES = 3  # fewer lines tell no two kinds of gap apart


def padded_bands(spans: Sequence[tuple[float, float]]) -> list[int] | None:
    """The rows of a table's lines (their tops and bottoms, top to bottom) where padding sets its
    rows apart: the index of each row's first line. The gaps between lines then fall into two
    kinds, narrow between the lines of one row (the lines of cells centred top to bottom
    overlap) and wide under each row's padding, and the widest narrow gap is narrower than the
    narrowest wide one by :data:`PADDING_SHARE` of a line's height and :data:`ROW_GAP_MARGIN` at
    least. None where they do not: rows without padding (Word's), rows a line each, one row."""
    if len(spans) < MIN_BANDED_LINES:
        return None
    gaps = []  # lines that overlap (cells centred top to bottom) are no gap apart
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        gaps.append(max(0.0, top - reach))
        reach = max(reach, bottom)
    ordered = sorted(gaps)
    jump, at = max((b - a, n) for n, (a, b) in enumerate(itertools.pairwise(ordered)))
    heights = sorted(bottom - top for top, bottom in spans)
    if jump < max(ROW_GAP_MARGIN, PADDING_SHARE * heights[len(heights) // 2]):
        return None
    wide = ordered[at + 1]
    return [0, *(n + 1 for n, gap in enumerate(gaps) if gap >= wide)]


def _lines_above_labels(placed: list[tuple[float, Block]]) -> list[tuple[float, Block]]:
    """The rows read a line at a time with the lines above an item label's line that are its
    row's joined into it: cells centred top to bottom put a row's first lines above its label
    (HTML exploration with borders, seed 5001: an unruled table, a name over three lines beside
    "1." on the middle one), and the structure stage would have merged them into the row above.
    Between two labels (or a table's first line and its first label), the lines are parted where
    the gap between two of them is wider than every other gap there by :data:`ROW_GAP_MARGIN`
    (the padding between two rows); the lines after it go down to the label's row. Above a
    table's first label, the lines before that gap are one row too, the header's: its labels
    centred top to bottom are lines of their own, a label's first line above another's first
    ("Update" / "Frequency" beside "Item", "Target Release" / "Date" of a bilingual header, seed
    5042: read a line at a time, the English header's first line was taken for no header and
    "Date" for a label of its own). Where no gap stands out (cells set at their top, rows
    without padding) nothing moves."""
    out = list(placed)
    run: list[int] = []  # indexes in ``out`` of the current table's rows since its last label
    table: int | None = None
    first_run = False  # ``run`` starts at the table's first line, no label seen yet
    moved: set[int] = set()
    for index, (_, block) in enumerate(placed):
        if not isinstance(block, TableRow) or block.table != table:
            run = []
            table = block.table if isinstance(block, TableRow) else None
            first_run = isinstance(block, TableRow)
        if not isinstance(block, TableRow):
            continue
        labelled = bool(block.cells) and _is_label(block.cells[0])
        if labelled and len(run) >= 2 and (cut := _widest_gap(placed, [*run, index])):
            down = run[cut:]  # between the widest gap and the label
            if down:
                moved.update(down)
                rows = [row for i in down if isinstance(row := placed[i][1], TableRow)]
                out[index] = (placed[down[0]][0], _joined_rows([*rows, block]))
            if first_run and cut >= 2:
                moved.update(run[1:cut])
                rows = [row for i in run[:cut] if isinstance(row := placed[i][1], TableRow)]
                out[run[0]] = (placed[run[0]][0], _joined_rows(rows))
        if labelled:
            first_run = False
        run = [index] if labelled else [*run, index]
    return [item for index, item in enumerate(out) if index not in moved]


def _is_label(cell: tuple[str, ...]) -> bool:
    return len(cell) == 1 and parse_item_no(cell[0]) is not None


def _widest_gap(placed: list[tuple[float, Block]], run: list[int]) -> int | None:
    """Where the widest gap between the rows of ``run`` (their indexes in ``placed``; the last a
    label's row, the first the row above's label or the table's first line) lies, as the index
    in ``run`` of the row under it, where that gap stands out; else None."""
    boxes = [placed[i][1].where.boxes for i in run]
    if any(not b for b in boxes):
        return None
    tops = [min(box.top for box in b) for b in boxes]
    bottoms = [max(box.bottom for box in b) for b in boxes]
    gaps = [below - above for above, below in zip(bottoms, tops[1:], strict=False)]
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    others = [gap for n, gap in enumerate(gaps) if n != widest]
    if not others or gaps[widest] < max(others) + ROW_GAP_MARGIN:
        return None
    return widest + 1


def _joined_rows(rows: list[TableRow]) -> TableRow:
    """Rows read a line at a time as one row: each column's pieces in order, the boxes all."""
    width = max(len(row.cells) for row in rows)
    cells = tuple(
        tuple(piece for row in rows if column < len(row.cells) for piece in row.cells[column])
        for column in range(width)
    )
    boxes = tuple(box for row in rows for box in row.where.boxes)
    return replace(rows[-1], cells=cells, where=replace(rows[-1].where, boxes=boxes))


def _centred_over_next(
    segments: list[Segment], starts: list[float], settings: AlignmentSettings
) -> list[int | None]:
    """The column of each of a row line's segments: the last starting at or left of it; but a
    segment after one of the same column that runs across the next column's start, where no
    segment of the line is in that column, is that column's. A column's start is where its
    values begin that begin furthest left; a value centred in its column wider than those
    begins left of it (random HTML layouts, seed 4527, a monospaced font: "Quarterly" under
    「每季」, read as the name's beside "Wage and Payroll", the frequency lost). A line's
    segments lie a gap apart, so a second one in a column is rarely the same cell's text."""
    columns = [column_of(segment.x0, starts, settings) for segment in segments]
    used = set(columns)
    for index in range(1, len(segments)):
        column = columns[index]
        if (
            column is not None
            and column == columns[index - 1]
            and column + 1 < len(starts)
            and segments[index].x0 < starts[column + 1] < segments[index].x1
            and column + 1 not in used
        ):
            columns[index] = column + 1
            used.add(column + 1)
    return columns


def _cells(pieces: list[_Piece], count: int) -> tuple[tuple[str, ...], ...]:
    """A line's pieces as the cells of a row of ``count`` columns (a piece of no column: the
    first's)."""
    cells: list[list[str]] = [[] for _ in range(count)]
    for column, _, text in pieces:
        cells[column if column is not None else 0].append(text)
    return tuple(tuple(c) for c in cells)
