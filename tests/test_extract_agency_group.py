"""The agency of a report told by its own disclosure leading group (北京市东城区人民政府外事办公室
政府信息公开工作领导小组由我办主要领导担任组长) when nothing else names it, and a government's
report published under its office in brackets (遵义市播州区人民政府(区政府办公室)2021年…报告):
the office, as the labels name it."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_a_body_named_by_its_leading_group() -> None:
    office = (
        "一、总体情况\n1.组织领导\n北京市东城区人民政府外事办公室政府信息公开工作领导小组"
        "由我办主要领导担任组长。2021年,我办严格按照要点要求开展工作。"
    )
    assert find_agency_year(office) == ("北京市东城区人民政府外事办公室", 2021)
    district = (
        "(一)组织领导建设情况。成立了由常务副区长任组长的大兴区政务公开领导小组,"
        "组建了政府信息公开管理中心。2021年主动公开信息120条。"
    )
    assert find_agency_year(district)[0] == "大兴区人民政府"
    town = "我镇成立巍山镇政务公开领导小组。2017年主动公开信息3条。"
    assert find_agency_year(town)[0] == "巍山镇"


def test_a_higher_bodys_group_names_no_body() -> None:
    # (the group a bureau follows, and a group's office, are not the report's body)
    follows = "(四)平台建设\n根据市政务公开领导小组的工作要求,我委加强平台建设。"
    assert find_agency_year(follows)[0] is None
    its_office = "请与开发区政务公开工作领导小组办公室联系。"
    assert find_agency_year(its_office)[0] is None


def test_a_governments_report_under_its_office() -> None:
    title = "遵义市播州区人民政府(区政府办公室)2021年政府信息公开工作年度报告\n根据《条例》"
    assert find_agency_year(title) == ("遵义市播州区人民政府办公室", 2021)
    sentence = "现公布贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告。"
    assert find_agency_year(sentence) == ("贵阳市人民政府办公厅", 2021)


def test_a_bureau_citing_its_governments_rules_is_named_after_them() -> None:
    # (the government named only inside the rules' title is refused; the bureau opening the
    # next clause is the body)
    text = (
        "一、总体情况\n以《中华人民共和国政府信息公开条例》《西安市雁塔区人民政府信息公开暂行办法》"
        "为根本遵循,紧密贴合卫生健康工作实际,雁塔区卫生健康局严格落实政府信息公开签审要求。\n"
        "(一)主动公开情况\n2025年我局依托区级政府门户网站集中公开各类政务信息。"
    )
    assert find_agency_year(text)[0] == "西安市雁塔区卫生健康局"
    # (a clause on who runs the bureau's site names no body)
    runs_it = (
        "工作严格按照《咸宁市人民政府信息公开指南》要求开展。由局办公室具体承办,"
        "局信息中心负责局门户网站和局微信公众号管理。2019年我局主动公开信息52条。"
    )
    assert find_agency_year(runs_it)[0] is None


def test_a_placeless_title_of_a_research_office_or_a_centre() -> None:
    # (the title's 市政府研究室 completed by the place the text writes before the same words)
    office = (
        "市政府研究室2019年政府信息公开\n工作年度报告\n特向社会公布2019年度市政府研究室信息公开"
        "年度报告。\n经信息汇总梳理,2019年孝感市政府研究室主动公开信息16条。"
    )
    assert find_agency_year(office) == ("孝感市政府研究室", 2019)
    centre = (
        "市公共资源交易中心2024年政府信息公开工作年度报告\n"
        "2024年,驻马店市公共资源交易中心通过门户网站发布信息120条。"
    )
    assert find_agency_year(centre) == ("驻马店市公共资源交易中心", 2024)
