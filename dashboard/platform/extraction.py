"""Figures extracted from annual reports, through the same checks as an uploaded file.

A report (a file, or pasted text) is read (`read_report`) and its figures found
(`extract_figures`); the editor corrects them in a table; the corrected rows become an
upload-format CSV held in memory, which is validated, previewed and committed exactly like a file
upload (`dashboard.platform.workflow`). Several reports are committed in one transaction, each
dataset attributed in the history to its report: file name `extracted:<name>` and the SHA-256 of
the report file (or of the pasted text).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.extract.document import read_report, report_titles
from dashboard.extract.figures import Extraction, Skipped, extract_figures
from dashboard.ingest.validate import ValidationReport
from dashboard.outputs.exporter import header, neutralise
from dashboard.platform.auth import Actor, require_editor
from dashboard.platform.workflow import (
    UploadBlocked,
    commit_gate,
    validate_upload,
)
from dashboard.store.database import CommitResult, Store

# History marks an extracted dataset by this prefix of its file name (pages show it in words).
EXTRACTED_PREFIX = "extracted:"
PASTED_NAME = "pasted.txt"  # what pasted text is read as (plain text)
LOW_CONFIDENCE = 0.8  # below this, a found figure is flagged for the editor to check (inferred
# figures: a channel read from the sentence before, a total behind a list of ways, 0.70–0.77)
ROW_FIELDS = ("metric", "channel", "category", "value", "note", "confidence")


@dataclass(frozen=True)
class ReportExtraction:
    """One report as read and extracted: its name, SHA-256, text and found figures."""

    name: str  # the file's name; "" for pasted text
    sha256: str
    text: str
    extraction: Extraction
    problems: list[Any]


def extract_report(content: bytes, name: str, catalogue: Catalogue) -> ReportExtraction:
    """Read one report (a file's bytes, or pasted text as UTF-8 with `name` "") and find its
    figures."""
    document = read_report(content, name or PASTED_NAME)
    extraction = extract_figures(
        document.text,
        catalogue,
        tables=document.tables,
        titles=report_titles(document, name),
        sites=document.sites,
        sources=document.sources,
    )
    return ReportExtraction(
        name=name,
        sha256=hashlib.sha256(content).hexdigest(),
        text=document.text,
        extraction=extraction,
        problems=list(document.problems),
    )


def editor_rows(extraction: Extraction, catalogue: Catalogue, lang: str) -> list[dict[str, Any]]:
    """The found figures as editable rows: metric name (in `lang`), channel and category as the
    upload file writes them (Chinese names), value as written, note = the quote, confidence."""
    rows = []
    for found in extraction.facts:
        metric = catalogue.metrics.get(found.metric)
        rows.append(
            {
                "metric": metric.name(lang) if metric else found.metric,
                "channel": catalogue.channel_name(found.channel, "zh") if found.channel else "",
                "category": (
                    catalogue.category_name(metric, found.category, "zh")
                    if metric and found.category
                    else ""
                ),
                "value": found.as_written or "",
                "note": found.quote,
                "confidence": float(found.confidence),
            }
        )
    return rows


def adopted_rows(skipped: Sequence[Skipped], metric: str = "") -> list[dict[str, Any]]:
    """Numbers the extractor left out, taken into the table by the editor: value as written,
    note = the quote, `metric` (a name as the table shows it) or none — never a channel or a
    category it did not read; confidence None (the page marks such rows for checking). A row
    still without a metric is refused by the checks with its row number."""
    return [
        {
            "metric": metric,
            "channel": "",
            "category": "",
            "value": s.number,
            "note": s.quote,
            "confidence": None,
        }
        for s in skipped
    ]


def metric_names(catalogue: Catalogue, lang: str) -> list[str]:
    """The names the metric column offers, in catalogue order."""
    return [m.name(lang) for m in catalogue.metrics.values()]


def rows_csv(
    rows: Sequence[Mapping[str, Any]], agency: str, year: int, catalogue: Catalogue, lang: str
) -> bytes:
    """The edited rows as an upload-format CSV (UTF-8), ready for `validate_upload`. Metric names
    shown in `lang` are written as their Chinese names; rows without a metric or value are left
    out (an empty row added in the editor)."""
    by_name = {m.name(lang): m.name("zh") for m in catalogue.metrics.values()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header("zh"))
    for row in rows:
        metric, value = _cell(row.get("metric")), _cell(row.get("value"))
        if not metric and not value:
            continue
        writer.writerow(
            [
                year,
                neutralise(agency),
                neutralise(by_name.get(metric, metric)),
                neutralise(_cell(row.get("channel"))),
                neutralise(_cell(row.get("category"))),
                neutralise(value),
                neutralise(_cell(row.get("note"))),
            ]
        )
    return out.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


@dataclass(frozen=True)
class CheckedReport:
    """One report's rows as checked: the validation report of its CSV and its history entry."""

    name: str
    sha256: str
    report: ValidationReport


def check_reports(
    sources: Sequence[tuple[str, str, bytes]],
    catalogue: Catalogue,
    store: Store,
    *,
    limit_mb: float,
) -> tuple[ValidationReport, list[CheckedReport]]:
    """Validate each report's CSV (name, SHA-256, CSV bytes) like an upload; also one combined
    report whose datasets are all of them, for the preview."""
    checked = [
        CheckedReport(
            name, sha, validate_upload(content, "extract.csv", catalogue, store, limit_mb=limit_mb)
        )
        for name, sha, content in sources
    ]
    # Two reports of one agency-year would write two versions in one commit, the second silently
    # replacing the first: refused, naming both.
    duplicates = duplicate_reports(
        [(c.name, [(d.agency, d.year) for d in c.report.datasets]) for c in checked]
    )
    combined = ValidationReport(
        problems=[*(p for c in checked for p in c.report.problems), *duplicates.values()],
        datasets=[d for c in checked for d in c.report.datasets],
        readable=all(c.report.readable for c in checked),
        mappings=[m for c in checked for m in c.report.mappings],
    )
    return combined, checked


def duplicate_reports(
    reports: Sequence[tuple[str, Iterable[tuple[str, int]]]],
) -> dict[int, Problem]:
    """Reports (name, the agency-years they hold) that repeat an earlier report's agency and
    year: by index, the `report-duplicate` problem naming both files."""
    first: dict[tuple[str, int], tuple[int, str]] = {}
    found: dict[int, Problem] = {}
    for index, (name, keys) in enumerate(reports):
        for agency, year in keys:
            at, other = first.setdefault((agency, year), (index, name))
            if at != index and index not in found:
                params = {"other": other, "agency": agency, "year": year}
                found[index] = Problem(
                    ProblemCode.REPORT_DUPLICATE, Severity.ERROR, value=name, params=params
                )
    return found


def history_name(name: str) -> str:
    """The file name the history records for an extracted report."""
    return EXTRACTED_PREFIX + name


def commit_extracted(
    store: Store,
    checked: Sequence[CheckedReport],
    *,
    actor: Actor | None,
    confirmed_replace: bool,
    expected_versions: Mapping[tuple[str, int], int | None] | None = None,
) -> list[CommitResult]:
    """Commit every report's datasets in one transaction, or nothing; the same refusals as
    `workflow.commit_upload` (viewers, errors, an unconfirmed replace, a stale preview)."""
    editor = require_editor(actor)
    if any(not c.report.ok for c in checked) or duplicate_reports(
        [(c.name, [(d.agency, d.year) for d in c.report.datasets]) for c in checked]
    ):
        raise UploadBlocked("has-errors")
    combined = ValidationReport(datasets=[d for c in checked for d in c.report.datasets])
    expected_versions = commit_gate(combined, store, confirmed_replace, expected_versions)
    return store.commit_files(
        [(c.report.datasets, history_name(c.name), c.sha256) for c in checked],
        user=editor.name,
        expected_versions=expected_versions,
    )
