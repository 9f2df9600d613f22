"""Pages read ahead by a thread (read/prefetch.py): in order, errors where they happened, and a
thread that is stopped, cleaned up after and gone whenever the reader stops early."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from plan_extract.read.prefetch import AHEAD, read_ahead

FIXTURES = Path(__file__).parent / "fixtures"


def test_items_come_in_order_and_an_error_where_it_was_raised() -> None:
    def pages() -> Iterator[int]:
        yield from range(5)
        raise ValueError("page 6 is broken")

    got: list[int] = []
    with pytest.raises(ValueError, match="page 6"):
        for page in read_ahead(pages):
            got.append(page)
    assert got == [0, 1, 2, 3, 4]


def test_every_step_and_the_cleanup_run_in_the_thread() -> None:
    """The thread alone calls the library while it runs: the iterator is made, stepped and
    closed there, never in the caller's thread."""
    threads: set[int] = set()

    def pages() -> Iterator[int]:
        threads.add(threading.get_ident())
        try:
            for number in range(3):
                threads.add(threading.get_ident())
                yield number
        finally:
            threads.add(threading.get_ident())

    assert list(read_ahead(pages)) == [0, 1, 2]
    assert threads and threading.get_ident() not in threads


def test_stopping_early_stops_the_thread_and_closes_what_it_opened() -> None:
    made: list[int] = []
    closed: list[int] = []
    running = threading.active_count()

    def pages() -> Iterator[int]:
        for number in range(1000):
            made.append(number)
            try:
                yield number
            finally:
                closed.append(number)  # as the PDF reader closes each page

    reader = read_ahead(pages)
    assert next(reader) == 0
    reader.close()
    assert threading.active_count() == running  # the thread has ended, not just been told to
    assert sorted(closed) == made  # every page it read is closed
    assert len(made) <= AHEAD + 3  # it stopped a few pages on, not at the end


def test_an_error_in_the_caller_stops_the_thread() -> None:
    running = threading.active_count()

    def pages() -> Iterator[int]:
        yield from range(1000)

    with pytest.raises(RuntimeError):
        for page in read_ahead(pages):
            if page == 2:
                raise RuntimeError("the caller's own error")
    assert threading.active_count() == running


def test_pages_read_ahead_are_closed_before_their_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An error on a plan's first page (here in the shared page code), with later pages already
    read by the thread: each page PDFium loaded is closed, all of them before the document
    (PDFium must not close a page of a closed document)."""
    from plan_extract.read import page as page_module
    from plan_extract.read import pdfium as pdfium_reader

    calls: list[str] = []
    real = pdfium_reader.c
    monkeypatch.setattr(
        real,
        "FPDF_LoadPage",
        lambda pdf, i, f=real.FPDF_LoadPage: (calls.append("load"), f(pdf, i))[1],
    )
    monkeypatch.setattr(
        real, "FPDF_ClosePage", lambda page, f=real.FPDF_ClosePage: (calls.append("page"), f(page))
    )
    monkeypatch.setattr(
        real,
        "FPDF_CloseDocument",
        lambda pdf, f=real.FPDF_CloseDocument: (calls.append("document"), f(pdf)),
    )

    def fail(*_: object, **__: object) -> None:
        raise MemoryError

    monkeypatch.setattr(page_module, "page_blocks", fail)
    pdf = FIXTURES / "seed-pdf-word" / "input" / "ogcio-2018-annual-open-data-plan.zh-hant.pdf"
    with pytest.raises(MemoryError):
        pdfium_reader.read_pdf(pdf, pdf.read_bytes(), "0")
    assert calls[-1] == "document" and calls.count("document") == 1
    assert calls.count("load") == calls.count("page") >= 1


def test_without_a_spare_core_pages_are_read_in_the_callers_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker started while every core has a worker reads without the thread (it would only
    take turns with the other workers): the pages are read where they are asked for."""
    from plan_extract.read import pdfium as pdfium_reader
    from plan_extract.read import prefetch

    threads: set[int] = set()
    real = pdfium_reader._pages

    def pages(*args: object) -> Iterator[object]:
        for page in real(*args):  # type: ignore[arg-type]
            threads.add(threading.get_ident())
            yield page

    monkeypatch.setattr(pdfium_reader, "_pages", pages)
    pdf = FIXTURES / "seed-pdf-word" / "input" / "ogcio-2018-annual-open-data-plan.zh-hant.pdf"
    for spare, in_caller in ((True, False), (False, True)):
        threads.clear()
        monkeypatch.setattr(prefetch, "_spare_core", spare)
        pdfium_reader.read_pdf(pdf, pdf.read_bytes(), "0")
        assert (threads == {threading.get_ident()}) is in_caller


def test_workers_read_ahead_only_where_a_core_is_left_for_the_thread() -> None:
    from plan_extract.runner import _reads_ahead

    assert _reads_ahead(jobs=1, documents=40, cores=2)  # one job: the other core is free
    assert _reads_ahead(jobs=2, documents=1, cores=2)  # a long plan alone
    assert not _reads_ahead(jobs=2, documents=40, cores=2)  # a worker per core
    assert not _reads_ahead(jobs=4, documents=3, cores=2)
