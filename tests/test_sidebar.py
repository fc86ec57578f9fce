"""The sidebar's agency selector (components/filters.py), in AppTests of the whole app.

Up to AGENCIES_LISTED agencies it offers them all, as always. In a store of more (a province:
10,000) sending every name to the browser on every rerun of every page would be a cost growing
with the store: it then offers the chosen agency and what a search box finds (at most
AGENCIES_FOUND), while the URL (`?agency=…`) and the session keep the choice.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import synthetic_datasets
from components.data import get_store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
SAMPLE_AGENCY = "定海区教育局"  # the sample's default agency (one year, 2019)
OTHER_AGENCY = "杭州市教育局"  # another sample agency, several years
SAMPLE_AGENCIES = 5
# components/filters.py's AGENCIES_LISTED and AGENCIES_FOUND, written out: the test can fail.
AGENCIES_LISTED = 200
AGENCIES_FOUND = 50
MANY = AGENCIES_LISTED + 5  # synthetic agencies added to the sample's


def opened(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def many_agencies(sqlite_url: str) -> AppTest:
    """The app on the sample agency, then a store of MANY + 5 agencies (two years each)."""
    at = opened(agency=SAMPLE_AGENCY)
    get_store(sqlite_url).commit(list(synthetic_datasets(MANY, 2)), user="t")
    return at.run()


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.sidebar.caption]


def test_a_small_store_lists_every_agency_and_no_search(sqlite_url: str) -> None:
    at = opened(agency=OTHER_AGENCY)
    assert not at.exception, at.exception
    agency = at.sidebar.selectbox(key="agency")
    assert len(agency.options) == SAMPLE_AGENCIES
    assert SAMPLE_AGENCY in agency.options and agency.value == OTHER_AGENCY
    assert not [w for w in at.sidebar.text_input if w.key == "agency_search"]
    agency.select(SAMPLE_AGENCY).run()
    assert at.sidebar.selectbox(key="agency").value == SAMPLE_AGENCY
    assert at.query_params["agency"] == SAMPLE_AGENCY


def test_a_store_of_many_offers_the_chosen_agency_and_a_search(sqlite_url: str) -> None:
    at = many_agencies(sqlite_url)
    assert not at.exception, at.exception
    agency = at.sidebar.selectbox(key="agency")
    assert agency.options == [SAMPLE_AGENCY] and agency.value == SAMPLE_AGENCY
    search = at.sidebar.text_input(key="agency_search")
    assert search.label == "查找单位"

    search.input("0150").run()
    assert at.sidebar.selectbox(key="agency").options == [SAMPLE_AGENCY, "合成单位0150"]
    at.sidebar.selectbox(key="agency").select("合成单位0150").run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="agency").value == "合成单位0150"
    assert at.sidebar.selectbox(key="year").options == ["2016", "2015"]
    assert at.query_params["agency"] == "合成单位0150"

    # A wider search lists its first finds and says so; the chosen agency stays chosen.
    at.sidebar.text_input(key="agency_search").input("合成").run()
    agency = at.sidebar.selectbox(key="agency")
    assert agency.value == "合成单位0150"
    assert agency.options[:2] == ["合成单位0150", "合成单位0001"]
    assert len(agency.options) == 1 + AGENCIES_FOUND
    assert f"找到 {MANY} 个单位，列出前 {AGENCIES_FOUND} 个：请输入更多字。" in captions(at)

    # Text from the user is shown as typed.
    at.sidebar.text_input(key="agency_search").input("**无此单位**").run()
    assert "没有名称含“\\*\\*无此单位\\*\\*”的单位。" in captions(at)
    assert at.sidebar.selectbox(key="agency").options == ["合成单位0150"]

    # Cleared, and on another page: still the chosen agency.
    at.sidebar.text_input(key="agency_search").input("").run()
    at.switch_page("views/channels.py").run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="agency").value == "合成单位0150"
    assert at.sidebar.selectbox(key="agency").options == ["合成单位0150"]
    assert at.query_params["agency"] == "合成单位0150"


def test_a_link_to_an_agency_of_a_store_of_many_opens_it(sqlite_url: str) -> None:
    many_agencies(sqlite_url)
    at = opened(agency="合成单位0180", year="2015", lang="en")
    assert not at.exception, at.exception
    agency = at.sidebar.selectbox(key="agency")
    assert agency.options == ["合成单位0180"] and agency.value == "合成单位0180"
    assert at.sidebar.selectbox(key="year").value == "2015"
    search = at.sidebar.text_input(key="agency_search")
    assert search.label == "Find an agency"
    search.input("018").run()
    # 0018 and 0180–0189: all listed, so no "first 50" notice.
    assert not [c for c in captions(at) if "found" in c]
    assert at.sidebar.selectbox(key="agency").options == [
        "合成单位0180",
        "合成单位0018",
        *(f"合成单位{n:04d}" for n in range(181, 190)),
    ]
    # An agency the store does not hold: the default one, as in a small store.
    at = opened(agency="无此单位")
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="agency").value == SAMPLE_AGENCY
