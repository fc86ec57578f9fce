"""Round 106, on blind104 after its one measure: a higher body's site in a county body's report;
documents made, changed or repealed (立改废) and recruitment counted with appointments; the
documents among the items added (新增政府公文信息); a portal by its place's short name; the
government's disclosure management system (信息公开管理系统) as a site of its own; two such
sites' counts in one 其中 list; and a city's report compiled by its office (汇总全市…)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_provincial_bodys_site_in_a_county_bodys_report(catalogue: Catalogue) -> None:
    text = "2022年通过各类载体主动公开政府信息26条。其中,省水利厅网站公开25条,企业家日报公开1条。"
    rows = taken(text, catalogue, agency="喀左县水利局")
    assert ("items_published", "dept_site", None, 25.0) not in rows
    assert ("items_published", None, None, 26.0) in rows
    assert left_out(text, catalogue, agency="喀左县水利局")["25条"] == "another body's site"
    # a region's own department: its site is its own (自治区 is no district)
    own = "自治区生态环境厅门户网站发布各类信息5489条。"
    assert taken(own, catalogue, agency="新疆维吾尔自治区生态环境厅") == {
        ("items_published", "dept_site", None, 5489.0)
    }


def test_documents_changed_and_recruitment_with_appointments_are_left_out(
    catalogue: Catalogue,
) -> None:
    text = "公开相关政策10条。公开文件立改废7条。公开人事招聘任免信息1条。"
    rows = taken(text, catalogue)
    assert not {row for row in rows if row[3] in (7.0, 1.0)}
    # recruitment notices alone still count
    assert taken("公开人事招聘信息3条。", catalogue) == {("recruitment_notices", None, None, 3.0)}


def test_the_documents_among_the_items_added(catalogue: Catalogue) -> None:
    text = "2022年,新增主动公开信息210条;新增政府公文信息44条。"
    assert ("items_published", None, "documents", 44.0) in taken(text, catalogue)


def test_a_portal_by_its_places_short_name(catalogue: Catalogue) -> None:
    text = "2022年,通过崇明门户网站新增主动公开信息210条。"
    assert taken(text, catalogue, agency="上海市崇明区东平镇") == {
        ("items_published", "gov_portal", None, 210.0)
    }
    # whose a bare 门户网站 is stays doubtful
    bare = "2022年,通过门户网站新增主动公开信息210条。"
    assert taken(bare, catalogue, agency="上海市崇明区东平镇") == set()


def test_the_governments_disclosure_management_system(catalogue: Catalogue) -> None:
    both = "全年通过政府门户网站、省政府信息公开管理系统主动公开各类信息25006条。"
    assert taken(both, catalogue, agency="江油市人民政府") == {
        ("items_published", None, None, 25006.0)
    }
    alone = "我中心2022年通过区政府信息公开管理系统公开的信息共124条。"
    assert taken(alone, catalogue) == {("items_published", "gov_portal", None, 124.0)}


def test_two_sites_of_one_kind_counted_apart_in_one_list(catalogue: Catalogue) -> None:
    text = (
        "2022年,我局通过区政府门户网、省政府信息公开目录管理系统、微博等渠道主动公开政府信息。"
        "其中通过区政府门户网公开政府信息119条,通过省政府信息公开目录管理系统公开信息126条。"
    )
    assert taken(text, catalogue, agency="翠屏区水利局") == set()
    # (left out as two counts for the portal's one row, not for want of a channel)
    reasons = left_out(text, catalogue, agency="翠屏区水利局")
    assert reasons["119条"] == reasons["126条"] == "two figures for one row"


def test_a_citys_report_compiled_by_its_office() -> None:
    text = (
        "本报告根据《条例》有关规定,由许昌市人民政府办公室汇总全市各县(市、区)政府(管委会)和市直"
        "各单位政府信息公开工作情况编制而成。报告中所列数据的统计期限自2018年1月1日起至2018年12月31"
        "日止。若有疑问,请与许昌市人民政府办公室政府信息公开办公室联系。\n一、基本情况\n"
    )
    assert find_agency_year(text) == ("许昌市人民政府", 2018)
