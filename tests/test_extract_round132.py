"""Round 132, on the agency names of all 127 sets: a body that made its report from words between
its name and 编制 (由北京商务中心区管理委员会根据本单位政府信息公开情况编制), and a state-owned
company named by its trade (襄阳中环水务有限公司)."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_the_body_that_made_the_report_from_its_own_information() -> None:
    text = (
        "本报告根据《中华人民共和国政府信息公开条例》和《北京市政府信息公开规定》及区委、区政府"
        "相关要求,由北京商务中心区管理委员会根据本单位政府信息公开情况编制。"
        "本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。"
    )
    assert find_agency_year(text)[0] == "北京商务中心区管理委员会"
    # (the body whose information a report was made from is not who made it)
    cited = "本报告根据北京商务中心区管理委员会的工作要点编制。2017年,我局主动公开信息12条。"
    assert find_agency_year(cited)[0] != "北京商务中心区管理委员会"


def test_a_state_owned_company_named_by_its_trade() -> None:
    text = (
        "一、总体情况 2019年度,襄阳中环水务有限公司在市信息公开办的指导下,根据《中华人民共和国"
        "政府信息公开条例》和《湖北省人民政府信息公开规定》等相关文件精神,主动向社会进行了公开。"
    )
    # (not 湖北省人民政府, whose rules the sentence cites; its province put before the name, as
    # the places are for a body the text names without its own)
    assert find_agency_year(text)[0] == "湖北省襄阳中环水务有限公司"
    # (a company the report names as a third party is not its body)
    third = "襄阳市水利局2019年政府信息公开工作年度报告\n我局督促襄阳中环水务有限公司公开水价信息。"
    assert find_agency_year(third)[0] == "襄阳市水利局"
