"""The problem catalogue (vocab/problems.tsv) and a collector that stages append problems to.

A stage never logs-and-continues with invented values: it records a :class:`~.model.Problem` with a
code from the catalogue, the file, the page or line, and the offending text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from .errors import VocabularyError
from .model import Problem, Severity, Where
from .vocab import load_table


@dataclass(frozen=True)
class ProblemType:
    code: str
    severity: Severity
    title: str
    message: str


@cache
def problem_types() -> dict[str, ProblemType]:
    """Every problem code, from vocab/problems.tsv."""
    types = {}
    for row in load_table("problems"):
        if row["severity"] not in ("error", "warning"):
            raise VocabularyError(f"problem {row['code']}: severity {row['severity']!r}")
        types[row["code"]] = ProblemType(
            row["code"], cast(Severity, row["severity"]), row["title"], row["message"]
        )
    return types


def make_problem(
    code: str,
    *,
    plan_id: str,
    source_file: str,
    detail: str = "",
    where: Where | None = None,
    text: str | None = None,
) -> Problem:
    """A problem record of catalogue type ``code``; its message names the file and what to do.

    Input text echoed in it is cut (a hostile 5 MB line is not copied into every message and row):
    to MAX_DETAIL characters in the message, MAX_TEXT in ``text``."""
    kind = problem_types()[code]
    where = where or Where()
    return Problem(
        plan_id=plan_id,
        source_file=source_file,
        severity=kind.severity,
        code=code,
        message=kind.message.format(file=source_file, detail=_cut(detail, MAX_DETAIL)),
        page=where.page,
        line=where.line,
        text=None if text is None else _cut(text, MAX_TEXT),
    )


MAX_DETAIL = 400  # characters of a detail (input text, file names) in a message
MAX_TEXT = 1000  # characters of the offending text kept in problems.text


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProblemLog:
    """Collects the problems of one document, stamping each with the document's id and file."""

    def __init__(self, plan_id: str, source_file: str) -> None:
        self.plan_id = plan_id
        self.source_file = source_file
        self.problems: list[Problem] = []

    def add(
        self, code: str, detail: str = "", where: Where | None = None, text: str | None = None
    ) -> None:
        self.problems.append(
            make_problem(
                code,
                plan_id=self.plan_id,
                source_file=self.source_file,
                detail=detail,
                where=where,
                text=text,
            )
        )
