"""Entry point (`streamlit run dashboard/app.py`): page setup, the shared sidebar, routing."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.auth import auth_settings, sign_in_panel, viewer_gate
from components.data import agency_years
from components.filters import current_lang, language_selector, view_selector
from dashboard.core.messages import t

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
view_selector(agency_years(), lang)
language_selector()
sign_in_panel(access, lang)
navigation.run()
