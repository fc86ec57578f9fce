"""Round 66, written on blind51 after it was measured once (each rule checked on all 56 sets):
a clause opening on another year (2013年主动公开…202条 in the report of 2014) is that year's; the
year's new items after 其中 of a running total are the year's; requests in 条 with who made them
before (收到1条自然人公开信息申请); 其他各类信息 is a part; sites and the press listed 等途径 give
the total; a portal 包括…专栏 is the portal's; kinds of one class (政策文件、通知公告类信息) are a
part; the agency: no enumerator (三是), no sentence verb (完成, 确保) and no city title (示范城市)
in a name, and 疾控中心 spelt out. The texts are excerpts of blind51's reports (莆田第二中学 2014,
青浦区食药监分局 2013, 威远县乡村振兴局 2021, 临武县 2022, 朝阳市林业局 2012, 会同县 2022,
长春市南关区长通街道 2025) and of blind50 (深井子街道 2021, 安康市市场监督管理局 2024)."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import taken


def test_a_clause_opening_on_another_year(catalogue: Catalogue) -> None:
    text = "2014年莆田第二中学主动公开政府信息206条,2013年主动公开政府信息202条。"
    extraction = extract_figures(text, catalogue, agency="莆田第二中学", year=2014)
    assert [f.value for f in extraction.facts] == [206.0]
    assert {s.number: s.reason for s in extraction.skipped}["202条"] == "another year"
    # the report's own year opening a clause stays
    own = extract_figures(
        "2013年主动公开政府信息202条,2014年主动公开政府信息206条。",
        catalogue,
        agency="莆田第二中学",
        year=2014,
    )
    assert [f.value for f in own.facts] == [206.0]


def test_the_years_new_items_of_a_running_total(catalogue: Catalogue) -> None:
    text = (
        "本局到2013年底累计主动公开政府信息16条,全文电子化率达100%,"
        "其中本年度新增的主动公开信息1条。"
    )
    extraction = extract_figures(text, catalogue, agency="某局", year=2013)
    assert [(f.metric, f.value) for f in extraction.facts] == [("items_published", 1.0)]


def test_requests_in_tiao_with_who_made_them_before(catalogue: Catalogue) -> None:
    text = "2021年,县乡村振兴局收到1条自然人公开信息申请。"
    assert ("requests_new", None, None, 1.0) in taken(text, catalogue)


def test_the_other_kinds_are_a_part(catalogue: Catalogue) -> None:
    text = "临武县今年共向社会公开县政府文件39件,发布政策解读195件,公开其他各类信息16057条。"
    assert not any(row[3] == 16057.0 for row in taken(text, catalogue))
    every = taken("公开各类信息16057条。", catalogue)
    assert ("items_published", None, None, 16057.0) in every


def test_sites_and_the_press_listed_give_the_total(catalogue: Catalogue) -> None:
    text = "通过辽宁省林业厅网站、民心网、中国朝阳网及新闻媒体等途径共发布各类信息541条。"
    assert taken(text, catalogue) == {("items_published", None, None, 541.0)}
    # the press alone stays the press's
    press = taken("在报刊、电视等新闻媒体上发布信息54篇。", catalogue)
    assert not any(row[:2] == ("items_published", None) for row in press)


def test_a_portal_with_the_columns_it_holds(catalogue: Catalogue) -> None:
    text = (
        "2022年,会同县政府门户网包括部门及乡镇专栏共计发布各类信息4308条;其中县政府门户网站公开"
        "政策文件、通知公告类信息126条。"
    )
    rows = taken(text, catalogue)
    assert ("items_published", "gov_portal", None, 4308.0) in rows
    assert not any(row[3] == 126.0 for row in rows)


def test_no_enumerator_verb_or_city_title_in_a_name() -> None:
    street = (
        "2021年,深井子街道在示范区党工委、管委会的坚强领导下,认真贯彻执行条例。一、总体情况\n"
        "一是街道各村(社区)在示范区管委会网站政务公开板块主动公开信息2条。三是街道通过微信群、"
        "LED电子屏等多种形式,及时主动发布信息。"
    )
    agency, _ = find_agency_year(street)
    # (the text names the office only as 街道; before round 66 it read 三是街道)
    assert agency in (None, "深井子街道", "深井子街道办事处")
    report = (
        "一、总体情况\n2025年,长通街道在区委、区政府的坚强领导下,严格按照《中华人民共和国政府信息"
        "公开条例》及省、市、区相关部署,紧紧围绕街道中心工作和群众关切,持续深化政务公开内容,优化公开"
        "平台,完善工作机制,强化监督保障,着力提升政府工作的透明度和公信力,有效保障了公众的知情权、"
        "参与权和监督权。全年政务公开工作平稳有序,主要情况如下:\n(一)组织推动政府信息公开工作\n街道"
        "高度重视政务公开工作,将其作为推进依法行政、优化营商环境、服务辖区居民的重要抓手。年初即对全年"
        "工作进行谋划部署,明确责任分工,确保各项工作落到实处依法按时完成长通街道2025年政府信息公开年度"
        "报告,主动接受社会监督。\n(二)积极推动政府信息主动公开。\n全年,街道持续优化和维护政府信息公开"
        "专栏,确保法定主动公开内容得到及时、准确、规范地公开。"
    )
    agency, year = find_agency_year(report)
    assert agency in (None, "长通街道", "长通街道办事处") and year == 2025
    city = (
        "一、总体情况\n2024年,市市场监管局持续加强政府信息公开工作。以局门户网站为载体,及时公开"
        "创建国家食品安全示范城市、综合监管执法等工作信息1261条。"
    )
    agency, _ = find_agency_year(city)
    # (市市场监管局 with no city in the text; before round 66 it read 示范城市市场监管局)
    assert agency is None


def test_disease_control_centre_spelt_out() -> None:
    assert same_agency("白银市疾控中心", "白银市疾病预防控制中心")
