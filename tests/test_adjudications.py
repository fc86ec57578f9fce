"""The adjudication file (tests/data/corpus/adjudications.jsonl): an independent adjudicator's
verdicts on where the extractor and the hand labels disagreed, and the benchmark's second
measure against the labels as adjudicated."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_extract import ADJUDICATIONS, measure
from dashboard.domain.script import to_simplified

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
REPORT = {
    "id": "made-up-2023",
    "url": "https://example.invalid/report",
    "agency": "定海区教育局",
    "year": 2023,
    "script": "simplified",
    "text": "定海区教育局2023年政府信息公开工作年度报告\n2023年，通过微博发布信息300条，"
    "收到政府信息公开申请15件。",
}


def test_every_adjudicated_item_is_in_its_report() -> None:
    items = [json.loads(x) for x in ADJUDICATIONS.read_text(encoding="utf-8").splitlines() if x]
    assert len(items) >= 200
    texts: dict[tuple[str, str], str] = {}
    for path in CORPUS_DIR.glob("reports-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                report = json.loads(line)
                texts[(path.stem.removeprefix("reports-"), report["id"])] = report["text"]
    for item in items:
        assert item["verdict"] in {"correct", "incorrect", "unsure"}, item
        assert item["source"] in {"agreed", "extractor_only", "label_only"}, item
        assert item["quote"] in texts[(item["set"], item["report"])], item
        # (the extractor writes a traditional text's counting words simplified, 1888条 of
        # 1888條, and without the spaces inside a figure, 1件 of 1 件)
        written, quote = (
            to_simplified("".join(x.split())) for x in (item["as_written"], item["quote"])
        )
        assert written in quote, item


def _corpus(tmp_path: Path, labels: list[dict[str, object]]) -> Path:
    path = tmp_path / "reports-made.jsonl"
    path.write_text(json.dumps({**REPORT, "labels": labels}, ensure_ascii=False), "utf-8")
    return path


def _verdict(label: str, value: float, quote: str, written: str, verdict: str) -> str:
    item = {
        "set": "made",
        "report": "made-up-2023",
        "label": label,
        "value": value,
        "qualifier": "exact",
        "as_written": written,
        "quote": quote,
        "source": "",
        "verdict": verdict,
        "reason": "",
    }
    return json.dumps(item, ensure_ascii=False)


def test_the_adjudicated_measure_takes_the_adjudicator_s_word(tmp_path: Path) -> None:
    # the labels lack the Weibo figure and hold a wrong request count
    corpus = _corpus(
        tmp_path,
        [
            {
                "metric": "requests_received",
                "value": 16,
                "qualifier": "exact",
                "unit": "件",
                "as_written": "15件",
                "quote": "收到政府信息公开申请15件",
            }
        ],
    )
    none = tmp_path / "none.jsonl"
    plain = measure(corpus, none)
    assert (plain.right, plain.facts, plain.found, plain.labels) == (0, 2, 0, 1)
    assert plain.adjudicated == 0
    assert (plain.adj_right, plain.adj_labels) == (0, 1)

    verdicts = tmp_path / "adjudications.jsonl"
    verdicts.write_text(
        "\n".join(
            [
                _verdict("weibo_posts", 300, "通过微博发布信息300条", "300条", "correct"),
                _verdict("requests_received", 16, "收到政府信息公开申请15件", "15件", "incorrect"),
                _verdict("requests_received", 15, "收到政府信息公开申请15件", "15件", "unsure"),
            ]
        ),
        "utf-8",
    )
    judged = measure(corpus, verdicts)
    assert judged.adjudicated == 3
    # the Weibo figure is right and a label; the wrong label is none; unsure stays as labelled
    assert (judged.adj_right, judged.adj_found, judged.adj_labels) == (1, 1, 1)
    assert judged.adj_precision == 0.5
    assert judged.adj_recall == 1.0
    # the plain measure is unchanged by the adjudication
    assert (judged.right, judged.found, judged.labels) == (0, 0, 1)


def test_every_adjudicated_agency_name_is_its_reports_label_or_another() -> None:
    """tests/data/corpus/agency-adjudications.jsonl: judges' verdicts on the agency names of
    blind27–30 and blind80–102 where the extractor (with the rules each set was measured with)
    and the label differ — whether a name designates the report's own body, and whether it is
    written as the labelling rule asks."""
    path = CORPUS_DIR / "agency-adjudications.jsonl"
    items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    assert len(items) >= 200
    labels: dict[tuple[str, str], str] = {}
    for name in sorted({item["set"] for item in items}):
        for line in (CORPUS_DIR / f"reports-{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                report = json.loads(line)
                labels[(name, report["id"])] = report["agency"]
    for item in items:
        label = labels[(item["set"], item["report"])]
        assert (item["source"] == "label") == (item["name"] == label), item
        assert item["same_body"] in {"yes", "no", "unsure"}, item
        assert item["as_the_rule"] in {"yes", "no", "unsure"}, item
    # no label names another body than its report's (blind27–30: every one its own, by both
    # judges; blind80–85: one unsure, a title naming 体育局 where the text says 教育局 compiled it;
    # blind92: one unsure, a town whose county only the page's header names) — but one, on
    # blind112: a bureau's later merged name (文化体育和旅游局) taken from the page's navigation
    # for its 2016 report as 文体局, which the judge holds another body
    assert {
        (i["set"], i["report"]) for i in items if i["source"] == "label" and i["same_body"] == "no"
    } == {("blind112", "b112-3-2-binhu-wtj-2016")}
    # (the set's number, not its name: blind101 sorts before blind30 as text)
    early = [
        i for i in items if i["source"] == "label" and int(i["set"].removeprefix("blind")) <= 30
    ]
    assert early and all(i["same_body"] == "yes" for i in early)
