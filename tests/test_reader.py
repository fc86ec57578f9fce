"""Reading upload files: CSV in every encoding Excel/WPS writes, and .xlsx."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

import openpyxl
import pytest

from dashboard.core.catalogue import Catalogue
from dashboard.core.problems import Severity
from dashboard.core.reader import RawTable, read_table
from dashboard.core.validate import column_spec, validate_file
from tests.conftest import SAMPLE_CSV, csv_bytes

HEADER = ["年度", "单位", "指标", "渠道", "类别", "数值", "备注"]
ROWS = (
    "2019,定海区教育局,发布信息条数,“定海教育”微信公众号,,500余,共发布微信消息500余条",
    "2019,定海区教育局,热线办结率,12345,,１００％,办结率100%",
)


def codes(table: RawTable) -> list[str]:
    return [p.code for p in table.problems]


def xlsx_bytes(
    sheets: dict[str, Iterable[Iterable[object]]],
    percent_cells: Iterable[str] = (),
) -> bytes:
    """A workbook with the given sheets (first is active); cells listed get a percent format."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for ref in percent_cells:
        workbook.worksheets[0][ref].number_format = "0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ── CSV encodings and delimiters ────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # GB18030 is a superset of GBK: the same bytes, read the same way
    ],
)
def test_csv_encodings(encoding: str, reported: str) -> None:
    content = csv_bytes(*ROWS, encoding=encoding)
    if encoding == "utf-8-sig":
        assert content.startswith(b"\xef\xbb\xbf")
    table = read_table(content, "data.csv")
    assert table.readable
    assert table.problems == []
    assert table.encoding == reported
    assert table.header == HEADER  # no BOM left on the first header cell
    assert table.header_row == 1
    assert [n for n, _ in table.rows] == [2, 3]
    assert table.rows[0][1][3] == "“定海教育”微信公众号"
    assert table.rows[0][1][6] == "共发布微信消息500余条"
    assert table.rows[1][1][5] == "１００％"


def test_excel_utf16_unicode_text_with_tabs() -> None:
    """Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated."""
    text = "\t".join(HEADER) + "\r\n" + ROWS[0].replace(",", "\t") + "\r\n"
    table = read_table(text.encode("utf-16"), "data.txt")
    assert table.readable
    assert table.header == HEADER
    assert table.rows[0] == (2, ROWS[0].split(","))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_tab_separated(encoding: str) -> None:
    content = csv_bytes(
        *(r.replace(",", "\t") for r in ROWS), header="\t".join(HEADER), encoding=encoding
    )
    table = read_table(content, "data.tsv")
    assert table.header == HEADER
    assert table.rows[0] == (2, ROWS[0].split(","))
    assert len(table.rows[1][1]) == 7


def test_commas_inside_quoted_cells_and_multiline_notes() -> None:
    content = csv_bytes(
        '2019,定海区教育局,报送信息篇数,,区政府,30,"报送信息30篇，录用16篇, 第一行\n第二行"',
        "2019,定海区教育局,录用信息篇数,,区政府,16,",
    )
    table = read_table(content, "data.csv")
    assert table.rows[0][1][6] == "报送信息30篇，录用16篇, 第一行\n第二行"
    # the quoted note spans lines 2–3, so the next record is line 4, as a text editor shows it
    assert [n for n, _ in table.rows] == [2, 4]


def test_crlf_line_endings() -> None:
    content = ("\r\n".join([",".join(HEADER), ROWS[0], "", ROWS[1]]) + "\r\n").encode("utf-8")
    table = read_table(content, "data.csv")
    assert table.header == HEADER
    assert [n for n, _ in table.rows] == [2, 4]


def test_blank_rows_keep_the_spreadsheet_numbering() -> None:
    content = csv_bytes(ROWS[0], "", ",,,,,,", ROWS[1])
    table = read_table(content, "data.csv")
    assert [n for n, _ in table.rows] == [2, 5]


def test_blank_lines_above_the_header() -> None:
    content = b"\n,,,\n" + csv_bytes(ROWS[0])
    table = read_table(content, "data.csv")
    assert table.header_row == 3
    assert table.header == HEADER
    assert [n for n, _ in table.rows] == [4]


def test_sample_file_reads() -> None:
    table = read_table(SAMPLE_CSV.read_bytes(), SAMPLE_CSV.name)
    assert table.readable and table.header == HEADER
    assert len(table.rows) == 32
    assert table.rows[0][0] == 2 and table.rows[-1][0] == 33


# ── unreadable input ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("content", [b"", b"   \r\n\n\t ", b"\xef\xbb\xbf", b",,,\n,,\n"])
def test_empty_file(content: bytes) -> None:
    table = read_table(content, "empty.csv")
    assert codes(table) == ["file-empty"]
    assert table.problems[0].severity is Severity.ERROR
    assert not table.readable


def test_empty_file_through_validation(catalogue: Catalogue) -> None:
    report = validate_file(b"", "empty.csv", catalogue)
    assert report.flatten() == [(None, None, "file-empty")]
    assert not report.ok and not report.readable
    assert report.datasets == []


def test_header_only_file_is_empty(catalogue: Catalogue) -> None:
    report = validate_file(csv_bytes(), "header.csv", catalogue)
    assert [p.code for p in report.errors] == ["file-empty"]
    assert report.datasets == []


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,  # NUL bytes and every control character
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"%PDF-1.7\n" + bytes(range(1, 32)) * 40,  # no NUL, but mostly control characters
    ],
    ids=["bytes", "png", "pdf-like"],
)
def test_binary_junk(content: bytes, catalogue: Catalogue) -> None:
    table = read_table(content, "junk.csv")
    assert codes(table) == ["file-unreadable"]
    assert table.problems[0].value == "junk.csv"
    report = validate_file(content, "junk.csv", catalogue)
    assert report.flatten() == [(None, None, "file-unreadable")]
    assert not report.readable


def test_legacy_xls_is_unreadable_with_advice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook" + bytes(1000)
    table = read_table(ole, "2019.xls")
    assert codes(table) == ["file-unreadable"]
    problem = table.problems[0]
    assert problem.value == "2019.xls"
    assert ".xlsx" in problem.action("zh") and ".xlsx" in problem.action("en")


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04" + bytes(100),  # a zip header with nothing behind it
        b"",  # replaced below by a valid zip that is not a workbook
    ],
    ids=["truncated", "plain-zip"],
)
def test_zip_that_is_not_a_workbook(content: bytes) -> None:
    if not content:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "hello")
        content = buffer.getvalue()
    table = read_table(content, "data.xlsx")
    assert codes(table) == ["file-unreadable"]


# ── Excel ───────────────────────────────────────────────────────────────────────────────────


def test_xlsx_cells_come_back_as_typed() -> None:
    content = xlsx_bytes(
        {
            "数据": [
                HEADER,
                [2019, "定海区教育局", "热线受理件数", "12345", None, 111, "受理111件"],
                [2019, "定海区教育局", "热线办结率", "12345", None, 1.0, None],
                [2019, "定海区教育局", "发布信息条数", "微博", None, "800余", None],
                [2019, "定海区教育局", "满意率", "12345", None, 0.985, None],
            ]
        },
        percent_cells=["F3", "F5"],
    )
    table = read_table(content, "data.xlsx")
    assert table.problems == []
    assert table.sheet == "数据"
    assert table.header == HEADER
    cells = {n: c for n, c in table.rows}
    assert cells[2][0] == 2019 and cells[2][5] == 111
    assert cells[3][5] == "100%"  # a percent cell holding 1.0 reads as people see it
    assert cells[4][5] == "800余"
    assert cells[5][5] == "98.5%"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [(1, "100%"), (0.98765432, "98.765432%"), (12345.67, "1234567%"), (0, "0%"), (-0.05, "-5%")],
)
def test_xlsx_percent_cells_keep_their_digits(cell: float, shown: str) -> None:
    content = xlsx_bytes(
        {"Sheet1": [HEADER, [2019, "x", "满意率", "12345", None, cell, None]]}, percent_cells=["F2"]
    )
    assert read_table(content, "data.xlsx").rows[0][1][5] == shown


def test_xlsx_percent_cell_validates_as_100_percent(catalogue: Catalogue) -> None:
    content = xlsx_bytes(
        {"Sheet1": [HEADER, [2019, "定海区教育局", "热线办结率", "12345", None, 1, None]]},
        percent_cells=["F2"],
    )
    report = validate_file(content, "data.xlsx", catalogue)
    assert report.ok and report.problems == []
    (fact,) = report.datasets[0].facts
    assert fact.metric == "hotline_closure_rate"
    assert fact.value == 100
    assert str(fact.qualifier) == "exact"


def test_xlsx_blank_rows_keep_numbering_and_rows_with_blank_first_cell_are_read(
    catalogue: Catalogue,
) -> None:
    content = xlsx_bytes(
        {
            "Sheet1": [
                HEADER,
                [2019, "定海区教育局", "热线受理件数", "12345", None, 111, None],
                [],
                [None, "定海区教育局", "热线办结件数", "12345", None, 111, None],
                [2019, "定海区教育局", "专题会议次数", None, None, 2, None],
            ]
        }
    )
    table = read_table(content, "data.xlsx")
    assert [n for n, _ in table.rows] == [2, 4, 5]
    report = validate_file(content, "data.xlsx", catalogue)
    assert report.flatten() == [(4, "年度", "year-missing")]


def test_xlsx_header_in_a_later_row() -> None:
    content = xlsx_bytes(
        {"Sheet1": [[], [], HEADER, [2019, "定海区教育局", "阅读量", "微信", None, 5000, None]]}
    )
    table = read_table(content, "data.xlsx")
    assert table.header_row == 3
    assert [n for n, _ in table.rows] == [4]


def test_xlsx_with_a_wrong_dimension_record_is_read_in_full() -> None:
    """Some writers store <dimension ref="A1"/>; the read-only reader must not trust it."""
    content = xlsx_bytes(
        {"Sheet1": [HEADER, [2019, "定海区教育局", "阅读量", "微信", None, 5000, None]]}
    )
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert count == 1
            target.writestr(item, data)
    table = read_table(buffer.getvalue(), "data.xlsx")
    assert table.header == HEADER
    ((number, cells),) = table.rows
    assert number == 2
    assert cells[:6] == [2019, "定海区教育局", "阅读量", "微信", None, 5000]
    assert all(c is None for c in cells[6:])


def test_xlsx_several_sheets_warns_and_reads_the_first(catalogue: Catalogue) -> None:
    content = xlsx_bytes(
        {
            "2019": [HEADER, [2019, "定海区教育局", "专题会议次数", None, None, 2, None]],
            "2018": [HEADER, [2018, "定海区教育局", "专题会议次数", None, None, 3, None]],
            "草稿": [["随便写的"]],
        }
    )
    table = read_table(content, "data.xlsx")
    assert table.sheet == "2019"
    assert codes(table) == ["sheet-extra"]
    problem = table.problems[0]
    assert problem.severity is Severity.WARNING
    assert "“2018”" in problem.message() and "“草稿”" in problem.message()
    assert "3" in problem.message("en")
    report = validate_file(content, "data.xlsx", catalogue)
    assert report.ok
    assert report.flatten() == [(None, None, "sheet-extra")]
    assert [(d.year, len(d.facts)) for d in report.datasets] == [(2019, 1)]


def test_xlsx_empty_extra_sheets_are_not_counted() -> None:
    content = xlsx_bytes(
        {"数据": [HEADER, [2019, "x", "阅读量", "微信", None, 1, None]], "Sheet2": []}
    )
    table = read_table(content, "data.xlsx")
    assert table.problems == []


def test_xlsx_instruction_sheet_is_ignored(catalogue: Catalogue) -> None:
    instructions = [["填写说明"], ["每行一个数字"], ["数值可写 400余"]]
    content = xlsx_bytes(
        {
            "填写说明": instructions,
            "数据": [HEADER, [2019, "定海区教育局", "专题会议次数", None, None, 2, None]],
            "指标说明": [["指标", "说明"], ["发布信息条数", "本年发布的信息条数"]],
        }
    )
    table = read_table(content, "data.xlsx", reference_sheets=column_spec().reference_sheets)
    assert table.sheet == "数据"
    assert table.problems == []
    assert table.header == HEADER
    report = validate_file(content, "data.xlsx", catalogue)
    assert report.ok and report.problems == []
    assert report.fact_count == 1


def test_xlsx_with_only_instruction_sheets_is_empty() -> None:
    content = xlsx_bytes({"填写说明": [["说明"]]})
    table = read_table(content, "data.xlsx", reference_sheets=column_spec().reference_sheets)
    assert codes(table) == ["file-empty"]


def test_xlsx_empty_workbook() -> None:
    table = read_table(xlsx_bytes({"Sheet1": []}), "data.xlsx")
    assert codes(table) == ["file-empty"]
