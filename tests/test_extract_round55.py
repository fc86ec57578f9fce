"""Round 55, written on blind42 after it was measured, each rule checked on all sets: requests
counted by how they came (其中，通过信函提交申请的6件) as parts, 其它 read as 其他, several ways
combined (相结合的方式) as all of them, 220条余, a district's portal named in quotes, and a
government named by its office's contact line (可联系…人民政府办公室) in a report that speaks of
the place's disclosure work. Each test has a case the rule must leave alone; the texts are made
up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_requests_counted_by_how_they_came_are_parts(catalogue: Catalogue) -> None:
    text = (
        "2025年新收63件，上一年度结转1件，共计64件。其中，通过信函提交申请的6件，"
        "通过局官方网站提交申请的51件。"
    )
    assert taken(text, catalogue, "国家疾病预防控制局") == set()
    assert left_out(text, catalogue)["51件"] == "part (by how requests came)"
    # without 其中: the requests received, whichever way they came
    text = "2025年，共收到通过网站提交的政府信息公开申请51件。"
    assert taken(text, catalogue, "国家疾病预防控制局") == {("requests_new", None, None, 51)}


def test_qita_written_either_way_is_other(catalogue: Catalogue) -> None:
    text = "2018年，通过政府网站公开信息150条，其它媒体公开政府信息73条。"
    assert taken(text, catalogue, "石台县林业局") == set()
    assert left_out(text, catalogue)["73条"] == "doubtful channel"
    text = "2018年，通过报纸、电视等新闻媒体公开政府信息73条。"
    assert ("media_reports", "news_media", None, 73) in taken(text, catalogue, "石台县林业局")


def test_several_ways_combined_are_all_of_them(catalogue: Catalogue) -> None:
    text = (
        "2024年，我乡通过线下政务公开专栏、政务公开专区和线上政务服务平台相结合的方式，"
        "主动公开了各类信息203条。"
    )
    assert taken(text, catalogue, "清泉乡") == {("items_published", None, None, 203)}
    text = "2024年，我乡通过线上政务服务平台主动公开了各类信息203条。"
    assert taken(text, catalogue, "清泉乡") == {("items_published", "service_portal", None, 203)}


def test_yu_after_the_counting_word_says_at_least(catalogue: Catalogue) -> None:
    from dashboard.extract.figures import extract_figures

    facts = extract_figures(
        "2023年累计主动公开政府信息220条余。", catalogue, agency="盐店镇", year=2023
    ).facts
    assert [(f.value, str(f.qualifier), f.as_written) for f in facts] == [
        (220.0, "at_least", "220条余")
    ]
    # (余额 is a balance, not 余)
    facts = extract_figures(
        "2023年财政资金500万元余额，主动公开政府信息220条。", catalogue, agency="盐店镇", year=2023
    ).facts
    assert [(f.value, str(f.qualifier)) for f in facts] == [(220.0, "exact")]


def test_a_districts_portal_named_in_quotes(catalogue: Catalogue) -> None:
    text = "2021年度区退役军人事务局通过“滨江区门户网站”主动公开信息40条。"
    assert taken(text, catalogue, "滨江区退役军人事务局") == {
        ("items_published", "gov_portal", None, 40)
    }
    # an account named after the site stays the account's
    text = "2021年度通过“滨江区门户网站”微信公众号发布信息40条。"
    assert taken(text, catalogue, "滨江区退役军人事务局") == {
        ("items_published", "wechat", None, 40)
    }


def test_a_government_named_by_its_offices_contact_line() -> None:
    text = (
        "本报告中所列数据的统计时限从2023年1月1日起至2023年12月31日止。如对本报告有任何疑问，"
        "可联系伊吾县人民政府办公室（电子政务办公室），电话：0902-6722957。\n"
        "2023年，伊吾县政府信息公开工作按照《条例》要求，坚持公开为常态。"
    )
    assert find_agency_year(text) == ("伊吾县人民政府", 2023)
    # the office's own report stays the office's
    text = (
        "本报告中所列数据的统计时限从2023年1月1日起至2023年12月31日止。如对本报告有任何疑问，"
        "可联系伊吾县人民政府办公室（电子政务办公室），电话：0902-6722957。\n"
        "2023年，我办坚持公开为常态。"
    )
    assert find_agency_year(text) == ("伊吾县人民政府办公室", 2023)
