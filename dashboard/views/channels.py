"""发布渠道 Channels: items per channel, categories, trend, submissions and adoption."""

from __future__ import annotations

import streamlit as st

from components.chart import chart_card
from components.page import start_page
from dashboard.analytics.channels import (
    channel_categories,
    channel_items,
    channel_trend,
    submissions,
)
from dashboard.charts.builders import (
    category_figure,
    channel_bar_figure,
    submissions_figure,
    trend_figure,
)
from dashboard.i18n.wording import (
    channel_categories_table,
    channel_items_table,
    channel_trend_table,
    submissions_table,
)


def render() -> None:
    page = start_page("channels")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    col = {
        "name": page.t("app.col_channel"),
        "text": page.t("app.col_value"),
        "derived": page.t("app.col_derived"),
        "category": page.t("app.col_category"),
        "year": page.t("app.col_year"),
    }
    items = channel_items_table(channel_items(page.agency_facts, year, catalogue), catalogue, lang)
    left, right = st.columns(2)
    with left:
        chart_card(
            page.t("app.channels.items", year=year),
            channel_bar_figure(items, lang=lang),
            items.select("name", "text", "derived").rename(col, strict=False),
            key="channels_items",
            lang=lang,
            caption=page.t("app.channels.derived_note") if items["derived"].any() else None,
        )
    with right:
        categories = channel_categories_table(
            channel_categories(page.agency_facts, year), catalogue, lang
        )
        chart_card(
            page.t("app.channels.categories", year=year),
            category_figure(categories, lang=lang),
            categories.select("name", "category", "text").rename(col, strict=False),
            key="channels_categories",
            lang=lang,
        )
    trend = channel_trend_table(channel_trend(page.agency_facts), catalogue, lang)
    chart_card(
        page.t("app.channels.trend"),
        trend_figure(trend, lang=lang),
        trend.select("year", "name", "text", "derived").rename(col, strict=False),
        key="channels_trend",
        lang=lang,
        caption=page.trend_caption(),
    )
    info = submissions_table(submissions(page.agency_facts, year), lang)
    chart_card(
        page.t("app.channels.submissions", year=year),
        submissions_figure(info, lang=lang),
        info.select("recipient", "submitted_text", "adopted_text", "rate_text").rename(
            {
                "recipient": page.t("chart.submissions.recipient"),
                "submitted_text": page.t("chart.submissions.submitted"),
                "adopted_text": page.t("chart.submissions.adopted"),
                "rate_text": page.t("chart.submissions.rate"),
            }
        ),
        key="channels_submissions",
        lang=lang,
    )


render()
