"""Round 116, on blind110 after its one measure: a college's report of its school year
(广西师范大学2022~2023学年度信息公开工作报告; 统计时间为2022年9月1日至2023年8月31日) is of
the year the school year ends, and a college's own office that compiles it is no body of its
own; 主动公开类信息 is every kind that went out, and 政策文件及政务信息 one kind with all the
rest; an account named after its site in quotes (“中国兴化政府网”微信公众号) is the account; a
hotline's cases of the kind 建议类 do not make its satisfaction rate a rate of several kinds;
the requests a year answered (2025年回复36件) are those completed."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken


def test_a_colleges_school_year() -> None:
    titled = (
        "广西师范大学2022~2023学年度信息公开工作报告\n根据《高等学校信息公开办法》,"
        "结合学校实际情况,形成工作报告。"
    )
    assert find_agency_year(titled) == ("广西师范大学", 2023)
    dashed = "西京学院2021—2022学年信息公开工作报告\n发布日期:2022-11-23"
    assert find_agency_year(dashed) == ("西京学院", 2022)
    compiled = (
        "本报告根据《高等学校信息公开办法》要求,由梧州学院院长办公室编制。"
        "数据统计时间为2022年9月1日至2023年8月31日。"
    )
    assert find_agency_year(compiled) == ("梧州学院", 2023)
    months = "本报告由梧州学院编制。统计时段为2022年9月至2023年8月。"
    assert find_agency_year(months) == ("梧州学院", 2023)


def test_every_kind_published_and_one_kind_with_the_rest(catalogue: Catalogue) -> None:
    every = "2022年度乌恰镇人民政府通过政府网站主动公开类信息9条。"
    assert taken(every, catalogue) == {("items_published", "gov_portal", None, 9.0)}
    with_the_rest = "2022年我镇在政府信息公开网站主动公开政策文件及政务信息183条。"
    assert taken(with_the_rest, catalogue) == {("items_published", "gov_portal", None, 183.0)}
    # (公开类信息77条 after a total, and 会议公开类信息: one kind, left out as before)
    kinds = (
        "2022年全区主动公开政府信息1396条,概况类信息3条,公开类信息77条。全年会议公开类信息321条。"
    )
    assert taken(kinds, catalogue) == {("items_published", None, None, 1396.0)}


def test_an_account_named_after_its_site(catalogue: Catalogue) -> None:
    text = (
        "2022年公开各领域政府信息6000余条。"
        "2022年,“中国兴化政府网”微信公众号发布各类政务信息700余条。"
    )
    assert taken(text, catalogue) == {
        ("items_published", None, None, 6000.0),
        ("items_published", "wechat", None, 700.0),
    }


def test_a_hotlines_satisfaction_after_its_kinds_of_case(catalogue: Catalogue) -> None:
    text = (
        "12345服务热线全年共接电子工单35933件,其中咨询类7542件,建议类446件,"
        "投诉类918件,按期回复率100%,满意率96%。"
    )
    assert ("hotline_satisfaction_rate", "hotline_12345", None, 96.0) in taken(text, catalogue)


def test_the_requests_a_year_answered(catalogue: Catalogue) -> None:
    text = (
        "2022年,区人民政府办公室共接收政府信息公开申请共计40件,"
        "2022年回复36件,结转下年度继续办理4件。"
    )
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 40.0),
        ("requests_completed", None, None, 36.0),
    }
