"""总览 Overview: the selected agency and year at a glance."""

from __future__ import annotations

import streamlit as st

from components.chart import chart_card, data_table
from components.kpi import kpi_grid
from components.page import start_page
from components.text import literal, t_literal
from dashboard.analytics import headlines as metrics
from dashboard.analytics.channels import channel_items
from dashboard.analytics.summary import year_summary
from dashboard.charts.builders import channel_bar_figure
from dashboard.i18n.wording import (
    channel_items_table,
    headline_cards,
    listing_table,
    summary_text,
)


def render() -> None:
    page = start_page("overview")
    if page is None:
        return
    lang, catalogue = page.lang, page.catalogue
    st.subheader(page.t("app.headline"))
    points = metrics.headline_points(page.agency_facts, page.year, catalogue)
    kpi_grid(headline_cards(points, lang), lang=lang)
    st.caption(t_literal("app.source", lang, agency=page.agency, year=page.year))

    with st.container(border=True, key="summary"):
        st.markdown(f"**{page.t('app.summary')}**")
        # Agency names come from uploaded files: shown literally, never as markdown.
        summary = year_summary(page.agency_facts, page.agency, page.year, catalogue)
        st.markdown(literal(summary_text(summary, catalogue, lang)))

    items = channel_items_table(
        channel_items(page.agency_facts, page.year, catalogue), catalogue, lang
    )
    chart_card(
        page.t("app.channels.items", year=page.year),
        channel_bar_figure(items, lang=lang),
        items.select("name", "text", "derived").rename(
            {
                "name": page.t("app.col_channel"),
                "text": page.t("app.col_value"),
                "derived": page.t("app.col_derived"),
            }
        ),
        key="overview_channels",
        lang=lang,
    )

    st.subheader(page.t("app.all_figures"))
    table = listing_table(metrics.facts_listing(page.year_facts, catalogue), catalogue, lang)
    data_table(
        table,
        hide_index=True,
        column_config={
            "metric": page.t("app.col_metric"),
            "channel": page.t("app.col_channel"),
            "category": page.t("app.col_category"),
            "value": page.t("app.col_value"),
            # An empty label (English) hides the column of Chinese measure words.
            "unit": page.t("app.col_unit") or None,
            "note": st.column_config.TextColumn(page.t("app.col_note"), width="large"),
        },
        key="overview_facts",
    )


render()
