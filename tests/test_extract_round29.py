"""Round 29 of extract_figures, on blind17 after it was measured untouched: a running total set
in brackets beside the year's figure, recruitment counted with other kinds, a number counting
what follows its counting word, the most one item reached. Each test has a case the rule must
leave out and its counterpart; the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_a_running_total_in_brackets_beside_the_year_s_figure(catalogue: Catalogue) -> None:
    text = "其中,公开政府文件23件(累计公开184件);公开信息动态348条(累计公开3808条)。"
    assert left_out(text, catalogue)["3808条"] == "cumulative"
    assert left_out(text, catalogue)["184件"] == "cumulative"
    # the year's figures before the brackets are not made running totals
    assert ("items_published", None, "documents", 23) in taken(text, catalogue)
    assert left_out(text, catalogue)["348条"] != "cumulative"
    # 累计 alone, with no figure before it in brackets, is the year's (the labels' convention)
    assert ("items_published", None, None, 186) in taken("全年累计公开信息186条。", catalogue)


def test_recruitment_counted_with_other_kinds_is_not_recruitment(catalogue: Catalogue) -> None:
    rows = taken("区政府办公室发布人事任免、招录信息15条。", catalogue)
    assert not [r for r in rows if r[0] == "recruitment_notices"]
    rows = taken("发布项目环境影响评价公示、人员招聘等通知公告信息15条。", catalogue)
    assert not [r for r in rows if r[0] == "recruitment_notices"]
    # one kind of a list of figures, each with its own number, is its own
    rows = taken("公开人事信息12条、招聘类信息39条。", catalogue)
    assert ("recruitment_notices", None, None, 39) in rows
    assert ("recruitment_notices", None, None, 12) in taken("发布招聘信息12条。", catalogue)


def test_a_number_counts_what_follows_its_counting_word(catalogue: Catalogue) -> None:
    text = "完成“残疾人两项补贴提标政策解读”等8期在线访谈公开。"
    assert left_out(text, catalogue)["8期"] == "counts what follows it"
    assert ("interpretations", None, None, 12) in taken("全年发布政策解读12条。", catalogue)


def test_the_most_one_item_reached_is_not_the_year_s(catalogue: Catalogue) -> None:
    text = "公众号文章单篇最高阅读量达8154，全年阅读量12万次。"
    assert left_out(text, catalogue)["8154"] == "a maximum"
    assert ("reads", "wechat", None, 120000) in taken(text, catalogue)
    assert left_out("单日最高发布信息30条。", catalogue)["30条"] == "a maximum"


def test_a_gazette_among_the_channels_listed_gives_the_total(catalogue: Catalogue) -> None:
    text = "通过省政府门户网站、《广东省人民政府公报》及官方微博微信等主动公开政府信息345条。"
    assert ("items_published", None, None, 345) in taken(text, catalogue)
    # the gazette alone, or beside other ways, names no channel
    assert left_out("通过《广东省人民政府公报》公开政府信息12条。", catalogue)["12条"] == (
        "doubtful channel"
    )
    text = "通过政府公报和其他方式公开政府信息30条。"
    assert not [r for r in taken(text, catalogue) if r[3] == 30]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # the statistics period in figures, or with a word dropped
        ("本报告中所列数据的统计期限自2015-1-1起至2015-12-31止。\n2015-,我局加强公开。", 2015),
        ("本报告中所列数据统计限自2021年1月1日至2021年12月31日。", 2021),
        # a page's date line is no sentence opening with its year
        (
            "天津市静海区人民政府\n2019年12月3日星期二\n一、总体情况\n2025年,静海区科学技术局统筹推动。",
            2025,
        ),
        # the title's year against the period the figures cover: the period's
        (
            "我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。所列数据的统计期限自"
            "2021年1月1日起至12月31日止。",
            2021,
        ),
        # (a title and its period agreeing, and a title alone, as before)
        ("田黄镇2021年政府信息公开工作年度报告\n统计期限自2021年1月1日起。", 2021),
        ("田黄镇2020年政府信息公开工作年度报告\n一、总体情况", 2020),
    ],
)
def test_the_year_is_the_period_the_figures_cover(text: str, year: int) -> None:
    assert find_agency_year(text)[1] == year


# ── blind18, after it was measured untouched ──────────────────────────────────────────────────


def test_requests_without_their_counting_word(catalogue: Catalogue) -> None:
    text = "2025年我局共收到政府信息公开申请3,截至2025年12月31日已全部办结。"
    assert left_out(text, catalogue)["3"] == "no unit"
    # after words saying a count follows, a bare number is the count
    text = "收到和处理政府信息公开申请数量为0。"
    assert ("requests_new", None, None, 0) in taken(text, catalogue)
    assert ("requests_new", None, None, 3) in taken("共收到政府信息公开申请3件。", catalogue)


def test_a_number_in_ge_counts_the_noun_after_it(catalogue: Catalogue) -> None:
    text = "指导各乡镇、县直有关部门更新31个试点领域基层政务公开标准目录。"
    assert left_out(text, catalogue)["31个"] == "counts what follows it"
    # a conjunction after it: the number ends its clause's count
    text = "发布政策文件3个并同步发布相应解读。"
    assert ("items_published", None, "documents", 3) in taken(text, catalogue)


def test_the_old_reports_kinds_of_information_are_no_outcomes(catalogue: Catalogue) -> None:
    text = "2012年度我局主动公开文件41件,依申请公开0件,不予公开125件。"
    assert left_out(text, catalogue)["125件"] == "a kind of information, not a request's outcome"
    text = "收到申请5件，予以公开3件，不予公开2件。"
    assert ("requests_refused", None, None, 2) in taken(text, catalogue)


def test_a_list_of_channel_figures_after_a_site_s_with_its_verb(catalogue: Catalogue) -> None:
    text = "全年局门户网站主动公开信息2978条,政务微信321条,政务微博260条,抖音号79条。"
    rows = taken(text, catalogue)
    assert {
        ("items_published", "dept_site", None, 2978),
        ("items_published", "wechat", None, 321),
        ("items_published", "weibo", None, 260),
        ("items_published", "short_video", None, 79),
    } <= rows
    # an item that does something else on a channel is no channel's figure
    text = "政务微博主动发布信息141条,解决微博投诉问题16件;微信公众平台主动发布信息86条。"
    assert ("items_published", "weibo", None, 141) in taken(text, catalogue)
    assert not [r for r in taken(text, catalogue) if r[3] == 16]


def test_more_wordings_of_blind18(catalogue: Catalogue) -> None:
    # 推送讯息: an account's posts
    text = "通过省司法厅微信公众平台发布推送讯息192条。"
    assert ("items_published", "wechat", None, 192) in taken(text, catalogue)
    # a site's kinds of item listed, interpretations among them, then 等各类信息: the site's
    text = "市体育局网站主动发布政务动态、政策解读、人事等各类信息538条。"
    assert ("items_published", "dept_site", None, 538) in taken(text, catalogue)
    # (with no channel named, still no interpretations' figure)
    text = "发布通知公告、政策解读、工作动态等信息1423条。"
    assert not [r for r in taken(text, catalogue) if r[0] == "interpretations"]
    # 零件 before a clause's end: a stated zero; 零件 as a word is none
    text = "共受理依申请政府信息公开零件;不予受理零件。"
    assert ("requests_new", None, None, 0) in taken(text, catalogue)
    assert not taken("采购汽车零件加工服务。", catalogue)
    # followers named after their number
    text = "微信官方公众号现有1.46万人关注,发布文章数450篇。"
    assert ("followers", "wechat", None, 14600) in taken(text, catalogue)
    assert not taken("微信公众号现有工作人员3人。", catalogue)
    # handled, with an aside, then all completed
    text = "办理政府信息公开申请41件(含上年度结转1件),均全部办结。"
    assert ("requests_completed", None, None, 41) in taken(text, catalogue)


def test_the_agency_whose_year_s_work_the_report_is_made_from() -> None:
    text = "本年报根据2023年眉山市司法局信息公开工作实际编制而成。统计期限自2023年1月1日起。"
    assert find_agency_year(text) == ("眉山市司法局", 2023)
    # (not a year's work of no body named)
    assert find_agency_year("根据2023年信息公开工作实际编制而成。")[0] is None


def test_items_in_xiang_and_document_kinds_of_a_breakdown(catalogue: Catalogue) -> None:
    assert ("items_published", None, None, 2874) in taken("全年累计公开政府信息2874项。", catalogue)
    # matters of several kinds in 项, not named as information, are no items
    text = "我局通过县政府信息公开网站及时公开了一事一议、惠民惠农资金发放等50余项。"
    assert not taken(text, catalogue)
    assert ("items_published", None, "documents", 29) in taken("公开政策文件29项。", catalogue)
    # 16项65条: the kinds, then the items of them
    text = "共主动公开政府信息16项65条。"
    assert left_out(text, catalogue)["16项"] == "issues, items counted after"
    assert ("items_published", None, None, 65) in taken(text, catalogue)
    # a kind of document in the breakdown of what was published (在…信息中, 乡镇文件类, 类的信息)
    text = "在主动公开信息中,服务要闻22条;部门公告信息17条;政策文件14条;政策解读8条。"
    assert ("items_published", None, "documents", 14) in taken(text, catalogue)
    text = "全年公开信息120条，其中乡镇文件类43条、工作动态60条。"
    assert ("items_published", None, "documents", 43) in taken(text, catalogue)
    # (a kind of document alone, with no published figure before it, is none)
    assert not taken("乡镇文件类43条。", catalogue)


def test_an_account_s_items_counted_by_name(catalogue: Catalogue) -> None:
    text = "主动公开信息231条,其中,政务动态信息数221条。官方微信信息数30条。"
    rows = taken(text, catalogue)
    assert ("items_published", "wechat", None, 30) in rows
    assert not [r for r in rows if r[3] == 221]


def test_the_year_s_end_with_a_running_total_is_the_year_s(catalogue: Catalogue) -> None:
    """截至 (到) the report year's end with 累计 and no earlier start: the year's total (the labels
    11 to 6, and the adjudicators) — unless the year's own part follows, the template's stock
    (全文电子化率) is reported, or the total has grown to a size (达)."""
    text = "截至2022年底,我局累计主动公开政府信息14条。"
    assert ("items_published", None, None, 14) in taken(text, catalogue)
    text = (
        "本局到2022年底累计主动公开政府信息83条,全文电子化率达100%。"
        "本年度新增的主动公开政府信息31条。"
    )
    assert left_out(text, catalogue)["83条"] == "cumulative"
    assert ("items_published", None, None, 31) in taken(text, catalogue)
    text = "截至2022年12月31日,西关街道办事处累计主动公开政府信息达301条。"
    assert left_out(text, catalogue)["301条"] == "cumulative"


def test_received_and_answered_run_together(catalogue: Catalogue) -> None:
    rows = taken("全年依法规范受理答复政府信息公开申请3件。", catalogue)
    assert {("requests_new", None, None, 3), ("requests_completed", None, None, 3)} <= rows
    # (收到 alone stays the received only)
    rows = taken("收到政府信息公开申请5件，均已按时答复。", catalogue)
    assert ("requests_new", None, None, 5) in rows
    assert ("requests_completed", None, None, 5) not in rows


def test_documents_among_kinds_listed_and_an_average_per_event(catalogue: Catalogue) -> None:
    text = "其中局门户网站发布信息、文件、通知等1506条。"
    rows = taken(text, catalogue)
    assert ("items_published", "dept_site", None, 1506) in rows
    assert not [r for r in rows if r[2] == "documents"]
    assert ("items_published", None, "documents", 5) in taken("发布政策文件5件。", catalogue)
    text = "场均推出政策解读类媒体报道200余篇。"
    assert left_out(text, catalogue)["200余篇"] == "average"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # the report saying whose it is
        (
            "本报告为舟山市发展和改革委员会政府信息公开工作年度报告,数据统计期限自2021年1月1日起。",
            "舟山市发展和改革委员会",
        ),
        # a bureau of a zone's committee
        (
            "2022年,郑州高新技术产业开发区管委会城市管理局深入贯彻落实条例。",
            "郑州高新技术产业开发区管委会城市管理局",
        ),
        # a street office's own office answers for it: the street office
        (
            "如有疑问,请联系:硚口区易家街道办事处党政综合办公室,地址:武汉市。",
            "硚口区易家街道办事处",
        ),
        # a page's 来源 field, its colon a space
        (
            "市卫生局2014年政府信息公开工作年度报告\n来源 安康市卫生局 | 内容概述 "
            "市卫生局2014年政府信息公开工作年度报告 |",
            "安康市卫生局",
        ),
        # (以下简称… is no name, nor a verb before an office)
        ("现将武汉东湖新技术开发区党政办公室(以下简称办公室2025年度信息公开工作报告如下。", None),
    ],
)
def test_the_agency_of_round_31(text: str, agency: str | None) -> None:
    assert find_agency_year(text)[0] == agency
