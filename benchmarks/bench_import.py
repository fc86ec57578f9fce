"""Benchmark: `import` of a large upload file against a bare `polars.read_csv` of the same file.

    .venv/bin/python benchmarks/bench_import.py [--agencies 1000] [--years 10] [--runs 3]
        [--postgres] [--phases]

Writes the upload CSV of `agencies × years` synthetic datasets (about 30 facts each: 1,000 × 10
is 300,000 facts; benchmarks/synthetic.py) as the exporter writes it, then times whole
processes, wall clock, best of `runs`:

- `python -c "import polars as pl; pl.read_csv(F)"`, the yardstick;
- `python -m dashboard validate F`;
- `python -m dashboard import F` into a fresh SQLite store each run (DASHBOARD_DATABASE_URL),
  and with `--postgres` into a fresh database of a throwaway PostgreSQL server (tests/pg.py);
- the same import again into a SQLite store that holds the file already (imported before the
  clock starts): every dataset identical, no new version, last year's facts all there to read;
- `python -m dashboard --help`: the command line's own start-up, for scale;
- `benchmarks/import_floor.py F`: the floor of any import into SQLite — read the file and
  insert its rows, unchecked, into a table indexed like the store's facts.

With `--phases`, it also times the import's parts in this process (best of `runs`, the garbage
collector paused as `import` pauses it): validation without and with the content hashes, and the
commit into a fresh SQLite store.

It prints each time and its ratio to the yardstick, with the machine's cores and load. Target
(issue 12): import ≤ 3× read_csv on SQLite. Figures are printed, never asserted; nothing here
runs in the tests.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.outputs.exporter import export_facts  # noqa: E402

DATABASE_URL_ENV = "DASHBOARD_DATABASE_URL"


def write_upload(path: Path, agencies: int, years: int) -> int:
    """The upload CSV of `agencies × years` synthetic datasets; returns its number of facts."""
    facts = [f for d in synthetic_datasets(agencies, years) for f in d.facts]
    path.write_bytes(export_facts(facts, default_catalogue(), "csv"))
    return len(facts)


def wall(
    command: Sequence[str],
    env: dict[str, str],
    runs: int,
    fresh: Callable[[], dict[str, str]] | None = None,
) -> float:
    """Best wall time of `runs` runs of a whole process; `fresh` gives each run its own store
    (the environment entries naming it), made before the clock starts."""
    best = float("inf")
    for _ in range(runs):
        if fresh is not None:
            env = {**env, **fresh()}
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            tail = (done.stdout + done.stderr)[-2000:]
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{tail}")
        best = min(best, elapsed)
    return best


def _floor(
    command: Sequence[str], env: dict[str, str], runs: int, fresh: Callable[[], dict[str, str]]
) -> float:
    """Best wall time of import_floor.py, each run into a new scratch file."""
    best = float("inf")
    for _ in range(runs):
        target = fresh()["FLOOR_TARGET"]
        best = min(best, wall([*command, target], env, 1))
    return best


def phases(upload: Path, work: Path, runs: int) -> list[tuple[str, float]]:
    """The parts of `import`, in this process: validation (read, checks, facts), validation with
    the content hashes, and the commit of its datasets into a fresh SQLite store."""
    from dashboard.ingest.validate import validate_file
    from dashboard.store.database import Store

    content, catalogue = upload.read_bytes(), default_catalogue()
    best = {"validate": float("inf"), "validate + hashes": float("inf"), "commit": float("inf")}
    gc.disable()
    try:
        for _ in range(runs):
            for name, hashes in (("validate", False), ("validate + hashes", True)):
                start = time.perf_counter()
                report = validate_file(content, upload.name, catalogue, with_hashes=hashes)
                best[name] = min(best[name], time.perf_counter() - start)
            store = Store(f"sqlite:///{work / uuid.uuid4().hex}.sqlite")
            try:
                start = time.perf_counter()
                store.commit(
                    report.datasets,
                    user="bench",
                    file_name=upload.name,
                    file_sha256=hashlib.sha256(content).hexdigest(),
                    content_hashes=report.content_hashes,
                )
                best["commit"] = min(best["commit"], time.perf_counter() - start)
            finally:
                store.close()
    finally:
        gc.enable()
    return [(f"  in process: {name}", seconds) for name, seconds in best.items()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--postgres", action="store_true", help="also import into a throwaway PostgreSQL server"
    )
    parser.add_argument("--file", type=Path, help="keep the upload CSV here")
    parser.add_argument(
        "--phases", action="store_true", help="also time validation and commit in process"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        upload = args.file or work / "upload.csv"
        count = write_upload(upload, args.agencies, args.years)
        size = upload.stat().st_size / 1e6
        print(f"{upload.name}: {count:,} facts, {size:.1f} MB ({args.agencies} × {args.years})")
        env = {**os.environ, DATABASE_URL_ENV: f"sqlite:///{work / 'unused.sqlite'}"}
        env.pop("DASHBOARD_LANG", None)
        env.pop("DASHBOARD_AGENCY", None)

        def sqlite_store() -> dict[str, str]:
            return {DATABASE_URL_ENV: f"sqlite:///{work / uuid.uuid4().hex}.sqlite"}

        python = sys.executable
        figures: list[tuple[str, float]] = []
        read_csv = f"import polars as pl; pl.read_csv({str(upload)!r})"
        figures.append(("polars.read_csv", wall([python, "-c", read_csv], env, args.runs)))
        cli = [python, "-m", "dashboard"]
        figures.append(("dashboard --help", wall([*cli, "--help"], env, args.runs)))
        # the floor: read + insert into an indexed table, no checks, no versions (import_floor.py)
        floor = [python, str(ROOT / "benchmarks" / "import_floor.py"), str(upload)]

        def floor_target() -> dict[str, str]:
            return {"FLOOR_TARGET": str(work / f"{uuid.uuid4().hex}.sqlite")}

        figures.append(("floor: read + insert only", _floor(floor, env, args.runs, floor_target)))
        figures.append(("validate", wall([*cli, "validate", str(upload)], env, args.runs)))
        figures.append(
            ("import (SQLite)", wall([*cli, "import", str(upload)], env, args.runs, sqlite_store))
        )

        def imported_store() -> dict[str, str]:
            store = sqlite_store()
            command = [*cli, "import", str(upload)]
            subprocess.run(command, cwd=ROOT, env={**env, **store}, capture_output=True, check=True)
            return store

        seconds = wall([*cli, "import", str(upload)], env, args.runs, imported_store)
        figures.append(("import again (SQLite)", seconds))
        if args.postgres:
            from tests.pg import start_server

            server = start_server()
            try:

                def postgres_store() -> dict[str, str]:
                    return {DATABASE_URL_ENV: server.database()}

                seconds = wall([*cli, "import", str(upload)], env, args.runs, postgres_store)
                figures.append(("import (PostgreSQL)", seconds))
            finally:
                server.stop()
        if args.phases:
            figures += phases(upload, work, args.runs)
        base = figures[0][1]
        # The machine, for the README: its cores and how busy it was (other work shares it).
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{os.cpu_count()} cores, load average {load} (1, 5, 15 min) at the end")
        print(f"{'process':<32}{'best wall s':>12}{'× read_csv':>12}")
        for name, seconds in figures:
            print(f"{name:<32}{seconds:>12.2f}{seconds / base:>12.1f}")


if __name__ == "__main__":
    main()
