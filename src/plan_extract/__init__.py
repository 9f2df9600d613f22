"""plan_extract: Hong Kong Annual Open Data Plans (PDF or text) → normalised, documented tables."""

__version__ = "0.1.0"
