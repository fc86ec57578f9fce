"""Round 83, written on the agency misses of all 76 sets: a town is not put under a prefecture
that has counties (威海市成山镇), for its towns are under its counties — the one of them the text
names, if one (荣成市成山镇); a city without counties (东莞市) keeps its towns."""

from __future__ import annotations

import pytest

from dashboard.domain.places import has_towns_directly
from dashboard.extract.agency import find_agency_year


@pytest.mark.parametrize(
    ("place", "directly"),
    [
        ("荣成市", True),
        ("凤阳县", True),
        ("东莞市", True),
        ("中山市", True),
        ("嘉峪关市", True),
        ("威海市", False),
        ("滁州市", False),
        ("上海市", False),
        ("某某市", False),
    ],
)
def test_the_divisions_towns_are_directly_under(place: str, directly: bool) -> None:
    assert has_towns_directly(place) is directly


# the shape of a town's report citing its city's rules (blind4 rc-csz-2019)
_TOWN = (
    "本年度报告由成山镇人民政府编制。如对本年度报告有疑问,请与成山镇人民政府办公室联系。\n"
    "一、概 述\n2019年,成山镇严格按照《威海市人民政府办公室关于全面推进政务公开工作的意见》要求,"
    "坚持依法行政。\n二、主动公开政府信息情况\n2019年,主动公开政府信息19条。"
)


def test_a_town_under_its_county_not_its_prefecture() -> None:
    assert find_agency_year(_TOWN) == ("成山镇", 2019)


def test_a_town_under_the_one_county_of_its_prefecture_the_text_names() -> None:
    text = _TOWN + "主动公开途径为:政府网站。荣成市以用户需求为导向,优化门户网站。"
    assert find_agency_year(text) == ("荣成市成山镇", 2019)
    # a county of another prefecture is not its county
    other = _TOWN + "我镇学习了乐清市的做法。"
    assert find_agency_year(other) == ("成山镇", 2019)


def test_a_city_without_counties_keeps_its_towns() -> None:
    text = (
        "本年度报告由大朗镇人民政府编制。\n一、总体情况\n2022年,大朗镇按照《东莞市人民政府办公室"
        "关于做好政务公开工作的通知》要求,主动公开政府信息120条。"
    )
    assert find_agency_year(text) == ("东莞市大朗镇", 2022)
