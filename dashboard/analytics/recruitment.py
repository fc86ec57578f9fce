"""Recruitment figures per year and channel: notices, candidate publicity, hires."""

from __future__ import annotations

import polars as pl

from dashboard.analytics.channels import with_text
from dashboard.domain.catalogue import Catalogue

MEASURES = {
    "recruitment_notices": "notices",
    "recruitment_publicity": "publicity",
    "recruitment_hires": "hires",
}


def recruitment_years(
    agency_facts: pl.DataFrame, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Columns: year, measure, metric_name, channel, name, value, qualifier, text, note.

    Figures the report does not give stay in the frame with value null and text `未报告`.
    """
    frame = agency_facts.filter(pl.col("metric").is_in(list(MEASURES))).select(
        "year",
        pl.col("metric").replace_strict(MEASURES).alias("measure"),
        "metric",
        "channel",
        "value",
        "qualifier",
        "note",
    )
    names = [catalogue.channel_name(c, lang) if c else "" for c in frame.get_column("channel")]
    metric_names = [catalogue.metrics[m].name(lang) for m in frame.get_column("metric")]
    frame = frame.with_columns(
        pl.Series("name", names, dtype=pl.String),
        pl.Series("metric_name", metric_names, dtype=pl.String),
    )
    return (
        with_text(frame, lang=lang)
        .sort("year", "measure", "name")
        .select(
            "year",
            "measure",
            "metric_name",
            "channel",
            "name",
            "value",
            "qualifier",
            "text",
            "note",
        )
    )
