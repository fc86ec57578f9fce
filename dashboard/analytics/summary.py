"""The points of an agency's year for the overview's one-paragraph account, from its figures.

Only figures that exist are taken; qualifiers are kept (400, at least); changes are against the
latest earlier year with the same figure. The paragraph itself, in Chinese or English, is written
by the formatting layer (`dashboard.i18n.wording.summary_text`). Nothing here assumes a kind of
agency: a housing bureau's year reads from its own figures as an education bureau's does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from dashboard.analytics.channels import ITEMS, channel_items
from dashboard.analytics.headlines import slot_filter, year_change
from dashboard.analytics.hotline import hotline_years
from dashboard.analytics.interaction import interaction_metrics
from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.values import Change, Figure


@dataclass(frozen=True)
class ChannelPoint:
    """Items published on one channel, with the change on the latest earlier year."""

    channel: str
    figure: Figure
    change: Change | None  # None for a total derived from its parts: not compared


Slot = tuple[str, str | None, str | None]  # metric, channel, category

# Figures named after the hotline and the requests, in this order, when the year gives them.
OTHER_FIGURES = ("interpretations", "media_reports")


@dataclass(frozen=True)
class NamedFigure:
    """A figure the paragraph names: where it is stored, the figure, and its unit."""

    metric: str
    channel: str | None
    category: str | None
    figure: Figure
    unit: str  # as written, else the catalogue's; "" for a rate

    @property
    def slot(self) -> Slot:
        return (self.metric, self.channel, self.category)


@dataclass(frozen=True)
class YearSummary:
    """What the paragraph says of one agency-year; None / () where there is nothing to say."""

    agency: str
    year: int
    # Every channel with a figure, largest first: the paragraph names the largest few, ties
    # broken by the name shown (a choice of the formatting layer, as the name is).
    channels: tuple[ChannelPoint, ...] = ()
    hotline_received: Figure | None = None
    hotline_closure_rate: Figure | None = None  # only with the cases received
    requests_new: Figure | None = None
    meetings: Figure | None = None  # only when meetings were held: none is not news
    total: NamedFigure | None = None  # the all-channel total the report states
    others: tuple[NamedFigure, ...] = ()  # policy interpretations, news-media reports
    interaction: tuple[NamedFigure, ...] = ()  # online interviews, opinions solicited …
    # Where the hotline, requests and meetings figures above are stored (the overview lists
    # the figures the paragraph does not name).
    slots: tuple[Slot, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.channels
            or self.hotline_received
            or self.requests_new
            or self.meetings
            or self.total
            or self.others
            or self.interaction
        )


def figure_of(row: Mapping[str, Any], metric: Metric, column: str = "value") -> Figure:
    """The figure in a frame row, with the report's words: `value`, `qualifier`, `unit`,
    `as_written` — or, for a `column` other than value (hotline and submissions frames),
    `<column>`, `<column>_qualifier`, `<column>_unit`, `<column>_as_written`. The unit shown is
    the one written, else the metric's; a rate has none (its text carries the %)."""
    prefix = "" if column == "value" else f"{column}_"
    unit = None if metric.is_percent else (row.get(f"{prefix}unit") or metric.unit)
    return Figure(
        row[column],
        row[f"{prefix}qualifier"],
        percent=metric.is_percent,
        unit=unit,
        as_written=row.get(f"{prefix}as_written"),
    )


def _figure(
    agency_facts: pl.DataFrame, year: int, metric: str, channel: str | None = None
) -> Figure | None:
    rows = agency_facts.filter((pl.col("year") == year) & slot_filter(metric, channel))
    if not rows.height:
        return None
    row = rows.row(0, named=True)
    return Figure(
        row["value"], row["qualifier"], unit=row.get("unit"), as_written=row.get("as_written")
    )


def _named(year_facts: pl.DataFrame, catalogue: Catalogue, metric: str) -> list[NamedFigure]:
    """Every figure of a metric the year gives as a number, in the order stored."""
    m = catalogue.metrics[metric]
    rows = year_facts.filter((pl.col("metric") == metric) & pl.col("value").is_not_null())
    return [
        NamedFigure(
            metric,
            r["channel"],
            r["category"],
            figure_of(r, m),
            "" if m.is_percent else (r.get("unit") or m.unit),
        )
        for r in rows.iter_rows(named=True)
    ]


def _slots(year_facts: pl.DataFrame, metrics: tuple[str, ...]) -> tuple[Slot, ...]:
    rows = year_facts.filter(
        pl.col("metric").is_in(list(metrics))
        & pl.col("category").is_null()
        & pl.col("value").is_not_null()
    )
    return tuple((r["metric"], r["channel"], None) for r in rows.iter_rows(named=True))


def year_summary(
    agency_facts: pl.DataFrame, agency: str, year: int, catalogue: Catalogue
) -> YearSummary:
    """The points of the overview's paragraph for one agency-year."""
    channels = channel_items(agency_facts, year, catalogue).filter(pl.col("value").is_not_null())
    points = tuple(
        ChannelPoint(
            r["channel"],
            figure_of(r, catalogue.metrics[ITEMS]),
            None if r["derived"] else year_change(agency_facts, year, ITEMS, r["channel"]),
        )
        for r in channels.iter_rows(named=True)
    )
    received = closure_rate = None
    hotline = hotline_years(agency_facts).filter(pl.col("year") == year)
    if hotline.height:
        h = hotline.row(0, named=True)
        if h["received"] is not None:
            received = figure_of(h, catalogue.metrics["hotline_received"], "received")
            if h["closure_rate"] is not None:
                rate = catalogue.metrics["hotline_closure_rate"]
                closure_rate = figure_of(h, rate, "closure_rate")
    meetings = _figure(agency_facts, year, "meetings")
    if meetings is not None and not meetings.value:
        meetings = None
    requests_new = _figure(agency_facts, year, "requests_new")
    mine = agency_facts.filter(pl.col("year") == year)
    total = [n for n in _named(mine, catalogue, ITEMS) if n.channel is None and n.category is None]
    named_metrics = (
        *(("hotline_received",) if received else ()),
        *(("hotline_closure_rate",) if closure_rate else ()),
        *(("requests_new",) if requests_new else ()),
        *(("meetings",) if meetings else ()),
    )
    return YearSummary(
        agency=agency,
        year=year,
        channels=points,
        hotline_received=received,
        hotline_closure_rate=closure_rate,
        requests_new=requests_new,
        meetings=meetings,
        total=total[0] if total else None,
        others=tuple(
            n
            for metric in OTHER_FIGURES
            if metric in catalogue.metrics
            for n in _named(mine, catalogue, metric)
            if n.category is None
        ),
        interaction=tuple(
            n
            for metric in interaction_metrics(catalogue)
            for n in _named(mine, catalogue, metric)
            if n.channel is None and n.category is None
        ),
        slots=_slots(mine, named_metrics),
    )
