"""Optimistic commits: a commit checks, inside its write transaction, that every dataset is still
at the version its preview was made on; otherwise it writes nothing and raises StaleVersion
naming who saved what and when. The issue's scenario: editor A previews against version 1,
editor B commits version 2, A confirms — A's save must not silently revert B's figures.

Two Store objects on one database stand for two app processes; every test runs on a real SQLite
file and on a real PostgreSQL database (tests/test_postgres_races.py has two real processes).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from dashboard.cli import EXIT_ERRORS, main
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import validate_file
from dashboard.platform.auth import Actor, Role
from dashboard.platform.workflow import (
    commit_upload,
    conflict_message,
    preview_upload,
    previewed_versions,
    restore_version,
)
from dashboard.store.database import StaleVersion, Store, VersionConflict
from tests.conftest import csv_bytes

AGENCY = "定海区教育局"
ALICE, BOB = Actor("alice", Role.EDITOR), Actor("bob", Role.EDITOR)


def meetings(value: float, year: int = 2019) -> Dataset:
    fact = Fact(AGENCY, year, "meetings", None, None, value, Qualifier.EXACT, None)
    return Dataset(AGENCY, year, [fact])


def state(store: Store) -> tuple[object, ...]:
    return (
        store.version_token(),
        store.current_facts().to_dicts(),
        [v.to_dict() for v in store.history()],
    )


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """This module's store: SQLite, then PostgreSQL."""
    return any_db_url


@pytest.fixture
def two(db_url: str) -> Iterator[tuple[Store, Store]]:
    """Editor A's and editor B's processes, on one store holding 2019 version 1."""
    a, b = Store(db_url), Store(db_url)
    a.commit([meetings(2)], user="seed")
    yield a, b
    a.close()
    b.close()


# ── the store ───────────────────────────────────────────────────────────────────────────────


def test_a_commit_on_a_stale_preview_writes_nothing(two: tuple[Store, Store]) -> None:
    a, b = two
    previewed = {(AGENCY, 2019): a.current_version(AGENCY, 2019), (AGENCY, 2020): None}
    assert previewed == {(AGENCY, 2019): 1, (AGENCY, 2020): None}
    b.commit([meetings(3)], user="bob")  # B saves version 2 meanwhile
    before = state(a)

    with pytest.raises(StaleVersion) as raised:
        a.commit([meetings(5), meetings(7, 2020)], user="alice", expected_versions=previewed)

    saved_at = b.history(AGENCY, 2019)[0].created_at
    assert raised.value.conflicts == [VersionConflict(AGENCY, 2019, 1, 2, "bob", saved_at)]
    stale = raised.value
    assert (stale.agency, stale.year, stale.expected, stale.current) == (AGENCY, 2019, 1, 2)
    assert (stale.user, stale.saved_at) == ("bob", saved_at)
    assert "bob" in str(stale)
    # Nothing of the file was written: not 2019, and not the new 2020 either.
    assert state(a) == before
    assert a.dataset_facts(AGENCY, 2019)[0].value == 3.0
    assert a.current_version(AGENCY, 2020) is None

    # Against the version now current, the same commit goes through.
    results = a.commit(
        [meetings(5), meetings(7, 2020)],
        user="alice",
        expected_versions={(AGENCY, 2019): 2, (AGENCY, 2020): None},
    )
    assert [(r.year, r.version) for r in results] == [(2019, 3), (2020, 1)]


def test_a_new_year_someone_else_saved_first(two: tuple[Store, Store]) -> None:
    a, b = two
    b.commit([meetings(4, 2020)], user="bob")
    with pytest.raises(StaleVersion) as raised:
        a.commit([meetings(9, 2020)], user="alice", expected_versions={(AGENCY, 2020): None})
    [conflict] = raised.value.conflicts
    assert (conflict.expected, conflict.current, conflict.user) == (None, 1, "bob")
    assert [v.user for v in a.history(AGENCY, 2020)] == ["bob"]


def test_every_stale_dataset_is_named(two: tuple[Store, Store]) -> None:
    a, b = two
    b.commit([meetings(3), meetings(1, 2020)], user="bob")
    with pytest.raises(StaleVersion) as raised:
        a.commit(
            [meetings(5), meetings(6, 2020)],
            user="alice",
            expected_versions={(AGENCY, 2019): 1, (AGENCY, 2020): None},
        )
    assert [(c.year, c.expected, c.current) for c in raised.value.conflicts] == [
        (2019, 1, 2),
        (2020, None, 1),
    ]


def test_matching_versions_commit_as_before(two: tuple[Store, Store]) -> None:
    a, _ = two
    [same] = a.commit([meetings(2)], user="alice", expected_versions={(AGENCY, 2019): 1})
    assert (same.created, same.version) == (False, 1)  # identical: still no version
    [new] = a.commit([meetings(8)], user="alice", expected_versions={(AGENCY, 2019): 1})
    assert (new.created, new.version) == (True, 2)


def test_the_check_sees_a_commit_landing_just_before_the_write(
    two: tuple[Store, Store], catalogue: Catalogue
) -> None:
    """B's commit lands after A's preview, at the last moment before A's write transaction
    takes the lock: the check inside the transaction still sees it."""
    a, b = two
    report = validate_file(
        csv_bytes(f"2019,{AGENCY},专题会议次数,,,6,"), "a.csv", catalogue, default_agency=AGENCY
    )
    previews = preview_upload(report, a)

    done: list[bool] = []

    def bob_first(connection: sa.Connection) -> None:
        if not done:
            done.append(True)
            b.commit([meetings(3)], user="bob")

    # A's write connection is open, its BEGIN IMMEDIATE not yet sent: B commits right then.
    sa.event.listen(a._write_engine, "engine_connect", bob_first)
    try:
        with pytest.raises(StaleVersion):
            commit_upload(
                a,
                report,
                actor=ALICE,
                file_name="a.csv",
                content=b"",
                confirmed_replace=True,
                expected_versions=previewed_versions(previews),
            )
    finally:
        sa.event.remove(a._write_engine, "engine_connect", bob_first)
    assert done
    assert [(v.version, v.user) for v in a.history(AGENCY, 2019)] == [(2, "bob"), (1, "seed")]


def test_restore_checks_the_version_it_read(two: tuple[Store, Store]) -> None:
    a, b = two
    a.commit([meetings(3)], user="alice")  # version 2
    read = a.current_version(AGENCY, 2019)
    b.commit([meetings(4)], user="bob")  # version 3, after A read 2
    before = state(a)
    with pytest.raises(StaleVersion) as raised:
        a.restore(AGENCY, 2019, 1, user="alice", expected_current=read)
    assert (raised.value.expected, raised.value.current, raised.value.user) == (2, 3, "bob")
    assert state(a) == before
    assert a.restore(AGENCY, 2019, 1, user="alice", expected_current=3).version == 4


# ── the workflow ────────────────────────────────────────────────────────────────────────────


def test_the_issue_scenario_through_the_workflow(db_url: str, catalogue: Catalogue) -> None:
    a, b = Store(db_url), Store(db_url)
    try:
        a.commit([meetings(2)], user="seed")
        mine = validate_file(csv_bytes(f"2019,{AGENCY},专题会议次数,,,5,"), "a.csv", catalogue)
        theirs = validate_file(csv_bytes(f"2019,{AGENCY},专题会议次数,,,3,"), "b.csv", catalogue)
        previews = preview_upload(mine, a)  # A looks: replaces version 1
        assert [p.current_version for p in previews] == [1]
        # B previews and saves version 2.
        commit_upload(b, theirs, actor=BOB, file_name="b.csv", content=b"b", confirmed_replace=True)
        with pytest.raises(StaleVersion) as raised:  # A confirms the preview of version 1
            commit_upload(
                a,
                mine,
                actor=ALICE,
                file_name="a.csv",
                content=b"a",
                confirmed_replace=True,
                expected_versions=previewed_versions(previews),
            )
        # B's figures stay current; no version 3 reverted them.
        assert [(v.version, v.user) for v in a.history(AGENCY, 2019)] == [(2, "bob"), (1, "seed")]
        assert a.dataset_facts(AGENCY, 2019)[0].value == 3.0
        message = conflict_message(raised.value.conflicts[0], "zh")
        assert message.startswith(f"{AGENCY} 2019 年：bob 于 ")
        assert "保存了第 2 版（你看到的是第 1 版）" in message and "UTC" in message
        english = conflict_message(raised.value.conflicts[0], "en")
        assert "bob saved version 2" in english and "(you saw version 1)" in english
    finally:
        a.close()
        b.close()


def test_an_out_of_date_preview_is_stale_not_unconfirmed(
    two: tuple[Store, Store], catalogue: Catalogue
) -> None:
    """A previewed a new year (nothing to confirm); B saved that year first: A is told it is
    stale (who and when), not asked to confirm a replacement A never saw."""
    a, b = two
    report = validate_file(csv_bytes(f"2020,{AGENCY},专题会议次数,,,5,"), "a.csv", catalogue)
    seen = previewed_versions(preview_upload(report, a))
    assert seen == {(AGENCY, 2020): None}
    b.commit([meetings(1, 2020)], user="bob")
    with pytest.raises(StaleVersion):
        commit_upload(
            a,
            report,
            actor=ALICE,
            file_name="a.csv",
            content=b"",
            confirmed_replace=False,
            expected_versions=seen,
        )


def test_restore_version_passes_the_expected_version(two: tuple[Store, Store]) -> None:
    a, b = two
    b.commit([meetings(3)], user="bob")
    with pytest.raises(StaleVersion):
        restore_version(a, AGENCY, 2019, 1, actor=ALICE, expected_current=1)
    assert restore_version(a, AGENCY, 2019, 1, actor=ALICE, expected_current=2).version == 3


# ── the command line ────────────────────────────────────────────────────────────────────────


def test_cli_restore_refuses_when_the_version_moved_after_it_was_read(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DASHBOARD_LANG", raising=False)
    seed = Store(db_url)
    seed.commit([meetings(2)], user="seed")
    seed.commit([meetings(3)], user="carol")  # version 2
    seed.close()
    real_restore = Store.restore

    def bob_saves_meanwhile(self: Store, *args: object, **kwargs: object) -> object:
        other = Store(db_url)  # another process commits between the read and the write
        try:
            other.commit([meetings(4)], user="bob")
        finally:
            other.close()
        return real_restore(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "restore", bob_saves_meanwhile)
    code = main(["restore", AGENCY, "2019", "1", "--user", "alice"])
    out, err = capsys.readouterr()
    assert code == EXIT_ERRORS
    assert "未恢复" in err and "bob" in err and "第 3 版" in err and "你看到的是第 2 版" in err
    assert "Traceback" not in out + err
    check = Store(db_url)
    try:
        assert next((v.version, v.user) for v in check.history(AGENCY, 2019)) == (3, "bob")
        assert check.current_version(AGENCY, 2019) == 3
    finally:
        check.close()


def test_cli_restore_in_english(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = Store(db_url)
    seed.commit([meetings(2)], user="seed")
    seed.commit([meetings(3)], user="carol")
    seed.close()
    real_restore = Store.restore

    def bob_saves_meanwhile(self: Store, *args: object, **kwargs: object) -> object:
        self.commit([meetings(4)], user="bob")
        return real_restore(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "restore", bob_saves_meanwhile)
    assert main(["--lang", "en", "restore", AGENCY, "2019", "1"]) == EXIT_ERRORS
    err = capsys.readouterr().err
    assert "Nothing was restored" in err and "bob saved version 3" in err
