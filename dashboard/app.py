"""Entry point (`streamlit run dashboard/app.py`): page setup and routing only."""

from __future__ import annotations

import streamlit as st

from dashboard.core.messages import t
from dashboard.pages import overview

st.set_page_config(page_title=t("app.title"), page_icon="📊", layout="wide")

navigation = st.navigation(
    [st.Page(overview.render, title=t("app.overview"), url_path="overview", default=True)],
    position="hidden",
)
navigation.run()
