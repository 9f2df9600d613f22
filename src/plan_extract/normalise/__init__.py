"""Normalisers: small pure functions from published text to clean values. They know nothing of
files or PDFs; :mod:`plan_extract.normalise.rows` applies them to a structured plan."""
