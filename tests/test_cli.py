"""The command line: exit codes, messages on stderr, help."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plan_extract.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-zh-hant" / "input"
SEED_TEXT = next(SEED.iterdir()).read_text("utf-8")


def test_clean_run_exits_0_and_reports_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(SEED), "--out", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "32 datasets" in captured.err


def test_problems_exit_1_and_the_rest_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert main(["extract", str(SEED), str(empty), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: {empty}: the file is empty" in err
    assert (out / "datasets.csv").read_text("utf-8-sig").count("\n") == 33


def test_quiet_prints_only_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    malformed = FIXTURES / "malformed-text" / "input"
    assert main(["extract", str(malformed), "--out", str(tmp_path), "--quiet"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)


def test_strict_makes_warnings_fatal(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    text = next(SEED.iterdir()).read_text("utf-8").replace("\n1.\t房屋", "\n這行不是資料\n1.\t房屋")
    plan.write_text(text, encoding="utf-8")
    assert main(["extract", str(plan), "--out", str(tmp_path / "a")]) == 0
    assert main(["extract", str(plan), "--out", str(tmp_path / "b"), "--strict"]) == 1


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("command", [[], ["extract"], ["schema"], ["debug"]])
def test_help_works(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plan_extract.cli", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "usage: plan-extract" in done.stdout


def test_schema_prints_the_datapackage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert '"primaryKey"' in capsys.readouterr().out


def test_unwritable_output_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["extract", str(SEED), "--out", str(blocker), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("plan-extract: cannot write")


def test_no_documents_is_a_usage_error_and_leaves_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SEED), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["extract", str(empty), "--out", str(out)]) == 2
    assert "no documents found" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_output_is_byte_identical_for_any_jobs_and_from_the_cache(tmp_path: Path) -> None:
    inputs = [
        str(FIXTURES / "bilingual-seed" / "input"),
        str(FIXTURES / "malformed-text" / "input"),
    ]
    runs = {
        "one": ["--jobs", "1", "--no-cache"],
        "two": ["--jobs", "2", "--cache-dir", str(tmp_path / "cache")],
        "cached": ["--jobs", "2", "--cache-dir", str(tmp_path / "cache")],
    }
    outputs = {}
    for name, flags in runs.items():
        main(["extract", *inputs, "--out", str(tmp_path / name), "--quiet", *flags])
        outputs[name] = {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
    assert outputs["one"] == outputs["two"] == outputs["cached"]
    assert len(list((tmp_path / "cache").rglob("*.json.gz"))) == 4


def test_a_second_run_into_the_same_output_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from plan_extract.write import output_lock

    with output_lock(tmp_path / "out"):
        assert main(["extract", str(SEED), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "another plan-extract run is writing" in err[0]
    assert not (tmp_path / "out").exists()


def test_ctrl_c_is_one_line_exit_130_and_the_output_is_untouched(tmp_path: Path) -> None:
    import signal
    import time

    import hostile

    out = tmp_path / "out"
    assert main(["extract", str(SEED), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # A text plan of many thousand rows: its worker is still busy when Ctrl-C comes.
    seed = next(SEED.iterdir()).read_text("utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text(seed + hostile.huge_line(8_000_000), encoding="utf-8")
    command = [sys.executable, "-m", "plan_extract.cli", "extract", str(slow), str(SEED)]
    process = subprocess.Popen(
        [*command, "--out", str(out), "--no-cache"], stderr=subprocess.PIPE, text=True
    )
    time.sleep(2)  # the worker is now reading the long plan
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip().splitlines()[-1].startswith("plan-extract: interrupted")
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("resolution", ["0", "5000"])
def test_debug_resolution_out_of_range_is_a_usage_error(
    resolution: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = next((FIXTURES / "seed-pdf-reportlab" / "input").iterdir())
    args = ["debug", str(pdf), "--out", str(tmp_path / "p.png"), "--resolution", resolution]
    assert main(args) == 2
    assert "--resolution" in capsys.readouterr().err
    assert not (tmp_path / "p.png").exists()


@pytest.mark.parametrize("flag", ["--jobs=0", "--timeout=-1", "--max-memory=lots"])
def test_bad_run_limits_are_usage_errors(flag: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(SEED), "--out", str(tmp_path), flag])
    assert exit_info.value.code == 2


def test_a_long_message_is_cut_on_the_terminal_and_in_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.txt"
    text = SEED_TEXT.replace("\n1.\t房屋", "\n" + "這行不是資料" * 200 + "\n1.\t房屋", 1)
    plan.write_text(text, encoding="utf-8")
    main(["extract", str(plan), "--out", str(tmp_path / "out")])
    (line,) = [ln for ln in capsys.readouterr().err.splitlines() if "not understood" in ln]
    assert len(line) < 300 and "…" in line
    table = (tmp_path / "out" / "problems.csv").read_text("utf-8-sig")
    # problems.text keeps the first thousand characters of the offending text, the message 400
    assert "這行不是資料" * 160 in table and "這行不是資料" * 200 not in table


def test_progress_bar_on_a_terminal_and_lines_otherwise() -> None:
    import io

    from plan_extract.pipeline import extract
    from plan_extract.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    documents = extract([FIXTURES / "bilingual-seed" / "input"]).documents * 4
    for stream, expect_bar in ((Terminal(), True), (io.StringIO(), False)):
        with Progress(len(documents), quiet=False, stream=stream) as progress:
            for document in documents:
                progress.document(document)
        output = stream.getvalue()
        assert ("12/12" in output) is expect_bar
        assert (output.count("32 datasets") == 12) is not expect_bar


def test_readme_documents_every_extract_option() -> None:
    from plan_extract.cli import _parser

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    extract_parser = _parser()._subparsers._group_actions[0].choices["extract"]  # type: ignore[union-attr]
    options = [o for a in extract_parser._actions for o in a.option_strings if o.startswith("--")]
    options.remove("--help")
    assert "--jobs" in options
    for option in options:
        assert option in readme, option


def test_a_command_parsed_alone_has_the_whole_command_lines_arguments() -> None:
    """A run builds only its command's parser: the same arguments as in the whole command line,
    whose help lists every command."""
    from plan_extract.cli import _COMMANDS, _parser

    def arguments(parser: argparse.ArgumentParser, command: str) -> list[tuple[str, ...]]:
        sub = parser._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
        return [(a.dest, *a.option_strings) for a in sub._actions]

    whole = _parser()
    for command in _COMMANDS:
        alone = _parser(command)
        assert list(alone._subparsers._group_actions[0].choices) == [command]  # type: ignore[union-attr]
        assert arguments(alone, command) == arguments(whole, command)
    assert all(command in whole.format_help() for command in _COMMANDS)


def test_help_is_as_wide_as_columns_says(monkeypatch: pytest.MonkeyPatch) -> None:
    from plan_extract.cli import _parser

    for columns in (50, 120):
        monkeypatch.setenv("COLUMNS", str(columns))
        lines = _parser().format_help().splitlines()
        assert max(map(len, lines)) <= columns - 2 < max(map(len, lines)) + 12


def test_input_text_echoed_in_problems_is_cut(tmp_path: Path) -> None:
    from plan_extract.pipeline import extract

    plan = tmp_path / "plan.txt"
    long_line = "這行不是資料" * 5000
    text = next(SEED.iterdir()).read_text("utf-8").replace("\n1.\t房屋", f"\n{long_line}\n1.\t房屋")
    plan.write_text(text, encoding="utf-8")
    (problem,) = [p for p in extract([plan]).problems if p.code == "unparsed_line"]
    assert len(problem.message) < 600 and problem.message.count("這行不是資料") < 70
    assert problem.text is not None and len(problem.text) == 1000 and problem.text.endswith("…")


@pytest.mark.parametrize(("given", "kept"), [(None, "1"), ("3", "3")])
def test_numpy_gets_one_blas_thread_unless_the_user_says(
    given: str | None, kept: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pyarrow loads numpy in the process that writes; OpenBLAS's threads would spin on every core
    # the workers use. Set before anything loads numpy: the schema command loads pyarrow.
    if given is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", given)
    assert main(["schema"]) == 0
    assert os.environ["OPENBLAS_NUM_THREADS"] == kept
