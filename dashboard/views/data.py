"""数据 Data: the stored facts, filterable, downloadable in the upload format; templates."""

from __future__ import annotations

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import state
from components.auth import current_actor
from components.chart import data_table
from components.data import (
    agency_years,
    download,
    facts_view,
    find_agencies,
    get_catalogue,
    slot_choices,
    years,
)
from components.decks import deck_panel
from components.extract import extract_panel
from components.filters import AGENCIES_FOUND, AGENCIES_LISTED, View, current_view
from components.text import literal, t_literal
from components.upload import history_panel, upload_panel
from dashboard.domain.catalogue import Catalogue
from dashboard.i18n.format import format_value
from dashboard.i18n.messages import t
from dashboard.outputs.exporter import Format, template
from dashboard.store.reads import FactFilter

SHOWN_ROWS = 5_000  # a table longer than this is for downloading, not for reading on screen
XLSX_MAX_ROWS = 1_048_575  # an Excel sheet's rows, less the header
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Up to this many agencies the agency filter offers them all. Beyond (a province: 10,000), every
# name would go to the browser on every rerun, a cost growing with the store (~10 ms a rerun at
# 10,000): the filter then offers the chosen agencies and what a search box finds.


@st.cache_data(show_spinner=False, max_entries=4)
def _template(fmt: Format) -> bytes:
    return template(get_catalogue(), fmt)


def _display(frame: pl.DataFrame, catalogue: Catalogue, lang: str) -> pl.DataFrame:
    """The facts with names and formatted values in the chosen language."""
    metrics = catalogue.metrics
    metric_names = {m.id: m.name(lang) for m in metrics.values()}
    sections = {m.id: t(f"section.{m.section}", lang) for m in metrics.values()}
    values = [
        format_value(v, q, percent=metrics[m].is_percent, lang=lang, as_written=w)
        for v, q, m, w in zip(
            frame["value"], frame["qualifier"], frame["metric"], frame["as_written"], strict=True
        )
    ]
    categories = [
        catalogue.category_name(metrics[m], c, lang) if c else ""
        for m, c in zip(frame["metric"], frame["category"], strict=True)
    ]
    channels = [catalogue.channel_name(c, lang) for c in frame["channel"]]
    return pl.DataFrame(
        {
            t("app.col_agency", lang): frame["agency"],
            t("app.col_year", lang): frame["year"],
            t("app.data.section", lang): frame["metric"].replace_strict(sections),
            t("app.col_metric", lang): frame["metric"].replace_strict(metric_names),
            t("app.col_channel", lang): pl.Series(channels, dtype=pl.String),
            t("app.col_category", lang): pl.Series(categories, dtype=pl.String),
            t("app.col_value", lang): pl.Series(values, dtype=pl.String),
            t("app.col_note", lang): frame["note"].fill_null(""),
        }
    )


def _agency_options(
    listed: dict[str, list[int]], agency: str | None, cell: DeltaGenerator, lang: str
) -> list[str]:
    """The agency filter's choices: every agency of a store of up to AGENCIES_LISTED; else the
    chosen ones, the sidebar's, and the first AGENCIES_FOUND that a search box above finds (the
    multiselect keeps its choice as its options change: its key is its identity)."""
    if len(listed) <= AGENCIES_LISTED:
        return list(listed)
    text = cell.text_input(
        t("app.agency_search", lang),
        key="data_agency_search",
        max_chars=100,
        placeholder=t("app.agency_search_placeholder", lang),
        help=t("app.data.agency_search_help", lang, count=len(listed)),
    )
    chosen = [a for a in st.session_state.get("data_agency", []) if a in listed]
    found: list[str] = []
    if text.strip():
        count, found = find_agencies(text, AGENCIES_FOUND)
        if not count:
            cell.caption(t_literal("app.agency_none", lang, text=text.strip()))
        elif count > len(found):
            cell.caption(t("app.agency_found", lang, count=count, shown=len(found)))
    sidebar = [agency] if agency in listed else []
    return list(dict.fromkeys([*chosen, *sidebar, *found]))


def _browse(view: View) -> None:
    """The stored facts, filterable, with downloads and the templates (everyone).

    The choices come from the datasets table and the store's metrics and channels, the table
    from one query with the filters and the row limit in SQL: nothing loads the whole store.
    """
    lang = view.lang
    catalogue = get_catalogue()
    listed = agency_years()
    present = slot_choices()
    sections = {m.id: m.section for m in catalogue.metrics.values()}

    # Our own word for an empty filter: Streamlit's default placeholder is English.
    everything = t("app.data.all", lang)
    with st.container(border=True, key="data_filters"):
        st.markdown(f"**{t('app.data.filters', lang)}**")
        c1, c2, c3, c4, c5 = st.columns(5)
        agencies = c1.multiselect(
            t("app.col_agency", lang),
            _agency_options(listed, view.agency, c1, lang),
            # The agency chosen in the sidebar; clear it to see every agency.
            default=[view.agency] if view.agency in listed else None,
            key="data_agency",
            placeholder=everything,
        )
        chosen_years = c2.multiselect(
            t("app.col_year", lang),
            years(),
            key="data_year",
            placeholder=everything,
        )
        section_ids = list(dict.fromkeys(sections.values()))
        chosen_sections = c3.multiselect(
            t("app.data.section", lang),
            section_ids,
            format_func=lambda s: t(f"section.{s}", lang),
            key="data_section",
            placeholder=everything,
        )
        metrics_chosen = c4.multiselect(
            t("app.col_metric", lang),
            [m for m in catalogue.metrics if m in present.metrics],
            format_func=lambda m: catalogue.metrics[m].name(lang),
            key="data_metric",
            placeholder=everything,
        )
        channels = c5.multiselect(
            t("app.col_channel", lang),
            sorted(present.channels),
            format_func=lambda c: catalogue.channel_name(c, lang),
            key="data_channel",
            placeholder=everything,
        )

    # A section and a metric both narrow the metrics: rows must meet both.
    metrics: tuple[str, ...] | None = tuple(metrics_chosen) if metrics_chosen else None
    if chosen_sections:
        in_sections = tuple(m for m, s in sections.items() if s in chosen_sections)
        metrics = in_sections if metrics is None else tuple(m for m in metrics if m in in_sections)
    filters = FactFilter(
        agencies=tuple(agencies) or None,
        years=tuple(chosen_years) or None,
        metrics=metrics,
        channels=tuple(channels) or None,
    )
    count, shown = facts_view(filters, SHOWN_ROWS)

    st.caption(t("app.data.count", lang, count=count))
    if count > SHOWN_ROWS:
        st.caption(t("app.data.truncated", lang, shown=SHOWN_ROWS))
    data_table(_display(shown, catalogue, lang), hide_index=True, key="data_table")

    d1, d2, _ = st.columns([1, 1, 2])
    d1.download_button(
        t("app.data.download_csv", lang),
        data=download(filters, "csv"),
        file_name="facts.csv",
        mime="text/csv",
        key="data_download_csv",
        on_click="ignore",
        disabled=count == 0,
    )
    too_many = count > XLSX_MAX_ROWS
    d2.download_button(
        t("app.data.download_xlsx", lang),
        data=download(filters, "xlsx"),
        file_name="facts.xlsx",
        key="data_download_xlsx",
        on_click="ignore",
        disabled=count == 0 or too_many,
        help=t("app.data.xlsx_too_many", lang, limit=XLSX_MAX_ROWS) if too_many else None,
        mime=XLSX_MIME,
    )

    with st.container(border=True, key="data_templates"):
        st.markdown(f"**{t('app.data.template', lang)}**")
        st.caption(t("app.data.template_help", lang))
        e1, e2, _ = st.columns([1, 1, 2])
        e1.download_button(
            t("app.data.template_csv", lang),
            data=_template("csv"),
            file_name="template.csv",
            mime="text/csv",
            key="template_csv",
            on_click="ignore",
        )
        e2.download_button(
            t("app.data.template_xlsx", lang),
            data=_template("xlsx"),
            file_name="template.xlsx",
            key="template_xlsx",
            on_click="ignore",
            mime=XLSX_MIME,
        )


def render() -> None:
    view = current_view()
    lang = view.lang
    st.title(t("app.page.data", lang))
    flash = st.session_state.pop(state.FLASH, None)
    if flash:
        # Plain text naming agencies, files and decks (from users): shown as typed.
        st.success(literal(flash))
    actor = current_actor()
    if actor is None or not actor.is_editor:
        # Viewers get no upload, save or restore controls at all, not disabled ones.
        _browse(view)
        st.caption(t("auth.editors_only", lang))
        return
    browse, upload, history, decks = st.tabs(
        [
            t("upload.tab_browse", lang),
            t("upload.tab_upload", lang),
            t("upload.tab_history", lang),
            t("upload.tab_decks", lang),
        ],
        key="data_tabs",
    )
    with browse:
        _browse(view)
    with upload:
        upload_panel(view, actor)
        st.divider()
        extract_panel(view, actor)
    with history:
        history_panel(view, actor)
    with decks:
        deck_panel(view, actor)


render()
