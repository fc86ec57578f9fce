"""Round 121, on the numbers no rule named in all 118 sets: 公示 as the verb of a body's whole
year (区经信局共公示信息30条)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_a_bodys_items_posted_in_all(catalogue: Catalogue) -> None:
    text = "2022年,区经信局共公示信息30条。"
    assert taken(text, catalogue) == {("items_published", None, None, 30.0)}
    # (公示 alone names a kind of item: 行政执法公示信息 is no verb's)
    kind = "2022年,在行政执法公示专栏完成事前公示信息8条。"
    assert ("items_published", None, None, 8.0) not in taken(kind, catalogue)
