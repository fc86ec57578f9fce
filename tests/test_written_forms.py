"""A figure keeps the report's words (issue 10 §2): the unit as written, traditional script read
as simplified, no rounding below the written precision, the qualifier word as written — stored,
shown on pages, charts, slides and their CSV, and written back by the export."""

from __future__ import annotations

import csv
import io
from typing import Literal

import openpyxl
import polars as pl
import pytest

from components.chart import table_csv
from dashboard.analytics.channels import channel_items
from dashboard.analytics.headlines import HeadlinePoint, facts_listing
from dashboard.analytics.hotline import hotline_years
from dashboard.analytics.summary import year_summary
from dashboard.domain.catalogue import Catalogue, Metric
from dashboard.domain.facts import Fact
from dashboard.domain.headline_catalogue import Headline
from dashboard.domain.units import load_units, units
from dashboard.domain.values import Figure, Qualifier, in_metric_unit, parse_value
from dashboard.i18n.format import format_value
from dashboard.i18n.problems import problem_message
from dashboard.i18n.wording import (
    channel_items_table,
    figure_text,
    headline_cards,
    hotline_table,
    listing_table,
    summary_text,
)
from dashboard.ingest.validate import ValidationReport, validate_file
from dashboard.outputs.exporter import export_facts
from dashboard.outputs.slides import build_deck
from tests.conftest import csv_bytes
from tests.factories import frame, row

A = "2019,测试局"
Q = Qualifier


def read(catalogue: Catalogue, *rows: str) -> ValidationReport:
    return validate_file(csv_bytes(*rows), "upload.csv", catalogue)


def facts_of(report: ValidationReport) -> list[Fact]:
    return [f for d in report.datasets for f in d.facts]


def shown(text: str, *, percent: bool = False, lang: str = "zh") -> str:
    """A value cell as a page shows it: read, stored with its written form, formatted."""
    parsed = parse_value(text)
    assert parsed.ok, parsed
    return format_value(
        parsed.value, parsed.qualifier, percent=percent, lang=lang, as_written=parsed.as_written
    )


# ── units as written ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("word", sorted(units().family["items"].units))
def test_every_counting_word_is_kept_with_a_count(catalogue: Catalogue, word: str) -> None:
    report = read(catalogue, f"{A},发布信息条数,政府门户网站,,58{word},")
    assert report.ok and report.warnings == [], report.flatten()
    (fact,) = facts_of(report)
    assert (fact.value, fact.qualifier, fact.unit, fact.as_written) == (
        58,
        Q.EXACT,
        word,
        f"58{word}",
    )


@pytest.mark.parametrize("word", sorted(units().family["people"].units))
def test_every_word_for_people_is_kept_with_a_count_of_people(
    catalogue: Catalogue, word: str
) -> None:
    report = read(catalogue, f"{A},关注人数,微信公众号,,3000余{word},")
    assert report.ok and report.warnings == [], report.flatten()
    (fact,) = facts_of(report)
    assert (fact.value, fact.qualifier, fact.unit) == (3000, Q.AT_LEAST, word)


@pytest.mark.parametrize(
    ("metric", "channel", "value", "unit"),
    [
        ("阅读量", "微信公众号", "310余万人次", "人次"),  # 次 and 人次 both count occurrences
        ("阅读量", "微信公众号", "278余万次", "次"),
        ("咨询人次", "", "200次", "次"),
        ("征集意见次数", "", "12个", "个"),
        ("新收申请数", "", "4件次", "件次"),
        ("行政诉讼", "", "2起", "起"),
        ("招聘人数", "", "39名", "名"),
        ("信息录用排名", "", "1名", "名"),
        ("热线办结率", "12345", "98.76%", "%"),
    ],
)
def test_units_that_fit_the_metric_give_no_warning(
    catalogue: Catalogue, metric: str, channel: str, value: str, unit: str
) -> None:
    report = read(catalogue, f"{A},{metric},{channel},,{value},")
    assert report.ok and report.warnings == [], report.flatten()
    (fact,) = facts_of(report)
    assert (fact.unit, fact.as_written) == (unit, value)


@pytest.mark.parametrize(
    ("metric", "channel", "value", "found", "unit"),
    [
        ("热线受理件数", "12345", "3000余人次", "人次", "件"),  # 人次 for a count of 件
        ("发布信息条数", "微博", "50%", "%", "条"),  # % for a count
        ("热线办结率", "12345", "95件", "件", "%"),  # a counting word for a rate
        ("专题会议次数", "", "5000元", "元", "次"),  # money for a count
        ("关注人数", "微信公众号", "5000条", "条", "人"),  # items for people
    ],
)
def test_a_unit_contradicting_the_metric_is_a_warning_naming_both(
    catalogue: Catalogue, metric: str, channel: str, value: str, found: str, unit: str
) -> None:
    report = read(catalogue, f"{A},{metric},{channel},,{value},")
    assert report.ok, report.flatten()
    assert [(p.row, p.code) for p in report.warnings] == [(2, "unit-mismatch")]
    for lang in ("zh", "en"):
        message = problem_message(report.warnings[0], lang)
        assert f"“{found}”" in message and unit in message and value in message
    (fact,) = facts_of(report)
    assert (fact.unit, fact.as_written) == (found, value)  # kept as written, never re-labelled


def test_every_metric_unit_belongs_to_a_family(catalogue: Catalogue) -> None:
    """Each catalogue unit is in data/catalogue/units.toml: a contradiction can be told."""
    for metric in catalogue.metrics.values():
        assert units().families(metric.unit), (metric.id, metric.unit)


def test_units_file_is_checked(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "units.toml"  # type: ignore[operator]
    path.write_text('[family.items]\nunits = ["条"]\n[money]\n"万元" = 10000\n', "utf-8")
    with pytest.raises(ValueError, match="money unit '万元' belongs to no family"):
        load_units(path)


def test_contradiction_is_by_family() -> None:
    u = units()
    assert u.contradicts("人次", "件") and u.contradicts("%", "条") and u.contradicts("件", "%")
    assert u.contradicts("元", "件") and u.contradicts("条", "人")
    assert not u.contradicts("人次", "次") and not u.contradicts("个", "次")
    assert not u.contradicts("件次", "件") and not u.contradicts("名", "人")
    assert not u.contradicts("不认识的单位", "件")  # a unit the file does not list: no judgement


# ── traditional script ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit", "written"),
    [
        ("1875條", 1875, Q.EXACT, "条", "1875条"),
        ("3.5萬", 35_000, Q.EXACT, None, "3.5万"),
        ("200餘", 200, Q.AT_LEAST, None, "200余"),
        ("12項", 12, Q.EXACT, "项", "12项"),
        ("5則", 5, Q.EXACT, "则", "5则"),
        ("約11萬個", 110_000, Q.APPROX, "个", "约11万个"),
        ("將近300", 300, Q.APPROX, None, "将近300"),
        ("超過1200", 1200, Q.AT_LEAST, None, "超过1200"),
        ("3000餘人次", 3000, Q.AT_LEAST, "人次", "3000余人次"),
        ("90.1萬元", 901_000, Q.EXACT, "万元", "90.1万元"),
        ("3億", 300_000_000, Q.EXACT, None, "3亿"),
        ("１８７５條", 1875, Q.EXACT, "条", "1875条"),  # full-width digits too
    ],
)
def test_traditional_script_reads_as_simplified(
    text: str, value: float, qualifier: Qualifier, unit: str | None, written: str
) -> None:
    parsed = parse_value(text)
    assert parsed.ok, parsed
    assert (parsed.value, parsed.qualifier, parsed.unit, parsed.as_written) == (
        value,
        qualifier,
        unit,
        written,
    )


def test_not_reported_in_traditional_script() -> None:
    assert parse_value("未報告").qualifier is Q.NOT_REPORTED


def test_a_row_in_traditional_script(catalogue: Catalogue) -> None:
    report = read(
        catalogue, "2019,測試局,關注人數,微博,,90.1萬人,", f"{A},發布信息條數,微博,,1875條,"
    )
    assert report.ok, report.flatten()
    found = {(f.metric, f.value, f.unit, f.as_written) for f in facts_of(report)}
    assert found == {
        ("followers", 901_000, "人", "90.1万人"),
        ("items_published", 1875, "条", "1875条"),
    }


# ── amounts in 万元 ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("90.1万元", 90.1, "万元", "90.1万元"),
        ("90.1萬元", 90.1, "万元", "90.1万元"),
        ("90.1万", 90.1, "万元", "90.1万元"),  # in a 万元 column, 万 can only be 万元
        ("90.1", 90.1, None, "90.1"),  # a bare number is in the column's unit
        ("901000元", 90.1, "万元", "901000元"),  # the number is in 万元, and so is its unit
        ("约12345.67万元", 12_345.67, "万元", "约12345.67万元"),
    ],
)
def test_amounts_in_a_wan_yuan_metric(text: str, value: float, unit: str, written: str) -> None:
    parsed = in_metric_unit(parse_value(text), "万元")
    assert (parsed.value, parsed.unit, parsed.as_written) == (value, unit, written)
    shown_zh = format_value(parsed.value, parsed.qualifier, as_written=parsed.as_written)
    assert shown_zh == {"901000元": "90.1"}.get(
        text, written.removesuffix("万元").removesuffix("元")
    )


def test_amounts_in_other_units() -> None:
    assert in_metric_unit(parse_value("90.1万元"), "元").value == 901_000
    # Money for a count: the number is in 元, and so is the unit kept with it.
    parsed = in_metric_unit(parse_value("1.2万元"), "件")
    assert (parsed.value, parsed.unit) == (12_000, "元")
    assert format_value(parsed.value, parsed.qualifier, as_written=parsed.as_written) == "1.2万"


def wan_yuan_metric(catalogue: Catalogue) -> Metric:
    metric = next((m for m in catalogue.metrics.values() if m.unit == "万元"), None)
    if metric is None:
        pytest.skip("the catalogue has no metric counted in 万元")
    return metric


def test_a_wan_yuan_amount_is_stored_in_wan_yuan(catalogue: Catalogue) -> None:
    metric = wan_yuan_metric(catalogue)
    report = read(catalogue, f"{A},{metric.zh},,,90.1万元,")
    assert report.ok and report.warnings == [], report.flatten()
    (fact,) = facts_of(report)
    assert (fact.value, fact.unit, fact.as_written) == (90.1, "万元", "90.1万元")


# ── no rounding below the written precision; the qualifier word as written ─────────────────


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("3.17万", "3.17万", "31.7K"),
        ("2841.6万", "2841.6万", "28.416M"),
        ("21597", "21597", "21,597"),
        ("21597条", "21597", "21,597"),
        ("1,525", "1525", "1,525"),
        ("3.10万", "3.10万", "31K"),
        ("310余万", "310余万", "3.1M+"),
        ("278余万", "278余万", "2.78M+"),
        ("1.2万余", "1.2万余", "12K+"),
        ("近52000", "近52000", "nearly 52,000"),  # 近 is "nearly", not 约
        ("将近300", "将近300", "nearly 300"),
        ("约3万", "约3万", "~30K"),  # an approximate figure never gains digits
        ("约11万个", "约11万", "~110K"),
        ("3000多", "3000余", "3,000+"),  # 多 and 余 both say "at least"
        ("逾50万", "逾50万", "500K+"),
        ("不足10", "不足10", "<10"),
        ("1.5亿", "1.5亿", "150M"),
    ],
)
def test_counts_show_as_written(text: str, zh: str, en: str) -> None:
    assert shown(text) == zh
    assert shown(text, lang="en") == en


@pytest.mark.parametrize(
    ("text", "zh"), [("98.76%", "98.76%"), ("99.5", "99.5%"), ("近100%", "近100%")]
)
def test_rates_show_as_written(text: str, zh: str) -> None:
    assert shown(text, percent=True) == zh
    assert shown(text, percent=True, lang="en") == zh.replace("近", "nearly ")


def test_figures_without_words_show_as_before() -> None:
    """Old rows (no written form) and computed figures are shortened as they always were."""
    assert format_value(31_700, Q.EXACT) == "3.2万"
    assert format_value(31_700, Q.EXACT, as_written=None, lang="en") == "31.7K"
    # A written form that does not say the figure (another number or qualifier) is not used.
    assert format_value(31_700, Q.EXACT, as_written="3.2万") == "3.2万"
    assert format_value(31_700, Q.AT_LEAST, as_written="3.17万") == "3.2万余"
    assert format_value(31_700, Q.EXACT, as_written="不是数") == "3.2万"


def test_a_rate_to_one_decimal_only_when_computed() -> None:
    written = Figure(98.76, "exact", percent=True, as_written="98.76%")
    assert figure_text(written) == "98.76%"
    assert figure_text(Figure(98.76, "exact", percent=True)) == "98.8%"


# ── on the pages, charts, slides and the CSV behind each chart ──────────────────────────────


@pytest.fixture
def worded() -> pl.DataFrame:
    """A year of figures with the report's words, as the store returns them."""
    return frame(
        row(2019, "items_published", 31_700, channel="dept_site", as_written="3.17万"),
        row(2019, "items_published", 1082, channel="wechat", unit="篇", as_written="1082篇"),
        row(2019, "items_published", 52_000, "approx", channel="gov_portal", as_written="近52000"),
        row(2019, "hotline_received", 3000, "at_least", channel="hotline_12345", unit="人次",
            as_written="3000余人次"),
        row(2019, "hotline_closure_rate", 98.76, channel="hotline_12345", unit="%",
            as_written="98.76%"),
        row(2019, "meetings", 9, unit="项", as_written="9项"),
        row(2019, "requests_new", 58, unit="则", as_written="58则"),
    )  # fmt: skip


def test_channel_chart_labels_and_their_csv(worded: pl.DataFrame, catalogue: Catalogue) -> None:
    table = channel_items_table(channel_items(worded, 2019, catalogue), catalogue)
    assert table.get_column("text").to_list() == ["近52000", "3.17万", "1082"]
    csv_text = table_csv(table.select("name", "text")).decode("utf-8-sig")
    assert "3.17万" in csv_text and "近52000" in csv_text
    english = channel_items_table(channel_items(worded, 2019, catalogue), catalogue, "en")
    assert english.get_column("text").to_list() == ["nearly 52,000", "31.7K", "1,082"]


def test_the_listing_shows_units_as_written(worded: pl.DataFrame, catalogue: Catalogue) -> None:
    listing = listing_table(facts_listing(worded, catalogue), catalogue)
    shown_rows = {(v, u) for v, u in listing.select("value", "unit").rows()}
    assert {("58", "则"), ("9", "项"), ("3000余", "人次"), ("1082", "篇")} <= shown_rows
    assert ("3.17万", "条") in shown_rows  # no unit written: the metric's
    assert ("98.76%", "") in shown_rows


def test_hotline_texts(worded: pl.DataFrame) -> None:
    years = hotline_table(hotline_years(worded))
    assert years.get_column("received_text").to_list() == ["3000余"]
    assert years.get_column("closure_rate_text").to_list() == ["98.76%"]


def test_the_summary_says_the_units_as_written(worded: pl.DataFrame, catalogue: Catalogue) -> None:
    text = summary_text(year_summary(worded, "测试局", 2019, catalogue), catalogue)
    assert "近52000条" in text and "3.17万条" in text and "微信公众号1082篇" in text
    assert "3000余人次" in text and "98.76%" in text
    assert "58则" in text and "9项" in text
    english = summary_text(year_summary(worded, "测试局", 2019, catalogue), catalogue, "en")
    assert "nearly 52,000" in english and "31.7K" in english


def test_a_key_figure_card(catalogue: Catalogue) -> None:
    point = HeadlinePoint(
        headline=Headline(zh="媒体报道", en="Media reports", metric="items_published"),
        value=58,
        qualifier="exact",
        percent=False,
        unit="则",
        note=None,
        as_written="58则",
    )
    (card,) = headline_cards([point])
    assert (card.text, card.unit) == ("58", "则")
    big = HeadlinePoint(
        headline=Headline(zh="关注", en="Followers", metric="followers", channel="wechat"),
        value=31_700,
        qualifier="exact",
        percent=False,
        unit="人",
        note=None,
        as_written="3.17万",
    )
    assert headline_cards([big])[0].text == "3.17万"
    assert headline_cards([big], "en")[0].text == "31.7K"


def test_slides_show_figures_as_written(worded: pl.DataFrame, catalogue: Catalogue) -> None:
    deck = build_deck(
        worded.with_columns(pl.lit("测试局").alias("agency")), "测试局", 2019, catalogue
    )
    slides = {s.id: s for s in deck.slides}
    channels = slides["channels"]
    assert channels.series[0].labels == ("近52000", "3.17万", "1082")
    assert channels.takeaway.startswith("政府门户网站发布最多，近52000条")
    assert "3.17万" in channels.notes and "近52000" in channels.notes
    hotline = slides["hotline"]
    assert "3000余人次" in hotline.takeaway and "98.76%" in hotline.takeaway
    assert hotline.series[0].labels[0] == "3000余"
    assert "58则" in slides["requests"].takeaway
    assert any("微信公众号1082篇" in b for b in slides["summary"].bullets)


# ── export → import keeps the words ─────────────────────────────────────────────────────────

ROWS = (
    f"{A},发布信息条数,部门网站,,3.17万,",
    f"{A},发布信息条数,微信公众号,,1082篇,",
    f"{A},发布信息条数,政府门户网站,,近52000,",
    f"{A},发布信息条数,微博,,1875條,",
    f"{A},热线受理件数,12345,,3000余人次,",
    f"{A},热线办结率,12345,,98.76%,",
    f"{A},阅读量,微信公众号,,310余万人次,",
    f"{A},专题会议次数,,,5,",
)


def cells(content: bytes, fmt: str) -> list[list[object]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_keeps_the_words(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    first = facts_of(read(catalogue, *ROWS))
    content = export_facts(first, catalogue, fmt)
    values = [r[5] for r in cells(content, fmt)[1:]]
    assert {"3.17万", "1082篇", "近52000", "1875条", "3000余人次", "98.76%"} <= set(values)
    assert 5 in values or "5" in values  # a plain number stays a number for spreadsheets
    report = validate_file(content, f"export.{fmt}", catalogue)
    assert report.ok, report.flatten()
    again = facts_of(report)

    def said(facts: list[Fact]) -> set[tuple[object, ...]]:
        return {(*f.slot, f.value, f.qualifier, f.unit, f.as_written) for f in facts}

    assert said(again) == said(first)
    assert {f.slot: f.content for f in again} == {f.slot: f.content for f in first}


def test_export_of_a_wan_yuan_amount_round_trips(catalogue: Catalogue) -> None:
    metric = wan_yuan_metric(catalogue)
    first = facts_of(read(catalogue, f"{A},{metric.zh},,,90.1万,", f"{A},专题会议次数,,,5,"))
    content = export_facts(first, catalogue, "csv")
    again = facts_of(validate_file(content, "x.csv", catalogue))
    amount = next(f for f in again if f.metric == metric.id)
    assert (amount.value, amount.unit, amount.as_written) == (90.1, "万元", "90.1万元")


def test_export_of_facts_stored_without_words_is_as_before(catalogue: Catalogue) -> None:
    facts = [Fact("测试局", 2019, "reads", "wechat", None, 3_100_000, Q.AT_LEAST)]
    (row_cells,) = cells(export_facts(facts, catalogue, "csv"), "csv")[1:]
    assert row_cells[5] == "3100000余"


def test_variant_forms_t2s_leaves_read_as_simplified() -> None:
    from dashboard.domain.script import to_simplified

    # 陜 and 衞: variants OpenCC's t2s leaves; one agency's name whichever form its page used
    assert to_simplified("陜西省人民政府辦公廳") == to_simplified("陝西省人民政府辦公廳")
    assert to_simplified("陜西省人民政府辦公廳") == "陕西省人民政府办公厅"
    assert to_simplified("衞生健康委員會") == "卫生健康委员会"
