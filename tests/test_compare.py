"""Comparing agencies: the store's SQL aggregates (on SQLite and PostgreSQL), ranks with
qualifiers, the group filter, the agency directory's upload checks, the charts and the slide."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
import sqlalchemy as sa
from pptx import Presentation

from benchmarks.bench_compare import NEVER_REPORTED, build_compare_store, directory_entries
from components.compare import slice_params
from dashboard.analytics.compare import distribution, place, quantiles, ranked, search, top
from dashboard.charts.compare import (
    HIGHLIGHT,
    QUALIFIED_PATTERN,
    distribution_figure,
    ranking_figure,
    reporting_counts_figure,
    reporting_matrix_figure,
    value_text,
)
from dashboard.charts.projector import slide_figure
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.problems import ProblemCode, Severity
from dashboard.domain.values import Qualifier
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.directory import read_directory
from dashboard.outputs.pptx_export import deck_pptx
from dashboard.outputs.slides import DEFAULT_DECK, Comparison, build_deck
from dashboard.platform.auth import Actor, PermissionDenied, Role
from dashboard.platform.directory import (
    check_directory,
    preview_directory,
    save_directory,
)
from dashboard.platform.workflow import UploadBlocked
from dashboard.store.compare import (
    DirectoryEntry,
    Group,
    Slice,
    compare_years,
    directory,
    directory_info,
    directory_template,
    groups,
    ranking_rows,
    replace_directory,
    reporting_counts,
    reporting_matrix,
    slices,
)
from dashboard.store.database import Store
from tests.factories import frame, row

EDITOR = Actor("alice", Role.EDITOR)
VIEWER = Actor("vera", Role.VIEWER)
ITEMS = "items_published"
HOTLINE = "hotline_received"


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every test of this module that uses the store runs on SQLite and on PostgreSQL."""
    return any_db_url


def fact(
    agency: str,
    year: int,
    value: float | None,
    qualifier: Qualifier = Qualifier.EXACT,
    *,
    metric: str = ITEMS,
    channel: str | None = "wechat",
    category: str | None = None,
    as_written: str | None = None,
) -> Fact:
    return Fact(
        agency, year, metric, channel, category, value, qualifier, None, as_written=as_written
    )


def commit(store: Store, *facts: Fact) -> None:
    datasets: dict[tuple[str, int], Dataset] = {}
    for f in facts:
        datasets.setdefault((f.agency, f.year), Dataset(f.agency, f.year)).facts.append(f)
    store.commit(list(datasets.values()), user="test")


@pytest.fixture
def ranked_store(store: Store) -> Store:
    """Six agencies' 2022 reports on WeChat items: a bound, an exact tie, a not-reported figure,
    a report without the figure; other channels, a category and another year around them."""
    commit(
        store,
        fact("甲局", 2022, 400, Qualifier.AT_LEAST, as_written="400余"),
        fact("乙局", 2022, 400),
        fact("丙局", 2022, 500),
        fact("丁局", 2022, None, Qualifier.NOT_REPORTED),
        fact("戊局", 2022, 30, metric=HOTLINE, channel="hotline_12345"),
        fact("己局", 2022, 100),
        fact("己局", 2022, 9999, channel="weibo"),
        fact("己局", 2022, 7777, channel=None),
        fact("己局", 2022, 50, category="政务动态"),
        fact("甲局", 2021, 5000),
    )
    return store


# ── the store's aggregates ──────────────────────────────────────────────────────────────────


def test_ranking_keeps_qualifiers_ties_and_gaps(ranked_store: Store) -> None:
    rows = ranking_rows(ranked_store, Slice(ITEMS, "wechat"), 2022)
    # One row per agency with a 2022 report, the figure's own row or none: never the facts.
    assert rows.height == 6
    ranking = ranked(rows)
    assert ranking.select("agency", "value", "rank", "qualified").rows() == [
        ("丙局", 500.0, 1, False),
        ("乙局", 400.0, 2, False),
        ("甲局", 400.0, 2, True),  # 400余 ranks as 400, marked as a bound
        ("己局", 100.0, 4, False),
        ("丁局", None, None, False),  # 未报告: no rank, never 0
        ("戊局", None, None, False),  # a report without the figure
    ]
    bound = ranking.row(2, named=True)
    assert value_text(bound, percent=False, lang="zh") == "400余"
    assert value_text(bound, percent=False, lang="en") == "400+"
    assert value_text(ranking.row(4, named=True), percent=False, lang="zh") == "未报告"


def test_a_slice_is_one_channel_and_category(ranked_store: Store) -> None:
    def figure_of(slice_: Slice, agency: str) -> float | None:
        rows = ranking_rows(ranked_store, slice_, 2022)
        return rows.filter(pl.col("agency") == agency)["value"][0]

    assert figure_of(Slice(ITEMS, "weibo"), "己局") == 9999
    assert figure_of(Slice(ITEMS), "己局") == 7777  # the figure without channel
    assert figure_of(Slice(ITEMS, "wechat", "政务动态"), "己局") == 50
    assert figure_of(Slice(ITEMS, "wechat"), "己局") == 100
    assert ranking_rows(ranked_store, Slice(ITEMS, "wechat"), 2021)["value"].to_list() == [5000]


def test_slices_count_the_agencies_giving_each_figure(ranked_store: Store) -> None:
    found = {
        (r["metric"], r["channel"], r["category"]): r["agencies"]
        for r in slices(ranked_store, 2022).iter_rows(named=True)
    }
    assert found == {
        (ITEMS, "wechat", None): 4,  # the not-reported figure gives nothing to compare
        (ITEMS, "weibo", None): 1,
        (ITEMS, None, None): 1,
        (ITEMS, "wechat", "政务动态"): 1,
        (HOTLINE, "hotline_12345", None): 1,
    }
    assert compare_years(ranked_store) == [2022, 2021]


def test_only_current_versions_count(ranked_store: Store) -> None:
    commit(ranked_store, fact("己局", 2022, 900))  # a corrected report: 100 → 900
    ranking = ranked(ranking_rows(ranked_store, Slice(ITEMS, "wechat"), 2022))
    assert ranking.row(0, named=True)["agency"] == "己局"
    assert ranking.filter(pl.col("agency") == "己局")["value"].to_list() == [900.0]
    assert ranking.height == 6


def test_group_filter_restricts_every_read(ranked_store: Store) -> None:
    replace_directory(
        ranked_store,
        [
            DirectoryEntry("甲局", parent="市局", region="东区", kind="教育"),
            DirectoryEntry("乙局", parent="市局", region="东区", kind="卫健"),
            DirectoryEntry("丙局", parent="省厅", region="西区", kind="教育"),
            DirectoryEntry("庚局", parent="市局", region="东区", kind="教育"),  # never reported
        ],
        user="alice",
    )
    east = Group("region", "东区")
    rows = ranking_rows(ranked_store, Slice(ITEMS, "wechat"), 2022, east)
    assert sorted(rows["agency"]) == ["乙局", "甲局"]
    counts = reporting_counts(ranked_store, east)
    assert counts.agencies == 3  # 庚局 is listed: it counts as not reported
    assert counts.years.rows() == [(2022, 2, 1), (2021, 1, 2)]
    matrix = reporting_matrix(ranked_store, [2021, 2022], group=east)
    assert matrix.frame.rows() == [
        ("乙局", False, True),
        ("庚局", False, False),
        ("甲局", True, True),
    ]
    teaching = Group("kind", "教育")
    assert sorted(ranking_rows(ranked_store, Slice(ITEMS, "wechat"), 2022, teaching)["agency"]) == [
        "丙局",
        "甲局",
    ]
    assert {(r["kind"], r["value"], r["agencies"]) for r in groups(ranked_store).to_dicts()} == {
        ("region", "东区", 3),
        ("region", "西区", 1),
        ("parent", "市局", 3),
        ("parent", "省厅", 1),
        ("kind", "教育", 3),
        ("kind", "卫健", 1),
    }
    assert slices(ranked_store, 2022, Group("region", "西区")).height == 1
    # Without a group, the listed agency that never reported is one of all agencies too.
    assert reporting_counts(ranked_store).agencies == 7


def test_group_in_the_url() -> None:
    group = Group("parent", "市局:直属")
    assert Group.from_param(group.to_param()) == group
    assert Group.from_param("region:") is None
    assert Group.from_param("city:杭州") is None
    assert Group.from_param(None) is None


def test_matrix_pages_search_and_missing_year(store: Store) -> None:
    agencies = [f"单位{i:02d}" for i in range(12)] + ["100%_局"]
    commit(store, *(fact(a, 2021, 1) for a in agencies))
    commit(store, *(fact(a, 2022, 1) for a in agencies[::3]))
    first = reporting_matrix(store, [2021, 2022], limit=5)
    assert first.total == 13
    assert first.frame.columns == ["agency", "2021", "2022"]
    assert first.frame["agency"].to_list() == sorted(agencies)[:5]
    last = reporting_matrix(store, [2021, 2022], limit=5, offset=10)
    assert last.frame.height == 3
    missing = reporting_matrix(store, [2021, 2022], missing_in=2022)
    assert missing.total == 13 - 5
    assert not any(missing.frame["2022"])
    # A search is literal: % and _ are not wildcards.
    assert reporting_matrix(store, [2021], search="%_").frame["agency"].to_list() == ["100%_局"]
    assert reporting_matrix(store, [2021], search="单位1").total == 2


def test_directory_is_replaced_whole_and_atomically(store: Store) -> None:
    before = store.version_token()
    assert replace_directory(store, directory_entries(3), user="alice", file_name="a.csv") == 5
    assert store.version_token() > before  # cached comparisons see a new directory
    count, user, at = directory_info(store)
    assert (count, user) == (5, "alice") and at
    replace_directory(store, [DirectoryEntry("甲局", region="东区")], user="bob")
    assert directory(store).rows() == [("甲局", None, "东区", None)]
    # A write that fails midway (the same agency twice) leaves the stored directory as it was.
    with pytest.raises(sa.exc.IntegrityError):
        replace_directory(store, [DirectoryEntry("乙局"), DirectoryEntry("乙局")], user="eve")
    assert directory(store)["agency"].to_list() == ["甲局"]
    assert directory_info(store)[1] == "bob"


def test_an_older_store_gets_the_directory_and_the_index(db_url: str) -> None:
    Store(db_url).close()
    engine = sa.create_engine(db_url)
    new = ("0006_agency_directory", "0007_facts_compare_index")
    try:
        with engine.begin() as c:  # the store as it was before these migrations
            c.exec_driver_sql("DROP TABLE agency_directory")
            c.exec_driver_sql("DROP INDEX ix_facts_compare")
            migrations = sa.table("schema_migrations", sa.column("name"))
            c.execute(migrations.delete().where(migrations.c.name.in_(new)))
        Store(db_url).close()
        with engine.connect() as c:
            inspector = sa.inspect(c)
            assert "agency_directory" in inspector.get_table_names()
            indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes("facts")}
            names = [r[0] for r in c.execute(sa.text("SELECT name FROM schema_migrations"))]
        assert indexes["ix_facts_compare"] == [
            "version_id",
            "metric",
            "channel",
            "category",
            "value",
        ]
        assert set(new) <= set(names)
    finally:
        engine.dispose()


def test_directory_template_lists_every_agency(ranked_store: Store) -> None:
    replace_directory(ranked_store, [DirectoryEntry("甲局", region="东区")], user="alice")
    template = directory_template(ranked_store)
    assert template["agency"].to_list() == sorted(["甲局", "乙局", "丙局", "丁局", "戊局", "己局"])
    assert template.filter(pl.col("agency") == "甲局")["region"].to_list() == ["东区"]


def test_a_generated_store_reads_one_row_per_agency(tmp_path: Path) -> None:
    store = build_compare_store(f"sqlite:///{tmp_path / 'big.sqlite'}", 60, 3)
    years = compare_years(store)
    rows = ranking_rows(store, Slice(ITEMS, "gov_portal"), years[0])
    reports = store.datasets().filter(pl.col("year") == years[0]).height
    assert rows.height == reports < 60
    counts = reporting_counts(store)
    assert counts.agencies == 60 + len(NEVER_REPORTED)
    assert (counts.years["reported"] + counts.years["missing"]).to_list() == [62, 62, 62]
    store.close()


# ── ranks, place and distribution (pure) ────────────────────────────────────────────────────


def _ranking(*values: tuple[str, float | None, str]) -> pl.DataFrame:
    return ranked(
        pl.DataFrame(
            [(a, v, q, None, None) for a, v, q in values],
            schema={
                "agency": pl.String,
                "value": pl.Float64,
                "qualifier": pl.String,
                "unit": pl.String,
                "as_written": pl.String,
            },
            orient="row",
        )
    )


def test_place_top_bottom_and_search() -> None:
    ranking = _ranking(
        ("A", 10, "exact"), ("B", 20, "at_least"), ("C", 30, "exact"), ("D", None, "not_reported")
    )
    mine = place(ranking, "B")
    assert mine is not None
    assert (mine.rank, mine.of, mine.below, mine.qualified) == (2, 3, 1, True)
    assert mine.share_below == 50
    unranked = place(ranking, "D")
    assert unranked is not None and unranked.rank is None and unranked.share_below is None
    assert place(ranking, "nobody") is None
    assert top(ranking, 2)["agency"].to_list() == ["C", "B"]
    assert ranking.filter(pl.col("rank").is_not_null()).tail(1)["agency"].to_list() == ["A"]
    assert search(ranking, "b")["agency"].to_list() == []  # names are matched as written
    assert search(ranking, "B")["agency"].to_list() == ["B"]
    assert search(ranking, "  ").is_empty()


def test_distribution_bins_count_every_figure() -> None:
    ranking = _ranking(*((f"u{i}", float(v), "exact") for i, v in enumerate([0, 5, 12, 99, 100])))
    bins = distribution(ranking, bins=5)
    assert bins["agencies"].sum() == 5
    assert bins["start"][0] == 0 and bins["end"][-1] >= 100
    widths = (bins["end"] - bins["start"]).unique().to_list()
    assert widths == [20.0]  # a round width
    assert bins.filter(pl.col("start") == 0)["agencies"].to_list() == [3]
    assert bins.filter(pl.col("start") == 100)["agencies"].to_list() == [1]  # start ≤ v < end
    same = distribution(_ranking(("a", 7, "exact"), ("b", 7, "exact")))
    assert same.rows() == [(7.0, 7.0, 2)]
    assert distribution(_ranking(("a", None, "not_reported"))).is_empty()
    levels = dict(quantiles(ranking).iter_rows())
    assert levels[50] == 12


# ── the directory file ──────────────────────────────────────────────────────────────────────


def directory_csv(*rows: str, header: str = "单位,上级单位,地区,类型") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def codes(report: Any) -> list[tuple[str, int | None, str | None, str | None]]:
    return [(str(p.code), p.row, p.column, p.value) for p in report.problems]


def test_a_good_directory_file_is_read() -> None:
    content = "单位,上级单位,地区,类型\n  甲局 ,市局,东区,\n'=乙局,市局,西区,卫健\n\n".encode(
        "gb18030"
    )
    report = read_directory(content, "名录.csv", known_agencies={"甲局", "乙局"})
    assert report.ok, codes(report)
    assert [(r.row, r.agency, r.parent, r.region, r.kind) for r in report.rows] == [
        (2, "甲局", "市局", "东区", None),
        (3, "=乙局", "市局", "西区", "卫健"),  # our exports' formula guard (') is not kept
    ]


def test_directory_problems_name_row_column_and_value() -> None:
    long_name = "局" * 201
    report = read_directory(
        directory_csv(
            "甲局,市局,东区,教育",
            ",市局,东区,教育",
            "甲局,省厅,西区,教育",
            "丙局,市局,东区,教育",
            f"丁局,{long_name},东区,教育",
        ),
        known_agencies={"甲局", "丁局"},
    )
    assert not report.ok
    assert codes(report) == [
        ("agency-missing", 3, "单位", ""),
        ("directory-agency-duplicate", 4, "单位", "甲局"),
        ("directory-agency-unknown", 5, "单位", "丙局"),
        ("directory-value-too-long", 6, "上级单位", "局" * 40 + "…"),
    ]
    duplicate = report.problems[1]
    assert duplicate.params == {"first_row": 2}
    assert "第 2 行" in problem_message(duplicate, "zh")
    assert "row 2" in problem_message(duplicate, "en")
    assert [p.severity for p in report.problems] == [
        Severity.ERROR,
        Severity.ERROR,
        Severity.WARNING,
        Severity.ERROR,
    ]
    for problem in report.problems:  # every problem says what to do, in both languages
        zh, en = problem_action(problem, "zh"), problem_action(problem, "en")
        assert zh and en and zh != en


def test_directory_header_problems() -> None:
    missing = read_directory(directory_csv("东区,教育", header="地区,类型"))
    assert codes(missing) == [("directory-header-missing", 1, "单位", None)]
    only_names = read_directory(directory_csv("甲局", header="单位名称"))
    assert only_names.ok and codes(only_names) == [("directory-no-groups", 1, None, None)]
    english = read_directory(directory_csv("A,B,C,D,x", header="agency,parent,region,kind,备注"))
    assert codes(english) == [("header-unknown", 1, "备注", "备注")]
    assert english.rows[0].kind == "D"
    twice = read_directory(directory_csv("甲局,乙局,东区", header="单位,单位名称,地区"))
    assert codes(twice) == [("header-duplicate", 1, "单位名称", "单位名称")]
    empty = read_directory(directory_csv(), "empty.csv")
    assert codes(empty) == [("file-empty", None, None, "empty.csv")]
    assert not empty.ok
    broken = read_directory(b"\x00\x01\x02\x03" * 100, "x.csv")
    assert [str(p.code) for p in broken.problems] == ["file-unreadable"]


def test_directory_from_excel() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位", "地区"])
    sheet.append(["甲局", "东区"])
    sheet.append([12345, "西区"])  # a number cell is a name like any other
    buffer = io.BytesIO()
    book.save(buffer)
    report = read_directory(buffer.getvalue(), "名录.xlsx")
    assert report.ok
    assert [(r.agency, r.region) for r in report.rows] == [("甲局", "东区"), ("12345", "西区")]


def test_saving_a_directory_is_for_editors_and_error_free(ranked_store: Store) -> None:
    content = directory_csv("甲局,市局,东区,教育", "乙局,市局,东区,卫健")
    report = check_directory(content, "名录.csv", ranked_store, limit_mb=1)
    assert report.ok and not report.problems
    preview = preview_directory(report, ranked_store)
    assert (preview.added, preview.changed, preview.removed) == (2, 0, 0)
    with pytest.raises(PermissionDenied):
        save_directory(ranked_store, report, actor=VIEWER, file_name="名录.csv")
    with pytest.raises(PermissionDenied):
        save_directory(ranked_store, report, actor=None, file_name="名录.csv")
    bad = check_directory(directory_csv(",市局,东区,"), "x.csv", ranked_store, limit_mb=1)
    with pytest.raises(UploadBlocked):
        save_directory(ranked_store, bad, actor=EDITOR, file_name="x.csv")
    assert directory(ranked_store).is_empty()
    assert save_directory(ranked_store, report, actor=EDITOR, file_name="名录.csv") == 2
    again = check_directory(
        directory_csv("甲局,市局,西区,教育", "丙局,,,"), "b.csv", ranked_store, limit_mb=1
    )
    preview = preview_directory(again, ranked_store)
    assert (preview.added, preview.changed, preview.removed, preview.unchanged) == (1, 1, 1, 0)
    too_big = check_directory(b"x" * 2_000_000, "big.csv", ranked_store, limit_mb=1)
    assert [str(p.code) for p in too_big.problems] == [str(ProblemCode.FILE_TOO_LARGE)]


# ── charts ──────────────────────────────────────────────────────────────────────────────────


def spec(figure: Any) -> dict[str, Any]:
    return json.loads(figure.to_json())


def test_ranking_chart_marks_bounds_and_the_chosen_agency() -> None:
    ranking = _ranking(
        ("甲局", 400, "at_least"), ("乙局", 500, "exact"), ("<b>丙</b>", 10, "exact")
    )
    figure = spec(ranking_figure(ranking, lang="zh", highlight="甲局"))
    bar = figure["data"][0]
    # The first rank on top: Plotly draws the first category at the bottom.
    assert bar["y"] == ["3. &lt;b&gt;丙&lt;/b&gt;", "2. 甲局", "1. 乙局"]
    assert bar["text"] == ["10", "400余", "500"]
    assert bar["marker"]["pattern"]["shape"] == ["", QUALIFIED_PATTERN, ""]
    assert bar["marker"]["color"][1] == HIGHLIGHT and bar["marker"]["color"][2] != HIGHLIGHT
    english = spec(ranking_figure(ranking, lang="en"))
    assert english["data"][0]["text"][1] == "400+"
    empty = spec(ranking_figure(_ranking(("a", None, "not_reported")), lang="zh"))
    assert empty["layout"]["annotations"][0]["text"] == "没有单位给出这一数字。"


def test_long_agency_names_wrap_on_the_axis() -> None:
    name = "某某省某某市某某区人民政府办公室政务公开科"
    figure = spec(ranking_figure(_ranking((name, 1, "exact")), lang="zh"))
    label = figure["data"][0]["y"][0]
    assert label.count("<br>") == 1 and label.replace("<br>", "") == f"1. {name}"
    longer = spec(ranking_figure(_ranking((name * 2, 1, "exact")), lang="zh"))["data"][0]
    doubled = name * 2
    assert longer["y"][0] == f"1. {doubled[:12]}<br>{doubled[12:23]}…"  # two lines at most
    assert longer["customdata"][0] == name * 2  # whole in the hover


def test_distribution_chart_marks_the_agency_bin() -> None:
    ranking = _ranking(*((f"u{i}", float(v), "exact") for i, v in enumerate([1, 2, 15, 99])))
    bins = distribution(ranking, bins=5)
    figure = spec(distribution_figure(bins, lang="zh", marker=15, marker_text="甲局：15"))
    bar = figure["data"][0]
    assert sum(bar["y"]) == 4
    marked = [i for i, c in enumerate(bar["marker"]["color"]) if c == HIGHLIGHT]
    assert len(marked) == 1 and bar["x"][marked[0]] == "0–20"
    assert figure["layout"]["annotations"][0]["text"] == "甲局：15"
    top_edge = spec(distribution_figure(bins, lang="zh", marker=100, marker_text="x"))
    assert top_edge["data"][0]["marker"]["color"][-1] == HIGHLIGHT


def test_reporting_charts() -> None:
    years = pl.DataFrame({"year": [2022, 2021], "reported": [9, 7], "missing": [1, 3]})
    figure = spec(reporting_counts_figure(years, lang="en"))
    assert [t["name"] for t in figure["data"]] == ["Reported", "Not reported"]
    assert figure["data"][0]["x"] == ["2021", "2022"] and figure["data"][1]["y"] == [3, 1]
    assert figure["layout"]["barmode"] == "stack"
    page = pl.DataFrame({"agency": ["甲", "乙"], "2021": [True, False], "2022": [True, True]})
    grid = spec(reporting_matrix_figure(page, lang="zh", highlight="甲"))["data"][0]
    assert grid["z"] == [[0, 1], [1, 1]]  # the first agency on top
    assert grid["y"] == ["乙", "▶ 甲"]  # the chosen agency marked in plain text
    assert grid["customdata"][0] == ["乙 · 2021: 未报送", "乙 · 2022: 已报送"]


# ── the compare slide ───────────────────────────────────────────────────────────────────────


def _comparison(count: int, mine: str, mine_value: float) -> Comparison:
    values = [(f"单位{i:02d}", float(200 - 2 * i), "exact") for i in range(count)]
    values.append((mine, mine_value, "at_least"))
    return Comparison(ITEMS, "wechat", None, _ranking(*values))


ONE_FACT = frame(row(2022, "meetings", 3, agency="本局"))


def test_compare_slide_ranks_and_highlights_the_agency(catalogue: Catalogue) -> None:
    comparison = _comparison(60, "本局", 101)
    deck = build_deck(
        ONE_FACT,
        "本局",
        2022,
        catalogue,
        slide_ids=("compare", *DEFAULT_DECK),
        comparison=comparison,
    )
    slide = next(s for s in deck.slides if s.id == "compare")
    assert deck.slides[1] is slide
    assert slide.title == "发布信息条数（微信公众号）：各单位排名（2022年）"
    assert len(slide.categories) == 11  # the top ten, and this agency at its own rank
    assert slide.categories[-1] == "51. 本局" and slide.highlight == ("51. 本局",)
    assert slide.series[0].labels[-1] == "101余"
    assert slide.takeaway == "本局101余条，在61个单位中排第51位，高于17%的单位"
    drawn = spec(slide_figure(slide, lang="zh"))["data"][0]
    assert drawn["marker"]["color"][0] == HIGHLIGHT  # reversed: this agency at the bottom
    assert drawn["marker"]["color"][1] != HIGHLIGHT
    pptx = Presentation(io.BytesIO(deck_pptx(deck)))
    chart = next(s for s in pptx.slides[1].shapes if s.has_chart).chart
    series = chart.plots[0].series[0]
    assert str(series.format.fill.fore_color.rgb) == "0072B2"
    assert str(series.points[10].format.fill.fore_color.rgb) == "E69F00"  # this agency


def test_compare_slide_needs_a_comparison(catalogue: Catalogue) -> None:
    assert "compare" not in DEFAULT_DECK  # an agency's own deck compares with no one
    without = build_deck(ONE_FACT, "本局", 2022, catalogue, slide_ids=("compare",))
    assert "compare" not in [s.id for s in without.slides]
    unranked = Comparison(ITEMS, "wechat", None, _ranking(("别局", 5, "exact")))
    deck = build_deck(
        ONE_FACT, "本局", 2022, catalogue, slide_ids=("compare",), comparison=unranked, lang="en"
    )
    slide = next(s for s in deck.slides if s.id == "compare")
    assert slide.highlight == () and "does not give this figure" in slide.takeaway


def test_a_slice_names_in_the_address_only_the_parts_not_its_metrics_default() -> None:
    """`slice_params`: nothing (None: removed) for the default slice; its channel, or `-` for a
    part it has not, otherwise — all returned together so the page writes them in one go."""
    default = Slice("items_published", "gov_portal", None)
    assert slice_params(default, default) == {"channel": None, "category": None}
    assert slice_params(Slice("items_published", "wechat", None), default) == {
        "channel": "wechat",
        "category": None,
    }
    assert slice_params(Slice("items_published", None, None), default) == {
        "channel": "-",
        "category": None,
    }
