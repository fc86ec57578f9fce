"""Round 69, written on blind54 after it was measured once (each rule checked on all 59 sets):
outcomes counted first in a 、 list (13件予以公开、18件予以部分公开、9件无法提供) are each read by
the words after them; a site and a way no channel is named for, listed 等方式, give the total;
an aside inside the words (区政府(含区政府办公室)信息) is no kind of item. The texts are excerpts
of blind54's reports (泸州市江阳区人民政府办公室 2023, 合阳县人民政府 2023, 重庆市沙坪坝区人民
政府办公室 2022)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_outcomes_counted_first_in_a_list(catalogue: Catalogue) -> None:
    text = (
        "2023年区政府办公室新受理政府信息公开申请42件,全年办结40件。已办结的40件政府信息公开申请"
        "中,13件予以公开、18件予以部分公开、9件无法提供。"
    )
    rows = taken(text, catalogue)
    assert ("requests_partial", None, None, 18.0) in rows
    assert ("requests_unavailable", None, None, 9.0) in rows
    # counts before nouns that are no rule's stay out
    kinds = taken("共发布41条信息：2条政策解读、5条工作动态。", catalogue)
    assert not any(row[3] == 5.0 for row in kinds)


def test_a_site_and_another_way_listed(catalogue: Catalogue) -> None:
    text = "2023年通过政府门户网站、电子大屏等方式累计主动向社会公开信息4442条。"
    assert ("items_published", None, None, 4442.0) in taken(text, catalogue)


def test_an_aside_inside_the_words_is_no_kind(catalogue: Catalogue) -> None:
    text = "2022年依托区政府门户网站主动公开区政府(含区政府办公室)信息2214条。"
    assert ("items_published", "gov_portal", None, 2214.0) in taken(text, catalogue)
