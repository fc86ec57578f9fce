"""What one cell means, decided in Python once per distinct cell (and metric), never per row.

A file of 300,000 rows names a few dozen metrics, channels and categories and a few years; each
distinct spelling is read here with the catalogue's own look-ups, and the answers become small
frames that the rows are joined against (`rows.py`). A problem found for a cell is kept as a
`Finding` (code, severity, params) in `Findings`, without row or value: every row with that cell
points at it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import polars as pl

from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.problems import Param, ProblemCode, Severity
from dashboard.domain.units import units
from dashboard.domain.values import (
    ParsedValue,
    Qualifier,
    has_unusual_digits,
    in_metric_unit,
    normalize_text,
    parse_value,
)
from dashboard.ingest.cells import clean_cell

MIN_YEAR = 1990


@dataclass(frozen=True, slots=True)
class Finding:
    code: ProblemCode
    severity: Severity
    params: dict[str, Param]


@dataclass
class Findings:
    """Problems of distinct cells, by index: frames carry the index (`finding` columns)."""

    items: list[Finding] = field(default_factory=list)
    _index: dict[tuple[ProblemCode, Severity, str], int] = field(default_factory=dict)

    def add(self, code: ProblemCode, severity: Severity = Severity.ERROR, **params: Param) -> int:
        # One finding per distinct problem: its params' repr tells 400 from 400.0, a tuple
        # from a list.
        key = (code, severity, repr(params))
        found = self._index.get(key)
        if found is None:
            self.items.append(Finding(code, severity, params))
            found = self._index[key] = len(self.items) - 1
        return found

    def frame(self) -> pl.DataFrame:
        """Index → whether the finding is an error (an error row gives no fact)."""
        return pl.DataFrame(
            {
                "finding": list(range(len(self.items))),
                "error": [f.severity is Severity.ERROR for f in self.items],
            },
            schema={"finding": pl.Int64, "error": pl.Boolean},
        )


# ── years and metrics ───────────────────────────────────────────────────────────────────────


def read_year(text: str, max_year: int) -> int | None:
    """The year a non-blank year cell names, or None when it names none in range."""
    digits = normalize_text(text).removesuffix("年").removesuffix("年度")
    if not has_unusual_digits(text) and re.fullmatch(r"[0-9]{4}(\.0+)?", digits):
        year = int(float(digits))
        if MIN_YEAR <= year <= max_year:
            return year
    return None


def year_table(raws: list[str | None], max_year: int, findings: Findings) -> pl.DataFrame:
    """Distinct year cells → year, or the finding year-missing / year-invalid."""
    years: list[int | None] = []
    found: list[int | None] = []
    for raw in raws:
        text = clean_cell(raw)
        year = read_year(text, max_year) if text else None
        years.append(year)
        if not text:
            found.append(findings.add(ProblemCode.YEAR_MISSING))
        elif year is None:
            found.append(findings.add(ProblemCode.YEAR_INVALID, min=MIN_YEAR, max=max_year))
        else:
            found.append(None)
    return pl.DataFrame(
        {"raw_year": raws, "year": years, "year_finding": found},
        schema={"raw_year": pl.String, "year": pl.Int64, "year_finding": pl.Int64},
    )


def agency_table(raws: list[str | None], default: str | None, findings: Findings) -> pl.DataFrame:
    """Distinct agency cells → agency (the configured one for a blank cell), or agency-missing."""
    agencies = [clean_cell(raw) or default or None for raw in raws]
    found = [findings.add(ProblemCode.AGENCY_MISSING) if a is None else None for a in agencies]
    return pl.DataFrame(
        {"raw_agency": raws, "agency": agencies, "agency_finding": found},
        schema={"raw_agency": pl.String, "agency": pl.String, "agency_finding": pl.Int64},
    )


def metric_table(raws: list[str | None], catalogue: Catalogue, findings: Findings) -> pl.DataFrame:
    """Distinct metric cells → metric id, or metric-missing, or metric-unknown with
    suggestions."""
    ids: list[str | None] = []
    found: list[int | None] = []
    for raw in raws:
        text = clean_cell(raw)
        metric = catalogue.find_metric(text) if text else None
        ids.append(metric.id if metric else None)
        if not text:
            found.append(findings.add(ProblemCode.METRIC_MISSING))
        elif metric is None:
            suggestions = tuple(m.id for m in catalogue.suggest_metrics(text))
            found.append(findings.add(ProblemCode.METRIC_UNKNOWN, suggestions=suggestions))
        else:
            found.append(None)
    return pl.DataFrame(
        {"raw_metric": raws, "metric": ids, "metric_finding": found},
        schema={"raw_metric": pl.String, "metric": pl.String, "metric_finding": pl.Int64},
    )


def metric_attributes(catalogue: Catalogue) -> pl.DataFrame:
    """What the value checks need of each metric."""
    metrics = list(catalogue.metrics.values())
    return pl.DataFrame(
        {
            "metric": [m.id for m in metrics],
            "metric_unit": [m.unit for m in metrics],
            "is_percent": [m.is_percent for m in metrics],
            "allows_negative": [m.allows_negative for m in metrics],
            "is_integer": [m.is_integer for m in metrics],
            "is_rank": [m.kind == "rank" for m in metrics],
        }
    )


# ── channels and categories ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ChannelRead:
    channel: str | None
    written: str | None  # the channel as typed, "" for the metric's default; None: no channel
    finding: int | None
    by_rule: bool


def read_channel(
    metric: Metric, text: str, catalogue: Catalogue, findings: Findings
) -> ChannelRead:
    """A channel cell read for its metric (validate's rules, once per distinct pair)."""
    name = metric.id
    if metric.channel == "none":
        found = findings.add(ProblemCode.CHANNEL_NOT_ALLOWED, metric=name) if text else None
        return ChannelRead(None, None, found, False)
    if not text:
        if metric.default_channel:
            return ChannelRead(metric.default_channel, "", None, False)
        found = None
        if metric.channel == "required":
            found = findings.add(ProblemCode.CHANNEL_REQUIRED, metric=name)
        return ChannelRead(None, None, found, False)
    reading = catalogue.read_channel(text)
    channel = reading.channel
    if channel is None:
        # Never a guess: a text naming several channels, or none, is kept as written.
        if reading.how == "several":
            found = findings.add(
                ProblemCode.CHANNEL_SEVERAL, Severity.WARNING, channels=reading.mentioned
            )
        else:
            found = findings.add(ProblemCode.CHANNEL_UNKNOWN, Severity.WARNING)
        return ChannelRead(unicodedata.normalize("NFKC", text), text, found, False)
    found = None
    if channel.combines and reading.how != "name":
        # 微博微信 is neither Weibo nor WeChat: kept apart, and staff are told so.
        found = findings.add(
            ProblemCode.CHANNEL_COMBINED,
            Severity.WARNING,
            channels=channel.combines,
            combined=channel.id,
        )
    return ChannelRead(channel.id, text, found, reading.by_rule)


def channel_table(
    pairs: list[tuple[str, str | None]], catalogue: Catalogue, findings: Findings
) -> pl.DataFrame:
    """Distinct (metric id, channel cell) → channel, channel as written, finding, by rule, and
    the cell's text (a mapping quotes it)."""
    texts = [clean_cell(raw) for _, raw in pairs]
    reads = [
        read_channel(catalogue.metrics[m], text, catalogue, findings)
        for (m, _), text in zip(pairs, texts, strict=True)
    ]
    return pl.DataFrame(
        {
            "metric": [m for m, _ in pairs],
            "raw_channel": [raw for _, raw in pairs],
            "channel": [r.channel for r in reads],
            "channel_written": [r.written for r in reads],
            "channel_finding": [r.finding for r in reads],
            "by_rule": [r.by_rule for r in reads],
            "channel_text": texts,
        },
        schema={
            "metric": pl.String,
            "raw_channel": pl.String,
            "channel": pl.String,
            "channel_written": pl.String,
            "channel_finding": pl.Int64,
            "by_rule": pl.Boolean,
            "channel_text": pl.String,
        },
    )


def read_category(
    metric: Metric, text: str, catalogue: Catalogue, findings: Findings
) -> tuple[str | None, int | None]:
    """A category cell read for its metric: the category stored, and a finding."""
    if metric.category == "none":
        found = findings.add(ProblemCode.CATEGORY_NOT_ALLOWED, metric=metric.id) if text else None
        return None, found
    if metric.category == "free":
        # NFKC so that full- and half-width spellings of one category are one figure; a known
        # category (公开文件 → documents) by its id.
        return catalogue.free_category(metric, text), None
    known, term = catalogue.find_term(metric.category, text)
    if not known:
        found = findings.add(
            ProblemCode.CATEGORY_UNKNOWN, metric=metric.id, vocabulary=metric.category
        )
        return term, found
    return term, None


def category_table(
    pairs: list[tuple[str, str | None]], catalogue: Catalogue, findings: Findings
) -> pl.DataFrame:
    """Distinct (metric id, category cell) → category, finding."""
    reads = [
        read_category(catalogue.metrics[m], clean_cell(raw), catalogue, findings)
        for m, raw in pairs
    ]
    return pl.DataFrame(
        {
            "metric": [m for m, _ in pairs],
            "raw_category": [raw for _, raw in pairs],
            "category": [c for c, _ in reads],
            "category_finding": [f for _, f in reads],
        },
        schema={
            "metric": pl.String,
            "raw_category": pl.String,
            "category": pl.String,
            "category_finding": pl.Int64,
        },
    )


# ── values the expressions do not read ─────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ValueRead:
    parsed: ParsedValue
    first: int | None  # the reading's error, or a unit that contradicts the metric
    second: int | None  # what the number breaks (negative, not whole, …)


def read_value(raw: object, metric: Metric | None, findings: Findings) -> ValueRead:
    """The value cell read for the metric: the number in the metric's unit (`90.1万元` in a
    万元 metric is 90.1), its qualifier, and the unit and cell as written."""
    parsed = parse_value(raw)
    if parsed.error:
        return ValueRead(
            ParsedValue(None, Qualifier.EXACT), findings.add(ProblemCode(parsed.error)), None
        )
    if metric is None or parsed.value is None:
        return ValueRead(parsed, None, None)
    parsed = in_metric_unit(parsed, metric.unit)
    value = parsed.value
    assert value is not None
    first = unit_finding(metric, parsed.unit, findings) if parsed.unit else None
    second = value_finding(metric, value, parsed.percent, findings)
    return ValueRead(parsed, first, second)


def unit_finding(metric: Metric, unit: str, findings: Findings) -> int | None:
    """A unit written with the value that says something else than the metric's."""
    if units().contradicts(unit, metric.unit):
        # Kept as written (the page shows 3000人次, never silently 3000件), but said.
        return findings.add(
            ProblemCode.UNIT_MISMATCH,
            Severity.WARNING,
            metric=metric.id,
            found=unit,
            unit=metric.unit,
        )
    return None


def value_finding(metric: Metric, value: float, percent: bool, findings: Findings) -> int | None:
    """What a number read for a metric breaks, first rule first; None when nothing."""
    if metric.is_percent and not 0 <= value <= 100:
        return findings.add(ProblemCode.PERCENT_OUT_OF_RANGE)
    if value < 0 and not metric.allows_negative:
        return findings.add(ProblemCode.VALUE_NEGATIVE, metric=metric.id)
    if metric.is_integer and not float(value).is_integer():
        return findings.add(ProblemCode.VALUE_NOT_INTEGER, metric=metric.id, unit=metric.unit)
    if metric.kind == "rank" and value < 1:
        return findings.add(ProblemCode.RANK_INVALID)
    if metric.is_percent and not percent and 0 < value <= 1:
        return findings.add(
            ProblemCode.PERCENT_LOOKS_LIKE_FRACTION, Severity.WARNING, percent=f"{value * 100:g}"
        )
    return None
