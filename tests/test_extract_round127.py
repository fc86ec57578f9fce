"""Round 127, on blind118 after its one measure: requests counted after a clause on the work of
answering them (依法依规做好政府信息依申请公开工作,全年共受理48件), and the agency of a town's
report that names itself only by 我乡 and its column on its district's site."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_requests_counted_after_a_clause_on_the_work(catalogue: Catalogue) -> None:
    text = (
        "依法依规做好政府信息依申请公开工作,全年共受理48件,办结48件,"
        "因政府信息公开工作引起的行政诉讼27件。"
    )
    found = taken(text, catalogue, year=2021)
    assert ("requests_new", None, None, 48.0) in found
    assert ("requests_completed", None, None, 48.0) in found
    # (a clause on other work names no requests)
    other = "依法依规做好12345热线工作,全年共受理48件,办结48件。"
    assert ("requests_new", None, None, 48.0) not in taken(other, catalogue, year=2021)


def test_a_town_named_by_its_column_on_its_districts_site() -> None:
    text = (
        "一、总体情况\n(一)主动公开情况。2024年,我乡公开政府信息共30条,其中通过重庆市武隆区人民"
        "政府网站浩口乡专栏公开政府信息26条;通过政务公开专区公开4条。\n(二)依申请公开情况。"
        "2024年,我乡未收到政府信息公开申请。"
    )
    assert find_agency_year(text)[0] == "重庆市武隆区浩口乡"
    # (a street office speaking of a town's column names no street office)
    street = text.replace("我乡", "我街道")
    assert find_agency_year(street)[0] != "重庆市武隆区浩口乡"
