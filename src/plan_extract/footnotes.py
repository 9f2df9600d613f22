"""Footnote markers in cells and the footnotes printed under tables.

Plans mark a dataset name, date or frequency with *, #, ^, †, a superscript digit, 「註1」, or a
digit glued to the end of a Chinese name (「流感速遞數據1」), and print the footnote below the table
or at the page foot. The marker is not part of the value: it is removed, and the footnote's text
becomes the row's note. A plain glued digit is a marker only when a footnote with that number exists
(names end in digits too: "PM2.5", "Route 1").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .model import RawRow
from .normalise.memo import text_cache
from .normalise.remarks import note_start
from .problems import ProblemLog

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SYMBOL = r"\*+|#+|\^+|[†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
_NUMBERED = r"[(（\[]?(?:註|注|备注|備註|note)\s*(?P<n>\d{1,2})[)）\]]?"
_TRAILING = regex.compile(rf"\s*(?:(?P<s>{_SYMBOL})|{_NUMBERED})\s*$", regex.IGNORECASE)
# A digit glued to a name, or after one space in Chinese (text exports space a superscript off).
_GLUED_DIGITS = regex.compile(r"(?:(?<=[\p{Latin}])|(?<=[\p{Han}」）)]\s?))(?P<n>\d{1,2})\s*$")
_FOOTNOTE_LINES = (
    regex.compile(rf"^(?P<s>{_SYMBOL})\s*[:：.．]?\s*(?P<text>\S.*)$"),
    regex.compile(rf"^{_NUMBERED}\s*[:：.．]?\s*(?P<text>\S.*)$", regex.IGNORECASE),
    regex.compile(r"^(?P<n>\d{1,2})\s*(?:[:：]\s*|\s+)(?P<text>[^\d\s].*)$"),
)


@dataclass(frozen=True)
class Footnote:
    """A footnote line: its marker key (``*``, ``#``, ``1``…), its text, its block position."""

    key: str
    text: str
    position: int


def _key(m: regex.Match[str]) -> str:
    symbol = m.groupdict().get("s")
    return symbol.translate(_SUPERSCRIPTS) if symbol else m.group("n")


@text_cache(maxsize=8192)
def strip_markers(text: str, numbered: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """``text`` without its trailing markers, and the markers' keys in printed order.

    ``numbered`` holds the footnote numbers that exist: only those turn a digit glued to the end of
    a name into a marker. Cached: every value cell of every row is asked, and values repeat.
    """
    keys: list[str] = []
    while True:
        m = _TRAILING.search(text)
        if m is None or m.start() == 0:
            glued = _GLUED_DIGITS.search(text)
            if glued is None or glued.group("n") not in numbered or glued.start() == 0:
                break
            m = glued
        keys.insert(0, _key(m))
        text = text[: m.start()].rstrip()
    return text, tuple(keys)


def footnote_line(text: str, position: int) -> Footnote | None:
    """A footnote printed as a line ("* Provided by …", 「註1：…」, "¹ …"), else ``None``."""
    for pattern in _FOOTNOTE_LINES:
        m = pattern.match(text.strip())
        if m:
            return Footnote(_key(m), m.group("text").strip(), position)
    return None


_PRINTED_MARKER = regex.compile(
    rf"^(?:{_SYMBOL}|{_NUMBERED})(?=\s*[:：.．]?\s*\S)", regex.IGNORECASE
)


def printed_marker(text: str) -> str | None:
    """The marker a footnote line starts with, as printed ("¹", "*", 「註1」), where it is a
    symbol or a numbered note; ``None`` for any other line, one starting with a plain number
    too (a page number before a running title reads like a footnote "2 …")."""
    m = _PRINTED_MARKER.match(text.strip())
    return m.group() if m else None


def find_footnote(footnotes: list[Footnote], key: str, position: int) -> Footnote | None:
    """The footnote a marker at ``position`` refers to: the first one after it with the key (under
    its table or at its page foot), else the last one before it (a row continued on a later page)."""
    after = [f for f in footnotes if f.key == key and f.position > position]
    if after:
        return after[0]
    before = [f for f in footnotes if f.key == key and f.position < position]
    return before[-1] if before else None


_LATIN_END = regex.compile(r"[\p{Latin}\d]$")
_LONE_MARKER = regex.compile(
    rf"^\s*(?:{_NUMBERED}|[(（\[]?\d{{1,2}}[)）\]]?|{_SYMBOL})\s*$", regex.IGNORECASE
)


def is_lone_marker(text: str) -> bool:
    """Whether a piece of text is nothing but a footnote marker ("*", "¹", 「註1」)."""
    return bool(_LONE_MARKER.match(text))


def _strip_last_markers(
    pieces: list[str], numbered: frozenset[str]
) -> tuple[list[str], tuple[str, ...]]:
    """The cell without the markers that end its last line. A narrow column may wrap a marker (or
    its number) onto a line of its own (「2021年第1季度註」 / 「1」, 「流感速遞數據」 / 「1」,
    「食水水質」 / 「註1」, "Registered Gas Installers" / "¹"): the last two
    lines are then read as one line would be (a space after a Latin word: "Route" / "1" is
    "Route 1", never a marker), and kept apart when that finds no marker."""
    if len(pieces) >= 2 and _LONE_MARKER.match(pieces[-1]):
        before = pieces[-2].rstrip()
        space = " " if _LATIN_END.search(before) else ""
        last, found = strip_markers(before + space + pieces[-1].strip(), numbered)
        if found:
            return [*pieces[:-2], last], found
    last, found = strip_markers(pieces[-1], numbered)
    return [*pieces[:-1], last], found


def _strip_value_markers(
    pieces: list[str], numbered: frozenset[str]
) -> tuple[list[str], tuple[str, ...]]:
    """Markers at the end of a short cell, or just before a note written in it
    (「每6個月† 註：視乎…」): the value loses them, the note stays."""
    joined = " ".join(pieces)
    start = note_start(joined)
    if start is None:
        return _strip_last_markers(pieces, numbered)
    body, found = strip_markers(joined[:start].rstrip(), numbered)
    return [f"{body} {joined[start:]}".strip()], found


def apply_footnotes(rows: list[RawRow], footnotes: list[Footnote], log: ProblemLog) -> None:
    """Remove footnote markers from the rows' cells and give each row its footnotes as notes."""
    numbered = frozenset(f.key for f in footnotes if f.key.isdigit())
    for row in rows:
        keys: list[str] = []
        for role, pieces in row.cells.items():
            if role == "item_no" or not pieces:
                continue
            if role in ("remarks", "description"):
                # Prose may end in "*" or a digit: only a marker with a footnote counts there.
                stripped, found = _strip_last_markers(pieces, numbered)
                if not found or not all(find_footnote(footnotes, k, row.block) for k in found):
                    continue
            else:
                # A digit glued to a name may be a marker; in a date or frequency ("2021 Q1",
                # "每6個月") it is the value.
                glued = (
                    numbered
                    if role in ("dataset_name", "category_name", "category")
                    else frozenset()
                )
                pieces[:], found = _strip_value_markers(pieces, glued)
                keys += [k for k in found if k not in keys]
                continue
            pieces[:] = stripped
            keys += [k for k in found if k not in keys]
        if row.category:
            row.category, found = strip_markers(row.category, numbered)
            keys += [k for k in found if k not in keys]
        for key in keys:
            footnote = find_footnote(footnotes, key, row.block)
            if footnote is None:
                log.add("footnote_missing", repr(key), row.where, key)
            elif footnote.text not in row.notes:
                row.notes.append(footnote.text)
