"""Reads across agencies for the 对比 page: SQL aggregates over the current versions.

Nothing here loads the facts table: each query filters and aggregates in the database and returns
at most one row per agency (a ranking), per year (reporting counts), per slice of a metric, or a
page of agencies (the reporting matrix). Portable SQLAlchemy Core: the same statements run on
SQLite and PostgreSQL (no window functions; ranks are computed on the small result by
`dashboard.analytics.compare`).

The agency directory (单位名录: agency, parent office, region, kind), uploaded by an editor as a
small CSV, lives here too: `replace_directory` swaps the whole table in one write transaction,
and a `Group` (a region, a parent office or a kind) restricts every read to its agencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, get_args

import polars as pl
import sqlalchemy as sa

from dashboard.store.database import Store
from dashboard.store.schema import (
    agency_directory_table,
    datasets_table,
    facts_table,
    utc_now,
    utc_text,
    versions_table,
)

GroupKind = Literal["region", "parent", "kind"]
GROUP_KINDS: tuple[GroupKind, ...] = get_args(GroupKind)
GROUP_SEPARATOR = ":"  # ?group=region:西湖区

# One row per agency with a report for the year: its figure of the slice (value None and
# qualifier None when the report does not give it).
RANKING_SCHEMA: dict[str, Any] = {
    "agency": pl.String,
    "value": pl.Float64,
    "qualifier": pl.String,
    "unit": pl.String,
    "as_written": pl.String,
}
SLICES_SCHEMA: dict[str, Any] = {
    "metric": pl.String,
    "channel": pl.String,
    "category": pl.String,
    "agencies": pl.Int64,
}
DIRECTORY_SCHEMA: dict[str, Any] = {
    "agency": pl.String,
    "parent": pl.String,
    "region": pl.String,
    "kind": pl.String,
}


@dataclass(frozen=True)
class Group:
    """The agencies of one region, parent office or kind, as the directory lists them."""

    kind: GroupKind
    value: str

    def to_param(self) -> str:
        """The group in the URL: `region:西湖区`."""
        return f"{self.kind}{GROUP_SEPARATOR}{self.value}"

    @classmethod
    def from_param(cls, text: str | None) -> Group | None:
        """The group of a `?group=` value; None for a missing or malformed one."""
        kind, separator, value = (text or "").partition(GROUP_SEPARATOR)
        if not separator or not value or kind not in GROUP_KINDS:
            return None
        return cls(kind, value)  # type: ignore[arg-type]  # checked against GROUP_KINDS


@dataclass(frozen=True)
class Slice:
    """One figure of a report, compared across agencies: a metric, narrowed to a channel and a
    category (None: the figure given without one, such as the all-channel total)."""

    metric: str
    channel: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class DirectoryEntry:
    """One agency of the directory; a blank cell is None."""

    agency: str
    parent: str | None = None
    region: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class ReportingCounts:
    """How many agencies reported each year, out of the agencies considered."""

    agencies: int  # every agency considered: with any report, or listed in the directory
    years: pl.DataFrame  # year, reported, missing (newest first)


@dataclass(frozen=True)
class MatrixPage:
    """A page of the agencies × years matrix: one row per agency, a Boolean column per year."""

    frame: pl.DataFrame  # agency, then one column per year (as text, oldest first)
    total: int  # agencies matching the filters, on every page together


# ── the agencies considered ────────────────────────────────────────────────────────────────


def _members(group: Group | None) -> sa.Select[Any] | None:
    """The agencies of a group (a subquery); None without a group: every agency."""
    if group is None:
        return None
    column = agency_directory_table.c[group.kind]
    return sa.select(agency_directory_table.c.agency).where(column == group.value)


def _universe(group: Group | None) -> sa.Subquery:
    """Every agency considered, one row each: a group's members; without a group, every agency
    with a report or listed in the directory (so a listed agency that never reported counts as
    one that has not)."""
    members = _members(group)
    if members is None:
        members = sa.union(
            sa.select(datasets_table.c.agency), sa.select(agency_directory_table.c.agency)
        )
    return members.subquery("universe")


def _in_group(query: sa.Select[Any], group: Group | None) -> sa.Select[Any]:
    members = _members(group)
    return query if members is None else query.where(datasets_table.c.agency.in_(members))


def _current_join() -> sa.ColumnElement[bool]:
    """A dataset with its current version (as the store's own reads join them)."""
    return sa.and_(
        versions_table.c.dataset_id == datasets_table.c.id,
        versions_table.c.version == datasets_table.c.current_version,
    )


def _is(column: sa.ColumnElement[Any], value: str | None) -> sa.ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


# ── figures of one year ─────────────────────────────────────────────────────────────────────


def compare_years(store: Store, group: Group | None = None) -> list[int]:
    """The years with at least one report (of the group), newest first."""
    query = _in_group(sa.select(datasets_table.c.year).distinct(), group)
    with store.reading() as c:
        return sorted((int(y) for y in c.scalars(query)), reverse=True)


def slices(store: Store, year: int, group: Group | None = None) -> pl.DataFrame:
    """Every figure given in the year's reports — metric, channel, category — with the number of
    agencies giving it (SLICES_SCHEMA; one row per slice, a few dozen)."""
    # One fact per slice and report (the upload refuses a second): rows are agencies.
    agencies = sa.func.count()
    query = (
        sa.select(facts_table.c.metric, facts_table.c.channel, facts_table.c.category, agencies)
        .select_from(datasets_table)
        .join(versions_table, _current_join())
        .join(facts_table, facts_table.c.version_id == versions_table.c.id)
        .where(datasets_table.c.year == year, facts_table.c.value.is_not(None))
        .group_by(facts_table.c.metric, facts_table.c.channel, facts_table.c.category)
    )
    with store.reading() as c:
        rows = c.execute(_in_group(query, group)).all()
    return pl.DataFrame([tuple(r) for r in rows], schema=SLICES_SCHEMA, orient="row").sort(
        "metric", "channel", "category", nulls_last=False
    )


def ranking_rows(
    store: Store, figure: Slice, year: int, group: Group | None = None
) -> pl.DataFrame:
    """Every agency with a report for the year (of the group) and its figure of the slice, as
    stored (RANKING_SCHEMA, by agency): a report without the figure gives a row without a value.
    Ranked by `dashboard.analytics.compare.ranked`."""
    wanted = sa.and_(
        facts_table.c.version_id == versions_table.c.id,
        facts_table.c.metric == figure.metric,
        _is(facts_table.c.channel, figure.channel),
        _is(facts_table.c.category, figure.category),
    )
    query = (
        sa.select(
            datasets_table.c.agency,
            facts_table.c.value,
            facts_table.c.qualifier,
            facts_table.c.unit,
            facts_table.c.as_written,
        )
        .select_from(datasets_table)
        .join(versions_table, _current_join())
        .outerjoin(facts_table, wanted)
        .where(datasets_table.c.year == year)
        .order_by(datasets_table.c.agency)
    )
    with store.reading() as c:
        rows = c.execute(_in_group(query, group)).all()
    return pl.DataFrame([tuple(r) for r in rows], schema=RANKING_SCHEMA, orient="row")


# ── who has reported ────────────────────────────────────────────────────────────────────────


def reporting_counts(store: Store, group: Group | None = None) -> ReportingCounts:
    """Per year with any report: how many of the agencies considered reported, and how many
    did not."""
    universe = _universe(group)
    per_year = (
        sa.select(datasets_table.c.year, sa.func.count())
        .where(datasets_table.c.agency.in_(sa.select(universe.c.agency)))
        .group_by(datasets_table.c.year)
    )
    with store.reading() as c:
        total = int(c.scalar(sa.select(sa.func.count()).select_from(universe)) or 0)
        rows = c.execute(per_year).all()
    years = pl.DataFrame(
        [(int(y), int(n)) for y, n in rows],
        schema={"year": pl.Int32, "reported": pl.Int64},
        orient="row",
    )
    years = years.with_columns(missing=pl.lit(total, pl.Int64) - pl.col("reported"))
    return ReportingCounts(total, years.sort("year", descending=True))


def reporting_matrix(
    store: Store,
    years: Iterable[int],
    *,
    group: Group | None = None,
    search: str = "",
    missing_in: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> MatrixPage:
    """A page of the agencies × years matrix (by agency name): whether each agency has a report
    for each of `years`. `search` keeps the agencies whose name contains it, `missing_in` those
    without a report for that year; `total` counts the matching agencies on all pages."""
    years = sorted(set(years))
    universe = _universe(group)
    joined = universe.outerjoin(datasets_table, datasets_table.c.agency == universe.c.agency)
    has = {
        year: sa.func.max(sa.case((datasets_table.c.year == year, 1), else_=0)) for year in years
    }
    grouped = (
        sa.select(universe.c.agency)
        .select_from(joined)
        .group_by(universe.c.agency)
        .add_columns(*(has[y].label(f"y{y}") for y in years))
    )
    if search.strip():
        grouped = grouped.where(universe.c.agency.contains(search.strip(), autoescape=True))
    if missing_in is not None:
        grouped = grouped.having(
            sa.func.max(sa.case((datasets_table.c.year == missing_in, 1), else_=0)) == 0
        )
    page = grouped.order_by(universe.c.agency).limit(limit).offset(offset)
    # Without a filter every agency considered matches: counted without the join.
    counted = universe if not search.strip() and missing_in is None else grouped.subquery()
    with store.reading() as c:
        total = int(c.scalar(sa.select(sa.func.count()).select_from(counted)) or 0)
        rows = c.execute(page).all()
    schema: dict[str, Any] = {"agency": pl.String, **{str(y): pl.Boolean for y in years}}
    frame = pl.DataFrame(
        [(r[0], *(bool(v) for v in r[1:])) for r in rows], schema=schema, orient="row"
    )
    return MatrixPage(frame, total)


# ── the agency directory ────────────────────────────────────────────────────────────────────


def directory(store: Store) -> pl.DataFrame:
    """The directory as stored (DIRECTORY_SCHEMA, by agency); empty before the first upload."""
    table = agency_directory_table
    query = sa.select(table.c.agency, table.c.parent, table.c.region, table.c.kind).order_by(
        table.c.agency
    )
    with store.reading() as c:
        rows = c.execute(query).all()
    return pl.DataFrame([tuple(r) for r in rows], schema=DIRECTORY_SCHEMA, orient="row")


def directory_template(store: Store) -> pl.DataFrame:
    """Every agency with a report or in the directory, with its directory entry (blank for an
    agency not listed yet): the directory template an editor fills in (DIRECTORY_SCHEMA)."""
    table = agency_directory_table
    universe = _universe(None)
    query = (
        sa.select(universe.c.agency, table.c.parent, table.c.region, table.c.kind)
        .select_from(universe.outerjoin(table, table.c.agency == universe.c.agency))
        .order_by(universe.c.agency)
    )
    with store.reading() as c:
        rows = c.execute(query).all()
    return pl.DataFrame([tuple(r) for r in rows], schema=DIRECTORY_SCHEMA, orient="row")


def directory_info(store: Store) -> tuple[int, str | None, str | None]:
    """How many agencies the directory lists, who uploaded it and when (ISO 8601, UTC, to the
    second; None, None: never)."""
    table = agency_directory_table
    with store.reading() as c:
        count = int(c.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
        row = c.execute(sa.select(table.c.updated_by, table.c.updated_at).limit(1)).first()
    if row is None:
        return count, None, None
    return count, row.updated_by, utc_text(row.updated_at)


def groups(store: Store) -> pl.DataFrame:
    """Every group the directory defines — kind, value, number of agencies — by kind (in
    GROUP_KINDS order) and value."""
    table = agency_directory_table
    parts = [
        sa.select(sa.literal(kind).label("kind"), table.c[kind].label("value"), sa.func.count())
        .where(table.c[kind].is_not(None))
        .group_by(table.c[kind])
        for kind in GROUP_KINDS
    ]
    with store.reading() as c:
        rows = c.execute(sa.union_all(*parts)).all()
    frame = pl.DataFrame(
        [tuple(r) for r in rows],
        schema={"kind": pl.String, "value": pl.String, "agencies": pl.Int64},
        orient="row",
    )
    order = pl.col("kind").replace_strict(
        {k: i for i, k in enumerate(GROUP_KINDS)}, return_dtype=pl.Int32
    )
    return frame.sort(order, "value")


def replace_directory(
    store: Store, entries: Iterable[DirectoryEntry], *, user: str, file_name: str | None = None
) -> int:
    """Replace the whole directory by `entries` in one write transaction (readers see the old
    directory or the new one, never a mix); the number of agencies stored. Raises the store's
    StoreUnavailable on a storage fault, writing nothing."""
    at = utc_now()
    rows = [
        {
            "agency": e.agency,
            "parent": e.parent,
            "region": e.region,
            "kind": e.kind,
            "updated_by": user,
            "updated_at": at,
            "file_name": file_name,
        }
        for e in entries
    ]
    # Cached comparisons are keyed on the store generation: `writing` raises it at the end.
    with store.writing() as c:
        c.execute(agency_directory_table.delete())
        if rows:
            c.execute(agency_directory_table.insert(), rows)
    return len(rows)
