"""The metric catalogue, channel vocabulary, category vocabularies and problem messages."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from dashboard.domain.catalogue import (
    Balance,
    Catalogue,
    NotGreater,
    Rate,
    Sum,
    load_catalogue,
)
from dashboard.domain.columns import column_spec, load_columns
from dashboard.domain.config_files import ConfigError, shown_path
from dashboard.domain.headline_catalogue import headlines, load_headlines
from dashboard.domain.problems import (
    FIXED_SEVERITY,
    RELATION_CODES,
    Problem,
    ProblemCode,
    Severity,
)
from dashboard.i18n import docs, messages
from dashboard.paths import CATALOGUE_DIR
from tests.conftest import edit_once

ISSUE_METRICS = {
    "发布信息条数": "items_published",
    "关注人数": "followers",
    "阅读量": "reads",
    "报送信息篇数": "info_submitted",
    "录用信息篇数": "info_adopted",
    "热线受理件数": "hotline_received",
    "热线办结件数": "hotline_closed",
    "热线办结率": "hotline_closure_rate",
    "满意率": "hotline_satisfaction_rate",
    "招聘公告条数": "recruitment_notices",
    "拟聘用公示条数": "recruitment_publicity",
    "招聘人数": "recruitment_hires",
    "专题会议次数": "meetings",
    "公开目录大类数": "catalogue_categories",
    "公开目录条目数": "catalogue_entries",
    "新收申请数": "requests_new",
}

ISSUE_CHANNELS = {
    "政府门户网站": "gov_portal",
    "部门网站": "dept_site",
    "微信公众号": "wechat",
    "微博": "weibo",
    "短视频": "short_video",
    "新闻媒体": "news_media",
    "12345": "hotline_12345",
}

# Table 三, as the official form words its rows (DESIGN §2).
TABLE_3_ROWS = {
    "本年新收政府信息公开申请数量": "requests_new",
    "上年结转政府信息公开申请数量": "requests_carried_over",
    "予以公开": "requests_disclosed",
    "部分公开": "requests_partial",
    "不予公开": "requests_refused",
    "属于国家秘密": "requests_refused_state_secret",
    "其他法律行政法规禁止公开": "requests_refused_law",
    "危及“三安全一稳定”": "requests_refused_security",
    "保护第三方合法权益": "requests_refused_third_party",
    "属于三类内部事务信息": "requests_refused_internal",
    "属于四类过程性信息": "requests_refused_process",
    "属于行政执法案卷": "requests_refused_enforcement",
    "属于行政查询事项": "requests_refused_query",
    "无法提供": "requests_unavailable",
    "本机关不掌握相关政府信息": "requests_unavailable_not_held",
    "没有现成信息需要另行制作": "requests_unavailable_needs_creation",
    "补正后申请内容仍不明确": "requests_unavailable_unclear",
    "不予处理": "requests_not_processed",
    "信访举报投诉类申请": "requests_not_processed_petition",
    "重复申请": "requests_not_processed_repeat",
    "要求提供公开出版物": "requests_not_processed_publication",
    "无正当理由大量反复申请": "requests_not_processed_mass",
    "要求行政机关确认或重新出具已获取信息": "requests_not_processed_confirm",
    "其他处理": "requests_other",
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": (
        "requests_other_no_correction"
    ),
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": (
        "requests_other_no_fee"
    ),
    "其他处理-其他": "requests_other_misc",
    "（七）总计": "requests_completed",
    "结转下年度继续办理": "requests_carried_forward",
}
TABLE_3_SUBITEMS = {
    "requests_refused": [
        "requests_refused_state_secret",
        "requests_refused_law",
        "requests_refused_security",
        "requests_refused_third_party",
        "requests_refused_internal",
        "requests_refused_process",
        "requests_refused_enforcement",
        "requests_refused_query",
    ],
    "requests_unavailable": [
        "requests_unavailable_not_held",
        "requests_unavailable_needs_creation",
        "requests_unavailable_unclear",
    ],
    "requests_not_processed": [
        "requests_not_processed_petition",
        "requests_not_processed_repeat",
        "requests_not_processed_publication",
        "requests_not_processed_mass",
        "requests_not_processed_confirm",
    ],
    "requests_other": [
        "requests_other_no_correction",
        "requests_other_no_fee",
        "requests_other_misc",
    ],
    "requests_completed": [
        "requests_disclosed",
        "requests_partial",
        "requests_refused",
        "requests_unavailable",
        "requests_not_processed",
        "requests_other",
    ],
}
APPLICANT_COLUMNS = {
    "自然人": "natural_person",
    "商业企业": "commercial",
    "科研机构": "research",
    "社会公益组织": "public_interest",
    "法律服务机构": "legal_service",
    "其他": "other_org",
}
TABLE_4_BLOCKS = {
    "行政复议": "appeal_review",
    "行政诉讼": "litigation_cases",  # the total, for reports that do not split it
    "未经复议直接起诉": "appeal_litigation_direct",
    "复议后起诉": "appeal_litigation_after_review",
}
APPEAL_RESULTS = {
    "结果维持": "upheld",
    "结果纠正": "corrected",
    "其他结果": "other",
    "尚未审结": "pending",
}


# ── metrics ─────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("name", "metric_id"), ISSUE_METRICS.items())
def test_issue_metrics_resolve(catalogue: Catalogue, name: str, metric_id: str) -> None:
    metric = catalogue.find_metric(name)
    assert metric is not None, name
    assert metric.id == metric_id
    assert metric.zh == name
    # by id and English name as well, in any case and spacing
    assert catalogue.find_metric(metric_id) is metric
    assert catalogue.find_metric(metric.en.upper()) is metric
    assert catalogue.find_metric(f" {name} ") is metric


def test_metric_aliases_and_widths(catalogue: Catalogue) -> None:
    assert catalogue.find_metric("公开信息条数").id == "items_published"  # type: ignore[union-attr]
    assert catalogue.find_metric("粉丝数").id == "followers"  # type: ignore[union-attr]
    assert catalogue.find_metric("办结率").id == "hotline_closure_rate"  # type: ignore[union-attr]
    assert catalogue.find_metric("１２３４５办结率").id == "hotline_closure_rate"  # type: ignore[union-attr]
    assert catalogue.find_metric("没有这个指标") is None
    assert catalogue.find_metric("") is None


ALLOWED_UNITS = {
    "条", "篇", "件", "次", "人", "人次", "个", "项", "类", "期", "场", "%", "元", "万元", "名"
}  # fmt: skip
SECTIONS = {
    "channels",
    "new_media",
    "hotline",
    "interaction",
    "recruitment",
    "proactive",
    "requests",
    "appeals",
    "work",
}


@pytest.mark.parametrize("metric_id", sorted(load_catalogue().metrics))
def test_every_metric_is_fully_described(catalogue: Catalogue, metric_id: str) -> None:
    metric = catalogue.metrics[metric_id]
    assert metric.id == metric_id
    assert metric.zh.strip() and metric.en.strip()
    assert re.search(r"[\u4e00-\u9fff]", metric.zh), metric.zh
    assert re.fullmatch(r"[\x20-\x7e]+", metric.en), metric.en
    assert metric.unit in ALLOWED_UNITS
    assert metric.kind in ("count", "percent", "amount", "rank", "change")
    assert metric.section in SECTIONS
    assert (metric.kind == "percent") == (metric.unit == "%")
    assert metric.name("zh") == metric.zh and metric.name("en") == metric.en


def test_metric_sections(catalogue: Catalogue) -> None:
    sections = {m.section for m in catalogue.metrics.values()}
    assert sections == SECTIONS
    assert catalogue.metrics["followers"].channel == "required"
    assert catalogue.metrics["meetings"].channel == "none"
    assert catalogue.metrics["hotline_closure_rate"].kind == "percent"
    assert catalogue.metrics["info_rank"].kind == "rank"


def test_suggest_metrics_for_a_near_miss(catalogue: Catalogue) -> None:
    assert catalogue.suggest_metrics("发布信息数量")[0].id == "items_published"
    assert catalogue.suggest_metrics("热线受理数量")[0].id == "hotline_received"
    assert catalogue.suggest_metrics("关注数量")[0].id == "followers"
    assert len(catalogue.suggest_metrics("发布信息数量", limit=2)) == 2
    assert catalogue.suggest_metrics("xyz") == []


# ── tables 三 and 四 ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("row", "metric_id"), TABLE_3_ROWS.items())
def test_every_table_3_row_exists(catalogue: Catalogue, row: str, metric_id: str) -> None:
    metric = catalogue.find_metric(row)
    assert metric is not None, row
    assert metric.id == metric_id
    assert metric.section == "requests"
    assert metric.category == "applicant"
    assert metric.channel == "none"
    assert metric.kind == "count" and metric.unit == "件"


def test_table_3_applicant_columns(catalogue: Catalogue) -> None:
    vocab = catalogue.vocabularies["applicant"]
    assert set(vocab.leaves) == set(APPLICANT_COLUMNS.values())
    # the form's heading over five columns, a subtotal reports often give alone (issue 10)
    assert set(vocab.terms) - set(vocab.leaves) == {"legal_entity"}
    assert catalogue.find_term("applicant", "法人或其他组织") == (True, "legal_entity")
    for name, term_id in APPLICANT_COLUMNS.items():
        assert catalogue.find_term("applicant", name) == (True, term_id)
        assert catalogue.term_name("applicant", term_id) == name
    for total in ("", "总计", "合计", "Total"):
        assert catalogue.find_term("applicant", total) == (True, None)
    assert catalogue.find_term("applicant", "外国人") == (False, None)


def test_table_3_cross_checks_are_declared(catalogue: Catalogue) -> None:
    sums = {r.total: set(r.parts) for r in catalogue.relations if isinstance(r, Sum)}
    for total, parts in TABLE_3_SUBITEMS.items():
        assert sums.get(total) == set(parts), total
    balances = [r for r in catalogue.relations if r.kind == "balance"]
    assert any(
        set(b.left) == {"requests_new", "requests_carried_over"}
        and set(b.right) == {"requests_completed", "requests_carried_forward"}
        for b in balances
    )


@pytest.mark.parametrize(("block", "metric_id"), TABLE_4_BLOCKS.items())
def test_every_table_4_block_exists(catalogue: Catalogue, block: str, metric_id: str) -> None:
    metric = catalogue.find_metric(block)
    assert metric is not None
    assert metric.id == metric_id
    assert metric.section == "appeals"
    assert metric.category == "appeal_result"
    for name, term_id in APPEAL_RESULTS.items():
        assert catalogue.find_term("appeal_result", name) == (True, term_id)
    assert catalogue.find_term("appeal_result", "总计") == (True, None)
    assert set(catalogue.vocabularies["appeal_result"].terms) == set(APPEAL_RESULTS.values())


def test_pairwise_relations(catalogue: Catalogue) -> None:
    pairs = {(r.left, r.right, r.code) for r in catalogue.relations if isinstance(r, NotGreater)}
    assert ("hotline_closed", "hotline_received", "closed-exceeds-received") in pairs
    assert ("info_adopted", "info_submitted", "adopted-exceeds-submitted") in pairs
    rates = [r for r in catalogue.relations if isinstance(r, Rate)]
    assert any(
        (r.rate, r.numerator, r.denominator)
        == ("hotline_closure_rate", "hotline_closed", "hotline_received")
        for r in rates
    )


# ── channels ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("name", "channel_id"), ISSUE_CHANNELS.items())
def test_issue_channels_resolve(catalogue: Catalogue, name: str, channel_id: str) -> None:
    channel = catalogue.find_channel(name)
    assert channel is not None, name
    assert channel.id == channel_id
    assert channel.zh == name
    assert catalogue.find_channel(channel_id) is channel
    assert catalogue.find_channel(channel.en) is channel
    assert catalogue.channel_name(channel_id) == name
    assert catalogue.channel_name(channel_id, "en") == channel.en


@pytest.mark.parametrize(
    "name", ["官方微信", "微信", "微信公众号", "“定海教育”微信公众号", "「定海教育」微信公众号"]
)
def test_wechat_spellings_land_on_one_channel(catalogue: Catalogue, name: str) -> None:
    channel = catalogue.find_channel(name)
    assert channel is not None
    assert channel.id == "wechat"


@pytest.mark.parametrize(
    ("name", "channel_id"),
    [
        ("中国定海政府门户网站", "gov_portal"),
        ("区政府子网站", "dept_site"),
        ("官方微博", "weibo"),
        ("抖音", "short_video"),
        ("12345热线", "hotline_12345"),
        ("新区“12345”", "hotline_12345"),
        ("区人力资源和社会保障局网站", "hrss_site"),
        # another agency's HR bureau is not that agency's own site
        ("舟山市人力资源和社会保障局网站", "hrss_site"),
        ("定海区人社局网站", "hrss_site"),
        ("定海区教育局网站", "dept_site"),
        ("舟山市教育局官方网站", "dept_site"),
    ],
)
def test_report_wordings_of_channels(catalogue: Catalogue, name: str, channel_id: str) -> None:
    channel = catalogue.find_channel(name)
    assert channel is not None and channel.id == channel_id


def test_unknown_channel_is_none_and_shown_as_written(catalogue: Catalogue) -> None:
    assert catalogue.find_channel("某某平台") is None
    assert catalogue.channel_name("某某平台") == "某某平台"
    assert catalogue.channel_name(None) == ""


def test_every_channel_is_fully_described(catalogue: Catalogue) -> None:
    for channel in catalogue.channels.values():
        assert channel.zh.strip() and channel.en.strip()
        assert catalogue.find_channel(channel.zh) is channel
        for alias in channel.aliases:
            assert catalogue.find_channel(alias) is channel, alias


def test_metric_default_channels_exist(catalogue: Catalogue) -> None:
    for metric in catalogue.metrics.values():
        if metric.default_channel:
            assert metric.default_channel in catalogue.channels
    assert catalogue.metrics["hotline_received"].default_channel == "hotline_12345"


# ── a broken catalogue fails to load ────────────────────────────────────────────────────────


def test_unaltered_copy_loads(catalogue_copy: Path, catalogue: Catalogue) -> None:
    copy = load_catalogue(catalogue_copy)
    assert set(copy.metrics) == set(catalogue.metrics)
    assert set(copy.channels) == set(catalogue.channels)


@pytest.mark.parametrize(
    ("file", "old", "new", "match"),
    [
        # unknown keys (typos) anywhere
        ("metrics.toml", 'unit = "条"\n', 'unit = "条"\nunits = "条"\n', "units"),
        ("metrics.toml", 'kind = "count"\n', 'kind = "cuont"\n', "kind"),
        ("metrics.toml", 'section = "channels"\n', 'section = "chanels"\n', "section"),
        ("channels.toml", 'kind = "website"\n', 'kind = "website"\nalias = ["x"]\n', "alias"),
        (
            "vocabularies.toml",
            'en = "Natural persons"\n',
            'en = "Natural persons"\nen2 = "x"\n',
            "en2",
        ),
        (
            "metrics.toml",
            'code = "rate-mismatch"\n',
            'code = "rate-mismatch"\nlevel = 1\n',
            "level",
        ),
        # broken references
        ("metrics.toml", 'default_channel = "hotline_12345"', 'default_channel = "fax"', "fax"),
        ("metrics.toml", 'category = "applicant"', 'category = "applicants"', "applicants"),
        ("metrics.toml", 'left = "hotline_closed"', 'left = "hotline_closd"', "hotline_closd"),
        (
            "metrics.toml",
            'total = "requests_refused"',
            'total = "requests_refused_x"',
            "requests_refused_x",
        ),
        # a name used by two metrics
        ("metrics.toml", 'zh = "关注人数"', 'zh = "阅读量"', "阅读量"),
    ],
)
def test_broken_catalogue_fails_to_load(
    catalogue_copy: Path, file: str, old: str, new: str, match: str
) -> None:
    edit_once(catalogue_copy / file, old, new)
    with pytest.raises(ValueError, match=match):
        load_catalogue(catalogue_copy)


def test_missing_required_key_fails_to_load(catalogue_copy: Path) -> None:
    edit_once(catalogue_copy / "metrics.toml", 'en = "Followers"\n', "")
    with pytest.raises(ValueError, match=r"\nen\n\s+Field required"):
        load_catalogue(catalogue_copy)


# ── statutory tables (statutory.toml) ───────────────────────────────────────────────────────


def test_statutory_tables_follow_the_catalogue(catalogue: Catalogue) -> None:
    three, four = catalogue.tables["three"], catalogue.tables["four"]
    assert set(three.metrics) == set(TABLE_3_ROWS.values())
    assert three.metrics[0] == "requests_new" and three.metrics[-1] == "requests_carried_forward"
    assert set(four.metrics) == set(TABLE_4_BLOCKS.values())
    assert (three.vocabulary, four.vocabulary) == ("applicant", "appeal_result")
    # every check of the form is a relation metrics.toml declares, and every such relation
    # over table 三 is shown
    shown = [c.relation_in(catalogue.relations) for c in three.checks]
    declared = [
        r
        for r in catalogue.relations
        if (isinstance(r, Sum) and {r.total, *r.parts} <= set(three.metrics))
        or (isinstance(r, Balance) and {*r.left, *r.right} <= set(three.metrics))
    ]
    assert None not in shown
    assert {id(r) for r in shown} == {id(r) for r in declared}


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        # unknown keys (typos)
        ("indent = 1\n", "indnt = 1\n", r"table\.three\.row\[6\]\.indnt: unknown key"),
        ('shown = "always"\n', 'shown = "allways"\n', r"table\.three\.check\[1\]\.shown"),
        ("[table.four.column_totals]", "[table.four.column_total]", r"table\.four\.column_total"),
        # broken references
        (
            'metric = "requests_refused_law"',
            'metric = "requests_refused_lw"',
            r"table\.three\.row\[7\]\.metric: unknown metric 'requests_refused_lw'",
        ),
        (
            'metric = "appeal_review"',
            'metric = "requests_new"',
            r"table\.four\.row\[1\]\.metric: 'requests_new' is not an? appeals metric",
        ),
        (
            'vocabulary = "applicant"',
            'vocabulary = "applicants"',
            r"table\.three\.vocabulary: unknown vocabulary 'applicants'",
        ),
        (
            '"requests_not_processed", "requests_other"]',
            '"requests_not_processed", "requests_others"]',
            r"table\.three\.outcomes\[6\]: 'requests_others' is not a row",
        ),
        (
            'sum = "requests_other"',
            'sum = "requests_partial"',
            r"table\.three\.check\[6\]\.sum: no sum relation .* 'requests_partial'",
        ),
        ('balance = "requests_new"\n', "", r"table\.three\.check\[1\]: a check names exactly one"),
    ],
)
def test_broken_statutory_layout_fails_to_load(
    catalogue_copy: Path, old: str, new: str, match: str
) -> None:
    edit_once(catalogue_copy / "statutory.toml", old, new)
    with pytest.raises(ValueError, match=r"statutory\.toml: " + match):
        load_catalogue(catalogue_copy)


# ── problem messages ────────────────────────────────────────────────────────────────────────

TEXT_PARTS = ("message", "action", "summary")


def test_problem_codes_are_distinct_and_well_formed() -> None:
    # An enum member spelt with an existing value would silently become an alias of it.
    assert len(ProblemCode.__members__) == len(ProblemCode)
    for code in ProblemCode:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", code), code
        assert code.name == code.value.upper().replace("-", "_"), code


def test_a_misspelt_code_fails_where_it_is_written() -> None:
    with pytest.raises(AttributeError):
        _ = ProblemCode.FILE_EMTPY  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Problem("file-empty", Severity.ERROR)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ProblemCode("file-emtpy")


def test_a_problem_is_plain_data() -> None:
    params = {"metric": "followers", "suggestions": ("reads",), "limit": 3, "found": None}
    problem = Problem(ProblemCode.METRIC_UNKNOWN, Severity.ERROR, row=4, value="x", params=params)
    assert problem == Problem(ProblemCode.METRIC_UNKNOWN, Severity.ERROR, 4, None, "x", params)
    data = json.loads(json.dumps(problem.to_dict()))
    assert data == {
        "code": "metric-unknown",
        "severity": "error",
        "row": 4,
        "column": None,
        "value": "x",
        "params": {"metric": "followers", "suggestions": ["reads"], "limit": 3, "found": None},
    }
    with pytest.raises(TypeError, match="plain data"):
        Problem(ProblemCode.METRIC_UNKNOWN, Severity.ERROR, params={"name": lambda lang: lang})


@pytest.mark.parametrize("code", list(ProblemCode), ids=str)
def test_every_problem_code_has_both_languages(code: ProblemCode) -> None:
    for part in TEXT_PARTS:
        key = f"problem.{code}.{part}"
        assert messages.has(key), f"{key} is missing from messages.toml"
        entry = messages._entry(key)
        zh, en = entry.get("zh", ""), entry.get("en", "")
        assert zh.strip() and en.strip(), key
        assert re.search(r"[\u4e00-\u9fff]", zh), key
        fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}, key
        if part == "summary":
            assert not fields, f"{key}: a summary names the code, not a case of it"
        assert messages.t(key, "zh") == zh.format_map(messages._Blank())
        assert messages.t(key, "en") != messages.t(key, "zh")


def test_every_problem_entry_of_the_messages_is_a_code() -> None:
    entries = set(messages.problem_codes())
    assert entries - set(ProblemCode) == set(), "messages.toml documents codes nobody emits"
    for code in entries:
        assert set(messages._entry(f"problem.{code}")) == set(TEXT_PARTS), code


def test_every_code_has_a_severity(catalogue: Catalogue) -> None:
    unused = [c for c in ProblemCode if not docs.code_severities(c, catalogue)]
    assert unused == [], "relation codes no [[relation]] of metrics.toml reports"
    assert set(FIXED_SEVERITY) | RELATION_CODES == set(ProblemCode)


def test_relation_codes_are_problem_codes(catalogue: Catalogue) -> None:
    codes = {r.code for r in catalogue.relations}
    assert all(isinstance(c, ProblemCode) for c in codes)
    assert codes == RELATION_CODES


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        (
            'code = "rate-mismatch"',
            'code = "rate-missmatch"',
            r"metrics\.toml: relation\[3\]\.code: unknown problem code 'rate-missmatch'",
        ),
        # a real code, but not one a relation reports (its severity is not the catalogue's)
        (
            'code = "rate-mismatch"',
            'code = "file-empty"',
            r"metrics\.toml: relation\[3\]\.code: unknown problem code 'file-empty'",
        ),
    ],
)
def test_a_misspelt_relation_code_fails_to_load(
    catalogue_copy: Path, old: str, new: str, match: str
) -> None:
    edit_once(catalogue_copy / "metrics.toml", old, new)
    with pytest.raises(ConfigError, match=match):
        load_catalogue(catalogue_copy)


def test_the_list_of_codes_in_the_upload_format_doc_is_generated() -> None:
    assert docs.UPLOAD_FORMAT_DOC.read_text("utf-8") == docs.expected_doc(), (
        f"docs/upload-format.md is out of date: run {docs.COMMAND}"
    )
    table = docs.problem_codes_markdown()
    for code in ProblemCode:
        assert f"| `{code}` |" in table


def test_the_doc_section_is_replaced_between_its_markers() -> None:
    text = f"intro\n{docs.START} how -->\nold\nrows\n{docs.END}\noutro\n"
    assert docs.with_generated_section(text, "new\n") == (
        f"intro\n{docs.START} how -->\nnew\n{docs.END}\noutro\n"
    )
    with pytest.raises(ValueError):
        docs.with_generated_section("no markers\n", "new\n")


# ── the upload columns and the headlines: checked on load ──────────────────────────────────


def test_unaltered_columns_and_headlines_load(catalogue_copy: Path, catalogue: Catalogue) -> None:
    assert load_columns(catalogue_copy / "columns.toml") == column_spec()
    assert load_headlines(catalogue, catalogue_copy / "headlines.toml") == headlines()
    assert column_spec().required == ("year", "agency", "metric", "value")
    assert [h.metric for h in headlines()][:2] == ["items_published", "items_published"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'metric = "meetings"',
            'metric = "meetngs"',
            "headline[19].metric: unknown metric 'meetngs'",
        ),
        (
            'channel = "weibo"',
            'channel = "weibos"',
            "headline[5].channel: unknown channel 'weibos'",
        ),
        (
            'metric = "requests_new"',
            'metric = "requests_new"\ncategory = "martians"',
            "headline[9].category: unknown category 'martians' of vocabulary 'applicant'",
        ),
        (
            'metric = "meetings"',
            'metric = "meetings"\ncategory = "plenary"',
            "headline[19].category: metric meetings has no category, but 'plenary' is given",
        ),
        (
            'metric = "meetings"',
            'metric = "meetings"\nchannel = "wechat"',
            "headline[19].channel: metric meetings has no channel, but 'wechat' is given",
        ),
        ('channel = "weibo"', 'chanel = "weibo"', "headline[5].chanel: unknown key"),
        ('en = "Meetings"\n', "", "headline[19].en: required key is missing"),
    ],
)
def test_a_broken_headline_fails_naming_file_and_key(
    catalogue_copy: Path, catalogue: Catalogue, old: str, new: str, message: str
) -> None:
    path = catalogue_copy / "headlines.toml"
    edit_once(path, old, new)
    with pytest.raises(ConfigError) as caught:
        load_headlines(catalogue, path)
    assert str(caught.value).startswith(f"{path}: {message}"), str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "required = true\n",
            "required = true\nrequird = true\n",
            "column.year.requird: unknown key",
        ),
        ("[column.note]", "[column.notes]", "column.notes: Input should be 'year', "),
        ("sheets = [", "sheet = [", "reference.sheet: unknown key"),
        ('"单位名称", ', '"单位名称", "年份", ', "header '年份' names both year and agency"),
        (
            'names = ["备注", "note", "说明", "原文", "报告原文", "notes", "remark"]',
            'names = ["备注"]',
            "column.note.names: Tuple should have at least 2 items",
        ),
        ('"指标说明", "description"', '"指标说明", "数值"', "reference header '数值' is also"),
    ],
)
def test_a_broken_columns_file_fails_naming_file_and_key(
    catalogue_copy: Path, old: str, new: str, message: str
) -> None:
    path = catalogue_copy / "columns.toml"
    edit_once(path, old, new)
    with pytest.raises(ConfigError) as caught:
        load_columns(path)
    assert str(caught.value).startswith(f"{path}: "), str(caught.value)
    assert message in str(caught.value)


def test_a_project_file_is_named_from_the_project(catalogue: Catalogue) -> None:
    error = ConfigError("data/catalogue/headlines.toml", "headline[1].metric", "unknown metric")
    assert str(error) == "data/catalogue/headlines.toml: headline[1].metric: unknown metric"
    assert shown_path(CATALOGUE_DIR / "columns.toml") == "data/catalogue/columns.toml"
