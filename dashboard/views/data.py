"""数据 Data: the stored facts, filterable, downloadable in the upload format; templates."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.data import current_facts, get_catalogue
from components.filters import current_lang
from dashboard.core.exporter import export_facts, template
from dashboard.core.facts import frame_facts
from dashboard.core.messages import t
from dashboard.core.values import format_value


@st.cache_data(show_spinner=False, max_entries=4)
def _template(fmt: str) -> bytes:
    return template(get_catalogue(), fmt)  # type: ignore[arg-type]


def render() -> None:
    lang = current_lang()
    st.title(t("app.page.data", lang))
    catalogue = get_catalogue()
    facts = current_facts()
    sections = {m.id: m.section for m in catalogue.metrics.values()}
    facts = facts.with_columns(pl.col("metric").replace_strict(sections).alias("section"))

    with st.container(border=True, key="data_filters"):
        st.markdown(f"**{t('app.data.filters', lang)}**")
        c1, c2, c3, c4, c5 = st.columns(5)
        agencies = c1.multiselect(
            t("app.col_agency", lang), facts["agency"].unique().sort().to_list(), key="data_agency"
        )
        years = c2.multiselect(
            t("app.col_year", lang),
            facts["year"].unique().sort(descending=True).to_list(),
            key="data_year",
        )
        section_ids = list(dict.fromkeys(m.section for m in catalogue.metrics.values()))
        chosen_sections = c3.multiselect(
            t("app.data.section", lang),
            section_ids,
            format_func=lambda s: t(f"section.{s}", lang),
            key="data_section",
        )
        metric_ids = [m for m in catalogue.metrics if m in set(facts["metric"].to_list())]
        metrics_chosen = c4.multiselect(
            t("app.col_metric", lang),
            metric_ids,
            format_func=lambda m: catalogue.metrics[m].name(lang),
            key="data_metric",
        )
        channel_ids = facts["channel"].drop_nulls().unique().sort().to_list()
        channels = c5.multiselect(
            t("app.col_channel", lang),
            channel_ids,
            format_func=lambda c: catalogue.channel_name(c, lang),
            key="data_channel",
        )

    selected = facts
    for column, chosen in (
        ("agency", agencies),
        ("year", years),
        ("section", chosen_sections),
        ("metric", metrics_chosen),
        ("channel", channels),
    ):
        if chosen:
            selected = selected.filter(pl.col(column).is_in(chosen))

    st.caption(t("app.data.count", lang, count=selected.height))
    shown = _display(selected, catalogue, lang)
    st.dataframe(shown, hide_index=True, key="data_table")

    upload_facts = frame_facts(selected.drop("section"))
    d1, d2, _ = st.columns([1, 1, 2])
    d1.download_button(
        t("app.data.download_csv", lang),
        data=export_facts(upload_facts, catalogue, "csv"),
        file_name="facts.csv",
        mime="text/csv",
        key="data_download_csv",
        on_click="ignore",
        disabled=not upload_facts,
    )
    d2.download_button(
        t("app.data.download_xlsx", lang),
        data=export_facts(upload_facts, catalogue, "xlsx"),
        file_name="facts.xlsx",
        key="data_download_xlsx",
        on_click="ignore",
        disabled=not upload_facts,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


def _display(frame: pl.DataFrame, catalogue, lang: str) -> pl.DataFrame:
    """The facts with names and formatted values in the chosen language."""
    metrics = catalogue.metrics
    return pl.DataFrame(
        {
            t("app.col_agency", lang): frame["agency"],
            t("app.col_year", lang): frame["year"],
            t("app.data.section", lang): [t(f"section.{s}", lang) for s in frame["section"]],
            t("app.col_metric", lang): [metrics[m].name(lang) for m in frame["metric"]],
            t("app.col_channel", lang): [catalogue.channel_name(c, lang) for c in frame["channel"]],
            t("app.col_category", lang): [
                catalogue.category_name(metrics[m], c, lang) if c else ""
                for m, c in zip(frame["metric"], frame["category"], strict=True)
            ],
            t("app.col_value", lang): [
                format_value(v, q, percent=metrics[m].is_percent, lang=lang)
                for v, q, m in zip(frame["value"], frame["qualifier"], frame["metric"], strict=True)
            ],
            t("app.col_note", lang): frame["note"].fill_null(""),
        }
    )


render()
