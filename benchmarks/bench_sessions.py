"""Benchmark: many browser sessions at once on one app process.

    .venv/bin/python benchmarks/bench_sessions.py [--sessions 50] [--pages 3] [--agencies 0]
        [--years 10] [--sidebar] [--no-charts] [--timeout 120] [--budget 600]

Starts the real server (on 127.0.0.1 only) on a fresh store: the bundled sample, plus with
--agencies N that many generated agencies × --years years. One page is loaded first to warm the
server up (imports, the store's facts into the cache); then --sessions browser contexts of one
headless Chromium start at once, each opening --pages pages in turn (/, /channels, /hotline,
/new-media, /requests, …) by their links (?agency=…&year=…, a new Streamlit session each) for an
agency of its own (round robin over the store's agencies); with --sidebar only the first by its
link, the others through the sidebar, as people click through.

Prints the pages finished; the median and p95 page time, from navigation start (link opened or
sidebar link clicked) to Streamlit's script run finished, as the browser's driver sees it; the
server's peak RSS (VmHWM, and the peak of VmRSS sampled every 0.2 s) and CPU time; Chromium's
CPU time. On a 2-core machine the browser, not the server, is most of the load, and the page
times include it (--no-charts leaves out drawing the charts). Figures are printed, never
asserted.

Stops by itself: a page that does not finish within --timeout seconds ends its session, and the
whole run is cut off after --budget seconds (unfinished pages are counted as such).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402
from playwright.async_api import Browser, Page, async_playwright  # noqa: E402
from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.i18n.messages import t  # noqa: E402
from dashboard.platform.sample import seed_if_empty  # noqa: E402
from dashboard.store.database import Store  # noqa: E402
from tests.appserver import CHROMIUM, CHROMIUM_ARGS, AppServer, running_server  # noqa: E402
from tests.browser_helpers import IDLE, ROUTES  # noqa: E402

# Elements whose code the browser loads on first use stand as skeletons until it has arrived; a
# sidebar widget not drawn yet has not told the browser its value (the agency would be lost).
NO_SKELETON = "!document.querySelector('[data-testid^=stSkeleton]')"
# --no-charts: Plotly's chart library swapped for a component that draws nothing.
PLOTLY_CHUNK = "**/static/js/PlotlyChart.*.js"
NO_CHART = "const NoChart = () => null\nexport { NoChart as PlotlyChart, NoChart as default }\n"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class PageTime:
    session: int
    path: str
    seconds: float | None  # None: did not finish
    wrong: str | None = None  # what was wrong with the finished page (exception, other agency)


def build_store(url: str, agencies: int, years: int) -> list[tuple[str, int]]:
    """Seed the sample (and generated agencies); every agency with its latest year."""
    store = Store(url)
    try:
        seed_if_empty(store, default_catalogue())
        if agencies:
            started = time.perf_counter()
            datasets = list(synthetic_datasets(agencies, years))
            store.commit(datasets, user="bench")
            print(
                f"generated {agencies:,} agencies × {years} years "
                f"({sum(len(d.facts) for d in datasets):,} facts) "
                f"in {time.perf_counter() - started:.1f} s"
            )
        latest = store.current_facts().group_by("agency").agg(pl.col("year").max()).sort("agency")
    finally:
        store.close()
    return list(latest.iter_rows())


def cpu_seconds(pid: int) -> tuple[int, float, str] | None:
    """(parent PID, user+system CPU seconds, name) of a process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    head, rest = raw.rsplit(")", 1)
    fields = rest.split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS, head.split("(")[1]


class Sampler(threading.Thread):
    """Every 0.2 s: the server's memory, and the CPU time of every process we started."""

    def __init__(self, server: AppServer) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.stopped = threading.Event()
        self.peak_rss_kb = 0
        self.hwm_kb = 0
        self.cpu: dict[int, tuple[str, float]] = {}  # pid → (kind, latest CPU seconds)

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            self.sample()

    def sample(self) -> None:
        try:
            rss, hwm = self.server.rss_kb()
        except OSError:
            return
        self.peak_rss_kb, self.hwm_kb = max(self.peak_rss_kb, rss), max(self.hwm_kb, hwm)
        table = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and (found := cpu_seconds(int(entry))):
                table[int(entry)] = found
        me, server = os.getpid(), self.server.process.pid
        for pid, (_, seconds, name) in table.items():
            ancestor = pid
            while ancestor in table and ancestor not in (me, 1):
                ancestor = table[ancestor][0]
            if ancestor == me:
                kind = "server" if pid == server else "chromium" if "chrom" in name else "other"
                self.cpu[pid] = (kind, seconds)

    def cpu_by_kind(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for kind, seconds in self.cpu.values():
            totals[kind] = totals.get(kind, 0.0) + seconds
        return totals


async def show(page: Page, url: str, name: str | None, timeout_s: float) -> float | None:
    """Seconds until the page's script run is over (None: not within `timeout_s`). With `name`
    None, `url` is opened (a new Streamlit session); else the sidebar's link to page `name` is
    clicked (a rerun of the session), once the previous page has drawn every element."""
    if name is not None:
        try:  # the previous page's drawing: not part of this page's time
            await page.wait_for_function(NO_SKELETON, polling=250, timeout=timeout_s * 1000)
        except PlaywrightTimeout:
            return None
    started = time.monotonic()

    def left() -> float:
        return max(1.0, started + timeout_s - time.monotonic()) * 1000

    try:
        if name is None:
            await page.goto(url, wait_until="commit", timeout=left())
            title = page.get_by_test_id("stMain").locator("h1").first
        else:
            link = page.get_by_test_id("stSidebarNavLink").filter(has_text=t(f"app.page.{name}"))
            await link.click(timeout=left())
            title = page.get_by_test_id("stMain").locator("h1", has_text=t(f"app.page.{name}"))
        await title.wait_for(timeout=left())
        await page.wait_for_selector(IDLE, timeout=left())
    except PlaywrightTimeout:
        return None
    return time.monotonic() - started


async def drive(server: AppServer, views: list[tuple[str, int]], args: argparse.Namespace):
    base = server.url
    times: list[PageTime] = []

    async def session(browser: Browser, index: int) -> None:
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        if args.no_charts:
            await context.route(
                PLOTLY_CHUNK,
                lambda route: route.fulfill(body=NO_CHART, content_type="text/javascript"),
            )
        page = await context.new_page()
        agency, year = views[index % len(views)]
        for j in range(args.pages):
            path, name = ROUTES[(index + j) % len(ROUTES)]
            url = f"{base}/{path}?agency={agency}&year={year}"
            by_link = j == 0 or not args.sidebar
            seconds = await show(page, url, None if by_link else name, args.timeout)
            times.append(PageTime(index, path, seconds))
            if seconds is None:
                return
            if await page.get_by_test_id("stException").count():
                times[-1].wrong = "exception box"
            elif not await page.get_by_test_id("stMain").get_by_text(f"{agency} · {year}").count():
                times[-1].wrong = "another agency"

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            warm = await browser.new_page()
            warmup = await show(warm, f"{base}/", None, args.timeout)
            await warm.close()
            rss, _ = server.rss_kb()
            found = cpu_seconds(server.process.pid)
            cpu_before = found[1] if found else 0.0
            print(
                f"warm-up page (cold server): {warmup or float('nan'):.1f} s; "
                f"server RSS then {rss / 1024:.0f} MB"
            )
            started = time.monotonic()
            tasks = [asyncio.create_task(session(browser, i)) for i in range(args.sessions)]
            _, pending = await asyncio.wait(tasks, timeout=args.budget)
            for task in pending:
                task.cancel()
            wall = time.monotonic() - started
        finally:
            await browser.close()
    return times, wall, len(pending), cpu_before


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--pages", type=int, default=3, help="pages per session")
    parser.add_argument("--agencies", type=int, default=0, help="generated agencies to add")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=120, help="seconds per page")
    parser.add_argument("--budget", type=float, default=600, help="seconds for the whole run")
    parser.add_argument(
        "--sidebar",
        action="store_true",
        help="open only the first page by its link, then go on through the sidebar (reruns of "
        "the session, as people click through), each click once the previous page is drawn",
    )
    parser.add_argument(
        "--no-charts",
        action="store_true",
        help="do not draw charts in the browser (the server still builds and sends them): "
        "measures the server rather than Chromium on a small machine",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/store.sqlite"
        views = build_store(url, args.agencies, args.years)
        with running_server(url) as server:
            sampler = Sampler(server)
            sampler.start()
            times, wall, cut_off, cpu_before = asyncio.run(drive(server, views, args))
            sampler.stopped.set()
            sampler.join()
            sampler.sample()
            alarms = [a for a in ("Traceback", "partially initialized") if a in server.log()]

    done = [t.seconds for t in times if t.seconds is not None]
    planned = args.sessions * args.pages
    cpu = sampler.cpu_by_kind()
    print(
        f"\n{args.sessions} sessions × {args.pages} pages on {len(views)} agencies, "
        f"{os.cpu_count()} CPUs: {wall:.0f} s"
    )
    print(
        f"pages finished: {len(done)} of {planned}"
        + (f" ({cut_off} sessions cut off)" if cut_off else "")
    )
    if done:
        print(
            f"page time: median {statistics.median(done):.1f} s, "
            f"p95 {percentile(done, 0.95):.1f} s, "
            f"fastest {min(done):.1f} s, slowest {max(done):.1f} s"
        )
        for path, _ in ROUTES:
            own = [t.seconds for t in times if t.path == path and t.seconds is not None]
            if own:
                print(f"  /{path:<10} {len(own):>4} pages, median {statistics.median(own):.1f} s")
    print(
        f"server: peak RSS {sampler.hwm_kb / 1024:.0f} MB (VmHWM; sampled VmRSS peak "
        f"{sampler.peak_rss_kb / 1024:.0f} MB), CPU {cpu.get('server', 0):.0f} s "
        f"({(cpu.get('server', 0) - cpu_before) / max(1, len(done)) * 1000:.0f} ms a page after "
        "the warm-up); "
        f"Chromium CPU {cpu.get('chromium', 0):.0f} s"
    )
    wrong = [t.wrong for t in times if t.wrong]
    if wrong:
        print("finished but wrong: " + ", ".join(f"{wrong.count(w)} {w}" for w in set(wrong)))
    print("server log: " + (", ".join(alarms) if alarms else "no traceback"))


if __name__ == "__main__":
    main()
