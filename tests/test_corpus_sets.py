"""Every labelled set of tests/data/corpus is well formed: what the extraction benchmark and the
README's table are computed from. A set added by hand (ids, quotes, label ids typed or pasted)
is checked here before any measure is taken on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.corpus import LABEL_ROWS

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
SETS = sorted(CORPUS_DIR.glob("reports-*.jsonl"))
QUALIFIERS = {"exact", "at_least", "approx", "at_most"}


def test_there_are_all_the_sets_the_readme_counts() -> None:
    assert len(SETS) >= 46
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    for path in SETS:
        name = path.stem.removeprefix("reports-")
        # (blind27–30 share one section, named by its first and last file)
        assert re.search(rf"\b{name}\b", readme), name


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem.removeprefix("reports-"))
def test_every_report_and_label_of_a_set_is_well_formed(path: Path) -> None:
    ids: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        report = json.loads(line)
        assert report["id"] not in ids, report["id"]
        ids.add(report["id"])
        assert isinstance(report["year"], int) and 2000 <= report["year"] <= 2030, report["id"]
        assert report["agency"].strip() and report["text"].strip(), report["id"]
        for label in report["labels"]:
            where = (report["id"], label["as_written"])
            assert label["metric"] in LABEL_ROWS, where
            assert label["qualifier"] in QUALIFIERS, where
            assert label["quote"] in report["text"], where
            assert label["as_written"] in label["quote"], where
            assert isinstance(label["value"], int | float), where
