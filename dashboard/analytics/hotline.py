"""12345 hotline figures per year: received, closed, closure and satisfaction rates.

Closed cases and the closure rate derive from each other when only one is reported: 111 received
at 100% closure means 111 closed. Derived values are marked, never presented as typed.
"""

from __future__ import annotations

import polars as pl

from dashboard.domain.values import Qualifier

METRICS = (
    "hotline_received",
    "hotline_closed",
    "hotline_closure_rate",
    "hotline_satisfaction_rate",
)
COLUMNS = {
    "hotline_received": "received",
    "hotline_closed": "closed",
    "hotline_closure_rate": "closure_rate",
    "hotline_satisfaction_rate": "satisfaction",
}


def hotline_years(agency_facts: pl.DataFrame) -> pl.DataFrame:
    """One row per year with any hotline figure.

    Columns: year, closed_derived, rate_derived, then received, closed, closure_rate and
    satisfaction, each with its *_qualifier (`not_reported` for a missing figure, value null),
    and the report's words: *_unit and *_as_written (null for a derived figure).
    """
    facts = agency_facts.filter(pl.col("metric").is_in(METRICS) & pl.col("category").is_null())
    rows = []
    for year in sorted(facts.get_column("year").unique().to_list()):
        mine = {r["metric"]: r for r in facts.filter(pl.col("year") == year).iter_rows(named=True)}
        values = {
            COLUMNS[m]: (
                (mine[m]["value"], mine[m]["qualifier"], mine[m]["unit"], mine[m]["as_written"])
                if m in mine
                else (None, None, None, None)
            )
            for m in METRICS
        }
        received, closed, rate = values["received"], values["closed"], values["closure_rate"]
        closed_derived = rate_derived = False
        if closed[0] is None and received[0] is not None and rate[0] is not None:
            closed = (
                round(received[0] * rate[0] / 100),
                _weakest(received[1], rate[1]),
                None,
                None,
            )
            closed_derived = True
        if rate[0] is None and received[0] and closed[0] is not None:
            rate = (closed[0] / received[0] * 100, _weakest(received[1], closed[1]), None, None)
            rate_derived = True
        values.update(closed=closed, closure_rate=rate)
        row: dict[str, object] = {
            "year": year,
            "closed_derived": closed_derived,
            "rate_derived": rate_derived,
        }
        for name, (value, qualifier, unit, as_written) in values.items():
            row[name] = value
            row[f"{name}_qualifier"] = qualifier or str(Qualifier.NOT_REPORTED)
            row[f"{name}_unit"] = unit
            row[f"{name}_as_written"] = as_written
        rows.append(row)
    schema: dict[str, pl.DataType] = {
        "year": pl.Int32(),
        "closed_derived": pl.Boolean(),
        "rate_derived": pl.Boolean(),
    }
    for name in ("received", "closed", "closure_rate", "satisfaction"):
        schema[name] = pl.Float64()
        schema[f"{name}_qualifier"] = pl.String()
        schema[f"{name}_unit"] = pl.String()
        schema[f"{name}_as_written"] = pl.String()
    return pl.DataFrame(rows, schema=schema)


def _weakest(a: str | None, b: str | None) -> str:
    """The qualifier of a figure computed from two: exact only if both are."""
    if a == Qualifier.EXACT and b == Qualifier.EXACT:
        return str(Qualifier.EXACT)
    return str(Qualifier.APPROX)
