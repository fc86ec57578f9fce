"""Round 47, written on blind34 after it was measured once: a form's blank filled in its
brackets (发布政务信息(1386)条), a date whose 年 or 月 the page lost (截至202312月31日, 截至1231日),
channels listed with what the list is for (微信公众号等宣传平台), the other documents beside a kind
(公开其他政策文件404件), documents made and then published (新制定规范性文件33件，公开发布5件).
Agencies: the report's own account named in quotes (通过“…局”微信公众号), a town opening a
sentence after the words on its leaders, by its government's name (…指导下，止戈镇人民政府始终…),
浦东新区 as a district with a government, 疾控局 spelt out. Each test has a case the rule must
leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken

AGENCY = "某某市某某局"


def test_a_forms_blank_filled_in_its_brackets(catalogue: Catalogue) -> None:
    text = "全年通过本局网站发布政务信息(1386)条，其中：政务动态信息(1335)条。"
    assert ("items_published", "dept_site", None, 1386.0) in taken(text, catalogue, agency=AGENCY)
    # a list's number in brackets is no figure, nor a count in brackets after its unit
    text = "(1)主动公开情况。全年发布信息30条(含转载5条)。"
    found = taken(text, catalogue, agency=AGENCY)
    assert ("items_published", None, None, 30.0) in found
    assert not {f for f in found if f[3] == 1.0}


def test_a_date_whose_nian_or_yue_the_page_lost(catalogue: Catalogue) -> None:
    year_end = "截至202312月31日，微信平台发布信息830条。"
    facts = extract_figures(year_end, catalogue, agency=AGENCY, year=2023).facts
    assert [(f.channel, f.value) for f in facts] == [("wechat", 830.0)]
    glued = extract_figures("截至1231日，主动公开政府信息49条。", catalogue, year=2021)
    assert [f.value for f in glued.facts] == [49.0]
    # the middle of the year (截至20236月) is no year's figure
    mid_year = extract_figures(
        "截至20236月，主动公开政府信息49条。", catalogue, agency=AGENCY, year=2023
    )
    assert mid_year.facts == []
    # nor the end of another year
    other = extract_figures("截至202212月31日，主动公开政府信息49条。", catalogue, year=2023)
    assert other.facts == []


def test_channels_listed_with_what_the_list_is_for(catalogue: Catalogue) -> None:
    text = "在“良渚发布”微信公众号等宣传平台发布和更新工作动态980条。"
    assert left_out(text, catalogue) == {"980条": "several channels"}
    # the account alone
    text = "在“良渚发布”微信公众号发布和更新工作动态980条。"
    assert ("items_published", "wechat", None, 980.0) in taken(text, catalogue, agency=AGENCY)


def test_the_other_documents_and_documents_made_then_published(catalogue: Catalogue) -> None:
    text = "其中，公开规范性文件6件，公开其他政策文件404件，公开疫情防控信息335条。"
    found = taken(text, catalogue, agency=AGENCY)
    assert ("items_published", None, "documents", 404.0) not in found
    assert left_out(text, catalogue)["404件"] == "part (one kind of item)"
    text = "2024年，新制定规范性文件33件，公开发布5件。"
    assert ("items_published", None, "documents", 5.0) in taken(text, catalogue, agency=AGENCY)
    # documents published, no others beside them
    text = "2024年，公开政策文件40件。"
    assert ("items_published", None, "documents", 40.0) in taken(text, catalogue, agency=AGENCY)


def test_the_reports_own_account_named_in_quotes() -> None:
    text = (
        "我局认真贯彻落实政府信息公开工作要求。今年以来，通过政府门户网站公开信息9条，"
        "通过“西乌珠穆沁旗人力资源和社会保障局”微信公众号公开信息379条。"
    )
    assert find_agency_year(text)[0] == "西乌珠穆沁旗人力资源和社会保障局"
    # another body's account, in a report that does not call itself 局
    text = "我镇认真贯彻落实要求，通过“某某县文化和旅游局”微信公众号转发信息3条。"
    assert find_agency_year(text)[0] != "某某县文化和旅游局"


def test_a_town_by_its_governments_name_after_the_words_on_its_leaders() -> None:
    text = (
        "一、总体情况 2022年以来，在县委县政府的坚强领导下，在县信息技术中心的精心指导下，"
        "止戈镇人民政府始终坚持以公开为常态。"
    )
    assert find_agency_year(text)[0] == "止戈镇"
    # a town named after other words and a comma is not the report's
    text = "一、总体情况\n我局积极配合，止戈镇坚持公开的做法值得推广。"
    assert find_agency_year(text)[0] is None


def test_pudong_xinqu_has_a_government_and_jikongju_is_spelt_out() -> None:
    assert find_agency_year("上海市浦东新区2023年政府信息公开工作年度报告\n一、总体情况") == (
        "上海市浦东新区人民政府",
        2023,
    )
    # a zone named 新区 has none
    assert find_agency_year("重庆两江新区2023年政府信息公开工作年度报告\n一、总体情况")[0] == (
        "重庆两江新区"
    )
    assert find_agency_year("天津市疾控局2025年政府信息公开工作年度报告\n一、总体情况")[0] == (
        "天津市疾病预防控制局"
    )
