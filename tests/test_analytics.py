"""The pure figure functions behind the pages: values, qualifiers, texts, derivations, checks.

Frames are built from a few rows (or the bundled Dinghai 2019 sample) and the tests look at what
comes out: the number, its qualifier, the text a reader sees (`400余`, `未报告`), the order.
"""

from __future__ import annotations

import inspect
from typing import Any

import polars as pl
import pytest

from dashboard.analytics import channels, hotline, new_media, recruitment, summary
from dashboard.analytics import headlines as metrics
from dashboard.analytics.channels import channel_totals, total_items
from dashboard.analytics.new_media import new_media_share
from dashboard.analytics.statutory import (
    FOUR,
    THREE,
    Check,
    CheckStatus,
    outcome_metrics,
    outcomes,
    table_checks,
    table_grid,
)
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.values import ChangeKind, Figure, is_rough
from dashboard.i18n import format as fmt
from dashboard.i18n import wording
from dashboard.i18n.statutory import check_name, outcome_text, table_text
from tests.factories import AGENCY, frame, row, sample_frame

DINGHAI = "定海区教育局"


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="module")
def dinghai(cat: Catalogue) -> pl.DataFrame:
    return sample_frame(cat)


def by(frame_: pl.DataFrame, column: str) -> dict[Any, dict[str, Any]]:
    return {r[column]: r for r in frame_.iter_rows(named=True)}


# ── the analytics as the pages read them ────────────────────────────────────────────────────
# The analytics give ids and numbers; these read them through the formatting layer
# (dashboard.i18n.wording), as the pages do, so the tests see the texts a reader sees.


def headline_values(
    facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh"
) -> list[wording.HeadlineCard]:
    return wording.headline_cards(metrics.headline_points(facts, year, cat), lang)


def facts_listing(facts: pl.DataFrame, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.listing_table(metrics.facts_listing(facts, cat), cat, lang)


def channel_items(facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.channel_items_table(channels.channel_items(facts, year, cat), cat, lang)


def channel_categories(
    facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh"
) -> pl.DataFrame:
    return wording.channel_categories_table(channels.channel_categories(facts, year), cat, lang)


def channel_trend(facts: pl.DataFrame, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.channel_trend_table(channels.channel_trend(facts), cat, lang)


def submissions(facts: pl.DataFrame, year: int, lang: str = "zh") -> pl.DataFrame:
    return wording.submissions_table(channels.submissions(facts, year), lang)


def hotline_years(facts: pl.DataFrame, lang: str = "zh") -> pl.DataFrame:
    return wording.hotline_table(hotline.hotline_years(facts), lang)


def new_media_trend(facts: pl.DataFrame, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.new_media_table(new_media.new_media_trend(facts, cat), cat, lang)


def recruitment_years(facts: pl.DataFrame, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.recruitment_table(recruitment.recruitment_years(facts), cat, lang)


def year_summary(
    facts: pl.DataFrame, agency: str, year: int, cat: Catalogue, lang: str = "zh"
) -> str:
    return wording.summary_text(summary.year_summary(facts, agency, year, cat), cat, lang)


def test_analytics_take_no_language() -> None:
    for module in (metrics, channels, hotline, new_media, recruitment, summary):
        functions = [
            f
            for f in vars(module).values()
            if inspect.isfunction(f) and f.__module__ == module.__name__
        ]
        assert functions, module.__name__
        for function in functions:
            assert "lang" not in inspect.signature(function).parameters, function.__qualname__


# ── metrics: selection ──────────────────────────────────────────────────────────────────────


def test_agency_and_year_selection() -> None:
    facts = frame(
        row(2019, "meetings", 1, agency="乙局"),
        row(2021, "meetings", 2, agency="甲局"),
        row(2019, "meetings", 3, agency="甲局"),
        row(2021, "reads", 4, channel="wechat", agency="甲局"),
    )
    assert metrics.agency_facts(facts, "甲局").height == 3
    only = metrics.year_facts(facts, "甲局", 2021)
    assert only.height == 2
    assert set(only.get_column("value").to_list()) == {2.0, 4.0}


def test_slot_filter_treats_none_as_blank() -> None:
    facts = frame(
        row(2019, "items_published", 400, "at_least", channel="gov_portal"),
        row(2019, "items_published", 153, channel="gov_portal", category="政务动态"),
        row(2019, "items_published", 500, "at_least", channel="wechat"),
        row(2019, "items_published", 9000),
    )
    assert facts.filter(metrics.slot_filter("items_published", "gov_portal")).get_column(
        "value"
    ).to_list() == [400.0]
    assert facts.filter(metrics.slot_filter("items_published")).get_column("value").to_list() == [
        9000.0
    ]
    assert facts.filter(
        metrics.slot_filter("items_published", "gov_portal", "政务动态")
    ).get_column("value").to_list() == [153.0]


def test_slot_label(cat: Catalogue) -> None:
    assert wording.slot_label(cat, "items_published", "weibo", None, "zh") == "微博 · 发布信息条数"
    assert wording.slot_label(cat, "meetings", None, None, "zh") == "专题会议次数"
    assert wording.slot_label(cat, "requests_new", None, "natural_person", "zh") == (
        "自然人 · 新收申请数"
    )
    assert wording.slot_label(cat, "items_published", "weibo", None, "en").startswith("Weibo · ")


# ── metrics: change texts ───────────────────────────────────────────────────────────────────


def test_is_rough() -> None:
    assert not is_rough("exact", "exact")
    assert is_rough("exact", "at_least")
    assert is_rough("approx")
    assert is_rough("at_most", "exact")


@pytest.mark.parametrize(
    ("old", "oq", "new", "nq", "percent", "lang", "expected"),
    [
        (400, "exact", 500, "exact", False, "zh", "+25%"),
        (400, "at_least", 500, "at_least", False, "zh", "约+25%"),
        (400, "exact", 500, "approx", False, "en", "~+25%"),
        (500, "exact", 400, "exact", False, "zh", "-20%"),
        (400, "exact", 500, "exact", False, "en", "+25%"),
        (95, "exact", 96.5, "exact", True, "zh", "+1.5个百分点"),
        (95, "exact", 96.5, "exact", True, "en", "+1.5 pp"),
        (98, "exact", 96, "exact", True, "zh", "-2个百分点"),
        (98, "exact", 96, "exact", True, "en", "-2 pp"),
        (95, "at_least", 96.5, "exact", True, "zh", "约+1.5个百分点"),
        (0, "exact", 5, "exact", False, "zh", "+5"),
        (0, "exact", 1_200_000, "exact", False, "zh", "+1200000"),
    ],
)
def test_change_text(
    old: float, oq: str, new: float, nq: str, percent: bool, lang: str, expected: str
) -> None:
    assert fmt.change_text(old, oq, new, nq, percent=percent, lang=lang) == expected


def test_change_text_needs_both_values_and_can_leave_roughness_to_the_caller() -> None:
    assert fmt.change_text(None, "exact", 5, "exact", percent=False, lang="zh") is None
    assert fmt.change_text(5, "exact", None, "not_reported", percent=False, lang="zh") is None
    text = fmt.change_text(
        400, "at_least", 500, "at_least", percent=False, lang="zh", mark_rough=False
    )
    assert text == "+25%"


# ── metrics: headline figures ───────────────────────────────────────────────────────────────


def test_headline_values_of_dinghai_keep_qualifiers(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    figures = {f.label: f for f in headline_values(dinghai, 2019, cat)}
    portal = figures["门户网站发布信息"]
    assert (portal.text, portal.value, portal.qualifier, portal.unit) == (
        "400余",
        400.0,
        "at_least",
        "条",
    )
    assert portal.note == "公开信息 400余条"
    assert figures["部门网站发布信息"].text == "3000余"
    assert figures["微信公众号推送"].text == "500余"
    assert figures["微博发布"].text == "800余"
    assert figures["12345热线受理"].text == "111"
    rate = figures["12345热线办结率"]
    assert (rate.text, rate.unit) == ("100%", "")
    # 0 requests is a reported zero, not a missing figure
    assert figures["依申请公开新收申请"].text == "0"
    assert figures["政务公开专题会议"].text == "2"
    # one year only: no change, a one-point history
    assert all(f.change is None for f in figures.values())
    assert portal.history == (400.0,)

    english = {f.label: f for f in headline_values(dinghai, 2019, cat, "en")}
    assert english["Portal items"].text == "400+"
    assert english["Website items"].text == "3,000+"


def test_headline_change_against_latest_earlier_year_with_the_figure(cat: Catalogue) -> None:
    facts = frame(
        row(2019, "items_published", 400, "at_least", channel="gov_portal"),
        row(2021, "items_published", 500, channel="gov_portal"),
        row(2022, "items_published", None, channel="gov_portal"),
        row(2020, "hotline_closure_rate", 95, channel="hotline_12345"),
        row(2021, "hotline_closure_rate", 96.5, channel="hotline_12345"),
        row(2019, "items_published", 80, channel="weibo"),
        row(2020, "items_published", 100, channel="weibo"),
    )
    y2021 = {f.label: f for f in headline_values(facts, 2021, cat)}
    portal = y2021["门户网站发布信息"]
    # 2020 has no portal figure: the change is against 2019, and only approximate (400余)
    assert (portal.change, portal.change_note) == ("+25%", "约，较2019年")
    assert portal.history == (400.0, 500.0)
    rate = y2021["12345热线办结率"]
    assert (rate.change, rate.change_note) == ("+1.5个百分点", "较2020年")
    assert y2021["12345热线办结率"].history == (95.0, 96.5)
    weibo = y2021["微博发布"]
    assert (weibo.text, weibo.value, weibo.qualifier, weibo.unit) == (
        "未报告",
        None,
        "not_reported",
        "",
    )
    assert weibo.change is None
    assert weibo.history == (80.0, 100.0)

    y2022 = {f.label: f for f in headline_values(facts, 2022, cat)}
    assert y2022["门户网站发布信息"].text == "未报告"
    assert y2022["门户网站发布信息"].change is None
    assert y2022["门户网站发布信息"].history == (400.0, 500.0)

    english = {f.label: f for f in headline_values(facts, 2021, cat, "en")}
    assert english["Portal items"].change == "+25%"
    assert english["Portal items"].change_note == "approx., vs 2019"
    assert english["12345 closure rate"].change == "+1.5 pp"
    assert english["12345 closure rate"].change_note == "vs 2020"
    assert english["Weibo posts"].text == "not reported"


def test_headline_points_are_numbers_and_ids(cat: Catalogue) -> None:
    facts = frame(
        row(2019, "items_published", 400, "at_least", channel="gov_portal"),
        row(2021, "items_published", 500, channel="gov_portal"),
        row(2020, "hotline_closure_rate", 95, channel="hotline_12345"),
        row(2021, "hotline_closure_rate", 96.5, channel="hotline_12345"),
    )
    points = {
        (p.headline.metric, p.headline.channel): p
        for p in metrics.headline_points(facts, 2021, cat)
    }
    portal = points[("items_published", "gov_portal")]
    assert (portal.value, portal.qualifier, portal.percent, portal.unit) == (
        500.0,
        "exact",
        False,
        "条",
    )
    assert portal.change is not None
    change = portal.change
    assert (change.amount, change.kind, change.since, change.rough, change.grew) == (
        25.0,
        ChangeKind.RELATIVE,
        2019,
        True,
        True,
    )
    rate = points[("hotline_closure_rate", "hotline_12345")]
    assert rate.change is not None
    assert rate.change.kind is ChangeKind.POINTS
    assert rate.change.amount == pytest.approx(1.5)
    assert (rate.percent, rate.unit) == (True, "")
    # A headline the agency never gives gets no card (issue 10: not 8 cards with 5 未报告).
    assert ("items_published", "weibo") not in points


def test_headline_values_history_stops_at_the_year(cat: Catalogue) -> None:
    facts = frame(
        row(2017, "meetings", 1),
        row(2019, "meetings", 2),
        row(2020, "meetings", 3),
        row(2021, "meetings", 6),
    )
    meetings = next(f for f in headline_values(facts, 2020, cat) if f.label == "政务公开专题会议")
    assert meetings.history == (1.0, 2.0, 3.0)
    assert (meetings.change, meetings.change_note) == ("+50%", "较2019年")  # latest, not first


def test_facts_listing_in_catalogue_order_with_texts(cat: Catalogue) -> None:
    facts = frame(
        row(2019, "meetings", 2),
        row(2019, "hotline_closure_rate", 100, channel="hotline_12345"),
        row(2019, "recruitment_notices", None, channel="hrss_site"),
        row(
            2019, "items_published", 400, "at_least", channel="gov_portal", note="公开信息 400余条"
        ),
    )
    table = facts_listing(facts, cat)
    assert table.columns == ["metric", "channel", "category", "value", "unit", "note"]
    assert table.get_column("metric").to_list() == [
        "发布信息条数",
        "热线办结率",
        "招聘公告条数",
        "专题会议次数",
    ]
    assert table.get_column("value").to_list() == ["400余", "100%", "未报告", "2"]
    assert table.get_column("unit").to_list() == ["条", "", "条", "次"]
    assert table.get_column("note").to_list()[0] == "公开信息 400余条"
    assert table.get_column("note").to_list()[-1] == ""
    english = facts_listing(facts, cat, "en")
    assert english.get_column("value").to_list() == ["400+", "100%", "not reported", "2"]


# ── channels ────────────────────────────────────────────────────────────────────────────────


def test_channel_totals_stated_and_derived() -> None:
    facts = frame(
        row(2019, "items_published", 400, "at_least", channel="gov_portal"),
        row(2019, "items_published", 153, channel="gov_portal", category="政务动态"),
        row(2019, "items_published", 220, channel="dept_site", category="教育动态"),
        row(2019, "items_published", 67, channel="dept_site", category="通知公告"),
        row(2019, "items_published", None, channel="dept_site", category="校园采风"),
    )
    totals = by(channel_totals(facts), "channel")
    assert set(totals) == {"gov_portal", "dept_site"}
    # the stated total wins over its parts
    assert (totals["gov_portal"]["value"], totals["gov_portal"]["qualifier"]) == (400.0, "at_least")
    assert totals["gov_portal"]["derived"] is False
    # no stated total: the sum of the parts, as a lower bound, marked derived
    assert totals["dept_site"]["value"] == 287.0
    assert totals["dept_site"]["qualifier"] == "at_least"
    assert totals["dept_site"]["derived"] is True


def test_channel_total_not_reported_but_parts_known_is_derived() -> None:
    facts = frame(
        row(2019, "items_published", None, channel="dept_site"),
        row(2019, "items_published", 220, channel="dept_site", category="教育动态"),
        row(2019, "items_published", 67, channel="dept_site", category="通知公告"),
        row(2019, "items_published", None, channel="weibo"),
    )
    totals = channel_totals(facts)
    assert totals.height == 2
    rows = by(totals, "channel")
    assert (rows["dept_site"]["value"], rows["dept_site"]["derived"]) == (287.0, True)
    assert rows["weibo"]["value"] is None
    assert rows["weibo"]["qualifier"] == "not_reported"


def test_channel_items_largest_first_with_texts(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    items = channel_items(dinghai, 2019, cat)
    assert items.get_column("channel").to_list() == ["dept_site", "weibo", "wechat", "gov_portal"]
    assert items.get_column("text").to_list() == ["3000余", "800余", "500余", "400余"]
    assert items.get_column("name").to_list()[-1] == "政府门户网站"
    assert items.get_column("kind").to_list() == ["website", "new_media", "new_media", "website"]
    assert not items.get_column("derived").any()
    english = channel_items(dinghai, 2019, cat, "en")
    assert english.get_column("text").to_list() == ["3,000+", "800+", "500+", "400+"]
    assert english.get_column("name").to_list()[0] == "Agency website"


def test_channel_items_are_ids_and_numbers(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    items = channels.channel_items(dinghai, 2019, cat)
    assert items.columns == [
        "channel",
        "kind",
        "value",
        "qualifier",
        "derived",
        "unit",  # the report's words, for the display (issue 10)
        "as_written",
    ]
    assert items.get_column("channel").to_list() == ["dept_site", "weibo", "wechat", "gov_portal"]
    info = channels.submissions(dinghai, 2019)
    assert "rate_rough" in info.columns and "rate_text" not in info.columns
    assert not any(c.endswith("_text") for c in hotline.hotline_years(dinghai).columns)


def test_channel_items_not_reported_last_and_derived_flag(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", None, channel="weibo"),
        row(2020, "items_published", 30, channel="gov_portal"),
        row(2020, "items_published", 20, channel="dept_site", category="通知公告"),
        row(2020, "items_published", 25, channel="dept_site", category="教育动态"),
        row(2019, "items_published", 999, channel="wechat"),
    )
    items = channel_items(facts, 2020, cat)
    assert items.get_column("channel").to_list() == ["dept_site", "gov_portal", "weibo"]
    assert items.get_column("text").to_list() == ["45余", "30", "未报告"]
    assert items.get_column("derived").to_list() == [True, False, False]
    assert items.get_column("value").to_list()[-1] is None


def test_total_items(dinghai: pl.DataFrame) -> None:
    assert total_items(dinghai, 2019) == (4700.0, "at_least")
    assert total_items(dinghai, 2018) is None
    stated = frame(
        row(2020, "items_published", 9000),
        row(2020, "items_published", 100, channel="weibo"),
    )
    assert total_items(stated, 2020) == (9000.0, "exact")
    exact = frame(
        row(2020, "items_published", 100, channel="weibo"),
        row(2020, "items_published", 300, channel="gov_portal"),
    )
    assert total_items(exact, 2020) == (400.0, "exact")


def test_total_items_with_a_channel_not_reported_is_a_lower_bound() -> None:
    facts = frame(
        row(2020, "items_published", 100, channel="weibo"),
        row(2020, "items_published", 300, channel="gov_portal"),
        row(2020, "items_published", None, channel="wechat"),
    )
    assert total_items(facts, 2020) == (400.0, "at_least")


def test_channel_categories(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    cats = channel_categories(dinghai, 2019, cat)
    assert cats.height == 12
    portal = cats.filter(pl.col("channel") == "gov_portal")
    assert portal.get_column("category").to_list() == [
        "政务动态",
        "提案议案办理",
        "部门文件",
        "重点领域信息公开",
        "本部门预决算",
    ]
    assert portal.get_column("text").to_list() == ["153", "15", "10", "9", "1"]
    site = cats.filter(pl.col("channel") == "dept_site")
    assert site.get_column("value").to_list()[0] == 2255.0
    assert site.get_column("value").sum() == 2672.0
    assert set(cats.get_column("name").to_list()) == {"政府门户网站", "部门网站"}


def test_channel_trend(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 1200, "at_least", channel="weibo"),
        row(2022, "items_published", 3848, channel="weibo"),
        row(2022, "items_published", 1351, channel="gov_portal"),
    )
    trend = channel_trend(facts, cat)
    assert trend.columns == ["year", "channel", "name", "value", "qualifier", "derived", "text"]
    weibo = trend.filter(pl.col("channel") == "weibo").sort("year")
    assert weibo.get_column("year").to_list() == [2020, 2022]
    assert weibo.get_column("text").to_list() == ["1200余", "3848"]
    assert weibo.get_column("name").to_list() == ["微博", "微博"]


def test_submissions_adoption_rates(dinghai: pl.DataFrame) -> None:
    info = submissions(dinghai, 2019)
    assert info.get_column("recipient").to_list() == ["区政府", "省委", "市政府", "市教育网"]
    rows = by(info, "recipient")
    district = rows["区政府"]
    assert (district["submitted"], district["adopted"]) == (30.0, 16.0)
    assert district["rate"] == pytest.approx(53.333, abs=0.001)
    assert district["rate_text"] == "53.3%"
    assert rows["市教育网"]["rate_text"] == "14.5%"
    # adopted by the province, but nothing submitted to it is reported: no rate, and no 0
    province = rows["省委"]
    assert province["submitted"] is None
    assert province["submitted_text"] == "未报告"
    assert province["adopted_text"] == "2"
    assert (province["rate"], province["rate_text"]) == (None, "")
    english = submissions(dinghai, 2019, "en")
    assert by(english, "recipient")["省委"]["submitted_text"] == "not reported"


def test_submissions_without_recipient_and_qualified_figures() -> None:
    facts = frame(
        row(2020, "info_submitted", 30, "at_least"),
        row(2020, "info_adopted", 16),
        row(2020, "info_submitted", 0, category="市委"),
        row(2020, "info_adopted", 0, category="市委"),
    )
    info = by(submissions(facts, 2020), "recipient")
    assert set(info) == {"合计", "市委"}
    assert info["合计"]["submitted_text"] == "30余"
    # rate from 30余 submitted is only approximate
    assert info["合计"]["rate_text"] == "约53.3%"
    # nothing submitted: no rate rather than a division by zero
    assert info["市委"]["rate"] is None
    english = by(submissions(facts, 2020, "en"), "recipient")
    assert english["All"]["rate_text"] == "~53.3%"


# ── new media ───────────────────────────────────────────────────────────────────────────────


def test_new_media_trend(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 1400, "at_least", channel="wechat"),
        row(2020, "followers", 500000, "at_least", channel="wechat"),
        row(2022, "followers", 901000, channel="wechat"),
        row(2022, "items_published", 1351, channel="gov_portal"),
    )
    trend = new_media_trend(facts, cat)
    assert set(trend.get_column("channel").to_list()) == {"wechat"}
    followers = trend.filter(pl.col("measure") == "followers").sort("year")
    assert followers.get_column("text").to_list() == ["50余万", "90.1万"]
    posts = trend.filter(pl.col("measure") == "posts")
    assert posts.get_column("text").to_list() == ["1400余"]
    assert posts.get_column("name").to_list() == ["微信公众号"]


def test_new_media_share(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    share = new_media_share(dinghai, 2019, cat)
    assert share is not None
    assert share[0] == pytest.approx(1300 / 4700 * 100)
    assert share[1] is True  # 500余, 800余 …
    exact = frame(
        row(2020, "items_published", 300, channel="gov_portal"),
        row(2020, "items_published", 100, channel="wechat"),
    )
    assert new_media_share(exact, 2020, cat) == (25.0, False)
    no_new_media = frame(row(2020, "items_published", 300, channel="gov_portal"))
    assert new_media_share(no_new_media, 2020, cat) is None
    assert new_media_share(exact, 2019, cat) is None


# ── hotline ─────────────────────────────────────────────────────────────────────────────────


def test_hotline_closed_derived_from_received_and_rate(dinghai: pl.DataFrame) -> None:
    years = hotline_years(dinghai)
    assert years.height == 1
    h = years.row(0, named=True)
    assert h["year"] == 2019
    assert (h["received"], h["received_text"]) == (111.0, "111")
    assert (h["closed"], h["closed_text"], h["closed_derived"]) == (111.0, "111", True)
    assert (h["closure_rate"], h["closure_rate_text"], h["rate_derived"]) == (100.0, "100%", False)
    assert (h["satisfaction"], h["satisfaction_text"]) == (None, "未报告")
    assert hotline_years(dinghai, "en").row(0, named=True)["satisfaction_text"] == "not reported"


def test_hotline_rate_derived_and_qualifiers() -> None:
    facts = frame(
        row(2021, "hotline_received", 200, channel="hotline_12345"),
        row(2021, "hotline_closed", 190, channel="hotline_12345"),
        row(2020, "hotline_received", 100, "at_least", channel="hotline_12345"),
        row(2020, "hotline_closure_rate", 100, channel="hotline_12345"),
        row(2022, "hotline_received", 300, channel="hotline_12345"),
        row(2023, "hotline_received", 3, channel="hotline_12345"),
        row(2023, "hotline_closed", 2, channel="hotline_12345"),
    )
    years = by(hotline_years(facts), "year")
    assert list(years) == [2020, 2021, 2022, 2023]
    assert (years[2021]["closure_rate"], years[2021]["closure_rate_text"]) == (95.0, "95%")
    assert years[2021]["rate_derived"] is True
    assert years[2021]["closed_derived"] is False
    # a bound in, an approximation out
    assert years[2020]["closed_text"] == "约100"
    assert years[2020]["closed_derived"] is True
    # nothing to derive from
    assert (years[2022]["closed"], years[2022]["closed_text"]) == (None, "未报告")
    assert years[2022]["closure_rate_text"] == "未报告"
    assert not years[2022]["closed_derived"] and not years[2022]["rate_derived"]
    assert years[2023]["closure_rate_text"] == "66.7%"


# ── recruitment ─────────────────────────────────────────────────────────────────────────────


def test_recruitment_not_reported_kept(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    frame_ = recruitment_years(dinghai, cat)
    assert frame_.height == 3
    assert frame_.get_column("value").is_null().all()
    assert frame_.get_column("text").to_list() == ["未报告"] * 3
    assert frame_.get_column("measure").to_list() == ["notices", "notices", "publicity"]
    assert set(frame_.get_column("name").to_list()) == {"人社部门网站", "部门网站"}
    english = recruitment_years(dinghai, cat, "en")
    assert english.get_column("text").to_list() == ["not reported"] * 3


def test_recruitment_values_and_order(cat: Catalogue) -> None:
    facts = frame(
        row(2021, "recruitment_notices", 4, channel="dept_site"),
        row(2020, "recruitment_hires", 12),
        row(2020, "recruitment_notices", 3, "approx", channel="dept_site"),
    )
    out = recruitment_years(facts, cat)
    assert out.select("year", "measure").rows() == [
        (2020, "hires"),
        (2020, "notices"),
        (2021, "notices"),
    ]
    assert out.get_column("text").to_list() == ["12", "约3", "4"]
    assert out.get_column("name").to_list()[0] == ""


# ── statutory tables ────────────────────────────────────────────────────────────────────────
# The analytics give ids and numbers; the tests read them as the page shows them, through the
# formatting layer (dashboard.i18n.statutory).


def table_three(facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return table_text(table_grid(facts, year, cat, THREE), cat, THREE, lang)


def table_four(facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return table_text(table_grid(facts, year, cat, FOUR), cat, FOUR, lang)


def table_three_checks(facts: pl.DataFrame, year: int, cat: Catalogue) -> list[Check]:
    return table_checks(facts, year, cat, THREE)


def table_four_checks(facts: pl.DataFrame, year: int, cat: Catalogue) -> list[Check]:
    return table_checks(facts, year, cat, FOUR)


def names(checks: list[Check], cat: Catalogue, lang: str = "zh") -> list[str]:
    return [check_name(c, cat, lang) for c in checks]


TERMS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
)
# A consistent column: 5 new + 1 carried over = 5 handled + 1 carried forward;
# handled 5 = 3 disclosed + 1 partial + 1 refused (state secret).
CONSISTENT = dict.fromkeys(default_catalogue().tables[THREE].metrics, 0) | {
    "requests_new": 5,
    "requests_carried_over": 1,
    "requests_disclosed": 3,
    "requests_partial": 1,
    "requests_refused": 1,
    "requests_refused_state_secret": 1,
    "requests_completed": 5,
    "requests_carried_forward": 1,
}


def table_facts(
    values: dict[str, float], *, terms: bool = True, year: int = 2021
) -> list[dict[str, Any]]:
    """The total column with `values`; with `terms`, all of it from natural persons."""
    rows = [row(year, m, v) for m, v in values.items()]
    if terms:
        for term in TERMS:
            rows += [
                row(year, m, v if term == "natural_person" else 0, category=term)
                for m, v in values.items()
            ]
    return rows


def statuses(checks: list[Check], cat: Catalogue | None = None) -> dict[str, CheckStatus]:
    cat = cat or default_catalogue()
    return {check_name(c, cat): c.status for c in checks}


def test_terms_are_the_catalogue_applicant_columns(cat: Catalogue) -> None:
    # the form's finest columns; 法人或其他组织 is a subtotal over five of them (issue 10)
    assert tuple(cat.vocabularies["applicant"].leaves) == TERMS


def test_table_three_layout_of_dinghai(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    table = table_three(dinghai, 2019, cat)
    assert table.columns == [
        "row",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert table.height == len(cat.tables[THREE].rows) == 29
    assert table.get_column("row").to_list()[0] == "一、本年新收政府信息公开申请数量"
    assert table.get_column("row").to_list()[-1] == "四、结转下年度继续办理"
    assert table.row(0, named=True)["总计"] == "0"
    cells = [v for c in table.columns[1:] for v in table.get_column(c).to_list()]
    assert cells.count("0") == 1
    assert set(cells) == {"0", ""}
    english = table_three(dinghai, 2019, cat, "en")
    assert english.columns[-1] == "Total"
    assert english.get_column("row").to_list()[0] == "1. New requests received"


def test_table_three_keeps_qualifiers(cat: Catalogue) -> None:
    facts = frame(
        row(2021, "requests_new", 40, "approx"),
        row(2021, "requests_new", 12, category="commercial"),
    )
    first = table_three(facts, 2021, cat).row(0, named=True)
    assert (first["总计"], first["商业企业"], first["自然人"]) == ("约40", "12", "")


def test_table_three_checks_consistent_all_pass(cat: Catalogue) -> None:
    facts = frame(*table_facts(CONSISTENT))
    checks = table_three_checks(facts, 2021, cat)
    # six columns + total, each: balance, 三（七）, four groups; plus total = sum for 29 rows
    assert len(checks) == 7 * 6 + 29
    assert {c.status for c in checks} == {CheckStatus.PASSED}
    shown = names(checks, cat)
    assert "总计：一 + 二 = 三（七）+ 四" in shown
    assert "自然人：三（七）= （一）至（六）之和" in shown
    assert "三（一）予以公开：总计 = 各申请人之和" in shown
    assert "1.属于国家秘密：总计 = 各申请人之和" in shown  # nesting indent stripped
    assert len(set(shown)) == len(shown)
    assert "Total: 1 + 2 = 3(7) + 4" in names(checks, cat, "en")


def test_table_three_checks_one_altered_cell_fails(cat: Catalogue) -> None:
    rows = table_facts(CONSISTENT)
    for r in rows:
        if r["metric"] == "requests_disclosed" and r["category"] is None:
            r["value"] = 4.0
    result = statuses(table_three_checks(frame(*rows), 2021, cat))
    assert result["总计：三（七）= （一）至（六）之和"] is CheckStatus.FAILED
    assert result["三（一）予以公开：总计 = 各申请人之和"] is CheckStatus.FAILED
    # the rest of the form still adds up
    assert result["总计：一 + 二 = 三（七）+ 四"] is CheckStatus.PASSED
    assert result["自然人：三（七）= （一）至（六）之和"] is CheckStatus.PASSED
    failed = [n for n, s in result.items() if s is CheckStatus.FAILED]
    assert len(failed) == 2


def test_table_three_checks_balance_and_group_failures(cat: Catalogue) -> None:
    broken = CONSISTENT | {"requests_carried_forward": 2, "requests_refused_law": 1}
    result = statuses(table_three_checks(frame(*table_facts(broken, terms=False)), 2021, cat))
    assert result["总计：一 + 二 = 三（七）+ 四"] is CheckStatus.FAILED
    assert result["总计：不予公开 = 各细项之和"] is CheckStatus.FAILED
    assert result["总计：三（七）= （一）至（六）之和"] is CheckStatus.PASSED
    assert result["总计：无法提供 = 各细项之和"] is CheckStatus.PASSED


def test_table_three_checks_missing_cells_are_incomplete(cat: Catalogue) -> None:
    values = {k: v for k, v in CONSISTENT.items() if k != "requests_carried_forward"}
    result = statuses(table_three_checks(frame(*table_facts(values, terms=False)), 2021, cat))
    assert result["总计：一 + 二 = 三（七）+ 四"] is CheckStatus.INCOMPLETE
    assert result["总计：三（七）= （一）至（六）之和"] is CheckStatus.PASSED
    # a qualified figure is not compared either
    rows = table_facts(CONSISTENT, terms=False)
    rows[0]["qualifier"] = "approx"  # requests_new
    result = statuses(table_three_checks(frame(*rows), 2021, cat))
    assert result["总计：一 + 二 = 三（七）+ 四"] is CheckStatus.INCOMPLETE


def test_table_three_checks_of_dinghai_are_incomplete(
    dinghai: pl.DataFrame, cat: Catalogue
) -> None:
    checks = table_three_checks(dinghai, 2019, cat)
    assert len(checks) == 2
    assert {c.status for c in checks} == {CheckStatus.INCOMPLETE}
    assert table_three_checks(dinghai, 2018, cat) == []


def review(total: float | None, **results: float) -> list[dict[str, Any]]:
    rows = [row(2021, "appeal_review", v, category=k) for k, v in results.items()]
    if total is not None:
        rows.append(row(2021, "appeal_review", total))
    return rows


def test_table_four_layout_and_checks(cat: Catalogue) -> None:
    good = frame(*review(2, upheld=1, corrected=0, other=0, pending=1))
    table = table_four(good, 2021, cat)
    assert table.columns == ["row", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    # 行政诉讼 is the litigation total (issue 10), its two kinds nested under it as in the form
    assert table.get_column("row").to_list() == [
        "行政复议",
        "行政诉讼",
        "　行政诉讼·未经复议直接起诉",
        "　行政诉讼·复议后起诉",
    ]
    assert table.row(0) == ("行政复议", "1", "0", "0", "1", "2")
    assert table.row(2) == ("　行政诉讼·未经复议直接起诉", "", "", "", "", "")
    checks = table_four_checks(good, 2021, cat)
    assert [(check_name(c, cat), c.status) for c in checks] == [
        ("行政复议：总计 = 四项结果之和", CheckStatus.PASSED)
    ]
    bad = frame(*review(3, upheld=1, corrected=0, other=0, pending=1))
    assert table_four_checks(bad, 2021, cat)[0].status is CheckStatus.FAILED
    assert names(table_four_checks(bad, 2021, cat), cat, "en") == [
        "Administrative review: total = sum of results"
    ]
    partial = frame(*review(2, upheld=1, corrected=0, other=0))
    assert table_four_checks(partial, 2021, cat)[0].status is CheckStatus.INCOMPLETE
    assert table_four_checks(frame(*review(1)), 2021, cat)[0].status is CheckStatus.INCOMPLETE


def test_outcomes_in_form_order(cat: Catalogue) -> None:
    facts = frame(
        row(2022, "requests_unavailable", 11),
        row(2022, "requests_disclosed", 5),
        row(2022, "requests_refused", 1, "approx"),
        row(2022, "requests_disclosed", 4, category="natural_person"),
        row(2022, "requests_completed", 18),
    )
    found = outcomes(facts, 2022, cat)
    assert found.columns == ["metric", "value", "qualifier", "unit", "as_written"]
    assert found.get_column("metric").to_list() == [
        "requests_disclosed",
        "requests_refused",
        "requests_unavailable",
    ]
    out = outcome_text(found, cat)
    assert out.columns == ["outcome", "value", "qualifier", "text"]
    assert out.get_column("outcome").to_list() == ["予以公开", "不予公开", "无法提供"]
    assert out.get_column("text").to_list() == ["5", "约1", "11"]
    assert out.get_column("value").to_list() == [5.0, 1.0, 11.0]
    english = outcome_text(found, cat, "en")
    assert english.get_column("outcome").to_list() == ["Disclosed", "Refused", "Unavailable"]
    assert english.get_column("text").to_list() == ["5", "~1", "11"]
    assert len(outcome_metrics(cat)) == 6
    assert outcome_text(outcomes(frame(), 2022, cat), cat).is_empty()


def test_table_grid_is_ids_and_figures(cat: Catalogue) -> None:
    facts = frame(
        row(2021, "requests_new", 40, "approx"),
        row(2021, "requests_new", 12, category="commercial"),
    )
    grid = table_grid(facts, 2021, cat, THREE)
    assert grid.columns == ["metric", *TERMS, "total"]
    assert grid.get_column("metric").to_list() == cat.tables[THREE].metrics
    first = grid.row(0, named=True)
    assert first["total"] == {"value": 40.0, "qualifier": "approx", "as_written": None}
    assert first["commercial"] == {"value": 12.0, "qualifier": "exact", "as_written": None}
    assert first["natural_person"] is None
    english = table_text(grid, cat, THREE, "en").row(13, named=True)
    assert english["row"] == "3(4) Unavailable"
    assert table_text(grid, cat, THREE, "en").row(14, named=True)["row"] == "  1. Not held"
    assert table_text(grid, cat, THREE).row(14, named=True)["row"] == "　1.本机关不掌握相关政府信息"


def test_statutory_checks_compare_the_declared_relations(cat: Catalogue) -> None:
    checks = table_three_checks(frame(*table_facts(CONSISTENT, terms=False)), 2021, cat)
    balance = next(c for c in checks if getattr(c.rule, "balance", None) == "requests_new")
    assert balance.column is None and balance.sums == (6.0, 6.0)
    # The arithmetic is the catalogue's: a relation declared otherwise is checked otherwise.
    relations = tuple(
        r.model_copy(update={"parts": r.parts[:-1]})
        if getattr(r, "total", None) == "requests_completed"
        else r
        for r in cat.relations
    )
    other = cat.model_copy(update={"relations": relations})
    values = CONSISTENT | {"requests_other": 1, "requests_completed": 6}
    facts = frame(*table_facts(values, terms=False))
    completed = "总计：三（七）= （一）至（六）之和"
    assert statuses(table_checks(facts, 2021, cat, THREE))[completed] is CheckStatus.PASSED
    assert statuses(table_checks(facts, 2021, other, THREE))[completed] is CheckStatus.FAILED


def test_statutory_analytics_take_no_language() -> None:
    from dashboard.analytics import statutory

    functions = [f for n, f in vars(statutory).items() if inspect.isfunction(f)]
    assert len(functions) >= 5
    for function in functions:
        assert "lang" not in inspect.signature(function).parameters, function.__name__


# ── summary ─────────────────────────────────────────────────────────────────────────────────


def test_summary_of_dinghai(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    text = year_summary(dinghai, DINGHAI, 2019, cat)
    assert text.startswith("2019年，定海区教育局")
    assert text.endswith("。")
    assert "政府门户网站400余条" in text
    assert "部门网站3000余条" in text
    assert "111件" in text
    assert "办结率100%" in text
    assert "新收政府信息公开申请0件" in text
    assert "召开专题会议2次" in text
    # the largest channel comes first
    assert text.index("3000余条") < text.index("400余条")
    english = year_summary(dinghai, DINGHAI, 2019, cat, "en")
    assert english.startswith("定海区教育局, 2019 — items published: ")
    assert "400+" in english
    assert "111 hotline cases received" in english
    assert "余" not in english


def test_summary_without_figures(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    assert year_summary(dinghai, DINGHAI, 2018, cat) == "2018年，定海区教育局暂无可汇总的数据。"
    assert year_summary(dinghai, DINGHAI, 2018, cat, "en") == (
        "No figures to summarise for 定海区教育局 in 2018."
    )
    # only figures that are not reported: still nothing to summarise, and no 0 anywhere
    facts = frame(row(2020, "recruitment_notices", None, channel="dept_site"))
    text = year_summary(facts, AGENCY, 2020, cat)
    assert "暂无可汇总的数据" in text
    assert "0" not in text.replace("2020", "")


def test_summary_change_against_earlier_year(cat: Catalogue) -> None:
    facts = frame(
        row(2019, "items_published", 400, "at_least", channel="gov_portal"),
        row(2020, "items_published", 500, channel="gov_portal"),
        row(2020, "meetings", 0),
    )
    text = year_summary(facts, AGENCY, 2020, cat)
    assert "政府门户网站500条（较2019年约+25%）" in text
    assert "会议" not in text  # no meetings held is not news
    english = year_summary(facts, AGENCY, 2020, cat, "en")
    assert "500 on Government portal (~+25% on 2019)" in english


def test_summary_points_are_ids_and_figures(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    points = summary.year_summary(dinghai, DINGHAI, 2019, cat)
    assert [p.channel for p in points.channels] == ["dept_site", "weibo", "wechat", "gov_portal"]
    # Each figure with the report's words: the unit shown and the value cell as written.
    assert points.channels[0].figure == Figure(3000.0, "at_least", unit="条", as_written="3000多")
    assert points.hotline_received == Figure(111.0, "exact", unit="件", as_written="111")
    assert points.hotline_closure_rate == Figure(100.0, "exact", percent=True, as_written="100%")
    assert points.requests_new == Figure(0.0, "exact", as_written="0")
    assert points.meetings == Figure(2.0, "exact", as_written="2")
    assert not points.empty
    assert summary.year_summary(dinghai, DINGHAI, 2018, cat).empty


def test_summary_in_english_counts_in_the_singular_and_plural(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "hotline_received", 1, channel="hotline_12345"),
        row(2020, "requests_new", 1),
        row(2020, "meetings", 1),
    )
    english = year_summary(facts, AGENCY, 2020, cat, "en")
    assert "1 hotline case received; 1 new disclosure request; " in english
    assert english.endswith("1 meeting on disclosure work.")
    several = year_summary(frame(row(2020, "requests_new", 1, "at_least")), AGENCY, 2020, cat, "en")
    assert "1+ new disclosure requests" in several
    assert "新收政府信息公开申请1余件" in year_summary(
        frame(row(2020, "requests_new", 1, "at_least")), AGENCY, 2020, cat
    )
