"""Hostile and damaged inputs, made by code (no binary blobs): PDFs with reference cycles,
compression bombs, deep nesting and huge pages, truncated text plans, huge lines.

Each PDF is written with a correct cross-reference table, so the reader gets past the file
structure and meets the hostile object itself.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

from pdf_builders import minimal_pdf

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects: Sequence[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a cross-reference table that is right."""
    return minimal_pdf(
        tuple(objects),
        root=root,
        trailer_extra=trailer_extra,
        header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    )


def _stream(data: bytes, filters: bytes = b"") -> bytes:
    head = b"<< /Length %d %s>>\nstream\n" % (len(data), filters)
    return head + data + b"\nendstream"


def _page_pdf(page: bytes, content: bytes, extra: Sequence[bytes] = ()) -> bytes:
    """Catalog (1), Pages (2), the page (3), its content (4), then ``extra`` objects (5…)."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            content,
            *extra,
        ]
    )


_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents 4 0 R >>"
_RESOURCES = b"<< /Font << /F1 5 0 R >> >>"
_TEXT = _stream(b"BT /F1 12 Tf 72 720 Td (A. Datasets) Tj ET")


def reference_cycle(where: str) -> bytes:
    """A small PDF whose ``where`` (MediaBox, Resources, Contents, Kids) is a reference cycle:
    object 6 refers to 7 and 7 back to 6 (about 600 bytes)."""
    cycle = [b"7 0 R", b"6 0 R"]
    if where == "MediaBox":
        page = _PAGE % (b"6 0 R", _RESOURCES)
        return _page_pdf(page, _TEXT, [_FONT, *cycle])
    if where == "Resources":
        page = _PAGE % (b"[0 0 595 842]", b"6 0 R")
        return _page_pdf(page, _TEXT, [_FONT, *cycle])
    if where == "Contents":
        page = (_PAGE % (b"[0 0 595 842]", _RESOURCES)).replace(b"4 0 R", b"6 0 R")
        return _page_pdf(page, _TEXT, [_FONT, *cycle])
    if where == "Kids":
        return pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",  # the page tree contains itself
            ]
        )
    raise ValueError(where)


CYCLES = ("MediaBox", "Resources", "Contents", "Kids")


def flate_bomb(inflated: int) -> bytes:
    """A page whose content stream is compressed twice and inflates to ``inflated`` bytes of
    text-drawing operators (a few KB on disk)."""
    unit = b"BT /F1 1 Tf (x) Tj ET\n"
    chunk = unit * (2**20 // len(unit))
    compressor = zlib.compressobj(9)
    once = b"".join(compressor.compress(chunk) for _ in range(max(1, inflated // len(chunk))))
    once += compressor.flush()
    twice = zlib.compress(once, 9)
    content = _stream(twice, b"/Filter [/FlateDecode /FlateDecode] ")
    page = _PAGE % (b"[0 0 595 842]", _RESOURCES)
    return _page_pdf(page, content, [_FONT])


def deep_nesting(depth: int) -> bytes:
    """A page whose content stream opens ``depth`` arrays inside each other."""
    content = _stream(b"[" * depth + b"]" * depth + b" Tj")
    page = _PAGE % (b"[0 0 595 842]", _RESOURCES)
    deep_dict = b"<< /A " * depth + b"1" + b" >>" * depth  # and a dictionary as deep
    return _page_pdf(page, content, [_FONT, deep_dict])


def huge_page(glyphs: int, size: float = 14400) -> bytes:
    """One page of ``size`` points square (the PDF maximum) holding ``glyphs`` characters."""
    per_line = 1000
    lines = []
    for n in range(max(1, glyphs // per_line)):
        lines.append(b"1 0 0 1 10 %d Tm (%s) Tj" % (10 + (n % 1400) * 10, b"x" * per_line))
    content = _stream(
        zlib.compress(b"BT /F1 8 Tf " + b"\n".join(lines) + b" ET"), b"/Filter /FlateDecode "
    )
    page = _PAGE % (b"[0 0 %g %g]" % (size, size), _RESOURCES)
    return _page_pdf(page, content, [_FONT])


def row_truncations(text: str) -> Iterator[tuple[int, str]]:
    """``text`` cut after each of its table rows (lines with a tab), except the last."""
    lines = text.splitlines(keepends=True)
    rows = [n for n, line in enumerate(lines) if "\t" in line]
    for n in rows[:-1]:
        yield n + 1, "".join(lines[: n + 1])


def huge_line(size: int, separator: str = "  ", cell: str = "數據集名稱 Dataset") -> str:
    """One line of about ``size`` characters of cells, separated by ``separator``."""
    count = size // (len(cell) + len(separator))
    return separator.join(f"{cell}{n}" for n in range(count)) + "\n"
