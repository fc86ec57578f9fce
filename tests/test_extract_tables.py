"""Statutory tables 二/三/四 (and the pre-2019 统计表) read out of report files cell by cell.

Real reports (tests/data/reports/, README there) are written as a web page with real rowspan/
colspan headers, a Word file with merged header cells, a PDF whose tables are only text laid out
in rows, and plain text; each is read with `read_report` + `extract_figures` and checked cell by
cell against the figures typed from the report.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import docx
import opencc
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from dashboard.cli import main
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.problems import ProblemCode
from dashboard.extract.document import ReportDocument, read_report
from dashboard.extract.figures import Extraction, Found, extract_figures, to_facts
from dashboard.extract.table_forms import is_number_cell
from dashboard.extract.tables import CONFIDENCE, INFERRED, read_tables
from dashboard.i18n.problems import problem_message
from dashboard.outputs.exporter import export_facts

REPORTS = Path(__file__).resolve().parent / "data" / "reports"
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

Cell = tuple[int, int, str, int, int]  # row, column, text, colspan, rowspan
Slot = tuple[str, str | None]


def _report(name: str) -> dict[str, Any]:
    return json.loads((REPORTS / name).read_text(encoding="utf-8"))


REAL = ("sh-bgt-2019.json", "lg-2024.json")


# ── writing the report as each kind of file ─────────────────────────────────────────────────


def _layout(rows: list[list[Any]]) -> tuple[list[Cell], int]:
    """Each written cell's top-left position in the table's grid (HTML's layout), and the width."""
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for spec in row:
            text, colspan, rowspan = (
                (spec["text"], spec["colspan"], spec["rowspan"])
                if isinstance(spec, dict)
                else (spec, 1, 1)
            )
            while (r, c) in taken:
                c += 1
            cells.append((r, c, text, colspan, rowspan))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return cells, max(c for _, c in taken) + 1


def _grid(rows: list[list[Any]]) -> list[list[str]]:
    """The table as document.py gives it: each text in its cell's first position."""
    cells, width = _layout(rows)
    grid = [[""] * width for _ in rows]
    for r, c, text, _, _ in cells:
        grid[r][c] = text
    return [row for row in grid if any(row)]


def _html(report: dict[str, Any], *, layout: bool = False) -> bytes:
    """The report as a web page; with `layout`, set inside a table's cell as old sites lay out
    their pages (a row of links above it)."""
    body = []
    for block in report["blocks"]:
        if "p" in block:
            body.append(f"<p>{html.escape(block['p'])}</p>")
            continue
        trs = []
        for row in block["table"]:
            tds = []
            for spec in row:
                text, cs, rs = (
                    (spec["text"], spec["colspan"], spec["rowspan"])
                    if isinstance(spec, dict)
                    else (spec, 1, 1)
                )
                spans = (f' colspan="{cs}"' if cs > 1 else "") + (
                    f' rowspan="{rs}"' if rs > 1 else ""
                )
                inner = f"<p align='center'>{html.escape(text)}</p>" if text else "&nbsp;"
                tds.append(f"<td nowrap='nowrap'{spans}>{inner}</td>")
            trs.append("<tr>" + "".join(tds) + "</tr>")
        body.append('<table border="1"><tbody>' + "".join(trs) + "</tbody></table>")
    content = "\n".join(body)
    if layout:
        content = (
            '<table width="100%"><tr><td><a>首页</a> | <a>政务公开</a></td></tr>'
            f'<tr><td><table class="article"><tr><td>{content}</td></tr></table></td></tr></table>'
        )
    page = (
        '<html><head><meta charset="utf-8"><title>年报</title></head><body><div class="zoom">'
        + content
        + "</div></body></html>"
    )
    return page.encode("utf-8")


def _docx(report: dict[str, Any], *, layout: bool = False) -> bytes:
    """The report as a Word file; with `layout`, written inside a one-cell table's cell."""
    document = docx.Document()
    container: Any = document.add_table(rows=1, cols=1).cell(0, 0) if layout else document
    for block in report["blocks"]:
        if "p" in block:
            container.add_paragraph(block["p"])
            continue
        cells, width = _layout(block["table"])
        table = container.add_table(rows=len(block["table"]), cols=width)
        table.style = "Table Grid"  # ruled, as reports' tables are (and print so to PDF)
        for r, c, text, colspan, rowspan in cells:
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:  # Word's merged cells: gridSpan and vMerge
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            if text:
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(report: dict[str, Any]) -> bytes:
    """The report drawn as a PDF with no table rules: each table row a line of text, its
    written cells apart (an empty cell leaves nothing on the page)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    size = 7.0
    y = 800.0

    def line(parts: list[str]) -> None:
        nonlocal y
        if y < 40:
            page.showPage()
            y = 800.0
        page.setFont(FONT, size)
        x = 30.0
        for part in parts:
            page.drawString(x, y, part)
            x += pdfmetrics.stringWidth(part, FONT, size) + 14
        y -= 11

    for block in report["blocks"]:
        if "p" in block:
            text = block["p"]
            for start in range(0, len(text), 70):  # paragraphs wrap; rows do not
                line([text[start : start + 70]])
            continue
        cells, _ = _layout(block["table"])
        for r in range(len(block["table"])):
            line([text for row, _, text, _, _ in sorted(cells) if row == r and text])
    page.save()
    return out.getvalue()


def _pdf_ruled(report: dict[str, Any]) -> bytes:
    """The report as a PDF whose tables are ruled grids (merged cells drawn as one box), as
    Word prints them: pdfplumber finds the tables, a merged cell's other positions empty."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    size, pad, height = 5.0, 4.0, 9.0
    y = 800.0
    for block in report["blocks"]:
        page.setFont(FONT, size)
        if "p" in block:
            for start in range(0, len(block["p"]), 100):
                page.drawString(20, y, block["p"][start : start + 100])
                y -= height
            continue
        cells, width = _layout(block["table"])
        widths = [12.0] * width
        for _, c, text, colspan, _ in sorted(cells, key=lambda cell: cell[3]):
            need = pdfmetrics.stringWidth(text, FONT, size) + 2 * pad
            have = sum(widths[c : c + colspan])
            widths[c + colspan - 1] += max(0.0, need - have)
        xs = [20.0]
        for w in widths:
            xs.append(xs[-1] + w)
        top = y - 4
        for r, c, text, colspan, rowspan in cells:
            x0, x1 = xs[c], xs[c + colspan]
            y0, y1 = top - r * height, top - (r + rowspan) * height
            page.rect(x0, y1, x1 - x0, y0 - y1)
            page.drawString(x0 + pad, y0 - height + 2.5, text)
        y = top - len(block["table"]) * height - 8
    page.save()
    return out.getvalue()


def _one_cell_a_line(report: dict[str, Any]) -> bytes:
    """The page's text as a crawler keeps it or some browsers copy it: every written cell on a
    line of its own, in the page's order (a merged header cell before the row under it), blank
    lines between."""
    parts: list[str] = []
    for block in report["blocks"]:
        if "p" in block:
            parts.append(block["p"])
            continue
        cells, _ = _layout(block["table"])
        parts.extend(text for _, _, text, _, _ in cells if text)
    return "\n\n".join(parts).encode("utf-8")


def _rows_as_text(report: dict[str, Any], written: Callable[[list[str]], str]) -> bytes:
    """The page's text with each table row a line, `written` from the texts of its own cells
    (a merged cell once, in the row it starts in)."""
    parts: list[str] = []
    for block in report["blocks"]:
        if "p" in block:
            parts.append(block["p"])
            continue
        for spec in block["table"]:
            parts.append(written([s["text"] if isinstance(s, dict) else s for s in spec]))
    return "\n".join(parts).encode("utf-8")


def _marked_rows(report: dict[str, Any], mark: str) -> bytes:
    """Text rows whose empty cells, in a row of figures, are written `mark` (—, /), as many
    reports print them."""

    def written(texts: list[str]) -> str:
        figures = any(t.strip() and is_number_cell(t) for t in texts)
        return " ".join(t or mark for t in texts if t or figures)

    return _rows_as_text(report, written)


def _barred_rows(report: dict[str, Any]) -> bytes:
    """The page's text as a crawler keeps it: each row's cells between bars, an empty cell
    nothing between two (规章 | 0 | | 0), header rows too."""
    return _rows_as_text(report, lambda texts: " | ".join(texts) + " |")


@cache
def _files(name: str) -> dict[str, ReportDocument]:
    """The report of tests/data/reports/`name` written as each kind of file and read back
    (once per test session: the documents are only read)."""
    report = _report(name)
    documents = {
        "report.html": read_report(_html(report), "report.html"),
        "report.docx": read_report(_docx(report), "report.docx"),
        "report.pdf": read_report(_pdf(report), "report.pdf"),
        "report-ruled.pdf": read_report(_pdf_ruled(report), "report-ruled.pdf"),
        "report-layout.html": read_report(_html(report, layout=True), "report-layout.html"),
        "report-layout.docx": read_report(_docx(report, layout=True), "report-layout.docx"),
    }
    # the page's text pasted as it reads: the tables are text rows now
    text = documents["report.html"].text.encode("utf-8")
    documents["report.txt"] = read_report(text, "report.txt")
    documents["report-cells.txt"] = read_report(_one_cell_a_line(report), "report-cells.txt")
    # text rows whose empty cells are marked keep their columns
    documents["report-dashes.txt"] = read_report(_marked_rows(report, "—"), "report-dashes.txt")
    documents["report-slashes.txt"] = read_report(_marked_rows(report, "/"), "report-slashes.txt")
    documents["report-bars.txt"] = read_report(_barred_rows(report), "report-bars.txt")
    # the Word file saved again as Word 97–2003 by LibreOffice (README there): its tables' rows
    # and cell edges are in its paragraphs' properties
    doc = (REPORTS / name.replace(".json", ".doc")).read_bytes()
    documents["report.doc"] = read_report(doc, "report.doc")
    # the Word file printed to PDF by LibreOffice: ruled tables over page breaks, cells wrapped
    printed = (REPORTS / name.replace(".json", ".pdf")).read_bytes()
    documents["report-printed.pdf"] = read_report(printed, "report-printed.pdf")
    for name, document in documents.items():
        assert document.problems == [], name
    return documents


def _expected(report: dict[str, Any], text_rows: bool) -> dict[Slot, tuple[float, str]]:
    """The typed figures; for text rows only the rows with every cell written (the others
    cannot be placed column by column) — and, of a table 三 row with two figures or more
    written, its 总计: the sum of the others; of one with one figure, its 总计 that figure
    (whichever column it was written in, the others blank)."""
    filled: dict[str, int] = {}
    for f in report["figures"]:
        filled[f["metric"]] = filled.get(f["metric"], 0) + 1
    expected = {
        (f["metric"], f["category"]): (f["value"], f["as_written"])
        for f in report["figures"]
        if f["text_row"]
        or not text_rows
        or (f["category"] is None and f["metric"] in THREE_ROWS and filled[f["metric"]] >= 2)
    }
    if text_rows:
        for f in report["figures"]:
            if f["metric"] in THREE_ROWS and filled[f["metric"]] == 1 and not f["text_row"]:
                expected[(f["metric"], None)] = (f["value"], f["as_written"])
    return expected


# table 三's rows (the requests'), whose text row gives its 总计 by the sum of the others
THREE_ROWS = set(default_catalogue().tables["three"].metrics)


def _rows(document: ReportDocument, catalogue: Catalogue) -> set[tuple[int, int]]:
    """The spans of the lines the tables were read from."""
    return {(r.start, r.end) for r in read_tables(document.text, document.tables, catalogue).rows}


def _from_tables(extraction: Extraction, rows: set[tuple[int, int]]) -> list[Found]:
    return [f for f in extraction.facts if (f.start, f.end) in rows]


def _table_figures(
    extraction: Extraction, document: ReportDocument, catalogue: Catalogue
) -> dict[Slot, tuple[float, str]]:
    found: dict[Slot, tuple[float, str]] = {}
    for fact in _from_tables(extraction, _rows(document, catalogue)):
        # the quote is the row's whole line of the document text, the cell as written in it
        assert document.text[fact.start : fact.end] == fact.quote
        assert fact.start == 0 or document.text[fact.start - 1] == "\n"
        assert fact.end == len(document.text) or document.text[fact.end] == "\n"
        assert fact.as_written in fact.quote.split()
        assert fact.channel is None
        # (a 总计 told by its row's sum is flagged for review, unless the prose says it too)
        assert fact.confidence == CONFIDENCE or (
            fact.confidence == INFERRED and fact.category is None
        )
        slot = (fact.metric, fact.category)
        assert slot not in found, slot
        found[slot] = (fact.value, fact.as_written)
    return found


# ── the real reports, cell by cell ──────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", REAL)
def test_real_report_tables_cell_by_cell_in_every_format(name: str, catalogue: Catalogue) -> None:
    report = _report(name)
    documents = _files(name)
    for filename, document in documents.items():
        extraction = extract_figures(document.text, catalogue, tables=document.tables)
        got = _table_figures(extraction, document, catalogue)
        text_rows = filename in ("report.pdf", "report.txt", "report-cells.txt")
        expected = _expected(report, text_rows)
        assert got == expected, filename
        assert extraction.year == report["year"], filename


@pytest.mark.parametrize("name", REAL)
def test_a_word_97_file_whose_table_properties_cannot_be_read_gives_its_cells_one_a_line(
    name: str, catalogue: Catalogue
) -> None:
    doc = bytearray((REPORTS / name.replace(".json", ".doc")).read_bytes())
    fib = doc.index(b"\xec\xa5")  # the Word stream's header, by its magic number
    doc[fib + 0x102 : fib + 0x106] = (10**8).to_bytes(4, "little")  # fcPlcfBtePapx: past it
    document = read_report(bytes(doc), "report.doc")
    assert document.problems == []
    assert document.tables == []
    # the text is still the report's, and the rows written in full are read from it
    assert document.text.split("\n")[0] == _files(name)["report.doc"].text.split("\n")[0]
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    expected = _expected(_report(name), text_rows=True)
    assert _table_figures(extraction, document, catalogue) == expected


@pytest.mark.parametrize("name", REAL)
def test_a_report_printed_to_pdf_gives_the_figures_of_its_page(
    name: str, catalogue: Catalogue
) -> None:
    # prose and tables alike: the printed lines joined, the tables' rows lines of the text
    def figures(document: ReportDocument) -> set[tuple[object, ...]]:
        extraction = extract_figures(document.text, catalogue, tables=document.tables)
        return {(f.metric, f.channel, f.category, f.value, f.qualifier) for f in extraction.facts}

    documents = _files(name)
    page = figures(documents["report.html"])
    assert len(page) >= len(_report(name)["figures"])
    assert figures(documents["report-printed.pdf"]) == page


def _figures(document: ReportDocument, catalogue: Catalogue) -> set[tuple[object, ...]]:
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    return {(f.metric, f.channel, f.category, f.value, f.qualifier) for f in extraction.facts}


@pytest.mark.parametrize(
    "copy", ["sh-bgt-2019.txt", "sh-bgt-2019-plain-cells.txt", "sh-bgt-2019-spacers.txt"]
)
def test_a_page_copied_out_of_a_browser_gives_the_figures_of_the_page(
    copy: str, catalogue: Catalogue
) -> None:
    # the page as Chromium copies it (tests/data/reports/README.md): an empty cell is a space
    # between tabs or on a line of its own, or nothing between tabs; staff paste such text
    document = read_report((REPORTS / "copied" / copy).read_bytes(), "pasted.txt")
    page = _figures(_files("sh-bgt-2019.json")["report.html"], catalogue)
    # (68 until round 67 read the prose's 行政复议7件，诉讼9件 for its litigation total too)
    assert len(page) == 69
    assert _figures(document, catalogue) == page


@pytest.mark.parametrize("name", REAL)
def test_a_statutory_table_whose_figures_were_not_read_is_a_warning(
    name: str, catalogue: Catalogue
) -> None:
    report = _report(name)
    # the tables pasted into the page as pictures: their sections' headings and no figures
    pictured = {**report, "blocks": [b if "p" in b else {"p": ""} for b in report["blocks"]]}
    page = read_report(_html(pictured).replace(b"<p></p>", b'<p><img src="t.png"></p>'), "r.html")
    extraction = extract_figures(page.text, catalogue, tables=page.tables)
    warned = [w for w in extraction.warnings if w.code == ProblemCode.REPORT_TABLE_UNREAD]
    sections = [str(b["p"]) for b in report["blocks"] if "p" in b]
    expected = [
        (table, heading)
        for table, words in (("二", "主动公开政府信息"), ("三", "收到和处理"), ("四", "行政诉讼"))
        for heading in sections
        if words in heading and len(heading) <= 40
    ]
    assert expected  # (lg-2024's page ends inside table 三: its 四 is not there)
    assert [(w.params["table"], w.value) for w in warned] == expected
    message = problem_message(warned[0], "zh")
    assert warned[0].value in message and "图片" in message
    # the page with its tables, and the same page as a report of a year before the form
    tables = _files(name)["report.html"]
    read = extract_figures(tables.text, catalogue, tables=tables.tables)
    assert not [w for w in read.warnings if w.code == ProblemCode.REPORT_TABLE_UNREAD]
    older = extract_figures(page.text, catalogue, tables=page.tables, year=2018)
    assert not [w for w in older.warnings if w.code == ProblemCode.REPORT_TABLE_UNREAD]


def test_a_rows_empty_cell_that_is_no_column_of_the_form_is_left_out(catalogue: Catalogue) -> None:
    # the page's header cell 本年新公开数量 spans two cells, and the row writes its figure in the
    # first and leaves the second empty: the row is still its three figures
    text = (
        "第二十条第（一）项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
        "规章 | 13 | 13 | | 524 |\n规范性文件 | 60 | | 60 | 368 |\n"
    )
    document = read_report(text.encode("utf-8"), "pasted.txt")
    found = {
        (f.metric, f.value)
        for f in extract_figures(document.text, catalogue, tables=document.tables).facts
    }
    assert {
        ("table2_rules_made", 13),
        ("table2_rules_published", 13),
        ("table2_rules_total", 524),
        ("table2_normative_made", 60),
        ("table2_normative_published", 60),
        ("table2_normative_total", 368),
    } <= found


@pytest.mark.parametrize("name", REAL)
def test_tables_keep_column_positions(name: str) -> None:
    report = _report(name)
    documents = _files(name)
    tables = [_grid(b["table"]) for b in report["blocks"] if "table" in b]
    # a merged cell's text in its first position, the others empty, as pdfplumber gives them
    for filename in (
        "report.html",
        "report.docx",
        "report.doc",
        "report-ruled.pdf",
        "report-layout.html",
        "report-layout.docx",
    ):
        assert documents[filename].tables == tables, filename
    # each row is a line of the text: its written cells, once each, a space apart
    for document in (documents["report.html"], documents["report.docx"], documents["report.doc"]):
        lines = document.text.split("\n")
        for table in tables:
            for row in table:
                assert " ".join(c for c in row if c) in lines
    # printed: a table over a page break is one table, a row cut by the break one row, each
    # cell's wrapped lines one text (its columns are where the print's rules are)
    printed = documents["report-printed.pdf"]
    assert [len(t) for t in printed.tables] == [len(t) for t in tables]
    lines = printed.text.split("\n")
    for table, typed in zip(printed.tables, tables, strict=True):
        for row, typed_row in zip(table, typed, strict=True):
            # (as published, 商业 企业 has a space the print has no trace of)
            assert [c for c in row if c] == [c.replace(" ", "") for c in typed_row if c]
            assert " ".join(c for c in row if c) in lines


def test_a_form_with_a_note_under_it_keeps_its_columns(catalogue: Catalogue) -> None:
    # a note row is no page layout: the empty cell still leaves its column empty
    note = "注：本表数据统计期限为2022年1月1日至12月31日，规章和规范性文件按发文日期统计。"
    page = (
        "<html><body><table><tr><td>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td></td><td>0</td><td>3</td></tr>"
        f"<tr><td colspan='4'>{note}</td></tr></table></body></html>"
    )
    document = read_report(page.encode("utf-8"), "r.html")
    assert len(document.tables) == 1
    found = {
        f.metric: f.value
        for f in extract_figures(document.text, catalogue, tables=document.tables).facts
    }
    assert found["table2_rules_repealed"] == 0 and found["table2_rules_in_force"] == 3
    assert "table2_rules_issued" not in found


def test_empty_cell_is_no_figure_and_zero_is_one(catalogue: Catalogue) -> None:
    shanghai = _files("sh-bgt-2019.json")["report.html"]
    found = _table_figures(
        extract_figures(shanghai.text, catalogue, tables=shanghai.tables), shanghai, catalogue
    )
    # 予以公开's 总计 cell and every 科研机构 cell are empty in this report: no figure
    assert ("requests_disclosed", None) not in found
    assert not any(category == "research" for _, category in found)
    assert found[("table2_licensing_items", None)] == (0, "0")
    longgang = _files("lg-2024.json")["report.docx"]
    found = _table_figures(
        extract_figures(longgang.text, catalogue, tables=longgang.tables), longgang, catalogue
    )
    assert found[("requests_new", "research")] == (0, "0")
    assert found[("requests_refused_law", None)] == (0, "0")


def test_table_figure_wins_over_prose_of_the_same_slot(catalogue: Catalogue) -> None:
    document = _files("sh-bgt-2019.json")["report.html"]
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    review = [f for f in extraction.facts if (f.metric, f.category) == ("appeal_review", None)]
    assert [(f.value, f.confidence) for f in review] == [(7, CONFIDENCE)]
    assert "行政复议" not in review[0].quote  # the table's row of numbers, not the sentence
    repeated = [
        s for s in extraction.skipped if s.reason == "repeated" and "行政复议7件" in s.quote
    ]
    assert repeated, extraction.skipped
    # a prose rule's reading of a table row is not kept: the row's columns say what it is
    rows = _rows(document, catalogue)
    for fact in extraction.facts:
        if (fact.start, fact.end) not in rows:
            assert not any(a <= fact.start < b for a, b in rows), fact


@pytest.mark.parametrize("name", REAL)
def test_figures_pass_validate_and_table_three_sums_hold(
    name: str, catalogue: Catalogue, tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(name)
    document = _files(name)["report.docx"]
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    # the tables' figures (the prose ones are the prose rules' to answer for)
    extraction.facts = _from_tables(extraction, _rows(document, catalogue))
    facts = to_facts(extraction, report["agency"], report["year"])
    path = tmp_path / "figures.csv"
    path.write_bytes(export_facts(facts, catalogue, "csv"))
    code = main(["validate", str(path), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == [], result["errors"]
    assert code == 0
    codes = {w["code"] for w in result["warnings"]}
    assert not {c for c in codes if c.endswith("mismatch")}, result["warnings"]
    stored = {
        (f["metric"], f["category"], f["value"]) for d in result["datasets"] for f in d["facts"]
    }
    assert stored == {(f["metric"], f["category"], f["value"]) for f in report["figures"]}


# ── forms and wordings ──────────────────────────────────────────────────────────────────────


def test_traditional_script_and_pipes_in_text(catalogue: Catalogue) -> None:
    # A 2020 report of the 2019 form as a page in traditional script shows it (pipes as cells).
    text = "\n".join(
        [
            "二、主動公開政府信息情況",
            "第二十條第(一)項 |",
            "信息內容 | 本年新 制作數量 | 本年新 公開數量 | 對外公開總數量 |",
            "規章 | 0 | 0 | 0 |",
            "規範性文件 | 2 | 2 | 17 |",
            "第二十條第(九)項 |",
            "信息內容 | 採購項目數量 | 採購總金額 |",
            "政府集中採購 | 10 | 180774.8 |",
        ]
    )
    found = {f.metric: (f.value, f.confidence) for f in extract_figures(text, catalogue).facts}
    assert found["table2_normative_made"] == (2, CONFIDENCE)
    assert found["table2_normative_total"] == (17, CONFIDENCE)
    assert found["table2_procurement_items"] == (10, CONFIDENCE)
    # an amount with no unit in its cell or heading: kept, but marked for review
    assert found["table2_procurement_amount"][0] == 180774.8
    assert found["table2_procurement_amount"][1] < CONFIDENCE


def test_2021_wording_and_traditional_table_three(catalogue: Catalogue) -> None:
    # The 2021 form's words for （六）其他处理's items (the catalogue has the 2019 ones); the
    # figures are illustrative.
    head = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    rows = [
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
        "315 3 0 0 0 0 318",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 "
        "202 0 0 1 0 0 203",
        "3.其他 941 17 0 1 3 3 965",
        "（七）总计 13364 252 0 44 121 29 13810",
    ]
    traditional = opencc.OpenCC("s2t").convert("\n".join(head + rows))
    assert traditional != "\n".join(head + rows)
    for text in ("\n".join(head + rows), traditional):
        found = {
            (f.metric, f.category): f.value
            for f in extract_figures(text, catalogue).facts
            if f.confidence == CONFIDENCE
        }
        assert found[("requests_other_no_correction", "natural_person")] == 315
        assert found[("requests_other_no_fee", "public_interest")] == 1
        assert found[("requests_other_misc", "other_org")] == 3
        assert found[("requests_completed", None)] == 13810
        assert len(found) == 28


def test_header_lines_out_of_order_in_a_pdf(catalogue: Catalogue) -> None:
    # A PDF puts a cell spanning two header rows on the lower one's line: the columns come
    # from both lines' order, not from where the words happen to stand.
    text = "\n".join(
        [
            "法人或其他组织",
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            "一、本年新收政府信息公开申请数量 58 7 0 0 1 0 66",
            "行政复议 行政诉讼",
            "未经复议直接起诉 复议后起诉",
            "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 "
            "结果维持 结果纠正 其他结果 尚未审结 总计",
            "376 97 196 121 790 16 1 12 27 56 74 1 30 51 156",
        ]
    )
    found = {
        (f.metric, f.category): f.value
        for f in extract_figures(text, catalogue).facts
        if f.confidence == CONFIDENCE
    }
    assert found[("requests_new", "natural_person")] == 58
    assert found[("requests_new", "legal_service")] == 1
    assert found[("requests_new", None)] == 66
    assert found[("appeal_review", "corrected")] == 97
    assert found[("appeal_review", None)] == 790
    assert found[("appeal_litigation_direct", "pending")] == 27
    assert found[("appeal_litigation_after_review", None)] == 156


def test_a_text_row_missing_cells_gives_only_the_total_its_sum_tells(
    catalogue: Catalogue,
) -> None:
    # Two empty cells dropped: 821, 35, 2 and 1 cannot be placed, but 859 is their sum — the
    # form's own check — so it is the 总计, taken and flagged for review (nothing else of the
    # row is). A last number that is not the sum, or a row on the text's last line (a page cut
    # off inside it), gives nothing.
    head = ["自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    carried = "二、上年结转政府信息公开申请数量 18 0 0 0 0 0 18"

    def figures(row: str, *after: str) -> tuple[dict[tuple[str, str | None], float], set[str]]:
        text = "\n".join([*head, row, *after])
        extraction = extract_figures(text, catalogue)
        new = {
            (f.metric, f.category): (f.value, f.confidence)
            for f in extraction.facts
            if f.metric == "requests_new"
        }
        reasons = {s.reason for s in extraction.skipped if s.start >= text.index("一、")}
        return new, reasons

    summed, _ = figures("一、本年新收政府信息公开申请数量 821 35 2 1 859", carried)
    assert summed == {("requests_new", None): (859, INFERRED)}
    not_summed, reasons = figures("一、本年新收政府信息公开申请数量 821 35 2 1 860", carried)
    assert not_summed == {}
    assert "table row: columns not certain" in reasons
    cut_off, _ = figures("一、本年新收政府信息公开申请数量 821 35 2 1 859")
    assert cut_off == {}
    # the prose rules reading the row's own numbers are no second reading: still for review
    short, _ = figures("一、本年新收政府信息公开申请数量 3 3", carried)
    assert short == {("requests_new", None): (3, INFERRED)}
    text = "\n".join([*head, "一、本年新收政府信息公开申请数量 821 35 2 1 859", carried])
    slots = {(f.metric, f.category): f.value for f in extract_figures(text, catalogue).facts}
    assert slots[("requests_carried_over", None)] == 18


def test_a_headerless_row_whose_columns_are_not_certain_gives_no_prose_figure(
    catalogue: Catalogue,
) -> None:
    # No header read (a PDF printed it a character a line, or on the page before): a row of the
    # form's wording whose 总计 is not the sum of the others has no certain columns, so no prose
    # rule reads its first number (5 is the 自然人 column, not the year's requests); a row that
    # lost its empty cells gives the 总计 its sum tells, flagged for review.
    carried = "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"

    def read(row: str) -> tuple[dict[str | None, float], dict[str, str]]:
        text = "\n".join(["三、收到和处理政府信息公开申请情况", row, carried])
        extraction = extract_figures(text, catalogue)
        new = {
            f.category: (f.value, f.confidence)
            for f in extraction.facts
            if f.metric == "requests_new"
        }
        reasons = {s.number: s.reason for s in extraction.skipped if s.start < len(row) + 18}
        return new, reasons

    sums_fail, reasons = read("一、本年新收政府信息公开申请数量 5 1 0 0 0 1 8")
    assert sums_fail == {}
    assert reasons == {n: "table row: columns not certain" for n in ("5", "1", "0", "8")}
    short, reasons = read("一、本年新收政府信息公开申请数量 5 1 1 7")
    assert short == {None: (7, INFERRED)}
    assert reasons == {"5": "repeated", "1": "table row: columns not certain"}
    # in the form's order when the sums hold
    whole, _ = read("一、本年新收政府信息公开申请数量 5 1 0 0 0 1 7")
    assert whole[None] == (7, CONFIDENCE)
    assert whole["natural_person"] == (5, CONFIDENCE)


def _one_a_line(*cells: str) -> str:
    return "\n\n".join(cells)


ZEROS = ("0",) * 7
THREE_HEADER = (
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计",
    *("商业", "企业", "科研", "机构"),  # a cell's words broken over two lines
    "社会公益组织",
    "法律服务机构",
    "其他",
)


def test_tables_written_one_cell_a_line(catalogue: Catalogue) -> None:
    # A county bureau's 2023 page as a crawler keeps it (信丰县卫生健康委): every cell on a line
    # of its own, a merged header cell before the row under it. Figures illustrative.
    text = _one_a_line(
        "二、主动公开政府信息情况",
        "第二十条第(一)项",
        *("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        *("行政规范性文件", "2", "1", "5"),
        "第二十条第(五)项",
        *("信息内容", "本年处理决定数量", "行政许可", "9"),
        *THREE_HEADER,
        *("一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "2", "8"),
        *("二、上年结转政府信息公开申请数量", *ZEROS),
        *("三、本年度办理结果", "（一）予以公开", "3", "1", "0", "0", "0", "0", "4"),
        *("（三）不予公开", "1.属于国家秘密", *ZEROS),
        # an empty cell leaves no line: six numbers for seven columns place none
        *("四、结转下年度继续办理", "2", "0", "0", "0", "2", "4"),
        "四、政府信息公开行政复议、行政诉讼情况",
        *("行政复议", "行政诉讼"),
        *("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
        *("未经复议直接起诉", "复议后起诉"),
        *(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2),
        *("1", "2", "0", "0", "3", "0", "1", "0", "1", "2", "0", "0", "0", "0", "0"),
    )
    extraction = extract_figures(text, catalogue)
    found = {(f.metric, f.category): f for f in extraction.facts if f.confidence == CONFIDENCE}
    values = {slot: f.value for slot, f in found.items()}
    assert values[("table2_normative_issued", None)] == 2
    assert values[("table2_normative_in_force", None)] == 5
    assert values[("table2_licensing_decisions", None)] == 9
    assert values[("requests_new", "natural_person")] == 5
    assert values[("requests_new", "other_org")] == 2
    assert values[("requests_new", None)] == 8
    assert values[("requests_disclosed", None)] == 4
    assert values[("requests_refused_state_secret", None)] == 0
    assert values[("appeal_review", "corrected")] == 2
    assert values[("appeal_review", None)] == 3
    assert values[("appeal_litigation_direct", "pending")] == 1
    assert values[("appeal_litigation_after_review", None)] == 0
    assert not any(metric == "requests_carried_forward" for metric, _ in values)
    # the quote runs from the row's label to its last number, as written
    new = found[("requests_new", None)]
    assert new.quote == text[new.start : new.end]
    assert new.quote.startswith("一、本年新收") and new.quote.endswith("8")
    assert new.as_written == "8"


def test_one_cell_a_line_needs_a_header_whose_order_is_certain(catalogue: Catalogue) -> None:
    # the parts before their subtotal: not a page's order, so the columns are not certain
    parts = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    row = ("一、本年新收政府信息公开申请数量", *("1",) * 7)

    def requests_new(*header: str) -> list[object]:
        facts = extract_figures(_one_a_line(*header, *row), catalogue).facts
        return [f.category for f in facts if f.metric == "requests_new"]

    assert requests_new("自然人", *parts, "法人或其他组织", "总计") == []
    # the same words in the page's order give every column
    assert requests_new("自然人", "法人或其他组织", "总计", *parts) == [
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_service",
        "other_org",
        None,
    ]
    # a page's number after a row whose cell is empty is no cell of it
    paged = _one_a_line(
        *("第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "- 3 -"),
        *("第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "4"),
    )
    found = {f.metric: f.value for f in extract_figures(paged, catalogue).facts}
    assert "table2_licensing_decisions" not in found
    assert found["table2_penalty_decisions"] == 4
    # numbers under words that are no table's header are no table's figures
    prose = _one_a_line("我局全年共收到政府信息公开申请", "7", "件，均已按时答复。")
    assert not any(f.metric.startswith("requests") for f in extract_figures(prose, catalogue).facts)


OLD_FORM = [
    ["统计指标", "单位", "统计数"],
    ["一、主动公开情况", "", ""],
    ["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "1234"],
    ["其中：主动公开规范性文件数", "条", "12"],
    ["制发规范性文件总数", "件", "12"],
    ["（二）通过不同渠道和方式公开政府信息的情况", "", ""],
    ["1.政府公报公开政府信息数", "条", "3"],
    ["2.政府网站公开政府信息数", "条", "1100"],
    ["3.政务微博公开政府信息数", "条", "320"],
    ["4.政务微信公开政府信息数", "条", "0"],
    ["三、依申请公开情况", "", ""],
    ["（一）收到申请数", "件", "25"],
    ["1.当面申请数", "件", "5"],
    ["2.传真申请数", "件", ""],
    ["3.网络申请数", "件", "20"],
    ["四、行政复议数量", "件", "2"],
    ["（一）维持具体行政行为数", "件", "1"],
    ["（二）被依法纠错数", "件", "1"],
    ["（三）其他情形数", "件", "0"],
    ["五、行政诉讼数量", "件", "1"],
    ["（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1"],
    ["七、依申请公开信息收取的费用", "万元", "0.05"],
    ["九、政府信息公开会议和培训情况", "", ""],
    ["（二）举办各类培训班数", "次", "2"],
    ["（三）接受培训人员数", "人次", "150"],
]
OLD_EXPECTED = {
    ("items_published", None, None): 1234,
    ("items_published", None, "documents"): 12,
    ("items_published", "weibo", None): 320,
    ("items_published", "wechat", None): 0,
    ("requests_new", None, None): 25,
    ("requests_by_method", None, "in_person"): 5,
    ("requests_by_method", None, "online"): 20,
    ("appeal_review", None, None): 2,
    ("appeal_review", None, "upheld"): 1,
    ("appeal_review", None, "corrected"): 1,
    ("appeal_review", None, "other"): 0,
    ("litigation_cases", None, None): 1,
    ("litigation_cases", None, "upheld"): 1,
    ("request_fees", None, None): 500,
    ("training_sessions", None, None): 2,
    ("trainees", None, None): 150,
}


def test_pre_2019_statistics_table_as_table_and_as_text(catalogue: Catalogue) -> None:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c) or '&nbsp;'}</td>" for c in row) + "</tr>"
        for row in OLD_FORM
    )
    page = f"<html><body><p>附件：政府信息公开情况统计表</p><table>{rows}</table></body></html>"
    as_page = read_report(page.encode("utf-8"), "old.html")
    as_text = read_report(as_page.text.encode("utf-8"), "old.txt")
    # one cell a line (an empty cell leaves no line): the unit and the number under the label
    cells = "\n\n".join(c for row in OLD_FORM for c in row if c)
    one_a_line = read_report(cells.encode("utf-8"), "old-cells.txt")
    for document in (as_page, as_text, one_a_line):
        extraction = extract_figures(document.text, catalogue, tables=document.tables)
        found = {
            (f.metric, f.channel, f.category): f.value
            for f in extraction.facts
            if f.confidence == CONFIDENCE
        }
        assert found == OLD_EXPECTED


def test_table_rows_with_pinyin_glosses_read_as_without(catalogue: Catalogue) -> None:
    """A mirror's page that glosses characters (數(shù)量, 申(shēn)請): its table rows kept as
    text between bars read as the page without them, each quote cut from the text as given."""
    plain = _barred_rows(_report("sh-bgt-2019.json")).decode("utf-8")
    glossed = plain.replace("数量", "数(shù)量").replace("申请", "申(shēn)请")
    assert glossed != plain

    def figures(text: str) -> set[tuple[str, str | None, float]]:
        extraction = extract_figures(text, catalogue)
        for fact in extraction.facts:
            assert text[fact.start : fact.end] == fact.quote
        return {
            (f.metric, f.category, f.value) for f in extraction.facts if f.confidence == CONFIDENCE
        }

    read = figures(plain)
    assert len(read) >= 30 and figures(glossed) == read
