"""A PDF's ruled tables put back together: cells' wrapped lines, tables over page breaks, rows
cut by a break. The real reports printed to PDF are read in test_extract_tables.py."""

from __future__ import annotations

import math

import pytest

from dashboard.extract.document import _pdf_pages
from dashboard.extract.pdf_tables import (
    Cell,
    PdfTable,
    cell_text,
    grid,
    join_part,
)
from dashboard.extract.printed import FULL, PrintedLine

# Columns of a small table 三 on an A4 page: label | 自然人 | 商业企业 | 科研机构 | 总计
RULES = (50.0, 250.0, 300.0, 350.0, 400.0, 450.0)


def _row(bottom: float, *cells: str | tuple[str, int]) -> list[Cell]:
    """A row's cells left to right; ("text", n) spans n columns; the rows' cells end at `bottom`."""
    out = []
    at = 0
    for spec in cells:
        text, span = spec if isinstance(spec, tuple) else (spec, 1)
        out.append(Cell(RULES[at], RULES[at + span], bottom, text))
        at += span
    return out


def _table(top: float, *rows: list[Cell]) -> PdfTable:
    return PdfTable(RULES[0], RULES[-1], top, max(c.bottom for c in rows[-1]), list(rows))


@pytest.mark.parametrize(
    ("printed", "text"),
    [
        ("自然\n人", "自然人"),
        ("1.属\n于国\n家秘\n密", "1.属于国家秘密"),
        ("（三\n）不\n予公\n开", "（三）不予公开"),
        ("本年收费金额\n(单位:万元)", "本年收费金额(单位:万元)"),
        ("12\n345", "12345"),
        ("Annual\nreport", "Annual report"),
        ("  规章  \n", "规章"),
        (None, ""),
    ],
)
def test_a_cells_printed_lines_are_joined(printed: str | None, text: str) -> None:
    assert cell_text(printed) == text


def _texts(table: PdfTable) -> list[list[str]]:
    return [[c for c in row if c] for row in grid(table)]


def test_a_label_cut_by_the_page_break_joins_its_row() -> None:
    table = _table(600, _row(640, "2.其他法律行政法规禁止公", "0", "0", "0", "0"))
    part = _table(
        50, _row(70, "开", "", "", "", ""), _row(90, "3.危及“三安全一稳定”", "1", "0", "0", "1")
    )
    join_part(table, part)
    assert _texts(table) == [
        ["2.其他法律行政法规禁止公开", "0", "0", "0", "0"],
        ["3.危及“三安全一稳定”", "1", "0", "0", "1"],
    ]


def test_figures_in_the_lower_half_of_a_cut_row_join_it_too() -> None:
    # cells centred vertically: the label's first line above the break, the figures below it
    table = _table(600, _row(640, "5.要求行政机关确认或", "", "", "", ""))
    part = _table(50, _row(70, "重新出具已获取信息", "2", "0", "0", "2"))
    join_part(table, part)
    assert _texts(table) == [["5.要求行政机关确认或重新出具已获取信息", "2", "0", "0", "2"]]


@pytest.mark.parametrize(
    ("last", "first"),
    [
        # figures under figures
        (("行政许可", "0", "0", "0", "0"), ("行政处罚", "3", "0", "0", "3")),
        # a label opening with an item marker, even with no figures
        (("6.属于四类过程性信息", "1", "", "", "1"), ("7.属于行政执法案卷", "", "", "", "")),
        (("（六）其他处理", "", "", "", ""), ("（七）总计", "5", "1", "0", "6")),
        # text under a figure: a header row of the next block
        (("行政许可", "0", "0", "0", "0"), ("信息内容", "本年", "新增", "废止", "现行")),
    ],
)
def test_a_row_of_its_own_at_the_top_of_a_page_stays_one(
    last: tuple[str, ...], first: tuple[str, ...]
) -> None:
    table = _table(600, _row(640, *last))
    join_part(table, _table(50, _row(70, *first)))
    assert _texts(table) == [[c for c in last if c], [c for c in first if c]]


def test_a_header_cut_by_the_break_keeps_its_lower_row() -> None:
    # 自然人 spans two header rows and is cut; 商业企业 and 科研机构 are the lower row's own
    # cells under the merged 法人或其他组织
    table = _table(
        680,
        _row(700, ("申请人情况", 5)),
        _row(720, "", "自然", ("法人或其他组织", 2), "总计"),
    )
    part = _table(
        50,
        _row(70, "", "人", "商业企业", "科研机构", ""),
        _row(90, "一、本年新收", "3", "1", "0", "4"),
    )
    join_part(table, part)
    assert grid(table) == [
        ["申请人情况", "", "", "", ""],
        ["", "自然人", "法人或其他组织", "", "总计"],
        ["", "", "商业企业", "科研机构", ""],
        ["一、本年新收", "3", "1", "0", "4"],
    ]


def test_header_rows_repeated_on_each_page_are_read_once() -> None:
    header = ("信息内容", "本年", "新增", "废止", "现行")
    table = _table(600, _row(620, *header), _row(640, "规章", "0", "0", "0", "0"))
    join_part(table, _table(50, _row(70, *header), _row(90, "行政规范性文件", "5", "1", "0", "25")))
    assert _texts(table) == [
        list(header),
        ["规章", "0", "0", "0", "0"],
        ["行政规范性文件", "5", "1", "0", "25"],
    ]


def test_a_second_cut_looks_only_at_the_last_pages_part() -> None:
    # each page's part ends at the same height: the first page's foot is no longer the table's
    table = _table(600, _row(640, "7.属于行政执法案", "", "", "", ""))
    join_part(
        table,
        _table(
            50, _row(70, "卷", "", "", "", ""), _row(640, "5.要求行政机关确认或", "", "", "", "")
        ),
    )
    join_part(table, _table(50, _row(70, "重新出具已获取信息", "", "", "", "")))
    assert _texts(table) == [["7.属于行政执法案卷"], ["5.要求行政机关确认或重新出具已获取信息"]]


def _lines(text: str, *full: str) -> list[PrintedLine]:
    """A stretch of a page: its lines, those in `full` running to the margin."""
    return [
        PrintedLine(line, FULL if line in full else math.inf) for line in text.split("\n") if line
    ]


def _page(
    before: str, *tables: PdfTable, after: str = ""
) -> tuple[list[list[PrintedLine]], list[PdfTable]]:
    return [_lines(before), *([[]] * (len(tables) - 1)), _lines(after)], list(tables)


def test_a_table_over_a_page_break_is_one_table_where_it_starts() -> None:
    first = _table(600, _row(640, "规章", "0", "0", "0", "0"))
    rest = _table(50, _row(70, "行政规范性文件", "5", "1", "0", "25"))
    text, tables = _pdf_pages(
        [_page("二、主动公开", first, after="- 1 -"), _page("", rest, after="三、收到\n- 2 -")]
    )
    assert len(tables) == 1 and len(tables[0]) == 2
    assert [line for line in text.split("\n") if line] == [
        "二、主动公开",
        "规章\t0\t0\t0\t0",
        "行政规范性文件\t5\t1\t0\t25",
        "三、收到",
    ]


@pytest.mark.parametrize(
    ("after", "before", "x0"),
    [
        ("注：本表数据截至12月31日", "", RULES[0]),  # words under the first part
        ("", "续表", RULES[0]),  # words above the second
        ("", "", RULES[0] + 30),  # other rules: another table
    ],
)
def test_tables_apart_stay_two(after: str, before: str, x0: float) -> None:
    first = _table(600, _row(640, "规章", "0", "0", "0", "0"))
    rest = _table(50, _row(70, "行政规范性文件", "5", "1", "0", "25"))
    rest.x0 = x0
    text, tables = _pdf_pages([_page("", first, after=after), _page(before, rest)])
    assert [len(t) for t in tables] == [1, 1]
    assert text.index("规章\t0") < text.index("行政规范性文件\t5\t1\t0\t25")


def test_page_numbers_and_running_headers_leave_the_text() -> None:
    title = "某某区教育局2024年政府信息公开工作年度报告"
    line = "全年通过区政府门户网站政府信息公开专栏主动公开各类政府信息共计，其中"  # a full line
    pages = [
        ([_lines(f"{title}\n{title}\n一、总体情况\n{line}\n- 1 -", line)], []),
        ([_lines(f"{title}\n门户网站发布1239条。\n{line}\n- 2 -", line)], []),
        ([_lines(f"{title}\n二、主动公开政府信息情况\n- 3 -", line)], []),
    ]
    text, tables = _pdf_pages(pages)
    assert tables == []
    # the first page's head is its own (the header's title above the same title, once); a
    # sentence goes on over the page break, a heading starts a line
    assert text.split("\n") == [
        title,
        "一、总体情况",
        line + "门户网站发布1239条。",
        line,
        "二、主动公开政府信息情况",
    ]


def test_a_table_goes_on_under_a_running_header() -> None:
    title = "某某区教育局2024年政府信息公开工作年度报告"
    first = _table(600, _row(640, "规章", "0", "0", "0", "0"))
    rest = _table(80, _row(100, "行政规范性文件", "5", "1", "0", "25"))
    pages = [
        _page(f"{title}\n二、主动公开", first, after="- 1 -"),
        _page(title, rest, after="- 2 -"),
    ]
    text, tables = _pdf_pages(pages)
    assert [len(t) for t in tables] == [2]
    assert text.split("\n") == [
        title,
        "二、主动公开",
        "规章\t0\t0\t0\t0",
        "行政规范性文件\t5\t1\t0\t25",
    ]
    # one page alone has no running lines: its title is text, its number (1) is not
    alone = _table(600, _row(640, "规章", "0", "0", "0", "0"))
    text, tables = _pdf_pages([_page(title, alone, after="- 1 -")])
    assert text.split("\n") == [title, "规章\t0\t0\t0\t0"]
