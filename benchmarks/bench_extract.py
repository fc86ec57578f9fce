"""Benchmark: how well `extract_figures` finds the hand-labelled figures of a report corpus.

    .venv/bin/python benchmarks/bench_extract.py [--corpus path.jsonl] [--size-kb 1024] [--files]
        [--by-kind]

Each report's text is extracted with no agency or year given; each label is mapped to its
(metric, channel, category) as tests/corpus.py does (LABEL_ROWS, Resolver). A figure counts as
right only when metric, channel, category, value and qualifier all match a label. Printed:
precision, recall, the share of reports whose agency and year were found (names compared in
simplified script: a dev label may keep the report's traditional characters), the misses, and
apart the figures of rows no label id names (statutory table 二, a Toutiao or notice-board count,
a Weibo account's reads), which the labels cannot judge — unless a label of the same metric and
value went unmatched in that report: then the figure is that label's, in the wrong row, and wrong.
`--files` times reading the bundled report files (Word, Word 97, PDFs printed from Word) and
extracting their figures, file by file. `--by-kind` prints each kind of figure's precision over
every labelled set, marking the kinds the review table highlights (data/catalogue/review.toml).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.domain.agency_names import same_agency, same_agency_placed  # noqa: E402
from dashboard.domain.catalogue import default_catalogue  # noqa: E402
from dashboard.domain.script import to_simplified  # noqa: E402
from dashboard.extract.figures import Found, Skipped, extract_figures  # noqa: E402
from dashboard.extract.review import review_cap  # noqa: E402
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
    agency_same: int = 0  # the same agency, in another spelling of its name (agency_names)
    # …or with (or without) the higher places before it (西安市长安区… / 长安区…)
    agency_placed: int = 0
    year_found: int = 0
    # Against the labels as adjudicated (ADJUDICATIONS): a figure the labels lack but an
    # independent adjudicator found right counts as right and as a label; a label the
    # adjudicator found wrong is no label. Unadjudicated and unsure items count as labelled.
    adjudicated: int = 0  # items of the set the adjudication file judges
    adj_right: int = 0
    adj_labels: int = 0
    adj_found: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)  # figures no label id can name
    # (metric, channel) → [figures taken, right]: which kinds of figure the rules get wrong
    by_kind: dict[tuple[str, str | None], list[int]] = field(default_factory=dict)

    def add(self, other: ExtractMeasure) -> None:
        """Pool another set's measure into this one (counts and kinds; not the lists)."""
        counts = ("facts", "right", "labels", "found", "reports", "agency_found", "agency_same")
        for name in (*counts, "agency_placed", "year_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, (taken, right) in other.by_kind.items():
            counts = self.by_kind.setdefault(kind, [0, 0])
            counts[0] += taken
            counts[1] += right

    @property
    def precision(self) -> float:
        return self.right / self.facts if self.facts else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    @property
    def adj_precision(self) -> float:
        return self.adj_right / self.facts if self.facts else 1.0

    @property
    def adj_recall(self) -> float:
        return self.adj_found / self.adj_labels if self.adj_labels else 1.0


ADJUDICATIONS = ROOT / "tests" / "data" / "corpus" / "adjudications.jsonl"
# (report id, label id, value, qualifier) → verdict
Verdicts = dict[tuple[str, str, float, str], str]


def load_verdicts(corpus: Path, path: Path = ADJUDICATIONS) -> Verdicts:
    """The adjudicator's verdicts on the disagreements of one corpus file (by its set name)."""
    name = corpus.stem.removeprefix("reports-")
    if not path.exists():
        return {}
    verdicts: Verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["set"] == name:
                slot = (item["report"], item["label"], float(item["value"]), item["qualifier"])
                verdicts[slot] = item["verdict"]
    return verdicts


def _matches(fact: Found, slot: Slot, value: float, qualifier: str) -> bool:
    return (
        (fact.metric, fact.channel, fact.category) == slot
        and same_number(fact.value, value)
        and str(fact.qualifier) == qualifier
    )


def _why_missed(text: str, label: dict[str, str], skipped: list[Skipped]) -> str:
    """Why a label's figure was left out: the reason of the number skipped inside its quote
    (matched by position and digits, so the 1 of a date is not taken for 1525条)."""
    at = text.find(label["quote"])
    if at < 0:
        return "-"
    start = at + label["quote"].find(label["as_written"])
    digits = re.search(r"[0-9]+(?:\.[0-9]+)?", label["as_written"])
    for s in skipped:
        near = s.start <= start + len(label["as_written"]) and s.end >= start
        if near and (digits is None or digits.group(0) in s.number):
            return s.reason
    return "-"


def measure(path: Path = CORPUS, adjudications: Path = ADJUDICATIONS) -> ExtractMeasure:
    """Extract every report of a corpus file and compare with its labels."""
    catalogue = default_catalogue()
    resolve = Resolver()
    result = ExtractMeasure()
    verdicts = load_verdicts(path, adjudications)
    result.adjudicated = len(verdicts)
    label_of = {resolve.slot(home): label for label, home in LABEL_ROWS.items()}
    # The rows the labels can name: a figure of another (a row of statutory table 二, a Toutiao
    # count) is neither right nor wrong by them, and is listed apart.
    judged = {resolve.slot(home) for home in LABEL_ROWS.values()}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        report = json.loads(line)
        extraction = extract_figures(report["text"], catalogue)
        result.reports += 1
        result.agency_found += bool(extraction.agency) and to_simplified(
            extraction.agency or ""
        ) == to_simplified(report["agency"])
        result.agency_same += same_agency(extraction.agency, report["agency"])
        result.agency_placed += same_agency_placed(extraction.agency, report["agency"])
        result.year_found += extraction.year == int(report["year"])
        wanted = [
            (resolve.slot(LABEL_ROWS[x["metric"]]), float(x["value"]), x["qualifier"], x)
            for x in report["labels"]
            if x["metric"] in LABEL_ROWS
        ]
        result.labels += len(wanted)
        unmatched = [
            (s[0], v)
            for s, v, q, _ in wanted
            if not any(_matches(f, s, v, q) for f in extraction.facts)
        ]
        for fact in extraction.facts:
            slot = (fact.metric, fact.channel, fact.category)
            misplaced = any(m == fact.metric and same_number(fact.value, v) for m, v in unmatched)
            if slot not in judged and not misplaced:
                result.unjudged.append(
                    f"{report['id']}: {fact.metric}/{fact.channel}/{fact.category} "
                    f"{fact.as_written} ← {fact.quote}"
                )
                continue
            result.facts += 1
            said = verdicts.get(
                (report["id"], label_of.get(slot, ""), fact.value, str(fact.qualifier)), ""
            )
            counts = result.by_kind.setdefault((fact.metric, fact.channel), [0, 0])
            counts[0] += 1
            if any(_matches(fact, s, v, q) for s, v, q, _ in wanted):
                result.right += 1
                counts[1] += 1
                result.adj_right += said != "incorrect"
            else:
                # the labels lack it; right if the adjudicator says so (and then a label too)
                result.adj_right += said == "correct"
                result.adj_labels += said == "correct"
                result.adj_found += said == "correct"
                result.wrong.append(
                    f"{report['id']}: {fact.metric}/{fact.channel}/{fact.category} "
                    f"{fact.as_written} ← {fact.quote}"
                )
        for slot, value, qualifier, label in wanted:
            said = verdicts.get((report["id"], label["metric"], value, qualifier), "")
            result.adj_labels += said != "incorrect"
            if any(_matches(f, slot, value, qualifier) for f in extraction.facts):
                result.found += 1
                result.adj_found += said != "incorrect"
            else:
                why = _why_missed(report["text"], label, extraction.skipped)
                result.missed.append(
                    f"{report['id']}: {label['metric']} {label['as_written']} ← {label['quote']}"
                    f" [{why}]"
                )
    return result


def all_sets(folder: Path = CORPUS.parent) -> ExtractMeasure:
    """Every labelled set of the folder, pooled."""
    pooled = ExtractMeasure()
    for path in sorted(folder.glob("reports-*.jsonl")):
        pooled.add(measure(path))
    return pooled


def precision_by_kind(min_taken: int = 10) -> list[str]:
    """Each kind of figure (metric and channel) taken at least `min_taken` times over every
    labelled set, lowest precision first; kinds the review table highlights whatever rule read
    them (data/catalogue/review.toml) are marked."""
    pooled = all_sets()
    rows = [
        (right / taken, metric, channel, taken, right)
        for (metric, channel), (taken, right) in pooled.by_kind.items()
        if taken >= min_taken
    ]
    lines = [f"kinds taken at least {min_taken} times over {pooled.reports} reports:"]
    for share, metric, channel, taken, right in sorted(rows):
        flag = "  highlighted" if review_cap(metric, channel) is not None else ""
        kind = f"{metric}/{channel or '-'}"
        lines.append(f"  {kind:36s} {share:.3f} ({right}/{taken}){flag}")
    return lines


def time_big_text(path: Path, size_kb: int) -> str:
    """Extract the corpus's texts joined and repeated to `size_kb` KB, once: how long a long
    report takes (extraction must stay linear in the text)."""
    import time

    texts = [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x]
    joined = "\n".join(texts)
    text = joined * (size_kb * 1024 // len(joined.encode()) + 1)
    text = text[: len(text) * size_kb * 1024 // len(text.encode())]
    started = time.perf_counter()
    extraction = extract_figures(text, default_catalogue())
    took = time.perf_counter() - started
    return (
        f"{len(text.encode()) / 1024:.0f} KB ({len(text)} characters): {took:.2f} s, "
        f"{len(extraction.facts)} figures, {len(extraction.skipped)} skipped"
    )


def time_files(folder: Path = ROOT / "tests" / "data" / "reports") -> list[str]:
    """Read each bundled report file and extract its figures: the time of each, best of three
    (reading and extracting; a PDF's pages counted)."""
    import io
    import time

    import pdfplumber

    from dashboard.extract.document import read_report

    lines = []
    for path in sorted([*folder.glob("*.doc"), *folder.glob("**/*.pdf")]):
        content = path.read_bytes()
        took = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            document = read_report(content, path.name)
            extraction = extract_figures(document.text, default_catalogue(), tables=document.tables)
            took = min(took, time.perf_counter() - started)
        pages = ""
        if path.suffix == ".pdf":
            with pdfplumber.open(io.BytesIO(content)) as pdf:
                pages = f", {len(pdf.pages)} pages"
        lines.append(
            f"{path.relative_to(folder)}: {len(content) / 1024:.0f} KB{pages}"
            + f", {took:.2f} s, {len(extraction.facts)} figures, {len(document.tables)} tables"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--size-kb", type=int, help="time one extraction of this much text")
    parser.add_argument("--files", action="store_true", help="time the bundled report files")
    parser.add_argument(
        "--by-kind",
        action="store_true",
        help="precision of each kind of figure over every labelled set (tests/data/corpus)",
    )
    args = parser.parse_args(argv)
    if args.files:
        print("\n".join(time_files()))
        return 0
    if args.by_kind:
        print("\n".join(precision_by_kind()))
        return 0
    if args.size_kb:
        print(time_big_text(args.corpus, args.size_kb))
        return 0
    m = measure(args.corpus)
    print(f"reports: {m.reports}, labels: {m.labels}, figures extracted: {m.facts}")
    print(f"precision: {m.precision:.3f} ({m.right}/{m.facts})")
    print(f"recall:    {m.recall:.3f} ({m.found}/{m.labels})")
    print(
        f"agency found: {m.agency_found / max(m.reports, 1):.0%} as labelled, "
        f"{m.agency_same / max(m.reports, 1):.0%} the same agency in another spelling "
        f"of its name, {m.agency_placed / max(m.reports, 1):.0%} up to the places written "
        f"before it; year found: {m.year_found / max(m.reports, 1):.0%}"
    )
    if m.adjudicated:
        print(
            f"against the labels as adjudicated ({m.adjudicated} disagreements and samples "
            f"judged, tests/data/corpus/adjudications.jsonl): precision {m.adj_precision:.3f} "
            f"({m.adj_right}/{m.facts}), recall {m.adj_recall:.3f} ({m.adj_found}/{m.adj_labels})"
        )
    print(f"\nwrong ({len(m.wrong)}):")
    for line in m.wrong:
        print("  " + line)
    print(f"\nmissed ({len(m.missed)}):")
    for line in m.missed:
        print("  " + line)
    print(f"\nnot judged: no label id names their row ({len(m.unjudged)}):")
    for line in m.unjudged:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
