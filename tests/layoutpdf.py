"""PDF renderers of a generated plan (:func:`layoutgen.printed`): Word via LibreOffice, and reportlab.

- :func:`render_word_pdf`: python-docx → ``soffice --headless --convert-to pdf``, as departments
  make their plans: bordered tables whose header row repeats on each page, a category written once
  in a vertically merged cell (``cell.merge``), a grouping row as one cell merged across the table,
  forced line breaks inside cells, footnotes as paragraphs under the table, page numbers.
- :func:`render_reportlab_pdf`: fast ruled tables (AR PL UMing) for the property test; a row that
  does not fit moves to the next page under a repeated header.
- :func:`render_html_pdf`: an HTML page printed by headless Chromium, a browser's PDF (Skia).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layoutgen import Layout, Plan, PrintedRow, PrintedTable, printed
from layoutmodel import departments, show
from layoutwords import title_line

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # for the few signs UMing lacks (†)
# Relative column widths by role; each table is scaled to the page.
WIDTHS = {
    "item": 1.3, "category": 2.6, "name": 4.2, "category_name": 4.6, "description": 4.4,
    "formats": 2.0, "release_date": 2.4, "update_frequency": 2.6, "remarks": 4.6, "extra": 2.4,
}  # fmt: skip


def _widths(layout: Layout, total: float) -> list[float]:
    raw = [WIDTHS[role] for role in layout.columns]
    return [total * w / sum(raw) for w in raw]


# --- python-docx + LibreOffice ---------------------------------------------------------------------


def render_word_pdf(
    plan: Plan,
    layout: Layout,
    out: Path,
    font: str = "Noto Sans CJK TC",
    borders: str | None = None,
) -> None:
    """Lay the plan out in Word (python-docx) and convert it with LibreOffice; ``borders``, where
    given, the tables' borders set by hand over the Word style's (a key of :data:`WORD_BORDERS`)."""
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    look = layout.word_look
    font = look.font if font == "Noto Sans CJK TC" else font
    doc = WordDocument()
    style = doc.styles["Normal"]
    style.font.name = look.latin_font or font
    style.font.size = Pt(look.size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    if len(layout.columns) >= 7:  # as departments do: a wide table goes on a landscape page
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _page_number_footer(section)
    if look.running_header:
        _running_header(section, plan, layout)
    usable = (29.7 if len(layout.columns) >= 7 else 21.0) - 4.0  # A4 less the margins, cm
    widths = [Cm(w) for w in _widths(layout, usable)]
    for part in printed(plan, layout):
        if isinstance(part, str):
            doc.add_paragraph(part)
        else:
            _word_table(doc, part, widths, layout.word_style, _looks(layout, part), borders)
            for line in part.footnotes:
                doc.add_paragraph(line)
            doc.add_paragraph("")
    word_to_pdf(doc, out)


@functools.cache
def _soffice_profile() -> Path:
    """A LibreOffice profile of this process's own, removed when it exits: two processes
    converting at once (a test run beside `make fixtures`) would otherwise share the user's,
    and the second soffice fails."""
    profile = Path(tempfile.mkdtemp(prefix="plan-extract-soffice-"))
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def word_to_pdf(doc: Any, out: Path) -> None:
    """Save a python-docx document and convert it to ``out`` (a PDF) with LibreOffice, as a
    department's Word would."""
    profile = _soffice_profile()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / out.with_suffix(".docx").name
        doc.save(str(source))
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        out.write_bytes((Path(tmp) / out.with_suffix(".pdf").name).read_bytes())


def _page_number_footer(section: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = footer.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _running_header(section: Any, plan: Plan, layout: Layout) -> None:
    """Right-aligned atop every page: the department's abbreviation and the plan's title
    (``running_header`` "title") or the department's name alone ("department")."""
    dept = departments()[plan.department]
    if layout.word_look.running_header == "department":
        en, zh = dept.name
    else:
        en = f"{dept.abbr[0]} {title_line(plan.year, layout.title, 'en')}"
        zh = f"{dept.abbr[1]} {title_line(plan.year, layout.title, 'zh-Hant')}"
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = 2  # right
    paragraph.add_run(show((en, zh), layout).replace("\n", " "))


def _set_text(cell: Any, text: str) -> None:
    from docx.enum.text import WD_BREAK

    paragraph = cell.paragraphs[0]
    lines = text.split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        if n < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _row_property(row: Any, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


_SHORT = ("item", "release_date", "update_frequency", "formats")  # the values centred across


@dataclass(frozen=True)
class _TableLook:
    middle: bool = False
    centred: frozenset[int] = frozenset()  # columns whose cells are centred across
    shaded_header: bool = False
    repeat_header: bool = True


def _looks(layout: Layout, part: PrintedTable) -> _TableLook:
    """The table's look: ``part``'s columns are the layout's."""
    assert len(part.header) == len(layout.columns)
    look = layout.word_look
    centred = {n for n, role in enumerate(layout.columns) if look.centred and role in _SHORT}
    return _TableLook(look.middle, frozenset(centred), look.shaded_header, look.repeat_header)


def _align(cell: Any, look: _TableLook, column: int | None, header: bool = False) -> None:
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if look.middle:
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    if column in look.centred or (header and look.centred):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if header and look.shaded_header:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "D9D9D9")
        cell._tc.get_or_add_tcPr().append(shading)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


# Borders set by hand on a table (Word's Table Properties, Borders), over its style's: the
# table's top, left, bottom, right, the rules between rows (insideH), between columns (insideV).
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
WORD_BORDERS = {
    "rows": ("single", "nil", "single", "nil", "single", "nil"),
    "frame": ("single", "single", "single", "single", "nil", "nil"),
    "columns": ("single", "single", "single", "single", "nil", "single"),
    "dashed": ("dashed",) * 6,
    "dotted": ("dotted",) * 6,
    "none": ("nil",) * 6,
}


def _border(side: str, kind: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement(f"w:{side}")
    border.set(qn("w:val"), kind)
    if kind != "nil":
        border.set(qn("w:sz"), "6")  # eighths of a point
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
    return border


def _table_borders(table: Any, borders: str) -> None:
    """The table's borders (:data:`WORD_BORDERS`); with a frame and no rules between rows, the
    header row ruled off (its cells' bottom border), as the HTML page's ``th`` is."""
    from docx.oxml import OxmlElement

    element = OxmlElement("w:tblBorders")
    for side, kind in zip(_SIDES, WORD_BORDERS[borders], strict=True):
        element.append(_border(side, kind))
    table._tbl.tblPr.append(element)
    if borders in ("frame", "columns"):
        for cell in table.rows[0].cells:
            cell_borders = OxmlElement("w:tcBorders")
            cell_borders.append(_border("bottom", "single"))
            cell._tc.get_or_add_tcPr().append(cell_borders)


def _word_table(
    doc: Any,
    part: PrintedTable,
    widths: list[Any],
    style: str = "Table Grid",
    look: _TableLook = _TableLook(),
    borders: str | None = None,
) -> None:
    table = doc.add_table(rows=1, cols=len(part.header))
    table.style = style
    if borders is not None:
        _table_borders(table, borders)
    if look.repeat_header:
        _row_property(table.rows[0], "w:tblHeader")
    for column, (cell, text) in enumerate(zip(table.rows[0].cells, part.header, strict=True)):
        _set_text(cell, text)
        _align(cell, look, column, header=True)
    merge_from: dict[int, int] = {}  # column → index of the row its merged run starts at
    for printed_row in part.rows:
        row = table.add_row()
        index = len(table.rows) - 1
        if not part.has_item:
            _row_property(row, "w:cantSplit")  # no item number to merge a split row back by
        if printed_row.kind == "grouping":
            merged = row.cells[0].merge(row.cells[-1])
            _set_text(merged, printed_row.cells[0] or "")
            _align(merged, look, None)
            continue
        for column, cell_text in enumerate(printed_row.cells):
            if cell_text is None:
                start = merge_from.get(column, index - 1)
                table.cell(start, column).merge(table.cell(index, column))
                merge_from[column] = start
            else:
                merge_from.pop(column, None)
                _set_text(row.cells[column], cell_text)
                _align(row.cells[column], look, column)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


# --- reportlab ------------------------------------------------------------------------------------

FONT, SIZE, LEADING, PAD, MARGIN = "UMing", 9, 12, 3, 40.0


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, UMING, subfontIndex=0))
        pdfmetrics.registerFont(TTFont(FALLBACK, DEJAVU))


FALLBACK = "DejaVuSans"


def _runs(text: str) -> list[tuple[str, str]]:
    """The text as (font, run) pieces: UMing, and DejaVu Sans for characters UMing has no glyph
    for (reportlab would draw them as NUL)."""
    from reportlab.pdfbase import pdfmetrics

    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    runs: list[tuple[str, str]] = []
    for char in text:
        font = FONT if ord(char) in glyphs or char == " " else FALLBACK
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def _draw(canvas: Any, x: float, y: float, text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for font, run in _runs(text):
        canvas.setFont(font, SIZE)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, SIZE)


def _wrap(text: str, width: float) -> list[str]:
    """Greedy wrap at spaces (English) or between any two characters (Chinese)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for forced in text.split("\n"):
        line = ""
        for token in _tokens(forced):
            if line and stringWidth((line + token).rstrip(), FONT, SIZE) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line.rstrip())
    return [ln for ln in lines if ln]


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for char in text:
        if tokens and char.isascii() and tokens[-1][-1].isascii() and tokens[-1][-1] != " ":
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


class _Pages:
    """A reportlab canvas with a cursor, drawing lines and ruled table rows."""

    def __init__(self, out: Path) -> None:
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfgen import canvas

        self.width, self.height = landscape(A4)
        self.canvas = canvas.Canvas(str(out), pagesize=(self.width, self.height), invariant=True)
        self.y = self.height - MARGIN
        self.page = 1

    def new_page(self) -> None:
        self.canvas.setFont(FONT, 8)
        self.canvas.drawCentredString(self.width / 2, 20, f"- {self.page} -")
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - MARGIN

    def line(self, text: str) -> None:
        for piece in _wrap(text, self.width - 2 * MARGIN) or [""]:
            if self.y - LEADING < MARGIN:
                self.new_page()
            self.y -= LEADING
            _draw(self.canvas, MARGIN, self.y, piece)
        self.y -= LEADING / 2

    def row(self, cells: list[list[str]], widths: list[float]) -> None:
        height = max(len(c) for c in cells) * LEADING + 2 * PAD
        x = MARGIN
        self.canvas.setFont(FONT, SIZE)
        for lines, width in zip(cells, widths, strict=True):
            for n, text in enumerate(lines):
                _draw(self.canvas, x + PAD, self.y - PAD - (n + 1) * LEADING + 3, text)
            self.canvas.rect(x, self.y - height, width, height)
            x += width
        self.y -= height

    def fits(self, cells: list[list[str]]) -> bool:
        height = max(len(c) for c in cells) * LEADING + 2 * PAD
        return bool(self.y - height >= MARGIN)


def render_reportlab_pdf(plan: Plan, layout: Layout, out: Path) -> None:
    """Ruled tables on landscape A4 under a header repeated on each page. A row that does not fit
    is split across the page break as Word splits it (its item cell empty on the new page) when
    the table has an item column; without one it moves whole (Word's "don't split rows")."""
    _register_font()
    pages = _Pages(out)
    widths = _widths(layout, pages.width - 2 * MARGIN)
    for part in printed(plan, layout):
        if isinstance(part, str):
            pages.line(part)
            continue
        header = [_wrap(t, w - 2 * PAD) for t, w in zip(part.header, widths, strict=True)]
        if not pages.fits(header):  # never into the bottom margin, over the page number
            pages.new_page()
        pages.row(header, widths)
        for printed_row in part.rows:
            _table_row(pages, printed_row, widths, header, part.has_item)
        pages.y -= LEADING / 2
        for line in part.footnotes:
            pages.line(line)
        pages.y -= LEADING
    pages.new_page()
    pages.canvas.save()


def _table_row(
    pages: _Pages, row: PrintedRow, widths: list[float], header: list[list[str]], split: bool
) -> None:
    if row.kind == "grouping":
        cells, row_widths = [_wrap(row.cells[0] or "", sum(widths) - 2 * PAD)], [sum(widths)]
    else:
        cells = [_wrap(t or "", w - 2 * PAD) for t, w in zip(row.cells, widths, strict=True)]
        row_widths = widths
    while not pages.fits(cells):
        room = int((pages.y - MARGIN - 2 * PAD) // LEADING)
        if split and row.kind == "dataset" and room >= 1:
            pages.row([c[:room] for c in cells], row_widths)
            cells = [[], *[c[room:] for c in cells[1:]]]
        pages.new_page()
        pages.row(header, widths)
    pages.row(cells, row_widths)


# --- HTML printed by Chromium ---------------------------------------------------------------------

# Borders by Word style family: every cell ruled ("Grid", and "List", which LibreOffice draws
# ruled between columns in most rows too); rules above and below the header and under the table,
# rows shaded in turn, no other rules ("Shading"). (Centred values in a table with no rules
# between its columns are a known limit: their columns are not found by alignment.)
_HTML_BORDERS = {
    "grid": "td, th { border: 0.75pt solid #000; }",
    "shading": (
        "table { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }"
        " th { border-bottom: 1pt solid #000; } tbody tr:nth-child(odd) td { background: #e6e6e6; }"
    ),
}


# Borders a page's author may give a table besides the Word styles' two families (the HTML
# exploration's ``borders``): rules between rows only, a frame with the header ruled off, rules
# between columns only, every cell in dashed or dotted rules, no rule at all, shaded rows alone.
HTML_BORDERS = {
    "rows": (
        "table { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }"
        " th { border-bottom: 1pt solid #000; } td { border-bottom: 0.5pt solid #000; }"
    ),
    "frame": "table { border: 1pt solid #000; } th { border-bottom: 1pt solid #000; }",
    "columns": (
        "table { border: 0.75pt solid #000; }"
        " td, th { border-left: 0.75pt solid #000; border-right: 0.75pt solid #000; }"
        " th { border-bottom: 0.75pt solid #000; }"
    ),
    "dashed": "td, th { border: 0.75pt dashed #000; }",
    "dotted": "td, th { border: 1pt dotted #000; }",
    "none": "",
    "banded": "tbody tr:nth-child(odd) td { background: #e6e6e6; }",
}


def _html_borders(style: str, borders: str | None = None) -> str:
    """The CSS of the table's borders: ``borders`` (a key of :data:`HTML_BORDERS`), else the
    Word style's family."""
    if borders is not None:
        return HTML_BORDERS[borders]
    kind = "shading" if "Shading" in style else "grid"
    return _HTML_BORDERS[kind]


def _html_text(text: str) -> str:
    import html

    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _html_table(part: PrintedTable, widths: list[float], look: _TableLook) -> str:
    columns = len(part.header)
    total = sum(widths)
    out = ["<table><colgroup>"]
    out += [f'<col style="width:{100 * w / total:.2f}%">' for w in widths]
    out.append("</colgroup><thead><tr>")
    for label in part.header:
        centred = ' class="c"' if look.centred else ""
        out.append(f"<th{centred}>{_html_text(label)}</th>")
    out.append("</tr></thead><tbody>")
    # a merged (None) cell extends the cell above it: count each start's run first
    spans: dict[tuple[int, int], int] = {}
    starts: dict[int, tuple[int, int]] = {}
    for r, row in enumerate(part.rows):
        if row.kind == "grouping":
            starts.clear()
            continue
        for c, text in enumerate(row.cells):
            if text is None and c in starts:
                spans[starts[c]] += 1
            else:
                starts[c] = (r, c)
                spans[r, c] = 1
    for r, row in enumerate(part.rows):
        if row.kind == "grouping":
            out.append(f'<tr><td colspan="{columns}">{_html_text(row.cells[0] or "")}</td></tr>')
            continue
        out.append("<tr>")
        for c, text in enumerate(row.cells):
            if (r, c) not in spans:
                continue  # covered by a cell above
            span = f' rowspan="{spans[r, c]}"' if spans[r, c] > 1 else ""
            centred = ' class="c"' if c in look.centred else ""
            out.append(f"<td{span}{centred}>{_html_text(text or '')}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html_pdf(plan: Plan, layout: Layout, out: Path, borders: str | None = None) -> None:
    """Lay the plan out as an HTML page and print it to PDF with headless Chromium (Skia): glyph
    runs and ruling rectangles as a browser draws them, a table header repeated on each page, a
    category merged down as a cell spanning rows. The Word style picks the borders (every cell,
    the header and the frame, or rules around the header with shaded rows), the Word look the
    font, its size, cells centred top to bottom and short values centred across; ``borders``,
    where given, the borders instead (a key of :data:`HTML_BORDERS`)."""
    import html

    look = layout.word_look
    landscape = len(layout.columns) >= 7
    font = f"'{look.latin_font}', '{look.font}'" if look.latin_font else f"'{look.font}'"
    css = (
        f"@page {{ size: A4 {'landscape' if landscape else 'portrait'}; margin: 2cm; }}"
        f" body {{ font-family: {font}; font-size: {look.size}pt; }}"
        " table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
        f" td, th {{ padding: 2pt 4pt; text-align: left; font-weight: normal;"
        f" vertical-align: {'middle' if look.middle else 'top'}; }}"
        f" th {{ {'background: #d9d9d9; font-weight: bold;' if look.shaded_header else ''} }}"
        " .c { text-align: center; } tr { break-inside: avoid; }"
        f" {_html_borders(layout.word_style, borders)}"
    )
    body = []
    widths = _widths(layout, 100.0)
    for part in printed(plan, layout):
        if isinstance(part, str):
            body.append(f"<p>{html.escape(part)}</p>")
        else:
            body.append(_html_table(part, widths, _looks(layout, part)))
            body += [f"<p>{html.escape(line)}</p>" for line in part.footnotes]
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style></head>'
        f"<body>{''.join(body)}</body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
