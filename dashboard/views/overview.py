"""总览 Overview: the selected agency and year at a glance.

The key figures are the agency's own (chosen by the priority list of headlines.toml); the
summary names the main ones; the chart shows items per channel, or the categories of the total
when the report gives no channel split; every other figure of the year is listed as text (更多数据)
so that each stored figure can be read on a page besides 数据.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.chart import chart_card, data_table
from components.kpi import kpi_grid
from components.page import PageContext, start_page
from components.published import TOTAL_KIND, categories_with_total, items_with_total
from components.text import literal, t_literal
from dashboard.analytics import headlines as metrics
from dashboard.analytics.coverage import Slot, unshown_facts
from dashboard.analytics.headlines import HeadlinePoint
from dashboard.analytics.summary import year_summary
from dashboard.charts.builders import category_figure, channel_bar_figure
from dashboard.i18n.pages import figure_sections
from dashboard.i18n.wording import (
    headline_cards,
    listing_table,
    summary_slots,
    summary_text,
)


def _publishing_chart(page: PageContext) -> None:
    """Items per channel (with the stated total on top); without a channel split, the
    categories of the total; nothing when the year gives neither."""
    items = items_with_total(page)
    if items.filter(pl.col("kind") != TOTAL_KIND).height:
        chart_card(
            page.t("app.channels.items", year=page.year),
            channel_bar_figure(items, lang=page.lang),
            items.select("name", "text", "derived").rename(
                {
                    "name": page.t("app.col_channel"),
                    "text": page.t("app.col_value"),
                    "derived": page.t("app.col_derived"),
                }
            ),
            key="overview_channels",
            lang=page.lang,
        )
        return
    parts = categories_with_total(page, channels=False)
    if parts.filter(pl.col("value").is_not_null()).height:
        chart_card(
            page.t("app.channels.total_categories", year=page.year),
            category_figure(parts, lang=page.lang),
            parts.select("category", "text").rename(
                {"category": page.t("app.col_category"), "text": page.t("app.col_value")}
            ),
            key="overview_categories",
            lang=page.lang,
        )


def _more_figures(page: PageContext, shown: list[Slot]) -> None:
    """The year's figures that no card, summary clause or other page writes out with its unit,
    as text: section by section, a line per metric."""
    rest = unshown_facts(page.year_facts, page.catalogue, shown)
    sections = figure_sections(rest, page.catalogue, page.lang)
    if not sections:
        return
    sep = page.t("app.more.sep")
    with st.container(border=True, key="more_figures"):
        st.markdown(f"**{page.t('app.more.title')}**")
        st.caption(page.t("app.more.help"))
        # Names of channels and categories come from files: shown literally.
        lines = []
        for section in sections:
            lines.append(f"- {literal(section.name)}")
            lines += [
                "  - "
                + literal(page.t("app.more.line", name=line.name, items=sep.join(line.items)))
                for line in section.lines
            ]
        st.markdown("\n".join(lines))


def _cards_shown(points: list[HeadlinePoint]) -> list[Slot]:
    """The figures the key-figure cards show (a card reading 未报告 shows none)."""
    return [
        (p.headline.metric, p.headline.channel, p.headline.category)
        for p in points
        if p.value is not None
    ]


def render() -> None:
    page = start_page("overview")
    if page is None:
        return
    lang, catalogue = page.lang, page.catalogue
    st.subheader(page.t("app.headline"))
    points = metrics.headline_points(page.agency_facts, page.year, catalogue)
    if points:
        kpi_grid(headline_cards(points, lang), lang=lang)
    else:
        st.info(page.t("app.no_headlines"))
    st.caption(t_literal("app.source", lang, agency=page.agency, year=page.year))

    summary = year_summary(page.agency_facts, page.agency, page.year, catalogue)
    with st.container(border=True, key="summary"):
        st.markdown(f"**{page.t('app.summary')}**")
        # Agency names come from uploaded files: shown literally, never as markdown.
        st.markdown(literal(summary_text(summary, catalogue, lang)))

    _publishing_chart(page)
    _more_figures(page, _cards_shown(points) + summary_slots(summary, catalogue, lang))

    st.subheader(page.t("app.all_figures"))
    table = listing_table(metrics.facts_listing(page.year_facts, catalogue), catalogue, lang)
    data_table(
        table,
        hide_index=True,
        column_config={
            "metric": page.t("app.col_metric"),
            "channel": page.t("app.col_channel"),
            "category": page.t("app.col_category"),
            "value": page.t("app.col_value"),
            # An empty label (English) hides the column of Chinese measure words.
            "unit": page.t("app.col_unit") or None,
            "note": st.column_config.TextColumn(page.t("app.col_note"), width="large"),
        },
        key="overview_facts",
    )


render()
