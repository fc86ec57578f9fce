"""Round 92, written on blind88–91 after their one measure: a topic's column on a site, the
documents' class counted by name (公文类政府信息…主动公开数, 政府规章文件类信息), every kind of
matter (各类事项), the old row 不属于本机关公开或申请信息不存在 and 属于公开范围, all the media and
platforms, a city's whole system of accounts, a name and a colon after the year, the kinds listed
before 等各类政府信息, and a first way read from the verb that opens a list; agency: the office
that guides, a verb before a level, a centre's own office, a banner of a wing by its short name."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_a_topics_column_is_a_part(catalogue: Catalogue) -> None:
    assert left_out("工程招投标领域专栏发布信息13条。", catalogue)["13条"] == "part of a channel"
    assert (
        left_out("在区政府门户网站应急管理专栏及安全生产专栏公开信息33条。", catalogue)["33条"]
        == "part of a channel"
    )
    # the disclosure column, a body's own, one it set up, or a documents column stay whole
    assert taken("通过政府门户网站政府信息公开专栏公开信息36条。", catalogue) == {
        ("items_published", "gov_portal", None, 36.0)
    }
    assert taken("在区政府网站开设的“生态环境”专栏全年共发布信息130余条。", catalogue) == {
        ("items_published", "gov_portal", None, 130.0)
    }
    assert taken("于局网站行政规范性文件专栏公开2份行政规范性文件。", catalogue) == {
        ("items_published", None, "documents", 2.0)
    }


def test_the_documents_class_counted_by_name(catalogue: Catalogue) -> None:
    text = (
        "全区公文类政府信息主动公开数为1322条,主动公开率100%;"
        "所有政府信息(包含非公文类信息)的主动公开数为4383条。"
    )
    assert taken(text, catalogue) == {
        ("items_published", None, "documents", 1322.0),
        ("items_published", None, None, 4383.0),
    }
    text = "全年公文类政府信息(不包括过程性、内部管理性文件)主动公开数4件。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 4.0)}
    text = "我委累计主动公开政府信息37条,其中政府规章文件类信息15条,行政许可信息11条。"
    assert taken(text, catalogue) == {
        ("items_published", None, None, 37.0),
        ("items_published", None, "documents", 15.0),
    }


def test_every_kind_of_matter(catalogue: Catalogue) -> None:
    assert taken("全年共主动公开各类事项191件。", catalogue) == {
        ("items_published", None, None, 191.0)
    }
    # one kind of matter stays a part
    assert taken("全年共主动公开审批事项191件。", catalogue) == set()


def test_the_old_rows_of_outcomes(catalogue: Catalogue) -> None:
    text = (
        "共受理申请144件,其中,属于公开范围的55件、不予公开的48件、"
        "不属于本行政机关公开或申请信息不存在的31件。"
    )
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 144.0),
        ("requests_disclosed", None, None, 55.0),
        ("requests_refused", None, None, 48.0),
        ("requests_unavailable", None, None, 31.0),
    }
    # 属于主动公开范围: information already published, no outcome
    text = "受理依申请公开27件,其中,属于主动公开范围1件,同意公开26件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 27.0),
        ("requests_disclosed", None, None, 26.0),
    }


def test_joined_reasons_before_2019_stay_apart(catalogue: Catalogue) -> None:
    text = "共受理申请60项,同意公开的9项,依法不属于本行政机关公开或信息不存在的51项。"
    found = extract_figures(text, catalogue, agency="某局", year=2017)
    assert {f.metric for f in found.facts} == {"requests_new", "requests_disclosed"}
    found = extract_figures(text, catalogue, agency="某局", year=2020)
    assert ("requests_unavailable", 51.0) in {(f.metric, f.value) for f in found.facts}


def test_all_media_and_platforms(catalogue: Catalogue) -> None:
    text = "全年通过各类媒体等平台累计向社会主动发布各类信息1221余条。"
    assert taken(text, catalogue) == {("items_published", None, None, 1221.0)}


def test_a_citys_whole_system_of_accounts(catalogue: Catalogue) -> None:
    text = "全市政府系统政务微信公众号发布信息47410条、订阅量达到5664865。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["47410条"] == "several accounts together"


def test_a_name_and_a_colon_after_the_year(catalogue: Catalogue) -> None:
    text = "我街道截至2022年12月31日,2022年度主动公开政府信息数:2652条,其中通过网站公开169条。"
    assert taken(text, catalogue) == {("items_published", None, None, 2652.0)}
    # a figure just before the name is still its own: the number after the colon names nothing
    assert taken("发布41条信息:2条。", catalogue) == {("items_published", None, None, 41.0)}
    assert left_out("发布41条信息:2条。", catalogue)["2条"] == "unnamed"


def test_kinds_listed_before_every_kind(catalogue: Catalogue) -> None:
    text = "我厅主动公开警务资讯、公示公告、政策解读等各类政府信息656条。"
    assert taken(text, catalogue) == {("items_published", None, None, 656.0)}


def test_the_first_way_read_from_the_verb_that_opens_the_list(catalogue: Catalogue) -> None:
    text = (
        "(一)主动公开。2022年,通过金盆网、“天眼之城平塘”微信公众号等载体主动公开发布信息23条,"
        "州级以上媒体刊发新闻稿件35条。"
    )
    assert taken(text, catalogue) == {
        ("items_published", None, None, 23.0),
        ("media_reports", "news_media", None, 35.0),
    }


def test_names_the_guiding_office_and_verbs_are_not() -> None:
    text = (
        "本年度报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。\n一、概述\n"
        "2014年在市政府信息公开办公室的正确指导下,我委(局)政府信息公开工作健康有序开展。"
    )
    assert find_agency_year(text) == (None, 2014)
    text = "2017年,县安监局主动公开政务信息共47条。及时全面的反映县安监局各阶段的工作情况。"
    assert find_agency_year(text) == (None, 2017)


def test_a_centres_own_office_and_a_winged_banner() -> None:
    text = "硚口区机关事务服务中心党政办公室2025年政府信息公开工作年度报告\n一、总体情况"
    assert find_agency_year(text) == ("硚口区机关事务服务中心", 2025)
    assert same_agency("科右中旗林业和草原局", "科尔沁右翼中旗林业和草原局")
    assert same_agency("察右后旗人民政府", "察哈尔右翼后旗人民政府")
    assert not same_agency("科右中旗林业和草原局", "科右前旗林业和草原局")
