"""Round 52, written on the skipped figures of all sets after the second labels were measured:
what a bureau publishes, named by a word of its field with its level or 部门 (市级气象部门政府
信息, 政府交通信息, 与审计相关的政府信息), or 政府相关信息, is all its items — not one kind of
them. Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_bureaus_items_named_by_a_word_of_its_field_are_all_its_items(
    catalogue: Catalogue,
) -> None:
    text = "2022年，共主动公开市级气象部门政府信息180条。"
    assert taken(text, catalogue, "开封市气象局") == {("items_published", None, None, 180)}
    text = "2022年，全年共主动公开政府交通信息12980条。"
    assert taken(text, catalogue, "湖北省交通运输厅") == {("items_published", None, None, 12980)}
    text = "2022年，通过我厅门户网站公布与审计相关的政府信息105条。"
    assert taken(text, catalogue, "吉林省审计厅") == {("items_published", "dept_site", None, 105)}
    # another field's word, or a topic, is one kind of item
    text = "2022年，共主动公开市级人事部门政府信息180条。"
    assert taken(text, catalogue, "开封市气象局") == set()
    text = "2022年，全年共主动公开政府扶贫信息12条。"
    assert taken(text, catalogue, "湖北省交通运输厅") == set()
    assert left_out(text, catalogue)["12条"] == "part (one kind of item)"


def test_the_governments_related_information_is_all_of_it(catalogue: Catalogue) -> None:
    text = "2022年主动公开政府相关信息共776余条。"
    assert taken(text, catalogue) == {("items_published", None, None, 776)}
    # 政府采购相关信息 is one kind
    text = "2022年主动公开政府采购相关信息共76条。"
    assert taken(text, catalogue) == set()
