"""Round 128, on blind119 after its one measure: a clause opening on another year than the
report's, when the report's own clauses open with its year (…,2021年度共主动公开政府信息4条 in
2022's report), the disclosure platform by a longer name (区政府信息公开发布平台), and requests
answered in time (按期回复1件)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_clause_on_the_year_before(catalogue: Catalogue) -> None:
    text = (
        "1.主动公开信息方面,严格规范主动公开文件审发流程,做到应公开尽公开,2021年度共主动公开"
        "政府信息4条。2.依申请公开办理方面,公开权责范围内的申请,2022年度共收到0条依申请公开。"
    )
    agency = "福州市鼓楼区财政局"
    assert left_out(text, catalogue, agency=agency, year=2022)["4条"] == "another year"
    assert ("requests_new", None, None, 0.0) in taken(text, catalogue, agency=agency, year=2022)
    # (in 2021's report the same clause is the year's own)
    assert ("items_published", None, None, 4.0) in taken(
        text.replace("2022年度", "2021年度"), catalogue, agency=agency, year=2021
    )


def test_the_disclosure_platform_by_a_longer_name(catalogue: Catalogue) -> None:
    text = "2020年我局在区政府信息公开发布平台公开信息82条。"
    assert taken(text, catalogue, agency="泉州市鲤城区市场监督管理局", year=2020) == {
        ("items_published", "gov_portal", None, 82.0)
    }


def test_requests_answered_in_time(catalogue: Catalogue) -> None:
    text = "2021年我办受理依申请公开1件,按期回复1件,回复率百分之百。"
    assert ("requests_completed", None, None, 1.0) in taken(text, catalogue, year=2021)
    # (letters to the head's mailbox answered in time are no requests)
    letters = "局长信箱共接收来信24件,按期回复24件。"
    assert ("requests_completed", None, None, 24.0) not in taken(letters, catalogue, year=2021)
