"""Which files a run reads: the paths named, expanded into documents, with bounds checked first.

Nothing is opened before it is known to be a regular file of a sane size, so a FIFO, a device such
as ``/dev/zero`` or a socket named on the command line can neither hang nor exhaust a run. What is
refused becomes a :class:`Rejected` entry (a problem record later), never silence:

- a path that is not a regular file, or a file over the size limit;
- a folder that cannot be listed, a symbolic link that loops (links are followed, each folder is
  entered once per branch);
- the same file reached twice (named twice, or directly and through its folder, or by a link) is
  one document; two files with the same bytes (SHA-256) are extracted once, the copies named in a
  ``duplicate_file`` warning on the one that is.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 100 * 2**20  # bytes; the largest real plans are a few MB
_CHUNK = 2**20


Stamp = tuple[int, int, int, int]  # size, mtime and ctime (ns), inode: what `stat` says of a file
RACY = 2 * 10**9  # ns: a file changed this recently is hashed again by the next run
Known = Mapping[str, tuple[Stamp, str]]  # path → (stamp, SHA-256) found by an earlier run

# The records below are plain classes with slots, not dataclasses nor NamedTuples: this module is
# on the path of a re-run that finds its output up to date, and importing dataclasses was a fifth
# of that run, typing (for NamedTuple) a tenth.


class _Record:
    """Fields in ``__slots__``, shown by ``repr`` and compared by ``==`` in that order."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._values(), strict=True))
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())


class InputFile(_Record):
    """A regular file to extract; ``copies`` are other files with the same bytes, not extracted;
    ``stamp`` is its :data:`Stamp` when it was hashed."""

    __slots__ = ("copies", "path", "plan_id", "sha256", "stamp")

    def __init__(
        self,
        path: Path,
        plan_id: str,
        sha256: str,
        copies: tuple[str, ...] = (),
        stamp: Stamp | None = None,
    ) -> None:
        self.path, self.plan_id, self.sha256 = path, plan_id, sha256
        self.copies, self.stamp = copies, stamp


class Rejected(_Record):
    """A path that is not read, and the problem code that says why."""

    __slots__ = ("code", "detail", "path", "plan_id", "sha256")

    def __init__(self, path: Path, plan_id: str, code: str, detail: str, sha256: str = "") -> None:
        self.path, self.plan_id, self.code, self.detail, self.sha256 = (
            path,
            plan_id,
            code,
            detail,
            sha256,
        )


Input = InputFile | Rejected


class _Found(_Record):
    __slots__ = ("code", "detail", "inode", "path", "size", "stamp")

    def __init__(
        self,
        path: Path,
        code: str = "",  # empty: a regular file to read
        detail: str = "",
        size: int = 0,
        inode: tuple[int, int] = (0, 0),
        stamp: Stamp = (0, 0, 0, 0),
    ) -> None:
        self.path, self.code, self.detail = path, code, detail
        self.size, self.inode, self.stamp = size, inode, stamp


def plan_id_for(path: Path) -> str:
    """The file name without its last suffix: stable, readable and unique within a folder."""
    return path.stem


def _kind_of(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _stat_error(path: Path, error: OSError) -> _Found:
    if error.errno == errno.ELOOP:
        return _Found(path, "symlink_loop", "the symbolic link loops")
    return _Found(path, "file_unreadable", error.strerror or type(error).__name__)


def _examine(path: Path) -> _Found:
    """What ``path`` is, from ``stat`` alone (following links): nothing is opened."""
    try:
        info = path.stat()
    except OSError as error:
        return _stat_error(path, error)
    if not stat.S_ISREG(info.st_mode):
        return _Found(path, "not_a_regular_file", _kind_of(info.st_mode))
    stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    return _Found(path, size=info.st_size, inode=(info.st_dev, info.st_ino), stamp=stamp)


def _vouching(stamp: Stamp, now: int) -> Stamp | None:
    """The stamp, if it can vouch for the file's content later: a file changed within
    :data:`RACY` of being hashed may change again without its stamp showing it (a timestamp's
    granularity), so its stamp is not kept (the next run hashes it again)."""
    return stamp if max(stamp[1], stamp[2]) < now - RACY else None


def _walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[_Found]:
    """Files below ``folder`` (hidden entries skipped), folders entered once per branch."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                Path(entry.path) for entry in listing if not entry.name.startswith(".")
            )
    except OSError as error:
        yield _Found(folder, "folder_unreadable", error.strerror or type(error).__name__)
        return
    for entry in entries:
        try:
            info = entry.stat()
        except OSError as error:
            yield _stat_error(entry, error)
            continue
        if stat.S_ISDIR(info.st_mode):
            inode = (info.st_dev, info.st_ino)
            if inode in ancestors:
                yield _Found(entry, "symlink_loop", "the link leads back to a folder above it")
            else:
                yield from _walk(entry, ancestors | {inode})
        else:
            yield _examine(entry)


def _expand(paths: Iterable[Path]) -> Iterator[_Found]:
    for path in paths:
        if path.is_dir():
            root = path.stat()
            yield from _walk(path, frozenset({(root.st_dev, root.st_ino)}))
        else:
            yield _examine(path)


def file_sha256(path: Path, limit: int) -> str:
    """SHA-256 of a regular file, read in chunks; opened non-blocking and checked again after
    opening, so a file swapped for a FIFO in the meantime cannot hang the run."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        digest = hashlib.sha256()
        read = 0
        while chunk := handle.read(_CHUNK):
            read += len(chunk)
            if read > limit:
                raise OSError(errno.EFBIG, "file grew past the size limit", str(path))
            digest.update(chunk)
    return digest.hexdigest()


def _unique_ids(paths: list[Path]) -> list[str]:
    ids: list[str] = []
    taken: set[str] = set()
    for path in paths:
        base = plan_id_for(path)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
        taken.add(candidate)
    return ids


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size} bytes"


def _checked(found: _Found, max_file_size: int, known: Known) -> _Found | tuple[_Found, str]:
    """The file with its SHA-256, or the reason it is not read. The SHA-256 an earlier run found
    is taken where the file's stamp is the same (as git and make trust a file's stat)."""
    if found.code:
        return found
    if found.size > max_file_size:
        detail = f"{_size_text(found.size)}, over the limit of {_size_text(max_file_size)}"
        return _Found(found.path, "file_too_large", detail)
    stamp, digest = known.get(str(found.path), (None, ""))
    if stamp == found.stamp and digest:
        return found, digest
    try:
        return found, file_sha256(found.path, max_file_size)
    except OSError as error:
        return _Found(found.path, "file_unreadable", error.strerror or type(error).__name__)


def collect_inputs(
    paths: Iterable[Path], max_file_size: int = DEFAULT_MAX_FILE_SIZE, known: Known | None = None
) -> list[Input]:
    """Every document under ``paths``, in order: files named, and files below folders named
    (sorted, hidden entries skipped); each file once, each content once. ``known``: digests an
    earlier run found (see :func:`.provenance.known_digests`), not computed again for a file whose
    stamp is unchanged."""
    now = time.time_ns()
    seen_inodes: set[tuple[int, int]] = set()
    entries: list[tuple[_Found, str]] = []  # (found, sha256 or "")
    for found in _expand(paths):
        if not found.code:
            if found.inode in seen_inodes:
                continue  # the same file reached again: one document
            seen_inodes.add(found.inode)
        checked = _checked(found, max_file_size, known or {})
        entries.append((checked, "") if isinstance(checked, _Found) else checked)
    copies: dict[str, list[str]] = {}
    for found, digest in entries:
        if digest:
            copies.setdefault(digest, []).append(str(found.path))
    ids = _unique_ids([found.path for found, _ in entries])
    inputs: list[Input] = []
    for (found, digest), plan_id in zip(entries, ids, strict=True):
        if found.code:
            inputs.append(Rejected(found.path, plan_id, found.code, found.detail))
        elif copies[digest][0] == str(found.path):
            others = tuple(copies[digest][1:])
            stamp = _vouching(found.stamp, now)
            inputs.append(InputFile(found.path, plan_id, digest, others, stamp))
    return inputs


_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def parse_size(text: str) -> int:
    """``100M``, ``1G``, ``512k``, ``1.5GB`` or a number of bytes; ValueError otherwise."""
    number = text.strip().lower().removesuffix("ib").removesuffix("b")
    unit = number[-1:] if number[-1:] in _UNITS and number[-1:] else ""
    value = float(number[: len(number) - len(unit)])
    if not 0 < value < 2**62:
        raise ValueError(f"size must be a positive number of bytes: {text}")
    return int(value * _UNITS[unit])
