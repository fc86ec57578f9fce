"""Agencies compared on one figure: ranks, an agency's place, the distribution.

Input is the small frame of one figure per agency that `dashboard.store.compare.ranking_rows`
reads in SQL (agency, value, qualifier, unit, as_written); nothing here sees the facts table.

A qualified figure ranks by its number and keeps its qualifier: `400余` (at least 400) ranks as
400, and the display marks it (`400余`, `400+`), so a reader knows the agency may be higher. Ties
share a rank (1, 2, 2, 4). A report without the figure, or one saying 未报告, gets no rank and
comes last: never a zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import polars as pl

from dashboard.domain.values import Qualifier

# Bars of a histogram: enough to show a shape, few enough to label on a phone.
DEFAULT_BINS = 12
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


def ranked(rows: pl.DataFrame) -> pl.DataFrame:
    """The rows with `rank` (1 = largest; None without a figure) and `qualified` (the figure is a
    bound or an estimate), largest first, then the agencies without a figure, by name."""
    has_value = pl.col("value").is_not_null()
    return rows.with_columns(
        rank=pl.when(has_value).then(
            pl.col("value").rank(method="min", descending=True).cast(pl.Int64)
        ),
        qualified=has_value
        & pl.col("qualifier").is_not_null()
        & (pl.col("qualifier") != str(Qualifier.EXACT)),
    ).sort(["rank", "agency"], nulls_last=True)


def with_figure(ranking: pl.DataFrame) -> pl.DataFrame:
    """The ranked agencies that give the figure."""
    return ranking.filter(pl.col("rank").is_not_null())


def top(ranking: pl.DataFrame, count: int) -> pl.DataFrame:
    """The `count` highest figures (ties at the cut-off are cut by agency name)."""
    return with_figure(ranking).head(count)


def bottom(ranking: pl.DataFrame, count: int) -> pl.DataFrame:
    """The `count` lowest figures, lowest last (the order of the full ranking)."""
    return with_figure(ranking).tail(count)


def search(ranking: pl.DataFrame, text: str, limit: int = 20) -> pl.DataFrame:
    """The agencies whose name contains `text` (literally), in ranking order."""
    text = text.strip()
    if not text:
        return ranking.clear()
    return ranking.filter(pl.col("agency").str.contains(text, literal=True)).head(limit)


@dataclass(frozen=True)
class Place:
    """Where one agency stands among the agencies giving the figure."""

    agency: str
    rank: int | None  # None: its report does not give the figure
    of: int  # agencies giving the figure
    value: float | None
    qualifier: str | None
    unit: str | None
    as_written: str | None
    below: int  # agencies with a lower figure
    qualified: bool

    @property
    def share_below(self) -> float | None:
        """Percent of the other agencies with a lower figure (None without a figure or others)."""
        if self.rank is None or self.of <= 1:
            return None
        return 100 * self.below / (self.of - 1)


def place(ranking: pl.DataFrame, agency: str | None) -> Place | None:
    """The agency's place; None when it has no report for the year (it is not in the frame)."""
    if agency is None:
        return None
    mine = ranking.filter(pl.col("agency") == agency)
    if mine.is_empty():
        return None
    row = mine.row(0, named=True)
    ranked_rows = with_figure(ranking)
    below = (
        ranked_rows.filter(pl.col("value") < row["value"]).height if row["rank"] is not None else 0
    )
    return Place(
        agency=agency,
        rank=row["rank"],
        of=ranked_rows.height,
        value=row["value"],
        qualifier=row["qualifier"],
        unit=row["unit"],
        as_written=row["as_written"],
        below=below,
        qualified=bool(row["qualified"]),
    )


def _nice_step(span: float, bins: int) -> float:
    """A bin width of 1, 2 or 5 × 10ⁿ giving about `bins` bins over `span`."""
    raw = span / max(bins, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def distribution(ranking: pl.DataFrame, bins: int = DEFAULT_BINS) -> pl.DataFrame:
    """A histogram of the figures: `start`, `end` (start ≤ value < end) and `agencies`, one row
    per bin of equal, round width, empty bins included. A qualified figure counts at its
    number. All figures equal: one bin from that figure to itself."""
    values = with_figure(ranking).get_column("value")
    schema = {"start": pl.Float64, "end": pl.Float64, "agencies": pl.Int64}
    if values.is_empty():
        return pl.DataFrame(schema=schema)
    low, high = float(values.min()), float(values.max())  # type: ignore[arg-type]
    if high == low:
        return pl.DataFrame({"start": [low], "end": [high], "agencies": [values.len()]}, schema)
    step = _nice_step(high - low, bins)
    first = math.floor(low / step) * step
    count = max(1, math.ceil((high - first) / step))
    if first + count * step <= high:
        count += 1  # the largest figure sits on the last edge: one more bin holds it
    index = ((values - first) / step).floor().cast(pl.Int64).clip(0, count - 1)
    counts = index.value_counts().rename({index.name: "bin", "count": "agencies"})
    edges = pl.DataFrame({"bin": list(range(count))}, schema={"bin": pl.Int64})
    return (
        edges.join(counts, on="bin", how="left")
        .with_columns(
            start=(first + pl.col("bin") * step).cast(pl.Float64),
            end=(first + (pl.col("bin") + 1) * step).cast(pl.Float64),
            agencies=pl.col("agencies").fill_null(0).cast(pl.Int64),
        )
        .sort("bin")
        .select("start", "end", "agencies")
    )


def quantiles(ranking: pl.DataFrame) -> pl.DataFrame:
    """The figures' quantiles (`share` 10, 25, 50, 75, 90 percent → `value`), empty without any
    figure."""
    values = with_figure(ranking).get_column("value")
    if values.is_empty():
        return pl.DataFrame(schema={"share": pl.Int64, "value": pl.Float64})
    return pl.DataFrame(
        {
            "share": [round(q * 100) for q in QUANTILES],
            "value": [float(values.quantile(q, interpolation="linear") or 0) for q in QUANTILES],
        }
    )
