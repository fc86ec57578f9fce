"""Every page in a real Chromium, at desktop and phone width: key figures present, no exception
box, and a screenshot kept in test-artifacts/ for people to look at."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.appserver import running_app
from tests.browser_helpers import VIEWPORTS, open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

# path → texts that must be on the page for the default view (定海区教育局 2019).
PAGES = {
    "": ["总览", "400余条", "111件"],
    "channels": ["发布渠道", "400余", "校园采风"],
    "new-media": ["新媒体", "800余"],
    "hotline": ["12345 热线", "111"],
    "recruitment": ["招聘公示", "未报告"],
    "requests": ["依申请公开", "本年新收政府信息公开申请数量"],
    "data": ["数据", "共 ", "填报模板"],
}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "store.sqlite"
    with running_app(f"sqlite:///{db}") as url:
        yield url


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_page_shows_key_figures(browser: Browser, app_url: str, path: str, viewport: str) -> None:
    page = open_page(browser, f"{app_url}/{path}", viewport)
    main = page.get_by_test_id("stMain")
    for text in PAGES[path]:
        expect(main.get_by_text(text, exact=False).first).to_be_attached()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # Streamlit's English defaults must not leak into the Chinese pages.
    for english in ("Choose options", "Choose an option", "No options to select"):
        expect(main.get_by_text(english)).to_have_count(0)
    # A phone must not scroll sideways: the page is no wider than the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport][0] + 1
    screenshot(page, f"page-{path or 'overview'}-{viewport}")
    page.close()


def test_link_reproduces_agency_year_and_language(browser: Browser, app_url: str) -> None:
    page = open_page(
        browser, f"{app_url}/channels?agency=杭州市教育局&year=2020&lang=en", "desktop"
    )
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Channels")).to_be_visible()
    expect(main.get_by_text("杭州市教育局 · 2020")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "link-hangzhou-2020-en")
    page.close()


def test_choosing_another_year_updates_the_url(browser: Browser, app_url: str) -> None:
    page = open_page(browser, f"{app_url}/?agency=杭州市教育局", "desktop")
    page.locator(".st-key-year").get_by_role("combobox").click()  # the sidebar's year
    page.get_by_role("option", name="2020").click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"year=2020"))
    expect(page.get_by_test_id("stMain").get_by_text("杭州市教育局 · 2020")).to_be_visible()
    page.close()


def test_the_address_is_written_once_per_choice(browser: Browser, app_url: str) -> None:
    """Agency and year reach the URL in one write: opening the dashboard adds one history
    entry (it added four, one per parameter per run), and one Back after choosing a year
    shows the year before (the address wins over the selector's state: it used to write the
    chosen year back over the address Back had brought)."""
    page = open_page(browser, f"{app_url}/?agency=杭州市教育局", "desktop")
    expect(page).to_have_url(re.compile(r"year=\d{4}"))
    # about:blank (where a new page starts), the address opened, the one with the year
    assert page.evaluate("history.length") == 3
    first = page.url
    opened = re.search(r"year=(\d{4})", first)
    assert opened is not None and opened[1] != "2020"
    latest = opened[1]
    page.locator(".st-key-year").get_by_role("combobox").click()
    page.get_by_role("option", name="2020").click()
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"year=2020"))
    assert page.evaluate("history.length") == 4
    page.go_back()
    expect(page).to_have_url(first)
    # …and the page follows the address back: the year before is shown, and stays
    wait_until_idle(page)
    expect(page.get_by_test_id("stMain").get_by_text(f"杭州市教育局 · {latest}")).to_be_visible()
    expect(page.locator(".st-key-year input")).to_have_value(latest)
    expect(page).to_have_url(first)
    page.close()
