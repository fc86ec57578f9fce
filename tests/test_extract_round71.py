"""Round 71, written on the agency misses of all 60 sets before blind56-57 were measured: a
government's report answered for by the bureau that runs the place's disclosure office
(政务服务和大数据管理局, 行政审批局, 数据局) is the government's when the report speaks as the
place and never as the bureau; a page's fields (名称, 文件下载) and a listing word (包括) before
a title are no part of the name; a name runs no further than 在 after a body. The texts are
excerpts of blind19 (大冶市 2025), blind54 (钦州市 2024, 合阳县 2023), blind34 (霍城县 2025),
blind53 (宿迁市信访局 2016), blind55 (兰陵县新兴镇 2023) and of bureaus' own reports."""

from __future__ import annotations

import pytest

from dashboard.extract.agency import find_agency_year

_QINZHOU = (
    "本年度报告中所列数据的统计期限自2024年1月1日起至12月31日止。本年度报告在钦州市人民政府门户网站"
    "全文公开。如对本年度报告有任何疑问,请与钦州市行政审批局联系(地址:钦州市金海湾东大街8号)。\n"
    "一、总体情况\n2024年,我市深入贯彻落实《条例》,不断提升政务公开工作水平。"
)
_DAYE = (
    "现公开2025年大冶市政府信息公开工作年度报告。本年度报告中所列数据的统计期限自2025年1月1日起至"
    "2025年12月31日止。如对本年度报告有任何疑问,请与大冶市政务服务和大数据管理局联系(电话:0714-1)。"
)
_DEHUI = (
    "所列数据统计期限为2024年1月1日至12月31日。如对本报告有疑问,请与德惠市政务服务和数字化建设管理局"
    "联系(电话:0431-1)。\n一、总体情况\n2024年,德惠市政府坚持以习近平新时代中国特色社会主义思想为指导。"
)


@pytest.mark.parametrize(
    ("text", "agency"),
    [(_QINZHOU, "钦州市人民政府"), (_DAYE, "大冶市人民政府"), (_DEHUI, "德惠市人民政府")],
)
def test_a_governments_report_answered_for_by_its_disclosure_bureau(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_the_bureaus_own_report_stays_the_bureaus() -> None:
    # the same contact line in a report that speaks as the bureau
    own = (
        "本年度报告中所列数据统计期限从2024年1月1日起至2024年12月31日止。本年度报告电子版可从崂山区"
        "人民政府门户网站下载。如对本年度报告有疑问,请与崂山区行政审批服务局联系(电话:0532-1)。\n"
        "一、总体情况\n2024年,我局严格按照《条例》要求,规范公开流程。我区政务服务水平不断提升。"
    )
    assert find_agency_year(own)[0] == "崂山区行政审批服务局"
    # (neither 我市 nor the place's name opening what it did: the bureau, as written)
    silent = _QINZHOU.replace("我市", "全局")
    assert find_agency_year(silent)[0] == "钦州市行政审批局"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "发布机构 兰陵县新兴镇\n名称 新兴镇人民政府2023年政府信息公开工作年度报告\n"
            "新兴镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年度,我镇深入贯彻落实《条例》。",
            ("兰陵县新兴镇", "兰陵县新兴镇人民政府"),
        ),
        (
            "宿迁市信访局\n\n政府信息公开\n\n发布机构 市信访局 公开日期 2017-02-27\n"
            "文件下载 宿迁市信访局2016年政府信息公开年度报告(定稿).docx\n\n"
            "2016年政府信息公开年度报告\n",
            ("宿迁市信访局",),
        ),
    ],
)
def test_a_pages_fields_before_the_title_are_no_name(text: str, agency: tuple[str, ...]) -> None:
    assert find_agency_year(text)[0] in agency


def test_a_listed_reports_title_gives_no_listing_word() -> None:
    text = (
        "本报告中所列数据的统计时限为2023年1月1日至2023年12月31日。2023年街道主动公开政府信息3条,"
        "其中:年报1条,机构职能2条。包括鼓楼区五凤街道办事处2022年政府信息公开工作年度报告、"
        "五凤街道关于调整班子领导分工的通知。"
    )
    assert find_agency_year(text)[0] == "鼓楼区五凤街道办事处"


def test_a_name_runs_no_further_than_where_it_acted() -> None:
    text = (
        "一、总体情况\n2023年合阳县政府在省市政务公开办公室大力支持和有力指导下,抓牢机制创新和平台建设。"
        "(一)主动公开信息情况。2023年通过政府门户网站累计主动向社会公开信息4442条。"
    )
    assert find_agency_year(text)[0] in (None, "合阳县人民政府", "合阳县政府")
