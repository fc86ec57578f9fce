"""Reads sized to what a page shows: never the whole store.

The dashboard's pages show one agency (all its years), and its selectors need the list of
agencies and years; the 数据 page shows a filtered, limited table and downloads the filtered
rows. Each of those is one query here, its filters and row limit in SQL, read into Polars by
`pl.read_database` (column batches built by Polars, not a Python tuple per row); a download reads
the matching datasets first, then their facts a batch at a time (`iter_facts`). The agency and
year lists come from the small `datasets` table (one row per agency and year), never from facts.

Change tokens for caches: `Store.agency_token` (per agency: moves with every commit to that
agency, whatever order concurrent commits took their ids in), `datasets_token` here (moves when a
dataset is added: the agency/year lists), `Store.version_token` (any write at all).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
import sqlalchemy as sa

from dashboard.domain.facts import FACTS_SCHEMA
from dashboard.store.database import CURRENT_FACT_COLUMNS, FACT_FIELDS, Store
from dashboard.store.schema import datasets_table, facts_table, versions_table

DOWNLOAD_BATCH_ROWS = 50_000  # rows per batch of a download: a few MB in memory at a time

_FACT_COLUMNS = CURRENT_FACT_COLUMNS


@dataclass(frozen=True)
class FactFilter:
    """Which current facts to read. None: any value of that column; a tuple: one of these (an
    empty tuple matches nothing, as a section and a metric chosen without overlap do)."""

    agencies: tuple[str, ...] | None = None
    years: tuple[int, ...] | None = None
    metrics: tuple[str, ...] | None = None
    channels: tuple[str, ...] | None = None

    def on_datasets_only(self) -> bool:
        """True when only agency and year are restricted: answerable from datasets/versions."""
        return self.metrics is None and self.channels is None


@dataclass(frozen=True)
class SlotChoices:
    """The metrics and channels present among current facts: the 数据 page's filter choices
    (its agency and year choices are `agency_years`)."""

    metrics: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()  # blank channels left out

    def __or__(self, other: SlotChoices) -> SlotChoices:
        return SlotChoices(self.metrics | other.metrics, self.channels | other.channels)


def _current_join() -> sa.ColumnElement[bool]:
    return sa.and_(
        versions_table.c.dataset_id == datasets_table.c.id,
        versions_table.c.version == datasets_table.c.current_version,
    )


def _where(query: sa.Select[Any], filters: FactFilter) -> sa.Select[Any]:
    for column, wanted in (
        (datasets_table.c.agency, filters.agencies),
        (datasets_table.c.year, filters.years),
        (facts_table.c.metric, filters.metrics),
        (facts_table.c.channel, filters.channels),
    ):
        if wanted is not None:
            # An empty IN () is spelled as a false condition by SQLAlchemy on every dialect.
            query = query.where(column.in_(sorted(set(wanted))))
    return query


def _facts_query(filters: FactFilter) -> sa.Select[Any]:
    """Current facts in the store's order: agency, year, then as stored (the upload's order)."""
    query = (
        sa.select(*_FACT_COLUMNS)
        .select_from(datasets_table)
        .join(versions_table, _current_join())
        .join(facts_table, facts_table.c.version_id == versions_table.c.id)
        .order_by(datasets_table.c.agency, datasets_table.c.year, facts_table.c.id)
    )
    return _where(query, filters)


def _frame(connection: sa.Connection, query: sa.Select[Any]) -> pl.DataFrame:
    # Cast: an empty result has no rows to type its columns by (a no-op otherwise).
    return pl.read_database(query, connection, schema_overrides=FACTS_SCHEMA).cast(FACTS_SCHEMA)


def agency_facts(store: Store, agency: str) -> pl.DataFrame:
    """The current facts of every year of one agency (FACTS_SCHEMA), oldest year first."""
    with store.reading() as c:
        return _frame(c, _facts_query(FactFilter(agencies=(agency,))))


def facts_page(store: Store, filters: FactFilter, limit: int, offset: int = 0) -> pl.DataFrame:
    """At most `limit` matching current facts from the `offset`-th on, in the store's order."""
    query = _facts_query(filters).limit(limit).offset(offset)
    with store.reading() as c:
        return _frame(c, query)


def count_facts(store: Store, filters: FactFilter) -> int:
    """How many current facts match. Restricted by agency and year only, it adds up the
    versions' fact counts (one row per dataset) instead of counting facts."""
    current = sa.select().select_from(datasets_table).join(versions_table, _current_join())
    if filters.on_datasets_only():
        total = sa.func.coalesce(sa.func.sum(versions_table.c.fact_count), 0)
        query = current.add_columns(total)
    else:
        joined = current.join(facts_table, facts_table.c.version_id == versions_table.c.id)
        query = joined.add_columns(sa.func.count())
    query = _where(query, filters)
    with store.reading() as c:
        return int(c.scalar(query) or 0)


def iter_facts(
    store: Store, filters: FactFilter, batch_rows: int = DOWNLOAD_BATCH_ROWS
) -> Iterator[pl.DataFrame]:
    """Every matching current fact, in the store's order, as frames of `batch_rows` (the last
    one shorter): a download of the whole store holds one batch at a time, not the whole result.

    The current datasets come first, in the store's order (one small query: 100,000 rows at
    3,000,000 facts); then the facts of a run of them at a time, by their version ids. Each of
    those queries is answered from the facts index, reads no dataset columns per fact and needs
    no sort of the whole store (the one query doing it all spent most of a download's time
    there). The versions listed first are the ones read, so a download is the store as it was
    when it started, even if a commit lands meanwhile (versions never change once written)."""
    with store.reading() as c:
        listed = _current_versions(c, filters)
        pending: list[pl.DataFrame] = []
        held = 0
        for run in _runs(listed, batch_rows):
            frame = _versions_facts(c, run, filters)
            pending.append(frame)
            held += frame.height
            while held >= batch_rows:
                joined = pl.concat(pending)
                yield joined.head(batch_rows)
                rest = joined.slice(batch_rows)
                pending, held = [rest], rest.height
        if held:
            yield pl.concat(pending)


# At most this many versions' facts are asked for in one query (its IN list of version ids).
_VERSIONS_PER_QUERY = 2_000


def _current_versions(connection: sa.Connection, filters: FactFilter) -> pl.DataFrame:
    """The current version of every matching dataset, in the store's order (agency, year, by
    the database's own collation, as `_facts_query` orders them), with its fact count."""
    query = sa.select(
        versions_table.c.id.label("version_id"),
        datasets_table.c.agency,
        datasets_table.c.year,
        datasets_table.c.current_version.label("version"),
        versions_table.c.fact_count,
    ).select_from(datasets_table.join(versions_table, _current_join()))
    query = _where(query, FactFilter(agencies=filters.agencies, years=filters.years))
    query = query.order_by(datasets_table.c.agency, datasets_table.c.year)
    schema = {
        "version_id": pl.Int64,
        "agency": pl.String,
        "year": pl.Int32,
        "version": pl.Int32,
        "fact_count": pl.Int64,
    }
    frame = pl.read_database(query, connection, schema_overrides=schema).cast(schema)
    return frame.with_row_index("position")


def _runs(listed: pl.DataFrame, batch_rows: int) -> Iterator[pl.DataFrame]:
    """Consecutive runs of the listed versions holding about `batch_rows` facts each."""
    start, facts = 0, 0
    counts = listed["fact_count"].to_list()
    for index, count in enumerate(counts):
        facts += count
        if facts >= batch_rows or index + 1 - start >= _VERSIONS_PER_QUERY:
            yield listed.slice(start, index + 1 - start)
            start, facts = index + 1, 0
    if start < len(counts):
        yield listed.slice(start)


_VERSION_FACT_COLUMNS = (
    facts_table.c.version_id,
    facts_table.c.id,
    *(facts_table.c[name] for name in FACT_FIELDS),
)


def _versions_facts(
    connection: sa.Connection, run: pl.DataFrame, filters: FactFilter
) -> pl.DataFrame:
    """The facts of a run of listed versions (FACTS_SCHEMA), in the store's order: by the
    versions' place in the listing, then as stored."""
    query = sa.select(*_VERSION_FACT_COLUMNS).where(
        facts_table.c.version_id.in_(run["version_id"].to_list())
    )
    query = _where(query, FactFilter(metrics=filters.metrics, channels=filters.channels))
    schema = {"version_id": pl.Int64, "id": pl.Int64} | {c: FACTS_SCHEMA[c] for c in FACT_FIELDS}
    result = connection.execute(query)
    try:
        # The driver's own row tuples into Polars, as pl.read_database does, without wrapping
        # each in SQLAlchemy's Row first: that took a quarter of a whole-store download's read.
        # (The columns need no conversion: integers, floats and text on both databases.)
        rows = result.cursor.fetchall() if result.cursor is not None else []
    finally:
        result.close()
    facts = pl.DataFrame(rows, schema=schema, orient="row")
    return (
        facts.join(run.drop("fact_count"), on="version_id")
        .sort("position", "id")
        .select(list(FACTS_SCHEMA))
    )


def agency_years(store: Store) -> dict[str, list[int]]:
    """Agency → its years, newest first, agencies in text order (the same order in SQLite and
    PostgreSQL: sorted here, not by the database's collation). Reads datasets only."""
    query = sa.select(datasets_table.c.agency, datasets_table.c.year).where(
        datasets_table.c.current_version > 0  # a row being created has no version yet
    )
    with store.reading() as c:
        frame = pl.read_database(query, c, schema_overrides={"agency": pl.String, "year": pl.Int64})
    if frame.is_empty():
        return {}
    grouped = (
        frame.group_by("agency").agg(pl.col("year").unique().sort(descending=True)).sort("agency")
    )
    return dict(zip(grouped["agency"].to_list(), grouped["year"].to_list(), strict=True))


def datasets_token(store: Store) -> tuple[int, int]:
    """Changes when a dataset (an agency's year) is added: the key of the agency/year lists.
    Datasets are never deleted, so (how many, the highest id) never repeats."""
    query = sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(datasets_table.c.id), 0))
    with store.reading() as c:
        count, highest = c.execute(query).one()
    return int(count), int(highest)


def present_slots(store: Store, agencies: Sequence[str] | None = None) -> SlotChoices:
    """The metrics and channels present among the current facts (of `agencies`, or of the
    whole store), by one SQL DISTINCT."""
    restrict = FactFilter(agencies=tuple(agencies) if agencies is not None else None)
    query = _where(
        sa.select(facts_table.c.metric, facts_table.c.channel)
        .select_from(datasets_table)
        .join(versions_table, _current_join())
        .join(facts_table, facts_table.c.version_id == versions_table.c.id)
        .distinct(),
        restrict,
    )
    with store.reading() as c:
        present = pl.read_database(
            query, c, schema_overrides={"metric": pl.String, "channel": pl.String}
        )
    return SlotChoices(
        frozenset(present["metric"].to_list()),
        frozenset(present["channel"].drop_nulls().to_list()),
    )


def changed_agencies(store: Store, since: int) -> tuple[str, ...]:
    """The agencies with a dataset written after store generation `since` (each write stamps
    the datasets it changed with the generation it raised the store to)."""
    query = (
        sa.select(datasets_table.c.agency)
        .where(datasets_table.c.generation > since)
        .distinct()
        .order_by(datasets_table.c.agency)
    )
    with store.reading() as c:
        return tuple(c.scalars(query))
