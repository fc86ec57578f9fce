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


def test_the_other_kinds_of_information_are_a_part(catalogue: Catalogue) -> None:
    text = (
        "2022年,我局主动公开政府信息12条,其中机构职能类信息1条;规划计划类信息0条;"
        "公开年度报告1条,其他主动公开信息1条。"
    )
    assert ("items_published", None, None, 12.0) in taken(text, catalogue)
    assert ("items_published", None, None, 1.0) not in taken(text, catalogue)
