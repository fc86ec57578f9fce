"""新媒体 WeChat/Weibo: posts, followers and reads over the years; share of all items."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card
from components.page import start_page
from dashboard.analytics.new_media import new_media_share, new_media_trend
from dashboard.charts.builders import share_figure, trend_figure
from dashboard.i18n.wording import new_media_table


def render() -> None:
    page = start_page("new_media")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    trend = new_media_table(new_media_trend(page.agency_facts, catalogue), catalogue, lang)
    col = {
        "year": page.t("app.col_year"),
        "name": page.t("app.col_channel"),
        "text": page.t("app.col_value"),
    }
    left, right = st.columns([2, 1])
    with left:
        posts = trend.filter(pl.col("measure") == "posts")
        chart_card(
            page.t("app.new_media.posts"),
            trend_figure(posts, lang=lang),
            posts.select("year", "name", "text").rename(col),
            key="new_media_posts",
            lang=lang,
            caption=page.trend_caption(),
        )
    with right:
        share = new_media_share(page.agency_facts, year, catalogue)
        if share is None:
            with st.container(border=True, key="card_new_media_share"):
                st.markdown(f"**{page.t('app.new_media.share', year=year)}**")
                st.info(page.t("app.no_figures"))
        else:
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
    for measure in ("followers", "reads"):
        data = trend.filter(pl.col("measure") == measure)
        if data.is_empty():
            continue  # most reports give neither; an empty card would only be noise
        chart_card(
            page.t(f"app.new_media.{measure}"),
            trend_figure(data, lang=lang),
            data.select("year", "name", "text").rename(col),
            key=f"new_media_{measure}",
            lang=lang,
        )


render()
