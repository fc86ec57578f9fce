"""Text from data in Plotly figures: shown as typed, never as Plotly's pseudo-HTML.

Plotly draws trace names, tick labels, text labels, hover labels, annotations and titles through
its own small HTML dialect (`<a href>`, `<b>`, `<i>`, `<br>`, `<span style>`, `<sup>`, `<sub>`) and
decodes the entities `&lt;` `&gt;` `&amp;`. A channel named `<a href="http://…">x</a>` would be a
link. Every data-derived string is escaped (`&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`), which
Plotly shows as the characters typed.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl


def plotly_text(text: object) -> str:
    """One string for a Plotly label, shown literally."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plotly_texts(texts: Iterable[object]) -> list[str | None]:
    """`plotly_text` on each (None stays None: no label)."""
    return [None if t is None else plotly_text(t) for t in texts]


def plotly_strings(frame: pl.DataFrame) -> pl.DataFrame:
    """`plotly_text` on every text column of a frame (vectorised: no Python callback in Polars)."""
    return frame.with_columns(
        pl.col(c)
        .str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )
