"""OUT/provenance.json: what an output was made from, and a re-run over an unchanged corpus that
answers at once without touching the output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan_extract.cli import main
from plan_extract.inputs import collect_inputs
from plan_extract.provenance import FILE, FORMAT, current, known_digests, load

FIXTURES = Path(__file__).parent / "fixtures"
SEED = next((FIXTURES / "seed-zh-hant" / "input").iterdir())
WORD_PDF = next((FIXTURES / "seed-pdf-word" / "input").glob("*.pdf"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(WORD_PDF, folder / "b.pdf")
    return folder


def _extract(corpus: Path, out: Path, *flags: str) -> int:
    return main(["extract", str(corpus), "--out", str(out), "--jobs", "1", *flags])


def _stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir()}


def test_the_record_names_every_input_the_extractor_and_the_counts(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    record = json.loads((out / FILE).read_text("utf-8"))
    inputs = collect_inputs([corpus])
    assert [entry["sha256"] for entry in record["inputs"]] == [i.sha256 for i in inputs]
    assert [entry["path"] for entry in record["inputs"]] == [str(i.path) for i in inputs]
    assert record["options"] == {"reader": "pdfium", "max_file_size": 100 * 2**20}
    assert record["summary"]["documents"] == 2 and record["summary"]["complete"] is True
    datasets = json.loads((out / "datasets.json").read_text("utf-8"))
    assert record["summary"]["datasets"] == len(datasets) > 0
    assert set(record["tables"]) == {p.name for p in out.iterdir()} - {FILE}


def test_an_unchanged_corpus_is_answered_without_writing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    before = _stamps(out)
    capsys.readouterr()
    assert _extract(corpus, out) == 0
    assert "is up to date: 2 documents unchanged" in capsys.readouterr().err
    assert _stamps(out) == before


def test_the_exit_code_and_errors_of_the_run_are_kept(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = SEED.read_text("utf-8").splitlines(keepends=True)
    twice = next(n for n, line in enumerate(lines) if line.startswith("2.\t"))
    (corpus / "a.txt").write_text("".join([*lines[: twice + 1], *lines[twice:]]), "utf-8")
    out = tmp_path / "out"
    assert _extract(corpus, out, "--quiet") == 1  # item 2 twice: an error
    capsys.readouterr()
    assert _extract(corpus, out, "--quiet") == 1
    err = capsys.readouterr().err  # errors are never silent, even with --quiet
    assert "is up to date" in err and "1 errors" in err and "problems.csv" in err


def test_strict_applies_to_the_kept_warnings(corpus: Path, tmp_path: Path) -> None:
    text = SEED.read_text("utf-8").replace("\n1.\t房屋", "\n這行不是資料\n1.\t房屋")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    assert json.loads((out / FILE).read_text("utf-8"))["summary"]["warnings"] > 0
    assert _extract(corpus, out, "--strict") == 1
    assert _extract(corpus, out) == 0


@pytest.mark.parametrize(
    "change",
    ["edit a file", "add a file", "remove a file", "delete a table", "other reader", "no cache"],
)
def test_anything_that_changes_the_output_extracts_again(
    change: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    flags: list[str] = []
    if change == "edit a file":
        (corpus / "a.txt").write_text(SEED.read_text("utf-8") + "\n", encoding="utf-8")
    elif change == "add a file":
        shutil.copy(FIXTURES / "seed-pdf-reportlab" / "input" / WORD_PDF.name, corpus / "c.pdf")
    elif change == "remove a file":
        (corpus / "b.pdf").unlink()
    elif change == "delete a table":
        (out / "plans.csv").unlink()
    elif change == "other reader":
        flags = ["--reader", "pdfplumber"]
    else:
        flags = ["--no-cache"]
    capsys.readouterr()
    assert _extract(corpus, out, *flags) == 0
    err = capsys.readouterr().err
    assert "up to date" not in err and "wrote " in err
    assert (out / "plans.csv").exists()


def test_a_document_that_could_not_be_read_is_tried_again(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert _extract(corpus, out) == 1
    assert json.loads((out / FILE).read_text("utf-8"))["summary"]["complete"] is False
    capsys.readouterr()
    assert _extract(corpus, out) == 1
    assert "up to date" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{",
        '{"format": 1}',
        '{"format": 2}',
        '{"format": 2, "summary": {"documents": "x"}}',
        '{"format": 2, "summary": {"documents": "x", "datasets": 1, "errors": 0, "warnings": 0,'
        ' "complete": true}}',
        "[1, 2]",
    ],
)
def test_a_missing_or_damaged_record_means_extract(
    damage: str, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    (out / FILE).write_text(damage, encoding="utf-8")
    inputs = collect_inputs([corpus])
    assert (
        current(load(out), out, inputs, {"reader": "pdfium", "max_file_size": 100 * 2**20}) is None
    )
    assert _extract(corpus, out) == 0
    assert json.loads((out / FILE).read_text("utf-8"))["format"] == FORMAT


def test_a_record_that_is_not_a_regular_file_is_not_read(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    (out / FILE).unlink()
    os.mkfifo(out / FILE)  # reading it would block for ever
    assert (
        current(load(out), out, collect_inputs([corpus]), {"reader": "pdfium", "max_file_size": 1})
        is None
    )


def test_the_answer_loads_nothing_it_does_not_use(corpus: Path, tmp_path: Path) -> None:
    """Neither the pipeline nor pyarrow; nor typing, dataclasses or shutil (each a few
    milliseconds of an answer that takes forty)."""
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    check = (
        "import sys\n"
        "from plan_extract.cli import main\n"
        f"code = main(['extract', {str(corpus)!r}, '--out', {str(out)!r}])\n"
        "heavy = [m for m in ('plan_extract.pipeline', 'pyarrow', 'pypdfium2', 'pandas')"
        " if m in sys.modules]\n"
        "heavy += [m for m in ('typing', 'dataclasses', 'shutil') if m in sys.modules]\n"
        "assert code == 0 and not heavy, (code, heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "is up to date" in done.stderr


def test_a_record_listing_a_path_outside_out_is_not_current(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    record = json.loads((out / FILE).read_text("utf-8"))
    options = {"reader": "pdfium", "max_file_size": 100 * 2**20}
    assert current(load(out), out, collect_inputs([corpus]), options) is not None
    record["tables"] = [*record["tables"], "../plans/a.txt"]  # exists, but not in OUT
    (out / FILE).write_text(json.dumps(record), encoding="utf-8")
    assert current(load(out), out, collect_inputs([corpus]), options) is None


def test_an_unchanged_file_is_not_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record keeps each file's stamp (size, times, inode): a re-run takes the SHA-256 of a
    file whose stamp is unchanged instead of reading it, hashes a changed or just-written file,
    and a file touched but not changed is still the same input."""
    import plan_extract.inputs as inputs_module

    out = tmp_path / "out"
    assert _extract(corpus, out) == 0
    record = load(out)
    assert record is not None
    assert known_digests(record) == {}  # written moments before the run: not trusted
    monkeypatch.setattr(inputs_module, "RACY", -(60 * 10**9))  # as if written a minute before
    assert _extract(corpus, out, "--no-cache") == 0
    record = load(out)
    assert record is not None
    known = known_digests(record)
    assert sorted(Path(p).name for p in known) == ["a.txt", "b.pdf"]
    hashed: list[str] = []
    real = inputs_module.file_sha256

    def counting(path: Path, limit: int) -> str:
        hashed.append(path.name)
        return real(path, limit)

    monkeypatch.setattr(inputs_module, "file_sha256", counting)
    assert collect_inputs([corpus], known=known) == collect_inputs([corpus], known=known)
    assert hashed == []
    options = {"reader": "pdfium", "max_file_size": 100 * 2**20}
    os.utime(corpus / "b.pdf")  # touched, not changed: hashed again, and the same input
    touched = collect_inputs([corpus], known=known)
    assert hashed == ["b.pdf"] and current(record, out, touched, options) is not None
    hashed.clear()
    with (corpus / "a.txt").open("a", encoding="utf-8") as plan:
        plan.write("\n")  # changed: its stamp differs
    changed = collect_inputs([corpus], known=known)
    assert hashed == ["a.txt", "b.pdf"] and changed[0].sha256 != known[str(corpus / "a.txt")][1]
    assert current(record, out, changed, {"reader": "pdfium", "max_file_size": 100 * 2**20}) is None
