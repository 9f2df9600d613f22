"""Named errors. Readers raise these; the pipeline turns them into problem records."""

from __future__ import annotations


class PlanExtractError(Exception):
    """Base class of every error plan_extract raises on purpose."""


class DocumentError(PlanExtractError):
    """A document cannot be read at all; carries the problem code that describes why."""

    def __init__(self, code: str, detail: str = "", page: int | None = None) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
        self.page = page


class VocabularyError(PlanExtractError):
    """A packaged vocabulary file is malformed (a bug in plan_extract, not in the input)."""


class UsageError(PlanExtractError):
    """The command line asks for something that cannot be done."""
