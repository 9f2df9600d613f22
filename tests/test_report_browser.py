"""report.html in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
them): it loads with no console errors, shows exactly delivery.parquet's counts, sorts, and a
screenshot is taken. Without Chromium the test is skipped, saying what to install."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from plan_extract.cli import main
from plan_extract.tracking.report import SEGMENTS

FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUE = FIXTURES / "catalogue"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(
            "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    inputs = [FIXTURES / "seed-zh-hant" / "input", FIXTURES / "seed-en" / "input"]
    assert main(["extract", *map(str, inputs), "--out", str(out), "--quiet"]) == 0
    snapshots = [
        CATALOGUE / "catalogue-2018-06-04.en.csv",
        CATALOGUE / "catalogue-2025-09-13.package_search.json",
        CATALOGUE / "package-show-2026-08-27.jsonl",
    ]
    assert main(["track", "--tables", str(out), *map(str, snapshots)]) == 0
    return out


def test_report_in_chromium(browser: Any, tracked: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get((tracked / "report.html").as_uri())
    assert browser.title == "Open data plans: promises and delivery"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []

    delivery = pd.read_parquet(tracked / "delivery.parquet")
    shown = browser.find_elements(By.CSS_SELECTOR, "#delivery tbody tr")
    assert len(shown) == len(delivery)
    for row, expected in zip(shown, delivery.itertuples(), strict=True):
        assert row.get_attribute("data-department") == expected.department_id
        for key in ("promised", *(s[0] for s in SEGMENTS)):
            cell = row.find_element(By.CSS_SELECTOR, f'td[data-count="{key}"]')
            assert int(cell.text) == getattr(expected, key), key
    assert "政府資訊科技總監辦公室" in browser.find_element(By.ID, "delivery").text

    promises = pd.read_parquet(tracked / "promises.parquet")
    counted = promises[promises.plan_id.isin(delivery.plan_id)]
    review = browser.find_elements(By.CSS_SELECTOR, "#review tbody tr")
    assert len(review) == (counted.status == "to_review").sum()
    links = browser.find_elements(By.CSS_SELECTOR, '#promises a[href^="https://data.gov.hk/"]')
    assert len(links) == counted.catalogue_url.notna().sum() > 0
    header = browser.find_element(By.CSS_SELECTOR, "#review thead th:nth-child(3)")
    header.click()
    items = [
        int(r.find_elements(By.TAG_NAME, "td")[2].text)
        for r in browser.find_elements(By.CSS_SELECTOR, "#review tbody tr")
    ]
    assert items == sorted(items)

    picture = tracked / "report.png"
    assert browser.save_screenshot(str(picture))
    assert picture.stat().st_size > 10_000
