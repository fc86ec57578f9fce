"""Round 62, written on blind47 after it was measured once (each rule checked on all 52 sets):
the requests answered or completed by other words (依申请事项, 依申请公开主办件), the requests named
before the verb at length (依申请公开政府信息共收到37件), a bureau's 政务网站 as its own site, every
kind of important information (各类重要信息) as all of it, the agency's own channels listed as the
outlets (政府网站、公众号等媒体发稿) and a site's column called 媒体报道 as no press count, and a
number counting the reports of one kind named after it. The texts are excerpts of blind47's
reports (昆明市西山区教育体育局 2023, 三门县退役军人事务局 2023, 瓜沥镇 2024, 义乌市教育局 2022,
矾山镇 2014, 民和县教育局 2023, 甘肃省退役军人事务厅 2022, 青铜峡市生态环境局 2023)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_requests_answered_or_completed_by_other_words(catalogue: Catalogue) -> None:
    text = "严格按规程在“昆明市依申请公开管理系统”答复个人依申请事项2件。"
    assert ("requests_completed", None, None, 2.0) in taken(text, catalogue)
    case = "全年累计完成依申请公开主办件1件。"
    assert ("requests_completed", None, None, 1.0) in taken(case, catalogue)
    # items published on request's page are no requests (回复网络申请公开事项5条 stays out)
    assert not any(
        r[0] == "requests_completed" for r in taken("回复网络申请公开事项5条。", catalogue)
    )


def test_the_requests_named_before_the_verb_at_length(catalogue: Catalogue) -> None:
    text = "2024年,我镇依申请公开政府信息共收到37件,其中33件已办结。"
    rows = taken(text, catalogue)
    assert ("requests_new", None, None, 37.0) in rows
    assert ("requests_completed", None, None, 33.0) in rows


def test_a_bureaus_government_affairs_site_is_its_own(catalogue: Catalogue) -> None:
    text = "2022年通过义乌市教育局政务网站主动公开政府信息952条。"
    assert ("items_published", "dept_site", None, 952.0) in taken(text, catalogue)


def test_every_kind_of_important_information_is_all_of_it(catalogue: Catalogue) -> None:
    text = "2014年共在县政府信息公开平台发布各类重要信息293条。"
    assert ("items_published", "gov_portal", None, 293.0) in taken(text, catalogue)
    # the key work's information is still a part
    assert left_out("2014年共发布重点工作信息29条。", catalogue)["29条"] == (
        "part (one kind of item)"
    )


def test_own_channels_as_the_outlets_and_a_column_called_press_reports(
    catalogue: Catalogue,
) -> None:
    own = "政府网站、公众号等媒体发稿178篇。"
    assert left_out(own, catalogue)["178篇"] == "doubtful channel"
    column = "厅门户网站共更新工作动态类信息397条,时政类信息140条,媒体报道264条,政府信息公开92条。"
    assert left_out(column, catalogue)["264条"] == "part (one kind of item)"
    press = "在主流媒体发布原创报道2966篇次。"
    assert ("media_reports", "news_media", None, 2966.0) in taken(press, catalogue)


def test_a_number_counting_reports_of_one_kind_named_after_it(catalogue: Catalogue) -> None:
    text = "2023年全年共发布16条青铜峡市环境空气质量状况报告。"
    assert left_out(text, catalogue)["16条"] == "counts what follows it"
    # the next item of a list is not what the number counts
    listed = "我局财政信息网公开财政信息为19条、政府简报信息报送24条。"
    assert left_out(listed, catalogue).get("19条") != "counts what follows it"
