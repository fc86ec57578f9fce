"""Write facts back out in the upload format (CSV or Excel), and the empty template.

What is exported re-imports unchanged — the number, the qualifier and the report's words: each
value is written as the report wrote it (`1200余条`, `3.17万`). Cells that a spreadsheet would run
as a formula are prefixed with `'` (and the reader removes it again), so an export is safe to
open.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import openpyxl
import polars as pl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.facts import Fact
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
    rows = [fact_cells(f, catalogue) for f in facts]
    return _write(header(), rows, fmt)


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
