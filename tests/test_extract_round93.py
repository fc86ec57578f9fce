"""Round 93, written on blind92–93 after their one measure: the press's adoptions as media
reports, the rest of the items (其余信息), deputies' proposals counted, disclosure meetings held,
the catalogue's system beside a site, a field's own information system, a span from the year's
first day to now, a body's sub-site on the government's portal, review decisions published, cases
that are no requests, 约为 before a number, the ways listed before 等各类专栏, a justice bureau's
site by its name, and a document named in title marks before the interpretations' count."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


def test_the_press_adopting_items_is_media_reports(catalogue: Catalogue) -> None:
    assert taken("本年度被各类媒体录用信息18篇。", catalogue) == {
        ("media_reports", "news_media", None, 18.0)
    }
    assert taken("全年向市政府报送信息50条,被人民日报、新华社等媒体采用12篇。", catalogue) == {
        ("info_submitted", None, None, 50.0),
        ("media_reports", "news_media", None, 12.0),
    }
    # sites adopting information sent up stay adopted information
    assert taken("审计署、省审计厅网站及其微信公众号采用信息138篇。", catalogue) == {
        ("info_adopted", None, None, 138.0)
    }
    # (…被二类媒体采用(新华网用稿1篇: one paper's use, in brackets after the level)
    told = "其中9篇被二类媒体采用(新华网用稿1篇、人民网用稿1篇)。"
    assert taken(told, catalogue) == set()


def test_the_rest_of_the_items_is_a_part(catalogue: Catalogue) -> None:
    text = "公开预警发布、人事任免、意见征求等其余信息29项。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["29项"] == "part (one kind of item)"


def test_proposals_published_are_not_items(catalogue: Catalogue) -> None:
    text = "依托区建议提案办理系统,同步公开115件人大代表建议和106件政协委员提案内容和办理结果。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["115件"] == "counts what follows it"
    # items counted in 件 with no such noun after them stay items
    assert taken("年内公开规范性文件2件,其他信息40件。", catalogue) == {
        ("items_published", None, "documents", 2.0)
    }


def test_disclosure_meetings_held(catalogue: Catalogue) -> None:
    assert taken("本年度共开展了14次政务公开工作会议。", catalogue) == {
        ("meetings", None, None, 14.0)
    }
    assert taken("我局共组织2次政府信息公开会议。", catalogue) == {("meetings", None, None, 2.0)}
    # (a training held is no meeting)
    assert taken("全年开展3次政务公开业务培训。", catalogue) == set()


def test_a_site_and_the_catalogues_system_are_two_ways(catalogue: Catalogue) -> None:
    text = "通过门户网站、市政府信息公开目录系统主动公开信息1459条,其中年度报告1条。"
    assert taken(text, catalogue) == {("items_published", None, None, 1459.0)}


def test_a_fields_own_information_system_is_no_channel(catalogue: Catalogue) -> None:
    text = "在重庆市地质灾害综合防治信息系统中发布信息11条,其中黄色5条,蓝色6条。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["11条"] == "doubtful channel"
    # beside a site it is one more way: the total
    listed = "依托区政府网站、国家企业信用信息系统、“渝快办”主动公开各类信息432条。"
    assert taken(listed, catalogue) == {("items_published", None, None, 432.0)}


def test_from_the_years_first_day_to_now_is_the_years(catalogue: Catalogue) -> None:
    text = "2022年1月1日起至今,政府信息公开网站主动公开政务信息87条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 87.0)}
    # from an earlier year's day, a running total
    earlier = "自2019年1月1日起至今,政府信息公开网站主动公开政务信息870条。"
    assert taken(earlier, catalogue) == set()
    assert left_out(earlier, catalogue)["870条"] == "cumulative"
    assert left_out("公众号开通以来,至今共发送信息1265条。", catalogue)["1265条"] == "cumulative"


def test_a_sub_site_on_the_governments_portal_is_the_portals(catalogue: Catalogue) -> None:
    text = "街道通过区政府门户网站大石街道子站点主动公开政府信息142条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 142.0)}
    assert taken("我委通过璧山区人民政府网站子站发布信息138条。", catalogue) == {
        ("items_published", "gov_portal", None, 138.0)
    }
    # the body's own sub-site stays its own
    assert taken("通过本局子网站主动公开信息9321条。", catalogue) == {
        ("items_published", "dept_site", None, 9321.0)
    }


def test_review_decisions_published_are_not_review_cases(catalogue: Catalogue) -> None:
    text = "主动公开典型行政复议案件决定书34件,主动接受社会各界监督。"
    assert taken(text, catalogue) == set()
    assert taken("本年度发生行政复议案件2件。", catalogue) == {("appeal_review", None, None, 2.0)}


def test_cases_completed_are_not_requests(catalogue: Catalogue) -> None:
    text = "2022年共受理法律援助案件283件,已办结210件,案卷质量考核合格率为100%。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["210件"] == "not requests for information"
    # requests called cases stay requests
    told = "2022年依法受理依申请公开案件31件,21件已按规定在法定期限内予以办结,10件结转下年答复。"
    assert taken(told, catalogue) == {
        ("requests_new", None, None, 31.0),
        ("requests_completed", None, None, 21.0),
    }


def test_yue_wei_before_a_number_is_about(catalogue: Catalogue) -> None:
    found = extract_figures(
        "我局2022年全年主动公开政府信息约为103条。", catalogue, agency="某局", year=2022
    )
    assert [(f.metric, f.value, f.qualifier) for f in found.facts] == [
        ("items_published", 103.0, Qualifier.APPROX)
    ]


def test_the_ways_listed_before_every_kind_of_column_are_all_of_them(catalogue: Catalogue) -> None:
    text = (
        "巴音门克街道通过东胜区人民政府门户网站、微信公众号等各类专栏发布通知公告、工作动态、"
        "民生实事、专题专栏等共627条。"
    )
    assert taken(text, catalogue) == {("items_published", None, None, 627.0)}
    # a topic's column stays a part
    assert left_out("工程招投标领域专栏发布信息13条。", catalogue)["13条"] == "part of a channel"


def test_a_justice_bureaus_site_by_its_fields_name(catalogue: Catalogue) -> None:
    text = "全年厦门司法行政网主动公开信息2648条。"
    assert taken(text, catalogue, agency="厦门市司法局") == {
        ("items_published", "dept_site", None, 2648.0)
    }


def test_a_document_named_before_the_interpretations_count(catalogue: Catalogue) -> None:
    assert taken("通过文字、视频等形式,解读《厦门市行政调解规定》等政策文件3份。", catalogue) == {
        ("interpretations", None, None, 3.0)
    }
    text = "发布《浙江省安全生产行政处罚自由裁量适用细则(试行)》等12个文件解读。"
    assert taken(text, catalogue) == {("interpretations", None, None, 12.0)}


def test_two_sites_listed_are_no_name() -> None:
    text = (
        "衡阳市信访局2019年政府信息公开工作年度报告\n"
        "2019年,我局通过衡阳市政府党政门户网和市信访局官网主动公开政府信息130余条。"
    )
    assert find_agency_year(text)[0] == "衡阳市信访局"
    told = "2019年,我局通过衡阳市政府党政门户网和市信访局官网主动公开政府信息130余条。"
    assert find_agency_year(told)[0] == "衡阳市信访局"


def test_a_government_named_only_in_a_cited_title_is_not_a_bureaus_body() -> None:
    text = (
        "一、总体情况\n2019年,我局政府信息公开工作严格按照《中华人民共和国政府信息公开条例》和"
        "《咸宁市人民政府信息公开指南》要求,进一步加强信息公开工作领导。"
    )
    assert find_agency_year(text)[0] is None
    # a government's own report citing its guide stays the government's
    own = (
        "咸宁市人民政府2019年政府信息公开工作年度报告\n2019年,市政府按照《咸宁市人民政府信息"
        "公开指南》要求,加强信息公开工作。"
    )
    assert find_agency_year(own)[0] == "咸宁市人民政府"


def test_a_peoples_organisation_by_its_short_name_and_a_business_zone() -> None:
    assert find_agency_year("特向社会公布2021年雨山区残联信息公开工作年度报告。")[0] == (
        "雨山区残疾人联合会"
    )
    # a business zone is no place with a people's government
    assert find_agency_year("现公布永嘉三江商务区2014年政府信息公开工作年度报告。")[0] == (
        "永嘉三江商务区"
    )
