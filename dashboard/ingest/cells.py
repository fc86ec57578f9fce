"""The cells of an upload as columns: one Polars frame per file, and the text rules as expressions.

A frame of cells has the spreadsheet row number (`row`) and, per column of the file, `c0`, `c1`,
… holding each cell as typed (text; a number cell as the text Excel shows for it: 5, not 5.0)
and, for a column holding number cells, `n0`, `n1`, … with the number itself (null for text).
Blank cells are null.

The expressions here reproduce Python's own text rules exactly, because the validation report
must not depend on whether a cell was read by Python or by Polars: "whitespace" is what
`str.isspace` and `re`'s `\\s` call whitespace (the information separators U+001C–U+001F
included, which the Unicode White_Space property and Rust's `\\s` leave out).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import polars as pl

from dashboard.domain import values

# Every character for which str.isspace() holds (tests/test_ingest_cells.py checks all of Unicode).
PY_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_WS_CLASS = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in PY_WHITESPACE) + "]"
WHITESPACE_RUN = _WS_CLASS + "+"
NOT_WHITESPACE = "[^" + _WS_CLASS[1:]
# The formula guard an export puts before a cell starting like a formula: `'=…`, `'-5`
# (values.FORMULA_PREFIXES, after the quote).
_FORMULA_GUARD = r"^'[=+\-@\t\r]"

Cell = str | float | int | None


def text_column(index: int) -> str:
    return f"c{index}"


def number_column(index: int) -> str:
    return f"n{index}"


def is_filled(expr: pl.Expr) -> pl.Expr:
    """A cell holding something other than whitespace (`str(cell).strip() != ""`)."""
    return expr.is_not_null() & expr.str.contains(NOT_WHITESPACE)


def strip_formula_guard(expr: pl.Expr) -> pl.Expr:
    """values.strip_formula_guard as an expression."""
    return pl.when(expr.str.contains(_FORMULA_GUARD)).then(expr.str.slice(1)).otherwise(expr)


def clean_text(expr: pl.Expr) -> pl.Expr:
    """A cell as text, trimmed: formula guard removed, inner runs of whitespace one space, ""
    for a blank cell (validate's `_clean_text`)."""
    return (
        strip_formula_guard(expr.fill_null(""))
        .str.replace_all(WHITESPACE_RUN, " ")
        .str.strip_chars(PY_WHITESPACE)
    )


def is_blank(expr: pl.Expr) -> pl.Expr:
    """`clean_text(expr) == ""`, without building the text: nothing, whitespace, or a formula
    guard before whitespace (`'` and a tab)."""
    return expr.is_null() | expr.str.contains("^(?:'[\\t\\r])?" + _WS_CLASS + "*$")


_SPACES = re.compile(r"\s+")


def clean_cell(cell: str | None) -> str:
    """`clean_text` in Python, for one cell (the reading of distinct cells)."""
    if cell is None:
        return ""
    return _SPACES.sub(" ", values.strip_formula_guard(cell)).strip()


def typed_text(cell: Cell) -> str:
    """A cell as typed, for a problem's value: a whole number without `.0`, "" for nothing."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _number(cell: int | float) -> float:
    """A number cell as a float; an integer too large for one stays far above every limit."""
    if isinstance(cell, int) and abs(cell) > 10**300:
        return math.copysign(1e300, cell)
    return float(cell)


def cells_frame(rows: Sequence[tuple[int, Sequence[Cell]]]) -> pl.DataFrame:
    """The frame of cells of rows read in Python (.xlsx, or CSV with quoted cells)."""
    width = max((len(cells) for _, cells in rows), default=0)
    columns: dict[str, pl.Series] = {
        "row": pl.Series("row", [number for number, _ in rows], dtype=pl.Int64)
    }
    padded = [list(cells) + [None] * (width - len(cells)) for _, cells in rows]
    for index, column in enumerate(zip(*padded, strict=True)):
        name = text_column(index)
        if all(type(c) is str or c is None for c in column):
            columns[name] = pl.Series(name, column, dtype=pl.String)
            continue
        columns[name] = pl.Series(
            name, [c if type(c) is str or c is None else typed_text(c) for c in column], pl.String
        )
        numbers = [None if type(c) is str or c is None else _number(c) for c in column]
        columns[number_column(index)] = pl.Series(number_column(index), numbers, pl.Float64)
    return pl.DataFrame(columns)


def frame_rows(frame: pl.DataFrame) -> list[tuple[int, list[Cell]]]:
    """The rows of a frame of text cells (the plain CSV reader's), as the Python readers give
    them: each row up to its last filled cell, blank cells within it as ""."""
    names = [c for c in frame.columns if c.startswith("c")]
    out: list[tuple[int, list[Cell]]] = []
    for number, *cells in frame.select("row", *names).iter_rows():
        while cells and cells[-1] is None:
            cells.pop()
        out.append((number, cells))
    return out
