"""Validation of upload files: one test per rule, pinning the (row, column, code) it reports."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.columns import FIELDS, column_spec
from dashboard.domain.facts import Fact
from dashboard.domain.problems import FIXED_SEVERITY, Severity
from dashboard.domain.values import Qualifier
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message, report_record
from dashboard.ingest.validate import ValidationReport, validate_file
from tests.conftest import SAMPLE_CSV, csv_bytes

A = "2019,定海区教育局"  # year and agency of most rows below
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def check(
    catalogue: Catalogue, *rows: str, header: str | None = None, **options: object
) -> ValidationReport:
    """Validate a CSV upload made of `rows`; every message must come out fully filled in."""
    content = csv_bytes(*rows) if header is None else csv_bytes(*rows, header=header)
    report = validate_file(content, "upload.csv", catalogue, **options)  # type: ignore[arg-type]
    for problem in report.problems:
        for lang in ("zh", "en"):
            text = problem_message(problem, lang) + problem_action(problem, lang)
            assert not PLACEHOLDER.search(text), (problem.code, lang, text)
        # A code's severity is the one it always has (docs/upload-format.md lists it).
        assert problem.severity is FIXED_SEVERITY.get(problem.code, problem.severity)
    return report


def only(report: ValidationReport) -> tuple[int | None, str | None, str]:
    assert len(report.problems) == 1, report.flatten()
    return report.flatten()[0]


def facts(report: ValidationReport) -> list[Fact]:
    return [f for d in report.datasets for f in d.facts]


def assert_error(report: ValidationReport, triple: tuple[int | None, str | None, str]) -> None:
    assert only(report) == triple
    assert [(p.row, p.column, p.code) for p in report.errors] == [triple]
    assert report.warnings == []
    assert report.errors[0].severity is Severity.ERROR
    assert not report.ok


def assert_warning(report: ValidationReport, triple: tuple[int | None, str | None, str]) -> None:
    assert only(report) == triple
    assert [(p.row, p.column, p.code) for p in report.warnings] == [triple]
    assert report.errors == []
    assert report.warnings[0].severity is Severity.WARNING
    assert report.ok


# ── the bundled sample ──────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def sample(catalogue: Catalogue) -> ValidationReport:
    return validate_file(SAMPLE_CSV.read_bytes(), SAMPLE_CSV.name, catalogue)


def test_sample_is_clean(sample: ValidationReport) -> None:
    assert sample.ok
    assert sample.problems == []
    assert sample.errors == [] and sample.warnings == []
    assert [(d.agency, d.year) for d in sample.datasets] == [("定海区教育局", 2019)]
    assert sample.fact_count == 32


def test_sample_keeps_qualifiers(sample: ValidationReport) -> None:
    by_slot = {f.slot: f for f in facts(sample)}
    portal = by_slot[("items_published", "gov_portal", None)]
    assert (portal.value, portal.qualifier) == (400, Qualifier.AT_LEAST)
    assert portal.note == "公开信息 400余条"
    own_site = by_slot[("items_published", "dept_site", None)]
    assert (own_site.value, own_site.qualifier) == (3000, Qualifier.AT_LEAST)
    wechat = by_slot[("items_published", "wechat", None)]
    assert (wechat.value, wechat.qualifier) == (500, Qualifier.AT_LEAST)
    rate = by_slot[("hotline_closure_rate", "hotline_12345", None)]
    assert (rate.value, rate.qualifier) == (100, Qualifier.EXACT)
    requests = by_slot[("requests_new", None, None)]
    assert (requests.value, requests.qualifier) == (0, Qualifier.EXACT)
    assert by_slot[("info_rank", None, "市教育网")].value == 1


def test_sample_recruitment_is_not_reported_not_zero(sample: ValidationReport) -> None:
    recruitment = [f for f in facts(sample) if f.metric.startswith("recruitment_")]
    assert {(f.metric, f.channel) for f in recruitment} == {
        ("recruitment_notices", "hrss_site"),
        ("recruitment_notices", "dept_site"),
        ("recruitment_publicity", "dept_site"),
    }
    for fact in recruitment:
        assert fact.value is None
        assert fact.qualifier is Qualifier.NOT_REPORTED


def test_sample_parts_within_3000_duo_are_accepted(
    sample: ValidationReport, catalogue: Catalogue
) -> None:
    """The own site's categories sum to 2672, inside 3000多: no parts-exceed-total."""
    parts = [
        f for f in facts(sample) if f.slot[:2] == ("items_published", "dept_site") and f.category
    ]
    assert len(parts) == 7
    assert sum(f.value or 0 for f in parts) == 2672
    assert "parts-exceed-total" not in [p.code for p in sample.problems]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_sample_in_excel_encodings_validates_the_same(
    sample: ValidationReport, catalogue: Catalogue, encoding: str
) -> None:
    content = SAMPLE_CSV.read_text("utf-8").encode(encoding)
    report = validate_file(content, SAMPLE_CSV.name, catalogue)
    assert report.problems == []
    assert report.to_dict() == sample.to_dict()


def test_sample_json_shape(sample: ValidationReport) -> None:
    data = json.loads(json.dumps(report_record(sample), ensure_ascii=False))
    assert set(data) == {"ok", "errors", "warnings", "datasets", "mappings"}
    assert data["ok"] is True
    assert data["mappings"] == []  # the seed names every channel as the catalogue does
    (dataset,) = data["datasets"]
    assert len(dataset["facts"]) == 32
    for fact in dataset["facts"]:
        assert {
            "agency",
            "year",
            "metric",
            "channel",
            "category",
            "value",
            "qualifier",
            "note",
            "row",
        } <= set(fact)
    first = dataset["facts"][0]
    assert first == {
        "agency": "定海区教育局",
        "year": 2019,
        "metric": "meetings",
        "channel": None,
        "category": None,
        "value": 2,
        "qualifier": "exact",
        "note": "召开了2次会议专题研究政府信息公开和办事公开工作",
        "row": 2,
        "unit": None,  # the report's words: none written besides the number
        "as_written": "2",
    }
    portal = next(f for f in dataset["facts"] if f["row"] == 5)
    assert (portal["value"], portal["qualifier"]) == (400, "at_least")
    assert (portal["unit"], portal["as_written"]) == (None, "400余")
    notices = next(f for f in dataset["facts"] if f["metric"] == "recruitment_notices")
    assert (notices["value"], notices["qualifier"]) == (None, "not_reported")


def test_problem_json_shape(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,某某平台,,10,",
        f"{A},发布信息条数,微博,,abc,",
    )
    data = json.loads(json.dumps(report_record(report, "en")))
    assert data["ok"] is False
    (error,) = data["errors"]
    (warning,) = data["warnings"]
    for problem in (error, warning):
        assert {"row", "column", "value", "code", "message"} <= set(problem)
    assert (error["row"], error["column"], error["value"], error["code"]) == (
        3,
        "数值",
        "abc",
        "value-invalid",
    )
    assert error["message"] == "Row 3: the value “abc” cannot be read."
    assert (warning["row"], warning["column"], warning["value"], warning["code"]) == (
        2,
        "渠道",
        "某某平台",
        "channel-unknown",
    )
    zh = report_record(report)
    assert zh["errors"][0]["message"] == "第 3 行的数值“abc”无法识别。"


# ── header ──────────────────────────────────────────────────────────────────────────────────


def test_header_missing(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},专题会议次数,,,", header="年度,单位,指标,渠道,类别,备注")
    assert_error(report, (1, "数值", "header-missing"))
    assert report.datasets == []
    assert "数值" in problem_message(report.errors[0])
    assert "value" in problem_message(report.errors[0], "en")


def test_header_missing_reports_every_missing_column(catalogue: Catalogue) -> None:
    report = check(catalogue, "定海区教育局,2", header="单位,数值")
    assert report.flatten() == [
        (1, "年度", "header-missing"),
        (1, "指标", "header-missing"),
    ]


def test_a_missing_column_is_named_as_the_template_heads_it() -> None:
    # The report names a column the file lacks by the template's header (data, the same in
    # both languages), which is the Chinese field name the messages use.
    titles = column_spec().titles
    assert set(titles) == set(FIELDS)
    for field_name, title in titles.items():
        assert title == t(f"field.{field_name}", "zh")


def test_problems_hold_ids_and_the_messages_name_them(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},关注人数,,,5000,")  # followers need a channel
    (problem,) = report.errors
    assert problem.params == {"metric": "followers"}
    assert "“关注人数”" in problem_message(problem, "zh")
    assert "“Followers”" in problem_message(problem, "en")


def test_no_header_row_at_all(catalogue: Catalogue) -> None:
    """A file whose first row is data: its cells are unknown headers, and the real ones missing."""
    report = check(catalogue, f"{A},专题会议次数,,,3,", header=f"{A},专题会议次数,,,2,")
    assert {p.code for p in report.errors} == {"header-missing"}
    assert not report.ok


def test_header_unknown_is_a_warning_and_the_column_ignored(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},专题会议次数,,,2,,张三",
        header="年度,单位,指标,渠道,类别,数值,备注,填表人",
    )
    assert_warning(report, (1, "填表人", "header-unknown"))
    assert report.fact_count == 1


def test_reference_columns_are_ignored_silently(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},专题会议次数,,,2,,次,1",
        header="年度,单位,指标,渠道,类别,数值,备注,计量单位,上年数值（参考）",
    )
    assert report.problems == []
    assert report.fact_count == 1


def test_header_duplicate(catalogue: Catalogue) -> None:
    header = "年度,单位,指标,渠道,类别,数值,备注,值"
    report = check(catalogue, f"{A},专题会议次数,,,2,,3", header=header)
    assert_error(report, (1, "值", "header-duplicate"))


def test_english_headers(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        "2019,Dinghai Education Bureau,items_published,WeChat,,500余,",
        f"{A},abc,,,1,",
        header="year,agency,metric,channel,category,value,note",
    )
    assert report.flatten() == [(3, "metric", "metric-unknown")]
    (fact,) = facts(report)
    assert (fact.agency, fact.metric, fact.channel) == (
        "Dinghai Education Bureau",
        "items_published",
        "wechat",
    )
    assert (fact.value, fact.qualifier) == (500, Qualifier.AT_LEAST)


@pytest.mark.parametrize(
    "header",
    [
        "年度 year,单位 agency,指标 metric,渠道 channel,类别 category,数值 value,备注 note",
        "年度(year),单位(agency),指标(metric),渠道(channel),类别(category),数值(value),备注(note)",
        "Year 年度,Agency 单位,Metric 指标,Channel 渠道,Category 类别,Value 数值,Note 备注",
        "年度（year）,单位,指标,渠道,类别,数值,备注",
    ],
)
def test_combined_headers(catalogue: Catalogue, header: str) -> None:
    report = check(catalogue, f"{A},热线受理件数,12345,,111,受理111件", header=header)
    assert report.problems == []
    (fact,) = facts(report)
    assert (fact.metric, fact.channel, fact.value, fact.note) == (
        "hotline_received",
        "hotline_12345",
        111,
        "受理111件",
    )


def test_columns_in_any_order_and_optional_columns_absent(catalogue: Catalogue) -> None:
    report = check(catalogue, "2,专题会议次数,定海区教育局,2019", header="数值,指标,单位,年度")
    assert report.problems == []
    (fact,) = facts(report)
    assert (fact.year, fact.metric, fact.value, fact.note) == (2019, "meetings", 2, None)


# ── year and agency ─────────────────────────────────────────────────────────────────────────


def test_year_missing(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, ",定海区教育局,专题会议次数,,,2,"), (2, "年度", "year-missing"))


@pytest.mark.parametrize(
    "year",
    ["二〇一九", "19", "1900", "2019.5", "abcd", str(date.today().year + 2), "２⁰¹⁹", "٢٠١٩"],
)
def test_year_invalid(catalogue: Catalogue, year: str) -> None:
    report = check(catalogue, f"{year},定海区教育局,专题会议次数,,,2,")
    assert_error(report, (2, "年度", "year-invalid"))
    assert report.errors[0].value == year


@pytest.mark.parametrize("year", ["2019", "2019年", "2019年度", "２０１９", " 2019 "])
def test_year_spellings(catalogue: Catalogue, year: str) -> None:
    report = check(catalogue, f"{year},定海区教育局,专题会议次数,,,2,")
    assert report.problems == []
    assert facts(report)[0].year == 2019


def test_agency_missing(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, "2019,,专题会议次数,,,2,"), (2, "单位", "agency-missing"))


def test_default_agency_fills_a_blank_cell(catalogue: Catalogue) -> None:
    report = check(catalogue, "2019,,专题会议次数,,,2,", default_agency="定海区教育局")
    assert report.problems == []
    assert [(d.agency, d.year) for d in report.datasets] == [("定海区教育局", 2019)]


def test_default_agency_replaces_a_missing_column(catalogue: Catalogue) -> None:
    header = "年度,指标,渠道,类别,数值,备注"
    without = check(catalogue, "2019,专题会议次数,,,2,", header=header)
    assert_error(without, (1, "单位", "header-missing"))
    report = check(
        catalogue, "2019,专题会议次数,,,2,", header=header, default_agency="定海区教育局"
    )
    assert report.problems == []
    assert facts(report)[0].agency == "定海区教育局"


def test_several_agencies_and_years_give_several_datasets(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        "2019,定海区教育局,专题会议次数,,,2,",
        "2020,定海区教育局,专题会议次数,,,3,",
        "2019,普陀区教育局,专题会议次数,,,4,",
        "2020,定海区教育局,发布信息条数,微博,,900余,",
    )
    assert report.ok and report.problems == []
    assert [(d.agency, d.year, len(d.facts)) for d in report.datasets] == [
        ("定海区教育局", 2019, 1),
        ("定海区教育局", 2020, 2),
        ("普陀区教育局", 2019, 1),
    ]
    assert len(report.to_dict()["datasets"]) == 3


def test_same_figure_in_two_datasets_is_no_duplicate(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        "2019,定海区教育局,专题会议次数,,,2,",
        "2020,定海区教育局,专题会议次数,,,2,",
    )
    assert report.problems == []
    assert report.fact_count == 2


# ── metric, channel and category ────────────────────────────────────────────────────────────


def test_metric_missing(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, f"{A},,,,2,"), (2, "指标", "metric-missing"))


def test_metric_unknown_suggests_the_closest_names(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息数量,微博,,800余,")
    assert_error(report, (2, "指标", "metric-unknown"))
    problem = report.errors[0]
    assert problem.value == "发布信息数量"
    assert problem.params["suggestions"][0] == "items_published"
    assert "发布信息条数" in problem_message(problem, "zh")
    assert "Items published" in problem_message(problem, "en")


def test_metric_unknown_without_any_close_name(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},xyz,,,1,")
    assert_error(report, (2, "指标", "metric-unknown"))
    assert report.errors[0].params["suggestions"] == ()


def test_metric_by_id_alias_and_full_width(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},hotline_received,,,111,",
        f"{A},办结件数,,,111,",
        f"{A},１２３４５办结率,,,100%,",
    )
    assert report.problems == []
    assert sorted(f.metric for f in facts(report)) == [
        "hotline_closed",
        "hotline_closure_rate",
        "hotline_received",
    ]
    assert {f.channel for f in facts(report)} == {"hotline_12345"}  # the metric's default


def test_channel_unknown_is_a_warning_and_kept_as_written(catalogue: Catalogue) -> None:
    # (今日头条号, the example here before issue 10, is now a channel of the catalogue)
    report = check(catalogue, f"{A},发布信息条数,校园广场,,120,")
    assert_warning(report, (2, "渠道", "channel-unknown"))
    assert report.warnings[0].value == "校园广场"
    (fact,) = facts(report)
    assert fact.channel == "校园广场"
    assert fact.value == 120


@pytest.mark.parametrize("name", ["官方微信", "微信", "微信公众号", "“定海教育”微信公众号"])
def test_channel_aliases_land_on_wechat(catalogue: Catalogue, name: str) -> None:
    report = check(catalogue, f"{A},发布信息条数,{name},,500余,")
    assert report.problems == []
    assert facts(report)[0].channel == "wechat"


def test_channel_required(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, f"{A},关注人数,,,5000,"), (2, "渠道", "channel-required"))


def test_channel_not_allowed(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},专题会议次数,微博,,2,")
    assert_error(report, (2, "渠道", "channel-not-allowed"))
    assert report.errors[0].value == "微博"


def test_category_not_allowed(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},专题会议次数,,政务动态,2,")
    assert_error(report, (2, "类别", "category-not-allowed"))


def test_category_unknown_in_the_applicant_vocabulary(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},新收申请数,,外国人,1,")
    assert_error(report, (2, "类别", "category-unknown"))
    problem = report.errors[0]
    assert problem.value == "外国人"
    assert "自然人" in problem_message(problem) and "商业企业" in problem_message(problem)


def test_category_in_the_applicant_vocabulary(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},新收申请数,,,3,",
        f"{A},新收申请数,,自然人,2,",
        f"{A},新收申请数,,法人或其他组织-商业企业,1,",
    )
    assert report.problems == []
    assert sorted((f.category or "", f.value) for f in facts(report)) == [
        ("", 3),
        ("commercial", 1),
        ("natural_person", 2),
    ]


def test_free_category_is_kept(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,政府门户网站,政务动态,153,")
    assert report.problems == []
    assert facts(report)[0].category == "政务动态"


# ── values ──────────────────────────────────────────────────────────────────────────────────


def test_value_missing(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},专题会议次数,,,,召开了专题会议")
    assert_error(report, (2, "数值", "value-missing"))


def test_row_prefilled_from_last_year_without_value_is_skipped(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},新收申请数,,自然人,,", f"{A},专题会议次数,,,2,")
    assert report.ok
    assert [f.metric for d in report.datasets for f in d.facts] == ["meetings"]


def test_blank_and_unfilled_template_rows_are_skipped(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        ",,,,,,",
        ",,专题会议次数,,,,",
        f"{A},阅读量,微信,,5000,",
        f"{A},热线受理件数,12345,,,",  # the template prefilled year, agency and channel
        f"{A},专题会议次数,,,,",
    )
    assert report.problems == []
    assert report.fact_count == 1


@pytest.mark.parametrize("value", ["abc", "约400余", "四百", "1e3", "400余余", "1e24"])
def test_value_invalid(catalogue: Catalogue, value: str) -> None:
    report = check(catalogue, f"{A},发布信息条数,微博,,{value},")
    assert_error(report, (2, "数值", "value-invalid"))
    assert report.errors[0].value == value


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("4 0 0", "value-spaced-digits"),
        ("４⁰⁰", "value-unusual-digits"),
        ("²", "value-unusual-digits"),
        ("不足0", "value-at-most-zero"),
        ("44444444444444444444", "value-too-large"),
        ("1000万亿", "value-invalid"),  # two multipliers: not a way reports write
    ],
)
def test_stricter_values(catalogue: Catalogue, value: str, code: str) -> None:
    report = check(catalogue, f"{A},发布信息条数,微博,,{value},")
    assert_error(report, (2, "数值", code))
    assert report.errors[0].value == value
    assert value in problem_message(report.errors[0])


def test_validate_file_never_raises(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the checks is a report for the user (and a traceback in the log)."""

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("dashboard.ingest.validate.validate_table", broken)
    report = validate_file(csv_bytes(f"{A},专题会议次数,,,2,"), "upload.csv", catalogue)
    assert report.flatten() == [(None, None, "file-check-failed")]
    assert not report.ok and not report.readable
    assert "upload.csv" in problem_message(report.errors[0])


def test_reader_problems_do_not_stop_the_other_rows(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f'{A},"专题会议次数,,,2,',
        f"{A},热线受理件数,12345,,4 0 0,",
        f"{A},阅读量,微信,,5000,",
    )
    assert report.flatten() == [
        (2, None, "csv-quote-unbalanced"),
        (3, "数值", "value-spaced-digits"),
    ]
    assert [f.row for f in facts(report)] == [4]


def test_value_negative(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, f"{A},阅读量,微信,,-5,"), (2, "数值", "value-negative"))


def test_value_not_integer(catalogue: Catalogue) -> None:
    assert_error(check(catalogue, f"{A},专题会议次数,,,2.5,"), (2, "数值", "value-not-integer"))


@pytest.mark.parametrize("value", ["120%", "101", "-1%"])
def test_percent_out_of_range(catalogue: Catalogue, value: str) -> None:
    report = check(catalogue, f"{A},热线办结率,12345,,{value},")
    assert_error(report, (2, "数值", "percent-out-of-range"))


def test_percent_written_as_fraction_is_a_warning(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},满意率,12345,,0.98,")
    assert_warning(report, (2, "数值", "percent-looks-like-fraction"))
    assert "98%" in problem_message(report.warnings[0])


def test_unit_mismatch(catalogue: Catalogue) -> None:
    """A unit contradicting the metric's is a warning naming both (issue 10: the figure is kept
    with its unit as written, so the page never shows it under the metric's unit)."""
    report = check(catalogue, f"{A},发布信息条数,微博,,50%,")
    assert_warning(report, (2, "数值", "unit-mismatch"))
    assert report.ok
    message = problem_message(report.warnings[0])
    assert "%" in message and "条" in message
    (fact,) = report.datasets[0].facts
    assert (fact.value, fact.unit, fact.as_written) == (50, "%", "50%")


def test_rank_invalid(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},信息录用排名,,市教育网,0,")
    assert_error(report, (2, "数值", "rank-invalid"))


def test_values_keep_their_qualifiers(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},阅读量,微信,,310余万人次,",
        f"{A},关注人数,微信,,约4.5万,",
        f"{A},发布信息条数,微博,,逾800,",
        f'{A},发布信息条数,部门网站,,"1,525",',
        f"{A},发布信息条数,政府门户网站,,１２３,",
        f"{A},招聘人数,,,未报告,",
    )
    assert report.problems == []
    by_slot = {f.slot: (f.value, f.qualifier) for f in facts(report)}
    assert by_slot[("reads", "wechat", None)] == (3_100_000, Qualifier.AT_LEAST)
    assert by_slot[("followers", "wechat", None)] == (45_000, Qualifier.APPROX)
    assert by_slot[("items_published", "weibo", None)] == (800, Qualifier.AT_LEAST)
    assert by_slot[("items_published", "dept_site", None)] == (1525, Qualifier.EXACT)
    assert by_slot[("items_published", "gov_portal", None)] == (123, Qualifier.EXACT)
    assert by_slot[("recruitment_hires", None, None)] == (None, Qualifier.NOT_REPORTED)


def test_every_problem_is_reported_at_once(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        "20x9,定海区教育局,专题会议次数,,,2,",
        f"{A},发布信息数量,微博,,800余,",
        f"{A},发布信息条数,微博,,abc,",
        f"{A},阅读量,微信,,-5,",
        f"{A},关注人数,,,5000,",
        f"{A},专题会议次数,,,2,",
    )
    assert report.flatten() == [
        (2, "年度", "year-invalid"),
        (3, "指标", "metric-unknown"),
        (4, "数值", "value-invalid"),
        (5, "数值", "value-negative"),
        (6, "渠道", "channel-required"),
    ]
    assert len(report.errors) == 5
    assert report.fact_count == 1  # the good row still comes through for the preview


def test_several_problems_in_one_row(catalogue: Catalogue) -> None:
    report = check(catalogue, ",,没有这个指标,,,abc,")
    assert sorted(report.flatten()) == sorted(
        [
            (2, "单位", "agency-missing"),
            (2, "年度", "year-missing"),
            (2, "指标", "metric-unknown"),
            (2, "数值", "value-invalid"),
        ]
    )
    assert len(report.errors) == 4


def test_row_numbers_count_blank_lines(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},专题会议次数,,,2,", "", "", f"{A},阅读量,微信,,-5,")
    assert only(report) == (5, "数值", "value-negative")


def test_html_in_notes_is_kept_literally(catalogue: Catalogue) -> None:
    report = check(catalogue, f'{A},专题会议次数,,,2,"<b>x</b> & <script>alert(1)</script>"')
    (fact,) = facts(report)
    assert fact.note == "<b>x</b> & <script>alert(1)</script>"
    assert report.to_dict()["datasets"][0]["facts"][0]["note"] == fact.note


def test_html_in_an_unknown_channel_is_kept_literally(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,<i>x</i>,,2,")
    assert report.warnings[0].value == "<i>x</i>"
    assert "“<i>x</i>”" in problem_message(report.warnings[0])
    assert facts(report)[0].channel == "<i>x</i>"


def test_export_formula_guard_is_removed(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,微博,,800余,'=备注")
    assert report.problems == []
    assert facts(report)[0].note == "=备注"


# ── duplicates ──────────────────────────────────────────────────────────────────────────────


def test_duplicate_fact_is_an_error(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,微博,,800余,",
        f"{A},发布信息条数,官方微博,,900,",
    )
    assert_error(report, (3, "数值", "duplicate-fact"))
    problem = report.errors[0]
    assert problem.params["first_row"] == 2
    assert "800余" in problem_message(problem) and "900" in problem_message(problem)


def test_duplicate_row_is_a_warning_and_kept_once(catalogue: Catalogue) -> None:
    row = f"{A},发布信息条数,微博,,800余,更新微博动态800余条"
    report = check(catalogue, row, row)
    assert_warning(report, (3, "数值", "duplicate-row"))
    (fact,) = facts(report)
    assert fact.row == 2


# ── relations between metrics ───────────────────────────────────────────────────────────────


def test_closed_exceeds_received(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},热线受理件数,12345,,100,", f"{A},热线办结件数,12345,,120,")
    assert_error(report, (3, "数值", "closed-exceeds-received"))
    message = problem_message(report.errors[0])
    assert "120" in message and "100" in message


def test_closed_within_received_is_fine(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},热线受理件数,12345,,100余,",
        f"{A},热线办结件数,,,105,",  # the default channel: the same slot as 12345
    )
    assert report.problems == []


def test_adopted_exceeds_submitted_per_recipient(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},报送信息篇数,,区政府,30,",
        f"{A},录用信息篇数,,区政府,31,",
        f"{A},报送信息篇数,,市教育网,725,",
        f"{A},录用信息篇数,,市教育网,105,",
        f"{A},录用信息篇数,,省委,2,",  # nothing submitted to 省委 is given: no check
    )
    assert_error(report, (3, "数值", "adopted-exceeds-submitted"))
    assert "区政府" in problem_message(report.errors[0])


def test_parts_exceed_total_is_a_warning(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,微博,,100,",
        f"{A},发布信息条数,微博,动态,60,",
        f"{A},发布信息条数,微博,通知,50,",
    )
    assert_warning(report, (2, "数值", "parts-exceed-total"))
    assert "110" in problem_message(report.warnings[0])


def test_parts_within_an_at_least_total(catalogue: Catalogue) -> None:
    """`400余` is less than 500: parts summing to 480 fit, 510 do not."""
    fits = check(
        catalogue,
        f"{A},发布信息条数,政府门户网站,,400余,",
        f"{A},发布信息条数,政府门户网站,政务动态,480,",
    )
    assert fits.problems == []
    exceeds = check(
        catalogue,
        f"{A},发布信息条数,政府门户网站,,400余,",
        f"{A},发布信息条数,政府门户网站,政务动态,510,",
    )
    assert_warning(exceeds, (2, "数值", "parts-exceed-total"))


def test_channel_totals_exceed_the_overall_total(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,,,1000,",
        f"{A},发布信息条数,微信,,800余,",
        f"{A},发布信息条数,微博,,500,",
    )
    assert_warning(report, (2, "数值", "parts-exceed-total"))


def test_rate_mismatch(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},热线受理件数,12345,,111,",
        f"{A},热线办结件数,12345,,100,",
        f"{A},热线办结率,12345,,100%,",
    )
    assert_warning(report, (4, "数值", "rate-mismatch"))
    assert "90.1%" in problem_message(report.warnings[0])


@pytest.mark.parametrize("rate", ["99.1%", "99%", "超过95%", "约99%", "约95%", "95%以上"])
def test_rate_that_agrees_is_fine(catalogue: Catalogue, rate: str) -> None:
    """110 of 111 is 99.1%: a rate written as a bound or an approximation may say so."""
    report = check(
        catalogue,
        f"{A},热线受理件数,12345,,111,",
        f"{A},热线办结件数,12345,,110,",
        f"{A},热线办结率,12345,,{rate},",
    )
    assert report.problems == []


@pytest.mark.parametrize("rate", ["98%", "100%", "超过99.8%", "不足95%", "约80%"])
def test_rate_that_cannot_be_right(catalogue: Catalogue, rate: str) -> None:
    report = check(
        catalogue,
        f"{A},热线受理件数,12345,,111,",
        f"{A},热线办结件数,12345,,110,",
        f"{A},热线办结率,12345,,{rate},",
    )
    assert_warning(report, (4, "数值", "rate-mismatch"))
    assert "99.1%" in problem_message(report.warnings[0])


def test_sum_mismatch_between_subtotal_and_items(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},不予公开,,,5,",
        f"{A},属于国家秘密,,,3,",
        f"{A},其他法律行政法规禁止公开,,,3,",
    )
    assert_warning(report, (2, "数值", "sum-mismatch"))
    assert "6" in problem_message(report.warnings[0])


def test_sum_mismatch_across_applicant_columns(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},新收申请数,,总计,5,",
        f"{A},新收申请数,,自然人,3,",
        f"{A},新收申请数,,商业企业,4,",
    )
    assert_warning(report, (2, "数值", "sum-mismatch"))


def test_balance_mismatch(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},新收申请数,,,10,",
        f"{A},上年结转申请数,,,2,",
        f"{A},办理结果总计,,,8,",
        f"{A},结转下年度继续办理,,,1,",
    )
    assert_warning(report, (2, "数值", "balance-mismatch"))
    message = problem_message(report.warnings[0])
    assert "12" in message and "9" in message


def test_balance_mismatch_with_a_row_missing(catalogue: Catalogue) -> None:
    """Without 结转下年度 the right side is at least 8: 10 may still balance, 7 cannot."""
    may_balance = check(catalogue, f"{A},新收申请数,,,10,", f"{A},办理结果总计,,,8,")
    assert may_balance.problems == []
    report = check(
        catalogue,
        f"{A},新收申请数,,,10,",
        f"{A},上年结转申请数,,,0,",
        f"{A},办理结果总计,,,11,",
    )
    assert_warning(report, (2, "数值", "balance-mismatch"))


def test_balance_per_applicant_column(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},新收申请数,,自然人,3,",
        f"{A},上年结转申请数,,自然人,0,",
        f"{A},办理结果总计,,自然人,2,",
        f"{A},结转下年度继续办理,,自然人,0,",
        f"{A},新收申请数,,商业企业,1,",
        f"{A},上年结转申请数,,商业企业,0,",
        f"{A},办理结果总计,,商业企业,1,",
        f"{A},结转下年度继续办理,,商业企业,0,",
    )
    assert_warning(report, (2, "数值", "balance-mismatch"))
    assert "自然人" in problem_message(report.warnings[0])


def test_table_3_that_balances_is_fine(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},新收申请数,,,10,",
        f"{A},上年结转申请数,,,2,",
        f"{A},予以公开,,,7,",
        f"{A},部分公开,,,4,",
        f"{A},办理结果总计,,,11,",
        f"{A},结转下年度继续办理,,,1,",
    )
    assert report.problems == []


# ── change against last year ────────────────────────────────────────────────────────────────


def test_large_change_against_last_year(catalogue: Catalogue) -> None:
    asked: list[tuple[str, int]] = []

    def previous(agency: str, year: int) -> list[Fact]:
        asked.append((agency, year))
        return [
            Fact(agency, year, "items_published", "weibo", None, 80.0, Qualifier.AT_LEAST),
            Fact(agency, year, "reads", "wechat", None, 5000.0, Qualifier.EXACT),
        ]

    report = check(
        catalogue,
        f"{A},发布信息条数,微博,,800余,",
        f"{A},阅读量,微信,,6000,",
        previous_facts=previous,
    )
    assert asked == [("定海区教育局", 2018)]
    assert_warning(report, (2, "数值", "large-change"))
    message = problem_message(report.warnings[0])
    assert "80余" in message and "10" in message


def test_no_large_change_without_last_year(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,微博,,800余,", previous_facts=lambda a, y: [])
    assert report.problems == []


def test_rows_without_any_value_report_no_values(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes(",,发布信息条数,,,,", ",,专题会议次数,,,,"), "t.csv", catalogue
    )
    assert report.flatten() == [(None, None, "no-values")]
    assert not report.ok


def test_full_width_free_categories_are_one_figure(catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes("2019,A,发布信息条数,微博,（公告）,5,", "2019,A,发布信息条数,微博,(公告),6,"),
        "t.csv",
        catalogue,
    )
    assert [p.code for p in report.errors] == ["duplicate-fact"]


# ── issue 10 §1: totals and their parts, signed changes, known categories ───────────────────


def test_a_category_without_channel_is_a_part_of_the_total(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,,,215,主动公开政府信息215条",
        f"{A},发布信息条数,,重大项目建设信息,130,其中重大项目建设信息130条",
        f"{A},发布信息条数,,部门文件,17,部门文件17件",
    )
    assert report.problems == []
    assert [(f.channel, f.category) for f in facts(report)] == [
        (None, None),
        (None, "重大项目建设信息"),
        (None, "部门文件"),
    ]
    over = check(catalogue, f"{A},发布信息条数,,,100,", f"{A},发布信息条数,,公开文件,101,")
    assert_warning(over, (2, "数值", "parts-exceed-total"))


def test_channel_totals_and_categories_are_separate_splits(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,,,100,",
        f"{A},发布信息条数,政府门户网站,,100,",
        f"{A},发布信息条数,,政务动态,100,",
    )
    assert report.problems == []


def test_a_combined_channel_is_not_counted_twice_in_the_total(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,,,3000,",
        f"{A},发布信息条数,微博微信合计,,2986,",
        f"{A},发布信息条数,微信公众号,,1500,",
    )
    assert not [p for p in report.problems if p.code == "parts-exceed-total"]


def test_a_known_category_is_stored_by_its_id(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,,规范性文件,11,制定并发布规范性文件11件")
    assert report.problems == [] and facts(report)[0].category == "documents"


def test_only_a_change_may_be_negative(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},行政处罚-本年增/减,,,-8,")
    assert report.problems == [] and facts(report)[0].value == -8
    assert_error(
        check(catalogue, f"{A},行政处罚-上一年项目数量,,,-8,"), (2, "数值", "value-negative")
    )
