"""Benchmark: time and peak memory of extracting a corpus (``make bench``).

By default the corpus is every input under tests/fixtures copied N times (``--copies``), so the
numbers measure the pipeline, not one small file. Prints one line per measurement; compare runs on
the same machine only.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import pypdfium2

from plan_extract.pipeline import extract, extract_document, write_extraction

ROOT = Path(__file__).resolve().parents[1]


def long_pdf(source: Path, copies: int, out: Path) -> int:
    """A PDF of ``copies`` times the pages of ``source`` (a long plan, for the memory check)."""
    merged = pypdfium2.PdfDocument.new()
    for _ in range(copies):
        merged.import_pages(pypdfium2.PdfDocument(str(source)))
    merged.save(str(out))
    return len(merged)


def traced_peak_mib(path: Path) -> float:
    tracemalloc.start()
    extract_document(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def memory_by_pages(tmp: Path) -> None:
    """Peak Python memory of one PDF as its page count grows: flat if pages are released."""
    source = next((ROOT / "tests/fixtures/seed-pdf-reportlab/input").glob("*.pdf"))
    for copies in (1, 10, 40):
        path = tmp / f"long-{copies}.pdf"
        pages = long_pdf(source, copies, path)
        print(f"pdf {pages:4d} pages: peak traced memory {traced_peak_mib(path):.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20, help="copies of each fixture input")
    args = parser.parse_args()
    inputs = sorted(p for p in (ROOT / "tests" / "fixtures").glob("*/input/*") if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for n in range(args.copies):
            for path in inputs:
                shutil.copy(path, corpus / f"{n:03d}-{path.name}")
        started = time.perf_counter()
        extraction = extract([corpus])
        extracted = time.perf_counter()
        write_extraction(extraction, Path(tmp) / "out")
        written = time.perf_counter()
        memory_by_pages(Path(tmp))
    kinds: dict[str, int] = {}
    for plan in extraction.plans:
        kinds[plan.file_kind] = kinds.get(plan.file_kind, 0) + 1
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    documents = len(extraction.plans)
    print(f"documents: {documents} ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))})")
    print(f"datasets: {len(extraction.datasets)}")
    print(
        f"extract: {extracted - started:.2f} s ({(extracted - started) / documents * 1000:.0f} ms/doc)"
    )
    print(f"write: {written - extracted:.2f} s")
    print(f"peak RSS: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
