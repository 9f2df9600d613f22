"""Small PDFs written byte by byte for the reader tests: hostile and odd cases that no layout
program makes (reference loops, compression bombs, broken cross-reference tables)."""

from __future__ import annotations

import zlib


def minimal_pdf(
    objects: list[bytes] | tuple[bytes, ...],
    xref: bool = True,
    *,
    root: int = 1,
    trailer_extra: bytes = b"",
    header: bytes = b"%PDF-1.4\n",
) -> bytes:
    """A PDF of the given objects (numbered from 1; ``root`` is the catalog) with a right
    cross-reference table; ``xref=False`` points startxref into the middle of the file, as a
    damaged download might. The one PDF writer of the tests (tests/hostile.py builds on it)."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % (start if xref else start // 2)
    return bytes(out)


def flate_stream(content: bytes) -> bytes:
    """A Flate-compressed stream object's body."""
    data = zlib.compress(content)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def page_pdf(content: bytes, xref: bool = True) -> bytes:
    """A one-page PDF drawing ``content``, with Helvetica as /F1."""
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            flate_stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        xref,
    )
