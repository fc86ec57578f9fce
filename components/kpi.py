"""KPI cards: a figure with its qualifier (`400余`), unit and the report's words as help."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.text import literal
from dashboard.i18n.messages import t
from dashboard.i18n.wording import HeadlineCard


def kpi_grid(figures: Sequence[HeadlineCard], *, lang: str = "zh", columns: int = 4) -> None:
    """Cards in rows of `columns`; Streamlit stacks them on narrow screens."""
    for start in range(0, len(figures), columns):
        cells = st.columns(columns)
        for cell, figure in zip(cells, figures[start : start + columns], strict=False):
            with cell:
                # 400余条 in Chinese; the Chinese unit word is dropped in English (400+).
                value = t("app.kpi_value", lang, value=figure.text, unit=figure.unit)
                # help is plain text in a tooltip; notes come from files, so no markdown/HTML.
                st.metric(
                    figure.label,
                    value,
                    delta=figure.change,
                    delta_description=figure.change_note,
                    chart_data=list(figure.history) if len(figure.history) > 1 else None,
                    help=literal(figure.note) if figure.note else None,
                    border=True,
                )
