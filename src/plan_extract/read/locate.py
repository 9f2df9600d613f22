"""Which cell of which ruled table a char is in: what :func:`.page.page_blocks` asks for every
char of every page, so it is a grid lookup (two bisections, the row kept along a line) instead of a
test of every char against every cell."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from .tables import BBox, Table


class Boxed(Protocol):
    """Anything with a box (a char): what :meth:`CellLocator.group` places by its centre."""

    @property
    def x0(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def bottom(self) -> float: ...


_Item = TypeVar("_Item", bound=Boxed)
# a table's bounds, x and y positions of its cell edges, the index of the cell over each grid
# square (-1 for none), and the last square's x and y index
_Grid = tuple[BBox, list[float], list[float], list[list[int]], int, int]


class CellLocator:
    """Which cell of which table contains a point: a grid lookup (two bisections) instead of a
    test of every char against every cell, which dominated the old reader's profile."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self._cells = [
            (number, cell) for number, table in enumerate(tables) for cell in table.cells
        ]
        self._tables = len(tables)
        self._grids: list[_Grid] = []
        index = 0
        for table in tables:
            xs = sorted({v for c in table.cells for v in (c[0], c[2])})
            ys = sorted({v for c in table.cells for v in (c[1], c[3])})
            # slots[j][i]: the index in _cells of the cell over the grid square right of xs[i]
            # and below ys[j], -1 for none
            slots = [[-1] * len(xs) for _ in ys]
            x_at = {x: i for i, x in enumerate(xs)}
            y_at = {y: j for j, y in enumerate(ys)}
            for x0, top, x1, bottom in table.cells:
                for row in slots[y_at[top] : y_at[bottom]]:
                    row[x_at[x0] : x_at[x1]] = [index] * (x_at[x1] - x_at[x0])
                index += 1
            # a point on the right or bottom edge is in the last square (bisect puts it beyond)
            self._grids.append((table.bbox, xs, ys, slots, len(xs) - 2, len(ys) - 2))

    def group(self, items: Iterable[_Item]) -> tuple[list[dict[BBox, list[_Item]]], list[_Item]]:
        """Items by the cell containing their box's centre: per table, each cell's items in the
        order given (a cell without any is absent); and the items in no cell. One call for a
        page's chars: this runs for every char of every page."""
        buckets: list[list[_Item]] = [[] for _ in self._cells]
        # Table by table, each over the items no table before it took: an item goes to the
        # first table with a cell under its centre, as if the tables were tried for each item.
        left = list(items)
        for grid in self._grids:
            left = self._fill(grid, left, buckets)
        tables: list[dict[BBox, list[_Item]]] = [{} for _ in range(self._tables)]
        for (number, cell), bucket in zip(self._cells, buckets, strict=True):
            if bucket:
                tables[number][cell] = bucket
        return tables, left

    @staticmethod
    def _fill(grid: _Grid, pending: list[_Item], buckets: list[list[_Item]]) -> list[_Item]:
        """Puts each item whose centre is in a cell of ``grid`` into that cell's bucket; the
        others, in order. Items come in line order, so a row's position is kept while the
        centre's y stays the same."""
        (x0, y0, x1, y1), xs, ys, slots, last_i, last_j = grid
        rest = []
        row: list[int] = []
        row_y = None
        for item in pending:
            x, y = (item.x0 + item.x1) / 2, (item.top + item.bottom) / 2
            if x0 <= x <= x1 and y0 <= y <= y1:
                if y != row_y:
                    j = bisect_right(ys, y) - 1
                    row, row_y = slots[j if j <= last_j else last_j], y
                i = bisect_right(xs, x) - 1
                slot = row[i if i <= last_i else last_i]
                if slot >= 0:
                    buckets[slot].append(item)
                    continue
            rest.append(item)
        return rest
