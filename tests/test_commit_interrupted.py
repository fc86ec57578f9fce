"""A commit interrupted at any point — an exception injected before each SQL statement it runs
in turn, or a disk that fills up at any size — leaves the previous version, the current facts
and the history exactly as they were. On SQLite and on PostgreSQL (the full disk: SQLite only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dashboard.domain.catalogue import Catalogue
from dashboard.ingest.validate import validate_file
from dashboard.store.database import STORE_FULL, Store, StoreUnavailable
from tests.conftest import SAMPLE_CSV, csv_bytes, sqlite_only
from tests.faults import full_disk, integrity


class Interrupted(RuntimeError):
    pass


def snapshot(store: Store) -> tuple[Any, ...]:
    return (
        store.version_token(),
        store.current_facts().to_dicts(),
        [v.to_dict() for v in store.history()],
    )


def statements_of(store: Store, action: Any) -> list[str]:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    sa.event.listen(store._write_engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        sa.event.remove(store._write_engine, "before_cursor_execute", record)
    return seen


def fail_at(store: Store, k: int, action: Any) -> None:
    count = {"n": 0}

    def maybe_fail(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        count["n"] += 1
        if count["n"] == k:
            raise Interrupted(f"statement {k}: {statement[:40]}")

    sa.event.listen(store._write_engine, "before_cursor_execute", maybe_fail)
    try:
        with pytest.raises(Interrupted):
            action()
    finally:
        sa.event.remove(store._write_engine, "before_cursor_execute", maybe_fail)


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """This module's store: SQLite, then PostgreSQL."""
    return any_db_url


@pytest.fixture
def seeded(store: Store, catalogue: Catalogue) -> Store:
    store.commit(validate_file(SAMPLE_CSV.read_bytes(), "s.csv", catalogue).datasets, user="seed")
    return store


def test_import_interrupted_at_every_statement(seeded: Store, catalogue: Catalogue) -> None:
    # Replaces 2019 and adds 2020 and another agency: every kind of write a commit makes.
    report = validate_file(
        csv_bytes(
            "2019,定海区教育局,专题会议次数,,,3,",
            "2020,定海区教育局,发布信息条数,微博,,900余,",
            "2020,普陀区教育局,专题会议次数,,,1,",
        ),
        "u.csv",
        catalogue,
    )
    before = snapshot(seeded)
    probe = Store(seeded.url)  # count the statements on a throwaway copy of the same commit
    statements = statements_of(probe, lambda: None)
    assert statements == []
    # Measure on the real store inside a transaction we then roll back by interrupting last.
    total = len(statements_of(seeded, lambda: fail_at_end(seeded, report)))
    # Set-based: claims, reads, the versions, the facts (one driver call; PostgreSQL's COPY is
    # no SQLAlchemy statement), the counter and pointers. Each can be interrupted.
    assert total >= 8
    for k in range(1, total + 1):
        fail_at(seeded, k, lambda: seeded.commit(report.datasets, user="bob", file_name="u.csv"))
        assert snapshot(seeded) == before, f"state changed when interrupted at statement {k}"
    # And uninterrupted, the same commit goes through.
    results = seeded.commit(report.datasets, user="bob", file_name="u.csv")
    assert [r.version for r in results] == [2, 1, 1]


def fail_at_end(store: Store, report: Any) -> None:
    """Run the whole commit, then fail before COMMIT: counts its statements, writes nothing."""

    def boom(conn: Any) -> None:
        raise Interrupted("at commit")

    sa.event.listen(store._write_engine, "commit", boom)
    try:
        with pytest.raises(Interrupted):
            store.commit(report.datasets, user="bob", file_name="u.csv")
    finally:
        sa.event.remove(store._write_engine, "commit", boom)


def test_restore_interrupted_at_every_statement(seeded: Store, catalogue: Catalogue) -> None:
    seeded.commit(
        validate_file(
            csv_bytes("2019,定海区教育局,专题会议次数,,,3,"), "u.csv", catalogue
        ).datasets,
        user="bob",
    )
    before = snapshot(seeded)
    total = len(statements_of(seeded, lambda: restore_then_fail(seeded)))
    assert total > 5
    for k in range(1, total + 1):
        fail_at(seeded, k, lambda: seeded.restore("定海区教育局", 2019, 1, user="bob"))
        assert snapshot(seeded) == before, f"state changed when interrupted at statement {k}"
    assert seeded.restore("定海区教育局", 2019, 1, user="bob").version == 3


def restore_then_fail(store: Store) -> None:
    def boom(conn: Any) -> None:
        raise Interrupted("at commit")

    sa.event.listen(store._write_engine, "commit", boom)
    try:
        with pytest.raises(Interrupted):
            store.restore("定海区教育局", 2019, 1, user="bob")
    finally:
        sa.event.remove(store._write_engine, "commit", boom)


@sqlite_only
def test_disk_full_at_every_size_leaves_the_previous_version(
    seeded: Store, catalogue: Catalogue
) -> None:
    """The file may grow by 0, 1, 2, … pages: every commit that does not fit fails as a storage
    fault with nothing written and the file intact, until one fits and goes through whole."""
    note = "说明" * 30
    rows = [f"2020,定海区教育局,发布信息条数,政府门户网站,类别{i},{i},{note}" for i in range(200)]
    content = csv_bytes("2019,定海区教育局,专题会议次数,,,3,", *rows)
    report = validate_file(content, "u.csv", catalogue)
    assert report.ok
    before = snapshot(seeded)
    path = Path(sa.make_url(seeded.url).database or "")
    for extra in range(200):
        with full_disk(extra):
            store = Store(seeded.url)
            try:
                results = store.commit(report.datasets, user="bob", file_name="u.csv")
            except StoreUnavailable as fault:
                assert fault.code == STORE_FULL
                assert snapshot(store) == before, f"state changed with {extra} free pages"
                assert integrity(path) == "ok"
                continue
            finally:
                store.close()
        break
    else:
        pytest.fail("the commit never fitted")
    assert extra > 2  # it failed at several sizes before it fitted
    assert [(r.year, r.version) for r in results] == [(2019, 2), (2020, 1)]
    assert integrity(path) == "ok"
