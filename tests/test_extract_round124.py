"""Round 124, on blind115 after its one measure: a topic's column among the ways listed (…专栏、
…微信公众号等平台) is one of them, not the count's only channel; a list of kinds headed
按信息公开类别分; 专题会 as a meeting on disclosure work; and a government's report answered for
by its disclosure bureau, in which the report speaks as the place by its last level alone."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_topic_column_among_the_ways_listed(catalogue: Catalogue) -> None:
    text = (
        "本年度通过区政府门户网站、区政府“两区”建设专栏、“北京市大兴区商务局”微信公众号、"
        "“开放大兴”微信公众号等平台公开各类信息1176条。"
    )
    assert taken(text, catalogue, year=2023) == {("items_published", None, None, 1176.0)}
    # (the column alone is a part, as before)
    alone = "本年度通过区政府“两区”建设专栏公开各类信息1176条。"
    assert left_out(alone, catalogue, year=2023)["1176条"] == "part of a channel"


def test_kinds_listed_by_the_disclosures_class(catalogue: Catalogue) -> None:
    text = (
        "在主动公开方面,公开政府信息共102条。按信息公开类别分,主要包括:水务局文件36条,"
        "政策及政策解读5条,部门动态15条。"
    )
    assert ("items_published", None, "documents", 36.0) in taken(text, catalogue, year=2020)


def test_a_special_meeting_on_disclosure(catalogue: Catalogue) -> None:
    text = (
        "主管领导向主要领导汇报政府信息公开工作4次,"
        "通过党组会、专题会等形式研究政府信息公开工作7次。"
    )
    assert ("meetings", None, None, 7.0) in taken(text, catalogue, year=2017)
    assert ("meetings", None, None, 4.0) not in taken(text, catalogue, year=2017)


def test_a_government_answered_for_by_its_data_bureau() -> None:
    text = (
        "本年度报告电子版可以从东胜区人民政府网站下载。如对本报告有任何疑问,请与鄂尔多斯市东胜区"
        "行政审批政务服务与数据管理局联系。\n一、总体情况\n2024年,东胜区坚持以习近平新时代中国"
        "特色社会主义思想为指导,认真落实政务公开工作的决策部署。所列数据统计期限为2024年1月1日起"
        "至2024年12月31日。"
    )
    assert find_agency_year(text) == ("鄂尔多斯市东胜区人民政府", 2024)
    # (the bureau's own report speaks as the bureau: its name, as before)
    own = text.replace("东胜区坚持", "我局坚持")
    assert find_agency_year(own)[0] == "鄂尔多斯市东胜区行政审批政务服务与数据管理局"
