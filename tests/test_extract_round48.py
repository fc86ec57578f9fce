"""Round 48, written on blind35 after it was measured once: the outcome 给予公开 (given out, as
予以公开), and review and litigation cases named without 行政 (复议案件共计1件, 被诉讼的案件共计1件;
not 民事诉讼), and requests answered, said how or when (书面答复33件, 目前已答复1件) or in the
sentence after the requests (…申请64件。共答复64件). Each test has a case the rule must leave
alone; the texts are made up."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken

AGENCY = "某某市某某局"


def test_given_out_is_disclosed(catalogue: Catalogue) -> None:
    text = "全年共受理政府信息公开申请10件，其中给予公开7件，部分公开3件。"
    assert {
        ("requests_disclosed", None, None, 7.0),
        ("requests_partial", None, None, 3.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # information given out (no request in the sentence) is no request's outcome
    text = "全年给予公开各类信息7件。"
    assert ("requests_disclosed", None, None, 7.0) not in taken(text, catalogue, agency=AGENCY)


def test_review_and_litigation_cases_without_xingzheng(catalogue: Catalogue) -> None:
    text = "2023年，被诉讼的案件共计1件，复议案件共计2件。"
    assert {
        ("litigation_cases", None, None, 1.0),
        ("appeal_review", None, None, 2.0),
    } <= taken(text, catalogue, agency=AGENCY)
    # civil and criminal cases are no administrative litigation
    text = "2022年我区处理民事诉讼案件共3件，刑事诉讼案件共4件。"
    assert {"3件", "4件"} <= left_out(text, catalogue).keys()


def test_requests_answered_how_or_when_or_in_the_next_sentence(catalogue: Catalogue) -> None:
    for text in (
        "全年共收到政府信息公开申请33件，书面答复33件。",
        "全年收到政府信息公开申请33件，目前已答复33件。",
        "全年共受理信息公开申请33件，比上年增加19件。共答复33件，结转下年度继续办理4件。",
    ):
        assert ("requests_completed", None, None, 33.0) in taken(text, catalogue, agency=AGENCY)
    # answers to the public's questions are no requests answered
    text = "全年收到政府信息公开申请3件。书面答复群众咨询33件。"
    assert ("requests_completed", None, None, 33.0) not in taken(text, catalogue, agency=AGENCY)
    # nor answers in a sentence that is about no request
    text = "全年发布信息64条。共答复64件，结转下年度继续办理4件。"
    assert ("requests_completed", None, None, 64.0) not in taken(text, catalogue, agency=AGENCY)
