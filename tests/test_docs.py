"""Generated docs are current, and the README documents every command."""

from __future__ import annotations

import re
from pathlib import Path

from plan_extract.cli import _parser
from plan_extract.schema import TABLES
from plan_extract.schema_render import datapackage_json, schema_markdown

ROOT = Path(__file__).parents[1]


def test_schema_md_is_current() -> None:
    committed = (ROOT / "docs" / "schema.md").read_text("utf-8")
    assert committed == schema_markdown(), "docs/schema.md is stale: run `make docs`"


def test_datapackage_json_is_current() -> None:
    committed = (ROOT / "docs" / "datapackage.json").read_text("utf-8")
    assert committed == datapackage_json(), "docs/datapackage.json is stale: run `make docs`"


def test_every_column_is_described() -> None:
    for table in TABLES:
        for column in table.columns:
            assert len(column.description) > 10, f"{table.name}.{column.name}"


def test_readme_documents_every_command_and_make_target() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for command in commands:
        assert f"plan-extract {command}" in readme, command
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in re.findall(r"^([a-z]+):", makefile, flags=re.M):
        if target != "help":
            assert f"make {target}" in readme, target
