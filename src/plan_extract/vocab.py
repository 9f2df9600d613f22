"""Vocabularies are data files in ``plan_extract/vocab``; this module only loads them.

Each file is a TSV with ``#`` comment lines and a header line. Adding a department's wording is a
one-line change in the data file, never a code change.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache
from importlib import resources

from .errors import VocabularyError


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``vocab/<name>.tsv`` as dicts keyed by the header line."""
    text = (
        resources.files("plan_extract").joinpath("vocab").joinpath(f"{name}.tsv").read_text("utf-8")
    )
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise VocabularyError(f"vocab/{name}.tsv has no header line")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise VocabularyError(
                f"vocab/{name}.tsv data line {number}: {len(cells)} cells, header has {len(header)}"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)


def column(name: str, key: str) -> tuple[str, ...]:
    """One column of a vocabulary, in file order."""
    return tuple(row[key] for row in load_table(name))


def first_with_prefix(keys: Sequence[str], prefix: str) -> str | None:
    """The first of sorted vocabulary ``keys`` that starts with ``prefix`` (a bisection), or None:
    whether a cell's text so far is the start of a label or phrase a wrap cut."""
    index = bisect.bisect_left(keys, prefix)
    return keys[index] if index < len(keys) and keys[index].startswith(prefix) else None
