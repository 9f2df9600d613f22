"""What a run tells the user on stderr while it goes: problems, and progress.

A progress bar (tqdm) when stderr is a terminal and the run is more than a few documents; one
line per document otherwise (logs, pipes, CI); with ``quiet`` nothing but errors. Input text echoed
in a message is cut, so a 5 MB line in a damaged plan cannot flood the terminal.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (see __init__.py)
if TYPE_CHECKING:  # tqdm is imported when a bar is shown: a run with nothing to do does without
    from types import TracebackType
    from typing import Any, TextIO

    from tqdm import tqdm

    from .model import Problem
    from .pipeline import DocumentResult

MAX_MESSAGE = 240  # characters of a message printed (the problems table keeps it whole)
BAR_FROM = 10  # documents: fewer finish too soon for a bar to help


def clip(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` cut to ``limit`` characters, with the cut marked."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem_line(problem: Problem) -> str:
    where = f" (page {problem.page})" if problem.page else ""
    where += f" (line {problem.line})" if problem.line else ""
    return f"{problem.severity}: {clip(problem.message)}{where}"


class Progress:
    """Reports each document as it is handed on; a context manager that closes the bar."""

    def __init__(self, total: int, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.bar: tqdm[Any] | None = None
        if not quiet and total >= BAR_FROM and self.stream.isatty():
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: the runner forks only from one thread
            self.bar = tqdm(total=total, file=self.stream, unit="doc")

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream)

    def problem(self, problem: Problem) -> None:
        if problem.severity == "error" or not self.quiet:
            self._print(problem_line(problem))

    def document(self, document: DocumentResult) -> None:
        for problem in document.problems:
            self.problem(problem)
        if self.bar is not None:
            self.bar.update(1)
        elif not self.quiet:
            plan = document.plan
            self._print(
                f"{plan.source_file}: {plan.rows_total} datasets, {plan.errors} errors, "
                f"{plan.warnings} warnings"
            )

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.close()
