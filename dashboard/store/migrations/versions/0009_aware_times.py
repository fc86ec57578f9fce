"""The older time columns become timezone-aware timestamps; the redundant `ix_facts_version` goes.

Before this revision `versions.created_at`, `sign_in_failures.failed_at`, `decks.updated_at`,
`agency_directory.updated_at` and `schema_migrations.applied_at` were ISO 8601 text.

- PostgreSQL: each becomes TIMESTAMP WITH TIME ZONE (`ALTER COLUMN … TYPE timestamptz USING`),
  every value kept as the same instant; a value without an offset is read as UTC (the time zone
  is set to UTC for this transaction only). A column that is already a timestamp (a store whose
  tables the present code created) is left alone.
- SQLite has no time type: every stored time, in these columns and in `users` (which SQLAlchemy
  wrote as naive UTC text, `2024-05-01 09:00:00.123456`), is rewritten to one fixed-width ISO
  8601 form in UTC with its offset, `2024-05-01T09:00:00.000000+00:00`, the form
  `schema.UtcTimestamp` writes and compares. Values already in that form are not touched.
- `ix_facts_version` (version_id) is dropped: `ix_facts_compare` (version_id, metric, channel,
  category, value) leads with the same column and serves every read by version (EXPLAIN on both
  databases, docs/decisions.md), so the narrow index only cost writes and space.

The columns and the form are written out here, not taken from `schema`: a revision stays what
it was when later ones change the tables. A value that is not a time stops the migration (its
transaction rolls back) instead of being guessed.

Revision ID: 0009_aware_times
Revises: 0008_users
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009_aware_times"
down_revision = "0008_users"
branch_labels = None
depends_on = None

# The ISO-text time columns of the named migrations 0001–0006, as (table, column).
TEXT_TIME_COLUMNS = (
    ("schema_migrations", "applied_at"),
    ("versions", "created_at"),
    ("sign_in_failures", "failed_at"),
    ("decks", "updated_at"),
    ("agency_directory", "updated_at"),
)
# On SQLite the users table's times (revision 0008) are text too, in SQLAlchemy's naive form.
SQLITE_ALSO = (("users", "created_at"), ("users", "updated_at"))
UPDATES_PER_BATCH = 5_000


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        _to_timestamptz(connection)
    else:
        for table, column in TEXT_TIME_COLUMNS + SQLITE_ALSO:
            _normalise_sqlite(connection, table, column)
    op.execute("DROP INDEX IF EXISTS ix_facts_version")


def downgrade() -> None:
    raise NotImplementedError("the store is never migrated down: restore a backup instead")


def utc_text(text: str) -> str:
    """A stored time in the one SQLite form: UTC, microseconds, explicit offset. A naive time
    is UTC (the store only ever wrote UTC); one with another offset is converted."""
    at = datetime.fromisoformat(text)
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.isoformat(timespec="microseconds")


def _to_timestamptz(connection: sa.Connection) -> None:
    inspector = sa.inspect(connection)
    zone = connection.scalar(sa.text("SELECT current_setting('TimeZone')"))
    # Only for this transaction, and restored below: `text::timestamptz` reads a value without
    # an offset in the session's zone, and those values are UTC.
    connection.execute(sa.text("SELECT set_config('TimeZone', 'UTC', true)"))
    for table, column in TEXT_TIME_COLUMNS:
        types = {c["name"]: c["type"] for c in inspector.get_columns(table)}
        if isinstance(types[column], sa.DateTime) and types[column].timezone:
            continue  # created by the present schema: already a timestamp
        op.alter_column(
            table,
            column,
            type_=sa.DateTime(timezone=True),
            existing_nullable=False,
            postgresql_using=f"{column}::timestamptz",
        )
    connection.execute(sa.text("SELECT set_config('TimeZone', :zone, true)"), {"zone": zone})


def _normalise_sqlite(connection: sa.Connection, table: str, column: str) -> None:
    """Rewrite the values of one column not yet in the one form, by rowid (no scan per row)."""
    preparer = connection.dialect.identifier_preparer
    quoted_table, quoted_column = preparer.quote(table), preparer.quote(column)
    rows = connection.execute(sa.text(f"SELECT rowid, {quoted_column} FROM {quoted_table}"))
    changes = [
        {"row": row, "at": new}
        for row, text in rows
        if text is not None and (new := utc_text(str(text))) != text
    ]
    update = sa.text(f"UPDATE {quoted_table} SET {quoted_column} = :at WHERE rowid = :row")
    for start in range(0, len(changes), UPDATES_PER_BATCH):
        connection.execute(update, changes[start : start + UPDATES_PER_BATCH])
