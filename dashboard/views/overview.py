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


def render() -> None:
    page = start_page("overview")
    if page is None:
        return
    lang, catalogue = page.lang, page.catalogue
    st.subheader(page.t("app.headline"))
    kpi_grid(metrics.headline_values(page.agency_facts, page.year, catalogue, lang), lang=lang)
    st.caption(t_literal("app.source", lang, agency=page.agency, year=page.year))

    with st.container(border=True, key="summary"):
        st.markdown(f"**{page.t('app.summary')}**")
        # Agency names come from uploaded files: shown literally, never as markdown.
        st.markdown(
            literal(year_summary(page.agency_facts, page.agency, page.year, catalogue, lang))
        )

    items = channel_items(page.agency_facts, page.year, catalogue, lang)
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
    table = metrics.facts_listing(page.year_facts, catalogue, lang)
    data_table(
        table,
        hide_index=True,
        column_config={
            "metric": page.t("app.col_metric"),
            "channel": page.t("app.col_channel"),
            "category": page.t("app.col_category"),
            "value": page.t("app.col_value"),
            "unit": page.t("field.unit") if lang == "zh" else None,
            "note": st.column_config.TextColumn(page.t("app.col_note"), width="large"),
        },
        key="overview_facts",
    )


render()
