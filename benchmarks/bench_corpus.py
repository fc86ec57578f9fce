"""Benchmark: the acceptance measure of issue 10 on a corpus of real report excerpts.

    .venv/bin/python benchmarks/bench_corpus.py [--corpus path.jsonl] [--no-browser]

Each report's labels are typed into an upload file as staff would, imported with the CLI into a
scratch store and exported again; then, in Chromium, every page but 数据 of each report's view
is read. Printed: the three figures — stored right (the export gives each label's number and
qualifier), shown (the figure as written appears on a page), overview KPI cards reading 未报告 —
and every miss, grouped by its first cause: refused by validation, misfiled, rounded or
changed, missing from the export, not shown. The corpus file has the format of
tests/data/corpus/reports-dev.jsonl (see its README), so the same measure runs on reports the
project has never seen. Figures are printed, never asserted (the tests assert them).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import (  # noqa: E402
    CAUSES,
    CORPUS,
    PagesMeasure,
    StoreMeasure,
    load_reports,
    measure_pages,
    measure_store,
    temporary_store,
)

TARGETS = (
    "targets: stored right 100 % (unseen reports ≥ 98 %), shown ≥ 95 % (≥ 90 %), 未报告 < 10 %"
)


def measure_in_browser(stored: StoreMeasure) -> PagesMeasure:
    """Serve the scratch store and read every report's pages in one Chromium page."""
    from playwright.sync_api import sync_playwright

    from tests.appserver import CHROMIUM, CHROMIUM_ARGS, running_app

    with running_app(stored.db_url) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 2400})
            return measure_pages(page, url, stored)
        finally:
            browser.close()


def print_misses(stored: StoreMeasure, pages: PagesMeasure | None) -> None:
    """Every label that is not stored right or not shown, under its first cause."""
    shown = {o.label_id: o for o in pages.outcomes} if pages else {}
    grouped: dict[str, list[str]] = defaultdict(list)
    for outcome in stored.outcomes:
        seen = shown.get(outcome.label_id)
        if outcome.cause is not None:
            if seen is not None and seen.shown_on:  # stored wrong, yet its words are shown
                where = ",".join(seen.shown_on)
                grouped[outcome.cause].append(
                    f"{outcome.label_id} {outcome.label.as_written!r}: {outcome.detail}"
                    f" (shown on {where})"
                )
            else:
                grouped[outcome.cause].append(
                    f"{outcome.label_id} {outcome.label.as_written!r}: {outcome.detail}"
                )
        elif seen is not None and not seen.shown_on:
            hint = f" [{seen.hint}]" if seen.hint else ""
            grouped["not-shown"].append(
                f"{outcome.label_id}: no page shows {seen.expected!r}{hint}"
            )
    print("\nmisses by first cause:" + ("" if any(grouped.values()) else " none"))
    for cause, title in CAUSES.items():
        if grouped[cause]:
            print(f"  {title}: {len(grouped[cause])}")
            for line in grouped[cause]:
                print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a corpus file (.jsonl)")
    parser.add_argument(
        "--no-browser", action="store_true", help="measure only what is stored (no Chromium)"
    )
    args = parser.parse_args()

    reports = load_reports(args.corpus)
    labels = sum(len(r.labels) for r in reports)
    print(f"corpus: {args.corpus} — {len(reports)} reports, {labels} labels")
    folder, db_url = temporary_store()
    with folder:
        start = time.perf_counter()
        stored = measure_store(reports, db_url, Path(folder.name))
        refused = [i.typed.report.id for i in stored.imported if i.dataset is None]
        warnings = sum(len(i.warnings) for i in stored.imported)
        print(
            f"import → export: {time.perf_counter() - start:.1f} s; "
            f"reports refused: {len(refused)}/{len(reports)} {refused}; warnings: {warnings}"
        )
        pages = None
        if not args.no_browser:
            start = time.perf_counter()
            pages = measure_in_browser(stored)
            print(f"pages read in {time.perf_counter() - start:.1f} s")

        print(f"\nstored right: {stored.right}/{len(stored.outcomes)} = {stored.ratio:.1%}")
        if pages is not None:
            total = len(pages.outcomes)
            in_tables = sum(
                bool(o.shown_on) and all(w.endswith("(table)") for w in o.shown_on)
                for o in pages.outcomes
            )
            print(
                f"shown:        {pages.shown}/{total} = {pages.ratio:.1%} "
                f"({in_tables} of them only as a bare number in a statutory table row)"
            )
            print(
                f"KPI 未报告:   {pages.kpi_not_reported}/{pages.kpi_cards} = {pages.kpi_ratio:.1%}"
            )
        print(TARGETS)

        print_misses(stored, pages)
        if pages is not None and pages.exceptions:
            print(f"\nbroken pages: {len(pages.exceptions)}")
            for line in pages.exceptions:
                print(f"  {line}")
        if pages is not None:
            print("\nKPI cards per report (未报告/cards):")
            print("  " + ", ".join(f"{r} {b}/{c}" for r, (c, b) in pages.per_report_kpis.items()))


if __name__ == "__main__":
    main()
