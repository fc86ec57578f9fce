"""Round 5 of extract_figures: structural guards for precision on reports nobody tuned on, and
a few general recall rules. Each test has a case the rule must leave out (or take) and its
counterpart; the texts are made up, for other agencies than the corpus ones."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.i18n.extraction import skip_key
from dashboard.i18n.messages import has
from tests.extract_cases import left_out, taken

_rows, _reasons = taken, left_out


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


# ── precision: what a clause is about ──────────────────────────────────────────────────────


def test_a_clause_about_requests_never_counts_published_items(catalogue: Catalogue) -> None:
    rows = _rows("2022年共接受群众申请政府信息公开17件。", catalogue)
    assert not any(metric == "items_published" for metric, *_ in rows)
    assert ("items_published", None, None, 40) in _rows("2022年主动公开政府信息40件。", catalogue)


def test_requests_not_yet_closed_are_no_outcome(catalogue: Catalogue) -> None:
    rows = _rows("收到申请5件，办结5件，尚未办结0件。", catalogue)
    completed = {value for metric, _, _, value in rows if metric == "requests_completed"}
    assert completed == {5}


def test_number_words_with_list_counting_words_are_no_figure(catalogue: Catalogue) -> None:
    text = "及时公布“领导成员”、“内设机构”等两个子栏目内容。"
    assert _rows(text, catalogue) == set()
    # (两个子栏目: the number counts the columns after it)
    assert _reasons(text, catalogue)["两个"] == "counts what follows it"


def test_issues_are_items_only_of_a_periodical(catalogue: Catalogue) -> None:
    text = "发布行政处罚案件信息公开31期。"
    assert _rows(text, catalogue) == set()
    assert _reasons(text, catalogue)["31期"] == "issues, not items"
    assert ("items_published", None, None, 12) in _rows("编发工作简报公开12期。", catalogue)


# ── precision: documents made and published ────────────────────────────────────────────────


def test_documents_made_are_not_documents_published(catalogue: Catalogue) -> None:
    made = "全年制发规范性文件6件。"
    assert _rows(made, catalogue) == set()
    assert _reasons(made, catalogue)["6件"] == "documents made, not said to be published"
    assert ("items_published", None, "documents", 6) in _rows(
        "全年制定并发布规范性文件6件。", catalogue
    )


def test_more_documents_published_than_made_is_a_running_total(catalogue: Catalogue) -> None:
    text = "一年内，市水务局主动公开规范性文件88条，制发规范性文件3件，政府网站公开信息900条。"
    rows = _rows(text, catalogue)
    assert not any(category == "documents" for _, _, category, _ in rows)
    assert _reasons(text, catalogue)["88条"] == "more documents published than made"


def test_published_of_all_made_is_the_total_not_documents(catalogue: Catalogue) -> None:
    text = "2016年本机关制作、获取的政府信息800条，其中主动公开文件310条。"
    assert ("items_published", None, None, 310) in _rows(text, catalogue)
    assert not any(c == "documents" for _, _, c, _ in _rows(text, catalogue))


def test_later_items_of_a_list_opened_by_qizhong_are_parts(catalogue: Catalogue) -> None:
    text = "按期更新5个板块：其中公开通知公告6条、部门动态4条，政府信息公开36条。"
    assert not any(value == 36 for *_, value in _rows(text, catalogue))


def test_one_form_of_interpretation_is_not_their_number(catalogue: Catalogue) -> None:
    text = "召开新闻发布会3次、数字图文解读17条。"
    assert not any(m == "interpretations" for m, *_ in _rows(text, catalogue))
    assert _reasons(text, catalogue)["17条"] == "one form of interpretation"
    assert ("interpretations", None, None, 17) in _rows("发布政策解读17条。", catalogue)


# ── precision: several channels before one number ──────────────────────────────────────────


def test_two_sites_before_one_number_are_never_one_channel(catalogue: Catalogue) -> None:
    joined = "2022年市水务局通过市政府门户网站及本部门门户网站主动公开信息共计500条。"
    assert not any(channel == "gov_portal" for _, channel, _, _ in _rows(joined, catalogue))
    earlier = "本年度通过政府网站、政府信息公开平台，主动公开各类政府信息88条。"
    assert not any(channel == "gov_portal" for _, channel, _, _ in _rows(earlier, catalogue))
    # one site alone keeps its channel
    assert ("items_published", "gov_portal", None, 500) in _rows(
        "2022年市水务局通过市政府门户网站主动公开信息共计500条。", catalogue
    )


# ── recall: general rules ──────────────────────────────────────────────────────────────────


def test_channel_list_after_qizhong_without_verbs(catalogue: Catalogue) -> None:
    text = (
        "2022年主动公开政府信息共计900条，其中，局官网发布信息300条，微信公众号400条，微博150条。"
    )
    rows = _rows(text, catalogue)
    assert ("items_published", "wechat", None, 400) in rows
    assert ("items_published", "weibo", None, 150) in rows
    # without 其中 after a published total, a bare channel and number is not taken
    assert not any(v == 400 for *_, v in _rows("今年工作不少，微信公众号400条。", catalogue))


def test_publishing_amount_after_an_accounts_followers(catalogue: Catalogue) -> None:
    text = "微信公众号订阅数1500人，信息发布量260条。"
    assert ("items_published", "wechat", None, 260) in _rows(text, catalogue)


def test_the_agencys_own_field_of_items_is_all_its_items(catalogue: Catalogue) -> None:
    text = "2022年度，主动公开了涉水务政府信息75条。"
    assert ("items_published", None, None, 75) in _rows(text, catalogue)
    own = "2022年度主动公开水务政府信息75条。"
    assert ("items_published", None, None, 75) in _rows(own, catalogue, agency="某市水务局")
    new = "2022年，市水务局新增主动公开的政府信息75件。"
    assert ("items_published", None, None, 75) in _rows(new, catalogue)


def test_requests_counted_in_qi_and_answered_all(catalogue: Catalogue) -> None:
    assert ("requests_new", None, None, 1) in _rows("2022年我局收到申请总数为1起。", catalogue)
    rows = _rows("全年收到政府信息公开申请4件，4件均按时依法答复。", catalogue)
    assert ("requests_completed", None, None, 4) in rows
    # 均 with no request in the sentence: no completion
    assert not any(m == "requests_completed" for m, *_ in _rows("4件均已完成。", catalogue))


def test_new_skip_reasons_have_messages() -> None:
    for reason in (
        "issues, not items",
        "documents made, not said to be published",
        "more documents published than made",
        "one form of interpretation",
    ):
        assert has(skip_key(reason)), reason
