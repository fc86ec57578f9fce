"""Round 33 of extract_figures. Before blind23 arrived, on the misses of the earlier sets: a short
name in a clause of what it did, completed by the one place of its level; the marked place of a
government named after a verb; a merged body's 原; a zone with its district in brackets; of two
figures in one sentence the one that is not a running total; verbs joined (更新并公开). On blind23,
after it was measured untouched: a quoted account's name holding a verb, drafts put out for
comment, items other bodies sent in, offline ways, one field's items, a department's 政务网站,
and a channel's items named by it with no verb. Each test has a case the rule must leave alone;
the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_a_short_name_doing_something_takes_the_one_county_named() -> None:
    text = (
        "一、总体情况\n2024年,在县委、县政府的坚强领导下,县民政局坚持以人民为中心,"
        "在清水县政务服务网中设立民政局网站子群1个。我局主动公开信息88条。"
    )
    assert find_agency_year(text)[0] == "清水县民政局"
    # another body guiding it is not the agency (县政务和大数据局的指导下)
    text = (
        "现公布2022年阳新县自然资源和规划局政府信息公开工作情况。\n一、总体情况\n"
        "2022年,在县委、县政府的正确领导、县政务和大数据局的具体指导下,我局高度重视公开工作。"
    )
    assert find_agency_year(text)[0] == "阳新县自然资源和规划局"


def test_a_verb_before_a_government_is_no_part_of_its_place() -> None:
    text = (
        "特向制定2020年度县统计局信息公开年度报告。\n一、总体情况\n"
        "2020年,县统计局通过息烽县人民政府网站公开政府信息200余条。我局认真落实条例。"
    )
    assert find_agency_year(text)[0] == "息烽县统计局"


def test_a_merged_body_by_the_name_it_reports_under() -> None:
    text = "原安丘市机关事务管理局2018年政府信息公开工作年度报告\n一、总体情况"
    assert find_agency_year(text)[0] == "安丘市机关事务管理局"
    # a place whose name opens with 原 keeps it
    text = "原阳县人民政府2019年政府信息公开工作年度报告\n一、总体情况"
    assert find_agency_year(text)[0] == "原阳县人民政府"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "泰州医药高新区(高港区)卫生健康委员会2025年政府信息公开工作年度报告\n信息来源:"
            "医药高新区(高港区)卫生健康委员会\n一、总体情况",
            "泰州医药高新区(高港区)卫生健康委员会",
        ),
        (
            "苏州高新区管委会(虎丘区人民政府)2024年政府信息公开工作年度报告\n一、总体情况",
            "苏州高新区管委会(虎丘区人民政府)",
        ),
        # the short name it is given (以下简称…) is no district in brackets
        (
            "随县经济开发区(以下简称县开发区)2019年政府信息公开工作年度报告\n一、总体情况",
            "随县经济开发区",
        ),
    ],
)
def test_a_zone_with_its_district_in_brackets(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_zone_with_or_without_its_district_is_one_agency() -> None:
    assert same_agency("苏州高新区管委会(虎丘区人民政府)", "苏州高新区管委会")
    assert same_agency("泰州医药高新区（高港区）卫生健康委员会", "泰州医药高新区卫生健康委员会")
    assert not same_agency("苏州高新区管委会(虎丘区人民政府)", "虎丘区人民政府")


def test_of_two_figures_in_a_sentence_not_the_running_total(catalogue: Catalogue) -> None:
    text = "2014年,全区主动公开政府信息1952件,累计公开政府信息8479件。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 1952) in rows
    assert ("items_published", None, None, 8479) not in rows
    assert left_out(text, catalogue)["8479件"] == "cumulative"
    text = "共主动公开、更新各类信息222条,累计主动公开信息2382条。"
    assert ("items_published", None, None, 222) in taken(text, catalogue)
    # 累计 first, then another count: which is the year's is left open
    text = "累计主动公开信息2382条,共主动公开、更新各类信息222条。"
    assert ("items_published", None, None, 222) not in taken(text, catalogue)
    # 累计 said of the year is the year's: two figures of one row, as before
    text = "2024年累计发布解读信息27条,全年发布解读信息21条。"
    rows = taken(text, catalogue)
    assert ("interpretations", None, None, 27) not in rows
    assert ("interpretations", None, None, 21) not in rows


def test_verbs_joined_before_the_items(catalogue: Catalogue) -> None:
    assert ("items_published", None, None, 252) in taken("我局主动更新并公开信息252条。", catalogue)
    text = "我局主动公开、更新和维护政府信息共计185条。"
    assert ("items_published", None, None, 185) in taken(text, catalogue)
    assert ("items_published", None, None, 60) in taken("共主动公开政府本级信息60条。", catalogue)
    # one kind of item still is one kind
    assert left_out("主动更新并公开通知公告12条。", catalogue)["12条"] == "part (one kind of item)"


def test_an_account_s_quoted_name_holding_a_verb(catalogue: Catalogue) -> None:
    text = "官方微信“曾都发布”和官方新浪微博“编钟古乐之乡曾都”共同步推出信息512条。"
    assert left_out(text, catalogue)["512条"] == "several channels"
    assert ("items_published", "wechat", None, 80) in taken(
        "官方微信“曾都发布”推出信息80条。", catalogue
    )


def test_drafts_put_out_for_comment(catalogue: Catalogue) -> None:
    text = "开展市本级重要政策文件决策预公开33件,公开市政府和市政府办文件16件。"
    assert left_out(text, catalogue)["33件"] == "drafts put out for comment"
    assert ("items_published", None, "documents", 16) in taken(text, catalogue)


def test_items_other_bodies_sent_in(catalogue: Catalogue) -> None:
    text = "通过市政府门户网站发布各类信息180条,收集整理各部门转送的主动公开类文件594份。"
    assert left_out(text, catalogue)["594份"] == "other bodies' items, gathered"
    assert ("items_published", "gov_portal", None, 180) in taken(text, catalogue)


def test_offline_ways_name_no_channel(catalogue: Catalogue) -> None:
    text = "全年通过苏家屯区政府网站主动公开信息3498条;线下方式公开信息20451条。"
    assert left_out(text, catalogue)["20451条"] == "doubtful channel"
    assert ("items_published", "gov_portal", None, 3498) in taken(text, catalogue)


def test_one_field_s_items(catalogue: Catalogue) -> None:
    text = (
        "我局在浑江区政府网站政府信息公开基础平台发布信息3篇,公益事业基本医疗卫生领域发布信息23条。"
    )
    assert ("items_published", "gov_portal", None, 3) in taken(text, catalogue)
    assert left_out(text, catalogue)["23条"] == "part of a channel"
    # the subject matter of all of them (围绕…等重点领域) is no part
    text = "围绕环境保护等重点领域公开政府信息4517条。"
    assert ("items_published", None, None, 4517) in taken(text, catalogue)


def test_a_channel_s_items_named_by_it_with_no_verb(catalogue: Catalogue) -> None:
    text = "泸州市水务局政务网站信息796条;泸州水务微博信息162条。"
    rows = taken(text, catalogue, agency="泸州市水务局")
    assert ("items_published", "dept_site", None, 796) in rows
    assert ("items_published", "weibo", None, 162) in rows
    # a kind of item on the channel is not its items
    assert ("items_published", "weibo", None, 5) not in taken("微博政策解读5条。", catalogue)


def test_new_followers_are_not_the_followers(catalogue: Catalogue) -> None:
    text = "“凉山民政”微信公众号新增粉丝量1625个,较去年增长。"
    assert left_out(text, catalogue)["1625个"] == "new followers, not the total"
    assert ("followers", "wechat", None, 2900) in taken("微信公众号粉丝量达2900个。", catalogue)


def test_a_space_before_the_number(catalogue: Catalogue) -> None:
    rows = taken("“广丰发布”微信公众号订阅数 4005个。", catalogue)
    assert ("followers", "wechat", None, 4005) in rows
    assert ("items_published", "wechat", None, 4005) not in rows


def test_the_year_s_new_count_after_a_running_total(catalogue: Catalogue) -> None:
    text = "截至2022年12月31日,累计主动公开政府信息3044条,本年度新增237条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 237) in rows
    assert ("items_published", None, None, 3044) not in rows
    # a new count with no running total before it names nothing
    assert left_out("工作有序推进,本年度新增237条。", catalogue)["237条"] == "unnamed"


def test_documents_with_their_first_titles_before_the_count(catalogue: Catalogue) -> None:
    text = "主动公开《关于印发〈某某办法〉的通知》《某某规定》等32件规范性文件。"
    assert ("items_published", None, "documents", 32) in taken(text, catalogue)
    # documents counted with another kind after them
    text = "通过网站公开《某某办法》等1件规范性文件及《某某办法》的解读材料。"
    assert ("items_published", None, "documents", 1) not in taken(text, catalogue)


def test_requests_answered_in_other_words(catalogue: Catalogue) -> None:
    rows = taken("共受理答复依申请公开政府信息信件3件。", catalogue)
    assert {("requests_new", None, None, 3), ("requests_completed", None, None, 3)} <= rows
    # the rest answered are not all completed (the withdrawn one was completed too: adjudicated)
    text = "共收到政府信息公开申请66件次，其中1件次申请人撤回，其余65件次均在法定期限内予以答复。"
    assert ("requests_completed", None, None, 65) not in taken(text, catalogue)
    assert ("requests_completed", None, None, 69) in taken(
        "共办理政府信息公开申请80件，已答复69件。", catalogue
    )
    text = "全区收到187个申请人提出的政府信息公开申请583件，全年作出答复579件。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 583) in rows
    assert ("requests_completed", None, None, 579) in rows
    assert ("requests_new", None, None, 187) not in rows
    # 已答复 in a sentence on something else than requests
    assert left_out("人大建议已答复12件。", catalogue)["12件"] == "unnamed"


def test_a_zone_by_its_short_name_and_its_own_site(catalogue: Catalogue) -> None:
    text = (
        "一、总体情况\n2023年,雅安经开区认真贯彻落实《条例》,不断提升政务公开质效。\n"
        "(一)主动公开情况。2023年,通过市政府网站公开信息392条,通过经开区门户网站公开信息736条。"
    )
    assert find_agency_year(text)[0] == "雅安经开区"
    rows = taken(text, catalogue, agency="雅安经开区")
    assert ("items_published", "gov_portal", None, 392) in rows
    assert ("items_published", "dept_site", None, 736) in rows
    # a district whose name ends so is a place (天津市南开区人民政府)
    assert find_agency_year("天津市南开区2012年政府信息公开工作年度报告\n一、概述")[0] == (
        "天津市南开区人民政府"
    )


def test_the_office_that_put_the_reports_together_and_an_office_s_card() -> None:
    text = (
        "本年度报告由崇明区人民政府办公室综合区政府各部门和全区各乡镇人民政府信息公开年报编制。"
        "如对本年度报告有疑问,请与崇明区人民政府办公室联系。\n一、总体情况\n"
        "2024年全区各级行政机关主动公开政府信息共7585条。"
    )
    # (round 75: the office that put the whole district's reports together answers for the
    # government, as the label of the report this is cut from has it: 上海市崇明区人民政府)
    assert find_agency_year(text)[0] == "崇明区人民政府"
    text = (
        "工作机构名称:东阳市市场监督管理局\n办公地址:东阳市人民北路3号\n"
        "一、总体情况\n2020年,我局认真贯彻条例。"
    )
    assert find_agency_year(text)[0] == "东阳市市场监督管理局"


def test_what_the_agency_had_other_bodies_do(catalogue: Catalogue) -> None:
    text = "全年区政府办共发布信息108条,指导各单位发布重点领域信息1280条、发布政策解读48条。"
    assert ("items_published", None, None, 108) in taken(text, catalogue)
    assert left_out(text, catalogue)["48条"] == "other bodies' figures"
    text = "组织各地、各部门在线访谈53次,共发布各类信息5.7万余条。"
    assert left_out(text, catalogue)["5.7万余条"] == "other bodies' figures"
    # requests of organisations (公益组织) are the agency's
    text = "共收到政府信息公开申请15件,其中来自社会公益组织申请2件,各类申请均已办结。"
    assert ("requests_new", None, None, 15) in taken(text, catalogue)


def test_interpretations_of_two_kinds_and_documents_in_bu(catalogue: Catalogue) -> None:
    assert ("interpretations", None, None, 46) in taken("发布政策解读、草案解读46条。", catalogue)
    assert left_out("发布办事指南及政策解读12条。", catalogue)["12条"] == "several kinds together"
    text = "共发布政府信息151条。其中,政务信息49条、规范性文件14部、涉企政策12条。"
    assert ("items_published", None, "documents", 14) in taken(text, catalogue)


def test_documents_among_the_kinds_after_a_total(catalogue: Catalogue) -> None:
    text = "本年度运用政府门户网站主动公开政府信息42条,规范性文件类信息2条、公告公示类信息6条。"
    assert ("items_published", None, "documents", 2) in taken(text, catalogue)
    text = "主动公开政府信息的主要类别有:机构职能类信息161条;政府规范性文件30条;财政信息2条。"
    assert ("items_published", None, "documents", 30) in taken(text, catalogue)
    text = "全年主动公开政府信息268条,工作动态信息115条,政府规范性文件类信息4条。"
    assert ("items_published", None, "documents", 4) in taken(text, catalogue)
    # the documents in force, gathered in one place, are not the year's
    text = "建立规章文件库,集中公开现行有效的政府规章6件、规范性文件212件。"
    assert ("items_published", None, "documents", 212) not in taken(text, catalogue)


def test_requests_new_answered_and_cases_before_their_noun(catalogue: Catalogue) -> None:
    text = "本机关共受理政府信息公开申请15件,其中新收到14件,结转上年度办理1件,办结13件。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 14) in rows
    assert ("requests_new", None, None, 15) not in rows
    text = "本机关共接收政府信息公开申请4件,已经答复2件,结转下年度办理2件。"
    assert ("requests_completed", None, None, 2) in taken(text, catalogue)
    text = "收到政府信息公开申请信件22件,其中本年度答复21件,结转下年度办理1件。"
    assert ("requests_completed", None, None, 21) in taken(text, catalogue)
    rows = taken("本年度有0件行政复议案件,1件行政诉讼案件。", catalogue)
    assert {("appeal_review", None, None, 0), ("litigation_cases", None, None, 1)} <= rows


def test_kinds_listed_after_a_total_without_qizhong(catalogue: Catalogue) -> None:
    text = "全年主动公开政府信息3614条,要闻动态3485条,政民互动信息171条,数据发布信息10条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 3614) in rows
    assert ("items_published", None, None, 10) not in rows
    text = "2012年主动公开政府信息5618条,全文电子化的主动公开信息数4120条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 5618) in rows
    assert ("items_published", None, None, 4120) not in rows


def test_a_county_s_own_portal_beside_the_city_s(catalogue: Catalogue) -> None:
    text = "其中,通过市政府网站公开信息2100条,通过县政府门户网站发布政府信息5469条。"
    rows = taken(text, catalogue, agency="清水县人民政府")
    assert ("items_published", "gov_portal", None, 5469) in rows
    assert ("items_published", "gov_portal", None, 2100) not in rows
    # a city's report keeps its own portal's figure
    text = "通过市政府网站公开信息2100条。"
    assert ("items_published", "gov_portal", None, 2100) in taken(
        text, catalogue, agency="天水市人民政府"
    )


def test_a_town_s_own_portal(catalogue: Catalogue) -> None:
    text = "全年我镇在市政府门户网站主动公开信息60条,在镇门户网站主动公开信息5条。"
    rows = taken(text, catalogue, agency="汤浦镇")
    assert ("items_published", "gov_portal", None, 60) in rows
    assert ("items_published", "dept_site", None, 5) in rows


def test_reports_through_the_press(catalogue: Catalogue) -> None:
    text = "五是通过新闻媒体发布信息534条。"
    assert ("media_reports", "news_media", None, 534) in taken(text, catalogue)
    # the agency's own channels among the outlets, or what it gave the press: no count of reports
    text = "全年通过部门网站、报刊杂志、新媒体等方式发布政府信息1200余条。"
    assert "media_reports" not in {r[0] for r in taken(text, catalogue)}
    text = "通过温州住建等媒体发布我局提供的新闻信息80余条。"
    assert "media_reports" not in {r[0] for r in taken(text, catalogue)}


@pytest.mark.parametrize(
    "words",
    [
        "在政务公开网上公开政府信息",
        "在省政府统一管理平台中主动公开政府信息",
        "通过广东省政府集约化平台发布稿件",
    ],
)
def test_the_portal_by_its_builders_words(words: str, catalogue: Catalogue) -> None:
    assert ("items_published", "gov_portal", None, 49) in taken(words + "49条。", catalogue)


def test_a_bureau_s_disclosure_site_and_a_zone_s_government_site(catalogue: Catalogue) -> None:
    # a bureau's 政务公开网站 is the bureau's, not the government's portal
    rows = taken("市教育局政务公开网站更新信息1100余条。", catalogue, agency="绍兴市教育局")
    assert ("items_published", "gov_portal", None, 1100) not in rows
    assert left_out("市教育局政务公开网站更新信息1100余条。", catalogue)["1100余条"] == (
        "doubtful channel"
    )
    rows = taken("在开发区政务网站发布各类信息5236条。", catalogue, agency="驻马店经济开发区管委会")
    assert ("items_published", "dept_site", None, 5236) in rows


def test_a_government_s_disclosure_system(catalogue: Catalogue) -> None:
    text = "东湖街道办事处在越城区政府信息公开系统上主动公开政府信息47条。"
    assert ("items_published", "gov_portal", None, 47) in taken(text, catalogue)
    assert ("items_published", "gov_portal", None, 25) in taken(
        "我委在市政府信息公开系统公开25条。", catalogue
    )


def test_sites_listed_with_deng_and_all_items_published(catalogue: Catalogue) -> None:
    text = "在市政府网站、卫生健康委官网等平台主动公开信息近1000条。"
    assert ("items_published", None, None, 1000) in taken(text, catalogue)
    # two sites joined by 及, then all the proactive items: the total (round 49: the labels of
    # later sets take it so, 4 reports to the 2 whose labellers left it out)
    text = "通过市政府门户网站及本部门门户网站主动公开信息共计794条。"
    assert ("items_published", None, None, 794) in taken(text, catalogue)
    # …and a kind of item: neither site's nor the total
    text = "通过市政府门户网站及本部门门户网站发布人事信息共计79条。"
    assert left_out(text, catalogue)["79条"] == "part (one kind of item)"
    # a bare 网站 is no list of sites
    assert ("items_published", None, None, 92) not in taken("通过网站主动公开信息92条。", catalogue)


def test_a_field_s_administration_site_and_a_body_s_disclosure_platform(
    catalogue: Catalogue,
) -> None:
    rows = taken("在貴州司法行政入口網站上公開的政府信息507條。", catalogue, agency="贵州省司法厅")
    assert ("items_published", "dept_site", None, 507) in rows
    text = "长治市文化和旅游局信息公开平台共发布信息49条。"
    assert ("items_published", "gov_portal", None, 49) in taken(text, catalogue)
    # a bare 信息公开专栏 is still whose-ever: the total, no portal's figure
    assert ("items_published", None, None, 12) in taken("信息公开专栏共发布信息12条。", catalogue)


def test_a_mailbox_s_letters_and_requests_carried_over_told_next(catalogue: Catalogue) -> None:
    text = "“县长信箱”共受理有效信件3件,已办结3件,办结率100%。"
    assert left_out(text, catalogue)["3件"] == "not requests for information"
    # letters of requests for information are requests
    text = "共收到依申请公开信件4件,已办结4件。"
    assert ("requests_completed", None, None, 4) in taken(text, catalogue)
    text = "2025年,共收到政府信息公开申请3件。其中,上年结转申请1件,本年新收申请2件。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 2) in rows
    assert ("requests_new", None, None, 3) not in rows


def test_round_34_requests_press_and_a_county_s_disclosure_portal(catalogue: Catalogue) -> None:
    # helping another body with its requests
    text = "全年配合市审批局回应和回复依申请公开1份。"
    assert left_out(text, catalogue)["1份"] == "on behalf of another body"
    # the requests named after their number, in other words
    assert ("requests_new", None, None, 1) in taken("2023年收到1个依申请公开事项。", catalogue)
    text = "我局2025年度共计收到2条群众提交的政府信息公开申请。"
    assert ("requests_new", None, None, 2) in taken(text, catalogue)
    # the applicants are not the requests
    text = "收到187个申请人提出的政府信息公开申请583件。"
    assert left_out(text, catalogue)["187个"] == "counts what follows it"
    text = "新华网、新华日报、扬子晚报、南京晨报等媒体刊用约423篇。"
    assert ("media_reports", "news_media", None, 423) in taken(text, catalogue)
    text = "我局在龙陵县政府信息公开门户网站主动公开信息217条。"
    assert ("items_published", "gov_portal", None, 217) in taken(text, catalogue)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a district named 市中区, with its city from the address
        (
            "如对本报告有疑问,可与市中区民政局联系(地址:枣庄市市中区胜利中路16号)。\n一、总体情况",
            "枣庄市市中区民政局",
        ),
        ("中山市供销合作联社2023年政府信息公开工作年度报告\n一、总体情况", "中山市供销合作联社"),
        # the year in brackets after the title
        ("宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)\n一、总体情况", "宝坻区大钟庄镇"),
    ],
)
def test_the_agency_of_round_34(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_town_s_words_are_no_town() -> None:
    # 立足镇域工作实际: 镇域 is a word, 立足 no town
    text = "一、总体情况\n我镇立足镇域工作实际,完善政务公开领导小组工作机制。"
    assert find_agency_year(text)[0] is None  # (no town named: 我镇 alone)


def test_round_35_answers_accounts_and_old_documents(catalogue: Catalogue) -> None:
    text = "共收到申请48件,已到答复期的45件申请全部按期答复。"
    assert ("requests_completed", None, None, 45) in taken(text, catalogue)
    text = "收到政府信息公开申请54件,进行回复52件。"
    assert ("requests_completed", None, None, 52) in taken(text, catalogue)
    text = "本年度收到政府信息公开申请82件,做出政府信息公开答复 80件。"
    assert ("requests_completed", None, None, 80) in taken(text, catalogue)
    # an old report's documents kept back are no request refused
    text = "主动公开文件数5件,不予公开文件数55件。"
    assert left_out(text, catalogue)["55件"] == "not proactive (依申请, 不予公开)"
    # two accounts named after the platform
    text = (
        "通过乡级微信公众号“云端之巅逐梦大兴”“云雾茶山重楼之乡至美大兴”公开发布工作信息动态105条。"
    )
    assert left_out(text, catalogue)["105条"] == "several accounts together"
    # new media, then the one account it is
    text = "通过政务新媒体“巴彦呼舒镇”微信公众号,共发布信息322条。"
    assert ("items_published", "wechat", None, 322) in taken(text, catalogue)


def test_a_completed_count_keeps_the_requests_carried_over(catalogue: Catalogue) -> None:
    text = "全年共受理并办结政府信息公开申请3件。其中,上年结转申请1件,本年新收申请2件。"
    rows = taken(text, catalogue)
    assert ("requests_completed", None, None, 3) in rows
    assert ("requests_new", None, None, 3) not in rows
