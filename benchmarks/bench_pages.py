"""Benchmark: every page's full script run on the sample and on generated stores, side by side.

    .venv/bin/python benchmarks/bench_pages.py [--sizes 5x10,1000x10,10000x10] [--runs 7]
        [--store-dir DIR]  # keep generated SQLite stores there and reuse them next time

Columns: the bundled sample, then generated stores of agencies × years (about 30 facts each;
1000x10 is 300,000 facts, 10000x10 3,000,000). Ratios are to the first generated store, whose
agencies have ten years each like those at scale (the sample's have one or two): what grows is
then the store, not the viewed agency.

Each store is measured in a fresh process of its own (`--measure URL`), so memory figures are
that store's alone: the process RSS after visiting every page (and its peak), the first run
after start (the page a new process serves first: Streamlit, Plotly and the store's first reads),
and per page the best of its reruns (Streamlit's AppTest runs the whole script, as a widget change
does). Last, another process commits to another agency and the overview is run again: the SQL
statements that read facts are counted (0: nothing reloaded). Issue 12's targets: each page at
3M facts ≤ 1.5× its run at sample size, memory ≤ 2×, first page ≤ 2×. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.platform.sample import seed_if_empty  # noqa: E402
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
COMMIT_BATCH = 2_000  # datasets per transaction while generating a store


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def rss_mb() -> tuple[float, float]:
    """The process's resident memory now and at its peak, in MB."""
    now = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
    return now, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ── one store, in its own process ──────────────────────────────────────────────────────────


def measure(url: str, runs: int) -> dict[str, Any]:
    import sqlalchemy as sa
    from streamlit.testing.v1 import AppTest

    from components.data import get_store

    os.environ[DATABASE_URL_ENV] = url
    os.environ.pop("DASHBOARD_AGENCY", None)
    clear_settings_cache()
    at = AppTest.from_file(APP, default_timeout=600)
    first = timed(at.run)
    if at.exception:
        raise SystemExit(f"the app failed: {at.exception}")
    viewed = at.session_state["agency"]
    pages: dict[str, float] = {}
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()  # page switch, then reruns of that page
        times = [timed(at.run) for _ in range(runs)]
        if at.exception:
            raise SystemExit(f"{page}: {at.exception}")
        # The best of the runs: on a shared machine the figure least disturbed by others.
        pages[page] = min(times)
    rss, peak = rss_mb()

    # Another process commits a changed figure of another agency; the overview runs again.
    statements: list[str] = []

    def note(_c: object, _cur: object, sql: str, *_: object) -> None:
        statements.append(sql)

    sa.event.listen(get_store(url)._read_engine, "before_cursor_execute", note)
    at.switch_page("views/overview.py").run()
    other = _commit_elsewhere(url, viewed)
    statements.clear()
    after_commit = timed(at.run)
    reads_facts = sum(" facts" in s.replace('"', " ").lower() for s in statements)
    store = Store(url)
    facts = store.current_facts(agency=viewed).height
    datasets = store.datasets()
    return {
        "first_run": first,
        "pages": pages,
        "rss_mb": rss,
        "peak_mb": peak,
        "after_commit_s": after_commit,
        "after_commit_fact_reads": reads_facts,
        "other_agency": other,
        "viewed": viewed,
        "viewed_facts": facts,
        "store_facts": int(datasets["fact_count"].sum()),
        "agencies": datasets["agency"].n_unique(),
    }


def _commit_elsewhere(url: str, viewed: str) -> str:
    """Change one figure of the last agency that is not the viewed one, in a process of its
    own (as another replica or the CLI would); returns that agency."""
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from dataclasses import replace
from dashboard.domain.facts import Dataset
from dashboard.store.database import Store
store = Store({url!r})
rows = store.datasets().filter(store.datasets()["agency"] != {viewed!r}).tail(1)
agency, year = rows["agency"][0], int(rows["year"][0])
facts = store.dataset_facts(agency, year)
first = facts[0]
facts[0] = replace(first, value=(first.value or 0) + 1, as_written=None)
store.commit([Dataset(agency, year, facts)], user="bench")
print(agency)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


# ── building stores and comparing them ─────────────────────────────────────────────────────


def build_store(path: Path, agencies: int, years: int) -> float:
    """A generated store (sample-free) at `path`, unless one is there; seconds taken."""
    if path.exists():
        return 0.0
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = Store(f"sqlite:///{partial}")
    start = time.perf_counter()
    batch = []
    for dataset in synthetic_datasets(agencies, years):
        batch.append(dataset)
        if len(batch) == COMMIT_BATCH:
            store.commit(batch, user="bench")
            batch = []
    if batch:
        store.commit(batch, user="bench")
    store.close()
    partial.rename(path)  # only a finished store is reused
    return time.perf_counter() - start


def run_measure(url: str, runs: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", url, "--runs", str(runs)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {url} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: list[tuple[str, dict[str, Any]]]) -> None:
    """A column per store, each figure with its ratio to the first generated store's (the
    bundled sample's agencies have a year or two; generated ones ten, as many as at scale)."""
    base = results[1][1] if len(results) > 1 else results[0][1]
    names = [name for name, _ in results]
    width = 16

    def row(label: str, values: list[str]) -> None:
        print(f"{label:<26}" + "".join(f"{v:>{width}}" for v in values))

    def with_ratio(value: float, sample: float, unit: str) -> list[str]:
        return [f"{value:.0f} {unit}" if unit == "MB" else f"{value:.3f} {unit}"] + (
            [f"× {value / sample:.2f}"] if sample else ["—"]
        )

    print()
    row("", [part for n in names for part in (n, "ratio")])
    row("facts in store", [p for _, r in results for p in (f"{r['store_facts']:,}", "")])
    row("agencies", [p for _, r in results for p in (f"{r['agencies']:,}", "")])
    row(
        "first run after start",
        [p for _, r in results for p in with_ratio(r["first_run"], base["first_run"], "s")],
    )
    for page in PAGES:
        row(
            f"rerun {page}",
            [p for _, r in results for p in with_ratio(r["pages"][page], base["pages"][page], "s")],
        )
    row(
        "process RSS",
        [p for _, r in results for p in with_ratio(r["rss_mb"], base["rss_mb"], "MB")],
    )
    row(
        "process peak RSS",
        [p for _, r in results for p in with_ratio(r["peak_mb"], base["peak_mb"], "MB")],
    )
    row(
        "overview after a commit",
        [
            p
            for _, r in results
            for p in with_ratio(r["after_commit_s"], base["after_commit_s"], "s")
        ],
    )
    row(
        "  statements reading facts",
        [p for _, r in results for p in (str(r["after_commit_fact_reads"]), "")],
    )
    print(
        "\n(commit to another agency by another process; the overview of "
        + ", ".join(f"{r['viewed']} ({r['viewed_facts']} facts)" for _, r in results)
        + " is run again)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="5x10,1000x10",
        help="agencies×years, comma-separated; the first is the base of the ratios",
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--store-dir", type=Path, help="keep and reuse generated stores here")
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = work / "sample.sqlite"
        seed_if_empty(Store(f"sqlite:///{sample}"), default_catalogue())
        run_measure(f"sqlite:///{sample}", 1)  # warms the disk cache: no column pays for it
        results = [("bundled sample", run_measure(f"sqlite:///{sample}", args.runs))]
        for size in args.sizes.split(","):
            agencies, years = (int(x) for x in size.lower().split("x"))
            kept = (args.store_dir or work) / f"synthetic-{agencies}x{years}.sqlite"
            kept.parent.mkdir(parents=True, exist_ok=True)
            built = build_store(kept, agencies, years)
            if built:
                print(f"generated {agencies:,} agencies × {years} years in {built:.0f} s: {kept}")
            # Measured on a copy: the benchmark's own commit leaves the kept store as built.
            copy = work / kept.name
            shutil.copyfile(kept, copy)
            results.append((f"{agencies}×{years}", run_measure(f"sqlite:///{copy}", args.runs)))
            copy.unlink()
        report(results)


if __name__ == "__main__":
    main()
