"""Real storage faults for tests, without mounts or mocks (the tests run as root, which ignores
file permissions, and cannot mount a tiny file system):

- a full disk: every SQLite connection opened meanwhile gets `PRAGMA max_page_count` at its
  file's current size, so SQLite answers a write that needs one more page exactly as on a full
  disk (SQLITE_FULL, "database or disk is full");
- a read-only store: the same file opened with SQLite's `mode=ro` URI, so every write gets
  SQLITE_READONLY ("attempt to write a readonly database");
- an unwritable folder for output files: /sys, where even root may not create a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import Pool

UNWRITABLE_FOLDER = Path("/sys")


@contextmanager
def full_disk(extra_pages: int = 0) -> Iterator[None]:
    """While active, SQLite files opened by new connections cannot grow past `extra_pages`."""

    def limit(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1) + extra_pages}")

    sa.event.listen(Pool, "connect", limit)
    try:
        yield
    finally:
        sa.event.remove(Pool, "connect", limit)


def read_only_url(path: Path) -> str:
    """A URL opening the SQLite file at `path` read-only."""
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]
