"""The plan model of the layout generator: real rows, departments, plans, layouts, languages.

Why a module of its own: the printed form and the truth (``layoutgen.py``), the PDF renderers
(``layoutpdf.py``) and the hypothesis strategies (``layoutstrategies.py``) all build on it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import opencc

from layoutwords import Due

REFERENCE = Path(__file__).parent / "fixtures" / "reference"
ROLES = (
    "item", "category", "name", "category_name", "description", "formats",
    "release_date", "update_frequency", "remarks", "extra",
)  # fmt: skip
MERGED = None  # a cell merged with the one above (written once for a group)


@dataclass(frozen=True)
class PoolRow:
    """A real dataset of a department's catalogue entry, in English and our Chinese."""

    dept: str
    category: tuple[str, str]  # (en, zh)
    name: tuple[str, str]
    description: tuple[str, str]
    formats: tuple[str, ...]
    frequency: tuple[str, str]
    frequency_code: str


@dataclass(frozen=True)
class Department:
    id: str
    name: tuple[str, str]  # (en, zh)
    abbr: tuple[str, str]


@cache
def pool() -> tuple[PoolRow, ...]:
    path = REFERENCE / "layout-rows.tsv"
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return tuple(
        PoolRow(
            r["dept"],
            (r["category_en"], r["category_zh"]),
            (r["name_en"], r["name_zh"]),
            (r["description_en"], r["description_zh"]),
            tuple(r["formats"].split("|")),
            (r["frequency_en"], r["frequency_zh"]),
            r["frequency_code"],
        )
        for r in csv.DictReader(lines, delimiter="\t")
    )


def rows_of(dept: str) -> list[PoolRow]:
    return [row for row in pool() if row.dept == dept]


@cache
def departments() -> dict[str, Department]:
    from plan_extract.vocab import load_table

    return {
        r["id"]: Department(
            r["id"], (r["name_en"], r["name_zh_hant"]), (r["abbr_en"], r["abbr_zh"])
        )
        for r in load_table("departments")
    }


@dataclass(frozen=True)
class Footnote:
    marker: str  # *, #, ^, †, ¹, 註1, or "1" glued to a Chinese name
    text: tuple[str, str]
    on: str = "name"  # the cell carrying the marker: name, release_date, update_frequency


@dataclass(frozen=True)
class PlanRow:
    data: PoolRow
    due: Due
    note: tuple[str, str] | None = None  # a "Note:" written inside a cell (Layout.note_cell)
    footnote: Footnote | None = None
    extra: tuple[str, str] | None = None  # the unknown column's text


@dataclass(frozen=True)
class Block:
    """The rows of one table: the plan's department (number 0) or a section C organisation."""

    number: int
    rows: tuple[PlanRow, ...]  # empty: a Nil / 「/」 row
    organisation: str | None = None  # department id of a section C organisation


@dataclass(frozen=True)
class PlanSection:
    letter: str
    years: tuple[int, ...]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Plan:
    stem: str  # file name without suffix
    department: str  # department id
    year: int
    sections: tuple[PlanSection, ...]
    intro: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WordLook:
    """How a Word plan's text looks, beyond its table style (the Word exploration draws these):
    the font and size, cells vertically centred (a row's short values then sit on the middle
    line of its longest cell) and short values centred across their cell, a shaded bold header,
    a running header (the department's abbreviation and the plan's title, or its name alone, atop
    every page), a table's header row not repeated atop the next page."""

    font: str = "Noto Sans CJK TC"  # the East Asian font
    latin_font: str | None = None  # None: the East Asian font's own Latin letters
    size: float = 10.0
    middle: bool = False  # every cell vertically centred
    centred: bool = False  # item, date, frequency and format cells centred across
    shaded_header: bool = False  # the header row bold on a grey fill
    running_header: str = ""  # atop every page: "title" (abbreviation and title), "department"
    repeat_header: bool = True  # the table's header row repeated atop each page it goes on to


@dataclass(frozen=True)
class Layout:
    language: str = "zh-Hant"  # zh-Hant, zh-Hans, en, bilingual
    columns: tuple[str, ...] = (
        "item",
        "category_name",
        "release_date",
        "update_frequency",
        "remarks",
    )
    numbering: str = "1."  # see layoutwords.NUMBERING; "none" with no item column
    numbering_by_section: tuple[tuple[str, str], ...] = ()
    category: str = "combined"  # combined, column, merged, grouping, none
    note_cell: str = "remarks"  # the cell a row's "Note:" is written in
    wraps: bool = False
    title: str = "plain"  # plain, parenthesised, prefix
    section_titles: str = "classic"  # classic, later
    two_line_header: bool = False  # labels printed Chinese over English
    item_header: bool = False  # the item column has a label (else blank, as OGCIO's)
    formats_sep: str = "comma"
    word_style: str = "Table Grid"  # the Word table style: "Light Shading" has no inner borders
    word_look: WordLook = field(default_factory=WordLook)  # fonts and alignment

    def numbering_for(self, letter: str) -> str:
        return dict(self.numbering_by_section).get(letter, self.numbering)


# --- language ------------------------------------------------------------------------------------


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC t2s, after the Hong Kong variant 衞 (which t2s keeps) is made the standard 衛."""
    return str(_t2s().convert(text.replace("衞", "衛")))


def pick(pair: tuple[str, str], language: str) -> str:
    """The text of a value in a (single-language) version of the plan."""
    if language == "en":
        return pair[0]
    return to_simplified(pair[1]) if language == "zh-Hans" else pair[1]


def show(pair: tuple[str, str], layout: Layout) -> str:
    """The text printed in a cell: both languages in a bilingual plan (Chinese first)."""
    if layout.language == "bilingual":
        return f"{pair[1]}\n{pair[0]}"
    return pick(pair, layout.language)


def versions(layout: Layout) -> list[str]:
    return ["zh-Hant", "en"] if layout.language == "bilingual" else [layout.language]


def word_language(layout: Layout) -> str:
    return "any" if layout.language == "bilingual" else ("en" if layout.language == "en" else "zh")
