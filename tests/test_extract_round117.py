"""Round 117, on the documents named in lists of kinds that all 115 sets missed: a list's head
in the sentence after the total (。具体分类为:…, 。从内容分类看,…) reads that total as 其中
does; a list in brackets after it ((其中:本部门文件30条…); and the body's own documents by its
kind (本部门文件, 街道办事处文件)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_a_list_headed_in_the_next_sentence(catalogue: Catalogue) -> None:
    classified = (
        "2022年在东丽区政府网站累计主动公开各类政府信息34条。"
        "具体分类为:人事任免类16条、政策文件类3条、财政预决算类1条。"
    )
    assert ("items_published", None, "documents", 3.0) in taken(classified, catalogue)
    by_content = (
        "2022年,乳山口镇通过“中国·乳山”政府信息公开网站主动公开信息22条。"
        "从内容分类看,机关职能6条,规划计划4条,部门文件6条,财政预决算1条。"
    )
    assert taken(by_content, catalogue) == {
        ("items_published", "gov_portal", None, 22.0),
        ("items_published", None, "documents", 6.0),
    }


def test_a_list_in_brackets_and_the_bodys_own_documents(catalogue: Catalogue) -> None:
    bracketed = (
        "2022年,楚雄州商务局主动公开政务信息537条(其中:本部门文件30条,规划信息3条,其他信息478条)。"
    )
    assert ("items_published", None, "documents", 30.0) in taken(bracketed, catalogue)
    street = (
        "2022年共发布各类信息84条。其中:政府信息公开指南1条,街道办事处文件8条,"
        "组织机构概况信息19条。"
    )
    assert taken(street, catalogue) == {
        ("items_published", None, None, 84.0),
        ("items_published", None, "documents", 8.0),
    }
