"""A one-paragraph account of an agency's year, generated from its figures (Chinese or English).

Sentences are built only from figures that exist; qualifiers are kept (`400余条`); changes are
given against the latest earlier year with the same figure.
"""

from __future__ import annotations

import polars as pl

from dashboard.analytics.channels import channel_items
from dashboard.analytics.headlines import slot_filter, year_change
from dashboard.analytics.hotline import hotline_years
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import format_value


def _figure(
    agency_facts: pl.DataFrame, year: int, metric: str, channel: str | None = None
) -> dict | None:
    rows = agency_facts.filter((pl.col("year") == year) & slot_filter(metric, channel))
    return rows.row(0, named=True) if rows.height else None


def _change(
    agency_facts: pl.DataFrame, year: int, metric: str, channel: str | None, lang: str
) -> str:
    change = year_change(agency_facts, year, metric, channel, lang=lang)
    if change is None:
        return ""
    if lang == "zh":
        return f"（较{change.since}年{'约' if change.rough else ''}{change.delta}）"
    return f" ({'~' if change.rough else ''}{change.delta} on {change.since})"


def year_summary(
    agency_facts: pl.DataFrame, agency: str, year: int, catalogue: Catalogue, lang: str = "zh"
) -> str:
    """The paragraph for the overview; says plainly when the year has few figures."""
    zh = lang == "zh"
    parts: list[str] = []
    channels = channel_items(agency_facts, year, catalogue, lang).filter(
        pl.col("value").is_not_null()
    )
    if channels.height:
        items = []
        for r in channels.head(4).iter_rows(named=True):
            change = (
                ""
                if r["derived"]
                else _change(agency_facts, year, "items_published", r["channel"], lang)
            )
            if zh:
                items.append(f"{r['name']}{r['text']}条{change}")
            else:
                items.append(f"{r['text']} on {r['name']}{change}")
        parts.append(
            ("主动公开信息：" + "，".join(items)) if zh else "items published: " + ", ".join(items)
        )
    hotline = hotline_years(agency_facts, lang).filter(pl.col("year") == year)
    if hotline.height:
        h = hotline.row(0, named=True)
        if h["received"] is not None:
            rate = (
                ""
                if h["closure_rate"] is None
                else (
                    f"，办结率{h['closure_rate_text']}"
                    if zh
                    else f", {h['closure_rate_text']} closed"
                )
            )
            parts.append(
                f"受理12345热线交办件{h['received_text']}件{rate}"
                if zh
                else f"{h['received_text']} hotline cases received{rate}"
            )
    requests = _figure(agency_facts, year, "requests_new")
    if requests is not None:
        text = format_value(requests["value"], requests["qualifier"], lang=lang)
        parts.append(f"新收政府信息公开申请{text}件" if zh else f"{text} new disclosure requests")
    meetings = _figure(agency_facts, year, "meetings")
    if meetings is not None and meetings["value"]:
        text = format_value(meetings["value"], meetings["qualifier"], lang=lang)
        parts.append(f"召开专题会议{text}次" if zh else f"{text} meetings on disclosure work")
    if not parts:
        return (
            f"{year}年，{agency}暂无可汇总的数据。"
            if zh
            else f"No figures to summarise for {agency} in {year}."
        )
    if zh:
        return f"{year}年，{agency}" + "；".join(parts) + "。"
    return f"{agency}, {year} — " + "; ".join(parts) + "."
