"""The app's access to the store, cached across sessions by the store's version token.

`st.cache_resource` holds the one Store (thread-safe: SQLAlchemy pools its connections) and the
current facts of each committed version. A Polars frame is never modified in place (every
operation returns a new frame), so one copy is safely shared by all sessions; `st.cache_data`
would unpickle a fresh copy of a province-sized frame on every rerun. The version token is an
ordinary argument, hence part of the key: a commit from any session or process is seen on the
next rerun, and no session recomputes what another already loaded.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.text import literal
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.problems import Problem, Severity
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.platform.sample import seed_if_empty
from dashboard.platform.settings import load_settings
from dashboard.store.database import Store, StoreUnavailable


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """One Store per database URL for the whole process; an empty store gets the sample."""
    store = Store(url)
    seed_if_empty(store, default_catalogue())
    return store


@st.cache_resource(show_spinner=False)
def get_catalogue() -> Catalogue:
    return default_catalogue()


@st.cache_resource(show_spinner=False, max_entries=4)
def _current_facts(url: str, version: int) -> pl.DataFrame:
    return get_store(url).current_facts()


@st.cache_resource(show_spinner=False, max_entries=4)
def _agency_years(url: str, version: int) -> dict[str, list[int]]:
    facts = _current_facts(url, version)
    grouped = facts.group_by("agency").agg(pl.col("year").unique().sort(descending=True))
    return dict(sorted(zip(grouped["agency"], grouped["year"].to_list(), strict=True)))


def version() -> tuple[str, int]:
    """The store's URL and current version token (one cheap query per rerun)."""
    url = load_settings().database_url
    return url, get_store(url).version_token()


def current_facts() -> pl.DataFrame:
    """All current facts of the store."""
    return _current_facts(*version())


def agency_years() -> dict[str, list[int]]:
    """Agency → its years, newest first, in agency order (for the selectors)."""
    return _agency_years(*version())


def store_fault_text(fault: StoreUnavailable, lang: str, key: str = "app.store_fault") -> str:
    """A storage fault for the screen, naming the store and what to do, instead of a traceback;
    `key` is the message that frames it (what could not be done)."""
    problem = Problem(fault.code, Severity.ERROR, params={"path": literal(fault.location)})
    message, action = problem_message(problem, lang), problem_action(problem, lang)
    return t(key, lang, message=message, action=action)
