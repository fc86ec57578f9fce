"""Issue 10 acceptance in Chromium: every figure of the dev corpus shows, as written, on a page
other than 数据 (≥ 95 %), and fewer than 1 in 10 overview KPI cards read 未报告.

One app process on one store holding every corpus report (each imported with the real CLI, as
tests/test_corpus.py does); for each report, each page is opened once at
`/<page>?agency=…&year=…` in one reused browser page, and its text read: the main block's
`innerText` and the `textContent` of every SVG text (Plotly draws its labels in SVG).

What counts as shown (tests/corpus.py, `expected_figure` / `figure_pattern`):

- the figure as written, normalised (simplified script, half-width, no spaces), with the unit as
  written (`1200余条`, `4件次`, `98.76%`, `约11万个`); with the metric's default unit when the
  report wrote none (`5` → `5件`, `310余万` → `310余万次`);
- in running text: a space between its parts, thousands separators between digits
  (`21,597条`), and 余 for 多 or 多 for 余 (both "at least") are accepted; a figure inside a
  longer number is not (`5件` is not found in `15件`);
- the report's own sentences (the notes) are taken out of the text first: a note shown
  verbatim holds its figure, but is not the figure shown;
- a number and its unit in separate cells or labels (a bare `5` in a table cell, a unit in an
  axis title) do not count: a bare number matches too much to be told apart robustly.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.appserver import running_app
from tests.browser_helpers import count_runs
from tests.corpus import (
    PagesMeasure,
    StoreMeasure,
    load_reports,
    measure_pages,
    measure_store,
    shown_misses,
)

pytestmark = pytest.mark.browser

REPORTS = load_reports()
SHOWN_AT_LEAST = 0.95
KPI_NOT_REPORTED_BELOW = 0.10


@pytest.fixture(scope="module")
def measured(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[StoreMeasure, PagesMeasure]]:
    folder = tmp_path_factory.mktemp("corpus-browser")
    db_url = f"sqlite:///{folder / 'store.sqlite'}"
    stored = measure_store(REPORTS, db_url, folder)
    with running_app(db_url) as url:
        # Tall, so that the whole page is drawn without scrolling (charts render when in view).
        page = browser.new_page(viewport={"width": 1280, "height": 2400})
        count_runs(page)
        try:
            yield stored, measure_pages(page, url, stored)
        finally:
            page.close()


def test_corpus_figures_are_shown(measured: tuple[StoreMeasure, PagesMeasure]) -> None:
    _, pages = measured
    total = len(pages.outcomes)
    summary = f"shown {pages.shown}/{total} = {pages.ratio:.1%}; not shown:\n" + shown_misses(pages)
    print("\n" + summary)
    ratio = pages.ratio  # a local: pytest would otherwise print the whole measure
    assert ratio >= SHOWN_AT_LEAST, summary


def test_overview_kpi_cards_rarely_read_not_reported(
    measured: tuple[StoreMeasure, PagesMeasure],
) -> None:
    _, pages = measured
    detail = ", ".join(
        f"{report} {blank}/{cards}" for report, (cards, blank) in pages.per_report_kpis.items()
    )
    summary = (
        f"KPI cards reading 未报告: {pages.kpi_not_reported}/{pages.kpi_cards} "
        f"= {pages.kpi_ratio:.1%} ({detail})"
    )
    print("\n" + summary)
    cards, ratio = pages.kpi_cards, pages.kpi_ratio
    assert cards, "no KPI card on any overview"
    assert ratio < KPI_NOT_REPORTED_BELOW, summary


def test_no_page_shows_an_exception(measured: tuple[StoreMeasure, PagesMeasure]) -> None:
    broken = measured[1].exceptions
    assert not broken, "\n".join(broken)
