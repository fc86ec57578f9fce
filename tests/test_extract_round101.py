"""Round 101, written on blind101 after its one measure: documents made (制定, 出台) and said to
be published after, in the words of more reports; the documents' number said as 公文总数; a
meeting's count between its name and its subject; a request not completed in time (逾期未补正)
is the table's 其他处理; the other kinds of information (其他主动公开信息) are a part."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_documents_made_and_said_to_be_published(catalogue: Catalogue) -> None:
    published = "2022年,我局新制定出台规范性文件2个,均已公开。"
    assert taken(published, catalogue) == {("items_published", None, "documents", 2.0)}
    both = "年内按程序制定行政规范性文件2件,并同步做好备案和公开。"
    assert taken(both, catalogue) == {("items_published", None, "documents", 2.0)}
    # made only, or put out for comment: not said to be published
    for made in (
        "2022年,我局制定规范性文件2件,正在征求意见。",
        "2022年,我局制定规范性文件2件,并公开征求意见。",
    ):
        assert taken(made, catalogue) == set()
        assert left_out(made, catalogue)["2件"] == "documents made, not said to be published"


def test_the_documents_number_said_as_a_total_of_documents(catalogue: Catalogue) -> None:
    text = "2022年我局累计制发公文总数3个,主动公开3个,主动公开率达100%。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 3.0)}


def test_a_meetings_count_between_its_name_and_its_subject(catalogue: Catalogue) -> None:
    text = "年内通过党组扩大会议两次专题研究信息公开工作。"
    assert taken(text, catalogue) == {("meetings", None, None, 2.0)}
    # a meeting on other work is not one on disclosure
    assert taken("年内通过党组扩大会议两次专题研究安全生产工作。", catalogue) == set()


def test_a_request_not_completed_in_time_is_handled_otherwise(catalogue: Catalogue) -> None:
    text = "全年共收到申请5件,其中予以公开3件,逾期未补正不再处理1件,无法提供1件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 5.0),
        ("requests_disclosed", None, None, 3.0),
        ("requests_other", None, None, 1.0),
        ("requests_unavailable", None, None, 1.0),
    }
    # beside 其他处理's own count it is one of its kinds
    listed = "其中,予以公开46件,不予处理0件,逾期未补正2件,其他处理5件。"
    assert ("requests_other", None, None, 5.0) in taken(listed, catalogue)
    assert ("requests_other", None, None, 2.0) not in taken(listed, catalogue)


def test_the_other_and_the_statutory_kinds_of_information_are_parts(catalogue: Catalogue) -> None:
    other = (
        "(一)主动公开政府信息情况。\n截至2022年12月31日,我局主动公开文件数3条,其中机构职能"
        "人事任免类信息1条;政策及规范性文件类0条;规划计划动态类信息0条;公开年度报告1条,"
        "其他主动公开信息1条,不予公开信息8条。"
    )
    assert taken(other, catalogue) == {("items_published", None, "documents", 3.0)}
    statutory = (
        "2022年,关坝镇主动公开各类政府信息共计253条。一是通过镇政府网站对外公开机构职能、"
        "领导信息、预决算等法定主动公开信息31条,社会救助、养老服务等重点领域标准目录信息71条,"
        "镇街工作动态等信息37条,其他信息11条。"
    )
    assert taken(statutory, catalogue) == {("items_published", None, None, 253.0)}
    # the statutory items with their parts after 其中: the whole
    whole = (
        "2022年,我局通过高安市人民政府网法定主动公开信息141条,其中政府信息决策公开16条、"
        "执行公开20条、管理公开70条。"
    )
    assert taken(whole, catalogue) == {("items_published", "gov_portal", None, 141.0)}
