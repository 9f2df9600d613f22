"""The output schema, defined once. The pyarrow schema, datapackage.json, the CSV column order and
docs/schema.md are all generated from these definitions (:mod:`plan_extract.schema_render`)."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    @property
    def column_names(self) -> tuple[str, ...]:
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
            "before the first 「／」 or ' / ', or the category a grouping row or a vertically merged "
            "cell above gives the row.",
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
        Column("sha256", "string", "SHA-256 of the input file.", required=True),
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

TABLES = (DATASETS, PLANS, PROBLEMS, BILINGUAL)
