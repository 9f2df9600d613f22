"""Readers: a file → :class:`~plan_extract.model.Document` (blocks with provenance).

The kind of a file is recognised from its bytes, not its name: ``%PDF-`` is a PDF whatever the
suffix, and a Word file renamed ``.txt`` is reported as such instead of read as garbage.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import DocumentError, UsageError
from ..model import Document, SourceFile
from ..settings import READERS
from .decode import decode_text
from .guard import oversized_stream
from .text import text_blocks

_SIGNATURES = (
    (b"PK\x03\x04", "this is a Word (.docx) or other zip file, not a PDF or text export"),
    (b"\xd0\xcf\x11\xe0", "this is a legacy Word (.doc) or Excel file, not a PDF or text export"),
    (b"\x89PNG", "this is a PNG image, not a plan document"),
    (b"\xff\xd8\xff", "this is a JPEG image, not a plan document"),
    (b"{\\rtf", "this is an RTF file, not a PDF or text export"),
)


def sniff_kind(data: bytes) -> str:
    """``pdf`` or ``text``; DocumentError for empty files and known non-plan formats."""
    if not data:
        raise DocumentError("file_empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for signature, description in _SIGNATURES:
        if data.startswith(signature):
            raise DocumentError("unsupported_format", description)
    return "text"


def read_document(path: Path, reader: str = "pdfium") -> Document:
    """Read one plan file; raises DocumentError when nothing at all can be read from it.

    ``reader`` chooses the PDF reader: ``pdfium`` (fast, the default) or ``pdfplumber`` (the
    reference); both give the same blocks. Text files ignore it."""
    if reader not in READERS:
        raise UsageError(f"unknown PDF reader {reader!r}; choose one of {', '.join(READERS)}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError("file_unreadable", error.strerror or type(error).__name__) from error
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff_kind(data)
    if kind == "pdf":
        bomb = oversized_stream(data)
        if bomb is not None:
            raise DocumentError("pdf_too_complex", bomb)
    if kind == "pdf" and reader == "pdfium":
        from . import pdfium  # imported here: text-only runs never load a PDF library

        return pdfium.read_pdf(path, data, digest)
    if kind == "pdf":
        from . import pdf

        return pdf.read_pdf(path, data, digest)
    text, encoding = decode_text(data)
    del data  # the text is all that is needed now; held both, a large plan's peak is higher
    if not text or text.isspace():  # not text.strip(): that copies the whole text
        raise DocumentError("file_empty")
    source = SourceFile(path=str(path), sha256=digest, kind="text", encoding=encoding)
    return Document(source=source, blocks=text_blocks(text))
