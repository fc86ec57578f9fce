"""Round 103, on the numbers no rule named over all 107 sets: the requests there were, counted
before their name (有1件依申请公开信息, 共有0例依申请公开, 发生1起依申请公开…); and on blind103
after its one measure: a government by its short name (马鞍山市政府) is spelt out."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_requests_there_were_counted_before_their_name(catalogue: Catalogue) -> None:
    for text, value in (
        ("2022年度有1件依申请公开信息,已按时答复。", 1.0),
        ("截止12月底,共有0例依申请公开。", 0.0),
        ("本局有1项依申请公开事项。", 1.0),
        ("2022年,我镇发生1起依申请公开政府信息情况。", 1.0),
    ):
        assert taken(text, catalogue) == {("requests_new", None, None, value)}, text
    # one of the requests received, after 其中: a part, not the year's count
    part = "2022年共收到申请5件,其中有1件依申请公开事项转办。"
    assert taken(part, catalogue) == {("requests_new", None, None, 5.0)}
    assert left_out(part, catalogue)["1件"] == "unnamed"


def test_a_government_by_its_short_name_is_spelt_out() -> None:
    text = "马鞍山市政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年,全市主动公开政府信息。"
    assert find_agency_year(text) == ("马鞍山市人民政府", 2019)
    # its office is the office of the government by its full name (round 105)
    office = "马鞍山市政府办公室2019年政府信息公开工作年度报告\n一、总体情况\n"
    assert find_agency_year(office) == ("马鞍山市人民政府办公室", 2019)
