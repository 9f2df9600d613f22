"""The remarks cell → description, formats and note; the category/name cell → category and name.

Remarks read like 「香港地址記錄(JSON及XML)」 or 「…日期(CSV)  註：由…的項目。」: a description, a
parenthesised format annotation, and a footnote after 註：/注：/Note:. Parentheses that are not a list
of formats (「由(1)運輸署和(2)起動九龍東辦事處…」) are part of the description.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

import regex

from ..vocab import load_table
from .memo import text_cache

# 註： after Chinese text is a label too (a wrapped cell's next line joins without a space), but
# not the end of a word that ends in 註/注 (標註, 批註, 關注, 投注…).
_NOTE_LABEL = regex.compile(
    r"(?:(?<![標批評箋關專投賭灌貫])(?:備註|附註|註|注)\s*\d*\s*[:：]|\bnotes?\s*\d*\s*[:：])",
    regex.IGNORECASE,
)
_GLUED_NOTE_LABEL = regex.compile(
    r"(?:備註|附註|註|注)\s*\d*\s*[:：]|\bnotes?\s*\d*\s*[:：]", regex.IGNORECASE
)
_PARENS = regex.compile(r"\s*[(（](?P<inner>[^()（）]*)[)）]")
_FORMAT_SPLIT = regex.compile(
    r"\s*(?:及|和|與|以及|或|、|，|,|/|／|&|＆|\band\b|\bor\b|\s)\s*", regex.I
)
_FORMAT_LIKE = regex.compile(r"[\p{Latin}\d.\-]+")  # a token that could name a format
_CATEGORY_SPLIT = regex.compile(r"\s*／\s*|\s+/\s*|\s*/\s+")


@dataclass(frozen=True)
class Remarks:
    description: str | None
    formats: list[str]
    note: str | None
    unknown_format_annotations: list[str] = field(default_factory=list)


@cache
def _formats() -> dict[str, str]:
    return {_format_key(row["alias"]): row["canonical"] for row in load_table("formats")}


def _format_key(token: str) -> str:
    return unicodedata.normalize("NFKC", token).strip().casefold()


@text_cache(maxsize=8192)
def split_note(text: str, *, glued: bool = False) -> tuple[str, str | None]:
    """Remarks without the footnote, and the footnote without its label (None if there is none).

    ``glued`` also finds a label right after Chinese text (「每月註：…」, a wrapped cell joined without
    a space): right for short cells such as a frequency or a date, where no word ends in 註.
    Cached: each row asks it of every cell, and dates and frequencies repeat."""
    m = (_GLUED_NOTE_LABEL if glued else _NOTE_LABEL).search(text)
    if not m:
        return text, None
    note = text[m.end() :].strip()
    return text[: m.start()].rstrip(), note or None


def note_start(text: str) -> int | None:
    """Where a 註：/Note: label starts in a short cell (a frequency, a date, a name), if anywhere."""
    m = _GLUED_NOTE_LABEL.search(text)
    return m.start() if m else None


@text_cache(maxsize=4096)
def format_tokens(inner: str) -> tuple[str, ...] | None:
    """Canonical format names if every token of a parenthesised text is a format, else None.
    Cached: every annotation of every remarks cell is asked, and plans repeat 「(JSON)」."""
    tokens = [t for t in _FORMAT_SPLIT.split(inner) if t]
    if not tokens:
        return None
    names = [_formats().get(_format_key(t)) for t in tokens]
    if any(n is None for n in names):
        return None
    return tuple(n for n in names if n is not None)


_LIST_SPLIT = regex.compile(
    r"\s*(?:及|和|與|以及|或|、|，|,|;|；|/|／|&|＆|\band\b|\bor\b|\n)\s*", regex.I
)


def format_list(text: str) -> tuple[list[str], list[str]]:
    """A formats column ("CSV, JSON", 「XLSX及CSV」, "JSON / XML") → canonical names in order (no
    repeats), and the tokens not in the vocabulary (kept as printed, reported by the caller)."""
    names: list[str] = []
    unknown: list[str] = []
    tokens: list[str] = []
    for token in _LIST_SPLIT.split(text):
        token = token.strip(" .。()（）")
        words = token.split()
        if len(words) > 1:
            if all(_format_key(w) in _formats() for w in words):
                tokens.extend(words)  # "CSV JSON"
                continue
            if _format_key("".join(words)) in _formats():
                tokens.append("".join(words))  # a name a narrow column broke: "Z" / "IP"
                continue
        if token:
            tokens.append(token)
    for token in tokens:
        name = _formats().get(_format_key(token))
        if name is None:
            unknown.append(token)
            name = token
        if name not in names:
            names.append(name)
    return names, unknown


@text_cache(maxsize=4096)
def _looks_like_formats(inner: str) -> bool:
    """Some tokens are formats, the rest Latin words: an annotation naming a format we do not know."""
    tokens = [t for t in _FORMAT_SPLIT.split(inner) if t]
    known = [t for t in tokens if _format_key(t) in _formats()]
    return bool(known) and all(_FORMAT_LIKE.fullmatch(t) for t in tokens)


def parse_remarks(text: str) -> Remarks:
    """Split cleaned remarks into description, formats (in order, no repeats) and note."""
    description, formats, note, unknown = _parse_remarks(text)
    return Remarks(description, list(formats), note, list(unknown))


@text_cache(maxsize=4096)
def _parse_remarks(
    text: str,
) -> tuple[str | None, tuple[str, ...], str | None, tuple[str, ...]]:
    """:func:`parse_remarks` as a tuple, cached (remarks repeat: 「(JSON)」, 「不適用」)."""
    body, note = split_note(text)
    formats: list[str] = []
    unknown: list[str] = []

    def take(m: regex.Match[str]) -> str:
        names = format_tokens(m.group("inner"))
        if names is None:
            if _looks_like_formats(m.group("inner")):
                unknown.append(m.group().strip())
            return m.group()
        formats.extend(n for n in names if n not in formats)
        return ""

    description = _PARENS.sub(take, body).strip()
    return description or None, tuple(formats), note, tuple(unknown)


def awaits_name(text: str) -> bool:
    """Whether a category and name cell's text so far is a category and its separator, the name
    still to come on the cell's next line (「社會福利／」, "Employment and Labour /").

    >>> awaits_name("社會福利／"), awaits_name("Employment and Labour /"), awaits_name("社會福利")
    (True, True, False)
    """
    parts = _CATEGORY_SPLIT.split(text + " ", maxsplit=1)
    return len(parts) == 2 and bool(parts[0]) and not parts[1].strip()


def split_category(text: str) -> tuple[str | None, str]:
    """Category and dataset name from 「資訊科技／開放數據的數據集名單」 or "Housing / Address Lookup Service".

    Split on the first separator only: names contain 「／」 and "/" themselves
    (「無障礙網頁／流動應用程式服務商名單」, "Web / Mobile App Accessibility Services Providers List").
    """
    parts = _CATEGORY_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return None, text
