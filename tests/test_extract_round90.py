"""Round 90, written on blind80–85's misses after their one measure: the outcomes of requests with
a reason in brackets (无法提供(本机关不掌握…)), the 2021 table's words for the partial ones
(区分处理后公开), and a litigation count after a review count with a note in brackets."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_unavailable_with_its_reason_in_brackets(catalogue: Catalogue) -> None:
    text = (
        "2023年,我街道共收到依申请公开信息39件,办结39件。其中,予以公开29件,"
        "不予公开(属于行政查询事项)2件,无法提供(本机关不掌握相关政府信息)8件。"
    )
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 39.0),
        ("requests_completed", None, None, 39.0),
        ("requests_disclosed", None, None, 29.0),
        ("requests_refused", None, None, 2.0),
        ("requests_unavailable", None, None, 8.0),
    }


def test_partial_in_the_2021_tables_words(catalogue: Catalogue) -> None:
    text = "市建设局收到政府信息公开申请10件。其中同意公开答复数8件、区分处理后公开的2件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 10.0),
        ("requests_disclosed", None, None, 8.0),
        ("requests_partial", None, None, 2.0),
    }


def test_litigation_after_a_review_count_with_a_note(catalogue: Catalogue) -> None:
    text = "本年度共受理政府信息公开申请0件。其中,涉及复议0件(其中2022年延续下来的0件),诉讼0件。"
    assert taken(text, catalogue) == {
        ("requests_new", None, None, 0.0),
        ("appeal_review", None, None, 0.0),
        ("litigation_cases", None, None, 0.0),
    }
    # 诉讼 alone, with no review count before it, names nothing
    assert left_out("本年度诉讼0件。", catalogue)["0件"] == "unnamed"
