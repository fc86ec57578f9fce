"""Round 123, on blind114 after its one measure: a street office's site by its own name without
its places (桃园街道办事处网站), a zone committee's portal in its office's report (the government's
portal, as a county government's is in its office's), and the documents issued in the names of a
government and its office, in their own report; and the agency of a report that cites the notice
asking for it (《…关于…年度报告编制工作的通知》: the notice's body is not the report's)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_street_offices_site_by_its_own_name(catalogue: Catalogue) -> None:
    text = "全年桃园街道办事处网站共发布各类信息57条,同比减少10.9%。"
    office = "平原县桃园街道办事处"
    assert taken(text, catalogue, agency=office, year=2023) == {
        ("items_published", "dept_site", None, 57.0)
    }
    # (another street office's site is not its own)
    other = text.replace("桃园", "龙门")
    assert ("items_published", "dept_site", None, 57.0) not in taken(
        other, catalogue, agency=office, year=2023
    )


def test_a_zone_committees_portal_in_its_offices_report(catalogue: Catalogue) -> None:
    text = "2024年管委会办公室利用管委会门户网站公开信息5059条。"
    office = "重庆市万盛经济技术开发区管理委员会办公室"
    assert taken(text, catalogue, agency=office, year=2024) == {
        ("items_published", "gov_portal", None, 5059.0)
    }
    # (in the committee's own report, its own site, as before)
    committee = "重庆市万盛经济技术开发区管理委员会"
    assert taken(text, catalogue, agency=committee, year=2024) == {
        ("items_published", "dept_site", None, 5059.0)
    }


def test_documents_in_the_names_of_a_government_and_its_office(catalogue: Catalogue) -> None:
    text = "主动公开以县政府和县政府办公室名义制发的各类文件121件,其中政策文件29件。"
    office = "平武县人民政府办公室"
    assert ("items_published", None, "documents", 121.0) in taken(
        text, catalogue, agency=office, year=2023
    )
    # (in a bureau's report the two names are other bodies')
    bureau = "平武县统计局"
    assert (
        left_out(text, catalogue, year=2023, agency=bureau)["121件"] == "in several bodies' names"
    )


def test_the_notice_a_report_cites_is_not_its_title() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》和《平武县人民政府办公室关于2021年度政府信息公开"
        "工作年度报告编制工作的通知》要求,现将2021年度政府信息公开工作情况报告如下:\n一、总体情况\n"
        "2021年,县统计局积极加强政府网站的进一步建设。"
    )
    assert find_agency_year(text) == ("平武县统计局", 2021)
    # (a report cited by its own title is still its title)
    cited = "现将《罗平县统计局2021年政府信息公开工作年度报告》公布如下:\n一、总体情况"
    assert find_agency_year(cited) == ("罗平县统计局", 2021)


def test_the_report_made_names_no_place_of_its_verb() -> None:
    text = (
        "根据《沂源县人民政府办公室关于做好2011年政府信息公开工作年度报告编制工作的通知》要求,"
        "形成县食品药品监管局2011年信息公开工作报告如下:\n一、制度建设基本情况"
    )
    assert find_agency_year(text)[0] != "形成县食品药品监督管理局"
    assert find_agency_year(text) == ("沂源县食品药品监督管理局", 2011)
