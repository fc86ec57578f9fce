"""Entry point (`streamlit run dashboard/app.py`): page setup, the shared sidebar, routing."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# First: loads pandas, PyArrow and Plotly's parts in one thread before any session's script
# uses them (concurrent first imports handed out half-loaded modules). See components/preload.py.
import components.preload  # noqa: F401
from components.auth import auth_settings, sign_in_panel, viewer_gate
from components.data import agency_years, store_fault_text
from components.filters import current_lang, language_selector, view_selector
from dashboard.i18n.messages import t
from dashboard.store.database import StoreUnavailable

# Not named pages/: Streamlit would also serve a folder of that name as pages of its own.
PAGES_DIR = Path(__file__).resolve().parent / "views"
# (page script and message key, URL path, icon). Each page script renders itself when run.
PAGES = (
    ("overview", "", ":material/dashboard:"),
    ("channels", "channels", ":material/public:"),
    ("new_media", "new-media", ":material/forum:"),
    ("hotline", "hotline", ":material/call:"),
    ("recruitment", "recruitment", ":material/badge:"),
    ("requests", "requests", ":material/gavel:"),
    ("data", "data", ":material/table:"),
    ("present", "present", ":material/slideshow:"),
)

st.set_page_config(page_title=t("app.title"), page_icon="📊", layout="wide")
lang = current_lang()
access = auth_settings()
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
    position="sidebar",
)
try:
    years = agency_years()
except StoreUnavailable as fault:  # no store, no dashboard: say why instead of a traceback
    st.error(store_fault_text(fault, lang))
    st.stop()
view_selector(years, lang)
language_selector()
sign_in_panel(access, lang)
navigation.run()
