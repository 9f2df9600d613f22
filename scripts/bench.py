"""Benchmark (``make bench``): plan-extract against bare pdfplumber, as whole processes, in one run.

Generates, in a temporary folder:

- a long plan: the Word-made fixture PDF's pages repeated to 190 pages (pypdfium2; the item
  numbers repeat, so the rows are flagged as duplicates: the work of reading them is the same);
- forty copies of the fixture PDFs (a comment appended to each, so that no two are the same bytes
  and none is skipped as a duplicate);
- 500 text plans (the seed text plan, each with a different number of trailing newlines);
- for the scaling check, text plans 1×, 4×, 16× and 64× a plan of 16 seeds (rows repeated,
  renumbered, names made distinct; 64× is 6.6 MB) and one line of 5 MB of cells.

Each command runs as its own process, ``--runs`` times (median kept); its peak resident memory is
sampled from /proc every 20 ms, for the main process and for the largest of its children (workers).
Every time is also given as a ratio to bare pdfplumber ``extract_tables`` on the same files in the
same run, so figures from different machines compare. For the scaling plans, the memory each adds
over the seed plan (6 KB) is also given as a multiple of its size. ``--quick`` is a smoke run with
tiny sizes; ``--only pdf|text|scaling`` runs one group of workloads.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
WORD_PDF = next((FIXTURES / "seed-pdf-word" / "input").glob("*.pdf"))
SEED_TEXT = next((FIXTURES / "seed-zh-hant" / "input").glob("*.txt"))
PYTHON = sys.executable
_SCRIPT = Path(PYTHON).with_name("plan-extract")  # the command as installed: what users run
PLAN_EXTRACT = [str(_SCRIPT) if _SCRIPT.exists() else PYTHON, "extract"]
if not _SCRIPT.exists():
    PLAN_EXTRACT[1:1] = ["-m", "plan_extract.cli"]

BARE_PDFPLUMBER = """
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
"""

PDFIUM_FLOOR = """
import sys, pypdfium2, pypdfium2.raw as raw
for name in sys.argv[1:]:
    document = pypdfium2.PdfDocument(name)
    for page in document:
        text = page.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        paths = [o.get_bounds() for o in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH])]
        text.close()
        page.close()
    document.close()
"""


@dataclass(frozen=True)
class Sizes:
    pages: int
    pdf_copies: int
    text_plans: int
    scales: tuple[int, ...]
    line_mb: float
    runs: int


SCALE_BASE = 16  # copies of the seed in the 1× scaling plan: large enough that start-up is small
FULL = Sizes(pages=190, pdf_copies=40, text_plans=500, scales=(1, 4, 16, 64), line_mb=5, runs=3)
QUICK = Sizes(pages=12, pdf_copies=4, text_plans=20, scales=(1, 4), line_mb=0.5, runs=1)


# --- corpus -----------------------------------------------------------------------------------


def long_pdf(pages: int, out: Path) -> Path:
    """The Word fixture's pages repeated to ``pages`` pages."""
    source = pypdfium2.PdfDocument(str(WORD_PDF))
    merged = pypdfium2.PdfDocument.new()
    while len(merged) < pages:
        take = min(len(source), pages - len(merged))
        merged.import_pages(source, list(range(take)))
    merged.save(str(out))
    return out


def distinct_copies(sources: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` copies of the sources in turn, each with different bytes (a trailing comment)."""
    folder.mkdir()
    made = []
    for n in range(count):
        source = sources[n % len(sources)]
        target = folder / f"{n:03d}-{source.name}"
        target.write_bytes(source.read_bytes() + f"\n% copy {n}\n".encode())
        made.append(target)
    return made


def text_plans(count: int, folder: Path) -> list[Path]:
    folder.mkdir()
    text = SEED_TEXT.read_text("utf-8")
    made = []
    for n in range(count):
        target = folder / f"plan-{n:04d}.txt"
        target.write_text(text + "\n" * (n + 1), encoding="utf-8")
        made.append(target)
    return made


_ITEM_ROW = re.compile(r"^(\d+)\.\t([^\t\n]*)\t([^\t\n]*\t[^\t\n]*)\t", re.MULTILINE)


def scaled_text(copies_of_seed: int, out: Path) -> Path:
    """The seed text plan over and over, item numbers renumbered in each copy, and each copy's
    dataset names and remarks made its own (the copy's number added): values that repeat in a
    real plan (months, frequencies, categories) still repeat, names and descriptions do not, so
    memory is measured on text that cannot all be shared."""
    text = SEED_TEXT.read_text("utf-8")

    def copy(n: int) -> str:
        return _ITEM_ROW.sub(lambda m: f"{int(m[1]) + 100 * n}.\t{m[2]} {n}\t{m[3]}\t{n} ", text)

    out.write_text("\n".join(copy(n) for n in range(copies_of_seed)), encoding="utf-8")
    return out


def long_line(megabytes: float, out: Path) -> Path:
    cell = "數據集名稱 Dataset"
    count = int(megabytes * 2**20) // (len(cell.encode()) + 2)
    out.write_text("  ".join(f"{cell}{n}" for n in range(count)) + "\n", encoding="utf-8")
    return out


# --- measuring --------------------------------------------------------------------------------


def _children(pid: int) -> list[int] | None:
    """The child processes of ``pid`` from /proc/PID/task/*/children (a few small reads); None
    where the kernel does not give those files."""
    if not Path(f"/proc/{pid}/task/{pid}/children").exists():
        return None if Path(f"/proc/{pid}").exists() else []  # no such files, or it has ended
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except (OSError, ValueError):  # it ended meanwhile
        pass
    return found


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc: each process's children files where the kernel
    has them (sampled every 20 ms, scanning every process's stat took a tenth of a core from
    the command being measured), else every process's parent."""
    found, todo = [], [root]
    parents: dict[int, list[int]] | None = None
    while todo:
        pid = todo.pop()
        found.append(pid)
        children = _children(pid) if parents is None else None
        if children is None:
            parents = parents if parents is not None else _parents()
            children = parents.get(pid, [])
        todo.extend(children)
    return found


def _parents() -> dict[int, list[int]]:
    """Every process's children, by scanning each one's parent."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    return parents


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGESIZE")
    except (OSError, IndexError, ValueError):
        return 0


def timed(
    command: list[str], before: Callable[[], None] | None = None
) -> tuple[float, int, int, float]:
    """Wall time of ``command``, the peak RSS of its main process and of its largest child (a
    worker), sampled every 20 ms, and the CPU time of all its processes (user + system: how much
    of the machine it took); ``before`` runs first, untimed."""
    if before is not None:
        before()
    peak = child = 0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, child
        while not done.is_set():
            peak = max(peak, _rss(process.pid))
            child = max([child, *(_rss(pid) for pid in _tree(process.pid)[1:])])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime  # its workers included
    return elapsed, peak, child, cpu


@dataclass
class Row:
    workload: str
    what: str
    seconds: float
    peak: int
    worker: int  # 0: the command has no child processes
    cpu: float  # seconds of CPU, all its processes
    base: float | None  # bare pdfplumber's time on the same files, or None
    growth: str = ""  # scaling rows: memory added over the seed plan ÷ input size (main / worker)


def measure(
    runs: int,
    workload: str,
    what: str,
    command: list[str],
    base: float | None,
    before: Callable[[], None] | None = None,
) -> Row:
    results = [timed(command, before) for _ in range(runs)]
    seconds = statistics.median(t for t, _, _, _ in results)
    peak, worker = max(r[1] for r in results), max(r[2] for r in results)
    cpu = statistics.median(r[3] for r in results)
    row = Row(workload, what, seconds, peak, worker, cpu, base)
    ratio = f"{row.seconds / base:6.2f}×" if base else "      "
    print(
        f"  {what:44s} {seconds:7.2f} s {ratio} {peak / 2**20:6.0f} MiB {worker / 2**20:6.0f} MiB"
        f" {cpu:6.2f} s CPU",
        flush=True,
    )
    return row


def extract_cmd(files: list[Path] | Path, out: Path, *flags: str) -> list[str]:
    paths = [str(files)] if isinstance(files, Path) else [str(f) for f in files]
    return [*PLAN_EXTRACT, *paths, "--out", str(out), "--quiet", *flags]


def pdf_workload(name: str, files: list[Path], tmp: Path, runs: int) -> list[Row]:
    print(f"{name}:", flush=True)
    names = [str(f) for f in files]
    bare = measure(
        runs, name, "bare pdfplumber extract_tables", [PYTHON, "-c", BARE_PDFPLUMBER, *names], None
    )
    rows = [bare]
    cache = tmp / f"cache-{len(files)}"
    variants = [
        ("pypdfium2 chars + paths (the floor)", [PYTHON, "-c", PDFIUM_FLOOR, *names]),
        (
            "plan-extract --reader pdfplumber --jobs 1",
            extract_cmd(files, tmp / "o", "--reader", "pdfplumber", "--jobs", "1", "--no-cache"),
        ),
        (
            "plan-extract --reader pdfium --jobs 1",
            extract_cmd(files, tmp / "o", "--reader", "pdfium", "--jobs", "1", "--no-cache"),
        ),
        (
            "plan-extract --reader pdfium --jobs 2",
            extract_cmd(files, tmp / "o", "--reader", "pdfium", "--jobs", "2", "--no-cache"),
        ),
    ]
    for what, command in variants:
        rows.append(measure(runs, name, what, command, bare.seconds))
    cached = extract_cmd(files, tmp / "o", "--jobs", "2", "--cache-dir", str(cache))
    timed(cached)  # fill the cache, and write an output that is then up to date
    rows.append(measure(runs, name, "plan-extract re-run, output up to date", cached, bare.seconds))
    fresh = tmp / "o-fresh"
    rows.append(
        measure(
            runs,
            name,
            "plan-extract re-run, new --out: all from the cache",
            extract_cmd(files, fresh, "--jobs", "2", "--cache-dir", str(cache)),
            bare.seconds,
            before=lambda: shutil.rmtree(fresh, ignore_errors=True),
        )
    )
    return rows


def text_workloads(sizes: Sizes, tmp: Path) -> list[Row]:
    rows = []
    plans = text_plans(sizes.text_plans, tmp / "text")
    print(f"{len(plans)} text plans:", flush=True)
    for jobs in ("1", "2"):
        command = extract_cmd(tmp / "text", tmp / "o", "--jobs", jobs, "--no-cache")
        row = measure(
            sizes.runs, f"{len(plans)} text plans", f"plan-extract --jobs {jobs}", command, None
        )
        print(f"  {'':44s} {len(plans) / row.seconds:7.0f} plans/s", flush=True)
        rows.append(row)
    return rows


def scaling_workloads(sizes: Sizes, tmp: Path) -> list[Row]:
    """One text plan at each scale, --jobs 1; memory growth measured from the seed plan's run."""
    print("scaling (one text plan, --jobs 1):", flush=True)
    extract = ["--jobs", "1", "--no-cache", "--max-memory", "4G", "--timeout", "600"]
    seed = measure(
        sizes.runs,
        "scaling",
        f"seed text plan ({SEED_TEXT.stat().st_size / 1024:.0f} KB)",
        extract_cmd(SEED_TEXT, tmp / "o", *extract),
        None,
    )
    rows, first = [seed], None
    for scale in sizes.scales:
        path = scaled_text(SCALE_BASE * scale, tmp / f"scaled-{scale}.txt")
        size = path.stat().st_size
        row = measure(
            sizes.runs,
            "scaling",
            f"text plan {scale}× ({size / 1024:.0f} KB)",
            extract_cmd(path, tmp / "o", *extract),
            first,
        )
        row.growth = (
            f"{(row.peak - seed.peak) / size:.0f} / {(row.worker - seed.worker) / size:.0f}"
        )
        print(f"  {'':44s} added memory ÷ size: {row.growth} (main / worker)", flush=True)
        first = first or row.seconds
        rows.append(row)
    line = long_line(sizes.line_mb, tmp / "long-line.txt")
    what = f"one line of {sizes.line_mb:g} MB"
    rows.append(measure(sizes.runs, "scaling", what, extract_cmd(line, tmp / "o", *extract), None))
    return rows


def _seconds(rows: list[Row], workload: str, what: str) -> float | None:
    found = [r.seconds for r in rows if r.workload == workload and r.what.startswith(what)]
    return found[0] if found else None


def targets(rows: list[Row], sizes: Sizes) -> list[str]:
    """The issue's targets as the ratios this run measured."""
    lines = []
    long_plan, pdfs = f"one {sizes.pages}-page plan", f"{sizes.pdf_copies} fixture PDFs"
    bare = _seconds(rows, long_plan, "bare pdfplumber")
    floor = _seconds(rows, long_plan, "pypdfium2")
    one = _seconds(rows, long_plan, "plan-extract --reader pdfium --jobs 1")
    if bare and floor and one:
        lines.append(
            f"- {long_plan}, --jobs 1: {one / bare:.2f}× bare pdfplumber ({bare / one:.1f}× faster; "
            f"target ≤ 0.20×), {one / floor:.1f}× the pypdfium2 floor (target ≤ 3×)"
        )
    jobs1 = _seconds(rows, pdfs, "plan-extract --reader pdfium --jobs 1")
    jobs2 = _seconds(rows, pdfs, "plan-extract --reader pdfium --jobs 2")
    current = _seconds(rows, pdfs, "plan-extract re-run, output up to date")
    cached = _seconds(rows, pdfs, "plan-extract re-run, new --out")
    if jobs1 and jobs2:
        lines.append(
            f"- {pdfs}: --jobs 2 is {jobs1 / jobs2:.2f}× faster than --jobs 1 (target ≥ 1.7×)"
        )
    if jobs2 and current and cached:
        lines.append(
            f"- {pdfs}: re-run with the output up to date {100 * current / jobs2:.1f} % of the cold "
            f"--jobs 2 run (target < 5 %); into a new --out, all from the cache, "
            f"{100 * cached / jobs2:.0f} %"
        )
    text2 = _seconds(rows, f"{sizes.text_plans} text plans", "plan-extract --jobs 2")
    if text2:
        lines.append(
            f"- {sizes.text_plans} text plans, --jobs 2: {sizes.text_plans / text2:.0f} plans/s "
            "(target ≥ 500)"
        )
    return lines


def markdown(rows: list[Row]) -> str:
    lines = [
        "| work | command | median | × bare pdfplumber (or 1×) | CPU (all processes) "
        "| peak RSS main | peak RSS worker | added RSS ÷ size (main / worker) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = f"{row.seconds / row.base:.2f}" if row.base else "—"
        worker = f"{row.worker / 2**20:.0f} MiB" if row.worker else "—"
        lines.append(
            f"| {row.workload} | {row.what} | {row.seconds:.2f} s | {ratio} | {row.cpu:.2f} s "
            f"| {row.peak / 2**20:.0f} MiB | {worker} | {row.growth or '—'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run: a smoke test")
    parser.add_argument("--runs", type=int, help="runs per command (median kept)")
    parser.add_argument("--only", choices=("pdf", "text", "scaling"), help="one group of workloads")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes = Sizes(**{**sizes.__dict__, "runs": args.runs})
    print(
        f"{time.strftime('%Y-%m-%d')}, {platform.node()}: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; medians of {sizes.runs}",
        flush=True,
    )
    # Byte-compile the package: with PYTHONDONTWRITEBYTECODE set (as in some CI images) every run
    # would compile it from source, a cost no installed copy has.
    compileall.compile_dir(str(ROOT / "src" / "plan_extract"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="plan-extract-bench-") as name:
        tmp = Path(name)
        rows = []
        if args.only in (None, "pdf"):
            big = long_pdf(sizes.pages, tmp / f"long-{sizes.pages}-pages.pdf")
            sources = sorted(p for p in FIXTURES.glob("seed-pdf-*/input/*.pdf"))
            copies = distinct_copies(sources, sizes.pdf_copies, tmp / "pdfs")
            rows += pdf_workload(f"one {sizes.pages}-page plan", [big], tmp, sizes.runs)
            rows += pdf_workload(f"{len(copies)} fixture PDFs", copies, tmp, sizes.runs)
        if args.only in (None, "text"):
            rows += text_workloads(sizes, tmp)
        if args.only in (None, "scaling"):
            rows += scaling_workloads(sizes, tmp)
        shutil.rmtree(tmp / "o", ignore_errors=True)
    print()
    print(markdown(rows))
    print()
    print("\n".join(targets(rows, sizes)))


if __name__ == "__main__":
    main()
