"""The store's tables and their named migrations (SQLite by default, PostgreSQL-compatible).

Every version of a dataset keeps a full copy of its facts: restoring is copying an old version
forward, history is a query, and no update ever rewrites a figure in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

metadata = sa.MetaData()

migrations_table = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

datasets_table = sa.Table(
    "datasets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("agency", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("current_version", sa.Integer, nullable=False),
    sa.UniqueConstraint("agency", "year", name="uq_datasets_agency_year"),
)

versions_table = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),  # ISO 8601, UTC
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
    sa.Index("ix_facts_version", "version_id"),
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
    sa.Column("failed_at", sa.String(40), nullable=False),  # ISO 8601, UTC, fixed width
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
    sa.Column("updated_at", sa.String(40), nullable=False),
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


# Applied in order, each once, recorded in schema_migrations. Never edit an applied one: add.
MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_sign_in_failures", _sign_in_failures),
    ("0003_decks", _decks),
    ("0004_written_forms", _written_forms),
]


def migrate(engine: sa.Engine) -> list[str]:
    """Apply the migrations this database has not seen; returns their names."""
    applied: list[str] = []
    with engine.begin() as connection:
        migrations_table.create(connection, checkfirst=True)
        done = set(connection.scalars(sa.select(migrations_table.c.name)))
        for name, step in MIGRATIONS:
            if name in done:
                continue
            step(connection)
            connection.execute(migrations_table.insert().values(name=name, applied_at=utc_now()))
            applied.append(name)
    return applied


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
