"""The versioned store: every read and write of datasets goes through `Store`.

A commit of one file is one transaction: each changed dataset gets a new version holding all its
facts, and the dataset's pointer moves to it. A failure or a killed process before the end leaves
every dataset at its previous version. Restore copies an old version forward as a new one.

Commits are optimistic: a caller that showed someone a preview passes the versions it was made
against (`expected_versions`), and the write transaction refuses with `StaleVersion` when any of
them moved in between, writing nothing. Storage faults (disk full, read-only file, a path that
cannot be opened) come out as `StoreUnavailable` with a short code, never as a driver error.

Several processes (app replicas, the CLI) may write at once, on SQLite or PostgreSQL. SQLite
queues whole write transactions (BEGIN IMMEDIATE). On PostgreSQL (READ COMMITTED) a write first
claims the rows of the datasets it writes, in (agency, year) order: an existing row is locked
(SELECT … FOR UPDATE), a missing one inserted (INSERT … ON CONFLICT DO NOTHING, which waits for
a concurrent creator and then finds its row) and locked. Only then are the expected versions
checked and the facts read, so two first imports of one new year queue instead of failing, and
a check cannot pass on a version that is being replaced. Every write that changes something
ends by raising the store generation (`version_token`), and stamps it on the datasets it changed
(`dataset_token`, `agency_token`).
"""

from __future__ import annotations

import errno
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import polars as pl
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from dashboard.domain.facts import FACTS_SCHEMA, Dataset, Fact, diff_facts
from dashboard.domain.problems import ProblemCode
from dashboard.domain.values import Qualifier
from dashboard.store.schema import (
    GENERATION_ROW,
    current_revision,
    datasets_table,
    decks_table,
    facts_table,
    migrate,
    sign_in_failures_table,
    startup_lock,
    store_generation_table,
    users_table,
    utc_now,
    utc_text,
    versions_table,
)

WAL_SWITCH_TIMEOUT = 30.0  # seconds, like the busy timeout
T = TypeVar("T")


@dataclass(frozen=True)
class CommitResult:
    """What committing one dataset did."""

    agency: str
    year: int
    version: int  # the dataset's current version after the commit
    created: bool  # False: identical to the current version, nothing written
    added: int = 0
    changed: int = 0
    removed: int = 0
    restored_from: int | None = None


@dataclass(frozen=True)
class VersionInfo:
    """One line of a dataset's history: the audit record of a commit or restore."""

    agency: str
    year: int
    version: int
    current: bool
    created_at: str  # ISO 8601, UTC, to the second (`schema.utc_text`)
    user: str
    action: str
    file_name: str | None
    file_sha256: str | None
    restored_from: int | None
    fact_count: int
    added: int
    changed: int
    removed: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Account:
    """A user account as stored: the role is the store's text (`viewer`, `editor`); the
    platform's auth module turns it into a Role."""

    name: str
    role: str
    password_hash: str = field(repr=False)  # kept out of logs and tracebacks
    created_at: datetime
    updated_at: datetime


class UnknownVersion(LookupError):
    """Restore of a dataset or version that does not exist."""


@dataclass(frozen=True)
class VersionConflict:
    """A dataset whose current version is not the one a caller expected, and who moved it."""

    agency: str
    year: int
    expected: int | None  # the version the caller previewed (None: the year did not exist)
    current: int | None  # the version that is current now (None: there is no such dataset)
    user: str | None  # who saved the current version …
    saved_at: str | None  # … and when (ISO 8601, UTC)


class StaleVersion(Exception):
    """A commit or restore refused, with nothing written: a dataset changed since it was read.

    `conflicts` lists every such dataset; the first one's fields are also attributes.
    """

    def __init__(self, conflicts: list[VersionConflict]) -> None:
        self.conflicts = conflicts
        first = conflicts[0]
        self.agency, self.year = first.agency, first.year
        self.expected, self.current = first.expected, first.current
        self.user, self.saved_at = first.user, first.saved_at
        super().__init__(
            "; ".join(
                f"{c.agency} {c.year}: expected version {c.expected}, current {c.current} "
                f"(saved by {c.user} at {c.saved_at})"
                for c in conflicts
            )
        )


# Codes of StoreUnavailable (stable: the CLI's JSON and the messages use them).
STORE_FULL = ProblemCode.STORE_FULL  # the disk (or the database's size limit) is full
STORE_READ_ONLY = ProblemCode.STORE_READ_ONLY  # the file, its folder or its file system: read-only
STORE_UNOPENABLE = ProblemCode.STORE_UNOPENABLE  # no such folder, a folder in its place, no server
STORE_BUSY = ProblemCode.STORE_BUSY  # another process held the lock past the busy timeout
STORE_CORRUPT = ProblemCode.STORE_CORRUPT  # not a database, or a damaged one
STORE_IO_ERROR = ProblemCode.STORE_IO_ERROR  # the operating system failed a read or write
STORE_FAULTS = (
    STORE_FULL,
    STORE_READ_ONLY,
    STORE_UNOPENABLE,
    STORE_BUSY,
    STORE_CORRUPT,
    STORE_IO_ERROR,
)


class StoreUnavailable(Exception):
    """The store cannot be used at all or cannot be written; nothing was half-written.

    `code` is one of STORE_FAULTS, `location` the database file (or the URL without its
    password), `detail` the driver's own words (for logs, not for staff).
    """

    def __init__(self, code: ProblemCode, location: str, detail: str) -> None:
        super().__init__(f"{code}: {location}: {detail}")
        self.code = code
        self.location = location
        self.detail = detail


# A fact's own columns, as the frames name them (FACTS_SCHEMA).
FACT_FIELDS = ("metric", "channel", "category", "value", "qualifier", "note", "unit", "as_written")
# The columns of a current fact as the frames have them (FACTS_SCHEMA): one dataset's fields,
# the fact's, and the dataset's current version.
CURRENT_FACT_COLUMNS = (
    datasets_table.c.agency,
    datasets_table.c.year,
    *(facts_table.c[name] for name in FACT_FIELDS[:6]),
    datasets_table.c.current_version.label("version"),
    *(facts_table.c[name] for name in FACT_FIELDS[6:]),
)


class Store:
    """Owns the database: schema, reads and the single write path."""

    def __init__(self, url: str) -> None:
        # The URL is the caller's (the settings' DASHBOARD_DATABASE_URL, or the SQLite file
        # under data/): the store reads no environment of its own.
        self.url = url
        self._sqlite = self.url.startswith("sqlite")
        self.location = re.sub(r"://[^/@]*@", "://***@", self.url)  # until the URL is parsed
        try:
            self.location = _location(self.url)
            if self._sqlite:
                path = _sqlite_path(self.url)
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                self._read_engine = _sqlite_engine(self.url, "BEGIN")
                # BEGIN IMMEDIATE takes the write lock up front, so two processes committing at
                # once queue instead of failing halfway through with "database is locked".
                self._write_engine = _sqlite_engine(self.url, "BEGIN IMMEDIATE")
            else:
                # pool_pre_ping: a connection the server (or a proxy) dropped while it sat in
                # the pool is replaced, instead of failing the next page that takes it.
                engine = sa.create_engine(self.url, pool_pre_ping=True)
                self._read_engine = self._write_engine = engine
            # The steps this process applied (empty when another process, or an earlier start,
            # had already brought the schema up to date): `python -m dashboard migrate` says so.
            self.migrated: list[str] = migrate(self._write_engine)
        except (sa.exc.DBAPIError, OSError) as error:
            # Whatever stops the store from opening is a fault of the store, never a traceback.
            raise StoreUnavailable(
                _fault_code(error) or STORE_UNOPENABLE, self.location, _detail(error)
            ) from error
        except (sa.exc.ArgumentError, ImportError) as error:
            # Not a database URL, an unknown dialect, or its driver is not installed.
            raise StoreUnavailable(STORE_UNOPENABLE, self.location, _detail(error)) from error

    def close(self) -> None:
        self._read_engine.dispose()
        self._write_engine.dispose()

    @contextmanager
    def _faults(self) -> Iterator[None]:
        """Turn the database's storage errors into StoreUnavailable; others pass unchanged."""
        try:
            yield
        except sa.exc.DBAPIError as error:
            code = _fault_code(error)
            if code is None:
                raise
            raise StoreUnavailable(code, self.location, _detail(error)) from error

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        with self._faults(), self._read_engine.connect() as connection:
            yield connection

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): committed at the end, rolled back
        on any exception, so a fault midway leaves nothing half-written."""
        with self._faults(), self._write_engine.begin() as connection:
            yield connection

    # ── the seam for queries the Store has no method for (dashboard/store/compare.py) ─────────

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A read connection of the store, its storage faults raised as StoreUnavailable."""
        with self._reading() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[sa.Connection]:
        """One write transaction that changes the store (BEGIN IMMEDIATE on SQLite), its
        storage faults raised as StoreUnavailable. Its last statement raises the store
        generation, as every write of the store's own does, so caches keyed on
        `version_token` see the change; any exception rolls the whole of it back."""
        with self._writing() as connection:
            yield connection
            _bump(connection, set())

    # ── reads ───────────────────────────────────────────────────────────────────────────────

    def version_token(self) -> int:
        """The store generation: changes with every committed write that changed something (a
        dataset's new version, a restore, a deck), whatever order concurrent writes took their
        ids in; the key for caches of the whole store."""
        with self._reading() as c:
            return int(
                c.scalar(
                    sa.select(store_generation_table.c.generation).where(
                        store_generation_table.c.id == GENERATION_ROW
                    )
                )
                or 0
            )

    def dataset_token(self, agency: str, year: int) -> int:
        """Changes whenever this dataset gets a new version (0: no such dataset); the key for
        caches of one dataset, untouched by commits to any other."""
        with self._reading() as c:
            token = c.scalar(
                sa.select(datasets_table.c.generation).where(
                    datasets_table.c.agency == agency, datasets_table.c.year == year
                )
            )
        return int(token or 0)

    def agency_token(self, agency: str) -> int:
        """Changes whenever any dataset of the agency gets a new version or a year is added (0:
        no dataset); the key for caches of one agency's facts. Each such write stamps the
        dataset with a generation above every earlier one, so the maximum always moves."""
        with self._reading() as c:
            token = c.scalar(
                sa.select(sa.func.max(datasets_table.c.generation)).where(
                    datasets_table.c.agency == agency
                )
            )
        return int(token or 0)

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self._reading() as c:
            return current_revision(c)

    def is_empty(self) -> bool:
        with self._reading() as c:
            return c.scalar(sa.select(sa.func.count()).select_from(datasets_table)) == 0

    def datasets(self) -> pl.DataFrame:
        """agency, year, current version and fact count of every dataset."""
        query = (
            sa.select(
                datasets_table.c.agency,
                datasets_table.c.year,
                datasets_table.c.current_version.label("version"),
                versions_table.c.fact_count,
                versions_table.c.created_at,
            )
            .join(versions_table, _current_join())
            .order_by(datasets_table.c.agency, datasets_table.c.year)
        )
        with self._reading() as c:
            rows = c.execute(query).all()
        return pl.DataFrame(
            [(*r[:-1], utc_text(r.created_at)) for r in rows],
            schema={
                "agency": pl.String,
                "year": pl.Int32,
                "version": pl.Int32,
                "fact_count": pl.Int32,
                "created_at": pl.String,
            },
            orient="row",
        )

    def current_version(self, agency: str, year: int) -> int | None:
        """The dataset's current version number; None when there is no such dataset."""
        with self._reading() as c:
            return c.scalar(
                sa.select(datasets_table.c.current_version).where(
                    datasets_table.c.agency == agency, datasets_table.c.year == year
                )
            )

    def version_conflicts(
        self, expected: Mapping[tuple[str, int], int | None]
    ) -> list[VersionConflict]:
        """The datasets whose current version is not the expected one, and who saved it (a
        read: the check that counts is the one inside the write, see `commit`)."""
        with self._reading() as c:
            return _conflicts(c, expected)

    def current_facts(self, agency: str | None = None, year: int | None = None) -> pl.DataFrame:
        """The facts of the current version of every (matching) dataset."""
        query = (
            sa.select(*CURRENT_FACT_COLUMNS)
            .select_from(datasets_table)
            .join(versions_table, _current_join())
            .join(facts_table, facts_table.c.version_id == versions_table.c.id)
            .order_by(datasets_table.c.agency, datasets_table.c.year, facts_table.c.id)
        )
        query = _filter(query, agency, year)
        with self._reading() as c:
            rows = c.execute(query).all()
        return pl.DataFrame([tuple(r) for r in rows], schema=FACTS_SCHEMA, orient="row")

    def dataset_facts(self, agency: str, year: int, version: int | None = None) -> list[Fact]:
        """Facts of one dataset at a version (default: current); empty if there is none."""
        with self._reading() as c:
            return _version_facts(c, agency, year, version)

    def facts_of(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Fact]]:
        """The current facts of many datasets, (agency, year) → facts (a key without a dataset
        is absent), in a query per 2,000 keys: validation's last-year check of a whole file
        (`validate_file(previous_many=…)`), where a query per dataset made ten thousand."""
        found: dict[tuple[str, int], list[Fact]] = {}
        with self._reading() as c:
            for chunk in _chunks(sorted(set(keys)), KEYS_PER_QUERY):
                rows = c.execute(
                    sa.select(datasets_table.c.agency, datasets_table.c.year, *_FACT_FIELDS)
                    .select_from(datasets_table)
                    .join(versions_table, _current_join())
                    .join(facts_table, facts_table.c.version_id == versions_table.c.id)
                    .where(_key_in(c, chunk))
                    .order_by(facts_table.c.id)
                ).all()
                # `_fact`, unrolled: 270,000 facts of last year for a file of 300,000.
                for agency, year, metric, channel, category, value, qualifier, *rest in rows:
                    note, row, unit, written = rest
                    found.setdefault((agency, year), []).append(
                        Fact(
                            agency,
                            year,
                            metric,
                            channel,
                            category,
                            value,
                            _QUALIFIERS.get(qualifier) or Qualifier(qualifier),
                            note,
                            row,
                            unit,
                            written,
                        )
                    )
        return found

    def history(self, agency: str | None = None, year: int | None = None) -> list[VersionInfo]:
        """Every version of every (matching) dataset, newest first within a dataset."""
        query = (
            sa.select(datasets_table, versions_table)
            .join(versions_table, versions_table.c.dataset_id == datasets_table.c.id)
            .order_by(
                datasets_table.c.agency, datasets_table.c.year, versions_table.c.version.desc()
            )
        )
        query = _filter(query, agency, year)
        with self._reading() as c:
            rows = c.execute(query).mappings().all()
        return [
            VersionInfo(
                agency=r["agency"],
                year=r["year"],
                version=r["version"],
                current=r["version"] == r["current_version"],
                created_at=utc_text(r["created_at"]),
                user=r["user_name"],
                action=r["action"],
                file_name=r["file_name"],
                file_sha256=r["file_sha256"],
                restored_from=r["restored_from"],
                fact_count=r["fact_count"],
                added=r["added"],
                changed=r["changed"],
                removed=r["removed"],
            )
            for r in rows
        ]

    # ── writes ──────────────────────────────────────────────────────────────────────────────

    def commit(
        self,
        datasets: Iterable[Dataset],
        *,
        user: str,
        file_name: str | None = None,
        file_sha256: str | None = None,
        action: str = "import",
        expected_versions: Mapping[tuple[str, int], int | None] | None = None,
        content_hashes: Mapping[tuple[str, int], str] | None = None,
    ) -> list[CommitResult]:
        """Store each dataset as a new version, all in one transaction.

        A dataset identical to its current version makes no new version. Any exception rolls
        the whole transaction back: no dataset of the file is changed. With `expected_versions`
        ((agency, year) → the version previewed, None for a year that did not exist), raises
        StaleVersion and writes nothing when any of them is no longer current.
        `content_hashes` ((agency, year) → `Dataset.content_hash()` of exactly these facts, as
        validation computes them for a whole file at once) spares hashing them here; a dataset
        not in it is hashed here.
        """
        return self.commit_files(
            [(datasets, file_name, file_sha256)],
            user=user,
            action=action,
            expected_versions=expected_versions,
            content_hashes=content_hashes,
        )

    def commit_files(
        self,
        files: Iterable[tuple[Iterable[Dataset], str | None, str | None]],
        *,
        user: str,
        action: str = "import",
        only_if_empty: bool = False,
        expected_versions: Mapping[tuple[str, int], int | None] | None = None,
        content_hashes: Mapping[tuple[str, int], str] | None = None,
    ) -> list[CommitResult]:
        """Commit the datasets of several files (datasets, file name, SHA-256) in one transaction.

        With `only_if_empty`, nothing is written when the store already holds a dataset — checked
        inside the write transaction, so two processes seeding at once load the samples once.
        `expected_versions` is checked inside the write transaction too (see `commit`), and
        `content_hashes` (see `commit`) may only be given for datasets named once.
        """
        batches = [(list(datasets), file_name, sha) for datasets, file_name, sha in files]
        written = {(d.agency, d.year) for datasets, _, _ in batches for d in datasets}
        hashes = content_hashes or {}
        items = [
            _Item(
                dataset,
                file_name,
                file_sha256,
                hashes.get((dataset.agency, dataset.year)) or dataset.content_hash(),
            )
            for datasets, file_name, file_sha256 in batches
            for dataset in datasets
        ]
        with self._writing() as c:
            if only_if_empty:
                # Processes seeding at once take turns; each later one finds the store full.
                startup_lock(c)
                if c.scalar(sa.select(sa.func.count()).select_from(datasets_table)):
                    return []
            claimed = _claim(c, written, also_lock=set(expected_versions or ()))
            if expected_versions:
                _refuse_stale(c, expected_versions)
            return self._write_all(c, claimed, items, user=user, action=action)

    def restore(
        self,
        agency: str,
        year: int,
        version: int,
        *,
        user: str,
        expected_current: int | None = None,
    ) -> CommitResult:
        """Make an old version current again, as a new version (history is never rewritten).

        With `expected_current` (the current version the caller read), raises StaleVersion and
        writes nothing when another version became current in between.
        """
        with self._writing() as c:
            if not _version_row(c, agency, year, version):
                raise UnknownVersion(f"{agency} {year} v{version}")
            claimed = _claim(c, {(agency, year)})
            if expected_current is not None:
                _refuse_stale(c, {(agency, year): expected_current})
            dataset = Dataset(agency, year, _version_facts(c, agency, year, version))
            item = _Item(dataset, None, None, dataset.content_hash(), restored_from=version)
            return self._write_all(c, claimed, [item], user=user, action="restore")[0]

    def _write_all(
        self,
        c: sa.Connection,
        claimed: dict[tuple[str, int], _Slot],
        items: list[_Item],
        *,
        user: str,
        action: str,
    ) -> list[CommitResult]:
        """Write the new versions of claimed datasets, set-based: the stored facts of every
        dataset that changed in one query, the versions in one statement, all facts in one
        bulk insert, the pointers and change tokens in one statement (`_bump`).

        Each dataset is still decided on its own, in order (`_write_version`): a dataset named
        twice (two sample files of one year) is compared with the version the first made.
        """
        first: dict[tuple[str, int], _Item] = {}
        for item in items:
            first.setdefault((item.dataset.agency, item.dataset.year), item)
        # Stored facts only of the datasets whose first write makes a version (diff counts).
        needed = {
            slot.version_id: key
            for key, item in first.items()
            if (slot := claimed[key]).version_id is not None
            and (slot.content_hash != item.content_hash or item.restored_from is not None)
        }
        batch = _Batch(claimed, _facts_by_version(c, needed))
        results = [
            self._write_version(
                c,
                item.dataset,
                batch=batch,
                user=user,
                action=action,
                file_name=item.file_name,
                file_sha256=item.file_sha256,
                restored_from=item.restored_from,
                content_hash=item.content_hash,
                force=item.restored_from is not None,
            )
            for item in items
        ]
        if batch.versions:
            _insert_versions(c, batch)
            _bump(c, {row["dataset_id"] for row in batch.versions})
        return results

    # ── sign-in attempts (the throttle's memory, shared by every process) ──────────────────

    def begin_sign_in_attempt(
        self,
        name: str,
        at: datetime,
        *,
        since: datetime,
        lock: Callable[[list[datetime]], int],
        forget_before: datetime | None = None,
    ) -> int:
        """Record an attempt to sign in as `name` before its password is checked, unless the
        name is locked: returns 0 (recorded: go on and verify) or the seconds to wait.

        `lock` gets the times of the attempts for `name` at or after `since` (oldest first) and
        says how long the name is locked. Reading those attempts and recording this one happen
        in one write transaction (BEGIN IMMEDIATE on SQLite), so parallel attempts queue and
        each sees all earlier ones: N attempts at once count as N. A refused attempt is not
        recorded (it would lengthen the real user's lock). With `forget_before`, attempts of any
        name older than that are dropped in the same transaction.
        """
        column = sign_in_failures_table.c.failed_at
        with self._writing() as c:
            if c.dialect.name == "postgresql":
                # READ COMMITTED would let two transactions count the same rows: queue them.
                c.execute(sa.text("LOCK TABLE sign_in_failures IN SHARE ROW EXCLUSIVE MODE"))
            if forget_before is not None:
                c.execute(sign_in_failures_table.delete().where(column < forget_before))
            times = c.scalars(
                sa.select(column)
                .where(sign_in_failures_table.c.user_name == name, column >= since)
                .order_by(column)
            )
            wait = lock(list(times))
            if wait > 0:
                return wait
            c.execute(sign_in_failures_table.insert().values(user_name=name, failed_at=at))
            return 0

    def record_sign_in_failure(
        self, name: str, at: datetime, *, forget_before: datetime | None = None
    ) -> None:
        """Note a failed sign-in for `name`; with `forget_before`, drop every older failure
        (of any name) in the same transaction, so guessed names do not pile up for ever."""
        with self._writing() as c:
            if forget_before is not None:
                c.execute(
                    sign_in_failures_table.delete().where(
                        sign_in_failures_table.c.failed_at < forget_before
                    )
                )
            c.execute(sign_in_failures_table.insert().values(user_name=name, failed_at=at))

    def sign_in_failures_since(self, name: str, since: datetime) -> list[datetime]:
        """The times (UTC, oldest first) of the failed sign-ins for `name` at or after `since`."""
        column = sign_in_failures_table.c.failed_at
        query = (
            sa.select(column)
            .where(sign_in_failures_table.c.user_name == name, column >= since)
            .order_by(column)
        )
        with self._reading() as c:
            return list(c.scalars(query))

    def clear_sign_in_failures(self, name: str) -> None:
        with self._writing() as c:
            c.execute(
                sign_in_failures_table.delete().where(sign_in_failures_table.c.user_name == name)
            )

    # ── user accounts (every replica signs in against the same ones) ───────────────────────

    def save_account(self, name: str, role: str, password_hash: str) -> bool:
        """Create or replace the account `name` (role and password hash); whether it existed.

        One statement writes it (INSERT … ON CONFLICT DO UPDATE), so two processes saving one
        new name at once both succeed, the later one's hash wins; `created_at` is kept.
        """
        now = datetime.now(UTC)
        values = {"role": role, "password_hash": password_hash, "updated_at": now}
        with self._writing() as c:
            existed = c.scalar(
                sa.select(sa.func.count())
                .select_from(users_table)
                .where(users_table.c.name == name)
            )
            statement = _insert(c, users_table).values(name=name, created_at=now, **values)
            c.execute(
                statement.on_conflict_do_update(index_elements=[users_table.c.name], set_=values)
            )
        return bool(existed)

    def add_missing_accounts(self, accounts: Iterable[tuple[str, str, str]]) -> list[str]:
        """Insert the (name, role, password hash) accounts whose name the store does not hold
        yet, in one transaction; the names inserted. An existing account is never touched."""
        now = datetime.now(UTC)
        added: list[str] = []
        with self._writing() as c:
            for name, role, password_hash in accounts:
                inserted = c.scalar(
                    _insert(c, users_table)
                    .values(
                        name=name,
                        role=role,
                        password_hash=password_hash,
                        created_at=now,
                        updated_at=now,
                    )
                    .on_conflict_do_nothing(index_elements=[users_table.c.name])
                    .returning(users_table.c.name)
                )
                if inserted is not None:
                    added.append(str(inserted))
        return added

    def account(self, name: str) -> Account | None:
        """The account `name`, or None."""
        with self._reading() as c:
            row = c.execute(sa.select(users_table).where(users_table.c.name == name)).first()
        return None if row is None else _account(row)

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        with self._reading() as c:
            rows = c.execute(sa.select(users_table).order_by(users_table.c.name)).all()
        return [_account(row) for row in rows]

    def has_accounts(self) -> bool:
        with self._reading() as c:
            return c.scalar(sa.select(sa.func.count()).select_from(users_table)) > 0

    # ── meeting decks ───────────────────────────────────────────────────────────────────────

    def save_deck(self, name: str, slide_ids: list[str], *, user: str) -> None:
        """Create or replace a named deck (its slide ids, in order)."""
        values = {"slides": json.dumps(slide_ids), "updated_by": user, "updated_at": utc_now()}
        with self._writing() as c:
            # One statement: two processes saving one new name at once both succeed, the later
            # one's slides win (an UPDATE-then-INSERT would fail the later one on the key).
            statement = _insert(c, decks_table).values(name=name, **values)
            c.execute(
                statement.on_conflict_do_update(index_elements=[decks_table.c.name], set_=values)
            )
            _bump(c, set())

    def deck(self, name: str) -> list[str] | None:
        """The slide ids of a named deck, or None when there is no such deck."""
        with self._reading() as c:
            slides = c.scalar(sa.select(decks_table.c.slides).where(decks_table.c.name == name))
        return None if slides is None else list(json.loads(slides))

    def decks(self) -> list[str]:
        with self._reading() as c:
            return list(c.scalars(sa.select(decks_table.c.name).order_by(decks_table.c.name)))

    def _write_version(
        self,
        c: sa.Connection,
        dataset: Dataset,
        *,
        batch: _Batch,
        user: str,
        action: str,
        file_name: str | None,
        file_sha256: str | None,
        restored_from: int | None,
        content_hash: str,
        force: bool = False,
    ) -> CommitResult:
        """Decide one dataset's new version and add it to the batch (written by `_write_all`).
        The caller claimed the dataset's row (`_claim`): it exists and is locked, with
        current_version 0 when this transaction created it."""
        slot = batch.slots[(dataset.agency, dataset.year)]
        current = slot.current
        if slot.content_hash == content_hash and not (force and restored_from != current):
            return CommitResult(
                dataset.agency, dataset.year, current, False, restored_from=restored_from
            )
        if slot.facts is not None:  # written earlier in this batch
            old = slot.facts
        elif slot.version_id is None:
            old = []
        elif slot.version_id in batch.stored:
            old = batch.stored[slot.version_id]
        else:
            old = _facts_of(c, slot.version_id, dataset.agency, dataset.year)
        added, changed, removed = _diff_counts(old, dataset.facts)
        # Every write makes the new version current, so the current one is the highest.
        number = current + 1
        batch.versions.append(
            {
                "dataset_id": slot.dataset_id,
                "version": number,
                "created_at": utc_now(),
                "user_name": user,
                "action": action,
                "file_name": file_name,
                "file_sha256": file_sha256,
                "restored_from": restored_from,
                "content_hash": content_hash,
                "fact_count": len(dataset.facts),
                "added": added,
                "changed": changed,
                "removed": removed,
            }
        )
        batch.facts.append(dataset.facts)
        slot.current, slot.content_hash, slot.facts = number, content_hash, dataset.facts
        return CommitResult(
            dataset.agency, dataset.year, number, True, added, changed, removed, restored_from
        )


@dataclass
class _Slot:
    """A claimed dataset row as a write goes on: its current version, and that version's
    content hash and stored row (None: no version yet) or facts (once this write made it)."""

    dataset_id: int
    current: int
    version_id: int | None
    content_hash: str | None
    facts: list[Fact] | None = None


@dataclass(frozen=True)
class _Item:
    """One dataset to write, with what its version records."""

    dataset: Dataset
    file_name: str | None
    file_sha256: str | None
    content_hash: str
    restored_from: int | None = None


@dataclass
class _Batch:
    """The versions one transaction writes, decided dataset by dataset, then written at once."""

    slots: dict[tuple[str, int], _Slot]
    stored: dict[int, list[Fact]]  # the stored facts of current versions, by version row id
    versions: list[dict[str, Any]] = field(default_factory=list)  # rows of versions_table
    facts: list[list[Fact]] = field(default_factory=list)  # each version row's facts


_SLOT = attrgetter("metric", "channel", "category")  # Fact.slot, without a Python call per fact


def _diff_counts(old: list[Fact], new: list[Fact]) -> tuple[int, int, int]:
    """Slots added, changed and removed (`diff_facts`); a first version adds every slot."""
    if not old:
        return len(set(map(_SLOT, new))), 0, 0
    diff = diff_facts(old, new)
    return len(diff.added), len(diff.changed), len(diff.removed)


def _insert_versions(c: sa.Connection, batch: _Batch) -> None:
    """The batch's version rows in one INSERT … RETURNING (SQLAlchemy's insertmanyvalues), then
    every fact of every version in one bulk insert."""
    # Each row's id found by its (dataset, version), unique: asking RETURNING for the rows' own
    # order made SQLAlchemy insert them one statement at a time on SQLite.
    inserted = c.execute(
        versions_table.insert().returning(
            versions_table.c.id, versions_table.c.dataset_id, versions_table.c.version
        ),
        batch.versions,
    )
    ids = {(row.dataset_id, row.version): row.id for row in inserted}
    version_ids = [ids[(row["dataset_id"], row["version"])] for row in batch.versions]
    _insert_facts(
        c,
        [
            (
                version_id,
                f.metric,
                f.channel,
                f.category,
                f.value,
                str(f.qualifier),
                f.note,
                f.row,
                f.unit,
                f.as_written,
            )
            for version_id, facts in zip(version_ids, batch.facts, strict=True)
            for f in facts
        ],
    )


# The facts columns a bulk insert fills, in the order of its tuples.
FACT_COLUMNS = (
    "version_id",
    "metric",
    "channel",
    "category",
    "value",
    "qualifier",
    "note",
    "source_row",
    "unit",
    "as_written",
)
FACTS_PER_EXECUTEMANY = 50_000  # SQLite: bounds the driver's memory per call, costs nothing
_COPY_FACTS = f"COPY facts ({', '.join(FACT_COLUMNS)}) FROM STDIN"
_INSERT_FACTS = (
    f"INSERT INTO facts ({', '.join(FACT_COLUMNS)}) VALUES ({', '.join('?' * len(FACT_COLUMNS))})"
)


def _insert_facts(c: sa.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Facts as plain tuples: COPY on PostgreSQL (psycopg 3, on the transaction's own
    connection), one prepared INSERT executed many times on SQLite. Building a dict and a
    compiled statement per row was most of a big import's time."""
    if not rows:
        return
    if c.dialect.name != "postgresql":
        for start in range(0, len(rows), FACTS_PER_EXECUTEMANY):
            c.exec_driver_sql(_INSERT_FACTS, rows[start : start + FACTS_PER_EXECUTEMANY])
        return
    driver = c.connection.driver_connection
    assert driver is not None
    base = c.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(_COPY_FACTS) as copy:
            for row in rows:
                copy.write_row(row)
    except base as error:
        # As SQLAlchemy wraps its own statements, so that storage faults are recognised.
        raise sa.exc.DBAPIError.instance(_COPY_FACTS, None, error, base) from error


def _sqlite_engine(url: str, begin: str) -> sa.Engine:
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not the driver, open transactions (pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        _set_wal(cursor)
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _set_wal(cursor: Any) -> None:
    """Switch the file to WAL, waiting while another process is opening or converting it.

    SQLite does not call the busy handler for this lock: when two processes open a new file at
    once, one fails at once with "database is locked" unless it tries again.
    """
    deadline = time.monotonic() + WAL_SWITCH_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if _sqlite_code(error) == sqlite3.SQLITE_READONLY:
                return  # a read-only file stays in its journal mode; reading it still works
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (also of a `file:` URI with `?uri=true`); None in memory."""
    parsed = sa.make_url(url)
    database = parsed.database
    if not database or database == ":memory:":
        return None
    if str(parsed.query.get("uri", "")).lower() in ("true", "1") and database.startswith("file:"):
        if "memory" in str(parsed.query.get("mode", "")):
            return None
        path = unquote(urlsplit(database).path)
        return Path(path) if path and path != ":memory:" else None
    return Path(database)


def _location(url: str) -> str:
    """What messages name: the SQLite file, or the server URL without its password."""
    if url.startswith("sqlite"):
        path = _sqlite_path(url)
        return str(path) if path is not None else ":memory:"
    return sa.make_url(url).render_as_string(hide_password=True)


_SQLITE_FAULTS = {
    sqlite3.SQLITE_FULL: STORE_FULL,
    sqlite3.SQLITE_READONLY: STORE_READ_ONLY,
    sqlite3.SQLITE_PERM: STORE_READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: STORE_UNOPENABLE,
    sqlite3.SQLITE_NOTADB: STORE_CORRUPT,
    sqlite3.SQLITE_CORRUPT: STORE_CORRUPT,
    sqlite3.SQLITE_BUSY: STORE_BUSY,
    sqlite3.SQLITE_LOCKED: STORE_BUSY,
    sqlite3.SQLITE_IOERR: STORE_IO_ERROR,
}


# PostgreSQL's SQLSTATE codes (exact, or by their two-character class) that are storage faults.
_POSTGRES_FAULTS = {
    "53100": STORE_FULL,  # disk_full
    "25006": STORE_READ_ONLY,  # read_only_sql_transaction (a read-only database or replica)
    "3D000": STORE_UNOPENABLE,  # invalid_catalog_name: no such database
    "57P01": STORE_UNOPENABLE,  # admin_shutdown
    "57P02": STORE_UNOPENABLE,  # crash_shutdown
    "57P03": STORE_UNOPENABLE,  # cannot_connect_now (starting up, shutting down)
    "53300": STORE_BUSY,  # too_many_connections
    "55P03": STORE_BUSY,  # lock_not_available (lock_timeout)
    "XX001": STORE_CORRUPT,  # data_corrupted
    "XX002": STORE_CORRUPT,  # index_corrupted
    "58030": STORE_IO_ERROR,  # io_error
    "08": STORE_UNOPENABLE,  # connection_exception
    "28": STORE_UNOPENABLE,  # invalid_authorization_specification
}


def _postgres_code(error: BaseException) -> ProblemCode | None:
    state = getattr(error, "sqlstate", None)
    if not isinstance(state, str):
        return None
    return _POSTGRES_FAULTS.get(state) or _POSTGRES_FAULTS.get(state[:2])


def _sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code of a driver error (SQLITE_FULL, …), if it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _fault_code(error: BaseException) -> ProblemCode | None:
    """The StoreUnavailable code of a database or file-system error; None for anything else
    (a constraint violation or a bug is not a storage fault and must not be reported as one)."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return STORE_FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return STORE_READ_ONLY
        return STORE_UNOPENABLE  # a file where a folder should be, and the like
    if isinstance(error, sa.exc.IntegrityError) or not isinstance(error, sa.exc.DBAPIError):
        return None
    original = error.orig
    code = _sqlite_code(original)
    if code is not None:
        return _SQLITE_FAULTS.get(code)
    postgres = _postgres_code(original)
    if postgres is not None:
        return postgres
    # A failed connection has no SQLSTATE; other drivers: by the words of the error.
    text = str(original).lower()
    if "disk is full" in text or "no space left" in text:
        return STORE_FULL
    if "read-only" in text or "readonly" in text:
        return STORE_READ_ONLY
    if isinstance(error, sa.exc.OperationalError) and (
        "connect" in text or "unable to open" in text or "translate host name" in text
    ):
        return STORE_UNOPENABLE
    return None


def _detail(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


def _insert(c: sa.Connection, table: sa.Table) -> Any:
    """INSERT with ON CONFLICT clauses, in the connection's dialect (SQLite and PostgreSQL
    spell them alike)."""
    if c.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


# Keys per statement when a query names many datasets (one bound JSON text, `_key_in`).
KEYS_PER_QUERY = 2_000
IDS_PER_QUERY = 5_000


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# The (agency, year) pairs of one JSON parameter as rows (JSON functions: SQLite 3.38+ has them
# built in). Two parameters per pair made SQLAlchemy, and psycopg, rewrite statements of 4,000
# placeholders: most of the time `_claim` and `facts_of` took for 10,000 datasets.
_KEY_ROWS = {
    "sqlite": "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
    "FROM json_each(:keys)",
    "postgresql": "SELECT k ->> 0, (k ->> 1)::integer "
    "FROM jsonb_array_elements(CAST(:keys AS jsonb)) AS k",
}


def _key_in(c: sa.Connection, keys: Sequence[tuple[str, int]]) -> sa.ColumnElement[bool]:
    pair = sa.tuple_(datasets_table.c.agency, datasets_table.c.year)
    rows = _KEY_ROWS.get(c.dialect.name)
    if rows is None:  # another database: the pairs as bound parameters
        return pair.in_(list(keys))
    payload = json.dumps([[agency, year] for agency, year in keys], ensure_ascii=False)
    return pair.in_(
        sa.text(rows)
        .bindparams(keys=payload)
        .columns(sa.column("agency", sa.String), sa.column("year", sa.Integer))
    )


def _claim(
    c: sa.Connection, keys: Iterable[tuple[str, int]], also_lock: Iterable[tuple[str, int]] = ()
) -> dict[tuple[str, int], _Slot]:
    """Lock the dataset rows this write will change, creating the missing ones; their state.

    The missing rows are inserted with current_version 0 (they get their first version in this
    transaction, or nothing is committed) by INSERT … ON CONFLICT DO NOTHING, in (agency, year)
    order: it waits for another transaction creating the same row and then does nothing. Then
    every row is locked (SELECT … FOR UPDATE, in (agency, year) order, so two writes claiming
    overlapping datasets cannot deadlock) and read with its current version's id and content
    hash; a row another transaction created meanwhile is found as committed. `also_lock` rows
    (the expected versions a commit checks) are locked when they exist, never created.
    """
    create = set(keys)
    wanted = sorted(create | set(also_lock))
    existing = _dataset_slots(c, sorted(create), lock=False)
    missing = [key for key in sorted(create) if key not in existing]
    if missing:
        c.execute(
            _insert(c, datasets_table).on_conflict_do_nothing(index_elements=["agency", "year"]),
            [
                {"agency": agency, "year": year, "current_version": 0, "generation": 0}
                for agency, year in missing
            ],
        )
    return _dataset_slots(c, wanted, lock=True)


def _dataset_slots(
    c: sa.Connection, keys: Sequence[tuple[str, int]], *, lock: bool
) -> dict[tuple[str, int], _Slot]:
    """The rows of these datasets (sorted keys) with their current version; locked, in key
    order, with `lock` (only the datasets row: the version is joined, not locked)."""
    slots: dict[tuple[str, int], _Slot] = {}
    for chunk in _chunks(keys, KEYS_PER_QUERY):
        query = (
            sa.select(
                datasets_table.c.id,
                datasets_table.c.agency,
                datasets_table.c.year,
                datasets_table.c.current_version,
                versions_table.c.id.label("version_id"),
                versions_table.c.content_hash,
            )
            .select_from(datasets_table)
            .outerjoin(versions_table, _current_join())
            .where(_key_in(c, chunk))
            .order_by(datasets_table.c.agency, datasets_table.c.year)
        )
        if lock:
            query = query.with_for_update(of=datasets_table)
        for row in c.execute(query):
            slots[(row.agency, row.year)] = _Slot(
                int(row.id), int(row.current_version), row.version_id, row.content_hash
            )
    return slots


def _bump(c: sa.Connection, dataset_ids: set[int]) -> int:
    """Raise the store generation and stamp it on the datasets this write changed, moving each
    one's pointer to its newest version (every write makes its new version the highest); the
    new generation. The last statements of a write transaction: the counter's row stays locked
    until the commit, so concurrent writes bump in the order they commit, and holding it no
    longer than that keeps writes to different datasets parallel (and free of deadlocks:
    nothing is waited for while it is held)."""
    counter = store_generation_table.c.generation
    row = store_generation_table.c.id == GENERATION_ROW
    c.execute(store_generation_table.update().where(row).values(generation=counter + 1))
    generation = int(c.scalar(sa.select(counter).where(row)))
    newest = (
        sa.select(sa.func.max(versions_table.c.version))
        .where(versions_table.c.dataset_id == datasets_table.c.id)
        .scalar_subquery()
    )
    for chunk in _chunks(sorted(dataset_ids), IDS_PER_QUERY):
        c.execute(
            datasets_table.update()
            .where(datasets_table.c.id.in_(list(chunk)))
            .values(generation=generation, current_version=newest)
        )
    return generation


def _refuse_stale(c: sa.Connection, expected: Mapping[tuple[str, int], int | None]) -> None:
    """Raise StaleVersion when a dataset's current version is not the expected one (None: the
    dataset must not exist). Runs inside the write transaction after `_claim` locked the rows,
    so it reads what is committed and nothing can move after it."""
    conflicts = _conflicts(c, expected)
    if conflicts:
        raise StaleVersion(conflicts)


def _conflicts(
    c: sa.Connection, expected: Mapping[tuple[str, int], int | None]
) -> list[VersionConflict]:
    """Expected versions that are not current. A row created by this transaction (current
    version 0) has no current version to join: it reads as absent, like a missing row."""
    keys = sorted(expected)
    found: dict[tuple[str, int], Any] = {}
    for chunk in _chunks(keys, KEYS_PER_QUERY):
        query = (
            sa.select(
                datasets_table.c.agency,
                datasets_table.c.year,
                datasets_table.c.current_version,
                versions_table.c.user_name,
                versions_table.c.created_at,
            )
            .join(versions_table, _current_join())
            .where(_key_in(c, chunk))
        )
        found.update(((row.agency, row.year), row) for row in c.execute(query))
    conflicts = []
    for agency, year in keys:
        wanted, row = expected[(agency, year)], found.get((agency, year))
        if row is None and wanted is not None:  # no such dataset (they are never deleted)
            conflicts.append(VersionConflict(agency, year, wanted, None, None, None))
        elif row is not None and row.current_version != wanted:
            conflicts.append(
                VersionConflict(
                    agency,
                    year,
                    wanted,
                    row.current_version,
                    row.user_name,
                    utc_text(row.created_at),
                )
            )
    return conflicts


def _current_join() -> sa.ColumnElement[bool]:
    return sa.and_(
        versions_table.c.dataset_id == datasets_table.c.id,
        versions_table.c.version == datasets_table.c.current_version,
    )


def _filter(query: sa.Select[Any], agency: str | None, year: int | None) -> sa.Select[Any]:
    if agency is not None:
        query = query.where(datasets_table.c.agency == agency)
    if year is not None:
        query = query.where(datasets_table.c.year == year)
    return query


def _version_row(c: sa.Connection, agency: str, year: int, version: int | None) -> Any:
    wanted = datasets_table.c.current_version if version is None else sa.literal(version)
    return c.execute(
        sa.select(versions_table.c.id)
        .join(datasets_table, versions_table.c.dataset_id == datasets_table.c.id)
        .where(
            datasets_table.c.agency == agency,
            datasets_table.c.year == year,
            versions_table.c.version == wanted,
        )
    ).first()


def _version_facts(c: sa.Connection, agency: str, year: int, version: int | None) -> list[Fact]:
    row = _version_row(c, agency, year, version)
    if row is None:
        return []
    return _facts_of(c, row.id, agency, year)


_FACT_FIELDS = (
    facts_table.c.metric,
    facts_table.c.channel,
    facts_table.c.category,
    facts_table.c.value,
    facts_table.c.qualifier,
    facts_table.c.note,
    facts_table.c.source_row,
    facts_table.c.unit,
    facts_table.c.as_written,
)


_QUALIFIERS = {str(q): q for q in Qualifier}


def _fact(agency: str, year: int, r: Any) -> Fact:
    """A Fact from a row of `_FACT_FIELDS`."""
    return Fact(
        agency=agency,
        year=year,
        metric=r.metric,
        channel=r.channel,
        category=r.category,
        value=r.value,
        qualifier=Qualifier(r.qualifier),
        note=r.note,
        row=r.source_row,
        unit=r.unit,
        as_written=r.as_written,
    )


def _facts_of(c: sa.Connection, version_id: int, agency: str, year: int) -> list[Fact]:
    """The facts of one version, by its row id."""
    rows = c.execute(
        sa.select(*_FACT_FIELDS)
        .where(facts_table.c.version_id == version_id)
        .order_by(facts_table.c.id)
    )
    return [_fact(agency, year, r) for r in rows]


def _facts_by_version(
    c: sa.Connection, versions: Mapping[int, tuple[str, int]]
) -> dict[int, list[Fact]]:
    """The facts of many versions (row id → its dataset's key), in a query per 5,000."""
    found: dict[int, list[Fact]] = {version_id: [] for version_id in versions}
    for chunk in _chunks(sorted(versions), IDS_PER_QUERY):
        rows = c.execute(
            sa.select(facts_table.c.version_id, *_FACT_FIELDS)
            .where(facts_table.c.version_id.in_(list(chunk)))
            .order_by(facts_table.c.id)
        )
        for r in rows:
            found[r.version_id].append(_fact(*versions[r.version_id], r))
    return found


def _account(row: Any) -> Account:
    """An Account from a users row (its times aware, in UTC: `schema.UtcTimestamp`)."""
    return Account(
        name=row.name,
        role=row.role,
        password_hash=row.password_hash,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
