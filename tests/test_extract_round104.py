"""Round 104, on the numbers no rule named over all 108 sets: a list of kinds published in one
clause, then its count alone in the next (…财政预决算等内容，共计25条信息)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_list_of_kinds_then_its_count_in_the_next_clause(catalogue: Catalogue) -> None:
    text = (
        "2022年,通过红桥区政府门户网站主动公开季度主要经济指标完成情况、统计执法检查情况、"
        "财政预决算等内容,共计25条信息。"
    )
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 25.0)}
    # a count between them: the count alone is not the list's
    counted = "2022年,主动公开机构概况12条、财政预决算等内容,共计25条。"
    assert ("items_published", None, None, 25.0) not in taken(counted, catalogue)
    # no list of kinds before it: not read as published items
    bare = "2022年,开展培训活动,共计25条。"
    assert taken(bare, catalogue) == set()
    assert left_out(bare, catalogue)["25条"] == "unnamed"
