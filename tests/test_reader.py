"""Reading upload files: CSV in every encoding Excel/WPS writes, and .xlsx."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile
from collections.abc import Iterable

import openpyxl
import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import Severity
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.limits import Limits
from dashboard.ingest.reader import RawTable, read_table
from dashboard.ingest.validate import column_spec, validate_file
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
    assert ".xlsx" in problem_action(problem, "zh") and ".xlsx" in problem_action(problem, "en")


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
    assert "“2018”" in problem_message(problem) and "“草稿”" in problem_message(problem)
    assert "3" in problem_message(problem, "en")
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


# ── hostile files: every file gets a report, no row disappears, work is bounded ────────────

SMALL = Limits(max_rows=3, max_columns=8, max_cells=40, max_cell_chars=20)
CSV_ROWS = (
    "2019,定海区教育局,发布信息条数,微博,,800余,微博发布800余条",
    "2019,定海区教育局,热线受理件数,12345,,111,",
    "2019,定海区教育局,热线办结件数,12345,,111,",
    "2019,定海区教育局,专题会议次数,,,2,",
)


def problems(table: RawTable) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.code) for p in table.problems]


def test_unbalanced_quote_in_an_early_column_is_an_error_at_its_row(catalogue: Catalogue) -> None:
    """Non-strict CSV reading swallowed rows 3–5 into one cell and reported "ok, 1 fact"."""
    broken = CSV_ROWS[0].replace(",定海", ',"定海', 1)
    content = csv_bytes(broken, *CSV_ROWS[1:])
    table = read_table(content, "data.csv")
    assert problems(table) == [(2, None, "csv-quote-unbalanced")]
    assert table.problems[0].value is not None and table.problems[0].value.startswith('2019,"定海')
    assert [n for n, _ in table.rows] == [3, 4, 5]  # read again from the line after the quote
    report = validate_file(content, "data.csv", catalogue)
    assert not report.ok
    assert report.flatten() == [(2, None, "csv-quote-unbalanced")]
    assert sorted(f.row for d in report.datasets for f in d.facts) == [3, 4, 5]


def test_quote_closing_at_the_end_of_a_later_line_is_caught() -> None:
    """The quote opened in row 2 closes cleanly at the end of row 4: without the line check the
    record would be valid CSV holding rows 3 and 4 in one cell."""
    broken = CSV_ROWS[0].replace(",定海", ',"定海', 1)
    last = CSV_ROWS[2] + '备注"'
    table = read_table(csv_bytes(broken, CSV_ROWS[1], last, CSV_ROWS[3]), "data.csv")
    assert problems(table)[0] == (2, None, "csv-quote-unbalanced")
    assert [n for n, _ in table.rows][:1] == [3]
    assert 5 in [n for n, _ in table.rows]


@pytest.mark.parametrize(
    "row", ['2019,定海区教育局,"专题会议次数"x,,,2,', '2019,定海区教育局,专题会议次数,,,"2" ,']
)
def test_text_after_a_closing_quote_is_an_error(row: str) -> None:
    table = read_table(csv_bytes(CSV_ROWS[0], row, CSV_ROWS[1]), "data.csv")
    assert problems(table) == [(3, None, "csv-quote-unbalanced")]
    assert [n for n, _ in table.rows] == [2, 4]


def test_quote_left_open_at_the_end_of_the_file() -> None:
    table = read_table(
        csv_bytes(*CSV_ROWS[:3], '2019,定海区教育局,专题会议次数,,,2,"未完'), "x.csv"
    )
    assert problems(table) == [(5, None, "csv-quote-unbalanced")]
    assert [n for n, _ in table.rows] == [2, 3, 4]


def test_multiline_note_is_still_one_record_with_its_span() -> None:
    content = csv_bytes(
        '2019,定海区教育局,报送信息篇数,,区政府,30,"第一行，含逗号, 一个\n第二行\n第三行"',
        CSV_ROWS[1],
    )
    table = read_table(content, "data.csv")
    assert table.problems == []
    assert [n for n, _ in table.rows] == [2, 5]
    assert table.spans == {2: 4}


def test_cell_longer_than_the_csv_module_limit_is_reported_not_swallowed(
    catalogue: Catalogue,
) -> None:
    """csv.field_size_limit (131,072) used to raise csv.Error, which was silently ignored."""
    note = "报告原文" * 50_000  # 200,000 characters
    content = csv_bytes(CSV_ROWS[0], f"2019,定海区教育局,专题会议次数,,,2,{note}", CSV_ROWS[1])
    table = read_table(content, "data.csv")
    assert problems(table) == [(3, "备注", "cell-too-long")]
    problem = table.problems[0]
    assert problem.params == {"length": 200_000, "limit": 32_767}
    assert "32767" in problem_message(problem) and "200000" in problem_message(problem)
    assert [n for n, _ in table.rows] == [2, 3, 4]
    assert len(table.rows[1][1][6]) == 32_767  # kept shortened, so memory stays bounded
    report = validate_file(content, "data.csv", catalogue)
    assert [(p.row, p.code) for p in report.errors] == [(3, "cell-too-long")]


def test_too_many_rows_stops_with_the_limit_named() -> None:
    table = read_table(csv_bytes(*CSV_ROWS, *CSV_ROWS), "data.csv", limits=SMALL)
    assert problems(table) == [(5, None, "file-too-many-rows")]
    assert table.problems[0].params == {"limit": 3}
    assert "3" in problem_message(table.problems[0])
    assert [n for n, _ in table.rows] == [2, 3, 4]


def test_too_many_columns_names_row_and_column() -> None:
    wide = CSV_ROWS[1] + ",,,,x"
    table = read_table(csv_bytes(CSV_ROWS[0], wide), "data.csv", limits=SMALL)
    assert problems(table) == [(3, "K", "file-too-many-columns")]
    problem = table.problems[0]
    assert (problem.value, problem.params) == ("11", {"limit": 8})


def test_trailing_empty_cells_do_not_count_as_columns() -> None:
    table = read_table(csv_bytes(CSV_ROWS[0] + "," * 100), "data.csv", limits=SMALL)
    assert table.problems == []


def test_too_many_cells() -> None:
    table = read_table(csv_bytes(*CSV_ROWS[:3]), "data.csv", limits=Limits(max_cells=15))
    assert problems(table) == [(3, None, "file-too-many-cells")]


def test_file_too_large_for_the_reader() -> None:
    table = read_table(csv_bytes(*CSV_ROWS), "data.csv", limits=Limits(max_file_bytes=100))
    assert codes(table) == ["file-too-large"]
    assert table.problems[0].params == {"limit": "0.0 MB"}


def test_utf16_of_odd_length_is_read_and_the_broken_row_named(catalogue: Catalogue) -> None:
    content = ("\t".join(HEADER) + "\r\n" + CSV_ROWS[0].replace(",", "\t")).encode("utf-16")
    table = read_table(content[:-1], "data.txt")
    assert problems(table) == [(2, "备注", "row-invalid-characters")]
    assert table.rows[0][1][6].endswith("\ufffd")
    report = validate_file(content[:-1], "data.txt", catalogue)
    assert [(p.row, p.code) for p in report.errors] == [(2, "row-invalid-characters")]


def test_utf8_with_a_stray_byte_stays_utf8_and_names_the_row() -> None:
    """Read as GB18030, every Chinese character would silently become another one."""
    content = csv_bytes(*CSV_ROWS).replace("专题".encode(), b"\xff" + "专题".encode())
    table = read_table(content, "data.csv")
    assert table.encoding == "utf-8"
    assert table.header == HEADER
    assert problems(table) == [(5, "指标", "row-invalid-characters")]
    assert table.problems[0].value == "\ufffd专题会议次数"
    assert table.rows[0][1][:3] == ["2019", "定海区教育局", "发布信息条数"]


def test_utf8_with_rows_pasted_from_gbk_names_those_rows() -> None:
    good = csv_bytes(*CSV_ROWS)
    pasted = "2019,定海区教育局,专题会议次数,,,3,会议".encode("gbk")
    table = read_table(good + pasted + b"\n", "data.csv")
    assert table.encoding == "utf-8"
    assert problems(table) == [(6, "单位", "row-invalid-characters")]


def test_gbk_is_still_gbk() -> None:
    table = read_table(csv_bytes(*CSV_ROWS, encoding="gbk"), "data.csv")
    assert (table.encoding, table.problems) == ("gb18030", [])
    assert table.rows[3][1][2] == "专题会议次数"


def test_a_nul_byte_in_a_cell_names_the_row() -> None:
    content = csv_bytes(*CSV_ROWS).replace("微博发布".encode(), "微博\x00发布".encode())
    table = read_table(content, "data.csv")
    assert problems(table) == [(2, "备注", "row-invalid-characters")]


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbf" + bytes(range(128, 256)) * 20,  # a BOM, then garbage
        b"\xff\xfe" + bytes(range(256)) * 3 + b"\x00",  # "UTF-16" of odd length, binary
        b"\xfe\xff\xd8\x00",  # a lone surrogate
        "年度,单位\n".encode("utf-16-le"),  # UTF-16 without its BOM
        bytes(range(128, 256)) * 40,
    ],
    ids=["bom-garbage", "utf16-junk", "surrogate", "utf16-no-bom", "high-bytes"],
)
def test_odd_encodings_give_a_report(content: bytes, catalogue: Catalogue) -> None:
    table = read_table(content, "data.csv")
    assert not table.readable or table.problems
    report = validate_file(content, "data.csv", catalogue)
    assert not report.ok


def test_password_protected_workbook_is_file_encrypted() -> None:
    """Excel keeps an encrypted .xlsx in an OLE container holding an EncryptedPackage."""
    ole = OLE_HEAD + "EncryptedInfo".encode("utf-16-le") + bytes(64)
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(1000)
    table = read_table(ole, "加密.xlsx")
    assert codes(table) == ["file-encrypted"]
    assert "密码" in problem_message(table.problems[0])


OLE_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


# ── .xlsx written the way Excel writes it: shared strings, styles, no openpyxl ─────────────

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell_ref(column: int, row: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def sheet_data(rows: Iterable[Iterable[object]], shared: list[str], start: int = 1) -> str:
    """<row>s as Excel writes them: text as shared strings, numbers as <v>, None left out."""
    index = {s: i for i, s in enumerate(shared)}
    out = []
    for number, row in enumerate(rows, start=start):
        cells = []
        for column, value in enumerate(row):
            if value is None:
                continue
            ref = cell_ref(column, number)
            if isinstance(value, str):
                if value not in index:
                    index[value] = len(shared)
                    shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out)


def raw_xlsx(
    data: str,
    shared: Iterable[str] = (),
    *,
    dimension: str = "A1",
    styles: str = '<numFmts count="0"/><cellXfs count="1"><xf numFmtId="0"/></cellXfs>',
    before: str = "",
    extra: dict[str, bytes] | None = None,
    shared_xml: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal workbook of one sheet "数据" from raw <sheetData> content."""
    from xml.sax.saxutils import escape

    if shared_xml is None:
        shared_xml = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
    parts = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
        '<sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{OFFICE}/styles" Target="/xl/styles.xml"/>'
        "</Relationships>",
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{shared_xml}</sst>',
        "xl/worksheets/sheet1.xml": f'{before}<worksheet xmlns="{MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{data}</sheetData></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
        for name, payload in (extra or {}).items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def excel_file(rows: list[list[object]], **options: object) -> bytes:
    shared: list[str] = []
    data = sheet_data(rows, shared)
    return raw_xlsx(data, shared, **options)  # type: ignore[arg-type]


XLSX_ROWS: list[list[object]] = [
    HEADER,
    [2019, "定海区教育局", "发布信息条数", "微博", None, "800余", "微博发布800余条"],
    [2019, "定海区教育局", "热线受理件数", "12345", None, 111, None],
]


def test_excel_shared_strings_read_as_typed(catalogue: Catalogue) -> None:
    content = excel_file(XLSX_ROWS)
    table = read_table(content, "data.xlsx")
    assert table.problems == []
    assert table.sheet == "数据" and table.header == HEADER
    assert table.rows == [(2, XLSX_ROWS[1][:7]), (3, XLSX_ROWS[2][:6])]
    assert validate_file(content, "data.xlsx", catalogue).fact_count == 2


def test_excel_rich_text_phonetics_and_escapes() -> None:
    rich = (
        "<si><r><t>发布</t></r><r><rPr><b/></rPr><t>信息条数</t></r><rPh><t>ふりがな</t></rPh></si>"
    )
    escaped = "<si><t>第一行_x000D_第二行_x005F_x</t></si>"
    content = raw_xlsx(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>内联</t></is></c><c r="D1" t="b"><v>1</v></c>'
        '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1</f><v>公式</v></c></row>',
        shared_xml=rich + escaped,
    )
    table = read_table(content, "data.xlsx")
    assert table.header == ["发布信息条数", "第一行\r第二行_x", "内联", "True", "#N/A", "公式"]


def test_excel_custom_percent_and_date_formats() -> None:
    styles = (
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;%"/></numFmts>'
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/>'
        '<xf numFmtId="14"/></cellXfs>'
    )
    content = raw_xlsx(
        '<row r="1"><c r="A1" s="1"><v>0.985</v></c><c r="B1" s="2"><v>1</v></c>'
        '<c r="C1" s="3"><v>43466</v></c><c r="D1" s="0"><v>0.5</v></c>'
        '<c r="E1" s="99"><v>7</v></c></row>',
        styles=styles,
    )
    table = read_table(content, "data.xlsx")
    assert table.header == ["98.5%", "100%", "2019-01-01T00:00:00", "0.5", "7"]


def test_excel_rows_and_cells_without_references() -> None:
    content = raw_xlsx(
        "<row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c/><c><v>3</v></c></row>"
    )
    table = read_table(content, "data.xlsx")
    assert (table.header_row, table.header) == (1, ["1", "2"])
    assert table.rows == [(3, [None, 3])]


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("<v>NaN</v>", "value-invalid"),
        ("<v>1e999</v>", "value-invalid"),
        ("<v>-INF</v>", "value-invalid"),
        ("<v>44444444444444444444</v>", "value-too-large"),
        ("<v>4.4444444444444445E+19</v>", "value-too-large"),
        ("<v>" + "9" * 5000 + "</v>", "value-invalid"),
        ("<v>٤٠٠</v>", "value-unusual-digits"),
    ],
)
def test_excel_odd_numbers_become_value_problems(
    cell: str, code: str, catalogue: Catalogue
) -> None:
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS[:1], shared)
    data += (
        f'<row r="2"><c r="A2"><v>2019</v></c><c r="B2" t="s"><v>{len(shared)}</v></c>'
        f'<c r="C2" t="s"><v>{len(shared) + 1}</v></c><c r="F2">{cell}</c></row>'
    )
    content = raw_xlsx(data, [*shared, "定海区教育局", "专题会议次数"])
    report = validate_file(content, "data.xlsx", catalogue)
    assert [(p.row, p.column, p.code) for p in report.errors] == [(2, "数值", code)]


def test_excel_padded_to_column_xfd_stays_small_and_fast() -> None:
    """A range formatted out to XFD: millions of empty cells, none of them expanded."""
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared)
    letters = [cell_ref(c, 0)[:-1] for c in range(16_384)]
    data += "".join(
        f'<row r="{r}">' + "".join(f'<c r="{x}{r}" s="0"/>' for x in letters) + "</row>"
        for r in range(4, 54)
    )
    content = raw_xlsx(data, shared, dimension="A1:XFD53")
    assert len(content) < 3_000_000
    tracemalloc.start()
    began = time.process_time()
    table = read_table(content, "data.xlsx")
    elapsed = time.process_time() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert table.problems == [] and [n for n, _ in table.rows] == [2, 3]
    assert peak < 50_000_000, peak  # openpyxl: hundreds of MB
    assert elapsed < 10, elapsed


def test_excel_value_in_column_xfd_is_too_many_columns() -> None:
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared) + '<row r="9"><c r="XFD9"><v>1</v></c></row>'
    table = read_table(raw_xlsx(data, shared), "data.xlsx")
    assert problems(table) == [(9, "XFD", "file-too-many-columns")]
    assert table.problems[0].value == "16384"
    assert table.problems[0].params == {"limit": 50}


@pytest.mark.parametrize("dimension", ["A1:G20000000", "A1:XFE3", "A1:ZZZZ9"])
def test_excel_declaring_more_than_the_grid_is_refused_before_reading(dimension: str) -> None:
    shared: list[str] = []
    content = raw_xlsx(sheet_data(XLSX_ROWS, shared), shared, dimension=dimension)
    table = read_table(content, "data.xlsx")
    assert codes(table) in (["file-too-many-rows"], ["file-too-many-columns"])
    assert not table.readable


def test_excel_row_beyond_the_grid() -> None:
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared) + '<row r="20000000"><c r="A20000000"><v>1</v></c></row>'
    table = read_table(raw_xlsx(data, shared), "data.xlsx")
    assert problems(table) == [(20_000_000, None, "file-too-many-rows")]


def test_excel_too_many_rows_and_long_cells() -> None:
    rows = [HEADER, *[[2019, "x", "专题会议次数", None, None, n, "备" * 30] for n in range(5)]]
    table = read_table(excel_file(rows), "data.xlsx", limits=SMALL)
    assert problems(table) == [
        (2, "备注", "cell-too-long"),
        (3, "备注", "cell-too-long"),
        (4, "备注", "cell-too-long"),
        (5, None, "file-too-many-rows"),
    ]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d.replace("<v>1</v>", "<v>999</v>", 1), id="shared-index"),
        pytest.param(lambda d: d.replace("<v>1</v>", "<v>-1</v>", 1), id="negative-index"),
        pytest.param(lambda d: d.replace('<row r="2">', '<row r="1">'), id="rows-out-of-order"),
        pytest.param(lambda d: d.replace('r="A2"', 'r="2A"'), id="bad-reference"),
        pytest.param(lambda d: d.replace("</row>", "", 1), id="malformed-xml"),
        pytest.param(lambda d: d.replace("<v>2019</v>", "<v>&bad;</v>", 1), id="undefined-entity"),
    ],
)
def test_excel_damaged_sheets_are_unreadable(change: object) -> None:
    shared: list[str] = []
    data = change(sheet_data(XLSX_ROWS, shared))  # type: ignore[operator]
    table = read_table(raw_xlsx(data, shared), "data.xlsx")
    assert codes(table) == ["file-unreadable"]


def test_excel_entity_expansion_is_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + "]>"
    ).replace("&lol0;", "&lol;")
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared).replace("<v>2019</v>", "<v>&lol9;</v>", 1)
    table = read_table(raw_xlsx(data, shared, before=laughs), "data.xlsx")
    assert codes(table) == ["file-too-complex"]
    assert "DOCTYPE" in problem_message(table.problems[0])


def test_excel_external_entity_is_refused() -> None:
    doctype = '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared).replace("<v>2019</v>", "<v>&ext;</v>", 1)
    table = read_table(raw_xlsx(data, shared, before=doctype), "data.xlsx")
    assert codes(table) == ["file-too-complex"]


def test_zip_bomb_is_refused_from_the_directory() -> None:
    content = excel_file(XLSX_ROWS, extra={"xl/media/zeros.bin": bytes(30_000_000)})
    assert len(content) < 100_000
    limits = Limits(max_uncompressed_bytes=20 * 1024 * 1024)
    began = time.process_time()
    table = read_table(content, "data.xlsx", limits=limits)
    assert time.process_time() - began < 1
    assert codes(table) == ["file-too-large-uncompressed"]
    assert table.problems[0].params == {"size": "28.6 MB", "limit": "20.0 MB"}


def test_compression_ratio_is_checked() -> None:
    content = excel_file(XLSX_ROWS, extra={"xl/media/zeros.bin": bytes(5_000_000)})
    table = read_table(content, "data.xlsx")
    assert codes(table) == ["file-too-complex"]
    assert "xl/media/zeros.bin" in problem_message(table.problems[0])


def test_too_many_zip_members() -> None:
    extra = {f"xl/media/{i}.bin": b"" for i in range(30)}
    table = read_table(
        excel_file(XLSX_ROWS, extra=extra), "x.xlsx", limits=Limits(max_zip_entries=20)
    )
    assert codes(table) == ["file-too-complex"]


def test_encrypted_zip_member() -> None:
    content = bytearray(excel_file(XLSX_ROWS))
    at = content.find(b"PK\x01\x02")
    while at >= 0:
        content[at + 8] |= 1  # general purpose flag: encrypted
        at = content.find(b"PK\x01\x02", at + 4)
    assert codes(read_table(bytes(content), "data.xlsx")) == ["file-encrypted"]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9, 0.99])
def test_truncated_workbook(cut: float, catalogue: Catalogue) -> None:
    content = excel_file(XLSX_ROWS)
    content = content[: int(len(content) * cut)]
    assert codes(read_table(content, "data.xlsx")) == ["file-unreadable"]
    assert validate_file(content, "data.xlsx", catalogue).flatten() == [
        (None, None, "file-unreadable")
    ]


def test_corrupted_sheet_data_fails_its_crc() -> None:
    content = bytearray(excel_file(XLSX_ROWS, compression=zipfile.ZIP_STORED))
    at = content.find("微博发布".encode())
    content[at] ^= 0x01
    assert codes(read_table(bytes(content), "data.xlsx")) == ["file-unreadable"]


def test_unsupported_compression_method() -> None:
    content = bytearray(excel_file(XLSX_ROWS))
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = content.find(signature)
        while at >= 0:
            content[at + offset] = 9  # deflate64: zipfile cannot read it
            at = content.find(signature, at + 4)
    assert codes(read_table(bytes(content), "data.xlsx")) == ["file-unreadable"]


def test_200000_row_workbook_reads_in_seconds() -> None:
    """openpyxl took over a minute and a gigabyte for this; limits allow 200,000 data rows."""
    shared: list[str] = []
    rows = (
        [2000 + n % 20, f"单位{n // 20}", "发布信息条数", "微博", None, f"{n}余", f"共发布{n}条"]
        for n in range(200_000)
    )
    data = sheet_data([HEADER], shared) + sheet_data(rows, shared, start=2)
    content = raw_xlsx(data, shared, dimension="A1:G200001")
    began = time.process_time()
    table = read_table(content, "big.xlsx")
    elapsed = time.process_time() - began
    assert table.problems == []
    assert len(table.rows) == 200_000 and table.rows[-1][0] == 200_001
    assert elapsed < 30, elapsed  # about 4 s of CPU on the CI machine


def test_csv_with_millions_of_blank_lines_is_refused_before_splitting() -> None:
    content = csv_bytes(*CSV_ROWS) + b"\r\n" * 2_000_000
    began = time.process_time()
    table = read_table(content, "data.csv")
    assert time.process_time() - began < 5
    assert problems(table) == [(None, None, "file-too-many-rows")]
    assert table.problems[0].params == {"limit": 1_048_576}
    assert not table.readable


def test_excel_empty_rows_are_skipped_but_counted() -> None:
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared)
    data += "".join(f'<row r="{r}" spans="1:7" ht="15"/>' for r in range(10, 3000))
    content = raw_xlsx(data, shared)
    table = read_table(content, "data.xlsx")
    assert table.problems == [] and [n for n, _ in table.rows] == [2, 3]
    table = read_table(content, "data.xlsx", limits=Limits(max_xml_elements=1_000))
    assert codes(table) == ["file-too-complex"]


def test_excel_xml_elements_are_bounded() -> None:
    """Elements of no meaning still cost a parser call each: they count against the budget."""
    shared: list[str] = []
    data = sheet_data(XLSX_ROWS, shared) + "<extra>" + "<x/>" * 5_000 + "</extra>"
    content = raw_xlsx(data, shared)
    assert codes(read_table(content, "data.xlsx")) == []
    table = read_table(content, "data.xlsx", limits=Limits(max_xml_elements=2_000))
    assert codes(table) == ["file-too-complex"]
    assert "2000" in problem_message(table.problems[0])
