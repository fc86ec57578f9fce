"""Problems found in an upload file, as values: a code, a severity and a position.

Modelled on frictionless-py's validation reports: bad data never raises, it becomes a report
entry with the row number the spreadsheet shows, the column as headed in the file, and the cell
as typed; the messages come from the message catalogue, in Chinese or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from dashboard.i18n.messages import DEFAULT_LANG, t


class Severity(StrEnum):
    ERROR = "error"  # blocks the commit
    WARNING = "warning"  # shown; the commit may go ahead


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) in an upload file."""

    code: str
    severity: Severity
    row: int | None = None  # as the spreadsheet numbers it: the header is row 1
    column: str | None = None  # the header as written in the file, or the field's Chinese name
    value: str | None = None  # the cell as typed
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(f"problem.{self.code}.message", lang, **self._fill(lang))

    def action(self, lang: str = DEFAULT_LANG) -> str:
        return t(f"problem.{self.code}.action", lang, **self._fill(lang))

    def _fill(self, lang: str) -> dict[str, Any]:
        params = {k: (v(lang) if callable(v) else v) for k, v in self.params.items()}
        return {"row": self.row, "column": self.column, "value": self.value, **params}

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The JSON shape of the CLI and the report tables."""
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message(lang),
            "action": self.action(lang),
        }


def sort_key(problem: Problem) -> tuple[int, str]:
    """File-level problems first, then by row."""
    return (problem.row or 0, problem.code)
