"""A chart card: title, the chart, and its numbers one click away with a CSV download."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard.core.exporter import neutralise_strings
from dashboard.core.messages import t

# No mode bar: its tooltips are English and its tools are for analysts; the numbers and a
# download are in the card's "查看数据" instead.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


def table_csv(frame: pl.DataFrame) -> bytes:
    """The table as UTF-8-with-BOM CSV (opens as Chinese in Excel); formula-like text guarded."""
    guarded = neutralise_strings(frame)
    return "\ufeff".encode() + guarded.write_csv().encode("utf-8")


def chart_card(
    title: str,
    figure: go.Figure,
    table: pl.DataFrame,
    *,
    key: str,
    lang: str,
    caption: str | None = None,
) -> None:
    """Render one chart with its data table and download; `key` must be unique on the page."""
    with st.container(border=True, key=f"card_{key}"):
        st.markdown(f"**{title}**")
        st.plotly_chart(figure, theme=None, key=f"chart_{key}", config=PLOTLY_CONFIG)
        if caption:
            st.caption(caption)
        with st.expander(t("app.show_numbers", lang), key=f"numbers_{key}"):
            st.dataframe(table, hide_index=True, key=f"table_{key}")
            st.download_button(
                t("app.download_csv", lang),
                data=table_csv(table),
                file_name=f"{key}.csv",
                mime="text/csv",
                key=f"download_{key}",
                on_click="ignore",
            )
