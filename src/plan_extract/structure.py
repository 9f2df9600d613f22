"""Blocks → a structured plan: plan header, sections A–D, section C organisations, rows.

What this stage does, in order of the blocks:

- text lines before the first section are the plan header (department with its abbreviation, the
  title with the plan year, any introduction);
- a section heading (「A. 在2019年發放的部門數據集」) opens a section, with the years its title names;
- an organisation line (「(1) 香港電腦保安事故協調中心（下稱「香港協調中心」）」) opens an organisation;
- a header row sets the column roles by their labels (:mod:`.columns`), in any order and subset,
  and is dropped however often it repeats; unknown labels are kept as ``other`` columns;
- a row of only 「/」 (or "Nil", "N/A") means "no datasets";
- a grouping row (a category spanning the table, or a short line between table rows) sets the
  category of the datasets below it; so does a category written once in a vertically merged cell
  (whole for all its rows where a page break moved or cut its text, or where, in a table without
  ruling lines, its lines were read with the rows beside them);
- a row with an item number starts a dataset, one without continues the dataset above it cell by
  cell (a cell wrapped onto the next line or page); in a table with no item column, a row starts a
  dataset unless its date and frequency cells are empty (then it continues the row above);
- footnote lines ("* …", 「註1：…」) are collected and become the notes of the rows that carry
  their marker; page numbers are dropped; any other text is an ``unparsed_line`` problem.

Every table row is accounted for (:func:`row_kinds`): header, dataset, continuation, grouping, none
or problem.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

import regex

from .columns import (
    DEFAULT,
    NAME_ROLES,
    OTHER,
    Columns,
    header_columns,
    known_or_start,
    role_of,
    run_together_roles,
    second_line_columns,
    starts_a_label,
    unknown_count,
    wrapped_header_columns,
)
from .footnotes import Footnote, apply_footnotes, footnote_line, is_lone_marker, strip_markers
from .headings import (
    _organisation,
    _section,
    is_furniture,
    parse_header,
    parse_plan_year,
    section_years,
    split_abbreviation,
)

__all__ = [  # the stage's API; the heading parsers are re-exported for their callers
    "ROW_KINDS",
    "StructuredPlan",
    "_organisation",
    "_section",
    "parse_plan_year",
    "row_kinds",
    "split_abbreviation",
    "structure",
]
from .model import (
    Block,
    Cell,
    Document,
    Organisation,
    PlanHeader,
    RawRow,
    Section,
    StructuredPlan,
    TableRow,
    TextLine,
    Where,
    blocks_text,
)
from .normalise.dates import parse_release_date
from .normalise.frequency import parse_frequency, starts_a_phrase
from .normalise.numerals import parse_item_no
from .normalise.remarks import awaits_name, format_tokens, note_start, split_category
from .normalise.text import (
    CJK_CHARACTERS,
    append_piece,
    clean,
    detect_language,
    join_pieces,
    match_key,
)
from .problems import ProblemLog
from .vocab import column, load_table
from .words import carried_on

ROW_KINDS = ("header", "dataset", "continuation", "grouping", "none", "problem")
# Roles whose emptiness marks a continuation line in a table without item numbers.
KEY_ROLES = ("release_date", "update_frequency")
MAX_TITLE_TAIL = 80  # characters: a longer line under a cut title is a paragraph, not its end
_HEADING_TAIL = regex.compile(r"^(?:\p{Ll}[\p{L}\-’']+(?=\s|$)|\p{Han})[^:：]{0,59}$")
# A grouping line is a short run of words, not a sentence or debris.
_HAN = regex.compile(r"\p{Han}")
_HAN_END = regex.compile(r"\p{Han}\s*$")
_LATIN = regex.compile(r"\p{Latin}")
_LABEL_MARK = regex.compile(r"^\s*[、.．)）:：]\s*$")  # what an item label may end with, alone
_GROUPING_TEXT = regex.compile(r"^[\p{L}\p{N}][\p{L}\p{N}\p{Zs}&,'’()（）、．.\-–/／]{0,59}$")


@cache
def _none_markers() -> frozenset[str]:
    return frozenset(match_key(row["marker"]) for row in load_table("none_markers"))


@dataclass
class _Header:
    texts: list[str]
    where: Where


class _Builder:
    """The state of one pass over a document's blocks."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log
        self.header_lines: list[TextLine] = []
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.department = Organisation(0, None, None)
        self.organisation = self.department
        self.columns: Columns = DEFAULT  # roles of the table being read
        self.rows: list[RawRow] = []
        self.open_row: RawRow | None = None
        self.open_line: TableRow | None = None  # the open row's last line, as the reader gave it
        self.table_number = -1
        self.row_kinds: list[tuple[TableRow, str]] = []  # what became of each row
        self.header: _Header | None = None  # the header row just read, while it may continue
        self.last_labels: list[str] | None = None  # the last complete header's labels, as printed
        self.first_label = -1  # the column of its first label (-1: none)
        self.header_base: Columns | None = None  # the columns before that header, if any
        self.headers_seen = 0
        self.empty_table: Where | None = None  # a header read, and no row under it yet
        self.first_row_due = False  # a header read, and no row with text under it yet
        self.heading_open = False  # the last block was a section heading
        self.unknown_reported: set[str] = set()
        self.category: str | None = None  # from a grouping row or a merged category cell
        self.positions: Counter[tuple[str | None, int]] = Counter()
        self.footnotes: list[Footnote] = []
        self.group_line: tuple[str | None, Where | None, bool] | None = None  # (text, where, used)
        self.category_run = _CategoryRun()  # rows of the merged category cell being read
        self.block = 0  # index of the block being read
        self.next_block: Block | None = None

    # -- text lines -------------------------------------------------------------------------

    def text_line(self, line: TextLine) -> None:
        text = clean(line.text)
        if self.header is not None and is_furniture(text):
            return  # a page number between a header row and its remainder on the next page
        if self.header is not None and (self._ends_a_label(text) or self._continues_header([text])):
            return  # the end of a label, a line of its own in a header without rules
        if self._repeats_header_as_text(text):
            return
        self.end_header()
        heading_open, self.heading_open = self.heading_open, False
        section = _section(text)
        if section is not None:
            self.end_table()
            self._start_group(None, None)
            self.section, self.organisation = section, self.department
            self.sections.append(section)
            self.heading_open = True
            return
        if heading_open and self._continues_heading(text):
            return
        if self.section is None:
            self.header_lines.append(line)
            return
        organisation = _organisation(text)
        if organisation is not None:
            self._start_group(None, None)
            self.organisation = organisation
        elif is_furniture(text):
            return
        elif (footnote := footnote_line(text, self.block)) is not None:
            self.footnotes.append(footnote)
        elif self._takes_awaited_name(text):
            return
        elif self._is_grouping_line(text):
            self._start_group(text, line.where)
        else:
            self.log.add("unparsed_line", text, line.where, text)

    def _takes_awaited_name(self, text: str) -> bool:
        """A line of text under a row whose category and name cell, the first column of a table
        without item numbers, holds its category and separator only (「社會福利／」): the name,
        on the cell's next line. A table read a line at a time gives a line alone in its first
        column as text (read/layout.py: there it is most often a category across the table), so
        the row takes it here."""
        row = self.open_row
        roles = self.columns.roles
        if row is None or self.columns.has_item_column or not roles or roles[0] != "category_name":
            return False
        if not _awaits_name(row):
            return False
        row.cells["category_name"] = [*row.cells.get("category_name", []), text]
        return True

    def _repeats_header_as_text(self, text: str) -> bool:
        """The table's header repeated on a new page, read as one line of text: its labels too
        close together to be told apart without the rows that align them (a narrow "Light
        Shading" table holding only a row's remainder on the page). Not a grouping line."""
        if not self.headers_seen:
            return False
        labels = "".join(label for label in self.columns.labels if label.strip())
        if labels and _run_together(text) == _run_together(labels):
            return True
        # or the same columns worded otherwise: section D's "Release Date" for "Target Release
        # Date" (random Word layouts, seed 101)
        roles = run_together_roles(text)
        named = [role for role in self.columns.roles if role != "item_no"]
        return roles is not None and len(roles) >= 2 and list(roles) == named

    def end_table(self) -> None:
        """A table header with no row at all under it (not even 「/」): the rows were lost, most
        likely where the document was cut short."""
        if self.empty_table is not None:
            self.log.add("table_without_rows", where=self.empty_table)
        self.empty_table = None

    def _continues_heading(self, text: str) -> bool:
        """The second line of a section title wrapped on the page ("… by departments and other" /
        "organisations"): a lower-case or Chinese line right under it, not above a table row; or
        any short line under a title cut after a word no title ends in ("… datasets uploaded
        onto" / "DATA.GOV.HK by departments…": random Word layouts, seed 978)."""
        section = self.section
        if section is None:
            return False
        cut = ends_mid_phrase(section.title) and len(text) <= MAX_TITLE_TAIL
        if not cut and not _HEADING_TAIL.match(text):
            return False
        if isinstance(self.next_block, TableRow) and not (cut or text[0].islower()):
            return False  # a category line above the table
        title = join_pieces([section.title, text])
        extended = Section(section.letter, title, section.years or section_years(title))
        self.sections[-1] = self.section = extended
        return True

    def _start_group(self, category: str | None, line: Where | None) -> None:
        """A new category context (None at a section or organisation). A grouping line or row that
        no row used (every row below printed its own category, or none came before the next
        section) was not a category after all, or not only: it is reported as a line not
        understood (a row's remainder a table style left in one cell across the table, say)."""
        self.end_group()
        self.category_run.close()
        self.open_row, self.category = None, category
        self.group_line = (category, line, False) if category and line else None

    def end_group(self) -> None:
        if self.group_line is not None and not self.group_line[2]:
            text, where, _ = self.group_line
            self.log.add("unparsed_line", text or "", where, text)
        self.group_line = None

    def _is_grouping_line(self, text: str) -> bool:
        """A short line right above a table row: a category printed across the table."""
        return isinstance(self.next_block, TableRow) and bool(_GROUPING_TEXT.match(text))

    # -- table rows ---------------------------------------------------------------------------

    def table_row(self, row: TableRow) -> None:
        split = self._header_over_rest(row)
        if split is not None:
            # one row as the reader gave it: accounted as the header it repeats
            mark = len(self.row_kinds)
            for part in split:
                self.table_row(part)
            del self.row_kinds[mark:]
            self.row_kinds.append((row, "header"))
            return
        self.heading_open = False
        texts = [clean(" ".join(cell)) for cell in row.cells]
        labels = [" ".join(" ".join(cell).split()) for cell in row.cells]  # as printed
        filled = [t for t in texts if t]
        if self._continues_header(texts):
            self.row_kinds.append((row, "header"))
            return
        if self._second_language_header(labels, row.where):
            self.row_kinds.append((row, "header"))
            return
        self.end_header()
        heading = " ".join(filled)
        if self._is_heading(texts, heading):
            # A heading whose spacing made it look like table cells (space-aligned text).
            self.text_line(TextLine(heading, row.where))
            self.row_kinds.append((row, "header"))
            return
        if _is_footnote_row(texts):
            # A footnote under a table's foot the reader took for a grouping row of the table
            # going on from the page before: kept as the footnote it is.
            self.text_line(TextLine(heading, row.where))
            self.row_kinds.append((row, "header"))
            return
        if self._is_header(labels, row.where, table_start=row.table != self.table_number):
            self.row_kinds.append((row, "header"))
            self.table_number = row.table
            # A header repeated at the top of a page does not end the row above it: the
            # row's remainder may follow (a row split across a page break).
            return
        self.empty_table = None
        if not filled or _says_none(row, filled):
            self.row_kinds.append((row, "none"))
            if filled:
                self.open_row = None
            return
        if self.first_row_due:  # the first row with text under a header
            self.first_row_due = False
            self._item_column_left_out(texts)
        first_of_table = row.table != self.table_number
        self.table_number = row.table
        self.row_kinds.append((row, self._body_row(row, texts, first_of_table)))

    def _header_over_rest(self, row: TableRow) -> tuple[TableRow, TableRow] | None:
        """A header repeated at a page's top with the rest of the row a page break cut in its
        cells, as one row: a table style with no rule under its header (random Word layouts,
        seed 981, "Light Shading": "Update" / "Frequency" / "necessary Note:" / "Data of the").
        Each cell begins with the lines of the last header's label; the lines after them, in
        one cell or more, are the open row's. Returns the header's row and the rest's."""
        labels, open_row, first = self.last_labels, self.open_row, self.first_label
        if labels is None or first < 0 or open_row is None or len(labels) != len(row.cells):
            return None
        if _label_lines(row.cells[first], labels[first]) is None or self.header is not None:
            return None  # a row's values, nearly always: its first labelled cell tells
        page, open_page = row.where.page, open_row.where.page
        if page is not None and open_page is not None and page <= open_page:
            return None  # a header repeats on a later page than the row it cuts
        head: list[Cell] = []
        rest: list[Cell] = []
        for cell, label in zip(row.cells, labels, strict=True):
            lines = _label_lines(cell, label)
            if lines is None:
                return None
            head.append(cell[:lines])
            rest.append(cell[lines:])
        if not any(rest) or not any(head):
            return None
        return replace(row, cells=tuple(head)), replace(row, cells=tuple(rest))

    @staticmethod
    def _is_heading(texts: list[str], heading: str) -> bool:
        """A section or organisation heading split into cells. "(1)" may be an item label, so an
        organisation heading must have no more than a label and, next to it, a name (a row cut
        by a page break may leave "(1)" and a date further right on the first page), which is
        no value ("(1)" and "XLSX": a bilingual row's item and formats, its English half on the
        next page)."""
        filled = [i for i, t in enumerate(texts) if t]
        if not filled or filled[0] != 0:
            # A heading starts at the table's left; a row whose text starts further right is a
            # row's remainder ("A. Microbiological quality)" continuing a name after a page break).
            return False
        numbered = parse_item_no(texts[0]) is not None
        if not numbered and _section(heading):
            return True
        label_and_name = len(filled) == 1 or (filled == [0, 1] and not _is_a_value(texts[1]))
        return (not numbered or label_and_name) and _organisation(heading) is not None

    def _body_row(self, row: TableRow, texts: list[str], first_of_table: bool) -> str:
        """Place a body row; return its kind."""
        roles, labels = self._row_columns(texts)
        cells, others = self._by_role(row, texts, roles, labels)
        filled = [t for t in texts if t]
        item = _item_label(cells.get("item_no", []))
        if self._is_grouping_row(row, texts, item):
            self._start_group(filled[0], row.where)  # reported if no row takes it
            return "grouping"
        category_cell = self._category_cell(row, roles, cells)
        rest = self.category_run.rest_in(row, category_cell, cells)
        below = list(cells.get("category", []))
        kind = self._place_body_row(row, texts, first_of_table, item, cells, others)
        if rest is not None:
            self._join_category(*rest, below, row.where.page)
        elif kind == "dataset" and self.open_row is not None:
            self.category_run.add(self.open_row, row, category_cell)
        return kind

    def _join_category(
        self, rows: list[RawRow], above: list[str], below: list[str], page: int | None
    ) -> None:
        """A merged category cell's text that went beyond the row it starts at
        (:class:`_CategoryRun`), whole for its rows so far, the row just placed (which printed the
        rest) and those the cell covers further down."""
        pieces = list(above)
        _carry_on(pieces, below)
        category = clean(" ".join(pieces))
        targets = list(rows)
        if self.open_row is not None and all(raw is not self.open_row for raw in targets):
            targets.append(self.open_row)
        for raw in targets:
            if raw.cells.get("category"):
                raw.cells["category"] = [category]
            else:
                raw.category = category
        self.category = category
        self.category_run.joined(targets, category, page)

    def _place_body_row(
        self,
        row: TableRow,
        texts: list[str],
        first_of_table: bool,
        item: str,
        cells: dict[str, list[str]],
        others: list[tuple[str, list[str]]],
    ) -> str:
        filled = [t for t in texts if t]
        if not self.columns.has_item_column:
            last, self.open_line = self.open_line, row
            if (
                self.open_row is not None
                and not _whole_row_after(row, last)
                and self._goes_on(cells)
            ):
                self._continue(row, cells, others)
                return "continuation"
            self._new_row(row, "", cells, others)
            return "dataset"
        if first_of_table and not item and self.open_row is None:
            # A table that starts with neither a known header nor a dataset: its header has
            # labels we do not know, so its columns cannot be trusted.
            self.log.add("unexpected_columns", " | ".join(texts), row.where, " | ".join(texts))
            return "problem"
        if not item and self.open_row is not None:
            self._continue(row, cells, others)
            return "continuation"
        if self._ends_item_label(item):
            self._continue(row, cells, others)
            return "continuation"
        if not item:
            self.log.add("orphan_continuation", where=row.where, text=" | ".join(filled))
        elif _missing_key_cells(texts, self.columns.roles):
            self.log.add(
                "row_too_few_cells",
                f"{len(texts)} cells where the header has {len(self.columns.roles)}",
                row.where,
                " | ".join(texts),
            )
        self._new_row(row, item, cells, others)
        return "dataset"

    def _goes_on(self, cells: dict[str, list[str]]) -> bool:
        """In a table without item numbers, whether the row is the open row's next line, not a
        row of its own: a table giving a row per line (a Word style without rules inside) tells
        the two apart by the date and frequency cells, which every dataset fills on its first
        line, and by its name. The line goes on with the open row when:

        - the open row's category and name cell has its category only, and the line has the
          name that was to come (「社會福利／」 / 「學校社會工作服務機構名單」);
        - the open row has no name, and the line has one and fills only cells the open row left
          empty: the row's first line held only values both languages share (a bilingual
          table's "05.2019" and "XLS / XML" above its English line);
        - it has no name (where the table has a name column) and states no date nor frequency
          of its own ("19" under "30/04/20"): the rest of a cell a wrap cut, not a dataset;
        - each date or frequency it fills carries on the open row's
          (:meth:`_carries_on_key_values`); so does a line that fills neither."""
        open_row = self.open_row
        if open_row is None:
            return False
        if cells.get("category_name") and _awaits_name(open_row):
            return True
        names = NAME_ROLES.intersection(self.columns.roles)
        named = any(cells.get(role) for role in names)
        if (
            named
            and not any(open_row.cells.get(role) for role in names)
            and not any(open_row.cells.get(role) for role in cells if cells[role])
        ):
            return True  # the rest of a row whose first line had no name, in cells it left empty
        keys = {role: join_pieces(cells[role]) for role in KEY_ROLES if cells.get(role)}
        if names and not named and not any(_is_value(role, t) for role, t in keys.items()):
            return True
        return self._carries_on_key_values(open_row, keys)

    @staticmethod
    def _carries_on_key_values(open_row: RawRow, keys: dict[str, str]) -> bool:
        """Whether each of a line's date and frequency texts (``keys``) carries on the open
        row's: it begins a note (「註：上月數據」, "Note: subject to": a row's first line states
        its value before any note), it goes on with a note in the open row's cell until a line
        states a value of the column ("每月 註：亦會發放" / "2010年以來的歷史數據"), it is a footnote
        marker alone (random Word layouts, seed 855: "By" / "31.10.2019" / "†"), or it is the
        rest of a value a wrap cut mid-phrase ("As and" / "when" / "necessary", "End of" /
        "2022", 「二〇二二年第四」 / 「季」) or after a rougher whole one (「二〇二〇年」 /
        「一月」: alone it states no value, the two lines one)."""
        for role, text in keys.items():
            if note_start(text) == 0 or is_lone_marker(text):
                continue  # a note, or a footnote marker a wrap put on a line of its own ("†")
            before = clean(" ".join(open_row.cells.get(role, [])))
            if before and note_start(before) is not None:
                if _is_value(role, text):
                    return False
                continue
            if not before:
                return False
            if _is_value(role, before):
                # a whole value made more precise by a line that states none of its own
                # ("二〇二〇年" / "一月", "2021" / "Q1"; random Word layouts, seed 1313)
                if _is_value(role, text) or not _is_value(role, join_pieces([before, text])):
                    return False
                continue
            # the value ends where a note begins ("Every 3" / "months Note: Data of the")
            joined = join_pieces([before, text])
            start = note_start(joined)
            value = joined[:start].strip() if start else joined
            if not (_is_value(role, value) or _starts_value(role, value)):
                return False
        return True

    def _ends_item_label(self, item: str) -> bool:
        """The row's item cell is the end of the label above, which a page break cut in a
        narrow item column (「（一」 / 「）」): the row continues that one, whose label is now whole."""
        label = self._label_ended_by(item)
        if label is None or self.open_row is None:
            return False
        self.open_row.item_cell = label
        return True

    def _label_ended_by(self, item: str) -> str | None:
        """The open row's item label with ``item`` added, where the label was cut and ``item``
        completes it; else None."""
        open_row = self.open_row
        if open_row is None or not item:
            return None
        if parse_item_no(item) is not None and not _opens(open_row.item_cell):
            return None  # a label of its own; but 「（」 / 「二）」: the rest of a cut one
        label = join_pieces([open_row.item_cell, item])
        number = parse_item_no(open_row.item_cell)
        if number is not None:
            # a label whole but for its last mark, which a page break put on the next page
            # (「一」 / 「、」: random Word layouts with looks, seed 1455): the mark alone
            # ends it where the two number the same
            return label if _LABEL_MARK.match(item) and parse_item_no(label) == number else None
        return label if parse_item_no(label) is not None else None

    def _category_cell(
        self, row: TableRow, roles: tuple[str, ...], cells: dict[str, list[str]]
    ) -> str:
        """The row's category cell: ``covered`` by a merged cell from above, ``blank`` (a cell
        with no text), ``text``, or ``none`` (the table has no category column)."""
        columns = _category_columns(roles)
        if not columns:
            return "none"
        if all(i in row.covered for i in columns):
            return "covered"
        return "text" if cells.get("category") else "blank"

    def _is_grouping_row(self, row: TableRow, texts: list[str], item: str) -> bool:
        """A category row: one cell spanning the table (the others covered by the merge), or,
        in a table with item numbers, text in the item column that is not a number and nothing
        else."""
        filled = [i for i, t in enumerate(texts) if t]
        if len(filled) != 1 or len(texts) < 2:
            return False
        if item and filled[0] == 0 and self._label_ended_by(item) is not None:
            # 「）」 under 「（三」: a row per line, or the rest of a cut row one cell across the
            # table under the header repeated (random Word layouts with looks, seed 2466)
            return False
        if len(row.covered) >= len(texts) - 1:
            return True
        return bool(item) and filled[0] == 0 and parse_item_no(item) is None

    def _new_row(
        self,
        row: TableRow,
        item: str,
        cells: dict[str, list[str]],
        others: list[tuple[str, list[str]]],
    ) -> None:
        if self.section is None:
            self.log.add("row_outside_section", " | ".join(" ".join(c) for c in row.cells))
        group = (self.section.letter if self.section else None, self.organisation.number)
        self.positions[group] += 1
        own_category = clean(" ".join(cells.get("category", [])))
        if own_category:
            self.category = own_category
        combined = clean(" ".join(cells.get("category_name", [])))
        printed = own_category or (combined and split_category(combined)[0])
        if not printed and self.group_line is not None:
            self.group_line = (self.group_line[0], self.group_line[1], True)
        self.open_row = RawRow(
            self.section,
            self.organisation,
            item,
            cells,
            row.where,
            position=0 if self.columns.has_item_column else self.positions[group],
            category=None if printed else self.category,
            other_columns=others,
            block=self.block,
        )
        self.rows.append(self.open_row)

    def _continue(
        self, row: TableRow, cells: dict[str, list[str]], others: list[tuple[str, list[str]]]
    ) -> None:
        open_row = self.open_row
        if open_row is None:  # callers check; kept for the type checker
            return
        for role, pieces in cells.items():
            _carry_on(open_row.cells.setdefault(role, []), pieces)
        if cells.get("category"):
            # As for a new row, the row's own category is the one rows below without one take:
            # here whole, once its remainder has come after a page break (a merged cell the
            # break cuts, or a bilingual category whose English half went to the next page).
            self.category = clean(" ".join(open_row.cells["category"]))
        for label, pieces in others:
            existing = dict(open_row.other_columns)
            if label in existing:
                _carry_on(existing[label], pieces)
            elif pieces:
                open_row.other_columns.append((label, pieces))
        open_row.where = _merge_where(open_row.where, row.where)

    # -- headers ------------------------------------------------------------------------------

    def _is_header(
        self, texts: list[str], where: Where, continued: bool = False, table_start: bool = False
    ) -> bool:
        """Whether the row is a header (``continued``: the header read so far with the row's
        labels added); if so, its columns are the table's from here. A table's first row may be
        the first line of a header whose labels go on on the next (``table_start``)."""
        columns = header_columns(texts)
        if columns is None and table_start and isinstance(self.next_block, TableRow):
            columns = wrapped_header_columns(texts)
        if columns is None:
            return False
        if not continued:
            # A header can repeat only one seen before (not the default columns of a headerless
            # text, which a first header without an item column would otherwise "repeat"); a
            # header wrapped over two lines repeats the one before its first line.
            self.header_base = self.columns if self.headers_seen else None
        base = self.header_base
        self.columns = columns.repeats(base) if base is not None else columns
        self.header = _Header(texts, where)
        self.headers_seen += 1
        self.empty_table = where
        self.first_row_due = True
        return True

    def _second_language_header(self, labels: list[str], where: Where) -> bool:
        """A header row right under another (Chinese labels, then English ones): one header whose
        labels are both, and whose roles come from whichever line knows them."""
        header = self.header
        if header is None or len(labels) != len(header.texts):
            return False
        second = header_columns(labels) or second_line_columns(labels, self.columns.roles)
        if second is None:
            return False
        if labels == header.texts:
            return True  # the same header again (repeated at the top of the next page)
        first = self.columns
        merged = [_both_labels(a, b) for a, b in zip(header.texts, labels, strict=True)]
        # the role of the label both lines make, else of whichever line knows it (a line may
        # hold only the start of a label: "Data Category /" over "Dataset Name")
        roles = tuple(
            role_of(label) or (b if b != OTHER else a)
            for label, a, b in zip(merged, first.roles, second.roles, strict=False)
        )
        self.columns = Columns(roles, tuple(merged), first.numbered_elsewhere)
        self.header = _Header(merged, header.where)
        return True

    def _continues_header(self, texts: list[str]) -> bool:
        """A header label wrapped onto a second line (「數據種類／數據集」 / 「名稱」, "Target Release" /
        "Date"): the line extends the header if its cells end known labels and leave no label
        unknown that was known."""
        header = self.header
        if header is None or not any(texts):
            return False
        if self.last_labels is not None and list(map(match_key, header.texts)) == list(
            map(match_key, self.last_labels)
        ):
            # the last complete header again, whole: a line under it ends no label of it, but
            # is the rest of a row a page break cut (random Word layouts with looks, seed 2288:
            # 「S」 of 「KML、KMZ、XL」 / 「S」 under the repeated 「數據格式 Data Format」)
            return False
        width = max(len(header.texts), len(texts))
        padded = [*header.texts, *[""] * (width - len(header.texts))]
        more = [*texts, *[""] * (width - len(texts))]
        merged = [_extend_label(h, t) if t else h for h, t in zip(padded, more, strict=True)]
        if texts[0] and not (self._repeats_earlier(merged) or _ends_first_label(header, merged)):
            return False  # a first cell filled: a row (but for a repeat the page cut, below)
        if all(match_key(t) in _none_markers() for t in texts if t):
            return False  # 「/ / /」 under the header: no datasets, not a label
        if all(is_lone_marker(t) for t in texts if t):
            return False  # a footnote marker a page break left under the repeated header
        # No label may become unknown, and the line must end a known one: an unknown column
        # elsewhere in the header (「負責組別」) must not stop 「數據集」 + 「名稱」 from joining.
        if unknown_count(merged) > unknown_count(header.texts):
            return False
        if not any(t and known_or_start(m) for t, m in zip(more, merged, strict=True)):
            return False
        self._is_header(merged, header.where, continued=True)
        return True

    def _ends_a_label(self, text: str) -> bool:
        """A line of text under a header that ends some of its labels, each of its words going in
        order to a label it leaves known, one of them unknown before, in the one way that does:
        the last line of a header row a page break cut, alone above the table's rows on the next
        page ("Update" / page break / "Frequency": random Word layouts, seed 838, the frequencies
        were read as dates; "Frequency Name", the ends of "Update" and "Data Category /
        Dataset" in one line: seed 906)."""
        header = self.header
        if header is None:
            return False
        labelled = [index for index, label in enumerate(header.texts) if label.strip()]
        words = text.split()
        if not words or len(words) > MAX_LABEL_WORDS:
            return False
        found = [
            ends
            for count in range(1, min(len(words), len(labelled)) + 1)
            for columns in itertools.combinations(labelled, count)
            if any(role_of(header.texts[index]) is None for index in columns)
            for cuts in itertools.combinations(range(1, len(words)), count - 1)
            if (ends := _label_ends(header.texts, columns, words, cuts)) is not None
        ]
        if len(found) != 1:
            return False
        return self._continues_header(found[0])

    def _repeats_earlier(self, merged: list[str]) -> bool:
        """Whether a header's two lines, joined into ``merged``, are the header before it without
        its item column: the header repeated on a new page, whose empty item label the page left
        out, wrapped over two lines ("Data Category / Dataset" / "Name"). Only then may the second
        line's first cell hold a label: elsewhere a row whose first cell is filled is a row (a
        category, a name)."""
        base = self.header_base
        if base is None:
            return False
        named = [
            label for role, label in zip(base.roles, base.labels, strict=True) if role != "item_no"
        ]
        return list(map(match_key, merged)) == list(map(match_key, named))

    def end_header(self) -> None:
        """The header is complete: report it if it names no dataset column, and its unknown
        columns (their text is kept in ``other_columns``)."""
        header, self.header = self.header, None
        if header is None:
            return
        self.last_labels = header.texts
        self.first_label = next((i for i, label in enumerate(header.texts) if label), -1)
        joined = " | ".join(header.texts)
        if not NAME_ROLES & set(self.columns.roles):
            self.log.add("unexpected_columns", joined, header.where, joined)
            return
        for label in map(_label_text, self.columns.unknown_labels):
            if label and label not in self.unknown_reported:  # once, not once a page
                self.unknown_reported.add(label)
                self.log.add("unknown_column", repr(label), header.where, joined)

    def _item_column_left_out(self, texts: list[str]) -> None:
        """A header read without its item column, the label over it being empty (a table style
        without vertical rules: the empty cell leaves nothing to read), under which the first
        row has one cell more than the header, an item label, in front: the table's columns are
        the header's with the item column first, for this row and those below."""
        columns = self.columns
        if (
            "item_no" not in columns.roles
            and not columns.numbered_elsewhere
            and len(texts) == len(columns.roles) + 1
            and parse_item_no(texts[0]) is not None
        ):
            self.columns = Columns(("item_no", *columns.roles), ("", *columns.labels))

    def _row_columns(self, texts: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The roles and labels of the row's cells: the header's, and, under a repeated header
        whose empty item label the page left out (:meth:`.Columns.repeats`), the item column in
        front where the row has it (one cell more than the header has, a number or, for the rest
        of a row a page break cut, empty). Where the row has as many cells as the header and an
        item label in the first, the page's text left out the column right of the item column
        too, empty on its page, its label read over the item numbers (``pdftotext -layout``:
        「备注」 over 「２」, random layouts seed 2006): the item column stands in for it."""
        columns = self.columns
        roles, labels = columns.roles, columns.labels
        if not columns.numbered_elsewhere:
            return roles, labels
        numbered = parse_item_no(texts[0]) is not None if texts else False
        if len(texts) == len(roles) + 1 and (numbered or not texts[0]):
            return ("item_no", *roles), ("", *labels)
        if len(texts) == len(roles) and numbered:
            return ("item_no", *roles[1:]), ("", *labels[1:])
        return roles, labels

    def _by_role(
        self, row: TableRow, texts: list[str], roles: tuple[str, ...], labels: tuple[str, ...]
    ) -> tuple[dict[str, list[str]], list[tuple[str, list[str]]]]:
        """The row's cells by the ``roles`` of its columns (:meth:`_row_columns`), and the cells
        of unknown columns with their ``labels``."""
        cells: dict[str, list[str]] = {}
        others: list[tuple[str, list[str]]] = []
        for role, label, cell in zip(roles, labels, row.cells, strict=False):
            pieces = [piece for piece in cell if piece.strip()]
            if role == OTHER:
                others.append((_label_text(label), pieces))
            else:
                cells.setdefault(role, []).extend(pieces)
        extra = row.cells[len(roles) :]
        if extra and any(t for t in texts[len(roles) :]):
            self.log.add(
                "row_too_many_cells",
                f"{len(texts)} cells where the header has {len(roles)}",
                row.where,
                " | ".join(texts),
            )
            for cell in extra:
                cells.setdefault("remarks", []).extend(p for p in cell if p.strip())
        return cells, others


@cache
def _category_columns(roles: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(i for i, role in enumerate(roles) if role == "category")


@cache
def _connecting_end() -> regex.Pattern[str]:
    """Text ending on a word or sign it cannot end on (``vocab/connecting_words.tsv``)."""
    words = column("connecting_words", "word")
    latin = [regex.escape(w) for w in words if w.isascii() and w.isalpha()]
    signs = [regex.escape(w) for w in words if not (w.isascii() and w.isalpha())]
    return regex.compile(
        rf"(?:\b(?:{'|'.join(latin)})|(?:{'|'.join(signs)}))\s*$", regex.IGNORECASE
    )


def ends_mid_phrase(text: str) -> bool:
    """Whether ``text`` ends on a connecting word or sign: it goes on on the next line."""
    return _connecting_end().search(text) is not None


@cache
def _categories() -> frozenset[str]:
    return frozenset(match_key(category) for category in column("categories", "category"))


def continues_category(above: str, below: str) -> bool:
    """Whether ``below``, the text of a merged category cell's part at the top of a page, goes on
    with ``above``, its part at the foot of the page before: ``above`` ends in a connecting word
    ("Commerce and" / "Industry", 「就業及」 / 「勞工」), or the two make a DATA.GOV.HK category
    (``vocab/categories.tsv``) that ``above`` alone is not ("City" / "Management")."""
    if ends_mid_phrase(above):
        return True
    known = _categories()
    return match_key(above) not in known and match_key(join_pieces([above, below])) in known


class _CategoryRun:
    """The rows of a vertically merged category cell so far, and its text, to be made whole where
    the text went beyond the row it starts at: across a page break, or, in a table without ruling
    lines, down into the rows below.

    Word moves a short paragraph (two or three lines: widow and orphan control) whole to the next
    page, or breaks a longer one between pages: the merged cell's part at the page's foot is then
    empty ("blank") or holds the first lines only ("Commerce and"), and its part at the top of the
    next page the rest. In a table without ruling lines, each line of the merged cell is read with
    the row it is printed beside ("Commerce and" with one row, "Industry" with the next). The rows
    take the whole category, not the one above them or half of one: where the first part was
    empty, all of the rest; where the two parts are one category, both joined
    (:func:`continues_category`).

    A run starts at a row whose category cell is there (not covered), takes the rows below it that
    the merged cell covers (or that print no category), and ends at a row with a category of its
    own, the first row after a page break, a grouping row, a section or an organisation. An empty
    cell at a page's first row starts none: it is the part of a merged cell whose text is on the
    page before. An empty part is filled only in a table with merged category cells (a row covered
    by one seen): text plans, and tables printing a category on every row, keep the category
    above."""

    def __init__(self) -> None:
        self.rows: list[RawRow] = []
        self.pieces: list[str] = []  # the cell's text so far
        self.page: int | None = None
        self.merges_seen = False
        self.first_on_page = True  # the row being placed is its page's first body row
        self.last_page: int | None = None

    def close(self) -> None:
        self.rows, self.pieces, self.page = [], [], None

    def rest_in(
        self, row: TableRow, category_cell: str, cells: dict[str, list[str]]
    ) -> tuple[list[RawRow], list[str]] | None:
        """Called for every body row before it is placed: (the run's rows, its text so far) when
        the row's category cell holds the rest of the run's cell; the first row after the page the
        run is on ends it otherwise."""
        self.first_on_page = row.where.page != self.last_page
        self.last_page = row.where.page
        if not self.rows or category_cell != "text":
            if self.rows and row.where.page != self.page:
                self.close()
            return None
        rows, pieces, page, before = self.rows, self.pieces, row.where.page, self.page
        later = page is not None and before is not None and page > before
        if pieces:  # the rest of a cut text: on the same page (no ruling lines) or the next
            below = clean(" ".join(cells["category"]))
            if (page == before or later) and continues_category(clean(" ".join(pieces)), below):
                return rows, pieces
        elif self.merges_seen and later:  # a merged cell empty at the page's foot
            return rows, pieces
        if page != before:
            self.close()
        return None

    def add(self, raw: RawRow, row: TableRow, category_cell: str) -> None:
        """A new dataset row, by its category cell."""
        if category_cell == "covered":
            self.merges_seen = True
        # Under the merged cell: covered by it; in a table without ruling lines, printing none.
        under = category_cell == "covered" or (category_cell == "blank" and not self.merges_seen)
        if under and self.rows and row.where.page == self.page:
            self.rows.append(raw)
        elif category_cell == "text" or (
            category_cell == "blank" and row.where.page is not None and not self.first_on_page
        ):
            self.rows, self.page = [raw], row.where.page
            self.pieces = list(raw.cells.get("category", []))
        else:
            self.close()

    def joined(self, rows: list[RawRow], category: str, page: int | None) -> None:
        """The run's cell made whole up to the row just placed (the last of ``rows``)."""
        self.rows, self.pieces, self.page = rows, [category], page


def _both_labels(first: str, second: str) -> str:
    """A column's label from two header lines; a line repeating the first adds nothing, and a
    Chinese line under a Chinese label is its wrap (「目標發放日」 / 「期」, beside the English
    labels of the other columns), not a second language."""
    a, b = (regex.sub(r"\s+", "", t) for t in (first, second))
    if not b or b in a:
        return first
    if _HAN_END.search(a) and not _LATIN.search(b):
        return append_piece(first, second)
    return f"{first} {second}".strip()


def _run_together(text: str) -> str:
    """Text in its matching form without spaces: labels printed apart compare with the line
    that runs them together."""
    return "".join(match_key(text).split())


def _extend_label(label: str, piece: str) -> str:
    """A header label with the next line's ``piece``: joined as a wrap is, but for an English
    label's first word under a Chinese one, which is the label's second language (「目標發放日期」 /
    "Target" / "Release Date"), after a space."""
    if _HAN_END.search(label) and not _HAN.search(piece) and _LATIN.match(piece.lstrip()):
        return f"{label.rstrip()} {clean(piece)}"
    return append_piece(label, piece)


def _says_none(row: TableRow, texts: list[str]) -> bool:
    """Whether every cell's text (``texts``, joined: 「不適」 / 「用」) or every line of every
    cell is a "no datasets" marker ("Nil", 「/」): a cell may hold one per column it spans
    ("Nil" / "Nil", two columns read as one)."""
    markers = _none_markers()
    if match_key(texts[0]) not in markers and match_key(clean(_first_line(row))) not in markers:
        return False  # a row's values, nearly always: its first text tells
    if all(match_key(text) in markers for text in texts):
        return True
    pieces = (piece for cell in row.cells for piece in cell if piece.strip())
    return all(match_key(clean(piece)) in markers for piece in pieces)


def _first_line(row: TableRow) -> str:
    return next((piece for cell in row.cells for piece in cell if piece.strip()), "")


def _opens(label: str) -> bool:
    """Whether an item label opens a bracket it does not close (「（」, "(1": cut by a page break
    or a narrow column)."""
    return label.count("(") + label.count("（") > label.count(")") + label.count("）")


def _label_lines(cell: Cell, label: str) -> int | None:
    """How many of the cell's first lines print ``label`` (as printed, spaces collapsed); None
    where no first lines do."""
    if not label:
        return 0
    if not cell or not label.startswith(" ".join(cell[0].split())):
        return None  # a row's value, nearly always: one test per row
    for count in range(1, len(cell) + 1):
        if " ".join(" ".join(cell[:count]).split()) == label:
            return count
    return None


def _item_label(pieces: list[str]) -> str:
    """An item cell's text. A label a narrow column wrapped ("(iii" / ")", random Word layouts
    seed 1333) is joined as printed, without the space a wrap between Latin text gets."""
    if len(pieces) > 1:
        tight = clean("".join(piece.strip() for piece in pieces))
        if parse_item_no(tight) is not None:
            return tight
    return clean(" ".join(pieces))


def _missing_key_cells(texts: list[str], roles: tuple[str, ...]) -> bool:
    """A row shorter than its header lacks a value that matters (text exports drop trailing empty
    cells, so a missing remarks cell is no loss)."""
    return any(role in KEY_ROLES or role in NAME_ROLES for role in roles[len(texts) :])


def _awaits_name(row: RawRow) -> bool:
    """Whether a row's category and name cell holds its category and separator only, the name
    still to come (「社會福利／」)."""
    return awaits_name(clean(" ".join(row.cells.get("category_name", []))))


def _is_a_value(text: str) -> bool:
    """Whether a cell's text is a value of a column, not a name: formats, a date, a frequency."""
    return (
        format_tokens(text) is not None
        or parse_release_date(text) is not None
        or parse_frequency(text) is not None
    )


MAX_LABEL_WORDS = 8  # words a line ending header labels has at most (the ways to cut it grow fast)


def _label_ends(
    labels: list[str], columns: tuple[int, ...], words: list[str], cuts: tuple[int, ...]
) -> list[str] | None:
    """The header line's cells where ``words``, cut at ``cuts``, end the labels of ``columns``
    in order, each then a known label; None where one is not."""
    bounds = (0, *cuts, len(words))
    texts = [""] * len(labels)
    for index, (start, end) in zip(columns, itertools.pairwise(bounds), strict=True):
        piece = " ".join(words[start:end])
        if role_of(_extend_label(labels[index], piece)) is None:
            return None
        texts[index] = piece
    return texts


def _whole_row_after(row: TableRow, last: TableRow | None) -> bool:
    """Whether ``row`` is a whole row of its own after the line ``last`` of the same page: a row
    whose cells the reader found (cells over several lines) in another table than that line's (a
    style that rules or shades every other row gives those rows as tables of their own, the rows
    between them a line at a time: random Word layouts, seed 851, "Mid-year" then "2022", the
    next row's date, read as one date cut by a wrap)."""
    return (
        last is not None
        and row.table != last.table
        and row.where.page == last.where.page
        and any(len(cell) > 1 for cell in row.cells)
    )


def _is_value(role: str, text: str) -> bool:
    """Whether a date or frequency cell's text states one (its footnote markers aside: "Every 6" /
    "months^", random Word layouts, seed 901)."""
    text = strip_markers(text)[0]
    if role == "release_date":
        return parse_release_date(text) is not None
    return parse_frequency(text) is not None


# What a wrap may have left of a date for the next line: a year's last digits ("31.01.202" /
# "3"), a year ("By" / "31.01.2023", "End of" / "2022").
_DATE_ENDS = ("0", "00", "000", "2020", " 2020")


def _starts_value(role: str, text: str) -> bool:
    """Whether it is the start of a value a wrap cut: of a frequency phrase, or of a date that
    some end makes whole (random Word layouts, seed 728: "By" / "31.01.202" / "3" in a narrow
    column of a table giving a row per line)."""
    text = strip_markers(text)[0]
    if role == "release_date":
        return any(parse_release_date(text + end) is not None for end in _DATE_ENDS)
    return starts_a_phrase(text)


def _ends_first_label(header: _Header, merged: list[str]) -> bool:
    """Whether a line under a header whose first label is unknown makes it known ("Update" /
    "Frequency"), or the start of a known one still ("目標發放日期 Target" / "Release" / "Date"):
    in a header without an item column, the first cell of the label's next line is part of the
    label, not a row's first value. The item's label too where the header has its start (「項」 /
    「目」, a header row a page break cut: random Word layouts with looks, seed 2464)."""
    first = header.texts[0]
    if role_of(first) is not None:
        return False
    role = role_of(merged[0])
    known = role is not None and (role != "item_no" or bool(first.strip()))
    return known or starts_a_label(merged[0])


def _carry_on(pieces: list[str], remainder: list[str]) -> None:
    """A cell's pieces with its remainder from the next line or page (:func:`.words.carried_on`)."""
    pieces[:] = carried_on(pieces, remainder)


def _merge_where(first: Where, more: Where) -> Where:
    return Where(page=first.page, line=first.line, boxes=first.boxes + more.boxes)


def _following(blocks: list[Block]) -> list[Block | None]:
    """For each block, the next one that is not page furniture: a category line at the foot of a
    page is right above the rows of the next, past the page number (and the repeated header)."""
    following: list[Block | None] = [None] * len(blocks)
    after: Block | None = None
    for index in range(len(blocks) - 1, -1, -1):
        following[index] = after
        block = blocks[index]
        if not (isinstance(block, TextLine) and is_furniture(clean(block.text))):
            after = block
    return following


def _build(document: Document, log: ProblemLog) -> _Builder:
    builder = _Builder(log)
    blocks = document.blocks
    following = _following(blocks)
    for index, block in enumerate(blocks):
        builder.block = index
        builder.next_block = following[index]
        if isinstance(block, TextLine):
            builder.text_line(block)
        else:
            builder.table_row(block)
    builder.end_header()
    builder.end_group()
    builder.end_table()
    return builder


_CJK_BREAK = regex.compile(rf"(?<=[{CJK_CHARACTERS}]) (?=[{CJK_CHARACTERS}])")


@cache
def _label_text(label: str) -> str:
    """An unknown column's header label as printed, its lines joined: one space between words,
    none between two CJK characters a wrap parted (「負責組」 / 「別」 in a narrow column: random
    HTML layouts, seed 4702; "負責組別 Contact Unit" stays bilingual)."""
    return _CJK_BREAK.sub("", " ".join(label.split()))


def _is_footnote_row(texts: list[str]) -> bool:
    """Whether a row is one cell from the table's left holding a footnote marked by a symbol or
    a 「註1」 ("# The list is available in English only", "¹ Figures are provisional"): no
    category reads so. A table going on from the page before takes the lines atop the next page
    as its rows where nothing rules them (the header printed once), and a footnote at the top of
    a page after the table's foot, with the next section's table below it, was read as a
    grouping row: a category, the note it gives lost (random HTML layouts, seed 4685). A line
    led by a plain number ("1 Figures …") may be an item's row run together, and stays a row."""
    filled = [i for i, t in enumerate(texts) if t]
    return (
        filled == [0]
        and len(texts) > 1
        and not texts[0][:1].isdigit()
        and footnote_line(texts[0], 0) is not None
    )


def row_kinds(document: Document) -> list[tuple[TableRow, str]]:
    """What structure made of each table row: one of :data:`ROW_KINDS`."""
    return _build(document, ProblemLog("", document.source.path)).row_kinds


def _check_sections(sections: list[Section], log: ProblemLog) -> None:
    """Every year's plan has sections A, B and D (C may be absent): a gap or a missing D means
    the document was cut short or a heading was not recognised."""
    letters = {s.letter for s in sections}
    expected = ["A", "B", "D"]
    missing = [letter for letter in expected if letter not in letters]
    if sections and missing:
        log.add("sections_missing", ", ".join(missing))


def structure(document: Document, log: ProblemLog) -> StructuredPlan:
    """Sections, organisations and rows of a document (problems go to ``log``)."""
    builder = _build(document, log)
    if not builder.sections and not builder.rows:
        log.add("not_a_plan")
    elif not builder.rows and not builder.headers_seen:
        log.add("no_tables")
    else:
        _check_sections(builder.sections, log)
        body = [kind for _, kind in builder.row_kinds if kind not in ("header", "none")]
        if not builder.rows and body and not any(p.severity == "error" for p in log.problems):
            log.add("no_datasets", f"{len(body)} table rows")
    apply_footnotes(builder.rows, builder.footnotes, log)
    header = (
        parse_header(builder.header_lines, log)
        if builder.sections or builder.rows
        else (PlanHeader(None, None, None, None))
    )
    inferred = {row.position > 0 for row in builder.rows}
    numbering = "mixed" if len(inferred) == 2 else "inferred" if True in inferred else "printed"
    return StructuredPlan(
        source=document.source,
        header=header,
        sections=builder.sections,
        rows=builder.rows,
        language=detect_language(blocks_text(document.blocks)),
        item_numbering=numbering,
    )
