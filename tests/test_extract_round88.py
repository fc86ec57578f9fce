"""Round 88, written on blind80–83 after their one measure: a magnitude alone before 余 (千余条);
others' items helped with (协助…各部门公开); a hotline's cases received by other verbs and its
two rates said equal; a running total after the year's new ones; what a count takes in, in
brackets; a sum of the kinds just listed; a body named after the press; matters, bodies and
columns that are not requests or items; thematic columns; 信息内容, 属于公文类, answers within
the time the law sets; agency: an opening after the rules followed or over the year's span, a
示范区, 现把, a government's bodies each, a bureau's own office, 文广新旅局, 高新技术产业开发区."""

from __future__ import annotations

from dashboard.domain.agency_names import same_agency
from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_a_magnitude_alone_before_yu(catalogue: Catalogue) -> None:
    assert taken("全年主动公开各类环境政务信息千余条。", catalogue) == {
        ("items_published", None, None, 1000.0)
    }
    assert taken("全年发布微博百余条。", catalogue) == {("items_published", "weibo", None, 100.0)}
    # several thousand: no number to take
    assert taken("发布信息数千余条。", catalogue) == set()
    assert "千余条" not in left_out("发布信息数千余条。", catalogue)


def test_items_of_the_departments_helped_with(catalogue: Catalogue) -> None:
    text = "协助区委、区政府系统各部门公开财政预决算和法治政府建设年度工作报告等信息百余条。"
    assert left_out(text, catalogue)["百余条"] == "other bodies' figures"


def test_a_hotlines_cases_received_and_closed_by_other_verbs(catalogue: Catalogue) -> None:
    text = "全年共接收并办结12345政务服务便民热线转办事项29件，办结率与群众满意度均达100%。"
    assert taken(text, catalogue) == {
        ("hotline_received", "hotline_12345", None, 29.0),
        ("hotline_closed", "hotline_12345", None, 29.0),
        ("hotline_closure_rate", "hotline_12345", None, 100.0),
        ("hotline_satisfaction_rate", "hotline_12345", None, 100.0),
    }
    # two other rates said equal: still one number for several kinds
    other = "受理12345热线工单30件，办结率、回访率均为100%。"
    assert left_out(other, catalogue)["100%"] == "several kinds together"


def test_a_running_total_after_the_years_new_ones(catalogue: Catalogue) -> None:
    text = "按照《条例》要求,新增主动公开规范性文件7件,累计公开42件。"
    assert left_out(text, catalogue)["42件"] == "cumulative"
    # 累计 of the year alone stays the year's total
    assert taken("全年累计公开信息50条。", catalogue) == {("items_published", None, None, 50.0)}


def test_what_a_count_takes_in_is_no_kind(catalogue: Catalogue) -> None:
    text = "所有政府信息(包含非公文类信息)的主动公开数为4383条。"
    assert taken(text, catalogue) == {("items_published", None, None, 4383.0)}


def test_a_sum_of_the_kinds_just_listed(catalogue: Catalogue) -> None:
    text = (
        "县住房城乡建委共公开行政许可24条，公开政务信息23条，发布公告公示51条，工作动态28条。"
        "全年合计发布各类信息126条。"
    )
    assert taken(text, catalogue) == {("items_published", None, None, 126.0)}
    # a later count that is not the sum: the first stays
    other = "公开政务信息23条，发布公告公示51条，工作动态28条。全年合计发布各类信息200条。"
    assert taken(other, catalogue) == {("items_published", None, None, 23.0)}
    assert left_out(other, catalogue)["200条"] == "repeated"


def test_a_body_named_after_the_press(catalogue: Catalogue) -> None:
    assert taken("区文化新闻出版局累计公开政府信息141条。", catalogue) == {
        ("items_published", None, None, 141.0)
    }
    assert taken("在市广播电视台播出新闻20条。", catalogue) == {
        ("media_reports", "news_media", None, 20.0)
    }


def test_matters_bodies_and_columns(catalogue: Catalogue) -> None:
    problems = "32场线下活动归集并办结涉企问题480个。"
    assert left_out(problems, catalogue)["480个"] == "not requests for information"
    bodies = "目前已公开教育、交通、医疗卫生、城市管理等主体共252个。"
    assert left_out(bodies, catalogue)["252个"] == "not a count of the report"
    outcomes = "在已办理的145件申请中,全部或部分公开的73件、不予公开10件。"
    assert left_out(outcomes, catalogue)["73件"] == "several kinds together"
    assert taken(outcomes, catalogue) == {("requests_refused", None, None, 10.0)}


def test_thematic_columns_are_a_part(catalogue: Catalogue) -> None:
    assert left_out("民生服务领域，76个专题专栏公开4.27万余条信息。", catalogue)["4.27万余条"] == (
        "part of a channel"
    )
    assert left_out("“两化”专题发布11.7万条。", catalogue)["11.7万条"] == "part of a channel"


def test_items_by_other_words(catalogue: Catalogue) -> None:
    assert taken("我会主动公开的信息内容共计94条。", catalogue) == {
        ("items_published", None, None, 94.0)
    }
    text = "累计公开政府信息141条,全文电子化率达100%,其中,属于公文类的信息26条,占18%。"
    assert taken(text, catalogue) == {
        ("items_published", None, None, 141.0),
        ("items_published", None, "documents", 26.0),
    }


def test_answers_within_the_time_the_law_sets(catalogue: Catalogue) -> None:
    text = "全年新受理政府信息公开申请227件,上年结转18件;按规定在法定期限内答复229件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 227.0),
        ("requests_completed", None, None, 229.0),
    }


def test_the_agency_opening_after_the_rules_or_over_the_years_span() -> None:
    rules = (
        "一、总体情况\n按照《条例》的要求,2024年临沂市生态环境局兰陵县分局进一步加强基础性工作。"
        "\n2.依申请公开工作方面。2024年度,我局收到政府信息公开申请4件。"
    )
    assert find_agency_year(rules) == ("临沂市生态环境局兰陵县分局", 2024)
    span = (
        "现就开展2023年度政府信息公开工作总结如下:\n"
        "2023年1月1日至12月31日,楚雄州生态环境局禄丰分局在禄丰市人民政府门户网站共发布信息311条。"
    )
    assert find_agency_year(span) == ("楚雄州生态环境局禄丰分局", 2023)
    zone = "一、总体情况\n2025年,长春临空经济示范区共公开信息246项。"
    assert find_agency_year(zone) == ("长春临空经济示范区", 2025)


def test_no_name_of_a_governments_bodies_each() -> None:
    text = (
        "本报告根据《条例》要求,在2018年度西城区政府各委、办、局及街道办事处的政府信息公开"
        "工作年度报告的基础上编制。\n本报告中所列数据的统计期限自2018年1月1日起。"
    )
    # (no other name in the text: none, rather than 西城区政府各委)
    assert find_agency_year(text) == (None, 2018)


def test_xianba_before_a_name() -> None:
    text = "根据《条例》精神,现把长治市信访局2019年度政府信息公开工作情况报告如下:\n一、总体情况"
    assert find_agency_year(text) == ("长治市信访局", 2019)


def test_a_bureaus_own_office_compiles_the_bureaus_report() -> None:
    text = (
        "本年报是根据《条例》要求,由南京市浦口区卫健委党政办编制的2024年度政府信息公开年度报告。"
        "\n一、总体情况\n全年信息公开总量44条。"
    )
    agency, year = find_agency_year(text)
    # (spelt out after its place since round 105)
    assert (agency, year) == ("南京市浦口区卫生健康委员会", 2024)
    # a government's office and a Party committee's are bodies of their own
    office = "由南京市浦口区人民政府办公室编制的2024年度政府信息公开年度报告。\n一、总体情况\n"
    assert find_agency_year(office)[0] == "南京市浦口区人民政府办公室"
    bureau = "由南京市浦口区民政局办公室编制的2024年度政府信息公开年度报告。\n一、总体情况\n"
    assert find_agency_year(bureau)[0] == "南京市浦口区民政局"


def test_short_forms_spelt_out() -> None:
    assert same_agency("樟树市文广新旅局", "樟树市文化广电新闻出版旅游局")
    assert same_agency("淄博高新区市场监管局", "淄博高新技术产业开发区市场监督管理局")
    assert not same_agency("樟树市文广新旅局", "樟树市文化和旅游局")
