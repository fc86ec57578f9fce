"""Round 43. The agency rules, on the names the 36 labelled sets still got wrong: the year said
twice before the name (2025年年度…), the words making the report before its year and title
(特编制2017年理合务镇信息公开工作年度报告), and a verb setting up a group before a short name
(成立县水利局…领导小组: no place 成立县). On blind32, after it was measured once: a list of
channel figures after 其中 with a comma (其中，政府门户网站2018条), after a total in the sentence
before (…20889条。其中，区政府网站4266条), and a figure's parts by channel in brackets (政务新媒体
7319条(微博5548条、微信1771条)). Each test has a case the rule must leave alone; the texts are
made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_year_said_twice_before_the_name() -> None:
    text = "一、总体情况\n2025年年度五通桥区教育局加强政务公开工作，深化决策公开。"
    assert find_agency_year(text) == ("五通桥区教育局", 2025)
    # the name said once after its year is as before
    assert find_agency_year("2025年五通桥区教育局加强政务公开工作，深化决策公开。") == (
        "五通桥区教育局",
        2025,
    )


def test_the_words_making_the_report_before_its_year_and_title() -> None:
    text = (
        "根据《条例》有关规定，特编制2017年理合务镇信息公开工作年度报告，并向社会公布。"
        "本报告中所列数据的统计期限从2017年1月1日至2017年12月31日止。"
    )
    assert find_agency_year(text) == ("理合务镇", 2017)
    # the words making a plan of the year name no report's body
    plan = "特编制2017年政务公开工作要点，并向社会公布。2017年，全镇主动公开信息52条。"
    assert find_agency_year(plan)[0] is None


def test_a_group_set_up_names_no_place() -> None:
    text = (
        "我局編寫了2019年政府信息公開工作年度報告。可與我局辦公室聯繫，聯繫地址：某某縣某某鎮"
        "馬嶺路41號。現將總結情況報告如下。\n一、總體概述\n1.組織領導情況。成立縣水利局宣傳"
        "信息報道工作領導小組，由局長任組長。2019年共發布信息35條。"
    )
    assert find_agency_year(text)[0] != "成立县水利局"
    assert find_agency_year(text)[0] is None
    # a county named before its bureau is its place, the group set up after the name
    named = "2019年，興國縣水利局成立宣傳信息報道工作領導小組。共發布信息35條。"
    assert find_agency_year(named) == ("兴国县水利局", 2019)


def test_a_channel_list_after_qizhong_with_a_comma_or_in_the_next_sentence(
    catalogue: Catalogue,
) -> None:
    portal = ("items_published", "gov_portal", None, 2018.0)
    text = "全年主动公开政府信息9337条，其中，州政府门户网站2018条，微博5548条。"
    assert portal in taken(text, catalogue, agency="黔南州人民政府")
    text = "全年共公开各类政府信息9337条。其中，州政府门户网站2018条，微博5548条。"
    assert {portal, ("items_published", "weibo", None, 5548.0)} <= taken(
        text, catalogue, agency="黔南州人民政府"
    )
    # how requests came in, listed after the requests received, is no channel's items
    text = "全年共收到政府信息公开申请1046件。其中，通过委官方网站提交申请表的862件。"
    assert not any(row[0] == "items_published" for row in taken(text, catalogue))
    assert "862件" in left_out(text, catalogue)


def test_a_figures_parts_by_channel_in_brackets(catalogue: Catalogue) -> None:
    text = "全年主动公开政府信息9337条，其中政务新媒体7319条（微博5548条、微信1771条）。"
    assert {
        ("items_published", "weibo", None, 5548.0),
        ("items_published", "wechat", None, 1771.0),
    } <= taken(text, catalogue, agency="黔南州人民政府")
    # a part of one channel's figure in brackets is no channel's
    text = "全年通过局门户网站发布信息500条（其中原创300条）。"
    assert taken(text, catalogue) == {("items_published", "dept_site", None, 500.0)}
    assert "300条" in left_out(text, catalogue)
