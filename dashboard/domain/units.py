"""Units a value may be written with (`data/catalogue/units.toml`): counting words, %, money.

A unit belongs to families (items, people, percent, money …); a written unit contradicts a
metric when it shares no family with the metric's own unit. Money units also have a size in 元,
so that `90.1万元` in a metric counted in 万元 is 90.1 and `5000元` there is 0.5.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dashboard.domain.config_files import read_toml, shown_path, validated
from dashboard.paths import CATALOGUE_DIR

UNITS_FILE = CATALOGUE_DIR / "units.toml"
PERCENT = "%"


class Family(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    units: tuple[str, ...] = Field(min_length=1)


class Units(BaseModel):
    """The units file: families of units, and the size of each money unit in 元."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    family: dict[str, Family]
    money: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _money_units_are_units(self) -> Units:
        known = self.words
        for unit in self.money:
            if unit not in known:
                raise ValueError(f"money unit {unit!r} belongs to no family")
        return self

    @property
    def words(self) -> frozenset[str]:
        """Every unit of every family."""
        return frozenset(u for f in self.family.values() for u in f.units)

    def families(self, unit: str) -> frozenset[str]:
        """The families `unit` belongs to (none for a unit the file does not list)."""
        return frozenset(name for name, f in self.family.items() if unit in f.units)

    def contradicts(self, written: str, metric_unit: str) -> bool:
        """Whether a unit written with a value says something else than the metric's unit:
        they share no family. A unit the file does not list contradicts nothing."""
        if written == metric_unit:
            return False
        mine, theirs = self.families(written), self.families(metric_unit)
        return bool(mine and theirs) and not mine & theirs

    def money_size(self, unit: str | None) -> float | None:
        """A money unit's size in 元 (万元 → 10000); None for any other unit."""
        return None if unit is None else self.money.get(unit)

    def money_unit(self, size: float) -> str | None:
        """The money unit of a size (1 → 元); None when the file has none such."""
        return next((u for u, s in self.money.items() if s == size), None)


def load_units(path: Path = UNITS_FILE) -> Units:
    """Read and check a units file; a mistake stops the program naming the file and the key."""
    return validated(Units, read_toml(path), shown_path(path))


@cache
def units() -> Units:
    """The project's units, read once per process."""
    return load_units()
