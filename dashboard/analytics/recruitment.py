"""Recruitment figures per year and channel: notices, candidate publicity, hires."""

from __future__ import annotations

import polars as pl

MEASURES = {
    "recruitment_notices": "notices",
    "recruitment_publicity": "publicity",
    "recruitment_hires": "hires",
}


def recruitment_years(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """Columns: year, measure, metric, channel, value, qualifier, note, unit, as_written.

    Figures the report does not give stay in the frame with value null (qualifier
    `not_reported`).
    """
    return (
        agency_facts.filter(pl.col("metric").is_in(list(MEASURES)))
        .select(
            "year",
            pl.col("metric").replace_strict(MEASURES).alias("measure"),
            "metric",
            "channel",
            "value",
            "qualifier",
            "note",
            "unit",
            "as_written",
        )
        .sort("year", "measure", "channel", nulls_last=False)
    )
