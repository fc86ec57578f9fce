"""How much work one upload file may cost: every limit of the readers, in one place.

An upload is read in memory by the app process, so a file must not be able to take minutes or
gigabytes: a workbook padded to column XFD, a sheet declaring twenty million rows, a zip bomb, a
CSV whose broken quote makes one cell of the whole file. Past a limit the reader stops and says
which limit, with its value, as a problem (`file-too-many-rows`, `cell-too-long`, …); nothing is
expanded before the sizes are known.

The values are generous for the product: a year of one agency's report is a few hundred rows, a
province's many agencies over many years a few tens of thousands. A file within every limit is
read in seconds (200,000 rows × 10 columns of .xlsx: about 5 s of CPU on one core).
"""

from __future__ import annotations

from dataclasses import dataclass

# Excel's own grid: anything beyond it is not a worksheet Excel or WPS could have written.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384  # column XFD


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits for reading one upload file; `LIMITS` holds the product's values."""

    # The file as uploaded. The app refuses larger uploads earlier (DASHBOARD_MAX_UPLOAD_MB,
    # 20 MB by default); this bound holds for every caller, the command line included.
    max_file_bytes: int = 100 * 1024 * 1024
    # Data rows holding anything, below the header (blank rows are not counted).
    max_rows: int = 200_000
    # The last column holding anything; empty cells further right (formatting only) are ignored.
    max_columns: int = 50
    # Cells holding anything, header included: 200,000 rows of the 10-column template fit.
    max_cells: int = 2_500_000
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
    # each costs parsing time even though nothing is kept (200,000 rows × 10 cells of inline
    # text are about 6.2 million).
    max_xml_elements: int = 10_000_000
    # CSV: physical lines, blank ones included (what Excel itself can open).
    max_lines: int = EXCEL_MAX_ROWS
    # .xlsx: entries of the shared-string table.
    max_shared_strings: int = 2_500_000


LIMITS = Limits()
