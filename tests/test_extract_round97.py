"""Round 97, written on blind96 after its one measure: the year's total number (信息总数) is the
total whatever site the clauses before named; documents reviewed and held back are no request's
outcome; the press reposting items counts as media reports, the agency's own new media doing so
does not; the press has no followers; the bodies above's documents are theirs."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency, same_agency_placed
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_years_total_number_is_the_total_after_a_site_named_before(
    catalogue: Catalogue,
) -> None:
    text = (
        "要求本着规范、及时、便民的原则,通过政府公众信息网站,常年公开、定期公开与随时公开相结合,"
        "全年主动公开政府信息总数92条,通过不同渠道和方式开展政策解读10次。"
    )
    assert taken(text, catalogue, year=2021) == {
        ("items_published", None, None, 92.0),
        ("interpretations", None, None, 10.0),
    }


def test_documents_reviewed_and_held_back_are_no_requests_outcome(catalogue: Catalogue) -> None:
    text = "2021年共收到审核公文117件,不予公开18件,依申请公开16件,主动公开83件。"
    assert taken(text, catalogue, year=2021) == {("items_published", None, None, 83.0)}
    assert (
        left_out(text, catalogue, year=2021)["18件"]
        == "a kind of information, not a request's outcome"
    )


def test_the_press_reposting_is_media_reports_and_has_no_followers(catalogue: Catalogue) -> None:
    text = (
        "切实做好“崔黄口时讯”等政务新媒体运维工作。2022年,累计发布公众号文章1871篇,"
        "其中原创文章352篇,被区级媒体转载62篇,粉丝量达到8712人。"
    )
    assert taken(text, catalogue, year=2022) == {
        ("items_published", "wechat", None, 1871.0),
        ("media_reports", "news_media", None, 62.0),
        ("followers", "wechat", None, 8712.0),
    }
    # the agency's own new media reposting: not the press
    own = "在各类政务新媒体上转载发布信息6300多条。"
    assert taken(own, catalogue, year=2021) == set()
    # an account of its own named after a ；: no account of the sentence before
    other = (
        "微信公众号“湛江市公共法律服务”关注量116516人,被中央、省级媒体报道或转发61次;"
        "南方号“湛江司法行政”关注量17672人,发稿量124篇。"
    )
    assert taken(other, catalogue, year=2025) == {("followers", "wechat", None, 116516.0)}


def test_the_documents_of_the_bodies_above_are_theirs(catalogue: Catalogue) -> None:
    text = "我局2021年公开或更新政策法规和上级部门文件7件。"
    assert taken(text, catalogue, year=2021) == set()
    assert left_out(text, catalogue, year=2021)["7件"] == "other bodies' figures"


def test_banners_and_counties_of_a_wing_or_a_side_by_their_short_names() -> None:
    # (measured on blind95 and blind80: written after their one measure)
    assert same_agency("喀左县工业和信息化局", "喀喇沁左翼蒙古族自治县工业和信息化局")
    assert same_agency("阿右旗阿拉腾敖包镇", "阿拉善右旗阿拉腾敖包镇")
    assert same_agency_placed("阿拉善盟阿拉善左旗民政局", "阿左旗民政局")
    # a higher place before the banner is no part of its short name
    assert same_agency("兴安盟科尔沁右翼中旗民政局", "兴安盟科右中旗民政局")
    assert same_agency_placed("兴安盟科尔沁右翼中旗民政局", "科右中旗民政局")
    # the two sides stay two banners
    assert not same_agency("阿拉善左旗民政局", "阿拉善右旗民政局")


def test_a_ministry_named_only_in_the_title_of_rules_a_bureau_cites_is_not_its_body() -> None:
    cited = (
        "根据《中华人民共和国政府信息公开条例》、《生态环境部政府信息公开实施办法》等规定要求,"
        "结合市生态环境局工作情况,特向社会公布2019年本级政府(机关)信息公开年度报告。"
    )
    assert find_agency_year(cited) == (None, 2019)
    # a bureau named only in its own guide's title is still its report's body
    own = "2023年,我局按照《广州市体育局政府信息公开指南》做好依申请公开工作。"
    assert find_agency_year(own)[0] == "广州市体育局"


def test_a_prefectures_body_by_its_level_word_alone_has_no_place() -> None:
    # (as 市科技局: the editor is asked for the place)
    assert (
        find_agency_year("本年度报告由自治州科技局编制。2024年,自治州科技局主动公开信息44条。")[0]
        is None
    )
    assert find_agency_year("2022年,州商务局门户网站发布信息323条。")[0] is None
    # the prefecture named: its body
    titled = "博尔塔拉蒙古自治州科学技术局2024年政府信息公开工作年度报告\n由自治州科技局编制。"
    assert find_agency_year(titled)[0] == "博尔塔拉蒙古自治州科学技术局"
