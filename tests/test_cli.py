"""The command line: exit codes, messages on stderr, help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plan_extract.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-zh-hant" / "input"


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
