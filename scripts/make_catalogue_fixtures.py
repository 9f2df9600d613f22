"""Build tests/fixtures/catalogue/ from the real DATA.GOV.HK files in ../shared/reference.

Run once by hand (`python scripts/make_catalogue_fixtures.py REFERENCE_DIR`); the output is committed
and described in tests/fixtures/catalogue/SOURCES.md. Only selection and reshaping happen here.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).parents[1] / "tests" / "fixtures" / "catalogue"
ORGS_2018 = ("Office of the Government Chief Information Officer",)
ORGS_2025 = (
    "Digital Policy Office",
    "Hong Kong Computer Emergency Response Team Coordination Centre",
)
# Traditional Chinese titles of three former OGCIO datasets, as SOURCES.md of the reference gives them.
TC_TITLES = {
    "hk-dpo-als_01-als": "地址搜尋服務",
    "hk-dpo-fundraise-approved-fund-raising-activities": "獲批准的籌款活動",
    "hk-dpo-dpo_hp-statistics-on-computer": "為政府員工提供電腦及互聯網接達的統計數字",
}


def scrape_2018(reference: Path) -> None:
    source = reference / "datagovhk-catalogue-2018-06-04.en.csv"
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [r for i, r in enumerate(reader) if i < 5 or r["Organization"] in ORGS_2018]
        fields = reader.fieldnames or []
    with (OUT / "catalogue-2018-06-04.en.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def crawl_2025(reference: Path) -> list[dict[str, object]]:
    data = json.loads((reference / "datagovhk-catalogue-2025-09-13.en.json").read_text("utf-8"))
    rows = [d for i, d in enumerate(data["datasets"]) if i < 3 or d["organization"] in ORGS_2025]
    text = json.dumps({"datasets": rows}, ensure_ascii=False, indent=1)
    (OUT / "catalogue-2025-09-13.package_search.json").write_text(text + "\n", "utf-8")
    return rows


def api_shape(record: dict[str, object]) -> dict[str, object]:
    """A crawl record in the shape the package_search / package_show API returns."""
    return {
        "id": record["id"],
        "name": record["name"],
        "title": record["title"],
        "notes": record["notes"],
        "organization": {"name": record["organization_id"], "title": record["organization"]},
        "groups": [{"title": g} for g in record["groups"]],  # type: ignore[attr-defined]
        "resources": [{"format": f, "name": f} for f in record["formats"]],  # type: ignore[attr-defined]
        "metadata_created": record["metadata_created"],
        "metadata_modified": record["metadata_modified"],
    }


def envelope_2025(rows: list[dict[str, object]]) -> None:
    results = [api_shape(r) for r in rows[:5]]
    reply = {
        "help": "https://data.gov.hk/en-data/api/3/action/help_show?name=package_search",
        "success": True,
        "result": {"count": len(results), "results": results},
    }
    text = json.dumps(reply, ensure_ascii=False, indent=1)
    (OUT / "package-search-api-2025-09-13.json").write_text(text + "\n", "utf-8")


def package_show_2026(reference: Path, rows: list[dict[str, object]]) -> None:
    records = []
    with (reference / "datagovhk-catalogue-sample-2026.en-zh-hant.csv").open(encoding="utf-8") as h:
        for r in csv.DictReader(h):
            formats = [f.split(" x")[0] for f in r["resource_formats"].split("|")]
            records.append(
                {
                    "name": r["name"],
                    "title": r["title_en"],
                    "organization": {"name": r["organization_en"], "title": r["organization_en"]},
                    "groups": [{"name": r["group_name"], "title": r["group_title_en"]}],
                    "resources": [{"format": f, "name": f} for f in formats],
                    "update_frequency": r["update_frequency_en"],
                    "metadata_modified": r["metadata_modified"],
                    "locales": {
                        "tc": {
                            "title": r["title_tc"],
                            "organization": {"title": r["organization_tc"]},
                            "groups": [{"title": r["group_title_tc"]}],
                        }
                    },
                }
            )
    for row in rows:
        if row["name"] in TC_TITLES:
            record = api_shape(row)
            record["locales"] = {
                "tc": {
                    "title": TC_TITLES[str(row["name"])],
                    "organization": {"title": "數字政策辦公室"},
                }
            }
            records.append(record)
    lines = [{"_snapshot": {"date": "2026-08-27", "source": "fixture"}}, *records]
    lines.append({"_snapshot_end": {"records": len(records)}})
    text = "".join(json.dumps(v, ensure_ascii=False, sort_keys=True) + "\n" for v in lines)
    (OUT / "package-show-2026-08-27.jsonl").write_text(text, "utf-8")


def main() -> None:
    reference = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    scrape_2018(reference)
    rows = crawl_2025(reference)
    envelope_2025(rows)
    package_show_2026(reference, rows)


if __name__ == "__main__":
    main()
