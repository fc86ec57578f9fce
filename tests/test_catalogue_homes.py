"""Issue 10 §1: every kind of figure a report states has a home in the catalogue.

Totals without a channel and their categories (documents among them), media reports, the
litigation and review totals, interaction (政民互动), statutory table 二 in the 2021 and 2019
formats, and the other figures the dev corpus states: each is named by the words reports use,
checked against its parts where parts are declared (never requiring them), and shown on a page.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analytics.statutory import (
    FOUR,
    THREE,
    CheckStatus,
    grid_cells,
    grids_shown,
    has_table,
    table_checks,
    table_grid,
)
from dashboard.domain.catalogue import Catalogue, load_catalogue
from dashboard.domain.config_files import ConfigError
from dashboard.domain.problems import ProblemCode
from dashboard.i18n.statutory import check_name, grid_text, grid_title
from dashboard.ingest.validate import ValidationReport, validate_file
from dashboard.outputs.exporter import fact_cells
from dashboard.store.database import Store
from tests.conftest import csv_bytes, edit_once
from tests.factories import frame, row
from tests.hostile import shown

CORPUS = Path(__file__).resolve().parent / "data" / "corpus" / "reports-dev.jsonl"
APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")

# The acceptance mapping of issue 10: label → (指标, 渠道, 类别) as staff type the row.
LABEL_ROWS: dict[str, tuple[str, str, str]] = {
    "publish_total": ("发布信息条数", "", ""),
    "publish_portal": ("发布信息条数", "政府门户网站", ""),
    "publish_dept_site": ("发布信息条数", "部门网站", ""),
    "publish_documents": ("发布信息条数", "", "文件"),
    "wechat_posts": ("发布信息条数", "微信公众号", ""),
    "weibo_posts": ("发布信息条数", "微博", ""),
    "video_posts": ("发布信息条数", "短视频", ""),
    "wechat_followers": ("关注人数", "微信公众号", ""),
    "weibo_followers": ("关注人数", "微博", ""),
    "wechat_reads": ("阅读量", "微信公众号", ""),
    "media_reports": ("媒体报道篇数", "新闻媒体", ""),
    "interpretations": ("政策解读篇数", "", ""),
    "submitted_info": ("报送信息篇数", "", ""),
    "adopted_info": ("录用信息篇数", "", ""),
    "hotline_received": ("热线受理件数", "12345", ""),
    "hotline_closed": ("热线办结件数", "12345", ""),
    "hotline_closure_rate": ("热线办结率", "12345", ""),
    "hotline_satisfaction_rate": ("满意率", "12345", ""),
    "recruitment_notices": ("招聘公告条数", "", ""),
    "recruitment_hires": ("招聘人数", "", ""),
    "requests_received": ("新收申请数", "", ""),
    "requests_completed": ("办理结果总计", "", ""),
    "requests_disclosed": ("予以公开", "", ""),
    "requests_partial": ("部分公开", "", ""),
    "requests_refused": ("不予公开", "", ""),
    "requests_unavailable": ("无法提供", "", ""),
    "requests_not_processed": ("不予处理", "", ""),
    "requests_other": ("其他处理", "", ""),
    "review_cases": ("行政复议", "", ""),
    "litigation_cases": ("行政诉讼", "", ""),
    "meetings": ("专题会议次数", "", ""),
}
# label → (metric id, channel id, category as stored)
LABEL_SLOTS: dict[str, tuple[str, str | None, str | None]] = {
    "publish_total": ("items_published", None, None),
    "publish_portal": ("items_published", "gov_portal", None),
    "publish_dept_site": ("items_published", "dept_site", None),
    "publish_documents": ("items_published", None, "documents"),
    "wechat_posts": ("items_published", "wechat", None),
    "weibo_posts": ("items_published", "weibo", None),
    "video_posts": ("items_published", "short_video", None),
    "wechat_followers": ("followers", "wechat", None),
    "weibo_followers": ("followers", "weibo", None),
    "wechat_reads": ("reads", "wechat", None),
    "media_reports": ("media_reports", "news_media", None),
    "interpretations": ("interpretations", None, None),
    "submitted_info": ("info_submitted", None, None),
    "adopted_info": ("info_adopted", None, None),
    "hotline_received": ("hotline_received", "hotline_12345", None),
    "hotline_closed": ("hotline_closed", "hotline_12345", None),
    "hotline_closure_rate": ("hotline_closure_rate", "hotline_12345", None),
    "hotline_satisfaction_rate": ("hotline_satisfaction_rate", "hotline_12345", None),
    "recruitment_notices": ("recruitment_notices", None, None),
    "recruitment_hires": ("recruitment_hires", None, None),
    "requests_received": ("requests_new", None, None),
    "requests_completed": ("requests_completed", None, None),
    "requests_disclosed": ("requests_disclosed", None, None),
    "requests_partial": ("requests_partial", None, None),
    "requests_refused": ("requests_refused", None, None),
    "requests_unavailable": ("requests_unavailable", None, None),
    "requests_not_processed": ("requests_not_processed", None, None),
    "requests_other": ("requests_other", None, None),
    "review_cases": ("appeal_review", None, None),
    "litigation_cases": ("litigation_cases", None, None),
    "meetings": ("meetings", None, None),
}


def corpus_labels() -> list[str]:
    labels: list[str] = []
    for line in CORPUS.read_text("utf-8").splitlines():
        if line.strip():
            labels += [label["metric"] for label in json.loads(line)["labels"]]
    return labels


def problems(report: ValidationReport) -> list[tuple[str, str]]:
    return [(p.code, p.severity) for p in report.problems]


def facts_of(report: ValidationReport) -> pl.DataFrame:
    return frame(
        *[
            row(
                f.year,
                f.metric,
                f.value,
                str(f.qualifier),
                channel=f.channel,
                category=f.category,
                agency=f.agency,
            )
            for d in report.datasets
            for f in d.facts
        ]
    )


# ── every label of the corpus has a row ─────────────────────────────────────────────────────


def test_every_corpus_label_has_an_acceptance_row() -> None:
    assert set(corpus_labels()) <= set(LABEL_ROWS)
    assert set(LABEL_ROWS) == set(LABEL_SLOTS)


@pytest.mark.parametrize("label", sorted(LABEL_ROWS))
def test_a_label_row_reads_as_its_slot(catalogue: Catalogue, label: str) -> None:
    """The row staff type for a label is read as one figure of the catalogue: metric, channel
    (a blank channel gets the metric's default) and category."""
    metric_name, channel, category = LABEL_ROWS[label]
    report = validate_file(
        csv_bytes(f"2022,测试局,{metric_name},{channel},{category},5,"), "t.csv", catalogue
    )
    assert report.ok, report.problems
    (fact,) = report.datasets[0].facts
    assert (fact.metric, fact.channel, fact.category) == LABEL_SLOTS[label]


# ── totals without a channel, and their categories ──────────────────────────────────────────


@pytest.mark.parametrize(
    "written",
    ["文件", "公开文件", "规范性文件", "行政规范性文件", "政府文件", "本级文件", "公文类信息"],
)
def test_document_categories_are_one_known_category(catalogue: Catalogue, written: str) -> None:
    items = catalogue.metrics["items_published"]
    assert catalogue.free_category(items, written) == "documents"
    assert catalogue.free_category(items, f" {written} ") == "documents"
    assert catalogue.category_name(items, "documents") == "文件"
    assert catalogue.category_name(items, "documents", "en") == "Documents"


def test_other_categories_stay_as_written(catalogue: Catalogue) -> None:
    items = catalogue.metrics["items_published"]
    # the 2019 seed's 部门文件 keeps its words; any other category too
    assert catalogue.free_category(items, "部门文件") == "部门文件"
    assert catalogue.free_category(items, "重大项目建设信息") == "重大项目建设信息"
    assert catalogue.free_category(items, "政务动态（２）") == "政务动态(2)"
    assert catalogue.free_category(items, "") is None
    assert catalogue.category_name(items, "部门文件") == "部门文件"
    # a free category with no known categories reads every category as written
    adopted = catalogue.metrics["info_adopted"]
    assert catalogue.free_category(adopted, "文件") == "文件"


def test_documents_round_trip_through_export(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes("2021,测试局,发布信息条数,,公开文件,17,部门文件17件"), "t.csv", catalogue
    )
    (fact,) = report.datasets[0].facts
    assert fact.category == "documents"
    cells = fact_cells(fact, catalogue)
    assert cells[2:5] == ["发布信息条数", "", "文件"]
    again = validate_file(csv_bytes(",".join(str(c) for c in cells)), "t.csv", catalogue)
    assert again.datasets[0].facts[0].category == "documents"


def test_total_and_its_categories_without_a_channel(catalogue: Catalogue) -> None:
    # 主动公开政府信息215条，其中重大项目建设信息130条，部门文件17件: no channel split needed
    report = validate_file(
        csv_bytes(
            "2021,测试局,发布信息条数,,,215,",
            "2021,测试局,发布信息条数,,重大项目建设信息,130,",
            "2021,测试局,发布信息条数,,文件,17,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok and report.problems == []
    slots = {(f.channel, f.category): f.value for f in report.datasets[0].facts}
    assert slots == {(None, None): 215, (None, "重大项目建设信息"): 130, (None, "documents"): 17}


def test_categories_without_channel_are_parts_of_the_total(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(
            "2021,测试局,发布信息条数,,,100,",
            "2021,测试局,发布信息条数,,重大项目建设信息,90,",
            "2021,测试局,发布信息条数,,文件,17,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok  # a warning: staff may save it as the report has it
    assert problems(report) == [(ProblemCode.PARTS_EXCEED_TOTAL, "warning")]
    assert report.problems[0].row == 2  # the total's row


def test_channel_and_category_splits_are_each_within_the_total(catalogue: Catalogue) -> None:
    # 100 in all: channels 60 + 40, categories 70 + 30. The two splits overlap; together they
    # exceed the total, but each alone is within it.
    report = validate_file(
        csv_bytes(
            "2021,测试局,发布信息条数,,,100,",
            "2021,测试局,发布信息条数,政府门户网站,,60,",
            "2021,测试局,发布信息条数,微信公众号,,40,",
            "2021,测试局,发布信息条数,,政务动态,70,",
            "2021,测试局,发布信息条数,,文件,30,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.problems == []


def test_a_total_alone_needs_no_parts(catalogue: Catalogue) -> None:
    for line in ("2021,测试局,发布信息条数,,,7100余,", "2021,测试局,行政诉讼,,,1,"):
        report = validate_file(csv_bytes(line), "t.csv", catalogue)
        assert report.ok and report.problems == [], line


# ── media reports, litigation and review totals ─────────────────────────────────────────────


def test_media_reports_default_to_news_media(catalogue: Catalogue) -> None:
    metric = catalogue.find_metric("媒体报道")
    assert metric is not None and metric.id == "media_reports" and metric.zh == "媒体报道篇数"
    assert metric.default_channel == "news_media" and metric.unit == "篇"
    report = validate_file(
        csv_bytes(
            "2023,测试局,媒体报道篇数,,,729,媒体报道累计729篇",
            "2025,测试局,媒体报道,,省级媒体,104,省级媒体发稿104篇",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok
    slots = [(f.metric, f.channel, f.category) for d in report.datasets for f in d.facts]
    assert slots == [
        ("media_reports", "news_media", None),
        ("media_reports", "news_media", "省级媒体"),
    ]


def test_litigation_and_review_totals(catalogue: Catalogue) -> None:
    litigation = catalogue.find_metric("行政诉讼")
    assert litigation is not None and litigation.id == "litigation_cases"
    assert litigation.category == "appeal_result" and litigation.section == "appeals"
    review = catalogue.find_metric("行政复议")
    assert review is not None and review.id == "appeal_review"
    # a blank category is the total column of both
    report = validate_file(
        csv_bytes("2020,测试局,行政复议,,,2,", "2020,测试局,行政诉讼,,,2起,"), "t.csv", catalogue
    )
    assert report.ok and [f.category for f in report.datasets[0].facts] == [None, None]


def test_litigation_total_is_checked_against_its_parts_when_given(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(
            "2021,测试局,行政诉讼,,,2,",
            "2021,测试局,未经复议直接起诉,,,1,",
            "2021,测试局,复议后起诉,,,2,",
        ),
        "t.csv",
        catalogue,
    )
    assert problems(report) == [(ProblemCode.SUM_MISMATCH, "warning")]
    # the parts alone, or the total alone: nothing to compare
    for lines in (("2021,测试局,未经复议直接起诉,,,1,",), ("2021,测试局,行政诉讼,,,2,",)):
        assert validate_file(csv_bytes(*lines), "t.csv", catalogue).problems == []


def litigation(total: float | None, direct: float | None, after: float | None) -> pl.DataFrame:
    values = {
        "litigation_cases": total,
        "appeal_litigation_direct": direct,
        "appeal_litigation_after_review": after,
    }
    return frame(*[row(2021, m, v) for m, v in values.items() if v is not None])


def test_table_four_shows_the_litigation_total(catalogue: Catalogue) -> None:
    # A report that does not split litigation: the total's row, no split asked for
    alone = table_checks(litigation(1, None, None), 2021, catalogue, FOUR)
    assert [check_name(c, catalogue) for c in alone] == ["行政诉讼：总计 = 四项结果之和"]
    assert has_table(litigation(1, None, None), 2021, catalogue, FOUR)
    # split: the form's sum is checked, on exact figures only
    split = {
        check_name(c, catalogue): c.status
        for c in table_checks(litigation(3, 1, 2), 2021, catalogue, FOUR)
    }
    assert split["总计：行政诉讼 = 未经复议直接起诉 + 复议后起诉"] is CheckStatus.PASSED
    wrong = table_checks(litigation(2, 1, 2), 2021, catalogue, FOUR)
    assert wrong[0].status is CheckStatus.FAILED and wrong[0].sums == (2.0, 3.0)
    # parts without the total: incomplete — the parts never make up a total the report
    # does not give, and a total never stands in for parts that are missing
    partial = table_checks(litigation(None, 1, 2), 2021, catalogue, FOUR)
    assert partial[0].status is CheckStatus.INCOMPLETE
    one_part = table_checks(litigation(3, 1, None), 2021, catalogue, FOUR)
    assert one_part[0].status is CheckStatus.INCOMPLETE


# ── interaction (政民互动) and the other figures reports state ──────────────────────────────

AGREED = {
    # id: (name, unit, kind)
    "online_interviews": ("在线访谈期数", "期", "count"),
    "opinion_solicitations": ("征集意见次数", "次", "count"),
    "online_surveys": ("网络调查次数", "次", "count"),
    "live_broadcasts": ("直播场次", "场", "count"),
    "messages_handled": ("留言办理件数", "件", "count"),
    "consultations": ("咨询人次", "人次", "count"),
    "reply_rate": ("答复率", "%", "percent"),
    "callback_rate": ("回访率", "%", "percent"),
}


@pytest.mark.parametrize("metric_id", sorted(AGREED))
def test_interaction_metrics(catalogue: Catalogue, metric_id: str) -> None:
    metric = catalogue.metrics[metric_id]
    assert (metric.zh, metric.unit, metric.kind) == AGREED[metric_id]
    assert metric.section == "interaction"


# The words of the dev corpus (and of the statutory formats) for a figure, and its home.
REPORT_WORDS = {
    # interaction
    "在线访谈": "online_interviews",  # 开展在线访谈9次；2次参加市政府组织的在线访谈栏目
    "网上民意征集": "opinion_solicitations",  # 网上民意征集18期
    "征求意见": "opinion_solicitations",  # 对4个教育行政规范性文件做好征求意见
    "网络调查": "online_surveys",
    "在线调查": "online_surveys",
    "直播": "live_broadcasts",
    "网络问政": "messages_handled",
    "留言办理": "messages_handled",  # 人民网留言23件
    "领导信箱": "messages_handled",  # 书记县长信箱或领导信箱(网上信访)112件；各级领导信箱47件
    "网上投诉": "messages_handled",  # 通过市政府互动平台处理网上投诉116件
    "咨询": "consultations",  # 共接受市民针对政府信息公开的咨询0次
    "答复率": "reply_rate",
    "回访率": "callback_rate",
    "回应信息": "concern_responses",  # 回应信息115条；全年发布了1篇热点回应信息
    "回应热点": "concern_responses",  # 回应热点事件或舆情2次
    "建议提案": "proposals_handled",  # 人大代表建议123件、政协提案151件；承办建议提案34件
    "向社会开放会议": "open_events",  # 向社会开放会议2次
    "建议提案满意率": "proposals_satisfaction_rate",  # 共承办建议提案34件，满意率100%
    "答复群众关心问题": "messages_handled",  # 答复群众关心问题153条
    # publishing
    "媒体报道": "media_reports",  # 媒体报道累计729篇；各类媒体刊发教育新闻2500余条
    "接受新闻媒体采访": "media_interviews",  # 接受新闻媒体采访2次；采访60多批次
    "新闻发布会": "press_conferences",  # 全年召开新闻发布会2次
    "解读率": "interpretation_rate",  # 规范性文件和重大政策文件解读率达100%
    "栏目数": "site_columns",  # 目前设置栏目40余个
    "全文电子化率": "fulltext_rate",  # 全文电子化率达100%
    "开放数据集": "open_datasets",  # 开放数据集总量27个
    "开放数据项": "open_data_items",  # 开放数据项约600个
    "资源编目": "data_catalogue_entries",  # 新增、完善教育资源编目41余条
    "政务新媒体账号": "accounts",  # 目前共计6个，其中微信3个，微博2个，抖音1个
    # work
    "培训人次": "trainees",  # 全年共培训132人次
    "错敏信息": "errors_corrected",  # 及时处理各类错敏信息1173条
    "信息公开工作人员": "disclosure_staff",  # 0名全职工作人员、2名兼职工作人员
    "信息公开受理点": "reception_points",  # 设立了1个专门的信息公开受理点
    # requests outside table 三
    "申请方式": "requests_by_method",  # 邮寄提交4件、当面提交1件、电子邮件提交1件
    "依申请办结率": "requests_completion_rate",  # 6件…均按时办结，办结率100%
    "收取费用": "request_fees",  # 向政府信息公开申请人收取费用为0元
    "申请内容": "requests_by_topic",  # 其中20件为申请公开招生录取相关信息
    "行政诉讼": "litigation_cases",  # 发生2起关于政府信息公开的行政诉讼案件
}


@pytest.mark.parametrize(("words", "metric_id"), REPORT_WORDS.items())
def test_report_words_name_a_metric(catalogue: Catalogue, words: str, metric_id: str) -> None:
    metric = catalogue.find_metric(words)
    assert metric is not None, words
    assert metric.id == metric_id


def test_requests_by_way_of_submission(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(
            "2022,测试局,按方式收到申请数,,邮寄,4,",
            "2022,测试局,按方式收到申请数,,当面提交,1,",
            "2022,测试局,按方式收到申请数,,电子邮件,1,",
            "2022,测试局,按方式收到申请数,,,6,",
            "2022,测试局,新收申请数,,,6,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok and report.problems == []
    categories = [f.category for f in report.datasets[0].facts]
    assert categories == ["letter", "in_person", "email", None, None]
    # not a row of table 三: it does not make the table appear
    only = frame(row(2022, "requests_by_method", 6))
    assert not has_table(only, 2022, catalogue, THREE)


def test_messages_handled_by_source_are_parts(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(
            "2025,测试局,留言办理件数,,,200,",
            "2025,测试局,留言办理件数,,人民网留言板,23,",
            "2025,测试局,留言办理件数,,信访事项,221,",
        ),
        "t.csv",
        catalogue,
    )
    assert problems(report) == [(ProblemCode.PARTS_EXCEED_TOTAL, "warning")]


# ── table 二 ───────────────────────────────────────────────────────────────────────────────

TABLE_2_2021 = {
    # 第二十条第（一）项: 本年制发件数 / 本年废止件数 / 现行有效件数
    "规章": ("table2_rules_issued", "table2_rules_repealed", "table2_rules_in_force"),
    "行政规范性文件": (
        "table2_normative_issued",
        "table2_normative_repealed",
        "table2_normative_in_force",
    ),
    # 第二十条第（五）（六）项: 本年处理决定数量
    "行政许可": ("table2_licensing_decisions",),
    "行政处罚": ("table2_penalty_decisions",),
    "行政强制": ("table2_enforcement_decisions",),
    # 第二十条第（八）项: 本年收费金额（单位：万元）
    "行政事业性收费": ("table2_fees_amount",),
}
COLUMNS_2021 = {
    1: ("本年制发件数", "本年废止件数", "现行有效件数"),
    5: ("本年处理决定数量",),
    8: ("本年收费金额",),
}


@pytest.mark.parametrize(("item", "cells"), TABLE_2_2021.items())
def test_table_two_2021_cells_are_named_as_the_form(
    catalogue: Catalogue, item: str, cells: tuple[str, ...]
) -> None:
    article = 1 if len(cells) == 3 else 8 if item == "行政事业性收费" else 5
    for column, metric_id in zip(COLUMNS_2021[article], cells, strict=True):
        metric = catalogue.find_metric(f"{item}-{column}")
        assert metric is not None and metric.id == metric_id, (item, column)
        assert catalogue.find_metric(f"{item}{column}") is metric
        assert metric.section == "proactive"
        assert (metric.channel, metric.category) == ("none", "none")


def test_table_two_units(catalogue: Catalogue) -> None:
    fees = catalogue.metrics["table2_fees_amount"]
    assert (fees.unit, fees.kind) == ("万元", "amount")
    assert catalogue.metrics["table2_procurement_amount"].unit == "万元"
    change = catalogue.metrics["table2_licensing_change"]
    assert change.kind == "change" and change.allows_negative and change.is_integer
    assert not catalogue.metrics["table2_licensing_items"].allows_negative


def test_table_two_grids_hold_every_proactive_metric(catalogue: Catalogue) -> None:
    two, older = catalogue.grids["two"], catalogue.grids["two_2019"]
    proactive = {m.id for m in catalogue.metrics.values() if m.section == "proactive"}
    assert set(two.metrics) | set(older.metrics) == proactive
    assert [b.zh for b in two.blocks] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert [b.zh for b in older.blocks][-1] == "第二十条第（九）项"
    # the decisions are one metric in both formats
    assert "table2_licensing_decisions" in set(two.metrics) & set(older.metrics)
    assert [c.zh for c in older.blocks[1].columns] == [
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
    ]


def test_table_two_values(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(
            "2020,测试局,行政许可-上一年项目数量,,,8,",
            "2020,测试局,行政许可-本年增/减,,,-3,减用负值表示",
            "2020,测试局,行政许可-处理决定数量,,,93,",
            "2020,测试局,规范性文件-对外公开总数量,,,19,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok, report.problems
    assert [f.value for f in report.datasets[0].facts] == [8, -3, 93, 19]
    # a decrease only where the form has one
    negative = validate_file(
        csv_bytes("2020,测试局,行政许可-上一年项目数量,,,-3,"), "t.csv", catalogue
    )
    assert problems(negative) == [(ProblemCode.VALUE_NEGATIVE, "error")]
    fraction = validate_file(
        csv_bytes("2020,测试局,行政许可-本年增/减,,,-1.5,"), "t.csv", catalogue
    )
    assert problems(fraction) == [(ProblemCode.VALUE_NOT_INTEGER, "error")]


def test_table_two_fees_in_ten_thousand_yuan(catalogue: Catalogue) -> None:
    """`90.1万元` in a 万元 column is 90.1, not 901000 元; a bare figure is already in 万元."""
    report = validate_file(
        csv_bytes(
            "2022,测试局,行政事业性收费-本年收费金额,,,90.1万元,",
            "2021,测试局,行政事业性收费-本年收费金额,,,12.5,",
        ),
        "t.csv",
        catalogue,
    )
    assert report.ok, report.problems
    assert sorted(f.value for d in report.datasets for f in d.facts) == [12.5, 90.1]


# A 2021-format table 二 (the shape of 南京市浦口区教育局 2024: 规章 0 0 0, 行政规范性文件 0 0 6).
FORM_2021 = (
    "2024,测试局,规章-本年制发件数,,,0,",
    "2024,测试局,规章-本年废止件数,,,0,",
    "2024,测试局,规章-现行有效件数,,,0,",
    "2024,测试局,行政规范性文件-本年制发件数,,,0,",
    "2024,测试局,行政规范性文件-本年废止件数,,,0,",
    "2024,测试局,行政规范性文件-现行有效件数,,,6,",
    "2024,测试局,行政许可-本年处理决定数量,,,10,",
    "2024,测试局,行政事业性收费-本年收费金额,,,90.1,",
)


def test_table_two_grid_in_the_format_of_the_year(catalogue: Catalogue) -> None:
    facts = facts_of(validate_file(csv_bytes(*FORM_2021), "t.csv", catalogue))
    assert grids_shown(facts, 2024, catalogue) == ["two"]
    assert grids_shown(facts, 2023, catalogue) == []
    cells = grid_cells(facts, 2024, catalogue, "two")
    assert cells.columns[:6] == ["block", "row", "column", "metric", "value", "qualifier"]
    assert cells.height == len(catalogue.grids["two"].metrics)
    blocks = grid_text(cells, catalogue, "two")
    heading, first = blocks[0]
    assert heading == "第二十条第（一）项"
    assert first.columns == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert first.rows() == [("规章", "0", "0", "0"), ("行政规范性文件", "0", "0", "6")]
    assert blocks[1][1].rows() == [("行政许可", "10")]
    assert blocks[2][1].rows() == [("行政处罚", ""), ("行政强制", "")]  # not given: blank
    assert blocks[3][1].columns[1] == "本年收费金额（单位：万元）"
    assert blocks[3][1].rows() == [("行政事业性收费", "90.1")]
    english = grid_text(cells, catalogue, "two", "en")
    assert english[0][1].columns[0] == "Item" and english[0][0] == "Article 20(1)"
    assert grid_title(catalogue.grids["two"]) == "二、主动公开政府信息情况"
    # a 2019-format year: the 2019 grid alone, decisions in it
    older = frame(
        row(2020, "table2_licensing_items", 8),
        row(2020, "table2_licensing_change", -3),
        row(2020, "table2_licensing_decisions", 93),
    )
    assert grids_shown(older, 2020, catalogue) == ["two_2019"]
    texts = grid_text(grid_cells(older, 2020, catalogue, "two_2019"), catalogue, "two_2019")
    assert texts[1][1].row(0) == ("行政许可", "8", "-3", "93")
    # decisions alone fit either format: the current one is shown, once
    alone = frame(row(2022, "table2_penalty_decisions", 22))
    assert grids_shown(alone, 2022, catalogue) == ["two"]


# ── a broken catalogue fails to load ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        (
            'cells = ["table2_licensing_decisions"]',
            'cells = ["table2_licensing_decision"]',
            r"grid\.two\.block\[2\]\.row\[1\]\.cells: unknown metric 'table2_licensing_decision'",
        ),
        (
            'cells = ["table2_licensing_decisions"]',
            'cells = ["table2_licensing_decisions", "table2_penalty_decisions"]',
            r"grid\.two\.block\[2\]\.row\[1\]\.cells: 2 cells under 1 columns",
        ),
        (
            'cells = ["table2_licensing_decisions"]',
            'cells = ["requests_new"]',
            r"grid\.two\.block\[2\]\.row\[1\]\.cells: 'requests_new' is not a proactive metric",
        ),
        (
            'cells = ["table2_fees_amount"]',
            'cells = ["table2_rules_issued"]',
            r"grid\.two\.block\[4\]\.row\[1\]\.cells: 'table2_rules_issued' is shown twice",
        ),
        (
            'cells = ["table2_procurement_items", "table2_procurement_amount"]',
            'cells = ["table2_procurement_items", "table2_procurement_items"]',
            r"grid\.two_2019\.block\[5\]\.row\[1\]\.cells: 'table2_procurement_items' is shown"
            r" twice",
        ),
        ('zh = "规章"\n', 'zh = "规章"\nnote = "x"\n', r"grid\.two\.block\[1\]\.row\[1\]\.note"),
    ],
)
def test_a_broken_grid_fails_to_load(catalogue_copy: Path, old: str, new: str, match: str) -> None:
    edit_once(catalogue_copy / "statutory.toml", old, new)
    with pytest.raises(ValueError, match=r"statutory\.toml: " + match):
        load_catalogue(catalogue_copy)


def test_a_proactive_metric_in_no_grid_fails_to_load(catalogue_copy: Path) -> None:
    path = catalogue_copy / "statutory.toml"
    edit_once(
        path, '    { zh = "采购总金额（单位：万元）", en = "Total amount (10,000 yuan)" },\n', ""
    )
    edit_once(
        path,
        'cells = ["table2_procurement_items", "table2_procurement_amount"]',
        'cells = ["table2_procurement_items"]',
    )
    with pytest.raises(
        ConfigError, match="no grid shows the proactive metric 'table2_procurement_amount'"
    ):
        load_catalogue(catalogue_copy)


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        # an open vocabulary is not a closed category
        ('category = "applicant"', 'category = "item_category"', "is open"),
        # known categories only of a free category, and only an open vocabulary
        ('known_categories = "item_category"', 'known_categories = "applicant"', "open vocab"),
        ('known_categories = "item_category"', 'known_categories = "items"', "open vocab"),
    ],
)
def test_broken_known_categories_fail_to_load(
    catalogue_copy: Path, old: str, new: str, match: str
) -> None:
    edit_once(catalogue_copy / "metrics.toml", old, new)
    with pytest.raises(ValueError, match=match):
        load_catalogue(catalogue_copy)


def test_every_new_name_is_one_metrics_only(catalogue: Catalogue) -> None:
    """No alias is ambiguous: the catalogue refuses a name used by two metrics, so loading it
    proves it; and no new alias takes a name staff already used for another figure."""
    assert catalogue.find_metric("办结率").id == "hotline_closure_rate"  # type: ignore[union-attr]
    assert catalogue.find_metric("满意率").id == "hotline_satisfaction_rate"  # type: ignore[union-attr]
    assert catalogue.find_metric("政策解读").id == "interpretations"  # type: ignore[union-attr]
    assert catalogue.find_metric("访问量").id == "reads"  # type: ignore[union-attr]


# ── shown on a page ─────────────────────────────────────────────────────────────────────────


def test_requests_page_shows_table_two_as_text(db_url: str, catalogue: Catalogue) -> None:
    report = validate_file(csv_bytes(*FORM_2021, "2024,测试局,行政诉讼,,,1,"), "t.csv", catalogue)
    assert report.ok, report.problems
    Store(db_url).commit(report.datasets, user="t")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["agency"] = "测试局"
    at.run()
    at = at.switch_page("views/requests.py").run()
    assert not at.exception, at.exception
    texts = [t.value.map(shown) for t in at.table]
    first = texts[0]
    assert [shown(c) for c in first.columns] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert first.values.tolist() == [["规章", "0", "0", "0"], ["行政规范性文件", "0", "0", "6"]]
    assert any(t.values.tolist() == [["行政事业性收费", "90.1"]] for t in texts)
    assert any("二、主动公开政府信息情况" in shown(m.value) for m in at.markdown)
    # table 四 as text too: the litigation total is on the page
    four = texts[-1]
    litigation = four[four.iloc[:, 0] == "行政诉讼"]
    assert litigation.iloc[0, -1] == "1"


def test_the_seed_shows_no_table_two(db_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at = at.switch_page("views/requests.py").run()
    assert not at.exception
    assert not any("主动公开政府信息情况" in shown(m.value) for m in at.markdown)


# ── 法人或其他组织: the form's heading over five columns, often given alone ────────────────────


def test_legal_persons_subtotal_stands_for_its_columns(catalogue: Catalogue) -> None:
    # 全年共收到和办理依申请公开12件，其中自然人申请件12件，法人或其他组织申请件0件
    consistent = validate_file(
        csv_bytes(
            "2022,测试局,新收申请数,,,12,",
            "2022,测试局,新收申请数,,自然人,12,",
            "2022,测试局,新收申请数,,法人或其他组织,0,",
        ),
        "t.csv",
        catalogue,
    )
    assert consistent.ok and consistent.problems == []
    assert [f.category for f in consistent.datasets[0].facts] == [
        None,
        "natural_person",
        "legal_entity",
    ]
    # complete without its five columns: 10 + 1 is not 12
    short = validate_file(
        csv_bytes(
            "2022,测试局,新收申请数,,,12,",
            "2022,测试局,新收申请数,,自然人,10,",
            "2022,测试局,新收申请数,,法人或其他组织,1,",
        ),
        "t.csv",
        catalogue,
    )
    assert problems(short) == [(ProblemCode.SUM_MISMATCH, "warning")]
    # the subtotal against its own columns; its columns are never added to it again
    over = validate_file(
        csv_bytes(
            "2022,测试局,新收申请数,,,5,",
            "2022,测试局,新收申请数,,法人或其他组织,3,",
            "2022,测试局,新收申请数,,商业企业,2,",
            "2022,测试局,新收申请数,,科研机构,2,",
        ),
        "t.csv",
        catalogue,
    )
    assert problems(over) == [(ProblemCode.SUM_MISMATCH, "warning")]
    assert over.problems[0].row == 3  # the subtotal's row: 2 + 2 > 3; 总计 5 ≥ 3 is fine


def test_legal_persons_column_only_where_given(catalogue: Catalogue) -> None:
    given = frame(
        row(2022, "requests_new", 12),
        row(2022, "requests_new", 12, category="natural_person"),
        row(2022, "requests_new", 0, category="legal_entity"),
    )
    grid = table_grid(given, 2022, catalogue, THREE)
    assert grid.columns[1:4] == ["natural_person", "legal_entity", "commercial"]
    checks = {
        check_name(c, catalogue): c.status for c in table_checks(given, 2022, catalogue, THREE)
    }
    assert checks["一、本年新收政府信息公开申请数量：总计 = 各申请人之和"] is CheckStatus.PASSED
    plain = frame(row(2022, "requests_new", 12))
    assert "legal_entity" not in table_grid(plain, 2022, catalogue, THREE).columns
