"""Alembic's environment for the store, configured in code (no alembic.ini): `schema.migrate`
hands over its connection, already in a transaction under the start-up lock, and a list that
collects the revisions applied."""

from __future__ import annotations

from typing import Any

from alembic import context

from dashboard.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `schema.migrate` runs this environment
    raise RuntimeError("run the store's migrations with `python -m dashboard migrate`")
applied: list[str] = config.attributes.setdefault("applied", [])


def _applied(*, step: Any, **_kw: Any) -> None:
    # A stamp (a store made by the named migrations, recognised) applies nothing: not listed.
    if step.is_upgrade and not step.is_stamp and step.up_revision_id:
        applied.append(step.up_revision_id)


context.configure(
    connection=connection,
    target_metadata=metadata,
    on_version_apply=_applied,
    # SQLite cannot ALTER most things in place: batch operations copy the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
# The connection is already in the caller's transaction: Alembic joins it and commits nothing,
# so the whole migration (and the caller's lock) ends with the caller's commit.
with context.begin_transaction():
    context.run_migrations()
