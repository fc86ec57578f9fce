"""Round 111, on the years missed over all 112 sets: a statistics period copied from another
year's report (统计期限自2021年1月1日起 in a report whose sentences open 2022年，…) gives way to the
year the sentences tell of; and a list of kinds after a total in a sentence that opens with the
report's year (2020年1月1日至12月31日，我镇共主动公开…832条，包括：…189条) stays its parts."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_period_copied_from_last_years_report_gives_way_to_the_year_told() -> None:
    text = (
        "黔南州交通运输局2022年政府信息公开工作年度报告\n"
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
        "一、总体情况\n2022年,在州委、州政府的坚强领导下,我局扎实推进政务公开。\n"
        "(一)主动公开方面。2022年,黔南州交通运输局主动公开政府信息983条。"
    )
    assert find_agency_year(text) == ("黔南州交通运输局", 2022)
    # the period stands when a sentence opens with its year, or only one with another
    once = text.replace("(一)主动公开方面。2022年,", "(一)主动公开方面。")
    assert find_agency_year(once)[1] == 2021


def test_kinds_after_a_total_in_a_sentence_opening_with_the_year(catalogue: Catalogue) -> None:
    text = (
        "1、主动公开情况。2020年1月1日至12月31日,我镇共主动公开政府信息832条,"
        "包括:基层政务公开189条、政策文件8条、决策公开11条。"
    )
    assert ("items_published", None, None, 832.0) in taken(text, catalogue, year=2020)
    assert left_out(text, catalogue, year=2020)["189条"] == "part (其中)"
