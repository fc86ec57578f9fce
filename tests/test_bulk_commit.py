"""The set-based write path stores exactly what committing dataset by dataset stores.

`Store.commit_files` claims, reads and writes many datasets at once (one query for the stored
facts, one INSERT of versions, COPY or executemany of facts, one pointer update). Two stores get
the same rounds of datasets, one dataset per commit and all of a round in one commit: their
facts, history (added/changed/removed, fact counts, content hashes) and commit results must be
the same, on SQLite and on PostgreSQL. `Store.facts_of` must answer what `dataset_facts` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.store.database import CommitResult, Store
from tests.pg import PostgresServer

AGENCIES = [f"第{i}区教育局" for i in range(12)]
YEARS = (2021, 2022)


@pytest.fixture
def db_url(any_db_url: str) -> str:
    return any_db_url


def _facts(agency: str, year: int, count: int, shift: float = 0.0) -> list[Fact]:
    return [
        Fact(
            agency=agency,
            year=year,
            metric=f"metric_{i}",
            channel="gov_portal" if i % 3 == 0 else None,
            category="申请" if i % 4 == 0 else None,
            value=None if i == 5 else float(i * 10) + shift,
            qualifier=Qualifier.NOT_REPORTED if i == 5 else Qualifier.AT_LEAST,
            note="备注" if i % 2 else None,
            row=i + 2,
            unit="条" if i % 2 else None,
            as_written=f"{i * 10}余" if i % 2 else None,
        )
        for i in range(count)
    ]


def _rounds() -> list[list[list[Dataset]]]:
    """Rounds of files, each a list of datasets: first imports, then a round where some
    datasets are identical, some changed, some lose facts, some are new, and one (agency, year)
    comes in two files (the second compared with the first)."""
    first = [
        [Dataset(a, y, _facts(a, y, 8 + i % 5)) for i, a in enumerate(AGENCIES) for y in YEARS]
    ]
    second: list[Dataset] = []
    for i, agency in enumerate(AGENCIES):
        year = YEARS[1]
        if i % 4 == 0:
            second.append(Dataset(agency, year, _facts(agency, year, 8 + i % 5)))  # identical
        elif i % 4 == 1:
            second.append(Dataset(agency, year, _facts(agency, year, 8 + i % 5, shift=1)))
        elif i % 4 == 2:
            second.append(Dataset(agency, year, _facts(agency, year, 3)))  # facts removed
        else:
            second.append(Dataset(agency, 2023, _facts(agency, 2023, 6)))  # a new year
    again = AGENCIES[1]
    twice = [Dataset(again, YEARS[1], _facts(again, YEARS[1], 12, shift=2))]
    return [first, [second, twice]]


def _commit_one_by_one(store: Store, files: list[list[Dataset]]) -> list[CommitResult]:
    results = []
    for number, datasets in enumerate(files):
        for dataset in datasets:
            results += store.commit([dataset], user="u", file_name=f"f{number}.csv")
    return results


def _commit_at_once(store: Store, files: list[list[Dataset]]) -> list[CommitResult]:
    return store.commit_files(
        [(datasets, f"f{number}.csv", None) for number, datasets in enumerate(files)], user="u"
    )


def _stored(store: Store) -> dict[str, Any]:
    """Everything a commit writes, less ids and times."""
    history = [
        {k: v for k, v in info.to_dict().items() if k != "created_at"} for info in store.history()
    ]
    engine = sa.create_engine(store.url)
    try:
        with engine.connect() as c:
            hashes = c.execute(
                sa.text(
                    "SELECT d.agency, d.year, v.version, v.content_hash, d.current_version"
                    " FROM versions v JOIN datasets d ON d.id = v.dataset_id"
                    " ORDER BY d.agency, d.year, v.version"
                )
            ).all()
            facts = c.execute(
                sa.text(
                    "SELECT d.agency, d.year, v.version, f.metric, f.channel, f.category,"
                    " f.value, f.qualifier, f.note, f.source_row, f.unit, f.as_written"
                    " FROM facts f JOIN versions v ON v.id = f.version_id"
                    " JOIN datasets d ON d.id = v.dataset_id ORDER BY f.id"
                )
            ).all()
    finally:
        engine.dispose()
    return {
        "history": history,
        "hashes": [tuple(r) for r in hashes],
        "facts": [tuple(r) for r in facts],
        "current": store.current_facts().to_dicts(),
    }


@pytest.fixture
def second_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Another fresh store on the same database server (SQLite: another file)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.database()
    yield url
    server.drop(url)


def test_many_dataset_commit_stores_what_the_per_dataset_path_stores(
    db_url: str, second_url: str
) -> None:
    one_by_one, at_once = Store(db_url), Store(second_url)
    try:
        for files in _rounds():
            slow = _commit_one_by_one(one_by_one, files)
            fast = _commit_at_once(at_once, files)
            assert fast == slow
        created = [r for r in fast if r.created]
        # The round wrote changes, removals, a new year and the dataset named twice.
        assert any(r.removed for r in created) and any(r.changed for r in created)
        assert [r.version for r in fast if r.agency == AGENCIES[1] and r.year == YEARS[1]] == [
            2,
            3,
        ]
        assert _stored(at_once) == _stored(one_by_one)
        # And the bulk read of current facts answers like the per-dataset read.
        keys = [(a, y) for a in AGENCIES for y in (*YEARS, 2023, 2030)]
        many = at_once.facts_of(keys)
        for agency, year in keys:
            single = at_once.dataset_facts(agency, year)
            if single:
                assert many[(agency, year)] == single
            else:
                assert (agency, year) not in many
    finally:
        one_by_one.close()
        at_once.close()
