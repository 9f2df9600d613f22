"""Hypothesis strategies: random plans of real rows (layout-rows.tsv) in random layouts.

Why these bounds: every draw must stay a plan a department could publish and whose truth the
contract defines — year-less dates only in a section whose title names one year, a footnote marker
only where its footnote is printed, a combined category／name cell only in a single-language plan.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from layoutmodel import (
    Block,
    Footnote,
    Layout,
    Plan,
    PlanRow,
    PlanSection,
    WordLook,
    pool,
    rows_of,
)
from layoutwords import NUMBERING, WORDINGS, Due, wordings_for

NOTES = (
    ("Data of the previous month", "上月數據"),
    ("Subject to the completion of the system upgrade", "視乎系統提升工程的完成日期而定"),
    ("Historical data since 2010 will also be released", "亦會發放2010年以來的歷史數據"),
)
FOOTNOTES = (
    ("Provided by the Centre for Health Protection", "由衞生防護中心提供"),
    ("The list is available in English only", "名單只提供英文版"),
    ("Figures are provisional", "數字為臨時數字"),
)
# A marker and the footnote it points to. ¹, 註1 and a 1 glued to a Chinese name are all footnote 1
# (one text); a plan numbers its footnotes one way, ¹ or 註1 (1 and 註1 print the same 「註1：」).
MARKERS = {"*": 0, "#": 1, "^": 2, "†": 0, "¹": 2, "註1": 2, "1": 2}
INTRO = (
    (
        "This plan sets out the datasets the department will release on DATA.GOV.HK in the "
        "coming three years, and those it has already released.",
        "本計劃列出部門在未來三年將於資料一線通網站發放的數據集，以及已發放的數據集。",
    ),
    (
        "The department reviews its plan every year, taking into account the suggestions received "
        "from the public and the industry.",
        "部門每年檢視計劃，並考慮公眾及業界提出的意見。",
    ),
)
EXTRA = (
    ("Statistics Section", "統計組"),
    ("Information Technology Management Unit", "資訊科技管理組"),
)
ANY_WRAPS = st.booleans()
DEPARTMENTS = sorted({row.dept for row in pool()})


def _word_language(language: str) -> str:
    return {"en": "en", "bilingual": "any"}.get(language, "zh")


@st.composite
def _due(draw: Any, section: PlanSection, language: str, plan_year: int) -> Due:
    key = draw(st.sampled_from(wordings_for(_word_language(language), len(section.years) == 1)))
    wording = WORDINGS[key]
    year = {
        "A": section.years[0] if section.years else plan_year + 1,
        "C": plan_year + 1,
        "D": draw(st.sampled_from((plan_year - 1, plan_year))),
    }.get(section.letter) or draw(st.sampled_from(section.years))
    if wording.yearless:
        year = section.years[0]
    periods = {"month": 12, "day": 12, "quarter": 4, "half": 2}.get(wording.precision, 1)
    return Due(key, year, draw(st.integers(1, periods)))


@st.composite
def _layout(draw: Any, wraps: st.SearchStrategy[bool]) -> Layout:
    language = draw(st.sampled_from(("zh-Hant", "zh-Hant", "en", "en", "zh-Hans", "bilingual")))
    bilingual = language == "bilingual"
    placements = ["column", "merged", "grouping", "none"] + ([] if bilingual else ["combined"] * 2)
    category = draw(st.sampled_from(placements))
    numbering = draw(st.sampled_from([*NUMBERING, "none"]))
    optional = ["description", "formats", "extra"] + ([] if bilingual else ["remarks"])
    roles = ["category_name"] if category == "combined" else ["name"]
    roles += ["category"] if category in ("column", "merged") else []
    roles += ["release_date", "update_frequency", *draw(st.sets(st.sampled_from(optional)))]
    columns = (("item",) if numbering != "none" else ()) + tuple(draw(st.permutations(roles)))
    note_cells = [c for c in ("remarks", "update_frequency", "release_date") if c in columns]
    return Layout(
        language=language,
        columns=columns,
        numbering=numbering,
        category=category,
        note_cell=draw(st.sampled_from(note_cells)),
        wraps=draw(wraps),
        title=draw(st.sampled_from(("plain", "parenthesised", "prefix"))),
        section_titles=draw(st.sampled_from(("classic", "later"))),
        two_line_header=not bilingual and language != "en" and draw(st.booleans()),
        item_header=draw(st.booleans()),
        formats_sep=draw(st.sampled_from(("comma", "slash"))),
        # Word table styles that rule only part of the table (Word exploration only)
        word_style=draw(st.sampled_from(WORD_STYLES)),
    )


WORD_STYLES = (
    "Table Grid",
    "Table Grid",
    "Light Shading",
    "Light List",
    "Medium Shading 1",
    "Medium Shading 2",
)


@st.composite
def _row(draw: Any, data: Any, due: Due, layout: Layout, number: int, numbered: str) -> PlanRow:
    note = draw(st.one_of(st.none(), st.none(), st.sampled_from(NOTES)))
    footnote = None
    if layout.language != "bilingual" and draw(st.integers(0, 3)) == 0:
        cells = [c for c in layout.columns if c in ("release_date", "update_frequency")]
        on = draw(st.sampled_from(["name", *cells]))
        numbers = ["¹"] if numbered == "¹" else ["註1", "1"] if on == "name" else ["註1"]
        marker = draw(st.sampled_from(["*", "#", "^", "†", *numbers]))
        footnote = Footnote(marker, FOOTNOTES[MARKERS[marker]], on)
    return PlanRow(data, due, note, footnote, EXTRA[number % 2])


@st.composite
def plans_and_layouts(draw: Any, wraps: st.SearchStrategy[bool] = ANY_WRAPS) -> tuple[Plan, Layout]:
    layout = draw(_layout(wraps))
    dept = draw(st.sampled_from(DEPARTMENTS))
    year = draw(st.integers(2018, 2023))
    available = list(draw(st.permutations(rows_of(dept))))
    counts = {
        "A": draw(st.integers(1, 4)),
        "B": draw(st.integers(0, 2)),
        "D": draw(st.integers(0, 3)),
    }
    years = {"A": (year + 1,), "B": (year + 2, year + 3), "C": (), "D": ()}
    numbered = "¹" if layout.language == "en" else draw(st.sampled_from(("¹", "註1")))
    sections = []
    for letter in "ABCD":
        if letter == "C":
            if not draw(st.booleans()):
                continue
            # Section C lists one table per organisation, numbered (1), (2), ...
            others = draw(
                st.lists(
                    st.sampled_from([d for d in DEPARTMENTS if d != dept]),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
            parts = [
                (rows_of(other)[: draw(st.integers(1, 2))], number, other)
                for number, other in enumerate(others, start=1)
            ]
        else:
            data, available = available[: counts[letter]], available[counts[letter] :]
            parts = [(data, 0, None)]
        section = PlanSection(letter, years[letter], ())
        blocks = tuple(
            Block(
                number,
                tuple(
                    draw(
                        _row(item, draw(_due(section, layout.language, year)), layout, n, numbered)
                    )
                    for n, item in enumerate(data)
                ),
                organisation,
            )
            for data, number, organisation in parts
        )
        sections.append(PlanSection(letter, years[letter], blocks))
    suffix = "" if layout.language == "bilingual" else f".{layout.language.lower()}"
    # Introductory paragraphs move the tables down the page, so page breaks fall anywhere.
    intro = tuple(draw(st.lists(st.sampled_from(INTRO), max_size=12)))
    return Plan(f"{dept}-{year}-plan{suffix}", dept, year, tuple(sections), intro), layout


# East Asian font, Latin font (None: the East Asian font's), size: what departments' Word files
# name, as LibreOffice renders them here (PMingLiU → AR PL UMing, Times New Roman → Liberation Serif).
FONTS = (
    ("Noto Sans CJK TC", None, 10.0),
    ("AR PL UMing TW", "Liberation Serif", 12.0),
    ("AR PL UMing TW", None, 11.0),
    ("Noto Sans CJK TC", "Liberation Sans", 11.0),
    ("Noto Serif CJK TC", "Liberation Serif", 10.5),
)


@st.composite
def word_looks(draw: Any) -> WordLook:
    """How a Word plan looks: its fonts, its cells' alignment and its header's shading."""
    font, latin, size = draw(st.sampled_from(FONTS))
    return WordLook(
        font=font,
        latin_font=latin,
        size=size,
        middle=draw(st.booleans()),
        centred=draw(st.booleans()),
        shaded_header=draw(st.booleans()),
        running_header=draw(st.sampled_from(("", "", "title", "department"))),
        repeat_header=draw(st.sampled_from((True, True, False))),
    )
