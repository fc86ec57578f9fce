"""Problems found in an upload file (or met by the command line), as plain values.

Modelled on frictionless-py's validation reports: bad data never raises, it becomes a report
entry with a code, a severity, the row number the spreadsheet shows, the column as headed in the
file and the cell as typed. A problem holds data only — its parameters are strings, numbers and
ids, never text in one language — so it compares, serialises and crosses layers as it is; the
words (Chinese or English) are put on it by the formatting layer, `dashboard/i18n/problems.py`.

Every code the project emits is a member of `ProblemCode`: a misspelt code is an attribute error
where it is written, not a silently missing message. The codes are stable (automation reads
them from the CLI's JSON); `docs/upload-format.md` lists them, generated from this enum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # blocks the commit
    WARNING = "warning"  # shown; the commit may go ahead


class ProblemCode(StrEnum):
    """Every problem code, in the order the upload format documents them."""

    # ── the file as a whole ────────────────────────────────────────────────────────────────
    FILE_EMPTY = "file-empty"
    FILE_UNREADABLE = "file-unreadable"
    FILE_ENCODING = "file-encoding"
    FILE_ENCRYPTED = "file-encrypted"
    FILE_TOO_LARGE = "file-too-large"
    FILE_TOO_LARGE_UNCOMPRESSED = "file-too-large-uncompressed"
    FILE_TOO_COMPLEX = "file-too-complex"
    FILE_TOO_MANY_ROWS = "file-too-many-rows"
    FILE_TOO_MANY_COLUMNS = "file-too-many-columns"
    FILE_TOO_MANY_CELLS = "file-too-many-cells"
    FILE_CHECK_FAILED = "file-check-failed"
    SHEET_EXTRA = "sheet-extra"
    # ── reading rows and cells ─────────────────────────────────────────────────────────────
    CSV_QUOTE_UNBALANCED = "csv-quote-unbalanced"
    CELL_TOO_LONG = "cell-too-long"
    ROW_INVALID_CHARACTERS = "row-invalid-characters"
    # ── the header ─────────────────────────────────────────────────────────────────────────
    HEADER_MISSING = "header-missing"
    HEADER_DUPLICATE = "header-duplicate"
    HEADER_UNKNOWN = "header-unknown"
    NO_VALUES = "no-values"
    # ── one row ────────────────────────────────────────────────────────────────────────────
    YEAR_MISSING = "year-missing"
    YEAR_INVALID = "year-invalid"
    AGENCY_MISSING = "agency-missing"
    # a new agency that names a stored one in another spelling (import, against the store)
    AGENCY_LOOKALIKE = "agency-lookalike"
    METRIC_MISSING = "metric-missing"
    METRIC_UNKNOWN = "metric-unknown"
    CHANNEL_REQUIRED = "channel-required"
    CHANNEL_NOT_ALLOWED = "channel-not-allowed"
    CHANNEL_UNKNOWN = "channel-unknown"
    CHANNEL_COMBINED = "channel-combined"
    CHANNEL_SEVERAL = "channel-several"
    CATEGORY_NOT_ALLOWED = "category-not-allowed"
    CATEGORY_UNKNOWN = "category-unknown"
    VALUE_MISSING = "value-missing"
    VALUE_INVALID = "value-invalid"
    VALUE_SPACED_DIGITS = "value-spaced-digits"
    VALUE_UNUSUAL_DIGITS = "value-unusual-digits"
    VALUE_AT_MOST_ZERO = "value-at-most-zero"
    VALUE_TOO_LARGE = "value-too-large"
    VALUE_NEGATIVE = "value-negative"
    VALUE_NOT_INTEGER = "value-not-integer"
    PERCENT_OUT_OF_RANGE = "percent-out-of-range"
    PERCENT_LOOKS_LIKE_FRACTION = "percent-looks-like-fraction"
    UNIT_MISMATCH = "unit-mismatch"
    RANK_INVALID = "rank-invalid"
    # ── across rows of one dataset ─────────────────────────────────────────────────────────
    DUPLICATE_FACT = "duplicate-fact"
    DUPLICATE_ROW = "duplicate-row"
    # closed-…, adopted-…, rate-, sum- and balance-mismatch are the relations between metrics:
    # named by `[[relation]] code` in data/catalogue/metrics.toml, which gives their severity
    CLOSED_EXCEEDS_RECEIVED = "closed-exceeds-received"
    ADOPTED_EXCEEDS_SUBMITTED = "adopted-exceeds-submitted"
    RATE_MISMATCH = "rate-mismatch"
    PARTS_EXCEED_TOTAL = "parts-exceed-total"
    SUM_MISMATCH = "sum-mismatch"
    BALANCE_MISMATCH = "balance-mismatch"
    LARGE_CHANGE = "large-change"
    # ── reading an annual report (extract) ─────────────────────────────────────────────────
    REPORT_FORMAT = "report-format"
    REPORT_UNREADABLE = "report-unreadable"
    REPORT_TOO_COMPLEX = "report-too-complex"
    REPORT_NO_TEXT_LAYER = "report-no-text-layer"
    REPORT_TEXT_GARBLED = "report-text-garbled"
    REPORT_NO_FIGURES = "report-no-figures"
    REPORT_AGENCY_UNKNOWN = "report-agency-unknown"
    REPORT_AGENCY_UNPLACED = "report-agency-unplaced"
    REPORT_YEAR_UNKNOWN = "report-year-unknown"
    REPORT_NAMED_BY_TITLE = "report-named-by-title"
    REPORT_NAMED_BY_PAGE = "report-named-by-page"
    REPORT_TABLE_UNREAD = "report-table-unread"
    REPORT_PAGES_PICTURES = "report-pages-pictures"
    REPORT_DUPLICATE = "report-duplicate"
    # ── the agency directory (单位名录) ─────────────────────────────────────────────────────
    DIRECTORY_HEADER_MISSING = "directory-header-missing"
    DIRECTORY_NO_GROUPS = "directory-no-groups"
    DIRECTORY_AGENCY_DUPLICATE = "directory-agency-duplicate"
    DIRECTORY_AGENCY_UNKNOWN = "directory-agency-unknown"
    DIRECTORY_VALUE_TOO_LONG = "directory-value-too-long"
    # ── the store and the program (command line and app), not the file's content ───────────
    STORE_FULL = "store-full"
    STORE_READ_ONLY = "store-read-only"
    STORE_UNOPENABLE = "store-unopenable"
    STORE_BUSY = "store-busy"
    STORE_CORRUPT = "store-corrupt"
    STORE_IO_ERROR = "store-io-error"
    INTERNAL_ERROR = "internal-error"


# Codes about the store or the program itself rather than the uploaded file.
SYSTEM_CODES: frozenset[ProblemCode] = frozenset(
    {
        ProblemCode.STORE_FULL,
        ProblemCode.STORE_READ_ONLY,
        ProblemCode.STORE_UNOPENABLE,
        ProblemCode.STORE_BUSY,
        ProblemCode.STORE_CORRUPT,
        ProblemCode.STORE_IO_ERROR,
        ProblemCode.INTERNAL_ERROR,
    }
)

# Codes always reported as warnings (the commit may go ahead).
_WARNINGS = {
    ProblemCode.AGENCY_LOOKALIKE,
    ProblemCode.SHEET_EXTRA,
    ProblemCode.HEADER_UNKNOWN,
    ProblemCode.CHANNEL_UNKNOWN,
    ProblemCode.CHANNEL_COMBINED,
    ProblemCode.CHANNEL_SEVERAL,
    ProblemCode.PERCENT_LOOKS_LIKE_FRACTION,
    # The figure is kept with its unit as written (3000人次 is shown so, never as 3000件).
    ProblemCode.UNIT_MISMATCH,
    ProblemCode.DUPLICATE_ROW,
    ProblemCode.PARTS_EXCEED_TOTAL,
    ProblemCode.LARGE_CHANGE,
    # A report's agency or year not found in its text: the editor (or --agency/--year) gives it.
    ProblemCode.REPORT_AGENCY_UNKNOWN,
    ProblemCode.REPORT_YEAR_UNKNOWN,
    # …or named by its level without its place (市交通运输局): the editor adds the place.
    ProblemCode.REPORT_AGENCY_UNPLACED,
    # …or taken from the file's title or name, which the editor checks.
    ProblemCode.REPORT_NAMED_BY_TITLE,
    # …or its place (or name) taken from what the web page says of who published it.
    ProblemCode.REPORT_NAMED_BY_PAGE,
    # A statutory table's section is in the report but none of its figures was read (a table
    # pasted in as a picture): the editor types them from the report.
    ProblemCode.REPORT_TABLE_UNREAD,
    # Some pages of a PDF are scans among pages of text: what they show is not read.
    ProblemCode.REPORT_PAGES_PICTURES,
    # A directory without groups still lists the agencies expected to report; a name found in
    # no report may be one that has not reported yet, or a misspelling: the editor decides.
    ProblemCode.DIRECTORY_NO_GROUPS,
    ProblemCode.DIRECTORY_AGENCY_UNKNOWN,
}
# The codes a `[[relation]]` of data/catalogue/metrics.toml may name (checked when it loads).
RELATION_CODES: frozenset[ProblemCode] = frozenset(
    {
        ProblemCode.CLOSED_EXCEEDS_RECEIVED,
        ProblemCode.ADOPTED_EXCEEDS_SUBMITTED,
        ProblemCode.RATE_MISMATCH,
        ProblemCode.SUM_MISMATCH,
        ProblemCode.BALANCE_MISMATCH,
    }
)
# The severity each code always has. The relation codes are missing on purpose: each
# `[[relation]]` of the catalogue states its own severity.
FIXED_SEVERITY: dict[ProblemCode, Severity] = {
    code: Severity.WARNING if code in _WARNINGS else Severity.ERROR
    for code in ProblemCode
    if code not in RELATION_CODES
}

# What a parameter may hold: plain data that serialises to JSON as it is.
Scalar = str | int | float | bool | None
Param = Scalar | tuple[Scalar, ...] | list[Scalar]
_SCALARS = (str, int, float, bool, type(None))


def _is_plain(value: object) -> bool:
    if isinstance(value, _SCALARS):
        return True
    return isinstance(value, tuple | list) and all(isinstance(v, _SCALARS) for v in value)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) in an upload file.

    `params` fill the message's placeholders. Names (a metric's, a channel's) are kept as ids
    — `metric`, `channel`, `category`, `suggestions`, `vocabulary` — and named in the reader's
    language by the formatting layer.
    """

    code: ProblemCode
    severity: Severity
    row: int | None = None  # as the spreadsheet numbers it: the header is row 1
    column: str | None = None  # the header as written in the file, or the template's header
    value: str | None = None  # the cell as typed
    params: dict[str, Param] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Checked here, where a wrong problem is made, rather than when someone reads it.
        if not isinstance(self.code, ProblemCode):
            raise TypeError(f"Problem code must be a ProblemCode, not {self.code!r}")
        if not isinstance(self.severity, Severity):
            raise TypeError(f"Problem severity must be a Severity, not {self.severity!r}")
        wrong = [k for k, v in self.params.items() if not _is_plain(v)]
        if wrong:
            raise TypeError(f"{self.code}: parameters must be plain data: {wrong}")

    def to_dict(self) -> dict[str, Any]:
        """The problem as data, in no language (the CLI's JSON adds the texts)."""
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()},
        }


class ProblemReport:
    """The errors and warnings of a report's `problems` (a mixin for report dataclasses)."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def sort_key(problem: Problem) -> tuple[int, str]:
    """File-level problems first, then by row."""
    return (problem.row or 0, problem.code)
