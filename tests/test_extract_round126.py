"""Round 126, on blind117 after its one measure: a zone committee's site in the report of a
body inside the zone (the zone government's portal), a Party committee's meetings on disclosure
work, interpretations in two forms joined with the second form named after the word, a county's
信息门户网站; and the agency of a town whose report the text calls its 进展情况报告, and of a
town whose text cites 《自治区人民政府…》 (a region by its level alone, no county)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_zone_committees_site_in_a_bureaus_report_of_the_zone(catalogue: Catalogue) -> None:
    text = "2024年度,区管委会网站主动公开信息79件,包括政策解读1件。"
    bureau = "济宁太白湖新区市场监督管理局"
    assert ("items_published", "gov_portal", None, 79.0) in taken(
        text, catalogue, agency=bureau, year=2024
    )
    # (a bureau of no zone cannot tell whose committee it is)
    elsewhere = "济宁市市场监督管理局"
    assert ("items_published", "gov_portal", None, 79.0) not in taken(
        text, catalogue, agency=elsewhere, year=2024
    )
    # (in a zone's own report, named as a zone, its own site, as before)
    zone = "阿拉善高新技术产业开发区乌兰布和生态沙产业示范区"
    assert ("items_published", "gov_portal", None, 79.0) not in taken(
        text, catalogue, agency=zone, year=2024
    )


def test_a_party_committees_meetings_on_disclosure_work(catalogue: Catalogue) -> None:
    text = "政府信息管理有序推进。乡党委会先后研究政务公开工作2次,会上专题部署。"
    assert ("meetings", None, None, 2.0) in taken(text, catalogue, year=2019)


def test_interpretations_in_two_forms_joined(catalogue: Catalogue) -> None:
    text = "发布政府和政府办公室文件102其中规范性文件16条,政策文字解读及图片共32条。"
    assert ("interpretations", None, None, 32.0) in taken(text, catalogue, year=2020)
    # (one form alone is still one form)
    one = "发布政策文件16条,政策图片解读共32条。"
    assert left_out(one, catalogue, year=2020)["32条"] == "one form of interpretation"


def test_a_countys_information_portal(catalogue: Catalogue) -> None:
    text = "2022年,温郊乡通过清流县信息门户网站主动公开信息数32条。"
    assert ("items_published", "gov_portal", None, 32.0) in taken(
        text, catalogue, agency="清流县温郊乡", year=2022
    )


def test_a_towns_report_of_its_works_progress() -> None:
    text = (
        "根据文件精神与县相关要求,现向社会公布2022年度温郊乡人民政府信息公开工作进展情况报告。"
        "如对本年度报告有疑问,请与温郊政府办公室联系(地址:清流县温郊乡小池村大益岭9号)。\n"
        "一、总体情况\n2022年,温郊乡政府信息公开工作在乡党委的领导下稳步推进。"
    )
    assert find_agency_year(text) == ("清流县温郊乡", 2022)


def test_a_regions_government_by_its_level_alone_is_no_towns_county() -> None:
    text = (
        "本报告由黄花乡人民政府办公室按照《宁夏回族自治区实施<中华人民共和国政府信息公开条例>"
        "办法》《自治区人民政府政务公开办公室关于做好政府信息公开工作年度报告有关事项的通知》"
        "要求,结合我乡实际进行编制。\n一、总体情况\n2019年,黄花乡全面推进政务公开。"
    )
    assert find_agency_year(text) == ("黄花乡", 2019)
