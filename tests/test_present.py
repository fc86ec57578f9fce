"""The presentation page (AppTest), the projector charts and meeting decks."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts.projector import slide_figure
from dashboard.domain.catalogue import Catalogue
from dashboard.outputs.slides import Series, Slide, build_deck
from dashboard.platform.auth import Actor, PermissionDenied, Role
from dashboard.platform.decks import save_deck
from dashboard.store.database import Store
from tests.factories import frame, row, sample_frame

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EDITOR = Actor("alice", Role.EDITOR)


def open_present(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page("views/present.py").run()


def press(at: AppTest, key: str) -> AppTest:
    next(b for b in at.button if b.key == key).click()
    return at.run()


def test_opens_on_the_title_slide_and_moves(db_url: str) -> None:
    at = open_present()
    assert not at.exception
    assert at.title[0].value == "定海区教育局2019年政务公开工作"
    assert any(m.value == "1 / 7" for m in at.markdown)
    press(at, "next")
    assert at.title[0].value == "各渠道发布信息条数"
    assert any("部门网站发布最多，3000余条" in m.value for m in at.markdown)
    press(at, "next_pagedown")
    assert at.title[0].value == "微信、微博等新媒体发布"
    press(at, "prev")
    assert at.title[0].value == "各渠道发布信息条数"
    press(at, "prev_pageup")
    assert at.title[0].value == "定海区教育局2019年政务公开工作"
    press(at, "prev")  # back from the first slide: the last one (a looping screen)
    assert at.title[0].value == "小结"


def test_slide_from_the_url_and_english(db_url: str) -> None:
    at = open_present(slide="3", lang="en", agency="杭州市教育局", year="2022")
    assert not at.exception
    assert at.title[0].value == "WeChat, Weibo and short video"
    assert any(m.value.startswith("3 / ") for m in at.markdown)


def test_a_saved_deck_orders_the_slides(db_url: str, catalogue: Catalogue) -> None:
    store = Store(db_url)
    save_deck(store, "周例会", ["hotline", "channels"], actor=EDITOR)
    at = open_present(deck="周例会", slide="2")
    assert at.title[0].value == "12345 热线受理与办结"
    assert any(m.value == "2 / 4" for m in at.markdown)
    unknown = open_present(deck="不存在")
    assert any("没有名为“不存在”的演示文稿" in w.value for w in unknown.warning)


def test_saving_decks_is_for_editors_and_checked(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        save_deck(store, "x", ["hotline"], actor=Actor("v", Role.VIEWER))
    with pytest.raises(ValueError, match="deck-slides"):
        save_deck(store, "x", ["no_such_slide"], actor=EDITOR)
    with pytest.raises(ValueError, match="deck-name"):
        save_deck(store, "  ", ["hotline"], actor=EDITOR)
    assert save_deck(store, " 年度汇报 ", ["hotline", "hotline"], actor=EDITOR) == "年度汇报"
    assert store.deck("年度汇报") == ["hotline"]
    assert store.decks() == ["年度汇报"]


def test_deck_leaves_out_chart_slides_without_figures(catalogue: Catalogue) -> None:
    facts = frame(row(2021, "meetings", 3))
    deck = build_deck(facts, "测试局", 2021, catalogue)
    assert [s.id for s in deck.slides] == ["title", "summary"]
    full = build_deck(sample_frame(catalogue), "定海区教育局", 2019, catalogue)
    assert [s.id for s in full.slides] == [
        "title",
        "channels",
        "new_media",
        "hotline",
        "submissions",
        "requests",
        "summary",
    ]
    channels = full.slides[1]
    assert channels.categories == ("部门网站", "微博", "微信公众号", "政府门户网站")
    assert channels.series[0].labels == ("3000余", "800余", "500余", "400余")
    assert "公开信息 400余条" in channels.notes


def test_projector_chart_keeps_labels_and_not_reported(catalogue: Catalogue) -> None:
    slide = Slide(
        "x",
        "t",
        "k",
        chart="column",
        categories=("区政府", "省委"),
        series=(
            Series("报送", (30.0, None), ("30", "未报告")),
            Series("录用", (16.0, 2.0), ("16", "2")),
        ),
    )
    fig = slide_figure(slide)
    assert [t.text for t in fig.data] == [("30", "未报告"), ("16", "2")]
    assert [a.text for a in fig.layout.annotations] == ["未报告"]
    assert fig.layout.font.size >= 24  # readable from the back of a room
    assert fig.layout.showlegend is True


def test_projector_line_labels_of_close_values_go_above_and_below() -> None:
    slide = Slide(
        "x",
        "t",
        "k",
        chart="line",
        categories=("2020", "2022"),
        series=(
            Series("微信公众号", (1400.0, 1419.0), ("1400余", "1419")),
            Series("微博", (1200.0, 3848.0), ("1200余", "3848")),
        ),
    )
    wechat, weibo = slide_figure(slide).data
    assert wechat.textposition == ("top center", "bottom center")
    assert weibo.textposition == ("bottom center", "top center")
    assert weibo.text[-1] == "3848  微博"  # the line is named at its end, not in a legend
