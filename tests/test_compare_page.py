"""AppTest of /compare: the figure, year and group from the URL and back into it, the ranking
with qualifiers, the chosen agency's place, who has reported, the directory upload for editors,
and the compare slide that /present opens from the page's link."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.bench_compare import REGIONS, build_compare_store
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import validate_file
from dashboard.platform.auth import Actor, Role
from dashboard.store.compare import DirectoryEntry, directory, replace_directory
from dashboard.store.database import Store
from tests import hostile
from tests.test_text_safety import dataframe_texts, markdown_sources

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EDITOR = Actor("alice", Role.EDITOR)
AGENCY = "合成单位0006"  # in 东城区 (every fifth generated agency, from the first)


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """30 generated agencies × 3 years (some reports missing) with a directory, and one more
    agency whose WeChat figure is written 400余."""
    store = build_compare_store(sqlite_url, 30, 3, first_year=2020)
    bound = Fact("带余局", 2022, "items_published", "gov_portal", None, 400, Qualifier.AT_LEAST)
    # 2021: the all-channel total a report states, and the portal's figure.
    total = Fact("带余局", 2021, "items_published", None, None, 1000, Qualifier.EXACT)
    portal = Fact("带余局", 2021, "items_published", "gov_portal", None, 300, Qualifier.EXACT)
    store.commit(
        [Dataset("带余局", 2022, [bound]), Dataset("带余局", 2021, [total, portal])], user="test"
    )
    store.close()
    return sqlite_url


def open_compare(actor: Actor | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    if actor is not None:
        at.session_state["actor"] = actor
    at.run()
    return at.switch_page("views/compare.py").run()


def chart(at: AppTest, index: int) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def select(at: AppTest, key: str) -> Any:
    return next(s for s in at.selectbox if s.key == key)


def table_text(table: Any) -> str:
    """Every cell of an st.table (AppTest gives it as a pandas frame), as one text."""
    return " ".join(str(v) for v in table.value.to_numpy().ravel())


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_the_page_ranks_places_and_shows_who_reported(db_url: str) -> None:
    at = open_compare(agency=AGENCY, year="2022")
    assert not at.exception, at.exception
    assert at.title[0].value == "单位对比"
    assert len(at.get("plotly_chart")) == 4  # ranking, distribution, per year, matrix
    # The first headline the 2022 reports give: portal items (no report states a total).
    assert select(at, "compare_metric").value == "items_published"
    assert select(at, "compare_slice_items_published").value.channel == "gov_portal"
    # (the default figure of a link that names none stays out of the address: one write)
    assert "metric" not in at.query_params
    assert at.query_params["year"] == "2022"
    values = metric_values(at)
    assert values["排名"].startswith("第 ") and values["排名"].endswith(" / 29")
    ranking = chart(at, 0)["data"][0]
    labels = [y.split(". ", 1)[1] for y in ranking["y"]]
    assert AGENCY in labels  # the chosen agency is on the chart wherever it ranks
    mine = labels.index(AGENCY)
    assert ranking["marker"]["color"][mine] == "#E69F00"
    matrix = chart(at, 3)["data"][0]
    assert "▶ 合成单位0006" in matrix["y"]
    # 28 generated agencies and 带余局 report 2022 (agencies 0013 and 0028 skip it);
    # 30 generated, 带余局 and the two listed agencies that never reported make 33.
    assert any("共 33 个单位" in c.value for c in at.caption)


def test_qualified_figures_keep_their_words(db_url: str) -> None:
    at = open_compare(agency="带余局", year="2022")
    assert not at.exception
    values = metric_values(at)
    assert values["带余局"] == "400余"
    ranking = chart(at, 0)["data"][0]
    mine = [y.split(". ", 1)[1] for y in ranking["y"]].index("带余局")
    assert ranking["text"][mine] == "400余"
    assert ranking["marker"]["pattern"]["shape"][mine] == "/"
    table = next(d.value for d in at.dataframe if "排序所用数字" in d.value.columns)
    row = table[table["单位"] == "带余局"].iloc[0]
    assert (row["数值"], row["排序所用数字"]) == ("400余", 400)


def test_the_link_chooses_figure_slice_and_group(db_url: str) -> None:
    group = f"region:{REGIONS[0]}"
    at = open_compare(
        agency=AGENCY, year="2021", metric="items_published", channel="wechat", group=group
    )
    assert not at.exception
    assert select(at, "compare_group").value == group
    assert select(at, "compare_slice_items_published").value.channel == "wechat"
    ranking = chart(at, 0)["data"][0]
    names = {y.split(". ", 1)[1] for y in ranking["y"]}
    # Only the region's agencies: every fifth generated one, from the first.
    assert names and all(int(n[-4:]) % 5 == 1 for n in names)
    assert at.query_params["group"] == group
    assert at.query_params["channel"] == "wechat"
    # Choosing every agency again takes the group out of the URL.
    select(at, "compare_group").set_value("").run()
    assert "group" not in at.query_params
    assert len({y for y in chart(at, 0)["data"][0]["y"]}) >= 10


def test_the_slice_survives_the_link(db_url: str) -> None:
    # 2021: one report states the all-channel total, the first headline: the default figure.
    at = open_compare(agency="带余局", year="2021")
    assert not at.exception
    assert select(at, "compare_slice_items_published").value.channel is None
    assert metric_values(at)["带余局"] == "1000"
    assert "channel" not in at.query_params  # the default: a short link
    portal = next(o for o in select(at, "compare_slice_items_published").options if "门户" in o)
    select(at, "compare_slice_items_published").set_value(portal).run()
    assert at.query_params["channel"] == "gov_portal"
    assert metric_values(at)["带余局"] == "300"
    # The link names the portal: a new session shows it; `-` names the total.
    again = open_compare(
        agency="带余局", year="2021", metric="items_published", channel="gov_portal"
    )
    assert select(again, "compare_slice_items_published").value.channel == "gov_portal"
    total = open_compare(agency="带余局", year="2021", metric="items_published", channel="-")
    assert select(total, "compare_slice_items_published").value.channel is None


def test_choosing_a_figure_writes_the_url(db_url: str) -> None:
    at = open_compare(agency=AGENCY, year="2022")
    select(at, "compare_metric").set_value("hotline_received").run()
    assert not at.exception
    assert at.query_params["metric"] == "hotline_received"
    # Its own figure (the 12345 line, the metric's default channel): no channel in the link.
    assert "channel" not in at.query_params
    assert chart(at, 0)["data"][0]["x"]


def test_english_and_an_unknown_group(db_url: str) -> None:
    at = open_compare(agency=AGENCY, year="2022", lang="en", group="region:火星")
    assert not at.exception
    assert at.title[0].value == "Compare agencies"
    assert all(s.label.isascii() for s in at.selectbox)
    assert "火星" in at.warning[0].value
    assert select(at, "compare_group").value == ""
    assert "group" not in at.query_params


def test_search_finds_an_agency_and_its_rank(db_url: str) -> None:
    at = open_compare(agency=AGENCY, year="2022")
    next(t for t in at.text_input if t.key == "compare_search").input("0012").run()
    found = next(d.value for d in at.dataframe if len(d.value) == 1 and "名次" in d.value.columns)
    assert found.iloc[0]["单位"] == "合成单位0012"
    next(t for t in at.text_input if t.key == "compare_search").input("没有这个").run()
    assert any("没有名称包含" in c.value for c in at.caption)


def test_matrix_only_missing_and_pages(db_url: str) -> None:
    at = open_compare(agency=AGENCY, year="2022")
    next(c for c in at.checkbox if c.key == "compare_missing_only").check().run()
    assert not at.exception
    grid = chart(at, 3)["data"][0]
    assert all(row[-1] == 0 for row in grid["z"])  # none has a 2022 report


def test_matrix_pages(sqlite_url: str) -> None:
    build_compare_store(sqlite_url, 100, 2, first_year=2021).close()
    at = open_compare(agency=AGENCY, year="2022")
    page_input = next(n for n in at.number_input if n.key.startswith("compare_matrix_page"))
    assert page_input.label == "页码（共 3 页）"  # 102 agencies, 40 a page
    page_input.set_value(3).run()
    assert not at.exception
    names = chart(at, 3)["data"][0]["y"]
    assert len(names) == 22 and "合成单位0081" in names  # agencies 81–102 by name
    assert any("第 81–102 个，共 102 个单位" in c.value for c in at.caption)


def test_editors_upload_the_directory(db_url: str) -> None:
    viewer = open_compare(agency=AGENCY, year="2022")
    assert not [u for u in viewer.file_uploader]
    at = open_compare(EDITOR, agency=AGENCY, year="2022")
    uploader = at.file_uploader[0]
    content = "单位,上级单位,地区,类型\n合成单位0006,新局,新区,教育\n新单位,新局,新区,教育\n"
    uploader.set_value(("名录.csv", content.encode("utf-8"), "text/csv")).run()
    assert not at.exception
    assert any("新增 1 个，修改 1 个，移除 31 个" in m.value for m in at.markdown)
    assert any("还没有任何年度数据" in table_text(t) for t in at.table)  # 新单位: a warning
    next(b for b in at.button if b.key == "directory_save_0").click().run()
    assert not at.exception
    assert directory_names(db_url) == ["合成单位0006", "新单位"]
    assert any("已保存单位名录：2 个单位" in s.value for s in at.success)
    select(at, "compare_group").set_value("region:新区").run()
    assert not at.exception
    names = [y.split(". ", 1)[1] for y in chart(at, 0)["data"][0]["y"]]
    assert names == ["合成单位0006"]  # 新单位 has no report to rank


def test_a_bad_directory_is_reported_and_not_saved(db_url: str) -> None:
    at = open_compare(EDITOR, agency=AGENCY, year="2022")
    content = "地区,类型\n东区,教育\n".encode()
    at.file_uploader[0].set_value(("bad.csv", content, "text/csv")).run()
    assert not at.exception
    assert at.error and "缺少必需的列“单位”" in table_text(at.table[0])
    assert not [b for b in at.button if b.key == "directory_save_0"]
    assert len(directory_names(db_url)) == 32  # the directory stored before is kept


def directory_names(url: str) -> list[str]:
    store = Store(url)
    try:
        return directory(store)["agency"].to_list()
    finally:
        store.close()


def test_present_opens_the_ranking_slide(db_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {
        "agency": AGENCY,
        "year": "2022",
        "metric": "items_published",
        "channel": "wechat",
        "slide": "2",
    }.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("views/present.py").run()
    assert not at.exception
    assert at.title[0].value == "发布信息条数（微信公众号）：各单位排名（2022年）"
    assert any(f"{AGENCY}" in m.value and "排第" in m.value for m in at.markdown)


@pytest.fixture
def hostile_url(sqlite_url: str, catalogue: Catalogue) -> str:
    """An agency whose name, channels and notes are Markdown, HTML, URLs and a formula, another
    plain one, and a directory whose groups are hostile text too."""
    store = Store(sqlite_url)
    report = validate_file(hostile.csv_bytes(), "hostile.csv", catalogue)
    assert report.ok
    store.commit(report.datasets, user="t")
    plain = Fact("普通局", 2021, "items_published", "gov_portal", None, 300, Qualifier.EXACT)
    store.commit([Dataset("普通局", 2021, [plain])], user="t")
    payload = hostile.payloads()
    entries = [
        DirectoryEntry(
            hostile.agency(), parent=payload["link"], region=payload["html_link"], kind="教育"
        ),
        DirectoryEntry("普通局", parent=payload["link"], region=payload["html_link"]),
    ]
    replace_directory(store, entries, user="t")
    store.close()
    return sqlite_url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_is_shown_as_text(hostile_url: str, lang: str) -> None:
    group = f"region:{hostile.payloads()['html_link']}"
    at = open_compare(agency=hostile.agency(), year="2021", lang=lang, group=group)
    assert not at.exception, at.exception
    assert select(at, "compare_group").value == group  # the hostile group itself works
    sources = markdown_sources(at)
    assert {s: hostile.unsafe_markdown(s) for s in sources if hostile.unsafe_markdown(s)} == {}
    assert [v for v in dataframe_texts(at) if v.startswith(("=", "+", "-", "@"))] == []
    # Plotly markup: only the line breaks the axis puts between escaped parts of a long name.
    drawn = [s for c in at.get("plotly_chart") for s in hostile.strings(json.loads(c.proto.spec))]
    assert [s for s in drawn if hostile.PLOTLY_MARKUP.search(s.replace("<br>", ""))] == []
    # The hostile name is really there (escaped), on the ranking and in the place card.
    names = " ".join(chart(at, 0)["data"][0]["customdata"])
    assert "&lt;a href=" in names
    assert hostile.payloads()["html_link"] in hostile.shown(" ".join(sources))
