"""Round 133, on blind123–124 after their one measure: the statutory items as a whole
(发布法定主动公开政府信息216条，其中…), the year's items by its number
(主动公开了2023年各类政府信息), information made and all published
(共生成70条政府信息，均已主动公开), a new-media count on the report's day with the report year
named, requests done as the rules ask (按规定办结), the township's own disclosure site, a city
bureau's site named inside words read whole, 以上报刊 (no 上报), a body named for its key
projects, the kinds listed up to 重点领域 as all of them, items in 项 after a total counted so, a
video account's videos, documents among the kinds after 公布, and three agency names."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_statutory_items_whose_parts_follow(catalogue: Catalogue) -> None:
    text = (
        "全镇总计发布法定主动公开政府信息216条,其中社会救助、养老服务等领域基层政务公开信息141条,"
        "发布人员招聘、采购招标等其他主动公开信息38条,政策文件10条。"
    )
    facts = taken(text, catalogue, agency="重庆市铜梁区土桥镇", year=2024)
    assert ("items_published", None, None, 216.0) in facts
    assert ("items_published", None, None, 141.0) not in facts
    # (the statutory kind beside other kinds stays one kind)
    kind = "全年发布工作动态信息40条,法定主动公开信息10条。"
    assert left_out(kind, catalogue, year=2024)["10条"] == "part (one kind of item)"


def test_the_kinds_listed_as_the_statutory_items(catalogue: Catalogue) -> None:
    text = (
        "一是强化信息发布。全年区政府发布政策文件、财政资金行政权力结果等法定主动公开信息46649条。"
    )
    facts = taken(text, catalogue, agency="六安市金安区人民政府", year=2024)
    assert ("items_published", None, None, 46649.0) in facts
    # (on a named site, the same words stay a part of what the site carried)
    site = (
        "全镇主动公开各类政府信息共计253条。一是通过镇政府网站对外公开机构职能、领导信息、"
        "预决算等法定主动公开信息31条。"
    )
    assert ("items_published", "gov_portal", None, 31.0) not in taken(site, catalogue, year=2025)
    assert left_out(site, catalogue, year=2025)["31条"] == "part (one kind of item)"


def test_the_years_items_by_its_number(catalogue: Catalogue) -> None:
    text = "一年来,金山镇主动公开了2023年各类政府信息193条,主动及时公开率达到90%以上。"
    assert ("items_published", None, None, 193.0) in taken(text, catalogue, year=2023)
    # (another year's, named so, are not the year's)
    assert left_out(text, catalogue, year=2024)["193条"] == "another year"
    documents = "发布2021年市本级行政规范性文件24件。"
    assert ("items_published", None, "documents", 24.0) in taken(documents, catalogue, year=2021)


def test_information_made_and_all_published(catalogue: Catalogue) -> None:
    text = "2020年度共生成70条政府信息,均已主动公开,以保障公众的知情权。"
    assert ("items_published", None, None, 70.0) in taken(text, catalogue, year=2020)
    other = "全年累计产生政府信息16条,均已主动公开。"
    assert ("items_published", None, None, 16.0) in taken(other, catalogue, year=2025)
    # (made, with only a part of it published: not the year's items)
    part = "全年累计产生政府信息16条,其中主动公开12条。"
    assert ("items_published", None, None, 16.0) not in taken(part, catalogue, year=2025)


def test_a_new_media_count_on_the_reports_day_of_the_year_named(catalogue: Catalogue) -> None:
    text = "截止目前,浑江区河口街道2021年度政府网站公开政府信息数48条,微信公众号公开信息111条。"
    assert ("items_published", "wechat", None, 111.0) in taken(text, catalogue, year=2021)
    # (without the year, an account's count on that day runs since it began)
    since = "截止目前,河口街道微信公众号公开信息111条。"
    assert left_out(since, catalogue, year=2021)["111条"] == "cumulative"


def test_requests_done_as_the_rules_ask(catalogue: Catalogue) -> None:
    text = "今年以来,累计办理政府信息公开申请2件,按规定办结,办结率100%。"
    assert ("requests_completed", None, None, 2.0) in taken(text, catalogue, year=2023)
    # (answered online is how, not who applied: handled stays doubtful)
    online = "2021年办理依申请公开件1件,网上回复后,线下进行电话回访,满意率达100%。"
    assert left_out(online, catalogue, year=2021)["1件"].startswith("doubtful")
    assert not any(m.startswith("requests_") for m, *_ in taken(online, catalogue, year=2021))


def test_the_townships_own_disclosure_site(catalogue: Catalogue) -> None:
    text = "2023年度,我乡通过双阳乡政府信息公开网主动公开工作情况、财政预决算情况等信息共计110条。"
    facts = taken(text, catalogue, agency="巫溪县双阳乡", year=2023)
    assert ("items_published", "gov_portal", None, 110.0) in facts
    assert ("items_published", None, None, 110.0) not in facts


def test_a_city_bureaus_site_and_the_press_by_level(catalogue: Catalogue) -> None:
    text = (
        "2023年,我局在区政府网站发稿61篇、市城市管理局网站发稿41条、市级报纸网站发稿107篇、"
        "市级以上报刊发稿3篇。"
    )
    facts = taken(text, catalogue, agency="临沂市罗庄区综合行政执法局", year=2023)
    assert ("items_published", "gov_portal", None, 61.0) in facts
    assert ("items_published", "dept_site", None, 41.0) not in facts
    # (以上 then 报刊: nothing sent up; the press by level with no total: left out)
    assert ("info_submitted", None, None, 3.0) not in facts
    assert ("media_reports", "news_media", None, 107.0) not in facts
    reasons = left_out(text, catalogue, agency="临沂市罗庄区综合行政执法局", year=2023)
    assert reasons["41条"] == "another body's site"
    assert reasons["107篇"] == reasons["3篇"] == "two figures for one row"
    sent = "全年向市政府上报信息3篇。"
    assert ("info_submitted", None, None, 3.0) in taken(sent, catalogue, year=2023)


def test_a_body_named_for_its_key_projects(catalogue: Catalogue) -> None:
    text = "2022年区重点工程处共发布211条政务信息。"
    facts = taken(text, catalogue, agency="六安市叶集区重点工程建设管理处", year=2022)
    assert ("items_published", None, None, 211.0) in facts
    # (the key fields' items stay a part)
    fields = "主动公开稳岗就业、社会救助等重点领域信息657条。"
    assert left_out(fields, catalogue, year=2022)["657条"] == "part (one kind of item)"


def test_the_kinds_listed_up_to_the_key_fields(catalogue: Catalogue) -> None:
    text = (
        "通过区政府网站、微信公众号、公开栏和报刊、电视等新闻媒体共发布机构职能、政策及政策解读、"
        "工作动态、公共服务、重点领域等各类信息1060条。"
    )
    assert ("items_published", None, None, 1060.0) in taken(text, catalogue, year=2022)
    alone = "梳理并公开“基本民生保障、基本社会服务”重点领域等各类信息62条。"
    assert left_out(alone, catalogue, year=2022)["62条"] == "part (one kind of item)"


def test_items_in_xiang_after_a_total_counted_so(catalogue: Catalogue) -> None:
    text = (
        "全区各行政机关共通过各类渠道公开政府信息82276项,其中通过区政府门户网站公开81217项,"
        "通过政府公报公开13项。"
    )
    facts = taken(text, catalogue, agency="重庆市沙坪坝区人民政府", year=2020)
    assert ("items_published", "gov_portal", None, 81217.0) in facts
    # (matters counted in 项 with no information before stay unread)
    matters = "通过区政府门户网站公开81217项。"
    assert left_out(matters, catalogue, year=2020)["81217项"] == "unnamed"


def test_a_video_accounts_videos(catalogue: Catalogue) -> None:
    text = "“西区发布”微信公众号公开政府信息1884篇;视频号发布超160个视频,评论超100次。"
    assert ("items_published", "short_video", None, 160.0) in taken(text, catalogue, year=2024)
    # (accounts set up, counted in 个, are no posts)
    accounts = "全年新开通3个视频号。"
    assert not taken(accounts, catalogue, year=2024)


def test_agency_names_by_three_more_wordings() -> None:
    # (a street office named under its district's government, under the district's lead)
    office = (
        "2024年,重庆市沙坪坝区人民政府石井坡街道办事处在区委、区政府指导下,严格贯彻落实文件精神。"
    )
    assert find_agency_year(office)[0] == "重庆市沙坪坝区石井坡街道办事处"
    # (the state of a year published by its body)
    state = (
        "根据《条例》要求,现公布南强街道办事处2024年度政府信息公开情况。"
        "报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    )
    assert find_agency_year(state) == ("南强街道办事处", 2024)
    # (a title over two lines in traditional script)
    title = "瀏覽次數:次\n西安市閻良區機關事務服務中心\n政府信息公開工作2021年度報告\n一、總體情況"
    assert find_agency_year(title) == ("西安市阎良区机关事务服务中心", 2021)


def test_documents_among_the_kinds_of_items_made_public(catalogue: Catalogue) -> None:
    text = "共公布信息49条,其中,部门文件1条、工作动态信息9条,其他信息3条。"
    facts = taken(text, catalogue, agency="遂宁市安居生态环境局", year=2024)
    assert ("items_published", None, "documents", 1.0) in facts
    # (a list of kinds after no published total gives no documents)
    alone = "我局重视信息管理,其中,部门文件1条、工作动态信息9条。"
    assert ("items_published", None, "documents", 1.0) not in taken(alone, catalogue, year=2024)
