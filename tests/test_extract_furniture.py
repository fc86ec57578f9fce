"""A report saved with its web page, or copied with it: the links to the articles before and
after it, a list of related reports and a column of years are not the report, and name
neither its agency nor its year."""

from __future__ import annotations

import html

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import Extraction
from dashboard.extract.furniture import blank_furniture, furniture_spans
from dashboard.platform.extraction import extract_report

# a report whose text gives no title line: its agency and year are in its sentences
BODY = [
    "一、总体情况",
    "2022年，绥阳县司法局认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "坚持以公开为常态、不公开为例外。",
    "全年通过县政府门户网站主动公开政府信息126条。",
    "收到政府信息公开申请3件。",
]
NEIGHBOURS = [
    "上一篇：某县水利局2021年政府信息公开工作年度报告",
    "下一篇：某市人民政府办公室2023年政府信息公开工作年度报告",
]
OTHER_YEARS = [
    "绥阳县司法局2021年政府信息公开工作年度报告",
    "绥阳县司法局2020年政府信息公开工作年度报告",
]
FIGURES = {
    ("items_published", "gov_portal", None, 126.0),
    ("requests_new", None, None, 3.0),
}


def _page(before: list[str], after: list[str]) -> bytes:
    """A government site's article page around BODY, its chrome in plain <div>s as such sites
    write it."""

    def block(lines: list[str]) -> str:
        return "".join(f"<li><a href='#'>{html.escape(line)}</a></li>" for line in lines)

    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in BODY)
    return (
        "<html><head><meta charset='utf-8'><title>某市人民政府</title></head><body>"
        "<div class='top'>首页 | 政务公开 | 互动交流</div>"
        f"<div class='left'><ul>{block(before)}</ul></div>"
        f"<div class='article'><div class='content'>{paragraphs}</div>"
        f"<div class='pn'><ul>{block(after)}</ul></div></div>"
        "<div class='foot'>网站标识码：5203000001 黔ICP备05001234号</div></body></html>"
    ).encode()


def _read(content: bytes, name: str, catalogue: Catalogue) -> Extraction:
    """The figures of a report file as the app's upload reads them."""
    report = extract_report(content, name, catalogue)
    for fact in report.extraction.facts:
        assert report.text[fact.start : fact.end] == fact.quote
    return report.extraction


def _figures(found: Extraction) -> set[tuple[str, str | None, str | None, float]]:
    return {(f.metric, f.channel, f.category, f.value) for f in found.facts}


def test_links_to_the_articles_before_and_after_name_neither_agency_nor_year(
    catalogue: Catalogue,
) -> None:
    found = _read(_page([], NEIGHBOURS), "report.html", catalogue)
    assert (found.agency, found.year) == ("绥阳县司法局", 2022)
    assert _figures(found) == FIGURES


def test_the_same_links_in_copied_text(catalogue: Catalogue) -> None:
    text = "\n".join([*BODY, "【上一篇】某县水利局2021年政府信息公开工作年度报告", NEIGHBOURS[1]])
    found = _read(text.encode("utf-8"), "report.txt", catalogue)
    assert (found.agency, found.year) == ("绥阳县司法局", 2022)
    assert _figures(found) == FIGURES


def test_a_related_list_of_the_body_s_other_years_is_not_its_title(catalogue: Catalogue) -> None:
    found = _read(_page([], ["相关文章", *OTHER_YEARS]), "report.html", catalogue)
    assert found.year == 2022
    assert _figures(found) == FIGURES


def test_a_list_of_reports_or_of_years_before_the_text_is_no_title(catalogue: Catalogue) -> None:
    listed = ["某区民政局2023年政府信息公开工作年度报告", *OTHER_YEARS]
    dated = [f"{title} 2022-01-2{n}" for n, title in enumerate(OTHER_YEARS)]
    for before in (listed, dated, ["2023年", "2022年", "2021年", "2020年"]):
        found = _read(_page(before, []), "report.html", catalogue)
        assert (found.agency, found.year) == ("绥阳县司法局", 2022), before
        assert _figures(found) == FIGURES


def test_the_report_s_own_title_said_twice_is_kept(catalogue: Catalogue) -> None:
    # (a page's heading over the text's own title in other words, and a labelled repeat)
    lines = [
        "标 题：绥阳县司法局2022年度政府信息公开工作年度报告",
        "绥阳县司法局2022年政府信息公开工作年度报告",
        *BODY,
    ]
    assert furniture_spans("\n".join(lines)) == []


def test_blanking_keeps_every_position_and_a_heading_after_a_related_heading() -> None:
    text = "\n".join(["相关阅读：", "一、总体情况", "全年主动公开政府信息12条。", NEIGHBOURS[0]])
    blanked = blank_furniture(text)
    assert len(blanked) == len(text)
    assert blanked.index("全年主动公开") == text.index("全年主动公开")
    assert "一、总体情况" in blanked and "上一篇" not in blanked and "相关阅读" not in blanked


def test_a_site_s_name_alone_above_the_report_names_no_channel(catalogue: Catalogue) -> None:
    # (the masthead of the government's portal, where a bureau's report is put: the bureau's
    # bare 门户网站 stays doubtful, as in the report's own words)
    body = "2022年，绥阳县司法局认真贯彻落实《条例》。全年通过门户网站主动公开政府信息50条。"
    found = _read(("遵义市人民政府门户网站\n" + body).encode("utf-8"), "report.txt", catalogue)
    assert _figures(found) == set()
    assert {s.number: s.reason for s in found.skipped}["50条"].startswith("doubtful channel")
