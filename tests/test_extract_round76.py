"""Round 76, written on blind60 and blind61 after each was measured once (each rule checked on
all 66 sets): recruitment among kinds listed with 等 (…政府采购、招考录用等信息) is no
recruitment figure; the completion of the people's matters counted just before
(…咨询投诉2021件，办结2021件) is no request's; the press among offline ways (报刊、电视、广播、
政务服务场所等) is no press count; a street office's own items by its kind's name (办事处信息);
the hotline's own kinds of case (举报投诉、政策咨询) are the hotline's; requests that went to
court (其中提起诉讼的1件). Agency: a government's office said short (政府办), a town's level
written twice (彩云镇镇人民政府) where the text writes its government once elsewhere. The texts
are excerpts of blind60's reports (资阳市雁江区人民政府办公室 2022, 泸县商务和经济合作局 2023,
绵阳市涪城区城厢街道办事处 2023, 泸州市纳溪区文化广播电视和旅游局 2023, 朝阳市龙城区人民政府
2021, 将乐县人民政府办公室 2024, 禄丰市彩云镇 2022) and blind61's (西安市长安区人民政府 2024,
咸阳市秦都区人民政府 2020)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_recruitment_among_kinds_listed_is_no_recruitment_figure(catalogue: Catalogue) -> None:
    text = "主动公开财政预(决)算、政府采购、招考录用等信息357条。"
    assert ("items_published", None, None, 357.0) in taken(text, catalogue)
    control = "公开招考录用信息12条。"
    assert ("recruitment_notices", None, None, 12.0) in taken(control, catalogue)


def test_the_completion_of_the_matters_counted_before_is_no_requests(
    catalogue: Catalogue,
) -> None:
    text = "受理区政府网站和人民网留言板咨询投诉2021件,办结2021件,办结率100%。"
    assert not any(metric.startswith("requests") for metric, *_ in taken(text, catalogue))
    claims = "全年共收到群众诉求12394件次,办结上报12190件次。"
    assert not any(metric.startswith("requests") for metric, *_ in taken(claims, catalogue))
    control = "共受理政府信息公开申请15件,办结15件。"
    assert ("requests_completed", None, None, 15.0) in taken(control, catalogue)


def test_the_press_among_offline_ways_is_no_press_count(catalogue: Catalogue) -> None:
    text = "通过报刊、电视、广播、政务服务场所等传统公开载体公开信息22条。"
    assert left_out(text, catalogue)["22条"] == "several channels"
    control = "通过报刊、电视等传统公开载体公开信息331条。"
    assert ("media_reports", "news_media", None, 331.0) in taken(control, catalogue)


def test_a_street_offices_own_items(catalogue: Catalogue) -> None:
    text = "通过政务公开栏、张贴公告公示等多种方式主动公开办事处信息851条。"
    assert ("items_published", None, None, 851.0) in taken(text, catalogue)


def test_the_hotlines_own_kinds_of_case(catalogue: Catalogue) -> None:
    text = "办理12345政务服务热线举报投诉、政策咨询13件。"
    assert ("hotline_received", "hotline_12345", None, 13.0) in taken(text, catalogue)
    # (control: the hotline and a mailbox's questions together)
    both = "办理12345热线电话、网上信箱咨询13件。"
    assert left_out(both, catalogue)["13件"] == "several channels"


def test_requests_that_went_to_court(catalogue: Catalogue) -> None:
    text = "我区共接收群众申请公开4件,其中提起诉讼的1件,目前正在审理中。"
    found = taken(text, catalogue)
    assert ("requests_new", None, None, 4.0) in found
    assert ("litigation_cases", None, None, 1.0) in found


def test_a_governments_office_said_short() -> None:
    text = (
        "报告中所列数据的统计期限为2024年1月1日至2024年12月31日,并在将乐县人民政府门户网站公布。"
        "如对本年度报告有疑问,请与将乐县政府办电子政务科联系(地址:将乐县府前路18号)。"
    )
    assert find_agency_year(text) == ("将乐县人民政府办公室", 2024)


def test_a_towns_level_written_twice() -> None:
    text = (
        "本报告依据《中华人民共和国政府信息公开条例》要求,汇总2022年度,由彩云镇镇人民政府信息公开"
        "工作编制而成。涉及数据统计时间为2022年1月1日至2022年12月31日止。\n一、总体情况\n"
        "2022年,禄丰市彩云镇人民政府坚持以习近平新时代中国特色社会主义思想为指导。"
    )
    assert find_agency_year(text)[0] == "禄丰市彩云镇"
    # (control: a town so named, whose government the text never writes without it)
    named = (
        "由古镇镇人民政府编制本报告。统计期限为2022年1月1日至2022年12月31日。\n"
        "2022年,古镇镇人民政府坚持依法公开。"
    )
    assert find_agency_year(named)[0] in ("古镇镇", "古镇镇人民政府")
