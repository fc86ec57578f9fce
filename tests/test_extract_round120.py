"""Round 120, on blind113 after its one measure: a count after columns the body runs (办好…专栏,
not only 开设…专栏) is the columns', and the government's site for its departments' disclosure
(市政府部门公开网站) is the portal."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_count_after_the_columns_it_runs(catalogue: Catalogue) -> None:
    text = "办好“湘易办宣传”专栏和“政务公开主题日”活动专栏,共发布信息117条。"
    assert taken(text, catalogue, year=2023) == set()
    assert left_out(text, catalogue, year=2023)["117条"] == "part of a channel"
    # (with no column before it, the year's total, as before)
    plain = "2023年,共发布信息117条。"
    assert taken(plain, catalogue, year=2023) == {("items_published", None, None, 117.0)}


def test_the_governments_site_for_its_departments(catalogue: Catalogue) -> None:
    text = "截至目前,通过市政府部门公开网站主动公开政府信息95条。"
    assert taken(text, catalogue, year=2021) == {("items_published", "gov_portal", None, 95.0)}
