"""Round 118, on blind111 after its one measure: colleges and the Academy's institutes as the
bodies of their reports — a college opening a sentence after its school year (2021-2022学年,
安徽财贸职业学院…), a botanical garden (中国科学院西双版纳热带植物园), an institute its two owners
name (中国科学院、水利部成都山地灾害与环境研究所) — and their own sites (校园门户网站,
植物园网站)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_a_college_after_its_school_year() -> None:
    text = (
        "2021-2022学年,安徽财贸职业学院严格落实《高等学校信息公开办法》,根据《安徽省教育厅关于"
        "做好2022年高校信息公开年度报告工作的通知》的总体要求,现将学院2021-2022年度信息公开"
        "工作报告如下。"
    )
    assert find_agency_year(text) == ("安徽财贸职业学院", 2022)


def test_the_academys_institutes() -> None:
    garden = "中国科学院西双版纳热带植物园信息公开工作2016年度报告\n时间:2017-10-31"
    assert find_agency_year(garden) == ("中国科学院西双版纳热带植物园", 2016)
    co_owned = "中国科学院、水利部成都山地灾害与环境研究所信息公开工作2016年度报告\n时间:2017-02-20"
    assert find_agency_year(co_owned) == ("中国科学院、水利部成都山地灾害与环境研究所", 2016)
    # (the Academy's name is no college's: its institute keeps its whole name)
    institute = "2023年,中国科学院上海应用物理研究所认真贯彻《条例》。"
    assert find_agency_year(institute)[0] == "中国科学院上海应用物理研究所"
    # (two plaques of one body, listed: the first, as before)
    plaques = "城南办事处、城南园区2024年政府信息公开工作年度报告\n"
    assert find_agency_year(plaques)[0] == "城南办事处"


def test_a_colleges_and_an_institutes_own_sites(catalogue: Catalogue) -> None:
    college = "2022年,学校通过校园门户网站发布信息3609条。"
    assert taken(college, catalogue) == {("items_published", "dept_site", None, 3609.0)}
    garden = "2016年,植物园网站公开各类信息总数为1285条。"
    assert taken(garden, catalogue) == {("items_published", "dept_site", None, 1285.0)}
    # (the schools' sites in an education bureau's report are other bodies')
    schools = "2022年,各学校网站发布信息300条。"
    assert taken(schools, catalogue) == set()
