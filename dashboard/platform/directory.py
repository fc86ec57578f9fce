"""The agency directory's upload: check a file against the store, preview, replace; editors only.

Like a figures upload: the file is read in memory, checked (every problem with row, column, value
and what to do), previewed against the stored directory (agencies added, changed, removed), and
saved whole in one transaction, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.domain.problems import Severity
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.directory import DirectoryReport, read_directory
from dashboard.platform.auth import Actor, require_editor
from dashboard.platform.workflow import UploadBlocked, size_problem
from dashboard.store.compare import (
    DIRECTORY_SCHEMA,
    DirectoryEntry,
    directory,
    replace_directory,
)
from dashboard.store.database import Store


@dataclass(frozen=True)
class DirectoryPreview:
    """What saving the file would change in the stored directory."""

    added: int
    changed: int
    removed: int
    unchanged: int

    @property
    def changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def check_directory(
    content: bytes, file_name: str, store: Store, *, limit_mb: float
) -> DirectoryReport:
    """Read and check an uploaded directory file, its names against the stored reports."""
    too_large = size_problem(len(content), limit_mb)
    if too_large is not None:
        return DirectoryReport(problems=[too_large])
    known = set(store.datasets().get_column("agency").to_list())
    return read_directory(content, file_name, known_agencies=known)


def report_rows(report: DirectoryReport) -> pl.DataFrame:
    """The agencies of a checked file as a frame of DIRECTORY_SCHEMA, in file order."""
    return pl.DataFrame(
        [(r.agency, r.parent, r.region, r.kind) for r in report.rows],
        schema=DIRECTORY_SCHEMA,
        orient="row",
    )


def preview_directory(report: DirectoryReport, store: Store) -> DirectoryPreview:
    """Agencies the file adds, changes (another parent, region or kind), removes and keeps."""
    new, old = report_rows(report), directory(store)
    joined = new.join(old, on="agency", how="full", suffix="_old", coalesce=True)
    in_new = pl.col("agency").is_in(new.get_column("agency").implode())
    in_old = pl.col("agency").is_in(old.get_column("agency").implode())
    same = pl.all_horizontal(
        pl.col(c).eq_missing(pl.col(f"{c}_old")) for c in ("parent", "region", "kind")
    )
    counts = joined.select(
        added=(in_new & ~in_old).sum(),
        removed=(~in_new & in_old).sum(),
        changed=(in_new & in_old & ~same).sum(),
        unchanged=(in_new & in_old & same).sum(),
    ).row(0, named=True)
    return DirectoryPreview(**{k: int(v) for k, v in counts.items()})


def save_directory(
    store: Store, report: DirectoryReport, *, actor: Actor | None, file_name: str
) -> int:
    """Replace the stored directory by the file's agencies, attributed to the editor; the number
    stored. Refuses viewers (PermissionDenied) and a file with errors (UploadBlocked)."""
    editor = require_editor(actor)
    if not report.ok:
        raise UploadBlocked("has-errors")
    entries = [DirectoryEntry(r.agency, r.parent, r.region, r.kind) for r in report.rows]
    return replace_directory(store, entries, user=editor.name, file_name=file_name)


def directory_problems(report: DirectoryReport, severity: Severity, lang: str) -> pl.DataFrame:
    """Problems of one severity as the upload report's table: row, column, value, problem, what
    to do (the same columns as a figures file's report)."""
    rows = [
        (p.row, p.column or "", p.value or "", problem_message(p, lang), problem_action(p, lang))
        for p in report.problems
        if p.severity is severity
    ]
    keys = ("report.row", "report.column", "report.value", "report.problem", "report.action")
    types = (pl.Int64, pl.String, pl.String, pl.String, pl.String)
    schema = {t(k, lang): kind for k, kind in zip(keys, types, strict=True)}
    return pl.DataFrame(rows, schema=schema, orient="row")
