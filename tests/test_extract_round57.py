"""Round 57, written on the labelled sets' two least precise kinds (信息报送 0.60, 信息被采用 0.59):
information sent up that is one of the ways the year's items went out (a part after 其中), and
adoptions counted apart by who adopted them (省级以上媒体录用10篇，市级媒体录用52篇), neither of
them all the agency sent up or had adopted. The texts are excerpts of real reports of the sets
(盐边县发展和改革局 2021, 泰顺县民政局 2021, 定海区教育局 2019)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_information_sent_up_as_one_way_the_items_went_out_is_a_part(
    catalogue: Catalogue,
) -> None:
    text = (
        "2021年,我局共主动公开政府信息74条,其中,通过攀枝花市盐边县人民政府网站主动公开各类信息"
        "49条,通过邮箱等形式报送信息25条;"
    )
    assert not any(row[0] == "info_submitted" for row in taken(text, catalogue))
    assert left_out(text, catalogue)["25条"] == "part (其中)"
    # sent up in a sentence of its own: all the agency sent up
    alone = "2021年,我局共主动公开政府信息74条。通过邮箱等形式报送信息25条。"
    assert ("info_submitted", None, None, 25.0) in taken(alone, catalogue)


def test_adoptions_counted_apart_by_their_adopters_are_none_of_them_all(
    catalogue: Catalogue,
) -> None:
    text = (
        "通过县级及县级以上媒体渠道发布各类宣传信息110余篇,其中省级以上媒体录用10篇,市级媒体"
        "录用52篇。"
    )
    # (since round 93 the press's adoptions are media reports: each one level's of two, a part
    # of the media count before them)
    assert taken(text, catalogue) == {("media_reports", "news_media", None, 110.0)}
    assert left_out(text, catalogue)["10篇"] == "part (one level of media)"
    # a part of the adopted count after it, with its own 其中: the count stands
    told = "向区政府报送信息30篇,录用16篇,其中2篇被省委录用。"
    assert ("info_adopted", None, None, 16.0) in taken(told, catalogue)
    assert ("info_submitted", None, None, 30.0) in taken(told, catalogue)
