"""Round 114, on blind108 after its one measure: the items a channel added in the year (网站
新增信息数16条); a year's whole after 其中, by its year (其中2016年全年主动公开…14条) beside a
running total; every kind of disclosure platform together (各类政务公开平台); a bureau's
branch and a national body named short (工商局洛江分局, 国家民委) spelt out."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_items_a_channel_added_in_the_year(catalogue: Catalogue) -> None:
    text = "年内通过银川市人民政府门户网站新增信息数16条。"
    assert taken(text, catalogue, year=2023) == {("items_published", "gov_portal", None, 16.0)}
    assert taken("共新增信息892条。", catalogue) == {("items_published", None, None, 892.0)}
    # (documents added may be documents made: no items published by that word)
    made = "2020年我区新增本级规范性文件4件。"
    assert taken(made, catalogue, year=2020) == set()
    assert left_out(made, catalogue, year=2020)["4件"] == "unnamed"


def test_the_year_s_whole_after_a_running_total(catalogue: Catalogue) -> None:
    text = (
        "截至2016年底,累计主动公开政府信息114条,全文电子化率达100%;"
        "其中2016年全年主动公开政府信息14条。"
    )
    assert taken(text, catalogue, year=2016) == {("items_published", None, None, 14.0)}
    assert left_out(text, catalogue, year=2016)["114条"] == "cumulative"


def test_every_kind_of_disclosure_platform_together(catalogue: Catalogue) -> None:
    text = (
        "旗财政局在各类政务公开平台累计发布全旗财政系统工作动态、政策文件、财政数据、"
        "资金拨付等信息120条。"
    )
    assert taken(text, catalogue, year=2025) == {("items_published", None, None, 120.0)}
    one = "在政务公开平台发布信息120条。"
    assert taken(one, catalogue, year=2025) == {("items_published", "gov_portal", None, 120.0)}


def test_a_branch_and_a_national_body_named_short_are_spelt_out() -> None:
    branch = (
        "2016年,泉州市工商局洛江分局深入贯彻实施《条例》。如有疑问,请与泉州市工商局洛江分局联系。"
    )
    assert find_agency_year(branch) == ("泉州市工商行政管理局洛江分局", 2016)
    national = "国家民委2010年政府信息公开工作年度报告"
    assert find_agency_year(national) == ("国家民族事务委员会", 2010)
