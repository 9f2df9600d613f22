"""``report.html``: one self-contained page drawn from the promises and delivery rows only.

Every number on the page is a value of ``delivery`` or a row of ``promises``; nothing is recomputed
here. The numbers are plain HTML (the bars are sized by inline styles, their counts written in the
cells), so the page reads without JavaScript; a small inline script only sorts tables on a click.
No external resource is loaded: the page works offline and from a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from .snapshots import Snapshot

Row = Mapping[str, Any]
SEGMENTS = (
    ("on_time", "on time", "#2e7d32"),
    ("late", "late", "#ef6c00"),
    ("timing_unknown", "listed, date unknown", "#81c784"),
    ("not_listed", "not listed", "#c62828"),
    ("to_review", "to review", "#9e9e9e"),
)
_STYLE = """
body{font-family:"Noto Sans CJK TC","Noto Sans TC","AR PL UMing TW","PingFang TC","Microsoft JhengHei",
sans-serif;margin:2em;color:#222;max-width:80em}
table{border-collapse:collapse;margin:1em 0;font-size:90%}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3;cursor:pointer}
td.n{text-align:right}
.bar{display:flex;width:24em;height:1.1em;border:1px solid #999}
.bar span{display:block;height:100%}
.key span{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}
"""
_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("thead th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var up = th.dataset.order !== "asc";
      th.dataset.order = up ? "asc" : "desc";
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


def _cell(value: Any, numeric: bool = False) -> str:
    if isinstance(value, list):
        value = "; ".join(
            f"{v.get('title')} [{v.get('catalogue_id')}] ({v.get('score')})"
            if isinstance(v, Mapping)
            else str(v)
            for v in value
        )
    text = "" if value is None else escape(str(value))
    return f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>"


def _table(table_id: str, headers: Sequence[str], rows: Sequence[str]) -> str:
    if not rows:
        return f'<p id="{table_id}">None.</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return (
        f'<table class="sortable" id="{table_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _bar(row: Row) -> str:
    total = row["promised"] or 1
    spans = "".join(
        f'<span title="{label}: {row[key]}" style="width:{100 * row[key] / total:.2f}%;'
        f'background:{colour}"></span>'
        for key, label, colour in SEGMENTS
        if row[key]
    )
    return f'<div class="bar">{spans}</div>'


def _delivery_table(delivery: Sequence[Row]) -> str:
    headers = ["department", "plan year", "promised", *(s[1] for s in SEGMENTS), "bar"]
    rows = []
    for row in delivery:
        counts = "".join(
            f'<td class="n" data-count="{key}">{row[key]}</td>' for key, _, _ in SEGMENTS
        )
        rows.append(
            f'<tr data-department="{escape(str(row["department_id"]))}" '
            f'data-plan-year="{row["plan_year"] or ""}">'
            f"{_cell(row['department'])}{_cell(row['plan_year'], True)}"
            f'<td class="n" data-count="promised">{row["promised"]}</td>{counts}'
            f"<td>{_bar(row)}</td></tr>"
        )
    return _table("delivery", headers, rows)


def _link(row: Row) -> str:
    name = escape(str(row.get("catalogue_title") or row.get("catalogue_id") or ""))
    url = row.get("catalogue_url")
    return f'<td><a href="{escape(url)}">{name}</a></td>' if url else f"<td>{name}</td>"


def _promise_table(table_id: str, rows: Sequence[Row], extra: Sequence[str]) -> str:
    headers = ["plan", "section", "item", "dataset", "promised month", "status", "catalogue"]
    body = []
    for row in rows:
        cells = "".join(_cell(row.get(column)) for column in extra)
        body.append(
            f"<tr>{_cell(row['plan_id'])}{_cell(row['section'])}{_cell(row['item_no'], True)}"
            f"{_cell(row['dataset_name'])}{_cell(row['release_month'])}{_cell(row['status'])}"
            f"{_link(row)}{cells}</tr>"
        )
    return _table(table_id, [*headers, *extra], body)


def render_report(
    promises: Sequence[Row], delivery: Sequence[Row], snapshots: Sequence[Snapshot]
) -> str:
    """The page as a string (deterministic: same tables, same bytes)."""
    counted = {row["plan_id"] for row in delivery}
    mine = [r for r in promises if r["plan_id"] in counted and r["section"] in ("A", "B", "C")]
    overdue = [r for r in mine if r["on_time"] == "no"]
    counted_rows = [r for r in promises if r["plan_id"] in counted]
    frequency = [r for r in counted_rows if r["frequency_kept"] == "no"]
    formats = [r for r in counted_rows if r["formats_missing"]]
    review = [r for r in counted_rows if r["status"] == "to_review"]
    dated = ", ".join(f"{escape(s.date)} ({len(s.entries)} datasets)" for s in snapshots)
    key = "".join(
        f'<span style="background:{c}"></span>{escape(label)}' for _, label, c in SEGMENTS
    )
    return f"""<!DOCTYPE html>
<html lang="zh-Hant-HK"><head><meta charset="utf-8">
<title>Open data plans: promises and delivery</title><style>{_STYLE}</style></head>
<body>
<h1>Open data plans: promises and delivery</h1>
<p>Catalogue snapshots of DATA.GOV.HK: {dated}. Status as of the latest. Generated from
promises.parquet and delivery.parquet by plan-extract; every number here is in those tables.</p>
<h2>Per department and plan year (sections A–C)</h2>
<p class="key">{key}</p>
{_delivery_table(delivery)}
<h2>Overdue or late promises</h2>
{_promise_table("overdue", overdue, ["first_listed", "last_unlisted"])}
<h2>Updated less often than promised</h2>
{_promise_table("frequency", frequency, ["update_frequency", "frequency_listed_raw", "frequency_snapshot_date"])}
<h2>Promised formats missing</h2>
{_promise_table("formats", formats, ["formats", "formats_listed", "formats_missing"])}
<h2>To review</h2>
<p>Not decided automatically: a reviewer records the decision in an overrides file
(<code>plan-extract track --overrides</code>).</p>
{_promise_table("review", review, ["status_reason", "candidates"])}
<h2>Every dataset of the plans counted (sections A–D)</h2>
{_promise_table("promises", counted_rows, ["on_time", "first_listed", "match_method", "match_score"])}
<script>{_SCRIPT}</script>
</body></html>
"""


def write_report(
    promises: Sequence[Row], delivery: Sequence[Row], snapshots: Sequence[Snapshot], path: Path
) -> None:
    path.write_text(render_report(promises, delivery, snapshots), encoding="utf-8")
