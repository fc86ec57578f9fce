"""The store's Alembic environment and revisions (run by `dashboard.store.schema.migrate`)."""
