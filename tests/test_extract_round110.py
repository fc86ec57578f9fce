"""Round 110, on blind107 after its one measure and on the channel figures no label gives over
all 112 sets: a clause with no channel of its own after a 其中 list opened on the channel's
figure (…网站主动公开政府文件5件，其中人事类信息1条，其他主动公开4条, or in brackets) is a later
part of that list, not the channel's count; what was published of all the information made
(共生成60条政府信息，其中主动公开60条) is the year's total even after a sentence naming a site;
a site's 公开栏 is its column, not a notice board; no request was received when 未受理一件."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_later_item_of_a_parts_list_is_no_channels_count(catalogue: Catalogue) -> None:
    text = "我局通过区政府网站主动公开政府文件5件,其中人事类信息1条,其他主动公开4条。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 5.0)}
    assert left_out(text, catalogue)["4条"] == "part (其中)"
    in_brackets = (
        "2021年,市国资委通过三明市政府门户网主动公开政府文件6条"
        "(其中规范性文件5条,其他应主动公开的信息1条)。"
    )
    assert left_out(in_brackets, catalogue)["1条"] == "part (其中)"
    # a channel named after the 其中 keeps its own count
    named_after = (
        "全年累计主动公开各类政府信息92条,其中民生类信息占比超50%,"
        "街道微信公众号通过多种形式提升政策知晓度,发布文章461篇。"
    )
    assert ("items_published", "wechat", None, 461.0) in taken(named_after, catalogue)


def test_what_was_published_of_all_made_after_a_site_is_the_total(
    catalogue: Catalogue,
) -> None:
    text = (
        "我委主动公开的政府信息依托区政府网站专栏公开。"
        "2020年度共生成60条政府信息,其中主动公开60条。"
    )
    assert taken(text, catalogue, year=2020) == {("items_published", None, None, 60.0)}


def test_a_sites_column_is_no_notice_board(catalogue: Catalogue) -> None:
    column = "2024年在市政府网站财政局公开栏公开发布信息118件。"
    assert taken(column, catalogue, year=2024) == {("items_published", "gov_portal", None, 118.0)}
    # a site and a board, joined: two ways, the total
    both = "通过区政府网站和社区公开栏发布信息20条。"
    assert taken(both, catalogue) == {("items_published", None, None, 20.0)}


def test_not_one_request_received(catalogue: Catalogue) -> None:
    assert taken("2016年,我局未受理一件依申请公开政府信息事项。", catalogue, year=2016) == set()
    received = "2016年,我局受理一件依申请公开政府信息事项。"
    assert taken(received, catalogue, year=2016) == {("requests_new", None, None, 1.0)}
