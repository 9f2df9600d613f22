"""The printed form of a generated plan, its truth, and the tab-separated text renderer.

Why: issue 7's layouts (columns in any order, category cells merged or as grouping rows, item
numbering styles, period dates, footnotes, bilingual cells) must be tested against values that do not
come from the extractor. A :class:`Plan` (``layoutmodel.py``) carries real rows (tests/fixtures/reference/layout-rows.tsv)
and each row's due date as a :class:`Due`; a :class:`Layout` says how the plan is printed. The same
:func:`printed` intermediate (headings, tables of cell texts, footnotes) feeds every renderer (text
here, Word and reportlab in ``layoutpdf.py``), and :func:`expected` derives the truth from the plan
and the layout by the rules of the contract (/work/briefs/layouts-spec.md), never from extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from layoutmodel import (
    MERGED,
    ROLES,
    Block,
    Department,
    Footnote,
    Layout,
    Plan,
    PlanRow,
    PlanSection,
    PoolRow,
    departments,
    pick,
    pool,
    rows_of,
    show,
    to_simplified,
    versions,
    word_language,
)
from layoutwords import (
    FORMATS_JOIN,
    HEADER_LABELS,
    date_text,
    item_label,
    section_title,
    title_line,
)

__all__ = [
    "MERGED", "ROLES", "Block", "Department", "Footnote", "Layout", "Plan", "PlanRow",
    "PlanSection", "PoolRow", "PrintedRow", "PrintedTable", "departments", "expected",
    "pick", "pool", "printed", "render_text", "rows_of", "show",
]  # fmt: skip


# --- the printed form: headings, tables and footnotes, shared by every renderer -----------------


@dataclass
class PrintedRow:
    kind: str  # dataset, grouping, none
    cells: list[str | None]  # None: merged with the cell above; "\n" separates forced lines


@dataclass
class PrintedTable:
    header: list[str]
    rows: list[PrintedRow]
    footnotes: list[str] = field(default_factory=list)
    has_item: bool = True


Printed = list[str | PrintedTable]


def _org_line(dept: Department, layout: Layout) -> str:
    zh, en = f"{dept.name[1]}（下稱「{dept.abbr[1]}」）", f"{dept.name[0]} ({dept.abbr[0]})"
    if layout.language == "bilingual":
        return f"{dept.name[1]} {dept.name[0]}"
    return en if layout.language == "en" else pick((en, zh), layout.language)


def printed(plan: Plan, layout: Layout) -> Printed:
    """What is on the page, in reading order."""
    dept = departments()[plan.department]
    title = title_line(plan.year, layout.title, layout.language)
    out: Printed = [_org_line(dept, layout), title]
    out += [show(paragraph, layout).replace("\n", " ") for paragraph in plan.intro]
    for section in plan.sections:
        heading = section_title(
            section.letter, section.years, layout.section_titles, layout.language
        )
        out.append(f"{section.letter}. {_lang(heading, layout)}")
        for block in section.blocks:
            if block.number:
                org = departments()[block.organisation or ""]
                out.append(f"({block.number}) {_org_line(org, layout)}")
            out.append(_table(section, block, layout))
    return _simplified(out) if layout.language == "zh-Hans" else out


def _simplified(parts: Printed) -> Printed:
    """A Simplified Chinese plan is the Traditional one through OpenCC t2s, every string of it
    (the truth's values go through the same conversion in :func:`pick`)."""
    convert = to_simplified
    out: Printed = []
    for part in parts:
        if isinstance(part, str):
            out.append(convert(part))
            continue
        rows = [
            PrintedRow(row.kind, [None if c is None else convert(c) for c in row.cells])
            for row in part.rows
        ]
        header = [convert(label) for label in part.header]
        footnotes = [convert(line) for line in part.footnotes]
        out.append(PrintedTable(header, rows, footnotes, part.has_item))
    return out


def _lang(pair: tuple[str, str], layout: Layout) -> str:
    return show(pair, layout).replace("\n", " ")


def _header(letter: str, layout: Layout) -> list[str]:
    labels = []
    for role in layout.columns:
        key = "release_date_d" if role == "release_date" and letter == "D" else role
        en, zh = HEADER_LABELS[key]
        if role == "item" and not layout.item_header:
            labels.append("")
        elif layout.two_line_header or layout.language == "bilingual":
            labels.append(f"{zh}\n{en}")
        else:
            labels.append(pick((en, zh), layout.language))
    return labels


def _table(section: PlanSection, block: Block, layout: Layout) -> PrintedTable:
    table = PrintedTable(_header(section.letter, layout), [], has_item="item" in layout.columns)
    if not block.rows:
        nil = "Nil" if layout.language == "en" else "/"
        table.rows.append(PrintedRow("none", [nil] * len(layout.columns)))
        return table
    previous_category: str | None = None
    markers: dict[str, str] = {}
    for number, row in enumerate(block.rows, start=1):
        category = show(row.data.category, layout)
        if layout.category == "grouping" and category != previous_category:
            table.rows.append(PrintedRow("grouping", [category.replace("\n", " ")]))
        cells = _cells(section.letter, number, row, layout)
        if layout.category == "merged" and category == previous_category:
            cells[layout.columns.index("category")] = MERGED
        table.rows.append(PrintedRow("dataset", cells))
        previous_category = category
        if row.footnote:
            markers[row.footnote.marker] = footnote_line(row.footnote, layout)
    table.footnotes = list(dict.fromkeys(markers.values()))
    return table


def footnote_line(note: Footnote, layout: Layout) -> str:
    text = _lang(note.text, layout)
    if (note.marker.isascii() and note.marker.isdigit()) or note.marker.startswith("註"):
        number = note.marker.removeprefix("註")
        return f"Note {number}: {text}" if layout.language == "en" else f"註{number}：{text}"
    return f"{note.marker} {text}"


def _note_label(layout: Layout) -> str:
    return "Note: " if layout.language == "en" else "註："


def _cells(letter: str, number: int, row: PlanRow, layout: Layout) -> list[str | None]:
    data = row.data
    word_lang = word_language(layout)
    marker = row.footnote.marker if row.footnote else ""
    name = show(data.name, layout) + (marker if row.footnote and row.footnote.on == "name" else "")
    note = f"\n{_note_label(layout)}{_lang(row.note, layout)}" if row.note else ""
    values: dict[str, str] = {
        "item": item_label(layout.numbering_for(letter), number, letter) or "",
        "category": show(data.category, layout),
        "name": name,
        "category_name": _combined(data, name, layout),
        "description": show(data.description, layout),
        "formats": FORMATS_JOIN[layout.formats_sep](data.formats, word_lang),
        "release_date": date_text(row.due, word_lang),
        "update_frequency": show(data.frequency, layout),
        "remarks": _remarks(row, layout),
        "extra": show(row.extra, layout) if row.extra else "",
    }
    if row.footnote and row.footnote.on in ("release_date", "update_frequency"):
        values[row.footnote.on] += marker
    if row.note and layout.note_cell in ("release_date", "update_frequency"):
        values[layout.note_cell] = _with_note(row, layout, values[layout.note_cell], note)
    return [values[role] for role in layout.columns]


def _with_note(row: PlanRow, layout: Layout, value: str, note: str) -> str:
    """A cell with its "Note:" after the value; in a bilingual plan each half carries its own
    (「每季 註：…」 over "Quarterly Note: …"), so the cell still reads Chinese first, then English."""
    if layout.language != "bilingual" or row.note is None:
        return value + note
    if layout.note_cell == "update_frequency":
        zh, en = row.data.frequency[1], row.data.frequency[0]
    else:
        zh = en = value
    return f"{zh} 註：{row.note[1]}\n{en} Note: {row.note[0]}"


def _combined(data: PoolRow, name: str, layout: Layout) -> str:
    category = pick(data.category, layout.language)
    separator = " /\n" if layout.language == "en" else "／\n"
    return f"{category}{separator}{name}"


def _remarks(row: PlanRow, layout: Layout) -> str:
    """The remarks cell: description and format annotation when they have no column, the note."""
    parts = []
    if "description" not in layout.columns:
        parts.append(pick(row.data.description, layout.language))
    if "formats" not in layout.columns:
        parts.append(FORMATS_JOIN["annotation"](row.data.formats, word_language(layout)))
    text = (" " if layout.language == "en" else "").join(p for p in parts if p)
    if row.note and layout.note_cell == "remarks":
        text += f"\n{_note_label(layout)}{_lang(row.note, layout)}"
    return text.strip()


# --- the truth ------------------------------------------------------------------------------------


def expected(plan: Plan, layout: Layout, file_stem: str | None = None) -> list[dict[str, Any]]:
    """Plan fields and dataset rows each language version must give, by the contract's rules."""
    stem = file_stem or plan.stem
    out = []
    for language in versions(layout):
        plan_id = f"{stem}.{language.lower()}" if layout.language == "bilingual" else stem
        rows = [
            _expected_row(section, block, number, row, layout, language)
            for section in plan.sections
            for block in section.blocks
            for number, row in enumerate(block.rows, start=1)
        ]
        dept = departments()[plan.department]
        fields = {
            "plan_year": plan.year,
            "language": language,
            "department": pick(dept.name, language),
            "item_numbering": "printed" if "item" in layout.columns else "inferred",
        }
        for letter in "ABCD":
            fields[f"rows_{letter.lower()}"] = sum(r["section"] == letter for r in rows)
        out.append({"plan_id": plan_id, "plan": fields, "datasets": rows})
    return out


def _expected_row(
    section: PlanSection, block: Block, number: int, row: PlanRow, layout: Layout, language: str
) -> dict[str, Any]:
    data, columns = row.data, layout.columns
    has = set(columns)
    notes = [pick(row.note, language)] if row.note and layout.note_cell in has else []
    if row.footnote and (row.footnote.on == "name" or row.footnote.on in has):
        notes.append(pick(row.footnote.text, language))
    style = layout.numbering_for(section.letter)
    month, precision = row.due.truth()
    return {
        "section": section.letter,
        "organisation_no": block.number,
        "item_no": number,
        "item_label": item_label(style, number, section.letter) if "item" in has else None,
        "category": None if layout.category == "none" else pick(data.category, language),
        "dataset_name": pick(data.name, language),
        "release_month": month,
        "release_precision": precision,
        "update_frequency": data.frequency_code,
        "formats": list(data.formats) if has & {"formats", "remarks"} else [],
        "description": pick(data.description, language)
        if has & {"description", "remarks"}
        else None,
        "note": "; ".join(notes) or None,
        "other_columns": [
            {
                "label": _label_text(HEADER_LABELS["extra"], layout, language),
                "text": pick(row.extra, language),
            }
        ]
        if "extra" in has and row.extra
        else [],
    }


def _label_text(pair: tuple[str, str], layout: Layout, language: str) -> str:
    """A label printed Chinese over English is kept whole; a bilingual plan's versions each keep
    their own language's half, as they do for every other cell."""
    if layout.two_line_header and layout.language != "bilingual":
        return f"{pick(pair, 'zh-Hans' if language == 'zh-Hans' else 'zh-Hant')} {pair[0]}"
    return pick(pair, language)


# --- the tab-separated text form ------------------------------------------------------------------


def render_text(plan: Plan, layout: Layout) -> str:
    """The text form: a tab-separated header per table, a wrapped cell continued on the next line
    with only that cell filled, grouping rows and footnotes as lines without tabs."""
    lines: list[str] = []
    for part in printed(plan, layout):
        if isinstance(part, str):
            lines += ["", part, ""]
            continue
        lines.append("\t".join(_flat(label) for label in part.header))
        for row in part.rows:
            if row.kind == "grouping":
                lines.append(_flat(row.cells[0] or ""))
                continue
            first, more = _wrapped(row, layout, part.has_item)
            lines.append("\t".join(first))
            if more:
                lines.append("\t".join(more))
        lines += part.footnotes
    return "\n".join(lines).strip() + "\n"


def _flat(cell: str | None) -> str:
    return (cell or "").replace("／\n", "／").replace("\n", " ")


def _wrapped(row: PrintedRow, layout: Layout, has_item: bool) -> tuple[list[str], list[str]]:
    """The row's line, and a continuation line when a long name or description wraps."""
    cells = [_flat(c) for c in row.cells]
    more = ["" for _ in cells]
    # In a bilingual plan the next line of a cell is its English half: no wraps there.
    if layout.wraps and has_item and row.kind == "dataset" and layout.language != "bilingual":
        for index, role in enumerate(layout.columns):
            if role in ("name", "category_name", "description") and len(cells[index]) > 24:
                head, tail = split_for_wrap(cells[index])
                if tail:
                    cells[index], more[index] = head, tail
    return cells, (more if any(more) else [])


def split_for_wrap(text: str) -> tuple[str, str]:
    """Where a narrow column breaks a cell: at a space between English words, between two Chinese
    characters; never so that the second line looks like a heading, a note or an item number."""
    middle = len(text) // 2
    candidates = sorted(range(1, len(text) - 1), key=lambda i: abs(i - middle))
    for i in candidates:
        left, right = text[:i], text[i:]
        if right.startswith(" ") and left[-1].isalnum() and right[1:2].isalpha():
            right = right[1:]
        elif not (_han(left[-1]) and _han(right[0])):
            continue
        if _safe_line(right):
            return left, right
    return text, ""


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _safe_line(text: str) -> bool:
    import regex

    return not regex.match(
        r"^(?:[A-D]\s*[.．、:：)）]|[(（]?\d|註|注|備註|notes?\b|[ivx]+\b)", text, regex.I
    )
