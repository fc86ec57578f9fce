"""Named meeting decks: an editor saves an ordered list of slide ids under a name, which the
present page opens as `?deck=NAME`."""

from __future__ import annotations

from dashboard.outputs.slides import BUILDERS
from dashboard.platform.auth import Actor, require_editor
from dashboard.store.database import Store

DECK_NAME_MAX = 100


def save_deck(store: Store, name: str, slide_ids: list[str], *, actor: Actor | None) -> str:
    """Save a named meeting deck (ordered slide ids) for `?deck=NAME`; editors only.

    Returns the cleaned name. Raises ValueError for an empty or over-long name, no slides, or
    a slide id that does not exist.
    """
    editor = require_editor(actor)
    clean = name.strip()
    if not clean or len(clean) > DECK_NAME_MAX:
        raise ValueError("deck-name")
    unknown = [s for s in slide_ids if s not in BUILDERS]
    if not slide_ids or unknown:
        raise ValueError("deck-slides")
    store.save_deck(clean, list(dict.fromkeys(slide_ids)), user=editor.name)
    return clean
