"""Showing text that came from a file or a user: always literal, never markdown or HTML."""

import re

import polars as pl

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def literal(text: str) -> str:
    """Escape every markdown special character so Streamlit shows the text as typed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def literal_strings(frame: pl.DataFrame) -> pl.DataFrame:
    """`literal` on every text column, vectorised (no Python callback inside Polars)."""
    return frame.with_columns(
        pl.col(c).str.replace_all(_MARKDOWN_SPECIALS.pattern, r"\$1")
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )
