"""/present in a real Chromium at 1920×1080: no Streamlit chrome, keyboard and timer moves,
`?slide=N`, and a screenshot of every slide (large type, nothing cut off, no scrollbar).

Every rule of the page's CSS (`dashboard.views.present.PRESENT_CSS`) is checked here by the
computed style it is meant to give, on an element that must exist: a Streamlit upgrade that
renames what a rule matches fails this file, not the meeting."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.appserver import ARTIFACTS, running_app

pytestmark = pytest.mark.browser
SIZE = {"width": 1920, "height": 1080}
# The slide's title: in the container keyed "slide", or "slide_title" on the title slide.
SLIDE_TITLE = ".st-key-slide h1, .st-key-slide_title h1"
TAKEAWAY = '[class*="st-key-takeaway_"] p'


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("present") / "store.sqlite"
    with running_app(f"sqlite:///{db}") as url:
        yield url


def settled(page: Page) -> None:
    """The script is idle and every chart on screen has drawn (no sleeping)."""
    page.locator(SLIDE_TITLE).wait_for(timeout=30_000)
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


def style(element: Locator, name: str) -> str:
    """The element's computed value of a CSS property (`font-size`, `position`, …)."""
    return element.evaluate("(e, name) => getComputedStyle(e).getPropertyValue(name)", name)


def px(element: Locator, name: str) -> float:
    return float(style(element, name).removesuffix("px"))


def rem(page: Page) -> float:
    """The root font size in pixels: what 1rem of the page's CSS is."""
    return px(page.locator("html"), "font-size")


def has_style(element: Locator, name: str, value: str) -> None:
    """The element exists, once, and has the computed style (so a rule matching nothing fails)."""
    expect(element).to_have_count(1)
    assert style(element, name) == value, (element, name)


def has_size(element: Locator, name: str, pixels: float) -> None:
    expect(element).to_have_count(1)
    assert px(element, name) == pytest.approx(pixels, abs=0.1), (element, name)


def open_present(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport=SIZE)
    page.goto(url)
    settled(page)
    return page


def test_no_chrome_and_every_slide_fits(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present")
    # Streamlit's own settings (app.py): the sidebar collapsed, no page list anywhere.
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    # Our CSS: the header bar (menu, running indicator, the button that opens the sidebar)
    # hidden; the main block's padding thin.
    has_style(page.get_by_test_id("stHeader"), "display", "none")
    expect(page.get_by_test_id("stToolbar")).to_be_hidden()
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_hidden()
    block = page.get_by_test_id("stMainBlockContainer")
    has_size(block, "padding-top", 1.2 * rem(page))
    has_size(block, "padding-left", 2.5 * rem(page))
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
        check_slide_type(page, title_slide=number == 1)
        page.screenshot(path=str(ARTIFACTS / f"present-slide-{number}.png"))
        page.keyboard.press("ArrowRight")
    page.close()


def check_slide_type(page: Page, *, title_slide: bool) -> None:
    """Projector type, as PRESENT_CSS sets it: title, takeaway, bullets (where there are)."""
    unit = rem(page)
    if title_slide:
        title = page.locator(".st-key-slide_title h1")
        has_size(title, "font-size", 4.4 * unit)
        has_size(title, "margin-top", 0.18 * SIZE["height"])  # 18vh
        has_size(page.locator(f".st-key-slide_title {TAKEAWAY}"), "font-size", 2.4 * unit)
    else:
        title = page.locator(".st-key-slide h1")
        has_size(title, "font-size", 3.4 * unit)
        has_style(title, "color", "rgb(17, 17, 17)")
        has_size(page.locator(TAKEAWAY), "font-size", 2.1 * unit)
    has_style(page.locator(TAKEAWAY), "color", "rgb(11, 61, 102)")
    for bullet in page.locator(".st-key-slide li").all():
        assert px(bullet, "font-size") == pytest.approx(2.2 * unit, abs=0.1)


def test_controls_are_styled(browser: Browser, app_url: str) -> None:
    """Counter, hidden PageUp/PageDown buttons, pinned controls, faint download button."""
    page = open_present(browser, f"{app_url}/present?slide=2")
    unit = rem(page)
    text = page.locator(".st-key-slide_counter p")
    has_size(text, "font-size", 1.6 * unit)
    has_style(text, "text-align", "right")
    for key in ("next_pagedown", "prev_pageup"):  # there for their keyboard shortcut only
        has_style(page.locator(f".st-key-{key}"), "display", "none")
    controls = page.locator(".st-key-slide_controls")
    has_style(controls, "position", "fixed")
    has_size(controls, "bottom", 0.6 * unit)
    download = page.locator(".st-key-download_pptx")
    has_style(download, "position", "fixed")
    has_style(download, "opacity", "0.6")
    page.close()


def test_keys_move_back_and_forth(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present")
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".st-key-slide_counter")).to_have_text("2 / 7")
    page.keyboard.press("PageDown")
    expect(page.locator(".st-key-slide_counter")).to_have_text("3 / 7")
    expect(page.locator(SLIDE_TITLE)).to_have_text("微信、微博等新媒体发布")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".st-key-slide_counter")).to_have_text("2 / 7")
    page.keyboard.press("PageUp")
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7")
    expect(page).to_have_url(re.compile(r"slide=1"))
    page.close()


def test_slide_from_the_url(browser: Browser, app_url: str) -> None:
    page = open_present(browser, f"{app_url}/present?slide=3")
    expect(page.locator(".st-key-slide_counter")).to_have_text("3 / 7")
    expect(page.locator(SLIDE_TITLE)).to_have_text("微信、微博等新媒体发布")
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


def test_the_sidebar_closes_on_present_and_opens_again_after(
    browser: Browser, app_url: str
) -> None:
    """Into /present through the page list, and back: the sidebar and its page list go and come
    back (app.py knows the page before Streamlit's navigation is drawn)."""
    page = browser.new_page(viewport=SIZE)
    page.goto(f"{app_url}/")
    expect(page).to_have_url(re.compile(r"[?&]agency=.+&year=\d{4}|[?&]year=\d{4}.*&agency="))
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
    )
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="演示").click()
    expect(page.locator(".st-key-slide_counter")).to_have_text("1 / 7")
    settled(page)
    expect(sidebar).to_be_hidden()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    # the page list's link pushed /present: going back before it did leaves the presentation.
    # Streamlit clears the query on a page switch and the page writes agency and year back;
    # when the two reach the browser apart, each pushes an entry (/present, /present?agency=…),
    # so Back may pass one or two of the presentation's own entries first (Streamlit's history,
    # not the app's; seen in 2 CI runs of about 40).
    expect(page).to_have_url(re.compile(r"/present(\?|$)"))
    # (each Back waits for the browser's popstate; at most three)
    page.evaluate(
        """async () => {
            for (let i = 0; i < 3 && location.pathname.endsWith("/present"); i++) {
                const moved = new Promise((done) =>
                    window.addEventListener("popstate", done, { once: true }));
                history.back();
                await moved;
            }
        }"""
    )
    expect(page).not_to_have_url(re.compile(r"/present(\?|$)"))
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
    expect(sidebar).to_be_visible()
    expect(page.get_by_test_id("stHeader")).to_be_visible()
    page.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_a_chart_slide_fills_the_screen_above_the_controls(
    browser: Browser, app_url: str, width: int, height: int
) -> None:
    """`.st-key-slide_chart` sizes the chart to the screen: below title and takeaway, above the
    pinned controls, on a small projector and a large one alike."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{app_url}/present?slide=2")
    settled(page)
    chart = page.locator(".st-key-slide_chart")
    has_size(chart, "height", max(height - 16.5 * rem(page), 14 * rem(page)))
    box = chart.bounding_box()
    controls = page.locator(".st-key-slide_controls").bounding_box()
    assert box is not None and controls is not None
    assert box["y"] + box["height"] <= controls["y"] + 1, (box, controls)
    plot = page.locator(".st-key-slide_chart .js-plotly-plot").first.bounding_box()
    assert plot is not None and plot["height"] >= 0.5 * box["height"], (plot, box)
    page.close()
