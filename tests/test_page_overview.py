"""AppTest of the overview page: a fresh store is seeded, figures keep their qualifiers."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.core.catalogue import Catalogue
from dashboard.core.store import Store
from dashboard.core.validate import validate_file
from tests.conftest import csv_bytes

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_fresh_store_is_seeded_and_headlines_keep_qualifiers(db_url: str) -> None:
    at = run_app()
    assert not at.exception
    values = metric_values(at)
    assert values["门户网站发布信息"] == "400余条"
    assert values["部门网站发布信息"] == "3000余条"
    assert values["微博发布"] == "800余条"
    assert values["12345热线受理"] == "111件"
    assert values["12345热线办结率"] == "100%"
    assert values["依申请公开新收申请"] == "0件"
    assert at.title[0].value == "政务公开数据看板"
    assert "定海区教育局" in at.subheader[0].value
    assert Store(db_url).history()[0].action == "sample"


def test_english_from_query_string(db_url: str) -> None:
    at = run_app(lang="en")
    assert not at.exception
    values = metric_values(at)
    assert values["Portal items"] == "400+"
    assert values["12345 cases"] == "111"
    assert at.subheader[0].value.endswith("Key figures, 2019")


def test_missing_figure_reads_not_reported(db_url: str, catalogue: Catalogue) -> None:
    store = Store(db_url)
    report = validate_file(
        csv_bytes("2020,测试局,发布信息条数,微博,,120,", "2020,测试局,热线受理件数,12345,,9,"),
        "t.csv",
        catalogue,
    )
    store.commit(report.datasets, user="t")
    at = run_app(agency="测试局", year="2020")
    assert not at.exception
    values = metric_values(at)
    assert values["微博发布"] == "120条"
    assert values["门户网站发布信息"] == "未报告"
    assert values["12345热线办结率"] == "未报告"


def test_all_figures_table_lists_notes_as_plain_text(db_url: str, catalogue: Catalogue) -> None:
    store = Store(db_url)
    report = validate_file(
        csv_bytes("2021,测试局,专题会议次数,,,3,<b>粗体</b> **星号**"), "t.csv", catalogue
    )
    store.commit(report.datasets, user="t")
    at = run_app(agency="测试局")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["note"]) == ["<b>粗体</b> **星号**"]
    assert list(table["value"]) == ["3"]


def test_latest_year_by_default_and_year_from_url(db_url: str, catalogue: Catalogue) -> None:
    store = Store(db_url)
    report = validate_file(
        csv_bytes("2019,测试局,发布信息条数,微博,,100,", "2020,测试局,发布信息条数,微博,,200余,"),
        "t.csv",
        catalogue,
    )
    store.commit(report.datasets, user="t")
    latest = run_app(agency="测试局")
    assert latest.sidebar.selectbox[2].value == "2020"
    assert metric_values(latest)["微博发布"] == "200余条"
    older = run_app(agency="测试局", year="2019")
    assert not older.exception
    assert metric_values(older)["微博发布"] == "100条"
