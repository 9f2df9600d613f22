"""``plan-extract``: a thin command line over :mod:`plan_extract.pipeline`.

Library errors become messages here and nowhere else. Exit codes: 0 every document clean, 1 some
document had an error (or, with ``--strict``, any problem at all), 2 usage error, 130 interrupted
(Ctrl-C; the output folder is left as it was).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, provenance
from .errors import PlanExtractError, UsageError
from .inputs import DEFAULT_MAX_FILE_SIZE, Input, collect_inputs, parse_size
from .progress import Progress, clip
from .settings import (
    DEFAULT_MAX_MEMORY,
    DEFAULT_TIMEOUT,
    READERS,
    code_fingerprint,
    default_cache_dir,
    default_jobs,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (see __init__.py)
if TYPE_CHECKING:
    from typing import Any

    from .runner import RunOptions

# The pipeline, the PDF libraries and pyarrow are imported by the commands that use them, not here:
# `extract` over an unchanged corpus answers from provenance.json without them (tens of ms).

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
RESOLUTIONS = range(20, 601)  # dots per inch `debug` accepts: a page at 600 dpi is ~35 Mpixel


class _Parser(argparse.ArgumentParser):
    """argparse's parser (its subcommands' too), whose help is laid out to the width argparse
    would take, found without importing shutil: argparse imports it, with three compression
    modules, to ask the terminal's width when a parser is built (~3 ms of a re-run that has
    nothing to do)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter)
        super().__init__(**kwargs)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=_help_width())


def _help_width() -> int:
    """What argparse takes from ``shutil.get_terminal_size``: ``$COLUMNS``, else the width of
    the terminal on stdout, else 80; less 2."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. Given ``command`` (the first argument, when it names one), only that
    command's parser is built: a run parses one command, and building the parsers of all five
    was a fifth of a re-run that finds its output up to date."""
    parser = _Parser(
        prog="plan-extract",
        description="Turn Hong Kong Annual Open Data Plans (PDF or text) into normalised tables: "
        "datasets, plans and problems as Parquet, CSV and JSON, with a datapackage.json.",
        epilog="Exit codes: 0 all documents clean, 1 some had problems (the rest are still "
        "written), 2 usage error, 130 interrupted. Schema: docs/schema.md.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command in (None, name):
            add(commands)
    return parser


def _extract_parser(commands: Any) -> None:
    ex = commands.add_parser(
        "extract",
        help="extract plan documents into tables",
        description="Extract plan documents (PDF or text; directories are searched recursively, "
        "a file's kind is recognised from its content) into OUT/datasets.*, OUT/plans.*, "
        "OUT/problems.* (.parquet, .csv, .json) and OUT/datapackage.json.",
    )
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="plan files or folders")
    ex.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    ex.add_argument("--quiet", action="store_true", help="print only problems of severity error")
    ex.add_argument(
        "--strict", action="store_true", help="exit 1 on any problem, warnings included"
    )
    _run_arguments(ex)


def _schema_parser(commands: Any) -> None:
    sc = commands.add_parser(
        "schema",
        help="print datapackage.json, or write the schema docs",
        description="Print the datapackage.json that describes the output, or with --docs write "
        "DIR/schema.md and DIR/datapackage.json (what `make docs` runs).",
    )
    sc.add_argument("--docs", type=Path, metavar="DIR", help="write schema.md and datapackage.json")


def _debug_parser(commands: Any) -> None:
    db = commands.add_parser(
        "debug",
        help="draw a PDF page with the tables and rows the reader found",
        description="Draw page N of a PDF with detected tables, cells, dropped header rows and "
        "merged continuation rows marked in colour, to see why a row came out as it did.",
    )
    db.add_argument("pdf", type=Path, metavar="FILE.pdf")
    db.add_argument("--page", type=int, default=1, metavar="N", help="page number (1-based)")
    db.add_argument("--out", type=Path, required=True, metavar="PNG", help="picture to write")
    db.add_argument("--resolution", type=int, default=110, help="dots per inch (default 110)")


def _track_parser(commands: Any) -> None:
    tr = commands.add_parser(
        "track",
        help="match plans against DATA.GOV.HK catalogue snapshots",
        description="Read TABLES/datasets.parquet and bilingual.parquet (an extraction) and one or "
        "more catalogue snapshots (files, or folders of .csv/.json/.jsonl files); write "
        "promises.*, delivery.* and report.html. A snapshot's date comes from its name "
        "(…YYYY-MM-DD…), its fetch header, or FILE@YYYY-MM-DD.",
    )
    tr.add_argument("snapshots", nargs="+", metavar="SNAPSHOT", help="snapshot files or folders")
    tr.add_argument("--tables", type=Path, required=True, metavar="DIR", help="extraction folder")
    tr.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: --tables)")
    tr.add_argument("--overrides", type=Path, metavar="FILE", help="reviewer decisions (TSV)")


def _catalogue_parser(commands: Any) -> None:
    ca = commands.add_parser(
        "catalogue", help="work with the DATA.GOV.HK catalogue", description="Catalogue tools."
    )
    actions = ca.add_subparsers(dest="action", required=True, metavar="ACTION")
    fe = actions.add_parser(
        "fetch",
        help="fetch every dataset's package_show (English and Traditional Chinese)",
        description="package_list, then package_show per dataset in English and Traditional "
        "Chinese, written as JSON lines with the snapshot date. Resumable: run again with the "
        "same --out to fetch what is missing. Exit 1 when some datasets could not be fetched "
        "(the file is then marked incomplete).",
    )
    fe.add_argument("--out", type=Path, required=True, metavar="FILE", help="JSON lines to write")
    fe.add_argument(
        "--base-url",
        default="https://data.gov.hk",
        metavar="URL",
        help="portal (default: %(default)s)",
    )
    fe.add_argument(
        "--workers", type=int, default=4, metavar="N", help="parallel requests (default 4)"
    )
    fe.add_argument("--limit", type=int, metavar="N", help="fetch only the first N datasets")


_COMMANDS: dict[str, Callable[[Any], None]] = {
    "extract": _extract_parser,
    "schema": _schema_parser,
    "debug": _debug_parser,
    "track": _track_parser,
    "catalogue": _catalogue_parser,
}


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a size: {text} (e.g. 100M, 1G)") from error


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"not a number: {text}") from error
        if not 0 < value < 10**9:
            raise argparse.ArgumentTypeError(f"must be a positive number: {text}")
        return value

    return parse


def _run_arguments(ex: argparse.ArgumentParser) -> None:
    """How documents are run: workers, limits, cache, reader."""
    cpus = default_jobs()
    ex.add_argument(
        "--jobs",
        type=_positive(int),
        default=cpus,
        metavar="N",
        help=f"documents extracted at once, each in its own process (default {cpus})",
    )
    ex.add_argument(
        "--timeout",
        type=_positive(float),
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds one document may take; past that it becomes a document_timeout "
        f"problem (default {DEFAULT_TIMEOUT:g})",
    )
    ex.add_argument(
        "--max-memory",
        type=_size,
        default=DEFAULT_MAX_MEMORY,
        metavar="SIZE",
        help="memory one document may take (e.g. 1G); past that it becomes a "
        "document_too_large problem (default 1G)",
    )
    ex.add_argument(
        "--max-file-size",
        type=_size,
        default=DEFAULT_MAX_FILE_SIZE,
        metavar="SIZE",
        help="larger files are not read: a file_too_large problem (default 100M)",
    )
    ex.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where results are cached (default {default_cache_dir()})",
    )
    ex.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every document again, and do not store results",
    )
    ex.add_argument(
        "--reader",
        choices=READERS,
        default=READERS[0],
        help="PDF reader: pdfium (fast, the default) or pdfplumber (the reference); same rows",
    )


def _options(args: argparse.Namespace) -> RunOptions:
    from .cache import ResultCache
    from .runner import RunOptions

    cache = None if args.no_cache else ResultCache(args.cache_dir or default_cache_dir())
    return RunOptions(
        jobs=args.jobs,
        timeout=args.timeout,
        max_memory=args.max_memory,
        reader=args.reader,
        cache=cache,
    )


def _exit_code(args: argparse.Namespace, errors: int, warnings: int) -> int:
    failed = errors > 0 or (args.strict and errors + warnings > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    # With --no-cache every file is read and hashed; otherwise an unchanged file's SHA-256 is
    # taken from the record of the run that wrote OUT (a re-run reads no file it need not).
    found = None if args.no_cache else provenance.load(args.out)
    inputs = collect_inputs(args.paths, args.max_file_size, provenance.known_digests(found))
    if not inputs:
        named = ", ".join(str(p) for p in args.paths)
        raise UsageError(f"no documents found in {clip(named, 200)}; {args.out} left as it was")
    shaping = {"reader": args.reader, "max_file_size": args.max_file_size}
    summary = provenance.current(found, args.out, inputs, shaping)
    if summary is not None:
        return _unchanged(args, summary)
    return _extract_all(args, inputs, shaping)


def _unchanged(args: argparse.Namespace, summary: provenance.Summary) -> int:
    """An output that is current: said in one line (always, when it holds errors)."""
    if summary.errors or not args.quiet:
        print(
            f"{args.out}/ is up to date: {summary.documents} documents unchanged since it was "
            f"written ({summary.datasets} datasets, {summary.errors} errors, {summary.warnings} "
            f"warnings: see {args.out}/problems.csv); --no-cache extracts them again",
            file=sys.stderr,
        )
    return _exit_code(args, summary.errors, summary.warnings)


def _prepare() -> None:
    """What writing the output needs, done while the workers extract: pyarrow and the schema
    (:func:`.write.preload`), and the code fingerprint provenance.json records (the package's
    source read and hashed)."""
    from .write import preload

    preload()
    code_fingerprint()


def _extract_all(args: argparse.Namespace, inputs: list[Input], shaping: dict[str, Any]) -> int:
    from .pipeline import write_extraction
    from .runner import run
    from .write import output_lock

    options = _options(args)
    with output_lock(args.out):
        with Progress(len(inputs), args.quiet) as progress:
            extraction = run(inputs, options, progress.document, prepare=_prepare)
            for problem in extraction.cross_problems:
                progress.problem(problem)
        problems = extraction.problems
        errors = sum(p.severity == "error" for p in problems)
        summary = provenance.Summary(
            documents=len(extraction.plans),
            datasets=extraction.dataset_count,
            errors=errors,
            warnings=len(problems) - errors,
            complete=all(plan.file_kind != "unknown" for plan in extraction.plans),
        )
        write_extraction(
            extraction,
            args.out,
            lambda tables: provenance.record(inputs, shaping, summary, tables),
        )
    if not args.quiet:
        print(
            f"wrote {extraction.dataset_count} datasets from {len(extraction.plans)} documents "
            f"({len(extraction.bilingual)} bilingual rows) "
            f"to {args.out}/ ({errors} errors, {len(problems) - errors} warnings)",
            file=sys.stderr,
        )
    return _exit_code(args, errors, len(problems) - errors)


def _schema(args: argparse.Namespace) -> int:
    from .schema_render import datapackage_json, schema_markdown  # loads pyarrow: only here

    if args.docs is None:
        sys.stdout.write(datapackage_json())
        return EXIT_OK
    args.docs.mkdir(parents=True, exist_ok=True)
    (args.docs / "schema.md").write_text(schema_markdown(), encoding="utf-8")
    (args.docs / "datapackage.json").write_text(datapackage_json(), encoding="utf-8")
    print(f"wrote {args.docs}/schema.md and {args.docs}/datapackage.json", file=sys.stderr)
    return EXIT_OK


def _debug(args: argparse.Namespace) -> int:
    if args.resolution not in RESOLUTIONS:
        raise UsageError(
            f"--resolution {args.resolution} is out of range: "
            f"use {RESOLUTIONS.start} to {RESOLUTIONS.stop - 1} dots per inch"
        )
    import logging

    from .debug import draw_page  # pdfplumber's drawing needs Pillow; load it only here

    # pdfminer logs font quirks of damaged PDFs; what matters reaches the user as problems.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    draw_page(args.pdf, args.page, args.out, resolution=args.resolution)
    print(f"wrote {args.out}", file=sys.stderr)
    return EXIT_OK


def _track(args: argparse.Namespace) -> int:
    from .tracking import load_snapshot, track_dir
    from .tracking.snapshots import parse_snapshot_arg

    snapshots = []
    for text in args.snapshots:
        path, date = parse_snapshot_arg(text)
        files = (
            sorted(p for p in path.iterdir() if p.suffix in (".csv", ".json", ".jsonl"))
            if path.is_dir()
            else [path]
        )
        snapshots += [load_snapshot(f, date) for f in files]
    result = track_dir(args.tables, snapshots, args.out, args.overrides)
    for problem in result.problems:
        print(f"{problem['severity']}: {problem['message']}", file=sys.stderr)
    statuses = [row["status"] for row in result.promises]
    print(
        f"tracked {len(statuses)} datasets against {len(snapshots)} snapshots: "
        f"{statuses.count('listed')} listed, {statuses.count('not_listed')} not listed, "
        f"{statuses.count('to_review')} to review; wrote promises, delivery and report.html "
        f"to {args.out or args.tables}/",
        file=sys.stderr,
    )
    return EXIT_OK


def _catalogue(args: argparse.Namespace) -> int:
    from .tracking.ckan import CkanClient, fetch_catalogue

    client = CkanClient(args.base_url)
    outcome = fetch_catalogue(client, args.out, workers=args.workers, limit=args.limit)
    print(
        f"{args.out}: {outcome.records} datasets, {len(outcome.failed)} failed"
        + ("" if outcome.complete else "; incomplete, run again to resume"),
        file=sys.stderr,
    )
    for name, reason in outcome.failed[:20]:
        print(f"failed: {name}: {reason}", file=sys.stderr)
    return EXIT_OK if outcome.complete else EXIT_PROBLEMS


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # pyarrow imports numpy, whose OpenBLAS starts a thread per core that spins for a while: ~0.1 s
    # of CPU taken from the workers, for linear algebra no command does. One thread is enough (a
    # value the user set is kept; it takes effect where numpy is not loaded yet).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = _parser(argv[0] if argv and argv[0] in _COMMANDS else None).parse_args(argv)
    handlers = {
        "extract": _extract,
        "schema": _schema,
        "debug": _debug,
        "track": _track,
        "catalogue": _catalogue,
    }
    try:
        return handlers[args.command](args)
    except PlanExtractError as error:
        print(f"plan-extract: {clip(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # the output folder or picture cannot be written
        where = error.filename or getattr(args, "out", "")
        print(f"plan-extract: cannot write {where}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("plan-extract: interrupted; the output folder was left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
