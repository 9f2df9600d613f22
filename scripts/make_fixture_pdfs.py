"""Make the fixture PDFs of tests/fixtures from the seed text plan (``make fixtures``).

We have no real plan PDF, so these lay the seed plan out the way departments do:

- ``seed-pdf-word``: python-docx, one bordered table per section with the header row marked to
  repeat on each page, category and name in one cell (「資訊科技／」, a line break, the name), narrow
  columns that wrap naturally, a page-number footer; converted by LibreOffice with Noto CJK embedded.
- ``seed-pdf-reportlab``: a second producer and layout (reportlab, landscape, AR PL UMing embedded)
  in which a row is split across a page break with its name and remarks both continuing, the
  header repeated on the new page.
- ``seed-pdf-unruled``: as reportlab, but section D's table has no inner ruling lines (outer box
  only) and section A's none at all: the reader must fall back to text alignment.
- ``pdf-wraps``: small focused PDF: 「通用「Wi-」 / 「Fi.HK」品牌」 and "(JSON and" / "XML)" wrapped
  exactly there.
- bad PDFs under ``bad-pdf/``: encrypted, scanned (image only), truncated, empty, not a plan,
  unexpected columns.

Needs LibreOffice and the fonts (scripts/install_fixture_tools.sh). The outputs are committed.
"""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from plan_extract.model import Organisation, TextLine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from layoutpdf import word_to_pdf
from plan_extract.normalise.remarks import split_category
from plan_extract.normalise.text import is_cjk, join_pieces
from plan_extract.problems import ProblemLog
from plan_extract.read import read_document
from plan_extract.structure import structure

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-zh-hant" / "input" / "ogcio-2018-annual-open-data-plan.zh-hant.txt"
NAME = "ogcio-2018-annual-open-data-plan.zh-hant.pdf"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
HEADERS = {
    "A": ("", "數據種類／數據集名稱", "目標發放日期", "更新頻率", "備註"),
    "D": ("", "數據種類／數據集名稱", "發放日期", "更新頻率", "備註"),
}
ENGLISH_HEADERS = {
    "A": ("", "Data Category / Dataset Name", "Target Release Date", "Update Frequency", "Remarks"),
    "D": ("", "Data Category / Dataset Name", "Release Date", "Update Frequency", "Remarks"),
}


@dataclass
class Row:
    item: str
    cells: tuple[str, str, str, str]  # category/name, date, frequency, remarks


@dataclass
class Part:
    """A heading line, or a table (header + rows; rows empty means the 「/」 row)."""

    heading: str | None = None
    letter: str | None = None
    rows: list[Row] | None = None


def seed_parts(source: Path = SEED) -> list[Part]:
    """A text plan as headings and tables, from plan_extract's own text reader."""
    document = read_document(source)
    plan = structure(document, ProblemLog("seed", str(source)))
    header_lines = []
    for block in document.blocks:
        if isinstance(block, TextLine):
            if block.text.lstrip("#").strip().startswith("A."):
                break
            header_lines.append(block.text)
    parts = [Part(heading=text) for text in header_lines]
    for section in plan.sections:
        parts.append(Part(heading=f"{section.letter}. {section.title}"))
        rows = [r for r in plan.rows if r.section == section]
        organisations = sorted({r.organisation for r in rows}, key=lambda o: o.number)
        for organisation in organisations or [None]:
            if organisation is not None and organisation.number:
                parts.append(Part(heading=organisation_line(organisation)))
            table = [
                Row(
                    r.item_cell,
                    tuple(
                        join_pieces(r.cells.get(role, []))
                        for role in ("category_name", "release_date", "update_frequency", "remarks")
                    ),
                )  # type: ignore[misc]
                for r in rows
                if r.organisation == organisation
            ]
            parts.append(Part(letter=section.letter, rows=table))
    return parts


def organisation_line(organisation: Organisation) -> str:
    name, abbr = organisation.name or "", organisation.abbr
    number = organisation.number
    if name.isascii():
        return f"({number}) {name} ({abbr})" if abbr else f"({number}) {name}"
    return f"({number}) {name}（下稱「{abbr}」）" if abbr else f"({number}) {name}"


def header_for(letter: str, english: bool = False) -> tuple[str, ...]:
    return (ENGLISH_HEADERS if english else HEADERS)["D" if letter == "D" else "A"]


def name_lines(cell: str) -> list[str]:
    category, name = split_category(cell)
    if category is None:
        return [name]
    return [f"{category} /", name] if category.isascii() else [f"{category}／", name]


# --- reportlab ------------------------------------------------------------------------------------

FONT, SIZE, LEADING, PAD = "UMing", 10, 13, 4


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, UMING, subfontIndex=0))


def _tokens(text: str) -> list[str]:
    """Break opportunities: after each CJK char, after spaces and after hyphens in words."""
    tokens: list[str] = []
    for char in text:
        if (
            tokens
            and not is_cjk(char)
            and not is_cjk(tokens[-1][-1])
            and tokens[-1][-1] not in " -"
        ):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, width: float) -> list[str]:
    lines = [""]
    for token in _tokens(text):
        if lines[-1] and pdfmetrics.stringWidth((lines[-1] + token).rstrip(), FONT, SIZE) > width:
            lines[-1] = lines[-1].rstrip()
            lines.append(token.lstrip())
        else:
            lines[-1] += token
    return [line for line in (ln.rstrip() for ln in lines) if line]


@dataclass
class Layout:
    pagesize: tuple[float, float]
    widths: tuple[float, ...]
    ruling: dict[str, str]  # section letter → "all", "outer" or "none"
    spacer_before: str | None = None  # heading before which blank lines are inserted
    spacer_lines: int = 0
    headers: tuple[str, ...] | None = None  # replaces the real header labels (bad fixtures)


class Writer:
    """Draws headings and tables, splitting rows across pages like Word does."""

    def __init__(self, out: io.BytesIO | Path, layout: Layout, encrypt: str | None = None) -> None:
        self.layout = layout
        self.canvas = canvas.Canvas(
            str(out) if isinstance(out, Path) else out,
            pagesize=layout.pagesize,
            encrypt=encrypt,
            invariant=True,
            pageCompression=1,
        )
        self.width, self.height = layout.pagesize
        self.margin = 50.0
        self.page = 1
        self.y = self.height - self.margin
        self.splits: list[tuple[str, list[int]]] = []
        self.english = False

    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.page += 1
        self.y = self.height - self.margin

    def footer(self) -> None:
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(self.width / 2, 25, f"- {self.page} -")

    def heading(self, text: str) -> None:
        if self.layout.spacer_before and text.startswith(self.layout.spacer_before):
            self.y -= self.layout.spacer_lines * LEADING
        if self.y - 2 * LEADING < self.margin:
            self.new_page()
        self.y -= LEADING
        self.canvas.setFont(FONT, SIZE + 1)
        self.canvas.drawString(self.margin, self.y, text)
        self.y -= LEADING / 2

    def table(self, letter: str, rows: list[Row]) -> None:
        ruling = self.layout.ruling.get(letter, "all")
        labels = self.layout.headers or header_for(letter, self.english)
        header = [wrap(t, w - 2 * PAD) for t, w in zip(labels, self.layout.widths, strict=True)]
        body = [
            [[r.item]]
            + [name_lines(r.cells[0])]
            + [
                wrap(c, w - 2 * PAD)
                for c, w in zip(r.cells[1:], self.layout.widths[2:], strict=True)
            ]
            for r in rows
        ] or [[["Nil" if self.english else "/"]] * 5]
        for index, cells in enumerate(body):
            cells = [
                [piece for line in cell for piece in wrap(line, w - 2 * PAD)]
                for cell, w in zip(cells, self.layout.widths, strict=True)
            ]
            self._row(cells, header, ruling, first=index == 0)
        self._close(ruling)

    def _row(
        self, cells: list[list[str]], header: list[list[str]], ruling: str, first: bool
    ) -> None:
        if first or self.y - LEADING - 2 * PAD < self.margin:
            if not first:
                self._close(ruling)
                self.new_page()
            self.top = self.y
            self._draw(header, ruling)
        remaining = cells
        while remaining:
            fits = int((self.y - self.margin - 2 * PAD) // LEADING)
            height = max(len(c) for c in remaining)
            if height <= fits:
                self._draw(remaining, ruling)
                return
            part = [c[:fits] for c in remaining]
            self.splits.append(
                (
                    remaining[0][0] if remaining[0] else "",
                    [i for i, c in enumerate(remaining) if len(c) > fits],
                )
            )
            self._draw(part, ruling)
            self._close(ruling)
            self.new_page()
            self.top = self.y
            self._draw(header, ruling)
            remaining = [c[fits:] for c in remaining]
            remaining[0] = []

    def _draw(self, cells: list[list[str]], ruling: str) -> None:
        height = max(len(c) for c in cells) * LEADING + 2 * PAD
        x = self.margin
        self.canvas.setFont(FONT, SIZE)
        for lines, width in zip(cells, self.layout.widths, strict=True):
            for n, line in enumerate(lines):
                self.canvas.drawString(x + PAD, self.y - PAD - (n + 1) * LEADING + 3, line)
            if ruling == "all":
                self.canvas.rect(x, self.y - height, width, height)
            x += width
        self.y -= height

    def _close(self, ruling: str) -> None:
        if ruling == "outer":
            self.canvas.rect(self.margin, self.y, sum(self.layout.widths), self.top - self.y)
        self.y -= LEADING

    def save(self) -> None:
        self.footer()
        self.canvas.save()


def render(
    parts: list[Part], layout: Layout, out: io.BytesIO | Path, encrypt: str | None = None
) -> Writer:
    register_font()
    writer = Writer(out, layout, encrypt)
    writer.english = any(p.heading and "Open Data Plan" in p.heading for p in parts)
    for part in parts:
        if part.heading is not None:
            writer.heading(part.heading)
        elif part.letter and part.rows is not None:
            writer.table(part.letter, part.rows)
    writer.save()
    return writer


def render_with_split(parts: list[Part], layout: Layout, out: Path, before: str) -> None:
    """Insert blank lines before heading ``before`` until a row splits with name and remarks."""
    for lines in range(0, 60):
        layout.spacer_before, layout.spacer_lines = before, lines
        writer = render(parts, layout, io.BytesIO())
        if any(1 in cols and 4 in cols for _, cols in writer.splits):
            render(parts, layout, out)
            print(f"{out.relative_to(ROOT)}: split rows {writer.splits} with {lines} blank lines")
            return
    raise SystemExit(f"no layout splits a row's name and remarks for {out}")


# --- python-docx + LibreOffice ---------------------------------------------------------------------


def make_word_pdf(parts: list[Part], out: Path) -> None:
    from docx import Document as WordDocument
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = WordDocument()
    style = doc.styles["Normal"]
    style.font.name = "Noto Sans CJK TC"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK TC")
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = footer.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
    widths = (Cm(1.2), Cm(4.8), Cm(2.3), Cm(2.6), Cm(6.1))
    for part in parts:
        if part.heading is not None:
            doc.add_paragraph(part.heading)
            continue
        assert part.letter is not None and part.rows is not None
        table = doc.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        header = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for cell, text in zip(header.cells, header_for(part.letter), strict=True):
            cell.text = text
        for row in part.rows or [Row("", ("/", "/", "/", "/"))]:
            cells = table.add_row().cells
            cells[0].text = row.item
            lines = name_lines(row.cells[0])
            paragraph = cells[1].paragraphs[0]
            for n, line in enumerate(lines):
                run = paragraph.add_run(line)
                if n < len(lines) - 1:
                    run.add_break(WD_BREAK.LINE)
            for cell, text in zip(cells[2:], row.cells[1:], strict=True):
                cell.text = text
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        doc.add_paragraph("")
    word_to_pdf(doc, out)
    print(f"{out.relative_to(ROOT)}: via LibreOffice")


def make_simplified(out: Path) -> None:
    """The seed converted to Simplified characters with OpenCC (t2s), as DATA.GOV.HK serves it."""
    import opencc

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(opencc.OpenCC("t2s").convert(SEED.read_text("utf-8")), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: OpenCC t2s of the seed")


def make_layout_texts() -> None:
    """``pdftotext -layout`` of the Word and the English PDF: the space-aligned text form."""
    sources = {
        "seed-layout-zh-hant": FIXTURES / "seed-pdf-word" / "input" / NAME,
        "seed-layout-en": FIXTURES / "seed-en-pdf" / "input" / NAME.replace("zh-hant", "en"),
    }
    for case, pdf in sources.items():
        out = FIXTURES / case / "input" / pdf.with_suffix(".layout.txt").name
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True)
        print(f"{out.relative_to(ROOT)}: pdftotext -layout")


def main() -> None:
    make_simplified(
        FIXTURES / "seed-zh-hans" / "input" / "ogcio-2018-annual-open-data-plan.zh-hans.txt"
    )
    english = FIXTURES / "seed-en" / "input" / "ogcio-2018-annual-open-data-plan.en.txt"
    english_pdf = FIXTURES / "seed-en-pdf" / "input" / "ogcio-2018-annual-open-data-plan.en.pdf"
    english_pdf.parent.mkdir(parents=True, exist_ok=True)
    wide = Layout(landscape(A4), (40, 200, 90, 110, 300), {})
    render_with_split(seed_parts(english), wide, english_pdf, before="D.")
    parts = seed_parts()
    targets = {
        name: FIXTURES / name / "input"
        for name in ("seed-pdf-word", "seed-pdf-reportlab", "seed-pdf-unruled")
    }
    for folder in targets.values():
        folder.mkdir(parents=True, exist_ok=True)
    make_word_pdf(parts, targets["seed-pdf-word"] / NAME)
    wide = Layout(landscape(A4), (40, 200, 90, 110, 300), {})
    render_with_split(parts, wide, targets["seed-pdf-reportlab"] / NAME, before="D.")
    unruled = Layout(landscape(A4), (40, 200, 90, 110, 300), {"A": "none", "D": "outer"})
    render_with_split(parts, unruled, targets["seed-pdf-unruled"] / NAME, before="D.")
    from make_bad_pdfs import make_bad_pdfs, make_wraps_pdf

    make_wraps_pdf(parts, FIXTURES / "pdf-wraps")
    make_bad_pdfs(parts, FIXTURES / "bad-pdf")
    make_layout_texts()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
