"""Figure cards for a page section: every figure of some metrics that an agency gives, as it
stands in the chosen year, with its change and history (like the overview's key figures).

Used where figures have units of their own and share no axis (interaction), and where a page
shows the year's figures as text above its trend charts (new media).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from dashboard.analytics.headlines import HeadlinePoint, headline_point
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import Headline


def slot_names(
    catalogue: Catalogue, metric: str, channel: str | None, category: str | None
) -> tuple[str, str]:
    """A figure's card label as the catalogue declares it, in Chinese and in English:
    `微博 · 关注人数`, the channel and category first where given."""
    m = catalogue.metrics[metric]
    names = []
    for code in ("zh", "en"):
        parts = [
            catalogue.channel_name(channel, code) if channel else "",
            catalogue.category_name(m, category, code) if category else "",
            m.name(code),
        ]
        names.append(" · ".join(p for p in parts if p))
    return names[0], names[1]


def slot_points(
    agency_facts: pl.DataFrame,
    year: int,
    catalogue: Catalogue,
    metrics: Sequence[str],
    *,
    channels: Sequence[str] | None = None,
    by_channel: bool = False,
    parts: bool = True,
) -> list[HeadlinePoint]:
    """A card for each figure (metric, channel, category) of `metrics` that the agency gives as
    a number in any year, as it stands in `year` (value None when that year does not give it).

    Order: by metric as given, then channel; with `by_channel`, by channel first (as `channels`
    lists them). `channels` keeps only figures on those channels; without `parts`, figures
    with a category (the parts of a total) are left out.
    """
    metric_order = {m: i for i, m in enumerate(metrics)}
    channel_order = {c: i for i, c in enumerate(channels or ())}
    rows = agency_facts.filter(
        pl.col("metric").is_in(list(metric_order)) & pl.col("value").is_not_null()
    )
    if channels is not None:
        rows = rows.filter(pl.col("channel").is_in(list(channels)))
    if not parts:
        rows = rows.filter(pl.col("category").is_null())
    slots = (
        rows.select("metric", "channel", "category")
        .unique()
        .with_columns(
            pl.col("metric").replace_strict(metric_order, return_dtype=pl.Int32).alias("m"),
            pl.col("channel")
            .replace_strict(channel_order, default=len(channel_order), return_dtype=pl.Int32)
            .alias("c"),
        )
        .sort(
            ["c", "m", "channel", "category"] if by_channel else ["m", "c", "channel", "category"],
            nulls_last=False,
        )
    )
    points = []
    for slot in slots.iter_rows(named=True):
        metric, channel, category = slot["metric"], slot["channel"], slot["category"]
        zh, en = slot_names(catalogue, metric, channel, category)
        headline = Headline(zh=zh, en=en, metric=metric, channel=channel, category=category)
        points.append(headline_point(agency_facts, year, headline, catalogue))
    return points
