"""Benchmark: how well `extract_figures` finds the hand-labelled figures of a report corpus.

    .venv/bin/python benchmarks/bench_extract.py [--corpus path.jsonl]

Each report's text is extracted with no agency or year given; each label is mapped to its
(metric, channel, category) as tests/corpus.py does (LABEL_ROWS, Resolver). A figure counts as
right only when metric, channel, category, value and qualifier all match a label. Printed:
precision, recall, the share of reports whose agency and year were found, and the misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.extract.figures import Found, extract_figures  # noqa: E402
from tests.corpus import CORPUS, LABEL_ROWS, Resolver, same_number  # noqa: E402

Slot = tuple[str, str | None, str | None]


@dataclass
class ExtractMeasure:
    facts: int = 0
    right: int = 0
    labels: int = 0
    found: int = 0
    reports: int = 0
    agency_found: int = 0
    year_found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.facts if self.facts else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0


def _matches(fact: Found, slot: Slot, value: float, qualifier: str) -> bool:
    return (
        (fact.metric, fact.channel, fact.category) == slot
        and same_number(fact.value, value)
        and str(fact.qualifier) == qualifier
    )


def measure(path: Path = CORPUS) -> ExtractMeasure:
    """Extract every report of a corpus file and compare with its labels."""
    catalogue = default_catalogue()
    resolve = Resolver()
    result = ExtractMeasure()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        report = json.loads(line)
        extraction = extract_figures(report["text"], catalogue)
        result.reports += 1
        result.agency_found += extraction.agency == report["agency"]
        result.year_found += extraction.year == int(report["year"])
        wanted = [
            (resolve.slot(LABEL_ROWS[x["metric"]]), float(x["value"]), x["qualifier"], x)
            for x in report["labels"]
            if x["metric"] in LABEL_ROWS
        ]
        result.labels += len(wanted)
        for fact in extraction.facts:
            result.facts += 1
            if any(_matches(fact, s, v, q) for s, v, q, _ in wanted):
                result.right += 1
            else:
                result.wrong.append(
                    f"{report['id']}: {fact.metric}/{fact.channel}/{fact.category} "
                    f"{fact.as_written} ← {fact.quote}"
                )
        for slot, value, qualifier, label in wanted:
            if any(_matches(f, slot, value, qualifier) for f in extraction.facts):
                result.found += 1
            else:
                # why the figure was left out, when it was seen at all
                why = next(
                    (
                        s.reason
                        for s in extraction.skipped
                        if s.number in label["as_written"] or label["as_written"] in s.number
                    ),
                    "-",
                )
                result.missed.append(
                    f"{report['id']}: {label['metric']} {label['as_written']} ← {label['quote']}"
                    f" [{why}]"
                )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    m = measure(args.corpus)
    print(f"reports: {m.reports}, labels: {m.labels}, figures extracted: {m.facts}")
    print(f"precision: {m.precision:.3f} ({m.right}/{m.facts})")
    print(f"recall:    {m.recall:.3f} ({m.found}/{m.labels})")
    print(
        f"agency found: {m.agency_found / max(m.reports, 1):.0%}, "
        f"year found: {m.year_found / max(m.reports, 1):.0%}"
    )
    print(f"\nwrong ({len(m.wrong)}):")
    for line in m.wrong:
        print("  " + line)
    print(f"\nmissed ({len(m.missed)}):")
    for line in m.missed:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
