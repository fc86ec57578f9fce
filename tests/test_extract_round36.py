"""Round 36 of extract_figures. Before blind27 arrived, on the agencies of the earlier sets: a
government's report its office writes (由XX县人民政府办公室编制) in a text speaking as the county;
a town's report its office writes; a name followed by the words making the report (特编制); a
body's second name in brackets before the year; a district named 市中区 in a title. On blind27,
after it was measured untouched: a column named after its body, the disclosure's own words for
all items, documents counted by name (文件数) and with the part they hold, documents counted with
another kind, a town's loudspeakers, the city's bureau's site in a district bureau's report, one
field's items published at once, requests answered counted by name, and outcomes counted by name;
agencies by 请联系/致电 without a colon, a name after 就, the short title beside the full one.
Round 37, on blind28 after it was measured once with round 36's rules: a guide to review is no
review case, one kind of item named before its verb, messages left are no requests, the rule of
disclosure said before the items, requests completed counted in 条, interpretations with their
number before them, a league's 行署 portal; agencies with a place written twice or short then in
full, 大理市 a city, a street office's department of general affairs, a contact said twice.
Rounds 38–40: a government office's items and its government's, channel lists after a figure
with 余, requests answered (已答复, 共答复), documents among kinds after a total with 余, sites of a
province's body or of a government (官方网站, 政府网站信息公开平台, 子站点), documents made then
published (备案公文…主动公开), reports passed on (转发); agencies of towns citing their government,
zones by their kind, a heading's number before the year, a town's offices by other names.
Each test has a case the rule must leave alone; the texts are made up."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.extract.agency import find_agency_year
from dashboard.extract.figures import extract_figures
from tests.extract_cases import left_out, taken


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


def test_a_government_report_its_office_writes_is_the_governments() -> None:
    text = (
        "本报告由闽清县人民政府办公室编制。报告全文由总体情况等六部分组成。\n"
        "一、总体情况\n2022年,我县坚持以公开为常态,全县主动公开政府信息5942条。"
    )
    assert find_agency_year(text) == ("闽清县人民政府", 2022)
    # the office's own report (我办) stays the office's
    text = (
        "本报告由闽清县人民政府办公室编制。\n一、总体情况\n"
        "2022年,我办坚持以公开为常态,主动公开政府信息120条。"
    )
    assert find_agency_year(text)[0] == "闽清县人民政府办公室"
    # and so does a title naming the office
    text = (
        "闽清县人民政府办公室2022年政府信息公开工作年度报告\n"
        "本报告由闽清县人民政府办公室编制。我县主动公开政府信息120条。"
    )
    assert find_agency_year(text) == ("闽清县人民政府办公室", 2022)


def test_a_towns_office_writes_the_towns_report() -> None:
    text = (
        "莒南县石莲子镇人民政府办公室2021年政府信息公开工作年度报告\n"
        "一、总体情况\n我镇主动公开政府信息86条。"
    )
    assert find_agency_year(text) == ("莒南县石莲子镇", 2021)
    text = "高青县常家镇党政办公室2025年政府信息公开工作年度报告\n一、总体情况\n我镇公开信息12条。"
    assert find_agency_year(text)[0] == "高青县常家镇"
    # a county government's office is a body of its own
    text = "莒南县人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n我办公开信息86条。"
    assert find_agency_year(text)[0] == "莒南县人民政府办公室"


def test_a_name_then_the_words_making_the_report() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》的要求,中马街道办事处特编制2019年度政府信息公开"
        "工作年度报告。本报告包括情况概述。"
    )
    assert find_agency_year(text) == ("中马街道办事处", 2019)
    text = "根据条例要求,柯城区教育局现公布2020年度政府信息公开工作年度报告。"
    assert find_agency_year(text) == ("柯城区教育局", 2020)


def test_a_bodys_second_name_in_brackets_before_the_year() -> None:
    text = (
        "根据《条例》规定,现公布朔州市人民政府外事办公室(朔州市人民政府台港澳事务办公室)"
        "2023年政府信息公开工作年度报告。报告中所列数据的统计期限为2023年1月1日至2023年12月31日。"
    )
    assert find_agency_year(text) == ("朔州市人民政府外事办公室", 2023)
    # a contact's bracket is no second name to drop: the body before it stays whole
    text = (
        "如对本报告有任何疑问,请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区"
        "管理委员会)政府信息公开办公室,电话:0591-28200507。\n一、总体情况\n2022年,我委公开信息3条。"
    )
    assert find_agency_year(text)[0] == "中国(福建)自由贸易试验区福州片区管理委员会"


def test_a_district_named_shizhongqu_in_a_title() -> None:
    text = (
        "市中区交通运输局2025年政府信息公开工作年度报告\n"
        "本年度报告电子版可从市中区人民政府门户网站查阅。\n"
        "2025年,区交通运输局认真贯彻落实《中华人民共和国政府信息公开条例》。"
    )
    assert find_agency_year(text) == ("市中区交通运输局", 2025)
    # a city's bureau written short (市交通运输局), with no city named, is still no name
    text = "市交通运输局2025年政府信息公开工作年度报告\n本报告由办公室编制。"
    assert find_agency_year(text) == (None, 2025)


def test_a_government_speaking_by_its_place_or_its_name() -> None:
    # a place opening its sentences with what it did (靖安县深入贯彻…)
    text = (
        "本报告由靖安县人民政府办公室结合有关统计数据编制。\n一、总体情况\n"
        "2023年,靖安县深入贯彻党的二十大精神,政府网站公开各类信息约9826条。"
    )
    assert find_agency_year(text) == ("靖安县人民政府", 2023)
    # the government by its name doing it (罗庄区人民政府坚持…)
    text = (
        "如有任何疑问,请联系罗庄区人民政府办公室(地址:开元路1号)。\n一、总体情况\n"
        "2024年,罗庄区人民政府坚持以人民为中心,全区主动公开政府信息7064条。"
    )
    assert find_agency_year(text) == ("罗庄区人民政府", 2024)
    # the office, when nothing speaks as the place
    text = (
        "如有任何疑问,请联系罗庄区人民政府办公室(地址:开元路1号)。\n一、总体情况\n"
        "2024年,主动公开政府信息64条。"
    )
    assert find_agency_year(text)[0] == "罗庄区人民政府办公室"


def test_a_contact_without_its_colon() -> None:
    text = (
        "本报告电子版可在三元区政府门户网站下载。对本报告有疑问,请联系中村乡人民政府党政办公室,"
        "联系电话:0598-8340032。\n(一)主动公开政府信息情况\n2025年主动公开政府信息共83条。"
    )
    assert find_agency_year(text)[0] == "三元区中村乡"
    text = (
        "如对本报告有任何疑问,可致电福州市晋安区人民政府办公室,电话:0591-83825332。\n"
        "2024年,我办主动公开区政府及区政府办信息24条。"
    )
    assert find_agency_year(text)[0] == "福州市晋安区人民政府办公室"


def test_just_jiu_opens_no_name() -> None:
    text = (
        "柳北区钢城街道高度重视政府信息公开工作。结合本街道实际,就街道2024年度政府信息公开工作"
        "情况报告如下。"
    )
    assert find_agency_year(text) == ("柳北区钢城街道", 2024)


def test_the_short_title_beside_the_full_one() -> None:
    text = (
        "2021年东湖高新区教育局政府信息公开工作年度报告\n"
        "根据条例,现将教育局2021年政府信息公开工作年度报告报告如下。"
    )
    assert find_agency_year(text) == ("东湖高新区教育局", 2021)
    # a short title alone is completed as before, not replaced by another body's title
    text = (
        "2021年东湖高新区财政局政府信息公开工作年度报告\n"
        "根据条例,现将教育局2021年政府信息公开工作年度报告报告如下。"
    )
    assert find_agency_year(text) == ("教育局", 2021)


def test_the_city_bureaus_site_in_a_district_bureaus_report() -> None:
    text = (
        "一、总体情况\n2022年,我局坚持以习近平新时代中国特色社会主义思想为指导。根据《2022年"
        "杭州市滨江区政务公开工作要点》开展工作。\n本年度,区审计局主要通过区政府政务公开网站、"
        "杭州市审计局官网和本单位通知公告栏三种方式主动公开政府信息共68条:通过滨江区政府信息公开"
        "门户网站主动公开政府信息29条;通过杭州市审计局门户网站主动公开信息35条。"
    )
    # (the city's bureau, by its site, was taken for the agency)
    assert find_agency_year(text)[0] == "杭州市滨江区审计局"
    catalogue = default_catalogue()
    found = extract_figures(text, catalogue, agency="滨江区审计局", year=2022)
    assert {s.number: s.reason for s in found.skipped}["35条"] == "another body's site"
    assert [(f.channel, f.value) for f in found.facts] == [(None, 68.0), ("gov_portal", 29.0)]
    # the city bureau's own report: its site
    text = "杭州市审计局2022年政府信息公开工作年度报告\n通过杭州市审计局门户网站主动公开信息35条。"
    found = taken(text, catalogue, agency="杭州市审计局")
    assert ("items_published", "dept_site", None, 35.0) in found
    # (自治区市场监督管理局官方网站: a region's bureau, no city's)
    text = "通过自治区市场监督管理局官方网站发布信息2039条。"
    assert ("items_published", "dept_site", None, 2039.0) in taken(
        text, catalogue, agency="新疆维吾尔自治区市场监督管理局"
    )


def test_a_column_named_after_its_body(catalogue: Catalogue) -> None:
    text = "通过福州市晋安区人民政府门户网站政府信息公开象园街道专栏发布各类主动公开政府信息4条。"
    assert taken(text, catalogue, agency="晋安区象园街道办事处") == {
        ("items_published", "gov_portal", None, 4.0)
    }
    # one kind of item on it is still a part
    text = "通过福州市晋安区人民政府门户网站政府信息公开象园街道专栏发布通知公告4条。"
    assert left_out(text, catalogue)["4条"] == "part (one kind of item)"


def test_the_disclosures_own_words_are_all_items(catalogue: Catalogue) -> None:
    text = "2017年度,我局共发布政府信息公开信息114条。"
    assert taken(text, catalogue) == {("items_published", None, None, 114.0)}
    text = "2022年共发布各类主动公开政府信息40条。"
    assert taken(text, catalogue) == {("items_published", None, None, 40.0)}
    text = "2022年共发布政府信息公开指南信息4条。"
    assert left_out(text, catalogue)["4条"] == "part (one kind of item)"


def test_documents_counted_by_name_and_with_the_part_they_hold(catalogue: Catalogue) -> None:
    text = (
        "主动公开政府信息67条,其中信息公开指南1条;组织机构信息1条;部门文件数3条;工作动态信息54条。"
    )
    assert ("items_published", None, "documents", 3.0) in taken(text, catalogue)
    text = "2021年,累计公开政府信息878条。其中,民政政策文件13件(含规范性文件1件),做好解读。"
    assert ("items_published", None, "documents", 13.0) in taken(text, catalogue)
    # two kinds of document listed apart: no count of all documents
    text = "主动公开政府信息67条,其中规范性文件3条,政策文件4条,工作动态信息54条。"
    assert not {r for r in taken(text, catalogue) if r[2] == "documents"}
    assert left_out(text, catalogue)["3条"] == "unnamed"


def test_documents_counted_with_another_kind(catalogue: Catalogue) -> None:
    text = "公开其他法定信息、政策文件共30条。"
    assert left_out(text, catalogue)["30条"] == "part (one kind of item)"
    text = "全年公开政策文件共30条。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 30.0)}


def test_a_towns_loudspeakers_are_no_press(catalogue: Catalogue) -> None:
    text = "利用镇(社区)广播公开政府信息37条。"
    assert left_out(text, catalogue)["37条"] == "doubtful channel"
    text = "通过区广播电视台播发新闻37条。"
    assert taken(text, catalogue) == {("media_reports", "news_media", None, 37.0)}
    # a bureau named for broadcasting publishes its items
    text = "巴中市恩阳区文化广播电视和旅游局主动公开政府信息227条。"
    found = taken(text, catalogue, agency="巴中市恩阳区文化广播电视和旅游局")
    assert found == {("items_published", None, None, 227.0)}


def test_one_fields_items_published_at_once(catalogue: Catalogue) -> None:
    text = "2023年,全区主动公开政府信息12000条,基层“两化”领域集中发布8991条。"
    assert taken(text, catalogue) == {("items_published", None, None, 12000.0)}
    assert left_out(text, catalogue)["8991条"] == "part of a channel"


def test_requests_answered_and_outcomes_counted_by_name(catalogue: Catalogue) -> None:
    text = (
        "2.对申请的办理情况:已答复件数12件,其中:“予以公开”的件数为1件;“部分公开”1件;"
        "“无法提供”的件数为3件。"
    )
    assert taken(text, catalogue) == {
        ("requests_completed", None, None, 12.0),
        ("requests_disclosed", None, None, 1.0),
        ("requests_partial", None, None, 1.0),
        ("requests_unavailable", None, None, 3.0),
    }
    # a hotline's answers are no requests
    text = "12345热线转办件答复件数12件。"
    assert ("requests_completed", None, None, 12.0) not in taken(text, catalogue)
    assert ("hotline_received", "hotline_12345", None, 12.0) in taken(text, catalogue)


def test_partial_outcomes_written_with_yuyi(catalogue: Catalogue) -> None:
    text = "共收到申请40件,其中予以公开35件,部分予以公开1件,不予公开4件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 40.0),
        ("requests_disclosed", None, None, 35.0),
        ("requests_partial", None, None, 1.0),
        ("requests_refused", None, None, 4.0),
    }


def test_a_channel_and_others_then_the_years_items(catalogue: Catalogue) -> None:
    text = "2024年,通过市政府信息公开统一平台等渠道,主动公开政府信息79条。"
    assert taken(text, catalogue) == {("items_published", None, None, 79.0)}
    text = "我局通过中国渠县网、渠县新闻网、县电视台等渠道,主动公开政府信息30条。"
    assert taken(text, catalogue) == {("items_published", None, None, 30.0)}
    # one kind of item after them is no total
    text = "2024年,通过市政府信息公开统一平台等渠道,公开通知公告79条。"
    assert left_out(text, catalogue)["79条"] == "part (one kind of item)"


def test_a_guide_to_review_is_no_review_case(catalogue: Catalogue) -> None:
    text = "公开行政复议(指南)1条,行政诉讼0件。"
    assert taken(text, catalogue) == {("litigation_cases", None, None, 0.0)}
    assert left_out(text, catalogue)["1条"] == "part (one kind of item)"
    text = "本年度发生行政复议1件。"
    assert taken(text, catalogue) == {("appeal_review", None, None, 1.0)}


def test_one_kind_of_item_named_before_its_verb(catalogue: Catalogue) -> None:
    text = "2024年,发布专题专栏1条,预算决算公开2条。"
    assert left_out(text, catalogue)["2条"] == "part (one kind of item)"
    text = "2024年主动公开2条。"
    assert taken(text, catalogue) == {("items_published", None, None, 2.0)}


def test_messages_left_are_no_requests(catalogue: Catalogue) -> None:
    assert left_out("受理和办结网民留言17件。", catalogue)["17件"] == (
        "not requests for information"
    )
    assert taken("受理和办结政府信息公开申请17件。", catalogue) == {
        ("requests_new", None, None, 17.0),
        ("requests_completed", None, None, 17.0),
    }


def test_the_rule_of_disclosure_said_before_the_items(catalogue: Catalogue) -> None:
    text = "坚持公开为原则,不公开为例外原则主动公开政府信息234条。"
    assert taken(text, catalogue) == {("items_published", None, None, 234.0)}
    text = "对涉及国家秘密的不予公开2条。"
    assert left_out(text, catalogue)["2条"] == "not proactive (依申请, 不予公开)"


def test_requests_completed_counted_in_tiao(catalogue: Catalogue) -> None:
    assert taken("辦結依申請公開事項3條。", catalogue) == {("requests_completed", None, None, 3.0)}
    # items published on request are no requests completed
    assert left_out("依申请公开信息3条。", catalogue) == {"3条": "not proactive (依申请, 不予公开)"}


def test_interpretations_with_their_number_before_them(catalogue: Catalogue) -> None:
    assert taken("我局共计开展4次政策解读。", catalogue) == {("interpretations", None, None, 4.0)}
    assert taken("2023年我局开展0条政策解读。", catalogue) == {("interpretations", None, None, 0.0)}
    # a training on them is no interpretation
    assert taken("开展2次政策解读培训。", catalogue) == set()


def test_a_leagues_xingshu_portal(catalogue: Catalogue) -> None:
    text = "通过盟行署门户网站发布主动公开信息2130条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 2130.0)}


def test_agency_names_written_twice_or_short_then_full() -> None:
    text = "如对本报告有疑问,请与扎赉特旗扎赉特旗人民政府办公室联系。\n2025年,我办公开信息38条。"
    assert find_agency_year(text) == ("扎赉特旗人民政府办公室", 2025)
    text = (
        "2020年上海市普陀区宜川路街道办事处政府信息公开工作年度报告\n"
        "2021年01月29日 来源: 上海普陀上海市普陀区宜川路街道办事处\n"
        "2020年政府信息公开工作年度报告\n"
    )
    assert find_agency_year(text) == ("上海市普陀区宜川路街道办事处", 2020)
    text = "如对本报告有任何疑问,请联系请联系绳金塔街道党政办公室(地址:慧园街5号)。"
    assert find_agency_year(text)[0] == "绳金塔街道"


def test_dali_is_a_city_and_a_street_offices_department() -> None:
    text = "根据条例的规定,编制大理市2024年政府信息公开工作年度报告。\n2024年,大理市坚持公开。"
    assert find_agency_year(text) == ("大理市人民政府", 2024)
    # (a zone's 管理区 is still no place with a government)
    text = "根据条例的规定,编制熊口管理区2024年政府信息公开工作年度报告。"
    assert find_agency_year(text) == ("熊口管理区", 2024)
    text = (
        "根据条例相关规定,南京市浦口区人民政府永宁街道办事处综合事务部编制本年度政府信息公开"
        "工作报告。\n2025年,永宁街道深入贯彻落实政务公开的决策部署。"
    )
    assert (
        find_agency_year(text)[0] == "南京市浦口区永宁街道办事处"
    )  # (round 49: the office, as written)


def test_a_government_offices_items_and_its_governments(catalogue: Catalogue) -> None:
    text = "2024年,我办主动公开区政府及区政府办信息24条。"
    assert taken(text, catalogue) == {("items_published", None, None, 24.0)}
    text = "全年主动公开县本级政府及政府办信息222条。"
    assert taken(text, catalogue) == {("items_published", None, None, 222.0)}
    text = "通过市委市政府门户网站公开沈阳市人民政府及沈阳市人民政府办公厅文件23件。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 23.0)}
    # another body's items beside the government's are still one kind
    text = "2024年,主动公开区政府及区人大信息24条。"
    assert left_out(text, catalogue)["24条"] == "part (one kind of item)"


def test_a_list_of_channels_going_on_after_a_figure_with_yu(catalogue: Catalogue) -> None:
    text = "全年主动公开信息1200条,其中局网站2100余条,微信373条。"
    assert ("items_published", "wechat", None, 373.0) in taken(text, catalogue)
    text = "全年发布信息1.2万余条,其中局网站1.1万余条,微信373条。"
    assert ("items_published", "wechat", None, 373.0) in taken(text, catalogue)
    # a list not opened by 其中 after a figure does not go on
    text = "全年开展活动20余场,微信373条。"
    assert left_out(text, catalogue)["373条"] == "unnamed"


def test_requests_answered_in_a_sentence_on_them(catalogue: Catalogue) -> None:
    text = "二是在收到的依申请公开事项中,已答复59件,答复率为100%。"
    assert taken(text, catalogue) == {("requests_completed", None, None, 59.0)}
    # a hotline's cases answered are no requests
    text = "12345热线交办件中,已答复59件。"
    assert left_out(text, catalogue)["59件"] == "unnamed"


def test_documents_among_the_kinds_after_a_total_with_yu(catalogue: Catalogue) -> None:
    text = "2024年累计公开各类信息11000余条,其中规范性文件17件。"
    assert ("items_published", None, "documents", 17.0) in taken(text, catalogue)
    text = "公开类别:规划计划类1条,机构职能类1条;政策文件类10条;政府会议类9条。"
    assert ("items_published", None, "documents", 10.0) in taken(text, catalogue)
    # documents of a sentence that published nothing are no items published
    text = "全年制定各类制度11项,其中规范性文件17件。"
    assert left_out(text, catalogue)["17件"] == "unnamed"


def test_round39_sites_and_accounts(catalogue: Catalogue) -> None:
    # a province's commission's site in a city commission's report
    found = extract_figures(
        "通过山西省卫生健康委员会网站公开各类信息20余条。",
        catalogue,
        agency="大同市卫生健康委员会",
        year=2020,
    )
    assert [s.reason for s in found.skipped if s.number == "20余条"] == ["another body's site"]
    # a city's government's official site, named after the town whose report it is
    text = "2020年度,砖路镇定州市人民政府官方网站公开信息39条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 39.0)}
    # a 政府官方网站 with no place before it stays the agency's own, as before
    text = "政府官方网站主动公开政府信息86条。"
    assert taken(text, catalogue) == {("items_published", "dept_site", None, 86.0)}
    text = "在政府网站信息公开平台主动公开信息577条。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 577.0)}
    text = "通过部门子站点(珠江街页面)主动公开政府信息120条。"
    assert taken(text, catalogue) == {("items_published", "dept_site", None, 120.0)}
    assert taken("英雄达茂视频号发稿328条。", catalogue) == {
        ("items_published", "short_video", None, 328.0)
    }


def test_round39_agencies() -> None:
    # a town citing its government's rules
    text = (
        "一、总体情况\n2025年,黄庄镇持续严格遵照《宝坻区人民政府政务公开工作制度》要求,"
        "进一步提质增效。"
    )
    assert find_agency_year(text)[0] == "宝坻区黄庄镇"
    # the government's rules cited by a government's own report still name it
    text = "2025年,宝坻区人民政府认真落实《宝坻区人民政府政务公开工作制度》。"
    assert find_agency_year(text)[0] == "宝坻区人民政府"
    # after a heading's number
    text = "(二)2024年,汕头市政务服务和数据管理局通过政务网站发布更新工作动态61条。"
    assert find_agency_year(text)[0] == "汕头市政务服务和数据管理局"
    # a zone by its kind alone, under the one government named
    text = (
        "报告可在定州市人民政府门户下载。如对本报告有任何疑问,请与经济开发区管委会党政办公室"
        "联系(电话:0312—2359998)。"
    )
    assert find_agency_year(text)[0] == "定州市经济开发区管委会"
    # a street office's kind alone is no name
    text = "2019年,本街道办事处认真贯彻条例,在大石街道办事处专属网页上主动公开信息。"
    assert find_agency_year(text) == ("大石街道办事处", 2019)  # (round 49: as written)


def test_round40_documents_made_then_published(catalogue: Catalogue) -> None:
    text = "本年度,我委备案公文136件,主动公开136件。"
    assert taken(text, catalogue) == {("items_published", None, "documents", 136.0)}
    # items published with no documents counted before them stay the total
    text = "本年度,我委主动公开136件。"
    assert taken(text, catalogue) == {("items_published", None, None, 136.0)}


def test_round40_reports_passed_on_and_counts_by_name(catalogue: Catalogue) -> None:
    text = "被中央、省级媒体报道或转发61次。"
    assert left_out(text, catalogue)["61次"] == "reposted from another body"
    text = "通过中央、省、市各类媒体上发表转载了相关报道568篇。"
    assert taken(text, catalogue) == {("media_reports", "news_media", None, 568.0)}
    text = "共收到申请64件,共答复64件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 64.0),
        ("requests_completed", None, None, 64.0),
    }


def test_round40_agencies() -> None:
    text = "本年度报告由石江乡单位办公室编制,本年度报告中所列数据统计期限自2021年1月1日起。"
    assert find_agency_year(text)[0] == "石江乡"
    text = "对本报告如有疑问,可与白沙镇综合党政办公室联系(地址:闽侯县白沙镇安平路231号)。"
    assert find_agency_year(text)[0] == "闽侯县白沙镇"
    text = "一、总体情况\n2025年,官渡镇坚持以人民为中心的发展思想,深入贯彻落实《条例》精神。"
    assert find_agency_year(text)[0] == "官渡镇"


def test_round40_a_sentence_on_another_year(catalogue: Catalogue) -> None:
    text = (
        "赵巷镇2025年政府信息公开工作年度报告\n"
        "2024年,本镇共产生政府文件12件,其中主动公开文件7件。2025年,本镇主动公开政府信息30条。"
    )
    found = extract_figures(text, catalogue)
    assert [(f.metric, f.value) for f in found.facts] == [("items_published", 30.0)]
    assert {s.number: s.reason for s in found.skipped}["7件"] == "another year"
    # a text whose own sentences never open with the year read: the year may be the wrong one
    text = "溧水区人民政府办公室2024年政府信息公开工作年度报告\n2025年,及时公开各类政府信息109条。"
    found = extract_figures(text, catalogue)
    assert [(f.metric, f.value) for f in found.facts] == [("items_published", 109.0)]


def test_round40_requests_carried_over_only(catalogue: Catalogue) -> None:
    text = "本年度收到申请5件,完成办理上年度申请2件。"
    assert taken(text, catalogue) == {("requests_new", None, None, 5.0)}
    text = "全年共办理政府信息公开申请7件,均已办结。"
    assert taken(text, catalogue) == {("requests_completed", None, None, 7.0)}


def test_round41_one_kind_of_document_of_several(catalogue: Catalogue) -> None:
    text = "全年发布规范性文件1条,其他文件16条。"
    assert left_out(text, catalogue)["1条"] == "two figures for one row"
    text = "全年主动公开规范性文件20份,其它政府文件19份。"
    assert left_out(text, catalogue)["20份"] == "two figures for one row"
    # the documents alone are counted
    text = "全年主动公开规范性文件20份,工作动态19条。"
    assert ("items_published", None, "documents", 20.0) in taken(text, catalogue)


def test_round42_on_blind31(catalogue: Catalogue) -> None:
    # documents by how they are held, in an old report: no refused requests
    text = "全年发文191份,其中属于主动公开的71份,属于不予公开的120份。"
    assert left_out(text, catalogue)["120份"] == "a kind of information, not a request's outcome"
    # (a request refused is still one)
    assert taken("全年收到申请5件,其中属于不予公开的1件。", catalogue) == {
        ("requests_new", None, None, 5.0),
        ("requests_refused", None, None, 1.0),
    }
    text = "我局在区政府信息网主动公开政府信息171条次。"
    assert taken(text, catalogue) == {("items_published", "gov_portal", None, 171.0)}
    text = "2023年局机关网站全年公开发布各类信息556条。"
    assert taken(text, catalogue) == {("items_published", "dept_site", None, 556.0)}
    text = "“秦淮文旅”微博共发出9230条,“秦淮文旅”微信公众号共发出推送889条。"
    assert taken(text, catalogue) == {
        ("items_published", "weibo", None, 9230.0),
        ("items_published", "wechat", None, 889.0),
    }


def test_round42_agencies() -> None:
    text = "根据《条例》规定,现编制并发布双牌县教育局2025年政府信息公开工作年度报告。"
    assert find_agency_year(text) == ("双牌县教育局", 2025)
    text = "根据有关要求,特向社会公布2018年度永嘉县桥下镇人民政府信息公开年度报告,推进公开。"
    assert find_agency_year(text) == ("永嘉县桥下镇", 2018)
    # a verb before 县政府 is no place
    text = "2025年,全县主动公开信息。组织召开县政府新闻发布会9期。"
    assert find_agency_year(text)[0] is None
    text = "如对本报告有疑问,请联系常熟经济技术开发区党政办公室(电话:0512-1234567)。"
    assert find_agency_year(text)[0] == "常熟经济技术开发区"


def test_places_that_open_with_a_word_of_the_report_s_own_voice() -> None:
    # 全州县, 全椒县, 本溪市 are listed places (agency_names.toml): their 全 and 本 are no 全县
    # or 本单位
    text = "全州县2022年政府信息公开工作年度报告\n发布时间:2023-01-30 来源: 全州县政务办"
    assert find_agency_year(text) == ("全州县人民政府", 2022)
    assert find_agency_year("全椒县人民政府2021年政府信息公开工作年度报告")[0] == "全椒县人民政府"
    text = "现将本溪市教育局2022年政府信息公开工作年度报告公布如下。"
    assert find_agency_year(text)[0] == "本溪市教育局"
    # the report's own voice stays no name
    assert find_agency_year("全县2022年政府信息公开工作年度报告")[0] is None
    assert find_agency_year("本单位2022年政府信息公开工作年度报告")[0] is None
    assert find_agency_year("全市2022年政府信息公开工作年度报告")[0] is None
