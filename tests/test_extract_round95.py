"""Round 95, written on the running totals every set misses: 到2017年底累计…144条，全文电子化率达
100% is the year's (the labels, 11 to 1) — 全文电子化率 no longer stands for a year's part to come;
a year's part named by its year (其中2014年主动公开…) still makes the total before it a running
one, and so does a report saying its disclosure work began in an earlier year (2004年5月1日起本局
开始开展政府信息公开工作)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_total_to_the_years_end_is_the_years(catalogue: Catalogue) -> None:
    text = (
        "二、主动公开政府信息情况\n本地本单位到2016年底累计主动公开政府信息5条,全文电子化率达100%。"
    )
    assert taken(text, catalogue, year=2016) == {("items_published", None, None, 5.0)}
    # the same words in a later year's report are a running total
    assert left_out(text, catalogue, year=2017)["5条"] == "cumulative"


def test_a_years_part_named_by_its_year_makes_the_total_a_running_one(
    catalogue: Catalogue,
) -> None:
    text = (
        "我局在政府门户网站公开了各项政府信息,到2014年底累计共主动公开政府信息1323条,"
        "其中2014年主动公开政府信息130条,其中全文电子化率达100%。"
    )
    # (the year's part, named by its year, is the year's total: the label of the report this
    # comes from, 鹿城区发改局 2014)
    assert taken(text, catalogue, year=2014) == {("items_published", None, None, 130.0)}
    assert left_out(text, catalogue, year=2014)["1323条"] == "cumulative"
    # …but the same items said again (在2010年公开的7条信息中) leave the total the year's
    again = "截止2010年末,累计公开信息总数7条。在2010年公开的7条信息中,规范性文件类信息为7条。"
    assert taken(again, catalogue, year=2010) == {("items_published", None, None, 7.0)}


def test_disclosure_begun_in_an_earlier_year_makes_the_total_a_running_one(
    catalogue: Catalogue,
) -> None:
    total = "本局到2017年底累计主动公开政府信息401条,全文电子化率达100%。"
    earlier = "一、概述\n根据《规定》要求,2004年5月1日起本局开始开展政府信息公开工作。\n" + total
    assert left_out(earlier, catalogue, year=2017)["401条"] == "cumulative"
    # begun in the report's own year: the year's
    same = "一、概述\n根据《规定》要求,2017年1月1日起本局开始开展政府信息公开工作。\n" + total
    assert taken(same, catalogue, year=2017) == {("items_published", None, None, 401.0)}
