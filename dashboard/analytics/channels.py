"""Channel figures: items published per channel, categories within channels, trends, submissions.

Frames returned here hold ids and numbers (channel id, value, qualifier); the formatting layer
(`dashboard.i18n.wording`) adds the names and texts that the figure builders and the "numbers"
tables show. A channel total that the report does not state but whose categories are known is
derived as their sum and marked `derived`.
"""

from __future__ import annotations

import polars as pl

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.values import Qualifier

ITEMS = "items_published"
# The report's words of a figure (FACTS_SCHEMA): carried with the number for the display, which
# shows a figure as written (`3.17万`, `58则`); a figure computed here has none.
WORDS = ("unit", "as_written")
NO_WORDS = tuple(pl.lit(None, pl.String).alias(w) for w in WORDS)


def channel_totals(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """Items per channel and year: stated totals, else the sum of categories (derived).

    Columns: year, channel, value, qualifier, derived, unit, as_written (the report's words of a
    stated total; null for a derived one).
    """
    items = agency_facts.filter((pl.col("metric") == ITEMS) & pl.col("channel").is_not_null())
    stated = items.filter(pl.col("category").is_null()).select(
        "year", "channel", "value", "qualifier", pl.lit(False).alias("derived"), *WORDS
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
            *NO_WORDS,
        )
    )
    stated = stated.join(parts.select("year", "channel"), on=["year", "channel"], how="anti")
    return pl.concat([stated, parts]).sort("year", "channel")


def channel_items(agency_facts: pl.DataFrame, year: int, catalogue: Catalogue) -> pl.DataFrame:
    """Items published per channel in one year, largest first (not reported last).

    Columns: channel, kind, value, qualifier, derived, unit, as_written.
    """
    frame = channel_totals(agency_facts).filter(pl.col("year") == year).drop("year")
    kinds = [
        catalogue.channels[c].kind if c in catalogue.channels else "other"
        for c in frame.get_column("channel")
    ]
    return (
        frame.with_columns(pl.Series("kind", kinds, dtype=pl.String))
        .sort(["value", "channel"], descending=[True, False], nulls_last=True)
        .select("channel", "kind", "value", "qualifier", "derived", *WORDS)
    )


def without_combined_parts(totals: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """Channel totals (with `year` and `channel`) less the channels a combined channel holds in
    a year it is given: 微博微信合计 already counts Weibo's and WeChat's posts, so a sum over
    channels counts each post once. Charts keep every channel as its own bar."""
    combined = [(c.id, part) for c in catalogue.channels.values() for part in c.combines]
    if not combined:
        return totals
    parts = pl.DataFrame(
        combined, schema={"combined": pl.String, "channel": pl.String}, orient="row"
    )
    given = totals.filter(pl.col("value").is_not_null()).select(
        "year", pl.col("channel").alias("combined")
    )
    held = parts.join(given, on="combined").select("year", "channel")
    return totals.join(held, on=["year", "channel"], how="anti")


def total_items(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue | None = None
) -> tuple[float, str] | None:
    """All items of the year: the stated total, else the sum of channel totals (a lower bound).

    A combined channel (微博微信合计) stands for the channels it combines in that sum."""
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
    year_totals = without_combined_parts(
        channel_totals(agency_facts).filter(pl.col("year") == year),
        catalogue or default_catalogue(),
    )
    totals = year_totals.filter(pl.col("value").is_not_null())
    if not totals.height:
        return None
    # A channel not reported adds an unknown amount: the sum is then only a lower bound.
    exact = year_totals.get_column("qualifier").eq(str(Qualifier.EXACT)).all()
    return float(totals.get_column("value").sum()), str(
        Qualifier.EXACT if exact else Qualifier.AT_LEAST
    )


def channel_categories(agency_facts: pl.DataFrame, year: int) -> pl.DataFrame:
    """Categories within each channel in one year, largest first within a channel.

    Columns: channel, category, value, qualifier, unit, as_written.
    """
    frame = agency_facts.filter(
        (pl.col("metric") == ITEMS)
        & (pl.col("year") == year)
        & pl.col("channel").is_not_null()
        & pl.col("category").is_not_null()
    ).select("channel", "category", "value", "qualifier", *WORDS)
    return frame.sort(["channel", "value"], descending=[False, True], nulls_last=True)


def channel_trend(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """Items per channel over the years. Columns: year, channel, value, qualifier, derived,
    unit, as_written."""
    return channel_totals(agency_facts)


def submissions(agency_facts: pl.DataFrame, year: int) -> pl.DataFrame:
    """Information submitted and adopted per recipient, with the adoption rate where both exist.

    Columns: recipient ("" for figures given without one: the total), submitted,
    submitted_qualifier, adopted, adopted_qualifier, rate (0–100), rate_rough (the rate comes
    from a qualified figure, so it is only approximate), then the report's words of each figure:
    submitted_unit, submitted_as_written, adopted_unit, adopted_as_written.
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
        rough = False
        if s and a and s["value"] and a["value"] is not None:
            rate = a["value"] / s["value"] * 100
            # from 30余 submitted the rate is only approximate: say so, as hotline rates do
            rough = s["qualifier"] != Qualifier.EXACT or a["qualifier"] != Qualifier.EXACT
        rows.append(
            {
                "recipient": recipient,
                "submitted": s["value"] if s else None,
                "submitted_qualifier": s["qualifier"] if s else str(Qualifier.NOT_REPORTED),
                "adopted": a["value"] if a else None,
                "adopted_qualifier": a["qualifier"] if a else str(Qualifier.NOT_REPORTED),
                "rate": rate,
                "rate_rough": rough,
                **{f"submitted_{w}": s[w] if s else None for w in WORDS},
                **{f"adopted_{w}": a[w] if a else None for w in WORDS},
            }
        )
    schema = {
        "recipient": pl.String,
        "submitted": pl.Float64,
        "submitted_qualifier": pl.String,
        "adopted": pl.Float64,
        "adopted_qualifier": pl.String,
        "rate": pl.Float64,
        "rate_rough": pl.Boolean,
        **{f"{figure}_{w}": pl.String for figure in ("submitted", "adopted") for w in WORDS},
    }
    return pl.DataFrame(rows, schema=schema)
