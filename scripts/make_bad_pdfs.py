"""The focused and the unreadable fixture PDFs (called by make_fixture_pdfs.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from make_fixture_pdfs import FONT, NAME, PAD, SIZE, Layout, Part, register_font, render, wrap


def _width_ending_line_with(text: str, ending: str, lo: int = 60, hi: int = 400) -> float:
    for width in range(lo, hi):
        if any(line.endswith(ending) for line in wrap(text, width)):
            return width + 2 * PAD
    raise SystemExit(f"no width wraps {text!r} after {ending!r}")


def make_wraps_pdf(parts: list[Part], folder: Path) -> None:
    """Rows D2 and D17 only, in columns that wrap 「Wi-」/「Fi.HK」 and "(JSON and"/"XML)"."""
    register_font()
    head = [
        p for p in parts if p.heading is not None and p.heading[:2] not in ("A.", "B.", "C.", "D.")
    ]
    head = head[:2]
    section_d = [p for p in parts if p.heading and p.heading.startswith("D.")]
    table = next(p for p in parts if p.letter == "D")
    rows = [r for r in (table.rows or []) if r.item in ("2.", "17.")]
    d2, d17 = rows
    name_width = pdfmetrics.stringWidth("通用「Wi-", FONT, SIZE) + 2 * PAD + 1
    remarks_width = _width_ending_line_with(d2.cells[3], "(JSON and")
    layout = Layout(A4, (40, name_width, 60, 110, remarks_width), {})
    out = folder / "input" / "ogcio-2018-wraps.zh-hant.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    render([*head, *section_d, Part(letter="D", rows=[d2, d17])], layout, out)
    print(f"{out}: name width {name_width:.0f}, remarks width {remarks_width:.0f}")


def _scanned(source: Path, out: Path) -> None:
    """A PDF whose pages are pictures of the Word fixture's first page: no text layer."""
    document = pypdfium2.PdfDocument(str(source))
    image = document[0].render(scale=0.8).to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    page = canvas.Canvas(str(out), pagesize=A4, invariant=True)
    page.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, *A4)
    page.save()


def _fake_bold(parts: list[Part], layout: Layout, out: Path) -> None:
    """Every string drawn twice, 0.3 pt apart: how Word fakes bold for fonts without a bold face."""
    out.parent.mkdir(parents=True, exist_ok=True)
    original = canvas.Canvas.drawString

    def twice(
        self: canvas.Canvas, x: float, y: float, text: str, *args: object, **kw: object
    ) -> None:
        original(self, x, y, text, *args, **kw)  # type: ignore[arg-type]
        original(self, x + 0.3, y, text, *args, **kw)  # type: ignore[arg-type]

    canvas.Canvas.drawString = twice  # type: ignore[method-assign]
    try:
        render(parts, layout, out)
    finally:
        canvas.Canvas.drawString = original  # type: ignore[method-assign]


def _no_unicode_map(out: Path) -> None:
    """A plan page whose dataset line is set in a CID font with no ToUnicode map, so text
    extraction gives (cid:N) for it. Written by hand: PDF producers always add the map."""
    content = (
        b"BT /F1 12 Tf 72 780 Td (Office of the Government Chief Information Officer (OGCIO)) Tj "
        b"0 -20 Td (Annual Open Data Plan 2018) Tj "
        b"0 -20 Td (A. Departmental datasets to be released in 2019) Tj ET "
        b"BT /F2 12 Tf 72 700 Td <000100020003000400050006000700080009> Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /DW 1000 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    out.write_bytes(bytes(pdf))


def make_bad_pdfs(parts: list[Part], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    small = [p for p in parts if p.heading is not None or p.letter == "A"][:8]
    layout = Layout(A4, (30, 170, 70, 70, 170), {})
    render(small, layout, folder / "encrypted.pdf", encrypt="secret")
    good = io.BytesIO()
    render(small, layout, good)
    (folder / "truncated.pdf").write_bytes(good.getvalue()[: len(good.getvalue()) * 2 // 3])
    (folder / "empty.pdf").write_bytes(b"")
    letter = canvas.Canvas(str(folder / "not-a-plan.pdf"), pagesize=A4, invariant=True)
    letter.setFont(FONT, 12)
    for n, line in enumerate(
        (
            "致：各政策局及部門資訊科技經理",
            "",
            "會議通知",
            "本年度資訊科技管理會議將於十月舉行，請準時出席。",
            "",
            "資科辦秘書處",
        )
    ):
        letter.drawString(72, 760 - n * 20, line)
    letter.save()
    wrong = Layout(
        A4, (30, 170, 70, 70, 170), {}, headers=("", "工程項目", "合約金額", "承辦商", "負責人員")
    )
    render(small, wrong, folder / "wrong-columns.pdf")
    _no_unicode_map(folder / "no-unicode-map.pdf")
    _fake_bold(small, layout, folder.parent / "pdf-fake-bold" / "input" / "fake-bold.zh-hant.pdf")
    word = folder.parent / "seed-pdf-word" / "input" / NAME
    _scanned(word, folder / "scanned.pdf")
    print(f"{folder}: {sorted(p.name for p in folder.glob('*.pdf'))}")
