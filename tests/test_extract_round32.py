"""Round 32 of extract_figures. Before blind20 arrived: a county's, district's or city's report
named by its place alone, or speaking in its own voice, is its people's government's. On blind20,
after it was measured untouched: interpretations first of a list of kinds, outcomes written after
their number, a department's and a town's own site, followers in 个, the year's new count of two,
an account counted with others, the hotline one of the ways listed, news releases as a kind of
item, a mirror's question mark, documents named after their number, a site's columns together.
Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("一、总体情况\n2023年,乃东区认真贯彻条例,全面提升信息公开工作水平。", "乃东区人民政府"),
        ("黄石市2025年政府信息公开工作年度报告\n一、总体情况", "黄石市人民政府"),
        ("太原市小店区2013年政府信息公开工作年度报告\n一、概述", "太原市小店区人民政府"),
        ("黔南州2024年政府信息公开工作年度报告\n一、总体情况", "黔南州人民政府"),
    ],
)
def test_a_place_alone_is_its_government(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # zones have committees, not governments
        ("随县经济开发区2019年政府信息公开工作年度报告\n一、总体情况", "随县经济开发区"),
        ("重庆两江新区2024年政府信息公开工作年度报告\n一、总体情况", "重庆两江新区"),
        # towns are written without 人民政府 (the labels' convention)
        ("大路镇2022年政府信息公开工作年度报告\n一、总体情况", "大路镇"),
        # a body keeps its own name
        ("城固县教育局2022年政府信息公开工作年度报告\n一、总体情况", "城固县教育局"),
        ("城固县人民政府办公室2022年政府信息公开工作年度报告\n一、概述", "城固县人民政府办公室"),
    ],
)
def test_other_names_are_left_as_they_are(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_league_is_not_given_a_government() -> None:
    # 阿拉善盟 has an administrative office (行政公署), not a people's government
    assert find_agency_year("阿拉善盟2024年政府信息公开工作年度报告\n一、总体情况")[0] == "阿拉善盟"


_SPEAKING = (
    "根据《条例》规定编制本报告。如对本报告有疑问，可直接与泰宁县人民政府办公室联系。\n"
    "一、总体情况\n2023年{voice}累计主动公开政府信息557件。"
)


@pytest.mark.parametrize("voice", ["全县", "我县"])
def test_a_report_in_a_county_s_own_voice_is_its_government_s(voice: str) -> None:
    assert find_agency_year(_SPEAKING.format(voice=voice))[0] == "泰宁县人民政府"


def test_the_government_named_most_often_by_a_report_of_this_level() -> None:
    text = (
        "向社会公布2012年度本级政府信息公开年度报告。本报告的电子版可在“思明区人民政府”网站查阅，"
        "或直接与思明区人民政府办公室联系。依据《厦门市人民政府关于…的通知》，主动公开信息120条。"
    )
    assert find_agency_year(text)[0] == "思明区人民政府"


@pytest.mark.parametrize(
    "text",
    [
        # a body's own voice: not its government's report
        _SPEAKING.format(voice="我局"),
        _SPEAKING.format(voice="全县") + "我局收到申请3件。",
        # two governments named as often: no guess
        "我县通过泰宁县人民政府网站和将乐县人民政府网站发布信息。",
        # a zone's 全区 beside the district government it reports to
        "经开区2024年主动公开信息。全区发布信息300条，报送武进区人民政府信息12条。",
    ],
)
def test_no_government_for_other_voices(text: str) -> None:
    assert find_agency_year(text)[0] is None


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_interpretations_first_of_a_list_of_kinds(catalogue: Catalogue) -> None:
    # the count is the channel's items of several kinds, interpretations the first of them
    rows = taken("微信公众号推送政策解读、工作动态等信息936条。", catalogue)
    assert ("items_published", "wechat", None, 936) in rows
    assert not [r for r in rows if r[0] == "interpretations"]
    assert left_out("转发政策解读、应急资讯等59条。", catalogue)["59条"] == "several kinds together"
    # forms of the interpretations themselves are their number
    assert ("interpretations", None, None, 8) in taken("制作相关解读文字和图片8个。", catalogue)
    assert ("interpretations", None, None, 40) in taken("政策解读及图解40条。", catalogue)


def test_outcomes_written_after_their_number(catalogue: Catalogue) -> None:
    text = (
        "收到政府信息公开申请20件，其中8件按申请事项全部予以公开，1件公开部分内容，"
        "另外5件办理结果为其他处理，2件不予处理。"
    )
    rows = taken(text, catalogue)
    assert ("requests_disclosed", None, None, 8) in rows
    assert ("requests_partial", None, None, 1) in rows
    assert ("requests_other", None, None, 5) in rows
    assert ("requests_not_processed", None, None, 2) in rows
    # without a count of requests received they are left out (no requests to be the outcome of)
    assert "requests_other" not in {r[0] for r in taken("另外5件其他处理。", catalogue)}


def test_requests_taken_to_review(catalogue: Catalogue) -> None:
    text = "全年受理并办结依申请公开事项14件。其中6件申请进入行政复议程序。"
    assert ("appeal_review", None, None, 6) in taken(text, catalogue)
    # a request's part answered is not a review
    rows = taken("收到申请14件，其中6件已答复。", catalogue)
    assert "appeal_review" not in {r[0] for r in rows}


def test_a_department_s_and_a_town_s_own_site(catalogue: Catalogue) -> None:
    assert ("items_published", "dept_site", None, 4206) in taken(
        "全年厅网站共发布信息4206条。", catalogue
    )
    assert ("items_published", "dept_site", None, 152) in taken(
        "2022年全年通过木石镇网站发布信息152条。", catalogue
    )
    # a provincial department's site named in another body's report is not its own
    assert left_out("通过省财政厅网站发布信息20条。", catalogue)["20条"] == "doubtful channel"


def test_followers_counted_in_ge(catalogue: Catalogue) -> None:
    assert ("followers", "wechat", None, 2900) in taken("微信公众号粉丝量达2900个。", catalogue)
    assert ("followers", "wechat", None, 2469) in taken("公众号关注量达2469个。", catalogue)
    # 关注 as a verb before what is counted: no followers
    rows = taken("微信公众号重点关注3个领域。", catalogue)
    assert "followers" not in {r[0] for r in rows}


def test_of_two_figures_the_year_s_new_one(catalogue: Catalogue) -> None:
    text = "本年度新收申请数112件，上年结转9件，共受理政府信息依申请公开121件。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 112) in rows
    assert ("requests_new", None, None, 121) not in rows
    text = "2022年新增的主动公开政府信息30条，累计主动公开政府信息305条。"
    assert ("items_published", None, None, 30) in taken(text, catalogue)
    # a running total, the year's new count in the next sentence
    text = "累计主动公开政府信息305条,全文电子化率达100%。2022年新增的主动公开政府信息30条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 30) in rows
    assert ("items_published", None, None, 305) not in rows
    # 新增 joined to another kind is no year's new count: both stay out, as before
    text = "全年公开各类政府信息366条，更新公开和新增公开信息280条。"
    assert ("items_published", None, None, 280) not in taken(text, catalogue)


def test_an_account_counted_with_others(catalogue: Catalogue) -> None:
    text = "在微信公众号、微靖远等新媒体公开信息1226条。"
    assert left_out(text, catalogue)["1226条"] == "several accounts together"
    text = "通过新浪网、腾讯网和新华网“平安十堰”官方微博主动发布警务信息2302条,粉丝达到10万余人。"
    assert left_out(text, catalogue)["2302条"] == "several accounts together"
    assert left_out(text, catalogue)["10万余人"] == "several accounts together"
    # one account on one platform is its channel's
    assert ("items_published", "weibo", None, 30) in taken("通过新浪微博发布信息30条。", catalogue)


def test_the_hotline_one_of_the_ways_listed(catalogue: Catalogue) -> None:
    text = "办理答复中国政府网、微博、“12345”等渠道咨询投诉500余件，办结率100%。"
    assert left_out(text, catalogue)["500余件"] == "several channels"
    assert left_out(text, catalogue)["100%"] == "several channels"
    text = "承办“市长热线”875件,处理市长信箱来信3件,网民留言8件,综合办结率100%。"
    assert left_out(text, catalogue)["100%"] == "several kinds together"
    assert ("hotline_received", "hotline_12345", None, 875) in taken(text, catalogue)
    rows = taken("受理12345热线工单800件，办结率98%。", catalogue)
    assert ("hotline_closure_rate", "hotline_12345", None, 98) in rows


def test_news_releases_one_kind_of_the_items_listed(catalogue: Catalogue) -> None:
    text = "全年公开各类信息567条，其中新闻发布5条，通知公告30条。"
    assert left_out(text, catalogue)["5条"] == "part (one kind of item)"
    assert ("media_reports", "news_media", None, 20) in taken("在新闻媒体发布信息20条。", catalogue)


def test_a_mirror_s_question_mark_before_a_number(catalogue: Catalogue) -> None:
    text = "全年通過政府信息公開網(wǎng)站主動(dòng)發(fā)布信息共?1340條。"
    assert ("items_published", "gov_portal", None, 1340) in taken(text, catalogue)
    # a question mark in the words is kept in the quote, cut from the text as given
    found = extract_figures(text, catalogue, agency="某局", year=2022)
    assert found.facts[0].quote.endswith("共?1340條")


def test_documents_named_after_their_number(catalogue: Catalogue) -> None:
    assert ("items_published", None, "documents", 3) in taken("通过官网公布3份文件。", catalogue)
    # documents explained are interpretations' business, not documents published
    rows = taken("公开3份文件解读。", catalogue)
    assert ("items_published", None, "documents", 3) not in rows


def test_a_site_s_columns_together_are_the_site_s(catalogue: Catalogue) -> None:
    text = "官网五大栏目(市级动态、基层动态、医改动态、应急管理)全年更新政务信息196条。"
    assert ("items_published", "dept_site", None, 196) in taken(text, catalogue)
    # one column is a part of the site
    text = "在局网站“部门动态”栏目发布信息56条。"
    assert left_out(text, catalogue)["56条"] == "part of a channel"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a body under the government, named with it, doing what the report tells
        (
            "2025年,荣昌区人民政府安富街道办事处坚持以人民为中心,现将本年度工作情况汇报如下。",
            "荣昌区安富街道办事处",
        ),
        (
            "依据《条例》,福州市人民政府外事办公室编制形成本年度报告。如有疑问,可与福州市人民政府外事办公室联系。",
            "福州市人民政府外事办公室",
        ),
        (
            "如对本年报有任何疑问,请与杭州市萧山区人民政府新街街道办事处办公室联系。",
            "杭州市萧山区新街街道办事处",
        ),
        # the government's own office is the office
        ("如对本年报有任何疑问,请与杭州市萧山区人民政府办公室联系。", "杭州市萧山区人民政府办公室"),
        # a pilot free-trade zone keeps its province in brackets
        (
            "中国(河北)自由贸易试验区雄安片区管理委员会2022年政府信息公开工作年度报告\n一、总体情况",
            "中国(河北)自由贸易试验区雄安片区管理委员会",
        ),
        (
            "如对本报告有任何疑问,请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区"
            "管理委员会)政府信息公开办公室,地址:福州市。",
            "中国(福建)自由贸易试验区福州片区管理委员会",
        ),
        # a year opening its sentence with 在…期间
        (
            "一、总体情况\n在2024年期间,驻马店市科学技术局依据《条例》开展工作。",
            "驻马店市科学技术局",
        ),
        # a contact by the body's section
        (
            "如对本年报有疑问,请联系吉林市人民政府外事办公室综合处,地址:吉林市。",
            "吉林市人民政府外事办公室",
        ),
        # a title line with 年报 for the year's report
        ("樂山高新區管委會2010年年報根據《條例》規定進行編制。", "乐山高新区管委会"),
        # a province's department by its short name, the province named elsewhere
        (
            "一、总体情况\n省人力资源社会保障厅认真贯彻落实《条例》以及《江苏省2019年政务公开工作要点》。",
            "江苏省人力资源社会保障厅",
        ),
    ],
)
def test_the_agency_of_round_32(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


@pytest.mark.parametrize(
    "text",
    [
        # a bare office answering for the report is no name
        "若对报告有任何疑问,请与党政办公室联系(地址南坛路63号)。",
        # a sentence about a site set up is no name
        "及时在清水县政务服务网中设立民政局网站子群1个。",
    ],
)
def test_no_agency_of_round_32(text: str) -> None:
    assert find_agency_year(text)[0] is None


def test_a_town_s_own_office_reports_as_the_town() -> None:
    text = "如有疑问,请与高青县高城镇人民政府党政办公室联系。"
    assert find_agency_year(text)[0] == "高青县高城镇"


def test_outcomes_said_in_the_past_or_by_their_reason(catalogue: Catalogue) -> None:
    text = "收到申请10件，其中8件已公开，2条本机关不掌握相关政府信息。"
    rows = taken(text, catalogue)
    assert ("requests_disclosed", None, None, 8) in rows
    assert ("requests_unavailable", None, None, 2) in rows
    # items published are no requests' outcome
    assert left_out("发布信息100条，其中8件已公开。", catalogue)["8件"] == "unnamed"


def test_a_list_of_channel_figures_after_a_colon_or_an_aside(catalogue: Catalogue) -> None:
    text = "合计发布各类信息2578条,其中:局门户网站361条,微信公众号335条。"
    assert ("items_published", "dept_site", None, 361) in taken(text, catalogue)
    text = (
        "全年共主动公开信息2836条,其中网站主动公开信息128条(公告公示8条),政务微信698条,抖音141条。"
    )
    assert ("items_published", "wechat", None, 698) in taken(text, catalogue)
    # a bare 门户网站 in the list is still nobody's
    text = "合计发布各类信息2578条,其中:门户网站361条,微信公众号335条。"
    assert ("items_published", "dept_site", None, 361) not in taken(text, catalogue)


def test_outcomes_in_a_later_clause_opening_with_qizhong(catalogue: Catalogue) -> None:
    text = (
        "收到政府信息公开申请共计9件,办结9件。根据《条例》相关规定,其中8件按申请事项全部予以公开,"
        "1件公开部分内容。"
    )
    rows = taken(text, catalogue)
    assert ("requests_disclosed", None, None, 8) in rows
    assert ("requests_partial", None, None, 1) in rows


def test_the_agency_s_field_its_own_site_and_a_place_s_portal(catalogue: Catalogue) -> None:
    # 司法行政信息 are all a 司法局's items
    text = "2023年,主动公开司法行政信息63条。"
    assert ("items_published", None, None, 63) in taken(text, catalogue, agency="眉山市司法局")
    # 部门网站 is the agency's own site; 各部门网站 are other bodies'
    text = "通过本部门网站发布政府信息2425条。"
    assert ("items_published", "dept_site", None, 2425) in taken(text, catalogue)
    text = "通过县政府及各部门网站发布信息300条。"
    assert left_out(text, catalogue)["300条"] == "doubtful channel"
    # 中国XX网站: a place's portal by the name governments give it; not the State Council's
    text = "全年我局积极通过中国惠山网站主动公开信息41条。"
    assert ("items_published", "gov_portal", None, 41) in taken(text, catalogue)
    text = "通过中国林业网发布信息41条。"
    assert ("items_published", "gov_portal", None, 41) not in taken(text, catalogue)


def test_the_portal_as_the_first_platform_and_a_rule_of_one_for_each(catalogue: Catalogue) -> None:
    # the portal named as the main way, not the only: the year's figure is the total
    text = "2021年,市人防办持续强化门户网站信息公开第一平台作用,主动公开各类信息共272条。"
    assert ("items_published", None, None, 272) in taken(text, catalogue)
    # 发布一条解读一条: a rule, no count
    text = "做到政府及政府办文件发布一条解读一条。累计主动公开政府信息1612条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 1612) in rows
    assert not [r for r in rows if r[3] == 1]


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # short forms spelt out after their place
        ("武汉市经信局2025年政府信息公开工作年度报告\n一、总体情况", "武汉市经济和信息化局"),
        ("江西省民宗局2023年政府信息公开工作年度报告\n一、总体情况", "江西省民族宗教事务局"),
        ("上海市青浦区民防办2011年政府信息公开工作年度报告\n一、概述", "上海市青浦区民防办公室"),
        # a 馆 is a body (档案馆, 文史研究馆), its office reports as it
        ("樟树市档案馆办公室2024年政府信息公开工作年度报告\n一、总体情况", "樟树市档案馆"),
        ("贵州省文史研究馆2021年政府信息公开工作年度报告\n一、总体情况", "贵州省文史研究馆"),
    ],
)
def test_short_forms_and_a_guan(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_yiji_before_a_place_starts_no_name() -> None:
    text = "本报告根据《条例》以及景德镇市2019年度的政府信息公开年度报告提纲编制。"
    assert find_agency_year(text)[0] is None
