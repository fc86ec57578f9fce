"""The store's tables and their migrations (SQLite by default, PostgreSQL-compatible): the
frozen named migrations 0001–0007, then Alembic revisions (dashboard/store/migrations/).

Every version of a dataset keeps a full copy of its facts: restoring is copying an old version
forward, history is a query, and no update ever rewrites a figure in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

metadata = sa.MetaData()

# Width of a time as SQLite stores it: `2024-05-01T09:00:00.000000+00:00`.
UTC_TEXT_WIDTH = 32


def as_utc(at: datetime) -> datetime:
    """The same instant in UTC; a naive time is taken to be UTC already."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


class UtcTimestamp(sa.types.TypeDecorator[datetime]):
    """A point in time, timezone-aware, the same on both databases (Alembic revision 0009).

    PostgreSQL: TIMESTAMP WITH TIME ZONE. SQLite has no time type: the text of the instant in
    UTC in one ISO 8601 form with its offset, fixed width (`2024-05-01T09:00:00.000000+00:00`),
    so text order is time order and a comparison with a bound time is exact. Python gets an
    aware datetime in UTC from either; a naive one given to it is taken as UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.String(UTC_TEXT_WIDTH))
        return dialect.type_descriptor(sa.DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        at = as_utc(value)
        return at.isoformat(timespec="microseconds") if dialect.name == "sqlite" else at

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


migrations_table = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", UtcTimestamp, nullable=False),
)

datasets_table = sa.Table(
    "datasets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("agency", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    # 0 only inside the transaction that creates the dataset: a committed row always has one.
    sa.Column("current_version", sa.Integer, nullable=False),
    # The store generation of the last write that gave this dataset a new version (migration
    # 0005): a reader's per-dataset and per-agency change token.
    sa.Column("generation", sa.BigInteger, nullable=False, server_default="0"),
    sa.UniqueConstraint("agency", "year", name="uq_datasets_agency_year"),
)

versions_table = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", UtcTimestamp, nullable=False),
    sa.Column("user_name", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),  # import | restore | sample
    sa.Column("file_name", sa.String(500)),
    sa.Column("file_sha256", sa.String(64)),
    sa.Column("restored_from", sa.Integer),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("fact_count", sa.Integer, nullable=False),
    sa.Column("added", sa.Integer, nullable=False),
    sa.Column("changed", sa.Integer, nullable=False),
    sa.Column("removed", sa.Integer, nullable=False),
    sa.UniqueConstraint("dataset_id", "version", name="uq_versions_dataset_version"),
)

facts_table = sa.Table(
    "facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
    sa.Column("metric", sa.String(100), nullable=False),
    sa.Column("channel", sa.String(200)),
    sa.Column("category", sa.String(200)),
    sa.Column("value", sa.Float),
    sa.Column("qualifier", sa.String(20), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("source_row", sa.Integer),
    # The report's words (migration 0004): the unit and the value cell as written; NULL in rows
    # stored before, which show as they always did.
    sa.Column("unit", sa.String(20)),
    sa.Column("as_written", sa.Text),  # a readable cell is short, but its decimals are unbounded
    # No index of version_id alone: ix_facts_compare (below) leads with it and serves every read
    # by version (revision 0009 dropped the old `ix_facts_version`).
)


def _initial(connection: sa.Connection) -> None:
    for table in (datasets_table, versions_table, facts_table):
        table.create(connection, checkfirst=True)


# Failed sign-ins live in the database, not in a process, so that every app process sharing
# the store sees the same count and a throttle cannot be dodged by landing on another process.
# A row is written when an attempt begins, before its password is checked (in the transaction
# that decides the lock), and the name's rows are deleted when an attempt succeeds: a row is an
# attempt not known to have succeeded.
sign_in_failures_table = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_name", sa.String(200), nullable=False),
    sa.Column("failed_at", UtcTimestamp, nullable=False),
    sa.Index("ix_sign_in_failures_user_name", "user_name"),
)


def _sign_in_failures(connection: sa.Connection) -> None:
    sign_in_failures_table.create(connection, checkfirst=True)


# Meeting decks chosen by editors: a name shared by link (?deck=NAME) and the ordered slide ids.
decks_table = sa.Table(
    "decks",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("slides", sa.Text, nullable=False),  # JSON list of slide ids, in order
    sa.Column("updated_by", sa.String(200), nullable=False),
    sa.Column("updated_at", UtcTimestamp, nullable=False),
)


def _decks(connection: sa.Connection) -> None:
    decks_table.create(connection, checkfirst=True)


# The columns 0004 adds to facts, in the order of facts_table.
WRITTEN_FORM_COLUMNS = ("unit", "as_written")


def _written_forms(connection: sa.Connection) -> None:
    """Facts keep the report's words: `unit` and `as_written`. A database made by 0001 from
    the present facts_table has them already; an older one gets them, NULL in every old row."""
    present = {c["name"] for c in sa.inspect(connection).get_columns(facts_table.name)}
    preparer = connection.dialect.identifier_preparer
    for name in WRITTEN_FORM_COLUMNS:
        if name in present:
            continue
        column = facts_table.c[name]
        kind = column.type.compile(dialect=connection.dialect)
        connection.execute(
            sa.text(
                f"ALTER TABLE {preparer.format_table(facts_table)} "
                f"ADD COLUMN {preparer.format_column(column)} {kind}"
            )
        )


# The store's change counter: one row (id 1) whose generation every write transaction that
# changes something raises by one, as its last statement. Caches key on it instead of
# max(versions.id): on PostgreSQL a transaction holding a lower id can commit after one holding
# a higher id, and max(id) would not move; the counter's row lock orders the bumps as the
# commits, so every commit moves it.
store_generation_table = sa.Table(
    "store_generation",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("generation", sa.BigInteger, nullable=False),
)
GENERATION_ROW = 1


def _generation(connection: sa.Connection) -> None:
    """The counter, starting where max(versions.id) was (caches keyed on the old token see a
    change, never a repeat), and each dataset's generation: its current version's id."""
    store_generation_table.create(connection, checkfirst=True)
    present = {c["name"] for c in sa.inspect(connection).get_columns(datasets_table.name)}
    if "generation" not in present:  # a database made by 0001 before 0005 existed
        preparer = connection.dialect.identifier_preparer
        column = datasets_table.c.generation
        kind = column.type.compile(dialect=connection.dialect)
        connection.execute(
            sa.text(
                f"ALTER TABLE {preparer.format_table(datasets_table)} "
                f"ADD COLUMN {preparer.format_column(column)} {kind} NOT NULL DEFAULT 0"
            )
        )
    versions = versions_table
    current_id = (
        sa.select(versions.c.id)
        .where(
            versions.c.dataset_id == datasets_table.c.id,
            versions.c.version == datasets_table.c.current_version,
        )
        .scalar_subquery()
    )
    connection.execute(datasets_table.update().values(generation=sa.func.coalesce(current_id, 0)))
    if connection.scalar(sa.select(sa.func.count()).select_from(store_generation_table)) == 0:
        start = connection.scalar(sa.select(sa.func.coalesce(sa.func.max(versions.c.id), 0)))
        connection.execute(
            store_generation_table.insert().values(id=GENERATION_ROW, generation=int(start))
        )


# The agency directory (单位名录), uploaded by an editor as a small CSV and replaced whole on each
# upload: each agency's parent office, region and kind, the groups the 对比 page filters by. The
# uploader, time and file are the same on every row of one upload.
agency_directory_table = sa.Table(
    "agency_directory",
    metadata,
    sa.Column("agency", sa.String(200), primary_key=True),
    sa.Column("parent", sa.String(200)),
    sa.Column("region", sa.String(200)),
    sa.Column("kind", sa.String(200)),
    sa.Column("updated_by", sa.String(200), nullable=False),
    sa.Column("updated_at", UtcTimestamp, nullable=False),
    sa.Column("file_name", sa.String(500)),
    sa.Index("ix_agency_directory_parent", "parent"),
    sa.Index("ix_agency_directory_region", "region"),
    sa.Index("ix_agency_directory_kind", "kind"),
)


def _agency_directory(connection: sa.Connection) -> None:
    agency_directory_table.create(connection, checkfirst=True)


# The 对比 page reads one figure of every agency's current report (and which figures a year's
# reports give): with the figure's slot and value in the index beside the version, SQLite and
# PostgreSQL answer from the index alone (3× faster at 3 million facts) instead of fetching
# every fact row of the year. Declared on facts_table (a new store gets it with the table).
facts_compare_index = sa.Index(
    "ix_facts_compare",
    facts_table.c.version_id,
    facts_table.c.metric,
    facts_table.c.channel,
    facts_table.c.category,
    facts_table.c.value,
)


def _facts_compare_index(connection: sa.Connection) -> None:
    facts_compare_index.create(connection, checkfirst=True)


# Editor (and named viewer) accounts, in the store so that every replica signs in alike and
# `add-user` needs no file on each host. `password_hash` is an Argon2id hash (about 100
# characters; 255 leaves room for stronger parameters).
users_table = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),  # viewer | editor
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", UtcTimestamp, nullable=False),
    sa.Column("updated_at", UtcTimestamp, nullable=False),
)


# The named migrations, frozen: applied in order, each once, recorded in schema_migrations. Every
# later change of the schema is an Alembic revision (dashboard/store/migrations/versions/), whose
# baseline `0007_named_migrations` is the schema these make.
MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_sign_in_failures", _sign_in_failures),
    ("0003_decks", _decks),
    ("0004_written_forms", _written_forms),
    ("0005_store_generation", _generation),
    ("0006_agency_directory", _agency_directory),
    ("0007_facts_compare_index", _facts_compare_index),
]

# The key of the PostgreSQL advisory lock held by migrations and by seeding an empty store (any
# fixed 64-bit number unique to this application: "dashbrd" in ASCII).
STARTUP_LOCK_KEY = 0x64617368627264


def startup_lock(connection: sa.Connection) -> None:
    """Hold the start-up lock until the end of this transaction, so processes starting together
    migrate and seed one after another: PostgreSQL's transaction-scoped advisory lock. SQLite
    needs nothing here: the store's write transactions begin with BEGIN IMMEDIATE, which already
    holds the database's single write lock."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(STARTUP_LOCK_KEY)))


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BASELINE_REVISION = "0007_named_migrations"  # the schema of the named migrations 0001–0007
ALEMBIC_VERSION_TABLE = "alembic_version"  # Alembic's own: the revision a database is at


def apply_named_migrations(connection: sa.Connection) -> list[str]:
    """Apply the named migrations this database has not seen; their names. Idempotent: a store
    at 0007 (every store the named migrations made, once brought up) gets nothing."""
    applied: list[str] = []
    migrations_table.create(connection, checkfirst=True)
    done = set(connection.scalars(sa.select(migrations_table.c.name)))
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(connection)
        connection.execute(migrations_table.insert().values(name=name, applied_at=utc_now()))
        applied.append(name)
    return applied


def _alembic_config(connection: sa.Connection) -> Config:
    """Alembic's configuration in code: the scripts' folder and our connection (no .ini)."""
    # Alembic (~55 ms to import) only where migrations run: not in the start-up of every
    # command (`--help`, `validate`, …), which imports this module for its tables.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    config.attributes["applied"] = []
    return config


def head_revision() -> str:
    """The newest Alembic revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def migrate(engine: sa.Engine) -> list[str]:
    """Bring the database to the newest schema; the names of the steps applied (named
    migrations, then Alembic revisions).

    One transaction under the start-up lock (pass the store's write engine on SQLite, whose
    transactions take the write lock): of N processes starting together on a new database, the
    first migrates, the others wait and then find nothing left to do. The frozen named
    migrations run first (a no-op once done, and they repair a store that lost one); a database
    without Alembic's version table is then stamped at the baseline `0007_named_migrations`, the
    schema they make, and Alembic upgrades it to the head revision.
    """
    from alembic import command

    with engine.begin() as connection:
        startup_lock(connection)
        applied = apply_named_migrations(connection)
        config = _alembic_config(connection)
        if not sa.inspect(connection).has_table(ALEMBIC_VERSION_TABLE):
            command.stamp(config, BASELINE_REVISION)
        command.upgrade(config, "head")
        applied.extend(config.attributes["applied"])
    return applied


def current_revision(connection: sa.Connection) -> str | None:
    """The Alembic revision the database is at (None: not yet under Alembic)."""
    if not sa.inspect(connection).has_table(ALEMBIC_VERSION_TABLE):
        return None
    return connection.scalar(sa.text(f"SELECT version_num FROM {ALEMBIC_VERSION_TABLE}"))


def utc_now() -> datetime:
    """Now, in UTC: what the store writes to its time columns."""
    return datetime.now(UTC)


def utc_text(at: datetime) -> str:
    """A stored time as the store's readers give it (history, conflicts, the directory): ISO
    8601 in UTC to the second, `2024-05-01T09:00:00+00:00`, the same on both databases."""
    return as_utc(at).isoformat(timespec="seconds")
