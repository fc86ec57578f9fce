"""Headline figures for the pages, computed from the current facts (a Polars frame).

Pages ask for "the headline figures of agency A in year Y" and get numbers with their qualifiers
kept (400, at least), None where a figure is missing (never 0), the change against the latest
earlier year as a number, and the history for a sparkline. The words (`400余`, `未报告`,
`较2019年`) are the formatting layer's: `dashboard.i18n.wording.headline_cards`.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import Headline, headlines
from dashboard.domain.values import Change, Qualifier, change_between


@dataclass(frozen=True)
class HeadlinePoint:
    """One headline figure of a year, as numbers: value, qualifier, unit, change, history."""

    headline: Headline  # the card's label (zh/en) and the figure's slot
    value: float | None
    qualifier: str
    percent: bool
    unit: str  # the catalogue's unit (`条`); "" for rates and for a figure not reported
    note: str | None  # the report's own words
    change: Change | None = None  # against the latest earlier year with the figure
    history: tuple[float, ...] = ()  # values over the years up to this one, for a sparkline


def year_facts(facts: pl.DataFrame, agency: str, year: int) -> pl.DataFrame:
    return facts.filter((pl.col("agency") == agency) & (pl.col("year") == year))


def agency_facts(facts: pl.DataFrame, agency: str) -> pl.DataFrame:
    return facts.filter(pl.col("agency") == agency)


def slot_filter(metric: str, channel: str | None = None, category: str | None = None) -> pl.Expr:
    """Rows of one figure: a metric, with the channel and category given (None = blank)."""
    return (pl.col("metric") == metric) & _eq("channel", channel) & _eq("category", category)


def year_change(
    agency_facts: pl.DataFrame,
    year: int,
    metric: str,
    channel: str | None = None,
    category: str | None = None,
    *,
    percent: bool = False,
) -> Change | None:
    """The change of one figure against the latest earlier year that has it (`since`); None
    when this year or every earlier year lacks it."""
    rows = agency_facts.filter(
        slot_filter(metric, channel, category)
        & (pl.col("year") <= year)
        & pl.col("value").is_not_null()
    ).sort("year")
    if rows.height < 2 or rows.row(-1, named=True)["year"] != year:
        return None
    before, now = rows.row(-2, named=True), rows.row(-1, named=True)
    return change_between(
        before["value"],
        before["qualifier"],
        now["value"],
        now["qualifier"],
        percent=percent,
        since=before["year"],
    )


def headline_points(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue
) -> list[HeadlinePoint]:
    """The declared headline figures of one agency in one year, with change and history."""
    figures = []
    for h in headlines():
        metric = catalogue.metrics[h.metric]
        rows = agency_facts.filter(slot_filter(h.metric, h.channel, h.category)).sort("year")
        current = rows.filter(pl.col("year") == year)
        row = current.row(0, named=True) if current.height else None
        value = row["value"] if row else None
        history = tuple(
            rows.filter((pl.col("year") <= year) & pl.col("value").is_not_null())
            .get_column("value")
            .to_list()
        )
        figures.append(
            HeadlinePoint(
                headline=h,
                value=value,
                qualifier=str(row["qualifier"] if row else Qualifier.NOT_REPORTED),
                percent=metric.is_percent,
                unit="" if metric.is_percent or value is None else metric.unit,
                note=row["note"] if row else None,
                change=year_change(
                    agency_facts, year, h.metric, h.channel, h.category, percent=metric.is_percent
                ),
                history=history,
            )
        )
    return figures


def _eq(column: str, value: str | None) -> pl.Expr:
    return pl.col(column).is_null() if value is None else pl.col(column) == value


def facts_listing(facts: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """Facts in catalogue order (then as given), as ids and numbers.

    Columns: metric, channel, category, value, qualifier, percent, unit (the catalogue's; ""
    for rates), note.
    """
    metrics = catalogue.metrics
    order = {m: i for i, m in enumerate(metrics)}
    ids = facts.get_column("metric").to_list()
    return (
        facts.select("metric", "channel", "category", "value", "qualifier", "note")
        .with_columns(
            pl.Series("order", [order[m] for m in ids], dtype=pl.Int32),
            pl.Series("percent", [metrics[m].is_percent for m in ids], dtype=pl.Boolean),
            pl.Series(
                "unit",
                ["" if metrics[m].is_percent else metrics[m].unit for m in ids],
                dtype=pl.String,
            ),
        )
        .sort("order", maintain_order=True)
        .select("metric", "channel", "category", "value", "qualifier", "percent", "unit", "note")
    )
