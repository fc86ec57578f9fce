"""Items published as a whole: the all-channel total a report states, and its categories.

Many reports give no channel split at all: 主动公开政府信息215条，其中重大项目建设信息130条、
部门文件17件. Such a year is stored as `items_published` without a channel (the total) and
with a category but no channel (its parts). The channel analytics (`analytics.channels`) deal
with figures per channel; this module gives the pages the total and its parts, as ids and
numbers.
"""

from __future__ import annotations

import polars as pl

from dashboard.analytics.channels import ITEMS, WORDS, channel_totals


def stated_total(agency_facts: pl.DataFrame, year: int) -> pl.DataFrame:
    """The all-channel total as the report states it (one row, or none).

    Columns: value, qualifier, note, unit, as_written.
    """
    return agency_facts.filter(
        (pl.col("metric") == ITEMS)
        & (pl.col("year") == year)
        & pl.col("channel").is_null()
        & pl.col("category").is_null()
        & pl.col("value").is_not_null()
    ).select("value", "qualifier", "note", *WORDS)


def total_trend(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """The all-channel total of every year that states one, by year.

    Columns: year, value, qualifier, note, unit, as_written.
    """
    return (
        agency_facts.filter(
            (pl.col("metric") == ITEMS)
            & pl.col("channel").is_null()
            & pl.col("category").is_null()
            & pl.col("value").is_not_null()
        )
        .select("year", "value", "qualifier", "note", *WORDS)
        .sort("year")
    )


def total_categories(agency_facts: pl.DataFrame, year: int) -> pl.DataFrame:
    """The parts of the all-channel total (a category, no channel), largest first.

    Columns: category, value, qualifier, unit, as_written (a part written 未报告 keeps value
    null, listed last).
    """
    return (
        agency_facts.filter(
            (pl.col("metric") == ITEMS)
            & (pl.col("year") == year)
            & pl.col("channel").is_null()
            & pl.col("category").is_not_null()
        )
        .select("category", "value", "qualifier", *WORDS)
        .sort(["value", "category"], descending=[True, False], nulls_last=True)
    )


def has_channel_split(agency_facts: pl.DataFrame, year: int) -> bool:
    """Whether the year gives items per channel (stated, or summed from a channel's parts)."""
    totals = channel_totals(agency_facts).filter(
        (pl.col("year") == year) & pl.col("value").is_not_null()
    )
    return not totals.is_empty()
