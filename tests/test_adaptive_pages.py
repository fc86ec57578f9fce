"""Issue 10 §4 and §5: pages and slides adapt to what an agency reports, and a new agency can
start in the app.

Key-figure cards are the agency's own; a total with categories shows as such; every stored figure
is written out, with its unit, on a page besides 数据; interaction has its section; empty states
do not contradict themselves; a housing bureau reads as a housing bureau; the template form takes
any agency and the upload names a new one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analytics.coverage import unshown_facts
from dashboard.analytics.headlines import choose_headlines, headline_points
from dashboard.charts.builders import hotline_figure, trend_figure
from dashboard.charts.projector import slide_figure
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import headlines, max_cards
from dashboard.i18n.pages import figure_with_unit
from dashboard.ingest.validate import validate_file
from dashboard.outputs.slides import build_deck
from dashboard.platform.auth import Actor, Role
from dashboard.platform.workflow import lookalike_agencies, new_agencies
from dashboard.store.database import Store
from tests.conftest import csv_bytes
from tests.factories import frame, row, sample_frame
from tests.hostile import shown

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
PAGES = ("overview", "channels", "new_media", "hotline", "recruitment", "requests")
EDITOR = Actor("alice", Role.EDITOR)

HOUSING = "某县住房和城乡建设局"
# A housing bureau's year as its staff would type it: a total with its parts and no channel
# split, interpretations, news reports, interaction, a hotline without cases closed, requests.
HOUSING_ROWS = (
    f"2024,{HOUSING},发布信息条数,,,215条,主动公开政府信息215条",
    f"2024,{HOUSING},发布信息条数,,重大项目建设信息,130条,其中重大项目建设信息130条",
    f"2024,{HOUSING},发布信息条数,,公开文件,17件,部门文件17件",
    f"2024,{HOUSING},政策解读篇数,,,5篇,",
    f"2024,{HOUSING},媒体报道篇数,,,12篇,",
    f"2024,{HOUSING},在线访谈期数,,,4期,",
    f"2024,{HOUSING},征集意见次数,,,3次,",
    f"2024,{HOUSING},留言办理件数,,,58件,",
    f"2024,{HOUSING},答复率,,,98.76%,",
    f"2024,{HOUSING},热线受理件数,12345,,1200余件,",
    f"2024,{HOUSING},新收申请数,,,9件,",
    f"2024,{HOUSING},予以公开,,,5件,",
    f"2024,{HOUSING},行政复议,,,1件,",
    f"2024,{HOUSING},行政诉讼,,,1件,",
    f"2024,{HOUSING},专题会议次数,,,2次,",
    f"2023,{HOUSING},发布信息条数,,,180条,",
)
SCHOOL_WORDS = ("教育", "学校", "学生", "教师", "校园", "school", "School", "teacher")


def commit(db_url: str, catalogue: Catalogue, *rows: str) -> None:
    report = validate_file(csv_bytes(*rows), "t.csv", catalogue)
    assert report.ok, report.flatten()
    Store(db_url).commit(report.datasets, user="t")


def open_page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(f"views/{page}.py").run()


def page_text(at: AppTest) -> str:
    """Every text a reader sees on the page (no chart labels, no canvas grid): markdown,
    captions, alerts, key-figure cards and text tables, as shown (escapes resolved)."""
    parts: list[str] = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning"):
        parts += [shown(str(e.value)) for e in at.get(kind)]
    parts += [f"{shown(m.label)} {shown(m.value)}" for m in at.metric]
    for table in at.table:
        parts += [shown(str(v)) for v in table.value.to_numpy().ravel()]
    return "\n".join(parts)


def cards(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.fixture
def housing(db_url: str, catalogue: Catalogue) -> str:
    commit(db_url, catalogue, *HOUSING_ROWS)
    return db_url


# ── key figures: the agency's own ───────────────────────────────────────────────────────────


def test_an_agency_with_three_figures_gets_three_cards(db_url: str, catalogue: Catalogue) -> None:
    commit(
        db_url,
        catalogue,
        "2025,东城区住房城市建设委,发布信息条数,政府门户网站,,58则,",
        "2025,东城区住房城市建设委,新收申请数,,,12件,",
        "2025,东城区住房城市建设委,专题会议次数,,,3次,",
    )
    at = open_page("overview", agency="东城区住房城市建设委")
    assert not at.exception
    assert cards(at) == {
        "门户网站发布信息": "58则",
        "依申请公开新收申请": "12件",
        "政务公开专题会议": "3次",
    }


def test_not_reported_only_for_a_figure_given_in_another_year(catalogue: Catalogue) -> None:
    facts = frame(
        row(2023, "items_published", 36, channel="gov_portal"),
        row(2025, "items_published", 26, channel="gov_portal"),
        row(2025, "hotline_received", 8876, channel="hotline_12345"),
    )
    points = {p.headline.zh: p for p in headline_points(facts, 2023, catalogue)}
    assert list(points) == ["门户网站发布信息", "12345热线受理"]
    assert points["12345热线受理"].value is None  # given in 2025: its card says 未报告
    assert "微博发布" not in points  # never given: no card


def test_cards_are_capped_and_this_year_comes_first(catalogue: Catalogue) -> None:
    candidates = headlines()
    # Every candidate given in 2020; only the last three given in 2021 as well.
    facts = frame(
        *(
            row(2020, h.metric, 1, channel=h.channel, category=h.category)
            for h in candidates
            if not catalogue.metrics[h.metric].is_percent
        ),
        *(row(2021, h.metric, 2, channel=h.channel, category=h.category) for h in candidates[-3:]),
    )
    chosen = choose_headlines(facts, 2021, candidates, max_cards())
    assert len(chosen) == max_cards() == 8
    assert set(candidates[-3:]) <= set(chosen)  # the year's own figures are never crowded out
    assert chosen == [h for h in candidates if h in chosen]  # in the priority order
    assert len(choose_headlines(facts, 2020, candidates, 3)) == 3


def test_the_seed_keeps_its_eight_cards(db_url: str) -> None:
    at = open_page("overview")
    assert list(cards(at)) == [
        "门户网站发布信息",
        "部门网站发布信息",
        "微信公众号推送",
        "微博发布",
        "12345热线受理",
        "12345热线办结率",
        "依申请公开新收申请",
        "政务公开专题会议",
    ]


# ── a total with its categories, no channel split ──────────────────────────────────────────


def test_total_and_categories_on_overview_channels_and_title_slide(
    housing: str, catalogue: Catalogue
) -> None:
    at = open_page("overview", agency=HOUSING)
    assert not at.exception
    assert cards(at)["主动公开信息"] == "215条"
    text = page_text(at)
    assert "主动公开政府信息215条" in text  # the summary
    categories = charts(at)[0]["data"]
    assert {"130", "17"} <= {str(t) for trace in categories for t in trace["text"]}
    assert any("主动公开信息分类" in m.value for m in at.markdown)

    channels = open_page("channels", agency=HOUSING)
    items, parts = charts(channels)[:2]
    assert items["data"][0]["y"] == ["全部渠道（合计）"]
    assert items["data"][0]["text"] == ["215"]
    assert "全部渠道（共215条）" in json.dumps(parts, ensure_ascii=False)

    deck = build_deck(Store(housing).current_facts(), HOUSING, 2024, catalogue)
    assert deck.slides[0].takeaway == "全年主动公开政府信息215条"
    channels_slide = next(s for s in deck.slides if s.id == "channels")
    assert channels_slide.categories == ("重大项目建设信息", "文件")
    assert channels_slide.takeaway == "其中重大项目建设信息最多，130条"


# ── every figure written out on a page besides 数据 ─────────────────────────────────────────


def _expected(facts: pl.DataFrame, catalogue: Catalogue) -> list[str]:
    """Each figure given, as a page writes it with its unit (`130条`, `98.76%`)."""
    out = []
    for r in facts.filter(pl.col("value").is_not_null()).iter_rows(named=True):
        metric = catalogue.metrics[r["metric"]]
        out.append(
            figure_with_unit(
                r["value"],
                r["qualifier"],
                percent=metric.is_percent,
                unit=r["unit"] or metric.unit,
                as_written=r["as_written"],
            )
        )
    return out


@pytest.mark.parametrize(
    ("agency", "year"), [(HOUSING, 2024), ("定海区教育局", 2019), ("杭州市教育局", 2020)]
)
def test_every_figure_of_the_year_is_written_out_with_its_unit(
    housing: str, catalogue: Catalogue, agency: str, year: int
) -> None:
    facts = Store(housing).current_facts()
    year_facts = facts.filter((pl.col("agency") == agency) & (pl.col("year") == year))
    texts = "\n".join(page_text(open_page(p, agency=agency, year=str(year))) for p in PAGES)
    missing = [f for f in _expected(year_facts, catalogue) if f not in texts]
    assert not missing, missing


def test_more_figures_lists_only_what_no_card_or_summary_names(
    housing: str, catalogue: Catalogue
) -> None:
    at = open_page("overview", agency=HOUSING)
    more = next(m.value for m in at.markdown if "复议诉讼" in m.value)
    assert "行政复议 1件" in shown(more) or "行政复议：1件" in shown(more)
    assert "215条" not in shown(more)  # on a card and in the summary already
    facts = Store(housing).current_facts().filter(pl.col("year") == 2024)
    rest = unshown_facts(facts, catalogue, [("items_published", None, None)])
    # the interaction figures are on their own cards (热线与互动), the parts are not
    assert "online_interviews" not in set(rest["metric"])
    assert rest.filter(pl.col("metric") == "items_published").height == 2


def test_the_seed_lists_its_categories_and_submissions_as_text(db_url: str) -> None:
    at = open_page("overview")
    text = page_text(at)
    assert "校园采风 2255条" in text
    assert "市教育网 725篇" in text
    assert "公开目录大类数" in text and "8类" in text


# ── interaction, hotline without cases closed, named series ─────────────────────────────────


def test_interaction_has_its_section_on_the_hotline_page(housing: str) -> None:
    at = open_page("hotline", agency=HOUSING)
    assert not at.exception
    assert at.title[0].value == "热线与互动"
    assert any(s.value == "政民互动" for s in at.subheader)
    values = set(cards(at).values())
    assert {"4期", "3次", "58件", "98.76%"} <= values


def test_hotline_chart_without_cases_closed(housing: str, catalogue: Catalogue) -> None:
    at = open_page("hotline", agency=HOUSING)
    spec = charts(at)[0]
    assert [t["name"] for t in spec["data"]] == ["受理件数"]  # no empty 办结件数 series
    assert spec["layout"]["showlegend"] is True  # the one series is named
    deck = build_deck(Store(housing).current_facts(), HOUSING, 2024, catalogue)
    slide = next(s for s in deck.slides if s.id == "hotline")
    assert [s.name for s in slide.series] == ["受理件数"]
    assert slide.title == "12345 热线受理"
    fig = slide_figure(slide, height=None)
    assert not fig.layout.annotations  # no floating 未报告 on a bare axis
    assert fig.layout.showlegend is True
    assert fig.layout.height is None and fig.layout.autosize is True  # fits the screen


def test_a_series_never_given_is_not_drawn() -> None:
    years = pl.DataFrame(
        {
            "year": [2025],
            "received": [8876.0],
            "received_text": ["8876"],
            "closed": [None],
            "closed_text": ["未报告"],
            "closure_rate": [None],
            "closure_rate_text": ["未报告"],
        },
        schema_overrides={"closed": pl.Float64, "closure_rate": pl.Float64},
    )
    fig = hotline_figure(years)
    assert [t.name for t in fig.data] == ["受理件数"]


def test_a_single_series_trend_names_its_channel() -> None:
    followers = pl.DataFrame(
        {"year": [2020, 2022], "name": ["微信公众号"] * 2, "value": [5e5, 9.01e5]}
    ).with_columns(pl.Series("text", ["逾50万", "90.1万"]))
    fig = trend_figure(followers)
    assert fig.layout.showlegend is True
    assert [t.name for t in fig.data] == ["微信公众号"]


def test_new_media_page_writes_each_account_s_figures(db_url: str) -> None:
    at = open_page("new_media", agency="杭州市教育局", year="2020")
    values = cards(at)
    # 逾50万 is "at least": how it is worded is the formatting layer's (逾50万 or 50余万)
    assert values["微信公众号 · 关注人数"] in ("逾50万人", "50余万人")
    assert values["微博 · 发布信息条数"] == "1200余条"


# ── empty states and slides ─────────────────────────────────────────────────────────────────


def test_no_card_says_no_figures_beside_a_note(db_url: str, catalogue: Catalogue) -> None:
    commit(db_url, catalogue, "2021,测试局,新收申请数,,,3,")
    for page in ("channels", "new_media", "hotline"):
        at = open_page(page, agency="测试局")
        assert not at.exception
        empty = [c for c in charts(at) if "暂无相关数据" in json.dumps(c, ensure_ascii=False)]
        # A card that has nothing to draw says so and nothing else (no "only one year so far").
        for caption in at.caption:
            assert "录入更多年度后" not in caption.value or not empty


def test_slides_with_nothing_to_show_are_left_out(catalogue: Catalogue) -> None:
    facts = frame(row(2021, "appeal_review", 1))
    assert [s.id for s in build_deck(facts, "测试局", 2021, catalogue).slides] == ["title"]
    seed = build_deck(sample_frame(catalogue), "定海区教育局", 2019, catalogue)
    assert "interaction" not in [s.id for s in seed.slides]  # the seed's deck is unchanged


def test_interaction_slide_lists_the_figures(housing: str, catalogue: Catalogue) -> None:
    deck = build_deck(Store(housing).current_facts(), HOUSING, 2024, catalogue)
    slide = next(s for s in deck.slides if s.id == "interaction")
    assert slide.chart is None
    assert "答复率98.76%" in slide.bullets
    assert "开展在线访谈4期" in slide.bullets


# ── a housing bureau reads as a housing bureau ──────────────────────────────────────────────


def test_a_housing_bureau_s_pages_and_slides_assume_no_school(
    housing: str, catalogue: Catalogue
) -> None:
    texts = [page_text(open_page(p, agency=HOUSING)) for p in PAGES]
    for lang in ("zh", "en"):
        deck = build_deck(Store(housing).current_facts(), HOUSING, 2024, catalogue, lang=lang)
        texts += [s.title for s in deck.slides] + [s.takeaway for s in deck.slides]
        texts += [b for s in deck.slides for b in s.bullets]
    found = [w for w in SCHOOL_WORDS for text in texts if w in text]
    assert not found, found


# ── §5: a new agency's staff start in the app ───────────────────────────────────────────────


def open_upload(db_url: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.session_state["actor"] = EDITOR
    at.run()
    return at.switch_page("views/data.py").run()


def test_template_form_offers_stored_agencies_and_takes_a_new_one(db_url: str) -> None:
    at = open_upload(db_url, agency="杭州市教育局")
    form = at.selectbox(key="template_agency")
    assert "定海区教育局" in form.options and "杭州市教育局" in form.options
    assert form.value == "杭州市教育局"  # the sidebar's agency first
    assert at.number_input(key="template_year_杭州市教育局").value == 2023  # its next year
    # Another name typed in: the form takes it (the browser sends it as a new option).
    form.options.append("东城区住房城市建设委")
    form.set_value("东城区住房城市建设委")
    at.run()
    assert not at.exception
    assert any("新单位：东城区住房城市建设委，将新建" in i.value for i in at.info)


def test_upload_warns_of_an_agency_new_to_the_store(db_url: str, catalogue: Catalogue) -> None:
    at = open_upload(db_url)
    content = csv_bytes("2024,东城区住房城市建设委,专题会议次数,,,3次,")
    at.file_uploader[0].set_value(("t.csv", content, "text/csv"))
    at.run()
    assert not at.exception
    assert any("新单位：东城区住房城市建设委，将新建" in w.value for w in at.warning)
    store = Store(db_url)
    report = validate_file(content, "t.csv", catalogue)
    assert new_agencies(report, store) == ["东城区住房城市建设委"]
    known = validate_file(csv_bytes("2024,定海区教育局,专题会议次数,,,3次,"), "t.csv", catalogue)
    assert new_agencies(known, store) == []


def test_upload_points_out_a_stored_agency_written_in_traditional_script(
    db_url: str, catalogue: Catalogue
) -> None:
    """杭州市余杭區教育局 is 杭州市余杭区教育局 copied from a traditional-script report: the page
    names the stored agency instead of only announcing a new one; the name is not changed."""
    at = open_upload(db_url)  # the seeded store holds 定海区教育局
    store = Store(db_url)
    content = csv_bytes(
        "2022,定海区 教育局,专题会议次数,,,3次,\n2022,定海區教育局,政策解读篇数,,,5篇,"
    )
    report = validate_file(content, "t.csv", catalogue)
    assert lookalike_agencies(report, store) == {
        "定海区 教育局": "定海区教育局",
        "定海區教育局": "定海区教育局",
    }
    # a short form, and the stored name without the places it puts first, are twins too
    short = validate_file(
        csv_bytes("2022,宁波市定海区教育局,专题会议次数,,,3次,"), "t.csv", catalogue
    )
    assert lookalike_agencies(short, store) == {"宁波市定海区教育局": "定海区教育局"}
    # a different agency, and the one stored, have no twin; 乾县 is never read as 干县
    other = validate_file(
        csv_bytes("2022,乾县教育局,专题会议次数,,,3次,\n2022,定海区教育局,专题会议次数,,,3次,"),
        "t.csv",
        catalogue,
    )
    assert lookalike_agencies(other, store) == {}
    at.file_uploader[0].set_value(("t.csv", content, "text/csv"))
    at.run()
    assert not at.exception
    texts = [w.value for w in at.warning]
    assert any("定海區教育局" in w and "另一种写法" in w and "定海区教育局" in w for w in texts)
    assert [d.agency for d in report.datasets] == ["定海区 教育局", "定海區教育局"]
