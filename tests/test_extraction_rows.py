"""The review table's rows (dashboard/platform/extraction.py): a number left out, taken in by the
editor, and the rows written as an upload file for the checks."""

from __future__ import annotations

import csv
import io

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures
from dashboard.platform.extraction import adopted_rows, rows_csv

TEXT = "定海区教育局2020年政府信息公开工作年度报告\n全年开展政务公开培训3次，召开专题会议2次。"


def test_a_number_left_out_becomes_a_row_with_its_quote_and_no_channel(
    catalogue: Catalogue,
) -> None:
    skipped = [s for s in extract_figures(TEXT, catalogue).skipped if s.number == "3次"]
    [row] = adopted_rows(skipped, "培训次数")
    assert row == {
        "metric": "培训次数",
        "channel": "",
        "category": "",
        "value": "3次",
        "note": "全年开展政务公开培训3次",
        "confidence": None,
    }
    # without a metric chosen, none is invented
    [bare] = adopted_rows(skipped)
    assert bare["metric"] == "" and bare["value"] == "3次"


def test_an_adopted_row_is_written_for_the_checks_with_or_without_its_metric(
    catalogue: Catalogue,
) -> None:
    skipped = [s for s in extract_figures(TEXT, catalogue).skipped if s.number == "3次"]
    rows = [*adopted_rows(skipped, "培训次数"), *adopted_rows(skipped)]
    written = list(
        csv.reader(io.StringIO(rows_csv(rows, "定海区教育局", 2020, catalogue, "zh").decode()))
    )
    header, first, second = written
    assert first[header.index("指标")] == "培训次数" and first[header.index("数值")] == "3次"
    # the row without a metric is kept, so the checks name it rather than it being lost
    assert second[header.index("指标")] == "" and second[header.index("数值")] == "3次"
