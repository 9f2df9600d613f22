"""plan_extract: Hong Kong Annual Open Data Plans (PDF or text) → normalised, documented tables.

For notebooks: ``plan_extract.extract(paths)`` gives the extraction's tables as DataFrames and
``plan_extract.track(tables, snapshots)`` matches them against DATA.GOV.HK catalogue snapshots.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~6 ms of a re-run with
# nothing to do: see provenance.py); mypy treats this name the same way
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

__all__ = ["Tables", "Tracking", "__version__", "extract", "track"]


def __getattr__(name: str) -> Any:
    """The notebook API is loaded on first use: it needs pandas, which the command line and its
    worker processes do not (PEP 562)."""
    if name in ("Tables", "Tracking", "extract", "track"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'plan_extract' has no attribute {name!r}")
