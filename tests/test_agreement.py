"""The second labels (tests/data/corpus/second-labels.jsonl) and the benchmark that measures two
labellers against each other and the extractor beside them (benchmarks/bench_agreement.py)."""

from __future__ import annotations

from typing import Any

from benchmarks.bench_agreement import (
    SECOND,
    Agreement,
    Names,
    both,
    group_of,
    label_keys,
    load_first,
    load_second,
    measure,
)
from tests.corpus import LABEL_ROWS, Resolver

TEXT = (
    "定海区教育局2023年政府信息公开工作年度报告\n2023年，通过微博发布信息300条，"
    "收到政府信息公开申请15件，予以公开12件。"
)


def _label(metric: str, value: float, written: str, qualifier: str = "exact") -> dict[str, Any]:
    return {
        "metric": metric,
        "value": value,
        "qualifier": qualifier,
        "unit": "",
        "as_written": written,
        "quote": written,
    }


FIRST = {
    "id": "made-up-2023",
    "url": "https://example.invalid/report",
    "agency": "定海区教育局",
    "year": 2023,
    "script": "simplified",
    "text": TEXT,
    "labels": [
        _label("weibo_posts", 300, "300条"),
        _label("requests_received", 15, "15件"),
        _label("requests_disclosed", 12, "12件"),
    ],
}


def test_two_sides_agree_on_a_figure_only_when_row_value_and_qualifier_all_match() -> None:
    resolve = Resolver()
    first = label_keys(FIRST["labels"], resolve)
    second = label_keys(
        [
            _label("weibo_posts", 300, "300条"),  # agrees
            _label("requests_received", 15, "15件", "at_least"),  # another qualifier
            _label("wechat_posts", 15, "15件"),  # another row
            _label("no_such_label", 1, "1"),  # a label id the table lacks: no figure
        ],
        resolve,
    )
    assert len(second) == 3
    a = Agreement()
    a.add(second, first, first)
    assert (a.given, a.right, a.wanted, a.found) == (3, 1, 3, 1)
    assert round(a.precision, 3) == 0.333 and round(a.recall, 3) == 0.333
    # the figures both gave, from the first side
    assert both(first, second) == [first[0]]


def test_the_extractor_is_right_by_either_side_and_found_against_both() -> None:
    resolve = Resolver()
    first = label_keys(FIRST["labels"][:2], resolve)  # weibo 300, received 15
    second = label_keys([FIRST["labels"][0], FIRST["labels"][2]], resolve)  # weibo, disclosed
    extractor = label_keys(FIRST["labels"][1:], resolve)  # received 15, disclosed 12
    a = Agreement()
    a.add(extractor, both(first, second), [*first, *second])
    # both of its figures were given by one side or the other; the one figure both gave (the
    # Weibo count) it missed
    assert (a.given, a.right, a.wanted, a.found) == (2, 2, 1, 0)


def test_names_compare_agency_in_its_spellings_and_year() -> None:
    n = Names()
    n.add({"agency": "舟山市定海区教育局", "year": 2023}, FIRST)  # places before it
    n.add({"agency": "定海区教育局", "year": 2022}, FIRST)  # the wrong year
    n.add({"agency": "", "year": None}, FIRST)  # neither found
    assert (n.reports, n.exact, n.placed, n.year) == (3, 1, 2, 1)


def test_measure_runs_the_extractor_on_the_first_sides_text() -> None:
    again = {"id": FIRST["id"], "set": "made", "agency": "定海区教育局", "year": 2023}
    again["labels"] = [_label("weibo_posts", 300, "300条")]
    m = measure([again], {FIRST["id"]: FIRST})
    assert m.reports == 1
    assert (m.second_vs_first.right, m.second_vs_first.wanted) == (1, 3)
    assert m.names.exact == 1
    # the extractor reads this text's three figures
    assert m.extractor_vs_first.found == 3
    assert m.extractor_vs_second.found == 1
    assert m.extractor_names.exact == 1


def test_every_second_label_is_in_its_reports_text() -> None:
    second = load_second(SECOND)
    assert len(second) >= 100
    first = load_first(x["set"] for x in second)
    assert len({x["id"] for x in second}) == len(second)
    for again in second:
        report = first[again["id"]]
        assert again["set"].startswith("blind"), again["id"]
        for label in again["labels"]:
            assert label["metric"] in LABEL_ROWS, (again["id"], label)
            assert label["qualifier"] in {"exact", "at_least", "approx", "at_most"}
            assert label["quote"] in report["text"], (again["id"], label)
            assert label["as_written"] in label["quote"], (again["id"], label)


def test_the_second_labels_agree_with_the_first_as_the_readme_says() -> None:
    second = load_second(SECOND)
    first = load_first(x["set"] for x in second)
    assert {group_of(x) for x in second} == {"sample", "blind40"}
    # the second labellers against the first: what the README gives as the labels' own ceiling
    sample = measure([x for x in second if group_of(x) == "sample"], first)
    a = sample.second_vs_first
    assert (a.right, a.given, a.found, a.wanted) == (276, 288, 276, 279)
    assert (sample.names.exact, sample.names.placed, sample.names.year) == (111, 128, 130)
    fresh = measure([x for x in second if group_of(x) == "blind40"], first)
    a = fresh.second_vs_first
    assert (a.right, a.given, a.found, a.wanted) == (163, 170, 163, 168)
    assert (fresh.names.exact, fresh.names.placed, fresh.names.year) == (69, 72, 74)
