"""Round 53, written on blind40's agencies the extractor missed, checked on all sets (+3 found,
none lost): a law-enforcement corps (总队, 支队, 大队) as a body, a title's year written 2022度
without 年, and a province's bureau (厅) named short in its title and in full in its text; and,
on the figures of all sets, a government's disclosure platform (政务公开平台) as its portal;
then an administrative area (管理区) and a sentence opening with its year without 年.
Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_a_corps_opening_the_year_is_the_body() -> None:
    text = (
        "一、总体情况\n2019年，北京市交通执法总队认真贯彻落实《条例》。\n"
        "2019年，总队主动公开信息310余条。"
    )
    assert find_agency_year(text) == ("北京市交通执法总队", 2019)
    text = "2021年，肇庆市公安局交警支队坚持依法公开。"
    assert find_agency_year(text) == ("肇庆市公安局交警支队", 2021)
    text = "2021年，肇庆市公安局交警支队第三大队坚持依法公开。"
    assert find_agency_year(text) == ("肇庆市公安局交警支队第三大队", 2021)
    # a bureau directing its corps is the bureau
    text = "2021年，肇庆市公安局指导各支队坚持依法公开。"
    assert find_agency_year(text) == ("肇庆市公安局", 2021)


def test_a_title_year_written_without_nian() -> None:
    text = "2022度珠晖区粤汉街道信息公开工作年度报告\n本报告中所列数据的统计期限自2022年1月1日起"
    assert find_agency_year(text) == ("珠晖区粤汉街道", 2022)
    text = "2022年度珠晖区粤汉街道信息公开工作年度报告\n"
    assert find_agency_year(text) == ("珠晖区粤汉街道", 2022)


def test_a_provinces_bureau_short_in_its_title_is_given_in_full() -> None:
    text = "西藏自治区环保厅2016年政府信息公开年度报告\n2016年，自治区环境保护厅结合工作实际。"
    assert find_agency_year(text) == ("西藏自治区环境保护厅", 2016)
    text = "四川省住建厅2020年政府信息公开工作年度报告\n"
    assert find_agency_year(text) == ("四川省住房和城乡建设厅", 2020)
    # a 厅 whose name is its full name stays as written
    text = "四川省教育厅2020年政府信息公开工作年度报告\n"
    assert find_agency_year(text) == ("四川省教育厅", 2020)


def test_a_disclosure_platform_is_the_governments_portal(catalogue: Catalogue) -> None:
    text = "2022年，全年通过金昌市政府政务公开平台发布信息82条。"
    assert taken(text, catalogue, "金昌市统计局") == {("items_published", "gov_portal", None, 82)}
    text = "2022年，在政务公开平台全年主动公开政务信息541条。"
    assert taken(text, catalogue, "宣城市体育局") == {("items_published", "gov_portal", None, 541)}
    text = "2022年，通过沅江市人民政府信息平台主动公开信息总计86条。"
    assert taken(text, catalogue, "沅江市水利局") == {("items_published", "gov_portal", None, 86)}
    # the platforms of every level together are no one channel: the total
    text = "2022年，全年共通过各级政务公开平台主动公开政府信息7800余条。"
    assert taken(text, catalogue, "吴江区") == {("items_published", None, None, 7800)}


def test_an_administrative_area_and_a_year_without_nian_open_the_body() -> None:
    text = "2025年，熊口管理区在市委、市政府的正确领导下，认真贯彻实施《条例》。"
    assert find_agency_year(text) == ("熊口管理区", 2025)
    text = "一、总体情况\n2025,吐鲁番市高昌区住建局以《条例》为遵循，做好公开工作。"
    assert find_agency_year(text)[0] == "吐鲁番市高昌区住房和城乡建设局"
    # a number before a comma, not a year, opens no body
    text = "一、总体情况\n2500,吐鲁番市高昌区住建局以《条例》为遵循。"
    assert find_agency_year(text) == (None, None)
