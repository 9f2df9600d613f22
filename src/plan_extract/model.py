"""The dataclasses that flow between stages: read → structure → normalise → write.

Readers (text, PDF) produce a :class:`Document`: the same intermediate of text lines and table rows
with provenance, whatever the file type. :mod:`structure` turns it into a :class:`StructuredPlan`;
:mod:`normalise` turns that into :class:`PlanRecord` and :class:`DatasetRecord` rows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, ClassVar, Literal

Severity = Literal["error", "warning"]
SectionLetter = Literal["A", "B", "C", "D"]


_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}  # per class: its field values, in order


class Compact:
    """Base of the records made by the thousand: with ``slots=True`` dataclasses, an instance holds
    its values in slots (no ``__dict__``: a 33-field record is ~1.3 KB smaller), and pickles as its
    class and the tuple of its field values (no field names per instance), which is what a worker
    sends the parent for every row. Unpickling calls ``__init__``, so ``__post_init__`` runs again."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        values = _VALUES.get(cls)
        if values is None:  # every record class has several fields: attrgetter gives a tuple
            values = _VALUES[cls] = attrgetter(*cls.__match_args__)
        return cls, values(self)


def shared(text: str | None) -> str | None:
    """One string object for every equal value (``sys.intern``): the organisation, section title,
    category, month, frequency… of a plan repeat on every row; interned strings are freed with
    their last user."""
    return None if text is None else sys.intern(text)


@dataclass(frozen=True, slots=True)
class Box(Compact):
    """A rectangle on a PDF page, in PDF points from the top-left (pdfplumber's convention)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Where(Compact):
    """Where something came from: page (PDF, 1-based), line (text, 1-based), and boxes (PDF)."""

    page: int | None = None
    line: int | None = None
    boxes: tuple[Box, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem(Compact):
    """A data problem, recorded next to the data instead of raised (frictionless style)."""

    plan_id: str
    source_file: str
    severity: Severity
    code: str
    message: str
    page: int | None = None
    line: int | None = None
    text: str | None = None


# A cell is the list of its text pieces in reading order: the lines of a wrapped PDF cell, or the one
# string of a text-form cell. Joining pieces is normalisation's job, not the reader's.
Cell = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextLine(Compact):
    """A line of running text outside any table (headings, titles, organisation lines)."""

    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class TableRow(Compact):
    """One row of a table as the reader saw it. ``table`` numbers the tables of the document.

    ``cells`` has one entry per column of the table. ``covered`` holds the columns where no cell
    starts in this row because a merged cell covers the position: one from a row above (a
    vertical merge) or from a column to the left (e.g. a full-width category row); their entry in
    ``cells`` is empty, and the merged cell's text is in the row where it starts."""

    cells: tuple[Cell, ...]
    where: Where
    table: int = 0
    covered: frozenset[int] = frozenset()


Block = TextLine | TableRow


def blocks_text(blocks: Iterable[Block]) -> str:
    """The text of ``blocks``, a line or a cell's line (piece) a line: what the whole document
    says, for looking at its scripts and counting its characters."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, TextLine):
            parts.append(block.text)
        else:
            parts.extend(piece for cell in block.cells for piece in cell)
    return "\n".join(parts)


@dataclass(frozen=True)
class SourceFile:
    """What the reader learned about the file itself."""

    path: str
    sha256: str
    kind: Literal["text", "pdf", "unknown"]
    encoding: str | None = None
    pages: int | None = None


@dataclass
class Document:
    """A reader's output: the common intermediate of blocks, plus problems met while reading."""

    source: SourceFile
    blocks: list[Block]
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class PlanHeader:
    department: str | None
    department_abbr: str | None
    plan_year: int | None
    title: str | None


@dataclass(frozen=True)
class Section:
    letter: SectionLetter
    title: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class Organisation:
    number: int  # 0 is the plan's own department; (1), (2)… are section C's organisations
    name: str | None
    abbr: str | None


@dataclass(slots=True)
class RawRow:
    """A dataset row after structure: cells by role, continuation lines already merged.

    ``category`` is the category the row's context gives it (a grouping row above, or a category
    written once in a vertically merged cell); ``position`` is its order in its section and
    organisation (the item number when the table prints none); ``notes`` are the footnotes its
    markers refer to; ``other_columns`` the cells of columns with unknown labels.
    """

    section: Section | None
    organisation: Organisation
    item_cell: str
    cells: dict[str, list[str]]
    where: Where
    position: int = 0
    category: str | None = None
    notes: list[str] = field(default_factory=list)
    other_columns: list[tuple[str, list[str]]] = field(default_factory=list)
    block: int = 0  # index of its first block in the document, to find its footnotes


@dataclass
class StructuredPlan:
    source: SourceFile
    header: PlanHeader
    sections: list[Section]
    rows: list[RawRow]
    language: str
    item_numbering: str = "printed"  # "inferred" when no table prints item numbers
    plan_id_suffix: str = ""  # ".zh-hant" / ".en" for each language of a bilingual-cell plan


@dataclass(frozen=True, slots=True)
class FrequencyPart(Compact):
    agency: str | None
    frequency: str
    interval: str | None


@dataclass(frozen=True, slots=True)
class Frequency(Compact):
    code: str
    interval: str | None
    parts: tuple[FrequencyPart, ...] = ()


@dataclass(slots=True)
class DatasetRecord(Compact):
    """One promised or delivered dataset: a row of datasets.* (columns documented in schema.py)."""

    plan_id: str
    row_no: int
    source_file: str
    source_page: int | None
    source_line: int | None
    source_bbox: list[dict[str, float]] | None
    language: str
    plan_year: int | None
    department: str | None
    department_id: str | None
    section: str | None
    section_title: str | None
    organisation_no: int
    organisation: str | None
    organisation_abbr: str | None
    item_no: int | None
    item_label: str | None
    category: str | None
    dataset_name: str | None
    name_key: str | None
    release_month: str | None
    release_month_raw: str | None
    release_precision: str | None
    update_frequency: str
    update_interval: str | None
    update_frequency_raw: str | None
    update_frequency_parts: list[dict[str, str | None]]
    formats: list[str]
    description: str | None
    note: str | None
    remarks_raw: str | None
    other_columns: list[dict[str, str]]

    def __post_init__(self) -> None:
        """Values that repeat from row to row become one object each (see :func:`shared`); this
        runs again when the parent unpickles a worker's rows, so they are shared across plans."""
        self.plan_id = sys.intern(self.plan_id)
        self.source_file = sys.intern(self.source_file)
        self.section_title = shared(self.section_title)
        self.organisation = shared(self.organisation)
        self.organisation_abbr = shared(self.organisation_abbr)
        self.item_label = shared(self.item_label)
        self.category = shared(self.category)
        if self.name_key == self.dataset_name:
            self.name_key = self.dataset_name
        self.release_month = shared(self.release_month)
        self.release_month_raw = shared(self.release_month_raw)
        self.update_interval = shared(self.update_interval)
        self.update_frequency_raw = shared(self.update_frequency_raw)
        self.note = shared(self.note)
        self.formats = [sys.intern(name) for name in self.formats]


@dataclass(slots=True)
class PlanRecord(Compact):
    """One plan document: a row of plans.*."""

    plan_id: str
    source_file: str
    sha256: str | None
    file_kind: str
    encoding: str | None
    department: str | None
    department_abbr: str | None
    department_id: str | None
    plan_year: int | None
    language: str | None
    title: str | None
    pages: int | None
    item_numbering: str | None
    rows_a: int
    rows_b: int
    rows_c: int
    rows_d: int
    rows_total: int
    errors: int
    warnings: int
