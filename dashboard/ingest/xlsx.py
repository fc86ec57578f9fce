"""A streaming, bounded reader of .xlsx workbooks: cell values as typed, nothing expanded.

openpyxl expands a sheet to its rectangle (a workbook of 25 KB padded to column XFD took 520 MB)
and builds an object per cell (200,000 rows took over a minute). Here the worksheet XML is parsed
as a stream with expat: only cells holding something are kept, one row at a time, and every size
is checked against `dashboard/ingest/limits.py` — the zip directory (`open_zip`: declared sizes,
compression ratio, number of members) before anything is expanded, then the bytes, cells and rows
as they are read. A DOCTYPE or entity declaration (never present in a real workbook; the vehicle
of "billion laughs" and external-entity attacks) stops the read.

Cells come back as the old openpyxl reader gave them: text as text, numbers as int or float, a
number in a percent-formatted cell as the percentage people see (`1.0` → `"100%"`), a number in a
date-formatted cell as an ISO date. Anything that is not a readable workbook raises `XlsxProblem`
carrying the problem to report.
"""

from __future__ import annotations

import math
import posixpath
import pyexpat
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.ingest.limits import (
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    LIMITS,
    Limits,
    ZipRefusal,
    ZipRefused,
    open_zip,
)

Cell = str | float | int | None

CHUNK = 1 << 20  # bytes of XML handed to expat at a time
PLAIN, PERCENT, DATE = 0, 1, 2  # what a cell style's number format does to a number

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # ST_Xstring: _x000D_ is a carriage return
# An empty cell or row as Excel and openpyxl write them when a range is only formatted. A cell
# or row without `r` is never matched: its position is counted from the one before.
_EMPTY = re.compile(
    rb'<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,9}")?(?: t="n")? ?/>'
    rb'|<row r="[0-9]{1,7}"[^<>]{0,200}/>'
)
_REF = re.compile(r"([A-Za-z]{1,4})([0-9]{0,12})")  # a cell reference: letters, row


class XlsxProblem(Exception):
    """The workbook cannot be read (or may not be, past a limit); `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class _Done(Exception):
    """Raised from an expat handler to stop parsing early; not an error."""


def size_text(size: int) -> str:
    """Bytes as people read them: `12.3 MB`."""
    return f"{size / 1024 / 1024:.1f} MB"


def _calendar(*, date1904: bool) -> Any:
    """openpyxl's date epoch of a workbook. openpyxl (and numpy with it) is imported where an
    .xlsx is read, not with this module: a CSV upload and the command line start without them
    (0.2 s)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    return CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900


def column_letter(index: int) -> str:
    """0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """`A` → 0, `XFD` → 16383 (no bounds check)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def _unescape(text: str) -> str:
    """Decode `_xHHHH_` escapes; a lone surrogate becomes U+FFFD (it cannot be printed)."""

    def char(match: re.Match[str]) -> str:
        code = int(match[1], 16)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)

    return _ESCAPE.sub(char, text)


def _failure(filename: str, code: ProblemCode, **params: Any) -> XlsxProblem:
    """The problem for the whole file (or from `row`/`column` on), as an exception to raise."""
    row = params.pop("row", None)
    column = params.pop("column", None)
    value = params.pop("value", filename)
    problem = Problem(code, Severity.ERROR, row=row, column=column, value=value, params=params)
    return XlsxProblem(problem)


def _local(name: str) -> str:
    return name.rpartition(":")[2]


@dataclass(frozen=True)
class SheetRef:
    name: str
    part: str  # the zip member holding the worksheet XML


@dataclass
class Workbook:
    """An opened workbook: its worksheets in order, shared strings and cell styles read."""

    archive: zipfile.ZipFile
    filename: str
    limits: Limits
    sheets: list[SheetRef] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)
    styles: list[int] = field(default_factory=list)  # cellXfs index → PLAIN / PERCENT / DATE
    epoch: Any = field(default_factory=lambda: _calendar(date1904=False))
    budget: int = 0  # uncompressed bytes still allowed to be read
    elements: int = 0  # XML elements still allowed to be read

    # ── problems ────────────────────────────────────────────────────────────────────────────

    def fail(self, code: ProblemCode, **params: Any) -> XlsxProblem:
        return _failure(self.filename, code, **params)

    def unreadable(self) -> XlsxProblem:
        return self.fail(ProblemCode.FILE_UNREADABLE)

    def too_complex(self, part: str) -> XlsxProblem:
        limit = self.limits.max_xml_elements
        return self.fail(ProblemCode.FILE_TOO_COMPLEX, detail=f"{part}: > {limit} XML elements")

    def count(self, part: str, elements: int = 1) -> None:
        """Spend elements of the workbook's budget (for the small parts)."""
        self.elements -= elements
        if self.elements < 0:
            raise self.too_complex(part)

    # ── parts ──────────────────────────────────────────────────────────────────────────────

    def member(self, name: str) -> zipfile.ZipInfo | None:
        name = name.lstrip("/")
        try:
            return self.archive.getinfo(name)
        except KeyError:
            lowered = name.lower()
            for info in self.archive.infolist():
                if info.filename.lower() == lowered:
                    return info
        return None

    def parse(
        self,
        part: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None] | None = None,
        chars: Callable[[str], None] | None = None,
        prefilter: Callable[[bytes], bytes] | None = None,
    ) -> Iterator[None]:
        """Feed a part to expat chunk by chunk, yielding after each chunk; stops on `_Done`."""
        info = self.member(part)
        if info is None:
            raise self.unreadable()
        parser = pyexpat.ParserCreate()
        parser.buffer_text = True
        parser.buffer_size = 1 << 16
        parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)

        def refuse(*_: object) -> None:
            raise self.fail(ProblemCode.FILE_TOO_COMPLEX, detail=f"{info.filename}: DOCTYPE/ENTITY")

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if chars is not None:
            parser.CharacterDataHandler = chars
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    self.budget -= len(chunk)
                    if self.budget < 0:
                        raise self.fail(
                            ProblemCode.FILE_TOO_LARGE_UNCOMPRESSED,
                            size=f"> {size_text(self.limits.max_uncompressed_bytes)}",
                            limit=size_text(self.limits.max_uncompressed_bytes),
                        )
                    parser.Parse(prefilter(chunk) if prefilter else chunk, not chunk)
                    if not chunk:
                        return
                    yield
        except _Done:
            return
        except XlsxProblem:
            raise
        except RuntimeError as error:  # zipfile: encrypted member
            if "encrypted" in str(error) or "password" in str(error):
                raise self.fail(ProblemCode.FILE_ENCRYPTED) from error
            raise self.unreadable() from error
        except Exception as error:  # ExpatError, BadZipFile (CRC), zlib.error, EOFError, …
            raise self.unreadable() from error

    def parse_all(
        self,
        part: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None] | None = None,
        chars: Callable[[str], None] | None = None,
    ) -> None:
        for _ in self.parse(part, start, end, chars):
            pass

    # ── rows ───────────────────────────────────────────────────────────────────────────────

    def rows(self, sheet: SheetRef) -> Iterator[tuple[int, dict[int, Cell]]]:
        """Rows holding any cell value, in sheet order: (row number, {column index: cell}).

        A cell is kept only when it holds something other than blanks, so a row's dict is
        never empty and never wider than its last filled cell.
        """
        limits = self.limits
        max_chars = limits.max_cell_chars + 1  # keep one more, so the caller sees it is too long
        shared, epoch = self.shared, self.epoch
        # The `s` attribute as written → what its number format does, for formatted styles only.
        kinds = {str(i): kind for i, kind in enumerate(self.styles) if kind != PLAIN}
        columns: dict[str, int] = {}  # `AB` → 27, learnt as met
        out: list[tuple[int, dict[int, Cell]]] = []
        row_number = 0
        cells: dict[int, Cell] = {}
        col = -1
        ctype = "n"
        kind = PLAIN
        buf: list[str] = []
        size = 0
        collecting = in_cell = in_data = in_is = False
        in_phonetic = 0
        left = self.elements  # the element budget, kept local in this hot loop

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal row_number, cells, col, ctype, kind, buf, size, collecting, in_cell
            nonlocal in_data, in_is, in_phonetic, left
            left -= 1
            if left < 0:
                raise self.too_complex(sheet.part)
            if name == "c":
                if not in_data:
                    return
                ref = attrs.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    found = columns.get(letters)
                    if found is None:
                        if not (letters.isascii() and letters.isalpha() and len(letters) <= 3):
                            raise self.unreadable()
                        found = columns[letters] = column_index(letters)
                    col = found
                else:
                    col += 1
                if col >= EXCEL_MAX_COLUMNS:
                    raise self.unreadable()
                ctype = attrs.get("t", "n")
                kind = kinds.get(attrs.get("s", ""), PLAIN)
                buf = []
                size = 0
                in_cell = True
            elif name == "v":
                collecting = in_cell
            elif name == "t":
                collecting = in_is and not in_phonetic
            elif name == "is":
                in_is = in_cell
            elif name == "row":
                if not in_data:
                    return
                r = attrs.get("r")
                if r:
                    if not (r.isascii() and r.isdigit()) or len(r) > 10:
                        raise self.unreadable()
                    number = int(r)
                else:
                    number = row_number + 1
                if number > EXCEL_MAX_ROWS:
                    raise self.fail(
                        ProblemCode.FILE_TOO_MANY_ROWS,
                        row=number,
                        value=str(number),
                        limit=limits.max_rows,
                    )
                if number <= row_number:  # rows out of order: not a sheet Excel wrote
                    raise self.unreadable()
                row_number = number
                cells = {}
                col = -1
            elif name == "rPh":
                in_phonetic += 1
            elif name == "sheetData":
                in_data = True
            elif name == "dimension":
                self.check_dimension(attrs.get("ref", ""))
            elif ":" in name:
                start(_local(name), attrs)

        def end(name: str) -> None:
            nonlocal collecting, in_cell, in_is, in_phonetic
            if name == "c":
                if in_cell and buf:
                    text = buf[0] if len(buf) == 1 else "".join(buf)
                    value: Cell
                    if ctype == "s":
                        if not (text.isascii() and text.isdigit()) or len(text) > 10:
                            raise self.unreadable()
                        index = int(text)
                        if index >= len(shared):  # a string that is not there: a damaged file
                            raise self.unreadable()
                        value = shared[index]
                    elif ctype == "n" and kind == PLAIN:
                        value = _number(text)
                    else:
                        value = self.cell(ctype, text, kind, epoch)
                    if not isinstance(value, str) or (value and not value.isspace()):
                        cells[col] = value
                in_cell = collecting = False
            elif name == "v" or name == "t":
                collecting = False
            elif name == "row":
                if cells:
                    out.append((row_number, cells))
            elif name == "is":
                in_is = False
            elif name == "rPh":
                in_phonetic -= 1
            elif name == "sheetData":
                raise _Done
            elif ":" in name:
                end(_local(name))

        def chars(data: str) -> None:
            nonlocal size
            if collecting and size < max_chars:
                buf.append(data)
                size += len(data)

        def skip_empty(chunk: bytes) -> bytes:
            """Drop formatted empty cells and rows before expat sees them: a sheet padded to
            column XFD holds millions, and each would cost a Python call. They still count."""
            nonlocal left
            chunk, count = _EMPTY.subn(b"", chunk)
            left -= count
            if left < 0:
                raise self.too_complex(sheet.part)
            return chunk

        try:
            for _ in self.parse(sheet.part, start, end, chars, skip_empty):
                yield from out
                out.clear()
            yield from out
        finally:
            self.elements = left

    def cell(self, ctype: str, text: str, kind: int, epoch: Any) -> Cell:
        """A cell's value from its type, text and number format, but for shared strings."""
        if ctype == "n":
            number = _number(text)
            if isinstance(number, str):
                return number  # not a number after all: keep the text, validation reports it
            if kind == DATE:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number, epoch).isoformat()
                except (OverflowError, ValueError, TypeError, AttributeError):
                    return number
            if kind == PERCENT:
                if not math.isfinite(number):
                    return number
                # Fixed-point, not :g, which keeps only 6 significant digits and may use an
                # exponent.
                return f"{round(number * 100, 6):f}".rstrip("0").rstrip(".") + "%"
            return number
        if ctype == "b":
            return {"1": "True", "0": "False"}.get(text.strip(), text)
        # inlineStr, str (a formula's text), e (an error such as #N/A), d (an ISO date)
        return _unescape(text) if "_x" in text else text

    def check_dimension(self, ref: str) -> None:
        """Refuse a sheet declaring more than Excel's grid, before reading a single row."""
        last = ref.rpartition(":")[2]
        match = _REF.fullmatch(last)
        if match is None:
            return  # an odd dimension is not trusted anyway: the rows are counted as read
        letters, digits = match[1], match[2]
        if digits and int(digits) > EXCEL_MAX_ROWS:
            raise self.fail(
                ProblemCode.FILE_TOO_MANY_ROWS, value=digits, limit=self.limits.max_rows
            )
        if column_index(letters) >= EXCEL_MAX_COLUMNS:
            raise self.fail(
                ProblemCode.FILE_TOO_MANY_COLUMNS,
                value=str(column_index(letters) + 1),
                column=letters.upper(),
                limit=self.limits.max_columns,
            )


def _number(text: str) -> int | float | str:
    """A cell's number as int (integer text) or float; other text is returned as it is."""
    if text.isascii() and text.isdigit() and len(text) < 19:
        return int(text)
    text = text.strip()
    if _INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more than 4,300 digits: Python refuses to convert
            return float("inf") if not text.startswith("-") else float("-inf")
    if _NUMBER.fullmatch(text):
        return float(text)
    return text


# ── opening ─────────────────────────────────────────────────────────────────────────────────


def open_workbook(content: bytes, filename: str, limits: Limits = LIMITS) -> Workbook:
    """Check the zip directory, then read the workbook's structure, strings and styles."""
    archive = open_zip(content, limits)
    if isinstance(archive, ZipRefused):
        raise _zip_failure(filename, archive, limits)
    book = Workbook(archive=archive, filename=filename, limits=limits)
    book.budget = limits.max_uncompressed_bytes
    book.elements = limits.max_xml_elements
    _read_structure(book)
    return book


def _zip_failure(filename: str, refused: ZipRefused, limits: Limits) -> XlsxProblem:
    """A zip the workbook reader refuses, as the upload's problem."""
    match refused.refusal:
        case ZipRefusal.UNREADABLE:
            return _failure(filename, ProblemCode.FILE_UNREADABLE)
        case ZipRefusal.ENCRYPTED:
            return _failure(filename, ProblemCode.FILE_ENCRYPTED)
        case ZipRefusal.TOO_LARGE_UNCOMPRESSED:
            return _failure(
                filename,
                ProblemCode.FILE_TOO_LARGE_UNCOMPRESSED,
                size=size_text(refused.declared_bytes),
                limit=size_text(limits.max_uncompressed_bytes),
            )
    return _failure(filename, ProblemCode.FILE_TOO_COMPLEX, detail=refused.detail)


def _relationships(book: Workbook, part: str) -> dict[str, tuple[str, str]]:
    """Id → (type, member name) of a part's relationships; missing rels give none."""
    folder, base = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if book.member(rels_part) is None:
        return found

    def start(name: str, attrs: dict[str, str]) -> None:
        book.count(rels_part)
        if _local(name) != "Relationship" or attrs.get("TargetMode") == "External":
            return
        target = attrs.get("Target", "")
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join(folder, target))
        found[attrs.get("Id", "")] = (attrs.get("Type", ""), member)

    book.parse_all(rels_part, start)
    return found


def _read_structure(book: Workbook) -> None:
    office = [m for t, m in _relationships(book, "").values() if t.endswith("/officeDocument")]
    workbook_part = office[0] if office else "xl/workbook.xml"
    if book.member(workbook_part) is None:
        raise book.unreadable()  # a zip, but not a workbook
    declared: list[tuple[str, str]] = []
    flags = {"date1904": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        book.count(workbook_part)
        local = _local(name)
        if local == "sheet":
            rid = next((v for k, v in attrs.items() if ":" in k and _local(k) == "id"), "")
            declared.append((attrs.get("name", ""), rid))
        elif local == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "").lower() in ("1", "true")

    book.parse_all(workbook_part, start)
    book.epoch = _calendar(date1904=flags["date1904"])
    relations = _relationships(book, workbook_part)
    for name, rid in declared:
        if rid not in relations:
            raise book.unreadable()
        kind, member = relations[rid]
        if not kind.endswith("/worksheet"):
            continue  # chart sheets and dialog sheets hold no cells
        if book.member(member) is None:
            raise book.unreadable()
        book.sheets.append(SheetRef(name, member))
    for kind, member in relations.values():
        if kind.endswith("/sharedStrings") and book.member(member) is not None:
            book.shared = _shared_strings(book, member)
        elif kind.endswith("/styles") and book.member(member) is not None:
            book.styles = _styles(book, member)


def _shared_strings(book: Workbook, part: str) -> list[str]:
    strings: list[str] = []
    max_chars = book.limits.max_cell_chars + 1
    buf: list[str] = []
    size = 0
    collecting = False
    phonetic = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal buf, size, collecting, phonetic
        book.count(part)
        if name == "t":
            collecting = not phonetic
        elif name == "si":
            buf = []
            size = 0
        elif name == "rPh":
            phonetic += 1
        elif ":" in name:
            start(_local(name), attrs)

    def end(name: str) -> None:
        nonlocal collecting, phonetic
        if name == "t":
            collecting = False
        elif name == "si":
            if len(strings) >= book.limits.max_shared_strings:
                raise book.fail(
                    ProblemCode.FILE_TOO_MANY_CELLS, limit=book.limits.max_shared_strings
                )
            text = "".join(buf)
            strings.append(_unescape(text) if "_x" in text else text)
        elif name == "rPh":
            phonetic -= 1
        elif ":" in name:
            end(_local(name))

    def chars(data: str) -> None:
        nonlocal size
        if collecting and size < max_chars:
            buf.append(data)
            size += len(data)

    book.parse_all(part, start, end, chars)
    return strings


def _styles(book: Workbook, part: str) -> list[int]:
    formats: dict[int, str] = {}
    xfs: list[int] = []
    in_cell_xfs = False

    def number(text: str | None) -> int:
        return int(text) if text and text.isdigit() and len(text) < 10 else 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal in_cell_xfs
        book.count(part)
        local = _local(name)
        if local == "numFmt":
            formats[number(attrs.get("numFmtId"))] = attrs.get("formatCode", "")[:1000]
        elif local == "cellXfs":
            in_cell_xfs = True
        elif local == "xf" and in_cell_xfs:
            xfs.append(number(attrs.get("numFmtId")))

    def end(name: str) -> None:
        nonlocal in_cell_xfs
        if _local(name) == "cellXfs":
            in_cell_xfs = False

    book.parse_all(part, start, end)
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    kinds: dict[int, int] = {}
    for fmt_id in set(xfs):
        code = formats.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id) or ""
        if is_date_format(code):
            kinds[fmt_id] = DATE
        elif "%" in code:
            kinds[fmt_id] = PERCENT
        else:
            kinds[fmt_id] = PLAIN
    return [kinds[f] for f in xfs]
