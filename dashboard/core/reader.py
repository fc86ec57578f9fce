"""Read an upload file (CSV in any encoding Excel/WPS writes, or .xlsx) into raw rows.

Nothing is interpreted here beyond decoding: cells come back as typed (text, or the number an
Excel cell holds), with the row number the spreadsheet shows. Unreadable input becomes problems,
never exceptions.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

import charset_normalizer
import openpyxl

from dashboard.core.problems import Problem, Severity

Cell = str | float | int | None

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls / .et: not supported, ask for .xlsx


@dataclass
class RawTable:
    """The header and data rows of the first sheet, each row with its spreadsheet number."""

    header: list[str] = field(default_factory=list)
    header_row: int = 1
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    sheet: str | None = None

    @property
    def readable(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def read_table(
    content: bytes, filename: str = "", *, reference_sheets: tuple[str, ...] = ()
) -> RawTable:
    """Decode a CSV or XLSX file given as bytes; problems describe what could not be read."""
    if not content.strip():
        return RawTable(problems=[Problem("file-empty", Severity.ERROR, value=filename)])
    if content.startswith(XLSX_MAGIC):
        return _read_xlsx(content, filename, reference_sheets)
    if content.startswith(OLE_MAGIC) or (b"\x00" in content[:4096] and not _is_utf16(content)):
        return RawTable(problems=[Problem("file-unreadable", Severity.ERROR, value=filename)])
    text, encoding = _decode(content)
    if text is None:
        return RawTable(problems=[Problem("file-encoding", Severity.ERROR, value=filename)])
    if _looks_binary(text):
        return RawTable(problems=[Problem("file-unreadable", Severity.ERROR, value=filename)])
    table = _rows_to_table(_csv_rows(text))
    table.encoding = encoding
    if not table.header:
        table.problems.append(Problem("file-empty", Severity.ERROR, value=filename))
    return table


def _is_utf16(content: bytes) -> bool:
    return content.startswith((b"\xff\xfe", b"\xfe\xff"))


def _decode(content: bytes) -> tuple[str | None, str | None]:
    """Text and encoding: BOMs first, then strict UTF-8, then GB18030, then detection."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if _is_utf16(content):
        return content.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(content).best()
    if best is None:
        return None, None
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > max(3, len(sample) // 100) or "\ufffd" in sample[:200]


def _csv_rows(text: str) -> list[tuple[int, list[Cell]]]:
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    if first_line.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Cell]]] = []
    number = 0
    try:
        for record in reader:
            number += 1
            rows.append((number, list(record)))
            number = reader.line_num  # quoted cells may span several lines
    except csv.Error:
        pass  # a broken quote at the end: keep what was read, validation reports the rest
    return rows


def _rows_to_table(rows: list[tuple[int, list[Cell]]]) -> RawTable:
    """First non-blank row is the header; blank rows below are dropped."""
    table = RawTable()
    filled = [(n, cells) for n, cells in rows if any(_is_filled(c) for c in cells)]
    if not filled:
        return table
    table.header_row, header = filled[0]
    table.header = ["" if c is None else str(c).strip() for c in header]
    table.rows = filled[1:]
    return table


def _is_filled(cell: Cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _read_xlsx(content: bytes, filename: str, reference_sheets: tuple[str, ...]) -> RawTable:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return RawTable(problems=[Problem("file-unreadable", Severity.ERROR, value=filename)])
    try:
        sheets: list[tuple[str, list[tuple[int, list[Cell]]]]] = []
        for sheet in workbook.worksheets:
            if sheet.title.strip().lower() in reference_sheets:
                continue
            # The stored <dimension> may be wrong (some writers put "A1"): read every cell.
            sheet.reset_dimensions()
            # Rows come in sheet order from row 1, gaps filled with empty rows. A blank first
            # cell carries no row number, so count rather than ask the cell.
            rows = [
                (number, [_xlsx_cell(c) for c in cells])
                for number, cells in enumerate(sheet.iter_rows(), start=1)
            ]
            if any(any(_is_filled(c) for c in cells) for _, cells in rows):
                sheets.append((sheet.title, rows))
    finally:
        workbook.close()
    if not sheets:
        return RawTable(problems=[Problem("file-empty", Severity.ERROR, value=filename)])
    title, rows = sheets[0]
    table = _rows_to_table(rows)
    table.sheet = title
    if len(sheets) > 1:
        others = "、".join(f"“{name}”" for name, _ in sheets[1:])
        table.problems.append(
            Problem(
                "sheet-extra",
                Severity.WARNING,
                value=title,
                params={"count": len(sheets), "sheet": title, "others": others},
            )
        )
    return table


def _xlsx_cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        # A cell formatted as percent holds 1.0 for "100%": give the figure as people see it.
        if "%" in (getattr(cell, "number_format", "") or ""):
            # Fixed-point, not :g, which keeps only 6 significant digits and may use an exponent.
            return f"{round(value * 100, 6):f}".rstrip("0").rstrip(".") + "%"
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
