"""Round 24 of extract_figures, on the twelfth blind set: the agency of a report that names
itself short beside its own site (市审计局, 盘锦审计网), of titles made in a sentence or without
a year, a title's name given in full by who wrote it; and the figures of the government's
catalogue system, of kinds of news media listed under 媒体, of a site's news, of outcomes in the
sentence after the requests, of a total said twice. Each test has a case the rule must take
(or leave out) and its counterpart; the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import _place_at, find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


# ── agency ───────────────────────────────────────────────────────────────────────────────────


_ROUND_24_AGENCIES = [
    # a short name completed by the place of its own site, named by its field
    ("2016年,市审计局认真贯彻落实条例。把盘锦审计网作为政务公开的窗口。", "盘锦市审计局"),
    (
        "我局编制完成了本年度报告。一是发挥市科技局领导小组作用。在“汕尾科技网”上公开。",
        "汕尾市科学技术局",
    ),
    # the title in the sentence making it, without its year
    ("现编制台州市安全生产监督管理局政府信息公开工作年度报告。", "台州市安全生产监督管理局"),
    # a zone's title with the year after 信息公开
    ("现公开来凤经济开发区信息公开2018年度报告。本报告由六部分组成。", "来凤经济开发区"),
    # a street office's title line without a year
    ("东河区和平路街道 政府信息公开工作年度报告\n一、总体情况", "东河区和平路街道"),
    # the title's name, given with its city by who wrote the report
    (
        "2024年福田区福田街道政府信息公开工作年度报告\n本年度报告由深圳市福田区福田街道办事处"
        "负责编写。",
        "深圳市福田区福田街道办事处",
    ),
    # a town or street office opening a sentence with what it did, placed as the text
    # places it elsewhere
    ("一、总体情况\n2018年,宿安乡继续把政府信息公开作为推进依法行政的抓手。", "宿安乡"),
    (
        "一、总体情况\n2022年,大寨镇认真贯彻落实条例。(一)主动公开情况。云县大寨镇在政府网站公开。",
        "云县大寨镇",
    ),
    ("2024年,胡家园街道深入贯彻落实条例。", "胡家园街道"),
    # a place said twice over
    ("本报告由北京市大兴区北京市大兴区发展和改革委员会编制。", "北京市大兴区发展和改革委员会"),
]


def test_the_agency_is_not_made_of_what_the_text_does_not_say() -> None:
    # no site of the field's name: the short name stays unplaced
    assert find_agency_year("2016年,市审计局认真贯彻落实条例。向中国审计网投稿。")[0] is None
    # two places' sites: neither is taken
    text = "2016年,市审计局认真贯彻落实条例。把盘锦审计网和营口审计网作为窗口。"
    assert find_agency_year(text)[0] is None
    # the report's words for itself name no town
    assert find_agency_year("一、总体情况\n2022年,全镇认真贯彻落实条例。")[0] is None
    # a byline that adds 办事处 gives the office's full name (round 49: the labels write the
    # office so 8 times to 2), but no other body's name
    text = "建章路街道2022年政府信息公开工作年度报告\n本报告由建章路街道办事处编制。"
    assert find_agency_year(text)[0] == "建章路街道办事处"
    text = "建章路街道2022年政府信息公开工作年度报告\n本报告由建章路街道党政办公室编制。"
    assert find_agency_year(text)[0] == "建章路街道"


# ── figures ──────────────────────────────────────────────────────────────────────────────────


def test_a_total_said_twice_in_one_sentence_is_taken_once(catalogue: Catalogue) -> None:
    text = "累计公开信息80条，主动公开80条。"
    assert ("items_published", None, None, 80) in taken(text, catalogue)
    # two different counts for the total: neither is sure enough to take
    text = "累计公开信息80条，主动公开75条。"
    assert ("items_published", None, None, 75) not in taken(text, catalogue)


def test_documents_beside_the_interpretations_of_documents(catalogue: Catalogue) -> None:
    text = "主动公开信息80条。其中，部门工作动态信息54条；政策文件信息4条；政策文件解读3条。"
    rows = taken(text, catalogue)
    assert ("items_published", None, "documents", 4) in rows
    assert ("interpretations", None, None, 3) in rows
    # two kinds of document: neither
    text = "主动公开信息80条。其中，政策文件信息4条；规范性文件2条。"
    assert not [r for r in taken(text, catalogue) if r[2] == "documents"]


def test_the_level_s_own_documents_in_a_list(catalogue: Catalogue) -> None:
    text = (
        "本年度新增主动公开政府信息727条，包括：机构设置信息14条，本级政府文件7条，监督保障22条。"
    )
    assert ("items_published", None, "documents", 7) in taken(text, catalogue)


def test_two_kinds_of_document_published_without_a_count_of_all(catalogue: Catalogue) -> None:
    text = "通过普法网主动公开政策文件10件、规范性文件1件。"
    assert not [r for r in taken(text, catalogue) if r[2] == "documents"]
    assert ("items_published", None, "documents", 10) in taken(
        "通过普法网主动公开政策文件10件。", catalogue
    )


def test_the_government_s_catalogue_system_is_its_portal(catalogue: Catalogue) -> None:
    text = "全年主动公开信息372条，其中，通过政府信息公开目录管理系统主动公开信息238条。"
    assert ("items_published", "gov_portal", None, 238) in taken(text, catalogue)
    # an agency site's own catalogue section is a part of the site, not the portal
    text = "市人社局网站共发布信息1148条，其中信息公开目录系统信息410条。"
    assert ("items_published", "gov_portal", None, 410) not in taken(text, catalogue)


def test_a_district_s_official_site_is_the_government_s(catalogue: Catalogue) -> None:
    text = "通过区官方网站公开发布信息15条。"
    assert ("items_published", "gov_portal", None, 15) in taken(text, catalogue)
    assert ("items_published", "dept_site", None, 15) in taken(
        "通过局官方网站公开发布信息15条。", catalogue
    )


def test_outcomes_in_the_sentence_after_the_requests(catalogue: Catalogue) -> None:
    text = "共计收到7条政府信息公开申请，均在规定时限内办结。2条予以公开，1条部分公开。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 7) in rows
    assert ("requests_partial", None, None, 1) in rows
    # no requests counted before: a count opening a sentence is no outcome
    assert "requests_partial" not in {r[0] for r in taken("全年工作顺利。1条部分公开。", catalogue)}


def test_requests_unavailable_after_their_count_opened_by_qizhong(catalogue: Catalogue) -> None:
    text = "共收到政府信息公开申请12条。其中12条属于本机关不掌握相关政府信息而无法提供。"
    assert ("requests_unavailable", None, None, 12) in taken(text, catalogue)


def test_a_figure_over_a_number_written_chao(catalogue: Catalogue) -> None:
    found = extract_figures(
        "微信公众号全年发布信息300条，累计阅读量超133万。", catalogue, agency="某局", year=2022
    )
    reads = [f for f in found.facts if f.metric == "reads"]
    assert [(f.value, str(f.qualifier), f.as_written) for f in reads] == [
        (1330000, "at_least", "超133万")
    ]
    # 超 before a word is no qualifier of the number after it (超标排放3次 is 3次)
    text = "全年超标排放3次，发布信息300条。"
    assert "3次" in left_out(text, catalogue)
    assert ("items_published", None, None, 300) in taken(text, catalogue)


def test_subscribers_counted_as_accounts(catalogue: Catalogue) -> None:
    text = "官方微信公众号全年发布信息77条，订阅数达56.2万个。"
    assert ("followers", "wechat", None, 562000) in taken(text, catalogue)
    # 个 of anything else is no follower count
    assert "followers" not in {r[0] for r in taken("微信公众号开设栏目12个。", catalogue)}


def test_kinds_of_news_media_listed_under_media(catalogue: Catalogue) -> None:
    text = "全年主动公开信息466条，其中：通过网站公开220条，通过报刊、广播、电视等媒体公开246条。"
    assert ("media_reports", "news_media", None, 246) in taken(text, catalogue)
    # a website among them: no one channel
    text = "通过网站、报刊等媒体公开246条。"
    assert ("media_reports", "news_media", None, 246) not in taken(text, catalogue)


def test_a_site_s_news_is_the_site_s_figure(catalogue: Catalogue) -> None:
    text = "通过区政府网站发布动态信息5条。"
    assert ("items_published", "gov_portal", None, 5) in taken(text, catalogue)
    text = "通过区官方网站公开发布部门动态信息15条，微信发布信息195条。"
    assert ("items_published", "gov_portal", None, 15) in taken(text, catalogue)
    # after 其中, or beside other kinds published on the site: a part
    text = "共发布信息300条，其中政府网站发布工作动态27条。"
    assert ("items_published", "gov_portal", None, 27) not in taken(text, catalogue)
    text = "通过政府门户网站发布工作动态信息165条；发布法定主动公开内容1条。"
    assert left_out(text, catalogue)["165条"].startswith("part")


def test_an_agency_s_own_field_as_an_industry_is_all_its_items(catalogue: Catalogue) -> None:
    text = "市政府网站上主动公开交通行业信息112条。"
    rows = taken(text, catalogue, agency="衢州市交通运输局")
    assert ("items_published", "gov_portal", None, 112) in rows
    # another field's industry is one kind of item
    assert not taken(text, catalogue, agency="衢州市水利局")


def test_a_total_of_an_earlier_clause_leaves_the_next_figures_the_year_s(
    catalogue: Catalogue,
) -> None:
    text = "截至2022年末，门户网站累计发布信息1354条，政务微信公众号推送文章928条。"
    assert ("items_published", "wechat", None, 928) in taken(text, catalogue)
    # (1354条: the year's by the year's end, since round 30 — but on a bare 门户网站)
    assert "1354条" in left_out(text, catalogue)
    # a part of the running total stays out (the template's stock, since the disclosure work
    # began: since round 95 the report must say it began earlier, 全文电子化率 no longer does)
    text = (
        "2004年5月1日起本局开始开展政府信息公开工作。"
        "本局到2022年底累计主动公开政府信息401条，其中公文类信息150条，全文电子化率达100%。"
    )
    assert not taken(text, catalogue)


def test_as_of_the_day_of_writing_is_the_year_s_unless_an_account_s(
    catalogue: Catalogue,
) -> None:
    text = "截至目前，我局通过区政府网发布各类信息共98条。"
    assert ("items_published", "gov_portal", None, 98) in taken(text, catalogue)
    # an account's count since it began
    text = "截至目前，区级政务微信发布信息1321条。"
    assert left_out(text, catalogue)["1321条"] == "cumulative"
    # the year's own figure given next: the first is the running total
    text = "截至目前共发布592条信息，2022年公开政府信息60条。"
    assert left_out(text, catalogue)["592条"] == "cumulative"
    assert ("items_published", None, None, 60) in taken(text, catalogue)
    # 累计 of the figure's own stays a running total
    text = "截至目前，我局累计主动公开政府信息240条。"
    assert left_out(text, catalogue)["240条"] == "cumulative"


# ── round 25 (blind13) ───────────────────────────────────────────────────────────────────────


_ROUND_25_AGENCIES = [
    # the publisher in a page's table of facts, when nothing else names the agency
    (
        "索 引 号: | 610700003 |\n来 源: | 汉中市统计局 | 发布机构: | 汉中市统计局 |\n"
        "内容概述: |\n本年度报告根据条例编制。",
        "汉中市统计局",
    ),
    # a customs house's district is the customs house's
    ("根据条例等规定，梳理编制湛江海关关区2023年政府信息公开工作年度报告。", "湛江海关"),
    # a title's short name placed by its own site, named with the body's word
    (
        "市科技局2017年政府信息公开工作年度报告\n我局在九江科技局门户网站发布信息。",
        "九江市科学技术局",
    ),
    # a town's own rules name it
    ("根据条例，我乡紧紧围绕中心工作。制定了《上营乡信息公开保密审查机制》等制度。", "上营乡"),
    ("制定了《新添镇信息公开保密审查机制》。通过临洮县新添镇微信订阅号公开。", "临洮县新添镇"),
]


def test_every_channel_is_the_total(catalogue: Catalogue) -> None:
    text = "2023年，通过各类渠道公开各类政府信息420余条。"
    assert ("items_published", None, None, 420) in taken(text, catalogue)
    text = "全年共通过各级政务公开平台主动公开政府信息7800余条。"
    assert ("items_published", None, None, 7800) in taken(text, catalogue)
    # every kind of media is the press's, never the total
    text = "在各类媒体上刊发报道700余篇。"
    assert ("items_published", None, None, 700) not in taken(text, catalogue)


def test_requests_answered_in_time_and_recruitment_with_its_results(catalogue: Catalogue) -> None:
    text = "年内共收到政府信息公开申请2件，按时答复2件。"
    assert ("requests_completed", None, None, 2) in taken(text, catalogue)
    text = "主动公开规范性文件3件、招考录用1项。"
    assert ("recruitment_notices", None, None, 1) in taken(text, catalogue)
    assert "recruitment_notices" not in {r[0] for r in taken("录用1项。", catalogue)}


def test_a_government_s_public_site_and_an_app_alone(catalogue: Catalogue) -> None:
    text = "我镇在县人民政府外网主动公开政府信息数13条。"
    assert ("items_published", "gov_portal", None, 13) in taken(text, catalogue)
    # an app is no channel the catalogue has, and never the total
    assert left_out("在大美仁寿APP公开发布内容26条。", catalogue)["26条"] == "doubtful channel"


def test_an_account_s_posts_by_other_words(catalogue: Catalogue) -> None:
    text = "宁国科技微信公众号2020年度更新内容42条。"
    assert ("items_published", "wechat", None, 42) in taken(text, catalogue)
    text = "在微信平台公众号上公开政府工作情况70余条。"
    assert ("items_published", "wechat", None, 70) in taken(text, catalogue)


def test_reposted_interpretations_are_another_body_s(catalogue: Catalogue) -> None:
    text = "发布政策解读12件，转载上级政策解读8件。"
    assert ("interpretations", None, None, 12) in taken(text, catalogue)
    assert left_out(text, catalogue)["8件"] == "reposted from another body"


def test_a_list_of_channel_figures_going_on(catalogue: Catalogue) -> None:
    # a channel's figure, the next channel's after a comma
    text = "发布“山东海洋”政务微信公众号1122篇，政务微博651篇。"
    rows = taken(text, catalogue)
    assert ("items_published", "wechat", None, 1122) in rows
    assert ("items_published", "weibo", None, 651) in rows
    # a list opened by 包括 after the total
    text = "全年主动公开政务信息382条，包括政府网站35条，“新添镇”微信公众号2443条。"
    assert ("items_published", "wechat", None, 2443) in taken(text, catalogue)
    # joined with 、 to an item of a 其中 list
    text = "共发布各类信息2483条，其中网站319条，微信(含转发)851条、微博(含转发)2348条。"
    assert ("items_published", "weibo", None, 2348) in taken(text, catalogue)
    # no figure published before: a channel and a number are no list item
    text = "开通政务微信公众号1个，政务微博651篇。"
    assert ("items_published", "weibo", None, 651) not in taken(text, catalogue)


def test_documents_among_the_kinds_listed_right_after_a_figure(catalogue: Catalogue) -> None:
    text = "2022年度，主动公开政府信息1783条，本局消息66条、通知公告信息85条、部门文件信息4条。"
    assert ("items_published", None, "documents", 4) in taken(text, catalogue)
    text = "通过政务网站主动公开建议提案信息11条、人事信息10条、规范性文件4份。"
    assert ("items_published", None, "documents", 4) in taken(text, catalogue)
    text = "(二)主动公开政府信息的主要类别情况:党政信息类147条,文件类47条,制度类4条。"
    assert ("items_published", None, "documents", 47) in taken(text, catalogue)
    # a field's policy documents among the kinds of a total
    text = "在官方网站主动公开政府信息381条，其中医保政策文件224条，政策解读79条。"
    assert ("items_published", None, "documents", 224) in taken(text, catalogue)
    # no figure published before the list: no documents figure
    text = "本局消息66条、通知公告信息85条、部门文件信息4条。"
    assert not [r for r in taken(text, catalogue) if r[2] == "documents"]


def test_requests_in_other_counting_words_and_wordings(catalogue: Catalogue) -> None:
    text = "我局共收到信息公开申请22起，答复22起。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 22) in rows
    assert ("requests_completed", None, None, 22) in rows
    text = "受理依申请公开信息 10宗，已答复9宗。"
    assert ("requests_completed", None, None, 9) in taken(text, catalogue)
    text = "收到申请170件，不予处理(无正当理由大量反复申请)165件。"
    assert ("requests_not_processed", None, None, 165) in taken(text, catalogue)
    # the requests answered, before their outcomes (在办结 is done, 在办 pending)
    text = "全年共受理政府信息公开申请7件。在办结的5件申请中，予以公开3件。"
    assert ("requests_completed", None, None, 5) in taken(text, catalogue)
    text = "全年共受理政府信息公开申请7件。在办的2件申请中，予以公开1件。"
    assert "requests_completed" not in {r[0] for r in taken(text, catalogue)}
    assert ("requests_completed", None, None, 0) in taken(
        "在已经答复的0件申请中：同意公开的0件。", catalogue
    )


# ── round 26 (blind14) ───────────────────────────────────────────────────────────────────────


_ROUND_26_AGENCIES = [
    # a title's year without 年 (the short form spelt out since round 109)
    (
        "西藏自治区政府国资委2020政府信息公开工作年度报告\n根据条例编制。",
        "西藏自治区人民政府国有资产监督管理委员会",
    ),
    # a township of Inner Mongolia by its own name
    ("沙德格苏木2021年度政府信息公开工作年度报告\n一、总体情况", "沙德格苏木"),
    ("本报告由扎赉特旗宝力根花苏木人民政府编制。", "扎赉特旗宝力根花苏木"),
    # a place's disclosure office writes its government's report
    ("本年度报告由乌拉特后旗政务公开领导小组办公室编制。", "乌拉特后旗人民政府"),
    # the government's office answers for a report that calls itself 我区
    ("编制我区2019年度政府信息公开年度报告。请与昌江区人民政府办公室联系。", "昌江区人民政府"),
    # a town as the place its own text puts before it
    ("大路镇人民政府2019年信息公开年度报告\n通过琼海市大路镇政府网公开。", "琼海市大路镇"),
    # the publisher's table names a street office by its own name
    (
        "索引号: | 1133 | 发布机构: | 白洋街道 | ||\n现公布2009年政府信息公开工作年度报告。",
        "白洋街道",
    ),
]


def test_the_agency_is_not_made_of_a_report_s_words_for_itself() -> None:
    assert find_agency_year("现对我街2009年度政府信息公开工作报告如下。")[0] is None
    # the office's own report keeps the office
    text = "本办2023年政府信息公开工作年度报告。请与昌江区人民政府办公室联系。我办认真落实。"
    assert find_agency_year(text)[0] == "昌江区人民政府办公室"
    # a zone's disclosure office is no government's
    assert find_agency_year("本年度报告由开发区政务公开工作领导小组办公室编制。")[0] is None


def test_an_account_and_others_counted_together(catalogue: Catalogue) -> None:
    text = "全年主动公开政府信息279条，通过政务新媒体(微信公众号等)公开229条。"
    assert ("items_published", "wechat", None, 229) not in taken(text, catalogue)
    text = "通过“温岭文旅”微信公众号等新媒体发布信息数682条。"
    assert ("items_published", "wechat", None, 682) not in taken(text, catalogue)
    assert ("items_published", "wechat", None, 682) in taken(
        "通过“温岭文旅”微信公众号发布信息682条。", catalogue
    )


def test_wechat_video_is_a_short_video_channel(catalogue: Catalogue) -> None:
    assert ("items_published", "short_video", None, 168) in taken(
        "微信视频发布作品168条。", catalogue
    )


def test_reposted_interpretations_of_no_named_body_are_its_own(catalogue: Catalogue) -> None:
    text = "转载发布政策解读信息23条。"
    assert ("interpretations", None, None, 23) in taken(text, catalogue)


def test_a_place_s_disclosure_platform_by_its_name_is_its_portal(catalogue: Catalogue) -> None:
    text = "在“巴彦淖尔市政务公开”主动公开沙德格苏木政府信息28条。"
    assert ("items_published", "gov_portal", None, 28) in taken(
        text, catalogue, agency="沙德格苏木"
    )


def test_an_agency_s_field_written_short_is_all_its_items(catalogue: Catalogue) -> None:
    text = "通过政府网站、微信公众号等平台公开文旅工作信息115条。"
    assert ("items_published", None, None, 115) in taken(text, catalogue, agency="宁强县文物旅游局")
    # another bureau's 文旅 information is one kind of its items
    assert ("items_published", None, None, 115) not in taken(text, catalogue, agency="宁强县水利局")


def test_laws_and_documents_together_are_marked_for_review(catalogue: Catalogue) -> None:
    found = extract_figures(
        "全年主动公开信息100条，其中法规文件类信息71条，工作动态20条。",
        catalogue,
        agency="某局",
        year=2022,
    )
    laws = [f for f in found.facts if f.category == "documents" and f.value == 71]
    assert [f.confidence for f in laws] == [0.7]
    found = extract_figures(
        "全年主动公开信息100条，其中政策文件类信息5条。", catalogue, agency="某局", year=2022
    )
    assert [f.confidence for f in found.facts if f.category == "documents"] == [0.8]


def test_an_outcome_counted_by_its_reason_is_no_item_published(catalogue: Catalogue) -> None:
    text = "已办结件中予以公开的9件、不属于本机关公开的10件。"
    assert ("items_published", None, None, 10) not in taken(text, catalogue)
    assert ("items_published", None, None, 10) in taken("本机关主动公开的10件。", catalogue)


# ── round 27 (blind15) ───────────────────────────────────────────────────────────────────────


_ROUND_27_AGENCIES = [
    # a province's title line names its government; a province's bureau keeps its name
    ("2009年度黑龙江省政府信息公开工作报告\n2009年，在国务院办公厅指导下。", "黑龙江省人民政府"),
    ("黑龙江省统计局2009年政府信息公开工作年度报告\n一、概述", "黑龙江省统计局"),
    ("标题 临沂市人民政府2023年政府信息公开工作年度报告\n一、总体情况", "临沂市人民政府"),
    ("?江苏省卫生健康委2020年政府信息公开工作年度报告\n发布日期", "江苏省卫生健康委员会"),
    # a name said in full once and short twice is the full one's
    (
        "一、总体情况\n2024年,黄石港工业园区管委会认真推行政务公开。\n2024年以来,园区管委会在"
        "区政府门户网站上公开信息。\n2024年园区管委会发布信息。",
        "黄石港工业园区管委会",
    ),
    # a government office's own report calls itself 我区政府办公室
    (
        "我区政府办公室认真落实条例。请与徐水区人民政府办公室联系。我区坚持公开。",
        "徐水区人民政府办公室",
    ),
]


# ── round 28 (blind14–16: agencies) ──────────────────────────────────────────────────────────


_ROUND_28_AGENCIES = [
    # after the words publishing it, 从 starts a name
    (
        "根据条例要求,现公布从江县人民政府2021年政府信息公开工作年度报告。本报告包括",
        "从江县人民政府",
    ),
    # a report in a town's own voice names itself most often
    ("现将我乡2014年政府信息公开工作报告公开如下。\n2014年,南薰乡未收取任何费用。", "南薰乡"),
    (
        "一、2009年通江街道政府信息工作概述\n通江街道办事处是昌邑区政府的派出机构。"
        "我街制定了《通江街道岗位目标责任制》。",
        "昌邑区通江街道办事处",  # (round 49: the office, as written)
    ),
    # … under the one county government the text names
    (
        "现将我镇2024年政府信息公开工作报告如下。\n本年度小河镇共发布更新巧家县人民政府网"
        "政务公开信息13条。",
        "巧家县小河镇",
    ),
    # a report summing its counties' reports is the government's
    ("本报告由漳州市人民政府办公室综合各县(区)和市直部门的年度报告编制而成。", "漳州市人民政府"),
    ("本报告汇总曲靖市所辖各县(市、区)年度报告编制而成。", "曲靖市人民政府"),
    ("本报告由宜城市供销联社结合工作实际编制。", "宜城市供销联社"),
    # a short form spelt out from the data file
    ("六盘水市应急局2024年政府信息公开工作年度报告\n一、总体情况", "六盘水市应急管理局"),
    # (blind17) a county opening a sentence with what it did, as written
    ("一、总体情况\n2022年,城固县认真贯彻条例,全面提升全县信息公开工作水平。", "城固县人民政府"),
    # a town's place written in full once and short once is one place
    (
        "现将我镇2025年度工作情况报告如下。电子版可在通化市东昌区金厂镇人民政府网站下载。"
        "地址通化市东昌区金厂镇人民路1号。2025年,金厂镇坚持公开。",
        "通化市东昌区金厂镇",
    ),
]


def test_places_whose_names_hold_function_words_are_read_from_the_list() -> None:
    # 和 joins two things; 呼和浩特 and 汉中, listed, are places
    assert _place_at("规定和乐山市有关", 5) == "乐山市"
    assert _place_at("全文包括呼和浩特市新城区", 8) == "呼和浩特市"
    assert _place_at("工作中汉中市财政局", 5) == "汉中市"
    assert _place_at("在大同市人民政府", 3) == "大同市"
    # (a word before 同, not a listed place: 同时 is no place's start)
    assert _place_at("共同市场", 2) is None
    # a zone opening a sentence is no place
    assert find_agency_year("一、总体情况\n2022年,开发区认真贯彻条例。")[0] is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a kind of body is no body's name
        ("编制管委会2022年度政府信息公开工作报告。", None),
        # two towns named as often: neither is the report's
        ("现将我镇2020年政府信息公开工作报告如下。我镇与东山镇、西山镇开展合作。", None),
        # verbs before 街道 name no street office
        ("更新街道会议公开信息。不定期更新街道动态信息。2023年我街道收到申请3件。", None),
        # two county governments named: the town keeps its own name
        (
            "现将我镇2024年政府信息公开工作报告如下。\n本年度小河镇在巧家县人民政府网和"
            "彝良县人民政府网发布信息。",
            "小河镇",
        ),
        # 处理市政府网投诉: a verb, not a city
        ("2013年度我镇主动公开信息123件,处理市政府网投诉件36只。2013年,谢塘镇坚持公开。", "谢塘镇"),
    ],
)
def test_the_agency_is_not_made_of_a_kind_of_body_or_a_town_among_others(
    text: str, agency: str | None
) -> None:
    assert find_agency_year(text)[0] == agency


def test_accounts_and_columns_set_up_are_no_items(catalogue: Catalogue) -> None:
    text = "主动公开政府信息962条，其中区政府网站公开信息349条，开设政务微信1个、发布信息406条。"
    assert left_out(text, catalogue)["1个"] == "not a count of the report"
    assert ("items_published", "wechat", None, 406) in taken(text, catalogue)
    assert left_out("更新优化“营商环境”等政务专题专栏11个。", catalogue)["11个"] == (
        "not a count of the report"
    )


def test_non_documents_in_brackets_name_no_documents(catalogue: Catalogue) -> None:
    text = "2018年本单位在局网站上发布政府信息公开(含非公文类)40条。"
    assert not [r for r in taken(text, catalogue) if r[2] == "documents"]


def test_a_hotline_s_number_is_no_count_and_its_closed_cases(catalogue: Catalogue) -> None:
    text = "全年受理和办结12345政务服务热线工单3218件。"
    rows = taken(text, catalogue)
    assert ("hotline_received", "hotline_12345", None, 3218) in rows
    assert ("hotline_closed", "hotline_12345", None, 3218) in rows
    assert left_out(text, catalogue)["12345"] == "not a count of the report"
    text = "12345热线全年受理群众诉求8000件，办结7990件。"
    assert ("hotline_closed", "hotline_12345", None, 7990) in taken(text, catalogue)
    # no hotline in the sentence: the requests completed
    text = "全年收到政府信息公开申请5件，办结5件。"
    assert ("requests_completed", None, None, 5) in taken(text, catalogue)


def test_requests_by_wider_words(catalogue: Catalogue) -> None:
    text = "受理公民、法人和其他组织提出的政府信息公开申请2件。"
    assert ("requests_new", None, None, 2) in taken(text, catalogue)
    assert ("requests_new", None, None, 187) in taken(
        "向区政府提交政府信息公开申请187件。", catalogue
    )
    text = "收到申请10宗，因申请人未能提交有效身份证件而放弃申请1宗。"
    assert ("requests_new", None, None, 1) not in taken(text, catalogue)
    text = "全年收到政府信息公开申请30件，办理答复30件。"
    assert ("requests_completed", None, None, 30) in taken(text, catalogue)


def test_a_total_the_year_added_to(catalogue: Catalogue) -> None:
    text = "我乡在县政府网站共主动公开政府信息615条，今年新增94条。"
    assert left_out(text, catalogue)["615条"] == "cumulative"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        *_ROUND_24_AGENCIES,
        *_ROUND_25_AGENCIES,
        *_ROUND_26_AGENCIES,
        *_ROUND_27_AGENCIES,
        *_ROUND_28_AGENCIES,
    ],
)
def test_the_agency_of_rounds_24_to_28(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency
