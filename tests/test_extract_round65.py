"""Round 65, written on blind50 after it was measured once (each rule checked on all 55 sets):
a count holding the three kinds of information (主动公开, 依申请公开, 不予公开) is no published
figure and its proactive part is the year's; sites or accounts counted together (全区8个门户网站,
微信公众号等政务新媒体账号141个) are no one channel's; a verb alone after a count of questions
publishes some of those; two quoted accounts of one kind in a 其中 list are neither the row's;
a site and others (网站等) before the year's items is the total. The texts are excerpts of
blind50's reports (德安县河东乡 2022, 大兴安岭地区行政公署 2023, 合江县卫生健康局 2024, 内江市
市中区住房和城乡建设局 2021) and of blind35 and blind40."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from tests.extract_cases import taken


def _reasons(text: str, catalogue: Catalogue) -> dict[str, str]:
    extraction = extract_figures(text, catalogue, agency="某乡", year=2022)
    return {s.number: s.reason for s in extraction.skipped}


def test_a_count_of_the_three_kinds_of_information(catalogue: Catalogue) -> None:
    text = (
        "2022年度我乡累计公开206条,其中主动公开信息数为200条,依申请公开信息数为6条,"
        "不予公开信息数为0条."
    )
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 200.0) in rows
    assert not any(row[3] == 206.0 for row in rows)
    assert _reasons(text, catalogue)["206条"] == "all kinds of information, proactive or not"
    # on a named platform: the proactive kind is the year's all the same
    platform = taken(
        "我乡通过德安县政府信息公开平台累公开206条,其中主动公开信息数为206条,依申请公开信息数为0条,"
        "不予公开信息数为0条.",
        catalogue,
    )
    assert platform == {("items_published", None, None, 206.0)}
    # proactive already before 其中: the whole stands
    proactive = taken(
        "全年累计主动公开政府信息数量46条,其中主动公开公文14条,依申请公开0条。", catalogue
    )
    assert ("items_published", None, None, 46.0) in proactive
    # requests by what they asked for are no kinds of information
    requests = taken(
        "2025年夏阳街道收到政务公开申请11件,其中:主动公开1件,依申请公开4件,咨询2件。", catalogue
    )
    assert ("requests_new", None, None, 11.0) in requests
    assert not any(row[0] == "items_published" for row in requests)


def test_sites_or_accounts_counted_together_are_no_one_channels(catalogue: Catalogue) -> None:
    sites = "全区8个门户网站发布或更新政府信息24489条。"
    extraction = extract_figures(sites, catalogue, agency="大兴安岭地区行政公署", year=2023)
    assert not any(f.value == 24489.0 for f in extraction.facts)
    accounts = taken("建设微信公众号等政务新媒体账号141个,发布各类政务信息23813条。", catalogue)
    assert not any(row[3] == 23813.0 for row in accounts)
    # one account named before: its figure
    one = taken("开通微信公众号“健康合江”,发布信息440条。", catalogue)
    assert ("items_published", "wechat", None, 440.0) in one


def test_a_verb_alone_after_a_count_of_questions(catalogue: Catalogue) -> None:
    text = "收到并及时处理网上互动咨询261件,公开163件。"
    assert _reasons(text, catalogue)["163件"] == "of what the clause before counts"
    # after the year's information: still read as items (two figures for one row, here)
    info = "主动公开政府信息300条,公开163件。"
    assert _reasons(info, catalogue)["163件"] == "two figures for one row"


def test_two_quoted_accounts_of_one_kind_in_a_list(catalogue: Catalogue) -> None:
    text = (
        "合江县卫生健康局2024年主动公开政府信息723条,其中政府网站公开16条,微信公众号“健康合江”"
        "发布440条,微信服务号“健康合江服务”发布37条。"
    )
    rows = taken(text, catalogue)
    assert ("items_published", None, None, 723.0) in rows
    assert not any(row[1] == "wechat" for row in rows)


def test_a_site_and_others_before_the_years_items_is_the_total(catalogue: Catalogue) -> None:
    text = "2021年区住建局通过市中区政府信息公开网站等主动公开信息105条。"
    assert ("items_published", None, None, 105.0) in taken(text, catalogue)
    own = taken("通过局网站公开信息30条。", catalogue)
    assert ("items_published", "dept_site", None, 30.0) in own


def test_a_number_after_a_colon_is_read(catalogue: Catalogue) -> None:
    # (an ASCII colon after a word, as mirrors write it: not a time's 8:30)
    listed = taken("部门乡镇信息公开共发布41条信息:2条政策解读、0条政府信息公开指南。", catalogue)
    assert ("interpretations", None, None, 2.0) in listed
    # the 0 counts the guide after it, not the interpretations before it
    assert ("interpretations", None, None, 0.0) not in listed
    named = taken("主动公开信息数:175条。", catalogue)
    assert ("items_published", None, None, 175.0) in named
    extraction = extract_figures("会议于8:30召开。", catalogue, agency="某局", year=2022)
    assert not extraction.facts and all(s.number != "30" for s in extraction.skipped)


def test_the_years_information_is_items_in_general(catalogue: Catalogue) -> None:
    text = "2015年,我乡在朝天区政府网站公开本年度信息 69条。"
    assert ("items_published", "gov_portal", None, 69.0) in taken(text, catalogue)
