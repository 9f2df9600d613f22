"""The output schema, defined once. The pyarrow schema, datapackage.json, the CSV column order and
docs/schema.md are all generated from these definitions (:mod:`plan_extract.schema_render`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .normalise.dates import PRECISIONS
from .normalise.frequency import frequency_codes
from .problems import problem_types

FieldType = Literal["string", "integer", "number", "yearmonth", "list", "array"]


@dataclass(frozen=True)
class Column:
    """One column: its type, what it means, and the constraints every value meets."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    # For "array" columns (lists of objects): the objects' keys and their types.
    item_fields: tuple[tuple[str, FieldType], ...] = ()
    example: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    sort_key: tuple[str, ...] = field(default=())

    @cached_property
    def column_names(self) -> tuple[str, ...]:
        """(Computed once: writing asks for every row.)"""
        return tuple(c.name for c in self.columns)


LANGUAGES = ("zh-Hant", "zh-Hans", "en")
YEAR_MONTH = r"\d{4}-(?:0[1-9]|1[0-2])"
SECTIONS = ("A", "B", "C", "D")

_PLAN_ID = Column(
    "plan_id",
    "string",
    "Identifier of the plan document: its file name without the suffix.",
    required=True,
    example="ogcio-2018-annual-open-data-plan.zh-hant",
)
_SOURCE_FILE = Column("source_file", "string", "Path of the input file, as given.", required=True)

DATASETS = Table(
    name="datasets",
    title="Datasets promised or released",
    description="One row per dataset listed in a plan's tables (sections A–D).",
    primary_key=("plan_id", "row_no"),
    sort_key=("plan_id", "row_no"),
    columns=(
        _PLAN_ID,
        Column(
            "row_no",
            "integer",
            "Position of the dataset in its document (1-based, in reading order). With plan_id the "
            "key of the row: item numbers can repeat or be missing in a plan, positions cannot.",
            required=True,
        ),
        _SOURCE_FILE,
        Column("source_page", "integer", "First PDF page of the row (1-based); null for text."),
        Column("source_line", "integer", "First line of the row in a text file; null for PDF."),
        Column(
            "source_bbox",
            "array",
            "The row's box on each PDF page it spans, in PDF points from the page's top-left; "
            "null for text.",
            item_fields=(
                ("page", "integer"),
                ("x0", "number"),
                ("top", "number"),
                ("x1", "number"),
                ("bottom", "number"),
            ),
        ),
        Column("language", "string", "Language of the plan (BCP 47).", enum=LANGUAGES),
        Column(
            "plan_year", "integer", "Year of the plan, from its title (「2018年年度開放數據計劃」)."
        ),
        Column("department", "string", "Bureau or department that published the plan."),
        Column(
            "department_id",
            "string",
            "Stable id of the department in any language (vocab/departments.tsv); null if not "
            "listed there.",
        ),
        Column(
            "section",
            "string",
            "A: to be released next year; B: in the two years after; C: planned by other "
            "organisations; D: progress, already on DATA.GOV.HK.",
            enum=SECTIONS,
        ),
        Column("section_title", "string", "Title of the section as published, without its letter."),
        Column(
            "organisation_no",
            "integer",
            "0 for the department itself; the number of a section C organisation ((1), (2), …).",
            required=True,
        ),
        Column(
            "organisation",
            "string",
            "Who releases the dataset: the department, or the section C organisation.",
        ),
        Column(
            "organisation_abbr", "string", "Abbreviation the plan defines (「（下稱「資科辦」）」)."
        ),
        Column(
            "item_no",
            "integer",
            "Item number within the section (and organisation): the number the printed label "
            "stands for (1., (1), 1), （一）, 一、, A1, A-1, (iv) → 1, 1, 1, 1, 1, 1, 1, 4), or, where "
            "the table prints no item numbers, the row's order in its section and organisation "
            "(plans.item_numbering says which).",
        ),
        Column(
            "item_label",
            "string",
            "The item label as printed (「1.」, '(iv)', 'A-1'); null where the table has no item "
            "column.",
        ),
        Column(
            "category",
            "string",
            "Data category: the category column, or the part of a combined category／name cell "
            "before the first 「／」 or ' / ', or the category a grouping row above gives the row, "
            "or a vertically merged cell spanning it (its text above the row, or after a page "
            "break where Word moved it there).",
        ),
        Column(
            "dataset_name",
            "string",
            "Dataset name as published (wraps joined, footnote markers removed); a separate name "
            "column is never split. Null only for a row with no name at all (a name_missing error).",
        ),
        Column(
            "name_key",
            "string",
            "Matching key of the name: NFKC, OpenCC standard Traditional script (so 為 is 爲), Hong Kong and Taiwan variants unified "
            "(綫/線, 衞/衛, 裏/裡, 温/溫), no spaces or punctuation, Latin lower-cased; null with "
            "dataset_name.",
        ),
        Column(
            "release_month",
            "yearmonth",
            "Target release month (sections A–C) or actual release month (D): the month the "
            "promise falls due, i.e. the last month of the period the plan names (see "
            "release_precision). Empty when the plan says 'to be confirmed'.",
            pattern=YEAR_MONTH,
            example="2019-04",
        ),
        Column("release_month_raw", "string", "Release date as published (04/2019, 2019年4月…)."),
        Column(
            "release_precision",
            "string",
            "How exact the plan was about the release date. release_month is the last month of the "
            "period the plan names: day (31.12.2020, 2020年12月31日 → 2020-12), month (04/2019, "
            "Dec-20, 2019年4月), quarter (Q2 2020 → 2020-06, 二〇二〇年第三季 → 2020-09; also early → "
            "March, mid-year/年中 → June, end/late/年底 → December), half (H1/上半年 → June, "
            "H2/下半年 → December), year (2020, Within 2020, 2020年內 → 2020-12), unknown ('To be "
            "confirmed', TBC, 待定: release_month empty, not a problem). 'By …', 「…或之前」 and "
            "other qualifiers do not change the month; a period without a year (年底, Mid-year) "
            "takes the year of its section when the section's title names exactly one. Empty when "
            "the cell is empty or the date was not understood (a date_unparsed problem).",
            enum=PRECISIONS,
            example="quarter",
        ),
        Column(
            "update_frequency",
            "string",
            "Update frequency, one code of the frequency vocabulary below.",
            required=True,
            enum=tuple(frequency_codes()),
        ),
        Column(
            "update_interval",
            "string",
            "ISO 8601 repeating duration where the frequency is periodic (R/P1M, R/P6M, R/PT12H).",
            pattern=r"R/P(?:\d+(?:\.\d+)?[YMWD]|T\d+(?:\.\d+)?[HMS])",
        ),
        Column("update_frequency_raw", "string", "Update frequency as published."),
        Column(
            "update_frequency_parts",
            "array",
            "Where agencies (or parts of the dataset) have their own frequencies: one object per "
            "agency with its frequency code and interval; empty otherwise. JSON text in CSV.",
            item_fields=(("agency", "string"), ("frequency", "string"), ("interval", "string")),
        ),
        Column(
            "formats",
            "list",
            "Formats, canonical names in printed order: a formats column ('CSV, JSON', 「XLSX及CSV」), "
            "then the remarks' annotation ((JSON及XML) → JSON, XML); '|'-joined in CSV.",
        ),
        Column(
            "description",
            "string",
            "The description column; where there is none, the remarks without the format "
            "annotation and the note.",
        ),
        Column(
            "note",
            "string",
            "Notes, joined by '; ': text after 註：/注：/備註：/Note: in any cell (without the label), "
            "the remarks' text where a description column exists, then the footnotes printed under "
            "the table for the markers (*, #, †, ¹, 註1…) the row carries.",
        ),
        Column("remarks_raw", "string", "Remarks cell as published (wraps joined)."),
        Column(
            "other_columns",
            "array",
            "Cells of columns whose header label is not in the vocabulary (an unknown_column "
            "warning names each): label and text, so nothing printed is dropped. JSON text in CSV.",
            item_fields=(("label", "string"), ("text", "string")),
        ),
    ),
)

PLANS = Table(
    name="plans",
    title="Plan documents",
    description="One row per input document that was read, with row counts and problem counts.",
    primary_key=("plan_id",),
    sort_key=("plan_id",),
    columns=(
        _PLAN_ID,
        _SOURCE_FILE,
        Column(
            "sha256",
            "string",
            "SHA-256 of the input file; null for a path that was never read (a FIFO, a device, a "
            "missing or unreadable file: its problem says why).",
        ),
        Column("file_kind", "string", "How the file was read.", enum=("text", "pdf", "unknown")),
        Column("encoding", "string", "Text encoding found (text files only)."),
        Column("department", "string", "Bureau or department that published the plan."),
        Column("department_abbr", "string", "Its abbreviation, as the plan defines it."),
        Column(
            "department_id",
            "string",
            "Stable id of the department (vocab/departments.tsv), the same for every language "
            "version of its plans; null for a department not listed there.",
        ),
        Column("plan_year", "integer", "Year of the plan, from its title."),
        Column("language", "string", "Language of the plan (BCP 47).", enum=LANGUAGES),
        Column("title", "string", "Title line as published."),
        Column("pages", "integer", "Number of pages (PDF only)."),
        Column(
            "item_numbering",
            "string",
            "printed: item numbers come from the tables' item column; inferred: the tables print "
            "none, so item_no is each row's order in its section; mixed: some tables each way. "
            "Null for a plan with no datasets.",
            enum=("printed", "inferred", "mixed"),
        ),
        Column("rows_a", "integer", "Datasets in section A.", required=True),
        Column("rows_b", "integer", "Datasets in section B.", required=True),
        Column("rows_c", "integer", "Datasets in section C.", required=True),
        Column("rows_d", "integer", "Datasets in section D.", required=True),
        Column("rows_total", "integer", "Datasets in the plan.", required=True),
        Column("errors", "integer", "Problems of severity error.", required=True),
        Column("warnings", "integer", "Problems of severity warning.", required=True),
    ),
)

PROBLEMS = Table(
    name="problems",
    title="Problems",
    description="Everything the extractor could not read cleanly, one row per problem; see the "
    "problem codes below.",
    sort_key=("plan_id", "page", "line", "code"),
    columns=(
        _PLAN_ID,
        _SOURCE_FILE,
        Column("severity", "string", "error or warning.", required=True, enum=("error", "warning")),
        Column(
            "code",
            "string",
            "Problem code (see below).",
            required=True,
            enum=tuple(problem_types()),
        ),
        Column("message", "string", "One line naming the file and what to do.", required=True),
        Column("page", "integer", "PDF page (1-based), where known."),
        Column("line", "integer", "Text line (1-based), where known."),
        Column("text", "string", "The offending text."),
    ),
)

BILINGUAL = Table(
    name="bilingual",
    title="Language versions side by side",
    description="One row per item of a plan extracted in two or more languages in the same run "
    "(same department_id and plan_year), paired by section, organisation and item number. Shared "
    "fields are empty where the versions disagree (a problem says so).",
    primary_key=("department_id", "plan_year", "section", "organisation_no", "item_no"),
    sort_key=("department_id", "plan_year", "section", "organisation_no", "item_no"),
    columns=(
        Column("department_id", "string", "Department id (vocab/departments.tsv).", required=True),
        Column("plan_year", "integer", "Year of the plan.", required=True),
        Column(
            "department_zh", "string", "Department as the Traditional Chinese version names it."
        ),
        Column("department_en", "string", "Department as the English version names it."),
        Column("section", "string", "Section letter (see datasets.section).", enum=SECTIONS),
        Column("organisation_no", "integer", "0 for the department, else the section C number."),
        Column("organisation_zh", "string", "Organisation in the Traditional Chinese version."),
        Column("organisation_en", "string", "Organisation in the English version."),
        Column("item_no", "integer", "Item number within the section and organisation."),
        Column("category_zh", "string", "Data category, Traditional Chinese version."),
        Column("category_en", "string", "Data category, English version."),
        Column("name_zh", "string", "Dataset name, Traditional Chinese version."),
        Column("name_en", "string", "Dataset name, English version."),
        Column("name_zh_hans", "string", "Dataset name, Simplified Chinese version."),
        Column("description_zh", "string", "Description, Traditional Chinese version."),
        Column("description_en", "string", "Description, English version."),
        Column(
            "release_month",
            "yearmonth",
            "Release month all versions state; empty where they disagree.",
            pattern=YEAR_MONTH,
        ),
        Column(
            "update_frequency",
            "string",
            "Frequency code all versions state; empty where they disagree.",
            enum=tuple(frequency_codes()),
        ),
        Column("update_interval", "string", "ISO 8601 interval all versions state."),
        Column("formats", "list", "Formats all versions state (same set); '|'-joined in CSV."),
        Column("plan_id_zh_hant", "string", "plan_id of the Traditional Chinese version."),
        Column("plan_id_en", "string", "plan_id of the English version."),
        Column("plan_id_zh_hans", "string", "plan_id of the Simplified Chinese version."),
    ),
)


# --- promise tracking (plan_extract.tracking) -------------------------------------------------------

YES_NO_UNKNOWN = ("yes", "no", "unknown")
_DATE = r"\d{4}-\d{2}-\d{2}"
_CANDIDATE_FIELDS: tuple[tuple[str, FieldType], ...] = (
    ("catalogue_id", "string"),
    ("title", "string"),
    ("score", "number"),
)

PROMISES = Table(
    name="promises",
    title="Promises against the catalogue",
    description="One row per dataset of every plan (sections A–C: promises; D: claims of datasets "
    "already released), matched to DATA.GOV.HK catalogue snapshots. Status, match and timing are "
    "as of the latest snapshot; first_listed and last_unlisted bound the release date.",
    primary_key=("plan_id", "row_no"),
    sort_key=("plan_id", "row_no"),
    columns=(
        _PLAN_ID,
        Column(
            "row_no",
            "integer",
            "Position of the dataset in its plan (1-based; datasets.row_no where extracted, else "
            "the position in section, organisation and item order).",
            required=True,
        ),
        _SOURCE_FILE,
        Column("language", "string", "Language of the plan (BCP 47).", enum=LANGUAGES),
        Column("plan_year", "integer", "Year of the plan."),
        Column("department", "string", "Bureau or department that published the plan."),
        Column("department_id", "string", "Department id (vocab/departments.tsv)."),
        Column("section", "string", "Section letter (see datasets.section).", enum=SECTIONS),
        Column("organisation_no", "integer", "0 for the department, else the section C number."),
        Column("organisation", "string", "Who releases the dataset, as the plan names it."),
        Column("item_no", "integer", "Item number within the section and organisation."),
        Column("item_label", "string", "Item label as printed, where extracted."),
        Column(
            "dataset_name",
            "string",
            "Dataset name as published; null for a row printed without one (it cannot be matched: "
            "to_review).",
        ),
        Column(
            "name_en",
            "string",
            "English name matched on: the plan's own for an English plan, the English version's "
            "(bilingual.name_en) for a Chinese plan extracted with it; null otherwise.",
        ),
        Column(
            "release_month",
            "yearmonth",
            "Promised release month (A–C; due by its end) or stated release month (D).",
            pattern=YEAR_MONTH,
        ),
        Column(
            "release_precision",
            "string",
            "How precise the plan's date is (datasets.release_precision), where extracted.",
        ),
        Column(
            "update_frequency",
            "string",
            "Promised frequency code.",
            enum=tuple(frequency_codes()),
        ),
        Column("formats", "list", "Promised formats; '|'-joined in CSV."),
        Column(
            "snapshot_date", "string", "Date of the latest snapshot (YYYY-MM-DD).", pattern=_DATE
        ),
        Column(
            "status",
            "string",
            "In the latest snapshot: listed (matched with confidence), not_listed, or to_review "
            "(a reviewer must decide; see candidates).",
            required=True,
            enum=("listed", "not_listed", "to_review"),
        ),
        Column("status_reason", "string", "Why the status is what it is, in words."),
        Column("catalogue_id", "string", "Matched catalogue dataset (CKAN name; 2018: its title)."),
        Column("catalogue_title", "string", "Its English title in the latest snapshot."),
        Column("catalogue_url", "string", "Its page on DATA.GOV.HK."),
        Column(
            "match_method",
            "string",
            "override (overrides file), exact (same name_key), fuzzy (rapidfuzz score), none.",
            enum=("override", "exact", "fuzzy", "none"),
        ),
        Column("match_score", "number", "Name score 0–100 of the best candidate."),
        Column("runner_up_id", "string", "Second-best candidate."),
        Column("runner_up_title", "string", "The runner-up's English title."),
        Column("runner_up_score", "number", "Its name score."),
        Column(
            "candidates",
            "array",
            "Best candidates (up to 3) with their name scores, for review; JSON text in CSV.",
            item_fields=_CANDIDATE_FIELDS,
        ),
        Column(
            "listed_in", "list", "Dates of the snapshots that list the dataset; '|'-joined in CSV."
        ),
        Column("first_listed", "string", "Earliest snapshot that lists it.", pattern=_DATE),
        Column(
            "last_unlisted",
            "string",
            "Latest snapshot before first_listed that does not list it (all snapshots when never "
            "listed): released between last_unlisted and first_listed.",
            pattern=_DATE,
        ),
        Column(
            "date_published",
            "string",
            "Earliest datePublished of the matched dataset's resources (package_show snapshots).",
            pattern=_DATE,
        ),
        Column(
            "on_time",
            "string",
            "Sections A–C: yes when released by the end of release_month (datePublished, or "
            "first_listed); no when released later or still not listed after it; unknown when "
            "the bounds straddle it or it is not yet due. Null for section D.",
            enum=YES_NO_UNKNOWN,
        ),
        Column(
            "frequency_listed_raw",
            "string",
            "The catalogue's update frequency, as it reads, from the newest snapshot that lists "
            "the dataset and states one.",
        ),
        Column(
            "frequency_snapshot_date",
            "string",
            "The date of that snapshot (the 2025 crawl states no frequencies).",
            pattern=_DATE,
        ),
        Column(
            "frequency_listed",
            "string",
            "That wording as a frequency code (the plans' vocabulary).",
            enum=tuple(frequency_codes()),
        ),
        Column(
            "frequency_kept",
            "string",
            "yes when the catalogue updates at least as often as promised; no when less often or "
            "discontinued; unknown when either side is unknown or varies, or not listed.",
            enum=YES_NO_UNKNOWN,
        ),
        Column("formats_listed", "list", "Formats of the listed dataset's resources."),
        Column("formats_missing", "list", "Promised formats the listed dataset lacks."),
    ),
)

DELIVERY = Table(
    name="delivery",
    title="Delivery per department and plan year",
    description="Sections A–C of each plan, counted once whatever the languages extracted (the "
    "Traditional Chinese version where there are several), in the latest snapshot: "
    "promised = listed + not_listed + to_review; listed = on_time + late + timing_unknown.",
    primary_key=("department_id", "plan_year"),
    sort_key=("department_id", "plan_year"),
    columns=(
        Column(
            "department_id",
            "string",
            "Department id (vocab/departments.tsv), or the plan_id for a department not listed "
            "there.",
            required=True,
        ),
        Column("department", "string", "The department as its plan names it."),
        Column("plan_year", "integer", "Year of the plan."),
        Column("plan_id", "string", "The plan version counted."),
        Column("snapshot_date", "string", "Date of the latest snapshot.", pattern=_DATE),
        Column("promised", "integer", "Datasets in sections A–C.", required=True),
        Column("listed", "integer", "Of those, listed in the latest snapshot.", required=True),
        Column("on_time", "integer", "Listed, released by the promised month.", required=True),
        Column("late", "integer", "Listed, released after the promised month.", required=True),
        Column(
            "timing_unknown", "integer", "Listed, release date not bounded enough.", required=True
        ),
        Column("not_listed", "integer", "Not in the latest snapshot.", required=True),
        Column(
            "overdue",
            "integer",
            "Of not_listed, due before the latest snapshot's date.",
            required=True,
        ),
        Column("to_review", "integer", "Awaiting a reviewer's decision.", required=True),
        Column(
            "frequency_not_kept",
            "integer",
            "Listed, updated less often than promised.",
            required=True,
        ),
        Column("formats_missing", "integer", "Listed, lacking a promised format.", required=True),
        Column("claims", "integer", "Section D datasets (claimed as released).", required=True),
        Column("claims_listed", "integer", "Of those, listed in some snapshot.", required=True),
    ),
)

EXTRACTION_TABLES = (DATASETS, PLANS, PROBLEMS, BILINGUAL)  # what `plan-extract extract` writes
TRACKING_TABLES = (PROMISES, DELIVERY)  # what `plan-extract track` adds
TABLES = EXTRACTION_TABLES + TRACKING_TABLES
