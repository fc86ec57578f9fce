"""Benchmark: a full script run of every page, on the bundled sample and on a generated store.

    .venv/bin/python benchmarks/bench_pages.py [--agencies 1000] [--years 10] [--runs 7]

For each store it prints, per page, the median and worst time of a rerun (Streamlit's AppTest
runs the whole script, as a widget change would), its ratio to an empty Streamlit page, the
first (cold) load, and memory: the process's peak RSS and the size of the cached facts frame.
Target: every page rerun ≤ 0.5 s on the large store. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.platform.settings import DATABASE_URL_ENV, clear_settings_cache  # noqa: E402
from dashboard.store.database import Store  # noqa: E402

APP = str(ROOT / "dashboard" / "app.py")
PAGES = (
    "overview",
    "channels",
    "new_media",
    "hotline",
    "recruitment",
    "requests",
    "data",
    "present",
)
EMPTY_PAGE = "import streamlit as st\nst.write('')\n"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_store(name: str, url: str, runs: int, baseline: float) -> None:
    os.environ[DATABASE_URL_ENV] = url
    clear_settings_cache()  # settings are read once per process: this store is another one
    at = AppTest.from_file(APP, default_timeout=600)
    cold = timed(at.run)
    if at.exception:
        raise SystemExit(f"{name}: the app failed: {at.exception}")
    print(f"\n== {name} ==")
    print(f"first run (loads and caches the store): {cold:.2f} s")
    print(f"{'page':<12} {'median s':>9} {'worst s':>8} {'× empty':>8}")
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()  # page switch, then reruns of that page
        times = [timed(at.run) for _ in range(runs)]
        if at.exception:
            raise SystemExit(f"{name}/{page}: {at.exception}")
        median = statistics.median(times)
        print(f"{page:<12} {median:>9.3f} {max(times):>8.3f} {median / baseline:>8.1f}")
    facts = Store(url).current_facts()
    print(
        f"facts: {facts.height:,} rows, {facts.estimated_size('mb'):.1f} MB in memory; "
        f"process peak RSS {peak_rss_mb():.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    empty = AppTest.from_string(EMPTY_PAGE)
    empty.run()
    baseline = statistics.median(timed(empty.run) for _ in range(args.runs * 3))
    print(f"empty Streamlit page: {baseline * 1000:.1f} ms per run")

    with tempfile.TemporaryDirectory() as tmp:
        bench_store("sample (5 agencies)", f"sqlite:///{tmp}/sample.sqlite", args.runs, baseline)

        url = f"sqlite:///{tmp}/large.sqlite"
        store = Store(url)
        datasets = list(synthetic_datasets(args.agencies, args.years))
        generation = timed(lambda: store.commit(datasets, user="bench"))
        facts = sum(len(d.facts) for d in datasets)
        print(
            f"\ngenerated {args.agencies:,} agencies × {args.years} years = "
            f"{len(datasets):,} datasets, {facts:,} facts, committed in {generation:.1f} s"
        )
        store.close()
        bench_store(
            f"large ({args.agencies:,} agencies × {args.years} years)", url, args.runs, baseline
        )


if __name__ == "__main__":
    main()
