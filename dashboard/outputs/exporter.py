"""Write facts back out in the upload format (CSV or Excel), and the empty template.

What is exported re-imports unchanged — the number, the qualifier and the report's words: each
value is written as the report wrote it (`1200余条`, `3.17万`). Cells that a spreadsheet would run
as a formula are prefixed with `'` (and the reader removes it again), so an export is safe to
open.

A CSV of many facts (the store's whole-store download: 3,000,000 facts) is written by Polars
expressions, a batch of facts at a time (`write_csv`): the cells of the common figures (a number
as the report wrote it, a figure without words) are built column-wise, and every other value
cell is written by `export_value` itself, once per distinct (metric, value, qualifier, words).
The bytes are those of `csv.writer` on `fact_cells`' rows (tests/test_export.py compares them).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO, Literal

import openpyxl
import polars as pl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.facts import FACTS_SCHEMA, Fact, frame_facts
from dashboard.domain.values import (
    FORMULA_PREFIXES,
    Qualifier,
    in_metric_unit,
    parse_value,
    plain_number,
    write_value,
)
from dashboard.i18n.messages import t

Format = Literal["csv", "xlsx"]
UPLOAD_FIELDS = ("year", "agency", "metric", "channel", "category", "value", "note")
REFERENCE_FIELDS = ("unit", "description", "previous")
DATA_SHEET = "数据"
GUIDE_SHEET = "填写说明"


def neutralise(text: str) -> str:
    """Prefix text a spreadsheet would treat as a formula (OWASP CSV-injection advice)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


_FORMULA_START = "^[" + "".join(re.escape(p) for p in FORMULA_PREFIXES) + "]"


def neutralise_strings(frame: pl.DataFrame) -> pl.DataFrame:
    """`neutralise` on every text column, as one vectorised expression.

    No Python callback runs inside Polars (`map_elements`): on a server thread it holds the GIL
    while Polars' pool waits on it, and two sessions doing so at once froze the whole process.
    """
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA_START))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )


def export_value(fact: Fact, metric: Metric) -> str | int | float:
    """The value cell of a fact: as the report wrote it (`1200余条`, `近52000`, `90.1万元`), so
    that export → import gives back the number, the qualifier and the words. A plain exact
    number stays a number for spreadsheets; a fact stored without its written form (before the
    words were kept) is written from its number and qualifier."""
    number: int | float | None = None
    if fact.qualifier is Qualifier.EXACT and fact.value is not None and not metric.is_percent:
        number = int(fact.value) if float(fact.value).is_integer() else fact.value
    if fact.as_written and _reads_back(fact, fact.as_written, metric):
        # Words that say no more than the number (`5`): a number cell, as spreadsheets want.
        if number is not None and fact.as_written == plain_number(number):
            return number
        return fact.as_written
    if number is not None:
        return number
    return write_value(fact.value, fact.qualifier, percent=metric.is_percent)


def _reads_back(fact: Fact, written: str, metric: Metric) -> bool:
    """Whether a written form reads back as the fact's number and qualifier (in the metric's
    unit): only then may the export write it instead of the number."""
    parsed = parse_value(written)
    if not parsed.ok or parsed.qualifier is not fact.qualifier:
        return False
    value = in_metric_unit(parsed, metric.unit).value
    if value is None or fact.value is None:
        return value is None and fact.value is None
    return math.isclose(value, fact.value, rel_tol=1e-12, abs_tol=1e-12)


def fact_cells(fact: Fact, catalogue: Catalogue) -> list[str | int | float]:
    """One upload-format row for a fact, its value as the report wrote it; exact numbers stay
    numbers for spreadsheets."""
    metric = catalogue.metrics[fact.metric]
    value = export_value(fact, metric)
    if isinstance(value, str):
        value = neutralise(value)
    texts = [
        fact.agency,
        metric.zh,
        catalogue.channel_name(fact.channel),
        catalogue.category_name(metric, fact.category) if fact.category else "",
    ]
    agency, metric_name, channel, category = (neutralise(x) for x in texts)
    return [fact.year, agency, metric_name, channel, category, value, neutralise(fact.note or "")]


def header(lang: str = "zh", reference: bool = False) -> list[str]:
    fields = UPLOAD_FIELDS + (REFERENCE_FIELDS if reference else ())
    return [t(f"field.{f}", lang) for f in fields]


def export_facts(facts: Iterable[Fact], catalogue: Catalogue, fmt: Format) -> bytes:
    """Facts as an upload file."""
    if fmt == "csv":
        return export_frame(fact_frame(facts), catalogue, "csv")
    rows = [fact_cells(f, catalogue) for f in facts]
    return _write(header(), rows, fmt)


def export_frame(frame: pl.DataFrame, catalogue: Catalogue, fmt: Format) -> bytes:
    """A frame of facts (FACTS_SCHEMA) as an upload file: the same file as `export_facts`."""
    if fmt != "csv":
        return export_facts(frame_facts(frame), catalogue, fmt)
    buffer = io.BytesIO()
    write_csv([frame], catalogue, buffer)
    return buffer.getvalue()


def write_csv(batches: Iterable[pl.DataFrame], catalogue: Catalogue, sink: BinaryIO) -> int:
    """Frames of facts (FACTS_SCHEMA) written to `sink` as one upload CSV, a batch at a time:
    UTF-8 with BOM (what Excel and WPS open as Chinese without asking), CRLF line ends, fields
    quoted only where they must be, as `csv.writer` does. Returns the number of facts."""
    head = io.StringIO(newline="")
    csv.writer(head, lineterminator="\r\n").writerow(header())
    sink.write(("\ufeff" + head.getvalue()).encode("utf-8"))
    written = 0
    for batch in batches:
        if batch.is_empty():
            continue
        lines = csv_lines(batch, catalogue)
        lines.to_frame().write_csv(
            sink, include_header=False, quote_style="never", line_terminator="\r\n"
        )
        written += batch.height
    return written


def fact_frame(facts: Iterable[Fact]) -> pl.DataFrame:
    """Facts as a frame of FACTS_SCHEMA (version 0: facts not read from the store)."""
    listed = list(facts)
    columns = {
        name: [str(f.qualifier) if name == "qualifier" else getattr(f, name) for f in listed]
        for name in FACTS_SCHEMA
        if name != "version"
    }
    return pl.DataFrame({**columns, "version": [0] * len(listed)}, schema=FACTS_SCHEMA)


# ── a batch of facts as CSV lines, column-wise ──────────────────────────────────────────────

# A value cell that reads back as the fact's number exactly as the number is written (`1875` of
# an exact 1875): written as it is. Beyond 15 digits the reader refuses the number (too large).
_PLAIN_INTEGER = r"^(?:0|[1-9][0-9]{0,14})$"
# Whole numbers written column-wise (from Int64): within them a float holds every integer.
_EXACT_INTEGERS = 2.0**53
# The qualifier words of a figure written from its number (`write_value`).
_QUALIFIERS = [str(q) for q in Qualifier]
# A CSV field that csv.writer (minimal quoting, CRLF line end) puts in quotes.
_NEEDS_QUOTES = '[,"\r\n]'


def csv_lines(frame: pl.DataFrame, catalogue: Catalogue) -> pl.Series:
    """Each fact of the frame as its CSV line (no line end): the row `fact_cells` gives."""
    cells = csv_cells(frame, catalogue)
    quoted = [
        pl.when(pl.col(c).str.contains(_NEEDS_QUOTES))
        .then(pl.lit('"') + pl.col(c).str.replace_all('"', '""', literal=True) + pl.lit('"'))
        .otherwise(pl.col(c))
        for c in cells.columns
    ]
    return cells.select(pl.concat_str(quoted, separator=",").alias("line"))["line"]


def csv_cells(frame: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """The upload-format cells of a frame of facts, as the text csv.writer writes for each
    cell of `fact_cells` (numbers as `str()` gives them), one String column per field."""
    unknown = sorted(set(frame["metric"].unique().to_list()) - set(catalogue.metrics))
    if unknown:
        raise KeyError(unknown[0])  # as `fact_cells` does: the catalogue names every metric
    metrics = catalogue.metrics
    metric = pl.col("metric")
    cells = frame.select(
        pl.col("year").cast(pl.String).fill_null("").alias("year"),
        pl.col("agency").fill_null("").alias("agency"),
        metric.replace_strict({m: x.zh for m, x in metrics.items()}, return_dtype=pl.String).alias(
            "metric"
        ),
        _per_distinct(frame, ["channel"], lambda c: catalogue.channel_name(c)).alias("channel"),
        _per_distinct(
            frame,
            ["metric", "category"],
            lambda m, c: catalogue.category_name(metrics[m], c) if c else "",
        ).alias("category"),
        _value_cells(frame, catalogue),
        pl.col("note").fill_null("").alias("note"),
    )
    # Year and value cells are numbers (-5 stays -5); the texts are neutralised.
    texts = ["agency", "metric", "channel", "category", "note"]
    return cells.with_columns(neutralise_strings(cells.select(texts)))


def _value_cells(frame: pl.DataFrame, catalogue: Catalogue) -> pl.Series:
    """The value cell of every fact as `export_value` writes it, then as csv.writer writes that:
    a number (not neutralised: -5 is a number) or neutralised text."""
    metrics = catalogue.metrics
    value, qualifier, words = pl.col("value"), pl.col("qualifier"), pl.col("as_written")
    percent = pl.col("metric").replace_strict(
        {m: x.is_percent for m, x in metrics.items()}, return_dtype=pl.Boolean
    )
    whole = value.is_not_null() & (value.abs() < _EXACT_INTEGERS) & (value == value.floor())
    number = pl.when(whole).then(value.cast(pl.Int64).cast(pl.String))
    has_words = words.is_not_null() & (words != "")
    # Words that are the number itself (`1875`): export_value writes them, as number or text.
    echoed = (
        has_words
        & words.str.contains(_PLAIN_INTEGER)
        & (qualifier == str(Qualifier.EXACT))
        & whole
        & (words == number)
    ).fill_null(False)
    missing = value.is_null() | (qualifier == str(Qualifier.NOT_REPORTED))
    # No words: the number (an exact whole one), else `write_value`'s text of a whole number.
    unworded = (~has_words & qualifier.is_in(_QUALIFIERS) & (missing | whole)).fill_null(False)
    written = number + pl.when(percent).then(pl.lit("%")).otherwise(pl.lit(""))
    text = (
        pl.when(missing)
        .then(pl.lit("未报告"))
        .when(qualifier == str(Qualifier.EXACT))
        .then(written)
        .when(qualifier == str(Qualifier.AT_LEAST))
        .then(pl.when(percent).then("超过" + written).otherwise(written + "余"))
        .when(qualifier == str(Qualifier.APPROX))
        .then("约" + written)
        .otherwise("不足" + written)
    )
    neutralised = pl.when(text.str.contains(_FORMULA_START)).then("'" + text).otherwise(text)
    is_number = (qualifier == str(Qualifier.EXACT)) & ~percent & whole & ~missing

    def by_exporter(metric: str, value: float | None, qualifier: str, words: str | None) -> str:
        fact = Fact("", 0, metric, None, None, value, Qualifier(qualifier), as_written=words)
        cell = export_value(fact, metrics[metric])
        return neutralise(cell) if isinstance(cell, str) else str(cell)

    rest = frame.with_row_index("row").filter(
        ~frame.select((echoed | unworded).alias("done"))["done"]
    )
    by_row = pl.Series("cell", [None] * frame.height, dtype=pl.String)
    if not rest.is_empty():
        cells = _per_distinct(rest, ["metric", "value", "qualifier", "as_written"], by_exporter)
        by_row = by_row.scatter(rest["row"], cells)
    return frame.with_columns(by_row).select(
        pl.when(echoed)
        .then(words)
        .when(unworded & is_number)
        .then(number)
        .when(unworded)
        .then(neutralised)
        .otherwise(pl.col("cell"))
        .alias("value")
    )["value"]


def _per_distinct(frame: pl.DataFrame, keys: list[str], compute: Callable[..., str]) -> pl.Series:
    """`compute` of every row's `keys` values, run in Python once per distinct combination of
    them (a batch's channels or categories are a handful) and matched back to the rows."""
    groups = frame.select(keys).with_row_index("row").group_by(keys, maintain_order=True).agg("row")
    cells = [compute(*values) for values in groups.select(keys).iter_rows()]
    matched = groups.select(pl.Series("cell", cells, dtype=pl.String), "row").explode("row")
    return matched.sort("row")["cell"]


def template(
    catalogue: Catalogue,
    fmt: Format,
    *,
    agency: str | None = None,
    year: int | None = None,
    previous: Iterable[Fact] = (),
) -> bytes:
    """An empty upload file listing every catalogue metric, with unit and description.

    With `previous` (last year's stored facts), each of last year's figures gets its own row,
    its value shown in the reference column 上年数值（参考） for staff to compare against;
    the upload ignores that column. Rows left without a value are ignored on upload, so staff
    fill in only what they have.
    """
    rows: list[list[str | int | float]] = []
    covered: set[str] = set()
    for fact in previous:
        metric = catalogue.metrics.get(fact.metric)
        if metric is None:  # a metric since removed from the catalogue: nothing to fill in
            continue
        covered.add(metric.id)
        _, _, metric_name, channel, category, value, _ = fact_cells(fact, catalogue)
        rows.append(
            [
                year or "",
                neutralise(agency or fact.agency),
                metric_name,
                channel,
                category,
                "",
                "",
                metric.unit,
                metric.description,
                str(value),
            ]
        )
    for metric in catalogue.metrics.values():
        if metric.id in covered:
            continue
        channel = catalogue.channel_name(metric.default_channel) if metric.default_channel else ""
        rows.append(
            [
                year or "",
                neutralise(agency or ""),
                metric.zh,
                channel,
                "",
                "",
                "",
                metric.unit,
                metric.description,
                "",
            ]
        )
    return _write(header(reference=True), rows, fmt, guide=True)


def _write(
    head: Sequence[str], rows: list[list[str | int | float]], fmt: Format, guide: bool = False
) -> bytes:
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(head)
        writer.writerows(rows)
        # UTF-8 with BOM: what Excel and WPS open as Chinese without asking.
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if fmt == "xlsx":
        return _write_xlsx(head, rows, guide)
    raise ValueError(f"unknown format {fmt!r}")


def _write_xlsx(head: Sequence[str], rows: list[list[str | int | float]], guide: bool) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    sheet.append(list(head))
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
    # Text cells stay text: a value typed 400余 must not be turned into a number or a date.
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.number_format = "@"
    widths = (8, 18, 26, 16, 16, 12, 48, 10, 60, 16)
    for index, width in enumerate(widths[: len(head)], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if guide:
        notes = workbook.create_sheet(GUIDE_SHEET)
        notes.column_dimensions["A"].width = 110
        for line in t("template.guide").strip().splitlines():
            notes.append([line])
            notes.cell(notes.max_row, 1).alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
