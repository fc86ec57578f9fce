"""依申请公开 Requests and appeals: tables 三 and 四 in the official layout, outcomes, checks."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card, data_table, table_csv
from components.page import PageContext, start_page
from dashboard.analytics.statutory import (
    Check,
    CheckStatus,
    has_table,
    outcomes,
    table_four,
    table_four_checks,
    table_three,
    table_three_checks,
)
from dashboard.charts.builders import outcome_figure

# Symbols every CJK font has (emoji would fall back to boxes on projectors and older PCs).
ICONS = {CheckStatus.PASSED: "✓", CheckStatus.FAILED: "✗", CheckStatus.INCOMPLETE: "–"}
ROW_HEIGHT = 35  # st.dataframe's row height in pixels


def _checks(page: PageContext, checks: list[Check], key: str) -> None:
    if not checks:
        return
    st.markdown(f"**{page.t('app.requests.checks')}**")
    rows = [
        {
            page.t("app.requests.col_row"): c.name,
            page.t("app.col_qualifier"): f"{ICONS[c.status]} "
            + page.t(f"app.requests.check_{c.status}"),
        }
        for c in checks
    ]
    data_table(pl.DataFrame(rows), hide_index=True, key=f"checks_{key}")


def _official_table(
    page: PageContext, title: str, table: pl.DataFrame, present: bool, key: str
) -> None:
    with st.container(border=True, key=f"card_{key}"):
        st.markdown(f"**{title}**")
        if not present:
            st.info(page.t("app.requests.not_reported"))
            return
        shown = table.rename({"row": page.t("app.requests.col_row")})
        # Tall enough for every row: the official form is read as a whole, not scrolled.
        height = (shown.height + 1) * ROW_HEIGHT + 3
        data_table(shown, hide_index=True, key=f"table_{key}", height=height)
        st.download_button(
            page.t("app.download_csv"),
            data=table_csv(shown),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"download_{key}",
            on_click="ignore",
        )


def render() -> None:
    page = start_page("requests")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    facts = page.agency_facts
    present = has_table(facts, year, "requests", catalogue)
    _official_table(
        page,
        page.t("app.requests.table_three"),
        table_three(facts, year, catalogue, lang),
        present,
        "table_three",
    )
    if present:
        _checks(page, table_three_checks(facts, year, catalogue, lang), "three")
    results = outcomes(facts, year, catalogue, lang)
    if not results.is_empty():
        chart_card(
            page.t("app.requests.outcomes", year=year),
            outcome_figure(results, lang=lang),
            results.select("outcome", "text").rename(
                {"outcome": page.t("app.col_metric"), "text": page.t("app.col_value")}
            ),
            key="requests_outcomes",
            lang=lang,
        )
    appeals = has_table(facts, year, "appeals", catalogue)
    _official_table(
        page,
        page.t("app.requests.table_four"),
        table_four(facts, year, catalogue, lang),
        appeals,
        "table_four",
    )
    if appeals:
        _checks(page, table_four_checks(facts, year, catalogue, lang), "four")


render()
