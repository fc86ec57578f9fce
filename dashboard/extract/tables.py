"""The statutory tables of an annual report read cell by cell into figures: tables 二, 三 and 四 of
the 2019 and 2021 forms, and the single 政府信息公开情况统计表 of the reports before 2019.

Tables come with their column positions (HTML, Word, the ruled tables pdfplumber finds) or only
as text laid out in rows (a PDF drawn without rules, a pasted text) or one cell a line (a web
page's text as a crawler keeps it), where an empty cell leaves no trace; the forms' readers
(`table_forms.py`) know rows by the form's wording and columns by the header rows. A figure is
kept only when its table, row and column are all recognised: a text row with fewer numbers than
columns gives none, since no number can be placed. Every figure is quoted with its row's line of
the document text; the lines are reported too, so that the prose rules do not take a table's
numbers for figures of their own (`merge_tables`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.domain.values import ParsedValue, in_metric_unit, parse_value
from dashboard.extract.figures import Extraction, Found, Skipped
from dashboard.extract.table_forms import Grid, Line, Row, Slot, join_cell_lines, readers

CONFIDENCE = 0.9
# An amount (万元) whose cell and column both leave the unit unsaid: kept, but for review.
UNSURE_UNIT = 0.7
# a 总计 told by a row's sum when the row lost its empty cells: flagged for the editor to check
INFERRED = 0.75


@dataclass(frozen=True, slots=True)
class TableRow:
    """A table row's line in the text; `read` when every number in it became a figure."""

    start: int
    end: int
    read: bool


@dataclass
class TableReading:
    found: list[Found] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)


# ── reading a document's tables ─────────────────────────────────────────────────────────────


_NO_TEXT = " \t\u00a0\u3000|｜"


def _lines(text: str) -> list[Line]:
    out = []
    start = 0
    for line in text.split("\n"):
        if line.strip(_NO_TEXT):  # (a line of bars alone is a crawled row's empty cells' end)
            out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


def _find_line(text: str, line: str, start: int) -> tuple[int, int] | None:
    """Where a row's line is in the text (a whole line), from `start` on."""
    position = text.find(line, start)
    while position >= 0:
        end = position + len(line)
        if (position == 0 or text[position - 1] == "\n") and (
            end == len(text) or text[end] == "\n"
        ):
            return position, end
        position = text.find(line, position + 1)
    return None


def _value(metric: Metric, written: str, unit: str | None) -> tuple[ParsedValue, float] | None:
    """A cell's figure in the metric's unit, with its confidence; None when it is not one."""
    text = written.strip().replace("＋", "+")
    if text[:1] in ("增", "减"):  # (增10: only a change is written with its word)
        if metric.kind != "change":
            return None
        text = ("-" if text[0] == "减" else "") + text[1:]
    if metric.kind == "change" and text.startswith("+"):
        text = text[1:]
    parsed = parse_value(text)
    if not parsed.ok or parsed.value is None:
        return None
    confidence = CONFIDENCE
    money = metric.unit in ("元", "万元")
    if money and parsed.unit is None:
        with_unit = parse_value(text + unit) if unit else None
        if with_unit is not None and with_unit.ok and with_unit.value is not None:
            parsed = with_unit
        else:
            confidence = UNSURE_UNIT
    elif parsed.unit is not None and not money and parsed.unit != metric.unit:
        return None  # 元 in a count column: not this column's figure
    parsed = in_metric_unit(parsed, metric.unit)
    if parsed.value is None:
        return None
    if metric.kind == "count" and (parsed.value < 0 or not float(parsed.value).is_integer()):
        return None
    if metric.kind == "amount" and parsed.value < 0:
        return None
    return parsed, confidence


def read_tables(text: str, tables: Sequence[Grid], catalogue: Catalogue) -> TableReading:
    """The figures of a document's statutory tables, each quoted with its row's line.

    Tables with positions are read first; a form they do not give (a PDF whose table is only
    text in rows, a pasted text) is looked for in the text's lines."""
    forms = readers(catalogue)
    reading = TableReading()
    taken: dict[Slot, Found] = {}
    done: set[str] = set()
    cursor = 0
    for table in tables:
        for name, reader in forms.items():
            for row in reader.grid(table):
                line = " ".join(" ".join(c.split()) for c in row.cells or () if c.strip())
                span = _find_line(text, line, cursor) or _find_line(text, line, 0)
                if span is None:
                    continue
                cursor = max(cursor, span[1])
                if _add(reading, taken, catalogue, row, span, text):
                    done.add(name)
    lines = _lines(text)
    views: dict[bool, list[Line]] = {}  # the lines joined once for all readers
    for name, reader in forms.items():
        if name in done:
            continue
        attach = reader.joins_labels
        if attach not in views:
            views[attach] = join_cell_lines(lines, attach=attach)
        for row in reader.text(views[attach]):
            if row.span is not None:  # a text row always has its line
                _add(reading, taken, catalogue, row, row.span, text)
    return reading


def _add(
    reading: TableReading,
    taken: dict[Slot, Found],
    catalogue: Catalogue,
    row: Row,
    span: tuple[int, int],
    text: str,
) -> bool:
    """Add a row's figures (a slot already filled keeps its first figure); whether any was."""
    start, end = span
    quote = text[start:end]
    added = False
    read = row.read
    for cell in row.figures:
        if cell.slot in taken:  # the first figure of a slot stands
            continue
        metric = catalogue.metrics.get(cell.slot.metric)
        valued = _value(metric, cell.written, cell.unit) if metric else None
        if valued is None:
            read = False
            continue
        parsed, confidence = valued
        if cell.inferred:
            confidence = min(confidence, INFERRED)
        found = Found(
            metric=cell.slot.metric,
            channel=cell.slot.channel,
            category=cell.slot.category,
            value=parsed.value,  # type: ignore[arg-type]
            qualifier=parsed.qualifier,
            unit=parsed.unit,
            as_written=cell.written.strip(),
            quote=quote,
            start=start,
            end=end,
            confidence=confidence,
        )
        taken[cell.slot] = found
        reading.found.append(found)
        added = True
    reading.rows.append(TableRow(start, end, read))
    return added


def merge_tables(
    result: Extraction, text: str, tables: Sequence[Grid], catalogue: Catalogue
) -> None:
    """Add the tables' figures to an extraction from the prose.

    A table figure wins over a prose one of the same slot (the prose one is skipped as
    "repeated"); a prose figure read from a table's row is skipped too (the row's columns are
    the table's to say), and the numbers of a row the tables read are no longer listed as
    skipped: they are figures now."""
    reading = read_tables(text, tables, catalogue)
    result.warnings.extend(unread_forms(text, reading, result.year))
    if not reading.rows:
        return
    slots = {(f.metric, f.channel, f.category) for f in reading.found}
    # A line is one row (read when any reading of it read it all): looked up by its start.
    read_of: dict[tuple[int, int], bool] = {}
    for row in reading.rows:
        read_of[(row.start, row.end)] = read_of.get((row.start, row.end), False) or row.read
    spans = sorted(read_of)
    starts = [a for a, _ in spans]

    def row_of(position: int) -> tuple[int, int] | None:
        at = bisect_right(starts, position) - 1
        return spans[at] if at >= 0 and position < spans[at][1] else None

    # a table figure flagged for review (a total told by its row's sum) that the prose outside
    # the tables states too, the same: two readings agree, and it is as sure as the prose one
    said = {
        (f.metric, f.channel, f.category, f.value): f.confidence
        for f in result.facts
        if row_of(f.start) is None and row_of(f.end - 1) is None
    }
    for found in reading.found:
        prose = said.get((found.metric, found.channel, found.category, found.value))
        if prose is not None and found.confidence < prose:
            found.confidence = prose
    uncertain = "table row: columns not certain"
    # the numbers of a row whose columns are not certain are left out for that reason, but
    # for the one the tables took all the same: a 总计 told by its row's sum, the row's last
    # number so written
    taken = {(row_of(f.start), f.as_written) for f in reading.found}
    skipped: list[Skipped] = []
    for s in reversed(result.skipped):
        span = row_of(s.start)
        if span is None:
            skipped.append(s)
        elif not read_of[span] and (span, s.number) not in taken:
            skipped.append(replace(s, reason=uncertain))
        else:
            taken.discard((span, s.number))
    skipped.reverse()
    kept: list[Found] = []
    for fact in result.facts:
        span = row_of(fact.start) or row_of(fact.end - 1)
        if (fact.metric, fact.channel, fact.category) in slots:
            reason = "repeated"
        elif span is not None:
            reason = "table row" if read_of[span] else uncertain
        else:
            kept.append(fact)
            continue
        skipped.append(Skipped(fact.as_written, fact.quote, fact.start, fact.end, reason))
    result.skipped = skipped
    result.facts = sorted([*kept, *reading.found], key=lambda f: f.start)


# The first year of the statutory form (the 2019 reports): its three tables' section headings,
# each with what its figures' metric ids begin with. A heading alone on its line, numbered or
# not (the report's opening sentence lists the sections in one line, and is no heading).
FIRST_FORM_YEAR = 2019
_NUMERAL = "[一二三四五六七八九十]{1,2}"
_NUMBERING = rf"^(?:{_NUMERAL}[、.．]|[(（]{_NUMERAL}[)）]|[0-9]{{1,2}}[、.．])?\s*"
_FORM_HEADINGS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("二", "table2_", re.compile(_NUMBERING + r"主动公开政府信息(?:的)?情况\s*$")),
    ("三", "requests_", re.compile(_NUMBERING + r"收到和处理政府信息公开申请(?:的)?情况\s*$")),
    (
        "四",
        "appeal_",
        re.compile(
            _NUMBERING + r"(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、和及]?(?:提起)?"
            r"行政诉讼(?:的)?情况\s*$"
        ),
    ),
)


def unread_forms(text: str, reading: TableReading, year: int | None) -> list[Problem]:
    """A warning for each statutory table whose section the report has but whose figures were
    not read: the table is most likely a picture (no text to read), or written in a way the
    readers do not know. Reports before the form had no such tables."""
    if year is None or year < FIRST_FORM_YEAR:
        return []
    read = {f.metric.split("_")[0] + "_" for f in reading.found}
    out: list[Problem] = []
    lines = [line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= 40]
    for table, metrics, heading in _FORM_HEADINGS:
        if metrics in read:
            continue
        found = next((line for line in lines if heading.match(line)), None)
        if found is not None:
            out.append(
                Problem(
                    ProblemCode.REPORT_TABLE_UNREAD,
                    Severity.WARNING,
                    value=found,
                    params={"table": table},
                )
            )
    return out
