"""Issue 7: every department's layout extracts field for field, and no table row is lost silently.

- the layout fixtures (tests/fixtures/layout-*/): each document against its ``truth.json``, written
  by scripts/make_layout_fixtures.py from the generator's own plan (tests/layoutgen.py);
- the accounting invariant over every fixture document: each table row the reader saw is a header,
  a dataset, a continuation, a grouping row, a "none" row or a problem, and a plan with table rows
  has a dataset or an error;
- a property test: random plans of real rows in random layouts (column order and subset, item
  numbering, category placement, date wording, wraps, notes, footnotes, language), rendered as text
  and a few as PDF, extracted and compared with their truth, every field.

The property test is derandomized (the same examples every run, so a failure reproduces); set
LAYOUT_RANDOM=1 to explore new ones, LAYOUT_SHRINK=1 to have a failing example shrunk to a minimal
one (slow: hundreds of extractions).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from layoutgen import (
    Block,
    Footnote,
    Layout,
    Plan,
    PlanRow,
    PlanSection,
    expected,
    render_text,
    rows_of,
)
from layoutmodel import WordLook
from layoutpdf import (
    DEJAVU,
    HTML_BORDERS,
    UMING,
    WORD_BORDERS,
    render_html_pdf,
    render_reportlab_pdf,
    render_word_pdf,
)
from layoutstrategies import plans_and_layouts, word_looks
from layoutwords import WORDINGS, Due, date_text, item_label
from plan_extract.errors import DocumentError
from plan_extract.model import TableRow
from plan_extract.normalise.rows import normalise_plan
from plan_extract.pipeline import extract
from plan_extract.problems import ProblemLog
from plan_extract.read import read_document
from plan_extract.structure import row_kinds, structure

FIXTURES = Path(__file__).parent / "fixtures"
ROW_KINDS = {"header", "dataset", "continuation", "grouping", "none", "problem"}
MISSING = "<missing>"


def layout_cases() -> list[Path]:
    return sorted(FIXTURES.glob("layout-*/truth.json"))


def fixture_documents() -> list[Path]:
    return sorted([*FIXTURES.glob("*/input/*"), *FIXTURES.glob("bad-pdf/*")])


# --- comparing an extraction with the truth ---------------------------------------------------


def compare(truth: list[dict[str, Any]], paths: list[Path]) -> list[str]:
    """Every truth field of every plan and dataset row, as readable differences."""
    extraction = extract(paths)
    plans = {plan.plan_id: asdict(plan) for plan in extraction.plans}
    diffs = []
    for want in truth:
        plan_id = want["plan_id"]
        got = plans.get(plan_id)
        if got is None:
            diffs.append(f"{plan_id}: no plan extracted (plans: {sorted(plans)})")
            continue
        for key, value in want["plan"].items():
            if got.get(key, MISSING) != value:
                diffs.append(
                    f"{plan_id} plan.{key}: expected {value!r}, got {got.get(key, MISSING)!r}"
                )
        rows = [asdict(d) for d in extraction.datasets if d.plan_id == plan_id]
        diffs += _row_diffs(plan_id, want["datasets"], rows)
    return diffs


def _row_diffs(plan_id: str, want: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    diffs = []
    if len(want) != len(got):
        diffs.append(f"{plan_id}: {len(want)} datasets expected, {len(got)} extracted")
    for number, (w, g) in enumerate(zip(want, got, strict=False), start=1):
        label = f"{plan_id} row {number} ({w['section']}{w['item_no']} {w['dataset_name'][:24]})"
        for key, value in w.items():
            if g.get(key, MISSING) != value:
                diffs.append(f"{label} {key}: expected {value!r}, got {g.get(key, MISSING)!r}")
    return diffs


def _report(diffs: list[str], context: str = "") -> str:
    shown = "\n".join(diffs[:40])
    more = f"\n… and {len(diffs) - 40} more" if len(diffs) > 40 else ""
    return f"{context}{shown}{more}"


# --- the accounting invariant -------------------------------------------------------------------


def accounting(path: Path) -> list[str]:
    """Table rows not accounted for (or twice), text the reader put in no block, and a plan with
    table rows but nothing out of it."""
    try:
        document = read_document(path)
    except DocumentError:
        return []  # an unreadable file is one problem record for the whole file
    rows = [block for block in document.blocks if isinstance(block, TableRow)]
    kinds: dict[int, list[str]] = {}
    for row, kind in row_kinds(document):
        kinds.setdefault(id(row), []).append(kind)
    out = []
    for row in rows:
        where = f"{path.name} page {row.where.page} line {row.where.line}"
        text = " | ".join(" ".join(cell) for cell in row.cells)
        found = kinds.get(id(row), [])
        if len(found) != 1 or found[0] not in ROW_KINDS:
            out.append(f"{where}: row {text!r} accounted as {found or 'nothing'}")
    # the reader's own check that no text of a page is in none of its blocks
    out += [f"{path.name}: {p.message}" for p in document.problems if p.code == "pdf_text_lost"]
    log = ProblemLog(path.stem, str(path))
    _, datasets = normalise_plan(structure(document, log), path.stem, log)
    errors = [p for p in [*document.problems, *log.problems] if p.severity == "error"]
    if rows and not datasets and not errors:
        out.append(f"{path.name}: {len(rows)} table rows, no dataset and no error")
    return out


# --- the fixtures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("truth_file", layout_cases(), ids=lambda p: p.parent.name)
def test_layout_fixture(truth_file: Path) -> None:
    truth = json.loads(truth_file.read_text("utf-8"))
    diffs = []
    for name, plans in truth["documents"].items():
        diffs += compare(plans, [truth_file.parent / name])
    assert not diffs, _report(diffs, f"{truth['case']}: {truth['exercises']}\n")


def test_layout_fixtures_cover_the_classes() -> None:
    """One case per layout class of issue 7, each a different department (a later case may use
    one of theirs again)."""
    folders = [p.parent.name for p in layout_cases()]
    departments = [name.split("-")[1] for name in folders]
    assert len(folders) >= 9
    assert len(set(departments)) >= 10


@pytest.mark.parametrize("path", fixture_documents(), ids=lambda p: f"{p.parents[1].name}/{p.name}")
def test_every_table_row_is_accounted_for(path: Path) -> None:
    problems = accounting(path)
    assert not problems, _report(problems)


# --- the property test ----------------------------------------------------------------------------

PROPERTY = settings(
    deadline=None,
    derandomize=os.environ.get("LAYOUT_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[p for p in Phase if p != Phase.shrink or os.environ.get("LAYOUT_SHRINK") == "1"],
)


def _round_trip(
    plan: Plan, layout: Layout, suffix: str, write: Callable[[Plan, Layout, Path], None]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{plan.stem}{suffix}"
        write(plan, layout, path)
        wanted = expected(plan, layout)
        if suffix == ".pdf":
            # LibreOffice now and then leaves a row out of the PDF altogether (random Word
            # layouts with looks, seed 1990: "Medium Shading 2", a row at a page break, none of
            # its text printed): no reader can give what is not there
            assume(not _unprinted(path, wanted))
        diffs = compare(wanted, [path]) + accounting(path)
        if diffs:
            if keep := os.environ.get("LAYOUT_KEEP"):  # a folder to keep failing documents in
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(path, Path(keep) / path.name)
            shown = render_text(plan, layout)
            pytest.fail(
                _report(diffs, f"{layout}\n--- the plan as text:\n{shown}\n--- differences:\n")
            )


def _unprinted(path: Path, wanted: list[dict[str, Any]]) -> list[str]:
    """The dataset names of ``wanted`` whose start (four characters, spaces aside) is nowhere in
    the PDF's text as PDFium gives it, not as the reader lays it out."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    printed = unicodedata.normalize("NFKC", "".join(text.split()))
    return [
        name
        for plan in wanted
        for row in plan["datasets"]
        if (name := row.get("dataset_name"))
        and unicodedata.normalize("NFKC", "".join(name.split()))[:4] not in printed
    ]


def _write_text(plan: Plan, layout: Layout, path: Path) -> None:
    path.write_text(render_text(plan, layout), encoding="utf-8")


@settings(PROPERTY, max_examples=60)
@given(plans_and_layouts())
def test_random_layouts_as_text(case: tuple[Plan, Layout]) -> None:
    plan, layout = case
    _round_trip(plan, layout, ".txt", _write_text)


@pytest.mark.skipif(
    not (Path(UMING).exists() and Path(DEJAVU).exists()),
    reason="reportlab PDFs need the AR PL UMing and DejaVu Sans fonts (fonts-arphic-uming)",
)
@settings(PROPERTY, max_examples=6)
@given(plans_and_layouts(wraps=st.just(False)))
def test_random_layouts_as_pdf(case: tuple[Plan, Layout]) -> None:
    plan, layout = case
    _round_trip(plan, layout, ".pdf", render_reportlab_pdf)


def _write_layout_text(plan: Plan, layout: Layout, path: Path) -> None:
    pdf = path.with_suffix(".pdf")
    render_reportlab_pdf(plan, layout, pdf)
    subprocess.run(["pdftotext", "-layout", str(pdf), str(path)], check=True)
    pdf.unlink()


@pytest.mark.skipif(
    os.environ.get("LAYOUT_RANDOM") != "1"
    or not (Path(UMING).exists() and Path(DEJAVU).exists() and shutil.which("pdftotext")),
    reason="an exploration (LAYOUT_RANDOM=1): it still finds cases the space-aligned reader "
    "gets wrong; needs the PDF test's fonts and pdftotext (poppler-utils)",
)
@settings(PROPERTY, max_examples=10)
@given(plans_and_layouts(wraps=st.just(False)))
def test_random_layouts_as_layout_text(case: tuple[Plan, Layout]) -> None:
    """The third form, explored on demand: the reportlab PDF as ``pdftotext -layout`` writes it
    (narrow columns one space apart, a line shifted by a character). It still finds failures
    (a wrapped value run into the next column with one space), so it is not part of the suite;
    what it found and was fixed has a test of its own. Known limits left out: a bilingual plan's cells
    (not split in space-aligned text), a two-line header's labels (joined without a space), and a
    table without item numbers, whose wrapped lines cannot be told from rows once the ruling lines
    are gone."""
    plan, layout = case
    assume(layout.language != "bilingual" and not layout.two_line_header)
    assume("item" in layout.columns)
    _round_trip(plan, layout, ".txt", _write_layout_text)


def _borders(kinds: dict[str, Any]) -> st.SearchStrategy[str | None]:
    """The borders drawn last: none set (the style's) twice as often as each kind; with
    LAYOUT_BORDERS=0, nothing drawn, so that a seed of before borders were draws its examples
    again."""
    if os.environ.get("LAYOUT_BORDERS") == "0":
        return st.just(None)
    return st.sampled_from((None, None, *kinds))


@pytest.mark.skipif(
    os.environ.get("LAYOUT_RANDOM") != "1" or not shutil.which("soffice"),
    reason="an exploration (LAYOUT_RANDOM=1): plans laid out in Word and converted by LibreOffice "
    "(~1 s each); it still finds cases the PDF reader gets wrong",
)
@settings(PROPERTY, max_examples=12)
@given(plans_and_layouts(), word_looks(), _borders(WORD_BORDERS))
def test_random_layouts_as_word_pdf(
    case: tuple[Plan, Layout], look: WordLook, borders: str | None
) -> None:
    """The form most plans take, explored on demand: the plan laid out in Word (python-docx) and
    converted by LibreOffice, as :func:`layoutpdf.render_word_pdf` does for the layout fixtures.
    It lays tables out in Word table styles that rule only part of the table too ("Light
    Shading", "Light List", "Medium Shading 1", "Medium Shading 2"). Seeds 101–240, 301–330
    and 501–546 (tables without item numbers in "Table Grid" only) pass but one: 209, a row's
    remainder alone under a header repeated on a new page whose labels are too close together
    to split (a narrow "Light Shading" table). Seeds 401–454, with tables without item numbers
    in every style (each line of a row read as a row), pass but three (437, 446, 450): in a
    table read a line at a time, a wrapped line of the first column alone ("Management" /
    "Unit") is a line of text, which cannot be told from a category printed across the table
    above the next row: the cell is cut, and the line is reported as not understood
    (``unparsed_line``), or taken for the next row's category where it prints none (where that
    line is the name a category and separator await, 「Recreation and Culture /」, it is the
    row's: seed 613). Seeds 601–640 pass, and so does a sample of earlier seeds drawn again
    (101–120, 301–310, 501–515). A bilingual
    plan without an item column still has the known limit of a cell a page break cuts right
    before the English half's copy of a value (README "Bilingual cells").
    What it found and is now read right
    has a fixture or a unit test: words and dates Word broke mid-word in a narrow column
    (``layout-landsd-narrow-columns-en``, tests/test_readers.py), a merged category cell whose text
    Word moved whole to the next page or cut there (``layout-censtatd-pushed-category-en``,
    ``layout-emsd-cut-category-en``), an item label or
    a header row a page break cut (tests/test_structure.py), the rest of a bilingual cell on the
    next page (tests/test_layout_rules.py), and, in the partly ruled styles, headers without
    their item label or wrapped over more lines, rows read a line at a time, rows found as two
    tables or without cells, rows of tables without item numbers read a line at a time
    (``layout-censtatd-unruled-bilingual``, ``layout-afcd-rows-per-line-bilingual``,
    ``layout-landsd-narrow-unruled-en``, ``layout-afcd-no-items-light-shading``, and unit tests
    naming their seeds)."""
    # How the text looks is drawn too (fonts, cells centred top to bottom and across, a shaded
    # header: ``WordLook``, seeds 931 on), and, last, borders set by hand over the style's
    # (:data:`layoutpdf.WORD_BORDERS`, seeds 3001 on): what it found is in the CHANGELOG, the
    # limits left in the README ("Layout tests").
    plan, layout = case
    if os.environ.get("LAYOUT_LOOKS") == "0":  # the plans of earlier seeds, in the default look
        look = WordLook()

    def render(plan: Plan, layout: Layout, out: Path) -> None:
        render_word_pdf(plan, layout, out, borders=borders)

    _round_trip(plan, replace(layout, word_look=look), ".pdf", render)


@pytest.mark.skipif(
    os.environ.get("LAYOUT_RANDOM") != "1" or not shutil.which("chromium"),
    reason="an exploration (LAYOUT_RANDOM=1): plans as HTML pages printed to PDF by Chromium",
)
@settings(PROPERTY, max_examples=12)
@given(plans_and_layouts(), word_looks(), _borders(HTML_BORDERS))
def test_random_layouts_as_html_pdf(
    case: tuple[Plan, Layout], look: WordLook, borders: str | None
) -> None:
    """A fifth form, explored on demand: the plan as an HTML page printed to PDF by headless
    Chromium (a web page saved as PDF: Skia's glyph runs and ruling rectangles, a header row
    repeated on each page, rows kept whole across pages), its borders by the Word style's
    family (every cell, the frame and the header, or rules around the header and shaded rows)
    or, drawn last (seeds 5001 on), one of :data:`layoutpdf.HTML_BORDERS` (rules between rows
    only or columns only, a frame, dashed or dotted rules, none, shaded rows alone), and its
    text by the Word look."""
    plan, layout = case

    def render(plan: Plan, layout: Layout, out: Path) -> None:
        render_html_pdf(plan, layout, out, borders)

    _round_trip(plan, replace(layout, word_look=look), ".pdf", render)


# --- the generator itself, against the contract's own examples -------------------------------


@pytest.mark.parametrize(
    ("wording", "year", "period", "text", "month", "precision"),
    [
        ("MM/YYYY", 2019, 4, "04/2019", "2019-04", "month"),
        ("Mon-YY", 2020, 12, "Dec-20", "2020-12", "month"),
        ("〇年月", 2019, 4, "二〇一九年四月", "2019-04", "month"),
        ("DD.MM.YYYY", 2020, 12, "31.12.2020", "2020-12", "day"),
        ("年月日或之前", 2020, 12, "2020年12月31日或之前", "2020-12", "day"),
        ("Qn YYYY", 2020, 2, "Q2 2020", "2020-06", "quarter"),
        ("Nth quarter of YYYY", 2020, 3, "Third quarter of 2020", "2020-09", "quarter"),
        ("〇年第n季", 2020, 3, "二〇二〇年第三季", "2020-09", "quarter"),
        ("年底 (yearless)", 2020, 1, "年底", "2020-12", "quarter"),
        ("Mid-year (yearless)", 2021, 1, "Mid-year", "2021-06", "quarter"),
        ("Early YYYY", 2020, 1, "Early 2020", "2020-03", "quarter"),
        ("nth half of YYYY", 2020, 1, "First half of 2020", "2020-06", "half"),
        ("下半年 (yearless)", 2020, 2, "下半年", "2020-12", "half"),
        ("Within YYYY", 2020, 1, "Within 2020", "2020-12", "year"),
        ("待定", 2020, 1, "待定", None, "unknown"),
    ],
)
def test_date_wordings_follow_the_contract(
    wording: str, year: int, period: int, text: str, month: str | None, precision: str
) -> None:
    due = Due(wording, year, period)
    language = WORDINGS[wording].language
    assert date_text(due, "en" if language == "any" else language) == text
    assert due.truth() == (month, precision)


@pytest.mark.parametrize(
    ("style", "number", "letter", "label"),
    [
        ("1.", 12, "A", "12."),
        ("(1)", 3, "A", "(3)"),
        ("1)", 3, "A", "3)"),
        ("（一）", 3, "A", "（三）"),
        ("一、", 11, "A", "十一、"),
        ("A1", 1, "D", "D1"),
        ("A-1", 2, "B", "B-2"),
        ("i", 9, "A", "ix"),
        ("(iv)", 4, "A", "(iv)"),
        ("１", 12, "A", "１２"),
        ("none", 1, "A", None),
    ],
)
def test_item_labels(style: str, number: int, letter: str, label: str | None) -> None:
    assert item_label(style, number, letter) == label


def test_text_form_marks_groups_wraps_and_footnotes() -> None:
    """Grouping rows and footnotes are lines without tabs; a wrap continues on a line whose item
    cell is empty and only the wrapped cells are filled."""
    rows = rows_of("afcd")
    section = PlanSection(
        "A",
        (2021,),
        (
            Block(
                0,
                (
                    PlanRow(rows[0], Due("MM/YYYY", 2021, 3), footnote=Footnote("*", ("F", "F"))),
                    PlanRow(rows[4], Due("MM/YYYY", 2021, 6)),
                ),
            ),
        ),
    )
    plan = Plan("afcd-2020.en", "afcd", 2020, (section,))
    layout = Layout(language="en", columns=("item", "name", "release_date", "update_frequency"))
    lines = render_text(plan, replace(layout, category="grouping", wraps=True)).splitlines()
    assert "Food" in lines and "Environment" in lines and "* F" in lines
    continuation = next(line for line in lines if line.startswith("\t") and "Data" not in line)
    cells = continuation.split("\t")
    assert cells[0] == "" and sum(bool(c) for c in cells) == 1
    truth = expected(plan, replace(layout, category="grouping"))[0]["datasets"]
    assert [r["category"] for r in truth] == ["Food", "Environment"]
    assert truth[0]["note"] == "F" and truth[0]["dataset_name"] == rows[0].name[0]
