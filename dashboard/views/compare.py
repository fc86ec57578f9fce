"""对比 Compare: every agency on one figure of one year — ranked, spread, and who has reported.

The figure (a metric, narrowed to a channel and a category), the year (the sidebar's) and a group
of the agency directory are chosen here; the sidebar's agency is the one marked everywhere. Every
number comes from SQL aggregates over the store (`components.compare`), never from loading the
facts. The choices live in the URL: `/compare?metric=…&year=…&group=region:西湖区`, with
`channel=` and `category=` when they are not the metric's own figure.
"""

from __future__ import annotations

from math import ceil
from pathlib import Path

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import compare as data
from components.address import write_params
from components.chart import chart_card, data_table
from components.compare import CATEGORY, CHANNEL, GROUP, METRIC, NONE_PARAM
from components.data import get_catalogue
from components.directory import directory_panel
from components.filters import View, current_view
from components.text import literal, t_literal
from dashboard.analytics.compare import Place, bottom, distribution, place, quantiles, search, top
from dashboard.charts.compare import (
    distribution_figure,
    ranking_figure,
    ranking_table,
    reporting_counts_figure,
    reporting_matrix_figure,
    value_text,
)
from dashboard.domain.catalogue import Catalogue
from dashboard.i18n.messages import t
from dashboard.store.compare import Group, Slice

PRESENT_PAGE = Path(__file__).resolve().parent / "present.py"
COUNTS = (10, 20, 50)  # agencies on the ranking chart
MATRIX_ROWS = 40  # agencies per page of the reporting matrix


def _group_label(param: str, counts: dict[str, int], lang: str) -> str:
    group = Group.from_param(param)
    if group is None:
        return t("compare.group_all", lang)
    kind = t(f"compare.kind.{group.kind}", lang)
    return t("compare.group_option", lang, kind=kind, value=group.value, count=counts[param])


def _choose_group(lang: str) -> Group | None:
    """The group selector (a directory's regions, parent offices and kinds), from `?group=`
    at first; None: every agency. Options are the URL's form of a group (`region:西湖区`; ""
    for every agency): a selectbox holding None would show Streamlit's English placeholder."""
    frame = data.groups()
    counts = {
        Group(r["kind"], r["value"]).to_param(): r["agencies"] for r in frame.iter_rows(named=True)
    }
    options = ["", *counts]
    if "compare_group" not in st.session_state:
        wanted = st.query_params.get(GROUP, "")
        st.session_state.compare_group = wanted if wanted in counts else ""
        if wanted and wanted not in counts:
            # Anyone can put anything in a link: shown as typed.
            with st.container(key="compare_group_unknown"):
                st.warning(t_literal("compare.group_unknown", lang, group=wanted))
    elif st.session_state.compare_group not in options:  # the directory changed meanwhile
        st.session_state.compare_group = ""
    chosen = st.selectbox(
        t("compare.group", lang),
        options,
        format_func=lambda g: _group_label(g, counts, lang),
        key="compare_group",
        disabled=len(options) == 1,
        help=t("compare.group_help", lang),
    )
    write_params({GROUP: chosen or None})
    return Group.from_param(chosen)


def _slice_label(figure: Slice, catalogue: Catalogue, lang: str) -> str:
    metric = catalogue.metrics.get(figure.metric)
    channel = (
        catalogue.channel_name(figure.channel, lang)
        if figure.channel
        else t("compare.slice_total", lang)
    )
    if metric is None or not figure.category:
        return channel
    category = catalogue.category_name(metric, figure.category, lang)
    return t("compare.slice_label", lang, channel=channel, category=category)


# the figure's parameters as the page last wrote them into the address
_WRITTEN = "compare_written_params"


def _choose_figure(
    available: pl.DataFrame, catalogue: Catalogue, lang: str, cells: list[DeltaGenerator]
) -> Slice:
    """The metric and its channel and category (in two `cells`): the link's at first, then the
    selectors'."""
    order = {m: i for i, m in enumerate(catalogue.metrics)}
    metrics = sorted(set(available.get_column("metric")), key=lambda m: (order.get(m, 999), m))
    fallback = data.default_figure(available, catalogue)
    assert fallback is not None  # `available` is not empty
    wanted = st.query_params.get(METRIC)
    # the address changed under the page since it last wrote it (Back, Forward): what the address
    # names wins over the selectors' state, as when the link was first opened
    written = st.session_state.get(_WRITTEN)
    if written is not None and any(st.query_params.get(k) != v for k, v in written.items()):
        for key in [k for k in st.session_state if str(k).startswith("compare_slice_")]:
            del st.session_state[key]
        st.session_state.pop("compare_metric", None)
    if st.session_state.get("compare_metric") not in metrics:
        st.session_state.compare_metric = wanted if wanted in metrics else fallback.metric

    def metric_name(m: str) -> str:
        known = catalogue.metrics.get(m)
        return known.name(lang) if known else m

    with cells[0]:
        metric = st.selectbox(
            t("compare.metric", lang), metrics, format_func=metric_name, key="compare_metric"
        )
    choices = data.slice_choices(available, metric)
    default = fallback if fallback in choices else data.default_slice(choices, catalogue)
    key = f"compare_slice_{metric}"
    if st.session_state.get(key) not in choices:
        linked = data.linked_slice(metric, default)
        st.session_state[key] = linked if wanted == metric and linked in choices else default
    with cells[1]:
        figure = st.selectbox(
            t("compare.slice", lang),
            choices,
            format_func=lambda s: _slice_label(s, catalogue, lang),
            key=key,
            disabled=len(choices) == 1,
        )
    # (the default figure of a link that names none stays out of the address: opening /compare
    # is then the sidebar's one write, one history entry, not two)
    unnamed = wanted is None and figure == fallback
    params = {METRIC: None if unnamed else metric, **data.slice_params(figure, default)}
    write_params(params)
    st.session_state[_WRITTEN] = params
    return figure


def _place_cards(mine: Place | None, view: View, percent: bool, lang: str) -> None:
    if mine is None:  # the sidebar's agency is not among those compared (another group)
        st.info(t_literal("compare.place_outside", lang, agency=view.agency, year=view.year))
        return
    if mine.rank is None:
        st.info(t_literal("compare.place_none", lang, agency=mine.agency, year=view.year))
        return
    text = value_text(
        {"value": mine.value, "qualifier": mine.qualifier, "as_written": mine.as_written},
        percent=percent,
        lang=lang,
    )
    cells = st.columns(3)
    # Labels render Markdown and the agency name comes from files: literal.
    cells[0].metric(literal(t("compare.place_value", lang, agency=mine.agency)), text, border=True)
    cells[1].metric(
        t("compare.place_rank", lang),
        t("compare.place_rank_value", lang, rank=mine.rank, count=mine.of),
        border=True,
    )
    share = mine.share_below
    cells[2].metric(
        t("compare.place_share", lang),
        t("compare.place_share_value", lang, share=f"{share:.0f}") if share is not None else "—",
        border=True,
    )


def _ranking_section(
    ranking: pl.DataFrame,
    figure: Slice,
    group: Group | None,
    name: str,
    view: View,
    percent: bool,
) -> Place | None:
    lang = view.lang
    st.subheader(t("compare.ranking", lang), anchor=False)
    mine = place(ranking, view.agency)
    _place_cards(mine, view, percent, lang)
    c1, c2 = st.columns([2, 1])
    with c1:
        order = st.segmented_control(
            t("compare.order", lang),
            ["top", "bottom"],
            default="top",
            required=True,
            format_func=lambda o: t(f"compare.order_{o}", lang),
            key="compare_order",
        )
    with c2:
        count = st.selectbox(t("compare.count", lang), COUNTS, key="compare_count")
    shown = top(ranking, count) if order == "top" else bottom(ranking, count)
    if mine is not None and mine.rank is not None and mine.agency not in shown["agency"]:
        # The chosen agency is always on the chart, at its own rank.
        shown = pl.concat([shown, ranking.filter(pl.col("agency") == mine.agency)]).sort("rank")
    title_key = "compare.ranking_top" if order == "top" else "compare.ranking_bottom"
    missing = ranking.filter(pl.col("rank").is_null()).height
    notes = [t("compare.qualified_note", lang)]
    if missing:
        notes.append(t("compare.not_given", lang, count=missing))
    chart_card(
        t(title_key, lang, name=name, count=count, year=view.year),
        ranking_figure(shown, lang=lang, percent=percent, highlight=view.agency),
        data.ranking_table(figure, view.year, group, percent=percent, lang=lang),
        key="compare_ranking",
        lang=lang,
        caption=" ".join(notes),
    )
    text = st.text_input(
        t("compare.search", lang),
        placeholder=t("compare.search_placeholder", lang),
        key="compare_search",
        max_chars=100,
    )
    if text.strip():
        found = search(ranking, text)
        if found.is_empty():
            st.caption(t_literal("compare.search_none", lang, text=text.strip()))
        else:
            with st.container(key="compare_found"):
                data_table(
                    ranking_table(found, percent=percent, lang=lang),
                    hide_index=True,
                    key="compare_found_table",
                )
    st.page_link(
        PRESENT_PAGE,
        label=t("compare.present_link", lang),
        icon=":material/slideshow:",
        query_params={
            "agency": view.agency or "",
            "year": str(view.year),
            METRIC: figure.metric,
            # Both parts named (`-`: none), so the slide shows this very figure.
            CHANNEL: figure.channel or NONE_PARAM,
            CATEGORY: figure.category or NONE_PARAM,
            "slide": "2",
            **({GROUP: group.to_param()} if group else {}),
            **({"lang": lang} if st.query_params.get("lang") else {}),
        },
    )
    return mine


def _distribution_section(
    ranking: pl.DataFrame,
    mine: Place | None,
    name: str,
    view: View,
    percent: bool,
    integer: bool,
) -> None:
    lang = view.lang
    st.subheader(t("compare.distribution", lang), anchor=False)
    bins = distribution(ranking)
    marker_text = None
    if mine is not None and mine.rank is not None:
        value = value_text(
            {"value": mine.value, "qualifier": mine.qualifier, "as_written": mine.as_written},
            percent=percent,
            lang=lang,
        )
        marker_text = t("compare.marker", lang, agency=mine.agency, value=value)
    levels = quantiles(ranking)
    caption = None
    if levels.height:
        by_share = dict(zip(levels["share"], levels["value"], strict=True))

        def level(share: int) -> str:
            # A computed level: whole numbers for counts, one decimal for rates and amounts.
            return value_text(
                {"value": by_share[share], "qualifier": "exact"},
                percent=percent,
                lang=lang,
                round_to=0 if integer else 1,
            )

        caption = t("compare.quantiles", lang, median=level(50), q25=level(25), q75=level(75))
    table = pl.DataFrame(
        {
            t("compare.col_from", lang): bins.get_column("start"),
            t("compare.col_to", lang): bins.get_column("end"),
            t("compare.col_agencies", lang): bins.get_column("agencies"),
        }
    )
    chart_card(
        t("compare.distribution_title", lang, name=name, year=view.year),
        distribution_figure(
            bins,
            lang=lang,
            percent=percent,
            marker=mine.value if mine is not None and mine.rank is not None else None,
            marker_text=marker_text,
        ),
        table,
        key="compare_distribution",
        lang=lang,
        caption=caption,
    )


def _reporting_section(group: Group | None, view: View) -> None:
    lang = view.lang
    st.subheader(t("compare.reporting", lang), anchor=False)
    counts = data.reporting_counts(group)
    years = tuple(sorted(counts.years.get_column("year").to_list()))
    chart_card(
        t("compare.reporting_title", lang),
        reporting_counts_figure(counts.years, lang=lang),
        counts.years.rename(
            {
                "year": t("app.col_year", lang),
                "reported": t("compare.reported", lang),
                "missing": t("compare.missing", lang),
            }
        ),
        key="compare_reporting",
        lang=lang,
        caption=t("compare.reporting_caption", lang, count=counts.agencies),
    )
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    with c1:
        text = st.text_input(
            t("compare.search", lang),
            placeholder=t("compare.search_placeholder", lang),
            key="compare_matrix_search",
            max_chars=100,
        )
    with c2:
        only_missing = st.checkbox(
            t("compare.matrix_missing_only", lang, year=view.year), key="compare_missing_only"
        )
    filters = {"search": text, "missing_in": view.year if only_missing else None}
    # The page number widget comes after the page is read (it needs the page count), so the
    # page shown is the one it held at the end of the last run; new filters start at page 1.
    key = f"compare_matrix_page_{text.strip()}_{only_missing}"
    number = int(st.session_state.get(key, 1))
    page = data.reporting_matrix(
        years, group, limit=MATRIX_ROWS, offset=(number - 1) * MATRIX_ROWS, **filters
    )
    total = page.total
    pages = max(1, ceil(total / MATRIX_ROWS))
    if number > pages:  # fewer agencies than when the page was chosen: the last page
        number = st.session_state[key] = pages
        page = data.reporting_matrix(
            years, group, limit=MATRIX_ROWS, offset=(number - 1) * MATRIX_ROWS, **filters
        )
    if pages > 1:
        st.number_input(
            t("compare.matrix_page", lang, pages=pages),
            min_value=1,
            max_value=pages,
            step=1,
            key=key,
        )
    table = page.frame.with_columns(
        pl.when(pl.col(c)).then(pl.lit("✓")).otherwise(pl.lit("—")).alias(c)
        for c in page.frame.columns
        if c != "agency"
    ).rename({"agency": t("app.col_agency", lang)})
    first = (number - 1) * MATRIX_ROWS + 1 if total else 0
    chart_card(
        t("compare.matrix_title", lang),
        reporting_matrix_figure(page.frame, lang=lang, highlight=view.agency),
        table,
        key="compare_matrix",
        lang=lang,
        caption=t(
            "compare.matrix_caption",
            lang,
            first=first,
            last=first + page.frame.height - 1 if total else 0,
            count=total,
        ),
    )


def render() -> None:
    view = current_view()
    lang = view.lang
    st.title(t("app.page.compare", lang))
    if view.agency is None or view.year is None:
        st.info(t("app.empty_store", lang))
        return
    catalogue = get_catalogue()
    # Metric, channel and category, group: one row on a wide screen (stacked on a phone). The
    # group is chosen first, since it decides which figures there are to choose from.
    cells = st.columns(3)
    with cells[2]:
        group = _choose_group(lang)
    available = data.slices(view.year, group)
    if available.is_empty():
        st.info(t("compare.no_metrics", lang, year=view.year))
    else:
        figure = _choose_figure(available, catalogue, lang, cells[:2])
        metric = catalogue.metrics.get(figure.metric)
        percent = bool(metric and metric.is_percent)
        name = (metric.name(lang) if metric else figure.metric) + t(
            "compare.slice_suffix", lang, slice=_slice_label(figure, catalogue, lang)
        )
        ranking = data.ranking(figure, view.year, group)
        with st.container(key="compare_caption"):
            st.caption(t("compare.caption", lang, year=view.year, count=ranking.height))
        mine = _ranking_section(ranking, figure, group, name, view, percent)
        integer = bool(metric and metric.is_integer)
        _distribution_section(ranking, mine, name, view, percent, integer)
    _reporting_section(group, view)
    directory_panel(view)


render()
