"""Validate an upload file: every problem at once, with row, column, value and code.

The cells are read column by column (`rows.py`: Polars expressions, and each distinct spelling
read once — `400余` is not 400), then the checks that span rows — duplicates, relations between
metrics, parts against totals, change against last year — per dataset (one agency and year):
screened for all datasets at once (`screen.py`), worded by `relations.check_dataset` for those
where something may be wrong. Bad data never raises; it becomes report entries.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

import polars as pl

from dashboard.domain.catalogue import Catalogue, name_key
from dashboard.domain.columns import FIELDS, ColumnSpec, column_spec  # noqa: F401 (re-exported)
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.mappings import ChannelMapping
from dashboard.domain.problems import Problem, ProblemCode, ProblemReport, Severity, sort_key
from dashboard.domain.values import Qualifier
from dashboard.ingest.hashes import content_hashes
from dashboard.ingest.reader import RawTable, read_table
from dashboard.ingest.relations import check_dataset
from dashboard.ingest.resolve import MIN_YEAR
from dashboard.ingest.rows import FACT_FIELDS, read_rows
from dashboard.ingest.screen import flagged

logger = logging.getLogger(__name__)

__all__ = ["MIN_YEAR", "ValidationReport", "column_spec", "validate_file", "validate_table"]
PreviousFacts = Callable[[str, int], list[Fact]]
# Last year's facts of many datasets at once: (agency, year) keys → their facts (none: absent).
# One query for a file of ten thousand datasets, where `PreviousFacts` makes ten thousand.
PreviousMany = Callable[[Sequence[tuple[str, int]]], Mapping[tuple[str, int], list[Fact]]]
# From how many facts the datasets are screened (`screen.py`) before `check_dataset` reads them:
# the screen's few dozen Polars queries cost ~10 ms, what check_dataset spends on ~2,000 facts.
SCREEN_FROM = 2_000
QUALIFIERS = {str(q): q for q in Qualifier}


@dataclass
class ValidationReport(ProblemReport):
    """The outcome of validating one file: problems and the datasets it holds."""

    problems: list[Problem] = field(default_factory=list)
    datasets: list[Dataset] = field(default_factory=list)
    readable: bool = True  # False when the file could not be read at all (CLI exit 2)
    # Channel names read by a rule of channels.toml, for staff to check before they save.
    mappings: list[ChannelMapping] = field(default_factory=list)
    # With `with_hashes`: (agency, year) → `Dataset.content_hash()` of the datasets whose facts
    # are as read (the checks dropped none), computed at once from the frame of facts: a commit
    # right after validation (`import`) hands them to the store instead of hashing 300,000 facts
    # one by one.
    content_hashes: dict[tuple[str, int], str] = field(default_factory=dict)

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
    previous_many: PreviousMany | None = None,
    with_hashes: bool = False,
) -> ValidationReport:
    """Read and validate an upload file given as bytes.

    Last year's facts, for the large-change check, come from `previous_many` (all datasets in
    one call) or else `previous_facts` (one call per dataset). With `with_hashes`, the report's
    `content_hashes` are filled (for a commit that follows at once).

    Never raises, whatever the bytes: an unreadable file is a report with `readable=False`,
    and a failure of the checks themselves (a bug) is the report `file-check-failed`, logged
    with its traceback, rather than an exception in the user's face.
    """
    try:
        table = read_table(content, filename, reference_sheets=column_spec().reference_sheets)
        if not table.readable or not table.header:
            return ValidationReport(problems=sorted(table.problems, key=sort_key), readable=False)
        return validate_table(
            table,
            catalogue,
            default_agency=default_agency,
            previous_facts=previous_facts,
            previous_many=previous_many,
            with_hashes=with_hashes,
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
    previous_many: PreviousMany | None = None,
    with_hashes: bool = False,
) -> ValidationReport:
    """Validate rows already read from a file (`with_hashes`: see `validate_file`)."""
    problems = list(table.problems)
    columns, header_problems = _map_header(table, default_agency)
    problems += header_problems
    if any(p.code is ProblemCode.HEADER_MISSING for p in header_problems):
        return ValidationReport(problems=sorted(problems, key=sort_key))

    read = read_rows(table.cells(), columns, catalogue, default_agency)
    problems += read.problems
    titles = column_spec().titles
    header = {f: columns.get(f, (None, titles[f]))[1] for f in FIELDS}
    datasets, found, hashes = _datasets(
        read.facts,
        catalogue,
        header,
        _last_year(previous_facts, previous_many),
        with_hashes=with_hashes,
    )
    problems += found
    if not datasets and not any(p.severity is Severity.ERROR for p in problems):
        # Rows were there but none had a value: most likely an unfilled template.
        code = ProblemCode.NO_VALUES if table.row_count else ProblemCode.FILE_EMPTY
        problems.append(Problem(code, Severity.ERROR))
    return ValidationReport(
        problems=sorted(problems, key=sort_key),
        datasets=sorted(datasets, key=lambda d: (d.agency, d.year)),
        mappings=read.mappings,
        content_hashes=hashes,
    )


def _datasets(
    facts: pl.DataFrame,
    catalogue: Catalogue,
    header: dict[str, str],
    last_year: PreviousMany,
    *,
    with_hashes: bool,
) -> tuple[list[Dataset], list[Problem], dict[tuple[str, int], str]]:
    """The facts as datasets (in the order the file first names them), the problems across
    rows: checked by `check_dataset` where the screen says something may be wrong, and the
    content hashes of the datasets whose facts are the frame's rows (the checks dropped no
    repeated row), if asked."""
    keys = facts.select("agency", "year").unique(maintain_order=True)
    facts = facts.join(
        keys.with_row_index("ds"), on=["agency", "year"], how="left", maintain_order="left"
    )
    datasets = [Dataset(agency, year) for agency, year in keys.iter_rows()]
    before = [(d.agency, d.year - 1) for d in datasets]
    found_before = last_year(before) if datasets else {}
    previous = [list(found_before.get(key, [])) for key in before]
    if facts.height >= SCREEN_FROM:
        suspects = flagged(facts, _previous_frame(previous), catalogue)
    else:  # a few hundred facts: checking them all costs less than screening them
        suspects = set(range(len(datasets)))
    with collector_paused():
        _fill(datasets, facts)
    # Each row's channel as typed, for the datasets checked (rows are unique in a file).
    typed = facts.filter(
        pl.col("ds").is_in(sorted(suspects)) & pl.col("channel_written").is_not_null()
    )
    written = dict(zip(typed.get_column("row"), typed.get_column("channel_written"), strict=True))
    problems: list[Problem] = []
    dropped: list[int] = []  # datasets whose facts are no longer the frame's rows
    for ds in sorted(suspects):
        dataset = datasets[ds]
        kept, found = check_dataset(
            dataset.facts, catalogue, header, previous[ds], written_channels=written
        )
        if len(kept) != len(dataset.facts):  # kept only drops repeats, in order
            dropped.append(ds)
        dataset.facts = kept
        problems += found
    if not with_hashes:
        return datasets, problems, {}
    unchecked = facts.filter(~pl.col("ds").is_in(dropped))
    hashes = {
        (datasets[ds].agency, datasets[ds].year): value
        for ds, value in content_hashes(unchecked).items()
    }
    return datasets, problems, hashes


def _fill(datasets: list[Dataset], facts: pl.DataFrame) -> None:
    """Each fact to its dataset (`ds`), in row order."""
    columns = [_shared(facts.get_column(name)) for name in FACT_FIELDS]
    at = FACT_FIELDS.index("qualifier")
    columns[at] = [QUALIFIERS[q] for q in columns[at]]
    for ds, fact in zip(facts.get_column("ds").to_list(), _made(columns), strict=True):
        datasets[ds].facts.append(fact)


# Fact's slot descriptors in FACT_FIELDS order, when those are all its fields and nothing runs
# after its __init__: `_made` then sets the slots as the frozen dataclass's __init__ does
# (object.__setattr__ field by field), at half the cost (0.2 s for 300,000 facts).
_SLOTS = (
    tuple(getattr(Fact, name).__set__ for name in FACT_FIELDS)
    if tuple(f.name for f in fields(Fact)) == FACT_FIELDS and not hasattr(Fact, "__post_init__")
    else None
)


def _made(columns: list[list[Any]]) -> list[Fact]:
    """The facts of columns in FACT_FIELDS order, as `map(Fact, *columns)` makes them."""
    if _SLOTS is None:
        return list(map(Fact, *columns))
    new = object.__new__
    agency, year, metric, channel, category, value, qualifier, note, row, unit, written = _SLOTS
    made = []
    for a, y, m, ch, ca, v, q, n, r, u, w in zip(*columns, strict=True):
        fact = new(Fact)
        agency(fact, a)
        year(fact, y)
        metric(fact, m)
        channel(fact, ch)
        category(fact, ca)
        value(fact, v)
        qualifier(fact, q)
        note(fact, n)
        row(fact, r)
        unit(fact, u)
        written(fact, w)
        made.append(fact)
    return made


def _shared(column: pl.Series) -> list[Any]:
    """A column as Python values; a text column of few distinct values with one str object
    per value (a thousand agencies, not 300,000 copies of their names)."""
    if column.dtype != pl.String or column.len() < 1_000:
        return column.to_list()
    distinct = column.unique(maintain_order=True)
    if distinct.len() * 4 > column.len():
        return column.to_list()
    codes = (
        column.to_frame("text")
        .join(
            distinct.to_frame("text").with_row_index("code"),
            on="text",
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .get_column("code")
        .to_list()
    )
    return list(map(distinct.to_list().__getitem__, codes))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hundreds of thousands of facts made at once: the cyclic garbage collector would walk
    all of them again and again while they are made (half the time), though none of them can
    be part of a cycle. (`validate` and `import` hold it paused over their whole run too.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _last_year(one: PreviousFacts | None, many: PreviousMany | None) -> PreviousMany:
    """Last year's facts of many datasets, however the caller gives them."""
    if many is not None:
        return many
    if one is None:
        return lambda keys: {}
    return lambda keys: {key: one(*key) for key in keys}


def _previous_frame(previous: list[list[Fact]]) -> pl.DataFrame:
    """Last year's facts of each dataset (by its index), as the screen reads them."""
    rows = [
        (ds, f.metric, f.channel, f.category, None if f.value is None else float(f.value))
        for ds, facts in enumerate(previous)
        for f in facts
    ]
    return pl.DataFrame(
        rows,
        schema={
            "ds": pl.UInt32,
            "metric": pl.String,
            "channel": pl.String,
            "category": pl.String,
            "value": pl.Float64,
        },
        orient="row",
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
