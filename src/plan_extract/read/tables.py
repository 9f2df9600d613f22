"""Ruled tables from ruling lines: edges → snap and join → intersections → cells → tables.

The same chain of small pure functions as pdfplumber's ``TableFinder`` (and the same defaults), over
our own :class:`Edge` values, so that every PDF reader finds the same cells from the same lines:
a reader only turns its library's path objects into edges (:func:`polyline_edges`). Every stage's
result can be inspected on its own, as pdfplumber's ``.edges``, ``.intersections``, ``.cells``.

One deliberate difference from pdfplumber: a diagonal line is no edge (pdfplumber calls a sloping
``line`` object vertical); plan tables have no diagonal rules.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Literal, NamedTuple, Protocol

from ..errors import PlanExtractError

Orientation = Literal["h", "v"]
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]  # x, top
Columns = list[tuple[float, float]]  # each column's left and right


class Edge(NamedTuple):
    """A horizontal or vertical ruling segment, in points from the page's top-left."""

    orientation: Orientation
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.orientation == "h" else self.bottom - self.top


@dataclass(frozen=True)
class TableSettings:
    """pdfplumber's defaults for the "lines" strategy, in points; validated on creation."""

    snap_tolerance: float = 3.0  # parallel edges this close are moved onto their average
    join_tolerance: float = 3.0  # collinear edges with gaps this small become one
    edge_min_length: float = 3.0  # shorter edges (after joining) are ignored
    edge_min_length_prefilter: float = 1.0  # shorter edges are ignored before joining
    intersection_tolerance: float = 3.0  # how far an edge may stop short of a crossing

    def __post_init__(self) -> None:
        if min(vars(self).values()) < 0:
            raise PlanExtractError(f"invalid table settings (negative value): {self}")


DEFAULT_SETTINGS = TableSettings()


def polyline_edges(points: Sequence[Point]) -> list[Edge]:
    """Edges of the segments between consecutive points that are horizontal or vertical.

    Both readers describe every path (line, rectangle, curve) as the polyline of its segments'
    end points, as pdfminer does (Bézier control points are not on the path's outline)."""
    edges = []
    for (xa, ya), (xb, yb) in pairwise(points):
        if xa == xb:
            edges.append(Edge("v", xa, min(ya, yb), xa, max(ya, yb)))
        elif ya == yb:
            edges.append(Edge("h", min(xa, xb), ya, max(xa, xb), ya))
    return edges


def _position(edge: Edge) -> float:
    """Where an edge lies across its direction: x of a vertical edge, top of a horizontal one."""
    return edge.x0 if edge.orientation == "v" else edge.top


def _start(edge: Edge) -> float:
    return edge.top if edge.orientation == "v" else edge.x0


def _end(edge: Edge) -> float:
    return edge.bottom if edge.orientation == "v" else edge.x1


def _clusters(values: list[float], tolerance: float) -> dict[float, int]:
    """Cluster number of each distinct value; a value within ``tolerance`` of the previous one
    (in sorted order) joins its cluster (pdfplumber's ``cluster_list``)."""
    numbers: dict[float, int] = {}
    previous: float | None = None
    cluster = -1
    for value in sorted(set(values)):
        if previous is None or value > previous + tolerance:
            cluster += 1
        numbers[value] = cluster
        previous = value
    return numbers


def snap_edges(edges: list[Edge], tolerance: float) -> list[Edge]:
    """Move parallel edges whose positions are within ``tolerance`` onto their average."""
    snapped: list[Edge] = []
    for orientation in ("v", "h"):
        group = [e for e in edges if e.orientation == orientation]
        numbers = _clusters([_position(e) for e in group], tolerance)
        members: dict[int, list[Edge]] = defaultdict(list)
        for edge in group:
            members[numbers[_position(edge)]].append(edge)
        for cluster in sorted(members):
            items = members[cluster]
            average = sum(_position(e) for e in items) / len(items)
            if orientation == "v":
                snapped.extend(Edge("v", average, e.top, average, e.bottom) for e in items)
            else:
                snapped.extend(Edge("h", e.x0, average, e.x1, average) for e in items)
    return snapped


def join_edges(edges: list[Edge], tolerance: float) -> list[Edge]:
    """Join collinear edges that overlap or whose gap is at most ``tolerance``."""
    lines: dict[tuple[str, float], list[Edge]] = defaultdict(list)
    for edge in edges:
        lines[(edge.orientation, _position(edge))].append(edge)
    joined: list[Edge] = []
    for key in sorted(lines):
        vertical = key[0] == "v"
        run: list[Edge] = []
        for edge in sorted(lines[key], key=_start):
            if run and _start(edge) <= _end(run[-1]) + tolerance:
                if _end(edge) > _end(run[-1]):
                    o, x0, top, x1, bottom = run[-1]
                    run[-1] = (
                        Edge(o, x0, top, x1, edge.bottom)
                        if vertical
                        else Edge(o, x0, top, edge.x1, bottom)
                    )
            else:
                run.append(edge)
        joined.extend(run)
    return joined


def dotted_rules(edges: list[Edge], settings: TableSettings = DEFAULT_SETTINGS) -> list[Edge]:
    """``edges`` with each dotted or finely dashed rule as one edge: a browser (Chromium's Skia)
    draws a dotted border as a square path per dot, sides under a point long, which the table
    finder's prefilter (:attr:`TableSettings.edge_min_length_prefilter`, pdfplumber's) leaves
    out, so a table in dotted rules had no cells (HTML exploration, seed 5008). Such pieces in
    line, no further apart than the join tolerance, joined as long as a rule
    (:attr:`TableSettings.edge_min_length`), are that rule (a dot's two sides along it, two
    rules a dot apart, which the table finder snaps together); the other short pieces (a dot's
    sides across the rule, a bullet) stay as they are. The rest of the edges are returned as given."""
    short = [e for e in edges if e.length < settings.edge_min_length_prefilter]
    if len(short) < 3:  # no rule of dots: most pages
        return edges
    # not snapped: the sides of a horizontal rule's dots across it, each a little right of the
    # last, would snap, one after another, into one place
    pieces = join_edges(short, settings.join_tolerance)
    rules = [e for e in pieces if e.length >= settings.edge_min_length]
    if not rules:
        return edges
    return [e for e in edges if e.length >= settings.edge_min_length_prefilter] + rules


def merge_edges(edges: Iterable[Edge], settings: TableSettings = DEFAULT_SETTINGS) -> list[Edge]:
    """The ruling lines a table finder works with: long enough, snapped, joined."""
    base = [e for e in edges if e.length >= settings.edge_min_length_prefilter]
    merged = join_edges(snap_edges(base, settings.snap_tolerance), settings.join_tolerance)
    return [e for e in merged if e.length >= settings.edge_min_length]


Intersections = dict[Point, tuple[frozenset[Edge], frozenset[Edge]]]


def intersections(edges: list[Edge], tolerance: float = 3.0) -> Intersections:
    """Points where a vertical edge meets a horizontal one (within ``tolerance``), with the
    vertical and horizontal edges through each point."""
    verticals = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    found: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    reach = [
        (h.top + tolerance, h.top - tolerance, h.x0 - tolerance, h.x1 + tolerance, h)
        for h in horizontals
    ]
    for v in verticals:
        x, top, bottom = v.x0, v.top, v.bottom
        for below_top, above_top, left, right, h in reach:
            if top <= below_top and bottom >= above_top and left <= x <= right:
                through = found.get((x, h.top))
                if through is None:
                    through = found[x, h.top] = (set(), set())
                through[0].add(v)
                through[1].add(h)
    return {point: (frozenset(vs), frozenset(hs)) for point, (vs, hs) in found.items()}


def cells(points: Intersections) -> list[BBox]:
    """The smallest rectangle whose four corners are intersections joined by edges, for each
    intersection as top-left corner (pdfplumber's ``intersections_to_cells``)."""

    by_x: dict[float, list[Point]] = defaultdict(list)
    by_y: dict[float, list[Point]] = defaultdict(list)
    ordered = sorted(points)
    # (x, y) order: each column's points are in y order and each row's in x order, so the
    # points below a corner are those after it in its column, and likewise right of it
    place: dict[Point, tuple[int, int]] = {}
    for point in ordered:
        column, row = by_x[point[0]], by_y[point[1]]
        place[point] = (len(column) + 1, len(row) + 1)
        column.append(point)
        row.append(point)
    found = []
    for corner in ordered:
        after_in_column, after_in_row = place[corner]
        below = by_x[corner[0]][after_in_column:]
        right = by_y[corner[1]][after_in_row:]
        cell = _smallest_cell(corner, below, right, points)
        if cell is not None:
            found.append(cell)
    return found


def _without_containers(found: list[BBox]) -> list[BBox]:
    """The cells but those that hold another cell inside them: a box whose corners are joined
    around rows Word's "Light List" leaves unruled (a merged cell cuts the rules between them, the
    unruled rows have no inner rules) while the rows between are ruled, found as one cell over
    them all and theirs; those rows are read as rows between ruled ones instead
    (:func:`join_stacked`). Only cells that another cell starts or ends beside, part way down,
    are looked at (a page's merged cells, few): the rest hold no row of cells. (Ends too: a
    category merged beside a ruled row and an unruled one below it, the table's outer rules
    made one cell of both, over the ruled row's cells, whose text was lost: seed 1567.)"""
    t = ROW_EDGE_TOLERANCE
    tops = sorted({cell[1] for cell in found})
    bottoms = sorted({cell[3] for cell in found})
    spanning = [
        big for big in found if _part_way_down(tops, big, t) or _part_way_down(bottoms, big, t)
    ]
    containers = {
        big
        for big in spanning
        if any(
            cell != big
            and big[0] - t <= cell[0]
            and cell[2] <= big[2] + t
            and big[1] - t <= cell[1]
            and cell[3] <= big[3] + t
            for cell in found
        )
    }
    return [cell for cell in found if cell not in containers] if containers else found


def _part_way_down(ys: list[float], cell: BBox, tolerance: float) -> bool:
    """Whether one of ``ys`` (ascending) lies between ``cell``'s top and bottom."""
    i = bisect.bisect_right(ys, cell[1] + tolerance)
    return i < len(ys) and ys[i] < cell[3] - tolerance


def _smallest_cell(
    corner: Point, below: list[Point], right: list[Point], points: Intersections
) -> BBox | None:
    """The smallest cell with ``corner`` as its top-left corner: a point below joined to it by
    a vertical edge, one right of it by a horizontal edge, and the opposite corner joined to
    both (points in one column are joined by a shared vertical edge, in one row by a shared
    horizontal one)."""
    verticals, horizontals = points[corner]
    for down in below:
        if verticals.isdisjoint(points[down][0]):
            continue
        across_down = points[down][1]
        for across in right:
            if horizontals.isdisjoint(points[across][1]):
                continue
            opposite = (across[0], down[1])
            if (
                opposite in points
                and not points[opposite][0].isdisjoint(points[across][0])
                and not points[opposite][1].isdisjoint(across_down)
            ):
                return (corner[0], corner[1], opposite[0], opposite[1])
    return None


def group_cells(found: list[BBox], lone: bool = False) -> list[list[BBox]]:
    """Cells → tables: cells sharing a corner belong to one table; single cells are no table
    (with ``lone``, each is a group of its own too). Tables in reading order of their top-left
    cell (pdfplumber's ``cells_to_tables``)."""
    # Connected components over shared corners (union-find), in linear time: pdfplumber's
    # repeated scans of the remaining cells are quadratic in the number of cells.
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for index, (x0, top, x1, bottom) in enumerate(found):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = owner.setdefault(corner, index)
            if other != index:
                parent[root(index)] = root(other)
    groups: dict[int, list[BBox]] = defaultdict(list)
    for index, cell in enumerate(found):
        groups[root(index)].append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return tables if lone else [t for t in tables if len(t) > 1]


@dataclass(frozen=True)
class GridRow:
    """One row of a ruled table: per column, the cell that starts there, or None where no cell
    starts (a merged cell from above or from the left covers it, or the table has a hole). A
    row where no cell starts (a band between the bottom of some cells and the next row, see
    :attr:`Table.rows`) has its box as ``band``."""

    cells: tuple[BBox | None, ...]
    band: BBox | None = None

    @property
    def bbox(self) -> BBox:
        present = [c for c in self.cells if c is not None]
        if not present and self.band is not None:
            return self.band
        return (
            min(c[0] for c in present),
            min(c[1] for c in present),
            max(c[2] for c in present),
            max(c[3] for c in present),
        )


@dataclass(frozen=True)
class Table:
    """A ruled table: its cells (merged cells are one cell spanning several rows or columns)."""

    cells: tuple[BBox, ...]

    @cached_property
    def bbox(self) -> BBox:
        c = self.cells
        return (
            min(b[0] for b in c),
            min(b[1] for b in c),
            max(b[2] for b in c),
            max(b[3] for b in c),
        )

    @property
    def columns(self) -> list[float]:
        """The x positions where cells start: one column each."""
        return sorted({c[0] for c in self.cells})

    @property
    def rows(self) -> list[GridRow]:
        """Rows top to bottom, each with one entry per column: one per distinct cell top, and a
        band where cells end but none starts, down to the next row (a row Word's "Medium Shading
        2" draws without cells, beside a merged cell: no cell starts in it)."""
        starts: dict[float, dict[float, BBox]] = defaultdict(dict)
        for cell in self.cells:
            starts[cell[1]][cell[0]] = cell
        columns = self.columns
        x0, _, x1, bottom = self.bbox
        tops = sorted(starts)
        bands = sorted({cell[3] for cell in self.cells} - set(starts) - {bottom})
        rows = [(top, GridRow(tuple(starts[top].get(x) for x in columns))) for top in tops]
        for y in bands:
            below = bisect.bisect_right(tops, y)
            end = tops[below] if below < len(tops) else bottom
            rows.append((y, GridRow((None,) * len(columns), (x0, y, x1, end))))
        return [row for _, row in sorted(rows, key=lambda pair: pair[0])]

    @cached_property
    def first_columns(self) -> Columns | None:
        """The columns of the table's first row (:func:`edge_row`)."""
        return edge_row(self, last=False)

    @cached_property
    def last_columns(self) -> Columns | None:
        """The columns of the table's last row (:func:`edge_row`)."""
        return edge_row(self, last=True)

    def covers(self, x: float, top: float) -> bool:
        """Whether some cell contains the point, counting a cell's left and top edges as in it
        and its right and bottom edges as out: the corner where a missing cell would start is
        covered by a merged cell spanning it, not by the neighbours that merely touch it."""
        return any(c[0] <= x < c[2] and c[1] <= top < c[3] for c in self.cells)


class TooManyLinesError(PlanExtractError):
    """A page has more crossings of ruling lines than any table: finding cells would take hours."""

    def __init__(self, crossings: int, limit: int) -> None:
        super().__init__(f"{crossings} crossings of ruling lines, over the limit of {limit}")
        self.crossings = crossings
        self.limit = limit


MAX_CROSSINGS = 20_000  # vertical x horizontal ruling lines; a plan's table page has ~1,000


def find_tables(
    edges: Iterable[Edge], settings: TableSettings = DEFAULT_SETTINGS, min_columns: int = 1
) -> list[Table]:
    """Ruled tables of a page from its edges; fewer than ``min_columns`` columns is not a table.
    TooManyLinesError when there are more than MAX_CROSSINGS possible crossings."""
    tables, _ = tables_and_lone_cells(edges, settings)
    return [t for t in tables if len(t.columns) >= min_columns]


def tables_and_lone_cells(
    edges: Iterable[Edge], settings: TableSettings = DEFAULT_SETTINGS
) -> tuple[list[Table], list[BBox]]:
    """The ruled tables of a page (:func:`find_tables`), and the cells that touch no other: not
    tables (pdfplumber drops them), but a row's first cell a table style fills apart from the
    rest of the row (:func:`join_side_by_side`)."""
    return tables_in(merge_edges(edges, settings), settings)


def tables_in(
    merged: list[Edge], settings: TableSettings = DEFAULT_SETTINGS, containers: bool = True
) -> tuple[list[Table], list[BBox]]:
    """:func:`tables_and_lone_cells` of edges already merged (:func:`merge_edges`); without
    ``containers``, cells holding other cells are left out (:func:`_without_containers`: the
    reader's choice; pdfplumber keeps them)."""
    verticals = sum(e.orientation == "v" for e in merged)
    crossings = verticals * (len(merged) - verticals)
    if crossings > MAX_CROSSINGS:
        raise TooManyLinesError(crossings, MAX_CROSSINGS)
    found = cells(intersections(merged, settings.intersection_tolerance))
    if not containers:
        found = _without_containers(found)
    groups = group_cells(found, lone=True)
    tables = [Table(tuple(group)) for group in groups if len(group) > 1]
    return tables, [group[0] for group in groups if len(group) == 1]


ROW_EDGE_TOLERANCE = 1.0  # points: two tables' row edges this close are the same row's


def _row_edges(table: Table) -> list[float]:
    return sorted({y for cell in table.cells for y in (cell[1], cell[3])})


def _same_rows(a: Table, b: Table) -> bool:
    edges_a, edges_b = _row_edges(a), _row_edges(b)
    return len(edges_a) == len(edges_b) and all(
        abs(p - q) <= ROW_EDGE_TOLERANCE for p, q in zip(edges_a, edges_b, strict=True)
    )


def _gap_cells(left: Table, right: Table) -> tuple[BBox, ...]:
    """A cell per row between two tables with the same rows (none where they touch)."""
    x0, x1 = left.bbox[2], right.bbox[0]
    if x1 - x0 <= ROW_EDGE_TOLERANCE:
        return ()
    edges = _row_edges(left)
    return tuple((x0, top, x1, bottom) for top, bottom in pairwise(edges))


def join_side_by_side(tables: list[Table], lone: Sequence[BBox] = ()) -> list[Table]:
    """Tables side by side whose rows have the same edges are one table with a gap: a row whose
    cells a table style draws as fills (Word's "Light Shading") and one cell of which it leaves
    unfilled (the rest of a merged cell from the page before) is found as two tables, left and
    right of that cell; where the left or the right part is one cell alone (the row's first or
    last), it is one of the ``lone`` cells (touching no other). The gap is a column of its own,
    a cell in each row. A table inside another's bounds whose rows are some of the other's is
    part of it (:func:`_part_of`)."""
    beside = [Table((cell,)) for cell in lone if _beside_a_table(cell, tables)]
    joined: list[Table] = []
    for table in [*tables, *beside]:
        for index, other in enumerate(joined):
            left, right = (other, table) if other.bbox[0] <= table.bbox[0] else (table, other)
            if left.bbox[2] <= right.bbox[0] + ROW_EDGE_TOLERANCE and _same_rows(left, right):
                joined[index] = Table(left.cells + _gap_cells(left, right) + right.cells)
                break
            if abs(left.bbox[2] - right.bbox[0]) <= ROW_EDGE_TOLERANCE and (
                rows := _rows_around(left, right) or _rows_around(right, left)
            ):
                joined[index] = Table(left.cells + right.cells + rows)
                break
            if _part_of(table, other) or _part_of(other, table):
                joined[index] = Table(other.cells + table.cells)
                break
        else:
            joined.append(table)
    return joined


def _rows_around(short: Table, tall: Table) -> tuple[BBox, ...]:
    """Where ``short`` touches ``tall`` side by side and its row edges are some of ``tall``'s
    one after another, fewer: a cell of each of ``short``'s columns in each of ``tall``'s rows
    above and below it. A style that fills a row's cells leaves a row it does not fill unruled
    right of a merged cell, and at a page's top ("Medium Shading 2", the header printed once, a
    category merged down from the page before: random Word layouts with looks, seed 2375) the
    rows right of it were a table of the filled row alone, and the rows above and below it read
    by their text's alignment, a column a piece. Empty where not so."""
    edges, taller = _row_edges(short), _row_edges(tall)
    t = ROW_EDGE_TOLERANCE
    if len(edges) < 2 or len(edges) >= len(taller):
        return ()
    first = next((n for n, y in enumerate(taller) if abs(y - edges[0]) <= t), None)
    if first is None or first + len(edges) > len(taller):
        return ()
    if any(abs(y - z) > t for y, z in zip(edges, taller[first:], strict=False)):
        return ()
    columns = grid_columns(short)
    bands = [*pairwise(taller[: first + 1]), *pairwise(taller[first + len(edges) - 1 :])]
    return tuple(cell for top, bottom in bands for cell in _row_cells(columns, top, bottom))


def grid_columns(table: Table) -> Columns:
    """Every column of a table, each from where a cell starts to where the next begins."""
    starts = table.columns
    return list(zip(starts, [*starts[1:], table.bbox[2]], strict=True))


def _beside_a_table(cell: BBox, tables: list[Table]) -> bool:
    """Whether a lone cell is left or right of a table of one row with the same top and bottom
    (random Word layouts with looks, seed 1966: "Light List", a merged category's rest left
    unruled at a page's top between the row's last cell and the rest)."""
    t = ROW_EDGE_TOLERANCE
    return any(
        len(_row_edges(table)) == 2
        and abs(table.bbox[1] - cell[1]) <= t
        and abs(table.bbox[3] - cell[3]) <= t
        and (cell[2] <= table.bbox[0] + t or cell[0] >= table.bbox[2] - t)
        for table in tables
    )


def _part_of(part: Table, whole: Table) -> bool:
    """Whether ``part`` lies inside ``whole``'s bounds and its rows are some of ``whole``'s: the
    cells of a row right of a merged cell's unfilled rest ("Medium Shading 2" fills a row's
    cells but that one), found as a table of their own inside the table around them."""
    x0, top, x1, bottom = whole.bbox
    px0, ptop, px1, pbottom = part.bbox
    t = ROW_EDGE_TOLERANCE
    if not (x0 - t <= px0 and px1 <= x1 + t and top - t <= ptop and pbottom <= bottom + t):
        return False
    edges = _row_edges(whole)
    if all(any(abs(y - e) <= t for e in edges) for y in _row_edges(part)):
        return True
    return _beside_merged(part, whole)


def _beside_merged(part: Table, whole: Table) -> bool:
    """Whether ``part``, inside ``whole``, is rows of it beside a merged cell of it that spans
    them: its columns ``whole``'s, from the merged cell to ``whole``'s edge on the other side
    (random HTML layouts, seed 4004: "Medium Shading 1", a category merged down four rows and
    filled, the third row filled too: found inside the table of the header, the first row and
    the merged cell, its rows none of that table's; Word seed 2254, "Light Shading", the same
    with the category between the description and the name: the row's cells left of it)."""
    t = COLUMN_EDGE_TOLERANCE
    x0, _, x1, _ = whole.bbox
    px0, ptop, px1, pbottom = part.bbox
    starts = whole.columns
    if not all(any(abs(x - s) <= t for s in starts) for x in part.columns):
        return False
    return any(
        c[1] <= ptop + t
        and c[3] >= pbottom - t
        and c[3] - c[1] > pbottom - ptop
        and ((c[2] <= px0 + t and abs(px1 - x1) <= t) or (c[0] >= px1 - t and abs(px0 - x0) <= t))
        for c in whole.cells
    )


COLUMN_EDGE_TOLERANCE = 2.0  # points: two tables' column edges this close are the same column's
BAND_MIN, BAND_MAX = 4.0, 200.0  # points: the height of a row between a stack's rules, at least
# a line's, at most a bilingual row's of a dozen lines (not a page's text between two tables)


def edge_row(table: Table, last: bool) -> Columns | None:
    """The columns of a table's first (``last``: last) row, where that row's cells, one per
    column, side by side, span the table's width (two columns or more); under a row of one cell
    across the table (a grouping row), those of the row next to it. A gap in the row where the
    table has columns is a merged cell going on past the row (no rule closes it there: Word's
    "Light List", a category merged down into the unruled row below), or beside a merged cell,
    the rest of a row the style left without cells ("Medium Shading 1" at a page's foot): its
    columns are the row's too."""
    edges = sorted({cell[3] if last else cell[1] for cell in table.cells}, reverse=last)
    for edge in edges:
        columns = sorted(
            (cell[0], cell[2])
            for cell in table.cells
            if abs((cell[3] if last else cell[1]) - edge) <= ROW_EDGE_TOLERANCE
        )
        filled = _gaps_filled(columns, table)
        if filled is None:
            return None
        if len(filled) >= 2:
            return filled
    return None


def _gaps_filled(columns: Columns, table: Table) -> Columns | None:
    """A row's columns with each gap between two of them, or between them and the table's sides,
    filled by the table's columns that tile it exactly (None where a gap is no whole columns of
    the table)."""
    t = COLUMN_EDGE_TOLERANCE
    x0, _, x1, _ = table.bbox
    ends = [(x0, x0), *columns, (x1, x1)]  # the sides as columns of no width
    if all(abs(left[1] - right[0]) <= t for left, right in pairwise(ends)):
        return columns
    starts = [*table.columns, x1]
    filled: Columns = []
    for left, right in pairwise(ends):
        if abs(left[1] - right[0]) > t:
            inside = [x for x in starts if left[1] - t <= x <= right[0] + t]
            if len(inside) < 2 or abs(inside[0] - left[1]) > t or abs(inside[-1] - right[0]) > t:
                return None
            filled.extend(pairwise(inside))
        if right[1] > right[0]:
            filled.append(right)
    return filled


def same_columns(a: Columns | None, b: Columns | None) -> bool:
    t = COLUMN_EDGE_TOLERANCE
    return (
        a is not None
        and b is not None
        and len(a) == len(b)
        and all(
            abs(p0 - q0) <= t and abs(p1 - q1) <= t for (p0, p1), (q0, q1) in zip(a, b, strict=True)
        )
    )


def _rules_across(rules: Sequence[Edge], table: Table, low: float, high: float) -> list[float]:
    """The heights of the horizontal rules between ``low`` and ``high`` that span ``table``."""
    x0, _, x1, _ = table.bbox
    t = COLUMN_EDGE_TOLERANCE
    return [
        rule.top
        for rule in rules
        if rule.orientation == "h"
        and low <= rule.top <= high
        and rule.x0 <= x0 + t
        and rule.x1 >= x1 - t
    ]


def _row_rules(
    rules: Sequence[Edge], table: Table, columns: Columns, low: float, high: float
) -> list[float]:
    """The heights between ``low`` and ``high`` of rules that part two rows of ``columns``:
    across the table (:func:`_rules_across`), or in pieces across every column but one, a cell
    merged over the rows there (Word "Table Grid" with only the rules between rows drawn, a
    category merged over three rows: random Word layouts with borders, seed 3006)."""
    heights = set(_rules_across(rules, table, low, high))
    pieces: dict[float, list[Edge]] = defaultdict(list)
    for rule in rules:
        if rule.orientation == "h" and low <= rule.top <= high and rule.top not in heights:
            pieces[rule.top].append(rule)
    t = COLUMN_EDGE_TOLERANCE
    for height, found in pieces.items():
        covered = sum(
            any(rule.x0 <= x0 + t and rule.x1 >= x1 - t for rule in found) for x0, x1 in columns
        )
        if covered >= max(2, len(columns) - 1):
            heights.add(height)
    return sorted(heights)


class _Stack(list[Table]):
    """Tables one above another (:func:`_stacks`); ``seed``: for a stack that begins with a
    grouping row filled alone, one cell across, the columns :func:`_seed` found for it (a table's
    as wide, above or below it, or the page before's; or its header's and row's text parts): the
    rows around it have those, until a table with cells of its own goes on the stack: then its
    first row's, the same within :data:`COLUMN_EDGE_TOLERANCE` and as its fills draw them (random
    HTML layouts, seed 4598: the rows around a grouping row on the text's edges, the filled row
    under them on its own 0.8 pt away, and the table had a thin empty column beside each)."""

    seed: Columns | None = None


def _running_columns(tables: Sequence[Table], seed: Columns | None = None) -> Columns | None:
    """The columns of the last row of the tables that has them (not a grouping row, one cell);
    where none has, ``seed`` (a stack's begun with a grouping row: :attr:`_Stack.seed`)."""
    return next((t.last_columns for t in reversed(tables) if t.last_columns is not None), seed)


def _as_wide(table: Table, columns: Columns | None) -> bool:
    t = COLUMN_EDGE_TOLERANCE
    x0, _, x1, _ = table.bbox
    return columns is not None and abs(x0 - columns[0][0]) <= t and abs(x1 - columns[-1][1]) <= t


def _fits(table: Table, columns: Columns | None) -> bool:
    """Whether ``table`` goes on under rows of ``columns``: its first row has them, or it is one
    cell across them (a grouping row a style filled alone)."""
    if columns is None:
        return False
    if len(table.cells) == 1:
        return _as_wide(table, columns)
    return same_columns(columns, table.first_columns)


def _padded(table: Table, columns: Columns | None) -> Table | None:
    """``table`` with squares for the columns it lacks on one side of ``columns``, where its
    first row has the others (the rows a style filled but for a merged cell at the table's side,
    left unfilled: random Word layouts with looks, seed 1121, a category merged down from the
    unfilled row above); None where it does not fit so."""
    own = table.first_columns
    if columns is None or own is None or len(own) >= len(columns):
        return None
    _, top, _, bottom = table.bbox
    for missing, kept in (
        (columns[len(own) :], columns[: len(own)]),
        (columns[: -len(own)], columns[-len(own) :]),
    ):
        if same_columns(kept, own):
            return Table((*table.cells, *((x0, top, x1, bottom) for x0, x1 in missing)))
    return None


def _with_carried_columns(
    table: Table,
    carried: Columns | None,
    rules: Sequence[Edge],
    bands: Bands,
    others: Sequence[Table] = (),
) -> Table:
    """The page's first table with the ``carried`` columns of the page before's last it lacks on
    one side (:func:`_padded`), where a rule right above it spans them all (its header's, or
    the table's top): a category merged down across the page break leaves its square on this
    page unfilled (random Word layouts with looks, seed 1403, "Light Shading"); or where a rule
    under it spans them all (the table's foot) and text lies in the columns it lacks above that
    rule: the next row's category, merged down from there, beside the unfilled row under it
    (seed 2673: "Light Shading" ruling neither above the page's first row nor between rows, the
    category read as lines under the table, and the row took the category above), no other
    of the page's ``others`` tables there; else ``table``."""
    padded = _padded(table, carried)
    if padded is None:
        return table
    _, top, _, bottom = table.bbox
    if _rules_across(rules, padded, top - BAND_MAX, top + BAND_MIN):
        return padded
    feet = _rules_across(rules, padded, bottom - ROW_EDGE_TOLERANCE, bottom + BAND_MAX)
    if not feet:
        return table
    lacks = sorted({(c[0], c[2]) for c in padded.cells} - {(c[0], c[2]) for c in table.cells})
    foot = min(feet)
    beside = any(  # another table there: the text is its (seed 2101: a row's two parts)
        other.bbox[1] < foot
        and other.bbox[3] > top
        and other.bbox[0] < lacks[-1][1]
        and other.bbox[2] > lacks[0][0]
        for other in others
        if other is not table
    )
    return padded if not beside and bands.any_between(lacks, top, foot) else table


def _stacks(
    tables: list[Table], rules: Sequence[Edge], bands: Bands, carried: Columns | None = None
) -> list[_Stack]:
    """Tables one above another, the last row of each with the columns of the next one's first
    (or the next one a cell across them, a grouping row filled alone), touching or with a row's
    text between them and no rule across them there (another table's), in groups from the top.
    A cell alone goes on a stack, or begins one where a table above it on the page, or the
    ``carried`` columns of the page before's last, or a table below it, is as wide (a section
    whose only filled row is its grouping row: the same table as the other sections'), or else
    where the text of its header and row parts columns (:func:`_seed`); else it is no table."""
    stacks: list[_Stack] = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        for stack in stacks:
            columns = _running_columns(stack, stack.seed)
            top, bottom = stack[-1].bbox[3], table.bbox[1]
            fitted = table if _fits(table, columns) else _padded(table, columns)
            if (
                fitted is not None
                and top - ROW_EDGE_TOLERANCE <= bottom <= top + BAND_MAX
                and (
                    bottom - top < BAND_MIN
                    or (
                        not _rules_across(rules, fitted, top + BAND_MIN, bottom - BAND_MIN)
                        and columns is not None
                        and bands.holds(columns, top, bottom, "row")
                    )
                )
            ):
                if _running_columns(stack) is None and fitted is table and table.first_columns:
                    stack.seed = table.first_columns  # see _Stack: its own edges
                stack.append(fitted)
                break
        else:
            if len(table.cells) > 1:
                stacks.append(
                    _Stack(
                        [
                            _with_carried_columns(table, carried, rules, bands, tables)
                            if not stacks
                            else table
                        ]
                    )
                )
            elif (seed := _seed(table, stacks, carried, tables, rules, bands)) is not None:
                stacks.append(_Stack([table]))
                stacks[-1].seed = seed
    return stacks


def _seed(
    bar: Table,
    stacks: list[_Stack],
    carried: Columns | None,
    tables: list[Table],
    rules: Sequence[Edge],
    bands: Bands,
) -> Columns | None:
    """The columns of the nearest stack above ``bar`` as wide as it, else the carried ones, else
    the first row's of the nearest table below it as wide (the document's first section, at the
    top of its first page, whose only filled row is its grouping row), else those the text of
    its header (between the rule above it and it) and of its row (down to the next rule, or to
    where its lines end) parts (:meth:`Bands.columns_parted`: no table of those columns on the
    page, nor on the page before); none without a rule above it."""
    above = [s for s in stacks if s[-1].bbox[3] <= bar.bbox[1] + ROW_EDGE_TOLERANCE]
    for stack in sorted(above, key=lambda s: s[-1].bbox[3], reverse=True):
        columns = _running_columns(stack, stack.seed)
        if columns is not None and _as_wide(bar, columns):
            return _fitting(columns, bar, rules, bands)
    if carried is not None and _as_wide(bar, carried):
        return _fitting(carried, bar, rules, bands)
    below = [
        t for t in tables if len(t.cells) > 1 and t.bbox[1] >= bar.bbox[3] - ROW_EDGE_TOLERANCE
    ]
    for table in sorted(below, key=lambda t: t.bbox[1]):
        if _as_wide(bar, table.first_columns):
            return table.first_columns
    parts = _grouping_bands(bar, rules, bands)
    return bands.columns_parted(bar.bbox[0], bar.bbox[2], parts) if parts else None


def _grouping_bands(bar: Table, rules: Sequence[Edge], bands: Bands) -> list[tuple[float, float]]:
    """The bands round a grouping row that its columns must fit (see :func:`_seed`): over it,
    from the nearest rule across above it (its table's header, or a row between the header and
    it), and, where there is one, the row under it (down to the next rule across, or, with none,
    to where its lines end); none without a rule above it."""
    x0, top, x1, bottom = bar.bbox
    header = _rules_across(rules, bar, top - BAND_MAX, top - BAND_MIN)
    if not header:
        return []
    under = _rules_across(rules, bar, bottom + BAND_MIN, bottom + BAND_MAX)
    end = min(under) if under else bands.text_end([(x0, x1)], bottom + BAND_MIN / 2)
    return [(max(header), top)] + ([(bottom, end)] if end is not None else [])


def _fitting(columns: Columns, bar: Table, rules: Sequence[Edge], bands: Bands) -> Columns:
    """``columns`` (a table's above, or the page before's), or, where the bands round the
    grouping row (:func:`_grouping_bands`) do not fit them (:meth:`Bands.fits`: a run of their
    text across two) and fit the columns their own text parts, those: columns a table without
    vertical rules takes from its text may be too narrow for the next table's (random HTML
    layouts, seed 4274: a note centred under its frequency, wider than the column the table
    above's short values gave, and the row was read by its text's alignment, a column a piece;
    4289: the columns the page before's header alone parted, a name's line crossing into the
    date's)."""
    parts = _grouping_bands(bar, rules, bands)
    if all(bands.fits(columns, *part) for part in parts):
        return columns
    own = bands.columns_parted(bar.bbox[0], bar.bbox[2], parts)
    if own is None or not all(bands.fits(own, *part) for part in parts):
        return columns
    return own


# What a band must hold to be a row (see :func:`join_stacked`, :func:`continued_rows`): "row", a
# row's text in two columns or more, every piece of it inside one column (not a heading, nor a
# line across the table); "one row", that and text in the first column on one line at most (not
# rows under rows); "rest", the rest of one row a page break cut, in one column or more; "line",
# one line of text, wherever it lies (a grouping row across the table); "grouping", one line of
# text that the band's rules hold tight (no more than twice its height: not a heading between
# two tables).
BandKind = Literal["row", "one row", "rest", "line", "grouping"]


class Bands(Protocol):
    """What the text of a page's bands says (``read.page._Bands``: the page's chars)."""

    def holds(self, columns: Columns, top: float, bottom: float, kind: BandKind) -> bool:
        """Whether the band of ``columns`` between two heights holds what ``kind`` asks."""
        ...

    def fits(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether every run of the text between two heights lies inside one of ``columns``."""
        ...

    def any_between(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether any text lies between two heights over ``columns``."""
        ...

    def text_end(self, columns: Columns, top: float) -> float | None:
        """Where the lines right under ``top`` over ``columns`` end (a row a page break cut)."""
        ...

    def spaced(self, columns: Columns, top: float, bottom: float) -> bool:
        """Whether the band's text starts more than a line and a half under its top."""
        ...

    def text_start(self, columns: Columns, bottom: float) -> float | None:
        """Where the lines right above ``bottom`` over ``columns`` begin (an unruled header)."""
        ...

    def columns_parted(
        self, x0: float, x1: float, parts: Sequence[tuple[float, float]]
    ) -> Columns | None:
        """Columns from ``x0`` to ``x1`` that the text between each pair of heights parts."""
        ...


MAX_BANDS_ABOVE = 3  # bands above a stack read as its rows: a header, a grouping row, a row


def _bands_above(
    rules: Sequence[Edge],
    table: Table,
    columns: Columns,
    bands: Bands,
    others: Sequence[Table],
) -> list[tuple[float, float, bool]]:
    """The bands above ``table``, each between two rules across it and holding a row, up to
    :data:`MAX_BANDS_ABOVE`: the header and the unfilled first row above the first filled row.
    A band that holds one line of text of no row (a grouping row across the table) is passed over
    where a band holding a row lies above it; the walk ends at another table or the band right
    under one (that table's last row, unfilled, under a heading of one line), at a gap wider than
    :data:`BAND_MAX`, or at a second band holding no row. Each band: its top, its bottom, and
    whether it is one cell across the table (the band passed over) or a row of ``columns``."""
    top = table.bbox[1]
    reach = top - MAX_BANDS_ABOVE * BAND_MAX
    above = sorted(_rules_across(rules, table, reach, top - BAND_MIN), reverse=True)
    found: list[tuple[float, float, bool]] = []
    passed: tuple[float, float] | None = None  # a band of no row, kept if a row lies above it
    bottom = top
    for rule in above:
        if len(found) >= MAX_BANDS_ABOVE or bottom - rule > BAND_MAX:
            break
        if bottom - rule < BAND_MIN:
            bottom = rule
            continue
        if any(o.bbox[1] < bottom and o.bbox[3] > rule - ROW_EDGE_TOLERANCE for o in others):
            break  # another table, or the row under another table's last (its below band)
        if bands.holds(columns, rule, bottom, "row"):
            if passed is not None:
                found.append((*passed, True))
            found.append((rule, bottom, False))
            passed = None
        elif passed is None and bands.holds(columns, rule, bottom, "line"):
            passed = (rule, bottom)
        else:
            break
        bottom = rule
    return found


def _row_cells(columns: Columns, top: float, bottom: float) -> list[BBox]:
    return [(x0, top, x1, bottom) for x0, x1 in columns]


def join_stacked(
    tables: list[Table],
    rules: Sequence[Edge],
    bands: Bands,
    lone: Sequence[BBox] = (),
    carried: Columns | None = None,
) -> list[Table]:
    """Rows a table style fills, one row in two (Word's "Light Shading": no rules between rows,
    no vertical rules), are found as tables one above another with the same columns; the rows
    between them, unfilled, are no table's, nor is the header above the first filled row (under
    the table's top rule), nor the row below the last (above its foot, or cut by a page break).
    A stack of such tables (touching, or with a row's text between them; a grouping row the
    style filled alone, one of the ``lone`` cells across the stack, goes on it) is one table:

    - each gap between its tables is a row of the columns above it;
    - above the first, every band between rules across it that holds a row is a row of its
      columns, past a grouping row (:func:`_bands_above`);
    - below the last, the band down to the nearest rule across it, or, with none, down to where
      its lines end (:meth:`Bands.text_end`: a row a page break cut), is a row of the last columns: one
      row only under one table alone with no row above it (a "Light List" header: the rows
      under it may go unparted).

    A grouping row filled alone begins a stack of its own where a table above it on the page is
    as wide (or the page before's last, whose columns are ``carried``; or, with none, the columns
    its header's and row's text parts): its section's rows are of those columns, the header above
    it too.

    ``bands`` says what a band holds (:data:`BandKind`); ``rules``: the page's, merged
    (:func:`merge_edges`). Each such row is read as the filled ones are, cell by cell, whatever
    the alignment of its text: cells centred top to bottom print a short value on the middle
    line of a row, not the first, and read a line at a time that row would come out wrong."""
    if not tables and not lone:
        return tables
    rules = [rule for rule in rules if rule.orientation == "h"]
    joined: list[Table] = []
    bars = [Table((cell,)) for cell in lone]  # grouping rows a style filled alone
    for stack in _stacks([*tables, *bars], rules, bands, carried):
        cells: list[BBox] = list(stack[0].cells)
        for n, (upper, lower) in enumerate(pairwise(stack)):
            columns = _running_columns(stack[: n + 1], stack.seed)
            if columns is not None and lower.bbox[1] - upper.bbox[3] >= BAND_MIN:
                cells.extend(_row_cells(columns, upper.bbox[3], lower.bbox[1]))
            cells.extend(lower.cells)
        bottom = stack[-1].bbox[3]
        first = stack[0].first_columns or stack.seed
        last = _running_columns(stack, stack.seed)
        above: list[tuple[float, float, bool]] = []
        if first:
            # the tables above as joined so far (their bands are theirs) and the others
            others = [*joined, *(t for t in tables if t not in stack)]
            above = _bands_above(rules, stack[0], first, bands, others)
            if not above and len(stack[0].cells) == 1:
                # a grouping row begins the table, its header above it not ruled apart from the
                # text above (Word's "Medium List 1"): the lines right above it, inside the
                # columns, no rule between them and it (random Word layouts with looks, seed
                # 2129: "Light Shading", the header repeated atop a page and ruled above and
                # below, the rest of a cut row under it, then a grouping row: the header and the
                # rest were one row, the rest of the row lost to the header)
                top = stack[0].bbox[1]
                start = bands.text_start(first, top - BAND_MIN / 2)
                if (
                    start is not None
                    and not _rules_across(rules, stack[0], start, top - BAND_MIN)
                    and bands.holds(first, start - BAND_MIN / 2, top, "row")
                ):
                    above = [(start - BAND_MIN / 2, top, False)]
            for band_top, band_bottom, across in above:
                whole = [(first[0][0], first[-1][1])]  # a grouping row's: one cell across
                cells.extend(_row_cells(whole if across else first, band_top, band_bottom))
        others = [t for t in tables if t not in stack]
        below = _band_ends(stack[-1], last, bottom, rules, others) if last else []
        # under one table alone, no row above it (a "Light List" header, say), one row only:
        # rows under it may go unparted; where rows are filled one in two (tables stacked, or
        # unfilled rows above), the row the style left unfilled, its first column wrapped or not
        alone = len(stack) == 1 and not above
        kind: BandKind = "one row" if alone else "row"
        if last and below and bands.holds(last, bottom, min(below), kind):
            cells.extend(_row_cells(last, bottom, min(below)))
            cells.extend(_ruled_rows_below(stack[-1], min(below), last, rules, bands, tables))
        elif (
            last
            and below
            and bands.holds(last, bottom, min(below), "grouping")
            and (
                rows := _ruled_rows_below(stack[-1], min(below), last, rules, bands, tables, False)
            )
        ):
            # a grouping row, ruled apart, then rows ruled apart (HTML exploration with
            # borders, seed 5004: a category across the table under its header)
            cells.append((last[0][0], bottom, last[-1][1], min(below)))
            cells.extend(rows)
        elif last:
            # no rule under the last row: a page break cut the table under a row the style left
            # unfilled, and the row ends with its text; or the rule below is another table's,
            # text that is no row between (a footnote, a heading: shaded rows with no rule at
            # all, random Word layouts with borders, seed 3015)
            end = bands.text_end(last, bottom + BAND_MIN / 2)
            if (
                end is not None
                and (not below or end + BAND_MIN < min(below))
                and bands.holds(last, bottom, end + BAND_MIN / 2, kind)
            ):
                cells.extend(_row_cells(last, bottom, end + BAND_MIN / 2))
        joined.append(
            Table(tuple(cells))
            if len(cells) > sum(len(t.cells) for t in stack) or len(stack) > 1
            else stack[0]
        )
    return sorted(joined, key=lambda t: (t.bbox[1], t.bbox[0]))


def _band_ends(
    table: Table, columns: Columns, top: float, rules: Sequence[Edge], others: Sequence[Table]
) -> list[float]:
    """Where a band of ``columns`` under ``top`` may end: the rules that part two rows
    (:func:`_row_rules`), and the tops of the ``others`` as wide that begin there, where no rule
    across marks a table's top (a filled row short of a merged cell's column: random Word
    layouts with looks, seed 1235)."""
    low, high = top + BAND_MIN, top + BAND_MAX
    x0, _, x1, _ = table.bbox
    ends = _row_rules(rules, table, columns, low, high)
    return ends + [
        t.bbox[1] for t in others if low <= t.bbox[1] <= high and t.bbox[0] < x1 and t.bbox[2] > x0
    ]


def _ruled_rows_below(
    table: Table,
    top: float,
    columns: Columns,
    rules: Sequence[Edge],
    bands: Bands,
    tables: Sequence[Table],
    after_row: bool = True,
) -> list[BBox]:
    """The cells of the rows under a stack's band below (from ``top``), each between the next
    two rules across the table, while each holds one row of ``columns`` and no other table
    starts there: a table whose style rules every row apart and draws no rule between its
    columns (horizontal rules only, its header filled or not: HTML exploration, seed 5002) has
    no cell under its header but the band :func:`join_stacked` adds; the rows further down were
    read by their text's alignment, a row a line, a centred date wrapped over two lines
    parted. A band of one line across the columns after a row (``after_row``: the band above
    ``top`` is one) is a grouping row, one cell across (a category between rows ruled apart,
    seed 5004)."""
    x0, _, x1, _ = table.bbox
    cells: list[BBox] = []
    while True:
        if any(
            t.bbox[1] < top + BAND_MIN and t.bbox[3] > top and t.bbox[0] < x1 and t.bbox[2] > x0
            for t in tables
        ):
            return cells  # another table begins here
        below = _band_ends(table, columns, top, rules, tables)
        if not below:
            return cells
        if bands.holds(columns, top, min(below), "one row"):
            cells.extend(_row_cells(columns, top, min(below)))
            after_row = True
        elif after_row and bands.holds(columns, top, min(below), "grouping"):
            cells.append((columns[0][0], top, columns[-1][1], min(below)))  # one cell across
            after_row = False
        else:
            return cells
        top = min(below)


def _holds_next_band(
    bands: Bands, columns: Columns, top: float, bottom: float, first: bool, rest_first: bool
) -> bool:
    """Whether a band at a page's top goes on with the table the page before ended with
    (:func:`continued_rows`): the first, a row (or the repeated header); any, the rest of a row
    the page break cut (random Word layouts with looks, seed 1493: a note's last lines alone
    atop the page, "Light Shading" ruling them above and below, read as lines and lost to the
    row) or one whole row, its first cell wrapped or not (random HTML layouts, seed 4100: a
    bilingual category over three lines under the repeated header, which "the rest of a row"
    refused, and the row was read a line at a time). ``rest_first``: whether the first may be
    the rest of a row (not where the page before ended with its header, or a grouping row: no
    row was cut, and a grouping row's short text in the first column is no row's rest, seed
    1937)."""
    if first:
        return bands.holds(columns, top, bottom, "row") or (
            rest_first and bands.holds(columns, top, bottom, "rest")
        )
    return bands.holds(columns, top, bottom, "rest") or bands.holds(columns, top, bottom, "one row")


def rules_spanning(rules: Sequence[Edge], columns: Columns) -> list[float]:
    """The heights, top first, of the horizontal rules across exactly ``columns``' width (a
    table's own rules, not a wider one's or a narrower cell's). A rule may be in pieces with
    whole columns between them: a merged cell going on across the row's rules, which the style
    leaves out there (random Word layouts with looks, seed 2101: "Medium Shading 2", a category
    merged down from the page before, its column unruled at the next page's top, and the rows
    there were read by their text's alignment, a line too early and a column short)."""
    x0, x1 = columns[0][0], columns[-1][1]
    t = COLUMN_EDGE_TOLERANCE
    heights: dict[float, list[Edge]] = defaultdict(list)
    for rule in rules:
        if rule.orientation == "h" and rule.x1 > x0 + t and rule.x0 < x1 - t:
            heights[rule.top].append(rule)
    return sorted(
        top for top, pieces in heights.items() if _across(sorted(pieces), x0, x1, columns)
    )


def _across(pieces: list[Edge], x0: float, x1: float, columns: Columns) -> bool:
    """Whether rules at one height, left to right, run from ``x0`` to ``x1`` with nothing
    beyond, and any gap between two of them runs from a column's edge to another's."""
    t = COLUMN_EDGE_TOLERANCE
    if abs(pieces[0].x0 - x0) > t or abs(max(piece.x1 for piece in pieces) - x1) > t:
        return False
    edges = [edge for column in columns for edge in column]
    reach = pieces[0].x1
    for piece in pieces[1:]:
        if piece.x0 > reach + t and not (
            any(abs(reach - e) <= t for e in edges) and any(abs(piece.x0 - e) <= t for e in edges)
        ):
            return False
        reach = max(reach, piece.x1)
    return True


def continued_rows(
    columns: Columns,
    rules: Sequence[Edge],
    bands: Bands,
    tables: Sequence[Table],
    rest_first: bool = True,
) -> list[Table]:
    """The tables of a page with the rows at its top of a table the page before ended with (its
    last row's ``columns``), where the style fills none of them ("Light Shading" on a page holding
    the repeated header and the rest of a row): from the top-most rule across exactly those
    columns, each band down to the next such rule that holds a row (the header's may hold labels
    over two lines; the rest, one row's text) or one line across them (a grouping row), until
    one does not, or one's text starts more than a line and a half under its top (a heading
    between this table and the next: a short one fits a column), or a table of the page begins.
    A table at the top with those columns (the repeated header, filled) is the header, and the
    bands under it join it. ``tables`` as they are where no table goes on at the page's top;
    ``rest_first``: see :func:`_holds_next_band`."""
    t = COLUMN_EDGE_TOLERANCE
    across = rules_spanning(rules, columns)
    if not across or any(table.bbox[1] < across[0] - t for table in tables):
        return list(tables)
    header = next(
        (
            table
            for table in tables
            if abs(table.bbox[1] - across[0]) <= t
            and len(_row_edges(table)) == 2  # a header alone, not a table of rows
            and same_columns(table.last_columns, columns)
        ),
        None,
    )
    rest = [table for table in tables if table is not header]
    starts = [min(table.bbox[1] for table in rest)] if rest else []
    cells: list[BBox] = list(header.cells) if header is not None else []
    if header is not None and header.last_columns is not None:
        columns = header.last_columns  # the same, as this page draws them (to the hundredth)
    top = header.bbox[3] if header is not None else across[0]
    # the first table below ends the bands too, where no rule runs across all the columns at its
    # top (a filled row whose fill leaves out a merged cell's column: random Word layouts with
    # looks, seed 1201)
    for bottom in sorted({*across, *starts}):
        if bottom - top < BAND_MIN:
            continue
        if bottom - top > BAND_MAX or any(bottom > start + t for start in starts):
            break
        if bands.spaced(columns, top, bottom):
            break  # a heading with room above it, between this table and the next
        if _holds_next_band(bands, columns, top, bottom, not cells, rest_first):
            cells.extend(_row_cells(columns, top, bottom))
        elif bands.holds(columns, top, bottom, "grouping"):
            # one line across the columns: a grouping row, one cell across the table (random
            # Word layouts with looks, seed 1937: "Medium Shading 2", a category filled across
            # atop the page, which stopped the rows under it from being read as rows)
            cells.append((columns[0][0], top, columns[-1][1], bottom))
        else:
            break
        top = bottom
    if not cells or (header is not None and len(cells) == len(header.cells)):
        return list(tables)
    return sorted([*rest, Table(tuple(cells))], key=lambda table: table.bbox[1])
