"""Rounds 49–51. Round 49, written on the agency misses of blind33–36 (each measured before)
and on the lists of kinds all sets leave unnamed: a district's body with the city the text
writes before it (西安市阎良区信访局), a street office as 街道办事处 where the text writes it so,
an autonomous county by its full name, a body whose name holds 和 before its own site, an
industrial park as a body, items published as a long list of kinds closed by 等/以及其他 and
共计, and one reason of several under 无法提供. Rounds 50 and 51, written on all sets after
blind37 and blind38 were each measured once: the agency's own and its field's government
information, requests handled then all completed, accounts named with their counts, hotline
cases named at length, sites named together then all proactive items, a tax bureau's whole
name. Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken

AGENCY = "某某市某某局"


def test_a_districts_body_with_the_city_written_before_it() -> None:
    text = (
        "阎良区信访局2025年政府信息公开工作年度报告\n2025年，我局在西安市阎良区信访局网站公开信息。"
    )
    assert find_agency_year(text) == ("西安市阎良区信访局", 2025)
    # a county's body is left as the text names it (the labels keep it short)
    text = (
        "开阳县统计局2023年政府信息公开工作年度报告\n"
        "2023年，开阳县统计局认真贯彻落实《条例》，按照与贵阳市开阳县统计局的分工开展工作。"
    )
    assert find_agency_year(text) == ("开阳县统计局", 2023)
    # two cities before it: which is the body's is not told, so none is written
    text = (
        "新华区民政局2025年政府信息公开工作年度报告\n"
        "我局与石家庄市新华区民政局、与沧州市新华区民政局交流学习。"
    )
    assert find_agency_year(text) == ("新华区民政局", 2025)


def test_a_street_office_as_the_text_names_it_in_full() -> None:
    text = "迎宾路街道2021年政府信息公开工作年度报告\n本报告由迎宾路街道办事处编制。"
    assert find_agency_year(text)[0] == "迎宾路街道办事处"
    # a text that never writes the office keeps the street's name
    text = "迎宾路街道2021年政府信息公开工作年度报告\n本报告由迎宾路街道编制。"
    assert find_agency_year(text)[0] == "迎宾路街道"


def test_an_autonomous_county_by_its_full_name() -> None:
    text = (
        "通道县卫生健康局2022年度政府信息公开年度报告\n"
        "现公布通道侗族自治县卫生健康局2022年政府信息公开工作年度报告。"
    )
    assert find_agency_year(text)[0] == "通道侗族自治县卫生健康局"
    # another county's body whose name starts alike is not this one's full name
    text = "通道县卫生健康局2022年度政府信息公开年度报告\n会同通道侗族自治县教育局开展工作。"
    assert find_agency_year(text)[0] == "通道县卫生健康局"


def test_a_body_whose_name_holds_he_by_its_own_site() -> None:
    text = (
        "本报告中统计数据期限自2022年1月1日至2022年12月31日。"
        "现通过南通市自然资源和规划局门户网站予以公布。\n一、总体情况\n2022年，我局认真贯彻落实《条例》。"
    )
    assert find_agency_year(text) == ("南通市自然资源和规划局", 2022)
    # words joined by 和 before a name are still cut off (在市政府网站和法制办网站)
    text = (
        "2022年，我办在乐山市人民政府网站和法制办网站公开信息。"
        "乐山市人民政府法制办2022年政府信息公开工作年度报告"
    )
    assert find_agency_year(text) == ("乐山市人民政府法制办", 2022)


def test_an_industrial_park_reports_as_a_body() -> None:
    text = "根据要求，特编制高科技电子产业园2018年度政府信息公开工作年度报告，并向社会公布。"
    assert find_agency_year(text) == ("高科技电子产业园", 2018)
    # a park with its committee is the committee
    text = "根据要求，特编制甘眉工业园区管委会2024年度政府信息公开工作年度报告，并向社会公布。"
    assert find_agency_year(text)[0] == "甘眉工业园区管委会"


def test_items_published_as_a_long_list_of_kinds(catalogue: Catalogue) -> None:
    text = (
        "区农业农村局主动公开工作动态、项目申报、行政执法、预算决算、扶贫开发以及其他信息"
        "共计547条。"
    )
    assert ("items_published", None, None, 547.0) in taken(text, catalogue, agency=AGENCY)
    text = (
        "通过大冶市人民政府信息公开网站主动公开规划信息、统计信息、许可服务、财政资金、"
        "政府采购等共计94条。"
    )
    assert ("items_published", "gov_portal", None, 94.0) in taken(text, catalogue, agency=AGENCY)
    # one kind of item is a part, not the year's items
    text = "主动公开工作动态信息共计547条。"
    assert left_out(text, catalogue)["547条"].startswith("part")
    # two kinds named, no list: not read as all items
    text = "主动公开工作动态、项目申报以及其他共计547条。"
    assert left_out(text, catalogue)["547条"] == "part (one kind of item)"


def test_one_reason_of_several_under_unavailable(catalogue: Catalogue) -> None:
    text = (
        "2023年共收到政府信息公开申请18件，其中予以公开6件，部分公开2件，"
        "不属于本机关公开8件，信息不存在2件。"
    )
    assert left_out(text, catalogue)["2件"] == "one of several reasons it could not be given"
    text = (
        "2023年共收到依申请公开12件，予以公开5件，本机关不掌握相关政府信息1件，"
        "没有现成信息需另行制作1件，申请人主动撤回4件。"
    )
    assert ("requests_unavailable", None, None, 1.0) not in taken(text, catalogue)
    # the one reason given is the outcome's total
    text = "本年度共收到申请10件，作出答复10件。其中予以公开7件，信息不存在3件。"
    assert ("requests_unavailable", None, None, 3.0) in taken(text, catalogue)
    # before the 2019 table, 信息不存在 was a row of its own beside 不属于本机关
    text = "本街道2017年共收到申请2件，其中申请公开信息不存在1件，不属于本行政机关公开1件。"
    found = extract_figures(text, catalogue, agency="某街道", year=2017)
    assert ("requests_unavailable", 1.0) in {(f.metric, f.value) for f in found.facts}


def test_government_information_of_the_agencys_field_is_all_of_it(catalogue: Catalogue) -> None:
    for text, value in (
        ("主动公开海关政府信息634条。", 634.0),
        ("主动公开各类公安政府信息4186条。", 4186.0),
        ("主动公开政府信息已达300余条。", 300.0),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # a kind of information before 信息 (not 政府信息) is still one kind
    text = "主动公开财政预决算信息634条。"
    assert left_out(text, catalogue)["634条"].startswith("part")


def test_requests_by_another_word(catalogue: Catalogue) -> None:
    text = "本年度我局收到信息公开请求1件。"
    assert ("requests_new", None, None, 1.0) in taken(text, catalogue, agency=AGENCY)
    # a request for something else is none
    assert left_out("本年度我局收到群众求助请求1件。", catalogue)["1件"] == "unnamed"


def test_an_account_named_with_its_count(catalogue: Catalogue) -> None:
    text = "全年通过政务新媒体发布信息：新浪微博860余条，区林业局微信公众号115条。"
    assert {
        ("items_published", "weibo", None, 860.0),
        ("items_published", "wechat", None, 115.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # accounts counted, or a sentence on no publishing, give no items
    text = "全年新开通微信公众号2个。"
    assert not taken(text, catalogue, agency=AGENCY)
    text = "本单位关注微信公众号115条。"
    assert ("items_published", "wechat", None, 115.0) not in taken(text, catalogue, agency=AGENCY)


def test_disclosed_said_as_gongkai_alone(catalogue: Catalogue) -> None:
    text = "共受理政府信息公开申请120宗，公开110宗，不予公开10宗。"
    assert {
        ("requests_new", None, None, 120.0),
        ("requests_disclosed", None, None, 110.0),
        ("requests_refused", None, None, 10.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # in a sentence on no request, 公开 counts items
    text = "全年公开110条，其中政策文件10条。"
    assert ("requests_disclosed", None, None, 110.0) not in taken(text, catalogue, agency=AGENCY)


def test_the_agencys_own_and_its_government_information_are_all_items(
    catalogue: Catalogue,
) -> None:
    for text, value in (
        ("全年发布本局主动公开信息13条。", 13.0),
        ("2023年度，共发布各类政府类信息47条。", 47.0),
        # (信息 whose last character the page lost)
        ("截至目前，我局共公开各类信24条。", 24.0),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # a kind of information is still one kind, and letters are no items
    assert left_out("全年发布本局人事类信息13条。", catalogue)["13条"].startswith("part")
    assert not taken("全年共收到群众来信24件。", catalogue, agency=AGENCY)


def test_requests_handled_and_all_completed(catalogue: Catalogue) -> None:
    for text, value in (
        ("全年共计办理依申请公开政府信息18件，全部在规定时限内办结。", 18.0),
        ("处理依申请公开件1起，已按时限按规范办结办理。", 1.0),
        (
            "共处理政府信息公开申请247件(网络申请195件、信函邮寄31件、现场申请6件)，均按时答复。",
            247.0,
        ),
    ):
        assert ("requests_completed", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # a count answered of its own is the completed one, not the handled
    text = "全年共办理政府信息公开申请80件，已答复69件，其中11件顺延至下一年度办理。"
    rows = taken(text, catalogue, agency=AGENCY)
    assert ("requests_completed", None, None, 80.0) not in rows
    # others' requests helped with are not the agency's
    text = "办理部门依申请信息公开19件，协助办理市政府依申请信息公开7件，均按照规定予以答复。"
    assert ("requests_completed", None, None, 7.0) not in taken(text, catalogue, agency=AGENCY)


def test_outcomes_said_after_their_numbers_as_what_the_information_was(
    catalogue: Catalogue,
) -> None:
    text = "共收到政府信息公开申请7件，其中5件为可以公开的政府信息，2件为不存在的政府信息。"
    assert {
        ("requests_disclosed", None, None, 5.0),
        ("requests_unavailable", None, None, 2.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # with no request received in the sentence, it is no outcome
    text = "全年梳理信息7条，其中5件为可以公开的政府信息。"
    assert ("requests_disclosed", None, None, 5.0) not in taken(text, catalogue, agency=AGENCY)


def test_hotline_cases_named_at_length(catalogue: Catalogue) -> None:
    for text, value in (
        ("通过“12345市民服务热线”办理各类咨询及问题反映1336条。", 1336.0),
        ("通过12345热线平台回复投诉举报咨询求助403条。", 403.0),
    ):
        assert ("hotline_received", "hotline_12345", None, value) in taken(
            text, catalogue, agency=AGENCY
        )
    # with a mailbox's cases, or among several platforms: not the hotline's alone
    for text in (
        "办理12345服务热线转办件和市长信箱转办件2件。",
        "通过“巨好办”、阳光理政、12345便民服务平台答复群众关心问题153条。",
    ):
        assert not [r for r in taken(text, catalogue, agency=AGENCY) if r[0] == "hotline_received"]


def test_the_years_total_after_a_channel_no_row_is_named_for(catalogue: Catalogue) -> None:
    for text, value in (
        ("乌恰县审计局以政府网站作为公开信息平台，2025年度共公开政务信息40条。", 40.0),
        ("2022年，我镇通过政府信息公开专栏，按照要求主动公开信息33条。", 33.0),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # without words of the year's or the proactive total, it stays unnamed
    text = "2020年，我局做好政务信息公开平台维护，发布信息5条。"
    assert left_out(text, catalogue)["5条"] == "channel named earlier in the sentence"


def test_sites_named_together_then_all_proactive_items_are_the_total(
    catalogue: Catalogue,
) -> None:
    for text, value in (
        ("通过政府信息公开专栏及我局政务网站主动公开政府信息2585条。", 2585.0),
        ("我局通过县政府网站、天水市科技局官网等公开方式向社会公布各类政府信息110条。", 110.0),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # two sites and a kind of item, or new-media accounts alone: still no total
    text = "通过政府信息公开专栏及我局政务网站发布人事信息25条。"
    assert ("items_published", None, None, 25.0) not in taken(text, catalogue, agency=AGENCY)
    text = "通过微信公众号、微博等政务新媒体平台主动公开政府信息9139条。"
    assert ("items_published", None, None, 9139.0) not in taken(text, catalogue, agency=AGENCY)


def test_a_qualifier_spaced_from_its_number_and_bufen_written_bufen(catalogue: Catalogue) -> None:
    text = "全县政府门户网站公开政府信息超过 1 万条。"
    found = extract_figures(text, catalogue, agency="某县人民政府", year=2016)
    assert [(f.metric, f.value, str(f.qualifier)) for f in found.facts] == [
        ("items_published", 10000.0, "at_least")
    ]
    text = "收到申请3件，其中予以部份公开1件，予以公开2件。"
    assert {
        ("requests_partial", None, None, 1.0),
        ("requests_disclosed", None, None, 2.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # 部份 is no partial disclosure when it names a part of something else
    text = "全年公开部份政府信息3条。"
    assert ("requests_partial", None, None, 3.0) not in taken(text, catalogue, agency=AGENCY)


def test_an_account_named_fabu_unquoted(catalogue: Catalogue) -> None:
    text = "洪雅教育发布微信公众号累计推送教育新闻和各类信息910余篇。"
    assert ("items_published", "wechat", None, 910.0) in taken(text, catalogue, agency=AGENCY)
    # 发布 before an account is still the verb when nothing names the account
    text = "发布微信推文20条。"
    assert ("items_published", "wechat", None, 20.0) in taken(text, catalogue, agency=AGENCY)


def test_a_tax_bureau_under_the_state_taxation_administration() -> None:
    for name in ("国家税务总局广州市白云区税务局", "国家税务总局上海市税务局第三税务分局"):
        text = f"根据《条例》要求，由{name}编制。本年度报告所列数据的统计期限从2021年1月1日起。"
        assert find_agency_year(text) == (name, 2021)
    # the administration's own report keeps its name
    text = "根据《条例》要求，由国家税务总局编制。本年度报告所列数据的统计期限从2021年1月1日起。"
    assert find_agency_year(text)[0] == "国家税务总局"


def test_a_doubtful_site_among_other_ways_then_all_items_is_the_total(
    catalogue: Catalogue,
) -> None:
    for text, value in (
        ("全年通过政府网站等平台发布各类信息94条。", 94.0),
        (
            "2023年全镇通过政府网站、公开专栏、群众会议、电子屏等途径向社会公开各类政府信息328条。",
            328.0,
        ),
    ):
        assert ("items_published", None, None, value) in taken(text, catalogue, agency=AGENCY)
    # a doubtful site alone (及时 is no joining word) stays out
    text = "通过门户网站及时发布各类信息267条。"
    assert ("items_published", None, None, 267.0) not in taken(text, catalogue, agency=AGENCY)


def test_a_bureau_named_right_after_its_zone() -> None:
    text = (
        "报告数据统计期限为2025年1月1日至2025年12月31日。\n一、总体情况\n"
        "2025年，大连高新区应急管理局坚持以习近平新时代中国特色社会主义思想为指导。"
    )
    assert find_agency_year(text) == ("大连高新区应急管理局", 2025)
    # the zone's site or government after it is no bureau
    text = "大连高新区2025年政府信息公开工作年度报告\n2025年，大连高新区门户网站公开信息。"
    assert find_agency_year(text) == ("大连高新区", 2025)


def test_a_title_of_a_zhengwu_xinxi_report() -> None:
    text = "根据规定，现公开陕西省西咸新区沣西新城管理委员会2020年政务信息公开年度报告。"
    assert find_agency_year(text) == ("陕西省西咸新区沣西新城管理委员会", 2020)
    # the words making the report are no part of the name
    text = "根据部署安排，现组织编制县退役军人事务局2023年度政务信息公开年度报告。"
    assert find_agency_year(text) == (None, 2023)
