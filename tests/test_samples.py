"""The bundled samples (data/samples/): valid, several years per agency, and true to the reports.

Every note is the report's own words, so each one is checked against the report it came from:
the report texts are bundled in data/samples/sources/ (listed with their addresses in
sources.toml), so the check needs nothing outside the project.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.facts import Fact
from dashboard.ingest.validate import ValidationReport, validate_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "data" / "samples"
SOURCES_DIR = SAMPLES_DIR / "sources"
DINGHAI_REPORT = SOURCES_DIR / "dinghai-edu-2019.txt"

DINGHAI_SAMPLE = "dinghai-education-2019.csv"
# The multi-year samples taken from the corpus, and the agency each one holds.
CORPUS_SAMPLES = {
    "hangzhou-education.csv": "杭州市教育局",
    "yuhang-education.csv": "杭州市余杭区教育局",
    "qixia-education.csv": "南京市栖霞区教育局",
    "chongqing-education.csv": "重庆市教育委员会",
}
# Agency names the corpus writes in traditional characters; the samples use the simplified name.
CORPUS_AGENCY_NAMES = {"杭州市余杭區教育局": "杭州市余杭区教育局"}


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in (".csv", ".xlsx"))


@cache
def catalogue() -> Catalogue:
    return default_catalogue()


@cache
def report_for(name: str) -> ValidationReport:
    path = SAMPLES_DIR / name
    return validate_file(path.read_bytes(), path.name, catalogue())


def facts_of(name: str) -> list[Fact]:
    return [fact for dataset in report_for(name).datasets for fact in dataset.facts]


@cache
def sources() -> dict[str, dict[str, object]]:
    """The bundled report texts' index: id → agency, year, script, url, file."""
    return tomllib.loads((SOURCES_DIR / "sources.toml").read_text("utf-8"))["report"]


@cache
def corpus_texts() -> dict[tuple[str, int], str]:
    """(agency, year) → report text of the corpus reports; agency names in simplified script."""
    texts: dict[tuple[str, int], str] = {}
    for report_id, record in sources().items():
        if report_id == DINGHAI_REPORT.stem:
            continue
        agency = CORPUS_AGENCY_NAMES.get(str(record["agency"]), str(record["agency"]))
        key = (agency, int(str(record["year"])))
        assert key not in texts, f"two source reports for {key}"
        texts[key] = (SOURCES_DIR / str(record["file"])).read_text("utf-8")
    return texts


def test_every_source_text_is_listed_with_its_origin() -> None:
    listed = {str(r["file"]) for r in sources().values()}
    bundled = {p.name for p in SOURCES_DIR.glob("*.txt")}
    assert listed == bundled
    for report_id, record in sources().items():
        assert record["agency"] and int(str(record["year"])) >= 2008, report_id
        if report_id != DINGHAI_REPORT.stem:  # the seed's page address was not kept with it
            assert str(record["url"]).startswith("http"), report_id


def collapse_spaces(text: str) -> str:
    """Runs of whitespace as one space, as the validator stores a note."""
    return re.sub(r"\s+", " ", text).strip()


def without_spaces(text: str) -> str:
    """No whitespace, and full-width punctuation as ASCII (NFKC): the seed report was copied
    from a web page with `,` where the sample, like the report, writes `，`."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_the_expected_samples_are_bundled() -> None:
    names = {p.name for p in sample_paths()}
    assert {DINGHAI_SAMPLE, *CORPUS_SAMPLES} <= names


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_validates_without_errors(path: Path) -> None:
    report = report_for(path.name)
    assert report.readable
    assert report.errors == [], report.flatten()
    assert report.ok
    assert report.fact_count > 0


@pytest.mark.parametrize("name", sorted(CORPUS_SAMPLES))
def test_corpus_samples_have_no_warnings(name: str) -> None:
    assert report_for(name).warnings == [], report_for(name).flatten()


@pytest.mark.parametrize(("name", "agency"), sorted(CORPUS_SAMPLES.items()))
def test_each_corpus_agency_has_several_years(name: str, agency: str) -> None:
    datasets = report_for(name).datasets
    assert {d.agency for d in datasets} == {agency}
    years = {d.year for d in datasets}
    assert len(years) >= 2, years
    assert all(d.facts for d in datasets)


def test_corpus_samples_cover_every_corpus_year_of_their_agency() -> None:
    for name, agency in CORPUS_SAMPLES.items():
        corpus_years = {year for (a, year) in corpus_texts() if a == agency}
        sample_years = {d.year for d in report_for(name).datasets}
        assert sample_years == corpus_years, name


@pytest.mark.parametrize("name", sorted(CORPUS_SAMPLES))
def test_corpus_sample_notes_are_verbatim_quotes_of_the_report(name: str) -> None:
    texts = corpus_texts()
    for fact in facts_of(name):
        assert fact.note, (name, fact.row)
        text = texts.get((fact.agency, fact.year))
        assert text is not None, (name, fact.agency, fact.year)
        assert fact.note in collapse_spaces(text), (name, fact.row, fact.note)


def test_dinghai_sample_notes_come_from_the_seed_report() -> None:
    report_text = without_spaces(DINGHAI_REPORT.read_text("utf-8"))
    for fact in facts_of(DINGHAI_SAMPLE):
        assert fact.note, fact.row
        assert without_spaces(fact.note) in report_text, (fact.row, fact.note)


# (agency, year, metric id, channel id, category, value, qualifier)
SPOT_CHECKS = [
    # 杭州市教育局
    ("杭州市教育局", 2020, "items_published", "weibo", None, 1200, "at_least"),
    ("杭州市教育局", 2020, "items_published", "wechat", None, 1400, "at_least"),
    ("杭州市教育局", 2020, "items_published", "gov_portal", None, 1525, "exact"),
    ("杭州市教育局", 2020, "followers", "wechat", None, 500_000, "at_least"),
    ("杭州市教育局", 2020, "requests_unavailable", None, None, 12, "exact"),
    ("杭州市教育局", 2022, "followers", "wechat", None, 901_000, "exact"),
    ("杭州市教育局", 2022, "items_published", "weibo", None, 3848, "exact"),
    ("杭州市教育局", 2022, "requests_completed", None, None, 18, "exact"),
    ("杭州市教育局", 2022, "appeal_review", None, None, 1, "exact"),
    # 杭州市余杭区教育局
    ("杭州市余杭区教育局", 2022, "items_published", "gov_portal", None, 104, "exact"),
    ("杭州市余杭区教育局", 2022, "requests_new", None, None, 54, "exact"),
    ("杭州市余杭区教育局", 2023, "items_published", "gov_portal", None, 93, "exact"),
    ("杭州市余杭区教育局", 2023, "followers", "wechat", None, 310_000, "exact"),
    ("杭州市余杭区教育局", 2023, "reads", "wechat", None, 2_780_000, "at_least"),
    ("杭州市余杭区教育局", 2023, "appeal_review", None, None, 1, "exact"),
    # 南京市栖霞区教育局
    ("南京市栖霞区教育局", 2023, "items_published", "gov_portal", None, 36, "exact"),
    ("南京市栖霞区教育局", 2023, "items_published", "wechat", None, 458, "exact"),
    ("南京市栖霞区教育局", 2025, "items_published", "wechat", None, 525, "exact"),
    ("南京市栖霞区教育局", 2025, "hotline_received", "hotline_12345", None, 8876, "exact"),
    ("南京市栖霞区教育局", 2025, "requests_new", None, None, 5, "exact"),
    ("南京市栖霞区教育局", 2025, "requests_disclosed", None, None, 3, "exact"),
    # 重庆市教育委员会
    ("重庆市教育委员会", 2022, "items_published", None, None, 7100, "at_least"),
    ("重庆市教育委员会", 2022, "items_published", "news_media", None, 3000, "at_least"),
    ("重庆市教育委员会", 2022, "interpretations", None, None, 15, "exact"),
    ("重庆市教育委员会", 2022, "requests_unavailable", None, None, 1, "exact"),
    ("重庆市教育委员会", 2023, "items_published", None, None, 4884, "exact"),
    ("重庆市教育委员会", 2023, "items_published", "news_media", None, 2500, "at_least"),
    ("重庆市教育委员会", 2023, "requests_new", None, None, 8, "exact"),
]


@cache
def corpus_facts() -> dict[tuple[str, int, str, str | None, str | None], Fact]:
    found: dict[tuple[str, int, str, str | None, str | None], Fact] = {}
    for name in CORPUS_SAMPLES:
        for fact in facts_of(name):
            found[(fact.agency, fact.year, fact.metric, fact.channel, fact.category)] = fact
    return found


@pytest.mark.parametrize(
    ("agency", "year", "metric", "channel", "category", "value", "qualifier"),
    SPOT_CHECKS,
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}" for c in SPOT_CHECKS],
)
def test_spot_check_values_and_qualifiers(
    agency: str,
    year: int,
    metric: str,
    channel: str | None,
    category: str | None,
    value: float,
    qualifier: str,
) -> None:
    fact = corpus_facts().get((agency, year, metric, channel, category))
    assert fact is not None, (agency, year, metric, channel, category)
    assert fact.value == value
    assert str(fact.qualifier) == qualifier


def test_spot_checks_cover_every_corpus_agency_year() -> None:
    checked = {(c[0], c[1]) for c in SPOT_CHECKS}
    expected = {(d.agency, d.year) for name in CORPUS_SAMPLES for d in report_for(name).datasets}
    assert checked == expected
