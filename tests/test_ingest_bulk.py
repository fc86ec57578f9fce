"""The shortcuts of a big import give exactly what the plain code gives.

Validation's content hashes (`dashboard/ingest/hashes.py`, computed for a whole file at once)
are exactly `Dataset.content_hash`: the store compares them with the hashes of stored versions,
so any difference would make a new version of an unchanged dataset; and `import` still makes no
new version of a dataset stored by a commit that hashed it fact by fact. Validation's facts, made
without calling Fact's __init__ (`validate._made`), are the facts that __init__ makes."""

from __future__ import annotations

import gc
import math
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from benchmarks.synthetic import synthetic_datasets
from dashboard.cli import EXIT_OK, main
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest import validate
from dashboard.ingest.hashes import content_hashes
from dashboard.ingest.rows import FACT_FIELDS
from dashboard.ingest.validate import SCREEN_FROM, ValidationReport, validate_file
from dashboard.outputs.exporter import export_facts
from dashboard.platform.auth import Actor, Role
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.platform.workflow import commit_upload, validate_upload
from dashboard.store.database import CommitResult, Store
from tests import messy_uploads
from tests.conftest import SAMPLE_CSV

ROOT = Path(__file__).resolve().parents[1]


def _frame(datasets: list[Dataset]) -> pl.DataFrame:
    """The facts of datasets as validation's frame has them: `ds`, in each list's order."""
    return pl.DataFrame(
        [
            (ds, *f.slot, f.value, str(f.qualifier), f.note, f.unit, f.as_written)
            for ds, dataset in enumerate(datasets)
            for f in dataset.facts
        ],
        schema={
            "ds": pl.UInt32,
            "metric": pl.String,
            "channel": pl.String,
            "category": pl.String,
            "value": pl.Float64,
            "qualifier": pl.String,
            "note": pl.String,
            "unit": pl.String,
            "as_written": pl.String,
        },
        orient="row",
    )


def _expected(datasets: list[Dataset]) -> dict[int, str]:
    return {ds: d.content_hash() for ds, d in enumerate(datasets) if d.facts}


VALUES: list[tuple[float | None, str | None]] = [
    (None, None),
    (None, "未报告"),
    (0.0, "0"),
    (-0.0, "0"),
    (-0.0, "-0"),
    (0.0, None),
    (5.0, "5"),
    (5.0, "5.0"),
    (5.0, "05"),
    (-5.0, "-5"),
    (400.0, "400余"),
    (123456789.0, "123456789"),
    (1e15, "1000000000000000"),
    (1e16, "10000000000000000"),
    (1e22, "10000000000000000000000"),
    (2.5, "2.5"),
    (2.5, "2.50"),
    (0.1 + 0.2, "0.30000000000000004"),
    (0.1 + 0.2, "0.3"),
    (1e-07, "0.0000001"),
    (1e-07, "1e-07"),
    (-1.5, "-1.5"),
    (90.1, "90.1万元"),
    (math.inf, "Infinity"),
    (-math.inf, "-Infinity"),
    (math.nan, "NaN"),
    (math.nan, None),
    (3.0, "Infinity"),
]
TEXTS = [
    None,
    "",
    "plain",
    "政府门户网站",
    'a "quote"',
    "back\\slash",
    "line\nbreak",
    "tab\there",
    "\x01control\x1f",
    "\x7fdelete",
    "\u2028separator\u2029",
    "emoji 😀",
    "全角　空格",
]


def _edge_datasets() -> list[Dataset]:
    datasets = []
    for index, (value, written) in enumerate(VALUES):
        facts = [
            Fact(
                "单位",
                2020,
                metric=f"metric_{(index * 7 + n) % 5}",
                channel=[None, "gov_portal", "", "wechat"][n % 4],
                category=TEXTS[(index + n) % len(TEXTS)],
                value=value if n % 2 == 0 else float(n),
                qualifier=list(Qualifier)[n % len(Qualifier)],
                note=TEXTS[(index * 3 + n) % len(TEXTS)],
                row=n + 2,
                unit=TEXTS[(index + 2 * n) % len(TEXTS)],
                as_written=written if n % 2 == 0 else TEXTS[n % len(TEXTS)],
            )
            for n in range(12)
        ]
        datasets.append(Dataset("单位", 2000 + index, facts))
    # Two facts of one slot (validation never keeps them, the hash still orders them stably).
    twin = Fact("单位", 2100, "metric_0", None, None, 1.0, Qualifier.EXACT, as_written="1")
    datasets.append(
        Dataset(
            "单位", 2100, [twin, Fact("单位", 2100, "metric_0", None, None, 2.0, Qualifier.EXACT)]
        )
    )
    return datasets


def test_edge_values_hash_as_content_hash() -> None:
    datasets = _edge_datasets()
    assert content_hashes(_frame(datasets)) == _expected(datasets)


def test_messy_uploads_hash_as_content_hash(catalogue: Catalogue) -> None:
    datasets = []
    hashed = 0
    for upload in messy_uploads.generate(catalogue, 80):
        report = validate_file(
            upload.content,
            upload.name,
            catalogue,
            default_agency=upload.default_agency,
            with_hashes=True,
        )
        for dataset in report.datasets:
            key = (dataset.agency, dataset.year)
            assert report.content_hashes.get(key, dataset.content_hash()) == dataset.content_hash()
        hashed += len(report.content_hashes)
        datasets += report.datasets
    assert len(datasets) > 50
    assert hashed > 50
    assert content_hashes(_frame(datasets)) == _expected(datasets)


def _synthetic_upload(tmp_path: Path, catalogue: Catalogue) -> tuple[Path, list[Dataset]]:
    datasets = list(synthetic_datasets(30, 3))
    facts = [f for d in datasets for f in d.facts]
    assert len(facts) >= SCREEN_FROM  # validation screens, and hashes from its frame
    path = tmp_path / "upload.csv"
    path.write_bytes(export_facts(facts, catalogue, "csv"))
    return path, datasets


def test_validation_gives_the_hash_of_each_dataset_as_read(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path, _ = _synthetic_upload(tmp_path, catalogue)
    report = validate_file(path.read_bytes(), path.name, catalogue, with_hashes=True)
    assert report.ok
    expected = {(d.agency, d.year): d.content_hash() for d in report.datasets}
    assert report.content_hashes == expected
    assert len(expected) == 90


def test_validation_leaves_out_datasets_the_checks_changed(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path, _ = _synthetic_upload(tmp_path, catalogue)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    # One row twice: its dataset is checked and the repeat dropped.
    content = "\n".join([*lines, lines[1]]) + "\n"
    report = validate_file(content.encode(), "upload.csv", catalogue, with_hashes=True)
    assert report.ok
    assert len(report.content_hashes) == 89
    for dataset in report.datasets:
        key = (dataset.agency, dataset.year)
        assert report.content_hashes.get(key, dataset.content_hash()) == dataset.content_hash()


def test_import_makes_no_version_of_a_dataset_stored_before(
    tmp_path: Path, catalogue: Catalogue, any_db_url: str
) -> None:
    """Stored by a commit that hashes fact by fact (as the code before did), imported again:
    no dataset gets a new version."""
    url = any_db_url
    path, _ = _synthetic_upload(tmp_path, catalogue)
    report = validate_file(path.read_bytes(), path.name, catalogue, with_hashes=True)
    store = Store(url)
    try:
        results = store.commit(report.datasets, user="old")
        assert all(r.created for r in results)
    finally:
        store.close()
    assert main(["import", str(path), "--json"]) == EXIT_OK
    assert gc.isenabled()  # paused for the command only
    store = Store(url)
    try:
        versions = store.history()
    finally:
        store.close()
    assert len(versions) == 90
    assert {v.version for v in versions} == {1}


def test_the_web_upload_commits_with_validations_hashes(
    tmp_path: Path, catalogue: Catalogue, any_db_url: str
) -> None:
    """The upload page's path (`validate_upload`, `commit_upload`) hands validation's hashes to
    the store: an unchanged file makes no version of a dataset stored by a commit that hashed it
    fact by fact, and a hash of validation's that differs is the one the store compares."""
    path, _ = _synthetic_upload(tmp_path, catalogue)
    content = path.read_bytes()
    store = Store(any_db_url)
    try:
        report = validate_upload(content, path.name, catalogue, store, limit_mb=20)
        assert report.ok
        assert report.content_hashes == {
            (d.agency, d.year): d.content_hash() for d in report.datasets
        }
        assert all(r.created for r in store.commit(report.datasets, user="old"))

        def upload(report: ValidationReport) -> list[CommitResult]:
            return commit_upload(
                store,
                report,
                actor=Actor("alice", Role.EDITOR),
                file_name=path.name,
                content=content,
                confirmed_replace=True,
            )

        assert not any(r.created for r in upload(report))
        probe = next(iter(report.content_hashes))
        report.content_hashes[probe] = "0" * 64
        assert [(r.agency, r.year) for r in upload(report) if r.created] == [probe]
    finally:
        store.close()


def test_facts_are_made_as_their_constructor_makes_them() -> None:
    assert validate._SLOTS is not None  # the fast path is the one taken
    facts = [f for d in _edge_datasets() for f in d.facts]
    columns = [[getattr(f, name) for f in facts] for name in FACT_FIELDS]
    made = validate._made(columns)
    assert made == list(map(Fact, *columns))
    assert [hash(f) for f in made] == [hash(f) for f in map(Fact, *columns)]
    assert all(type(f) is Fact for f in made)
    with pytest.raises(AttributeError):
        made[0].value = 1.0  # type: ignore[misc]  # still frozen


def test_a_csv_import_starts_without_openpyxl(tmp_path: Path, sqlite_url: str) -> None:
    """openpyxl (0.2 s with numpy) is imported only where an .xlsx is read or written."""
    script = (
        "import sys\n"
        "from dashboard.cli import main\n"
        f"assert main(['import', {str(SAMPLE_CSV)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'numpy')))\n"
    )
    env = {**os.environ, DATABASE_URL_ENV: sqlite_url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
