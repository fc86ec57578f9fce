"""The ruled tables of a PDF's pages, put back together as the report's author wrote them.

A report printed from Word draws its statutory tables with rules; pdfplumber finds each page's
part of a table as a grid of cells. What print adds is undone here:

- a cell's text wraps over printed lines inside its narrow column (自然 / 人, 1.属 / 于国 / 家秘 /
  密): the lines are joined again, without a space where Chinese meets Chinese;
- a table runs over a page break: the part on the next page (nothing but page furniture between
  them, `printed.py`, and the same left and right rules) continues the part before it, and a
  row cut by the break (the label's last line 开 alone at the top of the next page, or a header
  cell 自然 / 人) is joined into the row it was cut from.

The parts are laid on one grid of columns (every rule's position in either part), so a merged
cell keeps its text in its first position and the positions it covers stay empty, as for a web
page's or a Word file's tables (`document.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dashboard.extract.printed import ITEM_MARKER, is_wide
from dashboard.extract.table_forms import is_number_cell

Table = list[list[str]]

# Rules closer than this (points) are one rule: the same table's rules drift a little between
# pages, and cells' bounding boxes are rounded differently.
_SAME_RULE = 2.5
# A row label that opens with an item marker starts a row of its own: it is never the tail of a
# row cut by a page break.
_ITEM_MARKER = re.compile(rf"^\s*{ITEM_MARKER}")


@dataclass
class Cell:
    x0: float
    x1: float
    bottom: float
    text: str


@dataclass
class PdfTable:
    """A table's part on one page: its rows of cells (a merged cell in the row it starts in)."""

    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[Cell]] = field(default_factory=list)
    # where its last page's part starts (the positions of a page's cells are the page's own)
    last_part: int = 0

    @property
    def cells(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row]


def cell_text(written: str | None) -> str:
    """A cell's printed lines joined into its text: no space between two lines where either side
    is Chinese (or full-width) or both are digits — a word or a number wrapped in a narrow
    column —, one space between words of Latin script."""
    lines = [" ".join(line.split()) for line in (written or "").split("\n")]
    text = ""
    for line in lines:
        if not line:
            continue
        if text and not (
            is_wide(text[-1]) or is_wide(line[0]) or (text[-1].isdigit() and line[0].isdigit())
        ):
            text += " "
        text += line
    return text


def page_tables(page: Any) -> list[PdfTable]:
    """The ruled tables pdfplumber finds on a page, top to bottom."""
    tables = []
    for found in page.find_tables():
        x0, top, x1, bottom = found.bbox
        table = PdfTable(x0, x1, top, bottom)
        for row, texts in zip(found.rows, found.extract(), strict=True):
            cells = [
                Cell(box[0], box[2], box[3], cell_text(written))
                for box, written in zip(row.cells, texts, strict=True)
                if box is not None
            ]
            if cells:
                table.rows.append(cells)
        if table.rows:
            tables.append(table)
    return sorted(tables, key=lambda t: t.top)


def continues(before: PdfTable, after: PdfTable) -> bool:
    """Whether `after`, at the top of a page, goes on with `before`, at the bottom of the page
    before (the caller has seen nothing but page furniture between them): the same outer rules."""
    return abs(before.x0 - after.x0) <= _SAME_RULE and abs(before.x1 - after.x1) <= _SAME_RULE


def _is_number(cell: Cell) -> bool:
    return is_number_cell(cell.text)


def _joined(head: str, tail: str) -> str:
    return cell_text(f"{head}\n{tail}")


def join_part(table: PdfTable, part: PdfTable) -> None:
    """Add the next page's part of a table to it: header rows Word repeats on each page are
    dropped, a row cut by the page break is joined up (`_cut_row_joined`)."""
    rows = list(part.rows)
    # header rows Word repeats at the top of each page
    repeated = 0
    while (
        repeated < min(len(rows), len(table.rows))
        and any(c.text for c in rows[repeated])
        and [c.text for c in rows[repeated]] == [c.text for c in table.rows[repeated]]
    ):
        repeated += 1
    rows = rows[repeated:]
    if table.rows and rows and not repeated:
        rows = _cut_row_joined(table, rows)
    table.last_part = len(table.rows)
    table.rows.extend(rows)
    table.bottom = part.bottom


def _cut_row_joined(table: PdfTable, rows: list[list[Cell]]) -> list[list[Cell]]:
    """The part's rows, its first joined into the table's last when it is that row's lower half.

    A row of its own: figures under figures, a label opening with an item marker (一、 (三) 2.),
    text under a figure or a figure under text (a cut cell goes on with what it held). Each cell
    of a lower half goes into the cell above it that ran to the page's foot with the same rules
    (自然 + 人); a cell with no such cell above (商业企业 under the merged 法人或其他组织) stays,
    in a row of its own."""
    first = rows[0]
    foot = [
        c
        for row in table.rows[table.last_part :]
        for c in row
        if abs(c.bottom - table.bottom) <= _SAME_RULE
    ]

    def above(cell: Cell) -> Cell | None:
        return next(
            (
                c
                for c in foot
                if abs(c.x0 - cell.x0) <= _SAME_RULE and abs(c.x1 - cell.x1) <= _SAME_RULE
            ),
            None,
        )

    labels = [c.text for c in first if c.text and not _is_number(c)]
    if any(_is_number(c) for c in table.rows[-1]) and any(_is_number(c) for c in first):
        return rows
    if labels and _ITEM_MARKER.match(labels[0]):
        return rows
    pairs = [(cell, above(cell)) for cell in first]
    for cell, top in pairs:
        if cell.text and top is not None and top.text and (_is_number(top) or _is_number(cell)):
            return rows
    left: list[Cell] = []
    for cell, top in pairs:
        if top is None:
            left.append(cell)
        elif cell.text:
            top.text = _joined(top.text, cell.text)
    return ([left] if any(c.text for c in left) else []) + rows[1:]


def _rules(cells: Sequence[Cell]) -> list[float]:
    """The column rules of a table's cells, rules closer than _SAME_RULE taken as one."""
    rules: list[float] = []
    for x in sorted({round(x, 1) for cell in cells for x in (cell.x0, cell.x1)}):
        if not rules or x - rules[-1] > _SAME_RULE:
            rules.append(x)
    return rules


def grid(table: PdfTable) -> Table:
    """The table as rows of cell text on one grid of columns: a merged cell's text in its first
    position, the positions it covers empty."""
    rules = _rules(table.cells)
    width = max(len(rules) - 1, 1)

    def column(x: float) -> int:
        return min(range(len(rules)), key=lambda i: abs(rules[i] - x))

    rows: Table = []
    for row in table.rows:
        out = [""] * width
        for cell in row:
            at = min(column(cell.x0), width - 1)
            out[at] = _joined(out[at], cell.text) if out[at] else cell.text
        if any(out):
            rows.append(out)
    return rows
