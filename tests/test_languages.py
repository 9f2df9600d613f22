"""English and Simplified Chinese plans, departments across languages, and the bilingual table."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldens import extract_case
from plan_extract.departments import department_id
from plan_extract.model import TableRow, TextLine, Where
from plan_extract.problems import ProblemLog
from plan_extract.structure import _organisation, _section, parse_plan_year, split_abbreviation

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("case", "language"),
    [
        ("seed-zh-hant", "zh-Hant"),
        ("seed-en", "en"),
        ("seed-en-pdf", "en"),
        ("seed-zh-hans", "zh-Hans"),
    ],
)
def test_language_is_detected_from_content(case: str, language: str) -> None:
    (plan,) = extract_case(FIXTURES / case)["plans"]
    assert plan["language"] == language
    assert plan["department_id"] == "ogcio"
    assert plan["plan_year"] == 2018
    assert (plan["rows_a"], plan["rows_b"], plan["rows_c"], plan["rows_d"]) == (14, 0, 1, 17)


@pytest.mark.parametrize(
    ("heading", "letter", "years"),
    [
        ("A. Departmental datasets to be released in 2019", "A", (2019,)),
        ("B. Departmental datasets to be released in 2020 and 2021", "B", (2020, 2021)),
        ("C. Datasets planned to be opened up by other organisations", "C", ()),
        (
            "D. Progress: datasets uploaded onto DATA.GOV.HK by departments and other organisations",
            "D",
            (),
        ),
        ("Section A: Datasets to be released in 2019", "A", (2019,)),
        ("A) Datasets to be released in 2019", "A", (2019,)),
        ("#### B. 在 2020 年及 2021 年发放的部门数据集", "B", (2020, 2021)),
        ("Ａ．在2019年發放的部門數據集", "A", (2019,)),
    ],
)
def test_section_heading_variants(heading: str, letter: str, years: tuple[int, ...]) -> None:
    section = _section(heading)
    assert section is not None
    assert (section.letter, section.years) == (letter, years)


def test_organisation_and_abbreviation_variants() -> None:
    hkcert = _organisation(
        "(1) Hong Kong Computer Emergency Response Team Coordination Centre (HKCERT)"
    )
    assert hkcert is not None
    assert (hkcert.number, hkcert.abbr) == (1, "HKCERT")
    assert hkcert.name == "Hong Kong Computer Emergency Response Team Coordination Centre"
    hans = _organisation("(1) 香港电脑保安事故协调中心（下称「香港协调中心」）")
    assert hans is not None and hans.abbr == "香港协调中心"
    assert split_abbreviation("Office of the Government Chief Information Officer (OGCIO)") == (
        "Office of the Government Chief Information Officer",
        "OGCIO",
    )
    # a parenthesis that is not an abbreviation stays in the name
    assert split_abbreviation("香港電台(第一台)") == ("香港電台(第一台)", None)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Annual Open Data Plan 2018", 2018),
        ("Annual Open Data Plan for 2019", 2019),
        ("2020 Annual Open Data Plan", 2020),
        ("2018年年度开放数据计划", 2018),
        ("二〇一九年年度開放數據計劃", 2019),
    ],
)
def test_plan_title_variants(title: str, year: int) -> None:
    assert parse_plan_year(title) == year


@pytest.mark.parametrize("marker", ["Nil", "N/A", "-", "/", "不适用"])
def test_none_rows_in_any_language(marker: str) -> None:
    from plan_extract.model import Document, SourceFile
    from plan_extract.structure import structure

    header = (
        "",
        "Data Category / Dataset Name",
        "Target Release Date",
        "Update Frequency",
        "Remarks",
    )
    blocks = [
        TextLine("Annual Open Data Plan 2018", Where(line=1)),
        TextLine("B. Departmental datasets to be released in 2020 and 2021", Where(line=2)),
        TableRow(tuple((cell,) for cell in header), Where(line=3), table=1),
        TableRow((("",), (marker,), (marker,), (marker,), (marker,)), Where(line=4), table=1),
    ]
    document = Document(SourceFile("x.txt", "0", "text"), blocks)
    log = ProblemLog("x", "x.txt")
    plan = structure(document, log)
    assert plan.rows == []
    codes = [p.code for p in log.problems]
    assert codes == ["sections_missing", "department_missing"]


def test_simplified_header_labels_and_notes() -> None:
    from plan_extract.columns import role_of
    from plan_extract.normalise.remarks import parse_remarks

    for label in ("数据种类／数据集名称", "目标发放日期", "发放日期", "更新频率", "备注"):
        assert role_of(label) is not None, label
    remarks = parse_remarks("项目名称(CSV)注：由电脑化计划整体拨款支付推行的项目。")
    assert remarks.formats == ["CSV"] and remarks.note == "由电脑化计划整体拨款支付推行的项目。"


@pytest.mark.parametrize(
    ("name", "abbr", "expected"),
    [
        ("政府資訊科技總監辦公室", None, "ogcio"),
        ("政府资讯科技总监办公室", None, "ogcio"),
        ("Office of the Government Chief Information Officer", "OGCIO", "ogcio"),
        ("Food and Environmental Hygiene Department", None, "fehd"),
        ("食物環境衛生署", None, "fehd"),  # 衛 matches the vocabulary's 衞
        (None, "C&SD", "censtatd"),
        ("A department not in the vocabulary", None, None),
    ],
)
def test_department_ids(name: str | None, abbr: str | None, expected: str | None) -> None:
    assert department_id(name, abbr) == expected


def test_bilingual_seed_pairs_all_32_items_without_problems() -> None:
    tables = extract_case(FIXTURES / "bilingual-seed")
    assert tables["problems"] == []
    rows = tables["bilingual"]
    assert len(rows) == 32
    assert all(r["name_zh"] and r["name_en"] and r["name_zh_hans"] for r in rows)
    d1 = next(r for r in rows if r["section"] == "D" and r["item_no"] == 1)
    assert (d1["name_zh"], d1["name_en"], d1["name_zh_hans"]) == (
        "地址搜尋服務",
        "Address Lookup Service",
        "地址搜寻服务",
    )
    assert (d1["release_month"], d1["update_frequency"], d1["formats"]) == (
        "2015-12",
        "monthly",
        ["JSON", "XML"],
    )
    c1 = next(r for r in rows if r["section"] == "C")
    assert c1["organisation_en"] == "Hong Kong Computer Emergency Response Team Coordination Centre"
    assert c1["organisation_zh"] == "香港電腦保安事故協調中心"


def test_bilingual_disagreements_are_problems_naming_both_documents() -> None:
    tables = extract_case(FIXTURES / "bilingual-mismatch")
    codes = sorted(p["code"] for p in tables["problems"])
    # The English version lacks D16: the pairing says so, and so does its own numbering (D15, D17).
    assert codes == ["bilingual_mismatch", "bilingual_missing_item", "item_numbers_skip"]
    for problem in tables["problems"]:
        if problem["code"] == "item_numbers_skip":
            assert problem["plan_id"].endswith(".en") and "no item 16" in problem["message"]
            continue
        assert ".en.txt" in problem["message"] and ".zh-hant.txt" in problem["message"]
    rows = {(r["section"], r["item_no"]): r for r in tables["bilingual"]}
    assert len(rows) == 32
    assert rows[("A", 6)]["release_month"] is None  # the versions disagree: not guessed
    assert rows[("A", 6)]["update_frequency"] == "monthly"
    assert (
        rows[("D", 16)]["name_en"] is None and rows[("D", 16)]["name_zh"] == "數碼共融流動應用程式"
    )
    plans = {p["language"]: p for p in tables["plans"]}
    assert plans["en"]["errors"] == 1 and plans["zh-Hant"]["errors"] == 1


def test_lone_version_in_a_multilingual_run_is_reported(tmp_path: Path) -> None:
    from plan_extract.pipeline import extract

    other = tmp_path / "other.en.txt"
    text = (FIXTURES / "seed-en" / "input" / "ogcio-2018-annual-open-data-plan.en.txt").read_text(
        "utf-8"
    )
    other.write_text(
        text.replace(
            "Office of the Government Chief Information Officer (OGCIO)",
            "Office of Unlisted Affairs (OUA)",
        ),
        encoding="utf-8",
    )
    extraction = extract([FIXTURES / "seed-zh-hant" / "input", other])
    assert extraction.bilingual == []
    assert sorted(p.code for p in extraction.problems) == ["bilingual_unpaired"] * 2


FIXTURES = Path(__file__).parent / "fixtures"


def test_the_latin_letters_check_spares_only_plans_that_cannot_be_bilingual() -> None:
    """The language check first counts the plan's Latin letters per Han character: under
    LATIN_PER_HAN the plan is not bilingual and its cells are not looked at one by one (most of
    a small Chinese plan's check). Every fixture the cell by cell check finds bilingual has
    twice that at least (3.3 letters a character and more: English says in more letters what
    Chinese says in characters), and the Chinese fixtures it spares are not bilingual."""
    import plan_extract.languages as languages
    from plan_extract.model import blocks_text
    from plan_extract.normalise.text import han_and_latin
    from plan_extract.read import read_document

    spared = 0
    for path in sorted(FIXTURES.glob("*/input/*")):
        if path.suffix not in (".txt", ".pdf") or "bad-pdf" in str(path):
            continue
        document = read_document(path)
        han, latin = han_and_latin(blocks_text(document.blocks))
        if not han:
            continue
        by_cells = languages._bilingual_by_cells(document)  # without the count
        if by_cells:
            assert latin >= 2 * languages.LATIN_PER_HAN * han, path
        if languages._too_few_latin_letters(document):
            spared += 1
            assert not by_cells, path
    assert spared >= 20  # the Chinese fixtures, nearly all


def test_a_line_of_digits_under_a_wrapped_bilingual_title_goes_with_the_words_it_ends(
    tmp_path: Path,
) -> None:
    """ "… to be released in 2025 and" / "2026": a line of neither script ends the English
    title it is printed under; in the Chinese version too it was read as a category (random HTML
    layouts, seed 4036)."""
    from plan_extract.pipeline import extract

    rows = "\n".join(
        f"{n}.\t數據{n} Data {n}\t12/2025\t每月 Monthly\t統計組 Statistics Section"
        for n in range(1, 5)
    )
    header = "項目 Item\t數據集名稱 Dataset Name\t目標發放日期 Target Release Date"
    header += "\t更新頻率 Update Frequency\t負責組別 Contact Unit"
    text = (
        "康樂及文化事務署 Leisure and Cultural Services Department\n\n"
        "2023年年度開放數據計劃 Annual Open Data Plan 2023\n\n"
        "B. 在2025年及2026年發放的部門數據集 Departmental datasets to be released in 2025 and\n"
        f"2026\n\n{header}\n{rows}\n"
    )
    (tmp_path / "lcsd-2023.txt").write_text(text, encoding="utf-8")
    extraction = extract([tmp_path / "lcsd-2023.txt"])
    assert {d.language for d in extraction.datasets} == {"zh-Hant", "en"}
    assert len(extraction.datasets) == 8
    assert {d.category for d in extraction.datasets} == {None}
    assert not [p for p in extraction.problems if p.code == "unparsed_line"]
