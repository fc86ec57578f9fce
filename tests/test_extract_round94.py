"""Round 94, written on blind94 after its one measure: the national audit office by its name
(审计署) and a prefecture's office (行政公署), and the proactive count's kinds in brackets before
the requested ones (其中主动公开信息为 120条(…);依申请公开信息44条)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_national_audit_office_and_a_prefectures_office_by_their_names() -> None:
    assert find_agency_year("2016年,审计署党组高度重视政府信息公开工作,认真贯彻落实。") == (
        "审计署",
        2016,
    )
    assert find_agency_year("2012年,阿里地区行政公署认真贯彻落实政府信息公开工作。")[0] == (
        "阿里地区行政公署"
    )
    # 署 alone is no body's end (工作部署)
    assert find_agency_year("2019年,我局认真做好工作部署落实政府信息公开工作。")[0] is None


def test_the_proactive_counts_kinds_in_brackets_before_the_requested_ones(
    catalogue: Catalogue,
) -> None:
    text = (
        "我局总计公开信息164条,其中主动公开信息为 120条(政策法规类 50条,都是在政务公开系统上"
        "公布的,占30.5%;业务管理类 70条,占 42.7%);依申请公开信息44条。"
    )
    assert taken(text, catalogue) == {("items_published", None, None, 120.0)}
    assert left_out(text, catalogue)["164条"] == "all kinds of information, proactive or not"
    # with no requested kind after it, the whole count stands
    alone = "我局共公开信息164条,其中主动公开信息120条(政策法规类 50条,业务管理类 70条)。"
    assert taken(alone, catalogue) == {("items_published", None, None, 164.0)}
