"""The editor's deck panel of the 数据 page: choose and order the slides of a meeting deck,
save it under a name, and get the link that opens it (`/present?deck=NAME`)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components import state
from components.data import get_store
from components.filters import View
from dashboard.i18n.messages import t
from dashboard.outputs.slides import BUILDERS, DEFAULT_DECK
from dashboard.platform.auth import Actor
from dashboard.platform.decks import save_deck
from dashboard.platform.settings import load_settings

CHART_SLIDES = [s for s in BUILDERS if s not in ("title", "summary")]


def deck_panel(view: View, actor: Actor) -> None:
    lang = view.lang
    store = get_store(load_settings().database_url)
    st.caption(t("deck.help", lang))
    saved = store.decks()
    choice = st.selectbox(
        t("deck.existing", lang),
        ["", *saved],
        format_func=lambda n: n or t("deck.new", lang),
        key="deck_choice",
    )
    current = store.deck(choice) if choice else None
    name = st.text_input(
        t("deck.name", lang), value=choice, max_chars=100, key=f"deck_name_{choice}"
    )
    slides = st.multiselect(
        t("deck.slides", lang),
        CHART_SLIDES,
        default=[s for s in (current or DEFAULT_DECK) if s in CHART_SLIDES],
        format_func=lambda s: t(f"deck.slide.{s}", lang),
        key=f"deck_slides_{choice}",
        placeholder=t("deck.slides", lang),
    )
    if st.button(
        t("deck.save", lang),
        type="primary",
        key="deck_save",
        disabled=not name.strip() or not slides,
    ):
        try:
            clean = save_deck(store, name, slides, actor=actor)
        except ValueError as problem:
            st.error(t(f"deck.invalid.{problem}", lang))
            return
        query = {"deck": clean, "agency": view.agency or "", "year": view.year or ""}
        st.session_state[state.FLASH] = t(
            "deck.saved", lang, name=clean, link=f"/present?{urlencode(query)}"
        )
        st.rerun()
    if choice:
        query = urlencode({"deck": choice, "agency": view.agency or "", "year": view.year or ""})
        st.code(f"/present?{query}", language=None)
