"""Every catalogue frequency phrase and its Chinese twin (and the twin's Simplified form) agree."""

from __future__ import annotations

import csv
from pathlib import Path

import opencc
import pytest

from plan_extract.normalise.frequency import parse_frequency

TWINS = Path(__file__).parent / "fixtures" / "reference" / "frequency-twins.tsv"


def _twins() -> list[tuple[str, str]]:
    with TWINS.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [(row["english"].replace("\\n", "\n"), row["chinese"]) for row in rows]


def test_every_catalogue_phrase_has_a_twin() -> None:
    from test_frequency import CATALOGUE_EXPECTED

    assert {english for english, _ in _twins()} == set(CATALOGUE_EXPECTED)


@pytest.mark.parametrize(("english", "chinese"), _twins(), ids=lambda s: s[:30])
def test_twins_map_to_the_same_code(english: str, chinese: str) -> None:
    en, zh = parse_frequency(english), parse_frequency(chinese)
    assert en is not None and zh is not None, (english, chinese)
    assert zh.code == en.code
    assert sorted(p.frequency for p in zh.parts) == sorted(p.frequency for p in en.parts)
    hans = parse_frequency(opencc.OpenCC("t2s").convert(chinese))
    assert hans is not None
    # Agency names stay in the script they were published in; everything else is the same.
    assert (hans.code, hans.interval) == (zh.code, zh.interval)
    assert [(p.frequency, p.interval) for p in hans.parts] == [
        (p.frequency, p.interval) for p in zh.parts
    ]
