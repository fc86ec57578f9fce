"""Headline figures for the pages, computed from the current facts (a Polars frame).

Pages ask for "the headline figures of agency A in year Y" and get numbers with their qualifiers
kept (400, at least), None where a figure is missing (never 0), the change against the latest
earlier year as a number, and the history for a sparkline. The words (`400余`, `未报告`,
`较2019年`) are the formatting layer's: `dashboard.i18n.wording.headline_cards`.

Which headlines an agency gets is chosen from its own figures (`choose_headlines`): the priority
list of `data/catalogue/headlines.toml`, keeping those it reports for the year and then those it
reported in another year only, up to the list's cap. A housing bureau that gives three figures
gets three cards, not eight with five reading 未报告.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import Headline, headlines, max_cards
from dashboard.domain.values import Change, Qualifier, change_between


@dataclass(frozen=True)
class HeadlinePoint:
    """One headline figure of a year, as numbers: value, qualifier, unit, change, history."""

    headline: Headline  # the card's label (zh/en) and the figure's slot
    value: float | None
    qualifier: str
    percent: bool
    unit: str  # the unit as written, else the catalogue's (`条`); "" for rates and for a
    # figure not reported
    note: str | None  # the report's own words
    change: Change | None = None  # against the latest earlier year with the figure
    history: tuple[float, ...] = ()  # values over the years up to this one, for a sparkline
    as_written: str | None = None  # the value cell as the report wrote it (`3.17万`)


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


def _years_given(agency_facts: pl.DataFrame, h: Headline) -> pl.Series:
    """The years in which the agency gives a number for the headline's figure."""
    return agency_facts.filter(
        slot_filter(h.metric, h.channel, h.category) & pl.col("value").is_not_null()
    ).get_column("year")


def choose_headlines(
    agency_facts: pl.DataFrame,
    year: int,
    candidates: Sequence[Headline],
    limit: int,
) -> list[Headline]:
    """The headlines an agency's overview shows for a year, in the candidates' order.

    A candidate is shown when the agency gives its figure as a number this year; when fewer than
    `limit` are, candidates it gave in another year only are added (they read 未报告, so the gap
    is seen), most wanted first. A candidate never given by the agency is left out.
    """
    this_year: list[Headline] = []
    other_years: list[Headline] = []
    for h in candidates:
        years = _years_given(agency_facts, h)
        if years.is_empty():
            continue
        (this_year if (years == year).any() else other_years).append(h)
    chosen = set(this_year[:limit]) | set(other_years[: max(0, limit - len(this_year))])
    return [h for h in candidates if h in chosen]


def headline_points(
    agency_facts: pl.DataFrame,
    year: int,
    catalogue: Catalogue,
    *,
    candidates: Sequence[Headline] | None = None,
    limit: int | None = None,
) -> list[HeadlinePoint]:
    """The headline figures of one agency in one year, with change and history: chosen from the
    catalogue's priority list (or `candidates`) by `choose_headlines`, at most `limit` (the
    list's `max_cards`)."""
    chosen = choose_headlines(
        agency_facts,
        year,
        headlines() if candidates is None else candidates,
        max_cards() if limit is None else limit,
    )
    return [headline_point(agency_facts, year, h, catalogue) for h in chosen]


def headline_point(
    agency_facts: pl.DataFrame, year: int, h: Headline, catalogue: Catalogue
) -> HeadlinePoint:
    """One headline's figure in one year, with its change and history (value None when the
    year does not give it)."""
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
    return HeadlinePoint(
        headline=h,
        value=value,
        qualifier=str(row["qualifier"] if row else Qualifier.NOT_REPORTED),
        percent=metric.is_percent,
        unit="" if metric.is_percent or value is None else (row.get("unit") or metric.unit),
        note=row["note"] if row else None,
        change=year_change(
            agency_facts, year, h.metric, h.channel, h.category, percent=metric.is_percent
        ),
        history=history,
        as_written=row.get("as_written") if row else None,
    )


def _eq(column: str, value: str | None) -> pl.Expr:
    return pl.col(column).is_null() if value is None else pl.col(column) == value


def facts_listing(facts: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """Facts in catalogue order (then as given), as ids and numbers.

    Columns: metric, channel, category, value, qualifier, percent, unit (as written, else the
    catalogue's; "" for rates), note, as_written (the value cell as the report wrote it).
    """
    metrics = catalogue.metrics
    order = {m: i for i, m in enumerate(metrics)}
    ids = facts.get_column("metric").to_list()
    return (
        facts.select(
            "metric",
            "channel",
            "category",
            "value",
            "qualifier",
            "note",
            "as_written",
            pl.col("unit").alias("written_unit"),
        )
        .with_columns(
            pl.Series("order", [order[m] for m in ids], dtype=pl.Int32),
            pl.Series("percent", [metrics[m].is_percent for m in ids], dtype=pl.Boolean),
            pl.Series("metric_unit", [metrics[m].unit for m in ids], dtype=pl.String),
        )
        .with_columns(
            pl.when(pl.col("percent"))
            .then(pl.lit(""))
            .otherwise(pl.coalesce("written_unit", "metric_unit"))
            .alias("unit")
        )
        .sort("order", maintain_order=True)
        .select(
            "metric",
            "channel",
            "category",
            "value",
            "qualifier",
            "percent",
            "unit",
            "note",
            "as_written",
        )
    )
