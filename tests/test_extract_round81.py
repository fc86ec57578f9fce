"""Round 81, written on blind68 and blind69 after their one measure: a single channel listed with
等公开渠道 (the total); a site with the agency's own 政务公开专栏 (the total); 至今 and 累计达
(running totals); each of several accounts (各微信公众号); events about the hotline; videos and
other forms of content in one number; the agency's own channels called 公众媒体 (not the press);
不予受理; 收到并规范办结; a sentence opening on an outcome's number; 政府服务热线; and agency
names — no province before a county, 人口计生委 after 完善了."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_one_channel_and_other_ways_of_publishing_give_the_total(catalogue: Catalogue) -> None:
    text = "2022年,双庄街道通过宿城区政府网站等公开渠道发布主动公开政府信息103条。"
    assert taken(text, catalogue) == {("items_published", None, None, 103.0)}


def test_a_site_and_the_agencys_own_column_give_the_total(catalogue: Catalogue) -> None:
    text = "全年,通过政府门户网站、单位政务公开专栏公开政府信息117条。"
    assert taken(text, catalogue) == {("items_published", None, None, 117.0)}


def test_up_to_now_and_grown_to_are_running_totals(catalogue: Catalogue) -> None:
    text = (
        "兴安司法行政公众号累计关注人数5836人,至今共发送信息1265条,2022年累计阅读量22.1万人次。"
        "本部门网站主动公开政府信息累计达173条。"
    )
    skipped = left_out(text, catalogue)
    assert skipped["1265条"] == "cumulative"
    assert skipped["173条"] == "cumulative"
    # the reads of the next clause, with a year of their own, stay the year's
    assert ("reads", "wechat", None, 221000.0) in taken(text, catalogue)


def test_within_the_year_up_to_now_is_the_years(catalogue: Catalogue) -> None:
    text = "2022年1月至今,局门户网站共发布信息126条。"
    assert taken(text, catalogue) == {("items_published", "dept_site", None, 126.0)}


def test_each_of_several_accounts_counted_together(catalogue: Catalogue) -> None:
    text = "2022年,各微信公众号发布信息约500条。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["约500条"] == "several accounts together"


def test_events_about_the_hotline_are_not_its_cases(catalogue: Catalogue) -> None:
    text = "开展“生态环境局局长接听12345热线”采访活动1次。12345热线受理群众诉求200件。"
    assert taken(text, catalogue) == {("hotline_received", "hotline_12345", None, 200.0)}


def test_videos_and_other_forms_in_one_number(catalogue: Catalogue) -> None:
    text = "制作发布短视频、图解等新媒体产品50余个。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["50余个"] == "several kinds together"


def test_own_channels_called_public_media_give_the_total(catalogue: Catalogue) -> None:
    text = "2022年,我区通过政府门户网站、微博、微信公众号等公众媒体发布信息26280条。"
    assert taken(text, catalogue) == {("items_published", None, None, 26280.0)}


def test_requests_not_accepted_are_not_those_received(catalogue: Catalogue) -> None:
    text = "共收到申请公开信息18件,不予受理申请6人次。"
    assert taken(text, catalogue) == {("requests_new", None, None, 18.0)}
    assert left_out(text, catalogue)["6人次"] == "not accepted (不予受理)"


def test_received_and_completed_with_an_adverb(catalogue: Catalogue) -> None:
    text = "全年收到并规范办结公众信息公开申请12条。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 12.0),
        ("requests_completed", None, None, 12.0),
    }


def test_a_sentence_opening_on_an_outcomes_number(catalogue: Catalogue) -> None:
    text = (
        "我局共收到政府信息公开申请41件。29件予以公开,1件为部分公开,"
        "1件涉及信访举报投诉类不予以处理。"
    )
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 41.0),
        ("requests_disclosed", None, None, 29.0),
        ("requests_partial", None, None, 1.0),
        ("requests_not_processed", None, None, 1.0),
    }


def test_answered_in_time_opening_a_sentence_is_no_completed_count(catalogue: Catalogue) -> None:
    # (the labels give such a sentence no figure of its own, 3 of 4)
    text = "全年共受理政府信息公开申请5件。5件申请均在法定期限内作出答复。"
    assert taken(text, catalogue) == {("requests_new", None, None, 5.0)}


def test_the_government_service_hotline_is_12345(catalogue: Catalogue) -> None:
    assert taken("处理政府服务热线工单1单。", catalogue) == {
        ("hotline_received", "hotline_12345", None, 1.0)
    }


def test_an_ecology_bureaus_environment_protection_items_are_all_its_items(
    catalogue: Catalogue,
) -> None:
    text = "2022年累计向社会公开各类环境保护信息1708条。"
    assert taken(text, catalogue, agency="九龙坡区生态环境局") == {
        ("items_published", None, None, 1708.0)
    }


def test_no_province_before_a_county() -> None:
    text = (
        "白塔乡2023年政府信息公开工作年度报告\n如对本报告有疑问,请与罗源县白塔乡党政综合办公室联系"
        "(地址:福建省罗源县白塔乡九溪村水古自然村34号)。"
    )
    assert find_agency_year(text) == ("罗源县白塔乡", 2023)


def test_an_agencys_own_site_after_a_verb_with_le() -> None:
    text = (
        "2009年以来,我委按照市委的要求开展工作。全面完善了荆门市人口计生委门户网站,"
        "即时向社会更新我委机构信息。"
    )
    assert find_agency_year(text) == ("荆门市人口和计划生育委员会", 2009)
