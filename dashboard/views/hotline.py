"""热线与互动 Hotline and interaction: 12345 cases received and closed per year with the closure
rate against 100%, satisfaction; then the interaction with the public (online interviews, opinion
solicitations, messages handled …), each figure as a card with its own unit."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card
from components.kpi import kpi_grid
from components.page import PageContext, start_page
from dashboard.analytics.hotline import hotline_years
from dashboard.analytics.interaction import interaction_points
from dashboard.charts.builders import hotline_figure, rate_figure
from dashboard.i18n.wording import headline_cards, hotline_table


def _hotline(page: PageContext, years: pl.DataFrame) -> None:
    lang = page.lang
    table = years.select(
        pl.col("year").alias(page.t("app.col_year")),
        pl.col("received_text").alias(page.t("chart.hotline.received")),
        pl.col("closed_text").alias(page.t("chart.hotline.closed")),
        pl.col("closure_rate_text").alias(page.t("chart.hotline.closure_rate")),
        pl.col("satisfaction_text").alias(page.t("chart.hotline.satisfaction")),
    )
    derived = bool(years["closed_derived"].any() or years["rate_derived"].any())
    chart_card(
        page.t("app.hotline.cases"),
        hotline_figure(years, lang=lang),
        table,
        key="hotline_cases",
        lang=lang,
        caption=page.t("app.hotline.derived_note") if derived else None,
    )
    if years["satisfaction"].is_not_null().any():
        chart_card(
            page.t("app.hotline.satisfaction"),
            rate_figure(years, column="satisfaction", lang=lang),
            table,
            key="hotline_satisfaction",
            lang=lang,
        )
    else:
        st.caption(page.t("app.hotline.satisfaction_not_reported"))


def render() -> None:
    page = start_page("hotline")
    if page is None:
        return
    years = hotline_table(hotline_years(page.agency_facts), page.lang)
    interaction = interaction_points(page.agency_facts, page.year, page.catalogue)
    if years.is_empty() and not interaction:
        st.info(page.t("app.hotline.none"))
        return
    if not years.is_empty():
        _hotline(page, years)
    if interaction:
        with st.container(key="interaction"):
            st.subheader(page.t("app.interaction.title"), anchor=False)
            kpi_grid(headline_cards(interaction, page.lang), lang=page.lang)


render()
