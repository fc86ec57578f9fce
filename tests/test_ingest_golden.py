"""The whole validation report of varied upload files, pinned: problems in order (row, column,
value, params), facts with every field, channel mappings.

The files in tests/data/golden are samples, the hostile upload, seeded messy uploads
(tests/messy_uploads.py: bad cells, duplicates, relation failures, last year's figures, a default
agency), damaged files of tests/test_fuzz.py and a synthetic store's upload, as CSV and .xlsx.
Each `NAME.json` beside a file holds the options it is validated with and the report it gives.
A change that is meant to change reports rewrites them, to be reviewed in the diff:

    .venv/bin/python -m tests.test_ingest_golden --write
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.facts import Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import ValidationReport, validate_file

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
INPUTS = sorted(p for p in GOLDEN.glob("*") if p.suffix in (".csv", ".xlsx"))


def fact_data(fact: Fact) -> dict[str, Any]:
    """Every field, the value as the float it is (400.0, not 400)."""
    return {
        "agency": fact.agency,
        "year": fact.year,
        "metric": fact.metric,
        "channel": fact.channel,
        "category": fact.category,
        "value": fact.value,
        "qualifier": str(fact.qualifier),
        "note": fact.note,
        "row": fact.row,
        "unit": fact.unit,
        "as_written": fact.as_written,
    }


def report_data(report: ValidationReport) -> dict[str, Any]:
    data = {
        "readable": report.readable,
        "problems": [
            {
                "code": str(p.code),
                "severity": str(p.severity),
                "row": p.row,
                "column": p.column,
                "value": p.value,
                "params": p.params,
            }
            for p in report.problems
        ],
        "datasets": [
            {"agency": d.agency, "year": d.year, "facts": [fact_data(f) for f in d.facts]}
            for d in report.datasets
        ],
        "mappings": [m.to_dict() for m in report.mappings],
    }
    for problem in data["problems"]:
        # The latest year accepted is next year's: pinned as such, not as a number that ages.
        if problem["code"] == "year-invalid" and problem["params"]["max"] == date.today().year + 1:
            problem["params"] = {**problem["params"], "max": "next year"}
    # as JSON holds it (tuples become lists): the golden files are JSON
    return json.loads(json.dumps(data, ensure_ascii=False))


def validate(
    path: Path, options: dict[str, Any], catalogue: Catalogue, *, many: bool = False
) -> ValidationReport:
    """The file's report; last year's facts asked for one dataset at a time, or all at once."""
    previous: dict[tuple[str, int], list[Fact]] = {}
    for f in options.get("previous", []):
        fact = Fact(**{**f, "qualifier": Qualifier(f["qualifier"])})
        previous.setdefault((fact.agency, fact.year), []).append(fact)
    if many:
        asked: list[tuple[str, int]] = []

        def previous_many(keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Fact]]:
            asked.extend(keys)
            return {k: previous[k] for k in keys if k in previous}

        report = validate_file(
            path.read_bytes(),
            path.name,
            catalogue,
            default_agency=options.get("default_agency"),
            previous_many=previous_many,
        )
        assert len(asked) == len(set(asked)) == len(report.datasets)  # in one call, each once
        return report
    return validate_file(
        path.read_bytes(),
        path.name,
        catalogue,
        default_agency=options.get("default_agency"),
        previous_facts=(lambda a, y: list(previous.get((a, y), []))) if previous else None,
    )


def golden_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def test_there_are_golden_files() -> None:
    assert len(INPUTS) >= 20
    assert all(golden_path(p).is_file() for p in INPUTS)


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_the_report_is_the_pinned_one(path: Path, catalogue: Catalogue) -> None:
    golden = json.loads(golden_path(path).read_text("utf-8"))
    report = report_data(validate(path, golden["options"], catalogue))
    assert report["problems"] == golden["report"]["problems"]
    assert report["mappings"] == golden["report"]["mappings"]
    assert report == golden["report"]


@pytest.mark.parametrize(
    "path",
    [p for p in INPUTS if "previous" in json.loads(golden_path(p).read_text("utf-8"))["options"]],
    ids=lambda p: p.name,
)
def test_last_years_facts_asked_for_all_at_once_give_the_same_report(
    path: Path, catalogue: Catalogue
) -> None:
    golden = json.loads(golden_path(path).read_text("utf-8"))
    report = report_data(validate(path, golden["options"], catalogue, many=True))
    assert report == golden["report"]


def write(paths: list[Path]) -> None:
    """Rewrite the golden reports of `paths` with what the code gives now."""
    catalogue = default_catalogue()
    for path in paths:
        target = golden_path(path)
        options = json.loads(target.read_text("utf-8"))["options"] if target.exists() else {}
        report = report_data(validate(path, options, catalogue))
        payload = {"options": options, "report": report}
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"{target.name}: {len(report['problems'])} problems")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit(__doc__)
    write(INPUTS)
