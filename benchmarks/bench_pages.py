"""Benchmark: every page's full script run on the sample and on generated stores, side by side.

    .venv/bin/python benchmarks/bench_pages.py [--sizes 5x10,1000x10,10000x10] [--runs 7]
        [--store-dir DIR]  # keep generated SQLite stores there and reuse them next time
        [--postgres]  # the same stores on a throwaway PostgreSQL server too, side by side

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

With `--postgres` every store is measured again on PostgreSQL: a throwaway server (tests/pg.py,
Debian's `postgresql` binaries, durability off as in the tests), one fresh database per store —
the sample seeded as the app does, each generated store copied from its SQLite file by COPY
(`copy_to_postgres`: the same rows, minutes faster than committing them again), then VACUUM
ANALYZE, as a maintained server would have. Each database's table is printed, then the ratios of
both side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    """The process's resident memory now and at its peak, in MB: VmRSS and VmHWM, this
    program's own. (getrusage's ru_maxrss would not do: Linux carries the parent's peak at the
    fork into it across exec, and the parent may have just held a whole store to copy it.)"""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


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
    if "agency" not in at.session_state:  # a page that stopped early: say what it showed
        shown = [e.value for e in (*at.error, *at.warning)]
        raise SystemExit(f"the app chose no agency; it showed: {shown}")
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


# ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────

# Copied in this order (foreign keys); the tables the benchmark stores hold. Accounts, sign-in
# failures and the migration log are the new database's own.
COPIED_TABLES = ("datasets", "versions", "facts", "store_generation", "agency_directory", "decks")
COPY_ROWS = 500_000  # rows per COPY chunk


@contextmanager
def postgres_server() -> Iterator[Any]:
    """A throwaway PostgreSQL cluster (tests/pg.py), stopped and removed at the end."""
    from tests.pg import start_server

    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def _psycopg_connect(url: str) -> Any:
    import psycopg
    import sqlalchemy as sa

    parsed = sa.engine.make_url(url)
    return psycopg.connect(
        host=str(parsed.query.get("host", "")) or None,
        port=str(parsed.query.get("port", "")) or None,
        user=parsed.username,
        dbname=parsed.database,
    )


def copy_to_postgres(sqlite_path: Path, url: str) -> float:
    """Copy a SQLite store into the empty PostgreSQL database at `url`: the schema made by the
    store's own migrations, each table's rows (the columns both have) by COPY, id sequences moved
    past the copied ids, then VACUUM ANALYZE (statistics, and the visibility map the covering
    index's index-only scans need). Seconds taken."""
    import sqlite3

    import polars as pl

    start = time.perf_counter()
    Store(url).close()  # migrations: the schema PostgreSQL gets in production
    source = sqlite3.connect(sqlite_path)
    present = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    with _psycopg_connect(url) as target:
        tables = [t for t in COPIED_TABLES if t in present]
        target.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        for table in tables:
            pg_columns = [
                r[0]
                for r in target.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
            ]
            mine = {r[1] for r in source.execute(f"PRAGMA table_info({table})")}
            columns = [c for c in pg_columns if c in mine]
            frame = pl.read_database(f"SELECT {', '.join(columns)} FROM {table}", source)
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)"
            with target.cursor().copy(statement) as copy:
                for chunk in frame.iter_slices(COPY_ROWS):
                    # Strings quoted, nulls bare: COPY reads an empty quoted field as '' and an
                    # empty bare one as NULL.
                    copy.write(chunk.write_csv(include_header=False, quote_style="non_numeric"))
            if "id" in columns:
                target.execute(
                    f"SELECT setval(seq, (SELECT max(id) FROM {table})) FROM "
                    f"pg_get_serial_sequence('{table}', 'id') AS seq WHERE seq IS NOT NULL "
                    f"AND EXISTS (SELECT 1 FROM {table})"
                )
        target.commit()
        target.autocommit = True
        target.execute("VACUUM ANALYZE")
    source.close()
    return time.perf_counter() - start


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


def row(label: str, values: list[str], width: int = 16) -> None:
    print(f"{label:<26}" + "".join(f"{v:>{width}}" for v in values))


# The figures compared across stores: label → the result's figure.
FIGURES: tuple[tuple[str, Callable[[dict[str, Any]], float]], ...] = (
    ("first run after start", lambda r: r["first_run"]),
    *((f"rerun {p}", lambda r, p=p: r["pages"][p]) for p in PAGES),
    ("process RSS", lambda r: r["rss_mb"]),
    ("process peak RSS", lambda r: r["peak_mb"]),
    ("overview after a commit", lambda r: r["after_commit_s"]),
)


def report(results: list[tuple[str, dict[str, Any]]], database: str = "SQLite") -> None:
    """A column per store, each figure with its ratio to the first generated store's (the
    bundled sample's agencies have a year or two; generated ones ten, as many as at scale)."""
    base = results[1][1] if len(results) > 1 else results[0][1]
    names = [name for name, _ in results]

    def with_ratio(value: float, sample: float, unit: str) -> list[str]:
        return [f"{value:.0f} {unit}" if unit == "MB" else f"{value:.3f} {unit}"] + (
            [f"× {value / sample:.2f}"] if sample else ["—"]
        )

    print(f"\n== {database} ==")
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


def side_by_side(
    sqlite: list[tuple[str, dict[str, Any]]], pg: list[tuple[str, dict[str, Any]]]
) -> None:
    """Each figure's ratio to the first generated store, SQLite and PostgreSQL next to each
    other, per store (the bundled sample's own ratio is left out: it is the base's neighbour)."""
    base_s = sqlite[1][1] if len(sqlite) > 1 else sqlite[0][1]
    base_p = pg[1][1] if len(pg) > 1 else pg[0][1]
    print("\n== ratio to the first generated store: SQLite | PostgreSQL ==")
    row("", [f"{name} SQLite|PG" for name, _ in sqlite[1:]], width=24)
    for label, figure in FIGURES:
        row(
            label,
            [
                f"× {figure(s) / figure(base_s):.2f} | × {figure(p) / figure(base_p):.2f}"
                for (_, s), (_, p) in zip(sqlite[1:], pg[1:], strict=True)
            ],
            width=24,
        )
    row(
        "statements reading facts",
        [
            f"{s['after_commit_fact_reads']} | {p['after_commit_fact_reads']}"
            for (_, s), (_, p) in zip(sqlite[1:], pg[1:], strict=True)
        ],
        width=24,
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
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="measure the same stores on a throwaway PostgreSQL server too (tests/pg.py)",
    )
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
        stores: list[tuple[str, Path]] = []
        for size in args.sizes.split(","):
            agencies, years = (int(x) for x in size.lower().split("x"))
            kept = (args.store_dir or work) / f"synthetic-{agencies}x{years}.sqlite"
            kept.parent.mkdir(parents=True, exist_ok=True)
            built = build_store(kept, agencies, years)
            if built:
                print(f"generated {agencies:,} agencies × {years} years in {built:.0f} s: {kept}")
            stores.append((f"{agencies}×{years}", kept))
            # Measured on a copy: the benchmark's own commit leaves the kept store as built.
            copy = work / kept.name
            shutil.copyfile(kept, copy)
            results.append((f"{agencies}×{years}", run_measure(f"sqlite:///{copy}", args.runs)))
            copy.unlink()
        report(results)
        if args.postgres:
            pg = measure_postgres(stores, args.runs)
            report(pg, "PostgreSQL")
            side_by_side(results, pg)


def measure_postgres(stores: list[tuple[str, Path]], runs: int) -> list[tuple[str, dict[str, Any]]]:
    """The bundled sample and each kept store on a throwaway PostgreSQL server, a database each
    (dropped once measured)."""
    results: list[tuple[str, dict[str, Any]]] = []
    with postgres_server() as server:
        url = server.database()
        seed_if_empty(Store(url), default_catalogue())
        run_measure(url, 1)  # as for SQLite: the server's caches warm before the first column
        results.append(("bundled sample", run_measure(url, runs)))
        server.drop(url)
        for name, kept in stores:
            url = server.database()
            took = copy_to_postgres(kept, url)
            print(f"copied {kept.name} to PostgreSQL in {took:.0f} s")
            results.append((name, run_measure(url, runs)))
            server.drop(url)
    return results


if __name__ == "__main__":
    main()
