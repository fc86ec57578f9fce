"""Round 74, written on blind58 after it was measured once (each rule checked on all 64 sets):
numbers inside a document's title (《…支持十条措施…》) are no counts and do not cut the verb
before the titles off the documents counted after them; a level's own documents (其中市级行政
规范性文件14条); requests by their cases' name (政府信息依申请公开件53件); an account's count
with its name after its kind (微信“莲都发布”1767条); a disclosure meeting said 专题会; items the
public cares about (涉及与公众密切相关的政府信息) are all items. The texts are excerpts of
blind58's reports (湖州市吴兴区人民政府办公室 2024, 永康市人民政府 2023, 丽水市莲都区人民政府
2021, 深圳市坪山区人民政府 2018, 樟树市卫生健康委员会 2024)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_titles_named_before_the_documents_counted(catalogue: Catalogue) -> None:
    text = (
        "二是传递政策信号。发布《吴兴区人民政府关于印发吴兴区积极生育支持十条措施(试行)的通知》、"
        "《吴兴区人民政府办公室关于印发吴兴区进一步推动消费品以旧换新行动方案的通知》等行政规范性文件16件,"
        "通过文字、图解等方式进行政策解读。"
    )
    assert ("items_published", None, "documents", 16.0) in taken(text, catalogue)
    assert left_out(text, catalogue)["十条"] == "not a count of the report"


def test_a_levels_own_documents_among_the_total(catalogue: Catalogue) -> None:
    text = (
        "全市通过政府门户网站及各类政务新媒体累计主动公开政府信息15481条,其中市级行政规范性文件14条,"
        "配套政策文字及图片解读共37条。"
    )
    assert ("items_published", None, "documents", 14.0) in taken(text, catalogue)


def test_requests_by_their_cases_name(catalogue: Catalogue) -> None:
    text = "网络问政直通车问贴799条,政府信息依申请公开件53件,政务服务12345平台受理47276件。"
    assert ("requests_new", None, None, 53.0) in taken(text, catalogue)
    # (control: information given on request, counted in 条, stays out)
    given = "依申请公开信息53条。"
    assert not taken(given, catalogue)
    assert left_out(given, catalogue)["53条"] == "not proactive (依申请, 不予公开)"


def test_an_accounts_count_with_its_name_after_its_kind(catalogue: Catalogue) -> None:
    text = "全年在区政府网站主动公开信息17427条,意见征集35次;微信“莲都发布”1767条。"
    assert ("items_published", "wechat", None, 1767.0) in taken(text, catalogue)


def test_a_disclosure_meeting_said_short(catalogue: Catalogue) -> None:
    text = "2022年,我区组织了由政务公开领导小组主持召开政务公开专题会1次。"
    assert ("meetings", None, None, 1.0) in taken(text, catalogue)


def test_items_the_public_cares_about_are_all_items(catalogue: Catalogue) -> None:
    text = "樟树市卫健委全年共主动公开了涉及与公众密切相关的政府信息222条。"
    assert ("items_published", None, None, 222.0) in taken(text, catalogue)
