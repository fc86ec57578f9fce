"""发布渠道 Channels: items per channel (with the all-channel total a report states), categories
(the total's and each channel's), trend, submissions and adoption."""

from __future__ import annotations

import streamlit as st

from components.chart import chart_card
from components.page import start_page
from components.published import categories_with_total, items_with_total, trend_with_total
from dashboard.analytics.channels import submissions
from dashboard.charts.builders import (
    category_figure,
    channel_bar_figure,
    submissions_figure,
    trend_figure,
)
from dashboard.i18n.wording import submissions_table


def render() -> None:
    page = start_page("channels")
    if page is None:
        return
    lang, year = page.lang, page.year
    col = {
        "name": page.t("app.col_channel"),
        "text": page.t("app.col_value"),
        "derived": page.t("app.col_derived"),
        "category": page.t("app.col_category"),
        "year": page.t("app.col_year"),
    }
    items = items_with_total(page)
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
        categories = categories_with_total(page)
        chart_card(
            page.t("app.channels.categories", year=year),
            category_figure(categories, lang=lang),
            categories.select("name", "category", "text").rename(col, strict=False),
            key="channels_categories",
            lang=lang,
        )
    trend = trend_with_total(page)
    # A card only for what the agency reports: an empty trend or submissions chart is noise.
    if trend["value"].is_not_null().any():
        chart_card(
            page.t("app.channels.trend"),
            trend_figure(trend, lang=lang),
            trend.select("year", "name", "text", "derived").rename(col, strict=False),
            key="channels_trend",
            lang=lang,
            caption=page.trend_caption(),
        )
    info = submissions_table(submissions(page.agency_facts, year), lang)
    if info.is_empty():
        return
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
