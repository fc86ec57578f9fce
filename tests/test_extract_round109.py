"""Round 109, on blind106 after its one measure: applications for administrative review are
no disclosure requests (接到了45起行政复议申请); cases a year's disclosure led to, after 引发了;
meetings on disclosure work held by other verbs (开展…推进会3次); a place after 以 without it;
a government's bureau named short (区政府国资局, 自治区政府国资委) spelt out, its government too."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_applications_for_review_are_no_disclosure_requests(catalogue: Catalogue) -> None:
    text = (
        "2022年,因政府信息公开本局接到了45起行政复议申请。"
        "本局共收到政府信息公开申请305件,全部按规定予以答复。"
    )
    assert taken(text, catalogue) == {("requests_new", None, None, 305.0)}
    assert left_out(text, catalogue)["45起"] == "unnamed"


def test_cases_a_years_disclosure_led_to(catalogue: Catalogue) -> None:
    text = "此外,因政府信息公开还引发了3起行政诉讼。"
    assert taken(text, catalogue) == {("litigation_cases", None, None, 3.0)}
    reviews = "因政府信息公开引发了2起行政复议。"
    assert taken(reviews, catalogue) == {("appeal_review", None, None, 2.0)}


def test_meetings_on_disclosure_held_by_other_verbs(catalogue: Catalogue) -> None:
    text = "本年度开展政务公开工作推进会3次,传达上级文件精神。"
    assert taken(text, catalogue) == {("meetings", None, None, 3.0)}


def test_a_place_after_yi_and_a_governments_bureau_spelt_out() -> None:
    text = (
        "区政府国资局认真贯彻落实《条例》,以武汉市武昌区人民政府门户网站为公开主渠道。"
        "2025年公开信息5条。"
    )
    assert find_agency_year(text) == ("武汉市武昌区人民政府国有资产监督管理局", 2025)
    title = "西藏自治区政府国资委2020年政府信息公开工作年度报告"
    assert find_agency_year(title) == ("西藏自治区人民政府国有资产监督管理委员会", 2020)
