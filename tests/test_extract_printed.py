"""Printed lines (`dashboard/extract/printed.py`): which line runs on into the next, by its
place on the page or its width, and what of a page is furniture (page numbers, running lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.extract.printed import (
    PrintedLine,
    by_position,
    by_width,
    is_page_furniture,
    joined,
    running_lines,
    trimmed,
)

EM = 11.0  # the body text's size, points


def _line(text: str, x1: float, x0: float = 90.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 100.0 + EM}


def test_a_line_is_full_when_it_ends_at_the_margin() -> None:
    page = [
        _line("一、总体情况", 156.0),
        _line("2021年1月1日至2021年12月31日，我局在门户网站主动公开更新商务信息470", 503.0),
        _line("条。涉及单位概况类信息2条、政务动态类信息412条、信息公开目录类信", 521.0),
        _line("息56条。", 160.0),
        _line("全年微信发布商务信息263条，新浪微博发布商务信息682条，抖音", 470.0),
        _line("发布视频12条。", 180.0),
    ]
    lines = by_position(page, page)
    # at the margin, or short of it by the 条。 that Chinese line breaking carried over; a line
    # four characters short is the end of a paragraph
    assert [line.full for line in lines] == [False, True, True, False, False, False]
    assert joined(lines).split("\n") == [
        "一、总体情况",
        "2021年1月1日至2021年12月31日，我局在门户网站主动公开更新商务信息470条。涉及单位概况类"
        "信息2条、政务动态类信息412条、信息公开目录类信息56条。",
        "全年微信发布商务信息263条，新浪微博发布商务信息682条，抖音",
        "发布视频12条。",
    ]


def test_a_page_of_a_few_words_has_no_full_line() -> None:
    cover = [_line("某某局", 160.0), _line("2024年政府信息公开工作年度报告", 250.0)]
    assert [line.full for line in by_position(cover, cover)] == [False, False]


def test_fullness_is_the_page_s_own() -> None:
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
        ("规章 0 0 0", "行政规范性文件 5 1 25", False),  # table rows
    ],
)
def test_a_full_line_runs_on_unless_its_sentence_ends(
    line: str, following: str, runs_on: bool
) -> None:
    text = joined([PrintedLine(line, True), PrintedLine(following, False)])
    assert (text == line + following) is runs_on
    # a line short of the margin never runs on
    assert (
        joined([PrintedLine(line, False), PrintedLine(following, False)]) == f"{line}\n{following}"
    )


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
    ("between", "furniture"),
    [
        ("", True),
        ("- 3 -\n", True),
        ("— 12 —", True),
        ("第 3 页 共 10 页", True),
        ("3/10", True),
        ("12", True),
        ("注：本表数据截至12月31日", False),
        ("续表", False),
    ],
)
def test_only_page_numbers_are_page_furniture(between: str, furniture: bool) -> None:
    assert is_page_furniture(between.split("\n")) is furniture


def test_running_lines_are_those_at_the_head_or_foot_of_two_pages() -> None:
    title = "某某区教育局2024年政府信息公开工作年度报告"
    pages = [[title, "一、总体情况", "第 1 页"], [title, "（二）依申请公开", "第 2 页"], ["附表"]]
    running = running_lines(pages)
    assert is_page_furniture([title, "第 7 页"], running)
    assert not is_page_furniture(["一、总体情况"], running)
    page = [PrintedLine(text, False) for text in pages[1]]
    assert trimmed(page, running, head=True, foot=True) == [page[1]]
    assert trimmed(page, running, head=False, foot=True) == page[:2]
