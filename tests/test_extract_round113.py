"""Round 113, on the figures taken before the labels' over all 112 sets: a count right before
报告 counts the report itself (…年度报告》是泰安市财政局2010年发布的一份报告), not items
published."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_count_of_the_report_itself(catalogue: Catalogue) -> None:
    text = (
        "《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告。"
        "全年共主动公开政府信息1400余条。"
    )
    assert taken(text, catalogue, year=2010) == {("items_published", None, None, 1400.0)}
    assert left_out(text, catalogue, year=2010)["一份"] == "counts what follows it"
