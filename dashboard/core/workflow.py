"""The staff upload workflow, as plain functions: check size, validate, preview, commit, restore.

Pages call these and only render what they return. Every function that writes takes the acting
user and refuses anyone but an editor, whatever the page showed: the role is checked here, in
the core, not only by hiding buttons.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from dashboard.core.auth import Actor, require_editor
from dashboard.core.catalogue import Catalogue
from dashboard.core.facts import Fact, diff_facts
from dashboard.core.messages import t
from dashboard.core.problems import Problem, Severity
from dashboard.core.slides import BUILDERS
from dashboard.core.store import CommitResult, Store
from dashboard.core.validate import ValidationReport, validate_file
from dashboard.core.values import format_value


class ChangeKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


@dataclass(frozen=True)
class DatasetPreview:
    """What committing one dataset of the upload would do to the stored version."""

    agency: str
    year: int
    current_version: int | None  # None: the year is new
    added: list[Fact]
    changed: list[tuple[Fact, Fact]]  # (stored, uploaded)
    removed: list[Fact]

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.changed or self.removed)

    @property
    def replaces(self) -> bool:
        """A stored year would be replaced: the user must confirm."""
        return self.current_version is not None and not self.unchanged


class UploadBlocked(Exception):
    """A commit that must not happen; `code` says why (`has-errors`, `needs-confirmation`)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def size_problem(size: int, limit_mb: float) -> Problem | None:
    """`file-too-large` when an upload exceeds the configured limit, before reading it."""
    if size <= limit_mb * 1024 * 1024:
        return None
    return Problem(
        "file-too-large",
        Severity.ERROR,
        value=f"{size / 1024 / 1024:.1f} MB",
        params={"limit": f"{limit_mb:g} MB"},
    )


def validate_upload(
    content: bytes,
    file_name: str,
    catalogue: Catalogue,
    store: Store,
    *,
    limit_mb: float,
    default_agency: str | None = None,
) -> ValidationReport:
    """Validate an uploaded file held in memory, against last year's stored figures too."""
    too_large = size_problem(len(content), limit_mb)
    if too_large is not None:
        return ValidationReport(problems=[too_large], readable=False)
    return validate_file(
        content,
        file_name,
        catalogue,
        default_agency=default_agency,
        previous_facts=store.dataset_facts,
    )


def preview_upload(report: ValidationReport, store: Store) -> list[DatasetPreview]:
    """Per dataset of the file: facts added, changed and removed against the stored version."""
    previews = []
    current = {
        (r["agency"], r["year"]): r["version"] for r in store.datasets().iter_rows(named=True)
    }
    for dataset in report.datasets:
        stored = store.dataset_facts(dataset.agency, dataset.year)
        diff = diff_facts(stored, dataset.facts)
        previews.append(
            DatasetPreview(
                agency=dataset.agency,
                year=dataset.year,
                current_version=current.get((dataset.agency, dataset.year)),
                added=diff.added,
                changed=diff.changed,
                removed=diff.removed,
            )
        )
    return previews


def commit_upload(
    store: Store,
    report: ValidationReport,
    *,
    actor: Actor | None,
    file_name: str,
    content: bytes,
    confirmed_replace: bool,
) -> list[CommitResult]:
    """Commit every dataset of a validated file, attributed to the editor, or nothing.

    Refuses viewers, files with any error, and replacing a stored year without confirmation.
    """
    editor = require_editor(actor)
    if not report.ok:
        raise UploadBlocked("has-errors")
    if not confirmed_replace and any(p.replaces for p in preview_upload(report, store)):
        raise UploadBlocked("needs-confirmation")
    return store.commit(
        report.datasets,
        user=editor.name,
        file_name=file_name,
        file_sha256=hashlib.sha256(content).hexdigest(),
    )


def commit_message(result: CommitResult, lang: str) -> str:
    """`定海区教育局 2019 年：已保存为第 2 版（新增 …）` or that nothing changed."""
    return t(
        "cli.committed" if result.created else "cli.unchanged",
        lang,
        agency=result.agency,
        year=result.year,
        version=result.version,
        added=result.added,
        changed=result.changed,
        removed=result.removed,
    )


def restore_version(
    store: Store, agency: str, year: int, version: int, *, actor: Actor | None
) -> CommitResult:
    """Make an old version current again (as a new version), attributed to the editor."""
    editor = require_editor(actor)
    return store.restore(agency, year, version, user=editor.name)


def report_table(report: ValidationReport, severity: Severity, lang: str) -> pl.DataFrame:
    """Problems of one severity as the report table: row, column, value, problem, what to do."""
    rows = [
        {
            t("report.row", lang): p.row,
            t("report.column", lang): p.column or "",
            t("report.value", lang): p.value or "",
            t("report.problem", lang): p.message(lang),
            t("report.action", lang): p.action(lang),
            t("report.code", lang): p.code,
        }
        for p in report.problems
        if p.severity is severity
    ]
    schema = {
        t("report.row", lang): pl.Int64,
        t("report.column", lang): pl.String,
        t("report.value", lang): pl.String,
        t("report.problem", lang): pl.String,
        t("report.action", lang): pl.String,
        t("report.code", lang): pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def report_frame(report: ValidationReport, lang: str) -> pl.DataFrame:
    """Every problem, errors first, with its severity: the downloadable copy of the report."""
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING):
        table = report_table(report, severity, lang)
        parts.append(
            table.select(
                pl.lit(t(f"word.{severity}", lang)).alias(t("report.severity", lang)), pl.all()
            )
        )
    return pl.concat(parts)


def preview_table(preview: DatasetPreview, catalogue: Catalogue, lang: str) -> pl.DataFrame:
    """The changes of one dataset, one row per figure: change, metric, channel, category,
    stored value → uploaded value."""

    def describe(fact: Fact) -> tuple[str, str, str]:
        metric = catalogue.metrics[fact.metric]
        return (
            metric.name(lang),
            catalogue.channel_name(fact.channel, lang),
            catalogue.category_name(metric, fact.category, lang) if fact.category else "",
        )

    def value(fact: Fact | None) -> str:
        if fact is None:
            return ""
        percent = catalogue.metrics[fact.metric].is_percent
        return format_value(fact.value, fact.qualifier, percent=percent, lang=lang)

    rows: list[tuple[str, Fact, Fact | None, Fact | None]] = [
        *((ChangeKind.ADDED, f, None, f) for f in preview.added),
        *((ChangeKind.CHANGED, new, old, new) for old, new in preview.changed),
        *((ChangeKind.REMOVED, f, f, None) for f in preview.removed),
    ]
    columns = {
        "change": t("preview.change", lang),
        "metric": t("app.col_metric", lang),
        "channel": t("app.col_channel", lang),
        "category": t("app.col_category", lang),
        "old": t("preview.old", lang),
        "new": t("preview.new", lang),
    }
    data = [
        dict(
            zip(
                columns.values(),
                (t(f"preview.{kind}", lang), *describe(fact), value(old), value(new)),
                strict=True,
            )
        )
        for kind, fact, old, new in rows
    ]
    return pl.DataFrame(data, schema={c: pl.String for c in columns.values()})


DECK_NAME_MAX = 100


def save_deck(store: Store, name: str, slide_ids: list[str], *, actor: Actor | None) -> str:
    """Save a named meeting deck (ordered slide ids) for `?deck=NAME`; editors only.

    Returns the cleaned name. Raises ValueError for an empty or over-long name, no slides, or
    a slide id that does not exist.
    """
    editor = require_editor(actor)
    clean = name.strip()
    if not clean or len(clean) > DECK_NAME_MAX:
        raise ValueError("deck-name")
    unknown = [s for s in slide_ids if s not in BUILDERS]
    if not slide_ids or unknown:
        raise ValueError("deck-slides")
    store.save_deck(clean, list(dict.fromkeys(slide_ids)), user=editor.name)
    return clean
