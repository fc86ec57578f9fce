"""The text of an annual report file: .txt, .html/.htm (or a page a browser saved as one .mhtml/
.mht file), .docx, .doc (Word 97–2003, `word97.py`) or .pdf, as one string plus tables.

Reports arrive as whatever the agency published: a web page, a Word file, a PDF, or text pasted
into a file. Each is read to plain text in reading order (paragraphs as lines, a table row as one
line, its cells separated by a space) and its tables are also returned cell by cell, so the
figures can be looked for in both. A table keeps its column positions: a merged cell's text is in
its first (top-left) position and the other positions it covers are empty, as pdfplumber gives
them, so the row's line in the text is its non-empty cells joined by a space.

Nothing here raises for a bad file: what cannot be read comes back as an empty document with a
`Problem` saying why (too large, broken, a zip bomb, a scanned PDF without a text layer). The
sizes of a .docx's zip are checked before python-docx opens it, with the limits the .xlsx reader
uses (`dashboard/ingest/limits.py`).
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.extract.agency import INVISIBLE
from dashboard.extract.pdf_tables import PdfTable, continues, grid, join_part, page_tables
from dashboard.extract.printed import (
    PrintedLine,
    by_position,
    is_page_furniture,
    join_wrapped_lines,
    joined,
    running_lines,
    text_margins,
    trimmed,
)
from dashboard.extract.table_forms import is_figures_row, is_number_cell
from dashboard.ingest.limits import LIMITS, Limits, ZipRefusal, ZipRefused, open_zip

# The upload reader's decoding (BOMs, UTF-8, GB18030, detection): a report in a .txt file is
# decoded exactly as an upload CSV would be.
from dashboard.ingest.reader import _decode
from dashboard.ingest.xlsx import size_text

logger = logging.getLogger(__name__)

Table = list[list[str]]

# (.wps: Kingsoft WPS 文字's own format since WPS 2005 is Word 97's compound file, read as a .doc;
# an older WPS file or a Microsoft Works one under the same suffix says it cannot be read.)
SUFFIXES = (".txt", ".html", ".htm", ".mhtml", ".mht", ".docx", ".doc", ".wps", ".pdf")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: .doc (or an encrypted .docx)
# A report is tens of pages; a PDF of thousands is not one, and each page costs parsing time.
MAX_PDF_PAGES = 1000
# HTML's own limit on colspan; Word's gridSpan is held to it too.
MAX_SPAN = 1000
# Table positions laid out for one file: past this, merged cells count as one position each, so
# that a page of a million `colspan=1000` cells cannot fill the memory.
MAX_GRID_CELLS = 2_000_000

_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "td",  # (cells reach the walk only in a table laying out the page)
        "th",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)
# Never visible: their text is code, styling or metadata.
_HIDDEN_TAGS = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "svg",
        "math",
    }
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")  # the full-width space too: HTML padding
_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_CELL = 120  # characters of a cell of sentences: page layout (a form's note is shorter)
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CID_GLYPH = re.compile(r"\(cid:\d+\)")
# Many PDFs made in China map common characters to the look-alike radicals of their fonts:
# the text reads ⼀、总体情况, ⻔户⽹站, ⾏政 where the page shows 一、门户网站、行政. The Kangxi
# radicals fold to their characters by NFKC; the simplified radicals of the supplement block
# have no such folding and are mapped here (only those that are whole characters of their own).
_RADICALS = {
    **{
        code: unicodedata.normalize("NFKC", chr(code))
        for code in range(0x2F00, 0x2FD6)
        if len(unicodedata.normalize("NFKC", chr(code))) == 1
    },
    **str.maketrans(
        "⺟⺠⻄⻅⻆⻉⻋⻑⻓⻔⻘⻚⻛⻜⻝⻢⻤⻥⻦⻨⻩⻪⻬⻮⻰⻳",
        "母民西见角贝车長长门青页风飞食马鬼鱼鸟麦黄黾齐齿龙龟",
    ),
}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_P, _W_TBL, _W_R, _W_T = f"{_W}p", f"{_W}tbl", f"{_W}r", f"{_W}t"
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_W_VANISH_PATH = f"{_W}rPr/{_W}vanish"
_W_BR = f"{_W}br"
# what a run shows: its text, and the characters its marks stand for (None: the element's text)
_DOCX_SHOWN: dict[str, str | None] = {
    _W_T: None,
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    _W_BR: "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}
_DOCX_NOT_SHOWN = frozenset(
    {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", _W_P, _W_TBL}
)

_SPACES_ANY = re.compile(r"\s+")


@dataclass
class ReportDocument:
    """A report's text, its tables (rows of cell text) and the problems met reading it; and the
    titles the file gives itself outside its text (a page's <title>, a Word file's or PDF's
    title property), which may name the agency and year where the text does not; and what a
    government site's page says of who published it (`sites`: the site's name, 安顺市人民政府;
    `sources`: the body the page names as the article's source, 安顺市住房和城乡建设局), which
    may give the place a report's text leaves out (市住房和城乡建设局)."""

    text: str
    tables: list[Table] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    titles: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


class _Unreadable(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _problem(code: ProblemCode, filename: str, **params: Any) -> _Unreadable:
    value = params.pop("value", filename)
    return _Unreadable(Problem(code, Severity.ERROR, value=value, params=params))


def read_report(content: bytes, filename: str, limits: Limits = LIMITS) -> ReportDocument:
    """Read a report file to text and tables; a file that cannot be read gives a problem."""
    notes: list[Problem] = []  # warnings of a file that was read (pages that are pictures)
    titles: list[str] = []  # the file's own titles, outside its text
    publishers = _Publishers()  # a web page's words on who published it
    try:
        if len(content) > limits.max_file_bytes:
            raise _problem(
                ProblemCode.FILE_TOO_LARGE,
                filename,
                value=size_text(len(content)),
                limit=size_text(limits.max_file_bytes),
            )
        if not content.strip():
            raise _problem(ProblemCode.FILE_EMPTY, filename)
        suffix = _suffix(filename, content)
        if suffix == ".txt":
            # (text copied out of a PDF keeps its printed lines: joined as a PDF's are)
            text = join_wrapped_lines(_read_text(content, filename), _TEXT_FULL_LINES)
            text = copied_empty_cells(text)
            tables = []
        elif suffix in (".html", ".htm"):
            text, tables = _read_html(content, filename, titles=titles, publishers=publishers)
        elif suffix in (".mhtml", ".mht"):
            text, tables = _read_mhtml(content, filename, titles, publishers)
        elif suffix in (".doc", ".wps") or (suffix == ".docx" and content.startswith(_OLE)):
            # (a .doc renamed .docx is read as what it is)
            text, tables = _read_doc(content, filename)
            titles.append(_doc_title(content))
        elif suffix == ".docx":
            text, tables = _read_docx(content, filename, limits, titles)
        elif suffix == ".pdf":
            text, tables, notes = _read_pdf(content, filename, titles)
        else:
            raise _problem(ProblemCode.REPORT_FORMAT, filename, formats=" ".join(SUFFIXES))
    except _Unreadable as failure:
        return ReportDocument("", [], [failure.problem])
    kept = tuple(dict.fromkeys(t for t in map(_file_title, titles) if t))
    return ReportDocument(
        _tidy(text),
        tables,
        notes,
        kept,
        publishers.named(publishers.sites),
        publishers.named(publishers.sources),
    )


def report_titles(document: ReportDocument, filename: str) -> tuple[str, ...]:
    """What a report file calls itself outside its text: its titles, then its name without the
    folder and suffix ("" for pasted text)."""
    stem = _file_title(filename.replace("\\", "/").rpartition("/")[2])
    return tuple(dict.fromkeys(t for t in (*document.titles, stem) if t))


# (Microsoft Word - 某某局2023年年度报告.docx: a PDF printed from Word keeps the Word file's name)
_PRINTED_FROM = re.compile(r"^\s*(?:Microsoft\s+Word|WPS\s*文字|Word)\s*-\s*", re.IGNORECASE)
_OFFICE_SUFFIX = re.compile(r"\.(?:docx?|wps|pdf|html?|mhtml|mht|txt)\s*$", re.IGNORECASE)
_TITLE_MAX = 200  # characters of a title kept: a report's title is one line


def _file_title(title: object) -> str:
    """A title property as one line of text, without the name of the program that made it."""
    if not isinstance(title, str):
        return ""
    line = " ".join(INVISIBLE.sub("", title).split())
    line = _OFFICE_SUFFIX.sub("", _PRINTED_FROM.sub("", line))
    return line[:_TITLE_MAX] if any("\u4e00" <= c <= "\u9fff" for c in line) else ""


def _suffix(filename: str, content: bytes) -> str:
    """The format by the file's name, else by its first bytes (a report saved without one)."""
    lowered = filename.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            return suffix
    if "." in lowered.rpartition("/")[2]:
        return lowered.rpartition(".")[2]  # a name like photo.png: not a report format
    head = content[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return ".pdf"
    if head.startswith(b"pk\x03\x04"):
        return ".docx"
    if content.startswith(_OLE):
        return ".doc"
    if head.startswith((b"<!doctype html", b"<html")):
        return ".html"
    if b"mime-version:" in head and b"multipart/related" in head:  # a page saved as one file
        return ".mhtml"
    return ".txt"


def _tidy(text: str) -> str:
    """Lines stripped of padding, runs of blank lines made one, radicals read as the characters
    they stand for."""
    text = text.translate(_RADICALS)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# ── .txt ─────────────────────────────────────────────────────────────────────────────────────


def _read_text(content: bytes, filename: str) -> str:
    text, _ = _decode(content)
    if text is None:
        raise _problem(ProblemCode.FILE_ENCODING, filename)
    if "\x00" in text[:4096]:  # a binary file named .txt
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="binary")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Text copied out of a web page by a browser: a table's cells are parted by tabs, or each on
# lines of its own where a cell holds a paragraph; an empty cell holding a space (&nbsp;) is
# that space — between tabs, or a line of its own. A crawler keeps a row's cells between bars
# (规章 | 0 | | 0), an empty cell nothing between two.
_SPACES_AND_TABS = re.compile(r"^(?=[ \u00a0]*\t)(?=\t*[ \u00a0])[ \u00a0\t]+$")
_SPACE_ONLY = re.compile(r"^[ \u00a0]+$")
_ONE_BAR = re.compile(r"^[ \u00a0]*[|｜][ \u00a0]*$")
EMPTY_CELL = "—"


def _bars_are_empty_cells(lines: list[str]) -> bool:
    """Whether the lines holding a bar alone are empty cells: some are, and none stands after
    a line of text that is not a cell (where a bar opens a row)."""
    seen = False
    before = ""
    for line in lines:
        if _ONE_BAR.match(line):
            if not before.rstrip().endswith(("|", "｜")):
                return False
            seen = True
        elif line.strip():
            before = line
    return seen


def copied_empty_cells(text: str) -> str:
    """Text copied out of a web page with its tables' empty cells marked (—), so that a row of
    figures keeps its columns (`table_forms`): in a line of cells parted by tabs (or bars)
    holding a figure, each empty cell after the first cell; a line of spaces between tabs, a
    mark a space; lines of one space next to a line of figures (a cell's own line), a mark
    each. A space between sentences (a page's spacer paragraph) and every other line are as
    they were."""
    lines = text.split("\n")
    # A crawler that keeps a table one cell a line, each cell ending in a bar (规章 |, 0 |),
    # keeps an empty cell as its bar alone; another opens each row with a bar alone (then one
    # stands before a table's first cell, after a line that is no cell).
    empty_bars = _bars_are_empty_cells(lines)
    before = ""  # the last line with text
    for k, line in enumerate(lines):
        if empty_bars and _ONE_BAR.match(line) and before.rstrip().endswith(("|", "｜")):
            lines[k] = EMPTY_CELL
            continue
        before = line if line.strip() else before
        if _SPACES_AND_TABS.match(line):
            lines[k] = " ".join(EMPTY_CELL for c in line if c != "\t")
        else:
            for bar in ("\t", "|", "｜"):
                if line.count(bar) < 2:
                    continue
                cells = [c.strip() for c in line.split(bar)]
                while cells and not cells[0]:
                    cells.pop(0)
                # (a line without an empty cell is left as written)
                if any(is_number_cell(c) for c in cells) and not all(cells):
                    glue = "\t" if bar == "\t" else f" {bar} "
                    lines[k] = glue.join(c or EMPTY_CELL for c in cells)
                break
    # runs of one-space lines (blank lines between them aside) beside a line of figures
    before = ""  # the last line with text before the run
    k = 0
    while k < len(lines):
        if not _SPACE_ONLY.match(lines[k]):
            before = lines[k] if lines[k].strip() else before
            k += 1
            continue
        run = [k]
        end = k + 1
        while end < len(lines) and (not lines[end] or _SPACE_ONLY.match(lines[end])):
            if lines[end]:
                run.append(end)
            end += 1
        after = lines[end] if end < len(lines) else ""
        if is_figures_row(before) or is_figures_row(after):
            for at in run:
                lines[at] = EMPTY_CELL
        k = end
    return "\n".join(lines)


# ── .html ────────────────────────────────────────────────────────────────────────────────────


# the encodings pages declare, as browsers decode them (the WHATWG Encoding Standard's labels)
_SUPERSET = {
    **dict.fromkeys(
        ("gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "x-gb2312"),
        "gb18030",
    ),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), "big5hkscs"),
}


def _html_text(content: bytes, charset: str | None = None) -> str:
    """The page as text: the charset its MHTML part or its own meta tag declares when there is
    one, else as a .txt is decoded."""
    declared = _META_CHARSET.search(content[:4096])
    names = [charset] if charset else []
    if declared is not None:
        names.append(declared[1].decode("ascii"))
    # (as browsers read them: a page labelled gb2312 is GBK, which GB18030 contains — 朱镕基's
    # 镕 is no GB2312 character; big5 is read as Big5-HKSCS)
    names = [_SUPERSET.get(name.lower(), name) for name in names]
    text: str | None = None
    for name in names:
        try:
            text = content.decode(name)
            break
        except LookupError:
            text = None
        except UnicodeDecodeError:
            # (a page in another encoding than it says: read as a .txt is, else as it says)
            text, _ = _decode(content)
            if text is None:
                text = content.decode(name, errors="replace")
            break
    if text is None:
        text, _ = _decode(content)
    if text is None:
        text = content.decode("utf-8", errors="replace")
    # lxml refuses a str carrying an XML encoding declaration (XHTML pages).
    return _XML_DECLARATION.sub("", text.lstrip("\ufeff"))


@dataclass
class _Publishers:
    """What a web page's head says of who published it, as the sites' publishing systems write
    it (the meta tags the 政府网站发展指引 asks every article page of a government site to carry:
    SiteName, ContentSource), and the site's name after the article's in its <title>
    (…年度报告_安顺市人民政府, 邯郸市人民政府-政府信息公开指南)."""

    sites: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def read(self, root: Any) -> None:
        for meta in root.iterfind(".//meta"):
            name = _meta_name(meta)
            if name in _SITE_METAS:
                self.sites.append(meta.get("content") or "")
            elif name in _SOURCE_METAS:
                self.sources.append(meta.get("content") or "")
        for title in root.iterfind(".//head/title"):
            parts = _TITLE_PARTS.split(title.text_content().strip())
            if len(parts) > 1:  # (which part is the site's differs from site to site)
                self.sites.extend(parts)

    @staticmethod
    def named(names: list[str]) -> tuple[str, ...]:
        """The names given, each once, as one line without spaces (a long one is no name)."""
        lines = ("".join(INVISIBLE.sub("", name).split()) for name in names)
        return tuple(dict.fromkeys(n for n in lines if 2 < len(n) <= _PUBLISHER_MAX))


def _meta_name(meta: Any) -> str:
    """What a <meta> tag holds, by its name (or its Open Graph property), lower case."""
    return str(meta.get("name") or meta.get("property") or "").lower()


_SITE_METAS = frozenset({"sitename", "og:site_name"})
_SOURCE_METAS = frozenset({"contentsource"})
# (…年度报告_安顺市人民政府, 邯郸市人民政府-政府信息公开指南, …年度报告 | 雁江区人民政府)
_TITLE_PARTS = re.compile(r"\s*[-_|｜—–]+\s*")
_PUBLISHER_MAX = 40


def _read_html(
    content: bytes,
    filename: str,
    charset: str | None = None,
    titles: list[str] | None = None,
    publishers: _Publishers | None = None,
) -> tuple[str, list[Table]]:
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(_html_text(content, charset), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="HTML") from error
    parts: list[str] = []
    tables: list[Table] = []
    if titles is not None:
        # (the <title> of the page's head, which the walk below leaves out as page furniture;
        # the article's title the sites' publishing systems put in a meta tag first, where the
        # <title> often adds the site's name or is the site's alone)
        titles.extend(
            meta.get("content") or ""
            for meta in root.iterfind(".//meta")
            if _meta_name(meta) in _TITLE_METAS
        )
        titles.extend(title.text_content() for title in root.iterfind(".//head/title"))
    if publishers is not None:
        publishers.read(root)
    _walk_html(root, parts, tables, _Budget())
    return "".join(parts), tables


# <meta name="ArticleTitle" content="…">: the article's title as TRS, Hanweb and other publishing
# systems of Chinese government sites write it; og:title as other sites do
_TITLE_METAS = frozenset({"articletitle", "og:title", "title"})


def _read_mhtml(
    content: bytes, filename: str, titles: list[str], publishers: _Publishers
) -> tuple[str, list[Table]]:
    """A page a browser saved as one file (Chrome's 网页，单个文件 .mhtml, Internet Explorer's
    .mht): a MIME message whose first HTML part is the page; the other parts (pictures, styles,
    the frames inside it) are not the report's text."""
    import email
    from email import policy

    message = email.message_from_bytes(content, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            return _read_html(payload, filename, part.get_content_charset(), titles, publishers)
    raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="MHTML: no web page in it")


def _html_cell(element: Any) -> str:
    return " ".join(_SPACES.sub(" ", element.text_content()).split())


class _Budget:
    """Table positions still to be laid out for this file (`MAX_GRID_CELLS`)."""

    def __init__(self) -> None:
        self.left = MAX_GRID_CELLS

    def span(self, written: object, most: int) -> int:
        """A colspan/rowspan/gridSpan as a count within 1..most (1 once the budget is spent)."""
        digits = re.match(r"\s*([0-9]{1,7})", str(written or ""))
        if digits is None or self.left <= 0:
            return 1
        number = int(digits[1])
        return most if number == 0 else max(1, min(number, most))  # rowspan=0: to the end

    def take(self, count: int) -> None:
        self.left -= count


def _html_grid(table: Any, budget: _Budget) -> Table:
    """The table's rows with column positions kept: a merged cell's text in its top-left
    position, the positions it covers to the right and below empty."""
    # Only this table's rows: a nested table's rows are its own.
    rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    grid: Table = []
    below: dict[int, int] = {}  # column → rows still covered by a cell above
    for index, tr in enumerate(rows):
        covered = {c for c, n in below.items() if n > 0}
        row: list[str] = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while len(row) in covered:
                row.append("")
            colspan = budget.span(cell.get("colspan", 1), MAX_SPAN)
            rowspan = budget.span(cell.get("rowspan", 1), len(rows) - index)
            for column in range(len(row), len(row) + colspan):
                if rowspan > 1:
                    below[column] = rowspan - 1
            row.append(_html_cell(cell))
            row.extend([""] * (colspan - 1))
            budget.take(colspan * rowspan)
        row.extend([""] * (max(covered, default=-1) + 1 - len(row)))
        for column in covered:
            below[column] -= 1
        if any(row):
            grid.append(row)
    return grid


def _own_cells(table: Any) -> list[Any]:
    """The table's own cells in order (not those of a table inside one)."""
    return [
        cell for cell in table.iter("td", "th") if next(cell.iterancestors("table"), None) is table
    ]


def _laid_out_with(table: Any) -> bool:
    """Whether a table lays out the page rather than holding data: a table inside one of its
    cells, or a cell holding a sentence (old sites set a whole report in table cells; a form's
    cells hold a label or a number, its remarks no full stop)."""
    for cell in _own_cells(table):
        if cell.find(".//table") is not None:
            return True
        if _holds_sentences(cell.text_content()):
            return True
    return False


def _holds_sentences(cell: str) -> bool:
    """A cell of a page's running text: a full stop, and longer than a form's note."""
    return "。" in cell and len(cell.strip()) >= _SENTENCE_CELL


def _not_shown(element: Any) -> bool:
    """An element the browser does not show: `hidden`, or hidden by its own style (a page's
    copy for printing or sharing, an old version kept in the page)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and _STYLE_HIDDEN.search(style) is not None


def _walk_html(element: Any, parts: list[str], tables: list[Table], budget: _Budget) -> None:
    """Visible text in document order; block elements end lines, table rows are tab-joined."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _HIDDEN_TAGS or not isinstance(element.tag, str) or _not_shown(element):
        if element.tail:
            parts.append(element.tail)
        return
    if tag == "table" and _laid_out_with(element):
        # a page laid out in a table: its cells are blocks of the page, a table inside is a table
        for cell in _own_cells(element):
            _walk_html(cell, parts, tables, budget)
        if element.tail:
            parts.append(element.tail)
        return
    if tag == "table":
        rows = _html_grid(element, budget)
        if rows:
            tables.append(rows)
            # Each cell once, in the row it starts in: the row's line is its non-empty cells.
            parts.append("\n" + "\n".join("\t".join(r) for r in rows) + "\n")
        if element.tail:
            parts.append(element.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk_html(child, parts, tables, budget)
    if block:
        parts.append("\n")
    if element.tail:
        parts.append(element.tail)


# ── .doc ─────────────────────────────────────────────────────────────────────────────────────


def _read_doc(content: bytes, filename: str) -> tuple[str, list[Table]]:
    """Paragraphs as lines and tables as tables, as for .docx: a table holding the page's
    sentences lays it out, and its cells' paragraphs are lines; a form's cell is one text."""
    from dashboard.extract.word97 import DocProblem, doc_blocks

    try:
        blocks = doc_blocks(content)
    except DocProblem as error:
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail=str(error)) from error
    lines: list[str] = []
    tables: list[Table] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        elif any(_holds_sentences(cell) for row in block for cell in row):
            lines.extend(cell for row in block for cell in row if cell)
        else:
            rows = [[" ".join(cell.split()) for cell in row] for row in block]
            tables.append(rows)
            lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines), tables


# the code pages a Word 97 file's properties are written in (a signed 16-bit number: -535 is
# 65001, UTF-8); a Chinese Word writes 936
_CODE_PAGES = {65001: "utf-8", 936: "gb18030", 950: "big5", 1200: "utf-16-le"}


def _doc_title(content: bytes) -> str:
    """The title property of a Word 97 file (its SummaryInformation), "" when it has none."""
    import olefile

    try:
        meta = olefile.OleFileIO(io.BytesIO(content)).get_metadata()
    except Exception:  # the text was read; a broken property set only loses the title
        return ""
    title = meta.title
    if isinstance(title, bytes):
        encoding = _CODE_PAGES.get((meta.codepage or 936) & 0xFFFF, "gb18030")
        title = title.decode(encoding, errors="replace")
    return title.rstrip("\x00") if isinstance(title, str) else ""


# ── .docx ────────────────────────────────────────────────────────────────────────────────────


def _check_zip(content: bytes, filename: str, limits: Limits) -> None:
    """The zip directory within the limits, before anything is expanded (`open_zip`, as for
    .xlsx uploads)."""
    if content.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: an old .doc, or an encrypted .docx
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="OLE (.doc / encrypted)")
    archive = open_zip(content, limits)
    if isinstance(archive, ZipRefused):
        raise _zip_problem(archive, filename, limits)
    infos = archive.infolist()
    if archive.NameToInfo.get("word/document.xml") is None:
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="no word/document.xml")
    # A DOCTYPE or entity declaration is never in a Word file: the vehicle of entity attacks.
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            try:
                head = archive.read(info)[:4096]
            except Exception as error:
                raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail="zip") from error
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _problem(
                    ProblemCode.REPORT_TOO_COMPLEX, filename, detail=f"{info.filename}: DOCTYPE"
                )


def _zip_problem(refused: ZipRefused, filename: str, limits: Limits) -> _Unreadable:
    """A zip the report reader refuses, as the report's problem."""
    match refused.refusal:
        case ZipRefusal.UNREADABLE | ZipRefusal.ENCRYPTED:
            return _problem(ProblemCode.REPORT_UNREADABLE, filename, detail=refused.detail)
        case ZipRefusal.TOO_LARGE_UNCOMPRESSED:
            size = size_text(refused.declared_bytes)
            limit = size_text(limits.max_uncompressed_bytes)
            return _problem(ProblemCode.REPORT_TOO_COMPLEX, filename, detail=f"{size} > {limit}")
    return _problem(ProblemCode.REPORT_TOO_COMPLEX, filename, detail=refused.detail)


def _read_docx(
    content: bytes, filename: str, limits: Limits, titles: list[str]
) -> tuple[str, list[Table]]:
    _check_zip(content, filename, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(content))
        titles.append(document.core_properties.title or "")
        lines: list[str] = []
        tables: list[Table] = []
        _docx_blocks(document.element.body, lines, tables, _Budget())
    except _Unreadable:
        raise
    except Exception as error:  # a broken part: KeyError, XMLSyntaxError, ValueError, …
        logger.info("docx unreadable: %s", error)
        detail = type(error).__name__
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail=detail) from error
    return "\n".join(lines), tables


def _docx_blocks(container: Any, lines: list[str], tables: list[Table], budget: _Budget) -> None:
    """Paragraphs as lines and tables as tables, in order (the body's, or a cell's); a table
    that lays out the page (as in HTML) gives its cells' paragraphs and tables instead. Content
    controls (w:sdt) and custom XML hold blocks of the page too."""
    for block in container:
        tag = block.tag
        if tag == _W_P:
            lines.append(_docx_paragraph(block))
        elif tag in (_W_SDT, _W_CUSTOM_XML):
            inner = block.find(_W_SDT_CONTENT) if tag == _W_SDT else block
            if inner is not None:
                _docx_blocks(inner, lines, tables, budget)
        elif tag == _W_TBL:
            if _docx_laid_out(block):
                for tr in block.tr_lst:
                    for tc in tr.tc_lst:
                        if tc.vMerge != "continue":  # a cell merged with the one above: once
                            _docx_blocks(tc, lines, tables, budget)
                continue
            rows = _docx_grid(block, budget)
            if rows:
                tables.append(rows)
                lines.extend("\t".join(r) for r in rows)


def _docx_paragraph(paragraph: Any) -> str:
    """A paragraph's text as Word shows it. python-docx reads only its direct runs and links;
    the text inside smart tags (Chinese Word tags dates and numbers: 2019年1月1日), inserted
    revisions, content controls and simple fields is shown too. Deleted or moved-away text,
    hidden (vanished) runs, a text box's text and the fallback copy of a drawing are not."""
    out: list[str] = []
    for element in paragraph.iter(*_DOCX_SHOWN):
        ancestor = element.getparent()
        shown = True
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in _DOCX_NOT_SHOWN or (ancestor.tag == _W_R and _vanished(ancestor)):
                shown = False
                break
            ancestor = ancestor.getparent()
        if not shown:
            continue
        if element.tag == _W_BR and element.get(f"{_W}type") in ("page", "column"):
            continue  # a page break ends no line of the text
        out.append(_DOCX_SHOWN[element.tag] or (element.text or ""))
    return "".join(out)


def _vanished(run: Any) -> bool:
    """A run formatted as hidden text (w:vanish, unless switched off)."""
    vanish = run.find(_W_VANISH_PATH)
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _docx_cell(tc: Any, budget: _Budget) -> str:
    """A cell's text: its paragraphs (in content controls too), each as Word shows it."""
    lines: list[str] = []
    _docx_blocks(tc, lines, [], budget)
    return " ".join(" ".join(lines).split())


def _docx_laid_out(tbl: Any) -> bool:
    """`_laid_out_with` for a Word table: a table in a cell, or a cell holding a sentence."""
    for tc in tbl.iter_tcs():
        if tc.tbl_lst:
            return True
        if _holds_sentences("".join(t.text or "" for t in tc.iter(_W_T))):
            return True
    return False


def _docx_grid(tbl: Any, budget: _Budget) -> Table:
    """The table's rows with column positions kept, as for HTML: a merged cell's text in its
    top-left position (`w:gridSpan` to the right, `w:vMerge` below), the rest empty."""
    rows: Table = []
    for tr in tbl.tr_lst:
        row = [""] * min(tr.grid_before, MAX_SPAN)
        for tc in tr.tc_lst:
            span = budget.span(tc.grid_span, MAX_SPAN)
            budget.take(span)
            if tc.vMerge == "continue":  # the cell above goes on over this row
                row.extend([""] * span)
                continue
            row.append(_docx_cell(tc, budget))
            row.extend([""] * (span - 1))
        if any(row):
            rows.append(row)
    return rows


# ── .pdf ─────────────────────────────────────────────────────────────────────────────────────

# A text file's lines are printed lines (copied out of a PDF) when three or more are as wide as
# the widest; a page's text, a paragraph a line, has one widest paragraph.
_TEXT_FULL_LINES = 3


def _read_pdf(
    content: bytes, filename: str, titles: list[str]
) -> tuple[str, list[Table], list[Problem]]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            titles.append(pdf.metadata.get("Title") or "")
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise _problem(
                    ProblemCode.REPORT_TOO_COMPLEX,
                    filename,
                    detail=f"{len(pdf.pages)} > {MAX_PDF_PAGES} pages",
                )
            pages = len(pdf.pages)
            read = [_pdf_page(page) for page in pdf.pages]
            # (a page's lines, all its stretches': its margins are measured on them)
            every = [[line for stretch in raw for line in stretch] for raw, _, _ in read]
            margins = text_margins(
                [(width, lines) for (_, _, width), lines in zip(read, every, strict=True)]
            )
            text, tables = _pdf_pages(
                [
                    ([by_position(stretch, lines, margin) for stretch in raw], found)
                    for (raw, found, _), lines, margin in zip(read, every, margins, strict=True)
                ]
            )
            pictured = [k for k, page in enumerate(pdf.pages, start=1) if _picture_page(page)]
    except _Unreadable:
        raise
    except Exception as error:  # PDFSyntaxError, PdfminerException, password, …
        logger.info("pdf unreadable: %s", error)
        text = f"{type(error).__name__} {error}".lower()
        detail = "encrypted" if "password" in text or "encrypt" in text else type(error).__name__
        raise _problem(ProblemCode.REPORT_UNREADABLE, filename, detail=detail) from error
    if not text.strip():
        # Scanned pages: pictures of text, nothing to read without OCR.
        raise _problem(ProblemCode.REPORT_NO_TEXT_LAYER, filename, pages=pages)
    # Fonts embedded without a character map: pdfminer can only name their glyphs, (cid:123).
    # A text mostly of those holds no words to read; a few among words are left as they are.
    garbled = _CID_GLYPH.findall(text)
    if len(garbled) >= 20 and len(garbled) > len(_SPACES_ANY.sub("", _CID_GLYPH.sub("", text))):
        sample = "".join(garbled[:3])
        raise _problem(ProblemCode.REPORT_TEXT_GARBLED, filename, pages=pages, sample=sample)
    notes = []
    if pictured:  # some pages scanned among pages of text (a table, a page with the seal)
        listed = "、".join(str(k) for k in pictured)
        notes.append(
            Problem(
                ProblemCode.REPORT_PAGES_PICTURES,
                Severity.WARNING,
                value=filename,
                params={"pages": listed, "count": len(pictured)},
            )
        )
    return text, tables, notes


# A page that is a picture: a picture over half the page, and no more characters than a page
# number or a stamp's words.
_PICTURE_SHARE = 0.5
_PICTURE_PAGE_CHARS = 10


def _picture_page(page: Any) -> bool:
    """Whether a PDF page is a scan: a picture over most of it and (almost) no text."""
    if sum(1 for c in page.chars if c["text"].strip()) > _PICTURE_PAGE_CHARS:
        return False
    area = float(page.width * page.height) or 1.0
    for image in page.images:
        width = min(image["x1"], page.width) - max(image["x0"], 0)
        height = min(image["bottom"], page.height) - max(image["top"], 0)
        if width > 0 and height > 0 and width * height >= _PICTURE_SHARE * area:
            return True
    return False


_TABLE_PLACE = re.compile(r"\x00(\d+)\x00")

Stretch = list[PrintedLine]


def _not_aslant(thing: dict[str, Any]) -> bool:
    """Whether a page object is not a character set at a slant: turned 10° to 80° from level
    or upright, as a watermark's are (a table's label turned upright is read, and so is the
    text a scan's recognition lays a degree or two askew)."""
    if thing.get("object_type") != "char":
        return True
    a, b = thing["matrix"][:2]
    turned = math.degrees(math.atan2(b, a)) % 90
    return not 10 < turned < 80


def _pdf_page(page: Any) -> tuple[list[list[dict[str, Any]]], list[PdfTable], float]:
    """A page's text lines around its ruled tables (one stretch above each table and one below
    the last, as pdfplumber gives lines), the tables, and the page's width. A ruled box of
    sentences is no table (a note set in a frame): its text stays in the page's."""
    # Bold set by printing the text twice, a little apart (a title, headings): once is its text.
    # A watermark set aslant across the page (内部资料, the agency's name) is not.
    page = page.dedupe_chars().filter(_not_aslant)
    tables = [t for t in page_tables(page) if not any(_holds_sentences(c.text) for c in t.cells)]

    def middle(char: dict[str, Any]) -> tuple[float, float]:
        return (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2

    def outside(thing: dict[str, Any]) -> bool:
        if thing.get("object_type") != "char":
            return False
        x, y = middle(thing)
        return not any(t.x0 <= x < t.x1 and t.top <= y < t.bottom for t in tables)

    prose = page.filter(outside) if tables else page
    edges = [float("-inf"), *(y for t in tables for y in (t.top, t.bottom)), float("inf")]
    stretches = []
    for above, below in zip(edges[::2], edges[1::2], strict=True):
        stretch = (
            prose.filter(lambda c, a=above, b=below: a <= middle(c)[1] < b) if tables else prose
        )
        stretches.append(stretch.extract_text_lines())
    return stretches, tables, float(page.width)


def _pdf_pages(pages: list[tuple[list[Stretch], list[PdfTable]]]) -> tuple[str, list[Table]]:
    """The pages' text with their tables' rows as lines (a row's cells tab-joined, as a web
    page's), without page numbers and running headers, and the tables; a table going on over a
    page break is one table, its rows where it starts."""
    whole: list[PdfTable] = []  # the tables in order, each with its parts on later pages
    places: list[list[int | None]] = []  # per page and table: its index in `whole`, or None
    open_table: int | None = None  # a table at the foot of the page before, nothing under it
    running = running_lines([[ln.text for s in stretches for ln in s] for stretches, _ in pages])

    def furniture(stretch: Stretch, page: int) -> bool:
        return is_page_furniture([line.text for line in stretch], running, page)

    for number, (stretches, tables) in enumerate(pages, start=1):
        here: list[int | None] = []
        for at, table in enumerate(tables):
            if (
                at == 0
                and open_table is not None
                and furniture(stretches[0], number)
                and continues(whole[open_table], table)
            ):
                join_part(whole[open_table], table)
                here.append(None)
            else:
                whole.append(table)
                here.append(len(whole) - 1)
        places.append(here)
        if tables and furniture(stretches[-1], number):
            open_table = here[-1] if here[-1] is not None else open_table
        else:
            open_table = None
    grids = [grid(table) for table in whole]
    lines: list[PrintedLine] = []
    for number, ((stretches, _), here) in enumerate(zip(pages, places, strict=True)):
        last = len(stretches) - 1
        for at, stretch in enumerate(stretches):
            if at and here[at - 1] is not None:  # the table above this stretch, where it starts
                lines.append(PrintedLine(f"\x00{here[at - 1]}\x00"))
            # (the first page's head is the report's title, even when later pages run it; the
            # running header above the same title is said once)
            kept = trimmed(
                stretch, running, number + 1, head=at == 0 and number > 0, foot=at == last
            )
            if number == at == 0 and len(kept) > 1 and kept[0].text == kept[1].text:
                kept = kept[1:]
            lines += kept
    # one run of lines for all pages: a sentence goes on over a page break as over a line's end
    return _TABLE_PLACE.sub(
        lambda m: "\n".join("\t".join(r) for r in grids[int(m[1])]), joined(lines)
    ), grids
