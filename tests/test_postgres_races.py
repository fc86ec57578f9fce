"""Races between real processes on a real PostgreSQL server (tests/pg.py), and on SQLite where
the race exists there too.

Each race is forced, not hoped for: process A runs the real command line (or a store call) and
stops inside its write transaction right after a chosen SQL statement, holding its locks; process
B then starts, and the test waits until the server shows B waiting on a lock (pg_stat_activity)
before letting A go on. So B really ran into A's transaction every time:

- two first imports of the same new (agency, year): both succeed, one after the other;
- two saves of one new deck name: both succeed, the later one's slides win;
- a stale preview: B expected the version A is replacing; B is refused, naming A's version;
- the change counter: A took a lower version id than B but commits after B; a reader that saw
  B's commit still sees the counter move when A's lands (max(versions.id) would not);
- replicas starting together: migrations and the sample seed run once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.i18n.messages import t
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.store.database import Store
from dashboard.store.schema import MIGRATIONS
from tests.conftest import csv_bytes

PROJECT_ROOT = Path(__file__).resolve().parents[1]
AGENCY = "定海区教育局"
OTHER = "普陀区教育局"
WAIT = 90.0  # seconds: the most any step may take on a loaded 2-core machine
SAMPLE_DATASETS = 9

# The child: optionally pause right after the first SQL statement matching PAUSE_AFTER (writing
# READY, waiting for GO), optionally wait for START_AT, then run one action.
CHILD = textwrap.dedent(
    """
    import json, os, re, sys, time
    from pathlib import Path
    import sqlalchemy as sa

    pause = os.environ.get("PAUSE_AFTER")
    if pause:
        paused = []

        @sa.event.listens_for(sa.engine.Engine, "after_cursor_execute")
        def _pause(conn, cursor, statement, parameters, context, executemany):
            if not paused and re.search(pause, statement):
                paused.append(statement)
                Path(os.environ["READY_FILE"]).write_text(statement, "utf-8")
                deadline = time.monotonic() + float(os.environ["WAIT"])
                while not Path(os.environ["GO_FILE"]).exists():
                    if time.monotonic() > deadline:
                        sys.exit("never released")
                    time.sleep(0.01)

    start_at = float(os.environ.get("START_AT", "0"))
    while time.time() < start_at:
        time.sleep(0.002)

    action, *args = sys.argv[1:]
    if action == "cli":
        from dashboard.cli import main
        sys.exit(main(args))

    from dashboard.domain.facts import Dataset, Fact
    from dashboard.domain.values import Qualifier
    from dashboard.platform.settings import load_settings
    from dashboard.store.database import StaleVersion, Store

    store = Store(load_settings().database_url)
    request = json.loads(args[0])
    if action == "deck":
        store.save_deck(request["name"], request["slides"], user=request["user"])
        print("SAVED")
    elif action == "commit":
        fact = Fact(request["agency"], request["year"], "meetings", None, None,
                    request["value"], Qualifier.EXACT, None)
        try:
            [result] = store.commit(
                [Dataset(request["agency"], request["year"], [fact])],
                user=request["user"],
                expected_versions={(request["agency"], request["year"]): request["expected"]},
            )
        except StaleVersion as stale:
            print(json.dumps({"stale": [stale.current, stale.user]}))
        else:
            print(json.dumps({"version": result.version}))
    store.close()
    """
)


class Children:
    """Start child processes on one store; each may be told to pause (see CHILD)."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder
        self.started: list[subprocess.Popen[str]] = []

    def start(
        self, *argv: str, pause_after: str | None = None, start_at: float | None = None
    ) -> subprocess.Popen[str]:
        env = {**os.environ, DATABASE_URL_ENV: self.url, "PYTHONPATH": str(PROJECT_ROOT)}
        env.pop("DASHBOARD_LANG", None)
        env.update(WAIT=str(WAIT), READY_FILE=str(self.ready), GO_FILE=str(self.go))
        if pause_after is not None:
            env["PAUSE_AFTER"] = pause_after
        if start_at is not None:
            env["START_AT"] = str(start_at)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, *argv],
            env=env,
            cwd=self.folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(child)
        return child

    @property
    def ready(self) -> Path:
        return self.folder / "ready"

    @property
    def go(self) -> Path:
        return self.folder / "go"

    def wait_until_paused(self, child: subprocess.Popen[str]) -> str:
        """The statement the child paused after."""
        wait_until(lambda: self.ready.exists() or child.poll() is not None, "the pause")
        assert child.poll() is None, child.communicate()
        return self.ready.read_text("utf-8")

    def release(self) -> None:
        self.go.write_text("go", "utf-8")

    def finish(self, child: subprocess.Popen[str]) -> tuple[int, str, str]:
        out, err = child.communicate(timeout=WAIT)
        return child.returncode, out, err

    def stop_all(self) -> None:
        self.release()
        for child in self.started:
            if child.poll() is None:
                child.kill()
            child.communicate()


@pytest.fixture
def children(pg_url: str, tmp_path: Path) -> Iterator[Children]:
    Store(pg_url).close()  # the schema exists: the races are in the writes, not the migrations
    made = Children(pg_url, tmp_path)
    yield made
    made.stop_all()


@pytest.fixture
def watch(pg_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(pg_url)
    yield engine
    engine.dispose()


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def lock_waiters(engine: sa.Engine) -> int:
    """Backends of this database waiting for a lock (a row, a key, an advisory lock)."""
    with engine.connect() as c:
        return int(
            c.scalar(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
        )


def wait_for_waiters(engine: sa.Engine, n: int, children: list[subprocess.Popen[str]]) -> None:
    def waiting() -> bool:
        for child in children:
            assert child.poll() is None, child.communicate()  # it must wait, not finish or fail
        return lock_waiters(engine) >= n

    wait_until(waiting, f"{n} process(es) to wait for a lock")


def write_csv(folder: Path, name: str, *rows: str) -> str:
    path = folder / name
    path.write_bytes(csv_bytes(*rows))
    return str(path)


# ── first imports, deck saves, stale previews ───────────────────────────────────────────────


def test_two_first_imports_of_one_new_year_queue_and_both_succeed(
    children: Children, watch: sa.Engine, pg_url: str, tmp_path: Path
) -> None:
    mine = write_csv(tmp_path, "a.csv", f"2019,{AGENCY},专题会议次数,,,2,")
    theirs = write_csv(tmp_path, "b.csv", f"2019,{AGENCY},专题会议次数,,,3,")
    a = children.start("cli", "import", mine, "--user", "alice", pause_after="INSERT INTO versions")
    children.wait_until_paused(a)  # A created the dataset's row and holds it
    b = children.start("cli", "import", theirs, "--user", "bob")
    wait_for_waiters(watch, 1, [a, b])  # B's INSERT … ON CONFLICT waits for A's transaction
    children.release()
    for child in (a, b):
        code, _, err = children.finish(child)
        assert code == 0, err
        assert "Traceback" not in err
    store = Store(pg_url)
    try:
        assert [(v.version, v.user) for v in store.history(AGENCY, 2019)] == [
            (2, "bob"),
            (1, "alice"),
        ]
        assert store.dataset_facts(AGENCY, 2019)[0].value == 3.0
    finally:
        store.close()


def test_two_saves_of_one_new_deck_name_both_succeed(
    children: Children, watch: sa.Engine, pg_url: str
) -> None:
    first = json.dumps({"name": "周例会", "slides": ["channels"], "user": "alice"})
    second = json.dumps({"name": "周例会", "slides": ["hotline", "requests"], "user": "bob"})
    a = children.start("deck", first, pause_after="INSERT INTO decks")
    children.wait_until_paused(a)
    b = children.start("deck", second)
    wait_for_waiters(watch, 1, [a, b])
    children.release()
    for child in (a, b):
        code, out, err = children.finish(child)
        assert (code, out.strip()) == (0, "SAVED"), err
    store = Store(pg_url)
    try:
        assert store.decks() == ["周例会"]
        assert store.deck("周例会") == ["hotline", "requests"]  # the later save wins
    finally:
        store.close()


def test_a_stale_preview_is_refused_under_two_writers(
    children: Children, watch: sa.Engine, pg_url: str
) -> None:
    """A and B both previewed version 1. A's commit is inside its transaction when B's begins:
    B waits for A's lock, then its check sees A's version 2 (and who saved it), writes nothing."""
    seed = Store(pg_url)
    try:
        seed.commit([_meetings(2)], user="seed")
        previewed = {"agency": AGENCY, "year": 2019, "expected": 1}
        a = children.start(
            "commit",
            json.dumps({**previewed, "value": 5, "user": "alice"}),
            pause_after="INSERT INTO versions",
        )
        children.wait_until_paused(a)
        b = children.start("commit", json.dumps({**previewed, "value": 7, "user": "bob"}))
        wait_for_waiters(watch, 1, [a, b])
        children.release()
        code_a, out_a, err_a = children.finish(a)
        code_b, out_b, err_b = children.finish(b)
        assert (code_a, json.loads(out_a)) == (0, {"version": 2}), err_a
        assert (code_b, json.loads(out_b)) == (0, {"stale": [2, "alice"]}), err_b
        assert [(v.version, v.user) for v in seed.history(AGENCY, 2019)] == [
            (2, "alice"),
            (1, "seed"),
        ]
        assert seed.dataset_facts(AGENCY, 2019)[0].value == 5.0
    finally:
        seed.close()


def _meetings(value: float) -> Dataset:
    return Dataset(
        AGENCY, 2019, [Fact(AGENCY, 2019, "meetings", None, None, value, Qualifier.EXACT)]
    )


# ── the change counter ──────────────────────────────────────────────────────────────────────


def test_the_counter_sees_a_commit_that_finished_out_of_id_order(
    children: Children, pg_url: str, tmp_path: Path
) -> None:
    reader = Store(pg_url)
    try:
        mine = write_csv(tmp_path, "a.csv", f"2019,{AGENCY},专题会议次数,,,2,")
        theirs = write_csv(tmp_path, "b.csv", f"2019,{OTHER},专题会议次数,,,3,")
        a = children.start(
            "cli", "import", mine, "--user", "alice", pause_after="INSERT INTO versions"
        )
        children.wait_until_paused(a)  # A holds versions.id 1, not committed
        b = children.start("cli", "import", theirs, "--user", "bob")
        code, _, err = children.finish(b)  # B takes id 2 and commits while A waits
        assert code == 0, err
        seen = reader.version_token()
        seen_other, seen_mine = reader.agency_token(OTHER), reader.agency_token(AGENCY)
        assert seen_mine == 0 and seen_other > 0
        max_id = _max_version_id(pg_url)

        children.release()
        code, _, err = children.finish(a)
        assert code == 0, err
        ids = {v.agency: v for v in reader.history()}
        assert len(ids) == 2
        # The scenario happened: A's version has the lower id but committed last, so the old
        # token, max(versions.id), did not move …
        assert _version_id(pg_url, AGENCY) < _version_id(pg_url, OTHER)
        assert _max_version_id(pg_url) == max_id
        # … and the counter did; so did A's agency token, and B's did not.
        assert reader.version_token() > seen
        assert reader.agency_token(AGENCY) > seen_other
        assert reader.agency_token(OTHER) == seen_other
    finally:
        reader.close()


def _max_version_id(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return int(c.scalar(sa.text("SELECT max(id) FROM versions")))
    finally:
        engine.dispose()


def _version_id(url: str, agency: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return int(
                c.scalar(
                    sa.text(
                        "SELECT v.id FROM versions v JOIN datasets d ON v.dataset_id = d.id"
                        " WHERE d.agency = :agency"
                    ),
                    {"agency": agency},
                )
            )
    finally:
        engine.dispose()


# ── replicas starting together ──────────────────────────────────────────────────────────────


def _started_once(url: str, outcomes: list[tuple[int, str, str]]) -> None:
    """Every process succeeded, one of them loaded the sample, the others found it loaded;
    every migration is recorded once and the sample is in the store once."""
    for code, _, err in outcomes:
        assert code == 0, err
        assert "Traceback" not in err
    outs = [out.strip() for _, out, _ in outcomes]
    assert sorted(outs) == sorted(
        [t("cli.seeded", "zh", count=SAMPLE_DATASETS)]
        + [t("cli.not_empty", "zh")] * (len(outcomes) - 1)
    )
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            names = list(c.scalars(sa.text("SELECT name FROM schema_migrations ORDER BY name")))
            versions = c.execute(sa.text("SELECT user_name, version FROM versions")).all()
    finally:
        engine.dispose()
    assert names == [name for name, _ in MIGRATIONS]
    assert sorted(versions) == [("sample", 1)] * SAMPLE_DATASETS


def test_four_processes_starting_together_migrate_and_seed_once(
    any_db_url: str, tmp_path: Path
) -> None:
    """Four `seed` commands on an empty database (SQLite: no file yet), released at once."""
    starter = Children(any_db_url, tmp_path)
    try:
        start_at = time.time() + 3  # after every child's imports
        started = [starter.start("cli", "seed", start_at=start_at) for _ in range(4)]
        outcomes = [starter.finish(child) for child in started]
    finally:
        starter.stop_all()
    _started_once(any_db_url, outcomes)


def test_a_migration_in_progress_holds_the_other_replicas(
    pg_url: str, watch: sa.Engine, tmp_path: Path
) -> None:
    """The first process stops inside its migration; the three others wait on the start-up
    lock (without it they would collide creating the same tables), then find nothing to do."""
    starter = Children(pg_url, tmp_path)
    try:
        first = starter.start("cli", "seed", pause_after="INSERT INTO schema_migrations")
        starter.wait_until_paused(first)
        others = [starter.start("cli", "seed") for _ in range(3)]
        wait_for_waiters(watch, 3, [first, *others])
        starter.release()
        outcomes = [starter.finish(child) for child in (first, *others)]
    finally:
        starter.stop_all()
    _started_once(pg_url, outcomes)


def test_a_seed_in_progress_holds_the_other_replicas(
    children: Children, watch: sa.Engine, pg_url: str
) -> None:
    """On a migrated, empty database the first process stops while loading the sample; the
    others wait on the start-up lock and then find the store full (none loads it again)."""
    # Paused inside the write (the facts follow by COPY, which is no SQLAlchemy statement).
    first = children.start("cli", "seed", pause_after="INSERT INTO versions")
    children.wait_until_paused(first)
    others = [children.start("cli", "seed") for _ in range(3)]
    wait_for_waiters(watch, 3, [first, *others])
    children.release()
    _started_once(pg_url, [children.finish(child) for child in (first, *others)])
