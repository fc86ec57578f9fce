"""Round 61, written on blind46 after it was measured once (each rule checked on all 51 sets):
another kind with a verb of its own joined to the interpretations in one number, 其中向社会公开
as the requests disclosed, 非本部门掌握 as unavailable, a county head's hotline as the hotline,
requests received after the ways they came listed at length, the year's items counted as a
总件数, documents issued (发文) then the ones made public, original posts beside the reposts, a
list of ways then every kind counted after the comma, and a figure after a closed bracket of
parts no part; the agency: a bureau's information centre or a street office's office of general
management that answers for the report, and a town's level written twice. The texts are
excerpts of blind46's reports (大西渠镇/东新镇 2025/2024, 舒城县财政局 2022, 广德县住建局 2018,
洪山区审计局 2023, 松江区人社局 2023, 腾冲市滇滩镇 2023, 仁怀市坛厂街道 2022, 陕西省生态环境厅
2021, 桂山街道 2021, 松涛镇 2022)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_another_kind_joined_to_the_interpretations_in_one_number(
    catalogue: Catalogue,
) -> None:
    text = "本年新制作规范性文件和发布政策解读信息0条。"
    assert left_out(text, catalogue)["0条"] == "several kinds together"
    made = "全年制作并发布政策解读信息12条。"
    assert ("interpretations", None, None, 12.0) in taken(made, catalogue)


def test_outcomes_made_public_and_not_held_by_the_department(catalogue: Catalogue) -> None:
    text = "2022年,我局共收到申请5条,其中向社会公开3条,非本部门掌握1条,不予公开1条。"
    rows = taken(text, catalogue)
    assert ("requests_disclosed", None, None, 3.0) in rows
    assert ("requests_unavailable", None, None, 1.0) in rows


def test_a_county_heads_hotline_is_the_hotline(catalogue: Catalogue) -> None:
    text = "2018年,共受理县长热线387件、网络问政67件,答复率100%。"
    assert ("hotline_received", "hotline_12345", None, 387.0) in taken(text, catalogue)


def test_requests_received_after_the_ways_they_came(catalogue: Catalogue) -> None:
    text = "我镇收到当面申请、电子邮件、传真、信函、和其他形式的政府信息公开申请0条。"
    assert ("requests_new", None, None, 0.0) in taken(text, catalogue)
    # requests made to a government, named at length in another body's report
    other = "受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件。"
    assert not taken(other, catalogue)


def test_the_years_items_counted_as_a_total_number(catalogue: Catalogue) -> None:
    text = "2023年区审计局政府信息公开总件数14件。"
    assert ("items_published", None, None, 14.0) in taken(text, catalogue)


def test_documents_issued_then_the_ones_made_public(catalogue: Catalogue) -> None:
    text = "2023年我局公开发文207件,其中主动公开197件,不公开、依申请公开10件。"
    assert ("items_published", None, "documents", 197.0) in taken(text, catalogue)


def test_original_posts_beside_the_reposts_are_a_part(catalogue: Catalogue) -> None:
    text = "“腾冲滇滩”微博发布原创微博64条,转载34条,“腾冲滇滩”抖音发布宣传视频54条。"
    assert left_out(text, catalogue)["64条"] == "part (original posts only)"
    assert ("items_published", "short_video", None, 54.0) in taken(text, catalogue)
    # originals with no reposts counted after them are not told apart so
    alone = "“腾冲滇滩”微博发布原创微博64条,“腾冲滇滩”抖音发布宣传视频54条。"
    assert left_out(alone, catalogue).get("64条") != "part (original posts only)"


def test_ways_listed_then_every_kind_counted_after_the_comma(catalogue: Catalogue) -> None:
    text = "坛厂街道通过市人民政府网、公开栏等形式面向社会公开了各类信息,共计100余条。"
    assert ("items_published", None, None, 100.0) in taken(text, catalogue)


def test_a_figure_after_a_closed_bracket_of_parts_is_no_part(catalogue: Catalogue) -> None:
    text = "2021年依法办理、规范答复政府信息公开申请151件(含上年结转13件),办结146件。"
    reasons = left_out(text, catalogue)
    assert reasons["146件"] != "part (其中)"
    assert ("requests_completed", None, None, 151.0) not in taken(text, catalogue)
    # a part still inside its bracket stays a part
    inside = "2019年海珠区共收到政府信息公开申请1521宗(含区规划资源分局收到申请1187宗)。"
    assert left_out(inside, catalogue)["1187宗"] == "part (其中)"


def test_the_office_that_answers_for_the_report_is_not_the_agency() -> None:
    bureau = (
        "本报告中使用数据统计期限为2022年1月1日至2022年12月31日。如对本报告有任何疑问,请与"
        "舒城县财政局信息中心联系。"
    )
    assert find_agency_year(bureau)[0] == "舒城县财政局"
    street = (
        "本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问,请与"
        "桂山街道综合管理办公室联系。"
    )
    assert find_agency_year(street)[0] == "桂山街道"


def test_a_towns_level_written_twice() -> None:
    text = (
        "报告所列数据的统计期限为2022年1月1日至2022年12月31日。\n一、总体情况\n"
        "2022年,松涛镇镇坚持公开为常态、不公开为例外,共制作发布政府信息114条。"
    )
    assert find_agency_year(text)[0] == "松涛镇"
