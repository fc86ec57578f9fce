"""Round 68, written on blind53 after it was measured once (each rule checked on all 58 sets):
a year-end date run together (截至20231231日) is the year's end; requests carried forward to a
year (结转至2023年度办理) start no running total; the departments' figures beside the body's own
(各部门发布政策文件263件) are other bodies'; a 、 after the figure before ends that item; the
outcome said by the agency's short word (8宗我办不掌握…); all kinds of news (各类动态信息) are
all items. The texts are excerpts of blind53's reports (开福区人民政府办公室 2023, 万里街道
2022, 临夏市人民政府 2023, 刚察县人民政府办公室 2023, 南山街道 2023, 宿迁市信访局 2016)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures


def _facts(text: str, catalogue: Catalogue, year: int) -> set[tuple[str, float]]:
    extraction = extract_figures(text, catalogue, agency="某局", year=year)
    return {(f.metric, f.value) for f in extraction.facts}


def test_a_year_end_run_together(catalogue: Catalogue) -> None:
    text = "截至20231231日,区人民政府办公室结合工作职能职责,主动公开信息134条。"
    assert ("items_published", 134.0) in _facts(text, catalogue, 2023)
    # another day of the year run together stays a running total's
    earlier = "截至20230630日,区人民政府办公室累计主动公开信息134条。"
    assert ("items_published", 134.0) not in _facts(earlier, catalogue, 2023)


def test_requests_carried_forward_to_a_year(catalogue: Catalogue) -> None:
    text = (
        "2022年度,万里街道共受理政府信息公开申请19件,其中18件已在法定期限内予以答复,1件结转至"
        "2023年度办理;予以公开6件;因本机关不掌握等原因无法提供10件。"
    )
    facts = _facts(text, catalogue, 2022)
    assert ("requests_disclosed", 6.0) in facts
    assert ("requests_unavailable", 10.0) in facts


def test_the_departments_figures_beside_the_bodys_own(catalogue: Catalogue) -> None:
    text = (
        "2023年全市通过政府网站主动公开政府信息10311条,发布主动公开文件12件,发布同步解读12件,"
        "各部门发布政策文件263件、政策解读607条。"
    )
    facts = _facts(text, catalogue, 2023)
    assert ("interpretations", 12.0) in facts
    assert not any(value in (263.0, 607.0) for _, value in facts)


def test_a_list_item_after_a_figure(catalogue: Catalogue) -> None:
    text = (
        "全年公开各类政府信息3050条、政务动态信息更新2944条、通知公告206条、专题专栏新增1个、"
        "解读信息发布10条。"
    )
    facts = _facts(text, catalogue, 2023)
    assert ("items_published", 3050.0) in facts
    assert ("interpretations", 10.0) in facts


def test_an_outcome_by_the_agencys_short_word(catalogue: Catalogue) -> None:
    text = "共收到申请11宗,其中1宗不予公开,8宗我办不掌握相关政府信息,2宗申请人撤回。"
    assert ("requests_unavailable", 8.0) in _facts(text, catalogue, 2023)


def test_all_kinds_of_news_are_all_items(catalogue: Catalogue) -> None:
    text = "全年共发布或更新各类动态信息174条。"
    assert ("items_published", 174.0) in _facts(text, catalogue, 2016)
