"""Benchmark: how far two careful labellers agree on the same report texts, and the extractor
beside them — the ceiling a measure against one labeller's labels can show.

    .venv/bin/python benchmarks/bench_agreement.py [--second tests/data/corpus/second-labels.jsonl]

`second-labels.jsonl` holds second labels: new labellers, blind to the extractor and to the
first labels, labelled again, by the same rulebook (tests/data/corpus/README.md), the texts of a
sample of blind-set reports. Printed, on those reports:
- the second labels measured against the first as the extractor is measured (a figure agrees
  when metric, channel, category, value and qualifier all match), and the agency and year;
- the extractor, as the code stands, against the first labels, the second, the figures either
  labeller gave (its precision) and the figures both gave (its recall).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.domain.agency_names import same_agency, same_agency_placed  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.domain.script import to_simplified  # noqa: E402
from dashboard.extract.figures import extract_figures  # noqa: E402
from tests.corpus import LABEL_ROWS, Resolver, same_number  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "data" / "corpus"
SECOND = CORPUS_DIR / "second-labels.jsonl"

Slot = tuple[str, str | None, str | None]
# (metric, channel, category), value, qualifier
Key = tuple[Slot, float, str]


@dataclass
class Agreement:
    """One side's figures measured against the other's (`given` against `wanted`)."""

    given: int = 0
    right: int = 0  # given figures some wanted figure matches
    wanted: int = 0
    found: int = 0  # wanted figures some given figure matches

    @property
    def precision(self) -> float:
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.wanted if self.wanted else 1.0

    def add(self, given: Sequence[Key], wanted: Sequence[Key], right_by: Sequence[Key]) -> None:
        """Count one report: `given` judged right by `right_by` (the wanted figures, or more
        leniently the figures either side gave), `wanted` found among `given`."""
        self.given += len(given)
        self.right += sum(any(_same(g, w) for w in right_by) for g in given)
        self.wanted += len(wanted)
        self.found += sum(any(_same(g, w) for g in given) for w in wanted)

    def line(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.right}/{self.given}), "
            f"recall {self.recall:.3f} ({self.found}/{self.wanted})"
        )


@dataclass
class Names:
    """The agency and year one side wrote, measured against the other's."""

    reports: int = 0
    exact: int = 0
    same: int = 0  # the same agency in another spelling (agency_names)
    placed: int = 0  # …or with (or without) the places written before it
    year: int = 0

    def add(self, given: dict[str, Any], wanted: dict[str, Any]) -> None:
        name, other = given.get("agency") or "", wanted.get("agency") or ""
        self.reports += 1
        self.exact += bool(name) and to_simplified(name) == to_simplified(other)
        self.same += bool(name) and same_agency(name, other)
        self.placed += bool(name) and same_agency_placed(name, other)
        self.year += given.get("year") is not None and int(given["year"]) == int(wanted["year"])

    def line(self) -> str:
        n = max(self.reports, 1)
        return (
            f"agency {self.exact / n:.0%} as written ({self.exact}/{self.reports}), "
            f"{self.same / n:.0%} the same agency, {self.placed / n:.0%} up to the places "
            f"before it; year {self.year / n:.0%}"
        )


def _same(a: Key, b: Key) -> bool:
    return a[0] == b[0] and same_number(a[1], b[1]) and a[2] == b[2]


def label_keys(labels: Iterable[dict[str, Any]], resolve: Resolver) -> list[Key]:
    """The labels' figures as keys; a label id the table lacks names no figure."""
    return [
        (resolve.slot(LABEL_ROWS[x["metric"]]), float(x["value"]), x["qualifier"])
        for x in labels
        if x["metric"] in LABEL_ROWS
    ]


def both(first: Sequence[Key], second: Sequence[Key]) -> list[Key]:
    """The first side's figures the second side gave too."""
    return [k for k in first if any(_same(k, o) for o in second)]


def load_second(path: Path = SECOND) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def load_first(sets: Iterable[str], folder: Path = CORPUS_DIR) -> dict[str, dict[str, Any]]:
    """The reports of the named sets (`blind27`…), by id."""
    reports: dict[str, dict[str, Any]] = {}
    for name in sorted(set(sets)):
        for line in (folder / f"reports-{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                report = json.loads(line)
                reports[report["id"]] = report
    return reports


@dataclass
class Measures:
    second_vs_first: Agreement
    names: Names
    extractor_vs_first: Agreement
    extractor_vs_second: Agreement
    extractor_vs_either: Agreement  # precision against either side, recall against both
    extractor_names: Names
    reports: int


def measure(second: Sequence[dict[str, Any]], first: dict[str, dict[str, Any]]) -> Measures:
    catalogue = default_catalogue()
    resolve = Resolver()
    judged = {resolve.slot(home) for home in LABEL_ROWS.values()}
    m = Measures(Agreement(), Names(), Agreement(), Agreement(), Agreement(), Names(), 0)
    for again in second:
        report = first[again["id"]]
        a, b = label_keys(report["labels"], resolve), label_keys(again["labels"], resolve)
        m.reports += 1
        m.second_vs_first.add(b, a, a)
        m.names.add(again, report)
        extraction = extract_figures(report["text"], catalogue)
        facts: list[Key] = [
            ((f.metric, f.channel, f.category), f.value, str(f.qualifier))
            for f in extraction.facts
            if (f.metric, f.channel, f.category) in judged
        ]
        m.extractor_vs_first.add(facts, a, a)
        m.extractor_vs_second.add(facts, b, b)
        m.extractor_vs_either.add(facts, both(a, b), [*a, *b])
        m.extractor_names.add({"agency": extraction.agency, "year": extraction.year}, report)
    return m


def group_of(again: dict[str, Any]) -> str:
    """The group a second label belongs to: its labeller's name before the last dash (`sample`
    for the reports drawn from blind27–39, `blind40` for a set labelled twice from the start)."""
    return str(again.get("labeller", "")).rsplit("-", 1)[0] or "-"


def _print(title: str, m: Measures) -> None:
    print(f"{title}: {m.reports} reports labelled twice")
    print(f"  second labels against the first: {m.second_vs_first.line()}")
    print(f"    the second labeller's {m.names.line()}")
    print(f"  extractor against the first labels:  {m.extractor_vs_first.line()}")
    print(f"  extractor against the second labels: {m.extractor_vs_second.line()}")
    print(
        "  extractor against either labeller (precision) and the figures both gave (recall): "
        + m.extractor_vs_either.line()
    )
    print(f"    the extractor's {m.extractor_names.line()} (against the first labels)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--second", type=Path, default=SECOND)
    args = parser.parse_args(argv)
    second = load_second(args.second)
    first = load_first(x["set"] for x in second)
    for group in sorted({group_of(x) for x in second}):
        _print(group, measure([x for x in second if group_of(x) == group], first))
    _print("all", measure(second, first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
