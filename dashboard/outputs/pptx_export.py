"""A deck as a PowerPoint file: native, editable charts with their data embedded, 16:9.

Each slide of `dashboard.outputs.slides` becomes one PowerPoint slide with the title (a real title
placeholder, so PowerPoint's outline and screen readers see it), the one-line takeaway under it,
and either a native chart (`add_chart`, which also embeds an Excel workbook with the figures) or
the slide's bullets. Speaker notes carry the figures and their sources.

Chinese text: python-pptx's `font.name` only writes `a:latin`, which PowerPoint and WPS use for
Latin characters only; without an `a:ea` (East Asian) typeface they fall back to a theme font that
may have no CJK glyphs. Every run, and every default run property of the charts, gets an explicit
East Asian, Latin and complex-script typeface (`_set_fonts`), and the theme's fonts are set too, so
text an editor adds later is Chinese-ready as well.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from lxml import etree
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
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
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Inches, Length, Pt

from dashboard.outputs.slides import Deck, Slide

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
_LAYOUT_TITLE_ONLY = 5  # in python-pptx's default template


def deck_pptx(deck: Deck) -> bytes:
    """The deck as the bytes of a .pptx file."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _set_theme_fonts(prs)
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
        _sweep_fonts(page._element)  # empty paragraphs' end marks, shapes' default text
        _notes(page, slide)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# ── fonts ───────────────────────────────────────────────────────────────────────────────────


def _set_font_faces(rPr: etree._Element, text: str = "") -> None:
    """Give run properties (`a:rPr`, `a:defRPr`, `a:endParaRPr`) a Latin, an East Asian and a
    complex-script typeface, replacing any there. The schema orders them latin, ea, cs, and
    after any line/fill/effect children, so they are inserted where the schema wants them."""
    for tag in ("a:latin", "a:ea", "a:cs"):
        for old in rPr.findall(qn(tag)):
            rPr.remove(old)
    successors = [qn(t) for t in ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")]
    position = next(
        (i for i, child in enumerate(rPr) if child.tag in successors),
        len(rPr),
    )
    for offset, (tag, face) in enumerate(
        (("a:latin", LATIN_FONT), ("a:ea", EAST_ASIAN_FONT), ("a:cs", COMPLEX_SCRIPT_FONT))
    ):
        element = etree.Element(qn(tag))
        element.set("typeface", face)
        rPr.insert(position + offset, element)
    if text:
        rPr.set("lang", "zh-CN" if _CJK.search(text) else "en-US")
        rPr.set("altLang", "en-US" if _CJK.search(text) else "zh-CN")


def _set_fonts(run: _Run) -> None:
    """The run's typefaces: East Asian, Latin and complex script (see `_set_font_faces`)."""
    _set_font_faces(run._r.get_or_add_rPr(), run.text)


def _sweep_fonts(root: etree._Element) -> None:
    """Typefaces on every run property of a part (runs, line breaks, fields, defaults)."""
    for run in root.iter(qn("a:r"), qn("a:fld"), qn("a:br")):
        if run.find(qn("a:rPr")) is None:
            run.insert(0, etree.Element(qn("a:rPr")))  # the schema puts rPr first
    for tag in ("a:rPr", "a:defRPr", "a:endParaRPr"):
        for rPr in root.iter(qn(tag)):
            if rPr.find(qn("a:ea")) is None:
                _set_font_faces(rPr)


def _set_theme_fonts(prs: PresentationType) -> None:
    """The theme's major and minor fonts, so text added later in PowerPoint or WPS (new text
    boxes, edited chart titles) is in the same faces and Chinese does not fall back."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    for scheme in theme.iter(qn("a:majorFont"), qn("a:minorFont")):
        for tag, face in (("a:latin", LATIN_FONT), ("a:ea", EAST_ASIAN_FONT)):
            element = scheme.find(qn(tag))
            if element is not None:
                element.set("typeface", face)
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _write(
    paragraph: _Paragraph,
    text: str,
    *,
    size: Length,
    color: RGBColor = INK,
    bold: bool = False,
) -> _Run:
    run = paragraph.add_run()
    run.text = text
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = color
    _set_fonts(run)
    return run


# ── slide parts ─────────────────────────────────────────────────────────────────────────────


def _text_box(
    page: PptxSlide, left: Length, top: Length, width: Length, height: Length
) -> TextFrame:
    frame = page.shapes.add_textbox(left, top, width, height).text_frame
    _plain(frame)
    return frame


def _plain(frame: TextFrame) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = 0


def _title(page: PptxSlide, text: str, top: Length, height: Length, size: Length, anchor) -> None:
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
    frame = _text_box(
        page, MARGIN + Inches(0.25), Inches(4.05), SLIDE_WIDTH - 2 * MARGIN, Inches(1.2)
    )
    _write(frame.paragraphs[0], slide.takeaway, size=COVER_SUBTITLE_SIZE, color=MUTED)
    _bullet_list(frame, _extra_bullets(slide), BULLET_SIZE)


def _heading(page: PptxSlide, slide: Slide) -> None:
    _accent_bar(page, Inches(0.5), Inches(1.75))
    _title(page, slide.title, Inches(0.4), Inches(0.85), TITLE_SIZE, MSO_ANCHOR.TOP)
    frame = _text_box(
        page, MARGIN + Inches(0.25), Inches(1.3), SLIDE_WIDTH - 2 * MARGIN - Inches(0.25), Inches(1)
    )
    _write(frame.paragraphs[0], slide.takeaway, size=TAKEAWAY_SIZE, color=MUTED)


def _extra_bullets(slide: Slide) -> tuple[str, ...]:
    """The bullets not already said by the takeaway line (the summary's first clause is both)."""
    return tuple(b for b in slide.bullets if b.strip() != slide.takeaway.strip())


def _bullets(page: PptxSlide, slide: Slide) -> None:
    bullets = _extra_bullets(slide)
    if not bullets:
        return
    frame = _text_box(
        page,
        MARGIN + Inches(0.25),
        Inches(2.65),
        SLIDE_WIDTH - 2 * MARGIN - Inches(0.25),
        Inches(4.0),
    )
    _bullet_list(frame, bullets, BULLET_SIZE, first=True)


def _bullet_list(
    frame: TextFrame, bullets: Iterable[str], size: Length, *, first: bool = False
) -> None:
    for index, text in enumerate(bullets):
        paragraph = frame.paragraphs[0] if first and index == 0 else frame.add_paragraph()
        paragraph.space_before = Pt(14)
        pPr = paragraph._p.get_or_add_pPr()
        pPr.set("marL", str(Inches(0.45)))
        pPr.set("indent", str(-Inches(0.45)))
        bullet_font = etree.SubElement(pPr, qn("a:buFont"))
        bullet_font.set("typeface", LATIN_FONT)
        bullet_char = etree.SubElement(pPr, qn("a:buChar"))
        bullet_char.set("char", "•")
        _write(paragraph, text, size=size)


def _footer(page: PptxSlide, deck: Deck, number: int, total: int) -> None:
    top, height = SLIDE_HEIGHT - Inches(0.55), Inches(0.35)
    width = (SLIDE_WIDTH - 2 * MARGIN) // 2
    left = _text_box(page, MARGIN, top, width, height)
    _write(left.paragraphs[0], f"{deck.agency} · {deck.year}", size=FOOTER_SIZE, color=MUTED)
    right = _text_box(page, MARGIN + width, top, width, height)
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
            _set_fonts(run)
    _sweep_fonts(page.notes_slide._element)


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
    _set_font_faces(chart.font._rPr)
    doughnut = slide.chart == "doughnut"
    _legend(chart, show=len(slide.series) > 1 or doughnut)
    if not doughnut:
        _axes(chart, slide)
    _style_series(chart, slide)
    _labels(chart, slide)
    _sweep_fonts(chart._chartSpace)


def _legend(chart: Chart, *, show: bool) -> None:
    """A legend only where labels cannot say it: several series (or a doughnut's categories)."""
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = AXIS_SIZE
        _set_font_faces(chart.legend.font._rPr)


def _axes(chart: Chart, slide: Slide) -> None:
    categories = chart.category_axis
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.color.rgb = RULE
    categories.tick_labels.font.size = AXIS_SIZE
    _set_font_faces(categories.tick_labels.font._rPr)
    if slide.chart == "bar":
        categories.reverse_order = True  # the first (largest) category on top, as read

    values = chart.value_axis
    values.has_major_gridlines = slide.chart == "line"
    if values.has_major_gridlines:
        values.major_gridlines.format.line.color.rgb = RGBColor(0xE0, 0xE0, 0xE0)
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.format.line.fill.background()
    values.tick_labels.font.size = AXIS_SIZE
    _set_font_faces(values.tick_labels.font._rPr)
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
        hole = plot._element.find(qn("c:holeSize"))
        if hole is not None:
            hole.set("val", "55")
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


def _fill(fmt, colour: str) -> None:
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
                _set_fonts(run)
            if position is not None:  # a doughnut takes no label position
                data_label.position = position
