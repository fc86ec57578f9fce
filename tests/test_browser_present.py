"""/present in a real Chromium at 1920×1080: no Streamlit chrome, keyboard and timer moves,
`?slide=N`, and a screenshot of every slide (large type, nothing cut off, no scrollbar)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.appserver import ARTIFACTS, running_app

pytestmark = pytest.mark.browser
SIZE = {"width": 1920, "height": 1080}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("present") / "store.sqlite"
    with running_app(f"sqlite:///{db}") as url:
        yield url


def settled(page: Page) -> None:
    """The script is idle and every chart on screen has drawn (no sleeping)."""
    page.get_by_test_id("stMain").locator("h1").first.wait_for(timeout=30_000)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
    )
    page.wait_for_function(
        "!document.querySelector('[data-testid^=stSkeleton]') && "
        "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(c => c.querySelector('svg.main-svg'))",
        timeout=30_000,
    )


def counter(page: Page) -> str:
    return page.locator(".st-key-slide_counter").inner_text().strip()


def open_present(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport=SIZE)
    page.goto(url)
    settled(page)
    return page


def test_no_chrome_and_every_slide_fits(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present")
    for testid in ("stSidebar", "stHeader", "stToolbar", "stDecoration"):
        expect(page.get_by_test_id(testid)).to_be_hidden()
    total = int(counter(page).split("/")[1])
    assert total == 7
    for number in range(1, total + 1):
        expect(page.locator(".st-key-slide_counter")).to_have_text(f"{number} / {total}")
        settled(page)
        # Nothing cut off and no scrollbar: the page is exactly the screen.
        size = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight,"
            " document.querySelector('[data-testid=stMain]').scrollHeight]"
        )
        assert size[0] <= SIZE["width"] and size[2] <= SIZE["height"], (number, size)
        title = page.get_by_test_id("stMain").locator("h1").first
        assert float(title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 48
        page.screenshot(path=str(ARTIFACTS / f"present-slide-{number}.png"))
        page.keyboard.press("ArrowRight")
    page.close()


def test_keys_move_back_and_forth(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present")
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".st-key-slide_counter")).to_have_text("2 / 7")
    page.keyboard.press("PageDown")
    expect(page.locator(".st-key-slide_counter")).to_have_text("3 / 7")
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text("微信、微博等新媒体发布")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".st-key-slide_counter")).to_have_text("2 / 7")
    page.keyboard.press("PageUp")
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7")
    expect(page).to_have_url(re.compile(r"slide=1"))
    page.close()


def test_slide_from_the_url(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present?slide=3")
    expect(page.locator(".st-key-slide_counter")).to_have_text("3 / 7")
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text("微信、微博等新媒体发布")
    page.close()


def test_timer_advances_by_itself(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present?auto=2&slide=6")
    expect(page.locator(".st-key-slide_counter")).to_have_text("6 / 7")
    # No key pressed: the timer moves on, and past the last slide it starts again.
    expect(page.locator(".st-key-slide_counter")).to_have_text("7 / 7", timeout=10_000)
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7", timeout=10_000)
    page.close()


@pytest.mark.parametrize("width", [1280, 1920])
def test_controls_and_counter_stay_on_screen(browser: Browser, app_url: str, width: int) -> None:
    # Fixed elements never widen the page's scroll area, so "no scrollbar" cannot see them.
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{app_url}/present?slide=2")
    settled(page)
    for key in ("slide_controls", "slide_counter"):
        box = page.locator(f".st-key-{key}").bounding_box()
        assert box is not None and box["x"] >= 0, key
        assert box["x"] + box["width"] <= width, (key, box)
    text = page.locator(".st-key-slide_counter p")
    right = text.evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getBoundingClientRect().right; }"
    )
    assert right <= width, right
    page.close()
