"""Validate an upload file: every problem at once, with row, column, value and code.

Reading goes cell by cell (each cell's spelling matters: `400余` is not 400), then the checks that
span rows — duplicates, relations between metrics, parts against totals, change against last
year — run per dataset (one agency and year). Bad data never raises; it becomes report entries.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dashboard.domain.catalogue import Catalogue, Metric, name_key
from dashboard.domain.columns import FIELDS, ColumnSpec, column_spec  # noqa: F401 (re-exported)
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.mappings import ChannelMapping
from dashboard.domain.problems import Param, Problem, ProblemCode, Severity, sort_key
from dashboard.domain.units import units
from dashboard.domain.values import (
    ParsedValue,
    Qualifier,
    has_unusual_digits,
    in_metric_unit,
    normalize_text,
    parse_value,
    strip_formula_guard,
)
from dashboard.ingest.reader import Cell, RawTable, read_table
from dashboard.ingest.relations import check_dataset

logger = logging.getLogger(__name__)

MIN_YEAR = 1990
_SPACES = re.compile(r"\s+")
PreviousFacts = Callable[[str, int], list[Fact]]


@dataclass
class ValidationReport:
    """The outcome of validating one file: problems and the datasets it holds."""

    problems: list[Problem] = field(default_factory=list)
    datasets: list[Dataset] = field(default_factory=list)
    readable: bool = True  # False when the file could not be read at all (CLI exit 2)
    # Channel names read by a rule of channels.toml, for staff to check before they save.
    mappings: list[ChannelMapping] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return self.readable and not self.errors

    @property
    def fact_count(self) -> int:
        return sum(len(d.facts) for d in self.datasets)

    def to_dict(self) -> dict[str, Any]:
        """The report as data, in no language (`dashboard.i18n.problems.report_record` gives
        the JSON of `validate --json`, with messages and actions)."""
        return {
            "ok": self.ok,
            "errors": [p.to_dict() for p in self.errors],
            "warnings": [p.to_dict() for p in self.warnings],
            "datasets": [d.to_dict() for d in self.datasets],
            "mappings": [m.to_dict() for m in self.mappings],
        }

    def flatten(self) -> list[tuple[int | None, str | None, str]]:
        """(row, column, code) triples, for tests and tables."""
        return [(p.row, p.column, p.code) for p in self.problems]


def validate_file(
    content: bytes,
    filename: str,
    catalogue: Catalogue,
    *,
    default_agency: str | None = None,
    previous_facts: PreviousFacts | None = None,
) -> ValidationReport:
    """Read and validate an upload file given as bytes.

    Never raises, whatever the bytes: an unreadable file is a report with `readable=False`,
    and a failure of the checks themselves (a bug) is the report `file-check-failed`, logged
    with its traceback, rather than an exception in the user's face.
    """
    try:
        table = read_table(content, filename, reference_sheets=column_spec().reference_sheets)
        if not table.readable or not table.header:
            return ValidationReport(problems=sorted(table.problems, key=sort_key), readable=False)
        return validate_table(
            table, catalogue, default_agency=default_agency, previous_facts=previous_facts
        )
    except Exception:
        logger.exception("validating %r failed", filename)
        return ValidationReport(
            problems=[Problem(ProblemCode.FILE_CHECK_FAILED, Severity.ERROR, value=filename)],
            readable=False,
        )


def validate_table(
    table: RawTable,
    catalogue: Catalogue,
    *,
    default_agency: str | None = None,
    previous_facts: PreviousFacts | None = None,
) -> ValidationReport:
    """Validate rows already read from a file."""
    problems = list(table.problems)
    columns, header_problems = _map_header(table, default_agency)
    problems += header_problems
    if any(p.code is ProblemCode.HEADER_MISSING for p in header_problems):
        return ValidationReport(problems=sorted(problems, key=sort_key))

    reader = _RowReader(catalogue, columns, default_agency)
    facts: list[Fact] = []
    for number, cells in table.rows:
        fact = reader.read(number, cells)
        if fact is not None:
            facts.append(fact)
    problems += reader.problems

    datasets: dict[tuple[str, int], Dataset] = {}
    for fact in facts:
        datasets.setdefault((fact.agency, fact.year), Dataset(fact.agency, fact.year)).facts.append(
            fact
        )
    titles = column_spec().titles
    header = {f: columns.get(f, (None, titles[f]))[1] for f in FIELDS}
    for dataset in datasets.values():
        previous = previous_facts(dataset.agency, dataset.year - 1) if previous_facts else []
        kept, found = check_dataset(
            dataset.facts, catalogue, header, previous, written_channels=reader.written_channels
        )
        dataset.facts = kept
        problems += found
    if not datasets and not any(p.severity is Severity.ERROR for p in problems):
        # Rows were there but none had a value: most likely an unfilled template.
        code = ProblemCode.NO_VALUES if table.rows else ProblemCode.FILE_EMPTY
        problems.append(Problem(code, Severity.ERROR))
    return ValidationReport(
        problems=sorted(problems, key=sort_key),
        datasets=sorted(datasets.values(), key=lambda d: (d.agency, d.year)),
        mappings=reader.mappings,
    )


def _map_header(
    table: RawTable, default_agency: str | None
) -> tuple[dict[str, tuple[int, str]], list[Problem]]:
    """Field → (column index, header as written), and header problems."""
    spec = column_spec()
    columns: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for index, text in enumerate(table.header):
        key = name_key(text)
        if not key or key in spec.reference:
            continue
        field_name = spec.names.get(key)
        if field_name is None:
            problems.append(
                Problem(
                    ProblemCode.HEADER_UNKNOWN,
                    Severity.WARNING,
                    row=table.header_row,
                    column=text,
                    value=text,
                )
            )
        elif field_name in columns:
            problems.append(
                Problem(
                    ProblemCode.HEADER_DUPLICATE,
                    Severity.ERROR,
                    row=table.header_row,
                    column=text,
                    value=text,
                )
            )
        else:
            columns[field_name] = (index, text)
    for field_name in spec.required:
        if field_name in columns or (field_name == "agency" and default_agency):
            continue
        # Named as the template heads it: the report's column is data, in no language.
        problems.append(
            Problem(
                ProblemCode.HEADER_MISSING,
                Severity.ERROR,
                row=table.header_row,
                column=spec.titles[field_name],
            )
        )
    return columns, problems


def _clean_text(cell: Cell) -> str:
    """A text cell trimmed, formula guard removed, inner runs of spaces collapsed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return _SPACES.sub(" ", strip_formula_guard(str(cell))).strip()


def _as_typed(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


class _RowReader:
    """Turns one spreadsheet row into a fact, collecting the row's problems."""

    def __init__(
        self, catalogue: Catalogue, columns: dict[str, tuple[int, str]], default_agency: str | None
    ) -> None:
        self.catalogue = catalogue
        self.columns = columns
        self.titles = column_spec().titles
        self.default_agency = default_agency
        self.max_year = date.today().year + 1
        self.problems: list[Problem] = []
        self.mappings: list[ChannelMapping] = []
        # row → its channel as typed ("" for the metric's default), so that a duplicate can say
        # that two differently written channels were read as one
        self.written_channels: dict[int, str] = {}

    def _cell(self, cells: list[Cell], field_name: str) -> Cell:
        if field_name not in self.columns:
            return None
        index = self.columns[field_name][0]
        return cells[index] if index < len(cells) else None

    def _problem(
        self,
        code: ProblemCode,
        row: int,
        field_name: str,
        value: Cell,
        severity: Severity = Severity.ERROR,
        **params: Param,
    ) -> None:
        # The column as headed in the file, or as the template heads it when the file has none.
        column = (
            self.columns[field_name][1] if field_name in self.columns else self.titles[field_name]
        )
        self.problems.append(
            Problem(code, severity, row=row, column=column, value=_as_typed(value), params=params)
        )

    def read(self, row: int, cells: list[Cell]) -> Fact | None:
        raw = {f: self._cell(cells, f) for f in FIELDS}
        text = {f: _clean_text(v) for f, v in raw.items()}
        if not text["metric"] and not text["value"]:
            return None  # a blank line, or a template row nobody filled in
        if not text["value"] and not text["note"]:
            # An unfilled template row: the template prefills year, agency, metric, channel and
            # (from last year's figures) category, so only a note shows that someone meant to
            # give a figure here.
            return None
        before = len(self.problems)

        year = self._read_year(row, raw["year"], text["year"])
        agency = text["agency"] or self.default_agency
        if not agency:
            self._problem(ProblemCode.AGENCY_MISSING, row, "agency", raw["agency"])
        metric = self._read_metric(row, raw["metric"], text["metric"])
        channel = self._read_channel(row, metric, raw["channel"], text["channel"])
        category = self._read_category(row, metric, raw["category"], text["category"])
        written = self._read_value(row, metric, raw["value"])

        if len(self.problems) > before and any(
            p.severity is Severity.ERROR for p in self.problems[before:]
        ):
            return None
        assert metric is not None and year is not None and agency is not None
        return Fact(
            agency=agency,
            year=year,
            metric=metric.id,
            channel=channel,
            category=category,
            value=written.value,
            qualifier=written.qualifier,
            note=text["note"] or None,
            row=row,
            unit=written.unit,
            as_written=written.as_written,
        )

    def _read_year(self, row: int, raw: Cell, text: str) -> int | None:
        if not text:
            self._problem(ProblemCode.YEAR_MISSING, row, "year", raw)
            return None
        digits = normalize_text(text).removesuffix("年").removesuffix("年度")
        if not has_unusual_digits(text) and re.fullmatch(r"[0-9]{4}(\.0+)?", digits):
            year = int(float(digits))
            if MIN_YEAR <= year <= self.max_year:
                return year
        self._problem(ProblemCode.YEAR_INVALID, row, "year", raw, min=MIN_YEAR, max=self.max_year)
        return None

    def _read_metric(self, row: int, raw: Cell, text: str) -> Metric | None:
        if not text:
            self._problem(ProblemCode.METRIC_MISSING, row, "metric", raw)
            return None
        metric = self.catalogue.find_metric(text)
        if metric is None:
            suggestions = tuple(m.id for m in self.catalogue.suggest_metrics(text))
            self._problem(ProblemCode.METRIC_UNKNOWN, row, "metric", raw, suggestions=suggestions)
        return metric

    def _read_channel(self, row: int, metric: Metric | None, raw: Cell, text: str) -> str | None:
        if metric is None:
            return None
        name = metric.id
        if metric.channel == "none":
            if text:
                self._problem(ProblemCode.CHANNEL_NOT_ALLOWED, row, "channel", raw, metric=name)
            return None
        if not text:
            if metric.default_channel:
                self.written_channels[row] = ""
                return metric.default_channel
            if metric.channel == "required":
                self._problem(ProblemCode.CHANNEL_REQUIRED, row, "channel", raw, metric=name)
            return None
        self.written_channels[row] = text
        reading = self.catalogue.read_channel(text)
        channel = reading.channel
        if channel is None:
            # Never a guess: a text naming several channels, or none, is kept as written.
            code = ProblemCode.CHANNEL_SEVERAL if reading.how == "several" else None
            self._problem(
                code or ProblemCode.CHANNEL_UNKNOWN,
                row,
                "channel",
                raw,
                Severity.WARNING,
                **({"channels": reading.mentioned} if code else {}),
            )
            return unicodedata.normalize("NFKC", text)
        if channel.combines and reading.how != "name":
            # 微博微信 is neither Weibo nor WeChat: kept apart, and staff are told so.
            self._problem(
                ProblemCode.CHANNEL_COMBINED,
                row,
                "channel",
                raw,
                Severity.WARNING,
                channels=channel.combines,
                combined=channel.id,
            )
        if reading.by_rule:
            column = self.columns.get("channel", (0, self.titles["channel"]))[1]
            self.mappings.append(ChannelMapping(row, column, text, channel.id))
        return channel.id

    def _read_category(self, row: int, metric: Metric | None, raw: Cell, text: str) -> str | None:
        if metric is None:
            return None
        if metric.category == "none":
            if text:
                self._problem(
                    ProblemCode.CATEGORY_NOT_ALLOWED, row, "category", raw, metric=metric.id
                )
            return None
        if metric.category == "free":
            # NFKC so that full- and half-width spellings of one category are one figure; a
            # known category (公开文件 → documents) by its id.
            return self.catalogue.free_category(metric, text)
        known, term = self.catalogue.find_term(metric.category, text)
        if not known:
            self._problem(
                ProblemCode.CATEGORY_UNKNOWN,
                row,
                "category",
                raw,
                metric=metric.id,
                vocabulary=metric.category,
            )
        return term

    def _read_value(self, row: int, metric: Metric | None, raw: Cell) -> ParsedValue:
        """The value cell read for the metric: the number in the metric's unit (`90.1万元` in a
        万元 metric is 90.1), its qualifier, and the unit and cell as written."""
        parsed = parse_value(raw)
        if parsed.error:
            self._problem(ProblemCode(parsed.error), row, "value", raw)
            return ParsedValue(None, Qualifier.EXACT)
        if metric is None or parsed.value is None:
            return parsed
        parsed = in_metric_unit(parsed, metric.unit)
        value, name = parsed.value, metric.id
        assert value is not None
        if parsed.unit and units().contradicts(parsed.unit, metric.unit):
            # Kept as written (the page shows 3000人次, never silently 3000件), but said.
            self._problem(
                ProblemCode.UNIT_MISMATCH,
                row,
                "value",
                raw,
                Severity.WARNING,
                metric=name,
                found=parsed.unit,
                unit=metric.unit,
            )
        if metric.is_percent and not 0 <= value <= 100:
            self._problem(ProblemCode.PERCENT_OUT_OF_RANGE, row, "value", raw)
        elif value < 0 and not metric.allows_negative:
            self._problem(ProblemCode.VALUE_NEGATIVE, row, "value", raw, metric=name)
        elif metric.is_integer and not float(value).is_integer():
            self._problem(
                ProblemCode.VALUE_NOT_INTEGER, row, "value", raw, metric=name, unit=metric.unit
            )
        elif metric.kind == "rank" and value < 1:
            self._problem(ProblemCode.RANK_INVALID, row, "value", raw)
        elif metric.is_percent and not parsed.percent and 0 < value <= 1:
            self._problem(
                ProblemCode.PERCENT_LOOKS_LIKE_FRACTION,
                row,
                "value",
                raw,
                Severity.WARNING,
                percent=f"{value * 100:g}",
            )
        return parsed
