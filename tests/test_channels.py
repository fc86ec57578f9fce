"""Channels are never guessed silently (issue 10 §3).

Account names with a channel word are recognised by the rules of data/catalogue/channels.toml;
a name that mentions two channels is kept apart (微博微信合计) or as written, with a warning; the
validation report lists every reading by rule; a duplicate whose rows write the channel
differently says both were read as one channel; charts and totals never add the combined figure
to WeChat or Weibo; the seed files read exactly as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest

from dashboard.analytics import channels as channel_analytics
from dashboard.analytics.channels import total_items
from dashboard.analytics.new_media import new_media_share, new_media_trend
from dashboard.charts.builders import channel_bar_figure
from dashboard.cli import EXIT_OK, main
from dashboard.domain.catalogue import Catalogue, load_catalogue
from dashboard.domain.problems import ProblemCode, Severity
from dashboard.i18n import wording
from dashboard.i18n.mappings import mapping_line
from dashboard.i18n.problems import problem_action, problem_message, report_record
from dashboard.ingest.validate import ValidationReport, validate_file
from tests.conftest import csv_bytes
from tests.factories import frame, row

A = "2020,某某区住房和城乡建设局"
SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.csv"))
CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "data" / "catalogue"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def check(catalogue: Catalogue, *rows: str) -> ValidationReport:
    """Validate rows of an upload; every message comes out filled in, in both languages."""
    report = validate_file(csv_bytes(*rows), "upload.csv", catalogue)
    for problem in report.problems:
        for lang in ("zh", "en"):
            text = problem_message(problem, lang) + problem_action(problem, lang)
            assert not PLACEHOLDER.search(text), (problem.code, lang, text)
    return report


def cell(text: str) -> str:
    """A CSV field holding `text` as typed (ASCII quotes doubled inside a quoted field)."""
    return '"' + text.replace('"', '""') + '"' if '"' in text or "," in text else text


def channels_of(report: ValidationReport) -> list[str | None]:
    return [f.channel for d in report.datasets for f in d.facts]


# ── account names with a channel word ───────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("written", "channel_id"),
    [
        # the examples
        ("官方微博“平安某某”", "weibo"),
        ("“平安某某”官方微博", "weibo"),
        ("“XX发布”微信公众号", "wechat"),
        ("XX教育抖音号", "short_video"),
        ("XX区人民政府网", "gov_portal"),
        # account names in other quotes, and ASCII ones
        ("「定海教育」微信公众号", "wechat"),
        ("『健康杭州』抖音号", "short_video"),
        ('"浦口教育发布"微信订阅号', "wechat"),
        ("‘巨鹿教育’微信公众号", "wechat"),
        # as reports word them
        ("“健康杭州”官方微博", "weibo"),
        ("“大冶教育”抖音公众号", "short_video"),  # a Douyin account, not WeChat
        ("XX发布微信视频号", "short_video"),  # WeChat Channels: short video, not WeChat
        ("XX发布视频号", "short_video"),
        ("XX公安快手号", "short_video"),
        ("XX发布今日头条号", "toutiao"),
        ("合江县人民政府网", "gov_portal"),
        ("亳州市人民政府网站信息公开栏目", "gov_portal"),  # 公开栏目 is no notice board
        ("滕州市人民政府官网卫生健康局栏目", "gov_portal"),  # the portal's 官网, not an 官网
        ("县政府信息公开平台", "gov_portal"),
        ("区门户网站", "gov_portal"),
        ("甘南州卫生健康委网站", "dept_site"),
        ("银川市教育局网站", "dept_site"),
        ("市教育局门户网站", "dept_site"),  # an agency's 门户网站 is its own site
        ("红塔区教育信息网", "dept_site"),
        ("杭州教育网", "dept_site"),
        ("舟山市人力资源和社会保障局网站", "hrss_site"),
        ("市长热线", "hotline_12345"),
        ("杭州日报", "news_media"),
        ("报纸、广播电视", "news_media"),
    ],
)
def test_an_account_name_with_a_channel_word_is_recognised(
    catalogue: Catalogue, written: str, channel_id: str
) -> None:
    reading = catalogue.read_channel(written)
    assert reading.channel is not None, written
    assert (reading.channel.id, reading.how) == (channel_id, "rule")
    report = check(catalogue, f"{A},发布信息条数,{cell(written)},,120,")
    assert report.problems == []
    assert channels_of(report) == [channel_id]
    [mapping] = report.mappings
    assert (mapping.row, mapping.column, mapping.written, mapping.channel) == (
        2,
        "渠道",
        written,
        channel_id,
    )


@pytest.mark.parametrize(
    ("written", "channel_id"),
    [
        ("门户网站", "gov_portal"),
        ("政府网站", "gov_portal"),
        ("官网", "dept_site"),
        ("视频号", "short_video"),
        ("微信视频号", "short_video"),
        ("快手号", "short_video"),
        ("今日头条号", "toutiao"),
        ("微信", "wechat"),
        ("官方微信", "wechat"),
        ("微博", "weibo"),
        ("12345", "hotline_12345"),
    ],
)
def test_names_and_aliases_of_the_catalogue_need_no_mapping_line(
    catalogue: Catalogue, written: str, channel_id: str
) -> None:
    assert catalogue.read_channel(written).how in ("name", "alias")
    report = check(catalogue, f"{A},发布信息条数,{written},,120,")
    assert report.problems == []
    assert channels_of(report) == [channel_id]
    assert report.mappings == []


def test_a_quoted_account_name_is_not_read_for_a_channel(catalogue: Catalogue) -> None:
    # The account is called 微博杭州, but it is a WeChat account: only the words around count.
    reading = catalogue.read_channel("“微博杭州”微信公众号")
    assert reading.channel is not None and reading.channel.id == "wechat"
    assert reading.mentioned == ("wechat",)
    # An account name alone names no channel: kept as written, with a warning, never a guess.
    report = check(catalogue, f"{A},发布信息条数,“杭州教育发布”,,120,")
    assert [p.code for p in report.problems] == [ProblemCode.CHANNEL_UNKNOWN]
    assert channels_of(report) == ["“杭州教育发布”"]


def test_a_quoted_channel_name_is_a_channel_not_an_account(catalogue: Catalogue) -> None:
    reading = catalogue.read_channel("新区“12345”")
    assert reading.channel is not None and reading.channel.id == "hotline_12345"


def test_new_media_as_a_group_names_no_channel(catalogue: Catalogue) -> None:
    assert catalogue.read_channel("政务新媒体").how == "unknown"
    assert catalogue.read_channel("政务信息简报").how == "unknown"


# ── names that mention two channels ─────────────────────────────────────────────────────────


@pytest.mark.parametrize("written", ["微博微信", "两微一端", "微信、微博", "微信微博", "双微"])
def test_two_channels_in_one_name_are_the_combined_channel_with_a_warning(
    catalogue: Catalogue, written: str
) -> None:
    report = check(catalogue, f"{A},发布信息条数,{written},,1200,")
    assert channels_of(report) == ["weibo_wechat"]
    [warning] = report.problems
    assert (warning.row, warning.column, warning.value, warning.code) == (
        2,
        "渠道",
        written,
        ProblemCode.CHANNEL_COMBINED,
    )
    assert warning.severity is Severity.WARNING and report.ok
    zh, en = problem_message(warning, "zh"), problem_message(warning, "en")
    assert "微博" in zh and "微信公众号" in zh and "微博微信合计" in zh
    assert "Weibo" in en and "WeChat" in en and "never added" in en
    # staff may instead name one channel
    assert "改为该渠道的名称" in problem_action(warning, "zh")
    assert "name that channel" in problem_action(warning, "en")


@pytest.mark.parametrize(
    ("written", "channel_id", "how"),
    [("微信公眾號", "wechat", "name"), ("區政府門戶網站", "gov_portal", "alias")],
)
def test_a_name_in_traditional_script_is_the_catalogue_name(
    catalogue: Catalogue, written: str, channel_id: str, how: str
) -> None:
    """Copied from an older report in traditional script, a name is the catalogue's own name
    (read in simplified script): no rule, so no mapping line for staff to check."""
    reading = catalogue.read_channel(written)
    assert reading.channel is not None, written
    assert (reading.channel.id, reading.how) == (channel_id, how)
    report = check(catalogue, f"{A},发布信息条数,{cell(written)},,120,")
    assert report.problems == []
    assert channels_of(report) == [channel_id]
    assert report.mappings == []


@pytest.mark.parametrize(
    "written", ["官方微博、微信", "“XX发布”微信和官方微博", "微信公眾號、微博"]
)
def test_two_channels_found_by_rule_are_the_combined_channel(
    catalogue: Catalogue, written: str
) -> None:
    reading = catalogue.read_channel(written)
    assert reading.channel is not None and reading.channel.id == "weibo_wechat"
    assert set(reading.mentioned) == {"weibo", "wechat"}
    report = check(catalogue, f"{A},发布信息条数,{written},,1200,")
    assert [p.code for p in report.problems] == [ProblemCode.CHANNEL_COMBINED]
    assert [m.channel for m in report.mappings] == ["weibo_wechat"]


def test_the_combined_channel_by_its_own_name_needs_no_warning(catalogue: Catalogue) -> None:
    # what `export` writes: a round trip through a file must not warn
    report = check(catalogue, f"{A},发布信息条数,微博微信合计,,1200,")
    assert report.problems == [] and report.mappings == []
    assert channels_of(report) == ["weibo_wechat"]


@pytest.mark.parametrize(
    ("written", "mentioned"),
    [
        ("区门户网站、教体局微信公众号", ("gov_portal", "wechat")),
        ("微博、微信、抖音", ("weibo", "wechat", "short_video")),
        ("杭州市教育局網站和杭州市政府網站", ("dept_site", "gov_portal")),
    ],
)
def test_several_channels_without_a_combined_one_are_kept_as_written(
    catalogue: Catalogue, written: str, mentioned: tuple[str, ...]
) -> None:
    reading = catalogue.read_channel(written)
    assert (reading.channel, reading.how, reading.mentioned) == (None, "several", mentioned)
    report = check(catalogue, f"{A},发布信息条数,{written},,500余,")
    [warning] = report.problems
    assert (warning.code, warning.severity) == (ProblemCode.CHANNEL_SEVERAL, Severity.WARNING)
    assert channels_of(report) == [written]
    assert report.mappings == []
    names = [catalogue.channel_name(c) for c in mentioned]
    assert all(name in problem_message(warning, "zh") for name in names)


# ── the report lists every mapping ──────────────────────────────────────────────────────────


def test_the_report_lists_each_mapping_in_order_with_its_line(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,政府门户网站,,215,",
        f"{A},发布信息条数,“平安某某”官方微博,,1200余,",
        f"{A},关注人数,“XX发布”微信公众号,,3.17万,",
        f"{A},发布信息条数,XX教育抖音号,,58,",
    )
    assert report.ok
    assert [(m.row, m.channel) for m in report.mappings] == [
        (3, "weibo"),
        (4, "wechat"),
        (5, "short_video"),
    ]
    assert mapping_line(report.mappings[0], "zh") == "第 3 行：“平安某某”官方微博 → 微博"
    assert mapping_line(report.mappings[0], "en") == "Row 3: “平安某某”官方微博 → Weibo"
    data = json.loads(json.dumps(report_record(report), ensure_ascii=False))
    assert data["mappings"][1] == {
        "row": 4,
        "column": "渠道",
        "written": "“XX发布”微信公众号",
        "channel": "wechat",
        "name": "微信公众号",
        "message": "第 4 行：“XX发布”微信公众号 → 微信公众号",
    }
    assert report.to_dict()["mappings"][2] == {
        "row": 5,
        "column": "渠道",
        "written": "XX教育抖音号",
        "channel": "short_video",
    }


def test_mappings_are_listed_even_when_the_file_has_errors(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,“平安某某”官方微博,,abc,",
        f"{A},发布信息条数,XX教育抖音号,,58,",
    )
    assert not report.ok
    assert [m.row for m in report.mappings] == [2, 3]


def test_validate_json_and_text_show_the_mappings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(csv_bytes(f"{A},发布信息条数,“平安某某”官方微博,,1200余,"))
    assert main(["validate", str(path), "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert [(m["row"], m["written"], m["channel"]) for m in payload["mappings"]] == [
        (2, "“平安某某”官方微博", "weibo")
    ]
    assert main(["validate", str(path)]) == EXIT_OK
    assert "[识别] 第 2 行：“平安某某”官方微博 → 微博" in capsys.readouterr().out
    assert main(["--lang", "en", "validate", str(path)]) == EXIT_OK
    assert "[read as] Row 2: “平安某某”官方微博 → Weibo" in capsys.readouterr().out


def test_import_json_shows_the_mappings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(csv_bytes(f"{A},发布信息条数,XX教育抖音号,,58,"))
    assert main(["import", str(path), "--json", "--user", "张三"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert [(m["row"], m["channel"], m["name"]) for m in payload["mappings"]] == [
        (2, "short_video", "短视频")
    ]


# ── duplicates read as one channel ──────────────────────────────────────────────────────────


def test_a_duplicate_of_differently_written_channels_says_both_read_as_one(
    catalogue: Catalogue,
) -> None:
    report = check(
        catalogue,
        f"{A},专题会议次数,,,2,",
        f"{A},专题会议次数,,,2,",  # a plain repeat: nothing about channels
        f"{A},发布信息条数,政府门户网站,,215,",
        f"{A},发布信息条数,微信,,300,",
        f"{A},关注人数,微信,,5000,",
        f"{A},发布信息条数,微博,,100,",
        f"{A},发布信息条数,XX教育抖音号,,58,",
        f"{A},发布信息条数,“XX发布”微信公众号,,320,",
    )
    [error] = report.errors
    assert (error.code, error.row, error.params["first_row"]) == (ProblemCode.DUPLICATE_FACT, 9, 5)
    zh, en = problem_message(error, "zh"), problem_message(error, "en")
    assert "“微信”" in zh and "““XX发布”微信公众号”" in zh and "都识别为“微信公众号”" in zh
    assert "“微信”" in en and "both read as “WeChat”" in en
    assert "不同渠道" in problem_action(error, "zh")
    [repeat] = report.warnings
    assert repeat.code is ProblemCode.DUPLICATE_ROW
    assert "识别" not in problem_message(repeat, "zh")


def test_a_repeated_row_of_differently_written_channels_says_so(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},发布信息条数,官方微博,,100,",
        f"{A},发布信息条数,“平安某某”官方微博,,100,",
    )
    [repeat] = report.problems
    assert repeat.code is ProblemCode.DUPLICATE_ROW
    assert "“官方微博”" in problem_message(repeat, "zh")
    assert "都识别为“微博”" in problem_message(repeat, "zh")


def test_a_default_channel_and_a_written_one_read_as_one(catalogue: Catalogue) -> None:
    report = check(
        catalogue,
        f"{A},热线受理件数,,,120,",
        f"{A},热线受理件数,市长热线,,130,",
    )
    [error] = report.errors
    assert error.code is ProblemCode.DUPLICATE_FACT
    assert "未填" in problem_message(error, "zh") and "“市长热线”" in problem_message(error, "zh")
    assert "blank" in problem_message(error, "en")


def test_the_same_channel_written_the_same_way_says_nothing_more(catalogue: Catalogue) -> None:
    report = check(catalogue, f"{A},发布信息条数,微信,,100,", f"{A},发布信息条数,微信,,200,")
    [error] = report.errors
    assert "识别" not in problem_message(error, "zh")
    assert "read as" not in problem_message(error, "en")


# ── charts and totals: the combined channel is its own bar, never added to its parts ────────

COMBINED = frame(
    row(2020, "items_published", 300, channel="wechat"),
    row(2020, "items_published", 200, channel="weibo"),
    row(2020, "items_published", 900, channel="weibo_wechat"),
    row(2020, "items_published", 1000, channel="gov_portal"),
    row(2021, "items_published", 400, channel="wechat"),
    row(2021, "items_published", 600, channel="gov_portal"),
)


def test_the_combined_channel_is_its_own_bar(catalogue: Catalogue) -> None:
    items = channel_analytics.channel_items(COMBINED, 2020, catalogue)
    values = dict(zip(items["channel"], items["value"], strict=True))
    assert values == {"gov_portal": 1000, "weibo_wechat": 900, "wechat": 300, "weibo": 200}
    table = wording.channel_items_table(items, catalogue, "zh")
    figure = channel_bar_figure(table)
    bars = dict(zip(figure.data[0].y, figure.data[0].x, strict=True))
    assert bars["微博微信合计"] == 900
    assert bars["微信公众号"] == 300 and bars["微博"] == 200


def test_totals_count_the_combined_figure_once(catalogue: Catalogue) -> None:
    # 微博微信合计 already holds WeChat's and Weibo's posts: 1000 + 900, not + 300 + 200
    assert total_items(COMBINED, 2020, catalogue) == (1900.0, "exact")
    assert total_items(COMBINED, 2021, catalogue) == (1000.0, "exact")
    share, approximate = new_media_share(COMBINED, 2020, catalogue) or (None, None)
    assert share == pytest.approx(900 / 1900 * 100) and approximate is False


def test_a_combined_figure_alone_counts_in_totals(catalogue: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 900, channel="weibo_wechat"),
        row(2020, "items_published", 100, channel="gov_portal"),
    )
    assert total_items(facts, 2020, catalogue) == (1000.0, "exact")
    trend = new_media_trend(facts, catalogue).filter(pl.col("measure") == "posts")
    assert trend["channel"].to_list() == ["weibo_wechat"]


# ── the catalogue's rules are data, checked on load ─────────────────────────────────────────


def _catalogue_with(tmp_path: Path, old: str, new: str) -> Path:
    copy = tmp_path / "catalogue"
    copy.mkdir()
    for source in CATALOGUE_DIR.glob("*.toml"):
        (copy / source.name).write_text(source.read_text("utf-8"), "utf-8")
    channels = copy / "channels.toml"
    text = channels.read_text("utf-8")
    assert old in text, old
    channels.write_text(text.replace(old, new, 1), "utf-8")
    return copy


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        ('combines = ["weibo", "wechat"]', 'combines = ["weibo", "wechats"]', "wechats"),
        ('combines = ["weibo", "wechat"]', 'combines = ["weibo"]', "two or more"),
        ('keywords = ["微博", "博文"]', 'keywords = ["微博", "博文", ""]', "empty keyword"),
        ('patterns = ["(?=(?:公开', 'patterns = ["(?<!新)*", "(?=(?:公开', "pattern"),
        ('aliases = ["官方微博"', 'aliases = ["微信", "官方微博"', "used by"),
        (
            'priority = 50\nkeywords = ["微博", "博文"]',
            'priorty = 50\nkeywords = ["微博", "博文"]',
            "priorty",
        ),
    ],
)
def test_a_broken_channel_rule_fails_on_load(
    tmp_path: Path, old: str, new: str, match: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(match)):
        load_catalogue(_catalogue_with(tmp_path, old, new))


def test_rules_are_tried_from_the_highest_priority(catalogue: Catalogue) -> None:
    priorities = {c.id: c.priority for c in catalogue.channels.values()}
    assert priorities["weibo_wechat"] > priorities["short_video"] > priorities["wechat"]
    assert priorities["hrss_site"] > priorities["gov_portal"] > priorities["dept_site"]
    combined = [c for c in catalogue.channels.values() if c.combines]
    assert [c.id for c in combined] == ["weibo_wechat"]
    assert catalogue.channels["weibo_wechat"].kind == "new_media"


# ── the seed reads exactly as before ────────────────────────────────────────────────────────


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_the_seed_files_need_no_mapping_and_no_warning(catalogue: Catalogue, path: Path) -> None:
    report = validate_file(path.read_bytes(), path.name, catalogue)
    assert report.problems == [] and report.mappings == []
    assert "weibo_wechat" not in channels_of(report)
