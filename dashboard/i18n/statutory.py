"""The statutory tables 二, 三 and 四 in words: row labels, column titles, cell texts, outcome
names and the names of the form's cross-checks, in Chinese or English.

`dashboard.analytics.statutory` lays the tables out and runs the checks with ids and numbers
only; the wording comes from `data/catalogue/statutory.toml` (rows, checks), the catalogue
(metric and term names) and the message catalogue (how the parts are joined).
"""

from __future__ import annotations

from typing import Protocol

import polars as pl

from dashboard.domain.catalogue import (
    TOTAL_COLUMN,
    Catalogue,
    ColumnTotals,
    StatutoryGrid,
    StatutoryTable,
    TableCheck,
    TableRow,
)
from dashboard.i18n.format import format_value, in_language
from dashboard.i18n.messages import DEFAULT_LANG, t


class StatutoryCheck(Protocol):
    """What naming a check needs (`analytics.statutory.Check`, which this layer cannot import)."""

    @property
    def table(self) -> StatutoryTable: ...
    @property
    def rule(self) -> TableCheck | ColumnTotals: ...
    @property
    def column(self) -> str | None: ...
    @property
    def row(self) -> TableRow | None: ...


def row_label(row: TableRow, lang: str = DEFAULT_LANG, *, indent: bool = True) -> str:
    """The row as the form words it; items under a subtotal are indented as in the form."""
    prefix = t("app.requests.indent", lang) * row.indent if indent else ""
    return prefix + in_language(row.zh, row.en, lang)


def column_title(
    catalogue: Catalogue, table: StatutoryTable, column: str | None, lang: str = DEFAULT_LANG
) -> str:
    """A column's heading: the vocabulary term's name, 总计 for None or `total`."""
    term = None if column in (None, TOTAL_COLUMN) else column
    return catalogue.term_name(table.vocabulary, term, lang)


def table_text(
    grid: pl.DataFrame, catalogue: Catalogue, table_id: str, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """A table grid (`analytics.statutory.table_grid`) for reading: `row` with the form's labels,
    then one column per heading, each cell its figure as text and empty where none is given."""
    table = catalogue.tables[table_id]
    rows = {r.metric: r for r in table.rows}
    out: dict[str, list[str]] = {
        "row": [row_label(rows[m], lang) for m in grid.get_column("metric")]
    }
    for column in grid.columns[1:]:
        out[column_title(catalogue, table, column, lang)] = [
            format_value(
                cell["value"], cell["qualifier"], lang=lang, as_written=cell.get("as_written")
            )
            if cell
            else ""
            for cell in grid.get_column(column)
        ]
    return pl.DataFrame(out, schema=dict.fromkeys(out, pl.String))


def outcome_text(
    frame: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """Outcomes (`analytics.statutory.outcomes`) for reading: outcome (the metric's name), value,
    qualifier, text."""
    return pl.DataFrame(
        {
            "outcome": [catalogue.metrics[m].name(lang) for m in frame.get_column("metric")],
            "value": frame.get_column("value"),
            "qualifier": frame.get_column("qualifier"),
            "text": [
                format_value(v, q, lang=lang, as_written=w)
                for v, q, w in zip(
                    frame.get_column("value"),
                    frame.get_column("qualifier"),
                    frame.get_column("as_written")
                    if "as_written" in frame.columns
                    else [None] * frame.height,
                    strict=True,
                )
            ],
        },
        schema={
            "outcome": pl.String,
            "value": pl.Float64,
            "qualifier": pl.String,
            "text": pl.String,
        },
    )


def check_name(check: StatutoryCheck, catalogue: Catalogue, lang: str = DEFAULT_LANG) -> str:
    """A check as shown under its table: `自然人：三（七）= （一）至（六）之和` for a column,
    `1.属于国家秘密：总计 = 各申请人之和` for a row's column totals."""
    if check.row is not None:
        scope = row_label(check.row, lang, indent=False)
    else:
        scope = column_title(catalogue, check.table, check.column, lang)
    rule = in_language(check.rule.zh, check.rule.en, lang)
    return t("app.requests.check_name", lang, scope=scope, rule=rule)


def grid_title(grid: StatutoryGrid, lang: str = DEFAULT_LANG) -> str:
    """A grid's title as the form words it (`二、主动公开政府信息情况`)."""
    return in_language(grid.zh, grid.en, lang)


def grid_text(
    cells: pl.DataFrame, catalogue: Catalogue, grid_id: str, lang: str = DEFAULT_LANG
) -> list[tuple[str, pl.DataFrame]]:
    """A grid (`analytics.statutory.grid_cells`) for reading, block by block: the block's
    heading (`第二十条第（一）项`) and a frame with the rows' column (信息内容: the form's row
    labels) and one column per heading, each cell its figure as text, empty where none is given.
    A 万元 column says so in its heading: its cells are the figures as stored (90.1)."""
    grid = catalogue.grids[grid_id]
    if "as_written" not in cells.columns:  # cells laid out without the report's words
        cells = cells.with_columns(pl.lit(None, pl.String).alias("as_written"))
    texts = {
        (b, r, c): format_value(v, q, lang=lang, as_written=w) if q is not None else ""
        for b, r, c, v, q, w in cells.select(
            "block", "row", "column", "value", "qualifier", "as_written"
        ).rows()
    }
    item = grid.item.name(lang)
    out: list[tuple[str, pl.DataFrame]] = []
    for b, block in enumerate(grid.blocks):
        data: dict[str, list[str]] = {item: [row.name(lang) for row in block.rows]}
        for c, heading in enumerate(block.columns):
            data[heading.name(lang)] = [texts.get((b, r, c), "") for r in range(len(block.rows))]
        out.append((block.name(lang), pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))))
    return out
