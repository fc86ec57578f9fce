"""Channel figures: items published per channel, categories within channels, trends, submissions.

Frames returned here are display-ready (names and formatted values in the chosen language) and
are what the figure builders and the "numbers" tables take. A channel total that the report does
not state but whose categories are known is derived as their sum and marked `derived`.
"""

from __future__ import annotations

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier, format_value

ITEMS = "items_published"

TEXT_SCHEMA = {"value": pl.Float64, "qualifier": pl.String, "text": pl.String}


def with_text(frame: pl.DataFrame, *, lang: str, percent: bool = False) -> pl.DataFrame:
    """Add `text`: the value as people read it (`400余`, `未报告`)."""
    texts = [
        format_value(v, q, percent=percent, lang=lang)
        for v, q in zip(frame.get_column("value"), frame.get_column("qualifier"), strict=True)
    ]
    return frame.with_columns(pl.Series("text", texts, dtype=pl.String))


def _channel_names(frame: pl.DataFrame, catalogue: Catalogue, lang: str) -> pl.DataFrame:
    names = [catalogue.channel_name(c, lang) for c in frame.get_column("channel")]
    kinds = [
        catalogue.channels[c].kind if c in catalogue.channels else "other"
        for c in frame.get_column("channel")
    ]
    return frame.with_columns(
        pl.Series("name", names, dtype=pl.String), pl.Series("kind", kinds, dtype=pl.String)
    )


def channel_totals(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """Items per channel and year: stated totals, else the sum of categories (derived).

    Columns: year, channel, value, qualifier, derived.
    """
    items = agency_facts.filter((pl.col("metric") == ITEMS) & pl.col("channel").is_not_null())
    stated = items.filter(pl.col("category").is_null()).select(
        "year", "channel", "value", "qualifier", pl.lit(False).alias("derived")
    )
    # A total written as 未报告 is not stated either: its known parts still give a lower bound.
    known = stated.filter(pl.col("value").is_not_null()).select("year", "channel")
    parts = (
        items.filter(pl.col("category").is_not_null() & pl.col("value").is_not_null())
        .group_by("year", "channel")
        .agg(pl.col("value").sum())
        .join(known, on=["year", "channel"], how="anti")
        .select(
            "year",
            "channel",
            "value",
            # The categories named in a report rarely cover everything: a lower bound.
            pl.lit(str(Qualifier.AT_LEAST)).alias("qualifier"),
            pl.lit(True).alias("derived"),
        )
    )
    stated = stated.join(parts.select("year", "channel"), on=["year", "channel"], how="anti")
    return pl.concat([stated, parts]).sort("year", "channel")


def channel_items(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Items published per channel in one year, largest first.

    Columns: channel, name, kind, value, qualifier, derived, text.
    """
    frame = channel_totals(agency_facts).filter(pl.col("year") == year).drop("year")
    frame = _channel_names(frame, catalogue, lang)
    frame = with_text(frame, lang=lang)
    return frame.sort(["value", "name"], descending=[True, False], nulls_last=True).select(
        "channel", "name", "kind", "value", "qualifier", "derived", "text"
    )


def total_items(agency_facts: pl.DataFrame, year: int) -> tuple[float, str] | None:
    """All items of the year: the stated total, else the sum of channel totals (a lower bound)."""
    stated = agency_facts.filter(
        (pl.col("metric") == ITEMS)
        & (pl.col("year") == year)
        & pl.col("channel").is_null()
        & pl.col("category").is_null()
        & pl.col("value").is_not_null()
    )
    if stated.height:
        row = stated.row(0, named=True)
        return row["value"], row["qualifier"]
    year_totals = channel_totals(agency_facts).filter(pl.col("year") == year)
    totals = year_totals.filter(pl.col("value").is_not_null())
    if not totals.height:
        return None
    # A channel not reported adds an unknown amount: the sum is then only a lower bound.
    exact = year_totals.get_column("qualifier").eq(str(Qualifier.EXACT)).all()
    return float(totals.get_column("value").sum()), str(
        Qualifier.EXACT if exact else Qualifier.AT_LEAST
    )


def channel_categories(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Categories within each channel in one year. Columns: channel, name, category, value,
    qualifier, text."""
    frame = agency_facts.filter(
        (pl.col("metric") == ITEMS)
        & (pl.col("year") == year)
        & pl.col("channel").is_not_null()
        & pl.col("category").is_not_null()
    ).select("channel", "category", "value", "qualifier")
    frame = with_text(_channel_names(frame, catalogue, lang), lang=lang)
    return frame.sort(["channel", "value"], descending=[False, True], nulls_last=True).select(
        "channel", "name", "category", "value", "qualifier", "text"
    )


def channel_trend(
    agency_facts: pl.DataFrame, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Items per channel over the years. Columns: year, channel, name, value, qualifier,
    derived, text."""
    frame = _channel_names(channel_totals(agency_facts), catalogue, lang)
    return with_text(frame, lang=lang).select(
        "year", "channel", "name", "value", "qualifier", "derived", "text"
    )


def submissions(agency_facts: pl.DataFrame, year: int, lang: str = "zh") -> pl.DataFrame:
    """Information submitted and adopted per recipient, with the adoption rate where both exist.

    Columns: recipient, submitted, submitted_text, adopted, adopted_text, rate, rate_text.
    """
    facts = agency_facts.filter(
        (pl.col("year") == year) & pl.col("metric").is_in(["info_submitted", "info_adopted"])
    )
    recipients = facts.get_column("category").fill_null("").unique(maintain_order=True).to_list()
    rows = []
    for recipient in recipients:
        mine = facts.filter(pl.col("category").fill_null("") == recipient)
        sub = mine.filter(pl.col("metric") == "info_submitted")
        ado = mine.filter(pl.col("metric") == "info_adopted")
        s = sub.row(0, named=True) if sub.height else None
        a = ado.row(0, named=True) if ado.height else None
        rate = None
        rough = ""
        if s and a and s["value"] and a["value"] is not None:
            rate = a["value"] / s["value"] * 100
            # from 30余 submitted the rate is only approximate: say so, as hotline rates do
            if s["qualifier"] != Qualifier.EXACT or a["qualifier"] != Qualifier.EXACT:
                rough = "约" if lang == "zh" else "~"
        rows.append(
            {
                "recipient": recipient or ("合计" if lang == "zh" else "All"),
                "submitted": s["value"] if s else None,
                "submitted_text": format_value(
                    s["value"] if s else None,
                    s["qualifier"] if s else Qualifier.NOT_REPORTED,
                    lang=lang,
                ),
                "adopted": a["value"] if a else None,
                "adopted_text": format_value(
                    a["value"] if a else None,
                    a["qualifier"] if a else Qualifier.NOT_REPORTED,
                    lang=lang,
                ),
                "rate": rate,
                "rate_text": "" if rate is None else f"{rough}{rate:.1f}%",
            }
        )
    schema = {
        "recipient": pl.String,
        "submitted": pl.Float64,
        "submitted_text": pl.String,
        "adopted": pl.Float64,
        "adopted_text": pl.String,
        "rate": pl.Float64,
        "rate_text": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)
