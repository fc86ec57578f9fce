"""Round 91, written on blind86 and blind87 after their one measure: requests answered after
being handled (已处理回复), 累计 right after the report year, the 12345 line named in the
figure's own words beside another line, a site and a platform or a quoted platform listed
together, and requests that came online only."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_answered_after_handled(catalogue: Catalogue) -> None:
    text = "2022年,共收到和处理政府信息公开申请7条,已处理回复7条。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 7.0),
        ("requests_completed", None, None, 7.0),
    }


def test_cumulative_right_after_the_report_year(catalogue: Catalogue) -> None:
    assert taken("2022年累计公开信息达265条,主动公开内容涵盖多个类别。", catalogue) == {
        ("items_published", None, None, 265.0)
    }
    # another year, or a year's end with an earlier start, stays a running total
    assert left_out("2021年累计公开信息达265条。", catalogue)["265条"] == "cumulative"
    assert left_out("截至2022年底累计公开信息达265条。", catalogue)["265条"] == "cumulative"


def test_the_12345_line_named_in_its_own_words(catalogue: Catalogue) -> None:
    text = (
        "通过12348法律服务专线解答15.1万人次,办理12345政务服务热线来电事项1245件次,"
        "办理政府信箱事项460件次。"
    )
    assert taken(text, catalogue) == {("hotline_received", "hotline_12345", None, 1245.0)}
    # both lines in the figure's own words: the catalogue has no channel for them together
    assert (
        left_out("办理12345和12348热线来电1245件次。", catalogue)["1245件次"]
        == "a hotline the catalogue has no channel for"
    )


def test_a_site_and_platforms_listed_together(catalogue: Catalogue) -> None:
    text = "依托区政府网站、国家企业信用信息系统、“渝快办”主动公开各类信息432条。"
    assert taken(text, catalogue) == {("items_published", None, None, 432.0)}
    assert taken("依托区政府网站、“渝快办”主动公开各类信息432条。", catalogue) == {
        ("items_published", None, None, 432.0)
    }
    # a column named in quotes on the site is still the site's
    assert taken("在区政府网站“政务公开”栏目主动公开各类信息43条。", catalogue) == {
        ("items_published", "gov_portal", None, 43.0)
    }


def test_requests_that_came_online_only(catalogue: Catalogue) -> None:
    assert (
        left_out("2022年,淮北市气象局共收到网上依申请公开1件。", catalogue)["1件"]
        == "part (by how requests came)"
    )
    assert (
        left_out("我局受理网上政府信息公开申请2件,不予公开1件。", catalogue)["2件"]
        == "part (by how requests came)"
    )
    # all of them, broken down after; or the ways listed; or the one way of all
    assert taken("我局共收到政府信息公开网络申请14件,其中自然人申请14件。", catalogue) == {
        ("requests_new", None, None, 14.0)
    }
    assert taken("2022年通过信函、网络等渠道收到依申请公开23件。", catalogue) == {
        ("requests_new", None, None, 23.0)
    }
    assert taken("我局通过网络共受理信息公开申请1件。", catalogue) == {
        ("requests_new", None, None, 1.0)
    }
