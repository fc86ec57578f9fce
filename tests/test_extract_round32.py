"""Round 32 of extract_figures: a county's, district's or city's report named by its place
alone is its people's government's. Each test has a case the rule must leave alone; the texts
are made up."""

from __future__ import annotations

import pytest

from dashboard.extract.agency import find_agency_year


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("一、总体情况\n2023年,乃东区认真贯彻条例,全面提升信息公开工作水平。", "乃东区人民政府"),
        ("黄石市2025年政府信息公开工作年度报告\n一、总体情况", "黄石市人民政府"),
        ("太原市小店区2013年政府信息公开工作年度报告\n一、概述", "太原市小店区人民政府"),
        ("黔南州2024年政府信息公开工作年度报告\n一、总体情况", "黔南州人民政府"),
    ],
)
def test_a_place_alone_is_its_government(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # zones have committees, not governments
        ("随县经济开发区2019年政府信息公开工作年度报告\n一、总体情况", "随县经济开发区"),
        ("重庆两江新区2024年政府信息公开工作年度报告\n一、总体情况", "重庆两江新区"),
        # towns are written without 人民政府 (the labels' convention)
        ("大路镇2022年政府信息公开工作年度报告\n一、总体情况", "大路镇"),
        # a body keeps its own name
        ("城固县教育局2022年政府信息公开工作年度报告\n一、总体情况", "城固县教育局"),
        ("城固县人民政府办公室2022年政府信息公开工作年度报告\n一、概述", "城固县人民政府办公室"),
    ],
)
def test_other_names_are_left_as_they_are(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_league_is_not_given_a_government() -> None:
    # 阿拉善盟 has an administrative office (行政公署), not a people's government
    assert find_agency_year("阿拉善盟2024年政府信息公开工作年度报告\n一、总体情况")[0] == "阿拉善盟"


_SPEAKING = (
    "根据《条例》规定编制本报告。如对本报告有疑问，可直接与泰宁县人民政府办公室联系。\n"
    "一、总体情况\n2023年{voice}累计主动公开政府信息557件。"
)


@pytest.mark.parametrize("voice", ["全县", "我县"])
def test_a_report_in_a_county_s_own_voice_is_its_government_s(voice: str) -> None:
    assert find_agency_year(_SPEAKING.format(voice=voice))[0] == "泰宁县人民政府"


def test_the_government_named_most_often_by_a_report_of_this_level() -> None:
    text = (
        "向社会公布2012年度本级政府信息公开年度报告。本报告的电子版可在“思明区人民政府”网站查阅，"
        "或直接与思明区人民政府办公室联系。依据《厦门市人民政府关于…的通知》，主动公开信息120条。"
    )
    assert find_agency_year(text)[0] == "思明区人民政府"


@pytest.mark.parametrize(
    "text",
    [
        # a body's own voice: not its government's report
        _SPEAKING.format(voice="我局"),
        _SPEAKING.format(voice="全县") + "我局收到申请3件。",
        # two governments named as often: no guess
        "我县通过泰宁县人民政府网站和将乐县人民政府网站发布信息。",
        # a zone's 全区 beside the district government it reports to
        "经开区2024年主动公开信息。全区发布信息300条，报送武进区人民政府信息12条。",
    ],
)
def test_no_government_for_other_voices(text: str) -> None:
    assert find_agency_year(text)[0] is None
