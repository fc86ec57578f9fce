"""Which datasets the checks across rows must look at: the same checks as group_by and joins.

`relations.check_dataset` reads one dataset's facts in Python and words its problems; on a
province's file of ten thousand datasets most of them have nothing to report. Here every check
— duplicates, the catalogue's relations (not greater, rate, sum, balance), parts within their
total, the statutory tables' totals, large changes against last year — runs over all datasets at
once, and only a dataset where one of them could fire is handed to `check_dataset`, which then
finds, orders and words its problems exactly as before.

The screen may flag a dataset that turns out clean, never the reverse: where a Python sum over
floats could differ from Polars' in the last bit (a figure not a whole number, or a large one),
or where the Python check reads "the last of several" (the same metric and category under two
channels), the dataset is flagged and Python decides.
"""

from __future__ import annotations

import polars as pl

from dashboard.domain.catalogue import Balance, Catalogue, NotGreater, Rate, Sum
from dashboard.ingest.relations import (
    LARGE_CHANGE_FLOOR,
    LARGE_CHANGE_RATIO,
    RATE_TOLERANCE,
)

SLOT = ["ds", "channel", "category"]  # a metric's place in a dataset, beside the metric
# Sums of whole numbers below this are exact in any order.
EXACT_BELOW = 1e12


def flagged(facts: pl.DataFrame, previous: pl.DataFrame, catalogue: Catalogue) -> set[int]:
    """Datasets (`ds`) where a check across rows may report something or drop a fact.

    `facts`: ds, metric, channel, category, value, qualifier; `previous`: last year's facts of
    the datasets, ds, metric, channel, category, value.
    """
    frame = facts.select("ds", "metric", "channel", "category", "value", "qualifier")
    found = set(_duplicates(frame))
    for relation in catalogue.relations:
        match relation:
            case NotGreater():
                found |= _not_greater(frame, relation.left, relation.right)
            case Rate():
                found |= _rate(frame, relation)
            case Sum():
                found |= _sum(frame, relation)
            case Balance():
                found |= _balance(frame, relation)
    found |= _parts_within_total(frame, catalogue)
    found |= _vocabulary_totals(frame, catalogue)
    found |= _large_change(frame, previous, catalogue)
    return found


def _ids(frame: pl.DataFrame) -> set[int]:
    return set(frame.get_column("ds").unique().to_list())


def _exact() -> pl.Expr:
    return pl.col("value").is_not_null() & (pl.col("qualifier") == "exact")


def _safe(value: pl.Expr) -> pl.Expr:
    """A figure whose sums are exact whatever the order of addition."""
    return (value == value.floor()) & (value.abs() < EXACT_BELOW)


def lower_bound() -> pl.Expr:
    """relations.lower_bound: the least the figure can be (null: nothing useful)."""
    return (
        pl.when(pl.col("value").is_not_null() & ~pl.col("qualifier").is_in(["approx", "at_most"]))
        .then(pl.col("value"))
        .otherwise(None)
    )


def upper_bound() -> pl.Expr:
    """relations.upper_bound: `400余` < 500, `3000多` < 4000, `约40` ≤ 44."""
    value = pl.col("value")
    # Trailing zeros of a whole number, counted on its digits (exact up to 10^15, the largest
    # value read); none for a fraction.
    digits = pl.when(value == value.floor()).then(value.cast(pl.Int64).cast(pl.String))
    zeros = (digits.str.len_chars() - digits.str.strip_chars_end("0").str.len_chars()).fill_null(0)
    return (
        pl.when(value.is_null())
        .then(None)
        .when(pl.col("qualifier") == "at_least")
        .then(pl.when(value <= 0).then(None).otherwise(value + pl.lit(10.0).pow(zeros)))
        .when(pl.col("qualifier") == "approx")
        .then(value * 1.1)
        .otherwise(value)
    )


def _duplicates(frame: pl.DataFrame) -> set[int]:
    counts = frame.group_by(["ds", "metric", "channel", "category"]).len()
    return _ids(counts.filter(pl.col("len") > 1))


def _not_greater(frame: pl.DataFrame, left: str, right: str) -> set[int]:
    lows = frame.filter(pl.col("metric") == left).select(*SLOT, lower_bound().alias("low"))
    highs = frame.filter(pl.col("metric") == right).select(*SLOT, upper_bound().alias("high"))
    pairs = lows.join(highs, on=SLOT, nulls_equal=True)
    return _ids(pairs.filter(pl.col("low") > pl.col("high")))


def _rate(frame: pl.DataFrame, relation: Rate) -> set[int]:
    rates = frame.filter((pl.col("metric") == relation.rate) & pl.col("value").is_not_null())
    numerators = frame.filter((pl.col("metric") == relation.numerator) & _exact()).select(
        *SLOT, pl.col("value").alias("n")
    )
    denominators = frame.filter((pl.col("metric") == relation.denominator) & _exact()).select(
        *SLOT, pl.col("value").alias("d")
    )
    pairs = (
        rates.join(numerators, on=SLOT, nulls_equal=True)
        .join(denominators, on=SLOT, nulls_equal=True)
        .filter(pl.col("d") != 0)
    )
    value, qualifier = pl.col("value"), pl.col("qualifier")
    low = (
        pl.when(qualifier == "at_most")
        .then(0.0)
        .when(qualifier == "approx")
        .then(value * 0.9)
        .otherwise(value)
    )
    high = (
        pl.when(qualifier == "at_least")
        .then(pl.max_horizontal(value, pl.lit(100.0)))
        .when(qualifier == "approx")
        .then(value * 1.1)
        .otherwise(value)
    )
    computed = 100 * pl.col("n") / pl.col("d")
    inside = (low - RATE_TOLERANCE <= computed) & (computed <= high + RATE_TOLERANCE)
    return _ids(pairs.filter(~inside))


def _sum(frame: pl.DataFrame, relation: Sum) -> set[int]:
    totals = frame.filter((pl.col("metric") == relation.total) & _exact())
    if len(set(relation.parts)) != len(relation.parts):
        return _ids(totals)  # a part named twice counts twice: Python decides
    parts = frame.filter(pl.col("metric").is_in(relation.parts)).select(
        *SLOT,
        pl.col("value").alias("part"),
        _exact().alias("part_exact"),
    )
    groups = (
        totals.select(*SLOT, "value")
        .with_row_index("total_id")
        .join(parts, on=SLOT, how="inner", nulls_equal=True)
        .group_by("total_id", "ds", "value")
        .agg(
            pl.len().alias("present"),
            pl.col("part_exact").all().alias("all_exact"),
            pl.col("part").sum().alias("parts_sum"),
            _safe(pl.col("part")).all().alias("safe"),
        )
        .filter(pl.col("all_exact"))
    )
    complete = pl.col("present") == len(relation.parts)
    fires = (pl.col("parts_sum") > pl.col("value")) | (
        complete & (pl.col("parts_sum") != pl.col("value"))
    )
    return _ids(groups.filter(fires | ~pl.col("safe")))


def _balance(frame: pl.DataFrame, relation: Balance) -> set[int]:
    left, right = list(relation.left), list(relation.right)
    mine = frame.filter(pl.col("metric").is_in(left + right))
    if len(set(left + right)) != len(left) + len(right):
        return _ids(mine)
    # The same metric and category under two channels: Python keeps the last, so it decides.
    several = mine.group_by("ds", "category", "metric").len().filter(pl.col("len") > 1)
    sides = mine.with_columns(pl.col("metric").is_in(left).alias("is_left"))
    groups = sides.group_by("ds", "category").agg(
        pl.col("is_left").sum().alias("n_left"),
        (~pl.col("is_left")).sum().alias("n_right"),
        _exact().all().alias("all_exact"),
        pl.col("value").filter(pl.col("is_left")).sum().alias("left_sum"),
        pl.col("value").filter(~pl.col("is_left")).sum().alias("right_sum"),
        _safe(pl.col("value")).all().alias("safe"),
    )
    groups = groups.filter((pl.col("n_left") > 0) & (pl.col("n_right") > 0) & pl.col("all_exact"))
    lc, rc = pl.col("n_left") == len(left), pl.col("n_right") == len(right)
    ls, rs = pl.col("left_sum"), pl.col("right_sum")
    fires = (lc & rc & (ls != rs)) | (lc & ~rc & (rs > ls)) | (rc & ~lc & (ls > rs))
    return _ids(groups.filter(fires | ~pl.col("safe"))) | _ids(several)


def _split_fires(totals: pl.DataFrame, parts: pl.DataFrame, on: list[str]) -> set[int]:
    """A total (with `high`) against the sum of the least its parts can be."""
    sums = parts.group_by(on).agg(
        pl.len().alias("n"),
        pl.col("low").is_null().any().alias("unbounded"),
        pl.col("low").sum().alias("parts_sum"),
        _safe(pl.col("low")).all().alias("safe"),
    )
    pairs = totals.join(sums, on=on, nulls_equal=True).filter(
        pl.col("high").is_not_null() & ~pl.col("unbounded")
    )
    return _ids(pairs.filter((pl.col("parts_sum") > pl.col("high")) | ~pl.col("safe")))


def _parts_within_total(frame: pl.DataFrame, catalogue: Catalogue) -> set[int]:
    ruled = [m.id for m in catalogue.metrics.values() if "parts_within_total" in m.rules]
    mine = frame.filter(pl.col("metric").is_in(ruled)).with_columns(
        lower_bound().alias("low"), upper_bound().alias("high")
    )
    channel, category = pl.col("channel"), pl.col("category")
    totals = mine.filter(category.is_null())
    found: set[int] = set()
    # A channel's total against its categories.
    found |= _split_fires(
        totals.filter(channel.is_not_null()).select("ds", "metric", "channel", "high"),
        mine.filter(channel.is_not_null() & category.is_not_null()),
        ["ds", "metric", "channel"],
    )
    grand = totals.filter(channel.is_null()).select("ds", "metric", "high")
    # The total without channel against its categories without channel …
    found |= _split_fires(
        grand, mine.filter(channel.is_null() & category.is_not_null()), ["ds", "metric"]
    )
    # … and against the channel totals, a combined channel's members left out.
    channel_totals = totals.filter(channel.is_not_null())
    combined = pl.DataFrame(
        [(c.id, member) for c in catalogue.channels.values() for member in c.combines],
        schema={"channel": pl.String, "member": pl.String},
        orient="row",
    )
    members = (
        channel_totals.join(combined, on="channel")
        .select("ds", "metric", pl.col("member").alias("channel"))
        .unique()
    )
    counted = channel_totals.join(members, on=["ds", "metric", "channel"], how="anti")
    found |= _split_fires(grand, counted, ["ds", "metric"])
    return found


def _vocabulary_totals(frame: pl.DataFrame, catalogue: Catalogue) -> set[int]:
    """A statutory table's 总计 (or a subtotal) needs at least one more figure of its metric to
    be checked against: every such dataset goes to Python."""
    tabled = [m.id for m in catalogue.metrics.values() if m.category in catalogue.vocabularies]
    counts = frame.filter(pl.col("metric").is_in(tabled)).group_by("ds", "metric").len()
    return _ids(counts.filter(pl.col("len") > 1))


def _large_change(frame: pl.DataFrame, previous: pl.DataFrame, catalogue: Catalogue) -> set[int]:
    if previous.is_empty():
        return set()
    percent = [m.id for m in catalogue.metrics.values() if m.is_percent]
    before = previous.unique(["ds", "metric", "channel", "category"], keep="last").select(
        "ds", "metric", "channel", "category", pl.col("value").alias("old")
    )
    pairs = frame.filter(~pl.col("metric").is_in(percent)).join(
        before, on=["ds", "metric", "channel", "category"], nulls_equal=True
    )
    new, old = pl.col("value"), pl.col("old")
    high, low = pl.max_horizontal(new, old), pl.min_horizontal(new, old)
    ratio = new / old
    fires = (
        new.is_not_null()
        & old.is_not_null()
        & (high >= LARGE_CHANGE_FLOOR)
        & (low > 0)
        & ((ratio >= LARGE_CHANGE_RATIO) | (ratio <= 1 / LARGE_CHANGE_RATIO))
    )
    return _ids(pairs.filter(fires))
