"""Round 63, written on blind48 after it was measured once (each rule checked on all 53 sets):
a district's official site said short (区官网) as the government's portal, an account named
after a site (萧山政府网微博公众号) as the account's, a 微博公众号 as Weibo's, and the answers to
requests counted as an 答复数; the agency: 城管局 and 文体局 spelt out, and 全市共办结 no body's
name. The texts are excerpts of blind48's reports (杭州市滨江区住房和城市
建设局 2021, 杭州市萧山区人民政府 2019, 明溪县住房和城乡建设局 2019) and of blind40 (阿拉善盟生态
环境局 2021)."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_a_districts_official_site_said_short_is_the_portal(catalogue: Catalogue) -> None:
    text = "区官网公开工作信息、公文法规、政策解读、通知公告、财政财务等信息235条。"
    assert ("items_published", "gov_portal", None, 235.0) in taken(text, catalogue)
    # the bureau's own 官网, and a zone's, stay its own site
    own = taken("通过局官网公开信息30条。", catalogue)
    assert ("items_published", "dept_site", None, 30.0) in own
    zone = taken("通过雄安片区官网更新各类政府信息446条。", catalogue)
    assert not any(row[1] == "gov_portal" for row in zone)


def test_an_account_named_after_a_site_is_the_accounts(catalogue: Catalogue) -> None:
    weibo = taken("通过萧山政府网微博公众号发布信息652条。", catalogue)
    assert ("items_published", "weibo", None, 652.0) in weibo
    wechat = taken("通过萧山政府网微信公众号公布主要动态信息1522条。", catalogue)
    assert ("items_published", "wechat", None, 1522.0) in wechat
    # a site and an account listed apart are two channels, the total
    both = taken("通过政府网、微博发布信息30条。", catalogue)
    assert ("items_published", None, None, 30.0) in both


def test_the_answers_to_requests_counted_as_a_number_of_answers(catalogue: Catalogue) -> None:
    text = "2019年我局依申请公开信息答复数2条。"
    assert ("requests_completed", None, None, 2.0) in taken(text, catalogue)


def test_short_forms_of_urban_management_and_culture_and_sports() -> None:
    assert same_agency("如东县城管局", "如东县城市管理局")
    assert same_agency("深圳市福田区文体局", "深圳市福田区文化体育局")


def test_a_sentences_verb_after_a_level_is_no_bodys_name() -> None:
    text = (
        "本年度报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,结合本单位政"
        "府信息公开职责编制而成。本报告中所列数据的统计时间为2023年1月1日至2023年12月"
        "31日。\n一、总体情况\n(一)主动公开情况。2023年全市共主动公开政府信息1900"
        "0余条,涵盖政策文件及解读、报告统计、计划总结、人事任免、重大行政决策、重要会议、财政预"
        "决算、重点领域、社会公益事业领域等法定主动公开内容和基层两化等专题专栏。认真办好《桐乡政"
        "报》杂志,全年共编辑出版《桐乡政报》6期。并在桐乡市人民政府门户网站同步发布电子版。\n"
        "(二)依申请公开情况。遵循公正、公平、合法、便民的原则,不断提高工作质量和效率,严格规范"
        "办理流程。2023年全市共办结依申请公开820件,"
    )
    agency, _ = find_agency_year(text)
    # (the text names no body but 全市 and 桐乡市人民政府门户网站; not 全市共办结…'s words)
    assert agency in (None, "桐乡市人民政府")
