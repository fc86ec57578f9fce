"""Read an upload file (CSV in any encoding Excel/WPS writes, or .xlsx) into raw rows.

Nothing is interpreted here beyond decoding: cells come back as typed (text, or the number an
Excel cell holds), with the row number the spreadsheet shows. Unreadable input becomes problems,
never exceptions: whatever the bytes, `read_table` returns a table, and every row of the file is
either in it or named by a problem (a broken quote, a row past a limit). The work per file is
bounded by `dashboard/ingest/limits.py`.

A CSV without quotes is split into columns by Polars (`plain_csv.py`) and never becomes a Python
object per cell; other files are read row by row. Either way `RawTable.cells()` gives the frame
the validation reads, and `RawTable.rows` the rows as Python lists.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import charset_normalizer
import polars as pl

from dashboard.domain.problems import Param, Problem, ProblemCode, Severity
from dashboard.ingest.cells import cells_frame, frame_rows
from dashboard.ingest.limits import LIMITS, Limits
from dashboard.ingest.plain_csv import plain_rows
from dashboard.ingest.xlsx import XlsxProblem, column_letter, open_workbook, size_text

logger = logging.getLogger(__name__)

Cell = str | float | int | None

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls / .et, or a password-protected .xlsx
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream of an encrypted .xlsx
UTF8_BOM = b"\xef\xbb\xbf"
INVALID_CHARACTERS = ("\ufffd", "\x00")  # a byte that did not decode; NUL (never typed)
CONTROL_BYTES = [bytes([b]) for b in range(32) if b not in b"\t\n\r"]
SHOWN_CHARS = 40  # of a long or broken cell, in a problem's value

# what a Chinese text read in the wrong encoding is strewn with: kana, Greek and Cyrillic, box
# drawing and private-use characters (`_as_big5`)
_MISREAD = re.compile("[\u0370-\u04ff\u2500-\u259f\u3040-\u30ff\ue000-\uf8ff]")
# Characters a Chinese text in GB18030 plausibly holds besides ASCII: Latin-1 signs, Greek and
# Cyrillic (both in GBK), punctuation, symbols and ①, CJK punctuation, ideographs, full-width
# forms. Bytes of another encoding read as GB18030 give mostly other characters.
_UNCOMMON = re.compile(
    "[^\x00-\x7f\u00a0-\u00ff\u0370-\u04ff\u2000-\u27ff\u3000-\u33ff\u4e00-\u9fff"
    "\ue000-\uf8ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


@dataclass
class RawTable:
    """The header and data rows of the first sheet, each row with its spreadsheet number.

    The data rows are held as Python rows (`row_list`) or as a frame of cells (`frame`, see
    `dashboard/ingest/cells.py`), whichever the reader made; each form is derived from the other
    when asked for."""

    header: list[str] = field(default_factory=list)
    header_row: int = 1
    row_list: list[tuple[int, list[Cell]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    sheet: str | None = None
    # CSV records spanning several lines (a quoted cell holding line breaks): first → last line.
    spans: dict[int, int] = field(default_factory=dict)
    frame: pl.DataFrame | None = None

    @property
    def readable(self) -> bool:
        return not any(p.severity is Severity.ERROR and p.row is None for p in self.problems)

    @property
    def rows(self) -> list[tuple[int, list[Cell]]]:
        """The data rows as Python lists, each up to its last filled cell."""
        if self.frame is not None and not self.row_list and self.frame.height:
            self.row_list = frame_rows(self.frame)
        return self.row_list

    @property
    def row_count(self) -> int:
        return self.frame.height if self.frame is not None else len(self.row_list)

    def cells(self) -> pl.DataFrame:
        """The data rows as a frame of cells: `row`, and `c0`, `c1`, … (`n0`, … for numbers)."""
        if self.frame is None:
            self.frame = cells_frame(self.row_list)
        return self.frame


def read_table(
    content: bytes,
    filename: str = "",
    *,
    reference_sheets: tuple[str, ...] = (),
    limits: Limits = LIMITS,
) -> RawTable:
    """Decode a CSV or XLSX file given as bytes; problems describe what could not be read."""
    try:
        return _read_table(content, filename, reference_sheets, limits)
    except Exception:  # a reader bug must not cost the user the report: say the file is unread
        logger.exception("reading %r failed", filename)
        return _unreadable(ProblemCode.FILE_UNREADABLE, filename)


def _unreadable(code: ProblemCode, filename: str, **params: Param) -> RawTable:
    return RawTable(problems=[Problem(code, Severity.ERROR, value=filename, params=params)])


def _read_table(
    content: bytes, filename: str, reference_sheets: tuple[str, ...], limits: Limits
) -> RawTable:
    if len(content) > limits.max_file_bytes:
        return RawTable(
            problems=[
                Problem(
                    ProblemCode.FILE_TOO_LARGE,
                    Severity.ERROR,
                    value=size_text(len(content)),
                    params={"limit": size_text(limits.max_file_bytes)},
                )
            ]
        )
    if not content.strip():
        return _unreadable(ProblemCode.FILE_EMPTY, filename)
    if content.startswith(XLSX_MAGIC):
        return _read_xlsx(content, filename, reference_sheets, limits)
    if content.startswith(OLE_MAGIC):
        # Excel keeps a password-protected .xlsx in an OLE container, like a legacy .xls.
        encrypted = ENCRYPTED_PACKAGE in content
        code = ProblemCode.FILE_ENCRYPTED if encrypted else ProblemCode.FILE_UNREADABLE
        return _unreadable(code, filename)
    head = content[:4096]
    controls = sum(head.count(byte) for byte in CONTROL_BYTES)
    if controls > max(3, len(head) // 100) and not _is_utf16(content):
        # Binary (or UTF-16 without a BOM). A stray NUL or two is reported by row instead.
        return _unreadable(ProblemCode.FILE_UNREADABLE, filename)
    text, encoding = _decode(content)
    if text is None:
        return _unreadable(ProblemCode.FILE_ENCODING, filename)
    if _looks_binary(text):
        return _unreadable(ProblemCode.FILE_UNREADABLE, filename)
    lines = max(text.count("\n"), text.count("\r"))  # at least this many (CRLF, LF or CR)
    if lines > limits.max_lines:
        limit = {"limit": limits.max_lines}
        return RawTable(
            problems=[
                Problem(
                    ProblemCode.FILE_TOO_MANY_ROWS, Severity.ERROR, value=str(lines), params=limit
                )
            ]
        )
    plain = plain_rows(text, limits)
    if plain is not None:
        table = RawTable(
            header=plain.header or [],
            header_row=plain.header_row,
            problems=plain.problems,
            frame=plain.frame,
        )
    else:
        rows = _Rows(limits)
        spans = _read_csv(text, rows)
        table = rows.table()
        table.spans = spans
    table.encoding = encoding
    if not table.header and not table.problems:
        table.problems.append(Problem(ProblemCode.FILE_EMPTY, Severity.ERROR, value=filename))
    return table


# ── decoding ────────────────────────────────────────────────────────────────────────────────


def _is_utf16(content: bytes) -> bool:
    return content.startswith((b"\xff\xfe", b"\xfe\xff"))


def _high_bytes(content: bytes) -> int:
    return len(content) - len(content.translate(None, bytes(range(128, 256))))


def _decode(content: bytes) -> tuple[str | None, str | None]:
    """Text and encoding: BOMs first, then UTF-8, then GB18030, then detection.

    A byte that does not decode is never dropped or guessed around silently: it becomes U+FFFD,
    and the row holding it is reported (`row-invalid-characters`). The decision between UTF-8
    with a stray bad byte and GB18030:

    - Strict UTF-8 first. Chinese text in GBK/GB18030 is practically never valid UTF-8.
    - UTF-8 with bad bytes is still UTF-8 when the valid multi-byte sequences far outnumber the
      bad bytes (at least 7 high bytes per bad one, i.e. about two characters): a UTF-8 file with
      a stray byte, or with a few rows pasted from a GBK source. Reading such a file as GB18030
      would turn every Chinese character into another one, with no error at all.
    - Otherwise strict GB18030, when the text it gives is plausible Chinese (at least two
      non-ASCII characters, at most half of them outside the characters Chinese text uses) —
      or Big5, when that reading is strewn with what no Chinese text holds (`_as_big5`).
    - A few bad bytes in otherwise ASCII text: UTF-8, the rows reported.
    - Then charset detection (Big5 and the like); nothing plausible is `file-encoding`.
    """
    if content.startswith(UTF8_BOM):
        body = content[len(UTF8_BOM) :]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            text = body.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            if bad <= 3 or _high_bytes(body) >= 7 * bad:
                return text, "utf-8-sig"
            return None, None
    if content.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return content.decode("utf-32", errors="replace"), "utf-32"
    if _is_utf16(content):
        # An odd length or a lone surrogate (a truncated file) gives U+FFFD, reported by row.
        return content.decode("utf-16", errors="replace"), "utf-16"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = content.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if _high_bytes(content) >= 7 * bad:
        return lenient, "utf-8"
    try:
        text = content.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        sample = text[:1_000_000]
        non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore"))
        if non_ascii >= 2 and _UNCOMMON.subn("", sample)[1] * 2 <= non_ascii:
            big5 = _as_big5(content, sample, non_ascii)
            return (big5, "big5") if big5 is not None else (text, "gb18030")
    if bad <= 3:
        return lenient, "utf-8"
    try:
        best = charset_normalizer.from_bytes(content).best()
    except Exception:
        logger.exception("charset detection failed")
        best = None
    if best is None:
        return None, None
    return str(best), best.encoding


def _as_big5(content: bytes, gb_sample: str, non_ascii: int) -> str | None:
    """The text in Big5 when its GB18030 reading looks misread and Big5 reads it cleanly.

    Big5 bytes (traditional script, Taiwan's and Hong Kong's encoding) are mostly valid GB18030
    too, and read so they give Chinese characters with no error — but nonsense, strewn with
    kana, Cyrillic, box drawing and private-use characters that no report holds. Such a reading
    is dropped for Big5's when Big5 decodes the bytes strictly with far fewer of them.
    """
    misread = len(_MISREAD.findall(gb_sample))
    if misread * 50 <= non_ascii:  # (a stray symbol or two: GB18030 it is)
        return None
    try:
        text = content.decode("big5")
    except UnicodeDecodeError:
        return None
    if len(_MISREAD.findall(text[:1_000_000])) * 5 >= misread:
        return None
    # (β受体, α1: Greek in GB18030 text is no misreading) Traditional text is written mostly in
    # Big5's frequent characters (its first level, A440–C67E); GB18030 bytes read as Big5 fall
    # about half in its second, rare level.
    ideographs = [c for c in text[:20_000] if "\u4e00" <= c <= "\u9fff"]
    frequent = sum(b"\xa4\x40" <= c.encode("big5") <= b"\xc6\x7e" for c in ideographs)
    return text if frequent >= 0.8 * len(ideographs) else None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > max(3, len(sample) // 100)


# ── rows, within the limits ─────────────────────────────────────────────────────────────────


def _is_filled(cell: Cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


class _Rows:
    """Collects rows as they are read: the first filled row is the header, blank rows are
    dropped, and every limit is checked before the row is kept. `add` returns False once a
    limit stops the reading (the problem says where)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.header: list[str] | None = None
        self.header_row = 1
        self.rows: list[tuple[int, list[Cell]]] = []
        self.problems: list[Problem] = []
        self.data_rows = 0
        self.cells = 0

    def column(self, index: int) -> str:
        """The column as headed in the file, or its letter."""
        if self.header is not None and index < len(self.header) and self.header[index]:
            return self.header[index]
        return column_letter(index)

    def stop(
        self,
        code: ProblemCode,
        row: int,
        column: str | None = None,
        value: str | None = None,
        **params: int,
    ) -> bool:
        self.problems.append(
            Problem(code, Severity.ERROR, row=row, column=column, value=value, params=params)
        )
        return False

    def add(self, number: int, cells: list[Cell] | dict[int, Cell]) -> bool:
        limits = self.limits
        if isinstance(cells, dict):  # from the .xlsx reader: only filled cells, by column
            if not cells:
                return True
            last = max(cells)
            if last >= limits.max_columns:
                return self._too_wide(number, last)
            row: list[Cell] = [None] * (last + 1)
            for i, c in cells.items():
                row[i] = c
            count = len(cells)
        else:
            flags = [_is_filled(c) for c in cells]
            if True not in flags:
                return True
            last = len(flags) - 1 - flags[::-1].index(True)
            if last >= limits.max_columns:
                return self._too_wide(number, last)
            row = cells[: last + 1]
            count = sum(flags)
        self.cells += count
        if self.cells > limits.max_cells:
            return self.stop(ProblemCode.FILE_TOO_MANY_CELLS, number, limit=limits.max_cells)
        if self.header is not None:
            self.data_rows += 1
            if self.data_rows > limits.max_rows:
                return self.stop(
                    ProblemCode.FILE_TOO_MANY_ROWS,
                    number,
                    value=str(self.data_rows),
                    limit=limits.max_rows,
                )
        self._check_text(number, row)
        if self.header is None:
            # A BOM or zero-width space pasted in front of a column name is not part of it.
            self.header = [
                "" if c is None else str(c).strip().strip("\ufeff\u200b").strip() for c in row
            ]
            self.header_row = number
        else:
            self.rows.append((number, row))
        return True

    def _too_wide(self, number: int, last: int) -> bool:
        return self.stop(
            ProblemCode.FILE_TOO_MANY_COLUMNS,
            number,
            column=column_letter(last),
            value=str(last + 1),
            limit=self.limits.max_columns,
        )

    def _check_text(self, number: int, row: list[Cell]) -> None:
        """Cells over the length limit (kept shortened) and cells holding broken text."""
        limit = self.limits.max_cell_chars
        text = "".join([c for c in row if isinstance(c, str)])
        if len(text) <= limit and "\ufffd" not in text and "\x00" not in text:
            return  # the common case, decided without looking at each cell
        broken = False
        for i, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            if len(cell) > limit:
                self.problems.append(
                    Problem(
                        ProblemCode.CELL_TOO_LONG,
                        Severity.ERROR,
                        row=number,
                        column=self.column(i),
                        value=_shown(cell),
                        params={"length": len(cell), "limit": limit},
                    )
                )
                row[i] = cell = cell[:limit]
            if not broken and ("\ufffd" in cell or "\x00" in cell):
                broken = True
                self.problems.append(
                    Problem(
                        ProblemCode.ROW_INVALID_CHARACTERS,
                        Severity.ERROR,
                        row=number,
                        column=self.column(i),
                        value=_shown(cell.replace("\x00", "\ufffd")),
                    )
                )

    def table(self) -> RawTable:
        return RawTable(
            header=self.header or [],
            header_row=self.header_row,
            row_list=self.rows,
            problems=self.problems,
        )


# ── CSV ─────────────────────────────────────────────────────────────────────────────────────


def _read_csv(text: str, rows: _Rows) -> dict[int, int]:
    """Parse CSV records into `rows`, accounting for every physical line.

    The csv module runs in strict mode, so a quote that does not close where a cell ends is an
    error instead of silently swallowing the following lines into one cell. A record spanning
    several lines is accepted (a note with line breaks) unless one of its continuation lines
    looks like a row of its own (at least half the header's delimiters): then the quote that
    opened it is taken as unbalanced. Either way the record's first line is reported as
    `csv-quote-unbalanced` and reading resumes on the line after it, so the rows behind a broken
    quote are still read and checked. Returns the spans of accepted multi-line records.
    """
    # Raise the csv module's own field limit (131,072) above any field this text can hold:
    # a long cell is then reported by our limit (`cell-too-long`), with its row.
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)
    lines = list(io.StringIO(text, newline=""))  # as a text editor numbers them
    first_line = next((line for line in lines if line.strip("\r\n")), "")
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    if first_line.count(delimiter) == 0:
        delimiter = ","
    row_like = max(2, (first_line.count(delimiter) + 1) // 2)
    spans: dict[int, int] = {}
    position = 0  # index of the next line the csv reader will take

    def feed() -> Iterator[str]:
        nonlocal position
        while position < len(lines):
            position += 1
            yield lines[position - 1]

    def new_reader() -> Iterator[list[str]]:
        return csv.reader(feed(), delimiter=delimiter, strict=True)

    reader = new_reader()
    while position < len(lines):
        start = position
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:
            _quote_problem(rows, lines, start, position)
            position = start + 1
            reader = new_reader()
            continue
        if position - start > 1:
            if any(lines[i].count(delimiter) >= row_like for i in range(start + 1, position)):
                _quote_problem(rows, lines, start, position)
                position = start + 1
                reader = new_reader()
                continue
            spans[start + 1] = position
        if not rows.add(start + 1, record):
            break
    return spans


def _quote_problem(rows: _Rows, lines: list[str], start: int, end: int) -> None:
    rows.problems.append(
        Problem(
            ProblemCode.CSV_QUOTE_UNBALANCED,
            Severity.ERROR,
            row=start + 1,
            value=_shown(lines[start].rstrip("\r\n")),
            params={"end": max(end, start + 1)},
        )
    )


# ── Excel ───────────────────────────────────────────────────────────────────────────────────


def _read_xlsx(
    content: bytes, filename: str, reference_sheets: tuple[str, ...], limits: Limits
) -> RawTable:
    try:
        book = open_workbook(content, filename, limits)
        found: _Rows | None = None
        title = ""
        others: list[str] = []
        for sheet in book.sheets:
            if sheet.name.strip().lower() in reference_sheets:
                continue
            if found is None:
                rows = _Rows(limits)
                for number, cells in book.rows(sheet):
                    if not rows.add(number, cells):
                        break
                if rows.header is not None or rows.problems:
                    found, title = rows, sheet.name
            elif any(True for _ in book.rows(sheet)):  # stops at the first filled row
                others.append(sheet.name)
    except XlsxProblem as failure:
        return RawTable(problems=[failure.problem])
    if found is None:
        return _unreadable(ProblemCode.FILE_EMPTY, filename)
    table = found.table()
    table.sheet = title
    if others:
        names = "、".join(f"“{name}”" for name in others)
        table.problems.append(
            Problem(
                ProblemCode.SHEET_EXTRA,
                Severity.WARNING,
                value=title,
                params={"count": len(others) + 1, "sheet": title, "others": names},
            )
        )
    return table
