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
    files = sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.tsv"), *_PACKAGE.rglob("*.toml")])
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
