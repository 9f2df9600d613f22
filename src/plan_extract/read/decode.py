"""Bytes of a text plan → str. Hong Kong files come as UTF-8 (with or without BOM), UTF-16 and
Big5-HKSCS; Simplified ones sometimes as GB18030."""

from __future__ import annotations

import codecs

from ..errors import DocumentError

# Words every plan contains, in both scripts: used to choose between legacy encodings that both
# decode the bytes without error (GB18030 accepts most Big5 byte strings, as mojibake).
_PLAN_WORDS = ("數據", "数据", "計劃", "计划", "發放", "发放", "更新", "年", "月", "的")


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was in; DocumentError if none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    if data.count(b"\x00") * 4 > len(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    candidates = []
    for encoding in ("big5hkscs", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((sum(text.count(w) for w in _PLAN_WORDS), encoding, text))
    if not candidates:
        raise DocumentError("undecodable_text", f"first bad byte at offset {utf8_error.start}")
    _, encoding, text = max(candidates)
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            "undecodable_text", f"bad {encoding} at offset {error.start}"
        ) from error
