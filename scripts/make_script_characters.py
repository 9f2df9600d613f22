"""Write ``src/plan_extract/vocab/script_characters.tsv``: the Han characters only one script uses.

``detect_language`` tells a Simplified plan from a Traditional one by counting these characters in
its text: a character OpenCC's ``s2t`` conversion changes on its own (发, 数, 据) is written only in
Simplified text, one its ``t2s`` conversion changes (發, 數, 據) only in Traditional text. A character
both conversions change, or a compatibility ideograph (the reader repairs those), is in neither list.

Counting in two sets needs no dictionary in memory: loading OpenCC's ``t2s`` dictionaries cost each
worker ~50 ms, a third of its first document. The lists are OpenCC's single-character tables, so
they change only with OpenCC: run this again after upgrading it
(``python scripts/make_script_characters.py``); a test checks the file is what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "plan_extract" / "vocab" / "script_characters.tsv"
# CJK Unified Ideographs, Extension A, Extensions B–F: the unified ideographs OpenCC converts.
RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2EBEF))

HEADER = """\
# The Han characters only one script uses, from OpenCC's single-character tables: zh-Hans, the
# characters its s2t conversion changes (发, 数, 据); zh-Hant, those its t2s conversion changes (發,
# 數, 據); a character both change is in neither. detect_language counts them in a plan's text
# (normalise/text.py). Generated: python scripts/make_script_characters.py (after an OpenCC upgrade)
script\tcharacters
"""


def script_characters() -> dict[str, str]:
    """``{"zh-Hans": characters, "zh-Hant": characters}`` from the installed OpenCC."""
    characters = [chr(code) for low, high in RANGES for code in range(low, high + 1)]
    # One conversion of all of them, a line each: no phrase spans a line break.
    text = "\n".join(characters)
    to_traditional = str(opencc.OpenCC("s2t").convert(text)).split("\n")
    to_simplified = str(opencc.OpenCC("t2s").convert(text)).split("\n")
    triples = list(zip(characters, to_traditional, to_simplified, strict=True))
    hans = [c for c, t, s in triples if t != c and s == c]
    hant = [c for c, t, s in triples if s != c and t == c]
    return {"zh-Hans": "".join(hans), "zh-Hant": "".join(hant)}


def render() -> str:
    return HEADER + "".join(f"{script}\t{chars}\n" for script, chars in script_characters().items())


def main() -> None:
    text = render()
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text)} characters)", file=sys.stderr)


if __name__ == "__main__":
    main()
