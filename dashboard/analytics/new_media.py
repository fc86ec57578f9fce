"""WeChat / Weibo / short-video figures: posts, followers and reads over the years, and their
share of everything published."""

from __future__ import annotations

import polars as pl

from dashboard.analytics.channels import (
    WORDS,
    channel_totals,
    total_items,
    without_combined_parts,
)
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier

MEASURES = {"posts": "items_published", "followers": "followers", "reads": "reads"}


def new_media_channels(catalogue: Catalogue) -> list[str]:
    return [c.id for c in catalogue.channels.values() if c.kind == "new_media"]


def new_media_trend(agency_facts: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """Columns: year, channel, measure (posts/followers/reads), value, qualifier, unit,
    as_written."""
    channels = new_media_channels(catalogue)
    posts = (
        channel_totals(agency_facts)
        .filter(pl.col("channel").is_in(channels))
        .select("year", "channel", pl.lit("posts").alias("measure"), "value", "qualifier", *WORDS)
    )
    others = agency_facts.filter(
        pl.col("metric").is_in(["followers", "reads"])
        & pl.col("channel").is_in(channels)
        & pl.col("category").is_null()
    ).select(
        "year",
        "channel",
        pl.col("metric").alias("measure"),
        "value",
        "qualifier",
        *WORDS,
    )
    return pl.concat([posts, others]).sort("measure", "channel", "year")


def new_media_share(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue
) -> tuple[float, bool] | None:
    """Share (0–100) of new-media posts among all items published in a year, and whether it is
    approximate (a qualified or derived figure is involved). None without both parts.
    A combined channel (微博微信合计) stands for the channels it combines: each post once."""
    total = total_items(agency_facts, year, catalogue)
    posts = without_combined_parts(
        channel_totals(agency_facts).filter(
            (pl.col("year") == year)
            & pl.col("channel").is_in(new_media_channels(catalogue))
            & pl.col("value").is_not_null()
        ),
        catalogue,
    )
    if total is None or not posts.height or not total[0]:
        return None
    share = float(posts.get_column("value").sum()) / total[0] * 100
    approximate = (
        total[1] != Qualifier.EXACT or (posts.get_column("qualifier") != str(Qualifier.EXACT)).any()
    )
    return min(share, 100.0), bool(approximate)
