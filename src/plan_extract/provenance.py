"""What an output folder was made from (``OUT/provenance.json``), and whether it is still current.

A data tool should say where its tables came from. ``provenance.json`` lists every input as the
run found it (path, plan id, SHA-256, the copies it stood for, or why it was refused), the
extractor (version and the fingerprint of its code and vocabularies), the options that shape the
tables (the PDF reader, the file size limit) and the run's counts. It is written into the new
output folder with the tables, so it is swapped in with them, whole.

It also lets a re-run over an unchanged corpus answer at once, as ``make`` does: when the inputs
found now, the extractor and those options are what the record says, and every table it lists is
still in OUT, the output is current and nothing is read, extracted or written. The check costs a
walk of the inputs and their SHA-256 (which every run computes anyway), not the pipeline's start-up.
A run in which some document could not be read at all (a time or memory limit, a crash, a file
that could not be opened: causes that may lie outside the file) is never current, so the next run
tries those documents again; ``--no-cache`` always extracts everything.

This module imports nothing heavy: the command line consults it before loading the pipeline.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from . import __version__
from .inputs import Input, InputFile
from .settings import code_fingerprint

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (see __init__.py)
if TYPE_CHECKING:
    from typing import Any

FILE = "provenance.json"
FORMAT = 1  # the layout of provenance.json; a record of another layout is never current
MAX_SIZE = 64 * 2**20  # bytes: a larger record is not ours (ours is ~300 bytes per input)


class Summary:
    """The counts of the run that wrote an output (a plain class: this module must load fast)."""

    __slots__ = ("complete", "datasets", "documents", "errors", "warnings")

    def __init__(
        self, documents: int, datasets: int, errors: int, warnings: int, complete: bool
    ) -> None:
        counts = (documents, datasets, errors, warnings)
        if not all(type(n) is int and n >= 0 for n in counts) or type(complete) is not bool:
            raise ValueError(f"not a summary: {counts}, {complete!r}")
        self.documents, self.datasets, self.errors, self.warnings = counts
        self.complete = complete  # every document was read (no limit met, no crash, …)

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "documents": self.documents,
            "datasets": self.datasets,
            "errors": self.errors,
            "warnings": self.warnings,
            "complete": self.complete,
        }


def input_entries(inputs: Iterable[Input]) -> list[dict[str, Any]]:
    """The inputs as recorded: what a later run compares with what it finds."""
    entries: list[dict[str, Any]] = []
    for item in inputs:
        entry: dict[str, Any] = {"path": str(item.path), "plan_id": item.plan_id}
        if isinstance(item, InputFile):
            entry.update(sha256=item.sha256, copies=list(item.copies))
        else:
            entry.update(refused=item.code, detail=item.detail, sha256=item.sha256 or None)
        entries.append(entry)
    return entries


def record(
    inputs: Sequence[Input], options: Mapping[str, Any], summary: Summary, tables: Iterable[str]
) -> dict[str, Any]:
    """The provenance of an output: ``tables`` are the files of OUT the run wrote."""
    return {
        "format": FORMAT,
        "extractor": {"name": "plan-extract", "version": __version__},
        "fingerprint": code_fingerprint(),
        "options": dict(options),
        "summary": summary.as_dict(),
        "tables": sorted(tables),
        "inputs": input_entries(inputs),
    }


def write(folder: Path, provenance: Mapping[str, Any]) -> None:
    (folder / FILE).write_text(
        json.dumps(provenance, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def current(out_dir: Path, inputs: Sequence[Input], options: Mapping[str, Any]) -> Summary | None:
    """The summary of the run that wrote ``out_dir`` if that output is current for ``inputs``
    under ``options`` with this extractor; None when it must be extracted (again)."""
    try:
        found_stat = (out_dir / FILE).stat()
        if not stat.S_ISREG(found_stat.st_mode) or found_stat.st_size > MAX_SIZE:
            return None  # not ours: a FIFO there would block the read
        found = json.loads((out_dir / FILE).read_text(encoding="utf-8"))
        summary = Summary(**found["summary"])
        same = (
            found["format"] == FORMAT
            and found["fingerprint"] == code_fingerprint()
            and found["options"] == dict(options)
            and found["inputs"] == input_entries(inputs)
            and all(_table_present(out_dir, name) for name in found["tables"])
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no record, or one this version cannot read: extract
    return summary if same and summary.complete else None


def _table_present(out_dir: Path, name: object) -> bool:
    """A file the record lists is in OUT (a name, never a path elsewhere)."""
    return isinstance(name, str) and name == Path(name).name and (out_dir / name).is_file()
