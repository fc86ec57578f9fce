"""Editor (and named viewer) accounts in the store, so that every replica signs in alike.

The columns are written out here, not taken from `schema.users_table`: a revision stays what it
was when later ones change the table. Times are timezone-aware (TIMESTAMP WITH TIME ZONE on
PostgreSQL; SQLite keeps the UTC text the store writes).

Revision ID: 0008_users
Revises: 0007_named_migrations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_users"
down_revision = "0007_named_migrations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("the store is never migrated down: restore a backup instead")
