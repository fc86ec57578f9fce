"""The columns of the upload file (`data/catalogue/columns.toml`): header spellings per field.

Read through pydantic models that forbid unknown keys: a misspelt key or field fails at start-up
naming the file and the key, instead of silently dropping a spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dashboard.domain.catalogue import name_key
from dashboard.domain.config_files import read_toml, shown_path, validated
from dashboard.paths import CATALOGUE_DIR

FIELDS = ("year", "agency", "metric", "channel", "category", "value", "note")
FieldName = Literal["year", "agency", "metric", "channel", "category", "value", "note"]
COLUMNS_FILE = CATALOGUE_DIR / "columns.toml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Column(_Model):
    """One field's header spellings: the Chinese name first, the English name second."""

    names: tuple[str, ...] = Field(min_length=2)
    required: bool


class Reference(_Model):
    """Headers and sheets written for people to read (template, export), ignored on upload."""

    names: tuple[str, ...]
    sheets: tuple[str, ...]


class ColumnsFile(_Model):
    column: dict[FieldName, Column]
    reference: Reference

    @model_validator(mode="after")
    def _check(self) -> ColumnsFile:
        missing = [f for f in FIELDS if f not in self.column]
        if missing:
            raise ValueError(f"no [column.…] table for {', '.join(missing)}")
        owner: dict[str, str] = {}
        for field_name, column in self.column.items():
            for spelling in column.names:
                key = name_key(spelling)
                if owner.setdefault(key, field_name) != field_name:
                    raise ValueError(
                        f"header {spelling!r} names both {owner[key]} and {field_name}"
                    )
        for spelling in self.reference.names:
            if name_key(spelling) in owner:
                raise ValueError(f"reference header {spelling!r} is also a column header")
        return self


@dataclass(frozen=True)
class ColumnSpec:
    names: dict[str, str]  # name key → field
    titles: dict[str, str]  # field → the template's header (its first spelling), for problems
    required: tuple[str, ...]
    reference: frozenset[str]
    reference_sheets: tuple[str, ...]


def load_columns(path: Path = COLUMNS_FILE) -> ColumnSpec:
    """Read and check the columns file; raises ConfigError naming the file and key."""
    raw = validated(ColumnsFile, read_toml(path), shown_path(path))
    names: dict[str, str] = {}
    for field_name, column in raw.column.items():
        zh, en = column.names[0], column.names[1]
        # Both names together ("年度 year", "年度(year)") name the field too.
        for spelling in (*column.names, zh + en, en + zh):
            names[name_key(spelling)] = field_name
    return ColumnSpec(
        names=names,
        titles={f: column.names[0] for f, column in raw.column.items()},
        required=tuple(f for f, column in raw.column.items() if column.required),
        reference=frozenset(name_key(s) for s in raw.reference.names),
        reference_sheets=tuple(s.lower() for s in raw.reference.sheets),
    )


@cache
def column_spec() -> ColumnSpec:
    """Header spellings from data/catalogue/columns.toml, read once per process."""
    return load_columns()
