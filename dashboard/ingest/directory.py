"""The agency directory file (单位名录): a small CSV or .xlsx an editor uploads, one agency a row.

Columns, headed in Chinese or English like the upload format: 单位 (required), 上级单位, 地区,
类型. Read with the upload reader (any encoding Excel or WPS writes, .xlsx, the same limits), so
a broken file gets the same problems; each row is checked here. Bad data never raises: every
problem has its row, column and value, and what to do. A file with errors is not stored.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from dashboard.domain.catalogue import name_key
from dashboard.domain.problems import Problem, ProblemCode, ProblemReport, Severity, sort_key
from dashboard.domain.values import strip_formula_guard
from dashboard.ingest.reader import Cell, read_table

# Field → its header spellings, the template's (Chinese) heading first.
DIRECTORY_COLUMNS: dict[str, tuple[str, ...]] = {
    "agency": ("单位", "agency", "单位名称", "机关", "部门", "填报单位"),
    "parent": ("上级单位", "parent", "上级", "主管单位", "上级机关", "主管部门"),
    "region": ("地区", "region", "区域", "行政区", "行政区划", "区县"),
    "kind": ("类型", "kind", "type", "单位类型", "单位类别"),
}
DIRECTORY_HEADER = tuple(names[0] for names in DIRECTORY_COLUMNS.values())
GROUP_FIELDS = ("parent", "region", "kind")
# The store keeps names in columns of 200 characters (as agency names everywhere).
MAX_NAME = 200
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DirectoryRow:
    """One agency as read; a blank cell is None."""

    row: int  # as the spreadsheet numbers it
    agency: str
    parent: str | None = None
    region: str | None = None
    kind: str | None = None


@dataclass
class DirectoryReport(ProblemReport):
    """What a directory file holds and what is wrong with it."""

    rows: list[DirectoryRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing blocks storing it: no error, and at least one agency."""
        return not self.errors and bool(self.rows)


def _clean(cell: Cell) -> str:
    """A cell as text: trimmed, the formula guard removed, runs of spaces made one (as agency
    names are cleaned in the figures' upload, so that both name an agency alike)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return _SPACES.sub(" ", strip_formula_guard(str(cell))).strip()


def _header(header: list[str], row: int) -> tuple[dict[str, tuple[int, str]], list[Problem]]:
    """Field → (column index, header as written), and the header's problems."""
    spelling = {name_key(n): f for f, names in DIRECTORY_COLUMNS.items() for n in names}
    columns: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for index, text in enumerate(header):
        key = name_key(text)
        if not key:
            continue
        field_name = spelling.get(key)
        if field_name is None:
            problems.append(Problem(ProblemCode.HEADER_UNKNOWN, Severity.WARNING, row, text, text))
        elif field_name in columns:
            problems.append(Problem(ProblemCode.HEADER_DUPLICATE, Severity.ERROR, row, text, text))
        else:
            columns[field_name] = (index, text)
    if "agency" not in columns:
        problems.append(
            Problem(
                ProblemCode.DIRECTORY_HEADER_MISSING,
                Severity.ERROR,
                row,
                DIRECTORY_HEADER[0],
            )
        )
    elif not set(GROUP_FIELDS) & columns.keys():
        problems.append(
            Problem(
                ProblemCode.DIRECTORY_NO_GROUPS,
                Severity.WARNING,
                row,
            )
        )
    return columns, problems


def read_directory(
    content: bytes, file_name: str = "", *, known_agencies: Collection[str] | None = None
) -> DirectoryReport:
    """Read and check a directory file. `known_agencies` (the agencies with reports in the
    store) turns a name found in no report into a warning: a misspelling would otherwise sit in
    the directory as an agency that never reports."""
    table = read_table(content, file_name)
    report = DirectoryReport(problems=list(table.problems))
    if not table.readable or not table.header:
        return report
    columns, problems = _header(table.header, table.header_row)
    report.problems += problems
    if any(p.severity is Severity.ERROR for p in problems):
        return report
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        texts = {f: _clean(cells[i]) if i < len(cells) else "" for f, (i, _) in columns.items()}
        if not any(texts.values()):
            continue  # a blank line
        row_problems = _check_row(number, texts, columns)
        agency = texts.get("agency", "")
        if agency and agency in first_row and not row_problems:
            row_problems.append(
                Problem(
                    ProblemCode.DIRECTORY_AGENCY_DUPLICATE,
                    Severity.ERROR,
                    number,
                    columns["agency"][1],
                    agency,
                    params={"first_row": first_row[agency]},
                )
            )
        report.problems += row_problems
        if any(p.severity is Severity.ERROR for p in row_problems):
            continue
        first_row[agency] = number
        if known_agencies is not None and agency not in known_agencies:
            report.problems.append(
                Problem(
                    ProblemCode.DIRECTORY_AGENCY_UNKNOWN,
                    Severity.WARNING,
                    number,
                    columns["agency"][1],
                    agency,
                )
            )
        report.rows.append(
            DirectoryRow(
                number,
                agency,
                **{f: texts.get(f) or None for f in GROUP_FIELDS},  # type: ignore[arg-type]
            )
        )
    if not report.rows and not report.errors:
        report.problems.append(Problem(ProblemCode.FILE_EMPTY, Severity.ERROR, value=file_name))
    report.problems.sort(key=sort_key)
    return report


def _check_row(
    number: int, texts: dict[str, str], columns: dict[str, tuple[int, str]]
) -> list[Problem]:
    problems = []
    if not texts.get("agency"):
        problems.append(
            Problem(ProblemCode.AGENCY_MISSING, Severity.ERROR, number, columns["agency"][1], "")
        )
    for field_name, text in texts.items():
        if len(text) > MAX_NAME:
            problems.append(
                Problem(
                    ProblemCode.DIRECTORY_VALUE_TOO_LONG,
                    Severity.ERROR,
                    number,
                    columns[field_name][1],
                    text[:40] + "…",
                    params={"limit": MAX_NAME, "length": len(text)},
                )
            )
    return problems
