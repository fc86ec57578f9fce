"""依申请公开 Requests and appeals: tables 三 and 四 in the official layout, outcomes, checks."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card, data_table, table_csv
from components.page import PageContext, start_page
from dashboard.analytics.statutory import (
    FOUR,
    THREE,
    Check,
    CheckStatus,
    has_table,
    outcomes,
    table_checks,
    table_grid,
)
from dashboard.charts.builders import outcome_figure
from dashboard.i18n.statutory import check_name, outcome_text, table_text

# Symbols every CJK font has (emoji would fall back to boxes on projectors and older PCs).
ICONS = {CheckStatus.PASSED: "✓", CheckStatus.FAILED: "✗", CheckStatus.INCOMPLETE: "–"}
ROW_HEIGHT = 35  # st.dataframe's row height in pixels


def _checks(page: PageContext, checks: list[Check], key: str) -> None:
    if not checks:
        return
    st.markdown(f"**{page.t('app.requests.checks')}**")
    rows = [
        {
            page.t("app.requests.col_row"): check_name(c, page.catalogue, page.lang),
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


def _statutory_table(page: PageContext, table_id: str, title: str) -> None:
    """One statutory table in the official layout, then its cross-checks."""
    facts, year, catalogue = page.agency_facts, page.year, page.catalogue
    present = has_table(facts, year, catalogue.tables[table_id].section, catalogue)
    grid = table_grid(facts, year, catalogue, table_id)
    shown = table_text(grid, catalogue, table_id, page.lang)
    _official_table(page, title, shown, present, f"table_{table_id}")
    if present:
        _checks(page, table_checks(facts, year, catalogue, table_id), table_id)


def render() -> None:
    page = start_page("requests")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    _statutory_table(page, THREE, page.t("app.requests.table_three"))
    results = outcome_text(outcomes(page.agency_facts, year, catalogue), catalogue, lang)
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
    _statutory_table(page, FOUR, page.t("app.requests.table_four"))


render()
