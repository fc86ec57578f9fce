"""The points of an agency's year for the overview's one-paragraph account, from its figures.

Only figures that exist are taken; qualifiers are kept (400, at least); changes are against the
latest earlier year with the same figure. The paragraph itself, in Chinese or English, is written
by the formatting layer (`dashboard.i18n.wording.summary_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.analytics.channels import ITEMS, channel_items
from dashboard.analytics.headlines import slot_filter, year_change
from dashboard.analytics.hotline import hotline_years
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Change, Figure


@dataclass(frozen=True)
class ChannelPoint:
    """Items published on one channel, with the change on the latest earlier year."""

    channel: str
    figure: Figure
    change: Change | None  # None for a total derived from its parts: not compared


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

    @property
    def empty(self) -> bool:
        return not (self.channels or self.hotline_received or self.requests_new or self.meetings)


def _figure(
    agency_facts: pl.DataFrame, year: int, metric: str, channel: str | None = None
) -> Figure | None:
    rows = agency_facts.filter((pl.col("year") == year) & slot_filter(metric, channel))
    if not rows.height:
        return None
    row = rows.row(0, named=True)
    return Figure(row["value"], row["qualifier"])


def year_summary(
    agency_facts: pl.DataFrame, agency: str, year: int, catalogue: Catalogue
) -> YearSummary:
    """The points of the overview's paragraph for one agency-year."""
    channels = channel_items(agency_facts, year, catalogue).filter(pl.col("value").is_not_null())
    points = tuple(
        ChannelPoint(
            r["channel"],
            Figure(r["value"], r["qualifier"]),
            None if r["derived"] else year_change(agency_facts, year, ITEMS, r["channel"]),
        )
        for r in channels.iter_rows(named=True)
    )
    received = closure_rate = None
    hotline = hotline_years(agency_facts).filter(pl.col("year") == year)
    if hotline.height:
        h = hotline.row(0, named=True)
        if h["received"] is not None:
            received = Figure(h["received"], h["received_qualifier"])
            if h["closure_rate"] is not None:
                closure_rate = Figure(h["closure_rate"], h["closure_rate_qualifier"], percent=True)
    meetings = _figure(agency_facts, year, "meetings")
    return YearSummary(
        agency=agency,
        year=year,
        channels=points,
        hotline_received=received,
        hotline_closure_rate=closure_rate,
        requests_new=_figure(agency_facts, year, "requests_new"),
        meetings=meetings if meetings is not None and meetings.value else None,
    )
