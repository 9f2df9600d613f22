"""Which department a plan is from, in any of its languages (vocab/departments.tsv).

Chinese names are compared by :func:`~.normalise.text.name_key` (so Simplified and Hong Kong
variant characters match), English names and abbreviations without case, spaces or punctuation.
"""

from __future__ import annotations

from functools import cache, lru_cache

from .normalise.text import name_key
from .vocab import load_table


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in load_table("departments"):
        for name in (row["name_zh_hant"], row["abbr_zh"], row["name_en"], row["abbr_en"]):
            index.setdefault(name_key(name), row["id"])
    return index


@lru_cache(maxsize=1024)
def department_id(name: str | None, abbr: str | None = None) -> str | None:
    """The id of a department from its name as a plan writes it, or from its abbreviation."""
    for text in (name, abbr):
        if text:
            found = _index().get(name_key(text))
            if found:
                return found
    return None
