"""/compare in a real Chromium with 1,000 agencies, at desktop and phone width: every chart
drawn, the chosen agency on the ranking, nothing wider than the screen, no English in the Chinese
page, the group filter and the search working from the page, and screenshots in test-artifacts/
(compare-*.png) for people to look at."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.bench_compare import REGIONS, build_compare_store
from tests.appserver import running_app
from tests.browser_helpers import VIEWPORTS, open_page, rerun, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
AGENCY = "合成单位0005"
QUERY = f"agency={AGENCY}&year=2023"
CHARTS = ("compare_ranking", "compare_distribution", "compare_reporting", "compare_matrix")
# Latin words that may stand in the Chinese page: file formats and the time zone.
ALLOWED_LATIN = {"CSV", "xlsx", "UTC"}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("compare") / "store.sqlite"
    # 1,000 agencies × 3 years (about 90,000 figures; some reports missing), with a directory.
    build_compare_store(f"sqlite:///{db}", 1000, 3, first_year=2021).close()
    with running_app(f"sqlite:///{db}") as url:
        yield url


def charts_drawn(page: Page) -> None:
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(c => c.querySelector('svg.main-svg'))",
        timeout=30_000,
    )


def ranking_names(page: Page) -> list[str]:
    """The agency names on the ranking chart's axis, top first (`12. 合成单位0042`)."""
    ticks = page.locator(".st-key-card_compare_ranking .ytick text").evaluate_all(
        "texts => texts.map(t => t.textContent)"  # SVG text has no innerText
    )
    return [re.sub(r"^\d+\.\s*", "", t) for t in reversed(ticks)]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_compare_page_at_desktop_and_phone(browser: Browser, app_url: str, viewport: str) -> None:
    page = open_page(browser, f"{app_url}/compare?{QUERY}", viewport)
    charts_drawn(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="单位对比")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    for key in CHARTS:
        expect(page.locator(f".st-key-card_{key} svg.main-svg").first).to_be_visible()
    names = ranking_names(page)
    assert len(names) == 11 and names[-1] == AGENCY  # the top ten, and this agency below
    # The chosen agency's bar in the accent colour.
    colours = page.locator(".st-key-card_compare_ranking .point path").evaluate_all(
        "paths => paths.map(p => getComputedStyle(p).fill)"
    )
    assert colours.count("rgb(230, 159, 0)") == 1
    # Nothing wider than the screen, on a phone above all.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport][0] + 1
    for key in CHARTS:
        box = page.locator(f".st-key-card_{key}").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    # Axis labels inside their chart: none cut off at the left edge.
    for label in page.locator(".st-key-card_compare_ranking .ytick text").all():
        box = label.bounding_box()
        assert box is not None and box["x"] >= 0
    # No English in the Chinese page (Streamlit's defaults included), besides file formats.
    text = main.inner_text()
    # Material icons are drawn from ligature names (keyboard_arrow_right): not words shown.
    icons = " ".join(main.locator("[data-testid=stIconMaterial]").all_text_contents())
    latin = (
        set(re.findall(r"[A-Za-z]{2,}", text))
        - ALLOWED_LATIN
        - set(re.findall(r"[A-Za-z]+", icons))
    )
    assert not latin, latin
    for english in ("Choose an option", "No options to select", "Press Enter"):
        expect(main.get_by_text(english)).to_have_count(0)
    screenshot(page, f"compare-{viewport}")
    page.close()


def test_group_and_search_from_the_page(browser: Browser, app_url: str) -> None:
    page = open_page(browser, f"{app_url}/compare?{QUERY}", "desktop")
    charts_drawn(page)
    page.locator(".st-key-compare_group").get_by_role("combobox").click()
    page.get_by_role("option", name=re.compile(f"^地区：{REGIONS[0]}")).click()
    wait_until_idle(page)
    charts_drawn(page)
    expect(page).to_have_url(re.compile(r"group=region"))
    # Only the region's agencies are ranked: every fifth generated agency, from the first. (The
    # chart is redrawn after the URL changes: on a loaded machine the old one may still be
    # there for a moment, so the names are read until the new chart is in.)
    names: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        names = ranking_names(page)
        if names and all(int(name[-4:]) % 5 == 1 for name in names):
            break
        page.wait_for_timeout(250)
    assert names and all(int(name[-4:]) % 5 == 1 for name in names), names
    search = page.locator(".st-key-compare_search input")
    rerun(page, lambda: (search.fill("0011"), search.press("Enter")))
    found = page.locator(".st-key-compare_found")
    expect(found).to_be_visible()
    expect(page.locator(".st-key-compare_found [data-testid=stDataFrameResizable]")).to_have_count(
        1
    )
    screenshot(page, "compare-region-search")
    # The link reproduces the view: the same group after a reload.
    page.reload()
    wait_until_idle(page)
    charts_drawn(page)
    expect(page.locator(".st-key-compare_group input")).to_have_value(re.compile(REGIONS[0]))
    page.close()


def test_opening_the_page_writes_its_address_once(browser: Browser, app_url: str) -> None:
    """Opening /compare with no parameters adds one history entry, the sidebar's agency and
    year (it made two: the page wrote its default figure as a second one); choosing another
    figure adds one more, and Back shows the default figure again."""
    page = open_page(browser, f"{app_url}/compare", "desktop")
    expect(page).to_have_url(re.compile(r"agency=.+&year=\d{4}$"))
    charts_drawn(page)
    wait_until_idle(page)
    # about:blank (where a new page starts), the address opened, the one written
    assert page.evaluate("history.length") == 3
    opened = page.url
    page.locator(".st-key-compare_metric").get_by_role("combobox").click()
    page.get_by_role("option").nth(1).click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"&metric=\w+"))
    assert page.evaluate("history.length") == 4
    page.go_back()
    expect(page).to_have_url(opened)
    page.close()


def test_english_page_and_the_slide_link(browser: Browser, app_url: str) -> None:
    page = open_page(browser, f"{app_url}/compare?{QUERY}&lang=en", "desktop")
    charts_drawn(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Compare agencies")).to_be_visible()
    link = main.get_by_role("link", name="Open this ranking as a slide")
    expect(link).to_be_visible()
    link.click()
    page.locator(".st-key-slide h1").wait_for(timeout=30_000)
    expect(page.locator(".st-key-slide h1")).to_contain_text("agencies ranked (2023)")
    expect(page.locator(".st-key-slide_counter")).to_contain_text("2 / ")
    screenshot(page, "compare-slide")
    page.close()
