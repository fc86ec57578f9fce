"""The agency and year from what a report file calls itself outside its text: a saved page's
<title>, a Word file's or PDF's title property, the file's name. The text comes first; a title
is read only for what the text does not say, and only when it names a report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from dashboard.cli import EXIT_OK, main
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import ProblemCode
from dashboard.extract.document import read_report, report_titles
from dashboard.extract.figures import extract_figures
from dashboard.i18n.problems import problem_message
from dashboard.platform.extraction import extract_report

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

TITLE = "清河县交通运输局2023年政府信息公开工作年度报告"
# a report's body that names neither its agency nor its year (我局, 全年)
BODY = ["一、总体情况", "我局全年主动公开政府信息90条，收到政府信息公开申请3件。"]


def _page(title: str, body: list[str] = BODY) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in body)
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{paragraphs}</body></html>"
    ).encode()


def _docx(title: str) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    for line in BODY:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(title: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setTitle(title)
    page.setFont("STSong-Light", 10)
    for k, line in enumerate(BODY):
        page.drawString(40, 800 - 14 * k, line)
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (_page(TITLE + "_清河县人民政府"), "page.html"),
        (_docx(TITLE), "report.docx"),
        (_pdf("Microsoft Word - " + TITLE + ".docx"), "report.pdf"),
        ("\n".join(BODY).encode(), TITLE + ".txt"),
        # (a Word 97 file LibreOffice saved from a .docx with that title property)
        ((Path(__file__).parent / "data" / "reports" / "titled.doc").read_bytes(), "report.doc"),
    ],
)
def test_the_agency_and_year_from_the_files_own_title_or_name(
    content: bytes, name: str, catalogue: Catalogue
) -> None:
    found = extract_report(content, name, catalogue)
    assert (found.extraction.agency, found.extraction.year) == ("清河县交通运输局", 2023)
    # (no longer unknown: said to come from the title, for the editor to check)
    [warning] = found.extraction.warnings
    assert warning.code is ProblemCode.REPORT_NAMED_BY_TITLE
    assert warning.value.startswith(TITLE) and warning.params["given"] == "清河县交通运输局 / 2023"
    assert "清河县交通运输局 / 2023" in problem_message(warning, "zh")
    # the title is not the report's text: no quote comes from it
    assert TITLE not in found.text
    assert {f.metric for f in found.extraction.facts} == {"items_published", "requests_new"}


def test_the_articles_title_a_government_sites_page_keeps_in_a_meta_tag(
    catalogue: Catalogue,
) -> None:
    # (the <title> is the site's name alone: the article's title is in <meta name=ArticleTitle>)
    page = _page("清河县人民政府门户网站").replace(
        b"<title>", f'<meta name="ArticleTitle" content="{TITLE}"><title>'.encode()
    )
    found = extract_report(page, "page.html", catalogue)
    assert (found.extraction.agency, found.extraction.year) == ("清河县交通运输局", 2023)
    # a meta tag of another kind (keywords) is no title
    other = _page("清河县人民政府门户网站").replace(
        b"<title>", f'<meta name="keywords" content="{TITLE}"><title>'.encode()
    )
    assert extract_report(other, "page.html", catalogue).extraction.agency is None


def test_the_text_comes_first(catalogue: Catalogue) -> None:
    body = ["某某县民政局2022年政府信息公开工作年度报告", *BODY]
    found = extract_report(_page(TITLE, body), "page.html", catalogue)
    assert (found.extraction.agency, found.extraction.year) == ("某某县民政局", 2022)
    assert not found.extraction.warnings
    # the text names the agency only: the year from the title, said so
    body = ["结合某某县民政局信息公开工作情况，制定本年报。", *BODY]
    found = extract_report(_page(TITLE, body), "page.html", catalogue)
    assert (found.extraction.agency, found.extraction.year) == ("某某县民政局", 2023)
    assert [w.params["given"] for w in found.extraction.warnings] == ["2023"]


def test_a_title_that_names_no_report_is_not_read(catalogue: Catalogue) -> None:
    # a site's name in the page's <title>, a Word file's name
    found = extract_report(_page("清河县人民政府门户网站"), "page.html", catalogue)
    assert (found.extraction.agency, found.extraction.year) == (None, None)
    assert {w.code.value for w in found.extraction.warnings} == {
        "report-agency-unknown",
        "report-year-unknown",
    }
    found = extract_report(_docx("Microsoft Word - 文档1"), "附件1.docx", catalogue)
    assert found.extraction.agency is None
    # pasted text has no name
    assert report_titles(read_report("\n".join(BODY).encode(), "pasted.txt"), "") == ()


def test_titles_as_read(catalogue: Catalogue) -> None:
    document = read_report(_pdf("Microsoft Word - " + TITLE + ".docx"), "x.pdf")
    assert document.titles == (TITLE,)
    # a title with no Chinese (a program's placeholder) is none
    assert read_report(_pdf("Untitled"), "x.pdf").titles == ()
    assert report_titles(document, "C:\\报告\\" + TITLE + ".pdf") == (TITLE,)
    extraction = extract_figures("\n".join(BODY), catalogue, titles=("年报", TITLE))
    assert (extraction.agency, extraction.year) == ("清河县交通运输局", 2023)


def test_the_command_reads_the_files_name(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / (TITLE + ".txt")
    path.write_text("\n".join(BODY), encoding="utf-8")
    assert main(["extract", str(path), "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert (payload["agency"], payload["year"]) == ("清河县交通运输局", 2023)
    assert [w["code"] for w in payload["warnings"]] == ["report-named-by-title"]
    # the name given on the command line stands
    assert main(["extract", str(path), "--json", "--agency", "某某局", "--year", "2021"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["agency"], payload["year"]) == ("某某局", 2021)
