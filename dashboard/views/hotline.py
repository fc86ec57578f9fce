"""12345 热线 Hotline: cases received and closed per year, closure rate against 100%."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card
from components.page import start_page
from dashboard.analytics.hotline import hotline_years
from dashboard.charts.builders import hotline_figure, rate_figure
from dashboard.i18n.wording import hotline_table


def render() -> None:
    page = start_page("hotline")
    if page is None:
        return
    lang = page.lang
    years = hotline_table(hotline_years(page.agency_facts), lang)
    table = years.select(
        pl.col("year").alias(page.t("app.col_year")),
        pl.col("received_text").alias(page.t("chart.hotline.received")),
        pl.col("closed_text").alias(page.t("chart.hotline.closed")),
        pl.col("closure_rate_text").alias(page.t("chart.hotline.closure_rate")),
        pl.col("satisfaction_text").alias(page.t("chart.hotline.satisfaction")),
    )
    derived = years.height > 0 and bool(
        years["closed_derived"].any() or years["rate_derived"].any()
    )
    chart_card(
        page.t("app.hotline.cases"),
        hotline_figure(years, lang=lang),
        table,
        key="hotline_cases",
        lang=lang,
        caption=page.t("app.hotline.derived_note") if derived else None,
    )
    if years.height and years["satisfaction"].is_not_null().any():
        chart_card(
            page.t("app.hotline.satisfaction"),
            rate_figure(years, column="satisfaction", lang=lang),
            table,
            key="hotline_satisfaction",
            lang=lang,
        )
    elif years.height:
        st.caption(page.t("app.hotline.satisfaction_not_reported"))


render()
