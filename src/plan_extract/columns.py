"""Table header labels → column roles (vocab/header_labels.tsv).

Departments print the same column under many labels, in any order and subset, wrapped over two
lines or printed Chinese over English in one cell ("數據集名稱 Dataset Name"). A label is compared
in its matching form (:func:`.normalise.text.match_key`) with spaces, slashes and footnote markers
removed; a bilingual label matches when each script's part is a label of the same role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .footnotes import strip_markers
from .normalise.memo import SHORT_TEXT, text_cache
from .normalise.numerals import parse_item_no
from .normalise.text import match_key
from .vocab import first_with_prefix, load_table

ROLES = (
    "item_no",
    "category",
    "dataset_name",
    "category_name",
    "description",
    "formats",
    "release_date",
    "update_frequency",
    "remarks",
)
OTHER = "other"  # a column whose label is not in the vocabulary: its text is kept, labelled
NAME_ROLES = frozenset({"dataset_name", "category_name"})
_VALUE = regex.compile(
    r"\d{4}|^\s*[(（]?\d{1,3}[.)）]?\s*$|[(（][A-Z]{3,5}[)）]"
)  # a year, an item, (CSV)
MAX_COLUMNS = 40  # more cells than any plan table has columns
MAX_LABEL = 40  # characters: a longer cell is a value, not a column label
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_HAN_THEN_LATIN = regex.compile(r"^(?P<han>.*\p{Han}[^\p{Latin}]*?)\s*(?P<latin>\p{Latin}.*)$")


_LABEL_NOISE = regex.compile(r"[\s/／:：]+")


def _label_key(text: str) -> str:
    return _LABEL_NOISE.sub("", match_key(strip_markers(text)[0]))


def _latin_after_han(text: str) -> bool:
    """Whether a Latin letter follows a Han character: a Chinese-over-English label. Asked first
    because the label pattern backtracks on a long Chinese value with no English in it."""
    han = _HAN.search(text)
    return han is not None and _LATIN.search(text, han.end()) is not None


@cache
def _labels() -> dict[str, str]:
    return {_label_key(row["label"]): row["role"] for row in load_table("header_labels")}


@text_cache(maxsize=8192)
def role_of(label: str) -> str | None:
    """The role a header cell introduces, or ``None`` for a label not in the vocabulary."""
    return _exact_role(label) or _role_around_a_label(label)


@text_cache(maxsize=8192)
def _exact_role(label: str) -> str | None:
    """The role of a label of the vocabulary (in one language, or the same in both)."""
    if not label.strip():
        return None
    role = _labels().get(_label_key(label))
    if role is not None:
        return role
    m = _HAN_THEN_LATIN.match(label.strip()) if _latin_after_han(label) else None
    if m:
        han, latin = _labels().get(_label_key(m["han"])), _labels().get(_label_key(m["latin"]))
        if han is not None and han == latin:
            return han
    return None


@cache
def _first_words() -> frozenset[str]:
    """The first word of every label of the vocabulary, case-folded."""
    return frozenset(row["label"].split()[0].casefold() for row in load_table("header_labels"))


def _role_around_a_label(label: str) -> str | None:
    """The role of a known label that has the next column's known label run into its first line
    ("Target Release Remarks" / "Date": ``pdftotext -layout`` leaves one space between the two
    labels where the remarks column is empty on the page, so the rows give it no position of
    its own): the label around the other, whose column the rows leave empty."""
    words = label.split()
    if not 3 <= len(words) <= 2 * MAX_LABEL_WORDS or len(label) > MAX_LABEL:
        return None
    if words[0].casefold() not in _first_words():
        return None  # most cells: values, whose first word begins no label (one look-up)
    labels = _labels()
    for start in range(1, len(words)):
        for end in range(start + 1, min(len(words), start + MAX_LABEL_WORDS) + 1):
            inner = labels.get(_label_key(" ".join(words[start:end])))
            if inner is None:
                continue
            role = labels.get(_label_key(" ".join(words[:start] + words[end:])))
            if role is not None and role != inner:  # not one label in two languages
                return role
    return None


@cache
def _label_keys() -> tuple[str, ...]:
    return tuple(sorted(_labels()))


MIN_LABEL_START = 4  # characters of a label's key, at least, to be taken for its start


def _starts_a_label(key: str) -> bool:
    return len(key) >= MIN_LABEL_START and first_with_prefix(_label_keys(), key) is not None


@text_cache(maxsize=8192)
def starts_a_label(label: str) -> bool:
    """Whether a header cell is the beginning of a known label, wrapped over more lines than
    it has so far ("Target Release" of "Target Release" / "Date"; with its Chinese label known,
    「目標發放日期 Target Release」)."""
    if not label.strip():
        return False
    if _starts_a_label(_label_key(label)):
        return True
    m = _HAN_THEN_LATIN.match(label.strip()) if _latin_after_han(label) else None
    if m is None:
        return False
    return role_of(m["han"]) is not None and _starts_a_label(_label_key(m["latin"]))


MAX_LABEL_WORDS = 6  # words of the longest header label ("Target Release Date of the Dataset")


def run_together_roles(text: str) -> tuple[str, ...] | None:
    """The roles of the labels a header printed as one line of text runs together ("Dataset Name
    Release Date Update Frequency": its labels too close to be told apart), each the longest
    known label from where the last ended; None unless the whole line is known labels."""
    words = text.split()
    if not words or len(words) > 8 * MAX_LABEL_WORDS:
        return None
    roles: list[str] = []
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + MAX_LABEL_WORDS), start, -1):
            role = _exact_role(" ".join(words[start:end]))
            if role is not None:
                roles.append(role)
                start = end
                break
        else:
            return None
    return tuple(roles)


def known_or_start(label: str) -> bool:
    """A known label, or the start of one wrapped over more lines still ("Target" / "Release" /
    "Date" in a narrow column)."""
    return role_of(label) is not None or starts_a_label(label)


def second_line_columns(labels: Sequence[str], roles_above: Sequence[str]) -> Columns | None:
    """A second-language header line whose labels go on on the next line: each label known or
    the start of one ("Target" / "Release Date", "Data" / "Category"), or under a column the
    first line does not know either (「負責組別」 / "Contact Unit"), two at least; its columns,
    all unknown (the lines together name them). Not a row's line: no item label first."""
    if len(roles_above) != len(labels) or (labels and parse_item_no(labels[0]) is not None):
        return None
    starts = 0
    for role, label in zip(roles_above, labels, strict=True):
        if not label:
            continue
        if known_or_start(label):
            starts += 1
        elif role != OTHER:
            return None
    return Columns((OTHER,) * len(labels), tuple(labels)) if starts >= 2 else None


def wrapped_header_columns(texts: Sequence[str]) -> Columns | None:
    """Columns of a header's first line whose labels go on on the next line: two labels or more
    known or the start of one ("Dataset Name", "Target" / "Release Date", "Update" /
    "Frequency"), one known at least, at most one unknown ("Contact Unit"); ``None`` otherwise.
    An empty first cell is the item column, as in :func:`header_columns`."""
    if len(texts) > MAX_COLUMNS or (texts and texts[0].strip() and _VALUE.search(texts[0])):
        return None
    labels = [t for t in texts if t.strip()]
    known = sum(1 for t in labels if role_of(t) is not None)
    good = sum(1 for t in labels if known_or_start(t))
    if not known or good < 2 or good < len(labels) - 1:
        return None
    roles = [role_of(t) or OTHER for t in texts]
    if roles and not texts[0].strip():
        roles[0] = "item_no"
    return Columns(tuple(roles), tuple(texts))


@cache
def _keywords() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """Each key word's role and pattern: a Latin word matches where a word starts ("date" in
    "Release Date", "Dated", not in "Update"), a Chinese one anywhere."""
    found = []
    for row in load_table("header_keywords"):
        word = match_key(row["keyword"])
        before = r"(?<![\p{L}\p{N}])" if _LATIN.match(word) else ""
        found.append((row["role"], regex.compile(before + regex.escape(word))))
    return tuple(found)


@text_cache(maxsize=8192)
def role_by_keyword(label: str) -> str | None:
    """A label not in the vocabulary, by the words in it ("Planned Date of Release", 「預計數據
    開放時間」); a category word and a name word around a slash make a combined column."""
    key = match_key(strip_markers(label)[0])
    if len(key) > MAX_LABEL:
        return None
    roles = [role for role, word in _keywords() if word.search(key)]
    if not roles:
        return None
    if "category" in roles and "dataset_name" in roles and regex.search(r"[/／]", key):
        return "category_name"
    return roles[0]


@dataclass(frozen=True)
class Columns:
    """The roles of a table's columns (``other`` for unknown labels) and the labels printed."""

    roles: tuple[str, ...]
    labels: tuple[str, ...]
    numbered_elsewhere: bool = False  # a repeat of a numbered header whose item column is empty

    @property
    def has_item_column(self) -> bool:
        return "item_no" in self.roles or self.numbered_elsewhere

    def repeats(self, earlier: Columns) -> Columns:
        """This header, known to repeat ``earlier`` when its labels are earlier's minus the item
        column (a text export drops a column that is empty on its page)."""
        if "item_no" in self.roles or not earlier.has_item_column:
            return self  # (an earlier repeat without its item label still has the column)
        named = [r for r in earlier.roles if r != "item_no"]
        if list(self.roles) == named:
            return Columns(self.roles, self.labels, numbered_elsewhere=True)
        return self

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    @property
    def unknown_labels(self) -> list[str]:
        return [label for role, label in zip(self.roles, self.labels, strict=True) if role == OTHER]


def header_columns(texts: Sequence[str]) -> Columns | None:
    """Columns of a header row, or ``None`` if the row is not a header.

    A header has two or more known labels. An empty first cell over item numbers is the item column;
    other empty or unknown labels are ``other`` columns (kept, reported).
    """
    if len(texts) > MAX_COLUMNS:
        return None  # no plan has this many columns: a line of debris, not a header
    row = tuple(texts)
    if max(map(len, row), default=0) > SHORT_TEXT:
        return _columns(row)  # not kept: see .normalise.memo
    return _cached_columns(row)


MIN_KEYWORD_ROLES = 4  # columns a header all of whose labels are in other words names, at least


def _in_other_words(known: int, roles: list[str | None], texts: Sequence[str]) -> bool:
    """Whether a row with fewer than two labels of the vocabulary is a header all the same: no
    value in it, and its labels' key words name three columns or more besides a known label, or,
    with none known ("S/N | Title | Timeline | Refresh Rate | File Type"), four different ones,
    a name column among them."""
    if any(_VALUE.search(t) for t in texts):
        return False
    found = [r for r in roles if r is not None]
    if known >= 1:
        return len(found) >= 3
    named = "dataset_name" in found or "category_name" in found
    return named and len(set(found)) >= MIN_KEYWORD_ROLES


def _columns(texts: tuple[str, ...]) -> Columns | None:
    exact = [role_of(t) for t in texts]
    if not any(exact) and (
        sum(bool(t.strip()) for t in texts) < MIN_KEYWORD_ROLES
        or any(_VALUE.search(t) for t in texts)
    ):
        return None  # most rows: values, not labels
    # Labels of the vocabulary recognise a header; its other labels may still name a known column
    # in other words ("Planned Date of Release"), which counts when the row holds no value.
    roles = [
        r or (role_by_keyword(t) if t.strip() else None) for r, t in zip(exact, texts, strict=True)
    ]
    known = sum(r is not None for r in exact)
    if known < 2 and not _in_other_words(known, roles, texts):
        return None
    if roles and roles[0] is None and not texts[0].strip():
        roles[0] = "item_no"
    return Columns(tuple(r or OTHER for r in roles), tuple(texts))


# Structure asks of every row two or three times whether it is a header, and a header repeats on
# every page; a row is a long key, so the cache is small.
_cached_columns = lru_cache(maxsize=64)(_columns)


def unknown_count(texts: list[str]) -> int:
    """Labels of a (possibly partial) header row that are not in the vocabulary."""
    return sum(1 for t in texts if t.strip() and role_of(t) is None)


DEFAULT = Columns(
    ("item_no", "category_name", "release_date", "update_frequency", "remarks"), ("",) * 5
)
