"""Statutory tables 三 (requests) and 四 (review and litigation) in the official layout, with the
cross-checks the form itself states (DESIGN §2)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Qualifier, format_value

# (metric id, official row label) in the form's order; the label's leading spaces show nesting.
TABLE_THREE: tuple[tuple[str, str, str], ...] = (
    ("requests_new", "一、本年新收政府信息公开申请数量", "1. New requests received"),
    ("requests_carried_over", "二、上年结转政府信息公开申请数量", "2. Carried over from last year"),
    ("requests_disclosed", "三（一）予以公开", "3(1) Disclosed"),
    ("requests_partial", "三（二）部分公开", "3(2) Partly disclosed"),
    ("requests_refused", "三（三）不予公开", "3(3) Refused"),
    ("requests_refused_state_secret", "　1.属于国家秘密", "  1. State secret"),
    ("requests_refused_law", "　2.其他法律行政法规禁止公开", "  2. Barred by other laws"),
    ("requests_refused_security", "　3.危及“三安全一稳定”", "  3. Security and stability"),
    ("requests_refused_third_party", "　4.保护第三方合法权益", "  4. Third-party rights"),
    ("requests_refused_internal", "　5.属于三类内部事务信息", "  5. Internal affairs"),
    ("requests_refused_process", "　6.属于四类过程性信息", "  6. Process information"),
    ("requests_refused_enforcement", "　7.属于行政执法案卷", "  7. Enforcement files"),
    ("requests_refused_query", "　8.属于行政查询事项", "  8. Administrative queries"),
    ("requests_unavailable", "三（四）无法提供", "3(4) Unavailable"),
    ("requests_unavailable_not_held", "　1.本机关不掌握相关政府信息", "  1. Not held"),
    ("requests_unavailable_needs_creation", "　2.没有现成信息需要另行制作", "  2. Needs creating"),
    ("requests_unavailable_unclear", "　3.补正后申请内容仍不明确", "  3. Still unclear"),
    ("requests_not_processed", "三（五）不予处理", "3(5) Not processed"),
    ("requests_not_processed_petition", "　1.信访举报投诉类申请", "  1. Petitions, complaints"),
    ("requests_not_processed_repeat", "　2.重复申请", "  2. Repeated request"),
    ("requests_not_processed_publication", "　3.要求提供公开出版物", "  3. Published material"),
    ("requests_not_processed_mass", "　4.无正当理由大量反复申请", "  4. Mass repeated requests"),
    (
        "requests_not_processed_confirm",
        "　5.要求行政机关确认或重新出具已获取信息",
        "  5. Confirm or reissue",
    ),
    ("requests_other", "三（六）其他处理", "3(6) Otherwise handled"),
    ("requests_other_no_correction", "　1.申请人逾期不补正", "  1. Not corrected in time"),
    ("requests_other_no_fee", "　2.申请人逾期未缴纳费用", "  2. Fee not paid"),
    ("requests_other_misc", "　3.其他", "  3. Other"),
    ("requests_completed", "三（七）总计", "3(7) Total handled"),
    ("requests_carried_forward", "四、结转下年度继续办理", "4. Carried forward"),
)
TABLE_FOUR: tuple[tuple[str, str, str], ...] = (
    ("appeal_review", "行政复议", "Administrative review"),
    ("appeal_litigation_direct", "行政诉讼·未经复议直接起诉", "Litigation without review"),
    ("appeal_litigation_after_review", "行政诉讼·复议后起诉", "Litigation after review"),
)
OUTCOMES = (
    "requests_disclosed",
    "requests_partial",
    "requests_refused",
    "requests_unavailable",
    "requests_not_processed",
    "requests_other",
)
GROUPS = {
    "requests_refused": [m for m, _, _ in TABLE_THREE if m.startswith("requests_refused_")],
    "requests_unavailable": [m for m, _, _ in TABLE_THREE if m.startswith("requests_unavailable_")],
    "requests_not_processed": [
        m for m, _, _ in TABLE_THREE if m.startswith("requests_not_processed_")
    ],
    "requests_other": [m for m, _, _ in TABLE_THREE if m.startswith("requests_other_")],
}
TOTAL = "total"


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    INCOMPLETE = "incomplete"  # not enough figures to tell


@dataclass(frozen=True)
class Check:
    """One cross-check of the form, with what it compared."""

    name: str
    status: CheckStatus
    detail: str


def _cells(facts: pl.DataFrame, year: int, metrics: list[str]) -> dict[tuple[str, str], float]:
    """(metric, column) → exact value; columns are vocabulary term ids or `total`."""
    rows = facts.filter(
        (pl.col("year") == year)
        & pl.col("metric").is_in(metrics)
        & (pl.col("qualifier") == str(Qualifier.EXACT))
    )
    return {(r["metric"], r["category"] or TOTAL): r["value"] for r in rows.iter_rows(named=True)}


def _layout(
    agency_facts: pl.DataFrame,
    year: int,
    catalogue: Catalogue,
    rows: tuple[tuple[str, str, str], ...],
    vocabulary: str,
    lang: str,
) -> pl.DataFrame:
    terms = catalogue.vocabularies[vocabulary].terms
    columns = [*terms, TOTAL]
    facts = agency_facts.filter(
        (pl.col("year") == year) & pl.col("metric").is_in([m for m, _, _ in rows])
    )
    cells = {(r["metric"], r["category"] or TOTAL): r for r in facts.iter_rows(named=True)}
    out: dict[str, list[str]] = {"row": [zh if lang == "zh" else en for _, zh, en in rows]}
    for column in columns:
        title = catalogue.term_name(vocabulary, None if column == TOTAL else column, lang)
        out[title] = [
            format_value(cells[(m, column)]["value"], cells[(m, column)]["qualifier"], lang=lang)
            if (m, column) in cells
            else ""
            for m, _, _ in rows
        ]
    return pl.DataFrame(out)


def table_three(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Table 三 as the form lays it out: one row per form row, one column per applicant type and
    总计; empty strings where the report gives nothing."""
    return _layout(agency_facts, year, catalogue, TABLE_THREE, "applicant", lang)


def table_four(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Table 四: review and the two kinds of litigation, by result."""
    return _layout(agency_facts, year, catalogue, TABLE_FOUR, "appeal_result", lang)


def has_table(agency_facts: pl.DataFrame, year: int, section: str, catalogue: Catalogue) -> bool:
    metrics = [m.id for m in catalogue.metrics.values() if m.section == section]
    return (
        agency_facts.filter((pl.col("year") == year) & pl.col("metric").is_in(metrics)).height > 0
    )


def outcomes(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    """Outcome totals (予以公开 … 其他处理) of the year: outcome, value, qualifier, text."""
    facts = agency_facts.filter(
        (pl.col("year") == year)
        & pl.col("metric").is_in(list(OUTCOMES))
        & pl.col("category").is_null()
    )
    order = {m: i for i, m in enumerate(OUTCOMES)}
    rows = [
        {
            "order": order[r["metric"]],
            "outcome": catalogue.metrics[r["metric"]].name(lang),
            "value": r["value"],
            "qualifier": r["qualifier"],
            "text": format_value(r["value"], r["qualifier"], lang=lang),
        }
        for r in facts.iter_rows(named=True)
    ]
    schema = {
        "order": pl.Int32,
        "outcome": pl.String,
        "value": pl.Float64,
        "qualifier": pl.String,
        "text": pl.String,
    }
    return pl.DataFrame(rows, schema=schema).sort("order").drop("order")


def _compare(name: str, left: list[float | None], right: list[float | None], what: str) -> Check:
    if any(v is None for v in (*left, *right)):
        return Check(name, CheckStatus.INCOMPLETE, what)
    a, b = sum(v or 0 for v in left), sum(v or 0 for v in right)
    status = CheckStatus.PASSED if a == b else CheckStatus.FAILED
    return Check(name, status, f"{what}: {a:g} / {b:g}")


def table_three_checks(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> list[Check]:
    """The form's own rules, per column where figures exist. Only exact figures are compared."""
    metrics = [m for m, _, _ in TABLE_THREE]
    cells = _cells(agency_facts, year, metrics)
    columns = [
        c
        for c in [*catalogue.vocabularies["applicant"].terms, TOTAL]
        if any((m, c) in cells for m in metrics)
    ]
    zh = lang == "zh"
    checks: list[Check] = []
    for column in columns:
        title = catalogue.term_name("applicant", None if column == TOTAL else column, lang)

        def get(metric: str, column: str = column) -> float | None:
            return cells.get((metric, column))

        checks.append(
            _compare(
                f"{title}：一 + 二 = 三（七）+ 四" if zh else f"{title}: 1 + 2 = 3(7) + 4",
                [get("requests_new"), get("requests_carried_over")],
                [get("requests_completed"), get("requests_carried_forward")],
                "一+二 / 三（七）+四" if zh else "1+2 / 3(7)+4",
            )
        )
        checks.append(
            _compare(
                f"{title}：三（七）= （一）至（六）之和"
                if zh
                else f"{title}: 3(7) = sum of 3(1)–3(6)",
                [get("requests_completed")],
                [get(m) for m in OUTCOMES],
                "三（七） / （一）…（六）" if zh else "3(7) / 3(1)…3(6)",
            )
        )
        for group, items in GROUPS.items():
            if get(group) is None and all(get(i) is None for i in items):
                continue
            name = catalogue.metrics[group].name(lang)
            checks.append(
                _compare(
                    f"{title}：{name} = 各细项之和"
                    if zh
                    else f"{title}: {name} = sum of its items",
                    [get(group)],
                    [get(i) for i in items],
                    name,
                )
            )
    terms = list(catalogue.vocabularies["applicant"].terms)
    for metric in metrics:
        if (metric, TOTAL) not in cells or not any((metric, t) in cells for t in terms):
            continue
        label = next(zh_ if zh else en for m, zh_, en in TABLE_THREE if m == metric).strip("　 ")
        checks.append(
            _compare(
                f"{label}：总计 = 各申请人之和"
                if zh
                else f"{label}: total = sum of applicant columns",
                [cells[(metric, TOTAL)]],
                [cells.get((metric, t)) for t in terms],
                label,
            )
        )
    return checks


def table_four_checks(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue, lang: str = "zh"
) -> list[Check]:
    """总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per block."""
    cells = _cells(agency_facts, year, [m for m, _, _ in TABLE_FOUR])
    results = list(catalogue.vocabularies["appeal_result"].terms)
    checks = []
    for metric, zh_label, en_label in TABLE_FOUR:
        if not any(k[0] == metric for k in cells):
            continue
        label = zh_label if lang == "zh" else en_label
        checks.append(
            _compare(
                f"{label}：总计 = 四项结果之和"
                if lang == "zh"
                else f"{label}: total = sum of results",
                [cells.get((metric, TOTAL))],
                [cells.get((metric, r)) for r in results],
                label,
            )
        )
    return checks
