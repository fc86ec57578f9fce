"""The app's access to the store: reads sized to the page, cached across sessions by change tokens.

`st.cache_resource` holds the one Store (thread-safe: SQLAlchemy pools its connections) and what
pages read from it, each keyed on a token that moves exactly when that thing may have changed:

- the agency and year lists (the sidebar): read from the datasets table, keyed on
  `datasets_token` (moves only when an agency's year is added; itself asked again only when
  the store's generation moved);
- one agency's facts, all its years (every dashboard page, /present): keyed on the agency's
  own `agency_token`, so a commit to another agency makes nobody reload anything;
- the 数据 page's table: the row count and the first rows of a filter, keyed on the tokens of
  the agencies it is restricted to (else on the store's generation).

No page loads the whole store. A Polars frame is never modified in place (every operation
returns a new frame), so one copy is safely shared by all sessions; `st.cache_data` would
unpickle a fresh copy on every rerun. Tokens are ordinary arguments, hence part of the key: a
commit from any session or process is seen on the next rerun, and no session recomputes what
another already loaded. A rerun costs a few indexed token queries; the 数据 page's metric and
channel choices are read once per process and then only for the agencies written since.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

import polars as pl
import streamlit as st

from components.text import literal
from dashboard.domain.agency_names import AgencyIndex, agency_index
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.facts import frame_facts
from dashboard.domain.problems import Problem, Severity
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.outputs.exporter import Format, export_facts, write_csv
from dashboard.platform.sample import seed_if_empty
from dashboard.platform.settings import load_settings
from dashboard.store import reads
from dashboard.store.database import Store, StoreUnavailable

# Agencies whose facts stay cached per process. One agency's ten years are a few hundred rows
# (tens of kB): 256 of them cost a few MB, and the agencies in use at once fit.
AGENCY_CACHE_ENTRIES = 256


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """One Store per database URL for the whole process; an empty store gets the sample."""
    store = Store(url)
    seed_if_empty(store, default_catalogue())
    return store


@st.cache_resource(show_spinner=False)
def get_catalogue() -> Catalogue:
    return default_catalogue()


def _url() -> str:
    return load_settings().database_url


@st.cache_resource(show_spinner=False, max_entries=4)
def _agency_years(url: str, token: tuple[int, int]) -> dict[str, list[int]]:
    return reads.agency_years(get_store(url))


@st.cache_resource(show_spinner=False, max_entries=4)
def _datasets_token(url: str, generation: int) -> tuple[int, int]:
    # Counting the datasets takes a few ms at 100,000 of them: asked once per generation, not
    # on every rerun of every session.
    return reads.datasets_token(get_store(url))


def _listing_token(url: str) -> tuple[int, int]:
    return _datasets_token(url, get_store(url).version_token())


def agency_years() -> dict[str, list[int]]:
    """Agency → its years, newest first, in agency order (for the selectors)."""
    url = _url()
    return _agency_years(url, _listing_token(url))


@st.cache_resource(show_spinner=False, max_entries=64)
def _find_agencies(
    url: str, token: tuple[int, int], text: str, limit: int
) -> tuple[int, list[str]]:
    wanted = text.casefold()
    found = [name for name in _agency_years(url, token) if wanted in name.casefold()]
    return len(found), found[:limit]


@st.cache_resource(show_spinner=False, max_entries=4)
def _agency_index(url: str, token: tuple[int, int]) -> AgencyIndex:
    # The stored names reduced once per listing, not once per report matched against them.
    return agency_index(_agency_years(url, token))


def stored_agency_for(found: str) -> str | None:
    """The stored agency a report's name for itself stands for (agency_names.AgencyIndex)."""
    url = _url()
    return _agency_index(url, _listing_token(url)).match(found)


def find_agencies(text: str, limit: int) -> tuple[int, list[str]]:
    """The agencies whose name contains `text` (any case): how many, and the first `limit` of
    them in agency order (one scan of the names per text typed, not per rerun)."""
    url = _url()
    return _find_agencies(url, _listing_token(url), text.strip(), limit)


@st.cache_resource(show_spinner=False, max_entries=4)
def _years(url: str, token: tuple[int, int]) -> list[int]:
    return sorted({y for years in _agency_years(url, token).values() for y in years}, reverse=True)


def years() -> list[int]:
    """Every year of any agency, newest first."""
    url = _url()
    return _years(url, _listing_token(url))


@st.cache_resource(show_spinner=False, max_entries=AGENCY_CACHE_ENTRIES)
def _agency_facts(url: str, agency: str, token: int) -> pl.DataFrame:
    return reads.agency_facts(get_store(url), agency)


def agency_facts(agency: str) -> pl.DataFrame:
    """The current facts of every year of one agency."""
    url = _url()
    return _agency_facts(url, agency, get_store(url).agency_token(agency))


@st.cache_resource(show_spinner=False, max_entries=16)
def _facts_view(
    url: str, filters: reads.FactFilter, limit: int, token: tuple[int, ...]
) -> tuple[int, pl.DataFrame]:
    store = get_store(url)
    return reads.count_facts(store, filters), reads.facts_page(store, filters, limit)


def facts_view(filters: reads.FactFilter, limit: int) -> tuple[int, pl.DataFrame]:
    """How many current facts match, and the first `limit` of them."""
    url = _url()
    store = get_store(url)
    if filters.agencies is not None:
        token = tuple(store.agency_token(a) for a in sorted(set(filters.agencies)))
    else:
        token = (store.version_token(),)
    return _facts_view(url, filters, limit, token)


# The metrics and channels present in the store (the 数据 page's filter choices), per store URL,
# with the generation they were read at. After a commit only the agencies written since are read
# again and added: a commit to one agency does not make the whole store be scanned. A metric
# that an agency's new version no longer has stays offered until the process restarts (choosing
# it shows what matches, possibly nothing).
_slots: dict[str, tuple[int, reads.SlotChoices]] = {}
_slots_lock = threading.Lock()


def slot_choices() -> reads.SlotChoices:
    """The metrics and channels present among the current facts of the store."""
    url = _url()
    store = get_store(url)
    generation = store.version_token()  # read first: what is written after it is read again
    with _slots_lock:
        known = _slots.get(url)
        if known is not None and known[0] == generation:
            return known[1]
        if known is None:
            choices = reads.present_slots(store)
        else:
            changed = reads.changed_agencies(store, known[0])
            choices = known[1] | reads.present_slots(store, changed) if changed else known[1]
        _slots[url] = (generation, choices)
        return choices


def write_download(
    store: Store, filters: reads.FactFilter, catalogue: Catalogue, fmt: Format
) -> io.BytesIO:
    """The matching facts as an upload file, read from the store in batches: a CSV holds one
    batch of facts and the file written so far, never the whole result as a frame. (Excel
    keeps every cell until it saves; its sheets stop at 1,048,576 rows anyway.)"""
    batches = reads.iter_facts(store, filters)
    if fmt == "xlsx":
        facts = (fact for batch in batches for fact in frame_facts(batch))
        return io.BytesIO(export_facts(facts, catalogue, "xlsx"))
    # What exporter.export_facts writes for CSV (tests/test_store_reads.py compares them),
    # one batch at a time, column-wise in Polars.
    output = io.BytesIO()
    write_csv(batches, catalogue, output)
    output.seek(0)
    return output


def download(filters: reads.FactFilter, fmt: Format) -> Callable[[], io.BytesIO]:
    """A download button's deferred data: the file is written only when the button is clicked
    (on a thread of its own, hence the store and catalogue taken now, not looked up then)."""
    store, catalogue = get_store(_url()), get_catalogue()
    return lambda: write_download(store, filters, catalogue, fmt)


def store_fault_text(fault: StoreUnavailable, lang: str, key: str = "app.store_fault") -> str:
    """A storage fault for the screen, naming the store and what to do, instead of a traceback;
    `key` is the message that frames it (what could not be done)."""
    problem = Problem(fault.code, Severity.ERROR, params={"path": literal(fault.location)})
    message, action = problem_message(problem, lang), problem_action(problem, lang)
    return t(key, lang, message=message, action=action)
