"""The versioned store: migrations, commits, audit records, restore, atomicity and concurrency.

Every test runs twice: on a real SQLite file under tmp_path and on a real PostgreSQL database
(tests/pg.py); failures are injected by monkeypatching the store's own write path, never by
mocking the database.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import validate_file
from dashboard.platform.sample import seed_if_empty
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.store.database import Store, UnknownVersion
from dashboard.store.schema import MIGRATIONS, decks_table, migrate, migrations_table

PROJECT_ROOT = Path(__file__).resolve().parents[1]
AGENCY = "定海区教育局"
OTHER = "普陀区教育局"


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """This module's store: SQLite, then PostgreSQL."""
    return any_db_url


def fact(
    metric: str,
    value: float | None,
    *,
    agency: str = AGENCY,
    year: int = 2019,
    channel: str | None = None,
    category: str | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    note: str | None = None,
) -> Fact:
    return Fact(agency, year, metric, channel, category, value, qualifier, note)


def v1_facts(agency: str = AGENCY, year: int = 2019) -> list[Fact]:
    return [
        fact("meetings", 2, agency=agency, year=year, note="召开了2次会议"),
        fact(
            "items_published",
            400,
            agency=agency,
            year=year,
            channel="gov_portal",
            qualifier=Qualifier.AT_LEAST,
            note="公开信息 400余条",
        ),
        fact(
            "items_published",
            153,
            agency=agency,
            year=year,
            channel="gov_portal",
            category="政务动态",
        ),
        fact("hotline_received", 111, agency=agency, year=year, channel="hotline_12345"),
    ]


def v2_facts() -> list[Fact]:
    """v1 with one fact changed (meetings 2 → 3), one removed (hotline) and two added."""
    old = v1_facts()
    return [
        fact("meetings", 3, note="召开了3次会议"),
        old[1],
        old[2],
        fact("items_published", 500, channel="wechat", qualifier=Qualifier.AT_LEAST),
        fact("recruitment_notices", None, channel="dept_site", qualifier=Qualifier.NOT_REPORTED),
    ]


def figures(facts: list[Fact]) -> set[tuple[object, ...]]:
    """What the facts say, independent of order and source rows."""
    return {(*f.slot, *f.content) for f in facts}


def table_counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return {
                t: int(c.scalar(sa.text(f"SELECT count(*) FROM {t}")))
                for t in ("datasets", "versions", "facts")
            }
    finally:
        engine.dispose()


# ── migrations ──────────────────────────────────────────────────────────────────────────────


def test_migrations_applied_once_and_recorded(db_url: str) -> None:
    first = Store(db_url)
    first.close()
    engine = sa.create_engine(db_url)
    try:
        recorded = sa.select(migrations_table.c.name, migrations_table.c.applied_at)
        with engine.connect() as c:
            rows = c.execute(recorded).all()
            tables = set(sa.inspect(c).get_table_names())
        assert [r.name for r in rows] == [name for name, _ in MIGRATIONS]
        for row in rows:  # a timezone-aware time, in UTC, on both databases
            assert row.applied_at.utcoffset() == timedelta(0)
        assert {"schema_migrations", "datasets", "versions", "facts"} <= tables
        # Reopening applies nothing and records nothing twice.
        assert migrate(engine) == []
        second = Store(db_url)
        second.close()
        with engine.connect() as c:
            again = c.execute(recorded).all()
        assert again == rows
    finally:
        engine.dispose()


def test_reopening_keeps_data(db_url: str) -> None:
    s = Store(db_url)
    s.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    s.close()
    reopened = Store(db_url)
    try:
        assert figures(reopened.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
        assert len(reopened.history()) == 1
    finally:
        reopened.close()


# ── commit, audit, diff ─────────────────────────────────────────────────────────────────────


def test_first_commit_is_version_1_with_audit_record(store: Store) -> None:
    assert store.is_empty()
    sha = hashlib.sha256(b"file content").hexdigest()
    before = datetime.now().astimezone() - timedelta(seconds=5)
    [result] = store.commit(
        [Dataset(AGENCY, 2019, v1_facts())],
        user="王老师",
        file_name="2019年数据.csv",
        file_sha256=sha,
    )
    assert (result.agency, result.year, result.version, result.created) == (AGENCY, 2019, 1, True)
    assert (result.added, result.changed, result.removed) == (4, 0, 0)
    assert not store.is_empty()

    [info] = store.history()
    assert (info.agency, info.year, info.version, info.current) == (AGENCY, 2019, 1, True)
    assert info.user == "王老师"
    assert info.action == "import"
    assert info.file_name == "2019年数据.csv"
    assert info.file_sha256 == sha
    assert (info.added, info.changed, info.removed, info.fact_count) == (4, 0, 0, 4)
    assert info.restored_from is None
    created = datetime.fromisoformat(info.created_at)
    assert created.tzinfo is not None
    assert before <= created <= datetime.now().astimezone() + timedelta(seconds=5)
    assert info.to_dict()["file_sha256"] == sha

    frame = store.datasets()
    assert frame.select("agency", "year", "version", "fact_count").rows() == [(AGENCY, 2019, 1, 4)]


def test_changed_dataset_becomes_version_2_with_counts(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a", file_name="v1.csv")
    [result] = store.commit([Dataset(AGENCY, 2019, v2_facts())], user="b", file_name="v2.csv")
    assert result.created and result.version == 2
    # added: wechat total, recruitment; changed: meetings; removed: hotline.
    assert (result.added, result.changed, result.removed) == (2, 1, 1)

    history = store.history(AGENCY, 2019)
    assert [(v.version, v.current, v.user, v.file_name) for v in history] == [
        (2, True, "b", "v2.csv"),
        (1, False, "a", "v1.csv"),
    ]
    assert (history[0].added, history[0].changed, history[0].removed) == (2, 1, 1)
    assert history[0].fact_count == 5
    assert figures(store.dataset_facts(AGENCY, 2019)) == figures(v2_facts())
    assert figures(store.dataset_facts(AGENCY, 2019, 1)) == figures(v1_facts())
    current = store.current_facts()
    assert current["version"].unique().to_list() == [2]
    assert current.filter(pl.col("metric") == "meetings")["value"].to_list() == [3.0]


def test_identical_dataset_makes_no_version(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    token = store.version_token()
    # Same figures in another order, with source rows set: still identical.
    shuffled = [
        Fact(f.agency, f.year, f.metric, f.channel, f.category, f.value, f.qualifier, f.note, 7 + i)
        for i, f in enumerate(reversed(v1_facts()))
    ]
    [result] = store.commit([Dataset(AGENCY, 2019, shuffled)], user="b", file_name="again.csv")
    assert result.created is False
    assert result.version == 1
    assert store.version_token() == token
    assert len(store.history()) == 1
    assert store.history()[0].user == "a"


def test_identical_dataset_read_back_from_store_makes_no_version(store: Store) -> None:
    """Facts read back from the store (floats) equal the committed ones (ints)."""
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    token = store.version_token()
    [result] = store.commit([Dataset(AGENCY, 2019, store.dataset_facts(AGENCY, 2019))], user="b")
    assert result.created is False
    assert store.version_token() == token


def test_qualifiers_notes_and_not_reported_round_trip(store: Store) -> None:
    facts = [
        fact(
            "items_published",
            400,
            channel="gov_portal",
            qualifier=Qualifier.AT_LEAST,
            note="公开信息 400余条",
        ),
        fact("reads", 40, channel="wechat", qualifier=Qualifier.APPROX, note="约40"),
        fact("reads", 300, channel="weibo", qualifier=Qualifier.AT_MOST),
        fact("hotline_closure_rate", 99.5, channel="hotline_12345", note="办结率99.5%"),
        fact(
            "recruitment_notices",
            None,
            channel="hrss_site",
            qualifier=Qualifier.NOT_REPORTED,
            note="及时在区人力资源和社会保障局网站公开招聘信息",
        ),
        fact("meetings", 0, note='=SUM(A1) 与 "引号"，换行\n第二行'),
    ]
    store.commit([Dataset(AGENCY, 2019, facts)], user="a")
    back = store.dataset_facts(AGENCY, 2019)
    assert [(f.slot, f.value, f.qualifier, f.note) for f in back] == [
        (f.slot, f.value, f.qualifier, f.note) for f in facts
    ]
    not_reported = next(f for f in back if f.metric == "recruitment_notices")
    assert not_reported.value is None
    assert not_reported.qualifier is Qualifier.NOT_REPORTED
    meetings = next(f for f in back if f.metric == "meetings")
    assert meetings.value == 0  # zero is a figure, not "missing"

    frame = store.current_facts(AGENCY, 2019)
    rows = {(r["metric"], r["channel"]): r for r in frame.iter_rows(named=True)}
    assert rows[("recruitment_notices", "hrss_site")]["value"] is None
    assert rows[("recruitment_notices", "hrss_site")]["qualifier"] == "not_reported"
    assert rows[("items_published", "gov_portal")]["qualifier"] == "at_least"
    assert rows[("reads", "wechat")]["qualifier"] == "approx"
    assert rows[("reads", "weibo")]["qualifier"] == "at_most"
    assert rows[("meetings", None)]["value"] == 0.0
    assert rows[("meetings", None)]["note"] == facts[-1].note


def test_the_report_words_round_trip(store: Store) -> None:
    """Unit and written form are stored with the figure and come back from both reads."""
    facts = [
        Fact(AGENCY, 2019, "followers", "wechat", None, 31_700, Qualifier.EXACT,
             unit="人", as_written="3.17万人"),
        Fact(AGENCY, 2019, "hotline_received", "hotline_12345", None, 52_000, Qualifier.APPROX,
             as_written="近52000"),
        Fact(AGENCY, 2019, "meetings", None, None, 2, Qualifier.EXACT),  # no words: NULL
    ]  # fmt: skip
    store.commit([Dataset(AGENCY, 2019, facts)], user="a")
    back = {f.metric: f for f in store.dataset_facts(AGENCY, 2019)}
    assert (back["followers"].unit, back["followers"].as_written) == ("人", "3.17万人")
    assert (back["hotline_received"].unit, back["hotline_received"].as_written) == (
        None,
        "近52000",
    )
    assert (back["meetings"].unit, back["meetings"].as_written) == (None, None)
    frame = store.current_facts(AGENCY, 2019)
    assert frame.schema["unit"] == pl.String and frame.schema["as_written"] == pl.String
    rows = {r["metric"]: r for r in frame.iter_rows(named=True)}
    assert (rows["followers"]["unit"], rows["followers"]["as_written"]) == ("人", "3.17万人")
    assert rows["meetings"]["as_written"] is None


def test_the_same_number_in_other_words_is_a_change(store: Store) -> None:
    """Re-importing 3000余 as 3000多人次 makes a version; `5` against a number cell does not."""
    first = [
        Fact(AGENCY, 2019, "reads", "wechat", None, 3000, Qualifier.AT_LEAST, as_written="3000余"),
        Fact(AGENCY, 2019, "meetings", None, None, 5, Qualifier.EXACT),
    ]
    store.commit([Dataset(AGENCY, 2019, first)], user="a")
    same = [
        first[0],
        Fact(AGENCY, 2019, "meetings", None, None, 5, Qualifier.EXACT, as_written="5"),
    ]
    [result] = store.commit([Dataset(AGENCY, 2019, same)], user="b")
    assert result.created is False
    reworded = [
        Fact(AGENCY, 2019, "reads", "wechat", None, 3000, Qualifier.AT_LEAST,
             unit="人次", as_written="3000多人次"),
        first[1],
    ]  # fmt: skip
    [result] = store.commit([Dataset(AGENCY, 2019, reworded)], user="b")
    assert (result.created, result.changed) == (True, 1)


def test_an_old_database_gets_the_words_columns(db_url: str) -> None:
    """A database from before migration 0004 gets `unit` and `as_written`, NULL in its rows,
    which read and show as they always did."""
    old = Store(db_url)
    old.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    old.close()
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as c:  # back to the schema of migrations 0001–0003
            c.execute(sa.text("ALTER TABLE facts DROP COLUMN unit"))
            c.execute(sa.text("ALTER TABLE facts DROP COLUMN as_written"))
            c.execute(sa.text("DELETE FROM schema_migrations WHERE name = '0004_written_forms'"))
        reopened = Store(db_url)
        try:
            with engine.connect() as c:
                columns = {col["name"] for col in sa.inspect(c).get_columns("facts")}
                names = set(c.scalars(sa.text("SELECT name FROM schema_migrations")))
            assert {"unit", "as_written"} <= columns
            assert "0004_written_forms" in names
            assert figures(reopened.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
            frame = reopened.current_facts()
            assert frame["unit"].is_null().all() and frame["as_written"].is_null().all()
            # New figures keep their words in the migrated database.
            words = [
                Fact(AGENCY, 2020, "meetings", None, None, 9, Qualifier.EXACT,
                     unit="次", as_written="9次"),
            ]  # fmt: skip
            reopened.commit([Dataset(AGENCY, 2020, words)], user="a")
            assert reopened.dataset_facts(AGENCY, 2020)[0].as_written == "9次"
        finally:
            reopened.close()
    finally:
        engine.dispose()


def test_current_facts_filters_and_schema(store: Store) -> None:
    assert store.current_facts().is_empty()
    store.commit(
        [
            Dataset(AGENCY, 2019, v1_facts()),
            Dataset(AGENCY, 2020, v1_facts(year=2020)),
            Dataset(OTHER, 2019, v1_facts(agency=OTHER)),
        ],
        user="a",
    )
    frame = store.current_facts()
    assert frame.schema["year"] == pl.Int32
    assert frame.schema["value"] == pl.Float64
    assert frame.height == 12
    assert set(store.current_facts(agency=OTHER)["agency"]) == {OTHER}
    assert set(store.current_facts(year=2020)["year"]) == {2020}
    assert store.current_facts(AGENCY, 2020).height == 4
    assert store.current_facts("无此单位").is_empty()
    assert store.dataset_facts("无此单位", 2019) == []


def test_version_token_changes_on_every_commit_and_restore(store: Store) -> None:
    tokens = [store.version_token()]
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    tokens.append(store.version_token())
    store.commit([Dataset(AGENCY, 2019, v2_facts())], user="a")
    tokens.append(store.version_token())
    store.commit([Dataset(OTHER, 2019, v1_facts(agency=OTHER))], user="a")
    tokens.append(store.version_token())
    store.restore(AGENCY, 2019, 1, user="a")
    tokens.append(store.version_token())
    assert len(set(tokens)) == len(tokens)
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")  # identical to restored v3
    assert store.version_token() == tokens[-1]


def test_the_public_write_seam_raises_the_token_or_writes_nothing(store: Store) -> None:
    """`Store.writing` (the seam of dashboard/store/compare.py): a write through it moves the
    store's token like the store's own writes; one that raises leaves nothing and no move."""
    count = sa.select(sa.func.count()).select_from(decks_table)
    token = store.version_token()
    with store.writing() as c:
        c.execute(
            decks_table.insert().values(
                name="board", slides="[]", updated_by="a", updated_at=datetime.now(UTC)
            )
        )
    assert store.version_token() == token + 1
    with pytest.raises(RuntimeError), store.writing() as c:
        c.execute(decks_table.delete())
        raise RuntimeError("stop")
    assert store.version_token() == token + 1
    with store.reading() as c:
        assert c.scalar(count) == 1


def test_dataset_and_agency_tokens_move_only_with_their_own_data(store: Store) -> None:
    assert (store.dataset_token(AGENCY, 2019), store.agency_token(AGENCY)) == (0, 0)
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    mine, agency = store.dataset_token(AGENCY, 2019), store.agency_token(AGENCY)
    assert mine > 0 and agency == mine

    # A commit to another agency moves the store's token, not this agency's.
    store.commit([Dataset(OTHER, 2019, v1_facts(agency=OTHER))], user="a")
    assert (store.dataset_token(AGENCY, 2019), store.agency_token(AGENCY)) == (mine, agency)
    assert store.agency_token(OTHER) == store.version_token() > agency

    # A new year of this agency moves its agency token, not its other dataset's.
    store.commit([Dataset(AGENCY, 2020, v1_facts(year=2020))], user="a")
    assert store.dataset_token(AGENCY, 2019) == mine
    assert store.agency_token(AGENCY) == store.dataset_token(AGENCY, 2020) > agency

    # A new version of the older year moves both; a restore too; an identical commit neither.
    store.commit([Dataset(AGENCY, 2019, v2_facts())], user="a")
    assert store.dataset_token(AGENCY, 2019) == store.agency_token(AGENCY) > mine
    store.restore(AGENCY, 2019, 1, user="a")
    restored = store.dataset_token(AGENCY, 2019)
    assert restored == store.agency_token(AGENCY) == store.version_token()
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    assert store.dataset_token(AGENCY, 2019) == restored
    assert store.dataset_token("无此单位", 2019) == 0


def test_a_deck_save_moves_the_store_token_only(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    token, agency = store.version_token(), store.agency_token(AGENCY)
    store.save_deck("周例会", ["hotline"], user="a")
    assert store.version_token() > token
    assert store.agency_token(AGENCY) == agency


def test_a_refused_or_failed_write_leaves_every_token(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    tokens = (store.version_token(), store.dataset_token(AGENCY, 2019))
    with pytest.raises(UnknownVersion):
        store.restore(AGENCY, 2019, 7, user="x")
    broken = Fact(AGENCY, 2020, None, None, None, 1, Qualifier.EXACT)  # type: ignore[arg-type]
    with pytest.raises(sa.exc.IntegrityError):
        store.commit([Dataset(AGENCY, 2019, v2_facts()), Dataset(AGENCY, 2020, [broken])], user="b")
    assert (store.version_token(), store.dataset_token(AGENCY, 2019)) == tokens
    assert store.dataset_token(AGENCY, 2020) == 0  # its row, created in the failed write, is gone


def test_an_old_database_gets_the_change_counter(db_url: str) -> None:
    """A store from before migration 0005 (tokens were max(versions.id)) gets the counter,
    starting at that old token so caches see a change and never a repeat, and each dataset its
    current version's id; then every commit moves them as in a new store."""
    old = Store(db_url)
    old.commit([Dataset(AGENCY, 2019, v1_facts()), Dataset(OTHER, 2019, v1_facts(OTHER))], user="a")
    old.commit([Dataset(AGENCY, 2019, v2_facts())], user="a")
    old.close()
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as c:  # back to the schema of migrations 0001–0004
            c.execute(sa.text("DROP TABLE store_generation"))
            c.execute(sa.text("ALTER TABLE datasets DROP COLUMN generation"))
            c.execute(sa.text("DELETE FROM schema_migrations WHERE name = '0005_store_generation'"))
            old_token = c.scalar(sa.text("SELECT max(id) FROM versions"))
            current_ids = dict(
                c.execute(
                    sa.text(
                        "SELECT d.agency, v.id FROM datasets d JOIN versions v"
                        " ON v.dataset_id = d.id AND v.version = d.current_version"
                    )
                ).all()
            )
        reopened = Store(db_url)
        try:
            assert reopened.version_token() == old_token == 3
            assert reopened.dataset_token(AGENCY, 2019) == current_ids[AGENCY] == 3
            assert reopened.agency_token(OTHER) == current_ids[OTHER] == 2
            reopened.commit([Dataset(OTHER, 2020, v1_facts(OTHER, 2020))], user="b")
            assert reopened.version_token() == reopened.agency_token(OTHER) == 4
            assert reopened.agency_token(AGENCY) == 3
            assert figures(reopened.dataset_facts(AGENCY, 2019)) == figures(v2_facts())
        finally:
            reopened.close()
    finally:
        engine.dispose()


# ── restore ─────────────────────────────────────────────────────────────────────────────────


def test_restore_copies_old_version_forward(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a", file_name="v1.csv")
    store.commit([Dataset(AGENCY, 2019, v2_facts())], user="b", file_name="v2.csv")
    result = store.restore(AGENCY, 2019, 1, user="c")
    assert result.created and result.version == 3 and result.restored_from == 1
    # v2 → v3: meetings changed back, hotline back, wechat and recruitment gone.
    assert (result.added, result.changed, result.removed) == (1, 1, 2)

    assert figures(store.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
    assert figures(store.dataset_facts(AGENCY, 2019, 3)) == figures(
        store.dataset_facts(AGENCY, 2019, 1)
    )
    history = store.history(AGENCY, 2019)
    assert [(v.version, v.current, v.action, v.restored_from, v.user) for v in history] == [
        (3, True, "restore", 1, "c"),
        (2, False, "import", None, "b"),
        (1, False, "import", None, "a"),
    ]
    assert history[0].file_name is None and history[0].file_sha256 is None
    # History is intact: the old versions still hold their facts.
    assert figures(store.dataset_facts(AGENCY, 2019, 2)) == figures(v2_facts())
    assert set(store.current_facts()["version"]) == {3}


def test_restore_unknown_version_raises_and_writes_nothing(store: Store, db_url: str) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    token = store.version_token()
    counts = table_counts(db_url)
    with pytest.raises(UnknownVersion):
        store.restore(AGENCY, 2019, 5, user="x")
    with pytest.raises(UnknownVersion):
        store.restore(AGENCY, 2018, 1, user="x")
    with pytest.raises(UnknownVersion):
        store.restore("无此单位", 2019, 1, user="x")
    assert table_counts(db_url) == counts
    assert store.version_token() == token
    assert [v.version for v in store.history()] == [1]


def test_restore_of_current_version_makes_no_version(store: Store) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    result = store.restore(AGENCY, 2019, 1, user="b")
    assert result.created is False and result.version == 1
    assert len(store.history()) == 1


# ── atomicity ───────────────────────────────────────────────────────────────────────────────


def test_multi_dataset_commit_is_atomic_when_second_write_fails(
    store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    token = store.version_token()
    counts = table_counts(db_url)

    original = Store._write_version
    calls = []

    def failing(self, c, dataset, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(dataset.year)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, c, dataset, **kwargs)

    monkeypatch.setattr(Store, "_write_version", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        store.commit(
            [Dataset(AGENCY, 2019, v2_facts()), Dataset(AGENCY, 2020, v1_facts(year=2020))],
            user="b",
        )
    assert calls == [2019, 2020]  # the first dataset was written before the failure
    monkeypatch.undo()

    assert table_counts(db_url) == counts
    assert store.version_token() == token
    assert [(v.year, v.version) for v in store.history()] == [(2019, 1)]
    assert figures(store.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
    assert store.dataset_facts(AGENCY, 2020) == []
    # A fresh Store on the same file sees the same (nothing half-written is visible).
    other = Store(db_url)
    try:
        assert set(other.current_facts()["version"]) == {1}
        assert other.current_facts().height == len(v1_facts())
    finally:
        other.close()


def test_multi_dataset_commit_is_atomic_on_database_error(store: Store, db_url: str) -> None:
    """A fact violating NOT NULL (metric) in the last dataset rolls back the earlier ones."""
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
    counts = table_counts(db_url)
    broken = Fact(OTHER, 2019, None, None, None, 1, Qualifier.EXACT)  # type: ignore[arg-type]
    with pytest.raises(sa.exc.IntegrityError):
        store.commit(
            [
                Dataset(AGENCY, 2019, v2_facts()),  # would be v2
                Dataset(AGENCY, 2020, v1_facts(year=2020)),  # would be a new dataset
                Dataset(OTHER, 2019, [broken]),
            ],
            user="b",
        )
    assert table_counts(db_url) == counts
    assert [(v.agency, v.year, v.version) for v in store.history()] == [(AGENCY, 2019, 1)]
    assert figures(store.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
    # The store is still writable afterwards (no lock or transaction left open).
    [result] = store.commit([Dataset(AGENCY, 2019, v2_facts())], user="c")
    assert result.version == 2


# ── crashes and several processes ───────────────────────────────────────────────────────────

_FACTS_HELPER = textwrap.dedent(
    """
    from dashboard.domain.facts import Dataset, Fact
    from dashboard.domain.values import Qualifier
    from dashboard.platform.settings import load_settings

    def facts(agency, year, n, base=0):
        return [
            Fact(agency, year, "items_published", "gov_portal", f"类别{i}", base + i,
                 Qualifier.EXACT, f"note {i}")
            for i in range(n)
        ]
    """
)


def _run_python(script: str, url: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, DATABASE_URL_ENV: url, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _FACTS_HELPER + textwrap.dedent(script)],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_killed_process_mid_commit_leaves_previous_version(db_url: str) -> None:
    store = Store(db_url)
    store.commit([Dataset(AGENCY, 2019, v1_facts())], user="a", file_name="v1.csv")
    before = store.dataset_facts(AGENCY, 2019)
    token = store.version_token()
    store.close()

    # The child writes a new version of the existing dataset and a whole new dataset, then
    # is killed halfway through the bulk insert of their facts, inside the transaction.
    child = _run_python(
        """
        import os, signal
        import dashboard.store.database as database
        from dashboard.store.database import Store

        original = database._insert_facts

        def insert_facts(c, rows):
            original(c, rows[: len(rows) // 2])  # the first dataset's facts and some more
            os.kill(os.getpid(), signal.SIGKILL)

        database._insert_facts = insert_facts
        store = Store(load_settings().database_url)
        store.commit(
            [Dataset("定海区教育局", 2019, facts("定海区教育局", 2019, 50, 1000)),
             Dataset("普陀区教育局", 2019, facts("普陀区教育局", 2019, 50))],
            user="killed",
            file_name="crash.csv",
        )
        print("COMMITTED")
        """,
        db_url,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "COMMITTED" not in child.stdout

    reopened = Store(db_url)
    try:
        assert reopened.version_token() == token
        assert figures(reopened.dataset_facts(AGENCY, 2019)) == figures(before)
        assert set(reopened.current_facts()["version"]) == {1}
        assert set(reopened.current_facts()["agency"]) == {AGENCY}
        assert [(v.agency, v.year, v.version, v.user) for v in reopened.history()] == [
            (AGENCY, 2019, 1, "a")
        ]
        assert table_counts(db_url) == {"datasets": 1, "versions": 1, "facts": len(before)}
        # The dead process left no lock behind: the store takes a new commit.
        [result] = reopened.commit([Dataset(AGENCY, 2019, v2_facts())], user="b")
        assert (result.version, result.created) == (2, True)
    finally:
        reopened.close()
    if db_url.startswith("sqlite"):  # the server rolled back PostgreSQL's for the dead client
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_two_store_objects_on_one_file_see_each_other(db_url: str) -> None:
    first, second = Store(db_url), Store(db_url)
    try:
        assert second.current_facts().is_empty()
        token = second.version_token()
        first.commit([Dataset(AGENCY, 2019, v1_facts())], user="a")
        assert second.version_token() != token
        assert figures(second.dataset_facts(AGENCY, 2019)) == figures(v1_facts())
        second.commit([Dataset(AGENCY, 2019, v2_facts())], user="b")
        assert first.version_token() == second.version_token()
        assert [v.version for v in first.history()] == [2, 1]
        assert set(first.current_facts()["version"]) == {2}
        # An identical commit through the other object is recognised as such.
        [result] = first.commit([Dataset(AGENCY, 2019, v2_facts())], user="a")
        assert result.created is False and result.version == 2
    finally:
        first.close()
        second.close()


def test_two_processes_committing_concurrently_both_succeed(db_url: str) -> None:
    url = db_url  # an empty database (SQLite: not even a file): the children make the schema
    script = """
        import sys, time
        from dashboard.store.database import Store

        agency, start = sys.argv[1], float(sys.argv[2])
        while time.time() < start:
            time.sleep(0.005)
        store = Store(load_settings().database_url)
        for round_ in range(5):
            store.commit([Dataset(agency, 2019, facts(agency, 2019, 40, round_ * 100))],
                         user=agency)
        store.close()
        print("DONE", agency)
        """
    env = {**os.environ, DATABASE_URL_ENV: url, "PYTHONPATH": str(PROJECT_ROOT)}
    start = str(time.time() + 3)  # both children start together, after their imports
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _FACTS_HELPER + textwrap.dedent(script), agency, start],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for agency in (AGENCY, OTHER)
    ]
    outputs = [c.communicate(timeout=90) for c in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "DONE" in out

    store = Store(url)
    try:
        datasets = store.datasets()
        assert sorted(datasets.select("agency", "version", "fact_count").rows()) == sorted(
            [(AGENCY, 5, 40), (OTHER, 5, 40)]
        )
        for agency in (AGENCY, OTHER):
            assert [v.version for v in store.history(agency)] == [5, 4, 3, 2, 1]
            values = sorted(f.value for f in store.dataset_facts(agency, 2019))
            assert values == [400.0 + i for i in range(40)]
        assert table_counts(url) == {"datasets": 2, "versions": 10, "facts": 400}
    finally:
        store.close()


# ── seeding ─────────────────────────────────────────────────────────────────────────────────


def test_seed_with_a_broken_sample_loads_nothing(
    store: Store, catalogue: Catalogue, tmp_path: Path
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    header = "年度,单位,指标,渠道,类别,数值,备注\n"
    (samples / "a-good.csv").write_text(header + f"2019,{AGENCY},专题会议次数,,,2,\n", "utf-8")
    (samples / "b-bad.csv").write_text(header + f"2019,{OTHER},专题会议次数,,,很多,\n", "utf-8")
    with pytest.raises(ValueError, match=r"b-bad\.csv"):
        seed_if_empty(store, catalogue, samples)
    assert store.is_empty()
    assert store.history() == []

    (samples / "b-bad.csv").write_text(header + f"2019,{OTHER},专题会议次数,,,3,\n", "utf-8")
    results = seed_if_empty(store, catalogue, samples)
    assert sorted((r.agency, r.version, r.created) for r in results) == sorted(
        [(OTHER, 1, True), (AGENCY, 1, True)]
    )
    assert {v.file_name for v in store.history()} == {"a-good.csv", "b-bad.csv"}
    assert seed_if_empty(store, catalogue, samples) == []


def test_seed_interrupted_while_writing_leaves_store_empty(
    store: Store, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    original = Store._write_version

    def failing(self: Store, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:  # third dataset, in the second sample file
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_write_version", failing)
    with pytest.raises(RuntimeError):
        seed_if_empty(store, catalogue)
    assert store.is_empty()
    monkeypatch.setattr(Store, "_write_version", original)
    assert len(seed_if_empty(store, catalogue)) == 9  # seeded in full on the next start


def test_only_if_empty_is_checked_inside_the_write(store: Store, catalogue: Catalogue) -> None:
    report = validate_file(
        f"年度,单位,指标,渠道,类别,数值,备注\n2019,{AGENCY},专题会议次数,,,2,\n".encode(),
        "a.csv",
        catalogue,
    )
    store.commit(report.datasets, user="first")
    # Another process got there between our is_empty() and our write: nothing is added.
    assert (
        store.commit_files([(report.datasets, "a.csv", None)], user="x", only_if_empty=True) == []
    )
    assert [v.user for v in store.history()] == ["first"]


def test_decks_are_saved_replaced_and_listed(store: Store) -> None:
    assert store.deck("周例会") is None
    store.save_deck("周例会", ["channels", "hotline"], user="alice")
    store.save_deck("年度汇报", ["hotline"], user="alice")
    store.save_deck("周例会", ["hotline", "channels", "requests"], user="bob")
    assert store.deck("周例会") == ["hotline", "channels", "requests"]
    assert store.decks() == sorted(["周例会", "年度汇报"])
