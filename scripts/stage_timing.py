"""Per-stage CPU cost of extracting documents in this process: read, language split, structure,
normalise. Where ``make bench`` times whole runs, this says which stage a document's time goes to.

    .venv/bin/python scripts/stage_timing.py FILE... [--runs 7] [--cold]

Each file is read once and extracted once to warm up (vocabularies loaded, patterns compiled);
then each stage is timed ``--runs`` times and the median printed, in milliseconds. The stages cache
functions of a cell's text, so a file extracted twice is cheaper the second time; ``--cold`` empties
those caches before every run, as for a document whose cells were never seen.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import _lru_cache_wrapper
from pathlib import Path

from plan_extract.languages import split_languages
from plan_extract.normalise import memo
from plan_extract.normalise.rows import normalise_plan
from plan_extract.problems import ProblemLog
from plan_extract.read import READERS, read_document
from plan_extract.structure import structure


def _empty_caches() -> None:
    """The text caches and every other bounded cache of the package (unbounded ones hold the
    vocabularies and compiled patterns: those are loaded once per process anyway)."""
    memo.clear()
    for name, module in list(sys.modules.items()):
        if name.startswith("plan_extract"):
            for value in vars(module).values():
                if isinstance(value, _lru_cache_wrapper) and value.cache_parameters()["maxsize"]:
                    value.cache_clear()


def _stages(path: Path, reader: str) -> dict[str, float]:
    """Seconds of CPU spent in each stage for one extraction of ``path``."""
    clock = time.process_time
    start = clock()
    document = read_document(path, reader)
    seconds = {"read": clock() - start, "split languages": 0.0, "structure": 0.0, "normalise": 0.0}
    start = clock()
    versions = split_languages(document)
    seconds["split languages"] = clock() - start
    for _, version in versions:
        log = ProblemLog("timing", str(path))
        start = clock()
        plan = structure(version, log)
        middle = clock()
        normalise_plan(plan, "timing", log)
        seconds["structure"] += middle - start
        seconds["normalise"] += clock() - middle
    seconds["structure + normalise"] = seconds["structure"] + seconds["normalise"]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="empty the text caches before each run")
    parser.add_argument("--reader", default=READERS[0], choices=READERS)
    args = parser.parse_args()
    for path in args.files:
        _stages(path, args.reader)  # warm-up
        runs = []
        for _ in range(args.runs):
            if args.cold:
                _empty_caches()
            runs.append(_stages(path, args.reader))
        medians = {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}
        shown = ", ".join(f"{stage} {seconds * 1000:.2f}" for stage, seconds in medians.items())
        cold = ", cold" if args.cold else ""
        print(f"{path.name}: {shown} ms (CPU, median of {args.runs}{cold})")


if __name__ == "__main__":
    main()
