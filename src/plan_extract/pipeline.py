"""One document, or many: read → structure → normalise, problems collected, nothing raised.

A document that cannot be read becomes a plan row with no datasets and a problem that says why;
the other documents go on.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from . import provenance
from .bilingual import bilingual, pairable
from .encode import (
    EncodedRows,
    LineFile,
    Part,
    PendingRows,
    SpooledRows,
    SpoolFolder,
    encode_rows,
)
from .errors import DocumentError
from .inputs import (
    DEFAULT_MAX_FILE_SIZE,
    Input,
    InputFile,
    Rejected,
    collect_inputs,
    file_sha256,
    plan_id_for,
)
from .languages import split_languages
from .model import DatasetRecord, Document, PlanRecord, Problem, Where
from .normalise.rows import normalise_plan
from .problems import ProblemLog
from .read import read_document
from .schema import BILINGUAL, DATASETS, PLANS, PROBLEMS, TABLES
from .settings import READERS
from .structure import structure
from .write import (
    output_files,
    replace_folder,
    write_datapackage,
    write_encoded,
    write_table,
)


class DocumentResult:
    """One plan's result: its row of plans.*, its datasets and its problems.

    The datasets are records, or, for a result a worker sent (:meth:`pack`), their rows already
    encoded for writing: the process that writes a corpus then only joins lines, and turns them
    back into records only where they are asked for (bilingual pairs, the library's callers)."""

    __slots__ = ("_encoded", "_records", "plan", "problems")

    def __init__(
        self, plan: PlanRecord, datasets: list[DatasetRecord], problems: list[Problem]
    ) -> None:
        self.plan = plan
        self.problems = problems
        self._records: list[DatasetRecord] | None = datasets
        self._encoded: EncodedRows | SpooledRows | None = None

    @property
    def datasets(self) -> list[DatasetRecord]:
        if self._records is None:
            assert self._encoded is not None
            self._records = [
                DatasetRecord(**orjson.loads(line))
                for json_lines, _ in self._encoded.batches()
                for line in json_lines
            ]
        return self._records

    @property
    def dataset_count(self) -> int:
        if self._records is None:
            assert self._encoded is not None
            return len(self._encoded.keys)
        return len(self._records)

    def datasets_to_write(self) -> Part:
        """The datasets as :func:`~.write.write_encoded` takes them."""
        if self._encoded is None:
            return PendingRows(DATASETS, self.datasets)
        return self._encoded

    def pack(self, lines: LineFile | None = None) -> DocumentResult:
        """This result with its datasets encoded and the records dropped (cheaper to send to the
        parent and to hold there): written into ``lines`` (a worker's file of the run's spool
        folder), or held in memory without one or where it cannot be written."""
        if self._records is not None:
            encoded: EncodedRows | SpooledRows | None = None
            if lines is not None:
                with contextlib.suppress(OSError):  # not written: the lines go in the result
                    encoded = lines.write(DATASETS, self._records)
            self._encoded = encoded or encode_rows(DATASETS, self._records)
            self._records = None
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentResult):
            return NotImplemented
        return (self.plan, self.datasets, self.problems) == (
            other.plan,
            other.datasets,
            other.problems,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return f"DocumentResult({self.plan!r}, <{self.dataset_count} datasets>, {self.problems!r})"


@dataclass
class Extraction:
    """The result of a run: one result per document, in the order they were given, and what
    comparing the documents found (the bilingual table and its problems)."""

    documents: list[DocumentResult] = field(default_factory=list)
    bilingual: list[dict[str, Any]] = field(default_factory=list)
    cross_problems: list[Problem] = field(default_factory=list)
    spool: SpoolFolder | None = None  # where workers wrote the lines of their results

    @property
    def plans(self) -> list[PlanRecord]:
        return [d.plan for d in self.documents]

    @property
    def datasets(self) -> list[DatasetRecord]:
        return [row for d in self.documents for row in d.datasets]

    @property
    def dataset_count(self) -> int:
        return sum(d.dataset_count for d in self.documents)

    @property
    def problems(self) -> list[Problem]:
        return [p for d in self.documents for p in d.problems] + self.cross_problems


def failed_result(
    path: Path, plan_id: str, code: str, detail: str = "", sha256: str = "", page: int | None = None
) -> DocumentResult:
    """A document from which nothing was extracted: a plan row with no datasets and one error.

    Never opens the file (it may be a FIFO, a device or a bomb): ``sha256`` is what is known."""
    log = ProblemLog(plan_id, str(path))
    log.add(code, detail, Where(page=page))
    plan = PlanRecord(
        plan_id=plan_id,
        source_file=str(path),
        sha256=sha256 or None,
        file_kind="unknown",
        encoding=None,
        department=None,
        department_abbr=None,
        department_id=None,
        plan_year=None,
        language=None,
        title=None,
        pages=None,
        item_numbering=None,
        rows_a=0,
        rows_b=0,
        rows_c=0,
        rows_d=0,
        rows_total=0,
        errors=1,
        warnings=0,
    )
    return DocumentResult(plan, [], log.problems)


def extract_file(
    path: Path, plan_id: str | None = None, reader: str | None = None
) -> list[DocumentResult]:
    """Extract one file (PDFs with ``reader``, see :func:`read_document`): one result per language
    version it holds (two for a plan that prints Chinese and English in the same cells, with
    ``.zh-hant``/``.en`` added to the plan id). Never raises for bad input: problems say what went
    wrong. Pure and in-process: the runner's workers call it (a file is the unit the runner and the
    cache work in), and so does :func:`extract`."""
    plan_id = plan_id or plan_id_for(path)
    try:
        document = read_document(path, reader or READERS[0])
    except DocumentError as error:
        try:
            digest = file_sha256(path, sys.maxsize)  # the size was checked before reading
        except OSError:
            digest = ""
        return [failed_result(path, plan_id, error.code, error.detail, digest, error.page)]
    versions = split_languages(document)
    del document  # each version's blocks are freed once structured, before its rows are normalised
    results = []
    while versions:
        results.append(_extract_next(versions, plan_id, str(path)))
    return results


def _extract_next(versions: list[tuple[str, Document]], plan_id: str, path: str) -> DocumentResult:
    """The first language version, taken off ``versions``: structure, then normalise once nothing
    references its blocks any more (they are the larger part of a document's memory)."""
    tag, version = versions.pop(0)
    log = ProblemLog(plan_id, path)
    plan = structure(version, log)
    version_id = f"{plan_id}.{plan.language.lower()}" if tag else plan_id
    log.problems = [replace(p, plan_id=version_id) for p in [*version.problems, *log.problems]]
    log.plan_id = version_id
    del version
    record, datasets = normalise_plan(plan, version_id, log, consume=True)
    return DocumentResult(record, datasets, log.problems)


def extract_document(
    path: Path, plan_id: str | None = None, reader: str | None = None
) -> DocumentResult:
    """Extract one file as one plan (the first language version of a bilingual-cell plan)."""
    return extract_file(path, plan_id, reader)[0]


def note_copies(results: list[DocumentResult], item: InputFile) -> list[DocumentResult]:
    """Add the ``duplicate_file`` warning, naming the files with the same bytes as ``item``, to the
    first plan of the file."""
    if not item.copies or not results:
        return results
    result = results[0]
    log = ProblemLog(result.plan.plan_id, result.plan.source_file)
    names = ", ".join([str(item.path), *item.copies])
    log.add("duplicate_file", names)
    result.problems.extend(log.problems)
    result.plan.warnings += 1
    return results


def extract_input(item: Input, reader: str | None = None) -> list[DocumentResult]:
    """One input in this process: a refused path becomes its problem, a file is extracted."""
    if isinstance(item, Rejected):
        return [failed_result(item.path, item.plan_id, item.code, item.detail, item.sha256)]
    return note_copies(extract_file(item.path, item.plan_id, reader), item)


def assemble(
    results: Iterable[DocumentResult], on_document: Callable[[DocumentResult], None] | None = None
) -> Extraction:
    """The results of a run (in input order) and what comparing them finds (bilingual)."""
    result = Extraction()
    for document in results:
        result.documents.append(document)
        if on_document:
            on_document(document)
    # Only plans with another language version are paired: the others' rows stay encoded.
    pairs = pairable(result.plans)
    datasets = (row for d in result.documents if d.plan.plan_id in pairs for row in d.datasets)
    result.bilingual, result.cross_problems = bilingual(result.plans, datasets)
    plans = {plan.plan_id: plan for plan in result.plans}
    for problem in result.cross_problems:
        plan = plans[problem.plan_id]
        if problem.severity == "error":
            plan.errors += 1
        else:
            plan.warnings += 1
    return result


def extract(
    paths: Iterable[Path],
    on_document: Callable[[DocumentResult], None] | None = None,
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    reader: str | None = None,
) -> Extraction:
    """Extract every document under ``paths`` in this process, one after another (deterministic,
    no limits: the command line's :mod:`.runner` adds worker processes, limits and the cache)."""
    inputs = collect_inputs(paths, max_file_size)
    results = (result for item in inputs for result in extract_input(item, reader))
    return assemble(results, on_document)


def write_tables(extraction: Extraction, out_dir: Path) -> None:
    """All tables and datapackage.json into ``out_dir``, written in place, from the records
    themselves (no dict per row: see :func:`~.write.write_table`)."""
    write_encoded(DATASETS, [d.datasets_to_write() for d in extraction.documents], out_dir)
    write_table(PLANS, extraction.plans, out_dir)
    write_table(PROBLEMS, extraction.problems, out_dir)
    write_table(BILINGUAL, extraction.bilingual, out_dir)
    write_datapackage(out_dir)


def write_extraction(
    extraction: Extraction,
    out_dir: Path,
    provenance_of: Callable[[list[str]], Mapping[str, Any]] | None = None,
) -> None:
    """Replace ``out_dir`` (created if needed) with the tables, whole: a crash or a full disk at
    any moment leaves either the old output or the new one, never a mix. ``provenance_of`` gives
    the record of :mod:`.provenance` for the files written, swapped in with them. The caller holds
    :func:`~.write.output_lock` when other runs may write the same folder."""

    def fill(new: Path) -> None:
        write_tables(extraction, new)
        if provenance_of is not None:
            tables = sorted(path.name for path in new.iterdir())
            provenance.write(new, provenance_of(tables))

    # provenance.json is the extraction's own: `track` carries it over like any file not its own.
    replace_folder(out_dir, fill, output_files(TABLES) | {provenance.FILE})
