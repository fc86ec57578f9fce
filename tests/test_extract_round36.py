"""Round 36 of extract_figures. Before blind27 arrived, on the agencies of the earlier sets: a
government's report its office writes (由XX县人民政府办公室编制) in a text speaking as the county;
a town's report its office writes; a name followed by the words making the report (特编制); a
body's second name in brackets before the year; a district named 市中区 in a title. Each test
has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_a_government_report_its_office_writes_is_the_governments() -> None:
    text = (
        "本报告由闽清县人民政府办公室编制。报告全文由总体情况等六部分组成。\n"
        "一、总体情况\n2022年,我县坚持以公开为常态,全县主动公开政府信息5942条。"
    )
    assert find_agency_year(text) == ("闽清县人民政府", 2022)
    # the office's own report (我办) stays the office's
    text = (
        "本报告由闽清县人民政府办公室编制。\n一、总体情况\n"
        "2022年,我办坚持以公开为常态,主动公开政府信息120条。"
    )
    assert find_agency_year(text)[0] == "闽清县人民政府办公室"
    # and so does a title naming the office
    text = (
        "闽清县人民政府办公室2022年政府信息公开工作年度报告\n"
        "本报告由闽清县人民政府办公室编制。我县主动公开政府信息120条。"
    )
    assert find_agency_year(text) == ("闽清县人民政府办公室", 2022)


def test_a_towns_office_writes_the_towns_report() -> None:
    text = (
        "莒南县石莲子镇人民政府办公室2021年政府信息公开工作年度报告\n"
        "一、总体情况\n我镇主动公开政府信息86条。"
    )
    assert find_agency_year(text) == ("莒南县石莲子镇", 2021)
    text = "高青县常家镇党政办公室2025年政府信息公开工作年度报告\n一、总体情况\n我镇公开信息12条。"
    assert find_agency_year(text)[0] == "高青县常家镇"
    # a county government's office is a body of its own
    text = "莒南县人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n我办公开信息86条。"
    assert find_agency_year(text)[0] == "莒南县人民政府办公室"


def test_a_name_then_the_words_making_the_report() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》的要求,中马街道办事处特编制2019年度政府信息公开"
        "工作年度报告。本报告包括情况概述。"
    )
    assert find_agency_year(text) == ("中马街道办事处", 2019)
    text = "根据条例要求,柯城区教育局现公布2020年度政府信息公开工作年度报告。"
    assert find_agency_year(text) == ("柯城区教育局", 2020)


def test_a_bodys_second_name_in_brackets_before_the_year() -> None:
    text = (
        "根据《条例》规定,现公布朔州市人民政府外事办公室(朔州市人民政府台港澳事务办公室)"
        "2023年政府信息公开工作年度报告。报告中所列数据的统计期限为2023年1月1日至2023年12月31日。"
    )
    assert find_agency_year(text) == ("朔州市人民政府外事办公室", 2023)
    # a contact's bracket is no second name to drop: the body before it stays whole
    text = (
        "如对本报告有任何疑问,请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区"
        "管理委员会)政府信息公开办公室,电话:0591-28200507。\n一、总体情况\n2022年,我委公开信息3条。"
    )
    assert find_agency_year(text)[0] == "中国(福建)自由贸易试验区福州片区管理委员会"


def test_a_district_named_shizhongqu_in_a_title() -> None:
    text = (
        "市中区交通运输局2025年政府信息公开工作年度报告\n"
        "本年度报告电子版可从市中区人民政府门户网站查阅。\n"
        "2025年,区交通运输局认真贯彻落实《中华人民共和国政府信息公开条例》。"
    )
    assert find_agency_year(text) == ("市中区交通运输局", 2025)
    # a city's bureau written short (市交通运输局), with no city named, is still no name
    text = "市交通运输局2025年政府信息公开工作年度报告\n本报告由办公室编制。"
    assert find_agency_year(text) == (None, 2025)
