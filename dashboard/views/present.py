"""演示 Presentation: full-window slides for a meeting room, keyboard and timer driven."""

from __future__ import annotations

import time

import streamlit as st

from components import state
from components.address import write_params
from components.compare import deck_comparison, linked_deck
from components.data import agency_facts, get_catalogue, get_store
from components.filters import current_view
from components.text import literal, t_literal
from dashboard.charts.projector import slide_figure
from dashboard.i18n.messages import t
from dashboard.outputs.pptx_export import deck_pptx
from dashboard.outputs.slides import DEFAULT_DECK, Deck, Slide, build_deck
from dashboard.platform.settings import load_settings

# Our own fixed CSS (no user text). The sidebar and the page list are closed by Streamlit itself
# (app.py: collapsed sidebar, hidden navigation); what has no setting is done here, each rule
# for one purpose, and each checked in a real browser by tests/test_browser_present.py (a
# Streamlit upgrade that renames what a rule matches fails there, not in the meeting room).
PRESENT_CSS = """
<style>
/* Streamlit's header bar: main menu, "running" indicator, the button that opens the sidebar. */
[data-testid="stHeader"] { display: none !important; }
/* The main block's padding leaves room for that header: a thin margin on the projector. */
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem 2.5rem; }
/* Projector type: slide title, takeaway, bullets; larger on the title slide. */
.st-key-slide h1 { font-size: 3.4rem; line-height: 1.2; color: #111; padding: 0; }
[class*="st-key-takeaway_"] p { font-size: 2.1rem; color: #0B3D66; }
.st-key-slide li { font-size: 2.2rem; line-height: 1.5; color: #111; }
.st-key-slide_title h1 { font-size: 4.4rem; margin-top: 18vh; }
.st-key-slide_title [class*="st-key-takeaway_"] p { font-size: 2.4rem; }
/* "3 / 7", right-aligned beside the progress bar, on one line whatever the width. */
.st-key-slide_counter p { font-size: 1.6rem; color: #444; text-align: right; white-space: nowrap; }
/* The chart fills the screen below the title and takeaway and above the controls: a slide
   never runs off a 1280×720 projector, nor leaves half a 1920×1080 one empty.
   (Streamlit makes the block a flex item of basis 0: its height alone would not count.) */
.st-key-slide_chart { flex: none !important; height: calc(100vh - 16.5rem) !important;
  min-height: 14rem; }
/* PageUp / PageDown: buttons only for their keyboard shortcut (a presenter's clicker). */
.st-key-next_pagedown, .st-key-prev_pageup { display: none; }
/* Previous / next, progress and counter: pinned to the bottom of the screen. */
.st-key-slide_controls { position: fixed; left: 2.5rem; right: 2.5rem; bottom: 0.6rem;
  width: auto !important; background: #FFFFFF; z-index: 10; }
/* The PowerPoint download: small and faint in the top right corner. */
.st-key-download_pptx { position: fixed; right: 2.5rem; top: 0.8rem; z-index: 10; opacity: 0.6; }
</style>
"""
MIN_AUTO_SECONDS = 2


def _query_int(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None


def _deck(lang: str) -> Deck | None:
    view = current_view()
    if view.agency is None or view.year is None:
        return None
    store = get_store(load_settings().database_url)
    name = st.query_params.get("deck")
    ids = store.deck(name) if name else None
    if name and ids is None:
        # Anyone can put any name in the link: shown as typed, never as a link or image.
        with st.container(key="unknown_deck"):
            st.warning(t_literal("present.unknown_deck", lang, name=name))
    # A link from the 对比 page (?metric=…) adds its ranking as the second slide.
    slide_ids = tuple(ids) if ids else linked_deck(DEFAULT_DECK)
    return build_deck(
        agency_facts(view.agency),
        view.agency,
        view.year,
        get_catalogue(),
        slide_ids=slide_ids,
        lang=lang,
        comparison=deck_comparison(view.year, slide_ids, get_catalogue()),
    )


def _go_to(index: int, count: int) -> None:
    index %= count  # past the last slide comes the first again (a looping screen)
    st.session_state[state.SLIDE] = index
    st.session_state[state.SLIDE_MOVED] = time.monotonic()
    write_params({"slide": str(index + 1)})


def _show_slide(slide: Slide, index: int, lang: str) -> None:
    key = "slide_title" if slide.id == "title" else "slide"
    with st.container(key=key):
        st.title(literal(slide.title), anchor=False)
        with st.container(key=f"takeaway_{index}"):
            st.markdown(f"**{literal(slide.takeaway)}**")
        if slide.chart is not None and slide.series:
            with st.container(key="slide_chart"):
                st.plotly_chart(
                    slide_figure(slide, lang=lang, height=None),
                    theme=None,
                    key=f"slide_chart_{index}",
                    height="stretch",
                    config={"displayModeBar": False, "staticPlot": True, "responsive": True},
                )
        elif slide.bullets and slide.id != "title":
            st.markdown("\n".join(f"- {literal(b)}" for b in slide.bullets))


def render() -> None:
    lang = current_view().lang
    st.html(PRESENT_CSS)
    deck = _deck(lang)
    if deck is None:
        st.info(t("app.empty_store", lang))
        return
    count = len(deck.slides)
    deck_key = (deck.agency, deck.year, tuple(s.id for s in deck.slides))
    if st.session_state.get(state.SLIDE_DECK) != deck_key:
        wanted = _query_int("slide") or 1
        st.session_state[state.SLIDE_DECK] = deck_key
        st.session_state[state.SLIDE] = min(max(wanted, 1), count) - 1
        st.session_state[state.SLIDE_MOVED] = time.monotonic()
    auto = _query_int("auto")
    auto = max(auto, MIN_AUTO_SECONDS) if auto else None

    @st.fragment(run_every=auto)
    def slides() -> None:
        index = st.session_state[state.SLIDE]
        moved = st.session_state[state.SLIDE_MOVED]
        if auto and time.monotonic() - moved >= auto - 0.25:
            _go_to(index + 1, count)
            index = st.session_state[state.SLIDE]
        stage = st.container()
        controls = st.container(key="slide_controls").columns(
            [1, 1, 6, 2], vertical_alignment="center"
        )
        with controls[0]:
            back = st.button(t("present.previous", lang), key="prev", shortcut="Left")
            back_pg = st.button("PageUp", key="prev_pageup", shortcut="PageUp")
        with controls[1]:
            forward = st.button(
                t("present.next", lang), key="next", shortcut="Right", type="primary"
            )
            forward_pg = st.button("PageDown", key="next_pagedown", shortcut="PageDown")
        if back or back_pg:
            _go_to(index - 1, count)
        elif forward or forward_pg:
            _go_to(index + 1, count)
        index = st.session_state[state.SLIDE]
        with controls[2]:
            st.progress((index + 1) / count)
        with controls[3], st.container(key="slide_counter"):
            st.markdown(f"{index + 1} / {count}")
        with stage:
            _show_slide(deck.slides[index], index, lang)

    slides()
    st.download_button(
        t("present.download_pptx", lang),
        data=lambda: deck_pptx(deck),
        file_name=f"{deck.agency}-{deck.year}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="download_pptx",
        on_click="ignore",
    )


render()
