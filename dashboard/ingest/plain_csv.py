"""CSV without quotes, read as columns: each line one record, cells split at the delimiter.

Most uploads are written this way (Excel quotes a cell only when it holds the delimiter, a quote
or a line break), and a province's file has hundreds of thousands of lines: splitting them in
Polars takes a fraction of what the csv module and a Python object per cell take. The result is
the same table, to the row and cell: the same lines, delimiter, blank rows dropped, header, cells
trimmed after the last filled one, and the same limits stopping at the same row with the same
problem. Anything that could read differently — a quote anywhere, a NUL or broken character, a
line longer than a cell may be, a line wider than twice the column limit — is left to the csv
module (`reader._read_csv`): `plain_rows` then returns None.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.ingest.cells import is_filled, text_column
from dashboard.ingest.limits import Limits
from dashboard.ingest.xlsx import column_letter

DELIMITERS = ",\t;"


@dataclass
class PlainRows:
    header: list[str] | None = None
    header_row: int = 1
    frame: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame({"row": []}, {"row": pl.Int64})
    )
    problems: list[Problem] = field(default_factory=list)


def plain_rows(text: str, limits: Limits) -> PlainRows | None:
    """The rows of a CSV text without quotes; None when the csv module must read it."""
    if '"' in text or "\x00" in text or "\ufffd" in text:
        return None
    # Lines as the csv path numbers them (io.StringIO with newline=""): CRLF, LF or a lone CR.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # the text ends with a line break (or is empty): no line after it
    first_line = next((line for line in lines if line), "")
    delimiter = max(DELIMITERS, key=first_line.count) if first_line else ","
    if first_line.count(delimiter) == 0:
        delimiter = ","
    series = pl.Series("line", lines, dtype=pl.String)
    del lines  # a Python string per line: gone before the columns are made
    if len(series) and int(series.str.len_chars().max() or 0) > limits.max_cell_chars:
        return None  # a cell may be too long: the csv path reports it, shortened
    parts = series.str.split(delimiter, inclusive=False)
    width = int(parts.list.len().max() or 0)
    if width > 2 * limits.max_columns:
        return None
    columns = [text_column(j) for j in range(width)]
    frame = pl.DataFrame(
        [pl.Series("row", range(1, len(series) + 1), dtype=pl.Int64)]
        + [parts.list.get(j, null_on_oob=True).alias(columns[j]) for j in range(width)]
    )
    del series, parts  # the lines, twice over: not kept while the rows are sorted out
    filled = [is_filled(pl.col(c)) for c in columns]
    frame = frame.with_columns(
        pl.sum_horizontal(filled).alias("_count") if filled else pl.lit(0).alias("_count"),
        pl.max_horizontal([pl.when(f).then(j) for j, f in enumerate(filled)]).alias("_last")
        if filled
        else pl.lit(None, pl.Int64).alias("_last"),
    ).filter(pl.col("_count") > 0)
    frame = frame.with_columns(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_k"),
        pl.col("_count").cum_sum().alias("_cells"),
    )
    result = PlainRows()
    stops = frame.filter(
        (pl.col("_last") >= limits.max_columns)
        | (pl.col("_cells") > limits.max_cells)
        | (pl.col("_k") > limits.max_rows)
    )
    if stops.height:
        stop = stops.row(0, named=True)
        frame = frame.filter(pl.col("_k") < stop["_k"])
        result.problems.append(_stop_problem(stop, limits))
    if frame.height:
        head = frame.row(0, named=True)
        cells = [head[c] for c in columns[: head["_last"] + 1]]
        # A BOM or zero-width space pasted in front of a column name is not part of it.
        result.header = [str(c).strip().strip("\ufeff\u200b").strip() for c in cells]
        result.header_row = head["row"]
        # Cells after a row's last filled one are not part of it (as the csv path trims them).
        result.frame = frame.slice(1).select(
            "row",
            *[
                pl.when(pl.col("_last") >= j).then(pl.col(c)).alias(c)
                for j, c in enumerate(columns)
            ],
        )
    return result


def _stop_problem(stop: dict[str, int], limits: Limits) -> Problem:
    """The limit that stopped the reading at this row, checked in the csv path's order."""
    row, last = stop["row"], stop["_last"]
    if last >= limits.max_columns:
        return Problem(
            ProblemCode.FILE_TOO_MANY_COLUMNS,
            Severity.ERROR,
            row=row,
            column=column_letter(last),
            value=str(last + 1),
            params={"limit": limits.max_columns},
        )
    if stop["_cells"] > limits.max_cells:
        return Problem(
            ProblemCode.FILE_TOO_MANY_CELLS,
            Severity.ERROR,
            row=row,
            params={"limit": limits.max_cells},
        )
    return Problem(
        ProblemCode.FILE_TOO_MANY_ROWS,
        Severity.ERROR,
        row=row,
        value=str(stop["_k"]),
        params={"limit": limits.max_rows},
    )
