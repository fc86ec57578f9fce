"""Round 60, written on blind45 after it was measured once (each rule checked on all 50 sets):
the Party's affairs made public (党务公开) are no government information, a hotline's cases said
closed after its name, blog posts on a portal (博文) as Weibo's, the site the agency calls its own
政府网站 (总局政府网站), the new requests said after 其中 in a sentence of requests handled, the
meetings' items as one kind, the requests counted before who made them and how, and a years'
total (历年累计) of an earlier clause leaving the next clause's figure the year's; the agency named
after the orders it follows (…通知》要求,砚山县交通运输局认真贯彻), and 广电总局 spelt out. The
texts are excerpts of blind45's reports (吐列毛杜镇 2023, 复兴镇 2023, 辽宁省公安厅 2018, 国家广电
总局 2010, 揭阳市人民政府 2023, 华丰镇 2023, 汕尾市政务服务数据管理局 2022, 洛江区文体旅游新闻
出版局 2011, 砚山县交通运输局 2020)."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_partys_affairs_made_public_are_no_government_information(
    catalogue: Catalogue,
) -> None:
    text = "2023年度,我镇政府各站办所党务公开44条。"
    assert left_out(text, catalogue)["44条"] == "not government information (党务)"
    assert not taken(text, catalogue)
    government = "2023年度,我镇政府各站办所政务公开44条。"
    assert ("items_published", None, None, 44.0) in taken(government, catalogue)


def test_a_hotlines_cases_said_closed_after_its_name(catalogue: Catalogue) -> None:
    text = "通过“12345”便民服务热线回应并办结群众诉求64件,办结率100%。"
    rows = taken(text, catalogue)
    assert ("hotline_closed", "hotline_12345", None, 64.0) in rows
    assert not any(row[0] == "hotline_received" for row in rows)
    # received and closed in one number stays the cases received
    both = taken("12345热线受理并办结诉求64件。", catalogue)
    assert ("hotline_received", "hotline_12345", None, 64.0) in both


def test_blog_posts_are_weibos(catalogue: Catalogue) -> None:
    rows = taken("在新浪网发布博文14780条。", catalogue)
    assert ("items_published", "weibo", None, 14780.0) in rows


def test_the_government_site_the_agency_calls_its_own(catalogue: Catalogue) -> None:
    rows = taken("总局政府网站发布信息5120条。", catalogue)
    assert ("items_published", "dept_site", None, 5120.0) in rows
    # a government's site named by its level stays the portal
    portal = taken("通过市政府网站发布信息30条。", catalogue)
    assert ("items_published", "gov_portal", None, 30.0) in portal


def test_the_new_requests_after_qizhong_in_requests_handled(catalogue: Catalogue) -> None:
    text = "2023年,全市各级行政机关共办理政府信息依申请公开件659宗,其中,新收到610宗,上年结转49宗。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 610.0) in rows
    assert ("requests_new", None, None, 659.0) not in rows


def test_the_meetings_items_are_one_kind(catalogue: Catalogue) -> None:
    text = "其中,政务公开平台发布法规规章7条,通知公告4条,部门会议公开5条,上级政策解读3条。"
    rows = taken(text, catalogue)
    assert not any(row[0] == "items_published" for row in rows)
    assert left_out(text, catalogue)["5条"] == "part (one kind of item)"


def test_requests_counted_before_who_made_them_and_how(catalogue: Catalogue) -> None:
    text = "2022年,我局收到1条自然人通过“汕尾市政府信息依申请公开系统”提交的申请。"
    assert ("requests_new", None, None, 1.0) in taken(text, catalogue)
    # the applicants, counted in 个
    assert not taken("收到2个自然人提交的申请。", catalogue)


def test_a_years_total_of_an_earlier_clause_leaves_the_next_the_years(
    catalogue: Catalogue,
) -> None:
    text = "2011年,我局梳理各类信息25条,历年累计101条,在微信公众号发布信息30条,历年累计80条。"
    assert ("items_published", "wechat", None, 30.0) in taken(text, catalogue)
    assert left_out(text, catalogue)["80条"] == "cumulative"
    # 累计 alone first, then another count: which is the year's is left open, as before
    assert not taken("累计公开信息80条,主动公开75条。", catalogue)


def test_the_agency_named_after_the_orders_it_follows() -> None:
    text = (
        "2020年,根据《文山州人民政府办公室关于编制公布2020年政府信息公开工作年度报告有关事项的"
        "通知》要求,砚山县交通运输局认真贯彻落实《条例》,依法公开各类政府信息。"
    )
    assert find_agency_year(text) == ("砚山县交通运输局", 2020)


def test_the_state_film_and_television_administration_by_its_short_name() -> None:
    assert same_agency("国家广电总局", "国家广播电影电视总局")
