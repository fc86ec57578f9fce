"""Rounds 12 to 23 of extract_figures: the agency of titles the rules misread (broken after the
year, without a year, a ministry, a cooperative, a town's or a street office's government words)
and the phrasings the sixth blind set met (documents in a list after 、, requests completed as
完成, several kinds behind one rate or one count) and what the earlier sets still missed (a
site or new media in general among listed channels, 累计 with no time of its own, press
coverage in other verbs, the part of the requests answered). Each test has a case the rule
must take (or leave out) and its counterpart; the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def _metrics(text: str, catalogue: Catalogue, agency: str = "某局") -> set[str]:
    return {metric for metric, *_ in taken(text, catalogue, agency)}


# ── figures ──────────────────────────────────────────────────────────────────────────────────


def test_documents_in_a_list_of_kinds_after_a_pause_mark(catalogue: Catalogue) -> None:
    text = "通过区政府网站主动公开信息71条。其中年报1条、概况信息2条、部门文件3条、社会救助12条。"
    assert ("items_published", None, "documents", 3) in taken(text, catalogue)
    text = "本局共主动公开政府信息1729条，其中法规文件类信息5条，规划计划类信息3条。"
    assert ("items_published", None, "documents", 5) in taken(text, catalogue)
    # two kinds of document, one figure each: neither is the documents
    text = "主动公开信息80条，其中通知公告20条、行政规范性文件1条、政策文件2条。"
    assert not [f for f in taken(text, catalogue) if f[2] == "documents"]


def test_items_kept_back_are_not_published(catalogue: Catalogue) -> None:
    text = "共计产生公文类信息160条，其中主动公开22条，涉及秘密及其他免予公开的公文类信息138条。"
    assert all(f[3] != 138 for f in taken(text, catalogue))
    assert ("items_published", None, "documents", 138) in taken(
        "共计主动公开的公文类信息138条。", catalogue
    )


def test_proposals_answered_are_not_requests(catalogue: Catalogue) -> None:
    assert "requests_completed" not in _metrics("全年主办建议提案办结数量27件。", catalogue)
    assert "requests_completed" in _metrics("全年办结政府信息公开申请27件。", catalogue)


def test_one_rate_for_proposals_and_the_hotline_is_no_hotline_rate(catalogue: Catalogue) -> None:
    text = "认真做好人大代表建议、政协委员提案及“12345”热线交办事项办理工作，办结率100%。"
    assert "hotline_closure_rate" not in _metrics(text, catalogue)
    assert "hotline_closure_rate" in _metrics("12345热线交办事项办结率100%。", catalogue)


def test_explanations_and_responses_together_are_no_interpretations(
    catalogue: Catalogue,
) -> None:
    assert "interpretations" not in _metrics("发布解读及回应信息共计110条。", catalogue)
    assert ("interpretations", None, None, 110) in taken("发布政策解读信息110条。", catalogue)


def test_requests_completed_written_as_done(catalogue: Catalogue) -> None:
    text = "全年接收政府信息公开申请52件，完成50件，2件正在办理。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 52) in found
    assert ("requests_completed", None, None, 50) in found


def test_the_year_figure_after_the_main_forms_of_publishing_is_the_total(
    catalogue: Catalogue,
) -> None:
    text = "我局以网上公开和公开栏公开为主要形式，加大公开力度，全年共主动公开政府信息2400条。"
    assert ("items_published", None, None, 2400) in taken(text, catalogue)
    # one channel named before, no main ways: the figure is that channel's
    text = "我局开通公开栏，加大公开力度，全年共主动公开政府信息2400条。"
    assert ("items_published", None, None, 2400) not in taken(text, catalogue)


def test_a_site_without_a_name_or_new_media_in_general_among_listed_channels(
    catalogue: Catalogue,
) -> None:
    for text in (
        "2022年，通过市政府网站、政务新媒体等各类平台发布信息共270余条。",
        "2022年，通过天津科技政务网站、政务微博、微信公众号等平台主动公开政府信息2731条。",
    ):
        assert [f[:3] for f in taken(text, catalogue)] == [("items_published", None, None)]
    # two new-media accounts alone are no total
    text = "2022年，通过政务微博、微信公众号等平台发布信息2731条。"
    assert ("items_published", None, None, 2731) not in taken(text, catalogue)


def test_press_coverage_in_other_verbs(catalogue: Catalogue) -> None:
    for text in (
        "在各类媒体上共发表稿件2865篇。",
        "在各级主流新闻媒体宣传报道合计6100余篇次。",
        "电视台主流媒体刊播专题新闻稿件600余篇。",
    ):
        assert "media_reports" in _metrics(text, catalogue), text


def test_the_part_of_the_requests_answered(catalogue: Catalogue) -> None:
    text = "全年共收到政府信息公开申请5件，其中3件已按照相关要求进行书面回复。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 5) in found
    assert ("requests_completed", None, None, 3) in found
    # a part with an outcome of its own is no count of answers
    text = "全年共收到政府信息公开申请5件，其中3件予以公开。"
    assert "requests_completed" not in _metrics(text, catalogue)


def test_items_in_general_counted_in_other_words(catalogue: Catalogue) -> None:
    for text, value in (
        ("2013年，主动公开政府信息件数为123件。", 123),
        ("2021年，对外主动公开信息总计130条。", 130),
        ("2024年，主动公开朋普镇政府信息共597条。", 597),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue), text
    # one kind of item is still a part
    assert not taken("2021年，主动公开招标采购信息总计130条。", catalogue)


@pytest.mark.parametrize(
    ("agency", "text"),
    [
        ("北京市园林绿化局", "2023年，市园林绿化局政府网站主动公开政府信息1166条。"),
        ("岳阳县民政局", "2015年，在县民政网站共主动公开信息446条。"),
        ("金华市农业局", "2017年，通过金华农业信息网主动公开政府信息1476条。"),
        ("长治市文化和旅游局", "2025年，通过长治市文化和旅游局门户网站发布信息49条。"),
        # (州 of 湖州 is no level: the field is 水利, not 市水利)
        ("湖州市水利局", "2022年，全年通过水利网站主动公开信息616条。"),
    ],
)
def test_a_site_named_by_the_agencys_field_or_name_is_its_own(
    agency: str, text: str, catalogue: Catalogue
) -> None:
    assert [f[:2] for f in taken(text, catalogue, agency)] == [("items_published", "dept_site")]


def test_a_channel_and_every_other_way_give_the_total(catalogue: Catalogue) -> None:
    text = "2010年，通过门户网站和其他信息公开渠道主动公开政府信息2398条。"
    assert taken(text, catalogue) == {("items_published", None, None, 2398)}


def test_received_and_completed_before_the_number(catalogue: Catalogue) -> None:
    text = "全年共收到并按时办结16件政府信息公开申请。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 16) in found
    assert ("requests_completed", None, None, 16) in found
    # received only
    assert "requests_completed" not in _metrics("全年共收到16件政府信息公开申请。", catalogue)


def test_documents_as_a_kind_of_government_information(catalogue: Catalogue) -> None:
    text = "2011年，主动公开公文类政府信息35条。"
    assert ("items_published", None, "documents", 35) in taken(text, catalogue)


def test_meetings_that_took_up_disclosure_work(catalogue: Catalogue) -> None:
    text = "全年党组会议专题研究政务公开工作2次。"
    assert ("meetings", None, None, 2) in taken(text, catalogue)
    assert "meetings" not in _metrics("全年党组会议专题研究安全生产工作2次。", catalogue)


def test_new_media_accounts_together_are_no_total(catalogue: Catalogue) -> None:
    text = "2021年，我部微信公众号、微博、抖音账号共发布信息3376条。"
    assert not taken(text, catalogue)
    # a site with them is the whole output
    text = "2021年，我部门户网站、微信公众号、微博共发布信息3376条。"
    assert taken(text, catalogue) == {("items_published", None, None, 3376)}


def test_two_measures_of_reading_in_one_number(catalogue: Catalogue) -> None:
    text = "“某某发布”微信公众号总阅读人数和总阅读次数均超过100万。"
    assert "reads" not in _metrics(text, catalogue)
    assert "reads" in _metrics("“某某发布”微信公众号总阅读次数超过100万。", catalogue)


def test_documents_among_other_kinds_are_no_documents_figure(catalogue: Catalogue) -> None:
    assert not taken("全年实时发布政策文件等信息2000余条。", catalogue) & {
        ("items_published", None, "documents", 2000)
    }
    text = "公开部门文件类(包括规章、规范性文件等)信息338条。"
    assert ("items_published", None, "documents", 338) in taken(text, catalogue)


def test_a_press_bureaus_name_is_no_press_channel(catalogue: Catalogue) -> None:
    text = "2014年全年市文化广电新闻出版局公开各类政府信息366条。"
    found = taken(text, catalogue, "牡丹江市文化广电新闻出版局")
    assert found == {("items_published", None, None, 366)}


def test_one_account_and_other_platforms_are_no_accounts_figure(catalogue: Catalogue) -> None:
    text = "2022年，通过微信公众号等自媒体平台累计发布各类工作信息695条。"
    assert "items_published" not in _metrics(text, catalogue)
    assert ("items_published", "wechat", None, 695) in taken(
        "2022年，通过微信公众号累计发布各类工作信息695条。", catalogue
    )


def test_an_aside_reaching_back_over_earlier_years(catalogue: Catalogue) -> None:
    text = "本局2011年度共主动公开政府信息417条(此数含2008年以来主动公开的信息)。"
    assert left_out(text, catalogue)["417条"] == "cumulative"
    text = "本局2011年度共主动公开政府信息417条(含规范性文件3条)。"
    assert ("items_published", None, None, 417) in taken(text, catalogue)


def test_requests_accepted_and_cases_counted_in_xiang(catalogue: Catalogue) -> None:
    text = "2022年县住房城乡建委接受政府信息公开申请2件。"
    assert ("requests_new", None, None, 2) in taken(text, catalogue)
    assert "appeal_review" in _metrics("涉及信息公开行政复议1项。", catalogue)


def test_items_updated_and_added_are_items_in_general(catalogue: Catalogue) -> None:
    text = "2012年度更新、新增主动公开政府信息33条。"
    assert ("items_published", None, None, 33) in taken(text, catalogue)


def test_reports_and_reposts_together_are_no_media_reports(catalogue: Catalogue) -> None:
    text = "各主流媒体共刊发转发我省系统新闻宣传报道共计19.23万条。"
    assert "media_reports" not in _metrics(text, catalogue)
    text = "媒体刊发源发报道近2000篇，网络转载近18万篇。"
    assert ("media_reports", "news_media", None, 2000) in taken(text, catalogue)


def test_requests_named_by_their_count(catalogue: Catalogue) -> None:
    text = "我局2021年度依申请公开申请数为21件，截至12月31日已全部办结。"
    assert ("requests_new", None, None, 21) in taken(text, catalogue)
    text = "全年新收政府信息公开申请数量0件，上年结转政府信息公开申请数量3件。"
    assert ("requests_new", None, None, 3) not in taken(text, catalogue)


def test_a_clause_opening_on_the_requests_answered(catalogue: Catalogue) -> None:
    text = "全年共受理政府信息公开申请26件次，26件次按时限要求办结。"
    assert ("requests_completed", None, None, 26) in taken(text, catalogue)
    for other in ("2件结转下年答复。", "1件被复议机关撤销答复书中部分答复。"):
        text = "全年共受理政府信息公开申请26件，" + other
        assert "requests_completed" not in _metrics(text, catalogue), other


def test_information_taken_up_above_is_adopted(catalogue: Catalogue) -> None:
    assert "info_adopted" in _metrics("全年上报区政府被采纳信息80余条。", catalogue)
    assert "info_adopted" not in _metrics("发布征集情况公告、意见采纳28条。", catalogue)


def test_a_running_total_followed_by_the_years_part(catalogue: Catalogue) -> None:
    text = "通过目录管理系统累计主动公开政府信息4002条。2022年新增主动公开政府信息362条。"
    found = taken(text, catalogue)
    assert ("items_published", None, None, 362) in found
    assert all(f[3] != 4002 for f in found)


def test_a_provinces_portal_by_its_other_name(catalogue: Catalogue) -> None:
    text = "2011年，在“中国河北”门户网站主动公开政府信息405条。"
    assert taken(text, catalogue, "河北省体育局") == {("items_published", "gov_portal", None, 405)}


def test_a_news_apps_name_is_no_average(catalogue: Catalogue) -> None:
    text = "在新华社、今日定西、每日头条等媒体上发布信息80条。"
    assert taken(text, catalogue) == {("media_reports", "news_media", None, 80)}


def test_requests_counted_in_letters(catalogue: Catalogue) -> None:
    assert ("requests_new", None, None, 27) in taken("共收到依申请公开件27封。", catalogue)


def test_an_accounts_updates_are_its_posts(catalogue: Catalogue) -> None:
    for text, channel in (
        ("全年微博推送政法宣传动态197条。", "weibo"),
        ("本级微信公众号推送工作动态7条。", "wechat"),
    ):
        assert [f[:2] for f in taken(text, catalogue)] == [("items_published", channel)], text
    # a site's updates are its figure too (round 24), but one column of it after 其中
    site_news = ("items_published", "dept_site", None, 21)
    assert site_news in taken("在市安监局网站主动公开动态信息共21条。", catalogue)
    text = "共发布信息80条，其中在市安监局网站主动公开动态信息共21条。"
    assert site_news not in taken(text, catalogue)


def test_documents_with_explanations_others_or_all_but_documents(catalogue: Catalogue) -> None:
    assert not taken("其中包括法规文件及解读3条。", catalogue)
    text = "天门交通规范性文件3条，其他主动公开文件19条。"
    assert ("items_published", None, "documents", 19) not in taken(text, catalogue)
    text = "我局共主动公开政府信息数(除公文发布外)621条，公文发布数74件。"
    found = taken(text, catalogue)
    assert ("items_published", None, "documents", 74) in found
    assert all(f[3] != 621 for f in found)


def test_requests_answered_counted_other_ways(catalogue: Catalogue) -> None:
    assert "requests_completed" in _metrics("全年回复政府信息公开申请0条。", catalogue)
    assert "requests_completed" in _metrics("全年答复依申请公开政府信息75件。", catalogue)
    # a kind of item published is no request answered
    assert "requests_completed" not in _metrics("其中回复网络申请公开事项5条。", catalogue)
    text = "本年度共收到1件自然人提起的政府信息公开申请。"
    assert ("requests_new", None, None, 1) in taken(text, catalogue)


def test_meetings_on_disclosure_counted(catalogue: Catalogue) -> None:
    text = "全年召开政务公开工作会议或专题会议数2次。"
    assert ("meetings", None, None, 2) in taken(text, catalogue)


def test_documents_in_a_list_opened_other_ways(catalogue: Catalogue) -> None:
    text = "2023年，局网站发布1725条信息，包括部门动态278条，政策文件3条。"
    assert ("items_published", None, "documents", 3) in taken(text, catalogue)
    text = "通过网站主动公开政府信息43条：信息公开指南1条，部门文件信息3条。"
    assert ("items_published", None, "documents", 3) in taken(text, catalogue)


def test_media_sites_and_other_ways_give_the_total(catalogue: Catalogue) -> None:
    text = "2021年，通过各种媒体、网站和其他方式公开329条信息。"
    assert ("items_published", None, None, 329) in taken(text, catalogue)
    # other media alone name no channel
    assert not taken("2021年，通过其他媒体发布信息329条。", catalogue)


def test_a_governments_information_site_is_its_portal(catalogue: Catalogue) -> None:
    text = "全年通过县政府信息网站公开发布各类信息120余条。"
    assert ("items_published", "gov_portal", None, 120) in taken(text, catalogue)


def test_letters_answered_are_not_requests(catalogue: Catalogue) -> None:
    assert "requests_completed" not in _metrics("全年收到并办结市长信箱16件。", catalogue)
    text = "全年收到并办结政府信息公开申请16件。"
    assert ("requests_completed", None, None, 16) in taken(text, catalogue)


def test_recruitment_news_is_a_recruitment_notice(catalogue: Catalogue) -> None:
    assert "recruitment_notices" in _metrics("发布公务员招考相关资讯7条。", catalogue)


# ── the agency ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a title broken after its year
        (
            "北京市西城区人民防空办公室2020\n\n政府信息公开工作年度报告\n\n一、总体情况",
            "北京市西城区人民防空办公室",
        ),
        # a title without a year, and a 信息来源 byline
        (
            "发布时间:2021-01-15 10:00 信息来源:会同县林业局\n"
            "会同县林业局信息公开工作年度报告\n一、总体情况",
            "会同县林业局",
        ),
        # a ministry, a supply cooperative
        ("(一)公开的主要内容\n2009年，水利部主动公开政府信息1192条。", "水利部"),
        (
            "广州市海珠区供销合作社2018年政府信息公开工作年度报告\n根据条例",
            "广州市海珠区供销合作社",
        ),
        # words of the sentence before the name
        ("根据有关要求，发布山东省海洋局2022年政府信息公开工作年度报告。", "山东省海洋局"),
        (
            "按照条例要求，编制了城厢区发展和改革局2021年度政府信息公开工作年度报告。",
            "城厢区发展和改革局",
        ),
        # the government's own offices; the government's 政府 read as the report's
        ("城口县人民政府机关\n2020年政府信息公开工作年度报告\n本报告根据条例", "城口县人民政府"),
        ("2012年泾县人民政府信息公开年度报告\n发布时间:2013-01-24", "泾县人民政府"),
        # a town and a street office by their own names
        ("胡市镇人民政府2019年政府信息公开工作年度报告\n2019年，胡市镇认真落实条例。", "胡市镇"),
        ("现特向社会公布2024年合水镇人民政府信息公开工作年度报告。", "合水镇"),
        (
            "北京市东城区人民政府东华门街道办事处2011年政府信息公开工作年度报告",
            "北京市东城区东华门街道办事处",
        ),
        ("本报告由北京市东城区人民政府东华门街道办事处编制。", "北京市东城区东华门街道办事处"),
        ("本年度报告由青阳县杜村乡办公室编制。", "青阳县杜村乡"),
        ("本报告由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。", "无锡市锡山区厚桥街道"),
        (
            "如有疑问，请联系:杭州市滨江区人民政府长河街道办事处;电话:0571-1234",
            "杭州市滨江区长河街道办事处",
        ),
        ("如有疑问，请联系:硚口区民政局局党政办公室,地址:集贤路", "硚口区民政局"),
        # a short name making the report, a full name opening a sentence, a short place
        (
            "根据条例及省、市有关规定，县政府编制了2020年度政府信息公开工作报告。"
            "\n2020年，大英县人民政府认真贯彻落实。",
            "大英县人民政府",
        ),
        ("一、总体情况 衡阳市统计局坚持以习近平新时代中国特色社会主义思想为指导。", "衡阳市统计局"),
        (
            "牡市文化廣電新聞出版局2014年政府信息公開工作年度報告\n"
            "2014年,牡丹江市文化廣電新聞出版局認真貫徹。",
            "牡丹江市文化广电新闻出版局",
        ),
        # a zone is no place whose government reports
        ("随县经济开发区2019年政府信息公开工作年度报告\n一、总体情况", "随县经济开发区"),
        # a title without its place, completed from the text
        (
            "市氣象局2017年政府信息公開工作報告\n今年以來，市氣象局認真貫徹"
            "《宣城市人民政府辦公室關於印發要點的通知》。",
            "宣城市气象局",
        ),
        (
            "新疆维吾尔自治区市场监督管理局\n\n自治区市场监督管理局2019年政府信息公开工作年度报告",
            "新疆维吾尔自治区市场监督管理局",
        ),
        (
            "2020年应急管理局政府信息公开工作年度报告\n按阿尔山市人民政府要求做好栏目维护。",
            "阿尔山市应急管理局",
        ),
        ("下湿壕镇政府2022年信息公开工作年度报告\n一、总体情况", "下湿壕镇"),
        ("【图文】嘉兴市市场监督管理局2022年度政府信息公开工作年度报告", "嘉兴市市场监督管理局"),
        ("城中区文体旅游科技局2023年政府信息公开工作年度报告", "城中区文体旅游科技局"),
        ("广州海关2015年海关政府信息公开年度报告\n根据条例", "广州海关"),
        ("海关总署(本级机关)2020年政府信息公开工作年度报告", "海关总署"),
        (
            "一、总体情况\n2024年，番禺经济技术开发区管委会坚持以习近平新时代中国特色社会主义思想为指导。",
            "番禺经济技术开发区管委会",
        ),
        ("本年度报告由天津市发展改革委编制，根据条例要求。", "天津市发展和改革委员会"),
        # short forms spelt out
        ("秦皇岛市人口计生委2014年度政府信息公开工作年度报告", "秦皇岛市人口和计划生育委员会"),
        (
            "按照条例，编制市城管执法局2020年政府信息公开工作年度报告。铜陵市城管执法局坚持公开。",
            "铜陵市城市管理行政执法局",
        ),
    ],
)
def test_the_agency_of_titles_the_rules_misread(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_no_place_is_made_of_words() -> None:
    # 市场 is no place's level; 推荐至市 no place
    text = "市场监督管理局2021年政府信息公开工作年度报告\n武汉市东湖风景区管委会领导下。"
    assert find_agency_year(text)[0] is None  # not 武汉市场监督管理局
    text = "一、总体情况\n2022年，市商务局主动公开政府信息213条。所有信息择优推荐至市人民政府网站。"
    assert find_agency_year(text)[0] is None
    # 全面推进 is no place
    text = "2020年，市体育局全面推进市体育局政府信息公开工作。通过成都市人民政府网站公开。"
    assert find_agency_year(text)[0] == "成都市体育局"
    # 全部 is no ministry
    assert find_agency_year("2009年，全部主动公开信息均已归档。")[0] is None
