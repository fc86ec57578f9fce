"""Round 98, on the agency misses of the labelled sets: a zone named with the street office it is
one with in brackets, a public school's or hospital's own report, a name on the line above a
title that leaves it out, and a page's source field with a space before its colon."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_a_zone_is_named_with_its_street_office_in_brackets() -> None:
    assert find_agency_year(
        "根据《中华人民共和国政府信息公开条例》规定,现公布南通外向型农业综合开发区(苴镇街道)"
        "2025年政府信息公开工作年度报告。"
    ) == ("南通外向型农业综合开发区(苴镇街道)", 2025)
    assert find_agency_year(
        "根据《条例》要求,现公布永嘉三江商务区(街道)2014年政府信息公开工作年度报告。"
    ) == ("永嘉三江商务区(街道)", 2014)


def test_a_public_schools_own_report() -> None:
    assert find_agency_year(
        "怀远二中2021年政府信息公开工作年度报告\n本报告是根据《中华人民共和国政府信息公开条例》"
        "要求,由怀远二中编制。"
    ) == ("怀远二中", 2021)
    assert find_agency_year(
        "泰山學院附屬中學2008年度政府信息公開工作年度報告\n學校高度重視政府信息公開工作。"
    ) == ("泰山学院附属中学", 2008)


def test_a_hospital_answers_through_its_office() -> None:
    assert find_agency_year(
        "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
        "如有疑问,请与淮北市人民医院办公室联系。\n一、主动公开情况\n我院认真贯彻落实《条例》。"
    ) == ("淮北市人民医院", 2022)


def test_a_name_on_the_line_above_a_title_without_it() -> None:
    # (the body's name written again only in the title of its own rules, and short elsewhere)
    assert find_agency_year(
        "定州市环境保护局\n政府信息公开工作2014年度报告\n2014年,我局政府信息公开工作主要做到了以下几个方面:\n"
        "(三)制定了《定州市环境保护局环境信息公开管理办法(试行)》,重新编制政府信息公开指南和目录。\n"
        "(四)通过定州市环保局政府网站主动公开政府信息。\n"
        "(六)公众通过定州市政府网站www.dzhb.gov.cn可查阅定州市环保局主动公开的政府信息,"
        "并可向定州市环保局提出信息公开申请。"
    ) == ("定州市环境保护局", 2014)
    # a heading that is no body's name stays out
    assert find_agency_year(
        "工作总结\n政府信息公开工作2014年度报告\n2014年,我局政府信息公开工作主要做到了以下几个方面:"
    ) == (None, 2014)


def test_a_source_field_with_a_space_before_its_colon_completes_a_short_title() -> None:
    assert find_agency_year(
        "2021年区集体经济发展服务署政府信息公开工作年度报告\n"
        "信息提供日期 : 2022-01-21 17:48来源 : 深圳市福田区集体经济发展服务署\n"
        "一、总体情况\n我署严格按照福田区政府的统一部署,积极推进政府信息公开工作。"
    ) == ("深圳市福田区集体经济发展服务署", 2021)
    # 署 of 工作部署 still ends no name
    assert find_agency_year(
        "2021年,我局按照市政府工作部署推进政府信息公开工作,主动公开政府信息20条。"
    ) == (None, 2021)
