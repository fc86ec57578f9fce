"""The store's migrations under Alembic, on SQLite and on a real PostgreSQL server: a new
database migrates to the head revision; a database made by the named migrations (at 0007, or
older) is recognised, stamped at the baseline and upgraded with its data kept; four processes
starting together migrate once. Real databases and real `python -m dashboard migrate` processes.
"""

from __future__ import annotations

import os
import string
import subprocess
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command

from dashboard.i18n import messages
from dashboard.paths import PROJECT_ROOT
from dashboard.store.database import Store
from dashboard.store.schema import (
    BASELINE_REVISION,
    MIGRATIONS,
    _alembic_config,
    apply_named_migrations,
    current_revision,
    head_revision,
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
    assert head_revision() == "0008_users"
    assert BASELINE_REVISION == "0007_named_migrations"
    assert NAMED[-1] == "0007_facts_compare_index"  # the named migrations are frozen at 0007


def test_a_new_database_migrates_to_head(db_url: str, engine: sa.Engine) -> None:
    store = Store(db_url)
    try:
        assert store.migrated == [*NAMED, "0008_users"]  # the stamp is not a step applied
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
        assert config.attributes["applied"] == [BASELINE_REVISION, "0008_users"]
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
        assert store.migrated == ["0008_users"]  # recognised: nothing named re-run
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
    assert store.migrated == [NAMED[5], NAMED[6], "0008_users"]
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
