"""Statutory tables 二 (proactive disclosure), 三 (requests) and 四 (review and litigation) in the
official layout, with the cross-checks the form itself states (DESIGN §2).

The layout (rows, columns, outcome rows; table 二's blocks and cells) and the checks are declared
in `data/catalogue/statutory.toml`; the arithmetic of a check is a relation of `metrics.toml`,
the same one the upload validation applies. What this module returns carries ids and numbers
only: `dashboard.i18n.statutory` words it in Chinese or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from dashboard.domain.catalogue import (
    TOTAL_COLUMN,
    Balance,
    Catalogue,
    ColumnTotals,
    StatutoryTable,
    Sum,
    TableCheck,
    TableRow,
)
from dashboard.domain.values import Qualifier

TWO = "two"  # 二、主动公开政府信息情况 (2021 format; "two_2019" is the 2019 format)
THREE = "three"  # 三、收到和处理政府信息公开申请情况
FOUR = "four"  # 四、政府信息公开行政复议、行政诉讼情况
TOTAL = TOTAL_COLUMN  # the 总计 column of a grid, after the vocabulary's terms
# A cell: the figure with the value cell as the report wrote it (shown so: `90.1万元`, `3.17万`).
CELL = pl.Struct({"value": pl.Float64, "qualifier": pl.String, "as_written": pl.String})


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    INCOMPLETE = "incomplete"  # not enough figures to tell


@dataclass(frozen=True)
class Check:
    """One cross-check of the form: the declared rule, where it was applied, how it came out."""

    table: StatutoryTable
    rule: TableCheck | ColumnTotals
    status: CheckStatus
    column: str | None = None  # a per-column check: the vocabulary term, None for 总计
    row: TableRow | None = None  # a column-totals check: the row whose columns were added
    sums: tuple[float, float] | None = None  # the two sides, when every figure was exact


def outcome_metrics(catalogue: Catalogue) -> tuple[str, ...]:
    """The outcome rows of table 三 (予以公开 … 其他处理), in the form's order."""
    return catalogue.tables[THREE].outcomes


def table_grid(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, table_id: str
) -> pl.DataFrame:
    """A statutory table as the form lays it out: `metric`, one row per form row in order, then
    one column per vocabulary term and `total`, each cell a {value, qualifier} struct or null
    where the report gives nothing."""
    table = catalogue.tables[table_id]
    facts = agency_facts.filter((pl.col("year") == year) & pl.col("metric").is_in(table.metrics))
    cells = {
        (r["metric"], r["category"] or TOTAL): {
            "value": r["value"],
            "qualifier": r["qualifier"],
            "as_written": r["as_written"],
        }
        for r in facts.iter_rows(named=True)
    }
    data: dict[str, list[object]] = {"metric": list(table.metrics)}
    for column in _columns(catalogue, table, _given(facts)):
        data[column] = [cells.get((m, column)) for m in table.metrics]
    schema = {"metric": pl.String} | {c: CELL for c in data if c != "metric"}
    return pl.DataFrame(data, schema=schema)


def has_table(agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, table_id: str) -> bool:
    """Whether the year gives any figure of the table's rows (a figure of the same section that
    the form does not hold, such as requests by way of submission, does not make a table)."""
    metrics = catalogue.tables[table_id].metrics
    return (
        agency_facts.filter((pl.col("year") == year) & pl.col("metric").is_in(metrics)).height > 0
    )


def outcomes(agency_facts: pl.DataFrame, year: int, catalogue: Catalogue) -> pl.DataFrame:
    """Outcome totals (予以公开 … 其他处理) of the year in the form's order: metric, value,
    qualifier, unit, as_written."""
    order = outcome_metrics(catalogue)
    return (
        agency_facts.filter(
            (pl.col("year") == year)
            & pl.col("metric").is_in(list(order))
            & pl.col("category").is_null()
        )
        .select("metric", "value", "qualifier", "unit", "as_written")
        .sort(pl.col("metric").replace_strict(order, list(range(len(order))), default=None))
    )


def table_checks(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, table_id: str
) -> list[Check]:
    """The table's declared checks in every column that has figures, in the declared order, then
    总计 = sum of the columns per row. Only exact figures are compared."""
    table = catalogue.tables[table_id]
    vocabulary = catalogue.vocabularies[table.vocabulary]
    cells = _exact_cells(agency_facts, year, table.metrics)
    # The columns each row gives, exact or not (a qualified subtotal is still given).
    facts = agency_facts.filter((pl.col("year") == year) & pl.col("metric").is_in(table.metrics))
    given = {m: _given(facts.filter(pl.col("metric") == m)) for m in table.metrics}
    everything = set().union(*given.values())
    columns = [
        c
        for c in _columns(catalogue, table, everything)
        if any((m, c) in cells for m in table.metrics)
    ]
    checks: list[Check] = []
    for column in columns:
        for rule in table.checks:
            relation = rule.relation_in(catalogue.relations)
            assert relation is not None  # the catalogue checks this when it loads
            left, right = _sides(relation)
            if rule.shown == "when_reported" and not any(
                (m, column) in cells for m in (*left, *right)
            ):
                continue
            # A total given alone (行政诉讼1件, not split) is not checked against absent parts.
            if rule.shown == "when_split" and not any((m, column) in cells for m in right):
                continue
            status, sums = _compare(
                [cells.get((m, column)) for m in left], [cells.get((m, column)) for m in right]
            )
            term = None if column == TOTAL else column
            checks.append(Check(table, rule, status, column=term, sums=sums))
    terms = list(vocabulary.terms)
    for row in table.rows:
        split = any((row.metric, t) in cells for t in terms)
        if table.column_totals.shown == "when_split":
            shown = (row.metric, TOTAL) in cells and split
        else:
            shown = any(metric == row.metric for metric, _ in cells)
        if not shown:
            continue
        # 总计 = its columns; a subtotal given (法人或其他组织) stands for its own columns.
        cover = vocabulary.cover(given[row.metric])
        status, sums = _compare(
            [cells.get((row.metric, TOTAL))], [cells.get((row.metric, t)) for t in cover]
        )
        checks.append(Check(table, table.column_totals, status, row=row, sums=sums))
    return checks


def _columns(catalogue: Catalogue, table: StatutoryTable, given: set[str]) -> list[str]:
    """The table's columns: the vocabulary's (a subtotal only where `given`), then 总计."""
    return [*catalogue.vocabularies[table.vocabulary].columns(given), TOTAL]


def _given(facts: pl.DataFrame) -> set[str]:
    """The vocabulary terms the facts give figures in (not the 总计 column)."""
    return {c for c in facts.get_column("category").to_list() if c is not None}


def _exact_cells(
    agency_facts: pl.DataFrame, year: int, metrics: list[str]
) -> dict[tuple[str, str], float]:
    """(metric, column) → exact value; columns are vocabulary term ids or `total`."""
    rows = agency_facts.filter(
        (pl.col("year") == year)
        & pl.col("metric").is_in(metrics)
        & (pl.col("qualifier") == str(Qualifier.EXACT))
    )
    return {(r["metric"], r["category"] or TOTAL): r["value"] for r in rows.iter_rows(named=True)}


def _sides(relation: Sum | Balance) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The metrics on each side of the equality a relation states."""
    if isinstance(relation, Sum):
        return (relation.total,), relation.parts
    return relation.left, relation.right


def _compare(
    left: list[float | None], right: list[float | None]
) -> tuple[CheckStatus, tuple[float, float] | None]:
    # The form's rules hold for a complete table: a missing or qualified cell leaves them open.
    if any(v is None for v in (*left, *right)):
        return CheckStatus.INCOMPLETE, None
    a, b = sum(v or 0 for v in left), sum(v or 0 for v in right)
    return (CheckStatus.PASSED if a == b else CheckStatus.FAILED), (a, b)


# ── table 二: grids of one metric per cell ──────────────────────────────────────────────────


def grid_cells(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, grid_id: str
) -> pl.DataFrame:
    """A grid (table 二) cell by cell in the form's order: `block`, `row`, `column` (positions
    from 0), `metric`, then `value`, `qualifier` and `as_written` (null where the report gives
    nothing)."""
    grid = catalogue.grids[grid_id]
    facts = agency_facts.filter(
        (pl.col("year") == year)
        & pl.col("metric").is_in(grid.metrics)
        & pl.col("channel").is_null()
        & pl.col("category").is_null()
    )
    given = {
        r["metric"]: (r["value"], r["qualifier"], r["as_written"])
        for r in facts.iter_rows(named=True)
    }
    rows = [
        (b, r, c, metric, *given.get(metric, (None, None, None)))
        for b, block in enumerate(grid.blocks)
        for r, row in enumerate(block.rows)
        for c, metric in enumerate(row.cells)
    ]
    return pl.DataFrame(
        rows,
        schema={
            "block": pl.Int64,
            "row": pl.Int64,
            "column": pl.Int64,
            "metric": pl.String,
            "value": pl.Float64,
            "qualifier": pl.String,
            "as_written": pl.String,
        },
        orient="row",
    )


def grids_shown(agency_facts: pl.DataFrame, year: int, catalogue: Catalogue) -> list[str]:
    """The grids that show the year's table-二 figures, in declared order: the one holding most
    of them (a report uses one format), then any other only for figures it alone holds."""
    metrics = {m for grid in catalogue.grids.values() for m in grid.metrics}
    given = set(
        agency_facts.filter(
            (pl.col("year") == year)
            & pl.col("metric").is_in(list(metrics))
            & pl.col("channel").is_null()
            & pl.col("category").is_null()
        ).get_column("metric")
    )
    order = list(catalogue.grids)
    chosen: list[str] = []
    while given:
        best = max(
            order, key=lambda g: (len(given & set(catalogue.grids[g].metrics)), -order.index(g))
        )
        covered = given & set(catalogue.grids[best].metrics)
        if not covered:
            break
        chosen.append(best)
        given -= covered
    return [g for g in order if g in chosen]
