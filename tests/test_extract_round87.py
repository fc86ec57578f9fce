"""Round 87, on the agency misses of all 84 sets: a city and its district of one name
(东营市东营区); a centre's other name in brackets before the year; the report's own site as
门户网 without 站; the copula before a name (2014年是国家铁路局…)."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_a_city_and_its_district_of_one_name() -> None:
    title = "东营市东营区人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n"
    assert find_agency_year(title) == ("东营市东营区人民政府办公室", 2023)
    # places written short, then in full: the full ones
    short = "上海普陀上海市普陀区宜川路街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n"
    assert find_agency_year(short) == ("上海市普陀区宜川路街道办事处", 2020)


def test_a_centres_other_name_in_brackets() -> None:
    title = (
        "淮北市妇幼保健计划生育服务中心(市妇幼保健院)2021年政府信息公开年度报告\n"
        "一、总体情况\n2021年,我院认真贯彻。"
    )
    assert find_agency_year(title) == ("淮北市妇幼保健计划生育服务中心", 2021)


def test_the_reports_own_site_as_menhuwang() -> None:
    text = (
        "本年度报告电子版可以从乌海市统计局门户网(http://tjj.wuhai.gov.cn)下载。"
        "如对本报告有疑问,请与我局办公室联系。2024年,我局主动公开信息5条。"
    )
    assert find_agency_year(text) == ("乌海市统计局", 2024)


def test_the_copula_before_a_name() -> None:
    text = (
        "2015年1月30日,国家铁路局网站发布2014年政府信息公开工作报告。"
        "2014年是国家铁路局全面履职第一年。"
    )
    assert find_agency_year(text)[0] == "国家铁路局"
