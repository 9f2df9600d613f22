"""One document, or many: read → structure → normalise, problems collected, nothing raised.

A document that cannot be read becomes a plan row with no datasets and a problem that says why;
the other documents go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .bilingual import bilingual
from .errors import DocumentError
from .languages import split_languages
from .model import DatasetRecord, PlanRecord, Problem, Where
from .normalise.rows import normalise_plan
from .problems import ProblemLog
from .read import read_document
from .schema import BILINGUAL, DATASETS, PLANS, PROBLEMS
from .structure import structure
from .write import write_datapackage, write_table


@dataclass
class DocumentResult:
    plan: PlanRecord
    datasets: list[DatasetRecord]
    problems: list[Problem]


@dataclass
class Extraction:
    """The result of a run: one result per document, in the order they were given, and what
    comparing the documents found (the bilingual table and its problems)."""

    documents: list[DocumentResult] = field(default_factory=list)
    bilingual: list[dict[str, Any]] = field(default_factory=list)
    cross_problems: list[Problem] = field(default_factory=list)

    @property
    def plans(self) -> list[PlanRecord]:
        return [d.plan for d in self.documents]

    @property
    def datasets(self) -> list[DatasetRecord]:
        return [row for d in self.documents for row in d.datasets]

    @property
    def problems(self) -> list[Problem]:
        return [p for d in self.documents for p in d.problems] + self.cross_problems


def plan_id_for(path: Path) -> str:
    """The file name without its last suffix: stable, readable and unique within a folder."""
    return path.stem


def _unreadable(path: Path, plan_id: str, error: DocumentError) -> DocumentResult:
    log = ProblemLog(plan_id, str(path))
    log.add(error.code, error.detail, Where(page=error.page))
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""
    plan = PlanRecord(
        plan_id=plan_id,
        source_file=str(path),
        sha256=digest,
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
    path: Path, plan_id: str | None = None, *, reader: str = "pdfium"
) -> list[DocumentResult]:
    """Extract one file (PDFs with ``reader``, see :func:`read_document`): one result per language
    version it holds (two for a plan that prints Chinese and English in the same cells, with
    ``.zh-hant``/``.en`` added to the plan id). Never raises for bad input: problems say what went
    wrong."""
    plan_id = plan_id or plan_id_for(path)
    try:
        document = read_document(path, reader)
    except DocumentError as error:
        return [_unreadable(path, plan_id, error)]
    versions = split_languages(document)
    results = []
    for tag, version in versions:
        log = ProblemLog(plan_id, str(path))
        plan = structure(version, log)
        version_id = f"{plan_id}.{plan.language.lower()}" if tag else plan_id
        log.problems = [replace(p, plan_id=version_id) for p in [*version.problems, *log.problems]]
        log.plan_id = version_id
        record, datasets = normalise_plan(plan, version_id, log)
        results.append(DocumentResult(record, datasets, log.problems))
    return results


def extract_document(
    path: Path, plan_id: str | None = None, *, reader: str = "pdfium"
) -> DocumentResult:
    """Extract one file as one plan (the first language version of a bilingual-cell plan)."""
    return extract_file(path, plan_id, reader=reader)[0]


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and every file below directories named (sorted; hidden files skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        else:
            yield path


def _unique_ids(paths: list[Path]) -> list[str]:
    ids: list[str] = []
    for path in paths:
        base = plan_id_for(path)
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def extract(
    paths: Iterable[Path],
    on_document: Callable[[DocumentResult], None] | None = None,
    *,
    reader: str = "pdfium",
) -> Extraction:
    """Extract every document under ``paths``; ``on_document`` sees each result as it is made."""
    files = list(find_documents(paths))
    result = Extraction()
    for path, plan_id in zip(files, _unique_ids(files), strict=True):
        for document in extract_file(path, plan_id, reader=reader):
            result.documents.append(document)
            if on_document:
                on_document(document)
    result.bilingual, result.cross_problems = bilingual(result.plans, result.datasets)
    plans = {plan.plan_id: plan for plan in result.plans}
    for problem in result.cross_problems:
        plan = plans[problem.plan_id]
        if problem.severity == "error":
            plan.errors += 1
        else:
            plan.warnings += 1
    return result


def _dicts(records: Iterable[Any]) -> list[dict[str, Any]]:
    return [asdict(r) for r in records]


def write_extraction(extraction: Extraction, out_dir: Path) -> None:
    """All tables and datapackage.json into ``out_dir`` (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_table(DATASETS, _dicts(extraction.datasets), out_dir)
    write_table(PLANS, _dicts(extraction.plans), out_dir)
    write_table(PROBLEMS, _dicts(extraction.problems), out_dir)
    write_table(BILINGUAL, extraction.bilingual, out_dir)
    write_datapackage(out_dir)
