"""Which files a run reads (bounds checked before anything is opened), and outputs replaced whole."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from plan_extract import inputs as inputs_module
from plan_extract.inputs import InputFile, Rejected, collect_inputs, parse_size
from plan_extract.pipeline import extract
from plan_extract.write import OutputLockedError, output_lock, replace_folder

SEED = next((Path(__file__).parent / "fixtures" / "seed-zh-hant" / "input").iterdir())


def _codes(items: list[InputFile | Rejected]) -> list[tuple[str, str]]:
    return [(i.path.name, i.code if isinstance(i, Rejected) else "") for i in items]


def test_fifo_and_device_are_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)  # opening it for reading would block forever
    items = collect_inputs([fifo, Path("/dev/zero")])
    assert _codes(items) == [("plan.fifo", "not_a_regular_file"), ("zero", "not_a_regular_file")]
    assert "named pipe" in items[0].detail and "character device" in items[1].detail  # type: ignore[union-attr]


def test_fifo_inside_a_folder_is_refused_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.fifo")
    shutil.copy(SEED, tmp_path / "b.txt")
    extraction = extract([tmp_path])
    assert [p.code for p in extraction.problems] == ["not_a_regular_file"]
    assert len(extraction.datasets) == 32


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "plan.txt")
    (item,) = collect_inputs([tmp_path], max_file_size=1000)
    assert isinstance(item, Rejected) and item.code == "file_too_large"
    assert "over the limit of 1000 bytes" in item.detail


def test_symlink_loops_are_reported_and_links_followed_once(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(SEED, tmp_path / "plans" / "plan.txt")
    (tmp_path / "plans" / "again").symlink_to(tmp_path / "plans")  # a folder inside itself
    (tmp_path / "self").symlink_to(tmp_path / "self")  # a link to itself
    items = collect_inputs([tmp_path])
    assert _codes(items) == [("again", "symlink_loop"), ("plan.txt", ""), ("self", "symlink_loop")]


def test_unreadable_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    shutil.copy(SEED, tmp_path / "plan.txt")
    real_scandir = os.scandir

    def scandir(path: Path) -> object:  # chmod 000 does not stop root, so refuse by hand
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs_module.os, "scandir", scandir)
    items = collect_inputs([tmp_path])
    assert _codes(items) == [("locked", "folder_unreadable"), ("plan.txt", "")]


def test_same_file_named_twice_is_one_document(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    shutil.copy(SEED, plan)
    (tmp_path / "link.txt").symlink_to(plan)
    items = collect_inputs([plan, tmp_path, tmp_path / "link.txt"])
    assert _codes(items) == [("plan.txt", "")]


def test_identical_copies_are_extracted_once_with_a_warning(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
    extraction = extract([tmp_path])
    assert [p.plan_id for p in extraction.plans] == ["a"]
    assert len(extraction.datasets) == 32
    (warning,) = extraction.problems
    assert warning.code == "duplicate_file" and warning.severity == "warning"
    assert str(tmp_path / "b.txt") in warning.message
    assert extraction.plans[0].warnings == 1


@pytest.mark.parametrize(
    ("text", "size"), [("100M", 100 * 2**20), ("1G", 2**30), ("1.5GiB", 3 * 2**29), ("512", 512)]
)
def test_sizes_are_read_with_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "M", "-1", "0", "ten", "inf"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_size(text)


def _fill(files: dict[str, str]) -> Callable[[Path], None]:
    def fill(folder: Path) -> None:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")

    return fill


def test_output_is_replaced_whole_and_user_files_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ours = frozenset({"a.csv", "b.csv"})
    replace_folder(out, _fill({"a.csv": "old a", "b.csv": "old b"}), ours)
    (out / "README.md").write_text("mine", encoding="utf-8")
    replace_folder(out, _fill({"a.csv": "new a"}), ours)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "a.csv"]
    assert (out / "a.csv").read_text("utf-8") == "new a"
    assert (out / "README.md").read_text("utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing left beside it


def test_a_failure_while_writing_leaves_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ours = frozenset({"a.csv", "b.csv"})
    replace_folder(out, _fill({"a.csv": "old a", "b.csv": "old b"}), ours)

    def half(folder: Path) -> None:
        (folder / "a.csv").write_text("new a", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        replace_folder(out, half, ours)
    assert {p.name: p.read_text("utf-8") for p in out.iterdir()} == {
        "a.csv": "old a",
        "b.csv": "old b",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_run_into_the_same_output_fails_at_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = pytest.raises(OutputLockedError, match="another plan-extract run")
    with output_lock(out), refused, output_lock(out):
        pass
    with output_lock(out):  # released: the next run goes ahead
        pass


def test_leftovers_of_a_killed_run_are_removed_under_the_lock(tmp_path: Path) -> None:
    leftover = tmp_path / ".out.new-abc123"
    leftover.mkdir()
    (leftover / "datasets.csv").write_text("half", encoding="utf-8")
    with output_lock(tmp_path / "out"):
        assert not leftover.exists()
