"""Defaults of a run and what identifies this extractor, in a module that imports nothing heavy.

The command line reads these before it knows whether there is any work to do: a re-run over an
unchanged corpus (see :mod:`.provenance`) answers without loading the pipeline, PDF libraries or
pyarrow, so it takes tens of milliseconds instead of a second.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from . import __version__

READERS = ("pdfium", "pdfplumber")  # PDF readers: the default first
DEFAULT_TIMEOUT = 120.0  # seconds per document; the slowest real plan takes a few
DEFAULT_MAX_MEMORY = 2**30  # bytes a document may add to a worker; real plans need < 100 MiB

_PACKAGE = Path(__file__).resolve().parent


def default_jobs() -> int:
    """The cores this process may run on (a container's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/plan_extract``, or ``~/.cache/plan_extract``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plan_extract"


@cache
def code_fingerprint() -> str:
    """SHA-256 of the version, the package's Python source and its vocabulary files: what the
    output of a document depends on besides the document itself."""
    digest = hashlib.sha256(__version__.encode())
    for name in sorted(_source_files(str(_PACKAGE), "")):
        digest.update(name.encode() + b"\0")
        digest.update((_PACKAGE / name).read_bytes() + b"\0")
    return digest.hexdigest()


_SOURCE_SUFFIXES = (".py", ".tsv", ".toml")


def _source_files(folder: str, prefix: str) -> list[str]:
    """Paths (relative, with ``/``) of the package's source and vocabulary files: one scandir per
    folder (``Path.rglob`` three times took most of a re-run that has nothing to do)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found += _source_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(_SOURCE_SUFFIXES):
                found.append(prefix + entry.name)
    return found
