"""The text of a Word 97–2003 file (.doc), as `document.py` reads reports.

Agencies still keep and publish many reports as .doc. The file is an OLE compound file (read
with olefile); its main text is the first `ccpText` characters of the pieces the piece table
(Clx, [MS-DOC] 2.9.38) lists in the WordDocument stream, each piece 8-bit (cp1252) or UTF-16LE.
Word's marks become lines: a paragraph, a line break, a page break each end a line; a field
keeps its shown result, not its code. A table comes out as rows of cells in their columns, as
a Word (.docx) table does: the paragraph properties ([MS-DOC] 2.8.6 PlcBtePapx, 2.9.175 PapxFkp)
tell a cell's end from a row's end (both are the same mark, 0x07, and an empty cell is only
its mark) and give each row's cell edges (sprmTDefTable), which place a merged cell in its first
column. A file whose properties cannot be read gives its cells one a line, as before — the table
reader puts such rows back together (`table_forms.join_cell_lines`).

Errors are `DocProblem` with a short English detail for the report's problem message; nothing
here raises anything else for a bad file.
"""

from __future__ import annotations

import bisect
import io
import re
import struct
from typing import NamedTuple

_FIB_MAGIC = 0xA5EC
_FIRST_WORD97 = 101  # nFib of Word 97; Word 6 and 95 files are another format
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE_1 = 0x0200  # the table stream is 1Table, else 0Table
_FLAG_OBFUSCATED = 0x8000
_CLX_FIELD = 33  # fcClx's index among FibRgFcLcb97's (fc, lcb) pairs
_CCP_TEXT = 3  # ccpText's index in FibRgLw97

# Word's marks in the text: paragraph (\r), cell or row end (\x07), line break (\x0b), page or
# section break (\x0c), column break (\x0e) end a line, or a cell's paragraph in a table;
# anchors of pictures, notes and drawn objects, and the optional hyphen, are not text.
_NOT_TEXT = re.compile(r"[\x00-\x06\x08\x1f]")
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"


class DocProblem(Exception):
    """Why a .doc cannot be read (its detail goes into the report's problem)."""


Table = list[list[str]]
# The marks of a table, as `_marked` sets them for `_blocks`: a cell's end, a paragraph inside a
# cell, a row's end (control characters no text holds; `_shown` keeps them).
_CELL_END, _CELL_PARAGRAPH, _ROW_END = "\x1c", "\x1d", "\x1e"
_PARAGRAPH_MARK = re.compile(r"[\r\x07\x0b\x0c\x0e]")
_BLOCK_MARK = re.compile(r"([\r\n\x07\x0b\x0c\x0e\x1c\x1d\x1e])")
# A row's cell edges in twips; a grid of more columns than Word allows a table (63) twice over
# is no table's, and its rows are given without positions.
_MAX_COLUMNS = 126
# Cells laid out in columns for one file (as MAX_GRID_CELLS of document.py): past this, rows
# are given as their cells only, so that a file of one-cell rows spanning every column cannot
# fill the memory.
_MAX_GRID_CELLS = 2_000_000
_SAME_EDGE = 10  # twips: edges this close are one column line (a row drawn a hair apart)
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_DEF_TABLE = 0x2416, 0x2417, 0xD608
_SPRM_CHANGE_TABS, _SPRM_HUGE_PAPX = 0xC615, 0x6646
_TC_VERTICAL_MERGE, _TC_VERTICAL_RESTART = 0x0020, 0x0040
_PAPX_FIELD = 13  # fcPlcfBtePapx's index among FibRgFcLcb97's pairs
_PAGE = 512  # an FKP page of the WordDocument stream


def doc_blocks(content: bytes) -> list[str | Table]:
    """The main text of a Word 97–2003 file in order: a line a paragraph, a table as its rows
    of cells in their columns (a merged cell's text in its first position, the rest empty; a
    cell's paragraphs a line each)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(content))
    except Exception as error:  # olefile raises OSError and others for a broken container
        raise DocProblem("OLE") from error
    with ole:
        if not ole.exists("WordDocument"):
            if ole.exists("EncryptionInfo"):
                raise DocProblem("encrypted")
            raise DocProblem("OLE without a Word document")
        try:
            word = ole.openstream("WordDocument").read()
            fib = _Fib.read(word)
            table_name = "1Table" if fib.flags & _FLAG_TABLE_1 else "0Table"
            if not ole.exists(table_name):
                raise DocProblem(f"no {table_name}")
            table = ole.openstream(table_name).read()
            data = ole.openstream("Data").read() if ole.exists("Data") else b""
        except DocProblem:
            raise
        except Exception as error:
            raise DocProblem("Word stream") from error
    pieces = _pieces(word, table, fib)
    text = "".join(p.text for p in pieces)[: fib.ccp_text]
    try:
        text, rows = _marked(text, pieces, _paragraph_runs(word, table, fib), data)
    except (struct.error, IndexError, ValueError):
        rows = []  # properties unreadable: the cells one a line, as the marks alone tell
    return _blocks(_shown(text), rows)


class _Fib:
    """The few fields of the file information block this reader needs ([MS-DOC] 2.5.1)."""

    def __init__(self, flags: int, ccp_text: int, fc_lcb: list[tuple[int, int]]) -> None:
        self.flags = flags
        self.ccp_text = ccp_text
        self.fc_clx, self.lcb_clx = fc_lcb[_CLX_FIELD]
        self.fc_papx, self.lcb_papx = fc_lcb[_PAPX_FIELD]

    @classmethod
    def read(cls, word: bytes) -> _Fib:
        if len(word) < 34:
            raise DocProblem("short Word stream")
        ident, n_fib = struct.unpack_from("<HH", word, 0)
        (flags,) = struct.unpack_from("<H", word, 0x0A)
        if ident != _FIB_MAGIC:
            raise DocProblem("not a Word file")
        if n_fib < _FIRST_WORD97:
            raise DocProblem("Word 6/95 file")
        if flags & (_FLAG_ENCRYPTED | _FLAG_OBFUSCATED):
            raise DocProblem("encrypted")
        at = 32
        (csw,) = struct.unpack_from("<H", word, at)
        at += 2 + 2 * csw
        (cslw,) = struct.unpack_from("<H", word, at)
        lw = at + 2
        at = lw + 4 * cslw
        (cb_fc_lcb,) = struct.unpack_from("<H", word, at)
        if cslw <= _CCP_TEXT or cb_fc_lcb <= _CLX_FIELD:
            raise DocProblem("short file information block")
        (ccp_text,) = struct.unpack_from("<i", word, lw + 4 * _CCP_TEXT)
        fc_lcb = [struct.unpack_from("<II", word, at + 2 + 8 * i) for i in range(_CLX_FIELD + 1)]
        if ccp_text < 0:
            raise DocProblem("text length")
        return cls(flags, ccp_text, fc_lcb)


class _Piece(NamedTuple):
    """A run of the text stored in one place: its characters and where the first one is (a
    file offset in the WordDocument stream, 1 or 2 bytes a character)."""

    text: str
    fc: int
    width: int


def _pieces(word: bytes, table: bytes, fib: _Fib) -> list[_Piece]:
    """The document's characters in order, piece by piece ([MS-DOC] 2.9.177 PlcPcd)."""
    clx = table[fib.fc_clx : fib.fc_clx + fib.lcb_clx]
    if len(clx) != fib.lcb_clx:
        raise DocProblem("piece table")
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting, skipped
        (size,) = struct.unpack_from("<h", clx, at + 1)
        at += 3 + max(size, 0)
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise DocProblem("piece table")
    (lcb,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + lcb]
    count = (len(plc) - 4) // 12
    if count <= 0 or len(plc) != lcb:
        raise DocProblem("piece table")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[_Piece] = []
    length = 0
    for i in range(count):
        if length >= fib.ccp_text:
            break
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 12 * i + 2)
        chars = cps[i + 1] - cps[i]
        if chars < 0:
            raise DocProblem("piece table")
        if fc & 0x40000000:  # 8-bit text: ANSI, two bytes of UTF-16 each shortened to one
            start, width = (fc & 0x3FFFFFFF) // 2, 1
            piece = word[start : start + chars].decode("cp1252", errors="replace")
        else:
            start, width = fc, 2
            piece = word[fc : fc + 2 * chars].decode("utf-16-le", errors="replace")
        if len(piece) != chars:
            raise DocProblem("piece outside the file")
        pieces.append(_Piece(piece, start, width))
        length += chars
    return pieces


class _Runs(NamedTuple):
    """Paragraph properties by file offset: run i is [starts[i], ends[i]) with `grpprls[i]`."""

    starts: list[int]
    ends: list[int]
    grpprls: list[bytes]


def _paragraph_runs(word: bytes, table: bytes, fib: _Fib) -> _Runs:
    """Each paragraph's properties (its sprms) with the file offsets of its text: the FKP pages
    the PlcBtePapx points to ([MS-DOC] 2.8.6, 2.9.175–2.9.177)."""
    plc = table[fib.fc_papx : fib.fc_papx + fib.lcb_papx]
    count = (len(plc) - 4) // 8
    if count <= 0 or len(plc) != fib.lcb_papx:
        raise ValueError("no paragraph properties")
    pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
    runs: list[tuple[int, int, bytes]] = []
    for pn in pages:
        page = word[(pn & 0x3FFFFF) * _PAGE : (pn & 0x3FFFFF) * _PAGE + _PAGE]
        if len(page) != _PAGE:
            raise ValueError("paragraph page outside the file")
        crun = page[-1]
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = 2 * page[4 * (crun + 1) + 13 * i]
            grpprl = b""
            if offset:
                cb = page[offset]
                if cb:
                    grpprl = page[offset + 1 : offset + 2 * cb]
                else:
                    grpprl = page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
            runs.append((fcs[i], fcs[i + 1], grpprl))
    runs.sort()
    return _Runs([r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs])


class _TableProps(NamedTuple):
    in_table: bool
    row_end: bool
    edges: tuple[int, ...]  # the row's cell edges (a row end's), in twips
    continued: tuple[bool, ...]  # each cell: merged with the cell above it


_Row = tuple[tuple[int, ...], tuple[bool, ...]]  # a row end's cell edges and merged cells


def _table_props(grpprl: bytes, data: bytes, at: int = 2) -> _TableProps:
    """What a paragraph's sprms say of tables ([MS-DOC] 2.6.2, 2.9.337 TDefTableOperand): in a
    table, a row's end, and a row end's cell edges and vertically merged cells. From `at`: after
    the paragraph's style (istd); the sprms of a row of many cells are in the Data stream
    (sprmPHugePapx, 2.9.218 PrcData), with no style before them."""
    in_table = row_end = False
    edges: tuple[int, ...] = ()
    continued: tuple[bool, ...] = ()
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        kind = sprm >> 13
        if sprm == _SPRM_DEF_TABLE:
            (cb,) = struct.unpack_from("<H", grpprl, at)
            operand = grpprl[at + 2 : at + 1 + cb]
            cells = operand[0]
            edges = struct.unpack_from(f"<{cells + 1}h", operand, 1)
            flags = [
                struct.unpack_from("<H", operand, 1 + 2 * (cells + 1) + 20 * i)[0]
                for i in range(cells)
                if 1 + 2 * (cells + 1) + 20 * i + 2 <= len(operand)
            ]
            continued = tuple(
                bool(f & _TC_VERTICAL_MERGE) and not f & _TC_VERTICAL_RESTART for f in flags
            )
            size = cb + 1
        elif kind == 6:
            if sprm == _SPRM_CHANGE_TABS and grpprl[at] == 255:
                break  # a tab change of its own long form: no table sprm is after it here
            size = grpprl[at] + 1
        else:
            size = (1, 1, 2, 4, 2, 2, 0, 3)[kind]
        if sprm == _SPRM_HUGE_PAPX:
            (offset,) = struct.unpack_from("<I", grpprl, at)
            (cb,) = struct.unpack_from("<H", data, offset)
            # (no further Data stream: sprms pointing on again are no file Word writes)
            return _table_props(data[offset + 2 : offset + 2 + cb], b"", 0)
        if sprm == _SPRM_IN_TABLE:
            in_table = grpprl[at] != 0
        elif sprm == _SPRM_TTP:
            row_end = grpprl[at] != 0
        at += size
    return _TableProps(in_table, row_end, edges, continued)


def _marked(text: str, pieces: list[_Piece], runs: _Runs, data: bytes) -> tuple[str, list[_Row]]:
    """The text with its table marks told apart (`_CELL_END`, `_CELL_PARAGRAPH`, `_ROW_END`),
    and each row end's cell edges and merged cells, in order."""
    out = list(text)
    rows: list[_Row] = []
    props: dict[int, _TableProps] = {}
    cp = 0
    for piece in pieces:
        for mark in _PARAGRAPH_MARK.finditer(piece.text):
            k = mark.start()
            fc = piece.fc + k * piece.width
            i = bisect.bisect_right(runs.starts, fc) - 1
            if cp + k >= len(out) or i < 0 or fc >= runs.ends[i]:
                continue
            if i not in props:
                props[i] = _table_props(runs.grpprls[i], data)
            found = props[i]
            if mark[0] == "\x07":
                out[cp + k] = _ROW_END if found.row_end else _CELL_END
                if found.row_end:
                    rows.append((found.edges, found.continued))
            elif found.in_table:  # a paragraph or a line in a cell: the cell goes on
                out[cp + k] = _CELL_PARAGRAPH
        cp += len(piece.text)
    return "".join(out), rows


def _blocks(text: str, rows: list[_Row]) -> list[str | Table]:
    """Lines and tables out of the marked text: a cell's paragraphs kept apart, each row placed
    in columns by its edges (`_grid`). Without marks (properties unreadable) a cell's
    end ends a line."""
    blocks: list[str | Table] = []
    table: list[tuple[list[str], int]] = []  # each row's cells and the number of its row end
    row: list[str] = []
    cell: list[str] = []
    ends = 0
    room = [_MAX_GRID_CELLS]
    parts = _BLOCK_MARK.split(text)
    for i in range(0, len(parts), 2):
        piece, mark = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        if mark == _CELL_PARAGRAPH:
            cell.append(piece)
        elif mark == _CELL_END:
            row.append(_cell_text([*cell, piece]))
            cell = []
        elif mark == _ROW_END:
            if piece.strip() or cell:  # (a row end's own paragraph holds no text)
                row.append(_cell_text([*cell, piece]))
            table.append((row, ends))
            row, cell = [], []
            ends += 1
        else:
            if row or cell:  # a row cut short: the file ended or was saved so
                table.append(([*row, _cell_text(cell)], -1))
            if table:
                blocks.extend(_grid(table, rows, room))
            table, row, cell = [], [], []
            blocks.append(piece)
    return blocks


def _cell_text(paragraphs: list[str]) -> str:
    """A cell's paragraphs (and lines), a line each: a cell laying out the page holds its
    paragraphs, a form's cell a wrapped label (`document.py` joins those)."""
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _grid(table: list[tuple[list[str], int]], rows: list[_Row], room: list[int]) -> list[Table]:
    """A table's rows with column positions: every row's edges are the table's column lines, a
    cell spans the lines between its edges (as `w:gridSpan` of a .docx); a cell merged with the
    one above is empty. A row whose edges do not fit its cells keeps its cells from the left;
    past the file's `room` for cells, every row does."""
    shaped = [(cells, rows[at] if 0 <= at < len(rows) else ((), ())) for cells, at in table]
    column: dict[int, int] = {}
    previous: int | None = None
    for edge in sorted({e for _, (edges, _) in shaped for e in edges}):
        column[edge] = 0 if previous is None else column[previous] + (edge - previous > _SAME_EDGE)
        previous = edge
    width = max(column.values(), default=0)
    positioned = 0 < width <= _MAX_COLUMNS and width * len(shaped) <= room[0]
    if positioned:
        room[0] -= width * len(shaped)
    grid: Table = []
    for cells, (edges, continued) in shaped:
        if not positioned or len(edges) != len(cells) + 1:
            grid.append(cells)
            continue
        placed = [""] * column[edges[0]]
        for k, text in enumerate(cells):
            span = max(column[edges[k + 1]] - column[edges[k]], 1)
            merged = k < len(continued) and continued[k]
            placed.extend(["" if merged else text] + [""] * (span - 1))
        grid.append(placed)
    if positioned:  # every row as wide as the table, as a .docx table's grid
        grid = [r + [""] * (width - len(r)) for r in grid]
    grid = [r for r in grid if any(r)]
    return [grid] if grid else []


def _shown(text: str) -> str:
    """The text as Word shows it: a field's result kept and its code dropped (fields nest),
    anchors of pictures and notes left out."""
    out: list[str] = []
    # for each open field: whether its code is over (its result is shown)
    fields: list[bool] = []
    for char in text:
        if char == _FIELD_BEGIN:
            fields.append(False)
        elif char == _FIELD_SEPARATOR and fields:
            fields[-1] = True
        elif char == _FIELD_END and fields:
            fields.pop()
        elif all(fields):
            out.append(char)
    return _NOT_TEXT.sub("", "".join(out))
