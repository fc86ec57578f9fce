"""How much work one upload file may cost: every limit of the readers, in one place.

An upload is read in memory by the app process, so a file must not be able to take minutes or
gigabytes: a workbook padded to column XFD, a sheet declaring twenty million rows, a zip bomb, a
CSV whose broken quote makes one cell of the whole file. Past a limit the reader stops and says
which limit, with its value, as a problem (`file-too-many-rows`, `cell-too-long`, …); nothing is
expanded before the sizes are known.

The values are generous for the product: a year of one agency's report is a few hundred rows; a
province's supervising office collects a thousand agencies over ten years, some 300,000 rows in
one file (issue 12). A file within every limit is read in seconds (200,000 rows × 10 columns of
.xlsx: about 5 s of CPU on one core; a 300,000-row CSV without quotes well under one).

`open_zip` applies the zip limits for both zip readers, the .xlsx upload reader and the .docx
report reader: one check, each reader naming a refusal with its own problem code.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from enum import StrEnum

# Excel's own grid: anything beyond it is not a worksheet Excel or WPS could have written.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384  # column XFD


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits for reading one upload file; `LIMITS` holds the product's values."""

    # The file as uploaded. The app refuses larger uploads earlier (DASHBOARD_MAX_UPLOAD_MB,
    # 20 MB by default); this bound holds for every caller, the command line included.
    max_file_bytes: int = 100 * 1024 * 1024
    # Data rows holding anything, below the header (blank rows are not counted): a province's
    # thousand agencies over ten years (300,000 facts) fit in one file.
    max_rows: int = 500_000
    # The last column holding anything; empty cells further right (formatting only) are ignored.
    max_columns: int = 50
    # Cells holding anything, header included: 500,000 rows of the 10-column template fit.
    max_cells: int = 5_000_000
    # Characters in one cell: Excel's own limit per cell.
    max_cell_chars: int = 32_767
    # .xlsx: the zip's declared uncompressed size (all members), checked before anything is
    # expanded; then counted while reading, so a member lying about its size cannot pass.
    max_uncompressed_bytes: int = 256 * 1024 * 1024
    # .xlsx: a member larger than `ratio_floor_bytes` may be at most this many times its
    # compressed size. Worksheet XML compresses 10–30 times; zip bombs thousands of times.
    max_compression_ratio: int = 200
    ratio_floor_bytes: int = 1024 * 1024
    # .xlsx: members in the zip (a workbook has a dozen or two; each one costs memory to list).
    max_zip_entries: int = 10_000
    # .xlsx: XML elements read in all parts together, formatted empty cells and rows included:
    # each costs parsing time even though nothing is kept (500,000 rows × 10 cells of inline
    # text are about 15.5 million).
    max_xml_elements: int = 16_000_000
    # CSV: physical lines, blank ones included (what Excel itself can open).
    max_lines: int = EXCEL_MAX_ROWS
    # .xlsx: entries of the shared-string table (at most one per cell).
    max_shared_strings: int = 5_000_000


LIMITS = Limits()


# ── zip containers (.xlsx uploads, .docx reports) ───────────────────────────────────────────


class ZipRefusal(StrEnum):
    """Why a zip container is not opened; each reader names it with its own problem code."""

    UNREADABLE = "unreadable"  # not a zip, or its directory is broken
    TOO_MANY_MEMBERS = "too-many-members"
    ENCRYPTED = "encrypted"
    TOO_LARGE_UNCOMPRESSED = "too-large-uncompressed"
    COMPRESSION_RATIO = "compression-ratio"


@dataclass(frozen=True, slots=True)
class ZipRefused:
    """A zip refused before anything in it was expanded: why, and the numbers that say so."""

    refusal: ZipRefusal
    detail: str = ""  # "zip: 12000 > 10000", "word/document.xml: 8192:1 > 200:1"
    declared_bytes: int = 0  # the members' declared uncompressed size, all together


def _declared_members(content: bytes) -> int:
    """Members declared by the end-of-central-directory record (0 when there is none): read
    before zipfile lists the directory, which costs memory per member."""
    tail = content[-(65535 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return 0
    return int(struct.unpack("<H", tail[at + 10 : at + 12])[0])


def open_zip(content: bytes, limits: Limits = LIMITS) -> zipfile.ZipFile | ZipRefused:
    """The zip archive of `content` when its directory is within `limits` — members, declared
    uncompressed size, each member's compression ratio, no encrypted member — else why not.
    Only the directory is read: a zip bomb is refused before any member is expanded (a member
    lying about its size is the reader's to catch, by counting what it expands)."""
    declared = _declared_members(content)
    if declared > limits.max_zip_entries:
        return ZipRefused(
            ZipRefusal.TOO_MANY_MEMBERS, detail=f"zip: {declared} > {limits.max_zip_entries}"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except Exception:  # BadZipFile, struct.error, ValueError, NotImplementedError, …
        return ZipRefused(ZipRefusal.UNREADABLE, detail="zip")
    if len(infos) > limits.max_zip_entries:
        return ZipRefused(
            ZipRefusal.TOO_MANY_MEMBERS, detail=f"zip: {len(infos)} > {limits.max_zip_entries}"
        )
    if any(info.flag_bits & 0x1 for info in infos):
        return ZipRefused(ZipRefusal.ENCRYPTED, detail="encrypted")
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        return ZipRefused(ZipRefusal.TOO_LARGE_UNCOMPRESSED, declared_bytes=total)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_compression_ratio:
            return ZipRefused(
                ZipRefusal.COMPRESSION_RATIO,
                detail=f"{info.filename}: {ratio:.0f}:1 > {limits.max_compression_ratio}:1",
            )
    return archive
