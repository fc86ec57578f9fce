"""Round 82, written on blind70 and blind71 after their one measure: requests with no review
taken further (未产生行政复议); 截止到 a day (the day, as 截至); 准予公开; 办理完结 and 办理完成;
a meeting on 政府信息与政务公开; a research institute's own site (物理所网站); and agency names —
a research institute (…研究所), 局长 no body's end, a verb of using before a name (利用市民委),
a zone's body by its level word alone (新区科技局) no name; then a hotline's and a mailbox's
cases closed together, and 其中新闻报道 after a site's count."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_requests_with_no_review_taken_further(catalogue: Catalogue) -> None:
    text = "14件信息公开申请在办理过程中未产生行政复议。1件申请人不服答复提起行政复议。"
    assert taken(text, catalogue) == {("appeal_review", None, None, 1.0)}


def test_up_to_a_day_written_with_dao(catalogue: Catalogue) -> None:
    text = "截止到2022年12月31日,刘家台乡人民政府累计主动公开政府信息20条。"
    assert taken(text, catalogue) == {("items_published", None, None, 20.0)}
    # a day inside the year: still a running total
    inside = "截止到2022年6月30日,累计主动公开政府信息20条。"
    assert left_out(inside, catalogue)["20条"] == "cumulative"


def test_granted_requests_are_disclosed(catalogue: Catalogue) -> None:
    text = "收到政府信息公开申请120件,其中97件準予公開。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 120.0),
        ("requests_disclosed", None, None, 97.0),
    }


def test_handled_to_the_end_is_completed(catalogue: Catalogue) -> None:
    text = "2022年共收到政府信息公开申请29件,按时办理完结29件。"
    assert ("requests_completed", None, None, 29.0) in taken(text, catalogue)
    text = "我局共收到政府信息公开申请0件,共办理完成0件。"
    assert ("requests_completed", None, None, 0.0) in taken(text, catalogue)


def test_a_meeting_on_information_and_disclosure_work(catalogue: Catalogue) -> None:
    text = "东山镇召开政府信息与政务公开工作部署会和培训会共3次。"
    assert taken(text, catalogue) == {("meetings", None, None, 3.0)}


def test_a_research_institutes_own_site(catalogue: Catalogue) -> None:
    for text, value in [
        ("物理所网站公开信息数303条。", 303.0),
        ("光电所通过所网站各个栏目共发布全所各方面工作相关信息162条。", 162.0),
        ("我所在研究所网页共主动公开652条政府信息。", 652.0),
    ]:
        assert taken(text, catalogue) == {("items_published", "dept_site", None, value)}


def test_a_research_institute_is_an_agency() -> None:
    text = (
        "2023年度信息公开工作报告\n本年度报告根据《中国科学院上海应用物理研究所信息公开工作管理办法》"
        "等有关规定编制。全文包括总体情况、存在的主要问题及改进情况。"
    )
    assert find_agency_year(text) == ("中国科学院上海应用物理研究所", 2023)


def test_a_deputy_head_of_the_bureau_is_no_body() -> None:
    text = (
        "来源:南漳县城市管理执法局\n一、总体情况\n2023年,我局加强组织领导。"
        "确定由分管局长统筹协调编制和优化政府信息公开工作,局办公室负责全系统政府信息公开。"
    )
    # (the page's source line names it, as it did before 分管局 was read as a body)
    assert find_agency_year(text) == ("南漳县城市管理执法局", 2023)


def test_a_verb_of_using_before_a_name() -> None:
    text = (
        "一、2025年政府信息公开总体情况\n2025年,市民委(宗教局)坚持以人民为中心。"
        "2025年,利用市民委(宗教局)门户网站开展线上政策解读1次。"
    )
    # (市民委 alone gives no place: no name at all, not 利用市民族事务委员会)
    assert find_agency_year(text) == (None, 2025)


def test_a_zones_body_by_its_level_word_alone_is_no_name() -> None:
    # (a mirror's traditional text with its pinyin glosses, as blind71 has it)
    text = (
        "來源: 蘭州新區(qū)科技發(fā)展局\n"
        "根據(jù)《條例》有關(guān)規(guī)定,蘭州新區(qū)科技發(fā)展局(以下簡稱新區(qū)科技局)"
        "編制了2023年度政府信息公開工作年度報告。\n一、總體情況\n"
        "2023年,新區(qū)科技局堅(jiān)持以習(xí)近平新時代中國特色社會主義思想為指導(dǎo)。\n"
        "截至2023年12月31日,新區(qū)科技局在新區(qū)門戶網(wǎng)站中主動公開政府信息48條。"
    )
    assert find_agency_year(text) == ("兰州新区科技发展局", 2023)


def test_closed_cases_of_a_hotline_and_a_mailbox_together(catalogue: Catalogue) -> None:
    text = "2024年全年办结市长热线、市长信箱交办件68件,已办结65件,3件正在办理中。"
    assert taken(text, catalogue) == set()
    assert left_out(text, catalogue)["65件"] == "several channels"
    # the line named with its own count stays the line's
    own = (
        "认真做好市长信箱、12345政风热线等信访件受理工作,"
        "全年办结12345政风热线2638件、市长信箱344件。"
    )
    assert ("hotline_closed", "hotline_12345", None, 2638.0) in taken(own, catalogue)


def test_news_reports_after_qizhong_are_a_kind_of_the_items_before(catalogue: Catalogue) -> None:
    text = "2021年,冯原镇在政府门户网站公开信息18条。其中新闻报道14条,财务及其他信息4条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 18.0)}
    assert left_out(text, catalogue)["14条"] == "part (one kind of item)"
