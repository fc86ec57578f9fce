"""Round 77, written on the figures of all 66 sets no rule named: a total said after its parts
(…通知公告63条、…政策解读2条；子站动态信息6条，共计74条) is the items published when it is the sum
of the counts its sentence listed after the verb — checked by adding them up. The text is an
excerpt of blind33's 重庆市涪陵区水利局 2025."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_total_said_after_its_parts(catalogue: Catalogue) -> None:
    text = (
        "在涪陵区人民政府门户网及时公开主站通知公告63条、建议提案办理3条、政策解读2条;"
        "子站动态信息6条,共计74条。"
    )
    assert ("items_published", None, None, 74.0) in taken(text, catalogue)


def test_a_sum_that_does_not_add_up_is_left_out(catalogue: Catalogue) -> None:
    text = "公开通知公告63条、政策解读2条,共计70条。"
    assert not any(value == 70.0 for *_, value in taken(text, catalogue))
    assert left_out(text, catalogue)["70条"] == "unnamed"


def test_requests_added_up_are_no_items(catalogue: Catalogue) -> None:
    text = "收到依申请公开线上4件,线下23件,共27件。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 27.0) in found
    assert not any(metric == "items_published" for metric, *_ in found)
