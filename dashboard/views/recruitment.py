"""招聘公示 Recruitment: notices and candidate publicity per year and channel; hires."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card, data_table
from components.page import start_page
from dashboard.analytics.recruitment import recruitment_years
from dashboard.charts.builders import grouped_bar_figure
from dashboard.i18n.wording import recruitment_table


def render() -> None:
    page = start_page("recruitment")
    if page is None:
        return
    lang = page.lang
    frame = recruitment_table(recruitment_years(page.agency_facts), page.catalogue, lang)
    if frame.is_empty():
        st.info(page.t("app.recruitment.none"))
        return
    notices = frame.filter(pl.col("measure") != "hires").with_columns(
        pl.when(pl.col("name") != "")
        .then(pl.col("metric_name") + " · " + pl.col("name"))
        .otherwise(pl.col("metric_name"))
        .alias("series")
    )
    col = {
        "note": page.t("app.col_note"),
        "year": page.t("app.col_year"),
        "metric_name": page.t("app.col_metric"),
        "name": page.t("app.col_channel"),
        "text": page.t("app.col_value"),
    }
    if not notices.is_empty() and notices["value"].is_null().all():
        # The report says notices were published but gives no counts: a chart of nothing
        # would mislead; say so and quote the report.
        with st.container(border=True, key="card_recruitment_notices"):
            st.markdown(f"**{page.t('app.recruitment.by_year')}**")
            st.info(page.t("app.recruitment.not_counted"))
            data_table(
                notices.select("year", "metric_name", "name", "text", "note").rename(
                    col, strict=False
                ),
                hide_index=True,
                key="table_recruitment_notices",
            )
    elif not notices.is_empty():
        chart_card(
            page.t("app.recruitment.by_year"),
            grouped_bar_figure(notices, x="year", group="series", lang=lang),
            notices.select("year", "metric_name", "name", "text").rename(col, strict=False),
            key="recruitment_notices",
            lang=lang,
        )
    hires = frame.filter(pl.col("measure") == "hires").with_columns(
        pl.col("metric_name").alias("series")
    )
    if not hires.is_empty():
        chart_card(
            page.t("app.recruitment.hires"),
            grouped_bar_figure(hires, x="year", group="series", lang=lang),
            hires.select("year", "metric_name", "text").rename(col, strict=False),
            key="recruitment_hires",
            lang=lang,
        )


render()
