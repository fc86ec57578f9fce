"""Round 125, on blind116 after its one measure: information adopted by the level above, named
between 被 and 采纳 (被上级采纳信息51条)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_information_adopted_by_the_level_above(catalogue: Catalogue) -> None:
    text = "2021年,我镇主动公开各类信息183条,其中:机关简介1条,工作动态76条,被上级采纳信息51条。"
    assert ("info_adopted", None, None, 51.0) in taken(text, catalogue, year=2021)
    # (opinions adopted from a consultation are no information adopted)
    consulted = "全年公开征求意见14条,采纳10条。"
    assert ("info_adopted", None, None, 10.0) not in taken(consulted, catalogue, year=2021)
