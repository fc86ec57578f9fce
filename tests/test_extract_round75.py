"""Round 75, written on blind59 after it was measured once (each rule checked on all 64 sets):
every government site of a city (全市政府网站) is no one portal; requests counted by name
(依申请公开数量为1条), new ones beside those carried over (本年新收105件, 其中本年度新接收91件),
received and completed in one number at length; the documents explained 对其中13件; kinds listed
after 各类 on an account are its posts; a count said in a clause of its own after what was
published (…等15类政府信息，共计232条); the departments' requests after the body's own. Agency:
a zone's office and department trimmed, two plaques run together, a higher body's notice is no
rules of the agency's own, a government's office said short (钟楼区政府办公室) and an office
compiling the whole place's report answer for the government. The texts are excerpts of
blind59's reports (南阳市人民政府 2018, 宜兴市官林镇 2021, 沈阳市沈北新区人民政府 2023, 淮安市
清江浦区人民政府 2021, 兴化市大垛镇 2025, 沈阳市和平区人民政府 2020, 连云港徐圩新区 2025, 晋州市
人民政府 2024, 浦口高新区 2023, 淮安生态文旅区 2021, 上海市水务局 2020, 浑河站东街道 2024, 常州市
钟楼区人民政府 2017)."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_every_government_site_of_a_city_is_no_one_portal(catalogue: Catalogue) -> None:
    text = "通过全市政府网站公开10万余条。"
    assert left_out(text, catalogue)["10万余条"] == "several channels"
    # (control: the county's portal, said with 门户)
    portal = "全县政府门户网站公开政府信息超过1万条。"
    assert ("items_published", "gov_portal", None, 10000.0) in taken(portal, catalogue)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("依申请公开数量为1条。", 1.0),
        ("上年结转政府信息公开申请0件,本年新收105件,办理97件。", 105.0),
        ("全区累计处理政府信息依申请公开92件,其中,本年度新接收91件,2020年结转办理1件。", 91.0),
    ],
)
def test_requests_counted_by_name_or_beside_those_carried_over(
    text: str, value: float, catalogue: Catalogue
) -> None:
    assert ("requests_new", None, None, value) in taken(text, catalogue)


def test_received_and_completed_in_one_number_said_at_length(catalogue: Catalogue) -> None:
    text = "2022年度,大垛镇新收到并办结公民、法人或其他组织提出的政府信息公开申请2件。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 2.0) in found
    assert ("requests_completed", None, None, 2.0) in found


def test_the_documents_explained_among_those_counted(catalogue: Catalogue) -> None:
    text = "公开文件16件,对其中13件进行了图文解读。"
    assert ("interpretations", None, None, 13.0) in taken(text, catalogue)


def test_kinds_listed_after_every_kind_on_an_account_are_its_posts(catalogue: Catalogue) -> None:
    text = "全年通过“奋进大垛”微信公众号发布各类政务动态、政策解读及服务信息共413条。"
    assert ("items_published", "wechat", None, 413.0) in taken(text, catalogue)


def test_a_count_in_a_clause_of_its_own_after_what_was_published(catalogue: Catalogue) -> None:
    text = (
        "主动公开概况信息、人事任免、政策文件、重大决策预公开、政府采购等15类政府信息,共计232条。"
    )
    assert ("items_published", None, None, 232.0) in taken(text, catalogue)


def test_the_departments_requests_after_the_bodys_own(catalogue: Catalogue) -> None:
    text = (
        "2022年,市政府共受理群众依法公开申请29件,各乡镇政府,开发区管委会,"
        "市政府各部门共受理群众依法公开申请24件。"
    )
    assert ("requests_new", None, None, 29.0) in taken(text, catalogue)
    assert left_out(text, catalogue)["24件"] == "other bodies' figures"
    # (control: the whole district's, alone, is the government's report's figure)
    alone = "全区各单位共收到政府信息公开申请122件。"
    assert ("requests_new", None, None, 122.0) in taken(alone, catalogue)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "本年报是根据《中华人民共和国政府信息公开条例》要求,由浦口高新区党政办公室编制的2023年度"
            "政府信息公开工作年度报告。",
            "浦口高新区",
        ),
        (
            "本報告由淮安生態文旅區綜合管理部根據《中華人民共和國政府信息公開條例》規定編制。報告所列"
            "統計期限自2021年1月1日至2021年12月31日。如對本報告有疑問,請與淮安生態文旅區綜合管理部聯系"
            "(地址:淮安市福地路1號)。\n—、總體情況\n2021年,我區深入貫徹落實《條例》。",
            "淮安生态文旅区",
        ),
        (
            "2020年上海市水务局上海市海洋局政务公开年度工作报告\n\n时间:2021-01-25\n",
            "上海市水务局",
        ),
        (
            "本年报中所列数据的统计期限自2017年1月1日起至2017年12月31日止。如对本年报有任何疑问,"
            "请与钟楼区政府办公室联系(地址:常州市钟楼区星港大道88号)。我区深入推进政务公开。",
            "钟楼区人民政府",
        ),
        (
            "本报告根据《中华人民共和国政府信息公开条例》和省、市信息公开有关工作制度,由南阳市人民政府"
            "办公室综合2018年南阳市各县(区)、市直部门政府信息公开工作年度报告基础编制,报告全文由概述、"
            "主动公开情况等七部分组成。本年报中所列数据的统计期限自2018年1月1日起至2018年12月31日止。"
            "若有疑问或意见建议,请与南阳市人民政府办公室政府信息与政务公开办公室联系(地址:南阳市中州路"
            "291号)。",
            "南阳市人民政府",
        ),
    ],
)
def test_the_body_behind_its_office_or_plaques(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_higher_bodys_notice_is_no_rules_of_the_agencys_own() -> None:
    text = (
        "浑河站东街道\n根据《中华人民共和国政府信息公开条例》规定编制本报告。报告数据统计期限为2024年"
        "1月1日至2024年12月31日。\n一、总体情况\n2024年,浑河站东街道在区委、区政府的正确领导下,"
        "深入贯彻落实《辽宁省人民政府办公厅政务公开办公室关于做好2023年政府信息公开工作年度报告"
        "编制发布工作的通知》相关要求。\n(一)主动公开情况\n2024年,浑河站东街道坚持以习近平新时代"
        "中国特色社会主义思想为指导,通过政府门户网站、单位政务公开专栏公开政府信息31条。"
    )
    assert find_agency_year(text)[0] in ("浑河站东街道", "浑河站东街道办事处")
