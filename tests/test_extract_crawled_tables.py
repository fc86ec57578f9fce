"""Statutory tables in the text of real report pages as crawlers keep them
(`tests/data/reports/crawled/`, each page's opening as stored, with its address in the folder's
README): a row's cells on one line or one a line, parted by bars, with empty cells kept as a bar
alone, as a row's closing bars, or lost. Each figure expected here was read off the page's rows
by hand; a figure the text cannot place (its row lost its empty cells) is expected absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.document import read_report
from dashboard.extract.figures import extract_figures
from dashboard.extract.tables import CONFIDENCE, INFERRED

CRAWLED = Path(__file__).resolve().parent / "data" / "reports" / "crawled"

Slots = dict[tuple[str, str | None], float]


def _table_figures(name: str, catalogue: Catalogue, prefix: str = "") -> Slots:
    """The figures of a crawled page read from its statutory tables (table 二's metrics start
    with table2_; table 三's are the requests' rows), as a text file is read."""
    document = read_report((CRAWLED / name).read_bytes(), name)
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    return {
        (f.metric, f.category): f.value
        for f in extraction.facts
        # (a row's line: cells parted by bars or lines, or a line of figures alone)
        if f.metric.startswith(prefix)
        and (f.quote.count("\n") + f.quote.count("|") >= 2 or len(f.quote.split()) >= 3)
    }


def _table_two(name: str, catalogue: Catalogue) -> Slots:
    return _table_figures(name, catalogue, "table2_")


def _slots(*metrics: str, value: float = 0) -> Slots:
    """Each metric's 总计 slot (table 二's are all 总计) holding `value`."""
    return {(m, None): value for m in metrics}


# table 二's first block in the 2021 form and in the 2019 one
DOCUMENTS_2021 = tuple(
    f"table2_{kind}_{column}"
    for kind in ("rules", "normative")
    for column in ("issued", "repealed", "in_force")
)
# table 三's columns in the form's order (None: 总计)
APPLICANT_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    None,
)
DOCUMENTS_2019 = tuple(
    f"table2_{kind}_{column}"
    for kind in ("rules", "normative")
    for column in ("made", "published", "total")
)


def test_bars_alone_as_empty_cells_keep_each_figure_in_its_column(catalogue: Catalogue) -> None:
    # 行政处罚 | (empty) | +239 | 239: the bar alone is the empty 上一年项目数量, so +239 is the
    # change and 239 the decisions — not 239 the items; a row's closing bar is no column
    found = _table_two("bars-as-empty-cells-2019.txt", catalogue)
    services = ("table2_services_items", "table2_services_change", "table2_services_decisions")
    assert found == {
        **_slots(*DOCUMENTS_2019, *services, "table2_fees_items", "table2_fees_change"),
        ("table2_licensing_items", None): 339,
        ("table2_licensing_change", None): 123,
        ("table2_licensing_decisions", None): 462,
        ("table2_penalty_change", None): 239,
        ("table2_penalty_decisions", None): 239,
        ("table2_enforcement_change", None): 10,
        ("table2_enforcement_decisions", None): 10,
        ("table2_procurement_items", None): 2,
        ("table2_procurement_amount", None): 27270,
    }


def test_a_bar_alone_that_opens_each_row_is_no_empty_cell(catalogue: Catalogue) -> None:
    # `| ⏎ 规章  | ⏎ 0  | …`: here a bar alone opens a row (one stands before the table's first
    # cell), so the rows' figures stay in their columns
    found = _table_two("bars-opening-rows-2022.txt", catalogue)
    assert found == _slots(*DOCUMENTS_2021, "table2_licensing_decisions")


def test_bars_between_cells_and_a_header_word_broken_over_lines(catalogue: Catalogue) -> None:
    # one cell a line with a bar between cells; 商业⏎企业 and 科研⏎机构 in table 三's header
    found = _table_figures("bars-between-cells-2023.txt", catalogue)
    assert found[("table2_rules_in_force", None)] == 6
    assert found[("table2_rules_issued", None)] == 0
    assert found[("table2_fees_amount", None)] == 0
    for metric in ("requests_new", "requests_carried_over", "requests_disclosed"):
        assert {c: found[(metric, c)] for c in APPLICANT_COLUMNS} == dict.fromkeys(
            APPLICANT_COLUMNS, 0
        )


def test_empty_cells_one_a_line_before_the_total(catalogue: Catalogue) -> None:
    # 一、本年新收… | ⏎|⏎|⏎|⏎|⏎|⏎|⏎0 |: six empty cells, then the 总计; a row of `/` and the
    # lines of bars that close a row (||, |||) end no block (行政强制 after 行政处罚 is read)
    found = _table_figures("one-cell-a-line-2023.txt", catalogue)
    assert found == _slots(
        *DOCUMENTS_2021[3:],  # (规章's row is / / /: no figure)
        "table2_licensing_decisions",
        "table2_penalty_decisions",
        "table2_enforcement_decisions",
        "table2_fees_amount",
        "requests_new",
        "requests_carried_over",
    )


def test_the_parts_listed_after_the_published_items_are_no_total(catalogue: Catalogue) -> None:
    # 在主动公开的信息中，政策法规类的信息4条，…信息公开30条: a list of parts, as after 其中 — the
    # total before it (主动在门户网站公开政府信息50条) names no one's portal and is skipped
    text = (CRAWLED / "one-cell-a-line-2023.txt").read_text(encoding="utf-8")
    extraction = extract_figures(text, catalogue)
    assert not [f for f in extraction.facts if f.metric == "items_published"]
    reasons = {s.number: s.reason for s in extraction.skipped}
    assert reasons["30条"] == "part (其中)"


def test_column_headings_cut_to_their_first_line(catalogue: Catalogue) -> None:
    # 信息内容 | 本年新 | 本年新 | 对外公开总数量: each heading the start of the form's own,
    # in its place, under the block's 第二十条第（一）项
    found = _table_two("headings-cut-2023.txt", catalogue)
    assert {k: v for k, v in found.items() if k[0] in DOCUMENTS_2019} == {
        **_slots(*DOCUMENTS_2019[:3], value=1),
        **_slots(*DOCUMENTS_2019[3:], value=22),
    }


def test_a_block_heading_without_the_items_di(catalogue: Catalogue) -> None:
    # 第二十条(六)项 is 第二十条第（六）项: its rows are 行政处罚's and 行政强制's, not (五)'s
    found = _table_two("items-without-di-2020.txt", catalogue)
    for name in ("penalty", "enforcement"):
        for column in ("items", "change", "decisions"):
            assert found[(f"table2_{name}_{column}", None)] == 0
    assert found[("table2_procurement_items", None)] == 0
    assert len(found) == 22


def test_a_change_written_with_its_word(catalogue: Catalogue) -> None:
    # 行政许可 | 8 | 增10 | 18: 增10 is a change of +10 (减 would be a fall)
    document = read_report((CRAWLED / "change-with-word-2020.txt").read_bytes(), "p.txt")
    facts = extract_figures(document.text, catalogue).facts
    licensing = {f.metric: (f.value, f.confidence) for f in facts if "licensing" in f.metric}
    assert licensing == {
        "table2_licensing_items": (8, CONFIDENCE),
        "table2_licensing_change": (10, CONFIDENCE),
        "table2_licensing_decisions": (18, CONFIDENCE),
    }
    fall = "\n".join(
        [
            "第二十条第(五)项 |",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            "行政许可 | 8 | 减3 | 5 |",
        ]
    )
    changes = {f.metric: f.value for f in extract_figures(fall, catalogue).facts}
    assert changes["table2_licensing_change"] == -3
    # a word before a count is no count: the row's other cells keep their columns
    count = fall.replace("| 8 | 减3 | 5 |", "| 增8 | 3 | 5 |")
    counts = {f.metric: f.value for f in extract_figures(count, catalogue).facts}
    assert counts == {"table2_licensing_change": 3, "table2_licensing_decisions": 5}


def test_a_row_of_empty_cells_ends_no_block(catalogue: Catalogue) -> None:
    # 规章 |⏎|⏎|⏎|: a row of empty cells; the row after it is still the block's
    # (规范性文件(指各行政机关印发的有正式文号的文件) | 2 | 0 | 83)
    found = _table_two("row-of-empty-cells-2019.txt", catalogue)
    assert found[("table2_normative_made", None)] == 2
    assert found[("table2_normative_published", None)] == 0
    assert found[("table2_normative_total", None)] == 83
    assert ("table2_rules_made", None) not in found


def test_headings_and_labels_with_pinyin_glosses(catalogue: Catalogue) -> None:
    # 信息內(nèi)容 | 本年制發(fā)件數(shù): a mirror's glosses in the headings are none of them
    found = _table_two("glossed-traditional-2021.txt", catalogue)
    assert found == {**_slots(*DOCUMENTS_2021), ("table2_licensing_decisions", None): 951}


def test_rows_that_lost_their_empty_cells_give_their_totals_for_review(
    catalogue: Catalogue,
) -> None:
    # 一、本年新收… |⏎3 |⏎3 |: which applicant the first 3 is cannot be told, the 总计 can (it
    # is the sum of the rest); flagged for review — but for the 3 new requests, which the
    # prose states too (全年收到依申请公开信息3条): two readings agree. A row of one figure
    # ((二)部分公开 |⏎0 |) is its 总计 (round 131): a part filled would have kept the 总计 too
    name = "empty-cells-dropped-2019.txt"
    document = read_report((CRAWLED / name).read_bytes(), name)
    facts = extract_figures(document.text, catalogue).facts
    rows = {(f.metric, f.category): (f.value, f.confidence) for f in facts if "|" in f.quote}
    assert {k: v for k, v in rows.items() if not k[0].startswith("table2_")} == {
        ("requests_new", None): (3, CONFIDENCE),
        ("requests_carried_over", None): (0, INFERRED),
        ("requests_disclosed", None): (3, INFERRED),
        ("requests_partial", None): (0, INFERRED),
    }


@pytest.mark.parametrize("name", ["stacked-headings-2020.txt", "split-headings-2022.txt"])
def test_table_four_whose_result_headings_are_no_words(name: str, catalogue: Catalogue) -> None:
    # A PDF's narrow columns print 结果维持 … 总计 a character a line (结 结 其 尚 / 果 果 他 未),
    # or two (结果 / 维持, 总 / 计), under 行政复议 / 行政诉讼 / 未经复议直接起诉 复议后起诉:
    # the one row of fifteen figures is read in the form's own order when each group's 总计 is
    # the sum of its results.
    found = _table_figures(name, catalogue, "appeal_")
    results = ("upheld", "corrected", "other", "pending", None)
    groups = ("appeal_review", "appeal_litigation_direct", "appeal_litigation_after_review")
    assert found == {(g, r): 0 for g in groups for r in results}


def test_table_four_in_the_forms_order_only_when_its_sums_hold(catalogue: Catalogue) -> None:
    text = (CRAWLED / "stacked-headings-2020.txt").read_text(encoding="utf-8")
    zeros = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
    summed = "2 1 0 1 4 0 0 1 0 1 0 0 0 0 0"
    facts = extract_figures(text.replace(zeros, summed), catalogue).facts
    read = {(f.metric, f.category): f.value for f in facts if f.metric.startswith("appeal_")}
    assert read[("appeal_review", "upheld")] == 2
    assert read[("appeal_review", None)] == 4
    assert read[("appeal_litigation_direct", "other")] == 1
    # a total that is not its results' sum: the order is not certain, nothing is read
    wrong = "2 1 0 1 5 0 0 1 0 1 0 0 0 0 0"
    facts = extract_figures(text.replace(zeros, wrong), catalogue).facts
    assert not [f for f in facts if f.metric.startswith("appeal_")]


def test_table_three_rows_without_their_header_in_the_forms_order(catalogue: Catalogue) -> None:
    # The page turns inside table 三 (its header on the page before) or a PDF printed its
    # narrow headings a character a line: a row of the form's wording with seven figures is
    # read in the form's order when its 总计 is the sum of the others.
    found = _table_figures("stacked-headings-2020.txt", catalogue, "requests_")
    assert found == {("requests_carried_forward", c): 0 for c in APPLICANT_COLUMNS}
    rows = ["一、本年新收政府信息公开申请数量 5 1 0 0 0 1 7", "(一)予以公开 3 1 0 0 0 0 4"]
    facts = extract_figures("\n".join(rows), catalogue).facts
    read = {(f.metric, f.category): f.value for f in facts}
    assert read[("requests_new", "natural_person")] == 5
    assert read[("requests_new", "other_org")] == 1
    assert read[("requests_new", None)] == 7
    assert read[("requests_disclosed", "commercial")] == 1
    assert read[("requests_disclosed", None)] == 4
    # a total that is not the sum, or a row short of a column: not placed
    rows = ["一、本年新收政府信息公开申请数量 5 1 0 0 0 1 8", "(一)予以公开 3 1 0 0 0 4"]
    facts = extract_figures("\n".join(rows), catalogue).facts
    assert not [f for f in facts if f.category is not None]


XUWEN = "\n".join(  # http://www.xuwen.gov.cn/zfxxgk/zjsxwxsfj/content/post_1865610.html
    [
        "三、收到和处理政府信息公开申请情况",
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |",
        "自然人 | 法人或其他组织 | 总计 |",
        "商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |",
        "企业 | 机构 |",
        "一、本年新收政府信息公开申请数量 | 0 | | | | | | 0 |",
        "二、上年结转政府信息公开申请数量 | | | | | | | 0 |",
        "三、本年度办理结果 | (一)予以公开 | | | | | | | 0 |",
        "| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | | | | | | | 0 |",
        "| (三)不予公开 | 1.属于国家秘密 | | | | | | | 0 |",
    ]
)


@pytest.mark.parametrize("broken", [True, False])
def test_header_cells_broken_over_two_lines_in_their_order(
    catalogue: Catalogue, broken: bool
) -> None:
    # 商业 | 科研 | … over 企业 | 机构: each narrow cell's second line under it, in order
    whole = XUWEN.replace("商业 | 科研 |", "商业企业 | 科研机构 |").replace("企业 | 机构 |\n", "")
    text = XUWEN if broken else whole
    document = read_report(text.encode("utf-8"), "xuwen.txt")
    found = {
        (f.metric, f.category): f.value
        for f in extract_figures(document.text, catalogue).facts
        if f.quote.startswith(("一、", "二、", "三、", "(", "|"))
    }
    assert found == {
        ("requests_new", "natural_person"): 0,
        ("requests_new", None): 0,
        ("requests_carried_over", None): 0,
        ("requests_disclosed", None): 0,
        ("requests_partial", None): 0,
        ("requests_refused_state_secret", None): 0,
    }
