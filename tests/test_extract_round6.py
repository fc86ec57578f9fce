"""Round 6 of extract_figures: the phrasings the fresh and blind sets met that no rule read
(requests counted in 条, issues before items, channels listed after a total, kinds of documents
after a full stop) and the guards they showed were missing (requests carried over, another
body's site, several accounts, a zero of one kind). Each test has a case the rule must take (or
leave out) and its counterpart; the texts are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def _metrics(text: str, catalogue: Catalogue, agency: str = "某局") -> set[str]:
    return {metric for metric, *_ in taken(text, catalogue, agency)}


# ── requests ────────────────────────────────────────────────────────────────────────────────


def test_requests_received_with_carried_over_ones_are_not_the_new_ones(
    catalogue: Catalogue,
) -> None:
    carried = "2022年，共收到政府信息公开申请4件，其中上年度结转2件，均已答复。"
    assert "requests_new" not in _metrics(carried, catalogue)
    assert left_out(carried, catalogue)["4件"] == "with requests carried over"
    assert ("requests_new", None, None, 4) in taken(
        "2022年，共收到政府信息公开申请4件，均已答复。", catalogue
    )


def test_outcomes_counted_in_the_sentences_own_counting_word(catalogue: Catalogue) -> None:
    text = (
        "2025年，我局收到政府信息公开申请4条，回复4条，予以公开3条，"
        "1条因不属于本行政机关负责公开无法提供。"
    )
    rows = taken(text, catalogue)
    assert {
        ("requests_new", None, None, 4),
        ("requests_completed", None, None, 4),
        ("requests_disclosed", None, None, 3),
        ("requests_unavailable", None, None, 1),
    } <= rows
    assert "items_published" not in {metric for metric, *_ in rows}
    # without requests counted before, 予以公开3条 is no outcome
    assert "requests_disclosed" not in _metrics("今年予以公开3条。", catalogue)


def test_one_number_received_and_completed(catalogue: Catalogue) -> None:
    for text in ("全年共受理并办结政府信息公开申请2件。", "依申请公开受理和办结2件。"):
        rows = taken(text, catalogue)
        assert {("requests_new", None, None, 2), ("requests_completed", None, None, 2)} <= rows
    assert taken("全年共受理政府信息公开申请2件。", catalogue) == {("requests_new", None, None, 2)}


def test_requests_counted_before_their_noun(catalogue: Catalogue) -> None:
    assert ("requests_new", None, None, 90) in taken("全年共收到90件申请。", catalogue)
    assert ("requests_new", None, None, 12) in taken(
        "全年收到和处理12件政府信息公开申请。", catalogue
    )
    assert ("requests_new", None, None, 2) in taken("2022年依申请公开共受理2件。", catalogue)


# ── what was published, and where ──────────────────────────────────────────────────────────


def test_issues_before_the_items_they_held(catalogue: Catalogue) -> None:
    text = "“某某外事”微信订阅号发布信息54期97条。"
    assert taken(text, catalogue) == {("items_published", "wechat", None, 97)}
    assert left_out(text, catalogue)["54期"] == "issues, items counted after"


def test_sent_and_published_is_neither(catalogue: Catalogue) -> None:
    text = "全年报送发布信息23条。"
    assert taken(text, catalogue) == set()
    assert "报送发布" in left_out(text, catalogue)["23条"]
    assert ("info_submitted", None, None, 23) in taken("全年向市政府报送信息23条。", catalogue)


def test_the_site_of_a_body_above_is_not_the_agencys_own(catalogue: Catalogue) -> None:
    agency = "某某市人民政府外事办公室"
    text = "依托省政府外事办网站公开发布13条。"
    assert taken(text, catalogue, agency) == set()
    assert ("items_published", "dept_site", None, 13) in taken(
        "依托市外事办网站公开发布13条。", catalogue, agency
    )


def test_a_part_after_qizhong_of_a_channel_named_before(catalogue: Catalogue) -> None:
    text = (
        "全年主动公开信息实现应公开尽公开，累计在某某市人民政府网站公示共23条，"
        "其中市级部门信息公开20条、公示公告信息3条。"
    )
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 23)}


def test_a_figure_summed_over_the_channels_listed_after_it_is_the_total(
    catalogue: Catalogue,
) -> None:
    text = (
        "我局通过政府信息公开平台公开政府信息共计677条，其中，政府网站人社信息387条、"
        "“某某人社”微信服务号发布信息290条。"
    )
    assert ("items_published", None, None, 677) in taken(text, catalogue)
    # one channel after 其中 is a part of it, not a list of channels
    one = "我局通过政府信息公开平台公开政府信息共计677条，其中，政策文件20条。"
    assert ("items_published", "gov_portal", None, 677) in taken(one, catalogue)


def test_the_year_figure_over_the_main_ways_named_before_is_the_total(
    catalogue: Catalogue,
) -> None:
    text = (
        "以“中国某某”政府门户网站（网址:https://www.x.gov.cn）与“某某局”机关门户网站"
        "（网址:https://ybj.x.gov.cn）为主要公开途径，本年度主动公开信息319件。"
    )
    assert ("items_published", None, None, 319) in taken(text, catalogue)


def test_followers_of_several_accounts_together_are_no_accounts(catalogue: Catalogue) -> None:
    text = "通过“某某医保局”“某某医疗保障局”微信公众号进行政策宣传，关注用户总量突破200万。"
    assert "followers" not in _metrics(text, catalogue)
    assert left_out(text, catalogue)["突破200万"] == "several accounts together"
    one = "通过“某某医保局”微信公众号进行政策宣传，关注用户总量突破200万。"
    assert "followers" in _metrics(one, catalogue)


def test_two_platforms_of_one_kind_in_a_list_give_no_figure(catalogue: Catalogue) -> None:
    text = "全年主动公开政府信息2170条，其中官方网站发布1531条，微信微视频发布18条，抖音发布38条。"
    rows = taken(text, catalogue)
    assert not any(channel == "short_video" for _, channel, *_ in rows)
    assert ("items_published", None, None, 2170) in rows


def test_a_government_site_by_its_own_name(catalogue: Catalogue) -> None:
    assert ("items_published", "gov_portal", None, 165) in taken(
        "通过福田政府在线网站公开信息165条。", catalogue
    )
    assert ("items_published", "gov_portal", None, 402) in taken(
        "市医疗保障局在信息公开网主动公开各类政府信息共计402条。", catalogue
    )


def test_key_areas_as_subject_matter_are_not_a_part(catalogue: Catalogue) -> None:
    assert ("items_published", None, None, 4517) in taken(
        "围绕环境保护等重点领域公开政府信息4517条。", catalogue
    )
    assert taken("重点领域信息公开135条。", catalogue) == set()


def test_other_broadcasting_is_no_channel(catalogue: Catalogue) -> None:
    text = "其他广播、报纸、电视公开政府信息数237条。"
    assert taken(text, catalogue) == set()


# ── documents and other rows ────────────────────────────────────────────────────────────────


def test_documents_among_the_kinds_after_a_full_stop(catalogue: Catalogue) -> None:
    text = (
        "2016年我乡通过政府门户网站主动公开信息138条。"
        "其中：概况3条，政策文件信息31条，工作动态信息80条。"
    )
    assert ("items_published", None, "documents", 31) in taken(text, catalogue)


def test_a_kind_of_document_with_none_is_not_the_documents(catalogue: Catalogue) -> None:
    text = "全年公开各类信息165条。其中，行政规范性文件0条，行政许可类信息10条。"
    assert not any(category == "documents" for _, _, category, _ in taken(text, catalogue))
    assert left_out(text, catalogue)["0条"] == "part (one kind, none of it)"
    other = "2022年，我局共发布行政规范性文件0条，解读文件7条，其他文件7条。"
    assert not any(category == "documents" for _, _, category, _ in taken(other, catalogue))


def test_a_heading_run_into_its_text_ends_a_sentence(catalogue: Catalogue) -> None:
    text = (
        "二、主动公开政府信息的情况 我局主动公开政府信息共617条，"
        "其中：（一）业务文件类10条；（二）新闻类信息607条。"
    )
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 617) in rows
    assert ("items_published", None, "documents", 10) in rows


def test_recruitment_results_are_recruitment_notices(catalogue: Catalogue) -> None:
    text = "在部门户网站发布招考的职位、名额、报考条件等事项以及录用结果信息19条。"
    assert ("recruitment_notices", None, None, 19) in taken(text, catalogue)
    assert "info_adopted" not in _metrics(text, catalogue)


def test_press_conferences_are_not_meetings(catalogue: Catalogue) -> None:
    assert "meetings" not in _metrics("先后召开4次新闻发布会。", catalogue)
    assert ("meetings", None, None, 4) in taken("先后召开4次政务公开工作会议。", catalogue)


# ── the agency ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a name without its place, completed with the full name given elsewhere
        (
            "为认真做好京山市卫生健康局政府信息公开工作，我局精心组织。\n2022年，卫生健康局无依申请公开。",
            "京山市卫生健康局",
        ),
        # … or with the one place of its level the text names
        (
            "一、总体情况\n2019年，市民政局认真贯彻落实条例。公开方式以渭南市民政局门户网站为主。",
            "渭南市民政局",
        ),
        ("根据条例，铜川市公安局编制完成2024年政府信息公开年度报告。", "铜川市公安局"),
        ("依据条例第五十条之规定，由广州市生态环境局制作本报告。", "广州市生态环境局"),
        ("文登区住建局2019年政府信息公开工作年度报告\n一、总体情况", "文登区住房和城乡建设局"),
        ("现公开钢花村街道办事处2022年政府信息公开工作年度报告。", "钢花村街道办事处"),
        ("如对本报告有疑问，可与某某市市场监督管理局办公室联系。", "某某市市场监督管理局"),
    ],
)
def test_the_agency_of_reports_without_a_plain_title(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_words_before_a_level_character_are_no_place() -> None:
    # 推出 is no place, 市民 no level: nothing is made up
    text = "我局正式推出市教育局官方公众号，满足市民需求。\n2017年，市教育局认真贯彻条例。"
    assert find_agency_year(text)[0] is None
    assert find_agency_year("我局认真编制了2022年政府信息公开工作年度报告。")[0] is None


# ── round 7 (the second blind set) ──────────────────────────────────────────────────────────


def test_a_numbered_heading_is_no_count(catalogue: Catalogue) -> None:
    text = "四、政府信息公开行政复议、行政诉讼情况\n2.政府信息公开行政复议\n"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["2"] == "not a count of the report"


def test_published_items_about_reviews_are_no_reviews(catalogue: Catalogue) -> None:
    text = "主动公开政府信息167条，其中，行政复议类信息24条。"
    assert "appeal_review" not in _metrics(text, catalogue)
    assert ("appeal_review", None, None, 3) in taken("全年收到行政复议3条。", catalogue)


def test_a_zones_own_site(catalogue: Catalogue) -> None:
    zone = "某某经济技术开发区管委会"
    assert ("items_published", "dept_site", None, 1330) in taken(
        "开发区门户网站发布信息1330条。", catalogue, zone
    )
    assert ("items_published", "dept_site", None, 3686) in taken(
        "管委会门户网站公开3686条。", catalogue, zone
    )


def test_a_site_named_by_the_agencys_field_is_its_own(catalogue: Catalogue) -> None:
    assert ("items_published", "dept_site", None, 5372) in taken(
        "2024年省水利厅网站发布信息5372条。", catalogue, "广东省水利厅"
    )


def test_handled_then_all_completed_is_completed(catalogue: Catalogue) -> None:
    text = "办理向管委会申请的政府信息48件，全部按时办结。"
    assert ("requests_completed", None, None, 48) in taken(text, catalogue)


def test_applications_for_a_licence_are_not_requests(catalogue: Catalogue) -> None:
    text = "行使的行政许可事项为1项，全年申请量0件，受理量0件，办结量0件。"
    assert not any(m.startswith("requests_") for m in _metrics(text, catalogue))
    # 办结 with no 申请 in its sentence (online approvals) is no completed request either
    assert _metrics("至2012年底，累计收到82件，办结61件。", catalogue) == set()


def test_two_accounts_followers_in_one_sentence(catalogue: Catalogue) -> None:
    text = "平度公安微信粉丝量37056人，平度交警微信粉丝量5.1万人。"
    assert "followers" not in _metrics(text, catalogue)


def test_a_column_named_before_holds_the_figure(catalogue: Catalogue) -> None:
    text = "设专栏对政府集中采购项目实施情况全过程公开，共公开121件。"
    assert taken(text, catalogue) == set()


def test_bare_government_site_in_a_bureaus_report_stays_doubtful(catalogue: Catalogue) -> None:
    text = "通过某某市人民政府门户网站公开文件。我局在政府网站主动公开政府信息17条。"
    assert taken(text, catalogue, "某某市大数据发展管理局") == set()
    # and in a street office's (round 27: every blind set leaves a bare 政府网站 out)
    assert taken(text, catalogue, "某某街道办事处") == set()
    # the government's site named as such
    text = "我办在区政府网站主动公开政府信息17条。"
    assert ("items_published", "gov_portal", None, 17) in taken(text, catalogue, "某某街道办事处")


def test_the_year_from_the_years_end(catalogue: Catalogue) -> None:
    text = "现将云县2022年度政府信息公开工作情况报告如下。截至2022年12月31日，办理2021年结转件4件。"
    assert find_agency_year(text)[1] == 2022


# ── round 8 (the third blind set) ───────────────────────────────────────────────────────────


def test_the_years_running_total_named_as_this_year(catalogue: Catalogue) -> None:
    this_year = "截至2022年底，本年度累计主动公开各类政府信息327条。"
    assert ("items_published", None, None, 327) in taken(this_year, catalogue)
    # (since round 30, the year's end with 累计 and no earlier start is the year's total too;
    # a start before the year keeps it a running total)
    assert ("items_published", None, None, 401) in taken(
        "本局到2022年底累计主动公开政府信息401条。", catalogue
    )
    since = "2018年以来累计主动公开政府信息401条。"
    assert left_out(since, catalogue)["401条"] == "cumulative"


def test_a_running_total_with_the_years_part_after_it(catalogue: Catalogue) -> None:
    text = "2022年，某某街道累计公开信息7976条（2022年新增435条）。"
    assert left_out(text, catalogue)["7976条"] == "cumulative"


def test_documents_sent_to_reading_rooms_are_not_published(catalogue: Catalogue) -> None:
    text = "向市图书馆和市档案馆公开文件14件。"
    assert taken(text, catalogue) == set()
    assert ("items_published", None, "documents", 14) in taken("在网站公开文件14件。", catalogue)


def test_a_quoted_site_and_another_before_one_figure(catalogue: Catalogue) -> None:
    text = "市安监局通过“网上某某”和市安监局网站主动公开政策法规等政府信息183条。"
    assert not any(channel == "dept_site" for _, channel, *_ in taken(text, catalogue))


def test_a_city_bodys_site_in_a_district_bodys_report(catalogue: Catalogue) -> None:
    agency = "某某市某某区税务局"
    text = "区税务局在市税务局门户网站发布了122条。"
    assert taken(text, catalogue, agency) == set()


def test_all_ways_together_with_gong_is_the_total(catalogue: Catalogue) -> None:
    text = "市政府办公室共通过市政府门户网站等平台主动公开政府信息247条。"
    assert ("items_published", None, None, 247) in taken(text, catalogue)


def test_a_list_ending_with_all_other_information_is_the_total(catalogue: Catalogue) -> None:
    text = "2022年累计发布法律法规、规范性文件及其他信息共156条。"
    assert ("items_published", None, None, 156) in taken(text, catalogue)


def test_news_reports_are_media_reports(catalogue: Catalogue) -> None:
    assert ("media_reports", "news_media", None, 73) in taken("开展专题新闻报道73篇次。", catalogue)


def test_requests_counted_in_xiang_before_their_noun(catalogue: Catalogue) -> None:
    assert ("requests_new", None, None, 2) in taken(
        "某某街道接到2项政府信息公开的申请。", catalogue
    )


def test_completed_requests_in_the_sentence_after_licences(catalogue: Catalogue) -> None:
    text = "共4项行政审批在省政府门户网站上接入系统。至2022年底，收到82件，办结61件。"
    assert not any(m.startswith("requests_") for m in _metrics(text, catalogue))
    requests = "2022年收到政府信息公开申请10件。共按时办结10件。"
    assert ("requests_completed", None, None, 10) in taken(requests, catalogue)


@pytest.mark.parametrize(
    "text",
    [
        "根据条例，前三季度我委2014年政府信息公开工作年度报告如下。",
        "本年报是根据县林业局2020年政府信息公开工作年度报告编制。",
    ],
)
def test_sentence_words_are_no_agency(text: str) -> None:
    assert find_agency_year(text)[0] is None


# ── round 9 (the fourth blind set) ──────────────────────────────────────────────────────────


def test_not_a_single_one_is_no_count(catalogue: Catalogue) -> None:
    text = "全镇未发生一起因政府信息公开申请行政复议、提起行政诉讼的案件。"
    assert taken(text, catalogue) == set()


def test_two_rates_in_one_number(catalogue: Catalogue) -> None:
    text = "12345热线转办件回复率和办结率达到了100%。"
    assert taken(text, catalogue) == set()


def test_the_hotline_among_mailboxes_and_petitions(catalogue: Catalogue) -> None:
    text = "认真受理、答复群众12345热线电话、网上局长信箱等网上咨询、信访8073起。"
    assert "hotline_received" not in _metrics(text, catalogue)


def test_other_sites_and_work_groups_are_no_channel(catalogue: Catalogue) -> None:
    assert taken("报纸、其他网站等发布85条。", catalogue) == set()
    assert taken("通过微信工作群公开200余条。", catalogue) == set()


def test_documents_in_force_are_not_the_years(catalogue: Catalogue) -> None:
    assert taken("清理并公开现行有效的行政规范性文件102件。", catalogue) == set()


def test_handled_and_answered_is_completed(catalogue: Catalogue) -> None:
    assert ("requests_completed", None, None, 23) in taken(
        "共办理回复依申请公开事项23件。", catalogue
    )


def test_outcomes_counted_before_their_words(catalogue: Catalogue) -> None:
    text = "共收到政府信息公开申请5件，对其中3件予以公开，1件部分公开，1件不公开。"
    rows = taken(text, catalogue)
    assert {
        ("requests_disclosed", None, None, 3),
        ("requests_partial", None, None, 1),
        ("requests_refused", None, None, 1),
    } <= rows


def test_requests_received_with_words_between(catalogue: Catalogue) -> None:
    assert ("requests_new", None, None, 4) in taken(
        "2024年共收到社会各界4宗政府信息公开申请。", catalogue
    )
    assert ("requests_new", None, None, 60) in taken("我局收到60条信息公开的申请。", catalogue)
    # the applicants are no requests
    assert "requests_new" not in _metrics("共收到2个自然人的政府信息公开申请。", catalogue)


def test_a_provincial_bureaus_own_site(catalogue: Catalogue) -> None:
    agency = "新疆维吾尔自治区市场监督管理局"
    assert ("items_published", "dept_site", None, 2039) in taken(
        "自治区市场监督管理局官方网站发布信息2039条。", catalogue, agency
    )


# ── round 10 ────────────────────────────────────────────────────────────────────────────────


def test_adopted_counted_before_its_word(catalogue: Catalogue) -> None:
    text = "报送政务信息150余篇，其中7篇被上级部门采用。"
    assert ("info_adopted", None, None, 7) in taken(text, catalogue)


def test_a_column_among_listed_ways_holds_no_figure_apart(catalogue: Catalogue) -> None:
    listed = "2021年，我局通过某某区人民政府网站子栏目、本局门户网站等渠道，主动公开政府信息204条。"
    assert ("items_published", None, None, 204) in taken(listed, catalogue)
    updated = "及时、主动更新栏目信息，全年主动公开信息374余条。"
    assert ("items_published", None, None, 374) in taken(updated, catalogue)


def test_documents_made_then_said_published(catalogue: Catalogue) -> None:
    assert ("items_published", None, "documents", 1) in taken(
        "制发规范性文件1篇，已对外公开。", catalogue
    )
    assert not any(
        category == "documents"
        for *_, category, _ in taken("印发规范性文件1件，公开并解读1件。", catalogue)
    )


def test_all_platforms_together_is_the_total(catalogue: Catalogue) -> None:
    assert ("items_published", None, None, 932) in taken(
        "全平台发布各类政务信息合计932条。", catalogue
    )


def test_a_unified_platforms_name_holds_no_verb(catalogue: Catalogue) -> None:
    assert ("items_published", "gov_portal", None, 66) in taken(
        "我局在广西政府信息公开统一平台主动公开政府信息66条。", catalogue
    )


def test_the_bureaus_own_site_by_ju(catalogue: Catalogue) -> None:
    assert ("items_published", "dept_site", None, 301) in taken(
        "2022年，局政务网站公开信息301条。", catalogue
    )


def test_recruitment_admissions_are_not_adopted_information(catalogue: Catalogue) -> None:
    text = "主动公开政府信息80条，其中招考录用5条。"
    rows = taken(text, catalogue)
    assert ("recruitment_notices", None, None, 5) in rows
    assert "info_adopted" not in {metric for metric, *_ in rows}


def test_a_city_portal_named_with_a_dot(catalogue: Catalogue) -> None:
    assert ("items_published", "gov_portal", None, 221) in taken(
        "2021年我局在“中国·合肥”公开政府信息221条。", catalogue, "合肥市地震局"
    )


def test_a_zones_own_government_affairs_site(catalogue: Catalogue) -> None:
    assert ("items_published", "dept_site", None, 2905) in taken(
        "通过某某高新区政务网发布信息2905条。", catalogue, "某某高新技术产业开发区管理委员会"
    )


# ── every labelled set: a floor under what the rules reach on it ──────────────────────────────

# (precision, recall) a little under today's on each set the rules were written on (README):
# a change that loses figures on any of them fails here, not only on the set it was tuned for.
# These are floors against regressions, not the issue's targets for unseen reports.
_FLOORS = {
    # name: (precision, recall, share of reports whose agency is found)
    "dev": (0.97, 0.94, 0.90),
    "holdout": (0.97, 0.95, 0.92),
    "final": (0.95, 0.82, 0.86),
    "fresh": (0.95, 0.90, 0.76),
    "blind": (0.90, 0.82, 0.76),
    "blind2": (0.93, 0.85, 0.70),
    "blind3": (0.92, 0.73, 0.60),
    "blind4": (0.91, 0.80, 0.64),
    "blind5": (0.85, 0.76, 0.78),
    "blind6": (0.90, 0.77, 0.54),
    "blind7": (0.94, 0.82, 0.84),
    "blind8": (0.84, 0.76, 0.92),
    "blind9": (0.83, 0.82, 0.84),
    "blind10": (0.86, 0.83, 0.74),
    "blind11": (0.86, 0.74, 0.80),
    "blind12": (0.86, 0.83, 0.86),
    "blind13": (0.80, 0.68, 0.86),
    "blind14": (0.80, 0.82, 0.62),
    "blind15": (0.80, 0.84, 0.75),
    "blind16": (0.89, 0.81, 0.75),
    "blind17": (0.84, 0.82, 0.68),
    "blind18": (0.90, 0.87, 0.80),
    "blind19": (0.81, 0.84, 0.70),
    "blind20": (0.89, 0.82, 0.77),
    "blind21": (0.92, 0.84, 0.80),
    "blind22": (0.93, 0.80, 0.85),
    "blind23": (0.86, 0.86, 0.80),
    "blind24": (0.85, 0.86, 0.74),
    "blind25": (0.85, 0.77, 0.78),
    "blind26": (0.85, 0.82, 0.72),
    "blind27": (0.90, 0.85, 0.78),
    "blind28": (0.88, 0.83, 0.76),
    "blind29": (0.88, 0.85, 0.72),
    "blind30": (0.86, 0.83, 0.78),
    "blind31": (0.84, 0.83, 0.70),
}


@pytest.mark.parametrize("name", sorted(_FLOORS))
def test_each_labelled_set_keeps_its_floor(name: str) -> None:
    from benchmarks.bench_extract import measure

    corpus = Path(__file__).parent / "data" / "corpus" / f"reports-{name}.jsonl"
    result = measure(corpus)
    precision, recall, agency = _FLOORS[name]
    assert result.precision >= precision, result.wrong
    assert result.recall >= recall, result.missed
    assert result.agency_found / result.reports >= agency
