"""Reads sized to the page (dashboard/store/reads.py) and the app's caches on them.

Store-level tests run on a real SQLite file and on a real PostgreSQL database: each read equals
the old whole-store path (`Store.current_facts()`) filtered in Polars, and each change token
moves with a commit to its own data and not with a commit to anyone else's. The AppTests count
the SQL the app sends (a SQLAlchemy event listener on the store's engine) to show that after a
commit to one agency a page of another agency reads no facts at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import polars as pl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from benchmarks.synthetic import synthetic_datasets
from components.data import get_store, write_download
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import FACTS_SCHEMA, Dataset, Fact, frame_facts
from dashboard.domain.values import Qualifier
from dashboard.outputs.exporter import export_facts
from dashboard.platform.sample import seed_if_empty
from dashboard.store import reads
from dashboard.store.database import Store
from dashboard.store.reads import FactFilter

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
SAMPLE_AGENCY = "定海区教育局"  # the sample's default agency (one year, 2019)
OTHER_AGENCY = "杭州市教育局"  # another sample agency, several years
SYNTHETIC = "合成单位0002"
# dashboard/views/data.py's AGENCIES_LISTED and AGENCIES_FOUND (a page module runs when imported).
AGENCIES_LISTED = 200
AGENCIES_FOUND = 50


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """This module's store tests: SQLite, then PostgreSQL."""
    return any_db_url


@pytest.fixture
def filled(store: Store, catalogue: Catalogue) -> Store:
    """The sample (qualifiers, notes, blank channels) and 3 synthetic agencies × 3 years."""
    seed_if_empty(store, catalogue)
    store.commit(list(synthetic_datasets(3, 3)), user="t")
    return store


def one_fact(agency: str, year: int, value: float, metric: str = "meetings") -> Dataset:
    return Dataset(
        agency, year, [Fact(agency, year, metric, None, None, value, Qualifier.EXACT, None)]
    )


def old_path(store: Store, filters: FactFilter) -> pl.DataFrame:
    """What the app did before: every current fact, then filtered in Polars."""
    frame = store.current_facts()
    for column, wanted in (
        ("agency", filters.agencies),
        ("year", filters.years),
        ("metric", filters.metrics),
        ("channel", filters.channels),
    ):
        if wanted is not None:
            frame = frame.filter(pl.col(column).is_in(list(wanted)))
    return frame


FILTERS = {
    "everything": FactFilter(),
    "one_agency": FactFilter(agencies=(OTHER_AGENCY,)),
    "agencies_and_year": FactFilter(agencies=(OTHER_AGENCY, SYNTHETIC), years=(2016, 2020)),
    "metric": FactFilter(metrics=("items_published", "meetings")),
    "channel": FactFilter(channels=("wechat",)),
    "all_four": FactFilter(
        agencies=(SYNTHETIC,), years=(2017,), metrics=("items_published",), channels=("dept_site",)
    ),
    "nothing_matches": FactFilter(metrics=()),
    "unknown_agency": FactFilter(agencies=("无此单位",)),
}


def test_agency_facts_equal_the_whole_store_filtered(filled: Store) -> None:
    for agency in (SAMPLE_AGENCY, OTHER_AGENCY, SYNTHETIC):
        frame = reads.agency_facts(filled, agency)
        assert frame.schema == pl.Schema(FACTS_SCHEMA)
        assert frame.height > 0
        assert frame.equals(filled.current_facts().filter(pl.col("agency") == agency))
    # The sample keeps its qualifiers and words: the frame carries them as stored.
    sample = reads.agency_facts(filled, SAMPLE_AGENCY)
    assert "400余" in sample["as_written"].to_list()
    assert "at_least" in sample["qualifier"].to_list()


def test_an_unknown_agency_reads_an_empty_frame_of_the_schema(filled: Store) -> None:
    frame = reads.agency_facts(filled, "无此单位")
    assert frame.is_empty() and frame.schema == pl.Schema(FACTS_SCHEMA)


def test_agency_years_come_from_datasets_and_match_the_facts(filled: Store) -> None:
    facts = filled.current_facts()
    grouped = facts.group_by("agency").agg(pl.col("year").unique().sort(descending=True))
    expected = dict(sorted(zip(grouped["agency"], grouped["year"].to_list(), strict=True)))
    listed = reads.agency_years(filled)
    assert listed == expected
    assert list(listed) == sorted(listed)  # text order on both databases
    assert listed[SYNTHETIC] == [2017, 2016, 2015]


def test_an_empty_store_lists_nothing(store: Store) -> None:
    assert reads.agency_years(store) == {}
    assert reads.datasets_token(store) == (0, 0)
    assert reads.count_facts(store, FactFilter()) == 0
    assert reads.present_slots(store) == reads.SlotChoices()


@pytest.mark.parametrize("name", FILTERS)
def test_a_page_of_facts_is_the_old_path_filtered_and_limited(filled: Store, name: str) -> None:
    filters = FILTERS[name]
    expected = old_path(filled, filters)
    assert reads.count_facts(filled, filters) == expected.height
    for limit, offset in ((10_000, 0), (7, 0), (7, 5), (5, expected.height)):
        page = reads.facts_page(filled, filters, limit, offset)
        assert page.schema == pl.Schema(FACTS_SCHEMA)
        assert page.equals(expected.slice(offset, limit)), (limit, offset)


def test_filters_do_match_something(filled: Store) -> None:
    """The cases above are not all trivially empty."""
    heights = {name: old_path(filled, f).height for name, f in FILTERS.items()}
    assert heights["nothing_matches"] == heights["unknown_agency"] == 0
    assert all(heights[n] > 0 for n in heights if n not in ("nothing_matches", "unknown_agency"))
    assert heights["all_four"] < heights["one_agency"] < heights["everything"]


@pytest.mark.parametrize("name", ["everything", "agencies_and_year", "channel", "nothing_matches"])
def test_downloads_read_in_batches_and_lose_nothing(filled: Store, name: str) -> None:
    filters = FILTERS[name]
    batches = list(reads.iter_facts(filled, filters, batch_rows=40))
    assert all(0 < b.height <= 40 for b in batches)
    expected = old_path(filled, filters)
    if expected.is_empty():
        assert batches == []
        return
    assert len(batches) == -(-expected.height // 40)
    assert pl.concat(batches).equals(expected)


def test_present_slots_are_the_distinct_metrics_and_channels(filled: Store) -> None:
    facts = filled.current_facts()
    whole = reads.present_slots(filled)
    assert whole.metrics == set(facts["metric"])
    assert whole.channels == set(facts["channel"].drop_nulls())
    one = reads.present_slots(filled, [SAMPLE_AGENCY])
    sample = facts.filter(pl.col("agency") == SAMPLE_AGENCY)
    assert one.metrics == set(sample["metric"])
    assert one.channels == set(sample["channel"].drop_nulls())
    assert one.metrics < whole.metrics
    assert reads.present_slots(filled, []) == reads.SlotChoices()


def test_agency_token_moves_with_its_own_commits_only(filled: Store) -> None:
    tokens = {a: filled.agency_token(a) for a in (SAMPLE_AGENCY, OTHER_AGENCY, SYNTHETIC)}
    filled.commit([one_fact(OTHER_AGENCY, 2020, 7)], user="t")  # an existing year, changed
    assert filled.agency_token(OTHER_AGENCY) != tokens[OTHER_AGENCY]
    assert filled.agency_token(SAMPLE_AGENCY) == tokens[SAMPLE_AGENCY]
    assert filled.agency_token(SYNTHETIC) == tokens[SYNTHETIC]
    moved = filled.agency_token(OTHER_AGENCY)
    filled.commit([one_fact(SYNTHETIC, 2030, 1)], user="t")  # a new year of another agency
    assert filled.agency_token(OTHER_AGENCY) == moved
    assert filled.agency_token(SAMPLE_AGENCY) == tokens[SAMPLE_AGENCY]
    assert filled.agency_token(SYNTHETIC) != tokens[SYNTHETIC]
    filled.commit([one_fact(OTHER_AGENCY, 2020, 7)], user="t")  # identical: no new version
    assert filled.agency_token(OTHER_AGENCY) == moved
    filled.restore(OTHER_AGENCY, 2020, 1, user="t")
    assert filled.agency_token(OTHER_AGENCY) != moved
    assert filled.agency_token(SAMPLE_AGENCY) == tokens[SAMPLE_AGENCY]


def test_datasets_token_moves_when_a_year_is_added_only(filled: Store) -> None:
    token = reads.datasets_token(filled)
    filled.commit([one_fact(OTHER_AGENCY, 2020, 9)], user="t")  # a new version of a year
    assert reads.datasets_token(filled) == token
    filled.save_deck("例会", ["title"], user="t")
    assert reads.datasets_token(filled) == token
    filled.commit([one_fact(OTHER_AGENCY, 2031, 9)], user="t")
    assert reads.datasets_token(filled) != token
    assert 2031 in reads.agency_years(filled)[OTHER_AGENCY]


def test_changed_agencies_are_those_written_after_a_generation(filled: Store) -> None:
    seen = filled.version_token()
    assert reads.changed_agencies(filled, seen) == ()
    filled.commit([one_fact(SYNTHETIC, 2016, 3), one_fact(OTHER_AGENCY, 2020, 3)], user="t")
    filled.save_deck("例会", ["title"], user="t")
    assert reads.changed_agencies(filled, seen) == tuple(sorted((SYNTHETIC, OTHER_AGENCY)))
    assert reads.changed_agencies(filled, filled.version_token()) == ()


def test_a_download_is_the_store_as_it_was_when_it_started(filled: Store) -> None:
    before = old_path(filled, FactFilter())
    batches = reads.iter_facts(filled, FactFilter(), batch_rows=40)
    first = next(batches)
    # Another editor replaces the last dataset of the store's order while it downloads.
    agency, year = before["agency"][-1], before["year"][-1]
    filled.commit([one_fact(agency, year, 12345)], user="t")
    assert not old_path(filled, FactFilter()).equals(before)  # the commit did land
    assert pl.concat([first, *batches]).equals(before)


@pytest.mark.parametrize("name", ["everything", "all_four"])
def test_csv_download_is_the_exporters_file(filled: Store, catalogue: Catalogue, name: str) -> None:
    filters = FILTERS[name]
    expected = export_facts(frame_facts(old_path(filled, filters)), catalogue, "csv")
    written = write_download(filled, filters, catalogue, "csv").getvalue()
    assert written == expected
    assert written.startswith(b"\xef\xbb\xbf") and written.count(b"\r\n") > 1


def test_xlsx_download_holds_the_exporters_cells(filled: Store, catalogue: Catalogue) -> None:
    filters = FILTERS["agencies_and_year"]

    def cells(content: bytes) -> list[tuple[object, ...]]:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        assert sheet is not None
        return list(sheet.iter_rows(values_only=True))

    expected = cells(export_facts(frame_facts(old_path(filled, filters)), catalogue, "xlsx"))
    written = cells(write_download(filled, filters, catalogue, "xlsx").getvalue())
    assert written == expected and len(written) > 1


# ── the app: what a page reads after a commit elsewhere ──────────────────────────────────────


class Statements:
    """Every SQL statement the app's store sends, with its parameters."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(
        self, _conn: object, _cursor: object, sql: str, params: object, *_: object
    ) -> None:
        self.seen.append((sql, repr(params)))

    def reading_facts(self) -> list[tuple[str, str]]:
        """Statements that read the facts table (the tokens read datasets only)."""
        return [(sql, p) for sql, p in self.seen if " facts" in sql.replace('"', " ").lower()]


@pytest.fixture
def listened(sqlite_url: str) -> Iterator[tuple[AppTest, Statements]]:
    """The app opened on the sample agency (the store seeded by the app itself), and a listener
    on the very engine the app reads with."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["agency"] = SAMPLE_AGENCY
    at.run()
    assert not at.exception, at.exception
    statements = Statements()
    engine = get_store(sqlite_url)._read_engine
    sa.event.listen(engine, "before_cursor_execute", statements)
    yield at, statements
    sa.event.remove(engine, "before_cursor_execute", statements)


@pytest.mark.parametrize("page", ["overview", "hotline", "present", "data"])
def test_a_commit_to_another_agency_makes_a_page_read_no_facts(
    listened: tuple[AppTest, Statements], sqlite_url: str, page: str
) -> None:
    at, statements = listened
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    at.run()  # the page's own first read is behind us: a rerun reads tokens only
    statements.seen.clear()
    at.run()
    assert statements.reading_facts() == []
    assert statements.seen, "the tokens are read on every rerun"

    writer = Store(sqlite_url)
    writer.commit([one_fact(OTHER_AGENCY, 2020, 5)], user="t")  # another agency's year
    statements.seen.clear()
    at.run()
    assert not at.exception, at.exception
    facts_read = statements.reading_facts()
    if page == "data":
        # The filter choices read the metrics of the agency just written, and nothing else.
        assert all(OTHER_AGENCY in p and SAMPLE_AGENCY not in p for _, p in facts_read)
        assert len(facts_read) == 1
    else:
        assert facts_read == []

    # A commit to the page's own agency is read at once (the check above can fail).
    writer.commit([one_fact(SAMPLE_AGENCY, 2019, 5)], user="t")
    statements.seen.clear()
    at.run()
    assert not at.exception, at.exception
    assert any(SAMPLE_AGENCY in p for _, p in statements.reading_facts())
    writer.close()


def test_the_data_page_finds_agencies_in_a_store_of_many(sqlite_url: str) -> None:
    """Beyond AGENCIES_LISTED agencies the filter offers the chosen ones and a search's finds,
    not every name on every rerun (a cost growing with the store)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["agency"] = SAMPLE_AGENCY
    at.run()
    get_store(sqlite_url).commit(list(synthetic_datasets(AGENCIES_LISTED + 5, 1)), user="t")
    at.switch_page("views/data.py").run()
    agencies = at.multiselect(key="data_agency")
    assert agencies.options == [SAMPLE_AGENCY] and agencies.value == [SAMPLE_AGENCY]
    at.text_input(key="data_agency_search").input("0150").run()
    assert at.multiselect(key="data_agency").options == [SAMPLE_AGENCY, "合成单位0150"]
    at.multiselect(key="data_agency").select("合成单位0150").unselect(SAMPLE_AGENCY).run()
    assert not at.exception, at.exception
    assert set(at.dataframe[0].value["单位"]) == {"合成单位0150"}
    # A wider search lists its first finds; the chosen agency stays chosen and offered.
    at.text_input(key="data_agency_search").input("合成").run()
    agencies = at.multiselect(key="data_agency")
    assert agencies.value == ["合成单位0150"]
    assert agencies.options[:3] == ["合成单位0150", SAMPLE_AGENCY, "合成单位0001"]
    assert len(agencies.options) == 2 + AGENCIES_FOUND
    found = AGENCIES_LISTED + 5
    assert f"找到 {found} 个单位，列出前 {AGENCIES_FOUND} 个：请输入更多字。" in [
        c.value for c in at.caption
    ]
    at.text_input(key="data_agency_search").input("无此单位").run()
    assert "没有名称含“无此单位”的单位。" in [c.value for c in at.caption]
    assert at.multiselect(key="data_agency").options == ["合成单位0150", SAMPLE_AGENCY]
    assert set(at.dataframe[0].value["单位"]) == {"合成单位0150"}


def test_the_data_page_filters_in_sql_and_counts_the_store(sqlite_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["agency"] = SAMPLE_AGENCY
    at.run()
    at.switch_page("views/data.py").run()
    store = get_store(sqlite_url)
    store.commit(list(synthetic_datasets(2, 2)), user="t")
    at.run()
    agencies = at.multiselect(key="data_agency")
    assert SYNTHETIC in agencies.options
    assert "2016" in [str(o) for o in at.multiselect(key="data_year").options]
    agencies.unselect(SAMPLE_AGENCY).run()
    at.multiselect(key="data_year").select(2016).run()
    at.multiselect(key="data_channel").select("wechat").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    expected = old_path(store, FactFilter(years=(2016,), channels=("wechat",)))
    assert len(table) == expected.height > 0
    assert set(table["单位"]) == set(expected["agency"])
    shown = [c.value for c in at.caption]
    assert f"共 {expected.height} 项数据" in shown
