"""Printed lines (`dashboard/extract/printed.py`): which line runs on into the next, by its
place on the page or its width, and what of a page is furniture (page numbers, running lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.extract.printed import (
    FULL,
    PrintedLine,
    by_position,
    by_width,
    is_page_furniture,
    joined,
    running_lines,
    text_margins,
    trimmed,
)

EM = 11.0  # the body text's size, points
RIGHT = 521.0  # the right margin


def _line(text: str, x1: float) -> dict[str, Any]:
    """A text line as pdfplumber gives it, ending at `x1`: Chinese characters a full em wide,
    digits and Latin letters 7 points."""
    chars = []
    x = x1
    for char in reversed(text):
        width = EM if ord(char) >= 0x2E80 else 7.0
        chars.insert(0, {"text": char, "x0": x - width, "x1": x})
        x -= width
    return {"text": text, "x0": x, "x1": x1, "top": 100.0, "bottom": 100.0 + EM, "chars": chars}


def _read(*lines: dict[str, Any]) -> list[str]:
    page = [
        *lines,
        _line("本页最宽的一行文字正好排到右边距为止本页最宽的一行文字正好排到右边距为止", RIGHT),
    ]
    return joined(by_position(lines, page)).split("\n")


def test_a_line_goes_on_when_the_next_piece_did_not_fit_at_its_end() -> None:
    # Chinese line breaking carried 条 over with the 。 that may not start a line: 18 points
    # were left, 条。 is 22 wide
    assert _read(
        _line("我局在门户网站主动公开更新商务信息470", 503.0),
        _line("条。涉及单位概况类信息2条。", 250.0),
    ) == ["我局在门户网站主动公开更新商务信息470条。涉及单位概况类信息2条。"]
    # a number is not broken: 28 points left, 1380 is 28 wide
    assert _read(
        _line("在市人民政府门户网站公开政府信息", 493.0),
        _line("1380条、在微信公众号公开信息676条。", 330.0),
    ) == ["在市人民政府门户网站公开政府信息1380条、在微信公众号公开信息676条。"]
    # a line ending well short of the margin ended on purpose
    assert _read(
        _line("全年微信发布商务信息263条，抖音", 400.0), _line("发布视频12条。", 200.0)
    ) == [
        "全年微信发布商务信息263条，抖音",
        "发布视频12条。",
    ]


def test_a_last_page_whose_widest_line_is_a_heading_keeps_it_a_heading() -> None:
    # the report's last page: a heading and one short sentence; the heading is the page's widest
    # line, but ends well short of the margin the other pages set
    last = [
        _line("四、政府信息公开行政复议、行政诉讼情况", 300.0),
        _line("本年度无行政复议、行政诉讼。", 214.0),
    ]
    assert (
        joined(by_position(last, last))
        == "四、政府信息公开行政复议、行政诉讼情况本年度无行政复议、行政诉讼。"
    )
    assert joined(by_position(last, last, RIGHT)).split("\n") == [
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度无行政复议、行政诉讼。",
    ]
    # the margin is the document's, for pages as wide; a landscape page has its own, and a page
    # of short lines sets none
    body = [
        _line("本页最宽的一行文字正好排到右边距为止本页最宽的一行文字正好排到右边距为止", RIGHT)
    ]
    wide = [
        _line("横排的统计表页面上最宽的一行文字正好排到这一页的右边距为止横排的统计表页面", 800.0)
    ]
    assert text_margins([(595.0, body), (595.0, last), (842.0, wide), (595.0, body)]) == [
        RIGHT,
        RIGHT,
        800.0,
        RIGHT,
    ]
    assert text_margins([(595.0, [_line("目录", 100.0)])]) == [None]


def test_a_page_of_short_lines_has_no_line_that_goes_on() -> None:
    items = [
        _line("微信公众号386条", 190.0),
        _line("政务微博120条", 182.0),
        _line("抖音号57条", 160.0),
    ]
    assert not any(line.full for line in by_position(items, items))
    assert joined(by_position(items, items)) == "微信公众号386条\n政务微博120条\n抖音号57条"


def test_a_page_in_a_large_font_goes_on_too() -> None:
    # 19 characters to a line of 22-point type: few characters, but running text
    big = 22.0

    def line(text: str, x1: float) -> dict[str, Any]:
        shaped = _line(text, x1)
        shaped["bottom"] = shaped["top"] + big
        for char in shaped["chars"]:
            char["x0"] = x1 - big * (len(text) - shaped["chars"].index(char))
            char["x1"] = char["x0"] + big
        return shaped

    page = [
        line("为深入贯彻落实《中华人民共和国政府信息", 508.0),
        line("公开条例》，现公布本年度报告。", 420.0),
    ]
    assert (
        joined(by_position(page, page))
        == "为深入贯彻落实《中华人民共和国政府信息公开条例》，现公布本年度报告。"
    )


def test_the_margin_is_the_page_s_own() -> None:
    # a landscape page's lines are wider: a portrait page's full line is full on its own page
    portrait = [_line("全年通过区政府门户网站主动公开政府信息共计一千二百余条，其中门户", 520.0)]
    landscape = [_line("注：本表所列数据为本机关本年度收到和处理政府信息公开申请情况", 760.0)]
    assert by_position(portrait, portrait)[0].full
    assert not by_position(portrait, portrait + landscape)[0].full


@pytest.mark.parametrize(
    ("line", "following", "runs_on"),
    [
        ("全年在门户网站发布信息", "7435条。", True),
        ("其中，", "门户网站发布1200条", True),
        ("门户网站（http://", "www.example.gov.cn/）发布", True),
        ("全年在门户网站发布信息7435条。", "微信公众号发布218条。", False),  # a sentence's end
        ("全年在门户网站发布信息", "二、主动公开政府信息情况", False),  # a heading
        ("主动公开政府信息295条，包括：", "1.政务网公开120条", False),  # a list's item
        ("主动公开政府信息295条，包括：", "（一）政务网公开120条", False),
        ("全年在门户网站发布信息", "1.2万条。", True),  # a number
        ("规章 0 0 0", "行政规范性文件 5 1 25", False),  # table rows
    ],
)
def test_a_full_line_runs_on_unless_its_sentence_ends(
    line: str, following: str, runs_on: bool
) -> None:
    text = joined([PrintedLine(line, FULL), PrintedLine(following)])
    assert (text == line + following) is runs_on
    # a line with room left for the next line's first piece never runs on
    lines = [PrintedLine(line, room=50.0), PrintedLine(following, lead=11.0)]
    assert joined(lines) == f"{line}\n{following}"


def test_text_without_positions_is_full_by_width() -> None:
    lines = by_width(
        "某某局年度报告\n"
        + "全年在门户网站发布信息" * 3
        + "\n"
        + "微信公众号发布信息条数" * 3
        + "\n短行。"
    )
    assert [line.full for line in lines] == [False, True, True, False]
    # a text with fewer full lines than asked for is a page's text, a paragraph a line
    assert not any(
        line.full for line in by_width("一行很长很长很长很长很长很长很长很长很长很长的段落\n短", 3)
    )


@pytest.mark.parametrize(
    "footer", ["- {} -", "— {} —", "第 {} 页 共 10 页", "{}/10", "{}", "Page {}"]
)
def test_page_numbers_are_page_furniture(footer: str) -> None:
    pages = [["一、总体情况", footer.format(1)], ["二、主动公开", footer.format(2)]]
    running = running_lines(pages)
    assert is_page_furniture([footer.format(7), ""], running)
    assert not is_page_furniture(["注：本表数据截至12月31日"], running)


def test_the_same_number_at_the_foot_of_pages_is_no_page_number() -> None:
    # a table's cells one a line: the 0 closing two pages is a cell
    running = running_lines([["规章", "0"], ["规范性文件", "0"]])
    assert not is_page_furniture(["0"], running, 2)


@pytest.mark.parametrize(
    ("line", "page", "furniture"),
    [
        ("- 7 -", 7, True),
        ("第 1 页 共 3 页", 1, True),
        ("1", 1, True),
        ("3", 1, False),
        ("0", 1, False),
    ],
)
def test_a_page_s_own_number_is_furniture_on_it(line: str, page: int, furniture: bool) -> None:
    # a document of one page has no running lines: its number is its page's
    assert is_page_furniture([line], frozenset(), page) is furniture


def test_running_lines_are_those_at_the_head_or_foot_of_two_pages() -> None:
    title = "某某区教育局2024年政府信息公开工作年度报告"
    pages = [[title, "一、总体情况", "第 1 页"], [title, "（二）依申请公开", "第 2 页"], ["附表"]]
    running = running_lines(pages)
    assert is_page_furniture([title, "第 7 页"], running)
    assert not is_page_furniture(["一、总体情况"], running)
    page = [PrintedLine(text) for text in pages[1]]
    assert trimmed(page, running, 2, head=True, foot=True) == [page[1]]
    assert trimmed(page, running, 2, head=False, foot=True) == page[:2]
