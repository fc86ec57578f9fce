"""Round 67, written on blind52 after it was measured once (each rule checked on all 57 sets):
a count equal to the year with its counting word is a count; a neighbourhood's affairs (居务公开)
are no government information; a site named the main platform for publishing gives the total;
media levels written 以上 are levels, 县级及县级以上 all of them; a rate over a mailbox's and
the hotline's cases is no hotline rate; requests answered said at length after their count;
review and litigation said short (涉及复议0件，诉讼0件); two forms of interpretation joined are
all of them, 解读回应 no interpretations; a document's body named at length; 信息材料 and 信息项目
are items in general. The texts are excerpts of blind52's reports (高青县交通运输局 2025, 大嶝街道
2020, 垫江县卫生健康委员会 2025, 樊口街道 2024, 岳阳市科技局 2025, 抚宁区人民政府办公室 2025,
大云镇 2024, 资阳区人民政府办公室 2024, 东风垦殖场 2024) and of blind36 (泰顺县民政局 2021)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from tests.extract_cases import taken


def _facts(text: str, catalogue: Catalogue, year: int = 2025) -> set[tuple[str, float]]:
    extraction = extract_figures(text, catalogue, agency="某局", year=year)
    return {(f.metric, f.value) for f in extraction.facts}


def test_a_count_equal_to_the_year(catalogue: Catalogue) -> None:
    text = "2025年共受理12345投诉件2025件,办结率100%。"
    assert ("hotline_received", 2025.0) in _facts(text, catalogue)


def test_a_neighbourhoods_affairs_are_no_government_information(catalogue: Catalogue) -> None:
    text = "全年共审批、公开信息材料98条。建设居务公开监督平台。全年居务公开累计558条。"
    assert _facts(text, catalogue, 2020) == {("items_published", 98.0)}


def test_the_main_platform_for_publishing(catalogue: Catalogue) -> None:
    text = "我委依托县政府门户网站作为主要发布平台,累计主动公开政务信息共360余条。"
    assert ("items_published", None, None, 360.0) in taken(text, catalogue)


def test_media_levels_written_with_above(catalogue: Catalogue) -> None:
    levels = (
        "樊口街道2024年共公开信息90条,其中:国家级以上主流媒体5条,省级以上主流媒体公开84条,"
        "市级以上主流媒体公开1条。"
    )
    assert not any(row[0] == "media_reports" for row in taken(levels, catalogue))
    whole = (
        "通过县级及县级以上媒体渠道发布各类宣传信息110余篇,其中省级以上媒体录用10篇,"
        "市级媒体录用52篇。"
    )
    assert ("media_reports", "news_media", None, 110.0) in taken(whole, catalogue)


def test_a_rate_over_a_mailbox_and_the_hotline(catalogue: Catalogue) -> None:
    text = "其中,收到信箱诉求6条,12345政务服务便民热线8条,所有申请已全部答复,办结率100%。"
    assert not any(row[0] == "hotline_closure_rate" for row in taken(text, catalogue))
    alone = taken("12345热线受理诉求80件,办结率100%。", catalogue)
    assert ("hotline_closure_rate", "hotline_12345", None, 100.0) in alone


def test_requests_answered_said_at_length(catalogue: Catalogue) -> None:
    text = (
        "2025年,区政府共收到依申请公开20件,大部分通过信函或在线申请,19件已按照规定时限和程序依法"
        "依规进行了答复,1件结转下年。"
    )
    assert ("requests_completed", None, None, 19.0) in taken(text, catalogue)


def test_review_and_litigation_said_short(catalogue: Catalogue) -> None:
    text = "2024年,大云镇全年共收到依申请公开件1件,已按期答复1件。涉及复议0件,诉讼0件。"
    rows = taken(text, catalogue)
    assert ("appeal_review", None, None, 0.0) in rows
    assert ("litigation_cases", None, None, 0.0) in rows


def test_forms_of_interpretation_joined_and_responses(catalogue: Catalogue) -> None:
    joined = taken("发布文字解读和图文解读28条。", catalogue)
    assert ("interpretations", None, None, 28.0) in joined
    one = taken("发布图文解读5条。", catalogue)
    assert not any(row[0] == "interpretations" for row in one)
    responses = taken("其中政策文件5条,解读回应13条。", catalogue)
    assert not any(row[0] == "interpretations" for row in responses)


def test_documents_of_a_body_named_at_length(catalogue: Catalogue) -> None:
    text = "发布区政府办公室行政规范性文件5件。"
    assert ("items_published", None, "documents", 5.0) in taken(text, catalogue)


def test_items_by_other_words(catalogue: Catalogue) -> None:
    text = "全年共在市政府入口网站和中山市红盾信息网上新增主动公开政府信息项目378条。"
    assert ("items_published", None, None, 378.0) in taken(text, catalogue)
