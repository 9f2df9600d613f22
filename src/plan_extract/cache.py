"""A cache of per-document results, so a re-run over an unchanged corpus reads only what changed.

A result is stored under a key made of the file's SHA-256, the reader asked for, and a fingerprint
of this extractor: its version, the source of every module and every vocabulary file. Changing a
vocabulary line or any code therefore misses the cache; nothing needs to be cleared by hand.

One gzip-compressed JSON file per key (no pickle: a cache folder is not trusted to run code),
written to a temporary name and renamed, so a reader never sees half a file. An entry that cannot be
read back (truncated, corrupt, from an incompatible version) is deleted and recomputed.

An entry holds every plan of one file (a file may hold several language versions). The same bytes
may be stored under several names: ``plan_id`` (the file's id, or the id plus a version suffix)
and ``source_file`` are re-stamped on a hit with those of the file being extracted.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson

from . import settings
from .model import DatasetRecord, PlanRecord, Problem
from .pipeline import DocumentResult
from .settings import default_cache_dir

__all__ = ["ResultCache", "default_cache_dir", "from_json", "restamp", "to_json"]


def to_json(plan_id: str, results: list[DocumentResult]) -> dict[str, Any]:
    return {"plan_id": plan_id, "results": [_result_json(result) for result in results]}


def from_json(data: dict[str, Any]) -> tuple[str, list[DocumentResult]]:
    return str(data["plan_id"]), [_result(result) for result in data["results"]]


def _result_json(result: DocumentResult) -> dict[str, Any]:
    """The result's records as they are: orjson writes a dataclass as an object of its fields."""
    return {"plan": result.plan, "datasets": result.datasets, "problems": result.problems}


def _result(data: dict[str, Any]) -> DocumentResult:
    return DocumentResult(
        PlanRecord(**data["plan"]),
        [DatasetRecord(**row) for row in data["datasets"]],
        [Problem(**problem) for problem in data["problems"]],
    )


def restamp(result: DocumentResult, old_id: str, plan_id: str, source_file: str) -> DocumentResult:
    """The result as if extracted from ``source_file`` under file id ``plan_id`` (messages name
    the file; a version suffix after the old file id is kept)."""
    old = result.plan.source_file
    if result.plan.plan_id.startswith(old_id):
        plan_id += result.plan.plan_id[len(old_id) :]
    return DocumentResult(
        replace(result.plan, plan_id=plan_id, source_file=source_file),
        [replace(row, plan_id=plan_id, source_file=source_file) for row in result.datasets],
        [
            replace(
                problem,
                plan_id=plan_id,
                source_file=source_file,
                message=problem.message.replace(old, source_file),
            )
            for problem in result.problems
        ],
    )


class ResultCache:
    """Results on disk under ``folder``, one file per (file content, reader, extractor) key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, sha256: str, reader: str | None) -> Path:
        key = hashlib.sha256(
            f"{sha256}:{reader or 'default'}:{settings.code_fingerprint()}".encode()
        )
        name = key.hexdigest()
        return self.folder / name[:2] / f"{name}.json.gz"

    def get(
        self, sha256: str, reader: str | None, plan_id: str, source_file: str
    ) -> list[DocumentResult] | None:
        """The stored results re-stamped for this file, or None (missing or unreadable entry)."""
        path = self._path(sha256, reader)
        try:
            data = orjson.loads(gzip.decompress(path.read_bytes()))
            old_id, results = from_json(data)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, zlib.error, ValueError, TypeError, KeyError, AttributeError):
            path.unlink(missing_ok=True)  # corrupt: recomputed and replaced
            return None
        return [restamp(result, old_id, plan_id, source_file) for result in results]

    def put(
        self, sha256: str, reader: str | None, plan_id: str, results: list[DocumentResult]
    ) -> None:
        """Store the results of the file extracted as ``plan_id``; a cache that cannot be written
        is skipped, never fatal."""
        path = self._path(sha256, reader)
        text = orjson.dumps(to_json(plan_id, results))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(gzip.compress(text, compresslevel=1, mtime=0))
            temporary.replace(path)
        except OSError:
            temporary.unlink(missing_ok=True)
