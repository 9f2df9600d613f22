"""What an output folder was made from (``OUT/provenance.json``), and whether it is still current.

A data tool should say where its tables came from. ``provenance.json`` lists every input as the
run found it (path, plan id, SHA-256, the copies it stood for, or why it was refused), the
extractor (version and the fingerprint of its code and vocabularies), the options that shape the
tables (the PDF reader, the file size limit) and the run's counts. It is written into the new
output folder with the tables, so it is swapped in with them, whole.

It also lets a re-run over an unchanged corpus answer at once, as ``make`` does: when the inputs
found now, the extractor and those options are what the record says, and every table it lists is
still in OUT, the output is current and nothing is read, extracted or written. The check costs a
walk of the inputs, not the pipeline's start-up: the record keeps each file's stamp (see
:func:`known_digests`), and a file whose stamp is unchanged is not read to be hashed again.
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
from .inputs import Input, InputFile, Known, Stamp
from .settings import code_fingerprint

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (see __init__.py)
if TYPE_CHECKING:
    from typing import Any

FILE = "provenance.json"
FORMAT = 2  # the layout of provenance.json; a record of another layout is never current
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


def input_entries(inputs: Iterable[Input], stamps: bool = True) -> list[dict[str, Any]]:
    """The inputs as recorded: what a later run compares with what it finds (and each file's
    stamp, for :func:`known_digests`)."""
    entries: list[dict[str, Any]] = []
    for item in inputs:
        entry: dict[str, Any] = {"path": str(item.path), "plan_id": item.plan_id}
        if isinstance(item, InputFile):
            entry.update(sha256=item.sha256, copies=list(item.copies))
            if stamps and item.stamp is not None:
                entry["stamp"] = list(item.stamp)
        else:
            entry.update(refused=item.code, detail=item.detail, sha256=item.sha256 or None)
        entries.append(entry)
    return entries


def record(
    inputs: Sequence[Input],
    options: Mapping[str, Any],
    summary: Summary,
    tables: Iterable[str],
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


def load(out_dir: Path) -> dict[str, Any] | None:
    """The record in ``out_dir``, or None (none there, not a regular file, too large, not JSON)."""
    try:
        found_stat = (out_dir / FILE).stat()
        if not stat.S_ISREG(found_stat.st_mode) or found_stat.st_size > MAX_SIZE:
            return None  # not ours: a FIFO there would block the read
        found = json.loads((out_dir / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and found.get("format") == FORMAT else None


def known_digests(found: Mapping[str, Any] | None) -> Known:
    """The SHA-256 of each input the record lists with a stamp, for :func:`.collect_inputs` to
    take instead of reading an unchanged file again."""
    known: dict[str, tuple[Stamp, str]] = {}
    if not found:
        return known
    try:
        for entry in found["inputs"]:
            stamp = entry.get("stamp")
            if isinstance(stamp, list) and len(stamp) == 4 and "sha256" in entry:
                size, mtime, ctime, inode = (int(n) for n in stamp)
                known[str(entry["path"])] = ((size, mtime, ctime, inode), str(entry["sha256"]))
    except (TypeError, ValueError, KeyError, AttributeError):
        return {}
    return known


def current(
    found: Mapping[str, Any] | None,
    out_dir: Path,
    inputs: Sequence[Input],
    options: Mapping[str, Any],
) -> Summary | None:
    """The summary of the run that wrote ``out_dir`` (its record ``found``, see :func:`load`)
    if that output is current for ``inputs`` under ``options`` with this extractor; None when
    it must be extracted (again)."""
    if not found:
        return None
    try:
        summary = Summary(**found["summary"])
        same = (
            found["fingerprint"] == code_fingerprint()
            and found["options"] == dict(options)
            and _without_stamps(found["inputs"]) == input_entries(inputs, stamps=False)
            and all(_table_present(out_dir, name) for name in found["tables"])
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # a record this version cannot read: extract
    return summary if same and summary.complete else None


def _without_stamps(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What is compared: a file touched but not changed is still the same input."""
    return [{k: v for k, v in entry.items() if k != "stamp"} for entry in entries]


def _table_present(out_dir: Path, name: object) -> bool:
    """A file the record lists is in OUT (a name, never a path elsewhere)."""
    return isinstance(name, str) and name == Path(name).name and (out_dir / name).is_file()
