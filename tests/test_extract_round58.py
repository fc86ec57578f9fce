"""Round 58, written on blind43 after it was measured once (each rule checked on all 48 sets):
the hotline's cases closed with 办结 before the hotline's name, 图片新闻 as a kind of item on the
agency's own site (not the press), a part in brackets after the figure it is part of (含…),
every platform together as the total (在各个平台共公开), kinds listed then counted together
(机构职能、政策法规共计32条), a clause that opens anew with its year
and the agency's own name (not the site an earlier clause named), and of two interpretation
counts the one said to be the 总数. The texts are excerpts of blind43's reports (泰州市教育局
2022, 天水市商务局 2019, 海珠区人民政府 2019, 惠州市水务局 2016, 临夏州水务局 2024, 漳平市人民政府
2019, 海青镇 2025) and one of blind27 (晋安区人民政府办公室 2024)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_the_hotlines_cases_closed_named_after_the_verb(catalogue: Catalogue) -> None:
    rows = taken("全年办结12345政风热线2638件。", catalogue)
    assert ("hotline_closed", "hotline_12345", None, 2638.0) in rows
    assert not any(row[0] == "hotline_received" for row in rows)
    # received and closed in one sentence, each its own
    both = taken("全年受理12345热线工单300件,办结12345热线工单298件。", catalogue)
    assert {("hotline_received", "hotline_12345", None, 300.0)} <= both
    assert ("hotline_closed", "hotline_12345", None, 298.0) in both


def test_picture_news_is_an_item_of_the_site_not_the_press(catalogue: Catalogue) -> None:
    assert not any(row[0] == "media_reports" for row in taken("图片新闻更新30条。", catalogue))
    press = taken("通过新闻媒体发布信息30条。", catalogue)
    assert ("media_reports", "news_media", None, 30.0) in press


def test_a_part_in_brackets_after_its_figure(catalogue: Catalogue) -> None:
    text = "2019年海珠区共收到政府信息公开申请1521宗(含区规划资源分局收到申请1187宗)。"
    assert ("requests_new", None, None, 1521.0) in taken(text, catalogue)
    assert left_out(text, catalogue)["1187宗"] == "part (其中)"
    # the year's new requests in the brackets still win over all handled
    carried = "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件)。"
    assert ("requests_new", None, None, 112.0) in taken(carried, catalogue)


def test_every_platform_together_is_the_total(catalogue: Catalogue) -> None:
    text = "本年度,我局在各个平台共公开信息1638条。"
    assert ("items_published", None, None, 1638.0) in taken(text, catalogue)


def test_a_clause_opening_anew_with_its_year_and_the_agency_is_not_the_sites(
    catalogue: Catalogue,
) -> None:
    text = (
        "我局调整优化了州政府门户网站维护栏目,主动公开机构简介、政策法规等栏目,2024年我局主动"
        "公开信息共373条,通过政府门户网站发布信息93条、通过“临夏水务”微信公众号发布信息323条。"
    )
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 373.0) in rows
    assert ("items_published", "gov_portal", None, 93.0) in rows
    # without the fresh start, the clause is the site's the sentence named
    site = "我局调整优化了州政府门户网站维护栏目,共发布信息373条。"
    assert ("items_published", "gov_portal", None, 373.0) in taken(site, catalogue)


def test_of_two_interpretation_counts_the_one_said_to_be_all(catalogue: Catalogue) -> None:
    text = "2019年,共发布政策解读信息总数105条,解读材料数量12条,解读产品数量93个。"
    rows = taken(text, catalogue)
    assert ("interpretations", None, None, 105.0) in rows
    assert left_out(text, catalogue)["12条"] == "repeated"
    # two kinds, neither said to be all: neither
    two = "针对政策文件开展政策解读,共制作解读材料6篇,多形式解读产品7个。"
    assert not any(row[0] == "interpretations" for row in taken(two, catalogue))


def test_kinds_listed_then_counted_together_are_the_total(catalogue: Catalogue) -> None:
    # (海青镇 2025, blind43)
    text = "2025年,我镇通过门户网站、公告栏等形式,及时公开机构职能、政策法规共计32条。"
    assert ("items_published", None, None, 32.0) in taken(text, catalogue)
    # kinds joined without 等 or 共计 are one kind of item, a part
    one = "公开人大建议、政协提案办理结果信息105条。"
    assert left_out(one, catalogue)["105条"] == "part (one kind of item)"


def test_parts_after_bao_kuo_an_average_and_a_part_of_the_reads(catalogue: Catalogue) -> None:
    # (excerpts of 泽州县大箕镇 2025, 杭州市医疗保障局 2023 and 浙江省市场监督管理局 2020)
    text = "2025年,全年累计主动公开政府信息36条,包括政务信息更新8条。"
    assert ("items_published", None, None, 36.0) in taken(text, catalogue)
    assert left_out(text, catalogue)["8条"] == "part (其中)"
    reads = "“杭州医保”微信公众号全年发布信息465条,总阅读量达375.4万次,平均阅读量8072.8次。"
    assert ("reads", "wechat", None, 3754000.0) in taken(reads, catalogue)
    assert left_out(reads, catalogue)["8072.8次"] == "average"
    part = "“浙江市场监管”微信公众号发布信息1200条,阅读总量124.64万,其中阅读量超过1万的文章12篇。"
    assert ("reads", "wechat", None, 1246400.0) in taken(part, catalogue)


def test_requests_handled_then_said_all_answered_are_the_completed(catalogue: Catalogue) -> None:
    # (江门市人民政府 2024, 昭通市人民政府 2022, 达州市交通运输局 2025, 苏州市人民政府办公室 2023)
    for text, value in (
        ("全年共办理公开申请1334宗,均在法定期限内予以答复。", 1334.0),
        ("全市各级各部门办理政府信息公开申请651件,均在法定期限内予以办结。", 651.0),
        ("2025年办理依申请公开事项2件,办结率100%。", 2.0),
        ("全年办理市政府本级依申请公开答复263件。", 263.0),
    ):
        assert ("requests_completed", None, None, value) in taken(text, catalogue), text
    # handled, with nothing said of how many were answered: either
    alone = "全年共办理公开申请1334宗。"
    assert left_out(alone, catalogue)["1334宗"] == "doubtful (办理: received or completed?)"


def test_every_kind_with_some_named_among_them_is_the_total(catalogue: Catalogue) -> None:
    # (苍南县市场监督管理局 2023, 平阳县市场监督管理局 2020)
    text = "2023年,我局共发布包括食品、药品、特种设备信息等重点领域信息在内的各类信息1600余条。"
    assert ("items_published", None, None, 1600.0) in taken(text, catalogue)
    # the key fields alone are a part
    key = "2023年,我局共发布重点领域信息1600余条。"
    assert left_out(key, catalogue)["1600余条"] == "part (one kind of item)"
