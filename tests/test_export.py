"""Exports and templates: what is exported re-imports unchanged, and is safe to open."""

from __future__ import annotations

import csv
import hashlib
import io
import random
from typing import Literal

import openpyxl
import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact, frame_facts
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import validate_file
from dashboard.outputs.exporter import (
    DATA_SHEET,
    export_facts,
    export_frame,
    fact_cells,
    fact_frame,
    header,
    template,
    write_csv,
)
from dashboard.platform.sample import SAMPLE_USER, sample_files, seed_if_empty, validate_samples
from dashboard.store.database import Store
from tests.conftest import SAMPLE_CSV

AGENCY = "定海区教育局"
HEADER_ZH = ["年度", "单位", "指标", "渠道", "类别", "数值", "备注"]
FORMATS: list[Literal["csv", "xlsx"]] = ["csv", "xlsx"]


def rows_of(content: bytes, fmt: str) -> list[list[object]]:
    """The cells of an exported file as a spreadsheet shows them (first sheet)."""
    if fmt == "csv":
        assert content.startswith(b"\xef\xbb\xbf")
        return [list(r) for r in csv.reader(io.StringIO(content[3:].decode("utf-8")))]
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    assert sheet.title == DATA_SHEET
    return [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]


def figures(facts: list[Fact], *, words: bool = True) -> set[tuple[object, ...]]:
    """What the facts say; without `words`, only number, qualifier and note (facts made here
    without the report's words)."""
    return {(f.agency, f.year, *f.slot, *(f.content if words else f.content[:3])) for f in facts}


# ── round trip ──────────────────────────────────────────────────────────────────────────────


def sample_datasets(catalogue: Catalogue) -> list[tuple[str, int]]:
    return sorted(
        (d.agency, d.year) for _, report in validate_samples(catalogue) for d in report.datasets
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_sample_export_validate_commit_is_a_no_op(
    store: Store, catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    results = seed_if_empty(store, catalogue)
    expected = sample_datasets(catalogue)
    assert (AGENCY, 2019) in expected
    assert sorted((r.agency, r.year) for r in results) == expected
    assert all(r.created and r.version == 1 for r in results)
    shas = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_files()}
    for info in store.history():
        assert info.user == SAMPLE_USER and info.action == "sample"
        assert info.file_sha256 == shas[info.file_name]
    assert store.history(AGENCY, 2019)[0].file_name == SAMPLE_CSV.name
    stored = frame_facts(store.current_facts())
    token = store.version_token()
    assert seed_if_empty(store, catalogue) == []  # a store holding data is left alone
    assert store.version_token() == token

    content = export_facts(stored, catalogue, fmt)
    report = validate_file(content, f"export.{fmt}", catalogue)
    assert report.ok, report.flatten()
    assert report.errors == []
    assert figures([f for d in report.datasets for f in d.facts]) == figures(stored)

    results = store.commit(report.datasets, user="roundtrip", file_name=f"export.{fmt}")
    assert sorted((r.agency, r.year) for r in results) == expected
    assert all(not r.created and r.version == 1 for r in results)
    assert store.version_token() == token
    assert len(store.history()) == len(expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_keeps_qualifiers_and_not_reported(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    facts = [
        Fact(AGENCY, 2019, "items_published", "gov_portal", None, 400, Qualifier.AT_LEAST),
        Fact(AGENCY, 2019, "reads", "wechat", None, 40, Qualifier.APPROX),
        Fact(AGENCY, 2019, "hotline_closure_rate", "hotline_12345", None, 100, Qualifier.EXACT),
        Fact(AGENCY, 2019, "recruitment_notices", "hrss_site", None, None, Qualifier.NOT_REPORTED),
        Fact(AGENCY, 2019, "meetings", None, None, 2, Qualifier.EXACT),
        Fact(AGENCY, 2019, "requests_new", None, None, 1, Qualifier.EXACT),
        Fact(AGENCY, 2019, "requests_new", None, "natural_person", 1, Qualifier.EXACT),
    ]
    content = export_facts(facts, catalogue, fmt)
    rows = rows_of(content, fmt)[1:]
    assert {r[4] for r in rows if r[2] == "新收申请数"} == {"", "自然人"}
    values = {(r[2], r[3]): r[5] for r in rows}
    assert str(values[("发布信息条数", "政府门户网站")]) == "400余"
    assert str(values[("阅读量", "微信公众号")]) == "约40"
    assert str(values[("热线办结率", "12345")]) == "100%"
    assert values[("招聘公告条数", "人社部门网站")] == "未报告"
    assert str(values[("专题会议次数", "")]) == "2"
    report = validate_file(content, f"x.{fmt}", catalogue)
    assert report.ok, report.flatten()
    assert figures(report.datasets[0].facts, words=False) == figures(facts, words=False)


def test_csv_export_has_bom_and_chinese_header(store: Store, catalogue: Catalogue) -> None:
    seed_if_empty(store, catalogue)
    content = export_facts(frame_facts(store.current_facts()), catalogue, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    first_line = content[3:].decode("utf-8").splitlines()[0]
    assert first_line == ",".join(HEADER_ZH)
    rows = rows_of(content, "csv")
    assert len(rows) == 1 + store.current_facts().height
    assert ["2019", AGENCY] in [r[:2] for r in rows[1:]]


def test_xlsx_export_has_chinese_header(catalogue: Catalogue) -> None:
    facts = [Fact(AGENCY, 2019, "meetings", None, None, 2, Qualifier.EXACT)]
    rows = rows_of(export_facts(facts, catalogue, "xlsx"), "xlsx")
    assert rows[0] == HEADER_ZH
    assert rows[1] == [2019, AGENCY, "专题会议次数", "", "", 2, ""]


# ── formula injection ───────────────────────────────────────────────────────────────────────

DANGEROUS_NOTES = [
    '=HYPERLINK("http://example.com","点击")',
    "@SUM(1+1)",
    "+1+1",
    "-2+3",
    "=1+1 其中2篇被省委录用",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_formula_like_notes_are_neutralised_and_reimport_unchanged(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    facts = [
        Fact(
            AGENCY, 2019, "items_published", "gov_portal", f"类别{i}", i + 1, Qualifier.EXACT, note
        )
        for i, note in enumerate(DANGEROUS_NOTES)
    ]
    content = export_facts(facts, catalogue, fmt)
    rows = rows_of(content, fmt)[1:]
    assert [r[6] for r in rows] == ["'" + n for n in DANGEROUS_NOTES]
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        assert ",=" not in text and ",@" not in text and ",+" not in text
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        assert all(sheet.cell(r, 7).data_type == "s" for r in range(2, sheet.max_row + 1))

    report = validate_file(content, f"notes.{fmt}", catalogue)
    assert report.ok, report.flatten()
    back = sorted(report.datasets[0].facts, key=lambda f: f.value or 0)
    assert [f.note for f in back] == DANGEROUS_NOTES


@pytest.mark.parametrize("fmt", FORMATS)
def test_formula_like_agency_and_category_are_neutralised(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    facts = [Fact("=单位", 2019, "items_published", "gov_portal", "@类别", 3, Qualifier.EXACT)]
    content = export_facts(facts, catalogue, fmt)
    row = rows_of(content, fmt)[1]
    assert row[1] == "'=单位" and row[4] == "'@类别"
    report = validate_file(content, f"x.{fmt}", catalogue)
    assert report.ok, report.flatten()
    [back] = report.datasets[0].facts
    assert (back.agency, back.category) == ("=单位", "@类别")


def test_exported_notes_commit_unchanged(store: Store, catalogue: Catalogue) -> None:
    facts = [
        Fact(
            AGENCY, 2019, "items_published", "gov_portal", f"类别{i}", i + 1, Qualifier.EXACT, note
        )
        for i, note in enumerate(DANGEROUS_NOTES)
    ]
    store.commit([Dataset(AGENCY, 2019, facts)], user="a")
    for fmt in FORMATS:
        content = export_facts(frame_facts(store.current_facts()), catalogue, fmt)
        report = validate_file(content, f"x.{fmt}", catalogue)
        [result] = store.commit(report.datasets, user="b")
        assert result.created is False, fmt
    assert {f.note for f in store.dataset_facts(AGENCY, 2019)} == set(DANGEROUS_NOTES)


# ── templates ───────────────────────────────────────────────────────────────────────────────


def fill(content: bytes, fmt: str, metric_zh: str, values: dict[int, object]) -> bytes:
    """Type values (by column index) into the template row of one metric."""
    if fmt == "csv":
        rows = rows_of(content, "csv")
        for row in rows:
            if row[2] == metric_zh:
                for index, value in values.items():
                    row[index] = str(value)
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook[DATA_SHEET]
    for cells in sheet.iter_rows(min_row=2):
        if cells[2].value == metric_zh:
            for index, value in values.items():
                cells[index].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_template_lists_every_metric(catalogue: Catalogue, fmt: Literal["csv", "xlsx"]) -> None:
    rows = rows_of(template(catalogue, fmt), fmt)
    assert rows[0][:7] == HEADER_ZH
    assert rows[0][7:9] == ["计量单位", "指标说明"]
    listed = [r[2] for r in rows[1:]]
    assert sorted(listed) == sorted(m.zh for m in catalogue.metrics.values())
    assert len(listed) == len(catalogue.metrics)
    by_name = {r[2]: r for r in rows[1:]}
    for metric in catalogue.metrics.values():
        assert by_name[metric.zh][7] == metric.unit
        assert by_name[metric.zh][5] == ""  # the value is left for staff
    if fmt == "xlsx":
        names = openpyxl.load_workbook(io.BytesIO(template(catalogue, fmt))).sheetnames
        assert names[0] == DATA_SHEET and len(names) == 2  # data and the guide


@pytest.mark.parametrize("fmt", FORMATS)
def test_unfilled_template_validates_without_row_errors(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    report = validate_file(template(catalogue, fmt), f"模板.{fmt}", catalogue)
    assert report.datasets == []
    assert report.fact_count == 0
    assert len(report.errors) == 1
    assert report.errors[0].code in {"file-empty", "no-values"}
    assert all(p.row is None for p in report.errors)
    assert report.warnings == []  # the reference columns (unit, description) are not unknown


@pytest.mark.parametrize("fmt", FORMATS)
def test_template_filled_with_one_value_gives_one_fact(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    content = fill(
        template(catalogue, fmt), fmt, "专题会议次数", {0: 2020, 1: AGENCY, 5: 3, 6: "召开3次会议"}
    )
    report = validate_file(content, f"模板.{fmt}", catalogue)
    assert report.ok, report.flatten()
    assert report.errors == []
    [dataset] = report.datasets
    assert (dataset.agency, dataset.year) == (AGENCY, 2020)
    [only] = dataset.facts
    assert (only.metric, only.value, only.qualifier, only.note) == (
        "meetings",
        3.0,
        Qualifier.EXACT,
        "召开3次会议",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_template_prefills_agency_and_year(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    rows = rows_of(template(catalogue, fmt, agency=AGENCY, year=2020), fmt)[1:]
    assert len(rows) == len(catalogue.metrics)
    assert all(str(r[0]) == "2020" and r[1] == AGENCY for r in rows)
    assert all(r[5] == "" for r in rows)
    agency_only = rows_of(template(catalogue, fmt, agency="=单位"), fmt)[1:]
    assert all(r[0] == "" and r[1] == "'=单位" for r in agency_only)


@pytest.mark.parametrize("fmt", FORMATS)
def test_template_prefilled_with_agency_fills_in(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    content = template(catalogue, fmt, agency=AGENCY)
    filled = fill(content, fmt, "专题会议次数", {0: 2020, 5: 4})
    report = validate_file(filled, f"模板.{fmt}", catalogue)
    assert report.ok, report.flatten()
    [dataset] = report.datasets
    assert (dataset.agency, dataset.year, len(dataset.facts)) == (AGENCY, 2020, 1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_template_prefilled_with_year_fills_in(
    catalogue: Catalogue, fmt: Literal["csv", "xlsx"]
) -> None:
    content = template(catalogue, fmt, agency=AGENCY, year=2020)
    filled = fill(content, fmt, "专题会议次数", {5: 4})
    report = validate_file(filled, f"模板.{fmt}", catalogue)
    assert report.errors == []
    [dataset] = report.datasets
    assert (dataset.agency, dataset.year, len(dataset.facts)) == (AGENCY, 2020, 1)


def test_template_shows_last_years_figures_for_reference(
    store: Store, catalogue: Catalogue
) -> None:
    report = validate_file(SAMPLE_CSV.read_bytes(), "s.csv", catalogue)
    store.commit(report.datasets, user="t")
    previous = store.dataset_facts("定海区教育局", 2019)
    content = template(catalogue, "csv", agency="定海区教育局", year=2020, previous=previous)
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].endswith(",上年数值（参考）")
    assert any(",政府门户网站,,,,条," in line and line.endswith(",400余") for line in lines)
    # Unfilled, the template imports nothing and reports no errors but "no values".
    assert [p.code for p in validate_file(content, "t.csv", catalogue).errors] == ["no-values"]
    filled = content.decode("utf-8-sig").replace(
        "2020,定海区教育局,专题会议次数,,,,", "2020,定海区教育局,专题会议次数,,,3,", 1
    )
    facts = [
        f for d in validate_file(filled.encode(), "t.csv", catalogue).datasets for f in d.facts
    ]
    assert [(f.metric, f.value) for f in facts] == [("meetings", 3.0)]


# ── the column-wise CSV writer: the bytes of csv.writer on fact_cells ───────────────────────


def row_by_row_csv(facts: list[Fact], catalogue: Catalogue) -> bytes:
    """The export as it was written before the column-wise writer: csv.writer on `fact_cells`
    of each fact, UTF-8 with BOM, CRLF line ends (the reference it must equal byte for byte)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header())
    writer.writerows(fact_cells(f, catalogue) for f in facts)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# Cells meant to trip the writer: separators, quotes, line ends, formula starts, wide text.
HOSTILE_TEXTS = (
    "普通", "a,b", 'say "hi"', "line\nbreak", "cr\rx", "crlf\r\nx", "=SUM(A1)", "+1", "-2",
    "@x", "\ttab", "\rret", " lead", "trail ", "'quoted", "中文，逗号", "\u3000全角", "🙂", "",
)  # fmt: skip
# Written forms: plain numbers (the column-wise path), and every other shape (export_value's).
HOSTILE_WORDS = (
    None, "", "5", "05", "5.0", "-5", "=1", "0", "12", "1200余条", "3.17万", "近52000",
    "90.1万元", "400余", "400+", "约300", "不足10", "未报告", "98.5%", "超过90%", "1,200",
    "１２００", "3000多人次", "901000元", "5000千元", "abc", "0.1", "1e5", " 12 ",
    "1234567890123456",
)  # fmt: skip
HOSTILE_VALUES = (
    None, 0.0, -0.0, 5.0, -5.0, 0.1, 1e-05, 2.5e-07, 123456.789, 1e15, 1.5e14, 98.5, 90.1,
    400.0, 1200.0, 52000.0, 901000.0, 3.17, 1 / 3, 12.0, 7.000000000001, 2.0**53 + 2, -1e6,
)  # fmt: skip


def hostile_facts(catalogue: Catalogue, count: int, seed: int) -> list[Fact]:
    """`count` seeded random facts of every metric (percent and money ones too), qualifier,
    written form and hostile text; values matching their words as often as not."""
    rng = random.Random(seed)
    metrics = list(catalogue.metrics.values())
    channels = [*catalogue.channels, "自定义渠道", "=cmd", None, None]
    facts = []
    for index in range(count):
        metric = rng.choice(metrics)
        if metric.category in catalogue.vocabularies:
            category = rng.choice([None, *catalogue.vocabularies[metric.category].terms])
        else:
            category = rng.choice([None, "政务动态", "a,b", "=x", "类别"])
        value = rng.choice(HOSTILE_VALUES)
        if rng.random() < 0.3:
            value = float(rng.randint(0, 10 ** rng.randint(1, 15)))
        words = rng.choice(HOSTILE_WORDS)
        if rng.random() < 0.3 and value is not None:
            words = str(int(value)) if value.is_integer() else repr(value)
        facts.append(
            Fact(
                rng.choice(HOSTILE_TEXTS) + f"单位{index % 40}",
                rng.choice((2019, 2020)),
                metric.id,
                rng.choice(channels),
                category,
                value,
                rng.choice(list(Qualifier)),
                rng.choice([*HOSTILE_TEXTS, None, None]),
                as_written=words,
            )
        )
    return facts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_column_wise_csv_is_the_row_by_row_csv(catalogue: Catalogue, seed: int) -> None:
    facts = hostile_facts(catalogue, 3_000, seed)
    expected = row_by_row_csv(facts, catalogue)
    assert export_facts(facts, catalogue, "csv") == expected
    # From a frame, written in batches (as downloads are): the same bytes.
    frame = fact_frame(facts)
    assert export_frame(frame, catalogue, "csv") == expected
    sink = io.BytesIO()
    assert write_csv(frame.iter_slices(700), catalogue, sink) == len(facts)
    assert sink.getvalue() == expected
    # The cases are there: numbers, words, neutralised and quoted cells, both value paths.
    text = expected.decode("utf-8-sig")
    assert all(s in text for s in (',"a,b', '"say ""hi"""', ",'=", ",'-", "未报告"))
    cells = [fact_cells(f, catalogue)[5] for f in facts]
    assert {type(c) for c in cells} == {int, float, str}


def test_the_column_wise_csv_of_the_samples_is_the_row_by_row_csv(catalogue: Catalogue) -> None:
    facts = [f for _, r in validate_samples(catalogue) for d in r.datasets for f in d.facts]
    assert any(f.as_written for f in facts) and any(f.note for f in facts)
    assert export_facts(facts, catalogue, "csv") == row_by_row_csv(facts, catalogue)


def test_the_column_wise_csv_refuses_an_unknown_metric(catalogue: Catalogue) -> None:
    fact = Fact(AGENCY, 2020, "no_such_metric", None, None, 1.0, Qualifier.EXACT)
    with pytest.raises(KeyError, match="no_such_metric"):
        fact_cells(fact, catalogue)
    with pytest.raises(KeyError, match="no_such_metric"):
        export_facts([fact], catalogue, "csv")
