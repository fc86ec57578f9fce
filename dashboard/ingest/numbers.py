"""Value cells read by Polars expressions: the shapes staff type most, exactly as `parse_value`.

`400`, `-5`, `90.1`, `400余`, `约300`, `3000多`, `98.5%`, `超过95%`, `111件`, `3000余人次` — a
number with at most a qualifier word before or after it and a unit that is no money — are read
here, with `values._VALUE_RE` itself (the Rust regex engine matches it as Python's does:
leftmost-first alternation, ASCII `[0-9]`). A cell is taken only when every character is one
that `parse_value`'s normalising leaves alone (ASCII digits and signs, the qualifier and unit
characters that are already half-width simplified script: no spaces, no full-width forms, no
traditional characters), so that the cell as typed is the text `parse_value` reads. Anything else
— multipliers (`3.1万`), money units (their number changes with the metric's unit), two
qualifiers, traditional script, words such as 未报告 — is left to `parse_value` (`plain` false).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import polars as pl

from dashboard.domain.units import units
from dashboard.domain.values import (
    MAX_MAGNITUDE,
    MULTIPLIERS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNITS,
    Qualifier,
    normalize_text,
)

_PATTERN_GROUPS = ("pre", "sign", "num", "post1", "mult", "post2", "unit", "post3")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# values._VALUE_RE, without VERBOSE (the same groups in the same order).
VALUE_PATTERN = (
    f"^(?P<pre>{_alternation(PREFIX_QUALIFIERS)})?"
    "(?P<sign>-)?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
    f"(?P<post1>{_alternation(SUFFIX_QUALIFIERS)})?"
    "(?P<mult>[百千万萬亿億])?"
    f"(?P<post2>{_alternation(SUFFIX_QUALIFIERS)})?"
    f"(?P<unit>{_alternation(UNITS)})?"
    f"(?P<post3>{_alternation(SUFFIX_QUALIFIERS)})?$"
)


@cache
def safe_characters() -> str:
    """Characters a cell read here may hold: `normalize_text` leaves each as it is."""
    words = [*PREFIX_QUALIFIERS, *SUFFIX_QUALIFIERS]
    words += [u for u in UNITS if units().money_size(u) is None]
    found = {c for w in words for c in w if not c.isascii()}
    kept = sorted(
        c
        for c in found
        if normalize_text(c) == c and unicodedata.digit(c, None) is None and c not in MULTIPLIERS
    )
    return "0123456789.,%+-" + "".join(kept)


def _class(characters: str) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in characters) + "]"


def read_text(frame: pl.DataFrame, raw: str) -> pl.DataFrame:
    """`frame` with columns read from its text value cells `raw`: `plain` (read here),
    `plain_value`, `plain_qualifier`, `plain_unit`, `plain_error` (value-too-large,
    value-at-most-zero)."""
    # The pattern runs once; its groups become columns (g_pre, g_num, …).
    frame = frame.with_columns(
        pl.col(raw)
        .str.extract_groups(VALUE_PATTERN)
        .struct.rename_fields([f"g_{name}" for name in _PATTERN_GROUPS])
        .alias("_groups")
    ).unnest("_groups")
    post1, post2, post3 = pl.col("g_post1"), pl.col("g_post2"), pl.col("g_post3")
    suffixes = (
        post1.is_not_null().cast(pl.Int8)
        + post2.is_not_null().cast(pl.Int8)
        + post3.is_not_null().cast(pl.Int8)
    )
    money = [u for u in UNITS if units().money_size(u) is not None]
    frame = frame.with_columns(
        pl.col(raw)
        .str.contains("^" + _class(safe_characters()) + "+$")
        .fill_null(False)
        .alias("_safe"),
        suffixes.alias("_suffixes"),
        pl.col("g_pre")
        .replace_strict(
            {w: str(q) for w, q in PREFIX_QUALIFIERS.items()}, default=None, return_dtype=pl.String
        )
        .alias("_before"),
        pl.coalesce(post1, post2, post3)
        .replace_strict(
            {w: str(q) for w, q in SUFFIX_QUALIFIERS.items()}, default=None, return_dtype=pl.String
        )
        .alias("_after"),
        pl.col("g_num").str.replace_all(",", "", literal=True).cast(pl.Float64).alias("_magnitude"),
    )
    before, after = pl.col("_before"), pl.col("_after")
    plain = (
        pl.col("_safe")
        & pl.col("g_num").is_not_null()
        & pl.col("g_mult").is_null()
        & (pl.col("_suffixes") <= 1)
        # 约300左右 says one thing twice; 约400余 contradicts itself: parse_value decides
        & (before.is_null() | after.is_null() | (before == after))
        & ~pl.col("g_unit").is_in(money).fill_null(False)
    )
    magnitude = pl.col("_magnitude")
    frame = frame.with_columns(
        plain.alias("plain"),
        pl.when(pl.col("g_sign").is_not_null())
        .then(-magnitude)
        .otherwise(magnitude)
        .alias("plain_value"),
        pl.coalesce(before, after, pl.lit(str(Qualifier.EXACT))).alias("plain_qualifier"),
        pl.col("g_unit").alias("plain_unit"),
    )
    number, qualifier = pl.col("plain_value"), pl.col("plain_qualifier")
    error = (
        pl.when(~(number.abs() <= MAX_MAGNITUDE))
        .then(pl.lit("value-too-large"))
        .when((qualifier == str(Qualifier.AT_MOST)) & (number == 0))
        .then(pl.lit("value-at-most-zero"))
    )
    helpers = [f"g_{name}" for name in _PATTERN_GROUPS]
    helpers += ["_safe", "_suffixes", "_before", "_after", "_magnitude"]
    return frame.with_columns(error.alias("plain_error")).drop(helpers)


def skeleton(raw: pl.Expr) -> pl.Expr:
    """The cell with each run of digits as one 0: cells alike but for their numbers."""
    return raw.str.replace_all("[0-9]+", "0")


def normalised(skeletons: list[str]) -> set[str]:
    """The skeletons `normalize_text` leaves as they are (checked in Python, once each: script
    conversion works on phrases, so characters safe one by one are checked together too)."""
    return {s for s in skeletons if normalize_text(s) == s}
