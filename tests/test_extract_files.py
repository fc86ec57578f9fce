"""Reading report files (.txt, .html, .mhtml, .docx, .doc, .pdf) and the `extract` command."""

from __future__ import annotations

import ast
import html
import io
import json
import struct
import zipfile
from email import encoders
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

import docx
import olefile
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from dashboard.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, main
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import ProblemCode
from dashboard.extract.document import ReportDocument, _not_aslant, copied_empty_cells, read_report
from dashboard.extract.figures import extract_figures
from dashboard.extract.word97 import _grid, _shown, doc_blocks
from dashboard.i18n import messages
from dashboard.i18n.extraction import skip_key, skip_reason_text
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.limits import Limits, ZipRefusal, ZipRefused, open_zip
from dashboard.ingest.reader import read_table

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus" / "reports-dev.jsonl"
SOURCES = ROOT / "data" / "samples" / "sources"
REPORTS = ROOT / "tests" / "data" / "reports"
EXTRACT_CODE = ROOT / "dashboard" / "extract"

REPORT = """某某市教育局2022年政府信息公开工作年度报告
一、总体情况
2022年，主动公开政府信息1739条。
收到政府信息公开申请25件，办结25件。
政务微博发布信息120条。"""
TABLE = [["信息内容", "本年制发件数"], ["规章", "3"], ["规范性文件", "12"]]

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def _plain(text: str) -> str:
    return "".join(text.split())


def _figures(document: ReportDocument, catalogue: Catalogue) -> list[tuple[object, ...]]:
    extraction = extract_figures(document.text, catalogue, tables=document.tables)
    rows = [(f.metric, f.channel, f.category, f.value, f.as_written) for f in extraction.facts]
    return sorted(rows, key=str)


def _html(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    rows = ""
    if table:
        cells = ("".join(f"<td>{html.escape(c)}</td>" for c in row) for row in table)
        rows = "<table>" + "".join(f"<tr>{r}</tr>" for r in cells) + "</table>"
    page = (
        '<html><head><meta charset="utf-8"><title>标题</title>'
        "<style>p{color:red}</style><script>var n = 99999;</script></head>"
        f"<body><div>{body}</div>{rows}</body></html>"
    )
    return page.encode("utf-8")


def _docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 10)
    y = 800.0
    rows = [*lines, *("\t".join(r) for r in table or [])]
    for line in rows:
        # Short lines: a line longer than the page would be cut, not wrapped.
        for start in range(0, max(len(line), 1), 45):
            if y < 40:
                page.showPage()
                page.setFont("STSong-Light", 10)
                y = 800.0
            x = 40.0
            for cell in line[start : start + 45].split("\t"):
                page.drawString(x, y, cell)
                x += 160
            y -= 14
    page.save()
    return out.getvalue()


def _mhtml(page: bytes, *, chrome: bool = True, charset: str | None = None) -> bytes:
    """A page as a browser saves it in one file: Chrome's .mhtml (quoted-printable, a picture
    and a frame after the page) or Internet Explorer's .mht (base64, the charset only in the
    part's header)."""
    related = MIMEMultipart("related", type="text/html")
    related["From"] = "<Saved by Blink>" if chrome else "<Saved by Windows Internet Explorer>"
    related["Snapshot-Content-Location"] = "https://www.example.gov.cn/xxgk/ndbg/2022.html"
    for content, maintype, subtype in (
        (page, "text", "html"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "image", "png"),
        (
            "<html><body><p>相关链接：某某市教育局2021年报告，收到申请88件。</p></body></html>".encode(),
            "text",
            "html",
        ),
    ):
        part = MIMENonMultipart(maintype, subtype)
        if maintype == "text" and charset:
            part.set_param("charset", charset)
        part.set_payload(content)
        (encoders.encode_quopri if chrome and maintype == "text" else encoders.encode_base64)(part)
        related.attach(part)
    return related.as_bytes()


def test_what_a_page_does_not_show_is_not_its_text(catalogue: Catalogue) -> None:
    # an older year's copy kept hidden in the page, a share box hidden by its style
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        "<div hidden><p>某某市教育局2021年政府信息公开工作年度报告</p>"
        "<p>主动公开政府信息999条。</p></div>"
        "<div style='DISPLAY: none'>微博发布信息888条。</div>"
        '<div style="visibility:hidden;width:0">收到政府信息公开申请777件。</div>'
        + "".join(f"<p>{html.escape(line)}</p>" for line in REPORT.split("\n"))
        + '<span aria-hidden="true">（电话：0580-1234567）</span>'
        "</body></html>"
    ).encode("utf-8")
    document = read_report(page, "r.html")
    assert _plain(document.text) == _plain(REPORT + "（电话：0580-1234567）")
    extraction = extract_figures(document.text, catalogue)
    assert extraction.year == 2022
    values = {f.value for f in extraction.facts}
    assert {1739, 25, 120} <= values and not values & {999, 888, 777}


def test_a_page_saved_as_one_file_reads_as_the_page(catalogue: Catalogue) -> None:
    lines = REPORT.split("\n")
    page = _html(lines, TABLE)
    expected = read_report(page, "r.html")
    assert expected.problems == []
    ie_page = page.replace(b'<meta charset="utf-8">', b"").decode("utf-8").encode("gb18030")
    saved = {
        "r.mhtml": _mhtml(page),
        "r.mht": _mhtml(ie_page, chrome=False, charset="gb2312"),
        "saved-without-suffix": _mhtml(page),  # known by its first bytes
    }
    for name, content in saved.items():
        document = read_report(content, name)
        assert document.problems == [], name
        assert document.text == expected.text, name
        assert document.tables == [TABLE], name
        assert _figures(document, catalogue) == _figures(expected, catalogue), name
        assert "88" not in document.text  # the frame saved after the page is not the report
    # a saved file without a page in it says so
    related = MIMEMultipart("related")
    picture = MIMENonMultipart("image", "png")
    picture.set_payload(b"\x89PNG")
    encoders.encode_base64(picture)
    related.attach(picture)
    empty = read_report(related.as_bytes(), "r.mhtml")
    assert [p.code for p in empty.problems] == [ProblemCode.REPORT_UNREADABLE]
    assert empty.text == ""


def test_the_same_report_in_every_format_gives_the_same_text_and_figures(
    catalogue: Catalogue,
) -> None:
    lines = REPORT.split("\n")
    text = REPORT + "\n" + "\n".join("\t".join(r) for r in TABLE)
    files = {
        "r.txt": text.encode("utf-8"),
        "r-bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "r-gb.txt": text.encode("gb18030"),
        "r.html": _html(lines, TABLE),
        "r.docx": _docx(lines, TABLE),
        "r.pdf": _pdf(lines, TABLE),
    }
    documents = {name: read_report(content, name) for name, content in files.items()}
    for name, document in documents.items():
        assert document.problems == [], name
        assert _plain(document.text) == _plain(text), name
    expected = _figures(documents["r.txt"], catalogue)
    assert len(expected) >= 2
    for name, document in documents.items():
        assert _figures(document, catalogue) == expected, name
    # The table comes back cell by cell from the formats that have tables.
    for name in ("r.html", "r.docx"):
        assert documents[name].tables == [TABLE], name
    # Nothing of the page's head, style or script is text.
    assert "99999" not in documents["r.html"].text
    assert "标题" not in documents["r.html"].text


def _real_reports() -> list[tuple[str, str]]:
    reports = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in list(handle)[:2]:
            record = json.loads(line)
            reports.append((record["id"], record["text"]))
    for name in ("cq-jw-2023.txt", "hz-edu-2022.txt"):
        reports.append((name, (SOURCES / name).read_text(encoding="utf-8")))
    return reports


@pytest.mark.parametrize(("name", "text"), _real_reports(), ids=lambda v: str(v)[:20])
def test_real_reports_read_alike_from_every_format(
    name: str, text: str, catalogue: Catalogue
) -> None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    text = "\n".join(lines)
    reference = read_report(text.encode("utf-8"), "r.txt")
    expected = _figures(reference, catalogue)
    assert expected, name
    for filename, content in (
        ("r.txt", text.encode("gb18030", errors="replace")),
        ("r.html", _html(lines)),
        ("r.docx", _docx(lines)),
    ):
        document = read_report(content, filename)
        assert document.problems == [], (name, filename)
        if filename != "r.txt":  # GB18030 cannot write every character of every report
            assert _plain(document.text) == _plain(text), (name, filename)
        assert _figures(document, catalogue) == expected, (name, filename)
    pdf = read_report(_pdf(lines), "r.pdf")
    assert pdf.problems == []
    assert _plain(pdf.text) == _plain(text)


def _traditional_reports() -> tuple[list[str], list[str]]:
    """Every corpus text in traditional script that Big5 can write, and every text GB18030 can."""
    big5: list[str] = []
    gb: list[str] = []
    for path in sorted((ROOT / "tests" / "data" / "corpus").glob("reports-*.jsonl")):
        for record in map(json.loads, path.open(encoding="utf-8")):
            text = record["text"]
            gb.append(text)
            if record.get("script") == "traditional":
                try:
                    text.encode("big5")
                except UnicodeEncodeError:
                    continue
                big5.append(text)
    return big5, gb


def test_a_report_in_big5_reads_as_written_and_no_gb18030_one_is_taken_for_it(
    catalogue: Catalogue,
) -> None:
    """Big5 bytes mostly decode as GB18030 too, into nonsense with no error: a traditional
    report saved in Big5 must come back as written, with its figures, and a GB18030 one stay
    GB18030."""
    big5, gb = _traditional_reports()
    assert len(big5) >= 150 and len(gb) >= 3000
    for text in big5:
        as_utf8 = read_report(text.encode("utf-8"), "r.txt").text
        assert read_report(text.encode("big5"), "r.txt").text == as_utf8, text[:40]
    for text in gb:
        content = text.encode("gb18030")
        if content.isascii():
            continue
        as_utf8 = read_report(text.encode("utf-8"), "r.txt").text
        assert read_report(content, "r.txt").text == as_utf8, text[:40]
    # Greek in a GB18030 text (β受体, α1) is no sign of Big5
    greek = "本品为β受体阻滞剂，α1受体激动剂；γ射线与δ值，ε、ζ、η、θ。" * 3
    assert read_report(greek.encode("gb18030"), "r.txt").text.startswith(greek[:20])
    sample = "某縣教育局2022年政府信息公開工作年度報告\n2022年，我局主動公開政府信息120條。"
    document = read_report(sample.encode("big5"), "r.txt")
    assert _figures(document, catalogue) == [("items_published", None, None, 120.0, "120条")]


PRINTED = {  # tests/data/reports/printed/<id>.pdf: a corpus text printed by LibreOffice
    "zezhou-county-gov-2024": "blind31",  # a line broken after a comma (其中…15条,\n政务动态…)
    "ag-qinhuai-wlj-2020": "blind31",  # and before 累计阅读量超过17万
    "gz-ns-zhujiang-2020": "blind29",  # after a closing bracket (子站点(珠江街页面)\n主动公开)
}


@pytest.mark.parametrize("report", sorted(PRINTED))
def test_a_corpus_report_printed_to_pdf_gives_the_figures_of_its_text(
    report: str, catalogue: Catalogue
) -> None:
    corpus = ROOT / "tests" / "data" / "corpus" / f"reports-{PRINTED[report]}.jsonl"
    [record] = [r for r in map(json.loads, corpus.open(encoding="utf-8")) if r["id"] == report]
    expected = _figures(read_report(record["text"].encode("utf-8"), "r.txt"), catalogue)
    printed = (ROOT / "tests" / "data" / "reports" / "printed" / f"{report}.pdf").read_bytes()
    document = read_report(printed, "r.pdf")
    assert document.problems == []
    assert len(expected) >= 2
    assert _figures(document, catalogue) == expected
    for fact in extract_figures(document.text, catalogue).facts:
        assert document.text[fact.start : fact.end] == fact.quote


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _word_paragraphs(*inner: str) -> bytes:
    """A Word file whose body holds these paragraphs' (or blocks') XML, as Word writes it."""
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for xml in inner:
        body.insert(len(body) - 1, parse_xml(xml.replace("<w:p>", f"<w:p {W} {MC}>", 1)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _r(text: str, props: str = "") -> str:
    return f"<w:r>{props}<w:t xml:space='preserve'>{text}</w:t></w:r>"


def test_a_word_file_shows_the_text_word_shows(catalogue: Catalogue) -> None:
    content = _word_paragraphs(
        f"<w:p>{_r('某某市教育局2022年政府信息公开工作年度报告')}</w:p>",
        # Chinese Word tags dates and numbers as smart tags: python-docx alone drops them
        f"<w:p>{_r('本报告中所列数据的统计期限自')}<w:smartTag w:uri='urn:schemas-microsoft-com:"
        f"office:smarttags' w:element='chsdate'>{_r('2022年1月1日')}</w:smartTag>"
        f"{_r('起至2022年12月31日止。')}</w:p>",
        # a tracked change: the inserted figure is shown, the deleted one is not
        f"<w:p>{_r('全年主动公开政府信息')}<w:ins w:id='1' w:author='a'>{_r('1239')}</w:ins>"
        f"<w:del w:id='2' w:author='a'><w:r><w:delText>1200</w:delText></w:r></w:del>"
        f"{_r('条，其中门户网站发布信息')}<w:sdt><w:sdtContent>{_r('568')}</w:sdtContent>"
        f"</w:sdt>{_r('条，微博发布信息')}<w:fldSimple w:instr=' MERGEFIELD n '>{_r('88')}"
        f"</w:fldSimple>{_r('条')}{_r('（草稿：999条）', '<w:rPr><w:vanish/></w:rPr>')}"
        f"{_r('。')}</w:p>",
        # a block content control (a cover, a section kept as a building block)
        f"<w:sdt {W}><w:sdtContent><w:p>{_r('微信公众号发布信息321条。')}</w:p></w:sdtContent>"
        "</w:sdt>",
        # a text box drawn twice (the drawing and its fallback for old Word): not the report
        f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing/></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent><w:p>{_r('扫码关注777人')}</w:p></w:txbxContent>"
        f"</w:pict></mc:Fallback></mc:AlternateContent></w:r>{_r('二、主动公开政府信息情况')}</w:p>",
    )
    document = read_report(content, "r.docx")
    assert document.problems == []
    assert document.text.split("\n") == [
        "某某市教育局2022年政府信息公开工作年度报告",
        "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        "全年主动公开政府信息1239条，其中门户网站发布信息568条，微博发布信息88条。",
        "微信公众号发布信息321条。",
        "二、主动公开政府信息情况",
    ]
    facts = {
        (f.metric, f.channel): f.value for f in extract_figures(document.text, catalogue).facts
    }
    assert facts[("items_published", None)] == 1239
    assert facts[("items_published", "wechat")] == 321
    assert 1200 not in facts.values() and 999 not in facts.values()


def test_a_word_tables_cells_show_what_word_shows() -> None:
    cell = "<w:tc><w:p><w:smartTag w:uri='u' w:element='chmetcnv'>{}</w:smartTag></w:p></w:tc>"
    row = "".join(cell.format(_r(text)) for text in ("规章", "3", "0", "12"))
    content = _word_paragraphs(f"<w:tbl {W}><w:tblGrid/><w:tr>{row}</w:tr></w:tbl>")
    document = read_report(content, "r.docx")
    assert document.tables == [[["规章", "3", "0", "12"]]]
    assert "规章 3 0 12" in document.text.split("\n")


def test_bold_printed_twice_and_a_watermark_in_a_pdf(catalogue: Catalogue) -> None:
    # a title and a heading made bold by drawing them twice, a little apart
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 12)
    for at, line in enumerate(REPORT.split("\n")[:4]):
        page.drawString(40, 800 - 16 * at, line)
        if at < 2:
            page.drawString(40.3, 800 - 16 * at, line)
    # and a watermark across the page, whose characters would fall between the lines
    page.saveState()
    page.translate(150, 700)
    page.rotate(40)
    page.setFont("STSong-Light", 36)
    page.drawString(0, 0, "内部资料 2025")
    page.restoreState()
    page.save()
    document = read_report(out.getvalue(), "r.pdf")
    assert document.text.split("\n") == REPORT.split("\n")[:4]
    extraction = extract_figures(document.text, catalogue)
    assert (extraction.agency, extraction.year) == ("某某市教育局", 2022)


@pytest.mark.parametrize(
    ("matrix", "read"),
    [
        ((12, 0, 0, 12, 0, 0), True),  # level
        ((0, 12, -12, 0, 0, 0), True),  # turned upright: a tall table cell's label
        ((12, 0, 2.4, 12, 0, 0), True),  # slanted as italics are
        ((11.99, 0.42, -0.42, 11.99, 0, 0), True),  # 2° askew: a scan's recognised text
        ((-12, 0, 0, -12, 0, 0), True),  # upside down
        ((9.2, 7.7, -7.7, 9.2, 0, 0), False),  # turned 40°: a watermark
    ],
)
def test_only_characters_set_aslant_are_left_out(matrix: tuple[float, ...], read: bool) -> None:
    assert _not_aslant({"object_type": "char", "matrix": matrix}) is read


def test_radicals_a_pdf_font_maps_its_characters_to_read_as_the_characters(
    catalogue: Catalogue,
) -> None:
    # as copied out of such a PDF: Kangxi radicals (⼀ ⽂ ⼯ ⽹ ⾏) and simplified ones (⻔ ⻛)
    written = (
        "某某市⽂化和旅游局2024年政府信息公开⼯作年度报告\n⼀、总体情况\n"
        "2024年，我局通过区政府⻔户⽹站主动公开政府信息1239条，⾏政规范性⽂件3件，"
        "通过“某某⽂旅”微信公众号发布信息386条，⻛险提示12条。"
    )
    for name, content in (("r.txt", written.encode()), ("r.html", _html(written.split("\n")))):
        document = read_report(content, name)
        assert [line for line in document.text.split("\n") if line][:2] == [
            "某某市文化和旅游局2024年政府信息公开工作年度报告",
            "一、总体情况",
        ]
        assert "通过区政府门户网站主动公开" in document.text and "风险提示" in document.text
        extraction = extract_figures(document.text, catalogue)
        assert extraction.agency == "某某市文化和旅游局"
        facts = {(f.metric, f.channel): f.value for f in extraction.facts}
        assert facts[("items_published", "gov_portal")] == 1239
        assert facts[("items_published", "wechat")] == 386


def test_a_word_97_file_reads_as_its_text(catalogue: Catalogue) -> None:
    # the seed report saved as .doc by LibreOffice (tests/data/reports/README.md)
    text = (SOURCES / "dinghai-edu-2019.txt").read_text(encoding="utf-8")
    doc = (REPORTS / "dinghai-edu-2019.doc").read_bytes()
    reference = read_report(text.encode("utf-8"), "r.txt")
    expected = _figures(reference, catalogue)
    assert len(expected) >= 5
    # by its name, renamed .docx, and with no name at all: the file says what it is
    for name in ("r.doc", "R.DOC", "r.docx", "report"):
        document = read_report(doc, name)
        assert document.problems == [], name
        assert _plain(document.text) == _plain(text), name
        assert _figures(document, catalogue) == expected, name


def _cells_docx() -> bytes:
    """The Word file tests/data/reports/cells.doc was saved from by LibreOffice (README there):
    a page laid out in a table (a cell of sentences), a form whose cells wrap, hold two
    paragraphs or a line break, or are empty."""
    document = docx.Document()
    document.add_paragraph("某某县民政局2022年政府信息公开工作年度报告")
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "首页 > 政务公开 > 年度报告"
    page = layout.cell(0, 1)
    page.text = "一、总体情况"
    page.add_paragraph(
        "2022年，某某县民政局坚持以公开为常态、不公开为例外，围绕民政中心工作，认真落实政务公开"
        "各项要求，不断提高政府信息公开的质量和实效。"
    )
    page.add_paragraph(
        "全年通过县政府门户网站主动公开政府信息1739条，政策解读12篇。全年共收到政府信息公开申请"
        "5件，均按期答复。"
    )
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    form = document.add_table(rows=3, cols=3)
    form.style = "Table Grid"
    for column, text in enumerate(("项目", "自然人", "总计")):
        form.cell(0, column).text = text
    label = form.cell(1, 0).paragraphs[0]
    label.add_run("一、本年新收政府信息").add_break()
    label.add_run("公开申请数量")
    form.cell(1, 1).text = form.cell(1, 2).text = "5"
    form.cell(2, 0).text = "二、上年结转"
    form.cell(2, 0).add_paragraph("政府信息公开申请数量")
    form.cell(2, 2).text = "0"
    document.add_paragraph("四、其他需要报告的事项")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_97_file_reads_as_the_word_file_it_was_saved_from(catalogue: Catalogue) -> None:
    saved = read_report((REPORTS / "cells.doc").read_bytes(), "r.doc")
    original = read_report(_cells_docx(), "r.docx")
    assert saved.problems == original.problems == []
    assert saved.text == original.text
    assert saved.tables == original.tables
    # the page's table gives its paragraphs as lines; the form is a table, the empty cell kept
    # in its place, a cell's paragraphs and lines one text
    assert "一、总体情况" in saved.text.split("\n")
    assert saved.tables == [
        [
            ["项目", "自然人", "总计"],
            ["一、本年新收政府信息 公开申请数量", "5", "5"],
            ["二、上年结转 政府信息公开申请数量", "", "0"],
        ]
    ]
    extraction = extract_figures(saved.text, catalogue, tables=saved.tables)
    assert extraction.agency == "某某县民政局"
    facts = {(f.metric, f.channel): f.value for f in extraction.facts}
    assert facts[("items_published", "gov_portal")] == 1739
    assert facts[("interpretations", None)] == 12


def test_word_97_rows_are_placed_by_their_cell_edges_within_the_files_room() -> None:
    # row ends 0 and 1: a label over two columns, then two cells; edges 3 twips apart are one
    rows = [((0, 2000, 3000), (False, False)), ((3, 1000, 2000, 3000), (False, False, True))]
    table = [(["项目", "总计"], 0), (["申请", "数量", "下面合并"], 1)]
    assert _grid(table, rows, [100]) == [[["项目", "", "总计"], ["申请", "数量", ""]]]
    # past the file's room for cells laid out, rows keep their cells only
    assert _grid(table, rows, [5]) == [[["项目", "总计"], ["申请", "数量", "下面合并"]]]
    # edges that do not fit the row's cells: that row from the left
    assert _grid([(["a", "b"], 0)], [((0, 10**4), ())], [100]) == [[["a", "b"]]]


def test_word_97_pieces_of_8_bit_text_and_fields() -> None:
    # Word keeps text that cp1252 can write one byte a character ("compressed"); LibreOffice
    # never does, so the test makes such a piece in its file (same sizes: olefile rewrites it)
    content = io.BytesIO((REPORTS / "ascii.doc").read_bytes())
    with olefile.OleFileIO(content, write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        table_name = "1Table" if word[0x0B] & 0x02 else "0Table"
        table = bytearray(ole.openstream(table_name).read())
        (fc_clx,) = struct.unpack_from("<I", word, 0x1A2)
        assert table[fc_clx] == 0x02  # the piece table, no formatting before it
        count = (struct.unpack_from("<I", table, fc_clx + 1)[0] - 4) // 12
        pcd = fc_clx + 5 + 4 * (count + 1)
        fc = struct.unpack_from("<I", table, pcd + 2)[0]
        n = struct.unpack_from("<I", table, fc_clx + 5 + 4)[0]
        text = word[fc : fc + 2 * n].decode("utf-16-le")
        word[fc : fc + n] = text.encode("cp1252")
        struct.pack_into("<I", table, pcd + 2, (2 * fc) | 0x40000000)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(table_name, bytes(table))
    assert doc_blocks(content.getvalue()) == [
        "Annual report 2022: 1739 items published.",
        "Second line.",
        "",
    ]
    # a field shows its result, not its code, nested fields too; anchors are no text
    field = (
        '详见\x13 HYPERLINK "http://www.x.gov.cn" \x14www.x.gov.cn\x15网站'
        "第\x13 PAGE \x14\x13 =1+1 \x142\x15\x15页\x01\x08\x07表"
    )
    assert _shown(field) == "详见www.x.gov.cn网站第2页\x07表"


def test_pages_of_a_pdf_that_are_pictures_are_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(picture, "PNG")
    scan = ImageReader(io.BytesIO(picture.getvalue()))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    texts = {
        1: "某某县民政局2022年政府信息公开工作年度报告。全年主动公开政府信息52条。",
        3: "五、存在的主要问题及改进情况。六、其他需要报告的事项：无。",
    }
    for number in (1, 2, 3, 4):
        page.setFont("STSong-Light", 12)
        if number in texts:
            page.drawString(60, height - 80, texts[number])
        if number == 3:  # the seal beside the date: a small picture on a page of text
            page.drawImage(scan, 300, 300, 80, 80)
        if number in (2, 4):  # a table printed and scanned: the whole page, its number on it
            page.drawImage(scan, 20, 20, width - 40, height - 40)
            page.drawString(width / 2, 30, f"- {number} -")
        page.showPage()
    page.save()
    document = read_report(out.getvalue(), "r.pdf")
    assert document.readable and "主动公开政府信息52条" in document.text
    [warning] = document.problems
    assert (warning.code, warning.severity) == (ProblemCode.REPORT_PAGES_PICTURES, "warning")
    assert warning.params["pages"] == "2、4"
    assert "第 2、4 页是图片" in problem_message(warning, "zh")
    assert "pictures (scanned, no text layer): 2、4." in problem_message(warning, "en")
    # the command says so too, before what the text lacks
    path = tmp_path / "r.pdf"
    path.write_bytes(out.getvalue())
    assert main(["extract", str(path), "--json", "--year", "2022"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["warnings"][0]["code"] == "report-pages-pictures"


def _doc_problem(content: bytes) -> str:
    document = read_report(content, "r.doc")
    assert document.text == "" and document.tables == []
    [problem] = document.problems
    assert problem.code == ProblemCode.REPORT_UNREADABLE
    return str(problem.params["detail"])


def test_a_broken_or_locked_word_97_file_gives_a_clear_problem() -> None:
    doc = (REPORTS / "dinghai-edu-2019.doc").read_bytes()
    assert _doc_problem(doc[:3000]) == "OLE"  # cut short: the container is broken
    assert _doc_problem(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == "OLE"
    # the Word stream's own header, found by its magic number, changed
    fib = doc.index(b"\xec\xa5")
    locked = bytearray(doc)
    locked[fib + 0x0B] |= 0x01  # fEncrypted
    assert _doc_problem(bytes(locked)) == "encrypted"
    old = bytearray(doc)
    old[fib + 2 : fib + 4] = (100).to_bytes(2, "little")  # nFib of Word 6/95
    assert _doc_problem(bytes(old)) == "Word 6/95 file"
    # the piece table pointing past its stream
    moved = bytearray(doc)
    moved[fib + 0x1A2 : fib + 0x1A6] = (10**8).to_bytes(4, "little")
    assert _doc_problem(bytes(moved)) == "piece table"


def test_empty_cells_of_a_copied_page_are_marked_and_nothing_else_is() -> None:
    # a row of tab-parted cells: its empty cells after the first cell
    assert copied_empty_cells("\t（一）予以公开\t258\t12\t\t \t1\t1\t") == (
        "（一）予以公开\t258\t12\t—\t—\t1\t1\t—"
    )
    # cells on lines of their own: spaces between tabs, a mark each; a lone space beside figures
    assert copied_empty_cells("821\n\n35\n\n \t \t\n2\n\n1\n\n \n（二）部分公开") == (
        "821\n\n35\n\n— —\n2\n\n1\n\n—\n（二）部分公开"
    )
    # left as they were: a spacer between sentences or headings, tabs in a line without a
    # figure, a figure in a sentence with tabs around it
    for text in (
        "全年公开信息52条。\n\n \n\n二、依申请公开情况\n \n（一）收到申请",
        "一、总体情况\t\t\n2022年\t我局\t坚持公开",
        "主动公开信息\t52条。\t\t其中文件3件。",
        "首页|政务公开|2023|12345",
    ):
        assert copied_empty_cells(text) == text


def test_a_kingsoft_wps_file_reads_as_the_word_97_file_it_is() -> None:
    # WPS 文字 saves .wps as Word 97's compound file: read as a .doc (here a .doc so named)
    doc = (REPORTS / "cells.doc").read_bytes()
    as_wps, as_doc = read_report(doc, "报告.wps"), read_report(doc, "r.doc")
    assert as_wps.problems == [] and as_wps.text == as_doc.text
    assert as_wps.tables == as_doc.tables and len(as_wps.tables) == 1
    assert "主动公开政府信息1739条" in as_wps.text
    # not read, with the reason: a compound file with no Word document in it (Microsoft Works
    # writes its own streams; here the Word stream's name in the directory changed), and a file
    # that is no compound file at all (an older WPS)
    word = "WordDocument".encode("utf-16-le")
    works = doc.replace(word, "WorksContent".encode("utf-16-le"))
    assert works != doc
    for content, detail in ((works, "OLE without a Word document"), (b"WPS" + bytes(600), "OLE")):
        [problem] = read_report(content, "old.wps").problems
        assert problem.code == ProblemCode.REPORT_UNREADABLE
        assert problem.params["detail"] == detail


def test_text_copied_out_of_a_pdf_reads_as_its_paragraphs(catalogue: Catalogue) -> None:
    # the seed report as a PDF viewer copies it: its printed lines, 30 characters each
    text = (SOURCES / "dinghai-edu-2019.txt").read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip() and "|" not in line]
    wrapped = "\n".join(p[k : k + 30] for p in paragraphs for k in range(0, len(p), 30))
    assert wrapped.count("\n") > 2 * len(paragraphs)
    as_typed = read_report("\n".join(paragraphs).encode("utf-8"), "r.txt")
    copied = read_report(wrapped.encode("utf-8"), "r.txt")
    # the printed lines joined again (a break after 。 or ， is left: it ends a clause anyway)
    assert len(copied.text.split("\n")) < wrapped.count("\n") / 2
    assert len(_figures(as_typed, catalogue)) >= 5
    assert _figures(copied, catalogue) == _figures(as_typed, catalogue)
    # a page's text, a paragraph a line, is read as it is
    assert as_typed.text == "\n".join(paragraphs)


def test_an_image_only_pdf_says_it_has_no_text_layer() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(picture, "PNG")
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 40, 400, 400, 400)
    page.save()
    document = read_report(out.getvalue(), "scan.pdf")
    assert not document.readable and document.text == ""
    assert [p.code for p in document.problems] == [ProblemCode.REPORT_NO_TEXT_LAYER]
    assert "OCR" in problem_message(document.problems[0], "zh")
    assert "OCR" in problem_message(document.problems[0], "en")


def _pdf_without_character_map(glyphs: int, words: str = "") -> bytes:
    """A PDF whose CJK font (Identity-H) is embedded without a ToUnicode map, as some PDF
    writers leave it: pdfminer can only give its glyphs as (cid:N). `words` are set in
    Helvetica, which every reader can decode."""
    hexes = "".join(f"{100 + i % 500:04x}" for i in range(glyphs))
    lines = [
        f"BT /F1 10 Tf 40 {780 - 14 * k} Td <{hexes[k * 160 : (k + 1) * 160]}> Tj ET"
        for k in range(len(hexes) // 160 + 1)
    ]
    lines.append(f"BT /F2 10 Tf 40 60 Td ({words}) Tj ET")
    stream = "\n".join(lines).encode()
    font = b"/BaseFont /ABCDEF+SimSun"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 " + font + b" /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 " + font + b" /FontDescriptor 7 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /ItalicAngle 0"
        b" /FontBBox [0 -141 1000 859] /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_pdf_whose_text_is_garbled_says_so() -> None:
    garbled = read_report(_pdf_without_character_map(400, "2022 1739"), "r.pdf")
    assert garbled.text == "" and garbled.tables == []
    [problem] = garbled.problems
    assert problem.code == ProblemCode.REPORT_TEXT_GARBLED
    assert problem.params["pages"] == 1
    assert problem.params["sample"] == "(cid:100)(cid:101)(cid:102)"
    message = problem_message(problem, "zh")
    assert "乱码" in message and "(cid:100)" in message and "OCR" in message
    assert "网页版或 Word 版" in problem_action(problem, "zh")
    # a few glyphs without a map among words that read are left as they are
    mostly_words = read_report(
        _pdf_without_character_map(30, "Annual report 2022: 1739 items published. " * 3), "r.pdf"
    )
    assert mostly_words.problems == []
    assert "1739 items published" in mostly_words.text


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("broken.docx", _docx(["一段文字"])[:300], ProblemCode.REPORT_UNREADABLE),
        ("notword.docx", b"PK\x05\x06" + b"\x00" * 18, ProblemCode.REPORT_UNREADABLE),
        ("old.docx", b"\xd0\xcf\x11\xe0" + b"\x00" * 600, ProblemCode.REPORT_UNREADABLE),
        ("broken.pdf", b"%PDF-1.4\n garbage", ProblemCode.REPORT_UNREADABLE),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ProblemCode.REPORT_FORMAT),
        ("empty.txt", b"  \n", ProblemCode.FILE_EMPTY),
    ],
)
def test_a_broken_file_gives_a_clear_problem(
    filename: str, content: bytes, code: ProblemCode
) -> None:
    document = read_report(content, filename)
    assert [p.code for p in document.problems] == [code]
    for lang in ("zh", "en"):
        message = problem_message(document.problems[0], lang)
        assert message and (code is ProblemCode.FILE_EMPTY or filename in message)


def test_a_zip_bomb_docx_is_refused_before_it_is_opened() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (8 * 1024 * 1024))
    document = read_report(out.getvalue(), "bomb.docx")
    assert [p.code for p in document.problems] == [ProblemCode.REPORT_TOO_COMPLEX]
    # A DOCTYPE (entity expansion) is refused too.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    document = read_report(out.getvalue(), "entities.docx")
    assert [p.code for p in document.problems] == [ProblemCode.REPORT_TOO_COMPLEX]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _encrypted(content: bytes) -> bytes:
    """The zip with every member flagged as encrypted (general purpose bit 0)."""
    flagged = bytearray(content)
    at = flagged.find(b"PK\x01\x02")
    while at >= 0:
        flagged[at + 8] |= 1
        at = flagged.find(b"PK\x01\x02", at + 4)
    return bytes(flagged)


_OFFICE = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>", "xl/x.xml": b"<x/>"}


@pytest.mark.parametrize(
    ("content", "limits", "refusal", "xlsx_code", "docx_code"),
    [
        pytest.param(
            _zip({**_OFFICE, **{f"media/{i}.bin": b"" for i in range(30)}}),
            Limits(max_zip_entries=20),
            ZipRefusal.TOO_MANY_MEMBERS,
            "file-too-complex",
            "report-too-complex",
            id="members",
        ),
        pytest.param(
            _encrypted(_zip(_OFFICE)),
            Limits(),
            ZipRefusal.ENCRYPTED,
            "file-encrypted",
            "report-unreadable",
            id="encrypted",
        ),
        pytest.param(
            _zip({**_OFFICE, "media/zeros.bin": bytes(3_000_000)}),
            Limits(max_uncompressed_bytes=2_000_000),
            ZipRefusal.TOO_LARGE_UNCOMPRESSED,
            "file-too-large-uncompressed",
            "report-too-complex",
            id="uncompressed",
        ),
        pytest.param(
            _zip({**_OFFICE, "media/zeros.bin": bytes(3_000_000)}),
            Limits(),
            ZipRefusal.COMPRESSION_RATIO,
            "file-too-complex",
            "report-too-complex",
            id="ratio",
        ),
        pytest.param(
            b"PK\x03\x04 not a zip",
            Limits(),
            ZipRefusal.UNREADABLE,
            "file-unreadable",
            "report-unreadable",
            id="broken",
        ),
    ],
)
def test_one_zip_check_for_workbooks_and_word_reports(
    content: bytes, limits: Limits, refusal: ZipRefusal, xlsx_code: str, docx_code: str
) -> None:
    """`open_zip` refuses a zip from its directory alone; the .xlsx upload reader and the .docx
    report reader both use it, each naming the refusal with its own code."""
    refused = open_zip(content, limits)
    assert isinstance(refused, ZipRefused) and refused.refusal is refusal
    workbook = read_table(content, "data.xlsx", limits=limits)
    assert [p.code for p in workbook.problems] == [xlsx_code]
    report = read_report(content, "report.docx", limits)
    assert [p.code for p in report.problems] == [docx_code]
    assert "report.docx" in problem_message(report.problems[0], "en")
    # Within the limits the same archive opens.
    if refusal not in (ZipRefusal.UNREADABLE, ZipRefusal.ENCRYPTED):
        roomy = Limits(max_compression_ratio=10**6, max_zip_entries=100)
        assert isinstance(open_zip(content, roomy), zipfile.ZipFile)


def test_a_file_over_the_limit_is_refused() -> None:
    document = read_report(REPORT.encode("utf-8"), "r.txt", Limits(max_file_bytes=10))
    assert [p.code for p in document.problems] == [ProblemCode.FILE_TOO_LARGE]


# ── the command ──────────────────────────────────────────────────────────────────────────────


def test_extract_prints_figures_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(_docx(REPORT.split("\n"), TABLE))
    assert main(["extract", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "1739条" in out and "某某市教育局" in out
    assert "发布信息条数 (微博): 120条" in out  # the channel by its name, not its id


def test_extract_json_is_one_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.html"
    path.write_bytes(_html(REPORT.split("\n"), TABLE))
    assert main(["extract", str(path), "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"agency", "year", "facts", "skipped", "warnings", "errors"}
    assert (payload["agency"], payload["year"]) == ("某某市教育局", 2022)
    assert payload["errors"] == []
    text = read_report(path.read_bytes(), "r.html").text
    for fact in payload["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["quote"]
        assert {"metric", "value", "as_written", "confidence"} <= set(fact)


def test_extract_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nothing = tmp_path / "menu.txt"
    nothing.write_text("今日菜单：米饭、青菜、豆腐。\n", encoding="utf-8")
    assert main(["extract", str(nothing)]) == EXIT_ERRORS
    assert "report-no-figures" in capsys.readouterr().out
    assert main(["extract", str(nothing), "--json"]) == EXIT_ERRORS
    payload = json.loads(capsys.readouterr().out)
    assert payload["facts"] == [] and payload["errors"][0]["code"] == "report-no-figures"

    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert main(["extract", str(broken)]) == EXIT_UNREADABLE
    captured = capsys.readouterr()
    assert "report-unreadable" in captured.err and "Traceback" not in captured.err
    assert main(["extract", str(broken), "--json"]) == EXIT_UNREADABLE
    payload = json.loads(capsys.readouterr().out)
    assert payload["errors"][0]["code"] == "report-unreadable"

    assert main(["extract", str(tmp_path / "missing.pdf"), "--json"]) == EXIT_UNREADABLE
    assert json.loads(capsys.readouterr().out)["facts"] == []


def test_extract_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(REPORT.encode("gb18030")), encoding="gb18030")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract", "-", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["facts"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_extract_output_passes_validate(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf(REPORT.split("\n"), TABLE))
    out = tmp_path / f"out.{suffix}"
    assert main(["extract", str(path), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    assert main(["validate", str(out), "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is True
    if suffix == "csv":  # the quote is the note (备注)
        assert "主动公开政府信息1739条" in out.read_text(encoding="utf-8-sig")


def test_extract_output_needs_agency_and_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.txt"
    path.write_text("主动公开政府信息1739条。收到政府信息公开申请25件。", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["extract", str(path), "-o", str(out)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "--agency" in err and str(path) in err and not out.exists()
    args = ["extract", str(path), "-o", str(out), "--agency", "某局", "--year", "2023"]
    assert main(args) == EXIT_OK
    assert out.exists()


# ── warnings and skip reasons: codes and ids, read out in words ─────────────────────────────

UNTITLED = (
    "主动公开政府信息1739条。收到政府信息公开申请25件。"
    "信息更新于2022年1月5日，咨询电话0571-87654321。"
)


def test_an_unknown_agency_or_year_is_a_warning_with_a_code(catalogue: Catalogue) -> None:
    extraction = extract_figures(UNTITLED, catalogue)
    assert [(p.code, p.severity) for p in extraction.warnings] == [
        (ProblemCode.REPORT_AGENCY_UNKNOWN, "warning"),
        (ProblemCode.REPORT_YEAR_UNKNOWN, "warning"),
    ]
    for problem in extraction.warnings:
        zh, en = problem_message(problem, "zh"), problem_message(problem, "en")
        assert zh != en and "识别" in zh and "not found" in en
    assert "--agency" in problem_action(extraction.warnings[0], "en")
    given = extract_figures(UNTITLED, catalogue, agency="某局", year=2022)
    assert given.warnings == []


def test_extract_warnings_are_records_and_text_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.txt"
    path.write_text(UNTITLED, encoding="utf-8")
    assert main(["--lang", "en", "extract", str(path), "--json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert [(w["code"], w["severity"]) for w in payload["warnings"]] == [
        ("report-agency-unknown", "warning"),
        ("report-year-unknown", "warning"),
    ]
    assert set(payload["warnings"][0]) == {"row", "column", "value", "code", "severity",
                                           "message", "action"}  # fmt: skip
    assert payload["warnings"][0]["message"].startswith("The report's agency was not found")
    # The JSON keeps the skip reasons as ids; text mode says them in words.
    assert {"date", "phone"} <= {s["reason"] for s in payload["skipped"]}
    assert main(["extract", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "没有从报告中识别出单位" in out and "(report-agency-unknown)" in out
    assert "未采用的数字：" in out and "日期 3 个" in out and "电话、传真或邮编 1 个" in out
    assert "date" not in out and "phone" not in out
    assert main(["--lang", "en", "extract", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Numbers left out: " in out and "a date (3)" in out and "识别" not in out


def _results(node: ast.AST | None) -> list[ast.AST]:
    """The expressions whose value an expression may take: both arms of `a if c else b`, each
    operand of `a or b`, else the expression itself (a call's arguments are not its value)."""
    if isinstance(node, ast.IfExp):
        return [*_results(node.body), *_results(node.orelse)]
    if isinstance(node, ast.BoolOp):
        return [r for value in node.values for r in _results(value)]
    return [node] if node is not None else []


def skip_reasons_in_code() -> set[str]:
    """Every reason the extractor can give a skipped number, read from dashboard/extract/: the
    texts that can reach the `reason` of a `Skipped(…)` — written there or as any `reason=`
    argument, assigned to a variable passed there (`reason = "year"`, `skip = "repeated"`), or
    returned by a function whose result is (`reason = _skip_reason(…)` → `return "law number"`),
    followed to a fixed point."""
    trees = [ast.parse(p.read_text("utf-8")) for p in sorted(EXTRACT_CODE.glob("*.py"))]
    nodes = [node for tree in trees for node in ast.walk(tree)]
    functions = {n.name: n for n in nodes if isinstance(n, ast.FunctionDef)}
    found: set[str] = set()
    names: set[str] = set()
    called: set[str] = set()

    def take(expression: ast.AST | None) -> None:
        for result in _results(expression):
            if isinstance(result, ast.Constant) and isinstance(result.value, str):
                found.add(result.value)
            elif isinstance(result, ast.Name):
                names.add(result.id)
            elif isinstance(result, ast.Call) and isinstance(result.func, ast.Name):
                called.add(result.func.id)

    for node in nodes:
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Skipped":
            take(node.args[4] if len(node.args) > 4 else None)
        if isinstance(node, ast.Call):  # Skipped(…, reason=…), and any value carrying one
            take(next((k.value for k in node.keywords if k.arg == "reason"), None))
    seen: tuple[int, int] = (-1, -1)
    while seen != (len(names), len(called)):
        seen = (len(names), len(called))
        for node in nodes:
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id in names for target in node.targets
            ):
                take(node.value)
        for name in list(called):
            if name in functions:
                for inner in ast.walk(functions[name]):
                    if isinstance(inner, ast.Return):
                        take(inner.value)
    return found


def test_every_skip_reason_has_a_message() -> None:
    """A new reason in dashboard/extract/ fails here until extract.skip.<key> says it in words."""
    reasons = skip_reasons_in_code()
    # The scan sees the reasons figures.py gives today (20 when this test was written).
    assert len(reasons) >= 15 and {"law number", "unnamed", "part (其中)"} <= reasons
    missing = sorted(r for r in reasons if not messages.has(skip_key(r)))
    assert missing == [], f"add extract.skip.<key> to messages.toml for: {missing}"
    # Two reasons never share one message.
    assert len({skip_key(r) for r in reasons}) == len(reasons)
    # Every message of the section is a reason the code gives (none left behind).
    worded = {key for key in messages.keys() if key.startswith("extract.skip.")}  # noqa: SIM118
    assert worded == {skip_key(r) for r in reasons}


def test_the_reasons_met_in_real_reports_have_messages(catalogue: Catalogue) -> None:
    met: set[str] = set()
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            met |= {s.reason for s in extract_figures(record["text"], catalogue).skipped}
    assert len(met) >= 8
    assert sorted(r for r in met if not messages.has(skip_key(r))) == []
    for reason in met:
        assert skip_reason_text(reason, "zh") != skip_reason_text(reason, "en")


def test_a_reason_without_a_message_is_shown_with_its_id() -> None:
    assert (
        skip_key("doubtful channel (门户网站 of whom?)") == "extract.skip.doubtful_channel_of_whom"
    )
    assert skip_reason_text("date", "zh") == "日期"
    assert skip_reason_text("brand new reason", "zh") == "其他（brand new reason）"
    assert skip_reason_text("其中", "en") == "other (其中)"  # no Latin words: no key at all
