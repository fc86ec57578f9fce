"""What every page starts with: its title, the chosen view, and that view's facts."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from components.data import agency_facts, get_catalogue
from components.filters import current_view
from components.text import literal
from dashboard.domain.catalogue import Catalogue
from dashboard.i18n.messages import t


@dataclass(frozen=True)
class PageContext:
    agency: str
    year: int
    lang: str
    catalogue: Catalogue
    agency_facts: pl.DataFrame  # every year of the agency
    year_facts: pl.DataFrame

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def trend_caption(self) -> str | None:
        """Under a trend chart, when the agency has a single year: why there is no line yet."""
        years = self.agency_facts.get_column("year").unique()
        return self.t("app.single_year", year=self.year) if years.len() == 1 else None


def start_page(page: str) -> PageContext | None:
    """Title the page; None (after saying so) when the store holds no data yet."""
    view = current_view()
    lang = view.lang
    st.title(t(f"app.page.{page}", lang))
    if view.agency is None or view.year is None:
        st.info(t("app.empty_store", lang))
        return None
    facts = agency_facts(view.agency)  # read and cached for this agency alone
    # The agency name comes from uploaded files: shown as typed, never as a link or image.
    with st.container(key="page_caption"):
        st.caption(f"{literal(view.agency)} · {view.year}")
    return PageContext(
        agency=view.agency,
        year=view.year,
        lang=lang,
        catalogue=get_catalogue(),
        agency_facts=facts,
        year_facts=facts.filter(pl.col("year") == view.year),
    )
