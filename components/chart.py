"""A chart card: title, the chart, and its numbers one click away with a CSV download.

Titles and captions are plain text (shown literally). Every table is shown through
`data_table`: st.dataframe's toolbar offers its own "Download as CSV" to every viewer, so the
frame it holds is guarded like our exports (text starting with = + - @ gets a leading ').
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from components.text import literal
from dashboard.i18n.messages import t
from dashboard.outputs.exporter import neutralise_strings

# No mode bar: its tooltips are English and its tools are for analysts; the numbers and a
# download are in the card's "查看数据" instead.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


def table_csv(frame: pl.DataFrame) -> bytes:
    """The table as UTF-8-with-BOM CSV (opens as Chinese in Excel); formula-like text guarded."""
    guarded = neutralise_strings(frame)
    return "\ufeff".encode() + guarded.write_csv().encode("utf-8")


def data_table(frame: pl.DataFrame, **options: Any) -> None:
    """st.dataframe of `frame` with formula-like text guarded (only text columns: numbers keep
    their minus sign); `options` are st.dataframe's (key, hide_index, column_config, height)."""
    st.dataframe(neutralise_strings(frame), **options)


def chart_card(
    title: str,
    figure: go.Figure,
    table: pl.DataFrame,
    *,
    key: str,
    lang: str,
    caption: str | None = None,
) -> None:
    """Render one chart with its data table and download; `key` must be unique on the page.
    `title` and `caption` are plain text."""
    with st.container(border=True, key=f"card_{key}"):
        st.markdown(f"**{literal(title)}**")
        st.plotly_chart(figure, theme=None, key=f"chart_{key}", config=PLOTLY_CONFIG)
        if caption:
            st.caption(literal(caption))
        with st.expander(t("app.show_numbers", lang), key=f"numbers_{key}"):
            data_table(table, hide_index=True, key=f"table_{key}")
            st.download_button(
                t("app.download_csv", lang),
                data=table_csv(table),
                file_name=f"{key}.csv",
                mime="text/csv",
                key=f"download_{key}",
                on_click="ignore",
            )
