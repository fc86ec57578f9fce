"""A deck as a PowerPoint file: native, editable charts with their data embedded, 16:9.

Each slide of `dashboard.outputs.slides` becomes one PowerPoint slide with the title (a real title
placeholder, so PowerPoint's outline and screen readers see it), the one-line takeaway under it,
and either a native chart (`add_chart`, which also embeds an Excel workbook with the figures) or
the slide's bullets. Speaker notes carry the figures and their sources.

Every deck starts from the project's template (`dashboard.paths.DECK_TEMPLATE`, built by
scripts/make_deck_template.py): python-pptx's default deck, 16:9, with Chinese-ready theme
fonts, so that text an editor adds later in PowerPoint or WPS is Chinese-ready too.

Chinese text: python-pptx's `font.name` only writes `a:latin`, which PowerPoint and WPS use for
Latin characters only; without an `a:ea` (East Asian) typeface they fall back to a theme font that
may have no CJK glyphs. Every run, and every default run property of the charts, gets an explicit
East Asian, Latin and complex-script typeface (`_typefaces`).

python-pptx's public API is used throughout, except for three things it has no API for: those
typefaces, bullets, and a doughnut's hole size. They are written into the XML of the slide, notes
or chart (reached through python-pptx's public `.element`) by the functions of the section "XML
python-pptx has no API for", and nowhere else.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from lxml import etree
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.chtfmt import ChartFormat
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_MARK,
)
from pptx.enum.chart import XL_TICK_LABEL_POSITION as TICK_LABELS
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.text.text import Font, TextFrame
from pptx.util import Inches, Length, Pt

from dashboard.outputs.slides import Deck, Slide
from dashboard.paths import DECK_TEMPLATE

EAST_ASIAN_FONT = "Microsoft YaHei"
LATIN_FONT = "Arial"
COMPLEX_SCRIPT_FONT = "Arial"

SLIDE_WIDTH = Inches(13.333)  # 16:9
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.6)

# Okabe–Ito: distinguishable with the common colour-vision deficiencies, and on projectors.
PALETTE = ("0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00")
INK = RGBColor(0x11, 0x11, 0x11)  # near-black on white: the highest contrast a projector keeps
MUTED = RGBColor(0x44, 0x44, 0x44)
RULE = RGBColor(0xBF, 0xBF, 0xBF)
ACCENT = RGBColor(0x00, 0x72, 0xB2)

CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}

# Projector sizes: readable from the back of a meeting room.
TITLE_SIZE, TAKEAWAY_SIZE, BULLET_SIZE = Pt(40), Pt(26), Pt(28)
COVER_TITLE_SIZE, COVER_SUBTITLE_SIZE = Pt(48), Pt(28)
AXIS_SIZE, LABEL_SIZE, FOOTER_SIZE, NOTES_SIZE = Pt(20), Pt(22), Pt(14), Pt(14)

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LAYOUT_TITLE_ONLY = 5  # in python-pptx's default template, which ours is

# XML namespaces of the parts edited below (DrawingML, PresentationML, DrawingML charts).
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


class _Run(Protocol):
    """What is used of a python-pptx run (its class, `_Run`, is private)."""

    text: str

    @property
    def font(self) -> Font: ...


class _Paragraph(Protocol):
    """What is used of a python-pptx paragraph (its class, `_Paragraph`, is private)."""

    def add_run(self) -> _Run: ...


def deck_pptx(deck: Deck, template: Path = DECK_TEMPLATE) -> bytes:
    """The deck as the bytes of a .pptx file, made from `template` (16:9, its theme fonts set)."""
    prs = Presentation(str(template))
    if deck.slides:
        prs.core_properties.title = deck.slides[0].title
    prs.core_properties.subject = f"{deck.agency} {deck.year}"
    total = len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        page = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        if slide.id == "title":
            _cover(page, slide)
        else:
            _heading(page, slide)
            if slide.chart is not None:
                _chart(page, slide)
            else:
                _bullets(page, slide)
        _footer(page, deck, number, total)
        _typefaces(page.element)
        _notes(page, slide)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# ── XML python-pptx has no API for ──────────────────────────────────────────────────────────


def _typefaces(root: etree._Element) -> None:
    """Latin, East Asian and complex-script typefaces on every run property under `root` (a
    slide's, notes page's or chart's XML): runs, line breaks, fields, paragraph end marks and
    default text properties. Runs with text are also tagged with their language (Chinese when
    they hold a Chinese character), for spell check and line breaking.

    python-pptx's `Font.name` writes `a:latin` only, and has no API for `a:ea` and `a:cs`.
    """
    for run in root.iter(f"{A}r", f"{A}fld", f"{A}br"):
        if run.find(f"{A}rPr") is None:
            run.insert(0, etree.Element(f"{A}rPr"))  # the schema puts rPr first
    for tag in ("rPr", "defRPr", "endParaRPr"):
        for rPr in root.iter(f"{A}{tag}"):
            run = rPr.getparent()
            in_run = run is not None and run.tag == f"{A}r"
            _set_font_faces(rPr, (run.findtext(f"{A}t") or "") if in_run else "")


def _set_font_faces(rPr: etree._Element, text: str = "") -> None:
    """Give run properties (`a:rPr`, `a:defRPr`, `a:endParaRPr`) a Latin, an East Asian and a
    complex-script typeface, replacing any there. The schema orders them latin, ea, cs, and
    after any line/fill/effect children, so they are inserted where the schema wants them."""
    for tag in ("latin", "ea", "cs"):
        for old in rPr.findall(f"{A}{tag}"):
            rPr.remove(old)
    successors = [f"{A}{t}" for t in ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")]
    position = next(
        (i for i, child in enumerate(rPr) if child.tag in successors),
        len(rPr),
    )
    for offset, (tag, face) in enumerate(
        (("latin", LATIN_FONT), ("ea", EAST_ASIAN_FONT), ("cs", COMPLEX_SCRIPT_FONT))
    ):
        element = etree.Element(f"{A}{tag}")
        element.set("typeface", face)
        rPr.insert(position + offset, element)
    if text:
        rPr.set("lang", "zh-CN" if _CJK.search(text) else "en-US")
        rPr.set("altLang", "en-US" if _CJK.search(text) else "zh-CN")


def _bulleted(box: Shape, index: int) -> None:
    """Paragraph `index` of the text box as a bullet: "•" hanging 0.45 inch left of the text.
    python-pptx has no API for bullets or paragraph indents."""
    paragraph = box.element.findall(f"{P}txBody/{A}p")[index]
    pPr = paragraph.find(f"{A}pPr")
    if pPr is None:
        pPr = etree.Element(f"{A}pPr")
        paragraph.insert(0, pPr)  # the schema puts pPr first
    pPr.set("marL", str(Inches(0.45)))
    pPr.set("indent", str(-Inches(0.45)))
    bullet_font = etree.SubElement(pPr, f"{A}buFont")
    bullet_font.set("typeface", LATIN_FONT)
    bullet_char = etree.SubElement(pPr, f"{A}buChar")
    bullet_char.set("char", "•")


def _hole_size(chart: Chart, percent: int) -> None:
    """A doughnut's hole, in percent of its diameter. python-pptx has no API for it (and writes
    50)."""
    for hole in chart.element.iter(f"{C}holeSize"):
        hole.set("val", str(percent))


# ── text ────────────────────────────────────────────────────────────────────────────────────


def _write(
    paragraph: _Paragraph,
    text: str,
    *,
    size: Length,
    color: RGBColor = INK,
    bold: bool = False,
) -> None:
    """A run of text at the end of the paragraph (its typefaces come with `_typefaces`)."""
    run = paragraph.add_run()
    run.text = text
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = color


# ── slide parts ─────────────────────────────────────────────────────────────────────────────


def _text_box(page: PptxSlide, left: Length, top: Length, width: Length, height: Length) -> Shape:
    box = page.shapes.add_textbox(left, top, width, height)
    _plain(box.text_frame)
    return box


def _plain(frame: TextFrame) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = 0


def _title(
    page: PptxSlide, text: str, top: Length, height: Length, size: Length, anchor: MSO_ANCHOR
) -> None:
    """The slide title in the layout's title placeholder, moved and styled for 16:9."""
    shape = page.shapes.title
    shape.left, shape.top = MARGIN + Inches(0.25), top
    shape.width, shape.height = SLIDE_WIDTH - 2 * MARGIN - Inches(0.25), height
    frame = shape.text_frame
    frame.clear()
    _plain(frame)
    frame.vertical_anchor = anchor
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _write(paragraph, text, size=size, bold=True)


def _accent_bar(page: PptxSlide, top: Length, height: Length) -> None:
    bar = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, top, Inches(0.1), height)
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()


def _cover(page: PptxSlide, slide: Slide) -> None:
    _accent_bar(page, Inches(2.0), Inches(3.1))
    _title(page, slide.title, Inches(1.9), Inches(1.9), COVER_TITLE_SIZE, MSO_ANCHOR.BOTTOM)
    box = _text_box(
        page, MARGIN + Inches(0.25), Inches(4.05), SLIDE_WIDTH - 2 * MARGIN, Inches(1.2)
    )
    _write(box.text_frame.paragraphs[0], slide.takeaway, size=COVER_SUBTITLE_SIZE, color=MUTED)
    _bullet_list(box, _extra_bullets(slide), BULLET_SIZE)


def _heading(page: PptxSlide, slide: Slide) -> None:
    _accent_bar(page, Inches(0.5), Inches(1.75))
    _title(page, slide.title, Inches(0.4), Inches(0.85), TITLE_SIZE, MSO_ANCHOR.TOP)
    box = _text_box(
        page, MARGIN + Inches(0.25), Inches(1.3), SLIDE_WIDTH - 2 * MARGIN - Inches(0.25), Inches(1)
    )
    _write(box.text_frame.paragraphs[0], slide.takeaway, size=TAKEAWAY_SIZE, color=MUTED)


def _extra_bullets(slide: Slide) -> tuple[str, ...]:
    """The bullets not already said by the takeaway line (the summary's first clause is both)."""
    return tuple(b for b in slide.bullets if b.strip() != slide.takeaway.strip())


def _bullets(page: PptxSlide, slide: Slide) -> None:
    bullets = _extra_bullets(slide)
    if not bullets:
        return
    box = _text_box(
        page,
        MARGIN + Inches(0.25),
        Inches(2.65),
        SLIDE_WIDTH - 2 * MARGIN - Inches(0.25),
        Inches(4.0),
    )
    _bullet_list(box, bullets, BULLET_SIZE, first=True)


def _bullet_list(box: Shape, bullets: Iterable[str], size: Length, *, first: bool = False) -> None:
    """The bullets as paragraphs of the text box: its first paragraph too when `first`, else
    after what it holds."""
    frame = box.text_frame
    for index, text in enumerate(bullets):
        if first and index == 0:
            paragraph, position = frame.paragraphs[0], 0
        else:
            paragraph = frame.add_paragraph()
            position = len(frame.paragraphs) - 1
        paragraph.space_before = Pt(14)
        _bulleted(box, position)
        _write(paragraph, text, size=size)


def _footer(page: PptxSlide, deck: Deck, number: int, total: int) -> None:
    top, height = SLIDE_HEIGHT - Inches(0.55), Inches(0.35)
    width = (SLIDE_WIDTH - 2 * MARGIN) // 2
    left = _text_box(page, MARGIN, top, width, height).text_frame
    _write(left.paragraphs[0], f"{deck.agency} · {deck.year}", size=FOOTER_SIZE, color=MUTED)
    right = _text_box(page, MARGIN + width, top, width, height).text_frame
    right.paragraphs[0].alignment = PP_ALIGN.RIGHT
    _write(right.paragraphs[0], f"{number} / {total}", size=FOOTER_SIZE, color=MUTED)


def _notes(page: PptxSlide, slide: Slide) -> None:
    frame = page.notes_slide.notes_text_frame
    if frame is None:  # the default notes master always has a body placeholder
        return
    frame.text = slide.notes
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = NOTES_SIZE
    _typefaces(page.notes_slide.element)


# ── charts ──────────────────────────────────────────────────────────────────────────────────


def _chart(page: PptxSlide, slide: Slide) -> None:
    data = CategoryChartData()
    data.categories = list(slide.categories)
    for series in slide.series:
        # None stays None: python-pptx writes no point (and a blank cell) for it, so a figure
        # the report does not give is a gap, never a zero.
        data.add_series(series.name, list(series.values))
    frame = page.shapes.add_chart(
        CHART_TYPES[slide.chart or "column"],
        MARGIN,
        Inches(2.45),
        SLIDE_WIDTH - 2 * MARGIN,
        SLIDE_HEIGHT - Inches(2.45) - Inches(0.75),
        data,
    )
    chart = frame.chart
    chart.has_title = False  # the slide title says it; PowerPoint would repeat the series name
    chart.font.size = AXIS_SIZE
    chart.font.color.rgb = INK
    doughnut = slide.chart == "doughnut"
    _legend(chart, show=len(slide.series) > 1 or doughnut)
    if not doughnut:
        _axes(chart, slide)
    _style_series(chart, slide)
    _labels(chart, slide)
    _typefaces(chart.element)


def _legend(chart: Chart, *, show: bool) -> None:
    """A legend only where labels cannot say it: several series (or a doughnut's categories)."""
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = AXIS_SIZE


def _axes(chart: Chart, slide: Slide) -> None:
    categories = chart.category_axis
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.color.rgb = RULE
    categories.tick_labels.font.size = AXIS_SIZE
    if slide.chart == "bar":
        categories.reverse_order = True  # the first (largest) category on top, as read

    values = chart.value_axis
    values.has_major_gridlines = slide.chart == "line"
    if values.has_major_gridlines:
        values.major_gridlines.format.line.color.rgb = RGBColor(0xE0, 0xE0, 0xE0)
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.format.line.fill.background()
    values.tick_labels.font.size = AXIS_SIZE
    if slide.percent:
        values.minimum_scale, values.maximum_scale = 0, 100
        values.tick_labels.number_format = '0"%"'
        values.tick_labels.number_format_is_linked = False
    if slide.chart in ("bar", "column"):
        # Bars carry their own labels: an axis of round numbers would only compete with them.
        values.tick_label_position = TICK_LABELS.NONE
    elif slide.chart == "line":
        values.minimum_scale = 0


def _style_series(chart: Chart, slide: Slide) -> None:
    plot = chart.plots[0]
    if slide.chart == "doughnut":
        plot.vary_by_categories = True
        _hole_size(chart, 55)
        for index, point in enumerate(plot.series[0].points):
            _fill(point.format, PALETTE[index % len(PALETTE)])
        return
    plot.vary_by_categories = False
    if slide.chart in ("bar", "column"):
        plot.gap_width = 60
        plot.overlap = -10 if len(slide.series) > 1 else 0
    for index, series in enumerate(plot.series):
        colour = RGBColor.from_string(PALETTE[index % len(PALETTE)])
        if slide.chart == "line":
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(4.5)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 12
            _fill(series.marker.format, PALETTE[index % len(PALETTE)])
            series.marker.format.line.color.rgb = colour
        else:
            series.invert_if_negative = False
            _fill(series.format, PALETTE[index % len(PALETTE)])
            # The deck's own agency (compare slide): its bar in the accent colour.
            for point, category in enumerate(slide.categories):
                if category in slide.highlight:
                    _fill(series.points[point].format, PALETTE[(index + 1) % len(PALETTE)])


def _fill(fmt: ChartFormat, colour: str) -> None:
    fmt.fill.solid()
    fmt.fill.fore_color.rgb = RGBColor.from_string(colour)


def _labels(chart: Chart, slide: Slide) -> None:
    """Each point labelled with the report's own display text (`400余`, not 400); no label on a
    point the report does not give."""
    position = {
        "bar": XL_LABEL_POSITION.OUTSIDE_END,
        "column": XL_LABEL_POSITION.OUTSIDE_END,
        "line": XL_LABEL_POSITION.ABOVE,
    }.get(slide.chart or "")
    for plot_series, series in zip(chart.plots[0].series, slide.series, strict=True):
        for index, (value, label) in enumerate(zip(series.values, series.labels, strict=True)):
            if value is None or not label:
                continue
            data_label = plot_series.points[index].data_label
            frame = data_label.text_frame
            frame.text = label
            for run in frame.paragraphs[0].runs:
                run.font.size = LABEL_SIZE
                run.font.bold = True
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF) if position is None else INK
            if position is not None:  # a doughnut takes no label position
                data_label.position = position
