"""Benchmark: the 对比 page's script time on generated stores of many agencies.

    .venv/bin/python benchmarks/bench_compare.py [--sizes sample 1000x10 11000x10] [--runs 5]
        [--keep DIR] [--postgres]

For the bundled sample and each generated store (agencies × years of about 31 facts each, ~9% of
the reports missing, so 11,000 × 10 holds about 3.1 million facts; an agency directory of
regions, parent offices and kinds) it prints the time of the first run of /compare
after a commit (its SQL aggregates not cached yet: what the first viewer after an import waits),
the median of reruns (cached on the store generation: what everyone else waits), the same with a
group chosen, and the time of each SQL aggregate on its own. Figures are printed, never asserted.
The issue's target: /compare at 3,000,000 facts ≤ 1 s script time on the 2-core machine.

With `--postgres` each store is measured again on a throwaway PostgreSQL server (tests/pg.py): the
sample seeded, each generated store copied from its SQLite file by COPY and vacuumed
(`bench_pages.copy_to_postgres`); the rerun medians and their ratios are printed side by side.

`build_compare_store` is shared with tests/test_compare*.py and tests/test_browser_compare.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
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
    """This process's peak resident memory (VmHWM; see bench_pages.rss_mb)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
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


def sqlite_store(folder: Path, size: str) -> tuple[str, str]:
    """The SQLite store of `size` in `folder` (built unless kept there): its URL and a title."""
    path = folder / f"compare-{size}.sqlite"
    url = f"sqlite:///{path}"
    store = Store(url)
    if size == "sample":
        seed_if_empty(store, default_catalogue())  # what the app starts with
        store.close()
        return url, "the bundled sample"
    agencies, years = (int(n) for n in size.split("x"))
    if store.is_empty():
        built = time.perf_counter()
        store.close()
        store = build_compare_store(url, agencies, years)
        print(f"built {size} in {time.perf_counter() - built:.0f} s")
    store.close()
    return url, f"{agencies:,} agencies × {years} years"


def bench_store(size: str, title: str, url: str, database: str, runs: int) -> float:
    """The SQL aggregates and the page on one store; the page's median rerun."""
    store = Store(url)
    facts = store.datasets().get_column("fact_count").sum()
    print(f"\n== {title}: {facts:,} facts ({database}) ==")
    bench_queries(store, runs)
    store.close()
    return bench_page(f"{size} ({database})", url, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", nargs="+", default=["sample", "1000x10", "11000x10"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to build the stores in and keep")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="measure the same stores on a throwaway PostgreSQL server too (tests/pg.py)",
    )
    args = parser.parse_args()
    medians: dict[str, float] = {}
    pg_medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        stores: dict[str, tuple[str, str]] = {}
        for size in args.sizes:
            url, title = stores[size] = sqlite_store(folder, size)
            medians[size] = bench_store(size, title, url, "SQLite", args.runs)
        if args.postgres:
            from benchmarks.bench_pages import postgres_server

            with postgres_server() as server:
                for size in args.sizes:
                    url = server.database()
                    if size == "sample":
                        seed_if_empty(Store(url), default_catalogue())
                    else:
                        source = folder / f"compare-{size}.sqlite"
                        # In a process of its own: the copy holds the whole store in memory,
                        # which would count in this process's peak.
                        copy = (
                            "import sys; from pathlib import Path; "
                            "sys.path.insert(0, sys.argv[1]); "
                            "from benchmarks.bench_pages import copy_to_postgres; "
                            "print(round(copy_to_postgres(Path(sys.argv[2]), sys.argv[3])))"
                        )
                        done = subprocess.run(
                            [sys.executable, "-c", copy, str(ROOT), str(source), url],
                            capture_output=True,
                            text=True,
                            check=True,
                        )
                        print(f"copied {source.name} in {done.stdout.strip()} s")
                    title = stores[size][1]
                    pg_medians[size] = bench_store(size, title, url, "PostgreSQL", args.runs)
                    server.drop(url)
    base = next(iter(medians.values()))
    print(
        "\n/compare rerun, ratio to the first store (SQLite): "
        + ", ".join(f"{size} {median / base:.2f}×" for size, median in medians.items())
    )
    if pg_medians:
        pg_base = next(iter(pg_medians.values()))
        print(f"{'store':<12}{'SQLite s':>10}{'ratio':>8}{'PG s':>10}{'ratio':>8}")
        for size, median in medians.items():
            pg = pg_medians[size]
            print(
                f"{size:<12}{median:>10.3f}{median / base:>7.2f}×{pg:>10.3f}{pg / pg_base:>7.2f}×"
            )


if __name__ == "__main__":
    main()
