"""Round 64, written on blind49 after it was measured once (each rule checked on all 54 sets):
requests named with no verb (依申请公开政府信息申请 4件), 其他 after 不掌握 as the last outcome,
channels listed 等形式 before the year's items (not forms of content: 以图文、视频等形式), a 分别
spreading over fields (no names in its clause) read as any figure — and a number never dropped
without a reason; the agency: a street office a title writes short (新港街 → 新港街道办事处).
The texts are excerpts of blind49's reports (汉阳区人民政府办公室 2022, 天津市滨海新区新港街道
办事处 2023, 丛林镇 2024, 济南市历下区东关街道 2023)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import taken


def test_requests_named_with_no_verb(catalogue: Catalogue) -> None:
    text = "2023年全年依申请公开政府信息申请 4件,申请人均为自然人,信息不存在2件,不予公开1件。"
    assert ("requests_new", None, None, 4.0) in taken(text, catalogue)
    # 依申请公开0件 alone is left: labellers split between requests and information given
    alone = taken("主动公开信息120条，依申请公开5条。", catalogue)
    assert not any(row[0] == "requests_new" for row in alone)


def test_other_after_a_reason_it_could_not_be_given_closes_the_list(
    catalogue: Catalogue,
) -> None:
    text = (
        "2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,"
        "属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。"
    )
    rows = taken(text, catalogue)
    assert ("requests_other", None, None, 1.0) in rows
    # (不掌握 after a reason said with 属于 stays one reason of a list: round 4)
    assert not any(row[0] == "requests_unavailable" for row in rows)
    # 其他 after outcomes that are no list of them stays unnamed
    assert not any(row[0] == "requests_other" for row in taken("收到咨询5件,其他1件。", catalogue))


def test_channels_listed_as_forms_then_the_years_items_are_the_total(
    catalogue: Catalogue,
) -> None:
    text = "通过政府门户网站、政务公开专栏等形式,主动公开政府信息142条。"
    assert ("items_published", None, None, 142.0) in taken(text, catalogue)
    # forms of content listed after new media: the accounts' items, not the total
    forms = taken(
        "充分利用微博、微信公众号、抖音政务号等新媒体,以图文、视频等形式及时发布信息,全年发布信息578条。",
        catalogue,
    )
    assert not any(row[:2] == ("items_published", None) for row in forms)


def test_respectively_over_fields_is_read_as_any_figure(catalogue: Catalogue) -> None:
    text = (
        "2023年度,街道通过历下区人民政府网站、街道便民服务大厅政务公开专区、社区政务公开栏等,分别在安全"
        "生产、财政预决算、卫生健康、养老服务等领域主动公开政府信息71条。"
    )
    assert ("items_published", None, None, 71.0) in taken(text, catalogue)


def test_no_number_is_dropped_without_a_reason(catalogue: Catalogue) -> None:
    text = (
        "2023年度,街道通过历下区人民政府网站、社区政务公开栏等,分别在安全生产、养老服务等领域"
        "主动公开政府信息71条,在各社区召开会议12场。"
    )
    extraction = extract_figures(text, catalogue, agency="某街道", year=2023)
    seen = {f.value for f in extraction.facts} | {s.number for s in extraction.skipped}
    assert 71.0 in seen and "12场" in seen


def test_a_street_office_a_title_writes_short() -> None:
    text = (
        "新港街2023年政府信息公开工作年度报告\n一、总体情况\n新港街道办事处2023年度政府信息公开工作"
        "依托天津市滨海新区人民政府政务网开展。2023年全年主动公开政府信息23件。"
    )
    agency, year = find_agency_year(text)
    assert agency is not None and agency.endswith("新港街道办事处") and year == 2023
