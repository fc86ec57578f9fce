"""Showing text that came from a file or a user: always literal, never markdown or HTML.

Streamlit renders Markdown (react-markdown with remark-gfm) in st.markdown, st.caption, titles,
alerts, toasts, widget labels, metric labels and help, expander and tab labels, button labels and
st.table cells. Two things make user text into something else there:

- Markdown syntax (`![b](http://…)`, `[登录](http://…)`, `**`, `#`, `<b>`, `&lt;`): each
  character with a meaning is escaped with a backslash, which CommonMark shows as the character
  itself (every escapable character is ASCII punctuation, so no backslash is ever shown).
- Text-level rewrites that run on the text *after* escapes are resolved, so no escape stops
  them: GFM autolinks (`http://…`, `www.…`, `name@host.org`, `mailto:`), emoji and icon
  shortcodes (`:smile:`, `:material/…:`) and Streamlit's typography (`->` → `→`, `--` → `—`).
  An invisible U+2060 WORD JOINER after a `:` or `@` that runs on into a word or `/`, before the
  `.` of `www.` and between the two characters of an arrow breaks each trigger; the text looks
  the same.

`literal` is for one string, `literal_strings` for the text columns of a frame (st.table), and
`t_literal` for a message whose parameters come from data: the parameters are made literal, the
message's own wording is kept.
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from dashboard.i18n.messages import t

WORD_JOINER = "\u2060"

# (pattern, replacement) in the regex syntax Python's `re` and Polars (Rust `regex`) share; the
# replacement names groups as ${1}. Applied in order, each once over the whole text.
_RULES: tuple[tuple[str, str], ...] = (
    # Between a colon or at-sign and what follows it: `http:⁠//`, `mailto:⁠x`, `name@⁠host`,
    # `:⁠smile:`. (`说明: ` keeps its colon as it is: no autolink or shortcode starts there.)
    (r"([:@])([-+/\w])", "${1}" + WORD_JOINER + "${2}"),
    # `www.` starts an autolink with no scheme at all.
    (r"(?i)(www)\.", "${1}" + WORD_JOINER + "."),
    # Streamlit turns ` -> `, ` <- `, ` <-> `, ` -- `, ` >= `, ` <= `, ` ~= ` into symbols.
    (r"([-<>~])([-<>=])", "${1}" + WORD_JOINER + "${2}"),
    # Every character with a meaning in Markdown, GFM or Streamlit's extensions (`:red[…]`,
    # `$math$`), and `&` (entities) and `=` (setext headings), backslash-escaped.
    (r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])", "\\${1}"),
)


def _python_replacement(replacement: str) -> str:
    return replacement.replace("\\", "\\\\").replace("${1}", r"\g<1>").replace("${2}", r"\g<2>")


_PYTHON_RULES = tuple((re.compile(p), _python_replacement(r)) for p, r in _RULES)


def literal(text: object) -> str:
    """The text as Markdown that Streamlit shows exactly as typed: no link, image, autolink,
    emphasis, heading, HTML or entity; no visible backslash."""
    out = str(text)
    for pattern, replacement in _PYTHON_RULES:
        out = pattern.sub(replacement, out)
    return out


def literal_expr(column: pl.Expr) -> pl.Expr:
    """`literal` as a Polars expression (vectorised: no Python callback inside Polars)."""
    for pattern, replacement in _RULES:
        column = column.str.replace_all(pattern, replacement)
    return column


def literal_strings(frame: pl.DataFrame) -> pl.DataFrame:
    """`literal` on every text column (st.table renders Markdown in its cells)."""
    return frame.with_columns(
        literal_expr(pl.col(c)).alias(c) for c, dtype in frame.schema.items() if dtype == pl.String
    )


def t_literal(key: str, lang: str, /, **params: Any) -> str:
    """The message `key` for Markdown rendering, with every parameter shown literally (names of
    agencies, decks and files, notes); the message's own text and markup are kept."""
    return t(key, lang, **{name: literal(value) for name, value in params.items()})
