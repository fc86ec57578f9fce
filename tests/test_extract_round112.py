"""Round 112, on the bare-portal misses over all 112 sets: a place's portal by other words than
政府门户 (衡山县党政门户网, 青岛市政务网站) is that place's government portal, as a bare 门户网站
still is no one's it names."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_a_places_portal_by_other_words(catalogue: Catalogue) -> None:
    for text, agency, value in (
        ("2021年,我乡共在衡山县党政门户网发布各类信息40条。", "衡山县永和乡", 40.0),
        ("2021年,我室通过青岛市政务网站公开48条。", "青岛市人民政府研究室", 48.0),
    ):
        found = taken(text, catalogue, agency=agency, year=2021)
        assert found == {("items_published", "gov_portal", None, value)}, text
    # no place before it: whose portal stays open
    bare = "2021年,我局通过党政门户网公开信息48条。"
    assert left_out(bare, catalogue, year=2021)["48条"] == "doubtful channel (门户网站 of whom?)"
