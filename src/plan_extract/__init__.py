"""plan_extract: Hong Kong Annual Open Data Plans (PDF or text) → normalised, documented tables.

For notebooks: ``plan_extract.extract(paths)`` gives the extraction's tables as DataFrames and
``plan_extract.track(tables, snapshots)`` matches them against DATA.GOV.HK catalogue snapshots.
"""

__version__ = "0.1.0"

# Imported last and on purpose: binding the function ``track`` here replaces the attribute that
# importing the subpackage ``plan_extract.track`` set; the subpackage stays importable by its name.
from .api import Tables, Tracking, extract, track

__all__ = ["Tables", "Tracking", "__version__", "extract", "track"]
