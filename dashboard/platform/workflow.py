"""The staff upload workflow, as plain functions: check size, validate, preview, commit, restore.

Pages call these and only render what they return. Every function that writes takes the acting
user and refuses anyone but an editor, whatever the page showed: the role is checked here, in
the core, not only by hiding buttons.

A commit is checked against the versions its preview was made on (`previewed_versions`): if
another editor saved one of those years in between, the store writes nothing and raises
`StaleVersion`, so nobody silently reverts someone else's figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from dashboard.domain.agency_names import agency_index
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Fact, diff_facts
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.i18n.format import format_value, with_unit
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.validate import ValidationReport, validate_file
from dashboard.platform.auth import Actor, require_editor
from dashboard.store.database import CommitResult, Store, VersionConflict


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
        ProblemCode.FILE_TOO_LARGE,
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
    """Validate an uploaded file held in memory, against last year's stored figures too, with
    the datasets' content hashes for `commit_upload`."""
    too_large = size_problem(len(content), limit_mb)
    if too_large is not None:
        return ValidationReport(problems=[too_large], readable=False)
    return validate_file(
        content,
        file_name,
        catalogue,
        default_agency=default_agency,
        previous_many=store.facts_of,  # last year's facts of every dataset in one query
        # From the frame of facts at once (at 90,000 facts ~30 ms more of validation), instead
        # of the store hashing them fact by fact at the commit (~150 ms); `import` does the same.
        with_hashes=True,
    )


def preview_upload(report: ValidationReport, store: Store) -> list[DatasetPreview]:
    """Per dataset of the file: facts added, changed and removed against the stored version."""
    previews = []
    current = {
        (r["agency"], r["year"]): r["version"] for r in store.datasets().iter_rows(named=True)
    }
    # The stored facts of every dataset of the file in one query, not one per dataset.
    stored = store.facts_of([(d.agency, d.year) for d in report.datasets])
    for dataset in report.datasets:
        diff = diff_facts(stored.get((dataset.agency, dataset.year), []), dataset.facts)
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


def new_agencies(report: ValidationReport, store: Store) -> list[str]:
    """The agencies of a file that the store does not hold yet, in the file's order: saving
    creates them (a misspelt name would make a second agency, so the page says so first)."""
    stored = set(store.datasets().get_column("agency").to_list())
    found = dict.fromkeys(d.agency for d in report.datasets)
    return [agency for agency in found if agency not in stored]


def lookalike_agencies(report: ValidationReport, store: Store) -> dict[str, str]:
    """New agency of the file → the stored agency it names in another spelling: script or
    spacing (`杭州市余杭區教育局`), a standard short form (`大冶市政府办公室`, `六盘水市应急局`), or
    without the places the stored name puts before it (`大路镇` → `琼海市大路镇`, when only one
    stored agency fits). Saving would start a second agency; the name is never changed for the
    user."""
    index = agency_index(store.datasets().get_column("agency").unique().sort().to_list())
    found = {}
    for agency in new_agencies(report, store):
        twin = index.match(agency)
        if twin is not None and twin != agency:
            found[agency] = twin
    return found


def lookalike_problems(report: ValidationReport, store: Store) -> list[Problem]:
    """`lookalike_agencies` as warnings of the file's report (the command line's `import`)."""
    return [
        Problem(
            ProblemCode.AGENCY_LOOKALIKE,
            Severity.WARNING,
            column="单位",
            value=agency,
            params={"stored": stored},
        )
        for agency, stored in lookalike_agencies(report, store).items()
    ]


def previewed_versions(previews: list[DatasetPreview]) -> dict[tuple[str, int], int | None]:
    """(agency, year) → the version each preview was made against (None: a new year): what
    `commit_upload` must find still current."""
    return {(p.agency, p.year): p.current_version for p in previews}


def commit_gate(
    report: ValidationReport,
    store: Store,
    confirmed_replace: bool,
    expected_versions: Mapping[tuple[str, int], int | None] | None,
) -> Mapping[tuple[str, int], int | None]:
    """The checks before any commit of checked data: no errors, and a replace of a stored year
    confirmed. Returns the versions the store must still find current (default: now)."""
    if not report.ok:
        raise UploadBlocked("has-errors")
    previews = preview_upload(report, store)
    now = previewed_versions(previews)
    if expected_versions is None:
        expected_versions = now
    # A preview already out of date is refused by the store (StaleVersion, with who and when),
    # not by the confirmation, which the editor gave for what they saw.
    outdated = any(expected_versions.get(key, version) != version for key, version in now.items())
    if not outdated and not confirmed_replace and any(p.replaces for p in previews):
        raise UploadBlocked("needs-confirmation")
    return expected_versions


def commit_upload(
    store: Store,
    report: ValidationReport,
    *,
    actor: Actor | None,
    file_name: str,
    content: bytes,
    confirmed_replace: bool,
    expected_versions: Mapping[tuple[str, int], int | None] | None = None,
) -> list[CommitResult]:
    """Commit every dataset of a validated file, attributed to the editor, or nothing.

    Refuses viewers, files with any error, and replacing a stored year without confirmation.
    `expected_versions` are the versions of the preview the editor confirmed (see
    `previewed_versions`; default: a preview made now); when any of them is no longer current
    at the moment of writing, the store raises StaleVersion and writes nothing.
    """
    editor = require_editor(actor)
    expected_versions = commit_gate(report, store, confirmed_replace, expected_versions)
    return store.commit(
        report.datasets,
        user=editor.name,
        file_name=file_name,
        file_sha256=hashlib.sha256(content).hexdigest(),
        expected_versions=expected_versions,
        # Validation's, of the very same facts (a dataset without one is hashed by the store).
        content_hashes=report.content_hashes,
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
    store: Store,
    agency: str,
    year: int,
    version: int,
    *,
    actor: Actor | None,
    expected_current: int | None = None,
) -> CommitResult:
    """Make an old version current again (as a new version), attributed to the editor.

    With `expected_current` (the current version the editor saw), raises StaleVersion and
    writes nothing when another version became current in between.
    """
    editor = require_editor(actor)
    return store.restore(agency, year, version, user=editor.name, expected_current=expected_current)


def conflict_message(
    conflict: VersionConflict, lang: str, *, quote: Callable[[object], str] = str
) -> str:
    """`定海区教育局 2019 年：alice 于 2024-05-01 09:00:00 UTC 保存了第 2 版（你看到的是第 1 版）。`

    `quote` is applied to the names people typed (agency, user): a page passes its Markdown
    escaping, the command line nothing.
    """
    if conflict.expected is None:
        previewed = t("stale.previewed_new", lang)
    else:
        previewed = t("stale.previewed_version", lang, version=conflict.expected)
    return t(
        "stale.conflict",
        lang,
        agency=quote(conflict.agency),
        year=conflict.year,
        user=quote(conflict.user or "?"),
        time=_utc_text(conflict.saved_at),
        version=conflict.current,
        previewed=previewed,
    )


def _utc_text(iso: str | None) -> str:
    """`2024-05-01T09:00:00+00:00` → `2024-05-01 09:00:00 UTC`."""
    if not iso:
        return "?"
    return iso.replace("T", " ").removesuffix("+00:00") + " UTC"


def report_table(report: ValidationReport, severity: Severity, lang: str) -> pl.DataFrame:
    """Problems of one severity as the report table: row, column, value, problem, what to do."""
    rows = [
        {
            t("report.row", lang): p.row,
            t("report.column", lang): p.column or "",
            t("report.value", lang): p.value or "",
            t("report.problem", lang): problem_message(p, lang),
            t("report.action", lang): problem_action(p, lang),
            t("report.code", lang): str(p.code),
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
        text = format_value(
            fact.value, fact.qualifier, percent=percent, lang=lang, as_written=fact.as_written
        )
        # With the unit as written (3000余人次), so that a change of words alone is seen.
        return with_unit(text, None if percent else fact.unit, lang)

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
