"""Small facts frames for tests of the metrics and figure builders (vizro style: a few rows
in, check what comes out)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import FACTS_SCHEMA, Fact
from dashboard.ingest.validate import validate_file

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
    unit: str | None = None,
    as_written: str | None = None,
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
        "unit": unit,
        "as_written": as_written,
    }


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=FACTS_SCHEMA)


def sample_frame(catalogue: Catalogue) -> pl.DataFrame:
    """The Dinghai 2019 sample as the store returns current facts."""
    report = validate_file(SAMPLE.read_bytes(), "x.csv", catalogue)
    assert report.ok
    facts = [f for d in report.datasets for f in d.facts]
    return stored_frame(facts)


def stored_frame(facts: Iterable[Fact], version: int = 1) -> pl.DataFrame:
    """Facts as the store returns them current: FACTS_SCHEMA, every dataset at `version`."""
    rows = [{**f.to_dict(), "version": version} for f in facts]
    return pl.DataFrame([{k: r[k] for k in FACTS_SCHEMA} for r in rows], schema=FACTS_SCHEMA)
