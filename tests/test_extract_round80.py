"""Round 80, written on blind66 and blind67 after their one measure: newspapers and broadcasters
named in a list (平凉日报、甘肃广电总台等); and agency names — a centre named short after its full
name (交易中心), a central bank's branch (…中心支行), 农委 and 供销社 spelt out, and the Party
committee's standing members (市委常委会议), who are no body of the government."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_papers_and_broadcasters_named_in_a_list(catalogue: Catalogue) -> None:
    text = "在新华网、甘肃广电总台、平凉日报等刊发稿件16篇。"
    assert taken(text, catalogue) == {("media_reports", "news_media", None, 16.0)}


def test_a_centre_named_short_after_its_full_name() -> None:
    text = (
        "一、总体情况\n2020年,海门区公共资源交易中心深入贯彻落实《中华人民共和国政府信息公开条例》。\n"
        "2020年度交易中心主动公开政府信息187条。\n2020年度交易中心未收到政府信息公开申请。"
    )
    assert find_agency_year(text) == ("海门区公共资源交易中心", 2020)


def test_a_central_banks_branch() -> None:
    text = "2019年,中国人民银行绍兴市中心支行主动公开信息10401条,收到政府信息公开申请2件。"
    assert find_agency_year(text) == ("中国人民银行绍兴市中心支行", 2019)


def test_short_forms_of_round_80() -> None:
    text = "谯城区农委2012年政府信息公开工作年度报告\n截止2012年12月底主动公开信息81条。"
    assert find_agency_year(text)[0] == "谯城区农业委员会"


def test_the_party_committees_standing_members_are_no_agency() -> None:
    text = (
        "根据《条例》要求,形成2016年度政府信息公开工作年度报告。\n"
        "一是我市积极落实重大决策预公开,扩大公众参与。"
        "市政府出台了《绥芬河市人民政府“三重一大”集体决策制度》。"
        "市委常委会议,市政府常务会议内容也及时公开。"
    )
    # (the city speaking of itself, 我市: its government, not 市委常委 read as a body)
    assert find_agency_year(text) == ("绥芬河市人民政府", 2016)
