"""The PowerPoint export: the exported bytes are opened with python-pptx and checked against the
deck and the stored facts (slides, titles, chart types, numbers, labels, fonts, notes, workbook);
the template it starts from; and that it keeps to python-pptx's public API."""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from lxml import etree
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches

from dashboard.cli import EXIT_ERRORS, EXIT_OK, main
from dashboard.domain.catalogue import Catalogue
from dashboard.outputs import pptx_export
from dashboard.outputs.pptx_export import EAST_ASIAN_FONT, LATIN_FONT, PALETTE, deck_pptx
from dashboard.outputs.slides import Deck, Series, Slide, build_deck
from dashboard.paths import DECK_TEMPLATE, PROJECT_ROOT
from dashboard.platform.sample import seed_if_empty
from dashboard.store.database import Store

DINGHAI, HANGZHOU = "定海区教育局", "杭州市教育局"
CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
CJK = re.compile(r"[\u4e00-\u9fff]")
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}


def qn(tag: str) -> str:
    """`a:rPr` → `{…drawingml…}rPr`."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


@pytest.fixture
def facts(store: Store, catalogue: Catalogue) -> pl.DataFrame:
    seed_if_empty(store, catalogue)
    return store.current_facts()


def deck_of(
    facts: pl.DataFrame, catalogue: Catalogue, agency: str, year: int, lang: str = "zh"
) -> Deck:
    return build_deck(facts, agency, year, catalogue, lang=lang)


def opened(deck: Deck) -> PresentationType:
    return Presentation(io.BytesIO(deck_pptx(deck)))


def chart_of(page: PptxSlide) -> Chart | None:
    charts = [shape.chart for shape in page.shapes if shape.has_chart]
    assert len(charts) <= 1
    return charts[0] if charts else None


def labels_of(chart: Chart, series_index: int) -> list[str | None]:
    series = chart.plots[0].series[series_index]
    texts: list[str | None] = []
    for index in range(len(chart.plots[0].categories)):
        label = series.points[index].data_label
        texts.append(label.text_frame.text if label.has_text_frame else None)
    return texts


def slide_text(page: PptxSlide) -> str:
    return "\n".join(shape.text_frame.text for shape in page.shapes if shape.has_text_frame)


# ── structure ───────────────────────────────────────────────────────────────────────────────


def test_slides_titles_and_chart_types_follow_the_deck(
    facts: pl.DataFrame, catalogue: Catalogue
) -> None:
    deck = deck_of(facts, catalogue, DINGHAI, 2019)
    prs = opened(deck)
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.001
    assert len(prs.slides) == len(deck.slides) == 7
    assert [page.shapes.title.text for page in prs.slides] == [s.title for s in deck.slides]
    assert [page.shapes.title.text for page in prs.slides] == [
        "定海区教育局2019年政务公开工作",
        "各渠道发布信息条数",
        "微信、微博等新媒体发布",
        "12345 热线受理与办结",
        "信息报送与录用",
        "依申请公开办理结果",
        "小结",
    ]
    types = [(c.chart_type if (c := chart_of(page)) else None) for page in prs.slides]
    assert types == [
        None,
        XL_CHART_TYPE.BAR_CLUSTERED,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        None,  # no outcome figures in 2019: a text slide with the number of requests
        None,
    ]
    for page, slide in zip(prs.slides, deck.slides, strict=True):
        assert slide.takeaway in slide_text(page)  # the one-line takeaway under every title


def test_title_and_text_slides_show_agency_year_and_bullets(
    facts: pl.DataFrame, catalogue: Catalogue
) -> None:
    deck = deck_of(facts, catalogue, DINGHAI, 2019)
    prs = opened(deck)
    cover = slide_text(prs.slides[0])
    assert DINGHAI in cover and "2019" in cover and "政府信息公开工作年度数据" in cover
    summary = deck.slides[-1]
    assert summary.id == "summary" and len(summary.bullets) == 4
    text = slide_text(prs.slides[-1])
    for bullet in summary.bullets:
        assert bullet in text
    assert "2019年主要数据一览" in text  # a short takeaway, not the first bullet again
    bulleted = [
        "".join(p.xpath("a:r/a:t/text()"))
        for shape in prs.slides[-1].shapes
        if shape.has_text_frame
        for p in shape.element.xpath("./p:txBody/a:p[a:pPr/a:buChar]")
    ]
    assert bulleted == list(summary.bullets)
    assert "全年新收政府信息公开申请0件" in slide_text(prs.slides[5])
    assert "7 / 7" in text


# ── chart data ──────────────────────────────────────────────────────────────────────────────


def test_channels_bar_holds_the_reported_figures(facts: pl.DataFrame, catalogue: Catalogue) -> None:
    chart = chart_of(opened(deck_of(facts, catalogue, DINGHAI, 2019)).slides[1])
    assert chart is not None and chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories) == ["部门网站", "微博", "微信公众号", "政府门户网站"]
    [series] = plot.series
    assert series.values == (3000, 800, 500, 400)
    assert labels_of(chart, 0) == ["3000余", "800余", "500余", "400余"]
    # The same figures as the store holds for these channels.
    stored = facts.filter(
        (pl.col("agency") == DINGHAI)
        & (pl.col("year") == 2019)
        & (pl.col("metric") == "items_published")
        & pl.col("category").is_null()
    )
    assert sorted(series.values) == sorted(stored["value"].to_list())
    assert not chart.has_legend  # one series: the title says what it is
    assert str(series.format.fill.fore_color.rgb) == PALETTE[0]
    assert chart.category_axis.reverse_order  # largest on top, in reading order


def test_not_reported_value_stays_empty_not_zero(facts: pl.DataFrame, catalogue: Catalogue) -> None:
    prs = opened(deck_of(facts, catalogue, DINGHAI, 2019))
    chart = chart_of(prs.slides[4])
    assert chart is not None
    assert list(chart.plots[0].categories) == ["区政府", "省委", "市政府", "市教育网"]
    submitted, adopted = chart.plots[0].series
    assert (submitted.name, adopted.name) == ("报送", "录用")
    assert submitted.values == (30, None, None, 725)
    assert adopted.values == (16, 2, 5, 105)
    assert labels_of(chart, 0) == ["30", None, None, "725"]  # no "0", no label at all
    assert labels_of(chart, 1) == ["16", "2", "5", "105"]
    points = chart.element.xpath("(.//c:ser)[1]/c:val//c:pt/@idx")
    assert points == ["0", "3"]  # no point written for 省委 and 市政府
    assert chart.has_legend
    assert [str(s.format.fill.fore_color.rgb) for s in chart.plots[0].series] == list(PALETTE[:2])
    sheet = workbook(chart).worksheets[0]
    assert [sheet.cell(row, 2).value for row in range(2, 6)] == [30, None, None, 725]


@pytest.mark.parametrize(("agency", "year"), [(DINGHAI, 2019), (HANGZHOU, 2022), (HANGZHOU, 2020)])
def test_every_chart_equals_its_slide(
    facts: pl.DataFrame, catalogue: Catalogue, agency: str, year: int
) -> None:
    deck = deck_of(facts, catalogue, agency, year)
    prs = opened(deck)
    charted = 0
    for page, slide in zip(prs.slides, deck.slides, strict=True):
        chart = chart_of(page)
        if slide.chart is None:
            assert chart is None
            continue
        charted += 1
        assert chart is not None and chart.chart_type == CHART_TYPES[slide.chart]
        plot = chart.plots[0]
        assert tuple(plot.categories) == slide.categories
        assert [s.name for s in plot.series] == [s.name for s in slide.series]
        for index, (drawn, series) in enumerate(zip(plot.series, slide.series, strict=True)):
            assert drawn.values == series.values
            expected = [
                label if value is not None else None
                for value, label in zip(series.values, series.labels, strict=True)
            ]
            assert labels_of(chart, index) == expected
    assert charted >= 2


def test_line_and_doughnut_charts(catalogue: Catalogue) -> None:
    deck = Deck(
        "某单位",
        2024,
        (
            Slide("title", "某单位2024年", "年度数据"),
            Slide(
                "trend",
                "历年发布",
                "逐年增长",
                chart="line",
                categories=("2021", "2022", "2023"),
                series=(
                    Series("微博", (100.0, None, 300.0), ("100", "未报告", "300余")),
                    Series("微信", (50.0, 60.0, 70.0), ("50", "60", "70")),
                ),
            ),
            Slide(
                "share",
                "办理结果构成",
                "多数予以公开",
                chart="doughnut",
                categories=("予以公开", "不予公开"),
                series=(Series("结果", (8.0, 2.0), ("8", "2")),),
            ),
        ),
    )
    prs = opened(deck)
    line, doughnut = chart_of(prs.slides[1]), chart_of(prs.slides[2])
    assert line is not None and line.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert line.plots[0].series[0].values == (100, None, 300)
    assert labels_of(line, 0) == ["100", None, "300余"]
    assert line.element.xpath("string(c:chart/c:dispBlanksAs/@val)") == "gap"  # not zero
    assert str(line.plots[0].series[1].format.line.color.rgb) == PALETTE[1]
    assert doughnut is not None and doughnut.chart_type == XL_CHART_TYPE.DOUGHNUT
    assert doughnut.plots[0].series[0].values == (8, 2)
    assert labels_of(doughnut, 0) == ["8", "2"]
    assert doughnut.has_legend  # a doughnut has no axis to name its categories
    assert doughnut.element.xpath("string(.//c:holeSize/@val)") == "55"


def workbook(chart: Chart) -> openpyxl.Workbook:
    xlsx_part = chart.part.chart_workbook.xlsx_part
    assert xlsx_part is not None
    return openpyxl.load_workbook(io.BytesIO(xlsx_part.blob))


def test_each_chart_embeds_its_data(facts: pl.DataFrame, catalogue: Catalogue) -> None:
    deck = deck_of(facts, catalogue, HANGZHOU, 2022)
    prs = opened(deck)
    checked = 0
    for page, slide in zip(prs.slides, deck.slides, strict=True):
        chart = chart_of(page)
        if chart is None:
            continue
        sheet = workbook(chart).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][1:] == tuple(s.name for s in slide.series)
        assert [str(r[0]) for r in rows[1:]] == list(slide.categories)
        for column, series in enumerate(slide.series, start=1):
            assert tuple(r[column] for r in rows[1:]) == series.values
        checked += 1
    assert checked == 3


# ── fonts and notes ─────────────────────────────────────────────────────────────────────────


def missing_east_asian(root: etree._Element, where: str) -> tuple[int, list[str]]:
    """(run properties seen, those without the East Asian typeface)."""
    seen, missing = 0, []
    for run in root.iter(qn("a:r")):
        if run.find(qn("a:rPr")) is None:
            missing.append(f"{where}: run without rPr: {run.findtext(qn('a:t'))}")
    for tag in ("a:rPr", "a:defRPr"):
        for rPr in root.iter(qn(tag)):
            seen += 1
            ea = rPr.find(qn("a:ea"))
            latin = rPr.find(qn("a:latin"))
            if ea is None or ea.get("typeface") != EAST_ASIAN_FONT or latin is None:
                text = rPr.getparent().findtext(qn("a:t")) or tag
                missing.append(f"{where}: {text}")
    return seen, missing


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_run_has_an_east_asian_font(
    facts: pl.DataFrame, catalogue: Catalogue, lang: str
) -> None:
    prs = opened(deck_of(facts, catalogue, DINGHAI, 2019, lang))
    seen, missing = 0, []
    for number, page in enumerate(prs.slides, start=1):
        for root, where in (
            (page.element, f"slide {number}"),
            (page.notes_slide.element, f"notes {number}"),
        ):
            n, m = missing_east_asian(root, where)
            seen, missing = seen + n, missing + m
        chart = chart_of(page)
        if chart is not None:
            n, m = missing_east_asian(chart.element, f"chart {number}")
            assert n >= 4  # chart text, axes, legend or labels: all carry run properties
            seen, missing = seen + n, missing + m
    assert seen > 80
    assert missing == []
    # Chinese runs are also tagged as Chinese (spell check, line breaking).
    title = prs.slides[0].shapes.title
    lang = title.element.xpath("string((.//a:r)[1]/a:rPr/@lang)")
    assert CJK.search(title.text_frame.text) and lang == "zh-CN"
    # The theme's fonts too, for text an editor adds later.
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    faces = theme.xpath(
        "//a:minorFont/a:ea/@typeface | //a:majorFont/a:ea/@typeface", namespaces=NS
    )
    assert faces == [EAST_ASIAN_FONT, EAST_ASIAN_FONT]


def test_speaker_notes_carry_figures_and_sources(facts: pl.DataFrame, catalogue: Catalogue) -> None:
    deck = deck_of(facts, catalogue, DINGHAI, 2019)
    prs = opened(deck)
    notes = [page.notes_slide.notes_text_frame.text for page in prs.slides]
    assert notes == [s.notes for s in deck.slides]
    channels = notes[1]
    assert channels.startswith("数据来源：定海区教育局2019年政府信息公开工作年度报告")
    assert "发布信息条数（政府门户网站）: 400余 — 公开信息 400余条" in channels
    assert "3000余" in channels
    assert "向市教育网报送725条，录用105条，居全市第一" in notes[4]


def test_english_deck(facts: pl.DataFrame, catalogue: Catalogue) -> None:
    deck = deck_of(facts, catalogue, HANGZHOU, 2022, "en")
    prs = opened(deck)
    titles = [page.shapes.title.text for page in prs.slides]
    assert titles == [
        "杭州市教育局: disclosure work in 2022",
        "Items published per channel",
        "WeChat, Weibo and short video",
        "Disclosure requests",
        "Summary",
    ]
    chart = chart_of(prs.slides[1])
    assert chart is not None
    assert list(chart.plots[0].categories) == ["Weibo", "WeChat", "Government portal"]
    assert labels_of(chart, 0) == ["3,848", "1,419", "1,351"]
    assert prs.slides[1].notes_slide.notes_text_frame.text.startswith("Source: 杭州市教育局")


# ── the template, and python-pptx's public API ─────────────────────────────────────────────


def test_the_template_is_16_9_with_chinese_ready_theme_fonts() -> None:
    prs = Presentation(str(DECK_TEMPLATE))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(prs.slides) == 0
    assert prs.slide_layouts[pptx_export._LAYOUT_TITLE_ONLY].name == "Title Only"
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    for scheme in ("majorFont", "minorFont"):
        faces = theme.xpath(
            f"//a:{scheme}/a:latin/@typeface | //a:{scheme}/a:ea/@typeface", namespaces=NS
        )
        assert faces == [LATIN_FONT, EAST_ASIAN_FONT], scheme


def parts(pptx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pptx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_committed_template_is_what_the_script_builds() -> None:
    """scripts/make_deck_template.py makes the template: if this fails after a change to the script
    or an upgrade of python-pptx (whose default deck it starts from), run the script and commit."""
    script = PROJECT_ROOT / "scripts" / "make_deck_template.py"
    spec = importlib.util.spec_from_file_location("make_deck_template", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert parts(module.build()) == parts(DECK_TEMPLATE.read_bytes())


PRIVATE_PPTX_NAMES = {"_Paragraph", "_Run", "_Cell", "_Row", "_Column"}


def test_the_exporter_uses_only_public_python_pptx_api() -> None:
    """No `obj._something` of python-pptx (`._element`, `._p`, `._r`, `._rPr`, `._blob`, …) and no
    private class imported from it: the XML python-pptx has no API for is reached through its
    public `.element`, in the few functions that say why."""
    tree = ast.parse(Path(pptx_export.__file__).read_text())
    private = [
        f"line {node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        # lxml's element class is named `_Element`: the type of the XML, not a private part.
        and not (isinstance(node.value, ast.Name) and node.value.id == "etree")
    ]
    imported = [
        f"line {node.lineno}: {alias.name} from {node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pptx")
        for alias in node.names
        if alias.name.startswith("_") or alias.name in PRIVATE_PPTX_NAMES
    ]
    assert private == [] and imported == []
    assert "pptx.oxml" not in Path(pptx_export.__file__).read_text()  # python-pptx's internals


# ── command line ────────────────────────────────────────────────────────────────────────────


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def seeded(store: Store, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("DASHBOARD_LANG", raising=False)
    seed_if_empty(store, catalogue)
    return store


def test_cli_writes_a_deck_that_opens(
    seeded: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "定海2019.pptx"
    code, stdout, _ = run(capsys, "deck", "--agency", DINGHAI, "--year", 2019, "-o", out)
    assert code == EXIT_OK
    assert str(out) in stdout and "7 页" in stdout
    prs = Presentation(str(out))
    assert len(prs.slides) == 7
    assert prs.slides[1].shapes.title.text == "各渠道发布信息条数"

    english = tmp_path / "en.pptx"
    code, stdout, _ = run(
        capsys, "deck", "--agency", DINGHAI, "--year", 2019, "--lang", "en", "-o", english
    )
    assert code == EXIT_OK and "Slides written to" in stdout
    assert Presentation(str(english)).slides[-1].shapes.title.text == "Summary"


def test_cli_saved_deck_orders_the_slides(
    seeded: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded.save_deck("周例会", ["submissions", "hotline", "channels"], user="张三")
    out = tmp_path / "meeting.pptx"
    code, _, _ = run(
        capsys, "deck", "--agency", DINGHAI, "--year", 2019, "--deck", "周例会", "-o", out
    )
    assert code == EXIT_OK
    titles = [page.shapes.title.text for page in Presentation(str(out)).slides]
    assert titles == [
        "定海区教育局2019年政务公开工作",
        "信息报送与录用",
        "12345 热线受理与办结",
        "各渠道发布信息条数",
        "小结",
    ]


def test_cli_unknown_deck_agency_or_year_exits_1(
    seeded: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded.save_deck("周例会", ["channels"], user="张三")
    out = tmp_path / "x.pptx"
    code, _, err = run(
        capsys, "deck", "--agency", DINGHAI, "--year", 2019, "--deck", "没有", "-o", out
    )
    assert code == EXIT_ERRORS and "没有" in err and "周例会" in err
    code, _, err = run(capsys, "deck", "--agency", "不存在的单位", "--year", 2019, "-o", out)
    assert code == EXIT_ERRORS and "不存在的单位" in err
    code, _, err = run(
        capsys, "--lang", "en", "deck", "--agency", DINGHAI, "--year", 1999, "-o", out
    )
    assert code == EXIT_ERRORS and "No figures" in err and "1999" in err
    assert not out.exists()


def test_cli_deck_compare_adds_the_ranking_slide(
    seeded: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`deck --compare METRIC`: the compare slide after the title, every agency of the year
    ranked on the metric's usual channel (定海's 400余 below another agency's 512); the metric
    by its id or its name; a metric nobody gives that year is an error and writes nothing."""
    other = tmp_path / "other.csv"
    other.write_text(
        "年度,单位,指标,渠道,类别,数值,备注\n2019,岱山县教育局,发布信息条数,政府门户网站,,512,\n",
        "utf-8",
    )
    assert run(capsys, "import", other, "--user", "test")[0] == EXIT_OK
    for wanted in ("items_published", "发布信息条数"):
        out = tmp_path / f"{wanted}.pptx"
        code, stdout, _ = run(
            capsys, "deck", "--agency", DINGHAI, "--year", 2019, "--compare", wanted, "-o", out
        )
        assert code == EXIT_OK and "8 页" in stdout
        slides = list(Presentation(str(out)).slides)
        assert [s.shapes.title.text for s in slides[:3]] == [
            "定海区教育局2019年政务公开工作",
            "发布信息条数（政府门户网站）：各单位排名（2019年）",
            "各渠道发布信息条数",
        ]
        notes = slides[1].notes_slide.notes_text_frame.text
        assert "1. 岱山县教育局: 512" in notes and "2. 定海区教育局: 400余" in notes
        texts = " ".join(
            shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame
        )
        assert "在2个单位中排第2位" in texts

    out = tmp_path / "none.pptx"
    code, _, err = run(
        capsys, "deck", "--agency", DINGHAI, "--year", 2019, "--compare", "没有的指标", "-o", out
    )
    assert code == EXIT_ERRORS and "没有的指标" in err and "2019" in err
    assert not out.exists()
    # Without --compare the deck has no compare slide, as before.
    code, stdout, _ = run(capsys, "deck", "--agency", DINGHAI, "--year", 2019, "-o", out)
    assert code == EXIT_OK and "7 页" in stdout
