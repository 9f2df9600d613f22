"""Running many documents: worker processes, per-document limits, the cache, results in order.

Each document is extracted by :func:`~.pipeline.extract_file` in a worker process (always, even
with one job), so that a document that hangs, explodes in memory or crashes the parser costs only
that document: the worker is killed or dies, the document becomes a problem record
(``document_timeout``, ``document_too_large``, ``document_crashed``), a new worker takes its place
and the run goes on. The parent watches each worker's resident memory (every 0.1 s) and time, and
kills a worker past either limit; in the worker, ``RLIMIT_AS`` is the backstop for an allocation too
sudden to watch (a compression bomb), turning it into a MemoryError.

Results are handed on in input order, whatever the number of workers and whichever finishes first,
so the output is byte-identical for any ``jobs``. Only a window of documents ahead of the next one
to hand on is sent out, so results waiting for a slow document stay few.

A worker holds up to :data:`_QUEUE` documents: the one it works on and the next ones, waiting in
its pipe, so it goes from one to the next without waiting for the parent (small documents take a
few milliseconds; a round trip through the parent costs about as much). A document's time limit
runs from when the parent sees the worker start on it (the previous result collected); when a
worker is stopped, the documents still waiting in its queue go back to the to-do list. Everything
done per document happens in the worker, in parallel: extraction, the cache entry, and encoding
the rows as the tables' lines (see :meth:`~.pipeline.DocumentResult.pack`), so the parent only
merges and writes.

Workers are forked from the parent, which has the pipeline imported already, so starting or replacing
one costs milliseconds; if the parent has a thread running (forking it would be unsafe), from a
fork server that imports the pipeline once instead. Memory is counted from the worker's resident
size when it starts on its first document: the limit is what a document may add.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import gc
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkServerContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from .cache import ResultCache
from .encode import LineFile, SpoolFolder
from .inputs import Input, InputFile, Rejected
from .pipeline import (
    DocumentResult,
    Extraction,
    assemble,
    extract_file,
    failed_result,
    note_copies,
)
from .read.prefetch import use_spare_core
from .settings import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, default_jobs

_WINDOW = 8  # documents sent out per worker ahead of the next result to hand on
_CACHE_MAX_ROWS = 50_000  # datasets of a file, at most, for its result to be cached (plans: <5,000)
_QUEUE = 4  # documents a worker holds at most: the one it works on and those waiting in its pipe
_POLL = 0.1  # seconds between looks at the workers' memory
_EXIT_MEMORY = 71  # a worker's exit code when it ran out of memory outside a document

_Outcome = tuple[int, list[DocumentResult]]  # input index, results


@dataclass(frozen=True)
class RunOptions:
    """How to run: worker count, per-document limits, reader, and the cache (None: no cache)."""

    jobs: int = field(default_factory=lambda: default_jobs())
    timeout: float = DEFAULT_TIMEOUT
    max_memory: int = DEFAULT_MAX_MEMORY
    reader: str | None = None
    cache: ResultCache | None = None

    def __post_init__(self) -> None:
        if self.jobs < 1 or self.timeout <= 0 or self.max_memory <= 0:
            raise ValueError(f"invalid run options: {self}")


def _statm(pid: int | str, field: int) -> int:
    """A field of /proc/PID/statm in bytes (0: size, 1: resident); 0 where there is none."""
    try:
        with Path(f"/proc/{pid}/statm").open() as statm:
            return int(statm.read().split()[field]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


# Address space a worker maps after its limit is set without using most of it: PDFium's library
# on its first PDF (an 8 MiB file), the read-ahead thread's stack (8 MiB), and where the C library
# gives a thread a heap of its own (glibc, unless told otherwise: _one_malloc_arena), that heap
# (64 MiB, mapped at twice that for a moment to be aligned). Without it a small --max-memory made a
# worker fail to map PDFium or start the thread: a crash, not document_too_large.
_MAPPED_UNUSED = 160 * 2**20


def _limit_memory(max_memory: int) -> None:
    """The backstop: cap the address space at what the worker has now plus twice ``max_memory``
    (the parent stops a worker whose resident memory passes ``max_memory``; this catches an
    allocation too sudden for it to see), plus :data:`_MAPPED_UNUSED`."""
    limit = (_statm("self", 0) or max_memory) + 2 * max_memory + _MAPPED_UNUSED
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(
    conn: Connection,
    reader: str | None,
    max_memory: int,
    cache: ResultCache | None,
    spool: str | None,
    read_ahead: bool = True,
) -> None:
    """A worker: receive (path, plan_id, sha256), send back ("ok"|"memory"|"crash", results or
    detail); ``read_ahead``: see :func:`_reads_ahead`. It stores what it extracts in the cache
    itself and sends its results packed (see :meth:`~.pipeline.DocumentResult.pack`): all the
    work on a document is done in parallel.

    Its stderr is discarded: library chatter (pdfminer's warnings, a C library's abort message)
    reaches the user as the document's problem record instead."""
    _one_malloc_arena()
    use_spare_core(read_ahead)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    faulthandler.disable()  # a crash is the document's problem record, not a dump on the terminal
    try:
        _limit_memory(max_memory)
        lines = _line_file(spool)
        while (task := conn.recv()) is not None:
            if not _work(conn, task, reader, cache, lines):
                return  # a fresh worker, not one with a fragmented heap, takes the next document
    except MemoryError:  # while receiving or sending: the parent reports the document
        os._exit(_EXIT_MEMORY)
    except BaseException:  # the parent reports the document; no traceback here
        os._exit(70)


def _reads_ahead(jobs: int, documents: int, cores: int) -> bool:
    """Whether a worker started with ``documents`` still to send out reads PDFs ahead in a
    thread (:mod:`.read.prefetch`): where the workers at work leave a core free for it (one
    job, or fewer documents than cores: a long plan alone), not where every core has a worker."""
    return min(jobs, documents) < cores


def _one_malloc_arena() -> None:
    """One heap for all the worker's threads: glibc gives a thread that allocates a heap of its
    own (an arena), and the PDF reader's read-ahead thread's kept ~23 MiB of freed pages beside
    the main one (the 190-page plan: a worker's peak 84 MiB, 61 MiB with one; as fast). The two
    threads take turns under Python's lock anyway. Nothing where the C library has no
    ``mallopt`` (not glibc)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_ARENA_MAX, 1)


_M_ARENA_MAX = -8  # glibc's malloc.h


def _line_file(spool: str | None) -> LineFile | None:
    """The worker's file of lines in the run's spool folder; None without one (lines are then
    sent in the result)."""
    try:
        return LineFile(spool) if spool else None
    except OSError:
        return None


def _work(
    conn: Connection,
    task: tuple[str, str, str],
    reader: str | None,
    cache: ResultCache | None,
    lines: LineFile | None,
) -> bool:
    """Extract one document, cache it, and send the outcome; False when the worker should end."""
    path, plan_id, sha256 = task
    try:
        results = extract_file(Path(path), plan_id, reader)
        if cache is not None:
            _store(cache, (sha256, reader, plan_id), results)
        packed = [result.pack(lines) for result in results]
    except MemoryError:
        results = packed = []
        gc.collect()
        conn.send(("memory", None))
        return False
    except Exception as error:  # a parser bug: this document's problem, not the run's
        conn.send(("crash", f"{type(error).__name__}: {str(error)[:200]}"))
        return True
    conn.send(("ok", packed))
    return True


def _store(
    cache: ResultCache, key: tuple[str, str | None, str], results: list[DocumentResult]
) -> None:
    """Cache the results, best effort. A file that could not be read at all is not cached: the
    cause may lie outside the file (permissions, a memory limit met inside the PDF parser) and
    retrying is cheap. Results too large to serialise under the memory limit are sent, not
    cached (the cache's own errors are skipped in it)."""
    if any(result.plan.file_kind == "unknown" for result in results):
        return
    if sum(result.dataset_count for result in results) > _CACHE_MAX_ROWS:
        return  # its entry would be a copy of the whole result in memory at once
    try:
        cache.put(*key, results)
    except MemoryError:
        gc.collect()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    # The documents sent to it, in order, with their input index: it works on the first and has
    # the others waiting in its pipe, so it never waits for the parent between documents.
    tasks: deque[tuple[int, InputFile]] = field(default_factory=deque)
    deadline: float = 0.0  # of the first task
    peak: int = 0  # the most resident memory the first task has added
    baseline: int = 0  # resident memory before the worker's first document

    def added(self) -> int:
        """Resident memory added since the worker started working (0 where /proc is missing)."""
        rss = _statm(self.process.pid or 0, 1)
        self.peak = max(self.peak, rss - self.baseline)
        return rss - self.baseline

    def begin(self, timeout: float) -> None:
        """The first task is the one it works on from now: its clock and memory start."""
        self.deadline, self.peak = time.monotonic() + timeout, 0


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"the worker was ended by {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
    return f"the worker exited with code {exitcode}"


class _Pool:
    """Worker processes, the documents each one has, and the documents still to send out
    (``todo``: input indices, the next one last)."""

    def __init__(
        self, options: RunOptions, inputs: list[Input], todo: list[int], spool: str | None
    ) -> None:
        self.options = options
        self.spool = spool
        self.inputs = inputs
        self.todo = todo
        self.workers: list[_Worker] = []
        self.next_watch = 0.0  # when to look at the workers' memory next

    @staticmethod
    def _context() -> ForkContext | ForkServerContext:
        if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
            return multiprocessing.get_context("fork")
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["plan_extract.pipeline"])
        return context

    def _start(self) -> _Worker:
        context = self._context()
        # Objects that exist now (modules, vocabularies, compiled patterns) are left out of
        # garbage collection from here on: the worker's collections no longer walk them, nor
        # copy the pages they are on (~20 % less CPU in workers on small documents).
        gc.freeze()
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker_main,
            args=(
                child,
                self.options.reader,
                self.options.max_memory,
                self.options.cache,
                self.spool,
                _reads_ahead(self.options.jobs, len(self.todo), default_jobs()),
            ),
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def available(self) -> _Worker | None:
        """The worker to send the next document to: an idle one, a new one while there are fewer
        than ``jobs``, else the least busy with room in its queue (None: all are full)."""
        least = min(self.workers, key=lambda w: len(w.tasks), default=None)
        if least is not None and not least.tasks:
            return least
        if len(self.workers) < self.options.jobs:
            return self._start()
        return least if least is not None and len(least.tasks) < _QUEUE else None

    def send(self, worker: _Worker, index: int, item: InputFile) -> None:
        worker.tasks.append((index, item))
        if len(worker.tasks) == 1:
            worker.begin(self.options.timeout)
        if not worker.baseline:
            worker.baseline = _statm(worker.process.pid or 0, 1)
        worker.conn.send((str(item.path), item.plan_id, item.sha256))

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def _fail(self, worker: _Worker, code: str, detail: str, retire: bool = True) -> _Outcome:
        """The worker's first document as the problem ``code``; the worker is retired (unless
        ``retire`` is False) and the documents waiting in its queue go back to the to-do list,
        for another worker: they were never started."""
        index, item = worker.tasks.popleft()
        if retire:
            self._retire(worker)
            self.todo.extend(index for index, _ in worker.tasks)
            self.todo.sort(reverse=True)
            worker.tasks.clear()
        elif worker.tasks:
            worker.begin(self.options.timeout)
        return index, [failed_result(item.path, item.plan_id, code, detail, item.sha256)]

    def _collect(self, worker: _Worker) -> _Outcome:
        """The result of a worker that is ready, or its document's problem if it died."""
        try:
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            if code == _EXIT_MEMORY or worker.peak > self.options.max_memory // 2:
                # Out of memory where Python could not say so (C code under the backstop).
                return self._fail(worker, "document_too_large", _mib(self.options.max_memory))
            return self._fail(worker, "document_crashed", _signal_name(code))
        if status == "memory":
            return self._fail(worker, "document_too_large", _mib(self.options.max_memory))
        if status == "crash":
            return self._fail(worker, "document_crashed", payload, retire=False)
        index, _ = worker.tasks.popleft()
        if worker.tasks:
            worker.begin(self.options.timeout)
        return index, payload

    def wait(self) -> list[_Outcome]:
        """Results that came in (index, results), waiting at most until a deadline."""
        busy = [w for w in self.workers if w.tasks]
        now = time.monotonic()
        timeout = min(_POLL, max(0.0, min(w.deadline for w in busy) - now))
        ready = set(multiprocessing.connection.wait([w.conn for w in busy], timeout))
        done = []
        for worker in busy:
            # Every result already in the pipe, not one per wait: a worker sends several
            # quickly when its documents are small.
            while worker.tasks and worker.conn in ready:
                done.append(self._collect(worker))
                if worker not in self.workers or not worker.conn.poll():
                    break
        now = time.monotonic()
        watch = now >= self.next_watch  # memory: every _POLL seconds, not after every result
        if watch:
            self.next_watch = now + _POLL
        for worker in list(self.workers):
            if not worker.tasks:
                continue
            if watch and worker.added() > self.options.max_memory:
                done.append(self._fail(worker, "document_too_large", _mib(self.options.max_memory)))
            elif worker.deadline <= now:
                done.append(self._fail(worker, "document_timeout", f"{self.options.timeout:g} s"))
        return done

    def close(self) -> None:
        for worker in list(self.workers):
            if not worker.tasks:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            else:
                worker.process.kill()
        for worker in list(self.workers):
            worker.process.join(5)
            self._retire(worker)


def _ready_result(item: Input, options: RunOptions) -> list[DocumentResult] | None:
    """Results known without a worker: a refused path, or a cache hit."""
    if isinstance(item, Rejected):
        return [failed_result(item.path, item.plan_id, item.code, item.detail, item.sha256)]
    if options.cache is not None:
        return options.cache.get(item.sha256, options.reader, item.plan_id, str(item.path))
    return None


def run_inputs(
    inputs: list[Input],
    options: RunOptions,
    prepare: Callable[[], None] | None = None,
    spool: SpoolFolder | None = None,
) -> Iterator[DocumentResult]:
    """The results of each input (one per plan it holds), in input order. ``prepare`` is called
    once the first workers are at work (the parent's own set-up, such as importing what writing
    needs, done while they extract instead of after). Workers write their results' lines into
    ``spool`` (which must outlive the results); without one, lines come with the results."""
    ready: dict[int, list[DocumentResult]] = {}
    todo: list[int] = []
    for index, item in enumerate(inputs):
        found = _ready_result(item, options)
        if found is None:
            todo.append(index)
        else:
            ready[index] = found
    todo.reverse()  # popped from the end: first input first
    pool = _Pool(options, inputs, todo, spool.path if spool else None)
    try:
        for index in range(len(inputs)):
            while index not in ready:
                _dispatch(pool, limit=index + _WINDOW * options.jobs)
                if prepare is not None:
                    prepare()
                    prepare = None
                for done, results in pool.wait():
                    ready[done] = results
            results = ready.pop(index)
            item = inputs[index]
            yield from note_copies(results, item) if isinstance(item, InputFile) else results
    finally:
        pool.close()


def _dispatch(pool: _Pool, limit: int) -> None:
    todo = pool.todo
    while todo and todo[-1] < limit and (worker := pool.available()) is not None:
        index = todo.pop()
        item = pool.inputs[index]
        if isinstance(item, InputFile):  # always: refused paths never reach the to-do list
            pool.send(worker, index, item)


def run(
    inputs: list[Input],
    options: RunOptions,
    on_document: Callable[[DocumentResult], None] | None = None,
    prepare: Callable[[], None] | None = None,
) -> Extraction:
    """Extract ``inputs`` under ``options``: what :func:`~.pipeline.extract` does, in workers
    (``prepare``: see :func:`run_inputs`). The rows' lines are in a spool folder that lives as
    long as the extraction (where none can be made, in memory)."""
    try:
        spool: SpoolFolder | None = SpoolFolder()
    except OSError:
        spool = None
    extraction = assemble(run_inputs(inputs, options, prepare, spool), on_document)
    extraction.spool = spool
    return extraction
