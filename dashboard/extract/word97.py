"""The text of a Word 97–2003 file (.doc), as `document.py` reads reports.

Agencies still keep and publish many reports as .doc. The file is an OLE compound file (read
with olefile); its main text is the first `ccpText` characters of the pieces the piece table
(Clx, [MS-DOC] 2.9.38) lists in the WordDocument stream, each piece 8-bit (cp1252) or UTF-16LE.
Word's marks become lines: a paragraph, a line break, a page break and a table cell's end each
end a line, so a table comes out one cell a line — the table reader puts its rows back together
(`table_forms.join_cell_lines`); a field keeps its shown result, not its code.

Errors are `DocProblem` with a short English detail for the report's problem message; nothing
here raises anything else for a bad file.
"""

from __future__ import annotations

import io
import re
import struct

_FIB_MAGIC = 0xA5EC
_FIRST_WORD97 = 101  # nFib of Word 97; Word 6 and 95 files are another format
_FLAG_ENCRYPTED = 0x0100
_FLAG_TABLE_1 = 0x0200  # the table stream is 1Table, else 0Table
_FLAG_OBFUSCATED = 0x8000
_CLX_FIELD = 33  # fcClx's index among FibRgFcLcb97's (fc, lcb) pairs
_CCP_TEXT = 3  # ccpText's index in FibRgLw97

# Word's marks in the text: paragraph (\r), cell or row end (\x07), line break (\x0b), page or
# section break (\x0c), column break (\x0e) end a line; anchors of pictures, notes and drawn
# objects, and the optional hyphen, are not text.
_LINE_ENDS = str.maketrans({"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n"})
_NOT_TEXT = re.compile(r"[\x00-\x06\x08\x1f]")
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"


class DocProblem(Exception):
    """Why a .doc cannot be read (its detail goes into the report's problem)."""


def doc_text(content: bytes) -> str:
    """The main text of a Word 97–2003 file, one line a paragraph or table cell."""
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
        except DocProblem:
            raise
        except Exception as error:
            raise DocProblem("Word stream") from error
    text = _pieces_text(word, table, fib)
    return _shown(text[: fib.ccp_text]).translate(_LINE_ENDS)


class _Fib:
    """The few fields of the file information block this reader needs ([MS-DOC] 2.5.1)."""

    def __init__(self, flags: int, ccp_text: int, fc_clx: int, lcb_clx: int) -> None:
        self.flags = flags
        self.ccp_text = ccp_text
        self.fc_clx = fc_clx
        self.lcb_clx = lcb_clx

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
        fc_clx, lcb_clx = struct.unpack_from("<II", word, at + 2 + 8 * _CLX_FIELD)
        if ccp_text < 0:
            raise DocProblem("text length")
        return cls(flags, ccp_text, fc_clx, lcb_clx)


def _pieces_text(word: bytes, table: bytes, fib: _Fib) -> str:
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
    parts: list[str] = []
    length = 0
    for i in range(count):
        if length >= fib.ccp_text:
            break
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 12 * i + 2)
        chars = cps[i + 1] - cps[i]
        if chars < 0:
            raise DocProblem("piece table")
        if fc & 0x40000000:  # 8-bit text: ANSI, two bytes of UTF-16 each shortened to one
            start = (fc & 0x3FFFFFFF) // 2
            raw = word[start : start + chars]
            piece = raw.decode("cp1252", errors="replace")
        else:
            raw = word[fc : fc + 2 * chars]
            piece = raw.decode("utf-16-le", errors="replace")
        if len(piece) != chars:
            raise DocProblem("piece outside the file")
        parts.append(piece)
        length += chars
    return "".join(parts)


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
