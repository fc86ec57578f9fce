"""依申请公开 Requests and appeals: the statutory tables in the official layout — 二 (proactive
disclosure, when the year gives its figures), 三 and 四 — with outcomes and the form's checks.

The tables are shown as text tables (st.table), not canvas grids: every figure of the form can be
read, searched and copied on the page, as the report prints it.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card, data_table, table_csv
from components.page import PageContext, start_page
from components.text import literal, literal_strings
from dashboard.analytics.statutory import (
    FOUR,
    THREE,
    Check,
    CheckStatus,
    grid_cells,
    grids_shown,
    has_table,
    outcomes,
    table_checks,
    table_grid,
)
from dashboard.charts.builders import outcome_figure
from dashboard.i18n.statutory import check_name, grid_text, grid_title, outcome_text, table_text

# On a phone the forms' many columns would be squeezed to a character each (项目 written one
# character a line): a form keeps a readable width and scrolls sideways inside its card.
TABLE_CSS = (
    "<style>"
    '[class*="st-key-card_table_"] [data-testid="stTable"],'
    '[class*="st-key-card_grid_"] [data-testid="stTable"] { overflow-x: auto; }'
    '[class*="st-key-card_table_"] [data-testid="stTable"] table,'
    '[class*="st-key-card_grid_"] [data-testid="stTable"] table { min-width: 40rem; }'
    "</style>"
)

# Symbols every CJK font has (emoji would fall back to boxes on projectors and older PCs).
ICONS = {CheckStatus.PASSED: "✓", CheckStatus.FAILED: "✗", CheckStatus.INCOMPLETE: "–"}


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


def _download(page: PageContext, table: pl.DataFrame, key: str) -> None:
    st.download_button(
        page.t("app.download_csv"),
        data=table_csv(table),
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",
    )


def _official_table(
    page: PageContext, title: str, table: pl.DataFrame, present: bool, key: str
) -> None:
    with st.container(border=True, key=f"card_{key}"):
        st.markdown(f"**{title}**")
        if not present:
            st.info(page.t("app.requests.not_reported"))
            return
        shown = table.rename({"row": page.t("app.requests.col_row")})
        # The whole form as text: read as a whole, not scrolled, and every cell searchable.
        st.table(literal_strings(shown), hide_index=True)
        _download(page, shown, key)


def _statutory_table(page: PageContext, table_id: str, title: str) -> None:
    """One statutory table in the official layout, then its cross-checks."""
    facts, year, catalogue = page.agency_facts, page.year, page.catalogue
    present = has_table(facts, year, catalogue, table_id)
    grid = table_grid(facts, year, catalogue, table_id)
    shown = table_text(grid, catalogue, table_id, page.lang)
    _official_table(page, title, shown, present, f"table_{table_id}")
    if present:
        _checks(page, table_checks(facts, year, catalogue, table_id), table_id)


def _table_two(page: PageContext) -> None:
    """Table 二 in the format the year's figures use (2021 or 2019), block by block; nothing
    when the year gives none of its figures (most reports state them only in the form)."""
    facts, year, catalogue, lang = page.agency_facts, page.year, page.catalogue, page.lang
    for grid_id in grids_shown(facts, year, catalogue):
        blocks = grid_text(grid_cells(facts, year, catalogue, grid_id), catalogue, grid_id, lang)
        key = f"grid_{grid_id}"
        with st.container(border=True, key=f"card_{key}"):
            st.markdown(f"**{literal(grid_title(catalogue.grids[grid_id], lang))}**")
            names = {
                "block": page.t("app.requests.col_block"),
                "column": page.t("app.requests.col_column"),
                "value": page.t("app.col_value"),
            }
            long: list[pl.DataFrame] = []
            for heading, frame in blocks:
                st.markdown(literal(heading))
                st.table(literal_strings(frame), hide_index=True)
                item = frame.columns[0]
                long.append(
                    frame.unpivot(index=item, variable_name="column", value_name="value")
                    .with_columns(pl.lit(heading).alias("block"))
                    .select("block", item, "column", "value")
                    .rename(names)
                )
            _download(page, pl.concat(long), key)


def render() -> None:
    page = start_page("requests")
    if page is None:
        return
    lang, catalogue, year = page.lang, page.catalogue, page.year
    st.html(TABLE_CSS)
    _table_two(page)
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
