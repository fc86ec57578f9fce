"""Round 70, written on blind55 after it was measured once (each rule checked on all 60 sets):
the interpretations counted before their name with the forms said first (51份多元形式政策解读
产品); ways said many (等多元途径) are the ways listed; the people's matters (民生事项, 诉求,
工单) are no requests for information unless the words name the requests. The texts are
excerpts of blind55's reports (广州市南沙区人民政府 2024, 张家川县龙山镇 2024, 通渭县人民政府
2023) and of blind30 (鞍山市民政局 2025)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_interpretations_counted_before_their_forms_and_name(catalogue: Catalogue) -> None:
    text = "制作发布51份多元形式政策解读产品,包含19期视频。"
    assert ("interpretations", None, None, 51.0) in taken(text, catalogue)


def test_ways_said_many_are_the_ways_listed(catalogue: Catalogue) -> None:
    text = "通过张家川县政府网站、龙山镇政务公开子站等多元途径,对外发布政府信息99条。"
    assert ("items_published", None, None, 99.0) in taken(text, catalogue)


def test_the_peoples_matters_are_no_requests(catalogue: Catalogue) -> None:
    assert not taken("办结民生平台民生事项5563件。", catalogue)
    asked = taken("本单位接到依申请公开方面的诉求3件。", catalogue)
    assert ("requests_new", None, None, 3.0) in asked
