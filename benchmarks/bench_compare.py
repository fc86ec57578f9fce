"""Benchmark: the 对比 page's script time on generated stores of many agencies.

    .venv/bin/python benchmarks/bench_compare.py [--sizes sample 1000x10 11000x10] [--runs 5]

For the bundled sample and each generated store (agencies × years of about 31 facts each, ~9% of
the reports missing, so 11,000 × 10 holds about 3.1 million facts; an agency directory of
regions, parent offices and kinds) it prints the time of the first run of /compare
after a commit (its SQL aggregates not cached yet: what the first viewer after an import waits),
the median of reruns (cached on the store generation: what everyone else waits), the same with a
group chosen, and the time of each SQL aggregate on its own. Figures are printed, never asserted.
The issue's target: /compare at 3,000,000 facts ≤ 1 s script time on the 2-core machine.

`build_compare_store` is shared with tests/test_compare*.py and tests/test_browser_compare.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.domain.facts import Dataset  # noqa: E402
from dashboard.platform.sample import seed_if_empty  # noqa: E402
from dashboard.store.compare import (  # noqa: E402
    DirectoryEntry,
    Group,
    Slice,
    compare_years,
    ranking_rows,
    replace_directory,
    reporting_counts,
    reporting_matrix,
    slices,
)
from dashboard.store.database import Store  # noqa: E402

APP = str(ROOT / "dashboard" / "app.py")
REGIONS = ("东城区", "西城区", "南湖区", "北山区", "江东新区")
KINDS = ("教育", "卫健", "公安", "住建")
NEVER_REPORTED = ("未报送单位甲", "未报送单位乙")  # listed in the directory, without a report
BATCH = 2000  # datasets per commit while building


def missing_report(agency_index: int, year_index: int) -> bool:
    """Whether the generated agency skips that year: about one report in eleven, the later
    years a little more complete."""
    return (agency_index * 7 + year_index * 3) % (11 + 2 * year_index) == 0


def _datasets(agencies: int, years: int, first_year: int) -> Iterator[Dataset]:
    for index, dataset in enumerate(synthetic_datasets(agencies, years, first_year=first_year)):
        if not missing_report(index // years, index % years):
            yield dataset


def directory_entries(agencies: int) -> list[DirectoryEntry]:
    """A directory of the generated agencies (合成单位0001 …) and two that never reported."""
    entries = [
        DirectoryEntry(
            f"合成单位{a + 1:04d}",
            parent=f"{REGIONS[a % len(REGIONS)]}{KINDS[a % len(KINDS)]}局",
            region=REGIONS[a % len(REGIONS)],
            kind=KINDS[a % len(KINDS)],
        )
        for a in range(agencies)
    ]
    entries += [DirectoryEntry(name, region=REGIONS[0], kind=KINDS[0]) for name in NEVER_REPORTED]
    return entries


def build_compare_store(
    url: str, agencies: int, years: int, *, first_year: int = 2015, directory: bool = True
) -> Store:
    """A store of `agencies` × `years` generated reports (some missing), with a directory."""
    store = Store(url)
    batch: list[Dataset] = []
    for dataset in _datasets(agencies, years, first_year):
        batch.append(dataset)
        if len(batch) >= BATCH:
            store.commit(batch, user="bench")
            batch = []
    if batch:
        store.commit(batch, user="bench")
    if directory:
        replace_directory(store, directory_entries(agencies), user="bench")
    return store


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_queries(store: Store, runs: int) -> None:
    year = compare_years(store)[0]
    figure = Slice("items_published", "gov_portal")
    group = Group("region", REGIONS[0])
    years = compare_years(store)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("slices of the year", lambda: slices(store, year)),
        ("ranking (all agencies)", lambda: ranking_rows(store, figure, year)),
        ("ranking (one region)", lambda: ranking_rows(store, figure, year, group)),
        ("reporting counts", lambda: reporting_counts(store)),
        ("matrix page (40)", lambda: reporting_matrix(store, years, limit=40)),
        (
            "matrix, missing in year",
            lambda: reporting_matrix(store, years, missing_in=year, limit=40),
        ),
    ]
    for name, action in cases:
        median = statistics.median(timed(action) for _ in range(runs))
        print(f"  SQL {name:<26} {median:>7.3f} s")


def bench_page(name: str, url: str, runs: int) -> float:
    """Print the page's times on the store; return the median rerun."""
    from streamlit.testing.v1 import AppTest

    from dashboard.platform.settings import DATABASE_URL_ENV, clear_settings_cache

    os.environ[DATABASE_URL_ENV] = url
    clear_settings_cache()
    at = AppTest.from_file(APP, default_timeout=900)
    start = timed(at.run)  # the app's own start: the store opened, the sidebar's lists cached
    if at.exception:
        raise SystemExit(f"{name}: the app failed: {at.exception}")
    first = timed(lambda: at.switch_page("views/compare.py").run())
    if at.exception:
        raise SystemExit(f"{name}: /compare failed: {at.exception}")
    reruns = [timed(at.run) for _ in range(runs)]
    grouped_text = ""
    group = next(s for s in at.selectbox if s.key == "compare_group")
    if len(group.options) > 1:  # the sample has no directory
        chosen = timed(lambda: group.select_index(1).run())
        grouped = [timed(at.run) for _ in range(runs)]
        grouped_text = (
            f"; a region chosen: first {chosen:.3f} s, then {statistics.median(grouped):.3f} s"
        )
    median = statistics.median(reruns)
    print(
        f"  page: app start {start:.2f} s; /compare first run {first:.3f} s (aggregates "
        f"computed), rerun median {median:.3f} s (worst {max(reruns):.3f}){grouped_text}; "
        f"process peak RSS {peak_rss_mb():.0f} MB"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", nargs="+", default=["sample", "1000x10", "11000x10"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to build the stores in and keep")
    args = parser.parse_args()
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            path = folder / f"compare-{size}.sqlite"
            url = f"sqlite:///{path}"
            store = Store(url)
            if size == "sample":
                seed_if_empty(store, default_catalogue())  # what the app starts with
                title = "the bundled sample"
            else:
                agencies, years = (int(n) for n in size.split("x"))
                title = f"{agencies:,} agencies × {years} years"
                if store.is_empty():
                    built = time.perf_counter()
                    store.close()
                    store = build_compare_store(url, agencies, years)
                    print(f"built {size} in {time.perf_counter() - built:.0f} s")
            facts = store.datasets().get_column("fact_count").sum()
            print(f"\n== {title}: {facts:,} facts (SQLite) ==")
            bench_queries(store, args.runs)
            store.close()
            medians[size] = bench_page(size, url, args.runs)
    base = next(iter(medians.values()))
    print(
        "\n/compare rerun, ratio to the first store: "
        + ", ".join(f"{size} {median / base:.2f}×" for size, median in medians.items())
    )


if __name__ == "__main__":
    main()
