"""Catalogue snapshots: what DATA.GOV.HK listed on one date, whatever shape the file is in.

Four shapes are read into one :class:`Snapshot` of :class:`CatalogueEntry` records:

- the 2018 scrape (CSV: Category, Name, Organization, Data Format, Update Frequency, …);
- a ``package_search`` crawl (``{"datasets": [...]}``, flattened records as in the 2025 file);
- the raw ``package_search`` API envelope (``{"result": {"results": [...]}}``);
- ``package_show`` records as JSON lines (what ``plan-extract catalogue fetch`` writes), optionally
  bilingual with the Traditional Chinese title and organisation under ``locales.tc``.

A snapshot is all or nothing: a malformed line, a truncated file or a fetch that never finished is a
:class:`SnapshotError` naming the file and the place, never a half-read catalogue.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..errors import PlanExtractError
from ..normalise.text import clean
from ..vocab import load_table

DATASET_PAGE = "https://data.gov.hk/en-data/dataset/{name}"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_CSV_COLUMNS = ("Category", "Name", "Organization", "Data Format", "Update Frequency")
SNAPSHOT_HEADER = "_snapshot"
SNAPSHOT_END = "_snapshot_end"


class SnapshotError(PlanExtractError):
    """A catalogue snapshot cannot be read completely."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One dataset as a snapshot lists it. ``catalogue_id`` is the CKAN name (slug); the 2018 scrape
    has none, so there it is the English title."""

    catalogue_id: str
    title_en: str | None
    title_zh: str | None
    organisation_en: str | None
    organisation_zh: str | None
    formats: tuple[str, ...]
    update_frequency_raw: str | None
    date_published: str | None  # earliest resource datePublished (YYYY-MM-DD), package_show only
    url: str | None


@dataclass(frozen=True)
class Snapshot:
    date: str  # YYYY-MM-DD: the day the catalogue was read
    source: str  # the file it was read from
    shape: str  # scrape_csv, package_search, package_search_api, package_show
    entries: tuple[CatalogueEntry, ...]

    @cached_property
    def by_organisation(self) -> dict[str, list[CatalogueEntry]]:
        """Entries per organisation id (either language's name), built once: matching's blocks."""
        from .organisations import organisation_id

        index: dict[str, list[CatalogueEntry]] = {}
        for entry in self.entries:
            ids = {organisation_id(entry.organisation_en), organisation_id(entry.organisation_zh)}
            for org in ids - {None}:
                index.setdefault(str(org), []).append(entry)
        return index


# --- formats --------------------------------------------------------------------------------------


@cache
def _format_names() -> dict[str, str]:
    return {row["alias"].casefold(): row["canonical"] for row in load_table("formats")}


def canonical_formats(values: Iterable[str | None]) -> tuple[str, ...]:
    """Format names of the formats vocabulary, in order, no repeats ("JSON/XML", "XML x14", "xls").

    A name the vocabulary does not know is kept upper-cased: a catalogue's format is evidence."""
    out: list[str] = []
    for value in values:
        for token in re.split(r"[/,|;]+|\s+x\d+\b|\s+", value or ""):
            token = token.strip().strip(".")
            if token:
                name = _format_names().get(token.casefold(), token.upper())
                if name not in out:
                    out.append(name)
    return tuple(out)


# --- shapes ---------------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return clean(value) or None if isinstance(value, str) else None


def _from_scrape_row(row: Mapping[str, str]) -> CatalogueEntry:
    title = _text(row.get("Name"))
    return CatalogueEntry(
        catalogue_id=title or "",
        title_en=title,
        title_zh=None,
        organisation_en=_text(row.get("Organization")),
        organisation_zh=None,
        formats=canonical_formats([row.get("Data Format")]),
        update_frequency_raw=_text(row.get("Update Frequency")),
        date_published=None,
        url=None,
    )


def _organisation(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return _text(value.get("title")) or _text(value.get("name"))
    return _text(value)


def _resource_formats(record: Mapping[str, Any]) -> list[str | None]:
    if isinstance(record.get("formats"), list):
        return [f for f in record["formats"] if isinstance(f, str)]
    return [r.get("format") for r in record.get("resources") or [] if isinstance(r, Mapping)]


def _date_published(record: Mapping[str, Any]) -> str | None:
    dates = [
        str(r["datePublished"])[:10]
        for r in record.get("resources") or []
        if isinstance(r, Mapping) and re.match(r"\d{4}-\d{2}-\d{2}", str(r.get("datePublished")))
    ]
    return min(dates) if dates else None


def _extra(record: Mapping[str, Any], key: str) -> str | None:
    """A CKAN ``extras`` value (``[{"key": …, "value": …}]``), where a portal keeps custom fields."""
    for extra in record.get("extras") or []:
        if isinstance(extra, Mapping) and extra.get("key") == key:
            return _text(extra.get("value"))
    return None


def _from_ckan(record: Mapping[str, Any]) -> CatalogueEntry:
    """A package_search result or package_show record (flattened crawl or API shape)."""
    name = _text(record.get("name")) or _text(record.get("id"))
    if not name:
        raise ValueError("a record has neither name nor id")
    tc = (record.get("locales") or {}).get("tc") or {}
    return CatalogueEntry(
        catalogue_id=name,
        title_en=_text(record.get("title")),
        title_zh=_text(tc.get("title")),
        organisation_en=_organisation(record.get("organization")),
        organisation_zh=_organisation(tc.get("organization")),
        formats=canonical_formats(_resource_formats(record)),
        update_frequency_raw=_text(record.get("update_frequency"))
        or _extra(record, "update_frequency"),
        date_published=_date_published(record),
        url=_text(record.get("package_url")) or DATASET_PAGE.format(name=name),
    )


# --- files ----------------------------------------------------------------------------------------


def _read_csv(text: str, path: Path) -> list[CatalogueEntry]:
    reader = csv.DictReader(io.StringIO(text), strict=True)
    try:
        missing = [c for c in _CSV_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise SnapshotError(f"{path}: not a catalogue CSV, columns {missing} are missing")
        entries = []
        for number, row in enumerate(reader, start=2):
            if None in row or any(row.get(c) is None for c in _CSV_COLUMNS):
                raise SnapshotError(
                    f"{path}: record {number} has the wrong number of cells (truncated?)"
                )
            entries.append(_from_scrape_row(row))
    except csv.Error as error:
        raise SnapshotError(
            f"{path}: near line {reader.line_num + 1}: {error} (truncated?)"
        ) from None
    return entries


def _read_json(data: Any, path: Path) -> tuple[str, list[Any]]:
    if isinstance(data, Mapping) and isinstance(data.get("datasets"), list):
        return "package_search", data["datasets"]
    result = data.get("result") if isinstance(data, Mapping) else None
    if isinstance(result, Mapping) and isinstance(result.get("results"), list):
        count = result.get("count")
        if isinstance(count, int) and count > len(result["results"]):
            raise SnapshotError(
                f"{path}: one page of {len(result['results'])} of {count} results; "
                "save every page (or use `plan-extract catalogue fetch`)"
            )
        return "package_search_api", result["results"]
    raise SnapshotError(f"{path}: JSON is neither {{'datasets': [...]}} nor a package_search reply")


def _read_json_lines(text: str, path: Path) -> tuple[dict[str, Any], list[Any]]:
    header: dict[str, Any] = {}
    records: list[Any] = []
    end: dict[str, Any] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise SnapshotError(
                f"{path}: line {number} is not JSON ({error.msg}); the file is damaged or truncated"
            ) from None
        if isinstance(value, Mapping) and SNAPSHOT_HEADER in value:
            header = dict(value[SNAPSHOT_HEADER])
        elif isinstance(value, Mapping) and SNAPSHOT_END in value:
            end = dict(value[SNAPSHOT_END])
        else:
            records.append(value)
    if header and end is None:
        raise SnapshotError(
            f"{path}: the fetch did not finish ({len(records)} records, no end marker); "
            "run `plan-extract catalogue fetch` again with the same --out to resume"
        )
    if end is not None and end.get("records") != len(records):
        raise SnapshotError(f"{path}: {len(records)} records but the end marker says {end}")
    return header, records


def snapshot_date(path: Path, given: str | None = None) -> str | None:
    """The date given (FILE@YYYY-MM-DD), or the first YYYY-MM-DD in the file name."""
    if given:
        return given
    m = _DATE_IN_NAME.search(path.name)
    return m.group(1) if m else None


def load_snapshot(path: Path, date: str | None = None) -> Snapshot:
    """Read one snapshot file of any supported shape; ``date`` overrides the date in its name."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SnapshotError(f"{path}: cannot be read ({error})") from None
    if not text.strip():
        raise SnapshotError(f"{path}: the file is empty")
    header: dict[str, Any] = {}
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        shape, entries = "scrape_csv", _read_csv(text, path)
    else:
        try:
            whole = None if path.suffix == ".jsonl" else json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if whole is None or (isinstance(whole, Mapping) and "name" in whole):
            header, records = _read_json_lines(text, path)  # one record a line
            shape = "package_show"
        else:
            shape, records = _read_json(whole, path)
        entries = _ckan_entries(records, path)
    when = date or header.get("date") or snapshot_date(path)
    if not when or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(when)):
        raise SnapshotError(
            f"{path}: no snapshot date; name it …YYYY-MM-DD… or pass FILE@YYYY-MM-DD"
        )
    return Snapshot(str(when), str(path), shape, tuple(entries))


def _ckan_entries(records: list[Any], path: Path) -> list[CatalogueEntry]:
    entries = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            raise SnapshotError(f"{path}: record {number} is not an object")
        try:
            entries.append(_from_ckan(record))
        except (ValueError, AttributeError, TypeError) as error:
            raise SnapshotError(f"{path}: record {number}: {error}") from None
    return entries


def parse_snapshot_arg(text: str) -> tuple[Path, str | None]:
    """``FILE`` or ``FILE@YYYY-MM-DD`` (the command line's way to date a file named otherwise)."""
    m = re.fullmatch(r"(?P<path>.+)@(?P<date>\d{4}-\d{2}-\d{2})", text)
    return (Path(m.group("path")), m.group("date")) if m else (Path(text), None)
