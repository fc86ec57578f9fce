"""Round 115, on blind109 after its one measure: an outcome told by 办理结果为 is no request
handled (办理结果为予以公开的申请5条), and it counts requests by the word right before its count
even in 条; a state farm and an industrial zone are bodies of their own (蒋湖农场, 莘庄工业区:
no government of a district called 工业区)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_an_outcome_told_by_its_handling(catalogue: Catalogue) -> None:
    text = (
        "2024年度我街共计收到13条依申请公开政府信息。以上申请全部受理,"
        "办理结果为予以公开的申请5条,本机关不掌握相关政府信息的申请3条。"
    )
    assert taken(text, catalogue, year=2024) == {
        ("requests_new", None, None, 13.0),
        ("requests_disclosed", None, None, 5.0),
        ("requests_unavailable", None, None, 3.0),
    }


def test_a_state_farm_and_an_industrial_zone_are_bodies() -> None:
    contact = "如对本报告有任何疑问,请与奉新县东风垦殖场办公室联系(地址:奉新县东风路88号)。"
    assert find_agency_year(contact)[0] == "奉新县东风垦殖场"
    farm = "蒋湖农场2023年政府信息公开工作年度报告\n本报告的电子版可在天门市人民政府门户网站下载。"
    assert find_agency_year(farm) == ("天门市蒋湖农场", 2023)
    zone = "2024年莘庄工业区认真贯彻《条例》,推进政务公开。"
    assert find_agency_year(zone) == ("莘庄工业区", 2024)
