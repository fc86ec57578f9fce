"""Showing text that came from a file or a user: always literal, never markdown or HTML."""

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def literal(text: str) -> str:
    """Escape every markdown special character so Streamlit shows the text as typed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
