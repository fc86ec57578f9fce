"""Round 54, written on blind41 after it was measured, each rule checked on all sets: a page in
Taiwan's wording (入口網站, 規範性檔案), requests other bodies handled at the agency's urging,
copies sent to reading rooms, requests counted in 人次, 主动公示 as publishing, 依申请公开受理数量,
a street office's or a government's own documents beside documents with their interpretations,
上百 and 近千, a count of requests whose carried-over part is none, a title with 关于 before its
year and 林管局. Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_page_in_taiwans_wording_is_read_as_the_mainlands(catalogue: Catalogue) -> None:
    text = "2022年，無錫市司法局入口網站主動公開信息432條。"
    assert taken(text, catalogue, "无锡市司法局") == {("items_published", "dept_site", None, 432)}
    text = "2022年，通過區政府入口網站主動公開信息120條，其中規範性檔案6件。"
    assert taken(text, catalogue, "某区司法局") >= {
        ("items_published", "gov_portal", None, 120),
        ("items_published", None, "documents", 6),
    }
    # without Taiwan's wording, 檔案 is archives: no documents
    text = "2022年，主動公開信息120條，其中規範性檔案6件。"
    assert taken(text, catalogue, "某区档案局") == {("items_published", None, None, 120)}
    assert left_out(text, catalogue)["6件"] == "unnamed"


def test_requests_other_bodies_handled_at_the_agencys_urging_are_theirs(
    catalogue: Catalogue,
) -> None:
    text = "2022年，督促各单位办理依申请公开件64件，均在法定期限内办结。"
    assert taken(text, catalogue, "安化县人民政府办公室") == set()
    assert left_out(text, catalogue)["64件"] == "other bodies' figures"
    text = "2022年，共办理依申请公开件64件，均在法定期限内办结。"
    assert taken(text, catalogue, "安化县人民政府办公室") == {
        ("requests_completed", None, None, 64)
    }


def test_copies_for_the_reading_rooms_are_no_information_sent_up(catalogue: Catalogue) -> None:
    text = "2022年，向图书馆、档案馆等查阅场所报送信息12条。"
    assert taken(text, catalogue, "峄山镇") == set()
    assert left_out(text, catalogue)["12条"] == "sent to reading rooms"
    text = "2022年，向区政府报送信息78篇。"
    assert taken(text, catalogue, "峄山镇") == {("info_submitted", None, None, 78)}


def test_requests_counted_by_the_people_who_made_them(catalogue: Catalogue) -> None:
    text = "2015年，收到公众来信申请政府信息公开1人次。"
    assert taken(text, catalogue, "诸暨市民政局") == {("requests_new", None, None, 1)}
    # (人次 of a hotline's calls stays the hotline's)
    text = "2015年，12345热线受理来电1200人次。"
    assert taken(text, catalogue, "诸暨市民政局") == {
        ("hotline_received", "hotline_12345", None, 1200)
    }


def test_proactive_posting_publishes_and_its_list_of_channels_follows(
    catalogue: Catalogue,
) -> None:
    text = "2024年，我局共主动公示84条信息，其中通过区政府门户网站20条、襄城就业微信公众号24条。"
    assert taken(text, catalogue, "襄城区人力资源和社会保障局") == {
        ("items_published", None, None, 84),
        ("items_published", "gov_portal", None, 20),
        ("items_published", "wechat", None, 24),
    }
    # 公示 alone names a kind of item (行政执法公示)
    text = "2024年，行政执法公示信息84条。"
    assert taken(text, catalogue, "襄城区人力资源和社会保障局") == set()


def test_requests_counted_by_the_verb_they_were_received_with(catalogue: Catalogue) -> None:
    text = "2025年，涡南镇未收到政府信息公开申请，依申请公开受理数量为0件。"
    assert taken(text, catalogue, "涡南镇") == {("requests_new", None, None, 0)}
    text = "2025年，依申请公开办结数量为3件。"
    assert taken(text, catalogue, "涡南镇") == {("requests_completed", None, None, 3)}


def test_own_documents_beside_documents_with_their_interpretations(catalogue: Catalogue) -> None:
    text = (
        "全年累计发布政府信息903条，具体分类如下：本级政府文件2条、政策文件及解读1条、"
        "政府会议信息7条。"
    )
    assert ("items_published", None, "documents", 2) in taken(text, catalogue, "涡南镇")
    text = "街道通过网站主动公开政府信息共275条，其中工作动态110条，通知公告72条，街道文件49条。"
    assert ("items_published", None, "documents", 49) in taken(text, catalogue, "千泉街道")
    # two kinds of document each with its count: neither is the documents
    text = "全年累计发布政府信息903条，具体分类如下：本级政府文件2条、部门文件5条。"
    assert taken(text, catalogue, "涡南镇") == {("items_published", None, None, 903)}
    assert left_out(text, catalogue)["2条"] == "unnamed"


def test_a_hundred_or_more_and_nearly_a_thousand(catalogue: Catalogue) -> None:
    from dashboard.extract.figures import extract_figures

    facts = extract_figures(
        "2017年，全镇向市政府网站报送信息213条，新郑市政府网站采用上百条。",
        catalogue,
        agency="和庄镇",
        year=2017,
    ).facts
    adopted = [f for f in facts if f.metric == "info_adopted"]
    assert [(f.value, str(f.qualifier), f.as_written) for f in adopted] == [
        (100.0, "at_least", "上百条")
    ]
    facts = extract_figures(
        "2019年主动公开政府信息近千条。", catalogue, agency="某局", year=2019
    ).facts
    assert [(f.value, str(f.qualifier)) for f in facts] == [(1000.0, "approx")]
    # 百 alone, with no 上 or 近 before it, is no number
    assert taken("2019年主动公开政府信息百条。", catalogue, "某局") == set()


def test_requests_received_with_none_carried_over_are_the_new_ones(catalogue: Catalogue) -> None:
    text = "2024年共受理依申请公开案件25件，其中上年度结转案件0件。"
    assert taken(text, catalogue, "徐泾镇") == {("requests_new", None, None, 25)}
    text = "2024年共受理依申请公开案件25件，其中上年度结转案件2件。"
    assert taken(text, catalogue, "徐泾镇") == set()
    assert left_out(text, catalogue)["25件"] == "with requests carried over"


def test_a_title_with_guanyu_before_its_year_and_a_forestry_bureau_short() -> None:
    text = (
        "上海市宝山区大场镇人民政府\n关于2025年政府信息公开工作年度报告\n"
        "如对本报告有疑问，请与宝山区人民政府办公室联系。"
    )
    assert find_agency_year(text) == ("上海市宝山区大场镇", 2025)
    text = "延边州林管局2015年政府信息公开工作年度报告\n"
    assert find_agency_year(text) == ("延边州林业管理局", 2015)
