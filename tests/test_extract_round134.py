"""Round 134, on blind126–127 after their one measure: a list's sum on the channel its first
count was read with (…总共120条), all the kinds counted in 次, the hotline's cases 结案 right
after those received, a district's portal by its short name and 政府网, the units' own sites
(各单位在本单位网站), a town whose name holds 市, an account's followers after its 新闻, and a
running total followed by the year's own count."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_lists_sum_on_the_channel_of_its_first_count(catalogue: Catalogue) -> None:
    text = (
        "2024年,我局通过花溪区人民政府门户网站平台主动公开财政预算、决算信息财政信息26条、"
        "部门动态59条,水利建设17条,通知公告15条,政策文件3条,总共120条。"
    )
    facts = taken(text, catalogue, agency="花溪区水务管理局", year=2024)
    assert ("items_published", "gov_portal", None, 120.0) in facts
    assert ("items_published", "gov_portal", None, 26.0) not in facts
    assert left_out(text, catalogue, year=2024, agency="花溪区水务管理局")["26条"] == (
        "part (one kind of item)"
    )
    # (two channels' counts added up: the sum is the total, no channel's)
    two = "2022年网站主动公开信息233条,微信公众号(鞍山医保)发布信息295条,共计528条。"
    facts = taken(two, catalogue, agency="鞍山市医疗保障局", year=2022)
    assert ("items_published", None, None, 528.0) in facts
    assert ("items_published", "wechat", None, 295.0) in facts
    assert ("items_published", "wechat", None, 528.0) not in facts


def test_all_the_kinds_counted_in_ci(catalogue: Catalogue) -> None:
    text = "2022年主动公开各类政府信息51余次,公示社会救助、涉农补贴等领域信息共计137余次。"
    assert ("items_published", None, None, 51.0) in taken(text, catalogue, year=2022)
    # (one kind's meetings counted in 次: not the items published)
    meetings = "主动公开区政府全体会议、常务会议信息13次。"
    assert not any(row[0] == "items_published" for row in taken(meetings, catalogue))


def test_the_hotlines_cases_closed_right_after_those_received(catalogue: Catalogue) -> None:
    text = "提升服务窗口及12345平台服务水平,12345平台办件受理95件结案95件。"
    facts = taken(text, catalogue, year=2022)
    assert ("hotline_received", "hotline_12345", None, 95.0) in facts
    assert ("hotline_closed", "hotline_12345", None, 95.0) in facts
    # (cases of another kind, in a sentence naming no hotline)
    other = "全年受理行政处罚案件12件结案10件。"
    assert not any(row[0] == "hotline_closed" for row in taken(other, catalogue))


def test_a_districts_portal_by_its_short_name(catalogue: Catalogue) -> None:
    agency = "广州市荔湾区多宝街道办事处"
    text = "今年以来,本单位在荔湾政府网上主动公开领导分工、财政预决算等相关信息10条。"
    assert ("items_published", "gov_portal", None, 10.0) in taken(text, catalogue, agency, 2020)
    # (another district's, by a name the body's does not hold: whose, the text does not say)
    other = "今年以来,本单位在番禺政府网上主动公开领导分工、财政预决算等相关信息10条。"
    assert left_out(other, catalogue, 2020, agency)["10条"] == (
        "doubtful channel (whose government site?)"
    )


def test_the_units_own_sites_are_not_the_bodys(catalogue: Catalogue) -> None:
    text = (
        "学校校园网主页发布各类信息共2765条;学校各单位、各学院在本单位网站发布各类信息共计1万余条。"
    )
    facts = taken(text, catalogue, agency="安庆师范大学", year=2019)
    assert ("items_published", "dept_site", None, 10000.0) not in facts
    assert left_out(text, catalogue, 2019, "安庆师范大学")["1万余条"] == "other bodies' figures"
    # (the body on its own site)
    own = "2019年,我单位在本单位网站发布各类信息共计120条。"
    assert ("items_published", "dept_site", None, 120.0) in taken(own, catalogue, year=2019)


def test_a_town_whose_name_holds_shi() -> None:
    text = (
        "紫溪市镇2024年政府信息公开工作年度报告\n一、总体情况\n"
        "本年度报告中所列数据的统计期限自2024年1月1日起至12月31日止。\n"
        "2024年,我镇通过东安县门户网站政府信息公开专栏进行分类公开23条。"
    )
    assert find_agency_year(text) == ("东安县紫溪市镇", 2024)
    # (a town placed in its title keeps its place)
    placed = (
        "天门市彭市镇2022年政府信息公开工作年度报告\n2022年,我镇通过天门市人民政府网站公开信息8条。"
    )
    assert find_agency_year(placed) == ("天门市彭市镇", 2022)


def test_an_accounts_followers_after_its_news(catalogue: Catalogue) -> None:
    text = "农高区微信公众号累计发布新闻608条,订阅用户数增至4963。"
    assert ("followers", "wechat", None, 4963.0) in taken(text, catalogue, year=2022)
    # (the press has no followers)
    press = "在新闻媒体发表稿件20篇,订阅数达300人。"
    assert left_out(press, catalogue, year=2022)["300人"] == "channel not named"


def test_a_running_total_then_the_years_own_count(catalogue: Catalogue) -> None:
    text = "截止2010年12月31日,全街累计公开政务信息7条。\n2010年,我街主动公开政府信息4条。"
    facts = taken(text, catalogue, agency="吉林市龙潭区榆树街道办事处", year=2010)
    assert ("items_published", None, None, 4.0) in facts
    assert ("items_published", None, None, 7.0) not in facts
    assert left_out(text, catalogue, 2010)["7条"] == "cumulative"
    # (the next sentence of another year: the running total is what the report gives)
    later = "截止2010年12月31日,全街累计公开政务信息7条。\n2009年,我街主动公开政府信息4条。"
    assert ("items_published", None, None, 7.0) in taken(later, catalogue, year=2010)


def test_the_catalogues_entries_are_every_item(catalogue: Catalogue) -> None:
    text = "2022年我委通过政府信息公开平台共发布信息公开目录信息812条。"
    assert ("items_published", "gov_portal", None, 812.0) in taken(text, catalogue, year=2022)
    total = "2021年，三星堆镇共发布信息公开目录信息228条。"
    assert ("items_published", None, None, 228.0) in taken(total, catalogue, year=2021)
    # (one kind of the catalogue's entries stays a part)
    kind = "2021年，三星堆镇共发布信息公开目录中的机构职能信息12条。"
    assert ("items_published", None, None, 12.0) not in taken(kind, catalogue, year=2021)


def test_the_documents_in_force_written_out_are_no_items(catalogue: Catalogue) -> None:
    text = "二是政府信息管理方面。2021年,市信访局制作规范性文件总共0件,对外公开总数量0件。"
    assert left_out(text, catalogue, year=2021)["0件"] == "documents in force, not the year's"
    assert not any(row[0] == "items_published" for row in taken(text, catalogue, year=2021))
    # (the year's items published beside them are still read)
    items = "2021年,市信访局主动公开政府信息35条,制作规范性文件总共0件,对外公开总数量0件。"
    assert ("items_published", None, None, 35.0) in taken(items, catalogue, year=2021)


def test_a_zones_own_site_by_its_committees_name(catalogue: Catalogue) -> None:
    text = "2023年,区管委会网站主动公开政府信息912条,集中公开财政资金使用及监管情况。"
    facts = taken(text, catalogue, agency="常德市西洞庭管理区人民政府", year=2023)
    assert ("items_published", "dept_site", None, 912.0) in facts
    # (in another body's report, the committee's site is not its own)
    street = "深井子街道在示范区管委会网站政务公开板块主动公开信息2条。"
    facts = taken(street, catalogue, agency="长春净月高新区深井子街道办事处", year=2021)
    assert ("items_published", "dept_site", None, 2.0) not in facts
