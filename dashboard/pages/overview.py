"""总览 Overview: the selected agency and year at a glance."""

from __future__ import annotations

import streamlit as st

from components.data import current_facts, get_catalogue
from components.filters import language_selector, view_selector
from components.kpi import kpi_grid
from dashboard.core import metrics
from dashboard.core.messages import t


def render() -> None:
    lang = language_selector()
    facts = current_facts()
    view = view_selector(facts, lang)
    st.title(t("app.title", lang))
    if view.agency is None or view.year is None:
        st.info(t("app.empty_store", lang))
        return
    catalogue = get_catalogue()
    year_facts = metrics.year_facts(facts, view.agency, view.year)
    st.subheader(f"{view.agency} · {t('app.headline', lang, year=view.year)}")
    kpi_grid(metrics.headline_figures(year_facts, catalogue, lang), lang=lang)
    st.caption(t("app.source", lang, agency=view.agency, year=view.year))

    st.subheader(t("app.all_figures", lang))
    table = metrics.facts_table(year_facts, catalogue, lang)
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "metric": t("app.col_metric", lang),
            "channel": t("app.col_channel", lang),
            "category": t("app.col_category", lang),
            "value": t("app.col_value", lang),
            "unit": t("field.unit", lang) if lang == "zh" else None,
            "note": st.column_config.TextColumn(t("app.col_note", lang), width="large"),
        },
        key="overview_facts",
    )
