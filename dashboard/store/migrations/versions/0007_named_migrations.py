"""The baseline: the schema the named migrations 0001–0007 make (`schema.NAMED_MIGRATIONS`).

A store made before Alembic is stamped here by `schema.migrate` (its named migrations done); a
new store runs them through this revision, so the chain alone makes the whole schema.

Revision ID: 0007_named_migrations
"""

from __future__ import annotations

from alembic import op

from dashboard.store.schema import apply_named_migrations

revision = "0007_named_migrations"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    apply_named_migrations(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("the store is never migrated down: restore a backup instead")
