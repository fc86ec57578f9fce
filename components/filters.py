"""The agency / year / language selectors, in the URL so that a link reproduces the view.

They live in the sidebar of every page (rendered by the entry point before routing), so a
choice survives moving between pages. Pages read the chosen view with `current_view()`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import streamlit as st

from components import state
from components.address import write_params
from components.data import find_agencies
from components.text import t_literal
from dashboard.i18n.messages import DEFAULT_LANG, LANGS, t
from dashboard.platform.settings import load_settings

# Up to this many agencies the agency selector offers them all. Beyond (a province: 10,000),
# every name would go to the browser on every rerun of every page (a few ms at 10,000): the
# selector then offers the chosen agency and what a search box above it finds, as the 数据
# page's agency filter does (dashboard/views/data.py).
AGENCIES_LISTED = 200
AGENCIES_FOUND = 50  # agencies a search lists at most


@dataclass(frozen=True)
class View:
    """What the user is looking at: an agency, a year (None when the store is empty), a language."""

    agency: str | None
    year: int | None
    lang: str


def _sync_lang_to_url() -> None:
    # UI state only: mirror the choice into the URL so a shared link keeps the language.
    lang = st.session_state[state.LANG]
    write_params({state.LANG: None if lang == DEFAULT_LANG else lang})


def current_lang() -> str:
    """The language: the widget's value, else `?lang=`, else Chinese."""
    if state.LANG not in st.session_state:
        wanted = st.query_params.get(state.LANG, DEFAULT_LANG)
        st.session_state[state.LANG] = wanted if wanted in LANGS else DEFAULT_LANG
    return st.session_state[state.LANG]


def language_name(lang: str) -> str:
    """A language's name in itself (中文, English): readable whichever language is shown."""
    return t("app.language_name", lang)


def language_selector() -> str:
    # Not bound with bind="query-params": that would put the shown name (English) into the URL,
    # and links are documented as ?lang=en.
    lang = current_lang()
    return st.sidebar.selectbox(
        t("app.language", lang),
        LANGS,
        key=state.LANG,
        format_func=language_name,
        on_change=_sync_lang_to_url,
    )


def _choose(key: str, options: Collection[str], default: str) -> None:
    """Initialise a selector's state: the URL's value when it is an option, else the default."""
    current = st.session_state.get(key)
    wanted = st.query_params.get(key)
    written = st.session_state.get(state.ADDRESS_WRITTEN, {}).get(key)
    if wanted in options and written is not None and wanted != written:
        # The address changed since this session last wrote it: Back or Forward (Streamlit runs
        # the page again with that history entry's address) or a link pasted over it. The
        # address wins over the selector's own state, else the page would write it back.
        st.session_state[key] = wanted
        return
    if current in options:
        # Written back so the server sends the value with the widget: a page switch clicked
        # before the browser had drawn the sidebar carries no widget values, and the browser
        # would otherwise fall back to the first option (another agency's figures from then on).
        st.session_state[key] = current
        return
    st.session_state[key] = wanted if wanted in options else default


def _agency_options(agency_years: dict[str, list[int]], lang: str) -> list[str]:
    """The agency selector's choices: every agency of a store of up to AGENCIES_LISTED; else
    the chosen one and the first AGENCIES_FOUND that a search box above finds (the selectbox
    keeps its choice as its options change: its key is its identity)."""
    if len(agency_years) <= AGENCIES_LISTED:
        return list(agency_years)
    text = st.sidebar.text_input(
        t("app.agency_search", lang),
        key=state.AGENCY_SEARCH,
        max_chars=100,
        placeholder=t("app.agency_search_placeholder", lang),
        help=t("app.agency_search_help", lang, count=len(agency_years)),
    )
    found: list[str] = []
    if text.strip():
        count, found = find_agencies(text, AGENCIES_FOUND)
        if not count:
            st.sidebar.caption(t_literal("app.agency_none", lang, text=text.strip()))
        elif count > len(found):
            st.sidebar.caption(t("app.agency_found", lang, count=count, shown=len(found)))
    # `_choose` has made the chosen agency one of the store's: it is always offered.
    return list(dict.fromkeys([st.session_state[state.AGENCY], *found]))


def view_selector(agency_years: dict[str, list[int]], lang: str) -> View:
    """Agency and year in the sidebar; defaults: the configured agency, its latest year.

    Both are always written into the URL (not bound with bind="query-params", which leaves out
    a value equal to its default): a link copied while viewing the latest year must still show
    that year after a newer one is uploaded.
    """
    if not agency_years:
        return View(None, None, lang)
    configured = load_settings().default_agency
    first = next(iter(agency_years))
    _choose(state.AGENCY, agency_years, configured if configured in agency_years else first)
    agency = st.sidebar.selectbox(
        t("app.agency", lang), _agency_options(agency_years, lang), key=state.AGENCY
    )
    years = [str(y) for y in agency_years[agency]]
    _choose(state.YEAR, years, years[0])
    year = st.sidebar.selectbox(t("app.year", lang), years, key=state.YEAR)
    write_params({state.AGENCY: agency, state.YEAR: year})
    st.session_state[state.ADDRESS_WRITTEN] = {state.AGENCY: agency, state.YEAR: year}
    return View(agency, int(year), lang)


def current_view() -> View:
    """The view chosen in the sidebar (read by pages; the widgets are rendered by the app)."""
    year = st.session_state.get(state.YEAR)
    return View(
        st.session_state.get(state.AGENCY),
        int(year) if year else None,
        current_lang(),
    )
