"""Round 108, on the documents-or-total misses over all 110 sets: documents made (产生政府文件
信息, 发文…条), then those of them published — the documents published, not the year's total,
which stays the reading of all the information made (制作政府信息…，其中主动公开…); and a
full name opening a clause with what it did after any comma, not only after the words on the
orders it follows (…规范化水平,台州市住房公积金管理中心天台分中心认真开展…)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_documents_made_then_those_published(catalogue: Catalogue) -> None:
    for text, value in (
        ("2025年度产生政府文件信息22条,其中主动公开14条。", 14.0),
        ("2022年,我局共发文161条,其中主动公开106条,不公开54条。", 106.0),
    ):
        assert taken(text, catalogue) == {("items_published", None, "documents", value)}, text
    # all the information made, then what of it was published: the year's total
    made = "2009年共制作政府信息3021条,其中主动公开信息1027条。"
    assert taken(made, catalogue, year=2009) == {("items_published", None, None, 1027.0)}


def test_a_full_name_opening_a_clause_after_any_comma() -> None:
    text = (
        "为全面贯彻落实《中华人民共和国政府信息公开条例》,不断提高政府信息公开工作规范化水平,"
        "台州市住房公积金管理中心天台分中心认真开展各项工作,现将2022年度工作开展情况报告如下。"
    )
    assert find_agency_year(text) == ("台州市住房公积金管理中心天台分中心", 2022)
