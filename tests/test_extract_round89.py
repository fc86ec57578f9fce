"""Round 89, written on blind84 and blind85 after their one measure: 发 alone after 共; a body's
disclosure column named in quotes; a bureau's documents by its name; the departments and towns
beside a government's own count; keys: a zone named after a place's stem, 供销联社 and
供销合作社联合社 one word."""

from __future__ import annotations

from dashboard.domain.agency_names import agency_key, same_agency, same_agency_placed
from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_fa_alone_after_gong(catalogue: Catalogue) -> None:
    assert taken("利用“好例坪上”微信公众号共发367条信息。", catalogue) == {
        ("items_published", "wechat", None, 367.0)
    }
    # 发放, 发生: other verbs
    assert taken("全年共发放补贴30条。", catalogue) == set()


def test_a_bodys_disclosure_column_named_in_quotes(catalogue: Catalogue) -> None:
    text = "通过秀山县政府网站海洋乡“政府信息公开”栏目主动公开政府信息130条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 130.0)}
    # one kind's column stays a part
    assert left_out("在网站“通知公告”栏目发布信息30条。", catalogue)["30条"] == "part of a channel"


def test_a_bureaus_documents_by_its_name(catalogue: Catalogue) -> None:
    text = "主动公开政府信息874条，其中财政局文件4件。"
    assert taken(text, catalogue) == {
        ("items_published", None, None, 874.0),
        ("items_published", None, "documents", 4.0),
    }


def test_the_departments_and_towns_beside_the_governments_own(catalogue: Catalogue) -> None:
    text = (
        "截至12月31日,市政府主动公开政府信息共2367条,市直各部门主动公开政府信息3666条,"
        "镇(区)主动公开政府信息2064条。"
    )
    assert taken(text, catalogue) == {("items_published", None, None, 2367.0)}
    assert left_out(text, catalogue)["3666条"] == "other bodies' figures"
    assert left_out(text, catalogue)["2064条"] == "other bodies' figures"


def test_a_zone_named_after_a_places_stem() -> None:
    # 湖滨 is the stem of 湖滨区 (三门峡), but 湖滨新区 is 宿迁's zone
    assert agency_key("湖滨新区财政局") == "湖滨新区财政局"
    assert same_agency_placed("湖滨新区财政局", "宿迁市湖滨新区财政局")
    # a bureau's place without its level still takes the one division's level
    assert agency_key("荆门司法局") == "荆门市司法局"


def test_gongxiao_lianshe_one_word_in_keys() -> None:
    assert same_agency("高安市供销联社", "高安市供销合作社联合社")
    assert not same_agency("高安市供销联社", "高安市供销合作社")
