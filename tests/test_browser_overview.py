"""The overview in a real Chromium: the app starts on an empty store, loads the sample, shows it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.appserver import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "store.sqlite"
    with running_app(f"sqlite:///{db}") as url:
        yield url


def wait_until_idle(page: Page) -> None:
    """Wait on the app's own state, never on a sleep."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
    )


@pytest.mark.parametrize("width,height,name", [(1280, 800, "desktop"), (390, 844, "phone")])
def test_overview_shows_sample_figures_with_qualifiers(
    browser: Browser, app_url: str, width: int, height: int, name: str
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(app_url)
    wait_until_idle(page)
    metrics = page.get_by_test_id("stMetricValue")
    expect(metrics.filter(has_text="400余")).to_have_count(1)
    expect(metrics.filter(has_text="111")).to_have_count(1)
    expect(page.get_by_text("定海区教育局").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / f"overview-{name}.png"), full_page=True)
    page.close()


def test_overview_in_english_from_the_url(browser: Browser, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{app_url}/?lang=en")
    wait_until_idle(page)
    metrics = page.get_by_test_id("stMetricValue")
    expect(metrics.filter(has_text="400+")).to_have_count(1)
    expect(page.get_by_text("Key figures, 2019")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "overview-en.png"), full_page=True)
    page.close()
