"""Figures written out for the pages' text: a figure with its unit as the report wrote it
(`1739条`, `4件次`, `3.17万人次`), and the overview's list of the year's other figures (更多数据),
by section of the catalogue, one line per metric.

The list is text, not a grid on a canvas: every figure of the year can be read, searched and
heard on a page besides 数据, even where no chart or card holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier
from dashboard.i18n.format import format_value, with_unit
from dashboard.i18n.messages import DEFAULT_LANG, t


def figure_with_unit(
    value: float | None,
    qualifier: str,
    *,
    percent: bool = False,
    unit: str | None = None,
    as_written: str | None = None,
    lang: str = DEFAULT_LANG,
) -> str:
    """`400余条`, `3.17万人次` in Chinese, `400+` in English (which leaves out the Chinese
    measure word); `未报告` / `not reported` without a unit for a figure not given."""
    text = format_value(
        value,
        qualifier or Qualifier.NOT_REPORTED,
        percent=percent,
        lang=lang,
        as_written=as_written,
    )
    if value is None or percent:
        return text
    return with_unit(text, unit, lang)


@dataclass(frozen=True)
class FigureLine:
    """One line of the list: a metric's name and its figures of the year, as text."""

    metric: str  # the metric's id
    name: str  # its name, in the language shown
    items: tuple[str, ...]  # `政府门户网站 · 部门文件 10条`, or `16条` for a figure alone


@dataclass(frozen=True)
class FigureSection:
    """The lines of one section of the catalogue (发布渠道, 依申请公开 …)."""

    section: str  # the section's id
    name: str  # its name, in the language shown
    lines: tuple[FigureLine, ...]


def _column(row: dict[str, object], name: str) -> str | None:
    value = row.get(name)
    return str(value) if value else None


def figure_sections(
    facts: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> list[FigureSection]:
    """The facts given (a frame of facts; figures not reported are left out), by section and
    metric in catalogue order, each figure written with its unit and, where given, its channel
    and category. Channel and category names come from files: the caller shows them literally."""
    given = facts.filter(pl.col("value").is_not_null())
    sections: dict[str, list[FigureLine]] = {}
    for metric_id, metric in catalogue.metrics.items():
        items = []
        for r in given.filter(pl.col("metric") == metric_id).iter_rows(named=True):
            where = " · ".join(
                p
                for p in (
                    catalogue.channel_name(r["channel"], lang),
                    catalogue.category_name(metric, r["category"], lang) if r["category"] else "",
                )
                if p
            )
            value = figure_with_unit(
                r["value"],
                r["qualifier"],
                percent=metric.is_percent,
                unit=_column(r, "unit") or metric.unit,
                as_written=_column(r, "as_written"),
                lang=lang,
            )
            items.append(t("app.more.item", lang, where=where, value=value) if where else value)
        if items:
            line = FigureLine(metric_id, metric.name(lang), tuple(items))
            sections.setdefault(metric.section, []).append(line)
    return [
        FigureSection(section, t(f"section.{section}", lang), tuple(lines))
        for section, lines in sections.items()
    ]
