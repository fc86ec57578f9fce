"""Round 131, on the statutory tables of all 127 sets: a row of table 三 whose one figure is
all a crawler kept of it (本年新收…数量, blank cells, then 0) is the row's 总计 — a part filled
would have made the 总计 a second figure."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from tests.extract_cases import taken

_HEADER = (
    "三、收到和处理政府信息公开申请情况\n\n"
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n\n"
    "申请人情况\n\n自然人\n\n法人或其他组织\n\n总计\n\n"
    "商业企业\n\n科研机构\n\n社会公益组织\n\n法律服务机构\n\n其他\n\n"
)


def test_a_rows_one_figure_is_its_total(catalogue: Catalogue) -> None:
    text = (
        _HEADER + "一、本年新收政府信息公开申请数量\n\n\n\n\n\n\n\n3\n\n"
        "二、上年结转政府信息公开申请数量\n\n\n\n\n\n\n\n 0\n\n"
        "三、本年度办理结果\n\n(一)予以公开\n\n\n\n\n\n\n\n2\n\n"
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)\n\n\n\n\n\n\n\n1\n\n"
        "(三)不予公开\n\n\n\n\n\n\n\n0\n\n"
    )
    facts = taken(text, catalogue, agency="舟山市政务服务办公室", year=2020)
    assert ("requests_new", None, None, 3.0) in facts
    assert ("requests_disclosed", None, None, 2.0) in facts
    assert ("requests_partial", None, None, 1.0) in facts
    # (the text's last row may be a page cut off inside it: its one figure is left)
    assert ("requests_refused", None, None, 0.0) not in facts
    # (told by the row's shape, not written under its column: flagged for review)
    found = extract_figures(text, catalogue, agency="舟山市政务服务办公室", year=2020)
    new = next(f for f in found.facts if f.metric == "requests_new")
    assert new.confidence < 0.8


def test_a_row_with_parts_and_no_total_stays_uncertain(catalogue: Catalogue) -> None:
    # (5 and 2: two parts, or a part and the 总计 — their sum is not the last, so no column)
    text = (
        _HEADER + "一、本年新收政府信息公开申请数量\n\n5\n\n2\n\n\n\n\n\n\n\n"
        "二、上年结转政府信息公开申请数量\n\n0\n\n三、本年度办理结果\n\n"
    )
    facts = taken(text, catalogue, year=2020)
    assert not any(metric == "requests_new" for metric, *_ in facts)
