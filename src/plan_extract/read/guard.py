"""Cheap checks of a PDF's raw bytes before a PDF library parses it.

Both libraries trust the file: PDFium inflates a page's whole content stream and builds every
object in it before we can count anything (a 4 KB "Flate bomb" takes gigabytes), and pdfminer
follows a loop of references forever. These checks look at the bytes with regular expressions and
bounded decompression only, so they cost milliseconds on a real plan. Objects inside compressed
object streams are not seen; the runner's time and memory limits are the backstop.
"""

from __future__ import annotations

import zlib

import regex

MAX_CONTENT_BYTES = 8 << 20  # a page's content stream inflated: a Word plan page is ~50 KB
MAX_OTHER_BYTES = 64 << 20  # fonts, object streams: a whole CJK font program is ~20 MB
_STREAM = regex.compile(rb">>\s*stream\r?\n")
_OBJ = regex.compile(rb"\d+\s+\d+\s+obj\b")
_SKIPPED = (b"/Image", b"/EmbeddedFile", b"/Metadata")  # never inflated just to read text
_NOT_CONTENT = (
    *(b"/Length1", b"/Length2", b"/Length3", b"/Type1C", b"/CIDFontType0C", b"/OpenType"),
    *(b"/ObjStm", b"/XRef"),
)
# Deflate's bound: a symbol takes at least one bit and a match gives at most 258 bytes, so
# 8 bits give at most 1032 bytes (zlib's technical notes). A stream that small cannot inflate
# past its limit: it is not inflated at all (a page's content stream, a few KB, nearly never is).
MAX_INFLATION = 1032
_BARE_REFERENCE = regex.compile(rb"(?<![0-9])(\d+)\s+\d+\s+obj\s*(\d+)\s+\d+\s+R\s*endobj")


def _inflates_beyond(raw: bytes, layers: int, limit: int) -> bool:
    """Whether ``layers`` rounds of Flate decoding give more than ``limit`` bytes, never holding
    more than ``limit`` bytes at a time. A stream that does not decode is not our business."""
    data = raw
    for _ in range(layers):
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(data, limit + 1)
        except zlib.error:
            return False
        if len(data) > limit:
            return True
    return False


def oversized_stream(data: bytes) -> str | None:
    """What is wrong if a stream inflates past its limit (the detail of a pdf_too_complex
    problem), else None."""
    for match in _STREAM.finditer(data):
        opening = max(data.rfind(b"obj", max(0, match.start() - 4096), match.start()), 0)
        dictionary = data[opening : match.start()]
        layers = dictionary.count(b"/FlateDecode")
        if not layers or any(key in dictionary for key in _SKIPPED):
            continue
        content = not any(key in dictionary for key in _NOT_CONTENT)
        limit = MAX_CONTENT_BYTES if content else MAX_OTHER_BYTES
        end = data.find(b"endstream", match.end())
        end = end if end >= 0 else len(data)
        if (end - match.end()) * MAX_INFLATION**layers <= limit:
            continue
        if _inflates_beyond(data[match.end() : end], layers, limit):
            number = _OBJ.search(data, opening - 32 if opening > 32 else 0, match.start())
            name = number.group().decode("ascii", "replace") if number else "a stream"
            kind = "a content stream" if content else "a stream"
            return f"{kind} ({name}) inflates to more than {limit >> 20} MiB (a compression bomb?)"
    return None


def reference_loop(data: bytes) -> int | None:
    """An object that is only a reference to a reference … back to itself (``6 0 R`` →
    ``7 0 R`` → ``6 0 R``): pdfminer's ``resolve1`` follows such a chain forever wherever the
    file uses it (MediaBox, Kids, Resources, Contents, Font, Info), already inside
    ``pdfplumber.open``. PDFium detects such loops itself."""
    target = {int(m[1]): int(m[2]) for m in _BARE_REFERENCE.finditer(data)}
    for start in target:
        seen = {start}
        number = target[start]
        while number in target:
            if number in seen:
                return start
            seen.add(number)
            number = target[number]
    return None
