"""Identity harness: the validation report of many files, saved, then compared after a change.

    .venv/bin/python benchmarks/ingest_identity.py save /tmp/ingest/baseline.pkl
    .venv/bin/python benchmarks/ingest_identity.py compare /tmp/ingest/baseline.pkl

`save` validates every input and stores, with the input bytes themselves (so that `compare` runs
the very same files), each report as data: problems in order with row, column, value and params
(their exact Python representation: 400 is not 400.0, a tuple is not a list), facts with every
field, channel mappings, `readable`, and the words of each problem and of the `validate --json`
record in Chinese and English. `compare` validates the stored inputs again and prints each
difference; it exits 1 on any.

The inputs: every CSV and .xlsx under tests/ and data/samples, the hostile upload of
tests/hostile.py, the 1,300 damaged files of tests/test_fuzz.py, `--messy` seeded files of
tests/messy_uploads.py (bad cells, duplicates, relation failures, last year's figures), and the
upload files of benchmarks/synthetic.py stores (CSV and .xlsx).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_datasets  # noqa: E402
from dashboard.domain.catalogue import Catalogue, default_catalogue  # noqa: E402
from dashboard.domain.facts import Fact  # noqa: E402
from dashboard.i18n.problems import problem_action, problem_message, report_record  # noqa: E402
from dashboard.ingest.validate import ValidationReport, validate_file  # noqa: E402
from dashboard.outputs.exporter import export_facts  # noqa: E402


@dataclass
class Input:
    name: str
    content: bytes
    default_agency: str | None = None
    previous: dict[tuple[str, int], list[Fact]] = field(default_factory=dict)


def inputs(catalogue: Catalogue, messy: int) -> list[Input]:
    from tests import hostile, messy_uploads, test_fuzz

    found: list[Input] = []
    for folder in (ROOT / "tests", ROOT / "data" / "samples"):
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".csv", ".xlsx") and path.is_file():
                found.append(Input(str(path.relative_to(ROOT)), path.read_bytes()))
    found.append(Input("hostile.csv", hostile.csv_bytes()))
    for case in test_fuzz.generate(catalogue):
        found.append(Input(f"fuzz/{case.name}", case.content))
    for upload in messy_uploads.generate(catalogue, messy):
        found.append(Input(upload.name, upload.content, upload.default_agency, upload.previous))
    for agencies, years in ((3, 2), (20, 3), (100, 10)):
        facts = [f for d in synthetic_datasets(agencies, years) for f in d.facts]
        found.append(
            Input(f"synthetic-{agencies}x{years}.csv", export_facts(facts, catalogue, "csv"))
        )
        if agencies <= 20:
            xlsx = export_facts(facts, catalogue, "xlsx")
            found.append(Input(f"synthetic-{agencies}x{years}.xlsx", xlsx))
    return found


def validate(item: Input, catalogue: Catalogue) -> ValidationReport:
    previous = item.previous

    def previous_facts(agency: str, year: int) -> list[Fact]:
        return list(previous.get((agency, year), []))

    return validate_file(
        item.content,
        item.name,
        catalogue,
        default_agency=item.default_agency,
        previous_facts=previous_facts if previous else None,
    )


def record(report: ValidationReport) -> dict[str, Any]:
    """Everything a report says, as comparable data."""
    return {
        "readable": report.readable,
        "problems": [repr(p) for p in report.problems],
        "datasets": [
            (d.agency, d.year, [repr(f) for f in d.facts], d.content_hash())
            for d in report.datasets
        ],
        "mappings": [repr(m) for m in report.mappings],
        "words": [
            (problem_message(p, lang), problem_action(p, lang))
            for p in report.problems
            for lang in ("zh", "en")
        ],
        "json": {
            lang: json.dumps(report_record(report, lang), ensure_ascii=False)
            for lang in ("zh", "en")
        },
    }


def run(items: list[Input], catalogue: Catalogue) -> tuple[list[dict[str, Any]], float]:
    start = time.perf_counter()
    records = [record(validate(item, catalogue)) for item in items]
    return records, time.perf_counter() - start


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in old:
        if old[key] == new[key]:
            continue
        if isinstance(old[key], list):
            a, b = old[key], new[key]
            if len(a) != len(b):
                out.append(f"{key}: {len(a)} entries, now {len(b)}")
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                if x != y:
                    out.append(f"{key}[{i}]:\n    was {str(x)[:600]}\n    now {str(y)[:600]}")
                    break
        else:
            out.append(f"{key}: was {str(old[key])[:300]} now {str(new[key])[:300]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--messy", type=int, default=400, help="seeded messy files (save)")
    parser.add_argument(
        "--screen-all",
        action="store_true",
        help="screen every file's datasets, however few facts it has (compare)",
    )
    args = parser.parse_args(argv)
    if args.screen_all:
        from dashboard.ingest import validate as validation

        validation.SCREEN_FROM = 0
    catalogue = default_catalogue()
    if args.action == "save":
        items = inputs(catalogue, args.messy)
        records, seconds = run(items, catalogue)
        with args.path.open("wb") as out:
            # plain tuples: the file reads back whichever module loads it
            stored = [(i.name, i.content, i.default_agency, i.previous) for i in items]
            pickle.dump({"inputs": stored, "records": records, "seconds": seconds}, out)
        problems = sum(len(r["problems"]) for r in records)
        facts = sum(len(d[2]) for r in records for d in r["datasets"])
        print(f"saved {len(items)} files ({problems} problems, {facts} facts) in {seconds:.1f} s")
        return 0
    with args.path.open("rb") as source:
        saved = pickle.load(source)
    items = [Input(*stored) for stored in saved["inputs"]]
    records, seconds = run(items, catalogue)
    failed = 0
    for item, old, new in zip(items, saved["records"], records, strict=True):
        found = differences(old, new)
        if found:
            failed += 1
            if failed <= 25:
                print(f"── {item.name}")
                print("\n".join(found[:6]))
    print(
        f"{len(records)} files, {failed} with differences; "
        f"validation {saved['seconds']:.1f} s then, {seconds:.1f} s now"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
