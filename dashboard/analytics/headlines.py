"""Headline values for the pages, computed from the current facts (a Polars frame).

Pages ask for "the headline figures of agency A in year Y" and get display-ready values with
their qualifiers kept (`400余`), and `未报告` where a figure is missing, never 0.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier, format_value
from dashboard.paths import CATALOGUE_DIR


@dataclass(frozen=True)
class Headline:
    zh: str
    en: str
    metric: str
    channel: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class HeadlineValue:
    """One figure ready to show: label, value as text, unit, the report's words, its trend."""

    label: str
    text: str
    unit: str
    value: float | None
    qualifier: str
    note: str | None
    change: str | None = None  # against the latest earlier year: `+12%`, `-3`, or None
    change_note: str | None = None  # what the change compares with: `较2019年`, `约，较2019年`
    history: tuple[float, ...] = ()  # values over the years up to this one, for a sparkline


@cache
def headlines() -> tuple[Headline, ...]:
    raw = tomllib.loads((CATALOGUE_DIR / "headlines.toml").read_text("utf-8"))
    return tuple(Headline(**h) for h in raw["headline"])


def year_facts(facts: pl.DataFrame, agency: str, year: int) -> pl.DataFrame:
    return facts.filter((pl.col("agency") == agency) & (pl.col("year") == year))


def agency_facts(facts: pl.DataFrame, agency: str) -> pl.DataFrame:
    return facts.filter(pl.col("agency") == agency)


def slot_label(
    catalogue: Catalogue, metric: str, channel: str | None, category: str | None, lang: str
) -> str:
    """`微博 · 发布信息条数` — the metric, qualified by channel/category where given."""
    m = catalogue.metrics[metric]
    parts = [
        catalogue.channel_name(channel, lang) if channel else "",
        catalogue.category_name(m, category, lang) if category else "",
    ]
    prefix = " · ".join(p for p in parts if p)
    return f"{prefix} · {m.name(lang)}" if prefix else m.name(lang)


def slot_filter(metric: str, channel: str | None = None, category: str | None = None) -> pl.Expr:
    """Rows of one figure: a metric, with the channel and category given (None = blank)."""
    return (pl.col("metric") == metric) & _eq("channel", channel) & _eq("category", category)


def is_rough(*qualifiers: str) -> bool:
    """A change between qualified figures (400余 → 500余) is itself only approximate."""
    return any(q != Qualifier.EXACT for q in qualifiers)


def change_text(
    old: float | None,
    old_qualifier: str,
    new: float | None,
    new_qualifier: str,
    *,
    percent: bool,
    lang: str,
    mark_rough: bool = True,
) -> str | None:
    """`+12%` (relative) for counts, `+1.5个百分点` / `+1.5 pp` for rates; None without both.

    With `mark_rough`, a change between qualified figures reads `约+25%`; without it the caller
    says so elsewhere (st.metric reads the direction from the leading sign).
    """
    if old is None or new is None:
        return None
    prefix = (
        ("约" if lang == "zh" else "~")
        if mark_rough and is_rough(old_qualifier, new_qualifier)
        else ""
    )
    if percent:
        points = new - old
        unit = "个百分点" if lang == "zh" else " pp"
        return f"{prefix}{points:+.1f}{unit}".replace(".0" + unit, unit)
    if old == 0:
        return f"{prefix}{new - old:+.15g}"  # `g` alone writes 1200000 as 1.2e+06
    return f"{prefix}{(new - old) / old * 100:+.0f}%"


@dataclass(frozen=True)
class Change:
    """This year's figure against the latest earlier year that has it."""

    since: int  # the earlier year
    delta: str  # `+12%`, `-3`, `+1.5个百分点`: sign first, no qualifier mark
    rough: bool  # a qualified figure is involved (400余 → 500余): the change is approximate
    grew: bool


def year_change(
    agency_facts: pl.DataFrame,
    year: int,
    metric: str,
    channel: str | None = None,
    category: str | None = None,
    *,
    percent: bool = False,
    lang: str = "zh",
) -> Change | None:
    """The change of one figure; None when this year or every earlier year lacks it."""
    rows = agency_facts.filter(
        slot_filter(metric, channel, category)
        & (pl.col("year") <= year)
        & pl.col("value").is_not_null()
    ).sort("year")
    if rows.height < 2 or rows.row(-1, named=True)["year"] != year:
        return None
    before, now = rows.row(-2, named=True), rows.row(-1, named=True)
    delta = change_text(
        before["value"],
        before["qualifier"],
        now["value"],
        now["qualifier"],
        percent=percent,
        lang=lang,
        mark_rough=False,
    )
    if delta is None:
        return None
    return Change(
        since=before["year"],
        delta=delta,
        rough=is_rough(before["qualifier"], now["qualifier"]),
        grew=now["value"] >= before["value"],
    )


def headline_values(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> list[HeadlineValue]:
    """The declared headline figures of one agency in one year, with change and history."""
    figures = []
    for h in headlines():
        metric = catalogue.metrics[h.metric]
        rows = agency_facts.filter(slot_filter(h.metric, h.channel, h.category)).sort("year")
        current = rows.filter(pl.col("year") == year)
        row = current.row(0, named=True) if current.height else None
        value = row["value"] if row else None
        qualifier = row["qualifier"] if row else Qualifier.NOT_REPORTED
        change = year_change(
            agency_facts,
            year,
            h.metric,
            h.channel,
            h.category,
            percent=metric.is_percent,
            lang=lang,
        )
        change_note = None
        if change is not None:
            if lang == "zh":
                change_note = f"{'约，' if change.rough else ''}较{change.since}年"
            else:
                change_note = f"{'approx., ' if change.rough else ''}vs {change.since}"
        history = tuple(
            rows.filter((pl.col("year") <= year) & pl.col("value").is_not_null())
            .get_column("value")
            .to_list()
        )
        figures.append(
            HeadlineValue(
                label=h.zh if lang == "zh" else h.en,
                text=format_value(value, qualifier, percent=metric.is_percent, lang=lang),
                unit="" if metric.is_percent or value is None else metric.unit,
                value=value,
                qualifier=str(qualifier),
                note=row["note"] if row else None,
                change=change.delta if change else None,
                change_note=change_note,
                history=history,
            )
        )
    return figures


def _eq(column: str, value: str | None) -> pl.Expr:
    return pl.col(column).is_null() if value is None else pl.col(column) == value


def facts_listing(facts: pl.DataFrame, catalogue: Catalogue, lang: str = "zh") -> pl.DataFrame:
    """Facts with display names and formatted values, in catalogue order."""
    order = {m: i for i, m in enumerate(catalogue.metrics)}
    rows = []
    for r in facts.iter_rows(named=True):
        metric = catalogue.metrics[r["metric"]]
        rows.append(
            {
                "order": order[r["metric"]],
                "metric": metric.name(lang),
                "channel": catalogue.channel_name(r["channel"], lang),
                "category": catalogue.category_name(metric, r["category"], lang)
                if r["category"]
                else "",
                "value": format_value(
                    r["value"], r["qualifier"], percent=metric.is_percent, lang=lang
                ),
                "unit": "" if metric.is_percent else metric.unit,
                "note": r["note"] or "",
            }
        )
    schema = {
        "order": pl.Int32,
        "metric": pl.String,
        "channel": pl.String,
        "category": pl.String,
        "value": pl.String,
        "unit": pl.String,
        "note": pl.String,
    }
    return pl.DataFrame(rows, schema=schema).sort("order", maintain_order=True).drop("order")
