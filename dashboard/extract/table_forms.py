"""The statutory tables' forms, read row by row: tables 二, 三 and 四 of the 2019 and 2021
forms and the single 政府信息公开情况统计表 of the reports before 2019 (used by `tables.py`).

Each reader takes a table's rows two ways: with column positions (`grid`: a merged cell's text in
its first position, the others empty or repeating it) and as text lines (`text`: one line a row,
cells separated by spaces or `|`, empty cells gone; or one cell a line, as a web page's text often
comes, put back into rows by `join_cell_lines`). Rows are known by the form's wording
(statutory.toml; numbering, width, brackets and script aside), columns by the header rows above
them, never by position alone. A reader says which cells are which figures (`Cell`) and whether
every number of a row found its column (`Row.read`); reading the values is `tables.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from dashboard.domain.catalogue import Catalogue, StatutoryTable, name_key
from dashboard.domain.script import PINYIN_GLOSS

Grid = Sequence[Sequence[str]]
Line = tuple[int, int, str]  # a line of the text: start, end, the line

TOTAL = "\x00total"  # the 总计 column: stored with a blank category
_FILLER = "\x00filler"  # header words over columns that name none (申请人情况)

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+|[0-9]+)+")
# A remark in brackets: （区分处理的，只计这一情形…）, （单位：万元）, and numbering such as （一）.
_REMARK = re.compile(r"[（(][^（()）]*[)）]")
_SEPARATORS = re.compile(r"[ \t|｜]+")
# (增10, 减3: a change written with its word, in table 二's 本年增/减 column)
_NUMBER_TOKEN = re.compile(r"^(?:[+＋\-－−]|增|减)?[0-9０-９][0-9０-９,，.．]*(?:万元|元)?$")
_UNIT_HINT = re.compile(r"单位[:：]\s*([^）)\s]+)")
# the characters a line of cells can hold: numbers, separators, 万元/元, the no-figure marks
_CELLS_CHARS = re.compile(r"^[\s|｜0-9０-９,，.．+＋\-－−—/／\\无万元]+$")
_PAGE_NUMBER = re.compile(r"^\s*[-－—–]+\s*[0-9]+\s*[-－—–]+\s*$")
# What a table writes in a cell with no figure: read as an empty cell.
_NO_FIGURE = frozenset({"-", "－", "—", "——", "/", "／", "无", "\\"})
# 2021 wordings of table 三 rows that the catalogue names in the 2019 words.
_ROW_VARIANTS: dict[str, tuple[str, ...]] = {
    "requests_other_no_correction": ("逾期不补正",),
    "requests_other_no_fee": ("逾期未按收费通知要求缴纳费用", "逾期未缴纳费用", "逾期未缴费"),
}


# Names compared as the catalogue compares them; a table repeats its words row after row.
_CELL_BARS = str.maketrans("", "", "|｜")


@lru_cache(maxsize=1 << 14)
def _key(text: str) -> str:
    """A label or header as names are compared (`name_key`), the bars that part a text row's
    cells (自然人 | 法人或其他组织 | 总计, as a crawler keeps a table) and pinyin glosses left
    out."""
    return name_key(PINYIN_GLOSS.sub("", text.translate(_CELL_BARS)))


_DIGIT = re.compile(r"[0-9０-９]")


def _bare(text: str) -> str:
    """A label as compared: remarks in brackets, numbering, width, script, punctuation aside."""
    return _NUMBERING.sub("", _key(_REMARK.sub("", text)))


# ── what a reader gives ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a cell's figure goes: metric, category (a term id; None the 总计 column), channel."""

    metric: str
    category: str | None = None
    channel: str | None = None


@dataclass
class Cell:
    slot: Slot
    written: str
    unit: str | None = None  # the column's unit (单位：万元) when the cell has none
    inferred: bool = False  # its column told by the row's sum, not by its place


@dataclass
class Row:
    """One row as a reader saw it: its cells (grid rows) or line span (text), its figures."""

    cells: Sequence[str] | None
    span: tuple[int, int] | None
    figures: list[Cell]
    read: bool


# ── the forms, from the catalogue ───────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _FormRow:
    metric: str
    cores: tuple[str, ...]
    parent: str | None  # the row above an indented one (不予公开 over 1.属于国家秘密)


def _form_rows(table: StatutoryTable) -> list[_FormRow]:
    rows: list[_FormRow] = []
    parent: str | None = None
    for row in table.rows:
        if not row.indent:
            parent = row.metric
        cores = (_bare(row.zh.split("·")[-1]), *_ROW_VARIANTS.get(row.metric, ()))
        rows.append(_FormRow(row.metric, cores, parent if row.indent else None))
    return rows


def _match_row(rows: Sequence[_FormRow], label: str) -> _FormRow | None:
    """The form row a label names: its whole wording, else the longest wording it contains
    (short words such as 其他 or 总计 only as the whole label); None when unsure."""
    key = _bare(label)
    if not key:
        return None
    exact = [r for r in rows if key in r.cores]
    if exact:
        return exact[0] if len(exact) == 1 else None
    best: list[_FormRow] = []
    longest = 0
    for row in rows:
        for core in row.cores:
            if len(core) <= 2 or core not in key or len(core) < longest:
                continue
            if len(core) > longest:
                best, longest = [], len(core)
            if row not in best:
                best.append(row)
    return best[0] if len(best) == 1 else None


def _own_row(rows: Sequence[_FormRow], labels: Sequence[str]) -> tuple[_FormRow | None, set[str]]:
    """The row named by a row's label cells — the last (most specific) cell, else the last cells
    together — and the metrics the cells before it name (its parents)."""
    for k in range(1, len(labels) + 1):
        found = _match_row(rows, "".join(labels[-k:]))
        if found is not None and k > 1 and _match_row(rows, "".join(labels[:-1])) == found:
            # the cells before name it alone: (四)无法提供 over an item not recognised is the
            # item's row, not 无法提供's
            return None, set()
        if found is not None:
            named = (_match_row(rows, label) for label in labels[:-k])
            return found, {r.metric for r in named if r is not None}
    return None, set()


def _vocabulary_words(catalogue: Catalogue, vocabulary: str) -> dict[str, str]:
    """Each spelling of a vocabulary's terms (key → term id; TOTAL for 总计)."""
    vocab = catalogue.vocabularies[vocabulary]
    words = {_key(a): TOTAL for a in vocab.total_aliases}
    for term_id, term in vocab.terms.items():
        for spelling in (term.zh, *term.aliases):
            words.setdefault(_key(spelling), term_id)
    return words


def _term(words: dict[str, str], text: str) -> str | None:
    return words.get(_key(text)) or words.get(_key(_REMARK.sub("", text)))


def _segment(text: str, words: dict[str, str]) -> list[str] | None:
    """A header line as the words it is made of (longest first), or None if any is unknown."""
    if _DIGIT.search(_REMARK.sub("", text)):
        return None  # no header word has a digit
    key = _key(_REMARK.sub("", text))
    lengths = sorted({len(w) for w in words}, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(key):
        for n in lengths:
            if key[i : i + n] in words and len(key[i : i + n]) == n:
                out.append(words[key[i : i + n]])
                i += n
                break
        else:
            return None
    return out


def is_number_cell(text: str) -> bool:
    """Whether a cell (or a text row's token) is a number: a figure, not a label."""
    return bool(_NUMBER_TOKEN.match(text.strip()))


def _filled(text: str) -> bool:
    """Whether a value cell holds anything (a dash or 无 is an empty cell)."""
    return bool(text.strip()) and text.strip() not in _NO_FIGURE


def _label_numbers(line: str) -> tuple[list[str] | None, list[str]]:
    """A text row as its label cells and the cells after them: numbers, and the marks a table
    writes in an empty cell (—, /, 无), which keep their column (a row whose empty cells are
    marked is placed; a blank cell leaves nothing in a text row). Labels None when a number
    stands among the words (not a row of a table); no cells when none holds a number."""
    tokens = [t for t in _SEPARATORS.split(line) if t]
    split = len(tokens)
    while split > 0 and (is_number_cell(tokens[split - 1]) or tokens[split - 1] in _NO_FIGURE):
        split -= 1
    labels = [t for t in tokens[:split] if t not in _NO_FIGURE]
    numbers = tokens[split:]
    if not any(is_number_cell(t) for t in numbers):
        numbers = []
    if any(is_number_cell(t) for t in labels):
        return None, numbers
    return labels, numbers


def _fitted(cells: list[str], width: int) -> list[str]:
    """A text row's cells fitted to its table's columns: the empty ones marked after its last
    column left out (a page's spacer copied after a table, marked as a cell, is none of the
    row's); a row still too wide whose figures alone fill the columns is its figures (a page's
    empty cell under a header cell spanning two, none of the form's columns)."""
    cells = list(cells)
    while len(cells) > width and cells[-1] in _NO_FIGURE:
        cells.pop()
    figures = [c for c in cells if c not in _NO_FIGURE]
    return figures if len(cells) > width and len(figures) == width else cells


def _cells_only(line: str) -> bool:
    """A line of nothing but numbers and empty cells (—, 无): a row's numbers, or one cell
    (not a page's number: - 3 -, —3—)."""
    if not _CELLS_CHARS.match(line) or _PAGE_NUMBER.match(line):
        return False  # (most lines have a word: the regular expression tells at once)
    tokens = [t for t in _SEPARATORS.split(line) if t]
    return bool(tokens) and all(is_number_cell(t) or t.strip() in _NO_FIGURE for t in tokens)


def _marks_only(line: str) -> bool:
    """A line of empty cells alone (—, /, 无): no row's label, no figure."""
    return _cells_only(line) and not _has_number(_SEPARATORS.split(line))


def is_figures_row(line: str) -> bool:
    """A line of a table's cells only, one of them a figure (the others figures or empty cells
    marked —, 无): a row's numbers, or a cell."""
    return _cells_only(line) and _has_number(_SEPARATORS.split(line))


def join_cell_lines(lines: Sequence[Line], attach: bool = True) -> list[Line]:
    """The lines with a table written one cell a line put back into rows: a run of lines of
    numbers becomes one line and, with `attach`, joins the line of words just before it (the
    row's label). A web page's text as a browser copies it or a crawler keeps it has its tables
    so; a PDF may set a row's numbers on the line under its label. A joined line spans its first
    line's start to its last line's end, so that its quote is the text as written; other lines
    are as they were."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        start, _, line = lines[i]
        if not _cells_only(line):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _cells_only(lines[j][2]):
            j += 1
        run = (start, lines[j - 1][1], " ".join(" ".join(t.split()) for _, _, t in lines[i:j]))
        # (a run of empty cells alone is no row's figures: after a header's last cell, the
        # empty cells that close its row)
        if attach and out and out[-1] == lines[i - 1] and is_figures_row(run[2]):
            labels, numbers = _label_numbers(out[-1][2])
            if labels and not numbers and "。" not in out[-1][2]:
                run = (out[-1][0], run[1], f"{' '.join(out[-1][2].split())} {run[2]}")
                out.pop()
        out.append(run)
        i = j
    return out


def _segment_lines(
    lines: Sequence[Line], j: int, words: dict[str, str]
) -> tuple[list[str] | None, int]:
    """The header words of line j, with the line after it when a cell's words were broken over
    two lines (商业 / 企业); and how many lines they took."""
    found = _segment(lines[j][2], words)
    if found is None and j + 1 < len(lines):
        joined = _segment(lines[j][2] + lines[j + 1][2], words)
        if joined is not None and len(joined) == 1:
            return joined, 2
        paired = _paired_cells(lines[j][2], lines[j + 1][2], words)
        if paired is not None:
            return paired, 2
    return found, 1


def _paired_cells(upper: str, lower: str, words: dict[str, str]) -> list[str] | None:
    """A header row whose narrow cells broke their words over two lines, each cell's second
    part on the line under it in the cells' order (商业 | 科研 | 社会公益组织 | 法律服务机构 |
    其他 over 企业 | 机构, as a crawler keeps a page's table): the row's words with the parts
    put back together; None unless every cell then is a header word."""
    cells = [c for c in _SEPARATORS.split(upper) if c]
    tails = [c for c in _SEPARATORS.split(lower) if c]
    broken = [k for k, c in enumerate(cells) if _term(words, c) is None]
    if len(broken) < 2 or len(broken) != len(tails) or _DIGIT.search(upper + lower):
        return None
    for k, tail in zip(broken, tails, strict=True):
        cells[k] += tail
    found = [_term(words, c) for c in cells]
    return None if None in found else [w for w in found if w is not None]


# ── cells with positions ────────────────────────────────────────────────────────────────────


def _stacks(header: Sequence[Sequence[str]], width: int) -> list[list[str]]:
    """For each column position, the header texts over it, top down.

    A cell covers its own position and the empty ones to its right, within the cell above it:
    a merged cell written once (empty positions after it) or in every position reads alike, and
    an empty position under a cell that spans rows is left to that cell."""
    stacks: list[list[str]] = [[] for _ in range(width)]
    parents = [(0, width)]
    for cells in header:
        row = [*cells, *[""] * (width - len(cells))]
        intervals: list[tuple[int, int]] = []
        for a, b in parents:
            origins = [p for p in range(a, b) if row[p].strip()]
            if not origins:
                intervals.append((a, b))
                continue
            if origins[0] > a:
                intervals.append((a, origins[0]))
            for i, p in enumerate(origins):
                end = origins[i + 1] if i + 1 < len(origins) else b
                intervals.append((p, end))
                for q in range(p, end):
                    stacks[q].append(row[p])
        parents = intervals
    return stacks


def _has_number(cells: Sequence[str]) -> bool:
    return any(is_number_cell(c) for c in cells)


def _total_of_parts(numbers: Sequence[str], leaves: Sequence[str]) -> list[tuple[str, str]]:
    """A text row of table 三 that lost its empty cells (本年新收… | 3 | 3 |, the crawler keeping
    only the filled ones): its last number is the 总计 when it is the sum of the others (the
    form's own check) — the others' columns stay unknown; its one number, when it kept one, is
    the 总计 (whichever cell it was: the others blank). Nothing otherwise."""
    figures = [n for n in numbers if _filled(n)]
    if not figures or not leaves or leaves[-1] != TOTAL:
        return []
    # (本年新收…数量 | 0 |: one figure alone is the 总计 — a part filled makes the 总计 a second)
    if len(figures) == 1:
        return [(TOTAL, figures[0])]
    if not all(re.fullmatch(r"[0-9]+", n.strip()) for n in figures):
        return []
    *parts, last = (int(n) for n in figures)
    return [(TOTAL, figures[-1])] if sum(parts) == last else []


class ThreeReader:
    """Table 三: rows by the form's wording, columns the applicant vocabulary's terms."""

    joins_labels = True

    def __init__(self, catalogue: Catalogue, table: StatutoryTable) -> None:
        self.rows = _form_rows(table)
        self.words = _vocabulary_words(catalogue, table.vocabulary)
        self.words.setdefault(_key("申请人情况"), _FILLER)
        self.parts = {
            t: term.parts for t, term in catalogue.vocabularies[table.vocabulary].terms.items()
        }
        self.carried: tuple[int, dict[int, str]] | None = None  # width and columns
        # the form's columns in its own order: the terms that are no subtotal, then 总计
        self.form_order = [t for t, parts in self.parts.items() if not parts] + [TOTAL]

    def _context_ok(self, row: _FormRow, context: set[str]) -> bool:
        # 3.其他 is only 其他处理's third item where 其他处理 or a sibling came just before
        if row.parent is None or any(len(c) > 2 for c in row.cores):
            return True
        return row.parent in context

    def _cells(
        self, labels: Sequence[str], values: list[tuple[str, str]], context: set[str]
    ) -> tuple[list[Cell] | None, set[str]]:
        """The figures of a row (None: not a row of the table) and the context after it."""
        row, parents = _own_row(self.rows, labels)
        if row is None or not self._context_ok(row, context | parents):
            return None, context
        after = {row.parent} if row.parent else {row.metric}
        cells = [
            Cell(Slot(row.metric, None if term == TOTAL else term), written)
            for term, written in values
        ]
        return cells, after

    def grid(self, table: Grid) -> list[Row]:
        """The rows of a table with positions. A table of the same width going on without a
        header (a PDF table broken over two pages) keeps the columns of the one before."""
        header: list[Sequence[str]] = []
        columns: dict[int, str] | None = None
        out: list[Row] = []
        context: set[str] = set()
        width = max((len(r) for r in table), default=0)
        for cells in table:
            if columns is None and not _has_number(cells):
                if any(_term(self.words, c) not in (None, _FILLER) for c in cells if c.strip()):
                    header.append(cells)
                    continue
                if not header:
                    continue  # a title row above the header
            if columns is None:
                columns = self._columns(header, width) if header else self._carried(cells, width)
                if columns is None:
                    return []
                self.carried = (width, columns)
            labels = [c for p, c in enumerate(cells) if p not in columns and c.strip()]
            values = [(columns[p], c) for p, c in enumerate(cells) if p in columns and _filled(c)]
            if not values:
                _, context = self._cells(labels, [], context)
                continue
            found, context = self._cells(labels, values, context)
            if found is not None:
                numbers = all(is_number_cell(c.written) for c in found)
                out.append(
                    Row(cells, None, [c for c in found if is_number_cell(c.written)], numbers)
                )
            elif _has_number(cells):
                out.append(Row(cells, None, [], False))
        return out

    def _carried(self, cells: Sequence[str], width: int) -> dict[int, str] | None:
        """The columns of the table before, when this one goes on with the same width and a row
        of the form; None otherwise."""
        if self.carried is None or self.carried[0] != width:
            return None
        columns = self.carried[1]
        labels = [c for p, c in enumerate(cells) if p not in columns and c.strip()]
        return columns if _own_row(self.rows, labels)[0] is not None else None

    def _columns(self, header: Sequence[Sequence[str]], width: int) -> dict[int, str] | None:
        columns: dict[int, str] = {}
        for position, stack in enumerate(_stacks(header, width)):
            for text in reversed(stack):  # the lowest header cell naming a column wins
                term = _term(self.words, text)
                if term is not None and term != _FILLER:
                    columns[position] = term
                    break
        named = {t for t in columns.values() if t != TOTAL}
        if len(named) < 2 or len(set(columns.values())) != len(columns):
            return None  # not this table, or a column named twice
        return columns

    def text(self, lines: Sequence[Line]) -> list[Row]:
        out: list[Row] = []
        i = 0
        while i < len(lines):
            run, j = self._header_run(lines, i)
            if run is None:
                i = j
                continue
            leaves = self._leaves(run)
            i = j
            if leaves is None:
                continue
            context: set[str] = set()
            misses = 0  # lines in a row that are not the table's: it has ended
            while i < len(lines) and misses < 3 and self._header_line(lines[i][2]) is None:
                start, end, line = lines[i]
                i += 1
                if _marks_only(line):
                    continue  # (a row's empty cells on lines of their own)
                labels, numbers = _label_numbers(line)
                if labels is None:
                    misses += 1
                    continue
                row, _ = _own_row(self.rows, labels)
                misses = 0 if row is not None or numbers else misses + 1
                numbers = _fitted(numbers, len(leaves))
                placed = len(numbers) == len(leaves)
                pairs = zip(leaves, numbers, strict=False)
                values = [(c, n) for c, n in pairs if _filled(n)] if placed else []
                # (not on the text's last line: a page cut off inside a row lost its last
                # cells, not its empty ones)
                whole = i < len(lines)
                total = None if placed or not whole else _total_of_parts(numbers, leaves)
                found, context = self._cells(labels, values or total or [], context)
                if total and found:  # (the 总计 alone)
                    found = [Cell(c.slot, c.written, c.unit, inferred=True) for c in found]
                if numbers:
                    out.append(Row(None, (start, end), found or [], placed and found is not None))
        return out or self._in_form_order(lines)

    def _in_form_order(self, lines: Sequence[Line]) -> list[Row]:
        """Rows of a table whose header is not words (a PDF's narrow columns print 商业企业 a
        character a line), or on a page after it: a row of the form's wording with as many
        figures as the form has columns, read in the form's own order when its 总计 is the sum
        of the others (the form's check). A row with fewer figures gives its 总计 when the sum
        tells it (`_total_of_parts`); any other row of the form with figures is a row whose
        columns are not certain, so that no prose rule reads its first number (本年新收…申请数量
        5 1 0 0 0 1 8: the 5 is the 自然人 column, not the year's requests)."""
        out: list[Row] = []
        context: set[str] = set()
        width = len(self.form_order)
        for at, (start, end, line) in enumerate(lines):
            labels, numbers = _label_numbers(line)
            if not labels or len(numbers) < 2:
                continue
            whole = all(re.fullmatch(r"[0-9]+", n) for n in numbers)
            values: list[tuple[str, str]] = []
            inferred = False
            if whole and len(numbers) == width and sum(map(int, numbers[:-1])) == int(numbers[-1]):
                values = list(zip(self.form_order, numbers, strict=True))
            elif len(numbers) < width and at + 1 < len(lines):
                # (not on the text's last line: a page cut off inside a row lost its last cells)
                values = _total_of_parts(numbers, self.form_order)
                inferred = bool(values)
            found, context = self._cells(labels, values, context)
            if found is None:
                continue
            if inferred:
                found = [Cell(c.slot, c.written, c.unit, inferred=True) for c in found]
            out.append(Row(None, (start, end), found, bool(found) and not inferred))
        return out

    def _header_line(self, line: str) -> list[str] | None:
        """The column words of a header line (申请人情况 and remarks aside), or None."""
        words = _segment(line, self.words)
        if not words or all(w == _FILLER for w in words):
            return None
        return [w for w in words if w != _FILLER]

    def _header_run(self, lines: Sequence[Line], i: int) -> tuple[list[list[str]] | None, int]:
        """The header lines from line i on (a line of remarks or 申请人情况 among them) and the
        line after them; None when they name fewer than two columns."""
        run: list[list[str]] = []
        j = i
        while j < len(lines):
            words, taken = _segment_lines(lines, j, self.words)
            if words is None:
                break
            named = [w for w in words if w != _FILLER]
            if named:
                run.append(named)
            j += taken
        terms = {w for line in run for w in line if w != TOTAL}
        return (run, j) if len(terms) >= 2 else (None, max(j, i + 1))

    def _leaves(self, run: list[list[str]]) -> list[str] | None:
        """The columns in order, from header lines that lost their positions: each line's order
        kept, a subtotal (法人或其他组织) standing for its parts where they are given; None
        when the lines leave the order open."""
        given = {w for line in run for w in line}
        if len(run) > 2 and all(len(line) == 1 for line in run):
            return self._one_a_line([line[0] for line in run])
        sequences = []
        for line in run:
            expanded: list[str] = []
            for word in line:
                parts = [p for p in self.parts.get(word, ()) if p in given]
                if parts:
                    order = [w for other in run for w in other if w in parts]
                    expanded.extend(dict.fromkeys(order))
                else:
                    expanded.append(word)
            sequences.append(expanded)
        return _merge_orders(sequences)

    def _one_a_line(self, words: list[str]) -> list[str] | None:
        """The columns of a header written one cell a line, in the order of a web page's cells:
        a subtotal (法人或其他组织) before the parts in the row under it, which stand in its
        place; None when a word comes twice."""
        order: list[str] = []
        for k, word in enumerate(words):
            if word in order:
                continue
            parts = [p for p in words[k + 1 :] if p in self.parts.get(word, ())]
            order.extend(parts or [word])
        return order if len(order) == len(words) - len(self._subtotals(words)) else None

    def _subtotals(self, words: list[str]) -> set[str]:
        return {w for w in words if any(p in words for p in self.parts.get(w, ()))}


def _merge_orders(sequences: list[list[str]]) -> list[str] | None:
    """The one order of all words agreeing with each sequence's order; None when there is none
    or several (a word repeated, or two words never put in order)."""
    nodes: list[str] = []
    after: dict[str, set[str]] = {}
    for sequence in sequences:
        if len(set(sequence)) != len(sequence):
            return None
        for word in sequence:
            if word not in after:
                nodes.append(word)
                after[word] = set()
        for a, b in pairwise(sequence):
            after[a].add(b)
    before = {n: sum(n in after[m] for m in nodes) for n in nodes}
    order: list[str] = []
    ready = [n for n in nodes if before[n] == 0]
    while ready:
        if len(ready) > 1:
            return None
        node = ready.pop()
        order.append(node)
        for nxt in sorted(after[node]):
            before[nxt] -= 1
            if before[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(nodes) else None


class FourReader:
    """Table 四: columns are (group, result): 行政复议 and 行政诉讼's two kinds of suit, each
    with 结果维持 … 总计; the group names the metric, the result the category."""

    # the numbers under the header go on one line by themselves (no row label to join)
    joins_labels = False

    def __init__(self, catalogue: Catalogue, table: StatutoryTable) -> None:
        self.words = _vocabulary_words(catalogue, table.vocabulary)
        self.groups: dict[str, str] = {}  # key of a group's name → metric
        self.children: dict[str, list[str]] = {}
        parent: str | None = None
        for row in table.rows:
            self.groups[_key(row.zh.split("·")[-1])] = row.metric
            if row.indent and parent:
                self.children.setdefault(parent, []).append(row.metric)
            else:
                parent = row.metric
        self.all_words = {**self.words, **{k: "\x00g" + m for k, m in self.groups.items()}}
        # the form's columns in its own order: each leaf group's results, then its 总计
        leaf_groups = [r.metric for r in table.rows if r.indent or r.metric not in self.children]
        results = [*catalogue.vocabularies[table.vocabulary].terms, TOTAL]
        self.form_order = [Slot(g, None if t == TOTAL else t) for g in leaf_groups for t in results]
        self.group_width = len(results)

    def _group(self, text: str) -> str | None:
        return self.groups.get(_key(text))

    def grid(self, table: Grid) -> list[Row]:
        width = max((len(r) for r in table), default=0)
        header: list[Sequence[str]] = []
        columns: dict[int, Slot] | None = None
        out: list[Row] = []
        for cells in table:
            if columns is None and not _has_number(cells):
                texts = [c for c in cells if c.strip()]
                if any(self._group(c) or _term(self.words, c) for c in texts):
                    header.append(cells)
                continue
            if columns is None:
                columns = self._columns(header, width)
                if columns is None:
                    return []
            values = [(columns[p], c) for p, c in enumerate(cells) if p in columns and _filled(c)]
            labels = [c for p, c in enumerate(cells) if p not in columns and c.strip()]
            if labels or not values:
                continue
            found = [Cell(slot, c) for slot, c in values if is_number_cell(c)]
            out.append(Row(cells, None, found, len(found) == len(values)))
        return out

    def _columns(self, header: Sequence[Sequence[str]], width: int) -> dict[int, Slot] | None:
        columns: dict[int, Slot] = {}
        for position, stack in enumerate(_stacks(header, width)):
            terms = [t for t in (_term(self.words, s) for s in stack) if t not in (None, _FILLER)]
            groups = [g for g in (self._group(s) for s in stack) if g]
            if terms and groups:
                term = terms[-1]
                columns[position] = Slot(groups[-1], None if term == TOTAL else term)
        slots = list(columns.values())
        if len({s.metric for s in slots}) < 2 or len(set(slots)) != len(slots):
            return None
        return columns

    def text(self, lines: Sequence[Line]) -> list[Row]:
        out: list[Row] = []
        i = 0
        while i < len(lines):
            run: list[list[str]] = []
            while i < len(lines):
                words, taken = _segment_lines(lines, i, self.all_words)
                if not words:
                    break
                run.append(words)
                i += taken
            if not run:
                i += 1
                continue
            leaves = self._leaves([w for line in run for w in line])
            if leaves is None:
                leaves, i = self._in_form_order(run, lines, i)
            if leaves is None or i >= len(lines):
                continue
            start, end, line = lines[i]
            if is_figures_row(line):
                tokens = _fitted([t for t in _SEPARATORS.split(line) if t], len(leaves))
                placed = len(tokens) == len(leaves)
                pairs = zip(leaves, tokens, strict=False)
                cells = [Cell(s, t) for s, t in pairs if _filled(t)] if placed else []
                out.append(Row(None, (start, end), cells, placed))
                i += 1
        return out

    def _in_form_order(
        self, run: list[list[str]], lines: Sequence[Line], i: int
    ) -> tuple[list[Slot] | None, int]:
        """Under the form's group names whose result headings are not words (a PDF's narrow
        columns print 结果维持 a character a line: 结 结 其 尚 / 果 果 他 未 …): the first row of
        as many figures as the form has columns, within a few lines and no other figure before
        it, read in the form's own order — when each group's 总计 is the sum of its results
        (the form's check). None otherwise; and the line to go on from."""
        groups = {w[2:] for line in run for w in line if w.startswith("\x00g")}
        if not {s.metric for s in self.form_order} <= groups | {
            kid for g in groups for kid in self.children.get(g, ())
        }:
            return None, i
        width = len(self.form_order)
        for j in range(i, min(i + 12, len(lines))):
            line = lines[j][2]
            if not _DIGIT.search(line):
                continue  # (a line of the headings' characters)
            tokens = [t for t in _SEPARATORS.split(line) if t]
            if not is_figures_row(line) or len(tokens) != width:
                return None, i
            if not all(re.fullmatch(r"[0-9]+", t) for t in tokens):
                return None, i
            values = [int(t) for t in tokens]
            for k in range(0, width, self.group_width):
                *results, total = values[k : k + self.group_width]
                if sum(results) != total:
                    return None, i
            return list(self.form_order), j
        return None, i

    def _leaves(self, words: list[str]) -> list[Slot] | None:
        groups = list(dict.fromkeys(w[2:] for w in words if w.startswith("\x00g")))
        leaf_groups: list[str] = []
        for group in groups:
            if any(group in kids for kids in self.children.values()):
                continue  # placed with its parent
            kids = [g for g in groups if g in self.children.get(group, ())]
            leaf_groups.extend(kids or [group])
        runs: list[list[str]] = []
        for word in words:
            if word.startswith("\x00g"):
                continue
            if not runs or word in runs[-1]:
                runs.append([])
            runs[-1].append(word)
        if len(leaf_groups) < 2 or len(runs) != len(leaf_groups):
            return None
        return [
            Slot(group, None if term == TOTAL else term)
            for group, run in zip(leaf_groups, runs, strict=True)
            for term in run
        ]


# 第二十条(六)项: the item's 第 left out
_ITEM_WITHOUT_DI = re.compile(r"(第二十[条條])\s*(?=[（(])")


def _heading_key(text: str) -> str:
    """A block's 第二十条第（X）项 line as compared, written with or without the item's 第."""
    return _key(_ITEM_WITHOUT_DI.sub(r"\1第", text))


@dataclass(frozen=True, slots=True)
class _GridBlock:
    heading: str  # key of 第二十条第（一）项
    columns: tuple[str, ...]  # keys of the column headings
    bare: tuple[str, ...]  # the same without remarks (单位：万元)
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (key of the row's wording, its metrics)


class TwoReader:
    """Table 二 (both forms): blocks under 第二十条第（X）项, each with its header row 信息内容 …
    and rows whose every cell is its own metric; the header says which form's block it is."""

    joins_labels = True

    def __init__(self, catalogue: Catalogue) -> None:
        self.item = {_key(g.item.zh) for g in catalogue.grids.values()}
        self.blocks = [
            _GridBlock(
                _key(block.zh),
                tuple(_key(c.zh) for c in block.columns),
                tuple(_key(_REMARK.sub("", c.zh)) for c in block.columns),
                tuple((_bare(r.zh), r.cells) for r in block.rows),
            )
            for grid in catalogue.grids.values()
            for block in grid.blocks
        ]
        self.headings = {b.heading for b in self.blocks}

    def _candidates(self, headings: Sequence[str], heading: str | None) -> list[_GridBlock]:
        full = "".join(_key(h) for h in headings)
        bare = "".join(_key(_REMARK.sub("", h)) for h in headings)
        blocks = [b for b in self.blocks if heading is None or b.heading == heading]
        found = [
            b
            for b in blocks
            if full in ("".join(b.columns), "".join(b.bare)) or bare == "".join(b.bare)
        ]
        if found or heading is None:
            return found
        # 本年新 | 本年新 | 对外公开总数量: headings cut to their first line (a crawler keeps a
        # cell's first line), each the start of the form's own heading in the same place —
        # only under the block's own 第二十条 line
        cut = [_key(_REMARK.sub("", h)) for h in headings if _key(h)]
        return [
            b
            for b in blocks
            if len(cut) == len(b.bare) > 1
            and all(len(h) >= 3 and c.startswith(h) for h, c in zip(cut, b.bare, strict=True))
        ]

    def _row(self, blocks: Sequence[_GridBlock], label: str) -> tuple[str, ...] | None:
        key = _bare(label)
        rows = {cells: wording for b in blocks for wording, cells in b.rows}
        exact = [c for c, w in rows.items() if w == key]
        if exact:
            return exact[0] if len(exact) == 1 else None
        near = [c for c, w in rows.items() if key and (w in key or key in w)]
        return near[0] if len(near) == 1 else None

    def grid(self, table: Grid) -> list[Row]:
        out: list[Row] = []
        heading: str | None = None
        blocks: list[_GridBlock] = []
        intervals: list[tuple[int, int, str]] = []
        for cells in table:
            texts = [(p, c) for p, c in enumerate(cells) if c.strip()]
            if not texts:
                continue
            if all(_heading_key(c) in self.headings for _, c in texts):
                heading, blocks = _heading_key(texts[0][1]), []
                continue
            if _key(texts[0][1]) in self.item:
                heads = _collapse(texts[1:])
                blocks = self._candidates([c for _, c in heads], heading)
                ends = [p for p, _ in heads[1:]] + [1 << 30]
                intervals = [(p, e, c) for (p, c), e in zip(heads, ends, strict=True)]
                continue
            values = [(p, c) for p, c in texts[1:] if _filled(c)]
            if not blocks or not values:
                continue
            metrics = self._row(blocks, texts[0][1])
            if metrics is None:
                if _has_number([c for _, c in values]):
                    out.append(Row(cells, None, [], False))
                continue
            placed: dict[int, str] = {}
            read = True
            for p, written in values:
                index = next((i for i, (a, e, _) in enumerate(intervals) if a <= p < e), None)
                if index is None or index >= len(metrics) or placed.get(index, written) != written:
                    read = False  # a cell under no heading, or two cells under one
                placed.setdefault(index if index is not None else -1, written)
            found = [
                Cell(Slot(metrics[i]), w, _unit_hint(intervals[i][2]))
                for i, w in placed.items()
                if 0 <= i < len(metrics) and is_number_cell(w)
            ]
            out.append(Row(cells, None, found if read else [], read))
        return out

    def text(self, lines: Sequence[Line]) -> list[Row]:
        out: list[Row] = []
        heading: str | None = None
        blocks: list[_GridBlock] = []
        header_text = ""
        i = 0
        while i < len(lines):
            start, end, line = lines[i]
            i += 1
            if "第二十" in line and _heading_key(line) in self.headings:
                heading, blocks = _heading_key(line), []
                continue
            tokens = [t for t in _SEPARATORS.split(line) if t]
            heads = None
            if "信息" in line:  # 信息内容, in either script
                heads = next(
                    (tokens[k:] for k in (1, 2) if _key("".join(tokens[:k])) in self.item), None
                )
            if heads == []:  # one cell a line: the column headings are the lines after it
                heads, i = self._heads_below(lines, i, heading)
            if heads is not None:
                blocks = self._candidates(heads, heading)
                header_text = " ".join(heads)
                continue
            if not blocks or _marks_only(line):
                continue
            labels, numbers = _label_numbers(line)
            metrics = self._row(blocks, "".join(labels)) if labels else None
            if not numbers:
                if metrics is None:
                    blocks = []  # a line that is not the block's: the block has ended
                continue
            if metrics is None:
                out.append(Row(None, (start, end), [], False))
                continue
            numbers = _fitted(numbers, len(metrics))
            placed = len(numbers) == len(metrics)
            hint = _unit_hint(header_text)
            cells = [
                Cell(Slot(m), n, hint) for m, n in zip(metrics, numbers, strict=False) if _filled(n)
            ]
            out.append(Row(None, (start, end), cells if placed else [], placed))
        return out

    def _heads_below(
        self, lines: Sequence[Line], i: int, heading: str | None
    ) -> tuple[list[str], int]:
        """The column headings of a block written one cell a line, from line i on: the most
        lines that name a block's columns (a heading broken over lines joins up), and the line
        after them."""
        best: tuple[list[str], int] = ([], i)
        heads: list[str] = []
        for j in range(i, min(i + 6, len(lines))):
            if _DIGIT.search(_REMARK.sub("", lines[j][2])):
                break
            heads.append(lines[j][2])
            if self._candidates(heads, heading):
                best = (list(heads), j + 1)
        return best


def _collapse(cells: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Header cells with a merged cell's repeated text counted once."""
    out: list[tuple[int, str]] = []
    for position, text in cells:
        if out and out[-1][1] == text:
            continue
        out.append((position, text))
    return out


def _unit_hint(heading: str) -> str | None:
    found = _UNIT_HINT.search(heading.replace(" ", ""))
    return found[1] if found else None


# ── the single table of the reports before 2019 ─────────────────────────────────────────────

_PARENT = "\x00parent"
# The rows of 政府信息公开情况统计表 that have a home in the catalogue, by their wording:
# (pattern on the bare wording, metric, channel, category). Rows without a home are skipped.
_OLD_ROWS: tuple[tuple[re.Pattern[str], str, str | None, str | None], ...] = tuple(
    (re.compile(pattern), metric, channel, category)
    for pattern, metric, channel, category in (
        (r"^主动公开政府信息数", "items_published", None, None),
        (r"^(?:其中)?主动公开规范性文件数", "items_published", None, "documents"),
        (r"^政务微博公开政府信息数", "items_published", "weibo", None),
        (r"^政务微信公开政府信息数", "items_published", "wechat", None),
        (r"^回应公众关注热点或重大舆情数", "concern_responses", None, None),
        (r"^参加或举办新闻发布会总?次数", "press_conferences", None, None),
        (r"^政策解读稿件发布数", "interpretations", None, None),
        (r"^收到申请数", "requests_new", None, None),
        (r"^当面申请数", "requests_by_method", None, "in_person"),
        (r"^传真申请数", "requests_by_method", None, "fax"),
        (r"^(?:网络|网上)申请数", "requests_by_method", None, "online"),
        (r"^信函申请数", "requests_by_method", None, "letter"),
        (r"^电子邮件申请数", "requests_by_method", None, "email"),
        (r"^申请办结数", "requests_completed", None, None),
        (r"^行政复议数量?$", "appeal_review", None, None),
        (r"^行政诉讼数量?$", "litigation_cases", None, None),
        (r"^维持具体行政行为", _PARENT, None, "upheld"),
        (r"^被依法纠错数", _PARENT, None, "corrected"),
        (r"^其他情形数", _PARENT, None, "other"),
        (r"^依申请公开信息收取的费用", "request_fees", None, None),
        (r"^从事政府信息公开工作人员数", "disclosure_staff", None, None),
        (r"^召开政府信息公开工作会议或专题会议数", "meetings", None, None),
        (r"^举办各类培训班数", "training_sessions", None, None),
        (r"^接受培训人员数", "trainees", None, None),
    )
)
_OLD_PARENTS = ("appeal_review", "litigation_cases")
_OLD_VALUE = re.compile(r"统计数|数量|数值|本年")
_OLD_NOT_VALUE = re.compile(r"累计|上年|代码|序号|单位|指标")


class OldReader:
    """政府信息公开情况统计表 (指标 / 单位 / 统计数): the rows the catalogue has a home for."""

    joins_labels = True

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def _slot(self, label: str, parent: str | None) -> tuple[Slot | None, str | None]:
        """The slot a row's wording names, and the parent for the rows after it."""
        key = _bare(label.replace("其中：", "").replace("其中:", ""))
        for pattern, metric, channel, category in _OLD_ROWS:
            if not pattern.search(key):
                continue
            if metric == _PARENT:
                return (Slot(parent, category) if parent else None), parent
            if metric not in self.catalogue.metrics:
                return None, None
            return Slot(metric, category, channel), metric if metric in _OLD_PARENTS else None
        return None, parent if re.match(r"^[（(]", label.strip()) else None

    def _header(self, cells: Sequence[str]) -> tuple[int, int] | None:
        """(unit column, value column) of a header row, when it is one with one value column."""
        keys = [_key(c) for c in cells]
        units = [p for p, k in enumerate(keys) if k.endswith("单位")]
        values = [
            p for p, k in enumerate(keys) if _OLD_VALUE.search(k) and not _OLD_NOT_VALUE.search(k)
        ]
        if len(units) == 1 and len(values) == 1 and any("指标" in k for k in keys):
            return units[0], values[0]
        return None

    def grid(self, table: Grid) -> list[Row]:
        out: list[Row] = []
        columns: tuple[int, int] | None = None
        parent: str | None = None
        for cells in table:
            if columns is None:
                columns = self._header(cells)
                continue
            unit_at, value_at = columns
            labels = [c for p, c in enumerate(cells) if p < unit_at and c.strip()]
            if not labels:
                continue
            slot, parent = self._slot(labels[-1], parent)
            value = cells[value_at] if value_at < len(cells) else ""
            unit = cells[unit_at] if unit_at < len(cells) else ""
            if slot is None or not value.strip():
                if is_number_cell(value):
                    out.append(Row(cells, None, [], False))
                continue
            read = is_number_cell(value)
            out.append(Row(cells, None, [Cell(slot, value, unit or None)] if read else [], read))
        return out

    def text(self, lines: Sequence[Line]) -> list[Row]:
        out: list[Row] = []
        inside = False
        parent: str | None = None
        label: Line | None = None  # the line before, when it held words only
        for k, (start, end, line) in enumerate(lines):
            tokens = [t for t in _SEPARATORS.split(line) if t]
            before, label = label, None
            if not inside or "。" in line:  # a sentence: the table, if any, has ended
                # 单位 / 單位; one cell a line, the header is its next lines
                header = [ln for _, _, ln in lines[k : k + 3]]
                inside = ("位" in line and self._header(tokens) is not None) or (
                    "位" in "".join(header) and self._header(header) is not None
                )
                continue
            if tokens and is_number_cell(tokens[-1]):
                if len(tokens) == 2 and before is not None and not is_number_cell(tokens[0]):
                    # one cell a line: the label's line, then the unit and the number
                    start, tokens = before[0], [before[2], *tokens]
                if len(tokens) < 3 or not _key(tokens[-2]) or is_number_cell(tokens[-2]):
                    continue
                slot, parent = self._slot("".join(tokens[:-2]), parent)
                cells = [Cell(slot, tokens[-1], tokens[-2])] if slot else []
                out.append(Row(None, (start, end), cells, slot is not None))
            elif len(tokens) == 1 and len(tokens[0]) <= 2:
                continue  # one cell a line: a unit whose number cell is empty
            elif tokens:
                _, parent = self._slot("".join(tokens[:-1] or tokens), parent)
                label = (start, end, line)
        return out


class Reader(Protocol):
    """A form's reader: the rows of a table with positions, and of the text's lines (one cell
    a line joined into rows by `join_cell_lines`, the numbers to their label when
    `joins_labels`)."""

    joins_labels: bool

    def grid(self, table: Grid) -> list[Row]: ...

    def text(self, lines: Sequence[Line]) -> list[Row]: ...


def readers(catalogue: Catalogue) -> dict[str, Reader]:
    """A reader for each form the catalogue describes (new for each document: a reader keeps
    what one table leaves to the next)."""
    readers: dict[str, Reader] = {}
    if "three" in catalogue.tables:
        readers["three"] = ThreeReader(catalogue, catalogue.tables["three"])
    if "four" in catalogue.tables:
        readers["four"] = FourReader(catalogue, catalogue.tables["four"])
    if catalogue.grids:
        readers["two"] = TwoReader(catalogue)
    readers["old"] = OldReader(catalogue)
    return readers
