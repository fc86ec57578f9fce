"""Round 78, written on blind62 and blind63 after their one measure: request outcomes whose
brackets say 主动公开; the agency's own decisions listed as table 二 lists them; a prefecture's
行政公署网站; 政府工作信息 and 行政文件; a way the catalogue has no name for listed beside a
channel; a government named with its site's address; the least a site posts on holidays; and
agency names (计生局, a town's 政府党政办公室, two plaques, a city before its district)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_requests_answered_with_what_was_published_are_no_items(catalogue: Catalogue) -> None:
    text = (
        "受理政府信息公开申请7件,答复7件。予以公开3件(主动公开1件,依申请公开2件),"
        "占42.86%;无法提供1件。"
    )
    found = taken(text, catalogue)
    assert ("requests_disclosed", None, None, 3.0) in found
    assert not any(metric == "items_published" for metric, *_ in found)
    assert left_out(text, catalogue)["1件"] == "not proactive (依申请, 不予公开)"


def test_the_agencys_own_decisions_listed_by_kind_are_no_reviews(catalogue: Catalogue) -> None:
    text = "我局主动公开行政许可事项1714项,行政处罚22项,行政强制0项,行政复议5项。"
    assert not any(metric == "appeal_review" for metric, *_ in taken(text, catalogue))
    assert left_out(text, catalogue)["5项"] == "the agency's own decisions, not reviews of it"
    # (reviews of its disclosure, after what it published: still reviews)
    control = "我局主动公开信息20条,行政复议1件,行政诉讼0件。"
    assert ("appeal_review", None, None, 1.0) in taken(control, catalogue)


def test_a_prefectures_government_site(catalogue: Catalogue) -> None:
    text = "地区财政局在塔城地区行政公署网站上公开政府信息249条,其中:组织机构信息18条。"
    assert ("items_published", "gov_portal", None, 249.0) in taken(text, catalogue)


def test_the_governments_work_and_the_administrations_documents(catalogue: Catalogue) -> None:
    assert ("items_published", None, None, 228.0) in taken(
        "2021年,枣巷镇共主动公开政府工作信息228条。", catalogue
    )
    text = "全年主动公开政务信息987条。其中,行政文件4件,全部纳入主动公开范围。"
    assert ("items_published", None, "documents", 4.0) in taken(text, catalogue)


def test_a_way_with_no_name_listed_beside_a_channel_gives_the_total(
    catalogue: Catalogue,
) -> None:
    text = "全年通过政府门户网、电子屏等多种形式,主动公开政府信息1256条,其中政府文件46件。"
    found = taken(text, catalogue)
    assert ("items_published", None, None, 1256.0) in found
    assert ("items_published", None, "documents", 46.0) in found
    # (newspapers by their names and 网络 listed as 媒体: the press, each paper a medium)
    press = "通过杭州日报、余杭晨报、网络和电视等媒体公开信息近200条次。"
    assert {metric for metric, *_ in taken(press, catalogue)} == {"media_reports"}


def test_a_government_named_with_its_sites_address(catalogue: Catalogue) -> None:
    text = "2019年我乡通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开长桥乡人民政府信息57条。"
    [fact] = extract_figures(text, catalogue, agency="某局", year=2019).facts
    assert (fact.metric, fact.channel, fact.category, fact.value) == (
        "items_published",
        "gov_portal",
        None,
        57.0,
    )
    # (the address's colon ends no clause: the quote holds the site)
    assert fact.quote.startswith("2019年我乡通过广昌县人民政府(http://")


def test_the_least_a_site_posts_on_holidays_is_no_count(catalogue: Catalogue) -> None:
    text = "网站每天更新信息不少于10条,周末及法定节假日至少更新4条。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue) == {"10条": "average", "4条": "average"}


def test_agency_names_of_round_78() -> None:
    assert find_agency_year("安丘市计生局2010年政府信息公开工作年度报告")[0] == (
        "安丘市人口和计划生育局"
    )
    town = (
        "结合2022年我镇政府信息公开工作编制而成。如对本报告有任何疑问,请与乌沙镇政府党政办公室联系"
        "(地址:安徽省池州市贵池区乌沙镇人民政府,邮编:247105)。"
    )
    assert find_agency_year(town)[0] == "安徽省池州市贵池区乌沙镇"
    plaques = (
        "城南办事处、城南园区2024年政府信息公开工作年度报告\n"
        "现公布靖江市城南办事处(城南园区)2024年政府信息公开工作年度报告。"
    )
    assert find_agency_year(plaques)[0] == "靖江市城南办事处"
    district = "一、总体情况\n2024年,福州市仓山区坚持以习近平新时代中国特色社会主义思想为指导。"
    assert find_agency_year(district) == ("福州市仓山区人民政府", 2024)
