"""The report in a real browser: headless Chromium (Debian's) driven by selenium.

It shows what escaping promises in the way a reader meets it: the ``<script>`` a scraped page
carried is on screen as text and never ran. It saves screenshots to
``outputs/screenshots/`` (``MINER_SCREENSHOTS`` elsewhere): ``report.png`` is the top of the
page, ``report_escaped.png`` the copied pair whose passage holds the markup.

``make browser`` installs ``chromium`` and ``chromium-driver`` from Debian (``make test`` runs
it first). Without them the test is skipped with the reason, except under CI, where a missing
browser is a failure: there it must have been installed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser test (make browser installs it)")
    pytest.skip(f"{reason}; `make browser` installs it (as root)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        _missing("Debian's chromium and chromium-driver are not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed (pip install -e '.[dev]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--hide-scrollbars"):  # fmt: skip
        options.add_argument(arg)
    # Both paths given: selenium never looks for (or downloads) a driver of its own.
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _shots() -> Path:
    folder = Path(os.environ.get("MINER_SCREENSHOTS", ROOT / "outputs" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_browser_shows_markup_as_text(browser: Any, markup_run: Path, page_script: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get((markup_run / "report.html").resolve().as_uri())
    heading = browser.find_element(By.CSS_SELECTOR, "#summary h2")
    assert heading.text == "Summary" and heading.is_displayed()
    assert browser.execute_script("return document.images.length") == 5
    browser.save_screenshot(str(_shots() / "report.png"))
    # the page's script is on screen, as text, in the copied pair and in the table heads
    shown = browser.find_element(By.TAG_NAME, "body").text
    assert page_script in shown
    pair = browser.find_element(By.CSS_SELECTOR, "#duplicates .pair")
    browser.execute_script("arguments[0].scrollIntoView(); window.scrollBy(0, -60)", pair)
    assert page_script in pair.text and pair.is_displayed()
    browser.save_screenshot(str(_shots() / "report_escaped.png"))
    # …and it never ran: no script element, no handler, no global it would have set
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('[onerror]').length") == 0


def test_browser_plots_load(browser: Any, markup_run: Path) -> None:
    browser.get((markup_run / "report.html").resolve().as_uri())
    widths = browser.execute_script(
        "return Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)"
    )
    assert len(widths) == 5 and all(w > 100 for w in widths)  # every data URI decoded
