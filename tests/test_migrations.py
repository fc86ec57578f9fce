"""The store's migrations under Alembic, on SQLite and on a real PostgreSQL server: a new
database migrates to the head revision; a database made by the named migrations (at 0007, or
older) is recognised, stamped at the baseline and upgraded with its data kept; four processes
starting together migrate once. Real databases and real `python -m dashboard migrate` processes.
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic import command

from dashboard.i18n import messages
from dashboard.paths import PROJECT_ROOT
from dashboard.store.database import _FACT_FIELDS, Store, VersionConflict
from dashboard.store.schema import (
    BASELINE_REVISION,
    MIGRATIONS,
    _alembic_config,
    apply_named_migrations,
    current_revision,
    facts_table,
    head_revision,
    metadata,
    migrate,
)

NAMED = [name for name, _ in MIGRATIONS]
STORE_TABLES = {
    "datasets",
    "versions",
    "facts",
    "sign_in_failures",
    "decks",
    "store_generation",
    "agency_directory",
    "users",
}


@pytest.fixture
def db_url(any_db_url: str) -> str:
    return any_db_url


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    made = sa.create_engine(db_url)
    yield made
    made.dispose()


def tables(engine: sa.Engine) -> set[str]:
    with engine.connect() as c:
        return set(sa.inspect(c).get_table_names())


def revision(engine: sa.Engine) -> str | None:
    with engine.connect() as c:
        return current_revision(c)


def test_the_revisions_form_one_chain_from_the_baseline() -> None:
    assert head_revision() == "0009_aware_times"
    assert BASELINE_REVISION == "0007_named_migrations"
    assert NAMED[-1] == "0007_facts_compare_index"  # the named migrations are frozen at 0007


def test_a_new_database_migrates_to_head(db_url: str, engine: sa.Engine) -> None:
    store = Store(db_url)
    try:
        assert store.migrated == [
            *NAMED,
            "0008_users",
            "0009_aware_times",
        ]  # the stamp is not a step applied
        assert store.schema_revision() == head_revision()
    finally:
        store.close()
    assert STORE_TABLES | {"schema_migrations", "alembic_version"} <= tables(engine)
    with engine.connect() as c:
        assert c.scalar(sa.text("SELECT count(*) FROM alembic_version")) == 1
        users = {col["name"]: col for col in sa.inspect(c).get_columns("users")}
    assert set(users) == {"name", "role", "password_hash", "created_at", "updated_at"}
    if engine.dialect.name == "postgresql":  # timezone-aware: TIMESTAMP WITH TIME ZONE
        assert users["created_at"]["type"].timezone is True
    # Opening again applies nothing.
    assert migrate(engine) == []
    again = Store(db_url)
    again.close()
    assert again.migrated == []


def test_the_alembic_chain_alone_makes_the_whole_schema(engine: sa.Engine) -> None:
    """Plain `upgrade head` on an empty database (no stamp) runs the baseline revision, which
    applies the named migrations: the chain is complete on its own."""
    with engine.begin() as c:
        config = _alembic_config(c)
        command.upgrade(config, "head")
        assert config.attributes["applied"] == [BASELINE_REVISION, "0008_users", "0009_aware_times"]
    assert tables(engine) >= STORE_TABLES
    assert revision(engine) == head_revision()
    with engine.connect() as c:
        assert list(c.scalars(sa.text("SELECT name FROM schema_migrations ORDER BY name"))) == NAMED


def _old_store(engine: sa.Engine) -> None:
    """A store as the named migrations made it before Alembic, holding a deck and a dataset."""
    with engine.begin() as c:
        assert apply_named_migrations(c) == NAMED
        c.execute(
            sa.text(
                "INSERT INTO decks (name, slides, updated_by, updated_at) "
                "VALUES ('board', '[\"overview\"]', 'alice', '2024-05-01T09:00:00+00:00')"
            )
        )
        c.execute(
            sa.text(
                "INSERT INTO datasets (agency, year, current_version, generation) "
                "VALUES ('定海区教育局', 2019, 0, 0)"
            )
        )
    assert "alembic_version" not in tables(engine) and "users" not in tables(engine)


def test_a_database_at_0007_is_stamped_and_upgraded(db_url: str, engine: sa.Engine) -> None:
    _old_store(engine)
    store = Store(db_url)
    try:
        assert store.migrated == [
            "0008_users",
            "0009_aware_times",
        ]  # recognised: nothing named re-run
        assert store.schema_revision() == head_revision()
        assert store.deck("board") == ["overview"]  # data kept
        assert not store.has_accounts()
    finally:
        store.close()
    with engine.connect() as c:
        assert list(c.scalars(sa.text("SELECT name FROM schema_migrations ORDER BY name"))) == NAMED
        assert c.scalar(sa.text("SELECT count(*) FROM datasets")) == 1


def test_an_older_named_database_is_brought_to_0007_then_stamped(
    db_url: str, engine: sa.Engine
) -> None:
    _old_store(engine)
    with engine.begin() as c:  # back to the schema of the named migrations 0001–0005
        c.exec_driver_sql("DROP TABLE agency_directory")
        c.exec_driver_sql("DROP INDEX ix_facts_compare")
        c.execute(
            sa.text("DELETE FROM schema_migrations WHERE name IN (:a, :b)"),
            {"a": NAMED[5], "b": NAMED[6]},
        )
    store = Store(db_url)
    store.close()
    assert store.migrated == [NAMED[5], NAMED[6], "0008_users", "0009_aware_times"]
    assert tables(engine) >= STORE_TABLES
    assert revision(engine) == head_revision()


def _migrate_process(url: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "DASHBOARD_DATABASE_URL": url,
        "DASHBOARD_LANG": "en",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard", "migrate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_four_processes_starting_together_migrate_once(db_url: str, engine: sa.Engine) -> None:
    """Four `migrate` commands on a new database (SQLite: no file yet) at once: one migrates,
    the three others wait on the start-up lock and then find the store up to date."""
    children = [_migrate_process(db_url) for _ in range(4)]
    outcomes = [(child.wait(timeout=180), *child.communicate()) for child in children]
    for code, _out, err in outcomes:
        assert code == 0, err
        assert "Traceback" not in err
    outs = sorted(out.strip() for _, out, _ in outcomes)
    head = head_revision()
    assert sum(out.startswith("Migrated the store") for out in outs) == 1, outs
    up_to_date = f"The store is up to date (revision {head}); nothing to migrate."
    assert outs.count(up_to_date) == 3, outs
    assert revision(engine) == head
    with engine.connect() as c:
        assert c.scalar(sa.text("SELECT count(*) FROM alembic_version")) == 1
        assert list(c.scalars(sa.text("SELECT name FROM schema_migrations ORDER BY name"))) == NAMED


@pytest.mark.parametrize("key", ["migrated", "migrate_current"])
def test_migrate_messages_exist_in_both_languages(key: str) -> None:
    entry = messages._entry(f"cli.{key}")
    zh, en = entry["zh"], entry["en"]
    assert zh.strip() and en.strip() and zh != en
    fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
    assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}


def test_no_alembic_ini_is_needed() -> None:
    assert not (PROJECT_ROOT / "alembic.ini").exists()
    assert (PROJECT_ROOT / "dashboard" / "store" / "migrations" / "env.py").is_file()


# ── revision 0009: timezone-aware time columns, no ix_facts_version ───────────────────────────

AGENCY = "定海区教育局"
# Every time column of the store after 0009, as (table, column).
TIME_COLUMNS = (
    ("schema_migrations", "applied_at"),
    ("versions", "created_at"),
    ("sign_in_failures", "failed_at"),
    ("decks", "updated_at"),
    ("agency_directory", "updated_at"),
    ("users", "created_at"),
    ("users", "updated_at"),
)
OLD_TEXT_TIMES = TIME_COLUMNS[:5]  # ISO 8601 text before 0009 (users: timestamps since 0008)
SQLITE_FORM = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")


def _at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


# Versions 1–3 of one dataset: the text the old code stored (or a hand, or an older program,
# wrote), and the instant it means. The store wrote `utc_now()`: seconds, `+00:00`.
OLD_VERSION_TIMES = [
    ("2024-05-01T09:00:00+00:00", _at(2024, 5, 1, 9, 0, 0)),
    ("2024-05-02T17:30:05+08:00", _at(2024, 5, 2, 9, 30, 5)),  # another offset: the same instant
    ("2019-12-31T23:30:00", _at(2019, 12, 31, 23, 30, 0)),  # no offset: UTC
]
# Failed sign-ins as `_iso_utc` wrote them: microseconds, `+00:00`.
OLD_FAILURES = [
    ("2024-05-01T09:00:00.123456+00:00", _at(2024, 5, 1, 9, 0, 0, 123456)),
    ("2024-05-01T09:10:00.000000+00:00", _at(2024, 5, 1, 9, 10, 0)),
]
OLD_STAMP = ("2024-04-30T08:00:00+00:00", _at(2024, 4, 30, 8, 0, 0))  # decks, directory, named
ACCOUNT_TIME = _at(2024, 5, 3, 10, 0, 0, 654321)


def _store_at_0008(engine: sa.Engine) -> None:
    """A store as the code before revision 0009 made it, holding old-style times: its tables
    declared as they were (the five time columns ISO 8601 text, `ix_facts_version` on facts),
    the named migrations recorded, Alembic at `0008_users`."""
    old = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(old)
    for table_name, column in OLD_TEXT_TIMES:
        old.tables[table_name].c[column].type = sa.String(40)
    for column in ("created_at", "updated_at"):
        old.tables["users"].c[column].type = sa.DateTime(timezone=True)  # as 0008 made it
    sa.Index("ix_facts_version", old.tables["facts"].c.version_id)
    t = old.tables
    with engine.begin() as c:
        old.create_all(c)
        stamp = OLD_STAMP[0]
        c.execute(
            t["schema_migrations"].insert(), [{"name": n, "applied_at": stamp} for n in NAMED]
        )
        c.execute(t["store_generation"].insert().values(id=1, generation=3))
        c.execute(t["datasets"].insert().values(id=1, agency=AGENCY, year=2019, current_version=3))
        c.execute(
            t["versions"].insert(),
            [
                {
                    "id": number,
                    "dataset_id": 1,
                    "version": number,
                    "created_at": text,
                    "user_name": f"editor{number}",
                    "action": "import",
                    "content_hash": f"hash{number}",
                    "fact_count": 1,
                    "added": 1,
                    "changed": 0,
                    "removed": 0,
                }
                for number, (text, _) in enumerate(OLD_VERSION_TIMES, start=1)
            ],
        )
        c.execute(
            t["facts"].insert(),
            [
                {
                    "version_id": v,
                    "metric": "items_published",
                    "value": 10.0 * v,
                    "qualifier": "exact",
                }
                for v in (1, 2, 3)
            ],
        )
        c.execute(
            t["sign_in_failures"].insert(),
            [{"user_name": "mallory", "failed_at": text} for text, _ in OLD_FAILURES],
        )
        c.execute(
            t["decks"]
            .insert()
            .values(name="board", slides='["overview"]', updated_by="alice", updated_at=stamp)
        )
        c.execute(
            t["agency_directory"]
            .insert()
            .values(agency=AGENCY, region="舟山市", updated_by="alice", updated_at=stamp)
        )
        # SQLite: SQLAlchemy's own naive text (`2024-05-03 10:00:00.654321`); PostgreSQL: a
        # timestamptz.
        c.execute(
            t["users"]
            .insert()
            .values(
                name="alice",
                role="editor",
                password_hash="$argon2id$x",
                created_at=ACCOUNT_TIME,
                updated_at=ACCOUNT_TIME,
            )
        )
        command.stamp(_alembic_config(c), "0008_users")
    with engine.connect() as c:
        assert current_revision(c) == "0008_users"
        raw = c.exec_driver_sql("SELECT created_at FROM versions ORDER BY id").scalars().all()
    assert [str(v) for v in raw] == [text for text, _ in OLD_VERSION_TIMES]  # really text


def _facts_indexes(engine: sa.Engine) -> set[str]:
    with engine.connect() as c:
        return {ix["name"] for ix in sa.inspect(c).get_indexes("facts")}


def _column_types(engine: sa.Engine) -> dict[tuple[str, str], sa.types.TypeEngine[object]]:
    with engine.connect() as c:
        inspector = sa.inspect(c)
        return {
            (table, column["name"]): column["type"]
            for table in sorted({t for t, _ in TIME_COLUMNS})
            for column in inspector.get_columns(table)
        }


def test_a_store_at_0008_upgrades_its_times_in_place(db_url: str, engine: sa.Engine) -> None:
    """Old-style text times become timezone-aware timestamps (PostgreSQL) or the one UTC text
    form (SQLite) by `python -m dashboard migrate`, each the same instant as before; the store
    then reads the same instants on both databases, and ix_facts_version is gone."""
    _store_at_0008(engine)
    assert "ix_facts_version" in _facts_indexes(engine)
    child = _migrate_process(db_url)
    out, err = child.communicate(timeout=180)
    assert child.returncode == 0, err
    assert "0009_aware_times" in out and "0008_users" not in out, out
    assert revision(engine) == head_revision() == "0009_aware_times"

    # The stored values and their types.
    types = _column_types(engine)
    with engine.connect() as c:
        raw = {
            (table, column): c.exec_driver_sql(f"SELECT {column} FROM {table} ORDER BY {column}")
            .scalars()
            .all()
            for table, column in TIME_COLUMNS
        }
    if engine.dialect.name == "postgresql":
        for key in TIME_COLUMNS:
            assert isinstance(types[key], sa.DateTime) and types[key].timezone is True, key
            assert all(isinstance(v, datetime) and v.tzinfo is not None for v in raw[key]), key
        instants = raw
    else:
        for key in TIME_COLUMNS:
            assert raw[key] and all(SQLITE_FORM.fullmatch(v) for v in raw[key]), (key, raw[key])
        instants = {key: [datetime.fromisoformat(v) for v in values] for key, values in raw.items()}
    assert instants[("versions", "created_at")] == sorted(at for _, at in OLD_VERSION_TIMES)
    assert instants[("sign_in_failures", "failed_at")] == [at for _, at in OLD_FAILURES]
    assert instants[("users", "created_at")] == [ACCOUNT_TIME]
    for key in (("schema_migrations", "applied_at"), ("decks", "updated_at")):
        assert set(instants[key]) == {OLD_STAMP[1]}
    assert _facts_indexes(engine) == {"ix_facts_compare"}

    # The store reads the same instants, in the same words as before the migration.
    store = Store(db_url)
    try:
        assert store.migrated == []
        history = store.history(AGENCY, 2019)
        assert [(v.version, v.user) for v in history] == [
            (3, "editor3"),
            (2, "editor2"),
            (1, "editor1"),
        ]
        assert [v.created_at for v in history] == [
            "2019-12-31T23:30:00+00:00",
            "2024-05-02T09:30:05+00:00",
            "2024-05-01T09:00:00+00:00",
        ]
        assert [datetime.fromisoformat(v.created_at) for v in history] == [
            at for _, at in reversed(OLD_VERSION_TIMES)
        ]
        assert store.datasets()["created_at"].to_list() == ["2019-12-31T23:30:00+00:00"]
        assert store.version_conflicts({(AGENCY, 2019): 2}) == [
            VersionConflict(AGENCY, 2019, 2, 3, "editor3", "2019-12-31T23:30:00+00:00")
        ]
        first, second = (at for _, at in OLD_FAILURES)
        assert store.sign_in_failures_since("mallory", first) == [first, second]  # inclusive
        assert store.sign_in_failures_since("mallory", first + timedelta(microseconds=1)) == [
            second
        ]
        # A naive bound is UTC, as before; another offset is the same instant.
        assert store.sign_in_failures_since("mallory", second.replace(tzinfo=None)) == [second]
        beijing = second.astimezone(datetime.fromisoformat("2024-01-01T00:00+08:00").tzinfo)
        assert store.sign_in_failures_since("mallory", beijing) == [second]
        account = store.account("alice")
        assert account is not None
        assert (account.created_at, account.updated_at) == (ACCOUNT_TIME, ACCOUNT_TIME)
        assert account.created_at.utcoffset() == timedelta(0)
        assert store.deck("board") == ["overview"]
        from dashboard.store.compare import directory_info

        assert directory_info(store) == (1, "alice", OLD_STAMP[0])
        assert [f.value for f in store.dataset_facts(AGENCY, 2019)] == [30.0]
        # New writes land in the same form, after the old ones in time.
        store.save_deck("board", ["overview", "compare"], user="bob")
        store.record_sign_in_failure("mallory", datetime.now(UTC))
        assert len(store.sign_in_failures_since("mallory", first)) == 3
    finally:
        store.close()
    assert migrate(engine) == []


def test_a_new_store_writes_aware_times_and_has_no_version_index(
    db_url: str, engine: sa.Engine
) -> None:
    """The fresh-schema path ends where the upgrade does: every time column a timestamp with
    time zone (PostgreSQL) or written in the one UTC text form (SQLite), no ix_facts_version."""
    from dashboard.domain.facts import Dataset, Fact
    from dashboard.domain.values import Qualifier
    from dashboard.store.compare import DirectoryEntry, replace_directory

    store = Store(db_url)
    try:
        fact = Fact(AGENCY, 2019, "items_published", None, None, 5.0, Qualifier.EXACT, None)
        store.commit([Dataset(AGENCY, 2019, [fact])], user="alice")
        store.save_deck("board", ["overview"], user="alice")
        store.record_sign_in_failure("mallory", datetime(2024, 5, 1, 9, 0, 0))  # naive: UTC
        store.save_account("alice", "editor", "$argon2id$x")
        replace_directory(store, [DirectoryEntry(AGENCY, region="舟山市")], user="alice")
        assert store.sign_in_failures_since("mallory", _at(2024, 5, 1, 9)) == [_at(2024, 5, 1, 9)]
        created = datetime.fromisoformat(store.history()[0].created_at)
        assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    finally:
        store.close()
    assert _facts_indexes(engine) == {"ix_facts_compare"}
    types = _column_types(engine)
    with engine.connect() as c:
        raw = {
            (table, column): c.exec_driver_sql(f"SELECT {column} FROM {table}").scalars().all()
            for table, column in TIME_COLUMNS
        }
    for key in TIME_COLUMNS:
        assert raw[key], key
        if engine.dialect.name == "postgresql":
            assert isinstance(types[key], sa.DateTime) and types[key].timezone is True, key
        else:
            assert all(SQLITE_FORM.fullmatch(v) for v in raw[key]), (key, raw[key])


def _plan(c: sa.Connection, query: sa.Select[tuple[object, ...]]) -> str:
    sql = str(query.compile(dialect=c.dialect, compile_kwargs={"literal_binds": True}))
    if c.dialect.name == "sqlite":
        return "\n".join(row[3] for row in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    # A test-sized table is read whole by choice; forbid that to see which index serves it.
    c.exec_driver_sql("SET enable_seqscan = off")
    return "\n".join(row[0] for row in c.exec_driver_sql(f"EXPLAIN {sql}"))


def test_reads_of_facts_by_version_search_the_compare_index(db_url: str) -> None:
    """Why ix_facts_version could go: ix_facts_compare leads with version_id, and the store's
    reads of a version's facts search it on both databases (no scan of facts)."""
    from dashboard.store.reads import FactFilter, _facts_query

    store = Store(db_url)
    try:
        with store.reading() as c:
            one = sa.select(*_FACT_FIELDS).where(facts_table.c.version_id == 1)
            many = sa.select(*_FACT_FIELDS).where(facts_table.c.version_id.in_([1, 2, 3]))
            agency = _facts_query(FactFilter(agencies=(AGENCY,)))
            for query in (one.order_by(facts_table.c.id), many, agency):
                plan = _plan(c, query)
                assert "ix_facts_compare" in plan, plan
                assert "SCAN facts" not in plan and "Seq Scan on facts" not in plan, plan
    finally:
        store.close()


def test_commands_start_without_alembic(sqlite_url: str) -> None:
    """Alembic (~55 ms to import) is imported where migrations run, not by every command's
    start-up (`--help`, `validate`): opening a store still migrates with it."""
    script = (
        "import sys\n"
        "from dashboard.cli import main\n"
        "import dashboard.store.database\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
        "dashboard.store.database.Store(sys.argv[1]).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, sqlite_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "True"]
