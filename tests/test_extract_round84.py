"""Round 84, written on blind72 and blind73 after their one measure: a sentence opening on another
year without a comma (2022年我镇收到…); 截至2021年度 (the year, to its end); outcomes listed after
分别为 a sentence or two after the requests; requests counted by the way they came (在线提交)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_a_sentence_on_another_year_without_its_comma(catalogue: Catalogue) -> None:
    text = (
        "(一)主动公开情况。2023年,我镇主动公开信息75条。\n"
        "(二)依申请公开情况。2022年我镇收到依申请公开申请事项0件,在规定时限内向申请人同意公开0件。"
    )
    found = extract_figures(text, catalogue, agency="沙湖镇", year=2023)
    assert {(f.metric, f.value) for f in found.facts} == {("items_published", 75.0)}
    assert {s.reason for s in found.skipped if s.number == "0件"} == {"another year"}
    # the report's own year opening without a comma stays the year's
    own = text.replace("2022年我镇", "2023年我镇")
    again = extract_figures(own, catalogue, agency="沙湖镇", year=2023)
    assert ("requests_new", 0.0) in {(f.metric, f.value) for f in again.facts}


def test_up_to_the_whole_year(catalogue: Catalogue) -> None:
    assert taken("截至2022年度,主动公开政府信息19条。", catalogue) == {
        ("items_published", None, None, 19.0)
    }
    # an earlier year's: a running total
    assert left_out("截至2020年度,主动公开政府信息19条。", catalogue)["19条"] == "cumulative"


def test_outcomes_listed_after_fenbiewei(catalogue: Catalogue) -> None:
    text = (
        "西城区财政局2022年度共收到政府信息公开申请723件,无上年结转数。申请人类型均为自然人。"
        "最终答复口径分别为:5件予以公开,3件部分公开,715件本机关不掌握相关政府信息。"
    )
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 723.0),
        ("requests_disclosed", None, None, 5.0),
        ("requests_partial", None, None, 3.0),
        ("requests_unavailable", None, None, 715.0),
    }


def test_requests_by_the_way_they_came_are_no_items(catalogue: Catalogue) -> None:
    text = "全年累计受理依申请公开13件,其中通过县政府网站在线提交10件,信函申请3件。"
    assert taken(text, catalogue) == {("requests_new", None, None, 13.0)}
    # a list of channels' items after 其中 is still read
    items = "2022年共发布信息6070条,其中,局官网发布信息764条,微信公众号2841条,微博2465条。"
    assert ("items_published", "wechat", None, 2841.0) in taken(items, catalogue)
