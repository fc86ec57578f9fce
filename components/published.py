"""Items published as a whole, for the overview and 发布渠道: the channel chart's rows with the
all-channel total a report states on top, the total's categories beside the channels' ones, and
the total's line in the trend."""

from __future__ import annotations

import polars as pl

from components.page import PageContext
from dashboard.analytics.channels import ITEMS, channel_categories, channel_items, channel_trend
from dashboard.analytics.published import stated_total, total_categories, total_trend
from dashboard.i18n.format import format_value
from dashboard.i18n.pages import figure_with_unit
from dashboard.i18n.wording import (
    channel_categories_table,
    channel_items_table,
    channel_trend_table,
)

TOTAL_KIND = "total"  # the kind of the total's bar (drawn in a colour of its own)


def _texts(frame: pl.DataFrame, lang: str) -> pl.Series:
    """The figures of a frame of facts (value, qualifier, as_written) as the report wrote them."""
    return pl.Series(
        [
            format_value(v, q, lang=lang, as_written=w)
            for v, q, w in zip(frame["value"], frame["qualifier"], frame["as_written"], strict=True)
        ],
        dtype=pl.String,
    )


def _like(frame: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """`rows` with the columns of `frame`, in its order (null where `rows` has none)."""
    return rows.select(
        (rows[c] if c in rows.columns else pl.lit(None)).cast(dtype).alias(c)
        for c, dtype in frame.schema.items()
    )


def total_name(page: PageContext) -> str:
    """`全部渠道（合计）`, the name of the all-channel total in charts."""
    return page.t("app.channels.total")


def items_with_total(page: PageContext) -> pl.DataFrame:
    """Items per channel (`wording.channel_items_table`), with the total the report states for
    all channels as the first row (channel null, kind `total`)."""
    items = channel_items_table(
        channel_items(page.agency_facts, page.year, page.catalogue), page.catalogue, page.lang
    )
    total = stated_total(page.agency_facts, page.year)
    if total.is_empty():
        return items
    first = total.head(1).with_columns(
        pl.lit(total_name(page)).alias("name"),
        pl.lit(TOTAL_KIND).alias("kind"),
        pl.lit(False).alias("derived"),
        _texts(total.head(1), page.lang).alias("text"),
    )
    return pl.concat([_like(items, first), items])


def categories_with_total(page: PageContext, *, channels: bool = True) -> pl.DataFrame:
    """Categories (`wording.channel_categories_table`): the all-channel total's parts first
    (their group named after the total: `全部渠道（共215条）`), then, with `channels`, the
    categories within each channel."""
    catalogue, lang = page.catalogue, page.lang
    metric = catalogue.metrics[ITEMS]
    parts = total_categories(page.agency_facts, page.year)
    total = stated_total(page.agency_facts, page.year)
    group = total_name(page)
    if total.height:
        row = total.row(0, named=True)
        written = figure_with_unit(
            row["value"],
            row["qualifier"],
            unit=row["unit"] or metric.unit,
            as_written=row["as_written"],
            lang=lang,
        )
        group = page.t("app.channels.total_of", total=written)
    whole = parts.with_columns(
        pl.lit(None, pl.String).alias("channel"),
        pl.lit(group).alias("name"),
        pl.Series(
            "category",
            [catalogue.category_name(metric, c, lang) for c in parts["category"]],
            dtype=pl.String,
        ),
        _texts(parts, lang).alias("text"),
    )
    within = channel_categories_table(
        channel_categories(page.agency_facts, page.year), catalogue, lang
    )
    whole = _like(within, whole)
    return pl.concat([whole, within]) if channels else whole


def trend_with_total(page: PageContext) -> pl.DataFrame:
    """Items per channel over the years (`wording.channel_trend_table`), with the all-channel
    total of the years that state one as a line of its own."""
    trend = channel_trend_table(channel_trend(page.agency_facts), page.catalogue, page.lang)
    totals = total_trend(page.agency_facts)
    if totals.is_empty():
        return trend
    line = totals.with_columns(
        pl.lit(None, pl.String).alias("channel"),
        pl.lit(total_name(page)).alias("name"),
        pl.lit(False).alias("derived"),
        _texts(totals, page.lang).alias("text"),
    )
    return pl.concat([_like(trend, line), trend])
