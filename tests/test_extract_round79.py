"""Round 79, written on blind64 and blind65 after their one measure: requests new and completed
in one number beside those carried over; the government's site platform (集约化平台); 行政发文;
a site named after an archive's field; the site's own WeChat account; a running total before the
year's own count; and agency names (a school named with its place's stem, 提供给 no place)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_new_and_completed_in_one_number_beside_the_carried_over(catalogue: Catalogue) -> None:
    text = "全年累计办理依申请公开事项3件,其中上年结转1件、本年度新收并办结2件。"
    assert ("requests_new", None, None, 2.0) in taken(text, catalogue)


def test_the_platform_the_governments_sites_are_built_on(catalogue: Catalogue) -> None:
    text = "2024年我镇依托政府网站集约化平台主动公开政府信息135条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 135.0)}


def test_documents_issued_by_the_administration(catalogue: Catalogue) -> None:
    assert taken("全年主动公开行政发文11件。", catalogue) == {
        ("items_published", None, "documents", 11.0)
    }


def test_an_archives_site_named_after_its_field(catalogue: Catalogue) -> None:
    text = "我馆通过“宿迁档案”网站发布工作动态、通知公告、网络普法等信息175条。"
    found = extract_figures(text, catalogue, agency="宿迁市档案馆", year=2023)
    assert [(f.metric, f.channel, f.value) for f in found.facts] == [
        ("items_published", "dept_site", 175.0)
    ]


def test_the_sites_own_wechat_account(catalogue: Catalogue) -> None:
    text = "主动公开政府信息12149条,其中县政府门户网站9000条,政府网站微信公众号更新量2300条。"
    assert ("items_published", "wechat", None, 2300.0) in taken(text, catalogue)


def test_a_running_total_before_the_years_own_count(catalogue: Catalogue) -> None:
    text = "自治区政府门户网站累计主动公开信息6674条,本年度主动公开信息1068条,全文电子化率为100%。"
    found = taken(text, catalogue)
    assert ("items_published", "gov_portal", None, 1068.0) in found
    assert not any(value == 6674.0 for *_, value in found)
    assert left_out(text, catalogue)["6674条"] == "cumulative"


def test_agency_names_of_round_79() -> None:
    school = (
        "2022年义乌工商职业技术学院信息公开工作年度报告\n"
        "本报告所列数据的统计期限为2022年1月1日至12月31日。"
        "本报告在义乌市人民政府门户网站公布。"
    )
    assert find_agency_year(school)[0] == "义乌工商职业技术学院"
    handed = (
        "2008年,我们对政府信息进行了梳理。市政府办公厅已将各旗县区、各部门编制的《指南》和"
        "《目录》提供给市档案局存档,以方便公众查阅。"
    )
    assert find_agency_year(handed)[0] is None
