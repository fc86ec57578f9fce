"""Round 99, written on blind98 after its one measure: a long list of kinds after 其中 is a part;
information related to the agency's field is its total; documents made are published when the
next clause says all were; a town government's office and a zone's committee named by the
report's own words."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_long_list_after_its_total_is_a_part_and_its_fields_information_the_total(
    catalogue: Catalogue,
) -> None:
    text = (
        "2021年,我单位主动公开应急管理和安全生产相关信息588条,其中行政执法检查、行政处罚、"
        "安全生产事故信息等重点领域公开505条,切实保障公众知情权。"
    )
    assert taken(text, catalogue, year=2021) == {("items_published", None, None, 588.0)}
    assert left_out(text, catalogue, year=2021)["505条"] == "part (其中)"


def test_a_topics_related_information_after_the_total_stays_a_part(catalogue: Catalogue) -> None:
    text = (
        "2025年大演乡围绕核心工作主动公开政府各类信息223条,及时发布惠民惠农政策等群众关切信息,"
        "全年累计公开惠民惠农补贴资金发放相关信息68条。"
    )
    assert taken(text, catalogue, year=2025) == {("items_published", None, None, 223.0)}


def test_documents_made_are_published_when_the_next_clause_says_all_were(
    catalogue: Catalogue,
) -> None:
    text = "今年以政府办公室名义印发的政策文件38件,全部在政府门户网站“履职依据”一栏进行主动公开。"
    assert taken(text, catalogue, year=2021) == {("items_published", None, "documents", 38.0)}
    # a draft put out for comment is not published
    draft = "2024年,我局新制发规范性文件1个,均已公开向社会广泛征求意见。"
    assert taken(draft, catalogue, year=2024) == set()
    reasons = left_out(draft, catalogue, year=2024)
    assert reasons["1个"] == "documents made, not said to be published"


def test_a_town_governments_office_answers_for_the_town() -> None:
    assert find_agency_year(
        "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。如对本报告有任何疑问,"
        "请联系厚镇人民政府综合与经济发展办公室,电话:029-82932760。"
    ) == ("厚镇", 2025)


def test_the_body_whose_years_work_the_report_is_comes_before_the_office_answering() -> None:
    assert find_agency_year(
        "本年度报告是根据精河工业园区管理委员会的政府信息公开年度工作情况进行编制。"
        "本年度报告中所列数据统计期限自2021年1月1日起至2021年12月31日。"
        "如有疑问或意见建议,请与工业园区办公室联系。"
    ) == ("精河工业园区管理委员会", 2021)
