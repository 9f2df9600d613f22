"""Worker processes, limits and the cache: same results as in-process, bad documents bounded."""

from __future__ import annotations

import gzip
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from plan_extract import runner as runner_module
from plan_extract import settings as settings_module
from plan_extract.cache import ResultCache
from plan_extract.inputs import collect_inputs
from plan_extract.pipeline import Extraction, extract, extract_file
from plan_extract.runner import RunOptions, run

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = next((FIXTURES / "seed-zh-hant" / "input").iterdir()).read_text("utf-8")
CORPUS = [
    FIXTURES / "bilingual-seed" / "input",
    FIXTURES / "malformed-text" / "input",
    FIXTURES / "seed-pdf-reportlab" / "input",
]


def _rows(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "plans": [asdict(p) for p in extraction.plans],
        "datasets": [asdict(d) for d in extraction.datasets],
        "problems": [asdict(p) for p in extraction.problems],
        "bilingual": extraction.bilingual,
    }


@pytest.fixture(scope="module")
def in_process() -> dict[str, list[dict[str, Any]]]:
    return _rows(extract(CORPUS))


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_give_what_the_library_gives(
    jobs: int, in_process: dict[str, list[dict[str, Any]]]
) -> None:
    extraction = run(collect_inputs(CORPUS), RunOptions(jobs=jobs))
    assert _rows(extraction) == in_process
    assert len(extraction.datasets) > 60


def test_a_hanging_document_times_out_and_the_run_goes_on(tmp_path: Path) -> None:
    seed = next((FIXTURES / "seed-zh-hant" / "input").iterdir())
    # A plan of fifty thousand rows takes several seconds (a reference cycle no longer hangs
    # either reader: read/guard.py stops it first; ten thousand rows now take under a second).
    (tmp_path / "a-long.txt").write_text(seed.read_text("utf-8") * 1500, encoding="utf-8")
    shutil.copy(seed, tmp_path / "b-plan.txt")
    extraction = run(collect_inputs([tmp_path]), RunOptions(jobs=1, timeout=1))
    hung, good = extraction.documents
    assert [p.code for p in hung.problems] == ["document_timeout"]
    assert "after 1 s" in hung.problems[0].message and "OCR" not in hung.problems[0].message
    assert hung.plan.errors == 1 and hung.plan.sha256
    assert good.plan.rows_total == 32 and good.plan.errors == 0


def test_a_document_over_the_memory_limit_is_a_problem(tmp_path: Path) -> None:
    big = tmp_path / "a-big.txt"
    big.write_bytes(("A. 數據集\t" * 8 + "\n").encode() * 200_000)  # 16 MB of text, ~1 GB parsed
    plan = tmp_path / "b-plan.txt"
    shutil.copy(next((FIXTURES / "seed-zh-hant" / "input").iterdir()), plan)
    extraction = run(collect_inputs([tmp_path]), RunOptions(jobs=1, max_memory=64 * 2**20))
    too_big, good = extraction.documents
    assert [p.code for p in too_big.problems] == ["document_too_large"]
    assert "64 MiB" in too_big.problems[0].message and "OCR" not in too_big.problems[0].message
    assert good.plan.rows_total == 32  # a fresh worker took the next document


def test_a_small_memory_limit_leaves_room_for_the_readers_thread(tmp_path: Path) -> None:
    """The address-space backstop counts what a worker maps after its limit is set and barely
    touches (PDFium's library on its first PDF, the read-ahead thread's stack: runner's
    _MAPPED_UNUSED). Without it, under a limit of 4 MiB the worker could not map PDFium or start
    the thread, and the plan was reported as a crash (an OSError, exit code 127), not as too
    large. In a process of its own: one that has run threads before (this one) has their heaps
    to reuse."""
    pdf = next((FIXTURES / "seed-pdf-word" / "input").iterdir())
    command = [sys.executable, "-m", "plan_extract.cli", "extract", str(pdf), "--no-cache"]
    out = tmp_path / "out"
    subprocess.run(
        [*command, "--out", str(out), "--max-memory", "4M", "--jobs", "1"],
        capture_output=True,
        check=False,
    )
    problems = (out / "problems.csv").read_text("utf-8")
    datasets = (out / "datasets.csv").read_text("utf-8").splitlines()
    # too large, or (the watch on resident memory polls, a short extraction may end first) read
    assert "document_too_large" in problems or len(datasets) == 33
    assert "exited with code" not in problems and "OSError" not in problems


def test_a_cache_hit_is_restamped_with_the_copy_it_stands_for(tmp_path: Path) -> None:
    source = next((FIXTURES / "seed-zh-hant" / "input").iterdir())
    first, second = tmp_path / "one" / "first.txt", tmp_path / "two" / "second.txt"
    for path in (first, second):
        path.parent.mkdir()
        shutil.copy(source, path)
    store = ResultCache(tmp_path / "cache")
    cold = run(collect_inputs([first]), RunOptions(jobs=1, cache=store))
    assert len(list((tmp_path / "cache").rglob("*.json.gz"))) == 1
    warm = run(collect_inputs([second]), RunOptions(jobs=1, cache=store))
    fresh = extract([second])
    assert _rows(warm) == _rows(fresh)
    assert {d.source_file for d in warm.datasets} == {str(second)}
    assert _rows(cold) != _rows(warm)  # the file names differ, nothing else


def test_a_corrupt_cache_entry_is_ignored_and_replaced(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    shutil.copy(next((FIXTURES / "seed-zh-hant" / "input").iterdir()), plan)
    store = ResultCache(tmp_path / "cache")
    expected = _rows(run(collect_inputs([plan]), RunOptions(jobs=1, cache=store)))
    (entry,) = (tmp_path / "cache").rglob("*.json.gz")
    for damage in (b"", b"not gzip", gzip.compress(b"{not json"), gzip.compress(b'{"plan": 1}')):
        entry.write_bytes(damage)
        assert _rows(run(collect_inputs([plan]), RunOptions(jobs=1, cache=store))) == expected
        assert gzip.decompress(entry.read_bytes()).startswith(b'{"plan_id":"plan","results":')


def test_a_new_vocabulary_or_code_misses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = next((FIXTURES / "seed-zh-hant" / "input").iterdir())
    store = ResultCache(tmp_path / "cache")
    results = extract([plan]).documents
    store.put("abc", None, "plan", results)
    assert store.get("abc", None, "p", "f") is not None
    assert store.get("abc", "pdfplumber", "p", "f") is None  # another reader: another entry
    monkeypatch.setattr(settings_module, "code_fingerprint", lambda: "another vocabulary")
    assert store.get("abc", None, "p", "f") is None


def test_the_fingerprint_changes_with_a_vocabulary_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "plan_extract"
    shutil.copytree(Path(settings_module.__file__).parent, package)
    monkeypatch.setattr(settings_module, "_PACKAGE", package)
    fingerprint = settings_module.code_fingerprint.__wrapped__
    before = fingerprint()
    assert fingerprint() == before
    with (package / "vocab" / "frequencies.tsv").open("a", encoding="utf-8") as vocab:
        vocab.write("每十年\tdecennial\n")
    assert fingerprint() != before


def _misbehaving(path: Path, plan_id: str | None = None, reader: str | None = None) -> object:
    """extract_file, except for files named to crash the worker or to raise."""
    if path.name.startswith("segfault"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if path.name.startswith("bug"):
        raise RuntimeError("a bug in a stage " + "x" * 500)
    return extract_file(path, plan_id, reader)


def test_a_crashing_worker_or_a_bug_costs_only_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if threading.active_count() > 1:
        pytest.skip("workers come from the fork server here: the patch would not reach them")
    monkeypatch.setattr(runner_module, "extract_file", _misbehaving)  # forked workers see it
    for name in ("a-plan.txt", "bug.txt", "segfault.txt", "z-plan.txt"):
        (tmp_path / name).write_text(SEED_TEXT + name, encoding="utf-8")
    extraction = run(collect_inputs([tmp_path]), RunOptions(jobs=1))
    codes = {d.plan.plan_id: [p.code for p in d.problems] for d in extraction.documents}
    assert codes["bug"] == ["document_crashed"] and codes["segfault"] == ["document_crashed"]
    messages = {d.plan.plan_id: d.problems[0].message for d in extraction.documents if d.problems}
    assert "RuntimeError: a bug in a stage" in messages["bug"] and len(messages["bug"]) < 400
    assert "SIGSEGV" in messages["segfault"]
    assert [d.plan.rows_total for d in extraction.documents if "plan" in d.plan.plan_id] == [32, 32]


def test_documents_queued_behind_a_failing_one_are_not_lost(tmp_path: Path) -> None:
    """A worker holds several documents (the one it works on and the next, waiting in its pipe):
    when it is stopped, the first is the problem and the others go to another worker."""
    seed = next((FIXTURES / "seed-zh-hant" / "input").iterdir())
    (tmp_path / "a-long.txt").write_text(seed.read_text("utf-8") * 1500, encoding="utf-8")
    for n in range(6):
        shutil.copy(seed, tmp_path / f"b-plan-{n}.txt")
        with (tmp_path / f"b-plan-{n}.txt").open("a", encoding="utf-8") as plan:
            plan.write("\n" * (n + 1))  # different bytes: not duplicates
    extraction = run(collect_inputs([tmp_path]), RunOptions(jobs=2, timeout=1))
    codes = [[p.code for p in d.problems] for d in extraction.documents]
    assert codes == [["document_timeout"]] + [[]] * 6
    assert [d.plan.rows_total for d in extraction.documents[1:]] == [32] * 6


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc arenas")
def test_a_workers_threads_share_one_heap() -> None:
    """A worker's threads (the PDF reader's read-ahead thread) allocate from the main heap: glibc
    gives a thread a heap of its own (64 MiB of address space reserved, its freed pages kept: a
    worker's peak on the 190-page plan 84 MiB, 61 MiB with one heap). In a fresh process: one
    that has run threads (this one) has their heaps already."""
    probe = (
        "import threading\n"
        "from plan_extract.runner import _one_malloc_arena\n"
        "def size():\n"
        "    return int(open('/proc/self/statm').read().split()[0]) * 4096\n"
        "if ARENA: _one_malloc_arena()\n"
        "before = size()\n"
        "def work():\n"
        "    kept = [bytearray(50_000) for _ in range(200)]\n"
        "thread = threading.Thread(target=work); thread.start(); thread.join()\n"
        "print(size() - before)\n"
    )
    grown = {
        arena: int(
            subprocess.run(
                [sys.executable, "-c", f"ARENA = {arena}\n" + probe],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for arena in (False, True)
    }
    assert grown[False] > 40 * 2**20  # a heap of the thread's own: the test still sees one
    assert grown[True] < 20 * 2**20  # its stack, and what it allocated
