"""User text is text, in a real Chromium: a store whose agency name, notes, channels, categories,
recipients and meeting-deck name are Markdown images and links, bare URLs, `www.`, e-mail
addresses, HTML and a spreadsheet formula, all pointing at another host (127.0.0.2, where a
small server records every request it gets).

Every page is opened with that agency (and /present with hostile deck names, saved and unknown,
as anyone can type them into a link); an editor uploads a hostile file (report table, preview,
save message) and saves a hostile deck name. On every page: no element links to or loads from
another host, the browser requests nothing from any other host, the other host gets nothing,
and the text reads as typed. Screenshots: test-artifacts/text-safety-*.png.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from components.text import WORD_JOINER
from dashboard.domain.catalogue import default_catalogue
from dashboard.ingest.validate import validate_file
from dashboard.platform.auth import Actor, Role, add_user
from dashboard.platform.decks import save_deck
from dashboard.store.database import Store
from tests import hostile
from tests.appserver import running_app
from tests.browser_helpers import count_runs, rerun, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
YEAR = "2021"

# Every attribute through which an element links to or loads something, with its absolute URL.
URLS_IN_DOM = """() => {
    const names = ['href', 'src', 'xlink:href', 'srcset', 'action', 'formaction', 'poster',
                   'data', 'background', 'ping'];
    const resolve = (v) => {
        try { return new URL(v, location.href).href; } catch (e) { return v; }
    };
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const name of names) {
            const value = el.getAttribute(name);
            if (!value) continue;
            const parts = name === 'srcset'
                ? value.split(',').map(s => s.trim().split(/\\s+/)[0]) : [value];
            for (const part of parts)
                found.push([el.tagName.toLowerCase(), name, part, resolve(part)]);
        }
        const style = el.getAttribute('style') || '';
        for (const m of style.matchAll(/url\\(["']?([^"')]+)/g))
            found.push([el.tagName.toLowerCase(), 'style', m[1], resolve(m[1])]);
    }
    return found;
}"""


class Recorder(BaseHTTPRequestHandler):
    """The other host: answers 404 and records the path of every request."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:  # http.server's name
        Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_POST = do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class App:
    url: str
    port: int  # the other host's port, in every hostile address
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def other_host() -> Iterator[int]:
    server = ThreadingHTTPServer((hostile.OTHER_HOST, 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, other_host: int) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("text-safety")
    db_url = f"sqlite:///{folder / 'store.sqlite'}"
    store = Store(db_url)
    report = validate_file(hostile.csv_bytes(other_host), "hostile.csv", default_catalogue())
    assert report.ok
    store.commit(report.datasets, user="t")
    save_deck(
        store, hostile.deck_name(other_host), ["channels", "hotline"], actor=Actor("t", Role.EDITOR)
    )
    store.close()
    secrets = folder / "secrets.toml"
    add_user(secrets, "alice", PASSWORD, Role.EDITOR)
    env = {"DASHBOARD_SECRETS_FILE": str(secrets)}
    with running_app(db_url, env=env) as url:
        yield App(url, other_host)


def open_hostile(browser: Browser, app: App, path: str, **query: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    count_runs(page)
    page.on("request", lambda request: app.requests.append(request.url))
    params = {"agency": hostile.agency(app.port), "year": YEAR, **query}
    page.goto(f"{app.url}/{path}?{urlencode(params)}")
    wait_until_idle(page)
    return page


def hover_every_chart(page: Page) -> list[str]:
    """Move the mouse onto the bars and points of every chart until Plotly draws a hover label
    (its text is data too); the text of each chart's label. The viewport is left tall."""
    # Every chart on screen at once (Streamlit draws elements out of view as placeholders).
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 40, 8000)})
    page.wait_for_function(
        "!document.querySelector('[data-testid^=stSkeleton]') && "
        "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(c => c.querySelector('svg.main-svg'))",
        timeout=30_000,
    )
    labels = []
    for chart in page.get_by_test_id("stPlotlyChart").all():
        label = chart.locator("g.hoverlayer g.hovertext")
        for point in chart.locator("g.point path, path.point").all()[:4]:
            box = point.bounding_box()
            if box is None:
                continue
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            try:
                label.first.wait_for(timeout=1_500)
            except PlaywrightTimeout:
                continue
            labels.append(label.first.text_content() or "")
            break
    return labels


def pointing_elsewhere(page: Page, app: App) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of everything in the page that links to or loads from anywhere
    but the app: another host, `//host`, `mailto:`, `javascript:`."""
    here = urlsplit(app.url)
    elsewhere = []
    for tag, name, value, resolved in page.evaluate(URLS_IN_DOM):
        target = urlsplit(resolved)
        if target.scheme in ("data", "blob") or (
            target.scheme in ("http", "https") and target.netloc == here.netloc
        ):
            continue
        elsewhere.append((tag, name, value))
    return elsewhere


def assert_nothing_points_elsewhere(page: Page, app: App) -> None:
    elsewhere = pointing_elsewhere(page, app)
    # No link, image, source or style in the page points anywhere but the app itself …
    assert elsewhere == []
    # … the browser asked nothing of another host …
    assert [u for u in app.requests if not u.startswith((app.url, "data:", "blob:"))] == []
    # … and the other host heard nothing.
    assert Recorder.hits == []
    expect(page.get_by_test_id("stException")).to_have_count(0)


def visible_text(page: Page, test_id: str) -> list[str]:
    return [t.replace(WORD_JOINER, "") for t in page.get_by_test_id(test_id).all_inner_texts()]


PAGES = {
    "overview": "",
    "channels": "channels",
    "new-media": "new-media",
    "hotline": "hotline",
    "recruitment": "recruitment",
    "requests": "requests",
    "data": "data",
}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_shows_hostile_text_as_typed(browser: Browser, app: App, name: str) -> None:
    page = open_hostile(browser, app, PAGES[name])
    agency = hostile.agency(app.port)
    if name != "data":
        # The page caption: the agency exactly as typed, no backslash, no link, no image.
        caption = page.locator(".st-key-page_caption").inner_text().replace(WORD_JOINER, "")
        assert caption == f"{agency} · {YEAR}"
    if name == "overview":
        summary = page.locator(".st-key-summary").inner_text().replace(WORD_JOINER, "")
        assert f"2021年，{agency}主动公开信息" in summary
    if name == "channels":
        hovers = hover_every_chart(page)
        assert len(hovers) >= 3
        payloads = hostile.payloads(app.port)
        assert any(payloads["html_link"] in h or payloads["html_image"] in h for h in hovers)
        ticks = page.locator("g.ytick text").all_text_contents()
        assert payloads["html_link"] in ticks  # a channel's tick label, as typed
    else:
        hover_every_chart(page)
    assert_nothing_points_elsewhere(page, app)
    screenshot(page, f"text-safety-{name}")
    page.close()


@pytest.mark.parametrize("deck", ["default", "saved", "unknown"])
def test_present_with_hostile_names(browser: Browser, app: App, deck: str) -> None:
    query = {
        "default": {},
        "saved": {"deck": hostile.deck_name(app.port)},
        "unknown": {"deck": hostile.payloads(app.port)["link"] + " www.example.com"},
    }[deck]
    page = open_hostile(browser, app, "present", **query)
    title = page.locator(".st-key-slide_title h1")
    assert (
        title.inner_text().replace(WORD_JOINER, "")
        == f"{hostile.agency(app.port)}2021年政务公开工作"
    )
    if deck == "unknown":
        warning = page.locator(".st-key-unknown_deck").inner_text().replace(WORD_JOINER, "")
        assert warning == f"没有名为“{query['deck']}”的演示文稿，显示默认演示。"
    total = int(page.locator(".st-key-slide_counter").inner_text().split("/")[1])
    for slide in range(min(3, total)):
        assert_nothing_points_elsewhere(page, app)
        screenshot(page, f"text-safety-present-{deck}-{slide + 1}")
        if slide + 1 == min(3, total):
            break
        # Waiting on the counter, not on a script-state change that a fast rerun can hide.
        page.locator(".st-key-next button").click()
        expect(page.locator(".st-key-slide_counter")).to_have_text(
            f"{slide + 2} / {total}", timeout=30_000
        )
        wait_until_idle(page)
    page.close()


def sign_in(page: Page) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    user = sidebar.get_by_label("用户名")
    if not user.is_visible():
        sidebar.get_by_text("编辑人员登录").click()
    user.fill("alice")
    sidebar.get_by_label("密码").fill(PASSWORD)
    rerun(page, sidebar.get_by_role("button", name="登录").click)
    expect(sidebar.get_by_text("已登录：alice（编辑）")).to_be_visible()


def test_editor_uploads_a_hostile_file_and_saves_a_hostile_deck(browser: Browser, app: App) -> None:
    page = open_hostile(browser, app, "data")
    sign_in(page)
    main = page.get_by_test_id("stMain")
    payloads = hostile.payloads(app.port)
    agency = hostile.agency(app.port)

    # Upload: a file named like an image, new years of the hostile agency.
    main.get_by_role("tab", name="上传数据").click()
    panel = main.get_by_role("tabpanel", name="上传数据")
    name = payloads["image"] + ".csv"
    content = hostile.csv_bytes(app.port).replace(b"2021,", b"2023,").replace(b"2020,", b"2022,")
    uploader = panel.locator('[class*="st-key-upload_file_"] input[type=file]')
    uploader.set_input_files({"name": name, "mimeType": "text/csv", "buffer": content})
    report = panel.get_by_test_id("stTable")
    expect(report).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    checked = [t for t in visible_text(page, "stMarkdownContainer") if "已检查文件" in t]
    assert checked == [f"已检查文件“{name}”：2 个年度数据集，共 38 项数据。"]
    cells = [c.replace(WORD_JOINER, "").strip() for c in report.locator("td").all_inner_texts()]
    assert payloads["html_link"] in cells and payloads["formula"] in cells  # as typed
    assert f"{agency} 2022 年：新年度" in visible_text(page, "stMarkdownContainer")
    assert_nothing_points_elsewhere(page, app)
    screenshot(page, "text-safety-upload-report")

    panel.get_by_role("button", name="第四步：保存").click()
    alert = main.get_by_test_id("stAlert").filter(has_text="已保存：")
    expect(alert).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    saved = alert.inner_text().replace(WORD_JOINER, "")
    assert saved.startswith(f"已保存：{agency} 2022 年：已保存为第 1 版")
    assert_nothing_points_elsewhere(page, app)
    screenshot(page, "text-safety-upload-saved")

    # A meeting deck named like a link.
    main.get_by_role("tab", name="演示文稿").click()
    deck = f"[会议](http://{hostile.OTHER_HOST}:{app.port}/m) www.example.com"
    decks = main.get_by_role("tabpanel", name="演示文稿")
    # (the run the name's Enter starts is waited for, not just an idle page: the save button is
    # enabled only after it, and an idle look taken before it starts let a click meet the
    # disabled button once in CI)
    name = decks.get_by_label("名称")
    name.fill(deck)
    rerun(page, lambda: name.press("Enter"))
    expect(name).to_have_value(deck)
    save = decks.get_by_role("button", name="保存演示文稿")
    expect(save).to_be_enabled()
    save.click()
    alert = main.get_by_test_id("stAlert").filter(has_text="已保存演示文稿")
    expect(alert).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    flash = alert.inner_text().replace(WORD_JOINER, "")
    assert flash.startswith(f"已保存演示文稿“{deck}”，链接：/present?deck=")
    assert_nothing_points_elsewhere(page, app)
    screenshot(page, "text-safety-deck-saved")
    page.close()


def test_the_check_sees_links_elsewhere(browser: Browser, app: App) -> None:
    """The DOM check itself: links of every kind to elsewhere are found (links, not images: an
    image would be fetched and spoil the other host's record for the other tests)."""
    page = open_hostile(browser, app, "hotline")
    assert pointing_elsewhere(page, app) == []
    page.evaluate(
        """(host) => {
            for (const href of [`http://${host}/a`, `//${host}/b`, 'mailto:a@example.org',
                                'javascript:void(0)', 'https://www.example.com/']) {
                const a = document.createElement('a');
                a.setAttribute('href', href);
                document.body.appendChild(a);
            }
        }""",
        f"{hostile.OTHER_HOST}:{app.port}",
    )
    assert len(pointing_elsewhere(page, app)) == 5
    page.close()
