"""Write ``src/plan_extract/vocab/words.tsv``: the English words of the real DATA.GOV.HK catalogue,
and ``vocab/categories.tsv``: its categories.

The PDF reader uses it to tell a word Word broke mid-word in a narrow column ("Informatio" / "n",
"KM" / "L") from two words that happen to fill a line ("Commerce" / "and Industry"): the two
pieces are joined only when together they make a word of the catalogue and are not both words of
their own (see ``words.py``). The words come from the catalogue snapshots in ``raw/catalogue/``
(titles, descriptions, organisations, tags, categories, formats: the wording plans are written in)
and the format names of ``vocab/formats.tsv``; a word of one letter is left out (a broken word's
last piece is often one letter). The categories (the 2018 snapshot's Category column, the 2025
one's groups) tell structure that a category a page break cut ("City" / "Management" in a merged
cell) is one category. Run it again when a snapshot is added: ``python scripts/make_word_list.py``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "raw" / "catalogue"
VOCAB = ROOT / "src" / "plan_extract" / "vocab"
OUT = VOCAB / "words.tsv"
CATEGORIES = VOCAB / "categories.tsv"
_WORD = regex.compile(r"\p{Latin}{2,}")


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def catalogue_texts() -> Iterable[str]:
    for path in sorted(CATALOGUE.glob("*.json")):
        for dataset in json.loads(path.read_text("utf-8"))["datasets"]:
            for key in ("title", "notes", "organization", "tags", "groups", "formats"):
                yield from _texts(dataset.get(key))
    for path in sorted(CATALOGUE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield from (value for value in row.values() if value)
    with (VOCAB / "formats.tsv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
        yield from (line.split("\t")[0] for line in lines[1:])  # after the header line


def catalogue_categories() -> set[str]:
    found: set[str] = set()
    for path in sorted(CATALOGUE.glob("*.json")):
        for dataset in json.loads(path.read_text("utf-8"))["datasets"]:
            found.update(_texts(dataset.get("groups")))
    for path in sorted(CATALOGUE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            found.update(row["Category"] for row in csv.DictReader(handle) if row.get("Category"))
    return {category.strip() for category in found if category.strip()}


def write_categories() -> None:
    categories = sorted(catalogue_categories())
    lines = [
        "# The DATA.GOV.HK categories of the catalogue snapshots in raw/catalogue/ (the 2018",
        "# Category column, the 2025 groups). What tells structure that a category a page break",
        '# cut in a merged cell ("City" / "Management") is one. Generated: python',
        "# scripts/make_word_list.py",
        "category",
        *categories,
    ]
    CATEGORIES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{CATEGORIES.relative_to(ROOT)}: {len(categories)} categories")


def main() -> None:
    found = [w for text in catalogue_texts() for w in _WORD.findall(text)]
    in_lower_case = {w for w in found if w.islower()}
    words = sorted({w.casefold() for w in found})
    lines = [
        "# English words of the DATA.GOV.HK catalogue snapshots in raw/catalogue/ and the format",
        "# names of formats.tsv, folded to lower case; lower_case: whether the catalogue also writes",
        '# the word in lower case ("nt" in "Manageme" / "nt" is no word: the catalogue writes only',
        "# NT). What tells a word Word broke mid-word in a narrow column from two words",
        "# (words.py). Generated: python scripts/make_word_list.py",
        "word\tlower_case",
        *(f"{w}\t{'yes' if w in in_lower_case else 'no'}" for w in words),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} words")
    write_categories()


if __name__ == "__main__":
    main()
