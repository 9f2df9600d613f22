"""Joining wrapped pieces, character repairs, matching keys and language detection."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from goldens import golden_cases
from plan_extract.errors import DocumentError
from plan_extract.languages import split_languages
from plan_extract.model import blocks_text
from plan_extract.normalise import text as text_module
from plan_extract.normalise.text import (
    _tokens,
    detect_language,
    join_pieces,
    match_key,
    name_key,
    repair_chars,
)
from plan_extract.read import read_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("pieces", "joined"),
    [
        (["政府公共雲端服務供應商", "列表"], "政府公共雲端服務供應商列表"),
        (["政府公共雲端服務供應商 列表"], "政府公共雲端服務供應商列表"),
        (["在發出保安建議或 警報時"], "在發出保安建議或警報時"),
        (
            ["資科辦於推動長者應用資 訊及通訊科技已推行的項 目"],
            "資科辦於推動長者應用資訊及通訊科技已推行的項目",
        ),
        (["資訊科技／ 開放數據的數據集名單"], "資訊科技／開放數據的數據集名單"),
        (["通用「Wi-", "Fi.HK」品牌"], "通用「Wi-Fi.HK」品牌"),
        (["Computerisation in the", "Government"], "Computerisation in the Government"),
        (["Address Lookup", "Service (JSON and", "XML)"], "Address Lookup Service (JSON and XML)"),
        (["e-", "Government services"], "e-Government services"),
        (["Monthly", "-", "Registered"], "Monthly - Registered"),
        (["包括ISO/IEC", "10646碼位"], "包括ISO/IEC 10646碼位"),
        (["比率", "(JSON)"], "比率(JSON)"),
        # a note label keeps the space before it: glued, 「坐標註：」 would read as 「標註」
        (["全球坐標系統的坐標 註：上月數據"], "全球坐標系統的坐標 註：上月數據"),
        (["每月", "備註1：視乎"], "每月 備註1：視乎"),
        (["失業率(CSV)", "注：季節性調整"], "失業率(CSV)注：季節性調整"),  # no word to glue to
        (["  many   spaces\there  "], "many spaces here"),
        ([], ""),
        (["", "  "], ""),
    ],
)
def test_join_pieces(pieces: list[str], joined: str) -> None:
    assert join_pieces(pieces) == joined


def test_full_width_punctuation_is_kept_as_published() -> None:
    text = "「香港政府一站通」（整合版）／、："
    assert join_pieces([text]) == text


def test_kangxi_radicals_and_compatibility_ideographs_become_unified() -> None:
    # ⽇ U+2F47 KANGXI RADICAL SUN, ⾦ U+2FA6 KANGXI RADICAL GOLD, 金 U+F90A compatibility ideograph
    assert repair_chars("每\u2f47") == "每日"
    assert repair_chars("\u2fa6額 \uf90a") == "金額 金"
    assert repair_chars("（JSON）") == "（JSON）"


@given(st.lists(st.text(alphabet="資訊科技數據集 ab-/", max_size=8), max_size=5))
def test_join_is_idempotent_and_has_no_double_spaces(pieces: list[str]) -> None:
    once = join_pieces(pieces)
    assert join_pieces([once]) == once
    assert "  " not in once
    assert once == once.strip()


@pytest.mark.parametrize(
    ("a", "b"),
    [("綫", "線"), ("衞", "衛"), ("裏", "裡"), ("温", "溫"), ("空置車位資訊", "空置车位资讯")],
)
def test_name_key_joins_variants_and_scripts(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_of_real_variant_names_meet() -> None:
    assert name_key("巴士路綫資料") == name_key("巴士路線資料")
    assert name_key("衞生署診所") == name_key("衛生署診所")
    assert name_key("Wi-Fi.HK 熱點") == name_key("wifi．hk熱點")
    assert name_key("通用「Wi-Fi.HK」品牌") == "通用wifihk品牌"


def test_match_key_folds_width_script_and_case() -> None:
    assert match_key("每６個月") == match_key("每6个月") == "每6個月"
    assert match_key("  Every  Six\nMonths ") == "every six months"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("政府資訊科技總監辦公室 2018年年度開放數據計劃 在2019年發放的部門數據集", "zh-Hant"),
        ("政府资讯科技总监办公室 2018年年度开放数据计划 在2019年发放的部门数据集", "zh-Hans"),
        ("Office of the Government Chief Information Officer Annual Open Data Plan 2018", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def _fixture_texts() -> list[tuple[str, str]]:
    """The text detect_language sees for every language version of every fixture document."""
    texts = []
    for case in golden_cases():
        for path in sorted((case / "input").iterdir()):
            try:
                document = read_document(path)
            except DocumentError:
                continue  # bad-pdf's documents: nothing to detect
            for tag, version in split_languages(document):
                texts.append((f"{case.name}/{path.name}{tag}", blocks_text(version.blocks)))
    return texts


@pytest.mark.parametrize("sample", [text_module.HAN_SAMPLE, 200])
def test_the_han_sample_decides_as_the_whole_text_does(
    sample: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The script is decided on the first HAN_SAMPLE Han characters; on every fixture that is the
    decision the whole text gives, and so is a sample ten times smaller (the margin)."""
    texts = _fixture_texts()
    monkeypatch.setattr(text_module, "HAN_SAMPLE", sys.maxsize)
    whole = {name: detect_language(text) for name, text in texts}
    monkeypatch.setattr(text_module, "HAN_SAMPLE", sample)
    sampled = {name: detect_language(text) for name, text in texts}
    assert sampled == whole
    assert {"zh-Hant", "zh-Hans", "en"} <= set(whole.values())


def test_a_long_plan_is_decided_on_its_sample() -> None:
    simplified = "政府资讯科技总监办公室在2019年发放的部门数据集"
    long_text = simplified * (text_module.HAN_SAMPLE // len(simplified) + 1) + "資訊科技署" * 10_000
    assert detect_language(long_text) == "zh-Hans"  # the whole text would say zh-Hant


@given(st.text(alphabet=" \t\n\u3000\xa0\x1c\x1d\x1e\x1fa中-"))
def test_tokens_split_on_white_space_as_the_pattern_does(text: str) -> None:
    assert _tokens(text) == [token for token in regex.split(r"\s+", text) if token]


def test_the_script_characters_are_what_their_script_makes() -> None:
    """vocab/script_characters.tsv is what scripts/make_script_characters.py makes from the
    installed OpenCC (an OpenCC upgrade that changes its tables fails here: run the script)."""
    spec = importlib.util.spec_from_file_location(
        "make_script_characters", ROOT / "scripts" / "make_script_characters.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = (ROOT / "src" / "plan_extract" / "vocab" / "script_characters.tsv").read_text("utf-8")
    assert shipped == script.render()
    scripts = text_module._script_characters()
    assert {"发", "数", "据", "个"} <= scripts["zh-Hans"] and not {"發", "的"} & scripts["zh-Hans"]
    assert {"發", "數", "據", "個"} <= scripts["zh-Hant"] and not {"发", "的"} & scripts["zh-Hant"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("每月更新的數據集，以CSV格式發放", "zh-Hant"),
        ("每月更新的数据集，以CSV格式发放", "zh-Hans"),
        # 台 and 里 are OpenCC's to convert (臺, 裡) but Hong Kong prints them: still Traditional
        ("天文台 鄉村及郊野公園里程 數據", "zh-Hant"),
    ],
)
def test_the_script_is_counted_in_characters_only_one_script_uses(text: str, language: str) -> None:
    assert detect_language(text) == language
