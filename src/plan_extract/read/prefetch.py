"""Pages read ahead by a thread of their own, while the caller works on the ones before.

PDFium parses a page's content stream and lays out its text in C, without Python's lock (about
1 ms a page of a Word-made plan, a third of the page's reading); turning a page's characters
into rows is Python, under the lock. With the reading of page *n + 1* in a thread while page *n*
is turned into rows, the two overlap on a second core: the 190-page bench plan is read in ~430 ms,
not ~540 ms. Where every core has a worker the thread only takes turns with them (4 % slower):
such workers read page after page (:func:`use_spare_core`).

The thread is the only one to call the library while it runs (PDFium is not thread-safe, but
may be called from any one thread at a time), and :func:`read_ahead` does not return before the
thread has ended, closed what it opened and handed over every error: the document can then be
closed by the caller's thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

AHEAD = 2  # pages read and waiting: enough to keep the thread busy, little memory
_spare_core = True  # whether the thread may count on a core the process's others leave free


def use_spare_core(spare: bool) -> None:
    """Whether PDFs read in this process read ahead (:func:`read_ahead`; the default). A worker
    started while every core has a worker of its own turns it off (runner.py): the thread would
    only take turns with the other workers for the cores (forty small PDFs, two jobs on two
    cores: 4 % slower with it, 11 alternating pairs)."""
    global _spare_core
    _spare_core = spare


def has_spare_core() -> bool:
    """See :func:`use_spare_core`."""
    return _spare_core


class _End:
    """The thread's last message: the pages ended, or ``error`` stopped them."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


class _Reader(Generic[T]):
    def __init__(self, pages: Callable[[], Iterator[T]], ahead: int) -> None:
        self.queue: queue.Queue[T | _End] = queue.Queue(maxsize=ahead)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(pages,), daemon=True)

    def _run(self, pages: Callable[[], Iterator[T]]) -> None:
        end = _End()
        try:
            source = pages()
            try:
                for page in source:
                    if self.stop.is_set():
                        break
                    self.queue.put(page)
            finally:
                close = getattr(source, "close", None)
                if close is not None:
                    close()  # the generator's own cleanup (a page left open), in this thread
        except BaseException as error:  # MemoryError too: the caller's to raise
            end = _End(error)
        self.queue.put(end)

    def finish(self) -> None:
        """Stop the thread and wait for it: the pages it has read are dropped (it may be blocked
        handing one over), its error is not raised (the caller is leaving with one of its own,
        or has every page)."""
        self.stop.set()
        while not isinstance(self.queue.get(), _End):
            pass
        self.thread.join()


def read_ahead(pages: Callable[[], Iterator[T]], ahead: int = AHEAD) -> Generator[T, None, None]:
    """The items of ``pages()`` in order, made by a thread up to ``ahead`` items before they are
    asked for. ``pages`` is called in the thread, and so is every step of its iterator and its
    ``close``; an error raised there is raised here, where the item it stopped would have come.
    Closing this generator early stops the thread and waits for it."""
    reader = _Reader(pages, ahead)
    reader.thread.start()
    ended = False
    try:
        while True:
            item = reader.queue.get()
            if isinstance(item, _End):
                ended = True
                reader.thread.join()
                if item.error is not None:
                    raise item.error
                return
            yield item
    finally:
        if not ended:
            reader.finish()
