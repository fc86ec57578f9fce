"""AppTest of every page: default view, another year, English, a one-year agency, a year with
figures missing — each without exception and showing the figures it should."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.domain.catalogue import Catalogue
from dashboard.ingest.validate import validate_file
from dashboard.store.database import Store
from tests.conftest import csv_bytes
from tests.hostile import shown

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
PAGES = ("overview", "channels", "new_media", "hotline", "recruitment", "requests", "data")
TITLES_ZH = {
    "overview": "总览",
    "channels": "发布渠道",
    "new_media": "新媒体",
    "hotline": "热线与互动",  # issue 10: the page gained the interaction section
    "recruitment": "招聘公示",
    "requests": "依申请公开",
    "data": "数据",
}
SCENARIOS = {
    "default": {},
    "another_year": {"agency": "杭州市教育局", "year": "2020"},
    "english": {"lang": "en"},
    "one_year_agency": {"agency": "定海区教育局"},
    "missing_figures": {"agency": "南京市栖霞区教育局", "year": "2023"},
}


def open_page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(f"views/{page}.py").run()


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_texts(at: AppTest) -> set[str]:
    """Every text label and annotation drawn in the page's charts."""
    found: set[str] = set()
    for spec in charts(at):
        for trace in spec["data"]:
            text = trace.get("text")
            if isinstance(text, list):
                found.update(str(t) for t in text if t is not None)
            elif text:
                found.add(str(text))
        found.update(a.get("text", "") for a in spec["layout"].get("annotations", []))
    return found


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(db_url: str, page: str, scenario: str) -> None:
    query = SCENARIOS[scenario]
    at = open_page(page, **query)
    assert not at.exception, at.exception
    title = at.title[0].value
    if query.get("lang") == "en":
        assert title != TITLES_ZH[page] and title.isascii()
    else:
        assert title == TITLES_ZH[page]
    if "agency" in query:
        assert at.session_state["agency"] == query["agency"]
    if "year" in query:
        assert at.session_state["year"] == query["year"]
    if page != "data":
        assert at.caption[0].value == f"{at.session_state['agency']} · {at.session_state['year']}"


def selected(at: AppTest) -> tuple[str, str]:
    return at.session_state["agency"], at.session_state["year"]


def test_default_view_is_the_configured_agency_and_its_latest_year(db_url: str) -> None:
    assert selected(open_page("overview")) == ("定海区教育局", "2019")
    assert selected(open_page("overview", agency="杭州市教育局")) == ("杭州市教育局", "2022")


def test_overview_headlines_keep_qualifiers(db_url: str) -> None:
    at = open_page("overview")
    values = {m.label: m.value for m in at.metric}
    assert values["门户网站发布信息"] == "400余条"
    assert values["部门网站发布信息"] == "3000余条"
    assert values["12345热线受理"] == "111件"
    assert values["12345热线办结率"] == "100%"
    summary = at.markdown
    assert any("400余条" in m.value and "111件" in m.value for m in summary)


def test_overview_in_english(db_url: str) -> None:
    at = open_page("overview", lang="en")
    values = {m.label: m.value for m in at.metric}
    assert values["Portal items"] == "400+"
    assert values["12345 cases"] == "111"


def test_overview_change_against_earlier_year(db_url: str) -> None:
    at = open_page("overview", agency="杭州市教育局", year="2022")
    deltas = {m.label: (m.proto.delta, m.proto.delta_description) for m in at.metric}
    # Weibo 1200余 (2020) → a 2022 figure: a change is shown, marked approximate and dated.
    delta, note = deltas["微博发布"]
    assert delta.startswith("+") and delta.endswith("%")
    assert note == "约，较2020年"


def test_missing_figures_read_not_reported(db_url: str) -> None:
    at = open_page("overview", agency="南京市栖霞区教育局", year="2023")
    values = {m.label: m.value for m in at.metric}
    # Given in 2025, not in 2023: the card is there and says so.
    assert values["12345热线受理"] == "未报告"
    # Never given by this agency: no card at all (issue 10), rather than one reading 未报告.
    assert "微博发布" not in values


def test_channels_page_shows_items_and_categories(db_url: str) -> None:
    at = open_page("channels")
    texts = chart_texts(at)
    assert {"400余", "3000余", "500余", "800余"} <= texts
    assert "2255" in texts  # 校园采风 within the bureau's own site
    submitted = charts(at)[3]["data"][0]
    assert "区政府（录用率53.3%）" in submitted["y"]


def test_new_media_page_trend_over_years(db_url: str) -> None:
    at = open_page("new_media", agency="杭州市教育局", year="2022")
    posts = charts(at)[0]
    assert all(trace["type"] == "scatter" for trace in posts["data"])
    assert posts["layout"]["xaxis"]["tickvals"] == [2020, 2022]


def test_hotline_page_derives_closed_cases(db_url: str) -> None:
    at = open_page("hotline")
    spec = charts(at)[0]
    bars = {trace["name"]: trace for trace in spec["data"]}
    assert bars["受理件数"]["y"] == [111]
    assert bars["办结件数"]["y"] == [111]
    assert bars["办结率"]["text"] == ["100%"]
    assert any("推算" in c.value for c in at.caption)


def test_hotline_page_without_figures(db_url: str) -> None:
    at = open_page("hotline", agency="杭州市教育局")
    # No empty chart: the page says plainly that the report gives no such figures.
    assert not charts(at)
    assert any("没有热线和政民互动的数据" in i.value for i in at.info)


def test_hotline_trend_spans_years_with_a_gap(db_url: str) -> None:
    at = open_page("hotline", agency="南京市栖霞区教育局", year="2023")
    bars = {trace["name"]: trace for trace in charts(at)[0]["data"]}
    assert bars["受理件数"]["x"] == ["2025"]
    assert bars["受理件数"]["text"] == ["8876"]


def test_recruitment_not_reported_is_not_zero(db_url: str) -> None:
    at = open_page("recruitment")
    assert not charts(at)  # nothing to draw: no count is given
    assert any("没有给出条数" in i.value for i in at.info)
    table = at.dataframe[0].value
    assert set(table["数值"]) == {"未报告"}
    assert "对招聘拟用教师按规定进行公示" in set(table["备注（报告原文）"])


def test_recruitment_counts_are_charted(db_url: str, catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes("2021,测试局,招聘公告条数,部门网站,,12,", "2021,测试局,招聘人数,,,30,"),
        "t.csv",
        catalogue,
    )
    Store(db_url).commit(report.datasets, user="t")
    at = open_page("recruitment", agency="测试局")
    assert {"12", "30"} <= chart_texts(at)


def test_recruitment_absent_for_agency_without_figures(db_url: str) -> None:
    at = open_page("recruitment", agency="杭州市教育局")
    assert any("没有招聘" in i.value for i in at.info)


def test_requests_page_official_table(db_url: str) -> None:
    at = open_page("requests")
    # The form is a text table (st.table), not a canvas grid: its figures are text on the page
    # (Markdown source, read here as shown).
    table = at.table[0].value.map(shown)
    table.columns = [shown(c) for c in table.columns]
    assert list(table.columns)[-1] == "总计"
    first = table.iloc[0]
    assert first["项目"] == "一、本年新收政府信息公开申请数量"
    assert first["总计"] == "0"
    assert table.iloc[5]["项目"] == "　1.属于国家秘密"  # nested as in the form
    # the form's cross-checks: declared in data/catalogue, worded by the formatting layer
    checks = at.dataframe[0].value
    assert list(checks["项目"]) == [
        "总计：一 + 二 = 三（七）+ 四",
        "总计：三（七）= （一）至（六）之和",
    ]
    english = open_page("requests", lang="en")
    assert shown(english.table[0].value.iloc[5]["Item"]) == "  1. State secret"
    assert english.dataframe[0].value["Item"].iloc[0] == "Total: 1 + 2 = 3(7) + 4"


def test_data_page_lists_and_filters_facts(db_url: str) -> None:
    at = open_page("data")
    # Opens on the agency chosen in the sidebar.
    table = at.dataframe[0].value
    assert set(table["单位"]) == {"定海区教育局"}
    assert len(table) == 32
    assert "400余" in set(table["数值"])
    at.multiselect(key="data_agency").unselect("定海区教育局").run()
    everything = at.dataframe[0].value
    assert len(everything) > 32
    assert "杭州市教育局" in set(everything["单位"])
    at.multiselect(key="data_section").select("hotline").run()
    assert not at.exception
    hotline = at.dataframe[0].value
    assert set(hotline["板块"]) == {"热线"}
    assert "111" in set(hotline["数值"])


def test_new_commit_is_seen_on_next_run(db_url: str, catalogue: Catalogue) -> None:
    first = open_page("overview")
    assert selected(first) == ("定海区教育局", "2019")
    report = validate_file(
        csv_bytes("2020,定海区教育局,发布信息条数,政府门户网站,,450余,"), "t.csv", catalogue
    )
    Store(db_url).commit(report.datasets, user="t")
    at = open_page("overview", agency="定海区教育局")
    assert selected(at) == ("定海区教育局", "2020")
    values = {m.label: m.value for m in at.metric}
    assert values["门户网站发布信息"] == "450余条"


def test_notes_from_files_stay_literal(db_url: str, catalogue: Catalogue) -> None:
    report = validate_file(
        csv_bytes("2021,测试局,专题会议次数,,,3,<b>粗体</b> **星号**"), "t.csv", catalogue
    )
    Store(db_url).commit(report.datasets, user="t")
    at = open_page("overview", agency="测试局")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "note" in d.value.columns)
    assert list(table["note"]) == ["<b>粗体</b> **星号**"]


@pytest.mark.parametrize("where", ["a_folder", "under_a_file"])
def test_an_unusable_store_is_explained_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    blocker = tmp_path / "blocker"
    if where == "a_folder":
        blocker.mkdir()  # the store path is a folder: SQLite cannot open it
        path = blocker
    else:
        blocker.write_text("x")  # the store's folder would have to be created under a file
        path = blocker / "store.sqlite"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{path}")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("看板暂时无法读取数据"), message
    assert "blocker" in message  # names the store
    assert not at.title  # no page is drawn on a store that cannot be read
