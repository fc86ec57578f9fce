"""Round 102, written on blind102 after its one measure: the documents among a total's kinds
when the kind is 政策与规范性文件 or a street office's own (街道本级) documents; the maker
before a title (清凉镇人民政府编制了清凉镇2019年…报告) is not part of the title's name."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_policy_and_normative_documents_among_the_kinds(catalogue: Catalogue) -> None:
    text = "2022年共新增和更新政府信息153条,其中机构职能类8条;政策与规范性文件类3条;政府报告类6条。"
    assert taken(text, catalogue) == {
        ("items_published", None, None, 153.0),
        ("items_published", None, "documents", 3.0),
    }


def test_a_street_offices_own_documents_among_the_kinds(catalogue: Catalogue) -> None:
    text = "2022年度,主动公开信息133条,其中街道本级政策文件41条、工作动态92条。"
    assert taken(text, catalogue) == {
        ("items_published", None, None, 133.0),
        ("items_published", None, "documents", 41.0),
    }


def test_the_maker_before_a_title_is_not_part_of_its_name() -> None:
    text = (
        "根据《条例》及上级有关规定,清凉镇人民政府编制了清凉镇2019年政府信息公开工作年度报告。"
        "全文包括总体情况等内容。"
    )
    assert find_agency_year(text) == ("清凉镇", 2019)
    # the maker and the year alone: the maker is the name
    made = "根据《条例》要求,台州银保监分局编制了2018年度政府信息公开工作报告,包括基本情况等内容。"
    assert find_agency_year(made) == ("台州银保监分局", 2018)
