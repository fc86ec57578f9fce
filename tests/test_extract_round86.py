"""Round 86, written on blind76 and blind77 after their one measure: a hotline's cases closed with
no connecting word; the government's disclosure portal by its other names; an account and an app
counted together; sites listed before 途径共; 上述各类媒体; interpretation events and responses;
agency: a sentence running on past 在, a zone's office in its own title, 林草局 and 管委 spelt
out."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_hotlines_cases_closed(catalogue: Catalogue) -> None:
    assert taken("全年12345政务服务热线工单办结48件。", catalogue) == {
        ("hotline_closed", "hotline_12345", None, 48.0)
    }
    assert taken("新区12345政务热线办结15.63万件。", catalogue) == {
        ("hotline_closed", "hotline_12345", None, 156300.0)
    }
    # received and closed in one number: the cases received
    assert taken("12345热线受理办结48件。", catalogue) == {
        ("hotline_received", "hotline_12345", None, 48.0)
    }


def test_the_governments_disclosure_portal_by_its_names(catalogue: Catalogue) -> None:
    assert taken("我局通過政府信息公開門戶網站共公開信息60條。", catalogue) == {
        ("items_published", "gov_portal", None, 60.0)
    }
    assert taken("2022年“诸暨市政府信息公开”网站公开信息139条。", catalogue) == {
        ("items_published", "gov_portal", None, 139.0)
    }


def test_an_account_and_an_app_together(catalogue: Catalogue) -> None:
    text = "通过诸暨发布微信公众号和西施眼APP客户端发布37条。"
    assert left_out(text, catalogue)["37条"] == "several channels"
    # the account alone
    assert taken("通过诸暨发布微信公众号发布37条。", catalogue) == {
        ("items_published", "wechat", None, 37.0)
    }


def test_sites_listed_before_tujing_gong_give_the_total(catalogue: Catalogue) -> None:
    text = "全年通过政府网、政务公开网、政府信息公开网途径共公开信息18条。"
    assert taken(text, catalogue) == {("items_published", None, None, 18.0)}


def test_all_the_ways_named_above(catalogue: Catalogue) -> None:
    text = (
        "信息公开的方式主要有:自治区审计厅网站、东胜之窗、内蒙古审计等报刊杂志等多种形式。"
        "截至2022年底在上述各类媒体公开信息63条。"
    )
    assert ("items_published", None, None, 63.0) in taken(text, catalogue)
    assert ("media_reports", "news_media", None, 63.0) not in taken(text, catalogue)


def test_interpretation_events_and_responses_are_not_interpretations(
    catalogue: Catalogue,
) -> None:
    assert taken("开展政策解读活动15次。", catalogue) == set()
    assert taken("2022年度我局回应解读信息数175次。", catalogue) == set()
    # the interpretations published, beside responses counted apart
    text = "发布解读信息20条,通过不同渠道和方式回应解读10000余次。"
    assert taken(text, catalogue) == {("interpretations", None, None, 20.0)}


def test_no_name_runs_on_past_zai() -> None:
    text = (
        "一、总体情况\n2020年,区政府在市委、市政府的有力领导下,深入落实。\n"
        "浑南区高度重视,精心组织。"
    )
    # (was 浑南区政府在市委: the words up to the party committee taken for a body's name)
    assert find_agency_year(text) == ("浑南区人民政府", 2020)


def test_a_zones_office_in_its_own_title() -> None:
    title = "泰州医药高新区(高港区)党政办公室2024年政府信息公开工作年度报告\n一、总体情况\n"
    assert find_agency_year(title)[0] == "泰州医药高新区(高港区)党政办公室"
    # as the office to ask, it answers for the zone
    contact = (
        "本报告由常熟经济技术开发区党政办公室编制。2024年,常熟经济技术开发区主动公开信息50条。"
    )
    assert find_agency_year(contact)[0] == "常熟经济技术开发区"


def test_short_forms_spelt_out() -> None:
    text = "高昌区林草局2023年政府信息公开工作年度报告\n2023年,我局主动公开信息12条。"
    assert find_agency_year(text)[0] == "高昌区林业和草原局"
    zone = "烟台开发区管委2017年政府信息公开工作年度报告\n2017年,主动公开信息12条。"
    assert find_agency_year(zone)[0] == "烟台开发区管委会"
