"""Chart builders: a small frame in, and what the Plotly figure holds checked.

The tests read the figure's data (trace types, x/y, text labels, annotations, axes), not its
pixels: `400余` must be on the bar, a missing figure must be `未报告` and no bar, a trend over
2020 and 2022 must put them two years apart.
"""

from __future__ import annotations

import html
import json

import plotly.graph_objects as go
import polars as pl
import pytest

from dashboard.analytics import channels, hotline, recruitment
from dashboard.analytics.statutory import outcomes
from dashboard.charts.builders import (
    category_figure,
    channel_bar_figure,
    grouped_bar_figure,
    hotline_figure,
    outcome_figure,
    rate_figure,
    share_figure,
    submissions_figure,
    trend_figure,
)
from dashboard.charts.labels import plotly_text
from dashboard.charts.theme import FONT_FAMILY, MUTED, PALETTE, empty_figure
from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.i18n import wording
from dashboard.i18n.statutory import outcome_text
from tests import hostile
from tests.factories import frame, row, sample_frame


# The frames the pages give the builders: analytics (ids, numbers) worded by the formatting layer.
def channel_items(facts: pl.DataFrame, year: int, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.channel_items_table(channels.channel_items(facts, year, cat), cat, lang)


def channel_categories(facts: pl.DataFrame, year: int, cat: Catalogue) -> pl.DataFrame:
    return wording.channel_categories_table(channels.channel_categories(facts, year), cat)


def channel_trend(facts: pl.DataFrame, cat: Catalogue) -> pl.DataFrame:
    return wording.channel_trend_table(channels.channel_trend(facts), cat)


def submissions(facts: pl.DataFrame, year: int, lang: str = "zh") -> pl.DataFrame:
    return wording.submissions_table(channels.submissions(facts, year), lang)


def hotline_years(facts: pl.DataFrame, lang: str = "zh") -> pl.DataFrame:
    return wording.hotline_table(hotline.hotline_years(facts), lang)


def recruitment_years(facts: pl.DataFrame, cat: Catalogue, lang: str = "zh") -> pl.DataFrame:
    return wording.recruitment_table(recruitment.recruitment_years(facts), cat, lang)


OKABE_ITO = {
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
}


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="module")
def dinghai(cat: Catalogue) -> pl.DataFrame:
    return sample_frame(cat)


def annotation_texts(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def assert_no_data(fig: go.Figure, message: str) -> None:
    assert len(fig.data) == 0
    assert annotation_texts(fig) == [message]
    assert fig.layout.xaxis.visible is False
    assert fig.layout.yaxis.visible is False


# ── theme ───────────────────────────────────────────────────────────────────────────────────


def test_palette_is_okabe_ito_and_fonts_are_chinese() -> None:
    assert {c.upper() for c in PALETTE} == OKABE_ITO
    assert len(PALETTE) == len(set(PALETTE)) == 8
    assert "Noto Sans CJK SC" in FONT_FAMILY
    assert "Microsoft YaHei" in FONT_FAMILY
    assert FONT_FAMILY.rstrip().endswith("sans-serif")


def test_empty_figure_says_why() -> None:
    fig = empty_figure("暂无数据")
    assert_no_data(fig, "暂无数据")
    assert fig.layout.annotations[0].font.color == MUTED
    assert fig.layout.font.family == FONT_FAMILY
    assert tuple(fig.layout.colorway) == PALETTE


@pytest.mark.parametrize(
    ("lang", "message"), [("zh", "暂无相关数据"), ("en", "No figures to show")]
)
def test_empty_frames_give_the_no_figures_figure(lang: str, message: str) -> None:
    empty = pl.DataFrame()
    assert_no_data(channel_bar_figure(empty, lang=lang), message)
    assert_no_data(submissions_figure(empty, lang=lang), message)
    assert_no_data(hotline_figure(empty, lang=lang), message)
    assert_no_data(outcome_figure(empty, lang=lang), message)
    assert_no_data(grouped_bar_figure(empty, x="year", group="name", lang=lang), message)
    nothing = pl.DataFrame(
        {"year": [2020], "name": ["微博"], "category": ["a"], "value": [None], "text": ["未报告"]},
        schema_overrides={"value": pl.Float64},
    )
    assert_no_data(trend_figure(nothing, lang=lang), message)
    assert_no_data(category_figure(nothing, lang=lang), message)


# ── channels ────────────────────────────────────────────────────────────────────────────────


def test_channel_bar_largest_on_top_with_qualifiers(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    fig = channel_bar_figure(channel_items(dinghai, 2019, cat), title="各渠道")
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert bar.type == "bar"
    assert bar.orientation == "h"
    # Plotly draws the first category at the bottom: the largest must come last
    assert bar.y == ("政府门户网站", "微信公众号", "微博", "部门网站")
    assert bar.x == (400.0, 500.0, 800.0, 3000.0)
    assert bar.text == ("400余", "500余", "800余", "3000余")
    assert bar.marker.color == (PALETTE[0], PALETTE[1], PALETTE[1], PALETTE[0])
    assert fig.layout.annotations == ()
    assert fig.layout.title.text == "各渠道"
    english = channel_bar_figure(channel_items(dinghai, 2019, cat, "en"), lang="en")
    assert english.data[0].text[0] == "400+"


def test_channel_bar_not_reported_and_derived(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", None, channel="weibo"),
        row(2020, "items_published", 30, channel="gov_portal"),
        row(2020, "items_published", 20, channel="dept_site", category="通知公告"),
        row(2020, "items_published", 25, channel="dept_site", category="教育动态"),
    )
    fig = channel_bar_figure(channel_items(facts, 2020, cat))
    bar = fig.data[0]
    assert bar.y == ("微博", "政府门户网站", "部门网站")
    assert bar.x[0] is None  # no bar, and certainly not a bar of 0
    assert bar.text[2] == "45余（分项合计）"
    assert bar.text[1] == "30"
    notes = fig.layout.annotations
    assert [(a.text, a.y, a.x) for a in notes] == [("未报告", "微博", 0)]
    english = channel_bar_figure(channel_items(facts, 2020, cat, "en"), lang="en")
    assert annotation_texts(english) == ["not reported"]
    assert english.data[0].text[2] == "45+ (sum of parts)"


def test_category_bars_grouped_by_channel(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    categories = channel_categories(dinghai, 2019, cat)
    fig = category_figure(categories)
    assert [t.type for t in fig.data] == ["bar", "bar"]
    by_channel = {t.name: t for t in fig.data}
    portal, site = by_channel["政府门户网站"], by_channel["部门网站"]
    # Multi-category axis: (channel, category) pairs, largest category on top (last drawn).
    assert list(site.y[0]) == ["部门网站"] * 7
    assert site.y[1][-1] == "校园采风"
    assert site.x[-1] == 2255.0
    assert dict(zip(portal.y[1], portal.text, strict=True))["政务动态"] == "153"
    assert portal.orientation == "h"
    assert portal.textangle == 0
    assert {portal.marker.color, site.marker.color} <= set(PALETTE)


def test_category_bars_leave_out_missing_parts() -> None:
    data = pl.DataFrame(
        {
            "channel": ["weibo", "weibo", "weibo"],
            "name": ["微博", "微博", "微博"],
            "category": ["动态", "通知", "转载"],
            "value": [12.0, None, 0.0],
            "qualifier": ["exact", "not_reported", "exact"],
            "text": ["12", "未报告", "0"],
        }
    )
    bars = category_figure(data).data[0]
    assert list(bars.y[1]) == ["转载", "动态"]
    assert list(bars.x) == [0.0, 12.0]


# ── trend ───────────────────────────────────────────────────────────────────────────────────


def test_trend_of_one_year_is_bars(cat: Catalogue) -> None:
    facts = frame(
        row(2023, "items_published", 36, channel="gov_portal"),
        row(2023, "items_published", 458, "at_least", channel="wechat"),
    )
    fig = trend_figure(channel_trend(facts, cat))
    assert [t.type for t in fig.data] == ["bar", "bar"]
    by_name = {t.name: t for t in fig.data}
    assert by_name["微信公众号"].x == ("2023",)
    assert by_name["微信公众号"].y == (458.0,)
    assert by_name["微信公众号"].text == ("458余",)
    assert by_name["政府门户网站"].y == (36.0,)
    assert fig.layout.xaxis.tickvals is None


def test_trend_over_years_is_lines_with_real_spacing(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 1200, "at_least", channel="weibo"),
        row(2022, "items_published", 3848, channel="weibo"),
        row(2020, "items_published", 1525, channel="gov_portal"),
        row(2022, "items_published", 1351, channel="gov_portal"),
    )
    fig = trend_figure(channel_trend(facts, cat))
    assert [t.type for t in fig.data] == ["scatter", "scatter"]
    weibo = next(t for t in fig.data if t.name == "微博")
    assert weibo.x == (2020, 2022)
    assert weibo.x[1] - weibo.x[0] == 2  # numeric years, not neighbouring categories
    assert weibo.y == (1200.0, 3848.0)
    # Two lines: only each line's last point is labelled; every value stays in the hover.
    assert weibo.text == ("", "3848")
    assert weibo.customdata == ("1200余", "3848")
    assert "text" in weibo.mode and "lines" in weibo.mode
    assert fig.layout.xaxis.tickvals == (2020, 2022)
    assert fig.layout.xaxis.ticktext == ("2020", "2022")
    assert fig.layout.xaxis.range == (2019.5, 2022.5)
    colours = {t.line.color for t in fig.data}
    assert colours == {PALETTE[0], PALETTE[1]}


def test_trend_percent_axis_and_null_values() -> None:
    data = pl.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "name": ["满意率"] * 3,
            "value": [96.0, None, 99.5],
            "text": ["96%", "未报告", "99.5%"],
        }
    )
    fig = trend_figure(data, percent=True)
    assert len(fig.data) == 1
    assert fig.data[0].x == (2020, 2022)
    assert None not in fig.data[0].y
    assert fig.layout.yaxis.ticksuffix == "%"
    assert fig.layout.yaxis.range == (0, 110)


# ── submissions, outcomes, share ────────────────────────────────────────────────────────────


def test_submissions_figure(dinghai: pl.DataFrame) -> None:
    fig = submissions_figure(submissions(dinghai, 2019))
    assert [(t.type, t.name) for t in fig.data] == [("bar", "报送"), ("bar", "录用")]
    sent, adopted = fig.data
    assert sent.orientation == "h"
    # First recipient on top: Plotly draws the first category at the bottom, so reversed.
    assert sent.y[-1] == "区政府（录用率53.3%）"
    assert sent.y[-2] == "省委"  # no rate without a submitted figure
    assert sent.x == (725.0, None, None, 30.0)
    assert sent.text == ("725", "未报告", "未报告", "30")
    assert adopted.x == (105.0, 5.0, 2.0, 16.0)
    missing = [a for a in fig.layout.annotations if a.text == "未报告"]
    assert sorted(a.y for a in missing) == ["市政府", "省委"]
    assert (sent.marker.color, adopted.marker.color) == (PALETTE[0], PALETTE[1])
    assert fig.layout.barmode == "group"
    english = submissions_figure(submissions(dinghai, 2019, "en"), lang="en")
    assert english.data[0].y[-1] == "区政府 (53.3% adopted)"
    assert english.data[0].name == "Submitted"


def test_outcome_figure_keeps_form_order_top_down(cat: Catalogue) -> None:
    facts = frame(
        row(2022, "requests_unavailable", 11),
        row(2022, "requests_disclosed", 5),
        row(2022, "requests_refused", 1, "approx"),
    )
    fig = outcome_figure(outcome_text(outcomes(facts, 2022, cat), cat))
    bar = fig.data[0]
    assert (bar.type, bar.orientation) == ("bar", "h")
    assert bar.y == ("无法提供", "不予公开", "予以公开")  # 予以公开 drawn on top
    assert bar.x == (11.0, 1.0, 5.0)
    assert bar.text == ("11", "约1", "5")


@pytest.mark.parametrize(
    ("approximate", "lang", "label"),
    [(True, "zh", "约28%"), (True, "en", "~28%"), (False, "zh", "28%")],
)
def test_share_figure(approximate: bool, lang: str, label: str) -> None:
    fig = share_figure(27.66, approximate=approximate, lang=lang)
    pie = fig.data[0]
    assert pie.type == "pie"
    assert pie.values == pytest.approx((27.66, 72.34))
    assert pie.labels[0] == ("新媒体" if lang == "zh" else "New media")
    assert pie.marker.colors[0] == PALETTE[1]
    assert annotation_texts(fig) == [label]


# ── hotline and rates ───────────────────────────────────────────────────────────────────────


def test_hotline_figure_bars_rate_and_target(dinghai: pl.DataFrame) -> None:
    fig = hotline_figure(hotline_years(dinghai))
    assert [t.type for t in fig.data] == ["bar", "bar", "scatter", "scatter"]
    received, closed, rate, target = fig.data
    assert received.x == ("2019",)
    assert received.y == (111.0,)
    assert closed.y == (111.0,)  # derived from 111 received at 100%
    assert closed.text == ("111",)
    assert rate.yaxis == "y2"
    assert rate.y == (100.0,)
    assert rate.text == ("100%",)
    assert target.yaxis == "y2"
    assert target.y == (100,)
    assert target.line.dash == "dash"
    assert fig.layout.yaxis2.overlaying == "y"
    assert fig.layout.yaxis2.range == (0, 115)
    assert fig.layout.yaxis2.ticksuffix == "%"
    assert {received.name, closed.name, rate.name, target.name} == {
        "受理件数",
        "办结件数",
        "办结率",
        "目标 100%",
    }


def test_series_names_in_english(dinghai: pl.DataFrame) -> None:
    fig = hotline_figure(hotline_years(dinghai, "en"), lang="en")
    assert [t.name for t in fig.data] == ["Received", "Closed", "Closure rate", "Target 100%"]
    fig = submissions_figure(submissions(dinghai, 2019, "en"), lang="en")
    assert [t.name for t in fig.data] == ["Submitted", "Adopted"]
    fig = share_figure(27.66, approximate=False, lang="en")
    assert fig.data[0].labels == ("New media", "Other channels")
    assert annotation_texts(fig) == ["28%"]


def test_hotline_figure_without_rates_has_no_rate_axis_traces() -> None:
    facts = frame(
        row(2023, "hotline_received", 8876, channel="hotline_12345"),
        row(2025, "hotline_received", 9000, "at_least", channel="hotline_12345"),
    )
    fig = hotline_figure(hotline_years(facts, "en"), lang="en")
    # Cases closed never given: no empty series (issue 10 §4); the numbers table says so.
    assert [t.type for t in fig.data] == ["bar"]
    (received,) = fig.data
    assert received.x == ("2023", "2025")
    assert received.text == ("8,876", "9,000+")
    assert fig.layout.showlegend is True  # the single series is named


def test_rate_figure(dinghai: pl.DataFrame) -> None:
    data = pl.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "satisfaction": [97.5, None, 99.0],
            "satisfaction_text": ["97.5%", "未报告", "99%"],
        }
    )
    fig = rate_figure(data, column="satisfaction")
    assert len(fig.data) == 1
    points = fig.data[0]
    assert points.type == "scatter"
    assert points.x == ("2020", "2022")
    assert points.y == (97.5, 99.0)
    assert points.text == ("97.5%", "99%")
    assert [s.y0 for s in fig.layout.shapes] == [100]
    assert fig.layout.yaxis.range == (0, 115)
    # Dinghai reports no satisfaction rate at all
    assert_no_data(rate_figure(hotline_years(dinghai), column="satisfaction"), "暂无相关数据")


# ── grouped bars ────────────────────────────────────────────────────────────────────────────


def test_grouped_bars_all_not_reported(dinghai: pl.DataFrame, cat: Catalogue) -> None:
    fig = grouped_bar_figure(recruitment_years(dinghai, cat), x="name", group="metric_name")
    assert [(t.type, t.name) for t in fig.data] == [
        ("bar", "招聘公告条数"),
        ("bar", "拟聘用公示条数"),
    ]
    assert all(v is None for t in fig.data for v in t.y)  # no bar height at all
    notes = fig.layout.annotations
    assert {a.text for a in notes} == {"未报告"}
    assert sorted(a.x for a in notes) == sorted(["人社部门网站", "部门网站"])
    assert all(a.y == 0 for a in notes)
    # with nothing to scale to, the axis shows no invented numbers
    assert fig.layout.yaxis.range == (0, 1)
    assert fig.layout.yaxis.showticklabels is False
    english = grouped_bar_figure(
        recruitment_years(dinghai, cat, "en"), x="name", group="metric_name", lang="en"
    )
    assert {a.text for a in english.layout.annotations} == {"not reported"}


def test_grouped_bars_mixed_values() -> None:
    data = pl.DataFrame(
        {
            "year": [2020, 2021, 2020, 2021],
            "name": ["部门网站", "部门网站", "人社部门网站", "人社部门网站"],
            "value": [4.0, None, 2.0, 3.0],
            "text": ["约4", "未报告", "2", "3"],
        }
    )
    fig = grouped_bar_figure(data, x="year", group="name")
    site, hr = fig.data
    assert site.x == ("2020", "2021")
    assert site.y == (4.0, None)
    assert site.text == ("约4", "未报告")
    assert hr.y == (2.0, 3.0)
    assert (site.marker.color, hr.marker.color) == (PALETTE[0], PALETTE[1])
    assert [(a.text, a.x) for a in fig.layout.annotations] == [("未报告", "2021")]
    assert fig.layout.yaxis.range is None  # scaled to the real bars
    assert fig.layout.barmode == "group"


def test_single_line_trend_labels_every_point(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 1200, "at_least", channel="weibo"),
        row(2022, "items_published", 3848, channel="weibo"),
    )
    (weibo,) = trend_figure(channel_trend(facts, cat)).data
    assert weibo.text == ("1200余", "3848")


def test_close_line_ends_get_labels_above_and_below(cat: Catalogue) -> None:
    facts = frame(
        row(2020, "items_published", 1400, channel="wechat"),
        row(2022, "items_published", 1419, channel="wechat"),
        row(2020, "items_published", 1525, channel="gov_portal"),
        row(2022, "items_published", 1351, channel="gov_portal"),
    )
    fig = trend_figure(channel_trend(facts, cat))
    positions = {t.name: t.textposition for t in fig.data}
    assert positions == {"微信公众号": "top center", "政府门户网站": "bottom center"}


# ── text from data is text ───────────────────────────────────────────────────────────────────


def test_text_from_data_is_never_plotly_markup(cat: Catalogue) -> None:
    """Channel, category and recipient names that are Plotly markup (`<a href>`, `<img>`) reach
    trace names, tick labels, text labels and hover templates escaped: nothing in the figure is
    markup, and each shows as typed (Plotly decodes &lt; &gt; &amp;)."""
    facts = hostile.facts(cat)
    p = hostile.payloads()
    recruitment = recruitment_years(facts, cat).with_columns(
        (pl.col("metric_name") + " · " + pl.col("name")).alias("series")
    )
    hotline = hotline_years(facts)
    with_names = {
        "channels": channel_bar_figure(channel_items(facts, 2021, cat), title=hostile.agency()),
        "categories": category_figure(channel_categories(facts, 2021, cat)),
        "trend": trend_figure(channel_trend(facts, cat)),
        "one_year": trend_figure(channel_trend(facts.filter(pl.col("year") == 2021), cat)),
        "submissions": submissions_figure(submissions(facts, 2021)),
        "recruitment": grouped_bar_figure(recruitment, x="year", group="series"),
        "empty": empty_figure(p["html_image"]),
    }
    others = {
        "hotline": hotline_figure(hotline),
        "rate": rate_figure(hotline, column="closure_rate"),
        "outcomes": outcome_figure(outcome_text(outcomes(facts, 2021, cat), cat)),
    }
    for name, fig in {**with_names, **others}.items():
        assert hostile.plotly_markup(fig.to_json()) == [], name
    for name, fig in with_names.items():
        shown = {html.unescape(s) for s in hostile.strings(json.loads(fig.to_json()))}
        assert any("127.0.0.2" in s and ("<a " in s or "<img" in s) for s in shown), name
    bars = with_names["channels"].data[0]
    assert '&lt;a href="http://127.0.0.2:9/a"&gt;x&lt;/a&gt;' in bars.y  # a channel, escaped…
    assert p["html_link"] in {html.unescape(y) for y in bars.y}  # …shown as typed
    assert with_names["channels"].layout.title.text == html.escape(hostile.agency(), quote=False)
    typed = "A&lt;B"  # text that looks like an entity is shown as typed too
    assert html.unescape(plotly_text(typed)) == typed
