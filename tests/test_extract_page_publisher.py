"""The agency's place (or name) from what a government site's page says of who published it: the
site's name (<meta name="SiteName">, the site's part of the <title>) and the article's source
(<meta name="ContentSource">), which the sites' publishing systems put in every article page.
A report written on the site often names its body without the place (市住房和城乡建设局, 我局);
the text comes first, the page's words only fill what it leaves out."""

from __future__ import annotations

import json

import pytest

from dashboard.cli import EXIT_OK, main
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import ProblemCode
from dashboard.extract.document import read_report
from dashboard.i18n.problems import problem_message
from dashboard.platform.extraction import extract_report

PLACELESS = [
    "市住房和城乡建设局2022年政府信息公开工作年度报告",
    "一、总体情况",
    "2022年，我局主动公开政府信息120条，收到政府信息公开申请3件。",
]
UNNAMED = ["一、总体情况", "2022年，我局主动公开政府信息120条，收到政府信息公开申请3件。"]


def _page(body: list[str], *, title: str = "政府信息公开年报", metas: str = "") -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in body)
    return (
        f'<html><head><meta charset="utf-8">{metas}<title>{title}</title></head>'
        f"<body>{paragraphs}</body></html>"
    ).encode()


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{content}">'


def test_a_page_keeps_its_sites_name_and_its_source_apart_from_the_text() -> None:
    page = _page(
        UNNAMED,
        title="2022年度报告_安顺市人民政府",
        metas=_meta("SiteName", "安顺市人民政府")
        + _meta("ContentSource", "安顺市 住房和城乡建设局")
        + _meta("Keywords", "年报"),
    )
    document = read_report(page, "page.html")
    # (spaces inside a name dropped; the title's parts kept, the site's among them)
    assert document.sources == ("安顺市住房和城乡建设局",)
    assert document.sites == ("安顺市人民政府", "2022年度报告")
    assert "安顺" not in document.text


def test_a_title_without_its_place_under_the_sites_place(catalogue: Catalogue) -> None:
    page = _page(PLACELESS, metas=_meta("SiteName", "安顺市人民政府"))
    found = extract_report(page, "page.html", catalogue)
    assert (found.extraction.agency, found.extraction.year) == ("安顺市住房和城乡建设局", 2022)
    [warning] = found.extraction.warnings
    assert warning.code is ProblemCode.REPORT_NAMED_BY_PAGE
    assert (warning.value, warning.params["agency"]) == ("安顺市人民政府", "安顺市住房和城乡建设局")
    assert "安顺市住房和城乡建设局" in problem_message(warning, "zh")
    # the same text pasted (no page around it): no place, and the name it gives said back
    pasted = extract_report("\n".join(PLACELESS).encode(), "", catalogue)
    assert pasted.extraction.agency is None
    [said] = pasted.extraction.warnings
    assert (said.code, said.value) == (ProblemCode.REPORT_AGENCY_UNPLACED, "市住房和城乡建设局")


@pytest.mark.parametrize(
    ("title", "metas", "agency"),
    [
        # a district's bureau on the district's site, the site named in the <title>
        ("政府信息公开年报_雁江区人民政府", "", "雁江区卫生健康局"),
        # the innermost place of a site of two levels (成都市锦江区人民政府)
        ("年报", _meta("SiteName", "成都市锦江区人民政府"), "锦江区卫生健康局"),
        # no place of the name's level: a district bureau on a city's site is left unplaced
        ("年报", _meta("SiteName", "资阳市人民政府"), None),
        # a site that opens with no place (a ministry's, a column's) places nothing
        ("年报", _meta("SiteName", "中华人民共和国生态环境部"), None),
    ],
)
def test_the_sites_place_of_the_names_level(
    title: str, metas: str, agency: str | None, catalogue: Catalogue
) -> None:
    body = ["区卫生健康局2022年政府信息公开工作年度报告", "2022年，我局主动公开政府信息12条。"]
    found = extract_report(_page(body, title=title, metas=metas), "page.html", catalogue)
    assert found.extraction.agency == agency


def test_a_text_naming_no_body_takes_the_pages_source(catalogue: Catalogue) -> None:
    metas = _meta("SiteName", "安顺市人民政府") + _meta("ContentSource", "市住建局")
    found = extract_report(_page(UNNAMED, metas=metas), "page.html", catalogue)
    # (the source's short form spelt out, under the site's place; the warning names the site
    # that gave the place)
    assert found.extraction.agency == "安顺市住房和城乡建设局"
    [warning] = found.extraction.warnings
    assert (warning.code, warning.value) == (ProblemCode.REPORT_NAMED_BY_PAGE, "安顺市人民政府")
    # a source that is no body names nothing, and is not the one the warning names
    metas = _meta("ContentSource", "本网") + _meta("SiteName", "安顺市人民政府")
    found = extract_report(_page(PLACELESS, metas=metas), "page.html", catalogue)
    assert found.extraction.agency == "安顺市住房和城乡建设局"
    assert found.extraction.warnings[0].value == "安顺市人民政府"
    # a source that is no body (本网, a newspaper) and a site alone name no agency: a site's
    # government is not the body of every report on it
    for metas in (
        _meta("SiteName", "安顺市人民政府") + _meta("ContentSource", "本网"),
        _meta("SiteName", "安顺市人民政府"),
    ):
        found = extract_report(_page(UNNAMED, metas=metas), "page.html", catalogue)
        assert found.extraction.agency is None


def test_the_text_comes_before_the_page(catalogue: Catalogue) -> None:
    # 黄山区教育局 on the city's site, the city's bureau as the page's source: the text's body
    body = ["黄山区教育局2022年政府信息公开工作年度报告", "2022年，我局主动公开政府信息12条。"]
    metas = _meta("SiteName", "黄山市人民政府") + _meta("ContentSource", "黄山市教育局")
    found = extract_report(_page(body, metas=metas), "page.html", catalogue)
    assert found.extraction.agency == "黄山区教育局"
    assert found.extraction.warnings == []


def test_the_command_line_reads_a_saved_page_with_its_publisher(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(_page(PLACELESS, metas=_meta("SiteName", "安顺市人民政府")))
    assert main(["extract", str(path), "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert (out["agency"], out["year"]) == ("安顺市住房和城乡建设局", 2022)
    assert [w["code"] for w in out["warnings"]] == ["report-named-by-page"]
    # --agency given: the page's words are not read
    assert main(["extract", str(path), "--json", "--agency", "某局"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["agency"] == "某局" and out["warnings"] == []
