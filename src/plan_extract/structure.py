"""Blocks → a structured plan: plan header, sections A–D, section C organisations, rows.

What this stage does, in order of the blocks:

- text lines before the first section are the plan header (department with its abbreviation, the
  title with the plan year);
- a section heading (「A. 在2019年發放的部門數據集」) opens a section, with the years its title names;
- an organisation line (「(1) 香港電腦保安事故協調中心（下稱「香港協調中心」）」) opens an organisation;
- a header row (「數據種類／數據集名稱」, 「目標發放日期」…) sets the column roles and is dropped, however
  often it repeats (once per table in text, once per page in PDF);
- a row of only 「/」 (or "Nil", "N/A") means "no datasets";
- a row with an item number starts a dataset; a row without one continues the dataset above it,
  cell by cell (a name wrapped onto the next line or page);
- page numbers are dropped; any other text is recorded as an ``unparsed_line`` problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

import regex

from .departments import department_id
from .headings import is_intro, section_years, untitled_section_letter
from .model import (
    Block,
    Document,
    Organisation,
    PlanHeader,
    RawRow,
    Section,
    SectionLetter,
    StructuredPlan,
    TableRow,
    TextLine,
    Where,
)
from .normalise.numerals import chinese_digits_to_int, parse_item_no
from .normalise.text import clean, detect_language, join_pieces, match_key
from .problems import ProblemLog
from .vocab import load_table

# Column roles of a table read before any header row: a plan's usual order.
DEFAULT_COLUMNS = ("item_no", "category_name", "release_date", "update_frequency", "remarks")


@cache
def _patterns(kind: str) -> tuple[regex.Pattern[str], ...]:
    return tuple(
        regex.compile(row["pattern"], regex.IGNORECASE)
        for row in load_table("headings")
        if row["kind"] == kind
    )


def _first_match(kind: str, text: str) -> regex.Match[str] | None:
    for pattern in _patterns(kind):
        m = pattern.search(text)
        if m:
            return m
    return None


def _label_key(text: str) -> str:
    return regex.sub(r"[\s/／]+", "", match_key(text))


@cache
def _header_labels() -> dict[str, str]:
    return {_label_key(row["label"]): row["role"] for row in load_table("header_labels")}


@cache
def _none_markers() -> frozenset[str]:
    return frozenset(match_key(row["marker"]) for row in load_table("none_markers"))


def split_abbreviation(text: str) -> tuple[str, str | None]:
    """「政府資訊科技總監辦公室（下稱「資科辦」）」 → (「政府資訊科技總監辦公室」, 「資科辦」)."""
    m = _first_match("abbreviation", text)
    if not m:
        return text, None
    return text[: m.start()].strip(), m.group("abbr").strip()


def parse_plan_year(text: str) -> int | None:
    """The year of a plan title in any wording of vocab/headings.tsv ("Annual Open Data Plan
    (2021)", "2021 Annual Open Data Plan", 「年度開放數據計劃（2021年）」, Simplified forms)."""
    m = _first_match("plan_title", match_key(text))
    if not m:
        return None
    year = m.group("year")
    return int(year) if year.isdigit() else chinese_digits_to_int(year)


def parse_header(lines: list[TextLine], log: ProblemLog) -> PlanHeader:
    """Department, abbreviation, plan year and title from the text before section A.

    The title may be printed on two lines ("Annual Open Data Plan" / "(2021)"). Introduction
    paragraphs between the title and section A are skipped: the department line is the first
    line naming a department of vocab/departments.tsv, else the first line that is neither the
    title nor an introduction (``intro`` in vocab/headings.tsv)."""
    texts = [clean(line.text) for line in lines]
    span = _title_span(texts)
    if span is None:
        log.add("plan_year_missing")
    title = join_pieces(texts[span[0] : span[1]]) if span else None
    others = [
        t
        for i, t in enumerate(texts)
        if not (span and span[0] <= i < span[1]) and not _is_furniture(t) and not is_intro(t)
    ]
    known = [t for t in others if department_id(*split_abbreviation(t))]
    department, abbr = split_abbreviation((known or others)[0]) if others else (None, None)
    if department is None:
        log.add("department_missing")
    return PlanHeader(department, abbr, parse_plan_year(title) if title else None, title)


def _title_span(texts: list[str]) -> tuple[int, int] | None:
    """Where the title is: the first line with a plan year, else two lines that give one together."""
    for i, text in enumerate(texts):
        if parse_plan_year(text):
            return i, i + 1
    for i in range(len(texts) - 1):
        if parse_plan_year(join_pieces(texts[i : i + 2])):
            return i, i + 2
    return None


def _is_furniture(text: str) -> bool:
    return _first_match("page_furniture", text) is not None


def _section(text: str) -> Section | None:
    """A section heading, with its letter ("A. 在2019年發放的部門數据集") or without one ("Datasets
    to be released in 2022", 「已發放的數據集」: the letter comes from vocab/headings.tsv), and the
    years its title names."""
    m = _first_match("section", text)
    if m:
        letter = m.group("letter").translate(str.maketrans("ＡＢＣＤ", "ABCD")).upper()
        title = clean(m.group("title"))
    else:
        found = untitled_section_letter(text)
        if found is None:
            return None
        letter, title = found, clean(text.lstrip("#"))
    return Section(cast(SectionLetter, letter), title, section_years(title))


def _organisation(text: str) -> Organisation | None:
    m = _first_match("organisation", text)
    if not m:
        return None
    name, abbr = split_abbreviation(m.group("name"))
    return Organisation(int(m.group("number")), name, abbr)


class _Builder:
    """The state of one pass over a document's blocks."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log
        self.header_lines: list[TextLine] = []
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.department = Organisation(0, None, None)
        self.organisation = self.department
        self.columns: tuple[str, ...] = DEFAULT_COLUMNS  # roles of the table being read
        self.rows: list[RawRow] = []
        self.open_row: RawRow | None = None
        self.table_number = -1
        self.row_kinds: list[tuple[TableRow, str]] = []  # what became of each row (for debug)
        self.header: _Header | None = None  # the header row just read, while it may continue
        self.headers_seen = 0

    def text_line(self, line: TextLine) -> None:
        self.end_header()
        text = clean(line.text)
        section = _section(text)
        if section is not None:
            self.open_row = None
            self.section, self.organisation = section, self.department
            self.sections.append(section)
            return
        if self.section is None:
            self.header_lines.append(line)
            return
        organisation = _organisation(text)
        if organisation is not None:
            self.open_row = None
            self.organisation = organisation
        elif not _is_furniture(text):
            self.log.add("unparsed_line", text, line.where, text)

    def table_row(self, row: TableRow) -> None:
        texts = [clean(" ".join(cell)) for cell in row.cells]
        if self._continues_header(texts):
            self.row_kinds.append((row, "header"))
            return
        self.end_header()
        heading = " ".join(t for t in texts if t)
        if parse_item_no(texts[0] if texts else "") is None and (
            _section(heading) or _organisation(heading)
        ):
            # A heading whose spacing made it look like table cells (space-aligned text).
            self.text_line(TextLine(heading, row.where))
            return
        if self._is_header(texts, row.where):
            self.row_kinds.append((row, "header"))
            self.table_number = row.table
            # A header repeated at the top of a page does not end the row above it: the
            # row's remainder may follow (a row split across a page break).
            return
        filled = [t for t in texts if t]
        if not filled:
            return
        if all(match_key(t) in _none_markers() for t in filled):
            self.row_kinds.append((row, "none"))
            self.open_row = None
            return
        first_of_table = row.table != self.table_number
        self.table_number = row.table
        cells = self._by_role(row, texts)
        item = clean(" ".join(cells.pop("item_no", [])))
        if first_of_table and not item and self.open_row is None:
            # A table that starts with neither a known header nor a dataset: its header has
            # labels we do not know, so its columns cannot be trusted.
            self.log.add("unexpected_columns", " | ".join(texts), row.where, " | ".join(texts))
            self.row_kinds.append((row, "header"))
            return
        if not item and self.open_row is not None:
            for role, pieces in cells.items():
                self.open_row.cells.setdefault(role, []).extend(pieces)
            self.open_row.where = _merge_where(self.open_row.where, row.where)
            self.row_kinds.append((row, "continuation"))
            return
        if not item:
            self.log.add("orphan_continuation", where=row.where, text=" | ".join(filled))
        elif len(texts) < len(self.columns):
            self.log.add(
                "row_too_few_cells",
                f"{len(texts)} cells where the header has {len(self.columns)}",
                row.where,
                " | ".join(texts),
            )
        if self.section is None:
            self.log.add("row_outside_section", " | ".join(filled), row.where)
        self.row_kinds.append((row, "dataset"))
        self.open_row = RawRow(self.section, self.organisation, item, cells, row.where)
        self.rows.append(self.open_row)

    def _is_header(self, texts: list[str], where: Where) -> bool:
        labels = _header_labels()
        roles = [labels.get(_label_key(t)) if t else None for t in texts]
        if sum(r is not None for r in roles) < 2:
            return False
        if roles and roles[0] is None and not texts[0]:
            roles[0] = "item_no"
        self.columns = tuple(r or f"unknown_{i}" for i, r in enumerate(roles))
        self.header = _Header(texts, where)
        self.headers_seen += 1
        return True

    def _continues_header(self, texts: list[str]) -> bool:
        """A header label wrapped onto a second line (「數據種類／數據集」 / 「名稱」, "Target Release" /
        "Date"): the line extends the header if that leaves fewer labels unknown."""
        header = self.header
        if header is None or (texts and texts[0]) or not any(texts):
            return False
        width = max(len(header.texts), len(texts))
        padded = [*header.texts, *[""] * (width - len(header.texts))]
        merged = [
            join_pieces([h, t])
            for h, t in zip(padded, [*texts, *[""] * (width - len(texts))], strict=True)
        ]
        before, after = _unknown_labels(header.texts), _unknown_labels(merged)
        if after and len(after) >= len(before):
            return False
        self._is_header(merged, header.where)
        return True

    def end_header(self) -> None:
        """The header is complete: report it if its labels are not a plan's."""
        header, self.header = self.header, None
        if header is None:
            return
        roles = [_header_labels().get(_label_key(t)) for t in header.texts if t]
        if _unknown_labels(header.texts) or "category_name" not in roles:
            joined = " | ".join(header.texts)
            self.log.add("unexpected_columns", joined, header.where, joined)

    def _by_role(self, row: TableRow, texts: list[str]) -> dict[str, list[str]]:
        columns = self.columns
        cells: dict[str, list[str]] = {}
        for role, cell in zip(columns, row.cells, strict=False):
            cells[role] = [piece for piece in cell if piece.strip()]
        extra = row.cells[len(columns) :]
        if extra and any(t for t in texts[len(columns) :]):
            self.log.add(
                "row_too_many_cells",
                f"{len(texts)} cells where the header has {len(columns)}",
                row.where,
                " | ".join(texts),
            )
            for cell in extra:
                cells.setdefault("remarks", []).extend(p for p in cell if p.strip())
        return cells


@dataclass
class _Header:
    texts: list[str]
    where: Where


def _unknown_labels(texts: list[str]) -> list[str]:
    return [t for t in texts if t and _label_key(t) not in _header_labels()]


def _merge_where(first: Where, more: Where) -> Where:
    return Where(page=first.page, line=first.line, boxes=first.boxes + more.boxes)


def _document_text(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, TextLine):
            parts.append(block.text)
        else:
            parts.extend(piece for cell in block.cells for piece in cell)
    return "\n".join(parts)


def _build(document: Document, log: ProblemLog) -> _Builder:
    builder = _Builder(log)
    for block in document.blocks:
        if isinstance(block, TextLine):
            builder.text_line(block)
        else:
            builder.table_row(block)
    builder.end_header()
    return builder


def row_kinds(document: Document) -> list[tuple[TableRow, str]]:
    """What structure made of each table row: header, dataset, continuation or none."""
    return _build(document, ProblemLog("", document.source.path)).row_kinds


def structure(document: Document, log: ProblemLog) -> StructuredPlan:
    """Sections, organisations and rows of a document (problems go to ``log``)."""
    builder = _build(document, log)
    if not builder.sections and not builder.rows:
        log.add("not_a_plan")
    elif not builder.rows and not builder.headers_seen:
        log.add("no_tables")
    header = (
        parse_header(builder.header_lines, log)
        if builder.sections or builder.rows
        else (PlanHeader(None, None, None, None))
    )
    return StructuredPlan(
        source=document.source,
        header=header,
        sections=builder.sections,
        rows=builder.rows,
        language=detect_language(_document_text(document.blocks)),
    )
