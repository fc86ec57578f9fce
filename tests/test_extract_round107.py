"""Round 107, on blind105 after its one measure: a hospital, a broadcaster and a state-owned
company named as the bodies they are (not the hospital's office that answers for the report,
nor words of a sentence); a broadcaster's own items are not the press's; the requests answered,
counted after 对."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_a_hospital_a_broadcaster_and_a_company_by_their_names() -> None:
    for text, name in (
        (
            "通榆县广播电视台2017年度政府信息公开年度报告\n\n发布日期:2018-03-30\n",
            "通榆县广播电视台",
        ),
        (
            "海盐县水务投资集团有限公司2018年度政府信息公开年报\n\n信息来源: 县水务集团\n"
            "2018年,县水务集团围绕县委、县政府的中心工作,积极推进政府信息公开工作。",
            "海盐县水务投资集团有限公司",
        ),
        (
            "2024年,桐乡市水务集团有限公司严格贯彻落实《条例》要求。\n一、总体情况\n",
            "桐乡市水务集团有限公司",
        ),
        # the hospital, not its office that answers for the report
        (
            "2019年,我院高度重视政府信息公开工作。现将政府信息公开工作情况报告如下:如对本报告有"
            "任何疑问,可与太和县中医院行政办公室联系,联系电话:0558-8519669。",
            "太和县中医院",
        ),
    ):
        assert find_agency_year(text)[0] == name, name


def test_a_broadcasters_own_items_are_not_the_press(catalogue: Catalogue) -> None:
    text = "2017年,通榆县广播电视台主动公开政府信息536条。"
    assert taken(text, catalogue, agency="通榆县广播电视台") == {
        ("items_published", None, None, 536.0)
    }


def test_the_requests_answered_counted_after_dui(catalogue: Catalogue) -> None:
    text = "2020年省税务局对49份政府信息公开申请依法作出答复。"
    assert taken(text, catalogue) == {("requests_completed", None, None, 49.0)}
    # another step taken on a request is no answer
    assert taken("2020年对1件申请进行了补正告知。", catalogue) == set()
