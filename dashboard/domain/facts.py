"""Facts and datasets: the figures of one agency and year, as validated and stored.

A fact keeps the report's words with its number: the unit as written (`则`, `人次`) and the value
cell as written (`3.17万`, `近52000`), so that pages show the figure as the report gave it and an
export writes it back the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from dashboard.domain.values import Qualifier, plain_number

# The one row schema of a frame of facts, as the store returns the current facts and every
# analytics function, chart and export reads them: a Fact's fields (less its upload row) and the
# version of the dataset it belongs to.
FACTS_SCHEMA: dict[str, pl.DataType] = {
    "agency": pl.String(),
    "year": pl.Int32(),
    "metric": pl.String(),
    "channel": pl.String(),
    "category": pl.String(),
    "value": pl.Float64(),
    "qualifier": pl.String(),
    "note": pl.String(),
    "version": pl.Int32(),
    "unit": pl.String(),
    "as_written": pl.String(),
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure: agency, year, metric, optional channel and category, value with qualifier."""

    agency: str
    year: int
    metric: str
    channel: str | None
    category: str | None
    value: float | None  # None when the report does not give the figure
    qualifier: Qualifier
    note: str | None = None
    row: int | None = None  # source row in the upload file; not part of the figure
    # The report's words: the unit as written, simplified (`则`, `人次`, `万元`; None when none
    # was written; a money unit of another size than the metric's becomes the metric's, as the
    # number does: `901000元` of a 万元 figure is 90.1万元), and the value cell as typed,
    # normalised to half-width and simplified script (`3.17万`, `近52000`, `1875条`; None for
    # figures stored before they were kept).
    unit: str | None = None
    as_written: str | None = None

    @property
    def slot(self) -> tuple[str, str | None, str | None]:
        """What the figure is about within its dataset; at most one fact per slot."""
        return (self.metric, self.channel, self.category)

    @property
    def content(self) -> tuple[Any, ...]:
        """What the figure says, for comparing versions (the source row does not count)."""
        # 5 and 5.0 are one figure: the hash must not depend on how the number was typed.
        value = None if self.value is None else float(self.value)
        # The words count too: 3000余 re-imported as 3000多人次 is a change. A written form that
        # says no more than the number (`5`) is no words at all: the same figure as a number
        # cell, or as a fact stored before the words were kept.
        written = self.as_written
        if written is not None and value is not None and written == plain_number(value):
            written = None
        return (value, str(self.qualifier), self.note or None, self.unit, written)

    def to_dict(self) -> dict[str, Any]:
        value: float | int | None = self.value
        if value is not None and float(value).is_integer():
            value = int(value)
        return {
            "agency": self.agency,
            "year": self.year,
            "metric": self.metric,
            "channel": self.channel,
            "category": self.category,
            "value": value,
            "qualifier": str(self.qualifier),
            "note": self.note,
            "row": self.row,
            "unit": self.unit,
            "as_written": self.as_written,
        }


def _slot_sort(fact: Fact) -> tuple[str, str, str]:
    return (fact.metric, fact.channel or "", fact.category or "")


@dataclass
class Dataset:
    """All facts of one agency for one year: the unit of validation, commit and restore."""

    agency: str
    year: int
    facts: list[Fact] = field(default_factory=list)

    def content_hash(self) -> str:
        """SHA-256 of the figures, independent of row order and source rows."""
        payload = [[*f.slot, *f.content] for f in sorted(self.facts, key=_slot_sort)]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "year": self.year,
            "facts": [f.to_dict() for f in self.facts],
        }


@dataclass(frozen=True)
class Diff:
    """How a dataset differs from the stored version: slots added, changed and removed."""

    added: list[Fact]
    changed: list[tuple[Fact, Fact]]  # (old, new)
    removed: list[Fact]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff_facts(old: Iterable[Fact], new: Iterable[Fact]) -> Diff:
    """Compare two sets of facts of one dataset by slot."""
    before = {f.slot: f for f in old}
    after = {f.slot: f for f in new}
    return Diff(
        added=sorted((f for s, f in after.items() if s not in before), key=_slot_sort),
        changed=sorted(
            (
                (before[s], f)
                for s, f in after.items()
                if s in before and before[s].content != f.content
            ),
            key=lambda pair: _slot_sort(pair[1]),
        ),
        removed=sorted((f for s, f in before.items() if s not in after), key=_slot_sort),
    )


def frame_facts(frame: pl.DataFrame) -> list[Fact]:
    """Facts from a frame of FACTS_SCHEMA (the upload row is gone: None)."""
    return [
        Fact(
            agency=r["agency"],
            year=int(r["year"]),
            metric=r["metric"],
            channel=r["channel"],
            category=r["category"],
            value=r["value"],
            qualifier=Qualifier(r["qualifier"]),
            note=r["note"],
            unit=r.get("unit"),
            as_written=r.get("as_written"),
        )
        for r in frame.iter_rows(named=True)
    ]
