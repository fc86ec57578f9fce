"""Helpers shared by the browser tests: open a page, wait on Streamlit's own state (never on a
sleep), and keep a full-page screenshot in test-artifacts/."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from weakref import WeakKeyDictionary

from google.protobuf.message import DecodeError
from playwright.sync_api import Browser, Page, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.appserver import ARTIFACTS

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Pages the session tests visit: URL path → page name (its title is the message app.page.<name>).
ROUTES = (
    ("", "overview"),
    ("channels", "channels"),
    ("hotline", "hotline"),
    ("new-media", "new_media"),
    ("requests", "requests"),
)

# expect()'s default of 5 s is short for a script run that writes the store, on a busy machine.
expect.set_options(timeout=20_000)


# Watch the app's script state from now on, so that a run which starts and ends between two
# looks is still seen (RUN_SEEN_JS turns true once one has). The whole document is watched, not
# the stApp node of the moment: React may put a new node in its place during the run.
WATCH_RUN_JS = """() => {
    window.__rerunSeen = false;
    const running = () => document.querySelector(
        '[data-testid=stApp][data-test-script-state=running]') !== null;
    new MutationObserver((records, observer) => {
        if (running() || records.some(r => r.oldValue === 'running')) {
            window.__rerunSeen = true;
            observer.disconnect();
        }
    }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ['data-test-script-state'],
    });
}"""
RUN_SEEN_JS = "window.__rerunSeen === true"

# Script runs the server said were over, per page opened with `open_page`: counted from the
# app's websocket messages themselves. The page's script state alone can miss a run: on a busy
# machine the page may take a run's start and its end in one go and draw neither (seen in CI,
# where an edit's run was taken as never come and the edit was made again, to no effect).
_RUNS_ENDED: WeakKeyDictionary[Page, list[int]] = WeakKeyDictionary()
# How long the page may take to draw a run that the server has said is over.
DRAWN_MS = 2_000


def _ends_a_run(payload: str | bytes) -> bool:
    """Whether a message from the server says a script run is over (not cut short by the next
    one: that one's own end follows)."""
    if isinstance(payload, str):
        return False
    message = ForwardMsg()
    try:
        message.ParseFromString(payload)
    except DecodeError:
        return False
    return (
        message.WhichOneof("type") == "script_finished"
        and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
    )


def count_runs(page: Page) -> None:
    """Count the script runs that end on `page`'s websockets from now on (before it opens the
    app: the socket is watched from its start)."""
    ended = _RUNS_ENDED.setdefault(page, [0])

    def on_message(payload: str | bytes) -> None:
        ended[0] += _ends_a_run(payload)

    def on_socket(socket: WebSocket) -> None:
        socket.on("framereceived", on_message)

    page.on("websocket", on_socket)


def wait_until_idle(page: Page) -> None:
    """Wait on the app's own state, never on a sleep: a page title drawn, and no script running."""
    page.get_by_test_id("stMain").locator("h1").first.wait_for(timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)


def watch_for_run(page: Page) -> int | None:
    """Watch for the next script run from now on, before the action that starts it: the mark
    to give `wait_for_run` (the runs ended so far on a page opened with `open_page`)."""
    page.evaluate(WATCH_RUN_JS)
    ended = _RUNS_ENDED.get(page)
    return ended[0] if ended is not None else None


def wait_for_run(page: Page, mark: int | None, timeout_ms: int = 30_000) -> None:
    """Wait until a script run has ended since `watch_for_run` gave `mark`. On a page opened
    with `open_page` the run's end is the server's own message, and the page is then given a
    moment to draw it; on another page, the script state the page drew."""
    ended = _RUNS_ENDED.get(page)
    if ended is None or mark is None:
        page.wait_for_function(RUN_SEEN_JS, timeout=timeout_ms)
        return
    deadline = time.monotonic() + timeout_ms / 1000
    while ended[0] == mark:
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"no script run ended within {timeout_ms} ms")
        page.wait_for_timeout(50)  # (Playwright's events are taken while it waits)
    # (no running state drawn at all when the page took the run's start and end at once)
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function(RUN_SEEN_JS, timeout=DRAWN_MS)


def rerun(page: Page, action: Callable[[], None]) -> None:
    """Do `action`, which makes the app run its script again, and wait until that run is over.

    For actions whose outcome looks like the state before (the same message again): the run is
    watched for from before the action, so a run that starts and ends quickly is still seen.
    """
    mark = watch_for_run(page)
    action()
    wait_for_run(page, mark)
    wait_until_idle(page)


def screenshot(page: Page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit
    (and give it back its size afterwards, for whatever the test does next)."""
    size = page.viewport_size or {"width": 1280, "height": 800}
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 8000)})
    wait_until_idle(page)
    # Elements scrolled into view are drawn afresh: wait until no placeholder is left and every
    # chart has drawn its SVG.
    page.wait_for_function(
        "!document.querySelector('[data-testid^=stSkeleton]') && "
        "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(c => c.querySelector('svg.main-svg'))",
        timeout=30_000,
    )
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size(size)


def open_page(browser: Browser, url: str, viewport: str) -> Page:
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height})
    count_runs(page)
    page.goto(url)
    wait_until_idle(page)
    return page
