"""Round 44. The agency rules, on the reports of the 37 sets whose agency was not found: the
title with 年度 before 公开 or before 工作 (政府信息年度公开报告, 政府信息公开年度工作报告), the
sentence making it (编制形成2021年…报告), the work the report is made from without its year
(结合某局信息公开工作情况), a district's government opening a sentence (2024年，皇姑区贯彻…),
a name with a place's short name or a town in brackets inside it, the report's own site as the
last resort, and 本溪 read as a place; and a zone's site, which is a zone committee's own but
not a bureau's branch in the zone. Each test has a case the rule must leave alone; the texts
are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_the_year_word_before_gongkai_or_before_gongzuo_in_a_title() -> None:
    assert find_agency_year("吴忠市红寺堡区农牧和科学技术局2018年政府信息年度公开报告\n正文")[
        0
    ] == ("吴忠市红寺堡区农牧和科学技术局")
    text = "现公布江苏省姜堰溱湖旅游度假区管理委员会2019年度政府信息公开年度工作报告。"
    assert find_agency_year(text) == ("江苏省姜堰溱湖旅游度假区管理委员会", 2019)
    # a plan of the year's work is no report
    assert find_agency_year("现公布某某县林业局2019年度政府信息公开年度工作要点。")[0] is None


def test_the_report_formed_from_the_years_work() -> None:
    text = "根据《条例》等相关规定，编制形成2021年漳平市人民政府办公室政府信息公开年度报告。"
    assert find_agency_year(text) == ("漳平市人民政府办公室", 2021)
    # a plan formed is no report
    plan = "根据《条例》等相关规定，编制形成2021年漳平市人民政府办公室政务公开工作要点。"
    assert find_agency_year(plan)[0] is None


def test_the_work_the_report_is_made_from_without_its_year() -> None:
    text = "结合嵊州市人民政府办公室政府信息公开年度工作情况编制而成。全年发布规范性文件39件。"
    assert find_agency_year(text)[0] == "嵊州市人民政府办公室"
    text = "结合清河县交通运输局信息公开工作情况，制定本年报。主动公开政府信息90余条。"
    assert find_agency_year(text)[0] == "清河县交通运输局"
    # a bureau without its place names no body
    other = "结合县交通运输局信息公开工作情况，制定本年报。主动公开政府信息90余条。"
    assert find_agency_year(other)[0] is None


def test_a_district_opening_a_sentence_with_what_it_carried_out() -> None:
    text = "一、总体情况\n2024年，皇姑区贯彻执行《条例》等规定。全年共公开各类政府信息20889条。"
    assert find_agency_year(text) == ("皇姑区人民政府", 2024)
    text = "（一）主动公开工作情况。祥符区依托区政府门户网站作为信息公开主渠道。"
    assert find_agency_year(text)[0] == "祥符区人民政府"
    # a zone is no place with a government
    zone = "一、总体情况\n2019年，度假区认真贯彻落实《条例》，积极深化政府信息公开内容。"
    assert find_agency_year(zone)[0] is None


def test_a_place_or_town_in_brackets_inside_the_name() -> None:
    text = (
        "2022年，北京大兴国际机场临空经济区(廊坊)管理委员会认真贯彻落实国务院、省、市政务"
        "公开工作部署。"
    )
    assert find_agency_year(text) == ("北京大兴国际机场临空经济区(廊坊)管理委员会", 2022)
    title = "阿拉善高新技术产业开发区(乌斯太镇)市政和金融服务中心2022年度政府信息公开工作年度报告"
    assert find_agency_year(title) == (
        "阿拉善高新技术产业开发区(乌斯太镇)市政和金融服务中心",
        2022,
    )
    text = "如对本报告有任何疑问，请与常州工商行政管理局高新区(新北)分局联系。"
    assert find_agency_year(text)[0] == "常州工商行政管理局高新区(新北)分局"
    # words in brackets after a name that runs on are no place (以下简称…)
    aka = "请与某某县民政局(以下简称县局)联系。"
    assert find_agency_year(aka)[0] == "某某县民政局"


def test_the_reports_own_site_as_the_last_resort() -> None:
    text = (
        "本报告的电子版可在“连云港经济技术开发区管理委员会”网站(http://www.example.cn)下载。"
        "全年主动公开政府信息120条。"
    )
    assert find_agency_year(text)[0] == "连云港经济技术开发区管理委员会"
    # a zone's portal carries the reports of every body in it
    portal = "我局撰写了本报告。本报告的电子版可在常州高新区网站(http://www.example.cn)下载。"
    assert find_agency_year(portal)[0] is None
    # a name found by another rule stands (a report is as often put on its government's portal)
    contact = (
        "本报告的电子版可在哈尔滨市人民政府网站下载。如对本报告有疑问，请与哈尔滨市民政局联系。"
    )
    assert find_agency_year(contact)[0] == "哈尔滨市民政局"


def test_benxi_is_a_place_not_the_reports_own_word() -> None:
    title = "本溪高新技术产业开发区管理委员会2023年政府信息公开工作年度报告\n一、总体情况"
    assert find_agency_year(title) == ("本溪高新技术产业开发区管理委员会", 2023)
    # 本 before a body is the report's own word (本局)
    assert find_agency_year("本局2023年政府信息公开工作年度报告\n一、总体情况")[0] is None


def test_xianjiu_before_the_name_is_not_part_of_it() -> None:
    text = "现就盂县交通运输局2023年度政府信息公开工作报告如下。\n一、总体情况"
    assert find_agency_year(text) == ("盂县交通运输局", 2023)


def test_a_zones_site_is_a_bureau_branch_in_the_zones_not_its_own(catalogue: Catalogue) -> None:
    text = "2013年度本局共通过常州高新区政务网站公开信息150条。"
    branch = taken(text, catalogue, agency="常州工商行政管理局高新区(新北)分局")
    assert ("items_published", "dept_site", None, 150.0) not in branch
    # the zone's committee: its zone's site is its own
    committee = taken(text, catalogue, agency="常州高新区管理委员会")
    assert ("items_published", "dept_site", None, 150.0) in committee
