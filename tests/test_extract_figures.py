"""extract_figures: figures of report texts named with the catalogue, quoted exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks.bench_extract import measure
from dashboard.domain.catalogue import default_catalogue
from dashboard.extract.figures import extract_figures, find_agency_year, to_facts

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "data" / "samples" / "sources" / "dinghai-edu-2019.txt"
SEED_CSV = ROOT / "data" / "samples" / "dinghai-education-2019.csv"


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return default_catalogue()


def test_seed_report_quotes_exact_and_none_wrong(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = SEED_TEXT.read_text(encoding="utf-8")
    extraction = extract_figures(text, catalogue)
    assert extraction.facts
    with SEED_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    sample: dict[tuple[str, str | None], set[str]] = {}
    for row in rows:
        metric = catalogue.find_metric(row["指标"])
        channel = catalogue.find_channel(row["渠道"]) if row["渠道"] else None
        assert metric is not None
        sample.setdefault((metric.id, channel.id if channel else None), set()).add(row["数值"])
    for fact in extraction.facts:
        assert text[fact.start : fact.end] == fact.quote
        assert fact.as_written.rstrip("条篇件人次") in fact.quote or fact.as_written in fact.quote
        # none wrong: a figure found is one the sample gives for its metric and channel
        written = sample.get((fact.metric, fact.channel), set())
        assert any(fact.as_written.startswith(w) for w in written), fact
    facts = to_facts(extraction, "定海区教育局", 2019)
    assert all(f.note for f in facts)


def test_dev_corpus_precision() -> None:
    m = measure()
    assert m.precision >= 0.95, m.wrong
    assert m.recall >= 0.74, m.missed
    assert m.agency_found / m.reports >= 0.9
    assert m.year_found / m.reports >= 0.95


def test_skips_dates_phones_and_laws(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = (
        "本年报统计期限自2025年1月1日起至2025年12月31日。联系电话 0558-5125009。"
        "依据《条例》(国务院令第711号)第二十条。主动公开政府信息1200余条，同比增长12%。"
    )
    extraction = extract_figures(text, catalogue)
    reasons = {s.number: s.reason for s in extraction.skipped}
    assert reasons["1"] == "date"
    assert reasons["0558"] == "phone"
    assert reasons["711"] == "law number"
    assert reasons["12%"] == "change"
    [fact] = extraction.facts
    assert (fact.metric, fact.channel, fact.value, str(fact.qualifier)) == (
        "items_published",
        None,
        1200,
        "at_least",
    )
    assert fact.quote == "主动公开政府信息1200余条"
    assert extraction.year == 2025 and extraction.agency is None
    assert extraction.warnings


def test_agency_and_year_from_title() -> None:
    assert find_agency_year("亳州市教育局2022年政府信息公开工作年度报告\n") == (
        "亳州市教育局",
        2022,
    )
    assert find_agency_year("没有标题") == (None, None)
    # title broken over two lines; written-by sentence; year from the statistics period
    assert find_agency_year("六盘水市公安局2020年度政府信息\n公开工作年度报告\n") == (
        "六盘水市公安局",
        2020,
    )
    assert find_agency_year(
        "本年报是由南京市浦口区教育局办公室编制的2024年度政府信息公开工作年度报告。"
    ) == ("南京市浦口区教育局", 2024)
    assert find_agency_year("由杭州市余杭區(qū)教育局編制本報告。統計期限自2022年1月1日至") == (
        "杭州市余杭區教育局",
        2022,
    )


def test_new_phrasings(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = (
        "本年度共辦結依申請政府信息公開事項18件。微信公众号订阅用户6731人。全年共发布本级文件3条。"
    )
    facts = {(f.metric, f.channel, f.category): f for f in extract_figures(text, catalogue).facts}
    done = facts[("requests_completed", None, None)]
    assert done.value == 18 and text[done.start : done.end] == done.quote
    assert facts[("followers", "wechat", None)].value == 6731
    assert facts[("items_published", None, "documents")].value == 3
