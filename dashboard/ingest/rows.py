"""Rows of an upload to facts, column by column: Polars expressions and joins, no Python per row.

Blank and unfilled rows are dropped by expressions (`cells.py`); years, agencies, metrics,
channels and categories are read once per distinct cell in Python (`resolve.py`) and joined
back; value cells of the common shapes (`400`, `400余`, `98.5%`, a number cell) are read by
expressions (`numbers.py`) and the rest once per distinct cell by `values.parse_value`. A row
with an error gives no fact. The problems are those of the row-by-row reading it replaces, with
the same rows, columns, values and params (tests/test_ingest_golden.py,
benchmarks/ingest_identity.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.columns import FIELDS, column_spec
from dashboard.domain.mappings import ChannelMapping
from dashboard.domain.problems import Problem, ProblemCode
from dashboard.domain.units import PERCENT
from dashboard.domain.values import MAX_MAGNITUDE
from dashboard.ingest.cells import clean_text, is_blank, number_column, text_column
from dashboard.ingest.numbers import normalised, read_text, skeleton
from dashboard.ingest.resolve import (
    Findings,
    agency_table,
    category_table,
    channel_table,
    metric_attributes,
    metric_table,
    read_value,
    unit_finding,
    value_finding,
    year_table,
)

# Each field's findings in the order the row-by-row reading met them: (field, column).
FINDINGS = (
    ("year", "year_finding"),
    ("agency", "agency_finding"),
    ("metric", "metric_finding"),
    ("channel", "channel_finding"),
    ("category", "category_finding"),
    ("value", "value_first"),
    ("value", "value_second"),
)
# The fields of a Fact, in its order (validate.py builds Facts from these columns).
FACT_FIELDS = (
    "agency",
    "year",
    "metric",
    "channel",
    "category",
    "value",
    "qualifier",
    "note",
    "row",
    "unit",
    "as_written",
)
# The facts frame read_rows returns: a Fact's fields and the channel as the file wrote it.
FACT_COLUMNS = (*FACT_FIELDS, "channel_written")


@dataclass
class RowsRead:
    """Facts of the rows without errors (FACT_COLUMNS, in row order), the rows' problems, and
    the channel names read by rule."""

    facts: pl.DataFrame
    problems: list[Problem]
    mappings: list[ChannelMapping]


def read_rows(
    cells: pl.DataFrame,
    columns: Mapping[str, tuple[int, str]],
    catalogue: Catalogue,
    default_agency: str | None,
) -> RowsRead:
    """Read the rows of a frame of cells (`cells.py`); `columns`: field → (column index,
    header as written)."""
    titles = column_spec().titles

    def column(field: str) -> str:
        # As headed in the file, or as the template heads it when the file has none.
        return columns[field][1] if field in columns else titles[field]

    findings = Findings()
    frame = _fields(cells, columns)
    max_year = date.today().year + 1
    frame = _join(frame, year_table(_cells(frame, "raw_year"), max_year, findings), "raw_year")
    frame = _join(
        frame, agency_table(_cells(frame, "raw_agency"), default_agency, findings), "raw_agency"
    )
    frame = _join(
        frame, metric_table(_cells(frame, "raw_metric"), catalogue, findings), "raw_metric"
    )
    known = frame.filter(pl.col("metric").is_not_null())
    frame = _join(
        frame,
        channel_table(_pairs(known, "raw_channel"), catalogue, findings),
        "metric",
        "raw_channel",
    )
    frame = _join(
        frame,
        category_table(_pairs(known, "raw_category"), catalogue, findings),
        "metric",
        "raw_category",
    )
    frame = _values(frame, catalogue, findings)

    found = _found(frame)
    failed = (
        found.join(findings.frame(), on="finding", how="left")
        .filter(pl.col("error"))
        .select("row")
        .unique()
    )
    facts = frame.join(failed, on="row", how="anti", maintain_order="left").select(
        *FACT_COLUMNS[:7],
        pl.when(pl.col("t_note") != "").then(pl.col("t_note")).alias("note"),
        *FACT_COLUMNS[8:],
    )
    problems = [
        Problem(
            finding.code,
            finding.severity,
            row=row,
            column=column(FINDINGS[order][0]),
            value=value,
            params=dict(finding.params),
        )
        for row, order, index, value in found.iter_rows()
        for finding in (findings.items[index],)
    ]
    mapped = frame.filter(pl.col("by_rule").fill_null(False))
    mappings = [
        ChannelMapping(row, column("channel"), text, channel)
        for row, text, channel in mapped.select("row", "channel_text", "channel").iter_rows()
    ]
    return RowsRead(facts, problems, mappings)


def _fields(cells: pl.DataFrame, columns: Mapping[str, tuple[int, str]]) -> pl.DataFrame:
    """Each field's cells (`raw_year`, … `raw_note`; `num` for number cells of the value
    column) of the rows that give a figure, and the note as text."""

    def raw(field: str) -> pl.Expr:
        name = text_column(columns[field][0]) if field in columns else None
        if name is None or name not in cells.columns:
            return pl.lit(None, pl.String)
        return pl.col(name)

    numbers = number_column(columns["value"][0]) if "value" in columns else None
    frame = cells.select(
        "row",
        *[raw(f).alias(f"raw_{f}") for f in FIELDS],
        (pl.col(numbers) if numbers in cells.columns else pl.lit(None, pl.Float64)).alias("num"),
    )
    # A blank line, or a template row nobody filled in (the template prefills year, agency,
    # metric, channel and category: only a value or a note shows that someone meant a figure).
    blank_metric, blank_value, blank_note = (
        is_blank(pl.col(f"raw_{f}")) for f in ("metric", "value", "note")
    )
    frame = frame.filter(~(blank_metric & blank_value) & ~(blank_value & blank_note))
    return frame.with_columns(clean_text(pl.col("raw_note")).alias("t_note"))


def _found(frame: pl.DataFrame) -> pl.DataFrame:
    """Every finding of every row — row, order within the row, finding, the cell as typed — in
    the order the row-by-row reading met them."""
    return pl.concat(
        [
            frame.select(
                "row",
                pl.lit(order, pl.Int32).alias("order"),
                pl.col(name).alias("finding"),
                pl.col(f"raw_{field}").fill_null("").alias("value"),
            ).filter(pl.col("finding").is_not_null())
            for order, (field, name) in enumerate(FINDINGS)
        ]
    ).sort("row", "order", maintain_order=True)


def _cells(frame: pl.DataFrame, name: str) -> list[str | None]:
    """The distinct cells of a column, in the order the file first has them."""
    return frame.get_column(name).unique(maintain_order=True).to_list()


def _pairs(frame: pl.DataFrame, name: str) -> list[tuple[str, str | None]]:
    """The distinct (metric, cell) pairs of a column."""
    pairs = frame.select("metric", name).unique(maintain_order=True)
    return list(pairs.iter_rows())


def _join(frame: pl.DataFrame, table: pl.DataFrame, *keys: str) -> pl.DataFrame:
    """What each distinct cell was read as, onto each row (a blank cell is a cell too)."""
    return frame.join(table, on=list(keys), how="left", nulls_equal=True, maintain_order="left")


def _values(frame: pl.DataFrame, catalogue: Catalogue, findings: Findings) -> pl.DataFrame:
    """Value, qualifier, unit and written form of each row, with up to two findings: the
    reading's (an error, or a unit contradicting the metric) and the number's against its
    metric (negative, not whole, out of range …)."""
    raw, num = pl.col("raw_value"), pl.col("num")
    frame = frame.join(metric_attributes(catalogue), on="metric", how="left", maintain_order="left")
    frame = frame.with_columns(num.is_not_null().alias("is_number"))
    # Text cells read by expressions, once per distinct cell; script conversion works on
    # phrases, so the shapes read are checked together too, once each.
    texts = frame.filter(~pl.col("is_number")).select("raw_value").unique()
    texts = read_text(texts, "raw_value").with_columns(skeleton(raw).alias("shape"))
    kept = normalised(texts.filter(pl.col("plain")).get_column("shape").unique().to_list())
    texts = texts.with_columns(
        (pl.col("plain") & pl.col("shape").is_in(sorted(kept))).alias("plain"),
        raw.alias("plain_written"),
        pl.lit(False).alias("is_number"),
    ).drop("shape")
    frame = frame.join(
        texts, on=["raw_value", "is_number"], how="left", nulls_equal=True, maintain_order="left"
    )
    # A number cell: a whole number is written as such (5.0 → 5); others go to parse_value.
    whole_number = (
        num.is_not_null() & num.is_finite() & (num.abs() <= MAX_MAGNITUDE) & (num == num.floor())
    )
    frame = frame.with_columns(
        (pl.col("plain").fill_null(False) | whole_number).alias("plain"),
        pl.when(whole_number).then(num).otherwise(pl.col("plain_value")).alias("plain_value"),
        pl.when(whole_number)
        .then(pl.lit("exact"))
        .otherwise(pl.col("plain_qualifier"))
        .alias("plain_qualifier"),
        pl.when(whole_number).then(None).otherwise(pl.col("plain_unit")).alias("plain_unit"),
        pl.when(whole_number).then(None).otherwise(pl.col("plain_error")).alias("plain_error"),
        pl.when(whole_number)
        .then(num.cast(pl.Int64).cast(pl.String))
        .otherwise(pl.col("plain_written"))
        .alias("plain_written"),
    )
    frame = _read_rest(_plain_findings(frame, catalogue, findings), catalogue, findings)
    plain = pl.col("plain")
    failed = pl.col("plain_error").is_not_null()
    return frame.with_columns(
        pl.when(plain & ~failed)
        .then(pl.col("plain_value"))
        .when(plain)
        .then(None)
        .otherwise(pl.col("read_value"))
        .alias("value"),
        pl.when(plain & ~failed)
        .then(pl.col("plain_qualifier"))
        .when(plain)
        .then(pl.lit("exact"))
        .otherwise(pl.col("read_qualifier"))
        .alias("qualifier"),
        pl.when(plain & ~failed)
        .then(pl.col("plain_unit"))
        .when(plain)
        .then(None)
        .otherwise(pl.col("read_unit"))
        .alias("unit"),
        pl.when(plain & ~failed)
        .then(pl.col("plain_written"))
        .when(plain)
        .then(None)
        .otherwise(pl.col("read_written"))
        .alias("as_written"),
        pl.when(plain)
        .then(pl.col("plain_first"))
        .otherwise(pl.col("read_first"))
        .alias("value_first"),
        pl.when(plain)
        .then(pl.col("plain_second"))
        .otherwise(pl.col("read_second"))
        .alias("value_second"),
    ).drop(
        # the readings' own columns: 300,000 rows of them are worth dropping before the rest
        [c for c in frame.columns if c.startswith(("plain", "read_"))]
        + [c for c in metric_attributes(catalogue).columns if c != "metric"]
        + ["num", "is_number", "breaks", "unit_finding"]
    )


def _read_rest(frame: pl.DataFrame, catalogue: Catalogue, findings: Findings) -> pl.DataFrame:
    """The value cells the expressions leave (`plain` false), read by `parse_value` once per
    distinct (cell, metric): `read_value`, `read_qualifier`, … `read_second`."""
    # A number cell's text names its number (the text is its repr): the text is the key,
    # never a float.
    rest = (
        frame.filter(~pl.col("plain"))
        .unique(["raw_value", "is_number", "metric"], keep="first", maintain_order=True)
        .select("raw_value", "num", "metric")
        .rows()
    )
    reads = [
        read_value(
            n if n is not None else r,
            catalogue.metrics[m] if m is not None else None,
            findings,
        )
        for r, n, m in rest
    ]
    table = pl.DataFrame(
        {
            "raw_value": [r for r, _, _ in rest],
            "is_number": [n is not None for _, n, _ in rest],
            "metric": [m for _, _, m in rest],
            "read_value": [x.parsed.value for x in reads],
            "read_qualifier": [str(x.parsed.qualifier) for x in reads],
            "read_unit": [x.parsed.unit for x in reads],
            "read_written": [x.parsed.as_written for x in reads],
            "read_first": [x.first for x in reads],
            "read_second": [x.second for x in reads],
        },
        schema={
            "raw_value": pl.String,
            "is_number": pl.Boolean,
            "metric": pl.String,
            "read_value": pl.Float64,
            "read_qualifier": pl.String,
            "read_unit": pl.String,
            "read_written": pl.String,
            "read_first": pl.Int64,
            "read_second": pl.Int64,
        },
    )
    return frame.join(
        table,
        on=["raw_value", "is_number", "metric"],
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )


def _plain_findings(frame: pl.DataFrame, catalogue: Catalogue, findings: Findings) -> pl.DataFrame:
    """`plain_first` and `plain_second` of the values read by expressions: the reading's error
    or a unit contradicting the metric; what the number breaks. Each decided in Python once
    per distinct case."""
    errors = {
        code: findings.add(ProblemCode(code)) for code in ("value-too-large", "value-at-most-zero")
    }
    ok = pl.col("plain") & pl.col("plain_error").is_null() & pl.col("metric").is_not_null()
    pairs = (
        frame.filter(ok & pl.col("plain_unit").is_not_null())
        .select("plain_unit", "metric")
        .unique(maintain_order=True)
        .rows()
    )
    units_table = pl.DataFrame(
        {
            "plain_unit": [u for u, _ in pairs],
            "metric": [m for _, m in pairs],
            "unit_finding": [unit_finding(catalogue.metrics[m], u, findings) for u, m in pairs],
        },
        schema={"plain_unit": pl.String, "metric": pl.String, "unit_finding": pl.Int64},
    )
    frame = frame.join(units_table, on=["plain_unit", "metric"], how="left", maintain_order="left")
    frame = frame.with_columns(_breaks(ok).alias("breaks"))
    # The written form is the key: one text, one number and unit (-0 and 0 break nothing alike).
    broken = (
        frame.filter(pl.col("breaks"))
        .unique(["metric", "plain_written"], keep="first", maintain_order=True)
        .select("metric", "plain_written", "plain_value", "plain_unit")
        .rows()
    )
    broken_table = pl.DataFrame(
        {
            "metric": [m for m, _, _, _ in broken],
            "plain_written": [w for _, w, _, _ in broken],
            "plain_second": [
                value_finding(catalogue.metrics[m], v, u == PERCENT, findings)
                for m, _, v, u in broken
            ],
        },
        schema={"metric": pl.String, "plain_written": pl.String, "plain_second": pl.Int64},
    )
    frame = frame.join(
        broken_table, on=["metric", "plain_written"], how="left", maintain_order="left"
    )
    error = pl.col("plain_error")
    return frame.with_columns(
        pl.when(error == "value-too-large")
        .then(pl.lit(errors["value-too-large"], pl.Int64))
        .when(error == "value-at-most-zero")
        .then(pl.lit(errors["value-at-most-zero"], pl.Int64))
        .otherwise(pl.col("unit_finding"))
        .alias("plain_first")
    )


def _breaks(ok: pl.Expr) -> pl.Expr:
    """Whether a number read by expressions breaks a rule of its metric (a superset of
    `resolve.value_finding`'s cases, which then decides)."""
    value = pl.col("plain_value")
    percent = pl.col("is_percent")
    return (
        ok
        & (
            (percent & ~((value >= 0) & (value <= 100)))
            | ((value < 0) & ~pl.col("allows_negative"))
            | (pl.col("is_integer") & (value != value.floor()))
            | (pl.col("is_rank") & (value < 1))
            | (percent & (value > 0) & (value <= 1))
        )
    ).fill_null(False)
