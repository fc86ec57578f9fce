"""Small facts frames for tests of the metrics and figure builders (vizro style: a few rows
in, check what comes out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from dashboard.core.catalogue import Catalogue
from dashboard.core.facts import facts_frame
from dashboard.core.store import CURRENT_FACTS_SCHEMA
from dashboard.core.validate import validate_file

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "dinghai-education-2019.csv"
AGENCY = "测试局"


def row(
    year: int,
    metric: str,
    value: float | None,
    qualifier: str = "exact",
    *,
    channel: str | None = None,
    category: str | None = None,
    agency: str = AGENCY,
    note: str | None = None,
) -> dict[str, Any]:
    if value is None and qualifier == "exact":
        qualifier = "not_reported"
    return {
        "agency": agency,
        "year": year,
        "metric": metric,
        "channel": channel,
        "category": category,
        "value": None if value is None else float(value),
        "qualifier": qualifier,
        "note": note,
        "version": 1,
    }


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=CURRENT_FACTS_SCHEMA)


def sample_frame(catalogue: Catalogue) -> pl.DataFrame:
    """The Dinghai 2019 sample as the store returns current facts."""
    report = validate_file(SAMPLE.read_bytes(), "x.csv", catalogue)
    assert report.ok
    facts = [f for d in report.datasets for f in d.facts]
    return (
        facts_frame(facts)
        .drop("row")
        .with_columns(pl.lit(1, dtype=pl.Int32).alias("version"))
        .select(list(CURRENT_FACTS_SCHEMA))
    )
