"""The 对比 page's reads, cached across sessions on the store generation.

Each read is one of `dashboard.store.compare`'s SQL aggregates (a row per agency at most); the
generation (`Store.version_token`, one cheap query per rerun) is part of every cache key, so a
commit or a new directory from any session or process is seen on the next rerun, and no session
repeats a query another one already made. `st.cache_resource` shares one frame between sessions
(Polars frames are never modified in place) instead of unpickling a copy per rerun.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.data import get_store
from dashboard.analytics.compare import ranked
from dashboard.charts import compare as tables
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import headlines
from dashboard.outputs.slides import Comparison
from dashboard.platform.settings import load_settings
from dashboard.store import compare as reads
from dashboard.store.compare import Group, MatrixPage, ReportingCounts, Slice

# Query parameters naming the compared figure and group: the 对比 page's, also read by /present.
METRIC, CHANNEL, CATEGORY, GROUP = "metric", "channel", "category", "group"
COMPARE_SLIDE = "compare"
NONE_PARAM = "-"  # ?channel=- : the figure without a channel (the total), not the default one


def generation() -> tuple[str, int]:
    """The store's URL and generation: the first two parts of every key below."""
    url = load_settings().database_url
    return url, get_store(url).version_token()


@st.cache_resource(show_spinner=False, max_entries=16)
def _slices(url: str, token: int, year: int, group: Group | None) -> pl.DataFrame:
    return reads.slices(get_store(url), year, group)


@st.cache_resource(show_spinner=False, max_entries=64)
def _ranking(url: str, token: int, figure: Slice, year: int, group: Group | None) -> pl.DataFrame:
    return ranked(reads.ranking_rows(get_store(url), figure, year, group))


@st.cache_resource(show_spinner=False, max_entries=32)
def _ranking_table(
    url: str, token: int, figure: Slice, year: int, group: Group | None, percent: bool, lang: str
) -> pl.DataFrame:
    # Each figure written out (400余) is a Python call: at 10,000 agencies worth keeping.
    rows = _ranking(url, token, figure, year, group)
    return tables.ranking_table(rows, percent=percent, lang=lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def _counts(url: str, token: int, group: Group | None) -> ReportingCounts:
    return reads.reporting_counts(get_store(url), group)


@st.cache_resource(show_spinner=False, max_entries=64)
def _matrix(
    url: str,
    token: int,
    years: tuple[int, ...],
    group: Group | None,
    search: str,
    missing_in: int | None,
    limit: int,
    offset: int,
) -> MatrixPage:
    return reads.reporting_matrix(
        get_store(url),
        years,
        group=group,
        search=search,
        missing_in=missing_in,
        limit=limit,
        offset=offset,
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _groups(url: str, token: int) -> pl.DataFrame:
    return reads.groups(get_store(url))


def slices(year: int, group: Group | None) -> pl.DataFrame:
    """Every figure given in the year's reports, with how many agencies give it."""
    return _slices(*generation(), year, group)


def ranking(figure: Slice, year: int, group: Group | None) -> pl.DataFrame:
    """Every agency with a report for the year, ranked on the figure (`analytics.compare`)."""
    return _ranking(*generation(), figure, year, group)


def ranking_table(
    figure: Slice, year: int, group: Group | None, *, percent: bool, lang: str
) -> pl.DataFrame:
    """The whole ranking as the table under the ranking chart (`charts.compare.ranking_table`)."""
    return _ranking_table(*generation(), figure, year, group, percent, lang)


def reporting_counts(group: Group | None) -> ReportingCounts:
    return _counts(*generation(), group)


def reporting_matrix(
    years: tuple[int, ...],
    group: Group | None,
    *,
    search: str = "",
    missing_in: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> MatrixPage:
    return _matrix(*generation(), years, group, search.strip(), missing_in, limit, offset)


def groups() -> pl.DataFrame:
    """The directory's groups: kind, value, agencies."""
    return _groups(*generation())


def slice_choices(available: pl.DataFrame, metric: str) -> list[Slice]:
    """The slices of a metric given in the year, most agencies first (ties by channel, then
    category; the figure without channel or category leads a tie)."""
    mine = available.filter(pl.col("metric") == metric).sort(
        ["agencies", "channel", "category"], descending=[True, False, False], nulls_last=False
    )
    return [Slice(metric, r["channel"], r["category"]) for r in mine.iter_rows(named=True)]


def default_slice(choices: list[Slice], catalogue: Catalogue) -> Slice | None:
    """Of a metric's slices given in the year, the one compared when none is chosen: the
    metric's default channel without category (the figure the catalogue means by the metric),
    else the total without channel, else the first headline naming the metric, else the slice
    most agencies give."""
    if not choices:
        return None
    metric = catalogue.metrics.get(choices[0].metric)
    wanted = [Slice(choices[0].metric, metric.default_channel if metric else None)]
    wanted.append(Slice(choices[0].metric))
    wanted += [
        Slice(h.metric, h.channel, h.category) for h in headlines() if h.metric == choices[0].metric
    ]
    return next((s for s in wanted if s in choices), choices[0])


def default_figure(available: pl.DataFrame, catalogue: Catalogue) -> Slice | None:
    """The figure compared when the link names none: the first headline of the catalogue's
    priority list (data/catalogue/headlines.toml) that the year's reports give, else the
    figure most agencies give."""
    given = {
        Slice(r["metric"], r["channel"], r["category"]) for r in available.iter_rows(named=True)
    }
    for headline in headlines():
        figure = Slice(headline.metric, headline.channel, headline.category)
        if figure in given:
            return figure
    if available.is_empty():
        return None
    top = available.sort("agencies", descending=True).row(0, named=True)
    return Slice(top["metric"], top["channel"], top["category"])


def linked_slice(metric: str, default: Slice | None) -> Slice:
    """The metric's slice the link names: `?channel=` and `?category=` where given (`-`: none),
    the default's elsewhere."""

    def part(name: str, usual: str | None) -> str | None:
        value = st.query_params.get(name)
        if value is None or value == "":
            return usual
        return None if value == NONE_PARAM else value

    usual = default if default is not None and default.metric == metric else Slice(metric)
    return Slice(metric, part(CHANNEL, usual.channel), part(CATEGORY, usual.category))


def slice_params(figure: Slice, default: Slice | None) -> dict[str, str | None]:
    """`?channel=` and `?category=` for a slice that is not its metric's default one (short
    links), `-` for a part the slice has not; neither (None: removed) for the default."""
    params: dict[str, str | None] = {}
    for name, value in ((CHANNEL, figure.channel), (CATEGORY, figure.category)):
        usual = getattr(default, name) if default is not None else None
        params[name] = None if figure == default or value == usual else value or NONE_PARAM
    return params


def linked_deck(default: tuple[str, ...]) -> tuple[str, ...]:
    """The slides of /present without a saved deck: `default`, with the compare slide after the
    title when the link names a figure (`?metric=`, as the 对比 page's link does)."""
    if st.query_params.get(METRIC) and COMPARE_SLIDE not in default:
        return (COMPARE_SLIDE, *default)
    return default


def deck_comparison(
    year: int, slide_ids: tuple[str, ...], catalogue: Catalogue
) -> Comparison | None:
    """What the compare slide of a deck shows: the figure and group the link names (`?metric=`,
    `?channel=`, `?category=`, `?group=`), else the default figure, among every agency of the
    year; None when the deck has no compare slide (nothing is read) or there is no figure."""
    if COMPARE_SLIDE not in slide_ids:
        return None
    group = Group.from_param(st.query_params.get(GROUP))
    available = slices(year, group)
    metric = st.query_params.get(METRIC) or ""
    choices = slice_choices(available, metric)
    usual = default_slice(choices, catalogue)
    linked = linked_slice(metric, usual)
    figure = (linked if linked in choices else usual) or default_figure(available, catalogue)
    if figure is None:
        return None
    return Comparison(figure.metric, figure.channel, figure.category, ranking(figure, year, group))
