"""The agency / year / language selectors, bound to the URL so a link reproduces the view."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st

from components import state
from dashboard.core import metrics
from dashboard.core.messages import DEFAULT_LANG, LANGS, t
from dashboard.core.settings import load_settings

LANG_NAMES = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class View:
    agency: str | None
    year: int | None
    lang: str


def _sync_lang_to_url() -> None:
    # UI state only: mirror the choice into the URL so a shared link keeps the language.
    lang = st.session_state[state.LANG]
    if lang == DEFAULT_LANG:
        st.query_params.pop(state.LANG, None)
    else:
        st.query_params[state.LANG] = lang


def language_selector() -> str:
    """Language from `?lang=` (zh by default), switchable in the sidebar."""
    # Not bound with bind="query-params": that would write the shown name (English) into the
    # URL, and links are documented as ?lang=en.
    if state.LANG not in st.session_state:
        wanted = st.query_params.get(state.LANG, DEFAULT_LANG)
        st.session_state[state.LANG] = wanted if wanted in LANGS else DEFAULT_LANG
    lang = st.session_state[state.LANG]
    return st.sidebar.selectbox(
        t("app.language", lang),
        LANGS,
        key=state.LANG,
        format_func=LANG_NAMES.__getitem__,
        on_change=_sync_lang_to_url,
    )


def view_selector(facts: pl.DataFrame, lang: str) -> View:
    """Agency and year in the sidebar; defaults: the configured agency, its latest year."""
    names = metrics.agencies(facts)
    if not names:
        return View(None, None, lang)
    configured = load_settings().agency
    default = names.index(configured) if configured in names else 0
    agency = st.sidebar.selectbox(
        t("app.agency", lang), names, index=default, key=state.AGENCY, bind="query-params"
    )
    years = [str(y) for y in metrics.years(facts, agency)]
    year = st.sidebar.selectbox(
        t("app.year", lang), years, index=0, key=state.YEAR, bind="query-params"
    )
    return View(agency, int(year) if year else None, lang)
