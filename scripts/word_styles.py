"""Lay every layout fixture's plan out again in another Word table style and compare the
extraction with its truth: how the reader copes with styles that rule only part of a table.

    .venv/bin/python scripts/word_styles.py "Light List" [--look middle,centred,shaded,serif,title|department,once] [CASE ...]

Prints, per case, how many truth fields differ and the first differences. Needs LibreOffice and
the fonts of ``make fixtures`` (scripts/install_fixture_tools.sh); writes the PDFs to a temporary
folder. Styles tried: "Table Grid" (the fixtures'), "Light Shading", "Light List", "Light Grid",
"Medium Shading 1", "Medium Shading 2", "Medium Grid 1", "Medium List 1", "Medium List 2" (README
"Layout tests" says which still fail). ``--look`` changes how the text looks too (``WordLook``):
cells vertically centred (``middle``), short values centred across (``centred``), a shaded bold
header (``shaded``), Times New Roman and PMingLiU at 12 pt as LibreOffice renders them (``serif``),
the department and the plan's title atop every page (``title``) or the department's name alone
(``department``), the header row printed once, not repeated atop the next page (``once``).
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

import make_layout_fixtures as fixtures  # noqa: E402
from layoutgen import expected  # noqa: E402
from layoutmodel import WordLook  # noqa: E402
from layoutpdf import render_word_pdf  # noqa: E402
from test_layouts import compare  # noqa: E402


def word_look(spec: str) -> WordLook:
    """The look ``--look`` names (comma-separated words; see the module's doc)."""
    words = set(filter(None, spec.split(",")))
    unknown = words - {"middle", "centred", "shaded", "serif", "title", "department", "once"}
    if unknown:
        raise SystemExit(f"--look: unknown {sorted(unknown)}")
    serif = {"font": "AR PL UMing TW", "latin_font": "Liberation Serif", "size": 12.0}
    return WordLook(
        **(serif if "serif" in words else {}),
        middle="middle" in words,
        centred="centred" in words,
        shaded_header="shaded" in words,
        running_header=next((w for w in ("title", "department") if w in words), ""),
        repeat_header="once" not in words,
    )


def main(style: str, names: list[str], look: WordLook) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for make in fixtures.CASES:
            case = make()
            if names and case.folder not in names:
                continue
            layout = replace(case.layout, word_style=style, word_look=look)
            pdf = Path(folder) / f"{case.plan.stem}.pdf"
            font = "Noto Sans CJK SC" if layout.language == "zh-Hans" else "Noto Sans CJK TC"
            font = look.font if look.font != WordLook().font else font
            render_word_pdf(case.plan, layout, pdf, font)
            diffs = compare(expected(case.plan, layout, case.plan.stem), [pdf])
            print(case.folder, len(diffs), diffs[:3], flush=True)


if __name__ == "__main__":
    arguments = sys.argv[2:]
    spec = ""
    if arguments[:1] == ["--look"]:
        spec, arguments = arguments[1], arguments[2:]
    main(sys.argv[1], arguments, word_look(spec))
