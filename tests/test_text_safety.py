"""User text is text: an agency name, note, channel, category or deck name that is Markdown, a
bare URL, HTML or a spreadsheet formula is shown as typed on every page — never a link, an
image, Plotly markup, or a formula in the tables' own CSV download.

Unit tests of the helpers (`literal`, `literal_strings`, `t_literal`), then every page through
AppTest with a store holding only hostile text, then the slides and the PowerPoint deck. The
browser proof (no request leaves for another host) is tests/test_browser_text_safety.py.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

import polars as pl
import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from streamlit.testing.v1 import AppTest

from components.text import WORD_JOINER, literal, literal_strings, t_literal
from dashboard.analytics.summary import year_summary
from dashboard.charts.projector import slide_figure
from dashboard.domain.catalogue import Catalogue
from dashboard.i18n.wording import summary_text
from dashboard.ingest.validate import validate_file
from dashboard.outputs.exporter import neutralise_strings
from dashboard.outputs.pptx_export import deck_pptx
from dashboard.outputs.slides import build_deck
from dashboard.platform.auth import Actor, Role
from dashboard.platform.decks import save_deck
from dashboard.store.database import Store
from tests import hostile

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EDITOR = Actor("alice", Role.EDITOR)
AGENCY = hostile.agency()
PAYLOADS = hostile.payloads()
MORE = (
    "https://127.0.0.2/y HTTP://127.0.0.2/z WWW.EXAMPLE.COM mailto:a@example.org",
    ":smile: :+1: :material/home: :red[红] $x^2$ a -> b <-> c -- d >= e",
    "# 标题\n\n- 列表\n1. 编号\n> 引用\n\n标题\n===\n\n    代码",
    "**粗** _斜_ ~~删~~ `代码` | 表 | &lt; &amp; &#60; \\ 反斜杠 <b>粗</b>",
    "",
    "定海区教育局 2019 年：已保存为第 1 版（新增 3、修改 0、删除 0）。",
)
TEXTS = (*PAYLOADS.values(), AGENCY, hostile.deck_name(), *MORE)


# ── the helpers ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("text", TEXTS)
def test_literal_shows_the_text_as_typed_and_nothing_else(text: str) -> None:
    markdown = literal(text)
    assert hostile.shown(markdown) == text  # no visible backslash, nothing dropped
    assert hostile.unsafe_markdown(markdown) == []  # no link, image, HTML or autolink left


def test_the_checks_see_what_raw_text_would_become() -> None:
    for key in ("image", "link", "bare_url", "www", "email", "html_link", "html_image"):
        assert hostile.unsafe_markdown(PAYLOADS[key]), key


def test_ordinary_text_is_unchanged() -> None:
    for text in ("定海区教育局 · 2019", "WeChat, Weibo and short video", "已保存：400余条"):
        assert literal(text) == text
    assert WORD_JOINER not in literal("说明: 12345热线")


def test_literal_strings_is_literal_on_text_columns_only() -> None:
    frame = pl.DataFrame({"text": list(TEXTS), "number": [-1.5] * len(TEXTS)})
    shown = literal_strings(frame)
    assert shown["text"].to_list() == [literal(t) for t in TEXTS]
    assert shown["number"].to_list() == [-1.5] * len(TEXTS)


def test_t_literal_escapes_the_parameters_not_the_message() -> None:
    message = t_literal("present.unknown_deck", "zh", name=PAYLOADS["image"])
    assert message.startswith("没有名为“") and literal(PAYLOADS["image"]) in message
    assert hostile.unsafe_markdown(message) == []
    source = t_literal("app.source", "en", agency=AGENCY, year=2021)
    assert 'A trailing + means "at least".' in source  # the message's own text as written
    assert hostile.shown(source).startswith(f"Source: {AGENCY}, annual")


def test_table_guard_prefixes_formulas_in_text_columns_only() -> None:
    frame = pl.DataFrame(
        {"text": [PAYLOADS["formula"], "-3", "+1", "@x", "400余"], "number": [-3, 1, 2, 3, 4]}
    )
    guarded = neutralise_strings(frame)
    assert guarded["text"].to_list() == [f"'{PAYLOADS['formula']}", "'-3", "'+1", "'@x", "400余"]
    assert guarded["number"].to_list() == [-3, 1, 2, 3, 4]


# ── every page, through AppTest ──────────────────────────────────────────────────────────────


@pytest.fixture
def hostile_store(db_url: str, catalogue: Catalogue) -> str:
    store = Store(db_url)
    report = validate_file(hostile.csv_bytes(), "hostile.csv", catalogue)
    assert report.ok
    store.commit(report.datasets, user="t")
    save_deck(store, hostile.deck_name(), ["channels", "hotline"], actor=EDITOR)
    store.close()
    return db_url


def open_page(page: str, actor: Actor | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"agency": AGENCY, "year": "2021", **query}.items():
        at.query_params[key] = value
    if actor is not None:
        at.session_state["actor"] = actor
    at.run()
    return at.switch_page(f"views/{page}.py").run()


def markdown_sources(at: AppTest) -> list[str]:
    """Every Markdown string the page renders: texts, captions, titles, alerts, metric labels
    and help, expander and tab labels, button labels, static-table cells."""
    found: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader"):
        found += [e.value for e in getattr(at, kind)]
    for kind in ("info", "warning", "success", "error", "toast"):
        found += [e.value for e in getattr(at, kind)]
    for m in at.metric:
        found += [m.label, m.value, m.proto.help]
    found += [e.label for e in at.expander] + [t.label for t in at.tabs]
    found += [b.label for b in at.button] + [c.label for c in at.checkbox]
    for table in at.table:
        found += [str(v) for v in table.value.to_numpy().ravel()]
    return found


def dataframe_texts(at: AppTest) -> list[str]:
    return [v for d in at.dataframe for v in d.value.to_numpy().ravel() if isinstance(v, str) and v]


def chart_markup(at: AppTest) -> list[str]:
    return [s for c in at.get("plotly_chart") for s in hostile.plotly_markup(c.proto.spec)]


def assert_text_is_text(at: AppTest) -> None:
    assert not at.exception, at.exception
    sources = markdown_sources(at)
    unsafe = {s: hostile.unsafe_markdown(s) for s in sources if hostile.unsafe_markdown(s)}
    assert unsafe == {}
    # The tables' own "Download as CSV" exports what st.dataframe holds: no formula in it.
    assert [v for v in dataframe_texts(at) if v.startswith(("=", "+", "-", "@"))] == []
    assert chart_markup(at) == []


PAGES = ("overview", "channels", "new_media", "hotline", "recruitment", "requests", "data")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_text_as_text(hostile_store: str, page: str, lang: str) -> None:
    at = open_page(page, lang=lang)
    assert_text_is_text(at)
    if page != "data":
        caption = at.caption[0].value
        assert hostile.shown(caption) == f"{AGENCY} · 2021"
    # The hostile text is really on the page (the test would see it if it were not escaped).
    sources = "\n".join(markdown_sources(at) + dataframe_texts(at))
    assert "127.0.0.2" in hostile.shown(sources)


def test_overview_summary_and_notes(hostile_store: str) -> None:
    at = open_page("overview")
    summary = next(m.value for m in at.markdown if "主动公开信息" in m.value)
    assert hostile.shown(summary).startswith(f"2021年，{AGENCY}主动公开信息：")
    assert PAYLOADS["html_link"] in hostile.shown(summary)  # a channel named in the summary
    helps = [m.proto.help for m in at.metric if m.proto.help]
    assert hostile.shown(helps[0]) in PAYLOADS.values()  # the report's words, as typed
    table = next(d.value for d in at.dataframe if "note" in d.value.columns)
    assert f"'{PAYLOADS['formula']}" in set(table["note"])  # guarded for the CSV download
    assert PAYLOADS["html_link"] in set(table["note"])  # other notes exactly as typed


def test_data_page_table_is_guarded_and_numbers_keep_their_sign(hostile_store: str) -> None:
    at = open_page("data")
    table = at.dataframe[0].value
    assert set(table["单位"]) == {f"'{AGENCY}"}
    assert f"'{PAYLOADS['formula']}" in set(table["渠道"])
    assert table["年度"].dtype.kind == "i"  # numbers stay numbers


def test_editor_tabs_and_deck_panel(hostile_store: str) -> None:
    at = open_page("data", actor=EDITOR)
    assert_text_is_text(at)
    at.selectbox(key="deck_choice").set_value(hostile.deck_name()).run()
    assert_text_is_text(at)
    # The deck's link is code (shown as typed), its name in the selector plain text.
    assert any("/present?deck=" in c.value for c in at.code)
    # Saving a deck: the message names it, as typed.
    at.button(key="deck_save").click().run()
    flash = next(s.value for s in at.success)
    assert hostile.unsafe_markdown(flash) == []
    assert hostile.shown(flash).startswith(f"已保存演示文稿“{hostile.deck_name()}”")


def test_upload_report_and_preview_show_file_text_as_text(hostile_store: str) -> None:
    at = open_page("data", actor=EDITOR)
    name = PAYLOADS["image"] + ".csv"
    rows = hostile.csv_bytes().replace(b"2021,", b"2022,").replace(b"2020,", b"2023,")
    at.file_uploader[0].set_value((name, rows, "text/csv"))
    at.run()
    assert_text_is_text(at)
    checked = next(m.value for m in at.markdown if "已检查文件" in m.value)
    assert hostile.shown(checked).startswith(f"已检查文件“{name}”")
    assert len(at.table) == 1  # the warnings: unknown channels, kept as written
    assert PAYLOADS["html_link"] in {hostile.shown(str(v)) for v in at.table[0].value.iloc[:, 2]}
    titles = [hostile.shown(m.value) for m in at.markdown]
    assert f"{AGENCY} 2022 年：新年度" in titles


# ── slides, /present and PowerPoint ──────────────────────────────────────────────────────────


def test_present_with_hostile_agency_and_deck_names(hostile_store: str) -> None:
    for query in ({}, {"deck": hostile.deck_name()}, {"deck": PAYLOADS["link"]}):
        at = open_page("present", **query)
        assert_text_is_text(at)
        assert hostile.shown(at.title[0].value) == f"{AGENCY}2021年政务公开工作"
    warning = at.warning[0].value
    assert hostile.shown(warning) == f"没有名为“{PAYLOADS['link']}”的演示文稿，显示默认演示。"
    for _ in range(4):
        at.button(key="next").click().run()
        assert_text_is_text(at)


def test_slides_figures_and_pptx_carry_text_not_links(catalogue: Catalogue) -> None:
    facts = hostile.facts(catalogue)
    deck = build_deck(facts, AGENCY, 2021, catalogue)
    assert len(deck.slides) >= 5
    for slide in deck.slides:
        assert hostile.plotly_markup(slide_figure(slide).to_json()) == [], slide.id
    # plain text in the core
    assert AGENCY in summary_text(year_summary(facts, AGENCY, 2021, catalogue), catalogue)
    prs = Presentation(io.BytesIO(deck_pptx(deck)))
    hyperlinks = [
        rel.reltype
        for part in prs.part.package.iter_parts()
        for rel in part.rels.values()
        if rel.reltype == RT.HYPERLINK
    ]
    assert hyperlinks == []
    texts = [
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert f"{AGENCY}2021年政务公开工作" in texts  # the title as typed
    xml = b"".join(
        part.blob for part in prs.part.package.iter_parts() if part.partname.endswith(".xml")
    )
    assert b"hlinkClick" not in xml and b"r:link" not in xml


# ── every table goes through the guards ──────────────────────────────────────────────────────

ROOT = Path(__file__).resolve().parents[1]


def table_calls(path: Path) -> list[tuple[str, str, ast.Call]]:
    """(enclosing function, method, call) for every `.dataframe(`, `.data_editor(`, `.table(`."""
    found = []
    for function in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("dataframe", "data_editor", "table")
            ):
                found.append((function.name, node.func.attr, node))
    return found


def test_every_table_is_shown_through_a_guard() -> None:
    """st.dataframe only inside components.chart.data_table (formulas guarded for its CSV
    download); st.table only of `literal_strings(…)` (it renders Markdown in its cells)."""
    unguarded = []
    for path in sorted([*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "components").glob("*.py")]):
        where = str(path.relative_to(ROOT))
        if "import streamlit" not in path.read_text("utf-8"):
            continue  # the domain core draws nothing (tests/test_architecture.py)
        for function, method, call in table_calls(path):
            if method == "table":
                first = call.args[0] if call.args else None
                ok = (
                    isinstance(first, ast.Call)
                    and isinstance(first.func, ast.Name)
                    and first.func.id == "literal_strings"
                )
            elif method == "data_editor":
                # An editor's table of report text: neutralised like data_table's.
                first = call.args[0] if call.args else None
                ok = (
                    isinstance(first, ast.Call)
                    and isinstance(first.func, ast.Name)
                    and first.func.id == "neutralise_strings"
                )
            else:
                ok = (where, function) == ("components/chart.py", "data_table")
            if not ok:
                unguarded.append(f"{where}:{call.lineno} {function}")
    assert unguarded == []
