"""Issue 10 acceptance, without a browser: every label of the dev corpus (tests/data/corpus),
typed as staff would, passes validation, is imported, and comes back from `export` with its
number and qualifier (100 %), its unit and its words as written.

Each report is its own upload file, imported with `python -m dashboard import` (in process) into
one temporary store; the export is one `python -m dashboard export --format csv`. The measure
itself lives in tests/corpus.py (benchmarks/bench_corpus.py prints it for any corpus file).
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl
import pytest

from tests.corpus import (
    LABEL_ROWS,
    Label,
    Report,
    Resolver,
    StoreMeasure,
    figure_pattern,
    label_ids,
    load_reports,
    measure_store,
    normalise,
    read_written,
    scrub_quotes,
    shown_in_table,
    store_misses,
    upload_rows,
    written_unit,
)

REPORTS = load_reports()
LABELS = [
    pytest.param(report, label, id=label_id)
    for report in REPORTS
    for label, label_id in zip(report.labels, label_ids(report), strict=True)
]


@pytest.fixture(scope="module")
def measure(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreMeasure]:
    folder = tmp_path_factory.mktemp("corpus")
    yield measure_store(REPORTS, f"sqlite:///{folder / 'store.sqlite'}", folder)


@pytest.fixture(scope="module")
def stored(measure: StoreMeasure) -> pl.DataFrame:
    """The store's current facts, as the pages read them."""
    from dashboard.store.database import Store

    store = Store(measure.db_url)
    try:
        return store.current_facts()
    finally:
        store.close()


def test_corpus_file_is_complete() -> None:
    """The data the measure rests on: every label has a row, and every quote holds its figure."""
    assert len(REPORTS) >= 30
    for report in REPORTS:
        for label in report.labels:
            assert label.metric in LABEL_ROWS, f"{report.id}: no upload row for {label.metric}"
            assert label.as_written in label.quote, f"{report.id}: {label.as_written}"


@pytest.mark.parametrize("report", REPORTS, ids=[r.id for r in REPORTS])
def test_report_imports_without_errors(measure: StoreMeasure, report: Report) -> None:
    item = next(i for i in measure.imported if i.typed.report.id == report.id)
    lines = [
        f"row {e.get('row')} [{e.get('code')}] {e.get('value')!r}: {e.get('message')}"
        for e in item.errors
    ]
    assert not item.errors, f"{report.id} refused:\n" + "\n".join(lines)
    assert item.dataset is not None, f"{report.id}: nothing committed (exit {item.exit_code})"


@pytest.mark.parametrize(("report", "label"), LABELS)
def test_label_is_stored_right(measure: StoreMeasure, report: Report, label: Label) -> None:
    """The exported row of the label's slot reads back as its number and qualifier."""
    outcome = next(o for o in measure.outcomes if o.report.id == report.id and o.label is label)
    assert outcome.cause is None, f"{outcome.cause}: {outcome.detail}"


@pytest.mark.parametrize(("report", "label"), LABELS)
def test_label_keeps_its_words(
    measure: StoreMeasure, stored: pl.DataFrame, report: Report, label: Label
) -> None:
    """The stored fact keeps the value cell as written (simplified, half-width) and the unit
    as written (None when the report wrote none): `Fact.as_written`, `Fact.unit`."""
    missing = {"unit", "as_written"} - set(stored.columns)
    assert not missing, f"the store's facts have no column {sorted(missing)} (Fact.unit/as_written)"
    outcome = next(o for o in measure.outcomes if o.report.id == report.id and o.label is label)
    assert outcome.dataset is not None, f"{report.id} was not stored ({outcome.cause})"
    metric, channel, category = Resolver().slot(LABEL_ROWS[label.metric])
    agency, year = outcome.dataset
    rows = stored.filter(
        (pl.col("agency") == agency)
        & (pl.col("year") == year)
        & (pl.col("metric") == metric)
        & pl.col("channel").eq_missing(channel)
        & pl.col("category").eq_missing(category)
    )
    assert rows.height == 1, f"no stored fact for {metric} / {channel} / {category}"
    fact = rows.row(0, named=True)
    assert fact["as_written"] == normalise(label.as_written)
    assert fact["unit"] == written_unit(label)


def test_export_reimports_unchanged(measure: StoreMeasure, stored: pl.DataFrame) -> None:
    """`export` → `import` round-trips the words: the exported file validates to the very facts
    that are stored (value, qualifier, note, and unit and as_written where the store has them)."""
    from dashboard.domain.catalogue import default_catalogue
    from dashboard.ingest.validate import validate_file
    from tests.corpus import csv_text

    fields = ("year", "agency", "metric", "channel", "category", "value", "note")
    rows = [[r.get(f, "") for f in fields] for r in measure.export]
    report = validate_file(csv_text(rows), "export.csv", default_catalogue())
    assert report.ok, [p.to_dict() for p in report.errors][:5]
    words = [c for c in ("unit", "as_written") if c in stored.columns]
    keys = ["agency", "year", "metric", "channel", "category", "value", "qualifier", "note"]
    again = pl.DataFrame(
        [
            {
                **{k: v for k, v in f.to_dict().items() if k in keys},
                **{c: getattr(f, c) for c in words},
            }
            for d in report.datasets
            for f in d.facts
        ],
        schema={k: stored.schema[k] for k in [*keys, *words]},
    )
    before = stored.select(*keys, *words).sort(keys[:5])
    assert again.sort(keys[:5]).equals(before)


def test_corpus_is_stored_right(measure: StoreMeasure) -> None:
    """The whole corpus: 100 % of the labels stored right (misses listed by cause)."""
    total = len(measure.outcomes)
    print(f"\nstored right: {measure.right}/{total} = {measure.ratio:.1%}")
    print(store_misses(measure))
    assert measure.right == total, (
        f"stored right {measure.right}/{total} = {measure.ratio:.1%}\n" + store_misses(measure)
    )


# ── the measure itself: what counts as the same figure, and as shown ────────────────────────


@pytest.mark.parametrize(
    ("written", "value", "qualifier", "unit"),
    [
        ("1200余条", 1200, "at_least", "条"),
        ("310余万", 3_100_000, "at_least", None),
        ("逾50万", 500_000, "at_least", None),
        ("90.1萬", 901_000, "exact", None),
        ("约11万个", 110_000, "approx", "个"),
        ("4件次", 4, "exact", "件次"),
        ("1875條", 1875, "exact", "条"),
        ("２１,５９７条", 21597, "exact", "条"),
        ("98.76%", 98.76, "exact", "%"),
        ("近52000", 52000, "approx", None),
        ("不足10人", 10, "at_most", "人"),
        ("90.1万元", 90.1, "exact", "万元"),  # an amount in a 万元 column is 90.1, not 901000
        ("5", 5, "exact", None),
    ],
)
def test_written_figures_are_read(
    written: str, value: float, qualifier: str, unit: str | None
) -> None:
    read = read_written(written)
    assert read is not None
    assert (read.value, read.qualifier, read.unit) == (value, qualifier, unit)


def test_a_figure_is_found_as_written_only() -> None:
    assert figure_pattern("5件").search("新收申请5件。")
    assert not figure_pattern("5件").search("新收申请15件")
    assert not figure_pattern("5件").search("新收申请2.5件")
    assert figure_pattern("21597条").search("主动公开 21,597条")
    assert figure_pattern("3000多条").search("3000余条")  # 余 and 多 both read "at least"
    assert not figure_pattern("近52000").search("约52000")  # 近 is not 约
    assert not figure_pattern("3.17万").search("3.2万")
    assert not figure_pattern("逾50万人").search("50余万人")


def test_a_note_shown_verbatim_is_not_the_figure_shown() -> None:
    text = "官方微博 发布信息1200余条\n微信 1400余条\n2017\n25\n不予公开1件"
    labels = [
        Label("weibo_posts", 1200, "at_least", "条", "1200余条", "官方微博发布信息1200余条"),
        Label("requests_refused", 1, "exact", "件", "1件", "不予公开1件"),
    ]
    scrubbed = scrub_quotes(text, labels)
    assert not figure_pattern("1200余条").search(scrubbed)
    assert figure_pattern("1400余条").search(scrubbed)
    assert figure_pattern("1件").search(scrubbed)  # a name and its figure, as a summary reads
    assert not figure_pattern("201725").search(scrubbed)  # two lines are two numbers


def test_a_bare_table_cell_counts_in_its_metric_row_only() -> None:
    resolve = Resolver()
    disclosed = Label("requests_disclosed", 7, "exact", "件", "7件", "予以公开7件")
    table = [
        ["项目", "自然人", "总计"],
        ["三（一）予以公开", " ", "7"],
        ["三（二）部分公开", "", "3"],
    ]
    assert shown_in_table(disclosed, [table], resolve)
    partial = Label("requests_partial", 7, "exact", "件", "7件", "部分公开7件")
    assert not shown_in_table(partial, [table], resolve)


def test_two_labels_for_one_slot_are_typed_once() -> None:
    first = Label("wechat_posts", 10, "exact", "条", "10条", "微信10条")
    second = Label("wechat_posts", 12, "exact", "条", "12条", "公众号12条")
    typed = upload_rows(Report("r", "某单位", 2024, "simplified", (first, second)))
    assert [r.label for r in typed.rows] == [first]
    assert [(s.label, s.reason, s.other) for s in typed.skipped] == [
        (second, "collision", "r:wechat_posts")
    ]
    assert typed.rows[0].cells == (
        "2024",
        "某单位",
        "发布信息条数",
        "微信公众号",
        "",
        "10条",
        "微信10条",
    )
