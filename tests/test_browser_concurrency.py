"""Twenty browser sessions at once on one freshly started app process, with a commit landing in
the middle.

Guards against what once froze the server (script threads stuck in Polars: one session's table
conversion while another ran a Python callback inside Polars; then no page finished, the health
check stopped answering and SIGTERM was ignored) and against concurrent first imports at a cold
start ("partially initialized module 'pandas'", see components/preload.py).

Each session opens a link to its own agency (a new Streamlit session), then moves through two
more pages with the sidebar, as people do; meanwhile `python -m dashboard import` commits a
changed figure to the same store. Asserted: every script run finishes and draws the page's
title and the chosen agency; no exception box; no traceback in the server log; the health check
answers afterwards; the changed overview shows the old figure before the commit, the new one in
sessions opened after it and in a session rerun after it.

The sessions are driven concurrently with Playwright's async API (one Chromium, one browser
context per session) in a thread of their own, apart from the sync Playwright of the other
browser tests. Waits are generous (a slow machine must not fail the test), but a frozen server
fails it in about 1.5 minutes: a session stops at its first page that does not finish.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pytest
from playwright.async_api import Browser, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from benchmarks.synthetic import synthetic_datasets
from dashboard.domain.catalogue import default_catalogue
from dashboard.i18n.messages import t
from dashboard.platform.sample import seed_if_empty
from dashboard.store.database import Store
from tests.appserver import CHROMIUM, CHROMIUM_ARGS, ROOT, AppServer, running_server
from tests.browser_helpers import IDLE, ROUTES

pytestmark = pytest.mark.browser

SESSIONS = 20
PAGES_PER_SESSION = 3  # the first by its link, the others through the sidebar
PAGE_TIMEOUT_MS = 90_000
COMMIT_AFTER_PAGES = SESSIONS  # the commit starts once a third of the pages are done
AFTER_COMMIT_EVERY = 4  # every 4th session then opens the changed overview by its link
# The sample's agencies; 定海 at index 3 so that its session ends on the overview (routes 3, 4, 0).
SAMPLE_AGENCIES = (
    "杭州市教育局",
    "杭州市余杭区教育局",
    "南京市栖霞区教育局",
    "定海区教育局",
    "重庆市教育委员会",
)
CHANGED_AGENCY, CHANGED_YEAR = "定海区教育局", 2019
SAMPLE_CSV = ROOT / "data" / "samples" / "dinghai-education-2019.csv"
# The figure the commit changes: the overview's KPI card of items published on the portal.
OLD_ROW = "2019,定海区教育局,发布信息条数,政府门户网站,,400余,公开信息 400余条"
NEW_ROW = "2019,定海区教育局,发布信息条数,政府门户网站,,4321,公开信息 4321条"
FIGURES = {"zh": ("400余条", "4321条"), "en": ("400+", "4,321")}  # lang → (old, new) card text
OLD, NEW = "old", "new"
LOG_ALARMS = ("Traceback", "partially initialized")
# Elements whose code the browser loads on first use stand as skeletons until it has arrived.
NO_SKELETON = "!document.querySelector('[data-testid^=stSkeleton]')"
# Plotly's 4.7 MB chart library, swapped for a component that draws nothing (see new_session).
PLOTLY_CHUNK = "**/static/js/PlotlyChart.*.js"
NO_CHART = "const NoChart = () => null\nexport { NoChart as PlotlyChart, NoChart as default }\n"


@dataclass
class Visit:
    """One page: what was asked for, when, and what it showed."""

    session: str
    url: str
    started: float
    lang: str = "zh"
    changed_overview: bool = False  # the overview of the agency the commit changes
    seconds: float | None = None  # until the script run finished; None: it did not
    problems: list[str] = field(default_factory=list)
    figure: str | None = None  # on the changed overview: OLD or NEW (None: neither or both)

    def __str__(self) -> str:
        took = f"{self.seconds:.1f} s" if self.seconds is not None else "unfinished"
        return f"{self.session}: {self.url} ({took}) {', '.join(self.problems)}"


@dataclass
class Run:
    base: str  # the app's URL
    visits: list[Visit] = field(default_factory=list)
    commit_started: float | None = None
    commit_done: float | None = None
    commit_output: str = ""
    commit_code: int | None = None


def build_store(db_url: str) -> list[tuple[str, int]]:
    """The sample plus 15 generated agencies (two years each); (agency, year) per session."""
    store = Store(db_url)
    try:
        seed_if_empty(store, default_catalogue())
        store.commit(list(synthetic_datasets(SESSIONS - len(SAMPLE_AGENCIES), 2)), user="test")
        years = dict(store.current_facts().group_by("agency").agg(pl.col("year").max()).iter_rows())
    finally:
        store.close()
    agencies = [*SAMPLE_AGENCIES, *sorted(a for a in years if a not in SAMPLE_AGENCIES)]
    assert len(agencies) == SESSIONS
    return [(a, years[a]) for a in agencies]


def health_check(base: str) -> str:
    """The status of Streamlit's health endpoint, or why it did not answer."""
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as response:
            return str(response.status)
    except OSError as error:
        return f"no answer ({error!r})"


async def new_session(browser: Browser) -> Page:
    """A browser context of its own (another user), with one tab.

    Charts are not drawn: the browser gets an empty component instead of Plotly's library. The
    server still builds and sends every figure (what this test is about); drawing them is the
    browser's work, checked by test_browser.py, and costs about a third more Chromium time per
    page, when Chromium already takes most of this test's CPU. Tables are drawn.
    """
    context = await browser.new_context(
        viewport={"width": 1280, "height": 800}, reduced_motion="reduce"
    )
    await context.route(
        PLOTLY_CHUNK, lambda route: route.fulfill(body=NO_CHART, content_type="text/javascript")
    )
    return await context.new_page()


async def wait_for_run(page: Page, name: str, deadline: float, lang: str = "zh") -> None:
    """Streamlit's own state: the page's title drawn, no script running, no skeleton left.

    The last matters before clicking on: a sidebar widget not drawn yet has not told the browser
    its value, and the next page would open on the first agency of the list instead.
    """
    title = page.get_by_test_id("stMain").locator("h1", has_text=t(f"app.page.{name}", lang))
    await title.first.wait_for(timeout=max(1, deadline - time.monotonic()) * 1000)
    await page.wait_for_selector(IDLE, timeout=max(1, deadline - time.monotonic()) * 1000)
    await page.wait_for_function(
        NO_SKELETON, polling=250, timeout=max(1, deadline - time.monotonic()) * 1000
    )


async def inspect(page: Page, visit: Visit, agency: str, year: int) -> None:
    """What the finished run drew."""
    main = page.get_by_test_id("stMain")
    if await page.get_by_test_id("stException").count():
        visit.problems.append("exception box")
    if not await main.get_by_text(f"{agency} · {year}").count():
        visit.problems.append(f"not showing {agency} · {year}")
    if visit.changed_overview:
        old_text, new_text = FIGURES[visit.lang]
        cards = main.get_by_test_id("stMetricValue")
        old = await cards.get_by_text(old_text, exact=True).count()
        new = await cards.get_by_text(new_text, exact=True).count()
        visit.figure = OLD if old and not new else NEW if new and not old else None


async def show(
    page: Page,
    run: Run,
    session: str,
    route: tuple[str, str],
    view: tuple[str, int],
    *,
    by_link: bool,
) -> Visit:
    """Show one page and wait until its script run is over: `by_link` opens its URL (a new
    Streamlit session), otherwise the sidebar's page link is clicked (a rerun of the session)."""
    path, name = route
    visit = Visit(session, f"{run.base}/{path}?agency={view[0]}&year={view[1]}", time.monotonic())
    visit.changed_overview = name == "overview" and view == (CHANGED_AGENCY, CHANGED_YEAR)
    run.visits.append(visit)
    deadline = visit.started + PAGE_TIMEOUT_MS / 1000
    try:
        if by_link:
            await page.goto(visit.url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        else:
            link = page.get_by_test_id("stSidebarNavLink").filter(has_text=t(f"app.page.{name}"))
            await link.click(timeout=PAGE_TIMEOUT_MS)
        await wait_for_run(page, name, deadline)
    except PlaywrightTimeout:
        visit.problems.append("script run did not finish")
        return visit
    visit.seconds = time.monotonic() - visit.started
    await inspect(page, visit, *view)
    return visit


async def drive(base: str, plans: list[tuple[str, int]], changed_csv: Path, db_url: str) -> Run:
    run = Run(base)
    enough_pages = asyncio.Event()
    committed = asyncio.Event()

    async def session(browser: Browser, index: int) -> Page | None:
        page = await new_session(browser)
        for j in range(PAGES_PER_SESSION):
            route = ROUTES[(index + j) % len(ROUTES)]
            visit = await show(page, run, f"s{index}", route, plans[index], by_link=j == 0)
            if sum(v.seconds is not None for v in run.visits) >= COMMIT_AFTER_PAGES:
                enough_pages.set()
            if visit.seconds is None:
                return None  # a frozen server: stop here rather than wait again
        return page

    async def watcher(browser: Browser) -> None:
        """Opens the changed overview with the crowd; after the commit, a rerun by a user's
        action (English chosen in the sidebar) must show the new figure."""
        page = await new_session(browser)
        view = (CHANGED_AGENCY, CHANGED_YEAR)
        first = await show(page, run, "watcher", ROUTES[0], view, by_link=True)
        if first.seconds is None:
            return
        await committed.wait()
        visit = Visit("watcher (rerun)", first.url, time.monotonic(), "en", changed_overview=True)
        run.visits.append(visit)
        try:
            sidebar = page.get_by_test_id("stSidebar")
            await sidebar.get_by_test_id("stSelectbox").filter(has_text=t("app.language")).click()
            await page.get_by_role("option", name="English").click()
            await wait_for_run(page, "overview", visit.started + PAGE_TIMEOUT_MS / 1000, "en")
        except PlaywrightTimeout:
            visit.problems.append("rerun did not finish")
            return
        visit.seconds = time.monotonic() - visit.started
        await inspect(page, visit, *view)

    async def commit() -> None:
        await enough_pages.wait()
        run.commit_started = time.monotonic()
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "dashboard", "import", str(changed_csv)),
            *("--user", "concurrency-test"),
            cwd=ROOT,
            env={**os.environ, "DASHBOARD_DATABASE_URL": db_url},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await asyncio.wait_for(process.communicate(), timeout=PAGE_TIMEOUT_MS / 1000)
        run.commit_output = output.decode(errors="replace")
        run.commit_code = process.returncode
        run.commit_done = time.monotonic()
        committed.set()

    async def sessions(browser: Browser) -> list[Page | None]:
        try:
            return await asyncio.gather(*(session(browser, i) for i in range(SESSIONS)))
        finally:
            enough_pages.set()  # also when pages hang: the commit must not wait forever

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            pages, *_ = await asyncio.gather(sessions(browser), watcher(browser), commit())
            if all(pages):
                # Sessions opened after the commit (several at once) by the changed link.
                view = (CHANGED_AGENCY, CHANGED_YEAR)
                await asyncio.gather(
                    *(
                        show(page, run, f"s{i} (after commit)", ROUTES[0], view, by_link=True)
                        for i, page in enumerate(pages)
                        if page is not None and i % AFTER_COMMIT_EVERY == 0
                    )
                )
        finally:
            await browser.close()
    return run


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[AppServer, str, list[tuple[str, int]]]]:
    db_url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    plans = build_store(db_url)
    with running_server(db_url) as server:
        yield server, db_url, plans


def test_twenty_sessions_at_once_with_a_commit_in_the_middle(
    app: tuple[AppServer, str, list[tuple[str, int]]], tmp_path: Path
) -> None:
    server, db_url, plans = app
    sample = SAMPLE_CSV.read_text("utf-8")
    assert OLD_ROW in sample
    changed_csv = tmp_path / "dinghai-2019-changed.csv"
    changed_csv.write_text(sample.replace(OLD_ROW, NEW_ROW), "utf-8")

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=1) as pool:  # apart from the sync Playwright fixture
        run = pool.submit(asyncio.run, drive(server.url, plans, changed_csv, db_url)).result(
            timeout=300
        )
    elapsed = time.monotonic() - started
    health = health_check(server.url)
    log = server.log()

    finished = [v for v in run.visits if v.seconds is not None]
    timings = sorted(v.seconds for v in finished if v.seconds is not None)
    summary = f"{len(finished)}/{len(run.visits)} pages finished in {elapsed:.0f} s" + (
        f"; median {timings[len(timings) // 2]:.1f} s, slowest {timings[-1]:.1f} s"
        if timings
        else ""
    )
    print(summary)
    report = "\n".join(str(v) for v in run.visits if v.problems)
    assert not report and health == "200", (
        f"{summary}\nhealth check: {health}\n{report}\n--- server log ---\n{log[-4000:]}"
    )
    # + the watcher's page and its rerun, + the overviews opened after the commit
    expected = SESSIONS * PAGES_PER_SESSION + 2 + len(range(0, SESSIONS, AFTER_COMMIT_EVERY))
    assert len(run.visits) == expected, summary
    for alarm in LOG_ALARMS:
        assert alarm not in log, f"{alarm!r} in the server log:\n{log[-4000:]}"

    assert run.commit_code == 0, run.commit_output
    assert run.commit_started is not None and run.commit_done is not None
    # The commit landed while pages were loading: some started before it, some after it.
    assert any(v.started < run.commit_started for v in run.visits)
    assert any(v.started > run.commit_done for v in finished)
    # The changed overview: the old figure before the commit, the new one after it.
    for visit in (v for v in finished if v.changed_overview):
        assert visit.seconds is not None
        if visit.started > run.commit_done:
            assert visit.figure == NEW, visit
        elif visit.started + visit.seconds < run.commit_started:
            assert visit.figure == OLD, visit
    reruns = [v for v in finished if v.session == "watcher (rerun)"]
    assert reruns and reruns[0].figure == NEW, reruns
