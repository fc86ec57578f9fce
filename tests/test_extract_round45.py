"""Round 45, written on blind33 after it was measured once: a 分别 list whose channels are run
together (政务微博微信…分别为459条和456条) or whose verb comes before 分别; request outcomes
said after their numbers with 为/属于 (4件为不予公开, 2件属于本机关不掌握…), after 处理结果, and
in sentences counting requests as 接受 or 办理…N件…申请; the agency's own new requests (其中本机关
新收5件), and those left over (其余3件不予公开); figures since a body or channel began
(自街道成立以来), proposals named after their number (办结收到的2件人大代表建议), and the sites
left over (其余政府信息网站发布12条). Agencies: a bureau's branch (…局定海分局), a street
office by its own office or centre (…街道办事处党政综合办公室, …街道党群服务中心), a year's
sentence after a heading on the same line, and 乡镇 read as no township's name. Each test has a
case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken

AGENCY = "某某市某某区某某街道办事处"


def test_a_respective_list_of_channels_run_together(catalogue: Catalogue) -> None:
    text = "在街道政务微博微信公开信息分别为459条和456条。"
    assert {
        ("items_published", "weibo", None, 459.0),
        ("items_published", "wechat", None, 456.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # the verb before 分别, the channels apart
    text = "通过政务微博、微信公开信息分别为459条和456条。"
    assert {
        ("items_published", "weibo", None, 459.0),
        ("items_published", "wechat", None, 456.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # followers of the two accounts are no items published
    assert {"459人", "456人"} <= left_out("政务微博微信粉丝分别为459人和456人。", catalogue).keys()
    # a site with a channel the list does not pair
    mixed = "在街道网站和政务微博微信分别发布459条和456条。"
    assert {"459条", "456条"} <= left_out(mixed, catalogue).keys()


def test_outcomes_said_after_their_numbers(catalogue: Catalogue) -> None:
    text = "全年共接受依申请公开9次，其中处理结果4件为不予公开，1件为不予处理，4件为无法提供。"
    assert {
        ("requests_refused", None, None, 4.0),
        ("requests_not_processed", None, None, 1.0),
        ("requests_unavailable", None, None, 4.0),
    } <= taken(text, catalogue, agency=AGENCY)
    text = "全年共收到申请9件，其中4件予以公开，2件属于本机关不掌握相关政府信息，3件为不予公开。"
    assert {
        ("requests_disclosed", None, None, 4.0),
        ("requests_unavailable", None, None, 2.0),
        ("requests_refused", None, None, 3.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # documents kept back are no request's outcome (no request counted in the sentence)
    kept = "全年制发文件9件，其中4件为不予公开，5件为主动公开。"
    assert ("requests_refused", None, None, 4.0) not in taken(kept, catalogue, agency=AGENCY)


def test_the_agencys_own_new_requests(catalogue: Catalogue) -> None:
    text = "复兴街道办事处共办理8件政府信息公开申请，其中本机关新收5件，上年度未办结3件。"
    assert ("requests_new", None, None, 5.0) in taken(text, catalogue, agency=AGENCY)
    # handled in all is no count of new requests
    assert "8件" in left_out(text, catalogue)


def test_a_bureaus_branch_is_the_agency() -> None:
    text = "一、总体情况\n2023年，舟山市生态环境局定海分局以政府网站为信息公开主阵地。"
    assert find_agency_year(text) == ("舟山市生态环境局定海分局", 2023)
    title = "上海市公安局长宁分局2018年政府信息公开工作年度报告\n一、概述"
    assert find_agency_year(title) == ("上海市公安局长宁分局", 2018)
    # the bureau itself, a branch named later in the sentence
    text = "2023年，舟山市生态环境局指导定海分局做好政府信息公开工作。"
    assert find_agency_year(text) == ("舟山市生态环境局", 2023)


def test_a_years_sentence_after_a_heading_on_the_same_line() -> None:
    text = "一、總體情況 2023年,舟山市生態環境局定海分局以政府網站為信息公開主陣地。"
    assert find_agency_year(text) == ("舟山市生态环境局定海分局", 2023)
    # a date on the same line as a heading is no sentence of the year
    dated = "一、总体情况 2023年5月,舟山市生态环境局定海分局开展政务公开日活动。"
    assert find_agency_year(dated)[0] is None


def test_a_street_office_by_its_own_office_or_centre() -> None:
    text = "如对本年报有任何疑问，请与杭州市萧山区人民政府蜀山街道办事处党政综合办公室联系。"
    # (the government's words dropped, as for every street office: `_completed`)
    assert find_agency_year(text)[0] == "杭州市萧山区蜀山街道办事处"
    text = "如对本年度报告有疑问，请与昆都仑区市府东路街道党群服务中心联系(电话:0472-5226565)。"
    assert find_agency_year(text)[0] == "昆都仑区市府东路街道"
    # a government's own office answers for the government's report
    text = "如对本报告有疑问，请与杭州市萧山区人民政府办公室联系。"
    assert find_agency_year(text)[0] == "杭州市萧山区人民政府办公室"


def test_xiangzhen_is_no_townships_name() -> None:
    text = (
        "2022年，杨村乡按照《关于印发沐川县2022年政务公开工作要点的通知》要求推进政务公开。"
        "根据《沐川县赋予乡镇县级行政权力事项基础清单》，本乡明确职责。"
    )
    assert "赋予乡" not in (find_agency_year(text)[0] or "")
    # the town that opens the sentence, under the one county the text names (in a cited title:
    # since the division list, the labels' 沐川县杨村乡 of this report)
    assert find_agency_year(text) == ("沐川县杨村乡", 2022)
    # a township the text names after its county, in the report's own voice
    named = "本乡严格落实《条例》。沐川县杨村乡主动公开政府信息52条，沐川县杨村乡坚持公开。"
    assert find_agency_year(named)[0] == "沐川县杨村乡"


def test_figures_since_the_body_or_channel_began(catalogue: Catalogue) -> None:
    text = "自街道成立以来利用街道“今日卢沟”公众号平台发布信息169条，利用区政府网站公布信息92条。"
    assert left_out(text, catalogue) == {"169条": "cumulative", "92条": "cumulative"}
    # the year's own count on the same account
    text = "2021年利用街道“今日卢沟”公众号平台发布信息169条。"
    assert ("items_published", "wechat", None, 169.0) in taken(text, catalogue, agency=AGENCY)


def test_proposals_named_after_their_number_are_no_requests(catalogue: Catalogue) -> None:
    text = "做好代表建议、委员提案办理，按时办结收到的2件人大代表建议、3件政协委员提案。"
    assert not {f for f in taken(text, catalogue, agency=AGENCY) if f[0].startswith("requests_")}
    assert left_out(text, catalogue)["2件"] == "not requests for information"
    # requests named after the number are requests
    text = "全年收到信息公开申请5件，按时办结5件政府信息公开申请。"
    assert ("requests_completed", None, None, 5.0) in taken(text, catalogue, agency=AGENCY)


def test_the_rest_of_the_sites_and_the_rest_of_the_requests(catalogue: Catalogue) -> None:
    text = (
        "2022年我局主动公开政府信息43条，其中：县政府门户网站信息公开发布23条，"
        "其余政府信息网站发布12条。"
    )
    found = taken(text, catalogue, agency="某某县水务局")
    assert ("items_published", "gov_portal", None, 23.0) in found
    assert "12条" in left_out(text, catalogue)
    # the rest of the items, on a channel named
    text = "主动公开信息50条，其中门户网站30条，其余信息通过微信公众号发布20条。"
    assert ("items_published", "wechat", None, 20.0) in taken(text, catalogue, agency=AGENCY)
    # the rest of the requests, with their outcome
    text = "全年收到申请5件，其中2件予以公开，其余3件不予公开。"
    assert ("requests_refused", None, None, 3.0) in taken(text, catalogue, agency=AGENCY)
