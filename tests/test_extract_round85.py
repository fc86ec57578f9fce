"""Round 85, written on blind74 and blind75 after their one measure: a body's own site by its full
name with 政府门户网站; a government's 官网 in quotes; 公示 after a site with the kinds between; the
year's new items after what a channel holds; a quoted name alone, no channel word; the new
requests inside (含新收…); 部分同意公开; requests counted in 个; interpretations by who gives them;
one reason of several for 无法提供; a clause opening anew on the year is the agency's own."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_a_bodys_own_site_by_its_full_name(catalogue: Catalogue) -> None:
    text = "主动公开政府信息1812条,其中在潜江市生态环境局政府门户网站主动及时公开977条。"
    found = extract_figures(text, catalogue, agency="潜江市生态环境局", year=2025)
    rows = {(f.metric, f.channel, f.value) for f in found.facts}
    assert ("items_published", "dept_site", 977.0) in rows
    assert ("items_published", "gov_portal", 977.0) not in rows


def test_a_governments_official_site_in_quotes(catalogue: Catalogue) -> None:
    assert taken("全年通过“潼南区人民政府官网”公开政府信息18601条。", catalogue) == {
        ("items_published", "gov_portal", None, 18601.0)
    }


def test_posted_on_a_site_with_the_kinds_between(catalogue: Catalogue) -> None:
    text = "我镇通过政府门户网站共公示工作动态及其他信息46条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 46.0)}
    # one kind alone stays a part
    assert left_out("我镇通过政府门户网站共公示工作动态46条。", catalogue)["46条"] == "unnamed"


def test_the_years_new_items_after_what_a_channel_holds(catalogue: Catalogue) -> None:
    text = (
        "通过政府信息公开目录管理系统累计主动公开政府信息2457条,2022年新增主动公开政府信息257条。"
    )
    assert taken(text, catalogue) == {("items_published", None, None, 257.0)}
    platform = (
        "我局在政务网站设置了政府信息公开平台,在该平台共整理公开政府信息3819条,"
        "其中全文电子化达100%,本年度新增的主动公开信息169条。"
    )
    assert ("items_published", None, None, 169.0) in taken(platform, catalogue)
    # no count on the channel before: the channel's own figure
    plain = "通过政府信息公开目录管理系统,2022年新增主动公开政府信息257条。"
    assert ("items_published", None, None, 257.0) not in taken(plain, catalogue)


def test_a_quoted_name_alone_is_no_channel(catalogue: Catalogue) -> None:
    text = "通过政务新媒体“察右后旗发布”共发37期74条;“察右后旗人民政府蒙古文发布”共发布828条。"
    assert left_out(text, catalogue)["828条"] == "doubtful channel"
    # the name ending on its channel's word is that channel's (it was read as no channel)
    named = "“彝良县人民政府微信公众号”发布信息506条。"
    assert taken(named, catalogue) == {("items_published", "wechat", None, 506.0)}
    assert taken("通过“黄平县政务微博”发布信息361条。", catalogue) == {
        ("items_published", "weibo", None, 361.0)
    }


def test_the_new_requests_inside_the_brackets(catalogue: Catalogue) -> None:
    text = "全年共收到政府信息公开申请12件(含新收11件、上年结转1件),均在法定期限内予以答复。"
    assert taken(text, catalogue) == {("requests_new", None, None, 11.0)}


def test_partly_agreed_is_partial(catalogue: Catalogue) -> None:
    text = "共收到政府信息依申请公开件15件,按规定同意公开10件,部分同意公开3件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 15.0),
        ("requests_disclosed", None, None, 10.0),
        ("requests_partial", None, None, 3.0),
    }


def test_requests_counted_in_ge(catalogue: Catalogue) -> None:
    assert taken("依申请公开办理工作流程办结依申请信息公开17个,无行政复议。", catalogue) == {
        ("requests_completed", None, None, 17.0)
    }
    assert taken("2022年收到信息申请数量7个。", catalogue) == {("requests_new", None, None, 7.0)}
    # a span of days is no count
    assert left_out("在收到申请之日起15个工作日内予以答复。", catalogue)["15个"] == (
        "counts what follows it"
    )
    assert taken("在收到申请之日起15个工作日内予以答复。", catalogue) == set()


def test_interpretations_by_who_gives_them_are_parts(catalogue: Catalogue) -> None:
    text = (
        "全年解读会议19次。多形式、多角度解读政策文件17篇,其中文字解读、简明问答16篇,"
        "主要负责人解读3篇,专家解读2篇。"
    )
    assert taken(text, catalogue) == {("interpretations", None, None, 17.0)}
    assert left_out("全年解读会议19次。", catalogue)["19次"] == "unnamed"


def test_one_reason_of_several_it_could_not_be_given(catalogue: Catalogue) -> None:
    text = (
        "共收到政府信息依申请公开件15件,按规定同意公开10件,"
        "因不属于本机关信息无法提供1件,信息不存在1件。"
    )
    assert ("requests_unavailable", None, None, 1.0) not in taken(text, catalogue)
    # the reason alone: the outcome's figure
    alone = "共收到政府信息依申请公开件11件,按规定同意公开10件,因不属于本机关信息无法提供1件。"
    assert ("requests_unavailable", None, None, 1.0) in taken(alone, catalogue)


def test_a_clause_opening_on_the_year_is_the_agencys_own(catalogue: Catalogue) -> None:
    text = (
        "督促各部门落实社会救助、养老服务等领域信息公开,2022年,区政府门户网共发布政府信息7630条。"
    )
    assert taken(text, catalogue, agency="鲤城区人民政府") == {
        ("items_published", "gov_portal", None, 7630.0)
    }
    # with no fresh start, the departments' figure
    others = "督促各部门落实社会救助、养老服务等领域信息公开,区政府门户网共发布政府信息7630条。"
    assert taken(others, catalogue, agency="鲤城区人民政府") == set()
