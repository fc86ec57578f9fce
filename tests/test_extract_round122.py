"""Round 122, on the documents no rule named in all 118 sets: a list of kinds whose first kind is
counted in its own word (规章1部, 常务会议信息33期), and documents beside the documents explained
(政策文件14件,解读政策文件5条) — one kind of document, not two; and, on the agency misses, a
title whose name holds another in brackets (外事(侨务)办公室) and a town opening a sentence
after 本年度."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import taken

DOCUMENTS = ("items_published", None, "documents")


def _documents(text: str, catalogue: Catalogue) -> set[float]:
    return {value for *slot, value in taken(text, catalogue, year=2024) if tuple(slot) == DOCUMENTS}


def test_documents_after_a_kind_counted_in_its_own_word(catalogue: Catalogue) -> None:
    rules = (
        "全市共主动公开政府信息15.8万条,发布市政府规章1部、行政规范性文件70件、市政府常务会议16次。"
    )
    assert _documents(rules, catalogue) == {70.0}
    issues = "全年发布县政府常务会议信息33期、政策文件355件等各类政府信息1.1万余条。"
    assert _documents(issues, catalogue) == {355.0}


def test_documents_beside_the_documents_explained(catalogue: Catalogue) -> None:
    text = (
        "2024年,华州区通过门户网站主动公开各类政府信息4761条。其中,公开区政府常务会议17次、"
        "政策文件14件,解读政策文件5条。"
    )
    assert _documents(text, catalogue) == {14.0}
    # (two kinds of document and no count of all: neither, as before)
    two = "2024年,主动公开政府信息80条。其中,政策文件14件,规范性文件5件。"
    assert _documents(two, catalogue) == set()


def test_a_title_whose_name_holds_another_in_brackets() -> None:
    text = (
        "长春市人民政府外事(侨务)办公室2012年政府信息公开年度报告\n\n发布日期:2013-03-05\n一、概述"
    )
    assert find_agency_year(text) == ("长春市人民政府外事(侨务)办公室", 2012)
    culture = "杭州市文化广电新闻出版(版权)局2019年政府信息公开工作年度报告\n一、概述"
    assert find_agency_year(culture) == ("杭州市文化广电新闻出版(版权)局", 2019)
    # (a page's tag in brackets before the title is no part of the name)
    tagged = "(图文)海宁市人民政府2023年政府信息公开工作年度报告\n一、总体情况"
    assert find_agency_year(tagged) == ("海宁市人民政府", 2023)


def test_a_town_opening_a_sentence_after_this_year() -> None:
    text = (
        "一、总体情况\n本年度,兴发乡严格依照《中华人民共和国政府信息公开条例》,扎实推进政府信息"
        "公开工作。本年度报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    )
    assert find_agency_year(text) == ("兴发乡", 2024)
