"""Alembic revisions of the store, one a file, from the baseline `0007_named_migrations`."""
