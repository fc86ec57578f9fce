"""The staff workflow in a real Chromium, as a user would: sign in, upload a real .xlsx and a GBK
CSV through the file input, read the report and the preview, save, and see the figures on the
other pages; the sign-in throttle; and two app processes on one SQLite file.

Tests 1–4 share one server and store (in file order: a new year, then a replaced year, then a file
with errors, then the throttle on a user of its own); each also passes alone. Screenshots go to
test-artifacts/upload-*.png.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from dashboard.platform.auth import Role, add_user
from dashboard.store.database import Store
from tests.appserver import ROOT, running_app
from tests.browser_helpers import (
    count_runs,
    open_page,
    rerun,
    screenshot,
    wait_for_run,
    wait_until_idle,
    watch_for_run,
)

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
BOB_PASSWORD = "bob's own passphrase"
HEADER = ("年度", "单位", "指标", "渠道", "类别", "数值", "备注")
NEW_YEAR = (  # 定海区教育局 2020, not in the sample data
    (2020, "定海区教育局", "发布信息条数", "政府门户网站", None, "450余", "公开信息450余条"),
    (2020, "定海区教育局", "发布信息条数", "微博", None, "900余", None),
    (2020, "定海区教育局", "热线受理件数", "12345", None, 120, None),
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class App:
    url: str
    db_url: str


def xlsx_bytes(*rows: tuple[object, ...]) -> bytes:
    """A real Excel workbook, as Excel or WPS would save it (numbers as numbers)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "数据"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(*rows: tuple[object, ...], encoding: str) -> bytes:
    lines = [",".join("" if v is None else str(v) for v in row) for row in (HEADER, *rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    add_user(path, "alice", PASSWORD, Role.EDITOR)
    add_user(path, "bob", BOB_PASSWORD, Role.EDITOR)  # the throttle test locks bob, not alice
    return path


def app_env(secrets: Path) -> dict[str, str]:
    return {"DASHBOARD_SECRETS_FILE": str(secrets), "DASHBOARD_DEFAULT_AGENCY": "定海区教育局"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, secrets: Path) -> Iterator[App]:
    """One server on a store that starts empty (so it is seeded with the samples)."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('upload') / 'store.sqlite'}"
    with running_app(db_url, env=app_env(secrets)) as url:
        yield App(url, db_url)


# ── what a user does ─────────────────────────────────────────────────────────────────────────


def sign_in(page: Page, name: str, password: str, *, shot: str | None = None) -> None:
    """Open the sidebar's sign-in expander (if closed), type, press 登录 and wait for the run."""
    sidebar = page.get_by_test_id("stSidebar")
    user = sidebar.get_by_label("用户名")
    if not user.is_visible():
        sidebar.get_by_text("编辑人员登录").click()
    user.fill(name)
    sidebar.get_by_label("密码").fill(password)
    if shot:
        screenshot(page, shot)
    button = sidebar.get_by_role("button", name="登录")
    wait_until_idle(page)
    mark = watch_for_run(page)
    button.click()
    try:
        wait_for_run(page, mark, timeout_ms=10_000)
    except PlaywrightTimeoutError:
        # Seen once in CI: a click that lands before the form is live starts no run. Press
        # again (the form is still there only if the first press did nothing).
        if button.is_visible():
            button.click()
        wait_for_run(page, mark)
    wait_until_idle(page)


def sign_in_as_alice(page: Page, *, shot: str | None = None) -> None:
    signed_in = page.get_by_test_id("stSidebar").get_by_text("已登录：alice（编辑）")
    sign_in(page, "alice", PASSWORD, shot=shot)
    try:
        expect(signed_in).to_be_visible()
    except AssertionError:
        # Seen once in CI under load: the press ran the script, yet the sidebar came back with
        # the sign-in closed, no message and nobody signed in (the session was drawn afresh).
        # Sign in once more; a second failure is the app's.
        sign_in(page, "alice", PASSWORD)
        expect(signed_in).to_be_visible()


def go_to(page: Page, title: str) -> None:
    """Click a page in the sidebar's navigation (the session, hence the sign-in, is kept)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    expect(
        page.get_by_test_id("stMain").get_by_role("heading", name=title, level=1)
    ).to_be_visible()
    wait_until_idle(page)


# The upload panel's file uploader (its key carries the upload round); the tab also holds the
# report-extraction uploader, found by its own key.
UPLOADER = '[class*="st-key-upload_file_"]'


def upload_tab(page: Page) -> Locator:
    """Go to 数据 → 上传数据; the tab's panel."""
    go_to(page, "数据")
    page.get_by_role("tab", name="上传数据").click()
    panel = page.get_by_role("tabpanel", name="上传数据")
    expect(panel.locator(UPLOADER)).to_be_visible()
    # components/upload.py's CSS hides Streamlit's English drop-zone instructions: the rule
    # must still match (the element is there, in both uploaders of the tab) and hide it.
    instructions = panel.get_by_test_id("stFileUploaderDropzoneInstructions")
    expect(instructions).to_have_count(2)
    for each in instructions.all():
        expect(each).to_have_css("display", "none")
    # … and its English button word is hidden, ours shown in its place
    words = panel.locator(
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    )
    expect(words).to_have_count(2)
    for each in words.all():
        expect(each).to_have_css("font-size", "0px")
        shown = each.evaluate("e => getComputedStyle(e, '::after').content")
        assert shown == '"选择文件"'
    return panel


def upload(panel: Page | Locator, name: str, content: bytes, mime: str) -> None:
    """Choose a file in the uploader, as the file dialog would; wait for the report and the run."""
    file_input = panel.locator(UPLOADER).locator("input[type=file]")
    file_input.set_input_files({"name": name, "mimeType": mime, "buffer": content})
    expect(panel.get_by_text(f"已检查文件“{name}”")).to_be_visible(timeout=30_000)
    wait_until_idle(panel.page)


def metric(scope: Page | Locator, label: str) -> Locator:
    """The value of the st.metric card with this label."""
    page = scope if isinstance(scope, Page) else scope.page
    card = scope.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )
    return card.get_by_test_id("stMetricValue")


def grid_rows(grid: Locator) -> list[list[str]]:
    """The body cells of an st.dataframe, from the grid's accessible table (it draws a canvas)."""
    rows = grid.locator("tbody tr[role=row]")
    return [row.locator("td[role=gridcell]").all_text_contents() for row in rows.all()]


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


# ── 1. a new year from a real .xlsx ────────────────────────────────────────────────────────────


def test_upload_xlsx_preview_save_and_see_the_new_year(browser: Browser, app: App) -> None:
    page = open_page(browser, app.url, "desktop")
    sign_in_as_alice(page, shot="upload-1-sign-in")
    screenshot(page, "upload-2-signed-in")

    panel = upload_tab(page)
    upload(panel, "2020年数据.xlsx", xlsx_bytes(*NEW_YEAR), XLSX)
    expect(
        panel.get_by_text("已检查文件“2020年数据.xlsx”：1 个年度数据集，共 3 项数据。")
    ).to_be_visible()
    expect(panel.get_by_text("没有发现问题。")).to_be_visible()
    expect(panel.get_by_text("定海区教育局 2020 年：新年度")).to_be_visible()
    expect(metric(panel, "新增")).to_have_text("3")
    expect(metric(panel, "修改")).to_have_text("0")
    expect(metric(panel, "删除")).to_have_text("0")
    # A new year: no replace confirmation (the tab's toggle is the extraction's folder switch).
    expect(panel.locator('[class*="st-key-confirm_"]')).to_have_count(0)
    save = panel.get_by_role("button", name="第四步：保存")
    expect(save).to_be_enabled()
    no_exception(page)
    screenshot(page, "upload-3-xlsx-preview")

    save.click()
    expect(
        page.get_by_test_id("stAlert").get_by_text(
            "已保存：定海区教育局 2020 年：已保存为第 1 版（新增 3、修改 0、删除 0）。"
        )
    ).to_be_visible()
    wait_until_idle(page)
    # A fresh, empty uploader for the next file.
    expect(page.get_by_text("已检查文件")).to_have_count(0)
    screenshot(page, "upload-4-xlsx-saved")
    page.close()

    # Another visitor (a new session) opens the overview: the latest year, 2020, by default.
    page = open_page(browser, f"{app.url}/", "desktop")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("定海区教育局 · 2020")).to_be_visible()
    expect(metric(main, "门户网站发布信息")).to_have_text("450余条")
    expect(metric(main, "12345热线受理")).to_have_text("120件")
    no_exception(page)
    screenshot(page, "upload-5-overview-2020")

    go_to(page, "发布渠道")
    expect(main.get_by_text("定海区教育局 · 2020")).to_be_visible()
    expect(main.get_by_text("450余", exact=False).first).to_be_visible()
    no_exception(page)
    screenshot(page, "upload-6-channels-2020")
    page.close()


# ── 2. a GBK CSV that replaces a stored year ───────────────────────────────────────────────────


def test_gbk_csv_replacing_a_year_needs_confirmation(browser: Browser, app: App) -> None:
    page = open_page(browser, app.url, "desktop")
    sign_in_as_alice(page)
    panel = upload_tab(page)
    content = csv_bytes(
        (2019, "定海区教育局", "专题会议次数", None, None, 3, "改为3次"), encoding="gbk"
    )
    upload(panel, "2019年更正.csv", content, "text/csv")
    expect(
        panel.get_by_text("已检查文件“2019年更正.csv”：1 个年度数据集，共 1 项数据。")
    ).to_be_visible()
    expect(
        panel.get_by_text(re.compile(r"定海区教育局 2019 年：将替换当前第 \d+ 版"))
    ).to_be_visible()
    expect(metric(panel, "修改")).to_have_text("1")
    expect(metric(panel, "新增")).to_have_text("0")
    expect(metric(panel, "删除")).to_have_text("31")  # the rest of the sample year

    save = panel.get_by_role("button", name="第四步：保存")
    expect(save).to_be_disabled()  # until the replacement is confirmed
    confirm = panel.get_by_role("checkbox", name=re.compile("我确认用此文件替换"))
    expect(confirm).not_to_be_checked()
    details = panel.get_by_test_id("stExpander").filter(has_text="逐项变化")
    details.get_by_text("逐项变化").click()
    changes = details.get_by_test_id("stDataFrame")
    expect(changes.locator("th[role=columnheader]", has_text="新数值")).to_be_attached()
    expect(changes).to_be_in_viewport()
    first = grid_rows(changes)[0]  # changes first, then removals
    assert (first[0], first[1], first[-2], first[-1]) == ("修改", "专题会议次数", "2", "3")
    screenshot(page, "upload-7-gbk-replace-preview")

    panel.get_by_test_id("stCheckbox").get_by_text("我确认用此文件替换").click()
    expect(confirm).to_be_checked()
    expect(save).to_be_enabled()
    wait_until_idle(page)
    save.click()
    expect(
        page.get_by_text(re.compile(r"已保存：定海区教育局 2019 年：已保存为第 \d+ 版"))
    ).to_be_visible()
    no_exception(page)
    page.close()

    # A link to 2019 (Streamlit drops ?year= from the address bar when it is the latest year).
    page = open_page(browser, f"{app.url}/?year=2019", "desktop")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("定海区教育局 · 2019")).to_be_visible()
    expect(metric(main, "政务公开专题会议")).to_have_text("3次")
    no_exception(page)
    screenshot(page, "upload-8-overview-2019-replaced")
    page.close()


# ── 3. a file with errors ────────────────────────────────────────────────────────────────────


def test_file_with_errors_is_reported_by_row_and_nothing_is_saved(
    browser: Browser, app: App
) -> None:
    page = open_page(browser, app.url, "desktop")
    sign_in_as_alice(page)
    store = Store(app.db_url)
    try:
        token = store.version_token()
        panel = upload_tab(page)
        content = csv_bytes(
            (2021, "定海区教育局", "发布信息数量", "微博", None, 100, None),
            (2021, "定海区教育局", "热线办结率", "12345", None, "150%", None),
            encoding="utf-8-sig",
        )
        upload(panel, "错误示例.csv", content, "text/csv")
        expect(panel.get_by_text("错误 2 个（必须改正后重新上传，未保存任何数据）")).to_be_visible()
        errors = panel.locator(".st-key-problems_error").get_by_test_id("stTable")
        expect(panel.locator(".st-key-problems_warning")).to_have_count(0)
        expect(errors.locator("th", has_text="怎么改")).to_be_attached()
        rows = [
            [cell.strip() for cell in row.locator("td").all_inner_texts()]
            for row in errors.locator("tbody tr").all()
        ]
        assert [row[:3] for row in rows] == [
            ["2", "指标", "发布信息数量"],
            ["3", "数值", "150%"],
        ]
        assert "不在指标目录中" in rows[0][3] and "发布信息条数" in rows[0][3]  # a suggestion
        # The sentences wrap: the whole message and what to do are on screen, not cut off.
        assert "请改为指标目录中的名称" in rows[0][4]
        assert "超出 0–100%" in rows[1][3]

        # The report can be downloaded as CSV, with the same rows.
        with page.expect_download() as download:
            panel.get_by_role("button", name="下载检查报告（CSV）").click()
        report = Path(download.value.path()).read_bytes().decode("utf-8-sig")
        assert "发布信息数量" in report and "150%" in report

        expect(panel.get_by_role("button", name="第四步：保存")).to_have_count(0)
        expect(panel.get_by_text("第三步：核对变化")).to_have_count(0)
        no_exception(page)
        screenshot(page, "upload-9-errors")
        assert store.version_token() == token
        assert store.history("定海区教育局", 2021) == []
    finally:
        store.close()
    page.close()


# ── 4. the sign-in throttle ──────────────────────────────────────────────────────────────────


def test_five_wrong_passwords_lock_the_name_even_for_the_right_one(
    browser: Browser, app: App
) -> None:
    page = open_page(browser, app.url, "desktop")
    sidebar = page.get_by_test_id("stSidebar")
    for attempt in range(5):
        sign_in(page, "bob", f"wrong password {attempt}")
        expect(sidebar.get_by_text("用户名或密码不正确。")).to_be_visible()
    store = Store(app.db_url)
    try:
        since = datetime.now(UTC) - timedelta(minutes=15)
        assert len(store.sign_in_failures_since("bob", since)) == 5
    finally:
        store.close()

    sign_in(page, "bob", BOB_PASSWORD)
    expect(sidebar.get_by_text("登录失败次数过多，请 5 分钟后再试。")).to_be_visible()
    expect(sidebar.get_by_text("已登录")).to_have_count(0)
    expect(sidebar.get_by_role("button", name="退出登录")).to_have_count(0)
    screenshot(page, "upload-10-throttled")
    go_to(page, "数据")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("tab", name="上传数据")).to_have_count(0)
    expect(main.get_by_test_id("stFileUploader")).to_have_count(0)
    expect(main.get_by_text("上传、保存和恢复数据需要编辑人员登录")).to_be_visible()
    page.close()


# ── 5. two app processes on one SQLite file ──────────────────────────────────────────────────


def choose_year(page: Page, year: str) -> None:
    """Pick a year in the sidebar (the options are those of the session's last run)."""
    page.locator(".st-key-year").get_by_role("combobox").click()
    rerun(page, page.get_by_role("option", name=year, exact=True).click)
    expect(page.get_by_test_id("stMain").get_by_text(f" · {year}")).to_be_visible()


def test_a_commit_in_one_process_is_seen_by_the_other(
    browser: Browser, secrets: Path, tmp_path: Path
) -> None:
    db_url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    env = app_env(secrets)
    with running_app(db_url, env=env) as first, running_app(db_url, env=env) as second:
        # A visitor of the second process, and an editor on the first, open the app at the same
        # time (both processes seed the empty store at once: one of them does it).
        watcher = browser.new_page(viewport={"width": 1280, "height": 800})
        editor = browser.new_page(viewport={"width": 1280, "height": 800})
        count_runs(watcher)
        count_runs(editor)
        watcher.goto(f"{second}/")
        editor.goto(f"{first}/")
        wait_until_idle(watcher)
        wait_until_idle(editor)
        # The visitor sees 定海区教育局 2019, the latest year of the sample.
        watched = watcher.get_by_test_id("stMain")
        expect(watched.get_by_text("定海区教育局 · 2019")).to_be_visible()
        expect(metric(watched, "门户网站发布信息")).to_have_text("400余条")

        # The editor saves a new year through the first process.
        sign_in_as_alice(editor)
        panel = upload_tab(editor)
        upload(panel, "2020.csv", csv_bytes(*NEW_YEAR, encoding="gb18030"), "text/csv")
        panel.get_by_role("button", name="第四步：保存").click()
        expect(editor.get_by_text("已保存：定海区教育局 2020 年")).to_be_visible()
        editor.close()

        # The second process's next page load shows it (its default is now the new year) …
        fresh = open_page(browser, f"{second}/", "desktop")
        main = fresh.get_by_test_id("stMain")
        expect(main.get_by_text("定海区教育局 · 2020")).to_be_visible()
        expect(metric(main, "门户网站发布信息")).to_have_text("450余条")
        fresh.close()

        # … and so does the session that was already open, on its next interaction (here: moving
        # to another page, same agency and year): the year list offers 2020 now.
        go_to(watcher, "发布渠道")
        expect(watched.get_by_text("定海区教育局 · 2019")).to_be_visible()
        choose_year(watcher, "2020")
        expect(watched.get_by_text("定海区教育局 · 2020")).to_be_visible()
        expect(watched.get_by_text("450余", exact=False).first).to_be_visible()

        # A commit from outside both (the command line, as bob) replaces 2020. The open session
        # keeps its view (agency, year) and shows the new figure on its next interaction: the
        # figures are cached by the store's version, not by the view.
        changed = ((2020, "定海区教育局", "发布信息条数", "政府门户网站", None, "500余", None),)
        file = tmp_path / "2020更正.csv"
        file.write_bytes(csv_bytes(*changed, *NEW_YEAR[1:], encoding="gbk"))
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", str(file), "--user", "bob"],
            cwd=ROOT,
            env={**os.environ, "DASHBOARD_DATABASE_URL": db_url},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        go_to(watcher, "总览")
        expect(watched.get_by_text("定海区教育局 · 2020")).to_be_visible()
        expect(metric(watched, "门户网站发布信息")).to_have_text("500余条")
        no_exception(watcher)
        screenshot(watcher, "upload-11-second-process-after-cli")
        watcher.close()

    store = Store(db_url)
    try:
        history = store.history("定海区教育局", 2020)
        assert [(v.version, v.user) for v in history] == [(2, "bob"), (1, "alice")]
    finally:
        store.close()
