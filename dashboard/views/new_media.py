"""新媒体 WeChat/Weibo: the year's figures per account, then posts, followers and reads over the
years and the share of all items."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card
from components.kpi import kpi_grid
from components.page import PageContext, start_page
from dashboard.analytics.cards import slot_points
from dashboard.analytics.new_media import (
    MEASURES,
    new_media_channels,
    new_media_share,
    new_media_trend,
)
from dashboard.charts.builders import share_figure, trend_figure
from dashboard.i18n.wording import headline_cards, new_media_table


def _posts_and_share(page: PageContext, posts: pl.DataFrame, col: dict[str, str]) -> None:
    """Posts over the years and, when the year also gives its total, the new media's share."""
    lang, year = page.lang, page.year
    share = new_media_share(page.agency_facts, year, page.catalogue)
    # The share needs the year's total as well as its posts: without it, no empty card.
    left, right = st.columns([2, 1]) if share is not None else (st.container(), None)
    with left:
        chart_card(
            page.t("app.new_media.posts"),
            trend_figure(posts, lang=lang),
            posts.select("year", "name", "text").rename(col),
            key="new_media_posts",
            lang=lang,
            caption=page.trend_caption(),
        )
    if right is None or share is None:
        return
    with right:
        value, approximate = share
        table = pl.DataFrame(
            {
                page.t("app.col_year"): [year],
                page.t("app.new_media.share", year=year): [f"{value:.1f}%"],
            }
        )
        chart_card(
            page.t("app.new_media.share", year=year),
            share_figure(value, approximate=approximate, lang=lang),
            table,
            key="new_media_share",
            lang=lang,
            caption=page.t("app.new_media.share_note") if approximate else None,
        )


def render() -> None:
    page = start_page("new_media")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    trend = new_media_table(new_media_trend(page.agency_facts, catalogue), catalogue, lang)
    if trend.filter(pl.col("value").is_not_null()).is_empty():
        st.info(page.t("app.new_media.none"))
        return
    # The year's figures as text, channel by channel: the trend charts label only the latest
    # point of each line, and a card names its channel and keeps the report's unit.
    points = slot_points(
        page.agency_facts,
        year,
        catalogue,
        list(MEASURES.values()),
        channels=new_media_channels(catalogue),
        by_channel=True,
        parts=False,
    )
    if points:
        st.markdown(f"**{page.t('app.new_media.year', year=year)}**")
        kpi_grid(headline_cards(points, lang), lang=lang)
    col = {
        "year": page.t("app.col_year"),
        "name": page.t("app.col_channel"),
        "text": page.t("app.col_value"),
    }
    posts = trend.filter(pl.col("measure") == "posts")
    if posts["value"].is_not_null().any():
        _posts_and_share(page, posts, col)
    for measure in ("followers", "reads"):
        data = trend.filter(pl.col("measure") == measure)
        if data["value"].is_not_null().sum() == 0:
            continue  # most reports give neither; an empty card would only be noise
        chart_card(
            page.t(f"app.new_media.{measure}"),
            trend_figure(data, lang=lang),
            data.select("year", "name", "text").rename(col),
            key=f"new_media_{measure}",
            lang=lang,
        )


render()
