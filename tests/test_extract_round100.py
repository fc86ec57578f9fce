"""Round 100, written on blind99 after its one measure: videos published without a platform
named are short video; requests received with their noun left out; documents and information of
every kind, all of it; requests helped with for another body, a review's outcome, documents held
back and an archive's intake are not the agency's figures; a town government's own 信息网 is its
portal; a government office doing the work under its own name reports as itself; a street office
by its short name (林和街) is the same agency."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_videos_published_are_short_video(catalogue: Catalogue) -> None:
    text = "2022年全镇共计发布视频114条,主要传达中央省市县各级精神。"
    assert taken(text, catalogue) == {("items_published", "short_video", None, 114.0)}


def test_requests_received_with_their_noun_left_out(catalogue: Catalogue) -> None:
    text = "(二)依申请公开方面。2025年度收到政府信息公开21件,办结21件。"
    assert taken(text, catalogue, year=2025) == {
        ("requests_new", None, None, 21.0),
        ("requests_completed", None, None, 21.0),
    }
    # a review about disclosure is still a review
    assert taken("本年度受理政府信息公开行政复议0件。", catalogue) == {
        ("appeal_review", None, None, 0.0)
    }


def test_documents_and_information_of_every_kind_are_the_total(catalogue: Catalogue) -> None:
    assert taken("今年共公开各类文件、信息37条。", catalogue) == {
        ("items_published", None, None, 37.0)
    }


def test_figures_that_are_not_the_agencys_own(catalogue: Catalogue) -> None:
    helped = "全年共受理政府信息公开申请2宗,协助区政府办理政府信息公开申请1宗。"
    assert taken(helped, catalogue) == {("requests_new", None, None, 2.0)}
    assert left_out(helped, catalogue)["1宗"] == "other bodies' figures"
    review = "因信息公开答复被申请行政复议4件,1件结果为要求重新作出答复。"
    assert taken(review, catalogue) == {("appeal_review", None, None, 4.0)}
    held = "其中,我局共对外制发文件41件,公开发布39件,不予公开2件,公开率为95%。"
    assert taken(held, catalogue) == {("items_published", None, "documents", 39.0)}
    assert left_out(held, catalogue)["2件"] == "a kind of information, not a request's outcome"
    archive = "目前累计接收政府公开信息文件共计1640份(其中原鼓楼1272份,原下关368份)。"
    assert taken(archive, catalogue) == set()
    assert left_out(archive, catalogue)["1640份"] == "other bodies' items, gathered"


def test_a_town_governments_own_information_site_is_its_portal(catalogue: Catalogue) -> None:
    found = extract_figures(
        "2025年,通过双兴镇人民政府信息网主动公开政府信息13条。",
        catalogue,
        agency="梅河口市双兴镇",
        year=2025,
    )
    assert [(f.metric, f.channel, f.value) for f in found.facts] == [
        ("items_published", "gov_portal", 13.0)
    ]


def test_a_government_office_doing_the_work_under_its_own_name_is_the_office() -> None:
    text = (
        "本年度报告根据《条例》第五十条之规定制作。全文包括包头市人民政府办公室政府信息公开总体情况。"
        "本年度报告中所列数据的统计期限为2020年1月1日至2020年12月31日。"
        "如对本年度报告有疑问,请与包头市人民政府办公室联系。\n一、总体情况\n"
        "2020年,包头市人民政府办公室以习近平新时代中国特色社会主义思想为指导,推进我市政务公开。"
    )
    assert find_agency_year(text) == ("包头市人民政府办公室", 2020)
    # compiling the district's report from its departments', the office answers for the district
    compiled = (
        "本年度报告是罗庄区人民政府办公室按照《条例》要求,根据区政府组成部门及各街镇的2024年"
        "政府信息公开工作年度报告汇总编制。如有任何疑问,请联系罗庄区人民政府办公室(地址:开元路1号)。"
        "2024年,我区持续推进政务公开。"
    )
    assert find_agency_year(compiled)[0] == "罗庄区人民政府"


def test_a_street_office_by_its_short_name_is_the_same_agency() -> None:
    assert same_agency("天河区林和街", "天河区林和街道办事处")
    assert same_agency("佳荣里街", "佳荣里街道")
    assert not same_agency("王府井大街", "王府井大街道")


def test_the_reports_words_on_whose_it_is_are_no_part_of_the_name() -> None:
    assert find_agency_year(
        "本年度报告是罗庄区人民政府办公室按照《条例》要求编制。"
        "本报告中所列数据的统计期限为2024年1月1日至12月31日。"
    ) == ("罗庄区人民政府办公室", 2024)
