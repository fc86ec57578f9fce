"""The app's access to the store, cached across sessions by the store's version token.

`st.cache_resource` holds the one Store (thread-safe: SQLAlchemy pools its connections);
`st.cache_data` holds the current facts keyed on the version token, so a commit from any
session or process is seen on the next rerun and no session recomputes another's work.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.core.catalogue import Catalogue, default_catalogue
from dashboard.core.sample import seed_if_empty
from dashboard.core.settings import load_settings
from dashboard.core.store import Store


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """One Store per database URL for the whole process; an empty store gets the sample."""
    store = Store(url)
    seed_if_empty(store, default_catalogue())
    return store


@st.cache_resource(show_spinner=False)
def get_catalogue() -> Catalogue:
    return default_catalogue()


@st.cache_data(show_spinner=False, max_entries=8)
def _current_facts(url: str, version: int) -> pl.DataFrame:
    # `version` is part of the cache key: a new commit means a new entry.
    return get_store(url).current_facts()


def current_facts() -> pl.DataFrame:
    """All current facts; one cheap query (the version token) per rerun."""
    url = load_settings().database_url
    return _current_facts(url, get_store(url).version_token())
