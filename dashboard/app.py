"""Entry point (`streamlit run dashboard/app.py`): page setup, the shared sidebar, routing."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# First: loads pandas, PyArrow and Plotly's parts in one thread before any session's script
# uses them (concurrent first imports handed out half-loaded modules). See components/preload.py.
import components.preload  # noqa: F401
from components import state
from components.auth import auth_settings, sign_in_panel, viewer_gate
from components.data import agency_years, store_fault_text
from components.filters import current_lang, language_selector, view_selector
from components.text import literal
from dashboard.domain.columns import column_spec
from dashboard.domain.config_files import ConfigError
from dashboard.domain.headline_catalogue import headlines
from dashboard.i18n.messages import t
from dashboard.platform.settings import SettingsError, load_settings
from dashboard.store.database import StoreUnavailable

# Not named pages/: Streamlit would also serve a folder of that name as pages of its own.
PAGES_DIR = Path(__file__).resolve().parent / "views"
PRESENT_PATH = "present"  # URL path of the presentation page, shown without any chrome
# (page script and message key, URL path, icon). Each page script renders itself when run.
PAGES = (
    ("overview", "", ":material/dashboard:"),
    ("channels", "channels", ":material/public:"),
    ("new_media", "new-media", ":material/forum:"),
    ("hotline", "hotline", ":material/call:"),
    ("recruitment", "recruitment", ":material/badge:"),
    ("requests", "requests", ":material/gavel:"),
    ("compare", "compare", ":material/leaderboard:"),
    ("data", "data", ":material/table:"),
    ("present", PRESENT_PATH, ":material/slideshow:"),
)


def presenting_guess() -> bool:
    """Whether this run shows the presentation page, known before `st.navigation` says so (its
    position must be given before it resolves the page): the URL's path, "/present" (the query
    string left out); for a client that sends no URL (AppTest), or right after a wrong guess,
    the page the session's last run showed.
    """
    reran = st.session_state.pop(state.PRESENTING_RERUN, False)
    url = st.context.url
    if url is None or reran:
        return bool(st.session_state.get(state.PRESENTING, False))
    return url.rstrip("/").endswith(f"/{PRESENT_PATH}")


presenting = presenting_guess()
# On the projector nothing but the slides: no page list (the navigation is hidden) and the
# sidebar with the view selectors collapsed. Elsewhere Streamlit's default ("auto": open on
# a wide screen, closed on a phone), given each run so that leaving /present opens it again.
st.set_page_config(
    page_title=t("app.title"),
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)
lang = current_lang()
try:
    load_settings()  # read once per process: a setting that is not allowed stops here
except SettingsError as error:
    st.error(literal(error.text(lang)))
    st.stop()
try:
    access = auth_settings()
    # The hand-edited catalogue files, checked at start rather than when a page needs them.
    headlines()
    column_spec()
except ConfigError as error:
    st.error(t("app.config_fault", lang, error=literal(str(error))))
    st.stop()
if not viewer_gate(access, lang):
    st.stop()
navigation = st.navigation(
    [
        st.Page(
            PAGES_DIR / f"{name}.py",
            title=t(f"app.page.{name}", lang),
            icon=icon,
            url_path=path or None,
            default=not path,
        )
        for name, path, icon in PAGES
    ],
    position="hidden" if presenting else "sidebar",
)
st.session_state[state.PRESENTING] = navigation.url_path == PRESENT_PATH
if st.session_state[state.PRESENTING] != presenting:
    # Guessed wrong (a client without URL, moving to or from /present): run again, now knowing
    # the page. That run trusts the session over the URL: one rerun, never a loop.
    st.session_state[state.PRESENTING_RERUN] = True
    st.rerun()
try:
    years = agency_years()
except StoreUnavailable as fault:  # no store, no dashboard: say why instead of a traceback
    st.error(store_fault_text(fault, lang))
    st.stop()
view_selector(years, lang)
language_selector()
sign_in_panel(access, lang)
navigation.run()
