"""One id per organisation whatever the name it goes by (vocab/organisation_aliases.tsv).

Blocking in matching compares these ids: a plan's dataset is only ever compared with the catalogue
datasets of the same organisation, so a rename (OGCIO → Digital Policy Office) needs one line in the
aliases file, and an organisation nobody mapped still meets itself under its own name.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..departments import department_id
from ..normalise.text import name_key
from ..vocab import load_table


@cache
def _aliases() -> dict[str, str]:
    return {name_key(row["name"]): row["org_id"] for row in load_table("organisation_aliases")}


@lru_cache(maxsize=4096)
def organisation_id(name: str | None) -> str | None:
    """The organisation id of a name: a department id, an alias's id, or ``name:<name_key>``."""
    if not name or not name.strip():
        return None
    key = name_key(name)
    return department_id(name) or _aliases().get(key) or f"name:{key}"
