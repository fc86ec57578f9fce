""" "从年度报告提取" in a real Chromium, as an editor would: paste a report's text, correct a
figure in the editable table (st.data_editor, a glide-data-grid canvas: a click, the arrow keys,
Enter, typing, Enter), delete a row (its row marker, then Delete), check, preview and save; then
the overview shows the corrected figure as written and not the deleted one, and 版本历史 names the
report. Screenshots go to test-artifacts/extract-*.png.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from dashboard.platform.auth import Role, add_user
from dashboard.store.database import Store
from tests.appserver import ARTIFACTS, running_app
from tests.browser_helpers import VIEWPORTS, open_page, rerun, screenshot, wait_until_idle
from tests.test_browser_upload import (
    PASSWORD,
    go_to,
    grid_rows,
    metric,
    no_exception,
    sign_in_as_alice,
)

pytestmark = pytest.mark.browser

AGENCY = "岱山县农业农村局"  # not in the sample data: a new agency, and a new year
YEAR = 2021
REPORT = (
    f"{AGENCY}{YEAR}年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    f"{YEAR}年，本机关通过政府门户网站主动公开政府信息860余条，微博发布信息240条。"
    "收到政府信息公开申请12件。\n"
)
FOUND = [  # 指标, 数值, 渠道, 类别 as the table first shows them
    ["发布信息条数", "860余条", "政府门户网站", ""],
    ["发布信息条数", "240条", "微博", ""],
    ["新收申请数", "12件", "", ""],
]
VALUE_COLUMN = 2  # glide's column index of 数值 (0 is the row marker column, 1 指标)
ROW_HEIGHT = 35  # Streamlit's data grid row height, px


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """One server on a store that starts empty (so it is seeded with the samples)."""
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    add_user(secrets, "alice", PASSWORD, Role.EDITOR)
    db_url = f"sqlite:///{tmp_path_factory.mktemp('extract') / 'store.sqlite'}"
    env = {"DASHBOARD_SECRETS_FILE": str(secrets), "DASHBOARD_DEFAULT_AGENCY": "定海区教育局"}
    with running_app(db_url, env=env) as url:
        yield url, db_url


# ── the editable table (a canvas: read through glide's accessible table, driven by mouse/keys) ─


def editor_grid(report: Locator) -> Locator:
    """The report's st.data_editor (not the table of numbers left out below it), scrolled into
    view: glide draws its accessible table (the cells' text) only for a grid on screen."""
    grid = report.locator("[class*='st-key-extract_table_']").get_by_test_id("stDataFrame")
    grid.scroll_into_view_if_needed()
    expect(grid.locator("td[role=gridcell]").first).to_be_attached()
    return grid


def table_rows(grid: Locator) -> list[list[str]]:
    """指标, 数值, 渠道, 类别 of each row: the table shows 指标, 数值, 把握, 渠道, 类别 whole (渠道
    as wide as 政府门户网站 needs), then the start of 备注."""
    # Every column up to 类别 is on screen — once the grid has laid itself out again: after the
    # window grows (a phone's width to a desktop's), it draws its new columns a moment later.
    rows = grid_rows(grid)
    deadline = time.monotonic() + 10
    while not all(len(row) >= 5 for row in rows) and time.monotonic() < deadline:
        grid.page.wait_for_timeout(200)
        rows = grid_rows(grid)
    assert all(len(row) >= 5 for row in rows), rows
    return [[row[0], row[1], row[3], row[4]] for row in rows]


def click_row(grid: Locator, row: int, x: float) -> None:
    """Click `x` px into the grid's canvas, in the middle of body row `row`. Playwright's own
    click scrolls the grid into view and waits until it stands still and takes the click there
    (a click at page coordinates computed first could land where the grid had been before a
    late layout moved it, or below a phone's screen). Glide's scroller lies over its canvas and
    takes the pointer: the click goes to it, at the canvas's point."""
    scroller = grid.locator(".dvn-scroller")
    scroller.scroll_into_view_if_needed()
    canvas = grid.get_by_test_id("data-grid-canvas").bounding_box()
    header = grid.locator("canvas").nth(1).bounding_box()  # the header's own canvas
    box = scroller.bounding_box()
    assert canvas is not None and header is not None and box is not None
    y = header["height"] + ROW_HEIGHT * row + ROW_HEIGHT / 2
    scroller.click(position={"x": canvas["x"] - box["x"] + x, "y": canvas["y"] - box["y"] + y})


def correct_value(page: Page, grid: Locator, row: int, value: str) -> None:
    """Click the row's first cell (指标), move right to 数值 with the arrow keys, Enter opens the
    cell's editor, select all, type, Enter saves it (and the app reruns)."""
    cell = grid.locator(f"#glide-cell-{VALUE_COLUMN}-{row}")
    for attempt in range(3):
        _select_value_cell(page, grid, row)
        page.keyboard.press("Enter")
        editor = page.locator("#portal textarea")
        expect(editor).to_be_visible()
        editor.press("Control+a")
        editor.press_sequentially(value)
        expect(editor).to_have_value(value)

        def commit(editor: Locator = editor) -> None:
            editor.press("Enter")
            # Enter closes the editor when glide takes the edit: a failure here is the grid's,
            # not a rerun that never came.
            expect(editor).to_be_hidden()

        try:
            rerun(page, commit)  # (the run counted from the server's own messages)
            break
        except PlaywrightTimeoutError:
            # Seen in CI under load: the editor closed and the server ran nothing — the grid
            # was drawn afresh before it sent the edit (it waits 150 ms to send one), and the
            # edit went with it. The cell then shows the old value, and the edit is made again
            # (a real change, so it runs); an edit that shows but never ran is the app's.
            wait_until_idle(page)
            grid.scroll_into_view_if_needed()
            if attempt == 2 or cell.inner_text() == value:
                raise
    expect(cell).to_have_text(value)


def _select_value_cell(page: Page, grid: Locator, row: int) -> None:
    """Select the row's 数值 cell: its first cell (指标) clicked, then the arrow keys."""
    cell = grid.locator(f"#glide-cell-{VALUE_COLUMN}-{row}")
    # A click can land while the page is still settling (the grid moved by a rerun's late
    # layout, a CI run under load): then nothing is selected, and the click is made again at
    # the grid's place as it now is.
    first = grid.locator(f"#glide-cell-1-{row}")
    for attempt in range(3):
        # (a click on a cell already selected opens its editor — the metric's list — which
        # would then take the arrow keys: the row's first cell is clicked only when unselected)
        if first.get_attribute("aria-selected") != "true":
            click_row(grid, row, 100)
        for _ in range(VALUE_COLUMN - 1):
            page.keyboard.press("ArrowRight")
        try:
            expect(cell).to_have_attribute("aria-selected", "true", timeout=5_000)
            return
        except AssertionError:
            if attempt == 2:
                raise
            # (an editor a stray click opened is closed first)
            page.keyboard.press("Escape")
            wait_until_idle(page)
            grid.scroll_into_view_if_needed()


def delete_row(page: Page, grid: Locator, row: int) -> None:
    """Tick the row's marker (the checkbox at its left) and press Delete (the app reruns)."""
    click_row(grid, row, 15)
    expect(grid.locator("tbody tr[role=row]").nth(row)).to_have_attribute("aria-selected", "true")
    rerun(page, lambda: page.keyboard.press("Delete"))


def extract_section(browser: Browser, url: str, viewport: str = "desktop") -> tuple[Page, Locator]:
    """Sign in as the editor (at desktop width: the sidebar's sign-in), open 数据 → 上传数据 at
    `viewport`'s width: the page and its 从年度报告提取 section."""
    page = open_page(browser, url, "desktop")
    sign_in_as_alice(page)
    go_to(page, "数据")
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.get_by_role("tab", name="上传数据").click()
    section = page.locator(".st-key-extract_section")
    expect(section.get_by_role("heading", name="从年度报告提取")).to_be_visible()
    return page, section


def paste_report(
    browser: Browser, url: str, text: str, viewport: str = "desktop"
) -> tuple[Page, Locator]:
    """Paste `text` into 从年度报告提取 (`extract_section`): the page and the report's block."""
    page, section = extract_section(browser, url, viewport)
    paste = section.get_by_label("或粘贴报告原文")
    paste.fill(text)
    rerun(page, lambda: paste.press("Control+Enter"))
    return page, page.locator(".st-key-extract_report_0")


def open_list(box: Locator) -> None:
    """Open a selectbox's list: a click that lands while the expander around it is still
    opening is lost, so click again until the box says it is open."""
    for _ in range(5):
        box.click()
        try:
            expect(box).to_have_attribute("aria-expanded", "true", timeout=2_000)
            return
        except AssertionError:
            continue
    expect(box).to_have_attribute("aria-expanded", "true")


# ── the test ─────────────────────────────────────────────────────────────────────────────────


def test_pasted_report_corrected_in_the_table_is_saved_as_corrected(
    browser: Browser, app: tuple[str, str]
) -> None:
    url, db_url = app
    page, report = paste_report(browser, url, REPORT)
    section = page.locator(".st-key-extract_section")
    expect(report.get_by_text("粘贴的文本：找到 3 个数字")).to_be_visible()
    expect(report.get_by_label("单位")).to_have_value(AGENCY)
    expect(report.get_by_label("年度")).to_have_value(str(YEAR))
    # The text beside the table, with the quotes highlighted.
    text = page.locator(".st-key-extract_text_0")
    expect(text.get_by_text("本机关通过政府门户网站主动公开政府信息860余条")).to_be_visible()

    grid = editor_grid(report)
    assert table_rows(grid) == FOUND
    correct_value(page, grid, 0, "880余条")
    grid = editor_grid(report)
    delete_row(page, grid, 1)  # 微博 240条
    grid = editor_grid(report)
    expect(grid.locator("tbody tr[role=row]")).to_have_count(2)
    assert table_rows(grid) == [[FOUND[0][0], "880余条", *FOUND[0][2:]], FOUND[2]]
    no_exception(page)
    screenshot(page, "extract-1-corrected")
    # The section itself: its inputs, then the report's table beside the highlighted text.
    section.screenshot(path=str(ARTIFACTS / "extract-2-section.png"))
    report.screenshot(path=str(ARTIFACTS / "extract-2-report.png"))

    rerun(page, page.locator(".st-key-extract_check_0").get_by_role("button").click)
    expect(page.get_by_text("没有发现问题。").last).to_be_visible()
    expect(page.get_by_text(f"{AGENCY} {YEAR} 年：新年度")).to_be_visible()
    expect(metric(page, "新增")).to_have_text("2")
    expect(metric(page, "删除")).to_have_text("0")
    no_exception(page)
    screenshot(page, "extract-3-preview")

    page.locator(".st-key-extract_commit_0").get_by_role("button", name="第四步：保存").click()
    expect(
        page.get_by_test_id("stAlert").get_by_text(
            f"已保存：{AGENCY} {YEAR} 年：已保存为第 1 版（新增 2、修改 0、删除 0）。"
        )
    ).to_be_visible()
    wait_until_idle(page)
    # A fresh, empty section for the next report.
    expect(page.locator(".st-key-extract_report_0")).to_have_count(0)
    page.close()

    store = Store(db_url)
    try:
        facts = store.dataset_facts(AGENCY, YEAR)
        assert sorted(f.as_written or "" for f in facts) == ["12件", "880余条"]
    finally:
        store.close()

    # The overview of the new agency and year: the figure as corrected, no card for the deleted.
    address = f"{url}/?{urlencode({'agency': AGENCY, 'year': YEAR})}"
    page = open_page(browser, address, "desktop")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(f"{AGENCY} · {YEAR}")).to_be_visible()
    expect(metric(main, "门户网站发布信息")).to_have_text("880余条")
    expect(metric(main, "微博发布")).to_have_count(0)
    expect(main.get_by_text("240")).to_have_count(0)
    no_exception(page)
    screenshot(page, "extract-4-overview")

    # 版本历史 names the report the figures were extracted from.
    sign_in_as_alice(page)
    go_to(page, "数据")
    page.get_by_role("tab", name="版本历史").click()
    history = page.get_by_role("tabpanel", name="版本历史").get_by_test_id("stDataFrame").first
    history.scroll_into_view_if_needed()
    expect(history.get_by_text("从“粘贴的文本”提取")).to_be_attached()
    [row] = grid_rows(history)
    assert row[:3] == [AGENCY, str(YEAR), "1"] and "alice" in row
    assert "从“粘贴的文本”提取" in row
    no_exception(page)
    screenshot(page, "extract-5-history")
    page.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_report_s_name_for_the_stored_agency_fills_in_the_stored_name(
    browser: Browser, app: tuple[str, str], viewport: str
) -> None:
    """宁波市定海区教育局 in the report's title is the stored 定海区教育局 (the samples): the
    agency box holds the stored name, and the caption below it says what the report wrote —
    in Chinese, readable at desktop and phone width."""
    url, _ = app
    text = REPORT.replace(AGENCY, "宁波市定海区教育局").replace(str(YEAR), "2024")
    page, report = paste_report(browser, url, text, viewport)
    expect(report.get_by_label("单位")).to_have_value("定海区教育局")
    caption = report.get_by_text("报告中写作“宁波市定海区教育局”，已对应到已有单位“定海区教育局”")
    expect(caption).to_be_visible()
    box = caption.bounding_box()
    assert box is not None and box["width"] <= (page.viewport_size or {"width": 0})["width"]
    caption.scroll_into_view_if_needed()
    screenshot(page, f"extract-stored-agency-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_saved_page_gives_the_place_its_text_leaves_out(
    browser: Browser, app: tuple[str, str], viewport: str
) -> None:
    """A report saved from its government site (.html) whose text names its bureau without the
    place (市住房和城乡建设局): the site's name in the page's head (SiteName) completes it, the
    agency box holds the full name and a warning in Chinese says where it came from."""
    url, _ = app
    page, section = extract_section(browser, url, viewport)
    saved = (
        '<html><head><meta charset="utf-8"><meta name="SiteName" content="安顺市人民政府">'
        "<title>政府信息公开年报</title></head><body>"
        "<p>市住房和城乡建设局2022年政府信息公开工作年度报告</p>"
        "<p>2022年，我局主动公开政府信息120条，收到政府信息公开申请3件。</p></body></html>"
    ).encode()
    uploader = section.get_by_test_id("stFileUploader").locator("input[type=file]")
    uploader.set_input_files({"name": "年报.html", "mimeType": "text/html", "buffer": saved})
    report = page.locator(".st-key-extract_report_0")
    expect(report.get_by_label("单位")).to_have_value("安顺市住房和城乡建设局", timeout=30_000)
    warning = report.get_by_text(
        "已按网页注明的发布网站或信息来源“安顺市人民政府”填写为“安顺市住房和城乡建设局”"
    )
    expect(warning).to_be_visible()
    box = warning.bounding_box()
    assert box is not None and box["width"] <= (page.viewport_size or {"width": 0})["width"]
    warning.scroll_into_view_if_needed()
    screenshot(page, f"extract-named-by-page-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_pasted_title_without_its_place_is_said_back(
    browser: Browser, app: tuple[str, str], viewport: str
) -> None:
    """The same bureau's report pasted as text, with no page around it: the agency box stays
    empty for the editor, and the warning says the name the report gives and that its place is
    missing, in Chinese, within the screen at desktop and phone width."""
    url, _ = app
    page, report = paste_report(
        browser,
        url,
        "市住房和城乡建设局2022年政府信息公开工作年度报告\n"
        "2022年，我局主动公开政府信息120条，收到政府信息公开申请3件。",
        viewport,
    )
    expect(report.get_by_label("单位")).to_have_value("")
    warning = report.get_by_text("报告只写了单位“市住房和城乡建设局”，没有写明是哪个地方的")
    expect(warning).to_be_visible()
    expect(report.get_by_text("前加上市或县名")).to_be_visible()
    box = warning.bounding_box()
    assert box is not None and box["width"] <= (page.viewport_size or {"width": 0})["width"]
    warning.scroll_into_view_if_needed()
    screenshot(page, f"extract-agency-unplaced-{viewport}")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_number_left_out_is_added_to_the_table_without_losing_a_correction(
    browser: Browser, app: tuple[str, str], viewport: str
) -> None:
    """A figure the extractor left out (培训3次: no rule names it) is picked from the list of
    numbers left out, with its metric, and added to the table: the value corrected before in
    the table stays corrected, and the new row is marked for checking."""
    url, _ = app
    page, report = paste_report(browser, url, REPORT + "全年开展政务公开培训3次。\n")
    grid = editor_grid(report)
    correct_value(page, grid, 0, "880余条")

    width, height = VIEWPORTS[viewport]
    # tall enough that the whole section and a list opened below its box are in view
    page.set_viewport_size({"width": width, "height": 2400})
    report.locator(".st-key-extract_skipped_0").get_by_text("未采用的数字（3 个）及原因").click()
    adopt = report.locator(".st-key-extract_adopt_0")
    open_list(adopt.get_by_role("combobox", name="把未采用的数字加入上表"))
    rerun(page, page.get_by_role("option", name="3次 · 全年开展政务公开培训3次").click)
    metric_box = adopt.get_by_role("combobox", name="它的指标")
    open_list(metric_box)
    metric_box.press_sequentially("培训次数")  # the long list narrows to it
    rerun(page, page.get_by_role("option", name="培训次数", exact=True).click)
    rerun(page, adopt.get_by_role("button", name="加入上表").click)

    expect(report.get_by_text("上表有 1 个手动加入的数字")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    grid = editor_grid(report)
    expect(grid.locator("tbody tr[role=row]")).to_have_count(4)
    assert table_rows(grid) == [
        [FOUND[0][0], "880余条", *FOUND[0][2:]],
        FOUND[1],
        FOUND[2],
        ["培训次数", "3次", "", ""],
    ]
    no_exception(page)
    page.set_viewport_size({"width": width, "height": height})
    if viewport == "phone":  # the sidebar slides away at phone width: wait until it is gone
        expect(page.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    screenshot(page, f"extract-adopted-{viewport}")
    page.close()
