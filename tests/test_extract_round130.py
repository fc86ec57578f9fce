"""Round 130, on the requests answered that blind121 and the earlier sets name by an adverb or a
measure word (在法定时限内规范答复151件, 2023年答复量为421件), or in a sentence of their own after a
blank line (…受理依申请公开6件。⏎⏎2019年共答复6件)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import taken


def test_requests_answered_as_the_rules_ask(catalogue: Catalogue) -> None:
    text = (
        "2023年,全区新收到政府信息公开申请151件;上年结转处理2件。"
        "其中,在法定时限内规范答复151件(予以公开113件,部分公开6件)。"
    )
    facts = taken(text, catalogue, agency="淄博市淄川区人民政府", year=2023)
    assert ("requests_completed", None, None, 151.0) in facts
    assert ("requests_new", None, None, 151.0) in facts


def test_the_answers_counted_by_a_measure_word(catalogue: Catalogue) -> None:
    text = (
        "2023年新收受理依申请公开件共计428件,上年结转政府信息公开申请数量为26件,"
        "2023年答复量为421件,结转下一年继续办理件33件。"
    )
    facts = taken(text, catalogue, year=2023)
    assert ("requests_completed", None, None, 421.0) in facts
    # (the unanswered ones carried into the next year are none of the year's answers)
    assert ("requests_completed", None, None, 33.0) not in facts


def test_the_answers_after_a_blank_line(catalogue: Catalogue) -> None:
    text = "2019年,我单位共受理依申请公开6件,与上年相比,增加3件。\n\n2019年共答复6件。"
    facts = taken(text, catalogue, agency="北京市朝阳区金盏乡", year=2019)
    assert ("requests_completed", None, None, 6.0) in facts
    # (a sentence on other matters before the blank line names no requests)
    letters = "全年收到群众来信6件。\n\n2019年共答复6件。"
    assert ("requests_completed", None, None, 6.0) not in taken(letters, catalogue, year=2019)
