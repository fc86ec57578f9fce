"""Round 73, written on blind57 after it was measured once (each rule checked on all 62 sets):
news among kinds listed with 等 (单位概况、工作动态…等需要公开的政府信息) is every kind; 公开类信息
is all that was published; reviews the requests led to (收到8件因政府信息公开申请提起的行政复议)
are reviews, not requests; a kind of item in a list of kinds (政务服务信息公开3条, 双随意一公开
5条) is a part; 发表微博 counts an account's posts; two sites listed 等途径 with every kind of
item listed 等信息 give the total; the hotline's work orders joined to web messages by 和 are no
hotline figure; a street office named right after its zone (济宁高新区黄屯街道) is the office,
and a name runs no further than 在 after it; the body's executive meetings (局长办公会) and the
policies explained to the public (政策说明会) are no meetings on disclosure work. The texts are
excerpts of blind57's reports
(宝鸡市机关事务管理局 2019, 杨凌区人民政府 2022, 枣庄市市中区人民政府 2023, 烟台市福山区
工业和信息化局 2021, 中国科学院兰州分院 2021, 杭州市余杭区邮政管理局 2022, 渭南市华州区人民政府
2024, 济宁高新区黄屯街道 2021)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_news_among_kinds_listed_is_every_kind(catalogue: Catalogue) -> None:
    text = (
        "依托局门户网站、“宝鸡机关事务”微信公众号平台,主动公开单位概况、工作动态、政策法规、部门文件、"
        "规划计划、财务预决算等需要公开的政府信息共计328条(其中门户网站249条、微信公众号79条)。"
    )
    assert ("items_published", None, None, 328.0) in taken(text, catalogue)
    # (control: a site's news alone is the site's figure, not the total)
    news = "通过局门户网站主动公开工作动态信息30条。"
    assert taken(news, catalogue) == {("items_published", "dept_site", None, 30.0)}


def test_what_is_published_by_its_class_is_all_of_it(catalogue: Catalogue) -> None:
    text = "全年通过区政府门户网站和政务新媒体累计发布公开类信息8300余条。"
    assert ("items_published", None, None, 8300.0) in taken(text, catalogue)
    # (control: the meetings' class is one kind)
    assert left_out("会议公开类信息321条。", catalogue)["321条"] == "part (one kind of item)"


def test_reviews_the_requests_led_to_are_reviews(catalogue: Catalogue) -> None:
    text = "2023年全区收到8件因政府信息公开申请提起的行政复议,1件行政诉讼。"
    found = taken(text, catalogue)
    assert ("appeal_review", None, None, 8.0) in found
    assert not any(metric == "requests_new" for metric, *_ in found)
    control = "收到1件自然人提起的政府信息公开申请。"
    assert ("requests_new", None, None, 1.0) in taken(control, catalogue)


def test_a_kind_in_a_list_of_kinds_is_a_part(catalogue: Catalogue) -> None:
    text = (
        "2021年主动公开政务信息54条,主动公开政府信息类别主要有:领导职能1条、机构概况1条;财政信息4条;"
        "政务服务信息公开3条;会议公开12条;双随意一公开5条;组织管理3条。"
    )
    assert ("items_published", None, None, 54.0) in taken(text, catalogue)
    reasons = left_out(text, catalogue)
    assert reasons["5条"] == "part (one kind of item)"
    # (control: a site's or a body's items in the same place are the whole)
    whole = "2015年工作情况如下:我办全年信息公开72条。"
    assert ("items_published", None, None, 72.0) in taken(whole, catalogue)


def test_an_accounts_posts_by_their_own_word(catalogue: Catalogue) -> None:
    text = "兰州分院官方微博“科兰之声”发表微博156条。"
    assert ("items_published", "weibo", None, 156.0) in taken(text, catalogue)


def test_two_sites_listed_with_every_kind_listed_give_the_total(catalogue: Catalogue) -> None:
    text = (
        "通过杭州市邮政管理局网站、区政府门户网站等途径主动公开邮管局工作职责、领导班子、科室信息、"
        "公开指南、执法情况、行政审批等信息88条。"
    )
    assert ("items_published", None, None, 88.0) in taken(text, catalogue)


def test_the_hotline_joined_to_web_messages_is_no_hotline_figure(catalogue: Catalogue) -> None:
    text = "收到“12345”热线工单和各类网上留言8604件。"
    assert not any(metric.startswith("hotline") for metric, *_ in taken(text, catalogue))
    assert left_out(text, catalogue)["8604件"] == "several channels"
    control = "收到“12345”热线工单8604件。"
    assert ("hotline_received", "hotline_12345", None, 8604.0) in taken(control, catalogue)


def test_a_street_office_named_after_its_zone() -> None:
    text = (
        "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n"
        "2021年,黄屯街道在高新区党工委、管委会的正确领导下,认真贯彻落实《条例》。\n"
        "(一)主动公开情况\n2021年,济宁高新区黄屯街道主动发布各类信息 93 条。"
    )
    assert find_agency_year(text)[0] in ("济宁高新区黄屯街道", "济宁高新区黄屯街道办事处")


def test_the_bodys_executive_meetings_are_no_meetings_on_disclosure(
    catalogue: Catalogue,
) -> None:
    assert not taken("会议公开方面,2025年共召开7次局长办公会议。", catalogue)
    assert not taken("年内组织召开了14场政策说明会。", catalogue)
    control = "今年以来,我局共召开3次专题会议。"
    assert ("meetings", None, None, 3.0) in taken(control, catalogue)
